//! `free` against the brute force it stands for: a probe forum at every start on a 5-minute
//! grid over every local day, in every room, added to the week and checked. A start lies in
//! a slot exactly when the probe brings no new error finding (but `expect-mismatch`, which no
//! placement avoids) and no new `outside-day`, `short-gap`, `day-over-limit`,
//! `nonexistent-time` or `ambiguous-time`. Weeks: the files in `schedules/`, and random small
//! weeks around both daylight-saving changes in Europe/Berlin.

use std::collections::HashMap;
use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use fora::free::{Slot, free};
use fora::model::{DayTime, Room, Rules};
use fora::rules::Window;
use fora::{Duration, Forum, Kind, Severity, Status, Week, check};
use proptest::prelude::*;

/// The warnings a free start must not bring.
const RULE_WARNINGS: [Kind; 5] = [
    Kind::OutsideDay,
    Kind::ShortGap,
    Kind::DayOverLimit,
    Kind::NonexistentTime,
    Kind::AmbiguousTime,
];

type Findings = HashMap<(Kind, Vec<String>), usize>;

/// The findings that count, as a multiset of (kind, fora).
fn findings(week: &Week) -> Findings {
    let mut counts = Findings::new();
    for finding in check(week).findings {
        let counts_here = (finding.severity() == Severity::Error
            && finding.kind != Kind::ExpectMismatch)
            || RULE_WARNINGS.contains(&finding.kind);
        if counts_here {
            let fora = finding.ids(week).into_iter().map(str::to_owned).collect();
            *counts.entry((finding.kind, fora)).or_default() += 1;
        }
    }
    counts
}

/// The oracle's week: `free`'s day window written into the rules, so that the checker warns
/// where `free` keeps out, also where the week sets no window.
struct Oracle<'s> {
    week: Week,
    before: Findings,
    duration: Duration,
    speakers: &'s [&'s str],
}

impl<'s> Oracle<'s> {
    fn new(week: &Week, duration: Duration, speakers: &'s [&'s str]) -> Self {
        let mut week = week.clone();
        let window = Window::offered(&week.rules);
        week.rules.day_start = window.start;
        week.rules.day_end = window.end;
        let before = findings(&week);
        Oracle {
            week,
            before,
            duration,
            speakers,
        }
    }

    fn accepts(&self, start: NaiveDateTime, room: Option<&str>) -> bool {
        let mut week = self.week.clone();
        week.fora.push(Forum {
            id: "x-probe".into(),
            title: "Probe".into(),
            start: Some(start),
            duration: self.duration,
            room: room.map(str::to_owned),
            speakers: self.speakers.iter().map(|&s| s.to_owned()).collect(),
            ..Forum::default()
        });
        findings(&week)
            .iter()
            .all(|(key, n)| *n <= self.before.get(key).copied().unwrap_or(0))
    }
}

fn rooms(week: &Week) -> Vec<Option<&str>> {
    match &week.rooms {
        None => vec![None],
        Some(rooms) => rooms.iter().map(|r| Some(r.id.as_str())).collect(),
    }
}

/// Checks `free(week, duration, …, speakers)` against the oracle; the first disagreement,
/// in words.
fn agrees(week: &Week, duration: Duration, speakers: &[&str]) -> Result<(), String> {
    let oracle = Oracle::new(week, duration, speakers);
    let slots = free(week, duration, None, None, speakers);
    let rooms = rooms(week);
    let place = |s: &Slot| {
        let room = rooms.iter().position(|r| *r == s.room.as_deref());
        (s.date, room, s.earliest)
    };
    for pair in slots.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let same = (a.date, &a.room) == (b.date, &b.room);
        // Maximal: two slots of one day and room are apart by at least one unfree minute on
        // the wall clock (which may be no time at all: the hour the clocks skip).
        let apart = a.latest.naive_local() + TimeDelta::minutes(1) < b.earliest.naive_local();
        if place(a) >= place(b) || same && !apart {
            return Err(format!("slots out of order or not maximal: {a:?}, {b:?}"));
        }
    }
    let minute = TimeDelta::minutes(1);
    for slot in &slots {
        let room = slot.room.as_deref();
        if slot.from != slot.earliest
            || slot.earliest > slot.latest
            || slot.to != slot.latest + duration.to_time_delta()
            || slot.earliest.date_naive() != slot.date
            || slot.latest.date_naive() != slot.date
        {
            return Err(format!("malformed slot {slot:?}"));
        }
        let (earliest, latest) = (slot.earliest.naive_local(), slot.latest.naive_local());
        for (start, inside) in [
            (earliest, true),
            (latest, true),
            (earliest - minute, false),
            (latest + minute, false),
        ] {
            if start.date() == slot.date && oracle.accepts(start, room) != inside {
                return Err(format!(
                    "{start} in {room:?} at the edge of {slot:?}: the oracle says {}",
                    !inside
                ));
            }
        }
    }
    for date in week.days() {
        for &room in &rooms {
            let here: Vec<&Slot> = slots
                .iter()
                .filter(|s| s.date == date && s.room.as_deref() == room)
                .collect();
            let filtered = free(week, duration, Some(date), room, speakers);
            if filtered.iter().collect::<Vec<_>>() != here {
                return Err(format!("--day {date} --room {room:?} gives other slots"));
            }
            for step in 0..24 * 12 {
                let start = date.and_time(NaiveTime::MIN) + TimeDelta::minutes(5 * step);
                let inside = here.iter().any(|s| s.admits(start));
                if inside != oracle.accepts(start, room) {
                    return Err(format!(
                        "{start} in {room:?}: free says {inside}, the oracle {}; slots {here:?}",
                        !inside
                    ));
                }
            }
        }
    }
    Ok(())
}

fn minutes(m: u32) -> Duration {
    Duration::from_minutes(m).unwrap()
}

#[test]
fn the_schedules_agree_with_the_oracle() {
    for name in [
        "engagementkongress-2020",
        "engagementkongress-2015",
        "draft-with-conflicts",
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("schedules/{name}.json"));
        let week = Week::load(&path).unwrap();
        // Speakers of the week's own fora, in another case, and one it does not know.
        let mut speakers: Vec<String> = week
            .fora
            .iter()
            .flat_map(|f| f.speakers.iter().take(1))
            .take(2)
            .cloned()
            .collect();
        speakers[0] = speakers[0].to_uppercase();
        speakers.push("Niemand Bekanntes".into());
        let speakers: Vec<&str> = speakers.iter().map(String::as_str).collect();
        for duration in [minutes(90), minutes(25)] {
            for with in [&[][..], &speakers[..1], &speakers[..]] {
                if let Err(e) = agrees(&week, duration, with) {
                    panic!("{name}, {duration}, {with:?}: {e}");
                }
            }
        }
    }
}

/// Nights with a change of the clocks, where a window's end may fall into the hour that is
/// skipped or repeated (where a later end reads earlier on the wall clock).
#[test]
fn nights_with_a_change_of_the_clocks_agree_with_the_oracle() {
    for (first, window) in [
        ((2021, 10, 31), ("00:00", "02:45")),
        ((2021, 10, 31), ("01:30", "03:15")),
        ((2021, 10, 31), ("02:15", "24:00")),
        ((2021, 3, 28), ("00:00", "02:30")),
        ((2021, 3, 28), ("01:00", "03:30")),
        ((2021, 3, 28), ("02:30", "05:00")),
    ] {
        let (y, m, d) = first;
        let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let mut week = Week::new("Night", chrono_tz::Europe::Berlin, day, day);
        week.rules.day_start = DayTime::parse(window.0);
        week.rules.day_end = DayTime::parse(window.1);
        week.fora.push(Forum {
            id: "late".into(),
            start: Some(day.and_hms_opt(4, 0, 0).unwrap()),
            duration: minutes(30),
            ..Forum::default()
        });
        for duration in [5, 30, 60, 75, 90, 120] {
            if let Err(e) = agrees(&week, minutes(duration), &[]) {
                panic!("{day} {window:?}, {duration}m: {e}");
            }
        }
    }
}

#[test]
fn the_2020_week_has_its_afternoons_free() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schedules/engagementkongress-2020.json");
    let week = Week::load(&path).unwrap();
    let day = NaiveDate::from_ymd_opt(2020, 6, 23);
    let slots = free(&week, minutes(90), day, None, &[]);
    let shown: Vec<String> = slots
        .iter()
        .map(|s| {
            format!(
                "{} {}–{} {}–{}",
                s.room.as_deref().unwrap(),
                s.from.format("%H:%M"),
                s.to.format("%H:%M"),
                s.earliest.format("%H:%M"),
                s.latest.format("%H:%M")
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            "plenum 16:00–18:00 16:00–16:30",
            "praxisraum 16:15–18:00 16:15–16:30"
        ]
    );
    let mut json = Vec::new();
    fora::free::write_json(&slots, &mut json).unwrap();
    let json = String::from_utf8(json).unwrap();
    assert!(json.ends_with("}\n]\n"), "{json}");
    assert!(json.contains(r#""earliest": "2020-06-23T16:00""#), "{json}");
    assert!(json.contains(r#""date": "2020-06-23""#), "{json}");
}

#[test]
fn a_table_says_when_nothing_is_free() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schedules/engagementkongress-2020.json");
    let week = Week::load(&path).unwrap();
    for (language, words) in [
        (
            fora::Language::De,
            "Kein freies Zeitfenster für ein Forum von 8h",
        ),
        (fora::Language::En, "No free slot for a forum of 8h"),
    ] {
        let mut out = Vec::new();
        let slots = free(&week, minutes(480), None, None, &[]);
        fora::free::write_table(&week, &slots, minutes(480), &[], language, &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains(words), "{out}");
    }
}

#[derive(Debug, Clone)]
struct Plan {
    first: NaiveDate,
    days: u64,
    rooms: Option<usize>,
    rules: Rules,
    duration: u32,
    fora: Vec<(u64, u32, u32, Option<usize>, bool)>, // day, minute of day, duration, room, cancelled
    /// Each forum's speakers, and the probe's, as indices into `SPEAKERS`.
    speakers: Vec<Vec<usize>>,
    probe: Vec<usize>,
}

/// Names as files spell them: one person in two cases and with spaces, a final sigma.
const SPEAKERS: [&str; 6] = ["Anna", " anna ", "Ben", "ΟΔΥΣΣΕΥΣ", "οδυσσευς", "Cem"];

fn plan() -> impl Strategy<Value = Plan> {
    let first = prop_oneof![
        Just((2021, 3, 27)),
        Just((2021, 3, 28)),
        Just((2021, 10, 30)),
        Just((2021, 10, 31)),
        Just((2021, 6, 22)),
    ]
    .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap());
    let quarter = || prop::option::of((0u32..=96).prop_map(|q| q * 15));
    (
        (first, 0u64..2, prop::option::of(0usize..4)),
        (
            quarter(),
            quarter(),
            prop::option::of(1u32..90),
            prop::option::of(1u32..=24),
            prop::option::of(any::<bool>()),
        )
            .prop_map(|(day_start, day_end, gap, half_hours, parallel)| {
                let time = |m: u32| DayTime::parse(&format!("{:02}:{:02}", m / 60, m % 60));
                Rules {
                    day_start: day_start.and_then(time),
                    day_end: day_end.and_then(time),
                    min_gap: gap.and_then(Duration::from_minutes),
                    max_hours_per_day: half_hours.map(|h| f64::from(h) / 2.0),
                    parallel,
                    ..Rules::default()
                }
            }),
        prop_oneof![1u32..=300, Just(90)],
        prop::collection::vec(
            (
                0u64..3,
                (0u32..288).prop_map(|s| s * 5),
                1u32..300,
                prop::option::of(0usize..3),
                prop::bool::weighted(0.15),
            ),
            0..8,
        ),
        (
            prop::collection::vec(prop::collection::vec(0..SPEAKERS.len(), 0..3), 8),
            prop::collection::vec(0..SPEAKERS.len(), 0..3),
        ),
    )
        .prop_map(
            |((first, days, rooms), rules, duration, fora, (speakers, probe))| Plan {
                first,
                days,
                rooms,
                rules,
                duration,
                fora,
                speakers,
                probe,
            },
        )
}

fn week_of(plan: &Plan) -> Week {
    let mut week = Week::new(
        "Free",
        chrono_tz::Europe::Berlin,
        plan.first,
        plan.first + chrono::Days::new(plan.days),
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
    week.rules = plan.rules.clone();
    week.fora = plan
        .fora
        .iter()
        .enumerate()
        .map(|(i, &(day, minute, duration, room, cancelled))| Forum {
            id: format!("f{i}"),
            title: format!("Forum {i}"),
            start: Some(
                (plan.first + chrono::Days::new(day))
                    .and_hms_opt(minute / 60, minute % 60, 0)
                    .unwrap(),
            ),
            duration: minutes(duration),
            // r2 is declared only with three rooms; a forum without a room is fine only
            // without rooms.
            room: room.map(|r| format!("r{r}")),
            speakers: plan.speakers[i]
                .iter()
                .map(|&s| SPEAKERS[s].to_owned())
                .collect(),
            status: if cancelled {
                Status::Cancelled
            } else {
                Status::Confirmed
            },
            ..Forum::default()
        })
        .collect();
    week
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn random_weeks_agree_with_the_oracle(plan in plan()) {
        let week = week_of(&plan);
        let probe: Vec<&str> = plan.probe.iter().map(|&s| SPEAKERS[s]).collect();
        if let Err(e) = agrees(&week, minutes(plan.duration), &probe) {
            prop_assert!(false, "{}", e);
        }
    }
}

fn fora_command() -> assert_cmd::Command {
    let mut command = assert_cmd::Command::cargo_bin("fora").expect("the binary is built");
    command
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("COLUMNS", "200");
    command
}

/// What `free --speaker` offers, `add` with that speaker takes: at the first and last start
/// of every slot, in its room, `add --dry-run` finds nothing to refuse or warn of. The 2020
/// week, with parallel fora allowed, so that only the speaker keeps a start out.
#[test]
fn add_takes_every_slot_free_offers_a_speaker() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schedules/engagementkongress-2020.json");
    let mut week: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    week["rules"]["parallel"] = serde_json::Value::Bool(true);
    // A forum more is no mismatch of the figures announced: that is not free's to keep.
    week.as_object_mut().unwrap().remove("expect");
    let busy = week["fora"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["speakers"].to_string().contains("Moderation"))
        .map(|f| (f["start"].as_str().unwrap().to_owned(), f["room"].clone()))
        .unwrap();
    let copy = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(copy.path(), week.to_string()).unwrap();
    let slots_of = |speaker: &[&str]| -> Vec<serde_json::Value> {
        let output = fora_command()
            .args(["free", "--duration", "45m", "--format", "json"])
            .args(speaker)
            .arg(copy.path())
            .output()
            .unwrap();
        assert!(output.status.success());
        let slots: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        slots.as_array().unwrap().clone()
    };
    let slots = slots_of(&["--speaker", "moderation"]);
    assert!(!slots.is_empty());
    assert_ne!(slots, slots_of(&[]), "the speaker keeps some starts out");
    let add = |start: &str, room: &str| {
        fora_command()
            .args(["add", "--title", "Probe", "--duration", "45m", "--dry-run"])
            .args(["--start", start, "--room", room])
            .args(["--speaker", "Moderation", "--lang", "en"])
            .arg(copy.path())
            .output()
            .unwrap()
    };
    for slot in &slots {
        for start in [&slot["earliest"], &slot["latest"]] {
            let added = add(start.as_str().unwrap(), slot["room"].as_str().unwrap());
            let said = String::from_utf8_lossy(&added.stderr);
            assert!(added.status.success() && said.is_empty(), "{start}: {said}");
        }
    }
    // The other room, while Moderation speaks in one: free leaves it out, add refuses it.
    let other = if busy.1 == "plenum" {
        "praxisraum"
    } else {
        "plenum"
    };
    assert!(!slots.iter().any(|s| s["room"] == other
        && s["earliest"].as_str() <= Some(&busy.0)
        && s["latest"].as_str() >= Some(&busy.0)));
    let refused = add(&busy.0, other);
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(
        said.contains("speaker-overlap") || said.contains("Moderation"),
        "{said}"
    );
    assert_eq!(refused.status.code(), Some(1), "{said}");
}

#[test]
fn free_names_the_speakers_and_doubts_an_unknown_one_in_both_languages() {
    let week = Path::new(env!("CARGO_MANIFEST_DIR")).join("schedules/engagementkongress-2020.json");
    for (language, heading, note) in [
        (
            "de",
            "Freie Zeitfenster für ein Forum von 1h mit Moderatoin",
            "gemeint ist vielleicht „Moderation“?",
        ),
        (
            "en",
            "Free slots for a forum of 1h with Moderatoin",
            "did you mean \"Moderation\"?",
        ),
    ] {
        let output = fora_command()
            .args([
                "free",
                "--duration",
                "1h",
                "--speaker",
                "Moderatoin",
                "--lang",
                language,
            ])
            .arg(&week)
            .output()
            .unwrap();
        assert!(output.status.success());
        let (stdout, stderr) = (
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr),
        );
        assert!(stdout.contains(heading), "{stdout}");
        assert!(stderr.contains(note), "{stderr}");
    }
}
