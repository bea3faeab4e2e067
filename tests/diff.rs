//! `fora::diff` on the real 2020 week and on random weeks, checked against an oracle that
//! knows which edits it applied and computes the expected times without chrono.

use std::collections::{BTreeMap, BTreeSet};

use fora::diff::{ChangeKind, Diff, diff, write_json, write_table};
use fora::{Language, Week};
use proptest::prelude::*;
use serde_json::{Value, json};

const WEEK_2020: &str = include_str!("../schedules/engagementkongress-2020.json");

fn week(value: &Value) -> Week {
    Week::from_json(&value.to_string()).expect("a valid week")
}

fn week_2020() -> Value {
    serde_json::from_str(WEEK_2020).unwrap()
}

/// The forum with this id in a week file's JSON.
fn forum<'v>(week: &'v mut Value, id: &str) -> &'v mut Value {
    week["fora"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|f| f["id"] == id)
        .unwrap_or_else(|| panic!("no forum {id:?}"))
}

fn json_of(diff: &Diff) -> Value {
    let mut out = Vec::new();
    write_json(diff, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.ends_with("}\n"), "one document and a newline");
    serde_json::from_str(&text).unwrap()
}

fn table_of(diff: &Diff, language: Language) -> String {
    let mut out = Vec::new();
    write_table(diff, language, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn the_2020_week_against_itself_and_reordered_has_no_changes() {
    let original = week_2020();
    let mut reordered = original.clone();
    reordered["fora"].as_array_mut().unwrap().reverse();
    reordered["rooms"].as_array_mut().unwrap().reverse();
    // Neither unknown keys nor room capacity reach attendees.
    reordered["rooms"][0]["capacity"] = json!(3);
    forum(&mut reordered, "eroeffnung")["x-internal"] = json!("nur für das Team");
    for other in [&original, &reordered] {
        let diff = diff(&week(&original), &week(other));
        assert!(diff.is_empty(), "{diff:?}");
        assert_eq!(json_of(&diff), json!({"week": [], "changes": []}));
        assert_eq!(
            table_of(&diff, Language::De),
            "Keine Änderungen für Teilnehmende.\n"
        );
        assert_eq!(table_of(&diff, Language::En), "No changes for attendees.\n");
    }
}

#[test]
fn one_forum_moved_and_one_cancelled_in_2020() {
    let old = week_2020();
    let mut new = old.clone();
    forum(&mut new, "praxis-engagementstrategie")["start"] = json!("2020-06-23T16:15");
    forum(&mut new, "werkstatt-digitale-werkzeuge")["status"] = json!("cancelled");
    let diff = diff(&week(&old), &week(&new));
    assert_eq!(
        json_of(&diff),
        json!({"week": [], "changes": [
            {"forum": "praxis-engagementstrategie", "kind": "moved",
             "title": "Praxisbeispiel: Eine kommunale Engagementstrategie entsteht",
             "old": "2020-06-23T15:15:00+02:00/2020-06-23T16:00:00+02:00",
             "new": "2020-06-23T16:15:00+02:00/2020-06-23T17:00:00+02:00"},
            {"forum": "werkstatt-digitale-werkzeuge", "kind": "cancelled",
             "title": "Werkstatt: Digitale Werkzeuge für Vereine und Initiativen",
             "old": "confirmed", "new": "cancelled"}
        ]})
    );
    // Cells may wrap on a narrow terminal; the words and the last line do not.
    let german = table_of(&diff, Language::De);
    for word in [
        "Änderung",
        "Vorher",
        "Nachher",
        "Verschoben",
        "Abgesagt",
        "bestätigt",
    ] {
        assert!(german.contains(word), "{word:?} in\n{german}");
    }
    assert!(german.ends_with("\n2 Änderungen für Teilnehmende (2 Fora).\n"));
    let english = table_of(&diff, Language::En);
    for word in ["Change", "Was", "Now", "Moved", "Cancelled", "confirmed"] {
        assert!(english.contains(word), "{word:?} in\n{english}");
    }
    assert!(english.ends_with("\n2 changes for attendees (2 fora).\n"));
}

#[test]
fn a_new_time_zone_moves_the_whole_2020_week() {
    let old = week_2020();
    let mut new = old.clone();
    new["timezone"] = json!("Europe/London");
    let diff = diff(&week(&old), &week(&new));
    assert_eq!(diff.changes.len(), 15);
    assert!(diff.changes.iter().all(|c| c.kind == ChangeKind::Moved));
    let first = &json_of(&diff)["changes"][0];
    assert_eq!(first["forum"], "eroeffnung");
    assert_eq!(
        first["old"],
        "2020-06-23T10:00:00+02:00/2020-06-23T11:00:00+02:00"
    );
    assert_eq!(
        first["new"],
        "2020-06-23T10:00:00+01:00/2020-06-23T11:00:00+01:00"
    );
    assert_eq!(
        json_of(&diff)["week"],
        json!([{"kind": "zone", "old": "Europe/Berlin", "new": "Europe/London"}])
    );
    let table = table_of(&diff, Language::En);
    let zone = table
        .lines()
        .find(|l| l.starts_with("│ Time zone"))
        .unwrap();
    let cells: Vec<&str> = zone.split(['│', '┆']).map(str::trim).collect();
    assert_eq!(
        cells[1..5],
        ["Time zone", "(the week)", "Europe/Berlin", "Europe/London"]
    );
    assert!(
        table.contains("09:00–10:00"),
        "old times shown in the new zone"
    );
}

#[test]
fn one_forum_can_change_in_every_way_at_once() {
    let old = week_2020();
    let mut new = old.clone();
    let f = forum(&mut new, "fachforum-digital");
    f["start"] = json!("2020-06-25T09:00");
    f["title"] = json!("Digital zusammenarbeiten");
    f["room"] = json!("praxisraum");
    f["format"] = json!("Podium");
    f["speakers"] = json!(["Moderation"]);
    f["description"] = json!("Neu beschrieben.");
    f["status"] = json!("tentative");
    let diff = diff(&week(&old), &week(&new));
    let kinds: Vec<&str> = diff.changes.iter().map(|c| c.kind.name()).collect();
    assert_eq!(
        kinds,
        [
            "status",
            "moved",
            "retitled",
            "room",
            "link",
            "format",
            "speakers",
            "description"
        ]
    );
    assert!(diff.changes.iter().all(|c| c.forum == "fachforum-digital"));
    let changes = &json_of(&diff)["changes"];
    assert_eq!(changes[3]["old"], "Plenum (Videokonferenz)");
    assert_eq!(changes[3]["new"], "Praxisraum (Videokonferenz)");
    assert_eq!(changes[4]["new"], "https://example.org/join/praxisraum");
    assert_eq!(changes[6]["old"], "Netzwerk „engagiert in NRW“, Moderation");
}

#[test]
fn duplicate_ids_do_not_panic_and_lose_nothing() {
    let old = week_2020();
    let mut new = old.clone();
    let fora = new["fora"].as_array_mut().unwrap();
    let mut copy = fora[0].clone();
    copy["start"] = json!("2020-06-26T09:00");
    fora.push(copy);
    let diff = diff(&week(&old), &week(&new));
    let changes = &json_of(&diff)["changes"];
    assert_eq!(changes.as_array().unwrap().len(), 1, "{changes}");
    assert_eq!(changes[0]["forum"], "eroeffnung");
    assert_eq!(changes[0]["kind"], "added");
    assert_eq!(
        changes[0]["new"],
        "2020-06-26T09:00:00+02:00/2020-06-26T10:00:00+02:00"
    );
    let back = fora::diff::diff(&week(&new), &week(&old));
    assert_eq!(back.changes.len(), 1);
    assert_eq!(back.changes[0].kind, ChangeKind::Removed);
}

/// One forum of a random week, and what is done to it.
#[derive(Clone, Debug)]
struct Plan {
    day: u32,
    /// Quarter hours after 09:00.
    slot: u32,
    /// Its length in quarter hours.
    quarters: u32,
    room_b: bool,
    tentative: bool,
    remove: bool,
    /// Quarter hours it moves by.
    shift: i32,
    retitle: bool,
    swap_room: bool,
    cancel: bool,
    speakers: bool,
}

fn plan() -> impl Strategy<Value = Plan> {
    let base = (0..4u32, 0..32u32, 1..=8u32, any::<bool>(), any::<bool>());
    let edits = (
        prop::bool::weighted(0.15),
        prop_oneof![3 => Just(0), 1 => -8..=-1i32, 1 => 1..=8i32],
        prop::bool::weighted(0.2),
        prop::bool::weighted(0.2),
        prop::bool::weighted(0.15),
        prop::bool::weighted(0.2),
    );
    (base, edits).prop_map(
        |(
            (day, slot, quarters, room_b, tentative),
            (remove, shift, retitle, swap_room, cancel, speakers),
        )| Plan {
            day,
            slot,
            quarters,
            room_b,
            tentative,
            remove,
            shift,
            retitle,
            swap_room,
            cancel,
            speakers,
        },
    )
}

/// `2020-06-23T09:15` after `quarters` quarter hours from 09:00 on day `day` of the week.
fn local(day: u32, quarters: i64) -> String {
    let minutes = 9 * 60 + quarters * 15;
    format!(
        "2020-06-{}T{:02}:{:02}",
        23 + day,
        minutes / 60,
        minutes % 60
    )
}

/// The interval as the diff should write it: June in Berlin is UTC+02:00.
fn interval(day: u32, quarters: i64, length: u32) -> String {
    format!(
        "{}:00+02:00/{}:00+02:00",
        local(day, quarters),
        local(day, quarters + i64::from(length))
    )
}

fn random_week(fora: Vec<Value>) -> Value {
    json!({
        "name": "Zufallswoche", "timezone": "Europe/Berlin",
        "start": "2020-06-23", "end": "2020-06-26",
        "rooms": [
            {"id": "a", "name": "Raum A", "url": "https://example.org/a"},
            {"id": "b", "name": "Raum B", "url": "https://example.org/b"}
        ],
        "fora": fora
    })
}

/// (forum, kind, old, new), the values as JSON text.
type Expected = BTreeSet<(String, &'static str, String, String)>;

/// Each changed forum's start as the list is sorted by: the new one, else the old one.
type Starts = BTreeMap<String, String>;

/// The old week, the new one (its fora in `order`), and every change the plans make.
fn apply(plans: &[Plan], added: usize, order: &[u32]) -> (Value, Value, Expected, Starts) {
    let mut starts = Starts::new();
    let mut old = Vec::new();
    let mut new = Vec::new();
    let mut expected = Expected::new();
    for (i, p) in plans.iter().enumerate() {
        let id = format!("f{i}");
        let title = format!("Forum {i}");
        let status = if p.tentative {
            "tentative"
        } else {
            "confirmed"
        };
        let room = if p.room_b { "b" } else { "a" };
        let slot = i64::from(p.slot);
        let before = json!({
            "id": id, "title": title, "start": local(p.day, slot),
            "duration": p.quarters * 15, "room": room, "speakers": [format!("S{i}")],
            "status": status
        });
        old.push(before.clone());
        let mut expect = |kind, old: Value, new: Value| {
            expected.insert((id.clone(), kind, old.to_string(), new.to_string()));
        };
        let moved = slot + i64::from(p.shift);
        starts.insert(
            id.clone(),
            local(p.day, if p.remove { slot } else { moved }),
        );
        if p.remove {
            expect(
                "removed",
                interval(p.day, slot, p.quarters).into(),
                Value::Null,
            );
            continue;
        }
        let mut after = before;
        if p.shift != 0 {
            after["start"] = local(p.day, moved).into();
            expect(
                "moved",
                interval(p.day, slot, p.quarters).into(),
                interval(p.day, moved, p.quarters).into(),
            );
        }
        if p.retitle {
            after["title"] = format!("Forum {i} (neu)").into();
            expect("retitled", title.into(), format!("Forum {i} (neu)").into());
        }
        if p.swap_room {
            let (other, names, urls) = if p.room_b {
                ("a", ["Raum B", "Raum A"], ["b", "a"])
            } else {
                ("b", ["Raum A", "Raum B"], ["a", "b"])
            };
            after["room"] = other.into();
            expect("room", names[0].into(), names[1].into());
            expect(
                "link",
                format!("https://example.org/{}", urls[0]).into(),
                format!("https://example.org/{}", urls[1]).into(),
            );
        }
        if p.cancel {
            after["status"] = "cancelled".into();
            expect("cancelled", status.into(), "cancelled".into());
        }
        if p.speakers {
            after["speakers"] = json!([format!("S{i}"), "Gast"]);
            expect(
                "speakers",
                format!("S{i}").into(),
                format!("S{i}, Gast").into(),
            );
        }
        new.push(after);
    }
    for j in 0..added {
        let id = format!("neu{j}");
        starts.insert(id.clone(), local(1, 4));
        new.push(json!({"id": id, "title": "Neu", "start": local(1, 4), "duration": 30}));
        expected.insert((
            id,
            "added",
            Value::Null.to_string(),
            Value::from(interval(1, 4, 2)).to_string(),
        ));
    }
    let mut keyed: Vec<(u32, Value)> = new
        .into_iter()
        .enumerate()
        .map(|(i, f)| (order.get(i).copied().unwrap_or(0), f))
        .collect();
    keyed.sort_by_key(|(key, _)| *key);
    let new = keyed.into_iter().map(|(_, f)| f).collect();
    (random_week(old), random_week(new), expected, starts)
}

fn found(diff: &Diff) -> Expected {
    let changes = json_of(diff)["changes"].as_array().unwrap().clone();
    changes
        .into_iter()
        .map(|c| {
            let kind = ChangeKind::ALL
                .into_iter()
                .find(|k| c["kind"] == k.name())
                .unwrap()
                .name();
            (
                c["forum"].as_str().unwrap().to_owned(),
                kind,
                c["old"].to_string(),
                c["new"].to_string(),
            )
        })
        .collect()
}

/// What the same edit looks like from the other side.
fn mirrored(expected: &Expected) -> Expected {
    expected
        .iter()
        .map(|(id, kind, old, new)| {
            let kind = match *kind {
                "added" => "removed",
                "removed" => "added",
                "cancelled" => "restored",
                "restored" => "cancelled",
                other => other,
            };
            (id.clone(), kind, new.clone(), old.clone())
        })
        .collect()
}

proptest! {
    #[test]
    fn the_diff_reports_exactly_the_edits_made(
        plans in prop::collection::vec(plan(), 0..12),
        added in 0..3usize,
        order in prop::collection::vec(any::<u32>(), 16),
    ) {
        let (old, new, expected, starts) = apply(&plans, added, &order);
        let (old, new) = (week(&old), week(&new));
        let forward = diff(&old, &new);
        prop_assert_eq!(found(&forward), expected.clone());
        prop_assert_eq!(forward.is_empty(), expected.is_empty());
        prop_assert_eq!(found(&diff(&new, &old)), mirrored(&expected));

        // Listed by start (the new one, else the old one), then id, then kind.
        let listed: Vec<(String, &str, usize)> = forward
            .changes
            .iter()
            .map(|c| {
                let kind = ChangeKind::ALL.iter().position(|&k| k == c.kind).unwrap();
                (starts[&c.forum].clone(), c.forum.as_str(), kind)
            })
            .collect();
        prop_assert!(listed.is_sorted(), "{:?}", listed);
    }
}
