//! Durations as organisers write them: `90m`, `1h30m`, `1.5h`, `PT1H30M` or a number of minutes.

use std::fmt;

/// The length of a forum or a gap, in whole minutes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Duration(u32);

/// The longest duration a forum may have: one day.
pub const MAX_MINUTES: u32 = 24 * 60;

/// Why a text or number is not a duration; each names the value as it was given. Its
/// words are in the catalogue (`text`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DurationError {
    /// It does not read as one at all.
    Unreadable(String),
    /// It has seconds left over.
    NotWholeMinutes(String),
    /// It is 0 or less.
    TooShort(String),
    /// It is more than a day.
    TooLong(String),
}

impl Duration {
    /// A duration of `minutes` minutes, if it is more than 0 and at most 24 hours.
    pub fn from_minutes(minutes: u32) -> Option<Self> {
        (1..=MAX_MINUTES)
            .contains(&minutes)
            .then_some(Self(minutes))
    }

    /// The whole minutes.
    pub fn minutes(self) -> u32 {
        self.0
    }

    /// The duration as RFC 5545 writes it (3.3.6): `PT1H30M`, `PT45M`, `PT6H`.
    pub fn to_rfc5545(self) -> String {
        let (hours, minutes) = (self.0 / 60, self.0 % 60);
        match (hours, minutes) {
            (0, m) => format!("PT{m}M"),
            (h, 0) => format!("PT{h}H"),
            (h, m) => format!("PT{h}H{m}M"),
        }
    }

    /// The same length as a chrono time delta.
    pub fn to_time_delta(self) -> chrono::TimeDelta {
        chrono::TimeDelta::minutes(i64::from(self.0))
    }

    /// Reads `"90m"`, `"1h30m"`, `"2h"`, `"1.5h"`, `"PT1H30M"` or `"90"` (minutes).
    pub fn parse(text: &str) -> Result<Self, DurationError> {
        let trimmed = text.trim();
        // "45m", the form most week files use, without the general reader.
        if let Some(digits) = trimmed.strip_suffix('m')
            && (1..=4).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit())
            && let Some(duration) = digits.parse().ok().and_then(Self::from_minutes)
        {
            return Ok(duration);
        }
        let seconds = if trimmed.bytes().all(|b| b.is_ascii_digit()) && !trimmed.is_empty() {
            parse_decimal(trimmed).map(|m| m * 60)
        } else if let Some(iso) = trimmed
            .strip_prefix("PT")
            .or_else(|| trimmed.strip_prefix("pt"))
        {
            parse_units(iso, true)
        } else {
            parse_units(trimmed, false)
        };
        let Some(seconds) = seconds else {
            return Err(DurationError::Unreadable(text.to_owned()));
        };
        Self::from_seconds(seconds, text)
    }

    /// Reads a JSON number of minutes.
    pub fn from_number(number: &serde_json::Number) -> Result<Self, DurationError> {
        let text = number.to_string();
        if let Some(minutes) = number.as_u64() {
            return Self::from_seconds(u128::from(minutes) * 60, &text);
        }
        match number.as_f64() {
            Some(f) if f.fract() != 0.0 => Err(DurationError::NotWholeMinutes(text)),
            Some(f) if f > 0.0 && f <= f64::from(MAX_MINUTES) => {
                Self::from_seconds(f as u128 * 60, &text)
            }
            Some(f) if f > 0.0 => Err(DurationError::TooLong(text)),
            _ => Err(DurationError::TooShort(text)),
        }
    }

    // `seconds` is exact: u128 so that no input overflows before the range check.
    fn from_seconds(seconds: u128, text: &str) -> Result<Self, DurationError> {
        if !seconds.is_multiple_of(60) {
            return Err(DurationError::NotWholeMinutes(text.to_owned()));
        }
        let minutes = seconds / 60;
        if minutes == 0 {
            return Err(DurationError::TooShort(text.to_owned()));
        }
        u32::try_from(minutes)
            .ok()
            .and_then(Self::from_minutes)
            .ok_or_else(|| DurationError::TooLong(text.to_owned()))
    }
}

/// `"12"` → 12, exactly; `None` when it does not fit.
fn parse_decimal(digits: &str) -> Option<u128> {
    if digits.len() > 30 {
        return None;
    }
    digits.parse().ok()
}

/// Reads a sequence of `<number><unit>` parts, units h, m (and s for ISO 8601), each at most once
/// and in that order, into exact seconds. Numbers may have a decimal part (`1.5h`).
fn parse_units(text: &str, iso: bool) -> Option<u128> {
    const UNITS: [(char, u128); 3] = [('h', 3600), ('m', 60), ('s', 1)];
    let mut rest = text;
    let mut total: u128 = 0;
    let mut next_unit = 0;
    let mut any = false;
    while !rest.is_empty() {
        let number_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(rest.len());
        let (number, tail) = rest.split_at(number_len);
        let unit = tail.chars().next()?.to_ascii_lowercase();
        let position = UNITS[next_unit..].iter().position(|(u, _)| *u == unit)? + next_unit;
        if unit == 's' && !iso {
            return None;
        }
        total = total.checked_add(scaled(number, UNITS[position].1)?)?;
        next_unit = position + 1;
        rest = tail[1..].trim_start();
        any = true;
    }
    any.then_some(total)
}

/// `number` (like `1.5`, or `1,5` as Germans write it) times `scale`, exactly,
/// or `None` when the product is not a whole number of seconds.
fn scaled(number: &str, scale: u128) -> Option<u128> {
    let (whole, fraction) = match number.split_once(['.', ',']) {
        Some((w, f)) => (w, f),
        None => (number, ""),
    };
    if whole.is_empty() && fraction.is_empty() || fraction.len() > 9 {
        return None;
    }
    if !(whole.bytes().all(|b| b.is_ascii_digit()) && fraction.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let whole = if whole.is_empty() {
        0
    } else {
        parse_decimal(whole)?
    };
    let denominator = 10u128.pow(fraction.len() as u32);
    let numerator = if fraction.is_empty() {
        0
    } else {
        parse_decimal(fraction)?
    };
    let fraction_scaled = numerator * scale;
    if !fraction_scaled.is_multiple_of(denominator) {
        return None;
    }
    whole
        .checked_mul(scale)?
        .checked_add(fraction_scaled / denominator)
}

impl fmt::Display for Duration {
    /// Writes the duration the way a week file would: `45m`, `2h`, `1h30m`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (hours, minutes) = (self.0 / 60, self.0 % 60);
        match (hours, minutes) {
            (0, m) => write!(f, "{m}m"),
            (h, 0) => write!(f, "{h}h"),
            (h, m) => write!(f, "{h}h{m}m"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minutes(text: &str) -> Result<u32, DurationError> {
        Duration::parse(text).map(Duration::minutes)
    }

    #[test]
    fn accepts_every_documented_form() {
        for (text, expected) in [
            ("90m", 90),
            ("1h30m", 90),
            ("1h 30m", 90),
            ("2h", 120),
            ("1.5h", 90),
            ("1,5h", 90),
            ("0.25h", 15),
            ("PT1H30M", 90),
            ("PT90M", 90),
            ("PT2H", 120),
            ("PT5400S", 90),
            ("90", 90),
            ("24h", 1440),
            ("1H30M", 90),
        ] {
            assert_eq!(minutes(text), Ok(expected), "{text}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_whole_positive_day_or_less() {
        for text in [
            "",
            "m",
            "h",
            "1.5",
            "abc",
            "30x",
            "1m30h",
            "1h1h",
            "90s",
            "PT",
            "1.33h",
            "PT30S",
            "0m",
            "0",
            "25h",
            "1441",
            "-5m",
            "1..5h",
            ".h",
            "99999999999999999999999999999999999h",
        ] {
            assert!(minutes(text).is_err(), "{text} should be rejected");
        }
    }

    #[test]
    fn errors_name_the_value_and_what_is_wrong() {
        assert_eq!(minutes("30x"), Err(DurationError::Unreadable("30x".into())));
        assert_eq!(
            minutes("1.33h"),
            Err(DurationError::NotWholeMinutes("1.33h".into()))
        );
        assert_eq!(minutes("25h"), Err(DurationError::TooLong("25h".into())));
        assert_eq!(minutes("0m"), Err(DurationError::TooShort("0m".into())));
    }

    #[test]
    fn numbers_are_minutes() {
        let number = |v: serde_json::Value| match v {
            serde_json::Value::Number(n) => Duration::from_number(&n).map(Duration::minutes),
            _ => unreachable!(),
        };
        assert_eq!(number(serde_json::json!(90)), Ok(90));
        assert!(number(serde_json::json!(90.5)).is_err());
        assert!(number(serde_json::json!(0)).is_err());
        assert!(number(serde_json::json!(-3)).is_err());
        assert!(number(serde_json::json!(2000)).is_err());
    }

    #[test]
    fn displays_like_the_file() {
        for (m, text) in [(45, "45m"), (120, "2h"), (90, "1h30m")] {
            assert_eq!(Duration::from_minutes(m).unwrap().to_string(), text);
        }
    }

    #[test]
    fn minutes_read_fast_as_the_general_reader_does() {
        for text in [
            "45m", "1440m", "1441m", "0m", "00m", "007m", "12345m", " 90m ",
        ] {
            let general = parse_units(text.trim(), false)
                .ok_or(())
                .and_then(|s| Duration::from_seconds(s, text).map_err(|_| ()));
            assert_eq!(Duration::parse(text).ok(), general.ok(), "{text}");
        }
    }
}
