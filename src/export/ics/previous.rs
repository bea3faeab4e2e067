//! The calendar published before (`fora ics --previous`): its events by UID, so that an
//! export keeps what did not change byte for byte and raises SEQUENCE where something did.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use icalendar::Property;

use crate::Error;

/// Why a previous calendar could not be read, at a line of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CalendarProblem {
    /// The file is not UTF-8 text.
    NotUtf8,
    /// It does not begin with BEGIN:VCALENDAR.
    NotCalendar,
    /// A VEVENT without its END:VEVENT.
    Unclosed,
    /// A line of a VEVENT that is not `NAME:value`.
    NotContentLine(String),
    /// A VEVENT without a UID.
    NoUid,
    /// A SEQUENCE that is not a whole number.
    Sequence {
        /// The event's UID.
        uid: String,
        /// The SEQUENCE as written.
        text: String,
    },
}

/// The properties an export writes anew each time; they say when, not what.
const VOLATILE: [&str; 4] = ["UID", "DTSTAMP", "SEQUENCE", "LAST-MODIFIED"];

/// The events of one or more calendars published before, in file order.
#[derive(Clone, Debug, Default)]
pub struct Previous {
    events: Vec<PreviousEvent>,
    /// The events of each UID, in file order: one, unless a week repeated an id.
    by_uid: HashMap<String, Vec<usize>>,
}

/// One VEVENT of a previous calendar.
#[derive(Clone, Debug)]
pub struct PreviousEvent {
    /// Its UID.
    pub uid: String,
    /// Its SEQUENCE (0 when it has none).
    pub sequence: u32,
    /// Whether its STATUS is CANCELLED.
    pub cancelled: bool,
    /// The event as it was written, physical lines with CRLF, BEGIN to END.
    raw: String,
    /// Its content lines, unfolded, BEGIN to END.
    lines: Vec<String>,
}

impl Previous {
    /// Reads a calendar file, or every `.ics` file of a folder (as `--split` writes them).
    pub fn read(path: &Path) -> Result<Self, Error> {
        let read_failed = |source| Error::Read {
            path: path.to_owned(),
            source,
        };
        let mut files = Vec::new();
        if fs::metadata(path).map_err(read_failed)?.is_dir() {
            for entry in fs::read_dir(path).map_err(read_failed)? {
                let file = entry.map_err(read_failed)?.path();
                if file
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("ics"))
                {
                    files.push(file);
                }
            }
            // The same folder gives the same order, whatever the file system lists first.
            files.sort();
        } else {
            files.push(path.to_owned());
        }
        let mut previous = Self::default();
        for file in files {
            let bytes = fs::read(&file).map_err(|source| Error::Read {
                path: file.clone(),
                source,
            })?;
            let text = String::from_utf8(bytes).map_err(|e| Error::Calendar {
                path: file.clone(),
                line: 1 + e.as_bytes()[..e.utf8_error().valid_up_to()]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count(),
                problem: CalendarProblem::NotUtf8,
            })?;
            previous
                .add(&text)
                .map_err(|(line, problem)| Error::Calendar {
                    path: file.clone(),
                    line,
                    problem,
                })?;
        }
        Ok(previous)
    }

    /// Reads the events of one calendar's text. An error gives the physical line and why.
    pub fn parse(text: &str) -> Result<Self, (usize, CalendarProblem)> {
        let mut previous = Self::default();
        previous.add(text)?;
        Ok(previous)
    }

    /// The event with this UID. When calendars repeat a UID, the highest SEQUENCE counts
    /// (the first of those).
    pub fn get(&self, uid: &str) -> Option<&PreviousEvent> {
        self.first(self.by_uid.get(uid)?)
    }

    /// Every event with this UID, in the order read.
    pub fn all(&self, uid: &str) -> Vec<&PreviousEvent> {
        self.by_uid
            .get(uid)
            .map(|found| found.iter().map(|&i| &self.events[i]).collect())
            .unwrap_or_default()
    }

    /// Every event, in the order read, each UID once (as [`Self::get`] picks it).
    pub fn events(&self) -> impl Iterator<Item = &PreviousEvent> {
        self.events.iter().filter(|e| {
            self.get(&e.uid)
                .is_some_and(|first| std::ptr::eq(first, *e))
        })
    }

    fn first(&self, found: &[usize]) -> Option<&PreviousEvent> {
        let highest = found.iter().map(|&i| self.events[i].sequence).max()?;
        found
            .iter()
            .map(|&i| &self.events[i])
            .find(|e| e.sequence == highest)
    }

    fn add(&mut self, text: &str) -> Result<(), (usize, CalendarProblem)> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        // Logical lines: a physical line that starts with a space or tab continues the one before.
        let mut logical: Vec<(usize, usize, String)> = Vec::new();
        for (n, physical) in text.split('\n').enumerate() {
            let physical = physical.strip_suffix('\r').unwrap_or(physical);
            match (physical.strip_prefix([' ', '\t']), logical.last_mut()) {
                (Some(rest), Some((_, last, line))) => {
                    line.push_str(rest);
                    *last = n;
                }
                _ if physical.is_empty() => {}
                _ => logical.push((n, n, physical.to_owned())),
            }
        }
        match logical.first() {
            Some((_, _, line)) if line.eq_ignore_ascii_case("BEGIN:VCALENDAR") => {}
            _ => {
                return Err((1, CalendarProblem::NotCalendar));
            }
        }
        let physical: Vec<&str> = text
            .split('\n')
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
            .collect();
        let mut lines = logical.into_iter();
        while let Some((first, _, line)) = lines.next() {
            if !line.eq_ignore_ascii_case("BEGIN:VEVENT") {
                continue;
            }
            let mut event = vec![line];
            let mut depth = 0usize;
            let mut last = first;
            loop {
                let Some((_, end, line)) = lines.next() else {
                    return Err((first + 1, CalendarProblem::Unclosed));
                };
                last = last.max(end);
                let name = name(&line);
                let ends = name == "END" && depth == 0;
                if name == "BEGIN" {
                    depth += 1;
                } else if name == "END" {
                    depth = depth.saturating_sub(1);
                }
                event.push(line);
                if ends {
                    break;
                }
            }
            let mut raw = physical[first..=last].join("\r\n");
            raw.push_str("\r\n");
            self.push(first + 1, raw, event)?;
        }
        Ok(())
    }

    fn push(
        &mut self,
        line: usize,
        raw: String,
        lines: Vec<String>,
    ) -> Result<(), (usize, CalendarProblem)> {
        let top = top_level(&lines);
        // A gone event is written again from these lines: each must be a content line
        // (RFC 5545 3.1), which the icalendar crate's lenient parser does not insist on.
        if let Some(bad) = top.iter().find(|l| !is_content_line(l)) {
            return Err((line, CalendarProblem::NotContentLine((*bad).to_owned())));
        }
        let value = |key: &str| {
            top.iter()
                .find(|l| name(l) == key)
                .and_then(|l| l.parse::<Property>().ok())
                .map(|p| p.value().trim().to_owned())
        };
        let Some(uid) = value("UID").filter(|u| !u.is_empty()) else {
            return Err((line, CalendarProblem::NoUid));
        };
        let sequence = match value("SEQUENCE") {
            None => 0,
            Some(text) => text.parse().map_err(|_| {
                (
                    line,
                    CalendarProblem::Sequence {
                        uid: uid.clone(),
                        text: text.clone(),
                    },
                )
            })?,
        };
        let cancelled = value("STATUS").is_some_and(|s| s.eq_ignore_ascii_case("CANCELLED"));
        let event = PreviousEvent {
            uid: uid.clone(),
            sequence,
            cancelled,
            raw,
            lines,
        };
        self.by_uid.entry(uid).or_default().push(self.events.len());
        self.events.push(event);
        Ok(())
    }
}

impl PreviousEvent {
    /// The event exactly as it was written.
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// Whether `event` (a rendered VEVENT, folded, with or without its BEGIN line) says what
    /// this one says, leaving aside the properties that change with every export.
    pub fn same_content(&self, event: &str) -> bool {
        let unfolded = event.replace("\r\n ", "").replace("\r\n\t", "");
        let event = unfolded
            .strip_prefix("BEGIN:VEVENT\r\n")
            .unwrap_or(&unfolded);
        let new = event
            .split("\r\n")
            .filter(|l| !l.is_empty() && !VOLATILE.contains(&name(l).as_str()));
        let old = self.lines[1..]
            .iter()
            .map(String::as_str)
            .filter(|l| !VOLATILE.contains(&name(l).as_str()));
        new.eq(old)
    }

    /// Its content lines below BEGIN:VEVENT and above END:VEVENT, unfolded, without those
    /// of its subcomponents (alarms).
    pub fn properties(&self) -> Vec<&str> {
        top_level(&self.lines)
    }

    /// The instant a DTSTART or DTEND line names: with TZID in that zone, in UTC with `Z`,
    /// and a floating time in `zone`. `None` for a date or a time it cannot read.
    pub fn instant(line: &str, zone: Tz) -> Option<DateTime<Utc>> {
        let property: Property = line.parse().ok()?;
        let value = property.value().trim();
        if let Some(utc) = value.strip_suffix(['Z', 'z']) {
            return Some(
                NaiveDateTime::parse_from_str(utc, "%Y%m%dT%H%M%S")
                    .ok()?
                    .and_utc(),
            );
        }
        let local = NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%S").ok()?;
        let zone = match property.params().get("TZID") {
            Some(tzid) => tzid.value().trim_matches('"').parse::<Tz>().ok()?,
            None => zone,
        };
        Some(
            zone.from_local_datetime(&local)
                .earliest()?
                .with_timezone(&Utc),
        )
    }
}

/// The lines between BEGIN:VEVENT and END:VEVENT that belong to no subcomponent.
fn top_level(lines: &[String]) -> Vec<&str> {
    let mut depth = 0usize;
    let mut top = Vec::new();
    for line in lines.iter().skip(1).take(lines.len().saturating_sub(2)) {
        match name(line).as_str() {
            "BEGIN" => depth += 1,
            "END" => depth = depth.saturating_sub(1),
            _ if depth == 0 => top.push(line.as_str()),
            _ => {}
        }
    }
    top
}

/// `NAME[;PARAM=…]:value`, the name of letters, digits and dashes.
fn is_content_line(line: &str) -> bool {
    let name = line.split([';', ':']).next().unwrap_or_default();
    !name.is_empty()
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && line.contains(':')
        && line.parse::<Property>().is_ok()
}

/// The property name of a content line, upper case: `DTSTART` of `DTSTART;TZID=…:…`.
pub(crate) fn name(line: &str) -> String {
    line.split([';', ':'])
        .next()
        .unwrap_or_default()
        .to_ascii_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    const CALENDAR: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a@x\r\n\
        SEQUENCE:2\r\nDTSTART;TZID=Europe/Berlin:20200623T100000\r\nSUMMARY:A long\r\n  title\r\n\
        BEGIN:VALARM\r\nACTION:DISPLAY\r\nEND:VALARM\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:b@x\r\n\
        STATUS:CANCELLED\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    #[test]
    fn events_are_read_with_their_raw_text() {
        let previous = Previous::parse(CALENDAR).unwrap();
        let a = previous.get("a@x").unwrap();
        assert_eq!(a.sequence, 2);
        assert!(!a.cancelled);
        assert!(a.raw().starts_with("BEGIN:VEVENT\r\nUID:a@x\r\n"));
        assert!(a.raw().ends_with("END:VALARM\r\nEND:VEVENT\r\n"));
        assert!(a.raw().contains("SUMMARY:A long\r\n  title\r\n"));
        assert_eq!(
            a.properties(),
            [
                "UID:a@x",
                "SEQUENCE:2",
                "DTSTART;TZID=Europe/Berlin:20200623T100000",
                "SUMMARY:A long title"
            ]
        );
        let b = previous.get("b@x").unwrap();
        assert!(b.cancelled);
        assert_eq!(b.sequence, 0);
        assert_eq!(previous.events().count(), 2);
    }

    #[test]
    fn content_is_compared_without_stamps() {
        let previous = Previous::parse(CALENDAR).unwrap();
        let a = previous.get("a@x").unwrap();
        let same = "BEGIN:VEVENT\r\nUID:a@x\r\nDTSTAMP:20300101T000000Z\r\nSEQUENCE:7\r\n\
            DTSTART;TZID=Europe/Berlin:20200623T100000\r\nSUMMARY:A lo\r\n ng title\r\n\
            BEGIN:VALARM\r\nACTION:DISPLAY\r\nEND:VALARM\r\nEND:VEVENT\r\n";
        assert!(a.same_content(same));
        assert!(!a.same_content(&same.replace("T100000", "T110000")));
        assert!(
            !a.same_content(&same.replace("BEGIN:VALARM\r\nACTION:DISPLAY\r\nEND:VALARM\r\n", ""))
        );
    }

    #[test]
    fn instants_are_read_in_their_zone() {
        let berlin = Tz::Europe__Berlin;
        let at = |line| PreviousEvent::instant(line, berlin).map(|t| t.to_rfc3339());
        let expected = Some("2020-06-23T08:00:00+00:00".to_owned());
        assert_eq!(at("DTSTART;TZID=Europe/Berlin:20200623T100000"), expected);
        assert_eq!(at("DTSTART:20200623T080000Z"), expected);
        assert_eq!(at("DTSTART:20200623T100000"), expected);
        assert_eq!(at("DTSTART;TZID=Asia/Kolkata:20200623T133000"), expected);
        assert_eq!(at("DTSTART;VALUE=DATE:20200623"), None);
    }

    #[test]
    fn broken_calendars_are_refused_with_a_line() {
        assert_eq!(Previous::parse("hello").unwrap_err().0, 1);
        let open = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\n";
        assert_eq!(
            Previous::parse(open).unwrap_err(),
            (2, CalendarProblem::Unclosed)
        );
        let no_uid = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\n";
        assert_eq!(
            Previous::parse(no_uid).unwrap_err().1,
            CalendarProblem::NoUid
        );
        let bad = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nSEQUENCE:x\nEND:VEVENT\n";
        assert_eq!(
            Previous::parse(bad).unwrap_err().1,
            CalendarProblem::Sequence {
                uid: "a".into(),
                text: "x".into()
            }
        );
        let unreadable = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nno colon here\nEND:VEVENT\n";
        assert_eq!(
            Previous::parse(unreadable).unwrap_err(),
            (2, CalendarProblem::NotContentLine("no colon here".into()))
        );
    }
}
