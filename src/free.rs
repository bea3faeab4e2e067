//! Free slots: where a forum of a given length fits, so that `fora add` accepts it.
//!
//! Every minute of every day is a candidate start; a start is free when the week's rules
//! (`crate::rules`, the same predicates the checker asks) let a forum of that length sit
//! there in a room: no error finding, and none of the warnings `outside-day`, `short-gap`,
//! `day-over-limit` and `ambiguous-time`, and the room and the speakers asked for are
//! available (`available`). Runs of free minutes are the slots. Starts are
//! wall-clock minutes read in the week's zone, so days on which the clocks change come out
//! right: a slot never holds a start in the hour the clocks skip nor in the hour that
//! happens twice. The tests compare the result with the checker itself.

use std::io::{self, Write};

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime};
use chrono_tz::Tz;
use comfy_table::ContentArrangement;
use comfy_table::presets::UTF8_FULL_CONDENSED;
use serde::{Serialize, Serializer};

use crate::model::{Duration, Language, Placement, Week};
use crate::rules::{Occupancy, Window};
use crate::text::{self, DateStyle, t};
use crate::view::{View, When};

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

/// Every free slot for a forum of `duration` with `speakers` (none: any speakers free then):
/// on every day of the week (or only `day`), in every declared room in file order (or only
/// `room`; the caller checks that it exists), ordered by date, room and time. A day outside the week, or a room in a week without
/// rooms, has no slots.
///
/// Cancelled fora and fora without a start take up nothing.
pub fn free(
    week: &Week,
    duration: Duration,
    day: Option<NaiveDate>,
    room: Option<&str>,
    speakers: &[&str],
) -> Vec<Slot> {
    let occupancy = Occupancy::new(week);
    let window = Window::offered(&week.rules);
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
        // Every wall-clock minute of the day, placed once for all rooms.
        let midnight = date.and_time(NaiveTime::MIN);
        let starts: Vec<Placement> = (0..24 * 60)
            .map(|minute| week.place(midnight + chrono::TimeDelta::minutes(minute), duration))
            .collect();
        for &room in &rooms {
            let mut run: Option<(usize, usize)> = None;
            for (minute, &placement) in starts.iter().enumerate() {
                if occupancy.admits(placement, room, speakers, window).is_ok() {
                    run = Some(run.map_or((minute, minute), |(first, _)| (first, minute)));
                    continue;
                }
                if let Some(found) = run.take() {
                    slots.push(slot(date, room, &starts, found));
                }
            }
            if let Some(found) = run {
                slots.push(slot(date, room, &starts, found));
            }
        }
    }
    slots
}

/// The slot of the free starts from minute `first` to minute `last` of `date`.
fn slot(
    date: NaiveDate,
    room: Option<&str>,
    starts: &[Placement],
    (first, last): (usize, usize),
) -> Slot {
    let placed = |minute: usize| When::of(starts[minute]).expect("every minute is placed");
    let (earliest, latest) = (placed(first), placed(last));
    Slot {
        date,
        room: room.map(str::to_owned),
        from: earliest.start,
        to: latest.end,
        earliest: earliest.start,
        latest: latest.start,
    }
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
    speakers: &[&str],
    language: Language,
    out: &mut dyn Write,
) -> io::Result<()> {
    let l = language;
    let length = duration.to_string();
    let with = speakers.join(", ");
    writeln!(out, "{}", week.name)?;
    let heading = match (slots.is_empty(), speakers.is_empty()) {
        (true, true) => t!(l, "free-none", duration = length.as_str()),
        (true, false) => t!(
            l,
            "free-none-speakers",
            duration = length.as_str(),
            speakers = with
        ),
        (false, true) => t!(l, "free-heading", duration = length.as_str()),
        (false, false) => t!(
            l,
            "free-heading-speakers",
            duration = length.as_str(),
            speakers = with
        ),
    };
    writeln!(out, "{heading}")?;
    if !slots.is_empty() {
        writeln!(out)?;
        let view = View::new(week, language);
        let show_room = week.rooms.is_some();
        let mut table = comfy_table::Table::new();
        table.load_preset(UTF8_FULL_CONDENSED);
        // Wraps to the terminal's width, as the timetable does; piped output is never wrapped.
        table.set_content_arrangement(ContentArrangement::Dynamic);
        let mut header = vec![t!(l, "free-column-day")];
        if show_room {
            header.push(t!(l, "column-room"));
        }
        header.extend([t!(l, "free-column-free"), t!(l, "free-column-between")]);
        table.set_header(header);
        let mut shown_day = None;
        for slot in slots {
            let day = if shown_day == Some(slot.date) {
                String::new()
            } else {
                text::date(l, slot.date, DateStyle::Heading)
            };
            shown_day = Some(slot.date);
            let mut row = vec![day];
            if show_room {
                row.push(
                    view.room_name(slot.room.as_deref().unwrap_or_default())
                        .to_owned(),
                );
            }
            let window = When {
                start: slot.from,
                end: slot.to,
                clock: crate::model::Clock::Exact,
            };
            row.push(window.range(l, None));
            row.push(if slot.earliest == slot.latest {
                slot.earliest.format("%H:%M").to_string()
            } else {
                t!(
                    l,
                    "free-between",
                    earliest = slot.earliest.format("%H:%M").to_string(),
                    latest = slot.latest.format("%H:%M").to_string()
                )
            });
            table.add_row(row);
        }
        writeln!(out, "{table}")?;
        writeln!(out, "{}", t!(l, "free-count", slots = slots.len()))?;
    }
    writeln!(out, "{}", rules_kept(week, language))
}

/// "Regeln: Tagesfenster 09:00–18:00 · mindestens 15m Abstand im selben Raum · …": what
/// the slots keep to, so that a missing slot can be understood.
fn rules_kept(week: &Week, language: Language) -> String {
    let l = language;
    let rules = &week.rules;
    let offered = Window::offered(rules);
    let window = format!(
        "{}–{}",
        offered.start.map(|t| t.to_string()).unwrap_or_default(),
        offered.end.map(|t| t.to_string()).unwrap_or_default()
    );
    let default = rules.day_start.is_none() || rules.day_end.is_none();
    let mut kept = vec![if default {
        t!(l, "free-window-default", window = window)
    } else {
        t!(l, "free-window", window = window)
    }];
    if let Some(gap) = rules.min_gap {
        kept.push(t!(l, "free-gap", gap = gap.to_string()));
    }
    if !crate::rules::parallel_allowed(rules) {
        kept.push(t!(l, "free-no-parallel"));
    }
    if let Some(limit) = rules.max_hours_per_day {
        let minutes = (limit * 60.0).round().max(0.0) as u64;
        kept.push(t!(l, "free-limit", hours = text::hours(l, minutes)));
    }
    t!(l, "free-rules", rules = kept.join(" · "))
}

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
        let slots = free(&week, minutes(90), None, None, &[]);
        assert_eq!(spans(&slots), ["- 23 11:15 CEST 16:30 CEST"]);
        assert_eq!(slots[0].from.format("%H:%M").to_string(), "11:15");
        assert_eq!(slots[0].to.format("%H:%M").to_string(), "18:00");
        assert!(slots[0].admits(at("2020-06-23T16:30")));
        assert!(!slots[0].admits(at("2020-06-23T16:31")));
    }

    #[test]
    fn the_hour_the_clocks_skip_or_repeat_splits_a_night() {
        let mut week = week("2021-03-28", "2021-03-28");
        week.rules.day_start = crate::model::DayTime::parse("00:00");
        week.rules.day_end = crate::model::DayTime::parse("06:00");
        assert_eq!(
            spans(&free(&week, minutes(60), None, None, &[])),
            ["- 28 00:00 CET 01:59 CET", "- 28 03:00 CEST 05:00 CEST"]
        );
        let mut week = self::week("2021-10-31", "2021-10-31");
        week.rules.day_start = crate::model::DayTime::parse("00:00");
        week.rules.day_end = crate::model::DayTime::parse("06:00");
        assert_eq!(
            spans(&free(&week, minutes(60), None, None, &[])),
            ["- 31 00:00 CEST 01:59 CEST", "- 31 03:00 CET 05:00 CET"]
        );
    }

    #[test]
    fn a_speaker_or_a_room_is_free_only_when_available() {
        let mut week = week("2020-06-23", "2020-06-24");
        week.people.push(crate::model::Person {
            name: "Anna Beispiel".into(),
            available: Some(vec![
                crate::model::Interval::parse("2020-06-23T09:00/12:00").unwrap(),
            ]),
            ..Default::default()
        });
        let slots = free(&week, minutes(60), None, None, &["anna beispiel"]);
        assert_eq!(spans(&slots), ["- 23 09:00 CEST 11:00 CEST"]);
        week.rooms = Some(vec![crate::model::Room {
            id: "saal".into(),
            available: Some(vec![crate::model::Interval::parse("2020-06-24").unwrap()]),
            ..Default::default()
        }]);
        let slots = free(&week, minutes(60), None, None, &[]);
        assert_eq!(spans(&slots), ["saal 24 09:00 CEST 17:00 CEST"]);
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
        let slots = free(&week, minutes(45), None, None, &[]);
        assert_eq!(spans(&slots), ["- 24 09:00 CEST 17:15 CEST"]);
        assert!(free(&week, minutes(30), None, Some("saal"), &[]).is_empty());
    }
}
