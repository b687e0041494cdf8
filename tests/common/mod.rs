//! Helpers for driving the real UI through its accessible labels.

#![allow(dead_code)]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use swan_casus::i18n::Language;
use swan_casus::method::Method;
use swan_casus::model::Stage;
use swan_casus::settings::AppDirs;
use swan_casus::ui::{PresetDialogs, StartOptions, SwanApp};

pub struct TestApp {
    pub harness: Harness<'static, SwanApp>,
    pub dialogs: PresetDialogs,
    pub dirs: AppDirs,
}

/// An app on fresh per-user folders inside `base`, with dialogs the test answers.
pub fn start(
    base: &std::path::Path,
    file: Option<std::path::PathBuf>,
    size: (f32, f32),
) -> TestApp {
    start_with(base, file, size, |_| {})
}

/// A clock the test moves by hand.
#[derive(Clone)]
pub struct TestClock(std::sync::Arc<std::sync::Mutex<std::time::Instant>>);

impl TestClock {
    pub fn new() -> TestClock {
        TestClock(std::sync::Arc::new(std::sync::Mutex::new(
            std::time::Instant::now(),
        )))
    }

    pub fn advance(&self, seconds: u64) {
        *self.0.lock().unwrap() += std::time::Duration::from_secs(seconds);
    }

    pub fn clock(&self) -> swan_casus::ui::Clock {
        let now = self.0.clone();
        std::sync::Arc::new(move || *now.lock().unwrap())
    }
}

/// The same, with the start options changed by `adjust` (a test clock, …).
pub fn start_with(
    base: &std::path::Path,
    file: Option<std::path::PathBuf>,
    size: (f32, f32),
    adjust: impl FnOnce(&mut StartOptions),
) -> TestApp {
    build(base, file, size, adjust, false)
}

/// An app drawn by wgpu, for snapshot images.
pub fn start_rendered(
    base: &std::path::Path,
    file: Option<std::path::PathBuf>,
    size: (f32, f32),
    adjust: impl FnOnce(&mut StartOptions),
) -> TestApp {
    build(base, file, size, adjust, true)
}

fn build(
    base: &std::path::Path,
    file: Option<std::path::PathBuf>,
    size: (f32, f32),
    adjust: impl FnOnce(&mut StartOptions),
    rendered: bool,
) -> TestApp {
    let dirs = AppDirs::inside(base);
    let dialogs = PresetDialogs::default();
    let mut options = StartOptions::new(dirs.clone());
    options.file = file;
    options.dialogs = Box::new(dialogs.clone());
    // Write recovery copies at once, so a test need not wait seconds.
    options.autosave_delay = std::time::Duration::ZERO;
    adjust(&mut options);
    let app = SwanApp::new(options);
    let mut builder = Harness::builder().with_size(egui::vec2(size.0, size.1));
    if rendered {
        builder = builder.wgpu();
    }
    let harness = builder.build_ui_state(|ui, app: &mut SwanApp| app.ui(ui), app);
    TestApp {
        harness,
        dialogs,
        dirs,
    }
}

impl TestApp {
    pub fn click(&mut self, label: &str) {
        self.harness.get_by_label(label).click();
        self.harness.run();
    }

    /// Clicks the button with this label (where a heading shares the text).
    pub fn click_button(&mut self, label: &str) {
        self.harness
            .get_by_role_and_label(egui::accesskit::Role::Button, label)
            .click();
        self.harness.run();
    }

    /// Clicks a text field, so it has the focus, and types into it.
    pub fn type_into(&mut self, label: &str, text: &str) {
        self.harness.get_by_label(label).click();
        self.harness.run();
        self.harness.get_by_label(label).type_text(text);
        self.harness.run();
    }

    /// Points at a note or option card (named "Notitie 1, niveau 1"), so its controls
    /// show, as they do for the mouse or the keyboard focus.
    pub fn reveal(&mut self, card: &str) {
        self.harness
            .get_by_label_contains(&format!("{card}:"))
            .hover();
        self.harness.run();
    }

    /// Opens a card's text for editing and types at its end.
    pub fn edit_card(&mut self, card: &str, text: &str) {
        self.harness
            .get_by_label_contains(&format!("{card}:"))
            .click();
        self.harness.run();
        self.harness.key_press(egui::Key::End);
        self.harness.get_by_label(card).type_text(text);
        self.harness.run();
    }

    pub fn press(&mut self, modifiers: egui::Modifiers, key: egui::Key) {
        self.harness.key_press_modifiers(modifiers, key);
        self.harness.run();
    }

    pub fn app(&self) -> &SwanApp {
        self.harness.state()
    }

    /// Opens a case file as Ctrl+O with the dialog answering `path`.
    pub fn app_mut_open(&mut self, path: &std::path::Path) {
        self.dialogs.push(path);
        self.press(egui::Modifiers::COMMAND, egui::Key::O);
    }
}

/// The stepper's label for a step, as the built-in method names it.
pub fn stage_label(language: Language, stage: Stage) -> String {
    let method = Method::builtin();
    match stage {
        Stage::Opening => method.opening.title.get(language).to_owned(),
        Stage::Phase(p) => format!("{} {}", p.number(), method.phase(p).title.get(language)),
        Stage::Plan => swan_casus::i18n::tr(language, "plan.title").to_owned(),
        Stage::Closing => method.closing.title.get(language).to_owned(),
        Stage::FollowUp(_) => method.stage_title(language, stage),
    }
}

/// Compares `actual` with `tests/golden/NAME`; `UPDATE_GOLDEN=1` rewrites the file
/// instead. On a difference, the new output is written to the temp folder to compare.
pub fn assert_golden(name: &str, actual: &[u8]) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_GOLDEN=1)", path.display()));
    if expected != actual {
        let actual_path = std::env::temp_dir().join(format!("actual-{name}"));
        std::fs::write(&actual_path, actual).unwrap();
        panic!(
            "{name} differs from the golden file; the new output is in {}",
            actual_path.display()
        );
    }
}
