//! Fits the page-furniture model of `junk.page-furniture` and writes its
//! weights as `rules/junk/furniture.model.toml`. Run through
//! `scripts/train-furniture.sh`, which builds the labelled pages first;
//! CI never trains.
//!
//! `cargo run --release --example train_furniture -- PAGES.jsonl OUT.toml "TRAINED ON" [MAX_FP_PER_1000]`
//!
//! PAGES.jsonl: one page a line, `{"id", "split": "train"|"test",
//! "lines": [{"text", "junk": true|false|null}]}`. Lines labelled null
//! are ambiguous and left out of fitting and scoring.
//!
//! The fit is gradient boosting of trees three levels deep on the logistic
//! loss, with each feature cut at quantiles of its values, in a fixed order
//! of pages and lines: the same pages give the same bytes. It is fitted on
//! four fifths of the training pages; the threshold is the lowest that
//! keeps false positives on the other fifth at or under MAX_FP_PER_1000
//! article lines (default 5), so the model is tuned for precision.

use std::fmt::Write as _;

use mtlint::lexicon;
use mtlint::rules::junk::furniture::{vocabulary_words, Model, Vocabulary, FEATURES, N};
use mtlint::rules::junk::scraper_line::furniture_features;
use serde::Deserialize;

#[derive(Deserialize)]
struct Page {
    id: String,
    split: String,
    lines: Vec<Line>,
}

#[derive(Deserialize)]
struct Line {
    text: String,
    junk: Option<bool>,
}

/// One labelled line: its features, its label, the page it is on.
struct Example {
    x: [f64; N],
    junk: bool,
    page: usize,
}

/// One page in FOLDS is held out to choose the threshold.
const FOLDS: usize = 5;
/// L2 penalty on a leaf's value.
const LAMBDA: f64 = 1.0;
/// The least hessian (about the number of uncertain lines) a leaf holds.
const MIN_CHILD_WEIGHT: f64 = 5.0;
const DEPTH: usize = 3;
const ROUNDS: usize = 150;
const LEARNING_RATE: f64 = 0.15;
/// A word of the vocabulary is seen on this many fitting pages at least
/// (not one site's menu).
const VOCABULARY_MIN_PAGES: usize = 40;
/// And leans at least this far (log-odds) to one side.
const VOCABULARY_MIN_WEIGHT: f64 = 0.7;
/// The words kept on each side.
const VOCABULARY_SIDE: usize = 300;
/// Cut points per feature (quantiles of its training values).
const BINS: usize = 32;

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// A tree in heap order, as the model file holds it.
struct Tree {
    feature: Vec<i32>,
    threshold: Vec<f64>,
    value: Vec<f64>,
}

impl Tree {
    fn leaf(&self, x: &[f64; N]) -> f64 {
        let mut at = 0;
        while self.feature[at] != -1 {
            let f = self.feature[at] as usize;
            at = if x[f] <= self.threshold[at] {
                2 * at + 1
            } else {
                2 * at + 2
            };
        }
        self.value[at]
    }
}

/// For each feature, its cut points: a value goes left at a cut when it is
/// at or below it.
fn cuts(examples: &[&Example]) -> Vec<Vec<f64>> {
    (0..N)
        .map(|f| {
            let mut values: Vec<f64> = examples.iter().map(|e| e.x[f]).collect();
            values.sort_by(f64::total_cmp);
            let mut cuts: Vec<f64> = (1..BINS)
                .map(|k| values[k * (values.len() - 1) / BINS])
                .collect();
            cuts.dedup();
            // The largest value splits nothing off.
            cuts.retain(|&c| c < values[values.len() - 1]);
            cuts
        })
        .collect()
}

/// Fits boosted trees; returns the base log-odds and the trees.
fn fit(examples: &[&Example]) -> (f64, Vec<Tree>) {
    let cuts = cuts(examples);
    // Each example's bin per feature: the number of cuts below its value.
    let bins: Vec<[u8; N]> = examples
        .iter()
        .map(|e| {
            let mut b = [0u8; N];
            for f in 0..N {
                b[f] = cuts[f].partition_point(|&c| c < e.x[f]) as u8;
            }
            b
        })
        .collect();
    let positives = examples.iter().filter(|e| e.junk).count() as f64;
    let prior = (positives + 1.0) / (examples.len() as f64 + 2.0);
    let base = (prior / (1.0 - prior)).ln();
    let mut score = vec![base; examples.len()];
    let mut trees = Vec::with_capacity(ROUNDS);
    let size = (1 << (DEPTH + 1)) - 1;
    for _ in 0..ROUNDS {
        let (g, h): (Vec<f64>, Vec<f64>) = examples
            .iter()
            .zip(&score)
            .map(|(e, &s)| {
                let p = sigmoid(s);
                (p - if e.junk { 1.0 } else { 0.0 }, p * (1.0 - p))
            })
            .unzip();
        let mut tree = Tree {
            feature: vec![-1; size],
            threshold: vec![0.0; size],
            value: vec![0.0; size],
        };
        // Rows of each node, built level by level.
        let mut rows: Vec<Vec<usize>> = vec![Vec::new(); size];
        rows[0] = (0..examples.len()).collect();
        let mut leaf_of = vec![0usize; examples.len()];
        for node in 0..size {
            if node > 0 && tree.feature[(node - 1) / 2] == -1 {
                continue; // under a leaf
            }
            let members = std::mem::take(&mut rows[node]);
            let gs: f64 = members.iter().map(|&i| g[i]).sum();
            let hs: f64 = members.iter().map(|&i| h[i]).sum();
            tree.value[node] = -LEARNING_RATE * gs / (hs + LAMBDA);
            let depth = usize::BITS - (node + 1).leading_zeros() - 1;
            let mut best: Option<(f64, usize, usize)> = None;
            if (depth as usize) < DEPTH {
                let parent = gs * gs / (hs + LAMBDA);
                for f in 0..N {
                    let mut hist = vec![(0.0, 0.0); cuts[f].len() + 1];
                    for &i in &members {
                        let slot = &mut hist[usize::from(bins[i][f])];
                        slot.0 += g[i];
                        slot.1 += h[i];
                    }
                    let (mut gl, mut hl) = (0.0, 0.0);
                    for (bin, &(gb, hb)) in hist.iter().enumerate().take(cuts[f].len()) {
                        gl += gb;
                        hl += hb;
                        let (gr, hr) = (gs - gl, hs - hl);
                        if hl < MIN_CHILD_WEIGHT || hr < MIN_CHILD_WEIGHT {
                            continue;
                        }
                        let gain = gl * gl / (hl + LAMBDA) + gr * gr / (hr + LAMBDA) - parent;
                        if gain > 1e-9 && best.is_none_or(|(b, _, _)| gain > b) {
                            best = Some((gain, f, bin));
                        }
                    }
                }
            }
            match best {
                Some((_, f, bin)) => {
                    tree.feature[node] = f as i32;
                    tree.threshold[node] = cuts[f][bin];
                    let (left, right): (Vec<usize>, Vec<usize>) = members
                        .into_iter()
                        .partition(|&i| usize::from(bins[i][f]) <= bin);
                    rows[2 * node + 1] = left;
                    rows[2 * node + 2] = right;
                }
                None => {
                    for i in members {
                        leaf_of[i] = node;
                    }
                }
            }
        }
        for (i, s) in score.iter_mut().enumerate() {
            *s += tree.value[leaf_of[i]];
        }
        trees.push(tree);
    }
    (base, trees)
}

fn predict(base: f64, trees: &[Tree], x: &[f64; N]) -> f64 {
    sigmoid(base + trees.iter().map(|t| t.leaf(x)).sum::<f64>())
}

/// What mtlint lints is an article that a scraper extracted, with the
/// furniture it kept around and inside it, not a whole page: the model
/// learns from each page cut to its main text (first to last article
/// line) and a margin of up to 12 lines on each side, varied by page
/// (none on a third of the sides).
fn crop<'l>(lines: &'l [&'l Line], page: usize) -> &'l [&'l Line] {
    let content = |l: &&&Line| l.junk == Some(false);
    let (Some(first), Some(last)) = (
        lines.iter().position(|l| content(&l)),
        lines.iter().rposition(|l| content(&l)),
    ) else {
        return lines;
    };
    let margin = |k: usize| match k % 19 {
        0..=5 => 0,
        k => k - 6,
    };
    let (before, after) = (margin(page * 7), margin(page * 11 + 3));
    &lines[first.saturating_sub(before)..(last + after + 1).min(lines.len())]
}

/// Words that lean to furniture or to article text, learned from the
/// lines of the pages the trees are fitted on (cut to the article): for
/// each word seen on enough pages, the log-odds of a line holding it being
/// furniture, less the log-odds of any line. The strongest of each side
/// are kept, rounded.
fn vocabulary(pages: &[Page]) -> Vec<(String, f64)> {
    use std::collections::{BTreeMap, BTreeSet};
    /// Lines of furniture and of article text: in all, and by source.
    #[derive(Default)]
    struct Count {
        junk: f64,
        content: f64,
        pages: BTreeSet<usize>,
        by_source: BTreeMap<String, (f64, f64)>,
    }
    let mut counts: BTreeMap<String, Count> = BTreeMap::new();
    let mut totals: BTreeMap<String, (f64, f64)> = BTreeMap::new();
    for (page_index, page) in pages.iter().enumerate() {
        if page.split == "test" || page_index % FOLDS == 0 {
            continue;
        }
        let source = page.id.split('/').next().unwrap_or_default().to_owned();
        let kept: Vec<&Line> = page
            .lines
            .iter()
            .filter(|l| !l.text.trim().is_empty())
            .collect();
        for line in crop(&kept, page_index) {
            let Some(junk) = line.junk else { continue };
            let total = totals.entry(source.clone()).or_default();
            if junk {
                total.0 += 1.0;
            } else {
                total.1 += 1.0;
            }
            let words: BTreeSet<String> = vocabulary_words(&line.text).collect();
            for word in words {
                let count = counts.entry(word).or_default();
                let in_source = count.by_source.entry(source.clone()).or_default();
                if junk {
                    count.junk += 1.0;
                    in_source.0 += 1.0;
                } else {
                    count.content += 1.0;
                    in_source.1 += 1.0;
                }
                count.pages.insert(page_index);
            }
        }
    }
    let log_odds = |j: f64, c: f64, (tj, tc): (f64, f64)| {
        f64::ln((j + 1.0) / (c + 1.0)) - f64::ln((tj + 1.0) / (tc + 1.0))
    };
    let all = totals
        .values()
        .fold((0.0, 0.0), |(a, b), (j, c)| (a + j, b + c));
    let mut weighted: Vec<(String, f64)> = counts
        .into_iter()
        .filter(|(_, count)| count.pages.len() >= VOCABULARY_MIN_PAGES)
        .filter_map(|(word, count)| {
            let w = (log_odds(count.junk, count.content, all) * 100.0).round() / 100.0;
            // A word leans the same way in every source that has it: not
            // one year's topic in one set's sidebars.
            let agree = count.by_source.iter().all(|(source, &(j, c))| {
                j + c < 5.0 || log_odds(j, c, totals[source]).signum() == w.signum()
            });
            (agree && w.abs() >= VOCABULARY_MIN_WEIGHT).then_some((word, w))
        })
        .collect();
    weighted.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then_with(|| a.0.cmp(&b.0)));
    let junk: Vec<(String, f64)> = weighted
        .iter()
        .filter(|(_, w)| *w > 0.0)
        .take(VOCABULARY_SIDE)
        .cloned()
        .collect();
    let content = weighted
        .iter()
        .filter(|(_, w)| *w < 0.0)
        .take(VOCABULARY_SIDE)
        .cloned();
    let mut kept: Vec<(String, f64)> = junk.into_iter().chain(content).collect();
    kept.sort_by(|a, b| a.0.cmp(&b.0));
    kept
}

/// Precision, recall, F1 of the junk class and false positives per 1,000
/// article lines, at a threshold.
fn figures(scored: &[(f64, bool)], threshold: f64) -> (f64, f64, f64, f64) {
    let (mut tp, mut fp, mut fneg, mut content) = (0.0, 0.0, 0.0, 0.0_f64);
    for &(p, junk) in scored {
        let flagged = p >= threshold;
        match (flagged, junk) {
            (true, true) => tp += 1.0,
            (true, false) => fp += 1.0,
            (false, true) => fneg += 1.0,
            (false, false) => {}
        }
        if !junk {
            content += 1.0;
        }
    }
    let precision = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
    let recall = if tp + fneg > 0.0 {
        tp / (tp + fneg)
    } else {
        0.0
    };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    (precision, recall, f1, 1000.0 * fp / content.max(1.0))
}

fn round4(x: f64) -> f64 {
    let r = (x * 10_000.0).round() / 10_000.0;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

#[allow(clippy::print_stdout, reason = "an example prints its report")]
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, pages, out, trained_on, rest @ ..] = args.as_slice() else {
        panic!("usage: train_furniture PAGES.jsonl OUT.toml \"TRAINED ON\" [MAX_FP_PER_1000]");
    };
    let max_fp: f64 = rest.first().map_or(5.0, |s| s.parse().expect("a number"));
    let text = std::fs::read_to_string(pages).expect("the pages are readable");
    let mut pages: Vec<Page> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("a page record"))
        .collect();
    pages.sort_by(|a, b| a.id.cmp(&b.id));
    let lexicons = lexicon::builtin();
    let mut train = Vec::new();
    let mut test = Vec::new();
    let vocabulary = vocabulary(&pages);
    let mut test_pages = Vec::new();
    for (page_index, page) in pages.iter().enumerate() {
        let kept: Vec<&Line> = page
            .lines
            .iter()
            .filter(|l| !l.text.trim().is_empty())
            .collect();
        let cropped = crop(&kept, page_index);
        let examples = |lines: &[&Line]| -> Vec<Example> {
            let texts: Vec<&str> = lines.iter().map(|l| l.text.trim()).collect();
            let features =
                furniture_features(&texts, lexicons, &Vocabulary::new(vocabulary.clone()));
            lines
                .iter()
                .zip(features)
                .filter_map(|(line, x)| {
                    line.junk.map(|junk| Example {
                        x,
                        junk,
                        page: page_index,
                    })
                })
                .collect()
        };
        if page.split == "test" {
            test.extend(examples(cropped));
            test_pages.extend(examples(&kept));
        } else {
            train.extend(examples(cropped));
        }
    }
    // A fifth of the training pages, held out, chooses the threshold; the
    // model is fitted on the rest.
    let (held, fitting): (Vec<&Example>, Vec<&Example>) =
        train.iter().partition(|e| e.page % FOLDS == 0);
    let (base, trees) = fit(&fitting);
    let round = |x: f64| round4(x);
    let rounded: Vec<Tree> = trees
        .iter()
        .map(|t| Tree {
            feature: t.feature.clone(),
            threshold: t.threshold.clone(),
            value: t.value.iter().map(|&v| round(v)).collect(),
        })
        .collect();
    let base = round(base);
    let validation: Vec<(f64, bool)> = held
        .iter()
        .map(|e| (predict(base, &rounded, &e.x), e.junk))
        .collect();
    let threshold = (500..1000)
        .map(|t| f64::from(t) / 1000.0)
        .find(|&t| figures(&validation, t).3 <= max_fp)
        .unwrap_or(0.999);
    let mut means = [0.0; N];
    for e in &fitting {
        for (mean, x) in means.iter_mut().zip(&e.x) {
            *mean += x;
        }
    }
    let list = |values: &mut dyn Iterator<Item = String>| values.collect::<Vec<_>>().join(", ");
    let mut file = String::new();
    writeln!(
        file,
        "# The page-furniture model of junk.page-furniture: gradient-boosted trees\n\
         # over the features of src/rules/junk/furniture/features.rs. Made by\n\
         # scripts/train-furniture.sh; do not edit by hand.\n\
         [model]\n\
         trained_on = {trained_on:?}\n\
         features = [{}]\n\
         means = [{}]\n\
         base = {base}\n\
         threshold = {threshold:.3}\n",
        list(&mut FEATURES.iter().map(|f| format!("{f:?}"))),
        list(
            &mut means
                .iter()
                .map(|m| format!("{}", round(m / fitting.len().max(1) as f64)))
        ),
    )
    .expect("a string takes writes");
    writeln!(
        file,
        "[vocabulary]\nwords = [{}]\nweights = [{}]\n",
        list(&mut vocabulary.iter().map(|(w, _)| format!("{w:?}"))),
        list(&mut vocabulary.iter().map(|(_, v)| format!("{v:?}"))),
    )
    .expect("a string takes writes");
    for tree in &rounded {
        writeln!(
            file,
            "[[tree]]\nfeature = [{}]\nthreshold = [{}]\nvalue = [{}]\n",
            list(&mut tree.feature.iter().map(i32::to_string)),
            list(&mut tree.threshold.iter().map(|v| format!("{v:?}"))),
            list(&mut tree.value.iter().map(|v| format!("{v:?}"))),
        )
        .expect("a string takes writes");
    }
    std::fs::write(out, &file).expect("the model file is writable");
    let model = Model::parse(&file).expect("the model just written parses");
    let scored = |set: &[Example]| -> Vec<(f64, bool)> {
        set.iter()
            .map(|e| (model.probability(&e.x), e.junk))
            .collect()
    };
    println!(
        "{} training lines ({} junk), {} test lines ({} junk); threshold {threshold:.3}",
        train.len(),
        train.iter().filter(|e| e.junk).count(),
        test.len(),
        test.iter().filter(|e| e.junk).count()
    );
    for (name, set) in [
        ("held-out training pages, cut to the article", validation),
        ("test pages, cut to the article", scored(&test)),
        ("test pages, whole", scored(&test_pages)),
    ] {
        let (p, r, f1, fp) = figures(&set, threshold);
        println!("{name}: precision {p:.3} recall {r:.3} F1 {f1:.3} false positives {fp:.1} per 1,000 article lines");
    }
}
