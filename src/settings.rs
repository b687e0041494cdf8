//! Per-user preferences: language, recently opened files, a replacement method file, the
//! organisation's report style.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Language;
use crate::storage::{self, SaveError};

/// How many recently opened files the start screen remembers.
pub const MAX_RECENT: usize = 8;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Settings {
    pub language: Language,
    pub recent_files: Vec<PathBuf>,
    /// A method file that replaces the built-in method texts.
    pub method_file: Option<PathBuf>,
    /// The organisation's report style file, for exports.
    pub style_file: Option<PathBuf>,
}

impl Settings {
    /// Puts `path` first in the recent list.
    pub fn remember(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_path_buf());
        self.recent_files.truncate(MAX_RECENT);
    }

    pub fn forget(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
    }
}

/// Where the app keeps its own files. Tests point these at a temporary folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppDirs {
    pub config: PathBuf,
    pub data: PathBuf,
}

impl AppDirs {
    /// The per-user folders of this operating system.
    pub fn from_system() -> Option<AppDirs> {
        let dirs = directories::ProjectDirs::from("nl", "SWAN Casus", "swan-casus")?;
        Some(AppDirs {
            config: dirs.config_dir().to_path_buf(),
            data: dirs.data_dir().to_path_buf(),
        })
    }

    /// Both folders inside one base folder.
    pub fn inside(base: &Path) -> AppDirs {
        AppDirs {
            config: base.join("config"),
            data: base.join("data"),
        }
    }

    pub fn settings_file(&self) -> PathBuf {
        self.config.join("settings.ron")
    }
}

/// Reads the settings; a missing or unreadable file gives the defaults, since preferences
/// are not worth stopping the app for.
pub fn load(dirs: &AppDirs) -> Settings {
    std::fs::read_to_string(dirs.settings_file())
        .ok()
        .and_then(|text| ron::from_str(&text).ok())
        .unwrap_or_default()
}

pub fn save(dirs: &AppDirs, settings: &Settings) -> Result<(), SaveError> {
    std::fs::create_dir_all(&dirs.config).map_err(|source| SaveError::Write {
        folder: dirs.config.clone(),
        source,
    })?;
    let text = ron::ser::to_string_pretty(settings, ron::ser::PrettyConfig::new())
        .map_err(|e| SaveError::Serialise(e.to_string()))?;
    storage::write_atomically(&dirs.settings_file(), text.as_bytes(), false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_recent_list_stays_short() {
        let temp = tempfile::tempdir().unwrap();
        let dirs = AppDirs::inside(temp.path());
        let mut settings = Settings {
            language: Language::En,
            ..Settings::default()
        };
        for i in 0..12 {
            settings.remember(Path::new(&format!("/cases/{i}.swan.ron")));
        }
        settings.remember(Path::new("/cases/3.swan.ron"));
        assert_eq!(settings.recent_files.len(), MAX_RECENT);
        assert_eq!(settings.recent_files[0], Path::new("/cases/3.swan.ron"));
        save(&dirs, &settings).unwrap();
        assert_eq!(load(&dirs), settings);
    }

    #[test]
    fn broken_settings_give_defaults() {
        let temp = tempfile::tempdir().unwrap();
        let dirs = AppDirs::inside(temp.path());
        std::fs::create_dir_all(&dirs.config).unwrap();
        std::fs::write(dirs.settings_file(), "(language: Klingon").unwrap();
        assert_eq!(load(&dirs), Settings::default());
    }
}
