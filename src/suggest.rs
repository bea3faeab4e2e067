//! "Did you mean …?": the closest known name to one a user typed.

/// The candidate most like `input`, if any is alike enough to be worth suggesting.
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    nearest(input, candidates)
        .filter(|(_, score)| *score >= 0.5)
        .map(|(name, _)| name)
}

/// The candidate most like `input`, however unlike it is.
pub fn nearest<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<(&'a str, f64)> {
    let input = input.to_lowercase();
    let mut best: Option<(&str, f64)> = None;
    for candidate in candidates {
        let score = strsim::normalized_damerau_levenshtein(&input, &candidate.to_lowercase());
        if best.is_none_or(|(_, b)| score > b) {
            best = Some((candidate, score));
        }
    }
    best
}

/// The zone of a place for an abbreviation people write for a zone (`MEZ`, `CET`, `CEST`):
/// `CET` is an IANA name, but one kept for old files, and `MEZ` none at all. For a week of
/// German fora, Central European Time is Berlin's.
pub fn canonical_zone(input: &str) -> Option<&'static str> {
    const ABBREVIATIONS: [(&str, &str); 12] = [
        ("cet", "Europe/Berlin"),
        ("cest", "Europe/Berlin"),
        ("mez", "Europe/Berlin"),
        ("mesz", "Europe/Berlin"),
        ("met", "Europe/Berlin"),
        ("mest", "Europe/Berlin"),
        ("wet", "Europe/Lisbon"),
        ("wez", "Europe/Lisbon"),
        ("west", "Europe/Lisbon"),
        ("eet", "Europe/Athens"),
        ("oez", "Europe/Athens"),
        ("eest", "Europe/Athens"),
    ];
    let lower = input.trim().to_lowercase();
    ABBREVIATIONS
        .iter()
        .find(|(abbreviation, _)| *abbreviation == lower)
        .map(|(_, zone)| *zone)
}

/// The IANA zone most like `input`, matching whole names and city names (`berlin`); an
/// abbreviation gets the zone of its place (`MEZ` → `Europe/Berlin`). Only zones of places
/// are suggested, never the old names kept for compatibility (`MET`, `US/Eastern`).
pub fn time_zone(input: &str) -> Option<&'static str> {
    if let Some(zone) = canonical_zone(input) {
        return Some(zone);
    }
    let lower = input.trim().to_lowercase().replace(' ', "_");
    let mut best: Option<(&'static str, f64)> = None;
    for tz in chrono_tz::TZ_VARIANTS {
        let name = tz.name();
        if !of_a_place(name) {
            continue;
        }
        let full = name.to_lowercase();
        let city = full.rsplit('/').next().unwrap_or(&full);
        let score = strsim::normalized_damerau_levenshtein(&lower, &full)
            .max(strsim::normalized_damerau_levenshtein(&lower, city) - 0.05);
        if best.is_none_or(|(_, b)| score > b) {
            best = Some((name, score));
        }
    }
    best.filter(|(_, score)| *score >= 0.5)
        .map(|(name, _)| name)
}

/// Whether an IANA name is a zone of a place (`Europe/Berlin`, `UTC`), not one of the old
/// names the database keeps for compatibility.
fn of_a_place(name: &str) -> bool {
    const OLD: [&str; 8] = [
        "US/", "Canada/", "Brazil/", "Chile/", "Mexico/", "SystemV/", "Etc/", "Arctic/",
    ];
    (name.contains('/') || name == "UTC") && !OLD.iter().any(|prefix| name.starts_with(prefix))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(
            closest("speaker", ["speakers", "start", "title"]),
            Some("speakers")
        );
        assert_eq!(closest("zzzzzzzz", ["speakers", "start", "title"]), None);
        assert_eq!(
            nearest("zzzzzzzz", ["speakers"]).map(|(n, _)| n),
            Some("speakers")
        );
    }

    #[test]
    fn suggests_time_zones_by_city_and_spelling() {
        assert_eq!(time_zone("Europe/Berln"), Some("Europe/Berlin"));
        assert_eq!(time_zone("europe/berlin"), Some("Europe/Berlin"));
        assert_eq!(time_zone("Berlin"), Some("Europe/Berlin"));
        assert_eq!(time_zone("Sao Paulo"), Some("America/Sao_Paulo"));
        assert_eq!(time_zone("MEZ"), Some("Europe/Berlin"));
        assert_eq!(time_zone("mesz"), Some("Europe/Berlin"));
        assert_eq!(time_zone("CET"), Some("Europe/Berlin"));
        // No old name is ever suggested.
        for typo in [
            "MTE",
            "Europe/Berlim",
            "EST5ED",
            "GMT+1",
            "US/Pacifc",
            "Etc/UTC0",
        ] {
            let suggested = time_zone(typo);
            assert!(suggested.is_none_or(of_a_place), "{typo}: {suggested:?}");
        }
        assert_eq!(canonical_zone("Europe/Berlin"), None);
    }
}
