//! Exported calendars read back by two independent parsers, neither of them the icalendar
//! crate that wrote them:
//!
//! - the `ical` crate, with each TZID resolved by jiff's own copy of the tz database;
//! - ical.js (Thunderbird's parser), which has no zone database and so must take every
//!   instant from the file's own VTIMEZONE.
//!
//! Every instant is compared to one computed from the week file by jiff.

#[path = "support/icaljs.rs"]
mod icaljs;

use std::collections::BTreeMap;
use std::io::BufReader;

use fora::Week;
use fora::export::ics::previous::Previous;
use fora::export::ics::{Calendar, Options};
use serde_json::{Value, json};

const WEEK_2020: &str = "schedules/engagementkongress-2020.json";
const GOLDEN_2020: &str = "tests/golden/engagementkongress-2020.ics";

fn export(week_json: &str) -> String {
    export_with(week_json, &Options::default(), None)
}

fn export_with(week_json: &str, options: &Options, previous: Option<&str>) -> String {
    let week = Week::from_json(week_json).expect("a valid week");
    let previous = previous.map(|text| Previous::parse(text).expect("a readable calendar"));
    let mut out = Vec::new();
    Calendar::new(
        &week,
        week.language(),
        &week.fora,
        options,
        previous.as_ref(),
    )
    .write(&mut out)
    .unwrap();
    String::from_utf8(out).expect("UTF-8")
}

/// One property as the `ical` crate reads it: its value and its TZID, if any.
#[derive(Clone, Debug, PartialEq)]
struct Prop {
    value: String,
    tzid: Option<String>,
}

/// Every VEVENT, as its properties by name, read by the `ical` crate.
fn events(calendar: &str) -> Vec<BTreeMap<String, Prop>> {
    let mut calendars = ical::IcalParser::new(BufReader::new(calendar.as_bytes()));
    let parsed = calendars.next().expect("one calendar").expect("parsed");
    assert!(calendars.next().is_none(), "exactly one VCALENDAR");
    parsed
        .events
        .into_iter()
        .map(|event| {
            event
                .properties
                .into_iter()
                .map(|p| {
                    let tzid = p
                        .params
                        .iter()
                        .flatten()
                        .find_map(|(name, values)| (name == "TZID").then(|| values.join(",")));
                    let value = p.value.unwrap_or_default();
                    (p.name, Prop { value, tzid })
                })
                .collect()
        })
        .collect()
}

/// RFC 5545 TEXT unescaping, written here so the check does not trust the writer's crate.
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A DATE-TIME as Unix seconds: `…Z` in UTC, else local in its TZID, resolved by jiff.
fn instant(prop: &Prop) -> i64 {
    let value = &prop.value;
    let (zone, local) = match (value.strip_suffix('Z'), &prop.tzid) {
        (Some(utc), None) => (jiff::tz::TimeZone::UTC, utc),
        (None, Some(tzid)) => (jiff::tz::TimeZone::get(tzid).unwrap(), value.as_str()),
        other => panic!("a DATE-TIME with TZID or in UTC, not {other:?}: {value}"),
    };
    let civil = jiff::civil::DateTime::strptime("%Y%m%dT%H%M%S", local)
        .unwrap_or_else(|e| panic!("{value}: {e}"));
    // RFC 5545 3.3.5: a local time that happens twice means the first.
    zone.to_ambiguous_timestamp(civil)
        .earlier()
        .unwrap()
        .as_second()
}

/// The forum's start and end in Unix seconds, from its local start in `zone`, by jiff.
fn expected(zone: &str, start: &str, minutes: i64) -> (i64, i64) {
    let zone = jiff::tz::TimeZone::get(zone).unwrap();
    let civil: jiff::civil::DateTime = start.parse().unwrap();
    let start = zone
        .to_ambiguous_timestamp(civil)
        .earlier()
        .unwrap()
        .as_second();
    (start, start + minutes * 60)
}

fn minutes(duration: &Value) -> i64 {
    match duration {
        Value::Number(n) => n.as_i64().unwrap(),
        Value::String(s) => i64::from(fora::Duration::parse(s).unwrap().minutes()),
        other => panic!("{other}"),
    }
}

/// Exports `week_json` and checks every event against the week file with both parsers.
fn assert_instants_match(week_json: &str) -> usize {
    let week: Value = serde_json::from_str(week_json).unwrap();
    let zone = week["timezone"].as_str().unwrap();
    let calendar = export(week_json);
    assert_lines_are_sound(&calendar);
    assert_eq!(calendar.matches("BEGIN:VTIMEZONE").count(), 1);
    let events = events(&calendar);
    let thunderbird = icaljs::events(&calendar);
    assert_eq!(thunderbird.len(), events.len());
    let mut seen = 0;
    for forum in week["fora"].as_array().unwrap() {
        let Some(start) = forum["start"].as_str() else {
            continue;
        };
        let id = forum["id"].as_str().unwrap();
        let uid_prefix = format!("{id}.");
        let event = events
            .iter()
            .find(|e| e["UID"].value.starts_with(&uid_prefix))
            .unwrap_or_else(|| panic!("no event for {id}"));
        let (from, to) = expected(zone, start, minutes(&forum["duration"]));
        assert_eq!(instant(&event["DTSTART"]), from, "{zone} {id} start");
        assert_eq!(instant(&event["DTEND"]), to, "{zone} {id} end");
        for name in ["DTSTART", "DTEND"] {
            let prop = &event[name];
            if prop.tzid.is_none() {
                // Only a local time that happens twice may be written in UTC instead.
                let tz = jiff::tz::TimeZone::get(zone).unwrap();
                let at = jiff::Timestamp::from_second(instant(prop)).unwrap();
                let local = tz.to_datetime(at);
                assert!(
                    tz.to_ambiguous_timestamp(local).is_ambiguous(),
                    "{zone} {id}: {name} in UTC though its local time is unambiguous"
                );
            } else {
                assert_eq!(prop.tzid.as_deref(), Some(zone), "{id} {name}");
            }
        }
        assert_eq!(
            unescape(&event["SUMMARY"].value),
            forum["title"].as_str().unwrap()
        );
        let read = thunderbird
            .iter()
            .find(|e| e["uid"].as_str().unwrap().starts_with(&uid_prefix))
            .unwrap();
        assert_eq!(read["start"], from, "ical.js: {zone} {id} start");
        assert_eq!(read["end"], to, "ical.js: {zone} {id} end");
        seen += 1;
    }
    assert_eq!(events.len(), seen, "one event per scheduled forum");
    seen
}

/// CRLF only, and no physical line longer than 75 octets.
fn assert_lines_are_sound(calendar: &str) {
    assert!(calendar.ends_with("\r\n"));
    for line in calendar.split_inclusive("\r\n") {
        let content = line.strip_suffix("\r\n").expect("every line ends in CRLF");
        assert!(
            !content.contains('\r') && !content.contains('\n'),
            "bare CR or LF in {content:?}"
        );
        assert!(content.len() <= 75, "{} octets: {content:?}", content.len());
    }
}

fn week_2020() -> String {
    std::fs::read_to_string(WEEK_2020).unwrap()
}

#[test]
fn the_2020_week_has_15_events_at_the_right_instants() {
    let text = week_2020();
    assert_eq!(assert_instants_match(&text), 15);
    let calendar = export(&text);
    // Berlin is UTC+2 in June: the opening at 10:00 is 08:00 UTC, by the file's own rules.
    let opening = icaljs::events(&calendar)
        .into_iter()
        .find(|e| e["uid"].as_str().unwrap().starts_with("eroeffnung."))
        .unwrap();
    assert_eq!(opening["start"], 1_592_899_200);
    assert_eq!(opening["end"], 1_592_902_800);
    assert_eq!(opening["location"], "Plenum (Videokonferenz)");
    assert_eq!(opening["url"], "https://example.org/join/plenum");
    assert_eq!(opening["status"], "CONFIRMED");
    assert_eq!(opening["sequence"], 0);
    let conference = &opening["conference"][0];
    assert_eq!(conference["value"], "https://example.org/join/plenum");
    assert_eq!(conference["params"]["feature"], "VIDEO");
    assert_eq!(conference["params"]["label"], "Plenum (Videokonferenz)");
    assert!(
        opening["description"]
            .as_str()
            .unwrap()
            .starts_with("Teilnehmen: https://example.org/join/plenum\n")
    );
    // The Berlin VTIMEZONE is written as yearly rules, which Outlook reads.
    let zone = &calendar[calendar.find("BEGIN:VTIMEZONE").unwrap()..];
    assert!(zone.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"));
    assert!(zone.contains("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"));
}

#[test]
fn the_2020_week_matches_its_golden_file() {
    let calendar = export(&week_2020());
    if std::env::var_os("FORA_BLESS").is_some() {
        std::fs::write(GOLDEN_2020, &calendar).unwrap();
    }
    let golden = std::fs::read_to_string(GOLDEN_2020).unwrap();
    assert!(
        calendar == golden,
        "the export differs from {GOLDEN_2020}; if the change is intended, run \
         `FORA_BLESS=1 cargo test --test calendar` and review the diff"
    );
}

#[test]
fn the_header_names_the_week_its_zone_and_refresh() {
    let options = Options {
        refresh: fora::Duration::parse("1h30m").unwrap(),
        alarm: None,
        ..Options::default()
    };
    let calendar = export_with(&week_2020(), &options, None);
    let header = &calendar[..calendar.find("BEGIN:VTIMEZONE").unwrap()];
    let lines: Vec<&str> = header.split("\r\n").collect();
    for expected in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        concat!("PRODID:-//fora//fora ", env!("CARGO_PKG_VERSION"), "//EN"),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "NAME;LANGUAGE=de:Digitale Engagementkongresswoche NRW 2020",
        "X-WR-CALNAME;LANGUAGE=de:Digitale Engagementkongresswoche NRW 2020",
        "X-WR-TIMEZONE:Europe/Berlin",
        "REFRESH-INTERVAL;VALUE=DURATION:PT1H30M",
        "X-PUBLISHED-TTL:PT1H30M",
    ] {
        assert!(lines.contains(&expected), "{expected} in {header}");
    }
    assert_eq!(calendar.matches("PRODID").count(), 1);
    assert!(header.contains("X-WR-CALDESC;LANGUAGE=de:Die Digitale Engagementkongresswoche NRW"));
}

#[test]
fn every_week_file_exports_at_the_right_instants() {
    for file in std::fs::read_dir("schedules").unwrap() {
        let path = file.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        // The draft has a duplicate id and a start that does not exist: compare the rest.
        if path.ends_with("draft-with-conflicts.json") {
            let mut week: Value = serde_json::from_str(&text).unwrap();
            let fora = week["fora"].as_array_mut().unwrap();
            fora.retain(|f| f["id"] != "abschluss" && f["id"] != "sommerzeit");
            assert_instants_match(&week.to_string());
        } else {
            assert!(assert_instants_match(&text) > 0, "{}", path.display());
        }
    }
}

#[test]
fn weeks_across_daylight_saving_changes_in_many_zones() {
    // Each week spans a change of offset in its zone (or none, for zones without one).
    let weeks = [
        ("Europe/Berlin", "2021-03-26", "2021-03-29"),
        ("Europe/Berlin", "2021-10-29", "2021-11-01"),
        ("Europe/London", "2021-03-26", "2021-03-29"),
        ("Europe/London", "2021-12-30", "2022-01-02"),
        ("America/New_York", "2021-11-05", "2021-11-08"),
        ("America/Sao_Paulo", "2018-11-02", "2018-11-05"),
        ("America/Sao_Paulo", "2019-02-15", "2019-02-18"),
        ("America/Sao_Paulo", "2020-06-23", "2020-06-26"),
        ("Australia/Sydney", "2021-04-02", "2021-04-05"),
        ("Australia/Sydney", "2021-10-01", "2021-10-04"),
        ("Australia/Lord_Howe", "2021-04-02", "2021-04-05"),
        ("Australia/Lord_Howe", "2021-10-01", "2021-10-04"),
        ("Asia/Kolkata", "2021-03-26", "2021-03-29"),
        ("Pacific/Chatham", "2021-04-02", "2021-04-05"),
        ("Pacific/Chatham", "2021-09-24", "2021-09-27"),
        ("UTC", "2021-03-26", "2021-03-29"),
    ];
    for (zone, start, end) in weeks {
        let first = jiff::civil::Date::strptime("%Y-%m-%d", start).unwrap();
        let fora: Vec<Value> = (0..4)
            .flat_map(|day| [0, 90, 150, 165, 420, 600, 1380].map(move |minute| (day, minute)))
            .filter_map(|(day, minute): (i64, i64)| {
                let date = first.checked_add(jiff::Span::new().days(day)).unwrap();
                let local = date.at((minute / 60) as i8, (minute % 60) as i8, 0, 0);
                // Starts that the zone skips are findings, not events: leave them out here.
                let tz = jiff::tz::TimeZone::get(zone).unwrap();
                if matches!(
                    tz.to_ambiguous_timestamp(local).offset(),
                    jiff::tz::AmbiguousOffset::Gap { .. }
                ) {
                    return None;
                }
                Some(json!({
                    "id": format!("f{day}-{minute}"),
                    "title": format!("Forum {day} {minute}"),
                    "start": local.strftime("%Y-%m-%dT%H:%M").to_string(),
                    "duration": 45 + minute % 120,
                }))
            })
            .collect();
        let week = json!({"name": format!("Week in {zone}"), "timezone": zone, "start": start, "end": end, "fora": fora});
        assert!(assert_instants_match(&week.to_string()) >= 20, "{zone}");
    }
}

#[test]
fn hostile_text_stays_one_event_with_its_text_intact() {
    let title = "Line one\r\nline two\rthree; four, five \\ six\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:injected";
    let long = "Ä".repeat(100) + "😀 ende";
    let week = json!({
        "name": "Woche; mit, Zeichen \\ und\nUmbruch", "timezone": "Europe/Berlin", "start": "2020-06-23", "end": "2020-06-23",
        "rooms": [{"id": "r", "name": "Raum; A, \"B\"", "url": "https://example.org/x?a=1;b=2"}],
        "fora": [
            {"id": "evil", "title": title, "start": "2020-06-23T10:00", "duration": 30, "room": "r",
             "speakers": ["A, B", "C; D"], "description": long},
            {"id": "next", "title": "Danach", "start": "2020-06-23T11:00", "duration": 30, "room": "r"}
        ]
    });
    let options = Options {
        alarm: Some(fora::Duration::parse("15m").unwrap()),
        ..Options::default()
    };
    let calendar = export_with(&week.to_string(), &options, None);
    assert_lines_are_sound(&calendar);
    let expected_title =
        "Line one\nline two\nthree; four, five \\ six\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:injected";
    let events = events(&calendar);
    assert_eq!(events.len(), 2);
    let evil = &events[0];
    assert_eq!(unescape(&evil["SUMMARY"].value), expected_title);
    assert_eq!(unescape(&evil["LOCATION"].value), "Raum; A, \"B\"");
    assert!(unescape(&evil["DESCRIPTION"].value).ends_with(&long));
    assert!(unescape(&evil["DESCRIPTION"].value).contains("A, B, C; D"));
    assert_eq!(evil["URL"].value, "https://example.org/x?a=1;b=2");
    assert_eq!(events[1]["SUMMARY"].value, "Danach");
    let read = icaljs::events(&calendar);
    assert_eq!(read.len(), 2);
    assert_eq!(read[0]["summary"], expected_title);
    assert_eq!(read[0]["conference"][0]["params"]["label"], "Raum; A, B");
    assert_eq!(read[0]["alarms"][0]["description"], expected_title);
    assert_eq!(read[1]["summary"], "Danach");
}

#[test]
fn uids_come_from_the_ids_alone() {
    let uids = |week: &Value| -> Vec<String> {
        events(&export(&week.to_string()))
            .iter()
            .map(|e| e["UID"].value.clone())
            .collect()
    };
    let original: Value = serde_json::from_str(&week_2020()).unwrap();
    let before = uids(&original);
    assert!(
        before.contains(&"eroeffnung.digitale-engagementkongresswoche-nrw-2020.fora".to_owned())
    );
    let changes: [(&str, Value); 6] = [
        ("name", json!("Engagementwoche NRW 2020, umbenannt")),
        ("description", json!("Neu beschrieben.")),
        ("language", json!("en")),
        ("timezone", json!("Europe/London")),
        ("start", json!("2020-06-22")),
        ("end", json!("2020-06-27")),
    ];
    for (key, value) in changes {
        let mut week = original.clone();
        week[key] = value;
        let mut after = uids(&week);
        let mut expected = before.clone();
        after.sort();
        expected.sort();
        assert_eq!(after, expected, "{key}");
    }
    // A file without id keeps the UIDs of its name and first day, published before ids.
    let mut legacy = original.clone();
    legacy.as_object_mut().unwrap().remove("id");
    assert!(uids(&legacy).contains(
        &"eroeffnung.20200623@digitale-engagementkongresswoche-nrw-2020.fora".to_owned()
    ));
    legacy["id"] = json!("20200623@digitale-engagementkongresswoche-nrw-2020");
    legacy["name"] = json!("Umbenannt");
    assert!(uids(&legacy).contains(
        &"eroeffnung.20200623@digitale-engagementkongresswoche-nrw-2020.fora".to_owned()
    ));
}

#[test]
fn uids_are_stable_and_unique() {
    let text = std::fs::read_to_string("schedules/engagementkongress-2015.json").unwrap();
    let first = events(&export(&text));
    let uids: std::collections::BTreeSet<_> =
        first.iter().map(|e| e["UID"].value.clone()).collect();
    assert_eq!(uids.len(), first.len());
    assert!(uids.contains("lernkarussell-luenen.engagementkongress-nrw-2015.fora"));
    // Same file, same bytes.
    assert_eq!(export(&text), export(&text));
    // DTSTAMP comes from the file, never the clock: the week's first midnight in its zone.
    assert!(
        first
            .iter()
            .all(|e| e["DTSTAMP"].value == "20151105T230000Z")
    );
}

#[test]
fn a_large_calendar_lists_its_events_by_start_then_as_the_file_does() {
    // More events than the writer makes at a time, a hundred at each start, with ids in
    // another order than the file's: the file's order is kept.
    let id = |i: usize| format!("f{:03}", (i * 337) % 700);
    let fora: Vec<Value> = (0..700)
        .map(|i| {
            json!({
                "id": id(i),
                "title": format!("Forum {}", id(i)),
                "start": format!("2020-06-2{}T10:00", 3 + i / 100 % 4),
                "duration": 30 + i / 400 * 15,
            })
        })
        .collect();
    let week = json!({
        "name": "Large", "timezone": "Europe/Berlin",
        "start": "2020-06-23", "end": "2020-06-26", "fora": fora,
    });
    let calendar = export(&week.to_string());
    assert_lines_are_sound(&calendar);
    let events = events(&calendar);
    assert_eq!(events.len(), 700);
    let place: BTreeMap<String, usize> = (0..700).map(|i| (id(i), i)).collect();
    let keys: Vec<(i64, usize)> = events
        .iter()
        .map(|e| {
            let uid = &e["UID"].value;
            let id = uid.split('.').next().unwrap();
            assert_eq!(e["SUMMARY"].value, format!("Forum {id}"), "{uid}");
            (instant(&e["DTSTART"]), place[id])
        })
        .collect();
    assert!(keys.is_sorted(), "not by start, then in file order");
    let places: std::collections::BTreeSet<usize> = keys.iter().map(|&(_, i)| i).collect();
    assert_eq!(places.len(), 700);
}

#[test]
fn an_alarm_reminds_before_each_forum_that_takes_place() {
    let mut week: Value = serde_json::from_str(&week_2020()).unwrap();
    week["fora"][0]["status"] = json!("cancelled");
    let options = Options {
        alarm: Some(fora::Duration::parse("15m").unwrap()),
        ..Options::default()
    };
    let read = icaljs::events(&export_with(&week.to_string(), &options, None));
    assert_eq!(read.len(), 15);
    for event in &read {
        let alarms = event["alarms"].as_array().unwrap();
        if event["status"] == "CANCELLED" {
            assert!(alarms.is_empty(), "no reminder of a cancelled forum");
        } else {
            assert_eq!(alarms.len(), 1);
            assert_eq!(alarms[0]["action"], "DISPLAY");
            assert_eq!(alarms[0]["trigger"], "-PT15M");
            assert_eq!(alarms[0]["description"], event["summary"]);
        }
    }
}

/// The 2020 week with `change` applied to its JSON, stamped as updated later.
fn changed_2020(change: impl FnOnce(&mut Vec<Value>)) -> String {
    let mut week: Value = serde_json::from_str(&week_2020()).unwrap();
    week["updated"] = json!("2020-06-22T12:00:00Z");
    change(week["fora"].as_array_mut().unwrap());
    week.to_string()
}

/// The VEVENT blocks of a calendar by UID, as written.
fn blocks(calendar: &str) -> BTreeMap<String, String> {
    let unfolded = calendar.replace("\r\n ", "");
    unfolded
        .split("BEGIN:VEVENT\r\n")
        .skip(1)
        .map(|block| {
            let uid = block.lines().find_map(|l| l.strip_prefix("UID:")).unwrap();
            (uid.to_owned(), block.to_owned())
        })
        .collect()
}

#[test]
fn re_exporting_an_unchanged_week_gives_the_same_bytes() {
    let first = export(&week_2020());
    assert_eq!(
        export_with(&week_2020(), &Options::default(), Some(&first)),
        first
    );
    // Also when only `updated` moved on: nothing attendees see has changed.
    let later = changed_2020(|_| {});
    assert_eq!(
        export_with(&later, &Options::default(), Some(&first)),
        first
    );
}

#[test]
fn a_move_raises_the_sequence_of_that_forum_and_nothing_else() {
    let first = export(&week_2020());
    let moved = changed_2020(|fora| fora[1]["start"] = json!("2020-06-23T16:00"));
    let second = export_with(&moved, &Options::default(), Some(&first));
    let (before, after) = (blocks(&first), blocks(&second));
    assert_eq!(before.len(), after.len());
    let differing: Vec<&String> = before
        .keys()
        .filter(|uid| before[*uid] != after[*uid])
        .collect();
    assert_eq!(differing.len(), 1, "only the moved forum changes");
    assert!(differing[0].starts_with("fachforum-kommunale-engagementfoerderung."));
    // Within it: a new time, SEQUENCE one up, LAST-MODIFIED and DTSTAMP from `updated`.
    let old: Vec<&str> = before[differing[0]].lines().collect();
    let new: Vec<&str> = after[differing[0]].lines().collect();
    let changed: Vec<(&str, &str)> = old
        .iter()
        .zip(new.iter().filter(|l| !l.starts_with("LAST-MODIFIED:")))
        .filter(|(a, b)| a != b)
        .map(|(a, b)| (*a, *b))
        .collect();
    assert_eq!(
        changed,
        [
            ("DTSTAMP:20200622T220000Z", "DTSTAMP:20200622T120000Z"),
            ("SEQUENCE:0", "SEQUENCE:1"),
            (
                "DTSTART;TZID=Europe/Berlin:20200623T113000",
                "DTSTART;TZID=Europe/Berlin:20200623T160000"
            ),
            (
                "DTEND;TZID=Europe/Berlin:20200623T130000",
                "DTEND;TZID=Europe/Berlin:20200623T173000"
            ),
        ]
    );
    assert!(new.contains(&"LAST-MODIFIED:20200622T120000Z"));
    assert_eq!(new.len(), old.len() + 1);
    // Clients read the move as the newer version of the same event.
    let read = icaljs::events(&second);
    let forum = read
        .iter()
        .find(|e| {
            e["uid"]
                .as_str()
                .unwrap()
                .starts_with("fachforum-kommunale")
        })
        .unwrap();
    assert_eq!(forum["sequence"], 1);
    assert_eq!(forum["start"], 1_592_920_800); // 16:00 CEST
    // A second move raises it once more; exporting again changes nothing.
    let again = changed_2020(|fora| fora[1]["start"] = json!("2020-06-23T17:00"));
    let third = export_with(&again, &Options::default(), Some(&second));
    assert!(third.contains("SEQUENCE:2"));
    assert_eq!(
        export_with(&again, &Options::default(), Some(&third)),
        third
    );
}

#[test]
fn a_removed_forum_comes_back_cancelled_and_stays_so() {
    let first = export(&week_2020());
    let removed = changed_2020(|fora| {
        fora.remove(2);
    });
    let second = export_with(&removed, &Options::default(), Some(&first));
    let read = icaljs::events(&second);
    assert_eq!(read.len(), 15, "the removed forum is still there");
    let gone = read
        .iter()
        .find(|e| {
            e["uid"]
                .as_str()
                .unwrap()
                .starts_with("praxis-ehrenamtskoordination-kreis.")
        })
        .unwrap();
    assert_eq!(gone["status"], "CANCELLED");
    assert_eq!(gone["sequence"], 1);
    assert_eq!(
        gone["summary"],
        "Abgesagt: Praxisbeispiel: Ehrenamtskoordination im Kreis"
    );
    assert_eq!(gone["last_modified"], "20200622T120000Z");
    // Its time is unchanged: 14:00 CEST on the first day.
    assert_eq!(gone["start"], 1_592_913_600);
    assert_eq!(
        read.iter().filter(|e| e["status"] == "CANCELLED").count(),
        1
    );
    // Chained on, the cancellation is kept as it is.
    let third = export_with(&removed, &Options::default(), Some(&second));
    assert_eq!(third, second);
}

#[test]
fn a_cancelled_forum_stays_in_the_calendar_marked_so() {
    let first = export(&week_2020());
    let cancelled = changed_2020(|fora| fora[0]["status"] = json!("cancelled"));
    let english = cancelled.replace("\"language\":\"de\"", "\"language\":\"en\"");
    for (week, prefix) in [(&cancelled, "Abgesagt: "), (&english, "Cancelled: ")] {
        let second = export_with(week, &Options::default(), Some(&first));
        let read = icaljs::events(&second);
        assert_eq!(read.len(), 15);
        let opening = &read[0];
        assert_eq!(opening["status"], "CANCELLED");
        assert_eq!(opening["sequence"], 1);
        assert_eq!(
            opening["summary"],
            format!("{prefix}Gemeinsames Eröffnungsgespräch")
        );
    }
}

#[test]
fn a_previous_calendar_from_another_zone_is_cancelled_in_this_one() {
    // The week moved to London under another id: old events are gone (other UIDs) and come
    // back cancelled in Europe/London.
    let first = export(&week_2020());
    let mut week: Value = serde_json::from_str(&week_2020()).unwrap();
    week["timezone"] = json!("Europe/London");
    week["id"] = json!("another-week");
    let second = export_with(&week.to_string(), &Options::default(), Some(&first));
    assert_eq!(second.matches("BEGIN:VTIMEZONE").count(), 1);
    let read = icaljs::events(&second);
    assert_eq!(read.len(), 30);
    let (was, old): (Vec<&Value>, Vec<&Value>) =
        read.iter().partition(|e| e["status"] == "CANCELLED");
    assert_eq!((was.len(), old.len()), (15, 15));
    // The cancelled opening is still at 08:00 UTC, though written in London time.
    let opening = was
        .iter()
        .find(|e| e["uid"].as_str().unwrap().starts_with("eroeffnung."))
        .unwrap();
    assert_eq!(opening["start"], 1_592_899_200);
    assert_eq!(opening["tzid"], "Europe/London");
}
