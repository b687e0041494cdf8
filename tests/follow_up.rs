//! The follow-up meeting through the real interface: start it weeks later, evaluate an
//! intervention by keyboard, add a note, save, reopen, and find the first meeting as it
//! was beside the evaluation.

mod common;

use std::path::Path;

use common::{TestApp, stage_label, start};
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use swan_casus::i18n::Language;
use swan_casus::model::{Case, Level, PlanStatus, Stage, Verdict};
use swan_casus::storage;

const NL: Language = Language::Nl;

fn case(app: &TestApp) -> Case {
    app.app().document().expect("a case is open").case.clone()
}

/// Presses Tab until the control named `label` has the keyboard focus.
fn tab_to(app: &mut TestApp, label: &str) {
    for _ in 0..20 {
        if app.harness.get_by_label(label).is_focused() {
            return;
        }
        app.press(Modifiers::NONE, Key::Tab);
    }
    panic!("Tab never reached {label}");
}

/// Types into the focused field, as a note-taker does.
fn type_text(app: &mut TestApp, text: &str) {
    app.harness.event(egui::Event::Text(text.to_owned()));
    app.harness.run();
}

fn focus(app: &mut TestApp, label: &str) {
    app.harness.get_by_label(label).focus();
    app.harness.run();
    assert!(app.harness.get_by_label(label).is_focused(), "{label}");
}

#[test]
fn a_follow_up_is_filled_by_keyboard_saved_and_reopened_beside_the_first_meeting() {
    let temp = tempfile::tempdir().unwrap();
    let path = temp.path().join("zoe.swan.ron");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/plan.swan.ron");
    std::fs::copy(&fixture, &path).unwrap();
    let first = storage::load_case(&path).unwrap();
    let scooter = first.chosen().next().unwrap().id;

    let mut app = start(&temp.path().join("a"), Some(path.clone()), (1280.0, 2600.0));
    app.click_button(&stage_label(NL, Stage::Closing));
    app.click_button("Vervolgbespreking starten");
    let started = case(&app);
    assert_eq!(started.stage, Stage::FollowUp(1));
    assert_eq!(started.follow_ups.len(), 1);
    assert_eq!(
        started.follow_ups[0].date,
        Some(chrono::Local::now().date_naive())
    );
    assert_eq!(started.follow_ups[0].evaluations.len(), 3);

    // The first intervention, by keyboard only.
    let name = "Interventie 1, niveau 1";
    focus(&mut app, &format!("Wat is er gebeurd? — {name}"));
    type_text(&mut app, "Proefrit gedaan, scootmobiel geleverd");
    tab_to(&mut app, &format!("Afgerond: Stand van zaken — {name}"));
    app.press(Modifiers::NONE, Key::Space);
    tab_to(&mut app, &format!("Bijstellen: Besluit — {name}"));
    app.press(Modifiers::NONE, Key::Space);
    tab_to(&mut app, &format!("Waarom, en wat verandert er? — {name}"));
    type_text(&mut app, "Hij staat buiten: stalling regelen");
    // Two notes in a row: Enter adds one and the field keeps the focus.
    focus(&mut app, "Nieuwe notitie op niveau 1, vervolgbespreking");
    type_text(&mut app, "Ze gaat weer zelf naar de markt");
    app.press(Modifiers::NONE, Key::Enter);
    type_text(&mut app, "De post is op orde");
    app.press(Modifiers::NONE, Key::Enter);

    let filled = case(&app);
    let evaluation = filled.follow_ups[0].evaluation(scooter).unwrap();
    assert_eq!(
        evaluation.what_happened,
        "Proefrit gedaan, scootmobiel geleverd"
    );
    assert_eq!(evaluation.status, PlanStatus::Done);
    assert_eq!(evaluation.verdict, Verdict::Adjust);
    assert_eq!(evaluation.reason, "Hij staat buiten: stalling regelen");
    let new_notes: Vec<_> = filled
        .session_notes(1, Level::Individual)
        .map(|n| n.entry.text.as_str())
        .collect();
    assert_eq!(
        new_notes,
        ["Ze gaat weer zelf naar de markt", "De post is op orde"]
    );

    app.press(Modifiers::COMMAND, Key::S);
    assert!(!app.app().document().unwrap().dirty(), "saved");
    drop(app);

    // Reopened in a new window: the follow-up step, the evaluation as typed, and the
    // first meeting as it was, read only, beside it.
    let mut app = start(&temp.path().join("b"), Some(path.clone()), (1280.0, 2600.0));
    let reopened = case(&app);
    assert_eq!(reopened.stage, Stage::FollowUp(1));
    assert_eq!(reopened.follow_ups, filled.follow_ups);
    for level in Level::ALL {
        assert!(reopened.options_in(level).eq(first.options_in(level)));
        for phase in swan_casus::model::Phase::ALL {
            assert!(
                reopened
                    .notes_in(phase, level)
                    .eq(first.notes_in(phase, level))
            );
        }
    }
    let field = app
        .harness
        .get_by_label(&format!("Wat is er gebeurd? — {name}"))
        .value();
    assert_eq!(
        field.as_deref(),
        Some("Proefrit gedaan, scootmobiel geleverd")
    );
    for shown in [
        "Afgesproken op 12-11-2026 (alleen lezen)",
        "Proefrit met de leverancier plannen",
        "Ze wil zelf naar de markt en de kerk; zelfstandigheid is haar eigen doel.",
        "Ze gaat weer zelf naar de markt",
    ] {
        assert!(
            app.harness.query_all_by_label(shown).next().is_some(),
            "{shown} is not on the screen"
        );
    }
    // The first meeting's notes are there as text, not as fields to type in.
    let note = app
        .harness
        .get_all_by_label_contains("Ongeopende brieven")
        .next()
        .unwrap();
    assert_ne!(
        note.accesskit_node().role(),
        egui::accesskit::Role::TextInput
    );
    // Back one step is the closing; the stepper names the follow-up.
    assert!(
        app.harness
            .query_by_label(&stage_label(NL, Stage::FollowUp(1)))
            .is_some()
    );
    app.press(Modifiers::COMMAND, Key::PageUp);
    assert_eq!(case(&app).stage, Stage::Closing);
    app.press(Modifiers::COMMAND, Key::PageDown);
    assert_eq!(case(&app).stage, Stage::FollowUp(1));
}

/// Undo takes the started follow-up away again, and the screen goes back to the closing.
#[test]
fn starting_a_follow_up_is_one_undo_step() {
    let temp = tempfile::tempdir().unwrap();
    let path = temp.path().join("zoe.swan.ron");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/plan.swan.ron");
    std::fs::copy(&fixture, &path).unwrap();
    let mut app = start(&temp.path().join("a"), Some(path), (1024.0, 768.0));
    app.click_button(&stage_label(NL, Stage::Closing));
    app.click_button("Vervolgbespreking starten");
    assert_eq!(case(&app).stage, Stage::FollowUp(1));
    app.press(Modifiers::COMMAND, Key::Z);
    let undone = case(&app);
    assert!(undone.follow_ups.is_empty());
    assert_eq!(undone.stage, Stage::Closing);
}
