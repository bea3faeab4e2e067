use chrono::{NaiveDate, NaiveDateTime};

use super::*;
use crate::model::{Forum, Room};

fn week() -> Week {
    let day = |d| NaiveDate::from_ymd_opt(2021, 10, d).unwrap();
    let mut week = Week::new("Woche", chrono_tz::Europe::Berlin, day(30), day(31));
    week.id = Some("woche-2021".into());
    week.rooms = Some(vec![
        Room {
            id: "a".into(),
            name: "Plenum".into(),
            ..Room::default()
        },
        Room {
            id: "b".into(),
            name: "Plenum".into(),
            ..Room::default()
        },
    ]);
    week
}

fn forum(id: &str, start: &str, minutes: u32, room: &str) -> Forum {
    Forum {
        id: id.into(),
        title: id.to_uppercase(),
        start: Some(NaiveDateTime::parse_from_str(start, "%Y-%m-%dT%H:%M").unwrap()),
        duration: Duration::from_minutes(minutes).unwrap(),
        room: Some(room.into()),
        ..Forum::default()
    }
}

#[test]
fn acronyms_take_no_hyphen_and_have_four_characters() {
    let mut week = week();
    assert_eq!(acronym(&week), "woche_2021");
    week.id = Some("Ab".into());
    assert_eq!(acronym(&week), "ab__");
    week.id = Some("20200623@digitale-woche.nrw".into());
    assert_eq!(acronym(&week), "20200623_digitale_woche_nrw");
    week.id = None;
    assert_eq!(acronym(&week), "woche");
}

#[test]
fn slugs_are_unique_and_end_in_a_letter_or_digit() {
    let mut week = week();
    week.fora = ["Eröffnung-", "A", "a", "ab_", "lang-genug"]
        .iter()
        .map(|id| Forum {
            id: (*id).into(),
            ..Forum::default()
        })
        .collect();
    // The loader takes no umlaut in an id; here only the case and the ends matter.
    week.fora[0].id = "Eroeffnung-".into();
    assert_eq!(
        slugs(&week, "woche_2021"),
        [
            "woche_2021-eroeffnung",
            "woche_2021-forum-a",
            "woche_2021-forum-a-2",
            "woche_2021-forum-ab",
            "woche_2021-lang-genug"
        ]
    );
}

#[test]
fn the_timeslot_divides_every_start_length_and_the_hour() {
    let mut week = week();
    week.fora = vec![
        forum("eins", "2021-10-30T10:00", 90, "a"),
        forum("zwei", "2021-10-30T12:15", 45, "a"),
    ];
    assert_eq!(
        Schedule::new(&week, Language::De, None).conference.timeslot,
        15
    );
    week.fora.push(forum("drei", "2021-10-30T14:05", 60, "a"));
    assert_eq!(
        Schedule::new(&week, Language::De, None).conference.timeslot,
        5
    );
    week.fora.clear();
    assert_eq!(
        Schedule::new(&week, Language::De, None).conference.timeslot,
        60
    );
}

#[test]
fn a_forum_across_midnight_and_the_clock_change_is_on_its_first_day_which_covers_it() {
    let mut week = week();
    week.rules.day_start = DayTime::parse("09:00");
    week.rules.day_end = DayTime::parse("18:00");
    // 30 October 23:00 CEST for four hours: to 02:00 CET on the 31st, after the clocks went back.
    week.fora = vec![forum("nacht", "2021-10-30T23:00", 240, "a")];
    let schedule = Schedule::new(&week, Language::En, None);
    let [first, second] = &schedule.days[..] else {
        panic!("two days");
    };
    let event = &first.rooms[0][0];
    assert_eq!(rfc3339(event.start), "2021-10-30T23:00:00+02:00");
    assert_eq!(rfc3339(event.end), "2021-10-31T02:00:00+01:00");
    assert_eq!(rfc3339(first.start), "2021-10-30T09:00:00+02:00");
    assert_eq!(first.end, event.end);
    assert!(second.rooms.iter().all(Vec::is_empty));
    assert_eq!(rfc3339(second.start), "2021-10-31T09:00:00+01:00");
    assert_eq!(rfc3339(second.end), "2021-10-31T18:00:00+01:00");
    assert_eq!((first.index, second.index), (1, 2));
}

#[test]
fn without_rules_a_day_runs_from_its_first_forum_to_its_last_else_the_whole_day() {
    let mut week = week();
    week.fora = vec![
        forum("spaet", "2021-10-30T14:00", 60, "a"),
        forum("frueh", "2021-10-30T10:00", 30, "b"),
    ];
    let schedule = Schedule::new(&week, Language::En, None);
    let first = &schedule.days[0];
    assert_eq!(rfc3339(first.start), "2021-10-30T10:00:00+02:00");
    assert_eq!(rfc3339(first.end), "2021-10-30T15:00:00+02:00");
    // Midnight to midnight, a day of 25 hours.
    let second = &schedule.days[1];
    assert_eq!(rfc3339(second.start), "2021-10-31T00:00:00+02:00");
    assert_eq!(rfc3339(second.end), "2021-11-01T00:00:00+01:00");
    // Two declared rooms of one name are one room of the schedule, its events by start.
    assert_eq!(schedule.rooms.len(), 1);
    let slugs: Vec<&str> = first.rooms[0].iter().map(|e| e.slug.as_str()).collect();
    assert_eq!(slugs, ["woche_2021-frueh", "woche_2021-spaet"]);
}

#[test]
fn what_the_formats_cannot_carry_is_gathered() {
    let mut week = week();
    let mut unscheduled = forum("offen", "2021-10-30T10:00", 60, "a");
    unscheduled.start = None;
    let mut cancelled = forum("abgesagt", "2021-10-30T10:00", 60, "a");
    cancelled.status = Status::Cancelled;
    let mut linked = forum("link", "2021-10-30T12:00", 60, "a");
    linked.url = Some("zoom.us/j/1".into());
    linked.extra = serde_json::Map::from_iter([
        ("x-farbe".to_owned(), serde_json::json!("rot")),
        (FRAB_GUID.to_owned(), serde_json::json!("nicht-uuid")),
    ])
    .into();
    week.rules.min_gap = Duration::from_minutes(10);
    week.fora = vec![unscheduled, cancelled, linked];
    let schedule = Schedule::new(&week, Language::De, None);
    assert_eq!(
        schedule.dropped,
        Dropped {
            unscheduled: vec!["offen".into()],
            cancelled: vec!["abgesagt".into()],
            links: vec!["link".into()],
            fields: vec!["rules".into(), "x-farbe".into()],
        }
    );
    let events: Vec<&Event> = schedule
        .days
        .iter()
        .flat_map(|d| d.rooms.iter().flatten())
        .collect();
    assert_eq!(events.len(), 1);
    assert!(events[0].links.is_empty());
}

#[test]
fn pages_are_under_the_base_url_as_a_folder() {
    let mut week = week();
    week.fora = vec![forum("eins", "2021-10-30T10:00", 60, "a")];
    for base in ["https://example.org/ekw", "https://example.org/ekw/?x=1#y"] {
        let base = url::Url::parse(base).unwrap();
        let schedule = Schedule::new(&week, Language::En, Some(&base));
        assert_eq!(
            schedule.days[0].rooms[0][0].url.as_deref(),
            Some("https://example.org/ekw/en/fora/eins.html")
        );
        assert_eq!(
            schedule.conference.base_url.as_ref().map(url::Url::as_str),
            Some("https://example.org/ekw/")
        );
    }
}
