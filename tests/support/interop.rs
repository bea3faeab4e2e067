//! The shared interop folder: real schedules, calendars and the c3voc schemas, whose
//! licences keep them out of the repository. It is `shared/interop` beside the repository
//! (or beside a folder above it), or where `FORA_INTEROP` points. A test that needs it says
//! clearly on standard error when it is absent, and what it then did not test.

use std::path::{Path, PathBuf};

/// The folder, or `None` after saying that `what` is not tested.
pub fn folder(what: &str) -> Option<PathBuf> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let candidates: Vec<PathBuf> = std::env::var_os("FORA_INTEROP")
        .map(PathBuf::from)
        .into_iter()
        .chain(
            manifest
                .ancestors()
                .skip(1)
                .map(|up| up.join("shared/interop")),
        )
        .collect();
    if let Some(found) = candidates
        .iter()
        .find(|folder| folder.join("SOURCES.md").is_file())
    {
        return Some(found.clone());
    }
    eprintln!(
        "NOT TESTED: {what}. The shared interop folder is absent: looked for shared/interop \
         beside {} and the folders above it; FORA_INTEROP names another",
        manifest.display()
    );
    None
}
