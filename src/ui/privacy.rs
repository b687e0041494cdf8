//! The people in the case with their pseudonyms, the resident's consent, and how long
//! the case file may be kept: the privacy part of the opening.

use egui::RichText;

use super::{CaseView, Command, widgets};
use crate::i18n::{Language, tr, tr_args};
use crate::model::{Case, CaseEdit, Consent, DateField, TextField};

pub fn privacy_ui(
    ui: &mut egui::Ui,
    language: Language,
    case: &Case,
    view: &mut CaseView,
    commands: &mut Vec<Command>,
) {
    let t = |key| tr(language, key);
    super::style::level_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(t("privacy.section")).size(19.0).strong());
        ui.label(RichText::new(t("privacy.persons_hint")).weak());
        ui.add_space(4.0);
        persons_ui(ui, language, case, commands);
        if ui.button(t("privacy.add_person")).clicked() {
            commands.push(CaseEdit::AddPerson.into());
        }
        ui.add_space(8.0);
        let label = ui.label(RichText::new(t("privacy.consent")).strong());
        let consent_text = |c: Consent| {
            t(match c {
                Consent::Unknown => "privacy.consent.unknown",
                Consent::Given => "privacy.consent.given",
                Consent::NotGiven => "privacy.consent.not_given",
            })
        };
        egui::ComboBox::from_id_salt("consent")
            .selected_text(consent_text(case.consent))
            .width(ui.available_width().min(420.0))
            .show_ui(ui, |ui| {
                for option in [Consent::Given, Consent::NotGiven, Consent::Unknown] {
                    if ui
                        .selectable_label(case.consent == option, consent_text(option))
                        .clicked()
                        && case.consent != option
                    {
                        commands.push(CaseEdit::SetConsent(option).into());
                    }
                }
            })
            .response
            .labelled_by(label.id);
        if case.consent == Consent::NotGiven {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                t("privacy.consent.not_given_warning"),
            );
        }
        ui.add_space(6.0);
        let label = t("privacy.delete_by");
        let dates = &mut view.dates;
        widgets::date_ui(
            ui,
            language,
            (label, label),
            DateField::DeleteBy,
            case,
            dates,
            commands,
        );
        ui.label(RichText::new(t("privacy.delete_by_hint")).weak());
    });
}

/// Each person in the case: pseudonym, real name, and a button to remove them.
fn persons_ui(ui: &mut egui::Ui, language: Language, case: &Case, commands: &mut Vec<Command>) {
    let t = |key| tr(language, key);
    if !case.persons.is_empty() {
        ui.horizontal(|ui| {
            let half = ((ui.available_width() - 60.0) / 2.0).max(120.0);
            for key in ["privacy.pseudonym", "privacy.real_name"] {
                let size = egui::vec2(half, 18.0);
                let layout = egui::Layout::left_to_right(egui::Align::Center);
                ui.allocate_ui_with_layout(size, layout, |ui| {
                    ui.set_min_width(half);
                    ui.label(RichText::new(t(key)).strong());
                });
            }
        });
    }
    for (i, person) in case.persons.iter().enumerate() {
        let number = (i + 1).to_string();
        let name_of = |key: &str| tr_args(language, key, &[("number", &number)]);
        ui.horizontal(|ui| {
            let half = ((ui.available_width() - 60.0) / 2.0).max(120.0);
            let fields = [
                (TextField::PersonPseudonym(person.id), "privacy.pseudonym"),
                (TextField::PersonRealName(person.id), "privacy.real_name"),
            ];
            for (field, key) in fields {
                widgets::edit_text(ui, case, field, commands, |text| {
                    egui::TextEdit::singleline(text)
                        .hint_text(tr(language, &format!("{key}_hint")))
                        .desired_width(half)
                })
                .accessible_name(name_of(&format!("{key}_of")));
            }
            if widgets::icon_button(ui, "🗑", &name_of("privacy.remove")).clicked() {
                commands.push(CaseEdit::RemovePerson(person.id).into());
            }
        });
        // A nickname or maiden name is replaced like the real name: under the real name,
        // with its label where the pseudonym stands.
        ui.horizontal(|ui| {
            let half = ((ui.available_width() - 60.0) / 2.0).max(120.0);
            let layout = egui::Layout::right_to_left(egui::Align::Center);
            ui.allocate_ui_with_layout(egui::vec2(half, 18.0), layout, |ui| {
                ui.set_min_width(half);
                ui.label(RichText::new(t("privacy.other_names")).weak());
            });
            let field = TextField::PersonOtherNames(person.id);
            widgets::edit_text(ui, case, field, commands, |text| {
                egui::TextEdit::singleline(text)
                    .hint_text(tr(language, "privacy.other_names_hint"))
                    .desired_width(half)
            })
            .accessible_name(name_of("privacy.other_names_of"));
        });
        ui.add_space(4.0);
    }
}
