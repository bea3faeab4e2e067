//! Values from the command line checked against the week: a day, a room, a forum. Each
//! error names what was given and where, and suggests the closest id.

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::model::Week;
use crate::{Error, suggest};

/// `day` when it is a day of the week, or one a forum starts on.
pub fn day(week: &Week, option: &str, day: NaiveDate) -> Result<NaiveDate, Error> {
    let starts_that_day = || {
        week.fora
            .iter()
            .filter_map(|f| week.placement(f).interval())
            .any(|(start, _)| start.date_naive() == day)
    };
    if (week.start..=week.end).contains(&day) || starts_that_day() {
        Ok(day)
    } else {
        Err(Error::Usage(format!(
            "{option} {day}: not a day of the week {} ({} to {})",
            week.name, week.start, week.end
        )))
    }
}

/// `room` when the week declares a room with this id.
pub fn room(week: &Week, option: &str, room: &str) -> Result<(), Error> {
    let Some(rooms) = &week.rooms else {
        return Err(Error::Usage(format!(
            "{option} {room}: the week {} declares no rooms; add one with `fora room add`",
            week.name
        )));
    };
    if week.room(room).is_some() {
        return Ok(());
    }
    let ids = rooms.iter().map(|r| r.id.as_str());
    let hint = match suggest::closest(room, ids.clone()) {
        Some(id) => format!("did you mean {id:?}?"),
        None => format!("the rooms are {}", ids.collect::<Vec<_>>().join(", ")),
    };
    Err(Error::Usage(format!(
        "{option} {room}: no room has this id; {hint}"
    )))
}

/// `id` when a forum of the week has it.
pub fn forum(week: &Week, option: &str, id: &str) -> Result<(), Error> {
    if week.fora.iter().any(|f| f.id == id) {
        return Ok(());
    }
    let hint = match suggest::closest(id, week.fora.iter().map(|f| f.id.as_str())) {
        Some(near) => format!("; did you mean {near:?}?"),
        None => String::new(),
    };
    Err(Error::Usage(format!(
        "{option} {id}: the week {} has no forum with this id{hint}",
        week.name
    )))
}

/// The ids, each a forum of the week.
pub fn fora<'a>(week: &Week, option: &str, ids: &'a [String]) -> Result<HashSet<&'a str>, Error> {
    for id in ids {
        forum(week, option, id)?;
    }
    Ok(ids.iter().map(String::as_str).collect())
}
