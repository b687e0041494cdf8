//! One case, one window: while a window has a case open it holds an advisory lock on a
//! small lock file in the per-user data folder, so a second window (or a second copy of
//! the app) can say that the case is open already. The operating system releases the
//! lock when the process ends, also after a crash, so a stale lock never blocks.

use std::fs::{self, File};
use std::hash::{Hash as _, Hasher as _};
use std::path::{Path, PathBuf};

/// The lock on one open case (or one live recovery copy); released when dropped.
#[derive(Debug)]
pub struct FileLock {
    file: File,
    path: PathBuf,
}

/// The folder with the lock files of open cases.
pub fn lock_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("open")
}

/// Whether a lock could be had.
#[derive(Debug)]
pub enum Locked {
    Mine(FileLock),
    /// Another window holds it.
    ByOther,
    /// No lock file can be made here (a read-only data folder): go on without.
    Unavailable,
}

/// Locks the case at `case` for this window.
pub fn lock_case(dir: &Path, case: &Path) -> Locked {
    let canonical = fs::canonicalize(case).unwrap_or_else(|_| case.to_path_buf());
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    canonical.hash(&mut hasher);
    if fs::create_dir_all(dir).is_err() {
        return Locked::Unavailable;
    }
    FileLock::take(&dir.join(format!("{:016x}.lock", hasher.finish())))
}

impl FileLock {
    /// Takes the lock file at `path`, making it when needed.
    pub fn take(path: &Path) -> Locked {
        for _ in 0..10 {
            let Ok(file) = File::options()
                .create(true)
                .truncate(false)
                .write(true)
                .open(path)
            else {
                return Locked::Unavailable;
            };
            match file.try_lock() {
                Ok(()) => {}
                Err(fs::TryLockError::WouldBlock) => return Locked::ByOther,
                Err(fs::TryLockError::Error(_)) => return Locked::Unavailable,
            }
            // The holder before may have removed the file just now: then this lock is
            // on a file nobody else can find, and the path is tried again.
            if same_file(&file, path) {
                return Locked::Mine(FileLock {
                    file,
                    path: path.to_path_buf(),
                });
            }
        }
        Locked::Unavailable
    }

    /// Whether someone holds the lock file at `path` now.
    pub fn is_held(path: &Path) -> bool {
        let Ok(file) = File::open(path) else {
            return false;
        };
        matches!(file.try_lock_shared(), Err(fs::TryLockError::WouldBlock))
    }
}

impl Drop for FileLock {
    fn drop(&mut self) {
        // Removed while still locked, so no one else can lock the old file meanwhile.
        let _ = fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => (a.dev(), a.ino()) == (b.dev(), b.ino()),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_is_locked_once_until_its_window_lets_go() {
        let temp = tempfile::tempdir().unwrap();
        let dir = lock_dir(temp.path());
        let case = temp.path().join("c.swan.ron");
        fs::write(&case, "x").unwrap();
        let Locked::Mine(first) = lock_case(&dir, &case) else {
            panic!("the first window gets the lock");
        };
        assert!(matches!(lock_case(&dir, &case), Locked::ByOther));
        let other_spelling = temp.path().join(".").join("c.swan.ron");
        assert!(matches!(lock_case(&dir, &other_spelling), Locked::ByOther));
        assert!(FileLock::is_held(&first.path));
        drop(first);
        assert!(matches!(lock_case(&dir, &case), Locked::Mine(_)));
    }
}
