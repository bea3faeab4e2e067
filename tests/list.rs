//! `fora list`, the filters it shares with `fora timetable`, suggestions of fora for an
//! unknown id, marks of tentative fora, and terminal tables that fit a width: the real
//! binary, in German and English, checked against what the test reads from the week's JSON
//! itself.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::{Value, json};

const WEEK_2020: &str = "schedules/engagementkongress-2020.json";

fn fora() -> Command {
    let mut command = Command::cargo_bin("fora").expect("the binary is built");
    command
        .env_remove("NO_COLOR")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("COLUMNS", "200");
    command
}

/// A week with a tentative, a cancelled and an unscheduled forum, an umlaut format, two fora
/// that start together (file order decides) and one room overlap (an error).
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
             "format": "Impuls", "start": "2021-06-22T10:00", "duration": "45m", "room": "plenum",
             "speakers": ["Jana Grün", "Moderation"],
             "description": "Wie Vereine das Klima schützen und Freiwillige dafür gewinnen."},
            {"id": "workshop-ehrenamt-digital", "title": "Workshop: Ehrenamt digital",
             "format": "Workshop", "start": "2021-06-22T10:00", "duration": "90m", "room": "werkstatt",
             "speakers": ["Ömer Özdemir"], "status": "tentative"},
            {"id": "eroeffnung", "title": "Gemeinsame Eröffnung", "format": "Eröffnung",
             "start": "2021-06-22T09:00", "duration": "30m", "room": "plenum",
             "speakers": ["Staatssekretärin"]},
            {"id": "podium", "title": "Podium: Zukunft des Ehrenamts", "format": "Podium",
             "start": "2021-06-23T11:00", "duration": "60m", "room": "plenum",
             "speakers": ["Jana Grün", "Ben Muster"]},
            {"id": "podium-zwei", "title": "Zweites Podium", "format": "Podium",
             "start": "2021-06-23T11:30", "duration": "60m", "room": "plenum",
             "speakers": ["Carla Beispiel"]},
            {"id": "workshop-vereinsrecht", "title": "Workshop: Vereinsrecht", "format": "workshop",
             "start": "2021-06-23T14:00", "duration": "60m", "room": "werkstatt", "status": "cancelled"},
            {"id": "offene-runde", "title": "Offene Runde", "format": "Austausch", "duration": "30m",
             "room": "werkstatt", "speakers": ["Moderation"]}
        ]
    })
}

fn week_file(week: &Value) -> tempfile::TempPath {
    let file = tempfile::Builder::new()
        .suffix(".json")
        .tempfile()
        .expect("a temporary file");
    std::fs::write(file.path(), week.to_string()).expect("written");
    file.into_temp_path()
}

fn stdout(command: &mut Command) -> String {
    String::from_utf8(command.output().unwrap().stdout).unwrap()
}

/// Text folded as the test expects a filter to: lower case, umlauts and ß written out,
/// anything else between words one `-`.
fn fold(text: &str) -> String {
    let mut out = String::new();
    for c in text.to_lowercase().chars() {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ => out.push('-'),
        }
    }
    out.split('-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// The filters of one command line, as the test's oracle reads them.
#[derive(Clone, Debug, Default)]
struct Filters {
    day: Option<&'static str>,
    room: Option<&'static str>,
    speaker: Option<&'static str>,
    format: Option<&'static str>,
    status: Option<&'static str>,
    search: Option<&'static str>,
    unscheduled: bool,
}

impl Filters {
    fn args(&self, format_flag: &str) -> Vec<String> {
        let mut args = Vec::new();
        for (flag, value) in [
            ("--day", self.day),
            ("--room", self.room),
            ("--speaker", self.speaker),
            (format_flag, self.format),
            ("--status", self.status),
            ("--search", self.search),
        ] {
            if let Some(value) = value {
                args.extend([flag.to_owned(), value.to_owned()]);
            }
        }
        if self.unscheduled {
            args.push("--unscheduled".to_owned());
        }
        args
    }

    /// Whether the forum passes, read straight from its JSON.
    fn passes(&self, forum: &Value) -> bool {
        let text = |key: &str| forum[key].as_str().unwrap_or_default();
        let speakers: Vec<&str> = forum["speakers"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let status = match text("status") {
            "" => "confirmed",
            s => s,
        };
        let wanted_status = self.status.map(|s| match fold(s).as_str() {
            "bestaetigt" => "confirmed",
            "vorlaeufig" => "tentative",
            "abgesagt" => "cancelled",
            other => Box::leak(other.to_owned().into_boxed_str()),
        });
        let haystack = [
            text("id"),
            text("title"),
            text("format"),
            text("description"),
        ]
        .into_iter()
        .chain(speakers.iter().copied())
        .map(fold)
        .collect::<Vec<_>>()
        .join(" ");
        self.day.is_none_or(|d| text("start").starts_with(d))
            && self.room.is_none_or(|r| text("room") == r)
            && self
                .speaker
                .is_none_or(|s| speakers.iter().any(|n| fold(n).contains(&fold(s))))
            && self.format.is_none_or(|f| fold(text("format")) == fold(f))
            && wanted_status.is_none_or(|s| status == s)
            && self
                .search
                .is_none_or(|s| fold(s).split('-').all(|w| haystack.contains(w)))
            && (!self.unscheduled || forum.get("start").is_none())
    }
}

/// The ids in the order `fora list` gives them: by start (ties in file order), those
/// without a start last.
fn listed(week: &Value, filters: &Filters) -> Vec<String> {
    let mut fora: Vec<&Value> = week["fora"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| filters.passes(f))
        .collect();
    // All starts are in one zone and offset: their text sorts as their instants.
    fora.sort_by_key(|f| {
        (
            f.get("start").is_none(),
            f["start"].as_str().map(str::to_owned),
        )
    });
    fora.iter()
        .map(|f| f["id"].as_str().unwrap().to_owned())
        .collect()
}

/// Filters from `flag=value` pairs (`unscheduled` alone).
fn filters(pairs: &[&'static str]) -> Filters {
    let mut filters = Filters::default();
    for pair in pairs {
        let (flag, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = Some(value);
        match flag {
            "day" => filters.day = value,
            "room" => filters.room = value,
            "speaker" => filters.speaker = value,
            "format" => filters.format = value,
            "status" => filters.status = value,
            "search" => filters.search = value,
            "unscheduled" => filters.unscheduled = true,
            _ => panic!("no filter {flag}"),
        }
    }
    filters
}

fn some_filters() -> Vec<Filters> {
    [
        &[][..],
        &["day=2021-06-22"],
        &["day=2021-06-23", "room=plenum"],
        &["room=werkstatt"],
        &["speaker=jana grün"],
        &["speaker=JANA GRUEN"],
        &["speaker=oemer"],
        &["speaker=moderation", "day=2021-06-22"],
        &["format=eroeffnung"],
        &["format=WORKSHOP"],
        &["format=Podium", "room=plenum"],
        &["status=tentative"],
        &["status=Vorläufig"],
        &["status=abgesagt"],
        &["status=CONFIRMED", "room=plenum"],
        &["search=klimaschutz"],
        &["search=Klima Freiwillige"],
        &["search=ehrenamt"],
        &["search=zukunft ehrenamt", "format=podium"],
        &["search=eröffnung"],
        &["search=nirgends"],
        &["unscheduled"],
        &["unscheduled", "room=werkstatt"],
        &["unscheduled", "day=2021-06-22"],
    ]
    .into_iter()
    .map(filters)
    .collect()
}

#[test]
fn list_filters_agree_with_the_json_read_by_hand() {
    let week = week();
    let file = week_file(&week);
    for filters in some_filters() {
        let expected = listed(&week, &filters);
        let out = stdout(
            fora()
                .arg("list")
                .arg(&file)
                .args(filters.args("--format"))
                .args(["--output", "ids"]),
        );
        let got: Vec<&str> = out.lines().collect();
        assert_eq!(got, expected, "{filters:?}");
    }
    // The oracle finds something for most of them: the filters are not all trivial.
    let found = some_filters()
        .iter()
        .filter(|f| !listed(&week, f).is_empty())
        .count();
    assert!(found >= 20, "{found}");
}

#[test]
fn timetable_filters_agree_with_the_json_read_by_hand() {
    let week = week();
    let file = week_file(&week);
    let titles = |ids: Vec<String>| -> Vec<String> {
        let fora = week["fora"].as_array().unwrap();
        ids.iter()
            .map(|id| fora.iter().find(|f| f["id"] == id.as_str()).unwrap())
            // The CSV lists scheduled fora; a cancelled one's title says so.
            .filter(|f| f.get("start").is_some())
            .map(|f| {
                let title = f["title"].as_str().unwrap();
                if f["status"] == "cancelled" {
                    format!("Cancelled: {title}")
                } else {
                    title.to_owned()
                }
            })
            .collect()
    };
    for filters in some_filters().into_iter().filter(|f| !f.unscheduled) {
        let expected = titles(listed(&week, &filters));
        let out = stdout(
            fora()
                .arg("timetable")
                .arg(&file)
                .args(filters.args("--forum-format"))
                .args(["--format", "csv", "--lang", "en"]),
        );
        let mut reader = csv::Reader::from_reader(out.as_bytes());
        let title = reader
            .headers()
            .unwrap()
            .iter()
            .position(|h| h == "Title")
            .expect("a title column");
        let got: Vec<String> = reader
            .records()
            .map(|r| r.unwrap()[title].to_owned())
            .collect();
        assert_eq!(got, expected, "{filters:?}");
    }
}

#[test]
fn timetable_lists_only_the_unscheduled_with_unscheduled() {
    let file = week_file(&week());
    fora()
        .arg("timetable")
        .arg(&file)
        .args(["--unscheduled", "--lang", "en"])
        .assert()
        .stdout(predicate::str::contains("Not scheduled yet: Offene Runde"))
        .stdout(predicate::str::contains("Tuesday").not())
        .stdout(predicate::str::contains("Impuls").not());
}

#[test]
fn list_shows_ids_times_rooms_marks_in_both_languages() {
    let file = week_file(&week());
    let out = stdout(fora().arg("list").arg(&file).args(["--lang", "en"]));
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[1].contains("Id") && lines[1].contains("Time") && lines[1].contains("Room"));
    let row = |id: &str| {
        *lines
            .iter()
            .find(|l| l.contains(&format!("│ {id} ")))
            .unwrap_or_else(|| panic!("{id} is listed:\n{out}"))
    };
    assert!(row("eroeffnung").contains("Tue 22 Jun 09:00–09:30"));
    assert!(row("eroeffnung").contains("Plenum"));
    assert!(row("workshop-ehrenamt-digital").contains("?"), "{out}");
    assert!(row("podium").contains("✗"), "{out}");
    assert!(!row("eroeffnung").contains("✗") && !row("eroeffnung").contains('?'));
    assert!(row("workshop-vereinsrecht").contains("Cancelled: Workshop: Vereinsrecht"));
    assert!(row("offene-runde").contains("not scheduled yet"));
    assert!(out.contains("? = tentative: planned, not certain yet.\n"));
    assert!(out.contains("✗ = part of a conflict; `fora check` shows the details.\n"));
    assert!(out.ends_with("7 fora\n"), "{out}");

    let out = stdout(fora().arg("list").arg(&file).args(["--lang", "de"]));
    assert!(out.contains("Kennung") && out.contains("Zeit") && out.contains("Raum"));
    assert!(out.contains("Di 22.06. 09:00–09:30"));
    assert!(out.contains("noch nicht eingeplant"));
    assert!(out.contains("Abgesagt: Workshop: Vereinsrecht"));
    assert!(out.contains("? = vorläufig: geplant, aber noch nicht sicher.\n"));
    assert!(out.ends_with("7 Fora\n"), "{out}");
    // The week has an error finding: the exit code says so, as timetable's does.
    fora().arg("list").arg(&file).assert().code(1);
    fora()
        .arg("list")
        .arg(&file)
        .args(["--search", "nirgends", "--lang", "de"])
        .assert()
        .stdout("Kein Forum passt.\n");
}

#[test]
fn list_json_has_the_documented_shape() {
    let file = week_file(&week());
    let out =
        stdout(
            fora()
                .arg("list")
                .arg(&file)
                .args(["--output", "json", "--day", "2021-06-23"]),
        );
    let list: Value = serde_json::from_str(&out).expect("one JSON document");
    assert_eq!(
        list[0],
        json!({"id": "podium", "title": "Podium: Zukunft des Ehrenamts", "status": "confirmed",
               "start": "2021-06-23T11:00:00+02:00", "end": "2021-06-23T12:00:00+02:00",
               "room": "plenum", "speakers": ["Jana Grün", "Ben Muster"], "format": "Podium",
               "link": "https://example.org/plenum", "findings": ["room-overlap"]})
    );
    assert_eq!(list[2]["status"], "cancelled");
    assert_eq!(list[2]["title"], "Workshop: Vereinsrecht");
    assert_eq!(list[2]["link"], Value::Null);
    assert_eq!(list.as_array().unwrap().len(), 3);
    let unscheduled =
        stdout(
            fora()
                .arg("list")
                .arg(&file)
                .args(["--output", "json", "--unscheduled"]),
        );
    let unscheduled: Value = serde_json::from_str(&unscheduled).unwrap();
    assert_eq!(unscheduled[0]["start"], Value::Null);
    assert_eq!(unscheduled[0]["findings"], json!(["unscheduled"]));
}

#[test]
fn unknown_speakers_formats_and_statuses_are_named_with_the_closest() {
    let file = week_file(&week());
    let cases: [(&[&str], &str, &str); 4] = [
        (
            &["--speaker", "Jana Gruhn"],
            "error: --speaker Jana Gruhn: no forum of the week has a speaker of this name; did you mean \"Jana Grün\"?\n",
            "Fehler: --speaker Jana Gruhn: kein Forum der Woche hat Mitwirkende dieses Namens; meinten Sie „Jana Grün“?\n",
        ),
        (
            &["--format", "Werkstat"],
            "error: --format Werkstat: no forum of the week has this format; did you mean \"Workshop\"?\n",
            "Fehler: --format Werkstat: kein Forum der Woche hat dieses Format; meinten Sie „Workshop“?\n",
        ),
        (
            &["--status", "verschoben"],
            "--status verschoben: not one of confirmed, tentative, cancelled",
            "--status verschoben:",
        ),
        (
            &["--room", "plenm"],
            "--room plenm: no room has this id; did you mean \"plenum\"?",
            "--room plenm:",
        ),
    ];
    for (args, english, german) in cases {
        for (language, said) in [("en", english), ("de", german)] {
            fora()
                .arg("list")
                .arg(&file)
                .args(args)
                .args(["--lang", language])
                .assert()
                .code(2)
                .stdout("")
                .stderr(predicate::str::contains(said));
        }
    }
    fora()
        .arg("timetable")
        .arg(&file)
        .args(["--forum-format", "Werkstat"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--forum-format Werkstat: no forum of the week has this format",
        ));
}

/// The fixture and the edits that take a forum's id.
fn id_commands() -> Vec<Vec<&'static str>> {
    vec![
        vec!["move", "ID", "--by", "15m"],
        vec!["set", "ID", "title=Neu"],
        vec!["cancel", "ID"],
        vec!["rm", "ID"],
        vec!["show", "ID"],
        vec!["ics", "--only", "ID"],
    ]
}

#[test]
fn every_command_taking_an_id_suggests_fora_by_words_and_typos() {
    let file = week_file(&week());
    let before = std::fs::read(&file).unwrap();
    for typed in [
        "impuls",
        "klimaschutz",
        "impuls-klima",
        "impusl-engagement-klimaschutz",
    ] {
        for command in id_commands() {
            let (name, rest) = command.split_first().unwrap();
            let args: Vec<&str> = rest
                .iter()
                .map(|a| if *a == "ID" { typed } else { a })
                .collect();
            for (language, said) in [
                (
                    "en",
                    "has no forum with this id; did you mean \"impuls-engagement-klimaschutz\" (Impuls: Engagement und Klimaschutz)?\n",
                ),
                (
                    "de",
                    "hat kein Forum mit dieser Kennung; meinten Sie „impuls-engagement-klimaschutz“ (Impuls: Engagement und Klimaschutz)?\n",
                ),
            ] {
                fora()
                    .arg(name)
                    .arg(&file)
                    .args(&args)
                    .args(["--lang", language])
                    .assert()
                    .code(2)
                    .stdout("")
                    .stderr(predicate::str::contains(format!("{typed}: ")))
                    .stderr(predicate::str::contains(said));
            }
        }
    }
    assert_eq!(std::fs::read(&file).unwrap(), before, "nothing was written");
}

#[test]
fn suggestions_in_the_2020_week_name_up_to_three_fora() {
    let said = |typed: &str| {
        let output = fora()
            .args(["show", WEEK_2020, typed, "--lang", "en"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        String::from_utf8(output.stderr).unwrap()
    };
    assert!(
        said("zukunft").contains(
            "did you mean \"fachforum-zukunftsbild\" (Ein Zukunftsbild für das Ehrenamt)?"
        )
    );
    assert!(
        said("eroefnung").contains("did you mean \"eroeffnung\" (Gemeinsames Eröffnungsgespräch)?")
    );
    assert!(said("Abschlussrunde").contains("did you mean \"abschluss\""));
    // Three fora speak of Corona: all three, in file order.
    assert!(said("corona").contains(
        "did you mean \"praxis-corona-nachbarschaftshilfe\" (Praxisbeispiel: Nachbarschaftshilfe in der Corona-Pandemie), \
         \"praxis-corona-einkaufshilfe\" (Praxisbeispiel: Einkaufshilfen und Telefonketten im Lockdown) or \
         \"praxis-engagement-auf-abstand\" (Praxisbeispiel: Engagement auf Abstand in der Corona-Zeit)?"
    ));
    // Eight are a Praxisbeispiel: three are named, no more.
    assert_eq!(said("praxisbeispiel").matches("\"praxis-").count(), 3);
    assert!(!said("quantenphysik").contains("did you mean"));
}

#[test]
fn only_takes_ids_with_spaces_after_commas() {
    let uids = |args: &[&str]| -> usize {
        let out = stdout(fora().args(["ics", WEEK_2020]).args(args));
        out.matches("BEGIN:VEVENT").count()
    };
    assert_eq!(uids(&["--only", "eroeffnung, abschluss"]), 2);
    assert_eq!(uids(&["--only", " eroeffnung ,abschluss, "]), 2);
    assert_eq!(uids(&["--only", "eroeffnung,,"]), 1);
}

#[test]
fn tentative_fora_are_marked_in_the_timetable_with_a_legend() {
    let file = week_file(&week());
    let out =
        stdout(
            fora()
                .arg("timetable")
                .arg(&file)
                .args(["--day", "2021-06-22", "--lang", "en"]),
        );
    let row = out
        .lines()
        .find(|l| l.contains("Workshop: Ehrenamt digital"))
        .unwrap();
    assert!(row.trim_end_matches('│').trim_end().ends_with('?'), "{out}");
    assert!(out.contains("? = tentative: planned, not certain yet."));
    // No forum of that day is in an error: no legend for ✗.
    assert!(!out.contains("✗"), "{out}");
    let markdown = stdout(fora().arg("timetable").arg(&file).args([
        "--day",
        "2021-06-22",
        "--format",
        "markdown",
        "--lang",
        "de",
    ]));
    let row = markdown
        .lines()
        .find(|l| l.contains("Workshop: Ehrenamt digital"))
        .unwrap();
    assert!(row.ends_with("| ? |"), "{markdown}");
    assert!(markdown.contains("? = vorläufig: geplant, aber noch nicht sicher."));
    let both = stdout(fora().arg("timetable").arg(&file).args(["--lang", "en"]));
    assert!(both.contains("? = tentative") && both.contains("✗ = part of a conflict"));
}

#[test]
fn the_total_is_said_once_for_one_day() {
    for (args, totals) in [
        (&["--day", "2020-06-23"][..], 1),
        (&["--day", "2020-06-23", "--format", "markdown"][..], 1),
        (&[][..], 5),
    ] {
        let out = stdout(fora().args(["timetable", WEEK_2020]).args(args));
        assert_eq!(out.matches(" Fora · ").count(), totals, "{out}");
    }
    let out = stdout(fora().args(["timetable", WEEK_2020, "--day", "2020-06-23"]));
    assert!(out.ends_with("4 Fora · 4 Std.\n"), "{out}");
}

/// Every word of every cell of `text` (a table of `cells`' values), checked: no line is
/// wider than `width`, and every word shown is a whole word of a cell, or the cut start
/// of one ending in `…`.
fn fits(text: &str, width: usize, cells: &[String]) -> Result<(), String> {
    let words: Vec<&str> = cells.iter().flat_map(|c| c.split_whitespace()).collect();
    for line in text.lines() {
        let chars = line.chars().count();
        if chars > width {
            return Err(format!("{chars} characters: {line}"));
        }
        if !line.starts_with('│') {
            continue;
        }
        for token in line.split(['│', '┆']).flat_map(str::split_whitespace) {
            let whole = words.contains(&token);
            let cut = token
                .strip_suffix('…')
                .is_some_and(|start| words.iter().any(|w| w.starts_with(start) && *w != start));
            if !whole && !cut {
                return Err(format!("\"{token}\" is no whole word of a cell: {line}"));
            }
        }
    }
    Ok(())
}

/// What the cells of a timetable or list of the 2020 week hold.
fn cells_2020(language: &str) -> Vec<String> {
    let week: Value = serde_json::from_str(&std::fs::read_to_string(WEEK_2020).unwrap()).unwrap();
    let mut cells = vec![];
    for f in week["fora"].as_array().unwrap() {
        for key in ["id", "title", "format"] {
            cells.push(f[key].as_str().unwrap().to_owned());
        }
        let speakers: Vec<&str> = f["speakers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        cells.push(speakers.join(", "));
    }
    for room in week["rooms"].as_array().unwrap() {
        cells.push(room["name"].as_str().unwrap().to_owned());
    }
    let headings = match language {
        "de" => {
            "Kennung Zeit Titel Format Raum Mitwirkende Di Mi Do Fr 23.06. 24.06. 25.06. 26.06."
        }
        _ => "Id Time Title Format Room Speakers Tue Wed Thu Fri 23 24 25 26 Jun",
    };
    cells.push(headings.to_owned());
    // The times: every start and end of the week.
    for h in 9..=17 {
        for m in ["00", "15", "30", "45"] {
            for h2 in 9..=18 {
                for m2 in ["00", "15", "30", "45"] {
                    cells.push(format!("{h:02}:{m}–{h2:02}:{m2}"));
                }
            }
        }
    }
    cells
}

#[test]
fn tables_fit_the_width_and_never_split_a_word() {
    for language in ["de", "en"] {
        let cells = cells_2020(language);
        for width in [80, 60, 30] {
            for command in ["timetable", "list"] {
                let out = stdout(fora().args([
                    command,
                    WEEK_2020,
                    "--width",
                    &width.to_string(),
                    "--lang",
                    language,
                ]));
                // The titles of the days and the week are prose, not table lines.
                let table: String = out
                    .lines()
                    .filter(|l| l.starts_with(['│', '┌', '└', '╞']))
                    .map(|l| format!("{l}\n"))
                    .collect();
                assert!(!table.is_empty());
                if let Err(e) = fits(&table, width, &cells) {
                    panic!("{command} --width {width} --lang {language}: {e}\n{out}");
                }
            }
        }
    }
    // Without a width and off a terminal, nothing is wrapped: a row a forum.
    let out = stdout(fora().args(["list", WEEK_2020]));
    assert_eq!(out.lines().filter(|l| l.starts_with('│')).count(), 16);
    assert!(out.lines().any(|l| l.chars().count() > 200));
}

#[test]
fn the_width_check_sees_a_split_word() {
    let cells = vec!["Engagementförderung im Kreis".to_owned()];
    assert!(fits("│ Engagementförderung ┆ im Kreis │", 80, &cells).is_ok());
    assert!(fits("│ Engagementf… │", 80, &cells).is_ok());
    assert!(fits("│ Engagementf │\n│ örderung │", 80, &cells).is_err());
    assert!(fits("│ im Kreis │", 5, &cells).is_err());
}
