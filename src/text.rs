//! The text stage: paragraphs, tokens and sentences, with byte offsets into
//! the original string.
//!
//! A paragraph is a line (blank lines only separate). A sentence ends at
//! `.`, `!`, `?` or `…` (with any closing marks after it) before a capital,
//! a digit or an opening mark, except after abbreviations ("Mr.", "U.S."),
//! initials ("George W. Bush") and where a quotation ending in `?”` is
//! followed by its own attribution ("“Why?” Forte asked.").

use crate::lexicon::{class, lexicon, AbbreviationClass};
use crate::types::{fact, Document, Facts, Paragraph, Sentence, Span, Token, TokenKind, Tokens};

/// Returns true for every character the `quotes` stage may read as a quotation mark.
pub fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '‘'
            | '’'
            | '„'
            | '‟'
            | '‚'
            | '‛'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '「'
            | '」'
            | '『'
            | '』'
    )
}

/// Marks that can close a quotation (a sentence end may sit just before them).
fn is_closing_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | '」' | '』' | '“' | '‘' | ')' | ']'
    )
}

/// A dash set between phrases: em dash, en dash, horizontal bar, or the two
/// hyphens of typewritten text ("John Dickey -- the chief executive --").
pub fn is_dash(token: &str) -> bool {
    matches!(token, "—" | "–" | "―") || token.len() >= 2 && token.bytes().all(|b| b == b'-')
}

/// A comma or a dash: what sets a phrase off from its clause.
pub fn is_comma_or_dash(token: &str) -> bool {
    token == "," || is_dash(token)
}

fn is_paragraph_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{0B}' | '\u{0C}'
    )
}

fn is_apostrophe_char(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Dashes, curly quotation marks, bullets and the ellipsis (U+2010 to
/// U+2027): no letter, digit or space among them. News text is full of them,
/// and telling them apart here spares the Unicode tables a lookup.
fn is_general_punctuation(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2027}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// Splits `text` into paragraphs, tokens and sentences.
pub fn segment(text: &str) -> Document<'_> {
    let Tokenized {
        tokens,
        paragraphs,
        mut facts,
        unread,
        terminators,
    } = tokenize(text);
    let mut sentences = Vec::with_capacity(tokens.len() / 16 + 1);
    let mut rest = terminators.as_slice();
    for (p, para) in paragraphs.iter().enumerate() {
        let here = rest.partition_point(|&t| t < para.end_token);
        split_sentences(text, &tokens, p, para, &rest[..here], &mut sentences);
        rest = &rest[here..];
    }
    let mut sentence_of_token = vec![0; tokens.len()];
    for (s, sentence) in sentences.iter().enumerate() {
        sentence_of_token[sentence.first_token..sentence.end_token].fill(s);
    }
    let Some(mut tokens) = Tokens::new(text, tokens) else {
        // The tokenizer cuts in order at character boundaries (the tests and
        // the property tests hold it to it); were it ever not to, the text is
        // read as holding nothing, not misread.
        debug_assert!(false, "a token off character boundaries");
        return empty_document(text);
    };
    let lower_elsewhere = lower_and_look_up(&mut tokens, &unread, &mut facts);
    Document {
        text,
        tokens,
        paragraphs,
        sentences,
        sentence_of_token,
        lower_elsewhere,
        facts,
    }
}

fn empty_document(text: &str) -> Document<'_> {
    Document {
        text,
        tokens: Tokens::none(text),
        paragraphs: Vec::new(),
        sentences: Vec::new(),
        sentence_of_token: Vec::new(),
        lower_elsewhere: Vec::new(),
        facts: Vec::new(),
    }
}

/// Lower-cases the tokens the tokenizer left `unread` where they stand (the
/// ASCII capitals are small already) and looks them up (it read the plain
/// words as it cut them). Returns the tokens whose lower case is longer or
/// shorter than they are (kept apart).
fn lower_and_look_up(
    tokens: &mut Tokens,
    unread: &[usize],
    facts: &mut [Facts],
) -> Vec<(usize, String)> {
    let lex = lexicon();
    let mut elsewhere: Vec<(usize, String)> = Vec::new();
    let bytes = tokens.text().as_bytes();
    for &i in unread {
        let t = tokens[i];
        if let Some(f) = plain_word_facts(lex, bytes, &t) {
            facts[i] = f;
            continue;
        }
        let w = tokens.text_of(i);
        let mut lower_elsewhere = false;
        if !w.is_ascii() && w.chars().any(char::is_uppercase) {
            let low = w.to_lowercase();
            if !tokens.lower_in_place(i, &low) {
                elsewhere.push((i, low));
                lower_elsewhere = true;
                facts[i].flags = fact::LOWER_ELSEWHERE;
            }
        }
        if t.kind == TokenKind::Word {
            let (low, found) = match elsewhere.last() {
                Some((_, low)) if lower_elsewhere => (low.as_str(), lex.facts_of(low)),
                _ => (
                    tokens.lower_of(i),
                    lex.facts_at(tokens.lower_text(), t.span),
                ),
            };
            facts[i] = word_facts(lex, found, w, low, lower_elsewhere);
        }
    }
    elsewhere
}

/// What the lexicons and the spelling say of a plain token: ASCII, at most
/// sixteen bytes, as most tokens are; for a word, letters, digits and
/// apostrophes. `None` for any other token, which [`word_facts`] reads. The
/// word is read as two integers and lower-cased eight bytes at once, with as
/// few branches as can be: which way each goes depends on the text, and
/// mispredicted branches are most of the cost of a pass over every token.
#[inline]
fn plain_word_facts(lex: &crate::lexicon::Lexicon, bytes: &[u8], t: &Token) -> Option<Facts> {
    let len = t.span.len();
    let sixteen = bytes.get(t.span.start..t.span.start + 16)?;
    if len > 16 {
        return None;
    }
    let (low_raw, high_raw) = packed_halves(sixteen, len);
    if (low_raw | high_raw) & swar::HIGH != 0 {
        return None;
    }
    if t.kind != TokenKind::Word {
        return Some(Facts::default()); // plain punctuation and numbers
    }
    // With a period ("U.S.") or a hyphen ("al-Sadr"): read slowly. The two
    // are neighbours in ASCII, so one range test finds either.
    let special = |x: u64| swar::between(x, b'-' - 1, b'.' + 1);
    if special(low_raw) | special(high_raw) != 0 {
        return None;
    }
    Some(alnum_word_facts(lex, low_raw, high_raw, len))
}

/// The first `len` (at most 16) of the sixteen bytes as two little-endian
/// integers, the bytes past `len` zero.
#[inline]
fn packed_halves(sixteen: &[u8], len: usize) -> (u64, u64) {
    let eight = |at: usize, n: usize| {
        let mut word = [0u8; 8];
        word.copy_from_slice(&sixteen[at..at + 8]);
        // The bytes past the token's end are masked off (none when `n` is 0).
        u64::from_le_bytes(word) & u64::MAX.checked_shr(8 * (8 - n.min(8)) as u32).unwrap_or(0)
    };
    (eight(0, len), eight(8, len.saturating_sub(8)))
}

/// The facts of a word of `len` ASCII letters, digits and apostrophes (at
/// most 16), packed in two integers ([`packed_halves`]).
// Inlined: called once per word, its prologue and epilogue cost more than its body.
#[inline(always)]
fn alnum_word_facts(
    lex: &crate::lexicon::Lexicon,
    low_raw: u64,
    high_raw: u64,
    len: usize,
) -> Facts {
    let (low, high) = (
        swar::ascii_lowercase(low_raw),
        swar::ascii_lowercase(high_raw),
    );
    let mut f = if len <= 8 {
        lex.facts_of_packed(low)
    } else {
        lex.facts_of_packed_medium(u128::from(low) | u128::from(high) << 64)
    };
    let upper_first = (low_raw as u8).is_ascii_uppercase();
    // Honorifics are written with a capital.
    let honorific = f.flags & fact::HONORIFIC != 0 && upper_first;
    f.flags &= !fact::HONORIFIC;
    f.flags |= u16::from(honorific) * fact::HONORIFIC;
    f.flags |= u16::from(upper_first) * (fact::UPPER_FIRST | fact::CAPITALIZED);
    // As in `word_facts`: "WHO" is an organisation, "who" a pronoun;
    // particles are lower case.
    let small = |x: u64| swar::between(x, b'a' - 1, b'z' + 1);
    if f.flags & fact::ORGANIZATION != 0
        && f.classes & class::CLOSED != 0
        && small(low_raw) | small(high_raw) != 0
    {
        f.flags &= !(fact::ORGANIZATION | fact::ORGANIZATION_OFFICIAL);
    }
    if f.flags & fact::PARTICLE != 0 && (low, high) != (low_raw, high_raw) {
        f.flags &= !fact::PARTICLE;
    }
    f
}

/// What the lexicons (`found`) and the spelling say of the word `w` (lower case `low`).
#[inline]
fn word_facts(
    lex: &crate::lexicon::Lexicon,
    found: Facts,
    w: &str,
    low: &str,
    lower_elsewhere: bool,
) -> Facts {
    let mut f = found;
    let first = w.as_bytes()[0];
    let upper_first = if first < 0x80 {
        first.is_ascii_uppercase()
    } else {
        w.chars().next().is_some_and(char::is_uppercase)
    };
    // Honorifics are written with a capital; "Sen." is one with its period.
    let honorific = upper_first
        && if low.ends_with('.') {
            lex.facts_of(low.trim_end_matches('.')).flags & fact::HONORIFIC != 0
        } else {
            f.flags & fact::HONORIFIC != 0
        };
    f.flags &= !fact::HONORIFIC;
    if honorific {
        f.flags |= fact::HONORIFIC;
    }
    if upper_first {
        f.flags |= fact::UPPER_FIRST | fact::CAPITALIZED;
    } else if w.len() > 3
        && (w.as_bytes()[2] == b'-' || w.as_bytes()[3] == b'-')
        && ["al-", "el-", "bin-", "ibn-"].iter().any(|p| {
            w.strip_prefix(p)
                .is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase))
        })
    {
        f.flags |= fact::CAPITALIZED;
    }
    // "WHO" is an organisation, "who" a pronoun: an organisation word that
    // is also a function word counts only in capitals.
    if f.flags & fact::ORGANIZATION != 0
        && f.classes & class::CLOSED != 0
        && w.chars().any(char::is_lowercase)
    {
        f.flags &= !(fact::ORGANIZATION | fact::ORGANIZATION_OFFICIAL);
    }
    // Particles are lower case: "de Miranda", not "De".
    if f.flags & fact::PARTICLE != 0 && low != w {
        f.flags &= !fact::PARTICLE;
    }
    if lower_elsewhere {
        f.flags |= fact::LOWER_ELSEWHERE;
    }
    f
}

/// The first token after a dateline opening the sentence at `first`
/// ("CAIRO (Reuters) - ", "WASHINGTON — "), or `first` when there is none.
pub fn dateline_end(doc: &Document, first: usize, end: usize) -> usize {
    let all_caps = |k: usize| {
        let w = doc.tok(k);
        matches!(doc.tokens[k].kind, TokenKind::Word | TokenKind::Number)
            && w.chars().count() >= 2
            && !w.chars().any(char::is_lowercase)
    };
    let mut k = first;
    while k < end && k < first + 4 && (all_caps(k) || k > first && doc.tok(k) == ",") {
        k += 1;
    }
    if k == first {
        return first;
    }
    // The country or state after the place: "KALEMO, Zambara (AFP) -".
    if doc.tok(k - 1) == "," {
        let mut j = k;
        while j < end && j < k + 3 && doc.has(j, crate::types::fact::UPPER_FIRST) {
            j += 1;
        }
        if j > k && j < end && (matches!(doc.tok(j), "(" | "-") || is_dash(doc.tok(j))) {
            k = j;
        }
    }
    // The agency: "(Reuters)", "(AP)".
    if k < end && doc.tok(k) == "(" {
        match (k + 1..(k + 5).min(end)).find(|&j| doc.tok(j) == ")") {
            Some(close) => k = close + 1,
            None => return first,
        }
    }
    if k + 1 < end && (doc.tok(k) == "-" || is_dash(doc.tok(k))) {
        k + 1
    } else {
        first
    }
}

/// Joins sentences that a quotation spans ("“… exercise. I took the kids …,”
/// Forte said."): a quotation and its attribution stand in one sentence.
pub fn join_quoted_sentences(doc: &mut Document, quotes: &[crate::types::QuoteSpan]) {
    let mut joined: Vec<Sentence> = Vec::with_capacity(doc.sentences.len());
    let mut q = quotes.iter().filter(|q| q.depth == 0).peekable();
    for s in doc.sentences.iter().copied() {
        while q.peek().is_some_and(|qq| qq.span.end <= s.span.start) {
            q.next();
        }
        let inside = joined.last().is_some_and(|prev: &Sentence| {
            prev.paragraph == s.paragraph
                && q.peek().is_some_and(|qq| {
                    qq.span.start < prev.span.end && s.span.start < qq.span.end && !qq.open_ended
                })
        });
        if inside {
            let prev = joined.last_mut().expect("checked above");
            prev.span.end = s.span.end;
            prev.end_token = s.end_token;
        } else {
            joined.push(s);
        }
    }
    for (i, sentence) in joined.iter().enumerate() {
        for slot in &mut doc.sentence_of_token[sentence.first_token..sentence.end_token] {
            *slot = i;
        }
    }
    doc.sentences = joined;
}

/// Returns the character at byte `i` of `text` and its length in bytes.
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((char::from(b), 1));
    }
    let c = text[i..].chars().next()?;
    Some((c, c.len_utf8()))
}

/// Returns the character that ends just before byte `i` of `text`.
fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

/// What the tokenizer needs to know of each byte: one table lookup instead
/// of a chain of comparisons on the hottest loop of the analysis.
mod byte {
    /// An ASCII letter or digit: goes on a plain word.
    pub const ALNUM: u8 = 1;
    /// An ASCII letter.
    pub const ALPHA: u8 = 2;
    /// ASCII white space inside a line.
    pub const SPACE: u8 = 4;
    /// An ASCII character that ends a line (a paragraph break).
    pub const BREAK: u8 = 8;
    /// A byte of a character beyond ASCII.
    pub const WIDE: u8 = 16;
    /// `'`, `-` and `&`: may join two parts of one word ("O'Brien", "al-Sadr", "AT&T").
    pub const JOINER: u8 = 32;

    pub static CLASS: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut b = 0;
        while b < 256 {
            let c = b as u8;
            t[b] = if c.is_ascii_alphabetic() {
                ALNUM | ALPHA
            } else if c.is_ascii_digit() {
                ALNUM
            } else if matches!(c, b' ' | b'\t') {
                SPACE
            } else if matches!(c, b'\n' | b'\r' | 0x0B | 0x0C) {
                BREAK
            } else if matches!(c, b'\'' | b'-' | b'&') {
                JOINER
            } else if c >= 0x80 {
                WIDE
            } else {
                0
            };
            b += 1;
        }
        t
    };
}

/// The tokenizer's output.
struct Tokenized {
    tokens: Vec<Token>,
    paragraphs: Vec<Paragraph>,
    /// For each token, its facts where the tokenizer read them (a plain word,
    /// plain ASCII punctuation), else none yet.
    facts: Vec<Facts>,
    /// The tokens whose facts are still to be read, in order.
    unread: Vec<usize>,
    /// The tokens that may end a sentence, in order: ".", "!", "?", "…",
    /// and words that end with a period ("U.S.").
    terminators: Vec<usize>,
}

/// Cuts the text into tokens and paragraphs. Paragraph breaks are not
/// tokens: a paragraph ends where the white space between two tokens holds a
/// line break. A word of plain ASCII letters and digits (most words) is
/// looked up as soon as it is cut: the tokenizer has just read every byte of
/// it, so it is known to need no other test.
fn tokenize(text: &str) -> Tokenized {
    let lex = lexicon();
    let is = |i: usize, f: fn(char) -> bool| char_at(text, i).is_some_and(|(c, _)| f(c));
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 5);
    let mut facts: Vec<Facts> = Vec::with_capacity(text.len() / 5);
    let mut unread: Vec<usize> = Vec::new();
    let mut terminators: Vec<usize> = Vec::new();
    let mut paragraphs = Vec::with_capacity(text.len() / 256 + 1);
    let mut paragraph_start = 0;
    let mut break_pending = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let class = byte::CLASS[usize::from(b)];
        // The common cases first: a space, a plain word.
        if class & byte::SPACE != 0 {
            i += 1;
            continue;
        }
        if class & byte::BREAK != 0 {
            break_pending = true;
            i += 1;
            continue;
        }
        let start = i;
        // A plain word's facts, read here; whether a token without them has
        // none to read either.
        let mut plain = None;
        let mut read = false;
        let kind = if class & byte::ALPHA != 0 && bytes.get(i + 1) != Some(&b'.') {
            i = alnum_run_end(bytes, i);
            if goes_on(bytes, i) {
                i = word_end_slow(text, i);
            } else if let Some(sixteen) = bytes.get(start..start + 16).filter(|_| i - start <= 16) {
                let (low, high) = packed_halves(sixteen, i - start);
                plain = Some(alnum_word_facts(lex, low, high, i - start));
            }
            TokenKind::Word
        } else {
            let Some((c, len)) = char_at(text, i) else {
                break;
            };
            if c.is_whitespace() {
                break_pending |= is_paragraph_break(c);
                i += len;
                continue;
            }
            let punctuation = is_general_punctuation(c);
            if !punctuation && c.is_alphabetic() {
                // Dotted abbreviations: "U.S.", "D.A.", "a.m.", "e.g.".
                let mut j = i;
                let mut letters = 0;
                while let Some((_, n)) = char_at(text, j).filter(|&(l, _)| l.is_alphabetic()) {
                    if text.as_bytes().get(j + n) != Some(&b'.') {
                        break;
                    }
                    j += n + 1;
                    letters += 1;
                }
                i = if letters >= 2 && !is(j, char::is_alphanumeric) {
                    terminators.push(tokens.len());
                    j
                } else {
                    word_end(text, i)
                };
                TokenKind::Word
            } else if !punctuation && c.is_numeric() {
                i += len;
                while let Some((d, n)) = char_at(text, i) {
                    if d.is_alphanumeric() {
                        i += n;
                    } else if matches!(d, '.' | ',' | ':' | '/' | '-')
                        && is(i + n, char::is_numeric)
                    {
                        i += n + char_at(text, i + n).map_or(0, |(_, m)| m);
                    } else {
                        break;
                    }
                }
                // A number of ASCII digits has no facts.
                read = bytes[start..i].is_ascii();
                TokenKind::Number
            } else if is_quote_mark(c) {
                i += len;
                // Archive and wire text writes a double mark as two apostrophes
                // (''Yes,'' she said): one mark, not two.
                if c == '\'' && bytes.get(i) == Some(&b'\'') {
                    i += 1;
                }
                // Quotation marks have no case and no facts.
                read = true;
                TokenKind::Mark
            } else if c == '`' && bytes.get(i + 1) == Some(&b'`') {
                // Typeset text opens a double quotation with two backticks (``Yes,'' she said).
                i += 2;
                read = true;
                TokenKind::Mark
            } else {
                i += len;
                // Two hyphens (or more) stand for a dash: one token.
                if c == '-' && bytes.get(i) == Some(&b'-') {
                    while bytes.get(i) == Some(&b'-') {
                        i += 1;
                    }
                }
                // ASCII punctuation, dashes and the ellipsis have no case and no facts.
                read = c.is_ascii() || punctuation;
                if matches!(c, '.' | '!' | '?' | '…') {
                    terminators.push(tokens.len());
                }
                TokenKind::Punct
            }
        };
        if !read && plain.is_none() {
            unread.push(tokens.len());
        }
        facts.push(plain.unwrap_or_default());
        if break_pending {
            break_pending = false;
            close_paragraph(&tokens, paragraph_start, &mut paragraphs);
            paragraph_start = tokens.len();
        }
        tokens.push(Token {
            span: Span::new(start, i),
            kind,
        });
    }
    close_paragraph(&tokens, paragraph_start, &mut paragraphs);
    Tokenized {
        tokens,
        paragraphs,
        facts,
        unread,
        terminators,
    }
}

/// Ends the paragraph of `tokens[first..]`, if it has any token.
fn close_paragraph(tokens: &[Token], first: usize, paragraphs: &mut Vec<Paragraph>) {
    if first < tokens.len() {
        paragraphs.push(Paragraph {
            span: Span::new(tokens[first].span.start, tokens[tokens.len() - 1].span.end),
            first_token: first,
            end_token: tokens.len(),
        });
    }
}

/// Returns the end of the word starting at byte `i`: letters and digits
/// joined by inner apostrophes ("don’t", "O’Brien") and hyphens ("al-Sadr").
#[inline]
fn word_end(text: &str, i: usize) -> usize {
    let bytes = text.as_bytes();
    let i = alnum_run_end(bytes, i);
    if goes_on(bytes, i) {
        word_end_slow(text, i)
    } else {
        i
    }
}

/// Whether a word whose ASCII letters and digits end at byte `i` may go on:
/// a letter beyond ASCII, an apostrophe, a hyphen or "&" ("don’t",
/// "al-Sadr", "AT&T").
#[inline]
fn goes_on(bytes: &[u8], i: usize) -> bool {
    bytes
        .get(i)
        .is_some_and(|&b| byte::CLASS[usize::from(b)] & (byte::WIDE | byte::JOINER) != 0)
}

/// Returns the end of the run of ASCII letters and digits at byte `i`.
#[inline]
fn alnum_run_end(bytes: &[u8], mut i: usize) -> usize {
    // Plain ASCII letters and digits: most of every word, eight bytes at a
    // time (a byte-by-byte loop mispredicts its exit at every word's end).
    while let Some(eight) = bytes.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(eight);
        let run = ascii_alnum_run(u64::from_le_bytes(word));
        i += run;
        if run < 8 {
            // The byte at `i` ends the run.
            return i;
        }
    }
    // The last bytes of the text, one at a time.
    while bytes
        .get(i)
        .is_some_and(|&b| byte::CLASS[usize::from(b)] & byte::ALNUM != 0)
    {
        i += 1;
    }
    i
}

/// Eight bytes at a time, as one little-endian `u64` ("SWAR").
mod swar {
    pub const ONES: u64 = 0x0101_0101_0101_0101;
    /// The high bit of every byte: set in each byte of a character beyond ASCII.
    pub const HIGH: u64 = 0x8080_8080_8080_8080;

    /// The high bit of each byte of the result is set where that byte of
    /// `x` lies strictly between `lo` and `hi` (both below 128); bytes of 128
    /// and more are never in range. The classic "has between" of bit hacks.
    #[inline]
    pub fn between(x: u64, lo: u8, hi: u8) -> u64 {
        let low7 = x & !HIGH;
        (ONES * (127 + u64::from(hi)) - low7) & !x & (low7 + ONES * (127 - u64::from(lo))) & HIGH
    }

    /// The ASCII bytes of `x` with their capitals made small letters.
    #[inline]
    pub fn ascii_lowercase(x: u64) -> u64 {
        // 0x80 >> 2 is 0x20, the bit between a capital and its small letter.
        x | (between(x, b'A' - 1, b'Z' + 1) >> 2)
    }
}

/// How many of the eight bytes of `word` (little-endian), from the first,
/// are ASCII letters or digits before the first that is not.
#[inline]
fn ascii_alnum_run(word: u64) -> usize {
    use swar::{between, HIGH, ONES};
    let letter = between(word | (ONES * 0x20), b'a' - 1, b'z' + 1);
    let digit = between(word, b'0' - 1, b'9' + 1);
    let not_alnum = !(letter | digit) & HIGH;
    (not_alnum.trailing_zeros() / 8) as usize
}

#[cold]
fn word_end_slow(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        while bytes
            .get(i)
            .is_some_and(|&b| byte::CLASS[usize::from(b)] & byte::ALNUM != 0)
        {
            i += 1;
        }
        if bytes
            .get(i)
            .is_some_and(|&b| byte::CLASS[usize::from(b)] & (byte::WIDE | byte::JOINER) == 0)
        {
            break;
        }
        let Some((c, len)) = char_at(text, i) else {
            break;
        };
        if !is_general_punctuation(c)
            && (c.is_alphanumeric() || c == '\u{0301}' || (!c.is_ascii() && is_combining(c)))
        {
            i += len;
        } else if is_apostrophe_char(c) || is_hyphen(c) || c == '&' {
            let next = char_at(text, i + len).filter(|&(n, _)| n.is_alphanumeric());
            match next {
                Some((_, n)) if char_before(text, i).is_some_and(char::is_alphanumeric) => {
                    i += len + n;
                }
                _ => break,
            }
        } else {
            break;
        }
    }
    i
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Splits paragraph `p` into sentences at those of its `terminators` (the
/// tokens that may end a sentence, in order) that end one.
fn split_sentences(
    text: &str,
    tokens: &[Token],
    p: usize,
    para: &Paragraph,
    terminators: &[usize],
    out: &mut Vec<Sentence>,
) {
    let tok = |i: usize| tokens[i].span.slice(text);
    let mut first = para.first_token;
    // The first token not yet read: closing marks after a terminator are read with it.
    let mut next = para.first_token;
    for &i in terminators {
        if i < next {
            continue;
        }
        // Closing marks and brackets stay with the sentence they close.
        let mut j = i + 1;
        while j < para.end_token
            && tok(j).chars().all(is_closing_char)
            && is_closer_here(text, tokens, j)
        {
            j += 1;
        }
        if j >= para.end_token {
            break;
        }
        if ends_sentence(text, tokens, i, j, para.end_token) {
            out.push(Sentence {
                span: Span::new(tokens[first].span.start, tokens[j - 1].span.end),
                paragraph: p,
                first_token: first,
                end_token: j,
            });
            first = j;
        }
        next = j;
    }
    if first < para.end_token {
        out.push(Sentence {
            span: Span::new(
                tokens[first].span.start,
                tokens[para.end_token - 1].span.end,
            ),
            paragraph: p,
            first_token: first,
            end_token: para.end_token,
        });
    }
}

/// A straight mark right after a terminator closes only when no letter is glued after it.
fn is_closer_here(text: &str, tokens: &[Token], j: usize) -> bool {
    let after = text[tokens[j].span.end..].chars().next();
    !after.is_some_and(char::is_alphanumeric)
}

/// Decides whether the terminator at token `i` (closing marks up to `j`)
/// ends the sentence, given that token `j` follows.
/// How far a sentence end looks for the comma that closes an appositive
/// after a quotation (`“Why?” Lisa Monaco, the adviser on security, said.`).
const APPOSITIVE_TOKENS: usize = 25;

fn ends_sentence(text: &str, tokens: &[Token], i: usize, j: usize, end: usize) -> bool {
    let lex = lexicon();
    let tok = |k: usize| tokens[k].span.slice(text);
    let next = tok(j);
    let next_char = next.chars().next().unwrap_or(' ');
    let opens = next_char.is_uppercase()
        || next_char.is_numeric()
        || (tokens[j].kind == TokenKind::Mark && !is_closing_only(next_char));
    if !opens {
        return false;
    }
    let is_opener = lex.sentence_openers.contains(next);
    let t = tok(i);
    if tokens[i].kind == TokenKind::Word {
        // A dotted abbreviation such as "U.S." may or may not end the sentence.
        return match lex.abbreviations.get(t) {
            Some(AbbreviationClass::Title) => false,
            _ => is_opener,
        };
    }
    if t == "."
        && i > 0
        && tokens[i - 1].kind == TokenKind::Word
        && tokens[i - 1].span.end == tokens[i].span.start
    {
        let before = tok(i - 1);
        match lex.abbreviations.get(before) {
            Some(AbbreviationClass::Title) => return false,
            Some(AbbreviationClass::Other) => return is_opener,
            None => {}
        }
        // An initial: "George W. Bush", "Dana F. Besecker".
        let mut letters = before.chars();
        if letters.next().is_some_and(char::is_uppercase) && letters.next().is_none() {
            return false;
        }
    }
    if j > i + 1 {
        // `“Why?” Forte asked.`: the attribution belongs to the quotation.
        let mut k = j;
        let mut seen = 0;
        let mut past_appositive = false;
        // The period of an initial or a title ("Lisa O. Monaco", "Gen.") ends nothing.
        let abbreviated = |k: usize| {
            tok(k) == "."
                && tokens[k - 1].span.end == tokens[k].span.start
                && (tok(k - 1).len() == 1 && tok(k - 1).chars().all(char::is_uppercase)
                    || lex.abbreviations.get(tok(k - 1)) == Some(&AbbreviationClass::Title))
        };
        let ends_clause = |k: usize| {
            tokens[k].kind == TokenKind::Mark
                || tokens[k].kind == TokenKind::Punct
                    && matches!(tok(k), "." | "!" | "?" | ";")
                    && !abbreviated(k)
        };
        while k < end && seen < 5 {
            let w = tok(k);
            if ends_clause(k) {
                break;
            }
            if lex.cue_lemma(w).is_some() {
                return false;
            }
            // `“Why?” Lisa Monaco, the adviser on security, said.`: past the
            // appositive between the name's commas, the verb comes at once.
            if w == "," && seen > 0 && !past_appositive {
                let closing = (k + 1..end.min(k + APPOSITIVE_TOKENS))
                    .take_while(|&c| !ends_clause(c))
                    .find(|&c| tok(c) == ",");
                if let Some(c) = closing {
                    past_appositive = true;
                    k = c + 1;
                    seen = 3;
                    continue;
                }
            }
            seen += 1;
            k += 1;
        }
    }
    true
}

fn is_closing_only(c: char) -> bool {
    matches!(c, '”' | '»' | '›' | '」' | '』')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let doc = segment(text);
        doc.sentences.iter().map(|s| s.span.slice(text)).collect()
    }

    #[test]
    fn eight_byte_lower_case_and_range_test_agree_with_one_byte_at_a_time() {
        // Every ASCII byte value in every lane, among letters of both cases.
        for b in 0..128u8 {
            for lane in 0..8 {
                let mut word = *b"Ab.zZ-9q";
                word[lane] = b;
                let x = u64::from_le_bytes(word);
                let lower: Vec<u8> = word.iter().map(u8::to_ascii_lowercase).collect();
                assert_eq!(
                    swar::ascii_lowercase(x).to_le_bytes().to_vec(),
                    lower,
                    "byte {b:#04x} in lane {lane}"
                );
                // Exclusive bounds: "-" or ".", one byte, the small letters.
                for (lo, hi) in [
                    (b'-' - 1, b'.' + 1),
                    (b'.' - 1, b'.' + 1),
                    (b'a' - 1, b'z' + 1),
                ] {
                    assert_eq!(
                        swar::between(x, lo, hi) != 0,
                        word.iter().any(|&c| lo < c && c < hi),
                        "{lo:#04x}..{hi:#04x} in {word:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn plain_words_get_the_facts_of_the_general_reading() {
        // Capitals, honorifics, particles, an organisation that is also a
        // pronoun, roles, reporting verbs, a digit, inner apostrophes; each
        // read the fast way and the general way must agree.
        let words = "Mr mr Sen De de WHO who Who minister Minister said SAID told \
                     G7 don't O'Brien police Police aides the The a I officials \
                     spokeswoman Spokeswoman SPOKESWOMAN administration";
        // Words follow, so that sixteen bytes can be read from each of these.
        let text = format!("{words} and then a few words more");
        let doc = segment(&text);
        let lex = lexicon();
        let listed = words.split_whitespace().count();
        for (i, t) in doc.tokens.iter().enumerate().take(listed) {
            let w = t.span.slice(&text);
            let low = w.to_lowercase();
            let general = word_facts(lex, lex.facts_of(&low), w, &low, false);
            assert_eq!(
                plain_word_facts(lex, text.as_bytes(), t),
                Some(general),
                "{w}"
            );
            assert_eq!(doc.facts[i], general, "{w}");
        }
        // Too close to the end of the text for sixteen bytes: the general way.
        let last = doc.tokens.last().unwrap();
        assert_eq!(plain_word_facts(lex, text.as_bytes(), last), None);
        // Honorifics only with their capital; "WHO" is an organisation, "who" is not.
        let has = |w: &str, flag: u16| {
            let k = doc.tokens.iter().position(|t| t.span.slice(&text) == w);
            doc.has(k.expect(w), flag)
        };
        assert!(has("Mr", fact::HONORIFIC) && !has("mr", fact::HONORIFIC));
        assert!(has("WHO", fact::ORGANIZATION) && !has("who", fact::ORGANIZATION));
        assert!(has("de", fact::PARTICLE) && !has("De", fact::PARTICLE));
        // Longer words, hyphens, periods and letters beyond ASCII take the general way.
        let other = segment("internationalisation al-Sadr U.S. Zoë “ and more words after them");
        for t in &other.tokens[..5] {
            assert_eq!(plain_word_facts(lex, other.text.as_bytes(), t), None);
        }
    }

    #[test]
    fn eight_byte_run_of_letters_and_digits_agrees_with_the_byte_table() {
        // Every byte value in every lane, between letters: the bit trick
        // must count exactly the bytes the table calls letters or digits.
        for b in 0..=255u8 {
            for lane in 0..8 {
                let mut word = *b"Ab3zZ09q";
                word[lane] = b;
                let expected = word
                    .iter()
                    .take_while(|&&c| byte::CLASS[usize::from(c)] & byte::ALNUM != 0)
                    .count();
                assert_eq!(
                    ascii_alnum_run(u64::from_le_bytes(word)),
                    expected,
                    "byte {b:#04x} in lane {lane}"
                );
            }
        }
    }

    #[test]
    fn splits_at_sentence_ends_and_keeps_closing_marks() {
        assert_eq!(
            sentences("“We won,” he said. Then they left. “Good.” It was late."),
            vec![
                "“We won,” he said.",
                "Then they left.",
                "“Good.”",
                "It was late."
            ]
        );
    }

    #[test]
    fn survives_news_abbreviations() {
        for text in [
            "Mr. Smith met Dr. Jones on Jan. 5 at No. 10 St. James Street.",
            "Gov. Ramos and Sen. Whitfield spoke to Rep. Alvarez and Gen. Moreau.",
            "Former President George W. Bush spoke in the U.S. capital on Monday.",
            "The U.N. envoy and the U.S. ambassador met in Geneva.",
        ] {
            assert_eq!(sentences(text).len(), 1, "{text}");
        }
    }

    #[test]
    fn dotted_abbreviation_ends_a_sentence_before_an_opener() {
        assert_eq!(
            sentences("The talks were held in the U.S. The next round is in May.").len(),
            2
        );
    }

    #[test]
    fn question_quote_keeps_its_attribution() {
        assert_eq!(
            sentences("“Do they take the profit?” Forte said. “Maybe.”"),
            vec!["“Do they take the profit?” Forte said.", "“Maybe.”"]
        );
        // Past an appositive between commas, and past an initial's period.
        assert_eq!(
            sentences("“Is it ours to act?” Lisa O. Monaco, the adviser on security, said. “No.”"),
            vec![
                "“Is it ours to act?” Lisa O. Monaco, the adviser on security, said.",
                "“No.”"
            ]
        );
        // A new sentence with commas of its own and no reporting verb.
        assert_eq!(
            sentences("“Is this fair?” Then, after the vote, she left."),
            vec!["“Is this fair?”", "Then, after the vote, she left."]
        );
    }

    #[test]
    fn lines_are_paragraphs_and_tokens_keep_apostrophes() {
        let text = "Obama’s aide didn’t go.\n\nO'Brien's rock 'n' roll.\n";
        let doc = segment(text);
        assert_eq!(doc.paragraphs.len(), 2);
        let words: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.tok(i)).collect();
        assert!(words.contains(&"Obama’s"));
        assert!(words.contains(&"didn’t"));
        assert!(words.contains(&"O'Brien's"));
    }

    #[test]
    fn words_of_a_span_are_its_runs_between_white_space_with_a_letter_or_digit() {
        for text in [
            "A/B tests, rock 'n' roll — “Ça va,” dit-il… 4,000 U.S.-made 😊 cars",
            "  «Nous  sommes» prêts\u{a0}: l’équipe ‘won’ 3-1 at 7pm\tlast night.",
        ] {
            let doc = segment(text);
            let n = doc.tokens.len();
            for i in 0..n {
                for j in i + 1..=n {
                    let span = Span::new(doc.tokens[i].span.start, doc.tokens[j - 1].span.end);
                    let expected = span
                        .slice(text)
                        .split_whitespace()
                        .filter(|w| w.chars().any(char::is_alphanumeric))
                        .count();
                    assert_eq!(doc.words(span), expected, "{:?}", span.slice(text));
                }
            }
        }
    }

    #[test]
    fn hyphens_in_a_row_are_one_dash() {
        let text = "Dickey -- the chief -- said. A well-known---odd case ― here.";
        let doc = segment(text);
        let dashes: Vec<&str> = (0..doc.tokens.len())
            .map(|i| doc.tok(i))
            .filter(|t| is_dash(t))
            .collect();
        assert_eq!(dashes, vec!["--", "--", "---", "―"]);
        assert!(!is_dash("-"));
    }

    #[test]
    fn tokens_carry_byte_offsets_past_emoji() {
        let text = "😊 “Ça va,” dit-il.";
        let doc = segment(text);
        let open = doc
            .tokens
            .iter()
            .find(|t| t.kind == TokenKind::Mark)
            .unwrap();
        assert_eq!(open.span, Span::new(5, 8));
        assert_eq!(doc.tok(2), "Ça");
        assert!(doc.tokens.iter().any(|t| t.span.slice(text) == "dit-il"));
    }
}
