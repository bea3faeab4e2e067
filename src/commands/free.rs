//! `fora free`: where a forum of a given length fits.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::Listing;
use std::io::Write;

use crate::model::{Duration, Language, Week};
use crate::text::t;
use crate::{Error, ExitCode, free as slots, output, report};

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
    /// Only where these speakers are all free.
    pub speakers: Vec<String>,
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
    let speakers: Vec<&str> = options
        .speakers
        .iter()
        .map(|name| name.trim())
        .filter(|name| !name.is_empty())
        .collect();
    note_unknown_speakers(&week, &speakers, language);
    let found = slots::free(
        &week,
        options.duration,
        options.day,
        options.room.as_deref(),
        &speakers,
    );
    output::write_to("-".as_ref(), |out| match options.format {
        Listing::Table => {
            slots::write_table(&week, &found, options.duration, &speakers, language, out)
        }
        Listing::Json => slots::write_json(&found, out),
    })?;
    Ok(ExitCode::Clean)
}

/// A speaker no forum has may be new, or a typo that would make every slot look free: a
/// note names the closest speaker the week has, when one is close.
fn note_unknown_speakers(week: &Week, speakers: &[&str], language: Language) {
    let known: Vec<&str> = week.fora.iter().flat_map(crate::view::speakers).collect();
    let same = |a: &str, b: &str| crate::view::folded(a).eq(crate::view::folded(b));
    for name in speakers {
        if known.iter().any(|k| same(k, name)) {
            continue;
        }
        if let Some(closest) = crate::suggest::closest(name, known.iter().copied()) {
            let (style, label) = report::label(crate::Severity::Warning, language);
            let said = t!(
                language,
                "free-unknown-speaker",
                name = (*name),
                closest = closest
            );
            let _ = writeln!(anstream::stderr(), "{style}{label}{style:#}: {said}");
        }
    }
}
