//! The presentation view for the projector: large type, high contrast, the current
//! step's question and assignment, the three levels with what was said, the speaker and
//! the timer. Always with pseudonyms. Shown in a second window (F5) or filling this one
//! (Shift+F5, Esc returns).

use egui::{Color32, RichText};

use super::entries::participant_label;
use super::meeting::{self, Timer};
use super::widgets;
use crate::i18n::{Language, tr, tr_args};
use crate::method::Method;
use crate::model::{Case, Decision, Level, Phase, Stage};

/// How much larger than the editing screen: readable from the back of the room. No text
/// in the view is smaller than 1.5× the editing screen's.
const SCALE: f32 = 1.6;

/// Everything the view shows, made once per frame by the app.
pub struct Presented<'a> {
    pub language: Language,
    pub method: &'a Method,
    /// The case with pseudonyms.
    pub case: &'a Case,
    pub timer: &'a Timer,
    pub now: std::time::Instant,
}

pub fn presentation_ui(ui: &mut egui::Ui, shown: &Presented<'_>) {
    let language = shown.language;
    let case = shown.case;
    let base = ui.style().text_styles[&egui::TextStyle::Body].size;
    let size = |factor: f32| base * SCALE * factor;
    egui::Frame::new()
        .fill(Color32::WHITE)
        .inner_margin(egui::Margin::same(16))
        .show(ui, |ui| {
            ui.set_min_size(ui.available_size());
            ui.visuals_mut().override_text_color = Some(Color32::BLACK);
            top_line_ui(ui, shown, size(0.95));
            let title = widgets::stage_title(language, shown.method, case.stage);
            ui.label(RichText::new(title).size(size(1.5)).strong());
            if let Some((question, assignment)) = step_texts(shown.method, language, case.stage) {
                ui.label(RichText::new(question).size(size(1.15)).strong());
                ui.label(RichText::new(assignment).size(size(0.95)));
            }
            if let Stage::Phase(phase) = case.stage {
                teacher_prompts_ui(ui, language, case, phase, size(0.95));
            }
            ui.add_space(10.0);
            match case.stage {
                Stage::Opening => {
                    ui.label(RichText::new(case.title.trim()).size(size(1.0)).strong());
                    ui.label(RichText::new(case.question.trim()).size(size(1.0)));
                }
                Stage::Phase(phase) => levels_ui(ui, shown, phase, size(1.0)),
                Stage::Plan | Stage::Closing | Stage::FollowUp(_) => {
                    chosen_ui(ui, shown, size(1.0))
                }
            }
        });
}

/// The teacher's own questions for this phase, for the whole class to read.
fn teacher_prompts_ui(ui: &mut egui::Ui, language: Language, case: &Case, phase: Phase, size: f32) {
    let prompts = case.teacher_prompts(phase);
    if prompts.is_empty() {
        return;
    }
    ui.add_space(6.0);
    let heading = tr(language, "template.teacher_prompts");
    ui.label(RichText::new(heading).size(size).strong());
    for prompt in prompts {
        ui.add(egui::Label::new(RichText::new(format!("• {prompt}")).size(size)).wrap());
    }
}

/// The speaker, the timer.
fn top_line_ui(ui: &mut egui::Ui, shown: &Presented<'_>, size: f32) {
    let language = shown.language;
    let case = shown.case;
    ui.horizontal_wrapped(|ui| {
        let (spent, _) = case.meeting.spent(case.stage);
        let elapsed = spent + shown.timer.pending(shown.now);
        let planned = u64::from(meeting::planned_minutes(case, shown.method, case.stage)) * 60;
        let text = if planned > 0 && elapsed >= planned {
            let over = meeting::clock_text(elapsed - planned);
            tr_args(language, "timer.over", &[("time", &over)])
        } else if planned > 0 {
            let left = meeting::clock_text(planned - elapsed);
            tr_args(language, "timer.left", &[("time", &left)])
        } else {
            meeting::clock_text(elapsed)
        };
        ui.label(RichText::new(format!("⏱ {text}")).size(size).monospace());
        if let Some(speaker) = case
            .meeting
            .open_round(case.stage)
            .and_then(|r| r.current())
            .and_then(|id| case.participant(id))
        {
            ui.separator();
            let name = participant_label(language, speaker);
            let text = tr_args(language, "present.speaker", &[("name", &name)]);
            ui.label(RichText::new(text).size(size).strong());
        }
    });
}

fn step_texts(method: &Method, language: Language, stage: Stage) -> Option<(String, String)> {
    let (q, a) = match stage {
        Stage::Opening => (&method.opening.main_question, &method.opening.assignment),
        Stage::Phase(p) => (&method.phase(p).main_question, &method.phase(p).assignment),
        Stage::Closing => (&method.closing.main_question, &method.closing.assignment),
        Stage::Plan => return None,
        Stage::FollowUp(_) => {
            return Some((
                tr(language, "follow_up.question").to_owned(),
                tr(language, "follow_up.assignment").to_owned(),
            ));
        }
    };
    Some((q.get(language).to_owned(), a.get(language).to_owned()))
}

/// The three levels side by side with what the group said on each.
fn levels_ui(ui: &mut egui::Ui, shown: &Presented<'_>, phase: Phase, size: f32) {
    let case = shown.case;
    widgets::columns_ui(ui, 3, |i, ui| {
        let level = Level::ALL[i];
        let title = shown.method.level(level).title.get(shown.language);
        let heading = tr_args(
            shown.language,
            "level.heading",
            &[("number", &level.number().to_string()), ("title", title)],
        );
        ui.label(RichText::new(heading).size(size * 1.1).strong());
        ui.separator();
        let texts: Vec<(String, bool)> = match phase {
            Phase::Understand => case
                .notes_in(phase, level)
                .map(|n| (n.entry.text.clone(), false))
                .collect(),
            _ => case
                .options_in(level)
                .map(|o| (o.entry.text.clone(), o.decision == Decision::Chosen))
                .chain(
                    case.notes_in(phase, level)
                        .map(|n| (n.entry.text.clone(), false)),
                )
                .collect(),
        };
        egui::ScrollArea::vertical()
            .id_salt(("present", i))
            .auto_shrink([false, false])
            .stick_to_bottom(true)
            .show(ui, |ui| {
                for (text, chosen) in texts {
                    let mark = if chosen { "✔ " } else { "• " };
                    ui.add(
                        egui::Label::new(RichText::new(format!("{mark}{text}")).size(size)).wrap(),
                    );
                }
            });
    });
}

/// What was chosen on each level.
fn chosen_ui(ui: &mut egui::Ui, shown: &Presented<'_>, size: f32) {
    for level in Level::ALL {
        let title = shown.method.level(level).title.get(shown.language);
        ui.label(
            RichText::new(format!("{} · {title}", level.number()))
                .size(size)
                .strong(),
        );
        let mut any = false;
        for option in shown.case.chosen().filter(|o| o.level == level) {
            any = true;
            ui.label(RichText::new(format!("✔ {}", option.entry.text)).size(size));
        }
        if !any {
            ui.label(
                RichText::new(tr(shown.language, "closing.nothing_chosen"))
                    .size(size)
                    .italics(),
            );
        }
    }
}
