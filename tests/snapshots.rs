//! Pictures of the meeting screens, drawn by wgpu (Mesa's software Vulkan, lavapipe, in
//! CI) and compared with the images in tests/snapshots/. A phase screen with 50 notes on a
//! level and the presentation view, at a 4:3 projector size and at full HD, in Dutch and
//! English. After a deliberate change: `UPDATE_SNAPSHOTS=1 cargo test --test snapshots`,
//! then look at the new images before committing them.

mod common;

use common::start_rendered;
use egui::{Key, Modifiers};
use swan_casus::i18n::Language;
use swan_casus::model::{Case, Entry, Level, Phase, Stage, TagKind};

/// Whether a Vulkan driver is installed to draw with. CI installs lavapipe
/// (mesa-vulkan-drivers) and must draw; elsewhere the test says why it stops.
fn can_draw() -> bool {
    let has_driver = ["/usr/share/vulkan/icd.d", "/etc/vulkan/icd.d"]
        .iter()
        .any(|dir| std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some()));
    if !has_driver && std::env::var_os("CI").is_none() {
        eprintln!("no Vulkan driver: snapshot tests skipped (apt-get install mesa-vulkan-drivers)");
    }
    has_driver || std::env::var_os("CI").is_some()
}

/// A meeting well under way: 50 notes on level 1, a few on the others, tags and people.
fn busy_case(language: Language) -> Case {
    let mut case = Case {
        title: match language {
            Language::Nl => "Scootmobiel, maar eigenlijk eenzaamheid".into(),
            Language::En => "A scooter, but really loneliness".into(),
        },
        stage: Stage::Phase(Phase::Understand),
        ..Case::default()
    };
    let sanne = case.add_participant("Sanne", "Wmo-consultant", "case_bringer");
    case.add_participant("Joris", "Opbouwwerker", "participant");
    for i in 1..=50 {
        let mut entry = Entry::new(match language {
            Language::Nl => format!("Notitie {i}: wat er op tafel lag"),
            Language::En => format!("Note {i}: what was on the table"),
        });
        if i % 7 == 0 {
            entry.toggle_tag(TagKind::Condition, "social_cohesion");
            entry.contributor = Some(sanne);
        }
        case.add_note(Phase::Understand, Level::Individual, entry);
    }
    for (level, text) in [
        (Level::Community, "Buurthuis gesloten"),
        (Level::Community, "Huismeester kent vijf ouderen"),
        (Level::Policy, "Wachtlijst schuldhulp"),
    ] {
        case.add_note(Phase::Understand, level, Entry::new(text));
    }
    case
}

fn snapshot_screens(language: Language, size: (f32, f32)) {
    if !can_draw() {
        return;
    }
    let name = format!("{}-{}x{}", language.code(), size.0, size.1);
    // A fixed folder, not a random one: the status bar shows the path, and the picture
    // must be the same every run.
    let base = std::env::temp_dir().join(format!("swan-casus-snapshot-{name}"));
    let _ = std::fs::remove_dir_all(&base);
    std::fs::create_dir_all(&base).unwrap();
    let path = base.join("druk.swan.ron");
    swan_casus::storage::save_case(&path, &busy_case(language)).unwrap();
    let mut app = start_rendered(&base, Some(path), size, |o| {
        o.language = Some(language);
    });
    app.harness.run();
    app.harness.snapshot(format!("phase-50-notes-{name}"));
    app.press(Modifiers::SHIFT, Key::F5);
    app.harness.snapshot(format!("presentation-{name}"));
    drop(app);
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn dutch_at_a_projector_size() {
    snapshot_screens(Language::Nl, (1024.0, 768.0));
}

#[test]
fn english_at_a_projector_size() {
    snapshot_screens(Language::En, (1024.0, 768.0));
}

#[test]
fn dutch_at_full_hd() {
    snapshot_screens(Language::Nl, (1920.0, 1080.0));
}

#[test]
fn english_at_full_hd() {
    snapshot_screens(Language::En, (1920.0, 1080.0));
}
