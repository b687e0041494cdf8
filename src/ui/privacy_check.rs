//! The personal-data check: before an export and on demand, every finding with where it
//! is, to open there, replace, or accept knowingly.

use std::collections::HashSet;

use egui::RichText;

use crate::export::{Format, Names};
use crate::i18n::{Language, tr, tr_args, tr_count};
use crate::model::Case;
use crate::privacy::{self, CaseFinding, FindingKind, Place};

/// An open check: what was found, what the user accepted, and the export waiting on it.
pub struct PrivacyCheck {
    pub findings: Vec<CaseFinding>,
    pub accepted: HashSet<(Place, FindingKind, String)>,
    /// The export to carry on with once every finding is dealt with.
    pub then_export: Option<Format>,
    /// Whether the check looks at the case with pseudonyms (as it leaves the app, or as
    /// the projector shows it) or with the real names.
    pub names: Names,
}

impl PrivacyCheck {
    pub fn new(findings: Vec<CaseFinding>, then_export: Option<Format>, names: Names) -> Self {
        PrivacyCheck {
            findings,
            accepted: HashSet::new(),
            then_export,
            names,
        }
    }

    /// Checks the case as it would leave the app: pseudonymised unless real names were
    /// chosen.
    pub fn run(case: &Case, names: Names, language: Language) -> Vec<CaseFinding> {
        match names {
            Names::Pseudonymised => privacy::check_case(&privacy::pseudonymise(case, language)),
            Names::Real => privacy::check_case(case),
        }
    }

    /// Checks the case before an export: with the real names chosen, the registered names
    /// are meant to be in it and are no finding; every other kind still is.
    pub fn run_for_export(case: &Case, names: Names, language: Language) -> Vec<CaseFinding> {
        privacy::check_export(case, names == Names::Real, language)
    }

    /// The same check again, after a change to the case.
    pub fn rerun(&self, case: &Case, language: Language) -> Vec<CaseFinding> {
        if self.then_export.is_some() {
            Self::run_for_export(case, self.names, language)
        } else {
            Self::run(case, self.names, language)
        }
    }

    fn key(finding: &CaseFinding) -> (Place, FindingKind, String) {
        (finding.place, finding.kind, finding.found.clone())
    }

    pub fn is_accepted(&self, finding: &CaseFinding) -> bool {
        self.accepted.contains(&Self::key(finding))
    }

    pub fn all_accepted(&self) -> bool {
        self.findings.iter().all(|f| self.is_accepted(f))
    }
}

/// What the user did in the dialog.
pub enum CheckAnswer {
    GoTo(Place),
    Replace(usize),
    NotAName(usize),
    Export,
    Close,
}

pub fn privacy_check_ui(
    ctx: &egui::Context,
    language: Language,
    case: &Case,
    check: &mut PrivacyCheck,
) -> Option<CheckAnswer> {
    let t = |key| tr(language, key);
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("privacy_check")).show(ctx, |ui| {
        ui.set_max_width(680.0);
        ui.heading(t("personal_data.title"));
        ui.add_space(4.0);
        if check.findings.is_empty() {
            ui.label(t("personal_data.none"));
        } else {
            let count = check.findings.len();
            ui.label(tr_count(language, "personal_data.found", count, &[]));
        }
        ui.add_space(6.0);
        egui::ScrollArea::vertical()
            .max_height(ctx.content_rect().height() * 0.55)
            .show(ui, |ui| {
                for index in 0..check.findings.len() {
                    if let Some(found) = finding_ui(ui, language, case, check, index) {
                        answer = Some(found);
                    }
                    ui.add_space(4.0);
                }
            });
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if check.then_export.is_some() {
                let ready = check.all_accepted();
                if ui
                    .add_enabled(ready, egui::Button::new(t("personal_data.export")))
                    .on_disabled_hover_text(t("personal_data.export_blocked"))
                    .clicked()
                {
                    answer = Some(CheckAnswer::Export);
                }
                if ui.button(t("dialog.cancel")).clicked() {
                    answer = Some(CheckAnswer::Close);
                }
            } else if ui.button(t("personal_data.close")).clicked() {
                answer = Some(CheckAnswer::Close);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(CheckAnswer::Close);
    }
    answer
}

/// One finding: what and where, and the buttons to go there, replace or accept it.
fn finding_ui(
    ui: &mut egui::Ui,
    language: Language,
    case: &Case,
    check: &mut PrivacyCheck,
    index: usize,
) -> Option<CheckAnswer> {
    let t = |key| tr(language, key);
    let finding = &check.findings[index];
    let place = privacy::place_label(case, finding.place, language);
    let kind = t(privacy::kind_key(finding.kind));
    let mut answer = None;
    super::style::card_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(kind).strong());
            ui.label(RichText::new(format!("“{}”", finding.found)).monospace());
            ui.label(RichText::new(format!("— {place}")).weak());
        });
        let what = format!("{kind} “{}”", finding.found);
        let named = |key| tr_args(language, key, &[("what", &what)]);
        ui.horizontal_wrapped(|ui| {
            let go = named("personal_data.go_to_of");
            if ui
                .button(t("personal_data.go_to"))
                .accessible_name(go)
                .clicked()
            {
                answer = Some(CheckAnswer::GoTo(finding.place));
            }
            let replace = named("personal_data.replace_of");
            if ui
                .button(t("personal_data.replace"))
                .accessible_name(replace)
                .clicked()
            {
                answer = Some(CheckAnswer::Replace(index));
            }
            if finding.kind == FindingKind::RegisteredName {
                let not_a_name = named("personal_data.not_a_name_of");
                if ui
                    .button(t("personal_data.not_a_name"))
                    .on_hover_text(t("personal_data.not_a_name_hint"))
                    .accessible_name(not_a_name)
                    .clicked()
                {
                    answer = Some(CheckAnswer::NotAName(index));
                }
            }
            let key = PrivacyCheck::key(finding);
            let mut accepted = check.accepted.contains(&key);
            let accept = named("personal_data.accept_of");
            if ui
                .checkbox(&mut accepted, t("personal_data.accept"))
                .accessible_name(accept)
                .changed()
            {
                if accepted {
                    check.accepted.insert(key);
                } else {
                    check.accepted.remove(&key);
                }
            }
        });
    });
    answer
}
