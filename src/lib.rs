//! quotelight finds every quotation in a news article and attributes it to
//! its speaker.
//!
//! The pipeline has one module per stage, with typed data between them
//! (see [`types`]):
//!
//! 1. [`text`]: paragraphs, sentences and tokens with byte offsets;
//! 2. [`quotes`]: quotation marks paired, nested and continued over paragraphs;
//! 3. [`cues`]: reporting verbs and phrases, each with the source it names;
//! 4. [`mentions`]: the noun phrases that name speakers;
//! 5. [`attribution`]: a sieve of rules giving each quotation its kind and source;
//! 6. [`claims`]: reported speech without quotation marks, the claim of each cue;
//! 7. [`speakers`]: mentions of one speaker merged, with name, role and affiliation.
//!
//! ```
//! use quotelight::{analyze, Kind, Options};
//!
//! let text = "“We will not back down,” Chinese foreign minister Wang Yi said.\n\n\
//!             Mr Wang said the talks were “constructive”.";
//! let analysis = analyze(text, &Options::default());
//! assert_eq!(analysis.quotes.len(), 2);
//! assert_eq!(analysis.quotes[0].kind, Kind::Direct);
//! assert_eq!(analysis.quotes[1].kind, Kind::Partial);
//! // One speaker: the full name, the role and the country, both quotations.
//! assert_eq!(analysis.speakers.len(), 1);
//! let wang = &analysis.speakers[0];
//! assert_eq!(wang.name, "Wang Yi");
//! assert_eq!(wang.role.as_deref(), Some("foreign minister"));
//! assert_eq!(wang.affiliation.as_deref(), Some("China"));
//! assert!(wang.official);
//! assert!(analysis.quotes.iter().all(|q| q.speaker == Some(0)));
//! ```
#![warn(missing_docs)]

pub mod attribution;
pub mod claims;
pub mod cues;
pub mod lexicon;
pub mod mentions;
pub mod offsets;
pub mod quotes;
pub mod speakers;
pub mod text;
pub mod types;
pub mod wire;

#[cfg(target_family = "wasm")]
pub mod wasm;

pub use offsets::{OffsetIndex, OffsetUnit};
pub use types::{Analysis, Kind, Quotation, Span, Speaker, SpeakerType};

use attribution::Source;

/// What [`analyze`] reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Report scare quotes and titles as well as speech.
    pub include_non_speech: bool,
    /// Report reported speech without quotation marks (kind `indirect`).
    pub include_indirect: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            include_non_speech: true,
            include_indirect: true,
        }
    }
}

/// Analyses an article: finds its quotations and attributes them to speakers.
///
/// Works on any `&str` and never fails: text without quotations gives an
/// empty [`Analysis`]. Paragraphs are lines; blank lines are ignored. All
/// spans are byte ranges into `text` (convert them with [`OffsetIndex`]).
pub fn analyze(text: &str, options: &Options) -> Analysis {
    let mut doc = text::segment(text);
    if doc.tokens.is_empty() {
        return Analysis::default();
    }
    let found = quotes::find(&doc);
    text::join_quoted_sentences(&mut doc, &found);
    let in_quote = attribution::inside_quotes(&doc, &found);
    let cue_matches = cues::find(&doc, &in_quote);
    let sources: Vec<&types::Mention> = cue_matches
        .iter()
        .filter_map(|c| c.source.as_ref())
        .collect();
    let background = speakers::background_mentions(&doc, &in_quote, &sources);
    let result = attribution::attribute(&doc, &found, &in_quote, &cue_matches, background);
    let (entity_of, entities) = speakers::resolve(&result.mentions, &result.same_speaker);

    let claims = claims::find(&doc, &cue_matches, &found, &in_quote);
    let roots = attribution::roots(&result.quotes);

    // Quotations and claims in text order, each with the mention it is attributed through.
    struct Item {
        quotation: Quotation,
        mention: Option<usize>,
    }
    let mut items: Vec<Item> = Vec::with_capacity(result.quotes.len() + claims.len());
    for (i, a) in result.quotes.iter().enumerate() {
        if !options.include_non_speech && matches!(a.kind, Kind::Scare | Kind::Title) {
            continue;
        }
        let mention = roots[i];
        let direct_mention = match a.source {
            Source::Mention(m) => Some(m),
            _ => mention,
        };
        let confidence = match a.rule {
            Some(r) => r.confidence(),
            None if matches!(a.kind, Kind::Scare | Kind::Title) => 0.8,
            None => 0.0,
        };
        items.push(Item {
            quotation: Quotation {
                span: a.quote.span,
                kind: a.kind,
                speaker: None,
                cue: a.cue,
                mention: direct_mention.map(|m| result.mentions[m].span),
                via: a.via.clone(),
                confidence,
                continued: a.quote.continued,
            },
            mention,
        });
    }
    if options.include_indirect {
        for c in &claims {
            let cue = &cue_matches[c.cue];
            let mention = result.cue_mention[c.cue];
            items.push(Item {
                quotation: Quotation {
                    span: c.span,
                    kind: Kind::Indirect,
                    speaker: None,
                    cue: Some(cue.cue.span),
                    mention: mention.map(|m| result.mentions[m].span),
                    via: cue.via.clone(),
                    confidence: 0.8,
                    continued: false,
                },
                mention,
            });
        }
    }
    items.sort_by_key(|it| (it.quotation.span.start, it.quotation.span.end));

    // Speakers are the entities quoted or reported, numbered in order of first appearance.
    let mut speaker_of_entity = vec![usize::MAX; entities.len()];
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut quotes = Vec::with_capacity(items.len());
    for mut it in items {
        it.quotation.speaker = it.mention.map(|m| {
            let e = entity_of[m];
            if speaker_of_entity[e] == usize::MAX {
                let p = speakers::profile(&entities[e], &result.mentions);
                let mut spans: Vec<Span> = entities[e]
                    .mentions
                    .iter()
                    .map(|&k| result.mentions[k].span)
                    .collect();
                spans.sort();
                spans.dedup();
                speaker_of_entity[e] = speakers.len();
                speakers.push(Speaker {
                    id: speakers.len(),
                    name: p.name,
                    role: p.role,
                    affiliation: p.affiliation,
                    speaker_type: p.speaker_type,
                    official: p.official,
                    mentions: spans,
                });
            }
            speaker_of_entity[e]
        });
        if it.quotation.speaker.is_none() {
            it.quotation.mention = None;
        }
        quotes.push(it.quotation);
    }
    Analysis { quotes, speakers }
}
