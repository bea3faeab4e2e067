//! Every message a user can meet, in German and in English, as snapshots a reviewer reads:
//! every kind of finding, every error and problem of a week file, of a value or of a
//! previous calendar, and every edit message. `cargo insta review` after an intended change.

use std::io;
use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};
use fora::check::Detail;
use fora::edit::{Fields, Said};
use fora::export::ics::previous::CalendarProblem;
use fora::model::{DayTime, DurationError, InputError, JsonType, Place, Problem, Syntax};
use fora::rules::BadLink;
use fora::text::Render;
use fora::{Error, ForumLabel, Language, ValueError, Week, check};

const DRAFT: &str = "schedules/draft-with-conflicts.json";

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").unwrap()
}

/// One finding of every kind and every variant, from the draft week and a pile-up.
fn findings(language: Language) -> String {
    let week = Week::load(DRAFT.as_ref()).unwrap();
    let report = check(&week);
    let mut out = String::new();
    let mut seen: Vec<(fora::Kind, std::mem::Discriminant<Detail>)> = Vec::new();
    for finding in &report.findings {
        let key = (finding.kind, std::mem::discriminant(&finding.detail));
        if !seen.contains(&key) {
            seen.push(key);
            out += &format!(
                "{}: {}\n",
                finding.kind.name(),
                finding.message(&week, language)
            );
        }
    }
    // What the draft lacks: a room in a week without rooms, a forum in none, and two rooms
    // sharing an id.
    let mut bare = week.clone();
    bare.id = None;
    bare.timezone = chrono_tz::Tz::CET;
    bare.rooms = None;
    bare.fora.truncate(1);
    let mut rooms = week.clone();
    rooms.fora[0].room = None;
    let plenum = rooms.rooms.as_ref().unwrap()[0].clone();
    rooms.rooms.as_mut().unwrap().push(plenum);
    for week in [&bare, &rooms] {
        for finding in check(week).findings.iter().filter(|f| {
            matches!(
                f.detail,
                Detail::NoRoomsDeclared(_)
                    | Detail::NoRoom(_)
                    | Detail::RoomId { .. }
                    | Detail::MissingId(_)
                    | Detail::LegacyZone { .. }
            )
        }) {
            out += &format!(
                "{}: {}\n",
                finding.kind.name(),
                finding.message(week, language)
            );
        }
    }
    out += &seats(language);
    out += &planning(language);
    out += &more(language);
    out
}

/// The planning findings the draft lacks: a speaker and a room available only at other
/// times, a forum outside its window, two out of order, two of one group at once, and an
/// unknown key of a person.
fn planning(language: Language) -> String {
    use fora::model::{Group, Interval, Person, Planning};
    let mut week = Week::load(DRAFT.as_ref()).unwrap();
    let stretch = |text: &str| Interval::parse(text).unwrap();
    let mut extra = serde_json::Map::new();
    extra.insert("availabel".into(), true.into());
    week.people = vec![Person {
        name: "Anna Beispiel".into(),
        available: Some(vec![
            stretch("2021-03-26T13:00/18:00"),
            stretch("2021-03-27"),
        ]),
        extra: extra.into(),
    }];
    week.rooms.as_mut().unwrap()[1].available = Some(vec![stretch("2021-03-26T11:30/12:30")]);
    week.fora[1].planning = Some(Box::new(Planning {
        window: Some(vec![stretch("2021-03-29T09:00/12:00")]),
        after: vec!["auftakt".into()],
        ..Planning::default()
    }));
    week.groups = vec![Group {
        name: "Jugend".into(),
        fora: vec!["auftakt".into(), "podium".into()],
    }];
    let shown = [
        fora::Kind::Unavailable,
        fora::Kind::OutsideWindow,
        fora::Kind::OutOfOrder,
        fora::Kind::GroupOverlap,
    ];
    let mut out: String = check(&week)
        .findings
        .iter()
        .filter(|f| {
            shown.contains(&f.kind)
                || matches!(
                    &f.detail,
                    Detail::UnknownField {
                        place: fora::check::FieldPlace::Person(_),
                        ..
                    }
                )
        })
        .map(|f| format!("{}: {}\n", f.kind.name(), f.message(&week, language)))
        .collect();
    // A person, a room and a window at no time.
    week.people[0].available = Some(Vec::new());
    week.people[0].extra = Default::default();
    week.rooms.as_mut().unwrap()[1].available = Some(Vec::new());
    week.fora[1].planning.as_mut().unwrap().window = Some(Vec::new());
    let report = check(&week);
    for kind in [fora::Kind::Unavailable, fora::Kind::OutsideWindow] {
        let mut seen = Vec::new();
        for f in report.findings.iter().filter(|f| f.kind == kind) {
            let who = match &f.detail {
                Detail::Unavailable { who, .. } => Some(std::mem::discriminant(who)),
                _ => None,
            };
            if !seen.contains(&who) {
                seen.push(who);
                out += &format!("{}: {}\n", f.kind.name(), f.message(&week, language));
            }
        }
    }
    out
}

/// The capacity, link and attendee findings the draft lacks: a forum's own capacity, one
/// attendee in common, a link of another scheme, a room's link that is no URL.
fn seats(language: Language) -> String {
    use fora::model::Seats;
    let mut week = Week::load(DRAFT.as_ref()).unwrap();
    let seats = |registrations, capacity, attendees: &[&str]| {
        Some(Box::new(Seats {
            registrations,
            capacity,
            attendees: attendees.iter().map(|a| (*a).to_owned()).collect(),
        }))
    };
    week.fora[0].seats = seats(Some(31), Some(30), &[]);
    week.fora[1].seats = seats(
        None,
        Some(10),
        &["7", "8", "9", "10", "11", "12", "13", "14", "15"],
    );
    week.fora[2].seats = seats(None, None, &["7"]);
    week.fora[3].url = Some("ftp://example.org/werkstatt".into());
    week.rooms.as_mut().unwrap()[0].url = Some("Videokonferenz Plenum".into());
    let shown = [
        fora::Kind::OverCapacity,
        fora::Kind::NearCapacity,
        fora::Kind::BadLink,
        fora::Kind::AttendeeOverlap,
    ];
    check(&week)
        .findings
        .iter()
        .filter(|f| shown.contains(&f.kind))
        .map(|f| format!("{}: {}\n", f.kind.name(), f.message(&week, language)))
        .collect()
}

/// How the report says that more were counted than kept.
fn more(language: Language) -> String {
    let week = Week::load(DRAFT.as_ref()).unwrap();
    let limited = fora::check::check_with(
        &week,
        fora::check::Options {
            max_findings: 1,
            ..Default::default()
        },
    );
    let mut out = Vec::new();
    fora::report::write_human(&limited, &week, language, &mut out).unwrap();
    let text = anstream::adapter::strip_str(&String::from_utf8(out).unwrap()).to_string();
    text.lines()
        .filter(|line| line.contains('…'))
        .map(|line| format!("{line}\n"))
        .collect()
}

fn errors() -> Vec<Error> {
    let path = PathBuf::from("woche.json");
    let not_found = || io::Error::from(io::ErrorKind::NotFound);
    vec![
        Error::Read {
            path: path.clone(),
            source: not_found(),
        },
        Error::Read {
            path: path.clone(),
            source: io::Error::from(io::ErrorKind::PermissionDenied),
        },
        Error::Write {
            path: path.clone(),
            source: io::Error::from(io::ErrorKind::StorageFull),
        },
        Error::NoPrevious(PathBuf::from("programm.ics")),
        Error::Changed(path.clone()),
        Error::ReadOnly(path.clone()),
        Error::Exists(path.clone()),
        Error::PlanRefused(2),
        Error::SourceDateEpoch("gestern".into()),
        Error::Unexportable {
            path: path.clone(),
            format: "frab-xml",
            duplicates: 1,
        },
        Error::Unexportable {
            path: path.clone(),
            format: "frab-json",
            duplicates: 3,
        },
        Error::Calendar {
            path: PathBuf::from("programm.ics"),
            line: 12,
            problem: CalendarProblem::NoUid,
        },
    ]
}

fn label(id: &str, title: &str) -> ForumLabel {
    ForumLabel {
        id: id.into(),
        title: title.into(),
    }
}

fn exports() -> Vec<Error> {
    use fora::import::registrations::{Column, ExportError, ExportProblem};
    let headers = || vec!["Name".to_owned(), "E-Mail".to_owned()];
    let problems = [
        (None, ExportProblem::Empty),
        (
            None,
            ExportProblem::NoColumn {
                column: Column::Forum,
                headers: headers(),
            },
        ),
        (
            None,
            ExportProblem::NoColumn {
                column: Column::Attendee,
                headers: headers(),
            },
        ),
        (
            None,
            ExportProblem::UnknownColumn {
                column: Column::Forum,
                name: "Kurs".into(),
                closest: None,
                headers: headers(),
            },
        ),
        (
            None,
            ExportProblem::UnknownColumn {
                column: Column::Attendee,
                name: "mail".into(),
                closest: Some("E-Mail".into()),
                headers: headers(),
            },
        ),
        (None, ExportProblem::SameColumn("id".into())),
        (
            Some(4),
            ExportProblem::EmptyValue {
                column: Column::Forum,
                header: "Veranstaltung".into(),
            },
        ),
        (
            Some(5),
            ExportProblem::EmptyValue {
                column: Column::Attendee,
                header: "Teilnehmer-Nr.".into(),
            },
        ),
        (
            Some(6),
            ExportProblem::UnknownForum {
                value: "Werkstat 1".into(),
                closest: Some(("werkstatt-1".into(), "Werkstatt 1".into())),
            },
        ),
        (
            Some(7),
            ExportProblem::UnknownForum {
                value: "Mittagspause".into(),
                closest: None,
            },
        ),
        (
            Some(8),
            ExportProblem::AmbiguousForum {
                value: "abschluss".into(),
                fora: 2,
            },
        ),
        (
            Some(9),
            ExportProblem::NotPseudonym {
                header: "Teilnehmer".into(),
            },
        ),
        (Some(10), ExportProblem::Unreadable("invalid field".into())),
    ];
    problems
        .into_iter()
        .map(|(line, problem)| Error::Export {
            path: PathBuf::from("anmeldungen.csv"),
            error: ExportError { line, problem },
        })
        .collect()
}

fn value_errors() -> Vec<Error> {
    let value = |flag: &str, error| Error::value(flag, error);
    vec![
        value(
            "--day",
            ValueError::DayOutsideWeek {
                day: date("2020-07-01"),
                week: "Woche".into(),
                start: date("2020-06-23"),
                end: date("2020-06-26"),
            },
        ),
        value(
            "--room",
            ValueError::NoRooms {
                room: "saal".into(),
                week: "Woche".into(),
            },
        ),
        value(
            "--room",
            ValueError::UnknownRoom {
                room: "werkstat".into(),
                closest: Some("werkstatt".into()),
                rooms: vec!["plenum".into(), "werkstatt".into()],
            },
        ),
        value(
            "--room",
            ValueError::UnknownRoom {
                room: "x".into(),
                closest: None,
                rooms: vec!["plenum".into(), "werkstatt".into()],
            },
        ),
        value(
            "",
            ValueError::SharedId {
                id: "abschluss".into(),
                fora: 2,
            },
        ),
        value("--id", ValueError::BadId("a b".into())),
        value("--id", ValueError::ForumIdTaken("podium".into())),
        value("--id", ValueError::RoomIdTaken("saal".into())),
        value(
            "",
            ValueError::NotAssignment {
                text: "title".into(),
                of: Fields::Forum,
            },
        ),
        value(
            "",
            ValueError::UnknownField {
                field: "titel".into(),
                closest: Some("title"),
                of: Fields::Forum,
            },
        ),
        value(
            "",
            ValueError::UnknownField {
                field: "start".into(),
                closest: None,
                of: Fields::Forum,
            },
        ),
        value("title=", ValueError::EmptyTitle),
        value("status=", ValueError::Status("abgesagt".into())),
        value("--by", ValueError::NoStart("offen".into())),
        value("--to", ValueError::DateTime("morgen".into())),
        value("--day", ValueError::Date("23.06.2020".into())),
        value("--lang", ValueError::Language("fr".into())),
        value("--format xlsx", ValueError::NeedsFile),
    ]
    .into_iter()
    .chain(workbench_errors())
    .chain(export_errors())
    .collect()
}

/// What the week's own `set`s and the rooms' commands say of a value.
/// The values of `fora export`.
fn export_errors() -> Vec<Error> {
    let value = |flag: &str, error| Error::value(flag, error);
    vec![
        value("--base-url", ValueError::NeededBy("frab-json")),
        value(
            "--base-url",
            ValueError::BaseUrl {
                url: "example.org/woche".into(),
                problem: BadLink::NoScheme,
            },
        ),
        value(
            "--base-url",
            ValueError::BaseUrl {
                url: "ftp://example.org".into(),
                problem: BadLink::Scheme,
            },
        ),
        value(
            "--base-url",
            ValueError::BaseUrl {
                url: "https://".into(),
                problem: BadLink::Malformed,
            },
        ),
    ]
}

fn workbench_errors() -> Vec<Error> {
    let value = |flag: &str, error| Error::value(flag, error);
    vec![
        value(
            "",
            ValueError::NotAssignment {
                text: "day_start".into(),
                of: Fields::Rules,
            },
        ),
        value(
            "",
            ValueError::UnknownField {
                field: "max_hours".into(),
                closest: Some("max_hours_per_day"),
                of: Fields::Rules,
            },
        ),
        value(
            "",
            ValueError::UnknownField {
                field: "ort".into(),
                closest: None,
                of: Fields::Week,
            },
        ),
        value("max_hours_per_day=", ValueError::Decimal("abc".into())),
        value("registrations=", ValueError::Count("1,5".into())),
        value("--capacity", ValueError::Count("viele".into())),
        value("parallel=", ValueError::Boolean("vielleicht".into())),
        value("day_start=", ValueError::DayTime("9 Uhr".into())),
        value("window=", ValueError::Interval("morgen".into())),
        value("prefer=", ValueError::Preference("abends".into())),
        value("--time-limit", ValueError::TimeLimit("bald".into())),
        value(
            "timezone=",
            ValueError::TimeZone {
                text: "Europe/Berln".into(),
                closest: Some("Europe/Berlin"),
            },
        ),
        value(
            "timezone=",
            ValueError::TimeZone {
                text: "Mond".into(),
                closest: None,
            },
        ),
        value("id=", ValueError::WeekId("a b".into())),
        value("name=", ValueError::Required),
        value("contact_email=", ValueError::Email("kontakt".into())),
        value(
            "--url",
            ValueError::Link {
                url: "zoom.us/j/123".into(),
                problem: BadLink::NoScheme,
            },
        ),
        value(
            "url=",
            ValueError::Link {
                url: "ftp://example.org".into(),
                problem: BadLink::Scheme,
            },
        ),
        value(
            "url=",
            ValueError::Link {
                url: "kein link".into(),
                problem: BadLink::Malformed,
            },
        ),
        value(
            "",
            ValueError::RoomInUse {
                room: "werkstatt".into(),
                fora: vec!["werkstatt-1".into()],
            },
        ),
        value(
            "",
            ValueError::RoomInUse {
                room: "plenum".into(),
                fora: (1..=12).map(|i| format!("forum-{i}")).collect(),
            },
        ),
        value("--reassign", ValueError::ReassignToItself("plenum".into())),
    ]
}

/// Unknown fora (with the closest by id and words), speakers and formats.
fn unknown_errors() -> Vec<Error> {
    let value = |flag: &str, error| Error::value(flag, error);
    vec![
        value(
            "",
            ValueError::UnknownForum {
                id: "abschlus".into(),
                week: "Woche".into(),
                closest: vec![label("abschluss", "Abschlussrunde und Ausblick")],
            },
        ),
        value(
            "",
            ValueError::UnknownForum {
                id: "workshop".into(),
                week: "Woche".into(),
                closest: vec![
                    label("workshop-ehrenamt-digital", "Workshop: Ehrenamt digital"),
                    label("workshop-vereinsrecht", "Workshop: Vereinsrecht"),
                    label("workshop-foerdermittel", "Workshop: Fördermittel"),
                ],
            },
        ),
        value(
            "--only",
            ValueError::UnknownForum {
                id: "x".into(),
                week: "Woche".into(),
                closest: Vec::new(),
            },
        ),
        value(
            "--speaker",
            ValueError::UnknownSpeaker {
                speaker: "Anna Beispeil".into(),
                closest: Some("Anna Beispiel".into()),
            },
        ),
        value(
            "--speaker",
            ValueError::UnknownSpeaker {
                speaker: "Anna".into(),
                closest: None,
            },
        ),
        value(
            "--format",
            ValueError::UnknownFormat {
                format: "Werkstat".into(),
                closest: Some("Werkstatt".into()),
            },
        ),
        value(
            "--forum-format",
            ValueError::UnknownFormat {
                format: "Werkstatt".into(),
                closest: None,
            },
        ),
    ]
}

fn durations() -> Vec<DurationError> {
    vec![
        DurationError::Unreadable("90x".into()),
        DurationError::NotWholeMinutes("1.33h".into()),
        DurationError::TooShort("0m".into()),
        DurationError::TooLong("25h".into()),
    ]
}

fn inputs() -> Vec<InputError> {
    let mut errors = vec![
        InputError::Empty,
        InputError::NotUtf8 { line: 2, column: 5 },
        InputError::Type {
            line: 3,
            column: 4,
            path: "rules.max_hours_per_day".into(),
            expected: JsonType::Number,
            found: "\"6,5\"".into(),
        },
        InputError::DuplicateKey {
            line: 3,
            column: 4,
            path: "fora[0]".into(),
            key: "title".into(),
        },
        InputError::DuplicateKey {
            line: 3,
            column: 4,
            path: String::new(),
            key: "name".into(),
        },
        InputError::NotObject {
            found: JsonType::Array,
        },
    ];
    for syntax in [
        Syntax::EndOfFile,
        Syntax::Colon,
        Syntax::CommaOrBracket,
        Syntax::CommaOrBrace,
        Syntax::Value,
        Syntax::Key,
        Syntax::Escape,
        Syntax::Number,
        Syntax::ControlCharacter,
        Syntax::TrailingComma,
        Syntax::TrailingCharacters,
        Syntax::Other("recursion limit exceeded".into()),
    ] {
        errors.push(InputError::Syntax {
            line: 1,
            column: 2,
            syntax,
        });
    }
    for expected in [
        JsonType::Object,
        JsonType::Array,
        JsonType::Texts,
        JsonType::Text,
        JsonType::Count,
        JsonType::Boolean,
        JsonType::Duration,
        JsonType::Null,
    ] {
        errors.push(InputError::Type {
            line: 1,
            column: 1,
            path: "x".into(),
            expected,
            found: "5".into(),
        });
    }
    errors.extend(problems());
    errors
}

fn problems() -> Vec<InputError> {
    let forum = || Place::Forum("eroeffnung".into());
    let invalid = |place, problem| InputError::Invalid { place, problem };
    let problems = [
        (Place::Week, Problem::Missing("name")),
        (Place::ForumNumber(3), Problem::Empty("id")),
        (forum(), Problem::ForumId("eröffnung".into())),
        (Place::Week, Problem::WeekId("a b".into())),
        (Place::Week, Problem::NoFora),
        (
            Place::Week,
            Problem::TimeZone {
                text: "Europe/Berln".into(),
                closest: Some("Europe/Berlin"),
            },
        ),
        (
            Place::Week,
            Problem::TimeZone {
                text: "Mond".into(),
                closest: None,
            },
        ),
        (
            Place::Week,
            Problem::Date {
                key: "start",
                text: "23.06.2020".into(),
            },
        ),
        (
            Place::Week,
            Problem::EndBeforeStart {
                start: date("2020-06-26"),
                end: date("2020-06-23"),
            },
        ),
        (
            Place::Week,
            Problem::TooManyDays {
                start: date("2020-01-01"),
                end: date("2040-01-01"),
                days: 7306,
                most: 3660,
            },
        ),
        (Place::Week, Problem::Language("fr".into())),
        (Place::Week, Problem::Updated("gestern".into())),
        (forum(), Problem::NoDuration),
        (
            forum(),
            Problem::Duration {
                key: "duration",
                error: DurationError::Unreadable("90x".into()),
            },
        ),
        (forum(), Problem::Start("23.06.2020 10:00".into())),
        (forum(), Problem::Status("abgesagt".into())),
        (Place::RoomNumber(2), Problem::Missing("id")),
        (Place::Room("plenum".into()), Problem::ForumId("p l".into())),
        (
            Place::Rules,
            Problem::DayTime {
                key: "day_start",
                text: "9 Uhr".into(),
            },
        ),
        (
            Place::Rules,
            Problem::EmptyWindow {
                start: DayTime::parse("18:00").unwrap(),
                end: DayTime::parse("09:00").unwrap(),
            },
        ),
        (Place::Rules, Problem::MaxHours(30.0)),
        (Place::Expect, Problem::NegativeHours(-1.5)),
    ];
    problems
        .into_iter()
        .map(|(place, problem)| invalid(place, problem))
        .collect()
}

fn calendars() -> Vec<CalendarProblem> {
    vec![
        CalendarProblem::NotUtf8,
        CalendarProblem::NotCalendar,
        CalendarProblem::Unclosed,
        CalendarProblem::NotContentLine("no colon here".into()),
        CalendarProblem::NoUid,
        CalendarProblem::Sequence {
            uid: "a@x".into(),
            text: "x".into(),
        },
    ]
}

fn said() -> Vec<Said> {
    vec![
        Said::Added {
            id: "podium".into(),
            title: "Podium".into(),
            start: Some(at("2015-11-06T11:00")),
            duration: "1h".into(),
            room: Some("saal".into()),
        },
        Said::Added {
            id: "offen".into(),
            title: "Offen".into(),
            start: None,
            duration: "45m".into(),
            room: None,
        },
        Said::Moved {
            id: "podium".into(),
            start: Some((Some(at("2015-11-06T11:00")), at("2015-11-06T11:15"))),
            room: Some((Some("saal".into()), "raum-a".into())),
        },
        Said::Moved {
            id: "offen".into(),
            start: Some((None, at("2015-11-06T14:00"))),
            room: Some((None, "raum-a".into())),
        },
        Said::Set {
            id: "podium".into(),
            fields: vec![
                ("title".into(), Some("Podium: Engagement vor Ort".into())),
                ("format".into(), None),
            ],
        },
        Said::Cancelled("podium".into()),
        Said::Removed {
            id: "podium".into(),
            title: "Podium".into(),
        },
        Said::RoomAdded {
            id: "saal".into(),
            name: "Großer Saal".into(),
        },
        Said::WeekSet {
            fields: vec![
                ("end".into(), Some("2020-06-27".into())),
                ("description".into(), None),
            ],
            uids: None,
        },
        Said::WeekSet {
            fields: vec![("id".into(), Some("kongress-2020".into()))],
            uids: Some(("woche-2020.fora".into(), "kongress-2020.fora".into())),
        },
        Said::RulesSet {
            fields: vec![
                ("max_hours_per_day".into(), Some("6,5".into())),
                ("min_gap".into(), None),
            ],
        },
        Said::ExpectSet {
            fields: vec![("hours".into(), Some("15,5".into()))],
        },
        Said::RoomSet {
            id: "plenum".into(),
            fields: vec![("url".into(), Some("https://zoom.us/j/123".into()))],
        },
        Said::RoomRemoved {
            id: "werkstatt".into(),
            name: "Werkstatt".into(),
            moved: Vec::new(),
            to: None,
        },
        Said::RoomRemoved {
            id: "werkstatt".into(),
            name: "Werkstatt".into(),
            moved: vec!["werkstatt-1".into(), "werkstatt-2".into()],
            to: Some("plenum".into()),
        },
    ]
}

/// What `fora registrations` says.
fn said_of_registrations() -> Vec<Said> {
    vec![
        Said::Registrations {
            export: "anmeldungen.csv".into(),
            registrations: 78,
            repeated: 1,
            fora: 5,
            changed: vec![
                ("podium".into(), None, 20),
                ("workshop-engagierte-gewinnen".into(), Some(36), 37),
                ("plenum".into(), Some(12_000), 12_345),
            ],
            untouched: 11,
        },
        Said::Registrations {
            export: "anmeldungen.csv".into(),
            registrations: 1,
            repeated: 0,
            fora: 1,
            changed: vec![],
            untouched: 1,
        },
        Said::Registrations {
            export: "anmeldungen.csv".into(),
            registrations: 5,
            repeated: 2,
            fora: 1,
            changed: vec![("podium".into(), Some(4), 5)],
            untouched: 0,
        },
    ]
}

/// How an edit says how many more findings it adds than it shows, and the rooms' table.
fn workbench_words(language: Language) -> String {
    let l = language;
    let mut out = String::new();
    for more in [1, 3] {
        for id in [
            "said-more-findings",
            "said-more-errors",
            "said-more-warnings",
        ] {
            let text = fora::text::loader(l).get_args(
                id,
                std::collections::HashMap::from([("more", fluent::FluentValue::from(more))]),
            );
            out += &format!("{text}\n");
        }
    }
    out
}

fn everything(language: Language) -> String {
    let mut out = String::from("# findings\n");
    out += &findings(language);
    out += "\n# errors\n";
    for error in errors()
        .into_iter()
        .chain(value_errors())
        .chain(unknown_errors())
        .chain(exports())
    {
        out += &format!("{}\n", error.render(language));
    }
    out += "\n# durations\n";
    for error in durations() {
        out += &format!("{}\n", error.render(language));
    }
    out += "\n# week files\n";
    for error in inputs() {
        let at = error
            .position()
            .map(|(line, column)| format!("{line}:{column}: "))
            .unwrap_or_default();
        out += &format!("{at}{}\n", error.render(language));
    }
    out += "\n# previous calendars\n";
    for problem in calendars() {
        out += &format!("{}\n", problem.render(language));
    }
    out += "\n# edits\n";
    for said in said().into_iter().chain(said_of_registrations()) {
        out += &format!("{}\n", fora::commands::said_in(&said, language));
    }
    out += &workbench_words(language);
    out
}

#[test]
fn every_message_in_german() {
    insta::assert_snapshot!(everything(Language::De));
}

#[test]
fn every_message_in_english() {
    insta::assert_snapshot!(everything(Language::En));
}
