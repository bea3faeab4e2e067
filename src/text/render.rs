//! Rendering data in a language: errors, problems and values say themselves in words here.

use crate::model::Language;

/// Something a user reads, said in their language.
pub trait Render {
    /// It, in words of `language`.
    fn render(&self, language: Language) -> String;
}

/// `text` with its control characters (line breaks, tabs, escapes) written as escapes, so
/// that a value quoted in a message cannot break the line or the terminal.
pub fn plain(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_owned();
    }
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

use std::io;
use std::path::Path;

use crate::edit::Fields;
use crate::error::{Error, ValueError};
use crate::export::ics::previous::CalendarProblem;
use crate::import::registrations::{Column, ExportProblem};
use crate::model::{DurationError, InputError, JsonType, Place, Problem, Syntax};
use crate::rules::BadLink;
use crate::text::{self as words, DateStyle, t};

impl Render for Error {
    fn render(&self, l: Language) -> String {
        let file = |path: &Path| path.display().to_string();
        match self {
            Error::Read { path, source } => {
                t!(
                    l,
                    "error-read",
                    file = file(path),
                    why = io_error(source, l)
                )
            }
            Error::Input { path, error } => match error.position() {
                Some((line, column)) => {
                    format!("{}:{line}:{column}: {}", path.display(), error.render(l))
                }
                None => format!("{}: {}", path.display(), error.render(l)),
            },
            Error::Calendar {
                path,
                line,
                problem,
            } => format!("{}:{line}: {}", path.display(), problem.render(l)),
            Error::NoPrevious(path) => t!(l, "error-no-previous", file = file(path)),
            Error::Changed(path) => t!(l, "error-changed", file = file(path)),
            Error::ReadOnly(path) => t!(l, "error-read-only", file = file(path)),
            Error::Exists(path) => t!(l, "error-exists", file = file(path)),
            Error::NotASite(path) => t!(
                l,
                "site-not-a-site",
                folder = file(path),
                file = crate::site::WEEK_FILE
            ),
            Error::NoPreviousSite(path) => t!(
                l,
                "site-no-previous",
                folder = file(path),
                file = crate::site::WEEK_FILE
            ),
            Error::PlanRefused(findings) => t!(l, "plan-refused", findings = (*findings)),
            Error::Value { flag, error } => match error {
                // A value of `fora set`, or a forum's id, names itself.
                _ if flag.is_empty() => error.render(l),
                ValueError::NotAssignment { .. } | ValueError::UnknownField { .. } => {
                    error.render(l)
                }
                ValueError::Required => t!(
                    l,
                    "value-required",
                    field = flag.trim_end_matches('=').trim_start_matches('-')
                ),
                // What does not name the value follows its flag after a colon.
                ValueError::EmptyTitle | ValueError::NoStart(_) | ValueError::NeededBy(_) => {
                    format!("{flag}: {}", error.render(l))
                }
                // `status=abgesagt: …`: a field of `fora set` and its value are one word.
                _ if flag.ends_with('=') => format!("{flag}{}", error.render(l)),
                _ => format!("{flag} {}", error.render(l)),
            },
            Error::Export { path, error } => match error.line {
                Some(line) => format!("{}:{line}: {}", path.display(), error.problem.render(l)),
                None => format!("{}: {}", path.display(), error.problem.render(l)),
            },
            Error::Import { path, error } => format!("{}: {}", path.display(), error.render(l)),
            Error::Unexportable {
                path,
                format,
                duplicates,
            } => t!(
                l,
                "error-frab-duplicates",
                file = file(path),
                format = format.to_string(),
                count = (*duplicates)
            ),
            Error::SourceDateEpoch(text) => t!(l, "error-source-date-epoch", value = text.as_str()),
            Error::Write { path, source } => {
                t!(
                    l,
                    "error-write",
                    file = file(path),
                    why = io_error(source, l)
                )
            }
        }
    }
}

/// Why a file could not be read or written, in words: the kinds users meet said in their
/// language, the rest as the system says it.
fn io_error(error: &io::Error, l: Language) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => t!(l, "io-not-found"),
        io::ErrorKind::PermissionDenied => t!(l, "io-permission-denied"),
        io::ErrorKind::IsADirectory => t!(l, "io-is-a-directory"),
        io::ErrorKind::NotADirectory => t!(l, "io-not-a-directory"),
        io::ErrorKind::StorageFull => t!(l, "io-storage-full"),
        io::ErrorKind::AlreadyExists => t!(l, "io-exists"),
        _ => error.to_string(),
    }
}

impl Render for ValueError {
    fn render(&self, l: Language) -> String {
        match self {
            ValueError::DayOutsideWeek {
                day,
                week,
                start,
                end,
            } => t!(
                l,
                "value-day-outside-week",
                day = day.to_string(),
                week = week.as_str(),
                start = words::date(l, *start, DateStyle::Numeric),
                end = words::date(l, *end, DateStyle::Numeric)
            ),
            ValueError::NoRooms { room, week } => {
                t!(
                    l,
                    "value-no-rooms",
                    room = room.as_str(),
                    week = week.as_str()
                )
            }
            ValueError::UnknownRoom {
                room,
                closest,
                rooms,
            } => match closest {
                Some(closest) => t!(
                    l,
                    "value-unknown-room-closest",
                    room = room.as_str(),
                    closest = closest.as_str()
                ),
                None => t!(
                    l,
                    "value-unknown-room",
                    room = room.as_str(),
                    rooms = rooms.join(", ")
                ),
            },
            ValueError::UnknownForum { .. }
            | ValueError::UnknownSpeaker { .. }
            | ValueError::UnknownFormat { .. } => unknown(self, l),
            ValueError::SharedId { id, fora } => {
                t!(l, "value-shared-id", id = id.as_str(), fora = (*fora))
            }
            ValueError::BadId(id) => t!(l, "value-bad-id", id = id.as_str()),
            ValueError::ForumIdTaken(id) => t!(l, "value-forum-id-taken", id = id.as_str()),
            ValueError::RoomIdTaken(id) => t!(l, "value-room-id-taken", id = id.as_str()),
            ValueError::NotAssignment { text, of } => t!(
                l,
                "value-not-assignment",
                text = plain(text),
                fields = of.names().join(", ")
            ),
            ValueError::UnknownField { field, closest, of } => {
                unknown_field(field, *closest, *of, l)
            }
            ValueError::EmptyTitle => t!(l, "value-empty-title"),
            ValueError::Duration(error) => error.render(l),
            ValueError::Status(text) => t!(l, "value-status", text = plain(text)),
            ValueError::NoStart(id) => t!(l, "value-no-start", id = id.as_str()),
            ValueError::DateTime(text) => t!(l, "value-date-time", text = plain(text)),
            ValueError::Date(text) => t!(l, "value-date", text = plain(text)),
            ValueError::TimeLimit(text) => t!(l, "value-time-limit", text = plain(text)),
            ValueError::NeedsFile => t!(l, "value-needs-file"),
            ValueError::Language(text) => t!(l, "value-language", text = plain(text)),
            ValueError::Interval(text) => t!(l, "value-interval", text = plain(text)),
            ValueError::Preference(text) => t!(l, "value-preference", text = plain(text)),
            ValueError::Decimal(_)
            | ValueError::Count(_)
            | ValueError::Boolean(_)
            | ValueError::DayTime(_)
            | ValueError::TimeZone { .. }
            | ValueError::WeekId(_)
            | ValueError::Required
            | ValueError::Email(_)
            | ValueError::Link { .. }
            | ValueError::RoomInUse { .. }
            | ValueError::ReassignToItself(_) => workbench(self, l),
            ValueError::NeededBy(format) => {
                t!(l, "value-base-url-needed", format = format.to_string())
            }
            ValueError::BaseUrl { url, problem } => {
                let url = plain(url);
                match problem {
                    BadLink::NoScheme => t!(l, "value-base-url-no-scheme", url = url),
                    BadLink::Scheme => t!(l, "value-base-url-scheme", url = url),
                    BadLink::Malformed => t!(l, "value-base-url-malformed", url = url),
                }
            }
        }
    }
}

/// The values of the week's own `set`s and of rooms, said in words.
fn workbench(error: &ValueError, l: Language) -> String {
    match error {
        ValueError::Decimal(text) => t!(l, "value-decimal", text = plain(text)),
        ValueError::Count(text) => t!(l, "value-count", text = plain(text)),
        ValueError::Boolean(text) => t!(l, "value-boolean", text = plain(text)),
        ValueError::DayTime(text) => t!(l, "value-day-time", text = plain(text)),
        ValueError::TimeZone { text, closest } => match closest {
            Some(closest) => t!(
                l,
                "value-time-zone-closest",
                text = plain(text),
                closest = (*closest)
            ),
            None => t!(l, "value-time-zone", text = plain(text)),
        },
        ValueError::WeekId(id) => t!(l, "value-week-id", id = plain(id)),
        ValueError::Required => t!(l, "value-required", field = ""),
        ValueError::Email(text) => t!(l, "value-email", text = plain(text)),
        ValueError::Link { url, problem } => {
            let url = plain(url);
            match problem {
                BadLink::NoScheme => t!(l, "value-link-no-scheme", url = url),
                BadLink::Scheme => t!(l, "value-link-scheme", url = url),
                BadLink::Malformed => t!(l, "value-link-malformed", url = url),
            }
        }
        ValueError::RoomInUse { room, fora } => {
            // A room of a large week has many fora: the first few name it.
            const NAMED: usize = 10;
            let mut ids = fora
                .iter()
                .take(NAMED)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            if fora.len() > NAMED {
                ids.push_str(", …");
            }
            t!(
                l,
                "value-room-in-use",
                room = room.as_str(),
                count = fora.len(),
                fora = ids
            )
        }
        ValueError::ReassignToItself(room) => {
            t!(l, "value-reassign-itself", room = room.as_str())
        }
        // Said above; never here.
        other => format!("{other:?}"),
    }
}

/// A field `set` does not know: a forum's fields point to `fora move` for the start.
fn unknown_field(field: &str, closest: Option<&str>, of: Fields, l: Language) -> String {
    let fields = of.names().join(", ");
    let field = plain(field);
    match (closest, of) {
        (Some(closest), Fields::Forum) => t!(
            l,
            "value-unknown-field-closest",
            field = field,
            closest = closest,
            fields = fields
        ),
        (None, Fields::Forum) => t!(l, "value-unknown-field", field = field, fields = fields),
        (Some(closest), _) => t!(
            l,
            "value-unknown-setting-closest",
            field = field,
            closest = closest,
            fields = fields
        ),
        (None, _) => t!(l, "value-unknown-setting", field = field, fields = fields),
    }
}

/// A forum, speaker or format the week does not have, with the closest it has.
fn unknown(error: &ValueError, l: Language) -> String {
    match error {
        ValueError::UnknownForum { id, week, closest } => match closest.as_slice() {
            [] => t!(
                l,
                "value-unknown-forum",
                id = plain(id),
                week = week.as_str()
            ),
            closest => t!(
                l,
                "value-unknown-forum-closest",
                id = plain(id),
                week = week.as_str(),
                closest = either(closest, l)
            ),
        },
        ValueError::UnknownSpeaker { speaker, closest } => match closest {
            Some(closest) => t!(
                l,
                "value-unknown-speaker",
                speaker = plain(speaker),
                closest = closest.as_str()
            ),
            None => t!(l, "value-unknown-speaker-none", speaker = plain(speaker)),
        },
        ValueError::UnknownFormat { format, closest } => match closest {
            Some(closest) => t!(
                l,
                "value-unknown-format",
                format = plain(format),
                closest = closest.as_str()
            ),
            None => t!(l, "value-unknown-format-none", format = plain(format)),
        },
        _ => unreachable!("only the unknown forum, speaker and format"),
    }
}

/// `"a" (A), "b" (B) or "c" (C)`: the fora a suggestion names.
fn either(fora: &[crate::error::ForumLabel], l: Language) -> String {
    let named: Vec<String> = fora
        .iter()
        .map(|f| {
            t!(
                l,
                "suggest-forum",
                id = f.id.as_str(),
                title = plain(&f.title)
            )
        })
        .collect();
    match named.split_last() {
        Some((last, first)) if !first.is_empty() => {
            t!(
                l,
                "suggest-either",
                first = first.join(", "),
                last = last.as_str()
            )
        }
        _ => named.concat(),
    }
}

impl Render for DurationError {
    fn render(&self, l: Language) -> String {
        match self {
            DurationError::Unreadable(text) => t!(l, "duration-unreadable", text = plain(text)),
            DurationError::NotWholeMinutes(text) => t!(l, "duration-not-whole", text = plain(text)),
            DurationError::TooShort(text) => t!(l, "duration-too-short", text = plain(text)),
            DurationError::TooLong(text) => t!(l, "duration-too-long", text = plain(text)),
        }
    }
}

impl std::fmt::Display for DurationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Language::En))
    }
}

impl std::error::Error for DurationError {}

impl Render for InputError {
    fn render(&self, l: Language) -> String {
        match self {
            InputError::Empty => t!(l, "input-empty"),
            InputError::NotUtf8 { .. } => t!(l, "input-not-utf8"),
            InputError::Syntax { syntax, .. } => syntax.render(l),
            InputError::Type {
                path,
                expected,
                found,
                ..
            } => t!(
                l,
                "input-type",
                path = path.as_str(),
                expected = expected.render(l),
                found = plain(found)
            ),
            InputError::DuplicateKey { path, key, .. } if path.is_empty() => {
                t!(l, "input-duplicate-key-week", key = plain(key))
            }
            InputError::DuplicateKey { path, key, .. } => {
                t!(
                    l,
                    "input-duplicate-key",
                    path = path.as_str(),
                    key = plain(key)
                )
            }
            InputError::NotObject { found } => t!(l, "input-not-object", found = found.render(l)),
            InputError::Invalid { place, problem } => {
                format!("{}: {}", place.render(l), problem.render(l))
            }
        }
    }
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Language::En))
    }
}

impl std::error::Error for InputError {}

impl Render for Place {
    fn render(&self, l: Language) -> String {
        match self {
            Place::Week => t!(l, "place-week"),
            Place::Forum(id) => t!(l, "place-forum", id = id.as_str()),
            Place::ForumNumber(number) => t!(l, "place-forum-number", number = (*number)),
            Place::Room(id) => t!(l, "place-room", id = id.as_str()),
            Place::RoomNumber(number) => t!(l, "place-room-number", number = (*number)),
            Place::Rules => "rules".to_owned(),
            Place::Expect => "expect".to_owned(),
            Place::Person(name) => t!(l, "place-person", name = plain(name)),
            Place::Group(name) => t!(l, "place-group", name = plain(name)),
        }
    }
}

impl Render for Problem {
    fn render(&self, l: Language) -> String {
        match self {
            Problem::Missing(key) => t!(l, "problem-missing", key = (*key)),
            Problem::Empty(key) => t!(l, "problem-empty", key = (*key)),
            Problem::ForumId(_) => t!(l, "problem-id"),
            Problem::WeekId(id) => t!(l, "problem-week-id", id = plain(id)),
            Problem::NoFora => t!(l, "problem-no-fora"),
            Problem::TimeZone { text, closest } => match closest {
                Some(closest) => t!(
                    l,
                    "problem-time-zone-closest",
                    text = plain(text),
                    closest = (*closest)
                ),
                None => t!(l, "problem-time-zone", text = plain(text)),
            },
            Problem::Date { key, text } => t!(l, "problem-date", key = (*key), text = plain(text)),
            Problem::EndBeforeStart { start, end } => t!(
                l,
                "problem-end-before-start",
                start = start.to_string(),
                end = end.to_string()
            ),
            Problem::TooManyDays {
                start,
                end,
                days,
                most,
            } => t!(
                l,
                "problem-too-many-days",
                start = start.to_string(),
                end = end.to_string(),
                days = (*days),
                most = (*most)
            ),
            Problem::Language(text) => t!(l, "problem-language", text = plain(text)),
            Problem::Updated(text) => t!(l, "problem-updated", text = plain(text)),
            Problem::NoDuration => t!(l, "problem-no-duration"),
            Problem::Duration { key, error } => format!("{key}: {}", error.render(l)),
            Problem::Start(text) => t!(l, "problem-start", text = plain(text)),
            Problem::Status(text) => t!(l, "problem-status", text = plain(text)),
            Problem::Attendee(text) => t!(l, "problem-attendee", text = plain(text)),
            Problem::Email(text) => t!(l, "problem-email", text = plain(text)),
            Problem::DayTime { key, text } => {
                t!(l, "problem-day-time", key = (*key), text = plain(text))
            }
            Problem::EmptyWindow { start, end } => t!(
                l,
                "problem-empty-window",
                start = start.to_string(),
                end = end.to_string()
            ),
            Problem::MaxHours(hours) => t!(l, "problem-max-hours", hours = (*hours)),
            Problem::NegativeHours(hours) => t!(l, "problem-negative-hours", hours = (*hours)),
            Problem::Interval { key, text } => {
                t!(l, "problem-interval", key = (*key), text = plain(text))
            }
            Problem::Preference(text) => t!(l, "problem-preference", text = plain(text)),
            Problem::UnknownForum { key, id, closest } => match closest {
                Some(closest) => t!(
                    l,
                    "problem-unknown-forum-closest",
                    key = (*key),
                    id = plain(id),
                    closest = plain(closest)
                ),
                None => t!(l, "problem-unknown-forum", key = (*key), id = plain(id)),
            },
        }
    }
}

impl Render for JsonType {
    fn render(&self, l: Language) -> String {
        match self {
            JsonType::Object => t!(l, "type-object"),
            JsonType::Array => t!(l, "type-array"),
            JsonType::Texts => t!(l, "type-texts"),
            JsonType::Text => t!(l, "type-text"),
            JsonType::Count => t!(l, "type-count"),
            JsonType::Number => t!(l, "type-number"),
            JsonType::Boolean => t!(l, "type-boolean"),
            JsonType::Duration => t!(l, "type-duration"),
            JsonType::Null => t!(l, "type-null"),
        }
    }
}

impl Render for Syntax {
    fn render(&self, l: Language) -> String {
        match self {
            Syntax::EndOfFile => t!(l, "syntax-end-of-file"),
            Syntax::Colon => t!(l, "syntax-colon"),
            Syntax::CommaOrBracket => t!(l, "syntax-comma-or-bracket"),
            Syntax::CommaOrBrace => t!(l, "syntax-comma-or-brace"),
            Syntax::Value => t!(l, "syntax-value"),
            Syntax::Key => t!(l, "syntax-key"),
            Syntax::Escape => t!(l, "syntax-escape"),
            Syntax::Number => t!(l, "syntax-number"),
            Syntax::ControlCharacter => t!(l, "syntax-control-character"),
            Syntax::TrailingComma => t!(l, "syntax-trailing-comma"),
            Syntax::TrailingCharacters => t!(l, "syntax-trailing-characters"),
            Syntax::Other(message) => t!(l, "syntax-other", message = message.as_str()),
        }
    }
}

impl Render for ExportProblem {
    fn render(&self, l: Language) -> String {
        let which = |column: &Column| match column {
            Column::Forum => "forum",
            Column::Attendee => "attendee",
        };
        let list = |headers: &[String]| {
            headers
                .iter()
                .map(|h| plain(h))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self {
            ExportProblem::Empty => t!(l, "export-empty"),
            ExportProblem::NoColumn { column, headers } => t!(
                l,
                "export-no-column",
                column = which(column),
                headers = list(headers)
            ),
            ExportProblem::UnknownColumn {
                column,
                name,
                closest: Some(closest),
                ..
            } => t!(
                l,
                "export-unknown-column-closest",
                column = which(column),
                name = plain(name),
                closest = plain(closest)
            ),
            ExportProblem::UnknownColumn {
                column,
                name,
                headers,
                ..
            } => t!(
                l,
                "export-unknown-column",
                column = which(column),
                name = plain(name),
                headers = list(headers)
            ),
            ExportProblem::SameColumn(header) => {
                t!(l, "export-same-column", header = plain(header))
            }
            ExportProblem::EmptyValue { column, header } => t!(
                l,
                "export-empty-value",
                column = which(column),
                header = plain(header)
            ),
            ExportProblem::UnknownForum {
                value,
                closest: Some((id, title)),
            } => t!(
                l,
                "export-unknown-forum-closest",
                value = plain(value),
                closest = id.as_str(),
                title = plain(title)
            ),
            ExportProblem::UnknownForum { value, .. } => {
                t!(l, "export-unknown-forum", value = plain(value))
            }
            ExportProblem::AmbiguousForum { value, fora } => t!(
                l,
                "export-ambiguous-forum",
                value = plain(value),
                fora = (*fora)
            ),
            ExportProblem::NotPseudonym { header } => {
                t!(l, "export-not-pseudonym", header = plain(header))
            }
            ExportProblem::Unreadable(why) => t!(l, "export-unreadable", why = plain(why)),
        }
    }
}

impl Render for CalendarProblem {
    fn render(&self, l: Language) -> String {
        match self {
            CalendarProblem::NotUtf8 => t!(l, "calendar-not-utf8"),
            CalendarProblem::NotCalendar => t!(l, "calendar-not-calendar"),
            CalendarProblem::Unclosed => t!(l, "calendar-unclosed"),
            CalendarProblem::NotContentLine(line) => {
                t!(l, "calendar-not-content-line", line = plain(line))
            }
            CalendarProblem::NoUid => t!(l, "calendar-no-uid"),
            CalendarProblem::Sequence { uid, text } => {
                t!(l, "calendar-sequence", uid = plain(uid), text = plain(text))
            }
        }
    }
}

impl Render for crate::import::ImportError {
    fn render(&self, l: Language) -> String {
        use crate::import::ImportError;
        let offsets = |offsets: &[chrono::FixedOffset]| {
            offsets
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self {
            ImportError::Unrecognised => t!(l, "import-unrecognised"),
            ImportError::IsWeek => t!(l, "import-is-week"),
            ImportError::Syntax { source, message } => t!(
                l,
                "import-syntax",
                format = source.code(),
                message = message.as_str()
            ),
            ImportError::NoZone { offsets: seen } if seen.is_empty() => {
                t!(l, "import-no-zone")
            }
            ImportError::NoZone { offsets: seen } => {
                t!(l, "import-no-zone-offsets", offsets = (offsets(seen)))
            }
            ImportError::Zone(name) => t!(
                l,
                "import-zone",
                zone = name.as_str(),
                closest = (crate::suggest::time_zone(name).unwrap_or("Europe/Berlin"))
            ),
            ImportError::NoDates => t!(l, "import-no-dates"),
            ImportError::Span { first, last } => t!(
                l,
                "import-span",
                start = (crate::text::date(l, *first, crate::text::DateStyle::Numeric)),
                end = (crate::text::date(l, *last, crate::text::DateStyle::Numeric)),
                most = crate::model::MAX_DAYS
            ),
            ImportError::Row(row) => row.render(l),
            ImportError::Columns { headers, .. } if headers.is_empty() => {
                t!(l, "import-sheet-empty")
            }
            ImportError::Columns { missing, headers } => {
                let missing: Vec<String> = missing
                    .iter()
                    .map(|column| match column {
                        crate::import::SheetColumn::Title => t!(l, "sheet-column-title"),
                        crate::import::SheetColumn::Start => t!(l, "sheet-column-start"),
                    })
                    .collect();
                let headers: Vec<String> = headers
                    .iter()
                    .map(|h| t!(l, "sheet-header", header = h.as_str()))
                    .collect();
                let and = format!(" {} ", t!(l, "sheet-and"));
                t!(
                    l,
                    "import-columns",
                    missing = (missing.join(&and)),
                    headers = (headers.join(", "))
                )
            }
            ImportError::Week(error) => t!(l, "import-week", error = (error.render(l))),
        }
    }
}

impl Render for crate::import::RowError {
    fn render(&self, l: Language) -> String {
        use crate::import::RowProblem;
        let problem = match self.problem {
            RowProblem::Empty => t!(l, "row-empty"),
            RowProblem::Date => t!(l, "row-date", value = self.value.as_str()),
            RowProblem::Time => t!(l, "row-time", value = self.value.as_str()),
            RowProblem::Duration => t!(l, "row-duration", value = self.value.as_str()),
            RowProblem::EndBeforeStart => {
                t!(l, "row-end-before-start", value = self.value.as_str())
            }
            RowProblem::NoDate => t!(l, "row-no-date", value = self.value.as_str()),
            RowProblem::NoYear => t!(l, "row-no-year", value = self.value.as_str()),
            RowProblem::NoEnd => t!(l, "row-no-end", value = self.value.as_str()),
            RowProblem::Status => t!(l, "row-status", value = self.value.as_str()),
        };
        match &self.sheet {
            Some(sheet) => t!(
                l,
                "row-error-sheet",
                sheet = sheet.as_str(),
                row = self.row,
                column = self.column.as_str(),
                problem = problem
            ),
            None => t!(
                l,
                "row-error",
                row = self.row,
                column = self.column.as_str(),
                problem = problem
            ),
        }
    }
}

impl Render for crate::import::Warning {
    fn render(&self, l: Language) -> String {
        use crate::import::Warning;
        match self {
            Warning::Offsets {
                zone,
                offsets,
                count,
            } => t!(
                l,
                "warning-import-offsets",
                count = count,
                zone = zone.name(),
                offsets = (offsets
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", "))
            ),
            Warning::SkippedRow(row) => t!(l, "warning-import-skipped", row = (row.render(l))),
            Warning::NoDuration { count } => t!(l, "warning-import-no-duration", count = count),
            Warning::LongDuration { count } => {
                t!(l, "warning-import-long-duration", count = count)
            }
            Warning::SecondPass { count } => t!(l, "warning-import-second-pass", count = count),
        }
    }
}
