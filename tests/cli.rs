//! The `quotelight` command as users run it: formats, offsets, several files
//! with a bad one among them, batch mode and standard input.
#![cfg(not(target_family = "wasm"))]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// An emoji (two UTF-16 units, four bytes) and curly marks before the
/// quotation, so that the three offset units all differ.
const ARTICLE: &str = "🌊 Harbour news\n“We will rebuild the pier before the summer,” Mayor Dana Alverson said on Monday.\n";

fn quotelight(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_quotelight"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the command starts");
    let mut input = child.stdin.take().expect("stdin is piped");
    // A command that stops at a usage error may exit before it reads its
    // input: a closed pipe is then no failure of the test.
    if let Err(e) = input.write_all(stdin.unwrap_or("").as_bytes()) {
        assert_eq!(
            e.kind(),
            std::io::ErrorKind::BrokenPipe,
            "stdin takes the text: {e}"
        );
    }
    drop(input);
    child.wait_with_output().expect("the command ends")
}

/// Writes `contents` to a file of its own for this test.
fn file(name: &str, contents: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("quotelight-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary folder");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("temporary file");
    path
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).expect("the output is JSON")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn json_of_one_file_gives_the_quotation_its_speaker_in_code_points() {
    let path = file("one.txt", ARTICLE.as_bytes());
    let out = quotelight(
        &["analyze", "--format", "json", path.to_str().unwrap()],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let v = json(&out);
    let q = &v["quotes"][0];
    assert_eq!(q["kind"], "direct");
    assert_eq!(q["text"], "“We will rebuild the pier before the summer,”");
    let speaker = &v["speakers"][q["speaker"].as_u64().unwrap() as usize];
    assert_eq!(speaker["name"], "Dana Alverson");
    assert_eq!(speaker["role"], "mayor");
    // "🌊 Harbour news\n" is 15 code points, 16 UTF-16 units and 18 bytes.
    assert_eq!(q["start"], 15);
}

#[test]
fn offsets_follow_the_unit_asked_for() {
    let path = file("units.txt", ARTICLE.as_bytes());
    let start = |unit: &str| {
        let out = quotelight(
            &[
                "analyze",
                "--format",
                "json",
                "--offsets",
                unit,
                path.to_str().unwrap(),
            ],
            None,
        );
        assert!(out.status.success(), "{}", stderr(&out));
        json(&out)["quotes"][0]["start"].as_u64().unwrap()
    };
    assert_eq!(start("codepoint"), 15);
    assert_eq!(start("utf16"), 16);
    assert_eq!(start("utf8"), 18);
}

#[test]
fn a_file_that_is_not_text_is_an_error_and_the_others_are_still_analysed() {
    let good = file("good.txt", ARTICLE.as_bytes());
    let binary = file("binary.bin", b"\x00\x01\xff\xfe\x00 not text");
    let latin1 = file("latin1.txt", b"caf\xe9 \xab bonjour \xbb");
    let out = quotelight(
        &[
            "analyze",
            "--format",
            "json",
            good.to_str().unwrap(),
            binary.to_str().unwrap(),
            latin1.to_str().unwrap(),
            good.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("binary.bin"), "{err}");
    assert!(err.contains("latin1.txt"), "{err}");
    let all = json(&out);
    let all = all.as_array().expect("an array for several files");
    assert_eq!(all.len(), 2, "the two readable files");
    for one in all {
        assert_eq!(one["file"], good.to_str().unwrap());
        assert_eq!(one["quotes"].as_array().unwrap().len(), 1);
    }
}

#[test]
fn batch_mode_answers_every_record_in_order_and_reports_bad_lines() {
    let input = concat!(
        "{\"id\": 7, \"text\": \"“We will rebuild the pier before the summer,” Dana Alverson said.\"}\n",
        "not json\n",
        "{\"id\": \"b\", \"text\": \"No quotation here.\"}\n",
        "{\"id\": null}\n",
        "{\"id\": [1, 2], \"text\": \"“The water is safe again,” the council said in a statement.\"}\n",
    );
    let out = quotelight(&["analyze", "--format", "jsonl"], Some(input));
    assert_eq!(out.status.code(), Some(1), "bad lines make the run fail");
    let err = stderr(&out);
    assert!(err.contains("-:2: not JSON"), "{err}");
    assert!(err.contains("-:4: no \"text\""), "{err}");
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    let ids: Vec<&Value> = lines.iter().map(|l| &l["id"]).collect();
    assert_eq!(
        ids,
        [
            &Value::from(7),
            &Value::from("b"),
            &serde_json::json!([1, 2])
        ]
    );
    assert_eq!(lines[0]["speakers"][0]["name"], "Dana Alverson");
    assert_eq!(lines[1]["quotes"].as_array().unwrap().len(), 0);
    assert_eq!(lines[2]["speakers"][0]["type"], "organization");
}

#[test]
fn standard_input_and_the_text_report() {
    let out = quotelight(&["analyze"], Some(ARTICLE));
    assert!(out.status.success(), "{}", stderr(&out));
    let report = String::from_utf8(out.stdout).unwrap();
    let speaker = report.find("Dana Alverson").expect("the speaker is named");
    let quote = report
        .find("We will rebuild the pier")
        .expect("the quotation is listed");
    assert!(speaker < quote, "grouped under its speaker:\n{report}");
}

#[test]
fn an_unknown_option_is_a_usage_error() {
    let out = quotelight(&["analyze", "--format", "yaml"], Some(ARTICLE));
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("Usage"), "{}", stderr(&out));
}
