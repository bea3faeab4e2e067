//! `fora free`: where a forum of a given length fits.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::Listing;
use crate::model::{Duration, Language};
use crate::{Error, ExitCode, free as slots, output};

/// What `fora free` is asked.
#[derive(Clone, Debug)]
pub struct FreeOptions {
    /// The week file.
    pub file: PathBuf,
    /// How long the forum runs.
    pub duration: Duration,
    /// Only this day.
    pub day: Option<NaiveDate>,
    /// Only this room.
    pub room: Option<String>,
    /// A table or JSON.
    pub format: Listing,
    /// The language of the table.
    pub language: Option<Language>,
}

/// Prints the free slots; exits with 0 whenever the week could be read.
pub fn free(options: &FreeOptions) -> Result<ExitCode, Error> {
    let week = super::load(&options.file)?;
    let language = Language::resolve(options.language, week.language);
    super::selection(&week, options.day, options.room.as_deref())?;
    let found = slots::free(
        &week,
        options.duration,
        options.day,
        options.room.as_deref(),
    );
    output::write_to("-".as_ref(), |out| match options.format {
        Listing::Table => slots::write_table(&week, &found, options.duration, language, out),
        Listing::Json => slots::write_json(&found, out),
    })?;
    Ok(ExitCode::Clean)
}
