//! Every word a user reads, in German and English.
//!
//! The words live in Project Fluent catalogues, `locales/<language>/fora.ftl`, which a
//! translator edits without touching Rust; they are built into the binary. Code asks for a
//! message with [`t!`], whose ids and arguments are checked against the English catalogue
//! when the crate compiles (i18n-embed-fl's `fl!`), and a test keeps the German one complete.
//! Numbers and dates follow the language: `15,5 Std.`, `23. Juni 2020`; the date patterns
//! are messages of the catalogue too.

mod render;

use std::sync::LazyLock;

use chrono::{Locale, NaiveDate};
use fluent::FluentValue;
use i18n_embed::LanguageLoader;
use i18n_embed::fluent::FluentLanguageLoader;
use rust_embed::RustEmbed;

use crate::model::Language;

pub use render::{Render, plain};

#[derive(RustEmbed)]
#[folder = "src/text/locales"]
struct Locales;

/// One loader a language, each holding that language's catalogue alone (with English
/// behind it), so that output in two languages (tests, or a German table of an English
/// week) never mixes them.
static GERMAN: LazyLock<FluentLanguageLoader> = LazyLock::new(|| load(Language::De));
static ENGLISH: LazyLock<FluentLanguageLoader> = LazyLock::new(|| load(Language::En));

fn load(language: Language) -> FluentLanguageLoader {
    let loader: FluentLanguageLoader = i18n_embed::fluent::fluent_language_loader!();
    let id: unic_langid::LanguageIdentifier =
        language.code().parse().expect("de and en are language ids");
    loader
        .load_languages(&Locales, &[id])
        .expect("the catalogues are built into the binary");
    // Fluent wraps arguments in bidi isolation marks by default; terminals show them as junk.
    loader.set_use_isolating(false);
    loader.with_bundles_mut(|bundle| {
        bundle.set_formatter(Some(match language {
            Language::De => |value, _| formatted(value, Language::De),
            Language::En => |value, _| formatted(value, Language::En),
        }));
    });
    loader
}

/// The loader of `language`'s catalogue, for [`t!`].
pub fn loader(language: Language) -> &'static FluentLanguageLoader {
    match language {
        Language::De => &GERMAN,
        Language::En => &ENGLISH,
    }
}

/// The message `id` of the catalogue in `language`, with arguments: `t!(language, "id")`,
/// `t!(language, "id", count = 3, forum = id)`.
macro_rules! t {
    ($language:expr, $($message:tt)+) => {
        i18n_embed_fl::fl!($crate::text::loader($language), $($message)+)
    };
}
pub(crate) use t;

/// How Fluent shows a number argument: as [`number`] does.
fn formatted(value: &FluentValue, language: Language) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(number(language, n.value)),
        _ => None,
    }
}

/// A number as the language writes it: at most two decimals, the decimal comma in German,
/// and thousands grouped from five digits on (`20.000`, `20,000`; `1000` stays).
pub fn number(language: Language, value: f64) -> String {
    let (point, group) = match language {
        Language::De => (',', '.'),
        Language::En => ('.', ','),
    };
    let hundredths = (value.abs() * 100.0).round() as u64;
    let (whole, fraction) = (hundredths / 100, hundredths % 100);
    let digits = whole.to_string();
    let mut text = String::with_capacity(digits.len() + 6);
    if value < 0.0 && hundredths > 0 {
        text.push('-');
    }
    for (i, digit) in digits.chars().enumerate() {
        if digits.len() >= 5 && i > 0 && (digits.len() - i).is_multiple_of(3) {
            text.push(group);
        }
        text.push(digit);
    }
    match fraction {
        0 => {}
        f if f % 10 == 0 => text.extend([point, char::from(b'0' + (f / 10) as u8)]),
        f => text.push_str(&format!("{point}{f:02}")),
    }
    text
}

/// Minutes as hours, the way the language writes them: `15,5 Std.`, `15.5 h`.
pub fn hours(language: Language, minutes: u64) -> String {
    t!(language, "hours", hours = (minutes as f64 / 60.0))
}

/// How a date is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateStyle {
    /// `Dienstag, 23. Juni 2020` / `Tuesday, 23 June 2020`: a day's heading.
    Heading,
    /// `23. Juni 2020` / `23 June 2020`.
    Long,
    /// `23.06.2020` / `2020-06-23`: in findings and messages.
    Numeric,
    /// `Di 23.06.2020` / `Tue 2020-06-23`: the days of a summary.
    WeekdayNumeric,
    /// `Di 23.06.` / `Tue 23 Jun`: times in a table of changes.
    WeekdayShort,
}

/// `date` in the language's `style`.
pub fn date(language: Language, date: NaiveDate, style: DateStyle) -> String {
    date.format_localized(&date_pattern(language, style), locale(language))
        .to_string()
}

/// A date-time's date in the language's `style`, then its time: `23.06.2020 10:00`.
pub fn date_time(language: Language, at: chrono::NaiveDateTime, style: DateStyle) -> String {
    format!(
        "{} {}",
        date(language, at.date(), style),
        at.format("%H:%M")
    )
}

/// A stretch of the week's clock as people read it: `Di 23.06.` (a whole day),
/// `Di 23.06. 09:00–12:00`, `Di 23.06. 18:00 – Mi 24.06. 12:00`.
pub fn interval(language: Language, interval: crate::model::Interval) -> String {
    let day = |at: chrono::NaiveDateTime| date(language, at.date(), DateStyle::WeekdayShort);
    let (from, to) = (interval.from, interval.to);
    let midnight = |at: chrono::NaiveDateTime| at.time() == chrono::NaiveTime::MIN;
    if midnight(from) && midnight(to) && to.date() == from.date().succ_opt().unwrap_or_default() {
        return day(from);
    }
    if to.date() == from.date()
        || (midnight(to) && to.date() == from.date().succ_opt().unwrap_or_default())
    {
        let end = if midnight(to) {
            "24:00".to_owned()
        } else {
            to.format("%H:%M").to_string()
        };
        return format!("{} {}–{end}", day(from), from.format("%H:%M"));
    }
    format!(
        "{} {} – {} {}",
        day(from),
        from.format("%H:%M"),
        day(to),
        to.format("%H:%M")
    )
}

/// Stretches of time joined as a list: `Di 23.06. 09:00–12:00, Mi 24.06.`.
pub fn intervals(language: Language, intervals: &[crate::model::Interval]) -> String {
    let parts: Vec<String> = intervals.iter().map(|&i| interval(language, i)).collect();
    parts.join(", ")
}

/// The strftime pattern of `style`, from the catalogue.
pub fn date_pattern(language: Language, style: DateStyle) -> String {
    match style {
        DateStyle::Heading => t!(language, "date-heading"),
        DateStyle::Long => t!(language, "date-long"),
        DateStyle::Numeric => t!(language, "date-numeric"),
        DateStyle::WeekdayNumeric => t!(language, "date-weekday-numeric"),
        DateStyle::WeekdayShort => t!(language, "date-weekday-short"),
    }
}

/// chrono's names of days and months for `language`.
pub fn locale(language: Language) -> Locale {
    match language {
        Language::De => Locale::de_DE,
        Language::En => Locale::en_GB,
    }
}

impl Language {
    /// The language of the environment, as POSIX chooses it: the first of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` that is set and not empty; `None` when it is not German or
    /// English (`C` and `POSIX` are English).
    pub fn from_env() -> Option<Self> {
        let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(std::env::var_os)
            .find(|v| !v.is_empty())?;
        let value = value.to_string_lossy();
        let code = value.split(['_', '.', '@', '-']).next().unwrap_or_default();
        match code {
            "C" | "POSIX" => Some(Self::En),
            code => Self::parse(code),
        }
    }

    /// The language output is written in: the one asked for (`--lang`), else the week
    /// file's, else the environment's, else English.
    pub fn resolve(asked: Option<Self>, file: Option<Self>) -> Self {
        asked.or(file).or_else(Self::from_env).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_in_each_language() {
        assert_eq!(number(Language::De, 15.5), "15,5");
        assert_eq!(number(Language::En, 15.5), "15.5");
        assert_eq!(number(Language::De, 100.0 / 60.0), "1,67");
        assert_eq!(number(Language::En, 4.0), "4");
        assert_eq!(number(Language::De, 20_000.0), "20.000");
        assert_eq!(number(Language::En, 1_234_567.0), "1,234,567");
        assert_eq!(number(Language::En, 1000.0), "1000");
        assert_eq!(number(Language::De, 0.75), "0,75");
        assert_eq!(number(Language::En, -3.0), "-3");
    }

    #[test]
    fn hours_and_dates_follow_the_language() {
        assert_eq!(hours(Language::De, 930), "15,5 Std.");
        assert_eq!(hours(Language::En, 930), "15.5 h");
        let day = NaiveDate::from_ymd_opt(2020, 6, 23).unwrap();
        assert_eq!(
            date(Language::De, day, DateStyle::Heading),
            "Dienstag, 23. Juni 2020"
        );
        assert_eq!(
            date(Language::En, day, DateStyle::Heading),
            "Tuesday, 23 June 2020"
        );
        assert_eq!(date(Language::De, day, DateStyle::Long), "23. Juni 2020");
        assert_eq!(date(Language::De, day, DateStyle::Numeric), "23.06.2020");
        assert_eq!(date(Language::En, day, DateStyle::Numeric), "2020-06-23");
        assert_eq!(
            date(Language::De, day, DateStyle::WeekdayShort),
            "Di 23.06."
        );
        assert_eq!(
            date(Language::En, day, DateStyle::WeekdayNumeric),
            "Tue 2020-06-23"
        );
    }
}
