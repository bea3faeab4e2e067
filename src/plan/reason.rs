//! Why a forum could not be placed: the constraint that blocks it, as data; words are
//! made at the edge from the catalogue.

use super::problem::Problem;
use super::search::{Conflict, State};
use crate::model::{DayTime, Duration, Interval, Language, Week};
use crate::text::{self, t};

/// What narrows a forum's starts most.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Limit {
    /// Only the day window does.
    Day {
        /// Its start.
        from: DayTime,
        /// Its end.
        to: DayTime,
    },
    /// The forum's own `window`.
    Window(Vec<Interval>),
    /// A speaker's availability.
    Speaker {
        /// The speaker, as the forum writes them.
        name: String,
        /// When they are available.
        available: Vec<Interval>,
    },
}

/// What takes the starts that are left.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Blocked {
    /// Every room it may have is taken.
    RoomsFull,
    /// The rooms are not available.
    RoomsUnavailable,
    /// A speaker speaks in another forum (by its place in the week's list).
    Speaker {
        /// The speaker, as first written.
        name: String,
        /// The other forum.
        forum: usize,
    },
    /// Another forum of one of its groups runs.
    Group {
        /// The group.
        name: String,
        /// The other forum.
        forum: usize,
    },
    /// A forum it must follow or precede leaves no room for it.
    Order {
        /// The other forum.
        forum: usize,
    },
    /// Another forum runs, and the week has a single track.
    SingleTrack,
}

/// Why a forum has no place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// No room seats its registrations.
    NoRoom {
        /// How many registered.
        registrations: u64,
        /// The most any room it may have seats.
        largest: u64,
    },
    /// What it says of itself leaves no start on the grid.
    NoStart {
        /// What leaves none.
        limit: Limit,
        /// How long it is.
        duration: Duration,
        /// The grid, in minutes.
        grid: u32,
    },
    /// Every start it may have is taken.
    Blocked {
        /// What narrows its starts most.
        limit: Limit,
        /// What takes them.
        by: Blocked,
    },
}

/// Why item `i` of `problem` has no place in `state`.
pub(super) fn why(problem: &Problem<'_>, state: &State, i: usize) -> Reason {
    let item = &problem.items[i];
    let forum = &problem.week.fora[item.forum];
    if item.rooms.is_empty() {
        let own = forum.room.as_deref();
        let largest = problem
            .rooms
            .iter()
            .filter(|r| own.is_none_or(|own| r.id == Some(own)))
            .filter_map(|r| crate::rules::capacity(forum, r.room).map(|seats| seats.capacity))
            .max()
            .unwrap_or(0);
        return Reason::NoRoom {
            registrations: item.registrations.unwrap_or(0),
            largest,
        };
    }
    if item.slots.is_empty() {
        return Reason::NoStart {
            limit: item.limit.clone(),
            duration: forum.duration,
            grid: problem.grid,
        };
    }
    // Count what is in the way at every place it may have; the most common wins, rooms
    // only when nothing else stands in the way.
    let mut counts: Vec<(Blocked, usize)> = Vec::new();
    let mut count = |blocked: Blocked| match counts.iter_mut().find(|(b, _)| *b == blocked) {
        Some((_, n)) => *n += 1,
        None => counts.push((blocked, 1)),
    };
    let forum_of = |other: u32| problem.items[other as usize].forum;
    for slot in &item.slots {
        let mut first = None;
        state.slot_conflicts(problem, i as u32, slot, &mut |conflict| {
            first = Some(conflict);
            false
        });
        let blocked = match first {
            Some(Conflict::Speaker(s, other)) => Blocked::Speaker {
                name: problem.speakers[s as usize].to_owned(),
                forum: forum_of(other),
            },
            Some(Conflict::Group(g, other)) => Blocked::Group {
                name: problem.week.groups[g as usize].name.clone(),
                forum: forum_of(other),
            },
            Some(Conflict::Order(other)) => Blocked::Order {
                forum: forum_of(other),
            },
            Some(Conflict::Parallel(_)) => Blocked::SingleTrack,
            _ => {
                let unavailable = item.rooms.iter().all(|&room| {
                    let place = super::problem::Place { slot: *slot, room };
                    let mut only = true;
                    state.room_conflicts(problem, i as u32, place, &mut |c| {
                        only &= c == Conflict::RoomUnavailable;
                        true
                    });
                    only
                });
                if unavailable {
                    Blocked::RoomsUnavailable
                } else {
                    Blocked::RoomsFull
                }
            }
        };
        count(blocked);
    }
    let by = counts
        .iter()
        .max_by_key(|(blocked, n)| (*n, !matches!(blocked, Blocked::RoomsFull)))
        .map_or(Blocked::RoomsFull, |(b, _)| b.clone());
    Reason::Blocked {
        limit: item.limit.clone(),
        by,
    }
}

impl Reason {
    /// The reason in a sentence of `language`.
    pub fn render(&self, week: &Week, l: Language) -> String {
        match self {
            Reason::NoRoom {
                registrations,
                largest,
            } => t!(
                l,
                "plan-no-room",
                registrations = (*registrations),
                largest = (*largest)
            ),
            Reason::NoStart {
                limit,
                duration,
                grid,
            } => t!(
                l,
                "plan-no-start",
                limit = limit.render(l),
                duration = duration.to_string(),
                grid = (*grid)
            ),
            Reason::Blocked { limit, by } => t!(
                l,
                "plan-blocked",
                limit = limit.render(l),
                blocked = by.render(week, l)
            ),
        }
    }
}

impl Limit {
    fn render(&self, l: Language) -> String {
        match self {
            Limit::Day { from, to } => t!(l, "plan-limit-day", window = format!("{from}–{to}")),
            Limit::Window(times) => t!(l, "plan-limit-window", times = text::intervals(l, times)),
            Limit::Speaker { name, available } => t!(
                l,
                "plan-limit-speaker",
                speaker = name.as_str(),
                times = text::intervals(l, available)
            ),
        }
    }
}

impl Blocked {
    fn render(&self, week: &Week, l: Language) -> String {
        let title = |forum: usize| week.fora[forum].title.as_str();
        match self {
            Blocked::RoomsFull => t!(l, "plan-blocked-rooms-full"),
            Blocked::RoomsUnavailable => t!(l, "plan-blocked-rooms-unavailable"),
            Blocked::Speaker { name, forum } => t!(
                l,
                "plan-blocked-speaker",
                speaker = name.as_str(),
                other = title(*forum)
            ),
            Blocked::Group { name, forum } => t!(
                l,
                "plan-blocked-group",
                group = name.as_str(),
                other = title(*forum)
            ),
            Blocked::Order { forum } => t!(l, "plan-blocked-order", other = title(*forum)),
            Blocked::SingleTrack => t!(l, "plan-blocked-single-track"),
        }
    }
}
