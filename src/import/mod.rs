//! Readers of other worlds into a week: what they take, and what they leave out.
//!
//! Each reader turns its format into a [`Programme`]: the events as the source gives them,
//! with their instants or local starts, rooms and speakers by name. [`build`] makes the one
//! week file of every programme: the zone, the days, the rooms declared from the rooms used,
//! ids made unique. So every format is read leniently in its own file, and the week it
//! becomes is made in one place.

mod frab;
pub mod registrations;
mod sheet;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, Offset, TimeZone};
use chrono_tz::Tz;
use serde_json::{Map, Value};

use crate::model::{self, Duration, InputError, Language, Status, Week, identity, slug};

/// A format `fora import` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {
    /// frab's `schedule.xml` (also pentabarf's, FOSDEM's, Giggity's).
    FrabXml,
    /// frab's `schedule.json` (also what pretalx writes as `schedule.json`).
    FrabJson,
    /// The c3voc `schedule2` JSON (the CCC hub's).
    Schedule2,
    /// pretalx's own JSON export (its `/schedule/export/schedule.json` is frab JSON).
    Pretalx,
    /// A spreadsheet saved as CSV.
    Csv,
    /// An Excel workbook.
    Xlsx,
    /// An OpenDocument spreadsheet (LibreOffice).
    Ods,
}

impl Source {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [Source; 7] = [
        Source::FrabXml,
        Source::FrabJson,
        Source::Schedule2,
        Source::Pretalx,
        Source::Csv,
        Source::Xlsx,
        Source::Ods,
    ];

    /// The name `--from` takes.
    pub fn code(self) -> &'static str {
        match self {
            Source::FrabXml => "frab-xml",
            Source::FrabJson => "frab-json",
            Source::Schedule2 => "schedule2",
            Source::Pretalx => "pretalx",
            Source::Csv => "csv",
            Source::Xlsx => "xlsx",
            Source::Ods => "ods",
        }
    }

    /// The format named so on the command line.
    pub fn parse(name: &str) -> Option<Self> {
        Source::ALL
            .into_iter()
            .find(|source| source.code().eq_ignore_ascii_case(name.trim()))
    }
}

/// The format of `bytes`, recognised from their content: a zip is a workbook (XLSX or ODS
/// by what it holds), markup is frab XML, JSON is one of the schedule formats (see
/// [`frab::recognise`]), anything else is read as CSV.
pub fn recognise(bytes: &[u8]) -> Option<Source> {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if text.starts_with(b"PK\x03\x04") {
        // An ODS names its kind in its first entry, `mimetype`, stored uncompressed.
        let head = &text[..text.len().min(200)];
        let ods = memchr::memmem::find(head, b"application/vnd.oasis.opendocument").is_some();
        return Some(if ods { Source::Ods } else { Source::Xlsx });
    }
    match text.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'<') => Some(Source::FrabXml),
        // A schedule is an object; an array is no format fora reads, and no CSV either.
        Some(b'{' | b'[') => frab::recognise(text),
        Some(_) => Some(Source::Csv),
        None => None,
    }
}

/// Whether `bytes` are a week file: a JSON object with `fora` and `timezone` (no schedule
/// has both).
pub fn is_week(bytes: &[u8]) -> bool {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    serde_json::from_slice::<Value>(text).is_ok_and(|value| {
        value.get("fora").is_some_and(Value::is_array) && value.get("timezone").is_some()
    })
}

/// Reads `bytes` as `source`.
pub fn read(source: Source, bytes: &[u8], options: &Options) -> Result<Programme, ImportError> {
    match source {
        Source::FrabXml | Source::FrabJson | Source::Schedule2 | Source::Pretalx => {
            frab::read(source, bytes)
        }
        Source::Csv | Source::Xlsx | Source::Ods => sheet::read(source, bytes, options),
    }
}

/// What an import is told on the command line.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The zone to read local times in, and the week's zone; else the source's.
    pub timezone: Option<Tz>,
    /// The week's name; else the source's title, else the file's name.
    pub name: Option<String>,
    /// The week's language; else the source's.
    pub language: Option<Language>,
    /// Read on past rows of a spreadsheet that cannot be read, reporting each.
    pub skip_bad_rows: bool,
}

/// A programme as a source gives it, before it is a week.
#[derive(Clone, Debug, Default)]
pub struct Programme {
    /// Its title.
    pub name: Option<String>,
    /// The IANA zone it names (frab's `time_zone_name`).
    pub timezone: Option<String>,
    /// The language it names.
    pub language: Option<Language>,
    /// Its first and last day, when it says them.
    pub days: Option<(NaiveDate, NaiveDate)>,
    /// The rooms it declares, by name, in its order (rooms used but not declared follow).
    pub rooms: Vec<String>,
    /// The events, in the source's order.
    pub events: Vec<Event>,
    /// Keys kept on the week (`x-frab-acronym` …) so that a round trip gives them back.
    pub extra: Map<String, Value>,
    /// What the week file has no place for, counted.
    pub dropped: BTreeMap<Dropped, usize>,
    /// What the reader noticed and read on past.
    pub warnings: Vec<Warning>,
}

/// One event as a source gives it.
#[derive(Clone, Debug, Default)]
pub struct Event {
    /// What the source identifies it by (slug, code, guid …), best first; the first that
    /// makes a forum id does.
    pub ids: Vec<String>,
    /// The title.
    pub title: String,
    /// When it starts; `None` while it has no start.
    pub start: Option<Start>,
    /// How long it runs, in minutes.
    pub minutes: u32,
    /// The name of its room.
    pub room: Option<String>,
    /// Who speaks.
    pub speakers: Vec<String>,
    /// Its kind (frab's `type`).
    pub format: Option<String>,
    /// Free text for attendees.
    pub description: Option<String>,
    /// Its join link.
    pub url: Option<String>,
    /// Whether it takes place.
    pub status: Status,
    /// Keys kept on the forum (`x-frab-guid`, `x-frab-id` …).
    pub extra: Map<String, Value>,
}

/// When an event starts, as the source says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Start {
    /// An instant with its offset (frab's `date`): exact whatever the zone.
    Instant(DateTime<FixedOffset>),
    /// A local time, read in the week's zone (a spreadsheet's date and time).
    Local(NaiveDateTime),
}

/// What a source says that the week file has no place for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Dropped {
    /// Subtitles.
    Subtitle,
    /// Links other than the join link.
    Link,
    /// Attachments.
    Attachment,
    /// Recording flags and licences.
    Recording,
    /// Tracks (kept only as the format when there is no type).
    Track,
    /// Abstracts beside a description.
    Abstract,
}

/// Something an import noticed and read on past.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// Instants whose offsets are not the week's zone's at that instant.
    Offsets {
        /// The zone.
        zone: Tz,
        /// The offsets seen that disagree, once each.
        offsets: Vec<FixedOffset>,
        /// How many events.
        count: usize,
    },
    /// A row of a spreadsheet that could not be read, left out (`--skip-bad-rows`).
    SkippedRow(RowError),
    /// Events without a duration (or of 0 minutes), which run 1 minute in the week file.
    NoDuration {
        /// How many events.
        count: usize,
    },
    /// Events of more than a day, cut to the 24 hours a forum may run.
    LongDuration {
        /// How many events.
        count: usize,
    },
    /// Events that start in the second pass of an hour the clocks repeat: a week file's
    /// clock time there is the first pass, so they start an hour early.
    SecondPass {
        /// How many events.
        count: usize,
    },
}

/// A row of a spreadsheet that cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// The sheet of a workbook (a CSV file has one, unnamed).
    pub sheet: Option<String>,
    /// The row, from 1 as the spreadsheet numbers it.
    pub row: usize,
    /// The column's header.
    pub column: String,
    /// The value.
    pub value: String,
    /// What is wrong with it.
    pub problem: RowProblem,
}

/// What is wrong with a spreadsheet's cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowProblem {
    /// A row needs it, and it is empty.
    Empty,
    /// No date (`23.06.2020`, `2020-06-23`, `23.6.20`).
    Date,
    /// No time of day (`10:00`).
    Time,
    /// No duration (`90`, `1:30`, `1,5 h`, `90 min`).
    Duration,
    /// It ends before it starts.
    EndBeforeStart,
    /// A time without a date, and no date column gives one.
    NoDate,
    /// A date without a year (`23.06.`), and the sheet's other dates name no one year.
    NoYear,
    /// A start with no end: no duration or end column, and no range (`10:00–11:30`).
    NoEnd,
    /// No status (`bestätigt`, `vorläufig`, `abgesagt`, `confirmed` …).
    Status,
}

/// A column a spreadsheet cannot do without.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetColumn {
    /// The title (`Titel`, `Title`, `Thema` …).
    Title,
    /// The start (`Beginn`, `Start`, `Uhrzeit` …, or `Datum` holding dates and times).
    Start,
}

/// Why a source cannot be imported.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    /// No format could be recognised in it; `--from` names one.
    Unrecognised,
    /// It is a week file already: there is nothing to import.
    IsWeek,
    /// It is not what its format says (the parser's message, and where).
    Syntax {
        /// The format.
        source: Source,
        /// The parser's words.
        message: String,
    },
    /// It names no zone and none was given: `--timezone` is needed.
    NoZone {
        /// The offsets its instants carry, once each.
        offsets: Vec<FixedOffset>,
    },
    /// It names a zone that is no IANA zone.
    Zone(String),
    /// It has no dates at all: no event with a start, and no conference days.
    NoDates,
    /// Its dates run further than a week file holds ([`model::MAX_DAYS`] days, within the
    /// years 1 to 9999).
    Span {
        /// The first date.
        first: NaiveDate,
        /// The last date.
        last: NaiveDate,
    },
    /// A row of a spreadsheet cannot be read.
    Row(RowError),
    /// A spreadsheet has no header row naming the columns a programme needs.
    Columns {
        /// The columns not found.
        missing: Vec<SheetColumn>,
        /// The headers of the first row that has any, as the file writes them.
        headers: Vec<String>,
    },
    /// The week it becomes does not load (a bug of the reader: say so).
    Week(InputError),
}

/// A week made from a source: the file's text, and what was left out on the way.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The week file, as written.
    pub text: String,
    /// The week it is.
    pub week: Week,
    /// What the week file has no place for, counted.
    pub dropped: BTreeMap<Dropped, usize>,
    /// What was noticed and read on past.
    pub warnings: Vec<Warning>,
}

/// Makes the week file of `programme`: the zone from `options`, else the source's; local
/// times read in it; the days from the source, widened to cover every start; rooms declared
/// from those named; each event a forum with an id of its own.
pub fn build(
    mut programme: Programme,
    options: &Options,
    stem: &str,
) -> Result<Imported, ImportError> {
    let zone = zone(&programme, options)?;
    let mut warnings = std::mem::take(&mut programme.warnings);
    let starts: Vec<Option<NaiveDateTime>> = programme
        .events
        .iter()
        .map(|event| event.start.map(|start| local(start, zone)))
        .collect();
    let disagreeing = offsets(&programme.events, zone, true);
    if !disagreeing.is_empty() {
        let count = programme
            .events
            .iter()
            .filter(|event| matches!(event.start, Some(Start::Instant(at)) if !agrees(at, zone)))
            .count();
        warnings.push(Warning::Offsets {
            zone,
            offsets: disagreeing,
            count,
        });
    }
    warnings.extend(durations(&programme.events));
    let second_pass = programme
        .events
        .iter()
        .filter(|event| match event.start {
            Some(Start::Instant(at)) => zone
                .from_local_datetime(&local(Start::Instant(at), zone))
                .earliest()
                .is_some_and(|first| first.naive_utc() != at.naive_utc()),
            _ => false,
        })
        .count();
    if second_pass > 0 {
        warnings.push(Warning::SecondPass { count: second_pass });
    }
    // The days cover every start and every end (a forum past the last midnight is in the week).
    let ends = starts
        .iter()
        .zip(&programme.events)
        .filter_map(|(start, event)| {
            let minutes = i64::from(event.minutes.clamp(1, model::MAX_MINUTES)) - 1;
            start.map(|start| (start + chrono::TimeDelta::minutes(minutes)).date())
        });
    let dates = starts.iter().flatten().map(NaiveDateTime::date).chain(ends);
    let (first, last) = match (programme.days, dates.clone().min(), dates.max()) {
        (Some((a, b)), Some(min), Some(max)) => (a.min(min), b.max(max)),
        (Some(days), None, None) => days,
        (None, Some(min), Some(max)) => (min, max),
        _ => return Err(ImportError::NoDates),
    };
    let last_start = NaiveDate::from_ymd_opt(9999, 12, 30).expect("a date");
    if (last - first).num_days() >= model::MAX_DAYS || first.year() < 1 || last > last_start {
        return Err(ImportError::Span { first, last });
    }
    let name = options
        .name
        .clone()
        .or_else(|| programme.name.clone().filter(|n| !n.trim().is_empty()))
        .unwrap_or_else(|| stem.to_owned());
    let rooms = rooms(&programme);
    let mut root = Map::new();
    root.insert("id".into(), Value::from(identity::new_id(&name)));
    root.insert("name".into(), Value::from(name));
    root.insert("timezone".into(), Value::from(zone.name()));
    root.insert("start".into(), Value::from(first.to_string()));
    root.insert("end".into(), Value::from(last.to_string()));
    if let Some(language) = options.language.or(programme.language) {
        root.insert("language".into(), Value::from(language.code()));
    }
    if !rooms.is_empty() {
        let declared = rooms
            .iter()
            .map(|(name, id)| {
                let mut room = Map::new();
                room.insert("id".into(), Value::from(id.as_str()));
                room.insert("name".into(), Value::from(name.as_str()));
                Value::Object(room)
            })
            .collect();
        root.insert("rooms".into(), Value::Array(declared));
    }
    let mut taken = BTreeSet::new();
    let fora = programme
        .events
        .into_iter()
        .zip(starts)
        .map(|(event, start)| Value::Object(forum(event, start, &rooms, &mut taken)))
        .collect();
    root.insert("fora".into(), Value::Array(fora));
    root.extend(programme.extra);
    let mut text = serde_json::to_string_pretty(&root).expect("JSON values always serialise");
    text.push('\n');
    let week = Week::from_json(&text).map_err(ImportError::Week)?;
    Ok(Imported {
        text,
        week,
        dropped: programme.dropped,
        warnings,
    })
}

/// The warnings for durations a forum cannot have, which [`forum`] clamps.
fn durations(events: &[Event]) -> Vec<Warning> {
    let short = events.iter().filter(|e| e.minutes == 0).count();
    let long = events
        .iter()
        .filter(|e| e.minutes > model::MAX_MINUTES)
        .count();
    let mut warnings = Vec::new();
    if short > 0 {
        warnings.push(Warning::NoDuration { count: short });
    }
    if long > 0 {
        warnings.push(Warning::LongDuration { count: long });
    }
    warnings
}

/// The week's zone: the one given, else the one the source names; without either, an error
/// that lists the offsets seen.
fn zone(programme: &Programme, options: &Options) -> Result<Tz, ImportError> {
    if let Some(zone) = options.timezone {
        return Ok(zone);
    }
    match programme.timezone.as_deref().map(str::trim) {
        Some(name) if !name.is_empty() => name
            .parse::<Tz>()
            .map_err(|_| ImportError::Zone(name.to_owned())),
        _ => Err(ImportError::NoZone {
            offsets: offsets(&programme.events, chrono_tz::UTC, false),
        }),
    }
}

/// The offsets of the events' instants, once each in order of size; only those that
/// disagree with `zone` when `disagreeing`.
fn offsets(events: &[Event], zone: Tz, disagreeing: bool) -> Vec<FixedOffset> {
    let seen: BTreeSet<i32> = events
        .iter()
        .filter_map(|event| match event.start {
            Some(Start::Instant(at)) if !disagreeing || !agrees(at, zone) => {
                Some(at.offset().local_minus_utc())
            }
            _ => None,
        })
        .collect();
    seen.into_iter().filter_map(FixedOffset::east_opt).collect()
}

/// Whether the offset `at` carries says nothing against `zone`: it is the zone's at that
/// instant, or UTC's, in which some writers give every instant (DebConf's wafer writes
/// `+00:00` beside `Asia/Kolkata`), which is exact and no claim about the zone.
fn agrees(at: DateTime<FixedOffset>, zone: Tz) -> bool {
    at.offset().local_minus_utc() == 0
        || zone.offset_from_utc_datetime(&at.naive_utc()).fix() == *at.offset()
}

/// A start on the week's wall clock.
fn local(start: Start, zone: Tz) -> NaiveDateTime {
    match start {
        Start::Instant(at) => at.with_timezone(&zone).naive_local(),
        Start::Local(local) => local,
    }
}

/// The rooms to declare: (name, id), in the source's order, then in order of first use;
/// ids are the slugs of the names, made unique.
fn rooms(programme: &Programme) -> Vec<(String, String)> {
    let mut rooms: Vec<(String, String)> = Vec::new();
    let names = programme
        .rooms
        .iter()
        .chain(programme.events.iter().filter_map(|e| e.room.as_ref()));
    for name in names {
        let name = name.trim();
        if name.is_empty() || rooms.iter().any(|(n, _)| n == name) {
            continue;
        }
        let id = unique(&slug_or(name, "room"), |id| {
            rooms.iter().any(|(_, i)| i == id)
        });
        rooms.push((name.to_owned(), id));
    }
    rooms
}

/// The forum `event` becomes.
fn forum(
    event: Event,
    start: Option<NaiveDateTime>,
    rooms: &[(String, String)],
    taken: &mut BTreeSet<String>,
) -> Map<String, Value> {
    let base = event
        .ids
        .iter()
        .map(|id| slug(id))
        .find(|id| model::is_valid_id(id))
        .unwrap_or_else(|| slug_or(&event.title, "forum"));
    let id = unique(&base, |id| taken.contains(id));
    taken.insert(id.clone());
    let mut forum = Map::new();
    forum.insert("id".into(), Value::from(id));
    forum.insert("title".into(), Value::from(event.title));
    if let Some(format) = event.format.filter(|f| !f.trim().is_empty()) {
        forum.insert("format".into(), Value::from(format));
    }
    if let Some(start) = start {
        forum.insert(
            "start".into(),
            Value::from(start.format("%Y-%m-%dT%H:%M").to_string()),
        );
    }
    let duration = Duration::from_minutes(event.minutes.clamp(1, model::MAX_MINUTES))
        .expect("clamped into the range of durations");
    forum.insert("duration".into(), Value::from(duration.to_string()));
    let room = event.room.as_deref().map(str::trim);
    if let Some((_, id)) = rooms.iter().find(|(name, _)| Some(name.as_str()) == room) {
        forum.insert("room".into(), Value::from(id.as_str()));
    }
    let speakers: Vec<Value> = event
        .speakers
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(Value::from)
        .collect();
    if !speakers.is_empty() {
        forum.insert("speakers".into(), Value::Array(speakers));
    }
    if let Some(description) = event.description.filter(|d| !d.trim().is_empty()) {
        forum.insert("description".into(), Value::from(description));
    }
    if let Some(url) = event.url.filter(|u| !u.trim().is_empty()) {
        forum.insert("url".into(), Value::from(url.trim()));
    }
    if event.status != Status::Confirmed {
        forum.insert("status".into(), Value::from(event.status.code()));
    }
    forum.extend(event.extra);
    forum
}

fn slug_or(text: &str, fallback: &str) -> String {
    match slug(text) {
        s if s.is_empty() => fallback.to_owned(),
        s => s,
    }
}

/// `base`, else `base-2`, `base-3` … whichever is not taken.
fn unique(base: &str, taken: impl Fn(&str) -> bool) -> String {
    (1..)
        .map(|n| match n {
            1 => base.to_owned(),
            n => format!("{base}-{n}"),
        })
        .find(|id| !taken(id))
        .expect("some number is free")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(title: &str, start: Start, room: &str) -> Event {
        Event {
            ids: vec![title.to_owned()],
            title: title.to_owned(),
            start: Some(start),
            minutes: 30,
            room: Some(room.to_owned()),
            ..Event::default()
        }
    }

    fn instant(text: &str) -> Start {
        Start::Instant(DateTime::parse_from_rfc3339(text).unwrap())
    }

    #[test]
    fn instants_come_in_on_the_week_clock_and_ids_and_rooms_are_unique() {
        let programme = Programme {
            timezone: Some("Europe/Berlin".into()),
            events: vec![
                // 36C3's nights: filed under the 27th, on the 28th by the clock.
                event("Talk", instant("2019-12-28T01:30:00+01:00"), "Hall A"),
                event("Talk", instant("2019-12-28T00:30:00+01:00"), "Hall-A"),
                event("Ende", instant("2019-12-30T17:00:00+01:00"), "Hall A"),
            ],
            ..Programme::default()
        };
        let imported = build(programme, &Options::default(), "36c3").unwrap();
        let week = imported.week;
        assert_eq!(week.name, "36c3");
        assert_eq!(week.start.to_string(), "2019-12-28");
        assert_eq!(week.end.to_string(), "2019-12-30");
        let ids: Vec<_> = week.fora.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["talk", "talk-2", "ende"]);
        let starts: Vec<_> = week
            .fora
            .iter()
            .map(|f| f.start.unwrap().to_string())
            .collect();
        assert_eq!(starts[1], "2019-12-28 00:30:00");
        let rooms: Vec<_> = week.rooms.iter().flatten().map(|r| r.id.as_str()).collect();
        assert_eq!(rooms, ["hall-a", "hall-a-2"]);
        assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    }

    #[test]
    fn without_a_zone_the_offsets_are_named_and_disagreeing_ones_warned_of() {
        let programme = Programme {
            events: vec![
                event("A", instant("2020-06-23T10:00:00+02:00"), "R"),
                event("B", instant("2020-06-23T10:00:00+01:00"), "R"),
            ],
            ..Programme::default()
        };
        let Err(ImportError::NoZone { offsets }) =
            build(programme.clone(), &Options::default(), "x")
        else {
            panic!("a zone is needed");
        };
        assert_eq!(offsets.len(), 2);
        let options = Options {
            timezone: Some(chrono_tz::Europe::Berlin),
            ..Options::default()
        };
        let imported = build(programme, &options, "x").unwrap();
        assert_eq!(
            imported.warnings,
            [Warning::Offsets {
                zone: chrono_tz::Europe::Berlin,
                offsets: vec![FixedOffset::east_opt(3600).unwrap()],
                count: 1
            }]
        );
        assert_eq!(
            imported.week.fora[1].start.unwrap().to_string(),
            "2020-06-23 11:00:00"
        );
    }

    #[test]
    fn instants_in_utc_agree_with_every_zone() {
        let programme = Programme {
            timezone: Some("Asia/Kolkata".into()),
            events: vec![event("A", instant("2023-09-10T05:00:00+00:00"), "R")],
            ..Programme::default()
        };
        let imported = build(programme, &Options::default(), "debconf").unwrap();
        assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
        assert_eq!(
            imported.week.fora[0].start.unwrap().to_string(),
            "2023-09-10 10:30:00"
        );
    }

    #[test]
    fn a_start_in_the_second_pass_of_a_repeated_hour_is_warned_of() {
        let programme = Programme {
            timezone: Some("Europe/Berlin".into()),
            events: vec![
                event("Erster", instant("2021-10-31T02:30:00+02:00"), "R"),
                event("Zweiter", instant("2021-10-31T02:30:00+01:00"), "R"),
            ],
            ..Programme::default()
        };
        let imported = build(programme, &Options::default(), "x").unwrap();
        assert_eq!(imported.warnings, [Warning::SecondPass { count: 1 }]);
    }
}
