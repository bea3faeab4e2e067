//! The command line: clap's derive lives here and nowhere else; it hands plain options on.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand, ValueEnum};

use crate::export::Format;
use crate::model::{Duration, Language};

const EXIT_CODES: &str = "\
Exit codes (of check, timetable and ics; diff says its own):
  0  no error findings (warnings allowed)
  1  at least one error finding
  2  the input could not be read or understood";

/// Plan a digital congress week: check the programme, show it as a timetable, export calendars.
///
/// The week lives in one JSON file (see README.md for its format). `check`, `timetable` and
/// `ics` read it, check it, and exit with 1 when the programme has errors; `diff` exits with 1
/// when something changed for attendees. Scripts can rely on both.
#[derive(Debug, Parser)]
#[command(name = "fora", version, after_help = EXIT_CODES, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,

    /// When to colour output: auto colours a terminal unless NO_COLOR is set.
    #[arg(long, value_enum, global = true, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
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
        #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
        format: ReportFormat,
    },

    /// Show the programme as a timetable: one table a day, with the hours of each day and the week.
    ///
    /// Fora that take part in an error finding are marked ✗.
    #[command(after_help = EXIT_CODES)]
    Timetable {
        /// The week file.
        file: PathBuf,
        /// The language of dates and totals [default: the file's `language`, else en].
        #[arg(long, value_name = "LANG", value_parser = language())]
        lang: Option<Language>,
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
        #[arg(long, value_enum, default_value_t = DiffFormat::Table)]
        format: DiffFormat,
        /// The language of the table [default: the new file's `language`, else en].
        #[arg(long, value_name = "LANG", value_parser = language())]
        lang: Option<Language>,
    },
}

const DIFF_EXIT_CODES: &str = "\
Exit codes:
  0  nothing changed for attendees
  1  something changed for attendees
  2  a file could not be read or understood";

/// How `fora diff` prints the changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// A table for people.
    Table,
    /// One JSON document.
    Json,
}

/// How `fora check` prints its report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// A summary and findings for people.
    Human,
    /// One JSON document.
    Json,
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

fn date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("{text:?} is not a date; write it like 2020-06-23"))
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_sound() {
        super::Cli::command().debug_assert();
    }
}
