#![doc = include_str!("../README.md")]

pub mod check;
pub mod cli;
pub mod diff;
pub mod edit;
mod error;
pub mod export;
pub mod free;
mod known;
mod lang;
pub mod model;
mod output;
pub mod report;
pub mod run;
mod suggest;

pub use check::{Finding, Kind, Report, Severity, check};
pub use error::{Error, ExitCode};
pub use lang::Words;
pub use model::{Duration, Forum, Language, Placement, Room, Status, Week};
