//! The app and its frame loop: draw the screen, collect the commands the screen sent,
//! apply them in one place, then look after the recovery copy and the window title.

use std::path::{Path, PathBuf};

use egui::ViewportCommand;

use super::actions::{self, Action, ActionState};
use super::dialogs::{FileDialogs, NativeDialogs};
use super::document::Document;
use super::meeting::{BarContext, Clock, Timer};
use super::modal::{self, FoundRecovery, Modal, Reply};
use super::presentation::{self, Presented};
use super::{Command, bars, export, start, style};
use crate::export::ReportStyle;
use crate::i18n::{Language, tr};
use crate::method::Method;
use crate::settings::{self, AppDirs, Settings};
use crate::storage::recovery::{self, Autosaver};

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
    pub(super) dirs: AppDirs,
    pub(super) settings: Settings,
    pub(super) method: Method,
    pub(super) method_source: MethodSource,
    /// The look of exported reports: the organisation's style file, or the built-in one.
    pub(super) report_style: ReportStyle,
    /// The style file in use; `None` for the built-in style.
    pub(super) style_source: Option<PathBuf>,
    pub(super) doc: Option<Document>,
    pub(super) dialogs: Box<dyn FileDialogs>,
    /// Shown in the status bar until the next message.
    pub(super) status: Option<Notice>,
    /// The one dialog that is open, if any.
    pub(super) modal: Option<Modal>,
    /// Set once the user agreed to close, so the next close request goes through.
    pub(super) allow_close: bool,
    window_title: String,
    style_applied: bool,
    pub(super) autosaver: Autosaver,
    pub(super) autosave_delay: std::time::Duration,
    /// When the first edit since the last recovery copy was made.
    pub(super) autosave_since: Option<std::time::Instant>,
    pub(super) export: export::ExportState,
    /// The projector view: pseudonyms instead of real names, nothing editable.
    pub(super) pseudonyms_shown: bool,
    /// Recently opened cases past their delete-by date, read when the start screen
    /// comes up (not every frame).
    pub(super) overdue: Vec<start::Overdue>,
    pub(super) clock: Clock,
    /// The step timer and the current turn, while they run.
    pub(super) timer: Timer,
    pub(super) presenting: Presenting,
    /// Signals across cases: the view, the folder being read, the export.
    pub(super) signals: super::signals::SignalsState,
    /// Sessions of several groups side by side, while loading or shown.
    pub(super) compare: super::compare::CompareState,
}

/// Where the presentation view is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Presenting {
    /// In a second window, to drag onto the projector.
    pub window: bool,
    /// Filling this window (one display); Esc returns.
    pub here: bool,
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
    /// Where "now" comes from; tests move it by hand.
    pub clock: Clock,
}

impl StartOptions {
    /// Defaults for a test or a fresh start: no file, native dialogs.
    pub fn new(dirs: AppDirs) -> StartOptions {
        StartOptions {
            dirs,
            file: None,
            method: None,
            language: None,
            dialogs: Box::new(NativeDialogs::default()),
            autosave_delay: recovery::AUTOSAVE_DELAY,
            clock: super::meeting::system_clock(),
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
        let recoveries = recovery::list_left_behind(&recovery_dir);
        let mut app = SwanApp {
            autosaver: Autosaver::new(recovery_dir),
            autosave_delay: options.autosave_delay,
            autosave_since: None,
            modal: (!recoveries.is_empty()).then_some(Modal::Recovery(recoveries)),
            export: export::ExportState::default(),
            pseudonyms_shown: false,
            overdue: Vec::new(),
            dirs: options.dirs,
            settings,
            method: Method::builtin(),
            method_source: MethodSource::Builtin,
            report_style: ReportStyle::builtin(),
            style_source: None,
            doc: None,
            dialogs: options.dialogs,
            status: None,
            allow_close: false,
            window_title: String::new(),
            style_applied: false,
            clock: options.clock,
            timer: Timer::default(),
            presenting: Presenting::default(),
            signals: Default::default(),
            compare: Default::default(),
        };
        // A method named on the command line wins over the remembered one, for this run.
        if let Some(path) = options.method.or_else(|| app.settings.method_file.clone()) {
            app.use_method_file(&path, false);
        }
        app.refresh_overdue();
        if let Some(path) = options.file {
            app.open_path(&path);
        }
        // After the case is opened, so that a remembered style that has gone missing is
        // what the status bar says, not that the case was opened.
        if let Some(path) = app.settings.style_file.clone() {
            app.use_remembered_style(&path);
        }
        app
    }

    pub fn language(&self) -> Language {
        self.settings.language
    }

    pub(super) fn t(&self, key: &str) -> &'static str {
        tr(self.settings.language, key)
    }

    /// The open case, for tests and for the shell.
    pub fn document(&self) -> Option<&Document> {
        self.doc.as_ref()
    }

    pub fn method(&self) -> &Method {
        &self.method
    }

    /// The report style file in use, `None` for the built-in style.
    pub fn style_source(&self) -> Option<&Path> {
        self.style_source.as_deref()
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

    /// The error the open dialog shows, if that dialog is an error.
    /// The step timer, for tests.
    pub fn timer(&self) -> &Timer {
        &self.timer
    }

    pub fn error(&self) -> Option<&str> {
        match &self.modal {
            Some(Modal::Error(message)) => Some(message),
            _ => None,
        }
    }

    /// Recovery copies waiting for a decision.
    pub fn recoveries(&self) -> &[FoundRecovery] {
        match &self.modal {
            Some(Modal::Recovery(found)) => found,
            _ => &[],
        }
    }

    /// Cases on the start screen waiting to be deleted.
    pub fn overdue(&self) -> &[start::Overdue] {
        &self.overdue
    }

    /// Waits for the recovery folder to be up to date (tests; a clean exit).
    pub fn flush_autosave(&self) {
        self.autosaver.flush();
    }

    /// Whether signals are being read or exported in the background.
    pub fn signals_busy(&self) -> bool {
        self.signals.busy()
    }

    /// Whether an export is being made in the background.
    pub fn export_running(&self) -> bool {
        self.export.running()
    }

    /// Opens a dialog. An error while another dialog is open goes to the status bar
    /// instead, so the open dialog (and what it holds) is not lost.
    pub(super) fn open_modal(&mut self, modal: Modal) {
        match (modal, &self.modal) {
            (Modal::Error(message), Some(_)) => self.status = Some(Notice::Error(message)),
            (modal, _) => self.modal = Some(modal),
        }
    }

    pub(super) fn show_error(&mut self, message: String) {
        self.open_modal(Modal::Error(message));
    }

    /// Draws one frame and applies what the user did.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.style_applied {
            style::apply(&ctx);
            let waker = ctx.clone();
            self.autosaver.set_waker(move || waker.request_repaint());
            self.style_applied = true;
        }
        let mut commands: Vec<Command> = Vec::new();
        if self.compare.is_open()
            && self.modal.is_none()
            && ctx.input(|i| i.key_pressed(egui::Key::Escape))
        {
            self.compare.close();
        }
        if self.presenting.here && ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.presenting.here = false;
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(false));
        }
        if self.modal.is_none() {
            commands.extend(
                actions::pressed(&ctx, self)
                    .into_iter()
                    .map(Command::Action),
            );
        }
        self.handle_close_request(&ctx, &mut commands);

        // Presenting on this screen, the view fills it: no menus, no status bar.
        if !self.presenting.here {
            egui::Panel::top("menu_bar").show(ui, |ui| {
                bars::menu_bar_ui(ui, self, &mut commands);
            });
            egui::Panel::bottom("status_bar").show(ui, |ui| {
                bars::status_bar_ui(ui, self, &mut commands);
            });
        }
        egui::CentralPanel::default().show(ui, |ui| self.central_ui(ui, &mut commands));
        if self.presenting.window {
            self.presentation_window(&ctx);
        }
        self.modal_ui(&ctx, &mut commands);
        self.finish_export();
        self.finish_signals();
        self.finish_compare();

        // The frame was drawn before the commands changed the state: draw once more, so
        // the change shows now and not at the next mouse move.
        if !commands.is_empty() {
            ctx.request_repaint();
        }
        for command in commands {
            self.apply(command, &ctx);
        }
        self.follow_writing_level();
        if self.timer.running() {
            // A calm countdown: one repaint a second, none while paused.
            ctx.request_repaint_after(std::time::Duration::from_secs(1));
        }
        self.autosave(&ctx);
        let title = self.title();
        if title != self.window_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    fn central_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let language = self.settings.language;
        let now = (self.clock)();
        if self.signals.open {
            super::signals::signals_ui(ui, language, &mut self.signals, commands);
            return;
        }
        if let Some(comparison) = self.compare.comparison(language, &self.method) {
            super::compare::compare_ui(ui, comparison, commands);
            return;
        }
        let Some(doc) = &mut self.doc else {
            let recent = &self.settings.recent_files;
            let hidden = self.pseudonyms_shown;
            let overdue = &self.overdue;
            start::start_ui(
                ui,
                language,
                &self.method,
                recent,
                overdue,
                hidden,
                commands,
            );
            return;
        };
        if self.presenting.here {
            let shown = Presented {
                language,
                method: &self.method,
                case: doc.pseudonymised(language),
                timer: &self.timer,
                now,
            };
            presentation::presentation_ui(ui, &shown);
            return;
        }
        let bar = BarContext {
            language,
            method: &self.method,
            timer: &self.timer,
            now,
            editable: !self.pseudonyms_shown && !doc.read_only,
        };
        if !self.pseudonyms_shown {
            let read_only = doc.read_only;
            super::case_ui(ui, &bar, &doc.case, &mut doc.view, read_only, commands);
            return;
        }
        // The projector view: the case as exported, with pseudonyms, and nothing
        // editable, so no real name can reappear or be typed over.
        doc.pseudonymised(language);
        if let Some((key, shown)) = doc.view.pseudonymised.take() {
            super::pseudonyms_banner_ui(ui, language);
            super::case_ui(ui, &bar, &shown, &mut doc.view, true, commands);
            doc.view.pseudonymised = Some((key, shown));
        }
    }

    /// The presentation view in a window of its own, to drag onto the projector.
    fn presentation_window(&mut self, ctx: &egui::Context) {
        let language = self.settings.language;
        let now = (self.clock)();
        let Some(doc) = &mut self.doc else {
            self.presenting.window = false;
            return;
        };
        let shown = Presented {
            language,
            method: &self.method,
            case: doc.pseudonymised(language),
            timer: &self.timer,
            now,
        };
        let title = tr(language, "present.title");
        let builder = egui::ViewportBuilder::default()
            .with_title(title)
            .with_inner_size([1280.0, 800.0]);
        let id = egui::ViewportId::from_hash_of("presentation");
        let closed = ctx.show_viewport_immediate(id, builder, |ui, _class| {
            egui::CentralPanel::default()
                .frame(egui::Frame::new())
                .show(ui, |ui| presentation::presentation_ui(ui, &shown));
            ui.input(|i| i.viewport().close_requested())
        });
        if closed {
            self.presenting.window = false;
        }
    }

    /// Time counts for the level being written in: when that changes, what ran so far
    /// goes to the previous one.
    fn follow_writing_level(&mut self) {
        let level = self.doc.as_ref().and_then(|d| d.view.writing_level);
        if level != self.timer.level {
            self.flush_timer();
            self.timer.level = level;
        }
    }

    fn modal_ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let Some(open) = &mut self.modal else {
            return;
        };
        let language = self.settings.language;
        // On the projector a dialog shows the case as the screen does.
        let shown = match &self.doc {
            Some(doc) if self.pseudonyms_shown => doc.view.pseudonymised.as_ref().map(|(_, c)| c),
            Some(doc) => Some(&doc.case),
            None => None,
        };
        let (doc, pseudonyms) = (self.doc.as_ref(), self.pseudonyms_shown);
        let screen = |text: &str| on_screen(doc, pseudonyms, language, text);
        match modal::modal_ui(ctx, language, &self.method, open, shown, &screen) {
            Reply::Wait => {}
            Reply::Close => self.modal = None,
            Reply::CloseThen(command) => {
                self.modal = None;
                commands.push(command);
            }
            Reply::Do(command) => commands.push(command),
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let requested = ctx.input(|i| i.viewport().close_requested());
        if requested && !self.allow_close && self.doc.as_ref().is_some_and(Document::dirty) {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            commands.push(Action::Quit.into());
        }
    }

    /// The window title: case, file, and a marker for unsaved changes.
    pub fn title(&self) -> String {
        let app_name = self.t("app.name");
        let Some(doc) = &self.doc else {
            return app_name.to_owned();
        };
        let marker = if doc.dirty() { "* " } else { "" };
        let read_only = if doc.read_only {
            format!(" ({})", self.t("title.read_only"))
        } else {
            String::new()
        };
        let file = doc
            .path
            .as_deref()
            .and_then(std::path::Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.t("case.not_saved_yet").to_owned());
        let title = doc.display_title(self.language());
        let title = self.on_screen(&format!("{title} — {file}"));
        format!("{marker}{title}{read_only} — {app_name}")
    }

    /// A text as the screen may show it: on the projector (pseudonym view) with every
    /// registered name replaced, also in file names and messages.
    pub fn on_screen(&self, text: &str) -> String {
        on_screen(
            self.doc.as_ref(),
            self.pseudonyms_shown,
            self.language(),
            text,
        )
    }
}

impl ActionState for SwanApp {
    fn enabled(&self, action: Action) -> bool {
        let has_case = self.doc.is_some();
        if action.acts_on_case_screen() && (self.signals.open || self.compare.is_open()) {
            return false;
        }
        match action {
            Action::NewCase
            | Action::Open
            | Action::Quit
            | Action::LoadMethod
            | Action::LoadStyle => true,
            Action::ShowShortcuts | Action::TogglePseudonyms => true,
            Action::CompareSessions => !self.compare.loading(),
            Action::Save | Action::SaveAs | Action::CheckPersonalData | Action::CloseCase => {
                has_case
            }
            Action::Export => has_case && !self.export.running(),
            Action::SignalsAcrossCases => !self.signals.busy(),
            // The teacher's setup goes into the case too, so it must be editable.
            Action::SaveAsTemplate => self.editable_doc().is_some(),
            Action::Undo => self
                .editable_doc()
                .is_some_and(|d| d.history().undo_label().is_some()),
            Action::Redo => self
                .editable_doc()
                .is_some_and(|d| d.history().redo_label().is_some()),
            Action::PreviousStage => self
                .doc
                .as_ref()
                .is_some_and(|d| d.case.stage.previous().is_some()),
            Action::NextStage => self
                .doc
                .as_ref()
                .is_some_and(|d| d.case.stage_after(d.case.stage).is_some()),
            Action::StartFollowUp => self.editable_doc().is_some(),
            Action::UseBuiltinMethod => self.method_source != MethodSource::Builtin,
            Action::UseBuiltinStyle => self.style_source.is_some(),
            Action::CopyPhase | Action::CopyPhaseWithNames => self.in_phase(|_| true),
            Action::CopyPlan | Action::CopyPlanWithNames => has_case,
            Action::CaptureLevel1 | Action::CaptureLevel2 | Action::CaptureLevel3 => {
                self.editable_doc().is_some() && self.in_phase(|_| true)
            }
            Action::TimerToggle | Action::TimerReset => self.editable_doc().is_some(),
            Action::PresentWindow | Action::PresentHere => has_case,
            Action::StartRound => self
                .editable_doc()
                .is_some_and(|d| !d.case.participants.is_empty()),
            Action::NextSpeaker | Action::PassSpeaker => self.editable_doc().is_some_and(|d| {
                d.case
                    .meeting
                    .open_round(d.case.stage)
                    .is_some_and(|r| r.current().is_some())
            }),
            Action::PreviousSpeaker => self.editable_doc().is_some_and(|d| {
                d.case
                    .meeting
                    .open_round(d.case.stage)
                    .is_some_and(|r| !r.turns.is_empty())
            }),
            Action::SilentRound => {
                self.editable_doc()
                    .is_some_and(|d| !d.case.participants.is_empty())
                    && self.in_phase(|p| p == crate::model::Phase::Choice)
            }
        }
    }

    fn label(&self, action: Action, language: Language) -> String {
        let what = self.doc.as_ref().and_then(|d| match action {
            Action::Undo => d.history().undo_label(),
            Action::Redo => d.history().redo_label(),
            _ => None,
        });
        match what {
            Some(edit) => crate::i18n::tr_args(
                language,
                &format!("{}.what", action.label_key()),
                &[("edit", tr(language, edit))],
            ),
            None => tr(language, action.label_key()).to_owned(),
        }
    }
}

impl SwanApp {
    /// Whether the open case is on a phase screen that `which` accepts.
    fn in_phase(&self, which: impl Fn(crate::model::Phase) -> bool) -> bool {
        matches!(
            self.doc.as_ref().map(|d| d.case.stage),
            Some(crate::model::Stage::Phase(p)) if which(p)
        )
    }

    /// The open case, when it may be changed (not on the projector view).
    pub(super) fn editable_doc(&self) -> Option<&Document> {
        self.doc
            .as_ref()
            .filter(|d| !self.pseudonyms_shown && !d.read_only)
    }
}

/// See [`SwanApp::on_screen`]; apart, for where the app is borrowed in parts.
fn on_screen(doc: Option<&Document>, pseudonyms: bool, language: Language, text: &str) -> String {
    match doc {
        Some(doc) if pseudonyms => doc.hide_names(language, text),
        _ => text.to_owned(),
    }
}

impl eframe::App for SwanApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        SwanApp::ui(self, ui);
    }
}
