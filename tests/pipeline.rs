//! Named end-to-end cases for every construction the core must handle:
//! attribution arrangements, speaker mentions and their merging, kinds,
//! quotation marks and non-speech uses of cue words.
#![cfg(not(target_family = "wasm"))]

use quotelight::{analyze, Analysis, Kind, Options, Speaker, SpeakerType};

fn run(text: &str) -> Analysis {
    analyze(text, &Options::default())
}

/// (kind, text between the marks, speaker name) of every quotation
/// (reported claims without marks are tested in `src/claims.rs`).
fn who(text: &str) -> Vec<(Kind, String, Option<String>)> {
    let a = run(text);
    a.quotes
        .iter()
        .filter(|q| q.kind != Kind::Indirect)
        .map(|q| {
            let t = q.span.slice(text);
            let inner: String = t
                .chars()
                .skip(1)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .skip(1)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            (q.kind, inner, q.speaker.map(|s| a.speakers[s].name.clone()))
        })
        .collect()
}

fn speaker_of(text: &str, quote_part: &str) -> Option<String> {
    who(text)
        .into_iter()
        .find(|(_, t, _)| t.contains(quote_part))
        .and_then(|(_, _, s)| s)
}

/// The whole speaker (type, role, …) of the quotation or claim whose text
/// contains `part`.
fn speaker_record_of(text: &str, part: &str) -> Speaker {
    let a = run(text);
    let q = a
        .quotes
        .iter()
        .find(|q| q.span.slice(text).contains(part))
        .expect("quotation or claim found");
    a.speakers[q.speaker.expect("attributed")].clone()
}

fn kind_of(text: &str, quote_part: &str) -> Kind {
    who(text)
        .into_iter()
        .find(|(_, t, _)| t.contains(quote_part))
        .map(|(k, _, _)| k)
        .expect("quotation found")
}

/// The words of the cue and of the mention that attribute the quotation
/// (not a claim) whose text contains `quote_part`.
fn cue_and_mention_of<'t>(text: &'t str, quote_part: &str) -> (Option<&'t str>, Option<&'t str>) {
    let a = run(text);
    let q = a
        .quotes
        .iter()
        .find(|q| q.kind != Kind::Indirect && q.span.slice(text).contains(quote_part))
        .expect("quotation found");
    (
        q.cue.map(|c| c.slice(text)),
        q.mention.map(|m| m.slice(text)),
    )
}

// --- Attribution arrangements.

#[test]
fn quote_then_name_said() {
    let t = "“We will rebuild,” Ana Ribeiro said.";
    assert_eq!(speaker_of(t, "rebuild").as_deref(), Some("Ana Ribeiro"));
    assert_eq!(kind_of(t, "rebuild"), Kind::Direct);
}

#[test]
fn organisation_named_by_a_plural_possessive() {
    let t = "“We are ready to strike again,” the nurses’ union said on Friday.";
    assert_eq!(
        speaker_of(t, "ready to strike").as_deref(),
        Some("the nurses’ union")
    );
    let a = run(t);
    assert_eq!(a.speakers[0].speaker_type, SpeakerType::Organization);
}

#[test]
fn sentence_opening_modifier_of_a_group_is_no_name() {
    for (text, name) in [
        ("“The road is closed,” aid agencies said.", "aid agencies"),
        ("Aid agencies said: “The road is closed.”", "Aid agencies"),
        ("Health workers said: “The ward is full.”", "Health workers"),
    ] {
        let a = run(text);
        assert_eq!(a.speakers.len(), 1, "{text}");
        assert_eq!(a.speakers[0].name, name, "{text}");
        assert_eq!(a.speakers[0].speaker_type, SpeakerType::Group, "{text}");
    }
}

#[test]
fn international_body_is_an_organisation() {
    let t = "Amnesty International said: “The trial was unfair from the start.”";
    let a = run(t);
    assert_eq!(a.speakers[0].name, "Amnesty International");
    assert_eq!(a.speakers[0].speaker_type, SpeakerType::Organization);
}

#[test]
fn quote_then_said_name() {
    let t = "“We will rebuild,” said Ana Ribeiro, the finance minister.";
    let a = run(t);
    assert_eq!(a.speakers[0].name, "Ana Ribeiro");
    assert_eq!(a.speakers[0].role.as_deref(), Some("finance minister"));
}

#[test]
fn name_said_colon_quote() {
    let t = "Mr Lavrov, during his visit to Beijing in March, said: “We will move towards a multipolar world.”";
    assert_eq!(speaker_of(t, "multipolar").as_deref(), Some("Lavrov"));
    assert_eq!(kind_of(t, "multipolar"), Kind::Direct);
}

#[test]
fn partial_inside_reported_clause() {
    let t = "The Chinese minister said security should not come through “strengthening military groups”.";
    assert_eq!(kind_of(t, "military"), Kind::Partial);
    assert_eq!(
        speaker_of(t, "military").as_deref(),
        Some("The Chinese minister")
    );
}

#[test]
fn it_inside_what_a_person_said_does_not_speak() {
    // "It" is the museum, not the speaker: the words are Ms. Ortiz's.
    let t = "Ms. Ortiz, opening the museum, said it would tell a national story, one of “loss and delight.”";
    assert_eq!(speaker_of(t, "loss").as_deref(), Some("Ortiz"));
    // After an organisation, "it" is that organisation.
    let t = "The airline said it would tell passengers about a “temporary glitch.”";
    assert_eq!(cue_and_mention_of(t, "glitch"), (Some("tell"), Some("it")));
    assert_eq!(speaker_of(t, "glitch").as_deref(), Some("The airline"));
}

#[test]
fn a_thing_after_the_reporting_verb_is_no_speaker() {
    let t = "Speaker Alana Reyes said the spate of police shootings demands that voters engage in “more listening.”";
    assert_eq!(speaker_of(t, "listening").as_deref(), Some("Alana Reyes"));
}

#[test]
fn a_document_saying_speaks_for_its_author() {
    let t = "Ms. Ortiz sent a series of tweets early Friday saying that her rival was “a fraud.”";
    assert_eq!(speaker_of(t, "fraud").as_deref(), Some("Ortiz"));
    let t = "The senator released a statement on Friday saying he did not “condone those remarks.”";
    assert_eq!(
        cue_and_mention_of(t, "condone"),
        (Some("saying"), Some("The senator"))
    );
}

#[test]
fn a_plural_cue_form_after_a_possessive_or_a_named_modifier_is_a_noun() {
    for t in [
        "The senator’s comments echoed the mayor’s talk of a “vast conspiracy.”",
        "In a series of Twitter posts, the mayor lamented a “total lack of support.”",
    ] {
        let (cue, _) = cue_and_mention_of(t, "“");
        assert!(!matches!(cue, Some("comments" | "posts")), "{t}");
    }
    // After a word that may open a clause, it is the verb.
    let t = "Shares fell after CEO warns of a “painful” year.";
    assert_eq!(cue_and_mention_of(t, "painful").0, Some("warns"));
}

#[test]
fn a_time_before_the_subject_is_not_the_subject() {
    let t = "Two months later, the mayor addressed a convention, telling them “thank you for marching.”";
    assert_eq!(speaker_of(t, "marching").as_deref(), Some("the mayor"));
}

#[test]
fn rated_referred_to_and_brushed_off_as_describe() {
    for (t, part, speaker) in [
        (
            "PolitiFact rated 32% of the claims as “false” on Monday.",
            "false",
            "PolitiFact",
        ),
        (
            "At one point, Ms. Ortiz referred to him as “the arsonist.”",
            "arsonist",
            "Ortiz",
        ),
        (
            "Mr. Dale brushed off the remarks as “idle talk,” and moved on.",
            "idle",
            "Dale",
        ),
        (
            "Mr. Dale brushed off remarks he made in 2005 about his rivals and their families as “idle talk.”",
            "idle",
            "Dale",
        ),
        (
            "Ms. Ortiz attacked her rival after dismissing the video as “old news” on Sunday.",
            "old news",
            "Ortiz",
        ),
    ] {
        assert_eq!(speaker_of(t, part).as_deref(), Some(speaker), "{t}");
    }
}

#[test]
fn a_name_after_the_verb_keeps_its_capitalised_cue_word_and_drops_its_day() {
    for (t, speaker) in [
        (
            "“We are not blind to that,” wrote The Post, which backed her anyway.",
            "Post",
        ),
        ("“Fine,” said The Washington Post.", "Washington Post"),
        ("“Fine,” said Ortiz Tuesday.", "Ortiz"),
    ] {
        assert_eq!(
            speaker_of(t, "Fine")
                .or_else(|| speaker_of(t, "blind"))
                .as_deref(),
            Some(speaker),
            "{t}"
        );
    }
}

#[test]
fn a_possessive_name_stands_for_the_article() {
    let t = "Northgate’s parent said that “the plan was dead.”";
    assert_eq!(
        cue_and_mention_of(t, "dead"),
        (Some("said"), Some("Northgate’s parent"))
    );
}

#[test]
fn a_participle_after_by_or_opening_the_sentence_has_its_clause_subject() {
    let t = "Dr. Dean appeared on television and began by saying he would “never” diagnose anyone.";
    assert_eq!(speaker_of(t, "never").as_deref(), Some("Dean"));
    let t =
        "After saying her foot was “so swollen I could barely walk,” she was taken to hospital.";
    assert_eq!(
        cue_and_mention_of(t, "swollen"),
        (Some("saying"), Some("she"))
    );
}

#[test]
fn the_verb_before_an_infinitive_cue_is_not_part_of_the_subject() {
    for (t, part, mention) in [
        (
            "Mr. Dale appeared to acknowledge the gap and asked for “a friendly Congress.”",
            "friendly",
            "Mr. Dale",
        ),
        (
            "The mayor went on to describe the plan as “a disaster.”",
            "disaster",
            "The mayor",
        ),
        (
            "The minister is expected to announce “a new deal.”",
            "new deal",
            "The minister",
        ),
    ] {
        assert_eq!(cue_and_mention_of(t, part).1, Some(mention), "{t}");
    }
}

#[test]
fn chanted_reports() {
    let t = "Protesters marching through the streets chanted “What curfew?” and kept going.";
    assert_eq!(speaker_of(t, "curfew").as_deref(), Some("Protesters"));
}

#[test]
fn held_reports_only_before_that() {
    let a = run("The court held that the sale was void.");
    assert!(a.quotes.iter().any(|q| q.kind == Kind::Indirect));
    for t in [
        "The Zambara Renewal Initiative, which held a meeting on Monday, grew.",
        "The nation has held six elections since 1994, and only one was close.",
    ] {
        let a = run(t);
        assert!(a.quotes.iter().all(|q| q.kind != Kind::Indirect), "{t}");
        assert!(
            a.speakers
                .iter()
                .all(|s| s.speaker_type != SpeakerType::Person),
            "{t}"
        );
    }
}

#[test]
fn a_noun_for_words_names_its_possessor_as_speaker() {
    for (t, part, speaker) in [
        (
            "The remarks echoed Dana Whitfield’s allegations of a “vast conspiracy” years ago.",
            "vast",
            "Dana Whitfield",
        ),
        (
            "Ana Ortiz spoke for an hour. Her warnings that the count was “rigged” angered many.",
            "rigged",
            "Ana Ortiz",
        ),
    ] {
        assert_eq!(speaker_of(t, part).as_deref(), Some(speaker), "{t}");
        assert_eq!(kind_of(t, part), Kind::Partial, "{t}");
    }
    // Who called the remarks something is the one who speaks.
    let t = "Ms. Moore called Mr. Dale’s remarks on Saturday “a true wake-up call.”";
    assert_ne!(speaker_of(t, "wake-up").as_deref(), Some("Dale"));
}

#[test]
fn charged_reports_only_what_follows_it() {
    let t = "The union charged that the firm had “broken every promise.”";
    assert_eq!(speaker_of(t, "promise").as_deref(), Some("The union"));
    let t = "He was charged with “reckless endangerment” last year.";
    assert_eq!(kind_of(t, "reckless"), Kind::Scare);
}

#[test]
fn said_adding_second_quote() {
    let t = "“The talks went well,” Ms Okafor said, adding “there is more to do”.";
    assert_eq!(speaker_of(t, "more to do").as_deref(), Some("Okafor"));
}

#[test]
fn interrupted_quotation_stays_direct() {
    let t = "“We value our nurses,” Delaney added, “and we remain committed to a fair agreement.”";
    assert_eq!(kind_of(t, "We value"), Kind::Direct);
    assert_eq!(kind_of(t, "remain committed"), Kind::Direct);
    assert_eq!(
        speaker_of(t, "remain committed").as_deref(),
        Some("Delaney")
    );
}

#[test]
fn weak_verb_after_its_medium_introduces_the_quote() {
    let t = "Mayor Tom Adeyemi, who visited a picket line on Friday, posted on X that both sides \
             should “get back to the table and stay there”.";
    assert_eq!(
        speaker_of(t, "back to the table").as_deref(),
        Some("Tom Adeyemi")
    );
    // A weekday in the appositive is a time, not the mayor's affiliation.
    assert_eq!(run(t).speakers[0].affiliation, None);
}

#[test]
fn pronoun_after_a_fronted_company_name() {
    // "Harbor Health" is a company (its last word says so), so "she" is the
    // union president of the sentence before.
    let t = "Union president Gloria Mensah was less diplomatic. Harbor Health, she told \
             reporters, had “spent more on consultants than on nurses”.";
    assert_eq!(
        speaker_of(t, "consultants").as_deref(),
        Some("Gloria Mensah")
    );
}

#[test]
fn pronoun_skips_a_person_named_after_a_preposition() {
    // "she" is the spokeswoman who spoke, not the minister she spoke of; and
    // "Mr" was Mr Hartley's title, not the spokeswoman's.
    let t = "Mr Hartley's spokeswoman said the prime minister had “full confidence” in the \
             housing minister, Rachel Osei.\n\n“The minister has acted quickly,” she said.";
    assert_eq!(
        speaker_of(t, "acted quickly").as_deref(),
        Some("Mr Hartley's spokeswoman")
    );
}

#[test]
fn naming_verb_quotes_the_reported_speaker_or_names_a_work() {
    let t = "The ministry said its team had been flexible and blamed the other side for what \
             it called “a policy of delay”.";
    assert_eq!(kind_of(t, "policy of delay"), Kind::Partial);
    assert_eq!(
        speaker_of(t, "policy of delay").as_deref(),
        Some("The ministry")
    );
    let t = "They watched a film called “the last summer” on Friday.";
    assert_eq!(kind_of(t, "last summer"), Kind::Title);
}

#[test]
fn describing_something_as_a_quoted_phrase_quotes_who_describes() {
    let t = "Former Governor Ana Ruiz criticized the new law as a “crazy system” during a \
             campaign stop.";
    assert_eq!(kind_of(t, "crazy system"), Kind::Partial);
    assert_eq!(speaker_of(t, "crazy system").as_deref(), Some("Ana Ruiz"));
    let t = "The two delegations described the talks as “constructive” on Tuesday.";
    assert_eq!(kind_of(t, "constructive"), Kind::Partial);
    // No one describes in a passive without its agent.
    let t = "The film was described as “a triumph” in the trade press.";
    assert_eq!(kind_of(t, "a triumph"), Kind::Scare);
}

#[test]
fn as_someone_put_it_attributes_and_put_otherwise_reports_nothing() {
    let t = "As Lena Ortiz, a tax lawyer in Denver, recently put it, “Did he avoid tax or \
             evade it?”";
    assert_eq!(speaker_of(t, "avoid tax").as_deref(), Some("Lena Ortiz"));
    let t = "Lena Ortiz read one page aloud, then put the book down and explained why she \
             wrote it. “The hands forget first,” she said.";
    assert_eq!(speaker_of(t, "hands forget").as_deref(), Some("Lena Ortiz"));
    assert!(run(t).speakers.iter().all(|s| !s.name.contains("book")));
}

#[test]
fn relative_who_before_a_cue_speaks_for_the_name_before_it() {
    let t = "Ruiz has a frosty relationship with Mitch Calloway, now the majority leader, who in \
             2010 said the party’s main goal was to make Ruiz a “one-term governor.”";
    assert_eq!(
        speaker_of(t, "one-term governor").as_deref(),
        Some("Mitch Calloway")
    );
}

#[test]
fn progressive_naming_verb_and_name_opening_the_sentence_give_the_speaker() {
    let t = "The candidate’s physician is calling him “extremely physically fit.”";
    assert_eq!(kind_of(t, "physically fit"), Kind::Partial);
    let t = "Senator Ana Ruiz spoke about the shooting, arguing that such killings should be \
             recognized as “intolerable.”";
    assert_eq!(speaker_of(t, "intolerable").as_deref(), Some("Ana Ruiz"));
    let t = "In a statement, President Obama condemned the test as \"provocative and \
             destabilizing\" and a \"grave threat\" to the region.";
    assert_eq!(speaker_of(t, "grave threat").as_deref(), Some("Obama"));
}

#[test]
fn a_document_reads_out_its_words_and_people_read_books() {
    let t = "“We see schools offering families hope,” the letter reads. “Our children are \
             thriving.”";
    assert_eq!(
        speaker_of(t, "offering families").as_deref(),
        Some("the letter")
    );
    let t = "The statement read: “We regret the delay and will publish the data next week.”";
    assert_eq!(
        speaker_of(t, "regret the delay").as_deref(),
        Some("The statement")
    );
    // A short sign stays a title; a person reading says nothing.
    let t = "“New lower prices,” reads one sign.";
    assert_eq!(kind_of(t, "lower prices"), Kind::Title);
    let t = "He reads the paper every morning, his wife said.";
    let cues: Vec<Option<&str>> = run(t)
        .quotes
        .iter()
        .map(|q| q.cue.map(|c| c.slice(t)))
        .collect();
    assert_eq!(cues, vec![Some("said")]);
}

#[test]
fn a_day_after_a_body_is_no_part_of_its_name() {
    let t = "The United Nations Security Council on Friday condemned the test as “a clear threat \
             to peace.”";
    assert_eq!(
        speaker_of(t, "clear threat").as_deref(),
        Some("United Nations Security Council")
    );
}

#[test]
fn sentence_opening_capital_is_no_antecedent_for_which() {
    let t = "Instead, the study -- which notes that firms would owe billions, “equal to three \
             state budgets,” if taxed properly -- should alarm voters.";
    assert!(run(t).speakers.iter().all(|s| s.name != "Instead"));
}

#[test]
fn what_someone_called_quotes_them_however_short() {
    let t = "The bank stressed that few staff took part in what several senators called \
             “fraud” during the hearing.";
    assert_eq!(kind_of(t, "fraud"), Kind::Partial);
    assert_eq!(speaker_of(t, "fraud").as_deref(), Some("several senators"));
    // A title is still a title.
    let t = "The dispute is over what the studio called “Northern Lights” in its filing.";
    assert_ne!(kind_of(t, "Northern Lights"), Kind::Partial);
}

#[test]
fn marked_words_listed_after_a_partial_quotation_are_the_same_speakers() {
    let t = "Senator Ruiz called the governor a “serial liar” who is “utterly reckless,” a \
             “bully” and a “danger to the state.”";
    for part in [
        "serial liar",
        "utterly reckless",
        "bully",
        "danger to the state",
    ] {
        assert_eq!(kind_of(t, part), Kind::Partial, "{part}");
        assert_eq!(speaker_of(t, part).as_deref(), Some("Ruiz"), "{part}");
    }
    // Marked words further on in the writer's own sentence stay scare quotes.
    let t = "Senator Ruiz called the governor a “serial liar” on a day when the \
             “summer slowdown” began.";
    assert_eq!(kind_of(t, "summer slowdown"), Kind::Scare);
}

#[test]
fn groups_of_different_countries_stay_apart() {
    let t = "Mexican officials said the water never reached the river. American officials said \
             the loss came from evaporation.";
    let a = run(t);
    let names: Vec<&str> = a.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, vec!["Mexican officials", "American officials"]);
}

#[test]
fn two_hyphens_and_the_horizontal_bar_are_dashes() {
    let t = "John Dickey, the chief executive of Ora Media -- the company that makes the show \
             -- told reporters, “We are a content provider.”";
    assert_eq!(
        speaker_of(t, "content provider").as_deref(),
        Some("John Dickey")
    );
    let t = "Asked about the audit ― which found he had paid nothing for years ― Tom Harlan \
             boasted, “That makes me smart.”";
    assert_eq!(
        speaker_of(t, "makes me smart").as_deref(),
        Some("Tom Harlan")
    );
}

#[test]
fn attribution_after_the_quotation_reads_past_a_title_period() {
    let t = "“It just amazed me how quickly they rushed through everything,” Mr. Clarke \
             recalled of the hearings.";
    assert_eq!(speaker_of(t, "amazed me").as_deref(), Some("Clarke"));
}

#[test]
fn cue_in_a_clause_of_its_own_after_the_quotation_does_not_attribute_it() {
    let t = "Lynch said she speaks about race because “you talk about the issues in front of \
             you,” though she noted the caseload had changed.";
    assert_eq!(kind_of(t, "talk about the issues"), Kind::Partial);
    assert_eq!(
        cue_and_mention_of(t, "talk about the issues").0,
        Some("said")
    );
}

#[test]
fn reporting_verb_inside_what_is_said_has_its_own_subject_after_the_cue() {
    let t = "A cashier who hid in the back told detectives she heard the robber shout \"Give \
             me the till\" moments before the alarm, according to the filing.";
    assert_eq!(cue_and_mention_of(t, "Give me").1, Some("the robber"));
}

#[test]
fn age_and_noun_describe_a_person_who_speaks() {
    let t = "When pressed on why the plan leaves out fathers, the 34-year-old mother of three \
             replied, \"It is meant to help the mother who has given birth.\"";
    let a = run(t);
    assert_eq!(
        a.quotes.len(),
        1,
        "no claim is read from the clause before the cue"
    );
    assert_eq!(
        cue_and_mention_of(t, "meant to help").1,
        Some("the 34-year-old mother")
    );
}

#[test]
fn participle_after_a_cue_word_that_reports_nothing_takes_the_subject() {
    let t = "Tom Harlan was defensive when forced to explain not paying a contractor, saying, \
             “Maybe he didn’t do a good job.”";
    assert_eq!(speaker_of(t, "good job").as_deref(), Some("Tom Harlan"));
}

#[test]
fn participle_after_a_name_introduces_that_persons_words() {
    let t = "The new ad uses footage of Maria Ruiz asking, “Why aren’t I further ahead?”";
    assert_eq!(
        speaker_of(t, "further ahead").as_deref(),
        Some("Maria Ruiz")
    );
    let t = "The spot ends with video of Tom Harlan saying during the debate last week, “That \
             makes me smart.”";
    assert_eq!(
        speaker_of(t, "makes me smart").as_deref(),
        Some("Tom Harlan")
    );
    // A day is no speaker.
    let t = "The mayor’s office released a statement Tuesday saying “the matter is closed.”";
    assert_ne!(
        speaker_of(t, "matter is closed").as_deref(),
        Some("Tuesday")
    );
}

#[test]
fn pronoun_with_a_joined_verb_is_the_subject() {
    let t = "Tom Ruiz said on Friday he would run again. He’s claiming that voter fraud is “a \
             big, big problem in this country.”";
    assert_eq!(kind_of(t, "big problem"), Kind::Partial);
    assert_eq!(cue_and_mention_of(t, "big problem").1, Some("He"));
    assert_eq!(speaker_of(t, "big problem").as_deref(), Some("Tom Ruiz"));
}

#[test]
fn naming_verb_before_words_in_the_first_person_quotes_who_named() {
    let t = "Governor Ruiz called the holiday “a celebration of the ways faith can unite us.”";
    assert_eq!(kind_of(t, "celebration"), Kind::Partial);
    assert_eq!(speaker_of(t, "celebration").as_deref(), Some("Ruiz"));
}

#[test]
fn modifier_opening_a_sentence_is_not_a_name() {
    let a = run("Former employees said the warehouse was chaotic.");
    assert_eq!(a.speakers[0].name, "Former employees");
    let a = run("“The jury saw the video,” said Assistant District Attorney Marcus Ofori.");
    assert_eq!(a.speakers[0].name, "Marcus Ofori");
    assert!(a.speakers[0].official);
}

#[test]
fn colon_subject_keeps_its_appositive_name() {
    let t =
        "United's captain, Leon Achterberg, praised the travelling fans: “They sang for ninety \
             minutes. We owed them that.”";
    let a = run(t);
    assert_eq!(a.speakers[0].name, "Leon Achterberg");
    assert_eq!(a.speakers[0].role.as_deref(), Some("captain"));
}

#[test]
fn relative_who_is_not_the_world_health_organization() {
    let t =
        "“It is careful work,” said Daniel Reyes, a neurologist at Imperial College who was not \
             involved in the study.";
    let a = run(t);
    assert_eq!(a.speakers[0].role.as_deref(), Some("neurologist"));
    assert_eq!(
        a.speakers[0].affiliation.as_deref(),
        Some("Imperial College")
    );
}

#[test]
fn role_holding_an_ing_word() {
    let t = "“We are truly sorry,” the airline's chief operating officer, Ingrid Solberg, said.";
    let a = run(t);
    assert_eq!(a.speakers[0].name, "Ingrid Solberg");
    assert_eq!(
        a.speakers[0].role.as_deref(),
        Some("chief operating officer")
    );
    // A company office: not an official.
    assert!(!a.speakers[0].official);
}

#[test]
fn according_to_source() {
    let t = "The deal is “dead in the water”, according to Sen. Maria Whitfield.";
    assert_eq!(
        speaker_of(t, "dead in the water").as_deref(),
        Some("Maria Whitfield")
    );
}

#[test]
fn quoted_by_medium_as_saying() {
    let t = "“China is willing to work together with Russia,” Chinese foreign minister Wang Yi was quoted by Bloomberg as saying.";
    let a = run(t);
    assert_eq!(a.speakers[0].name, "Wang Yi");
    assert_eq!(a.quotes[0].via.as_deref(), Some("Bloomberg"));
    let cue = a.quotes[0].cue.unwrap();
    assert_eq!(cue.slice(t), "was quoted by Bloomberg as saying");
}

#[test]
fn readout_quoting_a_minister() {
    let t = "A readout from the foreign ministry quoted Mr Wang as saying relations had “withstood the new test”.";
    let a = run(t);
    assert_eq!(a.speakers[0].name, "Wang");
    assert_eq!(
        a.quotes[0].via.as_deref(),
        Some("A readout from the foreign ministry")
    );
}

#[test]
fn dash_after_quote() {
    let t =
        "‘People here have stuck with us through everything.’ — Raymond O’Sullivan, club chairman";
    assert_eq!(
        speaker_of(t, "stuck with us").as_deref(),
        Some("Raymond O’Sullivan")
    );
}

#[test]
fn unattributed_paragraph_continues_previous_speaker() {
    let t = "Mr Wang said the talks had been “frank”.\n\n“China and Russia should continue to join hands with peace-loving countries.”";
    assert_eq!(speaker_of(t, "join hands").as_deref(), Some("Wang"));
}

#[test]
fn attribution_in_previous_sentence() {
    let t = "Forte said the deal was fair to both sides. “We like it a lot.”";
    assert_eq!(speaker_of(t, "We like it").as_deref(), Some("Forte"));
}

#[test]
fn second_quote_of_paragraph_keeps_speaker() {
    let t = "“That’s why they need grocery to work,” Forte said. “Grocery’s a very big category.”";
    assert_eq!(speaker_of(t, "big category").as_deref(), Some("Forte"));
}

#[test]
fn quote_with_question_mark_keeps_its_attribution() {
    let t = "“Do they take the profit and reinvest it?” Forte asked.";
    assert_eq!(speaker_of(t, "reinvest").as_deref(), Some("Forte"));
}

// --- Speakers and their merging.

#[test]
fn title_phrase_surname_role_and_pronoun_are_one_speaker() {
    let t = "“We will work together,” Chinese foreign minister Wang Yi said.\n\n\
             Mr Wang said the west was “doomed to fail”.\n\n\
             The Chinese minister said supply chains should not be “fragmented”.\n\n\
             “This is our position,” he said.";
    let a = run(t);
    assert_eq!(a.speakers.len(), 1, "{:?}", a.speakers);
    let s = &a.speakers[0];
    assert_eq!(
        (s.name.as_str(), s.affiliation.as_deref(), s.official),
        ("Wang Yi", Some("China"), true)
    );
    assert_eq!(s.speaker_type, SpeakerType::Person);
    assert!(a.quotes.iter().all(|q| q.speaker == Some(0)));
}

#[test]
fn appositive_gives_role_and_affiliation() {
    let t = "“The attack was an attack on our economy,” Lotfi Azzouz, Tunisia country director for Amnesty International, said.";
    let a = run(t);
    let s = &a.speakers[0];
    assert_eq!(s.name, "Lotfi Azzouz");
    assert_eq!(s.role.as_deref(), Some("country director"));
    assert_eq!(s.affiliation.as_deref(), Some("Amnesty International"));
}

#[test]
fn relative_clause_between_name_and_verb() {
    let t = "Tom Forte, who follows Amazon as a managing director at the D.A. Davidson brokerage, said: “You won’t recognise it.”";
    let a = run(t);
    assert_eq!(a.speakers[0].name, "Tom Forte");
    assert_eq!(a.speakers[0].role.as_deref(), Some("managing director"));
}

#[test]
fn names_with_particles_and_hyphens() {
    assert_eq!(
        speaker_of("“It was a vast drive,” de Miranda writes.", "vast drive").as_deref(),
        Some("de Miranda")
    );
    assert_eq!(
        speaker_of("“We stay,” said Ahmed al-Sharif.", "We stay").as_deref(),
        Some("Ahmed al-Sharif")
    );
    assert_eq!(
        speaker_of("“We stay,” said Ms. de la Fuente-Ortega.", "We stay").as_deref(),
        Some("de la Fuente-Ortega")
    );
    assert_eq!(
        speaker_of("“No comment,” said Karin von Albrecht.", "No comment").as_deref(),
        Some("Karin von Albrecht")
    );
}

#[test]
fn organisations_groups_and_anonymous_sources() {
    let a = run("“We will respond,” the Kremlin said.");
    assert_eq!(
        (a.speakers[0].speaker_type, a.speakers[0].official),
        (SpeakerType::Organization, true)
    );
    let a = run("“Two gunmen died,” officials said.");
    assert_eq!(
        (a.speakers[0].speaker_type, a.speakers[0].official),
        (SpeakerType::Group, true)
    );
    let a = run("“The plan is dead,” a senior official said.");
    assert_eq!(a.speakers[0].speaker_type, SpeakerType::Anonymous);
    let a = run("“We advise the public not to take them,” the Food Standards Agency said.\n\n“They are not safe,” it said.");
    assert_eq!(a.speakers.len(), 1);
    assert_eq!(a.speakers[0].name, "Food Standards Agency");
}

#[test]
fn pronoun_agrees_in_gender() {
    let t = "Fiona Parry met Mr Jones on Monday.\n\n“They never stood a chance,” she said.";
    assert_eq!(speaker_of(t, "chance").as_deref(), Some("Fiona Parry"));
}

#[test]
fn full_name_found_elsewhere_names_the_speaker() {
    let t = "The event was attended by his Russian counterpart Sergei Lavrov.\n\n“We will not change course,” Mr Lavrov said.";
    assert_eq!(
        speaker_of(t, "change course").as_deref(),
        Some("Sergei Lavrov")
    );
}

#[test]
fn dateline_before_the_speaker_is_no_speaker() {
    let t = "LONDON — The Prime Minister, James Hartley, said on Monday that fares would be frozen.\n\n\
             “We will not let commuters down,” Mr Hartley said.";
    let a = run(t);
    assert_eq!(a.speakers.len(), 1, "{:?}", a.speakers);
    assert_eq!(a.speakers[0].name, "James Hartley");
    assert_eq!(a.speakers[0].role.as_deref(), Some("prime minister"));
}

#[test]
fn office_opening_a_sentence_joins_the_title_alone_later() {
    let t = "Prime Minister Eleanor Vance struck a defiant tone on Tuesday.\n\n\
             “We will not be held to ransom,” Ms Vance said.\n\n\
             Later, the Prime Minister told reporters: “Come back to the table.”";
    let a = run(t);
    assert_eq!(a.speakers.len(), 1, "{:?}", a.speakers);
    assert_eq!(a.speakers[0].name, "Eleanor Vance");
    assert_eq!(a.speakers[0].role.as_deref(), Some("prime minister"));
    assert!(a.speakers[0].official);
}

#[test]
fn honorific_word_opening_an_office_of_several_words() {
    // "Chief" is an honorific ("Chief Okafor"), but here it opens the office.
    let t = "Chief Executive Henrik Dahl said the company would cut jobs. “I have been through worse,” the CEO said.";
    let a = run(t);
    assert_eq!(a.speakers.len(), 1, "{:?}", a.speakers);
    assert_eq!(a.speakers[0].name, "Henrik Dahl");
    assert_eq!(a.speakers[0].role.as_deref(), Some("chief executive"));
}

#[test]
fn people_of_one_surname_stay_apart() {
    let t = "Goalkeeper Sam Ridley was at fault for the opener. “I should have held it,” Ridley said.\n\n\
             United captain Joe Ridley said the team would recover. “We go again,” Joe Ridley said.";
    assert_eq!(speaker_of(t, "held it").as_deref(), Some("Sam Ridley"));
    assert_eq!(speaker_of(t, "go again").as_deref(), Some("Joe Ridley"));
}

#[test]
fn honorific_gender_tells_spouses_apart() {
    let t = "Gilberte Marchand bakes the bread and her husband, Émile, lights the oven.\n\n\
             Émile Marchand is less patient. He said the village had changed.\n\n\
             “The bread comes from the night,” Mrs Marchand said.";
    assert_eq!(speaker_of(t, "night").as_deref(), Some("Gilberte Marchand"));
}

#[test]
fn definite_description_after_an_anonymous_source() {
    let t = "A senior Western diplomat, who spoke on condition of anonymity, said the talks were close to collapse. \
             “Nobody wants to blink first,” the diplomat said.";
    let a = run(t);
    assert_eq!(a.speakers.len(), 1, "{:?}", a.speakers);
    assert_eq!(a.speakers[0].speaker_type, SpeakerType::Anonymous);
}

#[test]
fn capitalised_plural_possessive_names_the_body() {
    let t =
        "The Liberal Democrats' health spokesperson, Helen Carr, said the plan was “a gimmick”.";
    let a = run(t);
    assert_eq!(a.speakers[0].name, "Helen Carr");
    assert_eq!(
        a.speakers[0].affiliation.as_deref(),
        Some("Liberal Democrats")
    );
}

#[test]
fn capitalised_word_before_a_group_noun_is_its_affiliation() {
    let t = "Several Democratic senators said the bill was “dead on arrival”.";
    let a = run(t);
    assert_eq!(a.speakers[0].speaker_type, SpeakerType::Group);
    assert_eq!(a.speakers[0].affiliation.as_deref(), Some("Democratic"));
}

#[test]
fn statement_from_a_body_is_the_body_speaking() {
    let t = "A statement from Egypt's foreign ministry said the meeting had been “constructive”.";
    let a = run(t);
    assert_eq!(a.speakers[0].speaker_type, SpeakerType::Organization);
    assert_eq!(a.speakers[0].affiliation.as_deref(), Some("Egypt"));
    assert!(a.speakers[0].official);
}

#[test]
fn nationality_alone_refers_like_a_pronoun() {
    // Sports writing names the coach, then calls him by his nationality.
    let t = "City coach Marco Silvestri was furious with his side.\n\n\
             “We had the game in our hands,” the Italian said.";
    assert_eq!(speaker_of(t, "game").as_deref(), Some("Marco Silvestri"));
    // Not a person known to be of another country.
    let t = "French coach Anne Roux was furious with her side.\n\n\
             “We had the game in our hands,” the Italian said.";
    assert_eq!(speaker_of(t, "game").as_deref(), Some("the Italian"));
    // With a role nobody is known to hold.
    let t = "Benedetti, who scored twice, said the dressing room was “silent”.\n\n\
             “We have to look at ourselves,” the Argentine forward said.";
    assert_eq!(speaker_of(t, "ourselves").as_deref(), Some("Benedetti"));
}

#[test]
fn coordinated_verbs_share_their_subject() {
    let t = "Ms Okafor called the decision a betrayal and said the union would strike.";
    let a = run(t);
    assert_eq!(a.speakers.len(), 1, "{:?}", a.speakers);
    let mention = a.speakers[0].mentions[0].slice(t);
    assert_eq!(mention, "Ms Okafor");
}

#[test]
fn description_before_a_comma_gives_a_name_its_role() {
    let t = "The Health Secretary, Wes Pryor, struck a more conciliatory tone.\n\n\
             “We want a deal,” Mr Pryor said.";
    let a = run(t);
    assert_eq!(a.speakers.len(), 1, "{:?}", a.speakers);
    assert_eq!(a.speakers[0].name, "Wes Pryor");
    assert_eq!(a.speakers[0].role.as_deref(), Some("health secretary"));
    assert!(a.speakers[0].official);
}

#[test]
fn surname_with_a_relative_clause_is_a_person() {
    let t =
        "Benedetti, who scored his 11th goal of the season, said the dressing room was “silent”.";
    let a = run(t);
    assert_eq!(a.speakers[0].speaker_type, SpeakerType::Person);
}

#[test]
fn two_names_joined_by_and_are_two_people() {
    let t = "City led through goals from Tomas Varga and Luca Benedetti.\n\n\
             “We have to look at ourselves,” Benedetti said.";
    assert_eq!(
        speaker_of(t, "ourselves").as_deref(),
        Some("Luca Benedetti")
    );
}

#[test]
fn an_before_a_capitalised_body_is_anonymous() {
    let a = run("“The drug is safe,” an FDA spokesperson said.");
    assert_eq!(a.speakers[0].speaker_type, SpeakerType::Anonymous);
    assert!(a.speakers[0].official);
}

#[test]
fn cue_before_a_phrase_inside_the_writers_sentence() {
    // The cue after the phrase ("threaten") is not its attribution.
    let t =
        "Prime Minister Eleanor Vance vows to ‘finish the job’ as doctors threaten fresh strikes.";
    assert_eq!(speaker_of(t, "finish").as_deref(), Some("Eleanor Vance"));
    let t = "Tom Rafferty said the minister was “hiding behind the rota” and accused the government of neglect.";
    assert_eq!(kind_of(t, "hiding behind"), Kind::Partial);
    assert_eq!(cue_and_mention_of(t, "hiding behind").0, Some("said"));
}

#[test]
fn but_joins_a_second_cue_to_the_first_ones_speaker() {
    let t = "Karim Mansour said he was “cautiously optimistic” but warned that Egypt would “not negotiate forever.”";
    assert_eq!(speaker_of(t, "forever").as_deref(), Some("Karim Mansour"));
    assert_eq!(kind_of(t, "forever"), Kind::Partial);
    let t = "Mayor Christine Aldana, who has championed the project, did not attend the meeting but said in a statement that the vote showed “Eastfield does not look away.”";
    assert_eq!(
        speaker_of(t, "look away").as_deref(),
        Some("Christine Aldana")
    );
}

// --- Kinds.

#[test]
fn scare_quotes_nicknames_and_coined_terms() {
    assert_eq!(
        kind_of(
            "It is a so-called “postcode lottery” for patients.",
            "postcode"
        ),
        Kind::Scare
    );
    assert_eq!(
        kind_of(
            "The tablets were sold as “slimming tablets” online.",
            "slimming"
        ),
        Kind::Scare
    );
    assert_eq!(kind_of("Neon translates as “new.”", "new"), Kind::Scare);
}

#[test]
fn titles_of_works_operations_and_signs() {
    assert_eq!(
        kind_of(
            "She wrote a book titled “The World of Tomorrow” in 1939.",
            "World"
        ),
        Kind::Title
    );
    assert_eq!(
        kind_of(
            "Police launched “Operation Cold Ember” in May.",
            "Cold Ember"
        ),
        Kind::Title
    );
    assert_eq!(
        kind_of(
            "“New lower prices. Same high standards,” reads one sign.",
            "lower prices"
        ),
        Kind::Title
    );
}

#[test]
fn first_person_fragment_is_speech() {
    let t = "“I was shocked,” said Tyler Besecker. The price is “as low as I’ve ever seen.”";
    assert_eq!(kind_of(t, "ever seen"), Kind::Partial);
    assert_eq!(
        speaker_of(t, "ever seen").as_deref(),
        Some("Tyler Besecker")
    );
}

#[test]
fn words_quoted_again_take_the_original_speaker() {
    let t = "China says it will promote ‘real democracy’\n\n“China will promote real democracy based on our own conditions,” Chinese foreign minister Wang Yi said.";
    assert_eq!(speaker_of(t, "real democracy").as_deref(), Some("Wang Yi"));
}

#[test]
fn short_sentence_quoted_before_its_attribution_is_direct() {
    for t in [
        "“Absolutely not,” he said.",
        "“Hi there,” said Ann Lee.",
        "“Why?” she asked.",
    ] {
        let a = run(t);
        assert_eq!(a.quotes[0].kind, Kind::Direct, "{t}");
    }
}

#[test]
fn a_named_speakers_verdict_is_partial_a_nickname_is_not() {
    let t = "Rosa Delgado called the vote “reckless” and said her party would fight on.";
    assert_eq!(kind_of(t, "reckless"), Kind::Partial);
    assert_eq!(speaker_of(t, "reckless").as_deref(), Some("Rosa Delgado"));
    let t = "Fans dubbed the winger “the Cheetah” after his first season.";
    assert_eq!(kind_of(t, "Cheetah"), Kind::Scare);
}

#[test]
fn a_code_name_is_a_title() {
    let t =
        "Norrland also said it had launched a project code-named “Kestrel,” a cheaper robotic arm.";
    assert_eq!(kind_of(t, "Kestrel"), Kind::Title);
}

// --- Quotation marks.

#[test]
fn multi_paragraph_quotation_keeps_one_speaker() {
    let t = "“The drug was in her system,” her mother, Fiona, said.\n\n“As Eloise deteriorated, the staff did all they could.\n\n“She was burning up from within.”";
    let w = who(t);
    assert_eq!(w.len(), 3);
    assert!(
        w.iter().all(|(_, _, s)| s.as_deref() == Some("Fiona")),
        "{w:?}"
    );
    let a = run(t);
    assert!(a.quotes[2].continued);
}

#[test]
fn nested_quotation_is_its_own_span() {
    let t = "“In the 1960s, the Soviets deployed a vast ‘neonization’ of the capitals,” de Miranda writes.";
    let w = who(t);
    assert_eq!(w.len(), 2);
    assert_eq!(w[1].0, Kind::Scare);
    assert_eq!(w[1].1, "neonization");
}

#[test]
fn a_long_nested_quotation_is_part_of_its_speakers_words() {
    // Not a second quotation that nobody said.
    let t = "“The pitch was ‘every warehouse in America will need this,’ and it turns out they don’t,” said Joan Whit, an analyst.";
    let w = who(t);
    assert_eq!(w.len(), 2, "{w:?}");
    assert_eq!(
        (w[0].0, w[0].2.as_deref()),
        (Kind::Direct, Some("Joan Whit"))
    );
    assert_eq!((w[1].0, w[1].2.as_deref()), (Kind::Scare, None));
}

#[test]
fn one_of_a_group_mentioned_before_speaks() {
    let t = "Several senators said the bill had little chance. One, who asked not to be named, said the party was “negotiating with itself.”";
    assert_eq!(
        speaker_of(t, "negotiating with itself.").as_deref(),
        Some("One")
    );
    let t = "Two aides described the meeting. Another said: “Nobody shouted.”";
    assert_eq!(speaker_of(t, "Nobody shouted.").as_deref(), Some("Another"));
    assert_eq!(kind_of(t, "Nobody shouted."), Kind::Direct);
}

#[test]
fn a_noun_phrase_before_its_verb_after_the_cue_is_not_the_speaker() {
    // "said the party was …": the party is what the claim is about.
    let t = "Asked about it, said the party was “negotiating with itself” on the bill.";
    assert_ne!(
        speaker_of(t, "negotiating with itself").as_deref(),
        Some("the party")
    );
}

#[test]
fn naming_verb_reaches_across_its_object() {
    let t = "Nadia Haddad, a spokesperson for the campaign group Blue Margin, called the minister’s response “a shrug dressed up as a review”.";
    assert_eq!(
        speaker_of(t, "a shrug dressed up as a review").as_deref(),
        Some("Nadia Haddad")
    );
    assert_eq!(kind_of(t, "a shrug dressed up as a review"), Kind::Partial);
    // What people at large "call" a thing is its nickname.
    let t = "Older staff still call that dispute “the long winter”.";
    assert_eq!(kind_of(t, "the long winter"), Kind::Scare);
}

#[test]
fn a_person_known_by_their_age_speaks() {
    let t = "Meena Rao left the chamber early. The 61-year-old said the party would return on Friday “with amendments, not slogans”.";
    assert_eq!(kind_of(t, "with amendments, not slogans"), Kind::Partial);
    assert_eq!(
        speaker_of(t, "with amendments, not slogans").as_deref(),
        Some("Meena Rao")
    );
}

#[test]
fn a_work_named_beside_it_is_a_title_however_long() {
    let t = "The paper, “Heatwave-driven carbon loss from subtropical seagrass meadows in a semi-enclosed sea”, appeared in a journal.";
    assert_eq!(kind_of(t, "Heatwave-driven"), Kind::Title);
}

#[test]
fn sentences_in_capitals_are_not_titles() {
    assert_eq!(
        kind_of("“Dead? No. Resting,” she said.", "Dead?"),
        Kind::Direct
    );
    let t = "SOAP STAR’S SHAME: Kayla tells court ‘I WAS RUSHING TO MY NAN’";
    assert_eq!(kind_of(t, "RUSHING"), Kind::Partial);
    assert_eq!(speaker_of(t, "RUSHING").as_deref(), Some("Kayla"));
    // An abbreviation is not a sentence's end.
    assert_eq!(
        kind_of(
            "They watched “Mr. Smith Goes to Washington” again.",
            "Smith"
        ),
        Kind::Title
    );
}

#[test]
fn later_quoted_by_a_medium_as_saying() {
    let t = "Mr. Selvakumar was later quoted by The Deccan Ledger as saying: “Water is not a gift from Delhi.”";
    assert_eq!(speaker_of(t, "Water is not").as_deref(), Some("Selvakumar"));
}

#[test]
fn the_subject_of_a_participle_naming_verb_is_the_sentences() {
    let t = "France’s foreign minister, Camille Descorvaux, struck a measured tone, saying she was “confident a landing zone exists”.";
    assert_eq!(
        speaker_of(t, "landing zone").as_deref(),
        Some("Camille Descorvaux")
    );
    let t = "The chamber, in a statement, welcomed the tax cut, calling it “a long-overdue signal that the province is open”.";
    assert_eq!(kind_of(t, "long-overdue"), Kind::Partial);
    assert_eq!(
        speaker_of(t, "long-overdue").as_deref(),
        Some("The chamber")
    );
}

#[test]
fn a_time_between_subject_and_verb() {
    let t = "KALEMO, Zambara (AFP) - Zambara’s main opposition candidate on Tuesday rejected the results, calling the count “a daylight robbery”.";
    assert_eq!(kind_of(t, "daylight robbery"), Kind::Partial);
    assert_eq!(
        speaker_of(t, "daylight robbery").as_deref(),
        Some("Zambara’s main opposition candidate")
    );
    let t = "Ms Ortiz last week told reporters the count was “a daylight robbery”.";
    assert_eq!(speaker_of(t, "daylight robbery").as_deref(), Some("Ortiz"));
}

#[test]
fn a_name_after_a_described_head_names_the_speaker() {
    let t = "The head of the mission, former prime minister Aminata Kouyate-Diallo, urged “all actors to exercise restraint”.";
    assert_eq!(
        speaker_of(t, "restraint").as_deref(),
        Some("Aminata Kouyate-Diallo")
    );
    let t = "The star’s fiancé, footballer Liam Okoro, 27, told a newspaper: “I’m proud of her for owning it.”";
    assert_eq!(speaker_of(t, "proud of her").as_deref(), Some("Liam Okoro"));
}

#[test]
fn a_short_sentence_after_a_quotation_speaks_on() {
    let t = "“I didn’t think it would hold,” Bell said. “It held.”";
    assert_eq!(kind_of(t, "It held."), Kind::Direct);
    assert_eq!(speaker_of(t, "It held.").as_deref(), Some("Bell"));
}

#[test]
fn so_says_in_the_next_paragraph_names_the_speaker() {
    let t = "“The first thing you learn is that clocks don’t lie. People lie about clocks.”\n\nSo says Edith Marlowe, 71, balanced on a plank above the square. She has climbed towers for fifty years.";
    let a = run(t);
    assert_eq!(
        a.quotes.len(),
        1,
        "no claim is read after “So says”: {:?}",
        a.quotes
    );
    assert_eq!(
        speaker_of(t, "clocks don’t lie").as_deref(),
        Some("Edith Marlowe")
    );
}

#[test]
fn a_quotation_paragraph_after_a_paragraph_about_a_person_is_theirs() {
    let t = "Anna Berg met us at the gate. I asked her whether she would stay. She thought about it for a long time.\n\n“I’d like to. I really would. But you can’t live on four clocks a year.”";
    assert_eq!(speaker_of(t, "I’d like to").as_deref(), Some("Anna Berg"));
    // Not an organisation the paragraph was about.
    let t = "The council met on Tuesday. It voted against the plan.\n\n“Nobody wanted this outcome at all.”";
    assert_eq!(speaker_of(t, "Nobody wanted"), None);
}

#[test]
fn nouns_in_ly_are_not_adverbs() {
    for t in [
        "The family said the plan was “cruel”.",
        "The ally said the plan was “cruel”.",
    ] {
        assert!(speaker_of(t, "cruel").is_some(), "{t}");
    }
    assert_eq!(
        speaker_of("The ministry quickly said the plan was “cruel”.", "cruel").as_deref(),
        Some("The ministry")
    );
}

#[test]
fn a_plural_possessive_inside_a_name() {
    let t = "The Karewa Ratepayers’ Association, which organised a petition, said it was “deeply disappointed”.";
    assert_eq!(
        speaker_of(t, "deeply disappointed").as_deref(),
        Some("Karewa Ratepayers’ Association")
    );
}

#[test]
fn a_name_after_a_kind_of_organisation_is_no_person() {
    let t = "Nadia Haddad, a spokesperson for the campaign group Blue Margin, called it “a shrug”. She argued that a ban could come within months.";
    let a = run(t);
    assert!(
        a.speakers.iter().all(|s| s.name != "Blue Margin"),
        "{:?}",
        a.speakers
    );
    assert!(a
        .quotes
        .iter()
        .all(|q| q.speaker.map(|s| a.speakers[s].name.as_str()) == Some("Nadia Haddad")));
}

#[test]
fn a_participle_phrase_opening_the_sentence_is_not_the_speaker() {
    let t = "Speaking to reporters outside Parliament, Ms. Raghavan, who leads her party, said the bill was “a betrayal”.";
    assert_eq!(speaker_of(t, "a betrayal").as_deref(), Some("Raghavan"));
}

#[test]
fn a_person_of_a_country_refers_back() {
    let t = "Stuart McAvoy watched from the touchline. “We were poor,” the Scot said.";
    assert_eq!(
        speaker_of(t, "We were poor").as_deref(),
        Some("Stuart McAvoy")
    );
}

#[test]
fn saying_little_about_something_is_no_claim() {
    let a = run("The poll said little about who voters blame for the delays. The minister said nothing about the plan.");
    assert!(a.quotes.is_empty(), "{:?}", a.quotes);
}

#[test]
fn a_verdict_on_the_named_object_is_no_title() {
    let t = "A strategist called the Villanueva campaign “scrappy, underfunded and lucky,” adding that “luck runs out around the second debate.”";
    assert_eq!(kind_of(t, "scrappy"), Kind::Partial);
    assert_eq!(
        speaker_of(t, "luck runs out").as_deref(),
        Some("A strategist")
    );
    let t =
        "Tyler Mayhew spoke next. He called the public polls “noise” and said the race was tied.";
    assert_eq!(kind_of(t, "noise"), Kind::Partial);
    assert_eq!(speaker_of(t, "noise").as_deref(), Some("Tyler Mayhew"));
}

#[test]
fn but_said_after_a_naming_verb_has_the_sentences_subject() {
    let t = "The Digital Liberty Coalition, which filed the original complaint with the board in 2023, called the fine “a good start” but said that for a company of its size it was “a rounding error.” Strydo reported revenue of $620 million.";
    assert_eq!(
        speaker_of(t, "rounding error").as_deref(),
        Some("Digital Liberty Coalition")
    );
}

#[test]
fn a_headline_quotation_repeated_in_the_body_takes_its_speaker() {
    let t = "‘I told her to count the waves’: father and daughter survive 19 hours at sea\n\nDaniel Okafor kept his daughter awake. “I told her to count the waves,” he said.";
    assert_eq!(
        speaker_of(t, "count the waves").as_deref(),
        Some("Daniel Okafor")
    );
}

#[test]
fn a_first_name_given_names_the_speaker() {
    let t = "“The first one fell near the market,” said a resident who gave only her first name, Leila, who was buying bread.";
    assert_eq!(
        speaker_of(t, "fell near the market").as_deref(),
        Some("Leila")
    );
}

#[test]
fn a_spokesperson_for_a_private_body_is_not_official() {
    let t = "Jane Roe, a spokeswoman for the charity Oxfam, said it was “grim”. A company spokeswoman, Dana Ames, said it was “fine”. A spokesman for the agency said it was “false”.";
    let a = run(t);
    let official = |name: &str| {
        a.speakers
            .iter()
            .find(|s| s.name.contains(name))
            .map(|s| s.official)
    };
    assert_eq!(official("Jane Roe"), Some(false));
    assert_eq!(official("Dana Ames"), Some(false));
    assert_eq!(official("spokesman"), Some(true));
}

#[test]
fn british_single_mark_headline() {
    let t = "China says it will work with Russia to promote ‘real democracy’";
    assert_eq!(kind_of(t, "real democracy"), Kind::Partial);
}

#[test]
fn straight_quotes_and_apostrophes() {
    let t = "\"This room is where rock 'n' roll learned to walk,\" said Marguerite Van Dyke, who's 62. \"Don't bulldoze it.\"";
    let w = who(t);
    assert_eq!(w.len(), 2, "{w:?}");
    assert!(w
        .iter()
        .all(|(_, _, s)| s.as_deref() == Some("Marguerite Van Dyke")));
}

#[test]
fn german_and_french_marks() {
    assert_eq!(
        speaker_of(
            "„Wir bleiben hier“, sagte er. „We stay,“ said Karin von Albrecht.",
            "We stay"
        )
        .as_deref(),
        Some("Karin von Albrecht")
    );
    assert_eq!(
        speaker_of(
            "«A village without a bakery is dying,» Mr Besson said.",
            "bakery"
        )
        .as_deref(),
        Some("Besson")
    );
}

#[test]
fn stray_mark_stays_local() {
    let t = "He said “this never closes.\n\n“We are fine,” Ms Okafor said.";
    assert_eq!(speaker_of(t, "We are fine").as_deref(), Some("Okafor"));
}

#[test]
fn marks_around_no_word_quote_nothing() {
    for t in ["“““", "He paused: “…”", "“—” was all she wrote.", "“ ”"] {
        assert!(run(t).quotes.is_empty(), "{t}");
    }
}

// --- Words that report nothing.

#[test]
fn cue_words_that_report_nothing_attribute_nothing() {
    for t in [
        "The said property was sold to “a developer”.",
        "Everything went according to plan, and the “new” wing opened.",
        "It was hard to tell the “twins” apart.",
        "Add two cups of flour to the “mix”.",
    ] {
        assert!(run(t).speakers.is_empty(), "{t}");
    }
}

// --- Organisations named once and described after.

/// Speaker name and type of the claim or quotation containing `part`.
fn source_of(text: &str, part: &str) -> Option<(String, SpeakerType)> {
    let a = run(text);
    a.quotes
        .iter()
        .find(|q| q.span.slice(text).contains(part))
        .and_then(|q| q.speaker)
        .map(|s| (a.speakers[s].name.clone(), a.speakers[s].speaker_type))
}

#[test]
fn the_company_is_the_business_named_before() {
    let t = "An experimental pill slowed the disease, its maker, Northgate Biosciences, \
             said on Monday.\n\n\
             In a press release, the company said the drug met the trial’s main goal.\n\n\
             Northgate said it would ask regulators for approval next year.";
    let business = Some((
        "Northgate Biosciences".to_string(),
        SpeakerType::Organization,
    ));
    assert_eq!(source_of(t, "the drug met"), business);
    // The short name joins it too, and the canonical name stays the full one.
    assert_eq!(source_of(t, "it would ask regulators"), business);
}

#[test]
fn the_college_is_the_organisation_with_college_in_its_name() {
    let t = "The Royal College of Midwives, which represents 50,000 members, said \
             staffing had reached a crisis.\n\n\
             The college said it would ballot members on strike action in the spring.";
    assert_eq!(
        source_of(t, "ballot members").map(|(n, _)| n).as_deref(),
        Some("Royal College of Midwives")
    );
}

#[test]
fn a_public_body_is_no_company_and_a_medium_is_no_speaker_to_refer_back_to() {
    // "The agency" is the news agency, a medium here, not the ministry named before it.
    let t = "Hadramar’s Ministry of Foreign Affairs said the talks would resume.\n\n\
             President Tariq al-Mansouri was quoted by the state-run Sarqan News Agency as \
             saying: “Peace is our choice.”\n\n\
             The agency said the president had received a call from Washington.";
    assert_ne!(
        source_of(t, "had received a call")
            .map(|(n, _)| n)
            .as_deref(),
        Some("Hadramar’s Ministry of Foreign Affairs")
    );
    // A business word does not send a public body's description to a company.
    let t = "Shares of Ashgrove Brands fell 14% on Thursday.\n\n\
             The ministry said import duties would stay in place.";
    assert_ne!(
        source_of(t, "import duties").map(|(n, _)| n).as_deref(),
        Some("Ashgrove Brands")
    );
}

#[test]
fn inverted_cue_before_an_age_refers_back_to_the_person() {
    let t = "Hallgrim Tove fished cod out of Skarvik for 34 years.\n\n\
             “It was the worst winter of my life,” says the 58-year-old, stirring his coffee.";
    assert_eq!(
        speaker_of(t, "worst winter").as_deref(),
        Some("Hallgrim Tove")
    );
    assert_eq!(kind_of(t, "worst winter"), Kind::Direct);
}

#[test]
fn inverted_cue_before_a_description_and_the_name_beside_it() {
    let t = "The fish plant closed in May.\n\n\
             “People think a fishing village is about fish,” says the harbourmaster, \
             Petra Oddsen, who has kept the ledger for twenty years.";
    assert_eq!(speaker_of(t, "about fish").as_deref(), Some("Petra Oddsen"));
}

#[test]
fn a_day_after_the_name_is_when_not_who() {
    let text = "“We will appeal,” said Ortiz Tuesday.";
    assert_eq!(
        cue_and_mention_of(text, "appeal"),
        (Some("said"), Some("Ortiz"))
    );
    let text = "“The count is final,” said Governor Ana Liu yesterday.";
    assert_eq!(
        cue_and_mention_of(text, "count"),
        (Some("said"), Some("Governor Ana Liu"))
    );
}

#[test]
fn pronoun_refers_to_the_description_that_opened_the_sentence_before() {
    let text = "A person close to the talks said a deal was near.\n\n\
                The president himself weighed in late on Thursday. \
                “We are going to get through this,” he told reporters.";
    assert_eq!(
        speaker_of(text, "get through this"),
        Some("The president".to_string())
    );
}

#[test]
fn quotation_after_a_sentence_about_a_person_is_theirs() {
    // No reporting verb: the sentence before, in the same paragraph, is about
    // Ms Khan, past the opening phrase that mentions "she".
    let text = "The shadow minister, Ruth Adeyemi, said the plan was flawed.\n\n\
                Asked if she trusted the council, Ms Khan laughed. “Not for a second.”";
    assert_eq!(
        speaker_of(text, "Not for a second"),
        Some("Khan".to_string())
    );
}

#[test]
fn capitalised_word_before_a_service_role_is_the_affiliation() {
    let text = "“The talks have stalled,” a Western intelligence official said.";
    let speaker = speaker_record_of(text, "talks have stalled");
    assert_eq!(speaker.name, "a Western intelligence official");
    assert_eq!(speaker.speaker_type, SpeakerType::Anonymous);
}

#[test]
fn nationality_noun_refers_back_past_an_affiliation_that_is_no_country() {
    // The club is his affiliation; his country is unknown, so "the Dutchman" may be he.
    let text = "“We were poor,” said Harbour City manager Erik Molenaar.\n\n\
                “We have to stay calm,” the Dutchman told reporters.";
    assert_eq!(
        speaker_of(text, "stay calm"),
        Some("Erik Molenaar".to_string())
    );
}

#[test]
fn a_kind_of_business_is_an_organisation() {
    for text in [
        "“Demand is strong,” the carmaker said.",
        "“Demand is strong,” the electric-bike maker said.",
        "“Demand is strong,” said the lender.",
    ] {
        let speaker = speaker_record_of(text, "Demand is strong");
        assert_eq!(speaker.speaker_type, SpeakerType::Organization, "{text}");
    }
}

#[test]
fn it_read_after_a_statement_quotes_the_statement() {
    let text = "The harbour board released a statement on Friday. \
                “Our thoughts are with the crew,” it read.";
    assert_eq!(kind_of(text, "Our thoughts"), Kind::Direct);
    assert_eq!(
        cue_and_mention_of(text, "Our thoughts"),
        (Some("read"), Some("it"))
    );
    // A sign's words stay a title.
    let text = "A sign hung on the gate. “No entry,” it read.";
    assert_eq!(kind_of(text, "No entry"), Kind::Title);
}

#[test]
fn an_unnamed_person_placed_after_the_cue_is_the_speaker() {
    let text = "“Is this the end?” asked one fan outside the ground.";
    assert_eq!(
        cue_and_mention_of(text, "the end"),
        (Some("asked"), Some("one fan outside the ground"))
    );
    assert_eq!(speaker_of(text, "the end"), Some("one fan".to_string()));
    // A thing in a place is no speaker.
    let a = run("The rise at the pumps suggested that demand was strong.");
    assert!(a.quotes.is_empty(), "{:?}", a.quotes);
}

#[test]
fn subject_pronoun_after_the_listener_starts_the_inner_clause() {
    let text =
        "Detective Inspector Sara Lund told the jury she had found “dozens” of false invoices.";
    assert_eq!(speaker_of(text, "dozens"), Some("Sara Lund".to_string()));
}

#[test]
fn datelines_places_and_honorifics_steer_she_to_the_right_person() {
    // The dateline and "In Les Trois Puits" name a place, not a person
    // "she" could be; "Mr Roux" is the husband, not the baker.
    let text = "LES TROIS PUITS, France — Gilberte Roux has run the bakery for 50 years \
                with her husband, Émile Roux.\n\n\
                In Les Trois Puits, nobody has yet found a buyer.\n\n\
                Mr Roux swept the floor. “Tomorrow,” she said, “at three.”";
    assert_eq!(
        speaker_of(text, "Tomorrow"),
        Some("Gilberte Roux".to_string())
    );
}

#[test]
fn a_solicitor_named_after_the_client_is_the_speaker() {
    let text = "“Justice has been done,” Mr Varga’s solicitor, Nadia Rahman, said outside court.";
    assert_eq!(kind_of(text, "Justice"), Kind::Direct);
    assert_eq!(
        speaker_of(text, "Justice"),
        Some("Nadia Rahman".to_string())
    );
}

#[test]
fn a_group_noun_before_a_role_describes_one_person() {
    let text = "“The driver lost control on a bend,” a police spokesman told local radio.";
    let speaker = speaker_record_of(text, "lost control");
    assert_eq!(speaker.name, "a police spokesman");
    assert_eq!(speaker.speaker_type, SpeakerType::Anonymous);
}

#[test]
fn the_office_of_a_titled_person_is_an_organisation() {
    let text = "Prime Minister Anna Lind’s office said in a statement that the talks would resume.";
    let speaker = speaker_record_of(text, "the talks would resume");
    assert_eq!(speaker.speaker_type, SpeakerType::Organization);
    assert_eq!(speaker.role, None);
}

#[test]
fn a_description_closed_by_a_comma_is_the_antecedent_of_he() {
    let text = "The former governor, in his first interview since leaving office, \
                defended his record.\n\n\
                “I did what I said I would do,” he said.";
    assert_eq!(
        speaker_of(text, "what I said"),
        Some("The former governor".to_string())
    );
}
