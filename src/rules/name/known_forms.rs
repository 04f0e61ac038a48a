//! `name.misspelling`, `name.deprecated-spelling` and `name.diacritics`:
//! the wrong forms the knowledge base knows ("Anthony Blinken", "Dmitry
//! Kuleba", "Butcha"; "Kiev"; "Antonio Guterres"), found in one pass of one
//! automaton.

use crate::analysis::names::{inside_longer_name, is_word_char};
use crate::diagnostic::{Category, Safety, Severity};
use crate::document::Document;
use crate::kb::WrongKind;
use crate::rule::{Check, Context, RuleMeta};
use crate::text::TextRange;

pub struct KnownForms;

static META: [RuleMeta; 3] = [
    RuleMeta::builtin(
        "name.misspelling",
        Category::Name,
        Severity::Warning,
        "A known misspelling or machine-translation form of a name in the knowledge base.",
        true,
    ),
    RuleMeta::builtin(
        "name.deprecated-spelling",
        Category::Name,
        Severity::Info,
        "A place name in a romanisation that English-language news has dropped (Kiev for Kyiv).",
        true,
    ),
    RuleMeta::builtin(
        "name.diacritics",
        Category::Name,
        Severity::Info,
        "A name from the knowledge base written without its diacritics.",
        true,
    )
    // Wire style (AP) drops diacritics on purpose: a house choice, not
    // damage. An article that writes a name both ways is inconsistent,
    // and `name.inconsistent` says so.
    .opt_in(),
];

impl Check for KnownForms {
    fn rules(&self) -> &[RuleMeta] {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context) {
        let kb = cx.kb();
        let text = doc.text;
        for m in cx.analysis().wrong_forms() {
            let form = &kb.wrong_forms[m.form];
            let (start, mut end) = (m.start, m.end);
            if text[..start].chars().next_back().is_some_and(is_word_char) {
                continue;
            }
            // A plural or possessive `s` is part of the name's use:
            // "the whole country will be Bukhas".
            let mut suffix = "";
            let rest = &text[end..];
            if form.place && rest.starts_with('s') && !rest[1..].starts_with(is_word_char) {
                suffix = "s";
                end += 1;
            } else if rest.starts_with(is_word_char) {
                continue;
            }
            let range = TextRange::from_usize(start, end);
            if doc.overlaps_link(range) {
                continue;
            }
            if form.kind == WrongKind::Deprecated
                && inside_longer_name(cx.lexicons(), text, start, end)
            {
                continue;
            }
            if !form.context.is_empty() && !form.context.iter().any(|c| text.contains(c.as_str())) {
                continue;
            }
            if cx.analysis().on_house_form(range) {
                continue;
            }
            let found = &text[start..end];
            let right = format!("{}{suffix}", form.right);
            let (meta, message, safety) = match form.kind {
                WrongKind::Misspelling => (
                    &META[0],
                    format!("`{found}` is a misspelling of `{right}` ({})", form.what),
                    Safety::Safe,
                ),
                WrongKind::Deprecated => (
                    &META[1],
                    format!("`{found}` is the Russian-derived spelling of {}; English-language news writes `{right}`", form.what),
                    Safety::Unsafe,
                ),
                WrongKind::Diacritics => (
                    &META[2],
                    format!("`{found}` has lost its diacritics: `{right}`"),
                    Safety::Unsafe,
                ),
            };
            let fix = cx
                .knowledge()
                .name_fix(format!("Write `{right}`"), safety, range, right);
            cx.report(meta.diagnostic(range, message).with_fix(fix));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::Kb;
    use crate::knowledge::Knowledge;
    use crate::rule::Settings;
    use crate::rules::test::{assert_clean, assert_fixes, assert_flags, run_with};
    use crate::source::Encoding;

    #[test]
    fn reads_the_knowledge_base_it_is_given() {
        let kb = Kb::load(&[(
            "test.toml",
            r#"
[[person]]
name = "Ivan Petrenko"
surname = "Petrenko"
misspellings = ["Ivan Petrenco"]
"#,
        )])
        .unwrap();
        let small = Knowledge::with_kb(kb);
        let text = "Ivan Petrenco spoke. Dmitry Kuleba listened.";
        let found = run_with(
            &small,
            &KnownForms,
            text,
            &Settings::default(),
            Encoding::Utf8,
        );
        let flagged: Vec<&str> = found.iter().map(|d| &text[d.range.to_std()]).collect();
        // The built-in base's people are not in this one.
        assert_eq!(flagged, ["Ivan Petrenco"]);
        assert!(found[0].message.contains("Ivan Petrenko"));
    }

    #[test]
    fn a_bare_surname_without_diacritics_needs_the_person_in_the_text() {
        // Sanchez is many people's surname; only beside Pedro Sánchez is
        // it his name without its accent.
        assert_clean(&KnownForms, "Alexis Sanchez scored twice.");
        assert_flags(
            &KnownForms,
            "Pedro Sánchez spoke. Later Sanchez left.",
            &["Sanchez"],
        );
    }

    #[test]
    fn flags_known_wrong_forms() {
        assert_fixes(
            &KnownForms,
            "Secretary of State Anthony Blinken said",
            "Secretary of State Antony Blinken said",
        );
        assert_fixes(
            &KnownForms,
            "Foreign Minister Dmitry Kuleba",
            "Foreign Minister Dmytro Kuleba",
        );
        assert_fixes(
            &KnownForms,
            "the cities of Izum and Butcha; it will be Bukhas.",
            "the cities of Izium and Bucha; it will be Buchas.",
        );
        assert_fixes(
            &KnownForms,
            "WNBA star Britney Greener",
            "WNBA star Brittney Griner",
        );
        assert_flags(
            &KnownForms,
            "Antonio Guterres and Zuzana Caputova in Kiev",
            &["Antonio Guterres", "Zuzana Caputova", "Kiev"],
        );
        assert_flags(
            &KnownForms,
            "Shelling In Gorlovka And The Kharkov Oblast. Kremenchug was hit.",
            &["Gorlovka", "Kharkov", "Kremenchug"],
        );
    }

    #[test]
    fn allows_right_forms_and_look_alikes() {
        for text in [
            "Antony Blinken, Dmytro Kuleba, Olena Zelenska and António Guterres in Kyiv.",
            "Anthony Blinkens is not a name we know; nor is Kievan Rus a city.",
            "Visit https://example.com/Butcha for details.",
            "Dmitry Peskov and Sergei Lavrov spoke.",
            "Borislav Mikhailov and Pavel Glukhov met Dynamo Kiev fans.",
            "Bunge and Sumi Jo; the scientist Vinogradov.",
        ] {
            assert_clean(&KnownForms, text);
        }
    }
}
