//! The fixed words of the site's pages, from the catalogue.

use crate::model::Language;
use crate::text::t;

/// The fixed words of the site in one language.
#[derive(Clone, Debug)]
pub struct SiteWords {
    /// `site-skip`.
    pub skip: String,
    /// `site-nav`.
    pub nav: String,
    /// `site-programme`.
    pub programme: String,
    /// `site-rooms`.
    pub rooms: String,
    /// `site-changes`.
    pub changes: String,
    /// `site-duration`.
    pub duration: String,
    /// `site-tentative-note`.
    pub tentative_note: String,
    /// `site-cancelled-note`.
    pub cancelled_note: String,
    /// `site-star`.
    pub star: String,
    /// `site-selection`.
    pub selection: String,
    /// `site-zone-viewer`.
    pub zone_viewer: String,
    /// `site-zone-switch`.
    pub zone_switch: String,
    /// `site-only-selection`.
    pub only_selection: String,
    /// `site-download-selection`.
    pub download_selection: String,
    /// `site-share-selection`.
    pub share_selection: String,
    /// `site-selection-help`.
    pub selection_help: String,
    /// `site-now`.
    pub now: String,
    /// `site-next`.
    pub next: String,
    /// `site-calendar`.
    pub calendar: String,
    /// `site-download-week`.
    pub download_week: String,
    /// `site-download-day`.
    pub download_day: String,
    /// `site-download-room`.
    pub download_room: String,
    /// `site-download-forum`.
    pub download_forum: String,
    /// `site-subscribe`.
    pub subscribe: String,
    /// `site-subscribe-help`.
    pub subscribe_help: String,
    /// `site-copy-address`.
    pub copy_address: String,
    /// `site-copied`.
    pub copied: String,
    /// `site-add-to`.
    pub add_to: String,
    /// `site-google`.
    pub google: String,
    /// `site-outlook-com`.
    pub outlook_com: String,
    /// `site-outlook-365`.
    pub outlook_365: String,
    /// `site-back`.
    pub back: String,
    /// `site-join-room`.
    pub join_room: String,
    /// `site-no-room`.
    pub no_room: String,
    /// `site-changes-intro`.
    pub changes_intro: String,
    /// `site-made-with`.
    pub made_with: String,
    /// "Teilnehmen": the join link.
    pub join: String,
    /// "Format".
    pub format: String,
    /// "Mitwirkende".
    pub speakers: String,
    /// "Raum".
    pub room: String,
    /// "Zeit".
    pub time: String,
    /// "Beschreibung".
    pub description: String,
    /// "Keine Fora an diesem Tag."
    pub no_fora: String,
    /// The columns of the table of changes, as `fora diff` heads them.
    pub diff_columns: [String; 4],
}

impl SiteWords {
    /// The words of `language`.
    pub fn new(language: Language) -> Self {
        Self {
            skip: t!(language, "site-skip"),
            nav: t!(language, "site-nav"),
            programme: t!(language, "site-programme"),
            rooms: t!(language, "site-rooms"),
            changes: t!(language, "site-changes"),
            duration: t!(language, "site-duration"),
            tentative_note: t!(language, "site-tentative-note"),
            cancelled_note: t!(language, "site-cancelled-note"),
            star: t!(language, "site-star"),
            selection: t!(language, "site-selection"),
            zone_viewer: t!(language, "site-zone-viewer"),
            zone_switch: t!(language, "site-zone-switch"),
            only_selection: t!(language, "site-only-selection"),
            download_selection: t!(language, "site-download-selection"),
            share_selection: t!(language, "site-share-selection"),
            selection_help: t!(language, "site-selection-help"),
            now: t!(language, "site-now"),
            next: t!(language, "site-next"),
            calendar: t!(language, "site-calendar"),
            download_week: t!(language, "site-download-week"),
            download_day: t!(language, "site-download-day"),
            download_room: t!(language, "site-download-room"),
            download_forum: t!(language, "site-download-forum"),
            subscribe: t!(language, "site-subscribe"),
            subscribe_help: t!(language, "site-subscribe-help"),
            copy_address: t!(language, "site-copy-address"),
            copied: t!(language, "site-copied"),
            add_to: t!(language, "site-add-to"),
            google: t!(language, "site-google"),
            outlook_com: t!(language, "site-outlook-com"),
            outlook_365: t!(language, "site-outlook-365"),
            back: t!(language, "site-back"),
            join_room: t!(language, "site-join-room"),
            no_room: t!(language, "site-no-room"),
            changes_intro: t!(language, "site-changes-intro"),
            made_with: t!(language, "site-made-with"),
            join: t!(language, "word-join"),
            format: t!(language, "word-format"),
            speakers: t!(language, "word-speakers"),
            room: t!(language, "column-room"),
            time: t!(language, "column-time"),
            description: t!(language, "column-description"),
            no_fora: t!(language, "timetable-no-fora"),
            diff_columns: [
                t!(language, "diff-column-change"),
                t!(language, "diff-column-forum"),
                t!(language, "diff-column-old"),
                t!(language, "diff-column-new"),
            ],
        }
    }
}
