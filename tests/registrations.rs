//! `fora registrations` as an organiser runs it, through the real binary: the export of
//! `tests/fixtures/registrations/` (`;`, a BOM, German headers, names and e-mail addresses
//! beside the numbers) read into a week and compared with what an independent reading of the
//! CSV expects; a `,` export against a golden file, byte for byte; refusals and errors.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

/// `updated` of every edit: 2015-11-06 08:00 UTC.
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

fn root(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

const EXPORT: &str = "tests/fixtures/registrations/anmeldungen.csv";

/// A folder with a copy of the week file `from`, as `week.json`.
fn copy_of(from: &str) -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("week.json");
    fs::copy(root(from), &file).unwrap();
    (folder, file)
}

fn json(path: &Path) -> Value {
    serde_json::from_slice(&fs::read(path).unwrap()).unwrap()
}

/// The fixture read without the csv crate: each forum (by id, else by title without case
/// or surrounding spaces) with its distinct attendee numbers, and every value of the other
/// columns (names, e-mail addresses).
fn expected(week: &Value) -> (BTreeMap<String, BTreeSet<u64>>, Vec<String>) {
    let text = fs::read_to_string(root(EXPORT)).unwrap();
    let text = text
        .strip_prefix('\u{feff}')
        .expect("the export starts with a BOM");
    let mut lines = text.lines();
    let headers: Vec<&str> = lines.next().unwrap().split(';').collect();
    assert_eq!(
        headers,
        [
            "Teilnehmer-Nr.",
            "Vorname",
            "Nachname",
            "E-Mail",
            "Veranstaltung"
        ]
    );
    let fora = week["fora"].as_array().unwrap();
    let id_of = |value: &str| -> String {
        let value = value.trim();
        fora.iter()
            .find(|f| f["id"] == value)
            .or_else(|| {
                fora.iter()
                    .find(|f| f["title"].as_str().unwrap().to_lowercase() == value.to_lowercase())
            })
            .map(|f| f["id"].as_str().unwrap().to_owned())
            .unwrap_or_else(|| panic!("{value} names no forum"))
    };
    let mut by_forum: BTreeMap<String, BTreeSet<u64>> = BTreeMap::new();
    let mut personal = Vec::new();
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let fields: Vec<&str> = line.trim_end_matches('\r').split(';').collect();
        by_forum
            .entry(id_of(fields[4]))
            .or_default()
            .insert(fields[0].parse().unwrap());
        personal.extend(fields[1..4].iter().map(|s| (*s).to_owned()));
    }
    (by_forum, personal)
}

#[test]
fn the_export_sets_each_named_forum_and_leaves_the_others_and_the_names_out() {
    let (_folder, file) = copy_of("schedules/engagementkongress-2015.json");
    let before = json(&file);
    let (want, personal) = expected(&before);
    fora()
        .args(["registrations", "--lang", "en"])
        .arg(&file)
        .arg(root(EXPORT))
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "78 registrations (1 repeated row counted once) for 5 fora: 5 changed, 0 unchanged; 11 fora of the week not in the file left as they were",
        ))
        .stdout(predicate::str::contains(
            "  \"workshop-engagierte-gewinnen\": none → 37\n",
        ))
        // Like every edit, it says the warnings it adds, and still writes.
        .stderr(predicate::str::contains(
            "warning[near-capacity]: \"workshop-engagierte-gewinnen\" has 37 registrations, 92 % of what room \"raum-a\" holds (40)",
        ))
        .stderr(predicate::str::contains(
            "and 3 attendees are registered for both",
        ));
    let after = json(&file);
    for forum in after["fora"].as_array().unwrap() {
        let id = forum["id"].as_str().unwrap();
        match want.get(id) {
            Some(attendees) => {
                assert_eq!(forum["registrations"], attendees.len(), "{id}");
                // Numbers in the order of their values.
                let listed: Vec<u64> = forum["attendees"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|a| a.as_str().unwrap().parse().unwrap())
                    .collect();
                assert_eq!(
                    listed,
                    attendees.iter().copied().collect::<Vec<_>>(),
                    "{id}"
                );
            }
            None => {
                assert!(forum.get("registrations").is_none(), "{id}");
                assert!(forum.get("attendees").is_none(), "{id}");
            }
        }
    }
    // Nothing else changed but `updated`.
    let mut stripped = after.clone();
    stripped.as_object_mut().unwrap().remove("updated");
    for forum in stripped["fora"].as_array_mut().unwrap() {
        let forum = forum.as_object_mut().unwrap();
        forum.remove("registrations");
        forum.remove("attendees");
    }
    assert_eq!(stripped, before);
    assert_eq!(after["updated"], "2015-11-06T08:00:00Z");
    // No name or e-mail address of the export is in the week.
    let text = fs::read_to_string(&file).unwrap();
    for value in personal {
        assert!(!text.contains(&value), "{value} is in the week");
    }
    // Read again, nothing changes.
    fora()
        .args(["registrations", "--lang", "en"])
        .arg(&file)
        .arg(root(EXPORT))
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("nothing to change"));
}

#[test]
fn the_week_checks_with_the_registrations_in_german() {
    let (_folder, file) = copy_of("schedules/engagementkongress-2015.json");
    fora()
        .arg("registrations")
        .arg(&file)
        .arg(root(EXPORT))
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "78 Anmeldungen (1 doppelte Zeile einmal gezählt) zu 5 Fora: 5 geändert, 0 unverändert; 11 Fora der Woche, die nicht in der Datei stehen, bleiben unverändert",
        ))
        .stdout(predicate::str::contains("  „lernkarussell-bonn“: keine → 5\n"));
    fora()
        .arg("check")
        .arg(&file)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("78 Anmeldungen zu Fora\n"))
        .stdout(predicate::str::contains("  Fr 06.11.2015  16 Fora  10,75 Std.  78 Anmeldungen\n"))
        .stdout(predicate::str::contains(
            "Warnung[attendee-overlap]: „workshop-engagierte-gewinnen“ (06.11.2015 15:30–16:45) und „workshop-anerkennungskultur“ (06.11.2015 15:30–16:45) überschneiden sich, und 3 Personen sind für beide angemeldet",
        ))
        .stdout(predicate::str::contains(
            "Warnung[near-capacity]: „workshop-engagierte-gewinnen“ hat 37 Anmeldungen, 92 % dessen, was der Raum „raum-a“ fasst (40)",
        ));
}

#[test]
fn a_comma_export_changes_only_the_keys_it_sets() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("hand.json");
    fs::copy(root("tests/fixtures/edit/hand.json"), &file).unwrap();
    let export = folder.path().join("export.csv");
    // English headers, quoted names with commas, a repeated row, a blank line, a title.
    fs::write(
        &export,
        "Name,Attendee ID,Forum\n\"Beispiel, Anna\",T-0042,podium\n\"Muster, Ben\",1042,PODIUM\n\n\"Beispiel, Anna\",T-0042,podium\n\"Muster, Ben\",1042,Eröffnung\n",
    )
    .unwrap();
    fora()
        .args(["registrations", "--lang", "en"])
        .arg(&file)
        .arg(&export)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("\"eroeffnung\": none → 1\n"))
        .stdout(predicate::str::contains("\"podium\": none → 2"));
    let bytes = fs::read(&file).unwrap();
    let golden = root("tests/fixtures/registrations/hand.registrations.json");
    if std::env::var_os("FORA_BLESS").is_some() {
        fs::write(&golden, &bytes).unwrap();
    }
    assert_eq!(
        String::from_utf8(bytes).unwrap(),
        fs::read_to_string(&golden).unwrap()
    );
    // One more for the podium: the opening is named again, and unchanged.
    let mut more = fs::read_to_string(&export).unwrap();
    more.push_str("\"Weiß, Cem\",7,podium\n");
    fs::write(&export, more).unwrap();
    let output = fora()
        .args(["registrations", "--lang", "en"])
        .arg(&file)
        .arg(&export)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        format!(
            "{}: 4 registrations (1 repeated row counted once) for 2 fora: 1 changed, 1 unchanged; 0 fora of the week not in the file left as they were\n  \"podium\": 2 → 3\n",
            export.display()
        )
    );
    assert_eq!(
        json(&file)["fora"][1]["attendees"],
        serde_json::json!(["7", "1042", "T-0042"])
    );
}

#[test]
fn a_forum_put_over_its_capacity_is_refused_unless_forced() {
    let (folder, file) = copy_of("schedules/engagementkongress-2015.json");
    let export = folder.path().join("export.csv");
    let rows: String = (1..=41)
        .map(|n| format!("{n};workshop-kooperation\n"))
        .collect();
    fs::write(&export, format!("nummer;forum\n{rows}")).unwrap();
    let before = fs::read(&file).unwrap();
    fora()
        .args(["registrations", "--lang", "en"])
        .arg(&file)
        .arg(&export)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(
            "error[over-capacity]: \"workshop-kooperation\" has 41 registrations, more than room \"raum-c\" holds (40)",
        ))
        .stderr(predicate::str::contains(
            "refused: the change would add 1 error finding; nothing written",
        ));
    assert_eq!(fs::read(&file).unwrap(), before);
    fora()
        .args(["registrations", "--dry-run"])
        .arg(&file)
        .arg(&export)
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with("Probelauf, nichts geschrieben"))
        .stderr(predicate::str::contains("Fehler[over-capacity]"));
    assert_eq!(fs::read(&file).unwrap(), before);
    fora()
        .args(["registrations", "--force"])
        .arg(&file)
        .arg(&export)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "„workshop-kooperation“: keine → 41",
        ));
    assert_eq!(json(&file)["fora"][14]["registrations"], 41);
}

/// Runs `fora registrations` on a copy of the 2015 week with `csv` as the export; the
/// week must be left as it was.
fn refused(csv: &[u8], extra: &[&str], language: &str) -> String {
    let (folder, file) = copy_of("schedules/engagementkongress-2015.json");
    let export = folder.path().join("anmeldungen.csv");
    fs::write(&export, csv).unwrap();
    let before = fs::read(&file).unwrap();
    let output = fora()
        .args(["registrations", "--lang", language])
        .arg(&file)
        .arg(&export)
        .args(extra)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert_eq!(fs::read(&file).unwrap(), before);
    let stderr = String::from_utf8(output.stderr).unwrap();
    let path = export.display().to_string();
    stderr.replace(&path, "anmeldungen.csv")
}

#[test]
fn bad_exports_are_refused_with_the_line_and_the_value() {
    let csv = "Teilnehmer;Forum\n1;podium\n2;Lernkarusel: Bonn\n";
    assert_eq!(
        refused(csv.as_bytes(), &[], "en"),
        "error: anmeldungen.csv:3: \"Lernkarusel: Bonn\": no forum of the week has this id or title; did you mean \"lernkarussell-bonn\" (Lernkarussell: Bonn)?\n"
    );
    assert_eq!(
        refused(csv.as_bytes(), &[], "de"),
        "Fehler: anmeldungen.csv:3: „Lernkarusel: Bonn“: kein Forum der Woche hat diese Kennung oder diesen Titel; meinten Sie „lernkarussell-bonn“ (Lernkarussell: Bonn)?\n"
    );
    // A name where the number should be: refused, and the name is not repeated.
    let named = "Teilnehmer;Forum\n1;podium\nAnna Beispiel;podium\n";
    let said = refused(named.as_bytes(), &[], "en");
    assert!(said.starts_with("error: anmeldungen.csv:3: the column \"Teilnehmer\" holds a name or an e-mail address: registrations take pseudonymous numbers only"), "{said}");
    assert!(!said.contains("Anna"));
    let mailed = "Teilnehmer;Forum\nanna@example.org;podium\n";
    assert!(refused(mailed.as_bytes(), &[], "de").contains("nur mit pseudonymen Nummern"));
    // Headers that are not guessed, and a named header that is not there.
    let unknown = "Name;E-Mail;Kurs\nAnna;anna@example.org;podium\n";
    assert!(
        refused(unknown.as_bytes(), &[], "en")
            .contains("no column header looks like the forum (forum, veranstaltung")
    );
    assert!(
        refused(unknown.as_bytes(), &["--forum-column", "kurse"], "en")
            .contains("--forum-column kurse: no column has this header; did you mean \"Kurs\"?")
    );
    // Windows-1252, as Excel saves "CSV": read as such, the umlaut is not garbled.
    assert_eq!(
        refused(b"Nummer;Forum\n1;Er\xf6ffnung\n", &[], "de"),
        "Fehler: anmeldungen.csv:2: „Eröffnung“: kein Forum der Woche hat diese Kennung oder diesen Titel\n"
    );
    // An empty forum cell.
    assert_eq!(
        refused(b"Nummer;Forum;Name\n1;;Anna\n", &[], "en"),
        "error: anmeldungen.csv:2: no forum in this row: the column \"Forum\" is empty\n"
    );
    assert!(refused(b"", &[], "en").contains("the file has no header row"));
}

#[test]
fn named_columns_are_read_when_the_headers_are_not_guessed() {
    let (folder, file) = copy_of("schedules/engagementkongress-2015.json");
    let export = folder.path().join("export.csv");
    fs::write(
        &export,
        "Kurs;Kennung;Name\npodium;A-1;Anna\npodium;A-2;Ben\n",
    )
    .unwrap();
    fora()
        .args([
            "registrations",
            "--lang",
            "en",
            "--forum-column",
            "kurs",
            "--attendee-column",
            "KENNUNG",
        ])
        .arg(&file)
        .arg(&export)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("\"podium\": none → 2"));
    let week = json(&file);
    assert_eq!(
        week["fora"][2]["attendees"],
        serde_json::json!(["A-1", "A-2"])
    );
}

#[test]
fn the_example_export_reads_into_the_2015_week() {
    let (_folder, file) = copy_of("schedules/engagementkongress-2015.json");
    fora()
        .args(["registrations", "--lang", "en", "--dry-run"])
        .arg(&file)
        .arg(root("examples/anmeldungen-2015.csv"))
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "9 registrations (1 repeated row counted once) for 5 fora: 5 changed, 0 unchanged",
        ));
}
