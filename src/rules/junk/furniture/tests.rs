//! The page-furniture model's tests: its features, its file and its
//! scores.

use super::features::page_features as raw_features;
use super::text::{has_mixed_glue, has_numeric_date, has_time, is_month};
use super::*;

/// Lines as the features see them, with no phrase signal.
fn views<S: AsRef<str>>(lines: &[S]) -> Vec<LineView<'_>> {
    lines
        .iter()
        .map(|text| LineView {
            text: text.as_ref(),
            signal_weight: 0,
        })
        .collect()
}

fn features(lines: &[&str]) -> Vec<[f64; N]> {
    let views = views(lines);
    let vocabulary = Vocabulary::new([("share".to_owned(), 2.0), ("said".to_owned(), -1.0)]);
    raw_features(
        &views,
        &|w| ["the", "a", "of", "and", "to", "in"].contains(&w),
        &vocabulary,
    )
}

fn get(v: &[f64; N], name: &str) -> f64 {
    v[FEATURES.iter().position(|f| *f == name).expect("a feature")]
}

#[test]
fn shapes_of_prose_and_furniture() {
    let page = features(&[
        "Share",
        "The talks in the capital went on until late in the evening, and the ministers agreed.",
        "Anna Petrova09:15, 14.03.24",
    ]);
    assert_eq!(get(&page[0], "words_1"), 1.0);
    assert_eq!(get(&page[0], "no_stopwords"), 1.0);
    assert_eq!(get(&page[0], "next_ends_sentence"), 1.0);
    assert_eq!(get(&page[1], "ends_sentence"), 1.0);
    assert_eq!(get(&page[1], "words_16_plus"), 1.0);
    assert_eq!(get(&page[2], "time"), 1.0);
    assert_eq!(get(&page[2], "date"), 1.0);
    assert_eq!(get(&page[2], "mixed_glue"), 1.0);
    assert_eq!(get(&page[0], "vocab_junk"), 0.5);
    assert_eq!(get(&page[0], "vocab_max"), 0.5);
    assert_eq!(get(&page[1], "prev_vocab"), 0.5);
    assert_eq!(get(&page[1], "vocab_junk"), 0.0);
}

#[test]
fn brands_and_plain_numbers_are_not_glue() {
    for word in [
        "iPhone", "YouTube", "PayPal", "McDonald", "G20", "3.5", "U.S.",
    ] {
        assert!(!has_mixed_glue(word), "{word}");
    }
    assert!(has_mixed_glue("Petrova09:15"));
    assert!(has_mixed_glue("CommentsNoComment"));
}

#[test]
fn dates_and_times() {
    assert!(has_time("Updated 09:15"));
    assert!(!has_time("Ratio 3:1"));
    assert!(has_numeric_date("on 2024-02-23"));
    assert!(has_numeric_date("14.03.24"));
    assert!(!has_numeric_date("version 3.5"));
    assert!(is_month("Feb."));
    assert!(is_month("March"));
}

#[test]
fn the_builtin_model_loads() {
    let model = builtin();
    assert!(model.threshold > 0.5);
    assert!(model.trees().count() > 10);
    // The image that build.rs made is the TOML file, number for number.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/rules/junk/furniture.model.toml"
    );
    let toml =
        Model::parse(&std::fs::read_to_string(path).expect("the model file")).expect("parses");
    assert_eq!(toml.threshold, model.threshold);
    assert_eq!((toml.base, toml.means), (model.base, model.means));
    assert_eq!(toml.vocabulary.sorted(), model.vocabulary.sorted());
    assert_eq!(toml.starts, model.starts);
    assert_eq!(toml.nodes.len(), model.nodes.len());
    for (a, b) in toml.nodes.iter().zip(&model.nodes) {
        assert_eq!(
            (a.feature, a.threshold, a.value),
            (b.feature, b.threshold, b.value)
        );
    }
}

#[test]
fn every_feature_has_its_words() {
    for (i, (name, _, _)) in SAYS.iter().enumerate() {
        assert_eq!(*name, FEATURES[i]);
    }
}

fn model_file(trees: &str) -> String {
    let names: Vec<String> = FEATURES.iter().map(|f| format!("{f:?}")).collect();
    let means = vec!["0.5"; N].join(", ");
    format!(
        "[model]\ntrained_on = \"test\"\nfeatures = [{}]\nmeans = [{means}]\nbase = 0.0\nthreshold = 0.9\n[vocabulary]\nwords = [\"share\"]\nweights = [1.5]\n{trees}",
        names.join(", ")
    )
}

fn at(name: &str) -> usize {
    FEATURES.iter().position(|f| *f == name).expect("a feature")
}

#[test]
fn a_model_file_is_checked() {
    let stump = |f: usize| {
        format!("[[tree]]\nfeature = [{f}, -1, -1]\nthreshold = [0.5, 0.0, 0.0]\nvalue = [0.0, -1.0, 2.0]\n")
    };
    assert!(Model::parse(&model_file(&stump(3))).is_ok());
    let err = Model::parse(&model_file(&stump(N))).unwrap_err();
    assert!(err.contains("node 0"), "{err}");
    let short = "[[tree]]\nfeature = [0]\nthreshold = [0.5]\nvalue = [0.0]\n";
    assert!(Model::parse(&model_file(short))
        .unwrap_err()
        .contains("node 0"));
    let renamed = model_file(&stump(3)).replacen("\"chars\"", "\"colour\"", 1);
    assert!(Model::parse(&renamed).unwrap_err().contains("retrain"));
}

/// One tree of two levels: ends_sentence <= 0.5 (no sentence ending)
/// goes left, then words_1 splits the left side; `padding` more leaves
/// that no line reaches are written after its own.
fn two_level_tree(padding: usize) -> String {
    let (e, w) = (at("ends_sentence"), at("words_1"));
    let pad = |value: &str| format!(", {value}").repeat(padding);
    format!(
        "[[tree]]\nfeature = [{e}, {w}, -1, -1, -1, -1, -1{}]\nthreshold = [0.5, 0.5, 0, 0, 0, 0, 0{}]\nvalue = [0.0, 1.0, -2.0, 0.5, 3.0, 0, 0{}]\n",
        pad("-1"),
        pad("0"),
        pad("9")
    )
}

/// A line of a single word with no sentence ending: the leaf of 3.0 in
/// [`two_level_tree`].
fn single_word_line() -> [f64; N] {
    let mut x = [0.5; N];
    x[at("ends_sentence")] = 0.0;
    x[at("words_1")] = 1.0;
    x
}

#[test]
fn trees_score_and_explain() {
    let model = Model::parse(&model_file(&two_level_tree(0))).expect("a model");
    let mut x = single_word_line();
    assert!((model.probability(&x) - 1.0 / (1.0 + (-3.0f64).exp())).abs() < 1e-12);
    assert_eq!(
        model.reasons(&x, 2),
        ["a single word", "no sentence ending"]
    );
    x[at("ends_sentence")] = 1.0;
    assert!(model.probability(&x) < 0.2);
    assert!(model.reasons(&x, 2).is_empty());
}

/// The sum of the leaves `x` reaches, walking each tree's nodes.
fn walked(model: &Model, x: &[f64; N]) -> f64 {
    model
        .trees()
        .map(|tree| {
            let mut at = 0;
            while let Ok(f) = usize::try_from(tree.nodes[at].feature) {
                at = 2 * at + 1 + usize::from(x[f] > tree.nodes[at].threshold);
            }
            tree.nodes[at].value
        })
        .sum::<f64>()
}

#[test]
fn laid_out_trees_score_as_their_nodes_do() {
    let model = builtin();
    let trees: Vec<Vec<Node>> = model.trees().map(|t| t.nodes.to_vec()).collect();
    let depth = (trees[0].len() + 1).ilog2() - 1;
    let flat = forest::Forest::flat(&trees, depth);
    assert!(matches!(model.forest, forest::Forest::Three(_)));
    let lines = [
        "Share this article",
        "The minister said on Tuesday that the talks would go on.",
        "Comments / 0",
        "© 2024 Example News. All rights reserved.",
        "Київ, 14.03.2024 09:15",
        "Tags: Ukraine, Russia",
    ];
    for x in features(&lines) {
        let z = walked(model, &x);
        assert_eq!(model.forest.sum(&x).to_bits(), z.to_bits());
        assert_eq!(flat.sum(&x).to_bits(), z.to_bits());
    }
}

#[test]
fn nodes_below_the_deepest_split_are_dropped() {
    // The tree of two levels written with a third level of leaves, then a
    // stump: both layouts must read each tree's own leaves.
    let stump = format!(
        "[[tree]]\nfeature = [{}, -1, -1]\nthreshold = [0.5, 0, 0]\nvalue = [0.0, 0.25, -0.25]\n",
        at("words_1")
    );
    let file = model_file(&(two_level_tree(8) + &stump));
    let model = Model::parse(&file).expect("a model");
    let x = single_word_line();
    let z: f64 = 3.0 - 0.25;
    assert!((model.probability(&x) - 1.0 / (1.0 + (-z).exp())).abs() < 1e-12);
    assert_eq!(model.forest.sum(&x).to_bits(), walked(&model, &x).to_bits());
}

#[test]
fn a_full_date_has_its_day() {
    for date in [
        "July 19, 2012",
        "Monday, November 5, 2012",
        "July 24, 2012 10:09 AM",
        "19.07.2012",
        "the 5th of November 2012",
    ] {
        assert!(is_full_date(date), "{date}");
    }
    for other in ["July 2012", "Views: 12", "Updated July 19, 2012", "2012"] {
        assert!(!is_full_date(other), "{other}");
    }
}

/// A line's vocabulary features are those of its words read whole from
/// the line (runs of letters, lowered, of two letters or more), summed in
/// order, to the bit; and the furniture-word test of a scored line, which
/// reads `vocab_max`, says what the text says. On every line of the
/// fixtures, and on the model's own words glued, hyphenated, quoted and
/// capitalised.
#[test]
fn vocabulary_features_are_those_of_the_lines_words() {
    assert_eq!(FEATURES[VOCAB_MAX], "vocab_max");
    let vocabulary = &builtin().vocabulary;
    let mut lines: Vec<String> = crate::rules::test::fixture_texts()
        .iter()
        .flat_map(|text| text.lines().map(|l| l.trim().to_owned()))
        .collect();
    for (word, _) in vocabulary.sorted() {
        let mut chars = word.chars();
        let capital: String = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        lines.push(format!("{word} | {}", word.to_uppercase()));
        lines.push(format!("— {capital}, 12 comments"));
        lines.push(format!("{word}'s e-{word} {word}2024 «{capital}» a I"));
    }
    lines.retain(|l| !l.is_empty());
    let page = raw_features(&views(&lines), &|_| false, vocabulary);
    let cap = vocabulary::VOCABULARY_CAP;
    let mut furniture = 0;
    for (line, x) in lines.iter().zip(&page) {
        let weights: Vec<f64> = vocabulary_words(line)
            .map(|w| vocabulary.weight(&w).clamp(-cap, cap))
            .collect();
        let n = weights.len() as f64;
        let per_word = |sum: f64| {
            if weights.is_empty() {
                0.0
            } else {
                sum / n / cap
            }
        };
        let junk = weights.iter().fold(0.0, |s, w| s + w.max(0.0));
        let content = weights.iter().fold(0.0, |s, w| s + (-w).max(0.0));
        let max = weights.iter().fold(f64::MIN, |m, &w| m.max(w));
        assert_eq!(
            get(x, "vocab_junk").to_bits(),
            per_word(junk).to_bits(),
            "{line:?}"
        );
        assert_eq!(
            get(x, "vocab_content").to_bits(),
            per_word(content).to_bits(),
            "{line:?}"
        );
        let max = if weights.is_empty() { 0.0 } else { max / cap };
        assert_eq!(x[VOCAB_MAX].to_bits(), max.to_bits(), "{line:?}");
        let has = vocabulary.has_furniture_word(line);
        assert_eq!(x[VOCAB_MAX] > 0.0, has, "{line:?}");
        furniture += usize::from(has);
    }
    assert!(
        furniture > 100 && furniture < lines.len(),
        "{furniture} of {}",
        lines.len()
    );
}
