//! Running the meeting: the step timer and the speaking round, in one bar under the
//! stepper. The time itself lives in the case (`Meeting`); here is only what runs now.

use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::RichText;

use super::actions::{self, Action};
use super::{Command, entries};
use crate::i18n::{Language, tr, tr_args};
use crate::method::Method;
use crate::model::{Case, CaseEdit, Level, RoundOrder, Stage, meeting};

/// Where "now" comes from: the system clock, or a clock a test moves.
pub type Clock = Arc<dyn Fn() -> Instant + Send + Sync>;

pub fn system_clock() -> Clock {
    Arc::new(Instant::now)
}

/// What runs at this moment: the timer of the current step and the current turn.
#[derive(Clone, Debug, Default)]
pub struct Timer {
    /// Since when the timer runs (for the time not yet added to the case).
    pub running_since: Option<Instant>,
    /// The level being written in, which the running time counts for.
    pub level: Option<Level>,
    /// Since when the current speaker has the turn.
    pub turn_since: Option<Instant>,
}

impl Timer {
    pub fn running(&self) -> bool {
        self.running_since.is_some()
    }

    /// Takes the whole seconds run since the last time, keeping the rest for next time.
    pub fn take_seconds(&mut self, now: Instant) -> u64 {
        let Some(since) = self.running_since else {
            return 0;
        };
        let seconds = now.saturating_duration_since(since).as_secs();
        self.running_since = Some(since + Duration::from_secs(seconds));
        seconds
    }

    /// Seconds run but not yet added to the case.
    pub fn pending(&self, now: Instant) -> u64 {
        self.running_since
            .map_or(0, |since| now.saturating_duration_since(since).as_secs())
    }

    /// Seconds the current speaker has had.
    pub fn turn_seconds(&self, now: Instant) -> u64 {
        self.turn_since
            .map_or(0, |since| now.saturating_duration_since(since).as_secs())
    }
}

/// The minutes planned for a step: the meeting's own, else the method's suggestion.
pub fn planned_minutes(case: &Case, method: &Method, stage: Stage) -> u32 {
    case.meeting.planned(stage, method.suggested_minutes(stage))
}

/// "12:05", or "1:02:05" past an hour.
pub fn clock_text(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// What the bar needs to know besides the case.
pub struct BarContext<'a> {
    pub language: Language,
    pub method: &'a Method,
    pub timer: &'a Timer,
    pub now: Instant,
    /// Whether the case can be changed (not on the projector view).
    pub editable: bool,
}

/// The timer of this step, the meeting's total, and the speaking round.
pub fn meeting_bar_ui(
    ui: &mut egui::Ui,
    cx: &BarContext<'_>,
    case: &Case,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        timer_ui(ui, cx, case, commands);
        ui.separator();
        total_ui(ui, cx, case);
        ui.separator();
        match case.meeting.open_round(case.stage) {
            Some(round) => round_ui(ui, cx, case, round, commands),
            None => start_round_ui(ui, cx, case, commands),
        }
    });
}

fn timer_ui(ui: &mut egui::Ui, cx: &BarContext<'_>, case: &Case, commands: &mut Vec<Command>) {
    let language = cx.language;
    let t = |key| tr(language, key);
    let stage = case.stage;
    let (spent, _) = case.meeting.spent(stage);
    let elapsed = spent + cx.timer.pending(cx.now);
    let planned = u64::from(planned_minutes(case, cx.method, stage)) * 60;
    let (text, over) = if planned == 0 || elapsed < planned {
        let left = planned.saturating_sub(elapsed);
        let text = if planned == 0 {
            clock_text(elapsed)
        } else {
            tr_args(language, "timer.left", &[("time", &clock_text(left))])
        };
        (text, false)
    } else {
        let over = clock_text(elapsed - planned);
        (tr_args(language, "timer.over", &[("time", &over)]), true)
    };
    let mut chip = RichText::new(format!("⏱ {text}")).monospace().strong();
    if over {
        // At zero a clear but quiet signal: the colour turns, nothing blinks or sounds.
        chip = chip.color(ui.visuals().warn_fg_color);
    }
    ui.label(chip).on_hover_text(t("timer.hint"));
    let (icon, action) = if cx.timer.running() {
        ("⏸", Action::TimerToggle)
    } else {
        ("▶", Action::TimerToggle)
    };
    let toggle = if cx.timer.running() {
        t("timer.pause")
    } else {
        t("timer.start")
    };
    let hint = actions::hint(ui.ctx(), language, action);
    if ui
        .add_enabled(cx.editable, egui::Button::new(icon).small())
        .on_hover_text(&hint)
        .accessible_name(toggle)
        .clicked()
    {
        commands.push(action.into());
    }
    let reset_hint = actions::hint(ui.ctx(), language, Action::TimerReset);
    if ui
        .add_enabled(cx.editable && elapsed > 0, egui::Button::new("⟲").small())
        .on_hover_text(reset_hint)
        .accessible_name(t("action.timer_reset"))
        .clicked()
    {
        commands.push(Action::TimerReset.into());
    }
    planned_ui(ui, cx, case, commands);
}

/// The minutes planned for this step, adjustable for this meeting.
fn planned_ui(ui: &mut egui::Ui, cx: &BarContext<'_>, case: &Case, commands: &mut Vec<Command>) {
    let stage = case.stage;
    let mut minutes = planned_minutes(case, cx.method, stage);
    let name = tr(cx.language, "timer.planned");
    let response = ui
        .add_enabled(
            cx.editable,
            egui::DragValue::new(&mut minutes)
                .range(0..=240)
                .suffix(tr(cx.language, "timer.minutes_suffix")),
        )
        .on_hover_text(name)
        .accessible_name(name);
    if response.changed() {
        commands.push(CaseEdit::SetPlannedMinutes(stage, minutes).into());
    }
}

/// The whole meeting: planned against used.
fn total_ui(ui: &mut egui::Ui, cx: &BarContext<'_>, case: &Case) {
    let planned: u32 = Stage::ALL
        .into_iter()
        .map(|s| planned_minutes(case, cx.method, s))
        .sum();
    let used = (case.meeting.total_spent() + cx.timer.pending(cx.now)) / 60;
    let text = tr_args(
        cx.language,
        "timer.total",
        &[
            ("used", &used.to_string()),
            ("planned", &planned.to_string()),
        ],
    );
    ui.label(RichText::new(text).weak());
}

fn start_round_ui(
    ui: &mut egui::Ui,
    cx: &BarContext<'_>,
    case: &Case,
    commands: &mut Vec<Command>,
) {
    let language = cx.language;
    let t = |key| tr(language, key);
    let enabled = cx.editable && !case.participants.is_empty();
    let hint = actions::hint(ui.ctx(), language, Action::StartRound);
    ui.add_enabled_ui(enabled, |ui| {
        ui.menu_button(t("round.start"), |ui| {
            for (order, key) in [
                (RoundOrder::AsArranged, "round.as_arranged"),
                (RoundOrder::ByDiscipline, "round.by_discipline"),
            ] {
                for (seconds, suffix) in
                    [(None, ""), (Some(120), " · 2 min"), (Some(60), " · 1 min")]
                {
                    let label = format!("{}{suffix}", t(key));
                    if ui.button(label).clicked() {
                        commands.push(
                            CaseEdit::StartRound {
                                stage: case.stage,
                                order: meeting::round_order(case, order),
                                seconds_per_speaker: seconds,
                            }
                            .into(),
                        );
                        ui.close();
                    }
                }
            }
        })
        .response
        .on_hover_text(hint);
    });
}

/// The participants in order: who spoke, who passed, who speaks now, who is waiting.
fn round_ui(
    ui: &mut egui::Ui,
    cx: &BarContext<'_>,
    case: &Case,
    round: &crate::model::SpeakingRound,
    commands: &mut Vec<Command>,
) {
    let language = cx.language;
    let t = |key| tr(language, key);
    let name_of = |id| {
        case.participant(id)
            .map(|p| entries::participant_label(language, p))
            .unwrap_or_else(|| t("participants.unnamed").to_owned())
    };
    for (i, id) in round.order.iter().enumerate() {
        let (mark, state_key) = match round.turns.get(i) {
            Some(turn) if turn.passed => ("–", "round.passed"),
            Some(_) => ("✔", "round.spoke"),
            None if i == round.turns.len() => ("▶", "round.speaking"),
            None => ("", "round.waiting"),
        };
        let name = name_of(*id);
        let current = i == round.turns.len();
        let mut text = RichText::new(format!("{mark} {name}").trim().to_owned());
        if current {
            text = text.strong().color(ui.visuals().strong_text_color());
        } else if round.turns.get(i).is_some() {
            text = text.weak();
        }
        let label = tr_args(language, state_key, &[("name", &name)]);
        ui.selectable_label(current, text).accessible_name(label);
    }
    if let Some(limit) = round.seconds_per_speaker
        && round.current().is_some()
    {
        let used = cx.timer.turn_seconds(cx.now);
        let left = u64::from(limit).saturating_sub(used);
        let mut text = RichText::new(clock_text(left)).monospace();
        if used >= u64::from(limit) {
            text = text.color(ui.visuals().warn_fg_color);
        }
        ui.label(text).accessible_name(t("round.turn_time"));
    }
    ui.add_enabled_ui(cx.editable, |ui| {
        for action in [
            Action::PreviousSpeaker,
            Action::PassSpeaker,
            Action::NextSpeaker,
        ] {
            let label = tr(language, action.label_key());
            if ui
                .button(label)
                .on_hover_text(actions::hint(ui.ctx(), language, action))
                .clicked()
            {
                commands.push(action.into());
            }
        }
        if ui.button(t("round.end")).clicked() {
            commands.push(CaseEdit::EndRound(case.stage).into());
        }
    });
}
