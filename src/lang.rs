//! Words and number formats of the output languages.

use chrono::{Locale, NaiveDate};

use crate::check::hours;
use crate::model::Language;

impl Language {
    fn locale(self) -> Locale {
        match self {
            Language::De => Locale::de_DE,
            Language::En => Locale::en_GB,
        }
    }

    /// "Dienstag, 23. Juni 2020" / "Tuesday, 23 June 2020".
    pub fn day_heading(self, date: NaiveDate) -> String {
        let format = match self {
            Language::De => "%A, %-d. %B %Y",
            Language::En => "%A, %-d %B %Y",
        };
        date.format_localized(format, self.locale()).to_string()
    }

    /// "15,5 Std." / "15.5 h".
    pub fn hours(self, minutes: u64) -> String {
        match self {
            Language::De => format!("{} Std.", hours(minutes).replace('.', ",")),
            Language::En => format!("{} h", hours(minutes)),
        }
    }

    /// "1 Forum", "15 Fora" / "1 forum", "15 fora".
    pub fn fora(self, count: usize) -> String {
        match (self, count) {
            (Language::De, 1) => "1 Forum".to_owned(),
            (Language::De, n) => format!("{n} Fora"),
            (Language::En, 1) => "1 forum".to_owned(),
            (Language::En, n) => format!("{n} fora"),
        }
    }

    /// "4 Fora · 4 Std.": how a day or a week closes.
    pub fn total(self, fora: usize, minutes: u64) -> String {
        format!("{} · {}", self.fora(fora), self.hours(minutes))
    }

    /// The words of the output.
    pub fn words(self) -> &'static Words {
        match self {
            Language::De => &GERMAN,
            Language::En => &ENGLISH,
        }
    }
}

/// Every fixed word of the timetable and calendar, in one language.
#[derive(Debug)]
pub struct Words {
    /// Column: the date.
    pub date: &'static str,
    /// Column: the time range.
    pub time: &'static str,
    /// Column: start time.
    pub start: &'static str,
    /// Column: end time.
    pub end: &'static str,
    /// Column: duration in minutes.
    pub minutes: &'static str,
    /// Column: the title.
    pub title: &'static str,
    /// Column: the format.
    pub format: &'static str,
    /// Column: the room.
    pub room: &'static str,
    /// Column: the speakers.
    pub speakers: &'static str,
    /// Column: the error findings a forum is in.
    pub errors: &'static str,
    /// A day without fora.
    pub no_fora: &'static str,
    /// Explains the mark on fora in an error finding.
    pub mark_legend: &'static str,
    /// Label of the join link in a calendar description.
    pub join: &'static str,
    /// Heads the list of fora without a start.
    pub unscheduled: &'static str,
    /// Put before the title of a cancelled forum: "Abgesagt: Titel".
    pub cancelled: &'static str,
}

impl Words {
    /// A cancelled forum's title as attendees see it: "Abgesagt: Titel".
    pub fn cancelled_title(&self, title: &str) -> String {
        format!("{}: {title}", self.cancelled)
    }
}

static GERMAN: Words = Words {
    date: "Datum",
    time: "Zeit",
    start: "Beginn",
    end: "Ende",
    minutes: "Minuten",
    title: "Titel",
    format: "Format",
    room: "Raum",
    speakers: "Mitwirkende",
    errors: "Fehler",
    no_fora: "Keine Fora an diesem Tag.",
    mark_legend: "✗ = Teil eines Konflikts; Einzelheiten zeigt `fora check`.",
    join: "Teilnehmen",
    unscheduled: "Noch nicht eingeplant",
    cancelled: "Abgesagt",
};

static ENGLISH: Words = Words {
    date: "Date",
    time: "Time",
    start: "Start",
    end: "End",
    minutes: "Minutes",
    title: "Title",
    format: "Format",
    room: "Room",
    speakers: "Speakers",
    errors: "Errors",
    no_fora: "No fora on this day.",
    mark_legend: "✗ = part of a conflict; `fora check` shows the details.",
    join: "Join",
    unscheduled: "Not scheduled yet",
    cancelled: "Cancelled",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_in_each_language() {
        let day = NaiveDate::from_ymd_opt(2020, 6, 23).unwrap();
        assert_eq!(Language::De.day_heading(day), "Dienstag, 23. Juni 2020");
        assert_eq!(Language::En.day_heading(day), "Tuesday, 23 June 2020");
    }

    #[test]
    fn totals_use_the_decimal_mark_of_the_language() {
        assert_eq!(Language::De.total(15, 930), "15 Fora · 15,5 Std.");
        assert_eq!(Language::En.total(1, 60), "1 forum · 1 h");
    }
}
