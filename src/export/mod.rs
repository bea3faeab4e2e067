//! Exporters: the timetable in several formats, and the calendar.
//!
//! A [`Timetable`] is the programme as it is shown: days, rows, totals, in one language.
//! Each format is one [`Exporter`] in a file of its own, chosen by [`Format`].

mod csv;
pub mod ics;
mod markdown;
mod table;

use std::io::{self, Write};

use chrono::{DateTime, NaiveDate};
use chrono_tz::Tz;

use crate::check::{Kind, Report};
use crate::model::{Language, Week};

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
}

impl Format {
    /// The exporter that writes this format.
    pub fn exporter(self) -> Box<dyn Exporter> {
        match self {
            Format::Table => Box::new(table::TableExporter),
            Format::Markdown => Box::new(markdown::MarkdownExporter),
            Format::Csv => Box::new(csv::CsvExporter),
        }
    }
}

/// What a timetable shows.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// Only this day.
    pub day: Option<NaiveDate>,
    /// Only this room.
    pub room: Option<String>,
}

/// The programme as shown: one entry a day, each with its fora in start order.
#[derive(Clone, Debug)]
pub struct Timetable {
    /// The language of headings and totals.
    pub language: Language,
    /// The week's name.
    pub name: String,
    /// Whether the week declares rooms (and so the room column is shown).
    pub show_room: bool,
    /// The days shown: every day of the week, and any other day a forum starts on.
    pub days: Vec<TimetableDay>,
    /// Titles of the fora without a start.
    pub unscheduled: Vec<String>,
    /// Whether any forum shown is in an error finding (and so the mark column is shown).
    pub marked: bool,
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
    /// When it starts, in the week's zone.
    pub start: DateTime<Tz>,
    /// When it ends, in the week's zone.
    pub end: DateTime<Tz>,
    /// Its length in minutes.
    pub minutes: u32,
    /// Its title; a cancelled forum's says so ("Abgesagt: …").
    pub title: String,
    /// Whether it was cancelled: it is shown, but its minutes count nowhere.
    pub cancelled: bool,
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
    /// `10:00–11:00`, with `(+1)` when it ends on a later day.
    pub fn time_range(&self) -> String {
        let days = (self.end.date_naive() - self.start.date_naive()).num_days();
        let later = if days > 0 {
            format!(" (+{days})")
        } else {
            String::new()
        };
        format!(
            "{}–{}{later}",
            self.start.format("%H:%M"),
            self.end.format("%H:%M")
        )
    }
}

impl TimetableDay {
    /// The day's programme minutes.
    pub fn minutes(&self) -> u64 {
        self.taking_place().map(|r| u64::from(r.minutes)).sum()
    }

    /// The rows of fora that were not cancelled.
    pub fn taking_place(&self) -> impl Iterator<Item = &TimetableRow> {
        self.rows.iter().filter(|r| !r.cancelled)
    }
}

impl Timetable {
    /// The timetable of `week`, marking fora in the error findings of `report`.
    pub fn new(week: &Week, report: &Report, language: Language, selection: &Selection) -> Self {
        let errors = report.errors_by_forum();
        let mut rows: Vec<TimetableRow> = Vec::new();
        let mut unscheduled = Vec::new();
        for forum in &week.fora {
            if selection
                .room
                .as_ref()
                .is_some_and(|room| forum.room.as_ref() != Some(room))
            {
                continue;
            }
            let Some((start, end)) = week.placement(forum).interval() else {
                if forum.start.is_none() && forum.status.takes_place() {
                    unscheduled.push(forum.title.clone());
                }
                continue;
            };
            if selection.day.is_some_and(|day| start.date_naive() != day) {
                continue;
            }
            let room = forum.room.as_deref().unwrap_or_default();
            let cancelled = !forum.status.takes_place();
            rows.push(TimetableRow {
                id: forum.id.clone(),
                start,
                end,
                minutes: forum.duration.minutes(),
                title: if cancelled {
                    language.words().cancelled_title(&forum.title)
                } else {
                    forum.title.clone()
                },
                cancelled,
                format: forum.format.clone().unwrap_or_default(),
                room: week
                    .room(room)
                    .map_or_else(|| room.to_owned(), |r| r.name.clone()),
                speakers: forum.speakers.iter().map(|s| s.trim().to_owned()).collect(),
                errors: errors.get(forum.id.as_str()).cloned().unwrap_or_default(),
            });
        }
        // Stable: fora that start together keep the order the organisers gave them.
        rows.sort_by_key(|row| row.start);
        let rows_marked = rows.iter().any(|r| !r.errors.is_empty());
        let mut dates: Vec<NaiveDate> = match selection.day {
            Some(day) => vec![day],
            None => week.days().collect(),
        };
        dates.extend(rows.iter().map(|r| r.start.date_naive()));
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
                while let Some(row) = rows.next_if(|r| r.start.date_naive() == date) {
                    day.rows.push(row);
                }
                day
            })
            .collect();
        Timetable {
            language,
            name: week.name.clone(),
            show_room: week.rooms.is_some(),
            days,
            unscheduled,
            marked: rows_marked,
        }
    }

    /// How many fora it shows.
    pub fn fora(&self) -> usize {
        self.days.iter().map(|d| d.taking_place().count()).sum()
    }

    /// Their programme minutes.
    pub fn minutes(&self) -> u64 {
        self.days.iter().map(TimetableDay::minutes).sum()
    }

    /// The column headings of the terminal and Markdown tables.
    fn headings(&self) -> Vec<&'static str> {
        let words = self.language.words();
        let mut headings = vec![words.time, words.title, words.format];
        if self.show_room {
            headings.push(words.room);
        }
        headings.push(words.speakers);
        if self.marked {
            headings.push("");
        }
        headings
    }

    /// The cells of one row of the terminal and Markdown tables, in the order of [`Self::headings`].
    fn cells(&self, row: &TimetableRow) -> Vec<String> {
        let mut cells = vec![row.time_range(), row.title.clone(), row.format.clone()];
        if self.show_room {
            cells.push(row.room.clone());
        }
        cells.push(row.speakers.join(", "));
        if self.marked {
            cells.push(if row.errors.is_empty() { "" } else { "✗" }.to_owned());
        }
        cells
    }
}

/// A comfy-table of one day, shared by the terminal and Markdown exporters.
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
