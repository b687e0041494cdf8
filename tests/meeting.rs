//! Running a meeting through the real interface: capture at the speed of talk, the
//! level keys, speaking rounds, the silent round, the timer, the balance strip and the
//! presentation view.

mod common;

use common::{TestApp, TestClock, stage_label, start, start_with};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use swan_casus::i18n::Language;
use swan_casus::model::{Case, Level, Phase, Stage};

const NL: Language = Language::Nl;

fn case(app: &TestApp) -> Case {
    app.app().document().expect("a case is open").case.clone()
}

fn go_to(app: &mut TestApp, stage: Stage) {
    app.click_button(&stage_label(NL, stage));
    assert_eq!(case(app).stage, stage);
}

/// Types into whatever has the keyboard focus, as a note-taker does, and presses Enter.
fn type_and_enter(app: &mut TestApp, text: &str) {
    app.harness.key_press(Key::End);
    app.harness.event(egui::Event::Text(text.to_owned()));
    app.harness.run();
    app.harness.key_press(Key::Enter);
    app.harness.run();
}

/// One frame, as the once-a-second repaint of a running timer gives.
fn tick(app: &mut TestApp) {
    app.harness.step();
    app.harness.run();
}

fn notes(app: &TestApp, level: Level) -> Vec<String> {
    case(app)
        .notes_in(Phase::Understand, level)
        .map(|n| n.entry.text.clone())
        .collect()
}

fn new_case_with_people(app: &mut TestApp, names: &[&str]) {
    app.click("Nieuwe casus");
    for (i, name) in names.iter().enumerate() {
        app.click("+ Deelnemer toevoegen");
        app.type_into(&format!("Naam van deelnemer {}", i + 1), name);
    }
}

#[test]
fn note_after_note_by_keyboard_keeps_the_focus_in_the_capture_field() {
    let temp = tempfile::tempdir().unwrap();
    let mut app = start(temp.path(), None, (1280.0, 800.0));
    app.click("Nieuwe casus");
    go_to(&mut app, Stage::Phase(Phase::Understand));
    app.press(Modifiers::COMMAND, Key::Num1);
    type_and_enter(&mut app, "Mevrouw woont alleen");
    type_and_enter(&mut app, "Post blijft ongeopend");
    type_and_enter(&mut app, "Zoon woont ver weg");
    assert_eq!(
        notes(&app, Level::Individual),
        [
            "Mevrouw woont alleen",
            "Post blijft ongeopend",
            "Zoon woont ver weg"
        ]
    );
    // The level keys move the focus to another column; typing goes there.
    app.press(Modifiers::COMMAND, Key::Num2);
    type_and_enter(&mut app, "Buurthuis gesloten");
    app.press(Modifiers::COMMAND, Key::Num3);
    type_and_enter(&mut app, "Wachtlijst schuldhulp");
    assert_eq!(notes(&app, Level::Community), ["Buurthuis gesloten"]);
    assert_eq!(notes(&app, Level::Policy), ["Wachtlijst schuldhulp"]);
    assert_eq!(notes(&app, Level::Individual).len(), 3);
}

#[test]
fn a_speaking_round_passes_goes_back_and_credits_notes_to_the_speaker() {
    let temp = tempfile::tempdir().unwrap();
    let mut app = start(temp.path(), None, (1280.0, 800.0));
    new_case_with_people(&mut app, &["Sanne", "Joris", "Fatima"]);
    go_to(&mut app, Stage::Phase(Phase::Understand));
    let ids: Vec<_> = case(&app).participants.iter().map(|p| p.id).collect();
    app.press(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    assert!(
        app.harness
            .query_by_label("Sanne is aan het woord")
            .is_some()
    );
    app.press(Modifiers::COMMAND, Key::Num1);
    type_and_enter(&mut app, "Sanne zegt dit");
    app.press(Modifiers::NONE, Key::F6); // next: Joris
    app.press(Modifiers::NONE, Key::F7); // Joris passes: Fatima
    assert!(app.harness.query_by_label("Joris heeft gepast").is_some());
    app.press(Modifiers::SHIFT, Key::F6); // back to Joris after all
    assert!(
        app.harness
            .query_by_label("Joris is aan het woord")
            .is_some()
    );
    assert!(app.harness.query_by_label("Fatima komt nog").is_some());
    app.press(Modifiers::COMMAND, Key::Num2);
    type_and_enter(&mut app, "Joris vult aan");
    let case = case(&app);
    let by = |text: &str| {
        case.notes
            .iter()
            .find(|n| n.entry.text == text)
            .and_then(|n| n.entry.contributor)
    };
    assert_eq!(by("Sanne zegt dit"), Some(ids[0]));
    assert_eq!(by("Joris vult aan"), Some(ids[1]));
    let round = case.meeting.rounds.last().unwrap();
    assert_eq!(
        round.turns.len(),
        1,
        "Sanne spoke; Joris's pass was taken back"
    );
    assert!(!round.turns[0].passed);
}

#[test]
fn the_silent_round_hides_each_choice_until_the_reveal() {
    let temp = tempfile::tempdir().unwrap();
    let mut app = start(temp.path(), None, (1280.0, 900.0));
    new_case_with_people(&mut app, &["Sanne", "Joris"]);
    go_to(&mut app, Stage::Phase(Phase::Possibilities));
    app.type_into("Nieuwe optie op niveau 2", "Koffieochtend in de hal");
    app.click("Optie toevoegen op niveau 2");
    go_to(&mut app, Stage::Phase(Phase::Choice));
    app.press(Modifiers::NONE, Key::F9);
    // Sanne first.
    app.harness
        .get_by_role_and_label(
            egui::accesskit::Role::RadioButton,
            "Koffieochtend in de hal",
        )
        .click_accesskit(); // as a keyboard or screen-reader user selects it
    app.harness.run();
    app.type_into("Waarom, op niveau 2", "Laagdrempelig voor de flat");
    app.click_button("Bewaren en verbergen");
    // Joris's turn: nothing of Sanne's choice is on the screen.
    assert!(
        app.harness
            .query_by_label_contains("Laagdrempelig voor de flat")
            .is_none(),
        "the next participant must not see the choice before"
    );
    assert!(
        app.harness
            .query_all_by_label_contains("1 van de 2 deelnemers")
            .next()
            .is_some()
    );
    app.type_into("Waarom, op niveau 2", "Liever eerst huisbezoek");
    app.click_button("Bewaren en verbergen");
    // The dialog's own button (the phase screen behind it has one too).
    app.harness
        .get_all_by_role_and_label(egui::accesskit::Role::Button, "Onthullen")
        .last()
        .unwrap()
        .click();
    app.harness.run();
    let round = case(&app).meeting.silent_round.unwrap();
    assert!(round.revealed);
    assert_eq!(round.entries.len(), 2);
    // The reveal shows everyone's reasons side by side.
    assert!(
        app.harness
            .query_by_label_contains("Laagdrempelig voor de flat")
            .is_some()
    );
    assert!(
        app.harness
            .query_by_label_contains("Liever eerst huisbezoek")
            .is_some()
    );
    assert!(
        app.harness
            .query_all_by_label_contains("Koffieochtend in de hal: 1 keer gekozen")
            .next()
            .is_some()
    );
}

#[test]
fn the_timer_counts_down_runs_over_and_keeps_the_time_per_step() {
    let temp = tempfile::tempdir().unwrap();
    let clock = TestClock::new();
    let test_clock = clock.clock();
    let mut app = start_with(temp.path(), None, (1280.0, 800.0), |o| o.clock = test_clock);
    app.click("Nieuwe casus");
    go_to(&mut app, Stage::Phase(Phase::Understand));
    // Idle: no repaint asked for.
    let delay =
        |app: &TestApp| app.harness.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay;
    assert!(delay(&app) > std::time::Duration::from_secs(60));
    app.press(Modifiers::NONE, Key::F8);
    assert!(app.app().timer().running());
    assert!(
        delay(&app) <= std::time::Duration::from_secs(1),
        "about once a second"
    );
    app.press(Modifiers::COMMAND, Key::Num2);
    clock.advance(65);
    tick(&mut app);
    assert!(app.harness.query_by_label_contains("nog 18:55").is_some());
    // Paused: time stands still, and nothing repaints.
    app.press(Modifiers::NONE, Key::F8);
    clock.advance(600);
    tick(&mut app);
    assert!(app.harness.query_by_label_contains("nog 18:55").is_some());
    assert!(delay(&app) > std::time::Duration::from_secs(60));
    // Past zero it counts on, over time.
    app.press(Modifiers::NONE, Key::F8);
    clock.advance(20 * 60);
    tick(&mut app);
    assert!(
        app.harness
            .query_by_label_contains("1:05 over tijd")
            .is_some()
    );
    // Leaving the step keeps its time; saved and opened again, it is still there.
    go_to(&mut app, Stage::Phase(Phase::Possibilities));
    let (spent, levels) = case(&app).meeting.spent(Stage::Phase(Phase::Understand));
    assert_eq!(spent, 65 + 20 * 60);
    assert_eq!(
        levels[1],
        65 + 20 * 60,
        "the cursor was on level 2 all the time"
    );
    let path = temp.path().join("tijd.swan.ron");
    app.dialogs.push(&path);
    app.press(Modifiers::COMMAND, Key::S);
    let reopened = swan_casus::storage::load_case(&path).unwrap();
    assert_eq!(
        reopened.meeting.spent(Stage::Phase(Phase::Understand)).0,
        spent
    );
    // The closing shows it.
    go_to(&mut app, Stage::Closing);
    assert!(
        app.harness
            .query_by_label_contains("21 min (gepland 20)")
            .is_some()
    );
}

#[test]
fn the_balance_strip_counts_and_nudges_on_an_empty_level() {
    let temp = tempfile::tempdir().unwrap();
    let mut app = start(temp.path(), None, (1280.0, 800.0));
    app.click("Nieuwe casus");
    go_to(&mut app, Stage::Phase(Phase::Understand));
    app.press(Modifiers::COMMAND, Key::Num1);
    type_and_enter(&mut app, "een");
    type_and_enter(&mut app, "twee");
    app.press(Modifiers::COMMAND, Key::Num3);
    type_and_enter(&mut app, "drie");
    assert!(app.harness.query_by_label("Niveau 1: 2 notities").is_some());
    assert!(app.harness.query_by_label("Niveau 2: 0 notities").is_some());
    assert!(
        app.harness
            .query_by_label_contains("Niveau 2 is nog leeg")
            .is_none()
    );
    type_and_enter(&mut app, "vier");
    assert!(
        app.harness
            .query_by_label_contains("Niveau 2 is nog leeg: wie in de buurt")
            .is_some()
    );
}

#[test]
fn the_presentation_view_shows_the_step_in_large_type_with_pseudonyms() {
    let temp = tempfile::tempdir().unwrap();
    // Tall, so the persons at the bottom of the opening are on screen.
    let mut app = start(temp.path(), None, (1280.0, 1400.0));
    app.click("Nieuwe casus");
    app.click("+ Persoon toevoegen");
    app.type_into("Pseudoniem van persoon 1", "mevrouw V.");
    app.type_into("Echte naam van persoon 1", "Zoë de Vries");
    go_to(&mut app, Stage::Phase(Phase::Understand));
    app.press(Modifiers::COMMAND, Key::Num1);
    type_and_enter(&mut app, "Zoë de Vries komt niet meer buiten");
    app.press(Modifiers::SHIFT, Key::F5);
    assert!(
        app.harness
            .query_by_label_contains("mevrouw V. komt niet meer buiten")
            .is_some()
    );
    assert!(
        app.harness
            .query_by_label_contains("Zoë de Vries")
            .is_none()
    );
    app.harness.key_press(Key::Escape);
    app.harness.run();
    // Back to editing; the note with the real name is there again.
    assert!(
        app.harness
            .query_by_label_contains("Zoë de Vries komt")
            .is_some()
    );
    // F5: a window of its own (under test drawn inside the main one).
    app.press(Modifiers::NONE, Key::F5);
    assert!(
        app.harness
            .query_by_label_contains("mevrouw V. komt niet meer buiten")
            .is_some()
    );
}
