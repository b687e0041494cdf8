//! The window: one `SwanApp` holding the state, small `*_ui` functions per screen that
//! return `Command`s, and `apply` as the one place where commands change the state.

mod closing;
mod commands;
pub mod dialogs;
mod entries;
mod export;
mod opening;
mod phase;
mod plan;
mod privacy;
mod privacy_check;
mod start;
mod style;
mod widgets;

use std::path::{Path, PathBuf};

use egui::{Key, KeyboardShortcut, Modifiers, ViewportCommand};

pub use commands::Command;
pub use dialogs::{FileDialogs, NativeDialogs, PresetDialogs};

use crate::i18n::{Language, tr, tr_args};
use crate::messages;
use crate::method::Method;
use crate::model::{Case, Direction, Entry, ItemId, Stage};
use crate::settings::{self, AppDirs, Settings};
use crate::storage::recovery::{self, Autosaver, Recovered};
use crate::storage::{self, FileStamp, LoadError};

/// Example cases that ship with the app, per language.
pub const EXAMPLES: &[(Language, &str)] = &[
    (
        Language::Nl,
        include_str!("../../assets/examples/voorbeeld-scootmobiel.swan.ron"),
    ),
    (
        Language::En,
        include_str!("../../assets/examples/example-mobility-scooter.swan.ron"),
    ),
];

/// The case that is open, with where it lives on disk and what the screen holds for it.
pub struct Document {
    pub case: Case,
    /// None for a new case or an example: saving asks where.
    pub path: Option<PathBuf>,
    pub dirty: bool,
    pub view: CaseView,
    /// Name of this case's copy in the recovery folder.
    pub recovery_name: String,
    /// The case file as it was when last read or written, to notice changes by others.
    pub disk_stamp: Option<FileStamp>,
    /// Counts edits; the autosave compares it with what it last wrote.
    pub revision: u64,
    pub autosaved_revision: u64,
}

/// Which date field a typed text belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateSlot {
    Meeting,
    Deadline(ItemId),
    FollowUp(ItemId),
    DeleteBy,
}

/// Screen state that belongs to one open case and goes when it closes.
#[derive(Default)]
pub struct CaseView {
    /// Dates as typed (meeting date, deadlines, follow-ups), so a half-typed date is not
    /// thrown away while the case keeps the last real one.
    pub dates: std::collections::HashMap<DateSlot, widgets::DateText>,
    /// Text typed in the "new note" field of each cell, by stage and level.
    pub drafts: std::collections::HashMap<(Stage, usize), String>,
    /// An item the user asked to delete, waiting for confirmation.
    pub confirm_delete: Option<ItemId>,
    /// The case as the projector view shows it, for the revision and language it was
    /// made for.
    pub pseudonymised: Option<((u64, Language), Case)>,
}

impl Document {
    fn new(case: Case, path: Option<PathBuf>) -> Document {
        let disk_stamp = path.as_deref().and_then(storage::file_stamp);
        Document {
            case,
            path,
            dirty: false,
            view: CaseView::default(),
            recovery_name: recovery::new_recovery_name(),
            disk_stamp,
            revision: 0,
            autosaved_revision: 0,
        }
    }

    /// Records an edit: unsaved, and due for the recovery copy.
    fn touch(&mut self) {
        self.dirty = true;
        self.revision += 1;
    }

    /// Name to show: the case title, or a placeholder for an untitled case.
    fn display_title(&self, language: Language) -> String {
        let title = self.case.title.trim();
        if title.is_empty() {
            tr(language, "case.untitled").to_owned()
        } else {
            title.to_owned()
        }
    }
}

/// A message in the status bar or in a dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Info(String),
    Error(String),
}

/// Where the method texts come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MethodSource {
    Builtin,
    File(PathBuf),
}

pub struct SwanApp {
    dirs: AppDirs,
    settings: Settings,
    method: Method,
    method_source: MethodSource,
    doc: Option<Document>,
    dialogs: Box<dyn FileDialogs>,
    /// Shown in the status bar until the next message.
    status: Option<Notice>,
    /// An error that needs acknowledging, in a dialog.
    error: Option<String>,
    /// A command held back until the user says what to do with unsaved changes.
    pending: Option<Command>,
    /// Set once the user agreed to close, so the next close request goes through.
    allow_close: bool,
    window_title: String,
    style_applied: bool,
    autosaver: Autosaver,
    autosave_delay: std::time::Duration,
    /// When the first edit since the last recovery copy was made.
    autosave_since: Option<std::time::Instant>,
    /// Recovery copies found at start, waiting for the user's decision.
    recoveries: Vec<Result<Recovered, (PathBuf, LoadError)>>,
    /// The case file changed on disk since it was opened: ask before overwriting it.
    conflict: Option<PathBuf>,
    export: export::ExportState,
    /// The projector view: pseudonyms instead of real names, nothing editable.
    pseudonyms_shown: bool,
    /// Recently opened cases past their delete-by date, read when the start screen
    /// comes up (not every frame).
    overdue: Vec<start::Overdue>,
    /// A case file the user asked to delete completely, waiting for confirmation.
    confirm_delete_file: Option<PathBuf>,
    /// The personal-data check, while its dialog is open.
    privacy_check: Option<privacy_check::PrivacyCheck>,
}

/// How the app starts: where its own files live, and what the command line asked for.
pub struct StartOptions {
    pub dirs: AppDirs,
    pub file: Option<PathBuf>,
    pub method: Option<PathBuf>,
    pub language: Option<Language>,
    pub dialogs: Box<dyn FileDialogs>,
    /// How long after a change the recovery copy is written.
    pub autosave_delay: std::time::Duration,
}

impl StartOptions {
    /// Defaults for a test or a fresh start: no file, native dialogs.
    pub fn new(dirs: AppDirs) -> StartOptions {
        StartOptions {
            dirs,
            file: None,
            method: None,
            language: None,
            dialogs: Box::new(NativeDialogs),
            autosave_delay: recovery::AUTOSAVE_DELAY,
        }
    }
}

impl SwanApp {
    pub fn new(options: StartOptions) -> SwanApp {
        let mut settings = settings::load(&options.dirs);
        if let Some(language) = options.language {
            settings.language = language;
        }
        let recovery_dir = recovery::recovery_dir(&options.dirs.data);
        let recoveries = recovery::list_recoveries(&recovery_dir);
        let mut app = SwanApp {
            autosaver: Autosaver::new(recovery_dir),
            autosave_delay: options.autosave_delay,
            autosave_since: None,
            recoveries,
            conflict: None,
            export: export::ExportState::default(),
            pseudonyms_shown: false,
            overdue: Vec::new(),
            confirm_delete_file: None,
            privacy_check: None,
            dirs: options.dirs,
            settings,
            method: Method::builtin(),
            method_source: MethodSource::Builtin,
            doc: None,
            dialogs: options.dialogs,
            status: None,
            error: None,
            pending: None,
            allow_close: false,
            window_title: String::new(),
            style_applied: false,
        };
        // A method named on the command line wins over the remembered one, for this run.
        if let Some(path) = options.method.or_else(|| app.settings.method_file.clone()) {
            app.use_method_file(&path, false);
        }
        app.refresh_overdue();
        if let Some(path) = options.file {
            app.open_path(&path);
        }
        app
    }

    pub fn language(&self) -> Language {
        self.settings.language
    }

    fn t(&self, key: &str) -> &'static str {
        tr(self.settings.language, key)
    }

    /// The open case, for tests and for the shell.
    pub fn document(&self) -> Option<&Document> {
        self.doc.as_ref()
    }

    pub fn method(&self) -> &Method {
        &self.method
    }

    pub fn method_source(&self) -> &MethodSource {
        &self.method_source
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn status(&self) -> Option<&Notice> {
        self.status.as_ref()
    }

    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// The window title: case, file, and a marker for unsaved changes.
    pub fn title(&self) -> String {
        let app_name = self.t("app.name");
        match &self.doc {
            None => app_name.to_owned(),
            Some(doc) => {
                let marker = if doc.dirty { "* " } else { "" };
                let file = doc
                    .path
                    .as_deref()
                    .and_then(Path::file_name)
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| self.t("case.not_saved_yet").to_owned());
                let title = doc.display_title(self.language());
                let title = if self.pseudonyms_shown {
                    let pairs = crate::privacy::name_pairs(&doc.case, self.language());
                    let refs: Vec<(&str, &str)> = pairs
                        .iter()
                        .map(|(n, p)| (n.as_str(), p.as_str()))
                        .collect();
                    crate::privacy::names::replace_names(&title, &refs)
                } else {
                    title
                };
                format!("{marker}{title} — {file} — {app_name}")
            }
        }
    }

    /// Draws one frame and applies what the user did.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.style_applied {
            style::apply(&ctx);
            self.style_applied = true;
        }
        let mut commands = Vec::new();
        self.shortcuts(&ctx, &mut commands);
        self.handle_close_request(&ctx, &mut commands);

        egui::Panel::top("menu_bar").show(ui, |ui| {
            self.menu_bar_ui(ui, &mut commands);
        });
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            self.status_bar_ui(ui, &mut commands);
        });
        egui::CentralPanel::default().show(ui, |ui| {
            let language = self.settings.language;
            match &mut self.doc {
                None => start::start_ui(
                    ui,
                    language,
                    &self.method,
                    &self.settings.recent_files,
                    &self.overdue,
                    &mut commands,
                ),
                Some(doc) if self.pseudonyms_shown => {
                    // The projector view: the case as exported, with pseudonyms, and
                    // nothing editable, so no real name can reappear or be typed over.
                    // Pseudonymised once per edit and language, not every frame.
                    let stale = doc
                        .view
                        .pseudonymised
                        .as_ref()
                        .is_none_or(|(key, _)| *key != (doc.revision, language));
                    if stale {
                        let shown = crate::privacy::pseudonymise(&doc.case, language);
                        doc.view.pseudonymised = Some(((doc.revision, language), shown));
                    }
                    if let Some((_, shown)) = &mut doc.view.pseudonymised {
                        // Moving between steps is not an edit: follow it here.
                        shown.stage = doc.case.stage;
                        std::mem::swap(&mut doc.case, shown);
                    }
                    pseudonyms_banner_ui(ui, language);
                    case_ui(ui, language, &self.method, doc, true, &mut commands);
                    if let Some((_, shown)) = &mut doc.view.pseudonymised {
                        std::mem::swap(&mut doc.case, shown);
                    }
                }
                Some(doc) => {
                    let edited = case_ui(ui, language, &self.method, doc, false, &mut commands);
                    if edited {
                        doc.touch();
                    }
                }
            }
        });
        self.dialogs_ui(&ctx, &mut commands);
        export::export_dialog_ui(&ctx, self.language(), &mut self.export, &mut commands);
        self.finish_export();

        // The frame was drawn before the commands changed the state: draw once more, so
        // the change shows now and not at the next mouse move.
        if !commands.is_empty() {
            ctx.request_repaint();
        }
        for command in commands {
            self.apply(command, &ctx);
        }
        self.autosave(&ctx);
        let title = self.title();
        if title != self.window_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    fn shortcuts(&self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let shift_cmd = Modifiers::COMMAND | Modifiers::SHIFT;
        // Most specific first: Ctrl+Shift+S must not also count as Ctrl+S.
        let table = [
            (KeyboardShortcut::new(shift_cmd, Key::S), Command::SaveAs),
            (
                KeyboardShortcut::new(shift_cmd, Key::P),
                Command::TogglePseudonyms,
            ),
            (
                KeyboardShortcut::new(Modifiers::COMMAND, Key::S),
                Command::Save,
            ),
            (
                KeyboardShortcut::new(Modifiers::COMMAND, Key::O),
                Command::Open,
            ),
            (
                KeyboardShortcut::new(Modifiers::COMMAND, Key::N),
                Command::NewCase,
            ),
            (
                KeyboardShortcut::new(Modifiers::COMMAND, Key::E),
                Command::AskExport,
            ),
            (
                KeyboardShortcut::new(Modifiers::COMMAND, Key::PageDown),
                Command::NextStage,
            ),
            (
                KeyboardShortcut::new(Modifiers::COMMAND, Key::PageUp),
                Command::PreviousStage,
            ),
        ];
        ctx.input_mut(|input| {
            for (shortcut, command) in table {
                if input.consume_shortcut(&shortcut) {
                    commands.push(command);
                }
            }
        });
    }

    fn handle_close_request(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let requested = ctx.input(|i| i.viewport().close_requested());
        if requested && !self.allow_close && self.doc.as_ref().is_some_and(|d| d.dirty) {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            commands.push(Command::Quit);
        }
    }

    fn menu_bar_ui(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let language = self.language();
        let t = |key| tr(language, key);
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(t("menu.file"), |ui| {
                let has_case = self.doc.is_some();
                menu_item(
                    ui,
                    t("menu.new"),
                    "Ctrl+N",
                    true,
                    Command::NewCase,
                    commands,
                );
                menu_item(ui, t("menu.open"), "Ctrl+O", true, Command::Open, commands);
                ui.separator();
                menu_item(
                    ui,
                    t("menu.save"),
                    "Ctrl+S",
                    has_case,
                    Command::Save,
                    commands,
                );
                menu_item(
                    ui,
                    t("menu.save_as"),
                    "Ctrl+Shift+S",
                    has_case,
                    Command::SaveAs,
                    commands,
                );
                ui.separator();
                menu_item(
                    ui,
                    t("menu.export"),
                    "Ctrl+E",
                    has_case && !self.export.running(),
                    Command::AskExport,
                    commands,
                );
                menu_item(
                    ui,
                    t("menu.check"),
                    "",
                    has_case,
                    Command::CheckPersonalData,
                    commands,
                );
                ui.separator();
                menu_item(
                    ui,
                    t("menu.close_case"),
                    "",
                    has_case,
                    Command::CloseCase,
                    commands,
                );
                menu_item(ui, t("menu.quit"), "", true, Command::Quit, commands);
            });
            ui.menu_button(t("menu.method"), |ui| {
                menu_item(
                    ui,
                    t("menu.method.load"),
                    "",
                    true,
                    Command::LoadMethod,
                    commands,
                );
                menu_item(
                    ui,
                    t("menu.method.builtin"),
                    "",
                    self.method_source != MethodSource::Builtin,
                    Command::UseBuiltinMethod,
                    commands,
                );
            });
            ui.menu_button(t("menu.language"), |ui| {
                for option in Language::ALL {
                    if ui.radio(language == option, option.native_name()).clicked() {
                        commands.push(Command::SetLanguage(option));
                        ui.close();
                    }
                }
            });
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                // The language switch is also one click away, for the meeting room.
                for option in Language::ALL.into_iter().rev() {
                    let button = ui
                        .selectable_label(language == option, option.code().to_uppercase())
                        .on_hover_text(option.native_name());
                    if button.clicked() {
                        commands.push(Command::SetLanguage(option));
                    }
                }
                ui.separator();
                let toggle = ui
                    .selectable_label(self.pseudonyms_shown, t("privacy.view_toggle"))
                    .on_hover_text(t("privacy.view_toggle_hint"));
                if toggle.clicked() {
                    commands.push(Command::TogglePseudonyms);
                }
            });
        });
    }

    fn status_bar_ui(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let language = self.language();
        ui.horizontal(|ui| {
            if let Some(doc) = &self.doc {
                widgets::stage_navigation_ui(ui, language, &self.method, doc.case.stage, commands);
                ui.separator();
            }
            export::progress_ui(ui, language, &self.export);
            // The credit and the unsaved marker first, from the right; the notice gets
            // the room that is left and is shortened (full text on hover) when long.
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(egui::RichText::new(self.method.credit.get(language)).weak())
                    .on_hover_text(match &self.method_source {
                        MethodSource::Builtin => tr(language, "method.builtin").to_owned(),
                        MethodSource::File(p) => tr_args(
                            language,
                            "method.from_file",
                            &[("path", &p.display().to_string())],
                        ),
                    });
                if self.doc.as_ref().is_some_and(|d| d.dirty) {
                    ui.label(egui::RichText::new(tr(language, "status.unsaved")).strong());
                }
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    let notice = match &self.status {
                        Some(Notice::Info(text)) => egui::RichText::new(text),
                        Some(Notice::Error(text)) => {
                            egui::RichText::new(text).color(ui.visuals().error_fg_color)
                        }
                        None => return,
                    };
                    ui.add(egui::Label::new(notice).truncate());
                });
            });
        });
    }

    fn dialogs_ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let language = self.language();
        let t = |key| tr(language, key);
        if let Some(message) = &self.error {
            let mut close = false;
            egui::Modal::new(egui::Id::unique("error_dialog")).show(ctx, |ui| {
                ui.set_max_width(520.0);
                ui.heading(t("dialog.error.title"));
                ui.add_space(6.0);
                ui.label(message);
                ui.add_space(10.0);
                if ui.button(t("dialog.ok")).clicked() || ui.input(|i| i.key_pressed(Key::Enter)) {
                    close = true;
                }
            });
            if close {
                self.error = None;
            }
            return;
        }
        if !self.recoveries.is_empty() {
            recovery_dialog_ui(ctx, language, &self.recoveries, commands);
            return;
        }
        if let Some(path) = &self.conflict {
            let mut answer = None;
            let modal = egui::Modal::new(egui::Id::unique("conflict_dialog")).show(ctx, |ui| {
                ui.set_max_width(560.0);
                ui.heading(t("dialog.conflict.title"));
                ui.add_space(6.0);
                ui.label(tr_args(
                    language,
                    "dialog.conflict.body",
                    &[("path", &path.display().to_string())],
                ));
                ui.add_space(10.0);
                ui.horizontal_wrapped(|ui| {
                    if ui.button(t("dialog.conflict.overwrite")).clicked() {
                        answer = Some(Command::Overwrite);
                    }
                    if ui.button(t("dialog.conflict.copy")).clicked() {
                        answer = Some(Command::SaveAs);
                    }
                    if ui.button(t("dialog.cancel")).clicked() {
                        answer = Some(Command::KeepRecoveries);
                    }
                });
            });
            if modal.should_close() && answer.is_none() {
                answer = Some(Command::KeepRecoveries);
            }
            if let Some(command) = answer {
                self.conflict = None;
                // Cancel needs no command; KeepRecoveries is harmless here (the list is empty).
                if command != Command::KeepRecoveries {
                    commands.push(command);
                }
            }
            return;
        }
        if let Some(pending) = self.pending.clone() {
            let title = self
                .doc
                .as_ref()
                .map(|d| d.display_title(language))
                .unwrap_or_default();
            let mut answer = None;
            let modal = egui::Modal::new(egui::Id::unique("unsaved_dialog")).show(ctx, |ui| {
                ui.set_max_width(520.0);
                ui.heading(t("dialog.unsaved.title"));
                ui.add_space(6.0);
                ui.label(tr_args(
                    language,
                    "dialog.unsaved.body",
                    &[("title", &title)],
                ));
                ui.add_space(10.0);
                ui.horizontal(|ui| {
                    if ui.button(t("dialog.unsaved.save")).clicked() {
                        answer = Some(UnsavedAnswer::Save);
                    }
                    if ui.button(t("dialog.unsaved.discard")).clicked() {
                        answer = Some(UnsavedAnswer::Discard);
                    }
                    if ui.button(t("dialog.cancel")).clicked() {
                        answer = Some(UnsavedAnswer::Cancel);
                    }
                });
            });
            if modal.should_close() && answer.is_none() {
                answer = Some(UnsavedAnswer::Cancel);
            }
            match answer {
                Some(UnsavedAnswer::Save) => {
                    self.pending = None;
                    commands.push(Command::SaveThen(Box::new(pending)));
                }
                Some(UnsavedAnswer::Discard) => {
                    self.pending = None;
                    if let Some(doc) = &mut self.doc {
                        doc.dirty = false;
                    }
                    commands.push(pending);
                }
                Some(UnsavedAnswer::Cancel) => self.pending = None,
                None => {}
            }
            return;
        }
        if let (Some(check), Some(doc)) = (&mut self.privacy_check, &self.doc) {
            match privacy_check::privacy_check_ui(ctx, language, &doc.case, check) {
                Some(privacy_check::CheckAnswer::GoTo(place)) => {
                    commands.push(Command::GoTo(place.stage(&doc.case)));
                    self.privacy_check = None;
                }
                Some(privacy_check::CheckAnswer::Replace(index)) => {
                    commands.push(Command::ReplaceFinding(index));
                }
                Some(privacy_check::CheckAnswer::Export) => {
                    if let Some(format) = check.then_export {
                        commands.push(Command::ExportChecked(format));
                    }
                    self.privacy_check = None;
                }
                Some(privacy_check::CheckAnswer::Close) => self.privacy_check = None,
                None => {}
            }
            return;
        }
        if let Some(path) = self.confirm_delete_file.clone() {
            let body = tr_args(
                language,
                "dialog.delete_file.body",
                &[("path", &path.display().to_string())],
            );
            let answer = confirm_modal_ui(
                ctx,
                language,
                "delete_file_dialog",
                t("dialog.delete_file.title"),
                egui::RichText::new(body),
                t("dialog.delete_file.confirm"),
            );
            if let Some(confirmed) = answer {
                self.confirm_delete_file = None;
                if confirmed {
                    commands.push(Command::DeleteCaseFile(path));
                }
            }
            return;
        }
        if let Some(doc) = &mut self.doc
            && let Some(id) = doc.view.confirm_delete
        {
            let preview = entries::item_preview(&doc.case, id);
            let answer = confirm_modal_ui(
                ctx,
                language,
                "delete_dialog",
                t("dialog.delete.title"),
                egui::RichText::new(preview).italics(),
                t("dialog.delete.confirm"),
            );
            if let Some(confirmed) = answer {
                doc.view.confirm_delete = None;
                if confirmed {
                    commands.push(Command::DeleteItem(id));
                }
            }
        }
    }

    /// The one place where commands change the state.
    pub fn apply(&mut self, command: Command, ctx: &egui::Context) {
        let language = self.language();
        if command.discards_case() && self.doc.as_ref().is_some_and(|d| d.dirty) {
            self.pending = Some(command);
            return;
        }
        match command {
            Command::NewCase => {
                self.drop_document();
                self.doc = Some(Document::new(Case::default(), None));
                self.status = None;
            }
            Command::Open => {
                if let Some(path) = self.dialogs.open_case(language) {
                    self.open_path(&path);
                }
            }
            Command::OpenPath(path) => self.open_path(&path),
            Command::OpenExample(index) => {
                if let Some((_, source)) = EXAMPLES.get(index) {
                    match storage::case_from_str(source) {
                        Ok(case) => {
                            self.drop_document();
                            self.doc = Some(Document::new(case, None));
                            self.status = Some(Notice::Info(self.t("status.example").to_owned()));
                        }
                        Err(e) => self.error = Some(messages::load_error(language, &e)),
                    }
                }
            }
            Command::Save => {
                let path = self.doc.as_ref().and_then(|d| d.path.clone());
                match path {
                    Some(path) if self.changed_on_disk(&path) => self.conflict = Some(path),
                    Some(path) => {
                        self.save_to(&path);
                    }
                    None => self.apply(Command::SaveAs, ctx),
                }
            }
            Command::Overwrite => {
                if let Some(path) = self.doc.as_ref().and_then(|d| d.path.clone()) {
                    self.save_to(&path);
                }
            }
            Command::SaveAs => {
                let Some(doc) = &self.doc else { return };
                let suggested = widgets::suggested_file_name(&doc.case.title, language);
                if let Some(path) = self.dialogs.save_case(language, &suggested) {
                    self.save_to(&storage::with_case_extension(path));
                }
            }
            Command::SaveTo(path) => {
                if self.changed_on_disk(&path) {
                    self.conflict = Some(path);
                } else {
                    self.save_to(&path);
                }
            }
            Command::RestoreRecovery(index) => self.restore(index),
            Command::DiscardRecovery(index) => {
                if index < self.recoveries.len() {
                    let file = match self.recoveries.remove(index) {
                        Ok(r) => r.file,
                        Err((file, _)) => file,
                    };
                    if let Err(e) = std::fs::remove_file(&file) {
                        self.status = Some(Notice::Error(e.to_string()));
                    }
                }
            }
            Command::KeepRecoveries => self.recoveries.clear(),
            Command::SaveThen(next) => {
                self.apply(Command::Save, ctx);
                if self.doc.as_ref().is_some_and(|d| !d.dirty) {
                    self.apply(*next, ctx);
                }
            }
            Command::CloseCase => {
                self.drop_document();
                self.status = None;
            }
            Command::Quit => {
                if self.doc.as_ref().is_some_and(|d| !d.dirty) {
                    self.drop_document();
                }
                self.autosaver.flush();
                self.allow_close = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            Command::ForgetRecent(path) => {
                self.settings.forget(&path);
                self.store_settings();
            }
            Command::SetLanguage(language) => {
                self.settings.language = language;
                self.store_settings();
            }
            Command::LoadMethod => {
                if let Some(path) = self.dialogs.open_method(language) {
                    self.use_method_file(&path, true);
                }
            }
            Command::UseBuiltinMethod => {
                self.method = Method::builtin();
                self.method_source = MethodSource::Builtin;
                self.settings.method_file = None;
                self.store_settings();
                self.status = Some(Notice::Info(self.t("status.method_builtin").to_owned()));
            }
            Command::GoTo(stage) => self.navigate(|_| Some(stage)),
            Command::NextStage => self.navigate(Stage::next),
            Command::PreviousStage => self.navigate(Stage::previous),
            Command::AddParticipant => self.edit_case(|case| {
                case.add_participant("", "", "participant");
            }),
            Command::RemoveParticipant(id) => self.edit_case(|case| case.remove_participant(id)),
            Command::MoveParticipant(id, direction) => {
                self.edit_case(|case| case.move_participant(id, direction))
            }
            Command::AddNote { phase, level, text } => self.edit_case(|case| {
                case.add_note(phase, level, Entry::new(text));
            }),
            Command::AddOption { level, text } => self.edit_case(|case| {
                case.add_option(level, Entry::new(text));
            }),
            Command::AskDeleteItem(id) => {
                if let Some(doc) = &mut self.doc {
                    doc.view.confirm_delete = Some(id);
                }
            }
            Command::DeleteItem(id) => self.edit_case(|case| case.delete_item(id)),
            Command::MoveItem(id, direction) => {
                self.edit_case(|case| case.move_item(id, direction))
            }
            Command::SetContributor(id, contributor) => self.edit_case(|case| {
                if let Some(entry) = case.entry_mut(id) {
                    entry.contributor = contributor;
                }
            }),
            Command::ToggleTag(id, kind, key) => self.edit_case(|case| {
                if let Some(entry) = case.entry_mut(id) {
                    entry.toggle_tag(kind, &key);
                }
            }),
            Command::AskExport => {
                if self.doc.is_some() && !self.export.running() {
                    self.export.open_dialog();
                }
            }
            Command::ExportAs(format) => {
                if let Some(doc) = &self.doc {
                    let names = self.export.names;
                    let findings = privacy_check::PrivacyCheck::run(&doc.case, names, language);
                    if findings.is_empty() {
                        self.apply(Command::ExportChecked(format), ctx);
                    } else {
                        self.privacy_check = Some(privacy_check::PrivacyCheck {
                            findings,
                            accepted: Default::default(),
                            then_export: Some(format),
                            names,
                        });
                    }
                }
            }
            Command::CheckPersonalData => {
                if let Some(doc) = &self.doc {
                    // On the projector the check itself must not show real names.
                    let names = if self.pseudonyms_shown {
                        crate::export::Names::Pseudonymised
                    } else {
                        crate::export::Names::Real
                    };
                    self.privacy_check = Some(privacy_check::PrivacyCheck {
                        findings: privacy_check::PrivacyCheck::run(&doc.case, names, language),
                        accepted: Default::default(),
                        then_export: None,
                        names,
                    });
                }
            }
            Command::ReplaceFinding(index) => {
                if let (Some(check), Some(doc)) = (&mut self.privacy_check, &mut self.doc)
                    && let Some(finding) = check.findings.get(index).cloned()
                {
                    crate::privacy::replace_finding(&mut doc.case, &finding, language);
                    doc.touch();
                    check.findings =
                        privacy_check::PrivacyCheck::run(&doc.case, check.names, language);
                }
            }
            Command::ExportChecked(format) => {
                if let Some(doc) = &self.doc {
                    // A pseudonymised export gets no real name in its file name either.
                    let title = match self.export.names {
                        crate::export::Names::Pseudonymised => {
                            crate::privacy::pseudonymise(&doc.case, language).title
                        }
                        crate::export::Names::Real => doc.case.title.clone(),
                    };
                    let name = export::suggested_name(&title, language, format);
                    if let Some(path) = self.dialogs.save_export(language, format, &name) {
                        self.apply(
                            Command::ExportTo(format, export::with_extension(&path, format)),
                            ctx,
                        );
                    }
                }
            }
            Command::ExportTo(format, path) => {
                if let Some(doc) = &self.doc
                    && !self.export.running()
                {
                    self.export.start(
                        ctx,
                        doc.case.clone(),
                        self.method.clone(),
                        language,
                        format,
                        path,
                    );
                }
            }
            Command::AskDeleteCaseFile(path) => self.confirm_delete_file = Some(path),
            Command::DeleteCaseFile(path) => {
                let recovery_dir = recovery::recovery_dir(&self.dirs.data);
                match recovery::delete_case_everywhere(&path, &recovery_dir) {
                    Ok(removed) => {
                        self.settings.recent_files.retain(|p| *p != path);
                        self.store_settings();
                        self.status = Some(Notice::Info(tr_args(
                            language,
                            "status.deleted",
                            &[
                                ("path", &path.display().to_string()),
                                ("count", &removed.len().to_string()),
                            ],
                        )));
                    }
                    Err(e) => {
                        self.error = Some(tr_args(
                            language,
                            "error.delete",
                            &[
                                ("path", &path.display().to_string()),
                                ("reason", &e.to_string()),
                            ],
                        ));
                    }
                }
                self.refresh_overdue();
            }
            Command::TogglePseudonyms => self.pseudonyms_shown = !self.pseudonyms_shown,
            Command::AddPerson => self.edit_case(|case| {
                case.add_person();
            }),
            Command::RemovePerson(id) => self.edit_case(|case| case.remove_person(id)),
            Command::ToggleSignal(id) => self.edit_case(|case| {
                if let Some(entry) = case.entry_mut(id) {
                    entry.signal = match entry.signal {
                        Some(_) => None,
                        None => Some(Default::default()),
                    };
                }
            }),
            Command::SetDecision(id, decision) => self.edit_case(|case| {
                if let Some(option) = case.option_mut(id) {
                    option.decision = decision;
                }
            }),
        }
    }

    /// Changes the open case and marks it unsaved.
    fn edit_case(&mut self, change: impl FnOnce(&mut Case)) {
        if let Some(doc) = &mut self.doc {
            change(&mut doc.case);
            doc.touch();
        }
    }

    /// Writes the recovery copy a few seconds after the first unsaved edit, off the UI
    /// thread, so a crash loses at most those seconds.
    fn autosave(&mut self, ctx: &egui::Context) {
        let Some(doc) = &mut self.doc else {
            self.autosave_since = None;
            return;
        };
        if !doc.dirty || doc.revision == doc.autosaved_revision {
            self.autosave_since = None;
            return;
        }
        let since = *self
            .autosave_since
            .get_or_insert_with(std::time::Instant::now);
        let elapsed = since.elapsed();
        if elapsed >= self.autosave_delay {
            self.autosaver
                .write(&doc.recovery_name, doc.path.as_deref(), &doc.case);
            doc.autosaved_revision = doc.revision;
            self.autosave_since = None;
        } else {
            // One wake-up when the copy is due; no repainting in between.
            ctx.request_repaint_after(self.autosave_delay - elapsed);
        }
    }

    /// Closes the open case (after the user agreed), removing its recovery copy.
    fn drop_document(&mut self) {
        if let Some(doc) = self.doc.take() {
            self.autosaver.remove(&doc.recovery_name);
        }
        self.autosave_since = None;
        self.refresh_overdue();
    }

    /// Looks which recently opened cases are past their delete-by date.
    fn refresh_overdue(&mut self) {
        let today = chrono::Local::now().date_naive();
        self.overdue = start::overdue_cases(&self.settings.recent_files, today);
    }

    /// Cases on the start screen waiting to be deleted.
    pub fn overdue(&self) -> &[start::Overdue] {
        &self.overdue
    }

    /// Waits for the recovery folder to be up to date (tests; a clean exit).
    pub fn flush_autosave(&self) {
        self.autosaver.flush();
    }

    /// Recovery copies waiting for a decision.
    pub fn recoveries(&self) -> &[Result<Recovered, (PathBuf, LoadError)>] {
        &self.recoveries
    }

    /// Moves through the stepper. The step is kept in the file when it is saved, but
    /// moving is not a change worth asking about on close.
    fn navigate(&mut self, to: impl FnOnce(Stage) -> Option<Stage>) {
        if let Some(doc) = &mut self.doc
            && let Some(stage) = to(doc.case.stage)
        {
            doc.case.stage = stage;
            doc.view.confirm_delete = None;
        }
    }

    fn open_path(&mut self, path: &Path) {
        let language = self.language();
        match storage::load_case(path) {
            Ok(case) => {
                self.drop_document();
                self.doc = Some(Document::new(case, Some(path.to_path_buf())));
                self.settings.remember(path);
                self.store_settings();
                self.status = Some(Notice::Info(tr_args(
                    language,
                    "status.opened",
                    &[("path", &path.display().to_string())],
                )));
            }
            Err(e) => {
                // The open case, if any, stays as it was; the bad file is not touched.
                self.error = Some(messages::load_error_with_path(language, path, &e));
            }
        }
    }

    /// Reports a finished export: where it went, or why it failed.
    fn finish_export(&mut self) {
        match self.export.poll() {
            Some(export::ExportOutcome::Written(path)) => {
                self.status = Some(Notice::Info(tr_args(
                    self.language(),
                    "export.done",
                    &[("path", &path.display().to_string())],
                )));
            }
            Some(export::ExportOutcome::Failed(message)) => self.error = Some(message),
            None => {}
        }
    }

    /// The findings of the personal-data check whose dialog is open.
    pub fn privacy_findings(&self) -> Option<&[crate::privacy::CaseFinding]> {
        self.privacy_check.as_ref().map(|c| c.findings.as_slice())
    }

    /// Whether an export is being made in the background.
    pub fn export_running(&self) -> bool {
        self.export.running()
    }

    /// Saves the open case to `path`. Returns whether it worked.
    fn save_to(&mut self, path: &Path) -> bool {
        let language = self.language();
        let Some(doc) = &mut self.doc else {
            return false;
        };
        match storage::save_case(path, &doc.case) {
            Ok(()) => {
                doc.path = Some(path.to_path_buf());
                doc.dirty = false;
                doc.disk_stamp = storage::file_stamp(path);
                doc.autosaved_revision = doc.revision;
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
            Err(e) => {
                // The case stays open and unsaved; the user can choose another place.
                self.error = Some(messages::save_error(language, path, &e));
                false
            }
        }
    }

    /// Whether the file at `path` is the open case's file and someone changed it since
    /// the app last read or wrote it.
    fn changed_on_disk(&self, path: &Path) -> bool {
        let Some(doc) = &self.doc else { return false };
        doc.path.as_deref() == Some(path)
            && doc.disk_stamp.is_some()
            && storage::file_stamp(path).is_some()
            && storage::file_stamp(path) != doc.disk_stamp
    }

    /// Opens a recovery copy as the case, unsaved, belonging to its original file.
    fn restore(&mut self, index: usize) {
        let Some(Ok(recovered)) = self.recoveries.get(index).cloned() else {
            return;
        };
        let _ = self.recoveries.remove(index);
        self.drop_document();
        let mut doc = Document::new(recovered.case, recovered.original_path);
        if let Some(name) = recovered.file.file_name() {
            doc.recovery_name = name.to_string_lossy().into_owned();
        }
        doc.touch();
        doc.autosaved_revision = doc.revision;
        self.doc = Some(doc);
        self.status = Some(Notice::Info(self.t("status.restored").to_owned()));
    }

    fn use_method_file(&mut self, path: &Path, remember: bool) {
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
            Err(e) => {
                self.error = Some(format!(
                    "{} {}",
                    messages::method_error(language, path, &e),
                    tr(language, "error.method.kept")
                ));
            }
        }
    }

    fn store_settings(&mut self) {
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

/// The recovery copies found at start: restore or throw away each one, or decide later.
fn recovery_dialog_ui(
    ctx: &egui::Context,
    language: Language,
    recoveries: &[Result<Recovered, (PathBuf, LoadError)>],
    commands: &mut Vec<Command>,
) {
    let t = |key| tr(language, key);
    egui::Modal::new(egui::Id::unique("recovery_dialog")).show(ctx, |ui| {
        ui.set_max_width(640.0);
        ui.heading(t("recovery.title"));
        ui.add_space(4.0);
        ui.label(t("recovery.body"));
        ui.add_space(8.0);
        egui::ScrollArea::vertical()
            .max_height(420.0)
            .show(ui, |ui| {
                for (index, found) in recoveries.iter().enumerate() {
                    style::card_frame(ui).show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        let name = match found {
                            Ok(r) => {
                                let title = if r.case.title.trim().is_empty() {
                                    t("case.untitled").to_owned()
                                } else {
                                    r.case.title.clone()
                                };
                                ui.label(egui::RichText::new(&title).strong());
                                let when = r
                                    .written_at
                                    .with_timezone(&chrono::Local)
                                    .format("%d-%m-%Y %H:%M:%S")
                                    .to_string();
                                ui.label(tr_args(language, "recovery.written", &[("when", &when)]));
                                ui.label(match &r.original_path {
                                    Some(p) => tr_args(
                                        language,
                                        "recovery.belongs_to",
                                        &[("path", &p.display().to_string())],
                                    ),
                                    None => t("recovery.never_saved").to_owned(),
                                });
                                if r.original_path.is_some() {
                                    ui.label(t(if r.newer_than_original {
                                        "recovery.newer"
                                    } else {
                                        "recovery.older"
                                    }));
                                }
                                title
                            }
                            Err((file, error)) => {
                                ui.label(egui::RichText::new(file.display().to_string()).strong());
                                ui.colored_label(
                                    ui.visuals().error_fg_color,
                                    messages::load_error(language, error),
                                );
                                file.display().to_string()
                            }
                        };
                        ui.horizontal(|ui| {
                            if found.is_ok() {
                                let label = tr_args(
                                    language,
                                    "recovery.restore_named",
                                    &[("title", &name)],
                                );
                                if ui
                                    .button(t("recovery.restore"))
                                    .accessible_name(label)
                                    .clicked()
                                {
                                    commands.push(Command::RestoreRecovery(index));
                                }
                            }
                            let label =
                                tr_args(language, "recovery.discard_named", &[("title", &name)]);
                            if ui
                                .button(t("recovery.discard"))
                                .accessible_name(label)
                                .clicked()
                            {
                                commands.push(Command::DiscardRecovery(index));
                            }
                        });
                    });
                }
            });
        ui.add_space(8.0);
        if ui.button(t("recovery.later")).clicked() {
            commands.push(Command::KeepRecoveries);
        }
    });
}

enum UnsavedAnswer {
    Save,
    Discard,
    Cancel,
}

fn menu_item(
    ui: &mut egui::Ui,
    label: &str,
    shortcut: &str,
    enabled: bool,
    command: Command,
    commands: &mut Vec<Command>,
) {
    let mut button = egui::Button::new(label);
    if !shortcut.is_empty() {
        button = button.shortcut_text(shortcut);
    }
    if ui.add_enabled(enabled, button).clicked() {
        commands.push(command);
        ui.close();
    }
}

/// The screen of an open case: the stepper and the current step. Returns whether any
/// text was edited in place.
fn case_ui(
    ui: &mut egui::Ui,
    language: Language,
    method: &Method,
    doc: &mut Document,
    read_only: bool,
    commands: &mut Vec<Command>,
) -> bool {
    widgets::stepper_ui(ui, language, method, &doc.case, commands);
    ui.add_space(4.0);
    let mut edited = false;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .id_salt(("stage", doc.case.stage.index()))
        .show(ui, |ui| {
            if read_only {
                // Full contrast all the same: this is what the back of the room reads.
                // (Set before disabling: disabling fades by this factor.)
                ui.visuals_mut().disabled_alpha = 1.0;
                ui.disable();
            }
            edited = match doc.case.stage {
                Stage::Opening => opening::opening_ui(ui, language, method, doc, commands),
                Stage::Phase(phase) => phase::phase_ui(ui, language, method, doc, phase, commands),
                Stage::Plan => plan::plan_ui(ui, language, method, doc, commands),
                Stage::Closing => closing::closing_ui(ui, language, method, &mut doc.case),
            };
        });
    edited
}

/// A question with a confirm and a cancel button. `Some(true)` when confirmed,
/// `Some(false)` when cancelled or closed, `None` while it waits.
fn confirm_modal_ui(
    ctx: &egui::Context,
    language: Language,
    id: &str,
    title: &str,
    body: egui::RichText,
    confirm: &str,
) -> Option<bool> {
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique(id)).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading(title);
        ui.add_space(6.0);
        ui.label(body);
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui.button(confirm).clicked() {
                answer = Some(true);
            }
            if ui.button(tr(language, "dialog.cancel")).clicked() {
                answer = Some(false);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(false);
    }
    answer
}

/// The strip that says the projector view is on, and how to leave it.
fn pseudonyms_banner_ui(ui: &mut egui::Ui, language: Language) {
    egui::Frame::new()
        .fill(egui::Color32::from_rgb(0x1f, 0x4e, 0x79))
        .corner_radius(6.0)
        .inner_margin(egui::Margin::symmetric(10, 6))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                egui::RichText::new(tr(language, "privacy.view_on"))
                    .color(egui::Color32::WHITE)
                    .strong(),
            );
        });
    ui.add_space(4.0);
}

impl eframe::App for SwanApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        SwanApp::ui(self, ui);
    }
}

/// Direction helpers used by several screens.
pub(crate) fn move_buttons_ui(
    ui: &mut egui::Ui,
    language: Language,
    id: ItemId,
    what: &str,
    make: impl Fn(ItemId, Direction) -> Command,
    commands: &mut Vec<Command>,
) {
    let up = tr_args(language, "item.move_up", &[("what", what)]);
    let down = tr_args(language, "item.move_down", &[("what", what)]);
    if widgets::icon_button(ui, "⏶", &up).clicked() {
        commands.push(make(id, Direction::Up));
    }
    if widgets::icon_button(ui, "⏷", &down).clicked() {
        commands.push(make(id, Direction::Down));
    }
}
