//! Everything the user can ask the app to do, as data.

use std::path::PathBuf;

use crate::i18n::Language;
use crate::model::{Decision, Direction, ItemId, Level, Phase, Stage, TagKind};

#[must_use]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    NewCase,
    /// Open a case file chosen in a dialog.
    Open,
    OpenPath(PathBuf),
    /// Open one of `EXAMPLES` as a new, unsaved case.
    OpenExample(usize),
    Save,
    SaveAs,
    /// Save to this path without asking (the dialog already answered, or a test).
    SaveTo(PathBuf),
    /// Save over a file that changed on disk, after the user said so.
    Overwrite,
    /// Save, and when that worked, carry on with the command.
    SaveThen(Box<Command>),
    CloseCase,
    Quit,
    ForgetRecent(PathBuf),
    SetLanguage(Language),
    LoadMethod,
    UseBuiltinMethod,
    GoTo(Stage),
    NextStage,
    PreviousStage,
    AddParticipant,
    RemoveParticipant(ItemId),
    MoveParticipant(ItemId, Direction),
    AddNote {
        phase: Phase,
        level: Level,
        text: String,
    },
    AddOption {
        level: Level,
        text: String,
    },
    /// Ask before deleting a note or an option with text.
    AskDeleteItem(ItemId),
    DeleteItem(ItemId),
    MoveItem(ItemId, Direction),
    /// Who contributed a note or an option.
    SetContributor(ItemId, Option<ItemId>),
    /// Adds or removes a condition or factor tag on a note or an option.
    ToggleTag(ItemId, TagKind, String),
    SetDecision(ItemId, Decision),
    /// Marks a note or an option as a signal to the organisation, or unmarks it.
    ToggleSignal(ItemId),
    /// Ask before deleting a case file, its .bak and its recovery copies.
    AskDeleteCaseFile(PathBuf),
    DeleteCaseFile(PathBuf),
    /// The projector view with pseudonyms, on or off.
    TogglePseudonyms,
    AddPerson,
    RemovePerson(ItemId),
    /// Show the export dialog.
    AskExport,
    /// Ask where to write the export in this format.
    ExportAs(crate::export::Format),
    /// The check found nothing, or the user dealt with every finding: ask where to
    /// write the export.
    ExportChecked(crate::export::Format),
    /// Scan the case for personal data and show what was found.
    CheckPersonalData,
    /// Replace finding number N of the open check.
    ReplaceFinding(usize),
    /// Make the export and write it here (the dialog answered, or a test).
    ExportTo(crate::export::Format, PathBuf),
    /// Open the recovery copy with this index in the list found at start.
    RestoreRecovery(usize),
    DiscardRecovery(usize),
    /// Decide later: keep the copies, close the list.
    KeepRecoveries,
}

impl Command {
    /// Whether carrying this out closes the open case, so unsaved changes must be asked
    /// about first.
    pub fn discards_case(&self) -> bool {
        matches!(
            self,
            Command::NewCase
                | Command::Open
                | Command::OpenPath(_)
                | Command::OpenExample(_)
                | Command::CloseCase
                | Command::Quit
                | Command::RestoreRecovery(_)
        )
    }
}
