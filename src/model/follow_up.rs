//! The follow-up meeting: weeks or months later the team looks back at what was agreed.
//! Per chosen intervention: what happened, how far it got, and whether it goes on, stops
//! or is adjusted. New notes and options of a follow-up carry its session number, so the
//! first meeting stays as it was. No egui here.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Case, Decision, InterventionOption, ItemId, Note, PlanStatus, date_field};

/// Which meeting a note or an option belongs to: 0 is the first case meeting, 1 the
/// first follow-up (`Case::follow_ups[0]`), and so on.
pub type Session = u32;

/// The first case meeting.
pub const FIRST_SESSION: Session = 0;

/// `#[serde(skip_serializing_if)]` for a session: the first one is not written, so a
/// case without follow-ups is saved exactly as before.
pub fn is_first_session(session: &Session) -> bool {
    *session == FIRST_SESSION
}

/// One follow-up meeting on the case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct FollowUp {
    /// The day of the follow-up meeting.
    #[serde(deserialize_with = "date_field::deserialize")]
    pub date: Option<NaiveDate>,
    /// The participants who were there, in the order of the participant list.
    pub present: Vec<ItemId>,
    /// What became of each intervention chosen before this meeting.
    pub evaluations: Vec<Evaluation>,
}

/// The look back at one chosen intervention.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Evaluation {
    /// The intervention (an option chosen in an earlier session).
    pub option: ItemId,
    /// What actually happened since it was agreed.
    pub what_happened: String,
    /// How far it got by this meeting; starts as the plan's status.
    pub status: PlanStatus,
    pub verdict: Verdict,
    /// Why it goes on, stops or changes, and how.
    pub reason: String,
}

/// What the group decides about an intervention at a follow-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Verdict {
    /// Not discussed yet.
    #[default]
    Undecided,
    /// Voortzetten.
    Continue,
    /// Stoppen.
    Stop,
    /// Bijstellen.
    Adjust,
}

impl Verdict {
    pub const ALL: [Verdict; 4] = [
        Verdict::Undecided,
        Verdict::Continue,
        Verdict::Adjust,
        Verdict::Stop,
    ];
}

impl FollowUp {
    pub fn evaluation(&self, option: ItemId) -> Option<&Evaluation> {
        self.evaluations.iter().find(|e| e.option == option)
    }
}

impl Case {
    /// The follow-up with this session number (1 is the first follow-up).
    pub fn follow_up(&self, session: Session) -> Option<&FollowUp> {
        let index = usize::try_from(session).ok()?.checked_sub(1)?;
        self.follow_ups.get(index)
    }

    pub fn follow_up_mut(&mut self, session: Session) -> Option<&mut FollowUp> {
        let index = usize::try_from(session).ok()?.checked_sub(1)?;
        self.follow_ups.get_mut(index)
    }

    /// The session number the next follow-up gets.
    pub fn next_session(&self) -> Session {
        Session::try_from(self.follow_ups.len())
            .unwrap_or(Session::MAX - 1)
            .saturating_add(1)
    }

    /// Starts a follow-up meeting on `date`: everyone at the table present, and an
    /// evaluation for every intervention chosen so far, with its status as the plan
    /// had it. Returns its session number.
    pub fn start_follow_up(&mut self, date: Option<NaiveDate>) -> Session {
        let session = self.next_session();
        let evaluations = self
            .agreed_before(session)
            .map(|o| Evaluation {
                option: o.id,
                status: o.plan.status,
                ..Evaluation::default()
            })
            .collect();
        self.follow_ups.push(FollowUp {
            date,
            present: self.participants.iter().map(|p| p.id).collect(),
            evaluations,
        });
        session
    }

    /// The interventions a follow-up looks back at: chosen in an earlier session, level
    /// by level, in the group's order.
    pub fn agreed_before(&self, session: Session) -> impl Iterator<Item = &InterventionOption> {
        super::Level::ALL.into_iter().flat_map(move |level| {
            self.options.iter().filter(move |o| {
                o.level == level && o.session < session && o.decision == Decision::Chosen
            })
        })
    }

    /// The evaluation of an intervention at a follow-up, made (with the plan's status)
    /// when there is none yet and the intervention exists.
    pub fn evaluation_mut(&mut self, session: Session, option: ItemId) -> Option<&mut Evaluation> {
        let status = self.option(option)?.plan.status;
        let follow_up = self.follow_up_mut(session)?;
        let index = match follow_up
            .evaluations
            .iter()
            .position(|e| e.option == option)
        {
            Some(index) => index,
            None => {
                follow_up.evaluations.push(Evaluation {
                    option,
                    status,
                    ..Evaluation::default()
                });
                follow_up.evaluations.len() - 1
            }
        };
        follow_up.evaluations.get_mut(index)
    }

    /// Marks a participant present at a follow-up, or absent again.
    pub fn toggle_present(&mut self, session: Session, participant: ItemId) {
        let order: Vec<ItemId> = self.participants.iter().map(|p| p.id).collect();
        let Some(follow_up) = self.follow_up_mut(session) else {
            return;
        };
        if let Some(i) = follow_up.present.iter().position(|p| *p == participant) {
            follow_up.present.remove(i);
        } else if order.contains(&participant) {
            follow_up.present.push(participant);
            follow_up
                .present
                .sort_by_key(|id| order.iter().position(|p| p == id));
        }
    }

    /// The latest follow-up that looked at an intervention, with what it found there.
    pub fn latest_evaluation(&self, option: ItemId) -> Option<(&FollowUp, &Evaluation)> {
        self.follow_ups
            .iter()
            .rev()
            .find_map(|f| f.evaluation(option).map(|e| (f, e)))
    }

    /// The interventions chosen at follow-ups (not those of the first meeting), meeting
    /// by meeting, level by level.
    pub fn chosen_at_follow_ups(&self) -> impl Iterator<Item = &InterventionOption> {
        (1..self.next_session()).flat_map(move |session| {
            super::Level::ALL.into_iter().flat_map(move |level| {
                self.session_options(session, level)
                    .filter(|o| o.decision == Decision::Chosen)
            })
        })
    }

    /// The notes added at a follow-up, on one level.
    pub fn session_notes(
        &self,
        session: Session,
        level: super::Level,
    ) -> impl Iterator<Item = &Note> {
        self.notes
            .iter()
            .filter(move |n| n.session == session && n.level == level)
    }

    /// The options raised at a follow-up, on one level.
    pub fn session_options(
        &self,
        session: Session,
        level: super::Level,
    ) -> impl Iterator<Item = &InterventionOption> {
        self.options
            .iter()
            .filter(move |o| o.session == session && o.level == level)
    }
}

impl Case {
    /// Every step of this case: the meeting's, then each follow-up held.
    pub fn stages(&self) -> impl Iterator<Item = super::Stage> + '_ {
        let held = 1..self.next_session();
        super::Stage::ALL
            .into_iter()
            .chain(held.map(super::Stage::FollowUp))
    }

    /// The step after `stage` in this case: after the closing come the follow-ups.
    pub fn stage_after(&self, stage: super::Stage) -> Option<super::Stage> {
        let after = match stage {
            super::Stage::Closing => 1,
            super::Stage::FollowUp(session) => session.checked_add(1)?,
            other => return other.next(),
        };
        self.follow_up(after).map(|_| super::Stage::FollowUp(after))
    }
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use super::*;
    use crate::model::{CaseEdit, History, Level, Phase, Stage, TextField};

    /// A first meeting with two chosen interventions (one under way), one rejected, and
    /// a note, ending at the closing.
    fn first_meeting() -> (Case, ItemId, ItemId) {
        let mut case = Case {
            meeting_date: NaiveDate::from_ymd_opt(2026, 11, 12),
            stage: Stage::Closing,
            ..Case::default()
        };
        case.add_participant("Sanne", "Wmo-consultant", "case_bringer");
        case.add_participant("Kees", "wijkteam", "facilitator");
        case.add_note(
            Phase::Understand,
            Level::Individual,
            super::super::Entry::new("Post blijft liggen"),
        );
        let scooter = case.add_option(Level::Individual, super::super::Entry::new("Scootmobiel"));
        let cafe = case.add_option(Level::Community, super::super::Entry::new("Buurtcafé"));
        let rejected = case.add_option(Level::Policy, super::super::Entry::new("Niets"));
        for (id, decision) in [
            (scooter, Decision::Chosen),
            (cafe, Decision::Chosen),
            (rejected, Decision::Rejected),
        ] {
            case.option_mut(id).unwrap().decision = decision;
        }
        case.option_mut(scooter).unwrap().plan.status = PlanStatus::InProgress;
        (case, scooter, cafe)
    }

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn starting_a_follow_up_evaluates_every_chosen_intervention_and_goes_there() {
        let (mut case, scooter, cafe) = first_meeting();
        CaseEdit::StartFollowUp(date(2027, 1, 15)).apply(&mut case);
        assert_eq!(case.stage, Stage::FollowUp(1));
        let follow_up = case.follow_up(1).unwrap();
        assert_eq!(follow_up.date, date(2027, 1, 15));
        assert_eq!(
            follow_up.present.len(),
            2,
            "everyone at the table, to untick"
        );
        let evaluated: Vec<_> = follow_up.evaluations.iter().map(|e| e.option).collect();
        assert_eq!(
            evaluated,
            [scooter, cafe],
            "the rejected one is not evaluated"
        );
        assert_eq!(
            follow_up.evaluation(scooter).unwrap().status,
            PlanStatus::InProgress,
            "the status starts as the plan had it"
        );
        assert_eq!(case.follow_up(0), None);
        assert_eq!(case.follow_up(2), None);
    }

    #[test]
    fn evaluation_edits_are_undone_and_leave_the_first_meeting_as_it_was() {
        let (mut case, scooter, _) = first_meeting();
        let first = case.clone();
        let mut history = History::default();
        let t0 = Instant::now();
        history.apply(&mut case, CaseEdit::StartFollowUp(date(2027, 1, 15)), t0);
        let edits = [
            CaseEdit::SetText(
                TextField::EvaluationWhatHappened(1, scooter),
                "Proefrit gedaan, scootmobiel geleverd".into(),
            ),
            CaseEdit::SetEvaluationStatus(1, scooter, PlanStatus::Done),
            CaseEdit::SetVerdict(1, scooter, Verdict::Adjust),
            CaseEdit::SetText(
                TextField::EvaluationReason(1, scooter),
                "Ook stalling".into(),
            ),
            CaseEdit::AddSessionNote {
                session: 1,
                level: Level::Individual,
                text: "Ze gaat weer naar de markt".into(),
            },
            CaseEdit::AddSessionOption {
                session: 1,
                level: Level::Community,
                text: "Stalling bij de flat".into(),
            },
            CaseEdit::TogglePresent(1, case.participants[1].id),
        ];
        for edit in edits {
            assert!(
                history.apply(&mut case, edit, t0),
                "every edit changes the case"
            );
        }
        let evaluation = case.follow_up(1).unwrap().evaluation(scooter).unwrap();
        assert_eq!(
            evaluation.what_happened,
            "Proefrit gedaan, scootmobiel geleverd"
        );
        assert_eq!(evaluation.status, PlanStatus::Done);
        assert_eq!(evaluation.verdict, Verdict::Adjust);
        assert_eq!(evaluation.reason, "Ook stalling");
        assert_eq!(case.follow_up(1).unwrap().present.len(), 1);
        // The first meeting reads as it was: its notes, options and plan status.
        for level in Level::ALL {
            let notes = |c: &Case| {
                c.notes_in(Phase::Understand, level)
                    .cloned()
                    .collect::<Vec<_>>()
            };
            let options = |c: &Case| c.options_in(level).cloned().collect::<Vec<_>>();
            assert_eq!(notes(&case), notes(&first));
            assert_eq!(options(&case), options(&first));
        }
        assert_eq!(case.items_per_level(), first.items_per_level());
        assert_eq!(case.session_notes(1, Level::Individual).count(), 1);
        assert_eq!(case.session_options(1, Level::Community).count(), 1);
        while history.undo(&mut case).is_some() {}
        assert_eq!(case, first);
    }

    #[test]
    fn a_second_follow_up_also_evaluates_what_the_first_one_chose() {
        let (mut case, scooter, cafe) = first_meeting();
        CaseEdit::StartFollowUp(date(2027, 1, 15)).apply(&mut case);
        CaseEdit::AddSessionOption {
            session: 1,
            level: Level::Community,
            text: "Stalling".into(),
        }
        .apply(&mut case);
        let stalling = case.session_options(1, Level::Community).next().unwrap().id;
        case.option_mut(stalling).unwrap().decision = Decision::Chosen;
        assert_eq!(
            case.agreed_before(1).map(|o| o.id).collect::<Vec<_>>(),
            [scooter, cafe]
        );
        CaseEdit::StartFollowUp(date(2027, 4, 1)).apply(&mut case);
        assert_eq!(case.stage, Stage::FollowUp(2));
        let evaluated: Vec<_> = case
            .follow_up(2)
            .unwrap()
            .evaluations
            .iter()
            .map(|e| e.option)
            .collect();
        assert_eq!(evaluated, [scooter, cafe, stalling]);
        // A note for a follow-up that does not exist goes nowhere.
        let before = case.clone();
        CaseEdit::AddSessionNote {
            session: 9,
            level: Level::Policy,
            text: "x".into(),
        }
        .apply(&mut case);
        CaseEdit::SetVerdict(9, scooter, Verdict::Stop).apply(&mut case);
        assert_eq!(case, before);
    }

    #[test]
    fn the_follow_ups_are_steps_after_the_closing() {
        let (mut case, _, _) = first_meeting();
        assert_eq!(case.stage_after(Stage::Closing), None);
        assert_eq!(case.stages().count(), Stage::ALL.len());
        CaseEdit::StartFollowUp(None).apply(&mut case);
        CaseEdit::StartFollowUp(None).apply(&mut case);
        assert_eq!(case.stage_after(Stage::Closing), Some(Stage::FollowUp(1)));
        assert_eq!(
            case.stage_after(Stage::FollowUp(1)),
            Some(Stage::FollowUp(2))
        );
        assert_eq!(case.stage_after(Stage::FollowUp(2)), None);
        assert_eq!(Stage::FollowUp(2).previous(), Some(Stage::FollowUp(1)));
        assert_eq!(Stage::FollowUp(1).previous(), Some(Stage::Closing));
        let stages: Vec<_> = case.stages().collect();
        assert_eq!(stages.len(), Stage::ALL.len() + 2);
        assert_eq!(stages.last(), Some(&Stage::FollowUp(2)));
    }

    #[test]
    fn deleting_an_intervention_or_a_participant_leaves_no_dangling_reference() {
        let (mut case, scooter, _) = first_meeting();
        CaseEdit::StartFollowUp(None).apply(&mut case);
        let kees = case.participants[1].id;
        case.remove_participant(kees);
        case.delete_item(scooter);
        let follow_up = case.follow_up(1).unwrap();
        assert!(!follow_up.present.contains(&kees));
        assert!(follow_up.evaluation(scooter).is_none());
        // Ticking someone who is not at the table does nothing.
        case.toggle_present(1, kees);
        assert!(!case.follow_up(1).unwrap().present.contains(&kees));
    }

    #[test]
    fn a_follow_up_survives_save_and_load() {
        let (mut case, scooter, _) = first_meeting();
        CaseEdit::StartFollowUp(date(2027, 1, 15)).apply(&mut case);
        CaseEdit::SetVerdict(1, scooter, Verdict::Continue).apply(&mut case);
        CaseEdit::SetText(
            TextField::EvaluationReason(1, scooter),
            "Werkt \"goed\"".into(),
        )
        .apply(&mut case);
        CaseEdit::AddSessionNote {
            session: 1,
            level: Level::Policy,
            text: "Wachtlijst korter".into(),
        }
        .apply(&mut case);
        let text = crate::storage::case_to_string(&case).unwrap();
        assert!(text.contains("session: 1"), "{text}");
        assert_eq!(crate::storage::case_from_str(&text).unwrap(), case);
    }

    #[test]
    fn a_case_without_follow_up_is_written_as_before_and_a_version_5_file_loads() {
        let (case, _, _) = first_meeting();
        let text = crate::storage::case_to_string(&case).unwrap();
        assert!(!text.contains("session"), "{text}");
        assert!(!text.contains("follow_ups"), "{text}");
        let v5 = r#"(
    format_version: 5,
    case: (
        title: "Oud bestand",
        meeting_date: Some("2026-11-12"),
        participants: [(id: 1, name: "Sanne", discipline: "", role: "case_bringer")],
        notes: [(id: 2, phase: Understand, level: Individual, entry: (text: "Notitie"))],
        options: [(
            id: 3,
            level: Individual,
            entry: (text: "Scootmobiel"),
            decision: Chosen,
            plan: (follow_up: Some("2027-01-15"), status: InProgress),
        )],
        stage: Closing,
        next_id: 4,
        persons: [(id: 4, real_name: "Zoë", pseudonym: "mevrouw", other_names: "Zo")],
    ),
)"#;
        let mut old = crate::storage::case_from_str(v5).unwrap();
        assert!(old.follow_ups.is_empty());
        assert_eq!(old.notes[0].session, FIRST_SESSION);
        assert_eq!(old.options[0].session, FIRST_SESSION);
        assert_eq!(
            old.notes_in(Phase::Understand, Level::Individual).count(),
            1
        );
        // And it can be followed up.
        CaseEdit::StartFollowUp(date(2027, 1, 20)).apply(&mut old);
        assert_eq!(old.follow_up(1).unwrap().evaluations.len(), 1);
    }

    #[test]
    fn evaluation_texts_are_pseudonymised() {
        let (mut case, scooter, _) = first_meeting();
        let person = case.add_person();
        case.persons[0].real_name = "Zoë Jansen".into();
        case.persons[0].pseudonym = "mevrouw".into();
        assert_eq!(case.persons[0].id, person);
        CaseEdit::StartFollowUp(None).apply(&mut case);
        CaseEdit::SetText(
            TextField::EvaluationWhatHappened(1, scooter),
            "Zoë Jansen rijdt zelf".into(),
        )
        .apply(&mut case);
        CaseEdit::SetText(
            TextField::EvaluationReason(1, scooter),
            "Zoë wil door".into(),
        )
        .apply(&mut case);
        let shown = crate::privacy::pseudonymise(&case, crate::i18n::Language::Nl);
        let evaluation = shown.follow_up(1).unwrap().evaluation(scooter).unwrap();
        assert!(!evaluation.what_happened.contains("Zoë"), "{evaluation:?}");
        assert!(!evaluation.reason.contains("Zoë"), "{evaluation:?}");
    }
}
