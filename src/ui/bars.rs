//! The menu bar (made from the action table) and the status bar.

use egui::RichText;

use super::actions::{self, Action, Menu};
use super::app::{MethodSource, Notice, SwanApp};
use super::{Command, export, widgets};
use crate::i18n::{Language, tr, tr_args};

pub fn menu_bar_ui(ui: &mut egui::Ui, app: &SwanApp, commands: &mut Vec<Command>) {
    let language = app.language();
    let t = |key| tr(language, key);
    egui::MenuBar::new().ui(ui, |ui| {
        for menu in Menu::ALL {
            ui.menu_button(t(menu.label_key()), |ui| {
                actions::menu_ui(ui, menu, language, app, commands);
                if menu == Menu::View {
                    ui.separator();
                    language_menu_ui(ui, language, commands);
                }
            });
        }
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
                .selectable_label(app.pseudonyms_shown, t("privacy.view_toggle"))
                .on_hover_text(actions::hint(ui.ctx(), language, Action::TogglePseudonyms));
            if toggle.clicked() {
                commands.push(Action::TogglePseudonyms.into());
            }
        });
    });
}

fn language_menu_ui(ui: &mut egui::Ui, language: Language, commands: &mut Vec<Command>) {
    ui.label(RichText::new(tr(language, "menu.language")).weak());
    for option in Language::ALL {
        if ui.radio(language == option, option.native_name()).clicked() {
            commands.push(Command::SetLanguage(option));
            ui.close();
        }
    }
}

pub fn status_bar_ui(ui: &mut egui::Ui, app: &SwanApp, commands: &mut Vec<Command>) {
    let language = app.language();
    ui.horizontal(|ui| {
        if let Some(doc) = &app.doc {
            widgets::stage_navigation_ui(ui, language, &app.method, &doc.case, commands);
            ui.separator();
        }
        export::progress_ui(ui, language, &app.export);
        super::compare::progress_ui(ui, language, &app.compare);
        // The credit and the unsaved marker first, from the right; the notice gets the
        // room that is left and is shortened (full text on hover) when long.
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(RichText::new(app.method.credit.get(language)).weak())
                .on_hover_text(match &app.method_source {
                    MethodSource::Builtin => tr(language, "method.builtin").to_owned(),
                    MethodSource::File(p) => tr_args(
                        language,
                        "method.from_file",
                        &[("path", &p.display().to_string())],
                    ),
                });
            if app.doc.as_ref().is_some_and(|d| d.dirty()) {
                ui.label(RichText::new(tr(language, "status.unsaved")).strong());
            }
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                notice_ui(ui, app);
            });
        });
    });
}

/// The latest message; a recovery copy that cannot be written goes before anything
/// else, until writing works again.
fn notice_ui(ui: &mut egui::Ui, app: &SwanApp) {
    let language = app.language();
    let autosave_error = app.autosaver.last_error(|e| {
        let folder = crate::storage::recovery::recovery_dir(&app.dirs.data);
        tr_args(
            language,
            "status.autosave_failed",
            &[("reason", &crate::messages::save_error(language, &folder, e))],
        )
    });
    let (text, error) = match (&autosave_error, &app.status) {
        (Some(text), _) => (text.as_str(), true),
        (None, Some(Notice::Info(text))) => (text.as_str(), false),
        (None, Some(Notice::Error(text))) => (text.as_str(), true),
        (None, None) => return,
    };
    let mut text = RichText::new(app.on_screen(text));
    if error {
        text = text.color(ui.visuals().error_fg_color);
    }
    ui.add(egui::Label::new(text).truncate());
}
