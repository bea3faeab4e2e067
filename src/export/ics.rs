//! The week as an iCalendar file (RFC 5545) that calendar clients import.
//!
//! Events are written one at a time, so a large week never sits in memory as text.

use std::io::{self, Write};

use chrono::Utc;
use icalendar::{Component, Event, EventLike, Property};

use crate::model::{Forum, Week, slug};

/// The PRODID of every calendar `fora` writes.
pub const PRODID: &str = concat!("-//fora//fora ", env!("CARGO_PKG_VERSION"), "//EN");

/// Writes one VCALENDAR with one VEVENT per scheduled forum, by start then id.
///
/// The output depends on the week alone: DTSTAMP is the week's `updated` (else its start),
/// and each UID is built from the forum id and the week.
pub fn write_calendar(week: &Week, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(b"BEGIN:VCALENDAR\r\n")?;
    for property in [
        Property::new("VERSION", "2.0"),
        Property::new("PRODID", PRODID),
        Property::new("CALSCALE", "GREGORIAN"),
        Property::new("METHOD", "PUBLISH"),
        Property::new("X-WR-CALNAME", escaped(&week.name)),
    ] {
        out.write_all(line(property)?.as_bytes())?;
    }
    let mut fora: Vec<_> = week
        .fora
        .iter()
        .filter_map(|forum| Some((week.placement(forum).interval()?, forum)))
        .collect();
    fora.sort_by(|((a, _), f), ((b, _), g)| (a, &f.id).cmp(&(b, &g.id)));
    let stamp = week.stamp();
    let mut buffer = String::new();
    for ((start, end), forum) in fora {
        let mut event = Event::new();
        event
            .uid(&uid(week, forum))
            .timestamp(stamp)
            .starts(start.with_timezone(&Utc))
            .ends(end.with_timezone(&Utc))
            .summary(&text(&forum.title))
            .description(&description(week, forum));
        if let Some(room) = forum
            .room
            .as_deref()
            .map(|id| week.room(id).map_or(id, |r| &r.name))
        {
            event.location(&text(room));
        }
        if let Some(link) = join_link(week, forum) {
            // A URI is written unescaped: nothing in it may end the line.
            event.url(&link.chars().filter(|c| !c.is_control()).collect::<String>());
        }
        buffer.clear();
        event.fmt_write(&mut buffer).map_err(io::Error::other)?;
        out.write_all(buffer.as_bytes())?;
    }
    out.write_all(b"END:VCALENDAR\r\n")
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

/// The join link first (most clients show no URL), then format, speakers and description.
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
    text(&lines.join("\n"))
}

/// Text the icalendar crate can escape safely: it escapes `\`, `;`, `,` and line feeds,
/// but not carriage returns or other control characters, which RFC 5545 forbids in TEXT.
fn text(value: &str) -> String {
    let unified = value.replace("\r\n", "\n").replace('\r', "\n");
    unified
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect()
}

/// TEXT escaping (RFC 5545 3.3.11) for properties the icalendar crate does not know as TEXT.
fn escaped(value: &str) -> String {
    text(value)
        .replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// One folded content line with its CRLF.
fn line(property: Property) -> io::Result<String> {
    property.try_into().map_err(io::Error::other)
}
