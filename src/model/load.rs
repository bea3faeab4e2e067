//! Week files: JSON text → raw structs (unknown keys kept) → a validated [`Week`].

use std::path::Path;

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::problem::{InputError, JsonType, Place, Problem, Syntax};
use super::{
    Contact, DayTime, Duration, Expect, Forum, Group, Interval, Language, MAX_DAYS, Person,
    Planning, Preference, Room, Rules, Seats, Status, Week, identity::is_valid_week_id,
    is_valid_id,
};
use crate::suggest;

/// The keys of the week object that `fora` reads.
pub const WEEK_KEYS: &[&str] = &[
    "id",
    "name",
    "timezone",
    "start",
    "end",
    "language",
    "description",
    "updated",
    "registrations",
    "participants",
    "contact",
    "rooms",
    "people",
    "groups",
    "rules",
    "expect",
    "fora",
];
/// The keys of a forum that `fora` reads.
pub const FORUM_KEYS: &[&str] = &[
    "id",
    "title",
    "format",
    "start",
    "duration",
    "room",
    "speakers",
    "description",
    "url",
    "status",
    "registrations",
    "capacity",
    "attendees",
    "window",
    "after",
    "before",
    "prefer",
    "fixed",
];
/// The keys of a room that `fora` reads.
pub const ROOM_KEYS: &[&str] = &["id", "name", "url", "capacity", "available"];
/// The keys of a person (under `people`) that `fora` reads.
pub const PERSON_KEYS: &[&str] = &["available"];
/// The keys of `rules` that `fora` reads.
pub const RULES_KEYS: &[&str] = &[
    "day_start",
    "day_end",
    "min_gap",
    "max_hours_per_day",
    "parallel",
    "grid",
];
/// The keys of `expect` that `fora` reads.
pub const EXPECT_KEYS: &[&str] = &["fora", "hours"];
/// The keys of `contact` that `fora` reads.
pub const CONTACT_KEYS: &[&str] = &["name", "email"];

/// Declares a raw struct: each listed key read into an `Option`, every other key kept in
/// `extra` in file order. Written out rather than with `#[serde(flatten)]`, which buffers
/// every object of the file before reading it: twice the time and memory on large weeks.
macro_rules! raw {
    ($name:ident { $($field:ident: $ty:ty),* $(,)? }) => {
        struct $name {
            $($field: Option<$ty>,)*
            extra: Map<String, Value>,
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Fields;
                impl<'de> serde::de::Visitor<'de> for Fields {
                    type Value = $name;

                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str("an object")
                    }

                    fn visit_map<A: serde::de::MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> Result<$name, A::Error> {
                        $(let mut $field: Option<Option<$ty>> = None;)*
                        let mut extra = Map::new();
                        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
                            match key.as_ref() {
                                $(stringify!($field) => {
                                    if $field.is_some() {
                                        return Err(serde::de::Error::duplicate_field(stringify!($field)));
                                    }
                                    $field = Some(map.next_value()?);
                                })*
                                _ => {
                                    let value: Value = map.next_value()?;
                                    extra.insert(key.into_owned(), value);
                                }
                            }
                        }
                        Ok($name { $($field: $field.flatten(),)* extra })
                    }
                }
                deserializer.deserialize_map(Fields)
            }
        }
    };
}

/// An object key, borrowed from the text where it has no escapes.
struct Key<'de>(std::borrow::Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Text;
        impl<'de> serde::de::Visitor<'de> for Text {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a key")
            }

            fn visit_borrowed_str<E>(self, key: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Borrowed(key)))
            }

            fn visit_str<E>(self, key: &str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Owned(key.to_owned())))
            }

            fn visit_string<E>(self, key: String) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Owned(key)))
            }
        }
        deserializer.deserialize_str(Text)
    }
}

raw!(RawWeek {
    id: String,
    name: String,
    timezone: String,
    start: String,
    end: String,
    language: String,
    description: String,
    updated: String,
    registrations: u64,
    participants: u64,
    contact: RawContact,
    rooms: Vec<RawRoom>,
    people: Named<RawPerson>,
    groups: Named<Texts>,
    rules: RawRules,
    expect: RawExpect,
    fora: ResolvedFora,
});

/// The fora of a week file, each resolved as soon as it is read, so that the raw forms of a
/// large week never sit in memory all at once.
struct ResolvedFora(Vec<Forum>);

thread_local! {
    /// Why a forum could not be resolved: serde's errors carry only text, so the error
    /// waits here for [`Week::from_json`] to pick it up.
    static FORUM_ERROR: std::cell::RefCell<Option<InputError>> = const { std::cell::RefCell::new(None) };
    /// About how many fora the text holds (one `"duration"` each), so that their list is
    /// allocated once: growing it by doubling would hold it twice over at its largest.
    static FORA_EXPECTED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

impl<'de> Deserialize<'de> for ResolvedFora {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Fora;
        impl<'de> serde::de::Visitor<'de> for Fora {
            type Value = ResolvedFora;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a list of fora")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<ResolvedFora, A::Error> {
                let expected = FORA_EXPECTED.with(std::cell::Cell::get);
                let mut fora = Vec::with_capacity(seq.size_hint().unwrap_or(expected));
                while let Some(raw) = seq.next_element::<RawForum>()? {
                    match raw.resolve(fora.len()) {
                        Ok(forum) => fora.push(forum),
                        Err(error) => {
                            FORUM_ERROR.with(|slot| *slot.borrow_mut() = Some(error));
                            return Err(serde::de::Error::custom("a forum is not valid"));
                        }
                    }
                }
                Ok(ResolvedFora(fora))
            }
        }
        deserializer.deserialize_seq(Fora)
    }
}

raw!(RawForum {
    id: String,
    title: String,
    format: String,
    start: String,
    duration: Value,
    room: String,
    speakers: Vec<String>,
    description: String,
    url: String,
    status: String,
    registrations: u64,
    capacity: u64,
    attendees: Vec<String>,
    window: Texts,
    after: Texts,
    before: Texts,
    prefer: Texts,
    fixed: bool,
});

raw!(RawPerson { available: Texts });

/// An object of named entries (`people`, `groups`), in file order.
struct Named<T>(Vec<(String, T)>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Named<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Entries<T> {
            type Value = Named<T>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Named<T>, A::Error> {
                let mut entries = Vec::new();
                while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
                    entries.push((key.into_owned(), map.next_value()?));
                }
                Ok(Named(entries))
            }
        }
        deserializer.deserialize_map(Entries(std::marker::PhantomData))
    }
}

/// A text or a list of texts: `"after": "eroeffnung"` or `["a", "b"]`.
struct Texts(Vec<String>);

impl<'de> Deserialize<'de> for Texts {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum OneOrMany {
            One(String),
            Many(Vec<String>),
        }
        // Untagged enums say only "did not match"; say what was expected instead.
        let value = Value::deserialize(deserializer)?;
        match serde_json::from_value::<OneOrMany>(value.clone()) {
            Ok(OneOrMany::One(text)) => Ok(Texts(vec![text])),
            Ok(OneOrMany::Many(texts)) => Ok(Texts(texts)),
            Err(_) => Err(serde::de::Error::invalid_type(
                unexpected(&value),
                &"a text or a list of texts",
            )),
        }
    }
}

/// What serde calls a value it did not expect.
fn unexpected(value: &Value) -> serde::de::Unexpected<'_> {
    use serde::de::Unexpected;
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => n
            .as_f64()
            .map_or(Unexpected::Other("a number"), Unexpected::Float),
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

raw!(RawContact {
    name: String,
    email: String,
});

raw!(RawRoom {
    id: String,
    name: String,
    url: String,
    capacity: u64,
    available: Texts,
});

raw!(RawRules {
    day_start: String,
    day_end: String,
    min_gap: Value,
    max_hours_per_day: f64,
    parallel: bool,
    grid: Value,
});

raw!(RawExpect {
    fora: u64,
    hours: f64,
});

impl Week {
    /// Reads and validates the week file at `path`.
    pub fn load(path: &Path) -> Result<Self, crate::Error> {
        let bytes = std::fs::read(path).map_err(|source| crate::Error::Read {
            path: path.to_owned(),
            source,
        })?;
        Self::from_bytes(&bytes).map_err(|error| crate::Error::Input {
            path: path.to_owned(),
            error,
        })
    }

    /// Validates a week file's bytes, which must be UTF-8.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, InputError> {
        match std::str::from_utf8(bytes) {
            Ok(text) => Self::from_json(text),
            Err(e) => {
                let before = &bytes[..e.valid_up_to()];
                let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
                let column = before.len()
                    - before
                        .iter()
                        .rposition(|&b| b == b'\n')
                        .map_or(0, |p| p + 1)
                    + 1;
                Err(InputError::NotUtf8 { line, column })
            }
        }
    }

    /// Validates a week file's text.
    pub fn from_json(text: &str) -> Result<Self, InputError> {
        // Windows editors like to start UTF-8 files with a byte order mark.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim().is_empty() {
            return Err(InputError::Empty);
        }
        if !text.trim_start().starts_with('{') {
            return Err(match serde_json::from_str::<Value>(text) {
                Err(e) => json_error(text, &e, None),
                Ok(value) => InputError::NotObject {
                    found: JsonType::of(&value),
                },
            });
        }
        FORUM_ERROR.with(|slot| slot.borrow_mut().take());
        let durations = memchr::memmem::find_iter(text.as_bytes(), b"\"duration\"").count();
        FORA_EXPECTED.with(|expected| expected.set(durations));
        let raw: RawWeek = serde_json::from_str(text).map_err(|e| {
            if let Some(error) = FORUM_ERROR.with(|slot| slot.borrow_mut().take()) {
                return error;
            }
            if e.is_data() {
                // Read again, now tracking where we are, to name the value's path.
                let mut deserializer = serde_json::Deserializer::from_str(text);
                if let Err(tracked) =
                    serde_path_to_error::deserialize::<_, RawWeek>(&mut deserializer)
                {
                    let path = tracked.path().to_string();
                    return json_error(text, tracked.inner(), Some(&path));
                }
            }
            json_error(text, &e, None)
        })?;
        raw.resolve()
    }
}

/// The `language` a week file gives, read without reading the rest (the file may not be a
/// week at all): for the language of an error message about it.
pub fn sniff_language(path: &Path) -> Option<Language> {
    let text = std::fs::read(path).ok()?;
    let at = memchr::memmem::find(&text, b"\"language\"")? + "\"language\"".len();
    let rest = std::str::from_utf8(&text[at..(at + 64).min(text.len())]).ok()?;
    let value = rest
        .trim_start()
        .strip_prefix(':')?
        .trim_start()
        .strip_prefix('"')?;
    Language::parse(value.split('"').next()?)
}

/// An error of serde_json as data: a syntax error, or a value of the wrong type at `path`
/// (found again in the text, which is JSON then, to say what it is).
fn json_error(text: &str, error: &serde_json::Error, path: Option<&str>) -> InputError {
    let (line, column) = (error.line(), error.column());
    let full = error.to_string();
    let suffix = format!(" at line {line} column {column}");
    let message = full.strip_suffix(&suffix).unwrap_or(&full);
    let path = path.filter(|p| *p != "." && !p.is_empty());
    match (error.classify(), path) {
        (serde_json::error::Category::Data, Some(path)) => {
            if let Some(key) = message
                .strip_prefix("duplicate field `")
                .and_then(|k| k.strip_suffix('`'))
            {
                let object = path.rsplit_once('.').map_or("", |(object, _)| object);
                return InputError::DuplicateKey {
                    line,
                    column,
                    path: object.to_owned(),
                    key: key.to_owned(),
                };
            }
            let found = found_at(text, path).unwrap_or_else(|| message.to_owned());
            InputError::Type {
                line,
                column,
                path: path.to_owned(),
                expected: expected_at(path),
                found,
            }
        }
        _ => InputError::Syntax {
            line,
            column,
            syntax: Syntax::of(message),
        },
    }
}

/// The value at `path` (`fora[3].title`) of a JSON text, written short.
fn found_at(text: &str, path: &str) -> Option<String> {
    let mut value = &serde_json::from_str::<Value>(text).ok()?;
    for step in path.split('.') {
        let (key, indices) = step.split_once('[').unwrap_or((step, ""));
        if !key.is_empty() {
            value = value.get(key)?;
        }
        for index in indices.split('[').filter(|i| !i.is_empty()) {
            value = value.get(index.trim_end_matches(']').parse::<usize>().ok()?)?;
        }
    }
    let written = value.to_string();
    Some(match written.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", &written[..cut]),
        None => written,
    })
}

/// The type the key at the end of `path` takes.
fn expected_at(path: &str) -> JsonType {
    let mut steps: Vec<&str> = path
        .split('.')
        .map(|step| step.split('[').next().unwrap_or(step))
        .collect();
    // `speakers[1]` is one of a list of texts.
    if path.ends_with(']') {
        return match steps.last() {
            Some(&"speakers" | &"attendees") => JsonType::Text,
            _ => JsonType::Object,
        };
    }
    let key = steps.pop().unwrap_or_default();
    let parent = steps.last().copied().unwrap_or_default();
    JsonType::of_key(key, parent).unwrap_or(JsonType::Object)
}

impl RawWeek {
    fn resolve(self) -> Result<Week, InputError> {
        let week = |problem| InputError::invalid(Place::Week, problem);
        let id = self
            .id
            .map(|id| {
                if is_valid_week_id(&id) {
                    Ok(id)
                } else {
                    Err(week(Problem::WeekId(id)))
                }
            })
            .transpose()?;
        let name = required_text(self.name, || Place::Week, "name")?;
        let timezone = time_zone(&required_text(self.timezone, || Place::Week, "timezone")?)?;
        let start = date(
            &required_text(self.start, || Place::Week, "start")?,
            "start",
        )?;
        let end = date(&required_text(self.end, || Place::Week, "end")?, "end")?;
        if end < start {
            return Err(week(Problem::EndBeforeStart { start, end }));
        }
        let days = (end - start).num_days() + 1;
        if days > MAX_DAYS {
            return Err(week(Problem::TooManyDays {
                start,
                end,
                days,
                most: MAX_DAYS,
            }));
        }
        let language = self
            .language
            .map(|code| Language::parse(&code).ok_or_else(|| week(Problem::Language(code))))
            .transpose()?;
        let updated = self
            .updated
            .map(|text| updated(&text, timezone))
            .transpose()?;
        let Some(ResolvedFora(fora)) = self.fora else {
            return Err(week(Problem::NoFora));
        };
        let rooms = self
            .rooms
            .map(|rooms| {
                rooms
                    .into_iter()
                    .enumerate()
                    .map(|(i, r)| r.resolve(i))
                    .collect()
            })
            .transpose()?;
        let groups: Vec<Group> = self
            .groups
            .map_or_else(Vec::new, |Named(groups)| groups)
            .into_iter()
            .map(|(name, Texts(fora))| Group {
                name,
                fora: fora.into_iter().map(|id| id.trim().to_owned()).collect(),
            })
            .collect();
        known_fora(&fora, &groups)?;
        Ok(Week {
            id,
            name,
            timezone,
            start,
            end,
            language,
            description: self.description,
            updated,
            registrations: self.registrations,
            participants: self.participants,
            contact: self.contact.map(RawContact::resolve).transpose()?,
            rooms,
            people: people(self.people)?,
            groups,
            rules: self
                .rules
                .map(RawRules::resolve)
                .transpose()?
                .unwrap_or_default(),
            expect: self
                .expect
                .map(RawExpect::resolve)
                .transpose()?
                .unwrap_or_default(),
            fora,
            extra: self.extra.into(),
        })
    }
}

impl RawForum {
    fn resolve(self, index: usize) -> Result<Forum, InputError> {
        // Places are made only for an error: a large week has many fora and few errors.
        let id = required_text(self.id, || Place::ForumNumber(index + 1), "id")?;
        let place = || Place::Forum(id.clone());
        let invalid = |problem| InputError::invalid(place(), problem);
        if !is_valid_id(&id) {
            return Err(invalid(Problem::ForumId(id.clone())));
        }
        let title = required_text(self.title, place, "title")?;
        let duration = duration(self.duration, place, "duration")?
            .ok_or_else(|| invalid(Problem::NoDuration))?;
        let start = self
            .start
            .map(|text| local_date_time(&text).ok_or_else(|| invalid(Problem::Start(text))))
            .transpose()?;
        let status = match self.status {
            None => Status::default(),
            Some(text) => Status::parse(&text).ok_or_else(|| invalid(Problem::Status(text)))?,
        };
        let seats = seats(self.registrations, self.capacity, self.attendees, invalid)?;
        let planning = planning(
            self.window,
            self.after,
            self.before,
            self.prefer,
            self.fixed,
            invalid,
        )?;
        Ok(Forum {
            id,
            title,
            format: self.format,
            start,
            duration,
            room: self.room,
            // Exactly as long as needed: a list read grows to four places, most fora have
            // two speakers, and a large week has a million fora.
            speakers: self
                .speakers
                .map(|read| {
                    let mut speakers = Vec::with_capacity(read.len());
                    speakers.extend(read);
                    speakers
                })
                .unwrap_or_default(),
            description: self.description,
            url: self.url,
            status,
            seats,
            planning,
            extra: self.extra.into(),
        })
    }
}

/// A forum's planning, when it says anything of it: most fora of a large week do not.
fn planning(
    window: Option<Texts>,
    after: Option<Texts>,
    before: Option<Texts>,
    prefer: Option<Texts>,
    fixed: Option<bool>,
    invalid: impl Fn(Problem) -> InputError,
) -> Result<Option<Box<Planning>>, InputError> {
    if window.is_none()
        && after.is_none()
        && before.is_none()
        && prefer.is_none()
        && fixed.is_none()
    {
        return Ok(None);
    }
    let ids = |texts: Option<Texts>| {
        texts.map_or_else(Vec::new, |Texts(ids)| {
            ids.into_iter().map(|id| id.trim().to_owned()).collect()
        })
    };
    let prefer = prefer
        .map_or_else(Vec::new, |Texts(texts)| texts)
        .into_iter()
        .map(|text| Preference::parse(&text).ok_or_else(|| invalid(Problem::Preference(text))))
        .collect::<Result<_, _>>()?;
    Ok(Some(Box::new(Planning {
        window: intervals(window, "window", &invalid)?,
        after: ids(after),
        before: ids(before),
        prefer,
        fixed: fixed.unwrap_or(false),
    })))
}

/// Stretches of time as `available` and `window` give them.
fn intervals(
    texts: Option<Texts>,
    key: &'static str,
    invalid: impl Fn(Problem) -> InputError,
) -> Result<Option<Vec<Interval>>, InputError> {
    texts
        .map(|Texts(texts)| {
            texts
                .into_iter()
                .map(|text| {
                    Interval::parse(&text).ok_or_else(|| invalid(Problem::Interval { key, text }))
                })
                .collect()
        })
        .transpose()
}

/// The people of a week, each with when they are available.
fn people(named: Option<Named<RawPerson>>) -> Result<Vec<Person>, InputError> {
    let Some(Named(people)) = named else {
        return Ok(Vec::new());
    };
    people
        .into_iter()
        .map(|(name, raw)| {
            let invalid = |problem| InputError::invalid(Place::Person(name.clone()), problem);
            Ok(Person {
                available: intervals(raw.available, "available", invalid)?,
                name,
                extra: raw.extra.into(),
            })
        })
        .collect()
}

/// Every id a forum, a group or an order names must be a forum's.
fn known_fora(fora: &[Forum], groups: &[Group]) -> Result<(), InputError> {
    let ids: rustc_hash::FxHashSet<&str> = fora.iter().map(|f| f.id.as_str()).collect();
    let unknown = |place: Place, key: &'static str, id: &str| {
        let closest = suggest::closest(id, ids.iter().copied()).map(str::to_owned);
        InputError::invalid(
            place,
            Problem::UnknownForum {
                key,
                id: id.to_owned(),
                closest,
            },
        )
    };
    for forum in fora {
        let planning = forum.planning();
        for (key, named) in [("after", &planning.after), ("before", &planning.before)] {
            if let Some(id) = named.iter().find(|id| !ids.contains(id.as_str())) {
                return Err(unknown(Place::Forum(forum.id.clone()), key, id));
            }
        }
    }
    for group in groups {
        if let Some(id) = group.fora.iter().find(|id| !ids.contains(id.as_str())) {
            return Err(unknown(Place::Group(group.name.clone()), "fora", id));
        }
    }
    Ok(())
}

/// A forum's seats, when it says anything of them: most fora of a large week do not.
fn seats(
    registrations: Option<u64>,
    capacity: Option<u64>,
    attendees: Option<Vec<String>>,
    invalid: impl Fn(Problem) -> InputError,
) -> Result<Option<Box<Seats>>, InputError> {
    let attendees = attendees.unwrap_or_default();
    if let Some(attendee) = attendees.iter().find(|a| !is_pseudonym(a)) {
        return Err(invalid(Problem::Attendee(attendee.clone())));
    }
    if registrations.is_none() && capacity.is_none() && attendees.is_empty() {
        return Ok(None);
    }
    Ok(Some(Box::new(Seats {
        registrations,
        capacity,
        attendees,
    })))
}

impl RawContact {
    fn resolve(self) -> Result<Contact, InputError> {
        let name = self.name.filter(|n| !n.trim().is_empty());
        let email = self.email.filter(|e| !e.trim().is_empty());
        if let Some(email) = &email
            && !is_email(email)
        {
            return Err(InputError::invalid(
                Place::Week,
                Problem::Email(email.clone()),
            ));
        }
        Ok(Contact {
            name,
            email,
            extra: self.extra.into(),
        })
    }
}

/// Whether `text` reads as an e-mail address: one `@` with text on both sides, no spaces.
pub fn is_email(text: &str) -> bool {
    let text = text.trim();
    matches!(text.split_once('@'), Some((local, domain))
        if !local.is_empty() && domain.contains('.') && !domain.contains('@')
            && !text.contains(char::is_whitespace))
}

/// Whether `text` may stand for an attendee: a pseudonymous number such as `1042` or
/// `T-0042`, never a name or an e-mail address (no spaces, no `@`, at least one digit).
pub fn is_pseudonym(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 64
        && text.bytes().any(|b| b.is_ascii_digit())
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'#'))
}

impl RawRoom {
    fn resolve(self, index: usize) -> Result<Room, InputError> {
        let id = required_text(self.id, || Place::RoomNumber(index + 1), "id")?;
        if !is_valid_id(&id) {
            return Err(InputError::invalid(
                Place::Room(id.clone()),
                Problem::ForumId(id),
            ));
        }
        let available = intervals(self.available, "available", |problem| {
            InputError::invalid(Place::Room(id.clone()), problem)
        })?;
        Ok(Room {
            name: self
                .name
                .filter(|n| !n.trim().is_empty())
                .unwrap_or_else(|| id.clone()),
            id,
            available,
            url: self.url,
            capacity: self.capacity,
            extra: self.extra.into(),
        })
    }
}

impl RawRules {
    fn resolve(self) -> Result<Rules, InputError> {
        let rules = |problem| InputError::invalid(Place::Rules, problem);
        let day_time = |text: Option<String>, key: &'static str| {
            text.map(|text| {
                DayTime::parse(&text).ok_or_else(|| rules(Problem::DayTime { key, text }))
            })
            .transpose()
        };
        let day_start = day_time(self.day_start, "day_start")?;
        let day_end = day_time(self.day_end, "day_end")?;
        if let (Some(start), Some(end)) = (day_start, day_end)
            && start >= end
        {
            return Err(rules(Problem::EmptyWindow { start, end }));
        }
        if let Some(hours) = self.max_hours_per_day
            && !(hours > 0.0 && hours <= 24.0)
        {
            return Err(rules(Problem::MaxHours(hours)));
        }
        Ok(Rules {
            day_start,
            day_end,
            min_gap: min_gap(self.min_gap)?,
            max_hours_per_day: self.max_hours_per_day,
            parallel: self.parallel,
            grid: grid(self.grid)?,
            extra: self.extra.into(),
        })
    }
}

impl RawExpect {
    fn resolve(self) -> Result<Expect, InputError> {
        if let Some(hours) = self.hours
            && !(hours >= 0.0 && hours.is_finite())
        {
            return Err(InputError::invalid(
                Place::Expect,
                Problem::NegativeHours(hours),
            ));
        }
        Ok(Expect {
            fora: self.fora,
            hours: self.hours,
            extra: self.extra.into(),
        })
    }
}

fn required_text(
    value: Option<String>,
    place: impl FnOnce() -> Place,
    key: &'static str,
) -> Result<String, InputError> {
    match value {
        Some(text) if !text.trim().is_empty() => Ok(text),
        Some(_) => Err(InputError::invalid(place(), Problem::Empty(key))),
        None => Err(InputError::invalid(place(), Problem::Missing(key))),
    }
}

fn duration(
    value: Option<Value>,
    place: impl FnOnce() -> Place,
    key: &'static str,
) -> Result<Option<Duration>, InputError> {
    let parsed = match value {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::String(text)) => Duration::parse(&text),
        Some(Value::Number(number)) => Duration::from_number(&number),
        Some(other) => Err(crate::model::DurationError::Unreadable(other.to_string())),
    };
    parsed
        .map(Some)
        .map_err(|error| InputError::invalid(place(), Problem::Duration { key, error }))
}

/// The least gap: a duration, or none at all (`0m`), which is the same as no rule: fora of
/// a room may follow each other without a break, never overlap.
fn min_gap(value: Option<Value>) -> Result<Option<Duration>, InputError> {
    let negative = value.as_ref().is_some_and(|v| v.to_string().contains('-'));
    match duration(value, || Place::Rules, "min_gap") {
        Err(InputError::Invalid {
            problem:
                Problem::Duration {
                    error: crate::model::DurationError::TooShort(_),
                    ..
                },
            ..
        }) if !negative => Ok(None),
        other => other,
    }
}

/// The start grid: at least a minute, at most a day.
fn grid(value: Option<Value>) -> Result<Option<Duration>, InputError> {
    duration(value, || Place::Rules, "grid")
}

fn time_zone(name: &str) -> Result<Tz, InputError> {
    name.parse::<Tz>().map_err(|_| {
        InputError::invalid(
            Place::Week,
            Problem::TimeZone {
                text: name.to_owned(),
                closest: suggest::time_zone(name),
            },
        )
    })
}

fn date(text: &str, key: &'static str) -> Result<NaiveDate, InputError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .filter(in_calendar_range)
        .ok_or_else(|| {
            InputError::invalid(
                Place::Week,
                Problem::Date {
                    key,
                    text: text.to_owned(),
                },
            )
        })
}

/// iCalendar writes four-digit years; stay within them.
fn in_calendar_range(date: &NaiveDate) -> bool {
    use chrono::Datelike;
    (1..=9999).contains(&date.year())
}

/// The last day a forum may start on: it runs up to a day and must end within year 9999.
const LAST_START: Option<NaiveDate> = NaiveDate::from_ymd_opt(9999, 12, 30);

/// `2020-06-23T10:00` (a space instead of `T` and `:00` seconds are read too).
pub(crate) fn local_date_time(text: &str) -> Option<NaiveDateTime> {
    // The form every week file uses, read without chrono's format interpreter: large
    // weeks have one a forum.
    if let Some(start) = iso_minutes(text) {
        return Some(start);
    }
    [
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:00",
        "%Y-%m-%d %H:%M:00",
    ]
    .iter()
    .find_map(|format| NaiveDateTime::parse_from_str(text.trim(), format).ok())
    .filter(|t| in_calendar_range(&t.date()) && LAST_START.is_some_and(|last| t.date() <= last))
}

/// `YYYY-MM-DDTHH:MM` exactly, in the calendar's range.
fn iso_minutes(text: &str) -> Option<NaiveDateTime> {
    let b = text.as_bytes();
    if b.len() != 16 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        b[range].iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let date = NaiveDate::from_ymd_opt(number(0..4)? as i32, number(5..7)?, number(8..10)?)?;
    let time = chrono::NaiveTime::from_hms_opt(number(11..13)?, number(14..16)?, 0)?;
    Some(date.and_time(time))
        .filter(|t| in_calendar_range(&t.date()) && LAST_START.is_some_and(|last| t.date() <= last))
}

fn updated(text: &str, zone: Tz) -> Result<DateTime<Utc>, InputError> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.with_timezone(&Utc))
        .or_else(|| {
            local_date_time(text)
                .and_then(|t| zone.from_local_datetime(&t).earliest())
                .map(|t| t.with_timezone(&Utc))
        })
        .filter(|t| in_calendar_range(&t.date_naive()))
        .ok_or_else(|| InputError::invalid(Place::Week, Problem::Updated(text.to_owned())))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{"name": "W", "timezone": "Europe/Berlin", "start": "2020-06-23", "end": "2020-06-26", "fora": []}"#;

    fn error(text: &str) -> InputError {
        Week::from_json(text).expect_err("should be rejected")
    }

    #[test]
    fn known_keys_are_the_keys_read() {
        let all = serde_json::json!({
            "id": "w", "name": "W", "timezone": "UTC", "start": "2020-01-01", "end": "2020-01-01", "language": "de",
            "description": "d", "updated": "2020-01-01T00:00:00Z", "registrations": 1, "participants": 1,
            "contact": {"name": "Büro", "email": "buero@example.org"},
            "rooms": [{"id": "r", "name": "R", "url": "u", "capacity": 1, "available": ["2020-01-01"]}],
            "people": {"s": {"available": ["2020-01-01T09:00/12:00"]}},
            "groups": {"jugend": ["f"]},
            "rules": {"day_start": "09:00", "day_end": "18:00", "min_gap": "5m", "max_hours_per_day": 6, "parallel": true, "grid": "30m"},
            "expect": {"fora": 1, "hours": 1},
            "fora": [{"id": "f", "title": "F", "format": "x", "start": "2020-01-01T10:00", "duration": 60,
                      "room": "r", "speakers": ["s"], "description": "d", "url": "u", "status": "tentative",
                      "registrations": 3, "capacity": 20, "attendees": ["1042", "T-0042"],
                      "window": "2020-01-01", "after": [], "before": [], "prefer": "morning", "fixed": true}]
        });
        let week = Week::from_json(&all.to_string()).unwrap();
        assert!(week.extra.is_empty());
        assert!(week.rules.extra.is_empty() && week.expect.extra.is_empty());
        assert!(week.fora[0].extra.is_empty() && week.rooms.unwrap()[0].extra.is_empty());
        assert_eq!(week.fora[0].status, Status::Tentative);
        let object = all.as_object().unwrap();
        assert_eq!(
            object.keys().collect::<Vec<_>>(),
            WEEK_KEYS.iter().collect::<Vec<_>>()
        );
        let forum = all["fora"][0].as_object().unwrap();
        assert_eq!(
            forum.keys().collect::<Vec<_>>(),
            FORUM_KEYS.iter().collect::<Vec<_>>()
        );
        let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        assert_eq!(keys(&all["rooms"][0]), ROOM_KEYS);
        assert_eq!(keys(&all["rules"]), RULES_KEYS);
        assert_eq!(keys(&all["expect"]), EXPECT_KEYS);
        assert_eq!(keys(&all["contact"]), CONTACT_KEYS);
        assert_eq!(keys(&all["people"]["s"]), PERSON_KEYS);
        assert!(week.people[0].extra.is_empty());
        assert_eq!(week.groups[0].fora, ["f"]);
        assert_eq!(week.rules.grid.map(Duration::minutes), Some(30));
        let forum = &week.fora[0];
        let planning = forum.planning();
        assert!(planning.fixed && planning.window.as_ref().is_some_and(|w| w.len() == 1));
        assert_eq!(planning.prefer, [Preference::Morning]);
        assert_eq!(
            (
                forum.registrations(),
                forum.capacity(),
                forum.attendees().len()
            ),
            (Some(3), Some(20), 2)
        );
        assert_eq!(
            week.contact.as_ref().and_then(|c| c.email.as_deref()),
            Some("buero@example.org")
        );
    }

    #[test]
    fn no_gap_is_no_rule_and_a_negative_one_is_refused() {
        let with = |gap: &str| {
            Week::from_json(&MINIMAL.replace(
                r#""fora": []"#,
                &format!(r#""rules": {{"min_gap": {gap}}}, "fora": []"#),
            ))
        };
        for zero in [r#""0m""#, "0", r#""0h""#, r#""PT0M""#] {
            assert_eq!(with(zero).map(|w| w.rules.min_gap), Ok(None), "{zero}");
        }
        assert!(with(r#""-5m""#).is_err());
        assert!(with("-5").is_err());
        assert_eq!(
            with(r#""15m""#).map(|w| w.rules.min_gap.map(Duration::minutes)),
            Ok(Some(15))
        );
    }

    #[test]
    fn attendees_are_pseudonyms_and_a_contact_has_an_address() {
        let with = |forum: &str, week: &str| {
            format!(
                r#"{{"name": "W", "timezone": "UTC", "start": "2020-01-01", "end": "2020-01-01", {week}
                "fora": [{{"id": "f", "title": "T", "duration": "1h" {forum}}}]}}"#
            )
        };
        let Ok(week) = Week::from_json(&with(r#", "attendees": ["7", "8"]"#, "")) else {
            panic!("pseudonyms are read");
        };
        assert_eq!(week.fora[0].registrations(), Some(2));
        for name in ["Anna Schmidt", "anna@example.org", "Anna"] {
            let text = with(&format!(r#", "attendees": ["7", "{name}"]"#), "");
            assert!(
                matches!(error(&text), InputError::Invalid { problem: Problem::Attendee(a), .. } if a == name),
                "{name}"
            );
        }
        let text = with("", r#""contact": {"email": "buero"},"#);
        assert!(matches!(
            error(&text),
            InputError::Invalid {
                problem: Problem::Email(_),
                ..
            }
        ));
        assert!(
            Week::from_json(&with("", "")).unwrap().fora[0]
                .seats
                .is_none()
        );
    }

    #[test]
    fn unknown_keys_are_kept_in_order() {
        let text = r#"{"x-b": 1, "name": "W", "timezone": "UTC", "start": "2020-01-01", "end": "2020-01-01",
            "zeta": {"deep": [1.50, "s"]}, "alpha": null,
            "fora": [{"id": "f", "title": "T", "duration": "1h", "speaker": "Anna"}]}"#;
        let week = Week::from_json(text).unwrap();
        assert_eq!(
            week.extra.keys().collect::<Vec<_>>(),
            ["x-b", "zeta", "alpha"]
        );
        assert_eq!(week.extra["zeta"], serde_json::json!({"deep": [1.5, "s"]}));
        assert_eq!(week.fora[0].extra["speaker"], "Anna");
    }

    #[test]
    fn reads_a_minimal_week() {
        let week = Week::from_json(MINIMAL).unwrap();
        assert_eq!(week.day_count(), 4);
        assert_eq!(week.timezone, chrono_tz::Europe::Berlin);
        assert!(week.rooms.is_none() && week.fora.is_empty());
    }

    #[test]
    fn byte_order_mark_is_skipped() {
        assert!(Week::from_json(&format!("\u{feff}{MINIMAL}")).is_ok());
    }

    #[test]
    fn syntax_errors_have_line_and_column() {
        let e = error("{\n  \"name\": \"W\",\n  \"fora\": [,]\n}");
        assert_eq!(e.position(), Some((3, 12)));
    }

    #[test]
    fn type_errors_name_the_path_what_it_takes_and_what_was_found() {
        let e = error(&MINIMAL.replace("[]", r#"[{"id": "a", "title": 5, "duration": 60}]"#));
        let InputError::Type {
            path,
            expected,
            found,
            ..
        } = e
        else {
            panic!("{e:?}")
        };
        assert_eq!(
            (path.as_str(), expected, found.as_str()),
            ("fora[0].title", JsonType::Text, "5")
        );
        let rules = MINIMAL.replace(
            r#""fora""#,
            r#""rules": {"max_hours_per_day": "6,5"}, "fora""#,
        );
        let InputError::Type {
            path,
            expected,
            found,
            ..
        } = error(&rules)
        else {
            panic!()
        };
        assert_eq!(
            (path.as_str(), expected, found.as_str()),
            ("rules.max_hours_per_day", JsonType::Number, "\"6,5\"")
        );
        let speakers = MINIMAL.replace(
            "[]",
            r#"[{"id": "a", "title": "T", "duration": 60, "speakers": ["A", 1]}]"#,
        );
        assert!(matches!(
            error(&speakers),
            InputError::Type {
                expected: JsonType::Text,
                ..
            }
        ));
        let twice = MINIMAL.replace("[]", r#"[{"id": "a", "title": "T", "title": "U"}]"#);
        assert!(
            matches!(error(&twice), InputError::DuplicateKey { key, .. } if key == "title"),
            "{:?}",
            error(&twice)
        );
    }

    #[test]
    fn not_utf8_is_located() {
        let e = Week::from_bytes(b"{\n  \"name\": \"\xff\"}").unwrap_err();
        assert_eq!(
            e,
            InputError::NotUtf8 {
                line: 2,
                column: 12
            }
        );
    }

    #[test]
    fn empty_and_non_objects_are_rejected() {
        assert_eq!(error("  \n"), InputError::Empty);
        assert_eq!(
            error("[1]"),
            InputError::NotObject {
                found: JsonType::Array
            }
        );
        assert!(matches!(
            error("nul x"),
            InputError::Syntax {
                syntax: Syntax::Value,
                ..
            }
        ));
    }

    #[test]
    fn time_zone_errors_suggest_the_closest() {
        let e = error(&MINIMAL.replace("Europe/Berlin", "Europe/Berln"));
        assert_eq!(
            e,
            InputError::Invalid {
                place: Place::Week,
                problem: Problem::TimeZone {
                    text: "Europe/Berln".into(),
                    closest: Some("Europe/Berlin")
                }
            }
        );
    }

    #[test]
    fn bad_durations_name_forum_and_value() {
        let e = error(&MINIMAL.replace("[]", r#"[{"id": "a", "title": "T", "duration": "90x"}]"#));
        assert_eq!(
            e.to_string(),
            "forum \"a\": duration: \"90x\" is not a duration; write it like \"90m\", \"1h30m\", \"1.5h\", \"PT1H30M\" or a number of minutes"
        );
    }

    #[test]
    fn the_fast_reading_of_starts_agrees_with_chrono() {
        for text in [
            "2020-06-23T10:00",
            "2020-02-29T23:59",
            "2021-02-29T10:00",
            "2020-06-23T24:00",
            "2020-06-23T10:60",
            "2020-13-01T10:00",
            "2020-06-23T1:00x",
            "+020-06-23T10:00",
            "2020-06-23 10:00",
            "2020-06-23T10:00:00",
        ] {
            let chrono = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:00"]
                .iter()
                .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
                .filter(|t| {
                    in_calendar_range(&t.date()) && LAST_START.is_some_and(|l| t.date() <= l)
                });
            assert_eq!(local_date_time(text), chrono, "{text}");
            // Where the fast reading answers, it answers as chrono does.
            if let Some(fast) = iso_minutes(text) {
                assert_eq!(Some(fast), chrono, "{text}");
            }
        }
    }

    #[test]
    fn bad_statuses_name_forum_and_value() {
        let e = error(&MINIMAL.replace(
            "[]",
            r#"[{"id": "a", "title": "T", "duration": 60, "status": "abgesagt"}]"#,
        ));
        assert_eq!(
            e.to_string(),
            "forum \"a\": status \"abgesagt\" is not one of \"confirmed\", \"tentative\", \"cancelled\""
        );
        let week = Week::from_json(&MINIMAL.replace(
            "[]",
            r#"[{"id": "a", "title": "T", "duration": 60, "status": "Canceled"}]"#,
        ))
        .unwrap();
        assert_eq!(week.fora[0].status, Status::Cancelled);
    }

    #[test]
    fn out_of_range_values_are_input_errors() {
        for (from, to) in [
            ("2020-06-26", "2020-06-22"),
            ("2020-06-26", "10000-01-01"),
            ("2020-06-23", "2020-02-30"),
        ] {
            assert!(Week::from_json(&MINIMAL.replace(from, to)).is_err(), "{to}");
        }
        let start = |s: &str| {
            MINIMAL.replace(
                "[]",
                &format!(r#"[{{"id": "a", "title": "T", "duration": 5, "start": "{s}"}}]"#),
            )
        };
        for bad in [
            "2020-06-23T25:00",
            "2020-06-23",
            "99999-01-01T10:00",
            "9999-12-31T23:00",
            "2020-06-23T10:00:30",
        ] {
            assert!(Week::from_json(&start(bad)).is_err(), "{bad}");
        }
    }
}
