//! Class use: a teacher's template. A template is an ordinary case file with
//! `is_template` set; opening one starts a new, unsaved session from it, so the template
//! itself is never written by a student's work. What the teacher set (a lock on the
//! description and question, their own questions per phase) travels into every session
//! started from it, and into the file the group saves.

use serde::{Deserialize, Serialize};

use super::{Case, Phase, TextField};

/// What a teacher set for a class case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct TeacherSetup {
    /// The description and the question cannot be changed in the session.
    pub locked: bool,
    /// The teacher's own questions, shown in the phase screens beside the method's.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub prompts: Vec<TeacherPrompt>,
}

/// One extra question of the teacher, for one phase.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeacherPrompt {
    pub phase: Phase,
    pub text: String,
}

impl TeacherSetup {
    /// The teacher's questions for one phase, in their order.
    pub fn prompts_in(&self, phase: Phase) -> impl Iterator<Item = &str> {
        self.prompts
            .iter()
            .filter(move |p| p.phase == phase)
            .map(|p| p.text.as_str())
    }

    /// The questions of one phase as one text, a question per line (for editing).
    pub fn prompts_text(&self, phase: Phase) -> String {
        self.prompts_in(phase).collect::<Vec<_>>().join("\n")
    }

    /// Replaces the questions of one phase by the non-empty lines of `text`.
    pub fn set_prompts_text(&mut self, phase: Phase, text: &str) {
        let mut others: Vec<TeacherPrompt> = std::mem::take(&mut self.prompts);
        let lines = text
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(|line| TeacherPrompt {
                phase,
                text: line.to_owned(),
            });
        others.retain(|p| p.phase != phase);
        others.extend(lines);
        // Phase order first, the teacher's order within a phase.
        others.sort_by_key(|p| p.phase);
        self.prompts = others;
    }

    /// Whether the setup changes nothing (no lock, no questions).
    pub fn is_empty(&self) -> bool {
        !self.locked && self.prompts.is_empty()
    }
}

impl Case {
    /// The template a teacher hands out: title, description, question, the persons in
    /// the case (with their pseudonyms) and the participants' roles and disciplines
    /// without their names. Notes, options, the plan, the closing and the meeting's
    /// record stay behind.
    pub fn to_template(&self, setup: TeacherSetup) -> Case {
        let participants = self
            .participants
            .iter()
            .map(|p| super::Participant {
                name: String::new(),
                ..p.clone()
            })
            .collect();
        Case {
            title: self.title.clone(),
            description: self.description.clone(),
            question: self.question.clone(),
            participants,
            persons: self.persons.clone(),
            consent: self.consent,
            not_names: self.not_names.clone(),
            next_id: self.next_id,
            is_template: true,
            teacher: Some(setup),
            ..Case::default()
        }
    }

    /// A new session from this template: the same case, no longer a template, with the
    /// participants' names left for the group to fill in.
    pub fn start_from_template(&self) -> Case {
        let mut case = self.clone();
        case.is_template = false;
        for participant in &mut case.participants {
            participant.name.clear();
        }
        case
    }

    /// Whether the teacher locked the description and the question.
    pub fn description_locked(&self) -> bool {
        self.teacher.as_ref().is_some_and(|t| t.locked)
    }

    /// Whether `field` may not be changed here (the teacher's lock).
    pub fn is_locked(&self, field: TextField) -> bool {
        matches!(field, TextField::Description | TextField::Question) && self.description_locked()
    }

    /// The teacher's questions for one phase (none outside class use).
    pub fn teacher_prompts(&self, phase: Phase) -> Vec<&str> {
        self.teacher
            .iter()
            .flat_map(|t| t.prompts_in(phase))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CaseEdit, Entry, Level};

    fn class_case() -> Case {
        let mut case = Case {
            title: "Jonge mantelzorger".into(),
            description: "Een meisje van 15 zorgt voor haar moeder.".into(),
            question: "Wat heeft zij nodig?".into(),
            ..Case::default()
        };
        case.add_participant("Sanne", "Wmo-consultant", "case_bringer");
        case.add_participant("Joris", "Opbouwwerker", "participant");
        case.add_note(
            Phase::Understand,
            Level::Individual,
            Entry::new("Moeder heeft MS"),
        );
        case.add_option(Level::Community, Entry::new("Lotgenotengroep"));
        case.closing.lessons = "Eerder doorvragen".into();
        case
    }

    fn setup() -> TeacherSetup {
        let mut setup = TeacherSetup {
            locked: true,
            ..TeacherSetup::default()
        };
        setup.set_prompts_text(
            Phase::Possibilities,
            "Wat kan de school doen?\n\n  Wie betaalt?  ",
        );
        setup.set_prompts_text(Phase::Understand, "Wie ziet haar?");
        setup
    }

    #[test]
    fn a_template_keeps_the_case_and_the_roles_but_no_names_and_no_work() {
        let case = class_case();
        let template = case.to_template(setup());
        assert!(template.is_template);
        assert_eq!(template.description, case.description);
        assert_eq!(template.question, case.question);
        assert_eq!(template.participants.len(), 2);
        assert!(template.participants.iter().all(|p| p.name.is_empty()));
        assert_eq!(template.participants[0].discipline, "Wmo-consultant");
        assert_eq!(template.participants[0].role, "case_bringer");
        assert!(template.notes.is_empty() && template.options.is_empty());
        assert_eq!(template.closing, Default::default());
        // New items in a session never take an id of the template's participants.
        assert!(template.id_problem().is_none());
        assert!(template.next_id > template.participants[1].id);
    }

    #[test]
    fn prompts_are_kept_per_phase_one_per_line() {
        let setup = setup();
        assert_eq!(
            setup.prompts_in(Phase::Possibilities).collect::<Vec<_>>(),
            ["Wat kan de school doen?", "Wie betaalt?"]
        );
        assert_eq!(setup.prompts_text(Phase::Understand), "Wie ziet haar?");
        assert_eq!(setup.prompts[0].phase, Phase::Understand);
        let mut cleared = setup.clone();
        cleared.set_prompts_text(Phase::Possibilities, " \n");
        assert_eq!(cleared.prompts.len(), 1);
        assert!(!cleared.is_empty());
        assert!(TeacherSetup::default().is_empty());
    }

    #[test]
    fn a_session_from_a_template_is_no_template_and_keeps_the_lock() {
        let mut template = class_case().to_template(setup());
        template.participants[0].name = "typed in by hand".into();
        let mut session = template.start_from_template();
        assert!(!session.is_template);
        assert!(session.participants.iter().all(|p| p.name.is_empty()));
        assert!(session.description_locked());
        assert_eq!(
            session.teacher_prompts(Phase::Understand),
            ["Wie ziet haar?"]
        );
        assert!(session.teacher_prompts(Phase::Choice).is_empty());

        // The lock holds in the one place edits are applied.
        CaseEdit::SetText(TextField::Description, "anders".into()).apply(&mut session);
        CaseEdit::SetText(TextField::Question, "anders".into()).apply(&mut session);
        assert_eq!(session.description, template.description);
        assert_eq!(session.question, template.question);
        // Everything else stays editable.
        let first = session.participants[0].id;
        CaseEdit::SetText(TextField::ParticipantName(first), "Sanne".into()).apply(&mut session);
        CaseEdit::SetText(TextField::Title, "Eigen titel".into()).apply(&mut session);
        assert_eq!(session.participants[0].name, "Sanne");
        assert_eq!(session.title, "Eigen titel");
    }

    #[test]
    fn without_a_lock_the_description_stays_editable() {
        let mut session = class_case()
            .to_template(TeacherSetup::default())
            .start_from_template();
        assert!(!session.description_locked());
        CaseEdit::SetText(TextField::Description, "anders".into()).apply(&mut session);
        assert_eq!(session.description, "anders");
    }
}
