//! Fuzzes `quotelight::analyze` and the wire conversion in all three offset units.
//!
//! Each input is analysed twice:
//! 1. as UTF-8, through `String::from_utf8_lossy` (what the CLI does with a file);
//! 2. as UTF-16 code units (little-endian byte pairs, a trailing odd byte dropped)
//!    with lone surrogates replaced by U+FFFD, which is what wasm-bindgen does with
//!    a JavaScript string: the UTF-16 offsets must then index the *original* units.
//!
//! Any broken invariant panics, which libFuzzer reports as a crash.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quotelight::wire::{WireAnalysis, WireSpan};
use quotelight::{analyze, Analysis, OffsetUnit, Options, Span};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    check(&text, None);

    let units: Vec<u16> = data
        .chunks_exact(2)
        .map(|pair| u16::from_le_bytes([pair[0], pair[1]]))
        .collect();
    let js_text = String::from_utf16_lossy(&units);
    check(&js_text, Some(&units));
});

/// Analyses `text` and checks every invariant. `js_units` is the JavaScript
/// string the text came from (lone surrogates included), when it came from one.
fn check(text: &str, js_units: Option<&[u16]>) {
    let analysis = analyze(text, &Options::default());
    check_core(&analysis, text);

    let utf16: Vec<u16> = text.encode_utf16().collect();
    if let Some(js) = js_units {
        // U+FFFD is one UTF-16 unit, like the lone surrogate it replaces.
        assert_eq!(utf16.len(), js.len(), "lossy UTF-16 changed the length");
    }
    let chars: Vec<char> = text.chars().collect();

    for unit in [OffsetUnit::Utf8, OffsetUnit::Utf16, OffsetUnit::CodePoint] {
        let wire = WireAnalysis::new(&analysis, text, unit);
        let slice = |start: usize, end: usize| -> String {
            match unit {
                OffsetUnit::Utf8 => text
                    .get(start..end)
                    .unwrap_or_else(|| panic!("{unit:?} {start}..{end} is not a str slice"))
                    .to_string(),
                OffsetUnit::Utf16 => {
                    assert!(end <= utf16.len(), "{unit:?} {start}..{end} past the end");
                    String::from_utf16(&utf16[start..end]).unwrap_or_else(|_| {
                        panic!("{unit:?} {start}..{end} splits a surrogate pair")
                    })
                }
                OffsetUnit::CodePoint => {
                    assert!(end <= chars.len(), "{unit:?} {start}..{end} past the end");
                    chars[start..end].iter().collect()
                }
            }
        };
        let check_span = |what: &str, s: &WireSpan| {
            assert!(s.start <= s.end, "{unit:?} {what} {}..{} reversed", s.start, s.end);
            assert_eq!(slice(s.start, s.end), s.text, "{unit:?} {what} text");
        };

        assert_eq!(wire.quotes.len(), analysis.quotes.len());
        assert_eq!(wire.speakers.len(), analysis.speakers.len());
        let mut last_start = 0;
        for q in &wire.quotes {
            assert!(q.start <= q.end, "{unit:?} quote {}..{} reversed", q.start, q.end);
            assert!(q.start >= last_start, "{unit:?} quotes not sorted by start");
            last_start = q.start;
            assert_eq!(slice(q.start, q.end), q.text, "{unit:?} quote text");
            if let (OffsetUnit::Utf16, Some(js)) = (unit, js_units) {
                // Offsets map back exactly into the string JavaScript holds.
                assert_eq!(
                    String::from_utf16_lossy(&js[q.start..q.end]),
                    q.text,
                    "UTF-16 quote does not map back to the JavaScript string"
                );
            }
            if let Some(c) = &q.cue {
                check_span("cue", c);
            }
            if let Some(m) = &q.mention {
                check_span("mention", m);
            }
            if let Some(id) = q.speaker {
                assert!(id < wire.speakers.len(), "speaker id {id} out of range");
            }
            assert!(
                (0.0..=1.0).contains(&q.confidence),
                "wire confidence {} outside [0, 1]",
                q.confidence
            );
        }
        for (i, s) in wire.speakers.iter().enumerate() {
            assert_eq!(s.id, i, "speaker id is not its index");
            for m in &s.mentions {
                check_span("speaker mention", m);
            }
        }
    }
}

/// Invariants of the core result, in bytes.
fn check_core(analysis: &Analysis, text: &str) {
    let span_ok = |what: &str, s: Span| {
        assert!(
            s.start <= s.end && s.end <= text.len(),
            "{what} {}..{} out of bounds (len {})",
            s.start,
            s.end,
            text.len()
        );
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "{what} {}..{} not on char boundaries",
            s.start,
            s.end
        );
    };
    let mut last_start = 0;
    for q in &analysis.quotes {
        span_ok("quote", q.span);
        assert!(q.span.start >= last_start, "quotes not sorted by start");
        last_start = q.span.start;
        if let Some(c) = q.cue {
            span_ok("cue", c);
        }
        if let Some(m) = q.mention {
            span_ok("mention", m);
        }
        if let Some(id) = q.speaker {
            assert!(id < analysis.speakers.len(), "speaker id {id} out of range");
        }
        assert!(
            (0.0..=1.0).contains(&q.confidence),
            "confidence {} outside [0, 1]",
            q.confidence
        );
    }
    for (i, s) in analysis.speakers.iter().enumerate() {
        assert_eq!(s.id, i, "speaker id is not its index");
        for &m in &s.mentions {
            span_ok("speaker mention", m);
        }
    }
}
