//! Small pieces shared by the screens: the stepper, labelled fields, dates.

use egui::RichText;

use super::Command;
use super::actions::{self, Action};
use crate::i18n::{Language, tr, tr_args};
use crate::method::Method;
use crate::model::{Case, CaseEdit, DateField, Stage, TextField};

/// The title of a step as the stepper and the navigation show it.
pub fn stage_title(language: Language, method: &Method, stage: Stage) -> String {
    method.stage_title(language, stage)
}

pub use crate::model::MAX_TEXT_CHARS;

/// Opening → 1 → 2 → 3 → Closing, with the current step marked. Every step is one click.
pub fn stepper_ui(
    ui: &mut egui::Ui,
    language: Language,
    method: &Method,
    case: &Case,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        for (i, stage) in case.stages().enumerate() {
            if i > 0 {
                ui.label(RichText::new("›").weak());
            }
            let current = case.stage == stage;
            let mut text = RichText::new(stage_title(language, method, stage));
            if current {
                text = text.strong();
            }
            let hover = tr_args(
                language,
                "stepper.go_to",
                &[("step", &stage_title(language, method, stage))],
            );
            if ui
                .selectable_label(current, text)
                .on_hover_text(hover)
                .clicked()
                && !current
            {
                commands.push(Command::GoTo(stage));
            }
        }
    });
}

/// Previous and next step, in the status bar, with the keyboard shortcut in the tooltip.
pub fn stage_navigation_ui(
    ui: &mut egui::Ui,
    language: Language,
    method: &Method,
    case: &Case,
    commands: &mut Vec<Command>,
) {
    let stage = case.stage;
    let previous = stage.previous();
    let label = match previous {
        Some(p) => format!("◀ {}", stage_title(language, method, p)),
        None => format!("◀ {}", tr(language, "stepper.previous")),
    };
    if ui
        .add_enabled(previous.is_some(), egui::Button::new(label))
        .on_hover_text(actions::hint(ui.ctx(), language, Action::PreviousStage))
        .clicked()
    {
        commands.push(Action::PreviousStage.into());
    }
    let next = case.stage_after(stage);
    let label = match next {
        Some(n) => format!("{} ▶", stage_title(language, method, n)),
        None => format!("{} ▶", tr(language, "stepper.next")),
    };
    if ui
        .add_enabled(next.is_some(), egui::Button::new(label))
        .on_hover_text(actions::hint(ui.ctx(), language, Action::NextStage))
        .clicked()
    {
        commands.push(Action::NextStage.into());
    }
}

/// Columns side by side, each laid out top-down and left-aligned (egui's own columns
/// are justified, which stretches the spaces in wrapped labels).
/// How far above and below the visible part of a list cards are still drawn.
const CULL_MARGIN: f32 = 400.0;
/// Cards this close to the widget with the keyboard focus are drawn wherever they are,
/// so Tab and Shift+Tab find the next and the previous card (which then scroll into view).
const FOCUS_REACH: f32 = 600.0;

/// A long list of cards that draws only those that can be seen or reached by Tab, and
/// leaves each other card its last-known height, so thousands cost what is on screen.
pub struct CardList<'a, K> {
    heights: &'a mut std::collections::HashMap<K, f32>,
    focus: Option<egui::Rect>,
}

/// Where the widget with the keyboard focus was drawn last. Read it at the top of a
/// screen, before any of its widgets: Tab hands the focus on while they are drawn, and
/// the lists further down must still know where it was.
pub fn focused_rect(ui: &egui::Ui) -> Option<egui::Rect> {
    ui.memory(|m| m.focused())
        .and_then(|focused| ui.ctx().read_response(focused))
        .map(|focused| focused.rect)
}

impl<'a, K: std::hash::Hash + Eq> CardList<'a, K> {
    /// `focus` is [`focused_rect`] read at the top of the screen.
    pub fn new(
        heights: &'a mut std::collections::HashMap<K, f32>,
        focus: Option<egui::Rect>,
    ) -> Self {
        CardList { heights, focus }
    }

    /// Draws one card, or only its space; `keep` draws it anyway (it is being edited).
    pub fn card(&mut self, ui: &mut egui::Ui, id: K, keep: bool, draw: impl FnOnce(&mut egui::Ui)) {
        let width = ui.available_width();
        if let Some(height) = self.heights.get(&id).copied()
            && !keep
        {
            let rect = egui::Rect::from_min_size(ui.cursor().min, egui::vec2(width, height));
            let near = ui.clip_rect().expand2(egui::vec2(0.0, CULL_MARGIN));
            let near_focus = self
                .focus
                .is_some_and(|focus| rect.intersects(focus.expand2(egui::vec2(0.0, FOCUS_REACH))));
            if !rect.intersects(near) && !near_focus {
                ui.allocate_space(egui::vec2(width, height));
                return;
            }
        }
        let rect = ui.scope(draw).response.rect;
        self.heights.insert(id, rect.height());
    }
}

pub fn columns_ui(ui: &mut egui::Ui, count: usize, mut add: impl FnMut(usize, &mut egui::Ui)) {
    ui.columns(count, |columns| {
        for (i, column) in columns.iter_mut().enumerate() {
            column.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| add(i, ui));
        }
    });
}

/// A button with only a symbol on it, named for screen readers and with a tooltip.
pub fn icon_button(ui: &mut egui::Ui, icon: &str, name: &str) -> egui::Response {
    ui.add(egui::Button::new(icon).small())
        .on_hover_text(name)
        .accessible_name(name)
}

/// A text field over a text of the case. The field edits a copy; what is typed goes
/// back as an edit, so typing is undoable like any other change.
pub fn edit_text(
    ui: &mut egui::Ui,
    case: &Case,
    field: TextField,
    commands: &mut Vec<Command>,
    make: impl FnOnce(&mut String) -> egui::TextEdit<'_>,
) -> egui::Response {
    let mut text = case.text(field).unwrap_or_default().to_owned();
    // Typing and pasting stop at the limit that loading also holds to.
    let response = ui.add(make(&mut text).char_limit(crate::model::MAX_TEXT_CHARS));
    if response.changed() {
        commands.push(CaseEdit::SetText(field, text).into());
    }
    response
}

/// A label above a one-line text field that it names.
pub fn labelled_line(
    ui: &mut egui::Ui,
    case: &Case,
    field: TextField,
    label: &str,
    hint: &str,
    commands: &mut Vec<Command>,
) {
    let label = ui.label(RichText::new(label).strong());
    edit_text(ui, case, field, commands, |text| {
        egui::TextEdit::singleline(text)
            .hint_text(hint)
            .desired_width(f32::INFINITY)
    })
    .labelled_by(label.id);
}

/// A label above a multi-line text field that it names.
pub fn labelled_text(
    ui: &mut egui::Ui,
    case: &Case,
    field: TextField,
    (label, hint): (&str, &str),
    rows: usize,
    commands: &mut Vec<Command>,
) {
    let label = ui.label(RichText::new(label).strong());
    edit_text(ui, case, field, commands, |text| {
        egui::TextEdit::multiline(text)
            .hint_text(hint)
            .desired_rows(rows)
            .desired_width(f32::INFINITY)
    })
    .labelled_by(label.id);
}

/// The main question and assignment of a step, large enough for the back of the room.
pub fn step_header_ui(
    ui: &mut egui::Ui,
    language: Language,
    heading: &str,
    main_question: &str,
    assignment: &str,
    minutes: u32,
) {
    ui.horizontal_wrapped(|ui| {
        ui.heading(heading);
        if minutes > 0 {
            ui.label(
                RichText::new(tr_args(
                    language,
                    "step.minutes",
                    &[("minutes", &minutes.to_string())],
                ))
                .weak(),
            );
        }
    });
    ui.label(RichText::new(main_question).size(20.0).strong());
    ui.label(assignment);
}

/// A bulleted list of prompts in a smaller, quieter style.
pub fn prompts_ui(ui: &mut egui::Ui, prompts: &[crate::method::Text], language: Language) {
    for prompt in prompts {
        ui.horizontal_top(|ui| {
            ui.label(RichText::new("•").weak());
            ui.add(egui::Label::new(RichText::new(prompt.get(language)).weak()).wrap());
        });
    }
}

/// A date field's text as typed, and whether it failed to parse.
#[derive(Clone, Debug, Default)]
pub struct DateText {
    pub text: String,
    pub invalid: bool,
}

/// A date typed as text (12-11-2026, 12/11/2026, 2026-11-12…) with a "today" button.
/// The case only changes when the text is a real date or empty; otherwise the field
/// says so and the last real date stays.
pub fn date_ui(
    ui: &mut egui::Ui,
    language: Language,
    (label, accessible_name): (&str, &str),
    field: DateField,
    case: &Case,
    dates: &mut std::collections::HashMap<DateField, DateText>,
    commands: &mut Vec<Command>,
) {
    let t = |key| tr(language, key);
    let value = case.date(field);
    let state = dates.entry(field).or_default();
    // Start from the stored value, and follow it when it changed elsewhere (undo).
    if !state.invalid && value != crate::dates::parse_date(&state.text) {
        state.text = value.map(crate::dates::format_date).unwrap_or_default();
    }
    let mut new_value = None;
    let label = ui.label(RichText::new(label).strong());
    ui.horizontal(|ui| {
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut state.text)
                    .hint_text(t("case.date_hint"))
                    .desired_width(140.0),
            )
            .labelled_by(label.id)
            .accessible_name(accessible_name);
        if response.changed() {
            let text = state.text.trim();
            let parsed = if text.is_empty() {
                Some(None)
            } else {
                crate::dates::parse_date(text).map(Some)
            };
            state.invalid = parsed.is_none();
            new_value = parsed;
        }
        let today_name = tr_args(language, "date.today_for", &[("what", accessible_name)]);
        if ui
            .button(t("case.date_today"))
            .accessible_name(today_name)
            .clicked()
        {
            let today = chrono::Local::now().date_naive();
            state.text = crate::dates::format_date(today);
            state.invalid = false;
            new_value = Some(Some(today));
        }
    });
    if state.invalid {
        ui.colored_label(ui.visuals().error_fg_color, t("case.date_invalid"));
    }
    if let Some(date) = new_value.filter(|date| *date != value) {
        commands.push(CaseEdit::SetDate(field, date).into());
    }
}

/// A file name from the case title, safe on every operating system.
pub fn suggested_file_name(title: &str, language: Language) -> String {
    let cleaned: String = title
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-");
    let stem = if cleaned.is_empty() {
        tr(language, "case.file_stem").to_owned()
    } else {
        cleaned.chars().take(60).collect()
    };
    format!("{stem}{}", crate::storage::CASE_SUFFIX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_from_titles() {
        assert_eq!(
            suggested_file_name("Scootmobiel: mevrouw (78)?", Language::Nl),
            "Scootmobiel-mevrouw-78.swan.ron"
        );
        assert!(suggested_file_name("  ", Language::Nl).ends_with(".swan.ron"));
    }
}
