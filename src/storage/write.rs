//! Writing a file the way a careful editor does: through a symbolic link to its target,
//! keeping the old file's permissions, owner and group, never over a device, a pipe, a
//! folder or a read-only file without asking, and with the `.bak` being exactly the
//! version that this save replaced, also when another process saves at the same time.

use std::fs::{self, File};
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::{FileStamp, MAX_FILE_BYTES, SaveError};

/// How a file is written.
#[derive(Clone, Copy, Debug, Default)]
pub struct WriteOptions<'a> {
    /// Keep the version on disk as `NAME.bak`.
    pub keep_backup: bool,
    /// The user agreed to replace a read-only file.
    pub replace_read_only: bool,
    /// The content the file must still have (what the app read or wrote last); when
    /// someone changed it since, nothing is written.
    pub expected: Option<&'a FileStamp>,
}

/// How long a save waits for another save of the same file to finish.
const LOCK_WAIT: Duration = Duration::from_secs(10);

/// Writes `bytes` to a temporary file next to `path`, flushes it, and renames it over
/// `path`: a crash at any moment leaves either the old or the new file whole.
pub fn write_atomically(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), SaveError> {
    let options = WriteOptions {
        keep_backup,
        ..WriteOptions::default()
    };
    write_file(path, bytes, &options)
}

/// Writes `bytes` to `path` as `options` say; see the module text.
pub fn write_file(path: &Path, bytes: &[u8], options: &WriteOptions) -> Result<(), SaveError> {
    let target = resolve_links(path)?;
    let folder = folder_of(&target);
    let err = |source| SaveError::Write {
        folder: folder.clone(),
        source,
    };
    let existing = match fs::metadata(&target) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(err(e)),
    };
    let Some(meta) = existing else {
        if options.expected.is_some() {
            return Err(SaveError::ChangedOnDisk(path.to_path_buf()));
        }
        let temp = write_temp(&folder, bytes, None).map_err(err)?;
        // Someone else may have made the file in the meantime: never replace it unseen.
        temp.persist_noclobber(&target)
            .map_err(|e| match e.error.kind() {
                std::io::ErrorKind::AlreadyExists => SaveError::ChangedOnDisk(path.to_path_buf()),
                _ => err(e.error),
            })?;
        sync_folder(&folder);
        return Ok(());
    };
    refuse_unsafe_target(path, &meta, options)?;
    let (_lock, previous) = lock_current(&target).map_err(err)?;
    if let Some(expected) = options.expected
        && !expected.same_content(&previous.stamp)
    {
        return Err(SaveError::ChangedOnDisk(path.to_path_buf()));
    }
    let temp = write_temp(&folder, bytes, Some(&meta)).map_err(err)?;
    if options.keep_backup {
        // The backup is written atomically too, so a crash never leaves half a .bak.
        let backup = super::backup_path(&target);
        let backup_temp = write_temp(&folder, &previous.bytes, Some(&meta)).map_err(err)?;
        backup_temp.persist(&backup).map_err(|e| err(e.error))?;
    }
    // Just before the rename: is the file still the one that was locked and read? A
    // program that does not take the lock may have replaced or changed it.
    let now = FileStamp::read(&target).map_err(err)?;
    if now != previous.stamp {
        return Err(SaveError::ChangedOnDisk(path.to_path_buf()));
    }
    temp.persist(&target).map_err(|e| err(e.error))?;
    sync_folder(&folder);
    Ok(())
}

/// The folder a file is in (`.` for a bare name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The file a path finally names, following symbolic links (also one whose target does
/// not exist yet: then the target is created).
fn resolve_links(path: &Path) -> Result<PathBuf, SaveError> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&current).map_err(|source| SaveError::Write {
                    folder: folder_of(&current),
                    source,
                })?;
                current = folder_of(&current).join(link);
            }
            _ => return Ok(current),
        }
    }
    Err(SaveError::NotAFile(path.to_path_buf()))
}

/// Refuses what a save must not replace: anything but a regular file, a read-only file
/// (unless the user agreed), and a file with other names (hard links) that a rename
/// would split from this one.
fn refuse_unsafe_target(
    path: &Path,
    meta: &fs::Metadata,
    options: &WriteOptions,
) -> Result<(), SaveError> {
    if !meta.is_file() {
        return Err(SaveError::NotAFile(path.to_path_buf()));
    }
    if meta.permissions().readonly() && !options.replace_read_only {
        return Err(SaveError::ReadOnly(path.to_path_buf()));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        if meta.nlink() > 1 {
            return Err(SaveError::HardLinked {
                path: path.to_path_buf(),
                links: meta.nlink(),
            });
        }
    }
    Ok(())
}

/// The file on disk, read while it is locked.
pub(super) struct Current {
    pub bytes: Vec<u8>,
    pub stamp: FileStamp,
}

/// Takes the advisory lock on the file at `path` and reads it. Another save of ours
/// that holds the lock is waited for; when it renamed a new file into place meanwhile,
/// the new file is locked instead.
fn lock_current(path: &Path) -> std::io::Result<(File, Current)> {
    let started = Instant::now();
    loop {
        let mut file = File::open(path)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) if started.elapsed() < LOCK_WAIT => {
                std::thread::sleep(Duration::from_millis(5));
                continue;
            }
            Err(fs::TryLockError::WouldBlock) => {
                return Err(std::io::ErrorKind::ResourceBusy.into());
            }
            Err(fs::TryLockError::Error(e)) => return Err(e),
        }
        let bytes = read_limited(&mut file, MAX_FILE_BYTES)?;
        let stamp = FileStamp::of(&file.metadata()?, &bytes);
        // The lock only counts when the path still names the locked file.
        if FileStamp::read(path).is_ok_and(|now| now.identity == stamp.identity) {
            return Ok((file, Current { bytes, stamp }));
        }
    }
}

/// At most `limit` bytes of `file`; more is an error, so a device cannot fill memory.
pub(super) fn read_limited(file: &mut File, limit: u64) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(std::io::ErrorKind::FileTooLarge.into());
    }
    Ok(bytes)
}

/// A flushed temporary file in `folder` with `bytes`, with the permissions, owner and
/// group of `like` (where allowed), or the usual ones for a new file.
fn write_temp(
    folder: &Path,
    bytes: &[u8],
    like: Option<&fs::Metadata>,
) -> std::io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".swan-casus-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        // A new file gets what any program's new file gets: 666 minus the umask.
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(folder)?;
    temp.write_all(bytes)?;
    if let Some(like) = like {
        copy_owner(temp.as_file(), like);
        temp.as_file().set_permissions(like.permissions())?;
    }
    temp.as_file().sync_all()?;
    Ok(temp)
}

/// Gives `file` the owner and group of `like`, as far as this user may.
#[cfg(unix)]
fn copy_owner(file: &File, like: &fs::Metadata) {
    use std::os::unix::fs::MetadataExt as _;
    if std::os::unix::fs::fchown(file, Some(like.uid()), Some(like.gid())).is_err() {
        // Not root: the group can still be kept when the user is a member of it.
        let _ = std::os::unix::fs::fchown(file, None, Some(like.gid()));
    }
}

#[cfg(not(unix))]
fn copy_owner(_file: &File, _like: &fs::Metadata) {}

#[cfg(unix)]
fn sync_folder(folder: &Path) {
    // Makes the rename itself durable; a failure here cannot be acted on, the data is written.
    if let Ok(dir) = File::open(folder) {
        let _ = dir.sync_all();
    }
}

#[cfg(not(unix))]
fn sync_folder(_folder: &Path) {}

/// Refuses an output that is not a regular file or a new name, or that is one of
/// `inputs` however either is spelt (same canonical path, or on Unix the same device
/// and inode).
pub fn check_output(output: &Path, inputs: &[&Path]) -> Result<(), SaveError> {
    let target = resolve_links(output)?;
    match fs::metadata(&target) {
        Ok(meta) if !meta.is_file() => return Err(SaveError::NotAFile(output.to_path_buf())),
        Ok(_) => {}
        Err(_) => return Ok(()),
    }
    let out_id = FileStamp::identity_of(&target);
    let out_canonical = fs::canonicalize(&target).ok();
    for input in inputs {
        let same_id = out_id.is_some() && FileStamp::identity_of(input) == out_id;
        let same_path = out_canonical.is_some() && fs::canonicalize(input).ok() == out_canonical;
        if same_id || same_path {
            return Err(SaveError::SameAsInput(output.to_path_buf()));
        }
    }
    Ok(())
}
