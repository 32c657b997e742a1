//! wasm API tests shared by `wasm_node.rs` and `wasm_browser.rs`: the same
//! assertions run under node and in headless Chromium.

use quotelight::wasm::{version, Analyzer};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

/// A plain JavaScript object `{ key: value }`, as a page would pass it.
fn js(key: &str, value: JsValue) -> JsValue {
    let object = js_sys::Object::new();
    js_sys::Reflect::set(&object, &JsValue::from_str(key), &value)
        .expect("a fresh object takes properties");
    object.into()
}

fn analyze(text: &str) -> serde_json::Value {
    let mut analyzer = Analyzer::new(JsValue::UNDEFINED).expect("default options");
    let value = analyzer.analyze(text).expect("analysis");
    serde_wasm_bindgen::from_value(value).expect("the analysis is plain data")
}

#[wasm_bindgen_test]
fn offsets_are_utf16_code_units() {
    let text = "😊 “We won again,” she said.";
    let a = analyze(text);
    let q = &a["quotes"][0];
    // JavaScript numbers come back as f64.
    assert_eq!(q["start"].as_f64(), Some(3.0));
    assert_eq!(q["end"].as_f64(), Some(18.0));
    assert_eq!(q["text"], "“We won again,”");
    assert_eq!(q["kind"], "direct");
    assert_eq!(q["cue"]["start"].as_f64(), Some(23.0));
    assert_eq!(q["confidence"].as_f64(), Some(0.93));
}

#[wasm_bindgen_test]
fn speakers_cross_the_boundary_with_their_fields() {
    let a = analyze("“We will not back down,” Chinese foreign minister Wang Yi said.");
    let s = &a["speakers"][0];
    assert_eq!(s["name"], "Wang Yi");
    assert_eq!(s["role"], "foreign minister");
    assert_eq!(s["affiliation"], "China");
    assert_eq!(s["type"], "person");
    assert_eq!(s["official"], true);
    assert_eq!(a["quotes"][0]["speaker"].as_f64(), Some(0.0));
}

#[wasm_bindgen_test]
fn options_are_read_and_bad_options_are_errors() {
    let mut analyzer =
        Analyzer::new(js("includeNonSpeech", JsValue::FALSE)).expect("valid options");
    let value = analyzer.analyze("It was a so-called “lottery”.").unwrap();
    let a: serde_json::Value = serde_wasm_bindgen::from_value(value).unwrap();
    assert_eq!(a["quotes"].as_array().map(Vec::len), Some(0));
    assert!(Analyzer::new(js("includeNonSpeech", JsValue::from_str("yes"))).is_err());
}

#[wasm_bindgen_test]
fn empty_and_hostile_text_give_results_not_panics() {
    for text in [
        "",
        "\u{0}\u{0}",
        "“",
        "”’‘«»",
        "<script>alert(1)</script> “<img onerror=x>,” he said.",
    ] {
        let a = analyze(text);
        assert!(a["quotes"].is_array());
    }
}

#[wasm_bindgen_test]
fn oversized_input_is_refused_with_a_message() {
    let text = "a".repeat(Analyzer::max_input_length() + 1);
    let mut analyzer = Analyzer::new(JsValue::UNDEFINED).unwrap();
    assert!(analyzer.analyze(&text).is_err());
    analyzer.analyze("“Yes,” she said.").unwrap();
    assert!(analyzer.last_analyze_ms() >= 0.0);
}

#[wasm_bindgen_test]
fn reports_its_version() {
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}
