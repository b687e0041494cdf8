//! Everything the user can ask the app to do, as data: actions from the action table,
//! edits of the case, and the few steps that carry a value (a path, a step, an answer).

use std::path::PathBuf;

use super::actions::Action;
use crate::export::{Contents, Format, Names};
use crate::i18n::Language;
use crate::model::{CaseEdit, ItemId, Stage};

#[must_use]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// A user action from the action table (menus and shortcuts).
    Action(Action),
    /// A change to the open case; undoable.
    Edit(CaseEdit),
    OpenPath(PathBuf),
    /// Use this method file (a typed path; remembered).
    UseMethodFile(PathBuf),
    /// Use this report style file for exports, and remember it.
    UseStyleFile(PathBuf),
    /// Open a case that another window has open, to look at only.
    OpenReadOnly(PathBuf),
    /// Open one of `EXAMPLES` as a new, unsaved case.
    OpenExample(usize),
    /// Save to this path without asking (the dialog already answered, or a test).
    SaveTo(PathBuf),
    /// The template dialog answered: keep the teacher's setup, then ask where.
    SaveTemplate(crate::model::TeacherSetup),
    /// Write the open case as a template here (the dialog answered, or a test).
    SaveTemplateTo(PathBuf),
    /// Save over a file that changed on disk, after the user said so.
    Overwrite,
    /// Save over a read-only file, after the user said so.
    ReplaceReadOnly(PathBuf),
    /// Save, and when that worked, carry on with the command.
    SaveThen(Box<Command>),
    /// Throw the unsaved changes away, then carry on with the command.
    DiscardThen(Box<Command>),
    ForgetRecent(PathBuf),
    SetLanguage(Language),
    GoTo(Stage),
    /// Ask before deleting a note or an option with text.
    AskDeleteItem(ItemId),
    /// Ask before deleting a case file, its .bak and its recovery copies.
    AskDeleteCaseFile(PathBuf),
    DeleteCaseFile(PathBuf),
    /// The export dialog answered: check for personal data, then ask where to write.
    ExportAs(Format, Names, Contents),
    /// The check found nothing, or the user dealt with every finding: ask where to
    /// write the export.
    ExportChecked(Format),
    /// Make the export and write it here (the dialog answered, or a test).
    ExportTo(Format, PathBuf),
    /// Replace finding number N of the open check.
    ReplaceFinding(usize),
    /// Mark finding number N of the open check as "geen naam".
    NotAName(usize),
    /// Open the recovery copy with this index in the list found at start.
    RestoreRecovery(usize),
    DiscardRecovery(usize),
    /// Read the case files in this folder and show their signals.
    GatherSignals(PathBuf),
    /// Open a case from the signals view, which closes when it is open.
    OpenFromSignals(PathBuf),
    CloseSignals,
    /// Ask where to write the signals export in this format.
    ExportSignals(Format),
    /// Write the signals export here (the dialog answered, or a test).
    ExportSignalsTo(Format, PathBuf),
    /// Choose the sessions to compare: several files, or a folder.
    PickSessions {
        folder: bool,
    },
    /// Load these files and folders and show them side by side.
    CompareSessions(Vec<PathBuf>),
    /// Ask where to write the comparison in this format.
    CompareExport(Format),
    /// Write the comparison here (the dialog answered, or a test).
    CompareExportTo(Format, PathBuf),
    /// Back from the comparison to where the user was.
    CloseComparison,
}

impl Command {
    /// Whether carrying this out closes the open case, so unsaved changes must be asked
    /// about first.
    pub fn discards_case(&self) -> bool {
        matches!(
            self,
            Command::Action(Action::NewCase | Action::Open | Action::CloseCase | Action::Quit)
                | Command::OpenPath(_)
                | Command::OpenFromSignals(_)
                | Command::OpenReadOnly(_)
                | Command::OpenExample(_)
                | Command::RestoreRecovery(_)
        )
    }
}

impl From<Action> for Command {
    fn from(action: Action) -> Command {
        Command::Action(action)
    }
}

impl From<CaseEdit> for Command {
    fn from(edit: CaseEdit) -> Command {
        Command::Edit(edit)
    }
}
