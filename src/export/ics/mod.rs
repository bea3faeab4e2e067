//! The week as iCalendar files (RFC 5545, with RFC 7986's additions) that calendar clients
//! import or subscribe to.
//!
//! Local times carry the week's TZID, and the file holds that zone's VTIMEZONE, generated
//! from the tz database, so clients without the zone (or with a wrong one) read the same
//! instants. Events are written one at a time, so a large week never sits in memory as text.

use std::collections::{BTreeMap, HashSet};
use std::io::{self, Write};
use std::ops::RangeInclusive;

use chrono::{DateTime, Datelike, LocalResult, NaiveDateTime, TimeZone, Timelike};
use chrono_tz::Tz;
use icalendar::{Property, ValueType};

use crate::export::Selection;
use crate::model::{
    Duration, Forum, Language, Placement, Status, Week, identity, is_valid_id, slug,
};
use crate::text::t;
use crate::view::{ForumView, Organizer, View, When};

mod line;
pub mod previous;
pub mod vtimezone;

use line::Line;
use previous::{Previous, PreviousEvent};

/// The PRODID of every calendar `fora` writes.
pub const PRODID: &str = concat!("-//fora//fora ", env!("CARGO_PKG_VERSION"), "//EN");

/// How calendars are written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// How often subscribed clients should fetch the calendar again.
    pub refresh: Duration,
    /// A reminder this long before each forum.
    pub alarm: Option<Duration>,
    /// The calendar's name (NAME, X-WR-CALNAME) instead of the week's.
    pub name: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            refresh: Duration::from_minutes(6 * 60).expect("six hours is a duration"),
            alarm: None,
            name: None,
        }
    }
}

/// One event of a calendar.
#[derive(Clone, Copy, Debug)]
pub enum Entry<'a> {
    /// A scheduled forum of the week.
    Forum {
        /// The forum.
        forum: &'a Forum,
        /// When it runs.
        when: When,
    },
    /// An event of the previous calendar whose forum is gone from the week: it is
    /// published once more, cancelled, so calendars that hold it drop it.
    Gone(&'a PreviousEvent),
}

impl Entry<'_> {
    /// Where its forum (or old event) lies in memory.
    fn address(&self) -> usize {
        match *self {
            Entry::Forum { forum, .. } => std::ptr::from_ref(forum).addr(),
            Entry::Gone(old) => std::ptr::from_ref(old).addr(),
        }
    }
}

/// How many events are made at a time, in the order of memory: enough to span the fora
/// that start together in large weeks, few enough to keep their text in the cache.
const BLOCK: usize = 256;

/// What became of the events of a calendar, measured against the previous one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// Events the previous calendar did not have (all of them, without one).
    pub new: usize,
    /// Events whose content changed: SEQUENCE raised, LAST-MODIFIED set.
    pub changed: usize,
    /// Events written exactly as before.
    pub unchanged: usize,
    /// Events of the previous calendar whose forum is gone, now cancelled.
    pub gone: usize,
}

impl std::ops::AddAssign for Changes {
    fn add_assign(&mut self, other: Self) {
        self.new += other.new;
        self.changed += other.changed;
        self.unchanged += other.unchanged;
        self.gone += other.gone;
    }
}

/// One calendar file: a week's events, how they are written, and what was published before.
#[derive(Debug)]
pub struct Calendar<'a> {
    week: &'a Week,
    view: std::rc::Rc<View<'a>>,
    options: &'a Options,
    previous: Option<&'a Previous>,
    entries: Vec<Entry<'a>>,
    /// What follows the forum id in every UID: `.<week id>.fora`.
    uid_tail: String,
}

/// What every event of a calendar shares, worked out once.
struct Shared {
    /// DTSTAMP and LAST-MODIFIED.
    stamp: Stamp,
    /// Which local times happen twice.
    doubled: Doubled,
}

impl<'a> Calendar<'a> {
    /// The calendar of the scheduled fora among `fora`, by start, those that start together
    /// in the order given. With `previous`,
    /// its events whose forum is gone from the week follow, cancelled.
    ///
    /// A forum is gone when no scheduled forum of the whole week has its UID, so a forum
    /// that an attendee did not select is left out, not cancelled.
    pub fn new(
        week: &'a Week,
        language: Language,
        fora: impl IntoIterator<Item = &'a Forum>,
        options: &'a Options,
        previous: Option<&'a Previous>,
    ) -> Self {
        let mut placer = week.placer();
        // Placed in the order given (the file's, which is the order of memory), then sorted
        // by start: a stable sort, which leaves fora that start together in that order.
        let mut entries: Vec<Entry> = fora
            .into_iter()
            .filter_map(|forum| {
                let when = When::of(placer.place(forum))?;
                Some(Entry::Forum { forum, when })
            })
            .collect();
        entries.sort_by_key(|entry| match entry {
            Entry::Forum { when, .. } => when.start.timestamp(),
            Entry::Gone(_) => i64::MAX,
        });
        if let Some(previous) = previous {
            let current: HashSet<String> = week
                .fora
                .iter()
                .filter(|f| placer.place(f) != Placement::Unscheduled)
                .map(|f| uid(week, f))
                .collect();
            entries.extend(
                previous
                    .events()
                    .filter(|e| !current.contains(&e.uid))
                    .map(Entry::Gone),
            );
        }
        Self {
            week,
            view: std::rc::Rc::new(View::new(week, language)),
            options,
            previous,
            entries,
            uid_tail: identity::uid_tail(week),
        }
    }

    /// Its events, in the order they are written.
    pub fn entries(&self) -> &[Entry<'a>] {
        &self.entries
    }

    /// One calendar a file name (without `.ics`) for `--split`: each forum's id, and for a
    /// gone event, the id its UID starts with.
    pub fn split(&self) -> BTreeMap<String, Calendar<'a>> {
        let mut files: BTreeMap<String, Calendar> = BTreeMap::new();
        for entry in &self.entries {
            let name = match entry {
                Entry::Forum { forum, .. } => forum.id.clone(),
                Entry::Gone(event) => file_name(&event.uid),
            };
            files
                .entry(name)
                .or_insert_with(|| Calendar {
                    week: self.week,
                    view: self.view.clone(),
                    options: self.options,
                    previous: self.previous,
                    entries: Vec::new(),
                    uid_tail: self.uid_tail.clone(),
                })
                .entries
                .push(*entry);
        }
        files
    }

    /// Writes the calendar: header, VTIMEZONE, events. Says what became of the events.
    pub fn write(&self, out: &mut dyn Write) -> io::Result<Changes> {
        let mut header = self.header();
        // Only events refer to the zone: a calendar without them needs no VTIMEZONE.
        if let Some(years) = self.years() {
            header += &vtimezone::vtimezone(self.week.timezone, *years.start(), *years.end());
        }
        out.write_all(header.as_bytes())?;
        let mut changes = Changes::default();
        // Buffers for the whole calendar, not strings for each event.
        let (mut events, mut body) = (String::new(), String::new());
        let mut ranges = Vec::with_capacity(BLOCK);
        let mut made = Vec::with_capacity(BLOCK);
        let mut shared = self.shared();
        // The events of a block are made in the order their fora lie in memory, which the
        // processor reads ahead of itself (the order of the week file: in calendar order,
        // the fora that start together are read in jumps), and written in calendar order.
        for block in self.entries.chunks(BLOCK) {
            events.clear();
            made.clear();
            made.extend(0..block.len());
            made.sort_unstable_by_key(|&i| block[i].address());
            ranges.clear();
            ranges.resize(block.len(), 0..0);
            for &i in &made {
                let from = events.len();
                changes += match block[i] {
                    Entry::Forum { forum, when } => {
                        self.forum(forum, when, &mut shared, &mut body, &mut events)
                    }
                    Entry::Gone(old) => self.gone(old, &mut shared, &mut events)?,
                };
                ranges[i] = from..events.len();
            }
            for range in &ranges {
                out.write_all(&events.as_bytes()[range.clone()])?;
            }
        }
        out.write_all(b"END:VCALENDAR\r\n")?;
        Ok(changes)
    }

    /// Each event as [`Self::write`] writes it, in calendar order: a programme page embeds
    /// them, and its script joins those an attendee picked below [`Self::header`] and the
    /// zone's VTIMEZONE ([`vtimezone::vtimezone`]) into the calendar `write` would give.
    pub fn events(&self) -> io::Result<Vec<(Entry<'a>, String)>> {
        let mut shared = self.shared();
        let mut body = String::new();
        let mut made = Vec::with_capacity(self.entries.len());
        for entry in &self.entries {
            let mut event = String::new();
            match *entry {
                Entry::Forum { forum, when } => {
                    self.forum(forum, when, &mut shared, &mut body, &mut event);
                }
                Entry::Gone(old) => {
                    self.gone(old, &mut shared, &mut event)?;
                }
            }
            made.push((*entry, event));
        }
        Ok(made)
    }

    /// The calendar's header, down to the VTIMEZONE: the week's name, description, zone
    /// and language, as the view has them, and how often to fetch it again.
    pub fn header(&self) -> String {
        let header = self.view.header();
        let language = header.language.code();
        let mut out = String::new();
        line::bare(&mut out, "BEGIN:VCALENDAR");
        Line::new(&mut out, "VERSION").raw("2.0");
        Line::new(&mut out, "PRODID").raw(PRODID);
        Line::new(&mut out, "CALSCALE").raw("GREGORIAN");
        Line::new(&mut out, "METHOD").raw("PUBLISH");
        let name = self.options.name.as_deref().unwrap_or(header.name);
        Line::new(&mut out, "NAME")
            .param("LANGUAGE", language)
            .text(name);
        Line::new(&mut out, "X-WR-CALNAME")
            .param("LANGUAGE", language)
            .text(name);
        Line::new(&mut out, "X-WR-CALDESC")
            .param("LANGUAGE", language)
            .text(&header.description);
        Line::new(&mut out, "X-WR-TIMEZONE").text(header.zone.name());
        let refresh = self.options.refresh.to_rfc5545();
        Line::new(&mut out, "REFRESH-INTERVAL")
            .param("VALUE", "DURATION")
            .raw(&refresh);
        Line::new(&mut out, "X-PUBLISHED-TTL").raw(&refresh);
        out
    }

    /// The attendees' view this calendar is written from.
    pub fn view(&self) -> &View<'a> {
        &self.view
    }

    /// What this calendar publishes of a forum shown so (by [`Self::view`]) below its UID,
    /// DTSTAMP and SEQUENCE: the lines `--previous` compares. `None` when it has no start,
    /// and so no event.
    pub fn content(&self, shown: &ForumView) -> Option<String> {
        shown.when?;
        let mut out = String::new();
        self.body(shown, &mut self.shared(), &mut out);
        Some(out)
    }

    fn shared(&self) -> Shared {
        Shared {
            stamp: Stamp::utc(self.week.stamp().naive_utc()),
            doubled: Doubled::new(self.week.timezone),
        }
    }

    /// The years the VTIMEZONE must be right for: those of the events; `None` without events.
    fn years(&self) -> Option<RangeInclusive<i32>> {
        let zone = self.week.timezone;
        let (mut first, mut last) = (i32::MAX, i32::MIN);
        let mut see = |year: i32| (first, last) = (first.min(year), last.max(year));
        for entry in &self.entries {
            match *entry {
                Entry::Forum { when, .. } => {
                    see(when.start.year());
                    see(when.end.year());
                }
                Entry::Gone(old) => old
                    .properties()
                    .into_iter()
                    .filter(|l| matches!(previous::name(l).as_str(), "DTSTART" | "DTEND"))
                    .filter_map(|l| PreviousEvent::instant(l, zone))
                    .for_each(|t| see(t.with_timezone(&zone).year())),
            }
        }
        (first <= last).then_some(first..=last)
    }

    /// A forum's VEVENT: new, as it was when nothing changed since the previous calendar,
    /// else with SEQUENCE raised. `body` is room to render it in for the comparison.
    fn forum(
        &self,
        forum: &'a Forum,
        when: When,
        shared: &mut Shared,
        body: &mut String,
        out: &mut String,
    ) -> Changes {
        let shown = self.view.placed(
            forum,
            Placement::Placed {
                start: when.start,
                end: when.end,
                clock: when.clock,
            },
        );
        let olds = self
            .previous
            .map(|p| p.all(&format!("{}{}", forum.id, self.uid_tail)))
            .unwrap_or_default();
        if olds.is_empty() {
            // Nothing to compare with: rendered straight into the output.
            self.head([&forum.id, &self.uid_tail], None, &shared.stamp, out);
            self.body(&shown, shared, out);
            return Changes {
                new: 1,
                ..Changes::default()
            };
        }
        body.clear();
        self.body(&shown, shared, body);
        // A week that repeats an id has several events of one UID: any of them that says
        // the same is the one this forum keeps.
        if let Some(old) = olds.iter().find(|old| old.same_content(body)) {
            out.push_str(old.raw());
            return Changes {
                unchanged: 1,
                ..Changes::default()
            };
        }
        let sequence = olds.iter().map(|old| old.sequence).max().unwrap_or(0);
        self.head(
            [&forum.id, &self.uid_tail],
            Some(sequence + 1),
            &shared.stamp,
            out,
        );
        out.push_str(body);
        Changes {
            changed: 1,
            ..Changes::default()
        }
    }

    /// BEGIN, UID (in pieces), DTSTAMP and SEQUENCE; LAST-MODIFIED when `raised` raises an
    /// old one.
    fn head(&self, uid: [&str; 2], raised: Option<u32>, stamp: &Stamp, out: &mut String) {
        line::bare(out, "BEGIN:VEVENT");
        Line::new(out, "UID").raws(uid);
        Line::new(out, "DTSTAMP").raw(stamp.as_str());
        match raised {
            None => line::bare(out, "SEQUENCE:0"),
            Some(sequence) => {
                Line::new(out, "SEQUENCE").raw(&sequence.to_string());
                Line::new(out, "LAST-MODIFIED").raw(stamp.as_str());
            }
        }
    }

    /// Everything of a forum's VEVENT below the head, END:VEVENT included.
    fn body(&self, shown: &ForumView, shared: &mut Shared, out: &mut String) {
        let words = &self.view.words;
        let Some(when) = shown.when else {
            return;
        };
        date_time(out, "DTSTART", when.start, &mut shared.doubled);
        date_time(out, "DTEND", when.end, &mut shared.doubled);
        // The language of the words (RFC 5545 3.2.10), as the header says it of the week's.
        let language = self.view.language.code();
        Line::new(out, "SUMMARY")
            .param("LANGUAGE", language)
            .text(&shown.title);
        let status = match shown.status {
            Status::Confirmed => "CONFIRMED",
            Status::Tentative => "TENTATIVE",
            Status::Cancelled => "CANCELLED",
        };
        Line::new(out, "STATUS").raw(status);
        if let Some(room) = shown.room {
            Line::new(out, "LOCATION")
                .param("LANGUAGE", language)
                .text(room);
        }
        // One category: a comma in a format is escaped, not a second category.
        if let Some(format) = shown.format {
            Line::new(out, "CATEGORIES")
                .param("LANGUAGE", language)
                .text(format);
        }
        if let Some(link) = shown.link {
            Line::new(out, "URL").raw(link);
            Line::new(out, "CONFERENCE")
                .param("VALUE", "URI")
                .param("FEATURE", "VIDEO")
                .param("LABEL", shown.room.unwrap_or(&words.join))
                .raw(link);
        }
        let mut pieces: Vec<&str> = Vec::with_capacity(16);
        shown.details(words, &mut pieces);
        Line::new(out, "DESCRIPTION")
            .param("LANGUAGE", language)
            .texts(pieces);
        organizer(out, self.view.organizer());
        if let Some(alarm) = self.options.alarm
            && shown.status.takes_place()
        {
            line::bare(out, "BEGIN:VALARM");
            Line::new(out, "ACTION").raw("DISPLAY");
            Line::new(out, "DESCRIPTION").text(&shown.forum.title);
            Line::new(out, "TRIGGER").raw(&format!("-{}", alarm.to_rfc5545()));
            line::bare(out, "END:VALARM");
        }
        line::bare(out, "END:VEVENT");
    }

    /// An event of the previous calendar whose forum is gone: as it was when it was
    /// already cancelled, else cancelled now, its summary saying so, SEQUENCE raised.
    fn gone(
        &self,
        old: &PreviousEvent,
        shared: &mut Shared,
        out: &mut String,
    ) -> io::Result<Changes> {
        if old.cancelled {
            out.push_str(old.raw());
            return Ok(Changes {
                unchanged: 1,
                ..Changes::default()
            });
        }
        let zone = self.week.timezone;
        self.head([&old.uid, ""], Some(old.sequence + 1), &shared.stamp, out);
        let mut summary = false;
        for content in old.properties() {
            let name = previous::name(content);
            if matches!(
                name.as_str(),
                "UID" | "DTSTAMP" | "SEQUENCE" | "LAST-MODIFIED" | "STATUS"
            ) {
                continue;
            }
            let property: Property = content.parse().map_err(|e| {
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("the previous event {:?}: {content:?}: {e}", old.uid),
                )
            })?;
            match name.as_str() {
                // Written in the week's zone, whose VTIMEZONE this file holds.
                "DTSTART" | "DTEND" if PreviousEvent::instant(content, zone).is_some() => {
                    let instant = PreviousEvent::instant(content, zone).expect("read above");
                    date_time(
                        out,
                        &name,
                        instant.with_timezone(&zone),
                        &mut shared.doubled,
                    );
                }
                "SUMMARY" => {
                    summary = true;
                    Line::new(out, "SUMMARY")
                        .param("LANGUAGE", self.view.language.code())
                        .text(&self.view.cancelled(property.value()));
                }
                _ => {
                    let mut line = Line::new(out, property.key());
                    for parameter in property.params().values() {
                        line = line.param(parameter.key(), parameter.value());
                    }
                    if property.value_type() == Some(ValueType::Text) {
                        line.text(property.value());
                    } else {
                        line.raw(property.value());
                    }
                }
            }
        }
        if !summary {
            Line::new(out, "SUMMARY")
                .param("LANGUAGE", self.view.language.code())
                .text(&self.view.cancelled(""));
        }
        Line::new(out, "STATUS").raw("CANCELLED");
        line::bare(out, "END:VEVENT");
        Ok(Changes {
            gone: 1,
            ..Changes::default()
        })
    }
}

/// The fora of `week` a calendar of part of it holds, in file order: those among `only`
/// (all when empty) that `selection` shows (`fora ics --only`, `--day`, `--room`).
pub fn chosen<'w>(
    week: &'w Week,
    language: Language,
    only: &HashSet<&str>,
    selection: &Selection,
) -> Vec<&'w Forum> {
    let filtered = selection.day.is_some() || selection.room.is_some();
    // A whole week (most calendars) is not filtered at all, and needs no view of its own.
    let view = filtered.then(|| View::new(week, language));
    week.fora
        .iter()
        .filter(|forum| {
            (only.is_empty() || only.contains(forum.id.as_str()))
                && view
                    .as_ref()
                    .is_none_or(|view| selection.shows(&view.forum(forum)))
        })
        .collect()
}

/// The name of a calendar of part of the week: "<week> – Auswahl". A calendar app lists
/// it apart from the whole week's.
pub fn selection_name(week: &Week, language: Language) -> String {
    t!(language, "calendar-selection", week = week.name.as_str())
}

/// Writes one VCALENDAR with one VEVENT per scheduled forum, by start, in the week's
/// language, with the default [`Options`] and no previous calendar.
///
/// The output depends on the week alone: DTSTAMP is the week's `updated` (else its start),
/// and each UID is built from the week's id and the forum's.
pub fn write_calendar(week: &Week, out: &mut dyn Write) -> io::Result<()> {
    let options = Options::default();
    Calendar::new(week, week.language(), &week.fora, &options, None)
        .write(out)
        .map(drop)
}

/// The UID of `forum`: see [`identity`].
pub fn uid(week: &Week, forum: &Forum) -> String {
    identity::uid(week, forum)
}

/// The file a gone event is written to by `--split`: the forum id its UID starts with.
fn file_name(uid: &str) -> String {
    let id = uid.split(['.', '@']).next().unwrap_or_default();
    if is_valid_id(id) {
        id.to_owned()
    } else {
        slug(uid)
    }
}

/// Whom to write to: ORGANIZER with the address (RFC 5546 asks it of a published event;
/// without ATTENDEE no client sends or asks for replies), else CONTACT with the name.
fn organizer(out: &mut String, organizer: Option<Organizer>) {
    match organizer {
        Some(Organizer::Mail { name, email }) => {
            let mut line = Line::new(out, "ORGANIZER");
            if let Some(name) = name {
                line = line.param("CN", name);
            }
            line.raws(["mailto:", email]);
        }
        Some(Organizer::Named(name)) => Line::new(out, "CONTACT").text(name),
        None => {}
    }
}

/// Which local times of the zone happen twice, remembered: a large week asks for the same
/// few hundred times again and again.
struct Doubled {
    zone: Tz,
    seen: rustc_hash::FxHashMap<NaiveDateTime, bool>,
}

impl Doubled {
    fn new(zone: Tz) -> Self {
        Self {
            zone,
            seen: Default::default(),
        }
    }

    fn happens_twice(&mut self, local: NaiveDateTime) -> bool {
        let zone = self.zone;
        *self
            .seen
            .entry(local)
            .or_insert_with(|| !matches!(zone.from_local_datetime(&local), LocalResult::Single(_)))
    }
}

/// A local time with the zone's TZID, which the file's VTIMEZONE defines. A local time
/// that happens twice (the autumn hour) is written in UTC: RFC 5545 means the first, but
/// ical.js (Thunderbird) takes the second.
fn date_time(out: &mut String, name: &str, at: DateTime<Tz>, doubled: &mut Doubled) {
    let local = at.naive_local();
    if doubled.happens_twice(local) {
        Line::new(out, name).raw(Stamp::utc(at.naive_utc()).as_str());
    } else {
        Line::new(out, name)
            .param("TZID", at.timezone().name())
            .raw(Stamp::local(local).as_str());
    }
}

/// A DATE-TIME value (3.3.5), `20200623T100000` or `20200623T080000Z`, written digit by
/// digit without allocating: chrono's formatter was the export's slowest part.
struct Stamp {
    text: [u8; 16],
    len: usize,
}

impl Stamp {
    fn local(at: NaiveDateTime) -> Self {
        let mut text = [b'0'; 16];
        let year = at.year().clamp(0, 9999) as u32;
        let digits = [
            (0, year / 100),
            (2, year % 100),
            (4, at.month()),
            (6, at.day()),
            (9, at.hour()),
            (11, at.minute()),
            (13, at.second()),
        ];
        for (at, n) in digits {
            text[at] = b'0' + (n / 10) as u8;
            text[at + 1] = b'0' + (n % 10) as u8;
        }
        text[8] = b'T';
        Self { text, len: 15 }
    }

    fn utc(at: NaiveDateTime) -> Self {
        let mut stamp = Self::local(at);
        stamp.text[15] = b'Z';
        stamp.len = 16;
        stamp
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.text[..self.len]).expect("digits and letters are UTF-8")
    }
}
