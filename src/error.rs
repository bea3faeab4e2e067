//! Errors that stop a command, and the exit codes they map to. Each is data: the file, the
//! value, what is wrong with it; [`crate::text`] says it in the user's language.

use std::{fmt, io, path::PathBuf};

use chrono::NaiveDate;

use crate::export::ics::previous::CalendarProblem;
use crate::model::{DurationError, InputError, Language};
use crate::text::Render;

/// The exit codes of every `fora` command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitCode {
    /// No error findings (warnings allowed).
    Clean = 0,
    /// At least one finding of severity error.
    Findings = 1,
    /// The input could not be read or understood.
    Input = 2,
}

/// Something that stops a command before it can do its job.
#[derive(Debug)]
pub enum Error {
    /// A file could not be read.
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// A week file could not be understood.
    Input {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        error: InputError,
    },
    /// A calendar given with `--previous` could not be understood.
    Calendar {
        /// The file.
        path: PathBuf,
        /// The physical line the trouble is on, from 1.
        line: usize,
        /// What is wrong.
        problem: CalendarProblem,
    },
    /// The calendar given with `--previous` is not there.
    NoPrevious(PathBuf),
    /// The file changed on disk while it was being edited; nothing was written.
    Changed(PathBuf),
    /// The file may not be written (it is read-only); nothing was written.
    ReadOnly(PathBuf),
    /// `fora new` would replace a file.
    Exists(PathBuf),
    /// A value given on the command line does not fit (the command names where it was given).
    Value {
        /// Where it was given: a flag (`--room`), or `FIELD=` of `fora set`.
        flag: String,
        /// What is wrong with it.
        error: ValueError,
    },
    /// A registration system's export could not be understood.
    Export {
        /// The file.
        path: PathBuf,
        /// What is wrong, and on which line.
        error: crate::import::registrations::ExportError,
    },
    /// `SOURCE_DATE_EPOCH` is not a number of seconds.
    SourceDateEpoch(String),
    /// Output could not be written.
    Write {
        /// The file, or `-` for standard output.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
}

/// What is wrong with a value given for a week: the library says this of the value, the
/// command line names where it was given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ValueError {
    /// A day that is not one of the week's (and on which no forum starts).
    DayOutsideWeek {
        /// The day.
        day: NaiveDate,
        /// The week's name.
        week: String,
        /// Its first day.
        start: NaiveDate,
        /// Its last day.
        end: NaiveDate,
    },
    /// A room, in a week without rooms.
    NoRooms {
        /// The room asked for.
        room: String,
        /// The week's name.
        week: String,
    },
    /// A room the week does not declare.
    UnknownRoom {
        /// The room asked for.
        room: String,
        /// The closest id, when one is close.
        closest: Option<String>,
        /// The week's rooms.
        rooms: Vec<String>,
    },
    /// A forum id the week does not have.
    UnknownForum {
        /// The id asked for.
        id: String,
        /// The week's name.
        week: String,
        /// The closest id, when one is close.
        closest: Option<String>,
    },
    /// An id several fora share, which an edit cannot tell apart.
    SharedId {
        /// The id.
        id: String,
        /// How many fora have it.
        fora: usize,
    },
    /// An id with characters ids may not hold.
    BadId(String),
    /// An id a forum has already.
    ForumIdTaken(String),
    /// An id a room has already.
    RoomIdTaken(String),
    /// Not `FIELD=VALUE`.
    NotAssignment(String),
    /// A field `fora set` does not change.
    UnknownField {
        /// The field.
        field: String,
        /// The closest field, when one is close.
        closest: Option<&'static str>,
    },
    /// An empty title.
    EmptyTitle,
    /// A duration that does not read.
    Duration(DurationError),
    /// A status that is not one of the three.
    Status(String),
    /// `--by` of a forum without a start.
    NoStart(String),
    /// A local date-time that does not read.
    DateTime(String),
    /// A date that does not read.
    Date(String),
    /// A language fora has no catalogue for.
    Language(String),
}

impl Error {
    /// The exit code this error ends a command with.
    pub fn exit_code(&self) -> ExitCode {
        ExitCode::Input
    }

    /// The error of `value`, given at `flag`.
    pub fn value(flag: impl Into<String>, error: ValueError) -> Self {
        Self::Value {
            flag: flag.into(),
            error,
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Read { source, .. } | Error::Write { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// In English; commands say it in the user's language ([`Render`]).
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Language::En))
    }
}

impl std::error::Error for ValueError {}

/// In English, for clap, which shows a value parser's error; `fora` says it in the user's
/// language.
impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Language::En))
    }
}
