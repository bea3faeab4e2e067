//! The timetable as CSV, one row a forum, for a spreadsheet.

use std::io::{self, Write};

use super::{Exporter, Timetable};

/// A header row, then one row a forum with date, start, end and minutes in columns of their own.
pub struct CsvExporter;

impl Exporter for CsvExporter {
    fn write(&self, timetable: &Timetable, out: &mut dyn Write) -> io::Result<()> {
        let words = &timetable.words;
        let mut writer = csv::Writer::from_writer(out);
        let mut header = vec![
            &words.date,
            &words.start,
            &words.end,
            &words.minutes,
            &words.title,
            &words.format,
        ];
        if timetable.show_room {
            header.push(&words.room);
        }
        header.extend([&words.speakers, &words.errors]);
        writer.write_record(header).map_err(io_error)?;
        for row in timetable.days.iter().flat_map(|d| &d.rows) {
            let mut record = vec![
                row.start().format("%Y-%m-%d").to_string(),
                row.start().format("%H:%M").to_string(),
                row.end().format("%H:%M").to_string(),
                row.minutes().to_string(),
                row.title.clone(),
                row.format.clone(),
            ];
            if timetable.show_room {
                record.push(row.room.clone());
            }
            record.push(row.speakers.join("; "));
            record.push(
                row.errors
                    .iter()
                    .map(|k| k.name())
                    .collect::<Vec<_>>()
                    .join(" "),
            );
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
