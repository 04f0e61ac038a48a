//! Tests of the mojibake finder: the classic cases and the translation
//! engine's variant are repaired, real text is left alone, and each
//! finding names its chain.

use super::*;

fn repair(text: &str) -> Vec<(String, String, bool)> {
    find(text)
        .into_iter()
        .map(|f| (text[f.start..f.end].to_owned(), f.repaired, f.exact))
        .collect()
}

#[track_caller]
fn assert_repairs(text: &str, damaged: &str, fixed: &str) {
    let found = repair(text);
    assert_eq!(found.len(), 1, "{text:?}: {found:?}");
    assert_eq!((found[0].0.as_str(), found[0].1.as_str()), (damaged, fixed));
}

#[test]
fn repairs_the_classic_cases() {
    assert_repairs("It doesnâ€™t matter", "â€™", "’");
    assert_repairs("cafÃ© au lait", "Ã©", "é");
    assert_repairs("ÄŒeÅ¡tina je", "ÄŒeÅ¡", "Češ");
    assert_repairs("РєР°РЅР°Р»", "РєР°РЅР°Р»", "канал");
    assert_repairs("a ÃƒÂ© b", "ÃƒÂ©", "é");
    assert_repairs("Ïðèâåò, ìèð", "Ïðèâåò, ìèð", "Привет, мир");
    assert_repairs("rose 5Â % in", "Â ", "\u{a0}");
    assert_repairs("voilÃ  tout", "Ã ", "à");
    // One space left for the no-break space and the word space after it.
    assert_repairs("voilÃ tout", "Ã ", "à ");
    assert_repairs("dÃ©jÃ vu", "Ã©jÃ ", "éjà ");
    let found = repair("atenÃ§Ã£o Ã s crianÃ§as");
    assert!(
        found.contains(&("Ã ".to_owned(), "à".to_owned(), false)),
        "{found:?}"
    );
    let found = repair("a â€œfrozen conflictâ€.");
    assert_eq!(
        found,
        vec![
            ("â€œ".to_owned(), "“".to_owned(), true),
            ("â€".to_owned(), "”".to_owned(), false)
        ]
    );
}

#[test]
fn repairs_the_translation_engine_variant() {
    let found = find("our РєР ° РЅР ° Р »РІ Telegram");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].repaired, "канал в");
    assert!(!found[0].exact);
    // A mark with a space at the very end of the text.
    assert_eq!(find("РєР °").len(), 1);
    assert_eq!(find("РєР ° ").len(), 1);
}

#[test]
fn leaves_real_text_alone() {
    for text in [
        "Привет, мир! Київ, Сіверськ, ПРИВІТ, ДІЯ",
        "Zuzana Čaputová, António Guterres, Olena Zelenska",
        "It’s 25 °C — “quite” warm. ½ © ™ Straße, Ærø, SÃO PAULO, AÇÃO",
        "Azərbaycan, Şəki; Ελληνικά; Tiếng Việt; Łódź; İstanbul; Ägypten",
        "À la carte, déjà vu, naïve façade, Côte d’Ivoire",
        "В « Ведомостях » и В «Коммерсанте» писали, С ° С и Р ° Р.",
    ] {
        assert_eq!(repair(text), vec![], "{text}");
    }
}

#[test]
fn names_the_chain() {
    let found = find("ÃƒÂ©t");
    assert_eq!(
        found[0].chain.to_string(),
        "UTF-8 read as Windows-1252, twice"
    );
    let found = find("РєР°РЅР°Р»");
    assert_eq!(found[0].chain.to_string(), "UTF-8 read as Windows-1251");
}

#[test]
fn leaves_real_symbols_and_trailing_marks_alone() {
    for text in [
        // Pairs of real symbols that are valid sequences in some code page.
        "Buy 3×£20 tickets today",
        "the length x = √π units",
        "a rise of ∆° in the model",
        "he said `¬´ and left",
        "the “×” sign",
        // A letter in its word's case before a mark that follows words.
        "HYVÄ\u{a0}PÄIVÄ\u{a0}KAIKILLE",
        "ŢARĂ\u{a0}NOUĂ",
        "the ANNÅ™ brand",
        "a gap of 4 Å—",
        "a letter from Mme Lefèvre…”",
        "too many Ã’s here",
        // Capitals spelled out, and made-up words of accented letters.
        "R E V O L U Ç Ã O",
        "Ôôô, said the crowd",
        "BÄDÄÑ ÌÑÌ SÖÄ£ ÑÝÄ GÄLÄW",
    ] {
        assert_eq!(repair(text), vec![], "{text}");
    }
}

#[test]
fn still_repairs_sequences_real_text_does_not_make() {
    // A closing mark glued to the next letter, and a case change after a
    // no-break space, are mojibake after all.
    assert_repairs("GRAND HÃ”TEL", "Ã”", "Ô");
    assert_repairs("MÃ\u{a0}ire said", "Ã\u{a0}", "à");
    assert_repairs("the 10Â\u{a0}km race", "Â\u{a0}", "\u{a0}");
    assert_repairs("Ã–sterreich", "Ã–", "Ö");
    // A symbol by a number, in Mac OS Roman.
    assert_repairs("only ¬£12 each", "¬£", "£");
    // A capital abbreviation needs no vowel.
    assert_repairs("Ó ÔÑÁ ÅÑÒÜ", "Ó ÔÑÁ ÅÑÒÜ", "У ФСБ ЕСТЬ");
}

#[test]
fn repairs_baltic_and_central_european_code_pages() {
    // Windows-1257: `ÄÆ` is `į` only there.
    let found = repair("jis ÄÆvyko ir vÄ—l");
    let fixed: Vec<&str> = found.iter().map(|f| f.1.as_str()).collect();
    assert_eq!(fixed, ["į", "ė"], "{found:?}");
    // ISO-8859-2 keeps C1 controls where Windows-1250 has `™`, and the
    // line's other words follow it (`ĂĄ` is `á` there, `å` in Windows-1250).
    let found = repair("Dnes mĂĄme tĹ\u{99}etĂ\u{ad} den");
    let fixed: Vec<&str> = found.iter().map(|f| f.1.as_str()).collect();
    assert_eq!(fixed, ["á", "řetí"], "{found:?}");
}

#[test]
fn repairs_emoji_in_cesu_8_and_dingbats() {
    assert_repairs("so happy í\u{a0}½í¸\u{80} today", "í\u{a0}½í¸\u{80}", "😀");
    assert_repairs("âœ” Done", "âœ”", "✔");
    // A ligature from a PDF, read as Windows-1251 in English text.
    assert_repairs("a signiп¬Ѓcant rise", "п¬Ѓ", "ﬁ");
}

#[test]
fn keeps_the_mark_of_a_lost_byte() {
    assert_repairs("the Ä�eskÃ½ case", "Ä�eskÃ½", "�eský");
    // 0x9D of `”` lost and written as `?` or `�`.
    assert_eq!(
        repair("rated â€œAâ€? by them"),
        vec![("â€œAâ€?".to_owned(), "“A\u{fffd}".to_owned(), false)]
    );
}

#[test]
fn takes_a_space_for_a_lost_no_break_space_beside_proven_damage() {
    // `Å ` is `Š` only on a line with damage beyond doubt.
    let found = repair("Å koda jÄ—");
    assert!(found.iter().any(|f| f.1 == "Š"), "{found:?}");
    assert_eq!(repair("Å koda"), vec![]);
    // A Latvian word that ends in `Ā` (0xC2 in Windows-1257) is no
    // damaged no-break space.
    assert_eq!(repair("TĀ LAIKĀ"), vec![]);
    // Windows-1251's `Г ` for `à`, beside `Г©` for `é`.
    let found = repair("arrivГ©e Г la gare");
    let fixed: Vec<&str> = found.iter().map(|f| f.1.as_str()).collect();
    assert!(fixed.contains(&"à "), "{found:?}");
    // The Portuguese contractions of `a` keep `à` joined.
    assert_repairs("referente Ã quele dia", "Ã ", "à");
    assert_repairs("chegou Ã noite", "Ã ", "à ");
    let found = repair("arrivÃ©e Ã l’aide");
    assert!(found.iter().any(|f| f.1.ends_with("à ")), "{found:?}");
}

#[test]
fn a_line_read_right_elsewhere_needs_more_than_one_sequence() {
    // `–` is a lone continuation byte in Windows-1252: this line is UTF-8
    // read correctly, and one `Ã¥` in a name may be its real spelling.
    assert_eq!(repair("Smith – NÃ¥gel"), vec![]);
    assert_eq!(
        repair("NÃ¥gel"),
        vec![("Ã¥".to_owned(), "å".to_owned(), true)]
    );
    // A combining mark sits on a digit (a struck-out price), never on a
    // letter that has a precomposed form.
    assert_repairs("was $Ì¶9Ì¶9Ì¶ now", "Ì¶9Ì¶9Ì¶", "\u{336}9\u{336}9\u{336}");
}

#[test]
fn a_trade_mark_after_a_grave_is_no_word_ending() {
    assert_repairs("OÃ™ ET QUAND", "Ã™", "Ù");
}
