//! Tests of the parsed article: sentence splitting, token kinds, headline
//! flags and the map from folded offsets back to the original.

use super::*;

fn sentences(text: &str) -> Vec<&str> {
    let doc = Document::new(text, crate::lexicon::builtin());
    doc.sentences.iter().map(|s| doc.slice(s.range)).collect()
}

fn kinds(text: &str) -> Vec<(&str, TokenKind)> {
    let doc = Document::new(text, crate::lexicon::builtin());
    doc.tokens
        .iter()
        .map(|t| (doc.slice(t.range), t.kind))
        .collect()
}

#[test]
fn splits_sentences_but_not_at_abbreviations_initials_or_decimals() {
    assert_eq!(
            sentences("Mr. Cleverly met U.S. officials in J.R.R. Hall. It cost 3.5 million, or 1,228 each. Fine."),
            vec![
                "Mr. Cleverly met U.S. officials in J.R.R. Hall.",
                "It cost 3.5 million, or 1,228 each.",
                "Fine."
            ]
        );
}

#[test]
fn keeps_closing_quotes_with_their_sentence() {
    assert_eq!(
        sentences("“The bodies were not fake,” he said. “They were real.” Then he left."),
        vec![
            "“The bodies were not fake,” he said.",
            "“They were real.”",
            "Then he left."
        ]
    );
}

#[test]
fn sentences_do_not_cross_paragraphs() {
    let doc = Document::new(
        "First line\n\nSecond one. Third.\r\n",
        crate::lexicon::builtin(),
    );
    assert_eq!(doc.paragraphs.len(), 2);
    assert_eq!(doc.sentences.len(), 3);
    assert_eq!(doc.sentences[1].paragraph, 1);
}

#[test]
fn recognises_urls_domains_and_numbers() {
    assert_eq!(
        kinds("See https://img.example.com/a.php?url=3, newschainonline.com and 1,228."),
        vec![
            ("See", TokenKind::Word),
            ("https://img.example.com/a.php?url=3", TokenKind::Link),
            (",", TokenKind::Punct),
            ("newschainonline.com", TokenKind::Link),
            ("and", TokenKind::Word),
            ("1,228", TokenKind::Number),
            (".", TokenKind::Punct),
        ]
    );
}

#[test]
fn does_not_take_a_missing_space_for_a_domain() {
    let k = kinds("Nations.A theme, U.S. and e.g. this");
    assert_eq!(k[0], ("Nations", TokenKind::Word));
    assert_eq!(k[1], (".", TokenKind::Punct));
    assert_eq!(k[2], ("A", TokenKind::Word));
}

#[test]
fn keeps_apostrophes_inside_words() {
    let k = kinds("Russia’s 'newbies' don't");
    assert_eq!(k[0].0, "Russia’s");
    assert_eq!(k[1].0, "'");
    assert_eq!(k[2].0, "newbies");
    assert_eq!(k.last().unwrap().0, "don't");
}

#[test]
fn detects_title_case_headlines_only() {
    let doc = Document::new(
            "Foreign Secretary to Condemn Russian Atrocities at UN\n\nThe Foreign Secretary is to condemn Moscow.\n\nRead Also on ForumDaily:\n",
            crate::lexicon::builtin(),
        );
    let flags: Vec<bool> = doc
        .lines
        .iter()
        .filter(|l| !l.blank)
        .map(|l| l.headline)
        .collect();
    assert_eq!(flags, vec![true, false, false]);
}

#[test]
fn maps_folded_offsets_back_to_the_original() {
    let text = "Zuzana C\u{30C}aputova\u{301} IN KYIV";
    let doc = Document::new(text, crate::lexicon::builtin());
    let folded = doc.folded();
    assert_eq!(folded.text, "zuzana čaputová in kyiv");
    let at = folded.text.find("kyiv").unwrap();
    assert_eq!(
        folded.to_original(at).to_usize(),
        text.find("KYIV").unwrap()
    );
    let ca = folded.text.find("aputov").unwrap();
    assert_eq!(
        folded.to_original(ca).to_usize(),
        text.find("aputov").unwrap()
    );
}
