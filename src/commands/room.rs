//! `fora room list`: the week's rooms, each with how many fora are in it.

use std::io::{self, Write};
use std::path::PathBuf;

use comfy_table::ContentArrangement;
use comfy_table::presets::UTF8_FULL_CONDENSED;
use serde::Serialize;

use super::Listing;
use crate::model::{Language, Week};
use crate::text::t;
use crate::{Error, ExitCode, output};

/// What `fora room list` is asked.
#[derive(Clone, Debug)]
pub struct RoomListOptions {
    /// The week file.
    pub file: PathBuf,
    /// A table or JSON.
    pub format: Listing,
    /// The language of the table.
    pub language: Option<Language>,
}

/// One room as `fora room list --format json` writes it.
#[derive(Clone, Debug, Serialize)]
pub struct RoomRow<'w> {
    /// Its id.
    pub id: &'w str,
    /// The name attendees see.
    pub name: &'w str,
    /// How many people fit, when the file says.
    pub capacity: Option<u64>,
    /// Its join link, when it has one.
    pub url: Option<&'w str>,
    /// How many fora name it (cancelled ones too: they keep their room).
    pub fora: usize,
}

/// The week's rooms in file order, each with its fora counted.
pub fn rows(week: &Week) -> Vec<RoomRow<'_>> {
    let mut counts: rustc_hash::FxHashMap<&str, usize> = Default::default();
    for forum in &week.fora {
        if let Some(room) = &forum.room {
            *counts.entry(room.as_str()).or_default() += 1;
        }
    }
    week.rooms
        .as_deref()
        .unwrap_or_default()
        .iter()
        .map(|room| RoomRow {
            id: &room.id,
            name: &room.name,
            capacity: room.capacity,
            url: room.url.as_deref(),
            fora: counts.get(room.id.as_str()).copied().unwrap_or(0),
        })
        .collect()
}

/// Prints the rooms; exits with 0 whenever the week could be read.
pub fn room_list(options: &RoomListOptions) -> Result<ExitCode, Error> {
    let week = super::load(&options.file)?;
    let l = Language::resolve(options.language, week.language);
    let rows = rows(&week);
    output::write_to("-".as_ref(), |out| match options.format {
        Listing::Table => write_table(&week, &rows, l, out),
        Listing::Json => {
            serde_json::to_writer_pretty(&mut *out, &rows)?;
            writeln!(out)
        }
    })?;
    Ok(ExitCode::Clean)
}

fn write_table(week: &Week, rows: &[RoomRow], l: Language, out: &mut dyn Write) -> io::Result<()> {
    if rows.is_empty() {
        return writeln!(out, "{}", t!(l, "room-none", week = week.name.as_str()));
    }
    let mut table = comfy_table::Table::new();
    table.load_preset(UTF8_FULL_CONDENSED);
    // Wraps to the terminal's width, as the timetable does; piped output is never wrapped.
    table.set_content_arrangement(ContentArrangement::Dynamic);
    table.set_header([
        t!(l, "room-column-id"),
        t!(l, "room-column-name"),
        t!(l, "room-column-capacity"),
        t!(l, "room-column-link"),
        t!(l, "room-column-fora"),
    ]);
    for row in rows {
        table.add_row([
            row.id.to_owned(),
            row.name.to_owned(),
            row.capacity
                .map(|c| crate::text::number(l, c as f64))
                .unwrap_or_default(),
            row.url.unwrap_or_default().to_owned(),
            row.fora.to_string(),
        ]);
    }
    for column in [2, 4] {
        if let Some(column) = table.column_mut(column) {
            column.set_cell_alignment(comfy_table::CellAlignment::Right);
        }
    }
    writeln!(out, "{table}")?;
    writeln!(out, "{}", t!(l, "room-total", rooms = rows.len()))
}
