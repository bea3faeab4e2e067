//! The checker: the week's summary and every finding, worst first.
//!
//! Overlaps are found by sorting fora by start and sweeping, so the cost grows with
//! n log n plus the number of conflicts found, never with every pair of fora.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone};
use chrono_tz::Tz;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::model::{
    EXPECT_KEYS, FORUM_KEYS, Forum, Placement, ROOM_KEYS, RULES_KEYS, WEEK_KEYS, Week,
};
use crate::suggest;

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The programme does not hold together; commands exit with 1.
    Error,
    /// Worth a look; commands still exit with 0.
    Warning,
}

/// What a finding is about. The order is the order findings are listed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Two fora in the same room overlap.
    RoomOverlap,
    /// Two overlapping fora share a speaker.
    SpeakerOverlap,
    /// `rules.parallel` is false and two fora overlap.
    ParallelOverlap,
    /// A forum starts before the week or ends after it.
    OutsideWeek,
    /// Two fora (or rooms) share an id.
    DuplicateId,
    /// A forum names a room that is not declared, or none where rooms are declared.
    UnknownRoom,
    /// A forum starts at a local time that the zone skips.
    NonexistentTime,
    /// The count of fora or the programme hours differ from `expect`.
    ExpectMismatch,
    /// A forum starts before `rules.day_start` or ends after `rules.day_end`.
    OutsideDay,
    /// Two consecutive fora in one room are less than `rules.min_gap` apart.
    ShortGap,
    /// A day's programme exceeds `rules.max_hours_per_day`.
    DayOverLimit,
    /// A forum starts at a local time that happens twice; the earlier is used.
    AmbiguousTime,
    /// A forum has no start yet.
    Unscheduled,
    /// A key `fora` does not know; it is kept.
    UnknownField,
}

impl Kind {
    /// Every kind, in listing order.
    pub const ALL: [Kind; 14] = [
        Kind::RoomOverlap,
        Kind::SpeakerOverlap,
        Kind::ParallelOverlap,
        Kind::OutsideWeek,
        Kind::DuplicateId,
        Kind::UnknownRoom,
        Kind::NonexistentTime,
        Kind::ExpectMismatch,
        Kind::OutsideDay,
        Kind::ShortGap,
        Kind::DayOverLimit,
        Kind::AmbiguousTime,
        Kind::Unscheduled,
        Kind::UnknownField,
    ];

    /// How bad findings of this kind are.
    pub fn severity(self) -> Severity {
        match self {
            Kind::RoomOverlap
            | Kind::SpeakerOverlap
            | Kind::ParallelOverlap
            | Kind::OutsideWeek
            | Kind::DuplicateId
            | Kind::UnknownRoom
            | Kind::NonexistentTime
            | Kind::ExpectMismatch => Severity::Error,
            Kind::OutsideDay
            | Kind::ShortGap
            | Kind::DayOverLimit
            | Kind::AmbiguousTime
            | Kind::Unscheduled
            | Kind::UnknownField => Severity::Warning,
        }
    }

    /// The name used in output and JSON: `room-overlap`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::RoomOverlap => "room-overlap",
            Kind::SpeakerOverlap => "speaker-overlap",
            Kind::ParallelOverlap => "parallel-overlap",
            Kind::OutsideWeek => "outside-week",
            Kind::DuplicateId => "duplicate-id",
            Kind::UnknownRoom => "unknown-room",
            Kind::NonexistentTime => "nonexistent-time",
            Kind::ExpectMismatch => "expect-mismatch",
            Kind::OutsideDay => "outside-day",
            Kind::ShortGap => "short-gap",
            Kind::DayOverLimit => "day-over-limit",
            Kind::AmbiguousTime => "ambiguous-time",
            Kind::Unscheduled => "unscheduled",
            Kind::UnknownField => "unknown-field",
        }
    }
}

/// One thing the checker found.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// How bad it is.
    pub severity: Severity,
    /// What it is about.
    pub kind: Kind,
    /// The ids of the fora it concerns, earlier start first; empty for week-wide findings.
    pub fora: Vec<String>,
    /// What is wrong, in a sentence.
    pub message: String,
    /// Where it sorts: the start of the first forum, in seconds.
    #[serde(skip)]
    at: i64,
}

/// What `fora check` reports: the week, its summary and its findings.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// Which week.
    pub week: WeekInfo,
    /// The figures of the programme.
    pub summary: Summary,
    /// Every finding, errors first, then by kind and time.
    pub findings: Vec<Finding>,
}

/// The week a report is about.
#[derive(Clone, Debug, Serialize)]
pub struct WeekInfo {
    /// The week's name.
    pub name: String,
    /// The IANA zone.
    pub timezone: String,
    /// The first day.
    pub start: NaiveDate,
    /// The last day.
    pub end: NaiveDate,
}

/// The figures of a week's programme.
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    /// All fora in the file.
    pub fora: usize,
    /// Fora marked `"status": "cancelled"`; they count nowhere else.
    pub cancelled: usize,
    /// Fora that take place, with a start that exists in the zone.
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
    /// Every day of the week, empty ones too; a forum counts on the day it starts.
    pub per_day: Vec<DaySummary>,
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
}

impl Report {
    /// How many findings have this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    /// For each forum id, the kinds of the error findings it takes part in.
    pub fn errors_by_forum(&self) -> HashMap<&str, Vec<Kind>> {
        let mut map: HashMap<&str, Vec<Kind>> = HashMap::default();
        for finding in self
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
        {
            for id in &finding.fora {
                let kinds = map.entry(id.as_str()).or_default();
                if !kinds.contains(&finding.kind) {
                    kinds.push(finding.kind);
                }
            }
        }
        map
    }
}

/// A scheduled forum, with its interval as seconds for sorting and sweeping, and the
/// offsets of its start and end for the day's rules. Kept small: large weeks sort and
/// group many of them.
#[derive(Clone, Copy)]
struct Slot<'w> {
    forum: &'w Forum,
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

    /// Numbers the speakers of the next placed forum, each once, leaving out empty names.
    fn add(&mut self, forum: &'w Forum) {
        let first = self.numbers.len();
        for name in forum.speakers.iter().map(|n| trimmed(n)) {
            if name.is_empty() {
                continue;
            }
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

/// A slot's interval and its index in the sorted slots: all that the sweeps read. Rooms and
/// speakers group these, not the slots, so that a large week is grouped without reading the
/// slots (or the fora) in random order.
#[derive(Clone, Copy, Default)]
struct Span {
    from: i64,
    /// Seconds from start to end: a forum lasts at most a day.
    length: u32,
    slot: u32,
}

impl Span {
    fn of(slot: &Slot, index: u32) -> Self {
        Span {
            from: slot.from,
            length: (slot.to - slot.from) as u32,
            slot: index,
        }
    }

    fn to(&self) -> i64 {
        self.from + i64::from(self.length)
    }
}

/// Spans grouped by room or by speaker, each group in the order of the slots.
struct Groups {
    /// Where each group begins in `spans`, and where the last ends.
    bounds: Vec<u32>,
    spans: Vec<Span>,
}

impl Groups {
    /// Groups `members`, pairs of (group, slot index) listed in slot order, into `count`
    /// groups: a counting sort, which keeps that order within each group.
    fn new(
        slots: &[Slot],
        count: usize,
        members: impl Iterator<Item = (u32, u32)> + Clone,
    ) -> Self {
        let mut bounds = vec![0u32; count + 1];
        for (group, _) in members.clone() {
            bounds[group as usize + 1] += 1;
        }
        for i in 1..bounds.len() {
            bounds[i] += bounds[i - 1];
        }
        let mut next = bounds.clone();
        let mut spans = vec![Span::default(); bounds[count] as usize];
        for (group, index) in members {
            let at = &mut next[group as usize];
            spans[*at as usize] = Span::of(&slots[index as usize], index);
            *at += 1;
        }
        Groups { bounds, spans }
    }

    /// Each group's number and spans.
    fn iter(&self) -> impl Iterator<Item = (usize, &[Span])> {
        self.bounds
            .windows(2)
            .enumerate()
            .map(|(group, w)| (group, &self.spans[w[0] as usize..w[1] as usize]))
    }
}

impl Slot<'_> {
    /// The local start, on the wall clock.
    fn start(&self) -> NaiveDateTime {
        local(self.from, self.offsets.0)
    }

    /// The local end, on the wall clock.
    fn end(&self) -> NaiveDateTime {
        local(self.to, self.offsets.1)
    }

    /// The start as an instant in `zone`, for messages.
    fn starts(&self, zone: Tz) -> DateTime<Tz> {
        zone.timestamp_opt(self.from, 0)
            .single()
            .expect("placed in this zone")
    }

    /// The end as an instant in `zone`, for messages.
    fn ends(&self, zone: Tz) -> DateTime<Tz> {
        zone.timestamp_opt(self.to, 0)
            .single()
            .expect("placed in this zone")
    }

    fn span(&self, zone: Tz) -> String {
        span(self.starts(zone), self.ends(zone))
    }
}

/// `2020-06-23 10:00–11:00`; with both dates when it runs past midnight, and with the
/// zone's abbreviations when the clocks change during it (`02:30 CEST–02:00 CET`).
fn span(start: DateTime<Tz>, end: DateTime<Tz>) -> String {
    let (from, to) = match (
        start.date_naive() == end.date_naive(),
        start.offset() == end.offset(),
    ) {
        (true, true) => ("%Y-%m-%d %H:%M", "%H:%M"),
        (true, false) => ("%Y-%m-%d %H:%M %Z", "%H:%M %Z"),
        (false, true) => ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M"),
        (false, false) => ("%Y-%m-%d %H:%M %Z", "%Y-%m-%d %H:%M %Z"),
    };
    format!("{}–{}", start.format(from), end.format(to))
}

/// Seconds since the epoch, read on a clock `offset` seconds ahead of UTC.
fn local(seconds: i64, offset: i32) -> NaiveDateTime {
    DateTime::from_timestamp(seconds + i64::from(offset), 0)
        .expect("placed instants are in chrono's range")
        .naive_utc()
}

/// A speaker's name compared and hashed without regard to case, without a lower-case copy.
#[derive(Clone, Copy, Debug)]
struct Folded<'a>(&'a str);

impl Folded<'_> {
    fn chars(&self) -> impl Iterator<Item = char> + '_ {
        // Final sigma is a sigma: "Σ" lowers to "σ" whatever its place in the word.
        self.0
            .chars()
            .flat_map(char::to_lowercase)
            .map(|c| if c == 'ς' { 'σ' } else { c })
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

/// Checks `week`: its summary and every finding.
pub fn check(week: &Week) -> Report {
    let mut checker = Checker {
        week,
        findings: Vec::new(),
        rooms: Vec::new(),
        declared: 0,
    };
    let (slots, speakers) = checker.place();
    checker.unknown_fields();
    checker.duplicate_ids();
    checker.rooms(&slots);
    checker.days(&slots);
    checker.speakers(&slots, &speakers);
    if week.rules.parallel == Some(false) {
        checker.parallel(&slots);
    }
    let summary = checker.summary(&slots);
    let mut findings = checker.findings;
    findings.sort_by(|a, b| {
        (a.severity, a.kind, a.at, &a.fora, &a.message)
            .cmp(&(b.severity, b.kind, b.at, &b.fora, &b.message))
    });
    Report {
        week: WeekInfo {
            name: week.name.clone(),
            timezone: week.timezone.name().to_owned(),
            start: week.start,
            end: week.end,
        },
        summary,
        findings,
    }
}

struct Checker<'w> {
    week: &'w Week,
    findings: Vec<Finding>,
    /// The rooms fora are in: the declared ones (or the week's one room), then any other
    /// names fora give.
    rooms: Vec<&'w str>,
    /// How many of `rooms` are declared.
    declared: usize,
}

impl<'w> Checker<'w> {
    fn add(&mut self, kind: Kind, fora: &[&Slot], message: String) {
        self.findings.push(Finding {
            severity: kind.severity(),
            kind,
            fora: fora.iter().map(|s| s.forum.id.clone()).collect(),
            message,
            at: fora.first().map_or(i64::MIN, |s| s.from),
        });
    }

    fn add_for(&mut self, kind: Kind, forum: Option<&Forum>, message: String) {
        self.findings.push(Finding {
            severity: kind.severity(),
            kind,
            fora: forum.map(|f| f.id.clone()).into_iter().collect(),
            message,
            at: i64::MIN,
        });
    }

    /// Resolves every start in the zone, reporting the ones that are missing, skipped or
    /// doubled, and numbers the rooms and speakers of the placed fora. Reads the fora once,
    /// in file order: a large week is read from memory front to back, not in jumps.
    fn place(&mut self) -> (Vec<Slot<'w>>, Speakers<'w>) {
        let week = self.week;
        let zone = week.timezone.name();
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
        // A cancelled forum frees its room, its speakers and its hours.
        for forum in week.fora.iter().filter(|f| f.status.takes_place()) {
            match placer.place(forum) {
                Placement::Unscheduled => {
                    self.add_for(Kind::Unscheduled, Some(forum), format!("{:?} has no start yet", forum.id));
                }
                Placement::Nonexistent(local) => self.add_for(
                    Kind::NonexistentTime,
                    Some(forum),
                    format!(
                        "{:?} starts at {}, which does not exist in {zone}: the clocks skip that hour",
                        forum.id,
                        local.format("%Y-%m-%d %H:%M")
                    ),
                ),
                Placement::Placed { start, end, ambiguous } => {
                    let mut slot = Slot {
                        forum,
                        from: start.timestamp(),
                        to: end.timestamp(),
                        offsets: (
                            start.offset().fix().local_minus_utc(),
                            end.offset().fix().local_minus_utc(),
                        ),
                        room: NO_ROOM,
                        placed: slots.len() as u32,
                    };
                    slot.room = self.room(&slot, &mut room_index);
                    speakers.add(forum);
                    if ambiguous {
                        self.add(
                            Kind::AmbiguousTime,
                            &[&slot],
                            format!(
                                "{:?} starts at {}, which happens twice in {zone}; the earlier ({}, UTC{}) is used",
                                forum.id,
                                start.format("%Y-%m-%d %H:%M"),
                                start.format("%Z"),
                                start.format("%:z")
                            ),
                        );
                    }
                    slots.push(slot);
                }
            }
        }
        // By start; a stable sort, so fora that start together stay in file order (ordering
        // them by id would read their ids in jumps). Findings order their fora themselves.
        slots.sort_by_key(|slot| slot.from);
        (slots, speakers)
    }

    fn unknown_fields(&mut self) {
        let week = self.week;
        // The place is named only when there is something to report: most fora have none.
        let mut unknown = |place: &dyn Fn() -> String,
                           extra: &Map<String, Value>,
                           known: &[&str],
                           forum: Option<&Forum>| {
            for key in extra.keys().filter(|k| !k.starts_with("x-")) {
                let hint = suggest::nearest(key, known.iter().copied())
                    .map(|(name, _)| format!(" (closest known key: {name:?})"))
                    .unwrap_or_default();
                self.add_for(
                    Kind::UnknownField,
                    forum,
                    format!("{}: unknown key {key:?}{hint}; kept but not used (prefix your own keys with \"x-\")", place()),
                );
            }
        };
        unknown(&|| "week".into(), &week.extra, WEEK_KEYS, None);
        unknown(&|| "rules".into(), &week.rules.extra, RULES_KEYS, None);
        unknown(&|| "expect".into(), &week.expect.extra, EXPECT_KEYS, None);
        for room in week.rooms.iter().flatten() {
            unknown(
                &|| format!("room {:?}", room.id),
                &room.extra,
                ROOM_KEYS,
                None,
            );
        }
        for forum in &week.fora {
            unknown(
                &|| format!("forum {:?}", forum.id),
                &forum.extra,
                FORUM_KEYS,
                Some(forum),
            );
        }
    }

    fn duplicate_ids(&mut self) {
        let week = self.week;
        // Where each id is first seen; later places of an id, by its first.
        let mut first: HashMap<&str, usize> =
            HashMap::with_capacity_and_hasher(week.fora.len(), Default::default());
        let mut repeated: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
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
                    let id = &week.fora[a].id;
                    self.findings.push(Finding {
                        severity: Severity::Error,
                        kind: Kind::DuplicateId,
                        fora: vec![id.clone(), id.clone()],
                        message: format!("fora #{} and #{} both have the id {id:?}", a + 1, b + 1),
                        at: i64::MIN,
                    });
                }
            }
        }
        let mut rooms: HashMap<&str, usize> = HashMap::default();
        for room in week.rooms.iter().flatten() {
            *rooms.entry(&room.id).or_default() += 1;
        }
        let mut repeated: Vec<_> = rooms.into_iter().filter(|(_, n)| *n > 1).collect();
        repeated.sort();
        for (id, times) in repeated {
            self.add_for(
                Kind::DuplicateId,
                None,
                format!("{times} rooms have the id {id:?}"),
            );
        }
    }

    /// The room `slot` is in, named in `index` (the declared rooms, and names seen so far).
    /// A forum in no room, or in one the week does not declare, is a finding.
    fn room(&mut self, slot: &Slot<'w>, index: &mut HashMap<&'w str, u32>) -> u32 {
        let week = self.week;
        let forum = slot.forum;
        let Some(rooms) = &week.rooms else {
            if let Some(room) = &forum.room {
                self.add(
                    Kind::UnknownRoom,
                    &[slot],
                    format!(
                        "{:?} names room {room:?}, but the week declares no rooms",
                        forum.id
                    ),
                );
            }
            return 0;
        };
        let ids = || rooms.iter().map(|r| r.id.as_str());
        let Some(room) = &forum.room else {
            self.add(
                Kind::UnknownRoom,
                &[slot],
                format!(
                    "{:?} names no room, but the week declares rooms ({})",
                    forum.id,
                    ids().collect::<Vec<_>>().join(", ")
                ),
            );
            return NO_ROOM;
        };
        if let Some(&known) = index.get(room.as_str())
            && (known as usize) < self.declared
        {
            return known;
        }
        let hint = suggest::closest(room, ids())
            .map(|r| format!("; did you mean {r:?}?"))
            .unwrap_or_default();
        self.add(
            Kind::UnknownRoom,
            &[slot],
            format!(
                "{:?} names room {room:?}, which is not declared{hint}",
                forum.id
            ),
        );
        // Fora in the same undeclared room are still checked against each other.
        *index.entry(room).or_insert_with(|| {
            self.rooms.push(room);
            (self.rooms.len() - 1) as u32
        })
    }

    /// Overlaps and short gaps within each room.
    fn rooms(&mut self, slots: &[Slot<'w>]) {
        let week = self.week;
        let members = (0u32..)
            .zip(slots)
            .filter(|(_, slot)| slot.room != NO_ROOM)
            .map(|(index, slot)| (slot.room, index));
        let rooms = Groups::new(slots, self.rooms.len(), members);
        for (room, spans) in rooms.iter() {
            let place = if week.rooms.is_none() {
                "the week's one room".to_owned()
            } else {
                format!("room {:?}", self.rooms[room])
            };
            sweep(spans.iter().copied(), |a, b| {
                let [a, b] = listed(&slots[a as usize], &slots[b as usize]);
                self.add(
                    Kind::RoomOverlap,
                    &[a, b],
                    format!(
                        "{:?} ({}) and {:?} ({}) overlap in {place}",
                        a.forum.id,
                        a.span(week.timezone),
                        b.forum.id,
                        b.span(week.timezone)
                    ),
                );
            });
            if let Some(gap) = week.rules.min_gap {
                let gap_seconds = i64::from(gap.minutes()) * 60;
                for a in spans {
                    let first = spans.partition_point(|s| s.from < a.to());
                    for b in spans[first..]
                        .iter()
                        .take_while(|s| s.from < a.to() + gap_seconds)
                    {
                        let minutes = (b.from - a.to()) / 60;
                        let (a, b) = (&slots[a.slot as usize], &slots[b.slot as usize]);
                        self.add(
                            Kind::ShortGap,
                            &[a, b],
                            format!(
                                "only {minutes} min between {:?} (ends {}) and {:?} (starts {}) in {place}; rules.min_gap is {gap}",
                                a.forum.id,
                                a.end().format("%H:%M"),
                                b.forum.id,
                                b.start().format("%H:%M")
                            ),
                        );
                    }
                }
            }
        }
    }

    fn speakers(&mut self, slots: &[Slot<'w>], speakers: &Speakers<'w>) {
        let speaking = (0u32..).zip(slots).flat_map(|(index, slot)| {
            speakers
                .of(slot.placed)
                .iter()
                .map(move |&speaker| (speaker, index))
        });
        let by_speaker = Groups::new(slots, speakers.names.len(), speaking);
        // A pair sharing several speakers is one finding naming them all.
        let mut pairs: BTreeMap<(u32, u32), Vec<&str>> = BTreeMap::new();
        for (speaker, spans) in by_speaker.iter().filter(|(_, spans)| spans.len() > 1) {
            sweep(spans.iter().copied(), |a, b| {
                pairs
                    .entry((a, b))
                    .or_default()
                    .push(speakers.names[speaker]);
            });
        }
        for ((a, b), mut names) in pairs {
            let [a, b] = listed(&slots[a as usize], &slots[b as usize]);
            names.sort_unstable();
            let who = names
                .iter()
                .map(|n| format!("{n:?}"))
                .collect::<Vec<_>>()
                .join(", ");
            let verb = if names.len() == 1 { "speaks" } else { "speak" };
            self.add(
                Kind::SpeakerOverlap,
                &[a, b],
                format!(
                    "{who} {verb} in both {:?} ({}) and {:?} ({})",
                    a.forum.id,
                    a.span(self.week.timezone),
                    b.forum.id,
                    b.span(self.week.timezone)
                ),
            );
        }
    }

    fn parallel(&mut self, slots: &[Slot<'w>]) {
        let spans = (0u32..)
            .zip(slots)
            .map(|(index, slot)| Span::of(slot, index));
        sweep(spans, |a, b| {
            let [a, b] = listed(&slots[a as usize], &slots[b as usize]);
            self.add(
                Kind::ParallelOverlap,
                &[a, b],
                format!(
                    "{:?} ({}) and {:?} ({}) run in parallel, but rules.parallel is false",
                    a.forum.id,
                    a.span(self.week.timezone),
                    b.forum.id,
                    b.span(self.week.timezone)
                ),
            );
        });
    }

    /// Whether each forum lies within the week and within the day window.
    fn days(&mut self, slots: &[Slot<'w>]) {
        let week = self.week;
        let rules = &week.rules;
        let week_start = week.start.and_time(NaiveTime::MIN);
        let week_end = week.end.succ_opt().map(|d| d.and_time(NaiveTime::MIN));
        for slot in slots {
            let (start, end) = (slot.start(), slot.end());
            if start < week_start || week_end.is_some_and(|e| end > e) {
                self.add(
                    Kind::OutsideWeek,
                    &[slot],
                    format!(
                        "{:?} ({}) lies outside the week, {} to {}",
                        slot.forum.id,
                        slot.span(self.week.timezone),
                        week.start,
                        week.end
                    ),
                );
            }
            let early = rules.day_start.filter(|t| start < t.on(start.date()));
            let late = rules.day_end.filter(|t| end > t.on(start.date()));
            if early.is_some() || late.is_some() {
                let window = format!(
                    "{}–{}",
                    rules.day_start.map(|t| t.to_string()).unwrap_or_default(),
                    rules.day_end.map(|t| t.to_string()).unwrap_or_default()
                );
                let what = match (early, late) {
                    (Some(_), Some(_)) => "starts before and ends after",
                    (Some(_), None) => "starts before",
                    _ => "ends after",
                };
                self.add(
                    Kind::OutsideDay,
                    &[slot],
                    format!(
                        "{:?} ({}) {what} the day's window {window}",
                        slot.forum.id,
                        slot.span(self.week.timezone)
                    ),
                );
            }
        }
    }

    fn summary(&mut self, slots: &[Slot<'w>]) -> Summary {
        let week = self.week;
        let mut per_day: Vec<DaySummary> = week
            .days()
            .map(|date| DaySummary {
                date,
                fora: 0,
                programme_minutes: 0,
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
            let minutes = ((slot.to - slot.from) / 60) as u64;
            programme_minutes += minutes;
            // Slots are sorted by start: the union grows by what lies past the covered end.
            covered_seconds += (slot.to - slot.from.max(covered_to)).max(0);
            covered_to = covered_to.max(slot.to);
            if let Some(i) = day_of(slot) {
                per_day[i].fora += 1;
                per_day[i].programme_minutes += minutes;
            }
        }
        if let Some(limit) = week.rules.max_hours_per_day {
            let over = |day: &DaySummary| day.programme_minutes as f64 > limit * 60.0;
            // The fora of the days over the limit, gathered only when there are such days.
            let mut day_fora: Vec<Vec<&Slot>> = vec![Vec::new(); per_day.len()];
            if per_day.iter().any(over) {
                for slot in slots {
                    if let Some(i) = day_of(slot).filter(|&i| over(&per_day[i])) {
                        day_fora[i].push(slot);
                    }
                }
            }
            for (day, fora) in per_day.iter().zip(&mut day_fora) {
                if over(day) {
                    fora.sort_by(|a, b| listing(a).cmp(&listing(b)));
                    self.add(
                        Kind::DayOverLimit,
                        fora,
                        format!(
                            "{} has {} h of programme, more than rules.max_hours_per_day ({limit} h)",
                            day.date,
                            hours(day.programme_minutes)
                        ),
                    );
                }
            }
        }
        let cancelled = week.fora.iter().filter(|f| !f.status.takes_place()).count();
        let taking_place = week.fora.len() - cancelled;
        if let Some(expected) = week.expect.fora
            && expected != taking_place as u64
        {
            self.add_for(
                Kind::ExpectMismatch,
                None,
                format!(
                    "the week has {taking_place} fora taking place, but expect.fora is {expected}"
                ),
            );
        }
        if let Some(expected) = week.expect.hours
            && (expected * 60.0).round() != programme_minutes as f64
        {
            self.add_for(
                Kind::ExpectMismatch,
                None,
                format!(
                    "the programme has {} h, but expect.hours is {expected}",
                    hours(programme_minutes)
                ),
            );
        }
        Summary {
            fora: week.fora.len(),
            cancelled,
            scheduled: slots.len(),
            days: per_day.len(),
            programme_minutes,
            covered_minutes: (covered_seconds / 60) as u64,
            registrations: week.registrations,
            participants: week.participants,
            per_day,
        }
    }
}

/// Where a finding lists a slot among its fora: by start, then id.
fn listing<'s>(slot: &'s Slot) -> (i64, &'s str) {
    (slot.from, &slot.forum.id)
}

/// The two slots of a pair in the order a finding lists them.
fn listed<'s, 'w>(a: &'s Slot<'w>, b: &'s Slot<'w>) -> [&'s Slot<'w>; 2] {
    if listing(b) < listing(a) {
        [b, a]
    } else {
        [a, b]
    }
}

/// `name` without white space around it; most names have none, and are returned at once.
fn trimmed(name: &str) -> &str {
    let bytes = name.as_bytes();
    match (bytes.first(), bytes.last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => name,
        _ => name.trim(),
    }
}

/// Calls `pair(a, b)` with the slot indices of every two overlapping spans, `a` starting
/// first. `spans` must be sorted by start. Every span kept active overlaps the next one,
/// so the work is the number of spans plus the number of pairs.
fn sweep(spans: impl IntoIterator<Item = Span>, mut pair: impl FnMut(u32, u32)) {
    let mut active: Vec<Span> = Vec::new();
    for span in spans {
        active.retain(|a| a.to() > span.from);
        for a in &active {
            pair(a.slot, span.slot);
        }
        active.push(span);
    }
}

/// Minutes as hours with at most two decimals: `15.5`, `4`, `1.67`.
pub fn hours(minutes: u64) -> String {
    let hundredths = (minutes * 100 + 30) / 60;
    let (whole, fraction) = (hundredths / 100, hundredths % 100);
    match fraction {
        0 => whole.to_string(),
        f if f % 10 == 0 => format!("{whole}.{}", f / 10),
        f => format!("{whole}.{f:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_read_well() {
        assert_eq!(hours(930), "15.5");
        assert_eq!(hours(240), "4");
        assert_eq!(hours(100), "1.67");
        assert_eq!(hours(45), "0.75");
        assert_eq!(hours(0), "0");
    }

    #[test]
    fn every_kind_has_its_json_name() {
        for kind in Kind::ALL {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.name());
        }
    }
}
