//! The quotation-mark stage: pairs opening and closing marks into quotations.
//!
//! Curly, straight, low-9, guillemet and corner marks are paired with a stack
//! per paragraph, so nesting works and a stray mark is recovered locally: an
//! opener left unclosed at the end of its paragraph is dropped, unless the
//! next paragraph reopens the same mark (the news convention for a quotation
//! running over several paragraphs) or the opener starts its paragraph (a
//! quotation whose closing mark was forgotten). Nothing pairs across a
//! paragraph break, so no mark can swallow the rest of the document.
//!
//! Apostrophes are told from single marks by their neighbours: a mark between
//! letters (don’t, O’Brien, Obama’s), before a two-digit year (’90s), in
//! "rock ’n’ roll", or after a plural with no opener to close (nations’ own).

use std::collections::VecDeque;

use crate::types::{fact, Document, QuoteSpan, Span, TokenKind};

/// How many open marks a closer may look past; keeps pairing linear on
/// pathological input such as thousands of unmatched marks.
const SEARCH_DEPTH: usize = 16;
/// How many open marks a paragraph keeps at most.
const MAX_OPEN: usize = 256;

/// What a mark does where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// Closes when something it closes is open, else opens (straight marks,
    /// guillemets whose direction depends on the language).
    Either,
    /// Not a quotation mark here.
    Apostrophe,
}

/// Returns true when `closer` closes a quotation opened by `opener`.
fn closes(opener: char, closer: char) -> bool {
    match opener {
        // Pages that mix straight and curly marks close “ with " and " with ”:
        // the innermost open mark is tried first, so a nested pair still pairs.
        '“' => matches!(closer, '”' | '“' | '"'),
        '”' => closer == '”',
        '„' => matches!(closer, '“' | '”'),
        '"' => matches!(closer, '"' | '”'),
        '«' => closer == '»',
        '»' => closer == '«',
        '‹' => closer == '›',
        '›' => closer == '‹',
        '‘' | '‛' => closer == '’',
        '‚' => matches!(closer, '‘' | '’'),
        '\'' => matches!(closer, '\'' | '’'),
        '「' => closer == '」',
        '『' => closer == '』',
        '‟' => closer == '”',
        _ => false,
    }
}

/// Returns true when the two marks open the same kind of quotation (used to
/// recognise a paragraph that continues the previous one's quotation).
fn same_family(a: char, b: char) -> bool {
    let family = |c: char| match c {
        '“' | '”' | '„' | '"' | '‟' => 0,
        '‘' | '’' | '‚' | '\'' | '‛' => 1,
        '«' | '»' => 2,
        '‹' | '›' => 3,
        '「' | '」' => 4,
        '『' | '』' => 5,
        _ => 9,
    };
    family(a) == family(b)
}

#[derive(Debug, Clone, Copy)]
struct Open {
    mark: char,
    token: usize,
    group: Option<usize>,
}

/// Finds every quotation of the document, sorted by start.
pub fn find(doc: &Document) -> Vec<QuoteSpan> {
    let text = doc.text;
    let mut out = Vec::new();
    let mut next_group = 0usize;
    // The group a continued quotation carries into the next paragraph.
    let mut carried: Option<(char, usize)> = None;
    for (p, para) in doc.paragraphs.iter().enumerate() {
        let mut stack: VecDeque<Open> = VecDeque::new();
        let marks: Vec<usize> = (para.first_token..para.end_token)
            .filter(|&i| doc.tokens[i].kind == TokenKind::Mark)
            .collect();
        // Position of the last right-flanking ’ of the paragraph, for the
        // plural-possessive test.
        let last_right_quote = marks
            .iter()
            .rev()
            .find(|&&i| mark_char(doc, i) == '’' && right_flanking(doc, i, para.span))
            .copied();
        let carry_in = carried.take();
        for &i in &marks {
            let c = mark_char(doc, i);
            let role = role_of(doc, i, para.span, &stack, last_right_quote);
            // A straight mark that may open as well (`onerror="x"`) closes only
            // its own kind; one that can only close may close a curly opener.
            let mixed = |o: char| matches!((o, c), ('“', '"') | ('"', '”'));
            let close_at = || {
                stack
                    .iter()
                    .enumerate()
                    .rev()
                    .take(SEARCH_DEPTH)
                    .find(|(_, o)| closes(o.mark, c) && (role == Role::Close || !mixed(o.mark)))
                    .map(|(k, _)| k)
            };
            let closing = match role {
                Role::Close | Role::Either => close_at(),
                _ => None,
            };
            if let Some(k) = closing {
                let open = stack[k];
                // Openers above it were never closed: drop them.
                stack.truncate(k);
                let group = open.group.unwrap_or_else(|| new_group(&mut next_group));
                push_quote(
                    doc,
                    &mut out,
                    open.token,
                    Some(i),
                    p,
                    stack.len(),
                    group,
                    open.group.is_some(),
                );
                continue;
            }
            if matches!(role, Role::Open | Role::Either) {
                let group = match carry_in {
                    Some((mark, g))
                        if stack.is_empty() && i == para.first_token && same_family(mark, c) =>
                    {
                        Some(g)
                    }
                    _ => None,
                };
                if stack.len() == MAX_OPEN {
                    stack.pop_front();
                }
                stack.push_back(Open {
                    mark: c,
                    token: i,
                    group,
                });
            }
        }
        // The outermost opener left open: continued, forgotten, or stray.
        if let Some(open) = stack.front().copied() {
            let next_opens_same = doc.paragraphs.get(p + 1).is_some_and(|next| {
                let first = next.first_token;
                doc.tokens[first].kind == TokenKind::Mark
                    && same_family(mark_char(doc, first), open.mark)
                    && !right_flanking(doc, first, next.span)
            });
            let starts_paragraph = open.token == para.first_token;
            if next_opens_same || starts_paragraph {
                let group = open.group.unwrap_or_else(|| new_group(&mut next_group));
                // “Q, said Anna Berg, the mayor. — a closing mark forgotten
                // before the attribution: the quotation ends at its comma.
                let close = (!next_opens_same)
                    .then(|| forgotten_close(doc, open.token, para.end_token))
                    .flatten();
                push_quote(
                    doc,
                    &mut out,
                    open.token,
                    close,
                    p,
                    0,
                    group,
                    open.group.is_some(),
                );
                if next_opens_same {
                    carried = Some((open.mark, group));
                }
            }
        }
        let _ = text;
    }
    out.sort_by_key(|q| (q.span.start, std::cmp::Reverse(q.span.end)));
    out
}

/// The comma after which an unclosed quotation's attribution stands
/// (`, said X`, or `, X said` with X a name or a pronoun of up to three
/// words), if there is one before the paragraph's end.
fn forgotten_close(doc: &Document, open: usize, end: usize) -> Option<usize> {
    (open + 2..end.saturating_sub(2)).find(|&c| {
        doc.tok(c) == ","
            && (doc.cue_lemma(c + 1).is_some()
                || (c + 2..(c + 5).min(end)).any(|v| {
                    doc.cue_lemma(v).is_some()
                        && (c + 1..v).all(|k| {
                            doc.has(k, fact::UPPER_FIRST)
                                || matches!(doc.low(k), "he" | "she" | "they")
                        })
                }))
    })
}

/// Returns a fresh group number.
fn new_group(next: &mut usize) -> usize {
    *next += 1;
    *next - 1
}

#[allow(clippy::too_many_arguments)]
fn push_quote(
    doc: &Document,
    out: &mut Vec<QuoteSpan>,
    open: usize,
    close: Option<usize>,
    paragraph: usize,
    depth: usize,
    group: usize,
    continued: bool,
) {
    let para = doc.paragraphs[paragraph];
    let start = doc.tokens[open].span.start;
    let (end, inner_end) = match close {
        Some(c) => (doc.tokens[c].span.end, doc.tokens[c].span.start),
        None => (para.span.end, para.span.end),
    };
    let inner_start = doc.tokens[open].span.end;
    let inner = trim(doc.text, Span::new(inner_start, inner_end));
    // Marks around no word (“…”, “—”, a run of marks) quote nothing.
    if !inner.slice(doc.text).chars().any(char::is_alphanumeric) {
        return;
    }
    out.push(QuoteSpan {
        span: Span::new(start, end),
        inner,
        paragraph,
        depth: depth.min(u8::MAX as usize) as u8,
        group,
        continued,
        open_ended: close.is_none(),
    });
}

fn trim(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail >= s.len() {
        return Span::new(span.start, span.start);
    }
    Span::new(span.start + lead, span.end - trail)
}

/// The mark a token stands for: two apostrophes ('') or two backticks (``)
/// are a straight double mark.
fn mark_char(doc: &Document, i: usize) -> char {
    match doc.tok(i) {
        "''" | "``" => '"',
        t => t.chars().next().unwrap_or(' '),
    }
}

fn char_before(doc: &Document, i: usize, para: Span) -> Option<char> {
    let start = doc.tokens[i].span.start;
    if start <= para.start {
        return None;
    }
    doc.text[..start].chars().next_back()
}

fn char_after(doc: &Document, i: usize, para: Span) -> Option<char> {
    let end = doc.tokens[i].span.end;
    if end >= para.end {
        return None;
    }
    doc.text[end..].chars().next()
}

/// Opens a stretch: nothing or space or an opening bracket before it, a non-space after.
fn left_flanking(doc: &Document, i: usize, para: Span) -> bool {
    let after = char_after(doc, i, para);
    let before = char_before(doc, i, para);
    after.is_some_and(|c| !c.is_whitespace())
        && before.is_none_or(|c| {
            c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '―' | '-' | '/' | ':')
        })
}

/// Closes a stretch: a non-space before it, nothing or space or punctuation after.
fn right_flanking(doc: &Document, i: usize, para: Span) -> bool {
    let after = char_after(doc, i, para);
    let before = char_before(doc, i, para);
    before.is_some_and(|c| !c.is_whitespace()) && after.is_none_or(|c| !c.is_alphanumeric())
}

fn role_of(
    doc: &Document,
    i: usize,
    para: Span,
    stack: &VecDeque<Open>,
    last_right_quote: Option<usize>,
) -> Role {
    let c = mark_char(doc, i);
    let before = char_before(doc, i, para);
    let after = char_after(doc, i, para);
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let has_open =
        |pred: &dyn Fn(char) -> bool| stack.iter().rev().take(SEARCH_DEPTH).any(|o| pred(o.mark));
    let left = left_flanking(doc, i, para);
    let right = right_flanking(doc, i, para);
    match c {
        '\'' | '‘' | '’' | '‛' => {
            if alnum(before) && alnum(after) {
                return Role::Apostrophe;
            }
            // ’90s, ’em: an elided start of a word.
            if !alnum(before) && after.is_some_and(char::is_numeric) {
                return Role::Apostrophe;
            }
            if is_rock_n_roll(doc, i) {
                return Role::Apostrophe;
            }
            match c {
                '‘' | '‛' => {
                    if has_open(&|m| m == '‚') && right {
                        Role::Close
                    } else if left {
                        Role::Open
                    } else {
                        Role::Apostrophe
                    }
                }
                '’' => {
                    let open_single = has_open(&|m| matches!(m, '‘' | '‚' | '\'' | '‛'));
                    if !open_single {
                        return Role::Apostrophe;
                    }
                    // "the nations’ own ‘rules’": a plural possessive when a later ’ can still close.
                    let possessive = before == Some('s')
                        && after == Some(' ')
                        && next_word_is_lowercase(doc, i)
                        && last_right_quote.is_some_and(|last| last > i);
                    if right && !possessive {
                        Role::Close
                    } else {
                        Role::Apostrophe
                    }
                }
                _ => {
                    // Straight '.
                    if right && has_open(&|m| m == '\'') {
                        Role::Close
                    } else if left && after.is_some_and(char::is_alphabetic) {
                        Role::Open
                    } else {
                        Role::Apostrophe
                    }
                }
            }
        }
        '"' => {
            if right && !left {
                Role::Close
            } else if left && !right {
                Role::Open
            } else {
                Role::Either
            }
        }
        '“' => {
            if has_open(&|m| m == '„') {
                Role::Close
            } else {
                Role::Open
            }
        }
        '”' => {
            if has_open(&|m| matches!(m, '“' | '„' | '”' | '‟' | '"')) {
                Role::Close
            } else if left {
                Role::Open
            } else {
                Role::Apostrophe
            }
        }
        '„' | '‚' | '‟' | '「' | '『' => {
            if c == '‚' && !left {
                Role::Apostrophe
            } else {
                Role::Open
            }
        }
        '」' | '』' => Role::Close,
        '«' | '»' | '‹' | '›' => Role::Either,
        _ => Role::Apostrophe,
    }
}

fn next_word_is_lowercase(doc: &Document, i: usize) -> bool {
    doc.tokens
        .get(i + 1)
        .filter(|t| t.kind == TokenKind::Word)
        .and_then(|t| t.span.slice(doc.text).chars().next())
        .is_some_and(char::is_lowercase)
}

/// "rock 'n' roll", "fish ’n’ chips".
fn is_rock_n_roll(doc: &Document, i: usize) -> bool {
    let is_n = |k: usize| {
        doc.tokens
            .get(k)
            .is_some_and(|t| t.span.slice(doc.text) == "n")
    };
    let is_mark = |k: usize| {
        doc.tokens.get(k).is_some_and(|t| {
            t.kind == TokenKind::Mark && matches!(t.span.slice(doc.text), "'" | "’" | "‘")
        })
    };
    (is_n(i + 1) && is_mark(i + 2)) || (i >= 2 && is_n(i - 1) && is_mark(i - 2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment;

    fn quotes(text: &str) -> Vec<&str> {
        let doc = segment(text);
        find(&doc).iter().map(|q| q.inner.slice(text)).collect()
    }

    #[test]
    fn pairs_curly_double_marks() {
        assert_eq!(
            quotes("“We won,” he said. “Again.”"),
            vec!["We won,", "Again."]
        );
    }

    #[test]
    fn pairs_every_style() {
        for (text, inner) in [
            ("He said \"yes\" twice.", "yes"),
            ("Sie sagte: „Wir schaffen das“.", "Wir schaffen das"),
            ("Il a dit : « Nous restons » hier.", "Nous restons"),
            ("Er sagte »Nein« und ging.", "Nein"),
            ("Un ‹ mot › rare.", "mot"),
            ("彼は「行きます」と言った。", "行きます"),
            ("彼は『本』と言った。", "本"),
            ("Sie sagte ‚nie‘ dazu.", "nie"),
            ("He called it 'a farce' on Monday.", "a farce"),
        ] {
            assert_eq!(quotes(text), vec![inner], "{text}");
        }
    }

    #[test]
    fn pairs_straight_and_curly_marks_mixed_on_one_page() {
        assert_eq!(
            quotes("“Deals are not a favour,\" Ms. Ruiz said, adding that they went out \"like candy.\""),
            vec!["Deals are not a favour,", "like candy."]
        );
        assert_eq!(
            quotes("She sorted the \"work” emails from the “personal” ones."),
            vec!["work", "personal"]
        );
        // A straight pair inside a curly one still pairs with itself, also
        // where its first mark could close as well as open (`=\"`).
        assert_eq!(
            quotes("“He said \"no\" to me,” she said."),
            vec!["He said \"no\" to me,", "no"]
        );
        assert_eq!(
            quotes("“Try <img onerror=\"x=1\"> now,” she said."),
            vec!["Try <img onerror=\"x=1\"> now,", "x=1"]
        );
    }

    #[test]
    fn two_apostrophes_or_two_backticks_are_a_double_mark() {
        assert_eq!(
            quotes("''This isn't a plan,'' said Ms. Okafor. ''It's a wish list.''"),
            vec!["This isn't a plan,", "It's a wish list."]
        );
        assert_eq!(
            quotes("``We'll see,'' the players' coach said."),
            vec!["We'll see,"]
        );
        // Continued over paragraphs, as with any double mark.
        let text = "''First part.\n\n''Last part,'' she said.\n";
        let doc = segment(text);
        let found = find(&doc);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].group, found[1].group);
    }

    #[test]
    fn tells_apostrophes_from_single_marks() {
        assert_eq!(
            quotes(
                "Obama’s aide said ‘don’t panic’ about the ’90s and rock ’n’ roll, O’Brien added."
            ),
            vec!["don’t panic"]
        );
        assert_eq!(
            quotes("China will promote ‘real democracy based on nations’ own conditions’ soon."),
            vec!["real democracy based on nations’ own conditions"]
        );
        assert!(quotes("The nations’ leaders met in the players' lounge.").is_empty());
    }

    #[test]
    fn nests_single_inside_double() {
        let text = "“The Soviets ran a vast ‘neonization’ drive,” she writes.";
        assert_eq!(
            quotes(text),
            vec!["The Soviets ran a vast ‘neonization’ drive,", "neonization"]
        );
        let doc = segment(text);
        let found = find(&doc);
        assert_eq!(found[1].depth, 1);
    }

    #[test]
    fn multi_paragraph_quotation_is_one_group() {
        let text = "“First part.\n\n“Second part.\n\n“Last part,” she said.\n";
        let doc = segment(text);
        let found = find(&doc);
        assert_eq!(found.len(), 3);
        assert!(found.iter().all(|q| q.group == found[0].group));
        assert!(!found[0].continued && found[1].continued && found[2].continued);
        assert!(found[0].open_ended && !found[2].open_ended);
    }

    #[test]
    fn forgotten_closing_mark_ends_before_the_attribution() {
        assert_eq!(
            quotes(
                "“This opens and never closes, said Anna Berg, the mayor.\n\nThe council met.\n"
            ),
            vec!["This opens and never closes"]
        );
        assert_eq!(
            quotes("“We tried everything, she said. Nothing worked.\n"),
            vec!["We tried everything"]
        );
        // Continued in the next paragraph: no attribution to look for yet.
        assert_eq!(
            quotes("“We tried, she said, everything\n\n“and nothing worked.”\n").len(),
            2
        );
    }

    #[test]
    fn stray_mark_does_not_swallow_the_rest() {
        let text = "He said “this never closes and\n\nthe next paragraph is “fine” here.\n";
        assert_eq!(quotes(text), vec!["fine"]);
        assert_eq!(quotes("A “stray and “a pair” here."), vec!["a pair"]);
    }

    #[test]
    fn spans_include_marks_and_count_bytes() {
        let text = "😊 “Ça,” dit-il.";
        let doc = segment(text);
        let q = find(&doc)[0];
        assert_eq!(q.span, Span::new(5, 15));
        assert_eq!(q.inner.slice(text), "Ça,");
    }
}
