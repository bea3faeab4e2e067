//! The site's calendars, each byte for byte what `fora ics` writes when asked for it (with
//! `--previous` the same file of the site before), and the pieces a programme page joins
//! an attendee's selection from.

use std::collections::{BTreeSet, HashSet};

use chrono::{Datelike, NaiveDate};
use serde_json::json;

use super::{Options, Site};
use crate::export::Selection;
use crate::export::ics::{self, Calendar, Entry, vtimezone};
use crate::model::{Forum, Language, Room, Week};

/// The whole week's calendar, within its language's folder.
pub const WEEK: &str = "calendar/week.ics";

/// A day's calendar, within its language's folder.
pub fn day(date: NaiveDate) -> String {
    format!("calendar/day-{date}.ics")
}

/// A room's calendar, within its language's folder.
pub fn room(id: &str) -> String {
    format!("calendar/room-{id}.ics")
}

/// A forum's calendar, within its language's folder.
pub fn forum(id: &str) -> String {
    format!("calendar/forum-{id}.ics")
}

/// What of the week has a calendar of its own besides the week and each forum: the days
/// fora start on, in the week's zone, and the declared rooms that hold fora. Worked out once
/// for the pages and calendars of both languages.
#[derive(Debug)]
pub struct Parts<'w> {
    /// The days, in order.
    pub days: BTreeSet<NaiveDate>,
    /// The rooms, in the order the week declares them.
    pub rooms: Vec<&'w Room>,
}

impl<'w> Parts<'w> {
    /// The parts of `week`.
    pub fn of(week: &'w Week) -> Self {
        let mut placer = week.placer();
        let mut days = BTreeSet::new();
        let mut used = HashSet::new();
        for forum in &week.fora {
            if let Some(when) = crate::view::When::of(placer.place(forum)) {
                days.insert(when.date());
                if let Some(room) = &forum.room {
                    used.insert(room.as_str());
                }
            }
        }
        let rooms = week
            .rooms
            .iter()
            .flatten()
            .filter(|room| used.contains(room.id.as_str()))
            .collect();
        Self { days, rooms }
    }
}

/// Writes every calendar of `language`: the week's (`fora ics`), each day's (`--day`), each
/// room's (`--room`) and each forum's (the file `--split` writes for it).
pub fn write(site: &mut Site, week: &Week, language: Language, options: &Options, parts: &Parts) {
    let folder = language.code();
    let nothing = HashSet::new();
    let mut add = |path: String, fora: Vec<&Forum>, part: bool| {
        let path = format!("{folder}/{path}");
        let previous = options
            .previous
            .and_then(|before| before.calendars.get(&path));
        let name = part.then(|| ics::selection_name(week, language));
        let bytes = calendar(week, language, fora, name, previous);
        site.add(path, bytes);
    };
    let all = Selection::default();
    add(
        WEEK.to_owned(),
        ics::chosen(week, language, &nothing, &all),
        false,
    );
    for &date in &parts.days {
        let selection = Selection {
            day: Some(date),
            ..Selection::default()
        };
        add(
            day(date),
            ics::chosen(week, language, &nothing, &selection),
            true,
        );
    }
    for one in &parts.rooms {
        let selection = Selection {
            room: Some(one.id.clone()),
            ..Selection::default()
        };
        add(
            room(&one.id),
            ics::chosen(week, language, &nothing, &selection),
            true,
        );
    }
    let mut placer = week.placer();
    for one in &week.fora {
        if placer.place(one) != crate::model::Placement::Unscheduled {
            add(forum(&one.id), vec![one], false);
        }
    }
}

/// One calendar, as `fora ics` writes it with its default refresh and no alarm.
fn calendar(
    week: &Week,
    language: Language,
    fora: Vec<&Forum>,
    name: Option<String>,
    previous: Option<&ics::previous::Previous>,
) -> Vec<u8> {
    let options = ics::Options {
        name,
        ..ics::Options::default()
    };
    let mut out = Vec::new();
    Calendar::new(week, language, fora, &options, previous)
        .write(&mut out)
        .expect("a calendar is written to memory");
    out
}

/// What a programme page embeds for `fora ics --only` of any selection: the header of a
/// selection's calendar, the zone's VTIMEZONE for every span of years the events may need,
/// each scheduled forum's event in calendar order with the years it falls in, and the end.
/// A page's script keeps the picked events in that order and joins them.
pub fn selection(week: &Week, language: Language) -> serde_json::Value {
    let options = ics::Options {
        name: Some(ics::selection_name(week, language)),
        ..ics::Options::default()
    };
    let calendar = Calendar::new(week, language, &week.fora, &options, None);
    let events = calendar
        .events()
        .expect("events are written to memory")
        .into_iter()
        .filter_map(|(entry, text)| match entry {
            Entry::Forum { forum, when } => Some(json!({
                "id": forum.id,
                "years": [when.start.year(), when.end.year()],
                "text": text,
            })),
            Entry::Gone(_) => None,
        })
        .collect::<Vec<_>>();
    let years: BTreeSet<i32> = events
        .iter()
        .flat_map(|event| {
            event["years"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(serde_json::Value::as_i64)
        })
        .map(|year| year as i32)
        .collect();
    let mut zones = serde_json::Map::new();
    for &first in &years {
        for &last in years.range(first..) {
            zones.insert(
                format!("{first}-{last}"),
                vtimezone::vtimezone(week.timezone, first, last).into(),
            );
        }
    }
    json!({
        "header": calendar.header(),
        "zones": zones,
        "events": events,
        "end": "END:VCALENDAR\r\n",
    })
}
