//! Commands that run the meeting: the timer, speaking rounds, capture, presenting,
//! copying, and moving through the steps.

use egui::ViewportCommand;

use crate::model::meeting::round_order;
use crate::model::{CaseEdit, RoundOrder, Stage};
use crate::ui::actions::Action;
use crate::ui::app::{Notice, SwanApp};
use crate::ui::modal::Modal;

impl SwanApp {
    /// The actions that run the meeting: timer, rounds, capture, presenting, copying.
    pub(super) fn apply_meeting_action(&mut self, action: Action, ctx: &egui::Context) {
        let now = (self.clock)();
        let Some(doc) = &mut self.doc else { return };
        let stage = doc.case.stage;
        match action {
            Action::CaptureLevel1 | Action::CaptureLevel2 | Action::CaptureLevel3 => {
                let index = match action {
                    Action::CaptureLevel1 => 0,
                    Action::CaptureLevel2 => 1,
                    _ => 2,
                };
                doc.view.focus_capture = Some(crate::model::Level::ALL[index]);
                doc.view.cards = Default::default();
            }
            Action::TimerToggle => {
                if self.timer.running() {
                    self.flush_timer();
                    self.timer.running_since = None;
                } else {
                    self.timer.running_since = Some(now);
                }
            }
            Action::TimerReset => {
                if self.timer.running() {
                    self.timer.running_since = Some(now);
                }
                doc.reset_time(stage);
            }
            Action::StartRound => {
                let order = round_order(&doc.case, RoundOrder::AsArranged);
                let start = CaseEdit::StartRound {
                    stage,
                    order,
                    seconds_per_speaker: None,
                };
                self.apply_edit(start);
            }
            Action::NextSpeaker | Action::PassSpeaker => {
                let seconds = self.timer.turn_seconds(now);
                let passed = action == Action::PassSpeaker;
                self.apply_edit(CaseEdit::NextSpeaker {
                    stage,
                    passed,
                    seconds,
                });
            }
            Action::PreviousSpeaker => self.apply_edit(CaseEdit::PreviousSpeaker(stage)),
            Action::SilentRound => {
                let form = crate::ui::silent::SilentForm::next(&doc.case);
                self.open_modal(Modal::SilentRound(form));
            }
            Action::PresentWindow => self.presenting.window = !self.presenting.window,
            Action::PresentHere => {
                self.presenting.here = true;
                ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
            }
            Action::CopyPhase
            | Action::CopyPlan
            | Action::CopyPhaseWithNames
            | Action::CopyPlanWithNames => self.copy_markdown(action, ctx),
            _ => {}
        }
    }

    /// The current phase, or the whole plan, as Markdown on the clipboard; with
    /// pseudonyms unless the user chose the real names.
    pub(super) fn copy_markdown(&mut self, action: Action, ctx: &egui::Context) {
        let language = self.language();
        let Some(doc) = &mut self.doc else { return };
        let with_names = matches!(
            action,
            Action::CopyPhaseWithNames | Action::CopyPlanWithNames
        );
        let case = if with_names && !self.pseudonyms_shown {
            doc.case.clone()
        } else {
            doc.pseudonymised(language).clone()
        };
        let phase_only = matches!(action, Action::CopyPhase | Action::CopyPhaseWithNames);
        let text = match (phase_only, case.stage) {
            (true, Stage::Phase(phase)) => crate::export::markdown::render(
                &crate::export::plan::phase_report(&case, &self.method, language, phase),
            ),
            _ => {
                let today = chrono::Local::now().date_naive();
                let report =
                    crate::export::plan::build_report(&case, &self.method, language, today);
                crate::export::markdown::render(&report)
            }
        };
        ctx.copy_text(text);
        let key = if phase_only {
            "status.copied_phase"
        } else {
            "status.copied_plan"
        };
        self.status = Some(Notice::Info(self.t(key).to_owned()));
    }

    /// Adds the time the timer ran to the case, for the step and level it ran in.
    pub(in crate::ui) fn flush_timer(&mut self) {
        let now = (self.clock)();
        let seconds = self.timer.take_seconds(now);
        let level = self.timer.level;
        if let Some(doc) = &mut self.doc {
            doc.record_time(doc.case.stage, level, seconds);
        }
    }

    /// Starts a follow-up meeting dated today and goes to it: one undoable edit.
    pub(super) fn start_follow_up(&mut self) {
        // What the timer ran so far belongs to the step being left.
        self.flush_timer();
        let today = chrono::Local::now().date_naive();
        self.apply_edit(CaseEdit::StartFollowUp(Some(today)));
        if let Some(doc) = &mut self.doc {
            doc.view.writing_level = None;
            doc.view.cards = Default::default();
        }
    }

    /// Moves through the stepper. The step is kept in the file when it is saved, but
    /// moving is not a change worth asking about on close, nor one to undo.
    pub(super) fn navigate(&mut self, to: impl FnOnce(Stage) -> Option<Stage>) {
        // What the timer ran so far belongs to the step being left.
        self.flush_timer();
        if let Some(doc) = &mut self.doc
            && let Some(stage) = to(doc.case.stage)
        {
            doc.case.stage = stage;
            doc.view.writing_level = None;
            doc.view.cards = Default::default();
        }
    }
}
