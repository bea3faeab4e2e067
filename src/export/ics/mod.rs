//! The week as iCalendar files (RFC 5545, with RFC 7986's additions) that calendar clients
//! import or subscribe to.
//!
//! Local times carry the week's TZID, and the file holds that zone's VTIMEZONE, generated
//! from the tz database, so clients without the zone (or with a wrong one) read the same
//! instants. Events are written one at a time, so a large week never sits in memory as text.

use std::collections::{BTreeMap, HashSet};
use std::io::{self, Write};
use std::ops::RangeInclusive;

use chrono::{DateTime, Datelike, LocalResult, TimeZone, Utc};
use chrono_tz::Tz;
use icalendar::{Property, ValueType};

use crate::model::{Duration, Forum, Status, Week, is_valid_id, slug};

pub mod previous;
pub mod vtimezone;

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
}

impl Default for Options {
    fn default() -> Self {
        Self {
            refresh: Duration::from_minutes(6 * 60).expect("six hours is a duration"),
            alarm: None,
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
        /// When it starts.
        start: DateTime<Tz>,
        /// When it ends.
        end: DateTime<Tz>,
    },
    /// An event of the previous calendar whose forum is gone from the week: it is
    /// published once more, cancelled, so calendars that hold it drop it.
    Gone(&'a PreviousEvent),
}

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
#[derive(Clone, Debug)]
pub struct Calendar<'a> {
    week: &'a Week,
    options: &'a Options,
    previous: Option<&'a Previous>,
    entries: Vec<Entry<'a>>,
}

impl<'a> Calendar<'a> {
    /// The calendar of the scheduled fora among `fora`, by start then id. With `previous`,
    /// its events whose forum is gone from the week follow, cancelled.
    ///
    /// A forum is gone when no scheduled forum of the whole week has its UID, so a forum
    /// that an attendee did not select is left out, not cancelled.
    pub fn new(
        week: &'a Week,
        fora: impl IntoIterator<Item = &'a Forum>,
        options: &'a Options,
        previous: Option<&'a Previous>,
    ) -> Self {
        let mut placed: Vec<(DateTime<Tz>, &str, Entry)> = fora
            .into_iter()
            .filter_map(|forum| {
                let (start, end) = week.placement(forum).interval()?;
                Some((start, forum.id.as_str(), Entry::Forum { forum, start, end }))
            })
            .collect();
        placed.sort_by(|(a, f, _), (b, g, _)| (a, f).cmp(&(b, g)));
        let mut entries: Vec<Entry> = placed.into_iter().map(|(_, _, entry)| entry).collect();
        if let Some(previous) = previous {
            let current: HashSet<String> = week
                .fora
                .iter()
                .filter(|f| week.placement(f).interval().is_some())
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
            options,
            previous,
            entries,
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
                    options: self.options,
                    previous: self.previous,
                    entries: Vec::new(),
                })
                .entries
                .push(*entry);
        }
        files
    }

    /// Writes the calendar: header, VTIMEZONE, events. Says what became of the events.
    pub fn write(&self, out: &mut dyn Write) -> io::Result<Changes> {
        let week = self.week;
        let mut header = String::new();
        for (name, value) in [
            ("VERSION", "2.0"),
            ("PRODID", PRODID),
            ("CALSCALE", "GREGORIAN"),
            ("METHOD", "PUBLISH"),
            ("NAME", &week.name),
            ("X-WR-CALNAME", &week.name),
            ("X-WR-CALDESC", &self.description()),
            ("X-WR-TIMEZONE", week.timezone.name()),
        ] {
            push(&mut header, text(name, value))?;
        }
        let refresh = self.options.refresh.to_rfc5545();
        let mut interval = Property::new("REFRESH-INTERVAL", &refresh);
        interval.add_parameter("VALUE", "DURATION");
        push(&mut header, interval)?;
        push(&mut header, Property::new("X-PUBLISHED-TTL", &refresh))?;
        out.write_all(b"BEGIN:VCALENDAR\r\n")?;
        out.write_all(header.as_bytes())?;
        let years = self.years();
        out.write_all(
            vtimezone::vtimezone(week.timezone, *years.start(), *years.end()).as_bytes(),
        )?;
        let mut changes = Changes::default();
        let mut event = String::new();
        for entry in &self.entries {
            event.clear();
            changes += match *entry {
                Entry::Forum { forum, start, end } => self.forum(forum, start, end, &mut event),
                Entry::Gone(old) => self.gone(old, &mut event),
            }?;
            out.write_all(event.as_bytes())?;
        }
        out.write_all(b"END:VCALENDAR\r\n")?;
        Ok(changes)
    }

    /// The week's description, else its dates.
    fn description(&self) -> String {
        let week = self.week;
        week.description
            .clone()
            .unwrap_or_else(|| format!("{} – {}", week.start, week.end))
    }

    /// The years the VTIMEZONE must be right for: those of the events, else the week's.
    fn years(&self) -> RangeInclusive<i32> {
        let zone = self.week.timezone;
        let years = self.entries.iter().flat_map(|entry| match *entry {
            Entry::Forum { start, end, .. } => vec![start.year(), end.year()],
            Entry::Gone(old) => old
                .properties()
                .into_iter()
                .filter(|l| matches!(previous::name(l).as_str(), "DTSTART" | "DTEND"))
                .filter_map(|l| PreviousEvent::instant(l, zone))
                .map(|t| t.with_timezone(&zone).year())
                .collect(),
        });
        let (first, last) = years.fold((i32::MAX, i32::MIN), |(a, b), y| (a.min(y), b.max(y)));
        if first > last {
            self.week.start.year()..=self.week.end.year()
        } else {
            first..=last
        }
    }

    /// A forum's VEVENT: as it was when nothing changed, else with SEQUENCE raised.
    fn forum(
        &self,
        forum: &Forum,
        start: DateTime<Tz>,
        end: DateTime<Tz>,
        out: &mut String,
    ) -> io::Result<Changes> {
        let uid = uid(self.week, forum);
        let body = self.body(forum, start, end)?;
        let old = self.previous.and_then(|p| p.get(&uid));
        if let Some(old) = old
            && old.same_content(&body)
        {
            out.push_str(old.raw());
            return Ok(Changes {
                unchanged: 1,
                ..Changes::default()
            });
        }
        self.head(&uid, old.map(|o| o.sequence + 1), out)?;
        out.push_str(&body);
        Ok(if old.is_some() {
            Changes {
                changed: 1,
                ..Changes::default()
            }
        } else {
            Changes {
                new: 1,
                ..Changes::default()
            }
        })
    }

    /// BEGIN, UID, DTSTAMP and SEQUENCE; LAST-MODIFIED when `sequence` raises an old one.
    fn head(&self, uid: &str, raised: Option<u32>, out: &mut String) -> io::Result<()> {
        let stamp = utc(self.week.stamp());
        out.push_str("BEGIN:VEVENT\r\n");
        push(out, Property::new("UID", uid))?;
        push(out, Property::new("DTSTAMP", &stamp))?;
        push(
            out,
            Property::new("SEQUENCE", raised.unwrap_or(0).to_string()),
        )?;
        if raised.is_some() {
            push(out, Property::new("LAST-MODIFIED", &stamp))?;
        }
        Ok(())
    }

    /// Everything of a forum's VEVENT below the head, END:VEVENT included.
    fn body(&self, forum: &Forum, start: DateTime<Tz>, end: DateTime<Tz>) -> io::Result<String> {
        let week = self.week;
        let words = week.language().words();
        let mut out = String::new();
        push(&mut out, date_time("DTSTART", start))?;
        push(&mut out, date_time("DTEND", end))?;
        let summary = match forum.status {
            Status::Cancelled => words.cancelled_title(&forum.title),
            _ => forum.title.clone(),
        };
        push(&mut out, text("SUMMARY", &summary))?;
        let status = match forum.status {
            Status::Confirmed => "CONFIRMED",
            Status::Tentative => "TENTATIVE",
            Status::Cancelled => "CANCELLED",
        };
        push(&mut out, Property::new("STATUS", status))?;
        let room = forum
            .room
            .as_deref()
            .map(|id| week.room(id).map_or(id, |r| &r.name));
        if let Some(room) = room {
            push(&mut out, text("LOCATION", room))?;
        }
        if let Some(link) = join_link(week, forum) {
            // A URI is written unescaped: nothing in it may end the line.
            let link: String = link.chars().filter(|c| !c.is_control()).collect();
            push(&mut out, Property::new("URL", &link))?;
            let mut conference = Property::new("CONFERENCE", &link);
            conference.add_parameter("VALUE", "URI");
            conference.add_parameter("FEATURE", "VIDEO");
            // A parameter value may not hold a double quote or control characters.
            let label: String = room
                .unwrap_or(words.join)
                .chars()
                .filter(|&c| c != '"' && !c.is_control())
                .collect();
            conference.add_parameter("LABEL", &label);
            push(&mut out, conference)?;
        }
        push(&mut out, text("DESCRIPTION", &description(week, forum)))?;
        if let Some(alarm) = self.options.alarm
            && forum.status.takes_place()
        {
            out.push_str("BEGIN:VALARM\r\n");
            push(&mut out, Property::new("ACTION", "DISPLAY"))?;
            push(&mut out, text("DESCRIPTION", &forum.title))?;
            push(
                &mut out,
                Property::new("TRIGGER", format!("-{}", alarm.to_rfc5545())),
            )?;
            out.push_str("END:VALARM\r\n");
        }
        out.push_str("END:VEVENT\r\n");
        Ok(out)
    }

    /// An event of the previous calendar whose forum is gone: as it was when it was
    /// already cancelled, else cancelled now, its summary saying so, SEQUENCE raised.
    fn gone(&self, old: &PreviousEvent, out: &mut String) -> io::Result<Changes> {
        if old.cancelled {
            out.push_str(old.raw());
            return Ok(Changes {
                unchanged: 1,
                ..Changes::default()
            });
        }
        let zone = self.week.timezone;
        let words = self.week.language().words();
        self.head(&old.uid, Some(old.sequence + 1), out)?;
        let mut summary = false;
        for line in old.properties() {
            let name = previous::name(line);
            let mut property: Property = match name.as_str() {
                "UID" | "DTSTAMP" | "SEQUENCE" | "LAST-MODIFIED" | "STATUS" => continue,
                _ => line.parse().map_err(|e| {
                    io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!("the previous event {:?}: {line:?}: {e}", old.uid),
                    )
                })?,
            };
            match name.as_str() {
                // Written in the week's zone, whose VTIMEZONE this file holds.
                "DTSTART" | "DTEND" => {
                    if let Some(instant) = PreviousEvent::instant(line, zone) {
                        property = date_time(&name, instant.with_timezone(&zone));
                    }
                }
                "SUMMARY" => {
                    summary = true;
                    property = text("SUMMARY", &words.cancelled_title(property.value()));
                }
                _ => {}
            }
            push(out, property)?;
        }
        if !summary {
            push(out, text("SUMMARY", words.cancelled))?;
        }
        push(out, Property::new("STATUS", "CANCELLED"))?;
        out.push_str("END:VEVENT\r\n");
        Ok(Changes {
            gone: 1,
            ..Changes::default()
        })
    }
}

/// Writes one VCALENDAR with one VEVENT per scheduled forum, by start then id, with the
/// default [`Options`] and no previous calendar.
///
/// The output depends on the week alone: DTSTAMP is the week's `updated` (else its start),
/// and each UID is built from the forum id and the week.
pub fn write_calendar(week: &Week, out: &mut dyn Write) -> io::Result<()> {
    let options = Options::default();
    Calendar::new(week, &week.fora, &options, None)
        .write(out)
        .map(drop)
}

/// The same file gives the same UID, always: the forum id, the week's first day and name.
pub fn uid(week: &Week, forum: &Forum) -> String {
    format!(
        "{}.{}@{}.fora",
        forum.id,
        week.start.format("%Y%m%d"),
        slug(&week.name)
    )
}

/// The forum's own link, else its room's.
pub fn join_link<'w>(week: &'w Week, forum: &'w Forum) -> Option<&'w str> {
    forum
        .url
        .as_deref()
        .or_else(|| week.room(forum.room.as_deref()?)?.url.as_deref())
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

/// The join link first (most clients show neither URL nor CONFERENCE), then format,
/// speakers and description.
fn description(week: &Week, forum: &Forum) -> String {
    let words = week.language().words();
    let mut lines = Vec::new();
    if let Some(link) = join_link(week, forum) {
        lines.push(format!("{}: {link}", words.join));
    }
    if let Some(format) = &forum.format {
        lines.push(format!("{}: {format}", words.format));
    }
    if !forum.speakers.is_empty() {
        let speakers: Vec<&str> = forum.speakers.iter().map(|s| s.trim()).collect();
        lines.push(format!("{}: {}", words.speakers, speakers.join(", ")));
    }
    if let Some(description) = &forum.description {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push(description.clone());
    }
    lines.join("\n")
}

/// A local time with the zone's TZID, which the file's VTIMEZONE defines. A local time
/// that happens twice (the autumn hour) is written in UTC: RFC 5545 means the first, but
/// ical.js (Thunderbird) takes the second.
fn date_time(name: &str, at: DateTime<Tz>) -> Property {
    let zone = at.timezone();
    let local = at.naive_local();
    if let LocalResult::Single(_) = zone.from_local_datetime(&local) {
        let mut property = Property::new(name, local.format("%Y%m%dT%H%M%S").to_string());
        property.add_parameter("TZID", zone.name());
        property
    } else {
        Property::new(name, utc(at.with_timezone(&Utc)))
    }
}

/// `20200623T080000Z`.
fn utc(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// A TEXT property (RFC 5545 3.3.11). The icalendar crate escapes `\`, `;`, `,` and line
/// feeds of the TEXT properties it knows; the others (NAME, X-WR-…) are escaped here.
/// Carriage returns and other control characters, which TEXT may not hold, go first.
fn text(name: &str, value: &str) -> Property {
    let unified = value.replace("\r\n", "\n").replace('\r', "\n");
    let clean: String = unified
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect();
    if Property::new(name, "").value_type() == Some(ValueType::Text) {
        Property::new(name, clean)
    } else {
        let escaped = clean
            .replace('\\', "\\\\")
            .replace(';', "\\;")
            .replace(',', "\\,")
            .replace('\n', "\\n");
        Property::new(name, escaped)
    }
}

/// Appends one folded content line with its CRLF.
fn push(out: &mut String, property: Property) -> io::Result<()> {
    let line: String = property.try_into().map_err(io::Error::other)?;
    out.push_str(&line);
    Ok(())
}
