//! Where results go: standard output, or a file replaced in one step.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use crate::Error;

/// How much output is gathered before it is written: a calendar of a season is tens of
/// megabytes, and 8 KiB at a time (the default) was a tenth of the export's time in calls.
const BUFFER: usize = 1 << 20;

/// Writes through `write` to `path`, or to standard output when `path` is `-`.
///
/// A file is written to a temporary file beside it, flushed to disk and renamed over it,
/// so readers see the old file or the new one, never half of one.
pub fn write_to(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Error> {
    if path == Path::new("-") {
        let mut out = BufWriter::with_capacity(BUFFER, io::stdout().lock());
        return stdout_written(write(&mut out).and_then(|()| out.flush()));
    }
    write_file(path, true, write)
}

/// Writes a new file the way [`write_to`] does; an existing one is replaced only when
/// `replace` is set, else it is an error (also when it appears meanwhile).
pub fn write_new(
    path: &Path,
    replace: bool,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Error> {
    write_file(path, replace, write)
}

fn write_file(
    path: &Path,
    replace: bool,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Error> {
    let failed = |source| Error::Write {
        path: path.to_owned(),
        source,
    };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".fora-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Keep an existing file's permissions; a new file is readable by all (it is published).
        let mode = fs::metadata(path).map_or(0o644, |m| m.permissions().mode());
        builder.permissions(fs::Permissions::from_mode(mode));
    }
    let file = builder.tempfile_in(folder).map_err(failed)?;
    let mut out = BufWriter::with_capacity(BUFFER, file);
    write(&mut out).and_then(|()| out.flush()).map_err(failed)?;
    let file = out.into_inner().map_err(|e| failed(e.into_error()))?;
    file.as_file().sync_all().map_err(failed)?;
    if replace {
        file.persist(path).map_err(|e| failed(e.error))?;
    } else {
        file.persist_noclobber(path).map_err(|e| failed(e.error))?;
    }
    // The rename is in the folder: sync it too, so the new file survives a power cut.
    #[cfg(unix)]
    fs::File::open(folder)
        .and_then(|f| f.sync_all())
        .map_err(failed)?;
    Ok(())
}

/// The outcome of writing to standard output. A closed pipe (`fora timetable | head`) is not
/// an error: the reader has all it wanted.
pub fn stdout_written(result: io::Result<()>) -> Result<(), Error> {
    match result {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|source| Error::Write {
            path: "-".into(),
            source,
        }),
    }
}
