//! Identities: what names a week and its fora for good, and the calendar UIDs made from them.
//!
//! A UID is `<forum id>.<week id>.fora`: the week's `id` and the forum's `id` alone, so a new
//! name, description, language, zone or dates change no UID and calendars keep updating
//! their events. A week file written before weeks had an `id` keeps the UIDs it had then,
//! made from the slug of its name and its first day; [`legacy_id`] is the `id` that keeps
//! exactly those, which `fora check` asks the organiser to add.

use super::{Forum, Week, slug};

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
}
