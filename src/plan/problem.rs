//! The week as the planner sees it: items (fora that take place) with the starts and rooms
//! each may have on its own, and what ties items together (speakers, groups, order,
//! attendees).

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use rustc_hash::FxHashMap as HashMap;

use crate::model::{Forum, Interval, Placement, Preference, Week};
use crate::rules::{self, Window};

/// The start grid when the week sets no `rules.grid`.
pub const DEFAULT_GRID: u32 = 15;

/// A room of the planner's: a declared room, or the one room of a week without rooms.
pub(super) struct Room<'w> {
    pub id: Option<&'w str>,
    /// The declared room.
    pub room: Option<&'w crate::model::Room>,
    pub available: Option<&'w [Interval]>,
}

/// The room of a forum that has a place but names no declared room.
pub(super) const NO_ROOM: u16 = u16::MAX;

/// A start an item may have: its local start, its instants and its day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Slot {
    pub local: NaiveDateTime,
    pub local_end: NaiveDateTime,
    /// Instants in Unix seconds, as [`rules::Span`] has them.
    pub from: i64,
    pub to: i64,
    /// The local day it starts on.
    pub day: NaiveDate,
    /// Its local start happens twice (the autumn hour): a warning.
    pub ambiguous: bool,
    /// Minutes from the day window's start to the start.
    pub late: u32,
}

impl Slot {
    pub fn span(&self) -> rules::Span {
        rules::Span {
            from: self.from,
            to: self.to,
        }
    }
}

/// A place: a start and a room.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Place {
    pub slot: Slot,
    pub room: u16,
}

impl Place {
    pub fn span(&self) -> rules::Span {
        self.slot.span()
    }
}

/// A forum that takes place.
pub(super) struct Item<'w> {
    /// Its place in the week's list.
    pub forum: usize,
    pub minutes: u32,
    /// Whether the planner may give it a place.
    pub movable: bool,
    /// Where it is now, when it has a start.
    pub original: Option<Place>,
    /// Whether its start now is one it may have on its own (off the grid too).
    pub keeps: bool,
    /// What narrows its starts most: its window, a speaker's availability, else the day
    /// window.
    pub limit: super::Limit,
    pub speakers: Vec<u32>,
    pub groups: Vec<u32>,
    /// Items that must have ended before it starts.
    pub follows: Vec<u32>,
    /// Items that may start only once it has ended.
    pub precedes: Vec<u32>,
    /// Other items and how many attendees registered for both.
    pub pairs: Vec<(u32, u32)>,
    /// The rooms it may have (its own when it names a declared one).
    pub rooms: Vec<u16>,
    /// The starts it may have on its own, by time.
    pub slots: Vec<Slot>,
    pub prefer: &'w [Preference],
    pub registrations: Option<u64>,
}

/// The week as the planner sees it.
pub(super) struct Problem<'w> {
    pub week: &'w Week,
    pub items: Vec<Item<'w>>,
    pub rooms: Vec<Room<'w>>,
    /// `rules.min_gap` in seconds, 0 when none.
    pub gap: i64,
    pub parallel: bool,
    /// The grid in minutes.
    pub grid: u32,
    /// The day window fora are planned in.
    pub window: Window,
    /// The speakers' names (first spelling) by number.
    pub speakers: Vec<&'w str>,
    pub group_count: usize,
    /// The longest item, in seconds: how far back a search for overlaps looks.
    pub longest: i64,
}

impl<'w> Problem<'w> {
    pub fn new(week: &'w Week, replan: bool) -> Self {
        let rooms: Vec<Room<'w>> = match &week.rooms {
            None => vec![Room {
                id: None,
                room: None,
                available: None,
            }],
            Some(declared) => {
                let mut rooms: Vec<Room<'w>> = Vec::new();
                // A duplicated id is one room to the checker.
                for room in declared {
                    if !rooms.iter().any(|r| r.id == Some(room.id.as_str())) {
                        rooms.push(Room {
                            id: Some(&room.id),
                            room: Some(room),
                            available: room.available.as_deref(),
                        });
                    }
                }
                rooms
            }
        };
        let grid = week.rules.grid.map_or(DEFAULT_GRID, |g| g.minutes());
        let mut problem = Problem {
            week,
            items: Vec::new(),
            rooms,
            gap: week
                .rules
                .min_gap
                .map_or(0, |g| i64::from(g.minutes()) * 60),
            parallel: rules::parallel_allowed(&week.rules),
            grid,
            window: Window::offered(&week.rules),
            speakers: Vec::new(),
            group_count: week.groups.len(),
            longest: 0,
        };
        let mut starts = Starts::new(week, problem.window, grid);
        let mut names: HashMap<String, u32> = HashMap::default();
        for (index, forum) in week.fora.iter().enumerate() {
            if !forum.status.takes_place() {
                continue;
            }
            let item = problem.item(index, forum, replan, &mut starts, &mut names);
            problem.longest = problem.longest.max(i64::from(item.minutes) * 60);
            problem.items.push(item);
        }
        problem.relate();
        problem
    }

    fn item(
        &mut self,
        index: usize,
        forum: &'w Forum,
        replan: bool,
        starts: &mut Starts<'_>,
        names: &mut HashMap<String, u32>,
    ) -> Item<'w> {
        let week = self.week;
        let planning = forum.planning();
        let speakers: Vec<u32> = {
            let mut numbers: Vec<u32> = crate::view::speakers(forum)
                .map(|name| {
                    let folded: String = crate::view::folded(name).collect();
                    *names.entry(folded).or_insert_with(|| {
                        self.speakers.push(name);
                        (self.speakers.len() - 1) as u32
                    })
                })
                .collect();
            numbers.sort_unstable();
            numbers.dedup();
            numbers
        };
        let available: Vec<(&str, &[Interval])> = crate::view::speakers(forum)
            .filter_map(|name| {
                let person = week.person(name)?;
                Some((person.name.as_str(), person.available.as_deref()?))
            })
            .collect();
        let allows = |slot: &Slot| {
            rules::available(planning.window.as_deref(), slot.local, slot.local_end)
                && available
                    .iter()
                    .all(|(_, times)| rules::available(Some(times), slot.local, slot.local_end))
        };
        let grid = starts.of(forum.duration.minutes());
        let slots: Vec<Slot> = grid.iter().filter(|slot| allows(slot)).copied().collect();
        let limit = limit(planning.window.as_deref(), &available, grid, self.window);
        let own = forum
            .room
            .as_deref()
            .and_then(|id| self.rooms.iter().position(|r| r.id == Some(id)));
        let rooms = (0..self.rooms.len())
            .filter(|&r| own.is_none_or(|own| own == r))
            .filter(|&r| self.seats(forum, r))
            .map(|r| r as u16)
            .collect();
        let mut keeps = false;
        let original = forum.start.and_then(|local| {
            let (slot, skipped) = starts.slot(local, forum.duration.minutes())?;
            keeps = !skipped && !week_breaks(week, self.window, &slot) && allows(&slot);
            let room = match week.rooms {
                None => 0,
                Some(_) => own.map_or(NO_ROOM, |r| r as u16),
            };
            Some(Place { slot, room })
        });
        Item {
            forum: index,
            minutes: forum.duration.minutes(),
            movable: forum.start.is_none() || (replan && !planning.fixed),
            original,
            keeps,
            limit,
            speakers,
            groups: Vec::new(),
            follows: Vec::new(),
            precedes: Vec::new(),
            pairs: Vec::new(),
            rooms,
            slots,
            prefer: &planning.prefer,
            registrations: forum.registrations(),
        }
    }

    /// Whether room `r` seats the forum's registrations.
    fn seats(&self, forum: &Forum, r: usize) -> bool {
        let room = self.rooms[r].room;
        match (forum.registrations(), rules::capacity(forum, room)) {
            (Some(registrations), Some(seats)) => {
                rules::load(registrations, seats.capacity) != rules::Load::Over
            }
            _ => true,
        }
    }

    /// Groups, order and shared attendees, as numbers of items.
    fn relate(&mut self) {
        let mut by_id: HashMap<&str, Vec<u32>> = HashMap::default();
        for (i, item) in self.items.iter().enumerate() {
            by_id
                .entry(self.week.fora[item.forum].id.as_str())
                .or_default()
                .push(i as u32);
        }
        let of = |id: &str| by_id.get(id).map_or(&[][..], Vec::as_slice);
        for (g, group) in self.week.groups.iter().enumerate() {
            let mut members: Vec<u32> = group.fora.iter().flat_map(|id| of(id)).copied().collect();
            members.sort_unstable();
            members.dedup();
            for i in members {
                self.items[i as usize].groups.push(g as u32);
            }
        }
        let mut orders = Vec::new();
        for (i, item) in self.items.iter().enumerate() {
            let planning = self.week.fora[item.forum].planning();
            for id in &planning.after {
                orders.extend(of(id).iter().map(|&first| (first, i as u32)));
            }
            for id in &planning.before {
                orders.extend(of(id).iter().map(|&then| (i as u32, then)));
            }
        }
        orders.sort_unstable();
        orders.dedup();
        for (first, then) in orders.into_iter().filter(|(a, b)| a != b) {
            self.items[then as usize].follows.push(first);
            self.items[first as usize].precedes.push(then);
        }
        let mut attendees: HashMap<&str, Vec<u32>> = HashMap::default();
        for (i, item) in self.items.iter().enumerate() {
            let mut seen: Vec<&str> = self.week.fora[item.forum]
                .attendees()
                .iter()
                .map(String::as_str)
                .collect();
            seen.sort_unstable();
            seen.dedup();
            for attendee in seen {
                attendees.entry(attendee).or_default().push(i as u32);
            }
        }
        let mut shared: HashMap<(u32, u32), u32> = HashMap::default();
        for items in attendees.values() {
            for (n, &a) in items.iter().enumerate() {
                for &b in &items[n + 1..] {
                    *shared.entry((a, b)).or_default() += 1;
                }
            }
        }
        let mut shared: Vec<((u32, u32), u32)> = shared.into_iter().collect();
        shared.sort_unstable();
        for ((a, b), count) in shared {
            self.items[a as usize].pairs.push((b, count));
            self.items[b as usize].pairs.push((a, count));
        }
    }

    /// The id of room `r`, `None` in a week without rooms.
    pub fn room_id(&self, r: u16) -> Option<&'w str> {
        self.rooms.get(usize::from(r)).and_then(|room| room.id)
    }
}

/// The grid's starts of every day of the week for fora of each length, placed once.
struct Starts<'w> {
    week: &'w Week,
    window: Window,
    grid: u32,
    by_length: HashMap<u32, Vec<Slot>>,
}

impl<'w> Starts<'w> {
    fn new(week: &'w Week, window: Window, grid: u32) -> Self {
        Self {
            week,
            window,
            grid,
            by_length: HashMap::default(),
        }
    }

    /// The starts a forum of `minutes` may have on the grid: within the week's days and
    /// the day window, never at a time the clocks skip.
    fn of(&mut self, minutes: u32) -> &[Slot] {
        let (week, window, grid) = (self.week, self.window, self.grid.max(1));
        self.by_length.entry(minutes).or_insert_with(|| {
            let first = window.start.map_or(0, |t| t.minutes());
            let last = window.end.map_or(24 * 60, |t| t.minutes());
            let mut slots = Vec::new();
            for day in week.days() {
                let midnight = day.and_time(chrono::NaiveTime::MIN);
                let mut minute = first.div_ceil(grid) * grid;
                while minute + minutes <= last {
                    let local = midnight + TimeDelta::minutes(i64::from(minute));
                    if let Some((slot, false)) = slot(week, window, local, minutes)
                        && !week_breaks(week, window, &slot)
                    {
                        slots.push(slot);
                    }
                    minute += grid;
                }
            }
            slots
        })
    }

    /// Where a forum that starts at `local` lies, wherever that is, and whether the
    /// clocks skip its start.
    fn slot(&self, local: NaiveDateTime, minutes: u32) -> Option<(Slot, bool)> {
        slot(self.week, self.window, local, minutes)
    }
}

/// Where a forum of `minutes` that starts at `local` lies, and whether the clocks skip
/// its start.
fn slot(week: &Week, window: Window, local: NaiveDateTime, minutes: u32) -> Option<(Slot, bool)> {
    let duration = crate::model::Duration::from_minutes(minutes)?;
    let Placement::Placed { start, end, clock } = week.place(local, duration) else {
        return None;
    };
    let first = window.start.map_or(0, |t| t.minutes());
    let of_day = (local - local.date().and_time(chrono::NaiveTime::MIN)).num_minutes() as u32;
    let skipped = rules::clock_breaks(clock) == Some(rules::ClockRule::Skipped);
    let slot = Slot {
        local,
        local_end: end.naive_local(),
        from: start.timestamp(),
        to: end.timestamp(),
        day: local.date(),
        ambiguous: matches!(clock, crate::model::Clock::Repeated),
        late: of_day.saturating_sub(first),
    };
    Some((slot, skipped))
}

/// What narrows a forum's starts on the grid most: its window or a speaker's availability
/// (the first that leaves fewest), else the day window.
fn limit(
    window: Option<&[Interval]>,
    available: &[(&str, &[Interval])],
    grid: &[Slot],
    day: Window,
) -> super::Limit {
    let left = |times: &[Interval]| {
        grid.iter()
            .filter(|s| rules::available(Some(times), s.local, s.local_end))
            .count()
    };
    let mut limit = super::Limit::Day {
        from: day.start.unwrap_or(crate::model::DayTime::START_OF_DAY),
        to: day.end.unwrap_or(crate::model::DayTime::END_OF_DAY),
    };
    let mut fewest = grid.len();
    if let Some(window) = window {
        let n = left(window);
        if n < fewest || (n == fewest && n == 0) {
            fewest = n;
            limit = super::Limit::Window(window.to_vec());
        }
    }
    for &(name, times) in available {
        let n = left(times);
        if n < fewest || (n == 0 && matches!(limit, super::Limit::Day { .. })) {
            fewest = n;
            limit = super::Limit::Speaker {
                name: name.to_owned(),
                available: times.to_vec(),
            };
        }
    }
    limit
}

/// Whether a slot breaks a rule of the week's days or day window.
fn week_breaks(week: &Week, window: Window, slot: &Slot) -> bool {
    rules::outside_week(week, slot.local, slot.local_end)
        || window.breaks(slot.local, slot.local_end).any()
}
