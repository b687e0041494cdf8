//! When no file dialog can be shown (a Linux desktop without a portal or zenity), the
//! path is typed in the window instead, starting from Documents and the suggested name.

use std::path::PathBuf;

use egui::Key;

use super::modal::Reply;
use super::{Command, export};
use crate::export::Format;
use crate::i18n::{Language, tr};
use crate::storage;

/// What the typed path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    OpenCase,
    SaveCase,
    SaveTemplate,
    OpenMethod,
    OpenStyle,
    SaveExport(Format),
    /// A folder of case files, for signals across cases.
    SignalsFolder,
    SaveSignals(Format),
    /// Sessions to compare: a folder, or files separated by `;`.
    CompareSessions,
    SaveComparison(Format),
}

/// The text a path field starts with: the Documents folder and the suggested name.
pub fn start_text(suggested_name: &str) -> String {
    super::dialogs::documents_folder()
        .join(suggested_name)
        .display()
        .to_string()
}

/// The dialog with the path field: OK (or Enter) carries out `purpose` on the path.
pub fn path_entry_ui(
    ctx: &egui::Context,
    language: Language,
    purpose: PathPurpose,
    text: &mut String,
) -> Reply {
    let t = |key| tr(language, key);
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("path_entry")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        let folder = purpose == PathPurpose::SignalsFolder;
        ui.heading(t(if folder {
            "dialog.path.folder_title"
        } else {
            "dialog.path.title"
        }));
        ui.add_space(6.0);
        ui.label(t(if folder {
            "dialog.path.folder_body"
        } else {
            "dialog.path.body"
        }));
        if purpose == PathPurpose::CompareSessions {
            ui.label(t("dialog.path.compare_hint"));
        }
        ui.add_space(6.0);
        let label = ui.label(t(match purpose {
            PathPurpose::SignalsFolder => "dialog.path.folder_label",
            PathPurpose::CompareSessions => "dialog.path.compare_label",
            _ => "dialog.path.label",
        }));
        let field = ui
            .add(egui::TextEdit::singleline(text).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui.button(t("dialog.ok")).clicked() || entered {
                answer = Some(true);
            }
            if ui.button(t("dialog.cancel")).clicked() {
                answer = Some(false);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(false);
    }
    match answer {
        Some(true) if !text.trim().is_empty() => {
            Reply::CloseThen(command_for(purpose, PathBuf::from(text.trim())))
        }
        Some(false) => Reply::Close,
        _ => Reply::Wait,
    }
}

fn command_for(purpose: PathPurpose, path: PathBuf) -> Command {
    match purpose {
        PathPurpose::OpenCase => Command::OpenPath(path),
        PathPurpose::SaveCase => Command::SaveTo(storage::with_case_extension(path)),
        PathPurpose::SaveTemplate => Command::SaveTemplateTo(storage::with_case_extension(path)),
        PathPurpose::OpenMethod => Command::UseMethodFile(path),
        PathPurpose::OpenStyle => Command::UseStyleFile(path),
        PathPurpose::SaveExport(format) => {
            Command::ExportTo(format, export::with_extension(&path, format))
        }
        PathPurpose::SignalsFolder => Command::GatherSignals(path),
        PathPurpose::SaveSignals(format) => {
            Command::ExportSignalsTo(format, export::with_extension(&path, format))
        }
        PathPurpose::CompareSessions => Command::CompareSessions(
            path.to_string_lossy()
                .split(';')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(PathBuf::from)
                .collect(),
        ),
        PathPurpose::SaveComparison(format) => {
            Command::CompareExportTo(format, export::with_extension(&path, format))
        }
    }
}
