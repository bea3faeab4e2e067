//! Exporters: the timetable in several formats, and the calendar.
//!
//! A [`Timetable`] is the programme as it is shown: days, rows, totals, in one language.
//! Each format is one [`Exporter`] in a file of its own, chosen by [`Format`].

mod csv;
pub mod frab;
pub mod ics;
pub mod list;
mod markdown;
pub mod show;
mod table;
mod xlsx;

pub use csv::Dialect;

use std::io::{self, Write};

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;

use crate::check::{Kind, Report};
use crate::model::{self, Language, Status, Week};
use crate::text::{self, DateStyle, t};
use crate::view::{ForumView, View, When};

/// Writes a timetable in one format.
pub trait Exporter {
    /// Writes `timetable` to `out`.
    fn write(&self, timetable: &Timetable, out: &mut dyn Write) -> io::Result<()>;
}

/// The formats a timetable can be written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// Tables for the terminal.
    #[default]
    Table,
    /// Markdown, for a web page.
    Markdown,
    /// CSV, one row a forum, for a spreadsheet.
    Csv,
    /// An Excel workbook, one sheet a day: a file, not text.
    Xlsx,
}

impl Format {
    /// The exporter that writes this format (CSV in the dialect of the timetable's language).
    pub fn exporter(self) -> Box<dyn Exporter> {
        self.exporter_with(None)
    }

    /// The exporter that writes this format, CSV in `dialect` when given.
    pub fn exporter_with(self, dialect: Option<Dialect>) -> Box<dyn Exporter> {
        match self {
            Format::Table => Box::new(table::TableExporter),
            Format::Markdown => Box::new(markdown::MarkdownExporter),
            Format::Csv => Box::new(csv::CsvExporter { dialect }),
            Format::Xlsx => Box::new(xlsx::XlsxExporter),
        }
    }

    /// Whether it writes bytes that are no text (and so never to a terminal).
    pub fn is_binary(self) -> bool {
        self == Format::Xlsx
    }
}

/// Which fora a timetable, a list or a calendar shows: those that pass every filter given.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// Only the fora that start on this day.
    pub day: Option<NaiveDate>,
    /// Only those in the room with this id.
    pub room: Option<String>,
    /// Only those with a speaker whose name holds this (see [`matches_speaker`]).
    pub speaker: Option<String>,
    /// Only those of this format (see [`matches_format`]).
    pub format: Option<String>,
    /// Only those with this status.
    pub status: Option<Status>,
    /// Only those whose id, title, format, speakers or description hold every word of this.
    pub search: Option<String>,
    /// Only those without a start.
    pub unscheduled: bool,
}

impl Selection {
    /// Whether the forum seen so passes every filter.
    pub fn shows(&self, shown: &ForumView) -> bool {
        let forum = shown.forum;
        self.room
            .as_ref()
            .is_none_or(|room| forum.room.as_ref() == Some(room))
            && self
                .day
                .is_none_or(|day| shown.when.is_some_and(|when| when.date() == day))
            && (!self.unscheduled || shown.when.is_none())
            && self.status.is_none_or(|status| forum.status == status)
            && self
                .speaker
                .as_deref()
                .is_none_or(|name| shown.speakers().any(|s| matches_speaker(s, name)))
            && self
                .format
                .as_deref()
                .is_none_or(|format| shown.format.is_some_and(|f| matches_format(f, format)))
            && self.search.as_deref().is_none_or(|text| holds(shown, text))
    }
}

/// Whether a speaker's name holds `asked`, in any case, umlauts written out or not
/// (`netzwerk` finds "Netzwerk „engagiert in NRW“").
pub fn matches_speaker(name: &str, asked: &str) -> bool {
    model::slug(name).contains(&model::slug(asked))
}

/// Whether a format is `asked`, in any case, umlauts written out or not (`eroeffnung` is
/// "Eröffnung").
pub fn matches_format(format: &str, asked: &str) -> bool {
    model::slug(format) == model::slug(asked)
}

/// Whether the forum's id, title, format, speakers or description hold every word of
/// `text`, in any case, umlauts written out or not.
fn holds(shown: &ForumView, text: &str) -> bool {
    let forum = shown.forum;
    let mut haystack = model::slug(&forum.id);
    for part in [Some(forum.title.as_str()), shown.format, shown.description]
        .into_iter()
        .flatten()
        .chain(shown.speakers())
    {
        haystack.push(' ');
        haystack.push_str(&model::slug(part));
    }
    model::slug(text)
        .split('-')
        .all(|word| haystack.contains(word))
}

/// The marks of a forum, as timetable and list show them: `?` for a tentative one, `✗` for
/// one in an error finding (a cancelled one says so in its title).
pub fn marks(words: &Words, status: Status, in_error: bool) -> String {
    let mut marks = Vec::new();
    if status == Status::Tentative {
        marks.push(words.tentative_mark.as_str());
    }
    if in_error {
        marks.push(words.error_mark.as_str());
    }
    marks.join(" ")
}

/// The programme as shown: one entry a day, each with its fora in start order.
#[derive(Clone, Debug)]
pub struct Timetable {
    /// The language of headings and totals.
    pub language: Language,
    /// Its fixed words.
    pub words: Words,
    /// The week's name.
    pub name: String,
    /// Whether the week declares rooms (and so the room column is shown).
    pub show_room: bool,
    /// The days shown: every day of the week, and any other day a forum starts on.
    pub days: Vec<TimetableDay>,
    /// Titles of the fora without a start.
    pub unscheduled: Vec<String>,
    /// Whether any forum shown is marked, tentative or in an error finding (and so the mark
    /// column is shown).
    pub marked: bool,
    /// How wide the terminal table may be, in characters; `None`: as wide as it needs.
    pub width: Option<usize>,
    /// When the week was last changed ([`Week::stamp`]): a workbook's creation time.
    pub updated: DateTime<Utc>,
}

/// The fixed words of a timetable, in its language.
#[derive(Clone, Debug)]
pub struct Words {
    /// Column: the date.
    pub date: String,
    /// Column: the time range.
    pub time: String,
    /// Column: start time.
    pub start: String,
    /// Column: end time.
    pub end: String,
    /// Column: duration in minutes.
    pub minutes: String,
    /// Column: the title.
    pub title: String,
    /// Column: the format.
    pub format: String,
    /// Column: the room.
    pub room: String,
    /// Column: the speakers.
    pub speakers: String,
    /// Column: the error findings a forum is in.
    pub errors: String,
    /// Column: the forum's id.
    pub id: String,
    /// Column: whether it takes place.
    pub status: String,
    /// Column: its join link.
    pub link: String,
    /// Column: its description.
    pub description: String,
    /// A day without fora.
    pub no_fora: String,
    /// Explains the mark on fora in an error finding.
    pub mark_legend: String,
    /// Marks a forum in an error finding: `✗`.
    pub error_mark: String,
    /// Marks a tentative forum: `?`.
    pub tentative_mark: String,
    /// Explains it.
    pub tentative_legend: String,
    /// Heads the list of fora without a start.
    pub unscheduled: String,
}

impl Words {
    /// The words of `language`.
    pub fn new(language: Language) -> Self {
        let tentative_mark = t!(language, "mark-tentative");
        Self {
            error_mark: t!(language, "mark-error"),
            tentative_legend: t!(language, "legend-tentative", mark = tentative_mark.as_str()),
            tentative_mark,
            date: t!(language, "column-date"),
            time: t!(language, "column-time"),
            start: t!(language, "column-start"),
            end: t!(language, "column-end"),
            minutes: t!(language, "column-minutes"),
            title: t!(language, "column-title"),
            format: t!(language, "word-format"),
            room: t!(language, "column-room"),
            speakers: t!(language, "word-speakers"),
            errors: t!(language, "column-errors"),
            id: t!(language, "column-id"),
            status: t!(language, "column-status"),
            link: t!(language, "column-link"),
            description: t!(language, "column-description"),
            no_fora: t!(language, "timetable-no-fora"),
            mark_legend: t!(
                language,
                "timetable-legend",
                mark = t!(language, "mark-error")
            ),
            unscheduled: t!(language, "timetable-unscheduled"),
        }
    }
}

/// One day of a timetable.
#[derive(Clone, Debug)]
pub struct TimetableDay {
    /// The day.
    pub date: NaiveDate,
    /// Its fora, by start; those that start together as the week file lists them.
    pub rows: Vec<TimetableRow>,
}

/// One forum as a timetable shows it.
#[derive(Clone, Debug)]
pub struct TimetableRow {
    /// Its id.
    pub id: String,
    /// When it runs.
    pub when: When,
    /// Its title as shown; a cancelled forum's says so ("Abgesagt: …").
    pub title: String,
    /// Whether it was cancelled: it is shown, but its minutes count nowhere.
    pub cancelled: bool,
    /// Whether it takes place, is tentative or was cancelled.
    pub status: Status,
    /// Its join link: its own, else its room's.
    pub link: Option<String>,
    /// Its description.
    pub description: Option<String>,
    /// Its format.
    pub format: String,
    /// Its room's name.
    pub room: String,
    /// Its speakers.
    pub speakers: Vec<String>,
    /// The kinds of error findings it takes part in.
    pub errors: Vec<Kind>,
}

impl TimetableRow {
    /// When it starts, in the week's zone.
    pub fn start(&self) -> DateTime<Tz> {
        self.when.start
    }

    /// When it ends, in the week's zone.
    pub fn end(&self) -> DateTime<Tz> {
        self.when.end
    }

    /// Its length in minutes.
    pub fn minutes(&self) -> u32 {
        self.when.minutes()
    }
}

impl TimetableDay {
    /// The day's programme minutes.
    pub fn minutes(&self) -> u64 {
        self.taking_place().map(|r| u64::from(r.minutes())).sum()
    }

    /// The rows of fora that were not cancelled.
    pub fn taking_place(&self) -> impl Iterator<Item = &TimetableRow> {
        self.rows.iter().filter(|r| !r.cancelled)
    }
}

impl Timetable {
    /// The timetable of `week`, marking fora in the error findings of `report`.
    pub fn new(week: &Week, report: &Report, language: Language, selection: &Selection) -> Self {
        let view = View::new(week, language);
        let mut rows: Vec<TimetableRow> = Vec::new();
        let mut unscheduled = Vec::new();
        for (index, forum) in week.fora.iter().enumerate() {
            let shown = view.forum(forum);
            if !selection.shows(&shown) {
                continue;
            }
            let Some(when) = shown.when else {
                if forum.status.takes_place() {
                    unscheduled.push(forum.title.clone());
                }
                continue;
            };
            rows.push(TimetableRow {
                id: forum.id.clone(),
                when,
                title: shown.title.clone().into_owned(),
                cancelled: !forum.status.takes_place(),
                status: forum.status,
                link: shown.link.map(str::to_owned),
                description: shown.description.map(str::to_owned),
                format: shown.format.unwrap_or_default().to_owned(),
                room: shown.room.unwrap_or_default().to_owned(),
                speakers: shown.speakers().map(str::to_owned).collect(),
                errors: report.marks(index).errors().collect(),
            });
        }
        // Stable: fora that start together keep the order the organisers gave them.
        rows.sort_by_key(|row| row.when.start);
        let rows_marked = rows
            .iter()
            .any(|r| !r.errors.is_empty() || r.status == Status::Tentative);
        let mut dates: Vec<NaiveDate> = match selection.day {
            _ if selection.unscheduled => Vec::new(),
            Some(day) => vec![day],
            None => week.days().collect(),
        };
        dates.extend(rows.iter().map(|r| r.when.date()));
        dates.sort_unstable();
        dates.dedup();
        let mut rows = rows.into_iter().peekable();
        let days = dates
            .into_iter()
            .map(|date| {
                let mut day = TimetableDay {
                    date,
                    rows: Vec::new(),
                };
                while let Some(row) = rows.next_if(|r| r.when.date() == date) {
                    day.rows.push(row);
                }
                day
            })
            .collect();
        Timetable {
            language,
            words: Words::new(language),
            name: week.name.clone(),
            show_room: week.rooms.is_some(),
            days,
            unscheduled,
            marked: rows_marked,
            width: None,
            updated: week.stamp(),
        }
    }

    /// The lines that explain the marks shown, in the order of [`marks`].
    pub fn legend(&self) -> Vec<&str> {
        let rows = || self.days.iter().flat_map(|d| &d.rows);
        let mut legend = Vec::new();
        if rows().any(|r| r.status == Status::Tentative) {
            legend.push(self.words.tentative_legend.as_str());
        }
        if rows().any(|r| !r.errors.is_empty()) {
            legend.push(self.words.mark_legend.as_str());
        }
        legend
    }

    /// Whether a day's own total is worth its line: not when it is the only day shown, whose
    /// total the timetable closes with anyway (`--day`).
    pub fn day_totals(&self) -> bool {
        self.days.len() > 1
    }

    /// How many fora it shows.
    pub fn fora(&self) -> usize {
        self.days.iter().map(|d| d.taking_place().count()).sum()
    }

    /// Their programme minutes.
    pub fn minutes(&self) -> u64 {
        self.days.iter().map(TimetableDay::minutes).sum()
    }

    /// A day's heading: "Dienstag, 23. Juni 2020".
    pub fn heading(&self, date: NaiveDate) -> String {
        text::date(self.language, date, DateStyle::Heading)
    }

    /// How a day or the week closes: "4 Fora · 4 Std.".
    pub fn total(&self, fora: usize, minutes: u64) -> String {
        total(self.language, fora, minutes)
    }

    /// The column headings of the terminal and Markdown tables.
    pub(crate) fn headings(&self) -> Vec<&str> {
        let words = &self.words;
        let mut headings = vec![words.time.as_str(), &words.title, &words.format];
        if self.show_room {
            headings.push(&words.room);
        }
        headings.push(&words.speakers);
        if self.marked {
            headings.push("");
        }
        headings
    }

    /// The cells of one row of the terminal and Markdown tables, in the order of [`Self::headings`].
    pub(crate) fn cells(&self, row: &TimetableRow) -> Vec<String> {
        let mut cells = vec![
            row.when.range(self.language, None),
            row.title.clone(),
            row.format.clone(),
        ];
        if self.show_room {
            cells.push(row.room.clone());
        }
        cells.push(row.speakers.join(", "));
        if self.marked {
            cells.push(marks(&self.words, row.status, !row.errors.is_empty()));
        }
        cells
    }
}

/// One cell of a spreadsheet row, typed: CSV writes each in its dialect, XLSX as a cell
/// of its kind.
#[derive(Clone, Debug, PartialEq)]
enum Cell<'a> {
    Text(std::borrow::Cow<'a, str>),
    Date(NaiveDate),
    Time(NaiveTime),
    Number(u32),
}

impl Timetable {
    /// The columns of a spreadsheet (CSV, XLSX): the forum's id, when, what, where, who,
    /// whether it takes place, how to join, what it is about, and its error findings.
    fn sheet_columns(&self) -> Vec<&str> {
        let words = &self.words;
        let mut columns = vec![
            words.id.as_str(),
            &words.date,
            &words.start,
            &words.end,
            &words.minutes,
            &words.title,
            &words.format,
        ];
        if self.show_room {
            columns.push(&words.room);
        }
        columns.extend([
            words.speakers.as_str(),
            &words.status,
            &words.link,
            &words.description,
            &words.errors,
        ]);
        columns
    }

    /// One row's cells, in the order of [`Self::sheet_columns`].
    fn sheet_cells<'a>(&self, row: &'a TimetableRow) -> Vec<Cell<'a>> {
        let text = |t: &'a str| Cell::Text(t.into());
        let mut cells = vec![
            text(&row.id),
            Cell::Date(row.when.date()),
            Cell::Time(row.start().time()),
            Cell::Time(row.end().time()),
            Cell::Number(row.minutes()),
            text(&row.title),
            text(&row.format),
        ];
        if self.show_room {
            cells.push(text(&row.room));
        }
        let errors: Vec<&str> = row.errors.iter().map(|k| k.name()).collect();
        cells.extend([
            Cell::Text(row.speakers.join("; ").into()),
            Cell::Text(crate::view::status(row.status, self.language).into()),
            text(row.link.as_deref().unwrap_or_default()),
            text(row.description.as_deref().unwrap_or_default()),
            Cell::Text(errors.join(" ").into()),
        ]);
        cells
    }
}

/// "4 Fora · 4 Std.": how a day or a week closes.
pub fn total(language: Language, fora: usize, minutes: u64) -> String {
    t!(
        language,
        "timetable-total",
        fora = fora,
        hours = text::hours(language, minutes)
    )
}

/// A comfy-table of one day for the Markdown exporter.
fn day_table(
    timetable: &Timetable,
    day: &TimetableDay,
    preset: &str,
    cell: impl Fn(&str) -> String,
) -> comfy_table::Table {
    let mut table = comfy_table::Table::new();
    table.load_preset(preset);
    table.set_header(timetable.headings());
    for row in &day.rows {
        table.add_row(timetable.cells(row).iter().map(|c| cell(c)));
    }
    table
}
