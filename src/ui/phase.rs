//! A phase screen: its main question and assignment, and one area per level with that
//! level's prompts and the notes (or, in phase 2, the options) captured there.

use egui::{Key, RichText};

use super::entries::{self, CardContext};
use super::{CaseView, Command, widgets};
use crate::i18n::{Language, tr, tr_args, tr_count};
use crate::method::Method;
use crate::model::{Case, CaseEdit, Decision, InterventionOption, Level, Phase, Stage, TextField};

/// Below this width the three levels stack instead of standing side by side.
pub(super) const SIDE_BY_SIDE_WIDTH: f32 = 960.0;

pub fn phase_ui(
    ui: &mut egui::Ui,
    language: Language,
    method: &Method,
    case: &Case,
    view: &mut CaseView,
    phase: Phase,
    commands: &mut Vec<Command>,
) {
    let focus = widgets::focused_rect(ui);
    let text = method.phase(phase);
    let heading = tr_args(
        language,
        "phase.heading",
        &[
            ("number", &phase.number().to_string()),
            ("title", text.title.get(language)),
        ],
    );
    widgets::step_header_ui(
        ui,
        language,
        &heading,
        text.main_question.get(language),
        text.assignment.get(language),
        text.minutes,
    );
    super::template::teacher_prompts_ui(ui, language, case, phase);
    reference_ui(ui, language, method);
    super::balance::balance_ui(ui, language, method, case, phase);
    checks_ui(ui, language, method, case, phase);
    if phase == Phase::Choice {
        super::silent::silent_summary_ui(ui, language, method, case, commands);
    }
    ui.add_space(4.0);
    let cell = Cell {
        language,
        method,
        case,
        phase,
        focus,
    };
    if ui.available_width() >= SIDE_BY_SIDE_WIDTH {
        // Each column scrolls on its own; the capture fields stay where they are.
        let height = ui.available_height().max(MIN_COLUMN_HEIGHT);
        widgets::columns_ui(ui, 3, |i, ui| {
            level_ui(ui, &cell, view, Level::ALL[i], height, commands);
        });
    } else {
        for level in Level::ALL {
            level_ui(ui, &cell, view, level, STACKED_COLUMN_HEIGHT, commands);
            ui.add_space(6.0);
        }
    }
}

/// Below this the columns do not shrink: the window scrolls instead.
const MIN_COLUMN_HEIGHT: f32 = 260.0;

/// The height of one level when the levels stand under each other.
const STACKED_COLUMN_HEIGHT: f32 = 420.0;

/// What every level of a phase screen shares.
struct Cell<'a> {
    language: Language,
    method: &'a Method,
    case: &'a Case,
    phase: Phase,
    /// Where the keyboard focus was at the top of the screen.
    focus: Option<egui::Rect>,
}

/// The four conditions with their values and the five factors, folded away by default.
fn reference_ui(ui: &mut egui::Ui, language: Language, method: &Method) {
    egui::CollapsingHeader::new(tr(language, "reference.title"))
        .id_salt("reference")
        .show(ui, |ui| {
            ui.label(RichText::new(tr(language, "reference.conditions")).strong());
            for c in &method.conditions {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(c.title.get(language)).strong());
                    ui.label(tr_args(
                        language,
                        "reference.value",
                        &[("value", c.value.get(language))],
                    ));
                    ui.label(RichText::new(c.check_question.get(language)).weak());
                });
            }
            ui.add_space(4.0);
            ui.label(RichText::new(tr(language, "reference.factors")).strong());
            for f in &method.factors {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(f.title.get(language)).strong());
                    ui.label(RichText::new(f.description.get(language)).weak());
                });
            }
            ui.label(
                RichText::new(method.factors_note.get(language))
                    .weak()
                    .small(),
            );
        });
}

/// One level: its heading, its questions (folded once there are notes), the capture
/// field, and its notes (or options) in a column that scrolls on its own.
fn level_ui(
    ui: &mut egui::Ui,
    cell: &Cell<'_>,
    view: &mut CaseView,
    level: Level,
    height: f32,
    commands: &mut Vec<Command>,
) {
    let Cell {
        language,
        method,
        case,
        phase,
        ..
    } = *cell;
    let level_text = method.level(level);
    let count = match phase {
        Phase::Possibilities => case.options_in(level).count(),
        _ => case.notes_in(phase, level).count(),
    };
    let top = ui.cursor().min.y;
    super::style::level_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.push_id(("level", level.index()), |ui| {
            ui.label(
                RichText::new(tr_args(
                    language,
                    "level.heading",
                    &[
                        ("number", &level.number().to_string()),
                        ("title", level_text.title.get(language)),
                    ],
                ))
                .size(19.0)
                .strong(),
            )
            .on_hover_text(level_text.description.get(language));
            let prompts = &method.phase(phase).level_prompts[level.index()];
            egui::CollapsingHeader::new(tr_count(
                language,
                "level.prompts_count",
                prompts.len(),
                &[],
            ))
            .id_salt(("prompts", phase.index(), level.index()))
            .default_open(count == 0)
            .show(ui, |ui| widgets::prompts_ui(ui, prompts, language));
            capture_ui(ui, language, case, view, phase, level, commands);
            ui.add_space(2.0);
            // What is left of the column's height goes to the list.
            let used = ui.cursor().min.y - top;
            let list_height = (height - used - 16.0).max(120.0);
            egui::ScrollArea::vertical()
                .id_salt(("notes", phase.index(), level.index()))
                .max_height(list_height)
                .auto_shrink([false, true])
                .show(ui, |ui| list_ui(ui, cell, view, level, commands));
        });
    });
}

/// The notes (or options) of a level, newest last. Cards off screen are not drawn,
/// only their space kept, so a column of thousands stays fast.
fn list_ui(
    ui: &mut egui::Ui,
    cell: &Cell<'_>,
    view: &mut CaseView,
    level: Level,
    commands: &mut Vec<Command>,
) {
    let Cell {
        language,
        method,
        case,
        phase,
        ..
    } = *cell;
    if phase == Phase::Choice {
        decisions_ui(ui, cell, level, &mut view.card_heights, commands);
        ui.add_space(4.0);
        ui.label(RichText::new(tr(language, "level.choice_notes")).strong());
    }
    let items: Vec<(crate::model::ItemId, &crate::model::Entry)> = match phase {
        Phase::Possibilities => case.options_in(level).map(|o| (o.id, &o.entry)).collect(),
        _ => case
            .notes_in(phase, level)
            .map(|n| (n.id, &n.entry))
            .collect(),
    };
    if items.is_empty() {
        ui.label(
            RichText::new(tr(language, empty_key(phase)))
                .weak()
                .italics(),
        );
    }
    let key = match phase {
        Phase::Possibilities => "item.option_name",
        _ => "item.note_name",
    };
    let mut list = widgets::CardList::new(&mut view.card_heights, cell.focus);
    for (index, (id, entry)) in items.into_iter().enumerate() {
        let keep = view.cards.active == Some(id) || view.cards.editing == Some(id);
        list.card(ui, (Stage::Phase(phase), id), keep, |ui| {
            let cx = card_context(language, method, &case.participants, key, index + 1, level);
            entries::entry_card_ui(ui, &cx, case, id, entry, &mut view.cards, commands);
        });
    }
}

fn empty_key(phase: Phase) -> &'static str {
    match phase {
        Phase::Possibilities => "level.no_options",
        _ => "level.no_notes",
    }
}

pub(crate) fn card_context<'a>(
    language: Language,
    method: &'a Method,
    participants: &'a [crate::model::Participant],
    key: &str,
    number: usize,
    level: Level,
) -> CardContext<'a> {
    CardContext {
        language,
        method,
        participants,
        name: tr_args(
            language,
            key,
            &[
                ("number", &number.to_string()),
                ("level", &level.number().to_string()),
            ],
        ),
    }
}

/// The room a button with this text takes in a row, spacing included.
pub(super) fn button_width(ui: &egui::Ui, text: &str) -> f32 {
    egui::WidgetText::from(text)
        .into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Button,
        )
        .size()
        .x
        + 2.0 * ui.spacing().button_padding.x
        + ui.spacing().item_spacing.x
        + 2.0
}

/// The capture field of a level: type, Enter, type the next one. The focus stays in the
/// field; the note goes to the current speaker, or to the contributor chosen last.
fn capture_ui(
    ui: &mut egui::Ui,
    language: Language,
    case: &Case,
    view: &mut CaseView,
    phase: Phase,
    level: Level,
    commands: &mut Vec<Command>,
) {
    let level_number = level.number().to_string();
    let (field_key, button_key) = match phase {
        Phase::Possibilities => ("level.new_option", "level.add_option"),
        _ => ("level.new_note", "level.add_note"),
    };
    let field_name = tr_args(language, field_key, &[("level", &level_number)]);
    let button_name = tr_args(language, button_key, &[("level", &level_number)]);
    let stage = Stage::Phase(phase);
    let focus_here = view.focus_capture == Some(level);
    let draft = view.drafts.entry((stage, level.index())).or_default();
    let mut add = false;
    let button_text = tr(language, "level.add");
    ui.horizontal(|ui| {
        // Leave exactly the button's width, so the row never widens the level's column.
        let button_width = button_width(ui, button_text);
        // Enter adds the note; the field keeps the focus for the next one.
        let response = ui
            .add(
                egui::TextEdit::singleline(draft)
                    .id_salt(("capture", phase.index(), level.index()))
                    .return_key(None)
                    .char_limit(widgets::MAX_TEXT_CHARS)
                    .hint_text(tr(language, "level.new_hint"))
                    .desired_width((ui.available_width() - button_width).max(60.0)),
            )
            .accessible_name(field_name);
        if focus_here {
            response.request_focus();
        }
        if response.has_focus() {
            if ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::Enter)) {
                add = true;
            }
            view.writing_level = Some(level);
        }
        if ui
            .button(button_text)
            .on_hover_text(&button_name)
            .accessible_name(button_name)
            .clicked()
        {
            add = true;
        }
    });
    if focus_here {
        view.focus_capture = None;
    }
    if add && !draft.trim().is_empty() {
        let text = std::mem::take(draft).trim().to_owned();
        let contributor = case
            .meeting
            .open_round(stage)
            .and_then(|r| r.current())
            .or(view.capture_contributor);
        commands.push(Command::Edit(match phase {
            Phase::Possibilities => CaseEdit::AddOption {
                level,
                text,
                contributor,
            },
            _ => CaseEdit::AddNote {
                phase,
                level,
                text,
                contributor,
            },
        }));
    }
}

/// Phase 3: the options of phase 2 on this level, each open, chosen or rejected, with why.
fn decisions_ui(
    ui: &mut egui::Ui,
    cell: &Cell<'_>,
    level: Level,
    heights: &mut std::collections::HashMap<(Stage, crate::model::ItemId), f32>,
    commands: &mut Vec<Command>,
) {
    let &Cell {
        language,
        method,
        case,
        ..
    } = cell;
    let t = |key| tr(language, key);
    ui.label(RichText::new(t("level.options_from_phase2")).strong());
    let mut list = widgets::CardList::new(heights, cell.focus);
    let stage = Stage::Phase(Phase::Choice);
    option_cards_ui(
        ui,
        (language, method, case),
        level,
        stage,
        &mut list,
        commands,
        |ui, cx, option, commands| {
            if option.decision != Decision::Open {
                let name = tr_args(language, "decision.reason_of", &[("what", &cx.name)]);
                let hint = t(match option.decision {
                    Decision::Chosen => "decision.why_chosen",
                    _ => "decision.why_rejected",
                });
                let field = TextField::DecisionReason(option.id);
                widgets::edit_text(ui, case, field, commands, |text| {
                    egui::TextEdit::multiline(text)
                        .desired_rows(1)
                        .desired_width(f32::INFINITY)
                        .hint_text(hint)
                })
                .accessible_name(name);
            }
        },
    );
}

/// The options of one level as cards (only those in view drawn), each with its text,
/// tags and decision buttons, then what `body` adds; "no options yet" when there are
/// none. Phase 3 and the plan show options this way.
pub(crate) fn option_cards_ui(
    ui: &mut egui::Ui,
    (language, method, case): (Language, &Method, &Case),
    level: Level,
    stage: Stage,
    list: &mut widgets::CardList<'_, (Stage, crate::model::ItemId)>,
    commands: &mut Vec<Command>,
    mut body: impl FnMut(&mut egui::Ui, &CardContext<'_>, &InterventionOption, &mut Vec<Command>),
) {
    let mut number = 0;
    for option in case.options_in(level) {
        number += 1;
        let key = "item.option_name";
        let cx = card_context(language, method, &case.participants, key, number, level);
        list.card(ui, (stage, option.id), false, |ui| {
            super::style::card_frame(ui).show(ui, |ui| {
                ui.set_width(ui.available_width());
                entries::entry_summary_ui(ui, &cx, &option.entry);
                decision_buttons_ui(ui, language, &cx.name, option, commands);
                body(ui, &cx, option, commands);
            });
        });
    }
    if number == 0 {
        let none = tr(language, "level.no_options_yet");
        ui.label(RichText::new(none).weak().italics());
    }
}

/// Chosen / rejected / still open, as three buttons named after the option.
pub(crate) fn decision_buttons_ui(
    ui: &mut egui::Ui,
    language: Language,
    name: &str,
    option: &InterventionOption,
    commands: &mut Vec<Command>,
) {
    let t = |key| tr(language, key);
    ui.horizontal_wrapped(|ui| {
        for (decision, key) in [
            (Decision::Chosen, "decision.chosen"),
            (Decision::Rejected, "decision.rejected"),
            (Decision::Open, "decision.open"),
        ] {
            let selected = option.decision == decision;
            let mut text = RichText::new(t(key));
            if selected {
                text = text.strong().color(match decision {
                    Decision::Chosen => super::style::chosen_color(ui.visuals()),
                    Decision::Rejected => super::style::rejected_color(ui.visuals()),
                    Decision::Open => ui.visuals().strong_text_color(),
                });
            }
            let accessible = format!("{}: {name}", t(key));
            if ui
                .selectable_label(selected, text)
                .accessible_name(accessible)
                .clicked()
                && !selected
            {
                commands.push(CaseEdit::SetDecision(option.id, decision).into());
            }
        }
    });
}

/// The phase's own checks, and what the app can see for itself.
fn checks_ui(ui: &mut egui::Ui, language: Language, method: &Method, case: &Case, phase: Phase) {
    let checks = &method.phase(phase).checks;
    let mut warnings = Vec::new();
    match phase {
        Phase::Possibilities => {
            for level in case.levels_without_options() {
                warnings.push(tr_args(
                    language,
                    "check.no_option_on_level",
                    &[
                        ("number", &level.number().to_string()),
                        ("title", method.level(level).title.get(language)),
                    ],
                ));
            }
        }
        Phase::Choice => {
            if !case.options.iter().any(|o| o.decision == Decision::Chosen) {
                warnings.push(tr(language, "check.nothing_chosen").to_owned());
            }
            let open = case
                .options
                .iter()
                .filter(|o| o.decision == Decision::Open)
                .count();
            if open > 0 {
                warnings.push(tr_count(language, "check.options_open", open, &[]));
            }
        }
        Phase::Understand => {}
    }
    // One quiet line each: the method's check, then what the app sees.
    for check in checks {
        ui.label(RichText::new(format!("✔ {}", check.get(language))).weak());
    }
    for warning in warnings {
        ui.label(RichText::new(format!("⚠ {warning}")).color(ui.visuals().warn_fg_color));
    }
}
