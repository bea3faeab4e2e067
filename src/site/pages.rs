//! The site's pages: what each shows, read off the timetable and the attendees' view, and
//! the askama templates that write them.

use std::collections::BTreeSet;

use askama::Template;
use chrono::{DateTime, NaiveDate};
use chrono_tz::Tz;
use rustc_hash::FxHashMap as HashMap;
use serde_json::json;

use super::{Options, Site, SiteWords, calendars, script_json};
use crate::check::Report;
use crate::diff::Diff;
use crate::export::{Selection, Timetable};
use crate::model::{Forum, Language, Status, Week, identity, slug};
use crate::text::{self, DateStyle, t};
use crate::view::{ForumView, View, When, folded};

/// A time as a page writes it: machine-readable with its offset, and as read.
#[derive(Clone, Debug)]
pub struct Stamp {
    /// `2020-06-23T10:00:00+02:00`.
    pub iso: String,
    /// `10:00`.
    pub text: String,
}

/// When a forum runs, as its element shows it: `10:00–11:00 MESZ`.
#[derive(Clone, Debug)]
pub struct Times {
    /// The date before the times, on pages that do not group by day.
    pub date: Option<Stamp>,
    /// The start.
    pub start: Stamp,
    /// The end.
    pub end: Stamp,
    /// The zone's abbreviation at the start, in the page's language (`MESZ`).
    pub start_zone: String,
    /// The zone's at the end, when the clocks change in between.
    pub end_zone: Option<String>,
    /// `(+1)` when it ends on a later day.
    pub later: Option<String>,
}

/// A name, and the page about it (relative to the language's folder) when there is one.
#[derive(Clone, Debug)]
pub struct Named {
    /// The name.
    pub name: String,
    /// Its page.
    pub href: Option<String>,
}

/// One forum as every page shows it.
#[derive(Clone, Debug)]
pub struct Card {
    /// Its id.
    pub id: String,
    /// Its title as shown (a cancelled forum's says so).
    pub title: String,
    /// Its page, relative to the language's folder.
    pub href: String,
    /// Its start in UTC (`2020-06-23T08:00:00Z`), for the script.
    pub start_utc: String,
    /// Its end in UTC.
    pub end_utc: String,
    /// When it runs.
    pub times: Times,
    /// Its room.
    pub room: Option<Named>,
    /// Its room's id, as the file gives it.
    pub room_id: Option<String>,
    /// Who speaks.
    pub speakers: Vec<Named>,
    /// Its format.
    pub format: Option<String>,
    /// "vorläufig" or "abgesagt"; `None` when confirmed.
    pub status: Option<String>,
    /// Whether it was cancelled.
    pub cancelled: bool,
    /// Its join link.
    pub join: Option<String>,
}

/// Links to one calendar: download, and with a base URL, subscribe and its address.
#[derive(Clone, Debug)]
pub struct CalendarLinks {
    /// The file, relative to the language's folder.
    pub href: String,
    /// The name a download is saved under.
    pub download: String,
    /// What the download link says.
    pub label: String,
    /// Its https address under the base URL.
    pub https: Option<String>,
    /// Its `webcal://` address.
    pub webcal: Option<String>,
}

/// A speaker: one person however the file spells them, with the page about them.
#[derive(Clone, Debug)]
struct Speaker {
    name: String,
    slug: String,
    fora: Vec<String>,
}

/// What every page of one language shares, worked out once.
pub struct Shared<'w> {
    week: &'w Week,
    language: Language,
    view: View<'w>,
    words: SiteWords,
    timetable: Timetable,
    cards: HashMap<String, Card>,
    /// The room columns of the programme: the rooms that hold fora, declared ones first.
    columns: Vec<(Option<String>, String)>,
    speakers: Vec<Speaker>,
    /// Rooms with a page and a calendar, by id.
    rooms: Vec<&'w crate::model::Room>,
    days: BTreeSet<NaiveDate>,
    base_url: Option<url::Url>,
    css: bool,
    changes: bool,
    data: String,
}

impl<'w> Shared<'w> {
    /// What the pages of `week` in `language` share.
    pub fn new(
        week: &'w Week,
        language: Language,
        options: &Options,
        report: &Report,
        parts: &calendars::Parts<'w>,
        diff: Option<&Diff>,
    ) -> Self {
        let view = View::new(week, language);
        let words = SiteWords::new(language);
        let timetable = Timetable::new(week, report, language, &Selection::default());
        let speakers = speakers(week, &view);
        let slugs: HashMap<String, String> = speakers
            .iter()
            .map(|s| (folded(&s.name).collect(), s.slug.clone()))
            .collect();
        let rooms = parts.rooms.clone();
        let mut placer = week.placer();
        let mut cards = HashMap::default();
        let mut columns: Vec<(Option<String>, String)> = rooms
            .iter()
            .map(|r| (Some(r.id.clone()), r.name.clone()))
            .collect();
        let mut roomless = false;
        for forum in &week.fora {
            let shown = view.placed(forum, placer.place(forum));
            let Some(when) = shown.when else { continue };
            match &forum.room {
                Some(id) if !columns.iter().any(|(c, _)| c.as_deref() == Some(id)) => {
                    columns.push((Some(id.clone()), view.room_name(id).to_owned()));
                }
                None => roomless = true,
                _ => {}
            }
            let card = card(&shown, when, language, &rooms, &slugs);
            cards.insert(forum.id.clone(), card);
        }
        if roomless {
            columns.push((None, words.no_room.clone()));
        }
        let data = script_json(&json!({
            "week": week_id(week),
            "language": language.code(),
            // The words the script writes itself.
            "words": {
                "zone_viewer": words.zone_viewer,
                "now": words.now,
                "next": words.next,
                "join": words.join,
                "copied": words.copied,
            },
        }));
        Self {
            week,
            language,
            view,
            words,
            timetable,
            cards,
            columns,
            speakers,
            rooms,
            days: parts.days.clone(),
            base_url: options.base_url.cloned(),
            css: options.css.is_some(),
            changes: diff.is_some(),
            data,
        }
    }

    /// The frame of a page at `here` (within the language's folder), titled `title`.
    fn page(&self, here: &str, title: &str) -> Page<'_> {
        let depth = here.matches('/').count();
        let up = "../".repeat(depth);
        let other = match self.language {
            Language::De => Language::En,
            Language::En => Language::De,
        };
        let title = if title == self.week.name {
            title.to_owned()
        } else {
            t!(
                self.language,
                "site-page-title",
                title = title,
                week = self.week.name.as_str()
            )
        };
        Page {
            lang: self.language.code(),
            title,
            root: format!("{up}../"),
            up,
            switch: format!("../{}{}/{here}", "../".repeat(depth), other.code()),
            other_lang: other.code(),
            other_name: t!(other, "site-language-name"),
            css: self.css,
            changes: self.changes,
            words: &self.words,
            week_name: &self.week.name,
            data: &self.data,
        }
    }

    /// Links to a calendar at `path` within the language's folder.
    fn calendar(&self, path: &str, label: &str, download: &str) -> CalendarLinks {
        let https = self
            .base_url
            .as_ref()
            .and_then(|base| base.join(&format!("{}/{path}", self.language.code())).ok());
        let webcal = https.as_ref().map(|url| {
            let text = url.as_str();
            let rest = text.split_once("://").map_or(text, |(_, rest)| rest);
            format!("webcal://{rest}")
        });
        CalendarLinks {
            href: path.to_owned(),
            download: format!("{download}.ics"),
            label: label.to_owned(),
            https: https.map(String::from),
            webcal,
        }
    }

    /// The cards of the fora with these ids, in the timetable's order, grouped by day.
    fn by_day(&self, ids: &[&str]) -> Vec<DayList<'_>> {
        let ids: rustc_hash::FxHashSet<&str> = ids.iter().copied().collect();
        let mut days = Vec::new();
        for day in &self.timetable.days {
            let cards: Vec<&Card> = day
                .rows
                .iter()
                .filter(|row| ids.contains(&row.id.as_str()))
                .filter_map(|row| self.cards.get(&row.id))
                .collect();
            if !cards.is_empty() {
                days.push(DayList {
                    date: day.date,
                    heading: self.timetable.heading(day.date),
                    cards,
                });
            }
        }
        days
    }

    /// "Alle Zeiten in MESZ (Europe/Berlin).": the zone's abbreviations during the week
    /// (two when the clocks change), and its name.
    fn zone_note(&self) -> String {
        let zone = self.week.timezone;
        let mut names: Vec<String> = Vec::new();
        for row in self.timetable.days.iter().flat_map(|day| &day.rows) {
            let name = zone_word(self.language, row.start());
            if !names.contains(&name) {
                names.push(name);
            }
        }
        if names.is_empty() {
            names.push(zone.name().to_owned());
        }
        t!(
            self.language,
            "site-zone-week",
            zone = names.join(" / "),
            name = zone.name()
        )
    }

    fn week_id(&self) -> String {
        week_id(self.week)
    }
}

/// The week's id, which names its selection in the browser and its downloads.
fn week_id(week: &Week) -> String {
    week.id.clone().unwrap_or_else(|| identity::legacy_id(week))
}

/// The frame every page shares (`base.html`).
pub struct Page<'a> {
    lang: &'static str,
    title: String,
    /// From the page to its language's folder: `""`, `"../"`.
    up: String,
    /// From the page to the site's root.
    root: String,
    /// The same page in the other language.
    switch: String,
    other_lang: &'static str,
    other_name: String,
    css: bool,
    changes: bool,
    words: &'a SiteWords,
    week_name: &'a str,
    data: &'a str,
}

/// One day of a page that lists fora.
pub struct DayList<'a> {
    date: NaiveDate,
    heading: String,
    cards: Vec<&'a Card>,
}

/// One day of the programme: a table with a row a start time and a column a room.
struct Day<'a> {
    date: NaiveDate,
    heading: String,
    total: String,
    calendar: Option<CalendarLinks>,
    rows: Vec<Row<'a>>,
}

/// The fora that start at one time, a cell a room.
struct Row<'a> {
    start_utc: String,
    start: Stamp,
    zone: String,
    cells: Vec<Vec<&'a Card>>,
}

#[derive(Template)]
#[template(path = "programme.html")]
struct ProgrammePage<'a> {
    page: Page<'a>,
    description: Vec<String>,
    total: String,
    zone_note: String,
    columns: Vec<String>,
    days: Vec<Day<'a>>,
    calendar: CalendarLinks,
    rooms: Vec<Named>,
    speakers: Vec<Named>,
    selection: String,
    selection_file: String,
}

#[derive(Template)]
#[template(path = "forum.html")]
struct ForumPage<'a> {
    page: Page<'a>,
    card: &'a Card,
    duration: String,
    tentative: bool,
    description: Vec<String>,
    calendar: CalendarLinks,
    google: String,
    outlook_com: String,
    outlook_365: String,
}

#[derive(Template)]
#[template(path = "room.html")]
struct RoomPage<'a> {
    page: Page<'a>,
    name: String,
    join: Option<String>,
    capacity: Option<String>,
    days: Vec<DayList<'a>>,
    calendar: CalendarLinks,
}

#[derive(Template)]
#[template(path = "speaker.html")]
struct SpeakerPage<'a> {
    page: Page<'a>,
    name: String,
    days: Vec<DayList<'a>>,
}

#[derive(Template)]
#[template(path = "changes.html")]
struct ChangesPage<'a> {
    page: Page<'a>,
    zone_note: String,
    summary: String,
    rows: Vec<ChangeRow>,
}

struct ChangeRow {
    change: String,
    forum: Named,
    old: String,
    new: String,
}

#[derive(Template)]
#[template(path = "root.html")]
struct RootPage {
    lang: &'static str,
    title: String,
    target: String,
    links: Vec<(&'static str, String, String)>,
}

/// Writes every page of one language.
pub fn write(site: &mut Site, shared: &Shared, diff: Option<&Diff>) {
    let folder = shared.language.code();
    let mut add = |here: &str, html: String| site.add(format!("{folder}/{here}"), html);
    add("index.html", render(&programme(shared)));
    for forum in &shared.week.fora {
        if let Some(card) = shared.cards.get(&forum.id) {
            let here = format!("fora/{}.html", forum.id);
            add(&here, render(&forum_page(shared, forum, card, &here)));
        }
    }
    for room in &shared.rooms {
        let here = format!("rooms/{}.html", room.id);
        let ids: Vec<&str> = shared
            .week
            .fora
            .iter()
            .filter(|f| f.room.as_deref() == Some(room.id.as_str()))
            .map(|f| f.id.as_str())
            .collect();
        let page = RoomPage {
            page: shared.page(&here, &room.name),
            name: room.name.clone(),
            join: room.url.clone().filter(|u| !u.trim().is_empty()),
            capacity: room
                .capacity
                .map(|capacity| t!(shared.language, "site-capacity", capacity = capacity)),
            days: shared.by_day(&ids),
            calendar: shared.calendar(
                &calendars::room(&room.id),
                &shared.words.download_room,
                &format!("{}-{}", shared.week_id(), room.id),
            ),
        };
        add(&here, render(&page));
    }
    for speaker in &shared.speakers {
        let here = format!("speakers/{}.html", speaker.slug);
        let ids: Vec<&str> = speaker.fora.iter().map(String::as_str).collect();
        let page = SpeakerPage {
            page: shared.page(&here, &speaker.name),
            name: speaker.name.clone(),
            days: shared.by_day(&ids),
        };
        add(&here, render(&page));
    }
    if let Some(diff) = diff {
        let rows = crate::diff::rows(diff, shared.language)
            .into_iter()
            .map(|row| ChangeRow {
                forum: Named {
                    href: row
                        .forum
                        .filter(|id| shared.cards.contains_key(id))
                        .map(|id| format!("fora/{id}.html")),
                    name: row.title,
                },
                change: row.change,
                old: row.old,
                new: row.new,
            })
            .collect();
        let page = ChangesPage {
            page: shared.page("changes.html", &shared.words.changes),
            zone_note: shared.zone_note(),
            summary: crate::diff::summary(diff, shared.language),
            rows,
        };
        add("changes.html", render(&page));
    }
}

/// The root page: it leads to the week's language, and links both.
pub fn root(site: &mut Site, week: &Week) {
    let language = week.language();
    let page = RootPage {
        lang: language.code(),
        title: week.name.clone(),
        target: format!("{}/index.html", language.code()),
        links: super::LANGUAGES
            .iter()
            .map(|&l| {
                (
                    l.code(),
                    format!("{}/index.html", l.code()),
                    t!(l, "site-root-link"),
                )
            })
            .collect(),
    };
    site.add("index.html", render(&page));
}

fn render(template: &impl Template) -> String {
    template.render().expect("templates write to memory")
}

/// The programme page: every day as a table.
fn programme<'a>(shared: &'a Shared) -> ProgrammePage<'a> {
    let language = shared.language;
    let columns: Vec<String> = shared
        .columns
        .iter()
        .map(|(_, name)| name.clone())
        .collect();
    let week_id = shared.week_id();
    let days = days(shared, columns.len(), &week_id);
    ProgrammePage {
        page: shared.page("index.html", &shared.week.name),
        description: paragraphs(shared.week.description.as_deref()),
        total: shared
            .timetable
            .total(shared.timetable.fora(), shared.timetable.minutes()),
        zone_note: shared.zone_note(),
        columns,
        days,
        calendar: shared.calendar(calendars::WEEK, &shared.words.download_week, &week_id),
        rooms: shared
            .rooms
            .iter()
            .map(|room| Named {
                name: room.name.clone(),
                href: Some(format!("rooms/{}.html", room.id)),
            })
            .collect(),
        speakers: shared
            .speakers
            .iter()
            .map(|s| Named {
                name: s.name.clone(),
                href: Some(format!("speakers/{}.html", s.slug)),
            })
            .collect(),
        selection: script_json(&calendars::selection(shared.week, language)),
        selection_file: format!("{week_id}-{}.ics", slug(&shared.words.selection)),
    }
}

/// The days of the programme, each a table: a row a start time, a column a room.
fn days<'a>(shared: &'a Shared, width: usize, week_id: &str) -> Vec<Day<'a>> {
    let columns_by_room: HashMap<Option<&str>, usize> = shared
        .columns
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (id.as_deref(), i))
        .collect();
    shared
        .timetable
        .days
        .iter()
        .map(|day| {
            let mut rows: Vec<Row> = Vec::new();
            for row in &day.rows {
                let Some(card) = shared.cards.get(&row.id) else {
                    continue;
                };
                let column = columns_by_room
                    .get(&card.room_id.as_deref())
                    .copied()
                    .unwrap_or(0);
                let same = rows.last().is_some_and(|r| r.start_utc == card.start_utc);
                if !same {
                    rows.push(Row {
                        start_utc: card.start_utc.clone(),
                        start: card.times.start.clone(),
                        zone: card.times.start_zone.clone(),
                        cells: vec![Vec::new(); width],
                    });
                }
                if let Some(last) = rows.last_mut() {
                    last.cells[column].push(card);
                }
            }
            let calendar = shared.days.contains(&day.date).then(|| {
                shared.calendar(
                    &calendars::day(day.date),
                    &shared.words.download_day,
                    &format!("{week_id}-{}", day.date),
                )
            });
            Day {
                date: day.date,
                heading: shared.timetable.heading(day.date),
                total: shared.timetable.total(day.rows.len(), day.minutes()),
                calendar,
                rows,
            }
        })
        .collect()
}

/// A forum's page.
fn forum_page<'a>(shared: &'a Shared, forum: &Forum, card: &'a Card, here: &str) -> ForumPage<'a> {
    let language = shared.language;
    let view = &shared.view;
    let shown = view.forum(forum);
    let when = shown.when.expect("a card is made of a scheduled forum");
    let mut pieces = Vec::new();
    shown.details(&view.words, &mut pieces);
    let details = pieces.concat();
    let utc = |at: DateTime<Tz>, pattern: &str| at.naive_utc().format(pattern).to_string();
    let location = shown.room.unwrap_or_default();
    let google = link(
        "https://calendar.google.com/calendar/render",
        &[
            ("action", "TEMPLATE"),
            ("text", &shown.title),
            (
                "dates",
                &format!(
                    "{}/{}",
                    utc(when.start, "%Y%m%dT%H%M%SZ"),
                    utc(when.end, "%Y%m%dT%H%M%SZ")
                ),
            ),
            ("details", &details),
            ("location", location),
        ],
    );
    let outlook = |host: &str| {
        link(
            &format!("https://{host}/calendar/action/compose"),
            &[
                ("rru", "addevent"),
                ("subject", &shown.title),
                ("startdt", &utc(when.start, "%Y-%m-%dT%H:%M:%SZ")),
                ("enddt", &utc(when.end, "%Y-%m-%dT%H:%M:%SZ")),
                ("body", &details),
                ("location", location),
            ],
        )
    };
    ForumPage {
        page: shared.page(here, &card.title),
        card,
        duration: t!(language, "site-minutes", minutes = when.minutes()),
        tentative: forum.status == Status::Tentative,
        description: paragraphs(shown.description),
        calendar: shared.calendar(
            &calendars::forum(&forum.id),
            &shared.words.download_forum,
            &forum.id,
        ),
        google,
        outlook_com: outlook("outlook.live.com"),
        outlook_365: outlook("outlook.office.com"),
    }
}

/// An address with its query, encoded as forms are.
fn link(base: &str, query: &[(&str, &str)]) -> String {
    url::Url::parse_with_params(base, query)
        .expect("the calendar services' addresses parse")
        .into()
}

/// A text's paragraphs: split at empty lines, each line's white space kept as written.
fn paragraphs(text: Option<&str>) -> Vec<String> {
    text.map(|text| {
        text.split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .collect()
    })
    .unwrap_or_default()
}

/// The zone's abbreviation at `at`, as the language writes it: `MESZ`, `CEST`.
fn zone_word(language: Language, at: DateTime<Tz>) -> String {
    t!(
        language,
        "site-zone",
        abbreviation = at.format("%Z").to_string()
    )
}

fn stamp(at: DateTime<Tz>, text: String) -> Stamp {
    Stamp {
        iso: at.to_rfc3339(),
        text,
    }
}

/// What every page shows of one scheduled forum.
fn card(
    shown: &ForumView,
    when: When,
    language: Language,
    rooms: &[&crate::model::Room],
    slugs: &HashMap<String, String>,
) -> Card {
    let forum = shown.forum;
    let utc = |at: DateTime<Tz>| at.naive_utc().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let (start_zone, end_zone) = (
        zone_word(language, when.start),
        zone_word(language, when.end),
    );
    let days = (when.end.date_naive() - when.start.date_naive()).num_days();
    let room = forum.room.as_ref().map(|id| Named {
        name: shown.room.unwrap_or(id).to_owned(),
        href: rooms
            .iter()
            .any(|r| &r.id == id)
            .then(|| format!("rooms/{id}.html")),
    });
    Card {
        id: forum.id.clone(),
        title: shown.title.to_string(),
        href: format!("fora/{}.html", forum.id),
        start_utc: utc(when.start),
        end_utc: utc(when.end),
        times: Times {
            date: Some(Stamp {
                iso: when.date().to_string(),
                text: text::date(language, when.date(), DateStyle::Heading),
            }),
            start: stamp(when.start, when.start.format("%H:%M").to_string()),
            end: stamp(when.end, when.end.format("%H:%M").to_string()),
            end_zone: (end_zone != start_zone).then_some(end_zone),
            start_zone,
            later: (days > 0).then(|| format!("(+{days})")),
        },
        room,
        room_id: forum.room.clone(),
        speakers: shown
            .speakers()
            .map(|name| Named {
                name: name.to_owned(),
                href: slugs
                    .get(&folded(name).collect::<String>())
                    .map(|slug| format!("speakers/{slug}.html")),
            })
            .collect(),
        format: shown.format.map(str::to_owned),
        status: (forum.status != Status::Confirmed)
            .then(|| crate::view::status(forum.status, language)),
        cancelled: forum.status == Status::Cancelled,
        join: shown.link.map(str::to_owned),
    }
}

/// The week's speakers, one person however the file spells them (the first spelling
/// names them), each with a slug of their own and their scheduled fora, in file order.
fn speakers(week: &Week, view: &View) -> Vec<Speaker> {
    let mut found: Vec<Speaker> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::default();
    let mut taken: BTreeSet<String> = BTreeSet::new();
    let mut placer = week.placer();
    for forum in &week.fora {
        let shown = view.placed(forum, placer.place(forum));
        if shown.when.is_none() {
            continue;
        }
        for name in shown.speakers() {
            let key: String = folded(name).collect();
            let index = *by_name.entry(key).or_insert_with(|| {
                let base = match slug(name) {
                    s if s.is_empty() => "person".to_owned(),
                    s => s,
                };
                let mut unique = base.clone();
                let mut n = 2;
                while taken.contains(&unique) {
                    unique = format!("{base}-{n}");
                    n += 1;
                }
                taken.insert(unique.clone());
                found.push(Speaker {
                    name: name.to_owned(),
                    slug: unique,
                    fora: Vec::new(),
                });
                found.len() - 1
            });
            if !found[index].fora.contains(&forum.id) {
                found[index].fora.push(forum.id.clone());
            }
        }
    }
    found
}
