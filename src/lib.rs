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
//! 6. [`speakers`]: mentions of one speaker merged, with name, role and affiliation.
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
}

impl Default for Options {
    fn default() -> Self {
        Options {
            include_non_speech: true,
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
    let sources: Vec<types::Mention> = cue_matches
        .iter()
        .filter_map(|c| c.source.clone())
        .collect();
    let background = speakers::background_mentions(&doc, &in_quote, &sources);
    let result = attribution::attribute(&doc, &found, &in_quote, &cue_matches, background);
    let (entity_of, entities) = speakers::resolve(&result.mentions, &result.same_speaker);

    // Speakers are the entities that are quoted, numbered in order of first quotation.
    let mut speaker_of_entity = vec![usize::MAX; entities.len()];
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut quotes = Vec::with_capacity(result.quotes.len());
    let roots = attribution::roots(&result.quotes);
    for (i, a) in result.quotes.iter().enumerate() {
        if !options.include_non_speech && matches!(a.kind, Kind::Scare | Kind::Title) {
            continue;
        }
        let mention = roots[i];
        let speaker = mention.map(|m| {
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
        let direct_mention = match a.source {
            Source::Mention(m) => Some(result.mentions[m].span),
            _ => mention.map(|m| result.mentions[m].span),
        };
        quotes.push(Quotation {
            span: a.quote.span,
            kind: a.kind,
            speaker,
            cue: a.cue,
            mention: if speaker.is_some() {
                direct_mention
            } else {
                None
            },
            via: a.via.clone(),
            confidence: a.rule.map_or(
                if speaker.is_none() && matches!(a.kind, Kind::Scare | Kind::Title) {
                    0.8
                } else {
                    0.0
                },
                |r| r.confidence(),
            ),
            continued: a.quote.continued,
        });
    }
    Analysis { quotes, speakers }
}
