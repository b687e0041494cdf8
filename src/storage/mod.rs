//! The case file: pretty RON that starts with a format version, loaded leniently and
//! saved atomically.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::model::{Case, IdProblem};
use crate::syntax::SyntaxError;

/// The format version this build writes. Raise it, and add a migration, whenever a field
/// is added, removed or changes meaning: unknown fields are refused (so a typo in a
/// hand-edited file is reported instead of silently dropped at the next save), and the
/// version is how an older app tells a newer file apart from a mistake.
pub const FORMAT_VERSION: u32 = 4;

/// How the name of a case file ends.
pub const CASE_SUFFIX: &str = ".swan.ron";

/// A case file's name without `.swan.ron` (or a plain `.ron`).
pub fn case_stem(file_name: &str) -> &str {
    file_name
        .strip_suffix(CASE_SUFFIX)
        .or_else(|| file_name.strip_suffix(".ron"))
        .unwrap_or(file_name)
}

/// Files larger than this are refused before parsing: no real case comes near it.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

#[derive(Serialize)]
struct CaseFileOut<'a> {
    format_version: u32,
    case: &'a Case,
}

/// The version was read by `VersionProbe`; the rest of the file is read here.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFileIn {
    #[serde(rename = "format_version")]
    _format_version: u32,
    #[serde(default)]
    case: Case,
}

#[derive(Deserialize)]
struct VersionProbe {
    format_version: u32,
}

/// Why a case file could not be opened. The file itself is never touched.
#[derive(Debug, Error, PartialEq, Eq, Clone)]
pub enum LoadError {
    #[error("cannot read the file: {0}")]
    Read(std::io::ErrorKind),
    #[error("the file is larger than {limit} bytes ({size} bytes)")]
    TooLarge { size: u64, limit: u64 },
    #[error("the file is not UTF-8 text (byte {offset})")]
    NotText { offset: usize },
    #[error("the file is empty")]
    Empty,
    #[error("this is not a SWAN Casus case file (no format_version)")]
    NotACaseFile,
    #[error(
        "the file was made by a newer version of SWAN Casus (format {found}, this version reads up to {supported})"
    )]
    NewerVersion { found: u32, supported: u32 },
    #[error("format version {0} does not exist")]
    UnknownVersion(u32),
    #[error("{0}")]
    Syntax(#[from] SyntaxError),
    #[error("the identifiers are not usable: {0:?}")]
    BadId(IdProblem),
}

impl LoadError {
    /// Line and column where the problem is, when it has a place in the file.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            LoadError::Syntax(e) => Some((e.line, e.column)),
            _ => None,
        }
    }
}

/// Why saving failed. The case stays open in the app.
#[derive(Debug, Error)]
pub enum SaveError {
    #[error("cannot write in {folder}: {source}")]
    Write {
        folder: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot serialise the case: {0}")]
    Serialise(String),
}

impl SaveError {
    /// The operating system's reason, for a message that tells what to do.
    pub fn io_kind(&self) -> Option<std::io::ErrorKind> {
        match self {
            SaveError::Write { source, .. } => Some(source.kind()),
            SaveError::Serialise(_) => None,
        }
    }
}

/// The case as the text of a case file.
pub fn case_to_string(case: &Case) -> Result<String, SaveError> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .struct_names(false);
    let file = CaseFileOut {
        format_version: FORMAT_VERSION,
        case,
    };
    let mut text = ron::ser::to_string_pretty(&file, config)
        .map_err(|e| SaveError::Serialise(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// Reads a case from the text of a case file.
pub fn case_from_str(source: &str) -> Result<Case, LoadError> {
    // Notepad and some sync tools put a byte-order mark in front of UTF-8 text.
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let case = parse_versioned::<CaseFileIn>(source)?.case;
    match case.id_problem() {
        Some(problem) => Err(LoadError::BadId(problem)),
        None => Ok(case),
    }
}

/// Parses a file that starts with `format_version`, migrating older versions.
///
/// Version history (docs/case-file-format.md has the details):
/// - 1: SWAN Casus 0.1.
/// - 2: adds the intervention plan (`plan` on options), signals (`signal` on entries)
///   and the `Plan` stage. Every addition has a default, so a version-1 file reads as
///   version 2 unchanged: the migration from 1 to 2 is the identity.
/// - 3: adds the persons in the case with their pseudonyms (`persons`), the resident's
///   `consent` and the retention date `delete_by`; again all with defaults, so versions
///   1 and 2 read unchanged.
/// - 4: adds the meeting's record (`meeting`: planned and spent time per step, speaking
///   rounds, the silent round), with a default, so versions 1 to 3 read unchanged.
///
/// A future migration that changes meaning goes here, on the text or on a `ron::Value`,
/// before the typed parse.
fn parse_versioned<T: DeserializeOwned>(source: &str) -> Result<T, LoadError> {
    if source.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    if !looks_like_ron_structure(source) {
        return Err(LoadError::NotACaseFile);
    }
    // Look at the version first, so that a newer file is refused for what it is, not for
    // a field this version does not know.
    match ron::from_str::<VersionProbe>(source) {
        Ok(VersionProbe { format_version: 0 }) => return Err(LoadError::UnknownVersion(0)),
        Ok(VersionProbe { format_version }) if format_version > FORMAT_VERSION => {
            return Err(LoadError::NewerVersion {
                found: format_version,
                supported: FORMAT_VERSION,
            });
        }
        Ok(_) => {}
        Err(e) if matches!(&e.code, ron::Error::MissingStructField { field, .. } if *field == "format_version") =>
        {
            return Err(LoadError::NotACaseFile);
        }
        // A syntax error: the full parse below says where.
        Err(_) => {}
    }
    ron::from_str::<T>(source).map_err(|e| LoadError::Syntax(e.into()))
}

/// Whether the text starts the way every file of ours does: with `(`, after comments and
/// RON attributes. JSON, Markdown, a Word document or a letter does not.
fn looks_like_ron_structure(source: &str) -> bool {
    let start = source.trim_start();
    ["(", "//", "/*", "#!["]
        .iter()
        .any(|p| start.starts_with(p))
}

/// Reads a case file from disk.
pub fn load_case(path: &Path) -> Result<Case, LoadError> {
    case_from_str(&read_text(path)?)
}

/// Reads a file that should be text of a sensible size.
fn read_text(path: &Path) -> Result<String, LoadError> {
    let size = fs::metadata(path)
        .map_err(|e| LoadError::Read(e.kind()))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    let bytes = fs::read(path).map_err(|e| LoadError::Read(e.kind()))?;
    String::from_utf8(bytes).map_err(|e| LoadError::NotText {
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Writes the case to `path` atomically, keeping the previous version as `NAME.bak`.
pub fn save_case(path: &Path, case: &Case) -> Result<(), SaveError> {
    let text = case_to_string(case)?;
    write_atomically(path, text.as_bytes(), true)
}

/// Writes `bytes` to a temporary file next to `path`, flushes it, and renames it over
/// `path`: a crash at any moment leaves either the old or the new file whole.
pub fn write_atomically(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), SaveError> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let err = |source| SaveError::Write {
        folder: folder.clone(),
        source,
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".swan-casus-")
        .suffix(".tmp")
        .tempfile_in(&folder)
        .map_err(err)?;
    temp.write_all(bytes).map_err(err)?;
    temp.as_file().sync_all().map_err(err)?;
    if keep_backup && path.exists() {
        // The backup is written atomically too, so a crash never leaves half a .bak.
        let previous = fs::read(path).map_err(err)?;
        write_atomically(&backup_path(path), &previous, false)?;
    }
    temp.persist(path).map_err(|e| err(e.error))?;
    sync_folder(&folder);
    Ok(())
}

/// `NAME.swan.ron` → `NAME.swan.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".bak");
    PathBuf::from(name)
}

#[cfg(unix)]
fn sync_folder(folder: &Path) {
    // Makes the rename itself durable; a failure here cannot be acted on, the data is written.
    if let Ok(dir) = fs::File::open(folder) {
        let _ = dir.sync_all();
    }
}

#[cfg(not(unix))]
fn sync_folder(_folder: &Path) {}

/// Adds the case-file extension when the user typed a name without it.
pub fn with_case_extension(path: PathBuf) -> PathBuf {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if case_stem(name) != name {
        path
    } else {
        let mut p = path.into_os_string();
        p.push(CASE_SUFFIX);
        PathBuf::from(p)
    }
}

pub mod recovery;

#[cfg(test)]
mod tests;

/// What a file on disk looked like when the app last read or wrote it, to notice when
/// someone else changed it in between.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileStamp {
    modified: Option<std::time::SystemTime>,
    len: u64,
}

/// The stamp of the file at `path` now, or None when there is no file.
pub fn file_stamp(path: &Path) -> Option<FileStamp> {
    let meta = fs::metadata(path).ok()?;
    Some(FileStamp {
        modified: meta.modified().ok(),
        len: meta.len(),
    })
}
