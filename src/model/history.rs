//! Undo and redo for a whole case: every edit keeps the case as it was before, so one
//! step back is exact whatever the edit touched. No egui here.
//!
//! Not egui's `Undoer`: it compares the whole state every frame and knows nothing of
//! what changed, while the menu must say what will be undone ("Undo: delete note") and
//! typing must group by field, not only by a pause.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use super::Case;
use super::edit::{CaseEdit, TextField};

/// How many steps back the history reaches.
pub const UNDO_LIMIT: usize = 100;

/// Keystrokes in one field closer together than this are one step.
pub const TYPING_PAUSE: Duration = Duration::from_secs(2);

/// A case as it was, with what changed it and which state it was.
#[derive(Clone, Debug)]
struct Step {
    /// Translation key naming the edit: "edit.delete_note".
    label: &'static str,
    case: Case,
    version: u64,
}

/// The undo and redo stacks of one open case.
#[derive(Debug)]
pub struct History {
    undo: VecDeque<Step>,
    redo: Vec<Step>,
    /// The field typed into last and when, while that run of typing may still grow.
    typing: Option<(TextField, Instant)>,
    /// Which state the case is in: every edit makes a new one, undo and redo go back to
    /// an earlier one. Compared with the saved version to know whether there is anything
    /// unsaved.
    version: u64,
    next_version: u64,
    limit: usize,
}

impl Default for History {
    fn default() -> Self {
        History::with_limit(UNDO_LIMIT)
    }
}

impl History {
    pub fn with_limit(limit: usize) -> History {
        History {
            undo: VecDeque::new(),
            redo: Vec::new(),
            typing: None,
            version: 0,
            next_version: 1,
            limit: limit.max(1),
        }
    }

    /// Applies `edit` to `case` and remembers the case as it was. Returns whether the
    /// case changed; an edit that changes nothing leaves no step.
    pub fn apply(&mut self, case: &mut Case, edit: CaseEdit, now: Instant) -> bool {
        let label = edit.label_key(case);
        let typing = edit.typing_in();
        let before = case.clone();
        edit.apply(case);
        if *case == before {
            return false;
        }
        self.record(before, label, typing, now);
        true
    }

    /// Remembers `before` as the state to go back to for a change already made to the
    /// case (one the model has no edit for, such as replacing a privacy finding).
    pub fn record(
        &mut self,
        before: Case,
        label: &'static str,
        typing: Option<TextField>,
        now: Instant,
    ) {
        self.redo.clear();
        let continues_typing = match (typing, self.typing) {
            (Some(field), Some((last, at))) => {
                field == last && now.saturating_duration_since(at) < TYPING_PAUSE
            }
            _ => false,
        };
        self.typing = typing.map(|field| (field, now));
        let version_before = self.version;
        self.version = self.next_version;
        self.next_version += 1;
        if continues_typing && !self.undo.is_empty() {
            // The step that began this run of typing already holds the text before it.
            return;
        }
        self.undo.push_back(Step {
            label,
            case: before,
            version: version_before,
        });
        while self.undo.len() > self.limit {
            self.undo.pop_front();
        }
    }

    /// Goes one step back. Returns the label of what was undone.
    pub fn undo(&mut self, case: &mut Case) -> Option<&'static str> {
        let step = self.undo.pop_back()?;
        let label = step.label;
        let now = self.restore(step, case);
        self.redo.push(now);
        Some(label)
    }

    /// Goes one step forward again. Returns the label of what was redone.
    pub fn redo(&mut self, case: &mut Case) -> Option<&'static str> {
        let step = self.redo.pop()?;
        let label = step.label;
        let now = self.restore(step, case);
        self.undo.push_back(now);
        Some(label)
    }

    /// Puts the case of `step` in place; returns the state it replaced, for the way back.
    fn restore(&mut self, mut step: Step, case: &mut Case) -> Step {
        self.typing = None;
        // The time the meeting ran is a record, not an edit: undo leaves it as it is.
        step.case.meeting.seconds_spent = case.meeting.seconds_spent.clone();
        step.case.meeting.level_seconds = case.meeting.level_seconds.clone();
        let replaced = Step {
            label: step.label,
            case: std::mem::replace(case, step.case),
            version: self.version,
        };
        self.version = step.version;
        replaced
    }

    /// What Undo would undo.
    pub fn undo_label(&self) -> Option<&'static str> {
        self.undo.back().map(|s| s.label)
    }

    /// What Redo would redo.
    pub fn redo_label(&self) -> Option<&'static str> {
        self.redo.last().map(|s| s.label)
    }

    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// The state the case is in now, to compare with the one last saved.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Ends the current run of typing, so the next keystroke starts a new step (after a
    /// save, for instance, so undo can return to exactly the saved text).
    pub fn break_typing(&mut self) {
        self.typing = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::edit::{DateField, OwnerSlot};
    use crate::model::{Decision, Direction, Level, Owner, Phase, TagKind};

    fn note(text: &str) -> CaseEdit {
        CaseEdit::AddNote {
            phase: Phase::Understand,
            level: Level::Individual,
            text: text.into(),
            contributor: None,
        }
    }

    fn texts(case: &Case) -> Vec<&str> {
        case.notes.iter().map(|n| n.entry.text.as_str()).collect()
    }

    #[test]
    fn every_kind_of_edit_is_undone_and_redone_exactly() {
        let t0 = Instant::now();
        let mut case = Case::default();
        let mut history = History::default();
        history.apply(&mut case, CaseEdit::AddParticipant, t0);
        let anna = case.participants[0].id;
        history.apply(&mut case, CaseEdit::AddParticipant, t0);
        history.apply(&mut case, note("eerste"), t0);
        history.apply(&mut case, note("tweede"), t0);
        let first = case.notes[0].id;
        history.apply(
            &mut case,
            CaseEdit::AddOption {
                level: Level::Community,
                text: "buurtkamer".into(),
                contributor: Some(anna),
            },
            t0,
        );
        let option = case.options[0].id;
        let edits = vec![
            CaseEdit::SetText(TextField::EntryText(first), "eerste, herschreven".into()),
            CaseEdit::MoveItem(first, Direction::Down),
            CaseEdit::ToggleTag(first, TagKind::Condition, "social_cohesion".into()),
            CaseEdit::ToggleSignal(first),
            CaseEdit::SetText(TextField::SignalTo(first), "gemeente".into()),
            CaseEdit::SetContributor(first, Some(anna)),
            CaseEdit::SetDecision(option, Decision::Chosen),
            CaseEdit::SetOwner(option, OwnerSlot::Owner, Owner::Named("wijkteam".into())),
            CaseEdit::SetText(TextField::OwnerName(option), "wijkteam Oost".into()),
            CaseEdit::SetDate(DateField::Deadline(option), "2026-12-24".parse().ok()),
            CaseEdit::MoveParticipant(anna, Direction::Down),
            CaseEdit::SetRole(anna, "facilitator".into()),
            CaseEdit::AddPerson,
            CaseEdit::SetText(TextField::Lessons, "niveau 2 eerder".into()),
            CaseEdit::DeleteItem(first),
            CaseEdit::RemoveParticipant(anna),
        ];
        let mut states = vec![case.clone()];
        for edit in edits {
            assert!(
                history.apply(&mut case, edit.clone(), t0),
                "{edit:?} changed nothing"
            );
            states.push(case.clone());
        }
        for expected in states.iter().rev().skip(1) {
            assert!(history.undo(&mut case).is_some());
            assert_eq!(&case, expected);
        }
        for expected in states.iter().skip(1) {
            assert!(history.redo(&mut case).is_some());
            assert_eq!(&case, expected);
        }
        assert_eq!(history.redo(&mut case), None);
    }

    #[test]
    fn typing_in_one_field_is_one_step_until_a_pause_or_another_field() {
        let t0 = Instant::now();
        let mut case = Case::default();
        let mut history = History::default();
        let mut typed = String::new();
        for (i, c) in "Mevrouw woont alleen.".chars().enumerate() {
            typed.push(c);
            let at = t0 + Duration::from_millis(150 * i as u64);
            history.apply(
                &mut case,
                CaseEdit::SetText(TextField::Title, typed.clone()),
                at,
            );
        }
        assert_eq!(history.undo_len(), 1);
        assert_eq!(history.undo_label(), Some("edit.text"));
        // Another field starts a step; so does the same field after a pause.
        let later = t0 + Duration::from_secs(10);
        history.apply(
            &mut case,
            CaseEdit::SetText(TextField::Question, "?".into()),
            later,
        );
        history.apply(
            &mut case,
            CaseEdit::SetText(TextField::Title, "x".into()),
            later,
        );
        let much_later = later + TYPING_PAUSE;
        history.apply(
            &mut case,
            CaseEdit::SetText(TextField::Title, "xy".into()),
            much_later,
        );
        assert_eq!(history.undo_len(), 4);
        for _ in 0..4 {
            history.undo(&mut case);
        }
        assert_eq!(case, Case::default());
    }

    #[test]
    fn undoing_back_to_a_version_finds_it_again() {
        let t0 = Instant::now();
        let mut case = Case::default();
        let mut history = History::default();
        history.apply(&mut case, note("a"), t0);
        let saved = history.version();
        history.apply(&mut case, note("b"), t0);
        assert_ne!(history.version(), saved);
        history.undo(&mut case);
        assert_eq!(history.version(), saved);
        history.redo(&mut case);
        assert_ne!(history.version(), saved);
        // A new edit after an undo drops what could have been redone.
        history.undo(&mut case);
        history.apply(&mut case, note("c"), t0);
        assert_eq!(history.redo_label(), None);
        assert_eq!(texts(&case), ["a", "c"]);
    }

    #[test]
    fn the_history_keeps_its_limit_and_no_empty_steps() {
        let t0 = Instant::now();
        let mut case = Case::default();
        let mut history = History::with_limit(100);
        for i in 0..150 {
            history.apply(&mut case, note(&i.to_string()), t0);
        }
        assert_eq!(history.undo_len(), 100);
        while history.undo(&mut case).is_some() {}
        assert_eq!(case.notes.len(), 50);
        // Setting what is there already, or editing an item that is gone: no step.
        let before = history.undo_len();
        assert!(!history.apply(
            &mut case,
            CaseEdit::SetText(TextField::Title, String::new()),
            t0
        ));
        assert!(!history.apply(
            &mut case,
            CaseEdit::DeleteItem(crate::model::ItemId(987_654)),
            t0
        ));
        assert_eq!(history.undo_len(), before);
    }

    #[test]
    fn labels_name_what_the_edit_did() {
        let mut case = Case::default();
        let n = case.add_note(Phase::Understand, Level::Individual, Default::default());
        let o = case.add_option(Level::Policy, Default::default());
        assert_eq!(CaseEdit::DeleteItem(n).label_key(&case), "edit.delete_note");
        assert_eq!(
            CaseEdit::DeleteItem(o).label_key(&case),
            "edit.delete_option"
        );
        assert_eq!(
            CaseEdit::MoveItem(o, Direction::Up).label_key(&case),
            "edit.move_option"
        );
    }
}
