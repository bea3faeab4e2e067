//! The commands, each a function of typed options that reads the week, does its job, writes
//! its output and says which exit code it ends with. The command line (`cli`) only turns
//! flags into these options; `run` only dispatches.

mod check;
mod diff;
mod edit;
mod free;
mod ics;
mod new;
mod registrations;
mod timetable;

use std::io::Write;
use std::path::Path;

pub use check::{CheckOptions, ReportFormat, check};
pub use diff::{DiffOptions, diff};
pub use edit::{Change, EditOptions, edit, said_in};
pub use free::{FreeOptions, free};
pub use ics::{IcsOptions, ics};
pub use new::{NewOptions, new};
pub use registrations::{RegistrationsOptions, registrations};
pub use timetable::{TimetableOptions, timetable};

use crate::check::Report;
use crate::model::{Language, Week};
use crate::text::t;
use crate::{Error, ExitCode, report};

/// How a list is printed: a table for people or JSON for scripts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Listing {
    /// A table for people.
    #[default]
    Table,
    /// One JSON document.
    Json,
}

/// Reads the week file at `path`.
fn load(path: &Path) -> Result<Week, Error> {
    Week::load(path)
}

/// `--day` and `--room` checked against the week: a day of it (or one a forum starts on),
/// a room it declares.
fn selection(
    week: &Week,
    day: Option<chrono::NaiveDate>,
    room: Option<&str>,
) -> Result<crate::export::Selection, Error> {
    let day = day
        .map(|day| crate::known::day(week, day))
        .transpose()
        .map_err(|e| Error::value("--day", e))?;
    if let Some(room) = room {
        crate::known::room(week, room).map_err(|e| Error::value("--room", e))?;
    }
    Ok(crate::export::Selection {
        day,
        room: room.map(str::to_owned),
    })
}

/// 1 when the report has error findings, else 0.
fn exit_code(report: &Report) -> ExitCode {
    if report.has_errors() {
        ExitCode::Findings
    } else {
        ExitCode::Clean
    }
}

/// The exit code, with a word on standard error when the programme has errors.
fn noted(report: &Report, file: &Path, language: Language) -> ExitCode {
    let errors = report.count(crate::Severity::Error);
    if errors > 0 {
        let (style, label) = report::label(crate::Severity::Warning, language);
        let said = t!(
            language,
            "note-errors",
            errors = errors,
            file = file.display().to_string()
        );
        let _ = writeln!(anstream::stderr(), "{style}{label}{style:#}: {said}");
    }
    exit_code(report)
}
