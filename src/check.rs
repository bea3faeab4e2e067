//! The checker: the week's summary and every finding, worst first.
//!
//! Overlaps are found by sorting fora by start and sweeping, so the cost grows with
//! n log n plus the number of conflicts found, never with every pair of fora.

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

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

/// Orders a pair of slots as they are listed: by start, then id, of each.
type PairKey<'a> = (i64, &'a str, i64, &'a str);

/// Checks `week`: its summary and every finding.
pub fn check(week: &Week) -> Report {
    let mut checker = Checker {
        week,
        findings: Vec::new(),
    };
    let slots = checker.place();
    checker.unknown_fields();
    checker.duplicate_ids();
    checker.rooms(&slots);
    checker.days(&slots);
    checker.speakers(&slots);
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

    /// Resolves every start in the zone; reports the ones that are missing, skipped or doubled.
    fn place(&mut self) -> Vec<Slot<'w>> {
        let week = self.week;
        let zone = week.timezone.name();
        let mut slots = Vec::with_capacity(week.fora.len());
        let mut placer = week.placer();
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
                    let slot = Slot {
                        forum,
                        from: start.timestamp(),
                        to: end.timestamp(),
                        offsets: (
                            start.offset().fix().local_minus_utc(),
                            end.offset().fix().local_minus_utc(),
                        ),
                    };
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
        // By start, then id, comparing ids only among the fora that start together.
        slots.sort_unstable_by_key(|slot| slot.from);
        for together in slots.chunk_by_mut(|a, b| a.from == b.from) {
            together.sort_unstable_by(|a, b| a.forum.id.cmp(&b.forum.id));
        }
        slots
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

    /// Unknown rooms, then overlaps and short gaps within each room.
    fn rooms(&mut self, all: &[Slot<'w>]) {
        let slots = all;
        let week = self.week;
        // Each room's fora as indices into `slots` (in start order): small, for large weeks.
        let mut by_room: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
        match &week.rooms {
            // One implicit room: every forum is in it.
            None => {
                for slot in slots {
                    if let Some(room) = &slot.forum.room {
                        self.add(
                            Kind::UnknownRoom,
                            &[slot],
                            format!(
                                "{:?} names room {room:?}, but the week declares no rooms",
                                slot.forum.id
                            ),
                        );
                    }
                }
                by_room.insert("", (0..slots.len() as u32).collect());
            }
            Some(rooms) => {
                let ids = || rooms.iter().map(|r| r.id.as_str());
                let declared: HashSet<&str> = ids().collect();
                for (index, slot) in slots.iter().enumerate() {
                    match &slot.forum.room {
                        None => self.add(
                            Kind::UnknownRoom,
                            &[slot],
                            format!(
                                "{:?} names no room, but the week declares rooms ({})",
                                slot.forum.id,
                                ids().collect::<Vec<_>>().join(", ")
                            ),
                        ),
                        Some(room) => {
                            if !declared.contains(room.as_str()) {
                                let hint = suggest::closest(room, ids())
                                    .map(|r| format!("; did you mean {r:?}?"))
                                    .unwrap_or_default();
                                self.add(
                                    Kind::UnknownRoom,
                                    &[slot],
                                    format!(
                                        "{:?} names room {room:?}, which is not declared{hint}",
                                        slot.forum.id
                                    ),
                                );
                            }
                            by_room.entry(room).or_default().push(index as u32);
                        }
                    }
                }
            }
        }
        let mut own: Vec<Slot> = Vec::new();
        for (room, indices) in &by_room {
            own.clear();
            own.extend(indices.iter().map(|&i| all[i as usize]));
            let slots = &own;
            let place = if room.is_empty() {
                "the week's one room".to_owned()
            } else {
                format!("room {room:?}")
            };
            sweep(slots, |a, b| {
                self.add(
                    Kind::RoomOverlap,
                    &[a, b],
                    format!(
                        "{:?} ({}) and {:?} ({}) overlap in {place}",
                        a.forum.id,
                        a.span(self.week.timezone),
                        b.forum.id,
                        b.span(self.week.timezone)
                    ),
                );
            });
            if let Some(gap) = week.rules.min_gap {
                let gap_seconds = i64::from(gap.minutes()) * 60;
                for a in slots {
                    let first = slots.partition_point(|s| s.from < a.to);
                    for b in slots[first..]
                        .iter()
                        .take_while(|s| s.from < a.to + gap_seconds)
                    {
                        let minutes = (b.from - a.to) / 60;
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

    fn speakers(&mut self, slots: &[Slot<'w>]) {
        // Each speaker gets a number. A name is looked up as written first: only its
        // distinct spellings are compared without regard to case.
        let mut spelled: HashMap<&str, u32> = HashMap::default();
        let mut folded: HashMap<Folded, u32> = HashMap::default();
        let mut names: Vec<&str> = Vec::new();
        // Each speaker's fora (indices into `slots`), in start order.
        let mut fora: Vec<Vec<u32>> = Vec::new();
        let mut seen: Vec<u32> = Vec::new();
        for (index, slot) in slots.iter().enumerate() {
            seen.clear();
            for name in slot.forum.speakers.iter().map(|n| n.trim()) {
                if name.is_empty() {
                    continue;
                }
                let speaker = match spelled.get(name) {
                    Some(&speaker) => speaker,
                    None => {
                        let speaker = *folded.entry(Folded(name)).or_insert_with(|| {
                            names.push(name);
                            fora.push(Vec::new());
                            (names.len() - 1) as u32
                        });
                        spelled.insert(name, speaker);
                        speaker
                    }
                };
                if !seen.contains(&speaker) {
                    seen.push(speaker);
                    fora[speaker as usize].push(index as u32);
                }
            }
        }
        // A pair sharing several speakers is one finding naming them all.
        let mut pairs: BTreeMap<PairKey, (Slot, Slot, Vec<&str>)> = BTreeMap::new();
        let mut own: Vec<Slot> = Vec::new();
        for (speaker, indices) in fora.iter().enumerate().filter(|(_, f)| f.len() > 1) {
            own.clear();
            own.extend(indices.iter().map(|&i| slots[i as usize]));
            sweep(&own, |a, b| {
                pairs
                    .entry((a.from, a.forum.id.as_str(), b.from, b.forum.id.as_str()))
                    .or_insert_with(|| (*a, *b, Vec::new()))
                    .2
                    .push(names[speaker]);
            });
        }
        for (a, b, mut names) in pairs.into_values() {
            names.sort_unstable();
            let who = names
                .iter()
                .map(|n| format!("{n:?}"))
                .collect::<Vec<_>>()
                .join(", ");
            let verb = if names.len() == 1 { "speaks" } else { "speak" };
            self.add(
                Kind::SpeakerOverlap,
                &[&a, &b],
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
        sweep(slots, |a, b| {
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
        let mut day_fora: Vec<Vec<&Slot>> = vec![Vec::new(); per_day.len()];
        let mut programme_minutes = 0;
        let mut covered_seconds = 0;
        let mut covered_to = i64::MIN;
        for slot in slots {
            let minutes = u64::from(slot.forum.duration.minutes());
            programme_minutes += minutes;
            // Slots are sorted by start: the union grows by what lies past the covered end.
            covered_seconds += (slot.to - slot.from.max(covered_to)).max(0);
            covered_to = covered_to.max(slot.to);
            let day = (slot.start().date() - week.start).num_days();
            if let Some(i) = usize::try_from(day).ok().filter(|&i| i < per_day.len()) {
                per_day[i].fora += 1;
                per_day[i].programme_minutes += minutes;
                day_fora[i].push(slot);
            }
        }
        if let Some(limit) = week.rules.max_hours_per_day {
            for (day, fora) in per_day.iter().zip(&day_fora) {
                if day.programme_minutes as f64 > limit * 60.0 {
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

/// Calls `pair(a, b)` for every two overlapping slots, `a` starting first.
/// `slots` must be sorted by start. Every slot kept active overlaps the next one,
/// so the work is the number of slots plus the number of pairs.
fn sweep<'a, 'w>(slots: &'a [Slot<'w>], mut pair: impl FnMut(&'a Slot<'w>, &'a Slot<'w>)) {
    let mut active: Vec<&Slot> = Vec::new();
    for slot in slots {
        active.retain(|a| a.to > slot.from);
        for a in &active {
            pair(a, slot);
        }
        active.push(slot);
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
