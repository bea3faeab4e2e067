//! What attendees see of the week and of each forum, derived in one place from the model:
//! instants and local times, the title as shown (a cancelled forum's says so), the room's
//! display name, the join link, the speakers, format and description. The timetable, the
//! calendar, `fora diff` and `fora free` read it and format it; none derives it again.

use std::borrow::Cow;

use chrono::{DateTime, NaiveDate};
use chrono_tz::Tz;
use rustc_hash::FxHashMap as HashMap;

use crate::model::{Clock, Forum, Language, Placement, Room, Status, Week};
use crate::text::{self, DateStyle, t};

/// The attendees' view of one week, in one language.
#[derive(Debug)]
pub struct View<'w> {
    /// The week.
    pub week: &'w Week,
    /// The language of every word attendees read.
    pub language: Language,
    /// The fixed words of that language.
    pub words: Words,
    /// The declared rooms by id; the first of a repeated id counts.
    rooms: HashMap<&'w str, &'w Room>,
}

/// The fixed words attendees read beside a forum, in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Words {
    /// "Teilnehmen": labels the join link.
    pub join: String,
    /// "Format".
    pub format: String,
    /// "Mitwirkende".
    pub speakers: String,
}

/// What the week as a whole shows attendees (the calendar's header).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header<'w> {
    /// The week's name.
    pub name: &'w str,
    /// Its description, else its dates in words.
    pub description: Cow<'w, str>,
    /// The zone its times are given in.
    pub zone: Tz,
    /// The language of its words.
    pub language: Language,
    /// Whom attendees write to about it.
    pub organizer: Option<Organizer<'w>>,
}

/// Whom attendees write to about the week, as its calendar names them: by address when the
/// week's `contact` has one (ORGANIZER), else by name (CONTACT). Trimmed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Organizer<'w> {
    /// An e-mail address, and the name that goes with it.
    Mail {
        /// The name, when the contact has one.
        name: Option<&'w str>,
        /// The address.
        email: &'w str,
    },
    /// A name without an address.
    Named(&'w str),
}

impl std::fmt::Display for Organizer<'_> {
    /// `Büro <buero@example.org>`, `buero@example.org` or `Büro`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Organizer::Mail {
                name: Some(name),
                email,
            } => write!(f, "{name} <{email}>"),
            Organizer::Mail { name: None, email } => f.write_str(email),
            Organizer::Named(name) => f.write_str(name),
        }
    }
}

/// What attendees see of one forum.
#[derive(Clone, Debug, PartialEq)]
pub struct ForumView<'w> {
    /// The forum.
    pub forum: &'w Forum,
    /// When it runs; `None` while it has no start (it is then in no calendar).
    pub when: Option<When>,
    /// Its title as shown: a cancelled forum's begins "Abgesagt: ".
    pub title: Cow<'w, str>,
    /// Whether it takes place.
    pub status: Status,
    /// The name of its room: the declared room's name, else the id the forum gives.
    pub room: Option<&'w str>,
    /// Its join link: its own, else its room's.
    pub link: Option<&'w str>,
    /// Its format, when not empty.
    pub format: Option<&'w str>,
    /// Its description, when not empty.
    pub description: Option<&'w str>,
}

/// When a forum runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct When {
    /// The instant it starts, in the week's zone.
    pub start: DateTime<Tz>,
    /// The instant it ends.
    pub end: DateTime<Tz>,
    /// How its start reads on the clock (a start the clocks skip is shown where it lands).
    pub clock: Clock,
}

impl When {
    /// When a forum placed so runs; `None` without a start.
    pub fn of(placement: Placement) -> Option<Self> {
        match placement {
            Placement::Unscheduled => None,
            Placement::Placed { start, end, clock } => Some(Self { start, end, clock }),
        }
    }

    /// Its length in minutes.
    pub fn minutes(&self) -> u32 {
        ((self.end - self.start).num_minutes()).max(0) as u32
    }

    /// The day it starts on, on the wall clock.
    pub fn date(&self) -> NaiveDate {
        self.start.date_naive()
    }

    /// How every output shows when it runs: `10:00–11:30`, after the start's date in
    /// `date` when given (`26.03.2021 10:00–11:30`); with the zone's abbreviations when the
    /// clocks change in between (`02:30 CEST–02:00 CET`), and `(+1)` when it ends on a later
    /// day.
    pub fn range(&self, language: Language, date: Option<DateStyle>) -> String {
        let format = if self.start.offset() == self.end.offset() {
            "%H:%M"
        } else {
            "%H:%M %Z"
        };
        let mut range = match date {
            Some(style) => format!("{} ", text::date(language, self.date(), style)),
            None => String::new(),
        };
        range.push_str(&format!(
            "{}–{}",
            self.start.format(format),
            self.end.format(format)
        ));
        let days = (self.end.date_naive() - self.start.date_naive()).num_days();
        if days > 0 {
            range.push_str(&format!(" (+{days})"));
        }
        range
    }
}

impl<'w> View<'w> {
    /// The view of `week` in `language`.
    pub fn new(week: &'w Week, language: Language) -> Self {
        let rooms = week
            .rooms
            .iter()
            .flatten()
            .rev() // the first of a repeated id wins, as in Week::room
            .map(|room| (room.id.as_str(), room))
            .collect();
        Self {
            week,
            language,
            words: Words {
                join: t!(language, "word-join"),
                format: t!(language, "word-format"),
                speakers: t!(language, "word-speakers"),
            },
            rooms,
        }
    }

    /// What the week as a whole shows.
    pub fn header(&self) -> Header<'w> {
        let week = self.week;
        let language = self.language;
        let description = match non_empty(week.description.as_deref()) {
            Some(description) => Cow::Borrowed(description),
            None => Cow::Owned(t!(
                language,
                "week-dates",
                start = text::date(language, week.start, DateStyle::Long),
                end = text::date(language, week.end, DateStyle::Long)
            )),
        };
        Header {
            name: &week.name,
            description,
            zone: week.timezone,
            language,
            organizer: self.organizer(),
        }
    }

    /// Whom attendees write to about the week: see [`Organizer`].
    pub fn organizer(&self) -> Option<Organizer<'w>> {
        let contact = self.week.contact.as_ref()?;
        let trimmed = |text: &'w Option<String>| non_empty(text.as_deref()).map(str::trim);
        let name = trimmed(&contact.name);
        match trimmed(&contact.email) {
            Some(email) => Some(Organizer::Mail { name, email }),
            None => name.map(Organizer::Named),
        }
    }

    /// What attendees see of `forum`.
    pub fn forum(&self, forum: &'w Forum) -> ForumView<'w> {
        self.placed(forum, self.week.placement(forum))
    }

    /// What attendees see of `forum`, placed so (by a [`crate::model::Placer`], which
    /// places the fora of a large week faster).
    pub fn placed(&self, forum: &'w Forum, placement: Placement) -> ForumView<'w> {
        let declared = forum.room.as_deref().and_then(|id| self.rooms.get(id));
        let title = match forum.status {
            Status::Cancelled => Cow::Owned(self.cancelled(&forum.title)),
            _ => Cow::Borrowed(forum.title.as_str()),
        };
        ForumView {
            forum,
            when: When::of(placement),
            title,
            status: forum.status,
            room: forum
                .room
                .as_deref()
                .map(|id| declared.map_or(id, |room| room.name.as_str())),
            link: non_empty(forum.url.as_deref())
                .or_else(|| declared.and_then(|room| non_empty(room.url.as_deref()))),
            format: non_empty(forum.format.as_deref()),
            description: non_empty(forum.description.as_deref()),
        }
    }

    /// The name attendees see of the room with this id: the declared room's name, else the id.
    pub fn room_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.rooms.get(id).map_or(id, |room| room.name.as_str())
    }

    /// A cancelled forum's title as attendees see it: "Abgesagt: Titel".
    pub fn cancelled(&self, title: &str) -> String {
        t!(self.language, "cancelled-title", title = title)
    }
}

impl<'w> ForumView<'w> {
    /// Who speaks, trimmed, leaving out empty names, in the order the file gives.
    pub fn speakers(&self) -> impl Iterator<Item = &'w str> + Clone + use<'w> {
        speakers(self.forum)
    }

    /// The text a calendar event carries as its description, in pieces (a large week
    /// writes many): the join link first, as most clients show neither URL nor
    /// CONFERENCE, then format, speakers and the forum's description.
    pub fn details<'a>(&'a self, words: &'a Words, pieces: &mut Vec<&'a str>) {
        if let Some(link) = self.link {
            pieces.extend([words.join.as_str(), ": ", link]);
        }
        if let Some(format) = self.format {
            if !pieces.is_empty() {
                pieces.push("\n");
            }
            pieces.extend([words.format.as_str(), ": ", format]);
        }
        let mut speakers = self.speakers().peekable();
        if speakers.peek().is_some() {
            if !pieces.is_empty() {
                pieces.push("\n");
            }
            pieces.extend([words.speakers.as_str(), ": "]);
            for (i, speaker) in speakers.enumerate() {
                if i > 0 {
                    pieces.push(", ");
                }
                pieces.push(speaker);
            }
        }
        if let Some(description) = self.description {
            if !pieces.is_empty() {
                pieces.push("\n\n");
            }
            pieces.push(description);
        }
    }
}

/// A status as attendees read it: "bestätigt", "vorläufig", "abgesagt".
pub fn status(status: Status, language: Language) -> String {
    match status {
        Status::Confirmed => t!(language, "status-confirmed"),
        Status::Tentative => t!(language, "status-tentative"),
        Status::Cancelled => t!(language, "status-cancelled"),
    }
}

/// A forum's speakers as every output shows them: trimmed, without empty names.
pub fn speakers(forum: &Forum) -> impl Iterator<Item = &str> + Clone {
    forum
        .speakers
        .iter()
        .map(|name| name.trim())
        .filter(|name| !name.is_empty())
}

/// A speaker's name as the checker compares it, without regard to case: one person however
/// the file spells them (final sigma is a sigma: "Σ" lowers to "σ" wherever it stands).
pub fn folded(name: &str) -> impl Iterator<Item = char> + '_ {
    name.trim()
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ς' { 'σ' } else { c })
}

fn non_empty(text: Option<&str>) -> Option<&str> {
    text.filter(|t| !t.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Duration;
    use chrono::NaiveDateTime;

    fn week() -> Week {
        let day = NaiveDate::from_ymd_opt(2021, 10, 30).unwrap();
        let mut week = Week::new("W", chrono_tz::Europe::Berlin, day, day.succ_opt().unwrap());
        week.rooms = Some(vec![Room {
            id: "plenum".into(),
            name: "Plenum".into(),
            url: Some("https://example.org/plenum".into()),
            ..Room::default()
        }]);
        week
    }

    fn forum(start: &str, minutes: u32) -> Forum {
        Forum {
            id: "f".into(),
            title: "Titel".into(),
            start: Some(NaiveDateTime::parse_from_str(start, "%Y-%m-%dT%H:%M").unwrap()),
            duration: Duration::from_minutes(minutes).unwrap(),
            room: Some("plenum".into()),
            speakers: vec![" Anna ".into(), "".into(), "Ben".into()],
            format: Some(" ".into()),
            ..Forum::default()
        }
    }

    #[test]
    fn a_forum_shows_its_room_name_link_and_trimmed_speakers() {
        let week = week();
        let view = View::new(&week, Language::De);
        let mut forum = forum("2021-10-30T10:00", 90);
        let shown = view.forum(&forum);
        assert_eq!(shown.room, Some("Plenum"));
        assert_eq!(shown.link, Some("https://example.org/plenum"));
        assert_eq!(shown.speakers().collect::<Vec<_>>(), ["Anna", "Ben"]);
        assert_eq!(shown.format, None);
        assert_eq!(shown.when.unwrap().range(Language::De, None), "10:00–11:30");
        forum.status = Status::Cancelled;
        forum.url = Some("https://example.org/eigen".into());
        forum.room = Some("anderswo".into());
        let shown = view.forum(&forum);
        assert_eq!(shown.title, "Abgesagt: Titel");
        assert_eq!(shown.room, Some("anderswo"));
        assert_eq!(shown.link, Some("https://example.org/eigen"));
    }

    #[test]
    fn a_range_shows_the_date_the_clock_change_and_the_next_day() {
        let week = week();
        let view = View::new(&week, Language::En);
        let when = |start, minutes| view.forum(&forum(start, minutes)).when.unwrap();
        assert_eq!(
            when("2021-10-31T02:00", 90).range(Language::De, Some(DateStyle::Numeric)),
            "31.10.2021 02:00 CEST–02:30 CET"
        );
        assert_eq!(
            when("2021-10-30T23:30", 60).range(Language::En, Some(DateStyle::WeekdayShort)),
            "Sat 30 Oct 23:30–00:30 (+1)"
        );
    }

    #[test]
    fn the_header_falls_back_to_the_dates() {
        let week = week();
        assert_eq!(
            View::new(&week, Language::De).header().description,
            "30. Oktober 2021 bis 31. Oktober 2021"
        );
    }
}
