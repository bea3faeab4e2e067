//! Findings as data: a kind, the fora it concerns and the values that say what is wrong.
//! Text is made only when a finding is shown, in the language asked for.

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use crate::model::{DayTime, Duration, Interval, Language, Week};
use crate::rules;
use crate::text::{self, DateStyle, t};
use crate::view::When;

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The programme does not hold together; commands exit with 1.
    Error,
    /// Worth a look; commands still exit with 0.
    Warning,
}

/// What a finding is about. The order is the order findings are listed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Two fora in the same room overlap.
    RoomOverlap,
    /// Two overlapping fora share a speaker (one finding a shared speaker).
    SpeakerOverlap,
    /// `rules.parallel` is false and two fora overlap.
    ParallelOverlap,
    /// A forum starts before the week or ends after it.
    OutsideWeek,
    /// Two fora (or rooms) share an id.
    DuplicateId,
    /// A forum names a room that is not declared, or none where rooms are declared.
    UnknownRoom,
    /// A forum starts at a local time that the zone skips.
    NonexistentTime,
    /// The count of fora or the programme hours differ from `expect`.
    ExpectMismatch,
    /// A forum has more registrations than its capacity or its room's.
    OverCapacity,
    /// A forum lies outside when its room or one of its speakers is available.
    Unavailable,
    /// A forum lies outside its own `window`.
    OutsideWindow,
    /// A forum starts before one it is `after` ends, or ends after one it is `before` starts.
    OutOfOrder,
    /// Two fora of one group (one audience) overlap.
    GroupOverlap,
    /// A join link (`url` of a forum or a room) that calendars do not make clickable.
    BadLink,
    /// A forum starts before `rules.day_start` or ends after `rules.day_end`.
    OutsideDay,
    /// Two consecutive fora in one room are less than `rules.min_gap` apart.
    ShortGap,
    /// Attendees registered for two fora that run at the same time.
    AttendeeOverlap,
    /// A day's programme exceeds `rules.max_hours_per_day`.
    DayOverLimit,
    /// A forum's registrations reach 90 % of its capacity.
    NearCapacity,
    /// A forum starts at a local time that happens twice; the earlier is used.
    AmbiguousTime,
    /// A forum has no start yet.
    Unscheduled,
    /// A key `fora` does not know; it is kept.
    UnknownField,
    /// The week has no `id`, so its calendar UIDs hang on its name and first day.
    MissingId,
    /// The week's zone is an abbreviation kept for old files (`CET`), not the zone of a place.
    LegacyZone,
}

/// How many kinds there are.
pub const KINDS: usize = 24;

impl Kind {
    /// Every kind, in listing order.
    pub const ALL: [Kind; KINDS] = [
        Kind::RoomOverlap,
        Kind::SpeakerOverlap,
        Kind::ParallelOverlap,
        Kind::OutsideWeek,
        Kind::DuplicateId,
        Kind::UnknownRoom,
        Kind::NonexistentTime,
        Kind::ExpectMismatch,
        Kind::OverCapacity,
        Kind::Unavailable,
        Kind::OutsideWindow,
        Kind::OutOfOrder,
        Kind::GroupOverlap,
        Kind::BadLink,
        Kind::OutsideDay,
        Kind::ShortGap,
        Kind::AttendeeOverlap,
        Kind::DayOverLimit,
        Kind::NearCapacity,
        Kind::AmbiguousTime,
        Kind::Unscheduled,
        Kind::UnknownField,
        Kind::MissingId,
        Kind::LegacyZone,
    ];

    /// How bad findings of this kind are.
    pub fn severity(self) -> Severity {
        match self {
            Kind::RoomOverlap
            | Kind::SpeakerOverlap
            | Kind::ParallelOverlap
            | Kind::OutsideWeek
            | Kind::DuplicateId
            | Kind::UnknownRoom
            | Kind::NonexistentTime
            | Kind::ExpectMismatch
            | Kind::OverCapacity
            | Kind::Unavailable
            | Kind::OutsideWindow
            | Kind::OutOfOrder
            | Kind::GroupOverlap
            | Kind::BadLink => Severity::Error,
            Kind::OutsideDay
            | Kind::ShortGap
            | Kind::AttendeeOverlap
            | Kind::DayOverLimit
            | Kind::NearCapacity
            | Kind::AmbiguousTime
            | Kind::Unscheduled
            | Kind::UnknownField
            | Kind::MissingId
            | Kind::LegacyZone => Severity::Warning,
        }
    }

    /// The name used in output and JSON, in every language: `room-overlap`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::RoomOverlap => "room-overlap",
            Kind::SpeakerOverlap => "speaker-overlap",
            Kind::ParallelOverlap => "parallel-overlap",
            Kind::OutsideWeek => "outside-week",
            Kind::DuplicateId => "duplicate-id",
            Kind::UnknownRoom => "unknown-room",
            Kind::NonexistentTime => "nonexistent-time",
            Kind::ExpectMismatch => "expect-mismatch",
            Kind::OverCapacity => "over-capacity",
            Kind::Unavailable => "unavailable",
            Kind::OutsideWindow => "outside-window",
            Kind::OutOfOrder => "out-of-order",
            Kind::GroupOverlap => "group-overlap",
            Kind::BadLink => "bad-link",
            Kind::OutsideDay => "outside-day",
            Kind::ShortGap => "short-gap",
            Kind::AttendeeOverlap => "attendee-overlap",
            Kind::DayOverLimit => "day-over-limit",
            Kind::NearCapacity => "near-capacity",
            Kind::AmbiguousTime => "ambiguous-time",
            Kind::Unscheduled => "unscheduled",
            Kind::UnknownField => "unknown-field",
            Kind::MissingId => "missing-id",
            Kind::LegacyZone => "legacy-zone",
        }
    }

    /// Its place in [`Kind::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// A set of kinds, as small as a number: what each forum takes part in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KindSet(u32);

impl KindSet {
    /// The set with `kind` added.
    pub fn with(self, kind: Kind) -> Self {
        Self(self.0 | 1 << kind.index())
    }

    /// Whether `kind` is in it.
    pub fn contains(self, kind: Kind) -> bool {
        self.0 & (1 << kind.index()) != 0
    }

    /// Its kinds, in listing order.
    pub fn iter(self) -> impl Iterator<Item = Kind> {
        Kind::ALL.into_iter().filter(move |k| self.contains(*k))
    }

    /// Its kinds of severity error.
    pub fn errors(self) -> impl Iterator<Item = Kind> {
        self.iter().filter(|k| k.severity() == Severity::Error)
    }

    /// Whether it holds a kind of severity error.
    pub fn has_errors(self) -> bool {
        self.errors().next().is_some()
    }
}

/// One thing the checker found.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// What it is about.
    pub kind: Kind,
    /// The fora it concerns, as places in the week's list of fora, the earlier start
    /// first (fora that start together in file order); empty for week-wide findings.
    pub fora: Vec<usize>,
    /// The values that say what is wrong.
    pub detail: Detail,
    /// Where it is listed among the findings of its kind.
    pub(super) key: Key,
}

/// Where a finding is listed among those of its kind: the start of its first forum (the
/// lowest value for week-wide findings and fora without a start), then the places of its
/// fora, then a number that tells apart findings of the same fora.
pub(super) type Key = (i64, u64, u64, u32);

/// The values of a finding, by kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Detail {
    /// Nothing beyond its kind and fora.
    None,
    /// A room: its id, or `None` for the one room of a week that declares none.
    Room(Option<String>),
    /// The speaker two overlapping fora share, as first written.
    Speaker(String),
    /// A duplicated id of fora.
    ForumId(String),
    /// A room id given to several rooms.
    RoomId {
        /// The id.
        id: String,
        /// How many rooms have it.
        rooms: usize,
    },
    /// A forum names a room, but the week declares none.
    NoRoomsDeclared(String),
    /// A forum names no room, but the week declares these.
    NoRoom(Vec<String>),
    /// A forum names a room that is not declared.
    UndeclaredRoom {
        /// The room it names.
        room: String,
        /// The closest declared id, when one is close.
        closest: Option<String>,
    },
    /// The local start the clocks skip.
    Skipped(NaiveDateTime),
    /// The count of fora taking place differs from `expect.fora`.
    ExpectFora {
        /// How many take place.
        actual: u64,
        /// `expect.fora`.
        expected: u64,
    },
    /// The programme's minutes differ from `expect.hours`.
    ExpectHours {
        /// The programme's minutes.
        minutes: u64,
        /// `expect.hours`.
        expected: f64,
    },
    /// A forum outside the day's window.
    OutsideDay {
        /// It starts too early.
        early: bool,
        /// It ends too late.
        late: bool,
        /// `rules.day_start`.
        start: Option<DayTime>,
        /// `rules.day_end`.
        end: Option<DayTime>,
    },
    /// Too short a gap in a room.
    ShortGap {
        /// The room, as for [`Detail::Room`].
        room: Option<String>,
        /// The minutes between the two.
        minutes: i64,
        /// `rules.min_gap`.
        gap: Duration,
    },
    /// A day with too much programme.
    DayOverLimit {
        /// The day.
        date: NaiveDate,
        /// Its programme minutes.
        minutes: u64,
        /// `rules.max_hours_per_day`.
        limit: f64,
    },
    /// A key `fora` does not know.
    UnknownField {
        /// Where it is.
        place: FieldPlace,
        /// The key.
        key: String,
        /// The closest key `fora` knows there.
        closest: Option<&'static str>,
    },
    /// The id that keeps the week's UIDs.
    MissingId(String),
    /// The zone as written, and the zone of a place to write instead.
    LegacyZone {
        /// As the file has it.
        zone: &'static str,
        /// What to write.
        canonical: &'static str,
    },
    /// A forum's registrations against its capacity.
    Capacity {
        /// How many registered.
        registrations: u64,
        /// How many may take part.
        capacity: u64,
        /// The room whose capacity that is, or `None` for the forum's own.
        room: Option<String>,
    },
    /// A join link that is not one.
    BadLink {
        /// The room whose `url` it is, or `None` for the forum's own.
        room: Option<String>,
        /// The link, as written.
        url: String,
        /// What is wrong with it.
        problem: rules::BadLink,
    },
    /// How many attendees registered for both of two overlapping fora.
    Attendees(u64),
    /// Whose availability a forum lies outside, and when they are available.
    Unavailable {
        /// The speaker or the room.
        who: Who,
        /// When they are available.
        available: Vec<Interval>,
    },
    /// The forum's own `window`, which it lies outside.
    Window(Vec<Interval>),
    /// Two fora out of their order, by their places in the week's list of fora.
    Order {
        /// The forum that is to end first.
        first: usize,
        /// The forum that is to start once it has ended.
        then: usize,
    },
    /// The group whose two fora overlap.
    Group(String),
}

/// Whose availability a forum keeps to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Who {
    /// A speaker, as the forum first writes the name.
    Speaker(String),
    /// The declared room with this id.
    Room(String),
}

/// Where an unknown key is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldPlace {
    /// In the week object.
    Week,
    /// In `rules`.
    Rules,
    /// In `expect`.
    Expect,
    /// In `contact`.
    Contact,
    /// In the room with this id.
    Room(String),
    /// In the forum with this id.
    Forum(String),
    /// Under `people`, of the person with this name.
    Person(String),
}

impl Detail {
    /// What the finding is about beyond its fora, leaving out figures that change with
    /// every edit (how many fora, how many minutes): the same subject is the same finding.
    pub fn subject(&self) -> String {
        match self {
            Detail::Speaker(name) => name.to_lowercase(),
            Detail::ForumId(id) | Detail::RoomId { id, .. } => id.clone(),
            Detail::ExpectFora { .. } => "fora".to_owned(),
            Detail::ExpectHours { .. } => "hours".to_owned(),
            Detail::DayOverLimit { date, .. } => date.to_string(),
            Detail::UnknownField { place, key, .. } => format!("{place:?} {key}"),
            Detail::BadLink { room, .. } => room.clone().unwrap_or_default(),
            Detail::Unavailable {
                who: Who::Speaker(name),
                ..
            } => format!("speaker {}", name.to_lowercase()),
            Detail::Unavailable {
                who: Who::Room(id), ..
            } => format!("room {id}"),
            Detail::Group(name) => name.clone(),
            _ => String::new(),
        }
    }
}

impl Finding {
    /// How bad it is.
    pub fn severity(&self) -> Severity {
        self.kind.severity()
    }

    /// The ids of its fora.
    pub fn ids<'w>(&self, week: &'w Week) -> Vec<&'w str> {
        self.fora
            .iter()
            .map(|&i| week.fora[i].id.as_str())
            .collect()
    }

    /// The id of its `n`-th forum (empty when it has none).
    fn id<'w>(&self, week: &'w Week, n: usize) -> &'w str {
        self.fora.get(n).map_or("", |&i| week.fora[i].id.as_str())
    }

    /// What is wrong, in a sentence in `language`.
    pub fn message(&self, week: &Week, language: Language) -> String {
        let forum = |n: usize| self.id(week, n);
        let l = language;
        match (&self.kind, &self.detail) {
            (Kind::RoomOverlap | Kind::SpeakerOverlap | Kind::ParallelOverlap, _) => {
                self.overlap(week, l)
            }
            (Kind::OutsideWeek, _) => t!(
                l,
                "finding-outside-week",
                forum = forum(0),
                time = self.span(week, 0, l),
                start = text::date(l, week.start, DateStyle::Numeric),
                end = text::date(l, week.end, DateStyle::Numeric)
            ),
            (Kind::DuplicateId, Detail::ForumId(id)) => t!(
                l,
                "finding-duplicate-forum-id",
                id = id.as_str(),
                first = self.fora.first().map_or(0, |i| i + 1),
                second = self.fora.get(1).map_or(0, |i| i + 1)
            ),
            (Kind::DuplicateId, Detail::RoomId { id, rooms }) => {
                t!(
                    l,
                    "finding-duplicate-room-id",
                    id = id.as_str(),
                    rooms = (*rooms)
                )
            }
            (Kind::UnknownRoom, _) => self.unknown_room(forum(0), l),
            (Kind::NonexistentTime, Detail::Skipped(local)) => t!(
                l,
                "finding-nonexistent-time",
                forum = forum(0),
                start = text::date_time(l, *local, DateStyle::Numeric),
                zone = week.timezone.name(),
                shown = self.span(week, 0, l)
            ),
            (Kind::ExpectMismatch, Detail::ExpectFora { actual, expected }) => {
                t!(
                    l,
                    "finding-expect-fora",
                    actual = (*actual),
                    expected = (*expected)
                )
            }
            (Kind::ExpectMismatch, Detail::ExpectHours { minutes, expected }) => t!(
                l,
                "finding-expect-hours",
                hours = text::hours(l, *minutes),
                expected = (*expected)
            ),
            (Kind::OutsideDay, _) => self.outside_day(week, l),
            (Kind::ShortGap, _) => self.short_gap(week, l),
            (
                Kind::DayOverLimit,
                Detail::DayOverLimit {
                    date,
                    minutes,
                    limit,
                },
            ) => t!(
                l,
                "finding-day-over-limit",
                date = text::date(l, *date, DateStyle::Numeric),
                hours = text::hours(l, *minutes),
                limit = text::hours(l, (limit * 60.0).round() as u64)
            ),
            (Kind::AmbiguousTime, _) => self.ambiguous(week, l),
            (Kind::Unscheduled, _) => t!(l, "finding-unscheduled", forum = forum(0)),
            (Kind::UnknownField, _) => self.unknown_field(l),
            (Kind::MissingId, Detail::MissingId(id)) => {
                t!(l, "finding-missing-id", id = id.as_str())
            }
            (Kind::LegacyZone, Detail::LegacyZone { zone, canonical }) => t!(
                l,
                "finding-legacy-zone",
                zone = (*zone),
                canonical = (*canonical)
            ),
            (Kind::OverCapacity | Kind::NearCapacity, _) => self.capacity(week, l),
            (Kind::BadLink, _) => self.bad_link(week, l),
            (Kind::AttendeeOverlap, Detail::Attendees(attendees)) => {
                self.attendee_overlap(week, *attendees, l)
            }
            (Kind::Unavailable | Kind::OutsideWindow | Kind::OutOfOrder, _) => {
                self.planning(week, l)
            }
            (Kind::GroupOverlap, Detail::Group(group)) => t!(
                l,
                "finding-group-overlap",
                group = text::plain(group),
                a = forum(0),
                a_time = self.span(week, 0, l),
                b = forum(1),
                b_time = self.span(week, 1, l)
            ),
            (kind, detail) => unreachable!("a {kind:?} finding with {detail:?}"),
        }
    }

    /// A key `fora` does not know, with the closest it does.
    fn unknown_field(&self, l: Language) -> String {
        let Detail::UnknownField {
            place,
            key,
            closest,
        } = &self.detail
        else {
            unreachable!("an unknown-field finding with {:?}", self.detail)
        };
        let place = field_place(place, l);
        match closest {
            Some(closest) => t!(
                l,
                "finding-unknown-field-closest",
                place = place,
                key = text::plain(key),
                closest = (*closest)
            ),
            None => t!(
                l,
                "finding-unknown-field",
                place = place,
                key = text::plain(key)
            ),
        }
    }

    /// When its `n`-th forum runs: `26.03.2021 10:00–11:30`.
    fn span(&self, week: &Week, n: usize, l: Language) -> String {
        self.when(week, n)
            .map(|when| when.range(l, Some(DateStyle::Numeric)))
            .unwrap_or_default()
    }

    fn when(&self, week: &Week, n: usize) -> Option<When> {
        let forum = &week.fora[*self.fora.get(n)?];
        When::of(week.placement(forum))
    }

    /// The words of a pair of overlapping fora.
    fn overlap(&self, week: &Week, l: Language) -> String {
        let id = |n: usize| self.id(week, n);
        let (a, b, a_time, b_time) = (id(0), id(1), self.span(week, 0, l), self.span(week, 1, l));
        match &self.detail {
            Detail::Room(Some(room)) => t!(
                l,
                "finding-room-overlap",
                a = a,
                a_time = a_time,
                b = b,
                b_time = b_time,
                room = room.as_str()
            ),
            Detail::Room(None) => t!(
                l,
                "finding-room-overlap-one-room",
                a = a,
                a_time = a_time,
                b = b,
                b_time = b_time
            ),
            Detail::Speaker(speaker) => t!(
                l,
                "finding-speaker-overlap",
                speaker = speaker.as_str(),
                a = a,
                a_time = a_time,
                b = b,
                b_time = b_time
            ),
            _ => t!(
                l,
                "finding-parallel-overlap",
                a = a,
                a_time = a_time,
                b = b,
                b_time = b_time
            ),
        }
    }

    fn unknown_room(&self, forum: &str, l: Language) -> String {
        match &self.detail {
            Detail::NoRoomsDeclared(room) => {
                t!(
                    l,
                    "finding-room-without-rooms",
                    forum = forum,
                    room = room.as_str()
                )
            }
            Detail::NoRoom(rooms) => t!(
                l,
                "finding-no-room",
                forum = forum,
                rooms = rooms.join(", ")
            ),
            Detail::UndeclaredRoom {
                room,
                closest: Some(closest),
            } => t!(
                l,
                "finding-undeclared-room-closest",
                forum = forum,
                room = room.as_str(),
                closest = closest.as_str()
            ),
            Detail::UndeclaredRoom { room, .. } => t!(
                l,
                "finding-undeclared-room",
                forum = forum,
                room = room.as_str()
            ),
            detail => unreachable!("an unknown-room finding with {detail:?}"),
        }
    }

    fn outside_day(&self, week: &Week, l: Language) -> String {
        let Detail::OutsideDay {
            early,
            late,
            start,
            end,
        } = self.detail
        else {
            unreachable!("an outside-day finding has its window");
        };
        let window = format!(
            "{}–{}",
            start.map(|t| t.to_string()).unwrap_or_default(),
            end.map(|t| t.to_string()).unwrap_or_default()
        );
        let side = match (early, late) {
            (true, true) => "both",
            (true, false) => "early",
            _ => "late",
        };
        let forum = self.id(week, 0);
        t!(
            l,
            "finding-outside-day",
            forum = forum,
            time = self.span(week, 0, l),
            side = side,
            window = window
        )
    }

    fn short_gap(&self, week: &Week, l: Language) -> String {
        let Detail::ShortGap { room, minutes, gap } = &self.detail else {
            unreachable!("a short-gap finding has its gap");
        };
        let id = |n: usize| self.id(week, n);
        let clock = |when: Option<When>, end: bool| {
            when.map(|w| {
                if end { w.end } else { w.start }
                    .format("%H:%M")
                    .to_string()
            })
            .unwrap_or_default()
        };
        let (a, b) = (id(0), id(1));
        let (a_end, b_start) = (
            clock(self.when(week, 0), true),
            clock(self.when(week, 1), false),
        );
        let gap = gap.to_string();
        match room {
            Some(room) => t!(
                l,
                "finding-short-gap",
                minutes = (*minutes),
                a = a,
                a_end = a_end,
                b = b,
                b_start = b_start,
                room = room.as_str(),
                gap = gap
            ),
            None => t!(
                l,
                "finding-short-gap-one-room",
                minutes = (*minutes),
                a = a,
                a_end = a_end,
                b = b,
                b_start = b_start,
                gap = gap
            ),
        }
    }

    fn attendee_overlap(&self, week: &Week, attendees: u64, l: Language) -> String {
        t!(
            l,
            "finding-attendee-overlap",
            attendees = attendees,
            a = self.id(week, 0),
            a_time = self.span(week, 0, l),
            b = self.id(week, 1),
            b_time = self.span(week, 1, l)
        )
    }

    fn capacity(&self, week: &Week, l: Language) -> String {
        let Detail::Capacity {
            registrations,
            capacity,
            room,
        } = &self.detail
        else {
            unreachable!("a capacity finding has its seats");
        };
        let forum = self.id(week, 0);
        let over = self.kind == Kind::OverCapacity;
        let percent = (u128::from(*registrations) * 100)
            .checked_div(u128::from(*capacity))
            .unwrap_or(0) as u64;
        match (over, room) {
            (true, Some(room)) => t!(
                l,
                "finding-over-capacity-room",
                forum = forum,
                registrations = (*registrations),
                capacity = (*capacity),
                room = room.as_str()
            ),
            (true, None) => t!(
                l,
                "finding-over-capacity",
                forum = forum,
                registrations = (*registrations),
                capacity = (*capacity)
            ),
            (false, Some(room)) => t!(
                l,
                "finding-near-capacity-room",
                forum = forum,
                registrations = (*registrations),
                capacity = (*capacity),
                percent = percent,
                room = room.as_str()
            ),
            (false, None) => t!(
                l,
                "finding-near-capacity",
                forum = forum,
                registrations = (*registrations),
                capacity = (*capacity),
                percent = percent
            ),
        }
    }

    fn bad_link(&self, week: &Week, l: Language) -> String {
        let Detail::BadLink { room, url, problem } = &self.detail else {
            unreachable!("a bad-link finding has its link");
        };
        let place = match room {
            Some(room) => field_place(&FieldPlace::Room(room.clone()), l),
            None => field_place(&FieldPlace::Forum(self.id(week, 0).to_owned()), l),
        };
        let url = text::plain(url.trim());
        match problem {
            rules::BadLink::NoScheme => t!(
                l,
                "finding-bad-link-no-scheme",
                place = place,
                url = url.as_str(),
                suggestion = format!("https://{url}")
            ),
            rules::BadLink::Scheme => {
                let scheme = url.split(':').next().unwrap_or_default().to_owned();
                t!(
                    l,
                    "finding-bad-link-scheme",
                    place = place,
                    url = url.as_str(),
                    scheme = scheme
                )
            }
            rules::BadLink::Malformed => {
                t!(l, "finding-bad-link-malformed", place = place, url = url)
            }
        }
    }

    /// A forum outside someone's availability, its window or its order.
    fn planning(&self, week: &Week, l: Language) -> String {
        let forum = self.id(week, 0);
        // As the availability reads: `Di 23.06. 14:00–15:00`.
        let time = self
            .when(week, 0)
            .map(|w| {
                let (from, to) = (w.start.naive_local(), w.end.naive_local());
                text::interval(l, Interval { from, to })
            })
            .unwrap_or_default();
        match &self.detail {
            Detail::Unavailable {
                who: Who::Speaker(speaker),
                available,
            } => t!(
                l,
                "finding-unavailable-speaker",
                speaker = text::plain(speaker),
                available = only(l, available),
                forum = forum,
                time = time
            ),
            Detail::Unavailable {
                who: Who::Room(room),
                available,
            } => t!(
                l,
                "finding-unavailable-room",
                room = room.as_str(),
                available = only(l, available),
                forum = forum,
                time = time
            ),
            Detail::Window(window) if window.is_empty() => {
                t!(
                    l,
                    "finding-outside-empty-window",
                    forum = forum,
                    time = time
                )
            }
            Detail::Window(window) => t!(
                l,
                "finding-outside-window",
                forum = forum,
                time = time,
                window = text::intervals(l, window)
            ),
            &Detail::Order { first, then } => {
                let n = |place: usize| usize::from(self.fora.get(1) == Some(&place));
                let (first_n, then_n) = (n(first), n(then));
                t!(
                    l,
                    "finding-out-of-order",
                    first = self.id(week, first_n),
                    first_time = self.span(week, first_n, l),
                    then = self.id(week, then_n),
                    then_time = self.span(week, then_n, l)
                )
            }
            detail => unreachable!("a {:?} finding with {detail:?}", self.kind),
        }
    }

    fn ambiguous(&self, week: &Week, l: Language) -> String {
        let (start, abbreviation, offset) = self.when(week, 0).map_or_else(Default::default, |w| {
            (
                text::date_time(l, w.start.naive_local(), DateStyle::Numeric),
                w.start.format("%Z").to_string(),
                w.start.format("%:z").to_string(),
            )
        });
        let forum = self.id(week, 0);
        t!(
            l,
            "finding-ambiguous-time",
            forum = forum,
            start = start,
            zone = week.timezone.name(),
            abbreviation = abbreviation,
            offset = offset
        )
    }
}

/// Stretches of time in words: `Di 23.06. 09:00–12:00, Mi 24.06.`, or that there are none.
pub(crate) fn times(l: Language, times: &[Interval]) -> String {
    if times.is_empty() {
        t!(l, "times-never")
    } else {
        text::intervals(l, times)
    }
}

/// When someone is available, as a finding says it: `nur Di 23.06. 09:00–12:00`, or `zu
/// keiner Zeit`.
fn only(l: Language, available: &[Interval]) -> String {
    if available.is_empty() {
        t!(l, "times-never")
    } else {
        t!(l, "times-only", times = text::intervals(l, available))
    }
}

/// Where an unknown key is, in words: `forum „abschluss“`.
fn field_place(place: &FieldPlace, language: Language) -> String {
    match place {
        FieldPlace::Week => t!(language, "place-week"),
        FieldPlace::Rules => "rules".to_owned(),
        FieldPlace::Expect => "expect".to_owned(),
        FieldPlace::Contact => "contact".to_owned(),
        FieldPlace::Room(id) => t!(language, "place-room", id = id.as_str()),
        FieldPlace::Forum(id) => t!(language, "place-forum", id = id.as_str()),
        FieldPlace::Person(name) => t!(language, "place-person", name = text::plain(name)),
    }
}
