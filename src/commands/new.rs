//! `fora new`: a week file without fora.

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::edit::{self, NewWeek};
use crate::model::{DayTime, Language};
use crate::text::{self, DateStyle, t};
use crate::{Error, ExitCode};

/// What `fora new` is asked.
#[derive(Clone, Debug)]
pub struct NewOptions {
    /// The file to create.
    pub file: PathBuf,
    /// The week's name.
    pub name: String,
    /// Its first day.
    pub start: NaiveDate,
    /// Its last day; the first, for a one-day event.
    pub end: Option<NaiveDate>,
    /// Its IANA zone.
    pub timezone: String,
    /// The language of its output, written into the file; else the environment's, else English.
    pub week_language: Option<Language>,
    /// The day's window written into its rules.
    pub day: (DayTime, DayTime),
    /// Replace the file if it exists.
    pub force: bool,
    /// The language of this command's messages.
    pub language: Option<Language>,
}

/// Creates the file and says so.
pub fn new(options: &NewOptions) -> Result<ExitCode, Error> {
    let week_language = Language::resolve(options.week_language, None);
    let new = NewWeek {
        name: options.name.clone(),
        timezone: options.timezone.clone(),
        start: options.start,
        end: options.end.unwrap_or(options.start),
        language: week_language,
        day: options.day,
    };
    let week = edit::create(&options.file, &new, options.force, edit::now()?)?;
    let l = Language::resolve(options.language, week.language);
    let said = t!(
        l,
        "said-created",
        file = options.file.display().to_string(),
        name = week.name.as_str(),
        start = text::date(l, week.start, DateStyle::Numeric),
        end = text::date(l, week.end, DateStyle::Numeric),
        zone = week.timezone.name(),
        id = week.id.clone().unwrap_or_default()
    );
    let _ = writeln!(std::io::stdout(), "{said}");
    Ok(ExitCode::Clean)
}
