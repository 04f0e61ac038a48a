//! Tests of rule files: loading, errors at `file:line:column`, examples,
//! substitutions and case matching.

use super::check::match_case;
use crate::diagnostic::Category;

use super::*;

const RULE: &str = r#"
[[rule]]
id = "typography.test-space"
kind = "pattern"
summary = "A space before a comma."
message = "Space before `{p}`."
pattern = '\w(?P<target> +)(?P<p>,)'
replacement = ""
flag = [{ text = "late , he", fixed = "late, he" }]
allow = ["late, he"]
"#;

fn load(contents: &str) -> Result<LoadedRules, RuleFileError> {
    let mut rules = LoadedRules::default();
    rules.add_file("test.toml", contents)?;
    Ok(rules)
}

#[test]
fn loads_a_pattern_rule_and_runs_its_examples() {
    let rules = load(RULE).unwrap();
    assert_eq!(rules.metas()[0].id, "typography.test-space");
    assert_eq!(rules.verify_examples(), vec![]);
}

#[test]
fn names_file_line_and_column_of_an_unknown_key() {
    let error = load(&RULE.replace("summary =", "sumary =")).unwrap_err();
    assert_eq!((error.line, error.path.as_str()), (5, "test.toml"));
    assert!(error.message.contains("unknown field `sumary`"), "{error}");
}

#[test]
fn names_the_rule_whose_regex_does_not_compile() {
    let error = load(&RULE.replace(r"\w(?P<target> +)", r"\w(?P<target> +")).unwrap_err();
    assert_eq!(error.line, 7);
    assert!(
        error.message.contains("typography.test-space")
            && error.message.contains("does not compile"),
        "{error}"
    );
}

#[test]
fn rejects_a_placeholder_without_a_group() {
    let error = load(&RULE.replace("`{p}`", "`{q}`")).unwrap_err();
    assert!(error.message.contains("`{q}`"), "{error}");
}

#[test]
fn rejects_rules_without_examples_on_both_sides() {
    let error = load(&RULE.replace(r#"allow = ["late, he"]"#, "")).unwrap_err();
    assert!(error.message.contains("both sides"), "{error}");
}

#[test]
fn reports_a_failing_example_at_its_line() {
    let rules = load(&RULE.replace(r#"allow = ["late, he"]"#, r#"allow = ["late , he"]"#)).unwrap();
    let failures = rules.verify_examples();
    assert_eq!(failures.len(), 1);
    assert_eq!(failures[0].line, 10);
    assert!(failures[0].message.contains("must be left alone"));
}

const TABLE: &str = r#"
[[rule]]
id = "name.test-misspelling"
kind = "substitution"
summary = "Known misspellings."
message = "`{found}` is a misspelling of `{right}`."
table = { "Butcha" = "Bucha", "Anthony Blinken" = "Antony Blinken" }
flag = [{ text = "in BUTCHA and butcha.", fixed = "in BUCHA and bucha." }]
allow = ["Butchart Gardens", "Anthony Smith"]
"#;

#[test]
fn substitutes_whole_words_preserving_case() {
    let rules = load(TABLE).unwrap();
    assert_eq!(rules.verify_examples(), vec![]);
}

#[test]
fn rejects_chains_and_duplicates_across_tables() {
    let chain = TABLE.replace(
        r#""Anthony Blinken" = "Antony Blinken""#,
        r#""Bucha" = "Buča""#,
    );
    assert!(load(&chain)
        .unwrap_err()
        .message
        .contains("replaces in turn"));
    let mut rules = load(TABLE).unwrap();
    let again = TABLE.replace("name.test-misspelling", "name.other");
    let error = rules.add_file("b.toml", &again).unwrap_err();
    assert!(error.message.contains("already in the table"), "{error}");
}

#[test]
fn validates_rule_ids() {
    assert_eq!(
        parse_id("typography.doubled-word"),
        Ok(Category::Typography)
    );
    assert!(parse_id("style.doubled-word").is_err());
    assert!(parse_id("typography.Doubled").is_err());
    assert!(parse_id("typography").is_err());
}

#[test]
fn matches_case_of_the_found_text() {
    assert_eq!(match_case("Butcha", "Butcha", "Bucha"), "Bucha");
    assert_eq!(match_case("BUTCHA", "Butcha", "Bucha"), "BUCHA");
    assert_eq!(match_case("butcha", "Butcha", "Bucha"), "bucha");
    assert_eq!(match_case("Teh", "teh", "the"), "The");
}
