//! The planner: places every forum without a start where the week's rules let it sit, and
//! re-plans a week with as few moves as possible.
//!
//! Every forum that takes place becomes an item with the starts and rooms it may have on
//! its own (the week's days and day window, the start grid, its window, its speakers' and
//! rooms' availability, rooms that seat its registrations); fora that stay where they are
//! are put in first. A constructive pass places the most constrained items first, each
//! where it costs least, and frees a few others for an item that fits nowhere; a local
//! search then moves single items while the objective does not get worse. The objective is
//! compared level by level: (1) fora placed, under `--replan` (1b) fora moved, (2)
//! attendees with two fora at once, (3) warnings (short gaps, days over their hours,
//! starts that happen twice), (4) empty seats, (5) preferences missed, (6) a compact day.
//!
//! The rules are `crate::rules`'s predicates; the planner only keeps the index that
//! lets it ask them quickly. The result depends on the week and the seed alone: the caller
//! decides when to stop early (`--time-limit`), and says so.

mod problem;
mod reason;
mod search;

use chrono::NaiveDateTime;
use serde::Serialize;

use crate::model::Week;

pub use reason::{Blocked, Limit, Reason};

/// How to plan.
pub struct Options<'a> {
    /// Fora that have a start may be moved too (all but `"fixed": true`), as few as can be.
    pub replan: bool,
    /// The seed of the local search's choices.
    pub seed: u64,
    /// Asked now and then; `true` stops the search with the best plan found so far.
    pub stop: &'a dyn Fn() -> bool,
}

/// A plan: where fora go, which could not be placed and why, and the objective's figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// Fora given a (new) place, in the week's order.
    pub placed: Vec<Placed>,
    /// Fora without a place, in the week's order.
    pub not_placed: Vec<NotPlaced>,
    /// The objective's figures.
    pub objective: Objective,
    /// Whether the search was stopped before it finished.
    pub stopped: bool,
}

/// A forum's new place.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// Its place in the week's list of fora.
    pub forum: usize,
    /// Its local start.
    pub start: NaiveDateTime,
    /// Its room's id; `None` in a week without rooms.
    pub room: Option<String>,
    /// Whether it had a start before (and now has another place).
    pub moved: bool,
}

/// A forum the planner could not place.
#[derive(Clone, Debug, PartialEq)]
pub struct NotPlaced {
    /// Its place in the week's list of fora.
    pub forum: usize,
    /// Why.
    pub reason: Reason,
}

/// The objective's figures for the whole week as planned, each level of it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Objective {
    /// Fora that take place and have a place.
    pub placed: u64,
    /// Fora that take place and have none.
    pub not_placed: u64,
    /// Fora that had a start and were given another place.
    pub moved: u64,
    /// Registrations of one attendee for two fora at the same time, counted per pair of fora.
    pub attendee_clashes: u64,
    /// Short gaps in a room, days over their hours and starts that happen twice.
    pub warnings: u64,
    /// Seats left empty in rooms and fora whose capacity and registrations are known.
    pub empty_seats: u64,
    /// Preferences not met, of `preferences`.
    pub preferences_missed: u64,
    /// Preferences given.
    pub preferences: u64,
    /// Minutes from the start of each forum's day window to its start, summed: less is a
    /// more compact day.
    pub late_minutes: u64,
}

/// Plans `week`. A week that loads can always be planned: fora that fit nowhere are left
/// without a place, with the reason.
pub fn plan(week: &Week, options: &Options<'_>) -> Plan {
    let problem = problem::Problem::new(week, options.replan);
    let mut state = search::State::new(&problem);
    let stopped = search::run(&problem, &mut state, options);
    let mut placed = Vec::new();
    let mut not_placed = Vec::new();
    for (index, item) in problem.items.iter().enumerate() {
        if !item.movable {
            continue;
        }
        match state.at(index) {
            Some(place) if Some(place) != item.original => placed.push(Placed {
                forum: item.forum,
                start: place.slot.local,
                room: problem.room_id(place.room).map(str::to_owned),
                moved: item.original.is_some(),
            }),
            Some(_) => {}
            None => not_placed.push(NotPlaced {
                forum: item.forum,
                reason: reason::why(&problem, &state, index),
            }),
        }
    }
    Plan {
        placed,
        not_placed,
        objective: state.objective(&problem),
        stopped,
    }
}
