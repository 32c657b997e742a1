//! The speaker stage: merges the mentions that refer to one speaker.
//!
//! Mentions are read in text order. A name joins the entity whose name it
//! shares (Wang Yi, Mr Wang; Luis de Miranda, de Miranda; Fiona, Fiona
//! Parry), a definite description joins the latest entity with the same role
//! and a compatible affiliation (the Chinese minister), a pronoun the latest
//! entity that agrees with it (he, she, it, they). Indefinite descriptions
//! ("a senior official") start a speaker of their own.

use crate::lexicon::{class, HashMap, HashSet};
use crate::text::is_dash;

use crate::lexicon::lexicon;
use crate::mentions::{capitalized_run_end, parse_np, role_head, ROLE_MODIFIERS};
use crate::types::{fact, Document, Gender, Mention, MentionForm, Span, SpeakerType, TokenKind};

/// A speaker being built from its mentions.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Indices of its mentions.
    pub mentions: Vec<usize>,
    /// Person names it is known by, as [`name_key`]s.
    names: Vec<String>,
    /// Organisation or description names (lower case).
    labels: Vec<String>,
    /// Role heads ("minister").
    roles: Vec<String>,
    /// Known affiliation.
    affiliation: Option<String>,
    /// Kind of speaker.
    pub speaker_type: SpeakerType,
    /// Whether a pronoun may refer to it: it was mentioned other than as the
    /// object of a preposition.
    antecedent: bool,
    /// Whether a mention named it ("Northgate Biosciences", not "the company").
    named: bool,
    /// Whether a mention speaks for a public body.
    official: bool,
    gender: Gender,
    last_pos: usize,
}

/// How far back (in bytes) a pronoun looks for its antecedent.
const PRONOUN_REACH: usize = 3000;

/// A name as the index compares it: its words lower-cased, without the
/// periods of initials ("Dana F. Besecker": "dana f besecker"), one space
/// between words. One string, so that a mention costs one allocation.
fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for word in name
        .split_whitespace()
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| !w.is_empty())
    {
        if !key.is_empty() {
            key.push(' ');
        }
        if word.is_ascii() {
            key.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            key.push_str(&word.to_lowercase());
        }
    }
    key
}

/// The words of a [`name_key`].
fn key_words(key: &str) -> impl Iterator<Item = &str> {
    // A predicate, not a char pattern: on words this short, reading the
    // characters costs less than setting up a memchr search (a key holds no
    // white space but its single spaces).
    key.split(char::is_whitespace).filter(|w| !w.is_empty())
}

/// The last word of a label or a [`name_key`] (words joined by single spaces).
fn last_word(label: &str) -> &str {
    match label.bytes().rposition(|b| b == b' ') {
        Some(space) => &label[space + 1..],
        None => label,
    }
}

/// How many words a [`name_key`] has.
fn key_word_count(key: &str) -> usize {
    if key.is_empty() {
        0
    } else {
        1 + key.bytes().filter(|&b| b == b' ').count()
    }
}

/// A mention's name as the index compares it, worked out once per mention.
struct Keys {
    /// Its name, for names ([`name_key`]).
    name: String,
    /// Its label, for organisations and descriptions ([`label`]).
    label: String,
}

impl Keys {
    fn of(m: &Mention) -> Self {
        Keys {
            name: match m.form {
                MentionForm::Name | MentionForm::OrgName => name_key(&m.name),
                _ => String::new(),
            },
            label: match m.form {
                MentionForm::OrgName | MentionForm::Nominal => label(&m.name),
                _ => String::new(),
            },
        }
    }
}

/// True when `full` is `short` followed by more words ("Northgate
/// Biosciences" of "Northgate").
fn extends_name(full: &str, short: &str) -> bool {
    full.len() > short.len() && full.starts_with(short) && full.as_bytes()[short.len()] == b' '
}

/// True when two labels both count their members and the counts differ:
/// "63 percent" are not the "19 percent" before them.
fn counts_differ(a: &str, b: &str) -> bool {
    fn count(label: &str) -> Option<&str> {
        label
            .split(' ')
            .find(|w| w.starts_with(|c: char| c.is_ascii_digit()))
    }
    matches!((count(a), count(b)), (Some(x), Some(y)) if x != y)
}

fn label(name: &str) -> String {
    let mut l = name.to_lowercase();
    if l.starts_with("the ") {
        l.drain(..4);
    }
    l
}

/// True when `short` names the same person as `full` (surname, given name,
/// or a suffix with particles such as "de Miranda"); both are [`name_key`]s.
fn names_match(short: &str, full: &str) -> bool {
    if short.is_empty() || full.is_empty() {
        return false;
    }
    if short == full {
        return true;
    }
    // Fewer words, the last ones of the full name.
    if full.len() > short.len()
        && full.ends_with(short)
        && full.as_bytes()[full.len() - short.len() - 1] == b' '
    {
        return true;
    }
    // "Mr Wang" for "Wang Yi" (family name first); "Fiona" for "Fiona Parry".
    !short.contains(' ')
        && full.len() > short.len()
        && full.starts_with(short)
        && full.as_bytes()[short.len()] == b' '
}

/// True when a description's role fits an entity's role: "minister" fits
/// "foreign minister", but "health secretary" does not fit "shadow health
/// secretary" (a modifier makes another office).
fn roles_compatible(described: &str, known: &str) -> bool {
    let lex = lexicon();
    let (described, known) = (lex.usual_role(described), lex.usual_role(known));
    if described == known {
        return true;
    }
    // "the Ukrainian leader" after "Ukrainian President Olena Marchuk".
    if described == "leader" && lex.leader_offices.contains(known) {
        return true;
    }
    let modifier = |r: &str| {
        r.split(' ')
            .next()
            .filter(|w| ROLE_MODIFIERS.contains(w))
            .map(str::to_string)
    };
    modifier(described) == modifier(known) && role_head(described) == role_head(known) && {
        let d = described.split(' ').count();
        let k = known.split(' ').count();
        d <= k && known.ends_with(described) || d == 1
    }
}

/// Tells whether spans of a sorted list cover positions asked in text order:
/// a cursor, not a search per position.
struct Cover<'s> {
    sorted: &'s [Span],
    /// How many spans start at or before the last position asked.
    started: usize,
}

impl<'s> Cover<'s> {
    fn new(sorted: &'s [Span]) -> Self {
        Cover { sorted, started: 0 }
    }

    /// True when a span covers byte `pos`, which is at or after the last one
    /// asked (spans are short noun phrases, so the few that start just
    /// before `pos` are enough).
    fn covers(&mut self, pos: usize) -> bool {
        while self
            .sorted
            .get(self.started)
            .is_some_and(|s| s.start <= pos)
        {
            self.started += 1;
        }
        self.sorted[..self.started]
            .iter()
            .rev()
            .take(8)
            .any(|s| s.start <= pos && pos < s.end)
    }
}

/// True when the phrase starting at token `s` is the object of a preposition,
/// directly ("with Ms Osei") or as an appositive ("in the housing minister,
/// Rachel Osei").
fn after_preposition(doc: &Document, s: usize) -> bool {
    let mut k = s;
    if k > 0 && doc.tok(k - 1) == "," {
        // Back over the description the name stands beside.
        k -= 1;
        let floor = k.saturating_sub(5);
        while k > floor
            && doc.tokens[k - 1].kind == TokenKind::Word
            && !doc.has(k - 1, fact::UPPER_FIRST)
            && !doc.is(k - 1, class::PREPOSITION)
        {
            k -= 1;
        }
    }
    k > 0 && doc.is(k - 1, class::PREPOSITION)
}

/// Collects names that stand in the text without a cue: "skipper Wade Bassi",
/// "his Russian counterpart Sergei Lavrov", and later bare surnames of those
/// people ("Bassi"). They give pronouns their antecedents and speakers their
/// full names.
pub fn background_mentions(doc: &Document, in_quote: &[bool], taken: &[&Mention]) -> Vec<Mention> {
    let lex = lexicon();
    let mut taken_spans: Vec<Span> = taken.iter().map(|m| m.span).collect();
    taken_spans.sort();
    let mut taken_cover = Cover::new(&taken_spans);
    let mut out: Vec<Mention> = Vec::new();
    let n = doc.tokens.len();
    // Where each sentence starts past its dateline ("LES ROUSSETTES, France —").
    let body_start: Vec<usize> = doc
        .sentences
        .iter()
        .map(|s| crate::text::dateline_end(doc, s.first_token, s.end_token))
        .collect();
    let mut k = 0;
    while k < n {
        let t = doc.tokens[k];
        if in_quote[k] || !doc.has(k, fact::UPPER_FIRST) {
            k += 1;
            continue;
        }
        let sentence = doc.sentences[doc.sentence_of_token[k]];
        // "LES ROUSSETTES, France — …": a dateline names a place.
        if k < sentence.first_token + 8 && k < body_start[doc.sentence_of_token[k]] {
            k += 1;
            continue;
        }
        // "In Les Roussettes, nobody …": the preposition that opens the
        // sentence is no part of a name; the place after it is oblique.
        if k == sentence.first_token && doc.is(k, class::PREPOSITION) {
            k += 1;
            continue;
        }
        let mut end = capitalized_run_end(doc, k, sentence.end_token);
        // "goals from Tomas Varga and Luca Benedetti": two people, not one body.
        if end - k == 5 && doc.low(k + 2) == "and" && doc.has(k + 3, fact::UPPER_FIRST) {
            end = k + 2;
        }
        // Role words, nationality and honorific before the run belong to it.
        let mut s = k;
        while s > sentence.first_token && k - s < 4 && !in_quote[s - 1] && {
            doc.has(s - 1, fact::ROLE)
                || doc.is(s - 1, class::DETERMINER) && s == k
                // Nationalities are written with a capital.
                || doc.has(s - 1, fact::UPPER_FIRST)
                    && doc.has(s - 1, fact::NATIONALITY_START)
                    && lex.country_of(doc.tok(s - 1)).is_some()
        } {
            s -= 1;
        }
        // A lone capitalised word with no title before it is never kept: skip
        // the phrase reading (most capitalised words are sentence openers).
        // "the campaign group Blue Margin", "the chipmaker's parent company
        // Norrland": an organisation, however much its name looks like a person's.
        let organisation = k > sentence.first_token && doc.is(k - 1, class::ORGANISATION_NOUN);
        let worth_reading = (end - k >= 2 || s < k) && !organisation;
        if worth_reading && !taken_cover.covers(t.span.start) {
            if let Some(m) = parse_np(doc, s, end) {
                let person = m.form == MentionForm::Name && m.speaker_type == SpeakerType::Person;
                let full = m.name.split_whitespace().count() >= 2;
                let titled = m.role.is_some() || s < k;
                // "Shares of Ashgrove Brands fell": a business named in full,
                // for "Ashgrove" and "the company" to come back to.
                // (At the start of a sentence only when every word of it has a
                // capital: "Shares of Ashgrove Brands" is no name.)
                let business = m.form == MentionForm::OrgName
                    && s == k
                    && (k > sentence.first_token
                        || (k..end).all(|j| doc.has(j, fact::UPPER_FIRST)))
                    && full
                    && !m.official
                    && doc.has(end - 1, fact::ORGANIZATION);
                if business
                    || person && (full || titled) && !lex.given_names.contains_key(m.name.as_str())
                {
                    let mut m = m;
                    m.oblique = after_preposition(doc, s);
                    if m.role.is_none() {
                        describe_from_before_comma(doc, in_quote, s, sentence.first_token, &mut m);
                    }
                    out.push(m);
                }
            }
        }
        k = end.max(k + 1);
    }
    out.extend(sentence_openers(
        doc,
        in_quote,
        &body_start,
        &mut Cover::new(&taken_spans),
    ));
    // Bare surnames of the people found above and of cue sources.
    let surnames: HashSet<String> = out
        .iter()
        .chain(taken.iter().copied())
        .filter(|m| m.speaker_type == SpeakerType::Person && m.form == MentionForm::Name)
        .filter_map(|m| m.name.split_whitespace().last().map(str::to_string))
        .collect();
    let mut covered: Vec<Span> = out
        .iter()
        .map(|m| m.span)
        .chain(taken_spans.iter().copied())
        .collect();
    covered.sort();
    let mut covered_cover = Cover::new(&covered);
    // The lengths of the surnames by their first byte, as bits: most words
    // need no lookup (a surname of 64 bytes or more always takes one).
    let length_bit = |len: usize| 1u64 << len.min(63);
    let mut lengths_by_first_byte = [0u64; 256];
    for s in &surnames {
        if let Some(&b) = s.as_bytes().first() {
            lengths_by_first_byte[usize::from(b)] |= length_bit(s.len());
        }
    }
    let mut extra = Vec::new();
    for (k, token) in doc.tokens.iter().enumerate() {
        // The rare case first (a word of a surname's first byte and length),
        // so that the branch is all but always predicted.
        let first_byte = doc.text.as_bytes()[token.span.start];
        if lengths_by_first_byte[usize::from(first_byte)] & length_bit(token.span.len()) == 0 {
            continue;
        }
        if in_quote[k] || token.kind != TokenKind::Word {
            continue;
        }
        let w = doc.tok(k);
        let start = doc.tokens[k].span.start;
        if surnames.contains(w) && !covered_cover.covers(start) {
            // "Mrs Marchand": the honorific before tells which Marchand.
            let from = if k > 0 && doc.has(k - 1, fact::HONORIFIC) && !in_quote[k - 1] {
                k - 1
            } else {
                k
            };
            if let Some(mut m) = parse_np(doc, from, k + 1) {
                m.form = MentionForm::Name;
                m.speaker_type = SpeakerType::Person;
                extra.push(m);
            }
        }
    }
    out.extend(extra);
    out
}

/// The definite descriptions that open sentences: "The president himself
/// weighed in late Thursday. “…,” he told reporters", "The bank expects …,
/// it said". A role or an organisation word ends the description (at most
/// three words after "the") when a lower-case word other than a noun follows;
/// a later pronoun can then refer to it.
fn sentence_openers(
    doc: &Document,
    in_quote: &[bool],
    body_start: &[usize],
    taken: &mut Cover,
) -> Vec<Mention> {
    let mut out = Vec::new();
    for (sentence, &first) in doc.sentences.iter().zip(body_start) {
        let end = sentence.end_token;
        if first + 2 >= end || in_quote[first] || doc.low(first) != "the" {
            continue;
        }
        for k in first + 1..(first + 4).min(end - 1) {
            // ("The former president, in his first interview, defended …":
            // a comma may close the description.)
            let comma_after = doc.tok(k + 1) == ",";
            if doc.tokens[k].kind != TokenKind::Word
                || doc.tokens[k + 1].kind != TokenKind::Word && !comma_after
            {
                break;
            }
            let head = doc.has(k, fact::ROLE | fact::ORGANIZATION);
            let next_is_noun = !comma_after
                && (doc.has(k + 1, fact::UPPER_FIRST | fact::ROLE | fact::ORGANIZATION)
                    || doc.cue_lemma(k + 1).is_some());
            if !head || next_is_noun {
                continue;
            }
            if !taken.covers(doc.tokens[first].span.start) {
                let described = parse_np(doc, first, k + 1).filter(|m| {
                    m.form == MentionForm::Nominal
                        && !m.indefinite
                        && match m.speaker_type {
                            SpeakerType::Person => m.role.is_some(),
                            SpeakerType::Organization => true,
                            _ => false,
                        }
                });
                out.extend(described);
            }
            break;
        }
    }
    out
}

/// "The Health Secretary, Wes Pryor, struck a conciliatory tone": the
/// description before the comma gives the name at `s` its role.
fn describe_from_before_comma(
    doc: &Document,
    in_quote: &[bool],
    s: usize,
    first: usize,
    m: &mut Mention,
) {
    if s < first + 2 || doc.tok(s - 1) != "," {
        return;
    }
    let comma = s - 1;
    let mut p = comma;
    while p > first
        && comma - p < 8
        && !in_quote[p - 1]
        && !(matches!(doc.tok(p - 1), "," | ";" | ":" | "(") || is_dash(doc.tok(p - 1)))
    {
        p -= 1;
    }
    let Some(d) = parse_np(doc, p, comma) else {
        return;
    };
    if d.form == MentionForm::Nominal
        && d.role.is_some()
        && matches!(d.speaker_type, SpeakerType::Person | SpeakerType::Anonymous)
    {
        m.role = d.role;
        m.official |= d.official;
        if m.affiliation.is_none() {
            m.affiliation = d.affiliation;
        }
    }
}

/// How many recently mentioned speakers a pronoun or description looks at.
const RECENT: usize = 64;

/// Groups mentions into entities. Returns the entity of each mention and the entities.
pub fn resolve(mentions: &[Mention], same: &[(usize, usize)]) -> (Vec<usize>, Vec<Entity>) {
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    // Unstable, with the index last: the same order as a stable sort, without its buffer.
    order.sort_unstable_by_key(|&i| (mentions[i].span.start, mentions[i].span.end, i));
    let mut entity_of = vec![usize::MAX; mentions.len()];
    let mut index = Index::default();
    // Mentions with the same span are one mention (in span order, they
    // come one after the other).
    let mut previous: Option<(Span, usize)> = None;

    for &i in &order {
        let m = &mentions[i];
        let keys = Keys::of(m);
        let e = match previous {
            Some((span, e)) if span == m.span => e,
            _ => match find_entity(&index, m, &keys) {
                Some(e) => e,
                None => {
                    index.entities.push(Entity {
                        mentions: Vec::new(),
                        names: Vec::new(),
                        labels: Vec::new(),
                        roles: Vec::new(),
                        affiliation: None,
                        speaker_type: m.speaker_type,
                        antecedent: false,
                        named: false,
                        official: false,
                        gender: m.gender,
                        last_pos: m.span.start,
                    });
                    index.entities.len() - 1
                }
            },
        };
        entity_of[i] = e;
        absorb(&mut index.entities[e], i, m, &keys);
        index.note(e, m, &keys);
        previous = Some((m.span, e));
    }
    let mut entities = index.entities;

    // Merges asked for by the sieve (an anonymous source quoted in the same words).
    for &(a, b) in same {
        let (ea, eb) = (entity_of[a], entity_of[b]);
        if ea == eb || ea == usize::MAX || eb == usize::MAX {
            continue;
        }
        let moved = std::mem::take(&mut entities[ea].mentions);
        for &mi in &moved {
            entity_of[mi] = eb;
        }
        entities[eb].mentions.extend(moved);
    }
    (entity_of, entities)
}

/// Entities with the lookups coreference needs: by name token, by label,
/// and the most recently mentioned.
///
/// Words are keyed by a hash of their bytes ([`word_hash`]), so that noting
/// a mention allocates no key: a lookup gives candidates only, which the
/// caller confirms on the names and labels themselves, so two words that
/// share a hash cost a check and never a wrong merge.
#[derive(Default)]
struct Index {
    entities: Vec<Entity>,
    by_token: HashMap<u64, Vec<usize>>,
    by_label_word: HashMap<u64, Vec<usize>>,
    recent: Vec<usize>,
}

/// The key of a word in the [`Index`].
fn word_hash(word: &str) -> u64 {
    crate::lexicon::FxHasher::hash_bytes(word.as_bytes())
}

impl Index {
    fn note(&mut self, e: usize, m: &Mention, keys: &Keys) {
        match m.form {
            MentionForm::Name | MentionForm::OrgName => {
                for t in key_words(&keys.name) {
                    let list = self.by_token.entry(word_hash(t)).or_default();
                    if list.last() != Some(&e) {
                        list.push(e);
                    }
                    if list.len() > 2 * RECENT {
                        list.drain(..RECENT);
                    }
                }
            }
            MentionForm::Nominal => {}
            MentionForm::Pronoun => {}
        }
        if matches!(m.form, MentionForm::OrgName | MentionForm::Nominal) {
            let l = &keys.label;
            let word = last_word(l);
            let list = self.by_label_word.entry(word_hash(word)).or_default();
            if list.last() != Some(&e) {
                list.push(e);
            }
            if list.len() > 2 * RECENT {
                list.drain(..RECENT);
            }
        }
        // An entity stands in the list once; one noted again is likely near its end.
        if let Some(at) = self.recent.iter().rposition(|&x| x == e) {
            self.recent.remove(at);
        }
        self.recent.push(e);
        if self.recent.len() > RECENT {
            self.recent.remove(0);
        }
    }

    /// The most recently mentioned of `candidates` that satisfies `pred`.
    fn latest(
        &self,
        candidates: impl Iterator<Item = usize>,
        pred: impl Fn(&Entity) -> bool,
    ) -> Option<usize> {
        candidates
            .filter(|&e| pred(&self.entities[e]))
            .max_by_key(|&e| self.entities[e].last_pos)
    }

    fn recent(&self) -> impl Iterator<Item = usize> + '_ {
        self.recent.iter().copied()
    }

    fn named(&self, name: &str) -> impl Iterator<Item = usize> + '_ {
        let mut seen: Vec<usize> = key_words(name)
            .filter_map(|t| self.by_token.get(&word_hash(t)))
            .flatten()
            .copied()
            .collect();
        seen.sort_unstable();
        seen.dedup();
        // Very common tokens point at many entities; the latest ones matter.
        let keep = seen.len().saturating_sub(RECENT);
        seen.into_iter().skip(keep)
    }

    fn labelled(&self, word: &str) -> impl Iterator<Item = usize> + '_ {
        let list = self
            .by_label_word
            .get(&word_hash(word))
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        list[list.len().saturating_sub(RECENT)..].iter().copied()
    }
}

fn absorb(e: &mut Entity, i: usize, m: &Mention, keys: &Keys) {
    e.mentions.push(i);
    e.last_pos = e.last_pos.max(m.span.start);
    e.antecedent |= !m.oblique;
    e.named |= matches!(m.form, MentionForm::Name | MentionForm::OrgName);
    e.official |= m.official;
    match m.form {
        MentionForm::Name => {
            if !e.names.contains(&keys.name) {
                e.names.push(keys.name.clone());
            }
            if m.speaker_type == SpeakerType::Person {
                e.speaker_type = SpeakerType::Person;
            }
        }
        MentionForm::OrgName | MentionForm::Nominal => {
            if !e.labels.contains(&keys.label) {
                e.labels.push(keys.label.clone());
            }
            // "Norrland said" after "Norrland Robotics": a name that
            // shortens the organisation's joins it, as a surname a person's.
            if m.form == MentionForm::OrgName
                && keys.name.contains(' ')
                && !e.names.contains(&keys.name)
            {
                e.names.push(keys.name.clone());
            }
        }
        MentionForm::Pronoun => {}
    }
    if let Some(r) = &m.role {
        if !e.roles.contains(r) {
            e.roles.push(r.clone());
        }
    }
    if e.affiliation.is_none() {
        e.affiliation.clone_from(&m.affiliation);
    }
    if e.gender == Gender::Unknown {
        e.gender = m.gender;
    }
}

/// True when `m`, a pronoun or an epithet such as "the Italian", may refer
/// back to entity `e`: mentioned other than as an object, not too far back.
fn may_refer_back_to(e: &Entity, m: &Mention) -> bool {
    e.antecedent && m.span.start.saturating_sub(e.last_pos) <= PRONOUN_REACH
}

fn find_entity(index: &Index, m: &Mention, keys: &Keys) -> Option<usize> {
    match m.form {
        MentionForm::Pronoun => {
            let within = |e: &Entity| may_refer_back_to(e, m);
            match m.speaker_type {
                SpeakerType::Person => index.latest(index.recent(), |e| {
                    within(e)
                        && matches!(e.speaker_type, SpeakerType::Person | SpeakerType::Anonymous)
                        && (e.gender == Gender::Unknown || e.gender == m.gender)
                }),
                SpeakerType::Organization => index.latest(index.recent(), |e| {
                    within(e) && e.speaker_type == SpeakerType::Organization
                }),
                _ => index.latest(index.recent(), |e| {
                    within(e)
                        && matches!(
                            e.speaker_type,
                            SpeakerType::Group | SpeakerType::Organization
                        )
                }),
            }
        }
        MentionForm::Name | MentionForm::OrgName => {
            let name = keys.name.as_str();
            // "Joe Ridley" is not "Sam Ridley", even where "Ridley" alone was
            // said of Sam: a full name never joins a speaker with another full
            // name of the same length.
            let words = key_word_count(name);
            let conflicts = |n: &String| {
                words >= 2
                    && key_word_count(n) == words
                    && n != name
                    && last_word(n) == last_word(name)
            };
            let by_name = index.latest(index.named(name), |e| {
                e.names
                    .iter()
                    .any(|n| names_match(name, n) || names_match(n, name))
                    && !e.names.iter().any(conflicts)
                    // "Mrs Marchand" is not her husband Émile Marchand.
                    && (m.gender == Gender::Unknown
                        || e.gender == Gender::Unknown
                        || e.gender == m.gender)
            });
            if by_name.is_some() {
                return by_name;
            }
            if m.form == MentionForm::OrgName {
                let l = keys.label.as_str();
                let word = last_word(l);
                // The same label, or one that ends with it as whole words.
                return index.latest(index.labelled(word), |e| {
                    e.labels.iter().any(|x| {
                        x == l
                            || x.len() > l.len()
                                && x.ends_with(l)
                                && x.as_bytes()[x.len() - l.len() - 1] == b' '
                    })
                });
            }
            // "her mother, Fiona" after "the mother of a woman …".
            let role = m.role.as_deref()?;
            index.latest(index.recent(), |e| {
                e.names.is_empty()
                    && e.speaker_type == SpeakerType::Person
                    && e.roles.iter().any(|r| r == role)
            })
        }
        MentionForm::Nominal => {
            if m.indefinite {
                return None;
            }
            let l = keys.label.as_str();
            // "the Italian said", "the Argentine said": a nationality alone
            // refers, like a pronoun, to the latest person, whose country is
            // that one or unknown.
            // "the Argentine forward" likewise, when no one of that role is known.
            // (An affiliation that is no country, "Manchester United manager
            // Erik Hoff", leaves the country unknown: "the Dutchman" may be he.)
            let nationality_led = m.speaker_type == SpeakerType::Person
                && m.name
                    .split(' ')
                    .nth(1)
                    .is_some_and(|w| lexicon().country_of(w).is_some());
            let by_nationality = || {
                index.latest(index.recent(), |e| {
                    may_refer_back_to(e, m)
                        && e.speaker_type == SpeakerType::Person
                        && (e.affiliation.is_none()
                            || e.affiliation == m.affiliation
                            || e.affiliation
                                .as_deref()
                                .is_some_and(|a| !lexicon().is_country(a)))
                        && m.role.as_deref().is_none_or(|r| {
                            e.roles.is_empty() || e.roles.iter().any(|k| roles_compatible(r, k))
                        })
                })
            };
            if nationality_led && m.role.is_none() {
                return by_nationality();
            }
            // "the 61-year-old said", "the 34-year-old mother replied":
            // likewise the latest person.
            if m.role.is_none() && m.name.contains("year-old") {
                return index.latest(index.recent(), |e| {
                    may_refer_back_to(e, m) && e.speaker_type == SpeakerType::Person
                });
            }
            if let Some(head) = m.role.as_deref() {
                if m.speaker_type == SpeakerType::Person {
                    // "the diplomat" after "a senior Western diplomat, who spoke
                    // on condition of anonymity": the same unnamed person.
                    let by_role = index.latest(index.recent(), |e| {
                        matches!(e.speaker_type, SpeakerType::Person | SpeakerType::Anonymous)
                            && e.roles.iter().any(|r| roles_compatible(head, r))
                            && (m.affiliation.is_none()
                                || e.affiliation.is_none()
                                || e.affiliation == m.affiliation)
                    });
                    if by_role.is_some() {
                        return by_role;
                    }
                    if nationality_led {
                        return by_nationality();
                    }
                }
            }
            let word = last_word(l);
            // "American officials" are not the "Mexican officials" named before.
            let same_side = |e: &Entity| {
                m.affiliation.is_none() || e.affiliation.is_none() || e.affiliation == m.affiliation
            };
            // "Norrland’s lawyers" after "lawyers for the plaintiffs": a possessor
            // names whose they are; only the same label is the same speaker.
            let possessed = l.contains("’s ") || l.contains("'s ");
            let by_label = index.latest(index.labelled(word), |e| {
                e.labels.iter().any(|x| {
                    x == l
                        || (!possessed
                            && x.ends_with(word)
                            && m.speaker_type == e.speaker_type
                            && same_side(e)
                            && !counts_differ(x, l))
                })
            });
            if by_label.is_some() || m.speaker_type != SpeakerType::Organization || m.role.is_some()
            {
                return by_label;
            }
            // "Its maker, Northgate Biosciences, said … the company said": a
            // one-word description of an organisation refers back, like "it",
            // to the latest organisation named in words of its own, when it
            // is one of the words of that name ("the college" for the Royal
            // College of Midwives) or names a business ("the company", "the
            // developer") and the organisation is a private one.
            if l.contains(' ') {
                return None;
            }
            let business = !m.official && lexicon().is(class::BUSINESS_NOUN, l);
            index.latest(index.recent(), |e| {
                may_refer_back_to(e, m)
                    && e.named
                    && e.speaker_type == SpeakerType::Organization
                    && e.labels.iter().any(|x| {
                        x.contains(' ') && (x.split(' ').any(|w| w == l) || business && !e.official)
                    })
            })
        }
    }
}

/// The canonical description of an entity, read from its mentions.
pub struct Profile {
    /// Fullest name.
    pub name: String,
    /// Role, if any mention gives one.
    pub role: Option<String>,
    /// Affiliation, if any mention gives one.
    pub affiliation: Option<String>,
    /// Kind of speaker.
    pub speaker_type: SpeakerType,
    /// Speaks for a public body.
    pub official: bool,
}

/// Reads an entity's name, role, affiliation, type and official status.
pub fn profile(entity: &Entity, mentions: &[Mention]) -> Profile {
    let ms: Vec<&Mention> = entity.mentions.iter().map(|&i| &mentions[i]).collect();
    let person_name = ms
        .iter()
        .filter(|m| m.form == MentionForm::Name)
        .max_by_key(|m| (m.name.split_whitespace().count(), m.name.len()))
        .map(|m| m.name.clone());
    // The first name, or a fuller one that extends it: "Northgate
    // Biosciences", not a later "Northgate".
    let org_name = ms
        .iter()
        .filter(|m| m.form == MentionForm::OrgName)
        .map(|m| m.name.as_str())
        .reduce(|name, o| if extends_name(o, name) { o } else { name })
        .map(str::to_string);
    let nominal = ms
        .iter()
        .find(|m| m.form == MentionForm::Nominal)
        .map(|m| m.name.clone());
    let fallback = ms
        .iter()
        .find(|m| m.form != MentionForm::Pronoun)
        .or(ms.first())
        .map(|m| m.name.clone())
        .unwrap_or_default();
    // "Northgate" said of Northgate Biosciences is the organisation's short name.
    let shortens_org_name = match (&person_name, &org_name) {
        (Some(p), Some(o)) => extends_name(o, p),
        _ => false,
    };
    let is_person = person_name.is_some()
        && !shortens_org_name
        && ms
            .iter()
            .any(|m| m.form == MentionForm::Name && m.speaker_type == SpeakerType::Person);
    let name = if is_person {
        person_name
    } else {
        org_name.or(person_name).or(nominal)
    }
    .unwrap_or(fallback);
    let role = ms
        .iter()
        .filter_map(|m| m.role.clone())
        .max_by_key(|r| r.len());
    let affiliation = ms.iter().find_map(|m| m.affiliation.clone());
    let speaker_type = if is_person {
        SpeakerType::Person
    } else {
        ms.iter()
            .find(|m| m.form != MentionForm::Pronoun)
            .map_or(entity.speaker_type, |m| m.speaker_type)
    };
    let official = ms.iter().any(|m| m.official);
    Profile {
        name,
        role,
        affiliation,
        speaker_type,
        official,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> String {
        name_key(s)
    }

    #[test]
    fn surnames_given_names_and_particles_match() {
        assert!(names_match(&toks("Wang"), &toks("Wang Yi")));
        assert!(names_match(&toks("Parry"), &toks("Fiona Parry")));
        assert!(names_match(&toks("Fiona"), &toks("Fiona Parry")));
        assert!(names_match(&toks("de Miranda"), &toks("Luis de Miranda")));
        assert!(!names_match(&toks("Lavrov"), &toks("Wang Yi")));
        assert!(!names_match(&toks("Yi Wang"), &toks("Wang Yi")));
    }
}
