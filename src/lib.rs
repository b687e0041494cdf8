//! SWAN Casus: take one practice case through the SWAN method (Sociaal Werk op Alle
//! Niveaus, HAN & Movisie) in a team meeting, and keep what the group finds and decides.
//!
//! Layers, from the bottom: `model` (the case, no egui), `method` (the method texts as
//! data), `storage` (the case file), `i18n` and `messages` (user text), `cli`, and `ui`.

pub mod cli;
pub mod compare;
pub mod dates;
pub mod examples;
pub mod export;
pub mod i18n;
pub mod lint;
pub mod messages;
pub mod method;
pub mod model;
pub mod plain;
pub mod privacy;
pub mod settings;
pub mod signals;
pub mod storage;
pub mod syntax;
pub mod ui;
