//! Values given for a week checked against it: a day, a room, a forum. Each error names the
//! value and suggests the closest id; the command names where the value was given.

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::error::ValueError;
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

/// `id` when a forum of the week has it.
pub fn forum(week: &Week, id: &str) -> Result<(), ValueError> {
    if week.fora.iter().any(|f| f.id == id) {
        return Ok(());
    }
    Err(ValueError::UnknownForum {
        id: id.to_owned(),
        week: week.name.clone(),
        closest: suggest::closest(id, week.fora.iter().map(|f| f.id.as_str())).map(str::to_owned),
    })
}

/// The ids, each a forum of the week.
pub fn fora<'a>(week: &Week, ids: &'a [String]) -> Result<HashSet<&'a str>, ValueError> {
    for id in ids {
        forum(week, id)?;
    }
    Ok(ids.iter().map(String::as_str).collect())
}
