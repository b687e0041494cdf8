//! Class use: saving a case as a teacher's template, starting a session from one, and
//! the teacher's questions on the phase screens. The template file itself is never
//! written by a session: a session has no file until the group saves it under a name of
//! its own, and saving over a template is refused.

use std::path::{Path, PathBuf};

use egui::RichText;

use super::app::{Notice, SwanApp};
use super::dialogs::NoDialog;
use super::document::Document;
use super::modal::Reply;
use super::path_entry::PathPurpose;
use super::{Command, widgets};
use crate::i18n::{Language, tr, tr_args};
use crate::messages;
use crate::method::Method;
use crate::model::{Case, CaseEdit, Phase, TeacherSetup};
use crate::storage;

/// The "save as template" dialog while it is open: the lock and the teacher's questions
/// per phase, one per line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TemplateForm {
    pub locked: bool,
    pub prompts: [String; 3],
}

impl TemplateForm {
    /// Starts from what the case already has (a teacher improving their template).
    /// The form as last filled in this window, else as the case holds it.
    pub fn from_case(case: &Case, last: Option<&TeacherSetup>) -> TemplateForm {
        let setup = last.or(case.teacher.as_ref()).cloned().unwrap_or_default();
        TemplateForm {
            locked: setup.locked,
            prompts: Phase::ALL.map(|phase| setup.prompts_text(phase)),
        }
    }

    pub fn setup(&self) -> TeacherSetup {
        let mut setup = TeacherSetup {
            locked: self.locked,
            ..TeacherSetup::default()
        };
        for (phase, text) in Phase::ALL.iter().zip(&self.prompts) {
            setup.set_prompts_text(*phase, text);
        }
        setup
    }
}

/// The dialog: what goes into the template, the lock, the teacher's own questions.
pub fn template_dialog_ui(
    ctx: &egui::Context,
    language: Language,
    method: &Method,
    form: &mut TemplateForm,
) -> Reply {
    let t = |key| tr(language, key);
    let mut reply = Reply::Wait;
    let modal = egui::Modal::new(egui::Id::unique("template_dialog")).show(ctx, |ui| {
        ui.set_max_width(600.0);
        ui.heading(t("template.dialog.title"));
        ui.add_space(4.0);
        ui.label(t("template.dialog.body"));
        ui.add_space(8.0);
        ui.checkbox(&mut form.locked, t("template.dialog.lock"));
        ui.label(RichText::new(t("template.dialog.lock_hint")).weak().small());
        ui.add_space(8.0);
        ui.label(RichText::new(t("template.dialog.prompts")).strong());
        ui.label(
            RichText::new(t("template.dialog.prompts_hint"))
                .weak()
                .small(),
        );
        let height = (ctx.content_rect().height() - 420.0).clamp(140.0, 420.0);
        egui::ScrollArea::vertical()
            .max_height(height)
            .show(ui, |ui| {
                for (phase, text) in Phase::ALL.iter().zip(form.prompts.iter_mut()) {
                    let title = tr_args(
                        language,
                        "template.dialog.prompts_for",
                        &[
                            ("number", &phase.number().to_string()),
                            ("title", method.phase(*phase).title.get(language)),
                        ],
                    );
                    let label = ui.label(&title);
                    ui.add(
                        egui::TextEdit::multiline(text)
                            .desired_rows(2)
                            .desired_width(f32::INFINITY)
                            .char_limit(crate::model::MAX_TEXT_CHARS),
                    )
                    .labelled_by(label.id);
                    ui.add_space(4.0);
                }
            });
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(t("template.dialog.save")).clicked() {
                reply = Reply::CloseThen(Command::SaveTemplate(form.setup()));
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

/// The teacher's questions for a phase, above the levels, marked as the teacher's.
pub fn teacher_prompts_ui(ui: &mut egui::Ui, language: Language, case: &Case, phase: Phase) {
    let prompts = case.teacher_prompts(phase);
    if prompts.is_empty() {
        return;
    }
    super::style::card_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(tr(language, "template.teacher_prompts")).strong());
        for prompt in prompts {
            ui.horizontal_top(|ui| {
                ui.label("•");
                ui.add(egui::Label::new(prompt).wrap());
            });
        }
    });
    ui.add_space(4.0);
}

/// The small note beside a locked description and question.
pub fn locked_note_ui(ui: &mut egui::Ui, language: Language) {
    ui.label(
        RichText::new(tr(language, "template.locked_note"))
            .small()
            .color(ui.visuals().warn_fg_color),
    );
}

/// The name the first save of a session suggests: the template's name without its
/// "template" word, the names the group filled in, and today's date.
pub fn session_file_name(
    template: &Path,
    case: &Case,
    today: chrono::NaiveDate,
    language: Language,
) -> String {
    let file = template
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut stem = storage::case_stem(&file).to_owned();
    for language in Language::ALL {
        let word = format!("-{}", tr(language, "template.file_word"));
        if let Some(cut) = stem.strip_suffix(&word) {
            stem = cut.to_owned();
        }
    }
    let stem: String = stem.chars().take(40).collect();
    let names: Vec<&str> = case
        .participants
        .iter()
        .filter_map(|p| p.name.split_whitespace().next())
        .take(4)
        .collect();
    let title = format!("{stem} {} {}", names.join(" "), today.format("%Y-%m-%d"));
    let name = widgets::suggested_file_name(&title, language);
    // The date belongs at the end even when the names were long.
    if name.contains(&today.format("%Y-%m-%d").to_string()) {
        name
    } else {
        widgets::suggested_file_name(&format!("{stem} {}", today.format("%Y-%m-%d")), language)
    }
}

/// Whether two paths name the same file (also through another spelling or a link).
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

impl SwanApp {
    /// The dialog answered: remember the choice, then ask where the template goes.
    /// Nothing changes in the teacher's case until the template is written.
    pub(super) fn save_template(&mut self, setup: TeacherSetup) {
        let language = self.language();
        let Some(doc) = &mut self.doc else { return };
        doc.template_setup = Some(setup);
        let title = format!(
            "{} {}",
            doc.case.title.trim(),
            tr(language, "template.file_word")
        );
        let suggested = widgets::suggested_file_name(&title, language);
        match self.dialogs.save_case(language, &suggested) {
            Ok(Some(path)) => self.save_template_to(&storage::with_case_extension(path)),
            Ok(None) => {}
            Err(NoDialog) => self.type_path(PathPurpose::SaveTemplate, &suggested),
        }
    }

    /// Writes the open case as a template at `path`, with the setup chosen in the dialog.
    /// The open case keeps its own file (writing the template over it is refused) and
    /// keeps its own lock: it takes the teacher's questions (undoable, so the teacher sees
    /// them in the phases), not the template's lock, which is for the students' sessions.
    pub(super) fn save_template_to(&mut self, path: &Path) {
        let language = self.language();
        let Some(doc) = &self.doc else { return };
        let inputs: Vec<&Path> = doc.path.as_deref().into_iter().collect();
        let setup = doc
            .template_setup
            .clone()
            .or_else(|| doc.case.teacher.clone())
            .unwrap_or_default();
        let template = doc.case.to_template(setup.clone());
        // The open case keeps its own lock: none for the teacher's case, the teacher's
        // for a student's session.
        let own = doc.case.teacher.clone().unwrap_or_default();
        let questions = TeacherSetup {
            locked: own.locked,
            ..setup
        };
        let written =
            storage::check_output(path, &inputs).and_then(|()| storage::save_case(path, &template));
        match written {
            Ok(()) => {
                if own != questions {
                    let teacher = (!questions.is_empty()).then_some(questions);
                    self.apply_edit(CaseEdit::SetTeacher(teacher));
                }
                self.settings.remember(path);
                self.store_settings();
                let shown = path.display().to_string();
                self.status = Some(Notice::Info(tr_args(
                    language,
                    "template.saved",
                    &[("path", &shown)],
                )));
            }
            Err(e) => self.show_error(messages::save_error(language, path, &e)),
        }
    }

    /// Starts a new, unsaved session from the template at `path`.
    pub(super) fn start_from_template(&mut self, path: &Path, template: &Case) {
        self.drop_document();
        let mut doc = Document::new(template.start_from_template(), None);
        doc.template_file = Some(path.to_path_buf());
        self.doc = Some(doc);
        self.settings.remember(path);
        self.store_settings();
        let shown = path.display().to_string();
        self.status = Some(Notice::Info(tr_args(
            self.language(),
            "template.opened",
            &[("path", &shown)],
        )));
    }

    /// Where the first save of a session from a template suggests to go: beside the
    /// template, named after the group and the date.
    pub(super) fn session_save_place(&self) -> Option<(PathBuf, String)> {
        let doc = self.doc.as_ref()?;
        let template = doc.template_file.as_deref()?;
        let today = chrono::Local::now().date_naive();
        let name = session_file_name(template, &doc.case, today, self.language());
        let folder = template.parent().map(Path::to_path_buf).unwrap_or_default();
        Some((folder, name))
    }

    /// Why the open case may not be saved at `path`: it is the template it came from,
    /// or another teacher's template. Says so and returns true.
    pub(super) fn refuse_template_target(&mut self, path: &Path) -> bool {
        let Some(doc) = &self.doc else { return false };
        if doc.path.as_deref() == Some(path) {
            return false;
        }
        let is_source = doc
            .template_file
            .as_deref()
            .is_some_and(|t| same_file(t, path));
        let is_template = path.is_file() && storage::load_case(path).is_ok_and(|c| c.is_template);
        if !(is_source || is_template) {
            return false;
        }
        let shown = path.display().to_string();
        let message = tr_args(self.language(), "template.not_over", &[("path", &shown)]);
        self.show_error(message);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_round_trips_the_setup() {
        let mut form = TemplateForm {
            locked: true,
            prompts: [
                "Wie ziet haar?".into(),
                String::new(),
                "Wie betaalt?\nWanneer?".into(),
            ],
        };
        let setup = form.setup();
        assert!(setup.locked);
        assert_eq!(setup.prompts.len(), 3);
        let case = Case {
            teacher: Some(setup),
            ..Case::default()
        };
        assert_eq!(TemplateForm::from_case(&case, None), form);
        form.locked = false;
        form.prompts = Default::default();
        assert!(form.setup().is_empty());
    }

    #[test]
    fn a_session_is_named_after_the_template_the_group_and_the_date() {
        let mut case = Case::default();
        case.add_participant("Sanne de Vries", "", "");
        case.add_participant("", "", "");
        case.add_participant("Joris", "", "");
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 12).unwrap();
        let template = Path::new("/klas/jonge-mantelzorger-sjabloon.swan.ron");
        assert_eq!(
            session_file_name(template, &case, today, Language::Nl),
            "jonge-mantelzorger-Sanne-Joris-2026-11-12.swan.ron"
        );
        let english = Path::new("/class/young-carer-template.swan.ron");
        let empty = Case::default();
        assert_eq!(
            session_file_name(english, &empty, today, Language::Nl),
            "young-carer-2026-11-12.swan.ron"
        );
    }
}
