#![doc = include_str!("../README.md")]

pub mod check;
pub mod cli;
pub mod commands;
pub mod diff;
pub mod edit;
mod error;
pub mod export;
pub mod free;
pub mod import;
mod known;
pub mod model;
mod output;
pub mod plan;
pub mod report;
pub mod rules;
pub mod run;
pub mod site;
mod suggest;
pub mod text;
pub mod view;

pub use check::{Finding, Kind, Report, Severity, check};
pub use error::{Error, ExitCode, ForumLabel, ValueError};
pub use model::{Duration, Forum, Language, Placement, Room, Status, Week};
