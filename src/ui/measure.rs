//! Measurement mode, for `scripts/measure.sh` and BENCHMARKS.md: with the environment
//! variable `SWAN_CASUS_MEASURE=SECONDS` the window notes when each frame starts, closes
//! itself after that many seconds (0: as soon as the first frame is on screen) and
//! prints the times on standard error. The same wrapper runs the bare eframe example, so
//! both are measured the same way. Nothing is written to disk, nothing is sent.

use std::time::{Duration, Instant};

/// The environment variable that turns measurement mode on.
pub const MEASURE_VARIABLE: &str = "SWAN_CASUS_MEASURE";

/// An app whose frames are timed.
pub struct Measured<A> {
    inner: A,
    started: Instant,
    run_for: Duration,
    frames: Vec<Duration>,
    done: bool,
}

impl<A> Measured<A> {
    /// Wraps `inner` when measurement mode is on; `started` is when the process began.
    pub fn from_env(inner: A, started: Instant) -> Result<Measured<A>, A> {
        let seconds = std::env::var(MEASURE_VARIABLE)
            .ok()
            .and_then(|s| s.trim().parse::<f64>().ok())
            .filter(|s| s.is_finite() && *s >= 0.0);
        match seconds {
            Some(seconds) => Ok(Measured {
                inner,
                started,
                run_for: Duration::from_secs_f64(seconds),
                frames: Vec::new(),
                done: false,
            }),
            None => Err(inner),
        }
    }

    fn report(&self) -> String {
        let times: Vec<String> = self
            .frames
            .iter()
            .map(|t| format!("{:.1}", t.as_secs_f64() * 1000.0))
            .collect();
        format!("measure: frames_ms={}", times.join(","))
    }

    /// Notes this frame; true when it is time to close.
    fn tick(&mut self, ctx: &egui::Context) -> bool {
        let now = self.started.elapsed();
        self.frames.push(now);
        if self.done {
            return false;
        }
        // With 0 s, the second frame starts once the first one is on screen.
        let finished = if self.run_for.is_zero() {
            self.frames.len() >= 2
        } else {
            now >= self.run_for
        };
        if !finished {
            if self.run_for.is_zero() {
                ctx.request_repaint();
            } else {
                // One wake-up at the end; it adds no frame before then.
                ctx.request_repaint_after(self.run_for - now);
            }
        }
        self.done = finished;
        finished
    }
}

impl<A: eframe::App> eframe::App for Measured<A> {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        if self.tick(ui.ctx()) {
            eprintln!("{}", self.report());
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        self.inner.ui(ui, frame);
    }
}
