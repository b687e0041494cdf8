//! The case session: pure data and the rules that keep it consistent. No egui here.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub mod date_field;
pub mod edit;
pub mod follow_up;
pub mod history;
pub mod meeting;
mod report;
pub mod sample;
mod template;
mod views;

pub use edit::{CaseEdit, DateField, OwnerSlot, TextField};
pub use follow_up::{Evaluation, FollowUp, Session, Verdict};
pub use history::History;
pub use meeting::{
    Meeting, RoundOrder, SilentChoice, SilentEntry, SilentRound, SpeakingRound, Turn,
};
pub use report::{
    Closing, DocumentStatus, PersonalReflection, Reflection, ReflectionPart, ReportInfo,
    ResidentLetter,
};
pub use template::{TeacherPrompt, TeacherSetup};

/// Identifier of a participant, note, option or person, unique within one case. A type
/// of its own, so an id cannot be mixed up with a count or an index. Written in the file
/// as a plain number.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct ItemId(pub u64);

impl ItemId {
    /// The identifier after this one.
    pub fn next(self) -> ItemId {
        ItemId(self.0 + 1)
    }
}

impl std::fmt::Display for ItemId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// The largest identifier a case file may hold: far beyond any real case, and low enough
/// that handing out the next one can never overflow.
pub const MAX_ITEM_ID: ItemId = ItemId(1 << 40);

/// The most characters one text field of a case may hold: far more than any note, and
/// few enough that an export finishes in seconds.
pub const MAX_TEXT_CHARS: usize = 100_000;

/// Why the identifiers in a (hand-edited) case file cannot be trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdProblem {
    /// Two participants, notes or options share this id, so edits could hit the wrong one.
    Duplicate(ItemId),
    TooLarge(ItemId),
}

/// The three SWAN levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Level {
    /// 1: individual resident, household, family.
    Individual,
    /// 2: group, neighbourhood, community.
    Community,
    /// 3: organisation, policy, society.
    Policy,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Individual, Level::Community, Level::Policy];

    /// 1, 2 or 3, as the method numbers the levels.
    pub fn number(self) -> u8 {
        self.index() as u8 + 1
    }

    pub fn index(self) -> usize {
        match self {
            Level::Individual => 0,
            Level::Community => 1,
            Level::Policy => 2,
        }
    }
}

/// The three rounds of a SWAN discussion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Phase {
    /// 1: What is going on?
    Understand,
    /// 2: What could be done? Items here are intervention options.
    Possibilities,
    /// 3: What do we choose, and why?
    Choice,
}

impl Phase {
    pub const ALL: [Phase; 3] = [Phase::Understand, Phase::Possibilities, Phase::Choice];

    pub fn number(self) -> u8 {
        self.index() as u8 + 1
    }

    pub fn index(self) -> usize {
        match self {
            Phase::Understand => 0,
            Phase::Possibilities => 1,
            Phase::Choice => 2,
        }
    }
}

/// Where the group is in the meeting: the steps of the stepper.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
pub enum Stage {
    #[default]
    Opening,
    Phase(Phase),
    /// The intervention plan: owners, dates and signals of what was chosen.
    Plan,
    Closing,
    /// A follow-up meeting weeks later, by its session number (1 is the first): not in
    /// `ALL`, it exists only once started (`Case::stages`).
    FollowUp(Session),
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::Opening,
        Stage::Phase(Phase::Understand),
        Stage::Phase(Phase::Possibilities),
        Stage::Phase(Phase::Choice),
        Stage::Plan,
        Stage::Closing,
    ];

    pub fn index(self) -> usize {
        match self {
            Stage::Opening => 0,
            Stage::Phase(p) => 1 + p.index(),
            Stage::Plan => 4,
            Stage::Closing => 5,
            Stage::FollowUp(session) => 5usize.saturating_add(session as usize),
        }
    }

    /// The step after this one in every case; a follow-up's next one depends on the
    /// case (`Case::stage_after`).
    pub fn next(self) -> Option<Stage> {
        match self {
            Stage::FollowUp(_) => None,
            _ => Stage::ALL.get(self.index() + 1).copied(),
        }
    }

    pub fn previous(self) -> Option<Stage> {
        match self {
            Stage::FollowUp(session) if session > 1 => Some(Stage::FollowUp(session - 1)),
            Stage::FollowUp(_) => Some(Stage::Closing),
            _ => self.index().checked_sub(1).map(|i| Stage::ALL[i]),
        }
    }
}

/// Someone at the table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Participant {
    pub id: ItemId,
    /// A name or a role description ("Wmo-consultant A").
    pub name: String,
    /// Discipline or perspective, free text with suggestions from the method.
    pub discipline: String,
    /// Key of a meeting role in the method (facilitator, case bringer, …).
    pub role: String,
}

/// What a note and an option have in common: text, who said it, and tags.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Entry {
    pub text: String,
    /// The participant who contributed it, if the group wants to record that.
    pub contributor: Option<ItemId>,
    /// Keys of social-quality conditions in the method, sorted.
    pub conditions: Vec<String>,
    /// Keys of decisive-professional factors in the method, sorted.
    pub factors: Vec<String>,
    /// Set when the group passes this on as a structural problem (signaleren).
    pub signal: Option<Signal>,
}

/// A structural problem put on the agenda of the organisation or the municipality.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Signal {
    /// To whom it goes: team manager, municipal policy officer, council…
    pub to: String,
    /// What should change.
    pub change: String,
}

impl Entry {
    pub fn new(text: impl Into<String>) -> Self {
        Entry {
            text: text.into(),
            ..Entry::default()
        }
    }

    /// Adds or removes a tag, keeping the list sorted and free of duplicates.
    pub fn toggle_tag(&mut self, kind: TagKind, key: &str) {
        let list = match kind {
            TagKind::Condition => &mut self.conditions,
            TagKind::Factor => &mut self.factors,
        };
        match list.binary_search_by(|k| k.as_str().cmp(key)) {
            Ok(i) => {
                list.remove(i);
            }
            Err(i) => list.insert(i, key.to_owned()),
        }
    }

    pub fn has_tag(&self, kind: TagKind, key: &str) -> bool {
        match kind {
            TagKind::Condition => self.conditions.iter().any(|k| k == key),
            TagKind::Factor => self.factors.iter().any(|k| k == key),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TagKind {
    Condition,
    Factor,
}

/// A finding or consideration in one phase on one level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub id: ItemId,
    pub phase: Phase,
    pub level: Level,
    #[serde(default)]
    pub entry: Entry,
    /// The meeting it was written in: 0 the first, a follow-up's number otherwise.
    #[serde(default, skip_serializing_if = "follow_up::is_first_session")]
    pub session: Session,
}

/// What the group decided about an option in phase 3.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Decision {
    /// Still being considered.
    #[default]
    Open,
    Chosen,
    Rejected,
}

/// A possible intervention, raised in phase 2 and decided on in phase 3. The same object
/// carries into the intervention plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterventionOption {
    pub id: ItemId,
    pub level: Level,
    #[serde(default)]
    pub entry: Entry,
    #[serde(default)]
    pub decision: Decision,
    /// Why it was chosen or rejected: for a chosen one, the justification in the plan.
    #[serde(default)]
    pub decision_reason: String,
    /// Who does what by when, for a chosen option.
    #[serde(default)]
    pub plan: PlanDetails,
    /// The meeting it was raised in: 0 the first, a follow-up's number otherwise.
    #[serde(default, skip_serializing_if = "follow_up::is_first_session")]
    pub session: Session,
}

/// Who carries out an intervention.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Owner {
    #[default]
    Nobody,
    /// Someone at the table.
    Participant(ItemId),
    /// An organisation or person typed in: "wijkteam", "gemeente, beleid"…
    Named(String),
}

impl Owner {
    pub fn is_nobody(&self) -> bool {
        match self {
            Owner::Nobody => true,
            Owner::Named(name) => name.trim().is_empty(),
            Owner::Participant(_) => false,
        }
    }
}

/// How far a chosen intervention has got.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum PlanStatus {
    #[default]
    Open,
    InProgress,
    Done,
}

impl PlanStatus {
    pub const ALL: [PlanStatus; 3] = [PlanStatus::Open, PlanStatus::InProgress, PlanStatus::Done];
}

/// The plan part of an option: filled in once it is chosen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct PlanDetails {
    /// The alternatives that were weighed, and why not those.
    pub alternatives: String,
    pub owner: Owner,
    pub co_owner: Owner,
    pub first_step: String,
    #[serde(deserialize_with = "date_field::deserialize")]
    pub deadline: Option<NaiveDate>,
    /// When the group looks back at it.
    #[serde(deserialize_with = "date_field::deserialize")]
    pub follow_up: Option<NaiveDate>,
    pub status: PlanStatus,
    /// What this intervention means for the resident, in plain words: the letter's text.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub for_resident: String,
}

/// What the plan lacks; shown as a warning, never a block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanWarning {
    NoOption(Level),
    NoChosen(Level),
    NoOwner(ItemId),
    NoDeadline(ItemId),
    NoJustification(ItemId),
}

/// One practice case discussed with the SWAN method.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Case {
    pub title: String,
    /// Short, anonymised description of the situation.
    pub description: String,
    /// The case bringer's question to the group.
    pub question: String,
    #[serde(deserialize_with = "date_field::deserialize")]
    pub meeting_date: Option<NaiveDate>,
    pub participants: Vec<Participant>,
    /// Notes of every phase; phase-2 contributions are `options` instead.
    pub notes: Vec<Note>,
    pub options: Vec<InterventionOption>,
    /// Remarks during the opening: clarifying questions and answers.
    pub opening_notes: String,
    pub closing: Closing,
    /// Where the group was when the file was saved.
    pub stage: Stage,
    /// Next free identifier; kept in the file so ids stay unique after edits.
    pub next_id: ItemId,
    /// The people the case is about (resident, daughter, landlord…), each with the
    /// pseudonym or role shown on the projector and in exports instead of the real name.
    pub persons: Vec<Person>,
    /// Whether the resident agreed to the case being discussed.
    pub consent: Consent,
    /// When this case file should be deleted (retention period).
    #[serde(deserialize_with = "date_field::deserialize")]
    pub delete_by: Option<NaiveDate>,
    /// How the meeting went: time per step, speaking rounds, the silent round.
    #[serde(skip_serializing_if = "Meeting::is_empty")]
    pub meeting: Meeting,
    /// Places where a name form is an ordinary word ("in het bos", "1 jan."), marked
    /// "geen naam" in the check, so they are neither reported nor replaced again.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_names: Vec<NotAName>,
    /// The report's status, version, approval and conclusion.
    #[serde(skip_serializing_if = "ReportInfo::is_empty")]
    pub report: ReportInfo,
    /// The letter to the resident: "Wat we met u afspreken".
    #[serde(skip_serializing_if = "ResidentLetter::is_empty")]
    pub letter: ResidentLetter,
    /// Set in a teacher's template: opening it starts a new, unsaved session from it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub is_template: bool,
    /// What a teacher set for class use (the lock on the description and the question,
    /// their own questions per phase): in the template and in every session from it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub teacher: Option<TeacherSetup>,
    /// Follow-up meetings, in the order they were held.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<FollowUp>,
}

/// A word that looks like a registered name but is not one at this place: the word, and
/// the words around it (lower case, no diacritics) that tell the place apart.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct NotAName {
    pub word: String,
    pub context: String,
}

/// Someone in the case, not at the table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Person {
    pub id: ItemId,
    /// The real name, when the group needs it; may stay empty.
    pub real_name: String,
    /// What is shown instead: "bewoner", "dochter (14)", "mevrouw V.".
    pub pseudonym: String,
    /// Other names the person goes by (nickname, maiden name), separated by commas or
    /// line breaks; replaced like the real name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub other_names: String,
}

/// The resident's consent to discussing the case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Consent {
    #[default]
    Unknown,
    Given,
    NotGiven,
}

/// Up or down in a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

impl Case {
    /// The first thing wrong with the identifiers, if any.
    pub fn id_problem(&self) -> Option<IdProblem> {
        let mut seen = std::collections::HashSet::new();
        let ids = self
            .participants
            .iter()
            .map(|p| p.id)
            .chain(self.notes.iter().map(|n| n.id))
            .chain(self.options.iter().map(|o| o.id))
            .chain(self.persons.iter().map(|p| p.id));
        for id in ids {
            if id > MAX_ITEM_ID {
                return Some(IdProblem::TooLarge(id));
            }
            if !seen.insert(id) {
                return Some(IdProblem::Duplicate(id));
            }
        }
        (self.next_id > MAX_ITEM_ID).then_some(IdProblem::TooLarge(self.next_id))
    }

    /// Hands out a fresh identifier, never one already in use (also after hand edits).
    pub fn new_id(&mut self) -> ItemId {
        let used_max = self
            .participants
            .iter()
            .map(|p| p.id)
            .chain(self.notes.iter().map(|n| n.id))
            .chain(self.options.iter().map(|o| o.id))
            .chain(self.persons.iter().map(|p| p.id))
            .max()
            .unwrap_or_default();
        let id = self.next_id.max(used_max.next()).max(ItemId(1));
        self.next_id = id.next();
        id
    }

    pub fn add_person(&mut self) -> ItemId {
        let id = self.new_id();
        self.persons.push(Person {
            id,
            ..Person::default()
        });
        id
    }

    pub fn remove_person(&mut self, id: ItemId) {
        self.persons.retain(|p| p.id != id);
    }

    /// Whether the retention date has passed on `today`.
    pub fn past_delete_by(&self, today: NaiveDate) -> bool {
        self.delete_by.is_some_and(|date| date < today)
    }

    pub fn add_participant(&mut self, name: &str, discipline: &str, role: &str) -> ItemId {
        let id = self.new_id();
        self.participants.push(Participant {
            id,
            name: name.to_owned(),
            discipline: discipline.to_owned(),
            role: role.to_owned(),
        });
        id
    }

    /// Removes a participant and the references to them as contributor.
    pub fn remove_participant(&mut self, id: ItemId) {
        let removed = self
            .participants
            .iter()
            .position(|p| p.id == id)
            .map(|i| self.participants.remove(i));
        self.closing.personal.retain(|r| r.participant != id);
        for entry in self.entries_mut() {
            if entry.contributor == Some(id) {
                entry.contributor = None;
            }
        }
        for follow_up in &mut self.follow_ups {
            follow_up.present.retain(|p| *p != id);
        }
        // An owner stays known by name: the plan must not lose who does what.
        if let Some(name) = removed.map(|p| p.name) {
            for option in &mut self.options {
                for owner in [&mut option.plan.owner, &mut option.plan.co_owner] {
                    if *owner == Owner::Participant(id) {
                        *owner = Owner::Named(name.clone());
                    }
                }
            }
        }
    }

    /// Every note's and option's entry.
    pub fn entries_mut(&mut self) -> impl Iterator<Item = &mut Entry> {
        self.notes
            .iter_mut()
            .map(|n| &mut n.entry)
            .chain(self.options.iter_mut().map(|o| &mut o.entry))
    }

    pub fn move_participant(&mut self, id: ItemId, direction: Direction) {
        if let Some(i) = self.participants.iter().position(|p| p.id == id) {
            move_within(&mut self.participants, i, direction, |_| true);
        }
    }

    pub fn participant(&self, id: ItemId) -> Option<&Participant> {
        self.participants.iter().find(|p| p.id == id)
    }

    pub fn add_note(&mut self, phase: Phase, level: Level, entry: Entry) -> ItemId {
        self.add_note_in(follow_up::FIRST_SESSION, phase, level, entry)
    }

    /// Adds a note to a meeting: the first (0) or a follow-up.
    pub fn add_note_in(
        &mut self,
        session: Session,
        phase: Phase,
        level: Level,
        entry: Entry,
    ) -> ItemId {
        let id = self.new_id();
        self.notes.push(Note {
            id,
            phase,
            level,
            entry,
            session,
        });
        id
    }

    pub fn add_option(&mut self, level: Level, entry: Entry) -> ItemId {
        self.add_option_in(follow_up::FIRST_SESSION, level, entry)
    }

    /// Adds an option to a meeting: the first (0) or a follow-up.
    pub fn add_option_in(&mut self, session: Session, level: Level, entry: Entry) -> ItemId {
        let id = self.new_id();
        self.options.push(InterventionOption {
            id,
            level,
            entry,
            decision: Decision::Open,
            decision_reason: String::new(),
            plan: PlanDetails::default(),
            session,
        });
        id
    }

    /// The notes of one phase on one level of the first meeting, in their order (a
    /// follow-up's own notes: `session_notes`).
    pub fn notes_in(&self, phase: Phase, level: Level) -> impl Iterator<Item = &Note> {
        self.notes.iter().filter(move |n| {
            n.phase == phase && n.level == level && n.session == follow_up::FIRST_SESSION
        })
    }

    /// The options on one level of the first meeting, in their order (a follow-up's
    /// own options: `session_options`).
    pub fn options_in(&self, level: Level) -> impl Iterator<Item = &InterventionOption> {
        self.options
            .iter()
            .filter(move |o| o.level == level && o.session == follow_up::FIRST_SESSION)
    }

    pub fn note_mut(&mut self, id: ItemId) -> Option<&mut Note> {
        self.notes.iter_mut().find(|n| n.id == id)
    }

    pub fn option_mut(&mut self, id: ItemId) -> Option<&mut InterventionOption> {
        self.options.iter_mut().find(|o| o.id == id)
    }

    /// The text and tags of a note or an option.
    pub fn entry_mut(&mut self, id: ItemId) -> Option<&mut Entry> {
        if let Some(n) = self.notes.iter_mut().find(|n| n.id == id) {
            return Some(&mut n.entry);
        }
        self.options
            .iter_mut()
            .find(|o| o.id == id)
            .map(|o| &mut o.entry)
    }

    /// Deletes a note or an option.
    pub fn delete_item(&mut self, id: ItemId) {
        self.notes.retain(|n| n.id != id);
        self.options.retain(|o| o.id != id);
        for follow_up in &mut self.follow_ups {
            follow_up.evaluations.retain(|e| e.option != id);
        }
    }

    /// Moves a note or an option one place up or down among the items of its own cell.
    pub fn move_item(&mut self, id: ItemId, direction: Direction) {
        if let Some(i) = self.notes.iter().position(|n| n.id == id) {
            let (phase, level, session) = {
                let n = &self.notes[i];
                (n.phase, n.level, n.session)
            };
            move_within(&mut self.notes, i, direction, |n| {
                n.phase == phase && n.level == level && n.session == session
            });
        } else if let Some(i) = self.options.iter().position(|o| o.id == id) {
            let (level, session) = (self.options[i].level, self.options[i].session);
            move_within(&mut self.options, i, direction, |o| {
                o.level == level && o.session == session
            });
        }
    }

    /// How many notes and options each level received, for the level balance.
    pub fn option(&self, id: ItemId) -> Option<&InterventionOption> {
        self.options.iter().find(|o| o.id == id)
    }
}

/// Swaps item `i` with its nearest neighbour in `direction` that satisfies `same_group`.
fn move_within<T>(
    items: &mut [T],
    i: usize,
    direction: Direction,
    same_group: impl Fn(&T) -> bool,
) {
    let other = match direction {
        Direction::Up => (0..i).rev().find(|&j| same_group(&items[j])),
        Direction::Down => (i + 1..items.len()).find(|&j| same_group(&items[j])),
    };
    if let Some(j) = other {
        items.swap(i, j);
    }
}

#[cfg(test)]
mod tests;
