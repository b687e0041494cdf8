//! What the case says about itself after the meeting: the group's closing reflection and
//! each student's own, the report's status and conclusion, and the letter to the resident.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{ItemId, date_field};

/// The closing reflection of the group, and of a student personally.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Closing {
    /// Which level got the least attention, and why.
    pub neglected_level: String,
    /// What the group learns for the next case.
    pub lessons: String,
    /// What the case bringer takes away.
    pub case_bringer_takeaway: String,
    /// A personal reflection in the steps of Gibbs' cycle, not tied to a participant
    /// (files from before reflections per student).
    pub reflection: Reflection,
    /// Each student's own reflection, by participant.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub personal: Vec<PersonalReflection>,
}

impl Closing {
    /// A participant's own reflection, if they wrote anything.
    pub fn personal(&self, participant: ItemId) -> Option<&Reflection> {
        self.personal
            .iter()
            .find(|r| r.participant == participant && !r.reflection.is_empty())
            .map(|r| &r.reflection)
    }

    /// A participant's own reflection, made when they start writing it.
    pub fn personal_mut(&mut self, participant: ItemId) -> &mut Reflection {
        let index = match self
            .personal
            .iter()
            .position(|r| r.participant == participant)
        {
            Some(index) => index,
            None => {
                self.personal.push(PersonalReflection {
                    participant,
                    reflection: Reflection::default(),
                });
                self.personal.len() - 1
            }
        };
        &mut self.personal[index].reflection
    }
}

/// One participant's own reflection: a student's hand-in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct PersonalReflection {
    pub participant: ItemId,
    pub reflection: Reflection,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Reflection {
    pub what_happened: String,
    pub thoughts_and_feelings: String,
    pub what_went_well: String,
    pub do_differently: String,
    /// Which level did I overlook, and why.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub overlooked_level: String,
}

impl Reflection {
    pub fn is_empty(&self) -> bool {
        ReflectionPart::ALL
            .iter()
            .all(|part| self.part(*part).trim().is_empty())
    }

    pub fn part(&self, part: ReflectionPart) -> &String {
        match part {
            ReflectionPart::WhatHappened => &self.what_happened,
            ReflectionPart::ThoughtsAndFeelings => &self.thoughts_and_feelings,
            ReflectionPart::WhatWentWell => &self.what_went_well,
            ReflectionPart::DoDifferently => &self.do_differently,
            ReflectionPart::OverlookedLevel => &self.overlooked_level,
        }
    }

    pub fn part_mut(&mut self, part: ReflectionPart) -> &mut String {
        match part {
            ReflectionPart::WhatHappened => &mut self.what_happened,
            ReflectionPart::ThoughtsAndFeelings => &mut self.thoughts_and_feelings,
            ReflectionPart::WhatWentWell => &mut self.what_went_well,
            ReflectionPart::DoDifferently => &mut self.do_differently,
            ReflectionPart::OverlookedLevel => &mut self.overlooked_level,
        }
    }
}

/// The steps of a reflection: Gibbs' cycle, and the level the student overlooked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReflectionPart {
    WhatHappened,
    ThoughtsAndFeelings,
    WhatWentWell,
    DoDifferently,
    OverlookedLevel,
}

impl ReflectionPart {
    pub const ALL: [ReflectionPart; 5] = [
        ReflectionPart::WhatHappened,
        ReflectionPart::ThoughtsAndFeelings,
        ReflectionPart::WhatWentWell,
        ReflectionPart::DoDifferently,
        ReflectionPart::OverlookedLevel,
    ];

    /// The key of the step's label in the translation files.
    pub fn label_key(self) -> &'static str {
        match self {
            ReflectionPart::WhatHappened => "reflection.what_happened",
            ReflectionPart::ThoughtsAndFeelings => "reflection.thoughts_and_feelings",
            ReflectionPart::WhatWentWell => "reflection.what_went_well",
            ReflectionPart::DoDifferently => "reflection.do_differently",
            ReflectionPart::OverlookedLevel => "reflection.overlooked_level",
        }
    }
}

/// How far the report is: a draft the team still works on, or the version agreed on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum DocumentStatus {
    #[default]
    Concept,
    Final,
}

/// What the report says about itself and the answer it gives: its status and version,
/// who approved it, the conclusion in a few lines, and when the plan is evaluated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct ReportInfo {
    pub status: DocumentStatus,
    /// 0 means not numbered yet; shown as version 1.
    pub version: u32,
    /// "Vastgesteld door": who approved the plan.
    pub approved_by: String,
    #[serde(deserialize_with = "date_field::deserialize")]
    pub approved_on: Option<NaiveDate>,
    /// The answer to the question, in a few lines.
    pub conclusion: String,
    /// When the team looks back at the plan as a whole.
    #[serde(deserialize_with = "date_field::deserialize")]
    pub next_evaluation: Option<NaiveDate>,
}

impl ReportInfo {
    pub fn is_empty(&self) -> bool {
        *self == ReportInfo::default()
    }

    /// The version as shown: at least 1.
    pub fn shown_version(&self) -> u32 {
        self.version.max(1)
    }
}

/// What the letter to the resident says beyond each intervention's own text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct ResidentLetter {
    /// The person the letter is for (from the persons in the case).
    pub addressee: Option<ItemId>,
    /// Address the letter by the person's real name instead of their pseudonym.
    pub by_real_name: bool,
    /// What we heard: the question in the resident's words.
    pub heard: String,
    /// Who the resident can call or write to, and how.
    pub contact: String,
    /// What the team passes on to the municipality or an organisation for the resident.
    pub passed_on: String,
}

impl ResidentLetter {
    pub fn is_empty(&self) -> bool {
        *self == ResidentLetter::default()
    }
}
