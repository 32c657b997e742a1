//! The data that flows between the pipeline's stages, and the owned result.
//!
//! Every span in here is a byte range into the original text handed to
//! [`crate::analyze`]; conversion to UTF-16 or code points happens in one
//! place, [`crate::offsets::OffsetIndex`], at the edges (CLI and wasm).

use serde::Serialize;

/// A half-open byte range `start..end` into the analysed text, always on
/// `char` boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// Returns the span `start..end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Returns the number of bytes covered.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// Returns true when the span covers no byte.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// Returns true when `other` lies entirely inside this span.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Returns true when the two spans share at least one byte.
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Returns the text the span covers.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// What a token is, as far as the later stages care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or abbreviation dots.
    Word,
    /// Digits, possibly with inner separators (`4.8`, `1,000`, `24/7`).
    Number,
    /// A quotation mark (its role is decided by the `quotes` stage).
    Mark,
    /// Any other single non-space character.
    Punct,
}

/// One token of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where the token stands.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

/// The tokens of a text, with the text and its lower case. [`Tokens::new`]
/// checks once that the spans are in order, apart, and on character
/// boundaries; the tokens never change after, and the lower case changes
/// only a whole token at a time, to a text of the same length
/// ([`Tokens::lower_in_place`]), so every span stays on character boundaries
/// of both texts and reading a token's text needs no check: the later stages
/// read token texts millions of times a second, and the two checks of a
/// `str` slice were a twentieth of the analysis. Dereferences to the tokens'
/// slice.
#[derive(Debug, Clone)]
pub struct Tokens<'t> {
    text: &'t str,
    lower: String,
    list: Vec<Token>,
}

impl<'t> Tokens<'t> {
    /// The tokens `list` of `text`, with the text's ASCII capitals made
    /// small as its lower case. Returns `None` if a span is reversed, starts
    /// before the previous one ends, or is not on character boundaries.
    pub fn new(text: &'t str, list: Vec<Token>) -> Option<Self> {
        let mut previous_end = 0;
        let fits = |t: &Token| {
            let Span { start, end } = t.span;
            let fits = previous_end <= start
                && start <= end
                && text.is_char_boundary(start)
                && text.is_char_boundary(end);
            previous_end = end;
            fits
        };
        list.iter().all(fits).then(|| Tokens {
            text,
            lower: text.to_ascii_lowercase(),
            list,
        })
    }

    /// Writes `low` as the lower case of token `i`, where it stands, when it
    /// has the token's length; returns whether it had.
    pub fn lower_in_place(&mut self, i: usize, low: &str) -> bool {
        let Span { start, end } = self.list[i].span;
        // The span's ends are character boundaries of `lower` (see the type),
        // and another text of the same length keeps them so.
        let fits = low.len() == end - start;
        if fits {
            self.lower.replace_range(start..end, low);
        }
        fits
    }

    /// No token: a text read as holding nothing.
    pub fn none(text: &'t str) -> Self {
        Tokens {
            text,
            lower: text.to_owned(),
            list: Vec::new(),
        }
    }

    /// Returns the text of token `i`.
    #[inline]
    pub fn text_of(&self, i: usize) -> &'t str {
        let Span { start, end } = self.list[i].span;
        // SAFETY: `new` checked that every span of `list` is in order and on
        // character boundaries of `text` (which is immutable and outlives
        // `self`); `list` is private and never changed after.
        unsafe { self.text.get_unchecked(start..end) }
    }

    /// Returns the lower-cased text at token `i`'s place (a token whose lower
    /// case is longer or shorter stands there as it is).
    #[inline]
    pub fn lower_of(&self, i: usize) -> &str {
        let Span { start, end } = self.list[i].span;
        // SAFETY: as in `text_of`, for `lower`, also private and immutable.
        unsafe { self.lower.get_unchecked(start..end) }
    }

    /// The text lower-cased where its tokens stand.
    pub fn lower_text(&self) -> &str {
        &self.lower
    }

    /// The text the tokens were cut from.
    pub fn text(&self) -> &'t str {
        self.text
    }
}

impl<'a> IntoIterator for &'a Tokens<'_> {
    type Item = &'a Token;
    type IntoIter = std::slice::Iter<'a, Token>;

    fn into_iter(self) -> Self::IntoIter {
        self.list.iter()
    }
}

impl std::ops::Deref for Tokens<'_> {
    type Target = [Token];

    fn deref(&self) -> &[Token] {
        &self.list
    }
}

/// A paragraph: one line of the input, without its line break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    /// The paragraph's text, trimmed of surrounding white space.
    pub span: Span,
    /// Index of its first token in [`Document::tokens`].
    pub first_token: usize,
    /// One past the index of its last token.
    pub end_token: usize,
}

/// A sentence inside one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence's text.
    pub span: Span,
    /// Index of the paragraph it belongs to.
    pub paragraph: usize,
    /// Index of its first token in [`Document::tokens`].
    pub first_token: usize,
    /// One past the index of its last token.
    pub end_token: usize,
}

/// The text stage's output: the text with its paragraphs, sentences and tokens.
#[derive(Debug, Clone)]
pub struct Document<'t> {
    /// The original text.
    pub text: &'t str,
    /// Every token, in order, with the text lower-cased where it stands:
    /// the rules compare lower-cased words everywhere, so it is made once.
    pub tokens: Tokens<'t>,
    /// Every non-empty paragraph, in order.
    pub paragraphs: Vec<Paragraph>,
    /// Every sentence, in order.
    pub sentences: Vec<Sentence>,
    /// For each token, the index of its sentence.
    pub sentence_of_token: Vec<usize>,
    /// The tokens whose lower case differs in length from the token ("İ"),
    /// by token index, in order: their lower case cannot stand in place.
    pub lower_elsewhere: Vec<(usize, String)>,
    /// For each token, what the lexicons and its spelling say of it.
    pub facts: Vec<Facts>,
}

impl<'t> Document<'t> {
    /// Returns the text of token `i`.
    #[inline]
    pub fn tok(&self, i: usize) -> &'t str {
        self.tokens.text_of(i)
    }

    /// Returns the index of the first token at or after byte `pos`.
    pub fn token_at(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < pos)
    }

    /// Counts the words of `span`: its runs between white space that hold a
    /// letter or a digit, read from the tokens ("A/B" is one word, "rock 'n'
    /// roll" three).
    pub fn words(&self, span: Span) -> usize {
        let mut count = 0;
        let mut new_run = true;
        let mut prev_end = span.start;
        for t in &self.tokens[self.token_at(span.start)..self.token_at(span.end)] {
            // Only white space lies between tokens.
            new_run |= t.span.start > prev_end;
            if new_run && matches!(t.kind, TokenKind::Word | TokenKind::Number) {
                count += 1;
                new_run = false;
            }
            prev_end = t.span.end;
        }
        count
    }

    /// Returns the lower-cased text of token `i`.
    #[inline(always)]
    pub fn low(&self, i: usize) -> &str {
        if self.facts[i].flags & fact::LOWER_ELSEWHERE != 0 {
            return self.low_elsewhere(i);
        }
        self.tokens.lower_of(i)
    }

    /// The lower case of a token whose lower case did not fit in place (rare).
    #[cold]
    fn low_elsewhere(&self, i: usize) -> &str {
        match self.lower_elsewhere.binary_search_by_key(&i, |(t, _)| *t) {
            Ok(k) => &self.lower_elsewhere[k].1,
            Err(_) => self.tokens.lower_of(i),
        }
    }

    /// True when token `i` is a word of one of the function-word `classes`
    /// (bits of [`crate::lexicon::class`]).
    #[inline]
    pub fn is(&self, i: usize, classes: u32) -> bool {
        self.facts[i].classes & classes != 0
    }

    /// True when token `i` has one of the properties `flags` (bits of [`fact`]).
    #[inline]
    pub fn has(&self, i: usize, flags: u16) -> bool {
        self.facts.get(i).is_some_and(|f| f.flags & flags != 0)
    }

    /// The lemma of token `i` when it is a reporting verb ("told" → "tell").
    #[inline]
    pub fn cue_lemma(&self, i: usize) -> Option<&'static str> {
        match self.facts[i].cue {
            0 => None, // most words
            id => crate::lexicon::lexicon().cue_lemma_by_id(id),
        }
    }
}

/// What the lexicons and the spelling say of one token, worked out once by
/// the text stage: the rules test bits instead of looking words up again.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Facts {
    /// Function-word classes (bits of [`crate::lexicon::class`]).
    pub classes: u32,
    /// The reporting verb's lemma, as 1 + its index in the lexicon; 0 for none.
    pub cue: u16,
    /// Bits of [`fact`].
    pub flags: u16,
}

/// The properties of a token in [`Facts::flags`].
pub mod fact {
    /// Its first character is an upper-case letter.
    pub const UPPER_FIRST: u16 = 1 << 0;
    /// A word written with a capital, or a name behind a lower-case particle
    /// prefix ("al-Sharif").
    pub const CAPITALIZED: u16 = 1 << 1;
    /// It can open a role phrase ("foreign" of "foreign minister").
    pub const ROLE_FIRST: u16 = 1 << 2;
    /// An organisation word ("ministry", "police").
    pub const ORGANIZATION: u16 = 1 << 3;
    /// An organisation word of a public body.
    pub const ORGANIZATION_OFFICIAL: u16 = 1 << 4;
    /// A group noun ("officials", "residents").
    pub const GROUP: u16 = 1 << 5;
    /// A group noun of officials.
    pub const GROUP_OFFICIAL: u16 = 1 << 6;
    /// An honorific written with a capital ("Mr", "Sen.").
    pub const HONORIFIC: u16 = 1 << 7;
    /// A particle inside names ("de", "bin", "van").
    pub const PARTICLE: u16 = 1 << 8;
    /// A role in one word ("minister", "spokesman").
    pub const ROLE: u16 = 1 << 9;
    /// Its lower case differs in length, and is kept in
    /// [`super::Document::lower_elsewhere`].
    pub const LOWER_ELSEWHERE: u16 = 1 << 10;
    /// The first word of a reporting phrase that is no verb of the lexicon
    /// ("according" to, "quoted" as saying, "cited").
    pub const CUE_PHRASE_START: u16 = 1 << 11;
    /// The first word of an organisation of the lexicon, in any case
    /// ("foreign" of "foreign ministry", "who"): the organisation lookups
    /// are made only from such words.
    pub const ORGANIZATION_START: u16 = 1 << 12;
    /// The first word of a nationality of the lexicon, in any case
    /// ("chinese", "south" of "South Korean"): the nationality lookups are
    /// made only from such words.
    pub const NATIONALITY_START: u16 = 1 << 13;
}

/// A pair of quotation marks and what lies between them, as found by the
/// `quotes` stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteSpan {
    /// From the opening mark to the closing mark, both included. A segment of
    /// a quotation running over several paragraphs ends with its paragraph.
    pub span: Span,
    /// What lies between the marks, trimmed of white space.
    pub inner: Span,
    /// The paragraph it stands in.
    pub paragraph: usize,
    /// How many other quotations enclose it.
    pub depth: u8,
    /// Segments of one multi-paragraph quotation share a group number;
    /// every other quotation has a group of its own.
    pub group: usize,
    /// True for the second and later segments of a multi-paragraph quotation.
    pub continued: bool,
    /// True when the closing mark is missing (the quotation ends with its
    /// paragraph, either because the next paragraph continues it or
    /// because the writer forgot the mark).
    pub open_ended: bool,
}

/// What a quotation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// The speaker's words, a clause or more, verbatim.
    Direct,
    /// A fragment of the speaker's words inside the writer's sentence.
    Partial,
    /// Distancing marks, nicknames, coined terms: nobody is quoted.
    Scare,
    /// The name of a work, programme, operation, sign or slogan.
    Title,
    /// Reported speech without quotation marks: the span is the claim.
    Indirect,
}

impl Kind {
    /// Returns the lower-case name used in the JSON output.
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Partial => "partial",
            Kind::Scare => "scare",
            Kind::Title => "title",
            Kind::Indirect => "indirect",
        }
    }
}

/// What kind of speaker a mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerType {
    /// One named or identifiable person.
    Person,
    /// A company, ministry, agency, country, court, newspaper or report.
    Organization,
    /// Several people: officials, residents, analysts.
    Group,
    /// A person the article does not name: a senior official.
    Anonymous,
}

/// Grammatical gender a pronoun can agree with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// he, him, his, Mr, father
    Male,
    /// she, her, Ms, mother
    Female,
    /// not known
    Unknown,
}

/// How a mention refers to its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionForm {
    /// It contains a proper name of a person ("Mr Wang", "Wang Yi").
    Name,
    /// A proper name of an organisation, country or body ("the Kremlin").
    OrgName,
    /// A description without a name ("the Chinese minister", "officials").
    Nominal,
    /// A personal pronoun ("he", "they", "it").
    Pronoun,
}

/// A stretch of text naming a (possible) speaker, with what it tells about them.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The words that name the speaker, appositives included.
    pub span: Span,
    /// How it refers.
    pub form: MentionForm,
    /// The person's name inside the mention ("Wang Yi"), or the
    /// organisation's name, or for a nominal its head phrase.
    pub name: String,
    /// The office or job ("foreign minister"), when the mention gives one.
    pub role: Option<String>,
    /// The country or organisation the speaker belongs to.
    pub affiliation: Option<String>,
    /// What kind of speaker this is.
    pub speaker_type: SpeakerType,
    /// Whether the mention marks an official (by role or body).
    pub official: bool,
    /// Gender, for pronoun agreement.
    pub gender: Gender,
    /// True for indefinite descriptions that introduce someone new ("a diplomat").
    pub indefinite: bool,
    /// True when the mention is the source of a reporting cue (not just a
    /// name standing somewhere in the text).
    pub is_source: bool,
    /// True for a name standing as the object of a preposition ("… in the
    /// housing minister, Rachel Osei"): a pronoun that follows speaks of the
    /// sentence's subject, not of this person.
    pub oblique: bool,
}

/// A reporting cue: the word or phrase that introduces speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// The cue's words ("said", "was quoted by Bloomberg as saying", "according to").
    pub span: Span,
    /// Index of the cue's first token.
    pub first_token: usize,
    /// One past the index of the cue's last token.
    pub end_token: usize,
    /// What shape the cue has.
    pub form: CueForm,
}

/// The shapes of reporting cues.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueForm {
    /// A reporting verb from the lexicon, in any inflection.
    Verb,
    /// "according to X".
    AccordingTo,
    /// "X was quoted (by M) as saying", "M quoted X as saying".
    QuotedAsSaying,
}

/// Which rule of the attribution sieve gave a quotation its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rule {
    /// A cue and its source in the quotation's own sentence.
    Cue,
    /// `X ...: “Q”` with no reporting verb.
    Colon,
    /// `“Q” — X`.
    Dash,
    /// Another quotation of the same paragraph has a speaker.
    SameParagraph,
    /// The quotation continues the speaker of the previous paragraph.
    Continuation,
    /// The quoted words also stand in a longer quotation with a speaker.
    Echo,
    /// A cue in a neighbouring sentence.
    Neighbour,
}

impl Rule {
    /// Returns the confidence this rule earns an attribution.
    pub const fn confidence(self) -> f32 {
        match self {
            Rule::Cue => 0.93,
            Rule::Dash => 0.85,
            Rule::Colon => 0.75,
            Rule::Echo => 0.7,
            Rule::SameParagraph => 0.8,
            Rule::Continuation => 0.7,
            Rule::Neighbour => 0.6,
        }
    }
}

/// One quotation (or reported claim) with its attribution.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quotation {
    /// From the opening to the closing mark; for `indirect`, the claim.
    pub span: Span,
    /// What it is.
    pub kind: Kind,
    /// Index into [`Analysis::speakers`], when a speaker is found.
    pub speaker: Option<usize>,
    /// The reporting word or phrase.
    pub cue: Option<Span>,
    /// The mention that attributes it.
    pub mention: Option<Span>,
    /// The medium or intermediary that relayed it ("Bloomberg", "in a statement").
    pub via: Option<String>,
    /// How sure the attribution is, in `[0, 1]`.
    pub confidence: f32,
    /// True for the second and later paragraphs of one quotation.
    pub continued: bool,
}

/// One speaker after merging every mention that refers to them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Speaker {
    /// Position in [`Analysis::speakers`].
    pub id: usize,
    /// The fullest name the text gives, or the describing phrase.
    pub name: String,
    /// Office or job.
    pub role: Option<String>,
    /// Country or organisation.
    pub affiliation: Option<String>,
    /// Person, organisation, group or anonymous.
    #[serde(rename = "type")]
    pub speaker_type: SpeakerType,
    /// Speaks for a government, state body, international body, party,
    /// military or police.
    pub official: bool,
    /// Every mention that refers to this speaker, in text order.
    pub mentions: Vec<Span>,
}

/// The result of [`crate::analyze`]: every quotation and every speaker.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Analysis {
    /// Quotations and claims in text order.
    pub quotes: Vec<Quotation>,
    /// Speakers, each quoted at least once.
    pub speakers: Vec<Speaker>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(start: usize, end: usize) -> Token {
        Token {
            span: Span::new(start, end),
            kind: TokenKind::Word,
        }
    }

    #[test]
    fn tokens_read_their_text_and_lower_case_past_curly_marks_and_emoji() {
        let text = "“Ça va” 🙂 Émile";
        // “ is 3 bytes, Ç 2, 🙂 4, É 2.
        let list = vec![token(3, 6), token(7, 9), token(13, 17), token(18, 24)];
        let mut tokens = Tokens::new(text, list).expect("every span on boundaries");
        assert_eq!(tokens.text_of(0), "Ça");
        // Only ASCII capitals are made small at first.
        assert_eq!(tokens.lower_of(0), "Ça");
        assert!(tokens.lower_in_place(0, "ça"));
        assert!(tokens.lower_in_place(3, "émile"));
        assert_eq!(tokens.lower_of(0), "ça");
        assert_eq!(tokens.text_of(2), "🙂");
        assert_eq!(tokens.text_of(3), "Émile");
        assert_eq!(tokens.lower_of(3), "émile");
        assert_eq!(tokens.len(), 4);
        assert_eq!(tokens.lower_text().len(), text.len());
    }

    #[test]
    fn tokens_refuse_spans_off_character_boundaries_or_out_of_bounds() {
        let text = "“Yes” 🙂";
        let ok = |list: Vec<Token>| Tokens::new(text, list).is_some();
        assert!(ok(vec![token(3, 6)]));
        assert!(ok(vec![token(0, 3), token(3, 6)]));
        assert!(!ok(vec![token(3, 6), token(4, 5)]), "overlapping");
        assert!(!ok(vec![token(3, 6), token(0, 3)]), "out of order");
        assert!(!ok(vec![token(1, 6)]), "inside the opening mark");
        assert!(!ok(vec![token(3, 7)]), "inside the closing mark");
        assert!(!ok(vec![token(13, 15)]), "inside the emoji");
        assert!(!ok(vec![token(6, 3)]), "reversed");
        assert!(!ok(vec![token(10, 100)]), "past the end");
        // A lower case of another length cannot stand in place.
        let mut dotted = Tokens::new("İ", vec![token(0, 2)]).expect("one whole letter");
        assert!(!dotted.lower_in_place(0, "i̇"));
        assert_eq!(dotted.lower_of(0), "İ");
        assert!(Tokens::none(text).is_empty());
    }
}
