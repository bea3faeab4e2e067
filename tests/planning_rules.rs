//! The checker's planning findings (`unavailable`, `outside-window`, `out-of-order`,
//! `group-overlap`) against a brute-force oracle that compares every forum with every
//! stretch of time and every pair of fora, on random week files read by the loader; then
//! hand cases of their messages and of the loader's errors of the planning fields, in German
//! and English, through the binary.

use std::collections::BTreeSet;

use fora::check::{Options, check_with};
use fora::{Kind, Week};
use proptest::prelude::*;
use serde_json::{Value, json};

#[path = "support/fora.rs"]
mod binary;
use binary::fora;

/// Minutes from the week's first midnight: the week runs three days of June, when Berlin's
/// clock does not change, so local minutes and instants differ by a constant.
type Minute = u32;

/// The names speakers are written with; people are listed under the first spelling of each.
const SPEAKERS: [&str; 6] = [
    "Anna Beispiel",
    "anna beispiel ",
    "Ben Muster",
    "BEN MUSTER",
    "Cem Yilmaz",
    "Dora Drei",
];

/// Who each spelling stands for (case and spaces aside): one of four people.
const PERSON: [usize; 6] = [0, 0, 1, 1, 2, 3];

/// The spelling each person is listed under in `people`.
const LISTED: [usize; 4] = [0, 2, 4, 5];

#[derive(Clone, Debug)]
struct Stretch(Minute, Minute);

#[derive(Clone, Debug)]
struct PlannedForum {
    start: Option<Minute>,
    minutes: Minute,
    room: usize,
    speakers: Vec<usize>,
    cancelled: bool,
    window: Option<Vec<Stretch>>,
    after: Vec<usize>,
    before: Vec<usize>,
}

#[derive(Clone, Debug)]
struct Plan {
    /// Declared rooms and their availability; `None`: a week without rooms.
    rooms: Option<Vec<Option<Vec<Stretch>>>>,
    /// Whether each of the four people is listed, and then their availability, if any.
    people: Vec<Option<Option<Vec<Stretch>>>>,
    groups: Vec<Vec<usize>>,
    fora: Vec<PlannedForum>,
}

fn stretches() -> impl Strategy<Value = Vec<Stretch>> {
    prop::collection::vec(
        (
            (0u32..144).prop_map(|h| h * 30),
            (1u32..48).prop_map(|h| h * 30),
        )
            .prop_map(|(from, length)| Stretch(from, from + length)),
        0..3,
    )
}

fn forum(count: usize) -> impl Strategy<Value = PlannedForum> {
    (
        prop_oneof![1 => Just(None), 6 => (0u32..288).prop_map(|q| Some(q * 15))],
        (1u32..16).prop_map(|q| q * 15),
        0usize..4,
        prop::collection::vec(0usize..SPEAKERS.len(), 0..3),
        prop::bool::weighted(0.1),
        prop::option::weighted(0.4, stretches()),
        prop::collection::vec(0..count, 0..2),
        prop::collection::vec(0..count, 0..2),
    )
        .prop_map(
            |(start, minutes, room, speakers, cancelled, window, after, before)| PlannedForum {
                start,
                minutes,
                room,
                speakers,
                cancelled,
                window,
                after,
                before,
            },
        )
}

fn plan() -> impl Strategy<Value = Plan> {
    (1usize..25).prop_flat_map(|count| {
        (
            prop::option::of(prop::collection::vec(
                prop::option::weighted(0.6, stretches()),
                1..4,
            )),
            prop::collection::vec(
                prop::option::weighted(0.7, prop::option::weighted(0.8, stretches())),
                4,
            ),
            prop::collection::vec(prop::collection::vec(0..count, 0..6), 0..3),
            prop::collection::vec(forum(count), count),
        )
            .prop_map(|(rooms, people, groups, fora)| Plan {
                rooms,
                people,
                groups,
                fora,
            })
    })
}

/// `2020-06-23T09:30`, for a minute of the week.
fn local(minute: Minute) -> String {
    let day = 23 + minute / 1440;
    let of_day = minute % 1440;
    format!("2020-06-{day}T{:02}:{:02}", of_day / 60, of_day % 60)
}

/// A stretch as the week file writes it, in each of its forms where it fits.
fn written(stretch: &Stretch) -> String {
    let Stretch(from, to) = *stretch;
    if from % 1440 == 0 && to == from + 1440 {
        local(from)[..10].to_owned()
    } else if from / 1440 == (to - 1) / 1440 {
        let end = if to % 1440 == 0 {
            "24:00".to_owned()
        } else {
            local(to)[11..].to_owned()
        };
        format!("{}/{end}", local(from))
    } else {
        format!("{}/{}", local(from), local(to))
    }
}

fn texts(stretches: &[Stretch]) -> Value {
    stretches.iter().map(written).collect()
}

/// The plan as a week file.
fn week_file(plan: &Plan) -> String {
    let id = |i: usize| format!("f{i:02}");
    let mut week = json!({
        "id": "orakel", "name": "Orakelwoche", "timezone": "Europe/Berlin",
        "start": "2020-06-23", "end": "2020-06-25",
        "fora": plan.fora.iter().enumerate().map(|(i, f)| {
            let mut forum = json!({
                "id": id(i), "title": format!("Forum {i}"), "duration": format!("{}m", f.minutes),
                "speakers": f.speakers.iter().map(|&s| SPEAKERS[s]).collect::<Vec<_>>(),
            });
            if let Some(start) = f.start {
                forum["start"] = local(start).into();
            }
            // Room r3 is never declared.
            forum["room"] = format!("r{}", f.room).into();
            if f.cancelled {
                forum["status"] = "cancelled".into();
            }
            if let Some(window) = &f.window {
                forum["window"] = texts(window);
            }
            if !f.after.is_empty() {
                forum["after"] = f.after.iter().map(|&a| id(a)).collect();
            }
            if !f.before.is_empty() {
                forum["before"] = f.before.iter().map(|&b| id(b)).collect();
            }
            forum
        }).collect::<Vec<_>>(),
    });
    if let Some(rooms) = &plan.rooms {
        week["rooms"] = rooms
            .iter()
            .enumerate()
            .map(|(i, available)| {
                let mut room = json!({"id": format!("r{i}"), "name": format!("Raum {i}")});
                if let Some(available) = available {
                    room["available"] = texts(available);
                }
                room
            })
            .collect();
    }
    let mut people = serde_json::Map::new();
    for (person, listed) in plan.people.iter().enumerate() {
        if let Some(available) = listed {
            let name = SPEAKERS[LISTED[person]];
            let entry = match available {
                Some(available) => json!({"available": texts(available)}),
                None => json!({}),
            };
            people.insert(name.to_owned(), entry);
        }
    }
    week["people"] = Value::Object(people);
    week["groups"] = plan
        .groups
        .iter()
        .enumerate()
        .map(|(g, fora)| {
            (
                format!("Gruppe {g}"),
                fora.iter().map(|&f| id(f)).collect::<Value>(),
            )
        })
        .collect::<serde_json::Map<_, _>>()
        .into();
    week.to_string()
}

/// What the oracle finds: the count of each kind, the orders broken (first, then) and the
/// overlapping pairs of each group.
#[derive(Debug, Default, PartialEq)]
struct Found {
    unavailable: u64,
    outside_window: u64,
    out_of_order: BTreeSet<(usize, usize)>,
    group_overlap: Vec<(usize, usize, usize)>,
}

fn within(stretches: &[Stretch], from: Minute, to: Minute) -> bool {
    stretches.iter().any(|s| s.0 <= from && to <= s.1)
}

/// Every forum against every stretch, every order and every pair of a group, by the
/// definitions of the week file's documentation.
fn oracle(plan: &Plan) -> Found {
    let placed = |i: usize| {
        let f = &plan.fora[i];
        f.start
            .filter(|_| !f.cancelled)
            .map(|start| (start, start + f.minutes))
    };
    let mut found = Found::default();
    for (i, forum) in plan.fora.iter().enumerate() {
        let Some((from, to)) = placed(i) else {
            continue;
        };
        if let Some(Some(available)) = plan.rooms.as_ref().and_then(|r| r.get(forum.room))
            && !within(available, from, to)
        {
            found.unavailable += 1;
        }
        let people: BTreeSet<usize> = forum.speakers.iter().map(|&s| PERSON[s]).collect();
        for person in people {
            if let Some(Some(available)) = &plan.people[person]
                && !within(available, from, to)
            {
                found.unavailable += 1;
            }
        }
        if let Some(window) = &forum.window
            && !within(window, from, to)
        {
            found.outside_window += 1;
        }
    }
    let mut orders = BTreeSet::new();
    for (i, forum) in plan.fora.iter().enumerate() {
        orders.extend(forum.after.iter().map(|&first| (first, i)));
        orders.extend(forum.before.iter().map(|&then| (i, then)));
    }
    for (first, then) in orders {
        if let (Some(a), Some(b)) = (placed(first), placed(then))
            && first != then
            && b.0 < a.1
        {
            found.out_of_order.insert((first, then));
        }
    }
    for (g, group) in plan.groups.iter().enumerate() {
        let members: BTreeSet<usize> = group.iter().copied().collect();
        for &a in &members {
            for &b in members.range(a + 1..) {
                if let (Some(x), Some(y)) = (placed(a), placed(b))
                    && x.0 < y.1
                    && y.0 < x.1
                {
                    found.group_overlap.push((g, a, b));
                }
            }
        }
    }
    found.group_overlap.sort_unstable();
    found
}

/// What the checker finds, in the oracle's terms.
fn checked(week: &Week) -> Found {
    let report = check_with(
        week,
        Options {
            max_findings: 100_000,
            ..Options::default()
        },
    );
    let place = |id: &str| id[1..].parse::<usize>().unwrap();
    let pair = |f: &fora::check::Finding| {
        let ids = f.ids(week);
        let (a, b) = (place(ids[0]), place(ids[1]));
        (a.min(b), a.max(b))
    };
    let of = |kind: Kind| report.findings.iter().filter(move |f| f.kind == kind);
    let mut group_overlap: Vec<(usize, usize, usize)> = of(Kind::GroupOverlap)
        .map(|f| {
            let fora::check::Detail::Group(name) = &f.detail else {
                panic!("a group-overlap finding names its group: {f:?}");
            };
            let (a, b) = pair(f);
            (name["Gruppe ".len()..].parse().unwrap(), a, b)
        })
        .collect();
    group_overlap.sort_unstable();
    let out_of_order: BTreeSet<(usize, usize)> = of(Kind::OutOfOrder)
        .map(|f| {
            let fora::check::Detail::Order { first, then } = f.detail else {
                panic!("an out-of-order finding names its order: {f:?}");
            };
            // Its fora are the two of the order, the earlier start first.
            assert_eq!(pair(f), (first.min(then), first.max(then)));
            assert!(week.fora[f.fora[0]].start <= week.fora[f.fora[1]].start);
            (first, then)
        })
        .collect();
    assert_eq!(
        out_of_order.len() as u64,
        report.count_of(Kind::OutOfOrder),
        "one out-of-order finding an order"
    );
    assert_eq!(
        group_overlap.len() as u64,
        report.count_of(Kind::GroupOverlap)
    );
    Found {
        unavailable: report.count_of(Kind::Unavailable),
        outside_window: report.count_of(Kind::OutsideWindow),
        out_of_order,
        group_overlap,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_checker_finds_what_comparing_everything_finds(plan in plan()) {
        let text = week_file(&plan);
        let week = Week::from_json(&text).expect("the oracle's weeks are valid");
        prop_assert_eq!(checked(&week), oracle(&plan), "{}", text);
    }

    #[test]
    fn keeping_fewer_findings_counts_as_many(plan in plan()) {
        let week = Week::from_json(&week_file(&plan)).unwrap();
        let all = fora::check(&week);
        let one = check_with(&week, Options { max_findings: 1, ..Options::default() });
        for kind in [Kind::Unavailable, Kind::OutsideWindow, Kind::OutOfOrder, Kind::GroupOverlap] {
            prop_assert_eq!(all.count_of(kind), one.count_of(kind));
            let kept = one.findings.iter().filter(|f| f.kind == kind).count() as u64;
            prop_assert_eq!(kept, all.count_of(kind).min(1));
            // The one kept is the first of all.
            let first = all.findings.iter().find(|f| f.kind == kind);
            prop_assert_eq!(one.findings.iter().find(|f| f.kind == kind), first);
        }
    }
}

/// A week with one finding of each planning kind: Anna Beispiel speaks outside her hours,
/// the workshop's room is not available that day, the expert forum lies outside its window,
/// the workshop is to end before the opening starts, and two fora of the youth group meet.
fn planned_week() -> Value {
    json!({
        "id": "planwoche", "name": "Planwoche", "timezone": "Europe/Berlin",
        "start": "2020-06-23", "end": "2020-06-24",
        "rooms": [
            {"id": "plenum", "name": "Plenum"},
            {"id": "werkstatt", "name": "Werkstatt", "available": "2020-06-24"}
        ],
        "people": {"Anna Beispiel": {"available": ["2020-06-23T09:00/12:00", "2020-06-24"]}},
        "groups": {"Jugend": ["fachforum-1", "workshop-2"]},
        "fora": [
            {"id": "eroeffnung", "title": "Eröffnung", "start": "2020-06-23T14:00",
             "duration": "60m", "room": "plenum", "speakers": ["anna beispiel"]},
            {"id": "fachforum-1", "title": "Fachforum 1", "start": "2020-06-23T15:00",
             "duration": "60m", "room": "plenum", "window": "2020-06-24",
             "prefer": ["vormittags", "2020-06-24"], "fixed": true},
            {"id": "workshop-2", "title": "Workshop 2", "start": "2020-06-23T15:30",
             "duration": "60m", "room": "werkstatt", "before": "eroeffnung"},
            {"id": "abgesagt", "title": "Abgesagt", "start": "2020-06-23T15:00",
             "duration": "60m", "room": "werkstatt", "status": "cancelled",
             "speakers": ["Anna Beispiel"], "window": "2020-06-24", "after": "workshop-2"},
            {"id": "offen", "title": "Offen", "duration": "60m", "room": "werkstatt",
             "speakers": ["Anna Beispiel"], "window": "2020-06-24", "before": "eroeffnung"}
        ]
    })
}

fn temp_week(week: &Value) -> tempfile::TempPath {
    let file = tempfile::Builder::new()
        .suffix(".json")
        .tempfile()
        .expect("a temporary file");
    std::fs::write(file.path(), serde_json::to_string_pretty(week).unwrap()).expect("written");
    file.into_temp_path()
}

/// What `fora` prints on standard output and error, and its exit code.
fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let output = fora().args(args).output().unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn check_names_each_planning_finding_in_german() {
    let file = temp_week(&planned_week());
    let path = file.to_str().unwrap();
    let (code, out, _) = run(&["check", path, "--lang", "de"]);
    assert_eq!(code, Some(1), "{out}");
    let findings: Vec<&str> = out.lines().filter(|l| l.starts_with("Fehler[")).collect();
    assert_eq!(
        findings,
        [
            "Fehler[unavailable]: „Anna Beispiel“ ist nur Di 23.06. 09:00–12:00, Mi 24.06. verfügbar, „eroeffnung“ liegt Di 23.06. 14:00–15:00",
            "Fehler[unavailable]: Raum „werkstatt“ ist nur Mi 24.06. verfügbar, „workshop-2“ liegt dort Di 23.06. 15:30–16:30",
            "Fehler[outside-window]: „fachforum-1“ liegt Di 23.06. 15:00–16:00, außerhalb seines Zeitfensters Mi 24.06.",
            "Fehler[out-of-order]: „eroeffnung“ (23.06.2020 14:00–15:00) soll erst beginnen, wenn „workshop-2“ (23.06.2020 15:30–16:30) zu Ende ist",
            "Fehler[group-overlap]: „fachforum-1“ (23.06.2020 15:00–16:00) und „workshop-2“ (23.06.2020 15:30–16:30) überschneiden sich, sind aber beide für die Gruppe „Jugend“",
        ]
    );
    // The cancelled forum and the one without a start take part in none.
    assert!(
        !out.contains("„abgesagt“") && !out.contains("„offen“ liegt"),
        "{out}"
    );
    assert!(out.contains("Warnung[unscheduled]: „offen“ hat noch keinen Beginn\n"));
}

#[test]
fn check_names_each_planning_finding_in_english_and_json() {
    let file = temp_week(&planned_week());
    let path = file.to_str().unwrap();
    let (code, out, _) = run(&["check", path, "--lang", "en"]);
    assert_eq!(code, Some(1), "{out}");
    for line in [
        "error[unavailable]: \"Anna Beispiel\" is available only Tue 23 Jun 09:00–12:00, Wed 24 Jun, but \"eroeffnung\" runs Tue 23 Jun 14:00–15:00\n",
        "error[unavailable]: room \"werkstatt\" may be used only Wed 24 Jun, but \"workshop-2\" runs Tue 23 Jun 15:30–16:30 in it\n",
        "error[outside-window]: \"fachforum-1\" runs Tue 23 Jun 15:00–16:00, outside its window Wed 24 Jun\n",
        "error[out-of-order]: \"eroeffnung\" (2020-06-23 14:00–15:00) is to start only once \"workshop-2\" (2020-06-23 15:30–16:30) has ended\n",
        "error[group-overlap]: \"fachforum-1\" (2020-06-23 15:00–16:00) and \"workshop-2\" (2020-06-23 15:30–16:30) overlap, but both are for group \"Jugend\"\n",
    ] {
        assert!(out.contains(line), "{line}\nnot in\n{out}");
    }
    let (_, json, _) = run(&["check", path, "--format", "json"]);
    let report: Value = serde_json::from_str(&json).unwrap();
    let counts = &report["summary"]["finding_counts"];
    assert_eq!(counts["unavailable"], 2);
    assert_eq!(counts["outside-window"], 1);
    assert_eq!(counts["out-of-order"], 1);
    assert_eq!(counts["group-overlap"], 1);
    let order = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "out-of-order")
        .unwrap();
    assert_eq!(order["fora"], json!(["eroeffnung", "workshop-2"]));
    assert_eq!(order["severity"], "error");
}

#[test]
fn a_week_that_keeps_its_plan_has_no_planning_findings() {
    let mut week = planned_week();
    let fora = week["fora"].as_array_mut().unwrap();
    fora[0]["start"] = "2020-06-23T10:00".into();
    fora[1]["start"] = "2020-06-24T09:00".into();
    // Ends as the opening starts: in order.
    fora[2]["start"] = "2020-06-24T10:00".into();
    fora[2]["before"] = json!([]);
    fora[0]["after"] = json!([]);
    fora[4]["start"] = "2020-06-24T11:00".into();
    fora[4]["before"] = json!([]);
    let file = temp_week(&week);
    let (code, out, _) = run(&["check", file.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("no findings"), "{out}");
}

#[test]
fn an_order_is_kept_when_the_second_starts_as_the_first_ends() {
    let mut week = planned_week();
    week["people"] = json!({});
    week["groups"] = json!({});
    week["rooms"][1]["available"] = json!(["2020-06-23T15:00/17:00"]);
    let fora = week["fora"].as_array_mut().unwrap();
    fora[1]["window"] = json!(["2020-06-23"]);
    // The workshop ends 14:00, as the opening starts.
    fora[2]["start"] = "2020-06-23T13:00".into();
    week["rooms"][1]["available"] = json!(["2020-06-23T13:00/14:00"]);
    let file = temp_week(&week);
    let (code, out, _) = run(&["check", file.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(code, Some(0), "{out}");
    // One minute later it is out of order, and out of its room's hours.
    let fora = week["fora"].as_array_mut().unwrap();
    fora[2]["start"] = "2020-06-23T13:01".into();
    let file = temp_week(&week);
    let (code, out, _) = run(&["check", file.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("error[out-of-order]") && out.contains("error[unavailable]: room"));
}

#[test]
fn show_says_when_a_forum_may_run_in_german_and_english() {
    let file = temp_week(&planned_week());
    let path = file.to_str().unwrap();
    let (code, out, _) = run(&["show", path, "fachforum-1", "--lang", "de"]);
    assert_eq!(code, Some(1));
    for line in [
        "Zeitfenster  Mi 24.06.\n",
        "Gewünscht    vormittags, Mi 24.06.\n",
        "Fest         ja: fora plan verschiebt es nicht\n",
        "Gruppen      Jugend\n",
    ] {
        assert!(out.contains(line), "{line:?} not in\n{out}");
    }
    let (_, out, _) = run(&["show", path, "workshop-2", "--lang", "en"]);
    for line in [
        "Before     eroeffnung\n",
        "Groups     Jugend\n",
        "Available  room Werkstatt: Wed 24 Jun\n",
    ] {
        assert!(out.contains(line), "{line:?} not in\n{out}");
    }
    let (_, out, _) = run(&["show", path, "eroeffnung", "--lang", "en"]);
    assert!(
        out.contains("Available  Anna Beispiel: Tue 23 Jun 09:00–12:00, Wed 24 Jun\n"),
        "{out}"
    );
    assert!(!out.contains("Window") && !out.contains("Fixed"), "{out}");
    let (_, json, _) = run(&["show", path, "fachforum-1", "--format", "json"]);
    let card: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        card["planning"],
        json!({"window": ["2020-06-24"], "prefer": ["morning", "2020-06-24"], "fixed": true, "groups": ["Jugend"]})
    );
    let (_, json, _) = run(&["show", path, "eroeffnung", "--format", "json"]);
    let card: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        card["planning"],
        json!({"speakers_available": {"Anna Beispiel": ["2020-06-23T09:00/12:00", "2020-06-24"]}})
    );
}

/// The loader's message for a week with one planning field changed, in both languages.
fn refused(change: impl Fn(&mut Value)) -> (String, String) {
    let mut week = planned_week();
    change(&mut week);
    let file = temp_week(&week);
    let path = file.to_str().unwrap();
    let message = |lang: &str| {
        let (code, out, err) = run(&["check", path, "--lang", lang]);
        assert_eq!(code, Some(2), "{out}{err}");
        assert!(out.is_empty(), "{out}");
        err.replace(path, "woche.json")
    };
    (message("de"), message("en"))
}

#[test]
fn the_loader_names_a_bad_planning_field_in_german_and_english() {
    let (de, en) = refused(|w| w["fora"][2]["before"] = "eroefnung".into());
    assert_eq!(
        de,
        "Fehler: woche.json: Forum „workshop-2“: before: kein Forum hat die Kennung „eroefnung“; meinten Sie „eroeffnung“?\n"
    );
    assert_eq!(
        en,
        "error: woche.json: forum \"workshop-2\": before: no forum has the id \"eroefnung\"; did you mean \"eroeffnung\"?\n"
    );
    let (de, en) = refused(|w| w["groups"]["Jugend"] = json!(["workshop-3"]));
    assert!(
        de.contains("Gruppe „Jugend“ (unter „groups“): fora: kein Forum hat die Kennung „workshop-3“; meinten Sie „workshop-2“?"),
        "{de}"
    );
    assert!(
        en.contains("group \"Jugend\" (under \"groups\"): fora: no forum has the id \"workshop-3\"; did you mean \"workshop-2\"?"),
        "{en}"
    );
    let (de, en) = refused(|w| w["fora"][1]["window"] = "2020-06-23T12:00/09:00".into());
    assert!(
        de.contains("Forum „fachforum-1“: window „2020-06-23T12:00/09:00“ ist keine Zeitspanne"),
        "{de}"
    );
    assert!(
        en.contains(
            "forum \"fachforum-1\": window \"2020-06-23T12:00/09:00\" is not a stretch of time"
        ),
        "{en}"
    );
    let (de, en) = refused(|w| w["people"]["Anna Beispiel"]["available"] = "Dienstag".into());
    assert!(
        de.contains(
            "Person „Anna Beispiel“ (unter „people“): available „Dienstag“ ist keine Zeitspanne"
        ),
        "{de}"
    );
    assert!(
        en.contains("person \"Anna Beispiel\" (under \"people\"): available \"Dienstag\" is not a stretch of time"),
        "{en}"
    );
    let (de, en) = refused(|w| w["rooms"][1]["available"] = json!(["2020-06-24", "morgen"]));
    assert!(
        de.contains("available „morgen“ ist keine Zeitspanne"),
        "{de}"
    );
    assert!(
        en.contains("available \"morgen\" is not a stretch of time"),
        "{en}"
    );
    let (de, en) = refused(|w| w["fora"][1]["prefer"] = "abends".into());
    assert!(
        de.contains("Forum „fachforum-1“: prefer „abends“ ist kein Tag"),
        "{de}"
    );
    assert!(
        en.contains("forum \"fachforum-1\": prefer \"abends\" is not a day"),
        "{en}"
    );
}

/// A change of a week file.
type Change = fn(&mut Value);

fn schema() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(fora::model::WEEK_SCHEMA).unwrap();
    jsonschema::draft202012::new(&schema).unwrap()
}

#[test]
fn the_schema_knows_every_planning_field() {
    let validator = schema();
    let mut week = planned_week();
    week["rules"] = json!({"grid": "30m"});
    week["people"]["Ben Muster"] = json!({"available": "2020-06-23T09:00/2020-06-24T12:00"});
    week["people"]["Cem Yilmaz"] = json!({});
    week["fora"][1]["prefer"] = json!(["morning", "afternoon", "Nachmittags", "10:00/12:00"]);
    week["fora"][1]["after"] = json!(["eroeffnung", "offen"]);
    week["fora"][2]["window"] = json!(["2020-06-23T18:00/24:00", "2020-06-24 09:00/12:00"]);
    week["fora"][4]["prefer"] = "2020-06-24".into();
    let errors: Vec<String> = validator
        .iter_errors(&week)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    Week::from_json(&week.to_string()).expect("the loader reads it too");
    // Each planning key of the loader is one the schema describes.
    let described: Value = serde_json::from_str(fora::model::WEEK_SCHEMA).unwrap();
    let keys = |object: &Value| -> BTreeSet<String> {
        object["properties"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect()
    };
    let forum = keys(&described["$defs"]["forum"]);
    for key in fora::model::FORUM_KEYS {
        assert!(
            forum.contains(*key),
            "the schema describes no forum key {key}"
        );
    }
    let person = keys(&described["properties"]["people"]["additionalProperties"]);
    let expected: BTreeSet<String> = fora::model::PERSON_KEYS
        .iter()
        .map(|k| (*k).to_owned())
        .collect();
    assert_eq!(person, expected);
    for key in fora::model::ROOM_KEYS {
        assert!(keys(&described["properties"]["rooms"]["items"]).contains(*key));
    }
    for key in fora::model::RULES_KEYS {
        assert!(keys(&described["properties"]["rules"]).contains(*key));
    }
}

#[test]
fn a_bad_stretch_or_wish_is_refused_by_the_schema_as_by_the_loader() {
    let validator = schema();
    let changes: [(&str, Change); 6] = [
        ("window", |w| w["fora"][1]["window"] = "Dienstag".into()),
        ("window hours", |w| {
            w["fora"][1]["window"] = "2020-06-23T09:00/9 Uhr".into()
        }),
        ("available", |w| w["rooms"][1]["available"] = json!([1])),
        ("person", |w| {
            w["people"]["Anna Beispiel"]["available"] = "morgen".into()
        }),
        ("prefer", |w| w["fora"][1]["prefer"] = json!(["abends"])),
        ("fixed", |w| w["fora"][1]["fixed"] = "ja".into()),
    ];
    for (name, change) in changes {
        let mut week = planned_week();
        change(&mut week);
        assert!(!validator.is_valid(&week), "the schema takes {name}");
        assert!(
            Week::from_json(&week.to_string()).is_err(),
            "the loader takes {name}"
        );
    }
}

#[test]
fn set_writes_planning_fields_as_the_loader_reads_them() {
    let mut week = planned_week();
    week["people"] = json!({});
    week["rooms"][1]["available"] = json!(["2020-06-23"]);
    week["groups"] = json!({});
    week["fora"][2]["before"] = json!([]);
    week["fora"][1]["window"] = json!(["2020-06-23"]);
    let file = temp_week(&week);
    let path = file.to_str().unwrap();
    let before = std::fs::read_to_string(path).unwrap();
    let (code, out, err) = run(&[
        "set",
        path,
        "workshop-2",
        "window=2020-06-23, 2020-06-24 09:00/12:00",
        "after=eroeffnung",
        "prefer=vormittags,10:00/12:00",
        "fixed=ja",
        "--lang",
        "de",
    ]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert_eq!(
        out,
        "„workshop-2“ geändert: window „2020-06-23, 2020-06-24T09:00/12:00“; after „eroeffnung“; prefer „morning, 10:00/12:00“; fixed „true“\n"
    );
    let written = Week::load(path.as_ref()).unwrap();
    let planning = written.fora[2].planning();
    assert_eq!(
        planning.window,
        Some(vec![
            fora::model::Interval::parse("2020-06-23").unwrap(),
            fora::model::Interval::parse("2020-06-24T09:00/12:00").unwrap(),
        ])
    );
    assert_eq!(planning.after, ["eroeffnung"]);
    assert_eq!(
        planning.prefer,
        [
            fora::model::Preference::Morning,
            fora::model::Preference::parse("10:00/12:00").unwrap()
        ]
    );
    assert!(planning.fixed);
    // One id is written as a text; every other forum keeps its bytes.
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains("\"after\": \"eroeffnung\""), "{text}");
    let other = |text: &str| {
        text[..text.find("\"workshop-2\"").unwrap()]
            .lines()
            .filter(|l| !l.contains("\"updated\""))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(other(&text), other(&before));
    // Said again, it changes nothing; an empty value removes the field.
    let written_once = std::fs::read(path).unwrap();
    let (code, out, _) = run(&[
        "set",
        path,
        "workshop-2",
        "window=2020-06-23,2020-06-24T09:00/12:00",
        "prefer=morning,10:00/12:00",
        "after=eroeffnung",
        "fixed=true",
        "--lang",
        "en",
    ]);
    assert_eq!(code, Some(0));
    assert!(out.starts_with("nothing to change: "), "{out}");
    assert_eq!(std::fs::read(path).unwrap(), written_once);
    // What the file says in other words (`vormittags`, a window as a text) stays as written.
    let (code, out, _) = run(&[
        "set",
        path,
        "fachforum-1",
        "prefer=morning, 2020-06-24",
        "window=2020-06-23T00:00/24:00",
        "fixed=yes",
        "--lang",
        "en",
    ]);
    assert_eq!(code, Some(0));
    assert!(out.starts_with("nothing to change: "), "{out}");
    assert_eq!(std::fs::read(path).unwrap(), written_once);
    let (code, _, _) = run(&["set", path, "workshop-2", "after=", "prefer=", "fixed=nein"]);
    assert_eq!(code, Some(0));
    let written = Week::load(path.as_ref()).unwrap();
    assert!(written.fora[2].planning().after.is_empty());
    assert!(written.fora[2].planning().prefer.is_empty());
    assert!(!written.fora[2].planning().fixed);
}

#[test]
fn set_refuses_a_bad_planning_value_in_german_and_english() {
    let file = temp_week(&planned_week());
    let path = file.to_str().unwrap();
    let before = std::fs::read(path).unwrap();
    for (args, de, en) in [
        (
            "window=2020-06-23,morgen",
            "Fehler: window=morgen: keine Zeitspanne; schreiben Sie einen Tag wie 2020-06-23, Stunden eines Tages wie 2020-06-23T09:00/12:00 oder 2020-06-23T09:00/2020-06-24T12:00, mehrere durch Kommas getrennt\n",
            "error: window=morgen: not a stretch of time; write a day like 2020-06-23, hours of a day like 2020-06-23T09:00/12:00 or 2020-06-23T09:00/2020-06-24T12:00, several separated by commas\n",
        ),
        (
            "prefer=abends",
            "Fehler: prefer=abends: kein Tag (2020-06-24), kein vormittags oder nachmittags und keine Stunden (10:00/12:00)\n",
            "error: prefer=abends: not a day (2020-06-24), morning, afternoon or hours (10:00/12:00)\n",
        ),
        (
            "after=eroefnung",
            "Fehler: after=eroefnung: die Woche Planwoche hat kein Forum mit dieser Kennung; meinten Sie „eroeffnung“ (Eröffnung)?\n",
            "error: after=eroefnung: the week Planwoche has no forum with this id; did you mean \"eroeffnung\" (Eröffnung)?\n",
        ),
        (
            "fixed=vielleicht",
            "Fehler: fixed=vielleicht: weder ja noch nein; schreiben Sie ja, nein, yes, no, true oder false\n",
            "error: fixed=vielleicht: not yes or no; write true, false, yes, no, ja or nein\n",
        ),
    ] {
        for (lang, expected) in [("de", de), ("en", en)] {
            let (code, out, err) = run(&["set", path, "workshop-2", args, "--lang", lang]);
            assert_eq!(code, Some(2), "{out}");
            assert_eq!(err, expected);
        }
    }
    assert_eq!(std::fs::read(path).unwrap(), before, "nothing is written");
}

#[test]
fn set_refuses_a_window_that_adds_an_error_unless_forced() {
    let mut week = planned_week();
    week["people"] = json!({});
    week["rooms"][1]["available"] = json!(["2020-06-23"]);
    week["groups"] = json!({});
    week["fora"][2]["before"] = json!([]);
    week["fora"][1]["window"] = json!(["2020-06-23"]);
    let file = temp_week(&week);
    let path = file.to_str().unwrap();
    let (code, out, err) = run(&[
        "set",
        path,
        "fachforum-1",
        "window=2020-06-24",
        "--lang",
        "en",
    ]);
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(err.contains("error[outside-window]"), "{err}");
    let (code, out, err) = run(&["set", path, "fachforum-1", "window=2020-06-24", "--force"]);
    assert_eq!(code, Some(1), "{out}{err}");
    let written = Week::load(path.as_ref()).unwrap();
    assert_eq!(
        written.fora[1].planning().window,
        Some(vec![fora::model::Interval::parse("2020-06-24").unwrap()])
    );
}
