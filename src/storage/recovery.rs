//! Autosave and crash recovery: a few seconds after a change, the open case is written to
//! a recovery folder by a background thread. A clean close removes the copy; at the next
//! start, copies that are still there are offered for restoring.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::case_lock::{FileLock, Locked};
use super::{FORMAT_VERSION, LoadError, SaveError, parse_versioned, read_text, write_atomically};
use crate::model::Case;

/// How long after a change the recovery copy is written, once there is one.
pub const AUTOSAVE_DELAY: std::time::Duration = std::time::Duration::from_secs(3);

/// How long after the first unsaved change the first recovery copy is written: an edit
/// right after opening is covered as fast as any other.
pub const FIRST_AUTOSAVE_DELAY: std::time::Duration = std::time::Duration::from_secs(1);

#[derive(Serialize)]
struct RecoveryOut<'a> {
    format_version: u32,
    written_at: DateTime<Utc>,
    original_path: Option<&'a Path>,
    case: &'a Case,
}

#[derive(Deserialize)]
struct RecoveryIn {
    written_at: DateTime<Utc>,
    #[serde(default)]
    original_path: Option<PathBuf>,
    #[serde(default)]
    case: Case,
}

/// A recovery copy found at start.
#[derive(Clone, Debug, PartialEq)]
pub struct Recovered {
    /// The recovery file itself.
    pub file: PathBuf,
    pub written_at: DateTime<Utc>,
    /// The case file it belongs to; None for a case that was never saved.
    pub original_path: Option<PathBuf>,
    pub case: Case,
    /// Whether the copy is newer than the case file on disk (true when there is none).
    pub newer_than_original: bool,
}

/// The recovery folder inside the per-user data folder.
pub fn recovery_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("recovery")
}

/// A fresh file name for the recovery copy of one open case.
pub fn new_recovery_name() -> String {
    let now = Utc::now();
    format!(
        "herstel-{}-{}{}",
        now.format("%Y%m%d-%H%M%S%3f"),
        std::process::id(),
        super::CASE_SUFFIX
    )
}

/// The text of a recovery file.
pub fn recovery_to_string(
    case: &Case,
    original_path: Option<&Path>,
    written_at: DateTime<Utc>,
) -> Result<String, SaveError> {
    let out = RecoveryOut {
        format_version: FORMAT_VERSION,
        written_at,
        original_path,
        case,
    };
    ron::ser::to_string_pretty(&out, ron::ser::PrettyConfig::new().indentor("    "))
        .map_err(|e| SaveError::Serialise(e.to_string()))
}

pub fn read_recovery(file: &Path) -> Result<Recovered, LoadError> {
    let parsed: RecoveryIn = parse_versioned(&read_text(file)?)?;
    let newer_than_original = match &parsed.original_path {
        None => true,
        Some(original) => match fs::metadata(original).and_then(|m| m.modified()) {
            Ok(modified) => DateTime::<Utc>::from(modified) < parsed.written_at,
            Err(_) => true,
        },
    };
    Ok(Recovered {
        file: file.to_path_buf(),
        written_at: parsed.written_at,
        original_path: parsed.original_path,
        case: parsed.case,
        newer_than_original,
    })
}

/// Every recovery copy in `dir`, newest first; copies that cannot be read come with the
/// reason, so the user can still throw them away.
pub fn list_recoveries(dir: &Path) -> Vec<Result<Recovered, (PathBuf, LoadError)>> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(super::CASE_SUFFIX) && !n.starts_with('.'))
        })
        .map(|p| read_recovery(&p).map_err(|e| (p, e)))
        .collect();
    found.sort_by_key(|r| std::cmp::Reverse(r.as_ref().ok().map(|r| r.written_at)));
    found
}

/// The recovery copies left behind by windows that ended without a clean close: the
/// copy of a case that is open in a running window is that window's business, and is
/// neither offered nor thrown away here.
pub fn list_left_behind(dir: &Path) -> Vec<Result<Recovered, (PathBuf, LoadError)>> {
    let mut found = list_recoveries(dir);
    found.retain(|r| {
        let file = match r {
            Ok(recovered) => &recovered.file,
            Err((file, _)) => file,
        };
        !FileLock::is_held(&live_marker(file))
    });
    found
}

/// The lock file a running window holds next to each recovery copy it writes, so that
/// no other window lists (or deletes) a copy that is still in use.
pub fn live_marker(copy: &Path) -> PathBuf {
    let mut name = copy.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

/// Throws a recovery copy away (and the marker a crashed window left next to it).
pub fn discard(copy: &Path) -> std::io::Result<()> {
    fs::remove_file(copy)?;
    let _ = fs::remove_file(live_marker(copy));
    Ok(())
}

/// Deletes a case completely: the file, its .bak and every recovery copy that belongs to
/// it. Returns the files removed; stops at the first file that cannot be removed (the
/// case file goes last, so a failure leaves it findable for another try).
pub fn delete_case_everywhere(path: &Path, recovery_dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut removed = Vec::new();
    for recovery in list_recoveries(recovery_dir).into_iter().flatten() {
        if recovery.original_path.as_deref() == Some(path) {
            discard(&recovery.file)?;
            removed.push(recovery.file);
        }
    }
    let backup = super::backup_path(path);
    for file in [backup, path.to_path_buf()] {
        match fs::remove_file(&file) {
            Ok(()) => removed.push(file),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    Ok(removed)
}

enum Job {
    Write {
        name: String,
        original_path: Option<PathBuf>,
        case: Box<Case>,
    },
    Remove(String),
    /// Answers when every earlier job is done.
    Flush(Sender<()>),
}

/// Writes recovery copies on a background thread, so the window never waits for the disk.
pub struct Autosaver {
    jobs: Option<Sender<Job>>,
    worker: Option<JoinHandle<()>>,
    last_error: Arc<Mutex<Option<SaveError>>>,
    /// Called after each written copy, so the window can show a failure without waiting
    /// for the next key press.
    waker: Waker,
}

type Waker = Arc<Mutex<Option<Box<dyn Fn() + Send>>>>;

impl Autosaver {
    pub fn new(dir: PathBuf) -> Autosaver {
        let (jobs, receiver) = mpsc::channel();
        let last_error = Arc::new(Mutex::new(None));
        let waker: Waker = Arc::new(Mutex::new(None));
        let worker = {
            let last_error = Arc::clone(&last_error);
            let waker = Arc::clone(&waker);
            std::thread::Builder::new()
                .name("autosave".into())
                .spawn(move || run_worker(&dir, &receiver, &last_error, &waker))
                .ok()
        };
        Autosaver {
            jobs: worker.is_some().then_some(jobs),
            worker,
            last_error,
            waker,
        }
    }

    /// Calls `wake` when writing recovery copies starts or stops failing.
    pub fn set_waker(&self, wake: impl Fn() + Send + 'static) {
        if let Ok(mut slot) = self.waker.lock() {
            *slot = Some(Box::new(wake));
        }
    }

    /// Queues a copy of the case; only the newest queued copy of a file is written.
    pub fn write(&self, name: &str, original_path: Option<&Path>, case: &Case) {
        self.send(Job::Write {
            name: name.to_owned(),
            original_path: original_path.map(Path::to_path_buf),
            case: Box::new(case.clone()),
        });
    }

    /// Removes a recovery copy: the case was saved, or the user threw the changes away.
    pub fn remove(&self, name: &str) {
        self.send(Job::Remove(name.to_owned()));
    }

    /// Waits until every queued job is done (for a clean exit and for tests).
    pub fn flush(&self) {
        let (done, wait) = mpsc::channel();
        self.send(Job::Flush(done));
        let _ = wait.recv_timeout(std::time::Duration::from_secs(10));
    }

    /// The last failure to write a recovery copy, if the latest attempt failed, as
    /// `describe` puts it.
    pub fn last_error<T>(&self, describe: impl FnOnce(&SaveError) -> T) -> Option<T> {
        let slot = self.last_error.lock().ok()?;
        slot.as_ref().map(describe)
    }

    fn send(&self, job: Job) {
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send(job);
        }
    }
}

impl Drop for Autosaver {
    fn drop(&mut self) {
        // Let queued copies reach the disk before the process ends.
        self.jobs = None;
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

fn run_worker(
    dir: &Path,
    jobs: &Receiver<Job>,
    last_error: &Mutex<Option<SaveError>>,
    waker: &Waker,
) {
    // The markers of the copies this window has written and not removed.
    let mut live: std::collections::HashMap<String, FileLock> = Default::default();
    while let Ok(first) = jobs.recv() {
        // Coalesce: of several queued writes, only the newest per file matters.
        let mut batch = vec![first];
        while let Ok(next) = jobs.try_recv() {
            batch.push(next);
        }
        let mut latest_write: std::collections::HashMap<String, usize> = Default::default();
        for (i, job) in batch.iter().enumerate() {
            match job {
                Job::Write { name, .. } => {
                    latest_write.insert(name.clone(), i);
                }
                Job::Remove(name) => {
                    latest_write.remove(name);
                }
                Job::Flush(_) => {}
            }
        }
        for (i, job) in batch.into_iter().enumerate() {
            match job {
                Job::Write {
                    name,
                    original_path,
                    case,
                } if latest_write.get(&name) == Some(&i) => {
                    // The marker first, so no other window ever sees the copy unmarked.
                    if !live.contains_key(&name)
                        && fs::create_dir_all(dir).is_ok()
                        && let Locked::Mine(lock) = FileLock::take(&live_marker(&dir.join(&name)))
                    {
                        live.insert(name.clone(), lock);
                    }
                    let result = write_copy(dir, &name, original_path.as_deref(), &case);
                    report(result, last_error, waker);
                }
                Job::Write { .. } => {}
                Job::Remove(name) => {
                    let _ = fs::remove_file(dir.join(&name));
                    live.remove(&name);
                }
                Job::Flush(done) => {
                    let _ = done.send(());
                }
            }
        }
    }
}

fn write_copy(
    dir: &Path,
    name: &str,
    original_path: Option<&Path>,
    case: &Case,
) -> Result<(), SaveError> {
    fs::create_dir_all(dir)
        .map_err(|source| SaveError::Write {
            folder: dir.to_path_buf(),
            source,
        })
        .and_then(|()| recovery_to_string(case, original_path, Utc::now()))
        .and_then(|text| write_atomically(&dir.join(name), text.as_bytes(), false))
}

/// Keeps the outcome of the latest write for the status bar; wakes the window only when
/// failing starts or stops: that is what it shows.
fn report(result: Result<(), SaveError>, last_error: &Mutex<Option<SaveError>>, waker: &Waker) {
    let changed = match last_error.lock() {
        Ok(mut slot) => {
            let was_failing = slot.is_some();
            *slot = result.err();
            was_failing != slot.is_some()
        }
        Err(_) => false,
    };
    if changed
        && let Ok(wake) = waker.lock()
        && let Some(wake) = wake.as_ref()
    {
        wake();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entry, Level, Phase};

    #[test]
    fn autosaved_copy_is_listed_and_removed() {
        let temp = tempfile::tempdir().unwrap();
        let dir = recovery_dir(temp.path());
        let saver = Autosaver::new(dir.clone());
        let mut case = Case {
            title: "Herstel mij".into(),
            ..Case::default()
        };
        case.add_note(Phase::Understand, Level::Policy, Entry::new("wachtlijst"));
        let original = temp.path().join("casus.swan.ron");
        for i in 0..5 {
            case.description = format!("versie {i}");
            saver.write("a.swan.ron", Some(&original), &case);
        }
        saver.flush();
        assert!(saver.last_error(ToString::to_string).is_none());
        let found = list_recoveries(&dir);
        assert_eq!(found.len(), 1);
        let recovered = found[0].as_ref().unwrap();
        assert_eq!(recovered.case, case);
        assert_eq!(recovered.original_path.as_deref(), Some(original.as_path()));
        assert!(
            recovered.newer_than_original,
            "there is no case file at all"
        );
        assert!(list_left_behind(&dir).is_empty(), "the copy is in use");
        saver.remove("a.swan.ron");
        saver.flush();
        assert!(list_recoveries(&dir).is_empty());
    }

    #[test]
    fn a_broken_recovery_file_is_listed_with_its_reason() {
        let temp = tempfile::tempdir().unwrap();
        fs::write(
            temp.path().join("x.swan.ron"),
            "(format_version: 1, written_at: ",
        )
        .unwrap();
        let found = list_recoveries(temp.path());
        assert!(matches!(found[..], [Err((_, LoadError::Syntax(_)))]));
    }
}
