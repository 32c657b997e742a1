//! The wire shape: the JSON that the CLI prints and the wasm API returns.
//!
//! Separate from the core types so that the core can change without breaking
//! consumers; every offset is converted here, through one [`OffsetIndex`], to
//! the unit the consumer counts in (code points for the CLI and Python,
//! UTF-16 for JavaScript). The shape is documented in README.md and, for
//! TypeScript, in `src/wasm.rs`.

use serde::Serialize;

use crate::offsets::{OffsetIndex, OffsetUnit};
use crate::types::{Analysis, Kind, Span, SpeakerType};

/// A span with its text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WireSpan {
    /// First unit.
    pub start: usize,
    /// One past the last unit.
    pub end: usize,
    /// The text covered.
    pub text: String,
}

/// One quotation on the wire.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WireQuote {
    /// First unit of the quotation (its opening mark).
    pub start: usize,
    /// One past its closing mark.
    pub end: usize,
    /// The quotation, marks included.
    pub text: String,
    /// direct, partial, scare, title or indirect.
    pub kind: Kind,
    /// Speaker id, or null.
    pub speaker: Option<usize>,
    /// The reporting cue.
    pub cue: Option<WireSpan>,
    /// The mention that attributes it.
    pub mention: Option<WireSpan>,
    /// The relaying medium.
    pub via: Option<String>,
    /// In [0, 1], two decimals.
    pub confidence: f64,
    /// True for later paragraphs of one quotation.
    pub continued: bool,
}

/// One speaker on the wire.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WireSpeaker {
    /// Index in `speakers`.
    pub id: usize,
    /// Fullest name.
    pub name: String,
    /// Office or job.
    pub role: Option<String>,
    /// Country or organisation.
    pub affiliation: Option<String>,
    /// person, organization, group or anonymous.
    #[serde(rename = "type")]
    pub speaker_type: SpeakerType,
    /// Speaks for a public body.
    pub official: bool,
    /// Every mention, in text order.
    pub mentions: Vec<WireSpan>,
}

/// A whole analysis on the wire.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WireAnalysis {
    /// Quotations in text order.
    pub quotes: Vec<WireQuote>,
    /// Speakers.
    pub speakers: Vec<WireSpeaker>,
}

impl WireAnalysis {
    /// Converts `analysis` of `text` to the wire shape, offsets counted in `unit`.
    pub fn new(analysis: &Analysis, text: &str, unit: OffsetUnit) -> Self {
        let index = OffsetIndex::new(text, unit);
        let span = |s: Span| {
            let (start, end) = index.span(s);
            WireSpan {
                start,
                end,
                text: s.slice(text).to_string(),
            }
        };
        let quotes = analysis
            .quotes
            .iter()
            .map(|q| {
                let (start, end) = index.span(q.span);
                WireQuote {
                    start,
                    end,
                    text: q.span.slice(text).to_string(),
                    kind: q.kind,
                    speaker: q.speaker,
                    cue: q.cue.map(span),
                    mention: q.mention.map(span),
                    via: q.via.clone(),
                    confidence: (f64::from(q.confidence) * 100.0).round() / 100.0,
                    continued: q.continued,
                }
            })
            .collect();
        let speakers = analysis
            .speakers
            .iter()
            .map(|s| WireSpeaker {
                id: s.id,
                name: s.name.clone(),
                role: s.role.clone(),
                affiliation: s.affiliation.clone(),
                speaker_type: s.speaker_type,
                official: s.official,
                mentions: s.mentions.iter().copied().map(span).collect(),
            })
            .collect();
        WireAnalysis { quotes, speakers }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, Options};

    #[test]
    fn offsets_count_in_the_requested_unit() {
        let text = "😊 “We won,” she said.";
        let analysis = analyze(text, &Options::default());
        let bytes = WireAnalysis::new(&analysis, text, OffsetUnit::Utf8);
        let utf16 = WireAnalysis::new(&analysis, text, OffsetUnit::Utf16);
        let points = WireAnalysis::new(&analysis, text, OffsetUnit::CodePoint);
        assert_eq!((bytes.quotes[0].start, bytes.quotes[0].end), (5, 18));
        assert_eq!((utf16.quotes[0].start, utf16.quotes[0].end), (3, 12));
        assert_eq!((points.quotes[0].start, points.quotes[0].end), (2, 11));
        assert_eq!(points.quotes[0].text, "“We won,”");
        let cue = points.quotes[0].cue.as_ref().unwrap();
        assert_eq!((cue.start, cue.end, cue.text.as_str()), (16, 20, "said"));
    }
}
