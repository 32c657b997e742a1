//! Work grows linearly with the input. A 4 MB adversarial text (unbalanced
//! marks, no sentence ends, one huge paragraph, names and cues everywhere)
//! must take no more than a generous multiple of ten times a 400 KB one
//! measured in the same test: quadratic work would take a hundred times.
#![cfg(not(target_family = "wasm"))]

use std::time::{Duration, Instant};

use quotelight::{analyze, Options};

fn adversarial(bytes: usize) -> String {
    let unit = "“Mr Wang said ‘the minister’ told officials « he Dr. O'Brien U.S. “ according to Chinese president Xi ";
    unit.repeat(bytes / unit.len() + 1)
}

fn news_like(bytes: usize) -> String {
    let para = "“We will not back down,” Chinese foreign minister Wang Yi said on Tuesday. Mr Wang said the talks were “constructive” and added: “There is more to do.”\n\n";
    para.repeat(bytes / para.len() + 1)
}

fn best_of_three(text: &str) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(analyze(text, &Options::default()));
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

#[test]
fn adversarial_input_is_analysed_in_linear_time() {
    for make in [adversarial as fn(usize) -> String, news_like] {
        let small = make(400_000);
        let large = make(4_000_000);
        let t_small = best_of_three(&small).max(Duration::from_millis(1));
        let t_large = best_of_three(&large);
        let ratio = t_large.as_secs_f64() / t_small.as_secs_f64();
        assert!(
            ratio < 35.0,
            "10x input took {ratio:.1}x the time ({t_small:?} → {t_large:?})"
        );
    }
}

/// Spans of an analysis lie within the text, on char boundaries.
fn spans_valid(text: &str) -> usize {
    let analysis = analyze(text, &Options::default());
    for q in &analysis.quotes {
        assert!(
            q.span.end <= text.len()
                && text.is_char_boundary(q.span.start)
                && text.is_char_boundary(q.span.end)
        );
    }
    analysis.quotes.len()
}

#[test]
fn hostile_inputs_are_analysed_whole() {
    // 10 MB of news.
    assert!(spans_valid(&news_like(10_000_000)) > 100_000);
    // 1 MB without white space, marks glued to letters.
    let glued = "“a”b‘c’d«e»f„g“h「i」j『k』l‹m›n\"o\"p'q'r".repeat(1_000_000 / 60);
    spans_valid(&glued);
    // 100,000 one-word paragraphs.
    spans_valid(&"word\n".repeat(100_000));
    // Every quotation mark, RTL text, NUL bytes and lone replacement characters.
    let mixed = "«مرحبا» قال. „שלום“ \u{0} “\u{FFFD}” ‹x› 「y」 『z』 ‚w‘ ".repeat(20_000);
    spans_valid(&mixed);
}
