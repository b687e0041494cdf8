//! The silent round before choosing (phase 3): each participant in turn, on the one
//! laptop, writes their own choice per level with a reason and how sure they are. What
//! one wrote is hidden from the next; the reveal shows the spread as the start of the
//! group's discussion.

use egui::RichText;

use super::actions::{self, Action};
use super::entries::participant_label;
use super::modal::Reply;
use super::{Command, widgets};
use crate::i18n::{Language, tr, tr_args, tr_count};
use crate::method::Method;
use crate::model::{Case, CaseEdit, ItemId, Level, SilentChoice, SilentEntry};

/// The form of the participant whose turn it is. Nothing of the others is in it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SilentForm {
    pub participant: Option<ItemId>,
    pub choices: [FormChoice; 3],
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormChoice {
    pub option: Option<ItemId>,
    pub reason: String,
    /// How sure, 0 to 10, when the participant wants to say.
    pub certainty: Option<u8>,
}

impl SilentForm {
    /// A fresh form for the first participant who has not chosen yet.
    pub fn next(case: &Case) -> SilentForm {
        let done = |id: ItemId| {
            case.meeting
                .silent_round
                .as_ref()
                .is_some_and(|r| r.has_entry(id))
        };
        SilentForm {
            participant: case.participants.iter().map(|p| p.id).find(|id| !done(*id)),
            choices: Default::default(),
        }
    }

    fn entry(&self) -> Option<SilentEntry> {
        let participant = self.participant?;
        let choices = Level::ALL
            .into_iter()
            .map(|level| {
                let choice = &self.choices[level.index()];
                SilentChoice {
                    level,
                    option: choice.option,
                    reason: choice.reason.trim().to_owned(),
                    certainty: choice.certainty,
                }
            })
            .collect();
        Some(SilentEntry {
            participant,
            choices,
        })
    }
}

/// The dialog in which one participant after another records their choice.
pub fn silent_round_ui(
    ctx: &egui::Context,
    language: Language,
    method: &Method,
    case: &Case,
    form: &mut SilentForm,
) -> Reply {
    let t = |key| tr(language, key);
    let mut reply = Reply::Wait;
    let modal = egui::Modal::new(egui::Id::unique("silent_round")).show(ctx, |ui| {
        ui.set_max_width(760.0);
        ui.heading(t("silent.title"));
        ui.label(t("silent.explain"));
        progress_ui(ui, language, case);
        ui.separator();
        who_ui(ui, language, case, form);
        egui::ScrollArea::vertical()
            .max_height(ctx.content_rect().height() * 0.55)
            .show(ui, |ui| {
                for level in Level::ALL {
                    level_choice_ui(
                        ui,
                        language,
                        method,
                        case,
                        level,
                        &mut form.choices[level.index()],
                    );
                }
            });
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            let ready = form.participant.is_some();
            if ui
                .add_enabled(ready, egui::Button::new(t("silent.save")))
                .clicked()
                && let Some(entry) = form.entry()
            {
                // The next participant sees a clean form, not what was just written.
                let mut after = case.clone();
                CaseEdit::AddSilentEntry(entry.clone()).apply(&mut after);
                *form = SilentForm::next(&after);
                reply = Reply::Do(CaseEdit::AddSilentEntry(entry).into());
            }
            let any = case
                .meeting
                .silent_round
                .as_ref()
                .is_some_and(|r| !r.entries.is_empty());
            if ui
                .add_enabled(any, egui::Button::new(t("silent.reveal")))
                .clicked()
            {
                reply = Reply::CloseThen(CaseEdit::RevealSilentRound.into());
            }
            if ui.button(t("dialog.close")).clicked() {
                reply = Reply::Close;
            }
        });
    });
    if modal.should_close() && matches!(reply, Reply::Wait) {
        reply = Reply::Close;
    }
    reply
}

/// Who has chosen already (names only, never what they chose).
fn progress_ui(ui: &mut egui::Ui, language: Language, case: &Case) {
    let round = case.meeting.silent_round.as_ref();
    let done: Vec<String> = case
        .participants
        .iter()
        .filter(|p| round.is_some_and(|r| r.has_entry(p.id)))
        .map(|p| participant_label(language, p))
        .collect();
    let text = tr_count(
        language,
        "silent.progress",
        done.len(),
        &[("total", &case.participants.len().to_string())],
    );
    ui.label(RichText::new(text).strong());
    if !done.is_empty() {
        ui.label(RichText::new(format!("✔ {}", done.join(", "))).weak());
    }
}

fn who_ui(ui: &mut egui::Ui, language: Language, case: &Case, form: &mut SilentForm) {
    let label = ui.label(RichText::new(tr(language, "silent.who")).strong());
    let current = form
        .participant
        .and_then(|id| case.participant(id))
        .map(|p| participant_label(language, p))
        .unwrap_or_else(|| tr(language, "silent.nobody_left").to_owned());
    egui::ComboBox::from_id_salt("silent_who")
        .selected_text(RichText::new(current).size(20.0))
        .show_ui(ui, |ui| {
            for p in &case.participants {
                let selected = form.participant == Some(p.id);
                if ui
                    .selectable_label(selected, participant_label(language, p))
                    .clicked()
                    && !selected
                {
                    // Another person: a clean form.
                    *form = SilentForm {
                        participant: Some(p.id),
                        choices: Default::default(),
                    };
                }
            }
        })
        .response
        .labelled_by(label.id);
}

/// One level: its options (or none of them), why, and how sure.
fn level_choice_ui(
    ui: &mut egui::Ui,
    language: Language,
    method: &Method,
    case: &Case,
    level: Level,
    choice: &mut FormChoice,
) {
    let n = level.number().to_string();
    let title = method.level(level).title.get(language);
    ui.label(
        RichText::new(tr_args(
            language,
            "level.heading",
            &[("number", &n), ("title", title)],
        ))
        .strong(),
    );
    ui.push_id(("silent", level.index()), |ui| {
        for option in case.options_in(level) {
            ui.radio_value(&mut choice.option, Some(option.id), &option.entry.text);
        }
        ui.radio_value(&mut choice.option, None, tr(language, "silent.none"));
        let reason_name = tr_args(language, "silent.reason_of", &[("number", &n)]);
        ui.add(
            egui::TextEdit::singleline(&mut choice.reason)
                .char_limit(widgets::MAX_TEXT_CHARS)
                .desired_width(f32::INFINITY)
                .hint_text(tr(language, "silent.reason_hint")),
        )
        .accessible_name(reason_name);
        ui.horizontal(|ui| {
            let mut says = choice.certainty.is_some();
            let name = tr_args(language, "silent.certainty_of", &[("number", &n)]);
            if ui
                .checkbox(&mut says, tr(language, "silent.certainty"))
                .accessible_name(&name)
                .changed()
            {
                choice.certainty = says.then_some(5);
            }
            if let Some(value) = &mut choice.certainty {
                ui.add(egui::Slider::new(value, 0..=10))
                    .accessible_name(name);
            }
        });
    });
    ui.add_space(6.0);
}

/// Phase 3, above the levels: start or continue the silent round, or its outcome.
pub fn silent_summary_ui(
    ui: &mut egui::Ui,
    language: Language,
    method: &Method,
    case: &Case,
    commands: &mut Vec<Command>,
) {
    let t = |key| tr(language, key);
    let hint = actions::hint(ui.ctx(), language, Action::SilentRound);
    match &case.meeting.silent_round {
        Some(round) if round.revealed => {
            egui::CollapsingHeader::new(RichText::new(t("silent.outcome")).strong())
                .id_salt("silent_outcome")
                .default_open(true)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("silent_outcome_scroll")
                        .max_height(220.0)
                        .show(ui, |ui| reveal_ui(ui, language, method, case));
                    if ui.button(t("silent.again")).clicked() {
                        commands.push(CaseEdit::ClearSilentRound.into());
                    }
                });
        }
        Some(round) => {
            ui.horizontal_wrapped(|ui| {
                let text = tr_count(
                    language,
                    "silent.progress",
                    round.entries.len(),
                    &[("total", &case.participants.len().to_string())],
                );
                ui.label(text);
                if ui
                    .button(t("silent.continue"))
                    .on_hover_text(&hint)
                    .clicked()
                {
                    commands.push(Action::SilentRound.into());
                }
                if ui.button(t("silent.reveal")).clicked() {
                    commands.push(CaseEdit::RevealSilentRound.into());
                }
            });
        }
        None => {
            ui.horizontal_wrapped(|ui| {
                let enabled = !case.participants.is_empty() && !case.options.is_empty();
                if ui
                    .add_enabled(enabled, egui::Button::new(t("action.silent_round")))
                    .on_hover_text(&hint)
                    .clicked()
                {
                    commands.push(Action::SilentRound.into());
                }
                ui.label(RichText::new(t("silent.why")).weak());
            });
        }
    }
}

/// Who chose what: per level, each option with how many chose it and their reasons.
pub fn reveal_ui(ui: &mut egui::Ui, language: Language, method: &Method, case: &Case) {
    let Some(round) = &case.meeting.silent_round else {
        return;
    };
    let total = round.entries.len().max(1);
    for spread in round.spread(case) {
        let n = spread.level.number().to_string();
        let title = method.level(spread.level).title.get(language);
        ui.label(
            RichText::new(tr_args(
                language,
                "level.heading",
                &[("number", &n), ("title", title)],
            ))
            .strong(),
        );
        for (option, votes) in spread.votes {
            if votes.is_empty() && option.is_none() {
                continue;
            }
            let text = match option.and_then(|id| case.option(id)) {
                Some(o) => o.entry.text.clone(),
                None => tr(language, "silent.none").to_owned(),
            };
            let share = votes.len() as f32 / total as f32;
            let count = tr_count(language, "silent.votes", votes.len(), &[]);
            ui.horizontal_wrapped(|ui| {
                ui.add(
                    egui::ProgressBar::new(share)
                        .desired_width(80.0)
                        .desired_height(10.0),
                )
                .accessible_name(format!("{text}: {count}"));
                ui.label(RichText::new(&count).strong());
                ui.label(text);
            });
            for (who, reason, certainty) in votes {
                let name = case
                    .participant(who)
                    .map(|p| participant_label(language, p))
                    .unwrap_or_default();
                let sure = certainty
                    .map(|c| tr_args(language, "silent.sure", &[("value", &c.to_string())]))
                    .unwrap_or_default();
                ui.label(RichText::new(format!("    {name}{sure}: {reason}")).weak());
            }
        }
    }
}
