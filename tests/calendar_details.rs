//! The calendar's details, read back by ical.js (Thunderbird's parser) and the `ical` crate:
//! CATEGORIES from a forum's format, LANGUAGE on the words, ORGANIZER or CONTACT from the
//! week's contact, the calendar's name for a selection or from `--name`; and `fora diff`
//! telling attendees of a new format or contact.

#[path = "support/icaljs.rs"]
mod icaljs;

use std::io::BufReader;
use std::path::Path;

use assert_cmd::Command;
use serde_json::{Value, json};

const WEEK_2020: &str = "schedules/engagementkongress-2020.json";

fn fora() -> Command {
    let mut command = Command::cargo_bin("fora").expect("the binary is built");
    command
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("COLUMNS", "200");
    command
}

fn week_2020() -> Value {
    serde_json::from_str(&std::fs::read_to_string(WEEK_2020).unwrap()).unwrap()
}

/// A week file in a temporary folder.
fn week_file(week: &Value) -> tempfile::TempPath {
    let file = tempfile::Builder::new()
        .suffix(".json")
        .tempfile()
        .expect("a temporary file");
    std::fs::write(file.path(), week.to_string()).expect("written");
    file.into_temp_path()
}

/// What `fora ics FILE ARGS` writes to standard output.
fn ics(file: &Path, args: &[&str]) -> String {
    let output = fora().arg("ics").arg(file).args(args).output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// A property as the `ical` crate reads it: name, parameters and raw value.
#[derive(Debug)]
struct Prop {
    name: String,
    params: Vec<(String, Vec<String>)>,
    value: String,
}

impl Prop {
    fn param(&self, name: &str) -> Option<String> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, values)| values.join(","))
    }
}

/// Every VEVENT's properties, read by the `ical` crate.
fn ical_events(calendar: &str) -> Vec<Vec<Prop>> {
    let parsed = ical::IcalParser::new(BufReader::new(calendar.as_bytes()))
        .next()
        .expect("one calendar")
        .expect("parsed");
    parsed
        .events
        .into_iter()
        .map(|event| {
            event
                .properties
                .into_iter()
                .map(|p| Prop {
                    name: p.name,
                    params: p.params.unwrap_or_default(),
                    value: p.value.unwrap_or_default(),
                })
                .collect()
        })
        .collect()
}

fn prop<'a>(event: &'a [Prop], name: &str) -> Option<&'a Prop> {
    event.iter().find(|p| p.name == name)
}

/// RFC 5545 TEXT unescaping, written here so the check does not trust the writer.
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            },
            (c, false) => out.push(c),
        }
    }
    out
}

/// The formats of the 2020 week's fora, by id.
fn formats(week: &Value) -> Vec<(String, String)> {
    week["fora"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["id"].as_str().unwrap().to_owned(),
                f["format"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn every_event_has_its_category_language_and_organizer_in_both_parsers() {
    let mut week = week_2020();
    week["contact"] = json!({"name": "Büro der Kongresswoche", "email": "kongress@example.org"});
    let file = week_file(&week);
    let formats = formats(&week);
    for (args, language) in [(&[][..], "de"), (&["--lang", "en"][..], "en")] {
        let calendar = ics(&file, args);
        let events = icaljs::events(&calendar);
        assert_eq!(events.len(), 15);
        for event in &events {
            let id = event["uid"].as_str().unwrap().split('.').next().unwrap();
            let format = &formats.iter().find(|(i, _)| i == id).unwrap().1;
            assert_eq!(event["categories"], json!([format]), "{id}");
            assert_eq!(
                event["organizer"],
                json!({"value": "mailto:kongress@example.org", "cn": "Büro der Kongresswoche"}),
                "{id}"
            );
            assert_eq!(event["contact"], Value::Null, "{id}");
            for name in ["summary", "description", "location", "categories"] {
                assert_eq!(event["language"][name], language, "{id}: {name}");
            }
        }
        let header = icaljs::header(&calendar);
        assert_eq!(header["name"]["language"], language);
        let events = ical_events(&calendar);
        assert_eq!(events.len(), 15);
        for event in &events {
            let uid = &prop(event, "UID").unwrap().value;
            let id = uid.split('.').next().unwrap();
            let format = &formats.iter().find(|(i, _)| i == id).unwrap().1;
            let categories = prop(event, "CATEGORIES").unwrap();
            assert_eq!(&unescape(&categories.value), format);
            let organizer = prop(event, "ORGANIZER").unwrap();
            assert_eq!(organizer.value, "mailto:kongress@example.org");
            assert_eq!(
                organizer.param("CN").as_deref(),
                Some("Büro der Kongresswoche")
            );
            assert!(
                prop(event, "ATTENDEE").is_none(),
                "nobody is asked to reply"
            );
            for name in ["SUMMARY", "DESCRIPTION", "LOCATION", "CATEGORIES"] {
                let language = Some(language.to_owned());
                assert_eq!(
                    prop(event, name).unwrap().param("LANGUAGE"),
                    language,
                    "{uid}: {name}"
                );
            }
        }
    }
}

#[test]
fn a_contact_without_an_address_is_named_and_one_without_a_name_is_an_address() {
    let mut week = week_2020();
    for (contact, organizer, named) in [
        (json!({"name": "Büro"}), Value::Null, json!("Büro")),
        (
            json!({"email": "kongress@example.org"}),
            json!({"value": "mailto:kongress@example.org", "cn": null}),
            Value::Null,
        ),
        (json!({"name": "  ", "email": ""}), Value::Null, Value::Null),
        (Value::Null, Value::Null, Value::Null),
    ] {
        week["contact"] = contact.clone();
        let calendar = ics(&week_file(&week), &["--only", "eroeffnung"]);
        let events = icaljs::events(&calendar);
        assert_eq!(events[0]["organizer"], organizer, "{contact}");
        assert_eq!(events[0]["contact"], named, "{contact}");
        let event = &ical_events(&calendar)[0];
        assert_eq!(
            prop(event, "CONTACT").map(|p| unescape(&p.value)),
            named.as_str().map(str::to_owned),
            "{contact}"
        );
    }
}

#[test]
fn a_format_with_commas_is_one_category_and_stays_one_when_cancelled_by_previous() {
    let mut week = week_2020();
    week["fora"][0]["format"] = json!("Workshop, Praxis; Teil 1");
    week["contact"] = json!({"name": "Büro, Düsseldorf", "email": "kongress@example.org"});
    let file = week_file(&week);
    let calendar = ics(&file, &[]);
    let events = icaljs::events(&calendar);
    assert_eq!(events[0]["categories"], json!(["Workshop, Praxis; Teil 1"]));
    assert_eq!(events[0]["organizer"]["cn"], "Büro, Düsseldorf");
    let ical = ical_events(&calendar);
    assert_eq!(
        unescape(&prop(&ical[0], "CATEGORIES").unwrap().value),
        "Workshop, Praxis; Teil 1"
    );
    // The forum leaves the week: its event is published once more, cancelled, with what it
    // said before.
    let folder = tempfile::tempdir().unwrap();
    let old = folder.path().join("programm.ics");
    std::fs::write(&old, &calendar).unwrap();
    week["fora"].as_array_mut().unwrap().remove(0);
    week["expect"] = json!({});
    let republished = ics(&week_file(&week), &["--previous", old.to_str().unwrap()]);
    let gone: Vec<Value> = icaljs::events(&republished)
        .into_iter()
        .filter(|e| e["status"] == "CANCELLED")
        .collect();
    assert_eq!(gone.len(), 1);
    assert_eq!(gone[0]["categories"], json!(["Workshop, Praxis; Teil 1"]));
    assert_eq!(gone[0]["organizer"]["cn"], "Büro, Düsseldorf");
    assert_eq!(gone[0]["language"]["summary"], "de");
}

#[test]
fn a_selection_is_named_as_one_and_name_names_any_calendar() {
    let file = week_file(&week_2020());
    let week = "Digitale Engagementkongresswoche NRW 2020";
    for (args, name, language) in [
        (&[][..], week.to_owned(), "de"),
        (
            &["--only", "eroeffnung,abschluss"][..],
            format!("{week} – Auswahl"),
            "de",
        ),
        (
            &["--day", "2020-06-24"][..],
            format!("{week} – Auswahl"),
            "de",
        ),
        (
            &["--room", "plenum", "--lang", "en"][..],
            format!("{week} – selection"),
            "en",
        ),
        (
            &["--name", "Mein Programm"][..],
            "Mein Programm".to_owned(),
            "de",
        ),
        (
            &["--only", "eroeffnung", "--name", "Nur die Eröffnung, bitte"][..],
            "Nur die Eröffnung, bitte".to_owned(),
            "de",
        ),
    ] {
        let calendar = ics(&file, args);
        let header = icaljs::header(&calendar);
        for property in ["name", "x-wr-calname"] {
            // ical.js knows neither as TEXT, and leaves its escapes in.
            let value = unescape(header[property]["value"].as_str().unwrap());
            assert_eq!(value, name, "{args:?}: {property}");
            assert_eq!(
                header[property]["language"], language,
                "{args:?}: {property}"
            );
        }
        let parsed = ical::IcalParser::new(BufReader::new(calendar.as_bytes()))
            .next()
            .unwrap()
            .unwrap();
        let names: Vec<String> = parsed
            .properties
            .iter()
            .filter(|p| p.name == "NAME" || p.name == "X-WR-CALNAME")
            .map(|p| unescape(p.value.as_deref().unwrap()))
            .collect();
        assert_eq!(
            names,
            [name.clone(), name.clone()],
            "{args:?}: the ical crate"
        );
    }
}

/// `fora diff OLD NEW ARGS`: its exit code and standard output.
fn diff(old: &Value, new: &Value, args: &[&str]) -> (i32, String) {
    let (old, new) = (week_file(old), week_file(new));
    let output = fora()
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
    )
}

/// The rows of a table of `fora diff`, each its cells trimmed.
fn cells(table: &str) -> Vec<Vec<String>> {
    table
        .lines()
        .filter(|line| line.starts_with('│'))
        .map(|line| {
            line.trim_matches('│')
                .split('┆')
                .map(|cell| cell.trim().to_owned())
                .collect()
        })
        .collect()
}

#[test]
fn diff_tells_attendees_of_a_new_format_in_both_languages() {
    let old = week_2020();
    let mut new = old.clone();
    new["fora"][0]["format"] = json!("Auftakt");
    let (code, table) = diff(&old, &new, &[]);
    assert_eq!(code, 1);
    assert_eq!(
        cells(&table)[1..],
        [[
            "Format",
            "Gemeinsames Eröffnungsgespräch",
            "Eröffnung",
            "Auftakt"
        ]],
        "{table}"
    );
    assert!(
        table.ends_with("1 Änderung für Teilnehmende (1 Forum).\n"),
        "{table}"
    );
    let (code, table) = diff(&old, &new, &["--lang", "en"]);
    assert_eq!(code, 1);
    assert_eq!(
        cells(&table)[1..],
        [[
            "Format",
            "Gemeinsames Eröffnungsgespräch",
            "Eröffnung",
            "Auftakt"
        ]],
        "{table}"
    );
    assert!(
        table.ends_with("1 change for attendees (1 forum).\n"),
        "{table}"
    );
}

#[test]
fn diff_tells_attendees_of_a_new_contact_as_a_change_of_the_week() {
    let old = week_2020();
    let mut new = old.clone();
    new["contact"] = json!({"name": "Büro", "email": "kongress@example.org"});
    let (code, table) = diff(&old, &new, &[]);
    assert_eq!(code, 1);
    assert_eq!(
        cells(&table)[1..],
        [["Kontakt", "(die Woche)", "—", "Büro <kongress@example.org>"]],
        "{table}"
    );
    let (_, table) = diff(&old, &new, &["--lang", "en"]);
    assert_eq!(
        cells(&table)[1..],
        [["Contact", "(the week)", "—", "Büro <kongress@example.org>"]],
        "{table}"
    );
    let (_, json) = diff(&old, &new, &["--format", "json"]);
    let json: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        json["week"],
        json!([{"kind": "contact", "old": "", "new": "Büro <kongress@example.org>"}])
    );
    assert_eq!(json["changes"], json!([]));
    // Every event says whom to write to: every one is published anew.
    let folder = tempfile::tempdir().unwrap();
    let published = folder.path().join("programm.ics");
    std::fs::write(&published, ics(&week_file(&old), &[])).unwrap();
    let new_file = week_file(&new);
    fora()
        .arg("ics")
        .arg(&new_file)
        .args(["--previous", published.to_str().unwrap(), "--lang", "en"])
        .assert()
        .code(0)
        .stderr(predicates::str::contains(
            "0 new, 15 changed (SEQUENCE raised)",
        ));
    // A week whose fora have no start yet publishes no event: its contact is nobody's news.
    let mut unscheduled = old.clone();
    for forum in unscheduled["fora"].as_array_mut().unwrap() {
        forum.as_object_mut().unwrap().remove("start");
    }
    unscheduled["expect"] = json!({});
    let mut contacted = unscheduled.clone();
    contacted["contact"] = json!({"name": "Büro"});
    assert_eq!(diff(&unscheduled, &contacted, &[]).0, 0);
}
