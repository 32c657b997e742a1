//! The speaker-mention stage: reads the noun phrase that names a speaker.
//!
//! Three entry points serve the attribution sieve: [`subject_before`] reads
//! the subject to the left of a reporting cue ("Mr Wang, at the event, said"),
//! [`np_after`] the speaker after an inverted cue ("said Tyler Besecker,
//! president of …"), and [`parse_np`] any token range. Each returns a
//! [`Mention`] with the person's or body's name, role, affiliation, type,
//! gender and whether it marks an official, read from the lexicons.

use crate::lexicon::{class, lexicon};
use crate::text::{is_comma_or_dash, is_dash};
use crate::types::{
    fact, Document, Facts, Gender, Mention, MentionForm, Span, SpeakerType, TokenKind,
};

/// Words that make a different office of the role after them.
pub const ROLE_MODIFIERS: &[&str] = &[
    "shadow",
    "former",
    "deputy",
    "acting",
    "interim",
    "assistant",
    "opposition",
    "junior",
    "retired",
    "ex",
];

/// Finite auxiliaries: a phrase holding one is a clause, not a noun phrase.
const VERBS_OF_CLAUSES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can",
    "could", "may", "might", "must", "should", "did", "does", "do", "isn't", "aren't", "wasn't",
    "weren't", "won't",
];

/// Offices held in companies as well as in public bodies.
const SHARED_OFFICES: &[&str] = &[
    "president",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "director",
    "head",
    "leader",
    "officer",
    "commissioner",
    "captain",
    "chief",
];

/// Jobs that serve whoever employs them: official when that is a public body.
const SERVING_OFFICES: &[&str] = &["counterpart", "aide", "adviser", "advisor", "envoy"];

/// True when an affiliation names a public body: a country, an official
/// organisation, or an office of state ("Ethiopia's prime minister").
fn is_public_body(affiliation: &str) -> bool {
    let lex = lexicon();
    let bare = strip_possessive(affiliation);
    let lower = bare.to_lowercase();
    lex.is_country(bare)
        || lex.organizations.get(&lower).copied().unwrap_or(false)
        || lex.roles.get(&lower).copied().unwrap_or(false)
        || affiliation.split_whitespace().any(|w| {
            let w = strip_possessive(w);
            lex.is_country(w)
                || lex
                    .organizations
                    .get(&w.to_lowercase())
                    .copied()
                    .unwrap_or(false)
        })
        || lower
            .split_once(' ')
            .is_some_and(|(_, rest)| lex.roles.get(rest).copied().unwrap_or(false))
}

/// A noun phrase longer than this many tokens is not a speaker mention.
const MAX_NP_TOKENS: usize = 24;

/// Lower-case words that may join the capitalised words of an organisation's name.
const ORG_CONNECTORS: &[&str] = &["of", "for", "on", "and", "&"];

fn is_word(doc: &Document, i: usize) -> bool {
    doc.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
}

/// True for a lower-case word that can be a clause's verb: an auxiliary or
/// a past form ("has", "praised").
pub fn is_verb_like(doc: &Document, k: usize) -> bool {
    is_word(doc, k) && !upper_first(doc, k) && (doc.is(k, class::AUXILIARY) || is_past_form(doc, k))
}

/// True for a word in -ed that may be a past form ("praised", not "bed").
fn is_past_form(doc: &Document, k: usize) -> bool {
    lower(doc, k).ends_with("ed") && !doc.is(k, class::NOT_PAST)
}

/// True when token `k` is a finite verb that makes a clause of the words
/// around it: a form of "be", "have" or "do", a modal, or a lower-case past
/// form ("rose", irregular, is missed; "closed" is not).
pub fn is_clause_verb(doc: &Document, k: usize) -> bool {
    is_word(doc, k)
        && !upper_first(doc, k)
        && (VERBS_OF_CLAUSES.contains(&lower(doc, k)) || is_past_form(doc, k))
}

/// True when token `k` is a lower-case form of "be", "have" or "do" or a
/// modal: a noun phrase right before it is a clause's subject.
pub fn is_finite_auxiliary(doc: &Document, k: usize) -> bool {
    is_word(doc, k) && !upper_first(doc, k) && VERBS_OF_CLAUSES.contains(&lower(doc, k))
}

/// True when tokens `a..b` describe the speaker as speaking for a kind of
/// private body ("a spokesperson for the campaign group Blue Margin", "a
/// spokeswoman for the charity Oxfam"): a spokesperson's role is official
/// only for a public one. Agencies and organisations may be public, and a
/// capitalised "Union" or "League" is a name.
fn speaks_for_a_private_body(doc: &Document, a: usize, b: usize) -> bool {
    (a..b).any(|k| {
        is_word(doc, k)
            && !upper_first(doc, k)
            && doc.is(k, class::ORGANISATION_NOUN)
            && !matches!(lower(doc, k), "agency" | "organisation" | "organization")
    })
}

/// True for a pronoun that can only be a subject ("he", not "him"; "it"
/// is both and left out); `low` is lower case.
pub fn is_subject_pronoun(low: &str) -> bool {
    matches!(low, "he" | "she" | "they" | "we" | "i")
}

/// True for a word in the possessive ("Obama’s", "the firm's").
pub fn is_possessive(word: &str) -> bool {
    word.ends_with("’s") || word.ends_with("'s")
}

/// Returns `s` without its possessive endings ("Labour’s" → "Labour").
pub fn strip_possessive(mut s: &str) -> &str {
    while let Some(rest) = s.strip_suffix("’s") {
        s = rest;
    }
    while let Some(rest) = s.strip_suffix("'s") {
        s = rest;
    }
    s
}

/// True when token `i` starts with an upper-case letter.
fn upper_first(doc: &Document, i: usize) -> bool {
    doc.has(i, fact::UPPER_FIRST)
}

/// Returns true for a capitalised word (or an all-capital acronym), and for
/// names behind a lower-case particle prefix ("al-Sharif").
fn is_capitalized(doc: &Document, i: usize) -> bool {
    doc.has(i, fact::CAPITALIZED)
}

/// True when token `k` and the token after it touch, with no space between.
fn touches_next(doc: &Document, k: usize) -> bool {
    doc.tokens
        .get(k + 1)
        .is_some_and(|next| next.span.start == doc.tokens[k].span.end)
}

/// True for the period of an initial ("W." in "George W. Bush") or of a
/// title abbreviation ("Ms.", "Dr.", "St.") inside a name.
pub fn is_initial_period(doc: &Document, k: usize) -> bool {
    k > 0
        && doc.tok(k) == "."
        && is_capitalized(doc, k - 1)
        && touches_next(doc, k - 1)
        && (doc.tok(k - 1).chars().count() == 1
            || lexicon().abbreviations.get(doc.tok(k - 1))
                == Some(&crate::lexicon::AbbreviationClass::Title))
}

fn is_particle(doc: &Document, i: usize) -> bool {
    doc.has(i, fact::PARTICLE)
}

/// True when token `k` starts particles followed by a capitalised name
/// ("de la Fuente-Ortega", "van der Linden").
fn particles_then_name(doc: &Document, k: usize, end: usize) -> bool {
    let mut i = k;
    while i < end && is_particle(doc, i) {
        i += 1;
    }
    i > k && i < end && is_capitalized(doc, i)
}

fn lower<'d>(doc: &'d Document, i: usize) -> &'d str {
    doc.low(i)
}

/// A function word written with a capital only because it opens a sentence.
fn is_capitalized_function_word(doc: &Document, i: usize) -> bool {
    doc.is(i, class::CLOSED)
}

/// Longest role phrase starting at token `i` (lower-cased), with its length.
fn role_at(doc: &Document, i: usize, end: usize) -> Option<(usize, bool)> {
    let lex = lexicon();
    if i >= end || !doc.has(i, fact::ROLE_FIRST) {
        return None;
    }
    let start = doc.tokens[i].span.start;
    // Words one space apart are looked up as they stand in the lower-cased
    // text; other spacing (rare) is joined with single spaces.
    let mut as_they_stand = true;
    let mut best = None;
    for k in i..end.min(i + lex.max_role_words) {
        if !is_word(doc, k) {
            break;
        }
        let span = doc.tokens[k].span;
        as_they_stand &= !doc.has(k, fact::LOWER_ELSEWHERE)
            && (k == i
                || doc.text.get(span.start - 1..span.start) == Some(" ")
                    && doc.tokens[k - 1].span.end + 1 == span.start);
        let found = if as_they_stand {
            lex.roles.get(&doc.tokens.lower_text()[start..span.end])
        } else {
            lex.roles.get(&joined_lower(doc, i, k + 1))
        };
        if let Some(&official) = found {
            best = Some((k + 1 - i, official));
        }
    }
    best
}

fn gender_of_role(role: &str) -> Gender {
    let last = role.rsplit(' ').next().unwrap_or(role);
    match last {
        "mother" | "wife" | "daughter" | "sister" | "woman" | "spokeswoman" | "chairwoman"
        | "congresswoman" | "councilwoman" | "queen" | "grandmother" | "girl" | "actress"
        | "widow" | "aunt" | "niece" | "girlfriend" | "fiancee" | "fiancée" => Gender::Female,
        "father" | "husband" | "son" | "brother" | "man" | "spokesman" | "chairman"
        | "congressman" | "councilman" | "king" | "grandfather" | "boy" | "fisherman" | "uncle"
        | "nephew" | "boyfriend" => Gender::Male,
        _ => Gender::Unknown,
    }
}

/// Returns the head word of a role ("foreign minister" → "minister").
pub fn role_head(role: &str) -> &str {
    role.rsplit(' ').next().unwrap_or(role)
}

/// True when token `k` is the apostrophe of a plural possessive: `’` or `'`
/// glued to a word ending in "s" and followed, after a space, by a
/// lower-case word ("patients’ groups", "the operators' association").
fn is_plural_possessive(doc: &Document, k: usize) -> bool {
    let t = doc.tokens[k];
    let (Some(before), Some(after)) = (k.checked_sub(1), doc.tokens.get(k + 1)) else {
        return false;
    };
    let word = doc.tokens[before];
    t.kind == TokenKind::Mark
        && matches!(doc.tok(k), "’" | "'")
        && word.kind == TokenKind::Word
        && word.span.end == t.span.start
        && doc.tok(before).ends_with(['s', 'S'])
        && after.kind == TokenKind::Word
        && after.span.start > t.span.end
        // "patients’ groups"; inside an organisation's name, "the Ratepayers’
        // Association" (else a capital after it starts a name).
        && (!doc.has(k + 1, fact::UPPER_FIRST)
            || doc.has(before, fact::UPPER_FIRST)
                && (doc.is(k + 1, class::ORGANISATION_NOUN) || doc.has(k + 1, fact::ORGANIZATION)))
        && !closes_single_quotation(doc, k)
}

/// True when a single mark opens earlier in token `k`'s sentence (‘ or '
/// glued to the word after it): the ’ at `k` may close that quotation
/// ("‘We will win the races’ critics …") rather than mark a possessive.
fn closes_single_quotation(doc: &Document, k: usize) -> bool {
    let first = doc.sentences[doc.sentence_of_token[k]].first_token;
    (first..k).any(|j| {
        doc.tokens[j].kind == TokenKind::Mark
            && matches!(doc.tok(j), "‘" | "'")
            && touches_next(doc, j)
    })
}

/// Verbs written joined to a pronoun: "he’s", "they're", "I'm", "she’d".
const JOINED_VERBS: &[&str] = &[
    "’s", "'s", "’re", "'re", "’m", "'m", "’d", "'d", "’ll", "'ll", "’ve", "'ve",
];

/// The word before a verb joined to it ("he" of "he’s"), lower case in,
/// lower case out; `None` when no verb is joined.
pub fn without_joined_verb(lower: &str) -> Option<&str> {
    JOINED_VERBS
        .iter()
        .find_map(|suffix| lower.strip_suffix(suffix))
        .filter(|stem| !stem.is_empty())
}

/// The person "his" or "her" at token `k` stands for, as a pronoun mention
/// ("his warning that …": he warned).
pub fn possessive_pronoun(doc: &Document, k: usize) -> Option<Mention> {
    let gender = match lower(doc, k) {
        "his" => Gender::Male,
        "her" => Gender::Female,
        _ => return None,
    };
    Some(pronoun_mention(
        doc,
        doc.tokens[k].span,
        gender,
        SpeakerType::Person,
    ))
}

/// A pronoun's mention: its words at `span`, nothing more known than its
/// gender and type.
fn pronoun_mention(
    doc: &Document,
    span: Span,
    gender: Gender,
    speaker_type: SpeakerType,
) -> Mention {
    Mention {
        span,
        form: MentionForm::Pronoun,
        name: span.slice(doc.text).to_string(),
        role: None,
        affiliation: None,
        speaker_type,
        official: false,
        gender,
        indefinite: false,
        is_source: false,
        oblique: false,
    }
}

/// Reads the mention in tokens `a..b`, or `None` when they name no speaker.
pub fn parse_np(doc: &Document, a: usize, b: usize) -> Option<Mention> {
    let (mut a, b) = (a, b.min(doc.tokens.len()));
    // Leading conjunctions and subordinators belong to the clause, not the phrase.
    while a < b && is_word(doc, a) && {
        let l = lower(doc, a);
        (doc.is(a, class::CONJUNCTION | class::SUBORDINATOR) || l == "even" || l == "as")
            && !doc.is(a, class::DETERMINER)
    } {
        a += 1;
    }
    if b > a && (matches!(doc.tok(b - 1), "," | "-" | ":") || is_dash(doc.tok(b - 1))) {
        return parse_np(doc, a, b - 1);
    }
    if a >= b || b - a > MAX_NP_TOKENS {
        return None;
    }
    let span = Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end);
    if (a..b).any(|k| doc.tokens[k].kind == TokenKind::Mark && !is_plural_possessive(doc, k)) {
        return None;
    }
    // "Tom Carper and Dianne Feinstein said": two people named together
    // speak as a group ("they" later), not as the second alone.
    if let Some(k) = (a + 1..b.saturating_sub(1)).find(|&k| doc.low(k) == "and") {
        let named_person = |x: usize, y: usize| {
            parse_np(doc, x, y).is_some_and(|m| {
                m.form == MentionForm::Name && m.speaker_type == SpeakerType::Person
            })
        };
        if named_person(a, k) && named_person(k + 1, b) {
            return Some(Mention {
                form: MentionForm::Nominal,
                ..pronoun_mention(doc, span, Gender::Unknown, SpeakerType::Group)
            });
        }
    }
    // "A statement from Egypt's foreign ministry", "a readout by the
    // Kremlin": the medium's author speaks.
    let noun = if doc.is(a, class::DETERMINER) {
        a + 1
    } else {
        a
    };
    if noun + 2 < b
        && crate::cues::MEDIUM_NOUNS.contains(&lower(doc, noun))
        && matches!(lower(doc, noun + 1), "from" | "by" | "of")
    {
        return parse_np(doc, noun + 2, b).map(|mut author| {
            author.span.start = doc.tokens[a].span.start;
            author
        });
    }
    // A pronoun alone; "He’s claiming": the pronoun without the verb joined to it.
    if b - a == 1 {
        let (l, span) = match without_joined_verb(lower(doc, a)) {
            Some(stem) => (stem, Span::new(span.start, span.start + stem.len())),
            None => (lower(doc, a), span),
        };
        let pronoun = |gender, t| Some(pronoun_mention(doc, span, gender, t));
        match l {
            "he" => return pronoun(Gender::Male, SpeakerType::Person),
            "she" => return pronoun(Gender::Female, SpeakerType::Person),
            "they" => return pronoun(Gender::Unknown, SpeakerType::Group),
            "it" => return pronoun(Gender::Unknown, SpeakerType::Organization),
            "i" | "we" | "you" | "this" | "that" | "there" | "which" | "who" | "what" => {
                return None
            }
            // "Several senators said … One, who asked not to be named, said":
            // one of them, unnamed.
            "one" | "another" => {
                return Some(Mention {
                    form: MentionForm::Nominal,
                    speaker_type: SpeakerType::Anonymous,
                    gender: Gender::Unknown,
                    indefinite: true,
                    ..pronoun(Gender::Unknown, SpeakerType::Anonymous)?
                })
            }
            _ => {}
        }
    }
    // "the 61-year-old": a person known by their age, named earlier; "the
    // 34-year-old mother of three": the same, with the noun that describes them.
    let age_end = (doc.low(a) == "the" && b - a > 1)
        .then(|| (a + 1..(a + 5).min(b)).find(|&k| doc.low(k).ends_with("year-old")))
        .flatten()
        .filter(|&k| {
            let age = Span::new(doc.tokens[a + 1].span.start, doc.tokens[k].span.end);
            age.slice(doc.text)
                .starts_with(|c: char| c.is_ascii_digit())
        });
    if let Some(k) = age_end {
        // The age and one lower-case noun after it ("mother"), not what follows ("of three").
        let last = if k + 1 < b && is_word(doc, k + 1) && !is_capitalized(doc, k + 1) {
            k + 1
        } else {
            k
        };
        let span = Span::new(span.start, doc.tokens[last].span.end);
        // "the 44-year-old executive": the noun may be a role.
        let role = (last > k)
            .then(|| role_at(doc, last, last + 1))
            .flatten()
            .map(|_| lower(doc, last).to_string());
        return Some(Mention {
            span,
            form: MentionForm::Nominal,
            name: span.slice(doc.text).to_string(),
            role,
            affiliation: None,
            speaker_type: SpeakerType::Person,
            official: false,
            gender: Gender::Unknown,
            indefinite: false,
            is_source: false,
            oblique: false,
        });
    }
    // The head ends at a relative pronoun or a participle clause.
    let mut head_end = b;
    for k in a + 1..b {
        let l = lower(doc, k);
        if matches!(l, "who" | "whose" | "which" | "that" | "whom")
            || (doc.tok(k) == "," && k > a)
            || (l.ends_with("ing")
                && !is_capitalized(doc, k)
                && role_at(doc, k, b).is_none()
                && k > a + 1
                // "chief operating officer": a role may hold an -ing word.
                && !(a..k).any(|r| role_at(doc, r, b).is_some_and(|(n, _)| r + n > k)))
        {
            head_end = k;
            break;
        }
    }
    read_phrase(doc, a, head_end, b, span)
}

/// True when the noun at `k` describes a plural noun right after it inside
/// the head (`..head_end`): "police shootings", "police raids". That noun is
/// not a function word, a verb or a noun the lexicons know.
fn is_noun_modifier(doc: &Document, k: usize, head_end: usize) -> bool {
    let n = k + 1;
    n < head_end
        && is_word(doc, n)
        && !upper_first(doc, n)
        && doc.facts[n] == Facts::default()
        && !is_verb_like(doc, n)
        && {
            let l = lower(doc, n);
            l.len() > 3 && l.ends_with('s') && !l.ends_with("ss")
        }
}

/// Classifies the tokens of a head phrase `a..head_end` (the full mention
/// runs to `b`) into name, role, affiliation and type.
fn read_phrase(doc: &Document, a: usize, head_end: usize, b: usize, span: Span) -> Option<Mention> {
    let lex = lexicon();
    let mut indefinite = false;
    let mut definite = false;
    let mut gender = Gender::Unknown;
    let mut official = false;
    let mut role: Option<String> = None;
    let mut role_official = false;
    let mut affiliation: Option<String> = None;
    let mut honorific = false;
    let mut name_run: Option<(usize, usize)> = None;
    let mut org_run: Option<(usize, usize)> = None;
    let mut group: Option<bool> = None;
    let mut group_at: Option<usize> = None;
    let mut org_nominal: Option<(&str, bool)> = None;
    let mut org_at: Option<usize> = None;
    let mut head_noun_seen = false;

    let mut k = a;
    // The head noun phrase stops at the first preposition after a noun; what
    // follows ("of a woman who …", "from the West Mercia police") may still
    // give an affiliation.
    let mut head_stop = head_end;
    // The token after a plain lower-case word that follows an opening
    // indefinite determiner ("one fan"), read as a modifier.
    let mut plain_before: Option<usize> = None;
    while k < head_end {
        let w = doc.tok(k);
        let l = lower(doc, k);
        // "patients’ groups", "the operators’ association": the possessor
        // describes the head that follows, which says who speaks.
        if k + 2 < head_end && is_plural_possessive(doc, k + 1) {
            k += 2;
            continue;
        }
        if !is_word(doc, k) {
            if doc.tokens[k].kind == TokenKind::Number {
                k += 1;
                continue;
            }
            if k > a && is_initial_period(doc, k) {
                k += 1;
                continue;
            }
            if w == "’s" || w == "'s" {
                k += 1;
                continue;
            }
            head_stop = k;
            break;
        }
        if k == a && doc.is(k, class::INDEFINITE) && !is_capitalized(doc, (k + 1).min(head_end - 1))
            || (k == a && matches!(l, "a" | "an"))
        {
            indefinite = true;
            k += 1;
            continue;
        }
        // "The two said", "the three told reporters", "Both said": a number
        // word that ends the phrase stands for the people counted.
        if k + 1 == head_end
            && matches!(l, "two" | "three" | "four" | "both")
            && (k > a || l == "both")
        {
            group = Some(false);
            group_at = Some(k);
            head_noun_seen = true;
            k += 1;
            continue;
        }
        if doc.is(k, class::DETERMINER) && (!upper_first(doc, k) || k == a) {
            definite |= matches!(
                l,
                "the" | "his" | "her" | "their" | "its" | "our" | "this" | "that"
            );
            k += 1;
            continue;
        }
        // ("one fan outside the ground", "a man at the scene": before a
        // preposition of place, the plain word right after an indefinite
        // determiner, read as an adjective so far, was the head noun; "the
        // rise at the pumps" stays no speaker.)
        if (doc.is(k, class::PREPOSITION) && !ORG_CONNECTORS.contains(&l)
            || l == "of"
            || l == "for")
            && (head_noun_seen
                || name_run.is_some()
                || role.is_some()
                || plain_before == Some(k)
                    && matches!(
                        l,
                        "outside" | "inside" | "near" | "behind" | "beside" | "across" | "at"
                    ))
        {
            head_stop = k;
            break;
        }
        // "Chief Executive Henrik Dahl": an honorific that opens an office of
        // several words is read as that office.
        let opens_office = || role_at(doc, k, head_end).is_some_and(|(n, _)| n >= 2);
        if let Some((g, off)) = doc
            .has(k, fact::HONORIFIC)
            .then(|| lex.honorific(w))
            .flatten()
            .filter(|_| !opens_office())
        {
            // "President Xi", "Mr Wang", "Sen. Whitfield": an honorific before a name.
            let next = if doc
                .tokens
                .get(k + 1)
                .is_some_and(|t| t.span.slice(doc.text) == ".")
            {
                k + 2
            } else {
                k + 1
            };
            let mut name_start = next;
            while name_start < head_end && is_particle(doc, name_start) {
                name_start += 1;
            }
            let name_follows = name_start < head_end && is_capitalized(doc, name_start);
            if name_follows {
                honorific = true;
                if gender == Gender::Unknown {
                    gender = g;
                }
                official |= off;
                if off && role.is_none() {
                    let short = l.trim_end_matches('.');
                    role = Some(
                        lex.honorific_roles
                            .get(short)
                            .map_or(short, |r| r)
                            .to_string(),
                    );
                    role_official = true;
                }
                k = next;
                continue;
            }
        }
        if let Some((n, off)) = role_at(doc, k, head_end) {
            let mut phrase: Vec<String> = (k..k + n).map(|i| lower(doc, i).to_string()).collect();
            if k > a && ROLE_MODIFIERS.contains(&lower(doc, k - 1)) {
                phrase.insert(0, lower(doc, k - 1).to_string());
            }
            let phrase = phrase.join(" ");
            // "co-founder and CEO": roles joined by "and" read as one.
            role = Some(match role.take() {
                Some(prev) if k > a && lower(doc, k - 1) == "and" => format!("{prev} and {phrase}"),
                _ => phrase,
            });
            role_official |= off;
            if gender == Gender::Unknown {
                gender = gender_of_role(role.as_deref().unwrap_or(""));
            }
            head_noun_seen = true;
            k += n;
            continue;
        }
        if l == "and"
            && role.is_some()
            && k + 1 < head_end
            && role_at(doc, k + 1, head_end).is_some()
        {
            k += 1;
            continue;
        }
        // "the spate of police shootings": a group noun before a plural noun
        // describes that noun, which is the head.
        // ("a police spokesman": a group noun before a role describes the
        // one in that role.)
        let before_role = k + 1 < head_end && role_at(doc, k + 1, head_end).is_some();
        if before_role && doc.has(k, fact::GROUP) && !upper_first(doc, k) {
            k += 1;
            continue;
        }
        if doc.has(k, fact::GROUP) && !is_noun_modifier(doc, k, head_end) {
            group = Some(doc.has(k, fact::GROUP_OFFICIAL));
            group_at = Some(k);
            head_noun_seen = true;
            k += 1;
            continue;
        }
        // "The carmaker said", "the electric-car maker": a kind of business
        // is an organisation, as "the company" is.
        if !upper_first(doc, k)
            && (doc.has(k, fact::ORGANIZATION) || doc.is(k, class::BUSINESS_NOUN))
            && !is_noun_modifier(doc, k, head_end)
        {
            org_nominal = Some((l, doc.has(k, fact::ORGANIZATION_OFFICIAL)));
            org_at = Some(k);
            head_noun_seen = true;
            k += 1;
            continue;
        }
        if is_capitalized(doc, k) || particles_then_name(doc, k, head_end) {
            if let Some(country) = nationality_at(doc, k) {
                if affiliation.is_none() {
                    affiliation = Some(country.to_string());
                }
                k += 1;
                continue;
            }
            // "Former employees said": a modifier capitalised because it opens
            // the sentence.
            if k == a
                && (is_capitalized_function_word(doc, k) || ROLE_MODIFIERS.contains(&lower(doc, k)))
            {
                k += 1;
                continue;
            }
            // "Aid agencies said", "Health workers said": the sentence's first
            // word before a group noun describes the group; its capital is the
            // sentence's.
            if k == a
                && k + 1 < head_end
                && doc.sentences[doc.sentence_of_token[k]].first_token == k
                && doc.has(k + 1, fact::GROUP)
                && !upper_first(doc, k + 1)
            {
                k += 1;
                continue;
            }
            // A run of capitalised words: a name or an organisation.
            let mut end = capitalized_run_end(doc, k, head_end);
            // A title written in capitals inside the run: "Assistant District
            // Attorney Marcus Ofori", "Councilmember Kevin O'Brien".
            if name_run.is_none() && !honorific {
                if let Some((r, n)) = (k..end)
                    .rev()
                    .find_map(|r| role_at(doc, r, end).map(|(n, _)| (r, n)))
                {
                    if r + n < end {
                        let mut n = n;
                        // "Secretary of the Interior Dana M. Whitcombe": the body
                        // is one word, the rest the name.
                        if doc.tok(r + n) == "of" {
                            let body = if doc.tok(r + n + 1) == "the" {
                                r + n + 2
                            } else {
                                r + n + 1
                            };
                            if body + 2 < end + 1 && end - body >= 3 {
                                n = body + 1 - r;
                            }
                        }
                        let title: Vec<String> =
                            (k..r + n).map(|i| lower(doc, i).to_string()).collect();
                        role_official |= role_at(doc, r, end).is_some_and(|(_, off)| off);
                        role = Some(title.join(" "));
                        head_noun_seen = true;
                        k = r + n;
                        if k < end && doc.tok(k) == "." {
                            k += 1;
                        }
                        continue;
                    }
                }
            }
            // "Dr. Haruka Mori of Osaka Metropolitan University": a person's name
            // ends before the connector; the body after it is the affiliation.
            if honorific || role.is_some() || lex.given_names.contains_key(doc.tok(k)) {
                if let Some(c) = (k + 1..end).find(|&c| ORG_CONNECTORS.contains(&doc.tok(c))) {
                    end = c;
                    head_stop = head_stop.min(head_end);
                }
            }
            let run_text =
                Span::new(doc.tokens[k].span.start, doc.tokens[end - 1].span.end).slice(doc.text);
            let possessive = is_possessive(run_text);
            let bare = strip_possessive(run_text);
            if end + 1 < head_end && is_plural_possessive(doc, end) {
                // "The Liberal Democrats' health spokesperson": the body the
                // speaker belongs to.
                affiliation = Some(run_text.to_string());
                k = end + 1;
                continue;
            }
            if (possessive && end < head_end)
                || (end < head_end
                    && role_at(doc, end, head_end).is_some()
                    && name_run.is_none()
                    && !honorific
                    && !lex.is_country(run_text))
            {
                // "Labour's shadow health secretary", "Whole Foods co-founder",
                // "White House press secretary": the body the speaker belongs to.
                affiliation = Some(lex.country_of(bare).unwrap_or(bare).to_string());
                if possessive && honorific {
                    // "Mr Hartley's spokeswoman": the title was Mr Hartley's.
                    honorific = false;
                    gender = Gender::Unknown;
                }
            } else if is_org_run(doc, k, end) {
                org_run = Some((k, end));
            } else if lex.is_country(run_text) {
                if affiliation.is_none() {
                    affiliation = Some(run_text.to_string());
                }
                if k == a && end == head_end {
                    org_run = Some((k, end));
                }
            } else if end < head_end
                && !honorific
                && doc.has(end, fact::ORGANIZATION)
                && !upper_first(doc, end)
            {
                // "Royal Shrewsbury hospital", "West Mercia police".
                end += 1;
                org_run = Some((k, end));
            } else if end - k == 1 && doc.is(k, class::TEMPORAL) {
                // A weekday ("on Friday") names a time, not a speaker or a body.
            } else {
                // "Republican Donald Trump", "Rival Hillary Clinton": a word before
                // a known given name and a surname describes the person.
                let given = |i: usize| lex.given_names.contains_key(doc.tok(i));
                let describes = end - k >= 3
                    && is_word(doc, k)
                    && !given(k)
                    && given(k + 1)
                    && !is_particle(doc, k)
                    && !doc.has(k, fact::HONORIFIC);
                name_run = Some((if describes { k + 1 } else { k }, end));
            }
            k = end;
            continue;
        }
        // Other lower-case words: adjectives ("senior", "local") before a noun,
        // or a verb, which ends the phrase.
        if k + 1 < head_end && !head_noun_seen {
            if k == a + 1 && doc.is(a, class::INDEFINITE) {
                plain_before = Some(k + 1);
            }
            k += 1;
            continue;
        }
        if head_noun_seen || name_run.is_some() {
            head_stop = k;
            break;
        }
        k += 1;
    }

    // What follows the head: "from the West Mercia police", "of Amnesty International",
    // appositives after a comma ("president of Dana Company", "a professor at Purdue").
    let mut tail_role = None;
    let mut tail_affiliation = None;
    let mut k = head_stop;
    while k < b {
        let l = lower(doc, k);
        if role.is_none() && tail_role.is_none() {
            if let Some((n, off)) = role_at(doc, k, b) {
                let phrase: Vec<String> = (k..k + n).map(|i| lower(doc, i).to_string()).collect();
                tail_role = Some((phrase.join(" "), off));
                k += n;
                continue;
            }
        }
        if matches!(l, "of" | "for" | "at" | "from" | "with") && tail_affiliation.is_none() {
            let mut s = k + 1;
            while s < b && doc.is(s, class::DETERMINER) {
                s += 1;
            }
            // "Mercer Island-based Dana Company": the place before "-based" is not the body.
            if let Some(based) = (s..(s + 4).min(b)).find(|&x| doc.tok(x).ends_with("-based")) {
                s = based + 1;
            }
            if s < b && is_capitalized(doc, s) {
                let end = capitalized_run_end(doc, s, b);
                let mut e = end;
                // "the West Mercia police", "the D.A. Davidson brokerage".
                if e < b && doc.has(e, fact::ORGANIZATION) {
                    e += 1;
                }
                // "Secretary of the Interior Dana M. Whitcombe", "Minister of Defence
                // Ana Reyes": a one-word body, then the holder's name.
                let ends_in_org = (s..e).any(|x| doc.has(x, fact::ORGANIZATION));
                if name_run.is_none()
                    && role.is_some()
                    && l == "of"
                    && e - s >= 3
                    && !ends_in_org
                    && is_capitalized(doc, s + 1)
                {
                    tail_affiliation = Some(doc.tok(s).to_string());
                    name_run = Some((s + 1, e));
                    k = e;
                    continue;
                }
                tail_affiliation = Some(
                    Span::new(doc.tokens[s].span.start, doc.tokens[e - 1].span.end)
                        .slice(doc.text)
                        .to_string(),
                );
                k = e;
                continue;
            }
        }
        k += 1;
    }
    if let Some((r, off)) = tail_role {
        if gender == Gender::Unknown {
            gender = gender_of_role(&r);
        }
        role = Some(r);
        role_official |= off;
    }
    if tail_affiliation.is_some() {
        affiliation = tail_affiliation.or(affiliation);
    }
    // "president of Dana Company": offices that also exist in companies count
    // as official only for a public body or with no body named.
    if role_official
        && role
            .as_deref()
            .is_some_and(|r| SHARED_OFFICES.contains(&role_head(r)))
    {
        if let Some(aff) = &affiliation {
            role_official = is_public_body(aff);
        }
    } else if !role_official
        && role
            .as_deref()
            .is_some_and(|r| SERVING_OFFICES.contains(&role_head(r)))
        && affiliation.as_deref().is_some_and(is_public_body)
    {
        // "a senior Senate aide", "his Ethiopian counterpart".
        role_official = true;
    }
    official |= role_official;

    let text_of = |(s, e): (usize, usize)| {
        Span::new(doc.tokens[s].span.start, doc.tokens[e - 1].span.end).slice(doc.text)
    };

    // "Several Democratic senators", "Labour MPs": a capitalised word before
    // a group noun says whose group it is.
    if let Some(run) = name_run.filter(|run| group_at.is_some_and(|g| g >= run.1)) {
        affiliation = affiliation.or_else(|| Some(strip_possessive(text_of(run)).to_string()));
        name_run = None;
    }
    if let Some(run) = name_run {
        let name = strip_possessive(text_of(run)).to_string();
        let first = doc.tok(run.0);
        let given = lex.given_names.get(first).copied();
        if gender == Gender::Unknown {
            gender = given.unwrap_or(Gender::Unknown);
        }
        let single = run.1 - run.0 == 1;
        let person = honorific || role.is_some() || given.is_some() || !single;
        if person || single {
            return Some(Mention {
                span,
                form: if person {
                    MentionForm::Name
                } else {
                    MentionForm::OrgName
                },
                name,
                role,
                affiliation,
                speaker_type: if person {
                    SpeakerType::Person
                } else {
                    SpeakerType::Organization
                },
                official,
                gender,
                indefinite: false,
                is_source: false,
                oblique: false,
            });
        }
        org_run = Some(run);
    }
    if let Some(run) = org_run {
        let name = text_of(run).to_string();
        let off = org_official(doc, run.0, run.1) || official;
        return Some(Mention {
            span,
            form: MentionForm::OrgName,
            name,
            role,
            affiliation,
            speaker_type: SpeakerType::Organization,
            official: off,
            gender: Gender::Unknown,
            indefinite: false,
            is_source: false,
            oblique: false,
        });
    }
    let nominal_name = || {
        Span::new(span.start, doc.tokens[head_stop.max(a + 1) - 1].span.end)
            .slice(doc.text)
            .to_string()
    };
    if let Some(off) = group {
        return Some(Mention {
            span,
            form: MentionForm::Nominal,
            name: nominal_name(),
            role,
            affiliation,
            speaker_type: SpeakerType::Group,
            official: off || official,
            gender: Gender::Unknown,
            indefinite,
            is_source: false,
            oblique: false,
        });
    }
    // "Prime Minister Anna Lind’s office": the office ends the phrase after
    // a possessive; the title is its holder's, and the office speaks.
    let office_of_possessor =
        org_at.is_some_and(|at| at + 1 == head_stop && (a..at).any(|j| is_possessive(doc.tok(j))));
    if office_of_possessor {
        role = None;
    }
    if let Some(r) = role {
        let _ = definite;
        return Some(Mention {
            span,
            form: MentionForm::Nominal,
            name: nominal_name(),
            role: Some(r),
            affiliation,
            speaker_type: if indefinite {
                SpeakerType::Anonymous
            } else {
                SpeakerType::Person
            },
            official,
            gender,
            indefinite,
            is_source: false,
            oblique: false,
        });
    }
    if let Some((word, off)) = org_nominal {
        return Some(Mention {
            span,
            form: MentionForm::Nominal,
            name: nominal_name(),
            role: None,
            affiliation: affiliation.clone(),
            speaker_type: if word.ends_with("police")
                || word.ends_with("courts")
                || word.ends_with("authorities")
            {
                SpeakerType::Group
            } else {
                SpeakerType::Organization
            },
            official: off || official,
            gender: Gender::Unknown,
            indefinite,
            is_source: false,
            oblique: false,
        });
    }
    // Any other short description with an article: "the contractor", "a
    // passer-by", "the defence". Only a reporting verb makes it a speaker, and
    // only a reporting verb's subject is read through here.
    let words: Vec<usize> = (a..head_stop).collect();
    // "Northgate’s parent": a name's possessive stands where the article would.
    let determiner = doc.is(a, class::DETERMINER)
        || is_capitalized(doc, a) && strip_possessive(doc.tok(a)).len() < doc.tok(a).len();
    if determiner
        && (2..=4).contains(&words.len())
        && words
            .iter()
            // "the Italian", "the Argentine forward": a nationality is written
            // with a capital.
            .all(|&k| {
                is_word(doc, k) && (!is_capitalized(doc, k) || nationality_at(doc, k).is_some())
                    || k == a
            })
    {
        let head = lower(doc, head_stop - 1);
        let plural = head.ends_with('s') && !head.ends_with("ss");
        if !lexicon().is_ly_adverb(head)
            && !doc.is(
                head_stop - 1,
                class::AUXILIARY | class::DETERMINER | class::PREPOSITION,
            )
        {
            return Some(Mention {
                span,
                form: MentionForm::Nominal,
                name: nominal_name(),
                role: None,
                affiliation,
                speaker_type: if plural {
                    SpeakerType::Group
                } else if indefinite {
                    SpeakerType::Anonymous
                } else {
                    SpeakerType::Person
                },
                official,
                gender: Gender::Unknown,
                indefinite,
                is_source: false,
                oblique: false,
            });
        }
    }
    None
}

/// The country a nationality adjective at token `i` names (one or two words).
fn nationality_at(doc: &Document, i: usize) -> Option<&'static str> {
    if !doc.has(i, fact::NATIONALITY_START) {
        return None; // most words
    }
    let lex = lexicon();
    let country = lex.country_of(doc.tok(i));
    if let Some(next) = doc.tokens.get(i + 1).filter(|t| t.kind == TokenKind::Word) {
        if lex.two_word_nationality_starts.contains(doc.tok(i)) {
            let two = format!("{} {}", doc.tok(i), next.span.slice(doc.text));
            if lex.country_of(&two).is_some() {
                return None; // handled as a run by the caller: rare two-word forms
            }
        }
    }
    country
}

/// Returns the end of the run of capitalised words starting at `i`
/// (particles, initials and organisation connectors included).
pub fn capitalized_run_end(doc: &Document, i: usize, end: usize) -> usize {
    let mut k = i;
    let mut last_cap = i;
    while k < end {
        let w = doc.tok(k);
        if is_capitalized(doc, k) {
            // "said Ana Ortiz Tuesday": a day after a name is when, not who.
            if k > i
                && is_capitalized(doc, k - 1)
                && matches!(
                    lower(doc, k),
                    "monday"
                        | "tuesday"
                        | "wednesday"
                        | "thursday"
                        | "friday"
                        | "saturday"
                        | "sunday"
                )
            {
                break;
            }
            // "Retired Gen. Walter Prescott": the title starts a new run, unless
            // it ends an office that the run opened ("Prime Minister Eleanor Vance").
            if k > i
                && doc.has(k, fact::HONORIFIC)
                && role_at(doc, i, k + 1).is_none_or(|(n, _)| i + n != k + 1)
            {
                break;
            }
            last_cap = k;
            k += 1;
        } else if k > i && is_initial_period(doc, k) {
            // "George W. Bush", "St. Edward's University".
            last_cap = k;
            k += 1;
        } else if (is_particle(doc, k) || ORG_CONNECTORS.contains(&w))
            && k + 1 < end
            && (is_capitalized(doc, k + 1) || is_particle(doc, k + 1))
        {
            k += 1;
        } else if w == "of"
            && k + 2 < end
            && doc.tok(k + 1) == "the"
            && is_capitalized(doc, k + 2)
            && k > i
        {
            // "Bank of the West", "Secretary of the Interior".
            k += 2;
        } else if k > i && k + 1 < end && is_plural_possessive(doc, k) && is_capitalized(doc, k + 1)
        {
            // "the Karewa Ratepayers’ Association".
            k += 1;
        } else {
            break;
        }
    }
    last_cap + 1
}

/// True when the capitalised run `a..b` names an organisation.
fn is_org_run(doc: &Document, a: usize, b: usize) -> bool {
    let lex = lexicon();
    if doc.has(a, fact::ORGANIZATION_START)
        && lex.organizations.contains_key(&joined_lower(doc, a, b))
    {
        return true;
    }
    if (a..b).any(|k| ORG_CONNECTORS.contains(&doc.tok(k))) {
        return true;
    }
    (a..b).any(|k| {
        // Only a word that starts an organisation, or a possessive, can be one.
        let w = lower(doc, k);
        (doc.has(k, fact::ORGANIZATION_START) || strip_possessive(w).len() < w.len()) && {
            let w = strip_possessive(w);
            lex.organizations.contains_key(w) && !lex.given_names.contains_key(w)
        }
    }) || (b - a == 1
        && doc.tok(a).chars().all(|c| c.is_uppercase() || c == '.')
        && doc.tok(a).len() > 1)
}

fn org_official(doc: &Document, a: usize, b: usize) -> bool {
    let lex = lexicon();
    if doc.has(a, fact::ORGANIZATION_START) {
        if let Some(&off) = lex.organizations.get(&joined_lower(doc, a, b)) {
            return off;
        }
    }
    (a..b).any(|k| {
        doc.has(k, fact::ORGANIZATION_START)
            && lex
                .organizations
                .get(lower(doc, k))
                .copied()
                .unwrap_or(false)
    })
}

/// The words of tokens `a..b`, lower-cased, joined by single spaces.
fn joined_lower(doc: &Document, a: usize, b: usize) -> String {
    let mut joined = String::with_capacity(doc.tokens[b - 1].span.end - doc.tokens[a].span.start);
    for k in a..b {
        if k > a {
            joined.push(' ');
        }
        joined.push_str(lower(doc, k));
    }
    joined
}

/// Splits `a..b` at top-level commas, dashes and brackets.
fn segments(doc: &Document, a: usize, b: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s = a;
    for k in a..b {
        if matches!(doc.tok(k), "," | ";" | "(" | ")") || is_dash(doc.tok(k)) {
            if k > s {
                out.push((s, k));
            }
            s = k + 1;
        }
    }
    if b > s {
        out.push((s, b));
    }
    out
}

/// True for a segment that introduces the clause rather than naming its
/// subject: "In a veiled attack on the US", "Last week", "On 24 May".
fn is_intro(doc: &Document, (a, b): (usize, usize)) -> bool {
    let l = lower(doc, a);
    if doc.tokens[a].kind == TokenKind::Number {
        return true;
    }
    // "Speaking to reporters outside Parliament,", "Asked about the vote,":
    // a participle phrase before the subject.
    let participle_phrase = b - a > 1
        && (l.ends_with("ing") || matches!(l, "asked" | "pressed" | "reached" | "interviewed"))
        && is_word(doc, a + 1)
        && !upper_first(doc, a + 1);
    // "Two months later,", "Years ago,": a time before the subject.
    let time_ago = b - a > 1 && matches!(lower(doc, b - 1), "later" | "earlier" | "ago");
    participle_phrase
        || time_ago
        || (doc.is(
            a,
            class::PREPOSITION | class::SUBORDINATOR | class::TEMPORAL,
        ) || lexicon().is_ly_adverb(l))
            && !(l == "as" && b - a > 1)
        || (b - a == 1 && doc.is(a, class::CONJUNCTION))
}

/// True when the reporting verb's form at `k` is a noun modifier of the
/// group noun right before the verb at `j` ("Some state officials said",
/// "Two state prosecutors told"), not a verb: it opens the phrase that starts at
/// `a` or follows a determiner or a number ("Critics say officials warned"
/// keeps its verb).
fn describes_group_noun(doc: &Document, a: usize, k: usize, j: usize) -> bool {
    k + 2 == j
        && doc.has(k + 1, fact::GROUP)
        && !upper_first(doc, k + 1)
        && (k == a
            || doc.is(k - 1, class::DETERMINER)
            || doc.tokens[k - 1].kind == TokenKind::Number)
}

/// Reads the subject of the cue at token `verb`, looking left no further than `lb`.
pub fn subject_before(doc: &Document, verb: usize, lb: usize) -> Option<Mention> {
    // "LONDON — The Prime Minister, James Hartley, said": the dateline names
    // where the story was filed, not who speaks.
    let first = doc.sentences[doc.sentence_of_token[verb.min(doc.tokens.len() - 1)]].first_token;
    let lb = if lb <= first {
        crate::text::dateline_end(doc, first, verb)
    } else {
        lb
    };
    // "SOAP STAR’S SHAME: Kayla tells court": a colon ends what came before.
    let lb = (lb..verb)
        .rev()
        .find(|&k| doc.tok(k) == ":")
        .map_or(lb, |k| k + 1);
    let mut j = verb;
    // "has also said", "had then quoted", "once told".
    while j > lb && is_word(doc, j - 1) && {
        let l = lower(doc, j - 1);
        doc.is(j - 1, class::AUXILIARY)
            || (lexicon().is_ly_adverb(l) && !is_capitalized(doc, j - 1))
    } {
        j -= 1;
    }
    // "Mr. Dale appeared to acknowledge", "the mayor went on to describe": the
    // verb the infinitive depends on stands between the subject and the cue.
    if j > lb + 2 && lower(doc, j - 1) == "to" {
        let mut v = j - 2;
        if v > lb && matches!(lower(doc, v), "on" | "out" | "up") {
            v -= 1;
        }
        if v > lb && !upper_first(doc, v) && (is_clause_verb(doc, v) || lower(doc, v) == "went") {
            j = v;
            // ("is expected to announce")
            while j > lb && doc.is(j - 1, class::AUXILIARY) && !upper_first(doc, j - 1) {
                j -= 1;
            }
        }
    }
    // "The candidate on Tuesday said", "Ms Ortiz last week told": the time
    // stands between the subject and its verb.
    let mut t = j;
    while t > lb + 1 && is_word(doc, t - 1) && doc.is(t - 1, class::TEMPORAL) {
        t -= 1;
    }
    if t < j && t > lb + 1 && matches!(lower(doc, t - 1), "on" | "last" | "this" | "late" | "early")
    {
        t -= 1;
    }
    if t < j && t > lb && !is_comma_or_dash(doc.tok(t - 1)) {
        j = t;
    }
    if j <= lb {
        return None;
    }
    let segs = segments(doc, lb, j);
    let last = *segs.last()?;
    let comma_before = (matches!(doc.tok(j - 1), "," | ")") || is_dash(doc.tok(j - 1)));
    if !comma_before {
        // The phrase right before the verb; a relative pronoun starts it anew.
        let mut a = last.0;
        let mut verb_seen = false;
        for k in last.0..last.1 {
            // "… after the maker cut its forecast and its chief executive
            // warned": a second clause starts after the conjunction.
            if verb_seen && matches!(lower(doc, k), "and" | "but") && k + 1 < j - 1 {
                a = k + 1;
                verb_seen = false;
                continue;
            }
            verb_seen |= k > a && is_clause_verb(doc, k);
            // "a move its chief executive called": a relative clause without
            // its pronoun starts at the possessive after the noun.
            if k > a
                && matches!(lower(doc, k), "its" | "their" | "his" | "her")
                && is_word(doc, k - 1)
                && !doc.is(
                    k - 1,
                    class::PREPOSITION | class::DETERMINER | class::CONJUNCTION | class::AUXILIARY,
                )
                && doc.cue_lemma(k - 1).is_none()
            {
                a = k;
            }
            // "Ryan said the spate of shootings demands": the subject of a
            // verb inside what is said starts after the reporting verb.
            // ("put the book down and explained": "put" and "read" report only
            // in narrow uses.)
            if k >= a
                && doc
                    .cue_lemma(k)
                    .is_some_and(|l| !crate::cues::NARROW_CUES.contains(&l))
                && !is_capitalized(doc, k)
                && k + 1 < j
                && !describes_group_noun(doc, a, k, j)
            {
                a = k + 1;
                verb_seen = false;
                continue;
            }
            if matches!(
                lower(doc, k),
                "which"
                    | "what"
                    | "who"
                    | "that"
                    | "whom"
                    | "where"
                    | "when"
                    | "while"
                    | "because"
                    | "if"
                    | "as"
            ) {
                a = k + 1;
            }
            // "told the jury she had found": a subject pronoun after other
            // words starts the clause whose verb this is.
            if k > a && is_subject_pronoun(lower(doc, k)) {
                a = k;
            }
        }
        // "which Amazon founder Jeff Bezos said": the subject follows the
        // relative pronoun; "the mother of a woman who took … has described":
        // it precedes it.
        // Else the whole phrase, when no verb stands before the pronoun; "X
        // acknowledged that … but insisted": the subject of the first reporting
        // verb; "X is a term that describes": a clause, no subject.
        // "Ms Okafor called the decision a betrayal and said": the subject of
        // the first of the coordinated verbs.
        if j > a && matches!(lower(doc, j - 1), "and" | "but") {
            if let Some(v) = (a..j - 1).find(|&k| is_verb_like(doc, k)) {
                // "Mayor Aldana, who backed it, did not attend but said": the
                // first verb has the subject before its own commas.
                return if v > a {
                    parse_np(doc, a, v)
                } else {
                    subject_before(doc, v, lb)
                };
            }
        }
        let verb_before = (last.0..a).find(|&k| {
            !upper_first(doc, k)
                && (VERBS_OF_CLAUSES.contains(&lower(doc, k)) || doc.cue_lemma(k).is_some())
        });
        return parse_np(doc, a, last.1)
            .or_else(|| match verb_before {
                _ if a == last.0 => None,
                None => parse_np(doc, last.0, last.1),
                Some(v) if v > last.0 && doc.cue_lemma(v).is_some() => parse_np(doc, last.0, v),
                Some(_) => None,
            })
            .or_else(|| {
                // "… Mitch McConnell, now the majority leader, who in 2010 said":
                // a relative pronoun opening the phrase speaks for the name
                // that ends a phrase before it.
                let relative = a == last.0 + 1
                    && matches!(lower(doc, last.0), "who" | "which")
                    && doc.cue_lemma(verb).is_some();
                if !relative {
                    return None;
                }
                segs[..segs.len() - 1]
                    .iter()
                    .rev()
                    .take(2)
                    .find_map(|&(sa, sb)| {
                        let mut start = sb;
                        while start > sa && is_capitalized(doc, start - 1) {
                            start -= 1;
                        }
                        // ("Instead, the study -- which notes": a capital that
                        // only opens the sentence names no one.)
                        let opener_only = sb - start == 1 && start == first;
                        (start < sb && !opener_only)
                            .then(|| parse_np(doc, start, sb))
                            .flatten()
                            .filter(|m| matches!(m.form, MentionForm::Name | MentionForm::OrgName))
                    })
            });
    }
    // "X, <appositive>, said": the head is the first segment that is not an introduction.
    let head = segs.iter().position(|&s| !is_intro(doc, s))?;
    let (ha, hb) = segs[head];
    // "Property tax collections are flat, said X": a clause, not a subject.
    if (ha..hb).any(|k| VERBS_OF_CLAUSES.contains(&lower(doc, k))) {
        return None;
    }
    let mut mention = parse_np(doc, ha, hb)?;
    let head_start = mention.span.start;
    let mut end = hb;
    for &(sa, sb) in &segs[head + 1..] {
        let first = lower(doc, sa);
        // "Analysts at Norrvik Bank, led by Tove Strand, said": who leads them is
        // not who they are.
        if sa + 1 < sb && !is_capitalized(doc, sa) && lower(doc, sa + 1) == "by" {
            break;
        }
        let appositive = is_capitalized(doc, sa)
            || doc.is(sa, class::DETERMINER)
            || role_at(doc, sa, sb).is_some()
            || matches!(first, "who" | "whose" | "which" | "whom")
            || doc.tokens[sa].kind == TokenKind::Number
            // "The head of the mission, former prime minister Aminata
            // Kouyate-Diallo,", "The star’s fiancé, footballer Liam Okoro,".
            || sb - sa <= 6
                && is_capitalized(doc, sb - 1)
                && parse_np(doc, sa, sb).is_some_and(|m| m.form == MentionForm::Name);
        if !appositive {
            break;
        }
        // "Benedetti, who scored twice,", "Berg, 54,": a single unknown name
        // described as someone is a person's surname, not an organisation.
        if mention.form == MentionForm::OrgName
            && hb - ha == 1
            && (matches!(first, "who" | "whose")
                || doc.tokens[sa].kind == TokenKind::Number && sb - sa == 1)
            && !doc.has(ha, fact::ORGANIZATION)
            && !doc.tok(ha).chars().all(|c| c.is_uppercase())
        {
            mention.form = MentionForm::Name;
            mention.speaker_type = SpeakerType::Person;
            mention.official = false;
        }
        enrich(doc, &mut mention, sa, sb);
        end = sb;
    }
    // The mention runs from the head through its appositives, whichever of
    // them gave the name.
    mention.span = Span::new(head_start, doc.tokens[end - 1].span.end);
    if speaks_for_a_private_body(doc, ha, end) {
        mention.official = false;
    }
    Some(mention)
}

/// Adds what an appositive segment tells (a name, a role, an affiliation).
fn enrich(doc: &Document, mention: &mut Mention, a: usize, b: usize) {
    if matches!(doc.tokens[a].kind, TokenKind::Number) {
        return; // "Eloise Parry, 21," gives an age, not an identity.
    }
    let Some(extra) = parse_np(doc, a, b) else {
        return;
    };
    if extra.form == MentionForm::Name && mention.form == MentionForm::Nominal {
        // "her mother, Fiona": the name comes second.
        let role = mention.role.take();
        let affiliation = mention.affiliation.take();
        let gender = mention.gender;
        *mention = Mention {
            role: role.or(extra.role.clone()),
            affiliation: affiliation.or(extra.affiliation.clone()),
            gender: if extra.gender == Gender::Unknown {
                gender
            } else {
                extra.gender
            },
            official: mention.official || extra.official,
            ..extra
        };
        return;
    }
    if extra.form == MentionForm::OrgName
        && mention.form == MentionForm::Nominal
        && mention.role.is_none()
        && extra.span == Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end)
    {
        // "Its maker, Northgate Biosciences,": the organisation comes second.
        *mention = extra;
        return;
    }
    if mention.role.is_none() {
        mention.role = extra.role.clone();
        mention.official |= extra.official;
        if mention.gender == Gender::Unknown {
            mention.gender = extra.gender;
        }
    }
    if mention.affiliation.is_none()
        || extra.affiliation.is_some() && extra.form == MentionForm::Nominal
    {
        if let Some(aff) = extra
            .affiliation
            .clone()
            .or_else(|| (extra.form == MentionForm::OrgName).then(|| extra.name.clone()))
        {
            mention.affiliation = Some(aff);
        }
    }
}

/// Reads the speaker after an inverted cue (`said X`), looking no further than `ub`.
pub fn np_after(doc: &Document, start: usize, ub: usize) -> Option<Mention> {
    let ub = ub.min(doc.tokens.len());
    if start >= ub {
        return None;
    }
    if doc.is(
        start,
        class::PREPOSITION | class::TEMPORAL | class::SUBORDINATOR | class::AUXILIARY,
    ) {
        return None; // "said in a statement", "said on Tuesday", "said that".
    }
    let mut k = start;
    // The head runs to the first stop word.
    while k < ub {
        let w = doc.tok(k);
        let l = lower(doc, k);
        // "the 58-year-old": a hyphen glued between two tokens joins them.
        let glued_hyphen =
            w == "-" && k > start && touches_next(doc, k - 1) && touches_next(doc, k);
        let name_part = is_word(doc, k)
            || is_initial_period(doc, k)
            || doc.tokens[k].kind == TokenKind::Number
            || w == "’s"
            || w == "'s"
            || glued_hyphen;
        if !name_part {
            break;
        }
        if k > start
            && (doc.is(k, class::SUBORDINATOR) && !matches!(l, "that")
                || l == "in"
                || l == "on"
                || l == "during"
                || l == "after"
                || l == "before"
                || l == "to"
                || l == "last"
                // "said Ortiz Tuesday", "said Mr. Abe yesterday": a time after a name is when, not who.
                || doc.is(k, class::TEMPORAL) && is_capitalized(doc, k - 1)
                // ("The Washington Post": a capitalised word inside a name.)
                || doc.cue_lemma(k).is_some() && !(upper_first(doc, k) && is_capitalized(doc, k - 1))
                || is_finite_auxiliary(doc, k))
        {
            break;
        }
        if k > start && matches!(l, "of" | "for" | "at" | "from" | "with") {
            // Keep "from the West Mercia police", stop at "at the event".
            let mut s = k + 1;
            while s < ub && doc.is(s, class::DETERMINER) {
                s += 1;
            }
            if !(s < ub && is_capitalized(doc, s)) || l == "with" {
                break;
            }
        }
        k += 1;
    }
    let mut mention = parse_np(doc, start, k)?;
    let mut end = k;
    // "a resident who gave only her first name, Leila,": the name given.
    if end < ub && lower(doc, end) == "who" {
        let comma = (end + 1..ub.min(end + 10)).find(|&c| doc.tok(c) == ",");
        if let Some(c) = comma.filter(|&c| lower(doc, c - 1) == "name" && c + 1 < ub) {
            let mut ne = c + 1;
            while ne < ub && ne < c + 4 && is_capitalized(doc, ne) {
                ne += 1;
            }
            if ne > c + 1 {
                let name = Span::new(doc.tokens[c + 1].span.start, doc.tokens[ne - 1].span.end);
                mention.name = name.slice(doc.text).to_string();
                mention.form = MentionForm::Name;
                mention.indefinite = false;
                mention.speaker_type = SpeakerType::Person;
                end = ne;
            }
        }
    }
    // Appositives: ", president of …, the largest buyer of …".
    while end < ub && doc.tok(end) == "," {
        let sa = end + 1;
        let mut sb = sa;
        while sb < ub
            && (!(matches!(doc.tok(sb), "," | "." | ";" | ":") || is_dash(doc.tok(sb)))
                || is_initial_period(doc, sb))
            && doc.tokens[sb].kind != TokenKind::Mark
        {
            sb += 1;
        }
        if sa >= sb {
            break;
        }
        let first = lower(doc, sa);
        // "president of Dana Company", "a professor at Purdue", "who follows
        // Amazon": a role near the start, or a relative clause. A clause such
        // as "the city's reserve now stands at …" is the claim, not an appositive.
        let role_near = (sa..(sa + 4).min(sb)).any(|k| role_at(doc, k, sb).is_some());
        let appositive = (role_near
            && (doc.is(sa, class::DETERMINER)
                || role_at(doc, sa, sb).is_some()
                || is_capitalized(doc, sa)))
            || matches!(first, "who" | "whose")
            // "says the harbourmaster, Petra Oddsen,": the name of the one described.
            || mention.form == MentionForm::Nominal
                && sb - sa <= 4
                && is_capitalized(doc, sa)
                && is_capitalized(doc, sb - 1)
                && parse_np(doc, sa, sb).is_some_and(|m| m.form == MentionForm::Name);
        if !appositive {
            break;
        }
        enrich(doc, &mut mention, sa, sb);
        end = sb;
    }
    mention.span = Span::new(mention.span.start, doc.tokens[end - 1].span.end);
    if speaks_for_a_private_body(doc, start, end) {
        mention.official = false;
    }
    Some(mention)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment;

    fn np(text: &str) -> Mention {
        let doc = segment(text);
        parse_np(&doc, 0, doc.tokens.len()).unwrap_or_else(|| panic!("no mention in {text:?}"))
    }

    #[test]
    fn reads_title_phrase_with_nationality() {
        let m = np("Chinese foreign minister Wang Yi");
        assert_eq!(m.name, "Wang Yi");
        assert_eq!(m.role.as_deref(), Some("foreign minister"));
        assert_eq!(m.affiliation.as_deref(), Some("China"));
        assert_eq!(m.speaker_type, SpeakerType::Person);
        assert!(m.official);
    }

    #[test]
    fn reads_a_role_whatever_the_spacing_between_its_words() {
        for text in [
            "Chinese foreign  minister Wang Yi",
            "Chinese foreign\u{a0}minister Wang Yi",
            "Chinese foreign\tminister Wang Yi",
        ] {
            let m = np(text);
            assert_eq!(m.name, "Wang Yi", "{text:?}");
            assert_eq!(m.role.as_deref(), Some("foreign minister"), "{text:?}");
        }
    }

    #[test]
    fn a_group_noun_before_a_plural_noun_describes_it() {
        // "police" describes "shootings": the phrase names no speaker.
        let doc = segment("the recent spate of police shootings and protests");
        assert!(parse_np(&doc, 0, doc.tokens.len()).is_none());
        // Before a verb, or as the head, it is the speaker.
        for (text, name) in [
            ("Police officers", "Police officers"),
            ("Police", "Police"),
            ("the police union", "the police union"),
            ("Union members", "Union members"),
        ] {
            assert_eq!(np(text).name, name, "{text}");
        }
    }

    #[test]
    fn two_people_named_together_are_a_group() {
        let m = np("Tom Carper and Dianne Feinstein");
        assert_eq!(m.name, "Tom Carper and Dianne Feinstein");
        assert_eq!(m.speaker_type, SpeakerType::Group);
        // Not when one side names no one by name.
        assert_eq!(np("Mr. Ryan and his wife").name, "Ryan");
    }

    #[test]
    fn a_word_before_a_given_name_and_a_surname_describes_the_person() {
        for (text, name) in [
            ("Republican Donald Trump", "Donald Trump"),
            ("Rival Hillary Clinton", "Hillary Clinton"),
            // Two given names, or a given name alone with its surname, stay whole.
            ("Mary Ann Ortiz", "Mary Ann Ortiz"),
            ("Donald Okafor", "Donald Okafor"),
        ] {
            let m = np(text);
            assert_eq!(m.name, name, "{text}");
            assert_eq!(m.speaker_type, SpeakerType::Person, "{text}");
        }
    }

    #[test]
    fn a_plural_possessive_describes_the_head_after_it() {
        for (text, speaker_type) in [
            ("Patients’ groups", SpeakerType::Group),
            ("the operators' association", SpeakerType::Organization),
            ("the nurses’ union", SpeakerType::Organization),
        ] {
            let m = np(text);
            assert_eq!(m.name, text, "{text}");
            assert_eq!(m.speaker_type, speaker_type, "{text}");
            assert_eq!(m.form, MentionForm::Nominal, "{text}");
        }
    }

    #[test]
    fn a_mark_that_closes_a_single_quotation_is_no_possessive() {
        let doc = segment("‘We will win the races’ critics");
        let mark = doc
            .tokens
            .iter()
            .rposition(|t| t.kind == TokenKind::Mark)
            .unwrap();
        assert!(!is_plural_possessive(&doc, mark));
        let doc = segment("The patients’ groups");
        assert!(is_plural_possessive(&doc, 2));
        let doc = segment("the Smiths’ Lawyer");
        assert!(
            !is_plural_possessive(&doc, 2),
            "a capital after it starts a name"
        );
        let doc = segment("the Ratepayers’ Association");
        assert!(is_plural_possessive(&doc, 2), "except an organisation's");
    }

    #[test]
    fn reads_honorific_and_gender() {
        let m = np("Mr Wang");
        assert_eq!(m.name, "Wang");
        assert_eq!(m.gender, Gender::Male);
        assert_eq!(m.form, MentionForm::Name);
    }

    #[test]
    fn reads_affiliation_before_role() {
        let m = np("Whole Foods co-founder and CEO John Mackey");
        assert_eq!(m.name, "John Mackey");
        assert_eq!(m.role.as_deref(), Some("co-founder and ceo"));
        assert_eq!(m.affiliation.as_deref(), Some("Whole Foods"));
        let m = np("White House press secretary Josh Earnest");
        assert_eq!(m.affiliation.as_deref(), Some("White House"));
        assert_eq!(m.role.as_deref(), Some("press secretary"));
    }

    #[test]
    fn reads_affiliation_after_name() {
        let m = np("chief inspector Jennifer Mattinson from the West Mercia police");
        assert_eq!(m.name, "Jennifer Mattinson");
        assert_eq!(m.affiliation.as_deref(), Some("West Mercia police"));
        assert_eq!(m.gender, Gender::Female);
        assert!(m.official);
    }

    #[test]
    fn reads_particles_in_names() {
        assert_eq!(
            np("the philosopher Luis de Miranda").name,
            "Luis de Miranda"
        );
        assert_eq!(np("de Miranda").name, "de Miranda");
        assert_eq!(np("Sheikh Mohammed bin Rashid").name, "Mohammed bin Rashid");
        assert_eq!(np("Ahmed al-Sharif").name, "Ahmed al-Sharif");
    }

    #[test]
    fn reads_organisations_groups_and_anonymous_sources() {
        let m = np("The Food Standards Agency");
        assert_eq!(
            (m.speaker_type, m.official),
            (SpeakerType::Organization, true)
        );
        assert_eq!(m.name, "Food Standards Agency");
        let m = np("the Kremlin");
        assert_eq!(
            (m.speaker_type, m.official),
            (SpeakerType::Organization, true)
        );
        let m = np("the foreign ministry");
        assert_eq!(
            (m.speaker_type, m.official),
            (SpeakerType::Organization, true)
        );
        let m = np("officials");
        assert_eq!((m.speaker_type, m.official), (SpeakerType::Group, true));
        let m = np("residents");
        assert_eq!((m.speaker_type, m.official), (SpeakerType::Group, false));
        let m = np("a senior official");
        assert_eq!((m.speaker_type, m.official), (SpeakerType::Anonymous, true));
        let m = np("a Chinese diplomat");
        assert_eq!(m.speaker_type, SpeakerType::Anonymous);
        assert_eq!(m.affiliation.as_deref(), Some("China"));
        let m = np("The Chinese minister");
        assert_eq!(m.speaker_type, SpeakerType::Person);
        assert_eq!(m.form, MentionForm::Nominal);
        assert_eq!(m.role.as_deref(), Some("minister"));
    }

    #[test]
    fn reads_pronouns() {
        assert_eq!(np("she").gender, Gender::Female);
        assert_eq!(np("He").form, MentionForm::Pronoun);
        assert_eq!(np("it").speaker_type, SpeakerType::Organization);
    }

    #[test]
    fn subject_skips_introductions_and_appositives() {
        let text = "In a veiled attack on the US, Mr Wang said";
        let doc = segment(text);
        let m = subject_before(&doc, doc.tokens.len() - 1, 0).unwrap();
        assert_eq!(m.name, "Wang");
        let text = "Mr Lavrov, during his first visit to Beijing earlier in March, said";
        let doc = segment(text);
        let m = subject_before(&doc, doc.tokens.len() - 1, 0).unwrap();
        assert_eq!(m.name, "Lavrov");
        let text = "Lotfi Azzouz, Tunisia country director for Amnesty International, said";
        let doc = segment(text);
        let m = subject_before(&doc, doc.tokens.len() - 1, 0).unwrap();
        assert_eq!(m.name, "Lotfi Azzouz");
        assert_eq!(m.role.as_deref(), Some("country director"));
        assert_eq!(m.affiliation.as_deref(), Some("Amnesty International"));
        let text = "her mother, Fiona, said";
        let doc = segment(text);
        let m = subject_before(&doc, doc.tokens.len() - 1, 0).unwrap();
        assert_eq!(m.name, "Fiona");
        assert_eq!(m.role.as_deref(), Some("mother"));
        assert_eq!(m.gender, Gender::Female);
        let text = "Hugh Hill, a doctor, said";
        let doc = segment(text);
        let m = subject_before(&doc, doc.tokens.len() - 1, 0).unwrap();
        assert_eq!(
            (m.name.as_str(), m.role.as_deref()),
            ("Hugh Hill", Some("doctor"))
        );
    }

    #[test]
    fn inverted_speaker_keeps_appositives() {
        let text = "said Tyler Besecker, president of Mercer Island-based Dana F. Besecker Company, the largest buyer.";
        let doc = segment(text);
        let m = np_after(&doc, 1, doc.tokens.len()).unwrap();
        assert_eq!(m.name, "Tyler Besecker");
        assert_eq!(m.role.as_deref(), Some("president"));
        assert_eq!(m.affiliation.as_deref(), Some("Dana F. Besecker Company"));
        let text = "said a Chinese diplomat as the west continued";
        let doc = segment(text);
        let m = np_after(&doc, 1, doc.tokens.len()).unwrap();
        assert_eq!(m.span.slice(text), "a Chinese diplomat");
    }
}
