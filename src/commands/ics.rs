//! `fora ics`: calendar files for attendees.

use std::fs;
use std::io::{self, Write};
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::check::{Options as CheckOptions, check_with};
use crate::export::ics::{self, Calendar, Changes, previous::Previous};
use crate::model::{Duration, Language, Week};
use crate::text::t;
use crate::{Error, ExitCode, known, output, report};

/// What `fora ics` is asked.
#[derive(Clone, Debug)]
pub struct IcsOptions {
    /// The week file.
    pub file: PathBuf,
    /// Where the calendar goes (`-` for standard output).
    pub output: PathBuf,
    /// One calendar a forum into this folder instead.
    pub split: Option<PathBuf>,
    /// Only these fora.
    pub only: Vec<String>,
    /// Only the fora that start on this day.
    pub day: Option<NaiveDate>,
    /// Only the fora in this room.
    pub room: Option<String>,
    /// A reminder this long before each forum.
    pub alarm: Option<Duration>,
    /// How often subscribed clients fetch the calendar again.
    pub refresh: Duration,
    /// The calendar published before.
    pub previous: Option<PathBuf>,
    /// The language of the calendar's words and of messages.
    pub language: Option<Language>,
    /// The calendar's name [default: the week's; "<week> – Auswahl" for a selection].
    pub name: Option<String>,
}

/// Writes the calendars; says on standard error what became of the previous one's events.
/// Exits with 1 when the week has errors (the calendars are written all the same).
pub fn ics(options: &IcsOptions) -> Result<ExitCode, Error> {
    let week = super::load(&options.file)?;
    let language = Language::resolve(options.language, week.language);
    let selection = super::selection(&week, options.day, options.room.as_deref())?;
    let only = known::fora(&week, &options.only).map_err(|e| Error::value("--only", e))?;
    let fora = ics::chosen(&week, language, &only, &selection);
    let previous = options
        .previous
        .as_ref()
        .map(|path| match Previous::read(path) {
            Err(Error::Read { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
                Err(Error::NoPrevious(path.clone()))
            }
            other => other,
        })
        .transpose()?;
    let selected = !only.is_empty() || selection.day.is_some() || selection.room.is_some();
    let name = match &options.name {
        Some(name) => Some(name.clone()),
        None => selected.then(|| ics::selection_name(&week, language)),
    };
    let calendar_options = ics::Options {
        refresh: options.refresh,
        alarm: options.alarm,
        name,
    };
    let changes = {
        let calendar = Calendar::new(&week, language, fora, &calendar_options, previous.as_ref());
        write(&calendar, options)?
    };
    if previous.is_some() {
        note_changes(&week, changes, language);
    }
    // The checker only chooses the exit code here: it counts, lists nothing, and runs once
    // the calendar's memory is given back.
    let report = check_with(&week, CheckOptions::COUNTS);
    Ok(super::noted(&report, &options.file, language))
}

/// Writes the calendar to its file, or one a forum into the `--split` folder.
fn write(calendar: &Calendar, options: &IcsOptions) -> Result<Changes, Error> {
    let mut changes = Changes::default();
    match &options.split {
        None => output::write_to(&options.output, |out| {
            changes = calendar.write(out)?;
            Ok(())
        })?,
        Some(folder) => {
            fs::create_dir_all(folder).map_err(|source| Error::Write {
                path: folder.clone(),
                source,
            })?;
            for (name, calendar) in calendar.split() {
                output::write_to(&folder.join(format!("{name}.ics")), |out| {
                    changes += calendar.write(out)?;
                    Ok(())
                })?;
            }
        }
    }
    Ok(changes)
}

/// What `--previous` did, on standard error: organisers publish on the strength of it.
fn note_changes(week: &Week, changes: Changes, language: Language) {
    let Changes {
        new,
        changed,
        unchanged,
        gone,
    } = changes;
    let mut stderr = anstream::stderr();
    let said = t!(
        language,
        "said-published",
        new = new,
        changed = changed,
        gone = gone,
        unchanged = unchanged
    );
    let _ = writeln!(stderr, "{said}");
    if changed + gone > 0 && week.updated.is_none() {
        let (style, label) = report::label(crate::Severity::Warning, language);
        let said = t!(language, "note-no-updated");
        let _ = writeln!(stderr, "{style}{label}{style:#}: {said}");
    }
}
