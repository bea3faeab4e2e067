//! Builds a small week in code through the library (no JSON, no command line),
//! checks it, prints the findings and then its calendar.
//!
//! Run with `cargo run --example build_week`.

use chrono::{NaiveDate, NaiveDateTime};
use fora::model::{Room, Rules};
use fora::{Duration, Forum, Severity, Week, check};

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").expect("a valid example time")
}

fn forum(id: &str, title: &str, start: &str, minutes: u32, room: &str, speakers: &[&str]) -> Forum {
    Forum {
        id: id.into(),
        title: title.into(),
        start: Some(at(start)),
        duration: Duration::from_minutes(minutes).expect("a valid example duration"),
        room: Some(room.into()),
        speakers: speakers.iter().map(|s| s.to_string()).collect(),
        ..Forum::default()
    }
}

fn main() -> std::io::Result<()> {
    let first = NaiveDate::from_ymd_opt(2020, 6, 23).expect("a valid date");
    let last = NaiveDate::from_ymd_opt(2020, 6, 24).expect("a valid date");
    let mut week = Week::new(
        "Kleine Kongresswoche",
        chrono_tz::Europe::Berlin,
        first,
        last,
    );
    week.rooms = Some(vec![Room {
        id: "plenum".into(),
        name: "Plenum (Videokonferenz)".into(),
        url: Some("https://example.org/join/plenum".into()),
        ..Room::default()
    }]);
    week.rules = Rules {
        min_gap: Duration::from_minutes(15),
        ..Rules::default()
    };
    week.fora = vec![
        forum(
            "eroeffnung",
            "Eröffnung",
            "2020-06-23T10:00",
            60,
            "plenum",
            &["Moderation"],
        ),
        forum(
            "fachforum",
            "Fachforum Ehrenamt",
            "2020-06-23T11:05",
            90,
            "plenum",
            &["Moderation"],
        ),
        forum(
            "praxis",
            "Praxisbeispiel",
            "2020-06-24T10:00",
            45,
            "plenum",
            &[],
        ),
    ];

    let report = check(&week);
    println!(
        "{}: {} fora, {} minutes of programme, {} errors, {} warnings",
        week.name,
        report.summary.fora,
        report.summary.programme_minutes,
        report.count(Severity::Error),
        report.count(Severity::Warning)
    );
    // Findings are data; their text is made in the language asked for.
    for finding in &report.findings {
        let message = finding.message(&week, fora::Language::En);
        println!("{}: {message}", finding.kind.name());
    }
    println!();
    fora::export::ics::write_calendar(&week, &mut std::io::stdout().lock())
}
