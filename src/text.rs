//! The text stage: paragraphs, tokens and sentences, with byte offsets into
//! the original string.
//!
//! A paragraph is a line (blank lines only separate). A sentence ends at
//! `.`, `!`, `?` or `…` (with any closing marks after it) before a capital,
//! a digit or an opening mark, except after abbreviations ("Mr.", "U.S."),
//! initials ("George W. Bush") and where a quotation ending in `?”` is
//! followed by its own attribution ("“Why?” Forte asked.").

use crate::lexicon::{lexicon, AbbreviationClass};
use crate::types::{Document, Paragraph, Sentence, Span, Token, TokenKind};

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

fn is_paragraph_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{0B}' | '\u{0C}'
    )
}

fn is_apostrophe_char(c: char) -> bool {
    matches!(c, '\'' | '’')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// Splits `text` into paragraphs, tokens and sentences.
pub fn segment(text: &str) -> Document<'_> {
    let tokens = tokenize(text);
    let paragraphs = paragraphs(text, &tokens);
    let mut sentences = Vec::new();
    for (p, para) in paragraphs.iter().enumerate() {
        split_sentences(text, &tokens, p, para, &mut sentences);
    }
    let mut sentence_of_token = vec![0; tokens.len()];
    for (s, sentence) in sentences.iter().enumerate() {
        for slot in &mut sentence_of_token[sentence.first_token..sentence.end_token] {
            *slot = s;
        }
    }
    let lowered = tokens
        .iter()
        .map(|t| {
            let w = t.span.slice(text);
            w.chars()
                .any(char::is_uppercase)
                .then(|| w.to_lowercase().into_boxed_str())
        })
        .collect();
    Document {
        text,
        tokens,
        paragraphs,
        sentences,
        sentence_of_token,
        lowered,
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

/// Cuts the text into tokens. Paragraph breaks are not tokens; they are
/// recovered from the gaps between tokens.
fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let byte_at = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut tokens = Vec::with_capacity(chars.len() / 4);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let kind = if c.is_alphabetic() {
            // Dotted abbreviations: "U.S.", "D.A.", "a.m.", "e.g.".
            let mut j = i;
            while at(j).is_some_and(char::is_alphabetic)
                && at(j + 1) == Some('.')
                && (j == i || at(j - 1) == Some('.'))
            {
                j += 2;
            }
            if j - i >= 4 && !at(j).is_some_and(char::is_alphanumeric) {
                i = j;
            } else {
                i = word_end(&chars, i);
            }
            TokenKind::Word
        } else if c.is_numeric() {
            i += 1;
            while let Some(d) = at(i) {
                if d.is_alphanumeric() {
                    i += 1;
                } else if matches!(d, '.' | ',' | ':' | '/' | '-')
                    && at(i + 1).is_some_and(char::is_numeric)
                {
                    i += 2;
                } else {
                    break;
                }
            }
            TokenKind::Number
        } else if is_quote_mark(c) {
            i += 1;
            TokenKind::Mark
        } else {
            i += 1;
            TokenKind::Punct
        };
        tokens.push(Token {
            span: Span::new(byte_at(start), byte_at(i)),
            kind,
        });
    }
    tokens
}

/// Returns the end of the word starting at char index `i`: letters and digits
/// joined by inner apostrophes ("don’t", "O’Brien") and hyphens ("al-Sadr").
fn word_end(chars: &[(usize, char)], mut i: usize) -> usize {
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    while let Some(c) = at(i) {
        if c.is_alphanumeric() || c == '\u{0301}' || (!c.is_ascii() && is_combining(c)) {
            i += 1;
        } else if (is_apostrophe_char(c) || is_hyphen(c) || c == '&')
            && at(i + 1).is_some_and(char::is_alphanumeric)
            && i > 0
            && at(i - 1).is_some_and(char::is_alphanumeric)
        {
            i += 2;
        } else {
            break;
        }
    }
    i
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn paragraphs(text: &str, tokens: &[Token]) -> Vec<Paragraph> {
    let mut paragraphs = Vec::new();
    let mut first = 0;
    for i in 0..tokens.len() {
        let ends_here = match tokens.get(i + 1) {
            None => true,
            Some(next) => text[tokens[i].span.end..next.span.start]
                .chars()
                .any(is_paragraph_break),
        };
        if ends_here {
            paragraphs.push(Paragraph {
                span: Span::new(tokens[first].span.start, tokens[i].span.end),
                first_token: first,
                end_token: i + 1,
            });
            first = i + 1;
        }
    }
    paragraphs
}

fn split_sentences(
    text: &str,
    tokens: &[Token],
    p: usize,
    para: &Paragraph,
    out: &mut Vec<Sentence>,
) {
    let tok = |i: usize| tokens[i].span.slice(text);
    let mut first = para.first_token;
    let mut i = para.first_token;
    while i < para.end_token {
        let t = tok(i);
        let terminator = tokens[i].kind == TokenKind::Punct && matches!(t, "." | "!" | "?" | "…");
        let dotted_word = tokens[i].kind == TokenKind::Word && t.ends_with('.');
        if !(terminator || dotted_word) {
            i += 1;
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
        i = j;
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
        while k < end && seen < 5 {
            let w = tok(k);
            if tokens[k].kind == TokenKind::Punct && matches!(w, "." | "!" | "?" | ";") {
                break;
            }
            if tokens[k].kind == TokenKind::Mark {
                break;
            }
            if lex.cue_lemma(w).is_some() {
                return false;
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
