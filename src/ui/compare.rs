//! The sessions of several groups side by side, for the teacher on the projector: one
//! column per group, large type, differences marked with ♦ and said in words. Read-only;
//! Esc or "Sluiten" returns to where the user was. The files load on a thread.

use std::path::PathBuf;
use std::sync::mpsc;

use egui::RichText;

use super::app::{Notice, SwanApp};
use super::dialogs::NoDialog;
use super::path_entry::PathPurpose;
use super::{Command, export, style};
use crate::compare::{self, Comparison, Loaded, MARK};
use crate::export::{Format, Names};
use crate::i18n::{Language, tr, tr_args};
use crate::method::Method;

/// Larger than the editing screen, so the back of the room can read it, yet smaller than
/// the presentation view: this screen holds a column per group.
const SCALE: f32 = 1.3;
/// A group's column is never narrower than this.
const MIN_COLUMN: f32 = 200.0;
/// The gap between columns.
const SPACING: f32 = 14.0;

/// The comparison being loaded, or shown.
#[derive(Default)]
pub struct CompareState {
    loading: Option<mpsc::Receiver<Loaded>>,
    open: Option<OpenComparison>,
}

pub struct OpenComparison {
    pub loaded: Loaded,
    /// Made for this language and method; made again when either changes.
    shown: Option<(Language, Comparison)>,
}

impl CompareState {
    pub fn loading(&self) -> bool {
        self.loading.is_some()
    }

    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    pub fn close(&mut self) {
        self.open = None;
    }

    /// Loads the files and folders on a thread; the window is woken when done.
    pub fn start(&mut self, ctx: &egui::Context, paths: Vec<PathBuf>) {
        let (sender, receiver) = mpsc::channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let _ = sender.send(compare::load_sessions(&paths));
            ctx.request_repaint();
        });
        self.loading = Some(receiver);
    }

    /// What the thread loaded, once it is done: `Ok` when it was opened, `Err` with what
    /// to tell the user when fewer than two sessions loaded.
    pub fn poll(&mut self, language: Language) -> Option<Result<(), String>> {
        let loaded = match self.loading.as_ref()?.try_recv() {
            Ok(loaded) => loaded,
            Err(mpsc::TryRecvError::Empty) => return None,
            Err(mpsc::TryRecvError::Disconnected) => Loaded::default(),
        };
        self.loading = None;
        if loaded.sessions.len() < 2 {
            let too_few = compare::TooFew {
                loaded: loaded.sessions.len(),
            };
            let mut lines = vec![compare::too_few_message(language, &too_few)];
            lines.extend(
                loaded
                    .skipped
                    .iter()
                    .map(|s| crate::messages::load_error_with_path(language, &s.path, &s.error)),
            );
            return Some(Err(lines.join("\n\n")));
        }
        self.open = Some(OpenComparison {
            loaded,
            shown: None,
        });
        Some(Ok(()))
    }

    /// The comparison as shown, in this language, with pseudonyms.
    pub fn comparison(&mut self, language: Language, method: &Method) -> Option<&Comparison> {
        let open = self.open.as_mut()?;
        let stale = match &open.shown {
            Some((shown_in, comparison)) => {
                *shown_in != language || comparison.credit != method.credit.get(language)
            }
            None => true,
        };
        if stale {
            let loaded = &open.loaded;
            let made = compare::compare(
                &loaded.sessions,
                &loaded.skipped,
                method,
                language,
                Names::Pseudonymised,
            )
            .ok()?;
            open.shown = Some((language, made));
        }
        open.shown.as_ref().map(|(_, c)| c)
    }

    /// The files the comparison was made from, which an export must not replace.
    pub fn inputs(&self) -> Vec<PathBuf> {
        self.open
            .iter()
            .flat_map(|o| o.loaded.sessions.iter().map(|s| s.path.clone()))
            .collect()
    }
}

/// "Sessies worden geladen…" with a spinner, while the thread runs.
pub fn progress_ui(ui: &mut egui::Ui, language: Language, state: &CompareState) {
    if state.loading() {
        ui.spinner();
        ui.label(tr(language, "compare.loading"));
        ui.separator();
    }
}

/// The comparison screen.
pub fn compare_ui(ui: &mut egui::Ui, comparison: &Comparison, commands: &mut Vec<Command>) {
    let language = comparison.language;
    let t = |key| tr(language, key);
    let base = ui.style().text_styles[&egui::TextStyle::Body].size;
    let size = |factor: f32| base * SCALE * factor;
    ui.label(RichText::new(&comparison.title).size(size(1.3)).strong());
    ui.horizontal_wrapped(|ui| {
        let button = |key: &str| {
            egui::Button::new(RichText::new(tr(language, key)).size(size(0.8)))
                .min_size(egui::vec2(0.0, 32.0))
        };
        for (format, key) in [
            (Format::Html, "compare.export_html"),
            (Format::Csv, "compare.export_csv"),
        ] {
            let response = ui.add(button(key)).on_hover_text(t("compare.export.hint"));
            if response.clicked() {
                commands.push(Command::CompareExport(format));
            }
        }
        let close = ui.add(button("compare.close"));
        if close.on_hover_text(t("compare.close.hint")).clicked() {
            commands.push(Command::CloseComparison);
        }
    });
    ui.add_space(4.0);
    if !comparison.warnings.is_empty() {
        style::warning_frame(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            for warning in &comparison.warnings {
                ui.label(RichText::new(format!("⚠ {warning}")).size(size(0.8)));
            }
        });
        ui.add_space(4.0);
    }
    ui.label(RichText::new(&comparison.legend).size(size(0.75)));
    ui.add_space(6.0);
    let label_width = (ui.available_width() * 0.24).clamp(220.0, 320.0);
    let room = ui.available_width() - label_width - 40.0;
    // As many groups as fit beside the labels; more are paged, so the labels never
    // scroll out of sight.
    let fitting = ((room + SPACING) / (MIN_COLUMN + SPACING)).floor().max(1.0) as usize;
    let total = comparison.groups.len();
    let page = total.clamp(1, fitting);
    // Per comparison: another set of sessions starts on its first page.
    let id = egui::Id::unique(("comparison_first_group", &comparison.title, total));
    let mut first = ui.data(|d| d.get_temp::<usize>(id)).unwrap_or(0);
    // Whole pages: groups 1–3, 4–6, 7; never a group on two pages.
    let last_page = (total.max(1) - 1) / page * page;
    first = (first / page * page).min(last_page);
    if total > page {
        pager_ui(ui, language, (&mut first, page, total), size(0.8));
        ui.data_mut(|d| d.insert_temp(id, first));
    }
    let column_width =
        ((room - SPACING * (page - 1) as f32) / page as f32).clamp(MIN_COLUMN, 420.0);
    egui::ScrollArea::vertical()
        .id_salt("comparison")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (index, section) in comparison.sections.iter().enumerate() {
                ui.add_space(8.0);
                ui.label(RichText::new(&section.title).size(size(1.05)).strong());
                egui::Grid::new(("comparison_section", index))
                    .striped(true)
                    .spacing([SPACING, 8.0])
                    .min_col_width(label_width.min(column_width))
                    .show(ui, |ui| {
                        sized(ui, label_width, |_| {});
                        for group in comparison.groups.iter().skip(first).take(page) {
                            sized(ui, column_width, |ui| {
                                ui.label(RichText::new(&group.name).size(size(0.95)).strong());
                                ui.label(RichText::new(&group.file).size(size(0.75)));
                            });
                        }
                        ui.end_row();
                        for row in &section.rows {
                            sized(ui, label_width, |ui| {
                                ui.label(RichText::new(&row.label).size(size(0.8)).strong());
                                if let Some(difference) = &row.difference {
                                    ui.label(
                                        RichText::new(format!("{MARK} {difference}"))
                                            .size(size(0.72))
                                            .italics(),
                                    );
                                }
                            });
                            for cell in row.cells.iter().skip(first).take(page) {
                                sized(ui, column_width, |ui| cell_ui(ui, cell, size(0.8)));
                            }
                            ui.end_row();
                        }
                    });
            }
        });
}

/// "Groepen 1–4 van 6" between buttons to the previous and the next groups.
fn pager_ui(
    ui: &mut egui::Ui,
    language: Language,
    (first, page, total): (&mut usize, usize, usize),
    size: f32,
) {
    let t = |key| tr(language, key);
    ui.horizontal(|ui| {
        let button = |key| egui::Button::new(RichText::new(t(key)).size(size));
        if ui
            .add_enabled(*first > 0, button("compare.previous_groups"))
            .clicked()
        {
            *first = first.saturating_sub(page);
        }
        let key = match (*first + page).min(total) - *first {
            1 => "compare.group_shown",
            _ => "compare.groups_shown",
        };
        let shown = tr_args(
            language,
            key,
            &[
                ("from", &(*first + 1).to_string()),
                ("to", &(*first + page).min(total).to_string()),
                ("total", &total.to_string()),
            ],
        );
        ui.label(RichText::new(shown).size(size).strong());
        let more = *first + page < total;
        if ui
            .add_enabled(more, button("compare.next_groups"))
            .clicked()
        {
            *first += page;
        }
    });
    ui.add_space(4.0);
}

/// A grid cell of a fixed width, its text wrapping inside.
fn sized(ui: &mut egui::Ui, width: f32, add: impl FnOnce(&mut egui::Ui)) {
    ui.vertical(|ui| {
        ui.set_width(width);
        add(ui);
    });
}

/// One group's value; a differing one framed and tinted, with the mark before it.
fn cell_ui(ui: &mut egui::Ui, cell: &compare::Cell, size: f32) {
    if cell.marked {
        let visuals = ui.visuals();
        egui::Frame::new()
            .fill(visuals.warn_fg_color.gamma_multiply(0.15))
            .stroke(egui::Stroke::new(2.0, visuals.warn_fg_color))
            .corner_radius(4.0)
            .inner_margin(egui::Margin::symmetric(6, 2))
            .show(ui, |ui| {
                ui.label(
                    RichText::new(format!("{MARK} {}", cell.text))
                        .size(size)
                        .strong(),
                );
            });
    } else {
        ui.label(RichText::new(&cell.text).size(size));
    }
}

impl SwanApp {
    /// Asks for the sessions: several files, or a folder; a typed path where no dialog
    /// can be shown.
    pub(super) fn pick_sessions(&mut self, folder: bool, ctx: &egui::Context) {
        let language = self.language();
        let chosen = if folder {
            self.dialogs
                .open_folder(language)
                .map(|chosen| chosen.map(|path| vec![path]))
        } else {
            self.dialogs.open_sessions(language)
        };
        match chosen {
            Ok(Some(paths)) => self.compare.start(ctx, paths),
            Ok(None) => {}
            Err(NoDialog) => self.type_path(PathPurpose::CompareSessions, ""),
        }
    }

    /// Opens the comparison once its files are loaded, or says why it cannot.
    pub(super) fn finish_compare(&mut self) {
        match self.compare.poll(self.language()) {
            Some(Err(message)) => self.show_error(message),
            Some(Ok(())) => self.status = None,
            None => {}
        }
    }

    /// Asks where to write the comparison.
    pub(super) fn compare_export(&mut self, format: Format) {
        let language = self.language();
        let Some(comparison) = self.compare.comparison(language, &self.method) else {
            return;
        };
        let name = export::suggested_name(
            &comparison.title,
            language,
            format,
            crate::export::ReportKind::Team,
        );
        match self.dialogs.save_export(language, format, &name) {
            Ok(Some(path)) => {
                self.compare_export_to(format, &export::with_extension(&path, format))
            }
            Ok(None) => {}
            Err(NoDialog) => self.type_path(PathPurpose::SaveComparison(format), &name),
        }
    }

    /// Writes the comparison atomically, never over one of the sessions it was made from.
    pub(super) fn compare_export_to(&mut self, format: Format, path: &std::path::Path) {
        let language = self.language();
        let inputs = self.compare.inputs();
        let Some(comparison) = self.compare.comparison(language, &self.method) else {
            return;
        };
        let today = chrono::Local::now().date_naive();
        let bytes = crate::export::compare::render(comparison, format, today);
        let input_refs: Vec<&std::path::Path> = inputs.iter().map(PathBuf::as_path).collect();
        let written = crate::storage::check_output(path, &input_refs)
            .and_then(|()| crate::storage::write_atomically(path, &bytes, false));
        match written {
            Ok(()) => {
                let shown = path.display().to_string();
                let text = tr_args(language, "compare.exported", &[("path", &shown)]);
                self.status = Some(Notice::Info(text));
            }
            Err(e) => self.show_error(crate::messages::save_error(language, path, &e)),
        }
    }
}
