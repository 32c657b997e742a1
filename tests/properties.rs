//! Properties that hold for any input: `analyze` never panics, every span
//! lies within the text on char boundaries, quotations are sorted, and
//! speaker references are valid. Inputs mix words, every quotation mark,
//! emoji, combining marks, RTL text, NUL bytes and line breaks.
#![cfg(not(target_family = "wasm"))]

use proptest::prelude::*;
use quotelight::wire::WireAnalysis;
use quotelight::{analyze, Analysis, OffsetUnit, Options, Span};

const PIECES: &[&str] = &[
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "«",
    "»",
    "‹",
    "›",
    "„",
    "‚",
    "「",
    "」",
    "『",
    "』",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    ".",
    ",",
    ":",
    "—",
    "said",
    "told",
    "according to",
    "Mr",
    "Mr.",
    "Wang",
    "Yi",
    "Chinese",
    "minister",
    "he",
    "she",
    "it",
    "officials",
    "We",
    "will",
    "win",
    "😊",
    "👩‍👩‍👧",
    "e\u{301}",
    "€",
    "שלום",
    "مرحبا",
    "\u{0}",
    "\u{200B}",
    "\u{FFFD}",
    "U.S.",
    "Dr.",
    "O'Brien",
    "'90s",
    "rock 'n' roll",
    "de",
    "al-",
    "-",
    "?",
    "!",
    "(",
    ")",
    "…",
];

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|parts| parts.join(""))
}

fn check(text: &str, analysis: &Analysis) {
    let in_bounds = |s: Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    let mut last = 0;
    for q in &analysis.quotes {
        assert!(in_bounds(q.span), "quote span {:?} out of bounds", q.span);
        assert!(q.span.start >= last, "quotations are sorted by start");
        last = q.span.start;
        assert!(q.cue.is_none_or(in_bounds));
        assert!(q.mention.is_none_or(in_bounds));
        assert!((0.0..=1.0).contains(&q.confidence));
        if let Some(s) = q.speaker {
            assert!(s < analysis.speakers.len(), "speaker {s} exists");
        }
    }
    for (i, s) in analysis.speakers.iter().enumerate() {
        assert_eq!(s.id, i);
        assert!(s.mentions.iter().all(|&m| in_bounds(m)));
        assert!(
            analysis.quotes.iter().any(|q| q.speaker == Some(i)),
            "every speaker is quoted"
        );
    }
    // The wire conversion works in every unit.
    for unit in [OffsetUnit::Utf8, OffsetUnit::Utf16, OffsetUnit::CodePoint] {
        let wire = WireAnalysis::new(analysis, text, unit);
        assert_eq!(wire.quotes.len(), analysis.quotes.len());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn never_panics_and_spans_are_valid_on_news_like_text(text in article()) {
        let analysis = analyze(&text, &Options::default());
        check(&text, &analysis);
    }

    #[test]
    fn never_panics_on_arbitrary_strings(text in any::<String>()) {
        let analysis = analyze(&text, &Options::default());
        check(&text, &analysis);
    }

    #[test]
    fn utf16_offsets_index_the_same_text(text in article()) {
        let analysis = analyze(&text, &Options::default());
        let utf16: Vec<u16> = text.encode_utf16().collect();
        let wire = WireAnalysis::new(&analysis, &text, OffsetUnit::Utf16);
        for q in &wire.quotes {
            prop_assert_eq!(String::from_utf16_lossy(&utf16[q.start..q.end]), q.text.clone());
        }
    }
}

#[test]
fn hundred_thousand_marks_in_a_row() {
    for mark in ["“", "”", "\"", "'", "‘", "«", "」"] {
        let text = mark.repeat(100_000);
        let analysis = analyze(&text, &Options::default());
        check(&text, &analysis);
    }
    let text = "“a ".repeat(50_000) + &"” b".repeat(50_000);
    check(&text, &analyze(&text, &Options::default()));
}

#[test]
fn empty_and_blank_inputs_give_empty_results() {
    for text in ["", " ", "\n\n\n", "\u{0}\u{0}", "“”", "‘’ “ ”"] {
        let analysis = analyze(text, &Options::default());
        assert!(analysis.quotes.iter().all(|q| !q.span.is_empty()));
        assert!(analysis.speakers.len() <= analysis.quotes.len());
    }
}

#[test]
fn deeply_nested_quotations_stay_bounded() {
    let text = "“‘".repeat(5_000) + "deep" + &"’”".repeat(5_000) + " he said.";
    let analysis = analyze(&text, &Options::default());
    check(&text, &analysis);
}
