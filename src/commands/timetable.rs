//! `fora timetable`: the programme as tables, Markdown or CSV.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::check::{Options, check_with};
use crate::export::{Format, Timetable};
use crate::model::Language;
use crate::{Error, ExitCode, output};

/// What `fora timetable` is asked.
#[derive(Clone, Debug)]
pub struct TimetableOptions {
    /// The week file.
    pub file: PathBuf,
    /// The language of dates and totals.
    pub language: Option<Language>,
    /// Only this day.
    pub day: Option<NaiveDate>,
    /// Only this room.
    pub room: Option<String>,
    /// The format.
    pub format: Format,
}

/// Writes the timetable to standard output; exits with 1 when the week has errors.
pub fn timetable(options: &TimetableOptions) -> Result<ExitCode, Error> {
    let week = super::load(&options.file)?;
    let language = Language::resolve(options.language, week.language);
    let selection = super::selection(&week, options.day, options.room.as_deref())?;
    // The marks need only which fora take part in errors: counting is enough.
    let report = check_with(&week, Options::COUNTS);
    let timetable = Timetable::new(&week, &report, language, &selection);
    output::write_to("-".as_ref(), |out| {
        options.format.exporter().write(&timetable, out)
    })?;
    Ok(super::noted(&report, &options.file, language))
}
