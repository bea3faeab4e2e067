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

/// The IANA zone most like `input`, matching whole names and city names (`berlin`).
pub fn time_zone(input: &str) -> Option<&'static str> {
    let lower = input.trim().to_lowercase().replace(' ', "_");
    let mut best: Option<(&'static str, f64)> = None;
    for tz in chrono_tz::TZ_VARIANTS {
        let name = tz.name();
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
    }
}
