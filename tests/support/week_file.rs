//! Week files read the way the tests check them: without fora's own parsers.

use serde_json::Value;

/// Minutes of a duration as week files write them: `90`, `"90"`, `90m`, `2h`, `1h30m`,
/// `1.5h`, `PT1H30M`.
pub fn minutes(duration: &Value) -> i64 {
    if let Some(minutes) = duration.as_i64() {
        return minutes;
    }
    let text = duration
        .as_str()
        .expect("a duration")
        .trim()
        .to_ascii_lowercase();
    let text = text.trim_start_matches("pt");
    let (mut total, mut number) = (0.0, String::new());
    for c in text.chars() {
        match c {
            'h' => total += number.parse::<f64>().unwrap() * 60.0,
            'm' => total += number.parse::<f64>().unwrap(),
            c => {
                number.push(c);
                continue;
            }
        }
        number.clear();
    }
    if !number.is_empty() {
        total += number.parse::<f64>().unwrap();
    }
    total.round() as i64
}
