//! The hash table of a built-in word list, laid out by `build.rs` (which
//! includes this file) and searched in place by `lexicon::WordList`: the
//! list costs nothing to load, and a lookup hashes the word once and
//! compares it with a slot or two.
//!
//! A slot is two little-endian u32s: one past where the word starts in the
//! list's text (0 for an empty slot) and its length. The table has a power
//! of two of slots, at least twice the words, probed in order from the
//! word's hash.

/// FNV-1a, 32 bits: the same in build.rs and at run time, on any machine.
pub fn hash(word: &[u8]) -> u32 {
    word.iter().fold(0x811c_9dc5_u32, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// The table of `words`, each given as (start in the text, the word).
#[cfg_attr(
    not(test),
    allow(
        dead_code,
        reason = "build.rs lays tables out; the library searches them"
    )
)]
pub fn table(words: &[(usize, &str)]) -> Vec<u8> {
    let mask = (words.len() * 2).next_power_of_two().max(2) - 1;
    let mut table = vec![[0u32; 2]; mask + 1];
    for &(start, word) in words {
        let mut at = hash(word.as_bytes()) as usize & mask;
        while table[at][0] != 0 {
            at = (at + 1) & mask;
        }
        let start = u32::try_from(start + 1).expect("a word list under 4 GB");
        let len = u32::try_from(word.len()).expect("a word under 4 GB");
        table[at] = [start, len];
    }
    table
        .iter()
        .flat_map(|[start, len]| start.to_le_bytes().into_iter().chain(len.to_le_bytes()))
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::lexicon::WordList;

    /// A table finds each of its words, in a text with comments and CRLF
    /// line ends, and nothing else: not a prefix, an extension, a comment
    /// or an empty word, in a table that is full to half its slots.
    #[test]
    fn a_table_finds_its_words_and_nothing_else() {
        let text = "# a comment\nable\r\nabout\nbe\nbé\nzebra\n";
        let mut words = Vec::new();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            let word = line.trim_end_matches(['\n', '\r']);
            if !word.starts_with('#') {
                words.push((at, word));
            }
            at += line.len();
        }
        let table: &'static [u8] = Vec::leak(super::table(&words));
        assert_eq!(table.len(), 16 * 8);
        let list = WordList::new(text, table);
        for (_, word) in &words {
            assert!(list.contains(word), "{word}");
        }
        for word in [
            "",
            "abl",
            "ables",
            "b",
            "bé ",
            "# a comment",
            "zebr",
            "Able",
        ] {
            assert!(!list.contains(word), "{word:?}");
        }
    }
}
