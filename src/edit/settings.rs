//! The changes of the week itself: `week set`, `rules set`, `expect set`, and a room's
//! `room set` and `room rm`. Each value is read as organisers type it ([`super::value`]),
//! checked, and written where the week file keeps it; a value the file holds already is
//! left as it is written.

use serde_json::{Map, Value};

use super::change::{Invalid, invalid};
use super::tree::Step;
use super::{Document, Said, value};
use crate::error::ValueError;
use crate::model::identity::{is_valid_week_id, uid_tail};
use crate::model::{
    CONTACT_KEYS, EXPECT_KEYS, Language, ROOM_KEYS, RULES_KEYS, WEEK_KEYS, Week, is_email,
};
use crate::{known, suggest};

/// Whose fields a `set` changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fields {
    /// A forum's (`fora set`).
    Forum,
    /// The week's (`fora week set`).
    Week,
    /// The rules' (`fora rules set`).
    Rules,
    /// The expected figures' (`fora expect set`).
    Expect,
    /// A room's (`fora room set`).
    Room,
}

/// The fields `fora week set` changes; `contact_name` and `contact_email` are the week's
/// `contact`.
pub const WEEK_FIELDS: [&str; 11] = [
    "name",
    "description",
    "start",
    "end",
    "timezone",
    "language",
    "id",
    "registrations",
    "participants",
    "contact_name",
    "contact_email",
];

/// The fields `fora room set` changes.
pub const ROOM_FIELDS: [&str; 3] = ["name", "url", "capacity"];

impl Fields {
    /// The fields, as the command takes them.
    pub fn names(self) -> &'static [&'static str] {
        match self {
            Fields::Forum => &super::SETTABLE,
            Fields::Week => &WEEK_FIELDS,
            Fields::Rules => RULES_KEYS,
            Fields::Expect => EXPECT_KEYS,
            Fields::Room => &ROOM_FIELDS,
        }
    }
}

/// `FIELD=VALUE`s read into the fields of `of` and their values, trimmed.
pub(super) fn assignments(
    list: &[String],
    of: Fields,
) -> Result<Vec<(&'static str, String)>, Invalid> {
    list.iter()
        .map(|assignment| {
            let Some((field, value)) = assignment.split_once('=') else {
                return Err(invalid("set")(ValueError::NotAssignment {
                    text: assignment.clone(),
                    of,
                }));
            };
            let field = field.trim();
            let names = of.names();
            let Some(&field) = names.iter().find(|&&f| f == field) else {
                return Err(invalid("set")(ValueError::UnknownField {
                    field: field.to_owned(),
                    closest: suggest::closest(field, names.iter().copied()),
                    of,
                }));
            };
            Ok((field, value.trim().to_owned()))
        })
        .collect()
}

/// The keys a new `key` follows, nearest first: those before it in the file's usual
/// order, else (for the first) the one after it.
pub(super) fn after_in(order: &[&'static str], key: &str) -> Vec<&'static str> {
    let at = order.iter().position(|&k| k == key).unwrap_or(order.len());
    let mut after: Vec<&'static str> = order[..at].iter().rev().copied().collect();
    if after.is_empty() {
        after.extend(order.get(at + 1).copied());
    }
    after
}

/// A change of one field: the value to write (`None` removes it) and how it is said.
type Write = (&'static str, Option<Value>, Option<String>);

/// The changes a `set` makes, in the order given; a field given twice counts once, as
/// given last.
#[derive(Default)]
struct Writes(Vec<Write>);

impl Writes {
    /// `new` for `field`, unless the file says so already: the week reads the same value
    /// (`same`) and the key is there exactly when a value is to be.
    fn add(
        &mut self,
        field: &'static str,
        new: Option<Value>,
        same: bool,
        present: bool,
        shown: Option<String>,
    ) {
        self.0.retain(|(f, _, _)| *f != field);
        if !(same && new.is_some() == present) {
            let shown = new.as_ref().and(shown);
            self.0.push((field, new, shown));
        }
    }

    fn said(&self) -> Vec<(String, Option<String>)> {
        self.0
            .iter()
            .map(|(field, _, shown)| ((*field).to_owned(), shown.clone()))
            .collect()
    }
}

fn text(value: &str) -> Option<Value> {
    (!value.is_empty()).then(|| Value::from(value))
}

fn text_of(value: &str) -> Option<&str> {
    (!value.is_empty()).then_some(value)
}

/// `f` of the value, or `None` for an empty one (the field is removed).
fn optional<T>(
    value: &str,
    f: impl FnOnce(&str) -> Result<T, ValueError>,
) -> Result<Option<T>, ValueError> {
    if value.is_empty() {
        Ok(None)
    } else {
        f(value).map(Some)
    }
}

fn required(value: &str) -> Result<&str, ValueError> {
    if value.is_empty() {
        Err(ValueError::Required)
    } else {
        Ok(value)
    }
}

/// The keys of the week's object `key` (none when it has none).
fn keys_of(doc: &Document, key: &str) -> Vec<String> {
    doc.tree.keys(&[Step::Key(key)]).unwrap_or_default()
}

/// Writes `changes` into the object `key` of the week: key by key into the one the file
/// has, or as a new object in the usual key order. An object left without keys goes.
fn set_object(doc: &mut Document, key: &'static str, order: &[&'static str], changes: &[Write]) {
    if doc.tree.keys(&[Step::Key(key)]).is_none() {
        let mut object = Map::new();
        for &name in order {
            if let Some((_, Some(value), _)) = changes.iter().find(|(k, _, _)| *k == name) {
                object.insert(name.to_owned(), value.clone());
            }
        }
        if !object.is_empty() {
            doc.tree
                .set(
                    &[],
                    key,
                    Some(&Value::Object(object)),
                    &after_in(WEEK_KEYS, key),
                )
                .expect("the week is an object");
        }
        return;
    }
    for (name, value, _) in changes {
        doc.tree
            .set(
                &[Step::Key(key)],
                name,
                value.as_ref(),
                &after_in(order, name),
            )
            .expect("the object is one, as asked above");
    }
    if keys_of(doc, key).is_empty() {
        doc.tree
            .set(&[], key, None, &[])
            .expect("the week is an object");
    }
}

/// A value as a message shows it.
fn shown(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// `fora week set`: the week's name, dates, zone, language, id, figures and contact.
pub fn week(doc: &mut Document, list: &[String]) -> Result<Said, Invalid> {
    let mut writes = Writes::default();
    // The week as the change makes it, as far as its calendar UIDs go.
    let mut renamed = doc.week.clone();
    let top = doc.tree.keys(&[]).unwrap_or_default();
    let contact_keys = keys_of(doc, "contact");
    for (field, value) in assignments(list, Fields::Week)? {
        let (new, same) =
            week_value(&doc.week, &mut renamed, field, &value).map_err(invalid(field))?;
        let present = match field.strip_prefix("contact_") {
            Some(key) => contact_keys.iter().any(|k| k == key),
            None => top.iter().any(|k| k == field),
        };
        let said = new.as_ref().map(shown);
        writes.add(field, new, same, present, said);
    }
    let mut contact = Vec::new();
    for (field, new, said) in &writes.0 {
        match field.strip_prefix("contact_") {
            Some(key) => {
                let key = CONTACT_KEYS.iter().find(|&&k| k == key).copied();
                contact.push((
                    key.expect("contact_ fields are contact's keys"),
                    new.clone(),
                    said.clone(),
                ));
            }
            None => doc
                .tree
                .set(&[], field, new.as_ref(), &after_in(WEEK_KEYS, field))
                .expect("the week is an object"),
        }
    }
    if !contact.is_empty() {
        set_object(doc, "contact", CONTACT_KEYS, &contact);
    }
    // `.<week id>.fora`, said without its dot: `…kongress-2020.fora`.
    let tail = |week: &Week| uid_tail(week).trim_start_matches('.').to_owned();
    let (before, after) = (tail(&doc.week), tail(&renamed));
    Ok(Said::WeekSet {
        fields: writes.said(),
        uids: (before != after).then_some((before, after)),
    })
}

/// The value to write for `field` of the week and whether the week has it already; the
/// week's identity as the change makes it goes into `renamed`.
fn week_value(
    week: &Week,
    renamed: &mut Week,
    field: &str,
    given: &str,
) -> Result<(Option<Value>, bool), ValueError> {
    Ok(match field {
        "name" => {
            let name = required(given)?;
            renamed.name = name.to_owned();
            (text(name), name == week.name)
        }
        "description" => (text(given), week.description.as_deref() == text_of(given)),
        "start" | "end" => {
            let date = required(given).and_then(value::date)?;
            let old = if field == "start" {
                renamed.start = date;
                week.start
            } else {
                week.end
            };
            (Some(Value::from(date.to_string())), date == old)
        }
        "timezone" => {
            let zone = required(given).and_then(|name| {
                name.parse::<chrono_tz::Tz>()
                    .map_err(|_| ValueError::TimeZone {
                        text: name.to_owned(),
                        closest: suggest::time_zone(name),
                    })
            })?;
            (Some(Value::from(zone.name())), zone == week.timezone)
        }
        "language" => {
            let language = optional(given, |v| {
                Language::parse(v).ok_or_else(|| ValueError::Language(v.to_owned()))
            })?;
            (
                language.map(|l| Value::from(l.code())),
                language == week.language,
            )
        }
        "id" => {
            let id = optional(given, |v| {
                is_valid_week_id(v)
                    .then(|| v.to_owned())
                    .ok_or_else(|| ValueError::WeekId(v.to_owned()))
            })?;
            renamed.id.clone_from(&id);
            (id.clone().map(Value::from), id == week.id)
        }
        "registrations" | "participants" => {
            let count = optional(given, value::count)?;
            let old = if field == "registrations" {
                week.registrations
            } else {
                week.participants
            };
            (count.map(Value::from), count == old)
        }
        _ => {
            if field == "contact_email" && !given.is_empty() && !is_email(given) {
                return Err(ValueError::Email(given.to_owned()));
            }
            let contact = week.contact.as_ref();
            let old = match field {
                "contact_name" => contact.and_then(|c| c.name.as_deref()),
                _ => contact.and_then(|c| c.email.as_deref()),
            };
            (text(given), old == text_of(given))
        }
    })
}

/// `fora rules set`: the day's window, the least gap, single track, hours a day, the
/// planner's start grid.
pub fn rules(doc: &mut Document, list: &[String]) -> Result<Said, Invalid> {
    let rules = &doc.week.rules;
    let present = keys_of(doc, "rules");
    let mut writes = Writes::default();
    for (field, text) in assignments(list, Fields::Rules)? {
        let wrong = invalid(field);
        let (new, same) = match field {
            "day_start" | "day_end" => {
                let time = optional(&text, value::day_time).map_err(wrong)?;
                let old = if field == "day_start" {
                    rules.day_start
                } else {
                    rules.day_end
                };
                (time.map(|t| Value::from(t.to_string())), time == old)
            }
            "min_gap" => {
                // Written as typed; `0m` reads as no gap.
                let gap = optional(&text, value::gap).map_err(wrong)?;
                (
                    text_of(&text).map(Value::from),
                    gap.flatten() == rules.min_gap,
                )
            }
            "grid" => {
                // Written as typed, as durations are.
                let grid = optional(&text, value::duration).map_err(wrong)?;
                (text_of(&text).map(Value::from), grid == rules.grid)
            }
            "max_hours_per_day" => {
                let hours = optional(&text, value::decimal).map_err(wrong)?;
                (
                    hours.map(value::json_number),
                    hours == rules.max_hours_per_day,
                )
            }
            _ => {
                let parallel = optional(&text, value::boolean).map_err(wrong)?;
                (parallel.map(Value::from), parallel == rules.parallel)
            }
        };
        let shown = new.as_ref().map(|v| match v {
            Value::Bool(_) | Value::Number(_) => v.to_string(),
            _ => shown(v),
        });
        writes.add(field, new, same, present.iter().any(|k| k == field), shown);
    }
    set_object(doc, "rules", RULES_KEYS, &writes.0);
    Ok(Said::RulesSet {
        fields: writes.said(),
    })
}

/// `fora expect set`: the figures the programme must match.
pub fn expect(doc: &mut Document, list: &[String]) -> Result<Said, Invalid> {
    let expect = &doc.week.expect;
    let present = keys_of(doc, "expect");
    let mut writes = Writes::default();
    for (field, text) in assignments(list, Fields::Expect)? {
        let wrong = invalid(field);
        let (new, same) = if field == "fora" {
            let count = optional(&text, value::count).map_err(wrong)?;
            (count.map(Value::from), count == expect.fora)
        } else {
            let hours = optional(&text, value::decimal).map_err(wrong)?;
            (hours.map(value::json_number), hours == expect.hours)
        };
        let shown = new.as_ref().map(shown);
        writes.add(field, new, same, present.iter().any(|k| k == field), shown);
    }
    set_object(doc, "expect", EXPECT_KEYS, &writes.0);
    Ok(Said::ExpectSet {
        fields: writes.said(),
    })
}

/// The place of the room with `id` in the week's list.
fn room_index(week: &Week, id: &str) -> Result<usize, Invalid> {
    known::room(week, id).map_err(invalid("id"))?;
    Ok(week
        .rooms
        .as_deref()
        .and_then(|rooms| rooms.iter().position(|r| r.id == id))
        .expect("known above"))
}

/// `fora room set`: a room's name, join link and capacity.
pub fn room(doc: &mut Document, id: &str, list: &[String]) -> Result<Said, Invalid> {
    let fields = assignments(list, Fields::Room)?;
    let index = room_index(&doc.week, id)?;
    let path = [Step::Key("rooms"), Step::Index(index)];
    let present = doc.tree.keys(&path).unwrap_or_default();
    let room = &doc.week.rooms.as_deref().expect("known above")[index];
    let mut writes = Writes::default();
    for (field, text) in fields {
        let wrong = invalid(field);
        let (new, same) = match field {
            // Without a name, attendees see the id.
            "name" => (
                text_of(&text).map(Value::from),
                text.is_empty() || text == room.name,
            ),
            "url" => {
                let url = optional(&text, value::link).map_err(wrong)?;
                (url.clone().map(Value::from), url == room.url)
            }
            _ => {
                let capacity = optional(&text, value::count).map_err(wrong)?;
                (capacity.map(Value::from), capacity == room.capacity)
            }
        };
        let shown = new.as_ref().map(shown);
        writes.add(field, new, same, present.iter().any(|k| k == field), shown);
    }
    for (field, new, _) in &writes.0 {
        doc.tree
            .set(&path, field, new.as_ref(), &after_in(ROOM_KEYS, field))
            .expect("a room of the week is an object in its list");
    }
    Ok(Said::RoomSet {
        id: id.to_owned(),
        fields: writes.said(),
    })
}

/// `fora room rm`: a room no forum is in, or whose fora move to `reassign` in the same edit.
pub fn remove_room(doc: &mut Document, id: &str, reassign: Option<&str>) -> Result<Said, Invalid> {
    let index = room_index(&doc.week, id)?;
    let users: Vec<usize> = (0..doc.week.fora.len())
        .filter(|&i| doc.week.fora[i].room.as_deref() == Some(id))
        .collect();
    let ids = || users.iter().map(|&i| doc.week.fora[i].id.clone()).collect();
    let to = match reassign {
        None if users.is_empty() => None,
        None => {
            return Err(invalid("id")(ValueError::RoomInUse {
                room: id.to_owned(),
                fora: ids(),
            }));
        }
        Some(to) if to == id => {
            return Err(invalid("reassign")(ValueError::ReassignToItself(
                id.to_owned(),
            )));
        }
        Some(to) => {
            known::room(&doc.week, to).map_err(invalid("reassign"))?;
            Some(to.to_owned())
        }
    };
    let moved: Vec<String> = ids();
    if let Some(to) = &to {
        for &forum in &users {
            doc.set_forum(forum, "room", Some(Value::from(to.as_str())), &["duration"]);
        }
    }
    let name = doc.week.rooms.as_deref().expect("known")[index]
        .name
        .clone();
    doc.tree
        .remove(&[Step::Key("rooms"), Step::Index(index)])
        .expect("a room of the week is in its list");
    Ok(Said::RoomRemoved {
        id: id.to_owned(),
        name,
        moved: if to.is_some() { moved } else { Vec::new() },
        to,
    })
}

#[cfg(test)]
mod tests {
    use super::after_in;

    #[test]
    fn a_new_key_follows_those_before_it_and_the_first_the_one_after_it() {
        assert_eq!(after_in(&["a", "b", "c"], "c"), ["b", "a"]);
        assert_eq!(after_in(&["a", "b", "c"], "a"), ["b"]);
    }
}
