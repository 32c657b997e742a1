//! The one place where byte offsets become UTF-16 or code-point offsets.
//!
//! The core works in byte ranges of the original `&str`. JavaScript `Range`s
//! count UTF-16 code units and Python counts code points, so the CLI and the
//! wasm facade convert every span through [`OffsetIndex`] and nothing else.

use crate::types::Span;

/// The unit output offsets are counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OffsetUnit {
    /// Bytes of the UTF-8 text.
    Utf8,
    /// UTF-16 code units, as JavaScript strings and DOM ranges count.
    Utf16,
    /// Unicode scalar values, as Python `str` indices count.
    CodePoint,
}

/// Checkpoint every this many bytes: memory stays a small fraction of the
/// text, and a lookup scans at most one block.
const BLOCK: usize = 64;

/// Converts byte offsets of one text into another unit in O(1) amortised time.
#[derive(Debug, Clone)]
pub struct OffsetIndex<'t> {
    text: &'t str,
    unit: OffsetUnit,
    /// Converted offset at the first char boundary at or after each multiple of `BLOCK`.
    checkpoints: Vec<(usize, usize)>,
}

impl<'t> OffsetIndex<'t> {
    /// Builds the index for `text` in one pass.
    pub fn new(text: &'t str, unit: OffsetUnit) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut converted = 0usize;
        let mut next_block = 0usize;
        for (byte, ch) in text.char_indices() {
            while byte >= next_block {
                checkpoints.push((byte, converted));
                next_block += BLOCK;
            }
            converted += unit_len(ch, unit);
        }
        while text.len() >= next_block {
            checkpoints.push((text.len(), converted));
            next_block += BLOCK;
        }
        OffsetIndex {
            text,
            unit,
            checkpoints,
        }
    }

    /// Returns the offset, in this index's unit, of byte offset `byte`.
    ///
    /// # Panics
    /// Panics when `byte` is past the end of the text or not on a char boundary.
    pub fn convert(&self, byte: usize) -> usize {
        assert!(
            self.text.is_char_boundary(byte),
            "offset {byte} is not a char boundary"
        );
        if self.unit == OffsetUnit::Utf8 {
            return byte;
        }
        let (mut at, mut converted) = self.checkpoints[byte / BLOCK];
        if at > byte {
            // The block's first boundary lies past `byte`: step back one block.
            (at, converted) = self.checkpoints[byte / BLOCK - 1];
        }
        for ch in self.text[at..byte].chars() {
            converted += unit_len(ch, self.unit);
        }
        converted
    }

    /// Returns `span` converted to this index's unit as `(start, end)`.
    pub fn span(&self, span: Span) -> (usize, usize) {
        (self.convert(span.start), self.convert(span.end))
    }
}

fn unit_len(ch: char, unit: OffsetUnit) -> usize {
    match unit {
        OffsetUnit::Utf8 => ch.len_utf8(),
        OffsetUnit::Utf16 => ch.len_utf16(),
        OffsetUnit::CodePoint => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_past_emoji_and_curly_quotes() {
        let text = "😊 “Hi,” € said.";
        let idx16 = OffsetIndex::new(text, OffsetUnit::Utf16);
        let idxcp = OffsetIndex::new(text, OffsetUnit::CodePoint);
        let open = text.find('“').unwrap();
        assert_eq!(open, 5);
        assert_eq!(idx16.convert(open), 3);
        assert_eq!(idxcp.convert(open), 2);
        let euro = text.find('€').unwrap();
        assert_eq!(idx16.convert(euro), 9);
        assert_eq!(idxcp.convert(euro), 8);
        assert_eq!(idx16.convert(text.len()), text.encode_utf16().count());
        assert_eq!(idxcp.convert(text.len()), text.chars().count());
    }

    #[test]
    fn agrees_with_naive_counting_on_long_mixed_text() {
        let text = "ab😊“c”é€\u{10FFFF}x".repeat(40);
        let idx16 = OffsetIndex::new(&text, OffsetUnit::Utf16);
        let idxcp = OffsetIndex::new(&text, OffsetUnit::CodePoint);
        for (byte, _) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            assert_eq!(idx16.convert(byte), text[..byte].encode_utf16().count());
            assert_eq!(idxcp.convert(byte), text[..byte].chars().count());
        }
    }
}
