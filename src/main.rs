//! The binary: reads the command line, then runs a command or opens the window.

use std::process::ExitCode;

use swan_casus::cli::{self, Invocation, Terminal};
use swan_casus::i18n::tr;
use swan_casus::settings::AppDirs;
use swan_casus::ui::measure::Measured;
use swan_casus::ui::{StartOptions, SwanApp};

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let invocation = match cli::parse(&args) {
        Ok(invocation) => invocation,
        Err(usage) => {
            eprintln!("{}", cli::printable(&usage.message));
            eprintln!("{}", tr(usage.language, "cli.see_help"));
            return ExitCode::from(2);
        }
    };
    match invocation {
        Invocation::Help(language) => {
            println!("{}", cli::help_text(language));
            ExitCode::SUCCESS
        }
        Invocation::Version => {
            println!("{}", cli::version_text());
            ExitCode::SUCCESS
        }
        Invocation::Check { language, files } => {
            let code = cli::check(
                language,
                &files,
                &mut Terminal(std::io::stdout()),
                &mut Terminal(std::io::stderr()),
            );
            ExitCode::from(code as u8)
        }
        Invocation::Upgrade { language, files } => {
            let code = cli::upgrade(
                language,
                &files,
                &mut Terminal(std::io::stdout()),
                &mut Terminal(std::io::stderr()),
            );
            ExitCode::from(code as u8)
        }
        Invocation::Export(options) => {
            let code = cli::export(
                &options,
                &mut Terminal(std::io::stdout()),
                &mut Terminal(std::io::stderr()),
            );
            ExitCode::from(code as u8)
        }
        Invocation::Signals(options) => {
            let code = cli::signals(
                &options,
                &mut Terminal(std::io::stdout()),
                &mut Terminal(std::io::stderr()),
            );
            ExitCode::from(code as u8)
        }
        Invocation::Compare(options) => {
            // The HTML or CSV goes to standard output as it is (CR LF and all); the
            // messages go through the terminal filter.
            let code = cli::compare(
                &options,
                &mut std::io::stdout(),
                &mut Terminal(std::io::stdout()),
                &mut Terminal(std::io::stderr()),
            );
            ExitCode::from(code as u8)
        }
        Invocation::Gui(options) => run_gui(options, started),
    }
}

fn run_gui(options: cli::GuiOptions, started: std::time::Instant) -> ExitCode {
    let Some(dirs) = AppDirs::from_system() else {
        eprintln!("{}", tr(Default::default(), "error.no_home"));
        return ExitCode::FAILURE;
    };
    // The app id names the installed swan-casus.desktop, so Wayland task bars find its icon.
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("SWAN Casus")
        .with_app_id("swan-casus")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([800.0, 560.0]);
    // The window and task-bar icon (X11, Windows), rendered from assets/icon/swan-casus.svg.
    match eframe::icon_data::from_png_bytes(include_bytes!("../assets/icon/swan-casus-256.png")) {
        Ok(icon) => viewport = viewport.with_icon(icon),
        Err(e) => eprintln!("swan-casus: window icon: {e}"),
    }
    let native_options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    let mut start = StartOptions::new(dirs);
    start.file = options.file;
    start.method = options.method;
    start.language = options.language;
    let result = eframe::run_native(
        "swan-casus",
        native_options,
        Box::new(move |_cc| {
            let app = SwanApp::new(start);
            Ok(match Measured::from_env(app, started) {
                Ok(measured) => Box::new(measured) as Box<dyn eframe::App>,
                Err(app) => Box::new(app),
            })
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}: {e}", tr(Default::default(), "error.window"));
            ExitCode::FAILURE
        }
    }
}
