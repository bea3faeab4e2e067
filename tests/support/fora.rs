//! The `fora` binary, run as a user with no language set in the environment runs it, so
//! the week file's `language` (or `--lang`) decides.
//!
//! Include with `#[path = "support/fora.rs"] mod binary; use binary::fora;`.

use assert_cmd::Command;

/// `fora`, without `LC_ALL`, `LC_MESSAGES` and `LANG`.
pub fn fora() -> Command {
    let mut command = Command::cargo_bin("fora").expect("the binary is built");
    command
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    command
}
