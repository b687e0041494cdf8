//! Exporting the open case: choose a format, choose a file, and let a background thread
//! make it, so a long PDF never freezes the window.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use crate::export::{self, Contents, Format, Names, ReportKind, ReportStyle};
use crate::i18n::{Language, tr, tr_args};
use crate::messages;
use crate::method::Method;
use crate::model::Case;
use crate::storage;

/// The export that may be running, and what the last one was.
#[derive(Default)]
pub struct ExportState {
    /// The format last used, offered first next time.
    pub last_format: Option<Format>,
    /// Pseudonyms (the default) or real names, as chosen in the dialog for this export.
    pub names: Names,
    /// The team report or the letter, and the reflection of a hand-in, as last chosen.
    pub contents: Contents,
    /// The name of the open case's file, for the CSV's file column.
    pub file_name: Option<String>,
    pub job: Option<ExportJob>,
}

pub struct ExportJob {
    pub format: Format,
    pub path: PathBuf,
    language: Language,
    done: mpsc::Receiver<Result<(), String>>,
}

/// How an export ended, for the status bar or the error dialog.
pub enum ExportOutcome {
    Written(PathBuf),
    Failed(String),
}

impl ExportState {
    pub fn running(&self) -> bool {
        self.job.is_some()
    }

    /// Makes the export in a thread and writes it atomically, so a half-made file never
    /// stands at `path`. The window is woken when it is done.
    pub fn start(
        &mut self,
        ctx: &egui::Context,
        case: Case,
        (method, style): (Method, ReportStyle),
        language: Language,
        format: Format,
        path: PathBuf,
    ) {
        let (sender, done) = mpsc::channel();
        let ctx = ctx.clone();
        let target = path.clone();
        let contents = Contents {
            names: self.names,
            file_name: self.file_name.clone(),
            ..self.contents.clone()
        };
        std::thread::spawn(move || {
            let today = chrono::Local::now().date_naive();
            let result =
                export::export_contents(&case, &method, &style, language, format, today, &contents)
                    .map_err(|e| messages::export_error(language, &e))
                    .and_then(|bytes| {
                        storage::write_atomically(&target, &bytes, false)
                            .map_err(|e| messages::save_error(language, &target, &e))
                    });
            let _ = sender.send(result);
            ctx.request_repaint();
        });
        self.last_format = Some(format);
        self.job = Some(ExportJob {
            format,
            path,
            language,
            done,
        });
    }

    /// The outcome once the running export is done.
    pub fn poll(&mut self) -> Option<ExportOutcome> {
        let job = self.job.as_ref()?;
        let outcome = match job.done.try_recv() {
            Ok(Ok(())) => ExportOutcome::Written(job.path.clone()),
            Ok(Err(message)) => ExportOutcome::Failed(message),
            Err(mpsc::TryRecvError::Empty) => return None,
            Err(mpsc::TryRecvError::Disconnected) => {
                ExportOutcome::Failed(tr(job.language, "export.crashed").to_owned())
            }
        };
        self.job = None;
        Some(outcome)
    }
}

/// "Exporting the PDF…" with a spinner, while a job runs.
pub fn progress_ui(ui: &mut egui::Ui, language: Language, state: &ExportState) {
    if let Some(job) = &state.job {
        ui.spinner();
        ui.label(tr_args(
            language,
            "export.running",
            &[("format", tr(language, job.format.label_key()))],
        ));
        ui.separator();
    }
}

/// The file name to offer: the case title (and "brief" for the letter) with the format's
/// extension.
pub fn suggested_name(title: &str, language: Language, format: Format, kind: ReportKind) -> String {
    let case_name = super::widgets::suggested_file_name(title, language);
    let stem = storage::case_stem(&case_name);
    match kind {
        ReportKind::Team => format!("{stem}.{}", format.extension()),
        ReportKind::Letter | ReportKind::Signals => {
            let kind = match kind {
                ReportKind::Letter => tr(language, "letter.file_name"),
                _ => tr(language, "cli.signals.file_name"),
            };
            format!("{stem} - {kind}.{}", format.extension())
        }
    }
}

/// The path with the format's extension, when the user typed a name without it.
pub fn with_extension(path: &Path, format: Format) -> PathBuf {
    let has = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(format.extension()));
    if has {
        path.to_path_buf()
    } else {
        let mut name = path.as_os_str().to_owned();
        name.push(".");
        name.push(format.extension());
        PathBuf::from(name)
    }
}
