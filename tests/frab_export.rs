//! `fora export`: frab XML and JSON, held to the c3voc schemas by independent validators
//! (xmllint for the XSD, the `jsonschema` crate for the JSON Schema) and read back by
//! independent parsers (Python's xml.etree, plain serde_json values), whose instants and
//! lengths must be those the week file gives, computed here with jiff from its raw text.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use proptest::prelude::*;
use serde_json::{Value, json};

#[path = "support/week_file.rs"]
mod week_file;
use week_file::minutes;

#[path = "support/interop.rs"]
mod interop;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The c3voc schemas, from the shared interop folder; `None` (said) when it is absent.
fn schemas() -> Option<PathBuf> {
    let folder = interop::folder("the frab exports against the c3voc schemas")?.join("schema");
    let there =
        folder.join("schedule.xml.xsd").is_file() && folder.join("schedule.schema.json").is_file();
    assert!(there, "the c3voc schemas are in {}", folder.display());
    Some(folder)
}

/// xmllint, which the README's test command asks for as it asks for ical.js: without it
/// the test fails and says how to install it.
fn xmllint() -> std::process::Command {
    let there = std::process::Command::new("xmllint")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        there,
        "xmllint is not installed (apt-get install libxml2-utils): the frab XML cannot be \
         validated against the c3voc XSD"
    );
    std::process::Command::new("xmllint")
}

fn fora(args: &[&str]) -> Output {
    Command::cargo_bin("fora")
        .unwrap()
        .env("LANG", "C")
        .args(args)
        .output()
        .unwrap()
}

fn export(week: &Path, format: &str, extra: &[&str]) -> Output {
    let mut args = vec![
        "export",
        week.to_str().unwrap(),
        "--format",
        format,
        "--base-url",
        "https://example.org/woche",
    ];
    args.extend_from_slice(extra);
    fora(&args)
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// What the week file says of one forum, read from its raw JSON.
#[derive(Debug)]
struct Expected {
    /// The start instant, from the local start and the zone (jiff's compatible reading:
    /// a skipped time after the gap, a repeated one the earlier, as RFC 5545 reads them).
    start: jiff::Timestamp,
    /// Its offset then, in seconds.
    offset: i32,
    minutes: i64,
}

/// The scheduled fora that take place, by id, read from the week file's raw JSON.
fn expected(week: &Value) -> BTreeMap<String, Expected> {
    let zone = jiff::tz::TimeZone::get(week["timezone"].as_str().unwrap()).unwrap();
    week["fora"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|forum| forum.get("status").and_then(Value::as_str) != Some("cancelled"))
        .filter_map(|forum| {
            let local: jiff::civil::DateTime = forum.get("start")?.as_str()?.parse().unwrap();
            let zoned = local.to_zoned_datetime(zone.clone()).unwrap();
            Some((
                forum["id"].as_str().unwrap().to_owned(),
                Expected {
                    start: zoned.timestamp(),
                    offset: zoned.offset().seconds(),
                    minutes: minutes(&forum["duration"]),
                },
            ))
        })
        .collect()
}

fn hours_minutes(text: &str) -> i64 {
    let (hours, minutes) = text.split_once(':').unwrap();
    hours.parse::<i64>().unwrap() * 60 + minutes.parse::<i64>().unwrap()
}

/// The forum id of an event, from its page's address.
fn forum_of(url: &str) -> String {
    let page = url.rsplit('/').next().unwrap();
    page.strip_suffix(".html").unwrap().to_owned()
}

/// One event as a reader found it.
struct Found {
    forum: String,
    day: String,
    day_start: jiff::Timestamp,
    day_end: jiff::Timestamp,
    date: String,
    start: String,
    duration: String,
    guid: String,
    id: i64,
    slug: String,
}

/// The week's fora against what a reader found: the same fora, each at the instant with
/// the offset the week gives, as long, on the day it starts, within that day's window,
/// with unique guids, ids and slugs.
fn compare(week: &Value, found: &[Found], what: &str) {
    let expected = expected(week);
    let ids: BTreeSet<&str> = found.iter().map(|f| f.forum.as_str()).collect();
    assert_eq!(
        ids,
        expected.keys().map(String::as_str).collect(),
        "{what}: the fora exported"
    );
    assert_eq!(ids.len(), found.len(), "{what}: each forum once");
    for unique in [
        found.iter().map(|f| f.guid.clone()).collect::<HashSet<_>>(),
        found.iter().map(|f| f.id.to_string()).collect(),
        found.iter().map(|f| f.slug.clone()).collect(),
    ] {
        assert_eq!(
            unique.len(),
            found.len(),
            "{what}: guids, ids and slugs are unique"
        );
    }
    for event in found {
        let want = &expected[&event.forum];
        let date: jiff::Timestamp = event.date.parse().unwrap();
        assert_eq!(date, want.start, "{what}: {}: the instant", event.forum);
        let offset = &event.date[event.date.len() - 6..];
        let seconds = want.offset;
        let sign = if seconds < 0 { '-' } else { '+' };
        let written = format!(
            "{sign}{:02}:{:02}",
            seconds.abs() / 3600,
            seconds.abs() % 3600 / 60
        );
        assert_eq!(offset, written, "{what}: {}: the offset", event.forum);
        assert_eq!(
            hours_minutes(&event.duration),
            want.minutes,
            "{what}: {}: the length",
            event.forum
        );
        let local = date.to_zoned_datetime(jiff::tz::TimeZone::fixed(
            jiff::tz::Offset::from_seconds(seconds).unwrap(),
        ));
        assert_eq!(
            event.start,
            local.strftime("%H:%M").to_string(),
            "{what}: start"
        );
        assert_eq!(
            event.day,
            local.date().to_string(),
            "{what}: the day it starts on"
        );
        let end = date + jiff::SignedDuration::from_mins(want.minutes);
        assert!(
            event.day_start <= date && end <= event.day_end,
            "{what}: {} lies within its day",
            event.forum
        );
        assert!(event.id > 0 && event.id < 1 << 31, "{what}: a positive id");
        assert!(uuid_like(&event.guid), "{what}: a guid");
    }
}

fn uuid_like(text: &str) -> bool {
    let parts: Vec<usize> = text.split('-').map(str::len).collect();
    parts == [8, 4, 4, 4, 12] && text.chars().all(|c| c == '-' || c.is_ascii_hexdigit())
}

/// The XML, validated against the XSD by xmllint and read back by Python's parser.
fn check_xml(week: &Value, xml: &[u8], schemas: &Path, what: &str) {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("schedule.xml");
    std::fs::write(&file, xml).unwrap();
    let lint = xmllint()
        .arg("--noout")
        .arg("--schema")
        .arg(schemas.join("schedule.xml.xsd"))
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        lint.status.success(),
        "{what}: xmllint: {}\n{}",
        String::from_utf8_lossy(&lint.stderr),
        String::from_utf8_lossy(xml)
    );
    let python = std::process::Command::new("python3")
        .arg(root().join("tests/scripts/frab_events.py"))
        .arg(&file)
        .output()
        .expect("python3 reads the XML back");
    assert!(
        python.status.success(),
        "{}",
        String::from_utf8_lossy(&python.stderr)
    );
    let read: Value = serde_json::from_slice(&python.stdout).unwrap();
    let mut found = Vec::new();
    for (n, day) in read["days"].as_array().unwrap().iter().enumerate() {
        assert_eq!(
            day["index"],
            json!(n + 1),
            "{what}: days are numbered from 1"
        );
        for event in day["events"].as_array().unwrap() {
            assert_eq!(event["room"], event["room_of_day"], "{what}: its room");
            found.push(Found {
                forum: forum_of(event["url"].as_str().unwrap()),
                day: day["date"].as_str().unwrap().to_owned(),
                day_start: day["start"].as_str().unwrap().parse().unwrap(),
                day_end: day["end"].as_str().unwrap().parse().unwrap(),
                date: event["date"].as_str().unwrap().to_owned(),
                start: event["start"].as_str().unwrap().to_owned(),
                duration: event["duration"].as_str().unwrap().to_owned(),
                guid: event["guid"].as_str().unwrap().to_owned(),
                id: event["id"].as_i64().unwrap(),
                slug: event["slug"].as_str().unwrap().to_owned(),
            });
        }
    }
    compare(week, &found, what);
}

fn json_validator(schemas: &Path) -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(schemas.join("schedule.schema.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-06/schema#");
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft6)
        .should_validate_formats(true)
        .build(&schema)
        .expect("the c3voc JSON Schema compiles")
}

/// The JSON, validated against the JSON Schema with its formats and read back as values.
fn check_json(week: &Value, bytes: &[u8], validator: &jsonschema::Validator, what: &str) {
    let document: Value = serde_json::from_slice(bytes).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&document)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}");
    let mut found = Vec::new();
    let days = document["schedule"]["conference"]["days"]
        .as_array()
        .unwrap();
    for (n, day) in days.iter().enumerate() {
        assert_eq!(day["index"], json!(n + 1));
        for (room, events) in day["rooms"].as_object().unwrap() {
            for event in events.as_array().unwrap() {
                assert_eq!(event["room"], json!(room), "{what}: its room");
                let date: jiff::Timestamp = event["date"].as_str().unwrap().parse().unwrap();
                let end: jiff::Timestamp = event["end"].as_str().unwrap().parse().unwrap();
                let minutes = hours_minutes(event["duration"].as_str().unwrap());
                assert_eq!(date + jiff::SignedDuration::from_mins(minutes), end);
                found.push(Found {
                    forum: forum_of(event["url"].as_str().unwrap()),
                    day: day["date"].as_str().unwrap().to_owned(),
                    day_start: day["day_start"].as_str().unwrap().parse().unwrap(),
                    day_end: day["day_end"].as_str().unwrap().parse().unwrap(),
                    date: event["date"].as_str().unwrap().to_owned(),
                    start: event["start"].as_str().unwrap().to_owned(),
                    duration: event["duration"].as_str().unwrap().to_owned(),
                    guid: event["guid"].as_str().unwrap().to_owned(),
                    id: event["id"].as_i64().unwrap(),
                    slug: event["slug"].as_str().unwrap().to_owned(),
                });
            }
        }
    }
    compare(week, &found, what);
}

/// Exports `path` both ways and checks both.
fn check_week(path: &Path, schemas: &Path, validator: &jsonschema::Validator) {
    let week: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let what = path.display().to_string();
    let xml = export(path, "frab-xml", &[]);
    assert_ne!(xml.status.code(), Some(2), "{what}: {}", stderr(&xml));
    check_xml(&week, &xml.stdout, schemas, &what);
    let json = export(path, "frab-json", &[]);
    assert_ne!(json.status.code(), Some(2), "{what}: {}", stderr(&json));
    check_json(&week, &json.stdout, validator, &what);
}

#[test]
fn every_shipped_week_exports_valid_frab_at_its_instants_or_is_refused_for_its_duplicate_ids() {
    let Some(schemas) = schemas() else { return };
    let validator = json_validator(&schemas);
    let mut weeks: Vec<PathBuf> = std::fs::read_dir(root().join("schedules"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    weeks.sort();
    assert!(weeks.len() >= 3);
    for path in weeks {
        let check = fora(&["check", path.to_str().unwrap(), "--format", "json"]);
        let report: Value = serde_json::from_slice(&check.stdout).unwrap();
        if report["summary"]["finding_counts"]["duplicate-id"] != json!(0) {
            let refused = export(&path, "frab-xml", &["--lang", "en"]);
            assert_eq!(refused.status.code(), Some(2));
            assert!(refused.stdout.is_empty());
            assert!(stderr(&refused).contains("error[duplicate-id]"));
            continue;
        }
        check_week(&path, &schemas, &validator);
    }
}

/// Zones with daylight saving (Lord Howe's is half an hour), one an hour ahead of UTC all
/// year, and two whose names the JSON Schema's pattern does not take.
const ZONES: [&str; 7] = [
    "Europe/Berlin",
    "America/New_York",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "UTC",
    "Etc/GMT-1",
    "America/Argentina/Buenos_Aires",
];

/// First days of weeks around the clock changes of those zones.
const STARTS: [&str; 6] = [
    "2021-03-26",
    "2021-10-29",
    "2021-03-13",
    "2021-11-06",
    "2021-04-03",
    "2021-10-02",
];

const NAMES: [&str; 6] = [
    "Anna Ärger",
    "anna ärger",
    "Bob <&\"> Smith",
    "Jürgen O'Neil",
    "  ",
    "Zoë & Co.",
];

prop_compose! {
    fn forum(days: i64, rooms: usize)(
        day in 0..days,
        hour in 0u32..24,
        minute in prop::sample::select(vec![0u32, 5, 15, 30, 45, 59]),
        duration in prop::sample::select(vec![1u32, 15, 45, 60, 90, 240, 600, 1440]),
        room in 0..rooms + 1,
        speakers in prop::collection::vec(0..NAMES.len(), 0..4),
        description in prop::sample::select(vec!["", " ", "Über <b>&amp;</b> \"Zitate\"", "Zeile\nzwei"]),
        status in prop::sample::select(vec!["confirmed", "confirmed", "tentative", "cancelled"]),
        scheduled in prop::bool::weighted(0.85),
        link in prop::sample::select(vec![None, Some("https://example.org/join?a=1&b=2"), Some("zoom.us/j/1")]),
        format in prop::sample::select(vec![None, Some("Fachforum"), Some("Werkstatt <&>")]),
    ) -> Value {
        let mut forum = json!({
            "title": format!("Forum {day} <&> „{hour}“"),
            "duration": duration,
            "speakers": speakers.iter().map(|&s| NAMES[s]).collect::<Vec<_>>(),
            "description": description,
            "status": status,
        });
        if scheduled {
            forum["start"] = json!((day, hour, minute));
        }
        if room > 0 {
            forum["room"] = json!(format!("r{room}"));
        }
        if let Some(link) = link {
            forum["url"] = json!(link);
        }
        if let Some(format) = format {
            forum["format"] = json!(format);
        }
        forum
    }
}

fn week_strategy() -> impl Strategy<Value = Value> {
    (
        prop::sample::select(ZONES.to_vec()),
        prop::sample::select(STARTS.to_vec()),
        1i64..4,
        0usize..4,
        prop::option::of(prop::sample::select(vec!["de", "en"])),
        prop::bool::ANY,
        prop::option::of((7u32..11, 17u32..24)),
    )
        .prop_flat_map(|(zone, start, days, rooms, language, id, window)| {
            let fora = prop::collection::vec(forum(days, rooms), 0..9);
            (Just((zone, start, days, rooms, language, id, window)), fora)
        })
        .prop_map(|((zone, start, days, rooms, language, id, window), fora)| {
            let first: jiff::civil::Date = start.parse().unwrap();
            let day = |n: i64| first.checked_add(jiff::Span::new().days(n)).unwrap();
            let fora: Vec<Value> = fora
                .into_iter()
                .enumerate()
                .map(|(i, mut forum)| {
                    // Ids of every shape a slug must make good: case, a trailing `-`, short.
                    forum["id"] = json!(match i % 4 {
                        0 => format!("f{i}"),
                        1 => format!("Forum-{i}-"),
                        2 => format!("WS_{i}_"),
                        _ => format!("fachforum-nummer-{i}"),
                    });
                    if let Some([d, h, m]) = forum.get("start").cloned().and_then(|s| {
                        serde_json::from_value::<[i64; 3]>(s).ok()
                    }) {
                        forum["start"] = json!(format!("{}T{h:02}:{m:02}", day(d)));
                    }
                    forum
                })
                .collect();
            let mut week = json!({
                "name": "Woche <&> „Test“",
                "timezone": zone,
                "start": first.to_string(),
                "end": day(days - 1).to_string(),
                "rooms": (1..=rooms).map(|r| json!({
                    "id": format!("r{r}"),
                    // Two rooms of one name: one room of the schedule.
                    "name": if r == 3 { "Raum <1> & „Eins“".to_owned() } else { format!("Raum <{r}> & „Eins“") },
                    "url": format!("https://example.org/raum/{r}"),
                })).collect::<Vec<_>>(),
                "fora": fora,
            });
            if rooms == 0 {
                week.as_object_mut().unwrap().remove("rooms");
            }
            if let Some(language) = language {
                week["language"] = json!(language);
            }
            if id {
                week["id"] = json!("test-woche-2021");
            }
            if let Some((from, to)) = window {
                week["rules"] = json!({"day_start": format!("{from:02}:00"), "day_end": format!("{to:02}:00")});
            }
            week
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 30, ..ProptestConfig::default() })]

    #[test]
    fn random_weeks_export_valid_frab_at_the_week_files_instants(week in week_strategy()) {
        let Some(schemas) = schemas() else { return Ok(()) };
        let validator = json_validator(&schemas);
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("woche.json");
        std::fs::write(&path, serde_json::to_vec_pretty(&week).unwrap()).unwrap();
        check_week(&path, &schemas, &validator);
    }
}

fn engagement() -> Value {
    serde_json::from_str(
        &std::fs::read_to_string(root().join("schedules/engagementkongress-2020.json")).unwrap(),
    )
    .unwrap()
}

fn write(folder: &Path, week: &Value) -> PathBuf {
    let path = folder.join("woche.json");
    std::fs::write(&path, serde_json::to_vec_pretty(week).unwrap()).unwrap();
    path
}

fn guids(xml: &[u8]) -> Vec<String> {
    let text = String::from_utf8(xml.to_vec()).unwrap();
    text.split("guid=\"")
        .skip(1)
        .map(|rest| rest[..36].to_owned())
        .collect()
}

#[test]
fn the_same_week_gives_the_same_bytes_and_a_renamed_one_the_same_guids_and_ids() {
    let folder = tempfile::tempdir().unwrap();
    let mut week = engagement();
    week["id"] = json!("ekw-2020");
    let path = write(folder.path(), &week);
    let first = export(&path, "frab-xml", &[]);
    let again = export(&path, "frab-xml", &[]);
    assert_eq!(first.stdout, again.stdout);
    let json = export(&path, "frab-json", &[]);
    assert_eq!(json.stdout, export(&path, "frab-json", &[]).stdout);
    week["name"] = json!("Ganz anders genannt");
    week["description"] = json!("Neu");
    let renamed = export(&write(folder.path(), &week), "frab-xml", &[]);
    let before = guids(&first.stdout);
    assert!(before.len() > 15, "rooms, events and persons have guids");
    assert_eq!(before, guids(&renamed.stdout));
    let ids = |xml: &[u8]| {
        let text = String::from_utf8(xml.to_vec()).unwrap();
        text.split(" id=\"")
            .skip(1)
            .map(|rest| rest.split('"').next().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&first.stdout), ids(&renamed.stdout));
    // A new week id is a new identity.
    week["id"] = json!("ekw-2020-neu");
    let other = export(&write(folder.path(), &week), "frab-xml", &[]);
    assert!(guids(&other.stdout).iter().all(|g| !before.contains(g)));
}

#[test]
fn an_imported_guid_and_id_are_kept() {
    let folder = tempfile::tempdir().unwrap();
    let mut week = engagement();
    week["fora"][0]["x-frab-guid"] = json!("0B7C6F2E-8A3B-4C4D-9E5F-102132435465");
    week["fora"][0]["x-frab-id"] = json!(4711);
    let output = export(&write(folder.path(), &week), "frab-json", &[]);
    let document: Value = serde_json::from_slice(&output.stdout).unwrap();
    let first = &document["schedule"]["conference"]["days"][0]["rooms"]
        .as_object()
        .unwrap()
        .values()
        .next()
        .unwrap()[0];
    assert_eq!(first["guid"], "0b7c6f2e-8a3b-4c4d-9e5f-102132435465");
    assert_eq!(first["id"], 4711);
    // Carried: not named among what the format cannot carry.
    assert!(!stderr(&output).contains("x-frab"), "{}", stderr(&output));
}

#[test]
fn a_week_with_duplicate_ids_is_refused_with_the_finding() {
    let folder = tempfile::tempdir().unwrap();
    let mut week = engagement();
    let copy = week["fora"][1].clone();
    week["fora"].as_array_mut().unwrap().push(copy);
    let path = write(folder.path(), &week);
    let out = folder.path().join("schedule.xml");
    for (language, finding, said) in [
        ("en", "error[duplicate-id]:", "nothing was written"),
        ("de", "Fehler[duplicate-id]:", "nichts wurde geschrieben"),
    ] {
        let output = export(
            &path,
            "frab-xml",
            &["--lang", language, "-o", out.to_str().unwrap()],
        );
        assert_eq!(output.status.code(), Some(2));
        let stderr = stderr(&output);
        assert!(stderr.contains(finding), "{stderr}");
        assert!(stderr.contains(said), "{stderr}");
        assert!(!out.exists());
    }
}

#[test]
fn frab_json_needs_a_base_url_and_takes_only_a_web_address() {
    let week = root().join("schedules/engagementkongress-2020.json");
    let file = week.to_str().unwrap();
    for (language, said) in [
        (
            "en",
            "error: --base-url: frab-json needs it: its schema requires every event's url",
        ),
        (
            "de",
            "Fehler: --base-url: frab-json braucht sie: sein Schema verlangt",
        ),
    ] {
        let output = fora(&["export", file, "--format", "frab-json", "--lang", language]);
        assert_eq!(output.status.code(), Some(2));
        assert!(stderr(&output).starts_with(said), "{}", stderr(&output));
        assert!(output.stdout.is_empty());
    }
    for (base, said) in [
        (
            "example.org/woche",
            "--base-url \"example.org/woche\": not an absolute address; did you mean https://example.org/woche?",
        ),
        (
            "ftp://example.org",
            "--base-url \"ftp://example.org\": the base URL must be an https:// or http:// address",
        ),
    ] {
        let output = fora(&[
            "export",
            file,
            "--format",
            "frab-xml",
            "--base-url",
            base,
            "--lang",
            "en",
        ]);
        assert_eq!(output.status.code(), Some(2));
        assert!(stderr(&output).contains(said), "{}", stderr(&output));
    }
    // XML takes no url without one, and is valid all the same.
    let output = fora(&["export", file, "--format", "frab-xml"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(!String::from_utf8_lossy(&output.stdout).contains("<url>"));
}

#[test]
fn cancelled_and_unscheduled_fora_are_left_out_and_named() {
    let folder = tempfile::tempdir().unwrap();
    let mut week = engagement();
    week["fora"][0]["status"] = json!("cancelled");
    week["fora"][1].as_object_mut().unwrap().remove("start");
    week["fora"][2].as_object_mut().unwrap().remove("start");
    week["x-farbe"] = json!("grün");
    let ids: Vec<String> = (0..3)
        .map(|i| week["fora"][i]["id"].as_str().unwrap().to_owned())
        .collect();
    let path = write(folder.path(), &week);
    let en = export(&path, "frab-xml", &["--lang", "en"]);
    let said = stderr(&en);
    assert!(
        said.contains(&format!(
            "warning: frab-xml: 2 unscheduled fora not exported (an event needs a start): {}, {}",
            ids[1], ids[2]
        )),
        "{said}"
    );
    assert!(
        said.contains(&format!("warning: frab-xml: 1 cancelled forum left out (the format has no word for a cancelled event): {}", ids[0])),
        "{said}"
    );
    assert!(
        said.contains(
            "the format cannot carry: description, registrations, capacity, rules, expect, x-farbe"
        ),
        "{said}"
    );
    let de = stderr(&export(&path, "frab-json", &["--lang", "de"]));
    assert!(
        de.contains(&format!(
            "Warnung: frab-json: 2 ungeplante Fora nicht exportiert (ein Eintrag braucht einen Beginn): {}, {}",
            ids[1], ids[2]
        )),
        "{de}"
    );
    assert!(de.contains("1 abgesagtes Forum ausgelassen"), "{de}");
    assert!(
        de.contains(
            "nicht übertragbar: description, registrations, capacity, rules, expect, x-farbe"
        ),
        "{de}"
    );
    let xml = String::from_utf8(en.stdout).unwrap();
    for id in &ids {
        assert!(!xml.contains(&format!("/{id}.html")), "{id} is left out");
    }
    if let Some(schemas) = schemas() {
        check_xml(
            &week,
            xml.as_bytes(),
            &schemas,
            "engagement, three fora left out",
        );
    }
}

#[test]
fn time_zone_name_is_written_exactly_when_the_json_schemas_pattern_takes_it() {
    let Some(schemas) = schemas() else { return };
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(schemas.join("schedule.schema.json")).unwrap(),
    )
    .unwrap();
    let pattern = &schema["definitions"]["Conference"]["properties"]["time_zone_name"];
    let validator = jsonschema::draft6::new(pattern).unwrap();
    let mut left_out = 0;
    for zone in chrono_tz::TZ_VARIANTS {
        let name = zone.name();
        let taken = validator.is_valid(&json!(name));
        assert_eq!(fora::export::frab::json_zone_name(name), taken, "{name}");
        left_out += usize::from(!taken);
    }
    assert!(left_out > 10, "some zones are left out: Etc/GMT+5, CET …");
}

#[test]
fn the_engagement_week_as_frab_xml_and_json() {
    let week = root().join("schedules/engagementkongress-2020.json");
    for (format, name) in [("frab-xml", "frab_xml"), ("frab-json", "frab_json")] {
        let output = export(&week, format, &[]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        insta::assert_snapshot!(name, String::from_utf8(output.stdout).unwrap());
    }
}
