//! The changes an organiser makes: a new week, a forum added, moved, set, cancelled or
//! removed, a room added. Each works on a [`Document`] and says what it did ([`Said`]);
//! a value that does not fit names the field of the week file it is for.

use std::path::Path;

use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat, Utc};
use serde_json::{Map, Value};

use super::tree::{self, Step};
use super::{Document, Said};
use crate::error::{Error, ValueError};
use crate::import::registrations::Registrations;
use crate::model::{Duration, Status, Week, identity, is_valid_id, slug};
use crate::{known, output};

/// A value that does not fit, and the field of the week file it was given for (`room`,
/// `id`, `duration` …); the command line names the flag or `FIELD=` it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid {
    /// The field.
    pub field: &'static str,
    /// What is wrong.
    pub error: ValueError,
}

pub(super) fn invalid(field: &'static str) -> impl FnOnce(ValueError) -> Invalid {
    move |error| Invalid { field, error }
}

/// What `fora new` writes.
#[derive(Clone, Debug)]
pub struct NewWeek {
    /// The week's name.
    pub name: String,
    /// The IANA zone, as typed (checked when the week is read back).
    pub timezone: String,
    /// The first day.
    pub start: NaiveDate,
    /// The last day.
    pub end: NaiveDate,
    /// `de` or `en`.
    pub language: crate::model::Language,
    /// The day's window (`rules.day_start`, `rules.day_end`), which `check` holds fora to
    /// and `free` offers slots in.
    pub day: (crate::model::DayTime, crate::model::DayTime),
}

/// Writes a new week file without fora, its `id` made from its name. An existing file is
/// replaced only with `force`.
pub fn create(path: &Path, new: &NewWeek, force: bool, now: DateTime<Utc>) -> Result<Week, Error> {
    let mut root = Map::new();
    root.insert("id".into(), Value::from(identity::new_id(&new.name)));
    root.insert("name".into(), Value::from(new.name.clone()));
    root.insert("timezone".into(), Value::from(new.timezone.clone()));
    root.insert("start".into(), Value::from(new.start.to_string()));
    root.insert("end".into(), Value::from(new.end.to_string()));
    root.insert("language".into(), Value::from(new.language.code()));
    root.insert(
        "updated".into(),
        Value::from(now.to_rfc3339_opts(SecondsFormat::Secs, true)),
    );
    let mut rules = Map::new();
    rules.insert("day_start".into(), Value::from(new.day.0.to_string()));
    rules.insert("day_end".into(), Value::from(new.day.1.to_string()));
    root.insert("rules".into(), Value::Object(rules));
    root.insert("fora".into(), Value::Array(Vec::new()));
    // A new file has no layout to keep: two-space JSON and a final newline.
    let mut text = serde_json::to_string_pretty(&root).expect("JSON values always serialise");
    text.push('\n');
    let week = Week::from_json(&text).map_err(|error| Error::Input {
        path: path.to_owned(),
        error,
    })?;
    output::write_new(path, force, |out| out.write_all(text.as_bytes()))?;
    Ok(week)
}

/// A forum for `fora add`.
#[derive(Clone, Debug, Default)]
pub struct NewForum {
    /// Its id; derived from the title when not given.
    pub id: Option<String>,
    /// The title.
    pub title: String,
    /// How long it runs, as the organiser wrote it (checked when the week is read back).
    pub duration: String,
    /// The local start.
    pub start: Option<NaiveDateTime>,
    /// The room's id; it must be one of the week's.
    pub room: Option<String>,
    /// Who speaks.
    pub speakers: Vec<String>,
    /// The kind of forum.
    pub format: Option<String>,
    /// Its join link.
    pub url: Option<String>,
    /// Free text.
    pub description: Option<String>,
}

/// Adds a forum at the end of the week's list.
pub fn add(doc: &mut Document, new: NewForum) -> Result<Said, Invalid> {
    if let Some(room) = &new.room {
        known::room(&doc.week, room).map_err(invalid("room"))?;
    }
    Duration::parse(&new.duration)
        .map_err(ValueError::Duration)
        .map_err(invalid("duration"))?;
    let url = new
        .url
        .as_deref()
        .map(super::value::link)
        .transpose()
        .map_err(invalid("url"))?;
    let taken = |id: &str| doc.week.fora.iter().any(|f| f.id == id);
    let id = match new.id {
        Some(id) if !is_valid_id(&id) => return Err(invalid("id")(ValueError::BadId(id))),
        Some(id) if taken(&id) => return Err(invalid("id")(ValueError::ForumIdTaken(id))),
        Some(id) => id,
        None => {
            let base = match slug(&new.title) {
                s if s.is_empty() => "forum".to_owned(),
                s => s,
            };
            (1..)
                .map(|n| match n {
                    1 => base.clone(),
                    n => format!("{base}-{n}"),
                })
                .find(|id| !taken(id))
                .expect("some number is free")
        }
    };
    let mut forum = Map::new();
    forum.insert("id".into(), Value::from(id.clone()));
    forum.insert("title".into(), Value::from(new.title.clone()));
    if let Some(format) = new.format {
        forum.insert("format".into(), Value::from(format));
    }
    if let Some(start) = new.start {
        forum.insert("start".into(), Value::from(local(start)));
    }
    forum.insert("duration".into(), Value::from(new.duration.clone()));
    if let Some(room) = &new.room {
        forum.insert("room".into(), Value::from(room.clone()));
    }
    if !new.speakers.is_empty() {
        forum.insert("speakers".into(), Value::from(new.speakers.clone()));
    }
    if let Some(description) = new.description {
        forum.insert("description".into(), Value::from(description));
    }
    if let Some(url) = url {
        forum.insert("url".into(), Value::from(url));
    }
    doc.tree
        .push(&[Step::Key("fora")], &Value::Object(forum))
        .expect("a week file's fora are a list");
    doc.focus = Some(id.clone());
    Ok(Said::Added {
        id,
        title: new.title,
        start: new.start,
        duration: new.duration,
        room: new.room,
    })
}

/// Where `fora move` puts a forum.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// This local start.
    To(NaiveDateTime),
    /// Its start plus (or minus) this many minutes, on the wall clock.
    By(i64),
}

/// Moves a forum in time, to another room, or both.
pub fn move_to(
    doc: &mut Document,
    id: &str,
    target: Option<Target>,
    room: Option<&str>,
) -> Result<Said, Invalid> {
    let index = doc.forum(id).map_err(invalid("id"))?;
    if let Some(room) = room {
        known::room(&doc.week, room).map_err(invalid("room"))?;
    }
    let forum = &doc.week.fora[index];
    let old = forum.start;
    let old_room = forum.room.clone();
    let start = match (target, old) {
        (None, _) => None,
        (Some(Target::To(start)), _) => Some(start),
        (Some(Target::By(minutes)), Some(old)) => Some(old + chrono::TimeDelta::minutes(minutes)),
        (Some(Target::By(_)), None) => {
            return Err(invalid("shift")(ValueError::NoStart(id.to_owned())));
        }
    };
    if let Some(start) = start {
        doc.set_forum(
            index,
            "start",
            Some(Value::from(local(start))),
            &["format", "title"],
        );
    }
    if let Some(room) = room {
        doc.set_forum(
            index,
            "room",
            Some(Value::from(room)),
            &["duration", "start"],
        );
    }
    Ok(Said::Moved {
        id: id.to_owned(),
        start: start.map(|start| (old, start)),
        room: room.map(|room| (old_room, room.to_owned())),
    })
}

/// Gives many fora a start, and a room when given (`fora plan`), in one change of the
/// text: the same bytes as moving them one by one with [`move_to`].
pub fn place_all(
    doc: &mut Document,
    places: &[(&str, NaiveDateTime, Option<&str>)],
) -> Result<(), Invalid> {
    let mut changes = Vec::with_capacity(places.len() * 2);
    for &(id, start, room) in places {
        let index = doc.forum(id).map_err(invalid("id"))?;
        if let Some(room) = room {
            known::room(&doc.week, room).map_err(invalid("room"))?;
        }
        let path = vec![Step::Key("fora"), Step::Index(index)];
        changes.push(tree::Set {
            path: path.clone(),
            key: "start",
            value: Some(Value::from(local(start))),
            after: &["format", "title"],
        });
        if let Some(room) = room {
            changes.push(tree::Set {
                path,
                key: "room",
                value: Some(Value::from(room)),
                after: &["duration", "start"],
            });
        }
    }
    doc.whole_week();
    doc.tree
        .set_many(&changes)
        .expect("the fora of the week are objects in its list");
    Ok(())
}

/// The fields `fora set` changes, as written in the week file.
pub const SETTABLE: [&str; 15] = [
    "title",
    "duration",
    "format",
    "url",
    "description",
    "room",
    "speakers",
    "status",
    "registrations",
    "capacity",
    "window",
    "after",
    "before",
    "prefer",
    "fixed",
];

/// The keys a new field of a forum follows, nearest first: the order of a week file.
fn after(field: &str) -> &'static [&'static str] {
    match field {
        "format" => &["title", "id"],
        "duration" => &["start", "format", "title"],
        "room" => &["duration", "start"],
        "speakers" => &["room", "duration"],
        "description" => &["speakers", "room", "duration"],
        "url" => &["description", "speakers", "room", "duration"],
        "status" => &["url", "description", "speakers", "room", "duration"],
        "registrations" => &[
            "status",
            "url",
            "description",
            "speakers",
            "room",
            "duration",
        ],
        "capacity" => &[
            "registrations",
            "status",
            "url",
            "description",
            "speakers",
            "room",
            "duration",
        ],
        _ => &[],
    }
}

/// Sets fields of a forum from `FIELD=VALUE`; an empty value removes an optional field.
pub fn set(doc: &mut Document, id: &str, assignments: &[String]) -> Result<Said, Invalid> {
    let mut values = Vec::new();
    for (field, value) in super::settings::assignments(assignments, super::Fields::Forum)? {
        let value = value.as_str();
        let new = match field {
            "title" if value.is_empty() => return Err(invalid("title")(ValueError::EmptyTitle)),
            "duration" => {
                super::value::duration(value).map_err(invalid("duration"))?;
                Some(Value::from(value))
            }
            "status" => {
                let status = Status::parse_typed(value)
                    .ok_or_else(|| invalid("status")(ValueError::Status(value.to_owned())))?;
                Some(Value::from(status.code()))
            }
            "room" if !value.is_empty() => {
                known::room(&doc.week, value).map_err(invalid("room"))?;
                Some(Value::from(value))
            }
            "url" if !value.is_empty() => Some(Value::from(
                crate::edit::value::link(value).map_err(invalid("url"))?,
            )),
            "registrations" | "capacity" if !value.is_empty() => Some(Value::from(
                crate::edit::value::count(value).map_err(invalid(field))?,
            )),
            "speakers" => {
                let names: Vec<&str> = value
                    .split(',')
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .collect();
                (!names.is_empty()).then(|| Value::from(names))
            }
            "window" | "after" | "before" | "prefer" => planned(&doc.week, field, value)?,
            "fixed" if !value.is_empty() => Some(Value::from(
                crate::edit::value::boolean(value).map_err(invalid("fixed"))?,
            )),
            _ => (!value.is_empty()).then(|| Value::from(value)),
        };
        values.push((field, new));
    }
    let index = doc.forum(id).map_err(invalid("id"))?;
    let mut fields = Vec::new();
    for (field, value) in values {
        // What the forum says already, however it is written (`90` for `1h30m`), stays.
        if holds(&doc.week.fora[index], field, value.as_ref()) {
            continue;
        }
        let shown = value.as_ref().map(|value| match value {
            Value::Array(names) => names
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(", "),
            Value::String(text) => text.clone(),
            other => other.to_string(),
        });
        let follows = match after(field) {
            [] => super::settings::after_in(crate::model::FORUM_KEYS, field),
            keys => keys.to_vec(),
        };
        doc.set_forum(index, field, value, &follows);
        fields.push((field.to_owned(), shown));
    }
    Ok(Said::Set {
        id: id.to_owned(),
        fields,
    })
}

/// A planning field's value from a list typed with commas: stretches of time, forum ids or
/// wishes, each read as the loader reads it; one item is written as a text, more as a list,
/// none removes the field.
fn planned(week: &Week, field: &'static str, value: &str) -> Result<Option<Value>, Invalid> {
    let items: Vec<String> = match field {
        "window" => super::value::intervals(value).map_err(invalid(field))?,
        "prefer" => super::value::preferences(value).map_err(invalid(field))?,
        _ => super::value::listed(value)
            .map(|id| {
                known::forum(week, id)
                    .map(|()| id.to_owned())
                    .map_err(invalid(field))
            })
            .collect::<Result<_, _>>()?,
    };
    Ok(match items.as_slice() {
        [] => None,
        [one] => Some(Value::from(one.as_str())),
        _ => Some(Value::from(items)),
    })
}

/// Whether `forum` has `field` set to `value` already (`None`: not set), as the week reads it.
fn holds(forum: &crate::model::Forum, field: &str, value: Option<&Value>) -> bool {
    let text = value.and_then(Value::as_str);
    match field {
        "title" => text == Some(forum.title.as_str()),
        "duration" => text.and_then(|t| Duration::parse(t).ok()) == Some(forum.duration),
        "status" => text.and_then(Status::parse) == Some(forum.status),
        "speakers" => {
            let names: Vec<&str> = value
                .and_then(Value::as_array)
                .map(|names| names.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            names
                == forum
                    .speakers
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>()
        }
        "format" => text == forum.format.as_deref(),
        "url" => text == forum.url.as_deref(),
        "description" => text == forum.description.as_deref(),
        "room" => text == forum.room.as_deref(),
        "window" | "after" | "before" | "prefer" | "fixed" => holds_planned(forum, field, value),
        "registrations" | "capacity" => {
            let seats = forum.seats.as_deref();
            let old = seats.and_then(|s| match field {
                "registrations" => s.registrations,
                _ => s.capacity,
            });
            value.and_then(Value::as_u64) == old
        }
        _ => false,
    }
}

/// Whether a forum's planning field already reads as `value` (written as [`planned`] writes
/// it) would: a window of the same stretches, the same ids, wishes or `fixed`.
fn holds_planned(forum: &crate::model::Forum, field: &str, value: Option<&Value>) -> bool {
    let items: Vec<&str> = match value {
        Some(Value::String(one)) => vec![one.as_str()],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let planning = forum.planning();
    match field {
        "window" => {
            let read: Option<Vec<crate::model::Interval>> = value.map(|_| {
                items
                    .iter()
                    .filter_map(|i| crate::model::Interval::parse(i))
                    .collect()
            });
            read == planning.window
        }
        "after" | "before" => {
            let ids = if field == "after" {
                &planning.after
            } else {
                &planning.before
            };
            items == ids.iter().map(String::as_str).collect::<Vec<_>>()
        }
        "prefer" => {
            let read: Vec<crate::model::Preference> = items
                .iter()
                .filter_map(|i| crate::model::Preference::parse(i))
                .collect();
            read == planning.prefer
        }
        // Not set reads as false.
        _ => value.and_then(Value::as_bool).unwrap_or(false) == planning.fixed,
    }
}

/// Marks a forum cancelled: it stays in the file and the calendar, marked so.
pub fn cancel(doc: &mut Document, id: &str) -> Result<Said, Invalid> {
    let index = doc.forum(id).map_err(invalid("id"))?;
    if doc.week.fora[index].status != Status::Cancelled {
        doc.set_forum(
            index,
            "status",
            Some(Value::from(Status::Cancelled.code())),
            after("status"),
        );
    }
    Ok(Said::Cancelled(id.to_owned()))
}

/// Removes a forum from the file.
pub fn remove(doc: &mut Document, id: &str) -> Result<Said, Invalid> {
    let index = doc.forum(id).map_err(invalid("id"))?;
    let title = doc.week.fora[index].title.clone();
    doc.tree
        .remove(&[Step::Key("fora"), Step::Index(index)])
        .expect("a forum of the week is in its list");
    Ok(Said::Removed {
        id: id.to_owned(),
        title,
    })
}

/// Sets each forum the export names to its attendees and their number (`registrations`,
/// `attendees`); fora it does not name are left as they are.
pub fn registrations(doc: &mut Document, export: &str, read: &Registrations) -> Said {
    let mut changed = Vec::new();
    for (&index, attendees) in &read.fora {
        let forum = &doc.week.fora[index];
        let count = attendees.len() as u64;
        let own = forum.seats.as_deref().and_then(|s| s.registrations);
        if own == Some(count) && forum.attendees() == attendees.as_slice() {
            continue;
        }
        changed.push((forum.id.clone(), forum.registrations(), count));
        doc.set_forum(
            index,
            "registrations",
            Some(Value::from(count)),
            &[
                "status",
                "url",
                "description",
                "speakers",
                "room",
                "duration",
            ],
        );
        doc.set_forum(
            index,
            "attendees",
            Some(Value::from(attendees.clone())),
            &["capacity", "registrations"],
        );
    }
    Said::Registrations {
        export: export.to_owned(),
        registrations: read.fora.values().map(Vec::len).sum(),
        repeated: read.repeated,
        fora: read.fora.len(),
        changed,
        untouched: doc.week.fora.len() - read.fora.len(),
    }
}

/// A room for `fora room add`.
#[derive(Clone, Debug, Default)]
pub struct NewRoom {
    /// Its id.
    pub id: String,
    /// The name attendees see.
    pub name: String,
    /// Its join link.
    pub url: Option<String>,
    /// How many fit.
    pub capacity: Option<u64>,
}

/// Adds a room at the end of the week's rooms.
pub fn add_room(doc: &mut Document, new: NewRoom) -> Result<Said, Invalid> {
    if !is_valid_id(&new.id) {
        return Err(invalid("id")(ValueError::BadId(new.id)));
    }
    if doc.week.room(&new.id).is_some() {
        return Err(invalid("id")(ValueError::RoomIdTaken(new.id)));
    }
    let url = new
        .url
        .as_deref()
        .map(super::value::link)
        .transpose()
        .map_err(invalid("url"))?;
    let mut room = Map::new();
    room.insert("id".into(), Value::from(new.id.clone()));
    room.insert("name".into(), Value::from(new.name.clone()));
    if let Some(url) = url {
        room.insert("url".into(), Value::from(url));
    }
    if let Some(capacity) = new.capacity {
        room.insert("capacity".into(), Value::from(capacity));
    }
    if doc.week.rooms.is_none() {
        let after = [
            "participants",
            "registrations",
            "updated",
            "language",
            "end",
        ];
        doc.tree
            .set(&[], "rooms", Some(&Value::Array(Vec::new())), &after)
            .expect("the week is an object");
    }
    doc.tree
        .push(&[Step::Key("rooms")], &Value::Object(room))
        .expect("the week's rooms are a list");
    Ok(Said::RoomAdded {
        id: new.id,
        name: new.name,
    })
}

/// `2020-06-23T10:00`, as week files write a start.
fn local(start: NaiveDateTime) -> String {
    start.format("%Y-%m-%dT%H:%M").to_string()
}
