//! The dialogs. At most one is open, by construction: `SwanApp` holds an
//! `Option<Modal>`, and each dialog answers with a `Reply`.

use std::path::PathBuf;

use egui::{Key, RichText};

use super::path_entry::{PathPurpose, path_entry_ui};
use super::privacy_check::{self, CheckAnswer, PrivacyCheck};
use super::{Command, actions, style};
use crate::export::{Contents, Format, Names, ReflectionChoice, ReportKind};
use crate::i18n::{Language, tr, tr_args};
use crate::messages;
use crate::model::{Case, CaseEdit, ItemId};
use crate::storage::LoadError;
use crate::storage::recovery::Recovered;

/// A recovery copy found at start, or one that could not be read.
pub type FoundRecovery = Result<Recovered, (PathBuf, LoadError)>;

/// The dialog that is open.
pub enum Modal {
    /// Something went wrong that needs acknowledging.
    Error(String),
    /// Recovery copies found at start, waiting for the user's decision.
    Recovery(Vec<FoundRecovery>),
    /// The case file changed on disk since it was opened: overwrite, copy or cancel.
    Conflict(PathBuf),
    /// The file is read-only: replace it anyway, or cancel?
    ReadOnlyFile(PathBuf),
    /// The case is open in another window: open it read-only, or cancel?
    AlreadyOpen(PathBuf),
    /// No file dialog can be shown: the path is typed here.
    PathEntry { purpose: PathPurpose, text: String },
    /// Unsaved changes: save, throw away or cancel before the command.
    Unsaved(Box<Command>),
    /// The export: which format, with pseudonyms or real names.
    Export {
        format: Format,
        names: Names,
        contents: Contents,
    },
    /// The personal-data check, before an export or on demand.
    PrivacyCheck(PrivacyCheck),
    /// Delete a case file, its .bak and its recovery copies?
    DeleteFile(PathBuf),
    /// Delete a note or an option with text?
    DeleteItem(ItemId),
    /// The keyboard shortcuts, from the action table.
    Shortcuts,
    /// The silent round: one participant after another records their choice.
    SilentRound(super::silent::SilentForm),
    /// Save as a teacher's template: the lock and the teacher's own questions.
    SaveTemplate(super::template::TemplateForm),
    /// Compare sessions: choose several files, or a folder?
    CompareChoice,
}

/// What a dialog answered this frame.
#[must_use]
pub enum Reply {
    /// Still open, nothing to do.
    Wait,
    /// Close it (cancel, OK, close).
    Close,
    /// Close it and carry out the command.
    CloseThen(Command),
    /// Carry out the command and keep it open (it shows the result).
    Do(Command),
}

/// Draws the open dialog. `case` is the open case, as the screen shows it.
pub fn modal_ui(
    ctx: &egui::Context,
    language: Language,
    method: &crate::method::Method,
    modal: &mut Modal,
    case: Option<&Case>,
    screen: &dyn Fn(&str) -> String,
) -> Reply {
    let t = |key| tr(language, key);
    match modal {
        Modal::Error(message) => {
            if message_ui(ctx, language, t("dialog.error.title"), &screen(message)) {
                Reply::Close
            } else {
                Reply::Wait
            }
        }
        Modal::Recovery(found) => recovery_ui(ctx, language, found),
        Modal::Conflict(path) => conflict_ui(ctx, language, &screen(&path.display().to_string())),
        Modal::Unsaved(pending) => unsaved_ui(ctx, language, pending, case),
        Modal::Export {
            format,
            names,
            contents,
        } => export_ui(ctx, language, (format, names, contents), case),
        Modal::PrivacyCheck(check) => match case {
            Some(case) => check_ui(ctx, language, check, case),
            None => Reply::Close,
        },
        Modal::DeleteFile(path) => confirm_path_ui(
            ctx,
            language,
            "delete_file",
            &screen(&path.display().to_string()),
            || Command::DeleteCaseFile(path.clone()),
        ),
        Modal::DeleteItem(id) => {
            let preview = case
                .map(|c| super::entries::item_preview(c, *id))
                .unwrap_or_default();
            let body = RichText::new(preview).italics();
            let title = t("dialog.delete.title");
            let confirm = [t("dialog.delete.confirm")];
            let answer = question_ui(ctx, language, "delete_item", title, body, &confirm);
            on_confirm(answer, || CaseEdit::DeleteItem(*id).into())
        }
        Modal::ReadOnlyFile(path) => confirm_path_ui(
            ctx,
            language,
            "read_only",
            &screen(&path.display().to_string()),
            || Command::ReplaceReadOnly(path.clone()),
        ),
        Modal::AlreadyOpen(path) => confirm_path_ui(
            ctx,
            language,
            "already_open",
            &screen(&path.display().to_string()),
            || Command::OpenReadOnly(path.clone()),
        ),
        Modal::PathEntry { purpose, text } => path_entry_ui(ctx, language, *purpose, text),
        Modal::Shortcuts => shortcuts_ui(ctx, language),
        Modal::SaveTemplate(form) => {
            super::template::template_dialog_ui(ctx, language, method, form)
        }
        Modal::CompareChoice => {
            let title = t("dialog.compare.title");
            let body = match case {
                Some(_) => format!(
                    "{} {}",
                    t("dialog.compare.body"),
                    t("dialog.compare.case_stays")
                ),
                None => t("dialog.compare.body").to_owned(),
            };
            let body = RichText::new(body);
            let choices = [t("dialog.compare.files"), t("dialog.compare.folder")];
            match question_ui(ctx, language, "compare", title, body, &choices) {
                Some(Some(choice)) => Reply::CloseThen(Command::PickSessions {
                    folder: choice == 1,
                }),
                Some(None) => Reply::Close,
                None => Reply::Wait,
            }
        }
        Modal::SilentRound(form) => match case {
            Some(case) => super::silent::silent_round_ui(ctx, language, method, case, form),
            None => Reply::Close,
        },
    }
}

/// A yes-or-cancel question about a file, with the texts `dialog.{id}.title`, `.body`
/// (naming the file) and `.confirm`.
fn confirm_path_ui(
    ctx: &egui::Context,
    language: Language,
    id: &str,
    shown: &str,
    then: impl FnOnce() -> Command,
) -> Reply {
    let key = |part: &str| format!("dialog.{id}.{part}");
    let body = tr_args(language, &key("body"), &[("path", shown)]);
    let confirm = [tr(language, &key("confirm"))];
    let title = tr(language, &key("title"));
    let answer = question_ui(ctx, language, id, title, body.into(), &confirm);
    on_confirm(answer, then)
}

/// A yes-or-cancel question's answer as a reply.
fn on_confirm(answer: Option<Option<usize>>, then: impl FnOnce() -> Command) -> Reply {
    match answer {
        Some(Some(_)) => Reply::CloseThen(then()),
        Some(None) => Reply::Close,
        None => Reply::Wait,
    }
}

fn conflict_ui(ctx: &egui::Context, language: Language, shown: &str) -> Reply {
    let t = |key| tr(language, key);
    let body = tr_args(language, "dialog.conflict.body", &[("path", shown)]);
    let choices = [t("dialog.conflict.overwrite"), t("dialog.conflict.copy")];
    let title = t("dialog.conflict.title");
    match question_ui(ctx, language, "conflict", title, body.into(), &choices) {
        Some(Some(0)) => Reply::CloseThen(Command::Overwrite),
        Some(Some(_)) => Reply::CloseThen(actions::Action::SaveAs.into()),
        Some(None) => Reply::Close,
        None => Reply::Wait,
    }
}

fn unsaved_ui(
    ctx: &egui::Context,
    language: Language,
    pending: &Command,
    case: Option<&Case>,
) -> Reply {
    let t = |key| tr(language, key);
    let title = case
        .map(|c| c.title.trim())
        .filter(|t| !t.is_empty())
        .unwrap_or(t("case.untitled"));
    let body = tr_args(language, "dialog.unsaved.body", &[("title", title)]);
    let choices = [t("dialog.unsaved.save"), t("dialog.unsaved.discard")];
    let heading = t("dialog.unsaved.title");
    let pending = Box::new(pending.clone());
    match question_ui(ctx, language, "unsaved", heading, body.into(), &choices) {
        Some(Some(0)) => Reply::CloseThen(Command::SaveThen(pending)),
        Some(Some(_)) => Reply::CloseThen(Command::DiscardThen(pending)),
        Some(None) => Reply::Close,
        None => Reply::Wait,
    }
}

fn check_ui(
    ctx: &egui::Context,
    language: Language,
    check: &mut PrivacyCheck,
    case: &Case,
) -> Reply {
    match privacy_check::privacy_check_ui(ctx, language, case, check) {
        Some(CheckAnswer::GoTo(place)) => Reply::CloseThen(Command::GoTo(place.stage(case))),
        Some(CheckAnswer::Replace(index)) => Reply::Do(Command::ReplaceFinding(index)),
        Some(CheckAnswer::NotAName(index)) => Reply::Do(Command::NotAName(index)),
        Some(CheckAnswer::Export) => match check.then_export {
            Some(format) => Reply::CloseThen(Command::ExportChecked(format)),
            None => Reply::Close,
        },
        Some(CheckAnswer::Close) => Reply::Close,
        None => Reply::Wait,
    }
}

/// A question with its answers and Cancel. `Some(Some(i))` for answer `i`, `Some(None)`
/// for Cancel or closing, `None` while it waits.
fn question_ui(
    ctx: &egui::Context,
    language: Language,
    id: &str,
    title: &str,
    body: RichText,
    answers: &[&str],
) -> Option<Option<usize>> {
    dialog_ui(ctx, language, id, title, body, answers, true)
}

/// A message with OK, which Enter also gives.
fn message_ui(ctx: &egui::Context, language: Language, title: &str, body: &str) -> bool {
    let ok = [tr(language, "dialog.ok")];
    dialog_ui(ctx, language, "message", title, body.into(), &ok, false).is_some()
}

fn dialog_ui(
    ctx: &egui::Context,
    language: Language,
    id: &str,
    title: &str,
    body: RichText,
    answers: &[&str],
    with_cancel: bool,
) -> Option<Option<usize>> {
    let message_only = !with_cancel;
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique(("modal", id))).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading(title);
        ui.add_space(6.0);
        ui.label(body);
        ui.add_space(10.0);
        ui.horizontal_wrapped(|ui| {
            for (i, text) in answers.iter().enumerate() {
                if ui.button(*text).clicked() {
                    answer = Some(Some(i));
                }
            }
            if !message_only && ui.button(tr(language, "dialog.cancel")).clicked() {
                answer = Some(None);
            }
        });
        if message_only && ui.input(|i| i.key_pressed(Key::Enter)) {
            answer = Some(Some(0));
        }
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(None);
    }
    answer
}

/// The export dialog: the team report or the letter, the format, pseudonyms or real
/// names, and for a hand-in one student's reflection; then "Export…" asks for a file.
fn export_ui(
    ctx: &egui::Context,
    language: Language,
    (format, names, contents): (&mut Format, &mut Names, &mut Contents),
    case: Option<&Case>,
) -> Reply {
    let t = |key| tr(language, key);
    let mut reply = Reply::Wait;
    let modal = egui::Modal::new(egui::Id::unique("export_dialog")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading(t("export.title"));
        ui.add_space(4.0);
        ui.label(RichText::new(t("export.report")).strong());
        for kind in ReportKind::ALL {
            ui.radio_value(&mut contents.kind, kind, t(kind.label_key()));
        }
        // What the chosen document holds, under the choice.
        let holds = match contents.kind {
            ReportKind::Team => "export.body",
            ReportKind::Letter => "export.body_letter",
            ReportKind::Signals => "export.body_signals",
        };
        ui.label(RichText::new(t(holds)).weak());
        if !contents.kind.formats().contains(format) {
            *format = Format::Pdf;
        }
        ui.add_space(8.0);
        ui.label(RichText::new(t("signals.view.format")).strong());
        for option in contents.kind.formats() {
            let label = match contents.kind {
                ReportKind::Signals => crate::export::signals::format_label_key(*option),
                _ => option.label_key(),
            };
            ui.radio_value(format, *option, t(label));
        }
        if contents.kind == ReportKind::Team
            && let Some(case) = case
        {
            reflection_choice_ui(ui, language, case, &mut contents.reflection);
        }
        if contents.kind == ReportKind::Letter
            && let Some(case) = case
        {
            letter_notice_ui(ui, language, case);
        }
        ui.add_space(8.0);
        ui.label(RichText::new(t("export.names")).strong());
        ui.radio_value(names, Names::Pseudonymised, t("export.names.pseudonymised"));
        ui.radio_value(names, Names::Real, t("export.names.real"));
        ui.add_space(6.0);
        ui.label(RichText::new(t("export.language_note")).weak());
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            // A letter that would say nothing was agreed is not offered (the notice says why).
            let blocked = contents.kind == ReportKind::Letter
                && case.is_some_and(crate::export::letter::would_mislead);
            let go = ui.add_enabled(!blocked, egui::Button::new(t("export.go")));
            if !blocked && (go.clicked() || ui.input(|i| i.key_pressed(Key::Enter))) {
                reply = Reply::CloseThen(Command::ExportAs(*format, *names, contents.clone()));
            }
            if ui.button(t("dialog.cancel")).clicked() {
                reply = Reply::Close;
            }
        });
    });
    if modal.should_close() && matches!(reply, Reply::Wait) {
        reply = Reply::Close;
    }
    reply
}

/// What the letter leaves out, or why it cannot be made yet, before the user exports.
fn letter_notice_ui(ui: &mut egui::Ui, language: Language, case: &Case) {
    let text = if crate::export::letter::would_mislead(case) {
        let chosen = case.chosen().count();
        let key = "error.letter_without_agreements";
        // The message is also the end of a sentence ("… could not be made: …").
        let text = crate::i18n::tr_count(language, key, chosen, &[]);
        let mut chars = text.chars();
        chars
            .next()
            .map(|first| format!("{}{}.", first.to_uppercase(), chars.as_str()))
    } else {
        crate::export::letter::left_out_warning(case, language)
    };
    if let Some(text) = text {
        ui.add_space(6.0);
        let colour = ui.visuals().warn_fg_color;
        ui.add(egui::Label::new(RichText::new(format!("⚠ {text}")).color(colour)).wrap());
    }
}

/// Which student's reflection goes into a hand-in: only those who wrote one are offered.
fn reflection_choice_ui(
    ui: &mut egui::Ui,
    language: Language,
    case: &Case,
    choice: &mut ReflectionChoice,
) {
    let mut choices: Vec<(ReflectionChoice, String)> = case
        .participants
        .iter()
        .filter(|p| case.closing.personal(p.id).is_some())
        .map(|p| {
            let name = super::closing::student_name(language, case, p.id);
            (ReflectionChoice::Of(p.id), name)
        })
        .collect();
    if !case.closing.reflection.is_empty() {
        let unnamed = tr(language, "reflection.unnamed").to_owned();
        choices.push((ReflectionChoice::Unnamed, unnamed));
    }
    if choices.is_empty() {
        *choice = ReflectionChoice::LeftOut;
        return;
    }
    ui.add_space(8.0);
    let label = ui.label(RichText::new(tr(language, "export.reflection")).strong());
    let none = tr(language, "export.reflection.none").to_owned();
    choices.insert(0, (ReflectionChoice::LeftOut, none));
    let shown = choices
        .iter()
        .find(|(c, _)| c == choice)
        .map(|(_, name)| name.clone())
        .unwrap_or_default();
    egui::ComboBox::from_id_salt("export_reflection")
        .selected_text(shown)
        .width(320.0)
        .show_ui(ui, |ui| {
            for (value, name) in choices {
                ui.selectable_value(choice, value, name);
            }
        })
        .response
        .labelled_by(label.id);
}

fn shortcuts_ui(ctx: &egui::Context, language: Language) -> Reply {
    let mut reply = Reply::Wait;
    let modal = egui::Modal::new(egui::Id::unique("shortcuts_dialog")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading(tr(language, "action.shortcuts"));
        ui.add_space(6.0);
        actions::shortcuts_overview_ui(ui, language);
        ui.add_space(10.0);
        if ui.button(tr(language, "dialog.close")).clicked() {
            reply = Reply::Close;
        }
    });
    if modal.should_close() {
        reply = Reply::Close;
    }
    reply
}

/// The recovery copies found at start: restore or throw away each one, or decide later.
fn recovery_ui(ctx: &egui::Context, language: Language, found: &[FoundRecovery]) -> Reply {
    let t = |key| tr(language, key);
    let mut reply = Reply::Wait;
    egui::Modal::new(egui::Id::unique("recovery_dialog")).show(ctx, |ui| {
        ui.set_max_width(640.0);
        ui.heading(t("recovery.title"));
        ui.add_space(4.0);
        ui.label(t("recovery.body"));
        ui.add_space(8.0);
        egui::ScrollArea::vertical()
            .max_height(420.0)
            .show(ui, |ui| {
                for (index, found) in found.iter().enumerate() {
                    style::card_frame(ui).show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        if let Some(command) = recovery_card_ui(ui, language, index, found) {
                            reply = Reply::Do(command);
                        }
                    });
                }
            });
        ui.add_space(8.0);
        if ui.button(t("recovery.later")).clicked() {
            reply = Reply::Close;
        }
    });
    reply
}

fn recovery_card_ui(
    ui: &mut egui::Ui,
    language: Language,
    index: usize,
    found: &FoundRecovery,
) -> Option<Command> {
    let t = |key| tr(language, key);
    let name = match found {
        Ok(r) => {
            let title = if r.case.title.trim().is_empty() {
                t("case.untitled").to_owned()
            } else {
                r.case.title.clone()
            };
            ui.label(RichText::new(&title).strong());
            let when = r
                .written_at
                .with_timezone(&chrono::Local)
                .format("%d-%m-%Y %H:%M:%S")
                .to_string();
            ui.label(tr_args(language, "recovery.written", &[("when", &when)]));
            ui.label(match &r.original_path {
                Some(p) => tr_args(
                    language,
                    "recovery.belongs_to",
                    &[("path", &p.display().to_string())],
                ),
                None => t("recovery.never_saved").to_owned(),
            });
            if r.original_path.is_some() {
                ui.label(t(if r.newer_than_original {
                    "recovery.newer"
                } else {
                    "recovery.older"
                }));
            }
            title
        }
        Err((file, error)) => {
            ui.label(RichText::new(file.display().to_string()).strong());
            ui.colored_label(
                ui.visuals().error_fg_color,
                messages::load_error(language, error),
            );
            file.display().to_string()
        }
    };
    let mut command = None;
    ui.horizontal(|ui| {
        let mut button = |key: &str, named: &str, then: Command| {
            let label = tr_args(language, named, &[("title", &name)]);
            if ui
                .button(tr(language, key))
                .accessible_name(label)
                .clicked()
            {
                command = Some(then);
            }
        };
        if found.is_ok() {
            let restore = Command::RestoreRecovery(index);
            button("recovery.restore", "recovery.restore_named", restore);
        }
        let discard = Command::DiscardRecovery(index);
        button("recovery.discard", "recovery.discard_named", discard);
    });
    command
}
