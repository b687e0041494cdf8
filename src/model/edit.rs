//! Every change a user can make to a case, as data, and the one function that applies
//! it. The window sends these; undo keeps what they replaced. No egui here.

use chrono::NaiveDate;

use super::meeting::{SilentEntry, SpeakingRound, Turn};
use super::{
    Case, Consent, Decision, Direction, DocumentStatus, Entry, ItemId, Level, Owner, Phase,
    PlanStatus, ReflectionPart, Session, Signal, Stage, TagKind, Verdict,
};

/// A text in the case that can be typed into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextField {
    Title,
    Description,
    Question,
    OpeningNotes,
    ParticipantName(ItemId),
    ParticipantDiscipline(ItemId),
    /// The text of a note or an option.
    EntryText(ItemId),
    /// Why an option was chosen (the justification) or rejected.
    DecisionReason(ItemId),
    Alternatives(ItemId),
    FirstStep(ItemId),
    /// The organisation typed in as owner, when the owner is not someone at the table.
    OwnerName(ItemId),
    CoOwnerName(ItemId),
    SignalTo(ItemId),
    SignalChange(ItemId),
    PersonPseudonym(ItemId),
    PersonRealName(ItemId),
    PersonOtherNames(ItemId),
    NeglectedLevel,
    Lessons,
    Takeaway,
    /// A step of a reflection: of a participant, or (None) the one not tied to anyone.
    Reflection(Option<ItemId>, ReflectionPart),
    /// The answer to the question in a few lines, for the report's summary.
    Conclusion,
    ApprovedBy,
    /// What an intervention means for the resident, in plain words.
    ForResident(ItemId),
    LetterHeard,
    LetterContact,
    LetterPassedOn,
    /// At a follow-up: what happened to a chosen intervention.
    EvaluationWhatHappened(Session, ItemId),
    /// At a follow-up: why it goes on, stops or changes.
    EvaluationReason(Session, ItemId),
}

/// A date in the case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateField {
    Meeting,
    Deadline(ItemId),
    FollowUp(ItemId),
    DeleteBy,
    ApprovedOn,
    NextEvaluation,
    /// The day of a follow-up meeting, by its session number.
    FollowUpMeeting(Session),
}

/// The owner or the co-owner of a chosen intervention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OwnerSlot {
    Owner,
    CoOwner,
}

/// One change to a case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaseEdit {
    SetText(TextField, String),
    SetDate(DateField, Option<NaiveDate>),
    AddParticipant,
    RemoveParticipant(ItemId),
    MoveParticipant(ItemId, Direction),
    /// A participant's meeting role, by its key in the method.
    SetRole(ItemId, String),
    AddNote {
        phase: Phase,
        level: Level,
        text: String,
        contributor: Option<ItemId>,
    },
    AddOption {
        level: Level,
        text: String,
        contributor: Option<ItemId>,
    },
    DeleteItem(ItemId),
    MoveItem(ItemId, Direction),
    /// Who contributed a note or an option.
    SetContributor(ItemId, Option<ItemId>),
    /// Adds or removes a condition or factor tag on a note or an option.
    ToggleTag(ItemId, TagKind, String),
    SetDecision(ItemId, Decision),
    /// Marks a note or an option as a signal to the organisation, or unmarks it.
    ToggleSignal(ItemId),
    SetOwner(ItemId, OwnerSlot, Owner),
    SetStatus(ItemId, PlanStatus),
    SetConsent(Consent),
    SetDocumentStatus(DocumentStatus),
    SetVersion(u32),
    /// The person the letter is for.
    SetAddressee(Option<ItemId>),
    /// Whether the letter uses the addressee's real name.
    SetAddressByRealName(bool),
    AddPerson,
    RemovePerson(ItemId),
    /// The minutes planned for a step in this meeting.
    SetPlannedMinutes(Stage, u32),
    /// Starts a speaking round in a step, with the participants in this order.
    StartRound {
        stage: Stage,
        order: Vec<ItemId>,
        seconds_per_speaker: Option<u32>,
    },
    /// The current speaker's turn ends (spoken, or passed) after so many seconds.
    NextSpeaker {
        stage: Stage,
        passed: bool,
        seconds: u64,
    },
    /// Back to the previous speaker, whose turn is taken again.
    PreviousSpeaker(Stage),
    EndRound(Stage),
    /// A participant's choices in the silent round (replacing earlier ones of theirs).
    AddSilentEntry(SilentEntry),
    RevealSilentRound,
    /// Throws the silent round away, to hold it again.
    ClearSilentRound,
    /// What a teacher set for class use (lock, own questions), or none.
    SetTeacher(Option<super::TeacherSetup>),
    /// Starts a follow-up meeting on this day and goes to it.
    StartFollowUp(Option<NaiveDate>),
    /// A note written at a follow-up.
    AddSessionNote {
        session: Session,
        level: Level,
        text: String,
    },
    /// An option raised at a follow-up.
    AddSessionOption {
        session: Session,
        level: Level,
        text: String,
    },
    /// How far an intervention got, as found at a follow-up.
    SetEvaluationStatus(Session, ItemId, PlanStatus),
    /// Go on, stop or adjust an intervention, decided at a follow-up.
    SetVerdict(Session, ItemId, Verdict),
    /// A participant was at a follow-up, or was not after all.
    TogglePresent(Session, ItemId),
}

impl CaseEdit {
    /// Carries the edit out. An edit that names an item that is gone changes nothing.
    pub fn apply(self, case: &mut Case) {
        match self {
            CaseEdit::SetText(field, _) if case.is_locked(field) => {}
            CaseEdit::SetText(field, text) => {
                if let Some(target) = case.text_mut(field) {
                    *target = text;
                }
            }
            CaseEdit::SetDate(field, date) => {
                if let Some(target) = case.date_mut(field) {
                    *target = date;
                }
            }
            CaseEdit::SetDecision(..) | CaseEdit::SetOwner(..) | CaseEdit::SetStatus(..) => {
                self.apply_to_option(case);
            }
            CaseEdit::AddParticipant => {
                case.add_participant("", "", "participant");
            }
            CaseEdit::RemoveParticipant(id) => case.remove_participant(id),
            CaseEdit::MoveParticipant(id, direction) => case.move_participant(id, direction),
            CaseEdit::SetRole(id, role) => {
                if let Some(p) = case.participants.iter_mut().find(|p| p.id == id) {
                    p.role = role;
                }
            }
            CaseEdit::AddNote {
                phase,
                level,
                text,
                contributor,
            } => {
                case.add_note(phase, level, entry(text, contributor));
            }
            CaseEdit::AddOption {
                level,
                text,
                contributor,
            } => {
                case.add_option(level, entry(text, contributor));
            }
            CaseEdit::DeleteItem(id) => case.delete_item(id),
            CaseEdit::MoveItem(id, direction) => case.move_item(id, direction),
            CaseEdit::SetContributor(id, contributor) => {
                if let Some(entry) = case.entry_mut(id) {
                    entry.contributor = contributor;
                }
            }
            CaseEdit::ToggleTag(id, kind, key) => {
                if let Some(entry) = case.entry_mut(id) {
                    entry.toggle_tag(kind, &key);
                }
            }
            CaseEdit::ToggleSignal(id) => {
                if let Some(entry) = case.entry_mut(id) {
                    entry.signal = match entry.signal {
                        Some(_) => None,
                        None => Some(Signal::default()),
                    };
                }
            }
            CaseEdit::SetConsent(consent) => case.consent = consent,
            CaseEdit::SetDocumentStatus(status) => case.report.status = status,
            CaseEdit::SetVersion(version) => case.report.version = version,
            CaseEdit::SetAddressee(person) => case.letter.addressee = person,
            CaseEdit::SetAddressByRealName(real) => case.letter.by_real_name = real,
            CaseEdit::SetTeacher(setup) => case.teacher = setup,
            CaseEdit::AddPerson => {
                case.add_person();
            }
            CaseEdit::RemovePerson(id) => case.remove_person(id),
            CaseEdit::StartFollowUp(..)
            | CaseEdit::AddSessionNote { .. }
            | CaseEdit::AddSessionOption { .. }
            | CaseEdit::SetEvaluationStatus(..)
            | CaseEdit::SetVerdict(..)
            | CaseEdit::TogglePresent(..) => self.apply_to_follow_up(case),
            meeting => meeting.apply_to_meeting(case),
        }
    }

    /// The edits of a follow-up meeting.
    fn apply_to_follow_up(self, case: &mut Case) {
        match self {
            CaseEdit::StartFollowUp(date) => {
                let session = case.start_follow_up(date);
                case.stage = Stage::FollowUp(session);
            }
            // "What is going on now": the follow-up's look at the situation.
            CaseEdit::AddSessionNote {
                session,
                level,
                text,
            } if case.follow_up(session).is_some() => {
                case.add_note_in(session, Phase::Understand, level, Entry::new(text));
            }
            CaseEdit::AddSessionOption {
                session,
                level,
                text,
            } if case.follow_up(session).is_some() => {
                case.add_option_in(session, level, Entry::new(text));
            }
            CaseEdit::SetEvaluationStatus(session, id, status) => {
                if let Some(evaluation) = case.evaluation_mut(session, id) {
                    evaluation.status = status;
                }
            }
            CaseEdit::SetVerdict(session, id, verdict) => {
                if let Some(evaluation) = case.evaluation_mut(session, id) {
                    evaluation.verdict = verdict;
                }
            }
            CaseEdit::TogglePresent(session, id) => case.toggle_present(session, id),
            _ => {}
        }
    }

    /// The edits of the meeting's own record: planned time, rounds, the silent round.
    fn apply_to_meeting(self, case: &mut Case) {
        let meeting = &mut case.meeting;
        match self {
            CaseEdit::SetPlannedMinutes(stage, minutes) => {
                meeting.planned_minutes.insert(stage, minutes);
            }
            CaseEdit::StartRound {
                stage,
                order,
                seconds_per_speaker,
            } => {
                if let Some(open) = meeting.open_round_mut(stage) {
                    open.finished = true;
                }
                meeting.rounds.push(SpeakingRound {
                    stage,
                    order,
                    turns: Vec::new(),
                    seconds_per_speaker,
                    finished: false,
                });
            }
            CaseEdit::NextSpeaker {
                stage,
                passed,
                seconds,
            } => {
                if let Some(round) = meeting.open_round_mut(stage)
                    && let Some(participant) = round.current()
                {
                    round.turns.push(Turn {
                        participant,
                        passed,
                        seconds,
                    });
                }
            }
            CaseEdit::PreviousSpeaker(stage) => {
                if let Some(round) = meeting.open_round_mut(stage) {
                    round.turns.pop();
                }
            }
            CaseEdit::EndRound(stage) => {
                if let Some(round) = meeting.open_round_mut(stage) {
                    round.finished = true;
                }
            }
            CaseEdit::AddSilentEntry(entry) => {
                let round = meeting.silent_round.get_or_insert_with(Default::default);
                round.entries.retain(|e| e.participant != entry.participant);
                round.entries.push(entry);
            }
            CaseEdit::RevealSilentRound => {
                if let Some(round) = &mut meeting.silent_round {
                    round.revealed = true;
                }
            }
            CaseEdit::ClearSilentRound => meeting.silent_round = None,
            _ => {}
        }
    }

    /// The edits of an option's decision and plan.
    fn apply_to_option(self, case: &mut Case) {
        match self {
            CaseEdit::SetDecision(id, decision) => {
                if let Some(option) = case.option_mut(id) {
                    option.decision = decision;
                }
            }
            CaseEdit::SetOwner(id, slot, owner) => {
                if let Some(option) = case.option_mut(id) {
                    *match slot {
                        OwnerSlot::Owner => &mut option.plan.owner,
                        OwnerSlot::CoOwner => &mut option.plan.co_owner,
                    } = owner;
                }
            }
            CaseEdit::SetStatus(id, status) => {
                if let Some(option) = case.option_mut(id) {
                    option.plan.status = status;
                }
            }
            _ => {}
        }
    }

    /// The translation key that names this edit for "Undo: …", judged on the case before
    /// the edit (a deleted item is still there to say what it was).
    pub fn label_key(&self, case: &Case) -> &'static str {
        let is_option = |id: &ItemId| case.option(*id).is_some();
        match self {
            CaseEdit::SetText(..) => "edit.text",
            CaseEdit::SetDate(..) => "edit.date",
            CaseEdit::AddParticipant => "edit.add_participant",
            CaseEdit::RemoveParticipant(_) => "edit.remove_participant",
            CaseEdit::MoveParticipant(..) => "edit.move_participant",
            CaseEdit::SetRole(..) => "edit.role",
            CaseEdit::AddNote { .. } => "edit.add_note",
            CaseEdit::AddOption { .. } => "edit.add_option",
            CaseEdit::DeleteItem(id) if is_option(id) => "edit.delete_option",
            CaseEdit::DeleteItem(_) => "edit.delete_note",
            CaseEdit::MoveItem(id, _) if is_option(id) => "edit.move_option",
            CaseEdit::MoveItem(..) => "edit.move_note",
            CaseEdit::SetContributor(..) => "edit.contributor",
            CaseEdit::ToggleTag(..) => "edit.tag",
            CaseEdit::SetDecision(..) => "edit.decision",
            CaseEdit::ToggleSignal(..) => "edit.signal",
            CaseEdit::SetOwner(..) => "edit.owner",
            CaseEdit::SetStatus(..) => "edit.status",
            CaseEdit::SetConsent(_) => "edit.consent",
            CaseEdit::SetDocumentStatus(_) | CaseEdit::SetVersion(_) => "edit.report_status",
            CaseEdit::SetAddressee(_) | CaseEdit::SetAddressByRealName(_) => "edit.addressee",
            CaseEdit::AddPerson => "edit.add_person",
            CaseEdit::RemovePerson(_) => "edit.remove_person",
            CaseEdit::SetPlannedMinutes(..) => "edit.planned_minutes",
            CaseEdit::StartRound { .. } => "edit.round_start",
            CaseEdit::NextSpeaker { passed: true, .. } => "edit.round_pass",
            CaseEdit::NextSpeaker { .. } => "edit.round_next",
            CaseEdit::PreviousSpeaker(_) => "edit.round_back",
            CaseEdit::EndRound(_) => "edit.round_end",
            CaseEdit::AddSilentEntry(_) => "edit.silent_entry",
            CaseEdit::RevealSilentRound => "edit.silent_reveal",
            CaseEdit::ClearSilentRound => "edit.silent_clear",
            CaseEdit::SetTeacher(_) => "edit.teacher",
            CaseEdit::StartFollowUp(_) => "edit.follow_up_start",
            CaseEdit::AddSessionNote { .. } => "edit.add_note",
            CaseEdit::AddSessionOption { .. } => "edit.add_option",
            CaseEdit::SetEvaluationStatus(..) => "edit.status",
            CaseEdit::SetVerdict(..) => "edit.follow_up_verdict",
            CaseEdit::TogglePresent(..) => "edit.follow_up_present",
        }
    }

    /// The field being typed into, so that a run of keystrokes is one undo step.
    pub fn typing_in(&self) -> Option<TextField> {
        match self {
            CaseEdit::SetText(field, _) => Some(*field),
            _ => None,
        }
    }
}

/// The organisation typed in as owner, if the owner is one.
fn owner_name(owner: &Owner) -> Option<&String> {
    match owner {
        Owner::Named(name) => Some(name),
        _ => None,
    }
}

fn owner_name_mut(owner: &mut Owner) -> Option<&mut String> {
    match owner {
        Owner::Named(name) => Some(name),
        _ => None,
    }
}

/// The text of a reflection step a student has not written yet.
static EMPTY: String = String::new();

fn entry(text: String, contributor: Option<ItemId>) -> Entry {
    Entry {
        contributor,
        ..Entry::new(text)
    }
}

impl Case {
    /// The text behind a field, if the item it belongs to exists (and, for an owner's
    /// name, if the owner is an organisation typed in).
    pub fn text(&self, field: TextField) -> Option<&str> {
        let option = |id: ItemId| self.option(id);
        let entry = |id: ItemId| {
            self.notes
                .iter()
                .find(|n| n.id == id)
                .map(|n| &n.entry)
                .or_else(|| option(id).map(|o| &o.entry))
        };
        let person = |id: ItemId| self.persons.iter().find(|p| p.id == id);
        Some(match field {
            TextField::Title => &self.title,
            TextField::Description => &self.description,
            TextField::Question => &self.question,
            TextField::OpeningNotes => &self.opening_notes,
            TextField::ParticipantName(id) => &self.participant(id)?.name,
            TextField::ParticipantDiscipline(id) => &self.participant(id)?.discipline,
            TextField::EntryText(id) => &entry(id)?.text,
            TextField::DecisionReason(id) => &option(id)?.decision_reason,
            TextField::Alternatives(id) => &option(id)?.plan.alternatives,
            TextField::FirstStep(id) => &option(id)?.plan.first_step,
            TextField::OwnerName(id) => owner_name(&option(id)?.plan.owner)?.as_str(),
            TextField::CoOwnerName(id) => owner_name(&option(id)?.plan.co_owner)?.as_str(),
            TextField::SignalTo(id) => &entry(id)?.signal.as_ref()?.to,
            TextField::SignalChange(id) => &entry(id)?.signal.as_ref()?.change,
            TextField::PersonPseudonym(id) => &person(id)?.pseudonym,
            TextField::PersonRealName(id) => &person(id)?.real_name,
            TextField::PersonOtherNames(id) => &person(id)?.other_names,
            TextField::NeglectedLevel => &self.closing.neglected_level,
            TextField::Lessons => &self.closing.lessons,
            TextField::Takeaway => &self.closing.case_bringer_takeaway,
            TextField::Reflection(None, part) => self.closing.reflection.part(part),
            TextField::Reflection(Some(student), part) => self
                .closing
                .personal
                .iter()
                .find(|r| r.participant == student)
                .map_or(&EMPTY, |r| r.reflection.part(part)),
            TextField::Conclusion => &self.report.conclusion,
            TextField::ApprovedBy => &self.report.approved_by,
            TextField::ForResident(id) => &option(id)?.plan.for_resident,
            TextField::LetterHeard => &self.letter.heard,
            TextField::LetterContact => &self.letter.contact,
            TextField::LetterPassedOn => &self.letter.passed_on,
            TextField::EvaluationWhatHappened(session, id) => {
                &self.follow_up(session)?.evaluation(id)?.what_happened
            }
            TextField::EvaluationReason(session, id) => {
                &self.follow_up(session)?.evaluation(id)?.reason
            }
        })
    }

    /// The text behind a field, to change it.
    pub fn text_mut(&mut self, field: TextField) -> Option<&mut String> {
        Some(match field {
            TextField::Title => &mut self.title,
            TextField::Description => &mut self.description,
            TextField::Question => &mut self.question,
            TextField::OpeningNotes => &mut self.opening_notes,
            TextField::ParticipantName(id) => &mut self.participant_mut(id)?.name,
            TextField::ParticipantDiscipline(id) => &mut self.participant_mut(id)?.discipline,
            TextField::EntryText(id) => &mut self.entry_mut(id)?.text,
            TextField::DecisionReason(id) => &mut self.option_mut(id)?.decision_reason,
            TextField::Alternatives(id) => &mut self.option_mut(id)?.plan.alternatives,
            TextField::FirstStep(id) => &mut self.option_mut(id)?.plan.first_step,
            TextField::OwnerName(id) => owner_name_mut(&mut self.option_mut(id)?.plan.owner)?,
            TextField::CoOwnerName(id) => owner_name_mut(&mut self.option_mut(id)?.plan.co_owner)?,
            TextField::SignalTo(id) => &mut self.entry_mut(id)?.signal.as_mut()?.to,
            TextField::SignalChange(id) => &mut self.entry_mut(id)?.signal.as_mut()?.change,
            TextField::PersonPseudonym(id) => &mut self.person_mut(id)?.pseudonym,
            TextField::PersonRealName(id) => &mut self.person_mut(id)?.real_name,
            TextField::PersonOtherNames(id) => &mut self.person_mut(id)?.other_names,
            TextField::NeglectedLevel => &mut self.closing.neglected_level,
            TextField::Lessons => &mut self.closing.lessons,
            TextField::Takeaway => &mut self.closing.case_bringer_takeaway,
            TextField::Reflection(None, part) => self.closing.reflection.part_mut(part),
            TextField::Reflection(Some(student), part) => {
                self.participant(student)?;
                self.closing.personal_mut(student).part_mut(part)
            }
            TextField::Conclusion => &mut self.report.conclusion,
            TextField::ApprovedBy => &mut self.report.approved_by,
            TextField::ForResident(id) => &mut self.option_mut(id)?.plan.for_resident,
            TextField::LetterHeard => &mut self.letter.heard,
            TextField::LetterContact => &mut self.letter.contact,
            TextField::LetterPassedOn => &mut self.letter.passed_on,
            TextField::EvaluationWhatHappened(session, id) => {
                &mut self.evaluation_mut(session, id)?.what_happened
            }
            TextField::EvaluationReason(session, id) => {
                &mut self.evaluation_mut(session, id)?.reason
            }
        })
    }

    /// The date behind a field.
    pub fn date(&self, field: DateField) -> Option<NaiveDate> {
        match field {
            DateField::Meeting => self.meeting_date,
            DateField::DeleteBy => self.delete_by,
            DateField::ApprovedOn => self.report.approved_on,
            DateField::NextEvaluation => self.report.next_evaluation,
            DateField::Deadline(id) => self.option(id)?.plan.deadline,
            DateField::FollowUp(id) => self.option(id)?.plan.follow_up,
            DateField::FollowUpMeeting(session) => self.follow_up(session)?.date,
        }
    }

    fn date_mut(&mut self, field: DateField) -> Option<&mut Option<NaiveDate>> {
        Some(match field {
            DateField::Meeting => &mut self.meeting_date,
            DateField::DeleteBy => &mut self.delete_by,
            DateField::ApprovedOn => &mut self.report.approved_on,
            DateField::NextEvaluation => &mut self.report.next_evaluation,
            DateField::Deadline(id) => &mut self.option_mut(id)?.plan.deadline,
            DateField::FollowUp(id) => &mut self.option_mut(id)?.plan.follow_up,
            DateField::FollowUpMeeting(session) => &mut self.follow_up_mut(session)?.date,
        })
    }

    fn participant_mut(&mut self, id: ItemId) -> Option<&mut super::Participant> {
        self.participants.iter_mut().find(|p| p.id == id)
    }

    fn person_mut(&mut self, id: ItemId) -> Option<&mut super::Person> {
        self.persons.iter_mut().find(|p| p.id == id)
    }
}
