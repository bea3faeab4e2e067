//! The real binary: every command, every error message a user can meet, every exit code.

use std::io::Read;
use std::process::{Command as Process, Stdio};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const WEEK_2020: &str = "schedules/engagementkongress-2020.json";
const WEEK_2015: &str = "schedules/engagementkongress-2015.json";
const DRAFT: &str = "schedules/draft-with-conflicts.json";

fn fora() -> Command {
    let mut command = Command::cargo_bin("fora").expect("the binary is built");
    // The language of a week without one comes from these: make it English.
    command
        .env_remove("NO_COLOR")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("COLUMNS", "200");
    command
}

/// A week file in a temporary folder.
fn week_file(text: &str) -> tempfile::TempPath {
    let file = tempfile::Builder::new()
        .suffix(".json")
        .tempfile()
        .expect("a temporary file");
    std::fs::write(file.path(), text).expect("written");
    file.into_temp_path()
}

fn minimal(fora: &str) -> String {
    format!(
        r#"{{"name": "W", "timezone": "Europe/Berlin", "start": "2020-06-23", "end": "2020-06-26", "fora": {fora}}}"#
    )
}

#[test]
fn check_the_2020_week_is_clean_in_its_own_language() {
    fora()
        .args(["check", WEEK_2020])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "15 Fora, 15 eingeplant, 4 Tage, 15,5 Std. Programm (15,5 Std. belegte Zeit)",
        ))
        .stdout(predicate::str::contains(
            "400 Anmeldungen, 354 Teilnehmende",
        ))
        .stdout(predicate::str::contains("keine Auffälligkeiten"))
        .stderr("");
    fora()
        .args(["check", WEEK_2020, "--lang", "en"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "15 fora, 15 scheduled, 4 days, 15.5 h of programme (15.5 h covered)",
        ))
        .stdout(predicate::str::contains(
            "400 registrations, 354 participants",
        ))
        .stdout(predicate::str::contains("no findings"))
        .stderr("");
}

#[test]
fn check_json_has_the_documented_shape() {
    let output = fora()
        .args(["check", WEEK_2020, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let report: Value = serde_json::from_slice(&output.stdout).expect("one JSON document");
    assert_eq!(
        report["week"],
        serde_json::json!({"id": "digitale-engagementkongresswoche-nrw-2020",
                           "name": "Digitale Engagementkongresswoche NRW 2020", "timezone": "Europe/Berlin",
                           "start": "2020-06-23", "end": "2020-06-26"})
    );
    let summary = &report["summary"];
    assert_eq!(summary["fora"], 15);
    assert_eq!(summary["scheduled"], 15);
    assert_eq!(summary["days"], 4);
    assert_eq!(summary["programme_minutes"], 930);
    assert_eq!(summary["covered_minutes"], 930);
    assert_eq!(summary["registrations"], 400);
    assert_eq!(summary["participants"], 354);
    let per_day = summary["per_day"].as_array().unwrap();
    let days: Vec<_> = per_day
        .iter()
        .map(|d| {
            (
                d["date"].as_str().unwrap(),
                d["fora"].as_u64().unwrap(),
                d["programme_minutes"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        days,
        [
            ("2020-06-23", 4, 240),
            ("2020-06-24", 4, 240),
            ("2020-06-25", 4, 240),
            ("2020-06-26", 3, 210)
        ]
    );
    assert_eq!(report["findings"], serde_json::json!([]));
}

#[test]
fn check_the_draft_lists_every_kind_and_exits_1() {
    let output = fora()
        .args(["check", DRAFT, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    let kinds: std::collections::BTreeSet<&str> = findings
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    // Every kind but missing-id and legacy-zone: every week file of schedules/ has its id
    // and the zone of a place (`a_legacy_zone_is_named_with_the_zone_to_write` has the other);
    // and but the planning kinds, which tests/planning_rules.rs shows on weeks that plan.
    for kind in fora::Kind::ALL.into_iter().filter(|&k| {
        !matches!(
            k,
            fora::Kind::MissingId
                | fora::Kind::LegacyZone
                | fora::Kind::Unavailable
                | fora::Kind::OutsideWindow
                | fora::Kind::OutOfOrder
                | fora::Kind::GroupOverlap
        )
    }) {
        assert!(
            kinds.contains(kind.name()),
            "the draft shows no {}",
            kind.name()
        );
    }
    // Worst first: every error before every warning.
    let severities: Vec<&str> = findings
        .iter()
        .map(|f| f["severity"].as_str().unwrap())
        .collect();
    assert!(
        severities
            .windows(2)
            .all(|w| !(w[0] == "warning" && w[1] == "error"))
    );
    for finding in findings {
        assert!(
            finding["fora"].is_array()
                && finding["message"].as_str().is_some_and(|m| !m.is_empty())
        );
    }
    fora()
        .args(["check", DRAFT])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            r#"error[room-overlap]: "auftakt" (2021-03-26 10:00–11:30) and "podium" (2021-03-26 11:00–12:00) overlap in room "plenum""#,
        ))
        .stdout(predicate::str::contains(r#"warning[unknown-field]: forum "abschluss": unknown key "speaker" (closest known key: "speakers")"#))
        .stdout(predicate::str::contains("14 errors, 10 warnings"));
}

#[test]
fn user_keys_are_never_warned_about() {
    let out = fora().args(["check", DRAFT]).output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains("x-owner"));
}

#[test]
fn timetable_in_german_and_english() {
    fora()
        .args(["timetable", WEEK_2020, "--lang", "de"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Dienstag, 23. Juni 2020"))
        .stdout(predicate::str::contains("Freitag, 26. Juni 2020"))
        .stdout(predicate::str::contains("4 Fora · 4 Std."))
        .stdout(predicate::str::ends_with("15 Fora · 15,5 Std.\n"));
    fora()
        .args(["timetable", WEEK_2020, "--lang", "en"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Tuesday, 23 June 2020"))
        .stdout(predicate::str::ends_with("15 fora · 15.5 h\n"));
    // Without --lang, the file's language.
    fora()
        .args(["timetable", WEEK_2020])
        .assert()
        .stdout(predicate::str::contains("Mittwoch, 24. Juni 2020"));
}

#[test]
fn timetable_filters_by_day_and_room() {
    let output = fora()
        .args([
            "timetable",
            WEEK_2015,
            "--room",
            "raum-b",
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(rows.len(), 4, "{text}");
    // A German week's CSV is Excel's German dialect: `;` between fields.
    assert!(rows.iter().all(|r| r.contains(";Raum B;")));
    fora()
        .args([
            "timetable",
            WEEK_2020,
            "--day",
            "2020-06-24",
            "--format",
            "markdown",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("## Mittwoch, 24. Juni 2020"))
        .stdout(predicate::str::contains("Dienstag").not())
        .stdout(predicate::str::ends_with("**4 Fora · 4 Std.**\n"));
}

#[test]
fn timetable_marks_fora_in_error_findings() {
    fora()
        .args(["timetable", DRAFT, "--day", "2021-03-26"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("✗"))
        .stderr(predicate::str::contains("the week has 14 error findings"));
}

#[test]
fn timetable_survives_a_closed_pipe() {
    // Far more output than a pipe buffers, so the writer meets the closed pipe.
    let fora_list: Vec<String> = (0..3000)
        .map(|i| format!(r#"{{"id": "f{i}", "title": "Forum {i} mit einem langen Titel", "duration": 30, "start": "2020-06-{:02}T{:02}:{:02}"}}"#, 23 + i % 4, 8 + (i / 4) % 10, (i / 40) % 60))
        .collect();
    let file = week_file(&minimal(&format!("[{}]", fora_list.join(","))));
    let mut child = Process::new(assert_cmd::cargo::cargo_bin("fora"))
        .args(["timetable", "--format", "csv"])
        .arg(&*file)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // Dropping our end closes the pipe, as `head` does.
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(
        !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
        "{stderr}"
    );
    // Overlapping fora make this week an error week: the exit code says so, not the pipe.
    assert_eq!(status.code(), Some(1), "{stderr}");
}

#[test]
fn ics_is_deterministic_and_writes_files_whole() {
    let first = fora().args(["ics", WEEK_2020]).output().unwrap();
    let second = fora().args(["ics", WEEK_2020]).output().unwrap();
    assert_eq!(first.status.code(), Some(0));
    assert_eq!(first.stdout, second.stdout);
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("week.ics");
    fora()
        .args(["ics", WEEK_2020, "-o"])
        .arg(&out)
        .assert()
        .code(0)
        .stdout("");
    assert_eq!(std::fs::read(&out).unwrap(), first.stdout);
    // Nothing else is left in the folder: no temporary file.
    assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 1);
    let events = String::from_utf8(first.stdout)
        .unwrap()
        .matches("BEGIN:VEVENT")
        .count();
    assert_eq!(events, 15);
}

#[test]
fn ics_into_a_missing_folder_is_an_error() {
    fora()
        .args([
            "ics",
            WEEK_2020,
            "-o",
            "/nonexistent-folder/week.ics",
            "--lang",
            "en",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "error: /nonexistent-folder/week.ics: cannot write:",
        ));
}

/// Runs `fora check` on `text` and returns stderr, asserting exit code 2 and no panic.
fn input_error(text: &[u8]) -> String {
    let file = tempfile::Builder::new().suffix(".json").tempfile().unwrap();
    std::fs::write(file.path(), text).unwrap();
    let output = fora().arg("check").arg(file.path()).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(output.stdout.is_empty());
    assert!(!stderr.contains("panicked"), "{stderr}");
    let name = file.path().display().to_string();
    assert!(stderr.starts_with(&format!("error: {name}")), "{stderr}");
    stderr.replace(&name, "FILE")
}

#[test]
fn every_input_error_names_the_file_and_exits_2() {
    assert_eq!(input_error(b""), "error: FILE: the file is empty\n");
    assert_eq!(
        input_error(b"{\"name\": \"\xfc\"}"),
        "error: FILE:1:11: the file is not UTF-8 text\n"
    );
    assert_eq!(
        input_error(b"[1, 2]"),
        "error: FILE: the file holds a list, but a week file holds one JSON object\n"
    );
    assert_eq!(
        input_error(b"{\n  \"name\": \"W\"\n  \"fora\": []\n}"),
        "error: FILE:3:3: expected \",\" or \"}\"\n"
    );
    assert_eq!(
        input_error(minimal(r#"[{"id": "a", "title": 5, "duration": 60}]"#).as_bytes()),
        "error: FILE:1:118: fora[0].title: expected a text in quotes, found 5\n"
    );
    // What a hand edit with a German decimal comma gets.
    assert_eq!(
        input_error(
            minimal("[]")
                .replace(
                    r#""fora""#,
                    r#""rules": {"max_hours_per_day": "6,5"}, "fora""#
                )
                .as_bytes()
        ),
        "error: FILE:1:123: rules.max_hours_per_day: expected a number (with a decimal point, not a comma), found \"6,5\"\n"
    );
    assert_eq!(
        input_error(
            minimal("[]")
                .replace("Europe/Berlin", "Europe/Berln")
                .as_bytes()
        ),
        "error: FILE: week: timezone \"Europe/Berln\" is not an IANA time zone; did you mean \"Europe/Berlin\"?\n"
    );
    assert_eq!(
        input_error(minimal(r#"[{"id": "a", "title": "T", "duration": "90x"}]"#).as_bytes()),
        "error: FILE: forum \"a\": duration: \"90x\" is not a duration; write it like \"90m\", \"1h30m\", \"1.5h\", \"PT1H30M\" or a number of minutes\n"
    );
    assert_eq!(
        input_error(minimal(r#"[{"id": "a", "title": "T", "duration": "25h"}]"#).as_bytes()),
        "error: FILE: forum \"a\": duration: \"25h\" is too long: a duration may be at most 24 hours\n"
    );
    assert_eq!(
        input_error(
            minimal(r#"[{"id": "a", "title": "T", "duration": 30, "start": "2020-06-23 25:00"}]"#)
                .as_bytes()
        ),
        "error: FILE: forum \"a\": start \"2020-06-23 25:00\" is not a local date-time; write it like \"2020-06-23T10:00\"\n"
    );
    assert_eq!(
        input_error(minimal(r#"[{"title": "T", "duration": 30}]"#).as_bytes()),
        "error: FILE: forum #1: the key \"id\" is missing\n"
    );
    assert_eq!(
        input_error(minimal(r#"[{"id": "a b", "title": "T", "duration": 30}]"#).as_bytes()),
        "error: FILE: forum \"a b\": an id may hold only ASCII letters, digits, \"-\" and \"_\"\n"
    );
    assert_eq!(
        input_error(minimal("[]").replace("2020-06-26", "2020-06-20").as_bytes()),
        "error: FILE: week: end 2020-06-20 is before start 2020-06-23\n"
    );
    assert_eq!(
        input_error(
            minimal("[]")
                .replace("2020-06-26", "99999-01-01")
                .as_bytes()
        ),
        "error: FILE: week: end \"99999-01-01\" is not a date; write it like \"2020-06-23\"\n"
    );
    assert_eq!(
        input_error(
            br#"{"name": "W", "timezone": "UTC", "start": "2020-06-23", "end": "2020-06-26"}"#
        ),
        "error: FILE: week: the key \"fora\" is missing; give it a list of fora, even an empty one []\n"
    );
}

#[test]
fn a_missing_file_is_an_input_error() {
    fora()
        .args(["check", "no-such-week.json"])
        .assert()
        .code(2)
        .stderr("error: no-such-week.json: cannot read: no such file or folder\n");
    fora()
        .args(["check", "no-such-week.json"])
        .env("LANG", "de_DE.UTF-8")
        .assert()
        .code(2)
        .stderr(
            "Fehler: no-such-week.json: lässt sich nicht lesen: Datei oder Ordner nicht gefunden\n",
        );
}

#[test]
fn options_that_do_not_fit_the_week_exit_2() {
    fora()
        .args(["timetable", WEEK_2020, "--room", "plenm", "--lang", "en"])
        .assert()
        .code(2)
        .stderr("error: --room plenm: no room has this id; did you mean \"plenum\"?\n");
    // Without --lang, the week's own language.
    fora()
        .args(["timetable", WEEK_2020, "--room", "plenm"])
        .assert()
        .code(2)
        .stderr("Fehler: --room plenm: kein Raum hat diese Kennung; meinten Sie „plenum“?\n");
    fora()
        .args([
            "timetable",
            WEEK_2020,
            "--lang",
            "en",
            "--day",
            "2020-07-01",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--day 2020-07-01: not a day of the week",
        ));
    fora()
        .args([
            "timetable",
            WEEK_2020,
            "--day",
            "23.06.2020",
            "--lang",
            "en",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "error: --day \"23.06.2020\" is not a date; write it like 2020-06-23\n",
        ));
    fora()
        .args([
            "--lang",
            "de",
            "timetable",
            WEEK_2020,
            "--day",
            "23.06.2020",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "Fehler: --day „23.06.2020“ ist kein Datum",
        ));
    fora()
        .args(["timetable", WEEK_2020, "--lang", "fr"])
        .assert()
        .code(2);
    fora().args(["frobnicate"]).assert().code(2);
}

#[test]
fn help_teaches_the_exit_codes() {
    for args in [
        &["--help"][..],
        &["check", "--help"],
        &["timetable", "--help"],
        &["ics", "--help"],
    ] {
        fora()
            .args(args)
            .assert()
            .code(0)
            .stdout(predicate::str::contains(
                "2  the input could not be read or understood",
            ));
    }
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let plain = fora().args(["check", DRAFT]).output().unwrap();
    assert!(!plain.stdout.contains(&0x1b));
    let coloured = fora()
        .args(["check", DRAFT, "--color", "always"])
        .output()
        .unwrap();
    assert!(coloured.stdout.contains(&0x1b));
}

/// The UIDs of the events of a calendar, in order (UIDs of the 2020 week fit on one line).
fn uids(calendar: &str) -> Vec<String> {
    calendar
        .lines()
        .filter_map(|l| l.strip_prefix("UID:"))
        .map(|uid| uid.split('.').next().unwrap().to_owned())
        .collect()
}

#[test]
fn ics_takes_an_attendees_selection() {
    let output = fora()
        .args(["ics", WEEK_2020, "--only", "abschluss,eroeffnung"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let calendar = String::from_utf8(output.stdout).unwrap();
    assert_eq!(uids(&calendar), ["eroeffnung", "abschluss"]);
    assert_eq!(calendar.matches("BEGIN:VTIMEZONE").count(), 1);

    let day = fora()
        .args(["ics", WEEK_2020, "--day", "2020-06-26", "--room", "plenum"])
        .output()
        .unwrap();
    assert_eq!(
        uids(&String::from_utf8(day.stdout).unwrap()),
        ["fachforum-zukunftsbild", "abschluss"]
    );

    fora()
        .args(["ics", WEEK_2020, "--only", "eroeffnung,abschlus", "--lang", "en"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "--only abschlus: the week Digitale Engagementkongresswoche NRW 2020 has no forum with this id; did you mean \"abschluss\" (Abschlussrunde und Ausblick)?",
        ));
}

#[test]
fn ics_split_writes_one_complete_calendar_a_forum() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("fora");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("README.txt"), "mine").unwrap();
    fora()
        .args(["ics", WEEK_2020, "--split"])
        .arg(&out)
        .assert()
        .code(0)
        .stdout("");
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names.len(), 16, "15 calendars and the file that was there");
    assert!(names.contains(&"README.txt".to_owned()));
    let opening = std::fs::read_to_string(out.join("eroeffnung.ics")).unwrap();
    assert!(opening.starts_with("BEGIN:VCALENDAR\r\n") && opening.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(uids(&opening), ["eroeffnung"]);
    assert_eq!(opening.matches("BEGIN:VTIMEZONE").count(), 1);

    // Split and whole file do not mix.
    fora()
        .args(["ics", WEEK_2020, "-o", "x.ics", "--split"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot be used with"));
}

#[test]
fn ics_previous_reports_what_changed_and_cancels_what_is_gone() {
    let folder = tempfile::tempdir().unwrap();
    let published = folder.path().join("programme.ics");
    fora()
        .args(["ics", WEEK_2020, "-o"])
        .arg(&published)
        .assert()
        .code(0);
    let before = std::fs::read(&published).unwrap();
    // Unchanged: the same bytes, and it says so, in the week's language.
    fora()
        .args(["ics", WEEK_2020, "-o"])
        .arg(&published)
        .arg("--previous")
        .arg(&published)
        .assert()
        .code(0)
        .stderr("0 neu, 0 geändert (SEQUENCE erhöht), 0 nicht mehr in der Woche (als abgesagt veröffentlicht), 15 unverändert\n");
    // The same calendar in English is another calendar: every event's words change.
    fora()
        .args(["ics", WEEK_2020, "--lang", "en", "-o", "-"])
        .arg("--previous")
        .arg(&published)
        .assert()
        .code(0)
        .stderr("0 new, 15 changed (SEQUENCE raised), 0 gone from the week (published cancelled), 0 unchanged\nwarning: the week has no \"updated\"; set it to now, so that changed events carry when they changed\n");
    assert_eq!(std::fs::read(&published).unwrap(), before);

    let mut week: Value =
        serde_json::from_str(&std::fs::read_to_string(WEEK_2020).unwrap()).unwrap();
    week["fora"].as_array_mut().unwrap().remove(0);
    week["updated"] = Value::from("2020-06-22T12:00:00Z");
    let changed = week_file(&week.to_string());
    fora()
        .args(["ics"])
        .arg(&changed)
        .arg("-o")
        .arg(&published)
        .arg("--previous")
        .arg(&published)
        .args(["--lang", "de"])
        .assert()
        .code(1) // the week no longer has the 15 fora it promises
        .stderr(predicate::str::starts_with(
            "0 neu, 0 geändert (SEQUENCE erhöht), 1 nicht mehr in der Woche (als abgesagt veröffentlicht), 14 unverändert\n",
        ));
    let after = std::fs::read_to_string(&published).unwrap();
    assert!(after.contains("SUMMARY;LANGUAGE=de:Abgesagt: Gemeinsames Eröffnungsgespräch\r\n"));
    assert!(after.contains("STATUS:CANCELLED\r\n"));

    // Something that is not a calendar is refused with the file and the line.
    let not_calendar = week_file("{}");
    fora()
        .args(["ics", WEEK_2020, "--lang", "en", "--previous"])
        .arg(&not_calendar)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            ":1: not an iCalendar file: it does not begin with BEGIN:VCALENDAR",
        ));
}

#[test]
fn ics_options_are_checked() {
    fora()
        .args(["ics", WEEK_2020, "--alarm", "soon"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("\"soon\" is not a duration"));
    fora()
        .args(["ics", WEEK_2020, "--refresh", "0m"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--refresh"));
    let output = fora()
        .args(["ics", WEEK_2020, "--alarm", "10m", "--refresh", "1h"])
        .output()
        .unwrap();
    let calendar = String::from_utf8(output.stdout).unwrap();
    assert_eq!(calendar.matches("TRIGGER:-PT10M\r\n").count(), 15);
    assert!(calendar.contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n"));
}

#[test]
fn diff_gates_publishing_with_its_exit_code() {
    fora()
        .args(["diff", WEEK_2020, WEEK_2020])
        .assert()
        .code(0)
        .stdout("Keine Änderungen für Teilnehmende.\n");
    let mut week: Value =
        serde_json::from_str(&std::fs::read_to_string(WEEK_2020).unwrap()).unwrap();
    week["fora"][0]["start"] = Value::from("2020-06-23T09:30");
    week["fora"][1]["status"] = Value::from("cancelled");
    let changed = week_file(&week.to_string());
    let output = fora()
        .args(["diff", WEEK_2020])
        .arg(&changed)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let diff: Value = serde_json::from_slice(&output.stdout).unwrap();
    let kinds: Vec<(&str, &str)> = diff["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["forum"].as_str().unwrap(), c["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("eroeffnung", "moved"),
            ("fachforum-kommunale-engagementfoerderung", "cancelled")
        ]
    );
    fora()
        .args(["diff", WEEK_2020])
        .arg(&changed)
        .args(["--lang", "en"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("Moved"))
        .stdout(predicate::str::contains("2 changes for attendees"));
    fora()
        .args(["diff", WEEK_2020, "missing.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.json: cannot read"));
}

#[test]
fn a_cancelled_forum_is_shown_so_and_counts_nowhere() {
    let mut week: Value =
        serde_json::from_str(&std::fs::read_to_string(WEEK_2020).unwrap()).unwrap();
    week["fora"][14]["status"] = Value::from("cancelled");
    week["expect"]["fora"] = Value::from(14);
    week["expect"]["hours"] = Value::from(14.5);
    let file = week_file(&week.to_string());
    fora()
        .args(["timetable"])
        .arg(&file)
        .args(["--day", "2020-06-26", "--format", "csv"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            ";Abgesagt: Abschlussrunde und Ausblick;",
        ));
    fora()
        .args(["timetable"])
        .arg(&file)
        .args(["--day", "2020-06-26"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("2 Fora · 2,5 Std."));
    fora()
        .arg("check")
        .arg(&file)
        .args(["--lang", "en"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "15 fora, 1 cancelled, 14 scheduled, 4 days, 14.5 h of programme",
        ));
}

#[test]
fn completions_man_and_version_come_from_the_same_definitions() {
    for (shell, marker) in [
        ("bash", "_fora()"),
        ("zsh", "#compdef fora"),
        ("fish", "complete -c fora"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion:arg-completer[fora]"),
    ] {
        let output = fora().args(["completions", shell]).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{shell}");
        let script = String::from_utf8(output.stdout).unwrap();
        assert!(script.contains(marker), "{shell}: {script}");
        // Every command is offered.
        for command in [
            "check",
            "timetable",
            "ics",
            "diff",
            "free",
            "completions",
            "man",
        ] {
            assert!(script.contains(command), "{shell} offers {command}");
        }
    }
    let page = fora().arg("man").output().unwrap();
    let page = String::from_utf8(page.stdout).unwrap();
    assert!(page.contains(".TH fora 1"), "{page}");
    assert!(
        page.contains("\\-\\-lang"),
        "the global flags are on the page"
    );
    fora()
        .arg("--version")
        .assert()
        .code(0)
        .stdout(format!("fora {}\n", env!("CARGO_PKG_VERSION")));
    fora().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn a_wrong_command_line_is_explained_in_the_users_language() {
    fora()
        .args(["--lang", "de", "chekc"])
        .assert()
        .code(2)
        .stderr("Fehler: „chekc“ ist kein Befehl von fora; meinten Sie „check“?\n\nWeitere Informationen: `fora --help` (oder `fora help BEFEHL`).\n");
    fora()
        .env("LANG", "de_DE.UTF-8")
        .args(["check", WEEK_2020, "--formt", "json"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "Fehler: die Angabe „--formt“ ist hier unbekannt; meinten Sie „--format“?",
        ));
    fora()
        .env("LC_ALL", "de_DE.UTF-8")
        .args(["check"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "Fehler: nötig, aber nicht angegeben: <FILE>",
        ));
    // English is clap's own, which names every command alike enough (`schema` too).
    fora()
        .args(["chekc"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("similar subcommand"))
        .stderr(predicate::str::contains("'check'"));
}

#[test]
fn the_draft_is_german_from_the_first_line_to_the_last() {
    let output = fora()
        .args(["check", DRAFT, "--lang", "de"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[1], "26.03.2021 bis 29.03.2021 (Europe/Berlin)");
    assert!(lines[3].starts_with("12 Fora, 11 eingeplant, 4 Tage, 8 Std. Programm"));
    assert_eq!(*lines.last().unwrap(), "14 Fehler, 10 Warnungen");
    for line in lines.iter().filter(|l| l.contains('[')) {
        assert!(
            line.starts_with("Fehler[") || line.starts_with("Warnung["),
            "{line}"
        );
    }
    // No English word of the catalogue is left (kind names and keys stay English).
    for english in [
        " and ",
        " the ",
        " but ",
        "starts",
        "overlap in",
        "error[",
        "warning[",
    ] {
        assert!(!text.contains(english), "{english:?} in\n{text}");
    }
    assert!(output.stderr.is_empty());
}

#[test]
fn check_counts_every_finding_and_shows_the_first_of_each_kind() {
    let json = |args: &[&str]| -> Value {
        let output = fora()
            .args(["check", DRAFT, "--format", "json"])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1));
        serde_json::from_slice(&output.stdout).unwrap()
    };
    let all = json(&[]);
    let limited = json(&["--max-findings", "1"]);
    assert_eq!(all["summary"]["truncated"], false);
    assert_eq!(limited["summary"]["truncated"], true);
    // The counts are the same, and every kind is named, those without findings too.
    assert_eq!(
        all["summary"]["finding_counts"],
        limited["summary"]["finding_counts"]
    );
    let counts = all["summary"]["finding_counts"].as_object().unwrap();
    assert_eq!(counts.len(), fora::Kind::ALL.len());
    assert_eq!(counts["parallel-overlap"], 4);
    assert_eq!(counts["missing-id"], 0);
    let total: u64 = counts.values().map(|n| n.as_u64().unwrap()).sum();
    assert_eq!(all["findings"].as_array().unwrap().len() as u64, total);
    let kinds: Vec<&str> = limited["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    let mut unique = kinds.clone();
    unique.dedup();
    assert_eq!(kinds, unique, "one of each kind");
    // The people's report says how many more there are.
    fora()
        .args(["check", DRAFT, "--max-findings", "1"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "error[parallel-overlap]: … and 3 more of this kind (--max-findings N shows more)",
        ))
        .stdout(predicate::str::contains("14 errors, 10 warnings"));
}

#[test]
fn a_legacy_zone_is_named_with_the_zone_to_write() {
    let week = std::fs::read_to_string(WEEK_2020)
        .unwrap()
        .replace("\"Europe/Berlin\"", "\"CET\"");
    let file = week_file(&week);
    fora()
        .args(["check", "--lang", "en"])
        .arg(&file)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "warning[legacy-zone]: timezone \"CET\" is an abbreviation",
        ))
        .stdout(predicate::str::contains("write \"Europe/Berlin\""));
    fora()
        .args(["check", "--lang", "de"])
        .arg(&file)
        .assert()
        .stdout(predicate::str::contains("besser „Europe/Berlin“"));
    // And a zone that is none gets the zone of the place it abbreviates.
    let file = week_file(&week.replace("\"CET\"", "\"MEZ\""));
    fora()
        .args(["check", "--lang", "de"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "timezone „MEZ“ ist keine IANA-Zeitzone; meinten Sie „Europe/Berlin“?",
        ));
}

/// `-o` into a pipe or a device writes into it and leaves it one: a file renamed over
/// `/dev/null` would take the device's place for every program on the machine.
#[test]
#[cfg(unix)]
fn output_into_a_pipe_writes_into_it_and_leaves_it_a_pipe() {
    use std::os::unix::fs::FileTypeExt;
    let folder = tempfile::tempdir().unwrap();
    let fifo = folder.path().join("programm.ics");
    let made = Process::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success(), "mkfifo makes a pipe");
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo).unwrap())
    };
    fora()
        .args(["ics", WEEK_2020, "-o"])
        .arg(&fifo)
        .assert()
        .code(0);
    // Before waiting for the reader: a pipe replaced by a file would keep it waiting.
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    let calendar = reader.join().unwrap();
    assert_eq!(
        calendar,
        std::fs::read("tests/golden/engagementkongress-2020.ics").unwrap()
    );
    assert_eq!(
        std::fs::read_dir(folder.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
}
