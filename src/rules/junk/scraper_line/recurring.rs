//! `junk.recurring-line`: a line that recurs in several articles of the
//! run, where the site's furniture stands and the article's prose does
//! not.

use super::super::furniture::is_full_date;
use super::model::Scores;
use super::{headline_like, is_credit, is_prose, line_ranges, Signal, RECURRING};
use crate::diagnostic::{Edit, Fix};
use crate::document::Document;
use crate::recurring::LineCounts;
use crate::rule::Context;

/// The fewest articles of a run that must carry a line.
pub(super) const MIN_ARTICLES: u32 = 3;

/// Inside the article's body (from its first paragraph of prose to its
/// last), a recurring line must also look like furniture: have a word the
/// model learned as furniture, or score this much. "Advertisement" between two paragraphs goes, and so does
/// "Subscribe to our channel for the latest news."; a subheading a site
/// gives every article of a series stays, and so does the background
/// paragraph a wire ends its stories with.
const IN_BODY: f64 = 0.9;

/// How many lines above the body's first paragraph a headline may stand
/// (a subtitle and a byline between them).
const TITLE_REACH: usize = 3;

/// Outside the body, a recurring sentence needs a word of furniture or
/// this score.
const SENTENCE: f64 = 0.5;

/// Each line's count when it recurs in [`MIN_ARTICLES`] or more articles.
pub(super) fn candidates(
    doc: &Document,
    counts: &LineCounts,
    lines: &[(usize, Vec<&Signal>)],
) -> Vec<Option<u32>> {
    lines
        .iter()
        .map(|(index, _)| {
            let count = counts.count(doc.slice(doc.lines[*index].range));
            (count >= MIN_ARTICLES).then_some(count)
        })
        .collect()
}

/// Whether a line is someone's words or the article's credits: a quote
/// that articles share, or "Reporting by …".
fn quoted_or_credit(text: &str, cx: &Context) -> bool {
    text.contains(['"', '“', '”', '«', '»', '„']) || is_credit(text, cx.lexicons())
}

/// Reports the recurring lines that no other junk rule of the pass took.
pub(super) fn report(
    doc: &Document,
    cx: &mut Context,
    lines: &[(usize, Vec<&Signal>)],
    taken: &[bool],
    candidates: &[Option<u32>],
    scores: &Scores,
) {
    let Some(articles) = cx.recurring.map(LineCounts::articles) else {
        return;
    };
    let text_of = |k: usize| doc.slice(doc.lines[lines[k].0].range).trim();
    // The body is the article's own prose: a recurring line is not.
    let prose = |k: usize| !taken[k] && candidates[k].is_none() && is_prose(text_of(k));
    let body = (0..lines.len()).find(|&k| prose(k)).map(|first| {
        let last = (0..lines.len()).rfind(|&k| prose(k)).unwrap_or(first);
        first..=last
    });
    for (k, count) in candidates.iter().enumerate() {
        let Some(count) = count else { continue };
        let text = text_of(k);
        let index = lines[k].0;
        if taken[k]
            || quoted_or_credit(text, cx)
            // Another article's dateline has the same key once numbers
            // are folded, but a date with its day is the article's own.
            || is_full_date(text)
            || super::super::is_code(doc.slice(doc.lines[index].range))
            || super::model::wrapped(doc, index)
        {
            continue;
        }
        let in_body = body.as_ref().is_some_and(|b| b.contains(&k));
        // The article's own headline, just above its first paragraph,
        // recurs where the site's other pages list it as a teaser.
        let title = body
            .as_ref()
            .is_some_and(|b| k < *b.start() && *b.start() - k <= TITLE_REACH)
            && headline_like(text);
        if title {
            continue;
        }
        let sentence = text.split_whitespace().count() >= 8 && super::super::ends_sentence(text);
        let bar = if in_body { IN_BODY } else { SENTENCE };
        let furniture = || scores[k].1 >= bar || super::model::has_furniture_word(&scores[k].0);
        if (in_body || sentence) && !furniture() {
            continue;
        }
        let (shown, delete) = line_ranges(doc, index);
        cx.report(
            RECURRING
                .diagnostic(
                    shown,
                    format!(
                        "This line recurs in {count} of the {articles} articles of this run: furniture of the site, not the article"
                    ),
                )
                .with_fix(Fix::unsafe_("Delete the line", vec![Edit::delete(delete)])),
        );
    }
}
