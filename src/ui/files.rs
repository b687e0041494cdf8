//! Opening and saving the case file: one window per case (a lock), asking before a
//! changed or read-only file is replaced, and a typed path when no file dialog can be
//! shown.

use std::path::Path;

use super::app::{Notice, SwanApp};
use super::document::Document;
use super::modal::Modal;
use super::path_entry::{self, PathPurpose};
use crate::i18n::tr_args;
use crate::messages;
use crate::storage;
use crate::storage::case_lock::{self, FileLock, Locked};

/// How far a save may go.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum SaveChoice {
    /// Asks first about a file that changed on disk or is read-only.
    Careful,
    /// The user chose to overwrite a file that changed on disk.
    Overwrite,
    /// The user chose to replace a read-only file.
    ReplaceReadOnly,
}

impl SwanApp {
    /// Saves, unless someone changed the file on disk since: then asks first.
    pub(super) fn save_checked(&mut self, path: &Path) {
        if self.changed_on_disk(path) {
            self.open_modal(Modal::Conflict(path.to_path_buf()));
        } else {
            self.save_to(path);
        }
    }

    /// Saves the open case to `path`. Returns whether it worked.
    pub(super) fn save_to(&mut self, path: &Path) -> bool {
        self.save_with(path, SaveChoice::Careful)
    }

    /// Saves as the user chose: carefully (a changed or read-only file is asked about
    /// first), or over a file the user agreed to replace.
    pub(super) fn save_with(&mut self, path: &Path, choice: SaveChoice) -> bool {
        // The time the meeting ran so far goes into the file too.
        self.flush_timer();
        let language = self.language();
        let Some(own_file) = self.doc.as_ref().map(|d| d.path.as_deref() == Some(path)) else {
            return false;
        };
        if !own_file && self.refuse_template_target(path) {
            return false;
        }
        let Some(doc) = &mut self.doc else {
            return false;
        };
        let options = storage::WriteOptions {
            expected: doc
                .disk_stamp
                .as_ref()
                .filter(|_| own_file && choice != SaveChoice::Overwrite),
            replace_read_only: choice == SaveChoice::ReplaceReadOnly,
            ..Default::default()
        };
        match storage::save_case_with(path, &doc.case, &options) {
            Ok(()) => {
                if !own_file {
                    // The copy is now this window's case: hold its lock instead.
                    let dir = case_lock::lock_dir(&self.dirs.data);
                    doc.lock = match case_lock::lock_case(&dir, path) {
                        Locked::Mine(lock) => Some(lock),
                        _ => None,
                    };
                    doc.read_only = false;
                }
                doc.path = Some(path.to_path_buf());
                doc.disk_stamp = storage::file_stamp(path);
                doc.mark_saved();
                self.autosave_since = None;
                self.autosaver.remove(&doc.recovery_name);
                self.settings.remember(path);
                self.store_settings();
                self.status = Some(Notice::Info(tr_args(
                    language,
                    "status.saved",
                    &[("path", &path.display().to_string())],
                )));
                true
            }
            Err(storage::SaveError::ReadOnly(_)) => {
                self.open_modal(Modal::ReadOnlyFile(path.to_path_buf()));
                false
            }
            Err(storage::SaveError::ChangedOnDisk(_)) if own_file => {
                self.open_modal(Modal::Conflict(path.to_path_buf()));
                false
            }
            Err(e) => {
                // The case stays open and unsaved; the user can choose another place.
                self.show_error(messages::save_error(language, path, &e));
                false
            }
        }
    }

    /// Whether the file at `path` is the open case's file and someone changed it since
    /// the app last read or wrote it.
    fn changed_on_disk(&self, path: &Path) -> bool {
        let Some(doc) = &self.doc else { return false };
        let (Some(known), Some(now)) = (&doc.disk_stamp, storage::file_stamp(path)) else {
            return false;
        };
        doc.path.as_deref() == Some(path) && !known.same_content(&now)
    }

    pub(super) fn open_path(&mut self, path: &Path) {
        self.open_path_as(path, false);
    }

    /// Opens a case file; read-only when another window has it open and the user chose
    /// to look at it anyway.
    pub(super) fn open_path_as(&mut self, path: &Path, read_only: bool) {
        let language = self.language();
        let (case, stamp) = match storage::load_case_stamped(path) {
            Ok(loaded) => loaded,
            // The open case, if any, stays as it was; the bad file is not touched.
            Err(e) => {
                self.show_error(messages::load_error_with_path(language, path, &e));
                return;
            }
        };
        // A template is handed out, not worked in: the work goes into a new session.
        if case.is_template {
            self.start_from_template(path, &case);
            return;
        }
        let lock = if read_only {
            None
        } else {
            self.lock_case(path)
        };
        let Ok(lock) = lock.transpose() else {
            self.open_modal(Modal::AlreadyOpen(path.to_path_buf()));
            return;
        };
        self.drop_document();
        let mut doc = Document::new(case, Some(path.to_path_buf()));
        doc.disk_stamp = Some(stamp);
        doc.read_only = read_only;
        doc.lock = lock;
        self.doc = Some(doc);
        self.settings.remember(path);
        self.store_settings();
        let key = if read_only {
            "status.opened_read_only"
        } else {
            "status.opened"
        };
        let shown = path.display().to_string();
        self.status = Some(Notice::Info(tr_args(language, key, &[("path", &shown)])));
    }

    /// This window's lock on the case at `path`: Some(Ok) when it has it (or already
    /// had it), Some(Err) when another window has the case open, None when locks cannot
    /// be made here.
    pub(super) fn lock_case(&mut self, path: &Path) -> Option<Result<FileLock, ()>> {
        let same = |p: &Path| std::fs::canonicalize(p).ok() == std::fs::canonicalize(path).ok();
        if let Some(doc) = &mut self.doc
            && doc.path.as_deref().is_some_and(same)
            && let Some(own) = doc.lock.take()
        {
            return Some(Ok(own));
        }
        match case_lock::lock_case(&case_lock::lock_dir(&self.dirs.data), path) {
            Locked::Mine(lock) => Some(Ok(lock)),
            Locked::ByOther => Some(Err(())),
            Locked::Unavailable => None,
        }
    }

    /// No file dialog can be shown: say so, and let the path be typed in the window.
    pub(super) fn type_path(&mut self, purpose: PathPurpose, suggested_name: &str) {
        // Beside the open case when it has a file (an export goes with its case), else
        // in Documents.
        let folder = self
            .doc
            .as_ref()
            .and_then(|d| d.path.as_deref())
            .and_then(Path::parent)
            .filter(|f| f.is_dir())
            .map(Path::to_path_buf);
        match folder {
            Some(folder) => self.type_path_in(purpose, &folder, suggested_name),
            None => {
                let text = path_entry::start_text(suggested_name);
                self.open_modal(Modal::PathEntry { purpose, text });
            }
        }
    }

    /// The same, starting in `folder` instead of Documents.
    pub(super) fn type_path_in(&mut self, purpose: PathPurpose, folder: &Path, name: &str) {
        let text = folder.join(name).display().to_string();
        self.open_modal(Modal::PathEntry { purpose, text });
    }
}
