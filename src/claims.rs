//! The reported-speech stage: the claim each reporting cue introduces when
//! it is not (or not only) in quotation marks.
//!
//! Content spans follow the PARC/PolNeAR convention: the reported clause
//! only, without the cue, the source or "that", and without a trailing
//! attribution. The shapes read here:
//!
//! - `X said (that) C.` / `X told Y (that) C.` / `X warned that C.` / `X denied C.`
//! - `C, X said.` / `C, said X.` / `C, according to X.`
//! - `According to X, C.`
//! - `C1, X said, C2.` (one span over both parts; the cue between them is
//!   not held against it)
//!
//! A clause that is mostly inside quotation marks is a quotation, found by
//! the `quotes` stage, and is not repeated here.

use crate::cues::CueMatch;
use crate::lexicon::{class, lexicon};
use crate::mentions::is_verb_like;
use crate::text::{is_comma_or_dash, is_dash};
use crate::types::{CueForm, Document, QuoteSpan, Span, TokenKind};

/// How far after its cue a claim may start, in tokens.
const START_REACH: usize = 9;
/// How long a claim may run, in tokens.
const MAX_CLAIM: usize = 120;

/// One reported claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claim {
    /// The claim's content.
    pub span: Span,
    /// Index of the cue that introduces it.
    pub cue: usize,
}

fn is_terminator(doc: &Document, k: usize) -> bool {
    matches!(doc.tok(k), "." | "?" | "!" | ";") && !crate::mentions::is_initial_period(doc, k)
}

fn is_word(doc: &Document, k: usize) -> bool {
    matches!(doc.tokens[k].kind, TokenKind::Word | TokenKind::Number)
}

/// Finds the claim of every cue that has a source.
pub fn find(
    doc: &Document,
    cues: &[CueMatch],
    quotes: &[QuoteSpan],
    in_quote: &[bool],
) -> Vec<Claim> {
    let mut out: Vec<Claim> = Vec::new();
    for (ci, c) in cues.iter().enumerate() {
        let first = c.cue.first_token;
        let sentence = doc.sentences[doc.sentence_of_token[first]];
        // ("Whitfield, asked whether …, was noncommittal", "Asked to
        // describe it, she said": the one asked, not the one asking.)
        let passive = first == sentence.first_token || first > 0 && doc.tok(first - 1) == ",";
        let request = c.lemma == "ask"
            && !passive
            && crate::cues::asks_for(doc, c.cue.end_token, sentence.end_token);
        if c.source.is_none() || c.weak && !request || in_quote[first] {
            continue;
        }
        // "declined to comment", "wants to say": an infinitive reports nothing yet.
        if first > 0 && doc.tok(first - 1).eq_ignore_ascii_case("to") {
            continue;
        }
        // "So says Edith Marlowe": what she says came before, quoted.
        if crate::cues::follows_so(doc, first) {
            continue;
        }
        // A headline (a first paragraph without a final stop) carries no claims.
        if sentence.paragraph == 0 && !ends_with_stop(doc.paragraphs[0].span.slice(doc.text)) {
            continue;
        }
        // `“Q,” X said` / `“Q,” X was quoted as saying`: the quotation is the claim.
        let lead = c
            .source
            .as_ref()
            .map_or(c.cue.span.start, |s| s.span.start.min(c.cue.span.start));
        let lead_tok = back_over_commas_and_dashes(
            doc,
            doc.tokens.partition_point(|t| t.span.start < lead),
            sentence.first_token,
        );
        if lead_tok > sentence.first_token && in_quote[lead_tok - 1] {
            let close = doc.tokens[lead_tok - 1].span.end;
            let at = quotes.partition_point(|q| q.span.end < close);
            if quotes.get(at).is_some_and(|q| {
                q.span.end == close && q.span.start <= doc.tokens[sentence.first_token].span.start
            }) {
                continue;
            }
        }
        let end = content_end(doc, cues, ci, sentence.end_token, in_quote);
        let span = if c.cue.form == CueForm::AccordingTo {
            according_to(doc, c, sentence.first_token, end)
        } else if c.inverted || source_before_after_comma(doc, c, sentence.first_token) {
            // "Analysts estimated that A, B, they added": the part before starts
            // after the sentence's earlier cue.
            // An infinitive ("declined to comment") reports nothing: not a bound.
            let lower = cues[..ci]
                .iter()
                .rev()
                .take_while(|p| p.cue.first_token >= sentence.first_token)
                .find(|p| {
                    // Neither an infinitive ("declined to comment") nor a verb
                    // that reports nothing here ("The firm found new customers,
                    // its owner said") bounds the claim.
                    let f = p.cue.first_token;
                    let infinitive = f > 0 && doc.tok(f - 1).eq_ignore_ascii_case("to");
                    !(p.weak || infinitive || is_unreal(doc, f))
                })
                .map_or(sentence.first_token, |p| {
                    let k = p.cue.end_token;
                    if k < end && doc.tok(k).eq_ignore_ascii_case("that") {
                        k + 1
                    } else {
                        k
                    }
                });
            before_and_after(doc, c, lower, end)
        } else {
            after(doc, c, end, in_quote)
        };
        let Some(mut span) = span else { continue };
        // "CAIRO (Reuters) - Talks stalled …": the dateline is not the claim.
        if span.start == doc.tokens[sentence.first_token].span.start {
            let body = crate::text::dateline_end(doc, sentence.first_token, sentence.end_token);
            if body > sentence.first_token && doc.tokens[body].span.start < span.end {
                span.start = doc.tokens[body].span.start;
            }
        }
        // "Supporters chanted “Lock him up” as the motorcade passed": a
        // quotation that opens the claim is what was said; a clause or phrase
        // after it that a subordinator or preposition opens is the writer's.
        let at = quotes.partition_point(|q| q.span.start < span.start);
        if let Some(q) = quotes
            .get(at)
            .filter(|q| q.span.start == span.start && q.span.end < span.end)
        {
            let next = doc.token_at(q.span.end);
            if next < doc.tokens.len() && doc.is(next, class::SUBORDINATOR | class::PREPOSITION) {
                span.end = q.span.end;
            }
        }
        if doc.words(span) < 2 || mostly_quoted(doc.text, span, quotes) {
            continue;
        }
        // "The poll said little about who voters blame", "he said nothing
        // about the plan": how much was said, not what.
        let head = doc.token_at(span.start);
        if head + 1 < doc.tokens.len()
            && c.cue.end_token == head
            && matches!(
                doc.low(head),
                "little" | "nothing" | "much" | "less" | "more"
            )
            && matches!(doc.low(head + 1), "about" | "of" | "on")
        {
            continue;
        }
        if out.last().is_some_and(|l| l.span == span) {
            continue;
        }
        out.push(Claim { span, cue: ci });
    }
    out.sort_by_key(|c| (c.span.start, c.span.end));
    // Two cues reading the same clause (the second one inside it): keep the outer.
    // A claim reported inside another stays ("X told police she …,
    // according to the document": the document reports what X said),
    // unless its own cue tells of no act of speech.
    out.dedup_by(|later, earlier| {
        let inner = &cues[later.cue].cue;
        earlier.span.contains(later.span)
            && earlier.span.end == later.span.end
            && (!earlier.span.contains(inner.span) || is_unreal(doc, inner.first_token))
    });
    out
}

/// True for a cue that tells of no act of speech: negated or after a
/// modal ("could not explicitly tell donors …", "would never say"), an
/// adverb allowed between.
fn is_unreal(doc: &Document, cue_first: usize) -> bool {
    (cue_first.saturating_sub(3)..cue_first).any(|k| {
        matches!(
            doc.low(k),
            "not"
                | "never"
                | "cannot"
                | "could"
                | "would"
                | "should"
                | "might"
                | "may"
                | "must"
                | "can"
        ) || doc.low(k).ends_with("n't")
            || doc.low(k).ends_with("n’t")
    })
}

/// True when at least half of the span's letters lie inside quotation marks.
fn mostly_quoted(text: &str, span: Span, quotes: &[QuoteSpan]) -> bool {
    let count = |s: Span| {
        let part = s.slice(text);
        if part.is_ascii() {
            part.bytes().filter(u8::is_ascii_alphanumeric).count()
        } else {
            part.chars().filter(|c| c.is_alphanumeric()).count()
        }
    };
    let total = count(span);
    let at = quotes.partition_point(|q| q.span.end <= span.start);
    let inside: usize = quotes[at..]
        .iter()
        .take_while(|q| q.span.start < span.end)
        .filter(|q| q.depth == 0)
        .map(|q| {
            count(Span::new(
                q.span.start.max(span.start),
                q.span.end.min(span.end),
            ))
        })
        .sum();
    total == 0 || inside * 2 >= total
}

/// Where a claim after cue `ci` stops: the sentence end, a semicolon, or the
/// next cue of the sentence with what introduces it (", she said", "and argued").
fn content_end(
    doc: &Document,
    cues: &[CueMatch],
    ci: usize,
    sentence_end: usize,
    in_quote: &[bool],
) -> usize {
    let c = &cues[ci];
    let limit = sentence_end.min(c.cue.end_token + MAX_CLAIM);
    let mut end = (c.cue.end_token..limit)
        .find(|&k| is_terminator(doc, k) && !in_quote[k])
        .unwrap_or(limit);
    // A coordinated or trailing cue ends the claim: "… and argued that",
    // "…, she said", "…, saying", "…, according to X". A cue inside the
    // claim ("said it was recalling") does not.
    // The writer's own clause after the claim ends it: ", although he
    // again refused …" (a clause with its own subject and verb); so does a second verb of the speaker's that reports
    // nothing ("said A and encouraged B to …").
    let past_cue = doc.low(c.cue.first_token).ends_with("ed")
        || matches!(doc.low(c.cue.first_token), "said" | "told" | "wrote");
    if let Some(k) = (c.cue.end_token + 2..end).find(|&k| {
        !in_quote[k]
            && (doc.tok(k - 1) == ","
                && matches!(doc.low(k), "although" | "though" | "whereas")
                // A clause with its own verb, not "…, though no longer in 2026".
                && (k + 2..(k + 4).min(end)).any(|v| is_verb_like(doc, v))
                || past_cue
                    && matches!(doc.low(k - 1), "and" | "but")
                    && is_verb_like(doc, k)
                    && !doc.is(k, class::AUXILIARY)
                    && doc.cue_lemma(k).is_none())
    }) {
        end = k - 1;
        while end > c.cue.end_token && doc.tok(end - 1) == "," {
            end -= 1;
        }
    }
    // (Past cues inside the claim: "told donors how much to ask for, he
    // stressed" ends before "he stressed", not at "ask".)
    for next in cues[ci + 1..]
        .iter()
        .take_while(|n| n.cue.first_token < end)
    {
        let nk = next.cue.first_token;
        let before_next = |k: usize| {
            k > c.cue.end_token
                && (matches!(doc.low(k - 1), "," | "and" | "but") || is_dash(doc.tok(k - 1)))
        };
        let mut k = nk;
        if let Some(src) = next
            .source
            .as_ref()
            .filter(|s| s.span.start > c.cue.span.end && s.span.end <= next.cue.span.start)
        {
            // Back over the next cue's own source: "…, she said".
            k = doc
                .tokens
                .partition_point(|t| t.span.start < src.span.start);
        }
        // "said it had tested the message and found it effective": a verb
        // that reports only before "that" or a quotation goes on with the
        // claim's own clause.
        // (", and proposed moving …" after a comma is the speaker's next act.)
        if next.weak && k > 1 && matches!(doc.low(k - 1), "and" | "but") && doc.tok(k - 2) != "," {
            continue;
        }
        // "According to emails seen by the panel, the mayor complained …":
        // the comma that closes the cue's own source opens the claim.
        if c.cue.form == CueForm::AccordingTo && source_phrase_comma(doc, c, end) == Some(k - 1) {
            continue;
        }
        if before_next(k) || next.inverted || next.cue.form == CueForm::AccordingTo {
            while before_next(k) {
                k -= 1;
            }
            if k > c.cue.end_token {
                end = end.min(k);
            }
            break;
        }
    }
    end
}

/// Token `k` moved back over the commas and dashes right before it, no
/// further than `first`.
fn back_over_commas_and_dashes(doc: &Document, mut k: usize, first: usize) -> usize {
    while k > first && is_comma_or_dash(doc.tok(k - 1)) {
        k -= 1;
    }
    k
}

/// The claim after a cue: `X said (that) C`, `X told Y (that) C`.
fn after(doc: &Document, c: &CueMatch, end: usize, in_quote: &[bool]) -> Option<Span> {
    let lex = lexicon();
    let mut start = c.cue.end_token;
    if start >= end {
        return None;
    }
    // "said on Tuesday that", "told Raymond Pollitt, 58, that".
    // The words before "that" may only be a time, a place, a listener or a
    // medium: no conjunction, no clause of their own.
    // A finite verb before "that" makes it a relative pronoun inside the
    // claim: "said President Caldwell would veto any bill that cut …".
    let that = (start..end.min(start + START_REACH))
        .take_while(|&k| {
            !in_quote[k]
                && !matches!(doc.low(k), "and" | "but" | "or")
                && !crate::mentions::is_clause_verb(doc, k)
        })
        .find(|&k| doc.tok(k).eq_ignore_ascii_case("that"))
        // "asked the developer to come back with a plan that …": after the
        // infinitive of a request, "that" opens a relative clause.
        .filter(|&that| c.lemma != "ask" || !(start..that).any(|k| doc.low(k) == "to"));
    if let Some(that) = that {
        start = that + 1;
    } else if c.lemma == "tell" {
        // "told reporters the plan was dead": skip the listener.
        let mut k = start;
        if k < end
            && (lex.is(class::DETERMINER, doc.low(k))
                || doc.tok(k).chars().next().is_some_and(char::is_uppercase))
        {
            k += 1;
            while k < end && k < start + 8 {
                let l = doc.low(k);
                if lex.is(class::DETERMINER, l)
                    || matches!(l, "he" | "she" | "it" | "they" | "we" | "i" | "there")
                    // "told the committee how much to ask for".
                    || matches!(l, "how" | "what" | "why" | "whether" | "where" | "when")
                {
                    break;
                }
                // "told MSNBC’s “Morning Joe” that …".
                if l == "that" {
                    k += 1;
                    break;
                }
                // The listener ends before a comma: "told the committee,
                // he stressed" has no clause after it.
                if matches!(l, "," | ";" | ":") {
                    return None;
                }
                k += 1;
            }
            start = k;
        } else {
            // "told reporters" + clause without an article: the listener is one word.
            start += 1;
        }
        // "told voters this weekend he would …": a time after the listener.
        while start + 1 < end
            && matches!(doc.low(start), "this" | "last" | "next" | "on")
            && doc.is(start + 1, class::TEMPORAL)
        {
            start += 2;
        }
    } else {
        // Adverbs, days and media between the cue and its clause.
        while start < end && is_word(doc, start) && {
            let l = doc.low(start);
            lex.is(class::TEMPORAL, l) || lex.is_ly_adverb(l) || l == "again"
        } {
            start += 1;
        }
        if start < end && matches!(doc.tok(start), "," | ":") {
            return None; // "said, “…”" / "said: “…”": a quotation follows.
        }
        // "said the other day, recalling …", "said last week.": a time,
        // not what was said.
        let phrase_end = (start..end).find(|&k| !is_word(doc, k)).unwrap_or(end);
        if phrase_end > start
            && phrase_end - start <= 4
            && (start..phrase_end).any(|k| doc.is(k, class::TEMPORAL) || doc.low(k) == "day")
            && (start..phrase_end).all(|k| {
                let l = doc.low(k);
                doc.is(k, class::TEMPORAL)
                    || lex.is(class::DETERMINER, l)
                    || matches!(l, "day" | "other" | "days" | "weeks" | "months" | "years")
            })
        {
            return None;
        }
        // "declared a state of emergency", "declared victory": with a bare
        // object "declare" performs an act; it reports only a clause, which
        // has a finite verb or opens with a pronoun. ("denied the allegation"
        // does report: the object is the claim denied.)
        if c.lemma == "declare"
            && !matches!(
                doc.low(start),
                "he" | "she" | "it" | "they" | "we" | "i" | "you"
            )
            && !(start..end).any(|k| crate::mentions::is_clause_verb(doc, k))
        {
            return None;
        }
    }
    if start >= end
        || doc.tokens[start].kind == TokenKind::Mark
            && in_quote[start]
            && (start..end).all(|k| in_quote[k])
    {
        return None;
    }
    // "was quoted as saying at a summit on Wednesday": a circumstance, not a
    // claim; "said at least three people died" counts.
    let quantifier =
        start + 1 < end && doc.low(start) == "at" && matches!(doc.low(start + 1), "least" | "most");
    if lex.is(class::PREPOSITION, doc.low(start)) && !quantifier {
        // "said on Tuesday she would veto the bill", "said after the vote
        // they were disappointed": the circumstance ends where a subject
        // pronoun opens the clause.
        start = subject_after_circumstance(doc, start, end, in_quote)?;
    }
    Some(Span::new(
        doc.tokens[start].span.start,
        doc.tokens[end - 1].span.end,
    ))
}

/// The subject pronoun that opens a clause after a short prepositional
/// phrase starting at `start` ("on Tuesday she …", "after the vote, they …"),
/// or None when no such clause follows: the phrase itself is no claim.
fn subject_after_circumstance(
    doc: &Document,
    start: usize,
    end: usize,
    in_quote: &[bool],
) -> Option<usize> {
    // Nominative forms only: "said to him" has no clause after it. "It" is
    // both, so only before a finite auxiliary ("said on Wednesday it would").
    let is_subject = |k: usize| {
        crate::mentions::is_subject_pronoun(doc.low(k))
            || doc.low(k) == "it" && crate::mentions::is_finite_auxiliary(doc, k + 1)
    };
    (start + 1..end.min(start + START_REACH))
        .take_while(|&k| {
            !in_quote[k]
                && doc.tokens[k].kind != TokenKind::Mark
                && !matches!(doc.low(k), "and" | "but" | "or" | "that")
                && !crate::mentions::is_clause_verb(doc, k)
        })
        .find(|&k| is_subject(k) && k + 1 < end && is_word(doc, k + 1))
}

/// True for `C, X said` with the source standing right after a comma and
/// nothing but the sentence end (or a resumed claim after a comma) after the
/// cue; `In a veiled attack, Mr Wang said C` is not one.
fn source_before_after_comma(doc: &Document, c: &CueMatch, first: usize) -> bool {
    let Some(src) = &c.source else { return false };
    let src_first = doc
        .tokens
        .partition_point(|t| t.span.start < src.span.start);
    if !(src_first > first + 1
        && matches!(doc.tok(src_first - 1), ",")
        && src.span.end <= c.cue.span.start)
        // ("According to the emails, the mayor complained …": the words
        // before the comma name a source, they are no claim.)
        || doc.low(first) == "according"
    {
        return false;
    }
    let lex = lexicon();
    let mut k = c.cue.end_token;
    // "…, Yahoo Finance reported earlier this year.": times after the cue.
    while k < doc.tokens.len() && is_word(doc, k) && {
        let l = doc.low(k);
        lex.is(class::TEMPORAL, l)
            || lex.is_ly_adverb(l)
            || matches!(l, "this" | "that" | "last" | "next")
                && k + 1 < doc.tokens.len()
                && doc.is(k + 1, class::TEMPORAL)
    } {
        k += 1;
    }
    // "…, the company said on Thursday.", "…, officials said in a statement.":
    // a short phrase of words after a preposition may close the sentence.
    if k < doc.tokens.len() && doc.is(k, class::PREPOSITION) {
        let limit = (k + 8).min(doc.tokens.len());
        let mut e = k + 1;
        while e < limit && (is_word(doc, e) || doc.tokens[e].kind == TokenKind::Number) {
            e += 1;
        }
        if e > k + 1 && (e >= doc.tokens.len() || is_terminator(doc, e)) {
            k = e;
        }
    }
    // ("When pressed on it, the mother replied, “…”": a cue that introduces
    // a quotation after its comma attributes that, not the adverbial clause
    // before; "C, she said, “and …”" still claims C.)
    let quotation_after = |k: usize| {
        let opens_adverbially = doc.is(first, class::SUBORDINATOR)
            || is_word(doc, first) && doc.low(first).ends_with("ed");
        opens_adverbially
            && doc
                .tokens
                .get(k + 1)
                .is_some_and(|t| t.kind == TokenKind::Mark)
    };
    k >= doc.tokens.len()
        || is_terminator(doc, k)
        || doc.tok(k) == "," && !quotation_after(k)
        || doc.sentence_of_token[k] != doc.sentence_of_token[c.cue.first_token]
}

/// True when a paragraph ends as a sentence does (a headline does not).
fn ends_with_stop(paragraph: &str) -> bool {
    let trimmed = paragraph
        .trim_end()
        .trim_end_matches(['"', '”', '’', '\'', '»', ')']);
    trimmed.ends_with(['.', '?', '!', '…'])
}

/// `C, X said.` / `C, said X.` / `C1, X said, C2.`
fn before_and_after(doc: &Document, c: &CueMatch, first: usize, end: usize) -> Option<Span> {
    let src = c.source.as_ref()?;
    let lead = src.span.start.min(c.cue.span.start);
    let lead_tok = doc.tokens.partition_point(|t| t.span.start < lead);
    // Back over the comma before the attribution.
    let before_end = back_over_commas_and_dashes(doc, lead_tok, first);
    if before_end <= first {
        return None;
    }
    let start = doc.tokens[first].span.start;
    // Something after the attribution, up to the sentence end: the claim resumes.
    let tail_start = doc
        .tokens
        .partition_point(|t| t.span.start < src.span.end.max(c.cue.span.end));
    let mut k = tail_start;
    while k < end && is_word(doc, k) && lexicon().is(class::TEMPORAL, doc.low(k)) {
        k += 1;
    }
    // ", said X, as the EU prepared …": a subordinate clause of time is the
    // writer's, not the claim; ", he said, until it went bankrupt" or
    // "because …" goes on with what was said.
    let resumes = k < end
        && doc.tok(k) == ","
        && k + 1 < end
        && (matches!(doc.low(k + 1), "until" | "because" | "unless" | "since")
            || !lexicon().is(class::SUBORDINATOR, doc.low(k + 1))
                && !lexicon().is(class::PREPOSITION, doc.low(k + 1)));
    let stop = if resumes {
        doc.tokens[end - 1].span.end
    } else {
        doc.tokens[before_end - 1].span.end
    };
    Some(Span::new(start, stop))
}

/// The comma that closes `According to X …,` after its source, within a few
/// words of it ("According to emails released by the panel, …"), if any.
fn source_phrase_comma(doc: &Document, c: &CueMatch, end: usize) -> Option<usize> {
    let src = c.source.as_ref()?;
    let after_src = doc.tokens.partition_point(|t| t.span.start < src.span.end);
    (after_src..end.min(after_src + 8))
        .take_while(|&k| doc.tok(k) == "," || is_word(doc, k))
        .find(|&k| doc.tok(k) == ",")
}

/// `According to X, C.` / `C, according to X.`
fn according_to(doc: &Document, c: &CueMatch, first: usize, end: usize) -> Option<Span> {
    let src = c.source.as_ref()?;
    if c.cue.first_token == first || (c.cue.first_token == first + 1 && !is_word(doc, first)) {
        let s = source_phrase_comma(doc, c, end).map_or_else(
            || doc.tokens.partition_point(|t| t.span.start < src.span.end),
            |comma| comma + 1,
        );
        return (s < end)
            .then(|| Span::new(doc.tokens[s].span.start, doc.tokens[end - 1].span.end));
    }
    let before_end = back_over_commas_and_dashes(doc, c.cue.first_token, first);
    // "In all, according to the memo, the firm gave …", "By Sept. 30,
    // according to filings, the group had raised …": an opening phrase
    // without a verb is no claim; the clause after the source is.
    let opening = before_end > first
        && (first..before_end).all(|k| !crate::mentions::is_clause_verb(doc, k))
        && before_end - first <= 5
        && before_end < c.cue.first_token
        && doc.tok(before_end) == ",";
    if opening {
        let after_src = doc.tokens.partition_point(|t| t.span.start < src.span.end);
        if after_src < end && doc.tok(after_src) == "," && after_src + 1 < end {
            // A subject instead ("The study, according to the office, will
            // take eight weeks"): the claim runs on over the interruption.
            let circumstance = lexicon().is(class::PREPOSITION, doc.low(first))
                || (first..before_end).any(|k| doc.is(k, class::TEMPORAL));
            let from = if circumstance { after_src + 1 } else { first };
            return Some(Span::new(
                doc.tokens[from].span.start,
                doc.tokens[end - 1].span.end,
            ));
        }
    }
    (before_end > first).then(|| {
        Span::new(
            doc.tokens[first].span.start,
            doc.tokens[before_end - 1].span.end,
        )
    })
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Kind, Options};

    /// (claim, source name) of every reported claim.
    fn claims(text: &str) -> Vec<(String, String)> {
        let a = analyze(text, &Options::default());
        a.quotes
            .iter()
            .filter(|q| q.kind == Kind::Indirect)
            .map(|q| {
                (
                    q.span.slice(text).to_string(),
                    q.speaker
                        .map(|s| a.speakers[s].name.clone())
                        .unwrap_or_default(),
                )
            })
            .collect()
    }

    fn one(text: &str) -> (String, String) {
        let c = claims(text);
        assert_eq!(c.len(), 1, "{text}: {c:?}");
        c[0].clone()
    }

    #[test]
    fn a_cue_word_before_a_group_noun_describes_the_group() {
        // "state" is a reporting verb's form, but here it modifies "officials".
        assert_eq!(
            one("Some state officials said the ferry would run again in May."),
            (
                "the ferry would run again in May".to_string(),
                "Some state officials".to_string()
            )
        );
        assert_eq!(
            one("Two state prosecutors told reporters that the inquiry was over."),
            (
                "the inquiry was over".to_string(),
                "Two state prosecutors".to_string()
            )
        );
        // After a subject of its own, "say" stays the verb.
        let c = claims("Critics say inspectors warned that the dam was unsafe.");
        assert!(
            c.contains(&(
                "inspectors warned that the dam was unsafe".to_string(),
                "Critics".to_string()
            )),
            "{c:?}"
        );
    }

    #[test]
    fn a_quotation_as_the_object_is_the_claim_without_what_follows() {
        // The chant is a quotation; "as the convoy passed" is the writer's.
        assert!(claims("Supporters chanted “Bring them home” as the convoy passed.").is_empty());
        // A clause after the quotation that no subordinator opens stays.
        let c = claims("The minister said “the worst is over” and the economy would grow.");
        assert_eq!(c.len(), 1, "{c:?}");
    }

    #[test]
    fn it_after_the_claim_is_the_organisation_that_opens_it() {
        let c = claims(
            "The regulator said fares would rise. \
             The airline expects demand to recover by the summer, it said.",
        );
        assert!(
            c.contains(&(
                "The airline expects demand to recover by the summer".to_string(),
                "The airline".to_string()
            )),
            "{c:?}"
        );
    }

    #[test]
    fn a_group_with_a_possessor_is_not_an_earlier_group_of_the_same_noun() {
        let c = claims(
            "Lawyers for the families argued that the brakes were faulty. \
             The carmaker’s lawyers contended that the drivers had ignored warnings. \
             The lawyers added that the tests were sound.",
        );
        let speakers: Vec<&str> = c.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(
            speakers,
            [
                "Lawyers",
                "The carmaker’s lawyers",
                "The carmaker’s lawyers"
            ],
            "{c:?}"
        );
    }

    #[test]
    fn who_leads_a_group_is_not_the_group() {
        let c = claims("Analysts at Norrvik Bank, led by Tove Strand, said the sale was overdue.");
        assert_eq!(
            c,
            [("the sale was overdue".to_string(), "Analysts".to_string())]
        );
    }

    #[test]
    fn a_noun_in_ed_is_no_verb_before_that() {
        // "bed" is no past form: "that" still opens the claim.
        assert_eq!(
            one("Rosa Quispe told reporters from her hospital bed that she had begged the driver to slow down.").0,
            "she had begged the driver to slow down"
        );
        assert_eq!(
            one("The coach said at the training shed that the squad was ready.").0,
            "the squad was ready"
        );
    }

    #[test]
    fn a_number_standing_for_people_is_the_source() {
        assert_eq!(
            one("The two said they had never met before the hearing."),
            (
                "they had never met before the hearing".to_string(),
                "The two".to_string()
            )
        );
        assert_eq!(
            one("The three told reporters that the count had been fair."),
            (
                "the count had been fair".to_string(),
                "The three".to_string()
            )
        );
        assert_eq!(
            one("Both men said they would give evidence."),
            (
                "they would give evidence".to_string(),
                "Both men".to_string()
            )
        );
        // "two claims": a plural noun after the number, no cue.
        assert!(claims("The two claims were rejected by the court.").is_empty());
    }

    #[test]
    fn people_named_by_their_trade_report_as_a_group() {
        assert_eq!(
            one("Local bakers said the price of flour had doubled since spring."),
            (
                "the price of flour had doubled since spring".to_string(),
                "Local bakers".to_string()
            )
        );
    }

    #[test]
    fn groups_named_by_a_plural_possessive_report() {
        assert_eq!(
            one("Patients’ groups claimed that some people had been removed from waiting lists."),
            (
                "some people had been removed from waiting lists".to_string(),
                "Patients’ groups".to_string()
            )
        );
        assert_eq!(
            one("The operators' association denied that any jobs were at risk."),
            (
                "any jobs were at risk".to_string(),
                "The operators' association".to_string()
            )
        );
    }

    #[test]
    fn said_that_clause() {
        assert_eq!(
            one("Mayor Denise Whitlock said on Tuesday that the city would cut library hours."),
            (
                "the city would cut library hours".into(),
                "Denise Whitlock".into()
            )
        );
    }

    #[test]
    fn a_circumstance_before_the_clause_is_not_the_claim() {
        assert_eq!(
            one("The mayor said on Tuesday she would veto the zoning bill."),
            ("she would veto the zoning bill".into(), "The mayor".into())
        );
        assert_eq!(
            one("Senator Okafor said after the vote they had been outnumbered.").0,
            "they had been outnumbered"
        );
        // "It" opens a clause before a finite auxiliary, not as an object.
        assert_eq!(
            one("The carmaker said on Wednesday it would recall 9,000 vans.").0,
            "it would recall 9,000 vans"
        );
        assert!(claims("He said nothing about it at the hearing.").is_empty());
        // Nothing but the circumstance: no claim.
        assert!(claims("She said at the hearing in March to the committee.").is_empty());
    }

    #[test]
    fn documents_named_with_a_possessive_or_a_plural_cue_word_are_the_source() {
        assert_eq!(
            one("The levy would raise £2bn a year, according to the Treasury’s own estimates."),
            (
                "The levy would raise £2bn a year".into(),
                "the Treasury’s own estimates".into()
            )
        );
        assert_eq!(
            one("Profits doubled, according to the firm’s annual reports, which were filed late."),
            ("Profits doubled".into(), "the firm’s annual reports".into())
        );
    }

    #[test]
    fn an_opening_phrase_before_according_to_is_not_the_claim() {
        assert_eq!(
            one("By June 30, according to new filings, the campaign had raised $8 million."),
            (
                "the campaign had raised $8 million".into(),
                "new filings".into()
            )
        );
        assert_eq!(
            one("In all, according to the audit, the charity spent $2 million on travel.").0,
            "the charity spent $2 million on travel"
        );
    }

    #[test]
    fn a_time_after_the_cue_is_not_the_claim() {
        let c = claims("“I was exhausted,” the senator said the other day, recalling the vote.");
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn a_negated_or_modal_cue_does_not_bound_a_trailing_claim() {
        assert_eq!(
            one(
                "Campaign staff could not directly tell the committee how much to raise, \
                 the lawyer stressed."
            ),
            (
                "Campaign staff could not directly tell the committee how much to raise".into(),
                "the lawyer".into()
            )
        );
    }

    #[test]
    fn a_claim_reported_inside_another_is_kept() {
        // (The report speaks for its author; "report" after the source is no cue.)
        assert_eq!(
            claims(
                "A cashier told detectives she had seen the van twice that week, \
                 according to the police report."
            ),
            vec![
                (
                    "A cashier told detectives she had seen the van twice that week".to_string(),
                    "the police".to_string()
                ),
                (
                    "she had seen the van twice that week".to_string(),
                    "A cashier".to_string()
                ),
            ]
        );
    }

    #[test]
    fn a_clause_after_a_comma_and_said_is_no_speaker() {
        let c = claims(
            "One of the firm's engineers, Dana Pruitt, said the logs show Scott calmly leaving.",
        );
        assert!(
            c.iter().all(|(_, source)| !source.contains("logs")),
            "{c:?}"
        );
    }

    #[test]
    fn according_to_at_the_start_gives_the_clause_after_the_source() {
        let c = claims(
            "According to emails released by the panel, the mayor complained in 2019 \
             to an aide about the contract.",
        );
        assert_eq!(
            c,
            vec![(
                "the mayor complained in 2019 to an aide about the contract".to_string(),
                "emails".to_string()
            )]
        );
    }

    #[test]
    fn a_weak_verb_joined_by_and_goes_on_with_the_claim() {
        assert_eq!(
            one(
                "Ana Ruiz, the group's director, said it had tested the slogan and found it \
                 effective in close races."
            )
            .0,
            "it had tested the slogan and found it effective in close races"
        );
        // After a comma, the speaker's next act ends the claim.
        let c = claims(
            "The council said the school was no longer viable, and proposed moving \
             the pupils elsewhere.",
        );
        assert_eq!(c[0].0, "the school was no longer viable", "{c:?}");
    }

    #[test]
    fn asking_someone_to_act_or_asking_whether_reports_a_request() {
        assert_eq!(
            one("The chairwoman asked ministers to review the contract before May."),
            (
                "ministers to review the contract before May".into(),
                "The chairwoman".into()
            )
        );
        assert_eq!(
            one("The auditor asked whether the fund had been used lawfully.").0,
            "whether the fund had been used lawfully"
        );
        assert!(claims("The tenants asked for more time.").is_empty());
        assert!(
            claims("One official, who asked not to be named, was not at the talks.").is_empty()
        );
        // The one asked is no source.
        assert!(claims("Ms. Hale, asked whether she would run, smiled and left.").is_empty());
    }

    #[test]
    fn a_second_cue_after_and_goes_back_to_the_first_speaker() {
        let text = "The senators said they found the letter “troubling” and said it \
                    “leaves many questions unanswered.”";
        let a = analyze(text, &Options::default());
        assert_eq!(a.speakers.len(), 1, "{:?}", a.speakers);
        assert!(a
            .quotes
            .iter()
            .any(|q| q.kind == Kind::Indirect
                && q.span.slice(text).starts_with("they found the letter")));
    }

    #[test]
    fn a_reason_or_limit_after_a_parenthetical_attribution_goes_on_with_the_claim() {
        assert_eq!(
            one("The mill was the town's biggest employer, Mr. Varga said, until it closed in 2004.")
                .0,
            "The mill was the town's biggest employer, Mr. Varga said, until it closed in 2004"
        );
        // A time of the saying is the writer's.
        assert_eq!(
            one("Talks will resume in June, the envoy said, as delegates left the hall.").0,
            "Talks will resume in June"
        );
    }

    #[test]
    fn shares_of_those_polled_are_separate_sources() {
        let c = claims(
            "Another 19 percent said they would not pick either candidate. \
             However, 63 percent said the governor was right to wait.",
        );
        assert_eq!(
            c,
            vec![
                (
                    "they would not pick either candidate".to_string(),
                    "Another 19 percent".to_string()
                ),
                (
                    "the governor was right to wait".to_string(),
                    "63 percent".to_string()
                ),
            ]
        );
    }

    #[test]
    fn a_progressive_continue_is_part_of_the_claim() {
        assert_eq!(
            claims(
                "Mr. Ortiz asked regulators to pass on the costs. \
                 Those talks are continuing, he said."
            )[1],
            ("Those talks are continuing".into(), "Ortiz".into())
        );
    }

    #[test]
    fn said_without_that() {
        assert_eq!(
            one("The minister said global security should not be achieved through force.").0,
            "global security should not be achieved through force"
        );
    }

    #[test]
    fn participle_after_a_comma_reports_for_the_sentence_subject() {
        // The words after "insisting" are the claim, not its source.
        assert_eq!(
            one("The council defended the plan on Monday, insisting the savings were needed."),
            ("the savings were needed".into(), "The council".into())
        );
        assert_eq!(
            one("Police closed the road overnight, saying the bridge was unsafe.").1,
            "Police"
        );
    }

    #[test]
    fn second_reporting_verb_keeps_the_first_ones_subject() {
        let c = claims("The agency acknowledged that some alerts were late but insisted the warnings went out on time.");
        assert!(c.contains(&("the warnings went out on time".into(), "The agency".into())));
    }

    #[test]
    fn a_verb_in_a_definition_reports_nothing() {
        // "Neon lighting is a term that describes …": a clause, not a speaker.
        assert!(
            claims("Neon lighting is a catchall term that describes tubes that glow.").is_empty()
        );
    }

    #[test]
    fn dateline_is_not_part_of_the_claim() {
        assert_eq!(
            one("CAIRO (Reuters) - Talks on a ceasefire stalled on Sunday, two sources said."),
            (
                "Talks on a ceasefire stalled on Sunday".into(),
                "two sources".into()
            )
        );
    }

    #[test]
    fn trailing_attribution_with_a_closing_phrase() {
        assert_eq!(
            one("The firm is cutting half its staff, the company confirmed on Thursday.").0,
            "The firm is cutting half its staff"
        );
        assert_eq!(
            one("The plant will close in May, the company said in a statement.").0,
            "The plant will close in May"
        );
    }

    #[test]
    fn an_infinitive_cue_does_not_cut_a_trailing_claim() {
        assert_eq!(
            one("The referee, Paul Danvers, declined to comment after the match, a league spokesman said."),
            (
                "The referee, Paul Danvers, declined to comment after the match".into(),
                "a league spokesman".into()
            )
        );
    }

    #[test]
    fn told_listener_that() {
        assert_eq!(one("Whitlock told the council's finance committee the shortfall came from parking revenue.").0, "the shortfall came from parking revenue");
        assert_eq!(
            one("The judge told Raymond Pollitt, 58, that he had betrayed their trust.").0,
            "he had betrayed their trust"
        );
    }

    #[test]
    fn trailing_attribution() {
        assert_eq!(
            one("Two gunmen died, and three others may have escaped, officials said."),
            (
                "Two gunmen died, and three others may have escaped".into(),
                "officials".into()
            )
        );
        assert_eq!(
            one("Property tax collections are flat, said Lena Marsh.").0,
            "Property tax collections are flat"
        );
    }

    #[test]
    fn according_to_before_and_after() {
        assert_eq!(
            one("About 50 other people were wounded, according to local news reports.").0,
            "About 50 other people were wounded"
        );
        assert_eq!(
            one("According to the budget office, the reserve now stands at $118 million.").0,
            "the reserve now stands at $118 million"
        );
    }

    #[test]
    fn reporting_verbs_with_that() {
        for verb in [
            "warned",
            "claimed",
            "denied",
            "insisted",
            "announced",
            "argued",
            "acknowledged",
        ] {
            let t = format!("The company {verb} that the plant would stay open.");
            assert_eq!(one(&t).0, "the plant would stay open", "{verb}");
        }
    }

    #[test]
    fn accused_of() {
        assert_eq!(
            one("The union accused the operators of using the dispute to cut jobs.").0,
            "the operators of using the dispute to cut jobs"
        );
    }

    #[test]
    fn interrupted_claim_is_one_span() {
        assert_eq!(
            one("The plan, Smith said, will fail within a year.").0,
            "The plan, Smith said, will fail within a year"
        );
    }

    #[test]
    fn a_second_verb_or_the_writers_own_clause_ends_the_claim() {
        let c = claims("The mayor said the vote was rigged and encouraged residents to protest.");
        assert_eq!(c[0].0, "the vote was rigged");
        let c = claims(
            "Harlan said paying no tax was smart, although he again refused to release his returns.",
        );
        assert_eq!(c[0].0, "paying no tax was smart");
        // "though" without a verb of its own is still the speaker's.
        let c = claims("Dahl said he still expected the plant to open, though no longer in 2026.");
        assert_eq!(
            c[0].0,
            "he still expected the plant to open, though no longer in 2026"
        );
    }

    #[test]
    fn a_time_after_the_listener_is_not_the_claim() {
        let c = claims("The president told voters this weekend he would consider it an insult.");
        assert_eq!(c[0].0, "he would consider it an insult");
    }

    #[test]
    fn coordinated_cues_split_the_claims() {
        let c = claims("The commission said it had counted 71 percent of the vote and urged all parties to wait.");
        assert_eq!(c[0].0, "it had counted 71 percent of the vote");
        assert_eq!(c[1].0, "all parties to wait");
    }

    #[test]
    fn mixed_sentence_gives_a_claim_and_a_partial_of_one_speaker() {
        let text = "Mr Wang said Beijing and Moscow should “continue to make important contributions” to global governance.";
        let a = analyze(text, &Options::default());
        let partial = a.quotes.iter().find(|q| q.kind == Kind::Partial).unwrap();
        let claim = a.quotes.iter().find(|q| q.kind == Kind::Indirect).unwrap();
        assert!(claim.span.contains(partial.span));
        assert_eq!(partial.speaker, claim.speaker);
        assert_eq!(a.speakers.len(), 1);
    }

    #[test]
    fn quotations_are_not_repeated_as_claims() {
        assert!(claims("“We will rebuild the bridge,” the mayor said.").is_empty());
        assert!(claims("Mr Lavrov said: “We will move towards a multipolar world.”").is_empty());
    }

    #[test]
    fn declaring_an_act_reports_nothing_declaring_a_clause_does() {
        assert!(claims("The governor declared a state of emergency on Tuesday.").is_empty());
        assert!(claims("The club declared victory after the vote.").is_empty());
        assert_eq!(
            one("The governor declared the emergency was over.").0,
            "the emergency was over"
        );
    }

    #[test]
    fn that_after_a_finite_verb_belongs_to_the_claim() {
        assert_eq!(
            one("Lena Marsh said the president would veto any bill that cut disaster funding.").0,
            "the president would veto any bill that cut disaster funding"
        );
    }

    #[test]
    fn a_trailing_attribution_reports_whatever_its_verb() {
        assert_eq!(
            one("A blood test detected most cancers, researchers reported on Wednesday.").0,
            "A blood test detected most cancers"
        );
        assert_eq!(
            one("Prices rose sharply, the company reported earlier this year.").0,
            "Prices rose sharply"
        );
        // A verb that reports nothing here does not cut the claim.
        assert_eq!(
            one("The firm found new customers, its owner said.").0,
            "The firm found new customers"
        );
    }

    #[test]
    fn documents_named_after_according_to() {
        assert_eq!(
            claims("The design includes a courtyard, according to plans filed with the city."),
            vec![(
                "The design includes a courtyard".to_string(),
                "plans".to_string()
            )]
        );
        assert!(claims("The work went according to plans.").is_empty());
    }

    #[test]
    fn at_least_opens_a_claim() {
        assert_eq!(
            one("She said at least three people had died.").0,
            "at least three people had died"
        );
    }

    #[test]
    fn non_speech_uses_report_nothing() {
        for t in [
            "The said property was sold last year to a developer.",
            "The work went according to plan and finished in May.",
            "The twins are hard to tell apart, their teacher admits.",
            "Add two cups of flour and stir until smooth.",
            "Last week, both China and Russia vetoed a UN resolution sponsored by the US.",
            "A Whole Foods spokeswoman declined to comment on pricing.",
        ] {
            let c = claims(t);
            assert!(
                c.iter().all(|(claim, _)| !claim.contains("flour")
                    && !claim.contains("vetoed")
                    && !claim.contains("property")
                    && !claim.contains("plan")
                    && !claim.contains("pricing")),
                "{t}: {c:?}"
            );
        }
    }

    #[test]
    fn headlines_carry_no_claims() {
        assert!(claims(
            "Opposition claims victory as count drags on\n\nThe count resumed on Monday."
        )
        .is_empty());
    }
}
