//! The intervention plan: every option from phase 2 per level, and for a chosen one who
//! does what by when and why; signals to the organisation; what the plan still lacks.

use egui::RichText;

use super::entries::{self, participant_label};
use super::phase::option_cards_ui;
use super::{CaseView, Command, widgets};
use crate::export::plan::{level_name, status_key, warning_text};
use crate::i18n::{Language, tr, tr_args};
use crate::method::Method;
use crate::model::{
    Case, CaseEdit, DateField, Decision, InterventionOption, ItemId, Level, Owner, OwnerSlot,
    Participant, PlanStatus, TextField,
};

pub fn plan_ui(
    ui: &mut egui::Ui,
    language: Language,
    method: &Method,
    case: &Case,
    view: &mut CaseView,
    commands: &mut Vec<Command>,
) {
    let focus = widgets::focused_rect(ui);
    let t = |key| tr(language, key);
    widgets::step_header_ui(
        ui,
        language,
        t("plan.title"),
        t("plan.question"),
        t("plan.assignment"),
        0,
    );
    warnings_ui(ui, language, method, case);
    ui.add_space(6.0);
    for level in Level::ALL {
        super::style::level_frame(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(level_name(method, language, level))
                    .size(19.0)
                    .strong(),
            );
            let mut list = widgets::CardList::new(&mut view.card_heights, focus);
            let dates = &mut view.dates;
            let stage = crate::model::Stage::Plan;
            let shared = (language, method, case);
            option_cards_ui(
                ui,
                shared,
                level,
                stage,
                &mut list,
                commands,
                |ui, cx, option, commands| {
                    let form = Form {
                        language,
                        method,
                        case,
                        name: &cx.name,
                    };
                    match option.decision {
                        Decision::Chosen => chosen_ui(ui, &form, option, dates, commands),
                        Decision::Rejected => reason_ui(ui, &form, option.id, commands),
                        Decision::Open => {}
                    }
                    signal_ui(ui, &form, option.id, commands);
                },
            );
        });
        ui.add_space(8.0);
    }
    note_signals_ui(ui, language, method, case, commands);
    ui.add_space(8.0);
    super::letter::report_ui(ui, language, case, view, commands);
    ui.add_space(8.0);
    super::letter::letter_ui(ui, language, method, case, commands);
}

/// What the fields of one intervention share: the language, the case, and the name
/// that screen readers hear with each field ("Owner — Option 1, level 2").
pub(super) struct Form<'a> {
    pub language: Language,
    pub method: &'a Method,
    pub case: &'a Case,
    pub name: &'a str,
}

impl Form<'_> {
    fn of(&self, key: &str) -> String {
        format!("{} — {}", tr(self.language, key), self.name)
    }
}

/// What the plan lacks, as warnings that never block.
fn warnings_ui(ui: &mut egui::Ui, language: Language, method: &Method, case: &Case) {
    let warnings = case.plan_warnings();
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
                warning_text(case, method, language, warning)
            ));
        }
    });
}

/// Why not: the reason for rejecting an option.
fn reason_ui(ui: &mut egui::Ui, form: &Form<'_>, id: ItemId, commands: &mut Vec<Command>) {
    let label = tr_args(form.language, "decision.reason_of", &[("what", form.name)]);
    let hint = tr(form.language, "decision.why_rejected");
    widgets::edit_text(
        ui,
        form.case,
        TextField::DecisionReason(id),
        commands,
        |text| {
            egui::TextEdit::multiline(text)
                .desired_rows(1)
                .desired_width(f32::INFINITY)
                .hint_text(hint)
        },
    )
    .accessible_name(label);
}

/// The plan fields of a chosen intervention, in two columns when there is room.
pub(super) fn chosen_ui(
    ui: &mut egui::Ui,
    form: &Form<'_>,
    option: &InterventionOption,
    dates: &mut std::collections::HashMap<DateField, widgets::DateText>,
    commands: &mut Vec<Command>,
) {
    let id = option.id;
    let why = |ui: &mut egui::Ui, commands: &mut Vec<Command>| {
        let reason = ("plan.justification", "decision.why_chosen");
        text_field(ui, form, TextField::DecisionReason(id), reason, 2, commands);
        let alternatives = ("plan.alternatives", "plan.alternatives_hint");
        text_field(
            ui,
            form,
            TextField::Alternatives(id),
            alternatives,
            2,
            commands,
        );
    };
    let who = |ui: &mut egui::Ui, commands: &mut Vec<Command>| {
        owner_ui(ui, form, option, OwnerSlot::Owner, commands);
        owner_ui(ui, form, option, OwnerSlot::CoOwner, commands);
        let first_step = ("plan.first_step", "plan.first_step_hint");
        text_field(ui, form, TextField::FirstStep(id), first_step, 1, commands);
    };
    if ui.available_width() >= 760.0 {
        widgets::columns_ui(ui, 2, |i, ui| {
            if i == 0 {
                why(ui, commands);
            } else {
                who(ui, commands);
            }
        });
    } else {
        why(ui, commands);
        who(ui, commands);
    }
    ui.horizontal_wrapped(|ui| {
        let fields = [
            (DateField::Deadline(id), "plan.deadline"),
            (DateField::FollowUp(id), "plan.follow_up"),
        ];
        for (field, key) in fields {
            ui.vertical(|ui| {
                let name = form.of(key);
                let label = (tr(form.language, key), name.as_str());
                widgets::date_ui(ui, form.language, label, field, form.case, dates, commands);
            });
            ui.add_space(12.0);
        }
        ui.vertical(|ui| status_ui(ui, form, option, commands));
    });
    let (language, method, case) = (form.language, form.method, form.case);
    super::letter::for_resident_ui(ui, language, method, case, (id, form.name), commands);
}

/// A label and a text field named after the intervention; `(label, hint)` are keys.
fn text_field(
    ui: &mut egui::Ui,
    form: &Form<'_>,
    field: TextField,
    (label, hint): (&str, &str),
    rows: usize,
    commands: &mut Vec<Command>,
) {
    ui.label(RichText::new(tr(form.language, label)).strong());
    let hint = tr(form.language, hint);
    widgets::edit_text(ui, form.case, field, commands, |text| {
        let edit = if rows > 1 {
            egui::TextEdit::multiline(text).desired_rows(rows)
        } else {
            egui::TextEdit::singleline(text)
        };
        edit.desired_width(f32::INFINITY).hint_text(hint)
    })
    .accessible_name(form.of(label));
}

/// A participant, or an organisation typed in, or nobody yet.
fn owner_ui(
    ui: &mut egui::Ui,
    form: &Form<'_>,
    option: &InterventionOption,
    slot: OwnerSlot,
    commands: &mut Vec<Command>,
) {
    let language = form.language;
    let t = |key| tr(language, key);
    let participants: &[Participant] = &form.case.participants;
    let (key, owner, name_field) = match slot {
        OwnerSlot::Owner => (
            "plan.owner",
            &option.plan.owner,
            TextField::OwnerName(option.id),
        ),
        OwnerSlot::CoOwner => (
            "plan.co_owner",
            &option.plan.co_owner,
            TextField::CoOwnerName(option.id),
        ),
    };
    let accessible_name = form.of(key);
    ui.label(RichText::new(t(key)).strong());
    let current = match owner {
        Owner::Nobody => t("plan.owner.nobody").to_owned(),
        Owner::Participant(id) => participants
            .iter()
            .find(|p| p.id == *id)
            .map(|p| participant_label(language, p))
            .unwrap_or_else(|| t("plan.owner.nobody").to_owned()),
        Owner::Named(_) => t("plan.owner.other").to_owned(),
    };
    let combo = egui::ComboBox::from_id_salt(("owner", &accessible_name))
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
                    commands.push(CaseEdit::SetOwner(option.id, slot, new).into());
                }
            }
        });
    combo.response.accessible_name(&accessible_name);
    if matches!(owner, Owner::Named(_)) {
        let field_name = tr_args(
            language,
            "plan.owner.other_of",
            &[("what", &accessible_name)],
        );
        widgets::edit_text(ui, form.case, name_field, commands, |text| {
            egui::TextEdit::singleline(text)
                .desired_width(f32::INFINITY)
                .hint_text(t("plan.owner.other_hint"))
        })
        .accessible_name(field_name);
    }
}

fn status_ui(
    ui: &mut egui::Ui,
    form: &Form<'_>,
    option: &InterventionOption,
    commands: &mut Vec<Command>,
) {
    let language = form.language;
    let status = option.plan.status;
    ui.label(RichText::new(tr(language, "plan.status")).strong());
    egui::ComboBox::from_id_salt(("status", option.id))
        .selected_text(tr(language, status_key(status)))
        .show_ui(ui, |ui| {
            for choice in PlanStatus::ALL {
                if ui
                    .selectable_label(status == choice, tr(language, status_key(choice)))
                    .clicked()
                    && status != choice
                {
                    commands.push(CaseEdit::SetStatus(option.id, choice).into());
                }
            }
        })
        .response
        .accessible_name(form.of("plan.status"));
}

/// "Pass on as a signal", and when on: to whom and what should change.
fn signal_ui(ui: &mut egui::Ui, form: &Form<'_>, id: ItemId, commands: &mut Vec<Command>) {
    let t = |key| tr(form.language, key);
    let signal = form.case.option(id).and_then(|o| o.entry.signal.as_ref());
    let mut on = signal.is_some();
    let toggle_name = tr_args(form.language, "signal.toggle_of", &[("what", form.name)]);
    if ui
        .checkbox(&mut on, t("signal.toggle"))
        .on_hover_text(t("signal.toggle_hint"))
        .accessible_name(toggle_name)
        .changed()
    {
        commands.push(CaseEdit::ToggleSignal(id).into());
    }
    if signal.is_some() {
        signal_fields_ui(ui, form, id, commands);
    }
}

fn signal_fields_ui(ui: &mut egui::Ui, form: &Form<'_>, id: ItemId, commands: &mut Vec<Command>) {
    ui.indent(("signal", form.name), |ui| {
        let to = ("signal.to", "signal.to_hint");
        text_field(ui, form, TextField::SignalTo(id), to, 1, commands);
        let change = ("signal.change", "signal.change_hint");
        text_field(ui, form, TextField::SignalChange(id), change, 2, commands);
    });
}

/// Notes from the phases that the group marked as signals, with their addressee.
fn note_signals_ui(
    ui: &mut egui::Ui,
    language: Language,
    method: &Method,
    case: &Case,
    commands: &mut Vec<Command>,
) {
    let t = |key| tr(language, key);
    super::style::level_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(t("plan.note_signals")).size(19.0).strong());
        ui.label(RichText::new(t("plan.note_signals_hint")).weak());
        let mut any = false;
        for note in case.notes.iter().filter(|n| n.entry.signal.is_some()) {
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
                participants: &case.participants,
                name: name.clone(),
            };
            super::style::card_frame(ui).show(ui, |ui| {
                ui.set_width(ui.available_width());
                entries::entry_summary_ui(ui, &cx, &note.entry);
                let form = Form {
                    language,
                    method,
                    case,
                    name: &name,
                };
                signal_fields_ui(ui, &form, note.id, commands);
            });
        }
        if !any {
            ui.label(RichText::new(t("plan.no_note_signals")).weak().italics());
        }
    });
}
