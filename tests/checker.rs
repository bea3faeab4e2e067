//! The checker against a brute-force oracle that compares every pair of fora, on many random
//! weeks across daylight-saving changes, and its counts against formulas on weeks with
//! millions of overlapping pairs. The oracle takes its instants from jiff, whose time zone
//! code and bundled tz database are independent of chrono-tz.

use std::collections::{BTreeSet, HashSet};

use chrono::{NaiveDate, NaiveDateTime};
use fora::check::{Detail, Options, check_with};
use fora::model::{Room, Rules};
use fora::{Duration, Forum, Kind, Week, check};
use proptest::prelude::*;

const SPEAKERS: [&str; 5] = [
    "Anna Beispiel",
    " anna beispiel",
    "Ben Muster",
    "BEN MUSTER ",
    "Cem Yilmaz",
];

#[derive(Debug, Clone)]
struct Plan {
    autumn: bool,
    rooms: Option<usize>,
    parallel: Option<bool>,
    min_gap: Option<u32>,
    fora: Vec<(u32, u32, u32, usize, Vec<usize>)>, // day, minute of day, duration, room (3: none), speakers
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        any::<bool>(),
        prop_oneof![Just(None), (1usize..4).prop_map(Some)],
        prop_oneof![Just(None), Just(Some(false)), Just(Some(true))],
        prop_oneof![Just(None), (1u32..90).prop_map(Some)],
        prop::collection::vec(
            (
                0u32..3,
                (0u32..96).prop_map(|q| q * 15),
                1u32..300,
                0usize..4,
                prop::collection::vec(0usize..5, 0..3),
            ),
            0..30,
        ),
    )
        .prop_map(|(autumn, rooms, parallel, min_gap, fora)| Plan {
            autumn,
            rooms,
            parallel,
            min_gap,
            fora,
        })
}

fn week_of(plan: &Plan) -> Week {
    let first = if plan.autumn {
        NaiveDate::from_ymd_opt(2021, 10, 30).unwrap()
    } else {
        NaiveDate::from_ymd_opt(2021, 3, 27).unwrap()
    };
    let mut week = Week::new(
        "Oracle",
        chrono_tz::Europe::Berlin,
        first,
        first + chrono::Days::new(2),
    );
    week.rooms = plan.rooms.map(|n| {
        (0..n)
            .map(|i| Room {
                id: format!("r{i}"),
                name: format!("Room {i}"),
                ..Room::default()
            })
            .collect()
    });
    week.rules = Rules {
        parallel: plan.parallel,
        min_gap: plan.min_gap.and_then(Duration::from_minutes),
        ..Rules::default()
    };
    week.fora = plan
        .fora
        .iter()
        .enumerate()
        .map(|(i, (day, minute, duration, room, speakers))| Forum {
            id: format!("f{i:02}"),
            title: format!("Forum {i}"),
            start: Some(
                (first + chrono::Days::new(u64::from(*day)))
                    .and_hms_opt(minute / 60, minute % 60, 0)
                    .unwrap(),
            ),
            duration: Duration::from_minutes(*duration).unwrap(),
            // Room r2 is declared only in weeks with three rooms: others name an unknown room.
            room: (*room < 3).then(|| format!("r{room}")),
            speakers: speakers.iter().map(|&s| SPEAKERS[s].to_owned()).collect(),
            ..Forum::default()
        })
        .collect();
    week
}

/// The forum's interval in Unix minutes, by jiff, and whether its start falls into a gap.
/// The earlier of a fold; in a gap, the offset from before it (RFC 5545 3.3.5), which is
/// jiff's "compatible" choice.
fn instants(local: NaiveDateTime, minutes: u32) -> ((i64, i64), bool) {
    let zone = jiff::tz::TimeZone::get("Europe/Berlin").unwrap();
    let civil: jiff::civil::DateTime = local
        .format("%Y-%m-%dT%H:%M:%S")
        .to_string()
        .parse()
        .unwrap();
    let ambiguous = zone.to_ambiguous_timestamp(civil);
    let gap = matches!(ambiguous.offset(), jiff::tz::AmbiguousOffset::Gap { .. });
    let start = if gap {
        ambiguous.compatible().unwrap()
    } else {
        ambiguous.earlier().unwrap()
    };
    let start = start.as_second() / 60;
    ((start, start + i64::from(minutes)), gap)
}

fn pair(kind: Kind, a: &str, b: &str, speaker: &str) -> (Kind, String, String, String) {
    let (x, y) = if a < b { (a, b) } else { (b, a) };
    (kind, x.to_owned(), y.to_owned(), speaker.to_owned())
}

fn speakers(forum: &Forum) -> HashSet<String> {
    forum
        .speakers
        .iter()
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn sweep_finds_exactly_the_pairs_the_oracle_finds(plan in plan()) {
        let week = week_of(&plan);
        let report = check(&week);

        let placed: Vec<(&Forum, (i64, i64))> = week
            .fora
            .iter()
            .map(|f| (f, instants(f.start.unwrap(), f.duration.minutes()).0))
            .collect();
        let same_room =
            |a: &Forum, b: &Forum| week.rooms.is_none() || (a.room.is_some() && a.room == b.room);
        let declared = |room: &String| week.rooms.iter().flatten().any(|r| &r.id == room);
        let unknown_rooms: BTreeSet<String> = placed
            .iter()
            .filter(|(f, _)| match &f.room {
                None => week.rooms.is_some(),
                Some(room) => !declared(room),
            })
            .map(|(f, _)| f.id.clone())
            .collect();

        let mut expected = BTreeSet::new();
        for (i, (a, (a_start, a_end))) in placed.iter().enumerate() {
            for (b, (b_start, b_end)) in &placed[i + 1..] {
                let overlap = a_start < b_end && b_start < a_end;
                if overlap && same_room(a, b) {
                    expected.insert(pair(Kind::RoomOverlap, &a.id, &b.id, ""));
                }
                // One finding for each speaker they share.
                for speaker in speakers(a).intersection(&speakers(b)).filter(|_| overlap) {
                    expected.insert(pair(Kind::SpeakerOverlap, &a.id, &b.id, speaker));
                }
                if overlap && plan.parallel == Some(false) {
                    expected.insert(pair(Kind::ParallelOverlap, &a.id, &b.id, ""));
                }
            }
        }
        let mut expected_gaps = BTreeSet::new();
        if let Some(gap) = plan.min_gap {
            for (a, (_, a_end)) in &placed {
                for (b, (b_start, _)) in &placed {
                    if same_room(a, b) && a_end <= b_start && *b_start < a_end + i64::from(gap) {
                        expected_gaps.insert((a.id.clone(), b.id.clone()));
                    }
                }
            }
        }

        let id = |i: usize| week.fora[i].id.as_str();
        let pairs = [Kind::RoomOverlap, Kind::SpeakerOverlap, Kind::ParallelOverlap];
        let found: BTreeSet<_> = report
            .findings
            .iter()
            .filter(|f| pairs.contains(&f.kind))
            .map(|f| {
                let speaker = match &f.detail {
                    Detail::Speaker(name) => name.to_lowercase(),
                    _ => String::new(),
                };
                pair(f.kind, id(f.fora[0]), id(f.fora[1]), &speaker)
            })
            .collect();
        let found_count = report.findings.iter().filter(|f| pairs.contains(&f.kind)).count();
        prop_assert_eq!(found_count, found.len(), "a pair appears once per kind and speaker");
        prop_assert_eq!(&found, &expected);
        for kind in pairs {
            let expected = expected.iter().filter(|p| p.0 == kind).count() as u64;
            prop_assert_eq!(report.count_of(kind), expected, "{:?} counted", kind);
        }

        let gaps: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.kind == Kind::ShortGap)
            .map(|f| (id(f.fora[0]).to_owned(), id(f.fora[1]).to_owned()))
            .collect();
        prop_assert_eq!(gaps.len(), expected_gaps.len());
        prop_assert_eq!(report.count_of(Kind::ShortGap), expected_gaps.len() as u64);
        prop_assert_eq!(gaps.into_iter().collect::<BTreeSet<_>>(), expected_gaps);

        // Every forum in a finding of a kind is marked with it, and no other.
        for kind in [Kind::RoomOverlap, Kind::SpeakerOverlap, Kind::ParallelOverlap, Kind::ShortGap] {
            let in_findings: BTreeSet<usize> = report
                .findings
                .iter()
                .filter(|f| f.kind == kind)
                .flat_map(|f| f.fora.clone())
                .collect();
            let marked: BTreeSet<usize> =
                (0..week.fora.len()).filter(|&i| report.marks(i).contains(kind)).collect();
            prop_assert_eq!(marked, in_findings, "{:?} marks", kind);
        }

        // Totals: every minute of programme counted, the union by marking each minute.
        let covered: HashSet<i64> = placed.iter().flat_map(|(_, (s, e))| *s..*e).collect();
        let summary = &report.summary;
        prop_assert_eq!(summary.scheduled, placed.len());
        prop_assert_eq!(summary.covered_minutes, covered.len() as u64);
        prop_assert_eq!(
            summary.programme_minutes,
            placed.iter().map(|(_, (s, e))| (e - s) as u64).sum::<u64>()
        );

        // Gaps and folds of the zone, as jiff sees them.
        let ids = |kind: Kind| -> BTreeSet<String> {
            report.findings.iter().filter(|f| f.kind == kind).map(|f| id(f.fora[0]).to_owned()).collect()
        };
        let gaps: BTreeSet<String> = week
            .fora
            .iter()
            .filter(|f| instants(f.start.unwrap(), 1).1)
            .map(|f| f.id.clone())
            .collect();
        prop_assert_eq!(ids(Kind::NonexistentTime), gaps);
        prop_assert_eq!(ids(Kind::UnknownRoom).len(), report.findings.iter().filter(|f| f.kind == Kind::UnknownRoom).count());
        prop_assert_eq!(ids(Kind::UnknownRoom), unknown_rooms);
    }
}

fn forum(id: &str, start: &str, minutes: u32) -> Forum {
    Forum {
        id: id.into(),
        title: id.into(),
        start: Some(NaiveDateTime::parse_from_str(start, "%Y-%m-%dT%H:%M").unwrap()),
        duration: Duration::from_minutes(minutes).unwrap(),
        ..Forum::default()
    }
}

#[test]
fn spring_forward_overlap_is_seen_on_absolute_time() {
    // 01:30 CET + 60 min ends at 03:30 CEST: a forum at 03:00 overlaps it,
    // though on the wall clock 01:30–02:30 and 03:00 look apart.
    let day = NaiveDate::from_ymd_opt(2021, 3, 28).unwrap();
    let mut week = Week::new("Spring", chrono_tz::Europe::Berlin, day, day);
    week.fora = vec![
        forum("night", "2021-03-28T01:30", 60),
        forum("early", "2021-03-28T03:00", 30),
    ];
    let report = check(&week);
    let kinds: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.kind != Kind::MissingId)
        .map(|f| (f.kind, f.ids(&week)))
        .collect();
    assert_eq!(kinds, [(Kind::RoomOverlap, vec!["night", "early"])]);
    assert_eq!(report.summary.covered_minutes, 60);
}

#[test]
fn autumn_fold_counts_the_extra_hour() {
    // 00:00 + 240 min on the day the clocks go back ends at 03:00 on the wall clock.
    let day = NaiveDate::from_ymd_opt(2021, 10, 31).unwrap();
    let mut week = Week::new("Autumn", chrono_tz::Europe::Berlin, day, day);
    week.fora = vec![
        forum("long-night", "2021-10-31T00:00", 240),
        forum("after", "2021-10-31T03:00", 30),
    ];
    week.id = Some("autumn".into());
    let report = check(&week);
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    assert_eq!(report.summary.covered_minutes, 270);
    assert_eq!(report.summary.per_day[0].programme_minutes, 270);
}

#[test]
fn touching_fora_do_not_overlap() {
    let day = NaiveDate::from_ymd_opt(2020, 6, 23).unwrap();
    let mut week = Week::new("Touch", chrono_tz::Europe::Berlin, day, day);
    week.id = Some("touch".into());
    week.fora = vec![
        forum("a", "2020-06-23T10:00", 60),
        forum("b", "2020-06-23T11:00", 60),
    ];
    assert!(check(&week).findings.is_empty());
}

#[test]
fn a_cancelled_forum_frees_its_room_speakers_and_hours() {
    let day = NaiveDate::from_ymd_opt(2020, 6, 23).unwrap();
    let mut week = Week::new("Cancelled", chrono_tz::Europe::Berlin, day, day);
    week.id = Some("cancelled".into());
    week.expect.fora = Some(2);
    week.expect.hours = Some(2.0);
    let mut called_off = forum("called-off", "2020-06-23T10:30", 60);
    called_off.status = fora::Status::Cancelled;
    called_off.speakers = vec!["Anna".into()];
    let mut a = forum("a", "2020-06-23T10:00", 60);
    a.speakers = vec!["Anna".into()];
    // Without a start, a cancelled forum is not "unscheduled" either.
    let mut never = forum("never", "2020-06-23T10:00", 30);
    never.start = None;
    never.status = fora::Status::Cancelled;
    week.fora = vec![a, called_off, forum("b", "2020-06-23T11:00", 60), never];
    let report = check(&week);
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    assert_eq!(report.summary.fora, 4);
    assert_eq!(report.summary.cancelled, 2);
    assert_eq!(report.summary.scheduled, 2);
    assert_eq!(report.summary.programme_minutes, 120);
    // Once it takes place again, it conflicts.
    week.fora[1].status = fora::Status::Confirmed;
    let kinds: BTreeSet<Kind> = check(&week).findings.iter().map(|f| f.kind).collect();
    assert!(kinds.contains(&Kind::RoomOverlap) && kinds.contains(&Kind::SpeakerOverlap));
}

/// A week of `n` fora in one room, all from 09:00 (a spreadsheet import whose starts were
/// left at nine), `speakers` of them sharing one speaker.
fn pile_up(n: usize, minutes: u32, speakers: usize) -> Week {
    let day = NaiveDate::from_ymd_opt(2020, 6, 23).unwrap();
    let mut week = Week::new("Pile-up", chrono_tz::Europe::Berlin, day, day);
    week.id = Some("pile-up".into());
    week.rules.parallel = Some(false);
    week.fora = (0..n)
        .map(|i| {
            let mut forum = forum(&format!("f{i}"), "2020-06-23T09:00", minutes);
            if i < speakers {
                forum.speakers = vec!["Anna".into()];
            }
            forum
        })
        .collect();
    week
}

#[test]
fn millions_of_overlaps_are_counted_without_being_listed() {
    let n = 3000;
    let week = pile_up(n, 60, 1000);
    for max_findings in [0, 7, 1000] {
        let report = check_with(
            &week,
            Options {
                max_findings,
                ..Options::default()
            },
        );
        let pairs = (n * (n - 1) / 2) as u64;
        assert_eq!(report.count_of(Kind::RoomOverlap), pairs);
        assert_eq!(report.count_of(Kind::ParallelOverlap), pairs);
        assert_eq!(report.count_of(Kind::SpeakerOverlap), 1000 * 999 / 2);
        for (kind, among) in [
            (Kind::RoomOverlap, n),
            (Kind::ParallelOverlap, n),
            (Kind::SpeakerOverlap, 1000),
        ] {
            let kept: Vec<_> = report.findings.iter().filter(|f| f.kind == kind).collect();
            assert_eq!(kept.len(), max_findings, "{kind:?}");
            // The first in listing order: by start, then file order.
            let expected: Vec<Vec<usize>> = (0..among)
                .flat_map(|i| (i + 1..among).map(move |j| vec![i, j]))
                .take(max_findings)
                .collect();
            let found: Vec<Vec<usize>> = kept.iter().map(|f| f.fora.clone()).collect();
            assert_eq!(found, expected, "{kind:?}");
            assert_eq!(
                report.left_out(kind),
                report.count_of(kind) - max_findings as u64
            );
        }
        // Millions counted, at most a thousand kept: the report says some are left out.
        assert!(report.summary.truncated);
        assert!((0..n).all(|i| report.marks(i).contains(Kind::RoomOverlap)));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Counts against a brute-force count of every pair, and the findings kept are the
    /// first of each kind in listing order, on weeks much denser than real ones.
    #[test]
    fn counts_are_exact_and_the_first_are_kept(
        starts in prop::collection::vec((0u32..12, 1u32..12), 1..60),
        max_findings in 0usize..6,
        gap in 1u32..60,
    ) {
        let day = NaiveDate::from_ymd_opt(2020, 6, 23).unwrap();
        let mut week = Week::new("Dense", chrono_tz::Europe::Berlin, day, day);
        week.rules.min_gap = Duration::from_minutes(gap);
        week.fora = starts
            .iter()
            .enumerate()
            .map(|(i, (start, length))| {
                let minute = 9 * 60 + start * 15;
                forum(&format!("f{i}"), &format!("2020-06-23T{:02}:{:02}", minute / 60, minute % 60), length * 15)
            })
            .collect();
        let report = check_with(&week, Options { max_findings, ..Options::default() });
        let spans: Vec<(i64, i64, usize)> = week
            .fora
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let ((from, to), _) = instants(f.start.unwrap(), f.duration.minutes());
                (from, to, i)
            })
            .collect();
        let mut overlaps = Vec::new();
        let mut gaps = Vec::new();
        for a in &spans {
            for b in &spans {
                // Listed as the checker lists them: by start, then file order.
                if (a.0, a.2) < (b.0, b.2) && a.0 < b.1 && b.0 < a.1 {
                    overlaps.push(((a.0, a.2), (b.0, b.2)));
                }
                if a.1 <= b.0 && b.0 < a.1 + i64::from(gap) {
                    gaps.push(((a.0, a.2), (b.0, b.2)));
                }
            }
        }
        overlaps.sort();
        gaps.sort();
        for (kind, expected) in [(Kind::RoomOverlap, &overlaps), (Kind::ShortGap, &gaps)] {
            prop_assert_eq!(report.count_of(kind), expected.len() as u64);
            let kept: Vec<Vec<usize>> = report.findings.iter().filter(|f| f.kind == kind).map(|f| f.fora.clone()).collect();
            let first: Vec<Vec<usize>> = expected.iter().take(max_findings).map(|(a, b)| vec![a.1, b.1]).collect();
            prop_assert_eq!(kept, first, "{:?}", kind);
        }
    }
}

#[test]
fn a_start_the_clocks_skip_keeps_its_place_and_is_checked_there() {
    // The week ends the day before the clocks go forward; the forum is moved into the gap
    // of the day after: it is placed where RFC 5545 reads it, and lies outside the week.
    let day = NaiveDate::from_ymd_opt(2021, 3, 27).unwrap();
    let mut week = Week::new("Spring", chrono_tz::Europe::Berlin, day, day);
    week.id = Some("spring".into());
    week.fora = vec![forum("night", "2021-03-28T02:30", 30)];
    let report = check(&week);
    let kinds: BTreeSet<Kind> = report.findings.iter().map(|f| f.kind).collect();
    assert_eq!(
        kinds,
        BTreeSet::from([Kind::NonexistentTime, Kind::OutsideWeek])
    );
    assert_eq!(report.summary.scheduled, 1);
    // It is in the calendar, at 01:30 UTC (03:30 on the clock), and in the timetable.
    let mut calendar = Vec::new();
    fora::export::ics::write_calendar(&week, &mut calendar).unwrap();
    let calendar = String::from_utf8(calendar).unwrap();
    assert!(
        calendar.contains("DTSTART;TZID=Europe/Berlin:20210328T033000\r\n"),
        "{calendar}"
    );
    let timetable = fora::export::Timetable::new(
        &week,
        &report,
        fora::Language::En,
        &fora::export::Selection::default(),
    );
    let row = &timetable.days.last().unwrap().rows[0];
    assert_eq!(row.id, "night");
    assert_eq!(row.errors, [Kind::OutsideWeek, Kind::NonexistentTime]);
}
