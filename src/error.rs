//! Errors that stop a command, and the exit codes they map to.

use std::{fmt, io, path::PathBuf};

use crate::model::InputError;

/// The exit codes of every `fora` command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitCode {
    /// No error findings (warnings allowed).
    Clean = 0,
    /// At least one finding of severity error.
    Findings = 1,
    /// The input could not be read or understood.
    Input = 2,
}

/// Something that stops a command before it can do its job.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read.
    #[error("{path}: cannot read: {source}", path = .path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// A week file could not be understood.
    #[error("{}", InputDisplay { path, error })]
    Input {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        error: InputError,
    },
    /// A calendar given with `--previous` could not be understood.
    #[error("{path}:{line}: {message}", path = .path.display())]
    Calendar {
        /// The file.
        path: PathBuf,
        /// The physical line the trouble is on, from 1.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The file changed on disk while it was being edited; nothing was written.
    #[error(
        "{path}: changed on disk while this edit was made; nothing was written, run the command again",
        path = .0.display()
    )]
    Changed(PathBuf),
    /// A command-line value does not fit the week (an unknown room, a day outside the week).
    #[error("{0}")]
    Usage(String),
    /// Output could not be written.
    #[error("{path}: cannot write: {source}", path = .path.display())]
    Write {
        /// The file, or `-` for standard output.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
}

impl Error {
    /// The exit code this error ends a command with.
    pub fn exit_code(&self) -> ExitCode {
        ExitCode::Input
    }
}

/// `file:line:column: message` where the position is known, as editors expect.
struct InputDisplay<'a> {
    path: &'a PathBuf,
    error: &'a InputError,
}

impl fmt::Display for InputDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        match self.error.position() {
            Some((line, column)) => write!(f, "{path}:{line}:{column}: {}", self.error),
            None => write!(f, "{path}: {}", self.error),
        }
    }
}
