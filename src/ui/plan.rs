//! The intervention plan: every option from phase 2 per level, and for a chosen one who
//! does what by when and why; signals to the organisation; what the plan still lacks.

use egui::RichText;

use super::entries::{self, participant_label};
use super::phase::{card_context, decision_buttons_ui};
use super::{Command, DateSlot, Document, widgets};
use crate::export::plan::{level_name, status_key, warning_text};
use crate::i18n::{Language, tr, tr_args};
use crate::method::Method;
use crate::model::{Decision, InterventionOption, Level, Owner, Participant, PlanStatus, Signal};

/// Returns whether any text was edited in place.
pub fn plan_ui(
    ui: &mut egui::Ui,
    language: Language,
    method: &Method,
    doc: &mut Document,
    commands: &mut Vec<Command>,
) -> bool {
    let t = |key| tr(language, key);
    widgets::step_header_ui(
        ui,
        language,
        t("plan.title"),
        t("plan.question"),
        t("plan.assignment"),
        0,
    );
    warnings_ui(ui, language, method, doc);
    ui.add_space(6.0);
    let mut edited = false;
    let Document { case, view, .. } = doc;
    let participants = case.participants.clone();
    for level in Level::ALL {
        super::style::level_frame(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(level_name(method, language, level))
                    .size(19.0)
                    .strong(),
            );
            let mut number = 0;
            for option in case.options.iter_mut().filter(|o| o.level == level) {
                number += 1;
                let cx = card_context(
                    language,
                    method,
                    &participants,
                    "item.option_name",
                    number,
                    level,
                );
                super::style::card_frame(ui).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    entries::entry_summary_ui(ui, &cx, &option.entry);
                    decision_buttons_ui(ui, language, &cx.name, option, commands);
                    edited |= match option.decision {
                        Decision::Chosen => chosen_ui(
                            ui,
                            language,
                            &participants,
                            &cx.name,
                            option,
                            &mut view.dates,
                        ),
                        Decision::Rejected => reason_ui(ui, language, &cx.name, option),
                        Decision::Open => false,
                    };
                    edited |= signal_ui(ui, language, &cx.name, &mut option.entry.signal);
                });
                ui.add_space(4.0);
            }
            if number == 0 {
                ui.label(RichText::new(t("level.no_options_yet")).weak().italics());
            }
        });
        ui.add_space(8.0);
    }
    edited |= note_signals_ui(ui, language, method, case);
    edited
}

/// What the plan lacks, as warnings that never block.
fn warnings_ui(ui: &mut egui::Ui, language: Language, method: &Method, doc: &Document) {
    let warnings = doc.case.plan_warnings();
    if warnings.is_empty() {
        ui.label(
            RichText::new(tr(language, "plan.complete"))
                .color(super::style::chosen_color(ui.visuals())),
        );
        return;
    }
    super::style::warning_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(tr(language, "plan.warnings")).strong());
        for warning in warnings {
            ui.label(format!(
                "⚠ {}",
                warning_text(&doc.case, method, language, warning)
            ));
        }
    });
}

/// Why not: the reason for rejecting an option.
fn reason_ui(
    ui: &mut egui::Ui,
    language: Language,
    name: &str,
    option: &mut InterventionOption,
) -> bool {
    let label = tr_args(language, "decision.reason_of", &[("what", name)]);
    ui.add(
        egui::TextEdit::multiline(&mut option.decision_reason)
            .desired_rows(1)
            .desired_width(f32::INFINITY)
            .hint_text(tr(language, "decision.why_rejected")),
    )
    .accessible_name(label)
    .changed()
}

/// The plan fields of a chosen intervention, in two columns when there is room.
fn chosen_ui(
    ui: &mut egui::Ui,
    language: Language,
    participants: &[Participant],
    name: &str,
    option: &mut InterventionOption,
    dates: &mut std::collections::HashMap<DateSlot, widgets::DateText>,
) -> bool {
    let t = |key| tr(language, key);
    let of = |key: &str| format!("{} — {name}", tr(language, key));
    let mut edited = false;
    let id = option.id;
    let plan = &mut option.plan;
    let why = |ui: &mut egui::Ui, reason: &mut String, alternatives: &mut String| {
        let mut edited = false;
        edited |= text_field(
            ui,
            t("plan.justification"),
            &of("plan.justification"),
            t("decision.why_chosen"),
            2,
            reason,
        );
        edited |= text_field(
            ui,
            t("plan.alternatives"),
            &of("plan.alternatives"),
            t("plan.alternatives_hint"),
            2,
            alternatives,
        );
        edited
    };
    let who = |ui: &mut egui::Ui, plan: &mut crate::model::PlanDetails| {
        let mut edited = false;
        edited |= owner_ui(
            ui,
            language,
            participants,
            t("plan.owner"),
            &of("plan.owner"),
            &mut plan.owner,
        );
        edited |= owner_ui(
            ui,
            language,
            participants,
            t("plan.co_owner"),
            &of("plan.co_owner"),
            &mut plan.co_owner,
        );
        edited |= text_field(
            ui,
            t("plan.first_step"),
            &of("plan.first_step"),
            t("plan.first_step_hint"),
            1,
            &mut plan.first_step,
        );
        edited
    };
    let mut when = |ui: &mut egui::Ui, plan: &mut crate::model::PlanDetails| {
        let mut edited = false;
        ui.horizontal_wrapped(|ui| {
            ui.vertical(|ui| {
                let state = dates.entry(DateSlot::Deadline(id)).or_default();
                edited |= widgets::date_ui(
                    ui,
                    language,
                    t("plan.deadline"),
                    &of("plan.deadline"),
                    state,
                    &mut plan.deadline,
                );
            });
            ui.add_space(12.0);
            ui.vertical(|ui| {
                let state = dates.entry(DateSlot::FollowUp(id)).or_default();
                edited |= widgets::date_ui(
                    ui,
                    language,
                    t("plan.follow_up"),
                    &of("plan.follow_up"),
                    state,
                    &mut plan.follow_up,
                );
            });
            ui.add_space(12.0);
            ui.vertical(|ui| {
                edited |= status_ui(ui, language, &of("plan.status"), id, &mut plan.status);
            });
        });
        edited
    };
    if ui.available_width() >= 760.0 {
        widgets::columns_ui(ui, 2, |i, ui| {
            if i == 0 {
                edited |= why(ui, &mut option.decision_reason, &mut plan.alternatives);
            } else {
                edited |= who(ui, plan);
            }
        });
    } else {
        edited |= why(ui, &mut option.decision_reason, &mut plan.alternatives);
        edited |= who(ui, plan);
    }
    edited |= when(ui, plan);
    edited
}

fn text_field(
    ui: &mut egui::Ui,
    label: &str,
    accessible_name: &str,
    hint: &str,
    rows: usize,
    text: &mut String,
) -> bool {
    ui.label(RichText::new(label).strong());
    let edit = if rows > 1 {
        egui::TextEdit::multiline(text).desired_rows(rows)
    } else {
        egui::TextEdit::singleline(text)
    };
    ui.add(edit.desired_width(f32::INFINITY).hint_text(hint))
        .accessible_name(accessible_name)
        .changed()
}

/// A participant, or an organisation typed in, or nobody yet.
fn owner_ui(
    ui: &mut egui::Ui,
    language: Language,
    participants: &[Participant],
    label: &str,
    accessible_name: &str,
    owner: &mut Owner,
) -> bool {
    let t = |key| tr(language, key);
    let mut edited = false;
    ui.label(RichText::new(label).strong());
    let current = match owner {
        Owner::Nobody => t("plan.owner.nobody").to_owned(),
        Owner::Participant(id) => participants
            .iter()
            .find(|p| p.id == *id)
            .map(|p| participant_label(language, p))
            .unwrap_or_else(|| t("plan.owner.nobody").to_owned()),
        Owner::Named(_) => t("plan.owner.other").to_owned(),
    };
    let combo = egui::ComboBox::from_id_salt(("owner", accessible_name))
        .selected_text(current)
        .width(ui.available_width().min(320.0))
        .show_ui(ui, |ui| {
            let mut choices = vec![(
                matches!(owner, Owner::Nobody),
                t("plan.owner.nobody").to_owned(),
                Owner::Nobody,
            )];
            for p in participants {
                let selected = *owner == Owner::Participant(p.id);
                choices.push((
                    selected,
                    participant_label(language, p),
                    Owner::Participant(p.id),
                ));
            }
            choices.push((
                matches!(owner, Owner::Named(_)),
                t("plan.owner.other").to_owned(),
                Owner::Named(String::new()),
            ));
            for (selected, text, new) in choices {
                if ui.selectable_label(selected, text).clicked() && !selected {
                    *owner = new;
                    edited = true;
                }
            }
        });
    combo.response.accessible_name(accessible_name);
    if let Owner::Named(name) = owner {
        let field_name = tr_args(
            language,
            "plan.owner.other_of",
            &[("what", accessible_name)],
        );
        edited |= ui
            .add(
                egui::TextEdit::singleline(name)
                    .desired_width(f32::INFINITY)
                    .hint_text(t("plan.owner.other_hint")),
            )
            .accessible_name(field_name)
            .changed();
    }
    edited
}

fn status_ui(
    ui: &mut egui::Ui,
    language: Language,
    accessible_name: &str,
    id: crate::model::ItemId,
    status: &mut PlanStatus,
) -> bool {
    let mut edited = false;
    ui.label(RichText::new(tr(language, "plan.status")).strong());
    egui::ComboBox::from_id_salt(("status", id))
        .selected_text(tr(language, status_key(*status)))
        .show_ui(ui, |ui| {
            for option in PlanStatus::ALL {
                if ui
                    .selectable_label(*status == option, tr(language, status_key(option)))
                    .clicked()
                    && *status != option
                {
                    *status = option;
                    edited = true;
                }
            }
        })
        .response
        .accessible_name(accessible_name);
    edited
}

/// "Pass on as a signal", and when on: to whom and what should change.
fn signal_ui(
    ui: &mut egui::Ui,
    language: Language,
    name: &str,
    signal: &mut Option<Signal>,
) -> bool {
    let t = |key| tr(language, key);
    let mut edited = false;
    let mut on = signal.is_some();
    let toggle_name = tr_args(language, "signal.toggle_of", &[("what", name)]);
    if ui
        .checkbox(&mut on, t("signal.toggle"))
        .on_hover_text(t("signal.toggle_hint"))
        .accessible_name(toggle_name)
        .changed()
    {
        *signal = on.then(Signal::default);
        edited = true;
    }
    if let Some(signal) = signal {
        edited |= signal_fields_ui(ui, language, name, signal);
    }
    edited
}

fn signal_fields_ui(
    ui: &mut egui::Ui,
    language: Language,
    name: &str,
    signal: &mut Signal,
) -> bool {
    let t = |key| tr(language, key);
    let of = |key: &str| format!("{} — {name}", tr(language, key));
    let mut edited = false;
    ui.indent(("signal", name), |ui| {
        edited |= text_field(
            ui,
            t("signal.to"),
            &of("signal.to"),
            t("signal.to_hint"),
            1,
            &mut signal.to,
        );
        edited |= text_field(
            ui,
            t("signal.change"),
            &of("signal.change"),
            t("signal.change_hint"),
            2,
            &mut signal.change,
        );
    });
    edited
}

/// Notes from the phases that the group marked as signals, with their addressee.
fn note_signals_ui(
    ui: &mut egui::Ui,
    language: Language,
    method: &Method,
    case: &mut crate::model::Case,
) -> bool {
    let t = |key| tr(language, key);
    let mut edited = false;
    super::style::level_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(t("plan.note_signals")).size(19.0).strong());
        ui.label(RichText::new(t("plan.note_signals_hint")).weak());
        let participants = case.participants.clone();
        let mut any = false;
        for note in case.notes.iter_mut() {
            let summary = note.entry.clone();
            let Some(signal) = note.entry.signal.as_mut() else {
                continue;
            };
            any = true;
            let name = tr_args(
                language,
                "item.note_signal_name",
                &[
                    ("phase", &note.phase.number().to_string()),
                    ("level", &note.level.number().to_string()),
                ],
            );
            let cx = entries::CardContext {
                language,
                method,
                participants: &participants,
                name: name.clone(),
            };
            super::style::card_frame(ui).show(ui, |ui| {
                ui.set_width(ui.available_width());
                entries::entry_summary_ui(ui, &cx, &summary);
                edited |= signal_fields_ui(ui, language, &name, signal);
            });
        }
        if !any {
            ui.label(RichText::new(t("plan.no_note_signals")).weak().italics());
        }
    });
    edited
}
