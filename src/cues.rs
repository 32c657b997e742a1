//! The cue stage: finds reporting cues and reads the source each one names.
//!
//! A cue is a reporting verb of the lexicon in any inflection ("said",
//! "tells", "warning"), "according to X", or "X was quoted (by M) as saying" /
//! "M quoted X as saying". Uses of the same words that report nothing are
//! left out: "the said property", "according to plan", "tell them apart",
//! "add two cups", a noun after a determiner ("the report", "a claim").

use crate::lexicon::{class, lexicon};
use crate::mentions::{is_initial_period, is_verb_like, np_after, parse_np, subject_before};
use crate::text::is_comma_or_dash;
use crate::types::{fact, Cue, CueForm, Document, Mention, Span, TokenKind};

/// A cue with the source it names and the medium that relayed it.
#[derive(Debug, Clone)]
pub struct CueMatch {
    /// The cue itself.
    pub cue: Cue,
    /// The reporting verb's lemma ("say"), or the phrase's name.
    pub lemma: &'static str,
    /// Who speaks, as the sentence names them.
    pub source: Option<Mention>,
    /// True when the source comes after the cue (`“Q,” said X`).
    pub inverted: bool,
    /// The relaying medium: "Bloomberg", "in a statement".
    pub via: Option<String>,
    /// Words that report speech only right beside a quotation or before
    /// "that" ("found", "continued").
    pub weak: bool,
}

/// How far (in tokens) a cue's source may stand from it; keeps the work
/// linear on sentences that never end.
const WINDOW: usize = 80;

/// Verbs that are also common nouns: a cue only where a verb can stand.
const NOUN_LIKE: &[&str] = &[
    "state", "note", "claim", "report", "post", "tweet", "reply", "comment", "promise", "demand",
    "counter", "cry", "joke", "find", "mention", "remark", "pledge", "vow", "stress", "repeat",
    "caution", "quip", "boast", "respond", "write",
];
/// Verbs that report speech only beside a quotation or before "that".
const WEAK: &[&str] = &[
    "find", "continue", "report", "agree", "mention", "observe", "demand", "promise", "threaten",
    "conclude", "repeat", "cry", "post", "recount", "respond", "shout", "ask", "recall",
    "estimate", "hear", "propose", "maintain",
];
/// "according to plan": objects that make the phrase mean "as planned".
const ACCORDING_TO_NOT_SPEECH: &[&str] = &[
    "plan",
    "plans",
    "schedule",
    "the plan",
    "tradition",
    "custom",
    "script",
    "design",
    "expectations",
    "protocol",
    "rule",
    "rules",
    "law",
    "instructions",
];
/// Reporting verbs only in narrow uses ("as she put it", "the letter reads"):
/// elsewhere they are ordinary verbs (see `is_verb_use`).
pub const NARROW_CUES: &[&str] = &["put", "read"];

/// Nouns of "in a statement", "in an interview": the medium of speech.
pub const MEDIUM_NOUNS: &[&str] = &[
    "statement",
    "interview",
    "memo",
    "introduction",
    "post",
    "letter",
    "email",
    "e-mail",
    "tweet",
    "readout",
    "speech",
    "op-ed",
    "essay",
    "column",
    "book",
    "report",
    "broadcast",
    "video",
    "message",
    "press",
    "briefing",
    "conference",
    "podcast",
    "note",
    "filing",
    "declaration",
    "communique",
    "communiqué",
];
/// Words after "on" that name a platform ("on Twitter").
const PLATFORMS: &[&str] = &[
    "Twitter",
    "X",
    "Facebook",
    "Instagram",
    "Telegram",
    "Weibo",
    "TikTok",
    "YouTube",
    "LinkedIn",
    "Threads",
    "Bluesky",
];

/// Finds every cue in the text outside quotations (`in_quote[i]` is true for
/// tokens that stand inside a quotation, marks included).
pub fn find(doc: &Document, in_quote: &[bool]) -> Vec<CueMatch> {
    // About one cue per sentence in news: room made once, not grown.
    let mut out: Vec<CueMatch> = Vec::with_capacity(doc.sentences.len());
    let n = doc.tokens.len();
    let mut i = 0;
    while i < n {
        // Most words are no cue: one test on their facts rules them out (the
        // rare case first, so that the branch is all but always predicted).
        let facts = doc.facts[i];
        if facts.cue == 0 && facts.flags & fact::CUE_PHRASE_START == 0 {
            i += 1;
            continue;
        }
        if in_quote[i] || doc.tokens[i].kind != TokenKind::Word {
            i += 1;
            continue;
        }
        let lemma = doc.cue_lemma(i);
        let w = doc.tok(i);
        let l = doc.low(i);
        let sentence = doc.sentences[doc.sentence_of_token[i]];
        let prev = (i > sentence.first_token).then(|| doc.low(i - 1));
        let next = (i + 1 < sentence.end_token).then(|| doc.low(i + 1));

        if l == "according" && next == Some("to") {
            let after = if i + 2 < n {
                doc.low(i + 2).to_string()
            } else {
                String::new()
            };
            let after2 = if i + 3 < n {
                format!("{after} {}", doc.low(i + 3))
            } else {
                String::new()
            };
            // "according to plan" means as planned; "according to plans filed
            // with the city" names documents that say something.
            let qualified = |k: usize| {
                k < n && doc.tokens[k].kind == TokenKind::Word && doc.low(k).ends_with("ed")
            };
            let as_planned = (ACCORDING_TO_NOT_SPEECH.contains(&after.as_str())
                && !qualified(i + 3))
                || (ACCORDING_TO_NOT_SPEECH.contains(&after2.as_str()) && !qualified(i + 4));
            if !as_planned {
                let end = stop_at(doc, i + 2, sentence.end_token, in_quote);
                // "according to the company’s annual reports": a plural noun
                // that is also a reporting verb's form ("reports",
                // "estimates") ends the phrase of documents, not a source.
                let before_plural_cue = |m: &Mention| {
                    let next = doc.token_at(m.span.end);
                    next < end
                        && doc.cue_lemma(next).is_some()
                        && !doc.has(next, fact::UPPER_FIRST)
                        && doc.low(next).ends_with('s')
                };
                let mut source = match np_after(doc, i + 2, end) {
                    Some(m) if !before_plural_cue(&m) => Some(m),
                    named => documents_named(doc, i + 2, end).or(named),
                };
                // "According to emails seen by the panel, the mayor complained
                // …": what follows the comma is the claim, not an appositive,
                // once a verb stands in it.
                if let Some(m) = &source {
                    let last = doc.token_at(m.span.end);
                    let comma = (i + 2..last).find(|&k| doc.tok(k) == "," && !in_quote[k]);
                    if let Some(comma) = comma {
                        let verb = (comma + 1..last).any(|k| {
                            crate::mentions::is_clause_verb(doc, k) || doc.cue_lemma(k).is_some()
                        });
                        if verb {
                            source = np_after(doc, i + 2, comma);
                        }
                    }
                }
                // "according to the police report": the words of the source,
                // and a document after it, are no cues of their own.
                let mut next_i = source
                    .as_ref()
                    .map_or(i + 2, |m| doc.token_at(m.span.end).max(i + 2));
                if next_i < end
                    && doc.tokens[next_i].kind == TokenKind::Word
                    && is_medium_noun(doc.low(next_i))
                {
                    next_i += 1;
                }
                out.push(CueMatch {
                    cue: cue(doc, i, i + 2, CueForm::AccordingTo),
                    lemma: "according to",
                    via: None,
                    inverted: true,
                    source,
                    weak: false,
                });
                i = next_i;
                continue;
            }
        }

        if matches!(l, "quoted" | "cited") {
            if let Some(m) =
                quoted_as_saying(doc, i, sentence.first_token, sentence.end_token, in_quote)
            {
                i = m.cue.end_token;
                out.push(m);
                continue;
            }
        }

        let Some(lemma) = lemma else {
            i += 1;
            continue;
        };
        if !first_char_lower(w) && i != sentence.first_token {
            i += 1; // "Said" inside a name, "Note" as a heading word.
            continue;
        }
        if !is_verb_use(doc, i, lemma, l, prev, next) {
            i += 1;
            continue;
        }
        let weak = WEAK.contains(&lemma)
            && !matches!(next, Some("that" | ":" | ","))
            && !next_is_mark(doc, i + 1, n)
            && !introduces_after_medium(doc, i, sentence.end_token);
        let (source, inverted) = source_of(
            doc,
            i,
            sentence.first_token,
            sentence.end_token,
            in_quote,
            &out,
        );
        let source = source.filter(|m| !is_thing_inside_what_a_person_said(doc, m, &out));
        // "…, researchers reported on Wednesday.": a trailing attribution
        // reports whatever its verb.
        let weak = weak && !closes_the_sentence_after_a_comma(doc, i, source.as_ref(), sentence);
        let via = via_near(
            doc,
            i + 1,
            sentence.first_token,
            sentence.end_token,
            in_quote,
        );
        out.push(CueMatch {
            cue: cue(doc, i, i + 1, CueForm::Verb),
            lemma,
            source,
            inverted,
            via,
            weak,
        });
        i += 1;
    }
    out
}

/// True when `source` is "it" opening what a person is said to say: "Obama
/// said it would tell an American story, one of “suffering and delight”".
/// "It" is not that person, so the verb after it has no speaker of its own,
/// and the words quoted there are the person's.
fn is_thing_inside_what_a_person_said(
    doc: &Document,
    source: &Mention,
    earlier: &[CueMatch],
) -> bool {
    if source.form != crate::types::MentionForm::Pronoun || !source.name.eq_ignore_ascii_case("it")
    {
        return false;
    }
    let it = doc.token_at(source.span.start);
    let Some(outer) = earlier.last() else {
        return false;
    };
    let after_verb = match outer.cue.end_token {
        e if e == it => true,
        e => e + 1 == it && doc.low(e) == "that",
    };
    after_verb
        && outer.cue.form == CueForm::Verb
        && outer
            .source
            .as_ref()
            .is_some_and(|m| m.speaker_type == crate::types::SpeakerType::Person)
}

/// "according to disclosures published with the paper", "according to plans
/// filed with the city": documents as the source, named by the lower-case
/// words before their participle or preposition ("according to the
/// Treasury’s own estimates": a possessive name is one of those words).
fn documents_named(doc: &Document, start: usize, end: usize) -> Option<Mention> {
    let stop = (start..end.min(start + 5))
        .find(|&k| {
            doc.tokens[k].kind != TokenKind::Word
                || doc.has(k, fact::UPPER_FIRST) && !crate::mentions::is_possessive(doc.tok(k))
                || doc.low(k).ends_with("ed")
                || doc.is(k, class::PREPOSITION)
        })
        .unwrap_or(end.min(start + 5));
    let head = doc.low(stop.checked_sub(1)?);
    if stop == start || !head.ends_with('s') || doc.is(stop - 1, class::DETERMINER) {
        return None;
    }
    let span = Span::new(doc.tokens[start].span.start, doc.tokens[stop - 1].span.end);
    Some(Mention {
        span,
        form: crate::types::MentionForm::Nominal,
        name: span.slice(doc.text).to_string(),
        role: None,
        affiliation: None,
        speaker_type: crate::types::SpeakerType::Organization,
        official: false,
        gender: crate::types::Gender::Unknown,
        indefinite: false,
        is_source: false,
        oblique: false,
    })
}

/// True when the cue at `i` and its source stand after a comma at the end of
/// their sentence, with at most a short time or place after the cue.
fn closes_the_sentence_after_a_comma(
    doc: &Document,
    i: usize,
    source: Option<&Mention>,
    sentence: crate::types::Sentence,
) -> bool {
    let Some(m) = source else { return false };
    let s = doc.token_at(m.span.start);
    if !(s > sentence.first_token + 2 && s < i && doc.tok(s - 1) == ",") {
        return false;
    }
    let rest = i + 1..sentence.end_token;
    rest.len() <= 5
        && rest.clone().all(|k| {
            doc.tokens[k].kind != TokenKind::Mark
                && doc.cue_lemma(k).is_none()
                && !crate::mentions::is_clause_verb(doc, k)
        })
        && doc.tok(sentence.end_token - 1) == "."
}

/// "posted on X that …", "wrote on Facebook: …": a weak verb that introduces
/// what follows once the medium is named.
fn introduces_after_medium(doc: &Document, i: usize, end: usize) -> bool {
    if !(i + 1 < end && matches!(doc.low(i + 1), "on" | "in")) {
        return false;
    }
    (i + 2..(i + 6).min(end))
        .take_while(|&k| doc.tokens[k].kind != TokenKind::Mark && !matches!(doc.tok(k), "." | ";"))
        .any(|k| {
            matches!(doc.low(k), "that" | ":")
                || doc
                    .tokens
                    .get(k + 1)
                    .is_some_and(|t| t.kind == TokenKind::Mark)
                    && doc.tok(k) == ","
        })
}

fn first_char_lower(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
}

fn next_is_mark(doc: &Document, i: usize, n: usize) -> bool {
    i < n && doc.tokens[i].kind == TokenKind::Mark
}

fn cue(doc: &Document, a: usize, b: usize, form: CueForm) -> Cue {
    Cue {
        span: Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end),
        first_token: a,
        end_token: b,
        form,
    }
}

/// The first token at or after `a` that ends a phrase: a sentence end, a
/// quotation or a clause break.
fn stop_at(doc: &Document, a: usize, end: usize, in_quote: &[bool]) -> usize {
    let end = end.min(a + WINDOW);
    (a..end)
        .find(|&k| {
            in_quote[k]
                || (matches!(doc.tok(k), "." | ";" | ":" | "?" | "!") && !is_initial_period(doc, k))
        })
        .unwrap_or(end)
}

/// Where the name before a participle starts, when the participle introduces
/// a quotation ("footage of Maria Ruiz asking, “…”", "heard Tom Harlan saying
/// on Tuesday “…”"): the name says who speaks.
fn name_before_participle(doc: &Document, i: usize) -> Option<usize> {
    let first = doc.sentences[doc.sentence_of_token[i]].first_token;
    let is_name_word = |k: usize| {
        doc.tokens[k].kind == TokenKind::Word
            && doc.has(k, fact::CAPITALIZED)
            && !doc.is(k, class::TEMPORAL)
            || crate::mentions::is_initial_period(doc, k)
    };
    if !doc.tok(i).ends_with("ing") || i <= first + 1 || !is_name_word(i - 1) {
        return None;
    }
    // A quotation opens within a few words, before any sentence end.
    let end = (i + 10).min(doc.sentences[doc.sentence_of_token[i]].end_token);
    (i + 1..end)
        .take_while(|&k| !matches!(doc.tok(k), "." | ";" | "?" | "!"))
        .find(|&k| doc.tokens[k].kind == TokenKind::Mark)?;
    let mut start = i - 1;
    while start > first + 1 && is_name_word(start - 1) {
        start -= 1;
    }
    // Not the sentence's own subject ("Harlan saying …" opens no sentence).
    (start > first).then_some(start)
}

/// The document noun right before the participle at `i`, past a time
/// ("a statement saying", "tweets early Friday saying").
fn medium_before(doc: &Document, i: usize) -> Option<usize> {
    let mut k = i.checked_sub(1)?;
    while k > 0
        && i - k <= 3
        && doc.tokens[k].kind == TokenKind::Word
        && (doc.is(k, class::TEMPORAL) || matches!(doc.low(k), "on" | "late" | "early"))
    {
        k -= 1;
    }
    // ("a series of tweets early Friday saying": plurals too.)
    (doc.tokens[k].kind == TokenKind::Word && is_medium_noun(doc.low(k))).then_some(k)
}

/// True for a medium noun in the singular or the plural ("statement",
/// "tweets"); `low` is lower case.
fn is_medium_noun(low: &str) -> bool {
    MEDIUM_NOUNS.contains(&low)
        || low
            .strip_suffix('s')
            .is_some_and(|one| MEDIUM_NOUNS.contains(&one))
}

/// "he’s", "they're", "I'm": a pronoun with "is", "are" or "am" joined to it
/// ("He’s claiming that …").
fn is_pronoun_with_be(word: &str) -> bool {
    let be = ["’s", "'s", "’re", "'re", "’m", "'m"]
        .iter()
        .any(|suffix| word.ends_with(suffix));
    let stem = crate::mentions::without_joined_verb(word).filter(|_| be);
    stem.is_some_and(|s| {
        lexicon().is(
            class::PRONOUN_MALE
                | class::PRONOUN_FEMALE
                | class::PRONOUN_PLURAL
                | class::PRONOUN_NEUTER
                | class::PRONOUN_FIRST,
            s,
        )
    })
}

fn is_verb_use(
    doc: &Document,
    i: usize,
    lemma: &str,
    form: &str,
    prev: Option<&str>,
    next: Option<&str>,
) -> bool {
    let lex = lexicon();
    // "writing rules for others", "by adding salt": a gerund reports only as
    // a participle after a comma or an auxiliary ("…, saying", "were insisting").
    if form.ends_with("ing")
        && !prev.is_some_and(|p| {
            matches!(
                p,
                "," | "and"
                    | "while"
                    | "after"
                    | "before"
                    | "by"
                    | "After"
                    | "Before"
                    | "While"
                    | "was"
                    | "were"
                    | "is"
                    | "are"
                    | "been"
                    | "am"
                    | "be"
            ) || is_pronoun_with_be(p)
                // "released a statement saying": what the document says.
                || medium_before(doc, i).is_some()
        })
        && name_before_participle(doc, i).is_none()
    {
        return false;
    }
    if let Some(p) = prev {
        // "have been accused by critics", "is said to be": the passive names
        // the one spoken about, not the speaker.
        if matches!(p, "been" | "being" | "be" | "was" | "were" | "is" | "are")
            && lemma != "quote"
            && form.ends_with(['d', 'n'])
            && form != lemma
        {
            return false;
        }
        // "the said property", "a claim", "the report": a determiner makes it a noun.
        // ("One said", "another added": one of those just mentioned.)
        // ("the mother of three replied", "The two said": a number ends the
        // phrase before a past form; "two reports" is a plural noun.)
        let one_of_them = form != lemma
            && (matches!(p, "one" | "another")
                || matches!(p, "two" | "three" | "four") && !form.ends_with('s'));
        if lex.is(class::DETERMINER, p)
            && !matches!(p, "that" | "both" | "each" | "all")
            && !one_of_them
        {
            return false;
        }
        if p == "to" && matches!(form, "said") {
            return false;
        }
        // "the senator’s comments", "a series of Twitter posts": after a
        // possessive, or a name after an article or "of", a form in -s is a
        // plural noun.
        if form.ends_with('s') && form != lemma && i >= 2 {
            let possessive = crate::mentions::is_possessive(p) && !is_pronoun_with_be(p);
            let pp = doc.low(i - 2);
            // ("after CEO warns": "after" may open a clause, "of" cannot.)
            let name_as_modifier = doc.has(i - 1, fact::UPPER_FIRST)
                && (pp == "of" || pp != "that" && lex.is(class::DETERMINER, pp));
            // ("brushed off remarks", "about claims": after a preposition.)
            let after_preposition =
                lex.is(class::PREPOSITION, p) || matches!(p, "off" | "up" | "out" | "down");
            if possessive || name_as_modifier || after_preposition {
                return false;
            }
        }
    }
    match lemma {
        "add"
            if next.is_some_and(|n| {
                matches!(
                    n,
                    "up" | "to"
                        | "the"
                        | "a"
                        | "an"
                        | "some"
                        | "more"
                        | "two"
                        | "three"
                        | "salt"
                        | "sugar"
                        | "water"
                        | "flour"
                        | "value"
                        | "fuel"
                ) || n.chars().next().is_some_and(char::is_numeric)
            }) =>
        {
            return false
        }
        // "As one voter put it, …": "put" reports only with "it".
        "put" if next != Some("it") => return false,
        // "charged that the deal …", "“…,” she charged": not "charged with
        // murder", "charged the battery", "charged $5".
        "charge"
            if !(matches!(next, Some("that" | "," | ":" | "."))
                || next_is_mark(doc, i + 1, doc.tokens.len())) =>
        {
            return false
        }
        // "“…,” he continued", "She continued: “…”": not "talks are
        // continuing, he said", "continued to rise".
        "continue"
            if !(matches!(next, None | Some("," | ":" | "."))
                || next_is_mark(doc, i + 1, doc.tokens.len()))
                || prev.is_some_and(|p| {
                    matches!(p, "is" | "are" | "was" | "were" | "be" | "been")
                }) =>
        {
            return false
        }
        // "The court held that …", not "held a meeting", "held talks".
        "hold" if next != Some("that") => return false,
        // "“…,” the letter reads", "The statement read: “…”": only a
        // document reads out words; people read books.
        "read" => {
            let document = |k: usize| {
                doc.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word)
                    && (MEDIUM_NOUNS.contains(&doc.low(k))
                        || matches!(doc.low(k), "sign" | "banner"))
            };
            let before = i > 0 && document(i - 1);
            // ("“…,” reads one sign": after the quotation, the document follows.)
            let after = i > 0
                && doc.tokens[i - 1].kind != TokenKind::Word
                && (i + 1..(i + 3).min(doc.tokens.len())).any(document);
            // "The office released a statement. “…,” it read.": "it" is the
            // document named in the sentence before, same paragraph (a sign's
            // words stay a title).
            let it_for_document = i > 0 && doc.low(i - 1) == "it" && {
                let s = doc.sentence_of_token[i];
                s > 0 && {
                    let prev = doc.sentences[s - 1];
                    prev.paragraph == doc.sentences[s].paragraph
                        && (prev.first_token..prev.end_token).any(|k| {
                            doc.tokens[k].kind == TokenKind::Word
                                && MEDIUM_NOUNS.contains(&doc.low(k))
                        })
                }
            };
            if !(before || after || it_for_document) {
                return false;
            }
        }
        "tell" => {
            let window = (i + 1..(i + 5).min(doc.tokens.len()))
                .any(|k| matches!(doc.tok(k), "apart" | "difference" | "whether" | "time"));
            if window {
                return false;
            }
        }
        _ => {}
    }
    if NOUN_LIKE.contains(&lemma)
        && form
            .strip_prefix(lemma)
            .is_some_and(|rest| matches!(rest, "" | "s" | "es"))
    {
        // "Prime Minister vows to finish the job": a promise made, in the
        // third person, before its infinitive.
        let promises =
            matches!(lemma, "vow" | "pledge" | "promise") && form != lemma && next == Some("to");
        let next_is_verb = next.is_some_and(|n| {
            lex.cue_lemma(n).is_some()
                || lex.is(class::AUXILIARY, n)
                    && !matches!(
                        n,
                        "also" | "later" | "then" | "again" | "further" | "publicly" | "privately"
                    )
        });
        if next_is_verb
            || !promises
                && next.is_some_and(|n| {
                    matches!(
                        n,
                        "of" | "and"
                            | "from"
                            | "about"
                            | "for"
                            | "on"
                            | "in"
                            | "by"
                            | "to"
                            | "are"
                            | "were"
                    )
                })
        {
            return false;
        }
        if form == lemma {
            // The plain form is a verb only after a plural or first-person subject or a modal.
            let ok = prev.is_some_and(|p| {
                matches!(
                    p,
                    "i" | "we"
                        | "you"
                        | "they"
                        | "to"
                        | "will"
                        | "would"
                        | "could"
                        | "should"
                        | "may"
                        | "might"
                        | "must"
                        | "did"
                        | "do"
                        | "also"
                        | "often"
                ) || lex.groups.contains_key(p)
            });
            if !ok {
                return false;
            }
        }
    }
    true
}

/// "X was quoted by M as saying", "M quoted X as saying", "cited X as saying".
fn quoted_as_saying(
    doc: &Document,
    i: usize,
    first: usize,
    end: usize,
    in_quote: &[bool],
) -> Option<CueMatch> {
    let limit = (i + 12).min(end);
    let as_at = (i + 1..limit.saturating_sub(1)).find(|&k| {
        doc.tok(k).eq_ignore_ascii_case("as")
            && matches!(
                doc.low(k + 1),
                "saying" | "telling" | "stating" | "writing" | "declaring" | "warning"
            )
    })?;
    if (i + 1..as_at).any(|k| in_quote[k]) {
        return None;
    }
    // "was quoted", "was later quoted", "has also been quoted".
    let adverb = |k: usize| {
        matches!(
            doc.low(k),
            "later" | "also" | "then" | "once" | "again" | "widely"
        ) || lexicon().is_ly_adverb(doc.low(k)) && !doc.has(k, fact::UPPER_FIRST)
    };
    let mut aux = i;
    while aux > first + 1 && adverb(aux - 1) {
        aux -= 1;
    }
    let passive_aux = aux > first
        && matches!(
            doc.low(aux - 1),
            "was" | "were" | "is" | "are" | "been" | "being"
        );
    let start = if passive_aux { aux - 1 } else { i };
    let cue_end = as_at + 2;
    let (source, via) = if passive_aux || i == first {
        // "X was quoted by Bloomberg as saying".
        let via = (doc.tok(i + 1) == "by" && i + 2 < as_at).then(|| {
            Span::new(doc.tokens[i + 2].span.start, doc.tokens[as_at - 1].span.end)
                .slice(doc.text)
                .to_string()
        });
        (
            subject_before(doc, start, clause_start(doc, start, first, in_quote)),
            via,
        )
    } else {
        // "A readout from the ministry had then quoted Mr Wang as saying".
        let via = subject_before(doc, i, clause_start(doc, i, first, in_quote))
            .map(|m| m.span.slice(doc.text).to_string());
        (parse_np(doc, i + 1, as_at), via)
    };
    Some(CueMatch {
        cue: cue(doc, start, cue_end, CueForm::QuotedAsSaying),
        lemma: "quote",
        source,
        inverted: false,
        via,
        weak: false,
    })
}

/// The left bound of the clause a cue at `i` stands in: the sentence start
/// or just after the nearest quotation before it.
pub fn clause_start(_doc: &Document, i: usize, first: usize, in_quote: &[bool]) -> usize {
    let first = first.max(i.saturating_sub(WINDOW));
    (first..i)
        .rev()
        .find(|&k| in_quote[k])
        .map_or(first, |k| k + 1)
}

fn source_of(
    doc: &Document,
    i: usize,
    first: usize,
    end: usize,
    in_quote: &[bool],
    earlier: &[CueMatch],
) -> (Option<Mention>, bool) {
    let lb = clause_start(doc, i, first, in_quote);
    let prev = (i > first).then(|| doc.tok(i - 1));
    let participle = doc.tok(i).ends_with("ing");
    // "“Q,” X said, adding …" / "X said … and added" / "… but warned": the
    // earlier cue's source.
    if (participle && prev == Some(","))
        || prev.is_some_and(|p| p.eq_ignore_ascii_case("and") || p.eq_ignore_ascii_case("but"))
    {
        // (An earlier cue word without a source, "forced to explain …,
        // saying", reported nothing: the sentence's subject speaks.)
        // (Not a weak verb inside the first one's claim: "said they found
        // it “troubling” and said …" goes back to "said".)
        if let Some(c) = earlier
            .iter()
            .rev()
            .take_while(|c| c.cue.first_token >= first)
            .find(|c| c.cue.first_token < i && !(c.weak && no_comma_between(doc, c, i)))
            .filter(|c| c.source.is_some())
        {
            return (c.source.clone(), c.inverted);
        }
        // "The coalition called the fine “a good start” but said …": the
        // first verb was no reporting one; its subject is the sentence's.
        if !participle {
            if let Some(m) = main_clause_subject(doc, first, i) {
                return (Some(m), false);
            }
        }
    }
    if participle && prev == Some(",") {
        // "The government defended the plan, insisting …": the participle's
        // subject is the sentence's, never the words after it.
        return (main_clause_subject(doc, first, i), false);
    }
    // "… and began by saying", "After saying her foot was swollen, she …":
    // the subject of the clause the participle belongs to, when it is found.
    if participle
        && i > first
        && matches!(doc.low(i - 1), "by" | "after" | "before" | "while" | "when")
    {
        // (Within a sentence only after "by": after "after" or "while" the
        // participle's clause often belongs to someone else named in it.)
        let subject = if i > first + 1 {
            prev.filter(|p| *p == "by")
                .and_then(|_| main_clause_subject(doc, first, i))
        } else {
            // The comma that ends the participle's clause, or a quotation closing on one.
            let comma = (i + 1..end).find(|&k| {
                doc.tok(k) == "," && !in_quote[k]
                    || doc.tokens[k].kind == TokenKind::Mark && doc.tok(k - 1) == ","
            });
            comma.and_then(|c| {
                main_clause_subject(doc, c + 1, end).or_else(|| np_after(doc, c + 1, end))
            })
        };
        if subject.is_some() {
            return (subject, false);
        }
    }
    // "The senator released a statement saying …": the document says what its
    // author says, and the author is the sentence's subject.
    if participle && i > first + 1 {
        if let Some(medium) = medium_before(doc, i) {
            if let Some(m) = main_clause_subject(doc, first, medium) {
                return (Some(m), false);
            }
        }
    }
    if participle {
        if let Some(start) = name_before_participle(doc, i) {
            return (parse_np(doc, start, i), false);
        }
    }
    let stop = stop_at(doc, i + 1, end, in_quote);
    // `“Q,” said X` and `Q, said X`: nothing that could be a subject before the cue.
    let right_after_quote = (lb..i).all(|k| is_comma_or_dash(doc.tok(k)));
    // "So says Edith Marlowe, 71,": the quotation before has its speaker after.
    if right_after_quote || i == first || follows_so(doc, i) {
        return (np_after(doc, i + 1, stop), true);
    }
    if let Some(m) = subject_before(doc, i, lb) {
        return (Some(m), false);
    }
    if prev.is_some_and(|p| p == ",") {
        // "One, who asked not to be named, said the party was …": a noun
        // phrase followed by its verb is the subject of what was said.
        // ("…, said the videos show him leaving": a clause, not a speaker:
        // no participle or adverb stands inside a speaker's name.)
        let after = np_after(doc, i + 1, stop).filter(|m| {
            !crate::mentions::is_finite_auxiliary(doc, doc.token_at(m.span.end))
                && !(doc.token_at(m.span.start)..doc.token_at(m.span.end)).any(|k| {
                    doc.tokens[k].kind == TokenKind::Word
                        && !doc.has(k, fact::UPPER_FIRST)
                        && (doc.low(k).ends_with("ing") || lexicon().is_ly_adverb(doc.low(k)))
                })
        });
        return (after, true);
    }
    (None, false)
}

/// True when the words from `k` make "ask" report a request or a question:
/// "asked voters to think again", "asked whether the plan was legal". Such
/// an "ask" reports a claim; it stays weak for quotations, whose words
/// are seldom the request's.
pub fn asks_for(doc: &Document, k: usize, end: usize) -> bool {
    if k >= end {
        return false;
    }
    if matches!(
        doc.low(k),
        "whether" | "if" | "how" | "why" | "what" | "when" | "where" | "who"
    ) {
        return true;
    }
    // A listener of a few words, then "to" and a verb ("asked not to be
    // named" asks nothing of anyone).
    let listener = doc.tokens[k].kind == TokenKind::Word
        && !matches!(
            doc.low(k),
            "not" | "never" | "to" | "for" | "about" | "after"
        )
        && !lexicon().is(class::PREPOSITION, doc.low(k));
    listener
        && (k + 1..end.min(k + 7))
            .take_while(|&j| doc.tokens[j].kind == TokenKind::Word)
            .any(|j| {
                doc.low(j) == "to"
                    && doc
                        .tokens
                        .get(j + 1)
                        .is_some_and(|t| t.kind == TokenKind::Word)
                    && !lexicon().is(class::DETERMINER, doc.low(j + 1))
            })
}

/// True when no comma stands between cue `c` and token `i`: a weak verb
/// right before "and" belongs to the clause of the cue before it.
fn no_comma_between(doc: &Document, c: &CueMatch, i: usize) -> bool {
    !(c.cue.end_token..i).any(|k| doc.tok(k) == ",")
}

/// True when the cue at token `i` is its sentence's second word, after "So"
/// or "Thus" ("So says Edith Marlowe, 71,"): what it reports came before it,
/// quoted, and its speaker follows it.
pub fn follows_so(doc: &Document, i: usize) -> bool {
    i > 0
        && matches!(doc.low(i - 1), "so" | "thus")
        && doc.sentences[doc.sentence_of_token[i]].first_token == i - 1
}

/// The subject of the sentence starting at `first`, read before its first
/// verb (an auxiliary or a past form within the first words), when that verb
/// comes before token `limit`.
pub fn main_clause_subject(doc: &Document, first: usize, limit: usize) -> Option<Mention> {
    // "France’s foreign minister, Camille Descorvaux, struck a tone, saying":
    // a lower-case word after the appositive's comma is the verb too.
    // The first verb with a subject before it: one inside a relative clause
    // ("X, which filed the complaint, called …") has none.
    (first + 1..limit.min(first + 24))
        .filter(|&k| {
            // ("Two months later, …": an adverb before a comma is no verb.)
            is_verb_like(doc, k)
                && !(doc.tok(k + 1) == ","
                    && !doc.low(k).ends_with("ed")
                    && !crate::mentions::is_finite_auxiliary(doc, k))
                || doc.tokens[k].kind == TokenKind::Word
                    && !doc.has(k, fact::UPPER_FIRST)
                    && (doc.cue_lemma(k).is_some()
                        || doc.tok(k - 1) == ","
                            && k > first + 2
                            && !doc.is(
                                k,
                                class::DETERMINER
                                    | class::PREPOSITION
                                    | class::CONJUNCTION
                                    | class::SUBORDINATOR
                                    | class::PRONOUN_MALE
                                    | class::PRONOUN_FEMALE
                                    | class::PRONOUN_PLURAL
                                    | class::PRONOUN_NEUTER
                                    | class::PRONOUN_FIRST
                                    | class::TEMPORAL,
                            )
                            && !lexicon().is_ly_adverb(doc.low(k)))
        })
        .find_map(|verb| subject_before(doc, verb, first))
        .or_else(|| {
            // "Senator Ana Ruiz spoke about it, arguing …": a name opening the
            // sentence before a lower-case word (an irregular verb) is its subject.
            let end = crate::mentions::capitalized_run_end(doc, first, limit);
            (end > first + 1 && end < limit && doc.tokens[end].kind == TokenKind::Word)
                .then(|| parse_np(doc, first, end))
                .flatten()
                .filter(|m| m.form == crate::types::MentionForm::Name)
        })
}

/// The medium named around a cue: "in a statement", "told Reuters", "on Twitter".
fn via_near(
    doc: &Document,
    after: usize,
    first: usize,
    end: usize,
    in_quote: &[bool],
) -> Option<String> {
    let lex = lexicon();
    let limit = (after + 10).min(end);
    let text_of = |a: usize, b: usize| {
        Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end)
            .slice(doc.text)
            .to_string()
    };
    // "told Reuters", "told the BBC".
    if after > first && doc.tok(after - 1).eq_ignore_ascii_case("told") && after < end {
        let mut s = after;
        if doc.tok(s).eq_ignore_ascii_case("the") {
            s += 1;
        }
        if s < end && doc.tok(s).chars().next().is_some_and(char::is_uppercase) && !in_quote[s] {
            let e = crate::mentions::capitalized_run_end(doc, s, end);
            return Some(text_of(s, e));
        }
    }
    let window = |from: usize, to: usize| -> Option<String> {
        let mut k = from;
        while k < to {
            if in_quote[k] {
                return None;
            }
            let l = doc.low(k);
            if l == "in" || l == "during" {
                // "in a statement", "in an interview with the BBC", "in his introduction".
                let mut s = k + 1;
                while s < to
                    && (lex.is(class::DETERMINER, doc.low(s)) || doc.tok(s).ends_with("al"))
                {
                    s += 1;
                }
                while s < to
                    && !MEDIUM_NOUNS.contains(&doc.low(s))
                    && s < k + 5
                    && doc.tokens[s].kind == TokenKind::Word
                    && !doc.tok(s).chars().next().is_some_and(char::is_uppercase)
                {
                    s += 1;
                }
                if s < to && MEDIUM_NOUNS.contains(&doc.low(s)) {
                    let mut e = s + 1;
                    if e + 1 < to
                        && matches!(doc.tok(e), "with" | "to" | "on")
                        && doc
                            .tok(e + 1)
                            .chars()
                            .next()
                            .is_some_and(char::is_uppercase)
                    {
                        e = crate::mentions::capitalized_run_end(doc, e + 1, to);
                    }
                    return Some(text_of(k, e));
                }
            }
            if l == "on" && k + 1 < to && PLATFORMS.contains(&doc.tok(k + 1)) {
                return Some(text_of(k, k + 2));
            }
            if matches!(doc.tok(k), "." | ";" | "?" | "!") {
                return None;
            }
            k += 1;
        }
        None
    };
    window(after, limit).or_else(|| window(first, (first + 6).min(after.saturating_sub(1))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment;

    fn cues(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        let doc = segment(text);
        let in_quote = vec![false; doc.tokens.len()];
        find(&doc, &in_quote)
            .into_iter()
            .map(|c| {
                (
                    c.cue.span.slice(text).to_string(),
                    c.source.map(|m| m.name),
                    c.via,
                )
            })
            .collect()
    }

    #[test]
    fn finds_verbs_in_every_inflection() {
        assert_eq!(cues("The minister says so.")[0].0, "says");
        assert_eq!(cues("She warned them.")[0].0, "warned");
        assert_eq!(cues("Officials were insisting.")[0].0, "insisting");
    }

    #[test]
    fn skips_non_speech_uses() {
        assert!(cues("The said property was sold.").is_empty());
        assert!(cues("Everything went according to plan.").is_empty());
        assert!(cues("It is hard to tell the twins apart.").is_empty());
        assert!(cues("Add two cups of flour.").is_empty());
        assert!(cues("The report was long.").is_empty());
        assert!(cues("The state media carried it.").is_empty());
    }

    #[test]
    fn reads_according_to() {
        let c = cues("About 50 people were wounded, according to local news reports.");
        assert_eq!(c[0].0, "according to");
    }

    #[test]
    fn reads_quoted_as_saying_both_ways() {
        let c =
            cues("Foreign minister Wang Yi was quoted by Bloomberg as saying the talks went well.");
        assert_eq!(c[0].0, "was quoted by Bloomberg as saying");
        assert_eq!(c[0].1.as_deref(), Some("Wang Yi"));
        assert_eq!(c[0].2.as_deref(), Some("Bloomberg"));
        let c = cues("A readout from the ministry quoted Mr Wang as saying the talks went well.");
        assert_eq!(c[0].1.as_deref(), Some("Wang"));
        assert_eq!(c[0].2.as_deref(), Some("A readout from the ministry"));
    }

    #[test]
    fn reads_the_medium() {
        let c = cues("The ministry said in a statement that it would act.");
        assert_eq!(c[0].2.as_deref(), Some("in a statement"));
        let c = cues("The senator told Reuters the plan was dead.");
        assert_eq!(c[0].2.as_deref(), Some("Reuters"));
    }
}
