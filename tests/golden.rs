//! Golden tests: every `tests/fixtures/<slug>/source.txt` is analysed and the
//! result compared with `expected.json` beside it (code-point offsets, the
//! CLI's `--format json`). `UPDATE_GOLDEN=1 cargo test --test golden`
//! rewrites the expected files; review the change as a diff.
#![cfg(not(target_family = "wasm"))]

use std::path::Path;

use quotelight::wire::WireAnalysis;
use quotelight::{analyze, OffsetUnit, Options};

fn render(text: &str) -> String {
    let analysis = analyze(text, &Options::default());
    let wire = WireAnalysis::new(&analysis, text, OffsetUnit::CodePoint);
    serde_json::to_string_pretty(&wire).expect("the wire shape serialises") + "\n"
}

#[test]
fn fixtures_match_their_expected_analysis() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .expect("tests/fixtures exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("source.txt").exists())
        .collect();
    dirs.sort();
    assert!(
        dirs.len() >= 8,
        "expected the fixture articles, found {}",
        dirs.len()
    );
    let mut stale = Vec::new();
    for dir in dirs {
        let text = std::fs::read_to_string(dir.join("source.txt")).expect("fixture is UTF-8");
        let got = render(&text);
        let expected_path = dir.join("expected.json");
        if update {
            std::fs::write(&expected_path, &got).expect("expected.json is writable");
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != got {
            stale.push(
                dir.file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
            );
        }
    }
    assert!(stale.is_empty(), "analysis changed for {stale:?}: review with UPDATE_GOLDEN=1 cargo test --test golden && git diff tests/fixtures");
}

#[test]
fn golden_rendering_counts_code_points() {
    let text = "😊 “Ça va,” dit-elle.";
    let got = render(text);
    let value: serde_json::Value = serde_json::from_str(&got).unwrap();
    assert_eq!(value["quotes"][0]["start"], 2);
    assert_eq!(value["quotes"][0]["end"], 10);
}
