//! Identities: what names a week and its fora for good, and the calendar UIDs made from them.
//!
//! A UID is `<forum id>.<week id>.fora`: the week's `id` and the forum's `id` alone, so a new
//! name, description, language, zone or dates change no UID and calendars keep updating
//! their events. A week file written before weeks had an `id` keeps the UIDs it had then,
//! made from the slug of its name and its first day; [`legacy_id`] is the `id` that keeps
//! exactly those, which `fora check` asks the organiser to add.
//!
//! The frab schedule's guids are UUID v5 of the same identities under namespaces of fora's
//! own, so they too outlive any rename; its integer ids are taken from the guids.

use rustc_hash::FxHashSet as HashSet;
use uuid::Uuid;

use super::{Forum, Language, Week, slug};

/// The namespace of fora's guids: UUID v5 of `urn:fora:frab:forum` in the URL namespace.
pub const FORUM_NAMESPACE: Uuid = Uuid::from_u128(0xf6df266f_cd35_50f7_9a0f_b0f9dada6996);
/// The namespace of rooms' guids: UUID v5 of `urn:fora:frab:room` in the URL namespace.
pub const ROOM_NAMESPACE: Uuid = Uuid::from_u128(0x87224697_0b6c_55fc_8114_67e8b217482b);
/// The namespace of speakers' guids: UUID v5 of `urn:fora:frab:person` in the URL namespace.
pub const PERSON_NAMESPACE: Uuid = Uuid::from_u128(0x724be49a_f6ea_5197_8fed_383fef543c93);

/// The key an imported forum keeps its frab guid in.
pub const FRAB_GUID: &str = "x-frab-guid";
/// The key an imported forum keeps its frab integer id in.
pub const FRAB_ID: &str = "x-frab-id";

/// The largest id [`number`] gives: ids fit a signed 32-bit integer, as frab's do.
const MAX_NUMBER: u64 = (1 << 31) - 1;

/// What follows the forum id in every UID of `week`: `.<week id>.fora`.
pub fn uid_tail(week: &Week) -> String {
    match &week.id {
        Some(id) => format!(".{id}.fora"),
        None => format!(".{}.fora", legacy_id(week)),
    }
}

/// The calendar UID of `forum`.
pub fn uid(week: &Week, forum: &Forum) -> String {
    format!("{}{}", forum.id, uid_tail(week))
}

/// The frab guid of `forum`: UUID v5 of its calendar UID, so the week's name is not in it.
pub fn guid(week: &Week, forum: &Forum) -> Uuid {
    Uuid::new_v5(&FORUM_NAMESPACE, uid(week, forum).as_bytes())
}

/// The frab guid of the room with this id (the empty id: the week's one implicit room).
pub fn room_guid(week: &Week, room_id: &str) -> Uuid {
    Uuid::new_v5(
        &ROOM_NAMESPACE,
        format!("{room_id}{}", uid_tail(week)).as_bytes(),
    )
}

/// The frab guid of a speaker of the week: one person however the file spells the case of
/// their name ([`crate::view::folded`]).
pub fn person_guid(week: &Week, name: &str) -> Uuid {
    let folded: String = crate::view::folded(name).collect();
    Uuid::new_v5(
        &PERSON_NAMESPACE,
        format!("{folded}{}", uid_tail(week)).as_bytes(),
    )
}

/// The integer id a guid gives: its first 31 bits, at least 1.
pub fn number(guid: &Uuid) -> u64 {
    let bytes = guid.as_bytes();
    let first = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
    u64::from(first >> 1).max(1)
}

/// The frab integer id of `forum` before collisions are probed: see [`Identities`].
pub fn event_id(week: &Week, forum: &Forum) -> u64 {
    number(&guid(week, forum))
}

/// The path of a forum's page on the programme site: `de/fora/eroeffnung.html`.
pub fn page(language: Language, forum_id: &str) -> String {
    format!("{}/fora/{forum_id}.html", language.code())
}

/// The folder a site is published in, from the address given: its path ends in `/`, so
/// pages join beneath it, without query or fragment.
pub fn site_base(base: &url::Url) -> url::Url {
    let mut base = base.clone();
    if !base.path().ends_with('/') {
        let path = format!("{}/", base.path());
        base.set_path(&path);
    }
    base.set_query(None);
    base.set_fragment(None);
    base
}

/// The frab guid and integer id of every forum of a week, unique within it.
///
/// A forum that carries `x-frab-guid` (a UUID) or `x-frab-id` (a positive integer), from an
/// import, keeps them, the first forum to claim one winning; every other forum gets
/// [`guid`] and [`event_id`], an id taken already probed to the next free number. All fora
/// are given theirs, cancelled and unscheduled ones too, so that cancelling one moves no
/// other's id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identities {
    /// By the forum's place in the week's list: its guid and id.
    pub fora: Vec<(Uuid, u64)>,
}

impl Identities {
    /// The identities of the fora of `week`.
    pub fn of(week: &Week) -> Self {
        let kept: Vec<(Option<Uuid>, Option<u64>)> = week
            .fora
            .iter()
            .map(|forum| {
                let guid = forum.extra.get(FRAB_GUID).and_then(|v| v.as_str());
                let id = forum.extra.get(FRAB_ID).and_then(serde_json::Value::as_u64);
                (
                    guid.and_then(|g| Uuid::parse_str(g.trim()).ok()),
                    id.filter(|&id| id > 0),
                )
            })
            .collect();
        let mut guids = HashSet::default();
        let mut ids = HashSet::default();
        let claimed: Vec<(Option<Uuid>, Option<u64>)> = kept
            .into_iter()
            .map(|(guid, id)| {
                (
                    guid.filter(|g| guids.insert(*g)),
                    id.filter(|id| ids.insert(*id)),
                )
            })
            .collect();
        let fora = week
            .fora
            .iter()
            .zip(claimed)
            .map(|(forum, (guid_kept, id_kept))| {
                let guid = guid_kept.unwrap_or_else(|| {
                    // Taken only by an imported guid: another name of the same identity.
                    (0u32..)
                        .map(|n| match n {
                            0 => guid(week, forum),
                            n => {
                                let uid = format!("{}#{n}", uid(week, forum));
                                Uuid::new_v5(&FORUM_NAMESPACE, uid.as_bytes())
                            }
                        })
                        .find(|g| guids.insert(*g))
                        .expect("some guid is free")
                });
                let id = id_kept.unwrap_or_else(|| free(number(&guid), &mut ids));
                (guid, id)
            })
            .collect();
        Self { fora }
    }
}

/// `wanted`, else the next number after it not in `taken` (after the largest, 1), taken now.
pub fn free(wanted: u64, taken: &mut HashSet<u64>) -> u64 {
    let mut id = wanted.clamp(1, MAX_NUMBER);
    while !taken.insert(id) {
        id = if id >= MAX_NUMBER { 1 } else { id + 1 };
    }
    id
}

/// The `id` that gives a week without one the UIDs it has now: its first day and the slug
/// of its name, `20200623@digitale-engagementkongresswoche-nrw-2020`.
pub fn legacy_id(week: &Week) -> String {
    format!("{}@{}", week.start.format("%Y%m%d"), slug(&week.name))
}

/// The `id` `fora new` gives a week: the slug of its name.
pub fn new_id(name: &str) -> String {
    match slug(name) {
        id if id.is_empty() => "week".to_owned(),
        id => id,
    }
}

/// Whether `id` may identify a week: ASCII letters, digits, `-`, `_`, `.` and `@`, not empty.
pub fn is_valid_week_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'@'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn week(name: &str) -> Week {
        let day = NaiveDate::from_ymd_opt(2020, 6, 23).unwrap();
        Week::new(name, chrono_tz::Europe::Berlin, day, day)
    }

    #[test]
    fn a_week_without_id_keeps_the_uids_of_its_name_and_first_day() {
        let forum = Forum {
            id: "eroeffnung".into(),
            ..Forum::default()
        };
        let mut week = week("Digitale Engagementkongresswoche NRW 2020");
        let old = "eroeffnung.20200623@digitale-engagementkongresswoche-nrw-2020.fora";
        assert_eq!(uid(&week, &forum), old);
        // The id check suggests keeps them, whatever the name becomes.
        week.id = Some(legacy_id(&week));
        week.name = "Engagementwoche".into();
        week.start = NaiveDate::from_ymd_opt(2020, 6, 22).unwrap();
        assert_eq!(uid(&week, &forum), old);
        week.id = Some("engagementwoche-2020".into());
        assert_eq!(uid(&week, &forum), "eroeffnung.engagementwoche-2020.fora");
    }

    #[test]
    fn week_ids_are_slugs_and_legacy_ids() {
        assert!(is_valid_week_id("engagementwoche-2020"));
        assert!(is_valid_week_id(
            "20200623@digitale-engagementkongresswoche-nrw-2020"
        ));
        assert!(!is_valid_week_id(""));
        assert!(!is_valid_week_id("a b"));
        assert_eq!(
            new_id("Engagementkongress NRW 2015"),
            "engagementkongress-nrw-2015"
        );
        assert_eq!(new_id("!!"), "week");
    }

    fn named(id: &str) -> Forum {
        Forum {
            id: id.into(),
            ..Forum::default()
        }
    }

    #[test]
    fn the_namespaces_are_the_uuids_of_their_names() {
        for (namespace, name) in [
            (FORUM_NAMESPACE, "forum"),
            (ROOM_NAMESPACE, "room"),
            (PERSON_NAMESPACE, "person"),
        ] {
            let url = format!("urn:fora:frab:{name}");
            assert_eq!(
                namespace,
                Uuid::new_v5(&Uuid::NAMESPACE_URL, url.as_bytes())
            );
        }
    }

    #[test]
    fn guids_outlive_a_rename_of_the_week_and_follow_its_id() {
        let mut week = week("Engagementwoche");
        week.id = Some("ew-2020".into());
        let forum = named("eroeffnung");
        let before = (
            guid(&week, &forum),
            room_guid(&week, "plenum"),
            person_guid(&week, "Anna Ärger"),
        );
        week.name = "Ganz anders".into();
        week.start = NaiveDate::from_ymd_opt(2021, 1, 1).unwrap();
        assert_eq!(
            before,
            (
                guid(&week, &forum),
                room_guid(&week, "plenum"),
                person_guid(&week, "anna ärger")
            )
        );
        assert_eq!(
            guid(&week, &forum),
            Uuid::new_v5(&FORUM_NAMESPACE, b"eroeffnung.ew-2020.fora")
        );
        week.id = Some("ew-2021".into());
        assert_ne!(before.0, guid(&week, &forum));
        assert_ne!(before.1, room_guid(&week, "plenum"));
    }

    #[test]
    fn numbers_are_the_first_31_bits_and_probe_to_the_next_free_one() {
        let guid = Uuid::from_u128(0xffff_ffff_0000_0000_0000_0000_0000_0000);
        assert_eq!(number(&guid), (1 << 31) - 1);
        assert_eq!(number(&Uuid::nil()), 1);
        let mut taken = HashSet::default();
        assert_eq!(free(7, &mut taken), 7);
        assert_eq!(free(7, &mut taken), 8);
        assert_eq!(free(MAX_NUMBER, &mut taken), MAX_NUMBER);
        // After the largest comes 1.
        assert_eq!(free(MAX_NUMBER, &mut taken), 1);
        assert_eq!(free(MAX_NUMBER, &mut taken), 2);
    }

    #[test]
    fn imported_guids_and_ids_are_kept_and_a_collision_moves_the_later_forum() {
        let mut week = week("W");
        week.id = Some("w".into());
        let (a, b, c) = (named("a"), named("b"), named("c"));
        let wanted_b = event_id(&week, &b);
        let mut imported = c.clone();
        let kept = "0b7c6f2e-8a3b-4c4d-9e5f-102132435465";
        imported.extra = serde_json::Map::from_iter([
            (FRAB_GUID.to_owned(), serde_json::json!(kept)),
            // c claims the id b would get: b moves on, c keeps it.
            (FRAB_ID.to_owned(), serde_json::json!(wanted_b)),
        ])
        .into();
        week.fora = vec![a.clone(), b.clone(), imported];
        let ids = Identities::of(&week);
        assert_eq!(ids.fora[0], (guid(&week, &a), event_id(&week, &a)));
        assert_eq!(ids.fora[1].0, guid(&week, &b));
        assert_eq!(ids.fora[1].1, free(wanted_b + 1, &mut HashSet::default()));
        assert_eq!(ids.fora[2], (Uuid::parse_str(kept).unwrap(), wanted_b));
        // The same forum twice with one imported guid and id: the second gets its own.
        let mut twice = week.clone();
        twice.fora = vec![twice.fora[2].clone(), twice.fora[2].clone()];
        let ids = Identities::of(&twice);
        assert_eq!(ids.fora[0], (Uuid::parse_str(kept).unwrap(), wanted_b));
        assert_eq!(ids.fora[1].0, guid(&twice, &c));
        assert_ne!(ids.fora[1].1, wanted_b);
    }

    #[test]
    fn a_forum_page_is_under_its_language() {
        assert_eq!(page(Language::De, "eroeffnung"), "de/fora/eroeffnung.html");
        assert_eq!(page(Language::En, "a_b-1"), "en/fora/a_b-1.html");
    }
}
