//! The start screen: new case, open, recently opened files, example cases.

use std::path::PathBuf;

use egui::RichText;

use super::{Command, EXAMPLES};
use crate::i18n::{Language, tr};
use crate::method::Method;
use crate::storage;

pub fn start_ui(
    ui: &mut egui::Ui,
    language: Language,
    method: &Method,
    recent: &[PathBuf],
    commands: &mut Vec<Command>,
) {
    let t = |key| tr(language, key);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let width = ui.available_width().min(720.0);
            let margin = ((ui.available_width() - width) / 2.0).max(0.0);
            ui.horizontal(|ui| {
                ui.add_space(margin);
                ui.vertical(|ui| {
                    ui.set_width(width);
                    ui.add_space(24.0);
                    ui.label(RichText::new(t("app.name")).size(40.0).strong());
                    ui.label(RichText::new(t("start.tagline")).size(20.0));
                    ui.label(RichText::new(method.credit.get(language)).weak());
                    ui.add_space(20.0);

                    ui.horizontal_wrapped(|ui| {
                        let new = egui::Button::new(RichText::new(t("start.new")).size(20.0))
                            .min_size(egui::vec2(200.0, 44.0));
                        if ui.add(new).on_hover_text("Ctrl+N").clicked() {
                            commands.push(Command::NewCase);
                        }
                        let open = egui::Button::new(RichText::new(t("start.open")).size(20.0))
                            .min_size(egui::vec2(200.0, 44.0));
                        if ui.add(open).on_hover_text("Ctrl+O").clicked() {
                            commands.push(Command::Open);
                        }
                    });
                    ui.add_space(24.0);

                    ui.label(RichText::new(t("start.examples")).size(20.0).strong());
                    ui.label(RichText::new(t("start.examples_hint")).weak());
                    for (index, (example_language, source)) in EXAMPLES.iter().enumerate() {
                        if *example_language != language {
                            continue;
                        }
                        let _ = source;
                        let label =
                            format!("{}: {}", t("start.open_example"), example_titles()[index]);
                        if ui.button(label).clicked() {
                            commands.push(Command::OpenExample(index));
                        }
                    }
                    ui.add_space(24.0);

                    ui.label(RichText::new(t("start.recent")).size(20.0).strong());
                    if recent.is_empty() {
                        ui.label(RichText::new(t("start.recent_none")).weak());
                    }
                    for path in recent {
                        recent_file_ui(ui, language, path, commands);
                    }
                    ui.add_space(24.0);
                    ui.label(RichText::new(t("start.privacy")).weak());
                });
            });
        });
}

/// The titles of the example cases, read once rather than every frame.
fn example_titles() -> &'static [String] {
    static TITLES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    TITLES.get_or_init(|| {
        EXAMPLES
            .iter()
            .map(|(_, source)| {
                storage::case_from_str(source)
                    .map(|c| c.title)
                    .unwrap_or_default()
            })
            .collect()
    })
}

fn recent_file_ui(
    ui: &mut egui::Ui,
    language: Language,
    path: &std::path::Path,
    commands: &mut Vec<Command>,
) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let folder = path
        .parent()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    ui.horizontal(|ui| {
        let remove = format!("{}: {name}", tr(language, "start.recent_forget"));
        if super::widgets::icon_button(ui, "✖", &remove).clicked() {
            commands.push(Command::ForgetRecent(path.to_path_buf()));
        }
        if ui
            .link(RichText::new(&name).strong())
            .on_hover_text(path.display().to_string())
            .clicked()
        {
            commands.push(Command::OpenPath(path.to_path_buf()));
        }
        ui.add(egui::Label::new(RichText::new(folder).weak().small()).truncate());
    });
}
