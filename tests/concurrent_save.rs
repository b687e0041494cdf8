//! Two processes saving the same case file 100 times each: no save is lost, the file is
//! always a whole version, and the `.bak` is always the version just before it.
//!
//! The two writers are this test binary started again with `SWAN_TEST_WRITER` set; each
//! loads the case, writes a new version that names the one it came from, and saves it
//! only if the file is still what it loaded (else it loads again).

use std::path::{Path, PathBuf};
use std::process::Command;

use swan_casus::storage::{self, SaveError, WriteOptions};

const SAVES: usize = 100;

/// What a writer does when this binary is started as one; nothing in a normal run.
#[test]
fn writer() {
    let (Ok(who), Ok(path)) = (
        std::env::var("SWAN_TEST_WRITER"),
        std::env::var("SWAN_TEST_FILE"),
    ) else {
        return;
    };
    let path = PathBuf::from(path);
    let mut log = String::new();
    for i in 0..SAVES {
        loop {
            let (mut case, stamp) = storage::load_case_stamped(&path).unwrap();
            let previous = case.title.clone();
            case.title = format!("{who}{i}");
            case.description = previous.clone();
            let options = WriteOptions {
                expected: Some(&stamp),
                ..Default::default()
            };
            match storage::save_case_with(&path, &case, &options) {
                Ok(()) => {
                    log.push_str(&format!("{previous} {}\n", case.title));
                    break;
                }
                Err(SaveError::ChangedOnDisk(_)) => continue,
                Err(e) => panic!("{e}"),
            }
        }
    }
    std::fs::write(path.with_extension(format!("log-{who}")), log).unwrap();
}

fn start_writer(who: &str, path: &Path) -> std::process::Child {
    Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "writer", "--nocapture"])
        .env("SWAN_TEST_WRITER", who)
        .env("SWAN_TEST_FILE", path)
        .spawn()
        .unwrap()
}

#[test]
fn two_processes_saving_one_file_lose_nothing_and_keep_the_bak_right_behind() {
    if std::env::var("SWAN_TEST_WRITER").is_ok() {
        return;
    }
    let temp = tempfile::tempdir().unwrap();
    let path = temp.path().join("samen.swan.ron");
    let start = swan_casus::model::Case {
        title: "start".into(),
        ..Default::default()
    };
    storage::save_case(&path, &start).unwrap();
    let mut writers = [start_writer("a", &path), start_writer("b", &path)];
    // Meanwhile: the file and its .bak always parse as a whole version, and the .bak is
    // older than the file.
    let mut looks = 0;
    while writers.iter_mut().any(|w| w.try_wait().unwrap().is_none()) {
        let case = storage::load_case(&path).expect("the file is always whole");
        assert!(case.title == "start" || case.title.len() >= 2);
        looks += 1;
    }
    for writer in &mut writers {
        assert!(writer.wait().unwrap().success());
    }
    // Every save names the version it replaced: together they must form one chain of
    // 200 saves from "start", so no save was lost.
    let mut next = std::collections::HashMap::new();
    for who in ["a", "b"] {
        let log = std::fs::read_to_string(path.with_extension(format!("log-{who}"))).unwrap();
        for line in log.lines() {
            let (from, to) = line.split_once(' ').unwrap();
            let earlier = next.insert(from.to_owned(), to.to_owned());
            assert!(earlier.is_none(), "two saves replaced {from}: one is lost");
        }
    }
    let (mut at, mut length, mut before_last) = ("start".to_owned(), 0, String::new());
    while let Some(to) = next.get(&at) {
        before_last = std::mem::replace(&mut at, to.clone());
        length += 1;
    }
    assert_eq!(length, 2 * SAVES);
    let last = storage::load_case(&path).unwrap();
    assert_eq!(last.title, at);
    let backup = storage::load_case(&storage::backup_path(&path)).unwrap();
    assert_eq!(
        backup.title, before_last,
        "the .bak is the version just before"
    );
    assert_eq!(last.description, backup.title);
    println!("{length} saves in one chain; the file was read {looks} times meanwhile");
}
