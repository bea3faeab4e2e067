//! What a large week costs: parsing, checking, the timetable (as CSV) and the calendar,
//! at 1k, 10k, 100k and 1M fora.
//!
//! The weeks are made in-process by the generator of `examples/generate.rs` (the same code,
//! so `cargo run --release --example generate -- …` with the arguments in [`SIZES`] writes the
//! same bytes), and only for the sizes a run selects:
//!
//! ```sh
//! cargo bench                          # everything: about 7 minutes, 4 of them the 1M fora
//! cargo bench -- '/100000$'            # one size
//! cargo bench -- '^check/'             # one operation
//! cargo bench -- --quick               # a first look
//! ```

use std::cell::OnceCell;
use std::hint::black_box;
use std::io;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use fora::export::{Format, Selection, Timetable};
use fora::{Language, Week, check};

#[path = "../examples/generate/week.rs"]
mod week;

/// Fora, rooms, days, speakers: the same density (about 14 fora a room and day) at every size.
const SIZES: [(usize, usize, usize, usize); 4] = [
    (1_000, 15, 5, 150),
    (10_000, 25, 30, 500),
    (100_000, 20, 365, 2_000),
    (1_000_000, 200, 365, 20_000),
];

/// A generated week: its text, and (made when first needed) the week and its report.
struct Input {
    text: String,
    parsed: OnceCell<(Week, fora::Report)>,
}

impl Input {
    fn new(fora: usize, rooms: usize, days: usize, speakers: usize) -> Self {
        let config = week::Config {
            fora,
            rooms,
            days,
            speakers,
            seed: 1,
            timezone: chrono_tz::Europe::Berlin,
            start: NaiveDate::from_ymd_opt(2020, 6, 22).expect("a valid date"),
            conflicts: 0.0,
            pile_up: false,
        };
        let plan = week::Plan::new(&config).expect("the sizes fit");
        assert!(plan.notes().is_empty(), "{:?}", plan.notes());
        let mut bytes = Vec::new();
        plan.write(&mut bytes).expect("writing to memory");
        Self {
            text: String::from_utf8(bytes).expect("the generator writes UTF-8"),
            parsed: OnceCell::new(),
        }
    }

    fn week(&self) -> &Week {
        &self.parsed().0
    }

    fn report(&self) -> &fora::Report {
        &self.parsed().1
    }

    fn parsed(&self) -> &(Week, fora::Report) {
        self.parsed.get_or_init(|| {
            let week = Week::from_json(&self.text).expect("a generated week loads");
            let report = check(&week);
            assert!(!report.has_errors(), "a generated week has no error");
            (week, report)
        })
    }
}

fn benches(c: &mut Criterion) {
    for (fora, rooms, days, speakers) in SIZES {
        // Made on first use, so that a filtered run does not generate the sizes it skips.
        let cell = OnceCell::new();
        let input = || cell.get_or_init(|| Input::new(fora, rooms, days, speakers));
        let id = BenchmarkId::from_parameter(fora);
        for name in ["parse", "check", "timetable_csv", "ics"] {
            let mut group = c.benchmark_group(name);
            group.throughput(Throughput::Elements(fora as u64));
            // A fixed count of runs a sample (flat sampling), enough time for each to finish
            // its samples: the calendar of 1M fora takes seconds a run.
            group.sampling_mode(SamplingMode::Flat);
            let (samples, warm_up, seconds) = match (fora, name) {
                (1_000, _) => (50, 3, 5),
                (10_000, _) => (20, 3, 5),
                (100_000, _) => (10, 1, 10),
                (_, "ics") => (10, 1, 120),
                _ => (10, 1, 30),
            };
            group.sample_size(samples);
            group.warm_up_time(Duration::from_secs(warm_up));
            group.measurement_time(Duration::from_secs(seconds));
            match name {
                "parse" => group.bench_function(id.clone(), |b| {
                    let text = &input().text;
                    b.iter(|| Week::from_json(black_box(text)).expect("it loads"))
                }),
                "check" => group.bench_function(id.clone(), |b| {
                    let week = input().week();
                    b.iter(|| check(black_box(week)))
                }),
                "timetable_csv" => group.bench_function(id.clone(), |b| {
                    let (week, report) = (input().week(), input().report());
                    b.iter(|| {
                        let timetable =
                            Timetable::new(week, report, Language::De, &Selection::default());
                        Format::Csv
                            .exporter()
                            .write(&timetable, &mut io::sink())
                            .expect("writing to nowhere")
                    })
                }),
                _ => group.bench_function(id.clone(), |b| {
                    let week = input().week();
                    b.iter(|| {
                        fora::export::ics::write_calendar(black_box(week), &mut io::sink())
                            .expect("writing to nowhere")
                    })
                }),
            };
            group.finish();
        }
    }
}

criterion_group!(fora_benches, benches);
criterion_main!(fora_benches);
