//! The timetable as CSV, one row a forum, for a spreadsheet, in the dialect the spreadsheet
//! opens without an import dialogue.

use std::io::{self, Write};

use chrono::NaiveDate;

use super::{Cell, Exporter, Timetable};
use crate::model::Language;

/// How a CSV file is written so that a spreadsheet opens it right.
///
/// Every dialect ends lines with CRLF and quotes a field that holds the separator, a quote
/// or a line break. Times are `10:00`, minutes whole numbers: no column holds a fraction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// Excel with German settings: `;` between fields (the comma is the decimal sign), a
    /// UTF-8 byte order mark (else Excel reads the file as Windows-1252), dates `23.06.2020`.
    ExcelDe,
    /// Excel with English settings: `,`, the byte order mark, dates `2020-06-23`.
    Excel,
    /// RFC 4180: `,`, no byte order mark, dates `2020-06-23`; for scripts and databases.
    Rfc4180,
}

impl Dialect {
    /// Every dialect, with the name `--csv-dialect` takes.
    pub const ALL: [(&'static str, Dialect); 3] = [
        ("excel-de", Dialect::ExcelDe),
        ("excel", Dialect::Excel),
        ("rfc4180", Dialect::Rfc4180),
    ];

    /// The dialect of a spreadsheet set up for `language`.
    pub fn of(language: Language) -> Self {
        match language {
            Language::De => Dialect::ExcelDe,
            Language::En => Dialect::Excel,
        }
    }

    /// The byte between fields.
    pub fn delimiter(self) -> u8 {
        match self {
            Dialect::ExcelDe => b';',
            Dialect::Excel | Dialect::Rfc4180 => b',',
        }
    }

    /// Whether the file starts with a UTF-8 byte order mark.
    pub fn bom(self) -> bool {
        self != Dialect::Rfc4180
    }

    /// A date as the spreadsheet reads it as a date.
    fn date(self, date: NaiveDate) -> String {
        let pattern = match self {
            Dialect::ExcelDe => "%d.%m.%Y",
            Dialect::Excel | Dialect::Rfc4180 => "%Y-%m-%d",
        };
        date.format(pattern).to_string()
    }
}

/// A header row, then one row a forum with date, start, end and minutes in columns of their own.
pub struct CsvExporter {
    /// The dialect; `None`: that of the timetable's language.
    pub dialect: Option<Dialect>,
}

impl Exporter for CsvExporter {
    fn write(&self, timetable: &Timetable, out: &mut dyn Write) -> io::Result<()> {
        let dialect = self
            .dialect
            .unwrap_or_else(|| Dialect::of(timetable.language));
        if dialect.bom() {
            out.write_all("\u{feff}".as_bytes())?;
        }
        let mut writer = csv::WriterBuilder::new()
            .delimiter(dialect.delimiter())
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        writer
            .write_record(timetable.sheet_columns())
            .map_err(io_error)?;
        for row in timetable.days.iter().flat_map(|d| &d.rows) {
            let record = timetable
                .sheet_cells(row)
                .into_iter()
                .map(|cell| match cell {
                    Cell::Text(text) => text.into_owned(),
                    Cell::Date(date) => dialect.date(date),
                    Cell::Time(time) => time.format("%H:%M").to_string(),
                    Cell::Number(n) => n.to_string(),
                });
            writer.write_record(record).map_err(io_error)?;
        }
        writer.flush()
    }
}

/// The io error inside a csv error, so that a closed pipe is still seen as one.
fn io_error(error: csv::Error) -> io::Error {
    match error.into_kind() {
        csv::ErrorKind::Io(error) => error,
        kind => io::Error::other(format!("{kind:?}")),
    }
}
