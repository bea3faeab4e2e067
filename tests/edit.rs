//! The editing commands as organisers run them: every change checked, every refusal leaving
//! the file as it was, nothing of the file lost, concurrent edits serialised, and a write
//! killed at any moment leaving the old file or the new one.

use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::{Value, json};

/// 2015-11-06T08:00:00Z: every edit in these tests is stamped with it.
const EPOCH: &str = "1446796800";

fn fora() -> Command {
    let mut command = Command::cargo_bin("fora").expect("the binary is built");
    // A week without a language speaks the environment's: make it English.
    command
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("COLUMNS", "200");
    command
}

/// A folder with `week.json` holding `week`.
fn folder_with(week: &Value) -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("week.json");
    std::fs::write(&file, serde_json::to_string_pretty(week).unwrap()).unwrap();
    (folder, file)
}

fn read(file: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(file).unwrap()).expect("the file is JSON")
}

fn small_week() -> Value {
    json!({
        "name": "Woche", "timezone": "Europe/Berlin", "start": "2020-06-23", "end": "2020-06-24",
        "x-organiser": {"team": ["a", "b"], "budget": 1.5, "big": 12345678901234_u64},
        "rooms": [{"id": "plenum", "name": "Plenum", "x-note": "kept"}],
        "rules": {"day_start": "09:00", "day_end": "18:00", "min_gap": "15m"},
        "fora": [
            {"id": "auftakt", "x-order": 1, "title": "Auftakt", "start": "2020-06-23T10:00", "duration": "1h",
             "room": "plenum", "speakers": ["Anna"]},
            {"id": "podium", "title": "Podium", "start": "2020-06-23T12:00", "duration": 60, "room": "plenum"}
        ]
    })
}

#[test]
fn new_creates_a_week_and_never_overwrites_by_accident() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("neu.json");
    let new = || {
        let mut command = fora();
        command.arg("new").arg(&file).args([
            "--name",
            "Engagementkongress NRW 2015",
            "--start",
            "2015-11-06",
            "--timezone",
            "Europe/Berlin",
            "--language",
            "de",
        ]);
        command
    };
    // Said in the new week's language, German.
    new().assert().code(0).stdout(format!(
        "{} angelegt: Engagementkongress NRW 2015, 06.11.2015 bis 06.11.2015 (Europe/Berlin), Kennung „engagementkongress-nrw-2015“\n",
        file.display()
    ));
    assert_eq!(
        read(&file),
        json!({"id": "engagementkongress-nrw-2015", "name": "Engagementkongress NRW 2015",
               "timezone": "Europe/Berlin", "start": "2015-11-06", "end": "2015-11-06",
               "language": "de", "updated": "2015-11-06T08:00:00Z",
               "rules": {"day_start": "09:00", "day_end": "18:00"}, "fora": []})
    );
    let before = std::fs::read(&file).unwrap();
    new()
        .arg("--lang")
        .arg("en")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "the file exists; --force replaces it",
        ));
    assert_eq!(std::fs::read(&file).unwrap(), before);
    new().arg("--force").assert().code(0);
    // A zone that does not exist is named, with the closest one.
    fora()
        .arg("new")
        .arg(folder.path().join("x.json"))
        .args([
            "--name",
            "X",
            "--start",
            "2020-01-01",
            "--timezone",
            "Europe/Berln",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean \"Europe/Berlin\"?"));
    assert!(!folder.path().join("x.json").exists());
}

#[test]
fn add_derives_unique_ids_and_keeps_everything_else() {
    let (_folder, file) = folder_with(&small_week());
    fora()
        .arg("add")
        .arg(&file)
        .args(["--title", "Straße & Süd: Ärger!", "--duration", "45m"])
        .args(["--start", "2020-06-23 14:00", "--room", "plenum", "--speaker", "Ben", "--speaker", "Cem"])
        .args(["--format", "Workshop", "--url", "https://example.org/w", "--description", "D"])
        .assert()
        .code(0)
        .stdout("added \"strasse-sued-aerger\" (Straße & Süd: Ärger!): 2020-06-23 14:00, 45m, room plenum\n");
    fora()
        .arg("add")
        .arg(&file)
        .args(["--title", "Straße, Süd, Ärger", "--duration", "1h"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with(
            "added \"strasse-sued-aerger-2\"",
        ));
    let week = read(&file);
    let fora = week["fora"].as_array().unwrap();
    assert_eq!(fora.len(), 4);
    assert_eq!(
        fora[2],
        json!({"id": "strasse-sued-aerger", "title": "Straße & Süd: Ärger!", "format": "Workshop",
               "start": "2020-06-23T14:00", "duration": "45m", "room": "plenum", "speakers": ["Ben", "Cem"],
               "description": "D", "url": "https://example.org/w"})
    );
    // What the tool does not know, and the order of keys, are as they were.
    let mut expected = small_week();
    expected["updated"] = json!("2015-11-06T08:00:00Z");
    assert_eq!(week["x-organiser"], expected["x-organiser"]);
    assert_eq!(week["rooms"], expected["rooms"]);
    assert_eq!(fora[0], expected["fora"][0]);
    let keys: Vec<&String> = week.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "name",
            "timezone",
            "start",
            "end",
            "updated",
            "x-organiser",
            "rooms",
            "rules",
            "fora"
        ]
    );
}

#[test]
fn a_conflicting_change_is_refused_and_the_file_stays_byte_for_byte() {
    let (_folder, file) = folder_with(&small_week());
    let before = std::fs::read(&file).unwrap();
    let refused = |args: &[&str], finding: &str| {
        fora()
            .arg(args[0])
            .arg(&file)
            .args(&args[1..])
            .assert()
            .code(1)
            .stdout("")
            .stderr(predicate::str::contains(finding.to_owned()))
            .stderr(predicate::str::contains(
                "refused: the change would add 1 error finding; nothing written",
            ));
        assert_eq!(std::fs::read(&file).unwrap(), before, "{args:?}");
    };
    refused(
        &[
            "add",
            "--title",
            "Dazwischen",
            "--duration",
            "30m",
            "--start",
            "2020-06-23T10:30",
            "--room",
            "plenum",
        ],
        "error[room-overlap]: \"auftakt\" (2020-06-23 10:00–11:00) and \"dazwischen\" (2020-06-23 10:30–11:00) overlap in room \"plenum\"",
    );
    refused(
        &["move", "podium", "--to", "2020-06-23T10:30"],
        "error[room-overlap]",
    );
    refused(&["move", "podium", "--by", "-90m"], "error[room-overlap]");
    refused(
        &["move", "podium", "--to", "2020-06-28T10:00"],
        "error[outside-week]",
    );
    // A dry run says what would happen and writes nothing either.
    fora()
        .args(["move"])
        .arg(&file)
        .args(["podium", "--by", "1h", "--dry-run"])
        .assert()
        .code(0)
        .stdout("dry run, nothing written; without --dry-run: moved \"podium\" from 2020-06-23 12:00 to 2020-06-23 13:00\n");
    assert_eq!(std::fs::read(&file).unwrap(), before);
    // --force writes, and says what the change added.
    fora()
        .args(["move"])
        .arg(&file)
        .args(["podium", "--to", "2020-06-23T10:30", "--force"])
        .assert()
        .code(1)
        .stdout("moved \"podium\" from 2020-06-23 12:00 to 2020-06-23 10:30\n")
        .stderr(predicate::str::contains("error[room-overlap]"));
    assert_eq!(read(&file)["fora"][1]["start"], "2020-06-23T10:30");
}

#[test]
fn bad_input_names_the_value_and_exits_2() {
    let (_folder, file) = folder_with(&small_week());
    let before = std::fs::read(&file).unwrap();
    let cases: [(&[&str], &str); 8] = [
        (
            &["move", "podum", "--by", "5m"],
            "error: podum: the week Woche has no forum with this id; did you mean \"podium\" (Podium)?",
        ),
        (
            &["move", "podium", "--to", "23.06.2020 10:00"],
            "\"23.06.2020 10:00\" is not a local date-time",
        ),
        (
            &["move", "podium", "--by", "soon"],
            "\"soon\" is not a duration",
        ),
        (
            &["add", "--title", "X", "--duration", "90x"],
            "\"90x\" is not a duration",
        ),
        (
            &["add", "--title", "X", "--duration", "1h", "--room", "plenm"],
            "--room plenm: no room has this id; did you mean \"plenum\"?",
        ),
        (
            &["add", "--title", "X", "--duration", "1h", "--id", "auftakt"],
            "--id auftakt: a forum of the week has this id already",
        ),
        (
            &["set", "podium", "titel=Neu"],
            "titel=: did you mean \"title\"?",
        ),
        (
            &["set", "podium", "status=gestrichen"],
            "status=gestrichen: not one of confirmed, tentative, cancelled (or bestätigt, vorläufig, abgesagt)",
        ),
    ];
    for (args, message) in cases {
        fora()
            .arg(args[0])
            .arg(&file)
            .args(&args[1..])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(message));
        assert_eq!(std::fs::read(&file).unwrap(), before, "{args:?}");
    }
    fora()
        .args(["cancel", "missing.json", "podium"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.json: cannot read"));
}

#[test]
fn set_cancel_rm_and_room_add_do_what_they_say() {
    let (_folder, file) = folder_with(&small_week());
    fora()
        .arg("set")
        .arg(&file)
        .args(["podium", "title=Podium: Engagement vor Ort", "speakers=Anna , Ben", "format=Podium", "duration=75m"])
        .assert()
        .code(0)
        .stdout("set \"podium\": title \"Podium: Engagement vor Ort\"; speakers \"Anna, Ben\"; format \"Podium\"; duration \"75m\"\n");
    fora()
        .arg("set")
        .arg(&file)
        .args(["podium", "format="])
        .assert()
        .code(0);
    let podium = &read(&file)["fora"][1];
    assert_eq!(podium["speakers"], json!(["Anna", "Ben"]));
    assert_eq!(podium["duration"], "75m");
    assert!(podium.get("format").is_none());
    // Anna now speaks in both; they do not overlap, so it is fine.
    fora()
        .arg("cancel")
        .arg(&file)
        .arg("auftakt")
        .assert()
        .code(0);
    assert_eq!(read(&file)["fora"][0]["status"], "cancelled");
    fora()
        .arg("cancel")
        .arg(&file)
        .arg("auftakt")
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("nothing to change"));
    // A cancelled forum frees its room: another can take its time.
    fora()
        .arg("add")
        .arg(&file)
        .args([
            "--title",
            "Ersatz",
            "--duration",
            "1h",
            "--start",
            "2020-06-23T10:00",
            "--room",
            "plenum",
        ])
        .assert()
        .code(0);
    fora()
        .arg("room")
        .arg("add")
        .arg(&file)
        .args([
            "--id",
            "werkstatt",
            "--name",
            "Werkstatt",
            "--url",
            "https://example.org/w",
            "--capacity",
            "30",
        ])
        .assert()
        .code(0)
        .stdout("added room \"werkstatt\" (Werkstatt)\n");
    fora()
        .args(["move"])
        .arg(&file)
        .args(["podium", "--room", "werkstatt"])
        .assert()
        .code(0)
        .stdout("moved \"podium\" from room plenum to werkstatt\n");
    fora().arg("rm").arg(&file).arg("auftakt").assert().code(0);
    let week = read(&file);
    let ids: Vec<&str> = week["fora"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["podium", "ersatz"]);
    assert_eq!(
        week["rooms"][1],
        json!({"id": "werkstatt", "name": "Werkstatt", "url": "https://example.org/w", "capacity": 30})
    );
    fora().arg("check").arg(&file).assert().code(0);
}

/// The file as JSON without `updated`, which every edit sets.
fn content(file: &Path) -> Value {
    let mut week = read(file);
    week.as_object_mut().unwrap().shift_remove("updated");
    week
}

#[test]
fn an_edit_and_its_inverse_give_back_every_week_file() {
    for entry in std::fs::read_dir("schedules").unwrap() {
        let path = entry.unwrap().path();
        let original: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let (_folder, file) = folder_with(&original);
        // Counted fora are unique and scheduled: move one there and back.
        let ids: Vec<&str> = original["fora"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["start"].is_string())
            .map(|f| f["id"].as_str().unwrap())
            .collect();
        let id = ids
            .iter()
            .find(|id| ids.iter().filter(|other| other == id).count() == 1)
            .unwrap();
        let edit = |args: &[&str]| {
            fora()
                .arg(args[0])
                .arg(&file)
                .args(&args[1..])
                .arg("--force")
                .assert()
                .code(predicate::in_iter([0, 1]));
        };
        let title = original["fora"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["id"] == **id)
            .unwrap()["title"]
            .as_str()
            .unwrap()
            .to_owned();
        edit(&["move", id, "--by", "30m"]);
        edit(&["move", id, "--by", "-30m"]);
        edit(&["set", id, "title=Zwischendurch"]);
        edit(&["set", id, &format!("title={title}")]);
        edit(&[
            "add",
            "--title",
            "Nur kurz",
            "--duration",
            "5m",
            "--id",
            "nur-kurz",
        ]);
        edit(&["rm", "nur-kurz"]);
        let mut expected = original.clone();
        expected.as_object_mut().unwrap().shift_remove("updated");
        assert_eq!(content(&file), expected, "{}", path.display());
        assert_eq!(read(&file)["updated"], "2015-11-06T08:00:00Z");
    }
}

#[test]
fn fifty_adds_at_once_end_with_fifty_fora() {
    let (_folder, file) = folder_with(&small_week());
    let binary = assert_cmd::cargo::cargo_bin("fora");
    let children: Vec<_> = (0..50)
        .map(|_| {
            Process::new(&binary)
                .arg("add")
                .arg(&file)
                .args(["--title", "Gleicher Titel", "--duration", "30m"])
                .env("SOURCE_DATE_EPOCH", EPOCH)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let week = read(&file);
    let added = week["fora"].as_array().unwrap();
    assert_eq!(added.len(), 52);
    let ids: std::collections::BTreeSet<&str> =
        added.iter().map(|f| f["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 52, "every id unique");
    assert!(ids.contains("gleicher-titel") && ids.contains("gleicher-titel-50"));
    fora().arg("check").arg(&file).assert().code(0);
}

#[test]
fn a_write_killed_at_any_moment_leaves_the_old_file_or_the_new() {
    // A week large enough that writing it takes a while.
    let mut week = small_week();
    let many: Vec<Value> = (0..1500)
        .map(|i| json!({"id": format!("f{i}"), "title": format!("Forum {i} mit einem längeren Titel"), "duration": "30m",
                        "description": "x".repeat(200)}))
        .collect();
    week["fora"].as_array_mut().unwrap().extend(many);
    let (folder, file) = folder_with(&week);
    let binary = assert_cmd::cargo::cargo_bin("fora");
    // One whole run first: the kills below are spread over its length and a half.
    let started = std::time::Instant::now();
    fora()
        .arg("set")
        .arg(&file)
        .args(["podium", "title=Podium timed"])
        .assert()
        .code(0);
    let whole = started.elapsed();
    let mut versions = std::collections::BTreeSet::new();
    for round in 0..30u32 {
        let mut child = Process::new(&binary)
            .arg("set")
            .arg(&file)
            .args(["podium", &format!("title=Podium {round}")])
            .env("SOURCE_DATE_EPOCH", EPOCH)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Kill it a little later each round, from before it reads to after it writes.
        std::thread::sleep(whole * 3 / 2 * round / 30);
        // The last round runs to its end, so the new file is seen at least once.
        if round < 29 {
            let _ = child.kill();
        }
        let _ = child.wait();
        let text = std::fs::read_to_string(&file).unwrap();
        let after: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("round {round}: the file is not whole: {e}"));
        fora::Week::from_json(&text).unwrap_or_else(|e| panic!("round {round}: {e}"));
        assert_eq!(after["fora"].as_array().unwrap().len(), 1502);
        versions.insert(after["fora"][1]["title"].as_str().unwrap().to_owned());
    }
    // Some rounds were killed before writing, some after: both kinds of file were seen.
    assert!(versions.len() > 1, "{versions:?}");
    // Left-over temporary files of killed writes are never taken for the week.
    let names: Vec<String> = std::fs::read_dir(folder.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| n == "week.json" || n.starts_with(".fora-")),
        "{names:?}"
    );
}

#[test]
fn a_file_changed_behind_the_locks_back_is_not_overwritten() {
    let (_folder, file) = folder_with(&small_week());
    let mut document = fora::edit::Document::open(&file).unwrap();
    fora::edit::cancel(&mut document, "podium").unwrap();
    // Someone saves the file in an editor meanwhile; editors take no lock.
    let theirs = std::fs::read_to_string(&file)
        .unwrap()
        .replace("Auftakt", "Auftakt!");
    std::fs::write(&file, &theirs).unwrap();
    let now = chrono::DateTime::from_timestamp(0, 0).unwrap();
    let error = document
        .save(fora::edit::Options::default(), now)
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("changed on disk while this edit was made; nothing was written")
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), theirs);
}

#[test]
fn the_2015_week_is_built_from_nothing_by_the_readme_session() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("kongress.json");
    let output = Process::new("sh")
        .arg("examples/engagementkongress-2015.sh")
        .arg(&file)
        .env("FORA", assert_cmd::cargo::cargo_bin("fora"))
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // A German week: every line of the session is German.
    assert!(stdout.contains("„podium“ verschoben von 06.11.2015 11:00 auf 06.11.2015 11:15\n"));
    assert!(stdout.ends_with("keine Auffälligkeiten\n"), "{stdout}");
    let built = read(&file);
    let published = read(Path::new("schedules/engagementkongress-2015.json"));
    for key in [
        "id", "name", "timezone", "start", "end", "language", "rooms", "rules", "fora",
    ] {
        assert_eq!(built[key], published[key], "{key}");
    }
}

#[test]
fn every_slot_free_proposes_is_accepted_by_add() {
    let published: Value =
        serde_json::from_slice(&std::fs::read("schedules/engagementkongress-2015.json").unwrap())
            .unwrap();
    let (_folder, file) = folder_with(&published);
    let output = fora()
        .arg("free")
        .arg(&file)
        .args(["--duration", "40m", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let slots: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert!(slots.len() >= 4, "{slots:?}");
    for slot in &slots {
        for start in [&slot["earliest"], &slot["latest"]] {
            fora()
                .arg("add")
                .arg(&file)
                .args(["--title", "Probe", "--duration", "40m", "--dry-run"])
                .args([
                    "--start",
                    start.as_str().unwrap(),
                    "--room",
                    slot["room"].as_str().unwrap(),
                ])
                .assert()
                .code(0)
                .stdout(predicate::str::starts_with("Probelauf, nichts geschrieben"));
        }
        // A minute past the latest start is refused, or breaks a rule of the day.
        let latest = chrono::NaiveDateTime::parse_from_str(
            slot["latest"].as_str().unwrap(),
            "%Y-%m-%dT%H:%M",
        )
        .unwrap();
        let after = (latest + chrono::TimeDelta::minutes(1))
            .format("%Y-%m-%dT%H:%M")
            .to_string();
        let output = fora()
            .arg("add")
            .arg(&file)
            .args([
                "--title",
                "Probe",
                "--duration",
                "40m",
                "--dry-run",
                "--start",
                &after,
            ])
            .args(["--room", slot["room"].as_str().unwrap()])
            .output()
            .unwrap();
        let refused = output.status.code() == Some(1);
        let day_ends = slot["to"].as_str().unwrap().ends_with("17:30");
        assert!(refused || day_ends, "{after} in {}", slot["room"]);
    }
}
