//! File choice. Behind a trait, so that tests can answer in place of the native dialog.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::i18n::{Language, tr};

/// No file dialog can be shown here (on Linux: no desktop portal and no zenity).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoDialog;

/// A chosen file, `Ok(None)` when the user cancelled, or no dialog at all.
pub type Answer = Result<Option<PathBuf>, NoDialog>;

/// Several chosen files, `Ok(None)` when the user cancelled, or no dialog at all.
pub type Answers = Result<Option<Vec<PathBuf>>, NoDialog>;

pub trait FileDialogs {
    fn open_case(&mut self, language: Language) -> Answer;
    fn save_case(&mut self, language: Language, suggested_name: &str) -> Answer;
    /// The same, starting in `folder` when there is one (beside a teacher's template).
    fn save_case_in(
        &mut self,
        language: Language,
        folder: Option<&Path>,
        suggested_name: &str,
    ) -> Answer {
        let _ = folder;
        self.save_case(language, suggested_name)
    }
    fn open_method(&mut self, language: Language) -> Answer;
    fn open_style(&mut self, language: Language) -> Answer;
    /// A folder of case files (signals across cases).
    fn pick_folder(&mut self, language: Language) -> Answer;
    fn save_export(
        &mut self,
        language: Language,
        format: crate::export::Format,
        suggested_name: &str,
    ) -> Answer;
    /// Case files to compare, several at once.
    fn open_sessions(&mut self, language: Language) -> Answers;
    /// A folder of case files to compare.
    fn open_folder(&mut self, language: Language) -> Answer;
}

/// The user's Documents folder, else the home folder: where a dialog starts the first
/// time, and where a typed path starts.
pub fn documents_folder() -> PathBuf {
    let dirs = directories::UserDirs::new();
    dirs.as_ref()
        .and_then(|d| d.document_dir().map(Path::to_path_buf))
        .or_else(|| dirs.as_ref().map(|d| d.home_dir().to_path_buf()))
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The operating system's file dialogs, opening in the folder used last.
#[derive(Default)]
pub struct NativeDialogs {
    last_folder: Option<PathBuf>,
}

impl NativeDialogs {
    /// Shows the dialog in the last-used folder, else Documents. A dialog that "answers"
    /// at once never appeared (rfd gives up silently when it has no way to show one).
    fn show(
        &mut self,
        dialog: rfd::FileDialog,
        show: impl FnOnce(rfd::FileDialog) -> Option<PathBuf>,
    ) -> Answer {
        self.show_many(dialog, |d| show(d).map(|p| vec![p]))
            .map(|chosen| chosen.and_then(|mut paths| paths.pop()))
    }

    /// The same for a dialog that may answer with several paths; the folder of the
    /// first is remembered (a chosen folder is remembered itself).
    fn show_many(
        &mut self,
        dialog: rfd::FileDialog,
        show: impl FnOnce(rfd::FileDialog) -> Option<Vec<PathBuf>>,
    ) -> Answers {
        let folder = self.last_folder.clone().unwrap_or_else(documents_folder);
        let started = Instant::now();
        match show(dialog.set_directory(folder)).filter(|paths| !paths.is_empty()) {
            Some(paths) => {
                let first = &paths[0];
                self.last_folder = if first.is_dir() {
                    Some(first.clone())
                } else {
                    first.parent().map(Path::to_path_buf)
                };
                Ok(Some(paths))
            }
            None if cfg!(target_os = "linux") && started.elapsed() < Duration::from_millis(150) => {
                Err(NoDialog)
            }
            None => Ok(None),
        }
    }
}

impl FileDialogs for NativeDialogs {
    fn open_case(&mut self, language: Language) -> Answer {
        let dialog = rfd::FileDialog::new()
            .set_title(tr(language, "dialog.file.open_title"))
            .add_filter(tr(language, "dialog.file.case_filter"), &["ron"]);
        self.show(dialog, rfd::FileDialog::pick_file)
    }

    fn save_case(&mut self, language: Language, suggested_name: &str) -> Answer {
        let dialog = rfd::FileDialog::new()
            .set_title(tr(language, "dialog.file.save_title"))
            .add_filter(tr(language, "dialog.file.case_filter"), &["ron"])
            .set_file_name(suggested_name);
        self.show(dialog, rfd::FileDialog::save_file)
    }

    fn save_case_in(
        &mut self,
        language: Language,
        folder: Option<&Path>,
        suggested_name: &str,
    ) -> Answer {
        if let Some(folder) = folder.filter(|f| f.is_dir()) {
            self.last_folder = Some(folder.to_path_buf());
        }
        self.save_case(language, suggested_name)
    }

    fn open_method(&mut self, language: Language) -> Answer {
        let dialog = rfd::FileDialog::new()
            .set_title(tr(language, "dialog.file.method_title"))
            .add_filter(tr(language, "dialog.file.method_filter"), &["ron"]);
        self.show(dialog, rfd::FileDialog::pick_file)
    }

    fn open_style(&mut self, language: Language) -> Answer {
        let dialog = rfd::FileDialog::new()
            .set_title(tr(language, "dialog.file.style_title"))
            .add_filter(tr(language, "dialog.file.style_filter"), &["ron"]);
        self.show(dialog, rfd::FileDialog::pick_file)
    }

    fn pick_folder(&mut self, language: Language) -> Answer {
        let dialog = rfd::FileDialog::new().set_title(tr(language, "dialog.file.signals_title"));
        self.show(dialog, rfd::FileDialog::pick_folder)
    }

    fn save_export(
        &mut self,
        language: Language,
        format: crate::export::Format,
        suggested_name: &str,
    ) -> Answer {
        let dialog = rfd::FileDialog::new()
            .set_title(tr(language, "dialog.file.export_title"))
            .add_filter(tr(language, format.label_key()), &[format.extension()])
            .set_file_name(suggested_name);
        self.show(dialog, rfd::FileDialog::save_file)
    }

    fn open_sessions(&mut self, language: Language) -> Answers {
        let dialog = rfd::FileDialog::new()
            .set_title(tr(language, "dialog.file.sessions_title"))
            .add_filter(tr(language, "dialog.file.case_filter"), &["ron"]);
        self.show_many(dialog, rfd::FileDialog::pick_files)
    }

    fn open_folder(&mut self, language: Language) -> Answer {
        let dialog = rfd::FileDialog::new().set_title(tr(language, "dialog.file.folder_title"));
        self.show(dialog, rfd::FileDialog::pick_folder)
    }
}

/// Answers every dialog with the next answer from a shared queue, or with "cancelled"
/// when the queue is empty. For tests and scripted runs.
#[derive(Clone, Default)]
pub struct PresetDialogs {
    pub answers: Arc<Mutex<VecDeque<Answer>>>,
}

impl PresetDialogs {
    pub fn push(&self, path: impl Into<PathBuf>) {
        self.push_answer(Ok(Some(path.into())));
    }

    /// The next dialog cannot be shown, as on a desktop without a portal or zenity.
    pub fn push_unavailable(&self) {
        self.push_answer(Err(NoDialog));
    }

    fn push_answer(&self, answer: Answer) {
        self.answers
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push_back(answer);
    }

    fn next(&self) -> Answer {
        self.answers
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .pop_front()
            .unwrap_or(Ok(None))
    }
}

impl FileDialogs for PresetDialogs {
    fn open_case(&mut self, _: Language) -> Answer {
        self.next()
    }

    fn save_case(&mut self, _: Language, _: &str) -> Answer {
        self.next()
    }

    fn open_method(&mut self, _: Language) -> Answer {
        self.next()
    }

    fn open_style(&mut self, _: Language) -> Answer {
        self.next()
    }

    fn pick_folder(&mut self, _: Language) -> Answer {
        self.next()
    }

    fn save_export(&mut self, _: Language, _: crate::export::Format, _: &str) -> Answer {
        self.next()
    }

    /// One path per answer: a test that wants several files names their folder.
    fn open_sessions(&mut self, _: Language) -> Answers {
        self.next().map(|chosen| chosen.map(|path| vec![path]))
    }

    fn open_folder(&mut self, _: Language) -> Answer {
        self.next()
    }
}
