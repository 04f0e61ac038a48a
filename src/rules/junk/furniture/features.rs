//! What the page-furniture model sees of a line: a few numbers about its
//! shape (length, words, final punctuation, stopword density, digits,
//! capitals, links) and the same for the lines around it, as jusText and
//! boilerpipe judge a block by its text and its neighbours.
//!
//! The features are computed here and nowhere else: the training example
//! (`examples/train_furniture.rs`) calls [`page_features`] too, so the
//! model is fitted on exactly what it scores.

use super::text::{
    contains_ci, has_numeric_date, has_time, is_glued_word, is_link, is_month, lower,
};
use super::vocabulary::{each_vocabulary_word, has_two_letters, Vocabulary, VOCABULARY_CAP};
use crate::text::is_alphabetic;

/// The lines a page's features are computed over: its non-blank lines,
/// trimmed, in order.
pub struct LineView<'a> {
    pub text: &'a str,
    /// The weight of the certain phrase signals the line raises
    /// (`rules/junk/*.signals.toml`).
    pub signal_weight: u32,
}

/// The names of the features, in the order of a feature vector. The model
/// file names its weights by these.
pub const FEATURES: [&str; 50] = [
    "chars",
    "words_1",
    "words_2_3",
    "words_4_7",
    "words_8_15",
    "words_16_plus",
    "stopwords",
    "no_stopwords",
    "ends_sentence",
    "ends_colon",
    "ends_ellipsis",
    "digits",
    "time",
    "date",
    "title_case",
    "all_caps",
    "link",
    "separators",
    "symbols",
    "bullet",
    "copyright",
    "commas",
    "mixed_glue",
    "signal",
    "prev_chars",
    "prev_ends_sentence",
    "prev_stopwords",
    "prev_short",
    "next_chars",
    "next_ends_sentence",
    "next_stopwords",
    "next_short",
    "prose_around",
    "short_around",
    "prev_signal",
    "next_signal",
    "quote",
    "before_body",
    "after_body",
    "body_gap",
    "prose_near",
    "short_run",
    "repeated",
    "title_case_around",
    "body_distance",
    "vocab_junk",
    "vocab_content",
    "vocab_max",
    "prev_vocab",
    "next_vocab",
];

/// The number of features.
pub const N: usize = FEATURES.len();

/// Where the largest weight of a line's words is in a feature vector
/// (a test holds it to [`FEATURES`]): above 0 when the line has a word
/// that leans to furniture (a weight above 0), and only then.
pub const VOCAB_MAX: usize = 47;

/// The shape of one line, computed once and shared by the line and its
/// neighbours.
#[derive(Clone, Copy, Default)]
struct Shape {
    chars: f64,
    words: usize,
    stopwords: f64,
    ends_sentence: bool,
    ends_colon: bool,
    ends_ellipsis: bool,
    digits: f64,
    time: bool,
    date: bool,
    title_case: f64,
    all_caps: bool,
    link: bool,
    separators: bool,
    symbols: f64,
    bullet: bool,
    copyright: bool,
    commas: f64,
    mixed_glue: bool,
    quote: bool,
    signal: f64,
    /// The mean and the largest furniture weight of the line's words.
    vocab_junk: f64,
    vocab_content: f64,
    vocab_max: f64,
}

impl Shape {
    fn short(&self) -> bool {
        self.words <= 3
    }

    fn prose(&self) -> bool {
        self.words >= 10 && self.ends_sentence && self.stopwords >= 0.2
    }
}

fn shape(line: &LineView, is_stopword: &dyn Fn(&str) -> bool, vocabulary: &Vocabulary) -> Shape {
    let text = line.text;
    let mut chars = 0usize;
    let mut digits = 0usize;
    let mut symbols = 0usize;
    let mut letters = 0usize;
    let mut upper = 0usize;
    let mut commas = 0usize;
    let ascii = text.is_ascii();
    if ascii {
        chars = text.len();
        for &b in text.as_bytes() {
            if b.is_ascii_digit() {
                digits += 1;
            } else if b.is_ascii_alphabetic() {
                letters += 1;
                upper += usize::from(b.is_ascii_uppercase());
            } else if b == b',' {
                commas += 1;
            } else if !char::from(b).is_whitespace() {
                symbols += 1;
            }
        }
    } else {
        for c in text.chars() {
            chars += 1;
            if c.is_ascii_digit() {
                digits += 1;
            } else if is_alphabetic(c) {
                letters += 1;
                if c.is_uppercase() {
                    upper += 1;
                }
            } else if c == ',' {
                commas += 1;
            } else if !c.is_whitespace() {
                symbols += 1;
            }
        }
    }
    let mut words = 0usize;
    let mut stop = 0usize;
    let mut capitalised = 0usize;
    let mut alphabetic_words = 0usize;
    let mut month = false;
    let mut link = false;
    let mut mixed_glue = false;
    let mut buffer = String::new();
    // The vocabulary's words of the line, in order: a line's runs of
    // letters are its tokens' runs.
    let (mut junk_sum, mut content_sum, mut max, mut counted) = (0.0, 0.0, f64::MIN, 0usize);
    let mut count_word = |word: &str| {
        let w = vocabulary
            .weight(word)
            .clamp(-VOCABULARY_CAP, VOCABULARY_CAP);
        junk_sum += w.max(0.0);
        content_sum += (-w).max(0.0);
        max = max.max(w);
        counted += 1;
    };
    for raw in text.split_whitespace() {
        words += 1;
        mixed_glue = mixed_glue || is_glued_word(raw);
        link = link || is_link(raw);
        // On an ASCII line the ASCII tests are the Unicode ones, cheaper.
        let word = if ascii {
            raw.trim_matches(|c: char| !c.is_ascii_alphanumeric())
        } else {
            raw.trim_matches(|c: char| !c.is_alphanumeric())
        };
        if word.is_empty() {
            continue;
        }
        // A month makes a date only with a number on the line.
        if digits > 0 && !month && is_month(word) {
            month = true;
        }
        let alphabetic = if ascii {
            word.bytes().all(|b| b.is_ascii_alphabetic())
        } else {
            word.chars().all(is_alphabetic)
        };
        if alphabetic {
            alphabetic_words += 1;
            if word.chars().next().is_some_and(char::is_uppercase) {
                capitalised += 1;
            }
            let lowered = lower(word, &mut buffer);
            if is_stopword(lowered) {
                stop += 1;
            }
            // Trimmed of what is not a letter or digit, the token is its
            // one run of letters, lowered once for both.
            if has_two_letters(word, ascii) {
                count_word(lowered);
            }
        } else {
            each_vocabulary_word(raw, ascii, &mut buffer, &mut count_word);
        }
    }
    let last = text
        .trim_end_matches(['"', '\'', '”', '’', '»', ')', ']', '*'])
        .chars()
        .last();
    let ends_ellipsis = text.ends_with("...") || text.ends_with('…');
    let ratio = |n: usize, d: usize| if d == 0 { 0.0 } else { n as f64 / d as f64 };
    let date = digits > 0 && (month || has_numeric_date(text));
    let per_word = |sum: f64| {
        if counted == 0 {
            0.0
        } else {
            sum / counted as f64 / VOCABULARY_CAP
        }
    };
    Shape {
        chars: ((chars as f64) + 1.0).ln() / 1000f64.ln(),
        words,
        stopwords: ratio(stop, words),
        ends_sentence: matches!(last, Some('.' | '!' | '?')) && !ends_ellipsis,
        ends_colon: last == Some(':'),
        ends_ellipsis,
        digits: ratio(digits, chars),
        time: digits > 0 && has_time(text),
        date,
        title_case: ratio(capitalised, alphabetic_words),
        all_caps: letters >= 3 && upper == letters,
        link,
        separators: text.contains(" | ")
            || text.contains(" / ")
            || (!ascii && text.contains(['›', '»', '•', '·', '«']))
            || text.contains(" > "),
        symbols: ratio(symbols, chars),
        bullet: text.starts_with(['-', '•', '*', '·', '►', '▶', '–', '—', '|']),
        copyright: (!ascii && text.contains('©'))
            || text.contains("(c)")
            || contains_ci(text, "copyright"),
        commas: ratio(commas, words),
        mixed_glue,
        quote: text.starts_with(['"', '“', '«', '\'', '‘']),
        signal: f64::from(line.signal_weight.min(3)) / 3.0,
        vocab_junk: per_word(junk_sum),
        vocab_content: per_word(content_sum),
        vocab_max: if counted == 0 {
            0.0
        } else {
            max / VOCABULARY_CAP
        },
    }
}

/// The article's body: the run of prose lines (with at most three other
/// lines between two of them) that holds the most words. Teasers and
/// comments are prose too, but shorter runs of it. `(n, n)` without prose.
fn body(shapes: &[Shape]) -> (usize, usize) {
    let mut best = (shapes.len(), shapes.len(), 0usize);
    let mut current: Option<(usize, usize, usize)> = None;
    for (i, s) in shapes.iter().enumerate() {
        if !s.prose() {
            continue;
        }
        current = match current {
            Some((start, end, words)) if i - end <= 4 => Some((start, i, words + s.words)),
            _ => Some((i, i, s.words)),
        };
        if let Some((start, end, words)) = current {
            if words > best.2 {
                best = (start, end, words);
            }
        }
    }
    (best.0, best.1)
}

/// The feature vector of each line of a page.
pub fn page_features(
    lines: &[LineView],
    is_stopword: &dyn Fn(&str) -> bool,
    vocabulary: &Vocabulary,
) -> Vec<[f64; N]> {
    let shapes: Vec<Shape> = lines
        .iter()
        .map(|l| shape(l, is_stopword, vocabulary))
        .collect();
    let n = shapes.len();
    let flag = |b: bool| if b { 1.0 } else { 0.0 };
    // The body: from the first line of prose to the last. Furniture stands
    // around it (menus, bylines above; share buttons, comments, teasers
    // below) or in gaps inside it.
    let (body_start, body_end) = body(&shapes);
    // The run of short lines (a menu, a list of tags) each line is in.
    let mut run = vec![0usize; n];
    let mut i = 0;
    while i < n {
        let end = (i..n).find(|&j| !shapes[j].short()).unwrap_or(n);
        for r in &mut run[i..end] {
            *r = end - i;
        }
        i = end.max(i + 1);
    }
    // Lines the page shows more than once (a menu at the top and the foot).
    let mut seen: crate::lexicon::FastMap<&str, usize> = crate::lexicon::FastMap::default();
    for line in lines {
        *seen.entry(line.text).or_default() += 1;
    }
    // Lines to the nearest line of prose, before or after.
    let mut gap = vec![n; n];
    let mut last = None;
    for i in 0..n {
        if shapes[i].prose() {
            last = Some(i);
        }
        if let Some(l) = last {
            gap[i] = i - l;
        }
    }
    let mut next_prose = None;
    for i in (0..n).rev() {
        if shapes[i].prose() {
            next_prose = Some(i);
        }
        if let Some(l) = next_prose {
            gap[i] = gap[i].min(l - i);
        }
    }
    (0..n)
        .map(|i| {
            let s = &shapes[i];
            let none = Shape::default();
            let prev = if i > 0 { &shapes[i - 1] } else { &none };
            let next = shapes.get(i + 1).unwrap_or(&none);
            let window = i.saturating_sub(3)..(i + 4).min(n);
            let others = window.len().saturating_sub(1).max(1) as f64;
            let around = |f: &dyn Fn(&Shape) -> bool| {
                window.clone().filter(|&j| j != i && f(&shapes[j])).count() as f64 / others
            };
            [
                s.chars,
                flag(s.words == 1),
                flag((2..=3).contains(&s.words)),
                flag((4..=7).contains(&s.words)),
                flag((8..=15).contains(&s.words)),
                flag(s.words >= 16),
                s.stopwords,
                flag(s.stopwords == 0.0),
                flag(s.ends_sentence),
                flag(s.ends_colon),
                flag(s.ends_ellipsis),
                s.digits,
                flag(s.time),
                flag(s.date),
                s.title_case,
                flag(s.all_caps),
                flag(s.link),
                flag(s.separators),
                s.symbols,
                flag(s.bullet),
                flag(s.copyright),
                s.commas,
                flag(s.mixed_glue),
                s.signal,
                if i > 0 { prev.chars } else { 0.0 },
                flag(i > 0 && prev.ends_sentence),
                prev.stopwords,
                flag(i > 0 && prev.short()),
                if i + 1 < n { next.chars } else { 0.0 },
                flag(i + 1 < n && next.ends_sentence),
                next.stopwords,
                flag(i + 1 < n && next.short()),
                around(&Shape::prose),
                around(&Shape::short),
                prev.signal,
                next.signal,
                flag(s.quote),
                flag(i < body_start),
                flag(body_end < n && i > body_end),
                ((gap[i].min(20) as f64) + 1.0).ln() / 21f64.ln(),
                {
                    let near = i.saturating_sub(5)..(i + 6).min(n);
                    let others = (near.len() - 1).max(1) as f64;
                    near.filter(|&j| j != i && shapes[j].prose()).count() as f64 / others
                },
                ((run[i].min(30) as f64) + 1.0).ln() / 31f64.ln(),
                flag(seen.get(lines[i].text).is_some_and(|&c| c > 1)),
                window
                    .clone()
                    .filter(|&j| j != i)
                    .map(|j| shapes[j].title_case)
                    .sum::<f64>()
                    / others,
                {
                    let distance = if i < body_start {
                        body_start - i
                    } else if body_end < n && i > body_end {
                        i - body_end
                    } else {
                        0
                    };
                    ((distance.min(50) as f64) + 1.0).ln() / 51f64.ln()
                },
                s.vocab_junk,
                s.vocab_content,
                s.vocab_max,
                prev.vocab_junk,
                next.vocab_junk,
            ]
        })
        .collect()
}
