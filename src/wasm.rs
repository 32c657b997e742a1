//! The JavaScript API: every `#[wasm_bindgen]` item of the crate is here.
//!
//! Offsets cross the boundary as UTF-16 code units, what DOM `Range`s and
//! JavaScript strings count. Errors become JavaScript `Error`s with a
//! message through one helper; nothing here unwraps or panics.

use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::wire::WireAnalysis;
use crate::{analyze, OffsetUnit, Options};

/// The longest text `analyze` accepts, in UTF-16 code units. Larger inputs
/// are refused with an error rather than freezing the page that sent them.
pub const MAX_INPUT_LENGTH: usize = 16 * 1024 * 1024;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** A stretch of the analysed text; offsets are UTF-16 code units, end exclusive. */
export interface SpanText { start: number; end: number; text: string }
/** One quotation (or, for kind "indirect", one reported claim). */
export interface Quote {
  start: number; end: number; text: string;
  kind: "direct" | "partial" | "scare" | "title" | "indirect";
  speaker: number | null; cue: SpanText | null; mention: SpanText | null;
  via: string | null; confidence: number; continued: boolean;
}
/** One speaker, every mention of them merged. */
export interface Speaker {
  id: number; name: string; role: string | null; affiliation: string | null;
  type: "person" | "organization" | "group" | "anonymous"; official: boolean;
  mentions: SpanText[];
}
/** What `Analyzer.analyze` returns. */
export interface Analysis { quotes: Quote[]; speakers: Speaker[] }
/** Options of `new Analyzer(options)`. */
export interface AnalyzerOptions { includeNonSpeech?: boolean }
"#;

/// Options as JavaScript passes them.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct JsOptions {
    include_non_speech: Option<bool>,
}

/// Turns any displayable error into a JavaScript `Error`.
fn into_error(err: impl std::fmt::Display) -> JsError {
    JsError::new(&err.to_string())
}

/// Milliseconds from the page's (or worker's) time origin, through the
/// global `performance` object; `None` where there is none.
fn now_ms() -> Option<f64> {
    let performance =
        js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance")).ok()?;
    performance
        .dyn_into::<web_sys::Performance>()
        .ok()
        .map(|p| p.now())
}

/// Finds quotations and their speakers in article text.
#[wasm_bindgen]
pub struct Analyzer {
    options: Options,
    last_analyze_ms: f64,
}

#[wasm_bindgen]
impl Analyzer {
    /// Creates an analyzer; `options` is optional (`AnalyzerOptions`).
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<Analyzer, JsError> {
        let js: JsOptions = if options.is_undefined() || options.is_null() {
            JsOptions::default()
        } else {
            serde_wasm_bindgen::from_value(options).map_err(into_error)?
        };
        let mut opts = Options::default();
        if let Some(v) = js.include_non_speech {
            opts.include_non_speech = v;
        }
        Ok(Analyzer {
            options: opts,
            last_analyze_ms: 0.0,
        })
    }

    /// Analyses `text` and returns an `Analysis` with UTF-16 offsets.
    ///
    /// Throws an `Error` when the text is longer than `Analyzer.maxInputLength`.
    #[wasm_bindgen(unchecked_return_type = "Analysis")]
    pub fn analyze(&mut self, text: &str) -> Result<JsValue, JsError> {
        // `text.len()` (UTF-8 bytes) is at least the UTF-16 length of the same text.
        if text.len() > MAX_INPUT_LENGTH && text.encode_utf16().count() > MAX_INPUT_LENGTH {
            return Err(into_error(format!(
                "input too large: {} UTF-16 units (the limit is {MAX_INPUT_LENGTH})",
                text.encode_utf16().count()
            )));
        }
        let started = now_ms();
        let analysis = analyze(text, &self.options);
        let wire = WireAnalysis::new(&analysis, text, OffsetUnit::Utf16);
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        let value = serde::Serialize::serialize(&wire, &serializer).map_err(into_error)?;
        if let (Some(start), Some(end)) = (started, now_ms()) {
            self.last_analyze_ms = end - start;
        }
        Ok(value)
    }

    /// How long the last `analyze` call took inside wasm, in milliseconds
    /// (analysis and conversion of the result).
    #[wasm_bindgen(getter = lastAnalyzeMs)]
    pub fn last_analyze_ms(&self) -> f64 {
        self.last_analyze_ms
    }

    /// The longest text `analyze` accepts, in UTF-16 code units.
    #[wasm_bindgen(getter = maxInputLength)]
    pub fn max_input_length() -> usize {
        MAX_INPUT_LENGTH
    }
}

/// Returns the version of the quotelight core.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
