//! The checker: the week's summary and its findings, counted exactly, the first of each kind
//! kept, worst first.
//!
//! Fora are placed in time once, sorted by start and grouped by room and by speaker; the
//! rules (`crate::rules`) are asked of the pairs a sweep finds. Pairs are counted without
//! being listed, so the cost grows with n log n plus the findings kept, never with every
//! pair of fora: 20,000 fora at the same hour in one room are 200 million overlaps, counted
//! in milliseconds.

mod collect;
mod finding;

use rustc_hash::FxHashMap as HashMap;

use chrono::{NaiveDate, NaiveDateTime, Offset};
use serde::Serialize;
use serde_json::{Map, Value};

use collect::{Collector, Member};
pub use finding::{Detail, FieldPlace, Finding, KINDS, Kind, KindSet, Severity};

pub use finding::Who;
pub(crate) use finding::times;

use crate::model::{
    CONTACT_KEYS, Clock, EXPECT_KEYS, FORUM_KEYS, Forum, Interval, PERSON_KEYS, Person, Placement,
    ROOM_KEYS, RULES_KEYS, WEEK_KEYS, Week, identity,
};
use crate::rules::{self, Window};
use crate::{suggest, view};

/// How the checker keeps findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// How many findings of each kind are kept (all are counted).
    pub max_findings: usize,
    /// Whose findings are all kept apart in [`Report::focused`], for an edit to compare.
    pub focus: Focus,
}

/// Whose findings the checker keeps apart, however many there are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Focus {
    /// No one's.
    #[default]
    None,
    /// The week's own (those of no forum).
    Week,
    /// The week's own and those of the forum at this place in the week's list.
    Forum(usize),
}

impl Default for Options {
    fn default() -> Self {
        Self {
            max_findings: 1000,
            focus: Focus::None,
        }
    }
}

impl Options {
    /// Counts only: what `ics` and `timetable` need to choose an exit code and mark fora.
    pub const COUNTS: Self = Self {
        max_findings: 0,
        focus: Focus::None,
    };
}

/// What the checker found in a week.
#[derive(Clone, Debug)]
pub struct Report {
    /// The figures of the programme.
    pub summary: Summary,
    /// The first findings of each kind (at most [`Options::max_findings`]), errors first,
    /// then by kind, then by the time of their first forum.
    pub findings: Vec<Finding>,
    /// Every finding of the [`Options::focus`].
    pub focused: Vec<Finding>,
    /// The kinds each forum takes part in, by its place in the week's list.
    marks: Vec<KindSet>,
}

/// The figures of a week's programme.
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    /// All fora in the file.
    pub fora: usize,
    /// Fora marked `"status": "cancelled"`; they count nowhere else.
    pub cancelled: usize,
    /// Fora that take place and have a start.
    pub scheduled: usize,
    /// Days of the week.
    pub days: usize,
    /// The sum of the durations of scheduled fora.
    pub programme_minutes: u64,
    /// The length of the union of their times: programme time with parallel fora counted once.
    pub covered_minutes: u64,
    /// People registered, when the file says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub registrations: Option<u64>,
    /// People who took part, when the file says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub participants: Option<u64>,
    /// The registrations of the fora that take place, summed (one person registered for
    /// three fora counts three times); only when a forum has registrations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub forum_registrations: Option<u64>,
    /// Every day of the week, empty ones too; a forum counts on the day it starts.
    pub per_day: Vec<DaySummary>,
    /// The exact number of findings of each kind, every kind listed.
    #[serde(serialize_with = "counts")]
    pub finding_counts: [u64; KINDS],
    /// Whether some findings were counted but not kept.
    pub truncated: bool,
}

/// One day's figures.
#[derive(Clone, Debug, Serialize)]
pub struct DaySummary {
    /// The day.
    pub date: NaiveDate,
    /// Fora that start that day.
    pub fora: usize,
    /// Their durations, summed.
    pub programme_minutes: u64,
    /// Their registrations, summed; only when a forum of the week has registrations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub forum_registrations: Option<u64>,
}

fn counts<S: serde::Serializer>(counts: &[u64; KINDS], serializer: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = serializer.serialize_map(Some(KINDS))?;
    for kind in Kind::ALL {
        map.serialize_entry(kind.name(), &counts[kind.index()])?;
    }
    map.end()
}

impl Report {
    /// How many findings of this kind there are.
    pub fn count_of(&self, kind: Kind) -> u64 {
        self.summary.finding_counts[kind.index()]
    }

    /// How many findings have this severity.
    pub fn count(&self, severity: Severity) -> u64 {
        Kind::ALL
            .iter()
            .filter(|k| k.severity() == severity)
            .map(|&k| self.count_of(k))
            .sum()
    }

    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// How many findings of `kind` were counted but not kept.
    pub fn left_out(&self, kind: Kind) -> u64 {
        let kept = self.findings.iter().filter(|f| f.kind == kind).count() as u64;
        self.count_of(kind).saturating_sub(kept)
    }

    /// The kinds the forum at `index` of the week's list takes part in.
    pub fn marks(&self, index: usize) -> KindSet {
        self.marks.get(index).copied().unwrap_or_default()
    }
}

/// Checks `week`, keeping the first 1000 findings of each kind.
pub fn check(week: &Week) -> Report {
    check_with(week, Options::default())
}

/// Checks `week`.
pub fn check_with(week: &Week, options: Options) -> Report {
    let mut checker = Checker {
        week,
        found: Collector::new(options.max_findings, week.fora.len(), options.focus),
        rooms: Vec::new(),
        declared: 0,
    };
    let (slots, speakers) = checker.place();
    checker.unknown_fields();
    checker.identity();
    checker.duplicate_ids();
    let members: Vec<Member> = (0u32..).zip(&slots).map(|(i, s)| s.member(i)).collect();
    checker.rooms(&slots, &members);
    checker.days(&slots);
    checker.speakers(&slots, &members, &speakers);
    checker.order_and_groups(&slots, &members);
    checker.links();
    if week.fora.iter().any(|f| f.seats.is_some()) {
        checker.capacities(&slots);
        checker.attendees(&slots, &members);
    }
    if !rules::parallel_allowed(&week.rules) {
        checker
            .found
            .overlaps(Kind::ParallelOverlap, &members, 0, || Detail::None);
    }
    let mut summary = checker.summary(&slots);
    let collected = checker.found.finish();
    summary.finding_counts = collected.counts;
    summary.truncated = Kind::ALL.iter().any(|&kind| {
        let kept = collected.findings.iter().filter(|f| f.kind == kind).count() as u64;
        collected.counts[kind.index()] > kept
    });
    Report {
        summary,
        findings: collected.findings,
        focused: collected.focused,
        marks: collected.marks,
    }
}

/// A scheduled forum, with its interval as seconds for sorting and sweeping, and the
/// offsets of its start and end for the day's rules. Kept small: large weeks sort and
/// group many of them.
#[derive(Clone, Copy)]
struct Slot {
    /// Its place in the week's list of fora.
    forum: u32,
    from: i64,
    to: i64,
    /// The zone's offsets from UTC at the start and at the end, in seconds.
    offsets: (i32, i32),
    /// Its room, as an index into the checker's room names; [`NO_ROOM`] for none.
    room: u32,
    /// Its place among the fora as they were placed, in file order: its speakers' place in
    /// [`Speakers`].
    placed: u32,
}

/// The room of a forum that names none in a week that declares rooms.
const NO_ROOM: u32 = u32::MAX;

impl Slot {
    fn member(&self, slot: u32) -> Member {
        Member {
            from: self.from,
            length: (self.to - self.from) as u32,
            slot,
            forum: self.forum,
        }
    }

    fn span(&self) -> rules::Span {
        rules::Span {
            from: self.from,
            to: self.to,
        }
    }

    /// The local start, on the wall clock.
    fn start(&self) -> NaiveDateTime {
        local(self.from, self.offsets.0)
    }

    /// The local end, on the wall clock.
    fn end(&self) -> NaiveDateTime {
        local(self.to, self.offsets.1)
    }
}

/// Seconds since the epoch, read on a clock `offset` seconds ahead of UTC.
fn local(seconds: i64, offset: i32) -> NaiveDateTime {
    chrono::DateTime::from_timestamp(seconds + i64::from(offset), 0)
        .expect("placed instants are in chrono's range")
        .naive_utc()
}

/// The speakers of the placed fora, each numbered by name without regard to case, and
/// each forum's numbers, in the order the fora were placed.
struct Speakers<'w> {
    /// Numbers by name as written. The names are owned, side by side in memory, so that
    /// looking one up reads no forum read long ago.
    spelled: HashMap<Box<str>, u32>,
    /// Numbers by name in any case, looked up only for spellings not seen before.
    folded: HashMap<Folded<'w>, u32>,
    /// The name of each number, as first written.
    names: Vec<&'w str>,
    /// The numbers of every placed forum, one forum after another.
    numbers: Vec<u32>,
    /// Where each placed forum's numbers begin in `numbers`, and where the last end.
    bounds: Vec<u32>,
}

impl<'w> Speakers<'w> {
    fn with_capacity(fora: usize) -> Self {
        let mut bounds = Vec::with_capacity(fora + 1);
        bounds.push(0);
        Speakers {
            spelled: HashMap::default(),
            folded: HashMap::default(),
            names: Vec::new(),
            numbers: Vec::with_capacity(fora * 2),
            bounds,
        }
    }

    /// Numbers the speakers of the next placed forum, each once, as every output shows them.
    fn add(&mut self, forum: &'w Forum) {
        let first = self.numbers.len();
        for name in view::speakers(forum) {
            let number = match self.spelled.get(name) {
                Some(&number) => number,
                None => {
                    let names = &mut self.names;
                    let number = *self.folded.entry(Folded(name)).or_insert_with(|| {
                        names.push(name);
                        (names.len() - 1) as u32
                    });
                    self.spelled.insert(name.into(), number);
                    number
                }
            };
            if !self.numbers[first..].contains(&number) {
                self.numbers.push(number);
            }
        }
        self.bounds.push(self.numbers.len() as u32);
    }

    /// The numbers of the speakers of the forum placed `placed`-th.
    fn of(&self, placed: u32) -> &[u32] {
        let placed = placed as usize;
        &self.numbers[self.bounds[placed] as usize..self.bounds[placed + 1] as usize]
    }
}

/// Members grouped by room or by speaker, each group in the order of the slots.
struct Groups {
    /// Where each group begins in `members`, and where the last ends.
    bounds: Vec<u32>,
    members: Vec<Member>,
}

impl Groups {
    /// Groups `pairs` of (group, slot index), listed in slot order, into `count` groups: a
    /// counting sort, which keeps that order within each group.
    fn new(all: &[Member], count: usize, pairs: impl Iterator<Item = (u32, u32)> + Clone) -> Self {
        let mut bounds = vec![0u32; count + 1];
        for (group, _) in pairs.clone() {
            bounds[group as usize + 1] += 1;
        }
        for i in 1..bounds.len() {
            bounds[i] += bounds[i - 1];
        }
        let mut next = bounds.clone();
        let mut members = vec![Member::default(); bounds[count] as usize];
        for (group, index) in pairs {
            let at = &mut next[group as usize];
            members[*at as usize] = all[index as usize];
            *at += 1;
        }
        Groups { bounds, members }
    }

    /// Each group's number and members.
    fn iter(&self) -> impl Iterator<Item = (usize, &[Member])> {
        self.bounds
            .windows(2)
            .enumerate()
            .map(|(group, w)| (group, &self.members[w[0] as usize..w[1] as usize]))
    }
}

/// A speaker's name compared and hashed without regard to case, without a lower-case copy.
#[derive(Clone, Copy, Debug)]
struct Folded<'a>(&'a str);

impl Folded<'_> {
    fn chars(&self) -> impl Iterator<Item = char> + '_ {
        // Names come trimmed (`view::speakers`), so folding them trims nothing.
        view::folded(self.0)
    }
}

impl PartialEq for Folded<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0 || self.chars().eq(other.chars())
    }
}

impl Eq for Folded<'_> {}

impl std::hash::Hash for Folded<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // The same values as the general path below, without its case tables.
        if self.0.is_ascii() {
            for b in self.0.bytes() {
                state.write_u32(u32::from(b.to_ascii_lowercase()));
            }
        } else {
            for c in self.chars() {
                state.write_u32(c as u32);
            }
        }
    }
}

struct Checker<'w> {
    week: &'w Week,
    found: Collector,
    /// The rooms fora are in: the declared ones (or the week's one room), then any other
    /// names fora give.
    rooms: Vec<&'w str>,
    /// How many of `rooms` are declared.
    declared: usize,
}

/// Where a finding of one forum is listed: by its start (unscheduled fora first), then its
/// place.
fn forum_key(at: Option<&Slot>, index: usize) -> finding::Key {
    (at.map_or(i64::MIN, |s| s.from), index as u64, 0, 0)
}

/// Where a week-wide finding is listed: before those of fora, in the order found.
fn week_key(ordinal: u32) -> finding::Key {
    (i64::MIN, 0, 0, ordinal)
}

impl<'w> Checker<'w> {
    /// Resolves every start in the zone, reporting the ones that are missing, skipped or
    /// doubled, and numbers the rooms and speakers of the placed fora. Reads the fora once,
    /// in file order: a large week is read from memory front to back, not in jumps.
    fn place(&mut self) -> (Vec<Slot>, Speakers<'w>) {
        let week = self.week;
        let mut slots = Vec::with_capacity(week.fora.len());
        let mut speakers = Speakers::with_capacity(week.fora.len());
        let mut placer = week.placer();
        let mut room_index: HashMap<&str, u32> = HashMap::default();
        match &week.rooms {
            None => self.rooms.push(""),
            Some(rooms) => {
                for room in rooms {
                    room_index.entry(&room.id).or_insert_with(|| {
                        self.rooms.push(&room.id);
                        (self.rooms.len() - 1) as u32
                    });
                }
            }
        }
        self.declared = self.rooms.len();
        for (index, forum) in week.fora.iter().enumerate() {
            // A cancelled forum frees its room, its speakers and its hours.
            if !forum.status.takes_place() {
                continue;
            }
            let Placement::Placed { start, end, clock } = placer.place(forum) else {
                self.found.add(
                    Kind::Unscheduled,
                    vec![index],
                    Detail::None,
                    forum_key(None, index),
                );
                continue;
            };
            let mut slot = Slot {
                forum: index as u32,
                from: start.timestamp(),
                to: end.timestamp(),
                offsets: (
                    start.offset().fix().local_minus_utc(),
                    end.offset().fix().local_minus_utc(),
                ),
                room: NO_ROOM,
                placed: slots.len() as u32,
            };
            slot.room = self.room(&slot, forum, &mut room_index);
            speakers.add(forum);
            let key = forum_key(Some(&slot), index);
            match clock {
                Clock::Exact => {}
                Clock::Repeated => {
                    self.found
                        .add(Kind::AmbiguousTime, vec![index], Detail::None, key)
                }
                Clock::Skipped(local) => self.found.add(
                    Kind::NonexistentTime,
                    vec![index],
                    Detail::Skipped(local),
                    key,
                ),
            }
            slots.push(slot);
        }
        self.availability(&slots, &speakers);
        // By start; a stable sort, so fora that start together stay in file order, which
        // is also the order findings list them in.
        slots.sort_by_key(|slot| slot.from);
        (slots, speakers)
    }

    fn unknown_fields(&mut self) {
        let week = self.week;
        let mut ordinal = 0;
        let mut unknown = |found: &mut Collector,
                           place: &dyn Fn() -> FieldPlace,
                           extra: &Map<String, Value>,
                           known: &'static [&'static str],
                           forum: Option<usize>| {
            // `x-` keys are the organisers' own; `$schema` tells editors the file's schema.
            for key in extra
                .keys()
                .filter(|k| !k.starts_with("x-") && k.as_str() != "$schema")
            {
                ordinal += 1;
                let detail = Detail::UnknownField {
                    place: place(),
                    key: key.clone(),
                    closest: suggest::nearest(key, known.iter().copied()).map(|(name, _)| name),
                };
                let (fora, key) = match forum {
                    Some(index) => (vec![index], (i64::MIN, index as u64 + 1, 0, ordinal)),
                    None => (Vec::new(), week_key(ordinal)),
                };
                found.add(Kind::UnknownField, fora, detail, key);
            }
        };
        let found = &mut self.found;
        unknown(found, &|| FieldPlace::Week, &week.extra, WEEK_KEYS, None);
        unknown(
            found,
            &|| FieldPlace::Rules,
            &week.rules.extra,
            RULES_KEYS,
            None,
        );
        unknown(
            found,
            &|| FieldPlace::Expect,
            &week.expect.extra,
            EXPECT_KEYS,
            None,
        );
        if let Some(contact) = &week.contact {
            unknown(
                found,
                &|| FieldPlace::Contact,
                &contact.extra,
                CONTACT_KEYS,
                None,
            );
        }
        for room in week.rooms.iter().flatten() {
            unknown(
                found,
                &|| FieldPlace::Room(room.id.clone()),
                &room.extra,
                ROOM_KEYS,
                None,
            );
        }
        for person in &week.people {
            unknown(
                found,
                &|| FieldPlace::Person(person.name.clone()),
                &person.extra,
                PERSON_KEYS,
                None,
            );
        }
        for (index, forum) in week.fora.iter().enumerate() {
            if !forum.extra.is_empty() {
                let place = || FieldPlace::Forum(forum.id.clone());
                unknown(found, &place, &forum.extra, FORUM_KEYS, Some(index));
            }
        }
    }

    /// A week without `id`: the one that keeps its calendar's UIDs. A zone that is an old
    /// abbreviation: the zone of a place to write instead.
    fn identity(&mut self) {
        let zone = self.week.timezone.name();
        if let Some(canonical) = suggest::canonical_zone(zone) {
            self.found.add(
                Kind::LegacyZone,
                Vec::new(),
                Detail::LegacyZone { zone, canonical },
                week_key(3),
            );
        }
        if self.week.id.is_none() {
            let id = identity::legacy_id(self.week);
            self.found.add(
                Kind::MissingId,
                Vec::new(),
                Detail::MissingId(id),
                week_key(0),
            );
        }
    }

    fn duplicate_ids(&mut self) {
        let week = self.week;
        // Where each id is first seen; later places of an id, by its first.
        let mut first: HashMap<&str, usize> =
            HashMap::with_capacity_and_hasher(week.fora.len(), Default::default());
        let mut repeated: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
        for (i, forum) in week.fora.iter().enumerate() {
            match first.get(forum.id.as_str()) {
                Some(&at) => repeated.entry(at).or_insert_with(|| vec![at]).push(i),
                None => {
                    first.insert(&forum.id, i);
                }
            }
        }
        for places in repeated.into_values() {
            for (n, &a) in places.iter().enumerate() {
                for &b in &places[n + 1..] {
                    let id = week.fora[a].id.clone();
                    let key = (i64::MIN, a as u64, b as u64, 0);
                    self.found
                        .add(Kind::DuplicateId, vec![a, b], Detail::ForumId(id), key);
                }
            }
        }
        let mut rooms: HashMap<&str, usize> = HashMap::default();
        for room in week.rooms.iter().flatten() {
            *rooms.entry(&room.id).or_default() += 1;
        }
        let mut repeated: Vec<_> = rooms.into_iter().filter(|(_, n)| *n > 1).collect();
        repeated.sort();
        for (ordinal, (id, rooms)) in (0u32..).zip(repeated) {
            let detail = Detail::RoomId {
                id: id.to_owned(),
                rooms,
            };
            let key = (i64::MIN, u64::MAX, 0, ordinal);
            self.found.add(Kind::DuplicateId, Vec::new(), detail, key);
        }
    }

    /// The room `slot` is in, named in `index` (the declared rooms, and names seen so far).
    /// A forum in no room, or in one the week does not declare, is a finding.
    fn room(&mut self, slot: &Slot, forum: &'w Forum, index: &mut HashMap<&'w str, u32>) -> u32 {
        let week = self.week;
        let at = slot.forum as usize;
        let key = forum_key(Some(slot), at);
        let Some(rooms) = &week.rooms else {
            if let Some(room) = &forum.room {
                let detail = Detail::NoRoomsDeclared(room.clone());
                self.found.add(Kind::UnknownRoom, vec![at], detail, key);
            }
            return 0;
        };
        let ids = || rooms.iter().map(|r| r.id.as_str());
        let Some(room) = &forum.room else {
            let detail = Detail::NoRoom(ids().map(str::to_owned).collect());
            self.found.add(Kind::UnknownRoom, vec![at], detail, key);
            return NO_ROOM;
        };
        if let Some(&known) = index.get(room.as_str())
            && (known as usize) < self.declared
        {
            return known;
        }
        let detail = Detail::UndeclaredRoom {
            room: room.clone(),
            closest: suggest::closest(room, ids()).map(str::to_owned),
        };
        self.found.add(Kind::UnknownRoom, vec![at], detail, key);
        // Fora in the same undeclared room are still checked against each other.
        *index.entry(room).or_insert_with(|| {
            self.rooms.push(room);
            (self.rooms.len() - 1) as u32
        })
    }

    /// Overlaps and short gaps within each room.
    fn rooms(&mut self, slots: &[Slot], members: &[Member]) {
        let week = self.week;
        let pairs = (0u32..)
            .zip(slots)
            .filter(|(_, slot)| slot.room != NO_ROOM)
            .map(|(index, slot)| (slot.room, index));
        let rooms = Groups::new(members, self.rooms.len(), pairs);
        for (room, group) in rooms.iter() {
            let name = week.rooms.is_some().then(|| self.rooms[room].to_owned());
            let ordinal = room as u32;
            self.found.overlaps(Kind::RoomOverlap, group, ordinal, || {
                Detail::Room(name.clone())
            });
            if let Some(gap) = week.rules.min_gap {
                self.found.gaps(group, gap, |minutes| Detail::ShortGap {
                    room: name.clone(),
                    minutes,
                    gap,
                });
            }
        }
    }

    fn speakers(&mut self, slots: &[Slot], members: &[Member], speakers: &Speakers<'w>) {
        let speaking = (0u32..).zip(slots).flat_map(|(index, slot)| {
            speakers
                .of(slot.placed)
                .iter()
                .map(move |&speaker| (speaker, index))
        });
        let by_speaker = Groups::new(members, speakers.names.len(), speaking);
        for (speaker, group) in by_speaker.iter().filter(|(_, group)| group.len() > 1) {
            let name = speakers.names[speaker];
            self.found
                .overlaps(Kind::SpeakerOverlap, group, speaker as u32, || {
                    Detail::Speaker(name.to_owned())
                });
        }
    }

    /// Each placed forum (`slots` in file order) outside its room's or one of its speakers'
    /// availability, or its own window. Runs before the slots are sorted, so that a large
    /// week's fora are read front to back.
    fn availability(&mut self, slots: &[Slot], speakers: &Speakers<'w>) {
        let week = self.week;
        // Each declared room's availability, by the checker's number of its id (the first
        // room of an id, as the rooms' overlaps take it).
        let mut by_id: HashMap<&str, Option<&'w [Interval]>> = HashMap::default();
        for room in week.rooms.iter().flatten() {
            by_id
                .entry(&room.id)
                .or_insert_with(|| room.available.as_deref());
        }
        let rooms: Vec<Option<&[Interval]>> = self.rooms[..self.declared]
            .iter()
            .map(|id| by_id.get(id).copied().flatten())
            .collect();
        let people = people(week, speakers);
        if rooms.iter().all(Option::is_none)
            && people.iter().all(Option::is_none)
            && week.fora.iter().all(|f| f.planning.is_none())
        {
            return;
        }
        for slot in slots {
            let (start, end) = (slot.start(), slot.end());
            let index = slot.forum as usize;
            let key = |ordinal: u32| (slot.from, index as u64, 0, ordinal);
            if let Some(&Some(times)) = rooms.get(slot.room as usize)
                && !rules::available(Some(times), start, end)
            {
                let detail = Detail::Unavailable {
                    who: Who::Room(self.rooms[slot.room as usize].to_owned()),
                    available: times.to_vec(),
                };
                self.found
                    .add(Kind::Unavailable, vec![index], detail, key(0));
            }
            for &number in speakers.of(slot.placed) {
                let Some((person, times)) = people[number as usize] else {
                    continue;
                };
                if !rules::available(Some(times), start, end) {
                    let detail = Detail::Unavailable {
                        who: Who::Speaker(person.name.clone()),
                        available: times.to_vec(),
                    };
                    self.found
                        .add(Kind::Unavailable, vec![index], detail, key(number + 1));
                }
            }
            let window = week.fora[index].planning().window.as_deref();
            if !rules::available(window, start, end) {
                let detail = Detail::Window(window.unwrap_or_default().to_vec());
                self.found
                    .add(Kind::OutsideWindow, vec![index], detail, key(0));
            }
        }
    }

    /// Pairs of fora out of their order (`after`, `before`), and overlapping fora of one
    /// group. A forum named twice, by a group or by an order, counts once; an order of a
    /// forum with itself is none.
    fn order_and_groups(&mut self, slots: &[Slot], members: &[Member]) {
        let week = self.week;
        let ordered = week
            .fora
            .iter()
            .any(|f| !f.planning().after.is_empty() || !f.planning().before.is_empty());
        if !ordered && week.groups.is_empty() {
            return;
        }
        // Where each placed forum is among the sorted slots; the places of fora by id.
        let mut slot_of = vec![u32::MAX; week.fora.len()];
        for (at, slot) in (0u32..).zip(slots) {
            slot_of[slot.forum as usize] = at;
        }
        let mut by_id: HashMap<&str, Vec<u32>> = HashMap::default();
        for (index, forum) in week.fora.iter().enumerate() {
            if slot_of[index] != u32::MAX {
                by_id.entry(&forum.id).or_default().push(slot_of[index]);
            }
        }
        let of = |id: &str| by_id.get(id).map_or(&[][..], Vec::as_slice);
        if ordered {
            self.order(slots, members, &slot_of, of);
        }
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        for (g, group) in (0u32..).zip(&week.groups) {
            pairs.extend(group.fora.iter().flat_map(|id| of(id)).map(|&at| (g, at)));
        }
        pairs.sort_unstable();
        pairs.dedup();
        let groups = Groups::new(members, week.groups.len(), pairs.into_iter());
        for (g, group) in groups.iter().filter(|(_, group)| group.len() > 1) {
            let name = &week.groups[g].name;
            self.found
                .overlaps(Kind::GroupOverlap, group, g as u32, || {
                    Detail::Group(name.clone())
                });
        }
    }

    /// Each pair of placed fora whose order a forum's `after` or `before` gives, and which
    /// does not keep it.
    fn order<'a>(
        &mut self,
        slots: &[Slot],
        members: &[Member],
        slot_of: &[u32],
        of: impl Fn(&str) -> &'a [u32],
    ) {
        // (first, then), as places among the slots.
        let mut orders: Vec<(u32, u32)> = Vec::new();
        for (index, forum) in self.week.fora.iter().enumerate() {
            let at = slot_of[index];
            let planning = forum.planning();
            if at == u32::MAX || (planning.after.is_empty() && planning.before.is_empty()) {
                continue;
            }
            for id in &planning.after {
                orders.extend(of(id).iter().map(|&first| (first, at)));
            }
            for id in &planning.before {
                orders.extend(of(id).iter().map(|&then| (at, then)));
            }
        }
        orders.sort_unstable();
        orders.dedup();
        for (first, then) in orders.into_iter().filter(|(a, b)| a != b) {
            let (a, b) = (members[first as usize], members[then as usize]);
            if rules::in_order(a.span(), b.span()) {
                continue;
            }
            let (earlier, later) = if first < then { (a, b) } else { (b, a) };
            let detail = Detail::Order {
                first: slots[first as usize].forum as usize,
                then: slots[then as usize].forum as usize,
            };
            // Two fora may each be ordered after the other: the second order lists second.
            let ordinal = u32::from(first > then);
            let key = (
                earlier.from,
                u64::from(earlier.slot),
                u64::from(later.slot),
                ordinal,
            );
            let fora = vec![earlier.forum as usize, later.forum as usize];
            self.found.add(Kind::OutOfOrder, fora, detail, key);
        }
    }

    /// Whether each forum lies within the week and within the day window.
    fn days(&mut self, slots: &[Slot]) {
        let week = self.week;
        let window = Window::checked(&week.rules);
        for slot in slots {
            let (start, end) = (slot.start(), slot.end());
            let index = slot.forum as usize;
            let key = forum_key(Some(slot), index);
            if rules::outside_week(week, start, end) {
                self.found
                    .add(Kind::OutsideWeek, vec![index], Detail::None, key);
            }
            let outside = window.breaks(start, end);
            if outside.any() {
                let detail = Detail::OutsideDay {
                    early: outside.early,
                    late: outside.late,
                    start: window.start,
                    end: window.end,
                };
                self.found.add(Kind::OutsideDay, vec![index], detail, key);
            }
        }
    }

    fn summary(&mut self, slots: &[Slot]) -> Summary {
        let week = self.week;
        let mut per_day: Vec<DaySummary> = week
            .days()
            .map(|date| DaySummary {
                date,
                fora: 0,
                programme_minutes: 0,
                forum_registrations: None,
            })
            .collect();
        let days = per_day.len();
        let day_of = |slot: &Slot| {
            usize::try_from((slot.start().date() - week.start).num_days())
                .ok()
                .filter(|&i| i < days)
        };
        let mut programme_minutes = 0;
        let mut covered_seconds = 0;
        let mut covered_to = i64::MIN;
        for slot in slots {
            // The duration, without reading the forum: slots last exactly that long.
            let minutes = slot.span().minutes();
            programme_minutes += minutes;
            // Slots are sorted by start: the union grows by what lies past the covered end.
            covered_seconds += (slot.to - slot.from.max(covered_to)).max(0);
            covered_to = covered_to.max(slot.to);
            if let Some(i) = day_of(slot) {
                per_day[i].fora += 1;
                per_day[i].programme_minutes += minutes;
            }
        }
        let forum_registrations = self.registrations(slots, &mut per_day, day_of);
        self.days_over_limit(slots, &per_day, day_of);
        let cancelled = week.fora.iter().filter(|f| !f.status.takes_place()).count();
        self.expected((week.fora.len() - cancelled) as u64, programme_minutes);
        Summary {
            fora: week.fora.len(),
            cancelled,
            scheduled: slots.len(),
            days: per_day.len(),
            programme_minutes,
            covered_minutes: (covered_seconds / 60) as u64,
            registrations: week.registrations,
            participants: week.participants,
            forum_registrations,
            per_day,
            finding_counts: [0; KINDS],
            truncated: false,
        }
    }

    /// The registrations of the fora that take place, in total and on each day they start;
    /// `None` when no forum has any.
    fn registrations(
        &self,
        slots: &[Slot],
        per_day: &mut [DaySummary],
        day_of: impl Fn(&Slot) -> Option<usize>,
    ) -> Option<u64> {
        let fora = &self.week.fora;
        let taking_place = || fora.iter().filter(|f| f.status.takes_place());
        if !taking_place().any(|f| f.registrations().is_some()) {
            return None;
        }
        for day in per_day.iter_mut() {
            day.forum_registrations = Some(0);
        }
        for slot in slots {
            let registrations = fora[slot.forum as usize].registrations().unwrap_or(0);
            if let Some(day) = day_of(slot).and_then(|i| per_day[i].forum_registrations.as_mut()) {
                *day = day.saturating_add(registrations);
            }
        }
        Some(
            taking_place()
                .filter_map(Forum::registrations)
                .fold(0u64, u64::saturating_add),
        )
    }

    /// Each join link of a forum that takes place or of a room that calendars would not
    /// make clickable. An empty `url` is no link, as attendees see it.
    fn links(&mut self) {
        let week = self.week;
        for (ordinal, room) in (0u32..).zip(week.rooms.iter().flatten()) {
            let Some(url) = room.url.as_deref().filter(|u| !u.trim().is_empty()) else {
                continue;
            };
            if let Err(problem) = rules::link(url) {
                let detail = Detail::BadLink {
                    room: Some(room.id.clone()),
                    url: url.to_owned(),
                    problem,
                };
                let key = (i64::MIN, u64::MAX, 1, ordinal);
                self.found.add(Kind::BadLink, Vec::new(), detail, key);
            }
        }
        for (index, forum) in week.fora.iter().enumerate() {
            let Some(url) = forum.url.as_deref().filter(|u| !u.trim().is_empty()) else {
                continue;
            };
            if !forum.status.takes_place() {
                continue;
            }
            if let Err(problem) = rules::link(url) {
                let detail = Detail::BadLink {
                    room: None,
                    url: url.to_owned(),
                    problem,
                };
                let key = (i64::MIN, index as u64 + 1, 0, 0);
                self.found.add(Kind::BadLink, vec![index], detail, key);
            }
        }
    }

    /// Each forum that takes place with more registrations than its capacity, or at least
    /// 90 % of it; listed by start, those without one first.
    fn capacities(&mut self, slots: &[Slot]) {
        let week = self.week;
        let mut rooms: HashMap<&str, &crate::model::Room> = HashMap::default();
        for room in week.rooms.iter().flatten() {
            rooms.entry(&room.id).or_insert(room);
        }
        let unscheduled = week
            .fora
            .iter()
            .enumerate()
            .filter(|(_, f)| f.status.takes_place() && f.start.is_none())
            .map(|(index, _)| (index, forum_key(None, index)));
        let scheduled = slots.iter().map(|slot| {
            (
                slot.forum as usize,
                forum_key(Some(slot), slot.forum as usize),
            )
        });
        for (index, key) in unscheduled.chain(scheduled) {
            let forum = &week.fora[index];
            let Some(registrations) = forum.registrations() else {
                continue;
            };
            let room = forum
                .room
                .as_deref()
                .filter(|_| week.rooms.is_some())
                .and_then(|id| rooms.get(id).copied());
            let Some(seats) = rules::capacity(forum, room) else {
                continue;
            };
            let kind = match rules::load(registrations, seats.capacity) {
                rules::Load::Fits => continue,
                rules::Load::Near => Kind::NearCapacity,
                rules::Load::Over => Kind::OverCapacity,
            };
            let detail = Detail::Capacity {
                registrations,
                capacity: seats.capacity,
                room: match seats.whose {
                    rules::Whose::Room => room.map(|r| r.id.clone()),
                    rules::Whose::Forum => None,
                },
            };
            self.found.add(kind, vec![index], detail, key);
        }
    }

    /// Each pair of overlapping fora with attendees registered for both, by the overlap
    /// sweep among the fora that list attendees. Attendees are numbered once; each forum
    /// keeps its numbers sorted, so a pair's count is a merge of two short lists.
    fn attendees(&mut self, slots: &[Slot], members: &[Member]) {
        let fora = &self.week.fora;
        let mut numbers: HashMap<&str, u32> = HashMap::default();
        let mut listed: Vec<u32> = Vec::new();
        let mut bounds: Vec<u32> = vec![0];
        let mut group: Vec<Member> = Vec::new();
        for (slot, member) in slots.iter().zip(members) {
            let attendees = fora[slot.forum as usize].attendees();
            if attendees.is_empty() {
                continue;
            }
            let first = listed.len();
            for attendee in attendees {
                let next = numbers.len() as u32;
                listed.push(*numbers.entry(attendee).or_insert(next));
            }
            listed[first..].sort_unstable();
            let mut kept = first;
            for i in first..listed.len() {
                if i == first || listed[i] != listed[kept - 1] {
                    listed[kept] = listed[i];
                    kept += 1;
                }
            }
            listed.truncate(kept);
            bounds.push(listed.len() as u32);
            group.push(*member);
        }
        let of = |i: usize| &listed[bounds[i] as usize..bounds[i + 1] as usize];
        self.found.shared(
            Kind::AttendeeOverlap,
            &group,
            |i, j| shared(of(i), of(j)),
            Detail::Attendees,
        );
    }

    /// Each day with more programme than `rules.max_hours_per_day`, naming its fora.
    fn days_over_limit(
        &mut self,
        slots: &[Slot],
        per_day: &[DaySummary],
        day_of: impl Fn(&Slot) -> Option<usize>,
    ) {
        let rules = &self.week.rules;
        let Some(limit) = rules.max_hours_per_day else {
            return;
        };
        let over = |day: &DaySummary| rules::over_limit(rules, day.programme_minutes);
        if !per_day.iter().any(over) {
            return;
        }
        // Slots are sorted by start, fora that start together in file order: the order
        // findings list fora in.
        let mut day_fora: Vec<Vec<&Slot>> = vec![Vec::new(); per_day.len()];
        for slot in slots {
            if let Some(i) = day_of(slot).filter(|&i| over(&per_day[i])) {
                day_fora[i].push(slot);
            }
        }
        for (day, fora) in per_day.iter().zip(day_fora) {
            if over(day) {
                let key = forum_key(fora.first().copied(), 0);
                let detail = Detail::DayOverLimit {
                    date: day.date,
                    minutes: day.programme_minutes,
                    limit,
                };
                let fora = fora.iter().map(|s| s.forum as usize).collect();
                self.found.add(Kind::DayOverLimit, fora, detail, key);
            }
        }
    }

    /// The figures published in `expect`, against the fora taking place and the programme.
    fn expected(&mut self, taking_place: u64, programme_minutes: u64) {
        let week = self.week;
        if let Some(expected) = week.expect.fora
            && expected != taking_place
        {
            let detail = Detail::ExpectFora {
                actual: taking_place,
                expected,
            };
            self.found
                .add(Kind::ExpectMismatch, Vec::new(), detail, week_key(1));
        }
        if let Some(expected) = week.expect.hours
            && (expected * 60.0).round() != programme_minutes as f64
        {
            let detail = Detail::ExpectHours {
                minutes: programme_minutes,
                expected,
            };
            self.found
                .add(Kind::ExpectMismatch, Vec::new(), detail, week_key(2));
        }
    }
}

/// For each speaker number, the person of that name (compared without regard to case, the
/// first the week lists) and when they are available, if the week says.
fn people<'w>(
    week: &'w Week,
    speakers: &Speakers<'_>,
) -> Vec<Option<(&'w Person, &'w [Interval])>> {
    if week.people.is_empty() {
        return vec![None; speakers.names.len()];
    }
    let folded = |name: &str| view::folded(name.trim()).collect::<String>();
    let mut by_name: HashMap<String, &Person> = HashMap::default();
    for person in &week.people {
        by_name.entry(folded(&person.name)).or_insert(person);
    }
    speakers
        .names
        .iter()
        .map(|name| {
            let person = *by_name.get(&folded(name))?;
            Some((person, person.available.as_deref()?))
        })
        .collect()
}

/// How many numbers two sorted lists without repeats have in common.
fn shared(a: &[u32], b: &[u32]) -> u64 {
    let (mut i, mut j, mut both) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    both
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_sorted_lists_share_what_both_hold() {
        assert_eq!(shared(&[1, 3, 5, 7], &[2, 3, 4, 7, 9]), 2);
        assert_eq!(shared(&[], &[1]), 0);
        assert_eq!(shared(&[1, 2], &[3, 4]), 0);
    }

    #[test]
    fn every_kind_has_its_json_name_and_its_place() {
        for (i, kind) in Kind::ALL.into_iter().enumerate() {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.name());
            assert_eq!(kind.index(), i);
        }
    }
}
