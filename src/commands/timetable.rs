//! `fora timetable`: the programme as tables, Markdown or CSV.

use std::path::PathBuf;

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
    /// Which fora.
    pub filter: super::Filter,
    /// The format.
    pub format: Format,
    /// How wide the terminal table may be; `None`: the terminal's width on a terminal, else
    /// as wide as it needs.
    pub width: Option<usize>,
}

/// Writes the timetable to standard output; exits with 1 when the week has errors.
pub fn timetable(options: &TimetableOptions) -> Result<ExitCode, Error> {
    let week = super::load(&options.file)?;
    let language = Language::resolve(options.language, week.language);
    let selection = super::selected(&week, &options.filter, "--forum-format")?;
    // The marks need only which fora take part in errors: counting is enough.
    let report = check_with(&week, Options::COUNTS);
    let mut timetable = Timetable::new(&week, &report, language, &selection);
    timetable.width = options.width.or_else(output::terminal_width);
    output::write_to("-".as_ref(), |out| {
        options.format.exporter().write(&timetable, out)
    })?;
    Ok(super::noted(&report, &options.file, language))
}
