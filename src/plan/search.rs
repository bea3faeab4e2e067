//! The search: a constructive pass, most constrained item first, then a local search that
//! moves one item at a time while the objective does not get worse.

use std::cmp::Ordering;
use std::collections::VecDeque;

use chrono::NaiveDate;
use rustc_hash::FxHashMap as HashMap;

use super::problem::{NO_ROOM, Place, Problem, Slot};
use super::{Objective, Options};
use crate::rules::{self, Span};

/// The objective's levels, most important first: not placed, moved, attendee clashes,
/// warnings, empty seats, preferences missed, late minutes. Compared level by level.
pub(super) type Levels = [i64; 7];

const NOT_PLACED: usize = 0;
const MOVED: usize = 1;
const CLASHES: usize = 2;
const WARNINGS: usize = 3;
const EMPTY: usize = 4;
const MISSED: usize = 5;
const LATE: usize = 6;

/// The most empty seats one forum counts: a room of millions is not a million times worse.
const MOST_EMPTY: u64 = 1_000_000;

/// Fora placed over a stretch of time, by start.
#[derive(Clone, Debug, Default)]
struct Timeline {
    spans: Vec<(i64, i64, u32)>,
}

impl Timeline {
    fn insert(&mut self, span: Span, item: u32) {
        let entry = (span.from, span.to, item);
        let at = self.spans.partition_point(|e| *e < entry);
        self.spans.insert(at, entry);
    }

    fn remove(&mut self, span: Span, item: u32) {
        let entry = (span.from, span.to, item);
        if let Ok(at) = self.spans.binary_search(&entry) {
            self.spans.remove(at);
        }
    }

    /// The items whose spans come within `reach` of `span` (0: those that overlap it),
    /// with their spans; `longest` is the longest span of any item.
    fn near(&self, span: Span, reach: i64, longest: i64) -> impl Iterator<Item = (Span, u32)> + '_ {
        let earliest = span.from - longest - reach;
        let first = self.spans.partition_point(|e| e.0 < earliest);
        self.spans[first..]
            .iter()
            .take_while(move |e| e.0 < span.to + reach)
            .map(|&(from, to, item)| (Span { from, to }, item))
    }
}

/// What stands in the way of a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Conflict {
    /// The room is not available then.
    RoomUnavailable,
    /// Another item is in the room then.
    Room(u32),
    /// The speaker (by number) speaks in another item then.
    Speaker(u32, u32),
    /// Another item of the group (by number) runs then.
    Group(u32, u32),
    /// An item it must follow or precede is on the wrong side of it.
    Order(u32),
    /// The week is single-track and another item runs then.
    Parallel(u32),
}

impl Conflict {
    /// The item in the way, when one is.
    pub fn item(self) -> Option<u32> {
        match self {
            Conflict::RoomUnavailable => None,
            Conflict::Room(other)
            | Conflict::Speaker(_, other)
            | Conflict::Group(_, other)
            | Conflict::Order(other)
            | Conflict::Parallel(other) => Some(other),
        }
    }
}

/// Where every item is, with the timelines that answer "is this place free?".
pub(super) struct State {
    at: Vec<Option<Place>>,
    rooms: Vec<Timeline>,
    speakers: Vec<Timeline>,
    groups: Vec<Timeline>,
    all: Timeline,
    day_minutes: HashMap<NaiveDate, u64>,
    longest: i64,
}

impl State {
    /// Every item that stays where it is put in; those that may move wait.
    pub fn new(problem: &Problem<'_>) -> Self {
        let mut state = State {
            at: vec![None; problem.items.len()],
            rooms: vec![Timeline::default(); problem.rooms.len()],
            speakers: vec![Timeline::default(); problem.speakers.len()],
            groups: vec![Timeline::default(); problem.group_count],
            all: Timeline::default(),
            day_minutes: HashMap::default(),
            longest: problem.longest,
        };
        for (i, item) in problem.items.iter().enumerate() {
            if let (false, Some(place)) = (item.movable, item.original) {
                state.put(problem, i as u32, place);
            }
        }
        // Under `--replan`, a forum stays where it is when it may.
        for (i, item) in problem.items.iter().enumerate() {
            if let (true, Some(place)) = (item.movable, item.original)
                && item.keeps
                && item.rooms.contains(&place.room)
                && state.free(problem, i as u32, place)
            {
                state.put(problem, i as u32, place);
            }
        }
        state
    }

    /// Where item `i` is.
    pub fn at(&self, i: usize) -> Option<Place> {
        self.at[i]
    }

    fn put(&mut self, problem: &Problem<'_>, i: u32, place: Place) {
        let item = &problem.items[i as usize];
        let span = place.span();
        if place.room != NO_ROOM {
            self.rooms[usize::from(place.room)].insert(span, i);
        }
        for &s in &item.speakers {
            self.speakers[s as usize].insert(span, i);
        }
        for &g in &item.groups {
            self.groups[g as usize].insert(span, i);
        }
        self.all.insert(span, i);
        *self.day_minutes.entry(place.slot.day).or_default() += u64::from(item.minutes);
        self.at[i as usize] = Some(place);
    }

    fn take(&mut self, problem: &Problem<'_>, i: u32) -> Option<Place> {
        let place = self.at[i as usize].take()?;
        let item = &problem.items[i as usize];
        let span = place.span();
        if place.room != NO_ROOM {
            self.rooms[usize::from(place.room)].remove(span, i);
        }
        for &s in &item.speakers {
            self.speakers[s as usize].remove(span, i);
        }
        for &g in &item.groups {
            self.groups[g as usize].remove(span, i);
        }
        self.all.remove(span, i);
        if let Some(minutes) = self.day_minutes.get_mut(&place.slot.day) {
            *minutes -= u64::from(item.minutes);
        }
        Some(place)
    }

    /// Whether item `i` (not in place) may have `place`.
    pub fn free(&self, problem: &Problem<'_>, i: u32, place: Place) -> bool {
        self.slot_conflicts(problem, i, &place.slot, &mut |_| false)
            && self.room_conflicts(problem, i, place, &mut |_| false)
    }

    /// Shows `visit` what stands in the way of item `i` at `slot` in any room (its
    /// speakers, groups, order, a single track) until it returns `false`; `true` when
    /// nothing does, or `visit` always went on.
    pub fn slot_conflicts(
        &self,
        problem: &Problem<'_>,
        i: u32,
        slot: &Slot,
        visit: &mut dyn FnMut(Conflict) -> bool,
    ) -> bool {
        let item = &problem.items[i as usize];
        let span = slot.span();
        let mut clear = true;
        let longest = self.longest;
        let mut overlapping = |timeline: &Timeline, conflict: &dyn Fn(u32) -> Conflict| {
            for (other_span, other) in timeline.near(span, 0, longest) {
                if other != i && rules::overlap(other_span, span) {
                    clear = false;
                    if !visit(conflict(other)) {
                        return false;
                    }
                }
            }
            true
        };
        for &s in &item.speakers {
            if !overlapping(&self.speakers[s as usize], &|other| {
                Conflict::Speaker(s, other)
            }) {
                return false;
            }
        }
        for &g in &item.groups {
            if !overlapping(&self.groups[g as usize], &|other| Conflict::Group(g, other)) {
                return false;
            }
        }
        if !problem.parallel && !overlapping(&self.all, &Conflict::Parallel) {
            return false;
        }
        let in_order = |first: u32, then_first: bool| {
            self.at[first as usize].is_none_or(|other| {
                if then_first {
                    rules::in_order(span, other.span())
                } else {
                    rules::in_order(other.span(), span)
                }
            })
        };
        for &first in &item.follows {
            if !in_order(first, false) {
                clear = false;
                if !visit(Conflict::Order(first)) {
                    return false;
                }
            }
        }
        for &then in &item.precedes {
            if !in_order(then, true) {
                clear = false;
                if !visit(Conflict::Order(then)) {
                    return false;
                }
            }
        }
        clear
    }

    /// As [`State::slot_conflicts`], for what stands in the way in the place's room.
    pub fn room_conflicts(
        &self,
        problem: &Problem<'_>,
        i: u32,
        place: Place,
        visit: &mut dyn FnMut(Conflict) -> bool,
    ) -> bool {
        let room = usize::from(place.room);
        let Some(spec) = problem.rooms.get(room) else {
            visit(Conflict::RoomUnavailable);
            return false;
        };
        let mut clear = true;
        if !rules::available(spec.available, place.slot.local, place.slot.local_end) {
            clear = false;
            if !visit(Conflict::RoomUnavailable) {
                return false;
            }
        }
        let span = place.span();
        for (other_span, other) in self.rooms[room].near(span, 0, self.longest) {
            if other != i && rules::overlap(other_span, span) {
                clear = false;
                if !visit(Conflict::Room(other)) {
                    return false;
                }
            }
        }
        clear
    }

    /// What item `i` (not in place) adds to the objective at `slot`, apart from its room.
    fn slot_cost(&self, problem: &Problem<'_>, i: u32, slot: &Slot) -> Levels {
        let item = &problem.items[i as usize];
        let mut levels = [0; 7];
        let span = slot.span();
        for &(other, shared) in &item.pairs {
            if self.at[other as usize].is_some_and(|p| rules::overlap(p.span(), span)) {
                levels[CLASHES] += i64::from(shared);
            }
        }
        if slot.ambiguous {
            levels[WARNINGS] += 1;
        }
        let day = self.day_minutes.get(&slot.day).copied().unwrap_or(0);
        let rules = &problem.week.rules;
        if !rules::over_limit(rules, day) && rules::over_limit(rules, day + u64::from(item.minutes))
        {
            levels[WARNINGS] += 1;
        }
        levels[MISSED] = item
            .prefer
            .iter()
            .filter(|p| !p.met(slot.local, slot.local_end))
            .count() as i64;
        levels[LATE] = i64::from(slot.late);
        levels
    }

    /// What item `i` adds in the place's room: short gaps and empty seats.
    fn room_cost(&self, problem: &Problem<'_>, i: u32, place: Place, levels: &mut Levels) {
        let item = &problem.items[i as usize];
        let span = place.span();
        if problem.gap > 0 && place.room != NO_ROOM {
            let gap = problem.week.rules.min_gap;
            for (other, o) in
                self.rooms[usize::from(place.room)].near(span, problem.gap, self.longest)
            {
                if o != i && !rules::overlap(other, span) && rules::too_close(other, span, gap) {
                    levels[WARNINGS] += 1;
                }
            }
        }
        let forum = &problem.week.fora[item.forum];
        let room = problem
            .room_id(place.room)
            .and_then(|id| problem.week.room(id));
        if let (Some(registrations), Some(seats)) =
            (item.registrations, rules::capacity(forum, room))
        {
            let empty = seats.capacity.saturating_sub(registrations).min(MOST_EMPTY);
            levels[EMPTY] += empty as i64;
        }
        if item.original.is_some_and(|original| original != place) {
            levels[MOVED] += 1;
        }
    }

    /// What item `i` (not in place) adds to the objective at `place`.
    fn cost(&self, problem: &Problem<'_>, i: u32, place: Place) -> Levels {
        let mut levels = self.slot_cost(problem, i, &place.slot);
        self.room_cost(problem, i, place, &mut levels);
        levels
    }

    /// The cheapest free place of item `i` (not in place), by time and room order on a tie.
    fn best(&self, problem: &Problem<'_>, i: u32) -> Option<(Place, Levels)> {
        let item = &problem.items[i as usize];
        let mut best: Option<(Place, Levels)> = None;
        for slot in &item.slots {
            if !self.slot_conflicts(problem, i, slot, &mut |_| false) {
                continue;
            }
            let base = self.slot_cost(problem, i, slot);
            if best.is_some_and(|(_, b)| below(&b, &base)) {
                continue;
            }
            for &room in &item.rooms {
                let place = Place { slot: *slot, room };
                if !self.room_conflicts(problem, i, place, &mut |_| false) {
                    continue;
                }
                let mut levels = base;
                self.room_cost(problem, i, place, &mut levels);
                if best.is_none_or(|(_, b)| levels.cmp(&b) == Ordering::Less) {
                    best = Some((place, levels));
                }
            }
        }
        best
    }

    /// The place of item `i` that frees with the fewest other items moved, all of which
    /// `may_move`; its blockers.
    fn ejection(
        &self,
        problem: &Problem<'_>,
        i: u32,
        may_move: &dyn Fn(u32) -> bool,
    ) -> Option<(Place, Vec<u32>)> {
        let item = &problem.items[i as usize];
        let mut best: Option<(Place, Vec<u32>)> = None;
        let mut blockers = Vec::new();
        for slot in &item.slots {
            blockers.clear();
            let mut possible = true;
            let mut collect = |conflict: Conflict| match conflict.item() {
                Some(other) if may_move(other) => {
                    if !blockers.contains(&other) {
                        blockers.push(other);
                    }
                    true
                }
                _ => {
                    possible = false;
                    false
                }
            };
            self.slot_conflicts(problem, i, slot, &mut collect);
            if !possible
                || best
                    .as_ref()
                    .is_some_and(|(_, b)| b.len() <= blockers.len())
            {
                continue;
            }
            let at_slot = blockers.len();
            for &room in &item.rooms {
                blockers.truncate(at_slot);
                let place = Place { slot: *slot, room };
                let mut possible = true;
                self.room_conflicts(problem, i, place, &mut |conflict| match conflict.item() {
                    Some(other) if may_move(other) => {
                        if !blockers.contains(&other) {
                            blockers.push(other);
                        }
                        true
                    }
                    _ => {
                        possible = false;
                        false
                    }
                });
                if possible && best.as_ref().is_none_or(|(_, b)| blockers.len() < b.len()) {
                    best = Some((place, blockers.clone()));
                }
            }
        }
        best
    }

    /// The objective's figures, each pair of items counted once.
    pub fn objective(&self, problem: &Problem<'_>) -> Objective {
        let mut fresh = State {
            at: vec![None; self.at.len()],
            rooms: vec![Timeline::default(); self.rooms.len()],
            speakers: vec![Timeline::default(); self.speakers.len()],
            groups: vec![Timeline::default(); self.groups.len()],
            all: Timeline::default(),
            day_minutes: HashMap::default(),
            longest: self.longest,
        };
        let mut total = [0i64; 7];
        let mut objective = Objective::default();
        for (i, item) in problem.items.iter().enumerate() {
            objective.preferences += item.prefer.len() as u64;
            let Some(place) = self.at[i] else {
                total[NOT_PLACED] += 1;
                continue;
            };
            let levels = fresh.cost(problem, i as u32, place);
            for (sum, level) in total.iter_mut().zip(levels) {
                *sum += level;
            }
            fresh.put(problem, i as u32, place);
        }
        let count = |level: usize| total[level].max(0) as u64;
        objective.placed = (problem.items.len() as u64).saturating_sub(count(NOT_PLACED));
        objective.not_placed = count(NOT_PLACED);
        objective.moved = count(MOVED);
        objective.attendee_clashes = count(CLASHES);
        objective.warnings = count(WARNINGS);
        objective.empty_seats = count(EMPTY);
        objective.preferences_missed = count(MISSED);
        objective.late_minutes = count(LATE);
        objective
    }
}

/// Whether `a` is better than `b` already in its levels up to the room's (so that no room
/// can make `b` as good).
fn below(a: &Levels, b: &Levels) -> bool {
    a[..=CLASHES] < b[..=CLASHES]
}

/// Plans: the constructive pass, then the local search. `true` when stopped early.
pub(super) fn run(problem: &Problem<'_>, state: &mut State, options: &Options<'_>) -> bool {
    let mut rng = fastrand::Rng::with_seed(options.seed);
    construct(problem, state);
    improve(problem, state, options, &mut rng)
}

/// How many choices an item has on its own: the fewer, the earlier it is placed.
fn options_of(
    problem: &Problem<'_>,
    i: usize,
) -> (
    usize,
    std::cmp::Reverse<usize>,
    std::cmp::Reverse<u32>,
    usize,
) {
    let item = &problem.items[i];
    let ties = item.speakers.len() + item.groups.len() + item.follows.len() + item.precedes.len();
    (
        item.slots.len() * item.rooms.len(),
        std::cmp::Reverse(ties),
        std::cmp::Reverse(item.minutes),
        i,
    )
}

/// Places every movable item without a place, most constrained first; an item that fits
/// nowhere frees the place that moves the fewest others, who go back in the queue.
fn construct(problem: &Problem<'_>, state: &mut State) {
    let mut waiting: Vec<usize> = (0..problem.items.len())
        .filter(|&i| problem.items[i].movable && state.at[i].is_none())
        .collect();
    waiting.sort_by_cached_key(|&i| options_of(problem, i));
    let mut queue: VecDeque<u32> = waiting.into_iter().map(|i| i as u32).collect();
    let mut freed = vec![0u8; problem.items.len()];
    // Each item may be freed a few times, so the pass ends.
    const MOST_FREED: u8 = 3;
    while let Some(i) = queue.pop_front() {
        if let Some((place, _)) = state.best(problem, i) {
            state.put(problem, i, place);
            continue;
        }
        let may_move = |other: u32| {
            problem.items[other as usize].movable && freed[other as usize] < MOST_FREED
        };
        if let Some((place, blockers)) = state.ejection(problem, i, &may_move) {
            for &other in &blockers {
                state.take(problem, other);
                freed[other as usize] += 1;
                queue.push_back(other);
            }
            state.put(problem, i, place);
        }
    }
}

/// Moves one item at a time to a random place of its own, keeping the move when the
/// objective does not get worse; items without a place try again for one.
fn improve(
    problem: &Problem<'_>,
    state: &mut State,
    options: &Options<'_>,
    rng: &mut fastrand::Rng,
) -> bool {
    let movable: Vec<u32> = (0..problem.items.len() as u32)
        .filter(|&i| problem.items[i as usize].movable)
        .collect();
    if movable.is_empty() {
        return false;
    }
    // About a hundred tries an item, and an end once a long stretch brought nothing.
    let budget = 100 * movable.len() + 1_000;
    let patience = 20 * movable.len() + 500;
    let mut since_better = 0;
    for round in 0..budget {
        if round % 256 == 0 && (options.stop)() {
            return true;
        }
        if since_better > patience {
            break;
        }
        since_better += 1;
        let i = movable[rng.usize(..movable.len())];
        let item = &problem.items[i as usize];
        let Some(old) = state.at[i as usize] else {
            if let Some((place, _)) = state.best(problem, i) {
                state.put(problem, i, place);
                since_better = 0;
            }
            continue;
        };
        if item.slots.is_empty() || item.rooms.is_empty() {
            continue;
        }
        let slot = item.slots[rng.usize(..item.slots.len())];
        let room = item.rooms[rng.usize(..item.rooms.len())];
        let place = Place { slot, room };
        if place == old {
            continue;
        }
        state.take(problem, i);
        if !state.free(problem, i, place) {
            state.put(problem, i, old);
            continue;
        }
        let (before, after) = (state.cost(problem, i, old), state.cost(problem, i, place));
        match after.cmp(&before) {
            Ordering::Less => {
                state.put(problem, i, place);
                since_better = 0;
            }
            Ordering::Equal => state.put(problem, i, place),
            Ordering::Greater => state.put(problem, i, old),
        }
    }
    false
}
