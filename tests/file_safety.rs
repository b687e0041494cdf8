//! Files are sacred: no command may destroy, weaken or lose a case file, whatever the
//! path, the neighbours or the size. Run as real processes, on Unix.
#![cfg(unix)]

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt as _;
use std::os::unix::fs::{FileTypeExt as _, MetadataExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use swan_casus::storage;

fn swan() -> Command {
    Command::new(env!("CARGO_BIN_EXE_swan-casus"))
}

/// A case file in the current format's older form, so `upgrade` rewrites it.
fn old_case(folder: &Path, name: &str) -> PathBuf {
    let path = folder.join(name);
    let v1 = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/formats/v1.swan.ron");
    std::fs::copy(v1, &path).unwrap();
    path
}

/// Runs the command, killing it when it takes longer than `limit`.
fn run_within(mut command: Command, limit: Duration) -> Output {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{command:?} did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn mkfifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

#[test]
fn an_export_never_overwrites_its_input_however_it_is_spelt() {
    let temp = tempfile::tempdir().unwrap();
    let folder = temp.path().canonicalize().unwrap();
    let case = old_case(&folder, "c.swan.ron");
    let before = std::fs::read(&case).unwrap();
    std::fs::create_dir(folder.join("sub")).unwrap();
    std::os::unix::fs::symlink(&case, folder.join("link.swan.ron")).unwrap();
    std::fs::hard_link(&case, folder.join("hard.md")).unwrap();
    let spellings: [&OsStr; 5] = [
        OsStr::new("./c.swan.ron"),
        case.as_os_str(),
        OsStr::new("sub/../c.swan.ron"),
        OsStr::new("link.swan.ron"),
        OsStr::new("hard.md"),
    ];
    for output in spellings {
        let out = swan()
            .current_dir(&folder)
            .args(["export", "c.swan.ron", "--format", "md", "--output"])
            .arg(output)
            .output()
            .unwrap();
        assert_ne!(out.status.code(), Some(0), "{output:?} was accepted");
        assert!(
            stderr(&out).contains("casusbestand zelf"),
            "{}",
            stderr(&out)
        );
        assert_eq!(std::fs::read(&case).unwrap(), before, "{output:?}");
        assert!(!storage::backup_path(&case).exists());
    }
}

#[test]
fn devices_fifos_and_folders_are_never_replaced_by_an_export() {
    let temp = tempfile::tempdir().unwrap();
    let case = old_case(temp.path(), "c.swan.ron");
    let fifo = temp.path().join("pijp");
    mkfifo(&fifo);
    let folder_named_like_a_file = temp.path().join("map.md");
    std::fs::create_dir(&folder_named_like_a_file).unwrap();
    for output in [Path::new("/dev/null"), &fifo] {
        let mut command = swan();
        command
            .args(["export", "--format", "md", "--output"])
            .arg(output)
            .arg(&case);
        let out = run_within(command, Duration::from_secs(20));
        assert_ne!(out.status.code(), Some(0), "{}", output.display());
        assert!(
            stderr(&out).contains("geen gewoon bestand"),
            "{}",
            stderr(&out)
        );
    }
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    // A folder as --output for one file is where the export goes, by its own name.
    let out = swan()
        .args(["export", "--format", "md", "--output"])
        .arg(&folder_named_like_a_file)
        .arg(&case)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(folder_named_like_a_file.join("c.md").is_file());
}

#[test]
fn a_fifo_or_a_device_as_input_neither_hangs_nor_grows() {
    let temp = tempfile::tempdir().unwrap();
    let fifo = temp.path().join("pijp.swan.ron");
    mkfifo(&fifo);
    for input in [fifo.as_path(), Path::new("/dev/zero")] {
        for args in [&["check"][..], &["upgrade"], &["export", "--format", "csv"]] {
            let mut command = swan();
            command.args(args).arg(input).args(["--lang", "en"]);
            let out = run_within(command, Duration::from_secs(10));
            assert_eq!(out.status.code(), Some(1), "{args:?} {}", input.display());
            assert!(
                stderr(&out).contains("not a regular file"),
                "{}",
                stderr(&out)
            );
        }
    }
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
}

#[test]
fn upgrade_writes_through_a_symbolic_link_to_its_target() {
    let temp = tempfile::tempdir().unwrap();
    std::fs::create_dir(temp.path().join("echt")).unwrap();
    let real = old_case(&temp.path().join("echt"), "c.swan.ron");
    let before = std::fs::read_to_string(&real).unwrap();
    let link = temp.path().join("link.swan.ron");
    std::os::unix::fs::symlink("echt/c.swan.ron", &link).unwrap();
    let out = swan().arg("upgrade").arg(&link).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
    let after = std::fs::read_to_string(&real).unwrap();
    assert_ne!(after, before, "the target was rewritten");
    assert_eq!(std::fs::read_to_string(&link).unwrap(), after);
    assert_eq!(
        std::fs::read_to_string(storage::backup_path(&real)).unwrap(),
        before
    );
}

#[test]
fn upgrade_refuses_to_split_hard_links_and_says_why() {
    let temp = tempfile::tempdir().unwrap();
    let case = old_case(temp.path(), "c.swan.ron");
    let other = temp.path().join("ook.swan.ron");
    std::fs::hard_link(&case, &other).unwrap();
    let before = std::fs::read(&case).unwrap();
    let out = swan().arg("upgrade").arg(&case).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("harde koppelingen"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&other).unwrap(), before);
    let (a, b) = (
        std::fs::metadata(&case).unwrap(),
        std::fs::metadata(&other).unwrap(),
    );
    assert_eq!((a.dev(), a.ino()), (b.dev(), b.ino()), "still one file");
}

#[test]
fn upgrade_keeps_the_mode_and_refuses_a_read_only_file() {
    let temp = tempfile::tempdir().unwrap();
    for mode in [0o640, 0o664, 0o755] {
        let case = old_case(temp.path(), &format!("c{mode:o}.swan.ron"));
        std::fs::set_permissions(&case, std::fs::Permissions::from_mode(mode)).unwrap();
        let uid_gid = |p: &Path| {
            let m = std::fs::metadata(p).unwrap();
            (m.uid(), m.gid())
        };
        let owner = uid_gid(&case);
        let out = swan().arg("upgrade").arg(&case).output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        for file in [case.clone(), storage::backup_path(&case)] {
            let meta = std::fs::metadata(&file).unwrap();
            assert_eq!(meta.mode() & 0o777, mode, "{}", file.display());
            assert_eq!(uid_gid(&file), owner);
        }
    }
    let case = old_case(temp.path(), "c444.swan.ron");
    std::fs::set_permissions(&case, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&case).unwrap();
    let out = swan().arg("upgrade").arg(&case).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let message = stderr(&out);
    assert!(message.contains(&case.display().to_string()), "{message}");
    assert!(message.contains("alleen-lezen"), "{message}");
    assert_eq!(std::fs::read(&case).unwrap(), before);
    let meta = std::fs::metadata(&case).unwrap();
    assert_eq!(meta.mode() & 0o777, 0o444);
}

#[test]
fn a_new_file_gets_the_usual_mode_not_600() {
    let temp = tempfile::tempdir().unwrap();
    let case = old_case(temp.path(), "c.swan.ron");
    let output = temp.path().join("c.md");
    let out = swan()
        .args(["export", "--format", "md"])
        .arg(&case)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let mode = std::fs::metadata(&output).unwrap().mode() & 0o777;
    assert_ne!(
        mode, 0o600,
        "a new export is readable for the group as usual"
    );
    assert_eq!(mode & 0o044, 0o044 & !umask_of_this_process(), "{mode:o}");
}

/// The umask, from a file made the ordinary way.
fn umask_of_this_process() -> u32 {
    let temp = tempfile::tempdir().unwrap();
    let probe = temp.path().join("probe");
    std::fs::write(&probe, "").unwrap();
    !std::fs::metadata(&probe).unwrap().mode() & 0o777
}

#[test]
fn a_file_name_that_is_not_utf8_is_a_file_like_any_other() {
    let temp = tempfile::tempdir().unwrap();
    let name = OsStr::from_bytes(b"caf\xe9.swan.ron");
    let case = old_case(temp.path(), "tmp.swan.ron");
    let path = temp.path().join(name);
    std::fs::rename(&case, &path).unwrap();
    for args in [&["check"][..], &["upgrade"], &["export", "--format", "md"]] {
        let out = swan().args(args).arg(&path).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    }
    assert!(temp.path().join(OsStr::from_bytes(b"caf\xe9.md")).is_file());
    let mut output_option = b"--output=".to_vec();
    let output = temp.path().join(OsStr::from_bytes(b"uit\xff.csv"));
    output_option.extend_from_slice(output.as_os_str().as_bytes());
    let out = swan()
        .args(["export", "--format", "csv"])
        .arg(OsStr::from_bytes(&output_option))
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(output.is_file());
    let out = swan()
        .arg(OsStr::from_bytes(b"--bog\xffus"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "a usage error, not a panic");
}

#[test]
fn a_batch_that_would_write_one_name_twice_writes_nothing() {
    let temp = tempfile::tempdir().unwrap();
    for folder in ["a", "b", "uit"] {
        std::fs::create_dir(temp.path().join(folder)).unwrap();
    }
    let a = old_case(&temp.path().join("a"), "c.swan.ron");
    let b = old_case(&temp.path().join("b"), "c.swan.ron");
    let out = swan()
        .args(["export", "--format", "md", "--output"])
        .arg(temp.path().join("uit"))
        .arg(&a)
        .arg(&b)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("allebei"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_dir(temp.path().join("uit")).unwrap().count(),
        0
    );
}

#[test]
fn check_prints_no_terminal_escape_sequences() {
    let temp = tempfile::tempdir().unwrap();
    let path = temp.path().join("kleur.swan.ron");
    std::fs::write(
        &path,
        "(format_version: 3, case: (title: \"\\u{1b}]0;gehackt\\u{7}\\u{1b}[31mrood\\r\"))",
    )
    .unwrap();
    let out = swan().arg("check").arg(&path).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("rood"), "{stdout}");
    assert!(
        !stdout.trim_end().chars().any(char::is_control),
        "{stdout:?}"
    );
}

#[test]
fn check_names_hand_edits_that_load_but_do_harm() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/malformed/lint");
    // The file and what `check` must say about it (in English).
    let expected = [
        (
            "unknown-condition.swan.ron",
            "the condition “rechtvaardigheid”",
        ),
        ("unknown-factor.swan.ron", "the factor “buurt”"),
        ("unknown-role.swan.ron", "the role “voorzitter”"),
        ("unknown-contributor.swan.ron", "participant 7, who is not"),
        ("unknown-owner.swan.ron", "participant 9, who is not"),
        ("note-in-phase-2.swan.ron", "a note in phase 2"),
    ];
    let on_disk = std::fs::read_dir(&folder).unwrap().count();
    assert_eq!(on_disk, expected.len());
    for (file, says) in expected {
        let path = folder.join(file);
        let out = swan()
            .args(["check", "--lang", "en"])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{file}");
        let message = stderr(&out);
        assert!(
            message.starts_with(&format!("{}: ", path.display())) && message.contains(says),
            "{file}: {message}"
        );
    }
}
