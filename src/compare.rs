//! Sessions of one case compared, for the teacher: several groups worked the same case,
//! each saved a file; this lines them up side by side, one column per group, and says in
//! words where they differ. No group is "wrong": a difference is marked to open the
//! conversation, never as a verdict. Pure: loading is a separate step
//! ([`load_sessions`]), building ([`compare`]) is a function of the loaded cases.

use std::path::{Path, PathBuf};

use crate::export::Names;
use crate::export::plan::level_name;
use crate::i18n::{Language, tr, tr_args, tr_count};
use crate::method::Method;
use crate::model::{Case, Decision, Level, Phase, Stage};
use crate::storage::{self, LoadError};

/// One group's saved session, with the file it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub path: PathBuf,
    pub case: Case,
}

/// A file that was asked for but could not be used, and why.
#[derive(Debug, PartialEq)]
pub struct Skipped {
    pub path: PathBuf,
    pub error: LoadError,
}

/// What was loaded from the files and folders asked for.
#[derive(Debug, Default, PartialEq)]
pub struct Loaded {
    pub sessions: Vec<Session>,
    pub skipped: Vec<Skipped>,
}

/// Loads every file named, and every case file (`*.swan.ron`) in every folder named,
/// sorted by name within a folder. A file named twice is loaded once. A file that does
/// not load is kept in `skipped` with its reason, never dropped silently.
pub fn load_sessions(paths: &[PathBuf]) -> Loaded {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut loaded = Loaded::default();
    for path in paths {
        if path.is_dir() {
            match case_files_in(path) {
                Ok(found) => files.extend(found),
                Err(e) => loaded.skipped.push(Skipped {
                    path: path.clone(),
                    error: LoadError::Read(e.kind()),
                }),
            }
        } else {
            files.push(path.clone());
        }
    }
    let mut seen: Vec<PathBuf> = Vec::new();
    for path in files {
        let identity = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if seen.contains(&identity) {
            continue;
        }
        seen.push(identity);
        match storage::load_case(&path) {
            Ok(case) => loaded.sessions.push(Session { path, case }),
            Err(error) => loaded.skipped.push(Skipped { path, error }),
        }
    }
    loaded
}

/// The case files directly in `folder`, by name.
fn case_files_in(folder: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(folder)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.to_ascii_lowercase().ends_with(".swan.ron"))
        })
        .collect();
    found.sort();
    Ok(found)
}

/// Fewer than two sessions loaded: nothing to compare.
#[derive(Debug, PartialEq, Eq)]
pub struct TooFew {
    pub loaded: usize,
}

/// The comparison, ready to show or render: one column per group, sections of rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub language: Language,
    /// "Sessies vergeleken: {case}".
    pub title: String,
    /// One heading per group, in column order.
    pub groups: Vec<GroupHead>,
    /// Things to read before the table: files skipped, sessions of another case.
    pub warnings: Vec<String>,
    /// How to read the marks, in words.
    pub legend: String,
    /// The differences in words, per section title, in section order.
    pub differences: Vec<(String, Vec<String>)>,
    pub sections: Vec<Section>,
    /// The method's credit.
    pub credit: String,
}

/// A column's heading: "Groep 1", and the file it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupHead {
    pub name: String,
    pub file: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub title: String,
    pub rows: Vec<Row>,
}

/// One thing compared across the groups.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub label: String,
    /// One per group, in column order.
    pub cells: Vec<Cell>,
    /// What differs on this row, in words; `None` when nothing stands out.
    pub difference: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub text: String,
    /// This group differs from the others here (see the row's `difference`).
    pub marked: bool,
}

/// The mark before a cell that differs, beside the words that say how.
pub const MARK: &str = "♦";

/// Compares the sessions: with pseudonyms (the default) or the registered names.
pub fn compare(
    sessions: &[Session],
    skipped: &[Skipped],
    method: &Method,
    language: Language,
    names: Names,
) -> Result<Comparison, TooFew> {
    if sessions.len() < 2 {
        return Err(TooFew {
            loaded: sessions.len(),
        });
    }
    let cases: Vec<Case> = sessions
        .iter()
        .map(|s| match names {
            Names::Pseudonymised => crate::privacy::pseudonymise(&s.case, language),
            Names::Real => s.case.clone(),
        })
        .collect();
    let w = Words {
        language,
        method,
        groups: (1..=cases.len())
            .map(|n| tr_args(language, "compare.group", &[("number", &n.to_string())]))
            .collect(),
    };
    let groups = sessions
        .iter()
        .zip(&w.groups)
        .map(|(s, name)| GroupHead {
            name: name.clone(),
            file: file_name(&s.path),
        })
        .collect();
    let mut warnings: Vec<String> = skipped
        .iter()
        .map(|s| {
            tr_args(
                language,
                "compare.skipped",
                &[
                    ("file", &file_name(&s.path)),
                    ("reason", &crate::messages::load_error(language, &s.error)),
                ],
            )
        })
        .collect();
    warnings.extend(other_case_warning(&cases, &w));
    warnings.extend(copy_warnings(&cases, &w));
    let sections: Vec<Section> = [
        group_section(&cases, &w),
        count_section(&cases, &w, Phase::Understand),
        count_section(&cases, &w, Phase::Possibilities),
        count_section(&cases, &w, Phase::Choice),
        chosen_section(&cases, &w),
        condition_section(&cases, &w),
        signal_section(&cases, &w),
    ]
    .into_iter()
    .chain(time_section(&cases, &w))
    .collect();
    let differences = sections
        .iter()
        .map(|s| {
            let said = s.rows.iter().filter_map(|r| r.difference.clone());
            (s.title.clone(), said.collect::<Vec<_>>())
        })
        .filter(|(_, said)| !said.is_empty())
        .collect();
    let first_title = cases[0].title.trim();
    let title = if first_title.is_empty() {
        tr(language, "compare.title_untitled").to_owned()
    } else {
        tr_args(language, "compare.title", &[("case", first_title)])
    };
    Ok(Comparison {
        language,
        title,
        groups,
        warnings,
        legend: tr_args(language, "compare.legend", &[("mark", MARK)]),
        differences,
        sections,
        credit: method.credit.get(language).to_owned(),
    })
}

/// The file's name without its folder, as the group's file is known.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// What every section needs: the language, the method and the groups' names.
struct Words<'a> {
    language: Language,
    method: &'a Method,
    groups: Vec<String>,
}

impl Words<'_> {
    fn t(&self, key: &str) -> String {
        tr(self.language, key).to_owned()
    }

    /// "Groep 1, Groep 3 en Groep 4".
    fn names(&self, indices: &[usize]) -> String {
        let names: Vec<&str> = indices.iter().map(|&i| self.groups[i].as_str()).collect();
        match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => tr_args(
                self.language,
                "compare.list",
                &[("first", &rest.join(", ")), ("last", last)],
            ),
            Some((only, _)) => (*only).to_owned(),
            None => String::new(),
        }
    }

    /// A row in which the groups that have nothing are marked, when others do have
    /// something: `has[i]` tells whether group i has something here.
    fn row_missing(&self, label: String, texts: Vec<String>, has: &[bool], what: &str) -> Row {
        let without: Vec<usize> = (0..has.len()).filter(|&i| !has[i]).collect();
        let with: Vec<usize> = (0..has.len()).filter(|&i| has[i]).collect();
        let differs = !without.is_empty() && !with.is_empty();
        let difference = differs.then(|| {
            tr_args(
                self.language,
                "compare.diff.missing",
                &[
                    ("what", &label),
                    ("without", &self.names(&without)),
                    ("with", &self.names(&with)),
                    ("thing", what),
                ],
            )
        });
        Row {
            cells: texts
                .into_iter()
                .zip(has)
                .map(|(text, has)| Cell {
                    text,
                    marked: differs && !has,
                })
                .collect(),
            label,
            difference,
        }
    }
}

/// Plain rows with nothing marked.
fn plain_row(label: String, texts: Vec<String>) -> Row {
    Row {
        label,
        cells: texts
            .into_iter()
            .map(|text| Cell {
                text,
                marked: false,
            })
            .collect(),
        difference: None,
    }
}

/// Normalised for comparing: words apart by single spaces, lower case.
fn folded(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A session seems to be of the same case as the first when its title or its
/// description is the same (groups often put their name in the title).
fn other_case_warning(cases: &[Case], w: &Words<'_>) -> Option<String> {
    let first = &cases[0];
    let same = |c: &Case| {
        folded(&c.title) == folded(&first.title)
            || folded(&c.description) == folded(&first.description)
    };
    let others: Vec<usize> = (1..cases.len()).filter(|&i| !same(&cases[i])).collect();
    (!others.is_empty()).then(|| {
        tr_args(
            w.language,
            "compare.other_case",
            &[("groups", &w.names(&others)), ("first", &w.groups[0])],
        )
    })
}

/// Sessions equal in every field to an earlier one: the same work counted twice, most
/// likely a copied file.
fn copy_warnings(cases: &[Case], w: &Words<'_>) -> Vec<String> {
    (1..cases.len())
        .filter_map(|i| {
            let earlier = (0..i).find(|&j| cases[j] == cases[i])?;
            Some(tr_args(
                w.language,
                "compare.copy",
                &[("group", &w.groups[i]), ("first", &w.groups[earlier])],
            ))
        })
        .collect()
}

/// Who the group is: file, participants, case title.
fn group_section(cases: &[Case], w: &Words<'_>) -> Section {
    let participants = cases
        .iter()
        .map(|c| {
            let names: Vec<String> = c
                .participants
                .iter()
                .map(|p| p.name.trim())
                .filter(|n| !n.is_empty())
                .map(str::to_owned)
                .collect();
            if names.is_empty() {
                w.t("compare.nobody")
            } else {
                names.join(", ")
            }
        })
        .collect();
    let titles = cases
        .iter()
        .map(|c| {
            let title = c.title.trim();
            if title.is_empty() {
                w.t("compare.no_title")
            } else {
                title.to_owned()
            }
        })
        .collect();
    let dates = cases
        .iter()
        .map(|c| {
            c.meeting_date
                .map(crate::dates::format_date)
                .unwrap_or_else(|| "—".to_owned())
        })
        .collect();
    Section {
        title: w.t("compare.section.group"),
        rows: vec![
            plain_row(w.t("compare.row.participants"), participants),
            plain_row(w.t("compare.row.case_title"), titles),
            plain_row(w.t("compare.row.date"), dates),
        ],
    }
}

/// How many notes (phases 1 and 3) or options (phase 2) each group has per level.
fn count_section(cases: &[Case], w: &Words<'_>, phase: Phase) -> Section {
    let (key, thing) = match phase {
        Phase::Possibilities => ("compare.section.options", "compare.thing.options"),
        _ => ("compare.section.notes", "compare.thing.notes"),
    };
    let title = tr_args(
        w.language,
        key,
        &[(
            "phase",
            &w.method.stage_title(w.language, Stage::Phase(phase)),
        )],
    );
    let rows = Level::ALL
        .into_iter()
        .map(|level| {
            let counts: Vec<usize> = cases
                .iter()
                .map(|c| match phase {
                    Phase::Possibilities => c.options_in(level).count(),
                    _ => c.notes_in(phase, level).count(),
                })
                .collect();
            let has: Vec<bool> = counts.iter().map(|&n| n > 0).collect();
            let texts = counts.iter().map(usize::to_string).collect();
            w.row_missing(
                level_name(w.method, w.language, level),
                texts,
                &has,
                &w.t(thing),
            )
        })
        .collect();
    Section { title, rows }
}

/// The chosen interventions per level.
fn chosen_section(cases: &[Case], w: &Words<'_>) -> Section {
    let rows = Level::ALL
        .into_iter()
        .map(|level| {
            let chosen: Vec<Vec<String>> = cases
                .iter()
                .map(|c| {
                    c.options_in(level)
                        .filter(|o| o.decision == Decision::Chosen)
                        .map(|o| format!("• {}", o.entry.text.trim()))
                        .collect()
                })
                .collect();
            let has: Vec<bool> = chosen.iter().map(|c| !c.is_empty()).collect();
            let texts = chosen
                .into_iter()
                .map(|c| {
                    if c.is_empty() {
                        w.t("compare.none_chosen")
                    } else {
                        c.join("\n")
                    }
                })
                .collect();
            w.row_missing(
                level_name(w.method, w.language, level),
                texts,
                &has,
                &w.t("compare.thing.chosen"),
            )
        })
        .collect();
    Section {
        title: w.t("compare.section.chosen"),
        rows,
    }
}

/// Which social-quality conditions each group tagged, and how often: the method's
/// conditions in its order, then any key the method does not know.
fn condition_section(cases: &[Case], w: &Words<'_>) -> Section {
    let tagged = |c: &Case, key: &str| {
        c.notes
            .iter()
            .map(|n| &n.entry)
            .chain(c.options.iter().map(|o| &o.entry))
            .filter(|e| e.conditions.iter().any(|k| k == key))
            .count()
    };
    let mut keys: Vec<(String, String)> = w
        .method
        .conditions
        .iter()
        .map(|c| {
            let name = format!("{} ({})", c.title.get(w.language), c.value.get(w.language));
            (c.key.clone(), name)
        })
        .collect();
    let mut unknown: Vec<String> = cases
        .iter()
        .flat_map(|c| {
            c.notes
                .iter()
                .map(|n| &n.entry)
                .chain(c.options.iter().map(|o| &o.entry))
        })
        .flat_map(|e| e.conditions.iter().cloned())
        .filter(|k| w.method.condition(k).is_none())
        .collect();
    unknown.sort();
    unknown.dedup();
    keys.extend(unknown.into_iter().map(|k| (k.clone(), k)));
    let rows = keys
        .into_iter()
        .map(|(key, name)| {
            let counts: Vec<usize> = cases.iter().map(|c| tagged(c, &key)).collect();
            let has: Vec<bool> = counts.iter().map(|&n| n > 0).collect();
            let texts = counts
                .iter()
                .map(|&n| {
                    if n == 0 {
                        w.t("compare.not_covered")
                    } else {
                        tr_count(w.language, "compare.covered", n, &[])
                    }
                })
                .collect();
            w.row_missing(name, texts, &has, &w.t("compare.thing.condition"))
        })
        .collect();
    Section {
        title: w.t("compare.section.conditions"),
        rows,
    }
}

/// The signals to organisation or policy each group passed on.
fn signal_section(cases: &[Case], w: &Words<'_>) -> Section {
    let lists: Vec<Vec<String>> = cases
        .iter()
        .map(|c| {
            c.signals()
                .map(|(level, entry, signal)| {
                    let mut line = format!("• {}: {}", level.number(), entry.text.trim());
                    let to = signal.to.trim();
                    if !to.is_empty() {
                        line.push_str(&format!(" — {to}"));
                    }
                    let change = signal.change.trim();
                    if !change.is_empty() {
                        line.push_str(&format!(": {change}"));
                    }
                    line
                })
                .collect()
        })
        .collect();
    let has: Vec<bool> = lists.iter().map(|l| !l.is_empty()).collect();
    let counts = lists.iter().map(|l| l.len().to_string()).collect();
    let texts = lists
        .into_iter()
        .map(|l| {
            if l.is_empty() {
                "—".to_owned()
            } else {
                l.join("\n")
            }
        })
        .collect();
    Section {
        title: w.t("compare.section.signals"),
        rows: vec![
            w.row_missing(
                w.t("compare.row.signal_count"),
                counts,
                &has,
                &w.t("compare.thing.signals"),
            ),
            plain_row(w.t("compare.row.signals"), texts),
        ],
    }
}

/// Minutes per step, for the steps any group timed; none when no group did.
fn time_section(cases: &[Case], w: &Words<'_>) -> Option<Section> {
    let stages: Vec<Stage> = Stage::ALL
        .into_iter()
        .filter(|&s| cases.iter().any(|c| c.meeting.spent(s).0 > 0))
        .collect();
    if stages.is_empty() {
        return None;
    }
    let mut rows: Vec<Row> = stages
        .into_iter()
        .map(|stage| {
            let texts = cases
                .iter()
                .map(|c| match c.meeting.spent(stage).0 {
                    0 => "—".to_owned(),
                    seconds => minutes_text(w.language, seconds),
                })
                .collect();
            plain_row(w.method.stage_title(w.language, stage), texts)
        })
        .collect();
    let totals = cases
        .iter()
        .map(|c| match c.meeting.total_spent() {
            0 => w.t("compare.not_timed"),
            seconds => minutes_text(w.language, seconds),
        })
        .collect();
    rows.push(plain_row(w.t("compare.row.total_time"), totals));
    Some(Section {
        title: w.t("compare.section.time"),
        rows,
    })
}

fn minutes_text(language: Language, seconds: u64) -> String {
    tr_args(
        language,
        "compare.minutes",
        &[("minutes", &crate::export::meeting::minutes(seconds))],
    )
}

/// The message when fewer than two sessions could be loaded.
pub fn too_few_message(language: Language, too_few: &TooFew) -> String {
    tr_count(language, "compare.too_few", too_few.loaded, &[])
}

#[cfg(test)]
mod tests;
