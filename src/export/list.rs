//! The fora of a week one a line, each with its id: what `fora list` shows, so that an
//! organiser finds the id `move`, `set`, `cancel`, `rm` and `ics --only` take.

use std::io::{self, Write};

use serde::Serialize;

use super::{Selection, Words, marks, table};
use crate::check::{KindSet, Report};
use crate::model::{Language, Status, Week};
use crate::text::{DateStyle, t};
use crate::view::{ForumView, View};

/// The fora a selection shows, in start order (those that start together in file order),
/// those without a start last.
#[derive(Debug)]
pub struct List<'w> {
    /// The language of headings and times.
    pub language: Language,
    /// The fixed words (headings, marks).
    pub words: Words,
    /// Whether the week declares rooms (and so the room column is shown).
    pub show_room: bool,
    /// The fora.
    pub rows: Vec<ListRow<'w>>,
}

/// One forum of a list.
#[derive(Debug)]
pub struct ListRow<'w> {
    /// What attendees see of it.
    pub shown: ForumView<'w>,
    /// The kinds of findings it takes part in.
    pub kinds: KindSet,
}

/// One forum of `fora list --output json`.
#[derive(Serialize)]
struct Entry<'a> {
    id: &'a str,
    title: &'a str,
    status: &'static str,
    /// The local start with its offset, `2020-06-23T10:00:00+02:00`; null without a start.
    start: Option<String>,
    end: Option<String>,
    /// The room's id.
    room: Option<&'a str>,
    speakers: Vec<&'a str>,
    format: Option<&'a str>,
    /// The join link: its own, else its room's.
    link: Option<&'a str>,
    /// The kinds of findings it takes part in (`room-overlap`).
    findings: Vec<&'static str>,
}

impl<'w> List<'w> {
    /// The fora of `week` that `selection` shows, with the kinds of findings of `report`.
    pub fn new(week: &'w Week, report: &Report, language: Language, selection: &Selection) -> Self {
        let view = View::new(week, language);
        let mut rows: Vec<ListRow<'w>> = week
            .fora
            .iter()
            .enumerate()
            .map(|(index, forum)| ListRow {
                shown: view.forum(forum),
                kinds: report.marks(index),
            })
            .filter(|row| selection.shows(&row.shown))
            .collect();
        // Stable: fora that start together keep the order of the file.
        rows.sort_by_key(|row| (row.shown.when.is_none(), row.shown.when.map(|w| w.start)));
        Self {
            language,
            words: Words::new(language),
            show_room: week.rooms.is_some(),
            rows,
        }
    }

    /// One id a line, for scripts.
    pub fn write_ids(&self, out: &mut dyn Write) -> io::Result<()> {
        for row in &self.rows {
            writeln!(out, "{}", row.shown.forum.id)?;
        }
        Ok(())
    }

    /// One JSON array of the fora.
    pub fn write_json(&self, out: &mut dyn Write) -> io::Result<()> {
        let entries: Vec<Entry> = self
            .rows
            .iter()
            .map(|row| {
                let (shown, forum) = (&row.shown, row.shown.forum);
                Entry {
                    id: &forum.id,
                    title: &forum.title,
                    status: forum.status.code(),
                    start: shown.when.map(|w| w.start.to_rfc3339()),
                    end: shown.when.map(|w| w.end.to_rfc3339()),
                    room: forum.room.as_deref(),
                    speakers: shown.speakers().collect(),
                    format: shown.format,
                    link: shown.link,
                    findings: row.kinds.iter().map(|k| k.name()).collect(),
                }
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &entries)?;
        writeln!(out)
    }

    /// A table of the fora, at most `width` wide when given, then what its marks mean and
    /// how many fora it shows.
    pub fn write_table(&self, out: &mut dyn Write, width: Option<usize>) -> io::Result<()> {
        let l = self.language;
        if self.rows.is_empty() {
            return writeln!(out, "{}", t!(l, "list-none"));
        }
        let tentative = self
            .rows
            .iter()
            .any(|r| r.shown.status == Status::Tentative);
        let errors = self.rows.iter().any(|r| r.kinds.has_errors());
        let words = &self.words;
        let mut headings = vec![t!(l, "column-id"), words.time.clone()];
        if self.show_room {
            headings.push(words.room.clone());
        }
        headings.extend([words.title.clone(), words.speakers.clone()]);
        if tentative || errors {
            headings.push(String::new());
        }
        let rows = self
            .rows
            .iter()
            .map(|row| {
                let shown = &row.shown;
                let mut cells = vec![
                    shown.forum.id.clone(),
                    shown.when.map_or_else(
                        || t!(l, "list-unscheduled"),
                        |w| w.range(l, Some(DateStyle::WeekdayShort)),
                    ),
                ];
                if self.show_room {
                    cells.push(shown.room.unwrap_or_default().to_owned());
                }
                cells.push(shown.title.clone().into_owned());
                cells.push(shown.speakers().collect::<Vec<_>>().join(", "));
                if tentative || errors {
                    cells.push(marks(words, shown.status, row.kinds.has_errors()));
                }
                cells
            })
            .collect();
        // The id is what the list is for: it is never wrapped or cut.
        writeln!(out, "{}", table::fitted(headings, rows, width, &[0]))?;
        if tentative {
            writeln!(out, "{}", words.tentative_legend)?;
        }
        if errors {
            writeln!(out, "{}", words.mark_legend)?;
        }
        writeln!(out, "{}", t!(l, "count-fora", fora = self.rows.len()))
    }
}
