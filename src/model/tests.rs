use super::*;

fn case_with_cells() -> Case {
    let mut case = Case::default();
    case.add_note(Phase::Understand, Level::Individual, Entry::new("a"));
    case.add_note(Phase::Understand, Level::Community, Entry::new("x"));
    case.add_note(Phase::Understand, Level::Individual, Entry::new("b"));
    case.add_note(Phase::Choice, Level::Individual, Entry::new("c"));
    case.add_note(Phase::Understand, Level::Individual, Entry::new("d"));
    case
}

fn texts(case: &Case, phase: Phase, level: Level) -> Vec<String> {
    case.notes_in(phase, level)
        .map(|n| n.entry.text.clone())
        .collect()
}

#[test]
fn ids_are_unique_even_after_hand_edits() {
    let mut case = Case::default();
    let a = case.add_participant("Sanne", "Wmo-consultant", "case_bringer");
    let b = case.add_note(Phase::Understand, Level::Individual, Entry::new("x"));
    assert_ne!(a, b);
    // A file edited by hand may have a next_id lower than the ids in use.
    case.next_id = ItemId(1);
    let c = case.add_option(Level::Policy, Entry::new("y"));
    assert!(c > a && c > b);
}

#[test]
fn notes_move_only_within_their_own_cell() {
    let mut case = case_with_cells();
    let d = case.notes.iter().find(|n| n.entry.text == "d").unwrap().id;
    case.move_item(d, Direction::Up);
    assert_eq!(
        texts(&case, Phase::Understand, Level::Individual),
        ["a", "d", "b"]
    );
    case.move_item(d, Direction::Up);
    assert_eq!(
        texts(&case, Phase::Understand, Level::Individual),
        ["d", "a", "b"]
    );
    // Already first: nothing changes.
    case.move_item(d, Direction::Up);
    assert_eq!(
        texts(&case, Phase::Understand, Level::Individual),
        ["d", "a", "b"]
    );
    case.move_item(d, Direction::Down);
    assert_eq!(
        texts(&case, Phase::Understand, Level::Individual),
        ["a", "d", "b"]
    );
    // Other cells are untouched.
    assert_eq!(texts(&case, Phase::Understand, Level::Community), ["x"]);
    assert_eq!(texts(&case, Phase::Choice, Level::Individual), ["c"]);
}

#[test]
fn options_move_within_their_level_and_can_be_deleted() {
    let mut case = Case::default();
    let a = case.add_option(Level::Individual, Entry::new("a"));
    let _ = case.add_option(Level::Policy, Entry::new("p"));
    let b = case.add_option(Level::Individual, Entry::new("b"));
    case.move_item(b, Direction::Up);
    let order: Vec<_> = case.options_in(Level::Individual).map(|o| o.id).collect();
    assert_eq!(order, [b, a]);
    case.delete_item(a);
    assert_eq!(case.options_in(Level::Individual).count(), 1);
    assert_eq!(case.options.len(), 2);
}

#[test]
fn removing_a_participant_clears_their_contributions() {
    let mut case = Case::default();
    let p = case.add_participant("Joris", "opbouwwerker", "participant");
    let q = case.add_participant("Fatima", "schuldhulpverlener", "participant");
    let mut entry = Entry::new("buurtkamer");
    entry.contributor = Some(p);
    let n = case.add_note(Phase::Understand, Level::Community, entry.clone());
    entry.contributor = Some(q);
    let o = case.add_option(Level::Community, entry);
    case.remove_participant(p);
    assert_eq!(case.participants.len(), 1);
    assert_eq!(case.note_mut(n).unwrap().entry.contributor, None);
    assert_eq!(case.option_mut(o).unwrap().entry.contributor, Some(q));
}

#[test]
fn participants_reorder() {
    let mut case = Case::default();
    let a = case.add_participant("A", "", "facilitator");
    let b = case.add_participant("B", "", "participant");
    case.move_participant(b, Direction::Up);
    assert_eq!(case.participants[0].id, b);
    case.move_participant(b, Direction::Up);
    assert_eq!(case.participants[0].id, b);
    case.move_participant(a, Direction::Up);
    assert_eq!(case.participants[0].id, a);
}

#[test]
fn tags_toggle_sorted_and_unique() {
    let mut entry = Entry::new("x");
    entry.toggle_tag(TagKind::Condition, "social_inclusion");
    entry.toggle_tag(TagKind::Condition, "social_cohesion");
    entry.toggle_tag(TagKind::Factor, "team");
    assert_eq!(entry.conditions, ["social_cohesion", "social_inclusion"]);
    assert!(entry.has_tag(TagKind::Factor, "team"));
    assert!(!entry.has_tag(TagKind::Condition, "team"));
    entry.toggle_tag(TagKind::Condition, "social_cohesion");
    assert_eq!(entry.conditions, ["social_inclusion"]);
}

#[test]
fn stages_step_forward_and_back() {
    assert_eq!(Stage::Opening.previous(), None);
    assert_eq!(Stage::Opening.next(), Some(Stage::Phase(Phase::Understand)));
    assert_eq!(Stage::Phase(Phase::Choice).next(), Some(Stage::Plan));
    assert_eq!(Stage::Plan.next(), Some(Stage::Closing));
    assert_eq!(Stage::Closing.next(), None);
    for stage in Stage::ALL {
        if let Some(next) = stage.next() {
            assert_eq!(next.previous(), Some(stage));
        }
    }
}

#[test]
fn level_balance_names_the_neglected_level() {
    let mut case = Case::default();
    assert_eq!(case.least_attended_level(), None);
    case.add_note(Phase::Understand, Level::Individual, Entry::new("a"));
    case.add_option(Level::Community, Entry::new("b"));
    assert_eq!(case.items_per_level(), [1, 1, 0]);
    assert_eq!(case.least_attended_level(), Some(Level::Policy));
    assert_eq!(
        case.levels_without_options(),
        [Level::Individual, Level::Policy]
    );
    case.add_note(Phase::Choice, Level::Policy, Entry::new("c"));
    assert_eq!(case.least_attended_level(), None);
}

#[test]
fn the_plan_warns_about_empty_levels_and_missing_owner_deadline_and_justification() {
    let mut case = Case::default();
    assert_eq!(
        case.plan_warnings(),
        Level::ALL.map(PlanWarning::NoOption).to_vec()
    );
    let chosen = case.add_option(Level::Individual, Entry::new("Scootmobiel"));
    case.add_option(Level::Community, Entry::new("Koffieochtend"));
    case.option_mut(chosen).unwrap().decision = Decision::Chosen;
    assert_eq!(
        case.plan_warnings(),
        vec![
            PlanWarning::NoChosen(Level::Community),
            PlanWarning::NoOption(Level::Policy),
            PlanWarning::NoOwner(chosen),
            PlanWarning::NoDeadline(chosen),
            PlanWarning::NoJustification(chosen),
        ]
    );
    let option = case.option_mut(chosen).unwrap();
    option.plan.owner = Owner::Named("  ".into());
    option.plan.deadline = chrono::NaiveDate::from_ymd_opt(2027, 1, 1);
    option.decision_reason = "Haar eigen wens".into();
    // An owner of only spaces is no owner.
    assert!(case.plan_warnings().contains(&PlanWarning::NoOwner(chosen)));
    case.option_mut(chosen).unwrap().plan.owner = Owner::Named("wijkteam".into());
    assert!(!case.plan_warnings().iter().any(|w| matches!(
        w,
        PlanWarning::NoOwner(_) | PlanWarning::NoDeadline(_) | PlanWarning::NoJustification(_)
    )));
}

#[test]
fn signals_come_from_notes_and_options_in_order() {
    let mut case = Case::default();
    let mut signal_note = Entry::new("Loket kijkt smal");
    signal_note.signal = Some(Signal {
        to: "teamleider".into(),
        change: "breder kijken".into(),
    });
    case.add_note(Phase::Understand, Level::Policy, signal_note);
    case.add_note(
        Phase::Understand,
        Level::Individual,
        Entry::new("geen signaal"),
    );
    let mut signal_option = Entry::new("Ontmoetingsplek");
    signal_option.signal = Some(Signal::default());
    case.add_option(Level::Community, signal_option);
    let found: Vec<(Level, &str)> = case
        .signals()
        .map(|(level, entry, _)| (level, entry.text.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (Level::Policy, "Loket kijkt smal"),
            (Level::Community, "Ontmoetingsplek")
        ]
    );
}

#[test]
fn removing_a_participant_keeps_their_interventions_by_name() {
    let mut case = Case::default();
    let sanne = case.add_participant("Sanne", "Wmo-consultant", "case_bringer");
    let option = case.add_option(Level::Individual, Entry::new("Scootmobiel"));
    case.option_mut(option).unwrap().plan.owner = Owner::Participant(sanne);
    case.remove_participant(sanne);
    assert_eq!(
        case.option(option).unwrap().plan.owner,
        Owner::Named("Sanne".into())
    );
}

#[test]
fn duplicate_and_huge_ids_are_found() {
    let mut case = Case::default();
    let a = case.add_note(Phase::Understand, Level::Individual, Entry::new("a"));
    assert_eq!(case.id_problem(), None);
    case.add_option(Level::Individual, Entry::new("b"));
    case.options[0].id = a;
    assert_eq!(case.id_problem(), Some(IdProblem::Duplicate(a)));
    case.options[0].id = MAX_ITEM_ID.next();
    assert_eq!(
        case.id_problem(),
        Some(IdProblem::TooLarge(MAX_ITEM_ID.next()))
    );
}
