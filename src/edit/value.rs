//! Values as organisers type them on the command line, read into what the week file holds.
//! One reader for every `set`, so `6,5` means the same in `rules set` as in `expect set`.
//!
//! - **Decimals** (`max_hours_per_day`, `hours`): `6,5` (German) or `6.5`, at most one
//!   separator, which is always the decimal one; no thousands grouping (`1.500` is 1.5).
//!   An `h` after the number is allowed: `6,5h`.
//! - **Counts** (`registrations`, `capacity`, `fora` …): `120`; also grouped in threes as
//!   `1.200`, `1 200`, `1'200` or `1,200`. A count has no fraction, so a separator followed
//!   by exactly three digits can only group thousands; anything else (`1,5`, `1.20`, `12.000.0`)
//!   is refused rather than guessed.
//! - **Durations**: every form [`Duration::parse`] reads (`15m`, `1h30m`, `1,5h`, `PT15M`,
//!   `90`); a gap may also be `0m` (none).
//! - **Yes and no**: `true`/`false`, `yes`/`no`, `ja`/`nein`, in any case.
//! - **Times of day**: `09:00` or `9:00`, `24:00` for the end of the day.

use chrono::NaiveDate;

use crate::error::ValueError;
use crate::model::{DayTime, Duration, DurationError, Interval, Preference};

/// A decimal number such as `6,5` or `6.5` (an `h` after it allowed).
pub fn decimal(text: &str) -> Result<f64, ValueError> {
    let refuse = || ValueError::Decimal(text.to_owned());
    let trimmed = text.trim();
    let number = trimmed
        .strip_suffix(['h', 'H'])
        .map_or(trimmed, str::trim_end);
    let (whole, fraction) = match number.split_once([',', '.']) {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (number, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || fraction.is_some_and(|f| !digits(f)) {
        return Err(refuse());
    }
    let value: f64 = match fraction {
        Some(fraction) => format!("{whole}.{fraction}").parse(),
        None => whole.parse(),
    }
    .map_err(|_| refuse())?;
    value.is_finite().then_some(value).ok_or_else(refuse)
}

/// A whole number: `120`, or grouped in threes (`1.200`, `1 200`, `1'200`, `1,200`).
pub fn count(text: &str) -> Result<u64, ValueError> {
    let refuse = || ValueError::Count(text.to_owned());
    let trimmed = text.trim();
    let separator = trimmed.chars().find(|c| !c.is_ascii_digit());
    let digits: String = match separator {
        None => trimmed.to_owned(),
        Some(separator) if matches!(separator, '.' | ',' | ' ' | '\'' | '\u{a0}' | '\u{202f}') => {
            let groups: Vec<&str> = trimmed.split(separator).collect();
            let first = groups[0];
            let grouped = (1..=3).contains(&first.len())
                && groups[1..].iter().all(|g| g.len() == 3)
                && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
            if !grouped {
                return Err(refuse());
            }
            groups.concat()
        }
        Some(_) => return Err(refuse()),
    };
    if digits.is_empty() {
        return Err(refuse());
    }
    digits.parse().map_err(|_| refuse())
}

/// Yes or no: `true`/`false`, `yes`/`no`, `ja`/`nein`, in any case.
pub fn boolean(text: &str) -> Result<bool, ValueError> {
    match text.trim().to_lowercase().as_str() {
        "true" | "yes" | "ja" => Ok(true),
        "false" | "no" | "nein" => Ok(false),
        _ => Err(ValueError::Boolean(text.to_owned())),
    }
}

/// A time of day, `09:00` (or `9:00`); `24:00` is the end of the day.
pub fn day_time(text: &str) -> Result<DayTime, ValueError> {
    let trimmed = text.trim();
    let padded = match trimmed.split_once(':') {
        Some((hours, minutes)) if hours.len() == 1 => format!("0{hours}:{minutes}"),
        _ => trimmed.to_owned(),
    };
    (padded.len() == 5)
        .then(|| DayTime::parse(&padded))
        .flatten()
        .ok_or_else(|| ValueError::DayTime(text.to_owned()))
}

/// Stretches of time separated by commas (`2020-06-23,2020-06-24T09:00/12:00`), each in
/// the shortest form the week file writes it.
pub fn intervals(text: &str) -> Result<Vec<String>, ValueError> {
    listed(text)
        .map(|item| {
            Interval::parse(item)
                .map(|i| i.to_string())
                .ok_or_else(|| ValueError::Interval(item.to_owned()))
        })
        .collect()
}

/// Wishes of when a forum runs separated by commas (`vormittags,2020-06-24`), as the week
/// file writes them (`morning`).
pub fn preferences(text: &str) -> Result<Vec<String>, ValueError> {
    listed(text)
        .map(|item| {
            Preference::parse(item)
                .map(|p| p.to_string())
                .ok_or_else(|| ValueError::Preference(item.to_owned()))
        })
        .collect()
}

/// The items of a list typed with commas, trimmed; empty ones left out.
pub fn listed(text: &str) -> impl Iterator<Item = &str> {
    text.split(',').map(str::trim).filter(|i| !i.is_empty())
}

/// A duration in any form [`Duration::parse`] reads.
pub fn duration(text: &str) -> Result<Duration, ValueError> {
    Duration::parse(text).map_err(ValueError::Duration)
}

/// The least gap between fora: a duration, or none at all (`0m`, `0`), which is `None`.
pub fn gap(text: &str) -> Result<Option<Duration>, ValueError> {
    match Duration::parse(text) {
        Ok(gap) => Ok(Some(gap)),
        // Only zero is too short: the reader takes no sign.
        Err(DurationError::TooShort(_)) => Ok(None),
        Err(error) => Err(ValueError::Duration(error)),
    }
}

/// A day, `2020-06-23`.
pub fn date(text: &str) -> Result<NaiveDate, ValueError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| ValueError::Date(text.to_owned()))
}

/// A join link attendees can click: an absolute `https://` or `http://` URL.
pub fn link(text: &str) -> Result<String, ValueError> {
    let url = text.trim();
    crate::rules::link(url).map_err(|problem| ValueError::Link {
        url: url.to_owned(),
        problem,
    })?;
    Ok(url.to_owned())
}

/// A number as a week file writes it: whole numbers without a fraction (`6`, not `6.0`).
pub fn json_number(value: f64) -> serde_json::Value {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        serde_json::Value::from(value as i64)
    } else {
        serde_json::Value::from(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_take_the_comma_and_the_point() {
        assert_eq!(decimal("6,5"), Ok(6.5));
        assert_eq!(decimal("6.5"), Ok(6.5));
        assert_eq!(decimal(" 15,5 "), Ok(15.5));
        assert_eq!(decimal("6"), Ok(6.0));
        assert_eq!(decimal("6,5h"), Ok(6.5));
        assert_eq!(decimal("1.500"), Ok(1.5));
        for bad in [
            "abc", "", "6,5,5", "1.200,5", ",5", "6,", "-1", "6 h x", "1e3", "NaN",
        ] {
            assert_eq!(decimal(bad), Err(ValueError::Decimal(bad.into())), "{bad}");
        }
    }

    #[test]
    fn counts_take_groups_of_three_and_nothing_ambiguous() {
        assert_eq!(count("120"), Ok(120));
        assert_eq!(count("1.200"), Ok(1200));
        assert_eq!(count("1 200"), Ok(1200));
        assert_eq!(count("1\u{202f}200"), Ok(1200));
        assert_eq!(count("1'200'000"), Ok(1_200_000));
        assert_eq!(count("1,200"), Ok(1200));
        assert_eq!(count("0"), Ok(0));
        for bad in [
            "abc",
            "",
            "1,5",
            "1.20",
            "1.2000",
            "1.200,000",
            "1200.000.0",
            "-3",
            "12.5",
            "1..200",
            ".200",
            "99999999999999999999999",
        ] {
            assert_eq!(count(bad), Err(ValueError::Count(bad.into())), "{bad}");
        }
    }

    #[test]
    fn counts_agree_with_the_digits_left_when_the_separators_go() {
        // An oracle: a grouped count is the number its digits spell.
        for n in [0u64, 7, 999, 1000, 1200, 65_536, 1_000_000, 123_456_789] {
            let plain = n.to_string();
            let mut grouped = String::new();
            for (i, c) in plain.chars().enumerate() {
                if i > 0 && (plain.len() - i) % 3 == 0 {
                    grouped.push('.');
                }
                grouped.push(c);
            }
            assert_eq!(count(&grouped), Ok(n), "{grouped}");
            assert_eq!(count(&grouped.replace('.', " ")), Ok(n));
        }
    }

    #[test]
    fn yes_and_no_in_both_languages() {
        for yes in ["true", "YES", "Ja", "ja"] {
            assert_eq!(boolean(yes), Ok(true));
        }
        for no in ["false", "No", "NEIN"] {
            assert_eq!(boolean(no), Ok(false));
        }
        assert_eq!(
            boolean("vielleicht"),
            Err(ValueError::Boolean("vielleicht".into()))
        );
    }

    #[test]
    fn times_of_day_and_gaps() {
        assert_eq!(day_time("9:00").map(DayTime::minutes), Ok(540));
        assert_eq!(day_time("24:00").map(DayTime::minutes), Ok(1440));
        assert_eq!(day_time("9 Uhr"), Err(ValueError::DayTime("9 Uhr".into())));
        assert_eq!(
            intervals(" 2020-06-23 , 2020-06-24 09:00/12:00,"),
            Ok(vec!["2020-06-23".into(), "2020-06-24T09:00/12:00".into()])
        );
        assert_eq!(
            intervals("2020-06-23,morgen"),
            Err(ValueError::Interval("morgen".into()))
        );
        assert_eq!(
            preferences("vormittags, 10:00/12:00"),
            Ok(vec!["morning".into(), "10:00/12:00".into()])
        );
        assert_eq!(
            preferences("abends"),
            Err(ValueError::Preference("abends".into()))
        );
        assert_eq!(day_time("9:0"), Err(ValueError::DayTime("9:0".into())));
        assert_eq!(gap("0m"), Ok(None));
        assert_eq!(gap("0"), Ok(None));
        assert_eq!(gap("1,5h").map(|g| g.map(Duration::minutes)), Ok(Some(90)));
        assert!(matches!(gap("zehn"), Err(ValueError::Duration(_))));
        assert_eq!(duration("PT15M").map(Duration::minutes), Ok(15));
    }

    #[test]
    fn links_are_web_addresses() {
        assert_eq!(
            link(" https://zoom.us/j/1 "),
            Ok("https://zoom.us/j/1".into())
        );
        assert_eq!(
            link("zoom.us/j/123"),
            Err(ValueError::Link {
                url: "zoom.us/j/123".into(),
                problem: crate::rules::BadLink::NoScheme
            })
        );
    }

    #[test]
    fn numbers_are_written_as_json_writes_them() {
        assert_eq!(json_number(6.0).to_string(), "6");
        assert_eq!(json_number(6.5).to_string(), "6.5");
    }
}
