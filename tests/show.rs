//! `fora show`: everything about one forum, in German and English, and its exit codes.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::{Value, json};

fn fora() -> Command {
    let mut command = Command::cargo_bin("fora").expect("the binary is built");
    command
        .env_remove("NO_COLOR")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    command
}

fn week() -> Value {
    json!({
        "id": "testwoche", "name": "Testwoche", "timezone": "Europe/Berlin",
        "start": "2021-06-22", "end": "2021-06-23",
        "rooms": [
            {"id": "plenum", "name": "Plenum", "url": "https://example.org/plenum", "capacity": 300},
            {"id": "werkstatt", "name": "Werkstatt"}
        ],
        "fora": [
            {"id": "impuls-engagement-klimaschutz", "title": "Impuls: Engagement und Klimaschutz",
             "format": "Impuls", "start": "2021-06-22T10:00", "duration": "90m", "room": "plenum",
             "speakers": ["Jana Grün", " ", "Moderation"],
             "description": "Wie Vereine das Klima schützen.",
             "registrations": 42, "capacity": 60, "x-notiz": "Technik prüfen", "notes": "Folien"},
            {"id": "workshop-ehrenamt-digital", "title": "Workshop: Ehrenamt digital",
             "start": "2021-06-22T14:00", "duration": "60m", "room": "werkstatt",
             "url": "https://example.org/eigen", "status": "tentative",
             "attendees": ["1042", "T-0042"]},
            {"id": "podium", "title": "Podium", "start": "2021-06-23T11:00", "duration": "60m",
             "room": "plenum", "speakers": ["Jana Grün"]},
            {"id": "podium-zwei", "title": "Zweites Podium", "start": "2021-06-23T11:30",
             "duration": "60m", "room": "plenum"},
            {"id": "offen", "title": "Offene Runde", "duration": "30m", "room": "werkstatt"}
        ]
    })
}

fn week_file() -> tempfile::TempPath {
    let file = tempfile::Builder::new()
        .suffix(".json")
        .tempfile()
        .expect("a temporary file");
    std::fs::write(file.path(), week().to_string()).expect("written");
    file.into_temp_path()
}

fn shown(file: &tempfile::TempPath, args: &[&str]) -> (Option<i32>, String) {
    let output = fora().arg("show").arg(file).args(args).output().unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
    )
}

#[test]
fn show_says_everything_about_a_forum_in_english() {
    let file = week_file();
    let (code, out) = shown(&file, &["impuls-engagement-klimaschutz", "--lang", "en"]);
    assert_eq!(code, Some(0), "{out}");
    for line in [
        "Id             impuls-engagement-klimaschutz\n",
        "Title          Impuls: Engagement und Klimaschutz\n",
        "Status         confirmed\n",
        "Format         Impuls\n",
        "When           Tuesday, 22 June 2021 10:00–11:30 (90 min)\n",
        "Room           Plenum (id plenum, 300 places)\n",
        "Join           https://example.org/plenum\n",
        "Speakers       Jana Grün, Moderation\n",
        "Description    Wie Vereine das Klima schützen.\n",
        "Registrations  42\n",
        "Capacity       60\n",
        "Unknown keys   x-notiz, notes\n",
        "\nwarning[unknown-field]: forum \"impuls-engagement-klimaschutz\": unknown key \"notes\"",
    ] {
        assert!(out.contains(line), "{line:?} in\n{out}");
    }
}

#[test]
fn show_says_everything_about_a_forum_in_german() {
    let file = week_file();
    let (code, out) = shown(&file, &["workshop-ehrenamt-digital", "--lang", "de"]);
    assert_eq!(code, Some(0), "{out}");
    for line in [
        "Kennung      workshop-ehrenamt-digital\n",
        "Status       vorläufig\n",
        "Wann         Dienstag, 22. Juni 2021 14:00–15:00 (60 Min.)\n",
        "Raum         Werkstatt (Kennung werkstatt)\n",
        // Its own link, not its room's.
        "Teilnehmen   https://example.org/eigen\n",
        "Anmeldungen  2\n",
        "Angemeldete  2 mit Nummer erfasst\n",
        "\nkeine Auffälligkeiten\n",
    ] {
        assert!(out.contains(line), "{line:?} in\n{out}");
    }
    // What it does not have is left out.
    assert!(
        !out.contains("Mitwirkende") && !out.contains("Format"),
        "{out}"
    );
    let (_, out) = shown(&file, &["offen", "--lang", "de"]);
    assert!(
        out.contains("Wann     noch nicht eingeplant (30 Min.)\n"),
        "{out}"
    );
}

#[test]
fn show_exits_1_for_a_forum_in_an_error_finding_and_names_it() {
    let file = week_file();
    for (language, said) in [
        ("en", "error[room-overlap]: "),
        ("de", "Fehler[room-overlap]: "),
    ] {
        let (code, out) = shown(&file, &["podium", "--lang", language]);
        assert_eq!(code, Some(1), "{out}");
        assert!(out.contains(said), "{out}");
        assert!(
            out.contains("\"podium-zwei\"") || out.contains("„podium-zwei“"),
            "{out}"
        );
    }
    // A forum in no error exits 0, though the week has one.
    assert_eq!(shown(&file, &["offen"]).0, Some(0));
}

#[test]
fn show_json_carries_what_the_file_says() {
    let file = week_file();
    let (code, out) = shown(
        &file,
        &["impuls-engagement-klimaschutz", "--format", "json"],
    );
    assert_eq!(code, Some(0));
    let card: Value = serde_json::from_str(&out).expect("one JSON document");
    let forum = &week()["fora"][0];
    assert_eq!(card["id"], forum["id"]);
    assert_eq!(card["title"], forum["title"]);
    assert_eq!(card["status"], "confirmed");
    assert_eq!(card["start"], "2021-06-22T10:00:00+02:00");
    assert_eq!(card["end"], "2021-06-22T11:30:00+02:00");
    assert_eq!(card["minutes"], 90);
    assert_eq!(
        card["room"],
        json!({"id": "plenum", "name": "Plenum", "capacity": 300})
    );
    assert_eq!(card["link"], "https://example.org/plenum");
    assert_eq!(card["speakers"], json!(["Jana Grün", "Moderation"]));
    assert_eq!(card["registrations"], forum["registrations"]);
    assert_eq!(card["capacity"], forum["capacity"]);
    assert_eq!(card["attendees"], 0);
    assert_eq!(
        card["unknown_keys"],
        json!({"x-notiz": "Technik prüfen", "notes": "Folien"})
    );
    assert_eq!(card["findings"][0]["kind"], "unknown-field");
    let (code, out) = shown(&file, &["podium", "--format", "json"]);
    assert_eq!(code, Some(1));
    let card: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        card["findings"][0]["fora"],
        json!(["podium", "podium-zwei"])
    );
}

#[test]
fn show_of_an_unknown_id_exits_2_with_the_closest_fora() {
    let file = week_file();
    fora()
        .arg("show")
        .arg(&file)
        .args(["klimaschutz", "--lang", "en"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::ends_with(
            "error: klimaschutz: the week Testwoche has no forum with this id; did you mean \"impuls-engagement-klimaschutz\" (Impuls: Engagement und Klimaschutz)?\n",
        ));
    fora()
        .arg("show")
        .arg(&file)
        .args(["pod", "--lang", "de"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "meinten Sie „podium“ (Podium) oder „podium-zwei“ (Zweites Podium)?",
        ));
}
