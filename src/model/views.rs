//! What the case says when read as a whole: what was chosen, the signals, what the plan
//! lacks, how the attention was spread over the levels.

use super::{Case, Decision, Entry, InterventionOption, Level, Phase, PlanWarning, Signal};

impl Case {
    /// The chosen options, level by level, in the order the group put them.
    pub fn chosen(&self) -> impl Iterator<Item = &InterventionOption> {
        Level::ALL.into_iter().flat_map(move |level| {
            self.options_in(level)
                .filter(|o| o.decision == Decision::Chosen)
        })
    }

    /// Every note and option marked as a signal, notes first, in phase and level order.
    pub fn signals(&self) -> impl Iterator<Item = (Level, &Entry, &Signal)> {
        let notes = Phase::ALL.into_iter().flat_map(move |phase| {
            Level::ALL
                .into_iter()
                .flat_map(move |level| self.notes_in(phase, level).map(move |n| (level, &n.entry)))
        });
        let options = Level::ALL
            .into_iter()
            .flat_map(move |level| self.options_in(level).map(move |o| (level, &o.entry)));
        notes
            .chain(options)
            .filter_map(|(level, entry)| entry.signal.as_ref().map(|s| (level, entry, s)))
    }

    /// What the plan still lacks: a level without options or without a chosen one, and
    /// chosen interventions without owner, deadline or justification.
    pub fn plan_warnings(&self) -> Vec<PlanWarning> {
        let mut warnings = Vec::new();
        for level in Level::ALL {
            let mut options = self.options_in(level).peekable();
            if options.peek().is_none() {
                warnings.push(PlanWarning::NoOption(level));
            } else if !options.any(|o| o.decision == Decision::Chosen) {
                warnings.push(PlanWarning::NoChosen(level));
            }
        }
        for option in self.chosen() {
            if option.plan.owner.is_nobody() {
                warnings.push(PlanWarning::NoOwner(option.id));
            }
            if option.plan.deadline.is_none() {
                warnings.push(PlanWarning::NoDeadline(option.id));
            }
            if option.decision_reason.trim().is_empty() {
                warnings.push(PlanWarning::NoJustification(option.id));
            }
        }
        warnings
    }

    pub fn items_per_level(&self) -> [usize; 3] {
        let mut counts = [0; 3];
        // The first meeting's: a follow-up's notes are its own.
        for n in self.notes.iter().filter(|n| n.session == 0) {
            counts[n.level.index()] += 1;
        }
        for o in self.options.iter().filter(|o| o.session == 0) {
            counts[o.level.index()] += 1;
        }
        counts
    }

    /// The level with the fewest contributions, if the case has any and one level lags.
    pub fn least_attended_level(&self) -> Option<Level> {
        let counts = self.items_per_level();
        let (min_i, min) = counts.iter().enumerate().min_by_key(|(_, c)| **c)?;
        let max = counts.iter().max().copied().unwrap_or(0);
        (max > *min).then(|| Level::ALL[min_i])
    }

    /// Levels without any option in phase 2: the method asks the group to say why.
    pub fn levels_without_options(&self) -> Vec<Level> {
        Level::ALL
            .into_iter()
            .filter(|l| self.options_in(*l).next().is_none())
            .collect()
    }
}
