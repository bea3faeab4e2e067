//! Writes a synthetic, valid week file of any size: for benchmarks, load tests and demos.
//!
//! ```sh
//! cargo run --release --example generate -- --fora 100000 --rooms 20 --days 365 --speakers 2000 -o week.json
//! cargo run --release --example generate -- --fora 1000 --conflicts 0.05 | fora check /dev/stdin
//! cargo run --release --example generate -- --fora 20000 --rooms 1 --days 1 --pile-up -o pile-up.json
//! ```
//!
//! The same arguments give the same bytes. With `--conflicts 0` (the default) `fora check`
//! finds no error in the week; with a share, that share of the fora overlaps another forum
//! in its room. `--pile-up` writes what a spreadsheet import gives when every start was left
//! at 09:00: the third line is 20,000 fora in one room, all 09:00–10:00, 199,990,000
//! overlapping pairs. Notes (more days than asked for, …) go to standard error; standard output
//! holds nothing but the file.

use std::fs::File;
use std::io::{self, BufWriter};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use chrono_tz::Tz;
use clap::Parser;

#[path = "generate/week.rs"]
mod week;

/// Writes a synthetic week file: German titles, rooms with join links, speakers from a pool,
/// fora laid out between 08:00 and 20:00 without overlaps (unless --conflicts asks for some,
/// or --pile-up puts them all at 09:00).
#[derive(Parser)]
#[command(name = "generate")]
struct Args {
    /// How many fora.
    #[arg(long, value_name = "N", default_value_t = 1000)]
    fora: usize,
    /// How many rooms.
    #[arg(long, value_name = "R", default_value_t = 10)]
    rooms: usize,
    /// How many days; more are used (and said on standard error) when the fora do not fit
    /// at 24 a room and day.
    #[arg(long, value_name = "D", default_value_t = 5)]
    days: usize,
    /// The size of the pool of speaker names; each room draws from its own share of the pool,
    /// so give at least as many speakers as rooms.
    #[arg(long, value_name = "S", default_value_t = 200)]
    speakers: usize,
    /// The seed of the random choices: the same arguments give the same bytes.
    #[arg(long, value_name = "K", default_value_t = 1)]
    seed: u64,
    /// The week's IANA time zone.
    #[arg(long, value_name = "ZONE", default_value = "Europe/Berlin", value_parser = zone)]
    timezone: Tz,
    /// The first day.
    #[arg(long, value_name = "DATE", default_value = "2020-06-22")]
    start: NaiveDate,
    /// The share of fora (0.0–1.0) that overlap another forum in their room; with 0 `fora
    /// check` finds no error.
    #[arg(long, value_name = "SHARE", default_value_t = 0.0, value_parser = share)]
    conflicts: f64,
    /// Every forum starts at 09:00 and lasts an hour, as a spreadsheet import leaves them
    /// when no start was filled in: the fora are shared out over the rooms and days (any
    /// number to a room and day, so --days is kept), and each overlaps every other in its
    /// room. `--fora 20000 --rooms 1 --days 1 --pile-up`: 20,000 fora in one room, 09:00–10:00.
    #[arg(long, conflicts_with = "conflicts")]
    pile_up: bool,
    /// Where to write the week file; standard output without it (or with "-").
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

fn zone(text: &str) -> Result<Tz, String> {
    text.parse()
        .map_err(|_| format!("{text:?} is not an IANA time zone such as Europe/Berlin"))
}

fn share(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(share) if (0.0..=1.0).contains(&share) => Ok(share),
        _ => Err(format!("{text:?} is not a share from 0.0 to 1.0")),
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    let config = week::Config {
        fora: args.fora,
        rooms: args.rooms,
        days: args.days,
        speakers: args.speakers,
        seed: args.seed,
        timezone: args.timezone,
        start: args.start,
        conflicts: args.conflicts,
        pile_up: args.pile_up,
    };
    let plan = match week::Plan::new(&config) {
        Ok(plan) => plan,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    for note in plan.notes() {
        eprintln!("note: {note}");
    }
    let written = match args.output.filter(|path| path.as_os_str() != "-") {
        Some(path) => File::create(&path)
            .and_then(|file| plan.write(&mut BufWriter::with_capacity(1 << 20, file)))
            .map_err(|e| (e, path.display().to_string())),
        None => plan
            .write(&mut BufWriter::with_capacity(1 << 20, io::stdout().lock()))
            .map_err(|e| (e, "standard output".to_owned())),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is not an error.
        Err((e, _)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err((e, place)) => {
            eprintln!("error: {place}: {e}");
            ExitCode::from(2)
        }
    }
}
