//! Why a week file could not be read or understood, as data: each error names the place,
//! the key and the value, and the catalogue (`text`) says it in the user's language.

use chrono::NaiveDate;
use serde_json::Value;

use super::{DayTime, DurationError};

/// Why a week file could not be read or understood.
#[derive(Clone, Debug, PartialEq)]
pub enum InputError {
    /// The file holds nothing but white space.
    Empty,
    /// The file is not UTF-8 text.
    NotUtf8 {
        /// 1-based line of the first bad byte.
        line: usize,
        /// 1-based column (in bytes) of the first bad byte.
        column: usize,
    },
    /// The text is not JSON.
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the reader expected or found.
        syntax: Syntax,
    },
    /// A value has another JSON type than its key takes.
    Type {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// Where the value is: `fora[3].title`.
        path: String,
        /// What the key takes.
        expected: JsonType,
        /// The value found, in JSON (cut when long).
        found: String,
    },
    /// A key is given twice in one object.
    DuplicateKey {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// Where the object is.
        path: String,
        /// The key.
        key: String,
    },
    /// The JSON is not an object.
    NotObject {
        /// What it holds instead.
        found: JsonType,
    },
    /// A value has the right JSON type but cannot be understood.
    Invalid {
        /// Where.
        place: Place,
        /// What is wrong, naming the value.
        problem: Problem,
    },
}

impl InputError {
    /// Line and column, where the error has them.
    pub fn position(&self) -> Option<(usize, usize)> {
        match *self {
            Self::NotUtf8 { line, column }
            | Self::Syntax { line, column, .. }
            | Self::Type { line, column, .. }
            | Self::DuplicateKey { line, column, .. } => Some((line, column)),
            Self::Empty | Self::NotObject { .. } | Self::Invalid { .. } => None,
        }
    }

    pub(super) fn invalid(place: Place, problem: Problem) -> Self {
        Self::Invalid { place, problem }
    }
}

/// Where in a week file a value is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// The week object itself.
    Week,
    /// The forum with this id.
    Forum(String),
    /// The forum at this place in the list (from 1), which has no usable id.
    ForumNumber(usize),
    /// The room with this id.
    Room(String),
    /// The room at this place in the list (from 1), which has no usable id.
    RoomNumber(usize),
    /// `rules`.
    Rules,
    /// `expect`.
    Expect,
    /// The person of this name, under `people`.
    Person(String),
    /// The group of this name, under `groups`.
    Group(String),
}

/// What is wrong with a value whose JSON type is right.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// A required key is not there.
    Missing(&'static str),
    /// A required text is empty.
    Empty(&'static str),
    /// An id with characters ids may not hold.
    ForumId(String),
    /// A week id with characters week ids may not hold.
    WeekId(String),
    /// The week's `fora` are missing.
    NoFora,
    /// A time zone that is not an IANA name.
    TimeZone {
        /// As written.
        text: String,
        /// The closest IANA name, when one is close.
        closest: Option<&'static str>,
    },
    /// A date that does not read as `YYYY-MM-DD` in years 1–9999.
    Date {
        /// The key.
        key: &'static str,
        /// As written.
        text: String,
    },
    /// The last day is before the first.
    EndBeforeStart {
        /// The first day.
        start: NaiveDate,
        /// The last day.
        end: NaiveDate,
    },
    /// More days than a week file may span.
    TooManyDays {
        /// The first day.
        start: NaiveDate,
        /// The last day.
        end: NaiveDate,
        /// How many days that is.
        days: i64,
        /// How many are allowed.
        most: i64,
    },
    /// A language fora has no catalogue for.
    Language(String),
    /// An `updated` that is not a date-time.
    Updated(String),
    /// A forum without a duration.
    NoDuration,
    /// A duration that does not read.
    Duration {
        /// The key (`duration`, `min_gap`).
        key: &'static str,
        /// Why.
        error: DurationError,
    },
    /// A start that is not a local date-time.
    Start(String),
    /// A status that is not one of the three.
    Status(String),
    /// An attendee that is not a pseudonymous number (a name, an e-mail address).
    Attendee(String),
    /// A contact's e-mail address that is not one.
    Email(String),
    /// A time of day that does not read (`rules.day_start`, `rules.day_end`).
    DayTime {
        /// The key.
        key: &'static str,
        /// As written.
        text: String,
    },
    /// The day window is empty.
    EmptyWindow {
        /// `rules.day_start`.
        start: DayTime,
        /// `rules.day_end`.
        end: DayTime,
    },
    /// `rules.max_hours_per_day` out of range.
    MaxHours(f64),
    /// `expect.hours` below zero.
    NegativeHours(f64),
    /// A stretch of time (`available`, `window`) that does not read, or is empty.
    Interval {
        /// The key.
        key: &'static str,
        /// As written.
        text: String,
    },
    /// A preference that is not a day, a time of day or hours.
    Preference(String),
    /// An id of a forum (`after`, `before`, a group's) that no forum has.
    UnknownForum {
        /// The key.
        key: &'static str,
        /// As written.
        id: String,
        /// The closest id a forum has.
        closest: Option<String>,
    },
}

/// The JSON types, as errors name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonType {
    /// A JSON object.
    Object,
    /// A JSON array.
    Array,
    /// A list of texts (`speakers`).
    Texts,
    /// A string.
    Text,
    /// A whole number of 0 or more.
    Count,
    /// Any number.
    Number,
    /// `true` or `false`.
    Boolean,
    /// A duration: text or a number of minutes.
    Duration,
    /// `null`.
    Null,
}

impl JsonType {
    /// The type of a value found.
    pub fn of(value: &Value) -> Self {
        match value {
            Value::Object(_) => Self::Object,
            Value::Array(_) => Self::Array,
            Value::String(_) => Self::Text,
            Value::Number(n) if n.is_u64() => Self::Count,
            Value::Number(_) => Self::Number,
            Value::Bool(_) => Self::Boolean,
            Value::Null => Self::Null,
        }
    }

    /// The type a key of a week file takes (the last part of a path such as `fora[3].title`).
    pub fn of_key(key: &str, parent: &str) -> Option<Self> {
        Some(match key {
            "rooms" | "fora" if parent.is_empty() => Self::Array,
            "fora" if parent == "expect" => Self::Count,
            "rules" | "expect" => Self::Object,
            "speakers" | "attendees" => Self::Texts,
            "contact" => Self::Object,
            "registrations" | "participants" | "capacity" => Self::Count,
            "max_hours_per_day" | "hours" => Self::Number,
            "people" | "groups" if parent.is_empty() => Self::Object,
            _ if parent == "people" => Self::Object,
            _ if parent == "groups" => Self::Texts,
            "available" | "window" | "after" | "before" | "prefer" => Self::Texts,
            "parallel" | "fixed" => Self::Boolean,
            "duration" | "min_gap" | "grid" => Self::Duration,
            "id" | "name" | "timezone" | "start" | "end" | "language" | "description"
            | "updated" | "title" | "format" | "room" | "url" | "status" | "day_start"
            | "day_end" | "email" => Self::Text,
            _ => return None,
        })
    }
}

/// What the JSON reader expected or found where the text stops being JSON. The words of
/// each are serde_json's, said again in the catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Syntax {
    /// The text ends inside an array, object, string or before a value.
    EndOfFile,
    /// `:` expected after a key.
    Colon,
    /// `,` or `]` expected.
    CommaOrBracket,
    /// `,` or `}` expected.
    CommaOrBrace,
    /// A value expected (also a word such as `nul`).
    Value,
    /// `"` expected: a key must be a string.
    Key,
    /// A `\` escape that JSON does not have.
    Escape,
    /// A number that does not read, or does not fit.
    Number,
    /// A control character (a tab, a line break) inside a string.
    ControlCharacter,
    /// A comma before a closing bracket.
    TrailingComma,
    /// More text after the one value a file holds.
    TrailingCharacters,
    /// Anything else, in serde_json's words.
    Other(String),
}

impl Syntax {
    /// The syntax error serde_json describes with `message` (its text, without the position).
    pub fn of(message: &str) -> Self {
        match message {
            m if m.starts_with("EOF while parsing") => Self::EndOfFile,
            "expected `:`" => Self::Colon,
            "expected `,` or `]`" => Self::CommaOrBracket,
            "expected `,` or `}`" => Self::CommaOrBrace,
            "expected value" | "expected ident" => Self::Value,
            "key must be a string" | "expected `\"`" => Self::Key,
            "invalid escape" | "invalid unicode code point" | "unexpected end of hex escape" => {
                Self::Escape
            }
            m if m.starts_with("lone leading surrogate") => Self::Escape,
            "invalid number" | "number out of range" => Self::Number,
            m if m.starts_with("control character") => Self::ControlCharacter,
            "trailing comma" => Self::TrailingComma,
            "trailing characters" => Self::TrailingCharacters,
            other => Self::Other(other.to_owned()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_json_syntax_errors_are_recognised() {
        for (text, syntax) in [
            ("{\"a\" 1}", Syntax::Colon),
            ("[1 2]", Syntax::CommaOrBracket),
            ("{\"a\": 1 \"b\": 2}", Syntax::CommaOrBrace),
            ("{\"a\": nul}", Syntax::Value),
            ("{1: 2}", Syntax::Key),
            ("{\"a\": \"\\x\"}", Syntax::Escape),
            ("{\"a\": 1e999}", Syntax::Number),
            ("{\"a\": \"\t\"}", Syntax::ControlCharacter),
            ("[1,]", Syntax::TrailingComma),
            ("{} x", Syntax::TrailingCharacters),
            ("{\"a\": ", Syntax::EndOfFile),
        ] {
            let error = serde_json::from_str::<Value>(text).unwrap_err();
            let full = error.to_string();
            let message = full.split(" at line ").next().unwrap();
            assert_eq!(Syntax::of(message), syntax, "{text}: {full}");
        }
    }
}
