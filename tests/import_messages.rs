//! Every message an import can give (of a spreadsheet, of a schedule), in German and in
//! English, as snapshots a reviewer reads (`cargo insta review` after an intended change).

use std::path::PathBuf;

use chrono::{FixedOffset, NaiveDate};
use fora::import::{ImportError, RowError, RowProblem, SheetColumn, Source, Warning};
use fora::text::Render;
use fora::{Error, Language};

fn row(sheet: Option<&str>, column: &str, value: &str, problem: RowProblem) -> RowError {
    RowError {
        sheet: sheet.map(str::to_owned),
        row: 7,
        column: column.into(),
        value: value.into(),
        problem,
    }
}

fn errors() -> Vec<ImportError> {
    let headers = vec!["Name".to_owned(), "E-Mail".to_owned()];
    let rows = [
        row(None, "Titel", "", RowProblem::Empty),
        row(None, "Datum", "32.06.2020", RowProblem::Date),
        row(None, "Beginn", "25:00", RowProblem::Time),
        row(None, "Dauer (Minuten)", "ewig", RowProblem::Duration),
        row(None, "Ende", "2020-06-22 10:00", RowProblem::EndBeforeStart),
        row(Some("Tag 1"), "Beginn", "10:00", RowProblem::NoDate),
        row(Some("Tag 1"), "Datum", "23.06.", RowProblem::NoYear),
        row(None, "Zeit", "10:00", RowProblem::NoEnd),
        row(None, "Status", "fix", RowProblem::Status),
    ];
    let mut errors: Vec<ImportError> = rows.into_iter().map(ImportError::Row).collect();
    errors.extend([
        ImportError::Columns {
            missing: vec![SheetColumn::Title, SheetColumn::Start],
            headers: headers.clone(),
        },
        ImportError::Columns {
            missing: vec![SheetColumn::Start],
            headers,
        },
        ImportError::Columns {
            missing: vec![SheetColumn::Title, SheetColumn::Start],
            headers: Vec::new(),
        },
    ]);
    errors
}

fn everything(language: Language) -> String {
    let mut out = String::new();
    for error in errors() {
        let skipped = match &error {
            ImportError::Row(row) => Some(Warning::SkippedRow(row.clone())),
            _ => None,
        };
        let error = Error::Import {
            path: PathBuf::from("programm.csv"),
            error,
        };
        out += &format!("{}\n", error.render(language));
        if let Some(skipped) = skipped {
            out += &format!("{}\n", skipped.render(language));
        }
    }
    out
}

#[test]
fn every_spreadsheet_message_in_german() {
    insta::assert_snapshot!(everything(Language::De));
}

#[test]
fn every_spreadsheet_message_in_english() {
    insta::assert_snapshot!(everything(Language::En));
}

/// What a schedule can be refused for, and what is said while it is read.
fn schedule_messages(language: Language) -> String {
    let offset = |hours: i32| FixedOffset::east_opt(hours * 3600).unwrap();
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let errors = [
        ImportError::Unrecognised,
        ImportError::IsWeek,
        ImportError::Syntax {
            source: Source::FrabXml,
            message: "unexpected end of stream (line 99, column 8)".into(),
        },
        ImportError::NoZone {
            offsets: Vec::new(),
        },
        ImportError::NoZone {
            offsets: vec![offset(1), offset(2)],
        },
        ImportError::Zone("Mitteleuropa".into()),
        ImportError::NoDates,
        ImportError::Span {
            first: date(1, 1, 1),
            last: date(9999, 12, 31),
        },
    ];
    let warnings = [
        Warning::Offsets {
            zone: chrono_tz::UTC,
            offsets: vec![offset(1)],
            count: 36,
        },
        Warning::NoDuration { count: 1 },
        Warning::LongDuration { count: 2 },
        Warning::SecondPass { count: 1 },
        Warning::SecondPass { count: 3 },
    ];
    let mut out = String::new();
    for error in errors {
        let error = Error::Import {
            path: PathBuf::from("schedule.xml"),
            error,
        };
        out += &format!("{}\n", error.render(language));
    }
    for warning in warnings {
        out += &format!("{}\n", warning.render(language));
    }
    out
}

#[test]
fn every_schedule_message_in_german() {
    insta::assert_snapshot!(schedule_messages(Language::De));
}

#[test]
fn every_schedule_message_in_english() {
    insta::assert_snapshot!(schedule_messages(Language::En));
}
