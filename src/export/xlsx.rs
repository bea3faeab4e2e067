//! The timetable as an Excel workbook: one sheet a day, the header row frozen and filtered,
//! dates and times as real date and time cells, columns as wide as their content.

use std::collections::HashSet;
use std::io::{self, Write};

use chrono::{Datelike, Timelike};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::{Cell, Exporter, Timetable};
use crate::model::Language;
use crate::text::{self, DateStyle};

/// The widest a column is made, in pixels (about 60 characters): a description stays
/// readable and the rest of the row in sight.
const MAX_WIDTH: u32 = 420;

/// The longest sheet name Excel takes.
const SHEET_NAME_CHARS: usize = 31;

/// Writes the workbook. The same timetable gives the same bytes: the workbook's creation
/// time is the week's `updated` (else its first day), never the clock.
pub struct XlsxExporter;

impl Exporter for XlsxExporter {
    fn write(&self, timetable: &Timetable, out: &mut dyn Write) -> io::Result<()> {
        let bytes = workbook(timetable).map_err(io::Error::other)?;
        out.write_all(&bytes)
    }
}

/// The formats of the cells.
struct Formats {
    header: Format,
    date: Format,
    time: Format,
}

impl Formats {
    fn new(language: Language) -> Self {
        let date = match language {
            Language::De => "DD.MM.YYYY",
            Language::En => "YYYY-MM-DD",
        };
        Self {
            header: Format::new().set_bold(),
            date: Format::new().set_num_format(date),
            time: Format::new().set_num_format("hh:mm"),
        }
    }
}

fn workbook(timetable: &Timetable) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_timestamp(timetable.updated.timestamp())?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title(&timetable.name)
            .set_creation_datetime(&created),
    );
    let formats = Formats::new(timetable.language);
    let columns = timetable.sheet_columns();
    let mut names = HashSet::new();
    for day in &timetable.days {
        let sheet = workbook.add_worksheet();
        sheet.set_name(sheet_name(timetable, day.date, &mut names))?;
        for (column, heading) in (0..).zip(&columns) {
            sheet.write_string_with_format(0, column, *heading, &formats.header)?;
        }
        let mut last = 0;
        for (row, forum) in (1..).zip(&day.rows) {
            for (column, cell) in (0..).zip(timetable.sheet_cells(forum)) {
                write_cell(sheet, row, column, &cell, &formats)?;
            }
            last = row;
        }
        sheet.set_freeze_panes(1, 0)?;
        let last_column = u16::try_from(columns.len() - 1).unwrap_or(u16::MAX);
        sheet.autofilter(0, 0, last, last_column)?;
        sheet.set_autofit_max_width(MAX_WIDTH);
        sheet.autofit();
    }
    workbook.save_to_buffer()
}

fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    column: u16,
    cell: &Cell,
    formats: &Formats,
) -> Result<(), XlsxError> {
    match cell {
        // An empty cell stays blank, so that a filter shows "(blank)".
        Cell::Text(text) if text.is_empty() => {}
        Cell::Text(text) => {
            sheet.write_string(row, column, text.as_ref())?;
        }
        Cell::Date(date) => {
            let date = ExcelDateTime::from_ymd(
                u16::try_from(date.year())
                    .map_err(|_| XlsxError::DateTimeRangeError(date.to_string()))?,
                date.month() as u8,
                date.day() as u8,
            )?;
            sheet.write_datetime_with_format(row, column, &date, &formats.date)?;
        }
        Cell::Time(time) => {
            let time = ExcelDateTime::from_hms(time.hour() as u16, time.minute() as u8, 0)?;
            sheet.write_datetime_with_format(row, column, &time, &formats.time)?;
        }
        Cell::Number(n) => {
            sheet.write_number(row, column, f64::from(*n))?;
        }
    }
    Ok(())
}

/// A sheet's name: the day, `Di 23.06.2020` / `Tue 2020-06-23`, without the characters
/// Excel refuses in one, at most 31 characters, and unlike the names before.
fn sheet_name(
    timetable: &Timetable,
    date: chrono::NaiveDate,
    taken: &mut HashSet<String>,
) -> String {
    let day = text::date(timetable.language, date, DateStyle::WeekdayNumeric);
    let cleaned: String = day
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .collect();
    let cleaned = cleaned.trim_matches('\'');
    let mut name: String = cleaned.chars().take(SHEET_NAME_CHARS).collect();
    let mut n = 2;
    // Excel compares sheet names without regard to case.
    while !taken.insert(name.to_lowercase()) {
        let suffix = format!(" ({n})");
        let keep = SHEET_NAME_CHARS - suffix.chars().count();
        name = cleaned.chars().take(keep).collect::<String>() + &suffix;
        n += 1;
    }
    name
}
