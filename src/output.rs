//! Where results go: standard output, or a file replaced in one step.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::thread;

use crate::Error;

/// How much output is gathered before it is written: a calendar of a season is tens of
/// megabytes, and 8 KiB at a time (a `BufWriter`'s default) was a tenth of the export's time
/// in calls.
const BUFFER: usize = 1 << 20;

/// The width of the terminal standard output goes to; `None` when it goes elsewhere.
pub fn terminal_width() -> Option<usize> {
    comfy_table::Table::new().width().map(usize::from)
}

/// Writes through `write` to `path`, or to standard output when `path` is `-`.
///
/// A file is written to a temporary file beside it, flushed to disk and renamed over it,
/// so readers see the old file or the new one, never half of one. A symbolic link is
/// followed, and the file it leads to replaced; a file that is there keeps its owner, group
/// and mode, and one that may not be written is refused.
pub fn write_to(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Error> {
    if path == Path::new("-") {
        return stdout_written(write_behind(io::stdout(), write).map(drop));
    }
    write_file(path, true, write)
}

/// Writes a new file the way [`write_to`] does; an existing one is replaced only when
/// `replace` is set, else it is [`Error::Exists`] (also when it appears meanwhile).
pub fn write_new(
    path: &Path,
    replace: bool,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Error> {
    write_file(path, replace, write)
}

/// Writes `files` (paths within the folder, `/`-separated) as the folder `dir`, replacing
/// what was there in one step: the new folder is written beside it, then put in its place,
/// so a web server serves the old site or the new one, never a mix, and files of the old
/// site that the new one lacks are gone. A folder that is there must be empty or hold
/// `marker` (a site written so before); anything else is [`Error::NotASite`].
pub fn write_folder(
    dir: &Path,
    files: &std::collections::BTreeMap<String, Vec<u8>>,
    marker: &str,
) -> Result<(), Error> {
    let failed = |path: &Path| {
        let path = path.to_owned();
        move |source| Error::Write { path, source }
    };
    // A link to the web server's folder stays a link: the folder it leads to is replaced.
    let linked = fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_symlink());
    let resolved = if linked {
        fs::canonicalize(dir).map_err(failed(dir))?
    } else {
        dir.to_owned()
    };
    let dir = resolved.as_path();
    let exists = match fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() && !dir.join(marker).is_file() {
                return Err(Error::NotASite(dir.to_owned()));
            }
            true
        }
        Err(error) if error.kind() == io::ErrorKind::NotFound => false,
        Err(source) => {
            return Err(Error::Write {
                path: dir.to_owned(),
                source,
            });
        }
    };
    let parent = match dir.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(failed(&parent))?;
    let new = tempfile::Builder::new()
        .prefix(".fora-site-")
        .tempdir_in(&parent)
        .map_err(failed(&parent))?;
    for (path, bytes) in files {
        let file = new.path().join(path);
        if let Some(folder) = file.parent() {
            fs::create_dir_all(folder).map_err(failed(folder))?;
        }
        fs::write(&file, bytes).map_err(failed(&dir.join(path)))?;
    }
    // A temporary folder is the owner's alone; a site is for a web server to read.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(new.path(), fs::Permissions::from_mode(0o755)).map_err(failed(dir))?;
    }
    let old = tempfile::Builder::new()
        .prefix(".fora-site-old-")
        .tempdir_in(&parent)
        .map_err(failed(&parent))?;
    let aside = old.path().join("site");
    if exists {
        fs::rename(dir, &aside).map_err(failed(dir))?;
    }
    if let Err(source) = fs::rename(new.path(), dir) {
        // Put the old site back: a failed run leaves what was published; should even that
        // fail, the old site stays where it was put aside, never removed.
        if exists && fs::rename(&aside, dir).is_err() {
            let _ = old.keep();
        }
        return Err(Error::Write {
            path: dir.to_owned(),
            source,
        });
    }
    // In place now: the temporary folder must not be removed with it.
    let _ = new.keep();
    Ok(())
}

/// Replaces the file at `target` (no symbolic link: where one leads) with `bytes` in one
/// step, as [`write_to`] does.
pub fn replace(target: &Path, bytes: &[u8]) -> Result<(), Refusal> {
    persist(target, true, |out| out.write_all(bytes))
}

/// Why a file was not written.
#[derive(Debug)]
pub enum Refusal {
    /// It is read-only: an editor would not write it either.
    ReadOnly,
    /// The system said no.
    Io(io::Error),
}

impl From<io::Error> for Refusal {
    fn from(error: io::Error) -> Self {
        Self::Io(error)
    }
}

/// Whether the file at `path` may be written: it must not be read-only (no write bit), and
/// the user must be allowed to open it for writing.
pub fn writable(path: &Path) -> Result<(), Refusal> {
    let metadata = fs::metadata(path)?;
    if metadata.permissions().readonly() {
        return Err(Refusal::ReadOnly);
    }
    match fs::OpenOptions::new().write(true).open(path) {
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => Err(Refusal::ReadOnly),
        Err(e) => Err(Refusal::Io(e)),
        Ok(_) => Ok(()),
    }
}

/// Removes the temporary files a write of `target` left when it was killed half-way. Call
/// it only while no other write of `target` can run (an edit holds the file's lock).
pub fn clean_stale(target: &Path) {
    let (Some(folder), Some(prefix)) = (target.parent(), temporary_prefix(target)) else {
        return;
    };
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&prefix) && name.ends_with(".tmp") {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The name every temporary file of `target` starts with: `.week.json.fora-`.
fn temporary_prefix(target: &Path) -> Option<String> {
    Some(format!(".{}.fora-", target.file_name()?.to_string_lossy()))
}

fn write_file(
    path: &Path,
    replace: bool,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Error> {
    // Where a symbolic link leads: that file is the one to replace.
    let target = match fs::canonicalize(path) {
        Ok(target) => target,
        Err(e) if e.kind() == io::ErrorKind::NotFound => path.to_owned(),
        Err(source) => {
            return Err(Error::Write {
                path: path.to_owned(),
                source,
            });
        }
    };
    // A device or a pipe (`-o /dev/null`, a FIFO) is written into, never replaced: a file
    // renamed over it would take its place, for every program on the machine.
    if let Ok(metadata) = fs::metadata(&target)
        && !metadata.is_file()
        && !metadata.is_dir()
    {
        let written = fs::OpenOptions::new()
            .write(true)
            .open(&target)
            .and_then(|file| write_behind(file, write))
            .map(drop);
        return match written {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
            other => other.map_err(|source| Error::Write {
                path: path.to_owned(),
                source,
            }),
        };
    }
    persist(&target, replace, write).map_err(|refusal| match refusal {
        Refusal::ReadOnly => Error::ReadOnly(path.to_owned()),
        Refusal::Io(source) if source.kind() == io::ErrorKind::AlreadyExists && !replace => {
            Error::Exists(path.to_owned())
        }
        Refusal::Io(source) => Error::Write {
            path: path.to_owned(),
            source,
        },
    })
}

/// Writes `target` through a temporary file beside it, renamed over it once flushed.
fn persist(
    target: &Path,
    replace: bool,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Refusal> {
    let existing = fs::metadata(target).ok();
    if existing.is_some() {
        writable(target)?;
    }
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let prefix = temporary_prefix(target).unwrap_or_else(|| ".fora-".to_owned());
    let file = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".tmp")
        .tempfile_in(folder)?;
    keep_owner_and_mode(file.as_file(), existing.as_ref())?;
    let file = write_behind(file, write)?;
    file.as_file().sync_all()?;
    if replace {
        file.persist(target).map_err(|e| e.error)?;
    } else {
        file.persist_noclobber(target).map_err(|e| e.error)?;
    }
    // The rename is in the folder: sync it too, so the new file survives a power cut.
    #[cfg(unix)]
    fs::File::open(folder).and_then(|f| f.sync_all())?;
    Ok(())
}

/// Gives the new file the owner, group and mode of the one it replaces (set outright, not
/// through the umask); a new file is readable by all (it is published).
fn keep_owner_and_mode(file: &fs::File, existing: Option<&fs::Metadata>) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let mode = existing.map_or(0o644, |m| m.permissions().mode() & 0o7777);
        file.set_permissions(fs::Permissions::from_mode(mode))?;
        if let Some(existing) = existing {
            let ours = file.metadata()?;
            if (ours.uid(), ours.gid()) != (existing.uid(), existing.gid()) {
                std::os::unix::fs::fchown(file, Some(existing.uid()), Some(existing.gid()))?;
            }
        }
    }
    #[cfg(not(unix))]
    let _ = (file, existing);
    Ok(())
}

/// Runs `write`, handing what it writes to `out` a buffer at a time on a second thread, and
/// gives back `out`, flushed. `write` goes on making the next buffer while the last one is
/// written: on large output (a calendar of a season, hundreds of megabytes) the time the
/// kernel takes to copy it into the page cache, or a pipe's reader to take it, is not added
/// to the time of making it.
fn write_behind<W: Write + Send>(
    mut out: W,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<W> {
    // One buffer waits while one is written and one is filled: the maker never waits for
    // the kernel unless the kernel is slower than the maker.
    let (full, to_write) = mpsc::sync_channel::<Vec<u8>>(1);
    let (written, empty) = mpsc::channel::<Vec<u8>>();
    thread::scope(|scope| {
        let writer = scope.spawn(move || -> io::Result<W> {
            for mut buffer in to_write {
                out.write_all(&buffer)?;
                buffer.clear();
                // The maker may have finished: then the buffer is not needed again.
                let _ = written.send(buffer);
            }
            out.flush()?;
            Ok(out)
        });
        let mut front = Front {
            buffer: Vec::with_capacity(BUFFER),
            full,
            empty,
        };
        let made = write(&mut front).and_then(|()| front.hand_over());
        drop(front); // the last buffer is handed over: the writer finishes
        let out = writer
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        // When writing fails the writer stops, and then handing over fails too: the writer's
        // error is the one that says why.
        let out = out?;
        made.map(|()| out)
    })
}

/// The side of [`write_behind`] that `write` writes to.
struct Front {
    buffer: Vec<u8>,
    full: SyncSender<Vec<u8>>,
    empty: Receiver<Vec<u8>>,
}

impl Front {
    /// Hands the buffer to the writer, taking an empty one back if there is one.
    fn hand_over(&mut self) -> io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let next = self
            .empty
            .try_recv()
            .unwrap_or_else(|_| Vec::with_capacity(BUFFER));
        let full = std::mem::replace(&mut self.buffer, next);
        self.full
            .send(full)
            .map_err(|_| io::Error::other("the output's writer stopped"))
    }
}

impl Write for Front {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        let taken = data.len().min(BUFFER - self.buffer.len());
        self.buffer.extend_from_slice(&data[..taken]);
        if self.buffer.len() == BUFFER {
            self.hand_over()?;
        }
        Ok(taken)
    }

    /// Hands what there is to the writer (it is written by the time [`write_behind`] returns).
    fn flush(&mut self) -> io::Result<()> {
        self.hand_over()
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `pieces` through `write_behind` into a vector.
    fn behind(pieces: &[Vec<u8>], flush_each: bool) -> io::Result<Vec<u8>> {
        write_behind(Vec::new(), |out| {
            for piece in pieces {
                out.write_all(piece)?;
                if flush_each {
                    out.flush()?;
                }
            }
            Ok(())
        })
    }

    #[test]
    fn output_of_many_buffers_arrives_whole_and_in_order() {
        // Pieces of odd sizes, some larger than a buffer, filling several buffers that are
        // handed back and filled again.
        let pieces: Vec<Vec<u8>> = (0..200u32)
            .map(|i| {
                let len = (i as usize * 7919) % (BUFFER / 3) + usize::from(i % 17 == 0) * BUFFER;
                (0..len).map(|j| (i as usize + j) as u8).collect()
            })
            .collect();
        let expected: Vec<u8> = pieces.concat();
        assert!(expected.len() > 10 * BUFFER);
        assert_eq!(behind(&pieces, false).unwrap(), expected);
        assert_eq!(behind(&pieces[..20], true).unwrap(), pieces[..20].concat());
        assert_eq!(behind(&[], false).unwrap(), Vec::<u8>::new());
    }

    /// Takes `limit` bytes, then fails as a full disk does.
    #[derive(Debug)]
    struct Full {
        taken: usize,
        limit: usize,
    }

    impl Write for Full {
        fn write(&mut self, data: &[u8]) -> io::Result<usize> {
            if self.taken + data.len() > self.limit {
                return Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"));
            }
            self.taken += data.len();
            Ok(data.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn the_writers_error_is_the_one_reported() {
        let error = write_behind(
            Full {
                taken: 0,
                limit: 3 * BUFFER,
            },
            |out| {
                for _ in 0..10 {
                    out.write_all(&vec![b'x'; BUFFER])?;
                }
                Ok(())
            },
        )
        .expect_err("a full disk is an error");
        assert_eq!(error.kind(), io::ErrorKind::StorageFull);
        // And the maker's own error when the writer had none.
        let error = write_behind(Vec::new(), |_| Err(io::Error::other("made badly")))
            .expect_err("an error");
        assert_eq!(error.to_string(), "made badly");
    }
}
