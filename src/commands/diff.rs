//! `fora diff`: what changed for attendees between two versions of a week.

use std::path::PathBuf;

use super::Listing;
use crate::model::Language;
use crate::{Error, ExitCode, diff as changes, output};

/// What `fora diff` is asked.
#[derive(Clone, Debug)]
pub struct DiffOptions {
    /// The week as it was published.
    pub old: PathBuf,
    /// The week as it is now.
    pub new: PathBuf,
    /// A table or JSON.
    pub format: Listing,
    /// The language of the table (the calendars compared are each in their own).
    pub language: Option<Language>,
}

/// Prints the changes; exits with 1 when something changed for attendees.
pub fn diff(options: &DiffOptions) -> Result<ExitCode, Error> {
    let old = super::load(&options.old)?;
    let new = super::load(&options.new)?;
    // Each calendar in the language `fora ics` would write it in.
    let (old_language, new_language) = (
        Language::resolve(None, old.language),
        Language::resolve(None, new.language),
    );
    let found = changes::diff_in(&old, old_language, &new, new_language);
    let language = Language::resolve(options.language, new.language);
    output::write_to("-".as_ref(), |out| match options.format {
        Listing::Table => changes::write_table(&found, language, out),
        Listing::Json => changes::write_json(&found, out),
    })?;
    Ok(if found.is_empty() {
        ExitCode::Clean
    } else {
        ExitCode::Findings
    })
}
