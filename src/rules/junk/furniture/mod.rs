//! The page-furniture model: gradient-boosted trees of a few levels over
//! the features of a line and its neighbours ([`features`]), fitted on
//! public web pages whose
//! main text is marked (see `scripts/train-furniture.sh`). Its weights are
//! data, `rules/junk/furniture.model.toml`; this module loads them, scores
//! a page's lines and says which features weighed most in a finding.

pub mod features;
mod file;
mod forest;
mod text;
mod vocabulary;
pub(crate) use text::is_full_date;

use std::sync::OnceLock;

use crate::embedded::MODEL_FILES;
use crate::lexicon::Lexicons;
pub use features::{LineView, FEATURES, N, VOCAB_MAX};
use file::{ModelFile, RawVocabulary};
use forest::Forest;
pub use vocabulary::{vocabulary_words, Vocabulary};

/// What each feature says of a line when it pushes the score up: above its
/// mean (`high`) or below it (`low`). A feature with no word for a side is
/// never named for that side.
const SAYS: [(&str, Option<&str>, Option<&str>); N] = [
    ("chars", Some("long"), Some("short")),
    ("words_1", Some("a single word"), None),
    ("words_2_3", Some("two or three words"), None),
    ("words_4_7", Some("four to seven words"), None),
    ("words_8_15", Some("eight to fifteen words"), None),
    ("words_16_plus", Some("sixteen words or more"), None),
    (
        "stopwords",
        Some("many function words"),
        Some("few function words"),
    ),
    ("no_stopwords", Some("no function words"), None),
    (
        "ends_sentence",
        Some("ends as a sentence"),
        Some("no sentence ending"),
    ),
    ("ends_colon", Some("ends in a colon"), None),
    ("ends_ellipsis", Some("cut off with an ellipsis"), None),
    ("digits", Some("many digits"), None),
    ("time", Some("a clock time"), None),
    ("date", Some("a date"), None),
    ("title_case", Some("Title Case"), Some("lower-case words")),
    ("all_caps", Some("all capitals"), None),
    ("link", Some("a link or handle"), None),
    ("separators", Some("menu separators"), None),
    ("symbols", Some("many symbols"), None),
    ("bullet", Some("a bullet"), None),
    ("copyright", Some("a copyright notice"), None),
    ("commas", Some("a list of terms"), None),
    ("mixed_glue", Some("words glued to numbers"), None),
    ("signal", Some("a furniture phrase"), None),
    (
        "prev_chars",
        Some("after a long line"),
        Some("after a short line"),
    ),
    (
        "prev_ends_sentence",
        Some("after a sentence"),
        Some("after a line that is no sentence"),
    ),
    (
        "prev_stopwords",
        Some("after prose"),
        Some("after a line of few function words"),
    ),
    ("prev_short", Some("after a short line"), None),
    (
        "next_chars",
        Some("before a long line"),
        Some("before a short line"),
    ),
    (
        "next_ends_sentence",
        Some("before a sentence"),
        Some("before a line that is no sentence"),
    ),
    (
        "next_stopwords",
        Some("before prose"),
        Some("before a line of few function words"),
    ),
    ("next_short", Some("before a short line"), None),
    (
        "prose_around",
        Some("among prose"),
        Some("little prose around it"),
    ),
    ("short_around", Some("among short lines"), None),
    ("prev_signal", Some("after a furniture line"), None),
    ("next_signal", Some("before a furniture line"), None),
    ("quote", Some("opens with a quote"), None),
    (
        "before_body",
        Some("above the article's first paragraph"),
        None,
    ),
    (
        "after_body",
        Some("below the article's last paragraph"),
        None,
    ),
    ("body_gap", Some("far from the article's paragraphs"), None),
    (
        "prose_near",
        Some("among paragraphs"),
        Some("few paragraphs near it"),
    ),
    ("short_run", Some("in a run of short lines"), None),
    ("repeated", Some("shown twice on the page"), None),
    ("title_case_around", Some("among Title Case lines"), None),
    (
        "body_distance",
        Some("outside the article's paragraphs"),
        None,
    ),
    ("vocab_junk", Some("words of page furniture"), None),
    ("vocab_content", None, Some("few words of article text")),
    ("vocab_max", Some("a word of page furniture"), None),
    ("prev_vocab", Some("after words of page furniture"), None),
    ("next_vocab", Some("before words of page furniture"), None),
];

/// A node of a tree: a split on a feature, or a leaf (feature -1), with
/// its estimate.
#[derive(Debug, Clone, Copy)]
struct Node {
    feature: i32,
    threshold: f64,
    value: f64,
}

/// A tree: its nodes in heap order, a slice of the model's one array,
/// which [`Model::reasons`] walks (scoring reads the [`forest`] layout).
#[derive(Debug, Clone, Copy)]
struct Tree<'m> {
    nodes: &'m [Node],
}

/// Makes a tree complete to `depth`: a leaf above the last level becomes a
/// split that sends every line left (feature 0 at or below +∞), to a child
/// with the same value, down to the last level; nodes below it, which no
/// line reaches, are dropped. Scores do not change, and the explanation
/// neither (such a split moves nothing).
fn complete(nodes: &mut Vec<Node>, depth: u32) {
    let size = (1usize << (depth + 1)) - 1;
    let leaf = Node {
        feature: -1,
        threshold: 0.0,
        value: 0.0,
    };
    nodes.resize(size, leaf);
    for at in 0..(1usize << depth) - 1 {
        if nodes[at].feature == -1 {
            let value = nodes[at].value;
            nodes[at] = Node {
                feature: 0,
                threshold: f64::INFINITY,
                value,
            };
            for child in [2 * at + 1, 2 * at + 2] {
                nodes[child] = Node {
                    feature: -1,
                    threshold: 0.0,
                    value,
                };
            }
        }
    }
}

/// A fitted model: boosted trees of a few levels over the features.
#[derive(Debug, Clone)]
pub struct Model {
    pub threshold: f64,
    pub means: [f64; N],
    pub vocabulary: Vocabulary,
    base: f64,
    /// Every tree's nodes, one tree after another.
    nodes: Vec<Node>,
    /// Where each tree starts in `nodes`; the last entry is the end.
    starts: Vec<usize>,
    /// The trees again, laid out for scoring.
    forest: Forest,
}

impl Model {
    /// Parses a model file: its features must be [`FEATURES`], in order,
    /// and every tree well formed.
    pub fn parse(text: &str) -> Result<Self, String> {
        Self::from_file(toml::from_str(text).map_err(|e| e.to_string())?)
    }

    /// The built-in model, which build.rs read and wrote as postcard.
    fn from_image(image: &[u8]) -> Result<Self, String> {
        Self::from_file(postcard::from_bytes(image).map_err(|e| e.to_string())?)
    }

    fn from_file(file: ModelFile) -> Result<Self, String> {
        let header = file.model;
        if header.features != FEATURES {
            return Err(format!(
                "the model's features are not mtlint's: retrain it (it has {}, mtlint {})",
                header.features.len(),
                N
            ));
        }
        let means: [f64; N] = header
            .means
            .try_into()
            .map_err(|_| format!("`means` must give {N} values"))?;
        if !(0.0..1.0).contains(&header.threshold) {
            return Err("the threshold must be a probability below 1".into());
        }
        let RawVocabulary { words, weights } = file.vocabulary;
        if words.len() != weights.len() {
            return Err("the vocabulary's words and weights differ in length".into());
        }
        let vocabulary = Vocabulary::new(words.into_iter().zip(weights));
        let mut trees: Vec<Vec<Node>> = Vec::with_capacity(file.tree.len());
        for (t, raw) in file.tree.into_iter().enumerate() {
            let size = raw.feature.len();
            if raw.threshold.len() != size || raw.value.len() != size {
                return Err(format!(
                    "tree {t}: feature, threshold and value differ in length"
                ));
            }
            for (i, &f) in raw.feature.iter().enumerate() {
                let inside = f == -1 || (0..N as i32).contains(&f);
                if !inside || (f != -1 && 2 * i + 2 >= size) {
                    return Err(format!("tree {t}: node {i} is not a leaf or a split"));
                }
            }
            trees.push(
                (0..size)
                    .map(|i| Node {
                        feature: raw.feature[i],
                        threshold: raw.threshold[i],
                        value: raw.value[i],
                    })
                    .collect(),
            );
        }
        // The deepest split of any tree sets the depth all are completed to.
        let depth = trees
            .iter()
            .flat_map(|nodes| {
                nodes
                    .iter()
                    .enumerate()
                    .filter(|(_, n)| n.feature != -1)
                    .map(|(i, _)| usize::BITS - (i + 1).leading_zeros())
            })
            .max()
            .unwrap_or(0);
        let mut nodes = Vec::new();
        let mut starts = vec![0];
        for tree in &mut trees {
            complete(tree, depth);
            nodes.extend_from_slice(tree);
            starts.push(nodes.len());
        }
        Ok(Self {
            threshold: header.threshold,
            means,
            vocabulary,
            base: header.base,
            nodes,
            starts,
            forest: Forest::new(&trees, depth),
        })
    }

    fn trees(&self) -> impl Iterator<Item = Tree<'_>> {
        self.starts.windows(2).map(|w| Tree {
            nodes: &self.nodes[w[0]..w[1]],
        })
    }

    /// The probability that a line with these features is page furniture.
    /// Every tree is complete to its depth (see [`complete`]), so the
    /// walk takes no branch that depends on the line: the processor runs
    /// the trees side by side (see [`forest`]).
    pub fn probability(&self, x: &[f64; N]) -> f64 {
        let z = self.base + self.forest.sum(x);
        1.0 / (1.0 + (-z).exp())
    }

    /// The features that pushed a line's score up the most, strongest
    /// first, as words: at most `k`. Each split on a line's way down a
    /// tree moves its estimate; the move is the split feature's.
    pub fn reasons(&self, x: &[f64; N], k: usize) -> Vec<&'static str> {
        let mut push = [0.0; N];
        for tree in self.trees() {
            // Each split on the line's way from the root to its leaf.
            let mut at = 0;
            while let Ok(f) = usize::try_from(tree.nodes[at].feature) {
                let next = if x[f] <= tree.nodes[at].threshold {
                    2 * at + 1
                } else {
                    2 * at + 2
                };
                push[f] += tree.nodes[next].value - tree.nodes[at].value;
                at = next;
            }
        }
        let mut pushes: Vec<(f64, &'static str)> = (0..N)
            .filter_map(|i| {
                let (_, high, low) = SAYS[i];
                let says = if x[i] > self.means[i] { high } else { low }?;
                (push[i] > 0.0).then_some((push[i], says))
            })
            .collect();
        pushes.sort_by(|a, b| b.0.total_cmp(&a.0));
        pushes.into_iter().take(k).map(|(_, says)| says).collect()
    }
}

/// The built-in model, parsed once.
pub fn builtin() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        let (path, image) = MODEL_FILES
            .iter()
            .find(|(path, _)| path.ends_with("furniture.model.toml"))
            .expect("build.rs embeds rules/junk/furniture.model.toml");
        // Checked by `tests::the_builtin_model_loads`.
        Model::from_image(image).unwrap_or_else(|e| panic!("{path}: {e}"))
    })
}

/// The feature vectors of a page's lines (non-blank, trimmed, in order),
/// with the English function words of the lexicons as stopwords and the
/// vocabulary of a model.
pub fn page_features(
    lines: &[LineView],
    lexicons: &Lexicons,
    vocabulary: &Vocabulary,
) -> Vec<[f64; N]> {
    let stopwords = lexicons.get("function-words");
    features::page_features(
        lines,
        &|w| stopwords.is_some_and(|l| l.contains(w)),
        vocabulary,
    )
}

#[cfg(test)]
mod tests;
