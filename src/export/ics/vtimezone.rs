//! The VTIMEZONE of the week's zone, generated from the tz database chrono-tz carries.
//!
//! chrono-tz keeps its transitions to itself, so they are found by probing the offset every
//! few hours and bisecting to the second. A kind of transition that falls on the same
//! weekday rule in every year of the window becomes a yearly `RRULE` observance; any other
//! transition gets an observance of its own. A comma-separated multi-value `RDATE` is never
//! written: ical.js (Thunderbird) and vobject honour only its first value.
//!
//! The text is written line by line rather than with `icalendar` components, which would
//! add a DTSTAMP and a UID that a VTIMEZONE must not have.

use std::collections::BTreeMap;

use chrono::{
    DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc, Weekday,
};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

/// One change of a zone's offset (or, rarely, of its abbreviation or DST flag alone).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transition {
    /// The exact instant (to the second) of the change.
    pub at: DateTime<Utc>,
    /// The offset before.
    pub from: FixedOffset,
    /// The offset after.
    pub to: FixedOffset,
    /// TZNAME after the change: the zone's abbreviation, else numeric as tzdb writes it
    /// (`+1030`, `-03`).
    pub name: String,
    /// Whether the offset after is daylight saving time.
    pub daylight: bool,
}

/// Probe step: far shorter than any period between two real transitions.
const STEP: i64 = 3 * 3600;

/// Every transition of `zone` in `from < at <= to`, in order.
///
/// Changes are found by probing every three hours, so a change undone within three hours
/// would be missed; tzdb has none such in modern times.
pub fn transitions(zone: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Transition> {
    let state = |t: i64| zone.offset_from_utc_datetime(&instant(t).naive_utc());
    let (mut at, end) = (from.timestamp(), to.timestamp());
    let mut before = state(at);
    let mut found = Vec::new();
    while at < end {
        let next = (at + STEP).min(end);
        if state(next) == before {
            at = next;
            continue;
        }
        // The first second in (at, next] whose offset differs from the one at `at`.
        let (mut lo, mut hi) = (at, next);
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if state(mid) == before {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        let after = state(hi);
        found.push(Transition {
            at: instant(hi),
            from: before.fix(),
            to: after.fix(),
            name: name(&after),
            daylight: !after.dst_offset().is_zero(),
        });
        (at, before) = (hi, after);
    }
    found
}

/// The complete `BEGIN:VTIMEZONE ... END:VTIMEZONE\r\n` text, right for every instant of the
/// years `first..=last` (swapped if given the wrong way round; clamped to 1000..=9000).
///
/// Transitions are looked for one year beyond each end, so yearly rules can be recognised
/// and the edges are covered. Observances are ordered by onset, so the text depends on its
/// arguments alone.
pub fn vtimezone(zone: Tz, first: i32, last: i32) -> String {
    let (first, last) = (
        first.min(last).clamp(1000, 9000),
        first.max(last).clamp(1000, 9000),
    );
    let (window_start, window_end) = (new_year(first - 1), new_year(last + 2));
    // Every local instant of the years first..=last lies in (needed_start, needed_end].
    let needed_start = new_year(first) - chrono::Duration::days(1);
    let needed_end = new_year(last + 1) + chrono::Duration::days(1);
    let all = transitions(zone, window_start, window_end);

    let mut observances = Vec::new();
    if !all
        .iter()
        .any(|t| needed_start < t.at && t.at <= needed_end)
    {
        // Nothing changes in the years asked for: one observance for the offset in force.
        let now = zone.offset_from_utc_datetime(&needed_start.naive_utc());
        observances.push(initial(&now, first));
    } else {
        // Transitions of one kind (same offsets, name, DST flag), each year's in order.
        let mut kinds: BTreeMap<(bool, i32, i32, &str), Vec<&Transition>> = BTreeMap::new();
        for t in &all {
            let key = (
                t.daylight,
                t.from.local_minus_utc(),
                t.to.local_minus_utc(),
                t.name.as_str(),
            );
            kinds.entry(key).or_default().push(t);
        }
        let mut ruled = Vec::new();
        for group in kinds.values() {
            if let Some(rule) = yearly_rule(group, first - 1..=last + 1) {
                observances.push(Observance::of(group[0], Some(rule)));
                ruled.extend(group.iter().map(|t| t.at));
            }
        }
        // The last transition before the years asked for sets the offset they begin with.
        let previous = all.iter().rev().find(|t| t.at <= needed_start);
        if previous.is_none() {
            let then = zone.offset_from_utc_datetime(&window_start.naive_utc());
            observances.push(initial(&then, first));
        }
        let since = previous.map_or(window_start, |t| t.at);
        observances.extend(
            all.iter()
                .filter(|t| since <= t.at && t.at <= needed_end && !ruled.contains(&t.at))
                .map(|t| Observance::of(t, None)),
        );
    }
    observances.sort();

    let mut text = String::from("BEGIN:VTIMEZONE\r\n");
    text += &line("TZID", zone.name());
    text += &line("X-LIC-LOCATION", zone.name());
    for observance in &observances {
        observance.write(&mut text);
    }
    text += "END:VTIMEZONE\r\n";
    text
}

/// One STANDARD or DAYLIGHT component.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Observance {
    /// The onset as a UTC instant: the sort key.
    onset: DateTime<Utc>,
    /// DTSTART: the onset's wall time in the offset before it (RFC 5545 3.6.5).
    start: NaiveDateTime,
    from: i32,
    to: i32,
    name: String,
    daylight: bool,
    rrule: Option<String>,
}

impl Observance {
    fn of(t: &Transition, rrule: Option<String>) -> Self {
        Self {
            onset: t.at,
            start: t.at.with_timezone(&t.from).naive_local(),
            from: t.from.local_minus_utc(),
            to: t.to.local_minus_utc(),
            name: t.name.clone(),
            daylight: t.daylight,
            rrule,
        }
    }

    fn write(&self, text: &mut String) {
        let kind = if self.daylight {
            "DAYLIGHT"
        } else {
            "STANDARD"
        };
        *text += &format!("BEGIN:{kind}\r\n");
        *text += &line("DTSTART", &self.start.format("%Y%m%dT%H%M%S").to_string());
        if let Some(rrule) = &self.rrule {
            *text += &line("RRULE", rrule);
        }
        *text += &line("TZOFFSETFROM", &offset(self.from));
        *text += &line("TZOFFSETTO", &offset(self.to));
        *text += &line("TZNAME", &self.name);
        *text += &format!("END:{kind}\r\n");
    }
}

/// An observance without a change, in force from before the window on.
fn initial(state: &chrono_tz::TzOffset, first: i32) -> Observance {
    let offset = state.fix().local_minus_utc();
    let start = NaiveDate::from_ymd_opt(1970.min(first - 2), 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .expect("a year within 998..=1970 has a first of January");
    Observance {
        onset: start.and_utc() - chrono::Duration::seconds(offset.into()),
        start,
        from: offset,
        to: offset,
        name: name(state),
        daylight: !state.dst_offset().is_zero(),
        rrule: None,
    }
}

/// `FREQ=YEARLY;BYMONTH=m;BYDAY=nXX` when the transitions fall exactly once in each of `years`
/// on the same weekday rule at the same wall time, else nothing.
fn yearly_rule(group: &[&Transition], years: std::ops::RangeInclusive<i32>) -> Option<String> {
    let starts: Vec<NaiveDateTime> = group
        .iter()
        .map(|t| t.at.with_timezone(&t.from).naive_local())
        .collect();
    if !starts.iter().map(|s| s.year()).eq(years) {
        return None;
    }
    let one = starts[0];
    if !starts
        .iter()
        .all(|s| (s.month(), s.weekday(), s.time()) == (one.month(), one.weekday(), one.time()))
    {
        return None;
    }
    let nth = |s: &NaiveDateTime| (s.day() as i32 - 1) / 7 + 1;
    let last = |s: &NaiveDateTime| {
        s.date()
            .checked_add_days(chrono::Days::new(7))
            .map(|d| d.month())
            != Some(s.month())
    };
    let ordinal = if starts.iter().all(last) {
        -1
    } else if nth(&one) <= 4 && starts.iter().all(|s| nth(s) == nth(&one)) {
        nth(&one)
    } else {
        return None;
    };
    Some(format!(
        "FREQ=YEARLY;BYMONTH={};BYDAY={ordinal}{}",
        one.month(),
        weekday(one.weekday())
    ))
}

fn weekday(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

/// The abbreviation, or the numeric name tzdb uses where it has none (`+1030`, `-03`).
fn name(state: &chrono_tz::TzOffset) -> String {
    if let Some(name) = state.abbreviation() {
        return name.to_owned();
    }
    // tzdb drops whole-hour minutes: "-03", but "+1030".
    let numeric = offset(state.fix().local_minus_utc());
    match numeric.strip_suffix("00") {
        Some(hours) if numeric.len() == 5 => hours.to_owned(),
        _ => numeric,
    }
}

/// UTC-OFFSET (RFC 5545 3.3.14): `+HHMM`, with seconds only when there are some.
fn offset(seconds: i32) -> String {
    let (sign, seconds) = (if seconds < 0 { '-' } else { '+' }, seconds.abs());
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if s == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{s:02}")
    }
}

/// One folded content line with its CRLF.
fn line(key: &str, value: &str) -> String {
    let mut text = String::new();
    super::line::Line::new(&mut text, key).raw(value);
    text
}

fn instant(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).expect("probed instants lie within chrono's range")
}

fn new_year(year: i32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(year, 1, 1, 0, 0, 0)
        .single()
        .expect("every year in range has a first of January")
}

#[cfg(test)]
mod tests {
    use chrono_tz::{America, Asia, Australia, Europe, Pacific};

    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    fn hours(h: i32) -> FixedOffset {
        FixedOffset::east_opt(h * 3600).unwrap()
    }

    /// The observances as (kind, DTSTART, RRULE, FROM, TO, NAME), and every line checked.
    fn observances(text: &str) -> Vec<[String; 6]> {
        assert!(text.starts_with("BEGIN:VTIMEZONE\r\n"));
        assert!(text.ends_with("END:VTIMEZONE\r\n"));
        let mut found = Vec::new();
        let mut current: Option<[String; 6]> = None;
        for line in text.split_terminator("\r\n") {
            assert!(line.len() <= 75, "{line}");
            let (key, value) = line.split_once(':').unwrap();
            assert!(!["DTSTAMP", "UID", "RDATE"].contains(&key), "{line}");
            match (key, current.as_mut()) {
                ("BEGIN", None) if value != "VTIMEZONE" => {
                    let mut observance: [String; 6] = Default::default();
                    observance[0] = value.to_owned();
                    current = Some(observance);
                }
                ("END", Some(o)) => {
                    assert_eq!(o[0], value);
                    found.push(current.take().unwrap());
                }
                (_, Some(o)) => {
                    let slot = [
                        "",
                        "DTSTART",
                        "RRULE",
                        "TZOFFSETFROM",
                        "TZOFFSETTO",
                        "TZNAME",
                    ]
                    .iter()
                    .position(|k| *k == key)
                    .unwrap_or_else(|| panic!("unexpected {line}"));
                    assert!(o[slot].is_empty(), "twice: {line}");
                    o[slot] = value.to_owned();
                }
                _ => {}
            }
        }
        found
    }

    fn owned(rows: &[[&str; 6]]) -> Vec<[String; 6]> {
        rows.iter().map(|row| row.map(str::to_owned)).collect()
    }

    #[test]
    fn berlin_2020_changes_at_one_utc() {
        let found = transitions(
            Europe::Berlin,
            at("2020-01-01T00:00:00Z"),
            at("2021-01-01T00:00:00Z"),
        );
        assert_eq!(
            found,
            [
                Transition {
                    at: at("2020-03-29T01:00:00Z"),
                    from: hours(1),
                    to: hours(2),
                    name: "CEST".into(),
                    daylight: true,
                },
                Transition {
                    at: at("2020-10-25T01:00:00Z"),
                    from: hours(2),
                    to: hours(1),
                    name: "CET".into(),
                    daylight: false,
                },
            ]
        );
    }

    #[test]
    fn a_change_belongs_to_the_span_that_ends_with_it() {
        let change = at("2020-03-29T01:00:00Z");
        let second = chrono::Duration::seconds(1);
        assert_eq!(
            transitions(Europe::Berlin, change - second, change).len(),
            1
        );
        assert!(transitions(Europe::Berlin, change, change + second).is_empty());
    }

    #[test]
    fn half_hour_and_three_quarter_shifts() {
        let lord_howe = transitions(
            Australia::Lord_Howe,
            at("2020-01-01T00:00:00Z"),
            at("2021-01-01T00:00:00Z"),
        );
        let found: Vec<_> = lord_howe
            .iter()
            .map(|t| (t.at, t.to.local_minus_utc(), t.name.as_str(), t.daylight))
            .collect();
        assert_eq!(
            found,
            [
                (at("2020-04-04T15:00:00Z"), 37800, "+1030", false),
                (at("2020-10-03T15:30:00Z"), 39600, "+11", true),
            ]
        );
        let chatham = transitions(
            Pacific::Chatham,
            at("2020-01-01T00:00:00Z"),
            at("2021-01-01T00:00:00Z"),
        );
        let found: Vec<_> = chatham
            .iter()
            .map(|t| (t.at, t.to.local_minus_utc(), t.name.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (at("2020-04-04T14:00:00Z"), 45900, "+1245"),
                (at("2020-09-26T14:00:00Z"), 49500, "+1345"),
            ]
        );
    }

    #[test]
    fn berlin_is_two_yearly_rules() {
        let text = vtimezone(Europe::Berlin, 2020, 2020);
        assert!(text.starts_with("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"));
        let rules: Vec<[&str; 6]> = vec![
            [
                "DAYLIGHT",
                "20190331T020000",
                "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
                "+0100",
                "+0200",
                "CEST",
            ],
            [
                "STANDARD",
                "20191027T030000",
                "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
                "+0200",
                "+0100",
                "CET",
            ],
        ];
        assert_eq!(observances(&text), owned(&rules));
    }

    #[test]
    fn new_york_and_sydney_count_sundays_from_the_start() {
        let rules = |zone| -> Vec<String> {
            observances(&vtimezone(zone, 2024, 2025))
                .into_iter()
                .map(|o| o[2].clone())
                .collect()
        };
        assert_eq!(
            rules(America::New_York),
            [
                "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
                "FREQ=YEARLY;BYMONTH=11;BYDAY=1SU"
            ]
        );
        assert_eq!(
            rules(Australia::Sydney),
            [
                "FREQ=YEARLY;BYMONTH=4;BYDAY=1SU",
                "FREQ=YEARLY;BYMONTH=10;BYDAY=1SU"
            ]
        );
    }

    #[test]
    fn a_zone_without_changes_has_one_standard() {
        for (zone, offset, name) in [
            (Asia::Kolkata, "+0530", "IST"),
            (Tz::UTC, "+0000", "UTC"),
            (America::Sao_Paulo, "-0300", "-03"),
        ] {
            assert_eq!(
                observances(&vtimezone(zone, 2020, 2021)),
                [["STANDARD", "19700101T000000", "", offset, offset, name].map(str::to_owned)]
            );
        }
    }

    #[test]
    fn sao_paulo_is_dated_where_the_rule_changed() {
        let found = observances(&vtimezone(America::Sao_Paulo, 2018, 2019));
        let dated: Vec<[&str; 6]> = vec![
            ["DAYLIGHT", "20171015T000000", "", "-0300", "-0200", "-02"],
            ["STANDARD", "20180218T000000", "", "-0200", "-0300", "-03"],
            ["DAYLIGHT", "20181104T000000", "", "-0300", "-0200", "-02"],
            ["STANDARD", "20190217T000000", "", "-0200", "-0300", "-03"],
        ];
        assert_eq!(found, owned(&dated));
        // 2018 alone: the end of DST was still the third Sunday of February every year.
        let found = observances(&vtimezone(America::Sao_Paulo, 2018, 2018));
        assert_eq!(found[0][2], "FREQ=YEARLY;BYMONTH=2;BYDAY=3SU");
        assert!(found[1..].iter().all(|o| o[2].is_empty()));
    }

    #[test]
    fn the_offset_at_the_start_is_defined() {
        // Berlin had no DST in 1960: the offset then comes from an observance before it.
        let found = observances(&vtimezone(Europe::Berlin, 1960, 1960));
        assert_eq!(
            found,
            [["STANDARD", "19580101T000000", "", "+0100", "+0100", "CET"].map(str::to_owned)]
        );
    }

    #[test]
    fn output_depends_on_the_arguments_alone() {
        assert_eq!(
            vtimezone(Europe::London, 2020, 2021),
            vtimezone(Europe::London, 2021, 2020)
        );
    }

    #[test]
    fn offsets_and_names_are_written_like_tzdb() {
        assert_eq!(offset(37800), "+1030");
        assert_eq!(offset(-10800), "-0300");
        assert_eq!(offset(45900), "+1245");
        assert_eq!(offset(0), "+0000");
        assert_eq!(offset(-(4 * 3600 + 56 * 60 + 2)), "-045602");
    }
}
