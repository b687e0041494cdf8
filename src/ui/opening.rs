//! The opening: the case, the case bringer's question, and who is at the table.

use egui::RichText;

use super::{Command, Document, move_buttons_ui, widgets};
use crate::i18n::{Language, tr, tr_args};
use crate::method::Method;
use crate::model::{Case, Participant};

/// Returns whether any text was edited in place.
pub fn opening_ui(
    ui: &mut egui::Ui,
    language: Language,
    method: &Method,
    doc: &mut Document,
    commands: &mut Vec<Command>,
) -> bool {
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

    let mut edited = false;
    let wide = ui.available_width() >= 900.0;
    if wide {
        widgets::columns_ui(ui, 2, |i, ui| {
            edited |= match i {
                0 => {
                    let mut edited = case_details_ui(ui, language, doc);
                    ui.add_space(8.0);
                    edited |= super::privacy::privacy_ui(ui, language, doc, commands);
                    edited
                }
                _ => participants_ui(ui, language, method, &mut doc.case, commands),
            };
        });
    } else {
        edited |= case_details_ui(ui, language, doc);
        ui.add_space(8.0);
        edited |= participants_ui(ui, language, method, &mut doc.case, commands);
        ui.add_space(8.0);
        edited |= super::privacy::privacy_ui(ui, language, doc, commands);
    }
    edited
}

fn case_details_ui(ui: &mut egui::Ui, language: Language, doc: &mut Document) -> bool {
    let t = |key| tr(language, key);
    let mut edited = false;
    super::style::level_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(t("case.section")).size(20.0).strong());
        let case = &mut doc.case;
        edited |=
            widgets::labelled_line(ui, t("case.title"), t("case.title_hint"), &mut case.title);
        edited |= widgets::labelled_text(
            ui,
            t("case.description"),
            t("case.description_hint"),
            4,
            &mut case.description,
        );
        edited |= widgets::labelled_text(
            ui,
            t("case.question"),
            t("case.question_hint"),
            2,
            &mut case.question,
        );
        edited |= meeting_date_ui(ui, language, doc);
        edited |= widgets::labelled_text(
            ui,
            t("case.opening_notes"),
            t("case.opening_notes_hint"),
            3,
            &mut doc.case.opening_notes,
        );
    });
    edited
}

/// The meeting date, through the shared date field.
fn meeting_date_ui(ui: &mut egui::Ui, language: Language, doc: &mut Document) -> bool {
    let label = tr(language, "case.date");
    let state = doc.view.dates.entry(super::DateSlot::Meeting).or_default();
    widgets::date_ui(
        ui,
        language,
        label,
        label,
        state,
        &mut doc.case.meeting_date,
    )
}

fn participants_ui(
    ui: &mut egui::Ui,
    language: Language,
    method: &Method,
    case: &mut Case,
    commands: &mut Vec<Command>,
) -> bool {
    let t = |key| tr(language, key);
    let mut edited = false;
    super::style::level_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(t("participants.section")).size(20.0).strong());
        if case.participants.is_empty() {
            ui.label(RichText::new(t("participants.none")).weak());
        }
        let count = case.participants.len();
        for (index, participant) in case.participants.iter_mut().enumerate() {
            ui.push_id(participant.id, |ui| {
                edited |= participant_ui(ui, language, method, index, count, participant, commands);
            });
        }
        ui.add_space(4.0);
        if ui.button(t("participants.add")).clicked() {
            commands.push(Command::AddParticipant);
        }
    });
    edited
}

fn participant_ui(
    ui: &mut egui::Ui,
    language: Language,
    method: &Method,
    index: usize,
    count: usize,
    participant: &mut Participant,
    commands: &mut Vec<Command>,
) -> bool {
    let t = |key| tr(language, key);
    let number = (index + 1).to_string();
    let mut edited = false;
    super::style::card_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.label(RichText::new(format!("{number}.")).strong());
            let name = tr_args(language, "participants.name_of", &[("number", &number)]);
            edited |= ui
                .add(
                    egui::TextEdit::singleline(&mut participant.name)
                        .hint_text(t("participants.name_hint"))
                        .desired_width((ui.available_width() - 150.0).max(120.0)),
                )
                .accessible_name(name)
                .changed();
            let what = tr_args(language, "participants.what", &[("number", &number)]);
            if index > 0 || count > 1 {
                move_buttons_ui(
                    ui,
                    language,
                    participant.id,
                    &what,
                    Command::MoveParticipant,
                    commands,
                );
            }
            let remove = tr_args(language, "participants.remove", &[("number", &number)]);
            if widgets::icon_button(ui, "🗑", &remove).clicked() {
                commands.push(Command::RemoveParticipant(participant.id));
            }
        });
        ui.horizontal_wrapped(|ui| {
            let role_label = tr_args(language, "participants.role_of", &[("number", &number)]);
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
                            participant.role = role.key.clone();
                            edited = true;
                        }
                    }
                });
            combo.response.accessible_name(role_label);
            let discipline_label = tr_args(
                language,
                "participants.discipline_of",
                &[("number", &number)],
            );
            edited |= ui
                .add(
                    egui::TextEdit::singleline(&mut participant.discipline)
                        .hint_text(t("participants.discipline_hint"))
                        .desired_width((ui.available_width() - 48.0).clamp(120.0, 320.0)),
                )
                .accessible_name(discipline_label)
                .changed();
            let suggestions = tr_args(language, "participants.suggestions", &[("number", &number)]);
            ui.menu_button("⏷", |ui| {
                for discipline in &method.disciplines {
                    if ui.button(discipline.get(language)).clicked() {
                        participant.discipline = discipline.get(language).to_owned();
                        edited = true;
                        ui.close();
                    }
                }
            })
            .response
            .on_hover_text(&suggestions)
            .accessible_name(suggestions);
        });
    });
    edited
}
