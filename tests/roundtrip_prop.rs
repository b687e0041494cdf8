//! Any case survives save → load unchanged.

use chrono::NaiveDate;
use proptest::prelude::*;
use swan_casus::model::{
    Case, Closing, Consent, Decision, Entry, InterventionOption, ItemId, Level, Meeting, Note,
    Owner, Participant, Person, Phase, PlanDetails, PlanStatus, Reflection, Signal, SilentChoice,
    SilentEntry, SilentRound, SpeakingRound, Stage, Turn,
};
use swan_casus::model::{Evaluation, FollowUp, Verdict};
use swan_casus::storage;

fn text() -> impl Strategy<Value = String> {
    // Any Unicode, including quotes, backslashes, new lines and control characters.
    proptest::string::string_regex("(?s).{0,40}").unwrap()
}

fn level() -> impl Strategy<Value = Level> {
    prop::sample::select(Level::ALL.to_vec())
}

fn phase() -> impl Strategy<Value = Phase> {
    prop::sample::select(Phase::ALL.to_vec())
}

fn entry() -> impl Strategy<Value = Entry> {
    (
        text(),
        proptest::option::of(any::<u64>()),
        prop::collection::vec(text(), 0..3),
        prop::collection::vec(text(), 0..3),
        proptest::option::of((text(), text())),
    )
        .prop_map(|(text, contributor, conditions, factors, signal)| Entry {
            text,
            contributor: contributor.map(ItemId),
            conditions,
            factors,
            signal: signal.map(|(to, change)| Signal { to, change }),
        })
}

fn date() -> impl Strategy<Value = Option<NaiveDate>> {
    proptest::option::of((1900i32..2200, 1u32..13, 1u32..29))
        .prop_map(|d| d.and_then(|(y, m, day)| NaiveDate::from_ymd_opt(y, m, day)))
}

fn owner() -> impl Strategy<Value = Owner> {
    prop_oneof![
        Just(Owner::Nobody),
        any::<u64>().prop_map(|id| Owner::Participant(ItemId(id))),
        text().prop_map(Owner::Named),
    ]
}

fn plan() -> impl Strategy<Value = PlanDetails> {
    (
        text(),
        owner(),
        owner(),
        text(),
        date(),
        date(),
        prop::sample::select(PlanStatus::ALL.to_vec()),
    )
        .prop_map(
            |(alternatives, owner, co_owner, first_step, deadline, follow_up, status)| {
                PlanDetails {
                    alternatives,
                    owner,
                    co_owner,
                    deadline,
                    follow_up,
                    // The resident's text: one of the texts, so it varies too.
                    for_resident: first_step.chars().rev().collect(),
                    first_step,
                    status,
                }
            },
        )
}

fn decision() -> impl Strategy<Value = Decision> {
    prop::sample::select(vec![Decision::Open, Decision::Chosen, Decision::Rejected])
}

fn stage() -> impl Strategy<Value = Stage> {
    let mut stages = Stage::ALL.to_vec();
    stages.extend([Stage::FollowUp(1), Stage::FollowUp(2)]);
    prop::sample::select(stages)
}

/// A meeting record with time, a round and a silent round made from these numbers.
fn meeting(planned: u32, spent: u64, timed: Stage, silent: bool, people: &[ItemId]) -> Meeting {
    let mut meeting = Meeting::default();
    meeting.planned_minutes.insert(timed, planned);
    meeting.add_time(timed, Some(Level::Community), spent);
    if let Some(first) = people.first() {
        meeting.rounds.push(SpeakingRound {
            stage: timed,
            order: people.to_vec(),
            turns: vec![Turn {
                participant: *first,
                passed: silent,
                seconds: spent % 300,
            }],
            seconds_per_speaker: silent.then_some(120),
            finished: !silent,
        });
    }
    if silent {
        meeting.silent_round = Some(SilentRound {
            entries: people
                .iter()
                .map(|p| SilentEntry {
                    participant: *p,
                    choices: vec![SilentChoice {
                        level: Level::Policy,
                        option: None,
                        reason: format!("reden {p}"),
                        certainty: Some((spent % 11) as u8),
                    }],
                })
                .collect(),
            revealed: planned.is_multiple_of(2),
        });
    }
    meeting
}

fn case() -> impl Strategy<Value = Case> {
    let participants = prop::collection::vec(
        (any::<u64>(), text(), text(), text()).prop_map(|(id, name, discipline, role)| {
            Participant {
                id: ItemId(id),
                name,
                discipline,
                role,
            }
        }),
        0..4,
    );
    let notes = prop::collection::vec(
        (any::<u64>(), phase(), level(), entry()).prop_map(|(id, phase, level, entry)| Note {
            id: ItemId(id),
            phase,
            level,
            entry,
            // Some written at a follow-up.
            session: (id % 3) as u32,
        }),
        0..6,
    );
    let options = prop::collection::vec(
        (any::<u64>(), level(), entry(), decision(), text(), plan()).prop_map(
            |(id, level, entry, decision, decision_reason, plan)| InterventionOption {
                id: ItemId(id),
                level,
                entry,
                decision,
                decision_reason,
                plan,
                session: (id % 2) as u32,
            },
        ),
        0..6,
    );
    let closing = (text(), text(), text(), text(), text(), text(), text()).prop_map(
        |(a, b, c, d, e, f, g)| Closing {
            neglected_level: a,
            lessons: b,
            case_bringer_takeaway: c,
            reflection: Reflection {
                overlooked_level: g.to_uppercase(),
                what_happened: d,
                thoughts_and_feelings: e,
                what_went_well: f,
                do_differently: g.clone(),
            },
            // Each participant's own reflection.
            personal: vec![swan_casus::model::PersonalReflection {
                participant: ItemId(1),
                reflection: Reflection {
                    what_went_well: g,
                    ..Reflection::default()
                },
            }],
        },
    );
    (
        (text(), text(), text(), date()),
        participants,
        notes,
        options,
        (
            text(),
            closing,
            stage(),
            0..=swan_casus::model::MAX_ITEM_ID.0,
        ),
        (
            prop::collection::vec((text(), text()), 0..3),
            prop::sample::select(vec![Consent::Unknown, Consent::Given, Consent::NotGiven]),
            date(),
            (0u32..240, 0u64..100_000, stage(), any::<bool>()),
        ),
    )
        .prop_map(
            |(
                (title, description, question, meeting_date),
                participants,
                notes,
                options,
                rest,
                (persons, consent, delete_by, (planned, spent, timed, silent)),
            )| {
                let (opening_notes, closing, stage, next_id) = rest;
                // Identifiers are unique in every case the app accepts; keep them so.
                let mut participants = participants;
                let mut notes = notes;
                let mut options = options;
                let mut fresh = (next_id % 1000..).map(ItemId);
                for p in &mut participants {
                    p.id = fresh.next().unwrap();
                }
                for n in &mut notes {
                    n.id = fresh.next().unwrap();
                }
                for o in &mut options {
                    o.id = fresh.next().unwrap();
                }
                let participant_ids: Vec<ItemId> = participants.iter().map(|p| p.id).collect();
                let persons: Vec<Person> = persons
                    .into_iter()
                    .map(|(real_name, pseudonym)| Person {
                        id: fresh.next().unwrap(),
                        // Any text round-trips here as well.
                        other_names: real_name.chars().rev().collect(),
                        real_name,
                        pseudonym,
                    })
                    .collect();
                // A place marked "geen naam": any texts, kept as they are.
                let not_names = (!title.is_empty())
                    .then(|| swan_casus::model::NotAName {
                        word: title.clone(),
                        context: description.clone(),
                    })
                    .into_iter()
                    .collect();
                let report = swan_casus::model::ReportInfo {
                    status: swan_casus::model::DocumentStatus::Final,
                    version: title.len() as u32,
                    approved_by: question.clone(),
                    approved_on: meeting_date,
                    conclusion: description.clone(),
                    next_evaluation: delete_by,
                };
                let letter = swan_casus::model::ResidentLetter {
                    addressee: persons.first().map(|p: &swan_casus::model::Person| p.id),
                    by_real_name: !title.is_empty(),
                    heard: question.clone(),
                    contact: opening_notes.clone(),
                    passed_on: description.clone(),
                };
                // Class use: any texts as the teacher's questions, either lock.
                let teacher = (!question.is_empty()).then(|| swan_casus::model::TeacherSetup {
                    locked: silent,
                    prompts: vec![swan_casus::model::TeacherPrompt {
                        phase: swan_casus::model::Phase::Choice,
                        text: opening_notes.clone(),
                    }],
                });
                // A follow-up that evaluates every option, with any texts.
                let verdicts = [
                    Verdict::Undecided,
                    Verdict::Continue,
                    Verdict::Adjust,
                    Verdict::Stop,
                ];
                let follow_ups = (!options.is_empty())
                    .then(|| FollowUp {
                        date: delete_by,
                        present: participant_ids.clone(),
                        evaluations: options
                            .iter()
                            .map(|o| Evaluation {
                                option: o.id,
                                what_happened: o.entry.text.clone(),
                                status: o.plan.status,
                                verdict: verdicts[(spent % 4) as usize],
                                reason: o.decision_reason.clone(),
                            })
                            .collect(),
                    })
                    .into_iter()
                    .collect();
                Case {
                    is_template: silent && teacher.is_some(),
                    teacher,
                    follow_ups,
                    not_names,
                    report,
                    letter,
                    title,
                    description,
                    question,
                    meeting_date,
                    participants,
                    notes,
                    options,
                    opening_notes,
                    closing,
                    stage,
                    next_id: ItemId(next_id),
                    persons,
                    consent,
                    delete_by,
                    meeting: meeting(planned, spent, timed, silent, &participant_ids),
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        // Integration tests have no lib.rs next to them to store failures beside.
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_case_survives_save_and_load(case in case()) {
        let text = storage::case_to_string(&case).unwrap();
        let loaded = storage::case_from_str(&text).unwrap();
        prop_assert_eq!(loaded, case);
    }
}
