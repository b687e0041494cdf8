//! The method pack: the texts of the phases, levels, conditions, factors and roles.
//! It is data (assets/method.ron), so an organisation can bring its own wording.

use std::path::Path;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::i18n::{Language, tr};
use crate::model::{Level, Phase, Stage};
use crate::syntax::SyntaxError;

/// The method that ships with the app, written in our own words from the public
/// descriptions of SWAN.
pub const BUILTIN_METHOD: &str = include_str!("../../assets/method.ron");

/// A text in both interface languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Text {
    pub nl: String,
    pub en: String,
}

impl Text {
    /// The text in `language`, or in the other language when a method file left it empty.
    pub fn get(&self, language: Language) -> &str {
        let (wanted, other) = match language {
            Language::Nl => (&self.nl, &self.en),
            Language::En => (&self.en, &self.nl),
        };
        if wanted.is_empty() { other } else { wanted }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LevelText {
    pub title: Text,
    /// One or two words: "micro", "meso", "macro".
    #[serde(default)]
    pub short: Text,
    #[serde(default)]
    pub description: Text,
    /// The question that nudges the group when this level stays empty while the others
    /// fill up: "who in the neighbourhood faces the same?"
    #[serde(default)]
    pub nudge: Text,
}

/// The opening or the closing of the meeting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeetingStep {
    pub title: Text,
    pub main_question: Text,
    pub assignment: Text,
    #[serde(default)]
    pub minutes: u32,
    #[serde(default)]
    pub prompts: Vec<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PhaseText {
    pub title: Text,
    pub main_question: Text,
    pub assignment: Text,
    #[serde(default)]
    pub minutes: u32,
    /// Prompts per level: exactly three lists, for level 1, 2 and 3.
    pub level_prompts: Vec<Vec<Text>>,
    /// Questions for the whole phase (checks before moving on).
    #[serde(default)]
    pub checks: Vec<Text>,
}

/// A social-quality condition, with the value it serves.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Condition {
    pub key: String,
    pub title: Text,
    pub value: Text,
    #[serde(default)]
    pub description: Text,
    #[serde(default)]
    pub check_question: Text,
}

/// A factor of the decisive professional.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Factor {
    pub key: String,
    pub title: Text,
    #[serde(default)]
    pub description: Text,
    #[serde(default)]
    pub weighing_question: Text,
}

/// A role in the meeting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Role {
    pub key: String,
    pub title: Text,
    #[serde(default)]
    pub description: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Method {
    pub name: Text,
    /// Shown in the app and in exports: where the method comes from.
    pub credit: Text,
    #[serde(default)]
    pub factors_note: Text,
    pub levels: Vec<LevelText>,
    pub opening: MeetingStep,
    pub phases: Vec<PhaseText>,
    pub closing: MeetingStep,
    pub conditions: Vec<Condition>,
    pub factors: Vec<Factor>,
    pub roles: Vec<Role>,
    /// Suggestions for a participant's discipline or perspective.
    #[serde(default)]
    pub disciplines: Vec<Text>,
    /// Method and policy terms a resident may not know, with a plainer way to say them:
    /// the plain-language check of the letter flags them.
    #[serde(default)]
    pub jargon: Vec<Jargon>,
}

/// A term to avoid in a letter to the resident, and what to say instead.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Jargon {
    pub term: Text,
    /// What to say instead, when there is a plain word for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plain: Option<Text>,
}

/// Why a method file could not be used.
#[derive(Debug, Error, PartialEq)]
pub enum MethodError {
    #[error("cannot read method file: {0}")]
    Read(std::io::ErrorKind),
    #[error("method file is not valid RON at {0}")]
    Syntax(SyntaxError),
    #[error("method file is incomplete: {0}")]
    Invalid(MethodProblem),
}

/// What is structurally wrong with a method file that parsed.
#[derive(Debug, Error, PartialEq)]
pub enum MethodProblem {
    #[error("it needs exactly 3 levels, it has {0}")]
    LevelCount(usize),
    #[error("it needs exactly 3 phases, it has {0}")]
    PhaseCount(usize),
    #[error("phase {phase} needs prompts for exactly 3 levels, it has {found}")]
    PromptLevels { phase: usize, found: usize },
    #[error("it has no {0}")]
    Empty(&'static str),
    #[error("key '{0}' is used twice")]
    DuplicateKey(String),
}

/// "Vervolgbespreking", and from the second one on "Vervolgbespreking 2": not a step of
/// the method, so the same whatever method file is loaded.
pub fn follow_up_title(language: Language, session: crate::model::Session) -> String {
    match session {
        0 | 1 => tr(language, "follow_up.stage").to_owned(),
        n => crate::i18n::tr_args(language, "follow_up.stage_n", &[("number", &n.to_string())]),
    }
}

impl Method {
    /// The method that ships with the app. It is checked by a test, so this cannot fail.
    pub fn builtin() -> Method {
        Method::from_ron(BUILTIN_METHOD).expect("the built-in method file is valid")
    }

    pub fn from_ron(source: &str) -> Result<Method, MethodError> {
        let method: Method = ron::from_str(source).map_err(|e| MethodError::Syntax(e.into()))?;
        method.validate().map_err(MethodError::Invalid)?;
        Ok(method)
    }

    pub fn load(path: &Path) -> Result<Method, MethodError> {
        let source = std::fs::read_to_string(path).map_err(|e| MethodError::Read(e.kind()))?;
        Method::from_ron(&source)
    }

    fn validate(&self) -> Result<(), MethodProblem> {
        if self.levels.len() != 3 {
            return Err(MethodProblem::LevelCount(self.levels.len()));
        }
        if self.phases.len() != 3 {
            return Err(MethodProblem::PhaseCount(self.phases.len()));
        }
        for (i, phase) in self.phases.iter().enumerate() {
            if phase.level_prompts.len() != 3 {
                return Err(MethodProblem::PromptLevels {
                    phase: i + 1,
                    found: phase.level_prompts.len(),
                });
            }
        }
        if self.conditions.is_empty() {
            return Err(MethodProblem::Empty("conditions"));
        }
        if self.factors.is_empty() {
            return Err(MethodProblem::Empty("factors"));
        }
        if self.roles.is_empty() {
            return Err(MethodProblem::Empty("roles"));
        }
        let keys = self
            .conditions
            .iter()
            .map(|c| &c.key)
            .chain(self.factors.iter().map(|f| &f.key))
            .chain(self.roles.iter().map(|r| &r.key));
        let mut seen = std::collections::HashSet::new();
        for key in keys {
            if !seen.insert(key) {
                return Err(MethodProblem::DuplicateKey(key.clone()));
            }
        }
        Ok(())
    }

    pub fn level(&self, level: Level) -> &LevelText {
        &self.levels[level.index()]
    }

    /// The title of a step as the stepper, the timer and the report name it.
    pub fn stage_title(&self, language: Language, stage: Stage) -> String {
        match stage {
            Stage::Opening => self.opening.title.get(language).to_owned(),
            Stage::Phase(phase) => format!(
                "{} {}",
                phase.number(),
                self.phase(phase).title.get(language)
            ),
            Stage::Plan => tr(language, "plan.title").to_owned(),
            Stage::Closing => self.closing.title.get(language).to_owned(),
            Stage::FollowUp(session) => follow_up_title(language, session),
        }
    }

    /// The minutes the method suggests for a step.
    pub fn suggested_minutes(&self, stage: Stage) -> u32 {
        match stage {
            Stage::Opening => self.opening.minutes,
            Stage::Phase(phase) => self.phase(phase).minutes,
            Stage::Plan | Stage::FollowUp(_) => 0,
            Stage::Closing => self.closing.minutes,
        }
    }

    pub fn phase(&self, phase: Phase) -> &PhaseText {
        &self.phases[phase.index()]
    }

    pub fn condition(&self, key: &str) -> Option<&Condition> {
        self.conditions.iter().find(|c| c.key == key)
    }

    pub fn factor(&self, key: &str) -> Option<&Factor> {
        self.factors.iter().find(|f| f.key == key)
    }

    pub fn role(&self, key: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.key == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_method_is_valid_and_complete_in_both_languages() {
        let method = Method::from_ron(BUILTIN_METHOD).unwrap();
        assert_eq!(method.conditions.len(), 4);
        assert_eq!(method.factors.len(), 5);
        // Every text exists in Dutch and English: serialise and look for empty strings.
        let all = ron::to_string(&method).unwrap();
        assert!(!all.contains("nl:\"\""), "a Dutch text is empty");
        assert!(!all.contains("en:\"\""), "an English text is empty");
        for phase in &method.phases {
            for prompts in &phase.level_prompts {
                assert!(!prompts.is_empty());
            }
        }
    }

    #[test]
    fn syntax_error_reports_line_and_column() {
        let err = Method::from_ron("(\n  name: (nl: \"x\", en: \"y\"),\n  credit: ]").unwrap_err();
        match err {
            MethodError::Syntax(e) => assert_eq!(e.line, 3),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn wrong_number_of_levels_is_rejected() {
        let mut method = Method::builtin();
        method.levels.pop();
        let source = ron::to_string(&method).unwrap();
        assert_eq!(
            Method::from_ron(&source),
            Err(MethodError::Invalid(MethodProblem::LevelCount(2)))
        );
    }

    #[test]
    fn duplicate_keys_are_rejected() {
        let mut method = Method::builtin();
        let key = method.conditions[0].key.clone();
        method.factors[0].key = key.clone();
        let source = ron::to_string(&method).unwrap();
        assert_eq!(
            Method::from_ron(&source),
            Err(MethodError::Invalid(MethodProblem::DuplicateKey(key)))
        );
    }
}
