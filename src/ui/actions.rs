//! The one table of user actions: label, tooltip, shortcuts and menu of each. Menus,
//! shortcut handling, tooltips and the shortcut overview are all made from it.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::Command;
use crate::i18n::{Language, tr, tr_args};

/// Something the user can ask for from a menu or with a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    NewCase,
    Open,
    Save,
    SaveAs,
    SaveAsTemplate,
    Export,
    SignalsAcrossCases,
    CheckPersonalData,
    CompareSessions,
    CloseCase,
    Quit,
    Undo,
    Redo,
    PreviousStage,
    NextStage,
    TogglePseudonyms,
    LoadMethod,
    UseBuiltinMethod,
    LoadStyle,
    UseBuiltinStyle,
    ShowShortcuts,
    CopyPhase,
    CopyPlan,
    CopyPhaseWithNames,
    CopyPlanWithNames,
    CaptureLevel1,
    CaptureLevel2,
    CaptureLevel3,
    TimerToggle,
    TimerReset,
    StartRound,
    NextSpeaker,
    PassSpeaker,
    PreviousSpeaker,
    SilentRound,
    PresentWindow,
    PresentHere,
    StartFollowUp,
}

/// The menus of the menu bar, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    File,
    Edit,
    View,
    Meeting,
    Method,
    Help,
}

impl Menu {
    pub const ALL: [Menu; 6] = [
        Menu::File,
        Menu::Edit,
        Menu::View,
        Menu::Meeting,
        Menu::Method,
        Menu::Help,
    ];

    pub fn label_key(self) -> &'static str {
        match self {
            Menu::File => "menu.file",
            Menu::Edit => "menu.edit",
            Menu::Meeting => "menu.meeting",
            Menu::View => "menu.view",
            Menu::Method => "menu.method",
            Menu::Help => "menu.help",
        }
    }
}

const fn cmd(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn cmd_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

const fn cmd_alt(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::ALT), key)
}

const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

const fn shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::SHIFT, key)
}

impl Action {
    /// Whether the action works on the screen of the case: it makes no sense, and must
    /// not act unseen, while another view (signals, comparison) covers the case.
    pub fn acts_on_case_screen(self) -> bool {
        matches!(
            self,
            Action::Undo
                | Action::Redo
                | Action::PreviousStage
                | Action::NextStage
                | Action::StartFollowUp
                | Action::CopyPhase
                | Action::CopyPhaseWithNames
                | Action::CaptureLevel1
                | Action::CaptureLevel2
                | Action::CaptureLevel3
                | Action::TimerToggle
                | Action::TimerReset
                | Action::StartRound
                | Action::NextSpeaker
                | Action::PassSpeaker
                | Action::PreviousSpeaker
                | Action::SilentRound
                | Action::PresentHere
        )
    }

    /// In menu order.
    pub const ALL: [Action; 38] = [
        Action::NewCase,
        Action::Open,
        Action::Save,
        Action::SaveAs,
        Action::SaveAsTemplate,
        Action::Export,
        Action::SignalsAcrossCases,
        Action::CheckPersonalData,
        Action::CompareSessions,
        Action::CloseCase,
        Action::Quit,
        Action::Undo,
        Action::Redo,
        Action::PreviousStage,
        Action::NextStage,
        Action::TogglePseudonyms,
        Action::LoadMethod,
        Action::UseBuiltinMethod,
        Action::LoadStyle,
        Action::UseBuiltinStyle,
        Action::ShowShortcuts,
        Action::CopyPhase,
        Action::CopyPlan,
        Action::CopyPhaseWithNames,
        Action::CopyPlanWithNames,
        Action::CaptureLevel1,
        Action::CaptureLevel2,
        Action::CaptureLevel3,
        Action::TimerToggle,
        Action::TimerReset,
        Action::StartRound,
        Action::NextSpeaker,
        Action::PassSpeaker,
        Action::PreviousSpeaker,
        Action::SilentRound,
        Action::PresentWindow,
        Action::PresentHere,
        Action::StartFollowUp,
    ];

    pub fn menu(self) -> Menu {
        match self {
            Action::NewCase
            | Action::Open
            | Action::Save
            | Action::SaveAs
            | Action::SaveAsTemplate
            | Action::Export
            | Action::SignalsAcrossCases
            | Action::CheckPersonalData
            | Action::CompareSessions
            | Action::CloseCase
            | Action::Quit => Menu::File,
            Action::Undo
            | Action::Redo
            | Action::CopyPhase
            | Action::CopyPlan
            | Action::CopyPhaseWithNames
            | Action::CopyPlanWithNames => Menu::Edit,
            Action::PreviousStage
            | Action::NextStage
            | Action::TogglePseudonyms
            | Action::PresentWindow
            | Action::PresentHere => Menu::View,
            Action::CaptureLevel1
            | Action::CaptureLevel2
            | Action::CaptureLevel3
            | Action::TimerToggle
            | Action::TimerReset
            | Action::StartRound
            | Action::NextSpeaker
            | Action::PassSpeaker
            | Action::PreviousSpeaker
            | Action::SilentRound
            | Action::StartFollowUp => Menu::Meeting,
            Action::LoadMethod
            | Action::UseBuiltinMethod
            | Action::LoadStyle
            | Action::UseBuiltinStyle => Menu::Method,
            Action::ShowShortcuts => Menu::Help,
        }
    }

    /// Whether a line goes above this entry in its menu.
    pub fn starts_group(self) -> bool {
        matches!(
            self,
            Action::Save
                | Action::Export
                | Action::CloseCase
                | Action::TogglePseudonyms
                | Action::CopyPhase
                | Action::TimerToggle
                | Action::StartRound
                | Action::SilentRound
                | Action::LoadStyle
                | Action::StartFollowUp
        )
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Action::NewCase => "action.new",
            Action::Open => "action.open",
            Action::Save => "action.save",
            Action::SaveAs => "action.save_as",
            Action::SaveAsTemplate => "action.save_template",
            Action::Export => "action.export",
            Action::SignalsAcrossCases => "action.signals",
            Action::CheckPersonalData => "action.check",
            Action::CompareSessions => "action.compare",
            Action::CloseCase => "action.close_case",
            Action::Quit => "action.quit",
            Action::Undo => "action.undo",
            Action::Redo => "action.redo",
            Action::PreviousStage => "action.previous_stage",
            Action::NextStage => "action.next_stage",
            Action::TogglePseudonyms => "action.pseudonyms",
            Action::LoadMethod => "action.method_load",
            Action::UseBuiltinMethod => "action.method_builtin",
            Action::LoadStyle => "action.style_load",
            Action::UseBuiltinStyle => "action.style_builtin",
            Action::ShowShortcuts => "action.shortcuts",
            Action::CopyPhase => "action.copy_phase",
            Action::CopyPlan => "action.copy_plan",
            Action::CopyPhaseWithNames => "action.copy_phase_names",
            Action::CopyPlanWithNames => "action.copy_plan_names",
            Action::CaptureLevel1 => "action.capture_1",
            Action::CaptureLevel2 => "action.capture_2",
            Action::CaptureLevel3 => "action.capture_3",
            Action::TimerToggle => "action.timer",
            Action::TimerReset => "action.timer_reset",
            Action::StartRound => "action.round_start",
            Action::NextSpeaker => "action.round_next",
            Action::PassSpeaker => "action.round_pass",
            Action::PreviousSpeaker => "action.round_back",
            Action::SilentRound => "action.silent_round",
            Action::PresentWindow => "action.present_window",
            Action::PresentHere => "action.present_here",
            Action::StartFollowUp => "action.follow_up_start",
        }
    }

    /// The tooltip's key: the label's key with `.hint`.
    pub fn tooltip_key(self) -> String {
        format!("{}.hint", self.label_key())
    }

    /// The keys that trigger this action; the first is the one menus show.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const NEW: [KeyboardShortcut; 1] = [cmd(Key::N)];
        const OPEN: [KeyboardShortcut; 1] = [cmd(Key::O)];
        const SAVE: [KeyboardShortcut; 1] = [cmd(Key::S)];
        const SAVE_AS: [KeyboardShortcut; 1] = [cmd_shift(Key::S)];
        const EXPORT: [KeyboardShortcut; 1] = [cmd(Key::E)];
        const QUIT: [KeyboardShortcut; 1] = [cmd(Key::Q)];
        const UNDO: [KeyboardShortcut; 1] = [cmd(Key::Z)];
        const REDO: [KeyboardShortcut; 2] = [cmd_shift(Key::Z), cmd(Key::Y)];
        const PREVIOUS: [KeyboardShortcut; 1] = [cmd(Key::PageUp)];
        const NEXT: [KeyboardShortcut; 1] = [cmd(Key::PageDown)];
        const PSEUDONYMS: [KeyboardShortcut; 1] = [cmd_shift(Key::P)];
        const SHORTCUTS: [KeyboardShortcut; 1] = [plain(Key::F1)];
        const COPY_PHASE: [KeyboardShortcut; 1] = [cmd_shift(Key::M)];
        const COPY_PLAN: [KeyboardShortcut; 1] = [cmd_shift(Key::I)];
        const COPY_PHASE_NAMES: [KeyboardShortcut; 1] = [cmd_alt(Key::M)];
        const COPY_PLAN_NAMES: [KeyboardShortcut; 1] = [cmd_alt(Key::I)];
        const CAPTURE_1: [KeyboardShortcut; 1] = [cmd(Key::Num1)];
        const CAPTURE_2: [KeyboardShortcut; 1] = [cmd(Key::Num2)];
        const CAPTURE_3: [KeyboardShortcut; 1] = [cmd(Key::Num3)];
        const TIMER: [KeyboardShortcut; 1] = [plain(Key::F8)];
        const TIMER_RESET: [KeyboardShortcut; 1] = [shift(Key::F8)];
        const ROUND_START: [KeyboardShortcut; 1] = [cmd_shift(Key::R)];
        const ROUND_NEXT: [KeyboardShortcut; 1] = [plain(Key::F6)];
        const ROUND_PASS: [KeyboardShortcut; 1] = [plain(Key::F7)];
        const ROUND_BACK: [KeyboardShortcut; 1] = [shift(Key::F6)];
        const SILENT: [KeyboardShortcut; 1] = [plain(Key::F9)];
        const PRESENT_WINDOW: [KeyboardShortcut; 1] = [plain(Key::F5)];
        const PRESENT_HERE: [KeyboardShortcut; 1] = [shift(Key::F5)];
        match self {
            Action::NewCase => &NEW,
            Action::Open => &OPEN,
            Action::Save => &SAVE,
            Action::SaveAs => &SAVE_AS,
            Action::Export => &EXPORT,
            Action::Quit => &QUIT,
            Action::Undo => &UNDO,
            Action::Redo => &REDO,
            Action::PreviousStage => &PREVIOUS,
            Action::NextStage => &NEXT,
            Action::TogglePseudonyms => &PSEUDONYMS,
            Action::ShowShortcuts => &SHORTCUTS,
            Action::CopyPhase => &COPY_PHASE,
            Action::CopyPlan => &COPY_PLAN,
            Action::CopyPhaseWithNames => &COPY_PHASE_NAMES,
            Action::CopyPlanWithNames => &COPY_PLAN_NAMES,
            Action::CaptureLevel1 => &CAPTURE_1,
            Action::CaptureLevel2 => &CAPTURE_2,
            Action::CaptureLevel3 => &CAPTURE_3,
            Action::TimerToggle => &TIMER,
            Action::TimerReset => &TIMER_RESET,
            Action::StartRound => &ROUND_START,
            Action::NextSpeaker => &ROUND_NEXT,
            Action::PassSpeaker => &ROUND_PASS,
            Action::PreviousSpeaker => &ROUND_BACK,
            Action::SilentRound => &SILENT,
            Action::PresentWindow => &PRESENT_WINDOW,
            Action::PresentHere => &PRESENT_HERE,
            Action::CheckPersonalData
            | Action::SignalsAcrossCases
            | Action::SaveAsTemplate
            | Action::CompareSessions
            | Action::CloseCase
            | Action::LoadMethod
            | Action::UseBuiltinMethod
            | Action::LoadStyle
            | Action::UseBuiltinStyle
            | Action::StartFollowUp => &[],
        }
    }

    /// Whether a focused text field gets this key first (its own text undo).
    fn text_field_first(self) -> bool {
        matches!(self, Action::Undo | Action::Redo)
    }
}

/// What the app knows that the table does not: which actions can run now, and labels
/// that depend on the state ("Undo: delete note").
pub trait ActionState {
    fn enabled(&self, action: Action) -> bool;
    fn label(&self, action: Action, language: Language) -> String {
        tr(language, action.label_key()).to_owned()
    }
}

/// The actions whose keys were pressed this frame, taking the keys out of the input.
/// Shortcuts with more modifiers are tried first, so Ctrl+Shift+S is not also Ctrl+S.
pub fn pressed(ctx: &egui::Context, state: &dyn ActionState) -> Vec<Action> {
    let text_focused = ctx.text_edit_focused();
    let mut table: Vec<(KeyboardShortcut, Action)> = Action::ALL
        .into_iter()
        .filter(|a| !(text_focused && a.text_field_first()))
        .flat_map(|a| a.shortcuts().iter().map(move |s| (*s, a)))
        .collect();
    table.sort_by_key(|(s, _)| std::cmp::Reverse(modifier_count(s.modifiers)));
    let mut found = Vec::new();
    ctx.input_mut(|input| {
        for (shortcut, action) in table {
            if input.consume_shortcut(&shortcut) && state.enabled(action) {
                found.push(action);
            }
        }
    });
    found
}

fn modifier_count(m: Modifiers) -> u8 {
    u8::from(m.alt) + u8::from(m.shift) + u8::from(m.ctrl || m.command || m.mac_cmd)
}

/// The shortcut as this platform writes it (⌘ on macOS, Ctrl elsewhere).
pub fn shortcut_text(ctx: &egui::Context, action: Action) -> Option<String> {
    action.shortcuts().first().map(|s| ctx.format_shortcut(s))
}

/// A tooltip with the shortcut after it: "Next step (Ctrl+PageDown)".
pub fn hint(ctx: &egui::Context, language: Language, action: Action) -> String {
    let text = tr(language, &action.tooltip_key());
    match shortcut_text(ctx, action) {
        Some(keys) => tr_args(
            language,
            "action.hint_with_keys",
            &[("hint", text), ("keys", &keys)],
        ),
        None => text.to_owned(),
    }
}

/// The entries of one menu, from the table.
pub fn menu_ui(
    ui: &mut egui::Ui,
    menu: Menu,
    language: Language,
    state: &dyn ActionState,
    commands: &mut Vec<Command>,
) {
    let mut first = true;
    for action in Action::ALL.into_iter().filter(|a| a.menu() == menu) {
        if action.starts_group() && !first {
            ui.separator();
        }
        first = false;
        let mut button = egui::Button::new(state.label(action, language));
        if let Some(keys) = shortcut_text(ui.ctx(), action) {
            button = button.shortcut_text(keys);
        }
        let response = ui
            .add_enabled(state.enabled(action), button)
            .on_hover_text(tr(language, &action.tooltip_key()));
        if response.clicked() {
            commands.push(Command::Action(action));
            ui.close();
        }
    }
}

/// Every action with its keys, for the shortcut overview.
pub fn shortcuts_overview_ui(ui: &mut egui::Ui, language: Language) {
    egui::Grid::new("shortcuts")
        .num_columns(2)
        .striped(true)
        .spacing([24.0, 6.0])
        .show(ui, |ui| {
            for action in Action::ALL {
                let keys: Vec<String> = action
                    .shortcuts()
                    .iter()
                    .map(|s| ui.ctx().format_shortcut(s))
                    .collect();
                if keys.is_empty() {
                    continue;
                }
                ui.label(egui::RichText::new(keys.join(" · ")).monospace().strong());
                ui.label(tr(language, action.label_key()))
                    .on_hover_text(tr(language, &action.tooltip_key()));
                ui.end_row();
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_actions_share_a_shortcut() {
        let mut seen: Vec<(KeyboardShortcut, Action)> = Vec::new();
        for action in Action::ALL {
            for shortcut in action.shortcuts() {
                if let Some((_, other)) = seen.iter().find(|(s, _)| s == shortcut) {
                    panic!("{action:?} and {other:?} share {shortcut:?}");
                }
                seen.push((*shortcut, action));
            }
        }
    }

    #[test]
    fn every_action_is_in_the_table_once_with_texts_in_both_languages() {
        for (i, action) in Action::ALL.into_iter().enumerate() {
            assert!(!Action::ALL[..i].contains(&action), "{action:?} twice");
            for language in Language::ALL {
                for key in [action.label_key().to_owned(), action.tooltip_key()] {
                    let text = tr(language, &key);
                    assert_ne!(text, key, "{key} missing in {language:?}");
                    // Keys are written by the platform, never in the texts.
                    assert!(!text.contains("Ctrl"), "{key} names a key: {text}");
                }
            }
        }
    }

    #[test]
    fn shortcut_text_follows_the_platform() {
        let ctx = egui::Context::default();
        // Fonts exist after the first frame; the text depends on which symbols they have.
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        output.textures_delta.clear();
        ctx.set_os(egui::os::OperatingSystem::Windows);
        assert_eq!(shortcut_text(&ctx, Action::Save).as_deref(), Some("Ctrl+S"));
        ctx.set_os(egui::os::OperatingSystem::Mac);
        let mac = shortcut_text(&ctx, Action::Save).unwrap_or_default();
        assert!(!mac.contains("Ctrl"), "{mac}");
    }
}
