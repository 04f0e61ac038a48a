//! `junk.page-furniture`: the learned model's scores of a page's lines,
//! and the lines it reports.

use super::super::furniture::{self, LineView};
use super::{line_ranges, raised, Signal, FURNITURE};
use crate::diagnostic::{Edit, Fix};
use crate::document::Document;
use crate::lexicon::Lexicons;
use crate::rule::Context;

/// The page-furniture model's features of a page's lines (non-blank,
/// trimmed, in order), with the weight of the phrase signals each raises:
/// what `junk.page-furniture` scores, and what its training example
/// (`examples/train_furniture.rs`) fits on.
pub fn furniture_features(
    lines: &[&str],
    lexicons: &Lexicons,
    vocabulary: &furniture::Vocabulary,
) -> Vec<[f64; furniture::N]> {
    let views: Vec<LineView> = lines
        .iter()
        .map(|text| LineView {
            text,
            signal_weight: raised(text).iter().map(|s| s.weight).sum(),
        })
        .collect();
    furniture::page_features(&views, lexicons, vocabulary)
}

/// Whether line `index` is part of a paragraph of prose wrapped over
/// several lines: it runs on into the next line, or on from the one before
/// it. The model learned from pages with a line per block, where a
/// wrapped line's shape does not occur.
pub(super) fn wrapped(doc: &Document, index: usize) -> bool {
    let text = |i: usize| doc.slice(doc.lines[i].range).trim();
    let open = |i: usize| !doc.lines[i].blank && !super::super::ends_sentence(text(i));
    let lower_start =
        |i: usize| !doc.lines[i].blank && text(i).chars().next().is_some_and(|c| c.is_lowercase());
    (index + 1 < doc.lines.len() && open(index) && lower_start(index + 1))
        || (index > 0 && open(index - 1) && lower_start(index))
}

/// Whether a scored line has a word the model learned as a word of
/// furniture ("subscribe", "advertisement", "tags"): its features hold
/// the largest weight of its words.
pub(super) fn has_furniture_word(features: &[f64; furniture::N]) -> bool {
    features[furniture::VOCAB_MAX] > 0.0
}

/// The lines of each run of three or more short lines (three words or
/// fewer) that has no word or phrase of furniture in it or next to it. A
/// menu or a "Related people" box looks like that, but so does the
/// article's own list (a squad, a cast, results): without a word that
/// says furniture, the run is left alone.
fn unproven_lists(texts: &[&str], junk: &[bool], scores: &Scores) -> Vec<bool> {
    let short = |k: usize| texts[k].split_whitespace().count() <= 3;
    let furniture_word = |k: usize| has_furniture_word(&scores[k].0);
    let mut unproven = vec![false; texts.len()];
    let mut start = 0;
    while start < texts.len() {
        if !short(start) {
            start += 1;
            continue;
        }
        let end = (start..texts.len())
            .find(|&k| !short(k))
            .unwrap_or(texts.len());
        if end - start >= 3 {
            let around = start.saturating_sub(1)..(end + 1).min(texts.len());
            let proven = around.clone().any(|k| junk[k]) || (start..end).any(furniture_word);
            if !proven {
                unproven[start..end].fill(true);
            }
        }
        start = end;
    }
    unproven
}

/// Each line's features (of `lines`, in order) and the model's
/// probability that it is furniture.
pub(super) type Scores = Vec<([f64; furniture::N], f64)>;

/// The model's scores of `lines`.
pub(super) fn scores(doc: &Document, cx: &Context, lines: &[(usize, Vec<&Signal>)]) -> Scores {
    let model = furniture::builtin();
    let views: Vec<LineView> = lines
        .iter()
        .map(|(index, signals)| LineView {
            text: doc.slice(doc.lines[*index].range).trim(),
            signal_weight: signals.iter().map(|s| s.weight).sum(),
        })
        .collect();
    furniture::page_features(&views, cx.lexicons(), &model.vocabulary)
        .into_iter()
        .map(|x| {
            let p = model.probability(&x);
            (x, p)
        })
        .collect()
}

/// Reports the lines the model scores above its threshold that the
/// signals left alone, and returns which lines it reported.
pub(super) fn report(
    doc: &Document,
    cx: &mut Context,
    lines: &[(usize, Vec<&Signal>)],
    junk: &[bool],
    scores: &Scores,
) -> Vec<bool> {
    let model = furniture::builtin();
    let texts: Vec<&str> = lines
        .iter()
        .map(|(index, _)| doc.slice(doc.lines[*index].range).trim())
        .collect();
    let unproven = unproven_lists(&texts, junk, scores);
    let mut reported = vec![false; lines.len()];
    for (k, (x, p)) in scores.iter().enumerate() {
        let index = lines[k].0;
        if *p < model.threshold
            || junk[k]
            || unproven[k]
            || wrapped(doc, index)
            || super::super::is_code(doc.slice(doc.lines[index].range))
        {
            continue;
        }
        let (shown, delete) = line_ranges(doc, index);
        let reasons = model.reasons(x, 3).join(", ");
        cx.report(
            FURNITURE
                .diagnostic(
                    shown,
                    format!("Looks like page furniture, not the article ({reasons})"),
                )
                .with_fix(Fix::unsafe_("Delete the line", vec![Edit::delete(delete)])),
        );
        reported[k] = true;
    }
    reported
}
