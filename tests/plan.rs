//! `fora plan`: every plan is held to an oracle written here from the week file's words
//! (rooms, speakers, days, day window, grid, capacity, availability, windows, order,
//! groups), and to the checker; random weeks are made from a plan known to work, then
//! unscheduled, so a plan always exists; small weeks are planned by trying every plan.

#[path = "support/fora.rs"]
mod binary;

use binary::fora;
use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use proptest::prelude::*;
use serde_json::{Value, json};

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").expect("a local time")
}

/// `90m`, `1h30m`, `1.5h` or a number of minutes, as the weeks here write durations.
fn minutes_of(duration: &Value) -> i64 {
    if let Some(minutes) = duration.as_i64() {
        return minutes;
    }
    let text = duration.as_str().expect("a duration");
    let (hours, rest) = text.split_once('h').unwrap_or(("0", text));
    let minutes = rest.trim_end_matches('m');
    (hours.parse::<f64>().unwrap() * 60.0) as i64 + minutes.parse::<i64>().unwrap_or(0)
}

/// `2030-06-03`, `2030-06-03T09:00/12:00` or `…/2030-06-04T12:00`, read here on its own.
fn stretch(text: &str) -> (NaiveDateTime, NaiveDateTime) {
    match text.split_once('/') {
        None => {
            let day = NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
            let from = day.and_hms_opt(0, 0, 0).unwrap();
            (from, from + TimeDelta::days(1))
        }
        Some((from, to)) => {
            let from = at(from);
            let to = if to.len() == 5 {
                at(&format!("{}T{to}", from.date()))
            } else {
                at(to)
            };
            (from, to)
        }
    }
}

fn within(times: &Value, from: NaiveDateTime, to: NaiveDateTime) -> bool {
    let list: Vec<&str> = match times {
        Value::String(one) => vec![one.as_str()],
        Value::Array(many) => many.iter().filter_map(Value::as_str).collect(),
        _ => return true,
    };
    list.iter().any(|t| {
        let (a, b) = stretch(t);
        a <= from && to <= b
    })
}

fn names(value: &Value) -> Vec<String> {
    match value {
        Value::String(one) => vec![one.clone()],
        Value::Array(many) => many
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    }
}

/// What is wrong with a planned week, by the week file's words alone; empty when nothing.
/// Weeks here have no clock change, so local times compare as instants.
fn broken(week: &Value) -> Vec<String> {
    let mut wrong = Vec::new();
    let day =
        |key: &str| NaiveDate::parse_from_str(week[key].as_str().unwrap(), "%Y-%m-%d").unwrap();
    let (first, last) = (day("start"), day("end"));
    let rules = &week["rules"];
    let time = |key: &str, default: &str| {
        let text = rules[key].as_str().unwrap_or(default).to_owned();
        let (h, m) = text.split_once(':').unwrap();
        h.parse::<i64>().unwrap() * 60 + m.parse::<i64>().unwrap()
    };
    let (day_start, day_end) = (time("day_start", "09:00"), time("day_end", "18:00"));
    let grid = rules["grid"]
        .as_str()
        .map_or(15, |g| g.trim_end_matches('m').parse().unwrap());
    let single = rules["parallel"] == json!(false);
    let rooms = week["rooms"].as_array().cloned().unwrap_or_default();
    let fora: Vec<&Value> = week["fora"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["status"] != json!("cancelled"))
        .collect();
    let span = |f: &Value| {
        let start = at(f["start"].as_str().unwrap());
        (
            start,
            start + TimeDelta::minutes(minutes_of(&f["duration"])),
        )
    };
    for f in &fora {
        let id = f["id"].as_str().unwrap();
        if f["start"].as_str().is_none() {
            wrong.push(format!("{id} has no start"));
            continue;
        }
        let (from, to) = span(f);
        let of_day = |t: NaiveDateTime| (t - t.date().and_hms_opt(0, 0, 0).unwrap()).num_minutes();
        if from.date() < first || to.date() > last || (to.date() > from.date() && of_day(to) > 0) {
            wrong.push(format!("{id} outside the week"));
        }
        if of_day(from) < day_start || of_day(from) + minutes_of(&f["duration"]) > day_end {
            wrong.push(format!("{id} outside the day window"));
        }
        if f["x-planned"] == json!(true) && of_day(from) % grid != 0 {
            wrong.push(format!("{id} off the grid"));
        }
        let room = rooms.iter().find(|r| r["id"] == f["room"]);
        if !rooms.is_empty() && room.is_none() {
            wrong.push(format!("{id} has no declared room"));
        }
        if let Some(registrations) = f["registrations"].as_u64() {
            let seats = [
                f["capacity"].as_u64(),
                room.and_then(|r| r["capacity"].as_u64()),
            ];
            if seats.iter().flatten().any(|&c| registrations > c) {
                wrong.push(format!("{id} over capacity"));
            }
        }
        if let Some(room) = room
            && !within(&room["available"], from, to)
        {
            wrong.push(format!(
                "{id} in room {} when it is not available",
                room["id"]
            ));
        }
        if !within(&f["window"], from, to) {
            wrong.push(format!("{id} outside its window"));
        }
        for speaker in names(&f["speakers"]) {
            if let Some(person) = week["people"].get(&speaker)
                && !within(&person["available"], from, to)
            {
                wrong.push(format!("{id}: {speaker} not available"));
            }
        }
        for (key, after) in [("after", true), ("before", false)] {
            for other in names(&f[key]) {
                let o = fora.iter().find(|g| g["id"] == json!(other)).unwrap();
                if o["start"].as_str().is_none() {
                    continue;
                }
                let (of, ot) = span(o);
                if (after && from < ot) || (!after && to > of) {
                    wrong.push(format!("{id} {key} {other} broken"));
                }
            }
        }
    }
    wrong.extend(overlaps_broken(week, &fora, single, rooms.is_empty()));
    wrong
}

/// What is wrong between two placed fora of a planned week: a room or the single track,
/// a speaker or a group at once.
fn overlaps_broken(week: &Value, fora: &[&Value], single: bool, roomless: bool) -> Vec<String> {
    let mut wrong = Vec::new();
    let span = |f: &Value| {
        let start = at(f["start"].as_str().unwrap());
        (
            start,
            start + TimeDelta::minutes(minutes_of(&f["duration"])),
        )
    };
    let placed: Vec<&&Value> = fora.iter().filter(|f| f["start"].is_string()).collect();
    for (n, a) in placed.iter().enumerate() {
        for b in &placed[n + 1..] {
            let ((af, at_), (bf, bt)) = (span(a), span(b));
            if !(af < bt && bf < at_) {
                continue;
            }
            let (ia, ib) = (a["id"].as_str().unwrap(), b["id"].as_str().unwrap());
            if single || roomless || a["room"] == b["room"] {
                wrong.push(format!(
                    "{ia} and {ib} overlap in a room or the single track"
                ));
            }
            let lower = |f: &Value| -> Vec<String> {
                names(&f["speakers"])
                    .iter()
                    .map(|s| s.trim().to_lowercase())
                    .collect()
            };
            if lower(a).iter().any(|s| lower(b).contains(s)) {
                wrong.push(format!("{ia} and {ib} share a speaker at once"));
            }
            if let Some(groups) = week["groups"].as_object() {
                for (name, members) in groups {
                    let members = names(members);
                    if members.iter().any(|m| m == ia) && members.iter().any(|m| m == ib) {
                        wrong.push(format!("{ia} and {ib} of group {name} at once"));
                    }
                }
            }
        }
    }
    wrong
}

/// The week with the plan's starts and rooms written in, by this test, and each planned
/// forum marked for the grid check.
fn apply(week: &Value, plan: &fora::plan::Plan) -> Value {
    let mut planned = week.clone();
    for placed in &plan.placed {
        let forum = &mut planned["fora"][placed.forum];
        forum["start"] = json!(placed.start.format("%Y-%m-%dT%H:%M").to_string());
        if let Some(room) = &placed.room {
            forum["room"] = json!(room);
        }
        forum["x-planned"] = json!(true);
    }
    planned
}

fn plan_of(week: &Value, replan: bool, seed: u64) -> fora::plan::Plan {
    let model = fora::Week::from_json(&week.to_string()).expect("a valid week");
    fora::plan::plan(
        &model,
        &fora::plan::Options {
            replan,
            seed,
            stop: &|| false,
        },
    )
}

fn errors(week: &Value) -> u64 {
    let model = fora::Week::from_json(&week.to_string()).expect("the planned week loads");
    fora::check::check(&model).count(fora::check::Severity::Error)
}

/// Dice for building weeks, from a seed.
struct Dice(fastrand::Rng);

impl Dice {
    fn new(seed: u64) -> Self {
        Dice(fastrand::Rng::with_seed(seed))
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0.u64(..n.max(1))
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// A local time as week files write it.
fn local_time(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M").to_string()
}

/// A forum of a plan: its room, day, first cell and cells.
type Cell = (usize, i64, i64, i64);

/// The plan a random week is made from: its days, rooms and rules, and where each forum is.
struct Layout {
    days: i64,
    hours: i64,
    grid: i64,
    rooms: usize,
    single: bool,
    capacities: Vec<u64>,
    first: NaiveDate,
    fora: Vec<Cell>,
}

impl Layout {
    fn new(dice: &mut Dice) -> Self {
        let days = 1 + dice.below(3) as i64;
        let hours = 2 + dice.below(5) as i64;
        let grid = [30, 60][dice.below(2) as usize];
        let rooms = 1 + dice.below(3) as usize;
        let single = dice.chance(15);
        let capacities: Vec<u64> = (0..rooms)
            .map(|_| [20, 50, 100][dice.below(3) as usize])
            .collect();
        let first = NaiveDate::from_ymd_opt(2030, 6, 3).unwrap();
        let cells = hours * 60 / grid;
        // The plan: which forum holds each cell of each room and day.
        let mut taken = vec![vec![vec![false; cells as usize]; days as usize]; rooms];
        let mut track = vec![vec![false; cells as usize]; days as usize];
        let mut fora: Vec<(usize, i64, i64, i64)> = Vec::new(); // room, day, first cell, cells
        for _ in 0..(8 + dice.below(20)) {
            let (room, day) = (
                dice.below(rooms as u64) as usize,
                dice.below(days as u64) as i64,
            );
            let length = 1 + dice.below(2) as i64;
            let start = dice.below((cells - length + 1).max(1) as u64) as i64;
            if start + length > cells {
                continue;
            }
            let range = start as usize..(start + length) as usize;
            let free = taken[room][day as usize][range.clone()].iter().all(|t| !t)
                && (!single || track[day as usize][range.clone()].iter().all(|t| !t));
            if free {
                for c in range {
                    taken[room][day as usize][c] = true;
                    track[day as usize][c] = true;
                }
                fora.push((room, day, start, length));
            }
        }
        Layout {
            days,
            hours,
            grid,
            rooms,
            single,
            capacities,
            first,
            fora,
        }
    }

    fn when(&self, &(_, day, start, length): &Cell) -> (NaiveDateTime, NaiveDateTime) {
        let from = self.first.and_hms_opt(9, 0, 0).unwrap()
            + TimeDelta::days(day)
            + TimeDelta::minutes(start * self.grid);
        (from, from + TimeDelta::minutes(length * self.grid))
    }

    fn overlap(&self, a: &Cell, b: &Cell) -> bool {
        let ((af, at_), (bf, bt)) = (self.when(a), self.when(b));
        af < bt && bf < at_
    }
}

/// Speakers for each forum of `plan`, never two fora at once, and when some are available.
fn speakers(dice: &mut Dice, plan: &Layout) -> (Vec<Vec<u64>>, serde_json::Map<String, Value>) {
    let (fora, grid) = (&plan.fora, plan.grid);
    let when = |f: &Cell| plan.when(f);
    let overlap = |a: &Cell, b: &Cell| plan.overlap(a, b);
    let speakers = 2 + dice.below(6);
    let mut speaking: Vec<Vec<u64>> = vec![Vec::new(); fora.len()];
    for n in 0..fora.len() {
        for _ in 0..dice.below(3) {
            let s = dice.below(speakers);
            let busy = (0..fora.len())
                .any(|m| m != n && speaking[m].contains(&s) && overlap(&fora[n], &fora[m]));
            if !busy && !speaking[n].contains(&s) {
                speaking[n].push(s);
            }
        }
    }
    let mut people = serde_json::Map::new();
    for s in 0..speakers {
        if dice.chance(40) {
            // Available around each forum they speak in, and a little more.
            let times: Vec<String> = (0..fora.len())
                .filter(|&n| speaking[n].contains(&s))
                .map(|n| {
                    let (from, to) = when(&fora[n]);
                    format!(
                        "{}/{}",
                        local_time(from - TimeDelta::minutes(grid * dice.below(2) as i64)),
                        to.format("%H:%M")
                    )
                })
                .collect();
            people.insert(format!("Person {s}"), json!({"available": times}));
        }
    }
    (speaking, people)
}

/// Orders and a group that `plan` keeps, written into `entries`; the groups.
fn order_and_groups(
    dice: &mut Dice,
    plan: &Layout,
    entries: &mut [Value],
) -> serde_json::Map<String, Value> {
    let fora = &plan.fora;
    let when = |f: &Cell| plan.when(f);
    let overlap = |a: &Cell, b: &Cell| plan.overlap(a, b);
    // Order and groups that the plan keeps.
    for n in 0..fora.len() {
        for m in 0..fora.len() {
            if n != m && when(&fora[n]).1 <= when(&fora[m]).0 && dice.chance(5) {
                entries[m]["after"] = json!(format!("f{n}"));
            }
        }
    }
    let mut groups = serde_json::Map::new();
    let mut members: Vec<usize> = Vec::new();
    for n in 0..fora.len() {
        if dice.chance(30) && members.iter().all(|&m| !overlap(&fora[n], &fora[m])) {
            members.push(n);
        }
    }
    if members.len() > 1 {
        groups.insert(
            "Jugend".into(),
            json!(members.iter().map(|m| format!("f{m}")).collect::<Vec<_>>()),
        );
    }
    groups
}

/// A week made from a plan that keeps every rule, and the plan's starts by forum.
fn feasible_week(seed: u64) -> (Value, Vec<Option<(NaiveDateTime, String)>>) {
    let mut dice = Dice::new(seed);
    let plan = Layout::new(&mut dice);
    let Layout {
        days,
        hours,
        grid,
        rooms,
        single,
        ref capacities,
        first,
        ref fora,
    } = plan;
    let when = |f: &Cell| plan.when(f);
    let (speaking, people) = speakers(&mut dice, &plan);
    let local = local_time;
    let mut entries = Vec::new();
    let mut hidden = Vec::new();
    for (n, forum) in fora.iter().enumerate() {
        let (from, to) = when(forum);
        let mut entry = json!({
            "id": format!("f{n}"),
            "title": format!("Forum {n}"),
            "duration": format!("{}m", forum.3 * grid),
            "speakers": speaking[n].iter().map(|s| format!("Person {s}")).collect::<Vec<_>>(),
            "registrations": dice.below(capacities[forum.0] + 1),
        });
        if dice.chance(30) {
            entry["window"] = json!([from.format("%Y-%m-%d").to_string()]);
        } else if dice.chance(20) {
            entry["window"] = json!([format!("{}/{}", local(from), to.format("%H:%M"))]);
        }
        if dice.chance(15) {
            entry["prefer"] = json!(["morning"]);
        }
        let room = format!("r{}", forum.0);
        if dice.chance(20) {
            // Stays where it is.
            entry["start"] = json!(local(from));
            entry["room"] = json!(room);
            hidden.push(None);
        } else {
            if dice.chance(15) {
                entry["room"] = json!(room);
            }
            hidden.push(Some((from, room)));
        }
        entries.push(entry);
    }
    let groups = order_and_groups(&mut dice, &plan, &mut entries);
    let last = first + TimeDelta::days(days - 1);
    let mut week = json!({
        "id": format!("random-{seed}"),
        "name": "Zufallswoche",
        "timezone": "Europe/Berlin",
        "start": first.to_string(),
        "end": last.to_string(),
        "rooms": (0..rooms).map(|r| json!({"id": format!("r{r}"), "name": format!("Raum {r}"), "capacity": capacities[r]})).collect::<Vec<_>>(),
        "people": people,
        "groups": groups,
        "rules": {"day_start": "09:00", "day_end": format!("{:02}:00", 9 + hours), "grid": format!("{grid}m"), "parallel": !single},
        "fora": entries,
    });
    if dice.chance(30) {
        // A room open only on the days the plan uses it.
        let r = dice.below(rooms as u64) as usize;
        let used: Vec<String> = (0..days)
            .filter(|&d| fora.iter().any(|f| f.0 == r && f.1 == d))
            .map(|d| (first + TimeDelta::days(d)).to_string())
            .collect();
        if !used.is_empty() {
            week["rooms"][r]["available"] = json!(used);
        }
    }
    (week, hidden)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A week that has a plan gets one: every forum placed, nothing the oracle or the
    /// checker calls an error, and the fora that had a start where they were.
    #[test]
    fn a_week_with_a_plan_is_planned(seed in any::<u64>(), plan_seed in 0u64..1000) {
        let (week, hidden) = feasible_week(seed);
        prop_assert!(broken(&{
            let mut known = week.clone();
            for (n, h) in hidden.iter().enumerate() {
                if let Some((from, room)) = h {
                    known["fora"][n]["start"] = json!(from.format("%Y-%m-%dT%H:%M").to_string());
                    known["fora"][n]["room"] = json!(room);
                }
            }
            known
        }).is_empty(), "the plan the week was made from keeps every rule");
        let plan = plan_of(&week, false, plan_seed);
        prop_assert!(plan.not_placed.is_empty(), "not placed: {:?}\n{week:#}", plan.not_placed);
        let planned = apply(&week, &plan);
        prop_assert_eq!(broken(&planned), Vec::<String>::new(), "{:#}", planned);
        prop_assert_eq!(errors(&planned), 0);
        for placed in &plan.placed {
            prop_assert!(hidden[placed.forum].is_some(), "a forum with a start was moved");
        }
        prop_assert_eq!(plan.placed.len(), hidden.iter().filter(|h| h.is_some()).count());
    }

    /// `--replan` of a week that keeps every rule moves nothing.
    #[test]
    fn replanning_a_valid_week_moves_nothing(seed in any::<u64>()) {
        let (week, _) = feasible_week(seed);
        let first = plan_of(&week, false, 3);
        // A week with fora left without a place is not yet valid.
        prop_assume!(first.not_placed.is_empty());
        let planned = apply(&week, &first);
        let again = plan_of(&planned, true, 4);
        let moved: Vec<_> = again.placed.iter().filter(|p| p.moved).collect();
        prop_assert!(moved.is_empty(), "moved: {:?}", moved);
    }

    /// Small weeks, planned by trying every plan: fora placed as many, and attendees with
    /// two fora at once as few, as the best of all plans.
    #[test]
    fn small_weeks_are_planned_as_well_as_by_trying_every_plan(seed in any::<u64>()) {
        let mut dice = Dice::new(seed);
        let fora = 2 + dice.below(3) as usize;
        let mut entries = Vec::new();
        for n in 0..fora {
            let attendees: Vec<String> = (0..6).filter(|_| dice.chance(40)).map(|a| format!("T-{a}")).collect();
            let speakers: Vec<String> = (0..2).filter(|_| dice.chance(30)).map(|s| format!("S{s}")).collect();
            entries.push(json!({"id": format!("f{n}"), "title": format!("F{n}"), "duration": "60m",
                "speakers": speakers, "attendees": attendees}));
        }
        let week = json!({"id": "klein", "name": "Klein", "timezone": "Europe/Berlin",
            "start": "2030-06-03", "end": "2030-06-03",
            "rooms": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
            "rules": {"day_start": "09:00", "day_end": "12:00", "grid": "60m"},
            "fora": entries});
        // Every plan: each forum at one of 3 hours in one of 2 rooms, or nowhere.
        let places: Vec<Option<(u32, &str)>> = std::iter::once(None)
            .chain((9..12).flat_map(|h| [Some((h, "a")), Some((h, "b"))]))
            .collect();
        let mut best = (usize::MAX, u64::MAX);
        let mut choice = vec![0usize; fora];
        loop {
            let mut tried = week.clone();
            for (n, &c) in choice.iter().enumerate() {
                if let Some((hour, room)) = places[c] {
                    tried["fora"][n]["start"] = json!(format!("2030-06-03T{hour:02}:00"));
                    tried["fora"][n]["room"] = json!(room);
                }
            }
            let missing = choice.iter().filter(|&&c| c == 0).count();
            let valid = broken(&tried).iter().all(|w| w.ends_with("has no start"));
            if valid {
                let clashes: u64 = (0..fora).flat_map(|a| (a + 1..fora).map(move |b| (a, b)))
                    .filter(|&(a, b)| matches!((places[choice[a]], places[choice[b]]), (Some((x, _)), Some((y, _))) if x == y))
                    .map(|(a, b)| {
                        let of = |n: usize| names(&tried["fora"][n]["attendees"]);
                        of(a).iter().filter(|t| of(b).contains(t)).count() as u64
                    })
                    .sum();
                best = best.min((missing, clashes));
            }
            // The next choice, counting in base `places.len()`.
            let mut digit = 0;
            loop {
                if digit == fora { break; }
                choice[digit] += 1;
                if choice[digit] < places.len() { break; }
                choice[digit] = 0;
                digit += 1;
            }
            if digit == fora { break; }
        }
        let plan = plan_of(&week, false, 1);
        let planned = apply(&week, &plan);
        prop_assert!(broken(&planned).iter().all(|w| w.ends_with("has no start")));
        prop_assert_eq!((plan.not_placed.len(), plan.objective.attendee_clashes), best, "{:#}", week);
    }
}

/// The 2020 week, with every forum's start taken away.
fn unscheduled_2020() -> Value {
    let text = std::fs::read_to_string("schedules/engagementkongress-2020.json").unwrap();
    let mut week: Value = serde_json::from_str(&text).unwrap();
    for forum in week["fora"].as_array_mut().unwrap() {
        forum.as_object_mut().unwrap().remove("start");
    }
    week
}

#[test]
fn the_2020_week_unscheduled_is_planned_without_an_error() {
    let week = unscheduled_2020();
    let plan = plan_of(&week, false, 1);
    assert!(plan.not_placed.is_empty());
    assert_eq!(plan.placed.len(), 15);
    let planned = apply(&week, &plan);
    assert_eq!(broken(&planned), Vec::<String>::new());
    assert_eq!(errors(&planned), 0);
}

fn write(dir: &tempfile::TempDir, name: &str, week: &Value) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, serde_json::to_string_pretty(week).unwrap() + "\n").unwrap();
    path
}

#[test]
fn the_same_seed_gives_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let (week, _) = feasible_week(7);
    let input = write(&dir, "week.json", &week);
    let run = |out: &str, seed: &str| {
        fora()
            .env("SOURCE_DATE_EPOCH", "1592900000")
            .args([
                "plan",
                input.to_str().unwrap(),
                "--seed",
                seed,
                "--format",
                "json",
                "-o",
            ])
            .arg(dir.path().join(out))
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    let bytes = |name: &str| std::fs::read(dir.path().join(name)).unwrap();
    let first = run("a.json", "5");
    let planned = bytes("a.json");
    let second = run("a.json", "5");
    assert_eq!(first, second, "the reports differ");
    assert_eq!(planned, bytes("a.json"));
    // Another seed may plan otherwise, but keeps every rule too.
    run("b.json", "6");
    let other: Value = serde_json::from_slice(&bytes("b.json")).unwrap();
    assert!(broken(&other).is_empty());
}

#[test]
fn a_speaker_available_for_one_hour_with_two_fora_leaves_one_unplaced_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let week = json!({
        "id": "eng", "name": "Engpass", "timezone": "Europe/Berlin", "language": "de",
        "start": "2020-06-23", "end": "2020-06-24",
        "rooms": [{"id": "plenum", "name": "Plenum"}, {"id": "praxis", "name": "Praxisraum"}],
        "people": {"Anna Beispiel": {"available": ["2020-06-23T09:00/10:00"]}},
        "fora": [
            {"id": "vortrag", "title": "Vortrag", "duration": "60m", "speakers": ["Anna Beispiel"]},
            {"id": "werkstatt", "title": "Werkstatt", "duration": "60m", "speakers": ["anna beispiel"]}
        ]
    });
    let input = write(&dir, "week.json", &week);
    let out = dir.path().join("planned.json");
    let assert = fora()
        .env("SOURCE_DATE_EPOCH", "1592900000")
        .args(["plan", input.to_str().unwrap(), "-o", out.to_str().unwrap()])
        .assert()
        .code(1);
    let report = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(
        report.contains(
            "„Werkstatt“ (werkstatt): Anna Beispiel ist nur Di 23.06. 09:00–10:00 verfügbar, und dann spricht Anna Beispiel in „Vortrag“"
        ),
        "{report}"
    );
    assert!(
        report.contains("1 Forum platziert, 0 verschoben, 1 nicht platziert."),
        "{report}"
    );
    let planned: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(planned["fora"][0]["start"], json!("2020-06-23T09:00"));
    assert!(planned["fora"][1].get("start").is_none());
    let english = fora()
        .args(["--lang", "en", "plan", input.to_str().unwrap()])
        .assert()
        .code(1);
    let report = String::from_utf8(english.get_output().stdout.clone()).unwrap();
    assert!(
        report.contains(
            "\"Werkstatt\" (werkstatt): Anna Beispiel is available only Tue 23 Jun 09:00–10:00, and Anna Beispiel speaks in \"Vortrag\" then"
        ),
        "{report}"
    );
    assert!(report.contains("  \"Vortrag\" (vortrag)\n"), "{report}");
}

#[test]
fn a_forum_too_large_for_every_room_or_too_long_for_its_window_says_so() {
    let week = json!({
        "id": "eng", "name": "Engpass", "timezone": "Europe/Berlin",
        "start": "2020-06-23", "end": "2020-06-23",
        "rooms": [{"id": "a", "name": "A", "capacity": 50}, {"id": "b", "name": "B", "capacity": 100}],
        "fora": [
            {"id": "gross", "title": "Groß", "duration": "60m", "registrations": 120},
            {"id": "lang", "title": "Lang", "duration": "2h", "window": "2020-06-23T10:00/11:30"},
            {"id": "voll", "title": "Voll", "duration": "60m", "window": "2020-06-23T09:00/10:00", "room": "a"},
            {"id": "da", "title": "Da", "duration": "60m", "start": "2020-06-23T09:00", "room": "a"}
        ]
    });
    let plan = plan_of(&week, false, 1);
    let model = fora::Week::from_json(&week.to_string()).unwrap();
    let reasons: Vec<(String, String)> = plan
        .not_placed
        .iter()
        .map(|n| {
            (
                model.fora[n.forum].id.clone(),
                n.reason.render(&model, fora::Language::En),
            )
        })
        .collect();
    assert_eq!(
        reasons,
        [
            (
                "gross".to_owned(),
                "120 registered, but no room it may have seats more than 100".to_owned()
            ),
            (
                "lang".to_owned(),
                "its window allows only Tue 23 Jun 10:00–11:30, which leaves no start for its 2h on the grid of 15 minutes".to_owned()
            ),
            (
                "voll".to_owned(),
                "its window allows only Tue 23 Jun 09:00–10:00, and all rooms are full then".to_owned()
            ),
        ]
    );
}

#[test]
fn replanning_moves_only_the_forum_whose_speaker_became_unavailable() {
    let text = std::fs::read_to_string("schedules/engagementkongress-2020.json").unwrap();
    let mut week: Value = serde_json::from_str(&text).unwrap();
    let index = 1;
    let forum = week["fora"][index].clone();
    let speaker = names(&forum["speakers"])[0].clone();
    let start = at(forum["start"].as_str().unwrap());
    // Only the day after, from then on.
    let later = (start + TimeDelta::days(1)).date();
    week["people"] =
        json!({ speaker.clone(): {"available": [format!("{later}T09:00/2020-06-26T18:00")]} });
    let plan = plan_of(&week, true, 1);
    assert!(plan.not_placed.is_empty(), "{:?}", plan.not_placed);
    let moved: Vec<&str> = plan
        .placed
        .iter()
        .filter(|p| p.moved)
        .map(|p| week["fora"][p.forum]["id"].as_str().unwrap())
        .collect();
    assert!(moved.contains(&forum["id"].as_str().unwrap()), "{moved:?}");
    let planned = apply(&week, &plan);
    assert_eq!(broken(&planned), Vec::<String>::new());
    assert_eq!(errors(&planned), 0);
    // Every forum of the speaker moved; nobody else.
    for id in moved {
        let f = week["fora"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["id"] == json!(id))
            .unwrap();
        assert!(names(&f["speakers"]).contains(&speaker), "{id} moved");
    }
}

#[test]
fn fixed_fora_stay_under_replan() {
    let (week, _) = feasible_week(11);
    let mut planned = apply(&week, &plan_of(&week, false, 1));
    for forum in planned["fora"].as_array_mut().unwrap() {
        forum["fixed"] = json!(true);
        forum.as_object_mut().unwrap().remove("x-planned");
    }
    // A window that excludes where every fixed forum is: still nothing moves.
    planned["fora"][0]["window"] = json!(["2031-01-01"]);
    let again = plan_of(&planned, true, 1);
    assert!(again.placed.is_empty());
}

/// The 2020 week's text without its fora's starts (`"start": "2020-06-23T10:00", `).
fn without_starts(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("\"start\": \"2020-06-2") {
        let value = &rest[at..];
        // `"start": "2020-06-23T10:00", ` is 29 bytes; the week's own start has no time.
        if value.as_bytes().get(20) == Some(&b'T') {
            out.push_str(&rest[..at]);
            rest = &rest[at + 29..];
        } else {
            out.push_str(&rest[..at + 10]);
            rest = &rest[at + 10..];
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn write_changes_only_starts_rooms_and_updated() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("schedules/engagementkongress-2020.json").unwrap();
    let original = without_starts(&text);
    assert_ne!(original, text);
    let path = dir.path().join("week.json");
    std::fs::write(&path, &original).unwrap();
    fora()
        .env("SOURCE_DATE_EPOCH", "1592900000")
        .args(["plan", path.to_str().unwrap(), "--write", "--dry-run"])
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        original,
        "--dry-run wrote"
    );
    fora()
        .env("SOURCE_DATE_EPOCH", "1592900000")
        .args(["plan", path.to_str().unwrap(), "--write"])
        .assert()
        .success();
    let after = std::fs::read_to_string(&path).unwrap();
    // Every byte of the file is still there, in order: the plan only added.
    let mut kept = original.chars().peekable();
    for c in after.chars() {
        if kept.peek() == Some(&c) {
            kept.next();
        }
    }
    assert_eq!(kept.next(), None, "a byte of the file was lost");
    // And it added what `fora move`, forum by forum, adds.
    let planned: Value = serde_json::from_str(&after).unwrap();
    let by_hand = dir.path().join("by-hand.json");
    std::fs::write(&by_hand, &original).unwrap();
    for forum in planned["fora"].as_array().unwrap() {
        fora()
            .env("SOURCE_DATE_EPOCH", "1592900000")
            .args([
                "move",
                by_hand.to_str().unwrap(),
                forum["id"].as_str().unwrap(),
            ])
            .args([
                "--to",
                forum["start"].as_str().unwrap(),
                "--room",
                forum["room"].as_str().unwrap(),
            ])
            .assert()
            .success();
    }
    assert_eq!(std::fs::read_to_string(&by_hand).unwrap(), after);
    fora()
        .args(["check", path.to_str().unwrap()])
        .assert()
        .success();
}

#[test]
fn bad_input_is_exit_2_and_names_the_value() {
    let dir = tempfile::tempdir().unwrap();
    let week = json!({
        "name": "W", "timezone": "Europe/Berlin", "start": "2020-06-23", "end": "2020-06-23",
        "fora": [{"id": "a", "title": "A", "duration": "60m", "after": "eroefnung"},
                 {"id": "eroeffnung", "title": "E", "duration": "60m"}]
    });
    let input = write(&dir, "week.json", &week);
    let assert = fora()
        .args(["--lang", "de", "plan", input.to_str().unwrap()])
        .assert()
        .code(2);
    let said = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(said.contains("Forum „a“"), "{said}");
    assert!(
        said.contains("after: kein Forum hat die Kennung „eroefnung“; meinten Sie „eroeffnung“?"),
        "{said}"
    );
    let assert = fora()
        .args([
            "--lang",
            "en",
            "plan",
            "schedules/engagementkongress-2020.json",
            "--time-limit",
            "bald",
        ])
        .assert()
        .code(2);
    let said = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(said.contains("\"bald\" is not a length of time"), "{said}");
}

#[test]
fn a_planned_week_keeps_a_valid_week_as_it_is() {
    let assert = fora()
        .args([
            "--lang",
            "en",
            "plan",
            "schedules/engagementkongress-2020.json",
            "--replan",
        ])
        .assert()
        .success();
    let report = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(
        report.contains("0 fora placed, 0 moved, 0 not placed."),
        "{report}"
    );
}
