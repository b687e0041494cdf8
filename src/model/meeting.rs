//! How the meeting went: time planned and spent per step, speaking rounds, and the
//! silent round before choosing. No egui here; the clock is the caller's.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Case, ItemId, Level, Phase, Stage};

/// The meeting's own record, beside what the group found and decided.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Meeting {
    /// Minutes planned per step for this meeting, where the group changed the method's
    /// suggestion.
    pub planned_minutes: BTreeMap<Stage, u32>,
    /// Seconds the timer ran per step.
    pub seconds_spent: BTreeMap<Stage, u64>,
    /// Of those, the seconds per level in a phase (the level being written in).
    pub level_seconds: BTreeMap<(Phase, Level), u64>,
    /// Speaking rounds, in the order they were held.
    pub rounds: Vec<SpeakingRound>,
    /// The silent round before choosing, in phase 3.
    pub silent_round: Option<SilentRound>,
}

impl Meeting {
    pub fn is_empty(&self) -> bool {
        *self == Meeting::default()
    }

    /// The round going on in this step, if one was started and not finished.
    pub fn open_round(&self, stage: Stage) -> Option<&SpeakingRound> {
        self.rounds
            .last()
            .filter(|r| r.stage == stage && !r.finished)
    }

    pub fn open_round_mut(&mut self, stage: Stage) -> Option<&mut SpeakingRound> {
        self.rounds
            .last_mut()
            .filter(|r| r.stage == stage && !r.finished)
    }

    /// The minutes planned for a step: the meeting's own, else `suggested` (the method's).
    pub fn planned(&self, stage: Stage, suggested: u32) -> u32 {
        self.planned_minutes
            .get(&stage)
            .copied()
            .unwrap_or(suggested)
    }

    /// Adds time the timer ran in `stage` (and, in a phase, on `level`).
    pub fn add_time(&mut self, stage: Stage, level: Option<Level>, seconds: u64) {
        if seconds == 0 {
            return;
        }
        *self.seconds_spent.entry(stage).or_default() += seconds;
        if let (Stage::Phase(phase), Some(level)) = (stage, level) {
            *self.level_seconds.entry((phase, level)).or_default() += seconds;
        }
    }

    /// Seconds spent in a step, and per level when it is a phase.
    pub fn spent(&self, stage: Stage) -> (u64, [u64; 3]) {
        let total = self.seconds_spent.get(&stage).copied().unwrap_or(0);
        let mut levels = [0; 3];
        if let Stage::Phase(phase) = stage {
            for level in Level::ALL {
                levels[level.index()] = self
                    .level_seconds
                    .get(&(phase, level))
                    .copied()
                    .unwrap_or(0);
            }
        }
        (total, levels)
    }

    /// Seconds spent in the whole meeting.
    pub fn total_spent(&self) -> u64 {
        self.seconds_spent.values().sum()
    }
}

/// Everyone speaks in turn; who passed is kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct SpeakingRound {
    pub stage: Stage,
    /// The participants in speaking order.
    pub order: Vec<ItemId>,
    /// The turns taken so far, in order: `turns[i]` is `order[i]`'s.
    pub turns: Vec<Turn>,
    /// Time per speaker, if the group set one.
    pub seconds_per_speaker: Option<u32>,
    pub finished: bool,
}

/// One participant's turn in a round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Turn {
    pub participant: ItemId,
    pub passed: bool,
    pub seconds: u64,
}

impl SpeakingRound {
    /// Whose turn it is, if anyone's.
    pub fn current(&self) -> Option<ItemId> {
        self.order.get(self.turns.len()).copied()
    }

    /// Who has not had a turn yet, the current speaker first.
    pub fn waiting(&self) -> &[ItemId] {
        self.order.get(self.turns.len()..).unwrap_or(&[])
    }
}

/// How the order of a speaking round is made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RoundOrder {
    /// As the participants are listed in the opening.
    AsArranged,
    /// Grouped by discipline, so perspectives follow each other.
    ByDiscipline,
}

/// Each participant's own choice per level, written before anyone speaks, hidden from
/// the next participant until the reveal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct SilentRound {
    pub entries: Vec<SilentEntry>,
    pub revealed: bool,
}

/// What one participant chose.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct SilentEntry {
    pub participant: ItemId,
    pub choices: Vec<SilentChoice>,
}

/// One participant's choice on one level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SilentChoice {
    pub level: Level,
    /// The option chosen; none when the participant chose none of them.
    #[serde(default)]
    pub option: Option<ItemId>,
    #[serde(default)]
    pub reason: String,
    /// How sure, from 0 to 10, if they said.
    #[serde(default)]
    pub certainty: Option<u8>,
}

/// One participant's vote: who, why, and how sure.
pub type Vote = (ItemId, String, Option<u8>);

/// How the choices on one level spread over its options.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spread {
    pub level: Level,
    /// Per option (and `None` for "none of these"): who chose it, with reason and
    /// certainty.
    pub votes: Vec<(Option<ItemId>, Vec<Vote>)>,
}

impl SilentRound {
    /// Who already wrote their choice.
    pub fn has_entry(&self, participant: ItemId) -> bool {
        self.entries.iter().any(|e| e.participant == participant)
    }

    /// The spread of the choices per level, options in the case's order.
    pub fn spread(&self, case: &Case) -> Vec<Spread> {
        Level::ALL
            .into_iter()
            .map(|level| {
                let mut keys: Vec<Option<ItemId>> =
                    case.options_in(level).map(|o| Some(o.id)).collect();
                keys.push(None);
                let votes = keys
                    .into_iter()
                    .map(|key| {
                        let who = self
                            .entries
                            .iter()
                            .flat_map(|e| {
                                e.choices
                                    .iter()
                                    .filter(|c| c.level == level && c.option == key)
                                    .map(|c| (e.participant, c.reason.clone(), c.certainty))
                            })
                            .collect();
                        (key, who)
                    })
                    .collect();
                Spread { level, votes }
            })
            .collect()
    }
}

/// The participants in the order a round takes them.
pub fn round_order(case: &Case, order: RoundOrder) -> Vec<ItemId> {
    let mut participants: Vec<_> = case.participants.iter().collect();
    if order == RoundOrder::ByDiscipline {
        // Stable: within a discipline, as arranged.
        participants.sort_by_key(|p| p.discipline.trim().to_lowercase());
    }
    participants.into_iter().map(|p| p.id).collect()
}
