//! The closing: how the attention was spread over the levels, what was chosen, and the
//! reflection of the group and of a student.

use egui::RichText;

use super::{CaseView, Command, widgets};
use crate::i18n::{Language, tr, tr_args, tr_count};
use crate::method::Method;
use crate::model::{Case, Decision, ItemId, Level, ReflectionPart, TextField};

pub fn closing_ui(
    ui: &mut egui::Ui,
    language: Language,
    method: &Method,
    case: &Case,
    view: &mut CaseView,
    commands: &mut Vec<Command>,
) {
    let step = &method.closing;
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
    super::follow_up::invitation_ui(ui, language, case, commands);

    let left = |ui: &mut egui::Ui| {
        balance_ui(ui, language, method, case);
        ui.add_space(8.0);
        time_ui(ui, language, method, case);
        chosen_ui(ui, language, method, case);
    };
    if ui.available_width() >= 900.0 {
        widgets::columns_ui(ui, 2, |i, ui| {
            if i == 0 {
                left(ui);
            } else {
                reflection_ui(ui, language, case, view, commands);
            }
        });
    } else {
        left(ui);
        ui.add_space(8.0);
        reflection_ui(ui, language, case, view, commands);
    }
}

/// The group's reflection, and each student's own in the steps of Gibbs' cycle.
fn reflection_ui(
    ui: &mut egui::Ui,
    language: Language,
    case: &Case,
    view: &mut CaseView,
    commands: &mut Vec<Command>,
) {
    let t = |key| tr(language, key);
    super::style::level_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(t("closing.group")).size(19.0).strong());
        let mut field = |ui: &mut egui::Ui, field: TextField, key: &str| {
            widgets::labelled_text(ui, case, field, (tr(language, key), ""), 2, commands);
        };
        field(ui, TextField::NeglectedLevel, "closing.neglected");
        field(ui, TextField::Lessons, "closing.lessons");
        field(ui, TextField::Takeaway, "closing.takeaway");
        ui.add_space(6.0);
        // Always shown: a collapsing header inside a framed column widens the frame.
        ui.label(RichText::new(t("closing.reflection")).size(19.0).strong());
        ui.label(RichText::new(t("closing.reflection_hint")).weak());
        let student = student_ui(ui, language, case, view);
        for part in ReflectionPart::ALL {
            let field = TextField::Reflection(student, part);
            widgets::labelled_text(ui, case, field, (t(part.label_key()), ""), 2, commands);
        }
    });
}

/// Whose reflection is shown: each participant, and the one without a name when a file
/// from before reflections per student has one. Returns the choice.
fn student_ui(
    ui: &mut egui::Ui,
    language: Language,
    case: &Case,
    view: &mut CaseView,
) -> Option<ItemId> {
    let unnamed = !case.closing.reflection.is_empty();
    let valid = |choice: Option<ItemId>| match choice {
        Some(id) => case.participant(id).is_some(),
        None => unnamed || case.participants.is_empty(),
    };
    if !valid(view.reflection_of) {
        view.reflection_of = case.participants.first().map(|p| p.id);
    }
    if case.participants.is_empty() {
        return None;
    }
    let label = tr(language, "reflection.of");
    let shown = |choice: Option<ItemId>| match choice {
        Some(id) => student_name(language, case, id),
        None => tr(language, "reflection.unnamed").to_owned(),
    };
    ui.horizontal(|ui| {
        let label_response = ui.label(label);
        egui::ComboBox::from_id_salt("reflection_of")
            .selected_text(shown(view.reflection_of))
            .show_ui(ui, |ui| {
                let mut choices: Vec<Option<ItemId>> =
                    case.participants.iter().map(|p| Some(p.id)).collect();
                if unnamed {
                    choices.push(None);
                }
                for choice in choices {
                    ui.selectable_value(&mut view.reflection_of, choice, shown(choice));
                }
            })
            .response
            .labelled_by(label_response.id);
    });
    view.reflection_of
}

/// A participant's name, or "Deelnemer 2" when the name is not filled in.
pub fn student_name(language: Language, case: &Case, id: ItemId) -> String {
    let position = case.participants.iter().position(|p| p.id == id);
    match position.map(|i| (i, &case.participants[i])) {
        Some((_, p)) if !p.name.trim().is_empty() => p.name.trim().to_owned(),
        Some((i, _)) => tr_args(
            language,
            "reflection.participant_n",
            &[("n", &(i + 1).to_string())],
        ),
        None => String::new(),
    }
}

/// The time each step took, and per level in a phase, when the timer ran.
fn time_ui(ui: &mut egui::Ui, language: Language, method: &Method, case: &Case) {
    let lines = crate::export::meeting::time_lines(case, method, language);
    if lines.is_empty() {
        return;
    }
    super::style::level_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(
            RichText::new(tr(language, "closing.time"))
                .size(19.0)
                .strong(),
        );
        for line in lines {
            ui.label(line);
        }
    });
    ui.add_space(8.0);
}

/// Contributions per level as bars, and the level that got the least.
fn balance_ui(ui: &mut egui::Ui, language: Language, method: &Method, case: &Case) {
    let counts = case.items_per_level();
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    super::style::level_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(
            RichText::new(tr(language, "closing.balance"))
                .size(19.0)
                .strong(),
        );
        for level in Level::ALL {
            let count = counts[level.index()];
            let label = tr_count(
                language,
                "closing.balance_row",
                count,
                &[
                    ("number", &level.number().to_string()),
                    ("title", method.level(level).title.get(language)),
                ],
            );
            ui.label(&label);
            let bar = egui::ProgressBar::new(count as f32 / max as f32)
                .desired_height(10.0)
                .desired_width(ui.available_width());
            ui.add(bar).accessible_name(label);
        }
        match case.least_attended_level() {
            Some(level) => ui.label(
                RichText::new(tr_args(
                    language,
                    "closing.least",
                    &[
                        ("number", &level.number().to_string()),
                        ("title", method.level(level).title.get(language)),
                    ],
                ))
                .color(ui.visuals().warn_fg_color),
            ),
            None => ui.label(RichText::new(tr(language, "closing.balanced")).weak()),
        };
    });
}

/// What the group chose on each level, as a summary to read out before closing.
fn chosen_ui(ui: &mut egui::Ui, language: Language, method: &Method, case: &Case) {
    super::style::level_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(
            RichText::new(tr(language, "closing.chosen"))
                .size(19.0)
                .strong(),
        );
        for level in Level::ALL {
            ui.label(
                RichText::new(tr_args(
                    language,
                    "level.heading",
                    &[
                        ("number", &level.number().to_string()),
                        ("title", method.level(level).title.get(language)),
                    ],
                ))
                .strong(),
            );
            let chosen: Vec<_> = case
                .options_in(level)
                .filter(|o| o.decision == Decision::Chosen)
                .collect();
            if chosen.is_empty() {
                ui.label(
                    RichText::new(tr(language, "closing.nothing_chosen"))
                        .weak()
                        .italics(),
                );
            }
            for option in chosen {
                ui.horizontal_top(|ui| {
                    ui.label("✔");
                    ui.vertical(|ui| {
                        ui.add(egui::Label::new(&option.entry.text).wrap());
                        if !option.decision_reason.trim().is_empty() {
                            ui.add(
                                egui::Label::new(RichText::new(&option.decision_reason).weak())
                                    .wrap(),
                            );
                        }
                    });
                });
            }
        }
    });
}
