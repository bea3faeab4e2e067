//! Generated VTIMEZONEs read back by ical.js, which ships no zone database and so takes every
//! offset from the VTIMEZONE itself, compared with chrono-tz at every hour of the years asked
//! for and around each transition; their shape checked with the `ical` crate; and the
//! transitions found compared with jiff's own tz database.

#[path = "support/icaljs.rs"]
mod icaljs;

use std::io::BufReader;

use chrono::{DateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;
use fora::export::ics::vtimezone::{transitions, vtimezone};

/// Single years around São Paulo's abolition of DST (2019), and spans of two years.
const SPANS: [(i32, i32); 7] = [
    (2017, 2017),
    (2018, 2018),
    (2019, 2019),
    (2020, 2020),
    (2018, 2019),
    (2020, 2021),
    (2025, 2026),
];

/// What the observances should look like.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Shape {
    /// A STANDARD and a DAYLIGHT, each a yearly RRULE.
    Yearly,
    /// One STANDARD without change.
    Fixed,
    /// Dated observances, with or without yearly ones.
    Mixed,
}

fn calendar(vtimezone: &str) -> String {
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//fora//vtimezone test//EN\r\n{vtimezone}END:VCALENDAR\r\n"
    )
}

fn offset(zone: Tz, t: i64) -> i32 {
    let at = DateTime::from_timestamp(t, 0).unwrap();
    zone.offset_from_utc_datetime(&at.naive_utc())
        .fix()
        .local_minus_utc()
}

fn new_year(year: i32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(year, 1, 1, 0, 0, 0).unwrap()
}

/// Every hour of the years `first..=last` in any local time, and every transition ±1 s.
fn check_offsets(zone: Tz, first: i32, last: i32, ics: &str) {
    let (from, to) = (
        new_year(first) - chrono::Duration::days(1),
        new_year(last + 1) + chrono::Duration::days(1),
    );
    let hours = icaljs::offsets(ics, zone.name(), from.timestamp(), to.timestamp(), 3600);
    assert_eq!(hours.len() as i64, (to - from).num_hours());
    for (t, got) in hours {
        assert_eq!(
            got,
            offset(zone, t),
            "{zone} {first}..={last}: ical.js's offset at {}",
            DateTime::from_timestamp(t, 0).unwrap()
        );
    }

    let changes = transitions(zone, from, to);
    let instants: Vec<i64> = changes
        .iter()
        .flat_map(|c| [-1, 0, 1].map(|d| c.at.timestamp() + d))
        .collect();
    for change in &changes {
        let at = change.at.timestamp();
        assert_eq!(
            offset(zone, at - 1),
            change.from.local_minus_utc(),
            "{change:?}"
        );
        assert_eq!(offset(zone, at), change.to.local_minus_utc(), "{change:?}");
    }
    if instants.is_empty() {
        return;
    }
    for (t, got) in icaljs::offsets_at(ics, zone.name(), &instants) {
        assert_eq!(
            got,
            offset(zone, t),
            "{zone} {first}..={last}: ical.js's offset at {} (a transition ±1 s)",
            DateTime::from_timestamp(t, 0).unwrap()
        );
    }
}

fn check_shape(zone: Tz, text: &str, shape: Shape) {
    assert!(text.starts_with("BEGIN:VTIMEZONE\r\nTZID:"), "{text}");
    assert!(text.ends_with("END:VTIMEZONE\r\n"), "{text}");
    for line in text.split_terminator("\r\n") {
        assert!(line.len() <= 75, "longer than 75 octets: {line}");
        assert!(!line.contains(['\r', '\n']), "a bare line break: {line:?}");
    }

    let ics = calendar(text);
    let mut parser = ical::IcalParser::new(BufReader::new(ics.as_bytes()));
    let calendar = parser
        .next()
        .expect("a calendar")
        .expect("the ical crate reads it");
    assert!(parser.next().is_none());
    assert_eq!(calendar.timezones.len(), 1);
    let timezone = &calendar.timezones[0];
    let names: Vec<&str> = timezone
        .properties
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names.first(), Some(&"TZID"));
    assert_eq!(timezone.properties[0].value.as_deref(), Some(zone.name()));
    assert!(
        !names.contains(&"DTSTAMP") && !names.contains(&"UID"),
        "{names:?}"
    );
    assert!(!timezone.transitions.is_empty());

    let mut yearly = 0;
    for observance in &timezone.transitions {
        let names: Vec<&str> = observance
            .properties
            .iter()
            .map(|p| p.name.as_str())
            .collect();
        for required in ["DTSTART", "TZOFFSETFROM", "TZOFFSETTO", "TZNAME"] {
            assert_eq!(
                names.iter().filter(|n| **n == required).count(),
                1,
                "{zone}: one {required} in {names:?}"
            );
        }
        for forbidden in ["DTSTAMP", "UID", "RDATE"] {
            assert!(
                !names.contains(&forbidden),
                "{zone}: {forbidden} in {names:?}"
            );
        }
        let value = |name: &str| {
            observance
                .properties
                .iter()
                .find(|p| p.name == name)
                .and_then(|p| p.value.clone())
                .unwrap_or_default()
        };
        let dtstart = value("DTSTART");
        assert_eq!(dtstart.len(), 15, "floating DATE-TIME: {dtstart}");
        if names.contains(&"RRULE") {
            yearly += 1;
            let rule = value("RRULE");
            assert!(rule.starts_with("FREQ=YEARLY;BYMONTH="), "{rule}");
            assert!(!rule.contains(','), "{rule}");
        }
    }
    let count = timezone.transitions.len();
    match shape {
        Shape::Yearly => assert_eq!((count, yearly), (2, 2), "{zone}:\n{text}"),
        Shape::Fixed => {
            assert_eq!((count, yearly), (1, 0), "{zone}:\n{text}");
            let observance = &timezone.transitions[0];
            assert!(matches!(
                observance.transition,
                ical::parser::ical::component::IcalTimeZoneTransitionType::STANDARD
            ));
            assert!(text.contains("DTSTART:19700101T000000\r\n"), "{text}");
        }
        Shape::Mixed => assert!(
            count > yearly,
            "{zone}: dated observances expected:\n{text}"
        ),
    }
}

fn check(zone: Tz, shape: impl Fn(i32, i32) -> Shape) {
    for (first, last) in SPANS {
        let text = vtimezone(zone, first, last);
        check_shape(zone, &text, shape(first, last));
        check_offsets(zone, first, last, &calendar(&text));
    }
}

#[test]
fn europe_berlin() {
    check(chrono_tz::Europe::Berlin, |_, _| Shape::Yearly);
}

#[test]
fn europe_london() {
    check(chrono_tz::Europe::London, |_, _| Shape::Yearly);
}

#[test]
fn america_new_york() {
    check(chrono_tz::America::New_York, |_, _| Shape::Yearly);
}

#[test]
fn america_sao_paulo() {
    // DST ended for good in February 2019; its start had moved in 2018.
    check(chrono_tz::America::Sao_Paulo, |first, _| {
        if first >= 2020 {
            Shape::Fixed
        } else {
            Shape::Mixed
        }
    });
    assert!(!vtimezone(chrono_tz::America::Sao_Paulo, 2018, 2019).contains("RRULE"));
    assert!(!vtimezone(chrono_tz::America::Sao_Paulo, 2019, 2019).contains("RRULE"));
}

#[test]
fn australia_sydney() {
    check(chrono_tz::Australia::Sydney, |_, _| Shape::Yearly);
}

#[test]
fn australia_lord_howe() {
    check(chrono_tz::Australia::Lord_Howe, |_, _| Shape::Yearly);
    let text = vtimezone(chrono_tz::Australia::Lord_Howe, 2020, 2020);
    assert!(text.contains("TZOFFSETTO:+1030\r\n") && text.contains("TZOFFSETTO:+1100\r\n"));
}

#[test]
fn asia_kolkata() {
    check(chrono_tz::Asia::Kolkata, |_, _| Shape::Fixed);
    assert!(vtimezone(chrono_tz::Asia::Kolkata, 2020, 2020).contains("TZOFFSETTO:+0530\r\n"));
}

#[test]
fn pacific_chatham() {
    check(chrono_tz::Pacific::Chatham, |_, _| Shape::Yearly);
    let text = vtimezone(chrono_tz::Pacific::Chatham, 2020, 2020);
    assert!(text.contains("TZOFFSETTO:+1245\r\n") && text.contains("TZOFFSETTO:+1345\r\n"));
}

#[test]
fn utc() {
    check(chrono_tz::UTC, |_, _| Shape::Fixed);
}

/// The transitions found by probing are the ones jiff's bundled tz database lists.
#[test]
fn transitions_agree_with_jiff() {
    let (from, to) = (new_year(2015), new_year(2027));
    for zone in [
        chrono_tz::Europe::Berlin,
        chrono_tz::Europe::London,
        chrono_tz::America::New_York,
        chrono_tz::America::Sao_Paulo,
        chrono_tz::Australia::Sydney,
        chrono_tz::Australia::Lord_Howe,
        chrono_tz::Asia::Kolkata,
        chrono_tz::Pacific::Chatham,
        chrono_tz::UTC,
    ] {
        let ours: Vec<(i64, i32, i32)> = transitions(zone, from, to)
            .iter()
            .filter(|t| t.from != t.to)
            .map(|t| {
                (
                    t.at.timestamp(),
                    t.from.local_minus_utc(),
                    t.to.local_minus_utc(),
                )
            })
            .collect();
        let jiff_zone = jiff::tz::TimeZone::get(zone.name()).unwrap();
        let start = jiff::Timestamp::from_second(from.timestamp()).unwrap();
        let mut before = jiff_zone.to_offset(start).seconds();
        let mut theirs = Vec::new();
        for t in jiff_zone.following(start) {
            let at = t.timestamp().as_second();
            if at > to.timestamp() {
                break;
            }
            let after = t.offset().seconds();
            if after != before {
                theirs.push((at, before, after));
            }
            before = after;
        }
        assert_eq!(ours, theirs, "{zone}");
    }
}

/// Every zone chrono-tz knows, for two spans: slow (a minute or two), so run on demand with
/// `cargo test --test vtimezone -- --ignored`.
#[test]
#[ignore]
fn every_zone() {
    let zones = &chrono_tz::TZ_VARIANTS;
    std::thread::scope(|scope| {
        for part in zones.chunks(zones.len().div_ceil(4)) {
            scope.spawn(move || {
                for &zone in part {
                    for (first, last) in [(2011, 2012), (2024, 2025)] {
                        let text = vtimezone(zone, first, last);
                        check_offsets(zone, first, last, &calendar(&text));
                    }
                }
            });
        }
    });
}
