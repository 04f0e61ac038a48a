//! The normalised views of an article: its text in NFC, or in NFC and
//! lower case, each with a map from its offsets back to the original.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::text::{TextRange, TextSize};

/// A transformed copy of the text (NFC, or case-folded) with a map from its
/// offsets back to the original.
#[derive(Debug)]
pub struct NormalizedText {
    pub text: String,
    /// `(normalised start, original start, same length)` for each run; a run
    /// whose length changed maps all its inner offsets to its start.
    runs: Vec<(u32, u32, bool)>,
    original_len: u32,
}

impl NormalizedText {
    fn identity(text: &str) -> Self {
        Self {
            text: text.to_owned(),
            runs: vec![(0, 0, true)],
            original_len: text.len() as u32,
        }
    }

    /// The original offset that `offset` in the normalised text comes from.
    pub fn to_original(&self, offset: usize) -> TextSize {
        let offset = offset as u32;
        let i = self.runs.partition_point(|run| run.0 <= offset).max(1) - 1;
        let (norm_start, orig_start, same) = self.runs[i];
        let mapped = if same {
            orig_start + (offset - norm_start)
        } else if offset == norm_start {
            orig_start
        } else {
            // Inside a run that changed length: the end of the run is the
            // only position that is safe on both sides.
            self.runs
                .get(i + 1)
                .map_or(self.original_len, |next| next.1)
        };
        TextSize::new(mapped.min(self.original_len))
    }

    pub fn range_to_original(&self, start: usize, end: usize) -> TextRange {
        let start = self.to_original(start);
        let end = self.to_original(end).max(start);
        TextRange::new(start, end)
    }

    fn push(&mut self, orig_start: usize, original: &str, normalized: &str) {
        let same = original.len() == normalized.len();
        let norm_start = self.text.len() as u32;
        let last_same = self.runs.last().is_some_and(|run| run.2);
        if !(same && last_same) {
            self.runs.push((norm_start, orig_start as u32, same));
        }
        self.text.push_str(normalized);
    }
}

/// Appends `run` in NFC.
pub(super) fn append_nfc(run: &str, out: &mut String) {
    if run.is_ascii() {
        out.push_str(run);
    } else {
        out.extend(run.nfc());
    }
}

/// Appends `run` in NFC and lower case; ASCII a byte at a time.
pub(super) fn append_folded(run: &str, out: &mut String) {
    if run.is_ascii() {
        let start = out.len();
        out.push_str(run);
        out[start..].make_ascii_lowercase();
    } else {
        out.extend(run.nfc().flat_map(char::to_lowercase));
    }
}

/// Whether lower-casing changes `c`.
pub(super) fn changes_case(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    let mut lower = c.to_lowercase();
    !(lower.next() == Some(c) && lower.next().is_none())
}

/// `text` transformed run by run, with the map back to the original.
/// `changes` says whether the transform changes a character of NFC text,
/// so that text it leaves alone is found without transforming it.
pub(super) fn normalize(
    text: &str,
    changes: impl Fn(char) -> bool,
    mut transform: impl FnMut(&str, &mut String),
) -> NormalizedText {
    let mut out = NormalizedText {
        text: String::with_capacity(text.len()),
        runs: Vec::new(),
        original_len: text.len() as u32,
    };
    if text.is_ascii() {
        // ASCII is already NFC and lower-cases byte for byte, so the
        // transformed text lines up with the original everywhere.
        transform(text, &mut out.text);
        out.runs.push((0, 0, true));
        return out;
    }
    if is_nfc_quick(text.chars()) == IsNormalized::Yes && !text.chars().any(&changes) {
        return NormalizedText::identity(text);
    }
    // Runs begin at each starter (combining class 0), so composition never
    // crosses a run boundary and every run maps back as a whole. Stretches
    // of ASCII are one run each: they keep their length.
    let bytes = text.as_bytes();
    let mut buffer = String::new();
    let mut i = 0;
    while i < text.len() {
        if bytes[i].is_ascii() {
            let mut j = bytes[i..]
                .iter()
                .position(|b| !b.is_ascii())
                .map_or(text.len(), |n| i + n);
            // An ASCII letter with a combining mark after it composes.
            if text[j..]
                .chars()
                .next()
                .is_some_and(|c| canonical_combining_class(c) != 0)
            {
                j -= 1;
            }
            if j > i {
                let run = &text[i..j];
                buffer.clear();
                transform(run, &mut buffer);
                out.push(i, run, &buffer);
                i = j;
                continue;
            }
        }
        let mut end = i + text[i..].chars().next().map_or(1, char::len_utf8);
        while let Some(c) = text[end..].chars().next() {
            if canonical_combining_class(c) == 0 {
                break;
            }
            end += c.len_utf8();
        }
        let run = &text[i..end];
        buffer.clear();
        transform(run, &mut buffer);
        out.push(i, run, &buffer);
        i = end;
    }
    if out.runs.is_empty() {
        out.runs.push((0, 0, true));
    }
    out
}
