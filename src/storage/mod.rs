//! The case file: pretty RON that starts with a format version, loaded leniently and
//! saved atomically.

use std::fs;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::model::{Case, IdProblem, MAX_TEXT_CHARS};
use crate::syntax::SyntaxError;

/// The format version this build writes. Raise it, and add a migration, whenever a field
/// is added, removed or changes meaning: unknown fields are refused (so a typo in a
/// hand-edited file is reported instead of silently dropped at the next save), and the
/// version is how an older app tells a newer file apart from a mistake.
pub const FORMAT_VERSION: u32 = 6;

/// How the name of a case file ends.
pub const CASE_SUFFIX: &str = ".swan.ron";

/// A case file's name without `.swan.ron` (or a plain `.ron`).
pub fn case_stem(file_name: &str) -> &str {
    file_name
        .strip_suffix(CASE_SUFFIX)
        .or_else(|| file_name.strip_suffix(".ron"))
        .unwrap_or(file_name)
}

/// The same for a file name that need not be UTF-8.
pub fn case_stem_os(file_name: &std::ffi::OsStr) -> std::ffi::OsString {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt as _;
        let bytes = file_name.as_bytes();
        let stem = [CASE_SUFFIX, ".ron"]
            .iter()
            .find_map(|suffix| bytes.strip_suffix(suffix.as_bytes()))
            .unwrap_or(bytes);
        std::ffi::OsStr::from_bytes(stem).to_owned()
    }
    #[cfg(not(unix))]
    {
        case_stem(&file_name.to_string_lossy()).into()
    }
}

/// Files larger than this are refused before parsing: no real case comes near it.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The largest case file the app writes: well below what it reads, so every file it
/// writes can be opened again (also after a hand edit or a newer format adds a little).
pub const MAX_SAVE_BYTES: u64 = 48 * 1024 * 1024;
const _: () = assert!(MAX_SAVE_BYTES + MAX_SAVE_BYTES / 4 < MAX_FILE_BYTES);

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
    #[error("this is not a regular file (a folder, a device or a pipe)")]
    NotAFile,
    #[error("a text is {chars} characters long, more than {limit}")]
    TextTooLong { chars: usize, limit: usize },
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
    #[error("{0} is not a regular file")]
    NotAFile(PathBuf),
    #[error("{0} is read-only")]
    ReadOnly(PathBuf),
    #[error("{path} has {links} names (hard links)")]
    HardLinked { path: PathBuf, links: u64 },
    #[error("{0} was changed on disk by someone else")]
    ChangedOnDisk(PathBuf),
    #[error("{0} is one of the files being read")]
    SameAsInput(PathBuf),
    #[error("the case would be {size} bytes, more than {limit}")]
    TooLarge { size: u64, limit: u64 },
}

impl SaveError {
    /// The operating system's reason, for a message that tells what to do.
    pub fn io_kind(&self) -> Option<std::io::ErrorKind> {
        match self {
            SaveError::Write { source, .. } => Some(source.kind()),
            _ => None,
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
    let mut case = parse_versioned::<CaseFileIn>(source)?.case;
    if let Some(problem) = case.id_problem() {
        return Err(LoadError::BadId(problem));
    }
    let mut longest = 0;
    crate::privacy::for_each_text(&mut case, |_, text| {
        longest = longest.max(text.chars().count());
    });
    // The teacher's questions are the teacher's words, not about anyone: not in the
    // privacy scan, but held to the same length.
    for prompt in case.teacher.iter().flat_map(|t| &t.prompts) {
        longest = longest.max(prompt.text.chars().count());
    }
    if longest > MAX_TEXT_CHARS {
        return Err(LoadError::TextTooLong {
            chars: longest,
            limit: MAX_TEXT_CHARS,
        });
    }
    Ok(case)
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
/// - 5: adds a person's `other_names` (nickname, maiden name) and the case's `not_names`
///   (places marked "geen naam" in the check); both with defaults, so versions 1 to 4
///   read unchanged.
/// - 6: adds class use: `is_template` (a teacher's template) and `teacher` (the lock on
///   the description and question, the teacher's own questions per phase); both left
///   out when unset, so versions 1 to 5 read unchanged.
/// - 6: adds follow-up meetings (`follow_ups`: date, who was there, an evaluation per
///   chosen intervention), the `session` of a note or an option written at a follow-up,
///   and the `FollowUp(n)` stage; all with defaults (the first meeting's session 0 is not
///   written), so versions 1 to 5 read unchanged.
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
    ron::from_str::<T>(source)
        .map_err(|e| LoadError::Syntax(SyntaxError::from(e).naming_open_quote(source)))
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
    read_stamped(path).map(|(text, _)| text)
}

/// Reads a case file from disk, with the stamp of what was read, so that a save can
/// refuse to replace a version it has not seen.
pub fn load_case_stamped(path: &Path) -> Result<(Case, FileStamp), LoadError> {
    let (text, stamp) = read_stamped(path)?;
    Ok((case_from_str(&text)?, stamp))
}

/// Reads a regular file of at most `MAX_FILE_BYTES` as text. Anything else (a folder, a
/// pipe, a device) is refused before it is opened, so it can neither hang nor fill memory.
fn read_stamped(path: &Path) -> Result<(String, FileStamp), LoadError> {
    let read_error = |e: std::io::Error| LoadError::Read(e.kind());
    let meta = fs::metadata(path).map_err(read_error)?;
    if !meta.is_file() {
        return Err(LoadError::NotAFile);
    }
    let too_large = |size: u64| LoadError::TooLarge {
        size,
        limit: MAX_FILE_BYTES,
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    let mut file = fs::File::open(path).map_err(read_error)?;
    let meta = file.metadata().map_err(read_error)?;
    if !meta.is_file() {
        return Err(LoadError::NotAFile);
    }
    let bytes = write::read_limited(&mut file, MAX_FILE_BYTES).map_err(|e| match e.kind() {
        std::io::ErrorKind::FileTooLarge => too_large(MAX_FILE_BYTES + 1),
        _ => read_error(e),
    })?;
    let stamp = FileStamp::of(&meta, &bytes);
    let text = String::from_utf8(bytes).map_err(|e| LoadError::NotText {
        offset: e.utf8_error().valid_up_to(),
    })?;
    Ok((text, stamp))
}

/// Writes the case to `path` atomically, keeping the previous version as `NAME.bak`.
pub fn save_case(path: &Path, case: &Case) -> Result<(), SaveError> {
    save_case_with(path, case, &WriteOptions::default())
}

/// Writes the case as `options` say (always keeping a `.bak`). A case whose text would
/// be larger than the app can read back is refused, and nothing is written.
pub fn save_case_with(path: &Path, case: &Case, options: &WriteOptions) -> Result<(), SaveError> {
    let text = case_to_string(case)?;
    let size = text.len() as u64;
    if size > MAX_SAVE_BYTES {
        return Err(SaveError::TooLarge {
            size,
            limit: MAX_SAVE_BYTES,
        });
    }
    let options = WriteOptions {
        keep_backup: true,
        ..*options
    };
    write_file(path, text.as_bytes(), &options)
}

/// `NAME.swan.ron` → `NAME.swan.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".bak");
    PathBuf::from(name)
}

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

pub mod case_lock;
pub mod recovery;
mod write;

pub use write::{WriteOptions, check_output, write_atomically, write_file};

#[cfg(test)]
mod tests;

/// What a file on disk looked like when the app last read or wrote it, to notice when
/// someone else changed it in between: its content (length and hash, so a same-size
/// change with the old modification time is seen too) and which file it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileStamp {
    /// Device and inode on Unix.
    identity: Option<(u64, u64)>,
    len: u64,
    hash: u64,
}

impl FileStamp {
    fn of(meta: &fs::Metadata, bytes: &[u8]) -> FileStamp {
        use std::hash::{Hash as _, Hasher as _};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        bytes.hash(&mut hasher);
        FileStamp {
            identity: identity(meta),
            len: bytes.len() as u64,
            hash: hasher.finish(),
        }
    }

    /// Reads the regular file at `path` to stamp it.
    fn read(path: &Path) -> std::io::Result<FileStamp> {
        let mut file = fs::File::open(path)?;
        let meta = file.metadata()?;
        if !meta.is_file() {
            return Err(std::io::ErrorKind::InvalidInput.into());
        }
        let bytes = write::read_limited(&mut file, MAX_FILE_BYTES)?;
        Ok(FileStamp::of(&meta, &bytes))
    }

    fn identity_of(path: &Path) -> Option<(u64, u64)> {
        identity(&fs::metadata(path).ok()?)
    }

    /// Whether both stamps saw the same content (the file may have been replaced by an
    /// identical one).
    pub fn same_content(&self, other: &FileStamp) -> bool {
        self.len == other.len && self.hash == other.hash
    }
}

#[cfg(unix)]
fn identity(meta: &fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt as _;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn identity(_meta: &fs::Metadata) -> Option<(u64, u64)> {
    None
}

/// The stamp of the file at `path` now, or None when there is no readable regular file.
pub fn file_stamp(path: &Path) -> Option<FileStamp> {
    let meta = fs::metadata(path).ok()?;
    if !meta.is_file() {
        return None;
    }
    FileStamp::read(path).ok()
}
