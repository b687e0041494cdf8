//! Long lists draw only what is on screen; these check that nothing is lost by that: the
//! keyboard still reaches every card, and a huge case opens, scrolls and takes notes.
//! (Frame times are in `cargo bench --bench screens`, not here.)

mod common;

use common::start;
use egui::Key;
use egui_kittest::kittest::{NodeT, Queryable};
use swan_casus::model::sample::{SampleSize, generate};
use swan_casus::model::{Level, Phase, Stage};
use swan_casus::storage;

fn open_generated(
    size: SampleSize,
    stage: Stage,
) -> (common::TestApp, tempfile::TempDir, swan_casus::model::Case) {
    let temp = tempfile::tempdir().unwrap();
    let mut case = generate(size);
    case.stage = stage;
    let path = temp.path().join("groot.swan.ron");
    storage::save_case(&path, &case).unwrap();
    let app = start(temp.path(), Some(path), (1024.0, 768.0));
    (app, temp, case)
}

fn focused_label(app: &common::TestApp) -> Option<String> {
    app.harness
        .query_by(|node| node.is_focused())
        .and_then(|node| node.accesskit_node().label())
}

/// Presses Tab until the focused control's name contains `wanted`; false if it never does.
fn tab_until(app: &mut common::TestApp, wanted: &str, most: usize) -> bool {
    for _ in 0..most {
        app.harness.key_press(Key::Tab);
        app.harness.run();
        if focused_label(app).is_some_and(|label| label.contains(wanted)) {
            return true;
        }
    }
    false
}

#[test]
fn tab_reaches_the_last_intervention_of_a_long_plan() {
    let (mut app, _temp, case) = open_generated(SampleSize::LARGE, Stage::Plan);
    let last = case.options_in(Level::ALL[2]).count();
    let wanted = format!("Optie {last}, niveau 3");
    assert!(
        tab_until(&mut app, &wanted, 3000),
        "Tab never reached {wanted}"
    );
}

#[test]
fn tab_reaches_the_last_note_of_a_long_column() {
    let phase = Phase::Understand;
    let (mut app, _temp, case) = open_generated(SampleSize::LARGE, Stage::Phase(phase));
    let last = case.notes_in(phase, Level::ALL[0]).count();
    let wanted = format!("Notitie {last}, niveau 1");
    assert!(
        tab_until(&mut app, &wanted, 1000),
        "Tab never reached {wanted}"
    );
}

#[test]
fn a_case_of_5000_notes_opens_and_takes_a_note_by_keyboard() {
    let (mut app, _temp, _) = open_generated(SampleSize::HUGE, Stage::Phase(Phase::Understand));
    app.harness.run();
    let before = app.app().document().unwrap().case.notes.len();
    app.press(egui::Modifiers::COMMAND, Key::Num1);
    app.harness.run();
    app.harness.event(egui::Event::Text(
        "Nieuwe notitie in een grote casus".into(),
    ));
    app.harness.key_press(Key::Enter);
    app.harness.run();
    let case = &app.app().document().unwrap().case;
    assert_eq!(case.notes.len(), before + 1);
    assert_eq!(
        case.notes.last().unwrap().entry.text,
        "Nieuwe notitie in een grote casus"
    );
}
