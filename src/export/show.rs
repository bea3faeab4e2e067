//! Everything about one forum, for `fora show`: what attendees see of it, what the file
//! says of its seats and its own keys, and the findings it takes part in.

use std::io::{self, Write};

use serde::Serialize;

use crate::check::times;
use crate::check::{Finding, KindSet, Severity};
use crate::model::{Forum, Interval, Language, Preference, Room, Status, Week};
use crate::report;
use crate::text::{self, DateStyle, t};
use crate::view::{ForumView, View};

/// One forum, all about it.
#[derive(Debug)]
pub struct Card<'w> {
    /// The week.
    pub week: &'w Week,
    /// What attendees see of the forum.
    pub shown: ForumView<'w>,
    /// Its declared room, if it names one.
    pub room: Option<&'w Room>,
    /// The findings it takes part in, worst first.
    pub findings: Vec<Finding>,
    /// The language of its words.
    pub language: Language,
}

/// A forum as `fora show --format json` writes it.
#[derive(Serialize)]
struct Document<'a> {
    id: &'a str,
    title: &'a str,
    status: &'static str,
    format: Option<&'a str>,
    /// The local start with its offset; null without a start.
    start: Option<String>,
    end: Option<String>,
    minutes: u32,
    room: Option<RoomInfo<'a>>,
    link: Option<&'a str>,
    speakers: Vec<&'a str>,
    description: Option<&'a str>,
    registrations: Option<u64>,
    capacity: Option<u64>,
    /// How many attendees the file lists (by pseudonymous number).
    attendees: usize,
    /// The keys of the forum that fora does not know, with their values.
    unknown_keys: &'a serde_json::Map<String, serde_json::Value>,
    /// When it may and should run, as the file writes it; only what is set.
    #[serde(skip_serializing_if = "PlanningInfo::is_empty")]
    planning: PlanningInfo<'a>,
    findings: Vec<FindingInfo<'a>>,
}

/// What the file says of when a forum may run, of its groups and of when its speakers and
/// its room are available, in JSON, in the week file's own forms (`2020-06-23T09:00/12:00`).
#[derive(Serialize, Default)]
struct PlanningInfo<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    window: Option<Vec<String>>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    after: &'a [String],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    before: &'a [String],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    prefer: Vec<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    fixed: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    groups: Vec<&'a str>,
    /// Each speaker with an availability, by name as `people` writes it.
    #[serde(skip_serializing_if = "serde_json::Map::is_empty")]
    speakers_available: serde_json::Map<String, serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    room_available: Option<Vec<String>>,
}

impl PlanningInfo<'_> {
    fn is_empty(&self) -> bool {
        self.window.is_none()
            && self.after.is_empty()
            && self.before.is_empty()
            && self.prefer.is_empty()
            && !self.fixed
            && self.groups.is_empty()
            && self.speakers_available.is_empty()
            && self.room_available.is_none()
    }
}

/// Stretches of time as the week file writes them.
fn written(times: &[Interval]) -> Vec<String> {
    times.iter().map(ToString::to_string).collect()
}

/// The room of a forum, in JSON.
#[derive(Serialize)]
struct RoomInfo<'a> {
    id: &'a str,
    name: &'a str,
    capacity: Option<u64>,
}

/// A finding, in JSON: as `fora check --format json` writes it.
#[derive(Serialize)]
struct FindingInfo<'a> {
    severity: Severity,
    kind: &'static str,
    fora: Vec<&'a str>,
    message: String,
}

impl<'w> Card<'w> {
    /// The forum at `index` of `week`'s list, with those of `findings` it takes part in.
    pub fn new(week: &'w Week, index: usize, findings: &[Finding], language: Language) -> Self {
        let forum = &week.fora[index];
        let view = View::new(week, language);
        Self {
            week,
            shown: view.forum(forum),
            room: forum.room.as_deref().and_then(|id| week.room(id)),
            findings: findings
                .iter()
                .filter(|f| f.fora.contains(&index))
                .cloned()
                .collect(),
            language,
        }
    }

    /// The kinds of its findings.
    pub fn kinds(&self) -> KindSet {
        self.findings
            .iter()
            .fold(KindSet::default(), |set, f| set.with(f.kind))
    }

    /// Whether it takes part in an error finding.
    pub fn has_errors(&self) -> bool {
        self.kinds().has_errors()
    }

    fn forum(&self) -> &'w Forum {
        self.shown.forum
    }

    /// The lines of the card as label and value, leaving out what the forum does not have.
    fn fields(&self) -> Vec<(String, String)> {
        let l = self.language;
        let (shown, forum) = (&self.shown, self.forum());
        let mut fields = vec![
            (t!(l, "column-id"), forum.id.clone()),
            (t!(l, "column-title"), forum.title.clone()),
            (t!(l, "diff-status"), status_word(l, forum.status)),
        ];
        if let Some(format) = shown.format {
            fields.push((t!(l, "word-format"), format.to_owned()));
        }
        let when = match shown.when {
            Some(when) => t!(
                l,
                "show-when",
                range = when.range(l, Some(DateStyle::Heading)),
                minutes = when.minutes()
            ),
            None => t!(
                l,
                "show-when-unscheduled",
                minutes = forum.duration.minutes()
            ),
        };
        fields.push((t!(l, "show-when-label"), when));
        if let Some(id) = forum.room.as_deref() {
            let name = shown.room.unwrap_or(id);
            let room = match self.room.and_then(|r| r.capacity) {
                Some(capacity) => t!(
                    l,
                    "show-room-capacity",
                    name = name,
                    id = id,
                    capacity = capacity
                ),
                None if self.room.is_some() => t!(l, "show-room", name = name, id = id),
                None => t!(l, "show-room-undeclared", id = id),
            };
            fields.push((t!(l, "column-room"), room));
        }
        if let Some(link) = shown.link {
            fields.push((t!(l, "word-join"), link.to_owned()));
        }
        let speakers: Vec<&str> = shown.speakers().collect();
        if !speakers.is_empty() {
            fields.push((t!(l, "word-speakers"), speakers.join(", ")));
        }
        if let Some(description) = shown.description {
            fields.push((t!(l, "show-description"), description.trim().to_owned()));
        }
        self.seats(&mut fields);
        self.planning(&mut fields);
        if !forum.extra.is_empty() {
            let keys: Vec<&str> = forum.extra.keys().map(String::as_str).collect();
            fields.push((t!(l, "show-unknown-keys"), keys.join(", ")));
        }
        fields
    }

    /// Registrations, capacity and attendees, when the file says them.
    fn seats(&self, fields: &mut Vec<(String, String)>) {
        let (l, forum) = (self.language, self.forum());
        if let Some(registrations) = forum.registrations() {
            fields.push((t!(l, "show-registrations"), registrations.to_string()));
        }
        if let Some(capacity) = forum.capacity() {
            fields.push((t!(l, "show-capacity"), capacity.to_string()));
        }
        if !forum.attendees().is_empty() {
            let count = forum.attendees().len();
            fields.push((
                t!(l, "show-attendees"),
                t!(l, "show-attendees-count", attendees = count),
            ));
        }
    }

    /// The forum's window, order, preferences, groups, and when its speakers and its room
    /// are available: each only when the file says it.
    fn planning(&self, fields: &mut Vec<(String, String)>) {
        let (l, forum) = (self.language, self.forum());
        let planning = forum.planning();
        if let Some(window) = &planning.window {
            fields.push((t!(l, "show-window"), times(l, window)));
        }
        if !planning.after.is_empty() {
            fields.push((t!(l, "show-after"), planning.after.join(", ")));
        }
        if !planning.before.is_empty() {
            fields.push((t!(l, "show-before"), planning.before.join(", ")));
        }
        if !planning.prefer.is_empty() {
            let prefer: Vec<String> = planning.prefer.iter().map(|&p| preference(l, p)).collect();
            fields.push((t!(l, "show-prefer"), prefer.join(", ")));
        }
        if planning.fixed {
            fields.push((t!(l, "show-fixed"), t!(l, "show-fixed-yes")));
        }
        let groups = self.groups();
        if !groups.is_empty() {
            fields.push((t!(l, "show-groups"), groups.join(", ")));
        }
        let mut available: Vec<String> = self
            .speakers_available()
            .map(|(name, available)| {
                t!(
                    l,
                    "show-available-speaker",
                    speaker = text::plain(name),
                    times = times(l, available)
                )
            })
            .collect();
        if let Some(times) = self.room.and_then(|r| r.available.as_deref()) {
            let name = self.shown.room.unwrap_or_default();
            available.push(t!(
                l,
                "show-available-room",
                room = name,
                times = self::times(l, times)
            ));
        }
        if !available.is_empty() {
            fields.push((t!(l, "show-available"), available.join("\n")));
        }
    }

    /// The names of the groups the forum is in, in file order.
    fn groups(&self) -> Vec<&'w str> {
        let id = &self.forum().id;
        self.week
            .groups
            .iter()
            .filter(|g| g.fora.contains(id))
            .map(|g| g.name.as_str())
            .collect()
    }

    /// Each of its speakers that the week says when they are available, as `people` names
    /// them, once.
    fn speakers_available(&self) -> impl Iterator<Item = (&'w str, &'w [Interval])> {
        let week = self.week;
        let mut seen: Vec<&str> = Vec::new();
        self.shown.speakers().filter_map(move |name| {
            let person = week.person(name)?;
            let available = person.available.as_deref()?;
            if seen.contains(&person.name.as_str()) {
                return None;
            }
            seen.push(&person.name);
            Some((person.name.as_str(), available))
        })
    }

    fn planning_info(&self) -> PlanningInfo<'w> {
        let planning = self.forum().planning();
        PlanningInfo {
            window: planning.window.as_deref().map(written),
            after: &planning.after,
            before: &planning.before,
            prefer: planning.prefer.iter().map(ToString::to_string).collect(),
            fixed: planning.fixed,
            groups: self.groups(),
            speakers_available: self
                .speakers_available()
                .map(|(name, times)| (name.to_owned(), written(times).into()))
                .collect(),
            room_available: self.room.and_then(|r| r.available.as_deref()).map(written),
        }
    }

    /// The card for people: a label and a value a line, then the findings, styled (write
    /// through an `anstream` stream).
    pub fn write_human(&self, out: &mut dyn Write) -> io::Result<()> {
        let l = self.language;
        let fields = self.fields();
        let width = fields
            .iter()
            .map(|(label, _)| label.chars().count())
            .max()
            .unwrap_or(0);
        for (label, value) in &fields {
            let mut lines = value.lines();
            writeln!(out, "{label:<width$}  {}", lines.next().unwrap_or_default())?;
            for line in lines {
                writeln!(out, "{:width$}  {line}", "")?;
            }
        }
        writeln!(out)?;
        if self.findings.is_empty() {
            return writeln!(out, "{}", t!(l, "check-no-findings"));
        }
        for finding in &self.findings {
            report::write_finding(finding, self.week, l, out)?;
        }
        Ok(())
    }

    /// The card as one JSON document.
    pub fn write_json(&self, out: &mut dyn Write) -> io::Result<()> {
        let (shown, forum) = (&self.shown, self.forum());
        let document = Document {
            id: &forum.id,
            title: &forum.title,
            status: forum.status.code(),
            format: shown.format,
            start: shown.when.map(|w| w.start.to_rfc3339()),
            end: shown.when.map(|w| w.end.to_rfc3339()),
            minutes: forum.duration.minutes(),
            room: forum.room.as_deref().map(|id| RoomInfo {
                id,
                name: shown.room.unwrap_or(id),
                capacity: self.room.and_then(|r| r.capacity),
            }),
            link: shown.link,
            speakers: shown.speakers().collect(),
            description: shown.description,
            registrations: forum.registrations(),
            capacity: forum.capacity(),
            attendees: forum.attendees().len(),
            unknown_keys: &forum.extra,
            planning: self.planning_info(),
            findings: self
                .findings
                .iter()
                .map(|f| FindingInfo {
                    severity: f.severity(),
                    kind: f.kind.name(),
                    fora: f.ids(self.week),
                    message: f.message(self.week, self.language),
                })
                .collect(),
        };
        serde_json::to_writer_pretty(&mut *out, &document)?;
        writeln!(out)
    }
}

/// A wish about when a forum runs, in words: `Mi 24.06.`, `vormittags`, `10:00–12:00`.
fn preference(l: Language, preference: Preference) -> String {
    match preference {
        Preference::Day(day) => text::date(l, day, DateStyle::WeekdayShort),
        Preference::Morning => t!(l, "show-prefer-morning"),
        Preference::Afternoon => t!(l, "show-prefer-afternoon"),
        Preference::Hours(from, to) => t!(
            l,
            "show-prefer-hours",
            from = from.to_string(),
            to = to.to_string()
        ),
    }
}

/// `bestätigt`, `tentative`: a status in words.
fn status_word(l: Language, status: Status) -> String {
    match status {
        Status::Confirmed => t!(l, "status-confirmed"),
        Status::Tentative => t!(l, "status-tentative"),
        Status::Cancelled => t!(l, "status-cancelled"),
    }
}
