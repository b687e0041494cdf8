//! Nothing leaves the machine: no crate that can talk to the network is in the build,
//! and our own code opens no socket.

use std::path::Path;
use std::process::Command;

/// Crates that open network connections (HTTP clients, TLS, async sockets).
const NETWORK_CRATES: &[&str] = &[
    "reqwest",
    "ureq",
    "hyper",
    "curl",
    "curl-sys",
    "isahc",
    "surf",
    "attohttpc",
    "native-tls",
    "rustls",
    "openssl",
    "openssl-sys",
    "tokio",
    "h2",
    "quinn",
    "tungstenite",
    "socket2",
];

#[test]
fn no_network_crate_is_in_the_dependency_tree() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args([
            "tree",
            "--locked",
            "--offline",
            "-e",
            "normal",
            "--prefix",
            "none",
        ])
        .args(["--format", "{p}"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tree = String::from_utf8_lossy(&out.stdout);
    let crates: Vec<&str> = tree
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    assert!(crates.len() > 100, "the tree looks too small: {tree}");
    let found: Vec<&&str> = NETWORK_CRATES
        .iter()
        .filter(|name| crates.contains(name))
        .collect();
    assert!(found.is_empty(), "network crates in the build: {found:?}");
}

#[test]
fn our_code_opens_no_socket() {
    let mut files = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else if path.extension().is_some_and(|e| e == "rs") {
            let source = std::fs::read_to_string(&path).unwrap();
            for forbidden in ["std::net", "TcpStream", "UdpSocket", "TcpListener"] {
                assert!(
                    !source.contains(forbidden),
                    "{} uses {forbidden}",
                    path.display()
                );
            }
        }
    }
}
