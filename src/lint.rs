//! What `check` finds in a case file that loads but was hand-edited into something the
//! app cannot show or does not know: tags and roles the method does not have, people
//! that are not at the table, notes in a phase that has no notes.

use crate::method::Method;
use crate::model::{Case, Entry, ItemId, Owner, Phase};

/// One thing wrong in a case that loads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// A condition of social quality that the method does not have, on a note or option.
    UnknownCondition { item: ItemId, key: String },
    /// A factor of the decisive professional that the method does not have.
    UnknownFactor { item: ItemId, key: String },
    /// A meeting role that the method does not have.
    UnknownRole { participant: ItemId, key: String },
    /// A note or option says it was raised by a participant who is not in the case.
    UnknownContributor { item: ItemId, participant: ItemId },
    /// An intervention's owner or co-owner is a participant who is not in the case.
    UnknownOwner { item: ItemId, participant: ItemId },
    /// A note in phase 2, where the window shows intervention options and no notes: it
    /// would be in exports but never on screen.
    HiddenNote { item: ItemId },
}

/// Everything in `case` that does not fit `method` or the case itself.
pub fn lint(case: &Case, method: &Method) -> Vec<Finding> {
    let mut found = Vec::new();
    for participant in &case.participants {
        // No role at all is allowed (a file may leave it out).
        let known = method.roles.iter().any(|r| r.key == participant.role);
        if !known && !participant.role.is_empty() {
            found.push(Finding::UnknownRole {
                participant: participant.id,
                key: participant.role.clone(),
            });
        }
    }
    for note in &case.notes {
        if note.phase == Phase::Possibilities {
            found.push(Finding::HiddenNote { item: note.id });
        }
        entry_findings(case, method, note.id, &note.entry, &mut found);
    }
    for option in &case.options {
        entry_findings(case, method, option.id, &option.entry, &mut found);
        for owner in [&option.plan.owner, &option.plan.co_owner] {
            if let Owner::Participant(id) = owner
                && case.participant(*id).is_none()
            {
                found.push(Finding::UnknownOwner {
                    item: option.id,
                    participant: *id,
                });
            }
        }
    }
    found
}

fn entry_findings(
    case: &Case,
    method: &Method,
    item: ItemId,
    entry: &Entry,
    found: &mut Vec<Finding>,
) {
    for key in &entry.conditions {
        if !method.conditions.iter().any(|c| &c.key == key) {
            let key = key.clone();
            found.push(Finding::UnknownCondition { item, key });
        }
    }
    for key in &entry.factors {
        if !method.factors.iter().any(|f| &f.key == key) {
            let key = key.clone();
            found.push(Finding::UnknownFactor { item, key });
        }
    }
    if let Some(participant) = entry.contributor
        && case.participant(participant).is_none()
    {
        found.push(Finding::UnknownContributor { item, participant });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Level, TagKind};

    #[test]
    fn hand_edits_that_load_are_found() {
        let method = Method::builtin();
        let mut case = Case::default();
        let sanne = case.add_participant("Sanne", "Wmo-consultant", "case_bringer");
        case.add_participant("Joris", "opbouwwerker", "voorzitter");
        let mut entry = Entry::new("post");
        entry.contributor = Some(ItemId(99));
        entry.toggle_tag(TagKind::Condition, "socio_economic_security");
        entry.toggle_tag(TagKind::Condition, "rechtvaardigheid");
        entry.toggle_tag(TagKind::Factor, "resident_and_network");
        entry.toggle_tag(TagKind::Factor, "buurt");
        let hidden = case.add_note(Phase::Possibilities, Level::Individual, entry);
        let option = case.add_option(Level::Community, Entry::new("buurtkamer"));
        case.option_mut(option).unwrap().plan.owner = Owner::Participant(ItemId(98));
        case.option_mut(option).unwrap().plan.co_owner = Owner::Participant(sanne);
        let found = lint(&case, &method);
        assert_eq!(found.len(), 6, "{found:?}");
        assert!(found.contains(&Finding::HiddenNote { item: hidden }));
        assert!(found.contains(&Finding::UnknownContributor {
            item: hidden,
            participant: ItemId(99)
        }));
        assert!(found.contains(&Finding::UnknownOwner {
            item: option,
            participant: ItemId(98)
        }));
        assert!(
            found
                .iter()
                .any(|f| matches!(f, Finding::UnknownRole { key, .. } if key == "voorzitter"))
        );
        let example = crate::storage::case_from_str(
            crate::examples::EXAMPLES[0].source(crate::i18n::Language::Nl),
        )
        .unwrap();
        assert_eq!(lint(&example, &method), []);
    }
}
