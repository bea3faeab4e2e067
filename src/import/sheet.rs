//! Organisers' spreadsheets: CSV as Excel and LibreOffice save it, XLSX and ODS.
//!
//! Every file becomes tables of cells (one per sheet with a header row fora recognises), and
//! every row below the header one event. The header row is the first of the first ten rows
//! that names a title and a start; headers are matched in German and English (see
//! [`columns`]), values as organisers type them and as spreadsheets store them (see
//! [`cells`]).

mod cells;
mod columns;

use std::borrow::Cow;
use std::io::Cursor;

use calamine::{Data, Reader};
use chrono::{NaiveDateTime, TimeZone};
use chrono_tz::Tz;

use self::cells::{Cell, Day, Moment};
use self::columns::{Columns, Field};
use super::{Event, ImportError, Options, Programme, RowError, RowProblem, Source, Start, Warning};
use crate::model::{Duration, Language, Status, Week};
use crate::text::t;

/// How many rows above the header row a sheet may have (a title, a date line …).
const HEADER_SEARCH: usize = 10;

/// Reads a spreadsheet.
pub(super) fn read(
    source: Source,
    bytes: &[u8],
    options: &Options,
) -> Result<Programme, ImportError> {
    let tables = if source == Source::Csv && !is_workbook(bytes) {
        vec![csv_table(bytes)]
    } else {
        workbook(source, bytes)?
    };
    let headed: Vec<(&Table, usize, Columns)> = tables
        .iter()
        .filter_map(|table| header(table).map(|(at, columns)| (table, at, columns)))
        .collect();
    if headed.is_empty() {
        let headers = tables
            .iter()
            .flat_map(|table| &table.rows)
            .find(|(_, cells)| cells.iter().any(|cell| !cell.is_empty()))
            .map(|(_, cells)| texts(cells))
            .unwrap_or_default();
        let missing = Columns::new(headers.clone()).missing();
        return Err(ImportError::Columns { missing, headers });
    }
    let year = sheet_year(&headed);
    let mut programme = Programme::default();
    for (table, at, columns) in &headed {
        for (number, cells) in &table.rows[at + 1..] {
            if cells.iter().all(Cell::is_empty) {
                continue;
            }
            let row = Row {
                cells,
                columns,
                number: *number,
                sheet: table.sheet.as_deref(),
            };
            match row.event(year, options.timezone) {
                Ok(event) => programme.events.push(event),
                Err(error) if options.skip_bad_rows => {
                    programme.warnings.push(Warning::SkippedRow(error));
                }
                Err(error) => return Err(ImportError::Row(error)),
            }
        }
    }
    Ok(programme)
}

/// The text of a CSV file: UTF-8 (with or without a byte order mark), UTF-16 with its mark
/// (Excel's "Unicode text"), else Windows-1252, which German Excel writes.
pub(super) fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Some(text) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8_lossy(text);
    }
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding.decode_with_bom_removal(bytes).0;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => {
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
        }
    }
}

/// A header as it is compared: lower case, letters and digits only.
pub(super) fn folded(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The separator of `text`: the one of `;`, `,` and tab found most often outside quotes in
/// its first line (`,` when none is).
pub(super) fn separator(text: &str) -> u8 {
    let mut counts = [(b';', 0), (b',', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            _ if !quoted => {
                for (sep, n) in &mut counts {
                    if *sep == b {
                        *n += 1;
                    }
                }
            }
            _ => {}
        }
    }
    let (sep, n) = counts
        .iter()
        .copied()
        .max_by_key(|&(_, n)| n)
        .unwrap_or((b',', 0));
    if n == 0 { b',' } else { sep }
}

/// A sheet's cells, each row with its number as the spreadsheet shows it.
struct Table {
    /// The sheet's name, in a workbook.
    sheet: Option<String>,
    rows: Vec<(usize, Vec<Cell>)>,
}

/// Whether `bytes` are a workbook (zip, or the compound file of an old `.xls`).
fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
}

fn csv_table(bytes: &[u8]) -> Table {
    let text = decode(bytes);
    let rows = (1..).zip(records(&text, separator(&text))).collect();
    Table { sheet: None, rows }
}

/// The records of a CSV text, one a row as a spreadsheet numbers them: an empty line is an
/// empty row, a line break inside quotes none. Leniently: a quote inside an unquoted field
/// is a quote, an unclosed quote runs to the end.
fn records(text: &str, separator: u8) -> Vec<Vec<Cell>> {
    let separator = char::from(separator);
    let (mut records, mut record, mut field) = (Vec::new(), Vec::new(), String::new());
    let (mut quoted, mut at_start) = (false, true);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if at_start => quoted = true,
            c if c == separator => record.push(Cell::Text(std::mem::take(&mut field))),
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                record.push(Cell::Text(std::mem::take(&mut field)));
                records.push(std::mem::take(&mut record));
            }
            c => field.push(c),
        }
        at_start = c == separator || c == '\r' || c == '\n';
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(Cell::Text(field));
        records.push(record);
    }
    records
}

fn workbook(source: Source, bytes: &[u8]) -> Result<Vec<Table>, ImportError> {
    let syntax = |error: calamine::Error| ImportError::Syntax {
        source,
        message: error.to_string(),
    };
    let mut sheets = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(syntax)?;
    let mut tables = Vec::new();
    for name in sheets.sheet_names() {
        let range = sheets.worksheet_range(&name).map_err(syntax)?;
        let (first_row, first_column) = range.start().unwrap_or((0, 0));
        let rows = (first_row as usize + 1..)
            .zip(range.rows())
            .map(|(number, row)| {
                let leading = (0..first_column).map(|_| Cell::Empty);
                (number, leading.chain(row.iter().map(cell)).collect())
            })
            .collect();
        tables.push(Table {
            sheet: Some(name),
            rows,
        });
    }
    Ok(tables)
}

/// A workbook's cell as fora reads it.
fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(text) => Cell::Text(text.clone()),
        Data::Int(n) => Cell::Number(*n as f64),
        Data::Float(n) => Cell::Number(*n),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(at) => cells::serial(at.as_datetime(), at.as_f64(), at.is_duration()),
        Data::DateTimeIso(text) => cells::iso_date(text),
        Data::DurationIso(text) => cells::iso_clock(text),
        Data::Error(error) => Cell::Text(error.to_string()),
    }
}

fn texts(cells: &[Cell]) -> Vec<String> {
    let mut texts: Vec<String> = cells.iter().map(Cell::text).collect();
    while texts.last().is_some_and(String::is_empty) {
        texts.pop();
    }
    texts
}

/// The header row of `table` (its index among the rows) and its columns: the first of the
/// first rows that names a title and a start.
fn header(table: &Table) -> Option<(usize, Columns)> {
    table
        .rows
        .iter()
        .enumerate()
        .filter(|(_, (_, cells))| cells.iter().any(|cell| !cell.is_empty()))
        .take(HEADER_SEARCH)
        .map(|(at, (_, cells))| (at, Columns::new(texts(cells))))
        .find(|(_, columns)| columns.missing().is_empty())
}

/// The year of dates given without one (`23.06.`): the one year every full date of the
/// sheets is in, when they agree.
fn sheet_year(headed: &[(&Table, usize, Columns)]) -> Option<i32> {
    let mut years = std::collections::BTreeSet::new();
    for (table, at, columns) in headed {
        for (_, cells) in &table.rows[at + 1..] {
            let at = |field| columns.of(field).and_then(|i| cells.get(i));
            let days = [
                at(Field::Date).and_then(cells::date_cell),
                at(Field::Start).and_then(|c| cells::moment(c).map(|(m, _)| m)),
            ];
            for day in days.into_iter().flatten().filter_map(|m| m.day) {
                if let Day::Full(date) = day {
                    years.insert(chrono::Datelike::year(&date));
                }
            }
        }
    }
    match years.len() {
        1 => years.pop_first(),
        _ => None,
    }
}

/// One row below the header.
struct Row<'a> {
    cells: &'a [Cell],
    columns: &'a Columns,
    number: usize,
    sheet: Option<&'a str>,
}

impl Row<'_> {
    fn cell(&self, field: Field) -> &Cell {
        self.columns
            .of(field)
            .and_then(|at| self.cells.get(at))
            .unwrap_or(&Cell::Empty)
    }

    fn text(&self, field: Field) -> Option<String> {
        Some(self.cell(field).text()).filter(|text| !text.is_empty())
    }

    fn error(&self, field: Field, problem: RowProblem) -> RowError {
        RowError {
            sheet: self.sheet.map(str::to_owned),
            row: self.number,
            column: self.columns.header(field),
            value: self.cell(field).text(),
            problem,
        }
    }

    /// The event of this row; `zone` places starts and ends to measure the time between.
    fn event(&self, year: Option<i32>, zone: Option<Tz>) -> Result<Event, RowError> {
        let status = match self.text(Field::Status) {
            None => Status::Confirmed,
            Some(text) => Status::parse_typed(&text)
                .ok_or_else(|| self.error(Field::Status, RowProblem::Status))?,
        };
        let title = self
            .text(Field::Title)
            .ok_or_else(|| self.error(Field::Title, RowProblem::Empty))?;
        let (start, minutes) = self.when(year, zone)?;
        Ok(Event {
            ids: self.text(Field::Id).into_iter().collect(),
            title: uncancelled(title, status),
            start,
            minutes,
            room: self.text(Field::Room),
            speakers: self.text(Field::Speakers).map(speakers).unwrap_or_default(),
            format: self.text(Field::Format),
            description: self.text(Field::Description),
            url: self.text(Field::Link),
            status,
            extra: serde_json::Map::new(),
        })
    }

    /// When the row's forum starts (`None`: it has no start yet) and how long it runs.
    fn when(&self, year: Option<i32>, zone: Option<Tz>) -> Result<(Option<Start>, u32), RowError> {
        let start_cell = self.cell(Field::Start);
        let (start, range_end) = match start_cell {
            cell if cell.is_empty() => (None, None),
            cell => {
                let (start, end) = cells::moment(cell)
                    .ok_or_else(|| self.error(Field::Start, RowProblem::Time))?;
                (Some(start), end)
            }
        };
        let date = match self.cell(Field::Date) {
            cell if cell.is_empty() => None,
            cell => Some(
                cells::date_cell(cell).ok_or_else(|| self.error(Field::Date, RowProblem::Date))?,
            ),
        };
        let Some(local) = self.start(start, date, year)? else {
            return Ok((None, self.minutes_alone()?));
        };
        let offset = start.and_then(|s| s.offset);
        let minutes = self.minutes(local, offset, range_end, year, zone)?;
        let start = match offset.and_then(|o| o.from_local_datetime(&local).single()) {
            Some(at) => Start::Instant(at),
            None => Start::Local(local),
        };
        Ok((Some(start), minutes))
    }

    /// The local start from the start and date cells; `None` when both are empty.
    fn start(
        &self,
        start: Option<Moment>,
        date: Option<Moment>,
        year: Option<i32>,
    ) -> Result<Option<NaiveDateTime>, RowError> {
        let has_start = self.columns.of(Field::Start).is_some();
        let (time_field, day_field) = match start {
            Some(Moment { day: Some(_), .. }) => (Field::Start, Field::Start),
            Some(_) => (Field::Start, Field::Date),
            None if has_start => (Field::Start, Field::Date),
            None => (Field::Date, Field::Date),
        };
        let time = match start {
            Some(moment) => moment.time,
            None => date.and_then(|d| d.time),
        };
        let day = start.and_then(|s| s.day).or(date.and_then(|d| d.day));
        match (day, time) {
            (None, None) => Ok(None),
            (Some(_), None) if self.cell(time_field).is_empty() => {
                Err(self.error(time_field, RowProblem::Empty))
            }
            (Some(_), None) => Err(self.error(time_field, RowProblem::Time)),
            (None, Some(_)) => Err(self.error(Field::Start, RowProblem::NoDate)),
            (Some(day), Some(time)) => {
                let date = day
                    .in_year(year)
                    .ok_or_else(|| self.error(day_field, RowProblem::NoYear))?;
                Ok(Some(cells::local(date, time)))
            }
        }
    }

    /// The duration cell, read in the header's unit; `None` when it is empty.
    fn duration(&self) -> Result<Option<u32>, RowError> {
        match self.cell(Field::Duration) {
            cell if cell.is_empty() => Ok(None),
            cell => cells::duration(cell, self.columns.unit)
                .map(Some)
                .ok_or_else(|| self.error(Field::Duration, RowProblem::Duration)),
        }
    }

    /// How long a forum without a start runs: its duration cell must say.
    fn minutes_alone(&self) -> Result<u32, RowError> {
        let field = if self.columns.of(Field::Duration).is_some() {
            Field::Duration
        } else {
            Field::Start
        };
        self.duration()?
            .ok_or_else(|| self.error(field, RowProblem::Empty))
    }

    /// How long a forum starting at `start` runs: the duration, else from its start to its
    /// end (on the start's day, or the next when the end's clock time is not later).
    fn minutes(
        &self,
        start: NaiveDateTime,
        offset: Option<chrono::FixedOffset>,
        range_end: Option<Moment>,
        year: Option<i32>,
        zone: Option<Tz>,
    ) -> Result<u32, RowError> {
        if let Some(minutes) = self.duration()? {
            return Ok(minutes);
        }
        let (end, field) = match (range_end, self.cell(Field::End)) {
            (Some(end), _) => (end, Field::Start),
            (None, cell) if !cell.is_empty() => (
                cells::moment(cell)
                    .map(|(end, _)| end)
                    .ok_or_else(|| self.error(Field::End, RowProblem::Time))?,
                Field::End,
            ),
            _ if self.columns.of(Field::Duration).is_some() => {
                return Err(self.error(Field::Duration, RowProblem::Empty));
            }
            _ if self.columns.of(Field::End).is_some() => {
                return Err(self.error(Field::End, RowProblem::Empty));
            }
            _ => return Err(self.error(Field::Start, RowProblem::NoEnd)),
        };
        let time = end
            .time
            .ok_or_else(|| self.error(field, RowProblem::Time))?;
        let mut local = match end.day {
            Some(day) => cells::local(
                day.in_year(year)
                    .ok_or_else(|| self.error(field, RowProblem::NoYear))?,
                time,
            ),
            None => cells::local(start.date(), time),
        };
        if end.day.is_none() && local <= start {
            local += chrono::TimeDelta::days(1);
        }
        if local <= start {
            return Err(self.error(field, RowProblem::EndBeforeStart));
        }
        let minutes = match (offset, end.offset, zone) {
            (Some(from), Some(to), _) => {
                let at = |local: NaiveDateTime, offset: chrono::FixedOffset| {
                    offset.from_local_datetime(&local).single()
                };
                at(local, to)
                    .zip(at(start, from))
                    .map_or(0, |(end, start)| (end - start).num_minutes())
            }
            (None, None, Some(zone)) => (instant(zone, local) - instant(zone, start)).num_minutes(),
            _ => (local - start).num_minutes(),
        };
        u32::try_from(minutes)
            .ok()
            .and_then(Duration::from_minutes)
            .map(Duration::minutes)
            .ok_or_else(|| self.error(field, RowProblem::Duration))
    }
}

/// The instant a wall-clock time is in `zone`, as the week file places it.
fn instant(zone: Tz, local: NaiveDateTime) -> chrono::DateTime<Tz> {
    let week = Week::new("", zone, local.date(), local.date());
    let minute = Duration::from_minutes(1).expect("a minute is a duration");
    match week.place(local, minute).interval() {
        Some((start, _)) => start,
        None => unreachable!("a start is placed"),
    }
}

/// A title as the week file keeps it: a cancelled forum's without the "Abgesagt: " that
/// `fora timetable` puts before it.
fn uncancelled(title: String, status: Status) -> String {
    if status != Status::Cancelled {
        return title;
    }
    for language in [Language::De, Language::En] {
        let prefix = t!(language, "cancelled-title", title = "");
        if let Some(rest) = title.strip_prefix(prefix.as_str()) {
            return rest.trim().to_owned();
        }
    }
    title
}

/// The speakers of one cell: split at `;` and line breaks when it has any (so that
/// "Müller, Anna; Schmidt, Bernd" is two), else at `,`.
fn speakers(cell: String) -> Vec<String> {
    let separators: &[char] = if cell.contains([';', '\n']) {
        &[';', '\n']
    } else {
        &[',']
    };
    cell.split(separators)
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_separator_is_the_commonest_outside_quotes() {
        assert_eq!(separator("forum;teilnehmer;name\n1;2;3"), b';');
        assert_eq!(separator("forum,attendee\n"), b',');
        assert_eq!(separator("\"a;b;c\",d\n"), b',');
        assert_eq!(separator("a\tb\n"), b'\t');
        assert_eq!(separator("forum\n"), b',');
    }

    #[test]
    fn text_is_utf8_else_windows_1252() {
        assert_eq!(decode(b"\xEF\xBB\xBFTitel;\xC3\xA4"), "Titel;ä");
        assert_eq!(decode(b"Titel;\xE4\x84"), "Titel;ä„");
        assert_eq!(decode(b"\xFF\xFET\0\xE4\0"), "Tä");
    }

    #[test]
    fn speakers_split_at_semicolons_else_commas() {
        assert_eq!(speakers("A, B".into()), ["A", "B"]);
        assert_eq!(
            speakers("Müller, Anna; Schmidt, Bernd".into()),
            ["Müller, Anna", "Schmidt, Bernd"]
        );
        assert_eq!(speakers("A\r\nB, C".into()), ["A", "B, C"]);
    }

    #[test]
    fn csv_rows_are_numbered_as_a_spreadsheet_numbers_them() {
        let table =
            csv_table(b"Titel;Beginn\r\n\"zwei\r\n\"\"Zeilen\"\"\";10:00\r\n\r\nC;\"11:00\"");
        let rows: Vec<(usize, Vec<String>)> = table
            .rows
            .iter()
            .map(|(n, cells)| (*n, cells.iter().map(Cell::text).collect()))
            .collect();
        let row = |n, cells: &[&str]| (n, cells.iter().map(|c| (*c).to_owned()).collect());
        assert_eq!(
            rows,
            [
                row(1, &["Titel", "Beginn"]),
                row(2, &["zwei\r\n\"Zeilen\"", "10:00"]),
                row(3, &[""]),
                row(4, &["C", "11:00"]),
            ]
        );
    }
}
