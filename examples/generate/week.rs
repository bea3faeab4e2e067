//! The core of the synthetic week generator, shared by `examples/generate.rs` (the command)
//! and `benches/fora.rs` (which makes its inputs in-process with the same code).
//!
//! No clock, no file system and no randomness but a splitmix64 seeded from the config:
//! the same config gives the same bytes.
//!
//! Fora are laid out room-day by room-day inside the day window 08:00–20:00. A room-day
//! holds at most 24 fora (24 × 30 minutes); when the fora do not fit into the days asked
//! for, the week gets more days (and says so in [`Plan::notes`]). The speakers are split
//! into one group a room (speaker `i` speaks in room `i % rooms` only), so a speaker is
//! never in two rooms at once and a week without asked-for conflicts has no error finding.
//!
//! A pile-up ([`Config::pile_up`]) is what a spreadsheet import gives when every start was
//! left at 09:00: every forum of a room and day starts at 09:00 and lasts an hour, so each
//! overlaps every other in its room, and the limit of 24 a room and day does not hold.

use std::fmt;
use std::io::{self, Write};

use chrono::{Datelike, LocalResult, NaiveDate, TimeDelta, TimeZone};
use chrono_tz::Tz;

/// The day window: no forum starts earlier (minutes after midnight) …
pub const DAY_START: u32 = 8 * 60;
/// … and none ends later.
pub const DAY_END: u32 = 20 * 60;
/// The shortest forum.
const MIN_MINUTES: u32 = 30;
/// The most fora one room holds in one day: the window filled with the shortest fora.
pub const MAX_PER_ROOM_DAY: usize = ((DAY_END - DAY_START) / MIN_MINUTES) as usize;
/// Where a spreadsheet import leaves every start of a pile-up: 09:00 …
const PILE_UP_START: u32 = 9 * 60;
/// … and every forum of it an hour long.
const PILE_UP_MINUTES: u32 = 60;
/// The longest week `fora` reads (`fora::model::MAX_DAYS`).
const MAX_DAYS: usize = 3660;

/// What to generate.
#[derive(Clone, Debug)]
pub struct Config {
    /// How many fora.
    pub fora: usize,
    /// How many rooms (at least one).
    pub rooms: usize,
    /// How many days (at least one); more when the fora do not fit.
    pub days: usize,
    /// The size of the pool of speaker names.
    pub speakers: usize,
    /// The seed: the same seed (and config) gives the same bytes.
    pub seed: u64,
    /// The week's zone.
    pub timezone: Tz,
    /// The first day.
    pub start: NaiveDate,
    /// The share of fora (0.0–1.0) that overlap another forum in their room.
    pub conflicts: f64,
    /// Every forum of a room and day at 09:00 for an hour (and `conflicts` 0).
    pub pile_up: bool,
}

/// A planned week: every forum placed and filled in, ready to be written.
pub struct Plan {
    config: Config,
    min_gap: u32,
    rooms: Vec<RoomSpec>,
    speakers: Vec<String>,
    fora: Vec<ForumSpec>,
    notes: Vec<String>,
}

struct RoomSpec {
    id: String,
    name: String,
    capacity: u32,
}

#[derive(Clone, Copy, Default)]
struct ForumSpec {
    day: u32,
    room: u32,
    /// Minutes after midnight, local time.
    start: u32,
    minutes: u32,
    in_conflict: bool,
    format: u8,
    topic: u8,
    city: Option<u8>,
    speakers: [u32; 3],
    speaker_count: u8,
    description: Option<(u8, Option<u8>)>,
    duration_style: DurationStyle,
    own_url: bool,
    status: Status,
}

#[derive(Clone, Copy, Default, PartialEq)]
enum DurationStyle {
    /// `"90m"`
    #[default]
    Minutes,
    /// `"1h30m"`, `"2h"`, `"1.5h"`
    Hours,
    /// `90`
    Number,
    /// `"PT1H30M"`
    Iso,
}

#[derive(Clone, Copy, Default, PartialEq)]
enum Status {
    #[default]
    Confirmed,
    Tentative,
    Cancelled,
}

/// splitmix64: small, fast and good enough for test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0); the bias is far below what test data cares about.
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }

    /// True with probability `per_mille` / 1000.
    fn chance(&mut self, per_mille: usize) -> bool {
        self.below(1000) < per_mille
    }

    /// An index into `weights`, drawn by weight.
    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut pick = self.below(total as usize) as u32;
        for (i, &w) in weights.iter().enumerate() {
            if pick < w {
                return i;
            }
            pick -= w;
        }
        weights.len() - 1
    }
}

/// Forum lengths in minutes and how often each is drawn.
const DURATIONS: [u32; 6] = [30, 45, 60, 75, 90, 120];
const DURATION_WEIGHTS: [u32; 6] = [2, 3, 4, 1, 3, 2];

/// Format, title prefix, id prefix, weight.
const FORMATS: [(&str, &str, &str, u32); 8] = [
    ("Fachforum", "", "fachforum", 4),
    ("Workshop", "Workshop: ", "workshop", 3),
    ("Podium", "Podiumsdiskussion: ", "podium", 1),
    ("Praxisbeispiel", "Praxisbeispiel: ", "praxis", 4),
    ("Impulsvortrag", "Impuls: ", "impuls", 2),
    ("Werkstatt", "Werkstatt: ", "werkstatt", 1),
    ("Lernkarussell", "Lernkarussell: ", "lernkarussell", 1),
    ("Austausch", "Austauschrunde: ", "austausch", 1),
];
const PRAXISBEISPIEL: u8 = 3;
const LERNKARUSSELL: u8 = 6;

const TOPICS: [&str; 44] = [
    "Engagierte gewinnen und halten",
    "Digitalisierung im Ehrenamt",
    "Engagementförderung im ländlichen Raum",
    "Junge Menschen für das Ehrenamt gewinnen",
    "Anerkennungskultur in Vereinen und Initiativen",
    "Die Ehrenamtskarte NRW in den Kommunen",
    "Freiwilligenagenturen als Brücke ins Engagement",
    "Nachbarschaftshilfe verlässlich organisieren",
    "Vorstand gesucht – Nachfolge im Ehrenamt",
    "Fördermittel finden und beantragen",
    "Datenschutz im Verein",
    "Inklusion – Engagement für alle öffnen",
    "Engagement von und mit Geflüchteten",
    "Ältere Menschen im Ehrenamt",
    "Online-Mitgliederversammlungen rechtssicher durchführen",
    "Bürgerschaftliches Engagement im Quartier",
    "Kommune und Zivilgesellschaft als Partner",
    "Engagement in der Corona-Pandemie",
    "Sport braucht Ehrenamt",
    "Kultur lebt vom Engagement",
    "Klimaschutz von unten – Initiativen vor Ort",
    "Hospiz- und Besuchsdienste begleiten",
    "Nachwuchs für die Freiwillige Feuerwehr",
    "Corporate Volunteering – Unternehmen engagieren sich",
    "Haftung und Versicherung im Ehrenamt",
    "Social Media für kleine Initiativen",
    "Ehrenamt, Familie und Beruf vereinbaren",
    "Eine kommunale Engagementstrategie entwickeln",
    "Dorfladen, Bürgerbus und Genossenschaft",
    "Demokratie stärken durch Engagement",
    "Bildungspatenschaften und Mentoring",
    "Tafeln und Lebensmittelrettung",
    "Umweltbildung mit Freiwilligen",
    "Selbsthilfe und Gesundheit",
    "Projekt „Miteinander im Veedel“",
    "Engagement auf Abstand – Telefonketten & Einkaufshilfen",
    "Ehrenamtskoordination im Kreis",
    "Geld oder Ehre? Die Aufwandsentschädigung",
    "Vielfalt im Vorstand",
    "Kinder- und Jugendarbeit nach dem Lockdown",
    "Was erlaubt die Gemeinnützigkeit?",
    "Videokonferenzen gut moderieren",
    "Zukunftsbild Ehrenamt 2030",
    "Netzwerke der Engagementförderung",
];

const CITIES: [&str; 40] = [
    "Aachen",
    "Arnsberg",
    "Bielefeld",
    "Bochum",
    "Bonn",
    "Bottrop",
    "Detmold",
    "Dortmund",
    "Duisburg",
    "Düren",
    "Düsseldorf",
    "Essen",
    "Gelsenkirchen",
    "Gütersloh",
    "Hagen",
    "Hamm",
    "Hemer",
    "Herne",
    "Iserlohn",
    "Kleve",
    "Köln",
    "Krefeld",
    "Leverkusen",
    "Lippstadt",
    "Lüdenscheid",
    "Minden",
    "Mönchengladbach",
    "Moers",
    "Mülheim an der Ruhr",
    "Münster",
    "Neuss",
    "Oberhausen",
    "Paderborn",
    "Recklinghausen",
    "Rheine",
    "Siegen",
    "Solingen",
    "Soest",
    "Viersen",
    "Wuppertal",
];

const FIRST_NAMES: [&str; 50] = [
    "Anna",
    "Ahmet",
    "Barbara",
    "Bernd",
    "Birgit",
    "Christian",
    "Claudia",
    "Daniel",
    "Doris",
    "Elif",
    "Emma",
    "Frank",
    "Gabriele",
    "Hannah",
    "Heike",
    "Ingrid",
    "Jan",
    "Jana",
    "Jens",
    "Jörg",
    "Julia",
    "Karin",
    "Katharina",
    "Klaus",
    "Lea",
    "Lukas",
    "Marco",
    "Maria",
    "Markus",
    "Martina",
    "Mehmet",
    "Michael",
    "Monika",
    "Nadine",
    "Niklas",
    "Olga",
    "Paul",
    "Petra",
    "Ralf",
    "Renate",
    "Sabine",
    "Sandra",
    "Sebastian",
    "Stefanie",
    "Susanne",
    "Thomas",
    "Ursula",
    "Uwe",
    "Yasemin",
    "Zoe",
];

const LAST_NAMES: [&str; 50] = [
    "Albers",
    "Bauer",
    "Becker",
    "Brandt",
    "Demir",
    "Dietrich",
    "Engel",
    "Fischer",
    "Franke",
    "Friedrich",
    "Graf",
    "Günther",
    "Hahn",
    "Hartmann",
    "Hoffmann",
    "Jansen",
    "Kaiser",
    "Keller",
    "Klein",
    "Koch",
    "Köhler",
    "König",
    "Krüger",
    "Lange",
    "Lehmann",
    "Lorenz",
    "Maier",
    "Meyer",
    "Möller",
    "Müller",
    "Neumann",
    "Nowak",
    "Öztürk",
    "Peters",
    "Richter",
    "Roth",
    "Schäfer",
    "Schmidt",
    "Schneider",
    "Schröder",
    "Schulz",
    "Schwarz",
    "Sommer",
    "Vogel",
    "Wagner",
    "Walter",
    "Weber",
    "Wolf",
    "Yılmaz",
    "Zimmermann",
];

const ORGANISATIONS: [&str; 20] = [
    "Freiwilligenagentur",
    "Ehrenamtsbüro",
    "Seniorenbüro",
    "Stadtjugendring",
    "Stadtsportbund",
    "Bürgerstiftung",
    "Nachbarschaftsinitiative",
    "Tafel",
    "Caritasverband",
    "Diakonie",
    "Kulturverein",
    "Heimatverein",
    "Förderverein Engagement",
    "Selbsthilfe-Kontaktstelle",
    "Mehrgenerationenhaus",
    "Familienzentrum",
    "Integrationsrat",
    "Umweltinitiative",
    "Ehrenamtskoordination",
    "Netzwerk Bürgerengagement",
];

const ROOM_NAMES: [&str; 12] = [
    "Plenum",
    "Praxisraum",
    "Werkstatt",
    "Lernraum",
    "Salon",
    "Atelier",
    "Forum",
    "Galerie",
    "Bibliothek",
    "Studio",
    "Foyer",
    "Zukunftsraum",
];

const CAPACITIES: [u32; 5] = [50, 100, 150, 250, 500];

const DESCRIPTIONS: [&str; 20] = [
    "Wie gewinnen Vereine und Initiativen neue Freiwillige, und wie halten sie die, die schon da sind?",
    "Erfahrungen aus Städten, Gemeinden und Kreisen: was sich bewährt hat und was nicht.",
    "Ein Blick auf Strukturen, Ansprechpersonen und Förderprogramme vor Ort.",
    "Was Engagierte in der Pandemie gelernt haben, und was davon bleiben soll.",
    "Kurze Impulse aus der Praxis, danach Zeit für Fragen.",
    "Wir sammeln gemeinsam Ideen und halten sie auf einem digitalen Whiteboard fest.",
    "Rechtliche Grundlagen verständlich erklärt, mit Beispielen aus dem Vereinsalltag.",
    "Drei Projekte stellen sich vor und berichten von ihren ersten Schritten.",
    "Wie Land, Kommunen und Zivilgesellschaft zusammenarbeiten können.",
    "Mit Checklisten und Vorlagen zum Mitnehmen.",
    "Welche digitalen Werkzeuge helfen wirklich, und welche machen nur Arbeit?",
    "Anerkennung ist mehr als ein Dankeschön: Formen, die Engagierte schätzen.",
    "Von der Idee zum Antrag: Schritt für Schritt zur Förderung.",
    "Engagement braucht Zeit, Raum und Menschen, die es begleiten.",
    "Wie sieht freiwilliges Engagement in zehn Jahren aus?",
    "Im Gespräch mit Engagierten aus Stadt und Land.",
    "Gute Beispiele für Beteiligung von Kindern und Jugendlichen.",
    "Hauptamt und Ehrenamt auf Augenhöhe: Rollen klären, Konflikte lösen.",
    "Barrieren abbauen: Engagement für Menschen mit und ohne Behinderung.",
    "Was „Engagement“ für die Menschen vor Ort bedeutet – eine Bestandsaufnahme.",
];

const DESCRIPTION_ENDINGS: [&str; 6] = [
    "Mit Zeit für Fragen und Austausch in Kleingruppen.",
    "Die Teilnahme ist kostenlos; eine Anmeldung ist erwünscht.",
    "Die Folien stehen nach der Veranstaltung zum Download bereit.",
    "Moderation: Netzwerk „engagiert in NRW“.",
    "Bitte Kamera und Mikrofon bereithalten.",
    "Für Einsteigerinnen und Einsteiger geeignet.",
];

impl Plan {
    /// Places and fills in every forum of `config`, or says why it cannot.
    pub fn new(config: &Config) -> Result<Self, String> {
        let mut notes = Vec::new();
        let config = checked(config, &mut notes)?;
        let mut rng = Rng(config.seed);
        let rooms = rooms(config.rooms, &mut rng);
        let speakers: Vec<String> = (0..config.speakers).map(speaker).collect();
        if config.speakers < config.rooms {
            notes.push(format!(
                "--speakers {} is less than --rooms {}: fora in the last {} rooms have no speakers, \
                 so that no speaker is in two rooms at once",
                config.speakers,
                config.rooms,
                config.rooms - config.speakers
            ));
        }
        let (mut fora, min_gap) = if config.pile_up {
            (pile_up(&config), 0)
        } else {
            let (mut fora, min_gap, mut pairs, mut odd) = lay_out(&config, &mut rng);
            conflicts(
                &config, &mut rng, &mut fora, &mut pairs, &mut odd, &mut notes,
            );
            (fora, min_gap)
        };
        fora.sort_by_key(|f| (f.day, f.start, f.room));
        clock_notes(&config, &mut notes);
        for forum in &mut fora {
            fill_in(forum, &config, &mut rng);
        }
        Ok(Plan {
            config,
            min_gap,
            rooms,
            speakers,
            fora,
            notes,
        })
    }

    /// What the plan changed or could not do as asked, one sentence each.
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// Writes the week file.
    pub fn write(&self, out: &mut impl Write) -> io::Result<()> {
        let config = &self.config;
        let end = config.start + TimeDelta::days(config.days as i64 - 1);
        let taking_place: Vec<&ForumSpec> = self
            .fora
            .iter()
            .filter(|f| f.status != Status::Cancelled)
            .collect();
        let programme: u64 = taking_place.iter().map(|f| u64::from(f.minutes)).sum();
        let mut per_day = vec![0u64; config.days];
        for forum in &taking_place {
            per_day[forum.day as usize] += u64::from(forum.minutes);
        }
        let busiest = per_day.iter().copied().max().unwrap_or(0);
        self.write_head(out, end)?;
        self.write_rooms_and_rules(out, busiest, taking_place.len(), programme)?;
        writeln!(out, "  \"fora\": [")?;
        let dates: Vec<String> = (0..config.days)
            .map(|d| (config.start + TimeDelta::days(d as i64)).to_string())
            .collect();
        let topic_ids: Vec<String> = TOPICS
            .iter()
            .map(|t| {
                fora::model::slug(t)
                    .split('-')
                    .take(3)
                    .collect::<Vec<_>>()
                    .join("-")
            })
            .collect();
        let mut line = String::new();
        for (n, forum) in self.fora.iter().enumerate() {
            line.clear();
            self.forum(&mut line, n, forum, &dates, &topic_ids)
                .map_err(io::Error::other)?;
            line.push_str(if n + 1 < self.fora.len() { ",\n" } else { "\n" });
            out.write_all(line.as_bytes())?;
        }
        writeln!(out, "  ]")?;
        writeln!(out, "}}")?;
        out.flush()
    }

    /// The week's id, name, description, zone, days and figures: every key before the rooms.
    fn write_head(&self, out: &mut impl Write, end: NaiveDate) -> io::Result<()> {
        let config = &self.config;
        let registrations = config.fora as u64 * 25 + (config.seed % 1000);
        let mut command = format!(
            "cargo run --release --example generate -- --fora {} --rooms {} --days {} --speakers {} --seed {} \
             --timezone {} --start {} --conflicts {}",
            config.fora,
            config.rooms,
            config.days,
            config.speakers,
            config.seed,
            config.timezone.name(),
            config.start,
            config.conflicts
        );
        // A pile-up is another week than the laid-out one of as many fora, so its name (and
        // id) says so; a draft with conflicts stays a version of its clean week.
        let mut name = format!("Synthetische Engagementwoche ({} Fora", config.fora);
        if config.pile_up {
            command.push_str(" --pile-up");
            name.push_str(", alle um 09:00");
        }
        name.push(')');

        writeln!(out, "{{")?;
        // The id a UID is made of, so that the week's calendar keeps its UIDs when renamed.
        writeln!(out, "  \"id\": {},", Json(&fora::model::slug(&name)))?;
        writeln!(out, "  \"name\": {},", Json(&name))?;
        writeln!(
            out,
            "  \"description\": {},",
            Json(&format!(
                "Eine erfundene Woche für Tests und Messungen: Titel, Zeiten, Räume und Mitwirkende \
                 sind zufällig gewählt. Erzeugt mit `{command}`."
            ))
        )?;
        writeln!(out, "  \"timezone\": {},", Json(config.timezone.name()))?;
        writeln!(out, "  \"start\": \"{}\",", config.start)?;
        writeln!(out, "  \"end\": \"{end}\",")?;
        writeln!(out, "  \"language\": \"de\",")?;
        writeln!(
            out,
            "  \"updated\": \"{}T12:00:00Z\",",
            config.start - TimeDelta::days(2)
        )?;
        writeln!(out, "  \"registrations\": {registrations},")?;
        writeln!(out, "  \"participants\": {},", registrations * 7 / 8)?;
        Ok(())
    }

    /// The rooms, the rules the generated week keeps, and the figures it promises.
    fn write_rooms_and_rules(
        &self,
        out: &mut impl Write,
        busiest: u64,
        fora: usize,
        programme: u64,
    ) -> io::Result<()> {
        let config = &self.config;
        writeln!(out, "  \"rooms\": [")?;
        for (i, room) in self.rooms.iter().enumerate() {
            let comma = if i + 1 < self.rooms.len() { "," } else { "" };
            writeln!(
                out,
                "    {{\"id\": {}, \"name\": {}, \"url\": \"https://example.org/join/{}\", \"capacity\": {}}}{comma}",
                Json(&room.id),
                Json(&room.name),
                room.id,
                room.capacity
            )?;
        }
        writeln!(out, "  ],")?;
        write!(
            out,
            "  \"rules\": {{\"day_start\": \"{}\", \"day_end\": \"{}\"",
            time(DAY_START),
            time(DAY_END)
        )?;
        if self.min_gap > 0 {
            write!(out, ", \"min_gap\": \"{}m\"", self.min_gap)?;
        }
        if busiest > 0 && busiest <= 24 * 60 {
            write!(out, ", \"max_hours_per_day\": {}", busiest.div_ceil(60))?;
        }
        writeln!(out, ", \"parallel\": {}}},", config.rooms > 1)?;
        writeln!(
            out,
            "  \"expect\": {{\"fora\": {}, \"hours\": {}}},",
            fora,
            hours(programme)
        )?;
        Ok(())
    }

    /// One forum, on one line.
    fn forum(
        &self,
        out: &mut String,
        n: usize,
        forum: &ForumSpec,
        dates: &[String],
        topic_ids: &[String],
    ) -> fmt::Result {
        use fmt::Write as _;
        let (format, prefix, id_prefix, _) = FORMATS[forum.format as usize];
        let topic = TOPICS[forum.topic as usize];
        let id = format!("{id_prefix}-{}-{}", topic_ids[forum.topic as usize], n + 1);
        let title = match forum.city.map(|c| CITIES[c as usize]) {
            Some(city) if forum.format == LERNKARUSSELL => format!("{prefix}{city} – {topic}"),
            Some(city) => format!("{prefix}{topic} in {city}"),
            None => format!("{prefix}{topic}"),
        };
        let room = &self.rooms[forum.room as usize];
        write!(
            out,
            "    {{\"id\": \"{id}\", \"title\": {}, \"format\": \"{format}\", \"start\": \"{}T{}\", \"duration\": ",
            Json(&title),
            dates[forum.day as usize],
            time(forum.start)
        )?;
        let (m, h, rest) = (forum.minutes, forum.minutes / 60, forum.minutes % 60);
        match forum.duration_style {
            DurationStyle::Minutes => write!(out, "\"{m}m\""),
            DurationStyle::Number => write!(out, "{m}"),
            DurationStyle::Hours if m == 90 && n.is_multiple_of(2) => write!(out, "\"1.5h\""),
            DurationStyle::Hours if h == 0 => write!(out, "\"{m}m\""),
            DurationStyle::Hours if rest == 0 => write!(out, "\"{h}h\""),
            DurationStyle::Hours => write!(out, "\"{h}h{rest}m\""),
            DurationStyle::Iso if h == 0 => write!(out, "\"PT{m}M\""),
            DurationStyle::Iso if rest == 0 => write!(out, "\"PT{h}H\""),
            DurationStyle::Iso => write!(out, "\"PT{h}H{rest}M\""),
        }?;
        write!(out, ", \"room\": \"{}\", \"speakers\": [", room.id)?;
        for (i, &speaker) in forum.speakers[..forum.speaker_count as usize]
            .iter()
            .enumerate()
        {
            if i > 0 {
                out.push_str(", ");
            }
            write!(out, "{}", Json(&self.speakers[speaker as usize]))?;
        }
        out.push(']');
        if let Some((text, ending)) = forum.description {
            let text = DESCRIPTIONS[text as usize];
            match ending {
                Some(e) => write!(
                    out,
                    ", \"description\": {}",
                    Json(&format!("{text} {}", DESCRIPTION_ENDINGS[e as usize]))
                )?,
                None => write!(out, ", \"description\": {}", Json(text))?,
            }
        }
        if forum.own_url {
            write!(out, ", \"url\": \"https://example.org/join/{id}\"")?;
        }
        match forum.status {
            Status::Confirmed => {}
            Status::Tentative => out.push_str(", \"status\": \"tentative\""),
            Status::Cancelled => out.push_str(", \"status\": \"cancelled\""),
        }
        out.push('}');
        Ok(())
    }
}

/// `config` as it can be laid out: more days when the fora do not fit, or why it cannot.
fn checked(config: &Config, notes: &mut Vec<String>) -> Result<Config, String> {
    let mut config = config.clone();
    if config.rooms == 0 {
        return Err("--rooms must be at least 1".into());
    }
    if config.days == 0 {
        return Err("--days must be at least 1".into());
    }
    if !(0.0..=1.0).contains(&config.conflicts) {
        return Err(format!(
            "--conflicts {} is not a share from 0.0 to 1.0",
            config.conflicts
        ));
    }
    if config.pile_up && config.conflicts > 0.0 {
        return Err(format!(
            "--conflicts {} and --pile-up do not go together: in a pile-up every forum overlaps \
             every other in its room",
            config.conflicts
        ));
    }
    // A pile-up has no window to fill: any number of fora fits into a room-day.
    let needed_days = if config.pile_up {
        config.days
    } else {
        config.fora.div_ceil(config.rooms * MAX_PER_ROOM_DAY)
    };
    if needed_days > config.days {
        if needed_days > MAX_DAYS {
            return Err(format!(
                "{} fora need {needed_days} days in {} rooms (at most {MAX_PER_ROOM_DAY} fora a room and day), \
                 but a week file spans at most {MAX_DAYS} days; give more --rooms",
                config.fora, config.rooms
            ));
        }
        notes.push(format!(
            "{} fora do not fit into {} days of {} rooms (at most {MAX_PER_ROOM_DAY} fora a room and day \
             between {} and {}): using {needed_days} days",
            config.fora,
            config.days,
            config.rooms,
            time(DAY_START),
            time(DAY_END)
        ));
        config.days = needed_days;
    }
    if config.days > MAX_DAYS {
        return Err(format!(
            "--days {} is more than a week file spans ({MAX_DAYS})",
            config.days
        ));
    }
    if config
        .start
        .checked_add_signed(TimeDelta::days(config.days as i64))
        .is_none_or(|end| end.year() > 9999)
    {
        return Err(format!(
            "{} days from {} run past the year 9999",
            config.days, config.start
        ));
    }
    Ok(config)
}

/// Times: every room-day gets its share of the fora, laid out in the window. Gives the fora,
/// the gap kept between them, and the neighbours in a room-day that a conflict can be made
/// of, each by the index of the earlier one: the pairs 0 and 1, 2 and 3, …, and the odd one
/// out at the end with the forum before it.
fn lay_out(config: &Config, rng: &mut Rng) -> (Vec<ForumSpec>, u32, Vec<usize>, Vec<usize>) {
    let room_days = config.rooms * config.days;
    let (base, extra) = (config.fora / room_days, config.fora % room_days);
    let busiest = base + usize::from(extra > 0);
    let min_gap = [15, 5, 0]
        .into_iter()
        .find(|&gap| fits(busiest, gap))
        .unwrap_or(0);
    let mut fora = Vec::with_capacity(config.fora);
    let mut pairs = Vec::new();
    let mut odd = Vec::new();
    let mut lengths = Vec::with_capacity(MAX_PER_ROOM_DAY);
    for day in 0..config.days {
        for room in 0..config.rooms {
            // The extra fora go to the first rooms, spread over all days.
            let count = base + usize::from(room * config.days + day < extra);
            lengths.clear();
            lengths.extend((0..count).map(|_| DURATIONS[rng.weighted(&DURATION_WEIGHTS)]));
            shorten(&mut lengths, min_gap);
            let slack = DAY_END
                - DAY_START
                - lengths.iter().sum::<u32>()
                - min_gap * count.saturating_sub(1) as u32;
            // Free time goes in quarter hours before, between and after the fora.
            let mut gaps = vec![0; count + 1];
            for _ in 0..slack / 15 {
                gaps[rng.below(count + 1)] += 15;
            }
            let mut at = DAY_START + gaps[0];
            for (i, &minutes) in lengths.iter().enumerate() {
                if i % 2 == 1 {
                    pairs.push(fora.len() - 1);
                }
                fora.push(ForumSpec {
                    day: day as u32,
                    room: room as u32,
                    start: at,
                    minutes,
                    ..ForumSpec::default()
                });
                at += minutes + min_gap + gaps[i + 1];
            }
            if count >= 3 && count % 2 == 1 {
                odd.push(fora.len() - 2);
            }
        }
    }
    (fora, min_gap, pairs, odd)
}

/// A pile-up: every room-day gets its share of the fora, all from 09:00 to 10:00. They are
/// marked in conflict, so none is cancelled and each overlaps every other in its room.
fn pile_up(config: &Config) -> Vec<ForumSpec> {
    let room_days = config.rooms * config.days;
    let (base, extra) = (config.fora / room_days, config.fora % room_days);
    let mut fora = Vec::with_capacity(config.fora);
    for day in 0..config.days {
        for room in 0..config.rooms {
            // The extra fora go to the first rooms, spread over all days, as in `lay_out`.
            let count = base + usize::from(room * config.days + day < extra);
            fora.extend((0..count).map(|_| ForumSpec {
                day: day as u32,
                room: room as u32,
                start: PILE_UP_START,
                minutes: PILE_UP_MINUTES,
                in_conflict: true,
                ..ForumSpec::default()
            }));
        }
    }
    fora
}

/// Conflicts: the second of a pair starts while the first still runs; when every pair is
/// taken, the odd ones out start while the forum before them runs.
fn conflicts(
    config: &Config,
    rng: &mut Rng,
    fora: &mut [ForumSpec],
    pairs: &mut [usize],
    odd: &mut [usize],
    notes: &mut Vec<String>,
) {
    let wanted = (config.conflicts * config.fora as f64).round() as usize;
    let paired = (wanted / 2).min(pairs.len());
    let single = if paired < pairs.len() {
        0
    } else {
        (wanted - 2 * paired).min(odd.len())
    };
    if 2 * paired + single < wanted {
        notes.push(format!(
            "--conflicts {}: only {} of the {} fora can overlap another in their room",
            config.conflicts,
            2 * paired + single,
            config.fora
        ));
    }
    for (candidates, count) in [(pairs, paired), (odd, single)] {
        for i in 0..count {
            let j = i + rng.below(candidates.len() - i);
            candidates.swap(i, j);
            let first = fora[candidates[i]];
            let offset = 5 * (1 + rng.below((first.minutes / 5 - 1) as usize)) as u32;
            let second = &mut fora[candidates[i] + 1];
            second.start = first.start + offset;
            second.in_conflict = true;
            fora[candidates[i]].in_conflict = true;
        }
    }
}

/// A note for each day on which the clocks change inside the window.
fn clock_notes(config: &Config, notes: &mut Vec<String>) {
    for day in 0..config.days {
        let date = config.start + TimeDelta::days(day as i64);
        let offset = |minutes: u32| match config.timezone.from_local_datetime(&date.and_hms_opt(
            minutes / 60,
            minutes % 60,
            0,
        )?) {
            LocalResult::Single(t) => Some(t.offset().to_owned()),
            _ => None,
        };
        let (morning, evening) = (offset(DAY_START), offset(DAY_END));
        if morning.is_none() || morning != evening {
            notes.push(format!(
                "the clocks change between {} and {} on {date} in {}: `fora check` may report fora of that day",
                time(DAY_START),
                time(DAY_END),
                config.timezone.name()
            ));
        }
    }
}

/// What a forum is: title, speakers, description, how its duration is written.
fn fill_in(forum: &mut ForumSpec, config: &Config, rng: &mut Rng) {
    forum.format = rng.weighted(&FORMATS.map(|f| f.3)) as u8;
    forum.topic = rng.below(TOPICS.len()) as u8;
    if forum.format == LERNKARUSSELL || (forum.format == PRAXISBEISPIEL && rng.chance(500)) {
        forum.city = Some(rng.below(CITIES.len()) as u8);
    }
    // Room r draws from speakers r, r + rooms, r + 2 rooms, …
    let room = forum.room as usize;
    let group = config.speakers / config.rooms + usize::from(room < config.speakers % config.rooms);
    let wanted = [1, 2, 3][rng.weighted(&[50, 35, 15])].min(group);
    let mut count = 0;
    while count < wanted {
        let speaker = (room + config.rooms * rng.below(group)) as u32;
        if !forum.speakers[..count].contains(&speaker) {
            forum.speakers[count] = speaker;
            count += 1;
        }
    }
    forum.speaker_count = count as u8;
    if rng.chance(450) {
        let ending = rng
            .chance(500)
            .then(|| rng.below(DESCRIPTION_ENDINGS.len()) as u8);
        forum.description = Some((rng.below(DESCRIPTIONS.len()) as u8, ending));
    }
    forum.duration_style = match rng.below(100) {
        0..60 => DurationStyle::Minutes,
        60..75 => DurationStyle::Hours,
        75..90 => DurationStyle::Number,
        _ => DurationStyle::Iso,
    };
    forum.own_url = rng.chance(100);
    if !forum.in_conflict {
        forum.status = match rng.below(1000) {
            0..5 => Status::Cancelled,
            5..25 => Status::Tentative,
            _ => Status::Confirmed,
        };
    }
}

/// Whether `count` fora of at least 30 minutes, `gap` minutes apart, fit into the window.
fn fits(count: usize, gap: u32) -> bool {
    let count = count as u32;
    count * MIN_MINUTES + gap * count.saturating_sub(1) <= DAY_END - DAY_START
}

/// Shortens the longest fora, a step at a time, until they fit into the window.
fn shorten(lengths: &mut [u32], gap: u32) {
    let room = DAY_END - DAY_START - gap * (lengths.len() as u32).saturating_sub(1);
    while lengths.iter().sum::<u32>() > room {
        let longest = (0..lengths.len())
            .max_by_key(|&i| (lengths[i], std::cmp::Reverse(i)))
            .expect("fora that do not fit are not none");
        let step = DURATIONS
            .iter()
            .position(|&d| d == lengths[longest])
            .expect("lengths are drawn from DURATIONS");
        lengths[longest] = DURATIONS[step - 1];
    }
}

fn rooms(count: usize, rng: &mut Rng) -> Vec<RoomSpec> {
    (0..count)
        .map(|i| {
            let base = ROOM_NAMES[i % ROOM_NAMES.len()];
            let (id, name) = if count <= ROOM_NAMES.len() {
                (fora::model::slug(base), base.to_owned())
            } else {
                let n = i / ROOM_NAMES.len() + 1;
                (
                    format!("{}-{n}", fora::model::slug(base)),
                    format!("{base} {n}"),
                )
            };
            RoomSpec {
                id,
                name: format!("{name} (Videokonferenz)"),
                capacity: CAPACITIES[rng.below(CAPACITIES.len())],
            }
        })
        .collect()
}

/// The `i`th name of the pool, different from every other (also ignoring case): every fifth
/// an organisation ("Freiwilligenagentur Bonn"), the others people ("Anna Schmidt").
fn speaker(i: usize) -> String {
    let (group, member) = (i / 5, i % 5);
    if member == 4 {
        let (kinds, cities) = (ORGANISATIONS.len(), CITIES.len());
        let name = format!(
            "{} {}",
            ORGANISATIONS[group % kinds],
            CITIES[(group / kinds) % cities]
        );
        match group / (kinds * cities) {
            0 => name,
            n => format!("{name} {}", n + 1),
        }
    } else {
        let p = group * 4 + member;
        let (f, l) = (FIRST_NAMES.len(), LAST_NAMES.len());
        if p < f * l {
            // Every last name goes with every first name once: (a, b) ↦ (a, (b + 17a) mod l).
            format!(
                "{} {}",
                FIRST_NAMES[p % f],
                LAST_NAMES[(p / f + 17 * (p % f)) % l]
            )
        } else {
            let q = p - f * l;
            let name = format!(
                "{} {}-{}",
                FIRST_NAMES[q % f],
                LAST_NAMES[(q / f) % l],
                LAST_NAMES[(q / f / l) % l]
            );
            match q / (f * l * l) {
                0 => name,
                n => format!("{name} {}", n + 1),
            }
        }
    }
}

/// `HH:MM` from minutes after midnight.
fn time(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// Minutes as hours with at most two decimals, which `expect.hours` reads back exactly.
fn hours(minutes: u64) -> String {
    let hundredths = (minutes * 100 + 30) / 60;
    match hundredths % 100 {
        0 => (hundredths / 100).to_string(),
        f => format!("{}.{f:02}", hundredths / 100)
            .trim_end_matches('0')
            .to_owned(),
    }
}

/// A JSON string literal.
struct Json<'a>(&'a str);

impl fmt::Display for Json<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use fmt::Write as _;
        f.write_char('"')?;
        let mut rest = self.0;
        while let Some(i) = rest.find(|c: char| c == '"' || c == '\\' || c < ' ') {
            f.write_str(&rest[..i])?;
            let c = rest[i..].chars().next().expect("found a char");
            match c {
                '"' => f.write_str("\\\"")?,
                '\\' => f.write_str("\\\\")?,
                '\n' => f.write_str("\\n")?,
                c => write!(f, "\\u{:04x}", c as u32)?,
            }
            rest = &rest[i + c.len_utf8()..];
        }
        f.write_str(rest)?;
        f.write_char('"')
    }
}
