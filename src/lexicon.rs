//! The lexicons: reporting verbs, abbreviations, honorifics, roles,
//! nationalities, organisations, groups, given names and function words.
//!
//! They are plain-text data files under `src/lexicon/`, embedded at compile
//! time and parsed once on first use. Gathered here, in one place, so that no
//! stage hides a word list in its `if`s.

use std::collections::{HashMap as StdHashMap, HashSet as StdHashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::types::Gender;

/// A fast, non-cryptographic hasher (the Fx hash of rustc) for the lexicon
/// tables: their keys are our own words, so flooding is no concern, and
/// lookups are most of the analyser's work.
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
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
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
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

/// The function-word classes of `function_words.txt`, in bit order.
const CLASSES: &[&str] = &[
    "determiner",
    "indefinite",
    "pronoun_male",
    "pronoun_female",
    "pronoun_plural",
    "pronoun_neuter",
    "pronoun_first",
    "preposition",
    "subordinator",
    "conjunction",
    "auxiliary",
    "temporal",
    "title_cue",
    "scare_cue",
    "first_person",
];

/// Returns `word` lower-cased, without allocating when it already is.
fn lowercase(word: &str) -> std::borrow::Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
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
    /// Longest role phrase, in words.
    pub max_role_words: usize,
    /// Nationality adjective → country.
    pub nationalities: HashMap<&'static str, &'static str>,
    /// Organisation word (lower case) → official.
    pub organizations: HashMap<String, bool>,
    /// Group noun (lower case) → official.
    pub groups: HashMap<&'static str, bool>,
    /// Given name → gender.
    pub given_names: HashMap<&'static str, Gender>,
    /// Function word → bit set of its classes (bit order of `CLASSES`).
    pub function_words: HashMap<&'static str, u32>,
    /// First words of role phrases, to rule most tokens out at once.
    pub role_first_words: HashSet<String>,
}

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
        for line in lines(ROLES) {
            if let Some((flag, role)) = line.split_once(' ') {
                let role = role.trim().to_lowercase();
                max_role_words = max_role_words.max(role.split_whitespace().count());
                roles.insert(role, official_flag(flag));
            }
        }

        let nationalities = lines(NATIONALITIES)
            .filter_map(|l| l.split_once('|'))
            .map(|(adj, country)| (adj.trim(), country.trim()))
            .collect();

        let organizations = lines(ORGANIZATIONS)
            .filter_map(|l| l.split_once(' '))
            .map(|(flag, word)| (word.trim().to_lowercase(), official_flag(flag)))
            .collect();

        let groups = lines(GROUPS)
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
            let Some(bit) = CLASSES.iter().position(|c| *c == class) else {
                continue;
            };
            for w in words {
                *function_words.entry(w).or_default() |= 1 << bit;
            }
        }
        let role_first_words = roles
            .keys()
            .filter_map(|r| r.split(' ').next())
            .map(str::to_string)
            .collect();

        Lexicon {
            cue_forms,
            cue_examples,
            abbreviations,
            abbreviation_examples,
            sentence_openers,
            honorifics,
            honorific_roles,
            roles,
            max_role_words,
            nationalities,
            organizations,
            groups,
            given_names,
            function_words,
            role_first_words,
        }
    }

    /// Returns true when `word` (any case) belongs to function-word class `class`.
    pub fn is(&self, class: &str, word: &str) -> bool {
        let Some(bit) = CLASSES.iter().position(|c| *c == class) else {
            return false;
        };
        self.function_words
            .get(lowercase(word).as_ref())
            .is_some_and(|bits| bits & (1 << bit) != 0)
    }

    /// Returns true for determiners, pronouns, prepositions, conjunctions,
    /// auxiliaries and time words: words that are never names.
    pub fn is_closed_class(&self, word: &str) -> bool {
        const NOT_NAMES: &[&str] = &[
            "determiner",
            "preposition",
            "subordinator",
            "conjunction",
            "pronoun_male",
            "pronoun_female",
            "pronoun_plural",
            "pronoun_neuter",
            "auxiliary",
            "temporal",
        ];
        let mask = NOT_NAMES
            .iter()
            .filter_map(|c| CLASSES.iter().position(|x| x == c))
            .fold(0u32, |m, b| m | 1 << b);
        self.function_words
            .get(lowercase(word).as_ref())
            .is_some_and(|bits| bits & mask != 0)
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

    /// Returns the country a nationality adjective names.
    pub fn country_of(&self, adjective: &str) -> Option<&'static str> {
        self.nationalities.get(adjective).copied()
    }

    /// Returns true when `word` names a known country.
    pub fn is_country(&self, word: &str) -> bool {
        self.nationalities.values().any(|c| *c == word)
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
        for class in [
            "determiner",
            "preposition",
            "subordinator",
            "auxiliary",
            "title_cue",
            "scare_cue",
            "first_person",
        ] {
            assert!(
                lex.function_words.values().any(|bits| bits
                    & (1 << CLASSES.iter().position(|c| c == &class).unwrap())
                    != 0),
                "{class}"
            );
        }
        assert!(lex.is("preposition", "During"));
        assert!(lex.is("first_person", "I’ve"));
    }
}
