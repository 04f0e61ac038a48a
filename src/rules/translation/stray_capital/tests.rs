//! Tests of `translation.stray-capital`: stray capitals and common words
//! are flagged; names, headlines, sentence starts, titles of works, page
//! and section names, and box labels are left alone.

use super::*;
use crate::rules::test::{assert_clean, assert_fixes, assert_flags};

#[test]
fn flags_stray_capitals() {
    assert_fixes(
        &StrayCapital,
        "The sanctions, including A far-reaching embargo, were agreed.",
        "The sanctions, including a far-reaching embargo, were agreed.",
    );
    assert_fixes(
        &StrayCapital,
        "It may include MiG fighter jets That Poland and the Czech Republic have agreed to send.",
        "It may include MiG fighter jets that Poland and the Czech Republic have agreed to send.",
    );
    assert_fixes(
        &StrayCapital,
        "He said perhaps There will be talks.",
        "He said perhaps there will be talks.",
    );
}

#[test]
fn allows_names_headlines_and_sentence_starts() {
    for text in [
        "Slovakia Will Continue To Send Aid To Ukraine\n",
        "The envoy flew to The Hague on Monday.",
        "Officials said: The talks will resume.",
        "He read “The Guardian” and U.S. The report followed.",
        "President Biden spoke. There was no reply.",
        "Theresa May and Will Smith were there in May.",
    ] {
        assert_clean(&StrayCapital, text);
    }
}

#[test]
fn flags_common_words_with_an_unsafe_fix() {
    assert_fixes(
        &StrayCapital,
        "The high-level meeting ended. The alliance can High prices for energy.",
        "The high-level meeting ended. The alliance can high prices for energy.",
    );
    assert_fixes(
        &StrayCapital,
        "Extraordinary Measures have been taken since February. More measures will follow.",
        "Extraordinary measures have been taken since February. More measures will follow.",
    );
    let found = crate::rules::test::diagnostics(
        &StrayCapital,
        "They said Dangerous weapons arrived. The weapons were dangerous.",
    );
    assert_eq!(found.len(), 1);
    assert!(found[0]
        .fix
        .as_ref()
        .is_some_and(|f| f.safety == crate::diagnostic::Safety::Unsafe));
}

#[test]
fn allows_common_words_that_make_a_name() {
    for text in [
        // Institutions, offices, a short name after a determiner.
        "The Ministry said the strike was planned.",
        "As Minister he signed the decree.",
        "Prime Minister said nothing.",
        "Supreme Court judges ruled on Monday.",
        "Armed Forces reported two attacks.",
        "Human Rights Watch said it had evidence.",
        "The Guardian reported that talks had stalled.",
        "Our Army has held the line, she said in Parliament today.",
        // Names that are also common words, and titles of works.
        "He met Rose and Bill in Green Bay last May.",
        "She watched Breaking Bad yesterday.",
        "The film Extraordinary Measures was shot in Oregon.",
        // A name keeps its capital; the article never writes it in
        // lower case, or writes it capitalised more than once.
        "Germany supplied Patriot missiles in April.",
        "Kyiv wants Patriot systems, and two Patriot batteries arrived at a high price.",
        // Sentence starts, headlines, quotes, colons.
        "High prices hurt families across Europe.",
        "Energy Prices Rise Again As Winter Nears\n",
        "The slogan was “Dangerous times need clear heads” at the rally.",
        "One word: Enough was the reply.",
        // Acronyms and mixed case.
        "He said NATO troops and iPhone sales rose.",
    ] {
        assert_clean(&StrayCapital, text);
    }
}

#[test]
fn allows_titles_of_works_after_a_word_that_introduces_one() {
    for text in [
        "Her second album Where Eagles Gather sold well.",
        "He quoted the novel Of Rivers and Kings at length.",
        "The series This Week in Europe returns in June.",
        "The band's play Under the Milk Tree opened.",
        "Critics liked the film Heat when it came out. The heat in Rome was fierce.",
    ] {
        assert_clean(&StrayCapital, text);
    }
}

#[test]
fn allows_common_words_joined_to_a_name_in_title_case() {
    for text in [
        "She became Head of Marketing in May, after marketing costs rose.",
        "He joined the Department of Fisheries and Forests last year; forests burned.",
        "The charity Save the Whales said it would save money.",
    ] {
        assert_clean(&StrayCapital, text);
    }
}

#[test]
fn allows_the_names_of_pages_and_sections() {
    for text in [
        "Details are on the About page of the site.",
        "Tap the For You feed to see more.",
        "It ran in the In Depth section on Sunday.",
    ] {
        assert_clean(&StrayCapital, text);
    }
}

#[test]
fn flags_function_words_that_open_no_title() {
    // "show" is a verb here; "That was" is no Title Case; "and Its
    // allies" follows a name but opens nothing.
    assert_flags(
        &StrayCapital,
        "The data show That Poland and the Czech Republic agreed.",
        &["That"],
    );
    assert_flags(
        &StrayCapital,
        "They saw the film That was banned.",
        &["That"],
    );
    assert_flags(
        &StrayCapital,
        "Talks with Russia and Its allies resumed.",
        &["Its"],
    );
    assert_flags(
        &StrayCapital,
        "He told her That Poland and the Czech Republic agreed.",
        &["That"],
    );
}

#[test]
fn allows_place_names_that_open_with_a_function_word() {
    assert_clean(
        &StrayCapital,
        "Troops entered the village of As Sawiya. Residents of As Sawiya fled.",
    );
    assert_clean(
        &StrayCapital,
        "Tanks left the towns of Beit Fajjar and At Taybeh at dawn.",
    );
    // Not followed by a name: a joined segment.
    assert_flags(
        &StrayCapital,
        "Police sealed off the town of In the evening crowds gathered.",
        &["In"],
    );
    // Never named as a place in the article.
    assert_flags(
        &StrayCapital,
        "The threats came On Saturday night.",
        &["On"],
    );
}

#[test]
fn allows_a_box_label_glued_to_its_sentence() {
    assert_clean(
        &StrayCapital,
        "Background Lawyers said the case was closed. The lawyers left.",
    );
    // In mid-paragraph the same shape is a stray capital.
    assert_flags(
        &StrayCapital,
        "They met. Extraordinary Measures have been taken. More measures will follow.",
        &["Measures"],
    );
}

#[test]
fn flags_a_subject_pronoun_glued_onto_a_name() {
    assert_flags(
        &StrayCapital,
        "The fighting follows the invasion of Ukraine He is in his second week.",
        &["He"],
    );
    assert_flags(
        &StrayCapital,
        "President Vladimir Putin He issued a series of threats.",
        &["He"],
    );
    assert_flags(
        &StrayCapital,
        "The ministers met in Kyiv They agreed on nothing.",
        &["They"],
    );
}

#[test]
fn allows_pronouns_that_are_names_or_titles() {
    for text in [
        "Vice Premier Liu He said the talks went well.",
        "Vice Premier He Lifeng arrived in Geneva.",
        "The Nike Just Do It campaign ran for years.",
        "His book, How to Stop It by Larry Lessig, sold well.",
        "ResNet was designed by Kaiming He and colleagues.",
        "Co-author Kaiming He said the model was small.",
        "You may prefer the Lapse It app for that.",
        "So It is helpful for all.",
        "She reread Stephen King's It over the summer.",
        "Ukraine. He is in his second week.",
        "Ukraine He Is In His Second Week\n",
    ] {
        assert_clean(&StrayCapital, text);
    }
}
