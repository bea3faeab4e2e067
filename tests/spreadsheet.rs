//! `fora timetable --format csv|xlsx` read back as spreadsheets read them: every CSV dialect
//! by the `csv` crate and by Python's `csv` module (`tests/scripts/read_csv.py`), the
//! workbook by calamine. Every value is compared with one worked out here from the week
//! file's JSON alone, not from fora's model.

use std::io::Read;
use std::path::Path;
use std::process::Command as Process;

use calamine::{Data, Reader, Xlsx};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use serde_json::{Value, json};

const WEEK_2020: &str = "schedules/engagementkongress-2020.json";

#[path = "support/fora.rs"]
mod binary;
use binary::fora;

/// A week file in a temporary folder.
fn week_file(week: &Value) -> tempfile::TempPath {
    let file = tempfile::Builder::new()
        .suffix(".json")
        .tempfile()
        .expect("a temporary file");
    std::fs::write(file.path(), week.to_string()).expect("written");
    file.into_temp_path()
}

fn week_2020() -> Value {
    serde_json::from_str(&std::fs::read_to_string(WEEK_2020).unwrap()).unwrap()
}

/// What `fora timetable FILE --format csv ARGS` writes to standard output.
fn csv_of(file: &Path, args: &[&str]) -> Vec<u8> {
    let output = fora()
        .arg("timetable")
        .arg(file)
        .args(["--format", "csv"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// How a dialect should look: its separator, byte order mark and date pattern.
struct Expected {
    delimiter: u8,
    bom: bool,
    date: &'static str,
}

const EXCEL_DE: Expected = Expected {
    delimiter: b';',
    bom: true,
    date: "%d.%m.%Y",
};
const EXCEL: Expected = Expected {
    delimiter: b',',
    bom: true,
    date: "%Y-%m-%d",
};
const RFC4180: Expected = Expected {
    delimiter: b',',
    bom: false,
    date: "%Y-%m-%d",
};

/// The header of the spreadsheet in each language.
fn header(german: bool) -> Vec<&'static str> {
    if german {
        vec![
            "Kennung",
            "Datum",
            "Beginn",
            "Ende",
            "Minuten",
            "Titel",
            "Format",
            "Raum",
            "Mitwirkende",
            "Status",
            "Link",
            "Beschreibung",
            "Fehler",
        ]
    } else {
        vec![
            "Id",
            "Date",
            "Start",
            "End",
            "Minutes",
            "Title",
            "Format",
            "Room",
            "Speakers",
            "Status",
            "Link",
            "Description",
            "Errors",
        ]
    }
}

/// One forum of the week's JSON as the spreadsheet should show it: start, end, and the
/// cells that are text. Works for weeks within one UTC offset (the 2020 week: June).
struct Oracle {
    id: String,
    start: NaiveDateTime,
    end: NaiveDateTime,
    minutes: i64,
    title: String,
    format: String,
    room: String,
    speakers: String,
    status: &'static str,
    link: String,
    description: String,
}

/// A duration as the week file writes it: minutes, `45m`, `1h30m`, `1.5h`, `PT1H`.
fn minutes(duration: &Value) -> i64 {
    let text = match duration {
        Value::Number(n) => return n.as_i64().unwrap(),
        Value::String(text) => text.to_lowercase(),
        other => panic!("a duration: {other}"),
    };
    let text = text.strip_prefix("pt").unwrap_or(&text);
    let (hours, rest) = text.split_once('h').unwrap_or(("0", text));
    let minutes = rest.trim_end_matches('m');
    let minutes: f64 = if minutes.is_empty() {
        0.0
    } else {
        minutes.parse().unwrap()
    };
    (hours.parse::<f64>().unwrap() * 60.0 + minutes).round() as i64
}

fn oracle(week: &Value, german: bool) -> Vec<Oracle> {
    let rooms = week["rooms"].as_array().unwrap();
    let mut fora: Vec<Oracle> = week["fora"]
        .as_array()
        .unwrap()
        .iter()
        .map(|forum| {
            let start =
                NaiveDateTime::parse_from_str(forum["start"].as_str().unwrap(), "%Y-%m-%dT%H:%M")
                    .unwrap();
            let minutes = minutes(&forum["duration"]);
            let room = rooms
                .iter()
                .find(|r| r["id"] == forum["room"])
                .expect("a declared room");
            let cancelled = forum["status"] == "cancelled";
            let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
            let title = text(&forum["title"]);
            Oracle {
                id: text(&forum["id"]),
                start,
                end: start + TimeDelta::minutes(minutes),
                minutes,
                title: match (cancelled, german) {
                    (false, _) => title,
                    (true, true) => format!("Abgesagt: {title}"),
                    (true, false) => format!("Cancelled: {title}"),
                },
                format: text(&forum["format"]),
                room: text(&room["name"]),
                speakers: forum["speakers"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s.as_str().unwrap())
                    .collect::<Vec<_>>()
                    .join("; "),
                status: match (forum["status"].as_str(), german) {
                    (Some("cancelled"), true) => "abgesagt",
                    (Some("cancelled"), false) => "cancelled",
                    (Some("tentative"), true) => "vorläufig",
                    (Some("tentative"), false) => "tentative",
                    (_, true) => "bestätigt",
                    (_, false) => "confirmed",
                },
                link: forum["url"]
                    .as_str()
                    .or(room["url"].as_str())
                    .unwrap_or_default()
                    .to_owned(),
                description: text(&forum["description"]),
            }
        })
        .collect();
    fora.sort_by_key(|f| f.start);
    fora
}

/// The rows the CSV should have, header first, in `dialect`.
fn expected_rows(week: &Value, german: bool, dialect: &Expected) -> Vec<Vec<String>> {
    let mut rows = vec![header(german).into_iter().map(str::to_owned).collect()];
    for f in oracle(week, german) {
        rows.push(vec![
            f.id,
            f.start.format(dialect.date).to_string(),
            f.start.format("%H:%M").to_string(),
            f.end.format("%H:%M").to_string(),
            f.minutes.to_string(),
            f.title,
            f.format,
            f.room,
            f.speakers,
            f.status.to_owned(),
            f.link,
            f.description,
            String::new(),
        ]);
    }
    rows
}

/// The rows as the `csv` crate reads them, after checking the byte order mark.
fn read_with_csv_crate(bytes: &[u8], dialect: &Expected) -> Vec<Vec<String>> {
    const BOM: &[u8] = b"\xef\xbb\xbf";
    assert_eq!(bytes.starts_with(BOM), dialect.bom, "byte order mark");
    let body = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(dialect.delimiter)
        .has_headers(false)
        .from_reader(body);
    reader
        .records()
        .map(|r| r.expect("a record").iter().map(str::to_owned).collect())
        .collect()
}

/// The rows as Python's `csv` module reads them, with whether the file has a byte order
/// mark and whether every record ends in CRLF.
fn read_with_python(bytes: &[u8], delimiter: u8) -> (bool, bool, Vec<Vec<String>>) {
    let mut file = tempfile::Builder::new().suffix(".csv").tempfile().unwrap();
    std::io::Write::write_all(&mut file, bytes).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scripts/read_csv.py");
    let output = Process::new("python3")
        .arg(script)
        .arg(file.path())
        .arg((delimiter as char).to_string())
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "python3 is needed to read the CSV with Python's csv module, and did not start: {e}"
            )
        });
    assert!(
        output.status.success(),
        "read_csv.py failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let read: Value = serde_json::from_slice(&output.stdout).unwrap();
    let rows = read["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r.as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_str().unwrap().to_owned())
                .collect()
        })
        .collect();
    (
        read["bom"].as_bool().unwrap(),
        read["crlf"].as_bool().unwrap(),
        rows,
    )
}

#[test]
fn every_dialect_reads_back_as_the_week_in_both_readers() {
    let week = week_2020();
    let file = week_file(&week);
    for (args, german, dialect) in [
        (&["--csv-dialect", "excel-de"][..], true, &EXCEL_DE),
        (&["--csv-dialect", "excel"][..], true, &EXCEL),
        (&["--csv-dialect", "rfc4180"][..], true, &RFC4180),
        (
            &["--csv-dialect", "excel-de", "--lang", "en"][..],
            false,
            &EXCEL_DE,
        ),
        (
            &["--csv-dialect", "rfc4180", "--lang", "en"][..],
            false,
            &RFC4180,
        ),
        // The default follows the language.
        (&[][..], true, &EXCEL_DE),
        (&["--lang", "en"][..], false, &EXCEL),
    ] {
        let bytes = csv_of(&file, args);
        let text = std::str::from_utf8(&bytes).expect("UTF-8, umlauts intact");
        assert!(text.contains("Engagementförderung"), "{args:?}");
        // No field of the 2020 week holds a line break: every LF ends a record, after CR.
        assert_eq!(
            text.matches('\n').count(),
            text.matches("\r\n").count(),
            "{args:?}: CRLF"
        );
        assert_eq!(
            text.matches("\r\n").count(),
            16,
            "{args:?}: header and 15 fora"
        );
        let expected = expected_rows(&week, german, dialect);
        assert_eq!(read_with_csv_crate(&bytes, dialect), expected, "{args:?}");
        let (bom, crlf, rows) = read_with_python(&bytes, dialect.delimiter);
        assert_eq!(bom, dialect.bom, "{args:?}: byte order mark (Python)");
        assert!(crlf, "{args:?}: CRLF (Python)");
        assert_eq!(rows, expected, "{args:?}: Python's csv module");
    }
}

#[test]
fn separators_quotes_and_line_breaks_in_fields_survive_every_dialect() {
    let mut week = week_2020();
    week["fora"][0]["title"] = json!("Eröffnung; Teil 1, \"Auftakt\"");
    week["fora"][0]["description"] = json!("Zeile eins\nZeile zwei; mit, allem \"drin\"");
    week["fora"][1]["status"] = json!("tentative");
    week["fora"][2]["status"] = json!("cancelled");
    week["expect"] = json!({});
    let file = week_file(&week);
    for (name, dialect) in [
        ("excel-de", &EXCEL_DE),
        ("excel", &EXCEL),
        ("rfc4180", &RFC4180),
    ] {
        let bytes = csv_of(&file, &["--csv-dialect", name]);
        let expected = expected_rows(&week, true, dialect);
        assert_eq!(expected[1][9], "bestätigt");
        assert_eq!(read_with_csv_crate(&bytes, dialect), expected, "{name}");
        let (_, crlf, rows) = read_with_python(&bytes, dialect.delimiter);
        assert!(crlf, "{name}: every record ends in CRLF");
        assert_eq!(rows, expected, "{name}: Python's csv module");
    }
}

#[test]
fn output_goes_to_a_file_when_asked() {
    let file = week_file(&week_2020());
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("programm.csv");
    fora()
        .arg("timetable")
        .arg(&file)
        .args(["--format", "csv", "-o"])
        .arg(&out)
        .assert()
        .code(0)
        .stdout("");
    assert_eq!(std::fs::read(&out).unwrap(), csv_of(&file, &[]));
    let table = folder.path().join("programm.txt");
    fora()
        .arg("timetable")
        .arg(&file)
        .arg("--output")
        .arg(&table)
        .assert()
        .code(0);
    let text = std::fs::read_to_string(&table).unwrap();
    assert!(text.starts_with("Digitale Engagementkongresswoche NRW 2020\n"));
}

/// The workbook `fora timetable FILE --format xlsx -o OUT ARGS` writes.
fn xlsx_of(file: &Path, args: &[&str]) -> Vec<u8> {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("programm.xlsx");
    fora()
        .arg("timetable")
        .arg(file)
        .args(["--format", "xlsx", "-o"])
        .arg(&out)
        .args(args)
        .assert()
        .code(0)
        .stdout("");
    std::fs::read(out).unwrap()
}

/// Days since Excel's epoch (1900 system, past March 1900), as a date cell holds them.
fn serial(date: NaiveDate) -> f64 {
    (date - NaiveDate::from_ymd_opt(1899, 12, 30).unwrap()).num_days() as f64
}

/// The fraction of a day a time cell holds.
fn fraction(time: NaiveTime) -> f64 {
    f64::from(chrono::Timelike::num_seconds_from_midnight(&time)) / 86_400.0
}

fn datetime(cell: &Data) -> calamine::ExcelDateTime {
    match cell {
        Data::DateTime(value) => {
            assert!(
                value.is_datetime(),
                "a date or time, not a duration: {cell:?}"
            );
            *value
        }
        other => panic!("a date-time cell, not {other:?}"),
    }
}

fn check_workbook(bytes: &[u8], week: &Value, german: bool) {
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes))
        .expect("calamine reads the workbook");
    let names = if german {
        [
            "Di 23.06.2020",
            "Mi 24.06.2020",
            "Do 25.06.2020",
            "Fr 26.06.2020",
        ]
    } else {
        [
            "Tue 2020-06-23",
            "Wed 2020-06-24",
            "Thu 2020-06-25",
            "Fri 2020-06-26",
        ]
    };
    assert_eq!(workbook.sheet_names(), names);
    let fora = oracle(week, german);
    let mut seen = 0;
    for name in names {
        let range = workbook.worksheet_range(name).unwrap();
        let mut rows = range.rows();
        let heading: Vec<String> = rows.next().unwrap().iter().map(|c| c.to_string()).collect();
        assert_eq!(heading, header(german), "{name}");
        for row in rows {
            let f = &fora[seen];
            seen += 1;
            assert_eq!(row[0], Data::String(f.id.clone()));
            let date = datetime(&row[1]);
            assert_eq!(date.as_f64(), serial(f.start.date()), "{}: date", f.id);
            let (year, month, day, ..) = date.to_ymd_hms_milli();
            assert_eq!(
                NaiveDate::from_ymd_opt(year.into(), month.into(), day.into()),
                Some(f.start.date())
            );
            for (cell, at) in [(&row[2], f.start.time()), (&row[3], f.end.time())] {
                let time = datetime(cell);
                assert!(
                    (time.as_f64() - fraction(at)).abs() < 1e-9,
                    "{}: {at}",
                    f.id
                );
                let (.., hour, minute, _, _) = time.to_ymd_hms_milli();
                assert_eq!(
                    (u32::from(hour), u32::from(minute)),
                    (at.hour(), at.minute())
                );
            }
            assert_eq!(row[4], Data::Float(f.minutes as f64));
            let text = |t: &str| {
                if t.is_empty() {
                    Data::Empty
                } else {
                    Data::String(t.to_owned())
                }
            };
            assert_eq!(
                row[5..12],
                [
                    text(&f.title),
                    text(&f.format),
                    text(&f.room),
                    text(&f.speakers),
                    text(f.status),
                    text(&f.link),
                    text(&f.description),
                ],
                "{}",
                f.id
            );
        }
    }
    assert_eq!(seen, fora.len(), "every forum on its day's sheet");
}

use chrono::Timelike;

/// The XML of a part of the workbook.
fn part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn the_workbook_has_a_sheet_a_day_with_real_dates_and_times() {
    let week = week_2020();
    let file = week_file(&week);
    let german = xlsx_of(&file, &[]);
    check_workbook(&german, &week, true);
    let english = xlsx_of(&file, &["--lang", "en"]);
    check_workbook(&english, &week, false);
    // calamine does not say how a sheet is laid out: the sheet's XML does. The header row
    // is frozen and filtered; dates and times carry their number formats.
    for sheet in 1..=4 {
        let xml = part(&german, &format!("xl/worksheets/sheet{sheet}.xml"));
        assert!(
            xml.contains(
                r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
            ),
            "sheet {sheet}: {xml}"
        );
        assert!(xml.contains("<autoFilter ref=\"A1:M"), "sheet {sheet}");
        assert!(
            xml.contains("customWidth=\"1\""),
            "sheet {sheet}: column widths"
        );
    }
    assert!(part(&german, "xl/styles.xml").contains(r#"formatCode="DD.MM.YYYY""#));
    assert!(part(&english, "xl/styles.xml").contains(r#"formatCode="YYYY-MM-DD""#));
    assert!(part(&german, "xl/styles.xml").contains(r#"formatCode="hh:mm""#));
}

#[test]
fn the_same_week_gives_the_same_workbook() {
    let mut week = week_2020();
    let file = week_file(&week);
    let first = xlsx_of(&file, &[]);
    assert_eq!(first, xlsx_of(&file, &[]), "two runs, the same bytes");
    // The creation time is the week's stamp (its first day, Berlin midnight, without
    // `updated`), never the clock.
    let core = part(&first, "docProps/core.xml");
    assert!(
        core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2020-06-22T22:00:00Z<"),
        "{core}"
    );
    week["updated"] = json!("2020-07-01T09:30:00Z");
    let updated = xlsx_of(&week_file(&week), &[]);
    assert!(part(&updated, "docProps/core.xml").contains(">2020-07-01T09:30:00Z<"));
}

#[test]
fn a_workbook_is_never_written_to_standard_output() {
    let file = week_file(&week_2020());
    for (args, message) in [
        (
            &[][..],
            "Fehler: --format xlsx schreibt eine Arbeitsmappe, keinen Text: geben Sie mit -o DATEI (oder --output DATEI) eine Datei an\n",
        ),
        (
            &["-o", "-", "--lang", "en"][..],
            "error: --format xlsx writes a workbook, which is not text: give it a file with -o FILE (or --output FILE)\n",
        ),
    ] {
        fora()
            .arg("timetable")
            .arg(&file)
            .args(["--format", "xlsx"])
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(message);
    }
}
