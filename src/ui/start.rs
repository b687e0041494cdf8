//! The start screen: new case, open, recently opened files, example cases.

use std::path::PathBuf;

use chrono::NaiveDate;

use egui::RichText;

use super::Command;
use crate::examples::EXAMPLES;
use crate::i18n::{Language, tr, tr_args};
use crate::method::Method;
use crate::storage;

/// A recently opened case whose delete-by date has passed.
#[derive(Clone, Debug, PartialEq)]
pub struct Overdue {
    pub path: PathBuf,
    pub title: String,
    pub delete_by: NaiveDate,
}

/// The recent files that load and are past their delete-by date on `today`.
pub fn overdue_cases(recent: &[PathBuf], today: NaiveDate) -> Vec<Overdue> {
    recent
        .iter()
        .filter_map(|path| {
            let case = storage::load_case(path).ok()?;
            let delete_by = case.delete_by.filter(|_| case.past_delete_by(today))?;
            // The start screen may be on the projector: no real names there.
            let title = crate::privacy::pseudonymise(&case, crate::i18n::Language::default()).title;
            Some(Overdue {
                path: path.clone(),
                title,
                delete_by,
            })
        })
        .collect()
}

pub fn start_ui(
    ui: &mut egui::Ui,
    language: Language,
    method: &Method,
    recent: &[PathBuf],
    overdue: &[Overdue],
    names_hidden: bool,
    commands: &mut Vec<Command>,
) {
    let t = |key| tr(language, key);
    // On the projector, file names and titles of other cases may name people.
    let (recent, overdue) = if names_hidden {
        (&[][..], &[][..])
    } else {
        (recent, overdue)
    };
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
                            commands.push(super::Action::NewCase.into());
                        }
                        let open = egui::Button::new(RichText::new(t("start.open")).size(20.0))
                            .min_size(egui::vec2(200.0, 44.0));
                        if ui.add(open).on_hover_text("Ctrl+O").clicked() {
                            commands.push(super::Action::Open.into());
                        }
                    });
                    ui.add_space(24.0);

                    if !overdue.is_empty() {
                        overdue_ui(ui, language, overdue, commands);
                        ui.add_space(24.0);
                    }

                    ui.label(RichText::new(t("start.examples")).size(20.0).strong());
                    ui.label(RichText::new(t("start.examples_hint")).weak());
                    ui.add_space(4.0);
                    for index in 0..EXAMPLES.len() {
                        example_ui(ui, language, index, commands);
                    }
                    ui.add_space(24.0);

                    ui.label(RichText::new(t("start.recent")).size(20.0).strong());
                    if names_hidden {
                        ui.label(RichText::new(t("start.recent_hidden")).weak());
                    } else if recent.is_empty() {
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

/// Cases past their retention date, each with a button to delete it completely.
fn overdue_ui(
    ui: &mut egui::Ui,
    language: Language,
    overdue: &[Overdue],
    commands: &mut Vec<Command>,
) {
    super::style::warning_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(
            RichText::new(tr(language, "start.overdue"))
                .size(20.0)
                .strong(),
        );
        ui.label(RichText::new(tr(language, "start.overdue_hint")).weak());
        for case in overdue {
            ui.horizontal_wrapped(|ui| {
                let title = if case.title.trim().is_empty() {
                    tr(language, "case.untitled").to_owned()
                } else {
                    case.title.clone()
                };
                ui.label(RichText::new(&title).strong())
                    .on_hover_text(case.path.display().to_string());
                ui.label(tr_args(
                    language,
                    "start.overdue_since",
                    &[("date", &crate::dates::format_date(case.delete_by))],
                ));
                let name = tr_args(language, "start.overdue_delete_of", &[("title", &title)]);
                if ui
                    .button(tr(language, "start.overdue_delete"))
                    .accessible_name(name)
                    .clicked()
                {
                    commands.push(Command::AskDeleteCaseFile(case.path.clone()));
                }
            });
        }
    });
}

/// One example: its title to open it by, and what it is about in one line.
fn example_ui(ui: &mut egui::Ui, language: Language, index: usize, commands: &mut Vec<Command>) {
    let title = example_title(index, language);
    let name = format!("{}: {title}", tr(language, "start.open_example"));
    ui.add_space(4.0);
    let link = ui
        .link(RichText::new(title).strong().size(16.0))
        .accessible_name(&name)
        .on_hover_text(&name);
    if link.clicked() {
        commands.push(Command::OpenExample(index));
    }
    let summary = tr(language, EXAMPLES[index].summary_key);
    ui.add(egui::Label::new(RichText::new(summary).weak()).wrap());
}

/// The title of an example in a language, read once rather than every frame.
fn example_title(index: usize, language: Language) -> &'static str {
    static TITLES: std::sync::OnceLock<Vec<[String; 2]>> = std::sync::OnceLock::new();
    let titles = TITLES.get_or_init(|| {
        EXAMPLES
            .iter()
            .map(|example| {
                Language::ALL.map(|language| {
                    storage::case_from_str(example.source(language))
                        .map(|c| c.title)
                        .unwrap_or_default()
                })
            })
            .collect()
    });
    let position = Language::ALL
        .iter()
        .position(|l| *l == language)
        .unwrap_or(0);
    titles.get(index).map_or("", |t| t[position].as_str())
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
