//! Values given for a week checked against it: a day, a room, a forum. Each error names the
//! value and suggests the closest id; the command names where the value was given.

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::error::{ForumLabel, ValueError};
use crate::model::Week;
use crate::suggest;

/// `day` when it is a day of the week, or one a forum starts on.
pub fn day(week: &Week, day: NaiveDate) -> Result<NaiveDate, ValueError> {
    let starts_that_day = || {
        week.fora
            .iter()
            .filter_map(|f| week.placement(f).interval())
            .any(|(start, _)| start.date_naive() == day)
    };
    if (week.start..=week.end).contains(&day) || starts_that_day() {
        Ok(day)
    } else {
        Err(ValueError::DayOutsideWeek {
            day,
            week: week.name.clone(),
            start: week.start,
            end: week.end,
        })
    }
}

/// `room` when the week declares a room with this id.
pub fn room(week: &Week, room: &str) -> Result<(), ValueError> {
    let Some(rooms) = &week.rooms else {
        return Err(ValueError::NoRooms {
            room: room.to_owned(),
            week: week.name.clone(),
        });
    };
    if week.room(room).is_some() {
        return Ok(());
    }
    let ids = rooms.iter().map(|r| r.id.as_str());
    Err(ValueError::UnknownRoom {
        room: room.to_owned(),
        closest: suggest::closest(room, ids.clone()).map(str::to_owned),
        rooms: ids.map(str::to_owned).collect(),
    })
}

/// `id` when a forum of the week has it; else the fora most like it are suggested, by id
/// and by the words of ids and titles.
pub fn forum(week: &Week, id: &str) -> Result<(), ValueError> {
    if week.fora.iter().any(|f| f.id == id) {
        return Ok(());
    }
    let candidates = week.fora.iter().map(|f| (f.id.as_str(), f.title.as_str()));
    let closest = suggest::fora(id, candidates)
        .into_iter()
        .filter_map(|id| week.fora.iter().find(|f| f.id == id))
        .map(|f| ForumLabel {
            id: f.id.clone(),
            title: f.title.clone(),
        })
        .collect();
    Err(ValueError::UnknownForum {
        id: id.to_owned(),
        week: week.name.clone(),
        closest,
    })
}

/// The ids, each a forum of the week: each trimmed (`--only "a, b"`), empty ones left out.
pub fn fora<'a>(week: &Week, ids: &'a [String]) -> Result<HashSet<&'a str>, ValueError> {
    let ids: HashSet<&str> = ids.iter().flat_map(|id| items(id)).collect();
    for id in &ids {
        forum(week, id)?;
    }
    Ok(ids)
}

/// The items of a list typed with commas (`a, b,`): trimmed, empty ones left out.
pub fn items(list: &str) -> impl Iterator<Item = &str> {
    list.split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
}

/// `speaker` when a forum of the week has a speaker it matches (see [`Selection`]); else the
/// speaker most like it is suggested.
///
/// [`Selection`]: crate::export::Selection
pub fn speaker(week: &Week, speaker: &str) -> Result<(), ValueError> {
    let names = || week.fora.iter().flat_map(crate::view::speakers);
    if names().any(|name| crate::export::matches_speaker(name, speaker)) {
        return Ok(());
    }
    let mut names: Vec<&str> = names().collect();
    names.sort_unstable();
    names.dedup();
    // By the words of names first (`netzwerg` is "Netzwerk „engagiert in NRW“"), else by
    // the letters of the whole name.
    let by_words = suggest::fora(speaker, names.iter().map(|&name| (name, name)));
    let closest = by_words
        .first()
        .copied()
        .or_else(|| suggest::nearest(speaker, names).map(|(name, _)| name));
    Err(ValueError::UnknownSpeaker {
        speaker: speaker.to_owned(),
        closest: closest.map(str::to_owned),
    })
}

/// `format` when a forum of the week has it (see [`Selection`]); else the format most
/// like it is suggested.
///
/// [`Selection`]: crate::export::Selection
pub fn format(week: &Week, format: &str) -> Result<(), ValueError> {
    let formats = || {
        week.fora
            .iter()
            .filter_map(|f| f.format.as_deref())
            .filter(|f| !f.trim().is_empty())
    };
    if formats().any(|f| crate::export::matches_format(f, format)) {
        return Ok(());
    }
    let mut formats: Vec<&str> = formats().collect();
    formats.sort_unstable();
    formats.dedup();
    Err(ValueError::UnknownFormat {
        format: format.to_owned(),
        closest: suggest::nearest(format, formats).map(|(name, _)| name.to_owned()),
    })
}
