//! `schedule.json`: the schedule as the c3voc JSON Schema (`schedule.schema.json`, draft 06)
//! defines it. The schema requires every event's `url`, so the command asks for
//! `--base-url`; `time_zone_name` is left out when the schema's pattern does not take the
//! zone's name (`Etc/GMT+5`, `CET`).

use std::io::{self, Write};

use serde::Serialize;
use serde::ser::Serializer;

use super::{Day, Event, Schedule, hours_minutes, json_zone_name, rfc3339};

/// The document.
#[derive(Serialize)]
struct Document<'s> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    generator: Generator,
    schedule: ScheduleJson<'s>,
}

#[derive(Serialize)]
struct Generator {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct ScheduleJson<'s> {
    version: &'s str,
    #[serde(skip_serializing_if = "Option::is_none")]
    base_url: Option<&'s str>,
    conference: ConferenceJson<'s>,
}

#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
struct ConferenceJson<'s> {
    acronym: &'s str,
    title: &'s str,
    start: String,
    end: String,
    #[serde(rename = "daysCount")]
    days_count: usize,
    timeslot_duration: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    time_zone_name: Option<&'s str>,
    tracks: Vec<Named<'s>>,
    rooms: Vec<RoomJson>,
    days: Vec<DayJson<'s>>,
}

#[derive(Serialize)]
struct Named<'s> {
    name: &'s str,
}

#[derive(Serialize)]
struct RoomJson {
    name: String,
    guid: String,
}

#[derive(Serialize)]
struct DayJson<'s> {
    index: usize,
    date: String,
    day_start: String,
    day_end: String,
    #[serde(serialize_with = "rooms")]
    rooms: Vec<(&'s str, Vec<EventJson<'s>>)>,
}

#[derive(Serialize)]
struct EventJson<'s> {
    guid: String,
    id: u64,
    date: String,
    start: String,
    end: String,
    duration: String,
    room: &'s str,
    slug: &'s str,
    url: &'s str,
    title: &'s str,
    subtitle: &'static str,
    track: Option<&'s str>,
    #[serde(rename = "type")]
    kind: &'s str,
    language: Option<&'s str>,
    #[serde(rename = "abstract")]
    summary: &'s str,
    description: &'s str,
    persons: Vec<PersonJson<'s>>,
    links: Vec<LinkJson<'s>>,
}

/// A person as frab writes one: the schema's `FrabPerson` (no `name`, which would make it a
/// `PretalxPerson` too, and the schema wants exactly one of them).
#[derive(Serialize)]
struct PersonJson<'s> {
    id: u64,
    guid: String,
    public_name: &'s str,
}

#[derive(Serialize)]
struct LinkJson<'s> {
    url: &'s str,
    title: &'s str,
}

/// A day's rooms as an object by name, in the schedule's order of rooms.
fn rooms<S: Serializer>(
    rooms: &[(&str, Vec<EventJson>)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_map(rooms.iter().map(|(name, events)| (name, events)))
}

/// Writes `schedule` as frab JSON, pretty, ending in a line break. Every event needs its
/// `url`: the schedule must have been made with a base URL.
pub fn write(schedule: &Schedule, out: &mut dyn Write) -> io::Result<()> {
    let conference = &schedule.conference;
    let document = Document {
        schema: "https://c3voc.de/schedule/schema.json",
        generator: Generator {
            name: "fora",
            version: env!("CARGO_PKG_VERSION"),
        },
        schedule: ScheduleJson {
            version: &schedule.version,
            base_url: conference.base_url.as_ref().map(url::Url::as_str),
            conference: ConferenceJson {
                acronym: &conference.acronym,
                title: &conference.title,
                start: conference.start.to_string(),
                end: conference.end.to_string(),
                days_count: schedule.days.len(),
                timeslot_duration: hours_minutes(conference.timeslot),
                time_zone_name: Some(conference.time_zone_name).filter(|zone| json_zone_name(zone)),
                tracks: conference
                    .tracks
                    .iter()
                    .map(|name| Named { name })
                    .collect(),
                rooms: schedule
                    .rooms
                    .iter()
                    .map(|room| RoomJson {
                        name: room.name.clone(),
                        guid: room.guid.to_string(),
                    })
                    .collect(),
                days: schedule.days.iter().map(|d| day(schedule, d)).collect(),
            },
        },
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    out.write_all(b"\n")
}

fn day<'s>(schedule: &'s Schedule, day: &'s Day) -> DayJson<'s> {
    DayJson {
        index: day.index,
        date: day.date.to_string(),
        day_start: rfc3339(day.start),
        day_end: rfc3339(day.end),
        rooms: schedule
            .rooms
            .iter()
            .zip(&day.rooms)
            .map(|(room, events)| (room.name.as_str(), events.iter().map(event).collect()))
            .collect(),
    }
}

fn event(event: &Event) -> EventJson<'_> {
    EventJson {
        guid: event.guid.to_string(),
        id: event.id,
        date: rfc3339(event.start),
        start: event.start.format("%H:%M").to_string(),
        end: rfc3339(event.end),
        duration: hours_minutes(event.minutes),
        room: &event.room,
        slug: &event.slug,
        url: event.url.as_deref().unwrap_or_default(),
        title: &event.title,
        subtitle: "",
        track: event.track.as_deref(),
        kind: &event.kind,
        language: event.language.as_deref(),
        summary: &event.description,
        description: &event.description,
        persons: event
            .persons
            .iter()
            .map(|person| PersonJson {
                id: person.id,
                guid: person.guid.to_string(),
                public_name: &person.name,
            })
            .collect(),
        links: event
            .links
            .iter()
            .map(|link| LinkJson {
                url: &link.url,
                title: &link.title,
            })
            .collect(),
    }
}
