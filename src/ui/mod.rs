//! The window. `app` holds the state and the frame loop; the screens are small `*_ui`
//! functions that draw the state and send `Command`s; `handling` applies them, in one
//! place. User actions (menus, shortcuts) come from one table in `actions`; dialogs are
//! one `Modal` at a time; changes to the case are `CaseEdit`s, undoable.

mod actions;
mod app;
mod balance;
mod bars;
pub(crate) mod closing;
mod commands;
mod compare;
pub mod dialogs;
mod document;
mod entries;
mod export;
mod files;
mod follow_up;
mod handling;
mod letter;
pub mod measure;
mod meeting;
mod modal;
mod opening;
mod path_entry;
mod phase;
mod plan;
mod presentation;
mod privacy;
mod privacy_check;
mod signals;
mod silent;
mod start;
mod style;
mod template;
mod widgets;

pub use actions::Action;
pub use app::{MethodSource, Notice, StartOptions, SwanApp};
pub use commands::Command;
pub use dialogs::{FileDialogs, NativeDialogs, PresetDialogs};
pub use document::{CaseView, Document};
pub use meeting::{Clock, Timer};

use crate::i18n::{Language, tr_args};
use crate::model::{Case, Direction, ItemId, Stage};

/// The screen of an open case: the stepper, the meeting bar and the current step.
fn case_ui(
    ui: &mut egui::Ui,
    bar: &meeting::BarContext<'_>,
    case: &Case,
    view: &mut CaseView,
    read_only: bool,
    commands: &mut Vec<Command>,
) {
    let language = bar.language;
    let method = bar.method;
    widgets::stepper_ui(ui, language, method, case, commands);
    meeting::meeting_bar_ui(ui, bar, case, commands);
    ui.add_space(4.0);
    let mut stage_ui = |ui: &mut egui::Ui| {
        if read_only {
            // Full contrast all the same: this is what the back of the room reads.
            // (Set before disabling: disabling fades by this factor.)
            ui.visuals_mut().disabled_alpha = 1.0;
            ui.disable();
        }
        match case.stage {
            Stage::Opening => opening::opening_ui(ui, language, method, case, view, commands),
            Stage::Phase(phase) => {
                phase::phase_ui(ui, language, method, case, view, phase, commands)
            }
            Stage::Plan => plan::plan_ui(ui, language, method, case, view, commands),
            Stage::Closing => closing::closing_ui(ui, language, method, case, view, commands),
            Stage::FollowUp(session) => {
                let shown =
                    follow_up::follow_up_ui(ui, language, method, case, view, session, commands);
                // A follow-up undone away, or a hand-edited stage: the closing instead.
                if !shown {
                    closing::closing_ui(ui, language, method, case, view, commands);
                }
            }
        }
    };
    // A phase screen side by side fills the window, each level scrolling on its own;
    // every other screen scrolls as a whole.
    let columns =
        matches!(case.stage, Stage::Phase(_)) && ui.available_width() >= phase::SIDE_BY_SIDE_WIDTH;
    if columns && ui.available_height() >= 420.0 {
        stage_ui(ui);
    } else {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .id_salt(("stage", case.stage.index()))
            .show(ui, stage_ui);
    }
}

/// The strip that says the projector view is on, and how to leave it.
fn pseudonyms_banner_ui(ui: &mut egui::Ui, language: Language) {
    egui::Frame::new()
        .fill(egui::Color32::from_rgb(0x1f, 0x4e, 0x79))
        .corner_radius(6.0)
        .inner_margin(egui::Margin::symmetric(10, 6))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let keys = actions::shortcut_text(ui.ctx(), Action::TogglePseudonyms);
            let text = tr_args(
                language,
                "privacy.view_on",
                &[("keys", &keys.unwrap_or_default())],
            );
            ui.label(
                egui::RichText::new(text)
                    .color(egui::Color32::WHITE)
                    .strong(),
            );
        });
    ui.add_space(4.0);
}

/// "Move up" and "move down" buttons named after the item; whether either has the
/// keyboard focus.
pub(crate) fn move_buttons_ui(
    ui: &mut egui::Ui,
    language: Language,
    id: ItemId,
    what: &str,
    make: impl Fn(ItemId, Direction) -> Command,
    commands: &mut Vec<Command>,
) -> bool {
    let up = tr_args(language, "item.move_up", &[("what", what)]);
    let down = tr_args(language, "item.move_down", &[("what", what)]);
    let up = widgets::icon_button(ui, "⏶", &up);
    if up.clicked() {
        commands.push(make(id, Direction::Up));
    }
    let down = widgets::icon_button(ui, "⏷", &down);
    if down.clicked() {
        commands.push(make(id, Direction::Down));
    }
    // Whether either has the keyboard focus (a union of the two would only tell of
    // the first, and Tab from one to the other would hide the controls).
    up.has_focus() || down.has_focus()
}
