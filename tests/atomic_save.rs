//! Saving is atomic: a process killed at any moment leaves the old or the new file whole.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use swan_casus::model::{Case, Entry, Level, Phase};
use swan_casus::storage;

/// A case of a few megabytes, so that writing it takes long enough to be interrupted.
fn large_case() -> Case {
    let mut case = Case {
        title: "Grote casus".into(),
        ..Case::default()
    };
    let text =
        "Mevrouw vertelt over de lift, de post en de buurtkamer; coöperatie, ĳs, café. ".repeat(8);
    for i in 0..1500 {
        let level = Level::ALL[i % 3];
        case.add_note(Phase::Understand, level, Entry::new(format!("{i}: {text}")));
    }
    case
}

/// Small, seeded, dependency-free pseudo-random numbers (xorshift).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

fn upgrade(path: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_swan-casus"))
        .arg("upgrade")
        .arg(path)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn killing_an_upgrade_at_random_moments_never_leaves_a_broken_file() {
    let temp = tempfile::tempdir().unwrap();
    let path = temp.path().join("groot.swan.ron");
    let case = large_case();
    // The "old" file: the same case written compactly, as another tool might.
    let old = format!(
        "(format_version: 1, case: {})",
        ron::to_string(&case).unwrap()
    );
    let new = storage::case_to_string(&case).unwrap();
    assert_ne!(old, new);

    // How long one whole upgrade takes here, to spread the kills over it.
    std::fs::write(&path, &old).unwrap();
    let started = Instant::now();
    assert!(upgrade(&path).wait().unwrap().success());
    let full = started.elapsed().as_micros() as u64;
    assert_eq!(std::fs::read_to_string(&path).unwrap(), new);

    let mut rng = Rng(0x5eed_cafe ^ full);
    let (mut saw_old, mut saw_new) = (0, 0);
    for round in 0..200 {
        std::fs::write(&path, &old).unwrap();
        let mut child = upgrade(&path);
        std::thread::sleep(Duration::from_micros(rng.below(full + full / 5)));
        let _ = child.kill();
        let _ = child.wait();
        let after = std::fs::read_to_string(&path).unwrap();
        if after == old {
            saw_old += 1;
        } else if after == new {
            saw_new += 1;
        } else {
            panic!("round {round}: the file is neither the old nor the new version");
        }
        assert_eq!(storage::load_case(&path).unwrap(), case, "round {round}");
        let backup = storage::backup_path(&path);
        if backup.exists() {
            let text = std::fs::read_to_string(&backup).unwrap();
            assert!(
                text == old || text == new,
                "round {round}: the .bak is cut off"
            );
        }
    }
    println!("200 kills: {saw_old} left the old file, {saw_new} the new one (full run {full} µs)");
    assert!(saw_old > 0 || saw_new > 0);
}
