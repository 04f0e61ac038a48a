//! `name.house-spelling`: another accepted spelling of a name that the
//! house spells its own way, set in `mtlint.toml`:
//!
//! ```toml
//! spellings = ["Sergei Lavrov", "Kiev"]
//! ```
//!
//! A house spelling overrides the knowledge base for its person or place:
//! the knowledge base's own spelling and its other accepted variants are
//! flagged here with a safe fix to the house form ("Sergey Lavrov" →
//! "Sergei Lavrov"); the other name rules never flag the house form itself
//! (a house that writes "Kiev" gets no `name.deprecated-spelling`), and
//! their fixes write the house form where they would have written the
//! knowledge base's. Without `spellings` the rule finds nothing. Each
//! spelling must name a person or place the knowledge base knows; for
//! other names, `allow` is the setting.

use crate::diagnostic::{Category, Edit, Fix, Severity};
use crate::document::Document;
use crate::rule::{Check, Context, RuleMeta};

pub struct HouseSpelling;

static META: RuleMeta = RuleMeta::builtin(
    "name.house-spelling",
    Category::Name,
    Severity::Warning,
    "A name spelled otherwise than the house spelling set in mtlint.toml.",
    true,
);

impl Check for HouseSpelling {
    fn rules(&self) -> &[RuleMeta] {
        std::slice::from_ref(&META)
    }

    fn check(&self, doc: &Document, cx: &mut Context) {
        for occurrence in cx.analysis().house_occurrences() {
            let (range, house) = (occurrence.range, occurrence.house);
            let diagnostic = META
                .diagnostic(
                    range,
                    format!(
                        "The house spells `{}` as `{house}` (`spellings` in mtlint.toml)",
                        doc.slice(range),
                    ),
                )
                .with_fix(Fix::safe(
                    format!("Write `{house}`"),
                    vec![Edit::replace(range, house.to_owned())],
                ));
            cx.report(diagnostic);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::kb::Kb;
    use crate::knowledge::house::HouseSpellings;
    use crate::lint::Linter;
    use crate::rule::Settings;
    use crate::rules::Registry;

    fn linter(spellings: &[&str]) -> Linter {
        let spellings: Vec<String> = spellings.iter().map(|s| s.to_string()).collect();
        let registry = Registry::builtin().unwrap();
        let enabled = registry.select(&["name".to_owned()], &[]).unwrap();
        let settings = Settings {
            house: HouseSpellings::new(Kb::builtin(), &spellings).unwrap(),
            ..Default::default()
        };
        Linter::new(registry, enabled, settings)
    }

    fn found(linter: &Linter, text: &str) -> Vec<String> {
        linter
            .lint(text)
            .iter()
            .map(|d| format!("{} {}", d.rule, &text[d.range.to_std()]))
            .collect()
    }

    #[test]
    fn flags_the_other_spellings_and_never_the_house_form() {
        let house = linter(&["Sergei Lavrov", "Kiev"]);
        let text =
            "Sergey Lavrov flew to Kyiv. Sergei Lavrov spoke in Kiev. Sergey Viktorovich Lavrov.\n";
        assert_eq!(
            found(&house, text),
            [
                "name.house-spelling Sergey Lavrov",
                "name.house-spelling Kyiv"
            ]
        );
        let fixed = house.fix(text, false).text;
        assert_eq!(
            fixed,
            "Sergei Lavrov flew to Kiev. Sergei Lavrov spoke in Kiev. Sergey Viktorovich Lavrov.\n",
            "a fuller name is no other spelling"
        );
        // Without house spellings the knowledge base decides.
        let plain = linter(&[]);
        assert_eq!(found(&plain, text), ["name.deprecated-spelling Kiev"]);
    }

    #[test]
    fn other_rules_fix_to_the_house_form() {
        // A house that kept "Izyum": the misspelling "Izum" is fixed to it,
        // and the knowledge base's "Izium" is the house-spelling finding.
        let house = linter(&["Izyum"]);
        let text = "Shelling in Izum. Izium and Izyum are one town.\n";
        assert_eq!(
            found(&house, text),
            ["name.misspelling Izum", "name.house-spelling Izium"]
        );
        assert_eq!(
            house.fix(text, false).text,
            "Shelling in Izyum. Izyum and Izyum are one town.\n"
        );
        // Found through a known wrong form: a house that drops diacritics.
        let house = linter(&["Antonio Guterres"]);
        let text = "Antonio Guterres met António Guterres.\n";
        assert_eq!(
            found(&house, text),
            ["name.house-spelling António Guterres"]
        );
    }

    #[test]
    fn a_rule_files_name_rule_follows_the_house_too() {
        let rule = r#"[[rule]]
id = "name.city-spelling"
kind = "substitution"
summary = "A city spelled the way the desk does not."
message = "`{found}` is `{right}`."
table = { "Kiev" = "Kyiv", "Kyyiv" = "Kyiv" }
flag = [{ text = "in Kyyiv", fixed = "in Kyiv" }]
allow = ["Kyiv"]
"#;
        let registry = Registry::with_rule_texts(&[("city.toml", rule)]).unwrap();
        let enabled = registry.select(&["name".to_owned()], &[]).unwrap();
        let settings = Settings {
            house: HouseSpellings::new(Kb::builtin(), &["Kiev".to_owned()]).unwrap(),
            ..Default::default()
        };
        let house = Linter::new(registry, enabled, settings);
        let text = "From Kyyiv to Kiev.\n";
        // The house form is never flagged, and the fix writes it.
        assert_eq!(found(&house, text), ["name.city-spelling Kyyiv"]);
        assert_eq!(house.fix(text, false).text, "From Kiev to Kiev.\n");
    }

    #[test]
    fn unknown_names_are_errors() {
        let error = HouseSpellings::new(Kb::builtin(), &["Jon Doe".to_owned()]).unwrap_err();
        assert!(error.contains("`Jon Doe`"), "{error}");
        assert!(HouseSpellings::new(Kb::builtin(), &[]).unwrap().is_none());
    }
}
