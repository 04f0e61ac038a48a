//! A learned model's file (`rules/**/*.model.toml`), as read: its header,
//! its vocabulary and its trees. build.rs, which includes this file,
//! reads the built-in model and writes it as postcard, which a run reads
//! without parsing text or numbers.

use serde::{Deserialize, Serialize};

/// A model file.
#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ModelFile {
    pub model: Header,
    pub vocabulary: RawVocabulary,
    pub tree: Vec<RawTree>,
}

/// The learned words and their weights, in two lists of one length.
#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawVocabulary {
    pub words: Vec<String>,
    pub weights: Vec<f64>,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    /// How the model was made; the loader needs no more.
    pub trained_on: String,
    /// The feature names, in the order the trees index them.
    pub features: Vec<String>,
    /// Each feature's mean over the training lines.
    pub means: Vec<f64>,
    /// The log-odds every score starts from.
    pub base: f64,
    pub threshold: f64,
}

/// A tree in heap order: node `i` has children `2i + 1` (the feature at or
/// below the threshold) and `2i + 2`. A node whose feature is -1 is a leaf.
/// `value` is each node's own estimate (a leaf's is what it adds).
#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawTree {
    pub feature: Vec<i32>,
    pub threshold: Vec<f64>,
    pub value: Vec<f64>,
}
