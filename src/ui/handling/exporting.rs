//! Commands that write a report: the privacy check before it, the export of the case,
//! and the signal report across cases.

use std::path::{Path, PathBuf};

use crate::export::{Format, Names};
use crate::i18n::{tr, tr_args};
use crate::messages;
use crate::storage;
use crate::ui::app::{Notice, SwanApp};
use crate::ui::dialogs::NoDialog;
use crate::ui::export;
use crate::ui::modal::Modal;
use crate::ui::path_entry::PathPurpose;
use crate::ui::privacy_check::PrivacyCheck;

impl SwanApp {
    pub(super) fn check_personal_data(&mut self) {
        let Some(doc) = &self.doc else { return };
        // On the projector the check itself must not show real names.
        let names = if self.pseudonyms_shown {
            Names::Pseudonymised
        } else {
            Names::Real
        };
        let findings = PrivacyCheck::run(&doc.case, names, self.language());
        self.open_modal(Modal::PrivacyCheck(PrivacyCheck::new(
            findings, None, names,
        )));
    }

    pub(super) fn export_as(&mut self, format: Format, names: Names, ctx: &egui::Context) {
        let Some(doc) = &self.doc else { return };
        self.export.names = names;
        let findings = PrivacyCheck::run_for_export(&doc.case, names, self.language());
        if findings.is_empty() {
            self.export_checked(format, ctx);
        } else {
            let check = PrivacyCheck::new(findings, Some(format), names);
            self.open_modal(Modal::PrivacyCheck(check));
        }
    }

    pub(super) fn export_checked(&mut self, format: Format, ctx: &egui::Context) {
        let language = self.language();
        let Some(doc) = &self.doc else { return };
        // A pseudonymised export gets no real name in its file name either.
        let title = match self.export.names {
            Names::Pseudonymised => crate::privacy::pseudonymise(&doc.case, language).title,
            Names::Real => doc.case.title.clone(),
        };
        let name = export::suggested_name(&title, language, format, self.export.contents.kind);
        match self.dialogs.save_export(language, format, &name) {
            Ok(Some(path)) => self.export_to(format, export::with_extension(&path, format), ctx),
            Ok(None) => {}
            Err(NoDialog) => self.type_path(PathPurpose::SaveExport(format), &name),
        }
    }

    pub(super) fn export_to(&mut self, format: Format, path: PathBuf, ctx: &egui::Context) {
        let Some(doc) = &self.doc else { return };
        if self.export.running() {
            return;
        }
        let inputs: Vec<&Path> = doc.path.as_deref().into_iter().collect();
        if let Err(e) = storage::check_output(&path, &inputs) {
            let message = messages::save_error(self.language(), &path, &e);
            self.show_error(message);
            return;
        }
        let case = doc.case.clone();
        let look = (self.method.clone(), self.report_style.clone());
        self.export.file_name = doc
            .path
            .as_deref()
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned());
        self.export
            .start(ctx, case, look, self.language(), format, path);
    }

    pub(super) fn replace_finding(&mut self, index: usize) {
        let language = self.language();
        let (Some(Modal::PrivacyCheck(check)), Some(doc)) = (&mut self.modal, &mut self.doc) else {
            return;
        };
        let Some(finding) = check.findings.get(index).cloned() else {
            return;
        };
        doc.change("edit.replace_finding", |case| {
            crate::privacy::replace_finding(case, &finding, language);
        });
        check.findings = check.rerun(&doc.case, language);
    }

    pub(super) fn mark_not_a_name(&mut self, index: usize) {
        let language = self.language();
        let (Some(Modal::PrivacyCheck(check)), Some(doc)) = (&mut self.modal, &mut self.doc) else {
            return;
        };
        let Some(finding) = check.findings.get(index).cloned() else {
            return;
        };
        doc.change("edit.not_a_name", |case| {
            crate::privacy::mark_not_a_name(case, &finding);
        });
        check.findings = check.rerun(&doc.case, language);
    }

    /// Reports a finished export: where it went, or why it failed.
    pub(in crate::ui) fn finish_export(&mut self) {
        match self.export.poll() {
            Some(export::ExportOutcome::Written(path)) => {
                self.status = Some(Notice::Info(tr_args(
                    self.language(),
                    "export.done",
                    &[("path", &path.display().to_string())],
                )));
            }
            Some(export::ExportOutcome::Failed(message)) => self.show_error(message),
            None => {}
        }
    }

    /// Reports a finished signals export: where it went, or why it failed.
    pub(in crate::ui) fn finish_signals(&mut self) {
        match self.signals.poll(self.language()) {
            Some(crate::ui::signals::SignalsOutcome::Exported(path)) => {
                self.status = Some(Notice::Info(tr_args(
                    self.language(),
                    "signals.view.exported",
                    &[("path", &path.display().to_string())],
                )));
            }
            Some(crate::ui::signals::SignalsOutcome::Failed(message)) => self.show_error(message),
            None => {}
        }
    }

    /// Asks where the signal report goes.
    pub(super) fn export_signals(&mut self, format: Format, ctx: &egui::Context) {
        let language = self.language();
        let name = format!(
            "{}.{}",
            tr(language, "cli.signals.file_name"),
            format.extension()
        );
        match self.dialogs.save_export(language, format, &name) {
            Ok(Some(path)) => {
                let path = export::with_extension(&path, format);
                self.export_signals_to(format, path, ctx);
            }
            Ok(None) => {}
            Err(NoDialog) => self.type_path(PathPurpose::SaveSignals(format), &name),
        }
    }

    /// Writes the signal report in the organisation's style, never over a case it read.
    pub(super) fn export_signals_to(&mut self, format: Format, path: PathBuf, ctx: &egui::Context) {
        let read = self.signals.shown.iter();
        let cases = read.flat_map(|s| s.gathered.cases.iter().map(|c| c.path.as_path()));
        let inputs: Vec<&Path> = cases.collect();
        if let Err(e) = storage::check_output(&path, &inputs) {
            let message = messages::save_error(self.language(), &path, &e);
            self.show_error(message);
            return;
        }
        let look = (self.method.clone(), self.report_style.clone());
        self.signals
            .export(ctx, look, self.language(), format, path);
    }
}
