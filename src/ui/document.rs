//! The open case: the case itself, where it lives on disk, its undo history, and what
//! the screen holds for it while it is open.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

use super::entries::CardFocus;
use super::widgets::DateText;
use crate::i18n::{Language, tr};
use crate::model::{Case, CaseEdit, DateField, History, ItemId, Level, Stage};
use crate::storage::{self, FileStamp, recovery};

/// The case that is open, with where it lives on disk and what the screen holds for it.
pub struct Document {
    pub case: Case,
    /// None for a new case or an example: saving asks where.
    pub path: Option<PathBuf>,
    /// The teacher's template this session was started from: never saved over; the
    /// first save suggests a name beside it.
    pub template_file: Option<PathBuf>,
    /// What the teacher last chose in the template dialog in this window: the lock is
    /// for the students' sessions, so it lives here and in the template, never in the
    /// teacher's own case.
    pub template_setup: Option<crate::model::TeacherSetup>,
    pub view: CaseView,
    /// Name of this case's copy in the recovery folder.
    pub recovery_name: String,
    /// The case file as it was when last read or written, to notice changes by others.
    pub disk_stamp: Option<FileStamp>,
    /// Counts changes, undo and redo included; the autosave compares it with what it
    /// last wrote, and the projector view with what it last pseudonymised.
    pub revision: u64,
    pub autosaved_revision: u64,
    /// Whether a recovery copy of the unsaved changes has been written.
    pub recovery_written: bool,
    /// Opened to look at while another window has it open: no edits, no saving over it.
    pub read_only: bool,
    /// This window's lock on the case file, so a second window knows it is open.
    pub lock: Option<crate::storage::case_lock::FileLock>,
    history: History,
    /// The history's version when the case was last saved or opened; `None` when the
    /// case as it is has never been on disk (a restored recovery copy).
    saved_version: Option<u64>,
    /// Meeting time was recorded since the last save (time is a record, not an edit).
    time_unsaved: bool,
    /// Made on first use per revision and language: see `hide_names`.
    name_hider: std::cell::RefCell<Option<((u64, Language), crate::privacy::TextPseudonymiser)>>,
}

/// Screen state that belongs to one open case and goes when it closes.
#[derive(Default)]
pub struct CaseView {
    /// Dates as typed (meeting date, deadlines, follow-ups), so a half-typed date is not
    /// thrown away while the case keeps the last real one.
    pub dates: HashMap<DateField, DateText>,
    /// Text typed in the "new note" field of each cell, by stage and level.
    pub drafts: HashMap<(Stage, usize), String>,
    /// The case as the projector view shows it, for the revision and language it was
    /// made for.
    pub pseudonymised: Option<((u64, Language), Case)>,
    /// The note being edited, and the one showing its controls.
    pub cards: CardFocus,
    /// How tall each card was when last drawn on each screen, to skip drawing the ones
    /// out of view.
    pub card_heights: HashMap<(Stage, ItemId), f32>,
    /// The level whose capture field should take the focus (Ctrl+1, 2, 3).
    pub focus_capture: Option<Level>,
    /// The level whose capture field had the focus last: the timer counts for it.
    pub writing_level: Option<Level>,
    /// Who new notes are from when no speaking round runs: the contributor chosen last.
    pub capture_contributor: Option<ItemId>,
    /// Whose reflection the closing shows: a participant, or None for the one not tied
    /// to anyone (files from before reflections per student).
    pub reflection_of: Option<ItemId>,
}

impl Document {
    pub fn new(case: Case, path: Option<PathBuf>) -> Document {
        let disk_stamp = path.as_deref().and_then(storage::file_stamp);
        let history = History::default();
        let saved_version = Some(history.version());
        Document {
            case,
            path,
            template_file: None,
            template_setup: None,
            view: CaseView::default(),
            recovery_name: recovery::new_recovery_name(),
            disk_stamp,
            revision: 0,
            autosaved_revision: 0,
            recovery_written: false,
            read_only: false,
            lock: None,
            history,
            saved_version,
            time_unsaved: false,
            name_hider: Default::default(),
        }
    }

    /// Whether the case differs from the one last saved (undoing back to it counts as
    /// saved again).
    pub fn dirty(&self) -> bool {
        self.saved_version != Some(self.history.version()) || self.time_unsaved
    }

    /// Adds meeting time to the case: not an edit (undo leaves it), but unsaved.
    pub fn record_time(&mut self, stage: Stage, level: Option<Level>, seconds: u64) {
        if seconds > 0 {
            self.case.meeting.add_time(stage, level, seconds);
            self.time_unsaved = true;
            self.revision += 1;
        }
    }

    /// Sets a step's recorded time back to zero.
    pub fn reset_time(&mut self, stage: Stage) {
        let meeting = &mut self.case.meeting;
        let had = meeting.seconds_spent.remove(&stage).is_some();
        if let Stage::Phase(phase) = stage {
            meeting.level_seconds.retain(|(p, _), _| *p != phase);
        }
        if had {
            self.time_unsaved = true;
            self.revision += 1;
        }
    }

    /// `text` (a file name, a message) with this case's registered names replaced by
    /// their pseudonyms, for the projector.
    pub fn hide_names(&self, language: Language, text: &str) -> String {
        let key = (self.revision, language);
        let mut cache = self.name_hider.borrow_mut();
        if cache.as_ref().is_none_or(|(k, _)| *k != key) {
            let hider = crate::privacy::TextPseudonymiser::new(&self.case, language);
            *cache = Some((key, hider));
        }
        cache
            .as_ref()
            .map_or_else(String::new, |(_, hider)| hider.apply(text))
    }

    /// The case with pseudonyms, made once per change and language.
    pub fn pseudonymised(&mut self, language: Language) -> &Case {
        let key = (self.revision, language);
        let stale = self
            .view
            .pseudonymised
            .as_ref()
            .is_none_or(|(k, _)| *k != key);
        if stale {
            let shown = crate::privacy::pseudonymise(&self.case, language);
            self.view.pseudonymised = Some((key, shown));
        }
        let (_, shown) = self
            .view
            .pseudonymised
            .get_or_insert_with(|| (key, Case::default()));
        // Moving between steps is not a change: follow it here.
        shown.stage = self.case.stage;
        shown
    }

    /// Applies an edit and keeps what it replaced for undo. Returns whether the case
    /// changed.
    pub fn edit(&mut self, edit: CaseEdit, now: Instant) -> bool {
        let changed = self.history.apply(&mut self.case, edit, now);
        if changed {
            self.revision += 1;
        }
        changed
    }

    /// Makes a change the model has no edit for, undoably, under `label`.
    pub fn change(&mut self, label: &'static str, change: impl FnOnce(&mut Case)) {
        let before = self.case.clone();
        change(&mut self.case);
        if self.case != before {
            self.history.record(before, label, None, Instant::now());
            self.revision += 1;
        }
    }

    /// Undoes the last edit; returns its label.
    pub fn undo(&mut self) -> Option<&'static str> {
        let label = self.history.undo(&mut self.case)?;
        self.revision += 1;
        Some(label)
    }

    /// Redoes the last undone edit; returns its label.
    pub fn redo(&mut self) -> Option<&'static str> {
        let label = self.history.redo(&mut self.case)?;
        self.revision += 1;
        Some(label)
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    /// The case as it is now is on disk.
    pub fn mark_saved(&mut self) {
        self.saved_version = Some(self.history.version());
        self.time_unsaved = false;
        self.history.break_typing();
        self.autosaved_revision = self.revision;
        self.recovery_written = false;
    }

    /// The case as it is now is not on disk (a restored recovery copy).
    pub fn mark_unsaved(&mut self) {
        self.saved_version = None;
    }

    /// Name to show: the case title, or a placeholder for an untitled case.
    pub fn display_title(&self, language: Language) -> String {
        let title = self.case.title.trim();
        if title.is_empty() {
            tr(language, "case.untitled").to_owned()
        } else {
            title.to_owned()
        }
    }
}
