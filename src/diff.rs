//! What changed for attendees between two versions of a week file: exactly what the
//! calendar publishes, so that `fora diff OLD NEW` finds no change if and only if
//! `fora ics NEW --previous <calendar of OLD>` publishes the same header and the same events,
//! byte for byte.
//!
//! The verdict is the calendar's own: each forum's event is rendered from both weeks by the
//! calendar writer and compared as `--previous` compares it, and so is the header (the
//! week's name, description, zone and language) and every UID (the week's identity). The
//! listing then says in attendees' words what differs: a forum added, removed, cancelled or
//! restored, moved, retitled, put in another room, with another join link or other details;
//! the week renamed, described anew, in another language or zone, with another contact, or
//! given another identity.
//!
//! Fora are compared by id. Fora without a start are in no calendar: what changes about them
//! is no change, until they get a start (then they have moved onto the programme). A week
//! file should not repeat an id (`fora check` reports it as an error), but `diff` still
//! answers: fora sharing an id are paired identical ones first, then those with the same
//! title, then the same time, then in order of time; any left over are added or removed.

use std::collections::BTreeMap;
use std::io::{self, Write};

use chrono::{DateTime, SecondsFormat, Utc};
use chrono_tz::Tz;
use comfy_table::ContentArrangement;
use comfy_table::presets::UTF8_FULL_CONDENSED;
use serde::{Serialize, Serializer};

use crate::export::ics::{Calendar, Options};
use crate::model::{Forum, Language, Status, Week, identity};
use crate::text::{DateStyle, t};
use crate::view::{ForumView, Organizer, When};

/// Every change for attendees between two weeks.
///
/// As JSON (by [`write_json`]): `{"week": [WeekChange, …], "changes": [Change, …]}`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diff {
    /// Changes of the week as a whole, in [`WeekChangeKind`] order.
    pub week: Vec<WeekChange>,
    /// By the forum's start (the new one, else the old one; unscheduled last), then id,
    /// then [`ChangeKind`] order.
    pub changes: Vec<Change>,
    /// The new week's zone; the table shows every time in it, old times too.
    #[serde(skip)]
    pub timezone: Tz,
}

impl Diff {
    /// Whether nothing changed for attendees.
    pub fn is_empty(&self) -> bool {
        self.week.is_empty() && self.changes.is_empty()
    }

    /// How many fora changed (a forum with several changes counts once).
    pub fn fora(&self) -> usize {
        let mut fora: Vec<&str> = self.changes.iter().map(|c| c.forum.as_str()).collect();
        fora.sort_unstable();
        fora.dedup();
        fora.len()
    }
}

/// A change of the week as a whole. As JSON: `{"kind": kind, "old": text, "new": text}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WeekChange {
    /// What changed.
    pub kind: WeekChangeKind,
    /// The value before.
    pub old: String,
    /// The value after.
    pub new: String,
}

/// What changed about the week; the order is the order they are listed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum WeekChangeKind {
    /// Its identity: every UID changes, so calendars drop every event and add them anew.
    /// `old` and `new` are the ids (a week without `id` has the one it would need).
    Identity,
    /// Its name.
    Name,
    /// Its description (its dates, when it has none).
    Description,
    /// The language its calendar is written in: `de` or `en`.
    Language,
    /// Its time zone.
    Zone,
    /// Whom attendees write to (ORGANIZER or CONTACT of every event): `Name <address>`,
    /// the address or the name; empty when there is none.
    Contact,
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
    /// A new forum in the calendar; `new` is its time.
    Added,
    /// The forum is gone from the file; `old` was its time.
    Removed,
    /// Its status became cancelled; `old` is the status it had.
    Cancelled,
    /// It was cancelled and is not any more; `new` is its status now.
    Restored,
    /// Tentative became confirmed or the other way round.
    Status,
    /// Its start changed, or it was scheduled or unscheduled; both are times.
    Moved,
    /// Only its end changed, to later; both are times.
    Longer,
    /// Only its end changed, to earlier; both are times.
    Shorter,
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
    pub const ALL: [ChangeKind; 14] = [
        ChangeKind::Added,
        ChangeKind::Removed,
        ChangeKind::Cancelled,
        ChangeKind::Restored,
        ChangeKind::Status,
        ChangeKind::Moved,
        ChangeKind::Longer,
        ChangeKind::Shorter,
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
            ChangeKind::Longer => "longer",
            ChangeKind::Shorter => "shorter",
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
///   `null` when the forum has no start;
/// * a status: `"confirmed"`, `"tentative"` or `"cancelled"`;
/// * speakers: the names joined by `", "`;
/// * anything else: the text as attendees see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// When the forum runs; `None` without a start.
    When(Option<When>),
    /// Whether it takes place.
    Status(Status),
    /// Who speaks, as shown: trimmed, joined by `, `.
    Speakers(String),
    /// A title, room name, link, format or description.
    Text(String),
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::When(None) => serializer.serialize_none(),
            Value::When(Some(when)) => serializer.collect_str(&format_args!(
                "{}/{}",
                when.start.to_rfc3339_opts(SecondsFormat::Secs, false),
                when.end.to_rfc3339_opts(SecondsFormat::Secs, false)
            )),
            Value::Status(status) => serializer.serialize_str(status.code()),
            Value::Speakers(names) | Value::Text(names) => serializer.serialize_str(names),
        }
    }
}

/// A forum of one side: what attendees see of it, and the event the calendar publishes.
#[derive(Clone, Debug)]
struct Side<'w> {
    shown: ForumView<'w>,
    /// The calendar's lines for it; `None` without a start.
    event: Option<String>,
    /// Where it sorts: its start, unscheduled last.
    key: Option<DateTime<Utc>>,
}

impl<'w> Side<'w> {
    fn new(calendar: &Calendar<'w>, forum: &'w Forum) -> Self {
        let shown = calendar.view().forum(forum);
        let key = shown.when.map(|w| w.start.with_timezone(&Utc));
        Side {
            event: calendar.content(&shown),
            shown,
            key,
        }
    }

    /// Orders fora sharing an id; the event holds all attendees see, so the order is total.
    fn order(&self) -> impl Ord + '_ {
        (
            (self.key.is_none(), self.key),
            &self.event,
            &self.shown.forum.title,
        )
    }
}

/// Every change for attendees from `old` to `new`, each week's calendar in its own
/// language (the file's, else English).
pub fn diff(old: &Week, new: &Week) -> Diff {
    diff_in(old, old.language(), new, new.language())
}

/// Every change for attendees from `old`, published in `old_language`, to `new`, published
/// in `new_language`.
pub fn diff_in(old: &Week, old_language: Language, new: &Week, new_language: Language) -> Diff {
    let options = Options::default();
    let (old_calendar, new_calendar) = (
        Calendar::new(old, old_language, [], &options, None),
        Calendar::new(new, new_language, [], &options, None),
    );
    let mut groups: BTreeMap<&str, (Vec<Side>, Vec<Side>)> = BTreeMap::new();
    for forum in &old.fora {
        let side = Side::new(&old_calendar, forum);
        groups.entry(&forum.id).or_default().0.push(side);
    }
    for forum in &new.fora {
        let side = Side::new(&new_calendar, forum);
        groups.entry(&forum.id).or_default().1.push(side);
    }
    // New UIDs change a calendar only where it has events to publish anew: every new one,
    // and every old one not cancelled already (which `--previous` republishes cancelled).
    let events = groups.values().any(|(olds, news)| {
        news.iter().any(|side| side.event.is_some())
            || olds
                .iter()
                .any(|side| side.event.is_some() && side.shown.status != Status::Cancelled)
    });
    // The contact is in every event the new calendar publishes from the week.
    let published = groups
        .values()
        .any(|(_, news)| news.iter().any(|side| side.event.is_some()));
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
        week: week_changes(&old_calendar, &new_calendar, events, published),
        changes: keyed.into_iter().map(|(_, _, change)| change).collect(),
        timezone: new.timezone,
    }
}

/// What changed of the week as a whole: its identity (when a calendar has `events` to
/// identify), the calendar's header, and its contact (when the new calendar has events
/// `published` from the week).
fn week_changes(old: &Calendar, new: &Calendar, events: bool, published: bool) -> Vec<WeekChange> {
    let id = |week: &Week| week.id.clone().unwrap_or_else(|| identity::legacy_id(week));
    let (before, after) = (old.view().header(), new.view().header());
    let (old, new) = (old.view().week, new.view().week);
    let mut changes = Vec::new();
    let mut push = |kind, old: String, new: String| {
        if old != new {
            changes.push(WeekChange { kind, old, new });
        }
    };
    if events && identity::uid_tail(old) != identity::uid_tail(new) {
        push(WeekChangeKind::Identity, id(old), id(new));
    }
    push(WeekChangeKind::Name, before.name.into(), after.name.into());
    push(
        WeekChangeKind::Description,
        before.description.into_owned(),
        after.description.into_owned(),
    );
    push(
        WeekChangeKind::Language,
        before.language.code().into(),
        after.language.code().into(),
    );
    push(
        WeekChangeKind::Zone,
        before.zone.name().into(),
        after.zone.name().into(),
    );
    if published {
        let contact = |o: Option<Organizer>| o.map(|o| o.to_string()).unwrap_or_default();
        push(
            WeekChangeKind::Contact,
            contact(before.organizer),
            contact(after.organizer),
        );
    }
    changes
}

type Pair<'w> = (Option<Side<'w>>, Option<Side<'w>>);

/// Pairs the fora of one id: the usual one with one, or a duplicated id as the module says.
fn pair<'w>(mut olds: Vec<Side<'w>>, mut news: Vec<Side<'w>>) -> Vec<Pair<'w>> {
    if olds.len() <= 1 && news.len() <= 1 {
        return vec![(olds.pop(), news.pop())];
    }
    olds.sort_by(|a, b| a.order().cmp(&b.order()));
    news.sort_by(|a, b| a.order().cmp(&b.order()));
    let mut olds: Vec<Option<Side>> = olds.into_iter().map(Some).collect();
    let mut news: Vec<Option<Side>> = news.into_iter().map(Some).collect();
    let mut pairs = Vec::new();
    let alike: [fn(&Side, &Side) -> bool; 4] = [
        |a, b| a.event == b.event,
        |a, b| a.shown.forum.title == b.shown.forum.title,
        |a, b| a.shown.when.map(|w| (w.start, w.end)) == b.shown.when.map(|w| (w.start, w.end)),
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

/// The changes of one forum, in [`ChangeKind`] order: none when its event is the same, or
/// when it is in neither calendar.
fn compare(before: Option<&Side>, after: Option<&Side>) -> Vec<Change> {
    let (old_event, new_event) = (
        before.and_then(|s| s.event.as_ref()),
        after.and_then(|s| s.event.as_ref()),
    );
    if old_event == new_event {
        return Vec::new();
    }
    // A cancelled forum that leaves the calendar stays in it as it was: `--previous`
    // publishes an event already cancelled unchanged.
    if new_event.is_none() && before.is_some_and(|b| b.shown.status == Status::Cancelled) {
        return Vec::new();
    }
    let (b, a) = match (before, after) {
        (Some(b), Some(a)) => (&b.shown, &a.shown),
        (None, Some(a)) => {
            let new = Some(Value::When(a.shown.when));
            return vec![change(&a.shown, ChangeKind::Added, None, new)];
        }
        (Some(b), None) => {
            let old = Some(Value::When(b.shown.when));
            return vec![change(&b.shown, ChangeKind::Removed, old, None)];
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
    let instants = |when: Option<When>| when.map(|w| (w.start, w.end));
    if instants(b.when) != instants(a.when) {
        // Attendees read "longer" where only the end moved: the start in their calendar holds.
        let time = match (b.when, a.when) {
            (Some(was), Some(is)) if was.start == is.start && is.end > was.end => {
                ChangeKind::Longer
            }
            (Some(was), Some(is)) if was.start == is.start => ChangeKind::Shorter,
            _ => ChangeKind::Moved,
        };
        push(time, Some(Value::When(b.when)), Some(Value::When(a.when)));
    }
    let text = |t: Option<&str>| t.map(|t| Value::Text(t.to_owned()));
    push(
        ChangeKind::Retitled,
        text(Some(&b.forum.title)),
        text(Some(&a.forum.title)),
    );
    push(ChangeKind::Room, text(b.room), text(a.room));
    push(ChangeKind::Link, text(b.link), text(a.link));
    push(ChangeKind::Format, text(b.format), text(a.format));
    let speakers = |s: &ForumView| {
        let names: Vec<&str> = s.speakers().collect();
        (!names.is_empty()).then(|| Value::Speakers(names.join(", ")))
    };
    push(ChangeKind::Speakers, speakers(b), speakers(a));
    push(
        ChangeKind::Description,
        text(b.description),
        text(a.description),
    );
    changes
}

fn change(shown: &ForumView, kind: ChangeKind, old: Option<Value>, new: Option<Value>) -> Change {
    Change {
        forum: shown.forum.id.clone(),
        kind,
        title: shown.forum.title.clone(),
        old,
        new,
    }
}

/// The diff as one JSON document, `{"week": […], "changes": […]}`, pretty, with a trailing
/// newline.
pub fn write_json(diff: &Diff, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, diff)?;
    writeln!(out)
}

/// The diff as a table for people: one row a change, the week's first, then a line that
/// counts them.
///
/// Times are shown in the new week's zone.
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
    writeln!(out, "{table}")?;
    writeln!(out, "{}", summary(diff, language))
}

/// The table's rows, or `None` when there is nothing to show.
fn table(diff: &Diff, language: Language) -> Option<comfy_table::Table> {
    if diff.is_empty() {
        return None;
    }
    let l = language;
    let mut table = comfy_table::Table::new();
    table.load_preset(UTF8_FULL_CONDENSED);
    table.set_header([
        t!(l, "diff-column-change"),
        t!(l, "diff-column-forum"),
        t!(l, "diff-column-old"),
        t!(l, "diff-column-new"),
    ]);
    for row in rows(diff, language) {
        table.add_row([row.change, row.title, row.old, row.new]);
    }
    Some(table)
}

/// One change as people read it, in the table of `fora diff` and on the site's page of
/// changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// What changed: "Verschoben".
    pub change: String,
    /// The forum's id; `None` for a change of the week.
    pub forum: Option<String>,
    /// The forum's title as shown, or "the week".
    pub title: String,
    /// Before, in words ("—" for nothing).
    pub old: String,
    /// After, in words.
    pub new: String,
}

/// Every change in words, the week's first: times in the new week's zone, descriptions cut
/// to where they differ.
pub fn rows(diff: &Diff, language: Language) -> Vec<Row> {
    let l = language;
    let mut rows = Vec::with_capacity(diff.week.len() + diff.changes.len());
    for change in &diff.week {
        let (old, new) = match change.kind {
            WeekChangeKind::Description => excerpts(&change.old, &change.new),
            _ => (change.old.clone(), change.new.clone()),
        };
        let none = |text: String| {
            if text.is_empty() {
                "—".to_owned()
            } else {
                text
            }
        };
        rows.push(Row {
            change: week_kind(change.kind, l),
            forum: None,
            title: t!(l, "diff-the-week"),
            old: none(old),
            new: none(new),
        });
    }
    for change in &diff.changes {
        let cell = |value: &Option<Value>| shown(value.as_ref(), diff.timezone, language);
        let (old, new) = match (change.kind, &change.old, &change.new) {
            (ChangeKind::Description, Some(Value::Text(old)), Some(Value::Text(new))) => {
                excerpts(old, new)
            }
            _ => (cell(&change.old), cell(&change.new)),
        };
        rows.push(Row {
            change: kind(change.kind, l),
            forum: Some(change.forum.clone()),
            title: change.title.clone(),
            old,
            new,
        });
    }
    rows
}

/// "3 changes for attendees (2 fora)." / "No changes for attendees."
pub fn summary(diff: &Diff, language: Language) -> String {
    let changes = diff.week.len() + diff.changes.len();
    t!(
        language,
        "diff-summary",
        changes = changes,
        fora = diff.fora()
    )
}

/// A change of the week, in words.
fn week_kind(kind: WeekChangeKind, l: Language) -> String {
    match kind {
        WeekChangeKind::Identity => t!(l, "diff-week-identity"),
        WeekChangeKind::Name => t!(l, "diff-week-name"),
        WeekChangeKind::Description => t!(l, "diff-week-description"),
        WeekChangeKind::Language => t!(l, "diff-week-language"),
        WeekChangeKind::Zone => t!(l, "diff-week-zone"),
        WeekChangeKind::Contact => t!(l, "diff-week-contact"),
    }
}

/// A change of a forum, in words.
fn kind(kind: ChangeKind, l: Language) -> String {
    match kind {
        ChangeKind::Added => t!(l, "diff-added"),
        ChangeKind::Removed => t!(l, "diff-removed"),
        ChangeKind::Cancelled => t!(l, "diff-cancelled"),
        ChangeKind::Restored => t!(l, "diff-restored"),
        ChangeKind::Status => t!(l, "diff-status"),
        ChangeKind::Moved => t!(l, "diff-moved"),
        ChangeKind::Longer => t!(l, "diff-longer"),
        ChangeKind::Shorter => t!(l, "diff-shorter"),
        ChangeKind::Retitled => t!(l, "diff-retitled"),
        ChangeKind::Room => t!(l, "diff-room"),
        ChangeKind::Link => t!(l, "diff-link"),
        ChangeKind::Format => t!(l, "word-format"),
        ChangeKind::Speakers => t!(l, "word-speakers"),
        ChangeKind::Description => t!(l, "diff-description"),
    }
}

/// A status, in words: "bestätigt", "vorläufig", "abgesagt".
pub fn status(status: Status, l: Language) -> String {
    crate::view::status(status, l)
}

/// A value as the table shows it; a description on one line, cut to [`EXCERPT_CHARS`].
fn shown(value: Option<&Value>, zone: Tz, language: Language) -> String {
    let Some(value) = value else {
        return "—".to_owned();
    };
    match value {
        Value::When(when) => time(*when, zone, language),
        Value::Status(s) => status(*s, language),
        Value::Speakers(names) | Value::Text(names) => names.clone(),
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

/// "Di 23.06. 10:00–11:00" / "Tue 23 Jun 10:00–11:00", in `zone`.
fn time(when: Option<When>, zone: Tz, language: Language) -> String {
    match when {
        None => t!(language, "diff-unscheduled"),
        Some(when) => When {
            start: when.start.with_timezone(&zone),
            end: when.end.with_timezone(&zone),
            clock: when.clock,
        }
        .range(language, Some(DateStyle::WeekdayShort)),
    }
}

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
    fn a_forum_that_ends_later_is_longer_and_one_that_ends_earlier_shorter() {
        let diff = diff(&week(WEEK), &edited(r#""45m""#, r#""1h""#));
        assert_eq!(kinds(&diff), [("werkstatt", ChangeKind::Longer)]);
        assert_eq!(
            json(&diff.changes[0].new),
            "2020-06-24T14:00:00+02:00/2020-06-24T15:00:00+02:00"
        );
        let diff = super::diff(&edited(r#""45m""#, r#""1h""#), &week(WEEK));
        assert_eq!(kinds(&diff), [("werkstatt", ChangeKind::Shorter)]);
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
    fn added_and_removed_carry_the_time_and_fora_without_a_start_are_in_no_calendar() {
        let new = edited(
            "\n      ]\n    }",
            r#",
        {"id": "nachtrag", "title": "Nachtrag", "start": "2020-06-25T10:00", "duration": "30m"},
        {"id": "offen", "title": "Offen", "duration": "30m"}
      ]
    }"#,
        );
        let added = diff(&week(WEEK), &new);
        assert_eq!(kinds(&added), [("nachtrag", ChangeKind::Added)]);
        assert_eq!(json(&added.changes[0].old), serde_json::Value::Null);
        assert_eq!(
            json(&added.changes[0].new),
            "2020-06-25T10:00:00+02:00/2020-06-25T10:30:00+02:00"
        );
        let removed = diff(&new, &week(WEEK));
        assert_eq!(kinds(&removed), [("nachtrag", ChangeKind::Removed)]);
        assert_eq!(removed.changes[0].title, "Nachtrag");
        // A forum without a start changes nothing a calendar shows, until it gets one.
        let mut retitled = new.clone();
        retitled.fora.last_mut().unwrap().title = "Anders".into();
        assert!(diff(&new, &retitled).is_empty());
        let mut scheduled = new.clone();
        scheduled.fora.last_mut().unwrap().start =
            chrono::NaiveDateTime::parse_from_str("2020-06-25T12:00", "%Y-%m-%dT%H:%M").ok();
        assert_eq!(
            kinds(&diff(&new, &scheduled)),
            [("offen", ChangeKind::Moved)]
        );
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
        assert_eq!(
            diff.week,
            [WeekChange {
                kind: WeekChangeKind::Zone,
                old: "Europe/Berlin".into(),
                new: "Europe/London".into()
            }]
        );
        // The same instants in another zone move no forum, but the calendar names the zone.
        let same = WEEK.replace("Europe/Berlin", "Europe/Paris");
        let zone = super::diff(&week(WEEK), &week(&same));
        assert!(zone.changes.is_empty());
        assert_eq!(zone.week.len(), 1);
    }

    #[test]
    fn a_start_in_the_skipped_hour_is_where_the_calendar_puts_it() {
        let spring = WEEK
            .replace("2020-06-23\"", "2021-03-26\"")
            .replace("2020-06-26\"", "2021-03-29\"")
            .replace("2020-06-23T10:00", "2021-03-28T02:30");
        let old = week(&spring);
        // 02:30 never happens; the calendar shows it at 03:30, so 03:30 is no move.
        let same = week(&spring.replace("2021-03-28T02:30", "2021-03-28T03:30"));
        assert!(super::diff(&old, &same).is_empty());
        let later = week(&spring.replace("2021-03-28T02:30", "2021-03-28T04:30"));
        let diff = super::diff(&old, &later);
        let moved: Vec<_> = diff
            .changes
            .iter()
            .filter(|c| c.forum == "eroeffnung")
            .collect();
        assert_eq!(moved.len(), 1);
        assert_eq!(
            json(&moved[0].old),
            "2021-03-28T03:30:00+02:00/2021-03-28T04:30:00+02:00"
        );
        assert_eq!(
            shown(moved[0].old.as_ref(), diff.timezone, Language::En),
            "Sun 28 Mar 03:30–04:30"
        );
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
        // The third has no start: it is in no calendar.
        let grown = diff(&old, &dupes(&format!("{a3}, {a1}, {a2}, {a2}")));
        assert_eq!(kinds(&grown), [("a", ChangeKind::Added)]);
        let shrunk = diff(&old, &dupes(a1));
        assert_eq!(kinds(&shrunk), [("a", ChangeKind::Removed)]);
        assert_eq!(shrunk.changes[0].title, "A2");
    }

    #[test]
    fn every_kind_has_its_words() {
        for language in [Language::De, Language::En] {
            let mut words: Vec<String> =
                ChangeKind::ALL.iter().map(|&k| kind(k, language)).collect();
            words.sort();
            words.dedup();
            assert_eq!(words.len(), ChangeKind::ALL.len(), "{language:?}");
        }
        for (i, kind) in ChangeKind::ALL.iter().enumerate() {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.name());
            assert!(i == 0 || ChangeKind::ALL[i - 1] < *kind);
        }
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
        let when = crate::view::View::new(&old, Language::De)
            .forum(&old.fora[0])
            .when;
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
            let start = chrono::NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M").unwrap();
            let duration = crate::model::Duration::from_minutes(minutes).unwrap();
            When::of(old.place(start, duration))
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
            time(None, old.timezone, Language::De),
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
