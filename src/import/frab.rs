//! frab's schedule XML and JSON, pretalx's and the c3voc `schedule2`, read leniently.
//!
//! Both syntaxes are read into the same raw event (strings as the source wrote them), and
//! one function makes each raw event an [`Event`]: its instant, duration, ids, speakers and
//! what is dropped. So XML and JSON agree on every rule, and the rules are in one place.
//!
//! The instant of an event is its `date` (schedule2: `start`) with its offset, never the
//! day it is filed under (36C3's days run to 04:00, DebConf's day dates are a day early);
//! only without one is it the day's date and the `start`, where a start before the
//! conference's `day_change` (else before the day's own start) is on the next calendar day.

use std::collections::BTreeSet;

use chrono::{DateTime, Days, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use serde_json::{Map, Value};

use super::{Dropped, Event, ImportError, Programme, Source, Start};
use crate::model::{Duration, Language, MAX_DAYS, Status};
use crate::text::t;

/// Which schedule format a JSON document is: schedule2 has one list of `events`, frab JSON
/// files its events under `conference.days[].rooms`, and pretalx writes frab JSON with its
/// own marks (a `generator`, talk pages under `/talk/`, persons with a `code`). A document
/// that is no JSON is frab JSON, so that reading it names the parser's error.
pub(super) fn recognise(text: &[u8]) -> Option<Source> {
    let Ok(root) = serde_json::from_slice::<Value>(text) else {
        return Some(Source::FrabJson);
    };
    let schedule = root.get("schedule").unwrap_or(&root);
    if schedule.get("events").is_some_and(Value::is_array) {
        return Some(Source::Schedule2);
    }
    let conference = schedule.get("conference")?;
    let schema = root.get("$schema").and_then(Value::as_str).unwrap_or("");
    if schema.contains("schema2") && conference.get("days").is_none() {
        return Some(Source::Schedule2);
    }
    Some(if pretalx(&root) {
        Source::Pretalx
    } else {
        Source::FrabJson
    })
}

/// Whether a frab JSON document was written by pretalx.
fn pretalx(root: &Value) -> bool {
    let generator = root
        .pointer("/generator/name")
        .or_else(|| root.pointer("/schedule/generator/name"))
        .and_then(Value::as_str);
    if generator.is_some_and(|name| name.to_ascii_lowercase().contains("pretalx")) {
        return true;
    }
    let mut events = frab_json_events(root.get("schedule").unwrap_or(root)).map(|(_, _, e)| e);
    events.any(|event| {
        event.get("answers").is_some()
            || event
                .get("persons")
                .and_then(Value::as_array)
                .is_some_and(|persons| persons.iter().any(|p| p.get("code").is_some()))
            || text(event.get("url")).is_some_and(|url| talk_code(&url).is_some())
    })
}

/// Reads a schedule.
pub(super) fn read(source: Source, bytes: &[u8]) -> Result<Programme, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match source {
        Source::FrabXml => read_xml(bytes),
        _ => read_json(source, bytes),
    }
}

/// An event as the source wrote it, before any rule is applied.
#[derive(Clone, Debug, Default)]
struct Raw {
    id: Option<String>,
    guid: Option<String>,
    slug: Option<String>,
    code: Option<String>,
    title: Option<String>,
    subtitle: Option<String>,
    /// frab's `date`, schedule2's `start`: a date and time, with its offset.
    date: Option<String>,
    /// frab's `start`: a time of day on the day it is filed under.
    start: Option<String>,
    end: Option<String>,
    duration: Option<String>,
    room: Option<String>,
    track: Option<String>,
    kind: Option<String>,
    language: Option<String>,
    abstract_: Option<String>,
    description: Option<String>,
    url: Option<String>,
    persons: Vec<String>,
    /// Each link's address and title.
    links: Vec<(String, String)>,
    attachments: usize,
    recording: usize,
    cancelled: bool,
}

/// The day an event is filed under: its date, and the time of day at which it begins.
#[derive(Clone, Copy, Debug, Default)]
struct Day {
    date: Option<NaiveDate>,
    start: Option<NaiveTime>,
}

/// What the conference says of itself.
#[derive(Clone, Debug, Default)]
struct Head {
    title: Option<String>,
    acronym: Option<String>,
    guid: Option<String>,
    zone: Option<String>,
    start: Option<String>,
    end: Option<String>,
    day_change: Option<String>,
    base_url: Option<String>,
}

impl Head {
    /// The head from the conference's fields by frab's names, in XML and JSON alike.
    fn read(field: impl Fn(&str) -> Option<String>) -> Self {
        Self {
            title: field("title"),
            acronym: field("acronym"),
            guid: field("guid"),
            zone: field("time_zone_name"),
            start: field("start"),
            end: field("end"),
            day_change: field("day_change"),
            base_url: field("base_url"),
        }
    }
}

/// The programme of a conference's head, rooms and raw events (each with its day).
fn programme(head: Head, rooms: Vec<String>, raws: Vec<(Raw, Day)>) -> Programme {
    let mut programme = Programme {
        name: head.title.clone(),
        timezone: head.zone.clone(),
        rooms,
        ..Programme::default()
    };
    programme.days = days(head.start.as_deref(), head.end.as_deref()).or_else(|| {
        let dates = raws.iter().filter_map(|(_, day)| day.date);
        Some((dates.clone().min()?, dates.max()?))
    });
    for (key, value) in [
        ("x-frab-acronym", &head.acronym),
        ("x-frab-guid", &head.guid),
        ("x-frab-base-url", &head.base_url),
    ] {
        if let Some(value) = value {
            programme
                .extra
                .insert(key.into(), Value::from(value.as_str()));
        }
    }
    let day_change = head.day_change.as_deref().and_then(time_of_day);
    let languages: BTreeSet<String> = raws
        .iter()
        .filter_map(|(raw, _)| raw.language.as_deref().map(str::to_ascii_lowercase))
        .collect();
    programme.language = match languages.len() {
        1 => languages.first().and_then(|code| Language::parse(code)),
        _ => None,
    };
    let week_language = programme.language.map(Language::code);
    // A frab slug is `<acronym>-<id>…` (as `fora export` writes it): the id is the rest, so
    // a week exported and imported again keeps its forum ids.
    let prefix = head
        .acronym
        .map(|acronym| format!("{}-", acronym.trim().to_ascii_lowercase()));
    for (raw, day) in raws {
        let mut event = event(raw, day, day_change, week_language, &mut programme);
        if let (Some(prefix), Some(slug)) = (&prefix, event.ids.first_mut())
            && slug.len() > prefix.len()
            && slug.to_ascii_lowercase().starts_with(prefix.as_str())
        {
            slug.drain(..prefix.len());
        }
        programme.events.push(event);
    }
    programme
}

/// The conference's first and last day, when both read as dates in order and make a week
/// file can hold.
fn days(start: Option<&str>, end: Option<&str>) -> Option<(NaiveDate, NaiveDate)> {
    let (first, last) = (date(start?)?, date(end?)?);
    (first <= last && (last - first).num_days() < MAX_DAYS).then_some((first, last))
}

/// The date at the beginning of `text` (`2019-12-27`, also of `2019-12-27T09:30:00+01:00`).
fn date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()
}

/// The event `raw` becomes, counting in `programme` what it drops.
fn event(
    raw: Raw,
    day: Day,
    day_change: Option<NaiveTime>,
    week_language: Option<&str>,
    programme: &mut Programme,
) -> Event {
    let mut drop = |what: Dropped, count: usize| {
        if count > 0 {
            *programme.dropped.entry(what).or_default() += count;
        }
    };
    drop(Dropped::Subtitle, usize::from(raw.subtitle.is_some()));
    // A link titled as `fora export` titles the join link ("Teilnehmen", "Join") is one.
    let join = raw.links.iter().position(|(href, title)| {
        crate::rules::link(href.trim()).is_ok()
            && [Language::De, Language::En]
                .iter()
                .any(|&l| title.trim().eq_ignore_ascii_case(&t!(l, "word-join")))
    });
    drop(Dropped::Link, raw.links.len() - usize::from(join.is_some()));
    let join = join.map(|at| raw.links[at].0.trim().to_owned());
    drop(Dropped::Attachment, raw.attachments);
    drop(Dropped::Recording, raw.recording);
    let format = match (raw.kind, raw.track) {
        (Some(kind), track) => {
            drop(
                Dropped::Track,
                usize::from(track.is_some_and(|t| t != kind)),
            );
            Some(kind)
        }
        (None, track) => track,
    };
    let description = match (raw.description, raw.abstract_) {
        (Some(description), Some(summary)) => {
            drop(Dropped::Abstract, usize::from(summary != description));
            Some(description)
        }
        (description, summary) => description.or(summary),
    };
    let start = start(raw.date.as_deref(), raw.start.as_deref(), day, day_change);
    let minutes = raw
        .duration
        .as_deref()
        .and_then(minutes)
        .or_else(|| between(start?, instant(raw.end.as_deref()?)?))
        .unwrap_or(0);
    let code = raw
        .code
        .clone()
        .or_else(|| raw.url.as_deref().and_then(talk_code));
    let ids: Vec<String> = [raw.slug, code, raw.guid.clone()]
        .into_iter()
        .flatten()
        .collect();
    let title = raw
        .title
        .or_else(|| ids.first().cloned())
        .unwrap_or_else(|| "?".into());
    let mut extra = Map::new();
    if let Some(guid) = raw.guid {
        extra.insert("x-frab-guid".into(), Value::from(guid));
    }
    if let Some(id) = raw.id {
        let value = id.parse::<u64>().map_or(Value::from(id), Value::from);
        extra.insert("x-frab-id".into(), value);
    }
    if let Some(url) = raw.url {
        extra.insert("x-frab-url".into(), Value::from(url));
    }
    if let Some(language) = raw.language.map(|l| l.to_ascii_lowercase())
        && Some(language.as_str()) != week_language
    {
        extra.insert("x-language".into(), Value::from(language));
    }
    let mut speakers: Vec<String> = Vec::new();
    for person in raw.persons {
        if !speakers.contains(&person) {
            speakers.push(person);
        }
    }
    Event {
        ids,
        title,
        start,
        minutes,
        room: raw.room,
        speakers,
        format,
        description,
        url: join,
        status: if raw.cancelled {
            Status::Cancelled
        } else {
            Status::Confirmed
        },
        extra,
    }
}

/// When an event starts: its `date` with the offset; else the day's date and the time of
/// day `start`, on the next calendar day when it is before the day's change (the
/// conference's `day_change`, else the day's own start).
fn start(
    date: Option<&str>,
    start: Option<&str>,
    day: Day,
    day_change: Option<NaiveTime>,
) -> Option<Start> {
    if let Some(start) = date.and_then(instant) {
        return Some(start);
    }
    // Some writers put the whole date and time into `start`.
    if let Some(start) = start.and_then(instant) {
        return Some(start);
    }
    let (time, later) = clock(start?)?;
    let change = day_change.or(day.start).unwrap_or(NaiveTime::MIN);
    let days = later + u64::from(time < change);
    let date = day.date?.checked_add_days(Days::new(days))?;
    Some(Start::Local(date.and_time(time)))
}

/// A date and time: with an offset an instant, else a local time.
fn instant(text: &str) -> Option<Start> {
    let text = text.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Some(Start::Instant(at));
    }
    const OFFSET: [&str; 6] = [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M%z",
        "%Y-%m-%d %H:%M:%S%.f %z",
        "%Y-%m-%d %H:%M %z",
    ];
    if let Some(at) = OFFSET
        .iter()
        .find_map(|format| DateTime::<FixedOffset>::parse_from_str(text, format).ok())
    {
        return Some(Start::Instant(at));
    }
    const LOCAL: [&str; 4] = [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
    ];
    LOCAL
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
        .map(Start::Local)
}

/// A time of day `H:MM` or `HH:MM:SS`; hours past 23 (`25:30`) are on a later day, whose
/// count comes second.
fn clock(text: &str) -> Option<(NaiveTime, u64)> {
    let parts: Vec<u32> = numbers(text.trim(), ':')?;
    let (hours, minutes, seconds) = match parts[..] {
        [h, m] => (h, m, 0),
        [h, m, s] => (h, m, s),
        _ => return None,
    };
    let time = NaiveTime::from_hms_opt(hours % 24, minutes, seconds)?;
    Some((time, u64::from(hours / 24)))
}

/// A time of day (`04:00`, `00:00:00`), as a conference's `day_change` is written.
fn time_of_day(text: &str) -> Option<NaiveTime> {
    clock(text).map(|(time, _)| time)
}

/// The parts of `text` between `separator`s, each a number of at most 9 digits.
fn numbers<T: TryFrom<u64>>(text: &str, separator: char) -> Option<Vec<T>> {
    text.split(separator)
        .map(|part| {
            let digits = (1..=9).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
            digits.then(|| part.parse::<u64>().ok())??.try_into().ok()
        })
        .collect()
}

/// The minutes of a duration as schedules write it: `H:MM`, `HH:MM`, `HH:MM:SS`,
/// `D:HH:MM`, `D:HH:MM:SS`, ISO 8601 (`PT1H30M`, `P1DT2H`), or any form the week file
/// takes (`90m`, `1h30m`, `90`). Seconds are rounded to the nearest minute.
pub(super) fn minutes(text: &str) -> Option<u32> {
    let text = text.trim();
    let seconds: u64 = if let Some(iso) = text.strip_prefix(['P', 'p']) {
        iso_seconds(iso)?
    } else if text.contains(':') {
        colon_seconds(text)?
    } else {
        return Duration::parse(text).ok().map(Duration::minutes);
    };
    u32::try_from(seconds.saturating_add(30) / 60).ok()
}

/// Seconds of `H:MM`, `HH:MM:SS`, `D:HH:MM` or `D:HH:MM:SS`. Three parts are hours,
/// minutes and seconds (pentabarf, FOSDEM, Python write `0:30:00`), unless the last is
/// not 0 and the parts make a day, hours and minutes: a talk of 1:02:30 is not 62.5
/// minutes but a day, two hours and a half.
fn colon_seconds(text: &str) -> Option<u64> {
    let parts: Vec<u64> = numbers(text, ':')?;
    let seconds = match parts[..] {
        [h, m] if m < 60 => h * 3600 + m * 60,
        [d, h, m] if m != 0 && h < 24 && m < 60 => d * 86_400 + h * 3600 + m * 60,
        [h, m, s] if m < 60 && s < 60 => h * 3600 + m * 60 + s,
        [d, h, m, s] if h < 24 && m < 60 && s < 60 => d * 86_400 + h * 3600 + m * 60 + s,
        _ => return None,
    };
    Some(seconds)
}

/// Seconds of an ISO 8601 duration after its `P`: weeks, days, and after `T` hours,
/// minutes and (decimal) seconds, each at most once and in that order. Years and months,
/// whose length depends on the calendar, are not read.
fn iso_seconds(text: &str) -> Option<u64> {
    let (date, time) = match text.split_once(['T', 't']) {
        Some((date, time)) if !time.is_empty() => (date, Some(time)),
        Some(_) => return None,
        None => (text, None),
    };
    let mut total = units(date, &[('W', 604_800), ('D', 86_400)])?;
    if let Some(time) = time {
        total = total.checked_add(units(time, &[('H', 3600), ('M', 60), ('S', 1)])?)?;
    }
    (!date.is_empty() || time.is_some()).then_some(total)
}

/// Seconds of `<number><unit>` parts, units in the order given, each at most once.
fn units(text: &str, scale: &[(char, u64)]) -> Option<u64> {
    let mut rest = text;
    let mut next = 0;
    let mut total: u64 = 0;
    while !rest.is_empty() {
        let end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))?;
        let (number, tail) = rest.split_at(end);
        let unit = tail.chars().next()?.to_ascii_uppercase();
        let position = scale[next..].iter().position(|(u, _)| *u == unit)? + next;
        let (whole, fraction) = number.split_once(['.', ',']).unwrap_or((number, ""));
        // Only seconds may have a fraction (`PT1.5S`); it is rounded away with the rest.
        if whole.is_empty() || whole.len() > 9 || !fraction.is_empty() && unit != 'S' {
            return None;
        }
        if !fraction.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let value: u64 = whole.parse().ok()?;
        total = total.checked_add(value.checked_mul(scale[position].1)?)?;
        next = position + 1;
        rest = &tail[1..];
    }
    Some(total)
}

/// The whole minutes from `start` to `end`, when both are instants (or both local) and
/// `end` is not before `start`.
fn between(start: Start, end: Start) -> Option<u32> {
    let delta: TimeDelta = match (start, end) {
        (Start::Instant(a), Start::Instant(b)) => b - a,
        (Start::Local(a), Start::Local(b)) => b - a,
        _ => return None,
    };
    u32::try_from((delta.num_seconds() + 30).div_euclid(60)).ok()
}

/// pretalx's code of a talk from its page, `…/talk/MJA8QY/`.
fn talk_code(url: &str) -> Option<String> {
    let mut segments = url.split('/').skip_while(|segment| *segment != "talk");
    segments.next()?;
    let code = segments.next()?;
    let looks = (4..=12).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    looks.then(|| code.to_owned())
}

// ---------------------------------------------------------------------------------------
// XML: frab, pentabarf, wafer (DebConf), FOSDEM, Giggity's merges.

/// Reads frab XML.
fn read_xml(bytes: &[u8]) -> Result<Programme, ImportError> {
    let text = decode(bytes)?;
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let document = roxmltree::Document::parse_with_options(&text, options).map_err(|error| {
        let (row, col) = match error {
            // roxmltree has no place for these (it says 1:1): the text ends too early.
            roxmltree::Error::UnclosedRootNode | roxmltree::Error::UnexpectedEndOfStream => {
                let last = text.rsplit('\n').next().unwrap_or("");
                (text.split('\n').count(), last.chars().count() + 1)
            }
            _ => (error.pos().row as usize, error.pos().col as usize),
        };
        let words = error.to_string();
        let words = words
            .strip_suffix(&format!(" at {}", error.pos()))
            .unwrap_or(&words);
        ImportError::Syntax {
            source: Source::FrabXml,
            message: format!("{words} (line {row}, column {col})"),
        }
    })?;
    let root = document.root_element();
    let conference = child(root, "conference");
    let field = |name: &str| conference.and_then(|c| child_text(c, name));
    let head = Head::read(field);
    let mut rooms: Vec<String> = Vec::new();
    for room in root.descendants().filter(|n| n.has_tag_name("room")) {
        if let Some(name) = room.attribute("name").map(str::trim)
            && !name.is_empty()
            && !rooms.iter().any(|r| r == name)
        {
            rooms.push(name.to_owned());
        }
    }
    let raws = root
        .descendants()
        .filter(|n| n.has_tag_name("event"))
        .map(|event| {
            let day = event.ancestors().find(|n| n.has_tag_name("day"));
            (xml_event(event), xml_day(day))
        })
        .collect();
    Ok(programme(head, rooms, raws))
}

/// The text of `bytes`: UTF-8, or Latin-1 when the declaration names an 8-bit encoding.
fn decode(bytes: &[u8]) -> Result<String, ImportError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(error) => {
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(100)]).to_lowercase();
            let declared = head
                .split_once("encoding=")
                .map(|(_, rest)| rest.trim_start_matches(['"', '\'']))
                .unwrap_or("");
            let eight_bit = ["iso-8859", "iso8859", "latin", "windows-125", "cp125"]
                .iter()
                .any(|name| declared.starts_with(name));
            if eight_bit {
                // Latin-1 maps every byte to the code point of its value.
                Ok(bytes.iter().map(|&b| char::from(b)).collect())
            } else {
                Err(ImportError::Syntax {
                    source: Source::FrabXml,
                    message: format!(
                        "not UTF-8 (byte {} of {})",
                        error.valid_up_to() + 1,
                        bytes.len()
                    ),
                })
            }
        }
    }
}

/// The first child element called `name`.
fn child<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> Option<roxmltree::Node<'a, 'i>> {
    node.children().find(|n| n.has_tag_name(name))
}

/// All the text inside `node`, trimmed; `None` when there is none.
fn inner_text(node: roxmltree::Node) -> Option<String> {
    let text: String = node
        .descendants()
        .filter(roxmltree::Node::is_text)
        .filter_map(|n| n.text())
        .collect();
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// The text of the child element `name`.
fn child_text(node: roxmltree::Node, name: &str) -> Option<String> {
    child(node, name).and_then(inner_text)
}

/// The day element `day` an event is filed under.
fn xml_day(day: Option<roxmltree::Node>) -> Day {
    let Some(day) = day else {
        return Day::default();
    };
    let start = day.attribute("start").or(day.attribute("day_start"));
    Day {
        date: day.attribute("date").and_then(date),
        start: start.and_then(instant).map(|start| match start {
            Start::Instant(at) => at.time(),
            Start::Local(at) => at.time(),
        }),
    }
}

/// An event element as its source wrote it.
fn xml_event(event: roxmltree::Node) -> Raw {
    let field = |name: &str| child_text(event, name);
    let count = |list: &str, item: &str| {
        child(event, list).map_or(0, |l| l.children().filter(|n| n.has_tag_name(item)).count())
    };
    let recording = child(event, "recording").map_or(0, |recording| {
        let optout = child_text(recording, "optout").is_some_and(|o| o == "true");
        usize::from(optout) + usize::from(child_text(recording, "license").is_some())
    });
    let persons = child(event, "persons")
        .into_iter()
        .flat_map(|persons| persons.children().filter(|n| n.has_tag_name("person")))
        .filter_map(|person| {
            child_text(person, "public_name")
                .or_else(|| child_text(person, "name"))
                .or_else(|| inner_text(person))
        })
        .collect();
    let room = field("room").or_else(|| {
        let room = event.ancestors().find(|n| n.has_tag_name("room"))?;
        Some(room.attribute("name")?.trim().to_owned()).filter(|n| !n.is_empty())
    });
    Raw {
        id: event
            .attribute("id")
            .map(str::to_owned)
            .or_else(|| field("id")),
        guid: event
            .attribute("guid")
            .map(str::to_owned)
            .or_else(|| field("guid")),
        slug: field("slug"),
        code: field("code"),
        title: field("title"),
        subtitle: field("subtitle"),
        date: field("date"),
        start: field("start"),
        end: field("end"),
        duration: field("duration"),
        room,
        track: field("track"),
        kind: field("type"),
        language: field("language"),
        abstract_: field("abstract"),
        description: field("description"),
        url: field("url"),
        persons,
        links: child(event, "links").map_or_else(Vec::new, |links| {
            links
                .children()
                .filter(|n| n.has_tag_name("link"))
                .map(|link| {
                    let href = link.attribute("href").unwrap_or_default().to_owned();
                    (href, inner_text(link).unwrap_or_default())
                })
                .collect()
        }),
        attachments: count("attachments", "attachment"),
        recording,
        cancelled: false,
    }
}

// ---------------------------------------------------------------------------------------
// JSON: frab, pretalx (frab JSON), c3voc schedule2.

/// Reads frab JSON, pretalx's or schedule2: the events under `conference.days[].rooms`
/// and those in `events`, whichever the document has.
fn read_json(source: Source, bytes: &[u8]) -> Result<Programme, ImportError> {
    let root: Value = serde_json::from_slice(bytes).map_err(|error| ImportError::Syntax {
        source,
        message: error.to_string(),
    })?;
    let schedule = root.get("schedule").unwrap_or(&root);
    let conference = schedule.get("conference").unwrap_or(&Value::Null);
    let field = |name: &str| text(conference.get(name));
    let mut head = Head::read(field);
    // frab JSON puts base_url beside the conference; some writers put it inside.
    head.base_url = text(schedule.get("base_url")).or(head.base_url);
    let mut rooms: Vec<String> = Vec::new();
    let mut declare = |name: Option<String>| {
        if let Some(name) = name
            && !rooms.contains(&name)
        {
            rooms.push(name);
        }
    };
    for room in list(conference.get("rooms")) {
        declare(text(Some(room)));
    }
    for (_, room, _) in frab_json_events(schedule) {
        declare(room);
    }
    let tracks = list(conference.get("tracks"));
    let mut raws: Vec<(Raw, Day)> = frab_json_events(schedule)
        .map(|(day, room, event)| {
            let mut raw = json_event(event, tracks);
            raw.room = raw.room.or(room);
            (raw, day)
        })
        .collect();
    let days = list(conference.get("days"));
    for event in list(schedule.get("events")) {
        let raw = json_event(event, tracks);
        // schedule2's events carry their instants; a day helps only one without.
        let day = raw
            .date
            .as_deref()
            .or(raw.start.as_deref())
            .and_then(date)
            .and_then(|on| {
                days.iter()
                    .find(|d| text(d.get("date")).and_then(|t| date(&t)) == Some(on))
            })
            .map_or_else(Day::default, json_day);
        raws.push((raw, day));
    }
    Ok(programme(head, rooms, raws))
}

/// The elements of a JSON array; none of anything else.
fn list(value: Option<&Value>) -> &[Value] {
    value.and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

/// frab JSON's events, each with its day and the name of the room it is filed under:
/// `rooms` is an object of lists by room name (or, leniently, a list of rooms with `name`
/// and `events`).
fn frab_json_events(schedule: &Value) -> impl Iterator<Item = (Day, Option<String>, &Value)> {
    let days = list(schedule.pointer("/conference/days"));
    days.iter().flat_map(|day| {
        let filed = json_day(day);
        let rooms: Vec<(Option<String>, &[Value])> = match day.get("rooms") {
            Some(Value::Object(rooms)) => rooms
                .iter()
                .map(|(name, events)| (Some(name.trim().to_owned()), list(Some(events))))
                .collect(),
            Some(Value::Array(rooms)) => rooms
                .iter()
                .map(|room| (text(room.get("name")), list(room.get("events"))))
                .collect(),
            _ => Vec::new(),
        };
        rooms.into_iter().flat_map(move |(room, events)| {
            events
                .iter()
                .filter(|event| event.is_object())
                .map(move |event| (filed, room.clone().filter(|r| !r.is_empty()), event))
        })
    })
}

/// A day of a frab JSON or schedule2 document.
fn json_day(day: &Value) -> Day {
    let start = text(day.get("day_start")).or_else(|| text(day.get("start")));
    Day {
        date: text(day.get("date")).and_then(|d| date(&d)),
        start: start.as_deref().and_then(instant).map(|start| match start {
            Start::Instant(at) => at.time(),
            Start::Local(at) => at.time(),
        }),
    }
}

/// The text of a JSON value: a string trimmed (`None` when empty), a number as written,
/// of an object its `name` (a room, a track) or its first text (a localised string).
fn text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(text) => Some(text.trim().to_owned()).filter(|t| !t.is_empty()),
        Value::Number(number) => Some(number.to_string()),
        Value::Object(map) => text(map.get("name")).or_else(|| {
            map.values()
                .find_map(|v| v.is_string().then(|| text(Some(v)))?)
        }),
        _ => None,
    }
}

/// Whether a JSON flag is set (`true`, `"true"`, `1`).
fn flag(value: Option<&Value>) -> bool {
    match value {
        Some(Value::Bool(set)) => *set,
        Some(Value::String(text)) => text.trim().eq_ignore_ascii_case("true"),
        Some(Value::Number(number)) => number.as_f64().is_some_and(|n| n != 0.0),
        _ => false,
    }
}

/// An event of a frab JSON or schedule2 document as its source wrote it; `tracks` are
/// schedule2's, by which a track named by its slug gets its name.
fn json_event(event: &Value, tracks: &[Value]) -> Raw {
    let field = |name: &str| text(event.get(name));
    let persons = list(event.get("persons"))
        .iter()
        .chain(list(event.get("participants")))
        .filter_map(|person| match person {
            Value::Object(person) => ["public_name", "name", "full_name", "display_name"]
                .iter()
                .find_map(|key| text(person.get(*key))),
            other => text(Some(other)),
        })
        .collect();
    let track = match event.get("track") {
        Some(Value::Object(track)) => {
            let slug = text(track.get("slug"));
            let named = tracks
                .iter()
                .find(|t| slug.is_some() && text(t.get("slug")) == slug)
                .and_then(|t| text(t.get("name")));
            text(track.get("name")).or(named).or(slug)
        }
        other => text(other),
    };
    let recording = usize::from(flag(event.get("do_not_record")))
        + usize::from(field("recording_license").is_some())
        + event.get("recording").map_or(0, |recording| {
            usize::from(flag(recording.get("optout")))
                + usize::from(text(recording.get("license")).is_some())
        });
    let state = field("state")
        .or_else(|| field("status"))
        .unwrap_or_default();
    Raw {
        id: field("id"),
        guid: field("guid"),
        slug: field("slug"),
        code: field("code"),
        title: field("title"),
        subtitle: field("subtitle"),
        date: field("date"),
        // frab's time of day; schedule2's instant, which [`start`] reads as one.
        start: field("start"),
        end: field("end"),
        duration: field("duration"),
        room: field("room"),
        track,
        kind: field("type"),
        language: field("language"),
        abstract_: field("abstract"),
        description: field("description"),
        url: field("url"),
        persons,
        links: list(event.get("links"))
            .iter()
            .map(|link| {
                let text = |key| text(link.get(key)).unwrap_or_default();
                (text("url"), text("title"))
            })
            .collect(),
        attachments: list(event.get("attachments")).len(),
        recording,
        cancelled: matches!(
            state.to_ascii_uppercase().as_str(),
            "CANCELED" | "CANCELLED"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Start {
        Start::Instant(DateTime::parse_from_rfc3339(text).unwrap())
    }

    fn local(text: &str) -> Start {
        Start::Local(NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").unwrap())
    }

    const XML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference>
    <acronym>night23</acronym>
    <title>Night Congress</title>
    <start>2023-06-23</start>
    <end>2023-06-24</end>
    <day_change>04:00</day_change>
    <time_zone_name>Europe/Berlin</time_zone_name>
  </conference>
  <day index="1" date="2023-06-23">
    <room name="Saal 1">
      <event id="7" guid="4bd2f3ac-0000-4000-8000-000000000007">
        <date>2023-06-24T01:30:00+02:00</date>
        <start>01:30</start>
        <duration>0:45</duration>
        <slug>night23-7-late</slug>
        <title> Late talk </title>
        <subtitle>after midnight</subtitle>
        <track>Night</track>
        <type>lecture</type>
        <language>de</language>
        <abstract>Short.</abstract>
        <description>Long.</description>
        <recording><license>CC BY 4.0</license><optout>true</optout></recording>
        <persons><person id="1">Anna</person><person id="2"><public_name>Bert</public_name></person></persons>
        <links><link href="https://example.org/a">a</link><link href="https://example.org/b">b</link></links>
        <attachments><attachment href="https://example.org/s.pdf">slides</attachment></attachments>
        <url>https://example.org/events/7.html</url>
      </event>
      <event id="8">
        <start>02:15</start>
        <duration>01:00:00</duration>
        <title>Undated after midnight</title>
        <track>Night</track>
        <language>de</language>
      </event>
      <event id="9">
        <start>23:00</start>
        <duration>PT1H30M</duration>
        <title>Undated before midnight</title>
        <language>de</language>
      </event>
    </room>
  </day>
</schedule>"#;

    fn xml() -> Programme {
        read(Source::FrabXml, XML.as_bytes()).unwrap()
    }

    #[test]
    fn an_event_comes_at_its_date_else_at_its_day_and_start_with_day_change() {
        let p = xml();
        let starts: Vec<_> = p.events.iter().map(|e| e.start.unwrap()).collect();
        assert_eq!(
            starts,
            [
                at("2023-06-24T01:30:00+02:00"),
                // 02:15 is before the day change at 04:00: the night after the 23rd.
                local("2023-06-24T02:15"),
                local("2023-06-23T23:00"),
            ]
        );
        let minutes: Vec<_> = p.events.iter().map(|e| e.minutes).collect();
        assert_eq!(minutes, [45, 60, 90]);
    }

    #[test]
    fn without_day_change_a_day_ends_where_the_next_begins() {
        let json = r#"{"schedule": {"conference": {"title": "T", "days": [
            {"date": "2019-12-27", "day_start": "2019-12-27T11:00:00+01:00",
             "rooms": {"Ada": [
                {"start": "01:00", "duration": "00:30", "title": "Night"},
                {"start": "11:00", "duration": "00:30", "title": "Morning"}]}}]}}}"#;
        let p = read(Source::FrabJson, json.as_bytes()).unwrap();
        let starts: Vec<_> = p.events.iter().map(|e| e.start.unwrap()).collect();
        assert_eq!(
            starts,
            [local("2019-12-28T01:00"), local("2019-12-27T11:00")]
        );
        assert_eq!(p.events[0].room.as_deref(), Some("Ada"));
        assert_eq!(p.rooms, ["Ada"]);
    }

    #[test]
    fn what_a_forum_has_no_place_for_is_counted_and_the_rest_kept() {
        let p = xml();
        let late = &p.events[0];
        assert_eq!(late.title, "Late talk");
        // The slug without the acronym's `night23-` before it.
        assert_eq!(late.ids[0], "7-late");
        assert_eq!(late.ids[1], "4bd2f3ac-0000-4000-8000-000000000007");
        assert_eq!(late.speakers, ["Anna", "Bert"]);
        assert_eq!(late.format.as_deref(), Some("lecture"));
        assert_eq!(late.description.as_deref(), Some("Long."));
        assert_eq!(late.url, None);
        assert_eq!(late.extra["x-frab-id"], 7);
        assert_eq!(
            late.extra["x-frab-url"],
            "https://example.org/events/7.html"
        );
        // Without a type, the track is the format.
        assert_eq!(p.events[1].format.as_deref(), Some("Night"));
        let dropped: Vec<_> = p.dropped.into_iter().collect();
        assert_eq!(
            dropped,
            [
                (Dropped::Subtitle, 1),
                (Dropped::Link, 2),
                (Dropped::Attachment, 1),
                (Dropped::Recording, 2),
                (Dropped::Track, 1),
                (Dropped::Abstract, 1),
            ]
        );
        assert_eq!(p.name.as_deref(), Some("Night Congress"));
        assert_eq!(p.timezone.as_deref(), Some("Europe/Berlin"));
        assert_eq!(p.extra["x-frab-acronym"], "night23");
        // Every event says `de`: the week's language, and no forum repeats it.
        assert_eq!(p.language, Some(Language::De));
        assert!(p.events.iter().all(|e| !e.extra.contains_key("x-language")));
    }

    #[test]
    fn durations_in_every_form() {
        let cases = [
            ("0:45", Some(45)),
            ("00:45", Some(45)),
            ("1:30", Some(90)),
            ("12:00", Some(720)),
            ("01:30:00", Some(90)),
            ("0:30:00", Some(30)),
            ("00:25:30", Some(26)),
            ("1:02:30", Some(24 * 60 + 150)),
            ("1:02:00:00", Some(26 * 60)),
            ("PT1H30M", Some(90)),
            ("PT45M", Some(45)),
            ("PT90S", Some(2)),
            ("PT1.5S", Some(0)),
            ("P1DT2H", Some(26 * 60)),
            ("P1W", Some(7 * 24 * 60)),
            ("pt2h", Some(120)),
            ("90m", Some(90)),
            ("1h30m", Some(90)),
            ("90", Some(90)),
            ("00:00", Some(0)),
            ("", None),
            ("P", None),
            ("PT", None),
            ("P1M", None),
            ("PT1M1H", None),
            ("1:60", None),
            ("1:2:3:4:5", None),
            ("ab:cd", None),
            ("99999999999:00", None),
            ("PT99999999999999H", None),
        ];
        for (text, want) in cases {
            assert_eq!(minutes(text), want, "{text:?}");
        }
    }

    #[test]
    fn ids_come_from_slug_then_code_then_guid() {
        let json = r#"{"schedule": {"conference": {"days": [{"date": "2020-12-27",
            "rooms": {"R": [
              {"id": "12", "guid": "g-1", "slug": "s-1", "code": "ABC1", "title": "A",
               "date": "2020-12-27T10:00:00+01:00", "duration": "00:30"},
              {"id": 13, "guid": "g-2", "title": "B", "url": "https://p.example/c/talk/XYZ9QA/",
               "date": "2020-12-27T11:00:00+01:00", "duration": "00:30"},
              {"guid": "g-3", "title": "C", "date": "2020-12-27T12:00:00+01:00"}]}}]}}}"#;
        let p = read(Source::Pretalx, json.as_bytes()).unwrap();
        let ids: Vec<_> = p.events.iter().map(|e| e.ids.clone()).collect();
        assert_eq!(ids[0], ["s-1", "ABC1", "g-1"]);
        assert_eq!(ids[1], ["XYZ9QA", "g-2"]);
        assert_eq!(ids[2], ["g-3"]);
        // Numbers or strings, the source's id is kept as a number.
        assert_eq!(p.events[0].extra["x-frab-id"], 12);
        assert_eq!(p.events[1].extra["x-frab-id"], 13);
        // No duration: 0, which build() makes 1 minute and warns of.
        assert_eq!(p.events[2].minutes, 0);
    }

    #[test]
    fn persons_as_strings_as_objects_and_participants() {
        let json = r#"{"schedule": {"conference": {"days": [{"date": "2020-01-01", "rooms": {"R": [
            {"title": "A", "start": "10:00", "duration": "1:00",
             "persons": ["Anna", {"public_name": "Bert"}, {"name": "Cleo"},
                         {"full_name": "Dora"}, {"id": 5}, null, "Anna"]}]}}]}}}"#;
        let p = read(Source::FrabJson, json.as_bytes()).unwrap();
        assert_eq!(p.events[0].speakers, ["Anna", "Bert", "Cleo", "Dora"]);
        let schedule2 = r#"{"schedule": {"version": "1", "conference": {"title": "T",
            "tracks": [{"slug": "art", "name": "Art & Beauty"}]},
            "events": [{"title": "S", "start": "2024-12-28T00:15:00+01:00",
              "end": "2024-12-28T00:55:00+01:00", "room": {"name": "Saal 1", "guid": "x"},
              "track": {"slug": "art"}, "state": "CANCELED", "language": "en",
              "participants": [{"name": "Eve", "role": "SPEAKER"}],
              "description": {"en": "Text"}}]}}"#;
        let p = read(Source::Schedule2, schedule2.as_bytes()).unwrap();
        let event = &p.events[0];
        assert_eq!(event.speakers, ["Eve"]);
        assert_eq!(event.start, Some(at("2024-12-28T00:15:00+01:00")));
        assert_eq!(event.minutes, 40);
        assert_eq!(event.room.as_deref(), Some("Saal 1"));
        assert_eq!(event.format.as_deref(), Some("Art & Beauty"));
        assert_eq!(event.status, Status::Cancelled);
        assert_eq!(event.description.as_deref(), Some("Text"));
        assert_eq!(p.language, Some(Language::En));
    }

    #[test]
    fn mixed_languages_stay_on_each_forum() {
        let json = r#"{"schedule": {"conference": {"days": [{"date": "2020-01-01", "rooms": {"R": [
            {"title": "A", "start": "10:00", "language": "de"},
            {"title": "B", "start": "11:00", "language": "EN"},
            {"title": "C", "start": "12:00"}]}}]}}}"#;
        let p = read(Source::FrabJson, json.as_bytes()).unwrap();
        assert_eq!(p.language, None);
        assert_eq!(p.events[0].extra["x-language"], "de");
        assert_eq!(p.events[1].extra["x-language"], "en");
        assert!(!p.events[2].extra.contains_key("x-language"));
    }

    #[test]
    fn json_documents_are_told_apart() {
        let frab = br#"{"schedule": {"conference": {"days": [{"rooms": {"R": [{"url": "https://x/events/1.html"}]}}]}}}"#;
        let pretalx = br#"{"schedule": {"conference": {"days": [{"rooms": {"R": [{"url": "https://x/c/talk/MJA8QY/"}]}}]}}}"#;
        let generator = br#"{"generator": {"name": "pretalx"}, "schedule": {"conference": {}}}"#;
        let schedule2 = br#"{"schedule": {"conference": {}, "events": []}}"#;
        assert_eq!(recognise(frab), Some(Source::FrabJson));
        assert_eq!(recognise(pretalx), Some(Source::Pretalx));
        assert_eq!(recognise(generator), Some(Source::Pretalx));
        assert_eq!(recognise(schedule2), Some(Source::Schedule2));
        assert_eq!(recognise(br#"{"rows": []}"#), None);
        // Broken JSON is read as frab JSON, to name the parser's error.
        assert_eq!(recognise(b"{\"schedule\": "), Some(Source::FrabJson));
    }

    #[test]
    fn garbage_is_a_syntax_error_with_the_place() {
        let Err(ImportError::Syntax { source, message }) =
            read(Source::FrabXml, b"<schedule>\n  <conference>\n")
        else {
            panic!("truncated XML is an error");
        };
        assert_eq!(source, Source::FrabXml);
        // The place is where the text ends too early.
        assert!(
            message.contains("never closed (line 3, column 1)"),
            "{message}"
        );
        let Err(ImportError::Syntax { message, .. }) =
            read(Source::FrabXml, b"<schedule>\n<day>\n  <event></day>\n")
        else {
            panic!("a misnested tag is an error");
        };
        assert!(message.contains("line 3"), "{message}");
        let Err(ImportError::Syntax { message, .. }) =
            read(Source::FrabJson, b"{\n  \"schedule\": [1,\n")
        else {
            panic!("truncated JSON is an error");
        };
        assert!(message.contains("line 3"), "{message}");
        let Err(ImportError::Syntax { message, .. }) = read(Source::FrabXml, b"<a>\xff\xfe</a>")
        else {
            panic!("bytes that are no UTF-8 are an error");
        };
        assert!(message.contains("UTF-8"), "{message}");
    }

    #[test]
    fn an_eight_bit_declaration_is_read_as_latin_1() {
        let xml = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><schedule><day date=\"2020-06-23\"><event><start>10:00</start><title>Gr\xfc\xdfe</title></event></day></schedule>";
        let p = read(Source::FrabXml, xml).unwrap();
        assert_eq!(p.events[0].title, "Grüße");
    }

    #[test]
    fn no_input_panics_neither_truncated_nor_garbled() {
        let json = r#"{"schedule": {"conference": {"days": [{"date": "2020-01-01", "rooms": {"R": [
            {"title": "A", "start": "10:00", "duration": "1:00", "persons": [{"name": "X"}]}]}}]},
            "events": [{"start": "2020-01-01T10:00:00+01:00", "end": "2020-01-01T09:00:00+01:00"}]}}"#;
        for text in [XML, json] {
            for end in 0..=text.len() {
                let bytes = &text.as_bytes()[..end];
                for source in [Source::FrabXml, Source::FrabJson, Source::Schedule2] {
                    let _ = read(source, bytes);
                }
                let _ = recognise(bytes);
            }
            // Every byte replaced by one that breaks numbers, dates and markup.
            for at in 0..text.len() {
                let mut bytes = text.as_bytes().to_vec();
                bytes[at] = b'9';
                let _ = read(Source::FrabXml, &bytes);
                let _ = read(Source::FrabJson, &bytes);
            }
        }
    }
}
