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

/// The ids of the fora most like `input` (up to three, when several are alike equally): by
/// the whole id, as a typo of it (`impusl-engagement`), and by the words of the id and the
/// title (`impuls`, `klimaschutz`, `impuls-klima`), umlauts written out as in ids. Each
/// candidate is an id with its title; the ids come back in the order given.
pub fn fora<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Vec<&'a str> {
    let folded = crate::model::slug(input);
    let words: Vec<&str> = folded.split('-').filter(|w| !w.is_empty()).collect();
    let mut best = 0.5_f64;
    let mut found: Vec<&str> = Vec::new();
    for (id, title) in candidates {
        let typo = strsim::normalized_damerau_levenshtein(&folded, &id.to_lowercase());
        let score = typo.max(by_words(&words, id, title));
        if score > best + 1e-9 {
            best = score;
            found.clear();
        }
        if score >= best - 1e-9 && found.len() < 3 && !found.contains(&id) {
            found.push(id);
        }
    }
    found
}

/// How well the words typed match the words of an id and a title, from 0 to 1: each word
/// typed scores its best match (the same word 1, the start of one 0.9, inside one or a typo
/// of one less), and the scores are averaged.
fn by_words(typed: &[&str], id: &str, title: &str) -> f64 {
    if typed.is_empty() {
        return 0.0;
    }
    let (id, title) = (crate::model::slug(id), crate::model::slug(title));
    let known: Vec<&str> = id.split('-').chain(title.split('-')).collect();
    let score = |word: &str| {
        known
            .iter()
            .map(|k| {
                if *k == word {
                    1.0
                } else if word.len() >= 3 && k.starts_with(word) {
                    0.9
                } else if word.len() >= 4 && k.contains(word) {
                    0.8
                } else {
                    let typo = strsim::normalized_damerau_levenshtein(word, k);
                    if typo >= 0.75 { 0.9 * typo } else { 0.0 }
                }
            })
            .fold(0.0, f64::max)
    };
    typed.iter().map(|w| score(w)).sum::<f64>() / typed.len() as f64
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

    const WEEK: [(&str, &str); 4] = [
        (
            "impuls-engagement-klimaschutz",
            "Impuls: Engagement und Klimaschutz",
        ),
        ("workshop-ehrenamt-digital", "Workshop: Ehrenamt digital"),
        (
            "workshop-vereinsrecht",
            "Workshop: Vereinsrecht für Einsteiger",
        ),
        ("eroeffnung", "Gemeinsames Eröffnungsgespräch"),
    ];

    #[test]
    fn suggests_fora_by_words_of_id_and_title_and_by_typos() {
        for typed in [
            "impuls",
            "klimaschutz",
            "Klimaschutz",
            "impuls-klima",
            "impusl-engagement-klimaschutz",
            "engagement",
        ] {
            assert_eq!(
                fora(typed, WEEK),
                ["impuls-engagement-klimaschutz"],
                "{typed}"
            );
        }
        assert_eq!(fora("eröffnungsgespräch", WEEK), ["eroeffnung"]);
        assert_eq!(fora("eroffnung", WEEK), ["eroeffnung"]);
        assert_eq!(
            fora("workshop", WEEK),
            ["workshop-ehrenamt-digital", "workshop-vereinsrecht"]
        );
        assert_eq!(fora("zzzzzzzz", WEEK), Vec::<&str>::new());
        assert_eq!(fora("", WEEK), Vec::<&str>::new());
    }

    #[test]
    fn suggests_at_most_three_fora() {
        let many = [("a-x", "X"), ("b-x", "X"), ("c-x", "X"), ("d-x", "X")];
        assert_eq!(fora("x", many), ["a-x", "b-x", "c-x"]);
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
