//! Free slots: where a forum of a given length fits, so that `fora add` accepts it.
//!
//! A start is free when a forum placed there (without speakers) adds no error finding and
//! none of the rule warnings `outside-day`, `short-gap`, `day-over-limit` and
//! `ambiguous-time`. That is computed directly, not by checking every candidate: each day
//! and room, the starts the day allows are a set of intervals of instants, and every busy
//! forum takes one interval out of it (widened by `rules.min_gap` in its own room; without
//! `rules.parallel` every forum blocks every room). What is left, read on the wall clock,
//! is the slots. The tests compare the result with exactly that brute force.
//!
//! Everything runs on instants, and wall-clock times are used only where the checker uses
//! them (the day window), so days on which the clocks change come out right: a slot never
//! holds a start in the hour the clocks skip nor in the hour that happens twice.

use std::io::{self, Write};

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone};
use chrono_tz::Tz;
use comfy_table::ContentArrangement;
use comfy_table::presets::UTF8_FULL_CONDENSED;
use serde::{Serialize, Serializer};

use crate::model::{DayTime, Duration, Language, MAX_MINUTES, Rules, Week};

/// The day window's start when the week sets no `rules.day_start`: a working day's.
pub const DEFAULT_DAY_START: &str = "09:00";

/// The day window's end when the week sets no `rules.day_end`: a working day's.
pub const DEFAULT_DAY_END: &str = "18:00";

/// A maximal free window on one day in one room: every start from `earliest` to `latest`
/// (to the minute) is free; the wall-clock minutes just before and after it, that day, are not.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Slot {
    /// The day the forum would start on.
    pub date: NaiveDate,
    /// The room's id; `None` when the week declares no rooms (its one implicit room).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub room: Option<String>,
    /// Where the window begins: the same instant as `earliest`.
    #[serde(serialize_with = "local")]
    pub from: DateTime<Tz>,
    /// Where the window ends: `latest` plus the duration.
    #[serde(serialize_with = "local")]
    pub to: DateTime<Tz>,
    /// The earliest free start.
    #[serde(serialize_with = "local")]
    pub earliest: DateTime<Tz>,
    /// The latest free start.
    #[serde(serialize_with = "local")]
    pub latest: DateTime<Tz>,
}

impl Slot {
    /// Whether a forum starting at this local time (in the week's zone) starts in the slot.
    pub fn admits(&self, start: NaiveDateTime) -> bool {
        (self.earliest.naive_local()..=self.latest.naive_local()).contains(&start)
    }
}

/// The day window `free` keeps to: the week's `rules.day_start` and `rules.day_end`, and
/// for a bound the week does not set, [`DEFAULT_DAY_START`] or [`DEFAULT_DAY_END`]. When only
/// one bound is set and the default of the other would leave no window (an evening
/// programme from 19:00), that side stays open (00:00 or 24:00), as the checker has it.
pub fn day_window(rules: &Rules) -> (DayTime, DayTime) {
    let default = |text| DayTime::parse(text).expect("the defaults are valid times");
    let (start, end) = (default(DEFAULT_DAY_START), default(DEFAULT_DAY_END));
    match (rules.day_start, rules.day_end) {
        (Some(from), Some(to)) => (from, to),
        (None, None) => (start, end),
        (Some(from), None) if from < end => (from, end),
        (Some(from), None) => (from, default("24:00")),
        (None, Some(to)) if start < to => (start, to),
        (None, Some(to)) => (default("00:00"), to),
    }
}

/// Every free slot for a forum of `duration`: on every day of the week (or only `day`), in
/// every declared room in file order (or only `room`; the caller checks that it exists),
/// ordered by date, room and time. A day outside the week, or a room in a week without
/// rooms, has no slots.
///
/// Cancelled fora and fora without an existing start take up nothing.
pub fn free(
    week: &Week,
    duration: Duration,
    day: Option<NaiveDate>,
    room: Option<&str>,
) -> Vec<Slot> {
    let busy = busy(week);
    let window = day_window(&week.rules);
    let gap = week
        .rules
        .min_gap
        .map_or(0, |g| i64::from(g.minutes()) * 60);
    let length = i64::from(duration.minutes()) * 60;
    let rooms: Vec<Option<&str>> = match &week.rooms {
        None if room.is_some() => Vec::new(),
        None => vec![None],
        Some(rooms) => {
            let mut ids: Vec<Option<&str>> = Vec::new();
            // A duplicated id is one room to the checker.
            for id in rooms.iter().map(|r| r.id.as_str()) {
                if room.is_none_or(|r| r == id) && !ids.contains(&Some(id)) {
                    ids.push(Some(id));
                }
            }
            ids
        }
    };
    let mut slots = Vec::new();
    for date in week.days().filter(|d| day.is_none_or(|day| day == *d)) {
        if over_limit(week, &busy, date, duration) {
            continue;
        }
        let segments = segments(week.timezone, date);
        let starts = day_starts(&segments, date, window, length);
        let (Some(&(first, _)), Some(&(_, last))) = (starts.first(), starts.last()) else {
            continue;
        };
        // Busy fora are sorted by start and last at most a day: skip those long over.
        let reach = i64::from(MAX_MINUTES) * 60 + gap;
        let relevant = &busy[busy.partition_point(|b| b.from + reach <= first)..];
        for &room in &rooms {
            let mut blocked = Vec::new();
            for b in relevant.iter().take_while(|b| b.from - gap - length < last) {
                // Open on the left: a forum may end exactly where the gap before `b` begins.
                if week.rooms.is_none() || b.room == room {
                    blocked.push((b.from - gap - length + 1, b.to + gap));
                } else if week.rules.parallel == Some(false) {
                    blocked.push((b.from - length + 1, b.to));
                }
            }
            let allowed = subtract(&starts, &normalize(blocked));
            push_slots(
                &mut slots,
                week.timezone,
                &segments,
                &allowed,
                date,
                room,
                length,
            );
        }
    }
    slots
}

/// A forum that takes up time, as Unix seconds `[from, to)`.
struct Busy<'w> {
    from: i64,
    to: i64,
    date: NaiveDate,
    minutes: u64,
    room: Option<&'w str>,
}

/// The fora that take up time, sorted by start.
fn busy(week: &Week) -> Vec<Busy<'_>> {
    let mut busy: Vec<Busy> = week
        .fora
        .iter()
        .filter(|f| f.status.takes_place())
        .filter_map(|f| {
            let (start, end) = week.placement(f).interval()?;
            Some(Busy {
                from: start.timestamp(),
                to: end.timestamp(),
                date: start.date_naive(),
                minutes: u64::from(f.duration.minutes()),
                room: f.room.as_deref(),
            })
        })
        .collect();
    busy.sort_by_key(|b| b.from);
    busy
}

/// Whether one more forum on `date` would give it more than `rules.max_hours_per_day`, or
/// it has more already (then the finding would name one forum more, so it is a new one).
fn over_limit(week: &Week, busy: &[Busy], date: NaiveDate, duration: Duration) -> bool {
    let Some(limit) = week.rules.max_hours_per_day else {
        return false;
    };
    let minutes: u64 = busy
        .iter()
        .filter(|b| b.date == date)
        .map(|b| b.minutes)
        .sum();
    // The checker's comparison, to the bit.
    (minutes + u64::from(duration.minutes())) as f64 > limit * 60.0
}

/// Instants `[from, to)` during which the zone's UTC offset (in seconds) is `offset`.
#[derive(Clone, Copy, Debug)]
struct Segment {
    from: i64,
    to: i64,
    offset: i64,
}

/// Beyond every week: the open ends of the first and the last segment.
const FAR: i64 = 1 << 50;

/// The zone's offsets around `date`: from well before its first start to well after the
/// end of a day-long forum started at its last. Sampled hourly and bisected to the second;
/// no zone changes its offset twice within an hour.
fn segments(zone: Tz, date: NaiveDate) -> Vec<Segment> {
    const HOUR: i64 = 3600;
    let offset = |t: i64| {
        let utc = DateTime::from_timestamp(t, 0).expect("a week's instants are in range");
        i64::from(
            zone.offset_from_utc_datetime(&utc.naive_utc())
                .fix()
                .local_minus_utc(),
        )
    };
    let midnight = label(date.and_time(NaiveTime::MIN));
    let (lo, hi) = (
        midnight - 18 * HOUR,
        midnight + 24 * HOUR + 18 * HOUR + 24 * HOUR,
    );
    let mut segments = vec![Segment {
        from: -FAR,
        to: FAR,
        offset: offset(lo),
    }];
    let mut t = lo;
    while t < hi {
        let next = t + HOUR;
        let (before, after) = (offset(t), offset(next));
        if before != after {
            let (mut old, mut new) = (t, next);
            while new - old > 1 {
                let middle = old + (new - old) / 2;
                if offset(middle) == before {
                    old = middle;
                } else {
                    new = middle;
                }
            }
            segments.last_mut().expect("one at least").to = new;
            segments.push(Segment {
                from: new,
                to: FAR,
                offset: after,
            });
        }
        t = next;
    }
    segments
}

/// A wall-clock time as seconds, so that it compares with `instant + offset`.
fn label(local: NaiveDateTime) -> i64 {
    local.and_utc().timestamp()
}

/// The instants a forum of `length` seconds may start at on `date` before any other forum is
/// looked at: its wall-clock start is on `date`, within the window, and happens exactly once;
/// its wall-clock end is within the window too (compared as the checker does, on the wall
/// clock: where the clocks go back, a later end may read earlier).
fn day_starts(
    segments: &[Segment],
    date: NaiveDate,
    (day_start, day_end): (DayTime, DayTime),
    length: i64,
) -> Vec<(i64, i64)> {
    let earliest = label(day_start.on(date));
    let next_day = label(date.and_time(NaiveTime::MIN)) + 24 * 3600;
    let latest_end = label(day_end.on(date));
    let mut once = Vec::new();
    for (i, segment) in segments.iter().enumerate() {
        let on_the_day = [(
            segment.from.max(earliest - segment.offset),
            segment.to.min(next_day - segment.offset),
        )];
        // Wall-clock times another segment shows too: the hour that happens twice.
        let twice: Vec<(i64, i64)> = segments
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != i)
            .map(|(_, other)| {
                (
                    other.from + other.offset - segment.offset,
                    other.to + other.offset - segment.offset,
                )
            })
            .collect();
        once.extend(subtract(&normalize(on_the_day.to_vec()), &normalize(twice)));
    }
    let ends_in_time = segments
        .iter()
        .map(|s| {
            (
                s.from - length,
                s.to.min(latest_end - s.offset + 1) - length,
            )
        })
        .collect();
    intersect(&normalize(once), &normalize(ends_in_time))
}

/// Turns free instants into slots of whole minutes on the wall clock, one per segment
/// piece (a piece never spans a change of the clocks).
fn push_slots(
    slots: &mut Vec<Slot>,
    zone: Tz,
    segments: &[Segment],
    allowed: &[(i64, i64)],
    date: NaiveDate,
    room: Option<&str>,
    length: i64,
) {
    let at = |t: i64| {
        DateTime::from_timestamp(t, 0)
            .expect("a week's instants are in range")
            .with_timezone(&zone)
    };
    for &(from, to) in allowed {
        for segment in segments {
            let (from, to) = (from.max(segment.from), to.min(segment.to));
            if from >= to {
                continue;
            }
            let first = ceil_minute(from + segment.offset) - segment.offset;
            let last = floor_minute(to - 1 + segment.offset) - segment.offset;
            if first > last {
                continue;
            }
            // Pieces a minute apart on the wall clock are one slot (only zones with offsets
            // of odd seconds can make them).
            if let Some(previous) = slots.last_mut().filter(|s| {
                s.date == date
                    && s.room.as_deref() == room
                    && s.latest.naive_local() + chrono::TimeDelta::minutes(1)
                        == at(first).naive_local()
            }) {
                previous.latest = at(last);
                previous.to = at(last + length);
                continue;
            }
            slots.push(Slot {
                date,
                room: room.map(str::to_owned),
                from: at(first),
                to: at(last + length),
                earliest: at(first),
                latest: at(last),
            });
        }
    }
}

fn floor_minute(seconds: i64) -> i64 {
    seconds.div_euclid(60) * 60
}

fn ceil_minute(seconds: i64) -> i64 {
    -floor_minute(-seconds)
}

/// Sorted, disjoint, non-empty half-open intervals covering what `intervals` cover.
fn normalize(mut intervals: Vec<(i64, i64)>) -> Vec<(i64, i64)> {
    intervals.retain(|(a, b)| a < b);
    intervals.sort_unstable();
    let mut merged: Vec<(i64, i64)> = Vec::with_capacity(intervals.len());
    for (a, b) in intervals {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
}

/// What both normalized sets cover.
fn intersect(a: &[(i64, i64)], b: &[(i64, i64)]) -> Vec<(i64, i64)> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        let (from, to) = (a[i].0.max(b[j].0), a[i].1.min(b[j].1));
        if from < to {
            out.push((from, to));
        }
        if a[i].1 < b[j].1 {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// What normalized `a` covers and normalized `b` does not: one sweep over both.
fn subtract(a: &[(i64, i64)], b: &[(i64, i64)]) -> Vec<(i64, i64)> {
    let mut out = Vec::new();
    let mut j = 0;
    for &(mut from, to) in a {
        while j < b.len() && b[j].1 <= from {
            j += 1;
        }
        let mut k = j;
        while k < b.len() && b[k].0 < to {
            if b[k].0 > from {
                out.push((from, b[k].0));
            }
            from = from.max(b[k].1);
            k += 1;
        }
        if from < to {
            out.push((from, to));
        }
    }
    out
}

/// A local time as `2020-06-23T11:15`.
fn local<S: Serializer>(time: &DateTime<Tz>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(&time.format("%Y-%m-%dT%H:%M"))
}

/// The slots as a JSON array, pretty, with a trailing newline; times are local, in the
/// week's zone (`"2020-06-23T11:15"`), a room is left out in a week without rooms.
pub fn write_json(slots: &[Slot], out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, slots)?;
    writeln!(out)
}

/// The slots as a table for people: the week's name and what was looked for, one row a slot
/// (the day only on its first row, the room's name when the week has rooms), then a line
/// with the rules kept. Without slots, a sentence says so instead of the table.
pub fn write_table(
    week: &Week,
    slots: &[Slot],
    duration: Duration,
    language: Language,
    out: &mut dyn Write,
) -> io::Result<()> {
    let words = words(language);
    writeln!(out, "{}", week.name)?;
    if slots.is_empty() {
        writeln!(out, "{}", (words.none)(duration))?;
    } else {
        writeln!(out, "{}", (words.heading)(duration))?;
        writeln!(out)?;
        let show_room = week.rooms.is_some();
        let mut table = comfy_table::Table::new();
        table.load_preset(UTF8_FULL_CONDENSED);
        // Wraps to the terminal's width, as the timetable does; piped output is never wrapped.
        table.set_content_arrangement(ContentArrangement::Dynamic);
        let mut header = vec![words.day];
        if show_room {
            header.push(words.room);
        }
        header.extend([words.free, words.between]);
        table.set_header(header);
        let mut shown_day = None;
        for slot in slots {
            let day = if shown_day == Some(slot.date) {
                String::new()
            } else {
                language.day_heading(slot.date)
            };
            shown_day = Some(slot.date);
            let mut row = vec![day];
            if show_room {
                let id = slot.room.as_deref().unwrap_or_default();
                row.push(
                    week.room(id)
                        .map_or_else(|| id.to_owned(), |r| r.name.clone()),
                );
            }
            row.push(window(slot.from, slot.to));
            row.push(if slot.earliest == slot.latest {
                slot.earliest.format("%H:%M").to_string()
            } else {
                format!(
                    "{} {} {}",
                    slot.earliest.format("%H:%M"),
                    words.and,
                    slot.latest.format("%H:%M")
                )
            });
            table.add_row(row);
        }
        writeln!(out, "{table}")?;
        writeln!(out, "{}", (words.count)(slots.len()))?;
    }
    writeln!(out, "{}", rules_kept(week, language))
}

/// `11:15–13:45`; with the zone's abbreviations when the clocks change in between, and
/// `(+1)` when it ends on the next day.
fn window(from: DateTime<Tz>, to: DateTime<Tz>) -> String {
    let format = if from.offset() == to.offset() {
        "%H:%M"
    } else {
        "%H:%M %Z"
    };
    let days = (to.date_naive() - from.date_naive()).num_days();
    let later = if days > 0 {
        format!(" (+{days})")
    } else {
        String::new()
    };
    format!("{}–{}{later}", from.format(format), to.format(format))
}

/// "Regeln: Tagesfenster 09:00–18:00 · mindestens 15m Abstand im selben Raum · …": what
/// the slots keep to, so that a missing slot can be understood.
fn rules_kept(week: &Week, language: Language) -> String {
    let words = words(language);
    let rules = &week.rules;
    let (start, end) = day_window(rules);
    let mut window = format!("{} {start}–{end}", words.window);
    if rules.day_start.is_none() || rules.day_end.is_none() {
        window.push_str(&format!(" ({})", words.default));
    }
    let mut kept = vec![window];
    if let Some(gap) = rules.min_gap {
        kept.push((words.gap)(gap));
    }
    if rules.parallel == Some(false) {
        kept.push(words.no_parallel.to_owned());
    }
    if let Some(limit) = rules.max_hours_per_day {
        let minutes = (limit * 60.0).round().max(0.0) as u64;
        kept.push((words.limit)(language.hours(minutes)));
    }
    format!("{}: {}", words.rules, kept.join(" · "))
}

/// The words of the free-slot table, in one language.
struct Words {
    day: &'static str,
    room: &'static str,
    free: &'static str,
    between: &'static str,
    and: &'static str,
    heading: fn(Duration) -> String,
    none: fn(Duration) -> String,
    count: fn(usize) -> String,
    rules: &'static str,
    window: &'static str,
    default: &'static str,
    gap: fn(Duration) -> String,
    no_parallel: &'static str,
    limit: fn(String) -> String,
}

fn words(language: Language) -> &'static Words {
    match language {
        Language::De => &GERMAN,
        Language::En => &ENGLISH,
    }
}

static GERMAN: Words = Words {
    day: "Tag",
    room: "Raum",
    free: "Frei",
    between: "Beginn zwischen",
    and: "und",
    heading: |d| format!("Freie Zeitfenster für ein Forum von {d}"),
    none: |d| {
        format!(
            "Kein freies Zeitfenster für ein Forum von {d}: jeder Beginn verletzt eine Regel oder trifft auf ein anderes Forum."
        )
    },
    count: |n| match n {
        1 => "1 freies Zeitfenster".to_owned(),
        n => format!("{n} freie Zeitfenster"),
    },
    rules: "Regeln",
    window: "Tagesfenster",
    default: "Voreinstellung",
    gap: |g| format!("mindestens {g} Abstand im selben Raum"),
    no_parallel: "keine parallelen Fora",
    limit: |h| format!("höchstens {h} am Tag"),
};

static ENGLISH: Words = Words {
    day: "Day",
    room: "Room",
    free: "Free",
    between: "Start between",
    and: "and",
    heading: |d| format!("Free slots for a forum of {d}"),
    none: |d| {
        format!(
            "No free slot for a forum of {d}: every start breaks a rule or meets another forum."
        )
    },
    count: |n| match n {
        1 => "1 free slot".to_owned(),
        n => format!("{n} free slots"),
    },
    rules: "Rules",
    window: "day window",
    default: "default",
    gap: |g| format!("at least {g} between fora in a room"),
    no_parallel: "no parallel fora",
    limit: |h| format!("at most {h} a day"),
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Forum;

    fn minutes(m: u32) -> Duration {
        Duration::from_minutes(m).unwrap()
    }

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").unwrap()
    }

    fn week(first: &str, last: &str) -> Week {
        let day = |t: &str| NaiveDate::parse_from_str(t, "%Y-%m-%d").unwrap();
        Week::new("w", chrono_tz::Europe::Berlin, day(first), day(last))
    }

    fn spans(slots: &[Slot]) -> Vec<String> {
        slots
            .iter()
            .map(|s| {
                format!(
                    "{} {} {}",
                    s.room.as_deref().unwrap_or("-"),
                    s.earliest.format("%d %H:%M %Z"),
                    s.latest.format("%H:%M %Z")
                )
            })
            .collect()
    }

    #[test]
    fn the_default_window_is_a_working_day_and_one_set_bound_is_kept() {
        let time = |t| DayTime::parse(t).unwrap();
        let mut rules = Rules::default();
        assert_eq!(day_window(&rules), (time("09:00"), time("18:00")));
        rules.day_start = Some(time("19:00"));
        assert_eq!(day_window(&rules), (time("19:00"), time("24:00")));
        rules.day_start = Some(time("08:00"));
        assert_eq!(day_window(&rules), (time("08:00"), time("18:00")));
        rules.day_start = None;
        rules.day_end = Some(time("08:00"));
        assert_eq!(day_window(&rules), (time("00:00"), time("08:00")));
    }

    #[test]
    fn fora_and_gaps_cut_the_day_and_cancelled_fora_do_not() {
        let mut week = week("2020-06-23", "2020-06-23");
        week.rules.min_gap = Some(minutes(15));
        week.fora = vec![
            Forum {
                id: "a".into(),
                start: Some(at("2020-06-23T10:00")),
                duration: minutes(60),
                ..Forum::default()
            },
            Forum {
                id: "b".into(),
                start: Some(at("2020-06-23T14:00")),
                duration: minutes(60),
                status: crate::Status::Cancelled,
                ..Forum::default()
            },
        ];
        let slots = free(&week, minutes(90), None, None);
        assert_eq!(spans(&slots), ["- 23 11:15 CEST 16:30 CEST"]);
        assert_eq!(slots[0].from.format("%H:%M").to_string(), "11:15");
        assert_eq!(slots[0].to.format("%H:%M").to_string(), "18:00");
        assert!(slots[0].admits(at("2020-06-23T16:30")));
        assert!(!slots[0].admits(at("2020-06-23T16:31")));
    }

    #[test]
    fn the_hour_the_clocks_skip_or_repeat_splits_a_night() {
        let mut week = week("2021-03-28", "2021-03-28");
        week.rules.day_start = DayTime::parse("00:00");
        week.rules.day_end = DayTime::parse("06:00");
        assert_eq!(
            spans(&free(&week, minutes(60), None, None)),
            ["- 28 00:00 CET 01:59 CET", "- 28 03:00 CEST 05:00 CEST"]
        );
        let mut week = self::week("2021-10-31", "2021-10-31");
        week.rules.day_start = DayTime::parse("00:00");
        week.rules.day_end = DayTime::parse("06:00");
        assert_eq!(
            spans(&free(&week, minutes(60), None, None)),
            ["- 31 00:00 CEST 01:59 CEST", "- 31 03:00 CET 05:00 CET"]
        );
    }

    #[test]
    fn a_full_day_and_a_missing_room_have_no_slots() {
        let mut week = week("2020-06-23", "2020-06-24");
        week.rules.max_hours_per_day = Some(1.0);
        week.fora.push(Forum {
            id: "a".into(),
            start: Some(at("2020-06-23T10:00")),
            duration: minutes(30),
            ..Forum::default()
        });
        let slots = free(&week, minutes(45), None, None);
        assert_eq!(spans(&slots), ["- 24 09:00 CEST 17:15 CEST"]);
        assert!(free(&week, minutes(30), None, Some("saal")).is_empty());
    }

    #[test]
    fn intervals_subtract_in_one_sweep() {
        let a = [(0, 10), (20, 30)];
        assert_eq!(
            subtract(&a, &[(2, 4), (8, 22), (25, 26)]),
            [(0, 2), (4, 8), (22, 25), (26, 30)]
        );
        assert_eq!(intersect(&a, &[(5, 25)]), [(5, 10), (20, 25)]);
        assert_eq!(normalize(vec![(5, 6), (0, 5), (7, 7)]), [(0, 6)]);
    }
}
