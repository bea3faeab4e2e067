//! The rules of a week, as predicates: "may this forum sit here?". The checker asks them of
//! pairs of fora it finds by sweeping, `fora free` of every start it considers, and a
//! planner may ask them of anything; no one else compares times for a rule.
//!
//! Times are instants (Unix seconds) of half-open intervals `[from, to)`, so a forum that
//! ends at 11:00 and one that starts at 11:00 do not overlap, and a week across a change of
//! the clocks is right. Only the day window and the week's days are read on the wall clock,
//! as organisers mean them.

use chrono::{NaiveDateTime, NaiveTime};

use crate::model::{Clock, DayTime, Duration, Forum, Interval, Room, Rules, Week};

/// Where a forum lies: its instants and its local start and end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// The instant it starts, in Unix seconds.
    pub from: i64,
    /// The instant it ends.
    pub to: i64,
}

impl Span {
    /// The span's length in whole minutes.
    pub fn minutes(self) -> u64 {
        ((self.to - self.from) / 60) as u64
    }
}

/// Whether two fora run at the same time.
pub fn overlap(a: Span, b: Span) -> bool {
    a.from < b.to && b.from < a.to
}

/// The minutes between `before` and `after` when `after` starts less than `gap` after
/// `before` ends (and not before it ends): a short gap in one room.
pub fn short_gap(before: Span, after: Span, gap: Duration) -> Option<i64> {
    let between = after.from - before.to;
    (0..i64::from(gap.minutes()) * 60)
        .contains(&between)
        .then_some(between / 60)
}

/// Whether `a` and `b` are too close for one room: they overlap, or either starts less
/// than `gap` after the other ends.
pub fn too_close(a: Span, b: Span, gap: Option<Duration>) -> bool {
    overlap(a, b)
        || gap.is_some_and(|gap| short_gap(a, b, gap).is_some() || short_gap(b, a, gap).is_some())
}

/// Whether a forum from `start` to `end` (local) lies within one of `times` (a speaker's
/// or a room's availability, a forum's window); `None` is any time.
pub fn available(times: Option<&[Interval]>, start: NaiveDateTime, end: NaiveDateTime) -> bool {
    times.is_none_or(|times| times.iter().any(|t| t.holds(start, end)))
}

/// Whether `then` keeps its order after `first`: it starts once `first` has ended.
pub fn in_order(first: Span, then: Span) -> bool {
    then.from >= first.to
}

/// Whether a forum from `start` to `end` (local) lies outside the week's days.
pub fn outside_week(week: &Week, start: NaiveDateTime, end: NaiveDateTime) -> bool {
    let first = week.start.and_time(NaiveTime::MIN);
    let after = week.end.succ_opt().map(|d| d.and_time(NaiveTime::MIN));
    start < first || after.is_some_and(|after| end > after)
}

/// The day's window a forum must keep to: each bound only when set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    /// No forum starts earlier in its day.
    pub start: Option<DayTime>,
    /// No forum ends later in its day.
    pub end: Option<DayTime>,
}

/// The day window's start `fora free` keeps to when the week sets no `rules.day_start`.
pub const DEFAULT_DAY_START: DayTime = DayTime::from_minutes(9 * 60);

/// The day window's end `fora free` keeps to when the week sets no `rules.day_end`.
pub const DEFAULT_DAY_END: DayTime = DayTime::from_minutes(18 * 60);

impl Window {
    /// The window the checker holds fora to: what the week sets.
    pub fn checked(rules: &Rules) -> Self {
        Self {
            start: rules.day_start,
            end: rules.day_end,
        }
    }

    /// The window `fora free` offers slots in: the week's bounds, and a working day's
    /// (09:00–18:00) for a bound it does not set. When only one bound is set and the other
    /// default would leave no window (an evening programme from 19:00), that side stays open.
    pub fn offered(rules: &Rules) -> Self {
        let (start, end) = match (rules.day_start, rules.day_end) {
            (Some(from), Some(to)) => (from, to),
            (None, None) => (DEFAULT_DAY_START, DEFAULT_DAY_END),
            (Some(from), None) if from < DEFAULT_DAY_END => (from, DEFAULT_DAY_END),
            (Some(from), None) => (from, DayTime::END_OF_DAY),
            (None, Some(to)) if DEFAULT_DAY_START < to => (DEFAULT_DAY_START, to),
            (None, Some(to)) => (DayTime::START_OF_DAY, to),
        };
        Self {
            start: Some(start),
            end: Some(end),
        }
    }

    /// Whether a forum from `start` to `end` (local) starts too early or ends too late on
    /// the day it starts, compared on the wall clock.
    pub fn breaks(self, start: NaiveDateTime, end: NaiveDateTime) -> Outside {
        Outside {
            early: self.start.is_some_and(|t| start < t.on(start.date())),
            late: self.end.is_some_and(|t| end > t.on(start.date())),
        }
    }
}

/// Which bounds of the day window a forum breaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Outside {
    /// It starts before the window.
    pub early: bool,
    /// It ends after the window.
    pub late: bool,
}

impl Outside {
    /// Whether it breaks any.
    pub fn any(self) -> bool {
        self.early || self.late
    }
}

/// Whether a day with `minutes` of programme has more than `rules.max_hours_per_day`.
pub fn over_limit(rules: &Rules, minutes: u64) -> bool {
    rules
        .max_hours_per_day
        .is_some_and(|limit| minutes as f64 > limit * 60.0)
}

/// What is wrong with a join link attendees are to click.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BadLink {
    /// No scheme: `zoom.us/j/1`, which calendars show as plain text.
    NoScheme,
    /// A scheme other than `https` or `http` (`ftp:`, `javascript:`).
    Scheme,
    /// Not a URL at all (spaces, no host).
    Malformed,
}

/// Whether `url` is a link every calendar makes clickable: an absolute `https://` or
/// `http://` URL with a host.
pub fn link(url: &str) -> Result<(), BadLink> {
    match url::Url::parse(url.trim()) {
        Ok(parsed) if !matches!(parsed.scheme(), "https" | "http") => Err(BadLink::Scheme),
        Ok(parsed) if parsed.host_str().is_none_or(str::is_empty) => Err(BadLink::Malformed),
        Ok(_) => Ok(()),
        // `zoom.us/j/1` is relative: with a scheme in front it would be a link.
        Err(url::ParseError::RelativeUrlWithoutBase)
            if url::Url::parse(&format!("https://{}", url.trim())).is_ok() =>
        {
            Err(BadLink::NoScheme)
        }
        Err(_) => Err(BadLink::Malformed),
    }
}

/// Whose capacity limits a forum.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Whose {
    /// The forum's own `capacity` (a workshop of 20); it wins a tie with the room's.
    Forum,
    /// Its room's `capacity` (the video licence).
    Room,
}

/// How many may take part in a forum, and whose limit that is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Seats {
    /// How many.
    pub capacity: u64,
    /// Whose limit.
    pub whose: Whose,
}

/// The capacity a forum has: the smaller of its own and its room's (`room` is the forum's
/// declared room, if any); `None` when neither is set.
pub fn capacity(forum: &Forum, room: Option<&Room>) -> Option<Seats> {
    let own = forum.capacity().map(|capacity| Seats {
        capacity,
        whose: Whose::Forum,
    });
    let room = room.and_then(|r| r.capacity).map(|capacity| Seats {
        capacity,
        whose: Whose::Room,
    });
    match (own, room) {
        (Some(own), Some(room)) if room.capacity < own.capacity => Some(room),
        (own, room) => own.or(room),
    }
}

/// How full a forum is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Load {
    /// Below 90 % of its capacity (or nobody registered).
    Fits,
    /// At least 90 % of its capacity, and not over it: `10 · registrations ≥ 9 · capacity`,
    /// computed on whole numbers (90 of 100 is near, 89 is not; 9 of 10 is near).
    Near,
    /// More registrations than seats.
    Over,
}

/// How full a forum with `registrations` of `capacity` seats is. Nobody registered is never
/// near, even of no seats.
pub fn load(registrations: u64, capacity: u64) -> Load {
    if registrations > capacity {
        Load::Over
    } else if registrations > 0 && u128::from(registrations) * 10 >= u128::from(capacity) * 9 {
        Load::Near
    } else {
        Load::Fits
    }
}

/// Whether fora of the week may run at the same time in different rooms.
pub fn parallel_allowed(rules: &Rules) -> bool {
    rules.parallel != Some(false)
}

/// What a start's clock says of it: an error when it never happens, a warning when it
/// happens twice.
pub fn clock_breaks(clock: Clock) -> Option<ClockRule> {
    match clock {
        Clock::Exact => None,
        Clock::Repeated => Some(ClockRule::Repeated),
        Clock::Skipped(_) => Some(ClockRule::Skipped),
    }
}

/// The rules of the clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClockRule {
    /// The start falls into the hour the clocks skip.
    Skipped,
    /// The start happens twice.
    Repeated,
}

/// Why a forum may not sit somewhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Its start never happens, or happens twice.
    Clock(ClockRule),
    /// It lies outside the week's days.
    OutsideWeek,
    /// It breaks the day's window.
    OutsideDay(Outside),
    /// Its day would have more programme than `rules.max_hours_per_day`.
    DayOverLimit,
    /// It meets another forum of its room, or comes closer to one than `rules.min_gap`.
    Room,
    /// It runs at the same time as another forum, and the week is single-track.
    Parallel,
    /// One of its speakers speaks elsewhere at the same time.
    Speaker,
    /// Its room, or one of its speakers, is not available then.
    Unavailable,
}

/// The fora of a week that take up time, indexed so that "may a forum sit here?" is
/// answered without looking at them all.
#[derive(Debug)]
pub struct Occupancy<'w> {
    week: &'w Week,
    /// The fora of each room, by start; in a week without rooms all are in its one room.
    rooms: rustc_hash::FxHashMap<Option<&'w str>, Vec<Span>>,
    /// Every forum, by start.
    all: Vec<Span>,
    /// The programme minutes of each day, by the day fora start on.
    days: rustc_hash::FxHashMap<chrono::NaiveDate, u64>,
    /// The fora of each speaker, by start, under the name folded as the checker compares it.
    speakers: rustc_hash::FxHashMap<String, Vec<Span>>,
}

impl<'w> Occupancy<'w> {
    /// The fora of `week` that take place and have a start.
    pub fn new(week: &'w Week) -> Self {
        let mut occupancy = Self {
            week,
            rooms: Default::default(),
            all: Vec::new(),
            days: Default::default(),
            speakers: Default::default(),
        };
        for forum in week.fora.iter().filter(|f| f.status.takes_place()) {
            let Some((start, end)) = week.placement(forum).interval() else {
                continue;
            };
            let span = Span {
                from: start.timestamp(),
                to: end.timestamp(),
            };
            let room = if week.rooms.is_some() {
                forum.room.as_deref()
            } else {
                None
            };
            occupancy.rooms.entry(room).or_default().push(span);
            occupancy.all.push(span);
            *occupancy.days.entry(start.date_naive()).or_default() += span.minutes();
            let mut names: Vec<String> = crate::view::speakers(forum)
                .map(|name| crate::view::folded(name).collect())
                .collect();
            // A name given twice is one speaker, as the checker counts them.
            names.sort_unstable();
            names.dedup();
            for name in names {
                occupancy.speakers.entry(name).or_default().push(span);
            }
        }
        for spans in occupancy
            .rooms
            .values_mut()
            .chain(occupancy.speakers.values_mut())
        {
            spans.sort_unstable_by_key(|s| s.from);
        }
        occupancy.all.sort_unstable_by_key(|s| s.from);
        occupancy
    }

    /// Whether a forum placed so may sit in `room` (a declared room's id, or `None` in a
    /// week without rooms) within `window`, with these `speakers` (as written; none for a
    /// forum whose speakers are not known yet): the first rule it would break, if any.
    pub fn admits(
        &self,
        placement: crate::model::Placement,
        room: Option<&str>,
        speakers: &[&str],
        window: Window,
    ) -> Result<(), Refusal> {
        let crate::model::Placement::Placed { start, end, clock } = placement else {
            return Ok(());
        };
        if let Some(rule) = clock_breaks(clock) {
            return Err(Refusal::Clock(rule));
        }
        let (local_start, local_end) = (start.naive_local(), end.naive_local());
        if outside_week(self.week, local_start, local_end) {
            return Err(Refusal::OutsideWeek);
        }
        let outside = window.breaks(local_start, local_end);
        if outside.any() {
            return Err(Refusal::OutsideDay(outside));
        }
        let span = Span {
            from: start.timestamp(),
            to: end.timestamp(),
        };
        let day = self.days.get(&start.date_naive()).copied().unwrap_or(0);
        if over_limit(&self.week.rules, day + span.minutes()) {
            return Err(Refusal::DayOverLimit);
        }
        let gap = self.week.rules.min_gap;
        let room = if self.week.rooms.is_some() {
            room
        } else {
            None
        };
        let mut near = near(
            self.rooms.get(&room).map_or(&[][..], Vec::as_slice),
            span,
            gap,
        );
        if near.any(|other| too_close(other, span, gap)) {
            return Err(Refusal::Room);
        }
        if !parallel_allowed(&self.week.rules)
            && near_all(&self.all, span).any(|other| overlap(other, span))
        {
            return Err(Refusal::Parallel);
        }
        let busy = |name: &&str| {
            let name: String = crate::view::folded(name).collect();
            self.speakers
                .get(&name)
                .is_some_and(|spans| near_all(spans, span).any(|other| overlap(other, span)))
        };
        if speakers.iter().filter(|n| !n.trim().is_empty()).any(busy) {
            return Err(Refusal::Speaker);
        }
        let away = |name: &&str| {
            let times = self.week.person(name).and_then(|p| p.available.as_deref());
            !available(times, local_start, local_end)
        };
        let room_times = room
            .and_then(|id| self.week.room(id))
            .and_then(|r| r.available.as_deref());
        if !available(room_times, local_start, local_end) || speakers.iter().any(away) {
            return Err(Refusal::Unavailable);
        }
        Ok(())
    }
}

/// The spans of `sorted` (by start) that may come within `gap` of `span`: none that
/// starts more than a day (the longest forum) and the gap before it.
fn near(sorted: &[Span], span: Span, gap: Option<Duration>) -> impl Iterator<Item = Span> + '_ {
    let gap = gap.map_or(0, |g| i64::from(g.minutes()) * 60);
    let earliest = span.from - i64::from(crate::model::MAX_MINUTES) * 60 - gap;
    let first = sorted.partition_point(|s| s.from < earliest);
    sorted[first..]
        .iter()
        .copied()
        .take_while(move |s| s.from < span.to + gap)
}

fn near_all(sorted: &[Span], span: Span) -> impl Iterator<Item = Span> + '_ {
    near(sorted, span, None)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_link_needs_a_web_scheme_and_a_host() {
        use super::{BadLink, link};
        assert_eq!(link("https://zoom.us/j/123"), Ok(()));
        assert_eq!(link("http://example.org"), Ok(()));
        assert_eq!(link("zoom.us/j/123"), Err(BadLink::NoScheme));
        assert_eq!(link("www.example.org"), Err(BadLink::NoScheme));
        assert_eq!(link("ftp://example.org"), Err(BadLink::Scheme));
        assert_eq!(link("javascript:alert(1)"), Err(BadLink::Scheme));
        assert_eq!(link("https://"), Err(BadLink::Malformed));
        assert_eq!(link("nicht ein link"), Err(BadLink::Malformed));
    }

    use super::*;

    #[test]
    fn ninety_percent_is_near_and_one_more_than_the_seats_is_over() {
        assert_eq!(load(90, 100), Load::Near);
        assert_eq!(load(89, 100), Load::Fits);
        assert_eq!(load(100, 100), Load::Near);
        assert_eq!(load(101, 100), Load::Over);
        assert_eq!(load(9, 10), Load::Near);
        assert_eq!(load(8, 9), Load::Fits);
        assert_eq!(load(0, 0), Load::Fits);
        assert_eq!(load(1, 0), Load::Over);
        assert_eq!(load(u64::MAX, u64::MAX), Load::Near);
    }

    #[test]
    fn a_forum_has_the_smaller_capacity_its_own_on_a_tie() {
        let forum = |capacity: Option<u64>| Forum {
            seats: capacity.map(|capacity| {
                Box::new(crate::model::Seats {
                    capacity: Some(capacity),
                    ..Default::default()
                })
            }),
            ..Forum::default()
        };
        let room = |capacity| Room {
            capacity,
            ..Room::default()
        };
        let seats = |capacity, whose| Some(Seats { capacity, whose });
        assert_eq!(capacity(&forum(None), None), None);
        assert_eq!(capacity(&forum(None), Some(&room(None))), None);
        assert_eq!(capacity(&forum(Some(20)), None), seats(20, Whose::Forum));
        assert_eq!(
            capacity(&forum(None), Some(&room(Some(100)))),
            seats(100, Whose::Room)
        );
        assert_eq!(
            capacity(&forum(Some(120)), Some(&room(Some(100)))),
            seats(100, Whose::Room)
        );
        assert_eq!(
            capacity(&forum(Some(20)), Some(&room(Some(100)))),
            seats(20, Whose::Forum)
        );
        assert_eq!(
            capacity(&forum(Some(100)), Some(&room(Some(100)))),
            seats(100, Whose::Forum)
        );
    }

    fn span(from: i64, to: i64) -> Span {
        Span {
            from: from * 60,
            to: to * 60,
        }
    }

    #[test]
    fn intervals_are_half_open() {
        assert!(overlap(span(0, 60), span(59, 90)));
        assert!(!overlap(span(0, 60), span(60, 90)));
        assert!(overlap(span(10, 20), span(0, 60)));
    }

    #[test]
    fn a_forum_is_available_only_wholly_within_one_stretch() {
        let at = |t: &str| NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M").unwrap();
        let times = [
            Interval::parse("2020-06-23T09:00/12:00").unwrap(),
            Interval::parse("2020-06-23T12:00/14:00").unwrap(),
        ];
        let (nine, noon) = (at("2020-06-23T09:00"), at("2020-06-23T12:00"));
        assert!(available(None, nine, noon));
        assert!(available(Some(&times), nine, noon));
        assert!(available(Some(&times), noon, at("2020-06-23T14:00")));
        // Across the two stretches is within neither, though they meet.
        assert!(!available(
            Some(&times),
            at("2020-06-23T11:00"),
            at("2020-06-23T13:00")
        ));
        assert!(!available(Some(&times), at("2020-06-23T08:59"), noon));
        assert!(!available(Some(&[]), nine, noon));
    }

    #[test]
    fn order_is_kept_from_the_end_on() {
        assert!(in_order(span(0, 60), span(60, 90)));
        assert!(!in_order(span(0, 60), span(59, 90)));
        assert!(!in_order(span(60, 90), span(0, 60)));
    }

    #[test]
    fn a_gap_is_short_from_the_end_up_to_the_least_gap() {
        let gap = Duration::from_minutes(15).unwrap();
        assert_eq!(short_gap(span(0, 60), span(60, 90), gap), Some(0));
        assert_eq!(short_gap(span(0, 60), span(74, 90), gap), Some(14));
        assert_eq!(short_gap(span(0, 60), span(75, 90), gap), None);
        assert_eq!(short_gap(span(0, 60), span(30, 90), gap), None);
        assert!(too_close(span(74, 90), span(0, 60), Some(gap)));
        assert!(!too_close(span(75, 90), span(0, 60), Some(gap)));
        assert!(!too_close(span(60, 90), span(0, 60), None));
    }

    #[test]
    fn the_offered_window_is_a_working_day_and_one_set_bound_is_kept() {
        let time = |t: &str| DayTime::parse(t).unwrap();
        let window = |start: Option<&str>, end: Option<&str>| {
            let rules = Rules {
                day_start: start.map(time),
                day_end: end.map(time),
                ..Rules::default()
            };
            let offered = Window::offered(&rules);
            (offered.start.unwrap(), offered.end.unwrap())
        };
        assert_eq!(window(None, None), (time("09:00"), time("18:00")));
        assert_eq!(window(Some("19:00"), None), (time("19:00"), time("24:00")));
        assert_eq!(window(Some("08:00"), None), (time("08:00"), time("18:00")));
        assert_eq!(window(None, Some("08:00")), (time("00:00"), time("08:00")));
    }
}
