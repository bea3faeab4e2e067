//! `schedule.xml`: the schedule as the c3voc XSD (`schedule.xml.xsd`) defines it, written
//! with quick-xml's writer, which escapes every text and attribute.

use std::borrow::Cow;
use std::io::{self, Write};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event as XmlEvent};

use super::{Day, Event, Schedule, hours_minutes, rfc3339};

type Out<'o> = Writer<&'o mut dyn Write>;

/// Writes `schedule` as frab XML, indented by two spaces, ending in a line break.
pub fn write(schedule: &Schedule, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = Writer::new_with_indent(out, b' ', 2);
    writer.write_event(XmlEvent::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    writer.create_element("schedule").write_inner_content(|w| {
        w.create_element("generator")
            .with_attribute(("name", "fora"))
            .with_attribute(("version", env!("CARGO_PKG_VERSION")))
            .write_empty()?;
        text(w, "version", &schedule.version)?;
        conference(w, schedule)?;
        for day in &schedule.days {
            self::day(w, schedule, day)?;
        }
        Ok(())
    })?;
    writer.into_inner().write_all(b"\n")
}

fn conference(w: &mut Out, schedule: &Schedule) -> io::Result<()> {
    let conference = &schedule.conference;
    w.create_element("conference").write_inner_content(|w| {
        text(w, "acronym", &conference.acronym)?;
        text(w, "title", &conference.title)?;
        text(w, "start", &conference.start.to_string())?;
        text(w, "end", &conference.end.to_string())?;
        text(w, "days", &schedule.days.len().to_string())?;
        text(w, "timeslot_duration", &hours_minutes(conference.timeslot))?;
        if let Some(base) = &conference.base_url {
            text(w, "base_url", base.as_str())?;
        }
        text(w, "time_zone_name", conference.time_zone_name)?;
        for track in &conference.tracks {
            w.create_element("track")
                .with_attribute(("name", clean(track).as_ref()))
                .write_empty()?;
        }
        Ok(())
    })?;
    Ok(())
}

fn day(w: &mut Out, schedule: &Schedule, day: &Day) -> io::Result<()> {
    w.create_element("day")
        .with_attribute(("index", day.index.to_string().as_str()))
        .with_attribute(("date", day.date.to_string().as_str()))
        .with_attribute(("start", rfc3339(day.start).as_str()))
        .with_attribute(("end", rfc3339(day.end).as_str()))
        .write_inner_content(|w| {
            for (room, events) in schedule.rooms.iter().zip(&day.rooms) {
                let element = w
                    .create_element("room")
                    .with_attribute(("name", clean(&room.name).as_ref()))
                    .with_attribute(("guid", room.guid.to_string().as_str()));
                if events.is_empty() {
                    element.write_empty()?;
                } else {
                    element.write_inner_content(|w| {
                        events.iter().try_for_each(|event| self::event(w, event))
                    })?;
                }
            }
            Ok(())
        })?;
    Ok(())
}

fn event(w: &mut Out, event: &Event) -> io::Result<()> {
    w.create_element("event")
        .with_attribute(("guid", event.guid.to_string().as_str()))
        .with_attribute(("id", event.id.to_string().as_str()))
        .write_inner_content(|w| {
            text(w, "date", &rfc3339(event.start))?;
            text(w, "start", &event.start.format("%H:%M").to_string())?;
            text(w, "duration", &hours_minutes(event.minutes))?;
            text(w, "room", &event.room)?;
            text(w, "slug", &event.slug)?;
            if let Some(url) = &event.url {
                text(w, "url", url)?;
            }
            text(w, "title", &event.title)?;
            w.create_element("subtitle").write_empty()?;
            text(w, "track", event.track.as_deref().unwrap_or_default())?;
            text(w, "type", &event.kind)?;
            if let Some(language) = &event.language {
                text(w, "language", language)?;
            }
            text(w, "abstract", &event.description)?;
            text(w, "description", &event.description)?;
            persons(w, event)?;
            links(w, event)
        })?;
    Ok(())
}

fn persons(w: &mut Out, event: &Event) -> io::Result<()> {
    w.create_element("persons").write_inner_content(|w| {
        for person in &event.persons {
            w.create_element("person")
                .with_attribute(("id", person.id.to_string().as_str()))
                .with_attribute(("guid", person.guid.to_string().as_str()))
                .write_text_content(BytesText::new(&clean(&person.name)))?;
        }
        Ok(())
    })?;
    Ok(())
}

fn links(w: &mut Out, event: &Event) -> io::Result<()> {
    w.create_element("links").write_inner_content(|w| {
        for link in &event.links {
            w.create_element("link")
                .with_attribute(("href", clean(&link.url).as_ref()))
                .write_text_content(BytesText::new(&clean(&link.title)))?;
        }
        Ok(())
    })?;
    Ok(())
}

/// An element holding `content`.
fn text(w: &mut Out, name: &str, content: &str) -> io::Result<()> {
    w.create_element(name)
        .write_text_content(BytesText::new(&clean(content)))?;
    Ok(())
}

/// `text` with the characters XML 1.0 may not hold at all, escaped or not (control
/// characters but tab and line breaks, U+FFFE, U+FFFF), written as U+FFFD.
fn clean(text: &str) -> Cow<'_, str> {
    let allowed = |c: char| {
        matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
    };
    if text.chars().all(allowed) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(
            text.chars()
                .map(|c| if allowed(c) { c } else { '\u{FFFD}' })
                .collect(),
        )
    }
}
