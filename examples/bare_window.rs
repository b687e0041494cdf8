//! A bare eframe window with one label, built with the same eframe features as the app:
//! the yardstick for the app's start-up time and memory in `scripts/measure.sh`.
//!
//! `cargo run --release --example bare_window [focused]` — with `focused`, a text field
//! that has the keyboard focus, its cursor blinking.

use swan_casus::ui::measure::Measured;

struct Bare {
    /// Some: a focused text field with this text.
    field: Option<String>,
    focus_given: bool,
}

impl eframe::App for Bare {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("Hallo");
            if let Some(text) = &mut self.field {
                let field = ui.text_edit_singleline(text);
                if !self.focus_given {
                    field.request_focus();
                    self.focus_given = true;
                }
            }
        });
    }
}

fn main() -> eframe::Result {
    let started = std::time::Instant::now();
    let bare = Bare {
        field: (std::env::args().nth(1).as_deref() == Some("focused")).then(String::new),
        focus_given: false,
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("bare eframe")
            .with_inner_size([1280.0, 800.0]),
        ..Default::default()
    };
    eframe::run_native(
        "bare-window",
        options,
        Box::new(move |_cc| {
            Ok(match Measured::from_env(bare, started) {
                Ok(measured) => Box::new(measured) as Box<dyn eframe::App>,
                Err(bare) => Box::new(bare),
            })
        }),
    )
}
