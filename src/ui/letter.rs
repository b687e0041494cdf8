//! On the plan screen: what the report says about itself (status, version, approval,
//! conclusion, next evaluation) and what the letter to the resident says, with the
//! plain-language check under every text the resident will read.

use egui::RichText;

use super::{CaseView, Command, widgets};
use crate::i18n::{Language, tr};
use crate::method::{Jargon, Method};
use crate::model::{Case, CaseEdit, DateField, DocumentStatus, ItemId, TextField};
use crate::plain;

/// The report's status, version, approval, conclusion and next evaluation.
pub fn report_ui(
    ui: &mut egui::Ui,
    language: Language,
    case: &Case,
    view: &mut CaseView,
    commands: &mut Vec<Command>,
) {
    let t = |key| tr(language, key);
    super::style::level_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(t("plan.report_section")).size(19.0).strong());
        ui.label(RichText::new(t("plan.report_hint")).weak());
        let conclusion = (t("report.conclusion"), t("plan.conclusion_hint"));
        widgets::labelled_text(ui, case, TextField::Conclusion, conclusion, 2, commands);
        ui.horizontal_wrapped(|ui| {
            ui.vertical(|ui| status_ui(ui, language, case, commands));
            ui.add_space(12.0);
            ui.vertical(|ui| version_ui(ui, language, case, commands));
            ui.add_space(12.0);
            ui.vertical(|ui| {
                let label = ui.label(RichText::new(t("plan.approved_by")).strong());
                widgets::edit_text(ui, case, TextField::ApprovedBy, commands, |text| {
                    egui::TextEdit::singleline(text).desired_width(220.0)
                })
                .labelled_by(label.id);
            });
            ui.add_space(12.0);
            for (field, key) in [
                (DateField::ApprovedOn, "plan.approved_on"),
                (DateField::NextEvaluation, "plan.next_evaluation"),
            ] {
                ui.vertical(|ui| {
                    let label = (t(key), t(key));
                    widgets::date_ui(ui, language, label, field, case, &mut view.dates, commands);
                });
                ui.add_space(12.0);
            }
        });
    });
}

fn status_ui(ui: &mut egui::Ui, language: Language, case: &Case, commands: &mut Vec<Command>) {
    let key = |status| match status {
        DocumentStatus::Concept => "plan.document_status.concept",
        DocumentStatus::Final => "plan.document_status.final",
    };
    let label = ui.label(RichText::new(tr(language, "plan.document_status")).strong());
    let current = case.report.status;
    ui.horizontal(|ui| {
        for status in [DocumentStatus::Concept, DocumentStatus::Final] {
            if ui
                .radio(current == status, tr(language, key(status)))
                .labelled_by(label.id)
                .clicked()
                && current != status
            {
                commands.push(CaseEdit::SetDocumentStatus(status).into());
            }
        }
    });
}

fn version_ui(ui: &mut egui::Ui, language: Language, case: &Case, commands: &mut Vec<Command>) {
    let label = ui.label(RichText::new(tr(language, "plan.version")).strong());
    let mut version = case.report.shown_version();
    let response = ui
        .add(egui::DragValue::new(&mut version).range(1..=999))
        .labelled_by(label.id);
    if response.changed() && version != case.report.shown_version() {
        commands.push(CaseEdit::SetVersion(version).into());
    }
}

/// The letter's own fields: to whom, what we heard, the contact person, what the team
/// passes on; each text with its plain-language check.
pub fn letter_ui(
    ui: &mut egui::Ui,
    language: Language,
    method: &Method,
    case: &Case,
    commands: &mut Vec<Command>,
) {
    let t = |key| tr(language, key);
    super::style::level_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(t("letter.section")).size(19.0).strong());
        ui.label(RichText::new(t("letter.section_hint")).weak());
        addressee_ui(ui, language, case, commands);
        for (field, label, hint) in [
            (
                TextField::LetterHeard,
                "letter.heard_label",
                "letter.heard_hint",
            ),
            (
                TextField::LetterPassedOn,
                "letter.passed_on_label",
                "letter.passed_on_hint",
            ),
            (
                TextField::LetterContact,
                "letter.contact_label",
                "letter.contact_hint",
            ),
        ] {
            widgets::labelled_text(ui, case, field, (t(label), t(hint)), 2, commands);
            // The contact line holds a name and a job title ("Wmo-consultant"): the
            // resident knows that title, so it is not checked for jargon.
            let jargon: &[Jargon] = match field {
                TextField::LetterContact => &[],
                _ => &method.jargon,
            };
            plain_ui(ui, language, jargon, case.text(field).unwrap_or_default());
        }
    });
}

fn addressee_ui(ui: &mut egui::Ui, language: Language, case: &Case, commands: &mut Vec<Command>) {
    let t = |key| tr(language, key);
    let name = |id: Option<ItemId>| {
        id.and_then(|id| case.persons.iter().find(|p| p.id == id))
            .map(|p| p.pseudonym.trim().to_owned())
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| t("letter.addressee_none").to_owned())
    };
    let current = case.letter.addressee;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(RichText::new(t("letter.addressee")).strong());
        egui::ComboBox::from_id_salt("letter_addressee")
            .selected_text(name(current))
            .show_ui(ui, |ui| {
                let choices = std::iter::once(None).chain(case.persons.iter().map(|p| Some(p.id)));
                for choice in choices {
                    if ui
                        .selectable_label(current == choice, name(choice))
                        .clicked()
                        && current != choice
                    {
                        commands.push(CaseEdit::SetAddressee(choice).into());
                    }
                }
            })
            .response
            .labelled_by(label.id);
        if case.persons.is_empty() {
            ui.label(RichText::new(t("letter.addressee_hint")).weak());
        } else {
            let mut real = case.letter.by_real_name;
            if ui.checkbox(&mut real, t("letter.by_real_name")).changed() {
                commands.push(CaseEdit::SetAddressByRealName(real).into());
            }
        }
    });
}

/// "Voor de inwoner" of a chosen intervention, with its check, or a note that the
/// intervention stays out of the letter while it is empty.
pub fn for_resident_ui(
    ui: &mut egui::Ui,
    language: Language,
    method: &Method,
    case: &Case,
    (id, name): (ItemId, &str),
    commands: &mut Vec<Command>,
) {
    let t = |key| tr(language, key);
    ui.label(RichText::new(t("plan.for_resident")).strong());
    let field = TextField::ForResident(id);
    widgets::edit_text(ui, case, field, commands, |text| {
        egui::TextEdit::multiline(text)
            .desired_rows(1)
            .desired_width(f32::INFINITY)
            .hint_text(t("plan.for_resident_hint"))
    })
    .accessible_name(format!("{} — {name}", t("plan.for_resident")));
    let text = case.text(field).unwrap_or_default();
    if text.trim().is_empty() {
        ui.label(RichText::new(t("letter.not_in_letter")).weak().italics());
    } else {
        plain_ui(ui, language, &method.jargon, text);
    }
}

/// The plain-language check's findings under a text, in the warning colour.
fn plain_ui(ui: &mut egui::Ui, language: Language, jargon: &[Jargon], text: &str) {
    let issues = plain::check(text, language, jargon);
    if issues.is_empty() {
        return;
    }
    let colour = ui.visuals().warn_fg_color;
    let lines: Vec<String> = issues
        .iter()
        .map(|i| plain::describe(language, i))
        .collect();
    let text = format!("{}: {}", tr(language, "plain.title"), lines.join(" · "));
    ui.add(egui::Label::new(RichText::new(format!("⚠ {text}")).color(colour)).wrap());
}
