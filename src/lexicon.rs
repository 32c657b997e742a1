//! The lexicons: reporting verbs, abbreviations, honorifics, roles,
//! nationalities, organisations, groups, given names and function words.
//!
//! They are plain-text data files under `src/lexicon/`, embedded at compile
//! time and parsed once on first use. Gathered here, in one place, so that no
//! stage hides a word list in its `if`s.

use std::collections::{HashMap as StdHashMap, HashSet as StdHashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::types::{fact, Facts, Gender};

/// A fast, non-cryptographic hasher (the Fx hash of rustc) for the lexicon
/// tables: their keys are our own words, so flooding is no concern, and
/// lookups are most of the analyser's work.
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    /// The hash of `bytes` alone: for tables keyed by a word's hash instead
    /// of the word.
    pub fn hash_bytes(bytes: &[u8]) -> u64 {
        let mut h = FxHasher::default();
        h.write(bytes);
        h.finish()
    }

    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        // The last bytes as one word: words are short, so this is most of the
        // work. Read with fixed-size loads (overlapping where the length is
        // not a power of two), not a copy of variable length, which costs a
        // call to `memcpy` per lookup.
        let rest = chunks.remainder();
        let n = rest.len();
        let word = match n {
            0 => return,
            1..=3 => {
                u64::from(rest[0]) | u64::from(rest[n / 2]) << 8 | u64::from(rest[n - 1]) << 16
            }
            _ => {
                let four = |at: usize| {
                    let mut w = [0u8; 4];
                    w.copy_from_slice(&rest[at..at + 4]);
                    u64::from(u32::from_le_bytes(w))
                };
                four(0) | four(n - 4) << 32
            }
        };
        // The length tells apart remainders that the overlapping loads read alike.
        self.add(word ^ (n as u64) << 59);
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A map with the fast hasher.
pub type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A set with the fast hasher.
pub type HashSet<K> = StdHashSet<K, BuildHasherDefault<FxHasher>>;

/// The function-word classes of `function_words.txt`, as bits: a word's
/// classes are one `u32`, so that a rule tests a class with one `&`.
pub mod class {
    /// "the", "a", "his", "several": opens a noun phrase.
    pub const DETERMINER: u32 = 1 << 0;
    /// "a", "one", "some": an indefinite noun phrase (an anonymous source).
    pub const INDEFINITE: u32 = 1 << 1;
    /// "he", "him", "his".
    pub const PRONOUN_MALE: u32 = 1 << 2;
    /// "she", "her".
    pub const PRONOUN_FEMALE: u32 = 1 << 3;
    /// "they", "them".
    pub const PRONOUN_PLURAL: u32 = 1 << 4;
    /// "it", "its".
    pub const PRONOUN_NEUTER: u32 = 1 << 5;
    /// "i", "we".
    pub const PRONOUN_FIRST: u32 = 1 << 6;
    /// "in", "of", "during".
    pub const PREPOSITION: u32 = 1 << 7;
    /// "when", "because", "that".
    pub const SUBORDINATOR: u32 = 1 << 8;
    /// "and", "but", "however".
    pub const CONJUNCTION: u32 = 1 << 9;
    /// "has", "was", and the adverbs that sit between subject and verb.
    pub const AUXILIARY: u32 = 1 << 10;
    /// "yesterday", "Tuesday", "week".
    pub const TEMPORAL: u32 = 1 << 11;
    /// Words that announce a title: "titled", "film", "operation".
    pub const TITLE_CUE: u32 = 1 << 12;
    /// Words that announce a scare quote: "so-called", "term", "dubbed".
    pub const SCARE_CUE: u32 = 1 << 13;
    /// "I", "we’re", "our": the speaker speaking of themselves.
    pub const FIRST_PERSON: u32 = 1 << 14;
    /// "group", "company", "charity": a kind of organisation, naming the
    /// capitalised words after it as one ("the campaign group Blue Margin").
    pub const ORGANISATION_NOUN: u32 = 1 << 15;
    /// "family", "ally", "assembly": words in -ly that are not adverbs.
    pub const NOT_ADVERB: u32 = 1 << 16;
    /// "company", "firm", "developer": a word for a business, never part of
    /// its name, so that "the company" refers back to one named before.
    pub const BUSINESS_NOUN: u32 = 1 << 17;
    /// "claims", "warning", "remarks": a noun for something said, whose
    /// possessor said it ("Clinton’s warning of a “…”").
    pub const SPEECH_NOUN: u32 = 1 << 18;
    /// "bed", "need", "hundred", "sacred": words in -ed that are no past forms.
    pub const NOT_PAST: u32 = 1 << 19;
    /// Words that are never names, even when a sentence opens with them.
    pub const CLOSED: u32 = DETERMINER
        | PREPOSITION
        | SUBORDINATOR
        | CONJUNCTION
        | PRONOUN_MALE
        | PRONOUN_FEMALE
        | PRONOUN_PLURAL
        | PRONOUN_NEUTER
        | AUXILIARY
        | TEMPORAL;
}

/// The class names used in `function_words.txt`, with their bits.
const CLASSES: &[(&str, u32)] = &[
    ("determiner", class::DETERMINER),
    ("indefinite", class::INDEFINITE),
    ("pronoun_male", class::PRONOUN_MALE),
    ("pronoun_female", class::PRONOUN_FEMALE),
    ("pronoun_plural", class::PRONOUN_PLURAL),
    ("pronoun_neuter", class::PRONOUN_NEUTER),
    ("pronoun_first", class::PRONOUN_FIRST),
    ("preposition", class::PREPOSITION),
    ("subordinator", class::SUBORDINATOR),
    ("conjunction", class::CONJUNCTION),
    ("auxiliary", class::AUXILIARY),
    ("temporal", class::TEMPORAL),
    ("title_cue", class::TITLE_CUE),
    ("scare_cue", class::SCARE_CUE),
    ("first_person", class::FIRST_PERSON),
    ("organisation_noun", class::ORGANISATION_NOUN),
    ("not_adverb", class::NOT_ADVERB),
    ("business_noun", class::BUSINESS_NOUN),
    ("speech_noun", class::SPEECH_NOUN),
    ("not_past", class::NOT_PAST),
];

/// Returns `word` lower-cased, without allocating when it already is.
fn lowercase(word: &str) -> std::borrow::Cow<'_, str> {
    let upper = if word.is_ascii() {
        word.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        word.chars().any(char::is_uppercase)
    };
    if upper {
        std::borrow::Cow::Owned(word.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

/// How an abbreviation's final period behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbreviationClass {
    /// Always followed by a name or number: never ends a sentence.
    Title,
    /// Ends a sentence only before a typical sentence opener.
    Other,
}

/// Every lexicon, parsed.
#[derive(Debug)]
pub struct Lexicon {
    /// Reporting-verb form (lower case) → lemma.
    pub cue_forms: HashMap<String, &'static str>,
    /// Lemma and example sentence of each reporting verb.
    pub cue_examples: Vec<(&'static str, &'static str)>,
    /// Abbreviation as written, without its final period when it has one inside
    /// ("Mr", "U.S.") → class.
    pub abbreviations: HashMap<&'static str, AbbreviationClass>,
    /// Abbreviation entries with their examples.
    pub abbreviation_examples: Vec<(&'static str, &'static str)>,
    /// Words that typically open a sentence.
    pub sentence_openers: HashSet<&'static str>,
    /// Honorific (lower case, no period) → (gender, official).
    pub honorifics: HashMap<String, (Gender, bool)>,
    /// Abbreviated honorific (lower case) → the role it stands for ("sen" → "senator").
    pub honorific_roles: HashMap<String, &'static str>,
    /// Role phrase (lower case) → official.
    pub roles: HashMap<String, bool>,
    /// Role phrase written another way (lower case) → its usual form ("ceo" → "chief executive").
    pub role_forms: HashMap<String, &'static str>,
    /// Longest role phrase, in words.
    pub max_role_words: usize,
    /// Offices whose holder "the leader" refers back to ("president").
    pub leader_offices: HashSet<&'static str>,
    /// Nationality adjective → country.
    pub nationalities: HashMap<&'static str, &'static str>,
    /// Organisation word (lower case) → official.
    pub organizations: HashMap<String, bool>,
    /// Group noun (lower case) → official.
    pub groups: HashMap<&'static str, bool>,
    /// First words of the nationalities written in two words ("South" of
    /// "South Korean"): only after one of them is a two-word form looked up.
    pub two_word_nationality_starts: HashSet<&'static str>,
    /// The countries the nationalities name.
    pub countries: HashSet<&'static str>,
    /// Given name → gender.
    pub given_names: HashMap<&'static str, Gender>,
    /// Function word → bit set of its classes (bit order of `CLASSES`).
    pub function_words: HashMap<&'static str, u32>,
    /// The lemmas of the reporting verbs; a token's [`Facts::cue`] is 1 + an index here.
    pub cue_lemmas: Vec<&'static str>,
    /// Lower-case word → what the lexicons say of it: one lookup per token
    /// gives the text stage every fact the rules test.
    pub words: HashMap<String, Facts>,
    /// The same for the words of up to eight bytes, in a table keyed by the
    /// word's bytes packed into one integer: most tokens are such words, and
    /// this lookup is one multiply and one compare.
    short_words: PackedWords<u64>,
    /// The same for the words of 9 to 16 bytes ("spokeswoman").
    medium_words: PackedWords<u128>,
}

/// A word's bytes packed into an integer, little-endian and padded with zero
/// bytes (words have no zero bytes, so two words never pack alike): `u64`
/// for words of 1 to 8 bytes, `u128` for words of 9 to 16.
trait PackedWord: Copy + Eq + Default {
    const BYTES: usize;
    fn pack(word: &[u8]) -> Self;
    /// 64 bits that mix every byte of the word.
    fn mix(self) -> u64;
}

impl PackedWord for u64 {
    const BYTES: usize = 8;
    #[inline]
    fn pack(word: &[u8]) -> Self {
        let mut bytes = [0u8; 8];
        let n = word.len().min(8);
        bytes[..n].copy_from_slice(&word[..n]);
        u64::from_le_bytes(bytes)
    }
    #[inline]
    fn mix(self) -> u64 {
        self
    }
}

impl PackedWord for u128 {
    const BYTES: usize = 16;
    #[inline]
    fn pack(word: &[u8]) -> Self {
        let mut bytes = [0u8; 16];
        let n = word.len().min(16);
        bytes[..n].copy_from_slice(&word[..n]);
        u128::from_le_bytes(bytes)
    }
    #[inline]
    fn mix(self) -> u64 {
        (self as u64) ^ ((self >> 64) as u64).wrapping_mul(0xC2B2_AE3D_27D4_EB4F)
    }
}

/// An open-addressing table from packed words ([`PackedWord`]) to their
/// facts. Each slot holds its key and its facts side by side, so a hit
/// reads one cache line.
#[derive(Debug, Default)]
struct PackedWords<K> {
    slots: Vec<(K, Facts)>,
    shift: u32,
}

impl<K: PackedWord> PackedWords<K> {
    /// The table of the words of `words` whose length fits `K` and does not
    /// fit a smaller key (`shorter` bytes).
    fn new(words: &HashMap<String, Facts>, shorter: usize) -> Self {
        let packed: Vec<(K, Facts)> = words
            .iter()
            .filter(|(w, _)| (shorter + 1..=K::BYTES).contains(&w.len()))
            .map(|(w, f)| (K::pack(w.as_bytes()), *f))
            .collect();
        // At most one slot in eight full: a word not in the lexicons (most
        // names and content words) meets an empty slot at its first or
        // second probe, so that the probe loop's branch is predicted.
        let bits = (packed.len() * 8)
            .next_power_of_two()
            .trailing_zeros()
            .max(4);
        let mut table = PackedWords {
            slots: vec![(K::default(), Facts::default()); 1 << bits],
            shift: 64 - bits,
        };
        let mask = table.slots.len() - 1;
        for (key, facts) in packed {
            let mut i = table.slot(key);
            while table.slots[i].0 != K::default() {
                i = (i + 1) & mask;
            }
            table.slots[i] = (key, facts);
        }
        table
    }

    #[inline]
    fn slot(&self, key: K) -> usize {
        // Fibonacci hashing: the high bits of the product.
        (key.mix().wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    #[inline]
    fn get(&self, word: &[u8]) -> Facts {
        self.get_packed(K::pack(word))
    }

    #[inline]
    fn get_packed(&self, key: K) -> Facts {
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        // The first slot decides almost every lookup, found or not: one
        // branch that is all but always taken, and a select for which.
        let (k, facts) = self.slots[i];
        if k == key || k == K::default() {
            return if k == key { facts } else { Facts::default() };
        }
        loop {
            match self.slots[i] {
                (k, facts) if k == key => return facts,
                (k, _) if k == K::default() => return Facts::default(),
                _ => i = (i + 1) & mask,
            }
        }
    }
}

/// Particles that stand inside names: "Luis de Miranda", "bin Salman".
pub const NAME_PARTICLES: &[&str] = &[
    "de", "del", "della", "der", "den", "di", "da", "dos", "das", "du", "la", "le", "van", "von",
    "bin", "ibn", "al", "el", "y", "ter", "zu",
];

/// The first words of the reporting phrases that are no verb of the lexicon:
/// "according to", "was quoted as saying", "cited by". The cue stage looks
/// closer only at these and at reporting verbs.
pub const CUE_PHRASE_STARTS: &[&str] = &["according", "quoted", "cited"];

const CUE_VERBS: &str = include_str!("lexicon/cue_verbs.txt");
const ABBREVIATIONS: &str = include_str!("lexicon/abbreviations.txt");
const SENTENCE_OPENERS: &str = include_str!("lexicon/sentence_openers.txt");
const HONORIFICS: &str = include_str!("lexicon/honorifics.txt");
const ROLES: &str = include_str!("lexicon/roles.txt");
const NATIONALITIES: &str = include_str!("lexicon/nationalities.txt");
const ORGANIZATIONS: &str = include_str!("lexicon/organizations.txt");
const GROUPS: &str = include_str!("lexicon/groups.txt");
const GIVEN_NAMES: &str = include_str!("lexicon/given_names.txt");
const FUNCTION_WORDS: &str = include_str!("lexicon/function_words.txt");
const LEADERS: &str = include_str!("lexicon/leaders.txt");

/// Returns the data lines of a lexicon file: comments and blank lines dropped.
fn lines(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn official_flag(word: &str) -> bool {
    matches!(word, "official" | "yes")
}

fn gender(code: &str) -> Gender {
    match code {
        "m" => Gender::Male,
        "f" => Gender::Female,
        _ => Gender::Unknown,
    }
}

impl Lexicon {
    fn parse() -> Self {
        let mut cue_forms = HashMap::default();
        let mut cue_examples = Vec::new();
        for line in lines(CUE_VERBS) {
            let (forms, example) = line.split_once('|').unwrap_or((line, ""));
            let mut words = forms.split_whitespace();
            let Some(lemma) = words.next() else { continue };
            cue_forms.insert(lemma.to_lowercase(), lemma);
            for form in words {
                cue_forms.insert(form.to_lowercase(), lemma);
            }
            cue_examples.push((lemma, example.trim()));
        }

        let mut abbreviations = HashMap::default();
        let mut abbreviation_examples = Vec::new();
        for line in lines(ABBREVIATIONS) {
            let (entry, example) = line.split_once('|').unwrap_or((line, ""));
            let mut words = entry.split_whitespace();
            let (Some(class), Some(word)) = (words.next(), words.next()) else {
                continue;
            };
            let class = if class == "title" {
                AbbreviationClass::Title
            } else {
                AbbreviationClass::Other
            };
            // "Mr." is tokenised as "Mr" + "."; "U.S." stays one token.
            let key = if word[..word.len() - 1].contains('.') {
                word
            } else {
                word.trim_end_matches('.')
            };
            abbreviations.insert(key, class);
            abbreviation_examples.push((word, example.trim()));
        }

        let sentence_openers = lines(SENTENCE_OPENERS)
            .flat_map(str::split_whitespace)
            .collect();

        let mut honorifics = HashMap::default();
        let mut honorific_roles: HashMap<String, &'static str> = HashMap::default();
        for line in lines(HONORIFICS) {
            let cols: Vec<&str> = line.split_whitespace().collect();
            if let [word, g, official, ..] = cols[..] {
                honorifics.insert(word.to_lowercase(), (gender(g), official_flag(official)));
                if let Some(role) = cols.get(3) {
                    honorific_roles.insert(word.to_lowercase(), *role);
                }
            }
        }

        let mut roles = HashMap::default();
        let mut max_role_words = 1;
        let mut role_forms: HashMap<String, &'static str> = HashMap::default();
        for line in lines(ROLES) {
            if let Some((flag, role)) = line.split_once(' ') {
                let (role, usual) = match role.split_once('|') {
                    Some((written, usual)) => (written, Some(usual.trim())),
                    None => (role, None),
                };
                let role = role.trim().to_lowercase();
                if let Some(usual) = usual {
                    role_forms.insert(role.clone(), usual);
                }
                max_role_words = max_role_words.max(role.split_whitespace().count());
                roles.insert(role, official_flag(flag));
            }
        }

        let nationalities: HashMap<&'static str, &'static str> = lines(NATIONALITIES)
            .filter_map(|l| l.split_once('|'))
            .map(|(adj, country)| (adj.trim(), country.trim()))
            .collect();

        let countries = nationalities.values().copied().collect();
        let two_word_nationality_starts = nationalities
            .keys()
            .filter_map(|adj| adj.split_once(' ').map(|(first, _)| first))
            .collect();

        let organizations: HashMap<String, bool> = lines(ORGANIZATIONS)
            .filter_map(|l| l.split_once(' '))
            .map(|(flag, word)| (word.trim().to_lowercase(), official_flag(flag)))
            .collect();

        let groups: HashMap<&'static str, bool> = lines(GROUPS)
            .filter_map(|l| l.split_once(' '))
            .map(|(flag, word)| (word.trim(), official_flag(flag)))
            .collect();

        let mut given_names = HashMap::default();
        for line in lines(GIVEN_NAMES) {
            let mut words = line.split_whitespace();
            let g = gender(words.next().unwrap_or("-"));
            for name in words {
                given_names.insert(name, g);
            }
        }

        let mut function_words: HashMap<&'static str, u32> = HashMap::default();
        for line in lines(FUNCTION_WORDS) {
            let mut words = line.split_whitespace();
            let Some(class) = words.next() else { continue };
            let Some(&(_, bit)) = CLASSES.iter().find(|(name, _)| *name == class) else {
                continue;
            };
            for w in words {
                *function_words.entry(w).or_default() |= bit;
            }
        }
        let mut cue_lemmas: Vec<&'static str> = Vec::new();
        let mut words: HashMap<String, Facts> = HashMap::default();
        for (form, lemma) in &cue_forms {
            let id = match cue_lemmas.iter().position(|l| l == lemma) {
                Some(id) => id,
                None => {
                    cue_lemmas.push(lemma);
                    cue_lemmas.len() - 1
                }
            };
            words.entry(form.clone()).or_default().cue =
                u16::try_from(id + 1).expect("fewer than 65535 reporting verbs");
        }
        for (word, bits) in &function_words {
            words.entry(word.to_string()).or_default().classes |= bits;
        }
        let mut flag = |word: &str, bit: u16| {
            words.entry(word.to_string()).or_default().flags |= bit;
        };
        // First words of role phrases rule most tokens out of the role search at once.
        for first in roles.keys().filter_map(|r| r.split(' ').next()) {
            flag(first, fact::ROLE_FIRST);
        }
        for role in roles.keys().filter(|r| !r.contains(' ')) {
            flag(role.as_str(), fact::ROLE);
        }
        for (word, official) in organizations.iter().filter(|(w, _)| !w.contains(' ')) {
            flag(word, fact::ORGANIZATION);
            if *official {
                flag(word, fact::ORGANIZATION_OFFICIAL);
            }
        }
        for (word, official) in groups.iter().filter(|(w, _)| !w.contains(' ')) {
            flag(word, fact::GROUP);
            if *official {
                flag(word, fact::GROUP_OFFICIAL);
            }
        }
        for word in honorifics.keys() {
            flag(word, fact::HONORIFIC);
        }
        for word in NAME_PARTICLES {
            flag(word, fact::PARTICLE);
        }
        for word in CUE_PHRASE_STARTS {
            flag(word, fact::CUE_PHRASE_START);
        }
        for name in organizations.keys() {
            flag(
                name.split(' ').next().unwrap_or(name),
                fact::ORGANIZATION_START,
            );
        }
        for adjective in nationalities.keys() {
            let first = adjective.split(' ').next().unwrap_or(adjective);
            flag(&first.to_lowercase(), fact::NATIONALITY_START);
        }

        let short_words = PackedWords::new(&words, 0);
        let medium_words = PackedWords::new(&words, 8);
        Lexicon {
            cue_lemmas,
            short_words,
            medium_words,
            words,
            cue_forms,
            cue_examples,
            abbreviations,
            abbreviation_examples,
            sentence_openers,
            honorifics,
            honorific_roles,
            roles,
            role_forms,
            max_role_words,
            leader_offices: lines(LEADERS).collect(),
            nationalities,
            countries,
            two_word_nationality_starts,
            organizations,
            groups,
            given_names,
            function_words,
        }
    }

    /// Returns true when `word` (any case) belongs to one of the function-word
    /// classes in `classes` (bits of [`class`]).
    pub fn is(&self, classes: u32, word: &str) -> bool {
        self.classes_of(&lowercase(word)) & classes != 0
    }

    /// True when `lower`, a lower-case word, is an adverb in -ly ("quickly",
    /// "later" is not one): it may stand between a subject and its verb.
    pub fn is_ly_adverb(&self, lower: &str) -> bool {
        lower.len() > 3 && lower.ends_with("ly") && !self.is(class::NOT_ADVERB, lower)
    }

    /// Returns the function-word classes of `lower`, a lower-case word.
    fn classes_of(&self, lower: &str) -> u32 {
        self.function_words.get(lower).copied().unwrap_or(0)
    }

    /// Returns the lemma of a token's [`Facts::cue`].
    pub fn cue_lemma_by_id(&self, id: u16) -> Option<&'static str> {
        (id > 0).then(|| self.cue_lemmas[usize::from(id) - 1])
    }

    /// Returns what the lexicons say of `lower`, a lower-case word.
    #[inline]
    pub fn facts_of(&self, lower: &str) -> Facts {
        match lower.len() {
            0 => Facts::default(),
            1..=8 => self.short_words.get(lower.as_bytes()),
            9..=16 => self.medium_words.get(lower.as_bytes()),
            _ => self.facts_of_long(lower),
        }
    }

    /// Returns what the lexicons say of the lower-case word at `span` of
    /// `lower_text`: a short word is read as one integer from the text where
    /// it stands, without copying it out.
    #[inline]
    pub fn facts_at(&self, lower_text: &str, span: crate::types::Span) -> Facts {
        let len = span.len();
        if !(1..=8).contains(&len) {
            return self.facts_of(span.slice(lower_text));
        }
        let bytes = lower_text.as_bytes();
        let key = match bytes.get(span.start..span.start + 8) {
            // Eight bytes from the word's start, those past its end masked off.
            Some(eight) => {
                let mut word = [0u8; 8];
                word.copy_from_slice(eight);
                u64::from_le_bytes(word) & (u64::MAX >> (8 * (8 - len)))
            }
            None => u64::pack(&bytes[span.start..span.end]),
        };
        self.short_words.get_packed(key)
    }

    /// Returns what the lexicons say of a lower-case word of 1 to 8 bytes,
    /// packed little-endian into `key` with zero bytes past its end.
    #[inline]
    pub fn facts_of_packed(&self, key: u64) -> Facts {
        self.short_words.get_packed(key)
    }

    /// The same for a word of 9 to 16 bytes, packed into `key`.
    #[inline]
    pub fn facts_of_packed_medium(&self, key: u128) -> Facts {
        self.medium_words.get_packed(key)
    }

    fn facts_of_long(&self, lower: &str) -> Facts {
        self.words.get(lower).copied().unwrap_or_default()
    }

    /// Returns the lemma when `word` is a reporting verb form.
    pub fn cue_lemma(&self, word: &str) -> Option<&'static str> {
        self.cue_forms.get(lowercase(word).as_ref()).copied()
    }

    /// Returns (gender, official) when `word` is an honorific ("Mr", "Sen.").
    pub fn honorific(&self, word: &str) -> Option<(Gender, bool)> {
        if !word.starts_with(char::is_uppercase) {
            return None; // honorifics are written with a capital
        }
        self.honorifics
            .get(lowercase(word.trim_end_matches('.')).as_ref())
            .copied()
    }

    /// Returns the usual form of a role phrase ("ceo" → "chief executive").
    pub fn usual_role<'a>(&'static self, role: &'a str) -> &'a str {
        self.role_forms.get(role).copied().unwrap_or(role)
    }

    /// Returns the country a nationality adjective names.
    pub fn country_of(&self, adjective: &str) -> Option<&'static str> {
        self.nationalities.get(adjective).copied()
    }

    /// Returns true when `word` names a known country.
    pub fn is_country(&self, word: &str) -> bool {
        self.countries.contains(word)
    }
}

/// Returns the lexicon, parsing it on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::parse)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_words_of_organisations_and_nationalities_are_marked() {
        // The organisation and nationality lookups are made only from marked
        // words: every entry's first word must carry its mark, in any case.
        let lex = lexicon();
        for name in lex.organizations.keys() {
            let first = name.split(' ').next().unwrap();
            assert!(
                lex.facts_of(first).flags & fact::ORGANIZATION_START != 0,
                "{name}"
            );
        }
        for adjective in lex.nationalities.keys() {
            let first = adjective.split(' ').next().unwrap().to_lowercase();
            assert!(
                lex.facts_of(&first).flags & fact::NATIONALITY_START != 0,
                "{adjective}"
            );
        }
        let said = lex.facts_of("said").flags;
        assert_eq!(
            said & (fact::ORGANIZATION_START | fact::NATIONALITY_START),
            0
        );
    }

    #[test]
    fn packed_tables_find_every_word_of_up_to_sixteen_bytes() {
        let lex = lexicon();
        for (word, facts) in &lex.words {
            assert_eq!(lex.facts_of(word), *facts, "{word}");
        }
        assert_eq!(lex.facts_of("zzyzx"), Facts::default());
        assert_eq!(lex.facts_of("notawordanywhere"), Facts::default());
    }

    #[test]
    fn cue_phrase_starts_are_marked_and_are_no_reporting_verb() {
        let lex = lexicon();
        for w in CUE_PHRASE_STARTS {
            let f = lex.facts_of(w);
            assert!(f.flags & fact::CUE_PHRASE_START != 0, "{w}");
            assert_eq!(f.cue, 0, "{w} is read as a phrase, not as a verb");
        }
        assert_eq!(lex.facts_of("said").flags & fact::CUE_PHRASE_START, 0);
    }

    #[test]
    fn hasher_tells_apart_short_words_that_differ_in_one_byte_or_in_length() {
        let hash = |w: &str| FxHasher::hash_bytes(w.as_bytes());
        // Every length of the remainder (0 to 7 bytes past the eight-byte
        // chunks), every position of the changed byte.
        for len in 1..=15 {
            let word: String = "abcdefghijklmnop"[..len].to_string();
            for at in 0..len {
                let mut other = word.clone().into_bytes();
                other[at] = b'z'; // a letter the word does not have
                let other = String::from_utf8(other).unwrap();
                assert_ne!(hash(&word), hash(&other), "{word} / {other}");
            }
            assert_ne!(hash(&word), hash(&word[..len - 1]), "{word} / shorter");
        }
        // A map with this hasher finds what it holds.
        let words = ["a", "said", "minister", "spokeswoman", "administration's"];
        let map: HashMap<&str, usize> = words.iter().enumerate().map(|(i, w)| (*w, i)).collect();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(map.get(w), Some(&i));
        }
        assert_eq!(map.get("saif"), None);
    }

    #[test]
    fn a_word_read_where_it_stands_has_the_facts_of_the_word_alone() {
        let lex = lexicon();
        // Words of every short length, and the last ones closer to the end
        // of the text than eight bytes.
        let text = "a mr. said the minister of state ministers according to officials he";
        let mut start = 0;
        for w in text.split(' ') {
            let span = crate::types::Span::new(start, start + w.len());
            assert_eq!(lex.facts_at(text, span), lex.facts_of(w), "{w}");
            start += w.len() + 1;
        }
        assert_ne!(lex.facts_of("said"), Facts::default());
        assert_ne!(lex.facts_of("he"), Facts::default());
    }

    #[test]
    fn every_cue_verb_has_its_forms_and_an_example() {
        let lex = lexicon();
        assert!(lex.cue_examples.len() >= 50);
        for (lemma, example) in &lex.cue_examples {
            assert!(!example.is_empty(), "{lemma} has no example");
            assert_eq!(lex.cue_lemma(lemma), Some(*lemma));
        }
        assert_eq!(lex.cue_lemma("Said"), Some("say"));
        assert_eq!(lex.cue_lemma("told"), Some("tell"));
        assert_eq!(lex.cue_lemma("denies"), Some("deny"));
        assert_eq!(lex.cue_lemma("table"), None);
    }

    #[test]
    fn every_word_has_its_facts_in_both_tables() {
        let lex = lexicon();
        for (word, facts) in &lex.words {
            assert_eq!(lex.facts_of(word), *facts, "{word}");
        }
        assert_eq!(lex.facts_of("said").cue, lex.facts_of("says").cue);
        assert_ne!(lex.facts_of("said").cue, 0);
        assert_eq!(lex.facts_of("qwertyzz"), Facts::default());
        assert_eq!(lex.facts_of("qwertyuiopasdf"), Facts::default());
        assert_eq!(lex.facts_of(""), Facts::default());
    }

    #[test]
    fn nationalities_name_their_countries() {
        let lex = lexicon();
        assert_eq!(lex.country_of("Chinese"), Some("China"));
        assert_eq!(lex.country_of("Tunisian"), Some("Tunisia"));
        assert_eq!(lex.country_of("Japanese"), Some("Japan"));
        assert!(lex.is_country("Russia"));
        for (adj, country) in &lex.nationalities {
            assert!(!adj.is_empty() && !country.is_empty());
        }
    }

    #[test]
    fn honorifics_carry_gender_and_office() {
        let lex = lexicon();
        assert_eq!(lex.honorific("Mr"), Some((Gender::Male, false)));
        assert_eq!(lex.honorific("Ms."), Some((Gender::Female, false)));
        assert_eq!(lex.honorific("Sen."), Some((Gender::Unknown, true)));
        assert_eq!(lex.honorific("Wang"), None);
    }

    #[test]
    fn roles_know_which_offices_are_official() {
        let lex = lexicon();
        assert_eq!(lex.roles.get("foreign minister"), Some(&true));
        assert_eq!(lex.roles.get("chief inspector"), Some(&true));
        assert_eq!(lex.roles.get("professor"), Some(&false));
        assert!(lex.max_role_words >= 3);
    }

    #[test]
    fn function_word_classes_are_loaded() {
        let lex = lexicon();
        // Every class bit is its own, in the order of the names.
        for (i, (_, bit)) in CLASSES.iter().enumerate() {
            assert_eq!(*bit, 1 << i);
        }
        for class in [
            "determiner",
            "preposition",
            "subordinator",
            "auxiliary",
            "title_cue",
            "scare_cue",
            "first_person",
            "organisation_noun",
            "not_adverb",
            "business_noun",
            "speech_noun",
            "not_past",
        ] {
            let (_, bit) = CLASSES.iter().find(|(name, _)| *name == class).unwrap();
            assert!(
                lex.function_words.values().any(|bits| bits & bit != 0),
                "{class}"
            );
        }
        assert!(lex.is(class::PREPOSITION, "During"));
        assert!(lex.is(class::FIRST_PERSON, "I’ve"));
        assert!(lex.is(class::CLOSED, "The"));
        assert!(!lex.is(class::CLOSED, "Wang"));
        assert!(lex.is(class::ORGANISATION_NOUN, "group"));
        assert!(lex.is(class::BUSINESS_NOUN, "company"));
        assert!(!lex.is(class::BUSINESS_NOUN, "foundation"));
        assert!(lex.is(class::SPEECH_NOUN, "allegations"));
        assert!(lex.is(class::NOT_PAST, "bed"));
        assert!(!lex.is(class::NOT_PAST, "agreed"));
        assert!(lex.is_ly_adverb("quickly"));
        assert!(!lex.is_ly_adverb("family"));
        assert!(!lex.is_ly_adverb("ally"));
    }
}
