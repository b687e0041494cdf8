//! Reading the case files for the signals across cases: which files a list of folders
//! and files names, and loading them on all cores. A file that does not load is kept
//! with its reason, never fatal.
//!
//! A folder is read without its subfolders: the case files directly in it whose names
//! end in `.swan.ron`. (A team keeps an archive or a year in a subfolder; name it as a
//! folder of its own to include it.) A file named by itself is read whatever its name.
//! The same file named twice, however spelt, is read once.

use std::path::{Path, PathBuf};

use super::LoadedCase;
use crate::storage::{self, CASE_SUFFIX, LoadError};

/// What a list of folders and files holds.
#[derive(Debug, Default)]
pub struct Loaded {
    pub cases: Vec<LoadedCase>,
    /// Files (or folders) that could not be read, with why, in the order of their paths.
    pub skipped: Vec<(PathBuf, LoadError)>,
}

/// The case files named by `inputs`: files as given, folders' `*.swan.ron` files
/// (sorted), each file once. A folder that cannot be read is returned as skipped.
pub fn case_files(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<(PathBuf, LoadError)>) {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for input in inputs {
        if !input.is_dir() {
            files.push(input.clone());
            continue;
        }
        match std::fs::read_dir(input) {
            Ok(entries) => {
                let mut found: Vec<PathBuf> = entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| is_case_file_name(p) && !p.is_dir())
                    .collect();
                found.sort();
                files.extend(found);
            }
            Err(e) => skipped.push((input.clone(), LoadError::Read(e.kind()))),
        }
    }
    let mut seen = std::collections::HashSet::new();
    files.retain(|p| seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())));
    (files, skipped)
}

fn is_case_file_name(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(CASE_SUFFIX) && n.len() > CASE_SUFFIX.len())
}

/// Loads the files, on as many threads as there are cores (at most 8), keeping the
/// order of `files`.
pub fn load_files(files: &[PathBuf]) -> Vec<Result<LoadedCase, (PathBuf, LoadError)>> {
    let threads = std::thread::available_parallelism()
        .map(usize::from)
        .unwrap_or(1)
        .clamp(1, 8);
    let chunk = files.len().div_ceil(threads).max(1);
    let load_one = |path: &PathBuf| match storage::load_case(path) {
        Ok(case) => Ok(LoadedCase {
            path: path.clone(),
            case,
        }),
        Err(error) => Err((path.clone(), error)),
    };
    std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(load_one).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            // A panic in a parser is a bug, but it must not take the others along.
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

/// The files not read as a report lists them: the file's name and why, in `language`.
pub fn skipped_lines(
    skipped: &[(PathBuf, LoadError)],
    language: crate::i18n::Language,
) -> Vec<crate::export::signals::Skipped> {
    skipped
        .iter()
        .map(|(path, error)| {
            let name = path.file_name().unwrap_or(path.as_os_str());
            let reason = crate::messages::load_error(language, error);
            (name.to_string_lossy().into_owned(), reason)
        })
        .collect()
}

/// Everything `inputs` name, loaded.
pub fn load(inputs: &[PathBuf]) -> Loaded {
    let (files, mut skipped) = case_files(inputs);
    let mut cases = Vec::new();
    for result in load_files(&files) {
        match result {
            Ok(case) => cases.push(case),
            Err(bad) => skipped.push(bad),
        }
    }
    skipped.sort_by(|a, b| a.0.cmp(&b.0));
    Loaded { cases, skipped }
}
