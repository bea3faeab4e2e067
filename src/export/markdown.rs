//! The timetable as Markdown, for a programme web page.

use std::io::{self, Write};

use comfy_table::presets::ASCII_MARKDOWN;

use super::{Exporter, Timetable, day_table};

/// A heading and a table a day, each closed by its totals in italics.
pub struct MarkdownExporter;

impl Exporter for MarkdownExporter {
    fn write(&self, timetable: &Timetable, out: &mut dyn Write) -> io::Result<()> {
        let words = &timetable.words;
        writeln!(out, "# {}", text(&timetable.name))?;
        for day in &timetable.days {
            writeln!(out)?;
            writeln!(out, "## {}", timetable.heading(day.date))?;
            writeln!(out)?;
            if day.rows.is_empty() {
                writeln!(out, "{}", words.no_fora)?;
                continue;
            }
            writeln!(out, "{}", day_table(timetable, day, ASCII_MARKDOWN, text))?;
            if timetable.day_totals() {
                writeln!(out)?;
                writeln!(
                    out,
                    "*{}*",
                    timetable.total(day.taking_place().count(), day.minutes())
                )?;
            }
        }
        writeln!(out)?;
        if !timetable.unscheduled.is_empty() {
            let titles: Vec<_> = timetable.unscheduled.iter().map(|t| text(t)).collect();
            writeln!(out, "{}: {}", words.unscheduled, titles.join(", "))?;
            writeln!(out)?;
        }
        for line in timetable.legend() {
            // The catalogue's own Markdown (`fora check`).
            writeln!(out, "{line}")?;
            writeln!(out)?;
        }
        writeln!(
            out,
            "**{}**",
            timetable.total(timetable.fora(), timetable.minutes())
        )
    }
}

/// Text that Markdown shows as written: no markup, no line breaks, no pipe ending a table cell.
fn text(value: &str) -> String {
    let mut escaped = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' => {
                escaped.push('\\');
                escaped.push(c);
            }
            '\r' | '\n' => escaped.push(' '),
            c => escaped.push(c),
        }
    }
    escaped
}
