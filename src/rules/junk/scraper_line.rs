//! `junk.scraper-line`: a line of page furniture (a follow counter, a
//! comment widget, a page timer, a bare link, a "Read also" marker, a
//! section label) found by scoring line signals, not by one pattern per
//! phrase. The signals and their weights are data
//! (`rules/junk/*.signals.toml`); the scoring is here:
//!
//! - each signal that matches the trimmed line adds its weight;
//! - a line with some signal gets 1 more when the nearest non-blank line
//!   before or after it is junk, because furniture comes in clusters;
//! - a line scoring [`THRESHOLD`] or more is junk;
//! - a bare link in the article's own fact box, next to a "Tickets: from
//!   £18" or "Venue: City Hall" line, is the article's: it tells readers
//!   where to go.
//!
//! The fix deletes the line; it is safe only when every signal that
//! matched is marked safe (counters, widgets, timers).
//!
//! `junk.teaser-block` (same file, one pass): after the first tail marker
//! ("Read also", a comment widget), the rest of the page when most of it
//! looks like teasers; and, with no marker, a run of three or more
//! headline-like lines that ends the page after the article's prose
//! (credit lines such as "Reporting by …" stop the run). A block never
//! takes in the article's prose (on a full page, a "Read also" marker may
//! stand in the middle of the article: the block starts after the last two
//! paragraphs of prose in a row, where a teaser has one blurb), nor the
//! items of a list that a line ending in a colon introduces (tour dates,
//! qualified teams). The fix deletes the block and is unsafe.
//!
//! `junk.page-furniture` (same pass): a line that the signals leave alone
//! but that a model learned from web pages with their main text marked
//! by hand (mozilla/readability's test pages, L3S-GN1, Dragnet) scores as
//! furniture: share and subscribe widgets, tag lists, copyright and ad
//! lines, bylines glued to counters. The model (`furniture/`,
//! `rules/junk/furniture.model.toml`, rebuilt by
//! `scripts/train-furniture.sh`) is a few hundred small trees over about
//! fifty features of the line and its neighbours: length, words, final
//! punctuation, function words, digits, times and dates, Title Case,
//! links, symbols, the run of short lines it is in, where it stands
//! against the article's paragraphs, and learned words of furniture. Its
//! threshold keeps false positives at about 6 per 1,000 article lines on
//! held-out pages; the message names the features that weighed most. A
//! line of a paragraph wrapped over several lines, and code, are left
//! alone. The fix deletes the line and is unsafe.
//!
//! `junk.recurring-line` (same pass): when a run lints many articles
//! (`check` over files, `batch` over records), a line that three or more
//! of them carry, outside their prose: a site's "Subscribe to our
//! channel" foot, its menu, its tag line, which the other rules may not
//! know. Lines are compared with case, spaces and numbers folded, so
//! "Views: 87" and "Views: 1 204" are one line. A shared line stays when
//! it is a quote, a credit ("Reporting by …"), code, a wrapped paragraph,
//! or a sentence inside the article's body; any other line inside the
//! body goes only when the furniture model also leans to furniture. How
//! the counting stays streaming and bounded is told in `src/recurring.rs`.
//! A file linted alone, standard input and the language server have no
//! run to compare with. The fix deletes the line and is unsafe.

mod model;
mod recurring;
mod signals;

use crate::diagnostic::{Category, Edit, Fix, Severity};
use crate::document::Document;
use crate::lexicon::Lexicons;
use crate::rule::{Check, Context, RuleMeta};
use crate::text::{is_alphabetic, TextRange, TextSize};
pub use model::furniture_features;
use signals::raised;
pub(crate) use signals::warm_up;
pub use signals::{signals, Signal};

pub struct ScraperLine;

static METAS: [RuleMeta; 4] = [
    RuleMeta::builtin(
        "junk.scraper-line",
        Category::Junk,
        Severity::Warning,
        "A line of page furniture carried in by the scraper: a counter, a widget, a timer, a link, a section label.",
        true,
    ),
    RuleMeta::builtin(
        "junk.teaser-block",
        Category::Junk,
        Severity::Warning,
        "The teasers for other articles at the end of the page, after a \"Related\" or \"Read also\" marker or as a run of headlines.",
        true,
    ),
    RuleMeta::builtin(
        "junk.page-furniture",
        Category::Junk,
        Severity::Warning,
        "A line that a model learned from labelled web pages takes for page furniture: a menu, a caption, a byline, a widget.",
        true,
    ),
    RuleMeta::builtin(
        "junk.recurring-line",
        Category::Junk,
        Severity::Warning,
        "A line that recurs in several articles of the run, outside their prose: the furniture of a site.",
        true,
    ),
];
const META: &RuleMeta = &METAS[0];
const TEASERS: &RuleMeta = &METAS[1];
const FURNITURE: &RuleMeta = &METAS[2];
const RECURRING: &RuleMeta = &METAS[3];

/// Signals that end the article: what follows them is the page's.
const TAIL_MARKERS: [&str; 2] = ["read-also marker", "comment widget"];

/// The signal of a line that is one link and nothing else.
const BARE_LINK: &str = "bare link";

/// A line of a fact box: a short label, a colon and its value ("Tickets:
/// from £18", "Box office: 0131 555 0100").
fn is_fact_line(text: &str) -> bool {
    text.split_once(": ").is_some_and(|(label, value)| {
        let words = label.split_whitespace().count();
        (1..=3).contains(&words)
            && label.starts_with(char::is_uppercase)
            && label.chars().all(|c| is_alphabetic(c) || c == ' ')
            && !value.trim().is_empty()
    })
}

/// The share of lines after a tail marker that must look like teasers
/// (junk, or short lines without a full stop) for the rest to go too.
const TEASER_SHARE: f64 = 0.6;

/// The score at which a line is junk: one strong signal, or a weak one
/// inside a cluster.
pub const THRESHOLD: u32 = 3;

impl Check for ScraperLine {
    fn rules(&self) -> &[RuleMeta] {
        &METAS
    }

    fn check(&self, doc: &Document, cx: &mut Context) {
        let lines: Vec<(usize, Vec<&Signal>)> = doc
            .lines
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.blank)
            .map(|(i, l)| (i, raised(doc.slice(l.range))))
            .collect();
        let text_of = |k: usize| doc.slice(doc.lines[lines[k].0].range).trim();
        let base: Vec<u32> = lines
            .iter()
            .enumerate()
            .map(|(k, (_, s))| {
                let only_link = !s.is_empty() && s.iter().all(|s| s.name == BARE_LINK);
                let box_line = |j: usize| lines[j].1.is_empty() && is_fact_line(text_of(j));
                let in_box = (k > 0 && box_line(k - 1)) || (k + 1 < lines.len() && box_line(k + 1));
                if only_link && in_box {
                    0
                } else {
                    s.iter().map(|s| s.weight).sum()
                }
            })
            .collect();
        // Clusters: a weak line next to junk is junk; repeat until settled.
        let mut junk: Vec<bool> = base.iter().map(|&s| s >= THRESHOLD).collect();
        for _ in 0..lines.len() {
            let mut changed = false;
            for i in 0..lines.len() {
                if junk[i] || base[i] == 0 {
                    continue;
                }
                let near = (i > 0 && junk[i - 1]) || junk.get(i + 1).copied().unwrap_or(false);
                if near && base[i] + 1 >= THRESHOLD {
                    junk[i] = true;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        self.teaser_block(doc, cx, &lines, &junk);
        let recurring = cx
            .recurring
            .filter(|_| cx.is_enabled(&RECURRING.id))
            .map(|counts| recurring::candidates(doc, counts, &lines))
            .filter(|c| c.iter().any(Option::is_some));
        if cx.is_enabled(&FURNITURE.id) || recurring.is_some() {
            let scores = model::scores(doc, cx, &lines);
            // The lines the other rules of the pass report.
            let mut taken = if cx.is_enabled(&META.id) {
                junk.clone()
            } else {
                vec![false; lines.len()]
            };
            if cx.is_enabled(&FURNITURE.id) {
                let reported = model::report(doc, cx, &lines, &junk, &scores);
                taken.iter_mut().zip(reported).for_each(|(t, r)| *t |= r);
            }
            if let Some(candidates) = recurring {
                recurring::report(doc, cx, &lines, &taken, &candidates, &scores);
            }
        }
        for (k, (index, signals)) in lines.iter().enumerate() {
            if !junk[k] {
                continue;
            }
            let names: Vec<&str> = signals.iter().map(|s| s.name.as_str()).collect();
            let (shown, delete) = line_ranges(doc, *index);
            let message = format!(
                "Scraper junk ({}), not part of the article",
                names.join(", ")
            );
            let edit = vec![Edit::delete(delete)];
            let fix = if signals.iter().all(|s| s.safe) {
                Fix::safe("Delete the line", edit)
            } else {
                Fix::unsafe_("Delete the line", edit)
            };
            cx.report(META.diagnostic(shown, message).with_fix(fix));
        }
    }
}

/// A line's trimmed text, and what deleting it removes: the line with its
/// line break.
fn line_ranges(doc: &Document, index: usize) -> (TextRange, TextRange) {
    let line = &doc.lines[index];
    let full = doc.line_index.line_range(index, doc.text);
    let end = doc.text[full.end().to_usize()..]
        .find('\n')
        .map_or(doc.text.len(), |n| full.end().to_usize() + n + 1);
    let delete = TextRange::from_usize(full.start().to_usize(), end);
    let text = doc.slice(line.range);
    let trimmed_start = line.range.start().to_usize() + (text.len() - text.trim_start().len());
    let trimmed_end = line.range.start().to_usize() + text.trim_end().len();
    let shown = TextRange::from_usize(trimmed_start, trimmed_end.max(trimmed_start));
    (shown, delete)
}

impl ScraperLine {
    /// After the first tail marker, the rest of the page when most of it
    /// looks like teasers: junk lines, headlines (short, no full stop) and
    /// blurbs cut off with an ellipsis.
    fn teaser_block(
        &self,
        doc: &Document,
        cx: &mut Context,
        lines: &[(usize, Vec<&Signal>)],
        junk: &[bool],
    ) {
        let Some(marker) = lines
            .iter()
            .position(|(_, s)| s.iter().any(|s| TAIL_MARKERS.contains(&s.name.as_str())))
        else {
            self.trailing_headlines(doc, cx, lines, junk);
            return;
        };
        // The article may go on after an in-article marker: the block
        // starts after its last two paragraphs of prose in a row. (A teaser
        // has one blurb between its headline and its section label.)
        let prose = |k: usize| !junk[k] && is_prose(doc.slice(doc.lines[lines[k].0].range));
        let after_prose = (marker + 1..lines.len().saturating_sub(1))
            .rev()
            .find(|&k| prose(k) && prose(k + 1))
            .map_or(marker + 1, |k| k + 2);
        let rest = &lines[after_prose..];
        if rest.len() < 2 || introduces_a_list(doc, lines, after_prose) {
            return;
        }
        let teaser_like = rest
            .iter()
            .enumerate()
            .filter(|(k, (index, _))| {
                let text = doc.slice(doc.lines[*index].range).trim();
                junk[after_prose + k]
                    || text.ends_with("...")
                    || text.ends_with('…')
                    || (text.split_whitespace().count() <= 15 && !text.ends_with('.'))
            })
            .count();
        // Nothing to add when every line is junk on its own.
        let all_junk = (after_prose..lines.len()).all(|k| junk[k]);
        if all_junk || (teaser_like as f64) < TEASER_SHARE * rest.len() as f64 {
            return;
        }
        let first = doc.lines[rest[0].0].range.start();
        let last = doc.lines[rest[rest.len() - 1].0].range.end();
        let range = TextRange::new(first, last);
        let marker_text = doc.slice(doc.lines[lines[marker].0].range).trim();
        cx.report(
            TEASERS
                .diagnostic(
                    range,
                    format!(
                        "{} lines after `{marker_text}` are teasers and widgets from the page, not the article",
                        rest.len()
                    ),
                )
                .with_fix(Fix::unsafe_(
                    "Delete the block",
                    vec![Edit::delete(TextRange::new(first, TextSize::from_usize(doc.text.len())))],
                )),
        );
    }
}

/// A paragraph of the article's prose: a long line that ends as a sentence
/// does (a teaser's blurb is cut off with an ellipsis).
fn is_prose(line: &str) -> bool {
    let text = line.trim();
    text.split_whitespace().count() >= 12
        && super::ends_sentence(text)
        && !text.ends_with("...")
        && !text.ends_with('…')
}

/// Whether the line before `lines[k]` introduces a list ("The qualified
/// teams:", "Tour dates:"): what follows is the article's own list.
fn introduces_a_list(doc: &Document, lines: &[(usize, Vec<&Signal>)], k: usize) -> bool {
    k > 0 && {
        let (index, signals) = &lines[k - 1];
        doc.slice(doc.lines[*index].range).trim_end().ends_with(':')
            && !signals
                .iter()
                .any(|s| TAIL_MARKERS.contains(&s.name.as_str()))
    }
}

/// A credit line of the article ("Reporting by …", "Photo: …"): its first
/// word is one of the lexicon's credit words.
fn is_credit(text: &str, lexicons: &Lexicons) -> bool {
    let first = text.split(|c: char| !is_alphabetic(c)).next().unwrap_or("");
    lexicons
        .get("credit-words")
        .is_some_and(|l| l.contains(first))
}

/// The fewest headline-like lines that make a teaser list without a marker.
const MIN_TRAILING_HEADLINES: usize = 3;

/// Whether a line reads like a teaser headline: a few words, a capital
/// first letter, no sentence punctuation at its end, and no list bullet or
/// Markdown heading (an article's own list or section).
fn headline_like(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let first = text.chars().next();
    // Mostly words: not a date, a signature with an address, or columns.
    let wordy = text
        .split_whitespace()
        .filter(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .chars()
                .all(is_alphabetic)
        })
        .count();
    (3..=15).contains(&words)
        && wordy * 10 >= words * 7
        && !text.contains(['@', '<', '>', '|', '\t', '/'])
        && !text.contains("  ")
        && first.is_some_and(char::is_uppercase)
        && !text.ends_with(['.', '!', '?', ':', ';', ',', '"', '”', '»', ')', '…'])
        && !text.starts_with(['#', '-', '*', '•', '>'])
}

impl ScraperLine {
    /// Without a tail marker: a run of headline-like lines that ends the
    /// page after the article's prose, the teaser list of a page whose
    /// "Related" heading the scraper dropped.
    fn trailing_headlines(
        &self,
        doc: &Document,
        cx: &mut Context,
        lines: &[(usize, Vec<&Signal>)],
        junk: &[bool],
    ) {
        let text_of = |k: usize| doc.slice(doc.lines[lines[k].0].range).trim();
        let run = (0..lines.len())
            .rev()
            .take_while(|&k| headline_like(text_of(k)) && !is_credit(text_of(k), cx.lexicons()))
            .count();
        if run < MIN_TRAILING_HEADLINES {
            return;
        }
        let start = lines.len() - run;
        if introduces_a_list(doc, lines, start) {
            return;
        }
        // The article before it: at least two lines of prose.
        let prose = (0..start)
            .filter(|&k| !junk[k] && text_of(k).ends_with(['.', '!', '?', '"', '”', '»']))
            .filter(|&k| text_of(k).split_whitespace().count() >= 8)
            .count();
        if prose < 2 || (start..lines.len()).all(|k| junk[k]) {
            return;
        }
        let first = doc.lines[lines[start].0].range.start();
        let last = doc.lines[lines[lines.len() - 1].0].range.end();
        cx.report(
            TEASERS
                .diagnostic(
                    TextRange::new(first, last),
                    format!(
                        "{run} headline-like lines end the page: teasers for other articles, not the article"
                    ),
                )
                .with_fix(Fix::unsafe_(
                    "Delete the block",
                    vec![Edit::delete(TextRange::new(first, TextSize::from_usize(doc.text.len())))],
                )),
        );
    }
}

#[cfg(test)]
mod tests;
