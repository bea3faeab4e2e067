//! The week file's JSON Schema (`schema/week.schema.json`, printed by `fora schema`) against
//! the loader, with an independent validator (the `jsonschema` crate): every week `fora`
//! ships or writes is valid, and malformed weeks are refused by both.

use std::path::Path;

use assert_cmd::Command;
use serde_json::{Value, json};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(fora::model::WEEK_SCHEMA).expect("the schema is JSON");
    jsonschema::draft202012::new(&schema).expect("the schema is a draft 2020-12 schema")
}

fn read(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn fora_schema_prints_the_schema_of_the_repository() {
    let output = Command::cargo_bin("fora")
        .unwrap()
        .arg("schema")
        .output()
        .unwrap();
    assert!(output.status.success());
    let file = std::fs::read(root().join("schema/week.schema.json")).unwrap();
    assert_eq!(output.stdout, file);
}

#[test]
fn every_week_fora_ships_or_writes_is_valid() {
    let validator = validator();
    let mut weeks: Vec<_> = std::fs::read_dir(root().join("schedules"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    weeks.extend(
        ["hand.json", "settings.json", "crlf.json"]
            .iter()
            .map(|name| root().join("tests/fixtures/edit").join(name)),
    );
    // And one `fora new` writes, with a room, a forum and its seats added by the edits.
    let folder = tempfile::tempdir().unwrap();
    let made = folder.path().join("woche.json");
    for args in [
        &[
            "new",
            "W",
            "--name",
            "Woche",
            "--start",
            "2021-06-22",
            "--timezone",
            "Europe/Berlin",
        ][..],
        &[
            "room",
            "add",
            "W",
            "--id",
            "plenum",
            "--name",
            "Plenum",
            "--capacity",
            "300",
        ],
        &[
            "add",
            "W",
            "--title",
            "Impuls",
            "--duration",
            "1,5h",
            "--start",
            "2021-06-22 10:00",
            "--room",
            "plenum",
        ],
        &["set", "W", "impuls", "registrations=12", "status=vorläufig"],
        &["week", "set", "W", "contact_email=buero@example.org"],
    ] {
        let args: Vec<&str> = args
            .iter()
            .map(|a| if *a == "W" { made.to_str().unwrap() } else { a })
            .collect();
        Command::cargo_bin("fora")
            .unwrap()
            .args(&args)
            .assert()
            .code(0);
    }
    weeks.push(made);
    for path in &weeks {
        let week = read(path);
        let errors: Vec<String> = validator
            .iter_errors(&week)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    }
    assert!(weeks.len() >= 7);
}

/// The 2020 week with one change.
fn changed(change: impl FnOnce(&mut Value)) -> Value {
    let mut week = read(&root().join("schedules/engagementkongress-2020.json"));
    change(&mut week);
    week
}

#[test]
fn malformed_weeks_are_refused_by_the_schema_as_by_the_loader() {
    let validator = validator();
    let cases: Vec<(&str, Value)> = vec![
        (
            "no name",
            changed(|w| {
                w.as_object_mut().unwrap().remove("name");
            }),
        ),
        (
            "no fora",
            changed(|w| {
                w.as_object_mut().unwrap().remove("fora");
            }),
        ),
        (
            "a German date",
            changed(|w| w["start"] = json!("23.06.2020")),
        ),
        (
            "a language without catalogue",
            changed(|w| w["language"] = json!("fr")),
        ),
        (
            "a duration that is none",
            changed(|w| w["fora"][0]["duration"] = json!("90x")),
        ),
        (
            "a duration of nothing",
            changed(|w| w["fora"][0]["duration"] = json!("0m")),
        ),
        (
            "zero minutes",
            changed(|w| w["fora"][0]["duration"] = json!(0)),
        ),
        (
            "more than a day",
            changed(|w| w["fora"][0]["duration"] = json!(1441)),
        ),
        (
            "a forum without title",
            changed(|w| {
                w["fora"][0].as_object_mut().unwrap().remove("title");
            }),
        ),
        (
            "an id with a space",
            changed(|w| w["fora"][0]["id"] = json!("a b")),
        ),
        (
            "a start that is no time",
            changed(|w| w["fora"][0]["start"] = json!("morgen")),
        ),
        (
            "a status that is none",
            changed(|w| w["fora"][0]["status"] = json!("maybe")),
        ),
        (
            "a name among the attendees",
            changed(|w| w["fora"][0]["attendees"] = json!(["1042", "Anna Schmidt"])),
        ),
        (
            "an e-mail among the attendees",
            changed(|w| w["fora"][0]["attendees"] = json!(["anna@example.org"])),
        ),
        (
            "negative registrations",
            changed(|w| w["registrations"] = json!(-1)),
        ),
        (
            "a time of day past midnight",
            changed(|w| w["rules"]["day_start"] = json!("25:00")),
        ),
        (
            "hours as text",
            changed(|w| w["rules"]["max_hours_per_day"] = json!("6,5")),
        ),
        (
            "a room without id",
            changed(|w| {
                w["rooms"][0].as_object_mut().unwrap().remove("id");
            }),
        ),
        (
            "a contact address that is none",
            changed(|w| w["contact"] = json!({"email": "buero"})),
        ),
        ("fora that are no list", changed(|w| w["fora"] = json!({}))),
    ];
    for (what, week) in &cases {
        let text = week.to_string();
        assert!(
            fora::Week::from_json(&text).is_err(),
            "the loader takes {what}"
        );
        assert!(!validator.is_valid(week), "the schema takes {what}");
    }
}

#[test]
fn a_week_may_name_its_schema_and_keep_it() {
    let week = changed(|w| {
        w.as_object_mut()
            .unwrap()
            .insert("$schema".into(), json!("./week.schema.json"));
    });
    assert!(validator().is_valid(&week));
    let week = fora::Week::from_json(&week.to_string()).unwrap();
    let report = fora::check(&week);
    assert!(report.findings.is_empty(), "{:?}", report.findings);
}
