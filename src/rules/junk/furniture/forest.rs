//! The model's trees laid out for scoring: every line of every article is
//! scored by all of them.
//! A tree of three levels, the built-in model's, is held in arrays of a
//! fixed size, and its walk is three steps with no loop; a tree of any
//! other depth is read from flat arrays. Either way the leaves are summed
//! in the trees' order, so the score is the same to the bit.

use super::{Node, N};

#[derive(Debug, Clone)]
pub(super) enum Forest {
    Three(Vec<Three>),
    Any {
        depth: u32,
        /// Each tree's splits in heap order: the feature and threshold.
        features: Vec<u8>,
        thresholds: Vec<f64>,
        /// Each tree's leaves, left to right.
        leaves: Vec<f64>,
    },
}

/// A tree of three levels of splits and eight leaves.
#[derive(Debug, Clone, Copy)]
pub(super) struct Three {
    features: [u8; 7],
    thresholds: [f64; 7],
    leaves: [f64; 8],
}

impl Three {
    fn leaf(&self, x: &[f64; N]) -> f64 {
        let step = |at: usize| {
            2 * at + 1 + usize::from(x[usize::from(self.features[at])] > self.thresholds[at])
        };
        self.leaves[step(step(step(0))) - 7]
    }
}

/// A split's feature index, which fits a byte: it is below [`N`]
/// (checked when the model loads).
fn feature(node: &Node) -> u8 {
    u8::try_from(node.feature).unwrap_or(0)
}

impl Forest {
    /// Lays out trees completed to `depth` (see `complete`: each has
    /// exactly `2^(depth + 1) - 1` nodes), whose split features are below
    /// [`N`].
    pub(super) fn new(trees: &[Vec<Node>], depth: u32) -> Self {
        if depth == 3 {
            let splits = 7;
            return Forest::Three(
                trees
                    .iter()
                    .map(|tree| Three {
                        features: std::array::from_fn(|i| feature(&tree[i])),
                        thresholds: std::array::from_fn(|i| tree[i].threshold),
                        leaves: std::array::from_fn(|i| tree[splits + i].value),
                    })
                    .collect(),
            );
        }
        Self::flat(trees, depth)
    }

    /// Lays out trees of any depth in flat arrays.
    pub(super) fn flat(trees: &[Vec<Node>], depth: u32) -> Self {
        let splits = (1usize << depth) - 1;
        let mut forest = (Vec::new(), Vec::new(), Vec::new());
        for tree in trees {
            forest.0.extend(tree[..splits].iter().map(feature));
            forest.1.extend(tree[..splits].iter().map(|n| n.threshold));
            forest.2.extend(tree[splits..].iter().map(|n| n.value));
        }
        Forest::Any {
            depth,
            features: forest.0,
            thresholds: forest.1,
            leaves: forest.2,
        }
    }

    /// The sum of the leaves a line reaches, tree by tree.
    pub(super) fn sum(&self, x: &[f64; N]) -> f64 {
        match self {
            Forest::Three(trees) => trees.iter().map(|t| t.leaf(x)).sum::<f64>(),
            Forest::Any {
                depth,
                features,
                thresholds,
                leaves,
            } => {
                let splits = (1usize << depth) - 1;
                let trees = leaves.len() / (splits + 1);
                (0..trees)
                    .map(|t| {
                        let features = &features[t * splits..(t + 1) * splits];
                        let thresholds = &thresholds[t * splits..(t + 1) * splits];
                        let mut at = 0;
                        for _ in 0..*depth {
                            let f = usize::from(features[at]);
                            at = 2 * at + 1 + usize::from(x[f] > thresholds[at]);
                        }
                        leaves[t * (splits + 1) + at - splits]
                    })
                    .sum::<f64>()
            }
        }
    }
}
