//! Tests of `typography.glued-words`: glued and split words are flagged;
//! names in camel case, compounds, hashtags and URLs are left alone.

use super::*;
use crate::rules::test::{assert_clean, assert_fixes, assert_flags};

#[test]
fn flags_a_capital_where_a_link_ended() {
    assert_flags(
        &GluedWords,
        "Before reportedIt was stated that the envoy had left.",
        &["reportedIt"],
    );
    assert_flags(
        &GluedWords,
        "More Ukrainians seek refuge in EuropeAround 400,000 have crossed.",
        &["EuropeAround"],
    );
}

#[test]
fn flags_a_function_word_glued_to_a_known_name() {
    assert_fixes(
        &GluedWords,
        "A translator cried while reading the speech of President Volodymyr Zelenskythis Sunday.",
        "A translator cried while reading the speech of President Volodymyr Zelensky this Sunday.",
    );
}

#[test]
fn joins_a_prefix_to_its_word() {
    assert_fixes(
        &GluedWords,
        "Russia demands un conditional capitulation.",
        "Russia demands unconditional capitulation.",
    );
    assert_fixes(&GluedWords, "It was dis honest.", "It was dishonest.");
    assert_flags(&GluedWords, "He called it un certain.", &["un certain"]);
}

#[test]
fn allows_names_in_camel_case_and_real_words() {
    for text in [
        "Post it on LinkedIn, YouTube, PayPal or iPhone apps.",
        "Senator McCain and the firm BlackRock spoke.",
        "Use TripIt to plan; TripIt is free.",
        "Follow #StandWithUkraine and @KyivIndependent.",
        "See https://example.com/reportedIt for more.",
        "Poland and Finland signed; the Andersons left.",
        "Write at BlogHer, share with AddThis, see the Getty ImagesAfter gallery.",
        "Speak Merican, said Duncan Goethe.",
        "The un talks and the UN event.",
        "Un conditional phrases in French: un conditionnel.",
        "They're un-able, we're told.",
        "Macron spoke of « un certain malaise » in France.",
        "He said es un real problema.",
    ] {
        assert_clean(&GluedWords, text);
    }
}

#[test]
fn every_bound_prefix_is_short_enough_to_be_looked_up() {
    let prefixes = crate::lexicon::builtin()
        .get("bound-prefixes")
        .expect("built in");
    for prefix in prefixes.words() {
        assert!(
            prefix.len() <= MAX_PREFIX,
            "{prefix} is longer than MAX_PREFIX"
        );
    }
}
