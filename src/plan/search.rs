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
#[derive(Clone)]
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
        let mut state = State::empty(problem);
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

    /// No item in place.
    fn empty(problem: &Problem<'_>) -> Self {
        State {
            at: vec![None; problem.items.len()],
            rooms: vec![Timeline::default(); problem.rooms.len()],
            speakers: vec![Timeline::default(); problem.speakers.len()],
            groups: vec![Timeline::default(); problem.group_count],
            all: Timeline::default(),
            day_minutes: HashMap::default(),
            longest: problem.longest,
        }
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
        // Only a single track asks of every forum at once.
        if !problem.parallel {
            self.all.insert(span, i);
        }
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
        if !problem.parallel {
            self.all.remove(span, i);
        }
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
    /// `may_move`, and those of the least `weight` on a tie; `noise` draws for each place a
    /// number of blockers to count it with more, and a tie-breaker. Its blockers.
    fn ejection(
        &self,
        problem: &Problem<'_>,
        i: u32,
        may_move: &dyn Fn(u32) -> bool,
        weight: &dyn Fn(u32) -> u32,
        noise: &mut dyn FnMut() -> (usize, u32),
    ) -> Option<(Place, Vec<u32>)> {
        let item = &problem.items[i as usize];
        // (blockers counted, their weight, a tie-breaker), the place, the blockers.
        type Found = ((usize, u32, u32), Place, Vec<u32>);
        let mut best: Option<Found> = None;
        let mut blockers = Vec::new();
        let collect = |blockers: &mut Vec<u32>, conflict: Conflict| match conflict.item() {
            Some(other) if may_move(other) => {
                if !blockers.contains(&other) {
                    blockers.push(other);
                }
                true
            }
            _ => false,
        };
        for slot in &item.slots {
            blockers.clear();
            let mut possible = true;
            self.slot_conflicts(problem, i, slot, &mut |c| {
                possible &= collect(&mut blockers, c);
                possible
            });
            // More blockers at the slot than the best place has: no room here is better.
            if !possible || best.as_ref().is_some_and(|(k, _, _)| k.0 < blockers.len()) {
                continue;
            }
            let at_slot = blockers.len();
            for &room in &item.rooms {
                blockers.truncate(at_slot);
                let place = Place { slot: *slot, room };
                let mut possible = true;
                self.room_conflicts(problem, i, place, &mut |c| {
                    possible &= collect(&mut blockers, c);
                    possible
                });
                if !possible {
                    continue;
                }
                let (more, tie) = noise();
                let key = (
                    blockers.len() + more,
                    blockers.iter().map(|&b| weight(b)).sum::<u32>(),
                    tie,
                );
                if best.as_ref().is_none_or(|(k, _, _)| key < *k) {
                    best = Some((key, place, blockers.clone()));
                }
            }
        }
        best.map(|(_, place, blockers)| (place, blockers))
    }

    /// The objective's figures, each pair of items counted once.
    pub fn objective(&self, problem: &Problem<'_>) -> Objective {
        let mut fresh = State::empty(problem);
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

/// Plans: the constructive pass, the repair of what it left, then the local search.
/// `true` when stopped early.
pub(super) fn run(problem: &Problem<'_>, state: &mut State, options: &Options<'_>) -> bool {
    let mut rng = fastrand::Rng::with_seed(options.seed);
    construct(problem, state);
    repair(problem, state, options, &mut rng) || improve(problem, state, options, &mut rng)
}

/// Chains of ejections from random items without a place: the item takes a place that
/// frees few others (ties drawn at random), each freed item takes a free place or frees
/// others in turn, never one of the chain. A chain that leaves more items without a
/// place than before is undone.
fn repair(
    problem: &Problem<'_>,
    state: &mut State,
    options: &Options<'_>,
    rng: &mut fastrand::Rng,
) -> bool {
    let missing = |state: &State| -> Vec<u32> {
        (0..problem.items.len() as u32)
            .filter(|&i| problem.items[i as usize].movable && state.at[i as usize].is_none())
            .collect()
    };
    let mut left = missing(state);
    let tries = 50 * left.len() + 20;
    for attempt in 0..tries {
        if left.is_empty() {
            break;
        }
        if attempt % 16 == 0 && (options.stop)() {
            return true;
        }
        let before = state.clone();
        let first = left[rng.usize(..left.len())];
        let mut chain = vec![first];
        let mut queue = VecDeque::from([first]);
        // A chain ends after so many steps.
        let mut steps = 2 * problem.items.len().min(50) + 10;
        while let Some(i) = queue.pop_front() {
            if let Some((place, _)) = state.best(problem, i) {
                state.put(problem, i, place);
                continue;
            }
            if steps == 0 {
                continue;
            }
            steps -= 1;
            let may_move =
                |other: u32| problem.items[other as usize].movable && !chain.contains(&other);
            let Some((place, blockers)) =
                state.ejection(problem, i, &may_move, &|_| 0, &mut || {
                    // Now and then a place that frees one more: the fewest is not always
                    // the way out.
                    (usize::from(rng.u8(..) < 64), rng.u32(..))
                })
            else {
                continue;
            };
            for &other in &blockers {
                state.take(problem, other);
                queue.push_back(other);
            }
            chain.extend(&blockers);
            state.put(problem, i, place);
        }
        let now = missing(state);
        if now.len() > left.len() {
            *state = before;
        } else {
            left = now;
        }
    }
    false
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
/// nowhere frees the place that moves the fewest others (those freed least often first),
/// who go back in the queue. Items still without a place then go first in another round,
/// kept only when it leaves no more of them.
fn construct(problem: &Problem<'_>, state: &mut State) {
    let unplaced = |state: &State| -> Vec<usize> {
        (0..problem.items.len())
            .filter(|&i| problem.items[i].movable && state.at[i].is_none())
            .collect()
    };
    let mut waiting = unplaced(state);
    waiting.sort_by_cached_key(|&i| options_of(problem, i));
    for _ in 0..ROUNDS {
        if waiting.is_empty() {
            return;
        }
        let before = state.clone();
        let mut queue: VecDeque<u32> = waiting.iter().map(|&i| i as u32).collect();
        let mut freed = vec![0u8; problem.items.len()];
        while let Some(i) = queue.pop_front() {
            if let Some((place, _)) = state.best(problem, i) {
                state.put(problem, i, place);
                continue;
            }
            let may_move = |other: u32| {
                problem.items[other as usize].movable && freed[other as usize] < MOST_FREED
            };
            let weight = |other: u32| u32::from(freed[other as usize]);
            if let Some((place, blockers)) =
                state.ejection(problem, i, &may_move, &weight, &mut || (0, 0))
            {
                for &other in &blockers {
                    state.take(problem, other);
                    freed[other as usize] += 1;
                    queue.push_back(other);
                }
                state.put(problem, i, place);
            }
        }
        let left = unplaced(state);
        if left.len() > waiting.len() {
            *state = before;
            return;
        }
        waiting = left;
    }
}

/// How many rounds the constructive pass takes at most.
const ROUNDS: usize = 4;

/// How often one item may be freed in a round, so that a round ends.
const MOST_FREED: u8 = 3;

/// Moves one item at a time to a random place of its own, or swaps two items' places,
/// keeping the change when the objective does not get worse; items without a place try
/// again for one.
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
        let outcome = if rng.u8(..) < 64 {
            let j = movable[rng.usize(..movable.len())];
            swap(problem, state, i, j)
        } else {
            let slot = item.slots[rng.usize(..item.slots.len())];
            let room = item.rooms[rng.usize(..item.rooms.len())];
            shift(problem, state, i, old, Place { slot, room })
        };
        if outcome == Some(Ordering::Less) {
            since_better = 0;
        }
    }
    false
}

/// Moves item `i` from `old` to `place` when that is free and no worse; how it compares.
fn shift(
    problem: &Problem<'_>,
    state: &mut State,
    i: u32,
    old: Place,
    place: Place,
) -> Option<Ordering> {
    if place == old {
        return None;
    }
    state.take(problem, i);
    if !state.free(problem, i, place) {
        state.put(problem, i, old);
        return None;
    }
    let order = state
        .cost(problem, i, place)
        .cmp(&state.cost(problem, i, old));
    state.put(
        problem,
        i,
        if order == Ordering::Greater {
            old
        } else {
            place
        },
    );
    Some(order)
}

/// Swaps the starts and rooms of items `i` and `j` when each may have the other's and
/// the objective gets no worse; how it compares.
fn swap(problem: &Problem<'_>, state: &mut State, i: u32, j: u32) -> Option<Ordering> {
    let (Some(pi), Some(pj)) = (state.at[i as usize], state.at[j as usize]) else {
        return None;
    };
    let (a, b) = (&problem.items[i as usize], &problem.items[j as usize]);
    let at = |item: &super::problem::Item<'_>, start: chrono::NaiveDateTime, room: u16| {
        let k = item.slots.partition_point(|s| s.local < start);
        let slot = *item.slots.get(k).filter(|s| s.local == start)?;
        item.rooms.contains(&room).then_some(Place { slot, room })
    };
    let (ni, nj) = (
        at(a, pj.slot.local, pj.room)?,
        at(b, pi.slot.local, pi.room)?,
    );
    if i == j || (ni == pi && nj == pj) {
        return None;
    }
    let add = |x: Levels, y: Levels| -> Levels { std::array::from_fn(|n| x[n] + y[n]) };
    state.take(problem, i);
    state.take(problem, j);
    let first = state.cost(problem, i, pi);
    state.put(problem, i, pi);
    let before = add(first, state.cost(problem, j, pj));
    state.take(problem, i);
    let undo = |state: &mut State| {
        state.put(problem, i, pi);
        state.put(problem, j, pj);
    };
    if !state.free(problem, i, ni) {
        undo(state);
        return None;
    }
    let first = state.cost(problem, i, ni);
    state.put(problem, i, ni);
    if !state.free(problem, j, nj) {
        state.take(problem, i);
        undo(state);
        return None;
    }
    let after = add(first, state.cost(problem, j, nj));
    let order = after.cmp(&before);
    if order == Ordering::Greater {
        state.take(problem, i);
        undo(state);
    } else {
        state.put(problem, j, nj);
    }
    Some(order)
}
