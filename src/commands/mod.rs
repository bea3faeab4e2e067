//! The commands, each a function of typed options that reads the week, does its job, writes
//! its output and says which exit code it ends with. The command line (`cli`) only turns
//! flags into these options; `run` only dispatches.

mod check;
mod diff;
mod edit;
mod export;
mod free;
mod ics;
mod import;
mod list;
mod new;
mod plan;
mod registrations;
mod room;
mod show;
mod site;
mod timetable;

use std::io::Write;
use std::path::Path;

pub use check::{CheckOptions, ReportFormat, check};
pub use diff::{DiffOptions, diff};
pub use edit::{Change, EditOptions, edit, said_in};
pub use export::{ExportOptions, export};
pub use free::{FreeOptions, free};
pub use ics::{IcsOptions, ics};
pub use import::{ImportOptions, import};
pub use list::{ListOptions, ListOutput, list};
pub use new::{NewOptions, new};
pub use plan::{PlanOptions, plan};
pub use registrations::{RegistrationsOptions, registrations};
pub use room::{RoomListOptions, RoomRow, room_list};
pub use show::{ShowOptions, show};
pub use site::{SiteOptions, site};
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

/// The filters `timetable` and `list` share, as given on the command line.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Only the fora that start on this day.
    pub day: Option<chrono::NaiveDate>,
    /// Only those in the room with this id.
    pub room: Option<String>,
    /// Only those with a speaker whose name holds this.
    pub speaker: Option<String>,
    /// Only those of this format.
    pub format: Option<String>,
    /// Only those with this status.
    pub status: Option<crate::Status>,
    /// Only those that hold every word of this.
    pub search: Option<String>,
    /// Only those without a start.
    pub unscheduled: bool,
}

/// `--day` and `--room` checked against the week: a day of it (or one a forum starts on),
/// a room it declares.
fn selection(
    week: &Week,
    day: Option<chrono::NaiveDate>,
    room: Option<&str>,
) -> Result<crate::export::Selection, Error> {
    let filter = Filter {
        day,
        room: room.map(str::to_owned),
        ..Filter::default()
    };
    selected(week, &filter, "--format")
}

/// The filters checked against the week: a day of it (or one a forum starts on), a room it
/// declares, a speaker and a format some forum has. `format_flag` names where the format
/// was given: `--format` of `list`, `--forum-format` of `timetable` (whose `--format` is
/// its output's).
fn selected(
    week: &Week,
    filter: &Filter,
    format_flag: &str,
) -> Result<crate::export::Selection, Error> {
    let day = filter
        .day
        .map(|day| crate::known::day(week, day))
        .transpose()
        .map_err(|e| Error::value("--day", e))?;
    if let Some(room) = &filter.room {
        crate::known::room(week, room).map_err(|e| Error::value("--room", e))?;
    }
    if let Some(speaker) = &filter.speaker {
        crate::known::speaker(week, speaker).map_err(|e| Error::value("--speaker", e))?;
    }
    if let Some(format) = &filter.format {
        crate::known::format(week, format).map_err(|e| Error::value(format_flag, e))?;
    }
    Ok(crate::export::Selection {
        day,
        room: filter.room.clone(),
        speaker: filter.speaker.clone(),
        format: filter.format.clone(),
        status: filter.status,
        search: filter.search.clone(),
        unscheduled: filter.unscheduled,
    })
}

/// Refuses a week whose fora or rooms share an id, for an output (`format`) that names
/// pages or events by them: the duplicate-id findings on standard error, then
/// [`Error::Unexportable`].
fn unique_ids(
    week: &Week,
    report: &Report,
    file: &Path,
    format: &'static str,
    language: Language,
) -> Result<(), Error> {
    let duplicates = report.count_of(crate::check::Kind::DuplicateId);
    if duplicates == 0 {
        return Ok(());
    }
    let mut stderr = anstream::stderr();
    for finding in report
        .findings
        .iter()
        .filter(|f| f.kind == crate::check::Kind::DuplicateId)
    {
        let _ = report::write_finding(finding, week, language, &mut stderr);
    }
    Err(Error::Unexportable {
        path: file.to_owned(),
        format,
        duplicates,
    })
}

/// An address given with `--base-url`: absolute, https:// or http://.
fn base_url(text: &str) -> Result<url::Url, Error> {
    let flag = "--base-url";
    let text = text.trim();
    let bad = |problem| {
        Error::value(
            flag,
            crate::error::ValueError::BaseUrl {
                url: text.to_owned(),
                problem,
            },
        )
    };
    crate::rules::link(text).map_err(bad)?;
    url::Url::parse(text).map_err(|_| bad(crate::rules::BadLink::Malformed))
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
