//! Every real schedule in `../shared/interop/schedules/` imported with the binary, event
//! for event: the instants, durations, titles, guids, rooms and speakers of the week file
//! (instants worked out with jiff from its `start` and `timezone`, not with fora's model)
//! equal those of an independent reading of the source by Python's standard library
//! (`tests/scripts/read_schedule.py`); then `fora check` reads the week.

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use serde_json::Value;

/// The real schedules, each with the zone it needs when it names none.
const SCHEDULES: [(&str, Option<&str>); 7] = [
    ("giggity-fosdem_2021.xml", Some("Europe/Brussels")),
    ("giggity-debconf23.xml", None),
    ("giggity-36c3_merged.xml", Some("Europe/Berlin")),
    ("frab-camp2019.json", None),
    ("pretalx-democon.json", None),
    ("pretalx-rc3.json", Some("Europe/Berlin")),
    ("hub-schedule2.json", None),
];

/// What one event is, as both readings give it: instant in UTC, minutes, title, guid,
/// room, speakers (sorted).
type Reading = (
    String,
    u64,
    String,
    Option<String>,
    Option<String>,
    Vec<String>,
);

#[path = "support/interop.rs"]
mod interop;

#[path = "support/fora.rs"]
mod binary;
use binary::fora;

/// The shared folder of real schedules; `None` (said) when it is absent.
fn schedules() -> Option<PathBuf> {
    interop::folder("the import of the real schedules").map(|folder| folder.join("schedules"))
}

/// The events as Python reads the source.
fn python_reading(source: &Path, zone: Option<&str>) -> Vec<Reading> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scripts/read_schedule.py");
    let mut python = Process::new("python3");
    python.arg(script).arg(source);
    if let Some(zone) = zone {
        python.args(["--timezone", zone]);
    }
    let output = python.output().unwrap_or_else(|e| {
        panic!("python3 reads the schedules independently, and did not start: {e}")
    });
    assert!(
        output.status.success(),
        "read_schedule.py failed on {}: {}",
        source.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| {
            let event: Value = serde_json::from_str(line).unwrap();
            let text = |v: &Value| v.as_str().map(str::to_owned);
            (
                text(&event[0]).unwrap(),
                // A forum runs from 1 minute to a day: the import says how many it clamps.
                event[1].as_u64().unwrap().clamp(1, 24 * 60),
                text(&event[2]).unwrap(),
                text(&event[3]),
                text(&event[4]),
                strings(&event[5]),
            )
        })
        .collect()
}

fn strings(value: &Value) -> Vec<String> {
    let mut names: Vec<String> = value
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names.dedup();
    names
}

/// Minutes of a week file's duration as the import writes it: `45m`, `2h`, `1h30m`.
fn week_minutes(text: &str) -> u64 {
    let (hours, rest) = match text.split_once('h') {
        Some((hours, rest)) => (hours.parse::<u64>().unwrap(), rest),
        None => (0, text),
    };
    let minutes = match rest.strip_suffix('m') {
        Some(minutes) => minutes.parse::<u64>().unwrap(),
        None => {
            assert!(
                rest.is_empty(),
                "a duration the import does not write: {text}"
            );
            0
        }
    };
    hours * 60 + minutes
}

/// The fora of a week file, their instants from `start` in `timezone` by jiff.
fn week_reading(week: &Value) -> Vec<Reading> {
    let zone = jiff::tz::TimeZone::get(week["timezone"].as_str().unwrap()).unwrap();
    let rooms: Vec<(&str, &str)> = week["rooms"]
        .as_array()
        .map(|rooms| {
            rooms
                .iter()
                .map(|r| (r["id"].as_str().unwrap(), r["name"].as_str().unwrap()))
                .collect()
        })
        .unwrap_or_default();
    week["fora"]
        .as_array()
        .unwrap()
        .iter()
        .map(|forum| {
            let start: jiff::civil::DateTime = forum["start"].as_str().unwrap().parse().unwrap();
            // A clock time that happens twice is the first (none of these schedules has one).
            let instant = zone.to_ambiguous_timestamp(start).earlier().unwrap();
            let room = forum["room"].as_str().map(|id| {
                let (_, name) = rooms.iter().find(|(i, _)| *i == id).unwrap();
                (*name).to_owned()
            });
            (
                instant.strftime("%Y-%m-%dT%H:%M:%SZ").to_string(),
                week_minutes(forum["duration"].as_str().unwrap()),
                forum["title"].as_str().unwrap().to_owned(),
                forum["x-frab-guid"].as_str().map(str::to_owned),
                room,
                strings(&forum["speakers"]),
            )
        })
        .collect()
}

#[test]
fn every_real_schedule_comes_in_event_for_event() {
    let Some(folder) = schedules() else {
        return;
    };
    let temp = tempfile::tempdir().unwrap();
    for (name, zone) in SCHEDULES {
        let source = folder.join(name);
        let week_path = temp.path().join(format!("{name}.week.json"));
        let mut import = fora();
        import.arg("import").arg(&source).arg("-o").arg(&week_path);
        if let Some(zone) = zone {
            import.args(["--timezone", zone]);
        }
        let output = import.output().unwrap();
        assert!(
            output.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let week: Value =
            serde_json::from_str(&std::fs::read_to_string(&week_path).unwrap()).unwrap();
        let mut imported = week_reading(&week);
        let mut expected = python_reading(&source, zone);
        assert!(!expected.is_empty(), "{name}: Python read no event");
        assert_eq!(
            imported.len(),
            expected.len(),
            "{name}: the count of events"
        );
        imported.sort();
        expected.sort();
        for (got, want) in imported.iter().zip(&expected) {
            assert_eq!(got, want, "{name}: the first event that differs");
        }
        let check = fora().arg("check").arg(&week_path).output().unwrap();
        assert!(
            matches!(check.status.code(), Some(0 | 1)),
            "{name}: fora check cannot read the import: {}",
            String::from_utf8_lossy(&check.stderr)
        );
    }
}

#[test]
fn the_sources_ids_and_the_conference_are_kept_for_a_round_trip() {
    let Some(folder) = schedules() else {
        return;
    };
    let temp = tempfile::tempdir().unwrap();
    let week_path = temp.path().join("camp.json");
    fora()
        .arg("import")
        .arg(folder.join("frab-camp2019.json"))
        .arg("-o")
        .arg(&week_path)
        .assert()
        .success();
    let week: Value = serde_json::from_str(&std::fs::read_to_string(&week_path).unwrap()).unwrap();
    let source: Value =
        serde_json::from_str(&std::fs::read_to_string(folder.join("frab-camp2019.json")).unwrap())
            .unwrap();
    assert_eq!(week["x-frab-acronym"], "Camp2019");
    assert_eq!(week["x-frab-base-url"], source["schedule"]["base_url"]);
    let first = &source["schedule"]["conference"]["days"][0]["rooms"]["Curie"][0];
    let forum = week["fora"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["x-frab-guid"] == first["guid"])
        .expect("the guid is kept");
    assert_eq!(forum["x-frab-id"], first["id"]);
    assert_eq!(forum["x-frab-url"], first["url"]);
    // Its slug, `camp2019-10386-opening-ceremony`, without the acronym before it.
    assert_eq!(forum["id"], "10386-opening-ceremony");
    // The event's page is no join link.
    assert!(forum.get("url").is_none());
}

#[test]
fn a_schedule_without_a_zone_needs_timezone_and_names_its_offsets() {
    let Some(folder) = schedules() else {
        return;
    };
    let temp = tempfile::tempdir().unwrap();
    for (lang, words) in [("en", "names no time zone"), ("de", "nennt keine Zeitzone")] {
        // FOSDEM's events have no instants, so no offsets to name.
        let fosdem = fora()
            .args(["--lang", lang, "import"])
            .arg(folder.join("giggity-fosdem_2021.xml"))
            .arg("-o")
            .arg(temp.path().join("fosdem.json"))
            .assert()
            .code(2);
        let said = String::from_utf8(fosdem.get_output().stderr.clone()).unwrap();
        assert!(said.contains(words), "{said}");
        assert!(said.contains("--timezone"), "{said}");
        assert!(said.contains("giggity-fosdem_2021.xml"), "{said}");
        // 36C3's carry +01:00.
        let congress = fora()
            .args(["--lang", lang, "import"])
            .arg(folder.join("giggity-36c3_merged.xml"))
            .arg("-o")
            .arg(temp.path().join("36c3.json"))
            .assert()
            .code(2);
        let said = String::from_utf8(congress.get_output().stderr.clone()).unwrap();
        assert!(said.contains("--timezone"), "{said}");
        assert!(said.contains("+01:00"), "{said}");
        assert!(!temp.path().join("36c3.json").exists());
    }
}

#[test]
fn what_is_dropped_and_clamped_is_counted_in_both_languages() {
    let Some(folder) = schedules() else {
        return;
    };
    let temp = tempfile::tempdir().unwrap();
    let said = |lang: &str| {
        let out = fora()
            .args([
                "--lang",
                lang,
                "import",
                "--force",
                "--timezone",
                "Europe/Berlin",
            ])
            .arg(folder.join("giggity-36c3_merged.xml"))
            .arg("-o")
            .arg(temp.path().join("36c3.json"))
            .assert()
            .success();
        String::from_utf8(out.get_output().stderr.clone()).unwrap()
    };
    let english = said("en");
    // 36C3 has one event of 00:00 (counted by Python in the test above as 1 minute).
    assert!(english.contains("1 event has no duration"), "{english}");
    assert!(english.contains("1351 fora from frab-xml"), "{english}");
    assert!(english.contains("312 subtitles"), "{english}");
    let german = said("de");
    assert!(
        german.contains("1 Veranstaltung hat keine Dauer"),
        "{german}"
    );
    assert!(german.contains("312 Untertitel"), "{german}");
}

#[test]
fn a_week_file_is_not_imported_but_named_for_what_it_is() {
    let week = Path::new(env!("CARGO_MANIFEST_DIR")).join("schedules/engagementkongress-2020.json");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("w.json");
    for (lang, words) in [
        ("de", "ist schon eine Wochendatei"),
        ("en", "is a week file already"),
    ] {
        let output = fora()
            .args(["--lang", lang, "import"])
            .arg(&week)
            .arg("-o")
            .arg(&out)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        let said = String::from_utf8_lossy(&output.stderr);
        assert!(
            said.contains(words) && said.contains("engagementkongress-2020.json"),
            "{said}"
        );
        assert!(!out.exists(), "nothing is written");
    }
}
