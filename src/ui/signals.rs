//! Signals across cases in the window: a folder of case files is read on a background
//! thread, and its signals are shown by receiver and theme, with how many cases raised
//! each, their dates, a button to open each case, the files that could not be read, and
//! an export. Pseudonymised, as an export is.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use egui::RichText;

use super::{Command, style};
use crate::dates::format_date;
use crate::export::signals::{format_label_key, receiver_label, theme_dates, theme_label};
use crate::export::{Format, Names};
use crate::i18n::{Language, tr, tr_args, tr_count};
use crate::messages;
use crate::method::Method;
use crate::signals::{Gathered, ThemeGroup, load};
use crate::storage::{self, LoadError};

/// What was read from one folder.
pub struct FolderSignals {
    pub folder: PathBuf,
    pub gathered: Gathered,
    pub skipped: Vec<(PathBuf, LoadError)>,
}

/// The signals view: shown while `open`, with the folder read last.
pub struct SignalsState {
    pub open: bool,
    /// The folder being read.
    pub loading: Option<(PathBuf, mpsc::Receiver<FolderSignals>)>,
    pub shown: Option<FolderSignals>,
    /// The format the export button makes.
    pub format: Format,
    exporting: Option<mpsc::Receiver<Result<PathBuf, String>>>,
}

impl Default for SignalsState {
    fn default() -> Self {
        SignalsState {
            open: false,
            loading: None,
            shown: None,
            format: Format::Pdf,
            exporting: None,
        }
    }
}

/// How a background job of the view ended.
pub enum SignalsOutcome {
    Exported(PathBuf),
    Failed(String),
}

impl SignalsState {
    pub fn busy(&self) -> bool {
        self.loading.is_some() || self.exporting.is_some()
    }

    /// Reads the folder's case files and gathers their signals in a thread; the window
    /// is woken when they are in.
    pub fn start(
        &mut self,
        ctx: &egui::Context,
        folder: PathBuf,
        method: Method,
        language: Language,
    ) {
        let (sender, receiver) = mpsc::channel();
        let ctx = ctx.clone();
        let path = folder.clone();
        std::thread::spawn(move || {
            let loaded = load::load(std::slice::from_ref(&path));
            let gathered =
                crate::signals::gather(&loaded.cases, &method, language, Names::Pseudonymised);
            let _ = sender.send(FolderSignals {
                folder: path,
                gathered,
                skipped: loaded.skipped,
            });
            ctx.request_repaint();
        });
        self.open = true;
        self.loading = Some((folder, receiver));
    }

    /// Renders and writes the export in a thread (a PDF takes a moment).
    pub fn export(
        &mut self,
        ctx: &egui::Context,
        (method, style): (Method, crate::export::ReportStyle),
        language: Language,
        format: Format,
        target: PathBuf,
    ) {
        let Some(shown) = &self.shown else { return };
        let gathered = shown.gathered.clone();
        let skipped = load::skipped_lines(&shown.skipped, language);
        let (sender, receiver) = mpsc::channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let today = chrono::Local::now().date_naive();
            let result = crate::export::render_signals(
                &gathered,
                &skipped,
                (&method, &style),
                language,
                format,
                today,
            )
            .map_err(|e| messages::export_error(language, &e))
            .and_then(|bytes| {
                storage::write_atomically(&target, &bytes, false)
                    .map_err(|e| messages::save_error(language, &target, &e))
            })
            .map(|()| target);
            let _ = sender.send(result);
            ctx.request_repaint();
        });
        self.exporting = Some(receiver);
    }

    /// Takes in what the threads finished; the outcome of an export, once.
    pub fn poll(&mut self, language: Language) -> Option<SignalsOutcome> {
        if let Some((_, receiver)) = &self.loading {
            match receiver.try_recv() {
                Ok(found) => {
                    self.shown = Some(found);
                    self.loading = None;
                }
                Err(mpsc::TryRecvError::Disconnected) => self.loading = None,
                Err(mpsc::TryRecvError::Empty) => {}
            }
        }
        let receiver = self.exporting.as_ref()?;
        let outcome = match receiver.try_recv() {
            Ok(Ok(path)) => SignalsOutcome::Exported(path),
            Ok(Err(message)) => SignalsOutcome::Failed(message),
            Err(mpsc::TryRecvError::Empty) => return None,
            Err(mpsc::TryRecvError::Disconnected) => {
                SignalsOutcome::Failed(tr(language, "export.crashed").to_owned())
            }
        };
        self.exporting = None;
        Some(outcome)
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .unwrap_or(path.as_os_str())
        .to_string_lossy()
        .into_owned()
}

/// The view: a bar with the folder and the actions, then the groups.
pub fn signals_ui(
    ui: &mut egui::Ui,
    language: Language,
    state: &mut SignalsState,
    commands: &mut Vec<Command>,
) {
    let t = |key| tr(language, key);
    ui.horizontal_wrapped(|ui| {
        ui.heading(t("signals.view.title"));
        ui.add_space(12.0);
        if ui
            .add_enabled(
                !state.busy(),
                egui::Button::new(t("signals.view.other_folder")),
            )
            .clicked()
        {
            commands.push(super::Action::SignalsAcrossCases.into());
        }
        if ui.button(t("signals.view.close")).clicked() {
            commands.push(Command::CloseSignals);
        }
    });
    if let Some((folder, _)) = &state.loading {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(tr_args(
                language,
                "signals.view.loading",
                &[("path", &folder.display().to_string())],
            ));
        });
        return;
    }
    let Some(shown) = &state.shown else { return };
    ui.label(tr_args(
        language,
        "signals.view.folder",
        &[("path", &shown.folder.display().to_string())],
    ));
    let gathered = &shown.gathered;
    if gathered.cases.is_empty() && shown.skipped.is_empty() {
        ui.add_space(8.0);
        style::warning_frame(ui).show(ui, |ui| {
            ui.label(tr_args(
                language,
                "signals.view.empty",
                &[("path", &shown.folder.display().to_string())],
            ));
        });
        return;
    }
    summary_ui(ui, language, gathered);
    if !shown.skipped.is_empty() {
        // Said at the top: a file left out changes what the counts mean.
        let text = crate::i18n::tr_count(
            language,
            "signals.view.skipped_note",
            shown.skipped.len(),
            &[],
        );
        let colour = ui.visuals().warn_fg_color;
        ui.label(RichText::new(format!("⚠ {text}")).color(colour));
    }
    ui.label(RichText::new(t("signals.view.names_hidden")).weak());
    export_bar_ui(ui, language, state, commands);
    ui.separator();
    let Some(shown) = &state.shown else { return };
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .id_salt("signals_view")
        .show(ui, |ui| {
            groups_ui(ui, language, &shown.gathered, commands);
            problems_ui(ui, language, shown);
        });
}

fn summary_ui(ui: &mut egui::Ui, language: Language, gathered: &Gathered) {
    let t = |key| tr(language, key);
    let with_signals = {
        let mut cases: Vec<usize> = gathered.rows().map(|(_, _, s)| s.case).collect();
        cases.sort_unstable();
        cases.dedup();
        cases.len()
    };
    let mut parts = vec![
        format!("{}: {}", t("signals.cases_read"), gathered.cases.len()),
        format!("{}: {with_signals}", t("signals.cases_with")),
        format!("{}: {}", t("signals.count"), gathered.signal_count()),
    ];
    if let Some((first, last)) = gathered.period() {
        parts.push(format!(
            "{}: {} – {}",
            t("signals.period"),
            format_date(first),
            format_date(last)
        ));
    }
    ui.label(RichText::new(parts.join("  ·  ")).strong());
}

fn export_bar_ui(
    ui: &mut egui::Ui,
    language: Language,
    state: &mut SignalsState,
    commands: &mut Vec<Command>,
) {
    let t = |key| tr(language, key);
    ui.horizontal(|ui| {
        let label = ui.label(t("signals.view.format"));
        egui::ComboBox::from_id_salt("signals_format")
            .selected_text(t(format_label_key(state.format)))
            .show_ui(ui, |ui| {
                for format in Format::ALL {
                    ui.selectable_value(&mut state.format, format, t(format_label_key(format)));
                }
            })
            .response
            .labelled_by(label.id);
        let button = egui::Button::new(t("signals.view.export"));
        if ui.add_enabled(!state.busy(), button).clicked() {
            commands.push(Command::ExportSignals(state.format));
        }
        if state.exporting.is_some() {
            ui.spinner();
        }
    });
}

fn groups_ui(
    ui: &mut egui::Ui,
    language: Language,
    gathered: &Gathered,
    commands: &mut Vec<Command>,
) {
    if gathered.receivers.is_empty() {
        ui.label(tr(language, "signals.none"));
    }
    for receiver in &gathered.receivers {
        ui.add_space(10.0);
        ui.label(
            RichText::new(receiver_label(&receiver.receiver, language))
                .heading()
                .strong(),
        );
        ui.label(tr_count(
            language,
            "signals.summary",
            receiver.signal_count(),
            &[(
                "cases",
                &tr_count(language, "signals.cases", receiver.cases().len(), &[]),
            )],
        ));
        for theme in &receiver.themes {
            ui.add_space(4.0);
            style::level_frame(ui).show(ui, |ui| {
                ui.set_width(ui.available_width());
                theme_ui(ui, language, gathered, theme, commands);
            });
        }
    }
}

fn theme_ui(
    ui: &mut egui::Ui,
    language: Language,
    gathered: &Gathered,
    theme: &ThemeGroup,
    commands: &mut Vec<Command>,
) {
    ui.label(
        RichText::new(theme_label(&theme.theme, language))
            .size(19.0)
            .strong(),
    );
    let dates: Vec<String> = theme_dates(gathered, theme)
        .into_iter()
        .map(format_date)
        .collect();
    ui.label(tr_args(
        language,
        "signals.view.theme_cases",
        &[
            (
                "cases",
                &tr_count(language, "signals.cases", theme.cases().len(), &[]),
            ),
            ("dates", &dates.join(", ")),
        ],
    ));
    for signal in &theme.signals {
        let case = &gathered.cases[signal.case];
        ui.add_space(4.0);
        style::card_frame(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                let level = tr_args(
                    language,
                    "signals.view.level",
                    &[("number", &signal.level.number().to_string())],
                );
                ui.label(RichText::new(level).strong());
                ui.label(&signal.source);
            });
            if !signal.change.is_empty() {
                let change = tr_args(
                    language,
                    "signals.view.change",
                    &[("change", &signal.change)],
                );
                ui.label(RichText::new(change).italics());
            }
            ui.horizontal_wrapped(|ui| {
                let title = if case.title.is_empty() {
                    tr(language, "case.untitled").to_owned()
                } else {
                    case.title.clone()
                };
                let named = tr_args(
                    language,
                    "signals.view.open_named",
                    &[("file", &case.file_name), ("title", &title)],
                );
                let open = ui
                    .button(tr(language, "signals.view.open"))
                    .accessible_name(named.clone())
                    .on_hover_text(named);
                if open.clicked() {
                    commands.push(Command::OpenFromSignals(case.path.clone()));
                }
                let date = case.meeting_date.map(format_date).unwrap_or_default();
                ui.label(RichText::new(format!("{title} · {date} · {}", case.file_name)).weak());
            });
        });
    }
}

/// Files not read and copies counted once.
fn problems_ui(ui: &mut egui::Ui, language: Language, shown: &FolderSignals) {
    if !shown.skipped.is_empty() {
        ui.add_space(12.0);
        ui.label(RichText::new(tr(language, "signals.skipped")).heading());
        for (path, error) in &shown.skipped {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(file_name(path)).strong());
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    messages::load_error(language, error),
                );
            });
        }
    }
    let copies = &shown.gathered.copies;
    if !copies.is_empty() {
        ui.add_space(12.0);
        ui.label(RichText::new(tr(language, "signals.copies")).heading());
        for copy in copies {
            ui.label(tr_args(
                language,
                "signals.copy",
                &[("file", &copy.file_name), ("first", &copy.same_as_name)],
            ));
        }
    }
}
