//! What a spreadsheet's cell holds, and how dates, times and durations are read from it as
//! organisers type them (`23.06.2020`, `10 Uhr`, `1,5 h`) and as Excel and LibreOffice store
//! them (serial numbers, day fractions, ISO 8601 values).

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use crate::model::Duration;

/// Minutes in a day.
const DAY: u32 = 24 * 60;

/// One cell, as the file stores it.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text (every CSV cell).
    Text(String),
    /// A number without a date format.
    Number(f64),
    /// A date cell without a time.
    Date(NaiveDate),
    /// A date and time cell.
    DateTime(NaiveDateTime),
    /// A time of day or a length as a clock shows it (Excel's day fractions below 1, its
    /// `[h]:mm` durations, ODS `time-value`), in minutes.
    Clock(u32),
}

impl Cell {
    /// Whether it holds nothing but spaces.
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text, as a user would name it in an error, and as a text column takes it.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.trim().to_owned(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Date(date) => date.to_string(),
            Cell::DateTime(at) => at.format("%Y-%m-%d %H:%M").to_string(),
            Cell::Clock(minutes) => format!("{}:{:02}", minutes / 60, minutes % 60),
        }
    }
}

/// An Excel serial date and time (days since 1899-12-30, the time as the fraction) as a
/// cell: below 1 a clock time, whole a date, else a date and time; to the nearest minute.
pub fn serial(at: Option<NaiveDateTime>, value: f64, duration: bool) -> Cell {
    if duration || (0.0..1.0).contains(&value) {
        return Cell::Clock((value * f64::from(DAY)).round().max(0.0) as u32);
    }
    match at {
        Some(at) => {
            let rounded = at + chrono::TimeDelta::seconds(30);
            let at = rounded.with_second(0).unwrap_or(rounded);
            let at = at.with_nanosecond(0).unwrap_or(at);
            if at.time() == NaiveTime::MIN && value.fract() == 0.0 {
                Cell::Date(at.date())
            } else {
                Cell::DateTime(at)
            }
        }
        None => Cell::Number(value),
    }
}

/// An ODS `date-value` (`2020-06-23`, `2020-06-23T10:00:00`) as a cell.
pub fn iso_date(text: &str) -> Cell {
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Cell::Date(date);
    }
    match NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f") {
        Ok(at) => Cell::DateTime(
            at.with_second(0)
                .unwrap_or(at)
                .with_nanosecond(0)
                .unwrap_or(at),
        ),
        Err(_) => Cell::Text(text.to_owned()),
    }
}

/// An ODS `time-value` (`PT10H00M00S`, `PT01H30M00,5S`) as a clock cell.
pub fn iso_clock(text: &str) -> Cell {
    let minutes = (|| {
        let rest = text
            .strip_prefix("PT")
            .or_else(|| text.strip_prefix("pt"))?;
        let (hours, rest) = rest.split_once(['H', 'h'])?;
        let (minutes, rest) = rest.split_once(['M', 'm']).unwrap_or(("0", rest));
        let seconds = rest
            .strip_suffix(['S', 's'])
            .unwrap_or("0")
            .replace(',', ".");
        let seconds: f64 = if seconds.is_empty() {
            0.0
        } else {
            seconds.parse().ok()?
        };
        let total = hours.parse::<u32>().ok()? * 60 + minutes.parse::<u32>().ok()?;
        Some(total + (seconds / 60.0).round() as u32)
    })();
    minutes.map_or_else(|| Cell::Text(text.to_owned()), Cell::Clock)
}

/// A day, with or without its year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Day {
    /// `23.06.2020`, `2020-06-23`, `23.6.20`.
    Full(NaiveDate),
    /// `23.06.`: the month and the day; the year is the sheet's.
    NoYear {
        /// The month.
        month: u32,
        /// The day.
        day: u32,
    },
}

impl Day {
    /// The date, in `year` when it names none.
    pub fn in_year(self, year: Option<i32>) -> Option<NaiveDate> {
        match self {
            Day::Full(date) => Some(date),
            Day::NoYear { month, day } => NaiveDate::from_ymd_opt(year?, month, day),
        }
    }
}

/// When something starts or ends, as one cell says it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Moment {
    /// The day, when the cell names one.
    pub day: Option<Day>,
    /// The minute of the day (`24:00` is 1440), when the cell names one.
    pub time: Option<u32>,
    /// The offset from UTC, when the cell names one (`2020-06-23T10:00+02:00`).
    pub offset: Option<FixedOffset>,
}

/// A start or end cell: a clock time, a date and time, or a date; with a second moment when
/// it holds a range (`10:00–11:30`).
pub fn moment(cell: &Cell) -> Option<(Moment, Option<Moment>)> {
    let single = |moment| Some((moment, None));
    match cell {
        Cell::Empty => None,
        Cell::Clock(minutes) => single(Moment {
            time: Some(minutes % DAY),
            ..Moment::default()
        }),
        Cell::Date(date) => single(Moment {
            day: Some(Day::Full(*date)),
            ..Moment::default()
        }),
        Cell::DateTime(at) => single(at_moment(*at)),
        Cell::Number(n) => {
            (0.0..1.0).contains(n).then_some(())?;
            single(Moment {
                time: Some((n * f64::from(DAY)).round() as u32 % DAY),
                ..Moment::default()
            })
        }
        Cell::Text(text) => text_moment(text),
    }
}

fn at_moment(at: NaiveDateTime) -> Moment {
    Moment {
        day: Some(Day::Full(at.date())),
        time: Some(at.hour() * 60 + at.minute()),
        offset: None,
    }
}

/// A start or end typed as text, or a range of two.
fn text_moment(text: &str) -> Option<(Moment, Option<Moment>)> {
    let text = text.trim();
    if let Some(moment) = one_moment(text) {
        return Some((moment, None));
    }
    for dash in ['–', '—', '-'] {
        for (at, _) in text.match_indices(dash) {
            let (from, to) = (&text[..at], &text[at + dash.len_utf8()..]);
            if let (Some(from), Some(to)) = (one_moment(from), one_moment(to))
                && from.time.is_some()
                && to.time.is_some()
            {
                return Some((from, Some(to)));
            }
        }
    }
    None
}

/// One start or end typed as text.
fn one_moment(text: &str) -> Option<Moment> {
    let text = without_uhr(&text.trim().to_lowercase())
        .replace(" am", "am")
        .replace(" pm", "pm");
    if text.is_empty() {
        return None;
    }
    if let Some(moment) = iso_moment(&text) {
        return Some(moment);
    }
    let tokens: Vec<&str> = text
        .split_whitespace()
        .skip_while(|token| is_weekday(token))
        .collect();
    match tokens.as_slice() {
        [one] => clock(one)
            .map(|time| Moment {
                time: Some(time),
                ..Moment::default()
            })
            .or_else(|| {
                day(one).map(|day| Moment {
                    day: Some(day),
                    ..Moment::default()
                })
            }),
        [date, time] => Some(Moment {
            day: Some(day(date)?),
            time: Some(clock(without_uhr(time))?),
            offset: None,
        }),
        _ => None,
    }
}

/// ISO 8601 with `T` or a space, with or without seconds and offset.
fn iso_moment(text: &str) -> Option<Moment> {
    let text = text.replacen(' ', "T", 1).to_uppercase();
    if !text.contains('T') || !text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f%:z",
        "%Y-%m-%dT%H:%M%:z",
        "%Y-%m-%dT%H:%M:%S%.fZ",
    ] {
        let text = if format.ends_with('Z') {
            text.clone()
        } else {
            text.replace('Z', "+00:00")
        };
        if let Ok(at) = DateTime::parse_from_str(&text, format) {
            let local = at.naive_local();
            return (local.second() == 0).then_some(Moment {
                offset: Some(*at.offset()),
                ..at_moment(local)
            });
        }
    }
    for format in ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M"] {
        if let Ok(at) = NaiveDateTime::parse_from_str(&text, format) {
            return (at.second() == 0).then_some(at_moment(at));
        }
    }
    None
}

/// `Di`, `Di.`, `Dienstag,`, `Tue`: a weekday before a date.
fn is_weekday(token: &str) -> bool {
    let word = token.trim_end_matches(['.', ',']);
    !word.is_empty() && word.chars().all(char::is_alphabetic)
}

fn without_uhr(text: &str) -> &str {
    text.trim()
        .strip_suffix("uhr")
        .map_or(text.trim(), str::trim_end)
}

/// A time of day typed as text: `10:00`, `10.00`, `10:00:00`, `10h30`, `10`, `9:30 pm`;
/// `24:00` is the end of the day. The minute of the day.
pub fn clock(text: &str) -> Option<u32> {
    let text = text.trim().to_lowercase();
    let (text, afternoon) = match (text.strip_suffix("am"), text.strip_suffix("pm")) {
        (Some(rest), _) => (rest.trim_end().to_owned(), Some(false)),
        (_, Some(rest)) => (rest.trim_end().to_owned(), Some(true)),
        _ => (text, None),
    };
    let text = text.strip_suffix('h').unwrap_or(&text);
    let number = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())?
    };
    let parts: Vec<&str> = text.split([':', '.', 'h']).collect();
    let (hour, minute) = match parts.as_slice() {
        [hour] => (number(hour)?, 0),
        [hour, minute] if minute.len() == 2 => (number(hour)?, number(minute)?),
        [hour, minute, second] if minute.len() == 2 && number(second)? == 0 => {
            (number(hour)?, number(minute)?)
        }
        _ => return None,
    };
    let hour = match afternoon {
        Some(_) if !(1..=12).contains(&hour) => return None,
        Some(false) => hour % 12,
        Some(true) => hour % 12 + 12,
        None => hour,
    };
    (minute < 60 && (hour < 24 || (hour == 24 && minute == 0))).then_some(hour * 60 + minute)
}

/// A date typed as text: `23.06.2020`, `23.6.20`, `2020-06-23`, `23.06.` (no year).
pub fn day(text: &str) -> Option<Day> {
    let text = text.trim().trim_end_matches(',');
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some(Day::Full(date));
    }
    let parts: Vec<&str> = text.split('.').collect();
    let number = |s: &str, most: usize| -> Option<u32> {
        (!s.is_empty() && s.len() <= most && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())?
    };
    let (day, month, year) = match parts.as_slice() {
        [d, m] | [d, m, ""] => (number(d, 2)?, number(m, 2)?, None),
        [d, m, y] if y.len() == 2 || y.len() == 4 => {
            let year = number(y, 4)? as i32;
            (
                number(d, 2)?,
                number(m, 2)?,
                Some(if y.len() == 2 { 2000 + year } else { year }),
            )
        }
        _ => return None,
    };
    match year {
        Some(year) => NaiveDate::from_ymd_opt(year, month, day).map(Day::Full),
        // 2020 was a leap year: the 29th of February is a day some year.
        None => NaiveDate::from_ymd_opt(2020, month, day).map(|_| Day::NoYear { month, day }),
    }
}

/// A date cell (or a date column's text, which may hold a time too).
pub fn date_cell(cell: &Cell) -> Option<Moment> {
    match cell {
        Cell::Number(n) if *n >= 1.0 => {
            // A serial number in a cell without a date format.
            let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
            let at = epoch.and_time(NaiveTime::MIN)
                + chrono::TimeDelta::minutes((n * f64::from(DAY)).round() as i64);
            Some(at_moment(at))
        }
        Cell::Text(text) => one_moment(text).or_else(|| {
            let tokens: Vec<&str> = text
                .split_whitespace()
                .skip_while(|t| is_weekday(t))
                .collect();
            match tokens.as_slice() {
                [one] => day(one).map(|day| Moment {
                    day: Some(day),
                    ..Moment::default()
                }),
                _ => None,
            }
        }),
        cell => moment(cell).map(|(moment, _)| moment),
    }
}

/// The unit a bare number of a duration column is in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Unit {
    /// Minutes (what a bare number is without a unit).
    #[default]
    Minutes,
    /// Hours (`Dauer (h)`, `Duration (hours)`).
    Hours,
}

impl Unit {
    /// The unit a word names: `Minuten`, `min`, `h`, `Std.`, `hours` …
    pub fn named(word: &str) -> Option<Self> {
        match super::folded(word).as_str() {
            "m" | "min" | "mins" | "minute" | "minuten" | "minutes" => Some(Unit::Minutes),
            "h" | "hr" | "hrs" | "std" | "stunde" | "stunden" | "hour" | "hours" => {
                Some(Unit::Hours)
            }
            _ => None,
        }
    }

    fn suffix(self) -> &'static str {
        match self {
            Unit::Minutes => "m",
            Unit::Hours => "h",
        }
    }
}

/// A duration cell in minutes: `90`, `1:30`, `1,5 h`, `1.5h`, `90 min`, `1 Std. 30 Min.`,
/// and all forms of the week file (`90m`, `1h30m`, `PT1H30M`); a bare number in `unit`.
pub fn duration(cell: &Cell, unit: Unit) -> Option<u32> {
    let minutes = match cell {
        Cell::Clock(minutes) => *minutes,
        Cell::Number(n) => {
            let minutes = match unit {
                Unit::Minutes => *n,
                Unit::Hours => n * 60.0,
            };
            let whole = minutes.round();
            ((minutes - whole).abs() < 1e-6 && whole >= 0.0).then_some(whole as u32)?
        }
        Cell::Text(text) => text_duration(text, unit)?,
        // A date-formatted cell holding a duration: Excel's time of day past 24 hours.
        Cell::DateTime(_) | Cell::Date(_) | Cell::Empty => return None,
    };
    Duration::from_minutes(minutes).map(Duration::minutes)
}

fn text_duration(text: &str, unit: Unit) -> Option<u32> {
    let text = text.trim().to_lowercase();
    let bare = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
            && s.bytes().filter(|b| !b.is_ascii_digit()).count() <= 1
    };
    if bare(&text) {
        return parsed(&format!("{text}{}", unit.suffix()));
    }
    let parts: Vec<&str> = text.split(':').collect();
    if let [hours, minutes] | [hours, minutes, "00"] = parts.as_slice()
        && minutes.len() == 2
    {
        let number = |s: &str| {
            s.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| s.parse::<u32>().ok())?
        };
        let minutes = number(minutes).filter(|m| *m < 60)?;
        return Some(number(hours)?.checked_mul(60)? + minutes);
    }
    parsed(&text).or_else(|| parsed(&with_units(&text)?))
}

fn parsed(text: &str) -> Option<u32> {
    Duration::parse(text).ok().map(Duration::minutes)
}

/// `1 Std. 30 Min.` → `1h30m`: unit words as the week file's `h` and `m`.
fn with_units(text: &str) -> Option<String> {
    let mut out = String::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        let split = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(rest.len());
        let (number, tail) = rest.split_at(split);
        if number.is_empty() {
            return None;
        }
        let tail = tail.trim_start();
        let word_end = tail
            .find(|c: char| !(c.is_alphabetic() || c == '.'))
            .unwrap_or(tail.len());
        let (word, tail) = tail.split_at(word_end);
        let unit = Unit::named(word.trim_end_matches('.'))?;
        out.push_str(number);
        out.push_str(unit.suffix());
        rest = tail.trim_start();
    }
    Some(out)
}

/// `date` at `minute` of the day as a local date and time; `24:00` is the next midnight.
pub fn local(date: NaiveDate, minute: u32) -> NaiveDateTime {
    date.and_time(NaiveTime::MIN) + chrono::TimeDelta::minutes(i64::from(minute))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Cell {
        Cell::Text(s.to_owned())
    }

    #[test]
    fn durations_as_organisers_type_them() {
        let cases = [
            ("90", Unit::Minutes, Some(90)),
            ("1:30", Unit::Minutes, Some(90)),
            ("1,5 h", Unit::Minutes, Some(90)),
            ("1.5h", Unit::Minutes, Some(90)),
            ("90 min", Unit::Minutes, Some(90)),
            ("90 Min.", Unit::Hours, Some(90)),
            ("1 Std. 30 Min.", Unit::Minutes, Some(90)),
            ("2 Stunden", Unit::Minutes, Some(120)),
            ("1h30m", Unit::Minutes, Some(90)),
            ("PT1H30M", Unit::Minutes, Some(90)),
            ("1,5", Unit::Hours, Some(90)),
            ("2", Unit::Hours, Some(120)),
            ("1,5", Unit::Minutes, None),
            ("0", Unit::Minutes, None),
            ("25 h", Unit::Minutes, None),
            ("lang", Unit::Minutes, None),
            ("1:75", Unit::Minutes, None),
        ];
        for (typed, unit, minutes) in cases {
            assert_eq!(duration(&text(typed), unit), minutes, "{typed} in {unit:?}");
        }
        assert_eq!(duration(&Cell::Number(1.5), Unit::Hours), Some(90));
        assert_eq!(duration(&Cell::Clock(90), Unit::Hours), Some(90));
    }

    #[test]
    fn times_and_dates_as_organisers_type_them() {
        for (typed, minute) in [
            ("10:00", Some(600)),
            ("10.00", Some(600)),
            ("10:00:00", Some(600)),
            ("9:30 pm", Some(21 * 60 + 30)),
            ("10", Some(600)),
            ("24:00", Some(1440)),
            ("10:5", None),
            ("25:00", None),
            ("10:00:30", None),
        ] {
            assert_eq!(clock(typed), minute, "{typed}");
        }
        let full = |y, m, d| Some(Day::Full(NaiveDate::from_ymd_opt(y, m, d).unwrap()));
        assert_eq!(day("23.06.2020"), full(2020, 6, 23));
        assert_eq!(day("23.6.20"), full(2020, 6, 23));
        assert_eq!(day("2020-06-23"), full(2020, 6, 23));
        assert_eq!(day("23.06."), Some(Day::NoYear { month: 6, day: 23 }));
        assert_eq!(day("31.06.2020"), None);
        assert_eq!(day("2020-6"), None);
    }

    #[test]
    fn a_start_cell_may_hold_a_date_an_offset_or_a_range() {
        let (m, end) = moment(&text("Di., 23.06.2020 10 Uhr")).unwrap();
        assert_eq!((m.day, m.time, end), (day("23.06.2020"), Some(600), None));
        let (m, _) = moment(&text("2020-06-23T10:00+02:00")).unwrap();
        assert_eq!(m.offset, FixedOffset::east_opt(7200));
        let (m, end) = moment(&text("10:00–11:30")).unwrap();
        assert_eq!((m.time, end.unwrap().time), (Some(600), Some(690)));
        let (m, end) = moment(&text("23.06.2020 10:00 - 11:30")).unwrap();
        assert_eq!((m.day.is_some(), end.unwrap().time), (true, Some(690)));
        assert_eq!(moment(&text("bald")), None);
    }

    #[test]
    fn excel_serials_are_dates_times_and_lengths() {
        let at = NaiveDate::from_ymd_opt(2020, 6, 23)
            .unwrap()
            .and_hms_milli_opt(9, 59, 59, 999);
        assert_eq!(
            serial(at, 44005.4166666, false),
            Cell::DateTime(
                NaiveDate::from_ymd_opt(2020, 6, 23)
                    .unwrap()
                    .and_hms_opt(10, 0, 0)
                    .unwrap()
            )
        );
        assert_eq!(serial(None, 0.0625, false), Cell::Clock(90));
        assert_eq!(serial(None, 1.0625, true), Cell::Clock(1530));
        assert_eq!(iso_clock("PT01H30M00S"), Cell::Clock(90));
        assert_eq!(
            iso_date("2020-06-23"),
            Cell::Date(NaiveDate::from_ymd_opt(2020, 6, 23).unwrap())
        );
    }
}
