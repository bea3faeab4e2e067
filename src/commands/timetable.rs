//! `fora timetable`: the programme as tables, Markdown, CSV or an Excel workbook.

use std::path::PathBuf;

use crate::check::{Options, check_with};
use crate::error::ValueError;
use crate::export::{Dialect, Format, Timetable};
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
    /// The dialect of CSV [default: that of the language].
    pub csv_dialect: Option<Dialect>,
    /// Where it goes (`-` for standard output).
    pub output: PathBuf,
    /// How wide the terminal table may be; `None`: the terminal's width on a terminal, else
    /// as wide as it needs.
    pub width: Option<usize>,
}

/// Writes the timetable to standard output or its file; exits with 1 when the week has errors.
pub fn timetable(options: &TimetableOptions) -> Result<ExitCode, Error> {
    // A workbook is bytes, not text: a terminal would show junk, and a pipe is a guess.
    if options.format.is_binary() && options.output.as_os_str() == "-" {
        return Err(Error::value("--format xlsx", ValueError::NeedsFile));
    }
    let week = super::load(&options.file)?;
    let language = Language::resolve(options.language, week.language);
    let selection = super::selected(&week, &options.filter, "--forum-format")?;
    // The marks need only which fora take part in errors: counting is enough.
    let report = check_with(&week, Options::COUNTS);
    let mut timetable = Timetable::new(&week, &report, language, &selection);
    timetable.width = options.width.or_else(output::terminal_width);
    output::write_to(&options.output, |out| {
        options
            .format
            .exporter_with(options.csv_dialect)
            .write(&timetable, out)
    })?;
    Ok(super::noted(&report, &options.file, language))
}
