//! The CPU time of one frame of each screen: the app's own `ui` on an `egui::Context` at
//! 1280×800, plus tessellation, as eframe runs it, without a GPU. On the large case
//! (300 notes, 80 options) and on a huge one (5,000 notes).
//!
//! `cargo bench --bench screens`; one screen: `cargo bench --bench screens -- phase_3`.

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Event, Key, Modifiers, RawInput};
use swan_casus::model::sample::{SampleSize, generate};
use swan_casus::model::{Phase, Stage};
use swan_casus::settings::AppDirs;
use swan_casus::storage;
use swan_casus::ui::{PresetDialogs, StartOptions, SwanApp};

/// The app on one screen, ready to draw frames.
struct Screen {
    app: SwanApp,
    ctx: egui::Context,
    _folder: tempfile::TempDir,
}

impl Screen {
    /// The app with a generated case open on `stage` (no case: the start screen), after
    /// `keys` were pressed (to open a view) and a few frames to settle fonts and layout.
    fn open(size: Option<SampleSize>, stage: Stage, keys: &[(Modifiers, Key)]) -> Screen {
        let folder = tempfile::tempdir().unwrap();
        let mut options = StartOptions::new(AppDirs::inside(folder.path()));
        options.dialogs = Box::new(PresetDialogs::default());
        if let Some(size) = size {
            let mut case = generate(size);
            case.stage = stage;
            let path = folder.path().join("groot.swan.ron");
            storage::save_case(&path, &case).unwrap();
            options.file = Some(path);
        }
        let mut screen = Screen {
            app: SwanApp::new(options),
            ctx: egui::Context::default(),
            _folder: folder,
        };
        for _ in 0..3 {
            screen.frame(Vec::new());
        }
        let events = keys
            .iter()
            .map(|&(modifiers, key)| key_event(modifiers, key));
        screen.frame(events.collect());
        for _ in 0..3 {
            screen.frame(Vec::new());
        }
        // Measure the screen asked for, not an error dialog in front of it.
        assert_eq!(screen.app.error(), None);
        if size.is_some() {
            let shown = screen.app.document().map(|doc| doc.case.stage);
            assert_eq!(shown, Some(stage));
        }
        screen
    }

    /// One frame, as eframe runs it: input, the app's `ui`, then tessellation.
    fn frame(&mut self, events: Vec<Event>) -> usize {
        let input = RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1280.0, 800.0),
            )),
            events,
            ..RawInput::default()
        };
        let app = &mut self.app;
        let mut output = self.ctx.run_ui(input, |ui| app.ui(ui));
        let shapes = std::mem::take(&mut output.shapes);
        let primitives = self.ctx.tessellate(shapes, output.pixels_per_point);
        // No GPU takes the font texture here.
        output.textures_delta.clear();
        primitives.len()
    }
}

fn key_event(modifiers: Modifiers, key: Key) -> Event {
    Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers,
    }
}

const NONE: Modifiers = Modifiers::NONE;

/// Keys pressed, with their modifiers.
type Keys = Vec<(Modifiers, Key)>;

/// Every screen and view, by name: the stage, and the keys that open the view.
fn screens() -> Vec<(&'static str, Stage, Keys)> {
    let pseudonyms = Modifiers::COMMAND | Modifiers::SHIFT;
    vec![
        ("opening", Stage::Opening, vec![]),
        ("phase_1", Stage::Phase(Phase::Understand), vec![]),
        ("phase_2", Stage::Phase(Phase::Possibilities), vec![]),
        ("phase_3", Stage::Phase(Phase::Choice), vec![]),
        ("plan", Stage::Plan, vec![]),
        ("closing", Stage::Closing, vec![]),
        (
            "phase_1_pseudonyms",
            Stage::Phase(Phase::Understand),
            vec![(pseudonyms, Key::P)],
        ),
        (
            "phase_1_presenting",
            Stage::Phase(Phase::Understand),
            vec![(Modifiers::SHIFT, Key::F5)],
        ),
        (
            "phase_3_silent_round",
            Stage::Phase(Phase::Choice),
            vec![(NONE, Key::F9)],
        ),
        (
            "phase_1_shortcuts",
            Stage::Phase(Phase::Understand),
            vec![(NONE, Key::F1)],
        ),
    ]
}

fn bench_screens(c: &mut Criterion) {
    let mut start = Screen::open(None, Stage::Opening, &[]);
    c.bench_function("start", |b| b.iter(|| start.frame(Vec::new())));
    for (label, size) in [("large", SampleSize::LARGE), ("huge", SampleSize::HUGE)] {
        let mut group = c.benchmark_group(label);
        if size == SampleSize::HUGE {
            group.sample_size(20);
            group.measurement_time(Duration::from_secs(4));
        }
        for (name, stage, keys) in screens() {
            let mut screen = Screen::open(Some(size), stage, &keys);
            group.bench_function(name, |b| b.iter(|| screen.frame(Vec::new())));
        }
        group.finish();
    }
}

criterion_group!(benches, bench_screens);
criterion_main!(benches);
