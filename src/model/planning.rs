//! What organisers say about when fora may run: who is available when, a forum's window,
//! its order against other fora, groups with one audience, and preferences. The checker
//! holds placed fora to them and `fora plan` places fora within them.

use std::fmt;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

use super::{DayTime, Extra};

/// A stretch of the week's wall clock, `[from, to)`: when someone is available, or where a
/// forum may lie. Written `2020-06-23` (the whole day), `2020-06-23T09:00/12:00` (on one
/// day) or `2020-06-23T09:00/2020-06-24T12:00`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Interval {
    /// Where it begins.
    pub from: NaiveDateTime,
    /// Where it ends (not included).
    pub to: NaiveDateTime,
}

impl Interval {
    /// Reads the three forms; `None` for anything else or an empty stretch.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let interval = match text.split_once('/') {
            None => {
                let day = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
                let from = day.and_time(NaiveTime::MIN);
                Self {
                    from,
                    to: from + TimeDelta::days(1),
                }
            }
            Some((from, to)) => {
                let from = super::local_date_time(from)?;
                let to = match DayTime::parse(to.trim()) {
                    Some(time) => time.on(from.date()),
                    None => super::local_date_time(to)?,
                };
                Self { from, to }
            }
        };
        (interval.from < interval.to).then_some(interval)
    }

    /// Whether a forum from `start` to `end` lies wholly within it.
    pub fn holds(self, start: NaiveDateTime, end: NaiveDateTime) -> bool {
        self.from <= start && end <= self.to
    }
}

impl fmt::Display for Interval {
    /// The shortest of the three forms that says it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let midnight = |t: NaiveDateTime| t.time() == NaiveTime::MIN;
        if midnight(self.from) && self.to == self.from + TimeDelta::days(1) {
            return write!(f, "{}", self.from.format("%Y-%m-%d"));
        }
        write!(f, "{}/", self.from.format("%Y-%m-%dT%H:%M"))?;
        if self.to.date() == self.from.date() {
            write!(f, "{}", self.to.format("%H:%M"))
        } else if midnight(self.to)
            && self.to.date() == self.from.date().succ_opt().unwrap_or_default()
        {
            f.write_str("24:00")
        } else {
            write!(f, "{}", self.to.format("%Y-%m-%dT%H:%M"))
        }
    }
}

/// Someone who speaks in the week, as the week file's `people` says of them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Person {
    /// The name, as fora list it among their speakers.
    pub name: String,
    /// When they are available; `None`: at any time.
    pub available: Option<Vec<Interval>>,
    /// Keys `fora` does not know, kept in file order.
    pub extra: Extra,
}

/// Fora with one audience, which must not run at the same time.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Group {
    /// The group's name.
    pub name: String,
    /// The ids of its fora.
    pub fora: Vec<String>,
}

/// What a forum says about when it may and should run. Boxed in a forum: most say nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Planning {
    /// Where it may lie: within one of these; `None`: anywhere in the week.
    pub window: Option<Vec<Interval>>,
    /// The ids of fora it starts after (once they have ended).
    pub after: Vec<String>,
    /// The ids of fora it ends before (before they start).
    pub before: Vec<String>,
    /// What the organisers would like, each met or not on its own.
    pub prefer: Vec<Preference>,
    /// It stays where it is, even when `fora plan --replan` moves others.
    pub fixed: bool,
}

/// A wish about when a forum runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preference {
    /// On this day (`2020-06-24`).
    Day(NaiveDate),
    /// Starting before noon (`morning`, `vormittags`).
    Morning,
    /// Starting at noon or later (`afternoon`, `nachmittags`).
    Afternoon,
    /// Within these hours of whichever day (`10:00/12:00`).
    Hours(DayTime, DayTime),
}

impl Preference {
    /// Reads a day, a time of day in English or German, or hours.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        match text.to_lowercase().as_str() {
            "morning" | "vormittag" | "vormittags" => return Some(Self::Morning),
            "afternoon" | "nachmittag" | "nachmittags" => return Some(Self::Afternoon),
            _ => {}
        }
        if let Some((from, to)) = text.split_once('/') {
            let (from, to) = (DayTime::parse(from.trim())?, DayTime::parse(to.trim())?);
            return (from < to).then_some(Self::Hours(from, to));
        }
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .ok()
            .map(Self::Day)
    }

    /// Whether a forum from `start` to `end` (local) meets it.
    pub fn met(self, start: NaiveDateTime, end: NaiveDateTime) -> bool {
        let noon = DayTime::from_minutes(12 * 60).on(start.date());
        match self {
            Self::Day(day) => start.date() == day,
            Self::Morning => start < noon,
            Self::Afternoon => start >= noon,
            Self::Hours(from, to) => from.on(start.date()) <= start && end <= to.on(start.date()),
        }
    }
}

impl fmt::Display for Preference {
    /// As the week file writes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Day(day) => write!(f, "{}", day.format("%Y-%m-%d")),
            Self::Morning => f.write_str("morning"),
            Self::Afternoon => f.write_str("afternoon"),
            Self::Hours(from, to) => write!(f, "{from}/{to}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_read_and_write_their_three_forms() {
        for text in [
            "2020-06-23",
            "2020-06-23T09:00/12:00",
            "2020-06-23T09:00/2020-06-24T12:00",
            "2020-06-23T18:00/24:00",
        ] {
            let interval = Interval::parse(text).unwrap();
            assert_eq!(interval.to_string(), text);
        }
        assert_eq!(Interval::parse("2020-06-23T12:00/09:00"), None);
        assert_eq!(Interval::parse("Dienstag"), None);
        let morning = Interval::parse("2020-06-23T09:00/12:00").unwrap();
        let at = |t: &str| super::super::local_date_time(t).unwrap();
        assert!(morning.holds(at("2020-06-23T09:00"), at("2020-06-23T12:00")));
        assert!(!morning.holds(at("2020-06-23T11:00"), at("2020-06-23T12:01")));
    }

    #[test]
    fn preferences_are_days_halves_or_hours() {
        let at = |t: &str| super::super::local_date_time(t).unwrap();
        let (start, end) = (at("2020-06-24T11:30"), at("2020-06-24T12:30"));
        assert!(Preference::parse("vormittags").unwrap().met(start, end));
        assert!(!Preference::parse("afternoon").unwrap().met(start, end));
        assert!(Preference::parse("2020-06-24").unwrap().met(start, end));
        assert!(!Preference::parse("11:00/12:00").unwrap().met(start, end));
        assert!(Preference::parse("11:00/13:00").unwrap().met(start, end));
        assert_eq!(Preference::parse("abends"), None);
    }
}
