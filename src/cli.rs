//! The command line: clap's derive lives here and nowhere else; it hands plain options on.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use chrono_tz::Tz;
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand, ValueEnum};

use crate::commands::{self, Change, Listing, ReportFormat};
use crate::edit::{NewForum, NewRoom, Target};
use crate::error::ValueError;
use crate::export::{Dialect, Format};
use crate::import::Source;
use crate::model::{DayTime, Duration, DurationError, Language, Status};

const EXPORT_EXIT_CODES: &str = "\
Exit codes:
  0  written; no error findings (warnings allowed)
  1  written; the week has error findings
  2  the input could not be read or understood, --base-url is missing (frab-json) or no
     http(s) address, or fora or rooms share an id (nothing is written)";

const SITE_EXIT_CODES: &str = "\
Exit codes:
  0  written; no error findings (warnings allowed)
  1  written; the week has error findings
  2  the input could not be read or understood, --base-url is no http(s) address, DIR holds
     something else than a site of fora, or fora or rooms share an id (nothing is written)";

const PLAN_EXIT_CODES: &str = "\
Exit codes:
  0  every forum has a place (written where asked)
  1  some fora could not be placed: the report says why; the others are written
  2  the input could not be read or understood, or fora share an id (nothing is written)";

const EXIT_CODES: &str = "\
Exit codes (of check, timetable, list and ics; show and diff say their own):
  0  no error findings (warnings allowed)
  1  at least one error finding
  2  the input could not be read or understood";

/// Plan a digital congress week: check the programme, show it as a timetable, export calendars.
///
/// The week lives in one JSON file (see README.md for its format). `check`, `timetable`,
/// `list`, `show` and `ics` read it, check it, and exit with 1 when the programme has errors;
/// `diff` exits with 1 when something changed for attendees; `free` finds slots. `new`,
/// `add`, `move`, `set`, `cancel`, `rm`, `room add|set|rm`, `week set`, `rules set`,
/// `expect set` and `registrations` change it, each change checked before it is written: one
/// that adds an error finding is refused with exit code 1, the warnings it adds are said.
/// `import` makes a week of a frab, pretalx or CCC hub schedule or of a spreadsheet;
/// `export` writes it as a frab schedule for conference apps.
///
/// Start with `fora new` (or `fora import`), then `fora list` to see every forum's id.
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
    #[arg(long, value_name = "LANG", global = true, ignore_case = true, value_parser = language())]
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
        /// Which fora.
        #[command(flatten)]
        filter: FilterArgs,
        /// Show only the fora of this format (Fachforum, Workshop …; any case, umlauts
        /// written out or not).
        #[arg(long, value_name = "FORMAT")]
        forum_format: Option<String>,
        /// `table` for the terminal, `markdown` for a web page, `csv` for a spreadsheet,
        /// `xlsx` for an Excel workbook, one sheet a day (needs `-o FILE`).
        #[arg(long, default_value = "table", value_parser = format())]
        format: Format,
        /// How CSV is written: `excel-de` (`;`, byte order mark, dates 23.06.2020), `excel`
        /// (`,`, byte order mark, dates 2020-06-23) or `rfc4180` (`,`, no byte order mark)
        /// [default: excel-de for German, excel for English].
        #[arg(long, value_name = "DIALECT", value_parser = dialect())]
        csv_dialect: Option<Dialect>,
        /// Write here instead of to standard output (`-`). The file is replaced in one step.
        #[arg(short, long, value_name = "FILE", default_value = "-")]
        output: PathBuf,
        /// Make the terminal table at most N characters wide, wrapping cells at spaces
        /// [default: the terminal's width; unlimited when not on a terminal].
        #[arg(long, value_name = "N")]
        width: Option<usize>,
    },

    /// List the fora one a line, with their ids (which `move`, `set`, `cancel`, `rm`,
    /// `show` and `ics --only` take)
    ///
    /// In start order, fora without a start last. Marks: ? tentative, ✗ in an error
    /// finding; a cancelled forum's title says so. Filters combine: a forum is listed
    /// when it passes all of them.
    ///
    /// Examples:
    ///   fora list week.json --day 2020-06-23
    ///   fora list week.json --search klimaschutz
    ///   fora list week.json --format workshop --status tentative --output ids
    #[command(after_help = EXIT_CODES, verbatim_doc_comment)]
    List {
        /// The week file.
        file: PathBuf,
        /// Which fora.
        #[command(flatten)]
        filter: FilterArgs,
        /// Only the fora of this format (Fachforum, Workshop …; any case, umlauts written
        /// out or not).
        #[arg(long, value_name = "FORMAT")]
        format: Option<String>,
        /// `table` for people, `json` for scripts, `ids` for one id a line.
        #[arg(long, value_enum, default_value_t = ListOutputArg::Table)]
        output: ListOutputArg,
        /// Make the table at most N characters wide, wrapping cells at spaces
        /// [default: the terminal's width; unlimited when not on a terminal].
        #[arg(long, value_name = "N")]
        width: Option<usize>,
    },

    /// Show everything about one forum: when, where, who, its seats, its findings
    ///
    /// Exits with 1 when the forum takes part in an error finding, with 2 when the week
    /// has no forum with this id (the closest ones are suggested).
    ///
    /// Example:
    ///   fora show week.json eroeffnung
    #[command(verbatim_doc_comment)]
    Show {
        /// The week file.
        file: PathBuf,
        /// The forum's id (`fora list` shows them).
        id: String,
        /// `human` for people, `json` for scripts.
        #[arg(long, value_enum, default_value_t = ReportFormatArg::Human)]
        format: ReportFormatArg,
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
        /// The calendar's name as calendar apps list it (NAME, X-WR-CALNAME)
        /// [default: the week's name; with --only, --day or --room "<week> – selection"].
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
    },

    /// Export the programme for conference apps: a frab schedule (schedule.xml or schedule.json)
    ///
    /// frab is the conference planning system of the Chaos Communication Congress; its
    /// schedule formats, kept by the c3voc as an XSD and a JSON Schema, are what the apps
    /// attendees carry read: Giggity and EventFahrplan (Android), ConfClerk (Linux, Sailfish),
    /// the c3voc recording tracker and streaming pages, and many more. The export is valid
    /// against both schemas: one event per scheduled forum, filed under the day it starts on
    /// (a forum across midnight too), in a room by its name, with its speakers, format (track
    /// and type), description, join link and, under --base-url, its page
    /// (`<base>/<lang>/fora/<id>.html`). Guids and ids are stable: made from the week's and
    /// the forum's `id` (as calendar UIDs are), never from names, and kept from an import
    /// (`x-frab-guid`, `x-frab-id`).
    ///
    /// Cancelled and unscheduled fora are left out, and what the formats cannot carry (rules,
    /// expect, x- keys …) is named on standard error. `version` is the week's `updated`
    /// ("unversioned" without it: apps notice a new programme by its version, so set
    /// `updated` when publishing changes). A week whose fora or rooms share an id is refused.
    ///
    /// Examples:
    ///   fora export week.json --format frab-xml -o schedule.xml
    ///   fora export week.json --format frab-json --base-url https://example.org/week -o schedule.json
    #[command(after_help = EXPORT_EXIT_CODES, verbatim_doc_comment)]
    Export {
        /// The week file.
        file: PathBuf,
        /// frab-xml (schedule.xml, the XSD's) or frab-json (schedule.json, the JSON Schema's).
        #[arg(long, value_enum)]
        format: ExportFormatArg,
        /// Write here instead of to standard output (`-`). The file is replaced in one step.
        #[arg(short, long, value_name = "OUT", default_value = "-")]
        output: PathBuf,
        /// Where the programme site is published (an https:// or http:// address): each event's
        /// url is its forum's page beneath it. Needed by frab-json, whose schema requires the url.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
    },

    /// Write the programme site: static pages in German and English, with calendars
    ///
    /// DIR gets the programme by day, a page per forum, room and speaker, and with
    /// --previous a page of what changed, in de/ and en/, each page linking the other
    /// language; and the calendars: the whole week (byte for byte what `fora ics` writes),
    /// each day, room and forum. Attendees star fora in the page to make their own
    /// programme, kept in their browser and in a link they can share, and download it as a
    /// calendar (what `fora ics --only` writes); they can switch every time to their own
    /// zone. Links are relative, so the folder works under any address and from disk;
    /// nothing is loaded from elsewhere. The pages read without JavaScript.
    ///
    /// DIR is replaced as a whole in one step: it must be empty, new, or a site written by
    /// `fora site` before (it holds week.json, the week published, without who registered).
    ///
    /// Examples:
    ///   fora site week.json -o public
    ///   fora site week.json -o public --base-url https://example.org/woche/ --previous public
    ///   fora site week.json -o public --css gemeinde.css
    #[command(after_help = SITE_EXIT_CODES, verbatim_doc_comment)]
    Site {
        /// The week file.
        file: PathBuf,
        /// The folder to write the site to.
        #[arg(short, long, value_name = "DIR")]
        output: PathBuf,
        /// Where the site is published (an https:// or http:// address): calendars get
        /// webcal:// subscription links and their address to copy.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// The site published before (its folder; may be DIR itself): a page says what
        /// changed, and each calendar keeps its unchanged events and raises the SEQUENCE of
        /// changed ones, as `fora ics --previous` does.
        #[arg(long, value_name = "DIR")]
        previous: Option<PathBuf>,
        /// A stylesheet of your own, added after the site's (colours, logo, fonts you host).
        #[arg(long, value_name = "FILE")]
        css: Option<PathBuf>,
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
        #[arg(long, value_name = "LANG", ignore_case = true, value_parser = language())]
        language: Option<Language>,
        /// The day's window starts here: no forum earlier (`rules.day_start`).
        #[arg(long, value_name = "HH:MM", default_value = "09:00", value_parser = day_time)]
        day_start: DayTime,
        /// The day's window ends here: no forum later (`rules.day_end`; `24:00` is midnight).
        #[arg(long, value_name = "HH:MM", default_value = "18:00", value_parser = day_time)]
        day_end: DayTime,
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

    /// Change fields of a forum: title, duration, format, url, description, room, speakers, status,
    /// registrations, capacity, and for planning window, after, before, prefer, fixed
    ///
    /// An empty value removes an optional field; speakers, and the stretches of time, fora and
    /// wishes of window, after, before and prefer, are separated by commas.
    ///
    /// Examples:
    ///   fora set week.json podium "title=Podium: Engagement vor Ort" duration=75m \
    ///     "speakers=Landesregierung NRW, Generali Zukunftsfonds"
    ///   fora set week.json workshop-2 window=2020-06-23,2020-06-24T09:00/12:00 \
    ///     after=eroeffnung prefer=vormittags fixed=true
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

    /// Rooms of the week: list, add, set, rm
    #[command(subcommand)]
    Room(RoomCommand),

    /// The week itself: its name, dates, zone, language, id, figures and contact
    #[command(subcommand)]
    Week(WeekCommand),

    /// The rules the programme is checked against
    #[command(subcommand)]
    Rules(RulesCommand),

    /// The published figures the programme must match
    #[command(subcommand)]
    Expect(ExpectCommand),

    /// Read a registration system's export into the week: each forum's registrations and attendees
    ///
    /// The export is a CSV file with one row per attendee and forum (`;` as German Excel
    /// writes it, or `,`; UTF-8, with or without BOM, or Windows-1252). Two columns are
    /// read, found by their headers: the forum (forum, forum_id, veranstaltung, session,
    /// title, titel …: a forum's id, else its exact title) and the attendee's pseudonymous
    /// number (attendee, teilnehmer, teilnehmer-nr, teilnehmende, nummer, number, person …);
    /// a lone `id` column is whichever of the two is not found otherwise. No other column is read: names and
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

    /// Make a week file of a programme from frab, pretalx, the CCC hub or a spreadsheet
    ///
    /// Reads frab's schedule.xml and schedule.json (what FOSDEM, the CCC congresses,
    /// DebConf and pretalx publish), the c3voc schedule2 JSON of the CCC hub, and
    /// spreadsheets: CSV as Excel and LibreOffice save it (`;`, `,` or tab; UTF-8 or
    /// Windows-1252), XLSX and ODS. The format is recognised from the content; --from names
    /// it when that fails.
    ///
    /// Every event comes in at its exact instant: a schedule's times are taken from each
    /// event's `date` with its offset, and shown on the clock of the week's zone (the
    /// schedule's `time_zone_name`, else --timezone). Rooms are declared from the rooms
    /// used; speakers come from the persons; ids from slugs, codes or guids, made unique.
    /// A schedule's guids and ids are kept as `x-frab-guid` and `x-frab-id`, so that
    /// `fora export` gives them back. What the week file has no place for (subtitles,
    /// links, attachments, recording flags) is counted on standard error.
    ///
    /// A spreadsheet has one row a forum and a header row, in German or English, in any
    /// case, with a unit in parentheses where it matters: Datum/Date, Beginn/Uhrzeit/
    /// Start/Time, Ende/End, Dauer/Duration ("Dauer (Minuten)", "Duration (h)"), Titel/
    /// Title, Raum/Room, Referent*innen/Mitwirkende/Speakers, Format/Type, Beschreibung/
    /// Description, Link/URL, ID. Dates as 23.06.2020, 2020-06-23 or 23.6.20; durations as
    /// 90, 1:30, 1,5 h or 90 min; several speakers in a cell separated by `;`, `,` or line
    /// breaks. `fora timetable --format csv` reads back in.
    ///
    /// Examples:
    ///   fora import schedule.xml -o woche.json
    ///   fora import programm.csv -o woche.json --timezone Europe/Berlin --name "Engagementwoche"
    ///   curl -sL https://pretalx.example.org/event/schedule/export/schedule.json \
    ///     | fora import - -o woche.json && fora check woche.json
    #[command(verbatim_doc_comment)]
    Import {
        /// The programme to read (`-` reads standard input).
        source: PathBuf,
        /// The week file to write [default: standard output].
        #[arg(
            short,
            long,
            value_name = "WEEK",
            default_value = "-",
            hide_default_value = true
        )]
        output: PathBuf,
        /// Its format, when it is not recognised from the content.
        #[arg(long, value_name = "FORMAT", value_parser = source())]
        from: Option<Source>,
        /// The IANA zone of the week, and the one a spreadsheet's times are read in
        /// [default: the schedule's time_zone_name].
        #[arg(long, value_name = "ZONE", value_parser = zone)]
        timezone: Option<Tz>,
        /// The week's name [default: the schedule's title, else the file's name].
        #[arg(long)]
        name: Option<String>,
        /// The week's language, written into the file [default: the schedule's].
        #[arg(long, value_name = "LANG", ignore_case = true, value_parser = language())]
        language: Option<Language>,
        /// Leave out the rows of a spreadsheet that cannot be read (each is reported)
        /// instead of stopping at the first.
        #[arg(long)]
        skip_bad_rows: bool,
        /// Replace the week file if it exists.
        #[arg(long)]
        force: bool,
    },

    /// Find the slots where a forum of a given length fits
    ///
    /// A slot is a free window in one room on one day where the forum fits without any
    /// error finding and within the rules: the day's window (09:00–18:00 when the week sets
    /// none), the least gap in a room, and no parallel fora when the week forbids them.
    /// With --speaker, only where each of these speakers is free as well.
    ///
    /// Examples:
    ///   fora free week.json --duration 90m --day 2015-11-06
    ///   fora free week.json --duration 1h --speaker "Anna Schmidt" --speaker "Jonas Weber"
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
        /// Only where this speaker is free too (in every room); repeat for more.
        #[arg(long = "speaker", value_name = "NAME")]
        speakers: Vec<String>,
        /// `table` for people, `json` for scripts.
        #[arg(long, value_enum, default_value_t = ListingArg::Table)]
        format: ListingArg,
    },

    /// Place the fora without a start automatically, or re-plan after a change
    ///
    /// Every forum that takes place and has no start gets a start and a room where
    /// `fora check` finds no error: its room is free, its speakers speak nowhere else, the
    /// week's days and day window (09:00–18:00 when the week sets none), single track,
    /// skipped hours and capacity (registrations within the room's seats); and what the week
    /// file says for planning: speakers' and rooms' `available` times, a forum's `window`,
    /// `after`/`before` other fora, `groups` that must not run in parallel. Starts lie on
    /// `rules.grid` (15 minutes when not set). Fora that have a start stay where they are.
    ///
    /// Then, in this order, it keeps few attendees with two fora at once (from the fora's
    /// `attendees`), few warnings (short gaps, days over their hours), rooms that fit their
    /// audience, the fora's `prefer` (a day, morning, afternoon, hours) and a compact day.
    /// With --replan it may move scheduled fora too (never `"fixed": true`), as few as it
    /// can: the fora that now break a rule first.
    ///
    /// The report says what was placed and moved, the objective's figures, and for each
    /// forum without a place why. The same week and seed give the same plan, unless
    /// --time-limit stops the search first (the report says so).
    ///
    /// Examples:
    ///   fora plan week.json                      # show the plan, write nothing
    ///   fora plan week.json -o planned.json      # write the planned week to a copy
    ///   fora plan week.json --write              # write it into week.json
    ///   fora plan week.json --replan --write     # after a change: move as few as can be
    #[command(after_help = PLAN_EXIT_CODES, verbatim_doc_comment)]
    Plan {
        /// The week file.
        file: PathBuf,
        /// Write the planned week to this file (`-` for standard output; the report then
        /// goes to standard error).
        #[arg(short, long, value_name = "FILE", conflicts_with = "write")]
        output: Option<PathBuf>,
        /// Write the planned week into the week file itself, changing only the starts and
        /// rooms it sets (and `updated`).
        #[arg(long)]
        write: bool,
        /// Report the plan; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Move scheduled fora too (not those marked `"fixed": true`), as few as can be.
        #[arg(long)]
        replan: bool,
        /// The seed of the search's choices: the same seed, the same plan.
        #[arg(long, value_name = "N", default_value_t = 1)]
        seed: u64,
        /// Stop searching after this long (`10s`, `2m`, `500ms`) with the best plan so far.
        #[arg(long, value_name = "TIME", value_parser = time_limit)]
        time_limit: Option<std::time::Duration>,
        /// `human` for people, `json` for scripts.
        #[arg(long, value_enum, default_value_t = ReportFormatArg::Human)]
        format: ReportFormatArg,
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

    /// Print the JSON Schema of the week file (draft 2020-12), for editors
    ///
    /// Editors such as VS Code complete and check a week file that names it:
    /// `"$schema": "./week.schema.json"` (or the schema's address). The same schema is
    /// `schema/week.schema.json` in fora's repository.
    ///
    /// Example:
    ///   fora schema > week.schema.json
    #[command(verbatim_doc_comment)]
    Schema,
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
        /// Its join link (an https:// or http:// address).
        #[arg(long)]
        url: Option<String>,
        /// How many people fit (`120`, `1.200`).
        #[arg(long, value_parser = count)]
        capacity: Option<u64>,
        /// `--force` and `--dry-run`.
        #[command(flatten)]
        edit: EditFlags,
    },

    /// List the rooms: id, name, capacity, join link and how many fora are in each
    #[command(after_help = LIST_EXIT_CODES)]
    List {
        /// The week file.
        file: PathBuf,
        /// `table` for people, `json` for scripts.
        #[arg(long, value_enum, default_value_t = ListingArg::Table)]
        format: ListingArg,
    },

    /// Change a room: name, url, capacity
    ///
    /// An empty value removes the field (a room without a name shows its id).
    ///
    /// Example:
    ///   fora room set week.json plenum "name=Plenum (Zoom)" url=https://zoom.us/j/123 capacity=500
    #[command(after_help = EDIT_EXIT_CODES, verbatim_doc_comment)]
    Set {
        /// The week file.
        file: PathBuf,
        /// The room's id.
        id: String,
        /// What to change.
        #[arg(value_name = "FIELD=VALUE", required = true)]
        assignments: Vec<String>,
        /// `--force` and `--dry-run`.
        #[command(flatten)]
        edit: EditFlags,
    },

    /// Remove a room; a room fora are in is kept unless they move with --reassign
    ///
    /// Example:
    ///   fora room rm week.json werkstatt --reassign plenum
    #[command(after_help = EDIT_EXIT_CODES, verbatim_doc_comment)]
    Rm {
        /// The week file.
        file: PathBuf,
        /// The room's id.
        id: String,
        /// Move the room's fora into this room, in the same edit.
        #[arg(long, value_name = "ROOM")]
        reassign: Option<String>,
        /// `--force` and `--dry-run`.
        #[command(flatten)]
        edit: EditFlags,
    },
}

/// The commands on the week itself.
#[derive(Debug, Subcommand)]
pub enum WeekCommand {
    /// Change the week: name, description, start, end, timezone, language, id,
    /// registrations, participants, contact_name, contact_email
    ///
    /// An empty value removes an optional field. A new id (or, without one, a new name or
    /// first day) changes every calendar UID; `fora` says so.
    ///
    /// Example:
    ///   fora week set week.json end=2020-06-27 registrations=1.200 language=de \
    ///     "contact_name=Netzwerk engagiert in NRW" contact_email=kontakt@example.org
    #[command(after_help = EDIT_EXIT_CODES, verbatim_doc_comment)]
    Set(Assignments),
}

/// The commands on the week's rules.
#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Change the rules: day_start, day_end, min_gap, max_hours_per_day, parallel, grid
    ///
    /// Times as 09:00, the gap as a duration (15m; 0m for none), hours with a comma or a
    /// point (6,5), parallel as yes/no (ja/nein, true/false), the grid `fora plan` starts
    /// fora on as a duration (15m when not set). An empty value removes a rule.
    ///
    /// Example:
    ///   fora rules set week.json day_start=09:00 day_end=18:00 min_gap=15m \
    ///     parallel=false max_hours_per_day=6,5 grid=30m
    #[command(after_help = EDIT_EXIT_CODES, verbatim_doc_comment)]
    Set(Assignments),
}

/// The commands on the week's expected figures.
#[derive(Debug, Subcommand)]
pub enum ExpectCommand {
    /// Change the figures the programme must match: fora, hours
    ///
    /// Example:
    ///   fora expect set week.json fora=15 hours=15,5
    #[command(after_help = EDIT_EXIT_CODES, verbatim_doc_comment)]
    Set(Assignments),
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

/// The filters `timetable` and `list` share. A forum is shown when it passes all given.
#[derive(Clone, Debug, clap::Args)]
pub struct FilterArgs {
    /// Only the fora that start on this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub day: Option<NaiveDate>,
    /// Only the fora in the room with this id.
    #[arg(long, value_name = "ID")]
    pub room: Option<String>,
    /// Only the fora with a speaker whose name holds this (any case, umlauts written out
    /// or not).
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
    /// Only the fora with this status: confirmed, tentative or cancelled (bestätigt,
    /// vorläufig, abgesagt).
    #[arg(long, value_name = "STATUS", value_parser = status)]
    pub status: Option<Status>,
    /// Only the fora whose id, title, format, speakers or description hold every word of
    /// TEXT (any case, umlauts written out or not).
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Only the fora without a start yet.
    #[arg(long)]
    pub unscheduled: bool,
}

impl FilterArgs {
    /// The filters, with the format given by the command's own flag.
    fn with_format(self, format: Option<String>) -> commands::Filter {
        commands::Filter {
            day: self.day,
            room: self.room,
            speaker: self.speaker,
            format,
            status: self.status,
            search: self.search,
            unscheduled: self.unscheduled,
        }
    }
}

/// What `week set`, `rules set` and `expect set` take.
#[derive(Clone, Debug, clap::Args)]
pub struct Assignments {
    /// The week file.
    pub file: PathBuf,
    /// What to change.
    #[arg(value_name = "FIELD=VALUE", required = true)]
    pub assignments: Vec<String>,
    /// `--force` and `--dry-run`.
    #[command(flatten)]
    pub edit: EditFlags,
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

const LIST_EXIT_CODES: &str = "\
Exit codes:
  0  the week could be read
  2  it could not be read or understood";

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

/// How `fora list` prints the fora.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListOutputArg {
    /// A table for people.
    Table,
    /// One JSON array.
    Json,
    /// One id a line.
    Ids,
}

impl From<ListOutputArg> for commands::ListOutput {
    fn from(output: ListOutputArg) -> Self {
        match output {
            ListOutputArg::Table => Self::Table,
            ListOutputArg::Json => Self::Json,
            ListOutputArg::Ids => Self::Ids,
        }
    }
}

/// The formats of `fora export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormatArg {
    /// frab's schedule.xml.
    FrabXml,
    /// frab's schedule.json.
    FrabJson,
}

impl From<ExportFormatArg> for crate::export::frab::FrabFormat {
    fn from(format: ExportFormatArg) -> Self {
        match format {
            ExportFormatArg::FrabXml => Self::Xml,
            ExportFormatArg::FrabJson => Self::Json,
        }
    }
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
    PossibleValuesParser::new(["table", "markdown", "csv", "xlsx"]).map(|name| {
        match name.as_str() {
            "markdown" => Format::Markdown,
            "csv" => Format::Csv,
            "xlsx" => Format::Xlsx,
            _ => Format::Table,
        }
    })
}

fn dialect() -> impl clap::builder::TypedValueParser<Value = Dialect> {
    PossibleValuesParser::new(Dialect::ALL.map(|(name, _)| name)).map(|name| {
        Dialect::ALL
            .into_iter()
            .find(|(known, _)| *known == name)
            .map_or(Dialect::ExcelDe, |(_, dialect)| dialect)
    })
}

fn date_time(text: &str) -> Result<NaiveDateTime, ValueError> {
    crate::model::local_date_time(text).ok_or_else(|| ValueError::DateTime(text.to_owned()))
}

/// How long the planner may search: `10s`, `2m`, `1m30s`, `500ms`, more than nothing.
fn time_limit(text: &str) -> Result<std::time::Duration, ValueError> {
    text.trim()
        .parse::<jiff::SignedDuration>()
        .ok()
        .and_then(|limit| std::time::Duration::try_from(limit).ok())
        .filter(|limit| !limit.is_zero())
        .ok_or_else(|| ValueError::TimeLimit(text.to_owned()))
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

/// A status in English as week files write it, or in German, in any case.
fn status(text: &str) -> Result<Status, ValueError> {
    Status::parse_typed(text).ok_or_else(|| ValueError::Status(text.to_owned()))
}

/// An IANA zone, or the closest one suggested.
fn zone(text: &str) -> Result<Tz, ValueError> {
    text.parse::<Tz>().map_err(|_| ValueError::TimeZone {
        text: text.to_owned(),
        closest: crate::suggest::time_zone(text),
    })
}

fn source() -> impl clap::builder::TypedValueParser<Value = Source> {
    PossibleValuesParser::new(Source::ALL.map(Source::code))
        .map(|name| Source::parse(&name).expect("one of the formats"))
}

fn date(text: &str) -> Result<NaiveDate, ValueError> {
    crate::edit::value::date(text)
}

fn day_time(text: &str) -> Result<DayTime, ValueError> {
    crate::edit::value::day_time(text)
}

fn count(text: &str) -> Result<u64, ValueError> {
    crate::edit::value::count(text)
}

impl Cli {
    /// The week file whose `language` the command's messages follow (the new one of `diff`).
    pub fn week_file(&self) -> Option<&Path> {
        match &self.command {
            Command::Check { file, .. }
            | Command::Timetable { file, .. }
            | Command::List { file, .. }
            | Command::Show { file, .. }
            | Command::Ics { file, .. }
            | Command::Export { file, .. }
            | Command::Site { file, .. }
            | Command::Add { file, .. }
            | Command::Move { file, .. }
            | Command::Set { file, .. }
            | Command::Cancel { file, .. }
            | Command::Rm { file, .. }
            | Command::Room(
                RoomCommand::Add { file, .. }
                | RoomCommand::List { file, .. }
                | RoomCommand::Set { file, .. }
                | RoomCommand::Rm { file, .. },
            )
            | Command::Week(WeekCommand::Set(Assignments { file, .. }))
            | Command::Rules(RulesCommand::Set(Assignments { file, .. }))
            | Command::Expect(ExpectCommand::Set(Assignments { file, .. }))
            | Command::Registrations { file, .. }
            | Command::Free { file, .. }
            | Command::Plan { file, .. } => Some(file),
            Command::Diff { new, .. } => Some(new),
            Command::New { .. }
            | Command::Import { .. }
            | Command::Completions { .. }
            | Command::Man
            | Command::Schema => None,
        }
    }
}

/// What a parsed command line asks for.
pub enum Invocation {
    /// Check a week.
    Check(commands::CheckOptions),
    /// Show its timetable.
    Timetable(commands::TimetableOptions),
    /// List its fora.
    List(commands::ListOptions),
    /// Show one forum.
    Show(commands::ShowOptions),
    /// Export its calendar.
    Ics(commands::IcsOptions),
    /// Export its frab schedule.
    Export(commands::ExportOptions),
    /// Write its programme site.
    Site(commands::SiteOptions),
    /// Compare two versions.
    Diff(commands::DiffOptions),
    /// Create a week file.
    New(commands::NewOptions),
    /// Change a week file.
    Edit(commands::EditOptions, Change),
    /// Find free slots.
    Free(commands::FreeOptions),
    /// Place fora automatically.
    Plan(commands::PlanOptions),
    /// List the rooms.
    RoomList(commands::RoomListOptions),
    /// Read registrations into a week.
    Registrations(commands::RegistrationsOptions),
    /// Make a week of another format.
    Import(commands::ImportOptions),
    /// Print a completion script.
    Completions(clap_complete::Shell),
    /// Print the manual page.
    Man,
    /// Print the week file's JSON Schema.
    Schema,
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
                name,
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
                name,
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
                day_start,
                day_end,
                force,
            } => Invocation::New(commands::NewOptions {
                file,
                name,
                start,
                end,
                timezone,
                week_language,
                day: (day_start, day_end),
                force,
                language,
            }),
            Command::Room(RoomCommand::List { file, format }) => {
                Invocation::RoomList(commands::RoomListOptions {
                    file,
                    format: format.into(),
                    language,
                })
            }
            Command::Free {
                file,
                duration,
                day,
                room,
                speakers,
                format,
            } => Invocation::Free(commands::FreeOptions {
                file,
                duration,
                day,
                room,
                speakers,
                format: format.into(),
                language,
            }),
            command @ Command::Registrations { .. } => registrations(command, language),
            command @ Command::Import { .. } => import(command, language),
            command @ Command::Export { .. } => export(command, language),
            command @ Command::Site { .. } => site(command, language),
            command @ Command::Plan { .. } => plan(command, language),
            Command::Completions { shell } => Invocation::Completions(shell),
            Command::Man => Invocation::Man,
            Command::Schema => Invocation::Schema,
            command @ (Command::Timetable { .. } | Command::List { .. } | Command::Show { .. }) => {
                reading_invocation(command, language)
            }
            edit => edit_invocation(edit, language),
        }
    }
}

/// The options of a command that shows fora: `timetable`, `list`, `show`.
fn reading_invocation(command: Command, language: Option<Language>) -> Invocation {
    match command {
        Command::Timetable {
            file,
            filter,
            forum_format,
            format,
            csv_dialect,
            output,
            width,
        } => Invocation::Timetable(commands::TimetableOptions {
            file,
            language,
            filter: filter.with_format(forum_format),
            format,
            csv_dialect,
            output,
            width,
        }),
        Command::List {
            file,
            filter,
            format,
            output,
            width,
        } => Invocation::List(commands::ListOptions {
            file,
            language,
            filter: filter.with_format(format),
            output: output.into(),
            width,
        }),
        Command::Show { file, id, format } => Invocation::Show(commands::ShowOptions {
            file,
            id,
            format: format.into(),
            language,
        }),
        _ => unreachable!("the other commands show no fora"),
    }
}

/// The options of `fora import`.
fn import(command: Command, language: Option<Language>) -> Invocation {
    let Command::Import {
        source,
        output,
        from,
        timezone,
        name,
        language: week_language,
        skip_bad_rows,
        force,
    } = command
    else {
        unreachable!("only fora import");
    };
    Invocation::Import(commands::ImportOptions {
        source,
        output,
        from,
        read: crate::import::Options {
            timezone,
            name,
            language: week_language,
            skip_bad_rows,
        },
        force,
        language,
    })
}

/// The options of `fora export`.
fn export(command: Command, language: Option<Language>) -> Invocation {
    let Command::Export {
        file,
        format,
        output,
        base_url,
    } = command
    else {
        unreachable!("only fora export");
    };
    Invocation::Export(commands::ExportOptions {
        file,
        format: format.into(),
        output,
        base_url,
        language,
    })
}

/// The options of `fora plan`.
fn plan(command: Command, language: Option<Language>) -> Invocation {
    let Command::Plan {
        file,
        output,
        write,
        dry_run,
        replan,
        seed,
        time_limit,
        format,
    } = command
    else {
        unreachable!("only fora plan");
    };
    Invocation::Plan(commands::PlanOptions {
        file,
        output,
        write,
        dry_run,
        replan,
        seed,
        time_limit,
        format: format.into(),
        language,
    })
}

/// The options of `fora site`.
fn site(command: Command, language: Option<Language>) -> Invocation {
    let Command::Site {
        file,
        output,
        base_url,
        previous,
        css,
    } = command
    else {
        unreachable!("only fora site");
    };
    Invocation::Site(commands::SiteOptions {
        file,
        output,
        base_url,
        previous,
        css,
        language,
    })
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
        Command::Room(RoomCommand::Set {
            file,
            id,
            assignments,
            edit,
        }) => (options(file, edit), Change::SetRoom { id, assignments }),
        Command::Room(RoomCommand::Rm {
            file,
            id,
            reassign,
            edit,
        }) => (options(file, edit), Change::RemoveRoom { id, reassign }),
        Command::Week(WeekCommand::Set(Assignments {
            file,
            assignments,
            edit,
        })) => (options(file, edit), Change::SetWeek(assignments)),
        Command::Rules(RulesCommand::Set(Assignments {
            file,
            assignments,
            edit,
        })) => (options(file, edit), Change::SetRules(assignments)),
        Command::Expect(ExpectCommand::Set(Assignments {
            file,
            assignments,
            edit,
        })) => (options(file, edit), Change::SetExpect(assignments)),
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
