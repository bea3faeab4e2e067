//! The command line: clap's derive lives here and nowhere else; it hands plain options on.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand, ValueEnum};

use crate::export::Format;
use crate::model::Language;

const EXIT_CODES: &str = "\
Exit codes (the same for every command):
  0  no error findings (warnings allowed)
  1  at least one error finding
  2  the input could not be read or understood";

/// Plan a digital congress week: check the programme, show it as a timetable, export calendars.
///
/// The week lives in one JSON file (see README.md for its format). Every command reads it,
/// checks it, and exits with 1 when the programme has errors, so scripts can rely on it.
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

    /// Export the programme as an iCalendar file (.ics) that calendar clients import.
    ///
    /// One event per scheduled forum, with stable UIDs: the same file gives the same bytes.
    #[command(after_help = EXIT_CODES)]
    Ics {
        /// The week file.
        file: PathBuf,
        /// Write here instead of to standard output (`-`). The file is replaced in one step.
        #[arg(short, long, value_name = "OUT", default_value = "-")]
        output: PathBuf,
    },
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
