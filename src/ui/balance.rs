//! The level balance on every phase screen: per level what the group has (notes,
//! options, choices) and which conditions of social quality it touched, and a gentle
//! question when one level stays empty while the others fill up.

use egui::RichText;

use crate::i18n::{Language, tr, tr_args};
use crate::method::Method;
use crate::model::{Case, Decision, Level, Phase};

/// What one level holds in a phase.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LevelCount {
    pub notes: usize,
    pub options: usize,
    pub chosen: usize,
    /// Keys of the conditions tagged on this level's notes and options.
    pub conditions: Vec<String>,
}

impl LevelCount {
    /// The items that count for the phase: notes, or options in phase 2.
    pub fn items(&self, phase: Phase) -> usize {
        match phase {
            Phase::Possibilities => self.options,
            _ => self.notes,
        }
    }
}

/// The counts per level for a phase.
pub fn level_counts(case: &Case, phase: Phase) -> [LevelCount; 3] {
    Level::ALL.map(|level| {
        let notes: Vec<_> = case.notes_in(phase, level).map(|n| &n.entry).collect();
        let options: Vec<_> = case.options_in(level).collect();
        let mut conditions: Vec<String> = notes
            .iter()
            .copied()
            .chain(options.iter().map(|o| &o.entry))
            .flat_map(|e| e.conditions.iter().cloned())
            .collect();
        conditions.sort();
        conditions.dedup();
        LevelCount {
            notes: notes.len(),
            options: options.len(),
            chosen: options
                .iter()
                .filter(|o| o.decision == Decision::Chosen)
                .count(),
            conditions,
        }
    })
}

/// The level to nudge about: empty in this phase while every other has two or more.
pub fn empty_level(counts: &[LevelCount; 3], phase: Phase) -> Option<Level> {
    let items = counts.clone().map(|c| c.items(phase));
    let empty: Vec<usize> = (0..3).filter(|i| items[*i] == 0).collect();
    match empty.as_slice() {
        [i] if (0..3).filter(|j| j != i).all(|j| items[j] >= 2) => Some(Level::ALL[*i]),
        _ => None,
    }
}

pub fn balance_ui(
    ui: &mut egui::Ui,
    language: Language,
    method: &Method,
    case: &Case,
    phase: Phase,
) {
    let counts = level_counts(case, phase);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr(language, "balance.title")).strong());
        for level in Level::ALL {
            let count = &counts[level.index()];
            let mut parts = vec![crate::i18n::tr_count(
                language,
                "balance.notes",
                count.notes,
                &[],
            )];
            if phase != Phase::Understand {
                parts.push(crate::i18n::tr_count(
                    language,
                    "balance.options",
                    count.options,
                    &[],
                ));
            }
            if phase == Phase::Choice {
                parts.push(crate::i18n::tr_count(
                    language,
                    "balance.chosen",
                    count.chosen,
                    &[],
                ));
            }
            let text = tr_args(
                language,
                "balance.level",
                &[
                    ("number", &level.number().to_string()),
                    ("counts", &parts.join(" · ")),
                ],
            );
            ui.separator();
            let mut label = RichText::new(&text);
            if count.items(phase) == 0 {
                label = label.color(ui.visuals().warn_fg_color);
            }
            ui.label(label);
            conditions_ui(ui, language, method, count);
        }
    });
    if let Some(level) = empty_level(&counts, phase) {
        let question = method.level(level).nudge.get(language);
        let question = if question.is_empty() {
            tr(language, "balance.nudge_default")
        } else {
            question
        };
        let text = tr_args(
            language,
            "balance.nudge",
            &[
                ("number", &level.number().to_string()),
                ("question", question),
            ],
        );
        ui.label(RichText::new(format!("💡 {text}")).color(ui.visuals().warn_fg_color));
    }
}

/// One small mark per condition of social quality: filled when touched on this level.
fn conditions_ui(ui: &mut egui::Ui, language: Language, method: &Method, count: &LevelCount) {
    for condition in &method.conditions {
        let touched = count.conditions.contains(&condition.key);
        let initial: String = condition
            .title
            .get(language)
            .split_whitespace()
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_uppercase)
            .take(2)
            .collect();
        let state = if touched {
            "balance.touched"
        } else {
            "balance.untouched"
        };
        let name = tr_args(
            language,
            state,
            &[("condition", condition.title.get(language))],
        );
        let text = if touched {
            RichText::new(initial)
                .small()
                .strong()
                .background_color(egui::Color32::from_rgb(215, 232, 250))
        } else {
            RichText::new(initial).small().weak()
        };
        ui.label(text).on_hover_text(&name).accessible_name(name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Entry;

    #[test]
    fn a_level_left_empty_while_the_others_fill_up_is_named() {
        let mut case = Case::default();
        for _ in 0..2 {
            case.add_note(Phase::Understand, Level::Individual, Entry::new("a"));
            case.add_note(Phase::Understand, Level::Policy, Entry::new("b"));
        }
        let counts = level_counts(&case, Phase::Understand);
        assert_eq!(
            empty_level(&counts, Phase::Understand),
            Some(Level::Community)
        );
        // One note on level 3 is not yet "filling up": no nudge.
        case.notes.pop();
        let counts = level_counts(&case, Phase::Understand);
        assert_eq!(empty_level(&counts, Phase::Understand), None);
    }

    #[test]
    fn counts_follow_notes_options_choices_and_conditions() {
        let mut case = Case::default();
        let mut tagged = Entry::new("x");
        tagged.toggle_tag(crate::model::TagKind::Condition, "social_cohesion");
        case.add_note(Phase::Understand, Level::Community, tagged);
        let o = case.add_option(Level::Community, Entry::new("buurtkamer"));
        case.option_mut(o).unwrap().decision = Decision::Chosen;
        let counts = level_counts(&case, Phase::Understand);
        assert_eq!(
            counts[1],
            LevelCount {
                notes: 1,
                options: 1,
                chosen: 1,
                conditions: vec!["social_cohesion".into()],
            }
        );
    }
}
