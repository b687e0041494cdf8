//! Commands that change what the app remembers: the method file, the report style and
//! the settings they are kept in.

use std::path::Path;

use crate::export::ReportStyle;
use crate::i18n::{tr, tr_args};
use crate::messages;
use crate::method::Method;
use crate::settings;
use crate::ui::app::{MethodSource, Notice, SwanApp};

impl SwanApp {
    pub(in crate::ui) fn use_method_file(&mut self, path: &Path, remember: bool) {
        let language = self.language();
        match Method::load(path) {
            Ok(method) => {
                self.method = method;
                self.method_source = MethodSource::File(path.to_path_buf());
                if remember {
                    self.settings.method_file = Some(path.to_path_buf());
                    self.store_settings();
                }
                self.status = Some(Notice::Info(tr_args(
                    language,
                    "status.method_loaded",
                    &[("path", &path.display().to_string())],
                )));
            }
            Err(e) => self.show_error(format!(
                "{} {}",
                messages::method_error(language, path, &e),
                tr(language, "error.method.kept")
            )),
        }
    }

    /// An organisation's report style, chosen in the menu: used for every export from
    /// now on and remembered. A file that does not fit leaves the style as it was.
    pub(in crate::ui) fn use_style_file(&mut self, path: &Path) {
        let language = self.language();
        match ReportStyle::load(path) {
            Ok(style) => {
                self.report_style = style;
                self.style_source = Some(path.to_path_buf());
                self.settings.style_file = Some(path.to_path_buf());
                self.store_settings();
                self.status = Some(Notice::Info(tr_args(
                    language,
                    "status.style_loaded",
                    &[("path", &path.display().to_string())],
                )));
            }
            Err(e) => self.show_error(format!(
                "{} {}",
                messages::style_error(language, path, &e),
                tr(language, "error.style.kept")
            )),
        }
    }

    /// The remembered report style, at start. If it has gone missing or no longer fits,
    /// the built-in style is used and the status bar says why; the choice stays
    /// remembered, for when the file is back (a network drive, say).
    pub(in crate::ui) fn use_remembered_style(&mut self, path: &Path) {
        let language = self.language();
        match ReportStyle::load(path) {
            Ok(style) => {
                self.report_style = style;
                self.style_source = Some(path.to_path_buf());
            }
            Err(e) => {
                self.status = Some(Notice::Error(format!(
                    "{} {}",
                    messages::style_error(language, path, &e),
                    tr(language, "error.style.builtin_used")
                )));
            }
        }
    }

    pub(in crate::ui) fn store_settings(&mut self) {
        if let Err(e) = settings::save(&self.dirs, &self.settings) {
            // Preferences are not worth a dialog; say it in the status bar.
            self.status = Some(Notice::Error(messages::save_error(
                self.language(),
                &self.dirs.settings_file(),
                &e,
            )));
        }
    }
}
