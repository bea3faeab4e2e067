//! The frab schedule formats ("schedule.xml", "schedule.json") that Giggity, ConfClerk,
//! EventFahrplan and the c3voc tracker read, written strictly to the c3voc schemas.
//!
//! One [`Schedule`] is built from the attendees' view (`crate::view`) and the identities
//! (`crate::model::identity`); [`xml`] and [`json`] only write it. What the formats cannot
//! carry is gathered in [`Dropped`], which the command says on standard error.

pub mod json;
pub mod xml;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Offset, SecondsFormat, Timelike, Utc};
use chrono_tz::Tz;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use uuid::Uuid;

use crate::model::identity::{self, FRAB_GUID, FRAB_ID, Identities};
use crate::model::{DayTime, Duration, Extra, Forum, Language, Status, Week, slug};
use crate::rules::{self, Window};
use crate::text::t;
use crate::view::{self, View};

/// The `version` of a schedule whose week has no `updated`: readers compare versions to
/// notice a new programme, so set `updated` when publishing changes.
pub const UNVERSIONED: &str = "unversioned";

/// The frab formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrabFormat {
    /// `schedule.xml`, valid against the c3voc XSD.
    Xml,
    /// `schedule.json`, valid against the c3voc JSON Schema.
    Json,
}

impl FrabFormat {
    /// Its name on the command line: `frab-xml`, `frab-json`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Xml => "frab-xml",
            Self::Json => "frab-json",
        }
    }
}

/// A week as a frab schedule.
#[derive(Clone, Debug, PartialEq)]
pub struct Schedule {
    /// The week's `updated` (RFC 3339, UTC), else [`UNVERSIONED`].
    pub version: String,
    /// The conference.
    pub conference: Conference,
    /// Its rooms, one a name (readers know rooms by name), declared ones first.
    pub rooms: Vec<FrabRoom>,
    /// Every day of the week, and any other day a forum starts on.
    pub days: Vec<Day>,
    /// What the formats cannot carry.
    pub dropped: Dropped,
}

/// The conference as a whole.
#[derive(Clone, Debug, PartialEq)]
pub struct Conference {
    /// The week's name.
    pub title: String,
    /// From the week's id: lower case letters, digits and `_`, at least four.
    pub acronym: String,
    /// The first day.
    pub start: NaiveDate,
    /// The last day.
    pub end: NaiveDate,
    /// The zone's name.
    pub time_zone_name: &'static str,
    /// The grid apps lay the programme on, in minutes: see [`timeslot`].
    pub timeslot: u32,
    /// The base URL, ending in `/`.
    pub base_url: Option<url::Url>,
    /// The formats of the fora, each once, in the order they first appear.
    pub tracks: Vec<String>,
}

/// A room of the schedule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrabRoom {
    /// The name attendees see.
    pub name: String,
    /// From the id of the first room with that name ([`identity::room_guid`]).
    pub guid: Uuid,
}

/// One day.
#[derive(Clone, Debug, PartialEq)]
pub struct Day {
    /// From 1.
    pub index: usize,
    /// The date.
    pub date: NaiveDate,
    /// When the day's programme begins: `rules.day_start`, else its first forum, else
    /// midnight; earlier when a forum starts earlier.
    pub start: DateTime<Tz>,
    /// When it ends: `rules.day_end`, else its last forum's end, else midnight; later when
    /// a forum (one across midnight too) ends later.
    pub end: DateTime<Tz>,
    /// The events of each room of [`Schedule::rooms`] (by the same place), by start.
    pub rooms: Vec<Vec<Event>>,
}

/// One forum as an event.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Its integer id.
    pub id: u64,
    /// Its guid.
    pub guid: Uuid,
    /// When it starts.
    pub start: DateTime<Tz>,
    /// When it ends.
    pub end: DateTime<Tz>,
    /// Its length in minutes.
    pub minutes: u32,
    /// Its room's name.
    pub room: String,
    /// `<acronym>-<forum id>`, unique.
    pub slug: String,
    /// Its title.
    pub title: String,
    /// Its format, when it has one.
    pub track: Option<String>,
    /// Its format, else `other` (frab's word for a type it does not know).
    pub kind: String,
    /// Its language: its own (`x-language`), else the week's.
    pub language: Option<String>,
    /// Its description, else empty: the abstract and the description.
    pub description: String,
    /// Its speakers.
    pub persons: Vec<Person>,
    /// Its join link, labelled with the catalogue's word.
    pub links: Vec<Link>,
    /// Its page under the base URL ([`identity::page`]).
    pub url: Option<String>,
}

/// A speaker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// An integer id from the guid, unique among the week's speakers.
    pub id: u64,
    /// [`identity::person_guid`].
    pub guid: Uuid,
    /// The name as the forum writes it.
    pub name: String,
}

/// A link of an event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// Where it leads.
    pub url: String,
    /// What it is called.
    pub title: String,
}

/// What the formats cannot carry, for standard error.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dropped {
    /// Ids of the fora without a start (and not cancelled).
    pub unscheduled: Vec<String>,
    /// Ids of the cancelled fora.
    pub cancelled: Vec<String>,
    /// Ids of the fora whose join link is no web address (it is left out).
    pub links: Vec<String>,
    /// The keys of the week file present and not carried: `rules`, `expect`, `x-…`.
    pub fields: Vec<String>,
}

impl Schedule {
    /// The schedule of `week`, its words in `language`, its pages under `base_url` (given by
    /// the command checked already: an absolute http(s) URL).
    pub fn new(week: &Week, language: Language, base_url: Option<&url::Url>) -> Self {
        let view = View::new(week, language);
        let acronym = acronym(week);
        let identities = Identities::of(week);
        let slugs = slugs(week, &acronym);
        let mut people = People::new(week);
        let mut rooms = Rooms::default();
        for room in week.rooms.iter().flatten() {
            rooms.place(&room.name, || identity::room_guid(week, &room.id));
        }
        let mut dropped = Dropped {
            fields: fields(week),
            ..Dropped::default()
        };
        let base_url = base_url.map(identity::site_base);
        let mut events: Vec<(NaiveDate, usize, Event)> = Vec::new();
        for (index, forum) in week.fora.iter().enumerate() {
            let shown = view.forum(forum);
            if shown.status == Status::Cancelled {
                dropped.cancelled.push(forum.id.clone());
                continue;
            }
            let Some(when) = shown.when else {
                dropped.unscheduled.push(forum.id.clone());
                continue;
            };
            let room_name = shown
                .room
                .map_or_else(|| t!(language, "frab-room-none"), str::to_owned);
            let room = rooms.place(&room_name, || {
                identity::room_guid(week, forum.room.as_deref().unwrap_or_default())
            });
            let links = match shown.link {
                Some(link) if rules::link(link).is_ok() => vec![Link {
                    url: link.trim().to_owned(),
                    title: view.words.join.clone(),
                }],
                Some(_) => {
                    dropped.links.push(forum.id.clone());
                    Vec::new()
                }
                None => Vec::new(),
            };
            let (guid, id) = identities.fora[index];
            let event = Event {
                id,
                guid,
                start: when.start,
                end: when.end,
                minutes: when.minutes(),
                room: room_name,
                slug: slugs[index].clone(),
                title: shown.title.to_string(),
                track: shown.format.map(str::to_owned),
                kind: shown.format.unwrap_or("other").to_owned(),
                language: forum_language(forum)
                    .or(week.language.map(Language::code))
                    .map(str::to_owned),
                description: shown.description.unwrap_or_default().to_owned(),
                persons: shown.speakers().map(|name| people.person(name)).collect(),
                links,
                url: base_url
                    .as_ref()
                    .map(|base| page_url(base, language, &forum.id)),
            };
            events.push((when.date(), room, event));
        }
        let tracks = tracks(events.iter().map(|(_, _, event)| event));
        let timeslot = timeslot(events.iter().map(|(_, _, event)| event));
        let days = days(week, rooms.rooms.len(), events);
        Schedule {
            version: week.updated.map_or_else(
                || UNVERSIONED.to_owned(),
                |t| t.to_rfc3339_opts(SecondsFormat::Secs, true),
            ),
            conference: Conference {
                title: week.name.clone(),
                acronym,
                start: days.first().map_or(week.start, |d| d.date),
                end: days.last().map_or(week.end, |d| d.date),
                time_zone_name: week.timezone.name(),
                timeslot,
                base_url,
                tracks,
            },
            rooms: rooms.rooms,
            days,
            dropped,
        }
    }
}

/// The rooms as the schedule names them: one a name.
#[derive(Default)]
struct Rooms {
    rooms: Vec<FrabRoom>,
    places: HashMap<String, usize>,
}

impl Rooms {
    /// The place of the room with this name, added with the guid `guid` gives when new.
    fn place(&mut self, name: &str, guid: impl FnOnce() -> Uuid) -> usize {
        if let Some(&place) = self.places.get(name) {
            return place;
        }
        self.rooms.push(FrabRoom {
            name: name.to_owned(),
            guid: guid(),
        });
        self.places.insert(name.to_owned(), self.rooms.len() - 1);
        self.rooms.len() - 1
    }
}

/// The week's speakers: guid and id once a person, in the order of the week's fora.
struct People<'w> {
    week: &'w Week,
    known: HashMap<String, (Uuid, u64)>,
    ids: HashSet<u64>,
}

impl<'w> People<'w> {
    /// Every speaker of the week, ids given in file order, so that leaving a forum out of
    /// the export moves no one's id.
    fn new(week: &'w Week) -> Self {
        let mut people = Self {
            week,
            known: HashMap::default(),
            ids: HashSet::default(),
        };
        for forum in &week.fora {
            for name in view::speakers(forum) {
                people.person(name);
            }
        }
        people
    }

    fn person(&mut self, name: &str) -> Person {
        let folded: String = view::folded(name).collect();
        let (guid, id) = match self.known.get(&folded) {
            Some(&known) => known,
            None => {
                let guid = identity::person_guid(self.week, name);
                let id = identity::free(identity::number(&guid), &mut self.ids);
                self.known.insert(folded, (guid, id));
                (guid, id)
            }
        };
        Person {
            id,
            guid,
            name: name.to_owned(),
        }
    }
}

/// The acronym of `week`: the one an import kept (`x-frab-acronym`), else its id (else the
/// slug of its name), in lower case, every other character than a letter, a digit or `_`
/// written `_` (the JSON schema takes no `-` but in a year suffix), at least four characters.
pub fn acronym(week: &Week) -> String {
    let kept = week
        .extra
        .get(FRAB_ACRONYM)
        .and_then(serde_json::Value::as_str);
    let id = kept
        .map(str::to_owned)
        .or_else(|| week.id.clone())
        .unwrap_or_else(|| slug(&week.name));
    let mut acronym: String = id
        .chars()
        .map(|c| match c.to_ascii_lowercase() {
            c @ ('a'..='z' | '0'..='9' | '_') => c,
            _ => '_',
        })
        .collect();
    while acronym.len() < 4 {
        acronym.push('_');
    }
    acronym
}

/// Each forum's slug, by its place in the week's list: `<acronym>-<forum id>` in lower case,
/// without a trailing `-` or `_`, `forum-<id>` for an id shorter than four, and `-2`, `-3`
/// … after one already given (ids differing only in case). Given to every forum in file
/// order, so that leaving one out moves no other's.
fn slugs(week: &Week, acronym: &str) -> Vec<String> {
    let mut taken = HashSet::default();
    week.fora
        .iter()
        .map(|forum| {
            let id = forum.id.to_ascii_lowercase();
            let id = id.trim_end_matches(['-', '_']);
            let part = match id {
                "" => "forum".to_owned(),
                id if id.len() < 4 => format!("forum-{id}"),
                id => id.to_owned(),
            };
            let base = format!("{acronym}-{part}");
            (1..)
                .map(|n| match n {
                    1 => base.clone(),
                    n => format!("{base}-{n}"),
                })
                .find(|slug| taken.insert(slug.clone()))
                .expect("some slug is free")
        })
        .collect()
}

/// The formats of the events, each once, in file order.
fn tracks<'a>(events: impl Iterator<Item = &'a Event>) -> Vec<String> {
    let mut seen = HashSet::default();
    events
        .filter_map(|event| event.track.as_deref())
        .filter(|track| seen.insert(*track))
        .map(str::to_owned)
        .collect()
}

/// The grid of the schedule in minutes: the greatest common divisor of the hour and of every
/// event's start (on the clock) and length, so that every event starts and ends on a line
/// of the grid and the lines meet the full hours. 60 for a week without events.
pub fn timeslot<'a>(events: impl Iterator<Item = &'a Event>) -> u32 {
    fn gcd(a: u32, b: u32) -> u32 {
        if b == 0 { a } else { gcd(b, a % b) }
    }
    events.fold(60, |slot, event| {
        let clock = event.start.hour() * 60 + event.start.minute();
        gcd(gcd(slot, clock), event.minutes)
    })
}

/// The days: every day of the week and any other a forum starts on, each with its window
/// and its events by room, by start.
fn days(week: &Week, rooms: usize, events: Vec<(NaiveDate, usize, Event)>) -> Vec<Day> {
    let mut by_day: BTreeMap<NaiveDate, Vec<Vec<Event>>> = week
        .days()
        .map(|date| (date, vec![Vec::new(); rooms]))
        .collect();
    for (date, room, event) in events {
        by_day
            .entry(date)
            .or_insert_with(|| vec![Vec::new(); rooms])[room]
            .push(event);
    }
    let window = Window::checked(&week.rules);
    by_day
        .into_iter()
        .enumerate()
        .map(|(index, (date, mut rooms))| {
            for events in &mut rooms {
                events.sort_by(|a, b| (a.start, &a.slug).cmp(&(b.start, &b.slug)));
            }
            let starts = rooms.iter().flatten().map(|e| e.start);
            let ends = rooms.iter().flatten().map(|e| e.end);
            let at = |time: DayTime| instant(week, time, date);
            let start = window
                .start
                .map(at)
                .into_iter()
                .chain(starts)
                .min()
                .unwrap_or_else(|| at(DayTime::START_OF_DAY));
            let end = window
                .end
                .map(at)
                .into_iter()
                .chain(ends)
                .max()
                .unwrap_or_else(|| at(DayTime::END_OF_DAY))
                .max(start);
            Day {
                index: index + 1,
                date,
                start,
                end,
                rooms,
            }
        })
        .collect()
}

/// The instant `time` on `date` is in the week's zone, as a forum starting then is placed.
fn instant(week: &Week, time: DayTime, date: NaiveDate) -> DateTime<Tz> {
    let minute = Duration::from_minutes(1).expect("a minute is a duration");
    week.place(time.on(date), minute)
        .interval()
        .map(|(start, _)| start)
        .expect("a start is placed")
}

/// The keys of the week file that are there and that no frab format carries.
fn fields(week: &Week) -> Vec<String> {
    let mut fields: Vec<String> = Vec::new();
    let mut said = |field: &str, there: bool| {
        if there {
            fields.push(field.to_owned());
        }
    };
    let rules = &week.rules;
    said("description", week.description.is_some());
    said("contact", week.contact.is_some());
    said(
        "registrations",
        week.registrations.is_some()
            || week.participants.is_some()
            || week.fora.iter().any(|f| f.seats.is_some()),
    );
    said(
        "capacity",
        week.rooms.iter().flatten().any(|r| r.capacity.is_some()),
    );
    said(
        "rules",
        rules.day_start.is_some()
            || rules.day_end.is_some()
            || rules.min_gap.is_some()
            || rules.max_hours_per_day.is_some()
            || rules.parallel.is_some()
            || !rules.extra.is_empty(),
    );
    said(
        "expect",
        week.expect.fora.is_some() || week.expect.hours.is_some() || !week.expect.extra.is_empty(),
    );
    let mut keys: Vec<String> = Vec::new();
    let mut add = |extra: &Extra, carried: &[&str]| {
        for key in extra.keys() {
            if !carried.contains(&key.as_str()) && !keys.contains(key) {
                keys.push(key.clone());
            }
        }
    };
    add(&week.extra, &["$schema", FRAB_ACRONYM]);
    week.contact.iter().for_each(|c| add(&c.extra, &[]));
    week.rooms.iter().flatten().for_each(|r| add(&r.extra, &[]));
    week.fora
        .iter()
        .for_each(|f| add(&f.extra, &[FRAB_GUID, FRAB_ID, LANGUAGE]));
    fields.extend(keys);
    fields
}

/// The key an imported week keeps its conference's acronym in.
const FRAB_ACRONYM: &str = "x-frab-acronym";
/// The key an imported forum keeps its own language in, when the schedule's events differ.
const LANGUAGE: &str = "x-language";

/// A forum's own language (`x-language`), when it is a language code (`en`, `pt-br`).
fn forum_language(forum: &Forum) -> Option<&str> {
    let code = forum.extra.get(LANGUAGE)?.as_str()?.trim();
    let ok = (2..=8).contains(&code.len())
        && code.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        && !code.starts_with('-');
    ok.then_some(code)
}

/// The forum's page under the base URL.
fn page_url(base: &url::Url, language: Language, forum_id: &str) -> String {
    base.join(&identity::page(language, forum_id))
        .map_or_else(|_| base.to_string(), |url| url.to_string())
}

/// An instant as RFC 3339 with the offset in force then: `2020-06-23T10:00:00+02:00`. An
/// offset of seconds (local mean time before 1900) has no RFC 3339 form: then in UTC.
pub fn rfc3339(instant: DateTime<Tz>) -> String {
    if instant.offset().fix().local_minus_utc() % 60 == 0 {
        instant.to_rfc3339_opts(SecondsFormat::Secs, false)
    } else {
        instant
            .with_timezone(&Utc)
            .to_rfc3339_opts(SecondsFormat::Secs, false)
    }
}

/// `HH:MM` of a number of minutes: `01:30`, `24:00`.
pub fn hours_minutes(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// Whether the JSON schema's pattern of `time_zone_name` (`^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$`,
/// which starts with a region and a city or ends in UTC) takes `zone`.
pub fn json_zone_name(zone: &str) -> bool {
    fn word(text: &str) -> Option<&str> {
        let mut chars = text.char_indices();
        let (_, first) = chars.next()?;
        if !first.is_ascii_uppercase() {
            return None;
        }
        let end = chars
            .find(|(_, c)| !c.is_ascii_lowercase())
            .map_or(text.len(), |(i, _)| i);
        (end > 1).then(|| &text[end..])
    }
    let region_city = word(zone)
        .and_then(|rest| rest.strip_prefix('/'))
        .and_then(word)
        .is_some();
    region_city || zone.ends_with("UTC")
}

#[cfg(test)]
mod tests;
