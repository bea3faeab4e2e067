//! Round trips through the frab formats, with the binary: a week exported as frab JSON or
//! XML and imported again keeps every forum's title, instant, duration, room and speakers;
//! a real schedule imported, exported and imported again keeps its events and its guids.
//! Instants are worked out with jiff from each week file's `start` and `timezone`, not with
//! fora's model.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

#[path = "support/week_file.rs"]
mod week_file;
use week_file::minutes;

#[path = "support/interop.rs"]
mod interop;

#[path = "support/fora.rs"]
mod binary;
use binary::fora;

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// What attendees must find again of one forum: instant (UTC), minutes, title, room name,
/// speakers, join link (its own, else its room's).
type Forum = (
    String,
    i64,
    String,
    Option<String>,
    Vec<String>,
    Option<String>,
);

/// The scheduled fora of a week file that take place, as attendees see them.
fn fora_of(week: &Value) -> Vec<Forum> {
    let zone = jiff::tz::TimeZone::get(week["timezone"].as_str().unwrap()).unwrap();
    let rooms: BTreeMap<&str, (&str, Option<&str>)> = week["rooms"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            let name = r["name"].as_str().unwrap();
            (r["id"].as_str().unwrap(), (name, r["url"].as_str()))
        })
        .collect();
    let mut fora: Vec<Forum> = week["fora"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["status"].as_str() != Some("cancelled"))
        .filter_map(|forum| {
            let start: jiff::civil::DateTime = forum["start"].as_str()?.parse().unwrap();
            let instant = zone.to_ambiguous_timestamp(start).earlier().unwrap();
            let mut speakers: Vec<String> = forum["speakers"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|s| s.as_str().unwrap().trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect();
            speakers.sort();
            Some((
                instant.strftime("%Y-%m-%dT%H:%M:%SZ").to_string(),
                minutes(&forum["duration"]),
                forum["title"].as_str().unwrap().to_owned(),
                forum["room"]
                    .as_str()
                    .map(|id| rooms.get(id).map_or(id, |room| room.0).to_owned()),
                speakers,
                forum["url"]
                    .as_str()
                    .or_else(|| rooms.get(forum["room"].as_str()?)?.1)
                    .map(str::to_owned),
            ))
        })
        .collect();
    fora.sort();
    fora
}

/// The ids of the scheduled fora that take place (the ones a frab schedule carries), sorted.
fn ids(week: &Value) -> Vec<String> {
    let mut ids: Vec<String> = week["fora"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["status"].as_str() != Some("cancelled") && f["start"].is_string())
        .map(|f| f["id"].as_str().unwrap().to_owned())
        .collect();
    ids.sort();
    ids
}

fn read(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

fn export(week: &Path, format: &str, out: &Path) {
    let output = fora()
        .arg("export")
        .arg(week)
        .args(["--format", format, "--base-url", "https://example.org/w"])
        .arg("-o")
        .arg(out)
        .output()
        .unwrap();
    assert!(
        output.status.code().is_some_and(|c| c < 2),
        "export of {} failed: {}",
        week.display(),
        String::from_utf8_lossy(&output.stderr)
    );
}

fn import(source: &Path, out: &Path, extra: &[&str]) {
    let output = fora()
        .arg("import")
        .arg(source)
        .arg("-o")
        .arg(out)
        .args(extra)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "import of {} failed: {}",
        source.display(),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The shipped weeks that the frab formats can carry (not the draft with duplicate ids).
fn shipped_weeks() -> Vec<PathBuf> {
    let mut weeks: Vec<PathBuf> = std::fs::read_dir(manifest().join("schedules"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| !path.ends_with("draft-with-conflicts.json"))
        .collect();
    weeks.sort();
    assert!(weeks.len() >= 2, "the shipped weeks are there");
    weeks
}

#[test]
fn a_week_through_frab_json_and_xml_keeps_what_attendees_see() {
    let dir = tempfile::tempdir().unwrap();
    for week in shipped_weeks() {
        let week_name = week.file_stem().unwrap().to_string_lossy().into_owned();
        let original = fora_of(&read(&week));
        assert!(!original.is_empty());
        for format in ["frab-json", "frab-xml"] {
            let exported = dir.path().join(format!("schedule.{format}"));
            let back = dir.path().join(format!("back-{week_name}-{format}.json"));
            export(&week, format, &exported);
            import(&exported, &back, &[]);
            let back = read(&back);
            assert_eq!(
                fora_of(&back),
                original,
                "{} through {format}",
                week.display()
            );
            assert_eq!(
                ids(&back),
                ids(&read(&week)),
                "{}: the forum ids",
                week.display()
            );
        }
    }
}

/// The events' guids and ids of a frab JSON export, sorted.
fn identities(schedule: &Path) -> Vec<(String, u64)> {
    let schedule = read(schedule);
    let mut ids: Vec<(String, u64)> = schedule["schedule"]["conference"]["days"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|day| day["rooms"].as_object().unwrap().values())
        .flat_map(|events| events.as_array().unwrap())
        .map(|e| {
            (
                e["guid"].as_str().unwrap().to_owned(),
                e["id"].as_u64().unwrap(),
            )
        })
        .collect();
    ids.sort();
    ids
}

#[test]
fn a_real_schedule_imported_and_exported_keeps_its_guids_and_ids() {
    let Some(interop) = interop::folder("the round trip of a real schedule") else {
        return;
    };
    let source = interop.join("schedules/frab-camp2019.json");
    let dir = tempfile::tempdir().unwrap();
    let week = dir.path().join("camp.json");
    let exported = dir.path().join("camp-schedule.json");
    let again = dir.path().join("camp-again.json");
    import(&source, &week, &[]);
    export(&week, "frab-json", &exported);
    let theirs: Vec<(String, u64)> = {
        let mut ids = identities(&source);
        ids.dedup();
        ids
    };
    assert_eq!(
        identities(&exported),
        theirs,
        "the camp's own guids and ids"
    );
    import(&exported, &again, &[]);
    assert_eq!(fora_of(&read(&again)), fora_of(&read(&week)));
}
