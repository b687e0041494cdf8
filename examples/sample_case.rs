//! Writes a generated case file, to try the app or an export on a large case:
//!
//! `cargo run --example sample_case -- OUT.swan.ron [NOTES [OPTIONS [PERSONS]]]`
//! (default 300 notes, 80 options, 12 persons, as in the benchmarks).

use swan_casus::model::sample::{SampleSize, generate};

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(out) = args.first() else {
        eprintln!("usage: sample_case OUT.swan.ron [NOTES [OPTIONS [PERSONS]]]");
        return std::process::ExitCode::from(2);
    };
    let number = |i: usize, default: usize| {
        args.get(i)
            .map_or(Ok(default), |a| a.parse::<usize>().map_err(|_| a.clone()))
    };
    let size = match (number(1, 300), number(2, 80), number(3, 12)) {
        (Ok(notes), Ok(options), Ok(persons)) => SampleSize {
            notes,
            options,
            persons,
        },
        (Err(a), _, _) | (_, Err(a), _) | (_, _, Err(a)) => {
            eprintln!("not a number: {a}");
            return std::process::ExitCode::from(2);
        }
    };
    match swan_casus::storage::save_case(std::path::Path::new(out), &generate(size)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{out}: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
