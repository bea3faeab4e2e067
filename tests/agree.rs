//! `fora diff OLD NEW` says nothing changed if and only if `fora ics NEW --previous
//! <calendar of OLD>` publishes the same header and the same events, byte for byte: on
//! random weeks and random changes of every kind (each field of the week, its contact, of a
//! forum and of a room; reordering; reformatting; unknown keys), the two verdicts agree.
//!
//! The calendars are compared as text, as a client fetching them would: the header up to
//! the first event, and the events as a multiset of blocks (fora that start together may
//! swap places when the file is reordered).

use fora::Week;
use fora::diff::diff;
use fora::export::ics::{Calendar, Options, previous::Previous};
use proptest::prelude::*;
use serde_json::{Value, json};

/// The calendar `fora ics` publishes for `week`, after `previous` when given.
fn calendar(week: &Week, previous: Option<&str>) -> String {
    let options = Options::default();
    let previous = previous.map(|text| Previous::parse(text).expect("our own calendar"));
    let mut out = Vec::new();
    Calendar::new(
        week,
        week.language(),
        &week.fora,
        &options,
        previous.as_ref(),
    )
    .write(&mut out)
    .unwrap();
    String::from_utf8(out).unwrap()
}

/// The header, and the events sorted.
fn published(calendar: &str) -> (String, Vec<String>) {
    let header_end = calendar.find("BEGIN:VEVENT").unwrap_or(calendar.len());
    let mut events: Vec<String> = calendar[header_end..]
        .split_inclusive("END:VEVENT\r\n")
        .filter(|block| block.starts_with("BEGIN:VEVENT"))
        .map(str::to_owned)
        .collect();
    events.sort();
    (calendar[..header_end].to_owned(), events)
}

const ZONES: [&str; 4] = ["Europe/Berlin", "Europe/London", "Europe/Paris", "UTC"];
const NAMES: [&str; 3] = ["Anna", " anna ", "Ben"];

/// Whom attendees write to: with and without a name or an address, and alike ones that
/// differ only in spaces (the calendar trims them) or in unknown keys.
const CONTACTS: [fn() -> Value; 6] = [
    || json!({"name": "Büro", "email": "buero@example.org"}),
    || json!({"name": " Büro ", "email": "buero@example.org"}),
    || json!({"email": "buero@example.org"}),
    || json!({"name": "Büro"}),
    || json!({"name": "Büro", "x-note": "intern"}),
    || json!({"name": "", "email": " "}),
];

/// A forum of the base week: day, quarter hour from 08:00, length in quarters, room, …
fn forum() -> impl Strategy<Value = Value> {
    (
        0u32..3,
        0i64..48,
        1u32..9,
        0usize..4,
        prop::collection::vec(0usize..3, 0..3),
        0usize..4,
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(day, quarter, length, room, speakers, status, format, description)| {
                let minute = 8 * 60 + quarter * 15;
                let mut forum = json!({
                    "title": format!("Forum {day}{quarter}"),
                    "start": format!("2021-03-{:02}T{:02}:{:02}", 27 + day, minute / 60, minute % 60),
                    "duration": length * 15,
                    "speakers": speakers.iter().map(|&s| NAMES[s]).collect::<Vec<_>>(),
                });
                if room < 3 {
                    forum["room"] = json!(["a", "b", "c"][room]);
                }
                if status > 0 {
                    forum["status"] = json!(["", "tentative", "cancelled", "confirmed"][status]);
                }
                if format {
                    forum["format"] = json!("Workshop");
                }
                if description {
                    forum["description"] = json!("Worum es geht.");
                }
                forum
            },
        )
}

/// A week across the change to summer time, with rooms and fora.
fn week() -> impl Strategy<Value = Value> {
    (
        prop::collection::vec(forum(), 0..8),
        any::<bool>(),
        any::<bool>(),
        0usize..3,
        0usize..CONTACTS.len() + 1,
    )
        .prop_map(|(fora, id, description, language, contact)| {
            let fora: Vec<Value> = fora
                .into_iter()
                .enumerate()
                .map(|(i, mut forum)| {
                    forum["id"] = json!(format!("f{i}"));
                    forum
                })
                .collect();
            let mut week = json!({
                "name": "Zufallswoche", "timezone": "Europe/Berlin",
                "start": "2021-03-27", "end": "2021-03-29",
                "rooms": [
                    {"id": "a", "name": "Raum A", "url": "https://example.org/a"},
                    {"id": "b", "name": "Raum B"},
                ],
                "fora": fora
            });
            if id {
                week["id"] = json!("zufall");
            }
            if description {
                week["description"] = json!("Eine Woche.");
            }
            if language > 0 {
                week["language"] = json!(["", "de", "en"][language]);
            }
            if let Some(contact) = CONTACTS.get(contact) {
                week["contact"] = contact();
            }
            week
        })
}

/// One change of a week file's JSON; each field of the week, a forum and a room.
#[derive(Clone, Debug)]
enum Edit {
    Week(&'static str, Value),
    WeekRemove(&'static str),
    Forum(usize, &'static str, Value),
    ForumRemove(usize, &'static str),
    Room(usize, &'static str, Value),
    RoomRemove(usize, &'static str),
    /// A forum's start in the hour the clocks skip, or in the hour that happens twice.
    Clock(usize, &'static str),
    Move(usize, i64),
    Delete(usize),
    Duplicate(usize),
    Reverse,
    ReverseRooms,
    Reformat,
}

fn edit() -> impl Strategy<Value = Edit> {
    let text = |values: &'static [&'static str]| prop::sample::select(values).prop_map(Value::from);
    prop_oneof![
        (
            prop::sample::select(&["name", "description", "id"][..]),
            text(&["Zufallswoche", "Andere Woche", "zufall", "neu"])
        )
            .prop_map(|(key, value)| Edit::Week(key, value)),
        text(&ZONES).prop_map(|zone| Edit::Week("timezone", zone)),
        text(&["de", "en"]).prop_map(|language| Edit::Week("language", language)),
        text(&["2021-03-26", "2021-03-27", "2021-03-28"]).prop_map(|day| Edit::Week("start", day)),
        text(&["2021-03-29", "2021-03-30"]).prop_map(|day| Edit::Week("end", day)),
        text(&["2021-03-20T12:00:00Z", "2021-03-21T08:00:00Z"])
            .prop_map(|stamp| Edit::Week("updated", stamp)),
        (1u64..500).prop_map(|n| Edit::Week("registrations", json!(n))),
        Just(Edit::Week(
            "rules",
            json!({"min_gap": "15m", "parallel": false})
        )),
        Just(Edit::Week("expect", json!({"fora": 3}))),
        (0usize..CONTACTS.len()).prop_map(|i| Edit::Week("contact", CONTACTS[i]())),
        Just(Edit::Week("x-note", json!({"any": [1.50, "thing"]}))),
        prop::sample::select(&["description", "language", "id", "updated", "contact"][..])
            .prop_map(Edit::WeekRemove),
        (
            0usize..8,
            prop::sample::select(&["title", "format", "description", "url"][..]),
            text(&[
                "Forum X",
                "Workshop",
                "Anders.",
                "https://example.org/own",
                "",
                " "
            ])
        )
            .prop_map(|(i, key, value)| Edit::Forum(i, key, value)),
        (0usize..8, text(&["a", "b", "c", "d"])).prop_map(|(i, room)| Edit::Forum(i, "room", room)),
        (
            0usize..8,
            text(&[
                "confirmed",
                "tentative",
                "cancelled",
                "canceled",
                "Cancelled"
            ])
        )
            .prop_map(|(i, status)| Edit::Forum(i, "status", status)),
        (0usize..8, text(&["30m", "1h", "PT45M", "0.5h", "1h30m"]))
            .prop_map(|(i, duration)| Edit::Forum(i, "duration", duration)),
        (
            0usize..8,
            prop::collection::vec(prop::sample::select(&NAMES[..]), 0..3)
        )
            .prop_map(|(i, names)| Edit::Forum(i, "speakers", json!(names))),
        (0usize..8, text(&["f0", "f1", "neu"])).prop_map(|(i, id)| Edit::Forum(i, "id", id)),
        (0usize..8).prop_map(|i| Edit::Forum(i, "x-intern", json!("nur fürs Team"))),
        (
            0usize..8,
            prop::sample::select(
                &[
                    "start",
                    "room",
                    "format",
                    "speakers",
                    "description",
                    "status"
                ][..]
            )
        )
            .prop_map(|(i, key)| Edit::ForumRemove(i, key)),
        (
            0usize..8,
            prop::sample::select(&["2021-03-28T02:30", "2021-03-28T03:30", "2021-10-31T02:30"][..])
        )
            .prop_map(|(i, start)| Edit::Clock(i, start)),
        (0usize..8, -8i64..8).prop_map(|(i, quarters)| Edit::Move(i, quarters)),
        (
            0usize..2,
            prop::sample::select(&["name", "url", "capacity", "id", "x-note"][..]),
            text(&["Raum A", "Großer Raum", "https://example.org/neu", "a", "z"])
        )
            .prop_map(|(i, key, value)| Edit::Room(i, key, value)),
        (0usize..2, prop::sample::select(&["name", "url"][..]))
            .prop_map(|(i, key)| Edit::RoomRemove(i, key)),
        (0usize..8).prop_map(Edit::Delete),
        (0usize..8).prop_map(Edit::Duplicate),
        Just(Edit::Reverse),
        Just(Edit::ReverseRooms),
        Just(Edit::Reformat),
    ]
}

/// The forum at `i` (of however many there are).
fn forum_at(week: &mut Value, i: usize) -> Option<&mut Value> {
    let fora = week["fora"].as_array_mut()?;
    let len = fora.len();
    (len > 0).then(move || &mut fora[i % len])
}

fn apply(week: &mut Value, edit: &Edit) {
    match edit {
        Edit::Week(key, value) => week[*key] = value.clone(),
        Edit::WeekRemove(key) => {
            week.as_object_mut().unwrap().shift_remove(*key);
        }
        Edit::Forum(i, key, value) => {
            if let Some(forum) = forum_at(week, *i) {
                forum[*key] = value.clone();
            }
        }
        Edit::ForumRemove(i, key) => {
            if let Some(forum) = forum_at(week, *i) {
                forum.as_object_mut().unwrap().shift_remove(*key);
            }
        }
        Edit::Clock(i, start) => {
            if let Some(forum) = forum_at(week, *i) {
                forum["start"] = json!(start);
            }
        }
        Edit::Move(i, quarters) => {
            if let Some(forum) = forum_at(week, *i)
                && let Some(start) = forum["start"].as_str()
            {
                let start = chrono::NaiveDateTime::parse_from_str(start, "%Y-%m-%dT%H:%M").unwrap();
                let moved = start + chrono::TimeDelta::minutes(15 * quarters);
                forum["start"] = json!(moved.format("%Y-%m-%dT%H:%M").to_string());
            }
        }
        Edit::Room(i, key, value) => {
            let rooms = week["rooms"].as_array_mut().unwrap();
            let len = rooms.len();
            if len > 0 {
                rooms[i % len][*key] = value.clone();
            }
        }
        Edit::RoomRemove(i, key) => {
            let rooms = week["rooms"].as_array_mut().unwrap();
            let len = rooms.len();
            if len > 0 {
                rooms[i % len].as_object_mut().unwrap().shift_remove(*key);
            }
        }
        Edit::Delete(i) => {
            let fora = week["fora"].as_array_mut().unwrap();
            if !fora.is_empty() {
                let len = fora.len();
                fora.remove(i % len);
            }
        }
        Edit::Duplicate(i) => {
            if let Some(forum) = forum_at(week, *i).cloned() {
                week["fora"].as_array_mut().unwrap().push(forum);
            }
        }
        Edit::Reverse => week["fora"].as_array_mut().unwrap().reverse(),
        Edit::ReverseRooms => week["rooms"].as_array_mut().unwrap().reverse(),
        Edit::Reformat => {
            *week = serde_json::from_str(&serde_json::to_string_pretty(week).unwrap()).unwrap()
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn diff_finds_a_change_exactly_when_the_calendar_publishes_one(
        base in week(),
        edits in prop::collection::vec(edit(), 0..4),
    ) {
        let mut changed = base.clone();
        for edit in &edits {
            apply(&mut changed, edit);
        }
        let (Ok(old), Ok(new)) = (
            Week::from_json(&base.to_string()),
            Week::from_json(&changed.to_string()),
        ) else {
            // An edit may make the file unreadable (an end before the start): no calendar.
            return Ok(());
        };
        let published_old = calendar(&old, None);
        let published_new = calendar(&new, Some(&published_old));
        let unchanged = published(&published_old) == published(&published_new);
        let found = diff(&old, &new);
        prop_assert_eq!(
            found.is_empty(),
            unchanged,
            "edits {:?}\ndiff {:?}\nold calendar\n{}\nnew calendar\n{}",
            edits, found, published_old, published_new
        );
    }
}

#[test]
fn the_2020_week_renamed_or_described_anew_is_a_change_of_the_header_only() {
    let text = std::fs::read_to_string("schedules/engagementkongress-2020.json").unwrap();
    let original: Value = serde_json::from_str(&text).unwrap();
    for (key, value) in [
        ("name", json!("Engagementwoche NRW 2020")),
        ("description", json!("Neu.")),
        ("language", json!("en")),
    ] {
        let mut changed = original.clone();
        changed[key] = value;
        let (old, new) = (
            Week::from_json(&original.to_string()).unwrap(),
            Week::from_json(&changed.to_string()).unwrap(),
        );
        let found = diff(&old, &new);
        assert_eq!(found.week.len(), 1, "{key}: {found:?}");
        let published_old = calendar(&old, None);
        let (header_old, events_old) = published(&published_old);
        let (header_new, events_new) = published(&calendar(&new, Some(&published_old)));
        assert_ne!(header_old, header_new, "{key}");
        // Renaming and describing anew republish no event; another language republishes
        // those whose words change.
        if key != "language" {
            assert_eq!(events_old, events_new, "{key}");
        }
    }
}
