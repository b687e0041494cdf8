//! The command line, run as a real process.

use std::path::Path;
use std::process::Command;

fn swan() -> Command {
    Command::new(env!("CARGO_BIN_EXE_swan-casus"))
}

fn example(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/examples")
        .join(name)
}

#[test]
fn check_accepts_the_example_cases() {
    let out = swan()
        .arg("check")
        .arg(example("voorbeeld-scootmobiel.swan.ron"))
        .arg(example("example-mobility-scooter.swan.ron"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
    assert!(stdout.contains("in orde"), "{stdout}");
}

#[test]
fn check_reports_each_bad_file_with_line_and_column() {
    let temp = tempfile::tempdir().unwrap();
    let broken = temp.path().join("broken.swan.ron");
    std::fs::write(
        &broken,
        "(\n    format_version: 1,\n    case: (title: 42),\n)\n",
    )
    .unwrap();
    let newer = temp.path().join("newer.swan.ron");
    std::fs::write(&newer, "(format_version: 99, case: ())").unwrap();
    let missing = temp.path().join("missing.swan.ron");
    let out = swan()
        .args(["check", "--lang", "en"])
        .arg(example("voorbeeld-scootmobiel.swan.ron"))
        .arg(&broken)
        .arg(&newer)
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 4, "{stderr}");
    assert!(
        lines[0].starts_with(&format!("{}:3:", broken.display())),
        "{stderr}"
    );
    assert!(
        lines[1].starts_with(&newer.display().to_string()) && lines[1].contains("newer version"),
        "{stderr}"
    );
    assert!(
        lines[2].starts_with(&missing.display().to_string()) && lines[2].contains("cannot be read"),
        "{stderr}"
    );
    assert!(lines[3].contains("3 of 4"), "{stderr}");
    // Checking changes nothing.
    assert_eq!(
        std::fs::read_to_string(&broken).unwrap(),
        "(\n    format_version: 1,\n    case: (title: 42),\n)\n"
    );
}

#[test]
fn help_version_and_usage_errors() {
    let out = swan().arg("--help").output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("swan-casus check"));
    let out = swan().args(["--help", "--lang", "en"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Usage"));
    let out = swan().arg("--version").output().unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("swan-casus {}", env!("CARGO_PKG_VERSION"))
    );
    let out = swan().arg("--bogus").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--bogus"));
    let out = swan().arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn every_older_format_version_still_loads() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/formats");
    for version in 1..=swan_casus::storage::FORMAT_VERSION {
        let path = dir.join(format!("v{version}.swan.ron"));
        let case = swan_casus::storage::load_case(&path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(case.title, "Jonge mantelzorger");
        assert_eq!(case.notes.len(), 2);
        assert_eq!(
            case.options[0].decision,
            swan_casus::model::Decision::Chosen
        );
    }
}

#[test]
fn upgrade_rewrites_in_the_current_format_and_keeps_a_backup() {
    let temp = tempfile::tempdir().unwrap();
    let original = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/formats/v1.swan.ron");
    let path = temp.path().join("oud.swan.ron");
    std::fs::copy(&original, &path).unwrap();
    let before = std::fs::read_to_string(&path).unwrap();
    let broken = temp.path().join("kapot.swan.ron");
    std::fs::write(&broken, "(format_version: 1, case: (").unwrap();

    let out = swan()
        .arg("upgrade")
        .arg(&path)
        .arg(&broken)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "one file was bad");
    let after = std::fs::read_to_string(&path).unwrap();
    let current = format!(
        "(\n    format_version: {},",
        swan_casus::storage::FORMAT_VERSION
    );
    assert!(after.starts_with(&current), "{after}");
    assert_eq!(
        std::fs::read_to_string(swan_casus::storage::backup_path(&path)).unwrap(),
        before
    );
    assert_eq!(
        swan_casus::storage::case_from_str(&after).unwrap(),
        swan_casus::storage::case_from_str(&before).unwrap()
    );
    // The bad file is left exactly as it was, and gets no backup.
    assert_eq!(
        std::fs::read_to_string(&broken).unwrap(),
        "(format_version: 1, case: ("
    );
    assert!(!swan_casus::storage::backup_path(&broken).exists());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with(&broken.display().to_string()),
        "{stderr}"
    );
}
