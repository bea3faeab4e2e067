//! The timetable as tables for the terminal, and the table layout `fora list` shares: cells
//! wrapped at spaces to fit a width, never inside a word.

use std::io::{self, Write};

use comfy_table::ContentArrangement;
use comfy_table::presets::UTF8_FULL_CONDENSED;

use super::{Exporter, Timetable};

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
            let rows = day.rows.iter().map(|row| timetable.cells(row)).collect();
            // The time is kept whole: it is what a reader scans for.
            let table = fitted(timetable.headings(), rows, timetable.width, &[0]);
            writeln!(out, "{table}")?;
            if timetable.day_totals() {
                writeln!(
                    out,
                    "{}",
                    timetable.total(day.taking_place().count(), day.minutes())
                )?;
            }
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
        for line in timetable.legend() {
            writeln!(out, "{line}")?;
        }
        writeln!(
            out,
            "{}",
            timetable.total(timetable.fora(), timetable.minutes())
        )
    }
}

/// A terminal table of these rows, at most `width` characters wide when given: each cell is
/// wrapped at spaces; a word too long for its column ends the cell, cut with `…`. The
/// columns `whole` (an id, a time) are never wrapped, the others share what room is left.
pub(crate) fn fitted<S: AsRef<str>>(
    headings: Vec<S>,
    rows: Vec<Vec<String>>,
    width: Option<usize>,
    whole: &[usize],
) -> comfy_table::Table {
    let headings: Vec<&str> = headings.iter().map(AsRef::as_ref).collect();
    let mut table = comfy_table::Table::new();
    table.load_preset(UTF8_FULL_CONDENSED);
    // fora wraps the cells itself; comfy-table would break words.
    table.set_content_arrangement(ContentArrangement::Disabled);
    let columns = column_widths(&headings, &rows, width, whole);
    let wrap = |cells: &mut dyn Iterator<Item = &str>| -> Vec<String> {
        cells
            .zip(&columns)
            .map(|(cell, &w)| wrap(cell, w).join("\n"))
            .collect()
    };
    table.set_header(wrap(&mut headings.iter().copied()));
    for row in &rows {
        table.add_row(wrap(&mut row.iter().map(String::as_str)));
    }
    table
}

/// How wide each column's text may be for the table to be at most `width` wide (borders and
/// padding take three characters a column, and one; below four a column and one, no table
/// fits): the columns `whole` as wide as their text, when the others keep a character
/// each; each other column as wide as its text when that fits; else each at least as wide
/// as its longest word, when that fits, the rest shared out evenly; else the room shared
/// out evenly.
fn column_widths(
    headings: &[&str],
    rows: &[Vec<String>],
    width: Option<usize>,
    whole: &[usize],
) -> Vec<usize> {
    let cells =
        |c: usize| std::iter::once(headings[c]).chain(rows.iter().map(move |r| r[c].as_str()));
    let count = |text: &str| text.chars().count();
    let natural: Vec<usize> = (0..headings.len())
        .map(|c| cells(c).flat_map(str::lines).map(count).max().unwrap_or(0))
        .collect();
    let Some(width) = width else {
        return natural;
    };
    let kept: usize = whole.iter().map(|&c| natural[c]).sum();
    let others: Vec<usize> = (0..headings.len()).filter(|c| !whole.contains(c)).collect();
    if !whole.is_empty() && 3 * headings.len() + 1 + kept + others.len() > width {
        // Too narrow to keep them whole and show a character of every other: none is.
        return column_widths(headings, rows, Some(width), &[]);
    }
    let room = width.saturating_sub(3 * headings.len() + 1 + kept);
    let wanted = |c: &usize| natural[*c];
    if others.iter().map(wanted).sum::<usize>() <= room {
        return natural;
    }
    let words: Vec<usize> = others
        .iter()
        .map(|&c| {
            cells(c)
                .flat_map(str::split_whitespace)
                .map(count)
                .max()
                .unwrap_or(0)
        })
        .collect();
    let shared = if words.iter().sum::<usize>() <= room {
        let left = room - words.iter().sum::<usize>();
        let natural: Vec<usize> = others.iter().map(wanted).collect();
        share(words, &natural, left)
    } else {
        // Every column keeps at least one character: the ellipsis.
        let left = room.saturating_sub(others.len());
        share(vec![1; others.len()], &words, left)
    };
    let mut widths = natural;
    for (c, w) in others.into_iter().zip(shared) {
        widths[c] = w;
    }
    widths
}

/// `widths` grown by `left` characters in turns, one a column, each up to its `most`.
fn share(mut widths: Vec<usize>, most: &[usize], mut left: usize) -> Vec<usize> {
    while left > 0 {
        let mut grown = false;
        for (w, &most) in widths.iter_mut().zip(most) {
            if left > 0 && *w < most {
                *w += 1;
                left -= 1;
                grown = true;
            }
        }
        if !grown {
            break;
        }
    }
    widths
}

/// `text` in lines of at most `width` characters, broken at spaces (and where it breaks
/// already); a word longer than a line ends it, cut with `…`.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let (used, length) = (line.chars().count(), word.chars().count());
            if used > 0 && used + 1 + length <= width {
                line.push(' ');
                line.push_str(word);
                continue;
            }
            if used > 0 {
                lines.push(std::mem::take(&mut line));
            }
            if length <= width {
                line.push_str(word);
            } else {
                let cut: String = word.chars().take(width - 1).collect();
                lines.push(format!("{cut}…"));
                return lines;
            }
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_and_cuts_a_word_too_long() {
        assert_eq!(
            wrap("Engagierte gewinnen und halten", 12),
            ["Engagierte", "gewinnen und", "halten"]
        );
        assert_eq!(
            wrap("Ein Engagementförderungsprogramm hier", 10),
            ["Ein", "Engagemen…"]
        );
        assert!(wrap("", 5).is_empty());
        assert_eq!(wrap("abc", 1), ["…"]);
    }

    #[test]
    fn columns_keep_their_words_when_the_room_allows() {
        let rows = vec![vec![
            "10:00–11:30".to_owned(),
            "Engagierte gewinnen und halten".to_owned(),
        ]];
        // 7 of 30 go to borders and padding.
        let widths = |width| column_widths(&["Zeit", "Titel"], &rows, width, &[]);
        assert_eq!(widths(Some(30)), [11, 12]);
        assert_eq!(widths(None), [11, 30]);
        assert_eq!(widths(Some(17)), [5, 5]);
        // A column kept whole leaves the rest to the others.
        let kept = |width| column_widths(&["Zeit", "Titel"], &rows, Some(width), &[0]);
        assert_eq!(kept(19), [11, 1]);
        // Too narrow for that: the time is shared out as well.
        assert_eq!(kept(18), [6, 5]);
    }
}
