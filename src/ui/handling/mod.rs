//! Command handling: the one place where commands change the state of the app.

use std::path::Path;
use std::time::Instant;

use egui::ViewportCommand;

use super::actions::Action;
use super::app::{MethodSource, Notice, SwanApp};
use super::dialogs::NoDialog;
use super::document::Document;
use super::files::SaveChoice;
use super::modal::Modal;
use super::path_entry::PathPurpose;
use super::{Command, start, widgets};
use crate::export::{Format, Names, ReportStyle};
use crate::i18n::{tr, tr_args, tr_count};
use crate::messages;
use crate::method::Method;
use crate::model::{Case, CaseEdit, Stage};
use crate::storage::{self, recovery};

mod exporting;
mod meeting;
mod preferences;

impl SwanApp {
    /// The one place where commands change the state.
    pub fn apply(&mut self, command: Command, ctx: &egui::Context) {
        if command.discards_case() {
            // The time that ran is part of what could be lost: count it first.
            self.flush_timer();
        }
        if command.discards_case() && self.doc.as_ref().is_some_and(Document::dirty) {
            self.open_modal(Modal::Unsaved(Box::new(command)));
            return;
        }
        match command {
            Command::Action(action) => self.apply_action(action, ctx),
            Command::Edit(edit) => self.apply_edit(edit),
            Command::OpenPath(path) => self.open_path(&path),
            Command::OpenReadOnly(path) => self.open_path_as(&path, true),
            Command::UseMethodFile(path) => self.use_method_file(&path, true),
            Command::UseStyleFile(path) => self.use_style_file(&path),
            Command::OpenExample(index) => self.open_example(index),
            Command::SaveTo(path) => self.save_checked(&path),
            Command::SaveTemplate(setup) => self.save_template(setup),
            Command::SaveTemplateTo(path) => self.save_template_to(&path),
            Command::Overwrite => {
                if let Some(path) = self.doc.as_ref().and_then(|d| d.path.clone()) {
                    self.save_with(&path, SaveChoice::Overwrite);
                }
            }
            Command::ReplaceReadOnly(path) => {
                self.save_with(&path, SaveChoice::ReplaceReadOnly);
            }
            Command::SaveThen(next) => {
                self.apply_action(Action::Save, ctx);
                if self.doc.as_ref().is_some_and(|d| !d.dirty()) {
                    self.apply(*next, ctx);
                }
            }
            Command::DiscardThen(next) => {
                if let Some(doc) = &mut self.doc {
                    doc.mark_saved();
                }
                self.apply(*next, ctx);
            }
            Command::ForgetRecent(path) => {
                self.settings.forget(&path);
                self.store_settings();
            }
            Command::SetLanguage(language) => {
                // A message in the other language would stay until the next one.
                if self.settings.language != language {
                    self.status = None;
                }
                self.settings.language = language;
                self.store_settings();
            }
            Command::GoTo(stage) => self.navigate(|_| Some(stage)),
            Command::AskDeleteItem(id) => self.open_modal(Modal::DeleteItem(id)),
            Command::AskDeleteCaseFile(path) => self.open_modal(Modal::DeleteFile(path)),
            Command::DeleteCaseFile(path) => self.delete_case_file(&path),
            Command::ExportAs(format, names, contents) => {
                self.export.contents = contents;
                self.export_as(format, names, ctx)
            }
            Command::ExportChecked(format) => self.export_checked(format, ctx),
            Command::ExportTo(format, path) => self.export_to(format, path, ctx),
            Command::ReplaceFinding(index) => self.replace_finding(index),
            Command::NotAName(index) => self.mark_not_a_name(index),
            Command::RestoreRecovery(index) => self.restore(index),
            Command::DiscardRecovery(index) => self.discard_recovery(index),
            Command::GatherSignals(folder) => {
                let (method, language) = (self.method.clone(), self.language());
                self.signals.start(ctx, folder, method, language);
            }
            Command::OpenFromSignals(path) => {
                self.open_path(&path);
                let failed = matches!(self.modal, Some(Modal::Error(_)));
                if self.doc.is_some() && !failed {
                    self.signals.open = false;
                }
            }
            Command::CloseSignals => self.signals.open = false,
            Command::ExportSignals(format) => self.export_signals(format, ctx),
            Command::ExportSignalsTo(format, path) => self.export_signals_to(format, path, ctx),
            Command::PickSessions { folder } => self.pick_sessions(folder, ctx),
            Command::CompareSessions(paths) => {
                if !self.compare.loading() {
                    self.compare.start(ctx, paths);
                }
            }
            Command::CompareExport(format) => self.compare_export(format),
            Command::CompareExportTo(format, path) => self.compare_export_to(format, &path),
            Command::CloseComparison => self.compare.close(),
        }
    }

    fn apply_action(&mut self, action: Action, ctx: &egui::Context) {
        let language = self.language();
        match action {
            Action::NewCase => {
                self.drop_document();
                self.doc = Some(Document::new(Case::default(), None));
                self.status = None;
            }
            Action::Open => match self.dialogs.open_case(language) {
                Ok(Some(path)) => self.open_path(&path),
                Ok(None) => {}
                Err(NoDialog) => self.type_path(PathPurpose::OpenCase, ""),
            },
            Action::Save => match self.doc.as_ref().map(|d| (d.path.clone(), d.read_only)) {
                Some((Some(path), false)) => self.save_checked(&path),
                Some((_, true)) => self.apply_action(Action::SaveAs, ctx),
                Some((None, _)) => self.apply_action(Action::SaveAs, ctx),
                None => {}
            },
            Action::SaveAs => {
                let Some(doc) = &self.doc else { return };
                // A session from a template goes beside it, named after the group.
                let (folder, suggested) = match self.session_save_place() {
                    Some((folder, name)) => (Some(folder), name),
                    None => (
                        None,
                        widgets::suggested_file_name(&doc.case.title, language),
                    ),
                };
                match self
                    .dialogs
                    .save_case_in(language, folder.as_deref(), &suggested)
                {
                    Ok(Some(path)) => {
                        self.save_to(&storage::with_case_extension(path));
                    }
                    Ok(None) => {}
                    Err(NoDialog) => match folder {
                        Some(folder) => {
                            self.type_path_in(PathPurpose::SaveCase, &folder, &suggested)
                        }
                        None => self.type_path(PathPurpose::SaveCase, &suggested),
                    },
                }
            }
            Action::SaveAsTemplate => {
                if let Some(doc) = &self.doc {
                    let last = doc.template_setup.as_ref();
                    let form = super::template::TemplateForm::from_case(&doc.case, last);
                    self.open_modal(Modal::SaveTemplate(form));
                }
            }
            Action::Export => {
                if self.doc.is_some() && !self.export.running() {
                    // Real names are a deliberate choice for one export, never a setting.
                    let format = self.export.last_format.unwrap_or(Format::Pdf);
                    let names = Names::Pseudonymised;
                    let contents = self.export.contents.clone();
                    self.open_modal(Modal::Export {
                        format,
                        names,
                        contents,
                    });
                }
            }
            Action::CheckPersonalData => self.check_personal_data(),
            Action::SignalsAcrossCases => match self.dialogs.pick_folder(language) {
                Ok(Some(folder)) => self.apply(Command::GatherSignals(folder), ctx),
                Ok(None) => {}
                Err(NoDialog) => self.type_path(PathPurpose::SignalsFolder, ""),
            },
            Action::CloseCase => {
                self.drop_document();
                self.status = None;
            }
            Action::Quit => {
                if self.doc.as_ref().is_some_and(|d| !d.dirty()) {
                    self.drop_document();
                }
                self.autosaver.flush();
                self.allow_close = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            Action::Undo | Action::Redo => self.undo_or_redo(action),
            Action::PreviousStage => self.navigate(Stage::previous),
            Action::NextStage => {
                let next = self
                    .doc
                    .as_ref()
                    .and_then(|d| d.case.stage_after(d.case.stage));
                self.navigate(|_| next);
            }
            Action::StartFollowUp => self.start_follow_up(),
            Action::TogglePseudonyms => self.pseudonyms_shown = !self.pseudonyms_shown,
            Action::LoadMethod => match self.dialogs.open_method(language) {
                Ok(Some(path)) => self.use_method_file(&path, true),
                Ok(None) => {}
                Err(NoDialog) => self.type_path(PathPurpose::OpenMethod, ""),
            },
            Action::UseBuiltinMethod => {
                self.method = Method::builtin();
                self.method_source = MethodSource::Builtin;
                self.settings.method_file = None;
                self.store_settings();
                self.status = Some(Notice::Info(self.t("status.method_builtin").to_owned()));
            }
            Action::LoadStyle => match self.dialogs.open_style(language) {
                Ok(Some(path)) => self.use_style_file(&path),
                Ok(None) => {}
                Err(NoDialog) => self.type_path(PathPurpose::OpenStyle, ""),
            },
            Action::UseBuiltinStyle => {
                self.report_style = ReportStyle::builtin();
                self.style_source = None;
                self.settings.style_file = None;
                self.store_settings();
                self.status = Some(Notice::Info(self.t("status.style_builtin").to_owned()));
            }
            Action::ShowShortcuts => self.open_modal(Modal::Shortcuts),
            Action::CompareSessions => self.open_modal(Modal::CompareChoice),
            meeting => self.apply_meeting_action(meeting, ctx),
        }
    }

    /// A change to the case, undoable. Round edits restart the speaker's clock; the
    /// contributor chosen last becomes the one new notes are from.
    pub(super) fn apply_edit(&mut self, edit: CaseEdit) {
        let now = (self.clock)();
        let Some(doc) = &mut self.doc else { return };
        if self.pseudonyms_shown || doc.read_only {
            return;
        }
        match &edit {
            CaseEdit::StartRound { .. } | CaseEdit::NextSpeaker { .. } => {
                self.timer.turn_since = Some(now);
            }
            CaseEdit::PreviousSpeaker(_) => self.timer.turn_since = Some(now),
            CaseEdit::SetContributor(_, contributor) => {
                doc.view.capture_contributor = *contributor;
            }
            _ => {}
        }
        doc.edit(edit, now);
    }

    fn undo_or_redo(&mut self, action: Action) {
        let language = self.language();
        if self.pseudonyms_shown {
            return;
        }
        let Some(doc) = &mut self.doc else { return };
        let (done, key) = match action {
            Action::Redo => (doc.redo(), "status.redone"),
            _ => (doc.undo(), "status.undone"),
        };
        if let Some(label) = done {
            let what = tr(language, label);
            self.status = Some(Notice::Info(tr_args(language, key, &[("edit", what)])));
        }
    }

    fn open_example(&mut self, index: usize) {
        let Some(example) = crate::examples::EXAMPLES.get(index) else {
            return;
        };
        // A copy, never the bundled file: saving asks for a name of its own.
        match storage::case_from_str(example.source(self.language())) {
            Ok(case) => {
                self.drop_document();
                self.doc = Some(Document::new(case, None));
                self.status = Some(Notice::Info(self.t("status.example").to_owned()));
            }
            Err(e) => self.show_error(messages::load_error(self.language(), &e)),
        }
    }

    fn discard_recovery(&mut self, index: usize) {
        let Some(Modal::Recovery(found)) = &mut self.modal else {
            return;
        };
        if index >= found.len() {
            return;
        }
        let file = match found.remove(index) {
            Ok(r) => r.file,
            Err((file, _)) => file,
        };
        if found.is_empty() {
            self.modal = None;
        }
        if let Err(e) = recovery::discard(&file) {
            let reason = messages::io_reason(self.language(), &e);
            self.status = Some(Notice::Error(reason));
        }
    }

    fn delete_case_file(&mut self, path: &Path) {
        let language = self.language();
        let recovery_dir = recovery::recovery_dir(&self.dirs.data);
        match recovery::delete_case_everywhere(path, &recovery_dir) {
            Ok(removed) => {
                self.settings.recent_files.retain(|p| p != path);
                self.store_settings();
                self.status = Some(Notice::Info(tr_count(
                    language,
                    "status.deleted",
                    removed.len(),
                    &[("path", &path.display().to_string())],
                )));
            }
            Err(e) => self.show_error(tr_args(
                language,
                "error.delete",
                &[
                    ("path", &path.display().to_string()),
                    ("reason", &messages::io_reason(language, &e)),
                ],
            )),
        }
        self.refresh_overdue();
    }

    /// Writes the recovery copy within a second of the first unsaved edit, then at most
    /// every few seconds while editing goes on, off the UI thread, so a crash loses at
    /// most those seconds.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        let Some(doc) = &mut self.doc else {
            self.autosave_since = None;
            return;
        };
        if !doc.dirty() || doc.revision == doc.autosaved_revision {
            self.autosave_since = None;
            return;
        }
        let delay = if doc.recovery_written {
            self.autosave_delay
        } else {
            self.autosave_delay.min(recovery::FIRST_AUTOSAVE_DELAY)
        };
        let since = *self.autosave_since.get_or_insert_with(Instant::now);
        let elapsed = since.elapsed();
        if elapsed >= delay {
            self.autosaver
                .write(&doc.recovery_name, doc.path.as_deref(), &doc.case);
            doc.autosaved_revision = doc.revision;
            doc.recovery_written = true;
            self.autosave_since = None;
        } else {
            // One wake-up when the copy is due; no repainting in between.
            ctx.request_repaint_after(delay - elapsed);
        }
    }

    /// Closes the open case (after the user agreed), removing its recovery copy.
    pub(super) fn drop_document(&mut self) {
        self.timer = Default::default();
        self.presenting = Default::default();
        if let Some(doc) = self.doc.take() {
            self.autosaver.remove(&doc.recovery_name);
        }
        self.autosave_since = None;
        self.refresh_overdue();
    }

    /// Looks which recently opened cases are past their delete-by date.
    pub(super) fn refresh_overdue(&mut self) {
        let today = chrono::Local::now().date_naive();
        self.overdue = start::overdue_cases(&self.settings.recent_files, today);
    }

    /// Opens a recovery copy as the case, unsaved, belonging to its original file.
    fn restore(&mut self, index: usize) {
        let Some(Modal::Recovery(found)) = &mut self.modal else {
            return;
        };
        let Some(Ok(recovered)) = found.get(index).cloned() else {
            return;
        };
        let _ = found.remove(index);
        if found.is_empty() {
            self.modal = None;
        }
        self.drop_document();
        // The restored case is this window's case: hold its file's lock when it is free.
        let lock = recovered
            .original_path
            .as_deref()
            .and_then(|p| self.lock_case(p));
        let mut doc = Document::new(recovered.case, recovered.original_path);
        doc.lock = lock.and_then(Result::ok);
        if let Some(name) = recovered.file.file_name() {
            doc.recovery_name = name.to_string_lossy().into_owned();
        }
        doc.mark_unsaved();
        doc.autosaved_revision = doc.revision;
        doc.recovery_written = true;
        self.doc = Some(doc);
        self.status = Some(Notice::Info(self.t("status.restored").to_owned()));
    }
}
