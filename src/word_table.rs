//! The hash table of a built-in word list, laid out by `build.rs` (which
//! includes this file) and searched in place by `lexicon::WordList`: the
//! list costs nothing to load, and a lookup hashes the word once and
//! compares it with a slot or two.
//!
//! A slot is a little-endian u32: one past where a word starts in the
//! list's text, or 0 for an empty slot; the word runs to its line's end.
//! The table has a power of two of slots, at least twice the words, probed
//! in order from the word's hash, so that an empty slot always ends a
//! search. The tables of the built-in lists take 1.2 MB of the binary.

/// The words of a list's text, with where each starts: its lines, without
/// their line ends, that are not blank or `#` comments.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n')
        .scan(0, |at, line| {
            let start = *at;
            *at += line.len();
            let word = line.strip_suffix('\n').unwrap_or(line);
            Some((start, word.strip_suffix('\r').unwrap_or(word)))
        })
        .filter(|(_, word)| !word.starts_with('#') && !word.trim().is_empty())
}

/// FNV-1a, 32 bits: the same in build.rs and at run time, on any machine.
pub fn hash(word: &[u8]) -> u32 {
    word.iter().fold(0x811c_9dc5_u32, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// The table of a list's words; an error names a word with spaces around
/// it, which a lookup of the bare word would miss.
#[cfg_attr(
    not(test),
    allow(
        dead_code,
        reason = "build.rs lays tables out; the library searches them"
    )
)]
pub fn table(text: &str) -> Result<Vec<u8>, String> {
    let words: Vec<(usize, &str)> = words(text).collect();
    let mask = (words.len() * 2).next_power_of_two().max(2) - 1;
    let mut table = vec![0u32; mask + 1];
    for (start, word) in words {
        if word.trim() != word {
            return Err(format!("`{word}` has spaces around it"));
        }
        let mut at = hash(word.as_bytes()) as usize & mask;
        while table[at] != 0 {
            at = (at + 1) & mask;
        }
        table[at] = u32::try_from(start + 1).map_err(|_| "a word list over 4 GB".to_owned())?;
    }
    Ok(table.iter().flat_map(|slot| slot.to_le_bytes()).collect())
}

/// Whether `word` is a word of `text`, by the `table` laid out for it.
#[allow(
    dead_code,
    reason = "build.rs lays tables out; only the library searches them"
)]
pub fn contains(text: &str, table: &[u8], word: &str) -> bool {
    // `table` was laid out over this very text (build.rs embeds the two
    // side by side): a power of two of 4-byte slots, each 0 or one past
    // the start of a word.
    debug_assert!(table.len() >= 8 && (table.len() / 4).is_power_of_two() && table.len() % 4 == 0);
    let text = text.as_bytes();
    let mask = table.len() / 4 - 1;
    let mut at = hash(word.as_bytes()) as usize & mask;
    loop {
        let slot = &table[4 * at..4 * at + 4];
        let start = u32::from_le_bytes([slot[0], slot[1], slot[2], slot[3]]) as usize;
        if start == 0 {
            return false;
        }
        let rest = &text[start - 1..];
        if rest.starts_with(word.as_bytes())
            && matches!(rest.get(word.len()), None | Some(b'\n' | b'\r'))
        {
            return true;
        }
        at = (at + 1) & mask;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "# a comment\nable\r\nabout\n\nbe\nbé\nzebra";

    /// A table finds each of its words, in a text with comments, a blank
    /// line, CRLF line ends, non-ASCII and no final line end, and nothing
    /// else: not a prefix, an extension, a comment or an empty word.
    #[test]
    fn a_table_finds_its_words_and_nothing_else() {
        let table = table(TEXT).unwrap();
        assert_eq!(table.len(), 16 * 4);
        let found: Vec<&str> = words(TEXT).map(|(_, w)| w).collect();
        assert_eq!(found, ["able", "about", "be", "bé", "zebra"]);
        for word in &found {
            assert!(contains(TEXT, &table, word), "{word}");
        }
        for word in [
            "",
            "abl",
            "ables",
            "able\r",
            "b",
            "bé ",
            "# a comment",
            "zebr",
            "Able",
        ] {
            assert!(!contains(TEXT, &table, word), "{word:?}");
        }
    }

    /// Words that hash to the last slot wrap around to the first, and a
    /// missing word that hashes there is still not found.
    #[test]
    fn probing_wraps_around_the_table() {
        // Three words whose hash lands in the last of 4 slots.
        let last: Vec<String> = (0..10_000)
            .map(|i| format!("w{i}"))
            .filter(|w| hash(w.as_bytes()) & 3 == 3)
            .take(3)
            .collect();
        let text = format!("{}\n{}\n", last[0], last[1]);
        let table = table(&text).unwrap();
        assert_eq!(table.len(), 4 * 4);
        assert!(contains(&text, &table, &last[0]));
        assert!(contains(&text, &table, &last[1]));
        assert!(!contains(&text, &table, &last[2]));
    }

    #[test]
    fn a_word_with_spaces_around_it_is_refused() {
        assert!(table("able\n word\n").is_err());
        assert!(table("able\nword \n").is_err());
    }
}
