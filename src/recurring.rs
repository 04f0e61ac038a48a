//! Lines that recur across the articles of one run: the furniture of a
//! site ("Subscribe to our Telegram channel", a menu, a tag line) repeats
//! at the same place in every article the site publishes, where no
//! article's own sentence does.
//!
//! [`LineCounts`] counts, for each normalised line, how many distinct
//! articles carry it, in one streaming pass and in bounded memory: the
//! table holds at most [`LineCounts::CAPACITY`] lines, and when it is full
//! the lines seen least are dropped (lossy counting), so a count can only
//! fall short, never run over. Byte-identical articles are counted once.
//!
//! `check` fills it in a first pass over the hashes of every input's lines
//! (the texts themselves are not kept) and lints in a second; `batch`,
//! which reads a stream once, counts each chunk of records before linting
//! it, so a record is judged against the records up to the end of its
//! chunk. `junk.recurring-line` reads the counts.

use crate::lexicon::{FastMap, FastSet};
use crate::text::is_alphabetic;

/// How many articles of a run carry each line.
#[derive(Clone, Debug, Default)]
pub struct LineCounts {
    counts: FastMap<u64, u32>,
    articles: FastSet<u64>,
    /// Lines whose count fell to the pruning floor were dropped: a line
    /// seen up to this many times may be missing.
    floor: u32,
}

impl LineCounts {
    /// The most lines the table holds: about 16 bytes each, so some tens
    /// of MB at most, whatever the size of the run.
    pub const CAPACITY: usize = 1 << 20;
    /// The most article hashes kept to skip byte-identical copies.
    const ARTICLES: usize = 1 << 20;

    pub fn new() -> Self {
        Self::default()
    }

    /// The keys of an article's lines, each once, in order: what
    /// [`add_keys`](Self::add_keys) counts. Computed apart, so that many
    /// articles can be read in parallel and counted in order.
    pub fn article_keys(text: &str) -> ArticleKeys {
        let mut seen = FastSet::default();
        let keys = text
            .lines()
            .filter_map(line_key)
            .filter(|key| seen.insert(*key))
            .collect();
        ArticleKeys {
            text: hash(text.as_bytes()),
            keys,
        }
    }

    /// Counts one article's lines.
    pub fn add(&mut self, text: &str) {
        self.add_keys(Self::article_keys(text));
    }

    /// Counts one article's lines, unless a byte-identical article was
    /// counted before.
    pub fn add_keys(&mut self, article: ArticleKeys) {
        if self.articles.len() < Self::ARTICLES && !self.articles.insert(article.text) {
            return;
        }
        for key in article.keys {
            *self.counts.entry(key).or_insert(0) += 1;
        }
        while self.counts.len() > Self::CAPACITY {
            self.floor += 1;
            let floor = self.floor;
            self.counts.retain(|_, count| *count > floor);
        }
    }

    /// How many articles of the run carry the line (trimmed or not), as
    /// far as the table knows.
    pub fn count(&self, line: &str) -> u32 {
        line_key(line).map_or(0, |key| self.counts.get(&key).copied().unwrap_or(0))
    }

    /// How many distinct articles were counted (up to the table's limit).
    pub fn articles(&self) -> usize {
        self.articles.len()
    }
}

/// One article's line keys, from [`LineCounts::article_keys`].
#[derive(Clone, Debug)]
pub struct ArticleKeys {
    text: u64,
    keys: Vec<u64>,
}

/// A line's key: its text with case folded, spaces collapsed and every run
/// of digits read as one digit, so "Views: 1 204" and "Views: 87" are one
/// line. A line with fewer than three letters has none: a lone number or
/// a rule of dashes says nothing about a site.
pub fn line_key(line: &str) -> Option<u64> {
    KEY_BUFFER.with_borrow_mut(|folded| {
        folded.clear();
        let key = (fold_line(line, folded) >= 3).then(|| hash(folded));
        // A long line (a scraped table on one line) leaves no large buffer.
        if folded.capacity() > 1 << 16 {
            *folded = Vec::new();
        }
        key
    })
}

thread_local! {
    /// The folded text of the line being keyed, kept between lines.
    static KEY_BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Writes the folded form of a line that [`line_key`] hashes into `out`,
/// and returns how many letters the line has. ASCII, most of any line,
/// is read a byte at a time.
fn fold_line(line: &str, out: &mut Vec<u8>) -> usize {
    let line = line.trim();
    let bytes = line.as_bytes();
    let mut letters = 0;
    let mut gap = false;
    let mut digits = false;
    let mut i = 0;
    while i < bytes.len() {
        // A run of ASCII letters, most of any line, in a loop of its own.
        if bytes[i].is_ascii_alphabetic() {
            if gap {
                out.push(b' ');
                gap = false;
            }
            digits = false;
            let run = bytes[i..]
                .iter()
                .position(|b| !b.is_ascii_alphabetic())
                .unwrap_or(bytes.len() - i);
            out.extend(bytes[i..i + run].iter().map(u8::to_ascii_lowercase));
            letters += run;
            i += run;
            continue;
        }
        let (c, len) = if bytes[i].is_ascii() {
            (char::from(bytes[i]), 1)
        } else {
            let c = line[i..].chars().next().unwrap_or_default();
            (c, c.len_utf8())
        };
        i += len;
        // A separator inside a number ("1 204", "1,204", "3.5") is part of it.
        let next_digit = bytes.get(i).is_some_and(u8::is_ascii_digit);
        if digits && next_digit && (c.is_whitespace() || c == ',' || c == '.') {
            continue;
        }
        if c.is_whitespace() {
            gap = true;
            continue;
        }
        if gap {
            out.push(b' ');
            gap = false;
        }
        if c.is_ascii_digit() {
            if !digits {
                out.push(b'0');
            }
            digits = true;
            continue;
        }
        digits = false;
        if c.is_ascii() {
            letters += usize::from(c.is_ascii_alphabetic());
            out.push(c.to_ascii_lowercase() as u8);
            continue;
        }
        if is_alphabetic(c) {
            letters += 1;
        }
        for lower in c.to_lowercase() {
            out.extend_from_slice(lower.encode_utf8(&mut [0; 4]).as_bytes());
        }
    }
    letters
}

/// A 64-bit hash of bytes, eight at a time (a folded multiply, as in
/// foldhash and wyhash): the same key in every run and on every machine.
fn hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let fold = |a: u64, b: u64| {
        let p = u128::from(a) * u128::from(b);
        (p as u64) ^ ((p >> 64) as u64)
    };
    let mut h = (bytes.len() as u64) ^ 0x243f_6a88_85a3_08d3;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        h = fold(h ^ word, K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut last = [0u8; 8];
        last[..rest.len()].copy_from_slice(rest);
        h = fold(h ^ u64::from_le_bytes(last), K);
    }
    fold(h, K ^ 0x1357_9bdf_2468_ace0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_case_spaces_and_numbers() {
        assert_eq!(line_key("Views: 1 204"), line_key("  views:  87 "));
        assert_eq!(line_key("Comments / 0"), line_key("Comments / 12"));
        assert_eq!(line_key("Rated 3.5 by 1,204"), line_key("Rated 4 by 87"));
        assert_ne!(line_key("Read also"), line_key("Read more"));
        assert_eq!(line_key("12"), None);
        assert_eq!(line_key("— —"), None);
    }

    #[test]
    fn a_line_folds_to_its_key_text() {
        let folded = |line: &str| {
            let mut out = Vec::new();
            let letters = fold_line(line, &mut out);
            (String::from_utf8(out).unwrap(), letters)
        };
        assert_eq!(
            folded("  Views: 1 204  today "),
            ("views: 0 today".into(), 10)
        );
        assert_eq!(folded("Rated 3.5 by 1,204"), ("rated 0 by 0".into(), 7));
        assert_eq!(folded("ПОДПИСКА\u{a0}News"), ("подписка news".into(), 12));
        assert_eq!(folded("A1b2 C"), ("a0b0 c".into(), 3));
    }

    #[test]
    fn keys_fold_every_script_and_space() {
        assert_eq!(
            line_key("ПОДПИСЫВАЙТЕСЬ на канал"),
            line_key("Подписывайтесь\u{a0}на  канал")
        );
        assert_ne!(line_key("Подписывайтесь"), line_key("Подписывайся"));
        assert_eq!(
            line_key("Ünïcode 2024 Straße"),
            line_key("ünïcode 7 straße")
        );
        assert_ne!(line_key("abc def"), line_key("abcdef"));
        // Keys of lines longer than a word of the hash differ in their tail.
        assert_ne!(
            line_key("Subscribe to our channel now"),
            line_key("Subscribe to our channel new")
        );
    }

    #[test]
    fn counts_articles_not_lines() {
        let mut counts = LineCounts::new();
        counts.add("Subscribe to our channel\nOne.\nSubscribe to our channel\n");
        counts.add("Two.\nSubscribe to our channel\r\n");
        // A byte-identical copy is one article.
        counts.add("Two.\nSubscribe to our channel\r\n");
        assert_eq!(counts.count("subscribe to our CHANNEL"), 2);
        assert_eq!(counts.count("Two."), 1, "the copy counts once");
        assert_eq!(counts.articles(), 2);
    }

    #[test]
    fn a_full_table_drops_the_rarest_lines() {
        let mut counts = LineCounts::new();
        for _ in 0..3 {
            counts.add_keys(ArticleKeys {
                text: counts.articles() as u64,
                keys: vec![1],
            });
        }
        let many: Vec<u64> = (2..LineCounts::CAPACITY as u64 + 10).collect();
        counts.add_keys(ArticleKeys {
            text: 99,
            keys: many,
        });
        assert!(counts.counts.len() <= LineCounts::CAPACITY);
        assert_eq!(counts.counts.get(&1), Some(&3));
    }
}
