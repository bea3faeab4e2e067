//! The command line: clap's derive lives here and nowhere else; it hands plain options on.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand, ValueEnum};

use crate::commands::{self, Change, Listing, ReportFormat};
use crate::edit::{NewForum, NewRoom, Target};
use crate::error::ValueError;
use crate::export::Format;
use crate::model::{Duration, DurationError, Language};

const EXIT_CODES: &str = "\
Exit codes (of check, timetable and ics; diff says its own):
  0  no error findings (warnings allowed)
  1  at least one error finding
  2  the input could not be read or understood";

/// Plan a digital congress week: check the programme, show it as a timetable, export calendars.
///
/// The week lives in one JSON file (see README.md for its format). `check`, `timetable` and
/// `ics` read it, check it, and exit with 1 when the programme has errors; `diff` exits with 1
/// when something changed for attendees. `new`, `add`, `move`, `set`, `cancel`, `rm` and
/// `room add` change it, each change checked before it is written: one that adds an error
/// finding is refused with exit code 1.
#[derive(Debug, Parser)]
#[command(name = "fora", version, after_help = EXIT_CODES, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,

    /// When to colour output: auto colours a terminal unless NO_COLOR is set.
    #[arg(long, value_enum, global = true, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,

    /// The language of all output: de or en [default: the week file's `language`, else the
    /// environment's (LC_ALL, LC_MESSAGES, LANG), else en].
    #[arg(long, value_name = "LANG", global = true, value_parser = language())]
    pub lang: Option<Language>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a week: overlapping rooms and speakers, the rules, the hours against what was announced.
    ///
    /// Prints a summary (fora, days, programme hours in total and per day) and every finding,
    /// errors first. Exits with 1 when there is an error finding.
    #[command(after_help = EXIT_CODES)]
    Check {
        /// The week file.
        file: PathBuf,
        /// `human` for people, `json` for scripts and CI.
        #[arg(long, value_enum, default_value_t = ReportFormatArg::Human)]
        format: ReportFormatArg,
        /// Show at most N findings of each kind; all are counted, and the rest is said
        /// in one line (the JSON has `finding_counts` and `truncated`).
        #[arg(long, value_name = "N", default_value_t = 1000)]
        max_findings: usize,
    },

    /// Show the programme as a timetable: one table a day, with the hours of each day and the week.
    ///
    /// Fora that take part in an error finding are marked ✗.
    #[command(after_help = EXIT_CODES)]
    Timetable {
        /// The week file.
        file: PathBuf,
        /// Show only this day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = date)]
        day: Option<NaiveDate>,
        /// Show only the fora in the room with this id.
        #[arg(long, value_name = "ID")]
        room: Option<String>,
        /// `table` for the terminal, `markdown` for a web page, `csv` for a spreadsheet.
        #[arg(long, default_value = "table", value_parser = format())]
        format: Format,
    },

    /// Export the programme as iCalendar files (.ics) for calendar clients
    ///
    /// One event per scheduled forum, in the week's time zone (the file carries its
    /// VTIMEZONE), with the join link in URL, CONFERENCE and the description. UIDs are stable:
    /// the same week gives the same bytes. Publish the file at a URL and have attendees
    /// subscribe to it: clients then pick up every change.
    ///
    /// Examples:
    ///   fora ics week.json -o programme.ics
    ///   fora ics week.json --only eroeffnung,abschluss --alarm 15m -o mine.ics
    ///   fora ics week.json --previous programme.ics -o programme.ics
    ///   fora ics week.json --split public/fora --previous public/fora
    #[command(after_help = EXIT_CODES, verbatim_doc_comment)]
    Ics {
        /// The week file.
        file: PathBuf,
        /// Write here instead of to standard output (`-`). The file is replaced in one step.
        #[arg(
            short,
            long,
            value_name = "OUT",
            default_value = "-",
            conflicts_with = "split"
        )]
        output: PathBuf,
        /// Write one calendar a forum into this folder instead, each named after its forum's id
        /// (`DIR/eroeffnung.ics`). Other files in it are left alone.
        #[arg(long, value_name = "DIR")]
        split: Option<PathBuf>,
        /// Only these fora (ids, comma-separated): an attendee's own selection.
        #[arg(long, value_name = "ID,…", value_delimiter = ',')]
        only: Vec<String>,
        /// Only the fora that start on this day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = date)]
        day: Option<NaiveDate>,
        /// Only the fora in the room with this id.
        #[arg(long, value_name = "ID")]
        room: Option<String>,
        /// Remind attendees this long before each forum (`15m`, `1h`).
        #[arg(long, value_name = "DURATION", value_parser = Duration::parse)]
        alarm: Option<Duration>,
        /// How often subscribed clients should fetch the calendar again
        /// (REFRESH-INTERVAL and X-PUBLISHED-TTL).
        #[arg(long, value_name = "DURATION", value_parser = Duration::parse, default_value = "6h")]
        refresh: Duration,
        /// The calendar published before (a file, or the folder of `--split`): unchanged
        /// events stay byte for byte, changed ones get their SEQUENCE raised, and events
        /// of fora gone from the week come back cancelled.
        #[arg(long, value_name = "OLD")]
        previous: Option<PathBuf>,
    },

    /// Show what changed for attendees between two versions of a week
    ///
    /// Lists the fora added, removed, cancelled or restored, moved (old and new time),
    /// retitled, put in another room, or with a new join link or details. Exits with 0 when
    /// nothing changed for attendees and 1 otherwise, so it can gate publishing:
    ///
    ///   fora diff published.json week.json || fora ics week.json --previous programme.ics -o programme.ics
    #[command(after_help = DIFF_EXIT_CODES, verbatim_doc_comment)]
    Diff {
        /// The week as it was (published).
        old: PathBuf,
        /// The week as it is now.
        new: PathBuf,
        /// `table` for people, `json` for scripts.
        #[arg(long, value_enum, default_value_t = ListingArg::Table)]
        format: ListingArg,
    },

    /// Create a week file without fora
    ///
    /// Its `id` is made from the name; calendar UIDs come from it, so renaming the week
    /// later keeps them.
    ///
    /// Example:
    ///   fora new week.json --name "Engagementkongress NRW 2015" --start 2015-11-06 \
    ///     --end 2015-11-06 --timezone Europe/Berlin --language de
    #[command(verbatim_doc_comment)]
    New {
        /// The week file to create.
        file: PathBuf,
        /// The week's name, as attendees see it.
        #[arg(long)]
        name: String,
        /// The first day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = date)]
        start: NaiveDate,
        /// The last day (YYYY-MM-DD); the first, for a one-day event.
        #[arg(long, value_name = "DATE", value_parser = date)]
        end: Option<NaiveDate>,
        /// The IANA time zone every local time is read in (Europe/Berlin).
        #[arg(long, value_name = "ZONE")]
        timezone: String,
        /// The week's language, written into the file [default: the environment's, else en].
        #[arg(long, value_name = "LANG", value_parser = language())]
        language: Option<Language>,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },

    /// Add a forum
    ///
    /// Without --id, the id is made from the title (lower case, umlauts and ß written out,
    /// made unique). Without --start, the forum is not scheduled yet.
    ///
    /// Example:
    ///   fora add week.json --title "Podiumsdiskussion" --duration 1h \
    ///     --start "2015-11-06 11:15" --room saal --speaker "Landesregierung NRW"
    #[command(after_help = EDIT_EXIT_CODES, verbatim_doc_comment)]
    Add {
        /// The week file.
        file: PathBuf,
        /// The forum.
        #[command(flatten)]
        forum: ForumArgs,
        /// `--force` and `--dry-run`.
        #[command(flatten)]
        edit: EditFlags,
    },

    /// Move a forum to another time, and room
    ///
    /// Examples:
    ///   fora move week.json podium --to "2015-11-06 11:30"
    ///   fora move week.json podium --by 15m
    ///   fora move week.json podium --by -15m --room raum-a
    #[command(after_help = EDIT_EXIT_CODES, verbatim_doc_comment)]
    Move {
        /// The week file.
        file: PathBuf,
        /// The forum's id.
        id: String,
        /// The new local start.
        #[arg(long, value_name = "DATETIME", value_parser = date_time, required_unless_present_any = ["by", "room"], conflicts_with = "by")]
        to: Option<NaiveDateTime>,
        /// Later (`30m`, `+1h`) or earlier (`-30m`) by this much, on the wall clock.
        #[arg(long, value_name = "±DURATION", value_parser = shift, allow_hyphen_values = true)]
        by: Option<i64>,
        /// Into the room with this id as well.
        #[arg(long, value_name = "ID")]
        room: Option<String>,
        /// `--force` and `--dry-run`.
        #[command(flatten)]
        edit: EditFlags,
    },

    /// Change fields of a forum: title, duration, format, url, description, room, speakers, status
    ///
    /// An empty value removes an optional field; speakers are separated by commas.
    ///
    /// Example:
    ///   fora set week.json podium "title=Podium: Engagement vor Ort" duration=75m \
    ///     "speakers=Landesregierung NRW, Generali Zukunftsfonds"
    #[command(after_help = EDIT_EXIT_CODES, verbatim_doc_comment)]
    Set {
        /// The week file.
        file: PathBuf,
        /// The forum's id.
        id: String,
        /// What to change.
        #[arg(value_name = "FIELD=VALUE", required = true)]
        assignments: Vec<String>,
        /// `--force` and `--dry-run`.
        #[command(flatten)]
        edit: EditFlags,
    },

    /// Cancel a forum: it stays in the file and in calendars, marked cancelled
    #[command(after_help = EDIT_EXIT_CODES)]
    Cancel {
        /// The week file.
        file: PathBuf,
        /// The forum's id.
        id: String,
        /// `--force` and `--dry-run`.
        #[command(flatten)]
        edit: EditFlags,
    },

    /// Remove a forum from the file (to keep it in calendars, cancel it instead)
    #[command(after_help = EDIT_EXIT_CODES)]
    Rm {
        /// The week file.
        file: PathBuf,
        /// The forum's id.
        id: String,
        /// `--force` and `--dry-run`.
        #[command(flatten)]
        edit: EditFlags,
    },

    /// Rooms of the week
    #[command(subcommand)]
    Room(RoomCommand),

    /// Read a registration system's export into the week: each forum's registrations and attendees
    ///
    /// The export is a CSV file with one row per attendee and forum (`;` as German Excel
    /// writes it, or `,`; UTF-8, with or without BOM). Two columns are read, found by their
    /// headers: the forum (forum, forum_id, veranstaltung, session, title, titel …: a forum's
    /// id, else its exact title) and the attendee's pseudonymous number (attendee,
    /// teilnehmer, teilnehmer-nr, teilnehmende, nummer, number, person …); a lone `id` column
    /// is whichever of the two is not found otherwise. No other column is read: names and
    /// e-mail addresses never enter the week. A row given twice counts once.
    ///
    /// Each forum the export names gets `registrations` (its attendees, counted) and
    /// `attendees` (their numbers); the other fora are left as they are. A forum put over
    /// its capacity (or its room's) refuses the change unless --force.
    ///
    /// Example:
    ///   fora registrations week.json anmeldungen.csv --dry-run
    #[command(after_help = EDIT_EXIT_CODES, verbatim_doc_comment)]
    Registrations {
        /// The week file.
        file: PathBuf,
        /// The export (CSV).
        export: PathBuf,
        /// The header of the forum column, when it is not guessed.
        #[arg(long, value_name = "HEADER")]
        forum_column: Option<String>,
        /// The header of the attendee column, when it is not guessed.
        #[arg(long, value_name = "HEADER")]
        attendee_column: Option<String>,
        /// `--force` and `--dry-run`.
        #[command(flatten)]
        edit: EditFlags,
    },

    /// Find the slots where a forum of a given length fits
    ///
    /// A slot is a free window in one room on one day where the forum fits without any
    /// error finding and within the rules: the day's window (09:00–18:00 when the week sets
    /// none), the least gap in a room, and no parallel fora when the week forbids them.
    ///
    /// Example:
    ///   fora free week.json --duration 90m --day 2015-11-06
    #[command(verbatim_doc_comment)]
    Free {
        /// The week file.
        file: PathBuf,
        /// How long the forum runs.
        #[arg(long, value_parser = Duration::parse)]
        duration: Duration,
        /// Only this day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = date)]
        day: Option<NaiveDate>,
        /// Only the room with this id.
        #[arg(long, value_name = "ID")]
        room: Option<String>,
        /// `table` for people, `json` for scripts.
        #[arg(long, value_enum, default_value_t = ListingArg::Table)]
        format: ListingArg,
    },

    /// Print a completion script for a shell
    ///
    /// Examples:
    ///   fora completions bash > ~/.local/share/bash-completion/completions/fora
    ///   fora completions zsh > ~/.zfunc/_fora
    ///   fora completions fish > ~/.config/fish/completions/fora.fish
    #[command(verbatim_doc_comment)]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },

    /// Print the manual page (roff), made from the same definitions as --help
    ///
    /// Example:
    ///   fora man > fora.1 && man ./fora.1
    #[command(verbatim_doc_comment)]
    Man,
}

/// The commands on rooms.
#[derive(Debug, Subcommand)]
pub enum RoomCommand {
    /// Add a room (a video conference)
    #[command(after_help = EDIT_EXIT_CODES)]
    Add {
        /// The week file.
        file: PathBuf,
        /// Its id: ASCII letters, digits, `-` and `_`.
        #[arg(long)]
        id: String,
        /// The name attendees see.
        #[arg(long)]
        name: String,
        /// Its join link.
        #[arg(long)]
        url: Option<String>,
        /// How many people fit.
        #[arg(long)]
        capacity: Option<u64>,
        /// `--force` and `--dry-run`.
        #[command(flatten)]
        edit: EditFlags,
    },
}

/// The forum `fora add` adds.
#[derive(Clone, Debug, clap::Args)]
pub struct ForumArgs {
    /// The title.
    #[arg(long)]
    pub title: String,
    /// How long it runs (`90m`, `1h30m`, `1.5h`); written to the file as typed.
    #[arg(long, value_parser = duration_as_typed)]
    pub duration: String,
    /// The id [default: made from the title].
    #[arg(long)]
    pub id: Option<String>,
    /// The local start (`2015-11-06T11:15` or `"2015-11-06 11:15"`).
    #[arg(long, value_name = "DATETIME", value_parser = date_time)]
    pub start: Option<NaiveDateTime>,
    /// The id of its room.
    #[arg(long, value_name = "ID")]
    pub room: Option<String>,
    /// Who speaks; repeat for more.
    #[arg(long = "speaker", value_name = "NAME")]
    pub speakers: Vec<String>,
    /// The kind of forum (Fachforum, Workshop …).
    #[arg(long)]
    pub format: Option<String>,
    /// Its own join link (else the room's is used).
    #[arg(long)]
    pub url: Option<String>,
    /// Free text for attendees.
    #[arg(long)]
    pub description: Option<String>,
}

impl From<ForumArgs> for NewForum {
    fn from(args: ForumArgs) -> Self {
        NewForum {
            id: args.id,
            title: args.title,
            duration: args.duration,
            start: args.start,
            room: args.room,
            speakers: args.speakers,
            format: args.format,
            url: args.url,
            description: args.description,
        }
    }
}

/// What every edit takes.
#[derive(Clone, Copy, Debug, clap::Args)]
pub struct EditFlags {
    /// Write even when the change adds error findings.
    #[arg(long)]
    pub force: bool,
    /// Only say what would change; write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

const EDIT_EXIT_CODES: &str = "\
Every change is checked before it is written: when it adds an error finding, nothing is
written and the findings are printed (--force writes anyway). The week's `updated` is set to
now, or to SOURCE_DATE_EPOCH when that is set. Edits of one file wait for each other.

Exit codes:
  0  written (or nothing to change)
  1  refused: the change would add error findings (or added them, with --force)
  2  the input could not be read or understood";

const DIFF_EXIT_CODES: &str = "\
Exit codes:
  0  nothing changed for attendees
  1  something changed for attendees
  2  a file could not be read or understood";

/// How `fora diff` and `fora free` print what they found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListingArg {
    /// A table for people.
    Table,
    /// One JSON document.
    Json,
}

/// How `fora check` prints its report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormatArg {
    /// A summary and findings for people.
    Human,
    /// One JSON document.
    Json,
}

impl From<ListingArg> for Listing {
    fn from(format: ListingArg) -> Self {
        match format {
            ListingArg::Table => Listing::Table,
            ListingArg::Json => Listing::Json,
        }
    }
}

impl From<ReportFormatArg> for ReportFormat {
    fn from(format: ReportFormatArg) -> Self {
        match format {
            ReportFormatArg::Human => ReportFormat::Human,
            ReportFormatArg::Json => ReportFormat::Json,
        }
    }
}

/// When to colour output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

fn language() -> impl clap::builder::TypedValueParser<Value = Language> {
    PossibleValuesParser::new(["de", "en"]).map(|code| Language::parse(&code).unwrap_or_default())
}

fn format() -> impl clap::builder::TypedValueParser<Value = Format> {
    PossibleValuesParser::new(["table", "markdown", "csv"]).map(|name| match name.as_str() {
        "markdown" => Format::Markdown,
        "csv" => Format::Csv,
        _ => Format::Table,
    })
}

fn date_time(text: &str) -> Result<NaiveDateTime, ValueError> {
    crate::model::local_date_time(text).ok_or_else(|| ValueError::DateTime(text.to_owned()))
}

/// A duration checked, and kept as the organiser wrote it.
fn duration_as_typed(text: &str) -> Result<String, DurationError> {
    Duration::parse(text).map(|_| text.trim().to_owned())
}

/// `30m`, `+1h`, `-45m`: minutes later or earlier.
fn shift(text: &str) -> Result<i64, DurationError> {
    let (sign, rest) = match text.trim().strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, text.trim().trim_start_matches('+')),
    };
    Ok(sign * i64::from(Duration::parse(rest)?.minutes()))
}

fn date(text: &str) -> Result<NaiveDate, ValueError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| ValueError::Date(text.to_owned()))
}

impl Cli {
    /// The week file whose `language` the command's messages follow (the new one of `diff`).
    pub fn week_file(&self) -> Option<&Path> {
        match &self.command {
            Command::Check { file, .. }
            | Command::Timetable { file, .. }
            | Command::Ics { file, .. }
            | Command::Add { file, .. }
            | Command::Move { file, .. }
            | Command::Set { file, .. }
            | Command::Cancel { file, .. }
            | Command::Rm { file, .. }
            | Command::Room(RoomCommand::Add { file, .. })
            | Command::Registrations { file, .. }
            | Command::Free { file, .. } => Some(file),
            Command::Diff { new, .. } => Some(new),
            Command::New { .. } | Command::Completions { .. } | Command::Man => None,
        }
    }
}

/// What a parsed command line asks for.
pub enum Invocation {
    /// Check a week.
    Check(commands::CheckOptions),
    /// Show its timetable.
    Timetable(commands::TimetableOptions),
    /// Export its calendar.
    Ics(commands::IcsOptions),
    /// Compare two versions.
    Diff(commands::DiffOptions),
    /// Create a week file.
    New(commands::NewOptions),
    /// Change a week file.
    Edit(commands::EditOptions, Change),
    /// Find free slots.
    Free(commands::FreeOptions),
    /// Read registrations into a week.
    Registrations(commands::RegistrationsOptions),
    /// Print a completion script.
    Completions(clap_complete::Shell),
    /// Print the manual page.
    Man,
}

impl Cli {
    /// The command with its options, as the commands take them.
    pub fn invocation(self) -> Invocation {
        let language = self.lang;
        match self.command {
            Command::Check {
                file,
                format,
                max_findings,
            } => Invocation::Check(commands::CheckOptions {
                file,
                format: format.into(),
                language,
                max_findings,
            }),
            Command::Timetable {
                file,
                day,
                room,
                format,
            } => Invocation::Timetable(commands::TimetableOptions {
                file,
                language,
                day,
                room,
                format,
            }),
            Command::Ics {
                file,
                output,
                split,
                only,
                day,
                room,
                alarm,
                refresh,
                previous,
            } => Invocation::Ics(commands::IcsOptions {
                file,
                output,
                split,
                only,
                day,
                room,
                alarm,
                refresh,
                previous,
                language,
            }),
            Command::Diff { old, new, format } => Invocation::Diff(commands::DiffOptions {
                old,
                new,
                format: format.into(),
                language,
            }),
            Command::New {
                file,
                name,
                start,
                end,
                timezone,
                language: week_language,
                force,
            } => Invocation::New(commands::NewOptions {
                file,
                name,
                start,
                end,
                timezone,
                week_language,
                force,
                language,
            }),
            Command::Free {
                file,
                duration,
                day,
                room,
                format,
            } => Invocation::Free(commands::FreeOptions {
                file,
                duration,
                day,
                room,
                format: format.into(),
                language,
            }),
            command @ Command::Registrations { .. } => registrations(command, language),
            Command::Completions { shell } => Invocation::Completions(shell),
            Command::Man => Invocation::Man,
            edit => edit_invocation(edit, language),
        }
    }
}

/// The options of `fora registrations`.
fn registrations(command: Command, language: Option<Language>) -> Invocation {
    let Command::Registrations {
        file,
        export,
        forum_column,
        attendee_column,
        edit,
    } = command
    else {
        unreachable!("only fora registrations");
    };
    Invocation::Registrations(commands::RegistrationsOptions {
        file,
        export,
        columns: crate::import::registrations::Columns {
            forum: forum_column,
            attendee: attendee_column,
        },
        force: edit.force,
        dry_run: edit.dry_run,
        language,
    })
}

/// The options of an edit.
fn edit_invocation(command: Command, language: Option<Language>) -> Invocation {
    let options = |file: PathBuf, flags: EditFlags| commands::EditOptions {
        file,
        force: flags.force,
        dry_run: flags.dry_run,
        language,
    };
    let (options, change) = match command {
        Command::Add { file, forum, edit } => (options(file, edit), Change::Add(forum.into())),
        Command::Move {
            file,
            id,
            to,
            by,
            room,
            edit,
        } => {
            let target = match (to, by) {
                (Some(to), _) => Some(Target::To(to)),
                (None, Some(by)) => Some(Target::By(by)),
                (None, None) => None,
            };
            (options(file, edit), Change::Move { id, target, room })
        }
        Command::Set {
            file,
            id,
            assignments,
            edit,
        } => (options(file, edit), Change::Set { id, assignments }),
        Command::Cancel { file, id, edit } => (options(file, edit), Change::Cancel(id)),
        Command::Rm { file, id, edit } => (options(file, edit), Change::Remove(id)),
        Command::Room(RoomCommand::Add {
            file,
            id,
            name,
            url,
            capacity,
            edit,
        }) => (
            options(file, edit),
            Change::AddRoom(NewRoom {
                id,
                name,
                url,
                capacity,
            }),
        ),
        _ => unreachable!("the other commands are not edits"),
    };
    Invocation::Edit(options, change)
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_sound() {
        super::Cli::command().debug_assert();
    }
}
