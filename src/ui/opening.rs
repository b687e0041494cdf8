//! The opening: the case, the case bringer's question, and who is at the table.

use egui::RichText;

use super::{CaseView, Command, move_buttons_ui, widgets};
use crate::i18n::{Language, tr, tr_args};
use crate::method::Method;
use crate::model::{Case, CaseEdit, DateField, Participant, TextField};

pub fn opening_ui(
    ui: &mut egui::Ui,
    language: Language,
    method: &Method,
    case: &Case,
    view: &mut CaseView,
    commands: &mut Vec<Command>,
) {
    let step = &method.opening;
    widgets::step_header_ui(
        ui,
        language,
        step.title.get(language),
        step.main_question.get(language),
        step.assignment.get(language),
        step.minutes,
    );
    widgets::prompts_ui(ui, &step.prompts, language);
    ui.add_space(8.0);

    if ui.available_width() >= 900.0 {
        widgets::columns_ui(ui, 2, |i, ui| match i {
            0 => {
                case_details_ui(ui, language, case, view, commands);
                ui.add_space(8.0);
                super::privacy::privacy_ui(ui, language, case, view, commands);
            }
            _ => participants_ui(ui, language, method, case, commands),
        });
    } else {
        case_details_ui(ui, language, case, view, commands);
        ui.add_space(8.0);
        participants_ui(ui, language, method, case, commands);
        ui.add_space(8.0);
        super::privacy::privacy_ui(ui, language, case, view, commands);
    }
}

fn case_details_ui(
    ui: &mut egui::Ui,
    language: Language,
    case: &Case,
    view: &mut CaseView,
    commands: &mut Vec<Command>,
) {
    let t = |key| tr(language, key);
    super::style::level_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(t("case.section")).size(20.0).strong());
        let title = (t("case.title"), t("case.title_hint"));
        widgets::labelled_line(ui, case, TextField::Title, title.0, title.1, commands);
        let text = |key: &str| (tr(language, key), tr(language, &format!("{key}_hint")));
        // Locked by the teacher: readable, not editable (the model refuses the edit too).
        let locked = case.description_locked();
        if locked {
            super::template::locked_note_ui(ui, language);
        }
        ui.add_enabled_ui(!locked, |ui| {
            let description = text("case.description");
            widgets::labelled_text(ui, case, TextField::Description, description, 4, commands);
            let question = text("case.question");
            widgets::labelled_text(ui, case, TextField::Question, question, 2, commands);
        });
        let label = t("case.date");
        let dates = &mut view.dates;
        widgets::date_ui(
            ui,
            language,
            (label, label),
            DateField::Meeting,
            case,
            dates,
            commands,
        );
        let notes = text("case.opening_notes");
        widgets::labelled_text(ui, case, TextField::OpeningNotes, notes, 3, commands);
    });
}

fn participants_ui(
    ui: &mut egui::Ui,
    language: Language,
    method: &Method,
    case: &Case,
    commands: &mut Vec<Command>,
) {
    let t = |key| tr(language, key);
    super::style::level_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(t("participants.section")).size(20.0).strong());
        if case.participants.is_empty() {
            ui.label(RichText::new(t("participants.none")).weak());
        }
        let count = case.participants.len();
        for (index, participant) in case.participants.iter().enumerate() {
            ui.push_id(participant.id, |ui| {
                let place = (index, count);
                participant_ui(ui, language, method, case, place, participant, commands);
            });
        }
        ui.add_space(4.0);
        if ui.button(t("participants.add")).clicked() {
            commands.push(CaseEdit::AddParticipant.into());
        }
    });
}

fn participant_ui(
    ui: &mut egui::Ui,
    language: Language,
    method: &Method,
    case: &Case,
    (index, count): (usize, usize),
    participant: &Participant,
    commands: &mut Vec<Command>,
) {
    let t = |key| tr(language, key);
    let number = (index + 1).to_string();
    let id = participant.id;
    super::style::card_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.label(RichText::new(format!("{number}.")).strong());
            let name = tr_args(language, "participants.name_of", &[("number", &number)]);
            let width = (ui.available_width() - 150.0).max(120.0);
            widgets::edit_text(ui, case, TextField::ParticipantName(id), commands, |text| {
                egui::TextEdit::singleline(text)
                    .hint_text(t("participants.name_hint"))
                    .desired_width(width)
            })
            .accessible_name(name);
            let what = tr_args(language, "participants.what", &[("number", &number)]);
            if index > 0 || count > 1 {
                let make = |id, direction| CaseEdit::MoveParticipant(id, direction).into();
                move_buttons_ui(ui, language, id, &what, make, commands);
            }
            let remove = tr_args(language, "participants.remove", &[("number", &number)]);
            if widgets::icon_button(ui, "🗑", &remove).clicked() {
                commands.push(CaseEdit::RemoveParticipant(id).into());
            }
        });
        ui.horizontal_wrapped(|ui| {
            role_and_discipline_ui(ui, language, method, case, &number, participant, commands);
        });
    });
}

/// A participant's meeting role and discipline (free text, with suggestions).
fn role_and_discipline_ui(
    ui: &mut egui::Ui,
    language: Language,
    method: &Method,
    case: &Case,
    number: &str,
    participant: &Participant,
    commands: &mut Vec<Command>,
) {
    let t = |key| tr(language, key);
    let id = participant.id;
    let role_label = tr_args(language, "participants.role_of", &[("number", number)]);
    let current = method
        .role(&participant.role)
        .map(|r| r.title.get(language).to_owned())
        .unwrap_or_else(|| participant.role.clone());
    let combo = egui::ComboBox::from_id_salt("role")
        .selected_text(current)
        .width(150.0)
        .show_ui(ui, |ui| {
            for role in &method.roles {
                let selected = participant.role == role.key;
                if ui
                    .selectable_label(selected, role.title.get(language))
                    .on_hover_text(role.description.get(language))
                    .clicked()
                    && !selected
                {
                    commands.push(CaseEdit::SetRole(id, role.key.clone()).into());
                }
            }
        });
    combo.response.accessible_name(role_label);
    let discipline_label = tr_args(
        language,
        "participants.discipline_of",
        &[("number", number)],
    );
    let width = (ui.available_width() - 48.0).clamp(120.0, 320.0);
    let field = TextField::ParticipantDiscipline(id);
    widgets::edit_text(ui, case, field, commands, |text| {
        egui::TextEdit::singleline(text)
            .hint_text(t("participants.discipline_hint"))
            .desired_width(width)
    })
    .accessible_name(discipline_label);
    let suggestions = tr_args(language, "participants.suggestions", &[("number", number)]);
    ui.menu_button("⏷", |ui| {
        for discipline in &method.disciplines {
            if ui.button(discipline.get(language)).clicked() {
                let text = discipline.get(language).to_owned();
                commands.push(CaseEdit::SetText(field, text).into());
                ui.close();
            }
        }
    })
    .response
    .on_hover_text(&suggestions)
    .accessible_name(suggestions);
}
