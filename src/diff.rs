//! What changed for attendees between two versions of a week file.
//!
//! Fora are compared by id. Each forum gets one [`Change`] per [`ChangeKind`] that applies,
//! so a forum that moved and got a new title has two. Times are compared as instants, so a
//! forum whose local time stays while the week's zone changes has moved.
//!
//! Counted, because attendees see it in the timetable or their calendar: a forum's
//! existence, status, time (start and end), title, room name, join link, format, speakers
//! and description.
//!
//! Not counted, because no attendee sees it: the order of fora (or rooms) in the file, how a
//! value is written (`"60m"` or `"1h"`, `"canceled"` or `"cancelled"`), spaces around
//! speaker names, room ids (only a room's name and link reach attendees), room capacity,
//! unknown keys (`extra`), rules, `expect`, registrations and participants, the week's own
//! fields (name, dates, description, `updated`, language), and the duration of a forum with
//! no start. A change of the week's zone counts only through the instants it moves.
//!
//! A week file should not repeat an id (`fora check` reports it as an error), but `diff`
//! still answers: fora sharing an id are paired identical ones first, then those with the
//! same title, then the same time, then in order of time; any left over are added or
//! removed.

use std::collections::BTreeMap;
use std::io::{self, Write};

use chrono::{DateTime, NaiveDateTime, Offset, SecondsFormat, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;
use comfy_table::ContentArrangement;
use comfy_table::presets::UTF8_FULL_CONDENSED;
use serde::{Serialize, Serializer};

use crate::export::ics::join_link;
use crate::model::{Forum, Language, Placement, Status, Week};

/// Every change for attendees between two weeks.
///
/// As JSON (by [`write_json`]) only `changes` is written: `{"changes": [Change, …]}`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diff {
    /// By the forum's start (the new one, else the old one; unscheduled last), then id,
    /// then [`ChangeKind`] order.
    pub changes: Vec<Change>,
    /// The old week's zone.
    #[serde(skip)]
    pub old_timezone: Tz,
    /// The new week's zone; the table shows every time in it, old times too.
    #[serde(skip)]
    pub timezone: Tz,
}

impl Diff {
    /// Whether nothing changed for attendees.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// How many fora changed (a forum with several changes counts once).
    pub fn fora(&self) -> usize {
        let mut fora: Vec<&str> = self.changes.iter().map(|c| c.forum.as_str()).collect();
        fora.sort_unstable();
        fora.dedup();
        fora.len()
    }
}

/// One change of one forum.
///
/// As JSON: `{"forum": id, "kind": kind, "title": title, "old": value, "new": value}`, where
/// each value is a string or `null` (see [`Value`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    /// The forum's id.
    pub forum: String,
    /// What changed.
    pub kind: ChangeKind,
    /// The forum's title: the new one, or the old one of a removed forum.
    pub title: String,
    /// The value before; `None` when there was none (before an addition, no room …).
    pub old: Option<Value>,
    /// The value after; `None` when there is none (after a removal, no room …).
    pub new: Option<Value>,
}

/// What changed about a forum; the order is the order a forum's changes are listed in.
///
/// In JSON the lower-case name (`"moved"`). What `old` and `new` hold is said per kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// A new forum; `new` is its time.
    Added,
    /// The forum is gone from the file; `old` was its time.
    Removed,
    /// Its status became cancelled; `old` is the status it had.
    Cancelled,
    /// It was cancelled and is not any more; `new` is its status now.
    Restored,
    /// Tentative became confirmed or the other way round.
    Status,
    /// Its start or end changed, or it was scheduled or unscheduled; both are times.
    Moved,
    /// Its title changed.
    Retitled,
    /// It is in a room with another name; both are room names.
    Room,
    /// Its join link changed (its own, or its room's when it has none).
    Link,
    /// Its format changed.
    Format,
    /// Its speakers changed (who, or their order); both are the names joined by `, `.
    Speakers,
    /// Its description changed.
    Description,
}

impl ChangeKind {
    /// Every kind, in listing order.
    pub const ALL: [ChangeKind; 12] = [
        ChangeKind::Added,
        ChangeKind::Removed,
        ChangeKind::Cancelled,
        ChangeKind::Restored,
        ChangeKind::Status,
        ChangeKind::Moved,
        ChangeKind::Retitled,
        ChangeKind::Room,
        ChangeKind::Link,
        ChangeKind::Format,
        ChangeKind::Speakers,
        ChangeKind::Description,
    ];

    /// The name used in JSON: `moved`.
    pub fn name(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Cancelled => "cancelled",
            ChangeKind::Restored => "restored",
            ChangeKind::Status => "status",
            ChangeKind::Moved => "moved",
            ChangeKind::Retitled => "retitled",
            ChangeKind::Room => "room",
            ChangeKind::Link => "link",
            ChangeKind::Format => "format",
            ChangeKind::Speakers => "speakers",
            ChangeKind::Description => "description",
        }
    }
}

/// One side of a change. In JSON always a string, or `null`:
///
/// * a time: `"2020-06-23T10:00:00+02:00/2020-06-23T11:00:00+02:00"`, start and end as
///   RFC 3339 in the week's zone (an ISO 8601 interval, so the duration is there too);
///   `null` when the forum has no start; local times without offset when the start falls
///   into the hour the clocks skip (it never happens);
/// * a status: `"confirmed"`, `"tentative"` or `"cancelled"`;
/// * speakers: the names joined by `", "`;
/// * anything else: the text as attendees see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// When the forum runs.
    When(When),
    /// Whether it takes place.
    Status(Status),
    /// Who speaks, trimmed, in order.
    Speakers(Vec<String>),
    /// A title, room name, link, format or description.
    Text(String),
}

/// When a forum runs, as attendees get it.
///
/// Equal when the instants are equal, whatever zone they are shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// No start yet.
    Unscheduled,
    /// The start falls into the hour the clocks skip: the local times it would have.
    Skipped {
        /// The local start.
        start: NaiveDateTime,
        /// The local start plus the duration.
        end: NaiveDateTime,
    },
    /// The forum runs over `[start, end)`.
    Placed {
        /// The instant it starts.
        start: DateTime<Tz>,
        /// The instant it ends.
        end: DateTime<Tz>,
    },
}

impl When {
    /// When `forum` runs in `week`.
    pub fn of(week: &Week, forum: &Forum) -> Self {
        match week.placement(forum) {
            Placement::Unscheduled => When::Unscheduled,
            Placement::Nonexistent(start) => When::Skipped {
                start,
                end: start + forum.duration.to_time_delta(),
            },
            Placement::Placed { start, end, .. } => When::Placed { start, end },
        }
    }

    /// The instant to sort by; a skipped start is read with an offset of the day, which is
    /// near enough for ordering a list.
    fn sort_key(self, zone: Tz) -> Option<DateTime<Utc>> {
        match self {
            When::Unscheduled => None,
            When::Placed { start, .. } => Some(start.with_timezone(&Utc)),
            When::Skipped { start, .. } => {
                let offset = zone.offset_from_utc_datetime(&start).fix();
                Some((start - TimeDelta::seconds(offset.local_minus_utc().into())).and_utc())
            }
        }
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::When(When::Unscheduled) => serializer.serialize_none(),
            Value::When(When::Skipped { start, end }) => serializer.collect_str(&format_args!(
                "{}/{}",
                start.format("%Y-%m-%dT%H:%M:%S"),
                end.format("%Y-%m-%dT%H:%M:%S")
            )),
            Value::When(When::Placed { start, end }) => serializer.collect_str(&format_args!(
                "{}/{}",
                start.to_rfc3339_opts(SecondsFormat::Secs, false),
                end.to_rfc3339_opts(SecondsFormat::Secs, false)
            )),
            Value::Status(status) => serializer.serialize_str(status.code()),
            Value::Speakers(names) => serializer.serialize_str(&names.join(", ")),
            Value::Text(text) => serializer.serialize_str(text),
        }
    }
}

/// A forum as attendees see it: only what [`diff`] compares.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Seen<'w> {
    id: &'w str,
    title: &'w str,
    status: Status,
    when: When,
    /// The room's name (its id when not declared).
    room: Option<&'w str>,
    link: Option<&'w str>,
    format: Option<&'w str>,
    /// Trimmed, as every output shows them.
    speakers: Vec<&'w str>,
    description: Option<&'w str>,
    /// Where [`When::sort_key`] puts it.
    key: Option<DateTime<Utc>>,
}

impl<'w> Seen<'w> {
    fn new(week: &'w Week, forum: &'w Forum) -> Self {
        let when = When::of(week, forum);
        Seen {
            id: &forum.id,
            title: &forum.title,
            status: forum.status,
            when,
            room: forum
                .room
                .as_deref()
                .map(|id| week.room(id).map_or(id, |r| r.name.as_str())),
            link: join_link(week, forum),
            format: forum.format.as_deref(),
            speakers: forum.speakers.iter().map(|s| s.trim()).collect(),
            description: forum.description.as_deref(),
            key: when.sort_key(week.timezone),
        }
    }

    /// Orders fora sharing an id; every field takes part, so the order is total.
    fn order(&self) -> impl Ord + '_ {
        (
            (self.key.is_none(), self.key),
            self.title,
            self.status.code(),
            self.room,
            self.link,
            self.format,
            &self.speakers,
            self.description,
        )
    }
}

/// Every change for attendees from `old` to `new`, fora matched by id.
pub fn diff(old: &Week, new: &Week) -> Diff {
    let mut groups: BTreeMap<&str, (Vec<Seen>, Vec<Seen>)> = BTreeMap::new();
    for forum in &old.fora {
        groups
            .entry(&forum.id)
            .or_default()
            .0
            .push(Seen::new(old, forum));
    }
    for forum in &new.fora {
        groups
            .entry(&forum.id)
            .or_default()
            .1
            .push(Seen::new(new, forum));
    }
    let mut keyed = Vec::new();
    for (olds, news) in groups.into_values() {
        for (pair, (before, after)) in pair(olds, news).into_iter().enumerate() {
            let key = after
                .as_ref()
                .and_then(|s| s.key)
                .or_else(|| before.as_ref().and_then(|s| s.key));
            for change in compare(before.as_ref(), after.as_ref()) {
                keyed.push(((key.is_none(), key), pair, change));
            }
        }
    }
    // A duplicated id's pairs stay apart by their number.
    keyed.sort_by(|(a, i, c), (b, j, d)| (a, &c.forum, i, c.kind).cmp(&(b, &d.forum, j, d.kind)));
    Diff {
        changes: keyed.into_iter().map(|(_, _, change)| change).collect(),
        old_timezone: old.timezone,
        timezone: new.timezone,
    }
}

type Pair<'w> = (Option<Seen<'w>>, Option<Seen<'w>>);

/// Pairs the fora of one id: the usual one with one, or a duplicated id as the module says.
fn pair<'w>(mut olds: Vec<Seen<'w>>, mut news: Vec<Seen<'w>>) -> Vec<Pair<'w>> {
    if olds.len() <= 1 && news.len() <= 1 {
        return vec![(olds.pop(), news.pop())];
    }
    olds.sort_by(|a, b| a.order().cmp(&b.order()));
    news.sort_by(|a, b| a.order().cmp(&b.order()));
    let mut olds: Vec<Option<Seen>> = olds.into_iter().map(Some).collect();
    let mut news: Vec<Option<Seen>> = news.into_iter().map(Some).collect();
    let mut pairs = Vec::new();
    let alike: [fn(&Seen, &Seen) -> bool; 4] = [
        |a, b| a == b,
        |a, b| a.title == b.title,
        |a, b| a.when == b.when,
        |_, _| true,
    ];
    for alike in alike {
        for before in &mut olds {
            let Some(b) = before.as_ref() else { continue };
            if let Some(after) = news
                .iter_mut()
                .find(|n| n.as_ref().is_some_and(|n| alike(b, n)))
            {
                pairs.push((before.take(), after.take()));
            }
        }
    }
    pairs.extend(olds.into_iter().flatten().map(|o| (Some(o), None)));
    pairs.extend(news.into_iter().flatten().map(|n| (None, Some(n))));
    pairs
}

/// The changes of one forum, in [`ChangeKind`] order.
fn compare(before: Option<&Seen>, after: Option<&Seen>) -> Vec<Change> {
    let (b, a) = match (before, after) {
        (Some(b), Some(a)) => (b, a),
        (None, Some(a)) => {
            return vec![change(
                a,
                ChangeKind::Added,
                None,
                Some(Value::When(a.when)),
            )];
        }
        (Some(b), None) => {
            return vec![change(
                b,
                ChangeKind::Removed,
                Some(Value::When(b.when)),
                None,
            )];
        }
        (None, None) => return Vec::new(),
    };
    let mut changes = Vec::new();
    let mut push = |kind, old: Option<Value>, new: Option<Value>| {
        if old != new {
            changes.push(change(a, kind, old, new));
        }
    };
    let status = match (b.status, a.status) {
        (_, Status::Cancelled) => ChangeKind::Cancelled,
        (Status::Cancelled, _) => ChangeKind::Restored,
        _ => ChangeKind::Status,
    };
    push(
        status,
        Some(Value::Status(b.status)),
        Some(Value::Status(a.status)),
    );
    push(
        ChangeKind::Moved,
        Some(Value::When(b.when)),
        Some(Value::When(a.when)),
    );
    let text = |t: Option<&str>| t.map(|t| Value::Text(t.to_owned()));
    push(
        ChangeKind::Retitled,
        text(Some(b.title)),
        text(Some(a.title)),
    );
    push(ChangeKind::Room, text(b.room), text(a.room));
    push(ChangeKind::Link, text(b.link), text(a.link));
    push(ChangeKind::Format, text(b.format), text(a.format));
    let speakers = |s: &[&str]| {
        (!s.is_empty()).then(|| Value::Speakers(s.iter().map(|&n| n.to_owned()).collect()))
    };
    push(
        ChangeKind::Speakers,
        speakers(&b.speakers),
        speakers(&a.speakers),
    );
    push(
        ChangeKind::Description,
        text(b.description),
        text(a.description),
    );
    changes
}

fn change(seen: &Seen, kind: ChangeKind, old: Option<Value>, new: Option<Value>) -> Change {
    Change {
        forum: seen.id.to_owned(),
        kind,
        title: seen.title.to_owned(),
        old,
        new,
    }
}

/// The diff as one JSON document, `{"changes": […]}`, pretty, with a trailing newline.
pub fn write_json(diff: &Diff, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, diff)?;
    writeln!(out)
}

/// The diff as a table for people: one row a change, then a line that counts them.
///
/// Times are shown in the new week's zone; when the zone changed, a line above says so.
pub fn write_table(diff: &Diff, language: Language, out: &mut dyn Write) -> io::Result<()> {
    let Some(mut table) = table(diff, language) else {
        return writeln!(out, "{}", summary(diff, language));
    };
    // Wraps to the terminal's width, as the timetable does; piped output is never wrapped.
    table.set_content_arrangement(ContentArrangement::Dynamic);
    write_table_with(diff, language, &table, out)
}

fn write_table_with(
    diff: &Diff,
    language: Language,
    table: &comfy_table::Table,
    out: &mut dyn Write,
) -> io::Result<()> {
    let words = words(language);
    if diff.old_timezone != diff.timezone {
        writeln!(
            out,
            "{}: {} → {}; {} {}",
            words.zone, diff.old_timezone, diff.timezone, words.all_times_in, diff.timezone
        )?;
    }
    writeln!(out, "{table}")?;
    writeln!(out, "{}", summary(diff, language))
}

/// The table's rows, or `None` when there is nothing to show.
fn table(diff: &Diff, language: Language) -> Option<comfy_table::Table> {
    if diff.is_empty() {
        return None;
    }
    let words = words(language);
    let mut table = comfy_table::Table::new();
    table.load_preset(UTF8_FULL_CONDENSED);
    table.set_header(words.headings);
    for change in &diff.changes {
        let index = ChangeKind::ALL
            .iter()
            .position(|&k| k == change.kind)
            .unwrap_or_default();
        let cell = |value: &Option<Value>| shown(value.as_ref(), diff.timezone, language);
        let (old, new) = match (change.kind, &change.old, &change.new) {
            (ChangeKind::Description, Some(Value::Text(old)), Some(Value::Text(new))) => {
                excerpts(old, new)
            }
            _ => (cell(&change.old), cell(&change.new)),
        };
        table.add_row([
            words.kinds[index].to_owned(),
            change.title.clone(),
            old,
            new,
        ]);
    }
    Some(table)
}

/// "3 changes for attendees (2 fora)." / "No changes for attendees."
fn summary(diff: &Diff, language: Language) -> String {
    let n = diff.changes.len();
    let fora = language.fora(diff.fora());
    match (language, n) {
        (Language::De, 0) => "Keine Änderungen für Teilnehmende.".to_owned(),
        (Language::De, 1) => format!("1 Änderung für Teilnehmende ({fora})."),
        (Language::De, n) => format!("{n} Änderungen für Teilnehmende ({fora})."),
        (Language::En, 0) => "No changes for attendees.".to_owned(),
        (Language::En, 1) => format!("1 change for attendees ({fora})."),
        (Language::En, n) => format!("{n} changes for attendees ({fora})."),
    }
}

/// A value as the table shows it; a description on one line, cut to [`EXCERPT_CHARS`].
fn shown(value: Option<&Value>, zone: Tz, language: Language) -> String {
    let words = words(language);
    let Some(value) = value else {
        return "—".to_owned();
    };
    match value {
        Value::When(when) => time(*when, zone, language),
        Value::Status(status) => match status {
            Status::Confirmed => words.statuses[0],
            Status::Tentative => words.statuses[1],
            Status::Cancelled => words.statuses[2],
        }
        .to_owned(),
        Value::Speakers(names) => names.join(", "),
        Value::Text(text) => text.clone(),
    }
}

/// How much of a description the table shows; the JSON has it whole.
const EXCERPT_CHARS: usize = 60;

/// Two descriptions on one line each, cut to [`EXCERPT_CHARS`] around where they first
/// differ, so that a change late in a long text still shows.
fn excerpts(old: &str, new: &str) -> (String, String) {
    let line = |text: &str| -> Vec<char> {
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .collect()
    };
    let (old, new) = (line(old), line(new));
    let same = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    // Some words before the difference, for context.
    let from = same.saturating_sub(EXCERPT_CHARS / 3);
    let cut = |text: &[char]| {
        let rest = &text[from.min(text.len())..];
        let middle: String = rest.iter().take(EXCERPT_CHARS).collect();
        let mut middle = middle.as_str();
        let mut shown = String::new();
        if from > 0 {
            shown.push('…');
            middle = middle.trim_start();
        }
        if rest.len() > EXCERPT_CHARS {
            shown.push_str(middle.trim_end());
            shown.push('…');
        } else {
            shown.push_str(middle);
        }
        shown
    };
    (cut(&old), cut(&new))
}

/// "Di 23.06. 10:00–11:00" / "Tue 23 Jun 10:00–11:00", in `zone`; with `(+1)` when it ends
/// on a later day and the zone's abbreviations when the clocks change during it.
fn time(when: When, zone: Tz, language: Language) -> String {
    let words = words(language);
    let day = match language {
        Language::De => "%a %d.%m. %H:%M",
        Language::En => "%a %-d %b %H:%M",
    };
    let locale = match language {
        Language::De => chrono::Locale::de_DE,
        Language::En => chrono::Locale::en_GB,
    };
    let later = |days: i64| {
        if days > 0 {
            format!(" (+{days})")
        } else {
            String::new()
        }
    };
    match when {
        When::Unscheduled => words.unscheduled.to_owned(),
        When::Skipped { start, end } => format!(
            "{}–{}{} {}",
            // Any zone does: the format shows no offset.
            start.and_utc().format_localized(day, locale),
            end.format("%H:%M"),
            later((end.date() - start.date()).num_days()),
            words.skipped
        ),
        When::Placed { start, end } => {
            let (start, end) = (start.with_timezone(&zone), end.with_timezone(&zone));
            let (from, to) = if start.offset() == end.offset() {
                (day.to_owned(), "%H:%M")
            } else {
                (format!("{day} %Z"), "%H:%M %Z")
            };
            format!(
                "{}–{}{}",
                start.format_localized(&from, locale),
                end.format(to),
                later((end.date_naive() - start.date_naive()).num_days())
            )
        }
    }
}

/// The fixed words of the diff table, in one language.
struct DiffWords {
    headings: [&'static str; 4],
    /// In [`ChangeKind::ALL`] order.
    kinds: [&'static str; 12],
    /// Confirmed, tentative, cancelled.
    statuses: [&'static str; 3],
    unscheduled: &'static str,
    skipped: &'static str,
    zone: &'static str,
    all_times_in: &'static str,
}

fn words(language: Language) -> &'static DiffWords {
    match language {
        Language::De => &GERMAN,
        Language::En => &ENGLISH,
    }
}

static GERMAN: DiffWords = DiffWords {
    headings: ["Änderung", "Forum", "Vorher", "Nachher"],
    kinds: [
        "Neu",
        "Entfernt",
        "Abgesagt",
        "Wieder im Programm",
        "Status",
        "Verschoben",
        "Neuer Titel",
        "Raum",
        "Link",
        "Format",
        "Mitwirkende",
        "Beschreibung",
    ],
    statuses: ["bestätigt", "vorläufig", "abgesagt"],
    unscheduled: "noch nicht eingeplant",
    skipped: "(fällt in die Zeitumstellung)",
    zone: "Zeitzone",
    all_times_in: "alle Zeiten in",
};

static ENGLISH: DiffWords = DiffWords {
    headings: ["Change", "Forum", "Was", "Now"],
    kinds: [
        "Added",
        "Removed",
        "Cancelled",
        "Restored",
        "Status",
        "Moved",
        "Retitled",
        "Room",
        "Link",
        "Format",
        "Speakers",
        "Description",
    ],
    statuses: ["confirmed", "tentative", "cancelled"],
    unscheduled: "not scheduled yet",
    skipped: "(skipped by the clock change)",
    zone: "Time zone",
    all_times_in: "all times in",
};

#[cfg(test)]
mod tests {
    use super::*;

    const WEEK: &str = r#"{
      "name": "Testwoche", "timezone": "Europe/Berlin", "start": "2020-06-23", "end": "2020-06-26",
      "rooms": [
        {"id": "plenum", "name": "Plenum", "url": "https://example.org/plenum", "capacity": 500},
        {"id": "praxis", "name": "Praxisraum", "url": "https://example.org/praxis"}
      ],
      "fora": [
        {"id": "eroeffnung", "title": "Eröffnung", "format": "Eröffnung", "start": "2020-06-23T10:00",
         "duration": "60m", "room": "plenum", "speakers": ["Anna", "Bert"], "description": "Los geht's."},
        {"id": "werkstatt", "title": "Werkstatt", "start": "2020-06-24T14:00", "duration": "45m",
         "room": "praxis", "speakers": ["Carla"]},
        {"id": "abschluss", "title": "Abschluss", "start": "2020-06-26T15:00", "duration": "1h",
         "room": "plenum", "status": "tentative"}
      ]
    }"#;

    fn week(json: &str) -> Week {
        Week::from_json(json).expect("a valid week")
    }

    /// The week with `from` replaced by `to` in its text.
    fn edited(from: &str, to: &str) -> Week {
        assert!(WEEK.contains(from), "{from:?} is in the week");
        week(&WEEK.replacen(from, to, 1))
    }

    fn kinds(diff: &Diff) -> Vec<(&str, ChangeKind)> {
        diff.changes
            .iter()
            .map(|c| (c.forum.as_str(), c.kind))
            .collect()
    }

    fn json(value: &Option<Value>) -> serde_json::Value {
        serde_json::to_value(value).unwrap()
    }

    #[test]
    fn the_same_week_has_no_changes() {
        let diff = diff(&week(WEEK), &week(WEEK));
        assert!(diff.is_empty());
        let mut out = Vec::new();
        write_table(&diff, Language::En, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "No changes for attendees.\n"
        );
    }

    #[test]
    fn how_a_value_is_written_is_no_change() {
        let new = edited(r#""duration": "60m""#, r#""duration": 60"#);
        let new_status = edited(r#""tentative""#, r#""TENTATIVE""#);
        let spaced = edited(r#"["Carla"]"#, r#"["  Carla "]"#);
        let capacity = edited(r#""capacity": 500"#, r#""capacity": 20, "x-note": 1"#);
        for new in [new, new_status, spaced, capacity] {
            assert!(diff(&week(WEEK), &new).is_empty(), "{new:?}");
        }
    }

    #[test]
    fn a_move_keeps_old_and_new_time_with_offsets() {
        let diff = diff(&week(WEEK), &edited("2020-06-23T10:00", "2020-06-23T11:00"));
        assert_eq!(kinds(&diff), [("eroeffnung", ChangeKind::Moved)]);
        let change = &diff.changes[0];
        assert_eq!(change.title, "Eröffnung");
        assert_eq!(
            json(&change.old),
            "2020-06-23T10:00:00+02:00/2020-06-23T11:00:00+02:00"
        );
        assert_eq!(
            json(&change.new),
            "2020-06-23T11:00:00+02:00/2020-06-23T12:00:00+02:00"
        );
    }

    #[test]
    fn a_longer_forum_has_moved_its_end() {
        let diff = diff(&week(WEEK), &edited(r#""45m""#, r#""1h""#));
        assert_eq!(kinds(&diff), [("werkstatt", ChangeKind::Moved)]);
        assert_eq!(
            json(&diff.changes[0].new),
            "2020-06-24T14:00:00+02:00/2020-06-24T15:00:00+02:00"
        );
    }

    #[test]
    fn each_kind_is_found_with_its_values() {
        let cases: [(&str, &str, ChangeKind, serde_json::Value, serde_json::Value); 9] = [
            (
                r#""tentative""#,
                r#""cancelled""#,
                ChangeKind::Cancelled,
                "tentative".into(),
                "cancelled".into(),
            ),
            (
                r#""tentative""#,
                r#""confirmed""#,
                ChangeKind::Status,
                "tentative".into(),
                "confirmed".into(),
            ),
            (
                r#""title": "Werkstatt""#,
                r#""title": "Werkstatt digital""#,
                ChangeKind::Retitled,
                "Werkstatt".into(),
                "Werkstatt digital".into(),
            ),
            (
                r#""room": "praxis""#,
                r#""room": "praxis", "url": "https://example.org/eigen""#,
                ChangeKind::Link,
                "https://example.org/praxis".into(),
                "https://example.org/eigen".into(),
            ),
            (
                r#""format": "Eröffnung", "#,
                "",
                ChangeKind::Format,
                "Eröffnung".into(),
                serde_json::Value::Null,
            ),
            (
                r#"["Anna", "Bert"]"#,
                r#"["Bert", "Anna"]"#,
                ChangeKind::Speakers,
                "Anna, Bert".into(),
                "Bert, Anna".into(),
            ),
            (
                r#""speakers": ["Carla"]"#,
                r#""speakers": []"#,
                ChangeKind::Speakers,
                "Carla".into(),
                serde_json::Value::Null,
            ),
            (
                "Los geht's.",
                "Es geht los.",
                ChangeKind::Description,
                "Los geht's.".into(),
                "Es geht los.".into(),
            ),
            (
                r#""start": "2020-06-24T14:00", "#,
                "",
                ChangeKind::Moved,
                "2020-06-24T14:00:00+02:00/2020-06-24T14:45:00+02:00".into(),
                serde_json::Value::Null,
            ),
        ];
        for (from, to, kind, old, new) in cases {
            let diff = diff(&week(WEEK), &edited(from, to));
            assert_eq!(diff.changes.len(), 1, "{from:?} → {to:?}: {diff:?}");
            let found = &diff.changes[0];
            assert_eq!(found.kind, kind, "{from:?} → {to:?}");
            assert_eq!((json(&found.old), json(&found.new)), (old, new));
        }
    }

    #[test]
    fn another_room_changes_the_room_and_its_link() {
        let diff = diff(
            &week(WEEK),
            &edited(r#""room": "praxis""#, r#""room": "plenum""#),
        );
        assert_eq!(
            kinds(&diff),
            [
                ("werkstatt", ChangeKind::Room),
                ("werkstatt", ChangeKind::Link)
            ]
        );
        assert_eq!(json(&diff.changes[0].old), "Praxisraum");
        assert_eq!(json(&diff.changes[0].new), "Plenum");
    }

    #[test]
    fn a_renamed_room_id_is_no_change_but_a_renamed_room_is() {
        let ids = WEEK
            .replace(r#""id": "praxis""#, r#""id": "raum2""#)
            .replace(r#""room": "praxis""#, r#""room": "raum2""#);
        assert!(diff(&week(WEEK), &week(&ids)).is_empty());
        let renamed = edited(r#""name": "Praxisraum""#, r#""name": "Werkraum""#);
        assert_eq!(
            kinds(&diff(&week(WEEK), &renamed)),
            [("werkstatt", ChangeKind::Room)]
        );
    }

    #[test]
    fn restored_and_cancelled_mirror_each_other() {
        let old = week(WEEK);
        let new = edited(r#""tentative""#, r#""canceled""#);
        assert_eq!(
            kinds(&diff(&old, &new)),
            [("abschluss", ChangeKind::Cancelled)]
        );
        let back = diff(&new, &old);
        assert_eq!(kinds(&back), [("abschluss", ChangeKind::Restored)]);
        assert_eq!(json(&back.changes[0].new), "tentative");
    }

    #[test]
    fn added_and_removed_carry_the_time() {
        let new = edited(
            "\n      ]\n    }",
            r#",
        {"id": "nachtrag", "title": "Nachtrag", "duration": "30m"}
      ]
    }"#,
        );
        let added = diff(&week(WEEK), &new);
        assert_eq!(kinds(&added), [("nachtrag", ChangeKind::Added)]);
        assert_eq!(json(&added.changes[0].old), serde_json::Value::Null);
        assert_eq!(json(&added.changes[0].new), serde_json::Value::Null);
        let removed = diff(&new, &week(WEEK));
        assert_eq!(kinds(&removed), [("nachtrag", ChangeKind::Removed)]);
        assert_eq!(removed.changes[0].title, "Nachtrag");
    }

    #[test]
    fn several_changes_of_one_forum_are_listed_in_kind_order() {
        let new = WEEK
            .replace("2020-06-24T14:00", "2020-06-25T09:00")
            .replace(r#""title": "Werkstatt""#, r#""title": "Werkstatt II""#)
            .replace(r#"["Carla"]"#, r#"["Dora"]"#);
        let diff = diff(&week(WEEK), &week(&new));
        assert_eq!(
            kinds(&diff),
            [
                ("werkstatt", ChangeKind::Moved),
                ("werkstatt", ChangeKind::Retitled),
                ("werkstatt", ChangeKind::Speakers)
            ]
        );
        assert!(diff.changes.iter().all(|c| c.title == "Werkstatt II"));
        assert_eq!(diff.fora(), 1);
    }

    #[test]
    fn changes_are_ordered_by_the_new_start() {
        // abschluss moves before eroeffnung; werkstatt is removed (sorted by its old start).
        let new = WEEK
            .replace("2020-06-26T15:00", "2020-06-22T15:00")
            .replace(r#""title": "Eröffnung""#, r#""title": "Start""#)
            .replace(r#""id": "werkstatt""#, r#""id": "werkstatt-neu""#);
        let diff = diff(&week(WEEK), &week(&new));
        assert_eq!(
            kinds(&diff),
            [
                ("abschluss", ChangeKind::Moved),
                ("eroeffnung", ChangeKind::Retitled),
                ("werkstatt", ChangeKind::Removed),
                ("werkstatt-neu", ChangeKind::Added),
            ]
        );
    }

    #[test]
    fn a_new_zone_moves_every_forum() {
        let new = edited("Europe/Berlin", "Europe/London");
        let diff = diff(&week(WEEK), &new);
        assert_eq!(diff.changes.len(), 3);
        assert!(diff.changes.iter().all(|c| c.kind == ChangeKind::Moved));
        assert_eq!(
            json(&diff.changes[0].new),
            "2020-06-23T10:00:00+01:00/2020-06-23T11:00:00+01:00"
        );
        // The same instants in another zone are no change.
        let same = WEEK.replace("Europe/Berlin", "Europe/Paris");
        assert!(super::diff(&week(WEEK), &week(&same)).is_empty());
    }

    #[test]
    fn a_start_in_the_skipped_hour_is_a_time_of_its_own() {
        let spring = WEEK
            .replace("2020-06-23\"", "2021-03-26\"")
            .replace("2020-06-26\"", "2021-03-29\"")
            .replace("2020-06-23T10:00", "2021-03-28T02:30");
        let old = week(&spring);
        let new = week(&spring.replace("2021-03-28T02:30", "2021-03-28T03:30"));
        let diff = diff(&old, &new);
        let moved: Vec<_> = diff
            .changes
            .iter()
            .filter(|c| c.forum == "eroeffnung")
            .collect();
        assert_eq!(moved.len(), 1);
        assert_eq!(
            json(&moved[0].old),
            "2021-03-28T02:30:00/2021-03-28T03:30:00"
        );
        assert_eq!(
            shown(moved[0].old.as_ref(), diff.timezone, Language::En),
            "Sun 28 Mar 02:30–03:30 (skipped by the clock change)"
        );
        assert!(super::diff(&old, &old).is_empty());
    }

    #[test]
    fn duplicate_ids_pair_alike_fora_first() {
        let dupes = |fora: &str| {
            week(&format!(
                r#"{{"name": "d", "timezone": "Europe/Berlin", "start": "2020-06-23",
                    "end": "2020-06-26", "fora": [{fora}]}}"#
            ))
        };
        let a1 = r#"{"id": "a", "title": "A1", "start": "2020-06-23T10:00", "duration": 60}"#;
        let a2 = r#"{"id": "a", "title": "A2", "start": "2020-06-23T14:00", "duration": 60}"#;
        let a2_early = r#"{"id": "a", "title": "A2", "start": "2020-06-23T09:00", "duration": 60}"#;
        let a3 = r#"{"id": "a", "title": "A3", "duration": 60}"#;
        let old = dupes(&format!("{a1}, {a2}"));
        assert!(diff(&old, &dupes(&format!("{a2}, {a1}"))).is_empty());
        let moved = diff(&old, &dupes(&format!("{a1}, {a2_early}")));
        assert_eq!(kinds(&moved), [("a", ChangeKind::Moved)]);
        assert_eq!(moved.changes[0].title, "A2");
        let grown = diff(&old, &dupes(&format!("{a3}, {a1}, {a2}, {a2}")));
        let mut found = kinds(&grown);
        found.sort();
        assert_eq!(found, [("a", ChangeKind::Added), ("a", ChangeKind::Added)]);
        let shrunk = diff(&old, &dupes(a1));
        assert_eq!(kinds(&shrunk), [("a", ChangeKind::Removed)]);
        assert_eq!(shrunk.changes[0].title, "A2");
    }

    #[test]
    fn every_kind_has_its_words() {
        for (i, kind) in ChangeKind::ALL.iter().enumerate() {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.name());
            assert!(i == 0 || ChangeKind::ALL[i - 1] < *kind);
        }
        assert_eq!(GERMAN.kinds.len(), ChangeKind::ALL.len());
    }

    #[test]
    fn description_excerpts_show_where_the_texts_differ() {
        let start = "Ein langer Anfang, der gleich bleibt. ".repeat(4);
        let (old, new) = excerpts(&format!("{start}Alt."), &format!("{start}Neu."));
        assert_eq!(old, "…der gleich bleibt. Alt.");
        assert_eq!(new, "…der gleich bleibt. Neu.");
        let (old, new) = excerpts("Kurz.", &"Lang  und\nlänger. ".repeat(9));
        assert_eq!(old, "Kurz.");
        assert!(new.chars().count() <= EXCERPT_CHARS + 1);
        assert!(new.starts_with("Lang und länger. Lang") && new.ends_with('…'));
    }

    #[test]
    fn times_read_as_in_each_language() {
        let old = week(WEEK);
        let when = When::of(&old, &old.fora[0]);
        assert_eq!(
            time(when, old.timezone, Language::De),
            "Di 23.06. 10:00–11:00"
        );
        assert_eq!(
            time(when, old.timezone, Language::En),
            "Tue 23 Jun 10:00–11:00"
        );
        assert_eq!(
            time(when, chrono_tz::Europe::London, Language::En),
            "Tue 23 Jun 09:00–10:00"
        );
        let berlin = chrono_tz::Europe::Berlin;
        let at = |local: &str, minutes| {
            let start = NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M").unwrap();
            let start = berlin.from_local_datetime(&start).earliest().unwrap();
            When::Placed {
                start,
                end: start + TimeDelta::minutes(minutes),
            }
        };
        assert_eq!(
            time(at("2021-10-31T02:00", 90), berlin, Language::De),
            "So 31.10. 02:00 CEST–02:30 CET"
        );
        assert_eq!(
            time(at("2020-06-23T23:30", 60), berlin, Language::En),
            "Tue 23 Jun 23:30–00:30 (+1)"
        );
        assert_eq!(
            time(When::Unscheduled, old.timezone, Language::De),
            "noch nicht eingeplant"
        );
    }

    #[test]
    fn the_table_says_what_changed_in_both_languages() {
        let new = WEEK
            .replace("2020-06-23T10:00", "2020-06-23T11:00")
            .replace(r#""tentative""#, r#""cancelled""#)
            .replace("Los geht's.", &"Sehr lang. ".repeat(10));
        let diff = diff(&week(WEEK), &week(&new));
        let render = |language| {
            let table = table(&diff, language).unwrap();
            let mut out = Vec::new();
            write_table_with(&diff, language, &table, &mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        assert_eq!(
            render(Language::De),
            "\
┌──────────────┬───────────┬───────────────────────┬──────────────────────────────────────────────────────────────┐
│ Änderung     ┆ Forum     ┆ Vorher                ┆ Nachher                                                      │
╞══════════════╪═══════════╪═══════════════════════╪══════════════════════════════════════════════════════════════╡
│ Verschoben   ┆ Eröffnung ┆ Di 23.06. 10:00–11:00 ┆ Di 23.06. 11:00–12:00                                        │
│ Beschreibung ┆ Eröffnung ┆ Los geht's.           ┆ Sehr lang. Sehr lang. Sehr lang. Sehr lang. Sehr lang. Sehr… │
│ Abgesagt     ┆ Abschluss ┆ vorläufig             ┆ abgesagt                                                     │
└──────────────┴───────────┴───────────────────────┴──────────────────────────────────────────────────────────────┘
3 Änderungen für Teilnehmende (2 Fora).
"
        );
        assert_eq!(
            render(Language::En),
            "\
┌─────────────┬───────────┬────────────────────────┬──────────────────────────────────────────────────────────────┐
│ Change      ┆ Forum     ┆ Was                    ┆ Now                                                          │
╞═════════════╪═══════════╪════════════════════════╪══════════════════════════════════════════════════════════════╡
│ Moved       ┆ Eröffnung ┆ Tue 23 Jun 10:00–11:00 ┆ Tue 23 Jun 11:00–12:00                                       │
│ Description ┆ Eröffnung ┆ Los geht's.            ┆ Sehr lang. Sehr lang. Sehr lang. Sehr lang. Sehr lang. Sehr… │
│ Cancelled   ┆ Abschluss ┆ tentative              ┆ cancelled                                                    │
└─────────────┴───────────┴────────────────────────┴──────────────────────────────────────────────────────────────┘
3 changes for attendees (2 fora).
"
        );
    }
}
