//! The week: its fora, rooms and rules, validated and with times resolved in the week's zone.
//!
//! A [`Week`] is built from a week file by [`Week::from_json`] (or [`Week::load`]), or in code.
//! Everything after loading works on these types and never re-reads strings.

mod duration;
pub mod identity;
mod load;
mod planning;
mod problem;

use rustc_hash::FxHashMap as HashMap;
use std::fmt;

use chrono::{DateTime, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;
use serde_json::{Map, Value};

pub use duration::{Duration, DurationError, MAX_MINUTES};
pub(crate) use load::local_date_time;
pub use load::sniff_language;
pub use load::{
    CONTACT_KEYS, EXPECT_KEYS, FORUM_KEYS, PERSON_KEYS, ROOM_KEYS, RULES_KEYS, WEEK_KEYS, is_email,
    is_pseudonym,
};
pub use planning::{Group, Interval, Person, Planning, Preference};
pub use problem::{InputError, JsonType, Place, Problem, Syntax};

/// The JSON Schema of the week file (draft 2020-12), as `fora schema` prints it.
pub const WEEK_SCHEMA: &str = include_str!("../../schema/week.schema.json");

/// The longest week `fora` plans: ten years of days.
pub const MAX_DAYS: i64 = 3660;

/// A digital congress week: its dates and zone, rooms, rules and fora.
#[derive(Clone, Debug, PartialEq)]
pub struct Week {
    /// What identifies the week for good: calendar UIDs are made from it and the forum ids.
    /// `None` in files written before weeks had one (see [`identity`]).
    pub id: Option<String>,
    /// The week's name, as attendees see it.
    pub name: String,
    /// The zone every local time of the week is read in.
    pub timezone: Tz,
    /// The first day.
    pub start: NaiveDate,
    /// The last day (inclusive).
    pub end: NaiveDate,
    /// The default language of output.
    pub language: Option<Language>,
    /// Free text about the week.
    pub description: Option<String>,
    /// When the programme last changed; the calendar's DTSTAMP.
    pub updated: Option<DateTime<Utc>>,
    /// Number of people registered.
    pub registrations: Option<u64>,
    /// Number of people who took part.
    pub participants: Option<u64>,
    /// Whom attendees write to about the week.
    pub contact: Option<Contact>,
    /// The virtual rooms; `None` means one implicit room for every forum.
    pub rooms: Option<Vec<Room>>,
    /// What the week file says of its speakers (when they are available), in file order.
    pub people: Vec<Person>,
    /// Fora with one audience, which must not run at the same time, in file order.
    pub groups: Vec<Group>,
    /// The rules the programme is checked against.
    pub rules: Rules,
    /// Published figures the programme must match.
    pub expect: Expect,
    /// The programme, in file order.
    pub fora: Vec<Forum>,
    /// Keys of the week object that `fora` does not know, kept in file order.
    pub extra: Extra,
}

/// Keys of a week file's object that `fora` does not know, kept in file order. Most objects
/// have none, and then this takes the room of one pointer, not of an empty map: a large week
/// has a million fora. It reads as the map it holds (an empty one when there is none).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extra(Option<Box<Map<String, Value>>>);

impl From<Map<String, Value>> for Extra {
    fn from(map: Map<String, Value>) -> Self {
        Extra((!map.is_empty()).then(|| Box::new(map)))
    }
}

impl std::ops::Deref for Extra {
    type Target = Map<String, Value>;

    fn deref(&self) -> &Self::Target {
        static EMPTY: std::sync::LazyLock<Map<String, Value>> = std::sync::LazyLock::new(Map::new);
        self.0.as_deref().unwrap_or(&EMPTY)
    }
}

/// One forum: a talk, expert forum, workshop or panel.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Forum {
    /// Unique within the week: ASCII letters, digits, `-` and `_`.
    pub id: String,
    /// The title.
    pub title: String,
    /// The kind of forum ("Fachforum", "Workshop" …).
    pub format: Option<String>,
    /// The local start in the week's zone; `None` while not scheduled.
    pub start: Option<NaiveDateTime>,
    /// How long it runs.
    pub duration: Duration,
    /// The id of its room.
    pub room: Option<String>,
    /// Who speaks, as written.
    pub speakers: Vec<String>,
    /// Free text for attendees.
    pub description: Option<String>,
    /// The forum's own join link.
    pub url: Option<String>,
    /// Whether it takes place.
    pub status: Status,
    /// Its registrations and capacity, when the file says anything of them.
    pub seats: Option<Box<Seats>>,
    /// When it may and should run, when the file says anything of it.
    pub planning: Option<Box<Planning>>,
    /// Keys of the forum that `fora` does not know, kept in file order.
    pub extra: Extra,
}

/// What a forum says of its seats. Boxed in [`Forum`]: most fora of a large week say nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Seats {
    /// How many registered.
    pub registrations: Option<u64>,
    /// How many may take part, below the room's capacity (a workshop of 20).
    pub capacity: Option<u64>,
    /// Who registered, by pseudonymous number (never a name), as `fora registrations`
    /// writes them.
    pub attendees: Vec<String>,
}

impl Forum {
    /// How many registered: `registrations`, else the number of attendees listed.
    pub fn registrations(&self) -> Option<u64> {
        let seats = self.seats.as_deref()?;
        seats
            .registrations
            .or_else(|| (!seats.attendees.is_empty()).then_some(seats.attendees.len() as u64))
    }

    /// The forum's own capacity.
    pub fn capacity(&self) -> Option<u64> {
        self.seats.as_deref()?.capacity
    }

    /// Who registered, by pseudonymous number.
    pub fn attendees(&self) -> &[String] {
        self.seats.as_deref().map_or(&[], |s| &s.attendees)
    }

    /// When it may and should run: what the file says, else nothing.
    pub fn planning(&self) -> &Planning {
        static NONE: Planning = Planning {
            window: None,
            after: Vec::new(),
            before: Vec::new(),
            prefer: Vec::new(),
            fixed: false,
        };
        self.planning.as_deref().unwrap_or(&NONE)
    }
}

/// Whom attendees write to about the week: the calendar's ORGANIZER or CONTACT.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Contact {
    /// A person's or an office's name.
    pub name: Option<String>,
    /// An e-mail address.
    pub email: Option<String>,
    /// Keys of `contact` that `fora` does not know.
    pub extra: Extra,
}

/// Whether a forum takes place, as RFC 5545 says it of an event.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Status {
    /// It takes place (what a forum without `status` is).
    #[default]
    Confirmed,
    /// It is planned but not yet certain.
    Tentative,
    /// It was called off; it stays in the file and in calendars, marked as such.
    Cancelled,
}

impl Status {
    /// `confirmed`, `tentative` or `cancelled` (also `canceled`), in any case.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "confirmed" => Some(Self::Confirmed),
            "tentative" => Some(Self::Tentative),
            "cancelled" | "canceled" => Some(Self::Cancelled),
            _ => None,
        }
    }

    /// A status as organisers type it on the command line: as [`Status::parse`] reads it, or
    /// in German (`bestätigt`, `vorläufig`, `abgesagt`, umlauts written out or not).
    pub fn parse_typed(text: &str) -> Option<Self> {
        Self::parse(text).or_else(|| match slug(text).as_str() {
            "bestaetigt" => Some(Self::Confirmed),
            "vorlaeufig" => Some(Self::Tentative),
            "abgesagt" => Some(Self::Cancelled),
            _ => None,
        })
    }

    /// The word written in week files: `confirmed`, `tentative` or `cancelled`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Confirmed => "confirmed",
            Self::Tentative => "tentative",
            Self::Cancelled => "cancelled",
        }
    }

    /// Whether the forum takes up its room, its speakers and programme time.
    pub fn takes_place(self) -> bool {
        self != Self::Cancelled
    }
}

/// Places the fora of one week as [`Week::placement`] does, remembering each placement by
/// local start and duration: the fora of a large week share a few hundred of those, and
/// reading a time in a zone is the costly part.
#[derive(Debug)]
pub struct Placer<'w> {
    week: &'w Week,
    seen: HashMap<(NaiveDateTime, u32), Placement>,
}

impl Placer<'_> {
    /// Where `forum` lies in time.
    pub fn place(&mut self, forum: &Forum) -> Placement {
        let Some(start) = forum.start else {
            return Placement::Unscheduled;
        };
        let week = self.week;
        *self
            .seen
            .entry((start, forum.duration.minutes()))
            .or_insert_with(|| week.place(start, forum.duration))
    }
}

/// A local time the clocks skip, read as RFC 5545 reads it: with the offset in force just
/// before the gap, which puts it as far after the gap's end as it lies after its start.
fn after_gap(zone: Tz, local: NaiveDateTime) -> DateTime<Tz> {
    // Gaps are at most a day long (Samoa skipped 30 December 2011): step back to a time that
    // exists, and take its offset.
    let offset = (1..=24 * 4 + 1)
        .map(|quarters| local - chrono::TimeDelta::minutes(15 * quarters))
        .find_map(|before| zone.from_local_datetime(&before).latest())
        .map_or(0, |before| before.offset().fix().local_minus_utc());
    let utc = local - chrono::TimeDelta::seconds(i64::from(offset));
    zone.from_utc_datetime(&utc)
}

/// A virtual room (a video conference).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Room {
    /// Unique within the week.
    pub id: String,
    /// The name attendees see.
    pub name: String,
    /// The room's join link.
    pub url: Option<String>,
    /// How many people fit.
    pub capacity: Option<u64>,
    /// When the room may be used; `None`: at any time.
    pub available: Option<Vec<Interval>>,
    /// Keys of the room that `fora` does not know.
    pub extra: Extra,
}

/// The rules of a week; each is checked only when set.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rules {
    /// No forum starts earlier in the day.
    pub day_start: Option<DayTime>,
    /// No forum ends later in the day.
    pub day_end: Option<DayTime>,
    /// The least break between two fora in one room.
    pub min_gap: Option<Duration>,
    /// The most programme hours a day.
    pub max_hours_per_day: Option<f64>,
    /// Whether fora may run at the same time (in different rooms).
    pub parallel: Option<bool>,
    /// The starts `fora plan` chooses from: every `grid` from midnight (15 minutes when
    /// not set).
    pub grid: Option<Duration>,
    /// Keys of the rules that `fora` does not know.
    pub extra: Extra,
}

/// Figures published for the week, which the programme must match.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Expect {
    /// How many fora.
    pub fora: Option<u64>,
    /// How many programme hours.
    pub hours: Option<f64>,
    /// Keys of `expect` that `fora` does not know.
    pub extra: Extra,
}

/// A time of day for the day window, from `00:00` to `24:00`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct DayTime(u32);

impl DayTime {
    /// Midnight at the start of the day.
    pub const START_OF_DAY: Self = Self(0);
    /// Midnight at its end, `24:00`.
    pub const END_OF_DAY: Self = Self(24 * 60);

    /// The time `minutes` after midnight; at most a day.
    pub const fn from_minutes(minutes: u32) -> Self {
        assert!(minutes <= 24 * 60, "a time of day");
        Self(minutes)
    }

    /// `HH:MM`; `24:00` is the end of the day.
    pub fn parse(text: &str) -> Option<Self> {
        if text == "24:00" {
            return Some(Self(24 * 60));
        }
        let time = NaiveTime::parse_from_str(text, "%H:%M").ok()?;
        Some(Self(
            time.signed_duration_since(NaiveTime::MIN).num_minutes() as u32,
        ))
    }

    /// Minutes since midnight.
    pub fn minutes(self) -> u32 {
        self.0
    }

    /// This time on `date`.
    pub fn on(self, date: NaiveDate) -> NaiveDateTime {
        date.and_time(NaiveTime::MIN) + chrono::TimeDelta::minutes(i64::from(self.0))
    }
}

impl fmt::Display for DayTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

/// The languages output can be written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Language {
    /// German.
    De,
    /// English.
    #[default]
    En,
}

impl Language {
    /// `de` or `en`, in any case.
    pub fn parse(text: &str) -> Option<Self> {
        match text.to_ascii_lowercase().as_str() {
            "de" => Some(Self::De),
            "en" => Some(Self::En),
            _ => None,
        }
    }

    /// The code written in files: `de` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Self::De => "de",
            Self::En => "en",
        }
    }
}

/// Where a forum lies in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// No start yet.
    Unscheduled,
    /// The forum runs over `[start, end)`.
    Placed {
        /// The instant it starts.
        start: DateTime<Tz>,
        /// The instant it ends.
        end: DateTime<Tz>,
        /// How its local start reads on the zone's clock.
        clock: Clock,
    },
}

/// How a forum's local start reads on the clock of the week's zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    /// It happens once: the usual case.
    Exact,
    /// It happens twice (the autumn hour); the earlier instant is taken.
    Repeated,
    /// It never happens (the hour the clocks skip in spring). The forum is placed as RFC 5545
    /// (3.3.5) reads such a time, with the offset from before the gap, so it keeps its place
    /// in every output, marked as an error.
    Skipped(NaiveDateTime),
}

impl Placement {
    /// The interval, when the forum has one.
    pub fn interval(&self) -> Option<(DateTime<Tz>, DateTime<Tz>)> {
        match *self {
            Self::Placed { start, end, .. } => Some((start, end)),
            Self::Unscheduled => None,
        }
    }
}

impl Week {
    /// An empty week: no rooms, rules or fora.
    pub fn new(name: impl Into<String>, timezone: Tz, start: NaiveDate, end: NaiveDate) -> Self {
        Self {
            id: None,
            name: name.into(),
            timezone,
            start,
            end,
            language: None,
            description: None,
            updated: None,
            registrations: None,
            participants: None,
            contact: None,
            rooms: None,
            people: Vec::new(),
            groups: Vec::new(),
            rules: Rules::default(),
            expect: Expect::default(),
            fora: Vec::new(),
            extra: Extra::default(),
        }
    }

    /// Where `forum` lies in time, read in the week's zone.
    pub fn placement(&self, forum: &Forum) -> Placement {
        match forum.start {
            None => Placement::Unscheduled,
            Some(local) => self.place(local, forum.duration),
        }
    }

    /// Where a forum of `duration` starting at `local` lies in time.
    pub fn place(&self, local: NaiveDateTime, duration: Duration) -> Placement {
        let (start, clock) = match self.timezone.from_local_datetime(&local) {
            LocalResult::Single(start) => (start, Clock::Exact),
            LocalResult::Ambiguous(earlier, _) => (earlier, Clock::Repeated),
            LocalResult::None => (after_gap(self.timezone, local), Clock::Skipped(local)),
        };
        Placement::Placed {
            start,
            end: start + duration.to_time_delta(),
            clock,
        }
    }

    /// A placer for many fora of this week: each start and duration is placed once.
    pub fn placer(&self) -> Placer<'_> {
        Placer {
            week: self,
            seen: HashMap::default(),
        }
    }

    /// What the week file says of the speaker `name`, compared without regard to case.
    pub fn person(&self, name: &str) -> Option<&Person> {
        let folded = |n: &str| crate::view::folded(n.trim()).collect::<String>();
        let name = folded(name);
        self.people.iter().find(|p| folded(&p.name) == name)
    }

    /// The room with this id, when rooms are declared and one has it.
    pub fn room(&self, id: &str) -> Option<&Room> {
        self.rooms.as_deref()?.iter().find(|room| room.id == id)
    }

    /// Every day of the week, first to last.
    pub fn days(&self) -> impl Iterator<Item = NaiveDate> + use<> {
        self.start.iter_days().take_while({
            let end = self.end;
            move |day| *day <= end
        })
    }

    /// How many days the week has.
    pub fn day_count(&self) -> usize {
        usize::try_from((self.end - self.start).num_days() + 1).unwrap_or(0)
    }

    /// The instant the calendar is stamped with: `updated`, else the start of the week.
    pub fn stamp(&self) -> DateTime<Utc> {
        self.updated.unwrap_or_else(|| {
            let midnight = self.start.and_time(NaiveTime::MIN);
            self.timezone
                .from_local_datetime(&midnight)
                .earliest()
                .map_or_else(|| midnight.and_utc(), |t| t.with_timezone(&Utc))
        })
    }

    /// The language output uses when none is asked for.
    pub fn language(&self) -> Language {
        self.language.unwrap_or_default()
    }
}

/// A readable identifier from any text: lower case ASCII, German umlauts and ß written out,
/// words joined by `-`. Used for UIDs and for ids derived from titles.
pub fn slug(text: &str) -> String {
    let mut german = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'ä' => german.push_str("ae"),
            'ö' => german.push_str("oe"),
            'ü' => german.push_str("ue"),
            'Ä' => german.push_str("Ae"),
            'Ö' => german.push_str("Oe"),
            'Ü' => german.push_str("Ue"),
            'ß' => german.push_str("ss"),
            _ => german.push(c),
        }
    }
    let ascii = deunicode::deunicode(&german).to_ascii_lowercase();
    let mut slug = String::with_capacity(ascii.len());
    for word in ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(word);
    }
    slug
}

/// Whether `id` may name a forum or room: ASCII letters, digits, `-` and `_`, not empty.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_writes_german_out() {
        assert_eq!(
            slug("Gemeinsames Eröffnungsgespräch"),
            "gemeinsames-eroeffnungsgespraech"
        );
        assert_eq!(slug("Straße & Süd: Ärger!"), "strasse-sued-aerger");
        assert_eq!(slug("  "), "");
    }

    #[test]
    fn ids_are_ascii_words() {
        assert!(is_valid_id("fachforum-1_b"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("a b"));
        assert!(!is_valid_id("eröffnung"));
    }

    #[test]
    fn day_time_reads_the_whole_day() {
        assert_eq!(DayTime::parse("09:00").map(DayTime::minutes), Some(540));
        assert_eq!(DayTime::parse("24:00").map(DayTime::minutes), Some(1440));
        assert_eq!(DayTime::parse("24:01"), None);
        assert_eq!(DayTime::parse("9"), None);
    }

    #[test]
    fn placement_takes_the_earlier_of_a_fold_and_reads_a_gap_as_rfc_5545_does() {
        let day = |d| NaiveDate::from_ymd_opt(2021, 3, d).unwrap();
        let mut week = Week::new("w", chrono_tz::Europe::Berlin, day(27), day(29));
        let local = |text: &str| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").unwrap();
        let forum = |start: &str| Forum {
            start: Some(local(start)),
            duration: Duration::from_minutes(60).unwrap(),
            ..Forum::default()
        };
        let Placement::Placed { start, clock, .. } = week.placement(&forum("2021-03-28T02:30"))
        else {
            panic!("a gap is placed");
        };
        assert_eq!(clock, Clock::Skipped(local("2021-03-28T02:30")));
        // With the offset before the gap, +01:00: 01:30 UTC, which the clock shows as 03:30.
        assert_eq!(start.to_rfc3339(), "2021-03-28T03:30:00+02:00");
        week.start = NaiveDate::from_ymd_opt(2021, 10, 30).unwrap();
        let Placement::Placed { start, end, clock } = week.placement(&forum("2021-10-31T02:30"))
        else {
            panic!("a fold is placed");
        };
        assert_eq!(clock, Clock::Repeated);
        assert_eq!(
            start.with_timezone(&Utc).to_rfc3339(),
            "2021-10-31T00:30:00+00:00"
        );
        assert_eq!((end - start).num_minutes(), 60);
    }

    #[test]
    fn a_gap_of_half_an_hour_or_a_day_is_read_with_the_offset_before_it() {
        let local = |text: &str| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").unwrap();
        // Lord Howe goes from +10:30 to +11:00 at 02:00.
        let howe = after_gap(chrono_tz::Australia::Lord_Howe, local("2020-10-04T02:10"));
        assert_eq!(howe.to_rfc3339(), "2020-10-04T02:40:00+11:00");
        // Samoa skipped 30 December 2011 (from -10:00 to +14:00).
        let apia = after_gap(chrono_tz::Pacific::Apia, local("2011-12-30T12:00"));
        assert_eq!(apia.to_rfc3339(), "2011-12-31T12:00:00+14:00");
    }
}
