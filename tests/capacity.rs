//! The capacity findings, the attendee overlaps, the join links and the summary's
//! registrations against a brute-force oracle on many random weeks: every forum against its
//! room, every pair of fora against each other, with its own arithmetic (90 % as "at least
//! the ceiling of nine tenths"), so the checker's predicates are not asked.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use fora::check::{Detail, Options, check_with};
use fora::model::{Room, Seats};
use fora::{Duration, Forum, Kind, Status, Week};
use proptest::prelude::*;

const PSEUDONYMS: [&str; 6] = ["1", "2", "1042", "T-0042", "7", "998"];

/// Links and what an attendee's calendar makes of them: `None` fine (or no link at all),
/// else the word of the problem.
const LINKS: [(&str, Option<&str>); 8] = [
    ("https://zoom.us/j/123", None),
    ("http://example.org/raum", None),
    ("", None),
    ("zoom.us/j/123", Some("no-scheme")),
    ("www.example.org/join", Some("no-scheme")),
    ("ftp://example.org/x", Some("scheme")),
    ("javascript:alert(1)", Some("scheme")),
    ("Videokonferenz Plenum", Some("malformed")),
];

#[derive(Debug, Clone)]
struct PlannedForum {
    start: Option<(u32, u32)>, // day, minute of day
    duration: u32,
    room: usize, // 3: none
    status: Status,
    registrations: Option<u64>,
    capacity: Option<u64>,
    attendees: Vec<usize>,
    link: usize,
}

#[derive(Debug, Clone)]
struct Plan {
    rooms: Option<Vec<(Option<u64>, usize)>>, // capacity, link
    fora: Vec<PlannedForum>,
}

fn status() -> impl Strategy<Value = Status> {
    prop_oneof![
        3 => Just(Status::Confirmed),
        1 => Just(Status::Tentative),
        1 => Just(Status::Cancelled),
    ]
}

fn count() -> impl Strategy<Value = Option<u64>> {
    prop_oneof![Just(None), (0u64..25).prop_map(Some), Just(Some(0))]
}

fn forum() -> impl Strategy<Value = PlannedForum> {
    (
        prop_oneof![
            1 => Just(None),
            6 => (0u32..2, (32u32..72).prop_map(|q| q * 15)).prop_map(Some),
        ],
        (1u32..16).prop_map(|q| q * 15),
        0usize..4,
        status(),
        count(),
        count(),
        prop::collection::vec(0usize..PSEUDONYMS.len(), 0..6),
        prop_oneof![4 => Just(0usize), 1 => 0usize..LINKS.len()],
    )
        .prop_map(
            |(start, duration, room, status, registrations, capacity, attendees, link)| {
                PlannedForum {
                    start,
                    duration,
                    room,
                    status,
                    registrations,
                    capacity,
                    attendees,
                    link,
                }
            },
        )
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        prop::option::weighted(
            0.8,
            prop::collection::vec(
                (
                    count(),
                    prop_oneof![3 => Just(0usize), 1 => 0usize..LINKS.len()],
                ),
                1..4,
            ),
        ),
        prop::collection::vec(forum(), 0..25),
    )
        .prop_map(|(rooms, fora)| Plan { rooms, fora })
}

fn week_of(plan: &Plan) -> Week {
    let first = NaiveDate::from_ymd_opt(2020, 6, 23).unwrap();
    let mut week = Week::new(
        "Orakel",
        chrono_tz::Europe::Berlin,
        first,
        first + chrono::Days::new(1),
    );
    week.rooms = plan.rooms.as_ref().map(|rooms| {
        rooms
            .iter()
            .enumerate()
            .map(|(i, &(capacity, link))| Room {
                id: format!("r{i}"),
                name: format!("Raum {i}"),
                url: Some(LINKS[link].0.to_owned()).filter(|u| !u.is_empty()),
                capacity,
                ..Room::default()
            })
            .collect()
    });
    week.fora = plan
        .fora
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let attendees: Vec<String> = f
                .attendees
                .iter()
                .map(|&a| PSEUDONYMS[a].to_owned())
                .collect();
            let says = f.registrations.is_some() || f.capacity.is_some() || !attendees.is_empty();
            Forum {
                id: format!("f{i:02}"),
                title: format!("Forum {i}"),
                start: f.start.map(|(day, minute)| {
                    (first + chrono::Days::new(u64::from(day)))
                        .and_hms_opt(minute / 60, minute % 60, 0)
                        .unwrap()
                }),
                duration: Duration::from_minutes(f.duration).unwrap(),
                room: (f.room < 3).then(|| format!("r{}", f.room)),
                status: f.status,
                url: Some(LINKS[f.link].0.to_owned()).filter(|u| !u.is_empty()),
                seats: says.then(|| {
                    Box::new(Seats {
                        registrations: f.registrations,
                        capacity: f.capacity,
                        attendees,
                    })
                }),
                ..Forum::default()
            }
        })
        .collect();
    week
}

/// What the oracle expects of each kind: (kind, forum ids, a number that says it).
type Expected = BTreeSet<(Kind, Vec<String>, String)>;

/// How many registered for the planned forum, as the README says: `registrations`, else
/// the attendees listed.
fn registered(f: &PlannedForum) -> Option<u64> {
    f.registrations
        .or((!f.attendees.is_empty()).then_some(f.attendees.len() as u64))
}

fn oracle(plan: &Plan) -> (Expected, Option<u64>, Vec<u64>) {
    let mut expected = Expected::new();
    let id = |i: usize| format!("f{i:02}");
    let room_capacity = |f: &PlannedForum| -> Option<u64> { plan.rooms.as_ref()?.get(f.room)?.0 };
    for (i, f) in plan.fora.iter().enumerate() {
        if f.status == Status::Cancelled {
            continue;
        }
        let Some(r) = registered(f) else { continue };
        let (cap, whose) = match (f.capacity, room_capacity(f)) {
            (None, None) => continue,
            (Some(own), None) => (own, String::new()),
            (None, Some(room)) => (room, format!("r{}", f.room)),
            (Some(own), Some(room)) if own <= room => (own, String::new()),
            (Some(_), Some(room)) => (room, format!("r{}", f.room)),
        };
        // At least 90 %: r ≥ ⌈9·cap/10⌉.
        let ninety = (9 * cap).div_ceil(10);
        if r > cap {
            expected.insert((
                Kind::OverCapacity,
                vec![id(i)],
                format!("{r}/{cap} {whose}"),
            ));
        } else if r > 0 && r >= ninety {
            expected.insert((
                Kind::NearCapacity,
                vec![id(i)],
                format!("{r}/{cap} {whose}"),
            ));
        }
    }
    for (i, f) in plan.fora.iter().enumerate() {
        if f.status != Status::Cancelled
            && let Some(problem) = LINKS[f.link].1
        {
            expected.insert((Kind::BadLink, vec![id(i)], problem.to_owned()));
        }
    }
    for (i, &(_, link)) in plan.rooms.iter().flatten().enumerate() {
        if let Some(problem) = LINKS[link].1 {
            expected.insert((Kind::BadLink, Vec::new(), format!("r{i} {problem}")));
        }
    }
    // June in Berlin has no change of the clocks: local minutes are instants.
    let minutes = |f: &PlannedForum| {
        f.start.map(|(day, minute)| {
            let from = day * 24 * 60 + minute;
            (from, from + f.duration)
        })
    };
    for (i, a) in plan.fora.iter().enumerate() {
        for (j, b) in plan.fora.iter().enumerate().skip(i + 1) {
            if a.status == Status::Cancelled || b.status == Status::Cancelled {
                continue;
            }
            let (Some((a_from, a_to)), Some((b_from, b_to))) = (minutes(a), minutes(b)) else {
                continue;
            };
            let both: BTreeSet<usize> = a
                .attendees
                .iter()
                .filter(|x| b.attendees.contains(x))
                .copied()
                .collect();
            if a_from < b_to && b_from < a_to && !both.is_empty() {
                // The earlier start first; together, file order.
                let pair = if b_from < a_from {
                    vec![id(j), id(i)]
                } else {
                    vec![id(i), id(j)]
                };
                expected.insert((Kind::AttendeeOverlap, pair, both.len().to_string()));
            }
        }
    }
    let taking_place: Vec<&PlannedForum> = plan
        .fora
        .iter()
        .filter(|f| f.status != Status::Cancelled)
        .collect();
    let total = taking_place
        .iter()
        .any(|f| registered(f).is_some())
        .then(|| taking_place.iter().filter_map(|f| registered(f)).sum());
    let mut days = vec![0, 0];
    for f in &taking_place {
        if let Some((day, _)) = f.start {
            days[day as usize] += registered(f).unwrap_or(0);
        }
    }
    (expected, total, days)
}

const KINDS: [Kind; 4] = [
    Kind::OverCapacity,
    Kind::NearCapacity,
    Kind::BadLink,
    Kind::AttendeeOverlap,
];

fn found(week: &Week, report: &fora::Report) -> Expected {
    report
        .findings
        .iter()
        .filter(|f| KINDS.contains(&f.kind))
        .map(|f| {
            let ids = f.ids(week).into_iter().map(str::to_owned).collect();
            let said = match &f.detail {
                Detail::Capacity {
                    registrations,
                    capacity,
                    room,
                } => format!(
                    "{registrations}/{capacity} {}",
                    room.clone().unwrap_or_default()
                ),
                Detail::BadLink { room, problem, .. } => {
                    let problem = match problem {
                        fora::rules::BadLink::NoScheme => "no-scheme",
                        fora::rules::BadLink::Scheme => "scheme",
                        fora::rules::BadLink::Malformed => "malformed",
                    };
                    match room {
                        Some(room) => format!("{room} {problem}"),
                        None => problem.to_owned(),
                    }
                }
                Detail::Attendees(n) => n.to_string(),
                other => panic!("a {:?} finding with {other:?}", f.kind),
            };
            (f.kind, ids, said)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn the_checker_finds_exactly_what_the_oracle_finds(plan in plan()) {
        let week = week_of(&plan);
        let (expected, total, days) = oracle(&plan);
        let report = fora::check(&week);
        prop_assert_eq!(&found(&week, &report), &expected);
        for kind in KINDS {
            let want = expected.iter().filter(|(k, _, _)| *k == kind).count() as u64;
            prop_assert_eq!(report.count_of(kind), want, "{:?}", kind);
        }
        prop_assert_eq!(report.summary.forum_registrations, total);
        let per_day: Vec<Option<u64>> = report.summary.per_day.iter().map(|d| d.forum_registrations).collect();
        let want: Vec<Option<u64>> = days.iter().map(|&d| total.map(|_| d)).collect();
        prop_assert_eq!(per_day, want);
    }

    #[test]
    fn a_capped_list_keeps_the_first_and_counts_them_all(plan in plan(), cap in 0usize..3) {
        let week = week_of(&plan);
        let all = fora::check(&week);
        let capped = check_with(&week, Options { max_findings: cap, ..Options::default() });
        for kind in KINDS {
            prop_assert_eq!(capped.count_of(kind), all.count_of(kind));
            let first: Vec<_> = all.findings.iter().filter(|f| f.kind == kind).take(cap).collect();
            let kept: Vec<_> = capped.findings.iter().filter(|f| f.kind == kind).collect();
            prop_assert_eq!(kept, first);
        }
    }

    #[test]
    fn a_forum_is_marked_with_the_kinds_it_takes_part_in(plan in plan()) {
        let week = week_of(&plan);
        let (expected, _, _) = oracle(&plan);
        let report = fora::check(&week);
        for (i, forum) in week.fora.iter().enumerate() {
            for kind in KINDS {
                let listed = expected.iter().any(|(k, ids, _)| *k == kind && ids.contains(&forum.id));
                prop_assert_eq!(report.marks(i).contains(kind), listed, "{} {:?}", forum.id, kind);
            }
        }
    }
}

#[test]
fn ninety_percent_is_counted_in_whole_numbers() {
    // 9 of 10 is 90 % exactly; 899 of 1000 is not; a floating 0.9 · 10 would be 9.000…01.
    let plan = |registrations: u64, capacity: u64| Plan {
        rooms: None,
        fora: vec![PlannedForum {
            start: Some((0, 600)),
            duration: 60,
            room: 3,
            status: Status::Confirmed,
            registrations: Some(registrations),
            capacity: Some(capacity),
            attendees: Vec::new(),
            link: 0,
        }],
    };
    let kinds = |r, c| {
        let week = week_of(&plan(r, c));
        fora::check(&week)
            .findings
            .iter()
            .map(|f| f.kind)
            .filter(|k| KINDS.contains(k))
            .collect::<Vec<_>>()
    };
    assert_eq!(kinds(9, 10), [Kind::NearCapacity]);
    assert_eq!(kinds(900, 1000), [Kind::NearCapacity]);
    assert_eq!(kinds(899, 1000), []);
    assert_eq!(kinds(10, 10), [Kind::NearCapacity]);
    assert_eq!(kinds(11, 10), [Kind::OverCapacity]);
    assert_eq!(kinds(0, 0), []);
    assert_eq!(kinds(u64::MAX, u64::MAX), [Kind::NearCapacity]);
}

#[test]
fn many_overlapping_fora_with_shared_attendees_are_counted_exactly() {
    // 300 fora at the same hour, each with attendees 0 and its own: every pair shares one.
    let first = NaiveDate::from_ymd_opt(2020, 6, 23).unwrap();
    let mut week = Week::new("Gedränge", chrono_tz::Europe::Berlin, first, first);
    let n = 300;
    week.fora = (0..n)
        .map(|i| Forum {
            id: format!("f{i}"),
            title: format!("Forum {i}"),
            start: Some(first.and_hms_opt(10, 0, 0).unwrap()),
            duration: Duration::from_minutes(60).unwrap(),
            seats: Some(Box::new(Seats {
                attendees: vec!["0".to_owned(), format!("{}", i + 1)],
                ..Seats::default()
            })),
            ..Forum::default()
        })
        .collect();
    let report = check_with(
        &week,
        Options {
            max_findings: 5,
            ..Options::default()
        },
    );
    assert_eq!(
        report.count_of(Kind::AttendeeOverlap),
        (n * (n - 1) / 2) as u64
    );
    let kept: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.kind == Kind::AttendeeOverlap)
        .map(|f| (f.ids(&week), f.detail.clone()))
        .collect();
    let want: Vec<_> = (1..=5)
        .map(|j| (vec!["f0", week.fora[j].id.as_str()], Detail::Attendees(1)))
        .collect();
    assert_eq!(kept, want);
    // Two attendees each, summed over the fora.
    assert_eq!(report.summary.forum_registrations, Some(2 * n as u64));
}
