//! The attribution stage: a sieve that gives each quotation its kind and
//! its source, strong rules first and looser ones after (the design of
//! Stanford's two-stage quote attribution sieve).
//!
//! 1. A cue in the quotation's own sentence: `“Q,” X said.`, `“Q,” said X.`,
//!    `X said: “Q”`, `X said “partial” …`, `according to X`, `X was quoted by
//!    M as saying “Q”`, a readout quoting X.
//! 2. `X …: “Q”` with no reporting verb, and `“Q” — X`.
//! 3. The segments of one multi-paragraph quotation share their speaker.
//! 4. A quotation with no cue takes the speaker of another quotation in its
//!    paragraph, then of the previous paragraph (the news convention of an
//!    unattributed paragraph that continues the last speaker).
//! 5. Words quoted again ("real democracy") take the speaker of the longer
//!    quotation they come from.

use crate::lexicon::{class, HashMap, HashSet};
use crate::text::{is_comma_or_dash, is_dash};

use crate::cues::CueMatch;
use crate::lexicon::lexicon;
use crate::mentions::{capitalized_run_end, parse_np};
use crate::types::{
    fact, Document, Kind, Mention, MentionForm, QuoteSpan, Rule, Span, SpeakerType, TokenKind,
};

/// How many tokens around a quotation the sieve looks at for its cue: a
/// reporting verb further away does not introduce it, and the bound keeps
/// the work linear on sentences that never end.
const WINDOW: usize = 80;

/// Where a quotation's speaker comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Nobody: scare quotes, titles, quotations no rule attributes.
    Nobody,
    /// A mention, by index into the mention list.
    Mention(usize),
    /// The same speaker as another quotation, by index.
    SameAs(usize),
}

/// One quotation with its kind and source, before speakers are merged.
#[derive(Debug, Clone)]
pub struct Attributed {
    /// The quotation marks and what they enclose.
    pub quote: QuoteSpan,
    /// What it is.
    pub kind: Kind,
    /// Where the speaker comes from.
    pub source: Source,
    /// The reporting cue.
    pub cue: Option<Span>,
    /// The relaying medium.
    pub via: Option<String>,
    /// Which rule attributed it.
    pub rule: Option<Rule>,
}

/// The attribution stage's result.
#[derive(Debug, Clone, Default)]
pub struct Attribution {
    /// One entry per quotation, in text order.
    pub quotes: Vec<Attributed>,
    /// Every mention the quotations and cues refer to.
    pub mentions: Vec<Mention>,
    /// Pairs of mentions found to name the same speaker.
    pub same_speaker: Vec<(usize, usize)>,
    /// For each cue, the mention of its source.
    pub cue_mention: Vec<Option<usize>>,
}

/// Returns a flag per token: true inside a quotation, marks included.
pub fn inside_quotes(doc: &Document, quotes: &[QuoteSpan]) -> Vec<bool> {
    let mut flags = vec![false; doc.tokens.len()];
    let mut t = 0;
    for q in quotes.iter().filter(|q| q.depth == 0) {
        // Quotations are sorted by start; tokens too.
        while t < doc.tokens.len() && doc.tokens[t].span.start < q.span.start {
            t += 1;
        }
        let mut k = t;
        while k < doc.tokens.len() && doc.tokens[k].span.end <= q.span.end {
            flags[k] = true;
            k += 1;
        }
    }
    flags
}

/// Runs the sieve over every quotation.
pub fn attribute(
    doc: &Document,
    quotes: &[QuoteSpan],
    in_quote: &[bool],
    cues: &[CueMatch],
    background: Vec<Mention>,
) -> Attribution {
    let lex = lexicon();
    let mut mentions: Vec<Mention> = background;
    // Each cue's source becomes a mention.
    let cue_mention: Vec<Option<usize>> = cues
        .iter()
        .map(|c| {
            c.source.clone().map(|mut m| {
                m.is_source = true;
                mentions.push(m);
                mentions.len() - 1
            })
        })
        .collect();
    let mut out: Vec<Attributed> = Vec::with_capacity(quotes.len());
    // Capitalised words that stand inside sentences: names, not sentence
    // openers. Only colon-introduced quotations ask, and few do.
    let mut mid_sentence_caps = MidSentenceCapitals::new(doc);
    // Names of the people cues attribute speech to, as token lists.
    let speaker_names: Vec<Vec<String>> = cues
        .iter()
        .filter_map(|c| c.source.as_ref())
        .filter(|m| {
            m.form == crate::types::MentionForm::Name
                || m.speaker_type == crate::types::SpeakerType::Person
        })
        .map(|m| m.name.split_whitespace().map(str::to_lowercase).collect())
        .collect();
    // Word tokens before each token, to tell in O(1) whether a quotation opens its sentence.
    let mut words_before = Vec::with_capacity(doc.tokens.len() + 1);
    let mut count = 0usize;
    for t in &doc.tokens {
        words_before.push(count);
        if matches!(t.kind, TokenKind::Word | TokenKind::Number) {
            count += 1;
        }
    }
    words_before.push(count);
    let cue_at = |token: usize| cues.partition_point(|c| c.cue.first_token < token);

    for q in quotes {
        let open = doc.token_at(q.span.start);
        let close = doc.token_at(q.span.end).saturating_sub(1);
        let sentence_idx = doc.sentence_of_token[open.min(doc.tokens.len() - 1)];
        let sentence = doc.sentences[sentence_idx];
        let mut a = Attributed {
            quote: *q,
            kind: Kind::Scare,
            source: Source::Nobody,
            cue: None,
            via: None,
            rule: None,
        };
        // “The pitch was ‘every warehouse will need this,’ and …”: words quoted
        // inside a quotation are its speaker's words, reported with it; on
        // their own they are only marked words, never a second quotation
        // that nobody said.
        if q.depth > 0 {
            out.push(a);
            continue;
        }
        let inner = q.inner.slice(doc.text);
        let n_words = doc.words(q.inner);
        let starts_sentence = words_before[open] == words_before[sentence.first_token];
        let prev_tok = (open > sentence.first_token).then(|| doc.tok(open - 1));
        let after_close = close + 1;
        let next_tok = (after_close < sentence.end_token).then(|| doc.tok(after_close));
        let ends_sentence = q.open_ended
            || after_close >= sentence.end_token
            || next_tok.is_some_and(|t| matches!(t, "." | "?" | "!" | ";"))
            || inner.ends_with(['.', '?', '!', '…']);

        // --- Sieve 1: cues in the quotation's own sentence.
        let window_end = sentence.end_token.min(close + WINDOW);
        let trailing = (cue_at(close + 1)..cue_at(window_end.min(close + 9)))
            .map(|ci| (ci, &cues[ci]))
            .find(|(_, c)| {
                // ("Mr. Clarke recalled": a title's period ends nothing; "…,”
                // though she noted": a clause of its own reports other words.)
                (after_close..c.cue.first_token).all(|k| {
                    !in_quote[k]
                        && (!matches!(doc.tok(k), "." | "?" | "!" | ";" | ":")
                            || crate::mentions::is_initial_period(doc, k))
                        && !matches!(
                            doc.low(k),
                            "though" | "although" | "while" | "whereas" | "because" | "but"
                        )
                })
            });
        let window_start = sentence.first_token.max(open.saturating_sub(WINDOW));
        let leading = (cue_at(window_start)..cue_at(open))
            .rev()
            .map(|ci| (ci, &cues[ci]))
            // ("Ryan said the spate of shootings demands that …“more
            // listening”": a cue whose subject names no one passes the
            // quotation to the one before it.)
            .find(|(_, c)| c.cue.end_token <= open && !c.weak && c.source.is_some());
        let later = (cue_at(close + 1)..cue_at(window_end))
            .map(|ci| (ci, &cues[ci]))
            .find(|(_, c)| !c.weak && !in_quote[c.cue.first_token]);
        // A cue after the quotation attributes it when the quotation opens
        // the sentence or closes before the attribution (`“Q,” X said`,
        // `… “q”, X said`); inside the writer's sentence, the cue before it
        // does ("Vance vows to ‘finish the job’ as doctors threaten strikes").
        // (A full stop inside the marks of a quotation in mid-sentence ends the
        // writer's sentence: "… said it was “a rounding error.” Strydo reported".)
        // The quotation's own words end as a sentence does, or with a comma.
        let closed_as_sentence = inner.trim_end().ends_with(['!', '?', '.', '…']);
        let closed_by_comma = inner.trim_end().ends_with(',');
        let closes_before_attribution = closed_by_comma
            || (starts_sentence || leading.is_none()) && closed_as_sentence
            || next_tok.is_some_and(is_comma_or_dash);
        let has_source = |(_, c): &(usize, &CueMatch)| c.source.is_some();
        let (first_choice, second_choice) = if starts_sentence || closes_before_attribution {
            (trailing, leading)
        } else {
            (leading, trailing)
        };
        let chosen = first_choice
            .filter(has_source)
            .or(second_choice.filter(has_source))
            .or(later.filter(has_source));
        if let Some((ci, c)) = chosen {
            a.source = cue_mention[ci].map_or(Source::Nobody, Source::Mention);
            a.cue = Some(c.cue.span);
            a.via = c.via.clone();
            a.rule = Some(Rule::Cue);
        }
        // --- Sieve 2: `X …: “Q”` and `“Q” — X`.
        if a.rule.is_none() && prev_tok == Some(":") {
            if let Some(m) =
                sentence_subject(doc, sentence.first_token, open - 1, &mut mid_sentence_caps)
            {
                mentions.push(m);
                a.source = Source::Mention(mentions.len() - 1);
                a.rule = Some(Rule::Colon);
            }
        }
        if a.rule.is_none() && next_tok.is_some_and(|t| t == "-" || is_dash(t)) {
            let para = doc.paragraphs[q.paragraph];
            if let Some(mut m) = parse_np(doc, after_close + 1, para.end_token) {
                m.is_source = true;
                mentions.push(m);
                a.source = Source::Mention(mentions.len() - 1);
                a.rule = Some(Rule::Dash);
            }
        }

        // --- Kind.
        let before = open.saturating_sub(3).max(sentence.first_token)..open;
        let after = after_close..(after_close + 2).min(sentence.end_token);
        let title_case = is_title_case(inner);
        // "a film called “…”" names a work; "what it called “a policy of
        // delay”" is someone's phrase: a naming verb announces a title only
        // after a word for a work, or before a Title Case name.
        let naming_verb = |k: usize| {
            matches!(
                doc.low(k),
                "called" | "named" | "dubbed" | "nicknamed" | "labelled" | "labeled" | "branded"
            )
        };
        // "called the Villanueva campaign “scrappy”": a verdict on the thing
        // the naming verb's object names, not that thing's title.
        let verdict_on_object = !title_case
            && naming_verb_before(doc, open, sentence.first_token).is_some_and(|k| k + 1 < open);
        let title_context = !verdict_on_object
            && before.clone().chain(after.clone()).any(|k| {
                doc.is(k, class::TITLE_CUE)
                    && (!naming_verb(k) || title_case || k > 0 && doc.is(k - 1, class::TITLE_CUE))
            });
        // Who named the words, through "called", "dubbed", "branded" before them.
        let named_by = naming_source(doc, open, sentence.first_token, in_quote);
        let named = named_by.is_some();
        let scare_context = before.clone().any(|k| doc.is(k, class::SCARE_CUE))
            || (before.len() >= 2 && doc.low(open - 2) == "known" && doc.low(open - 1) == "as")
            // "called the minister’s response “…”", "BND calls rivals ‘…’"
            // (what people at large "call" a thing is its nickname, and
            // counts only right before).
            || named_by.as_ref().is_some_and(|(m, cue)| {
                cue.slice(doc.text).ends_with("ed")
                    || cue.slice(doc.text).ends_with("ing")
                    || m.form == MentionForm::OrgName
            });
        let first_person = (open..close).any(|k| doc.is(k, class::FIRST_PERSON));
        let capital_start = inner
            .chars()
            .find(|c| c.is_alphanumeric() || *c == '[')
            .is_some_and(|c| c.is_uppercase() || c == '[');
        let introduced = prev_tok.is_some_and(|t| matches!(t, ":" | ","))
            || leading.is_some_and(|(_, c)| c.cue.end_token == open)
            || prev_tok.is_some_and(|t| lex.cue_lemma(t).is_some());
        // “Q1,” X added, “and q2.”: the second part of an interrupted
        // quotation is as direct as the first.
        let continues_direct = prev_tok == Some(",")
            && a.cue.is_some()
            && out.last().is_some_and(|p: &Attributed| {
                p.kind == Kind::Direct
                    && p.cue == a.cue
                    && p.quote.depth == 0
                    && p.quote.span.start >= sentence.span.start
            });
        // “New lower prices,” reads one sign.
        let reads_after = after.len() > 1 && doc.low(after.start).starts_with("read");
        let standalone = starts_sentence && ends_sentence;
        // "a project code-named “Kestrel”", "a report titled “…”": the
        // participle right before names a work, whoever the sentence quotes
        // (a noun such as "report" may be the subject of a quoted verb).
        let named_right_before = open > sentence.first_token
            && doc.is(open - 1, class::TITLE_CUE)
            && doc.low(open - 1).ends_with("ed")
            && !naming_verb(open - 1);
        // "The paper, “Heatwave-driven carbon loss …”, appeared": a work's
        // name set beside it, however long.
        let beside_a_work = open >= sentence.first_token + 2
            && doc.tok(open - 1) == ","
            && doc.is(open - 2, class::TITLE_CUE)
            && !doc.low(open - 2).ends_with("ed")
            && doc.cue_lemma(open - 2).is_none();
        a.kind = if reads_after
            || named_right_before
            || (a.rule.is_none() && beside_a_work)
            || (a.rule.is_none() && title_context && (title_case || n_words <= 8))
            || (title_case && n_words >= 2 && (title_context || !standalone || a.rule.is_none()))
        {
            Kind::Title
        } else if scare_context && !first_person {
            // "what she called “a referendum on the industry”": naming words
            // quote the one who named, when the phrase is more than a label.
            // "Rosa Delgado called the vote “reckless”": a named speaker's
            // verdict in a word or two is theirs too; a nickname ("dubbed")
            // is not.
            let verdict_of_named = |m: &Mention, cue: Span| {
                (matches!(m.form, MentionForm::Name | MentionForm::OrgName)
                    || m.role.is_some()
                    // "He called the polls “noise”": someone already named.
                    || m.form == MentionForm::Pronoun && m.speaker_type == SpeakerType::Person)
                    && !m.indefinite
                    && !matches!(cue.slice(doc.text), "dubbed" | "dubs")
                    && !title_case
            };
            // "what lawmakers called “fraud”": the words of those who named.
            let after_what = |m: &Mention| {
                let t = doc.token_at(m.span.start);
                t > sentence.first_token && doc.low(t - 1) == "what" && !title_case
            };
            match named_by {
                // "both sides described the talks as “constructive”": the
                // describing verb already attributed it as a cue.
                Some((_, cue)) if a.cue == Some(cue) && a.rule == Some(Rule::Cue) => Kind::Partial,
                // "… said it would cut jobs, a move its chief executive called
                // “painful”": a naming verb between the cue and the quotation
                // has the last word.
                Some((m, cue))
                    if (n_words >= 3 || verdict_of_named(&m, cue) || after_what(&m))
                        && (a.rule.is_none()
                            || a.cue.is_some_and(|c| {
                                c == cue || c.end <= cue.start || c.start >= q.span.end
                            })) =>
                {
                    mentions.push(m);
                    a.source = Source::Mention(mentions.len() - 1);
                    a.cue = Some(cue);
                    a.rule = Some(Rule::Cue);
                    Kind::Partial
                }
                // "The ministry said … what it called “a policy of delay”": the
                // phrase of the speaker the sentence already reports.
                Some(_) if n_words >= 3 && a.rule == Some(Rule::Cue) => Kind::Partial,
                _ => Kind::Scare,
            }
        } else if a.rule.is_some() {
            // “Absolutely not,” he said.: a sentence of its own, however short,
            // closed by its punctuation before the attribution.
            let whole_sentence_before_cue = starts_sentence
                && a.cue.is_some_and(|c| c.start >= q.span.end)
                && (closed_by_comma || closed_as_sentence);
            // He said: “Nobody shouted.”: likewise a sentence, however short,
            // after the colon or verb that introduces it.
            let whole_sentence_after_cue = capital_start
                && (prev_tok == Some(":") || prev_tok.is_some_and(|t| lex.cue_lemma(t).is_some()))
                && closed_as_sentence;
            if whole_sentence_before_cue
                || whole_sentence_after_cue
                || (starts_sentence || introduced && capital_start || continues_direct)
                    && n_words >= 3
            {
                Kind::Direct
            } else {
                Kind::Partial
            }
        } else if starts_sentence && n_words >= 3 && ends_sentence
            || standalone
                && capital_start
                && closed_as_sentence
                && out.last().is_some_and(|p: &Attributed| {
                    // “…,” Bell said. “It held.”: a short sentence of its own after
                    // a quotation of the same paragraph speaks on.
                    p.kind == Kind::Direct
                        && p.quote.depth == 0
                        && doc.sentences[doc.sentence_of_token[doc.token_at(p.quote.span.start)]]
                            .paragraph
                            == sentence.paragraph
                })
        {
            Kind::Direct
        } else if first_person || n_words >= 7 {
            // "Ruiz called the holiday “a day that unites us”": words in the
            // first person are no label, but still the words of who named.
            if let Some((m, cue)) = named_by.filter(|_| a.rule.is_none()) {
                mentions.push(m);
                a.source = Source::Mention(mentions.len() - 1);
                a.cue = Some(cue);
                a.rule = Some(Rule::Cue);
            }
            Kind::Partial
        } else {
            // "De Miranda understands the 1900s as the “neon century”": a phrase
            // in a sentence about someone the article quotes elsewhere is theirs.
            match quoted_person_subject(doc, sentence.first_token, open, &speaker_names) {
                Some(m) if n_words >= 2 && !scare_context => {
                    mentions.push(m);
                    a.source = Source::Mention(mentions.len() - 1);
                    a.rule = Some(Rule::Neighbour);
                    Kind::Partial
                }
                _ => Kind::Scare,
            }
        };
        // "called him a “liar” who is “amoral,” a “bully” and a “snake”":
        // marked words listed after someone's words in the same clause are
        // theirs too.
        if a.kind == Kind::Scare && !title_case {
            if let Some(p) = out.last().filter(|p| {
                p.kind == Kind::Partial
                    && p.quote.depth == 0
                    && matches!(p.source, Source::Mention(_))
                    && p.quote.span.start >= sentence.span.start
            }) {
                let p_close = doc.token_at(p.quote.span.end - 1);
                let links = p_close + 1..open;
                if links.len() <= 3
                    && links.clone().all(|k| {
                        doc.is(k, class::DETERMINER | class::CONJUNCTION | class::AUXILIARY)
                            || matches!(doc.tok(k), "," | "who" | "which")
                    })
                {
                    a.kind = Kind::Partial;
                    a.source = p.source;
                    a.cue = p.cue;
                    a.via = p.via.clone();
                    a.rule = p.rule;
                }
            }
        }
        // "Clinton’s allegations of a “vast conspiracy”", "his warnings that
        // the vote is “rigged”": what someone's words are called names them.
        // ("called Mr. Obama’s remarks “a wake-up call”": the naming verb's.)
        if a.kind == Kind::Scare && a.rule.is_none() && !title_case && !named {
            if let Some((m, cue)) = speech_noun_possessor(doc, open, sentence.first_token) {
                mentions.push(m);
                a.source = Source::Mention(mentions.len() - 1);
                a.cue = Some(cue);
                a.rule = Some(Rule::Cue);
                a.kind = Kind::Partial;
            }
        }
        if matches!(a.kind, Kind::Scare | Kind::Title) {
            a.source = Source::Nobody;
            a.cue = None;
            a.via = None;
            a.rule = None;
        }
        let _ = capitalized_run_end;
        out.push(a);
    }

    // A term quoted as a scare quote stays one when quoted again.
    let normal: Vec<String> = out
        .iter()
        .map(|a| normalized_span(doc, a.quote.inner))
        .collect();
    let mut scare_terms: HashSet<&str> = HashSet::default();
    for (i, a) in out.iter_mut().enumerate() {
        if a.kind == Kind::Scare {
            scare_terms.insert(&normal[i]);
        } else if a.kind == Kind::Partial
            && normal[i].split(' ').count() <= 3
            && scare_terms.contains(normal[i].as_str())
        {
            a.kind = Kind::Scare;
            a.source = Source::Nobody;
            a.rule = None;
            a.cue = None;
        }
    }

    // --- Sieve 3: multi-paragraph quotations share their speaker.
    let mut group_source: HashMap<usize, usize> = HashMap::default();
    for (j, o) in out.iter().enumerate() {
        if o.rule.is_some() && matches!(o.source, Source::Mention(_)) {
            group_source.entry(o.quote.group).or_insert(j);
        }
    }
    for i in 0..out.len() {
        if out[i].source != Source::Nobody || !speech(&out[i]) {
            continue;
        }
        if let Some(&j) = group_source.get(&out[i].quote.group) {
            out[i].source = Source::SameAs(j);
            out[i].rule = out[j].rule;
        }
    }

    // --- Sieve 4: same paragraph, then the previous paragraph.
    let mut explicit_in: HashMap<usize, Vec<usize>> = HashMap::default();
    for (j, o) in out.iter().enumerate() {
        if o.rule.is_some() && o.quote.depth == 0 {
            explicit_in.entry(o.quote.paragraph).or_default().push(j);
        }
    }
    let paragraph_of = |token: usize| doc.sentences[doc.sentence_of_token[token]].paragraph;
    let mut last_cue_in: HashMap<usize, usize> = HashMap::default();
    for (ci, c) in cues.iter().enumerate() {
        if !c.weak && c.source.is_some() {
            last_cue_in.insert(paragraph_of(c.cue.first_token), ci);
        }
    }
    let mut last_speech_in: HashMap<usize, usize> = HashMap::default();
    for i in 0..out.len() {
        let p = out[i].quote.paragraph;
        if out[i].source == Source::Nobody && speech(&out[i]) && out[i].quote.depth == 0 {
            // The nearest attributed quotation of the paragraph, earlier ones first.
            if let Some(list) = explicit_in.get(&p) {
                let at = list.partition_point(|&j| j < i);
                let pick = if at > 0 {
                    Some(list[at - 1])
                } else {
                    list.iter().copied().find(|&j| j != i)
                };
                if let Some(j) = pick {
                    out[i].source = Source::SameAs(j);
                    out[i].rule = Some(Rule::SameParagraph);
                }
            }
            // A cue in the sentence before or after, same paragraph: "Forte said
            // the deal was fair. “We like it.”" / "“We lost.” Smith admitted as much."
            if out[i].source == Source::Nobody && out[i].kind == Kind::Direct {
                let open = doc.token_at(out[i].quote.span.start);
                let s = doc.sentence_of_token[open];
                let same_para = |k: usize| doc.sentences.get(k).is_some_and(|x| x.paragraph == p);
                let prev = (s > 0 && same_para(s - 1))
                    .then(|| doc.sentences[s - 1])
                    .and_then(|x| {
                        (cue_at(x.first_token)..cue_at(x.end_token))
                            .rev()
                            .find(|&ci| !cues[ci].weak && cues[ci].source.is_some())
                    });
                let next = same_para(s + 1)
                    .then(|| doc.sentences[s + 1])
                    .and_then(|x| {
                        (cue_at(x.first_token)..cue_at((x.first_token + 6).min(x.end_token))).find(
                            |&ci| {
                                !cues[ci].weak
                                    && cues[ci].source.is_some()
                                    && !in_quote[cues[ci].cue.first_token]
                            },
                        )
                    });
                // "“…”" ending its paragraph, then "So says Edith Marlowe, 71,":
                // the next paragraph names who said it.
                let so_says = || {
                    let x = doc.sentences.get(s + 1)?;
                    if x.paragraph != p + 1 || x.end_token < x.first_token + 3 {
                        return None;
                    }
                    (cue_at(x.first_token)..cue_at(x.first_token + 2)).find(|&ci| {
                        crate::cues::follows_so(doc, cues[ci].cue.first_token)
                            && cues[ci].source.is_some()
                    })
                };
                if let Some(ci) = prev.or(next).or_else(so_says) {
                    out[i].source = cue_mention[ci].map_or(Source::Nobody, Source::Mention);
                    out[i].cue = Some(cues[ci].cue.span);
                    out[i].rule = Some(Rule::Neighbour);
                }
                // "Asked if she trusted them, Ms Khan laughed. “Not for a
                // second.”": a quotation that opens its sentence, after a
                // sentence of the same paragraph about a person that reports
                // no speech, is that person's.
                let opens_sentence = doc.sentences[s].first_token == open;
                if out[i].source == Source::Nobody && opens_sentence && s > 0 && same_para(s - 1) {
                    if let Some(m) = subject_of_sentence(doc, s - 1) {
                        mentions.push(m);
                        out[i].source = Source::Mention(mentions.len() - 1);
                        out[i].rule = Some(Rule::Neighbour);
                    }
                }
            }
            // The quotation must be its paragraph's first speech for the
            // previous paragraph's speaker to carry over.
            let para = doc.paragraphs[p];
            let quote_first = words_before[doc.token_at(out[i].quote.span.start)]
                == words_before[para.first_token]
                || out[i].kind == Kind::Partial;
            if out[i].source == Source::Nobody && p > 0 && quote_first {
                let quote = last_speech_in.get(&(p - 1)).copied();
                let cue = last_cue_in.get(&(p - 1)).copied();
                let src = match (quote, cue) {
                    (Some(j), Some(ci)) if cues[ci].cue.span.start > out[j].quote.span.end => {
                        cue_mention[ci].map(Source::Mention)
                    }
                    (Some(j), _) => Some(Source::SameAs(j)),
                    (None, Some(ci)) => cue_mention[ci].map(Source::Mention),
                    (None, None) if out[i].kind == Kind::Direct => {
                        subject_of_paragraph_end(doc, p - 1).map(|m| {
                            mentions.push(m);
                            Source::Mention(mentions.len() - 1)
                        })
                    }
                    (None, None) => None,
                };
                if let Some(src) = src {
                    out[i].source = src;
                    out[i].rule = Some(Rule::Continuation);
                }
            }
        }
        if out[i].source != Source::Nobody && speech(&out[i]) {
            last_speech_in.insert(p, i);
        }
    }

    // --- Sieve 5: words quoted again take the speaker of their longer quotation.
    let roots = roots(&out);
    // A quotation is looked up by its first two words: only those pairs are indexed.
    let is_echo_candidate = |a: &Attributed| {
        matches!(a.kind, Kind::Partial | Kind::Direct | Kind::Scare) && a.quote.depth == 0
    };
    let first_pairs: HashSet<u64> = out
        .iter()
        .zip(&normal)
        .filter(|(a, _)| is_echo_candidate(a))
        .filter_map(|(_, n)| word_pair_keys(n).next())
        .collect();
    let mut donors_by_bigram: HashMap<u64, Vec<usize>> = HashMap::default();
    if !first_pairs.is_empty() {
        for (j, o) in out.iter().enumerate() {
            if o.kind == Kind::Direct && roots[j].is_some() {
                for pair in word_pair_keys(&normal[j]) {
                    if !first_pairs.contains(&pair) {
                        continue;
                    }
                    let list = donors_by_bigram.entry(pair).or_default();
                    if list.len() < 8 && list.last() != Some(&j) {
                        list.push(j);
                    }
                }
            }
        }
    }
    let mut same_speaker = Vec::new();
    for i in 0..out.len() {
        if !is_echo_candidate(&out[i]) {
            continue;
        }
        let key = normal[i].as_str();
        let Some(first_pair) = word_pair_keys(key).next() else {
            continue;
        };
        let Some(candidates) = donors_by_bigram.get(&first_pair) else {
            continue;
        };
        let donor = candidates
            .iter()
            .copied()
            .find(|&j| j != i && normal[j].len() >= key.len() && normal[j].contains(key));
        let Some(j) = donor else { continue };
        let Some(donor_mention) = roots[j] else {
            continue;
        };
        let own = roots[i];
        let weak = matches!(
            out[i].rule,
            None | Some(Rule::Continuation | Rule::SameParagraph | Rule::Neighbour)
        );
        let compatible = own.is_some_and(|m| {
            let mine = &mentions[m];
            let theirs = &mentions[donor_mention];
            mine.speaker_type != crate::types::SpeakerType::Person
                && (mine.affiliation.is_some() && mine.affiliation == theirs.affiliation
                    || Some(&mine.name) == theirs.affiliation.as_ref())
        });
        if weak || compatible {
            if let (Some(m), true) = (own, compatible) {
                if mentions[m].indefinite {
                    same_speaker.push((m, donor_mention));
                }
            }
            if out[i].kind == Kind::Scare {
                out[i].kind = Kind::Partial;
            }
            out[i].source = Source::SameAs(j);
            out[i].rule = Some(Rule::Echo);
        }
    }

    Attribution {
        quotes: out,
        mentions,
        same_speaker,
        cue_mention,
    }
}

/// The keys of the word pairs of a normalised text (words joined by single
/// spaces), in order: a hash of both words, so that pairs are compared as
/// integers. A key names a pair only probably; the caller confirms a match on
/// the text itself.
fn word_pair_keys(normal: &str) -> impl Iterator<Item = u64> + '_ {
    // Split as bytes: a space is one byte, and a byte loop beats a char search.
    let mut words = normal
        .as_bytes()
        .split(|&b| b == b' ')
        .filter(|w| !w.is_empty())
        .map(crate::lexicon::FxHasher::hash_bytes);
    let mut prev = words.next();
    words.map(move |cur| {
        let first = prev.replace(cur).unwrap_or_default();
        first.rotate_left(29) ^ cur.wrapping_mul(0x9E37_79B9_7F4A_7C15)
    })
}

/// True for quotations that report speech (direct or partial).
fn speech(a: &Attributed) -> bool {
    matches!(a.kind, Kind::Direct | Kind::Partial)
}

/// Returns, for each quotation, the mention it is attributed through,
/// following `SameAs` links (memoised, so the whole pass is linear).
pub fn roots(out: &[Attributed]) -> Vec<Option<usize>> {
    const UNKNOWN: usize = usize::MAX;
    const NONE: usize = usize::MAX - 1;
    const VISITING: usize = usize::MAX - 2;
    let mut memo = vec![UNKNOWN; out.len()];
    let mut path = Vec::new();
    for start in 0..out.len() {
        path.clear();
        let mut i = start;
        let root = loop {
            match memo[i] {
                UNKNOWN => {}
                VISITING => break NONE, // a cycle: no speaker
                known => break known,
            }
            memo[i] = VISITING;
            path.push(i);
            match out[i].source {
                Source::Nobody => break NONE,
                Source::Mention(m) => break m,
                Source::SameAs(j) => i = j,
            }
        };
        for &k in &path {
            memo[k] = root;
        }
    }
    memo.into_iter()
        .map(|m| (m < VISITING).then_some(m))
        .collect()
}

/// The subject at the start of a sentence that introduces a quotation with a
/// colon: "De Miranda beautifully evokes …:", "Alverson summed up …:".
/// Answers whether a word stands capitalised inside a sentence somewhere in
/// the document (a name, not a sentence opener). The first questions are
/// answered by reading the tokens; only a document that asks many builds the
/// whole set, so that the work stays linear without paying for the set on
/// every article.
struct MidSentenceCapitals<'d, 't> {
    doc: &'d Document<'t>,
    scans_left: usize,
    set: Option<HashSet<&'t str>>,
}

impl<'d, 't> MidSentenceCapitals<'d, 't> {
    const SCANS: usize = 16;

    fn new(doc: &'d Document<'t>) -> Self {
        MidSentenceCapitals {
            doc,
            scans_left: Self::SCANS,
            set: None,
        }
    }

    /// True for a capitalised token that does not open its sentence.
    fn is_one(doc: &Document, k: usize) -> bool {
        doc.has(k, fact::UPPER_FIRST) && doc.sentences[doc.sentence_of_token[k]].first_token != k
    }

    fn contains(&mut self, word: &str) -> bool {
        let doc = self.doc;
        if self.set.is_none() && self.scans_left > 0 {
            self.scans_left -= 1;
            return (0..doc.tokens.len()).any(|k| {
                doc.tokens[k].span.len() == word.len() && doc.tok(k) == word && Self::is_one(doc, k)
            });
        }
        self.set
            .get_or_insert_with(|| {
                (0..doc.tokens.len())
                    .filter(|&k| Self::is_one(doc, k))
                    .map(|k| doc.tok(k))
                    .collect()
            })
            .contains(word)
    }
}

fn sentence_subject(
    doc: &Document,
    first: usize,
    colon: usize,
    mid_sentence_caps: &mut MidSentenceCapitals,
) -> Option<Mention> {
    let lex = lexicon();
    let mut a = first;
    // Skip an introductory phrase ending in a comma.
    let first = first.max(colon.saturating_sub(WINDOW));
    if let Some(comma) = (first..colon).find(|&k| doc.tok(k) == ",") {
        if (first..comma).next().is_some_and(|k| {
            lex.is(class::PREPOSITION, doc.low(k)) || lex.is(class::SUBORDINATOR, doc.low(k))
        }) {
            a = comma + 1;
        }
    }
    let mut b = a;
    while b < colon {
        let w = doc.tok(b);
        let l = w.to_lowercase();
        let np_word = doc.tokens[b].kind == TokenKind::Word
            && (w.chars().next().is_some_and(char::is_uppercase)
                || lex.is(class::DETERMINER, &l)
                || lex.roles.contains_key(&l)
                || lex.nationalities.contains_key(w)
                || crate::mentions::role_head(&l) == l && lex.roles.contains_key(&l))
            || (w == "." && b > a);
        let particle = matches!(
            l.as_str(),
            "de" | "van" | "von" | "al" | "bin" | "da" | "di" | "le" | "la"
        );
        if !(np_word || particle) {
            break;
        }
        b += 1;
    }
    if b == a || b - a > 6 {
        return None;
    }
    let mut m = parse_np(doc, a, b)?;
    // "United's captain, Leon Achterberg, praised the fans:": the subject
    // with its appositive, read before the verb.
    if b < colon && doc.tok(b) == "," {
        let verb = (b + 1..colon).find(|&k| crate::mentions::is_verb_like(doc, k));
        if let Some(full) = verb.and_then(|v| crate::mentions::subject_before(doc, v, a)) {
            if full.form == crate::types::MentionForm::Name && full.span.start == m.span.start {
                m = full;
            }
        }
    }
    m.is_source = true;
    // A one-word subject opening the sentence must be a name the article uses
    // elsewhere ("Alverson"), not a capitalised adjective ("New signs …").
    if b - a == 1 && a == first && !mid_sentence_caps.contains(doc.tok(a)) {
        return None;
    }
    // A sentence-initial capitalised common word is not a speaker.
    (m.form != crate::types::MentionForm::Nominal || m.role.is_some()).then_some(m)
}

/// The person a sentence opens with, when cues elsewhere attribute speech to
/// them under the same name ("De Miranda" and "de Miranda writes").
fn quoted_person_subject(
    doc: &Document,
    first: usize,
    open: usize,
    speaker_names: &[Vec<String>],
) -> Option<Mention> {
    if open <= first + 1 {
        return None;
    }
    let end = crate::mentions::capitalized_run_end(doc, first, open.min(first + 6));
    if end <= first || end >= open {
        return None;
    }
    let mut m = parse_np(doc, first, end)?;
    if m.form != crate::types::MentionForm::Name
        && m.speaker_type != crate::types::SpeakerType::Person
    {
        return None;
    }
    let toks: Vec<String> = m.name.split_whitespace().map(str::to_lowercase).collect();
    let known = speaker_names.iter().any(|n| {
        !n.is_empty() && n.last() == toks.last() && (n.len() == 1 || toks.len() == 1 || n == &toks)
    });
    m.is_source = true;
    known.then_some(m)
}

/// The subject of a naming verb just before a quotation ("she called",
/// "ministers have dubbed"), with the verb's span.
fn naming_source(
    doc: &Document,
    open: usize,
    first: usize,
    in_quote: &[bool],
) -> Option<(Mention, Span)> {
    let verb = naming_verb_before(doc, open, first)?;
    // "The doctor is calling the candidate “…”": a progressive has its subject before.
    let progressive = verb > first && doc.is(verb - 1, class::AUXILIARY);
    let mut m = if doc.low(verb).ends_with("ing") && !progressive {
        // "The chamber welcomed the cut, calling it “…”", "he won after
        // dismissing the video as “…”": the sentence's subject.
        if verb == first
            || !matches!(
                doc.low(verb - 1),
                "," | "after" | "before" | "while" | "when" | "by"
            )
        {
            return None;
        }
        crate::cues::main_clause_subject(doc, first, verb)?
    } else {
        let lb = crate::cues::clause_start(doc, verb, first, in_quote);
        crate::mentions::subject_before(doc, verb, lb)?
    };
    m.is_source = true;
    Some((m, doc.tokens[verb].span))
}

/// The one whose words a noun before the quotation opening at `open` names,
/// with that noun's span: "Clinton’s allegations of a “…”", "his warning
/// that “…”". The noun stands in the same clause, at most eight words back.
fn speech_noun_possessor(doc: &Document, open: usize, first: usize) -> Option<(Mention, Span)> {
    let noun = (open.saturating_sub(8).max(first + 1)..open)
        .rev()
        .take_while(|&k| doc.tokens[k].kind == TokenKind::Word)
        .find(|&k| doc.is(k, class::SPEECH_NOUN) && !doc.has(k, fact::UPPER_FIRST))?;
    let owner = noun - 1;
    let w = doc.tok(owner);
    let mut start = owner;
    let m = match doc.low(owner) {
        "his" | "her" => crate::mentions::possessive_pronoun(doc, owner),
        _ if crate::mentions::is_possessive(w) && doc.has(owner, fact::CAPITALIZED) => {
            while start > first
                && (doc.has(start - 1, fact::CAPITALIZED) || doc.tok(start - 1) == ".")
            {
                start -= 1;
            }
            parse_np(doc, start, noun)
                .filter(|m| matches!(m.form, MentionForm::Name | MentionForm::OrgName))
        }
        _ => None,
    }?;
    // "called Mr. Obama’s remarks “a wake-up call”": the one who named them speaks.
    if start > first && naming_verb_at(doc, start - 1) {
        return None;
    }
    // The speaker is "Clinton", not "Clinton’s".
    let name = crate::mentions::strip_possessive(&m.name).to_string();
    let suffix = m.span.slice(doc.text).len()
        - crate::mentions::strip_possessive(m.span.slice(doc.text)).len();
    let span = Span::new(m.span.start, m.span.end - suffix);
    Some((
        Mention {
            is_source: true,
            name,
            span,
            ..m
        },
        doc.tokens[noun].span,
    ))
}

/// The person the last sentence of paragraph `p` is about, when it names
/// them or calls them "he" or "she" ("He thinks about it for a long time."):
/// in a feature, a quotation paragraph that says nothing of its speaker
/// after a paragraph without speech is that person's.
fn subject_of_paragraph_end(doc: &Document, p: usize) -> Option<Mention> {
    let para = doc.paragraphs[p];
    if para.end_token <= para.first_token {
        return None;
    }
    subject_of_sentence(doc, doc.sentence_of_token[para.end_token - 1])
}

/// The person sentence `s` is about, when it names them or calls them "he"
/// or "she".
fn subject_of_sentence(doc: &Document, s: usize) -> Option<Mention> {
    let sentence = doc.sentences[s];
    let mut first = sentence.first_token;
    // "Asked if she trusted them, Ms Khan laughed", "In the kitchen, he …":
    // the clause starts after an opening phrase and its comma.
    let opener = doc.low(first);
    if opener.ends_with("ed")
        || opener.ends_with("ing")
        || doc.is(first, class::PREPOSITION | class::SUBORDINATOR)
    {
        if let Some(comma) =
            (first + 1..(first + 16).min(sentence.end_token)).find(|&k| doc.tok(k) == ",")
        {
            first = comma + 1;
        }
    }
    if first + 1 >= sentence.end_token {
        return None;
    }
    let m = if matches!(doc.low(first), "he" | "she") {
        parse_np(doc, first, first + 1)
    } else {
        crate::cues::main_clause_subject(doc, first, sentence.end_token)
    }?;
    (m.speaker_type == SpeakerType::Person
        && matches!(m.form, MentionForm::Pronoun | MentionForm::Name))
    .then_some(m)
}

/// Verbs that describe something "as" what the quotation says: whoever
/// describes speaks the words.
const DESCRIBING_VERBS: &[&str] = &[
    "described",
    "describes",
    "describing",
    "characterized",
    "characterised",
    "characterizes",
    "characterises",
    "criticized",
    "criticised",
    "criticizes",
    "criticises",
    "denounced",
    "denounces",
    "hailed",
    "hails",
    "praised",
    "praises",
    "slammed",
    "slams",
    "blasted",
    "blasts",
    "derided",
    "derides",
    "dismissed",
    "dismisses",
    "portrayed",
    "portrays",
    "labeled",
    "labelled",
    "branded",
    "condemned",
    "condemns",
    "sees",
    "saw",
    "views",
    "viewed",
    "regards",
    "regarded",
    "admires",
    "admired",
    "rated",
    "rates",
    "referred",
    "refers",
    "referring",
    "dismissing",
    "brushed",
    "brushes",
    "ranked",
    "ranks",
];

/// The naming verb ("called", "dubbed", "branded") before the quotation
/// opening at token `open`, across its object: a short phrase ("the
/// minister’s response") that punctuation ends.
fn naming_verb_before(doc: &Document, open: usize, first: usize) -> Option<usize> {
    // "criticized the law as a “crazy system”", "described her as “brilliant”":
    // a verb of describing with "as" right before the quotation.
    // The nearest word within `reach` tokens before the quotation that
    // `is_verb` accepts, across the object phrase, which punctuation ends.
    let verb_within = |reach: usize, is_verb: &dyn Fn(&str) -> bool| {
        (open.saturating_sub(reach).max(first)..open)
            .rev()
            .take_while(|&k| !matches!(doc.tok(k), "," | ";" | ":" | "." | "(" | ")"))
            .find(|&k| is_verb(doc.low(k)))
    };
    let as_before = (open > first + 1 && doc.low(open - 1) == "as")
        || (open > first + 2 && doc.low(open - 2) == "as" && doc.is(open - 1, class::DETERMINER));
    if as_before {
        if let Some(k) = verb_within(16, &|w| DESCRIBING_VERBS.contains(&w)) {
            return Some(k);
        }
    }
    verb_within(8, &|w| is_naming_verb(w))
}

/// "called", "dubbed", "branded": a verb that gives its object a name.
fn is_naming_verb(lower: &str) -> bool {
    matches!(
        lower,
        "called"
            | "calls"
            | "call"
            | "calling"
            | "dubbed"
            | "dubs"
            | "termed"
            | "labelled"
            | "labeled"
            | "branded"
    )
}

/// True when token `k` is a naming verb ([`is_naming_verb`]).
fn naming_verb_at(doc: &Document, k: usize) -> bool {
    doc.tokens[k].kind == TokenKind::Word && is_naming_verb(doc.low(k))
}

/// Lower-cased words without punctuation, for comparing quoted words (the
/// tests hold [`normalized_span`] to it).
#[cfg(test)]
fn normalized(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_normalized(text, &mut out);
    out
}

/// The words of `span`, lower-cased and without punctuation, read from the
/// tokens: a plain ASCII word is taken from the lower-cased text as it
/// stands, any other word is cut at its inner punctuation.
fn normalized_span(doc: &Document, span: Span) -> String {
    let mut out = String::with_capacity(span.len());
    for k in doc.token_at(span.start)..doc.token_at(span.end) {
        let t = doc.tokens[k];
        if !matches!(t.kind, TokenKind::Word | TokenKind::Number) {
            continue;
        }
        let w = t.span.slice(doc.text);
        if w.bytes().all(|b| b.is_ascii_alphanumeric()) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(t.span.slice(doc.tokens.lower_text()));
        } else {
            push_normalized(w, &mut out);
        }
    }
    out
}

/// Appends the runs of letters and digits of `text` to `out`, lower-cased,
/// each after a space unless `out` is empty.
fn push_normalized(text: &str, out: &mut String) {
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        if w.is_ascii() {
            let at = out.len();
            out.push_str(w);
            out[at..].make_ascii_lowercase();
        } else {
            out.push_str(&w.to_lowercase());
        }
    }
}

/// Title Case: the words of a name of a work ("The World of Tomorrow").
fn is_title_case(text: &str) -> bool {
    // Small words that Title Case leaves in lower case, in several languages.
    fn is_small(w: &str) -> bool {
        const SMALL: &[&str] = &[
            "a", "an", "the", "of", "to", "in", "on", "and", "for", "with", "at", "by", "from",
            "as", "or", "like", "is", "de", "la", "le", "les", "du", "des", "et", "der", "die",
            "das", "und", "von", "el", "los", "las", "y", "del", "di",
        ];
        if w.is_ascii() {
            SMALL.iter().any(|s| s.eq_ignore_ascii_case(w))
        } else {
            SMALL.contains(&w.to_lowercase().as_str())
        }
    }
    let mut words = [""; 12];
    let mut n = 0;
    for w in text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
    {
        if n == words.len() {
            return false; // too long for a title
        }
        // Every word of a title is capitalised, a number or a small word:
        // most quotations fail at their first words, before the rest is read.
        if !(w
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
            || is_small(w))
        {
            return false;
        }
        words[n] = w;
        n += 1;
    }
    let ws = &words[..n];
    if ws.len() < 2 {
        return false;
    }
    // ‘I WAS RUSHING TO MY NAN’: a tabloid's capitals shout, they do not name.
    if ws.len() >= 3 && !text.chars().any(char::is_lowercase) {
        return false;
    }
    // “Dead? No. Resting,”: words capitalised because each opens a sentence.
    if text.split_whitespace().rev().skip(1).any(|w| {
        w.ends_with(['?', '!'])
            || w.ends_with('.')
                && !lexicon()
                    .abbreviations
                    .contains_key(w.trim_end_matches('.'))
                && !lexicon().abbreviations.contains_key(w)
    }) {
        return false;
    }
    let caps = ws
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    caps >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_case_is_told_from_sentences() {
        assert!(is_title_case("The World of Tomorrow."));
        assert!(is_title_case("Glory to Communism,"));
        assert!(!is_title_case("Whole Foods is one of the better ones"));
        assert!(!is_title_case("neon"));
    }

    #[test]
    fn normalizes_words() {
        assert_eq!(normalized("Real  democracy,"), "real democracy");
        assert_eq!(
            normalized("O’Brien’s U.S.-made 4,000 É"),
            "o brien s u s made 4 000 é"
        );
    }

    #[test]
    fn mid_sentence_capitals_answer_alike_before_and_after_the_set_is_built() {
        let text =
            "New rules came in. The harbour master Dana Alverson closed the pier. Signs went up.";
        let doc = crate::text::segment(text);
        let mut caps = MidSentenceCapitals::new(&doc);
        for round in 0..3 * MidSentenceCapitals::SCANS {
            assert!(caps.contains("Alverson"), "round {round}");
            assert!(caps.contains("Dana"), "round {round}");
            assert!(!caps.contains("New"), "round {round}: opens its sentence");
            assert!(!caps.contains("Signs"), "round {round}: opens its sentence");
            assert!(!caps.contains("harbour"), "round {round}: not capitalised");
        }
        assert!(caps.set.is_some(), "many questions build the set");
    }

    #[test]
    fn normalizes_the_words_of_a_span_as_of_its_text() {
        let text = "“Real  democracy, O’Brien’s U.S.-made 4,000 ÉTÉ — rock 'n' roll/A&B”";
        let doc = crate::text::segment(text);
        let inner = Span::new("“".len(), text.len() - "”".len());
        assert_eq!(normalized_span(&doc, inner), normalized(inner.slice(text)));
    }
}
