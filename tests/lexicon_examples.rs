//! Every lexicon entry carries an example, and every example does what the
//! entry says: each reporting verb attributes the quotation in its example
//! through that verb, each abbreviation keeps its example one sentence, and
//! each group noun names the source of a claim.
#![cfg(not(target_family = "wasm"))]

use quotelight::lexicon::lexicon;
use quotelight::{analyze, Kind, Options, SpeakerType};

#[test]
fn every_reporting_verb_attributes_its_example() {
    let lex = lexicon();
    let mut failures = Vec::new();
    for (lemma, example) in &lex.cue_examples {
        let analysis = analyze(example, &Options::default());
        let ok = analysis.quotes.iter().any(|q| {
            matches!(q.kind, Kind::Direct | Kind::Partial)
                && q.speaker.is_some()
                && q.cue
                    .is_some_and(|c| lex.cue_lemma(c.slice(example)) == Some(lemma))
        });
        if !ok {
            failures.push(format!("{lemma}: {example}"));
        }
    }
    assert!(
        failures.is_empty(),
        "examples not attributed through their verb:\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_abbreviation_keeps_its_example_one_sentence() {
    let lex = lexicon();
    for (abbreviation, example) in &lex.abbreviation_examples {
        let doc = quotelight::text::segment(example);
        assert_eq!(doc.sentences.len(), 1, "{abbreviation}: {example}");
    }
}

#[test]
fn every_group_noun_names_the_source_of_a_claim() {
    let lex = lexicon();
    let mut failures = Vec::new();
    for noun in lex.groups.keys().filter(|w| !w.contains(' ')) {
        let text = format!("The {noun} said that the plan was fair.");
        let analysis = analyze(&text, &Options::default());
        let ok = analysis.quotes.iter().any(|q| {
            q.kind == Kind::Indirect
                && q.speaker.is_some_and(|s| {
                    let speaker = &analysis.speakers[s];
                    speaker.name.ends_with(noun)
                        && matches!(
                            speaker.speaker_type,
                            SpeakerType::Group | SpeakerType::Organization
                        )
                })
        });
        if !ok {
            failures.push(text);
        }
    }
    assert!(
        failures.is_empty(),
        "group nouns that did not name the source:\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_leader_office_is_what_the_leader_refers_back_to() {
    let lex = lexicon();
    let mut failures = Vec::new();
    for office in &lex.leader_offices {
        assert!(lex.roles.contains_key(*office), "{office} is not a role");
        let text = format!(
            "“We will rebuild,” said Portuguese {office} Ana Moreira.\n\n\
             “We will not rest,” the Portuguese leader added."
        );
        let analysis = analyze(&text, &Options::default());
        let speakers: Vec<Option<usize>> = analysis.quotes.iter().map(|q| q.speaker).collect();
        if speakers.len() != 2 || speakers[0].is_none() || speakers[0] != speakers[1] {
            failures.push(text);
        }
    }
    assert!(
        failures.is_empty(),
        "leader offices the leader did not refer back to:\n{}",
        failures.join("\n")
    );
}
