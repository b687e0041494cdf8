//! Files and exports of the large case (300 notes, 80 options): load, save (with fsync
//! and the `.bak`), each export format, the personal-data scan and the pseudonymised copy.
//!
//! `cargo bench --bench files`; one: `cargo bench --bench files -- export/pdf`.

use std::time::Duration;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use swan_casus::export::{self, Format, Names, ReportStyle};
use swan_casus::i18n::Language;
use swan_casus::method::Method;
use swan_casus::model::sample::{SampleSize, generate};
use swan_casus::model::{Case, Entry, Level, MAX_TEXT_CHARS, Phase};
use swan_casus::{privacy, storage};

fn bench_files(c: &mut Criterion) {
    let case = generate(SampleSize::LARGE);
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("groot.swan.ron");
    storage::save_case(&path, &case).unwrap();

    let mut group = c.benchmark_group("file");
    group.bench_function("load", |b| {
        b.iter(|| storage::load_case(&path).unwrap().notes.len())
    });
    group.bench_function("save", |b| {
        b.iter(|| storage::save_case(&path, &case).unwrap())
    });
    group.bench_function("save_and_load", |b| {
        b.iter(|| {
            storage::save_case(&path, &case).unwrap();
            storage::load_case(&path).unwrap().notes.len()
        })
    });
    group.finish();

    let method = Method::builtin();
    let style = ReportStyle::builtin();
    let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    // The size of the export of `case` in `format`.
    let exported = |case: &Case, format| {
        export::export(
            case,
            &method,
            &style,
            Language::Nl,
            format,
            Names::Pseudonymised,
            today,
        )
        .unwrap()
        .len()
    };
    let mut group = c.benchmark_group("export");
    group.measurement_time(Duration::from_secs(8));
    for format in [
        Format::Pdf,
        Format::Docx,
        Format::Html,
        Format::Markdown,
        Format::Csv,
    ] {
        if format == Format::Pdf {
            group.sample_size(10);
            group.measurement_time(Duration::from_secs(8));
        }
        group.bench_function(format.extension(), |b| b.iter(|| exported(&case, format)));
    }

    // The PDF of the large case laid out from scratch, as the first export of a session
    // or on the command line (the fonts and the parsed template stay loaded).
    group.bench_function("pdf_cold", |b| {
        b.iter(|| {
            export::pdf::forget_layouts();
            exported(&case, Format::Pdf)
        })
    });

    // The PDF of the large case as in a session of the app: the first export after one
    // note was edited, when typst can reuse the layout of what did not change
    // (`export/pdf` above exports the unchanged case again and again, so it reuses all).
    let mut edited = case.clone();
    let original = edited.notes[0].entry.text.clone();
    let mut round = 0;
    group.bench_function("pdf_after_an_edit", |b| {
        b.iter(|| {
            round += 1;
            edited.notes[0].entry.text = format!("{original} ({round})");
            exported(&edited, Format::Pdf)
        })
    });

    // The longest note a field holds, in a PDF: bounded time and memory.
    let mut long = generate(SampleSize {
        notes: 0,
        options: 0,
        persons: 0,
    });
    let sentence = "De mantelzorger vertelt over de trap, de post en de buurtkamer. ";
    let text: String = sentence.repeat(MAX_TEXT_CHARS / sentence.chars().count());
    long.add_note(Phase::Understand, Level::ALL[0], Entry::new(text));
    group.sample_size(10);
    group.bench_function("pdf_longest_note", |b| {
        b.iter(|| exported(&long, Format::Pdf))
    });
    group.finish();

    let mut group = c.benchmark_group("privacy");
    group.bench_function("check", |b| b.iter(|| privacy::check_case(&case).len()));
    group.bench_function("pseudonymise", |b| {
        b.iter(|| privacy::pseudonymise(&case, Language::Nl).notes.len())
    });
    // The pseudonym view of a case with a thousand persons named in it.
    let crowded = generate(SampleSize {
        persons: 1000,
        ..SampleSize::LARGE
    });
    group.sample_size(10);
    group.bench_function("pseudonymise_1000_persons", |b| {
        b.iter(|| privacy::pseudonymise(&crowded, Language::Nl).notes.len())
    });
    group.finish();
}

/// Signals across cases: a folder of 1,000 case files, each a meeting of a usual size
/// (40 notes, 12 options, 4 persons), read from disk and gathered, pseudonymised.
fn bench_signals(c: &mut Criterion) {
    let folder = tempfile::tempdir().unwrap();
    let base = generate(SampleSize {
        notes: 40,
        options: 12,
        persons: 4,
    });
    let first = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    for i in 0..1000 {
        let mut case = base.clone();
        // Every case its own, so none is counted as a copy of another.
        case.title = format!("Casus {i}: {}", base.title);
        case.meeting_date = first.checked_add_days(chrono::Days::new(i));
        let path = folder.path().join(format!("casus-{i:04}.swan.ron"));
        storage::save_case(&path, &case).unwrap();
    }
    let method = Method::builtin();
    let inputs = [folder.path().to_path_buf()];
    let mut group = c.benchmark_group("signals");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(15));
    group.bench_function("load_and_gather_1000_files", |b| {
        b.iter(|| {
            let loaded = swan_casus::signals::load::load(&inputs);
            assert_eq!(loaded.cases.len(), 1000);
            let gathered = swan_casus::signals::gather(
                &loaded.cases,
                &method,
                Language::Nl,
                Names::Pseudonymised,
            );
            assert_eq!(gathered.cases.len(), 1000);
            gathered.signal_count()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_files, bench_signals);
criterion_main!(benches);
