//! File choice. Behind a trait, so that tests can answer in place of the native dialog.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::i18n::{Language, tr};

pub trait FileDialogs {
    fn open_case(&mut self, language: Language) -> Option<PathBuf>;
    fn save_case(&mut self, language: Language, suggested_name: &str) -> Option<PathBuf>;
    fn open_method(&mut self, language: Language) -> Option<PathBuf>;
    fn save_export(
        &mut self,
        language: Language,
        format: crate::export::Format,
        suggested_name: &str,
    ) -> Option<PathBuf>;
}

/// The operating system's file dialogs.
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn open_case(&mut self, language: Language) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(tr(language, "dialog.file.open_title"))
            .add_filter(tr(language, "dialog.file.case_filter"), &["ron"])
            .pick_file()
    }

    fn save_case(&mut self, language: Language, suggested_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(tr(language, "dialog.file.save_title"))
            .add_filter(tr(language, "dialog.file.case_filter"), &["ron"])
            .set_file_name(suggested_name)
            .save_file()
    }

    fn open_method(&mut self, language: Language) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(tr(language, "dialog.file.method_title"))
            .add_filter(tr(language, "dialog.file.method_filter"), &["ron"])
            .pick_file()
    }

    fn save_export(
        &mut self,
        language: Language,
        format: crate::export::Format,
        suggested_name: &str,
    ) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(tr(language, "dialog.file.export_title"))
            .add_filter(tr(language, format.label_key()), &[format.extension()])
            .set_file_name(suggested_name)
            .save_file()
    }
}

/// Answers every dialog with the next path from a shared queue, or with "cancelled" when
/// the queue is empty. For tests and scripted runs.
#[derive(Clone, Default)]
pub struct PresetDialogs {
    pub answers: Arc<Mutex<VecDeque<PathBuf>>>,
}

impl PresetDialogs {
    pub fn push(&self, path: impl Into<PathBuf>) {
        self.answers
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push_back(path.into());
    }

    fn next(&self) -> Option<PathBuf> {
        self.answers
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .pop_front()
    }
}

impl FileDialogs for PresetDialogs {
    fn open_case(&mut self, _: Language) -> Option<PathBuf> {
        self.next()
    }

    fn save_case(&mut self, _: Language, _: &str) -> Option<PathBuf> {
        self.next()
    }

    fn open_method(&mut self, _: Language) -> Option<PathBuf> {
        self.next()
    }

    fn save_export(&mut self, _: Language, _: crate::export::Format, _: &str) -> Option<PathBuf> {
        self.next()
    }
}
