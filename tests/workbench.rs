//! The workbench through the real binary, in German and English: `week set`, `rules set`,
//! `expect set`, `room list|set|rm`, `set` of a forum's seats, the warnings an edit meets,
//! join links refused with a hint, and the day window of `fora new`. Each refusal is
//! checked for its exit code, its message and a file left byte for byte.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::{Value, json};

const EPOCH: &str = "1446796800";

fn fora() -> Command {
    let mut command = Command::cargo_bin("fora").expect("the binary is built");
    command
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    command
}

/// A two-day week with a day window, two rooms and three fora, in a new folder.
fn week() -> (tempfile::TempDir, PathBuf) {
    let week = json!({
        "id": "werkwoche", "name": "Werkwoche", "timezone": "Europe/Berlin",
        "start": "2020-06-23", "end": "2020-06-24", "language": "de",
        "rooms": [{"id": "plenum", "name": "Plenum", "url": "https://example.org/plenum"},
                  {"id": "werkstatt", "name": "Werkstatt", "capacity": 20}],
        "rules": {"day_start": "09:00", "day_end": "18:00"},
        "fora": [
            {"id": "eroeffnung", "title": "Eröffnung", "start": "2020-06-23T10:00", "duration": "1h", "room": "plenum"},
            {"id": "werkstatt-1", "title": "Werkstatt 1", "start": "2020-06-23T10:00", "duration": "1h", "room": "werkstatt"},
            {"id": "werkstatt-2", "title": "Werkstatt 2", "start": "2020-06-24T10:00", "duration": "1h", "room": "werkstatt"}
        ]
    });
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("woche.json");
    fs::write(&file, serde_json::to_string_pretty(&week).unwrap()).unwrap();
    (folder, file)
}

fn read(file: &Path) -> Value {
    serde_json::from_slice(&fs::read(file).unwrap()).unwrap()
}

/// Runs `args` on `file` and checks that it is refused with `code`, saying `says` on
/// standard error, and that the file did not change.
fn refused(file: &Path, args: &[&str], code: i32, says: &str) {
    let before = fs::read(file).unwrap();
    let mut command = fora();
    command.arg(args[0]);
    let mut rest = args[1..].iter();
    // The subcommand words before the file (`room rm`, `week set`).
    for word in rest.by_ref() {
        if *word == "FILE" {
            command.arg(file);
            break;
        }
        command.arg(word);
    }
    command.args(rest);
    command
        .assert()
        .code(code)
        .stdout("")
        .stderr(predicate::str::contains(says));
    assert_eq!(fs::read(file).unwrap(), before, "{args:?} left the file");
}

#[test]
fn week_set_writes_each_field_as_the_week_reads_it() {
    let (_folder, file) = week();
    fora()
        .args(["week", "set"])
        .arg(&file)
        .args([
            "name=Werkwoche 2020",
            "description=Zwei Tage",
            "end=2020-06-25",
            "timezone=Europe/Vienna",
            "registrations=1.200",
            "participants=354",
            "contact_name=Büro",
            "contact_email=buero@example.org",
        ])
        .assert()
        .code(0)
        .stdout(
            "Woche geändert: name „Werkwoche 2020“; description „Zwei Tage“; end „2020-06-25“; timezone „Europe/Vienna“; registrations „1200“; participants „354“; contact_name „Büro“; contact_email „buero@example.org“\n",
        );
    let week = read(&file);
    assert_eq!(week["name"], "Werkwoche 2020");
    assert_eq!(week["end"], "2020-06-25");
    assert_eq!(week["timezone"], "Europe/Vienna");
    assert_eq!(week["registrations"], 1200);
    assert_eq!(week["participants"], 354);
    assert_eq!(
        week["contact"],
        json!({"name": "Büro", "email": "buero@example.org"})
    );
    // The model reads what was written: `check` shows the new figures.
    fora()
        .arg("check")
        .arg(&file)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "1200 Anmeldungen, 354 Teilnehmende",
        ));
    // Empty values remove optional fields; the contact goes with its last key.
    fora()
        .args(["week", "set"])
        .arg(&file)
        .args([
            "description=",
            "contact_name=",
            "contact_email=",
            "--lang",
            "en",
        ])
        .assert()
        .code(0)
        .stdout("set the week: description removed; contact_name removed; contact_email removed\n");
    let week = read(&file);
    assert!(
        week.get("description").is_none() && week.get("contact").is_none(),
        "{week}"
    );
    // What the file says already is no change.
    fora()
        .args(["week", "set"])
        .arg(&file)
        .args(["name=Werkwoche 2020", "registrations=1200"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("nichts zu ändern"));
}

#[test]
fn week_set_language_in_any_case_and_a_new_id_says_that_every_uid_changes() {
    let (_folder, file) = week();
    fora()
        .args(["week", "set"])
        .arg(&file)
        .arg("language=EN")
        .assert()
        .code(0)
        // Said in the language the week had.
        .stdout("Woche geändert: language „en“\n");
    assert_eq!(read(&file)["language"], "en");
    fora()
        .args(["--lang", "DE", "week", "set"])
        .arg(&file)
        .arg("id=werkwoche-2020")
        .assert()
        .code(0)
        .stdout(
            "Woche geändert: id „werkwoche-2020“\nHinweis: alle Kalender-UIDs ändern sich (aus …werkwoche.fora wird …werkwoche-2020.fora); veröffentlichen Sie mit `fora ics --previous`, damit Kalender die alten Termine entfernen, statt jedes Forum doppelt zu zeigen\n",
        );
    // The calendar agrees: its UIDs are the new ones.
    fora()
        .arg("ics")
        .arg(&file)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "UID:eroeffnung.werkwoche-2020.fora",
        ));
    // A new name of a week with an id changes no UID: no note.
    fora()
        .args(["week", "set"])
        .arg(&file)
        .arg("name=Andere Woche")
        .assert()
        .code(0)
        .stdout("set the week: name \"Andere Woche\"\n");
}

#[test]
fn week_set_refuses_what_does_not_read_and_what_breaks_the_programme() {
    let (_folder, file) = week();
    let cases: [(&[&str], i32, &str); 10] = [
        (
            &["week", "set", "FILE", "start=23.06.2020"],
            2,
            "Fehler: start=„23.06.2020“ ist kein Datum",
        ),
        (
            &["week", "set", "FILE", "timezone=Europe/Berln"],
            2,
            "timezone=Europe/Berln: keine IANA-Zeitzone; meinten Sie „Europe/Berlin“?",
        ),
        (
            &[
                "week",
                "set",
                "FILE",
                "timezone=Europe/Berln",
                "--lang",
                "en",
            ],
            2,
            "error: timezone=Europe/Berln: not an IANA time zone; did you mean \"Europe/Berlin\"?",
        ),
        (&["week", "set", "FILE", "language=fr"], 2, "language=„fr“"),
        (
            &["week", "set", "FILE", "id=a b"],
            2,
            "id=a b: die Kennung einer Woche darf nur",
        ),
        (
            &["week", "set", "FILE", "registrations=viele"],
            2,
            "registrations=viele: keine ganze Zahl",
        ),
        (
            &["week", "set", "FILE", "name="],
            2,
            "Fehler: name: ohne diese Angabe geht es nicht",
        ),
        (
            &["week", "set", "FILE", "contact_email=buero", "--lang", "en"],
            2,
            "error: contact_email=buero: not an e-mail address",
        ),
        (
            &["week", "set", "FILE", "ort=Köln"],
            2,
            "ort=: die Felder sind name, description",
        ),
        // A week that ends before its fora: an error finding, refused.
        (
            &["week", "set", "FILE", "end=2020-06-23"],
            1,
            "Fehler[outside-week]: „werkstatt-2“",
        ),
    ];
    for (args, code, says) in cases {
        refused(&file, args, code, says);
    }
    // --force writes it anyway, and says it added an error.
    fora()
        .args(["week", "set"])
        .arg(&file)
        .args(["end=2020-06-23", "--force", "--lang", "en"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error[outside-week]"));
    assert_eq!(read(&file)["end"], "2020-06-23");
}

#[test]
fn rules_set_reads_numbers_times_gaps_and_yes_or_no_as_people_type_them() {
    let (_folder, file) = week();
    fora()
        .args(["rules", "set"])
        .arg(&file)
        .args([
            "max_hours_per_day=6,5",
            "min_gap=0m",
            "parallel=NEIN",
            "day_start=8:30",
        ])
        .assert()
        .code(1)
        // werkstatt-1 and eroeffnung run at the same time: single track breaks that.
        .stderr(predicate::str::contains("Fehler[parallel-overlap]"));
    fora()
        .args(["rules", "set"])
        .arg(&file)
        .args(["max_hours_per_day=6,5", "min_gap=0m", "parallel=ja", "day_start=8:30"])
        .assert()
        .code(0)
        .stdout("Regeln geändert: max_hours_per_day „6,5“; min_gap „0m“; parallel „true“; day_start „08:30“\n");
    assert_eq!(
        read(&file)["rules"],
        json!({"day_start": "08:30", "day_end": "18:00", "min_gap": "0m", "max_hours_per_day": 6.5, "parallel": true})
    );
    fora().arg("check").arg(&file).assert().code(0);
    // 6.5 is what the file says: no change, whichever way it is written.
    fora()
        .args(["rules", "set"])
        .arg(&file)
        .args(["max_hours_per_day=6.5", "--lang", "en"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("nothing to change"));
    let cases: [(&[&str], i32, &str); 6] = [
        (
            &["rules", "set", "FILE", "max_hours_per_day=abc"],
            2,
            "Fehler: max_hours_per_day=abc: keine Zahl; schreiben Sie sie wie 6,5 oder 6.5",
        ),
        (
            &[
                "rules",
                "set",
                "FILE",
                "max_hours_per_day=abc",
                "--lang",
                "en",
            ],
            2,
            "error: max_hours_per_day=abc: not a number; write it like 6,5 or 6.5",
        ),
        (
            &["rules", "set", "FILE", "parallel=vielleicht"],
            2,
            "parallel=vielleicht: weder ja noch nein",
        ),
        (
            &["rules", "set", "FILE", "day_end=18 Uhr"],
            2,
            "day_end=18 Uhr: keine Uhrzeit",
        ),
        (
            &["rules", "set", "FILE", "min_gap=kurz"],
            2,
            "min_gap=„kurz“ ist keine Dauer",
        ),
        (
            &["rules", "set", "FILE", "max_hours=3", "--lang", "en"],
            2,
            "max_hours=: did you mean \"max_hours_per_day\"?",
        ),
    ];
    for (args, code, says) in cases {
        refused(&file, args, code, says);
    }
}

#[test]
fn a_rule_that_adds_warnings_says_them_and_writes() {
    let (_folder, file) = week();
    fora()
        .args(["rules", "set"])
        .arg(&file)
        .args(["max_hours_per_day=1", "--lang", "en"])
        .assert()
        .code(0)
        .stdout("set the rules: max_hours_per_day \"1\"\n")
        .stderr("warning[day-over-limit]: 2020-06-23 has 2 h of programme, more than rules.max_hours_per_day (1 h)\n");
    assert_eq!(read(&file)["rules"]["max_hours_per_day"], 1);
}

#[test]
fn expect_set_takes_the_published_figures() {
    let (_folder, file) = week();
    fora()
        .args(["expect", "set"])
        .arg(&file)
        .args(["fora=3", "hours=3"])
        .assert()
        .code(0)
        .stdout("Erwartete Zahlen geändert: fora „3“; hours „3“\n");
    assert_eq!(read(&file)["expect"], json!({"fora": 3, "hours": 3}));
    // Figures the programme does not have are an error finding.
    refused(
        &file,
        &["expect", "set", "FILE", "hours=15,5"],
        1,
        "Fehler[expect-mismatch]: das Programm umfasst 3 Std., aber expect.hours ist 15,5",
    );
    refused(
        &file,
        &["expect", "set", "FILE", "fora=1,5"],
        2,
        "fora=1,5: keine ganze Zahl",
    );
}

#[test]
fn room_list_counts_the_fora_of_each_room() {
    let (_folder, file) = week();
    let output = fora()
        .args(["room", "list"])
        .arg(&file)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let rooms: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        rooms,
        json!([
            {"id": "plenum", "name": "Plenum", "capacity": null, "url": "https://example.org/plenum", "fora": 1},
            {"id": "werkstatt", "name": "Werkstatt", "capacity": 20, "url": null, "fora": 2}
        ])
    );
    let table = fora().args(["room", "list"]).arg(&file).output().unwrap();
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(
        table.contains("Kennung") && table.contains("Fora im Raum"),
        "{table}"
    );
    assert!(table.ends_with("2 Räume\n"), "{table}");
    let english = fora()
        .args(["room", "list", "--lang", "en"])
        .arg(&file)
        .output()
        .unwrap();
    let english = String::from_utf8(english.stdout).unwrap();
    assert!(
        english.contains("Join link") && english.ends_with("2 rooms\n"),
        "{english}"
    );
    fora()
        .args(["room", "list"])
        .arg(Path::new("/nonexistent/woche.json"))
        .assert()
        .code(2);
}

#[test]
fn room_set_changes_a_room_and_refuses_a_link_without_scheme() {
    let (_folder, file) = week();
    fora()
        .args(["room", "set"])
        .arg(&file)
        .args(["werkstatt", "name=Werkstatt (Zoom)", "url=https://zoom.us/j/123", "capacity="])
        .assert()
        .code(0)
        .stdout("Raum „werkstatt“ geändert: name „Werkstatt (Zoom)“; url „https://zoom.us/j/123“; capacity entfernt\n");
    assert_eq!(
        read(&file)["rooms"][1],
        json!({"id": "werkstatt", "name": "Werkstatt (Zoom)", "url": "https://zoom.us/j/123"})
    );
    let cases: [(&[&str], i32, &str); 5] = [
        (
            &["room", "set", "FILE", "plenum", "url=zoom.us/j/123"],
            2,
            "Fehler: url=zoom.us/j/123: kein Link, den Kalender anklickbar machen; meinten Sie https://zoom.us/j/123?",
        ),
        (
            &[
                "room",
                "set",
                "FILE",
                "plenum",
                "url=zoom.us/j/123",
                "--lang",
                "en",
            ],
            2,
            "error: url=zoom.us/j/123: not a link calendars make clickable; did you mean https://zoom.us/j/123?",
        ),
        (
            &["room", "set", "FILE", "plenum", "url=ftp://example.org"],
            2,
            "nur Links mit https:// und http://",
        ),
        (
            &["room", "set", "FILE", "plenm", "name=X"],
            2,
            "plenm: kein Raum hat diese Kennung; meinten Sie „plenum“?",
        ),
        (
            &["room", "set", "FILE", "plenum", "capacity=viele"],
            2,
            "capacity=viele: keine ganze Zahl",
        ),
    ];
    for (args, code, says) in cases {
        refused(&file, args, code, says);
    }
}

#[test]
fn room_rm_keeps_a_room_in_use_unless_its_fora_move_in_the_same_edit() {
    let (_folder, file) = week();
    refused(
        &file,
        &["room", "rm", "FILE", "werkstatt"],
        2,
        "Fehler: Raum „werkstatt“ ist der Raum von 2 Fora: werkstatt-1, werkstatt-2; verlegen Sie sie zuerst",
    );
    refused(
        &file,
        &["room", "rm", "FILE", "werkstatt", "--lang", "en"],
        2,
        "error: room \"werkstatt\" is the room of 2 fora: werkstatt-1, werkstatt-2; move them first",
    );
    refused(
        &file,
        &["room", "rm", "FILE", "werkstatt", "--reassign", "werkstatt"],
        2,
        "--reassign werkstatt: das ist der Raum, der entfernt wird",
    );
    refused(
        &file,
        &["room", "rm", "FILE", "werkstatt", "--reassign", "plenm"],
        2,
        "--reassign plenm: kein Raum hat diese Kennung",
    );
    // Into the plenum, werkstatt-1 meets the opening: refused as any overlap is.
    refused(
        &file,
        &["room", "rm", "FILE", "werkstatt", "--reassign", "plenum"],
        1,
        "Fehler[room-overlap]",
    );
    fora()
        .args(["move"])
        .arg(&file)
        .args(["werkstatt-1", "--to", "2020-06-23T14:00"])
        .assert()
        .code(0);
    fora()
        .args(["room", "rm"])
        .arg(&file)
        .args(["werkstatt", "--reassign", "plenum"])
        .assert()
        .code(0)
        .stdout("Raum „werkstatt“ (Werkstatt) entfernt; 2 Fora in Raum plenum verlegt: werkstatt-1, werkstatt-2\n");
    let week = read(&file);
    assert_eq!(week["rooms"].as_array().unwrap().len(), 1);
    assert!(
        week["fora"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["room"] == "plenum")
    );
    fora().arg("check").arg(&file).assert().code(0);
    // A room no forum is in goes without more ado.
    fora()
        .args(["room", "add"])
        .arg(&file)
        .args(["--id", "leer", "--name", "Leer"])
        .assert()
        .code(0);
    fora()
        .args(["room", "rm", "--lang", "en"])
        .arg(&file)
        .arg("leer")
        .assert()
        .code(0)
        .stdout("removed room \"leer\" (Leer)\n");
}

#[test]
fn a_forum_takes_its_registrations_and_capacity_as_people_write_them() {
    let (_folder, file) = week();
    // Over the room's capacity, 1.200 registrations are an error: the room grows first.
    fora()
        .arg("set")
        .arg(&file)
        .args(["werkstatt-1", "registrations=1.200"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("Fehler[over-capacity]"));
    fora()
        .args(["room", "set"])
        .arg(&file)
        .args(["werkstatt", "capacity=2 000"])
        .assert()
        .code(0);
    fora()
        .arg("set")
        .arg(&file)
        .args(["werkstatt-1", "registrations=1.200", "capacity=1 500"])
        .assert()
        .code(0)
        .stdout("„werkstatt-1“ geändert: registrations „1200“; capacity „1500“\n");
    let forum = &read(&file)["fora"][1];
    assert_eq!(
        (&forum["registrations"], &forum["capacity"]),
        (&json!(1200), &json!(1500))
    );
    refused(
        &file,
        &["set", "FILE", "werkstatt-1", "capacity=1,5"],
        2,
        "Fehler: capacity=1,5: keine ganze Zahl; schreiben Sie sie wie 120 oder 1.200",
    );
    refused(
        &file,
        &["set", "FILE", "werkstatt-1", "capacity=abc", "--lang", "en"],
        2,
        "error: capacity=abc: not a whole number; write it like 120 or 1.200",
    );
}

#[test]
fn every_edit_of_a_join_link_refuses_one_calendars_would_not_make_clickable() {
    let (_folder, file) = week();
    refused(
        &file,
        &[
            "add",
            "FILE",
            "--title",
            "X",
            "--duration",
            "1h",
            "--url",
            "zoom.us/j/123",
        ],
        2,
        "--url zoom.us/j/123: kein Link, den Kalender anklickbar machen; meinten Sie https://zoom.us/j/123?",
    );
    refused(
        &file,
        &[
            "set",
            "FILE",
            "eroeffnung",
            "url=zoom.us/j/123",
            "--lang",
            "en",
        ],
        2,
        "url=zoom.us/j/123: not a link calendars make clickable; did you mean https://zoom.us/j/123?",
    );
    refused(
        &file,
        &[
            "room",
            "add",
            "FILE",
            "--id",
            "x",
            "--name",
            "X",
            "--url",
            "javascript:alert(1)",
        ],
        2,
        "--url javascript:alert(1): Kalender machen nur Links",
    );
    refused(
        &file,
        &["set", "FILE", "eroeffnung", "url=kein link"],
        2,
        "url=kein link: kein Link; schreiben Sie ihn wie https://example.org/teilnehmen",
    );
    fora()
        .arg("set")
        .arg(&file)
        .args(["eroeffnung", "url=https://zoom.us/j/123"])
        .assert()
        .code(0);
}

#[test]
fn an_add_outside_the_day_says_its_warning_and_writes() {
    let (_folder, file) = week();
    fora()
        .arg("add")
        .arg(&file)
        .args(["--title", "Frühstart", "--start", "2020-06-24 07:30", "--duration", "1h", "--room", "plenum"])
        .assert()
        .code(0)
        .stdout("„fruehstart“ (Frühstart) hinzugefügt: 24.06.2020 07:30, 1h, Raum plenum\n")
        .stderr("Warnung[outside-day]: „fruehstart“ (24.06.2020 07:30–08:30) beginnt vor dem Tagesfenster 09:00–18:00\n");
    fora()
        .args(["add", "--lang", "en"])
        .arg(&file)
        .args(["--title", "Nacht", "--start", "2020-06-23 23:30", "--duration", "1h", "--room", "plenum"])
        .assert()
        .code(0)
        .stdout("added \"nacht\" (Nacht): 2020-06-23 23:30, 1h, room plenum\n")
        .stderr("warning[outside-day]: \"nacht\" (2020-06-23 23:30–00:30 (+1)) ends after the day's window 09:00–18:00\n");
    let written = read(&file);
    let ids: Vec<&str> = written["fora"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["id"].as_str())
        .collect();
    assert!(ids.contains(&"fruehstart") && ids.contains(&"nacht"));
    // A warning the forum had before is not said again.
    fora()
        .arg("set")
        .arg(&file)
        .args(["fruehstart", "title=Früher Start"])
        .assert()
        .code(0)
        .stderr("");
    // A short gap, and the autumn hour, are said too.
    fora()
        .args(["rules", "set"])
        .arg(&file)
        .arg("min_gap=30m")
        .assert()
        .code(0);
    fora()
        .arg("add")
        .arg(&file)
        .args([
            "--title",
            "Gleich danach",
            "--start",
            "2020-06-23 11:10",
            "--duration",
            "30m",
            "--room",
            "plenum",
        ])
        .assert()
        .code(0)
        .stderr(predicate::str::starts_with(
            "Warnung[short-gap]: nur 10 Min. zwischen",
        ));
}

#[test]
fn new_writes_the_day_window_that_check_and_free_keep_to() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("neu.json");
    fora()
        .arg("new")
        .arg(&file)
        .args([
            "--name",
            "Neu",
            "--start",
            "2020-06-23",
            "--timezone",
            "Europe/Berlin",
            "--language",
            "DE",
        ])
        .assert()
        .code(0);
    let week = read(&file);
    assert_eq!(
        week["rules"],
        json!({"day_start": "09:00", "day_end": "18:00"})
    );
    assert_eq!(week["language"], "de");
    let other = folder.path().join("abend.json");
    fora()
        .arg("new")
        .arg(&other)
        .args([
            "--name",
            "Abend",
            "--start",
            "2020-06-23",
            "--timezone",
            "Europe/Berlin",
            "--day-start",
            "18:00",
            "--day-end",
            "22:00",
            "--lang",
            "EN",
        ])
        .assert()
        .code(0);
    assert_eq!(
        read(&other)["rules"],
        json!({"day_start": "18:00", "day_end": "22:00"})
    );
    // free offers the window check holds fora to.
    let output = fora()
        .arg("free")
        .arg(&other)
        .args(["--duration", "1h", "--format", "json"])
        .output()
        .unwrap();
    let slots: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        (&slots[0]["from"], &slots[0]["to"]),
        (&json!("2020-06-23T18:00"), &json!("2020-06-23T22:00")),
        "{slots}"
    );
    fora()
        .arg("new")
        .arg(folder.path().join("leer.json"))
        .args([
            "--name",
            "X",
            "--start",
            "2020-06-23",
            "--timezone",
            "Europe/Berlin",
            "--day-start",
            "9 Uhr",
            "--lang",
            "de",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--day-start 9 Uhr: keine Uhrzeit"));
    fora()
        .arg("new")
        .arg(folder.path().join("leer.json"))
        .args([
            "--name",
            "X",
            "--start",
            "2020-06-23",
            "--timezone",
            "Europe/Berlin",
            "--day-start",
            "18:00",
            "--day-end",
            "09:00",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "day_start 18:00 is not before day_end 09:00",
        ));
    assert!(!folder.path().join("leer.json").exists());
}
