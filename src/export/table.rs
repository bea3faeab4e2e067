//! The timetable as tables for the terminal.

use std::io::{self, Write};

use comfy_table::ContentArrangement;
use comfy_table::presets::UTF8_FULL_CONDENSED;

use super::{Exporter, Timetable, day_table};

/// One table a day, each closed by its totals, and the week's totals last.
pub struct TableExporter;

impl Exporter for TableExporter {
    fn write(&self, timetable: &Timetable, out: &mut dyn Write) -> io::Result<()> {
        let words = &timetable.words;
        writeln!(out, "{}", timetable.name)?;
        for day in &timetable.days {
            writeln!(out)?;
            writeln!(out, "{}", timetable.heading(day.date))?;
            if day.rows.is_empty() {
                writeln!(out, "{}", words.no_fora)?;
                continue;
            }
            let mut table = day_table(timetable, day, UTF8_FULL_CONDENSED, str::to_owned);
            // Wraps to the terminal's width; piped output is never wrapped.
            table.set_content_arrangement(ContentArrangement::Dynamic);
            writeln!(out, "{table}")?;
            writeln!(
                out,
                "{}",
                timetable.total(day.taking_place().count(), day.minutes())
            )?;
        }
        writeln!(out)?;
        if !timetable.unscheduled.is_empty() {
            writeln!(
                out,
                "{}: {}",
                words.unscheduled,
                timetable.unscheduled.join(", ")
            )?;
        }
        if timetable.marked {
            writeln!(out, "{}", words.mark_legend)?;
        }
        writeln!(
            out,
            "{}",
            timetable.total(timetable.fora(), timetable.minutes())
        )
    }
}
