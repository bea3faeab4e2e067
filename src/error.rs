//! Errors that stop a command, and the exit codes they map to. Each is data: the file, the
//! value, what is wrong with it; [`crate::text`] says it in the user's language.

use std::{fmt, io, path::PathBuf};

use chrono::NaiveDate;

use crate::edit::Fields;
use crate::export::ics::previous::CalendarProblem;
use crate::model::{DurationError, InputError, Language};
use crate::rules::BadLink;
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
    /// `fora site -o` names a folder that holds other things than a site of fora.
    NotASite(PathBuf),
    /// `fora site --previous` names a folder without a site of fora.
    NoPreviousSite(PathBuf),
    /// The checker finds errors in a plan (the planner keeps to every rule it checks, so
    /// this is a fault of `fora`); nothing was written.
    PlanRefused(u64),
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
    /// A programme given to `fora import` could not be read.
    Import {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        error: crate::import::ImportError,
    },
    /// A week the frab formats cannot take as it is: fora or rooms share an id (the XSD
    /// demands unique ids); the findings are said before.
    Unexportable {
        /// The week file.
        path: PathBuf,
        /// The format asked for: `frab-xml`, `frab-json`.
        format: &'static str,
        /// How many duplicate-id findings the week has.
        duplicates: u64,
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
    /// A time limit that does not read as a length of time.
    TimeLimit(String),
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
        /// The closest fora, by id and by the words of id and title (at most three).
        closest: Vec<ForumLabel>,
    },
    /// A speaker no forum of the week has (`--speaker`).
    UnknownSpeaker {
        /// The name asked for.
        speaker: String,
        /// The closest speaker of the week, when there is one.
        closest: Option<String>,
    },
    /// A format no forum of the week has (`--format`).
    UnknownFormat {
        /// The format asked for.
        format: String,
        /// The closest format of the week, when there is one.
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
    NotAssignment {
        /// What was given.
        text: String,
        /// Whose fields were asked for.
        of: Fields,
    },
    /// A field the command does not change.
    UnknownField {
        /// The field.
        field: String,
        /// The closest field, when one is close.
        closest: Option<&'static str>,
        /// Whose fields were asked for.
        of: Fields,
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
    /// A file format that is not text, asked for without a file to write it to.
    NeedsFile,
    /// A language fora has no catalogue for.
    Language(String),
    /// Not a decimal number (`6,5`, `6.5`).
    Decimal(String),
    /// Not a whole number (`120`, `1.200`).
    Count(String),
    /// Not yes or no.
    Boolean(String),
    /// Not a time of day (`09:00`).
    DayTime(String),
    /// Not a stretch of time (`2020-06-23`, `2020-06-23T09:00/12:00`).
    Interval(String),
    /// Not a wish of when a forum runs (`2020-06-24`, `morning`, `10:00/12:00`).
    Preference(String),
    /// Not an IANA time zone.
    TimeZone {
        /// What was given.
        text: String,
        /// The closest zone, when one is close.
        closest: Option<&'static str>,
    },
    /// Not a week's id.
    WeekId(String),
    /// An empty value for a field the week cannot do without.
    Required,
    /// Not an e-mail address.
    Email(String),
    /// A join link calendars would not make clickable.
    Link {
        /// The link, as given.
        url: String,
        /// What is wrong with it.
        problem: BadLink,
    },
    /// A room fora are in, which `room rm` would leave them without.
    RoomInUse {
        /// The room.
        room: String,
        /// The fora in it, in file order.
        fora: Vec<String>,
    },
    /// `room rm --reassign` to the room removed.
    ReassignToItself(String),
    /// An option the format asked for cannot do without (`--base-url` of frab-json).
    NeededBy(&'static str),
    /// A base URL that is not an absolute https:// or http:// address.
    BaseUrl {
        /// The URL, as given.
        url: String,
        /// What is wrong with it.
        problem: BadLink,
    },
}

/// A forum as a suggestion names it: its id, and its title to recognise it by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForumLabel {
    /// The id.
    pub id: String,
    /// The title.
    pub title: String,
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
