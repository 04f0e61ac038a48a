//! Property tests: the line index and its UTF-16 columns, fix application,
//! decoding then encoding, and the name rules' edit test, each against a
//! plain reference computation.

use mtlint::diagnostic::{Edit, Fix};
use mtlint::fix::apply_fixes;
use mtlint::source::{Encoding, Loaded, SourceFile};
use mtlint::text::{LineIndex, TextRange, TextSize};
use proptest::prelude::*;

/// Text made of the pieces that make positions hard: every line ending,
/// two- three- and four-byte characters, a BOM character, and runs long
/// enough to pass the index's 4 KiB checkpoints.
fn text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "a", "word ", "\n", "\r\n", "\r", "é", "Київ", "😀", "\u{FEFF}", "\t", "—", "\n\n",
    ]);
    (prop::collection::vec(piece, 0..200), 1usize..40).prop_map(|(pieces, repeat)| {
        let once: String = pieces.concat();
        once.repeat(repeat)
    })
}

/// Line (1-based), column in scalars (1-based) and UTF-16 units (0-based)
/// of byte `at`, counted from the start of the text.
fn reference(text: &str, at: usize) -> (u32, u32, u32) {
    let bytes = text.as_bytes();
    let mut line = 1;
    let mut start = 0;
    for i in 0..at {
        if bytes[i] == b'\n' || (bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            line += 1;
            start = i + 1;
        }
    }
    let rest = &text[start..at];
    (
        line,
        rest.chars().count() as u32 + 1,
        rest.encode_utf16().count() as u32,
    )
}

fn boundaries(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn line_index_agrees_with_counting(text in text(), picks in prop::collection::vec(any::<prop::sample::Index>(), 1..40)) {
        let index = LineIndex::new(&text);
        let all = boundaries(&text);
        for pick in picks {
            let at = all[pick.index(all.len())];
            let pos = index.line_column(TextSize::from_usize(at), &text);
            prop_assert_eq!((pos.line, pos.column, pos.utf16), reference(&text, at), "at {}", at);
        }
        // The lines, without their endings, rebuild the text with them.
        let mut rebuilt = String::new();
        for line in 0..index.line_count() {
            let range = index.line_range(line, &text);
            prop_assert!(!text[range.to_std()].contains(['\n', '\r']));
            let next = if line + 1 < index.line_count() {
                index.line_start(line + 1).to_usize()
            } else {
                text.len()
            };
            rebuilt.push_str(&text[index.line_start(line).to_usize()..next]);
        }
        prop_assert_eq!(rebuilt, text);
    }

    #[test]
    fn fixes_that_do_not_overlap_are_all_applied_and_nothing_else_changes(
        text in text(),
        cuts in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), "[a-zé😀 ]{0,3}"), 0..12),
    ) {
        let all = boundaries(&text);
        // Disjoint ranges: sorted cut points, taken in pairs.
        let mut points: Vec<usize> = cuts.iter().flat_map(|(a, b, _)| [all[a.index(all.len())], all[b.index(all.len())]]).collect();
        points.sort_unstable();
        points.dedup();
        let fixes: Vec<Fix> = points
            .chunks_exact(2)
            .zip(&cuts)
            .map(|(pair, (_, _, with))| Fix::safe("t", vec![Edit::replace(TextRange::from_usize(pair[0], pair[1]), with.clone())]))
            .collect();
        let refs: Vec<&Fix> = fixes.iter().collect();
        let (out, applied) = apply_fixes(&text, &refs);
        let mut expected = String::new();
        let mut at = 0;
        for fix in &fixes {
            let edit = &fix.edits[0];
            expected.push_str(&text[at..edit.range.start().to_usize()]);
            expected.push_str(&edit.replacement);
            at = edit.range.end().to_usize();
        }
        expected.push_str(&text[at..]);
        prop_assert_eq!(applied, fixes.len());
        prop_assert_eq!(out, expected);
    }

    #[test]
    fn overlapping_fixes_change_only_bytes_inside_some_edit(
        text in text(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..12, "[xy]{0,2}"), 0..10),
    ) {
        let all = boundaries(&text);
        let fixes: Vec<Fix> = edits
            .iter()
            .map(|(start, len, with)| {
                let s = start.index(all.len());
                let e = (s + len).min(all.len() - 1);
                Fix::safe("t", vec![Edit::replace(TextRange::from_usize(all[s], all[e]), with.clone())])
            })
            .collect();
        let refs: Vec<&Fix> = fixes.iter().collect();
        let (out, applied) = apply_fixes(&text, &refs);
        prop_assert!(applied <= fixes.len());
        // A byte outside every edit is kept: mark the covered bytes, and
        // check that the text before the first and after the last covered
        // byte is unchanged.
        let covered: Vec<(usize, usize)> = fixes.iter().map(|f| f.edits[0].range).map(|r| (r.start().to_usize(), r.end().to_usize())).collect();
        let first = covered.iter().map(|c| c.0).min().unwrap_or(text.len());
        let last = covered.iter().map(|c| c.1).max().unwrap_or(text.len());
        prop_assert!(out.starts_with(&text[..first]));
        prop_assert!(out.ends_with(&text[last.max(first)..]));
        // Applying the same fixes to the result again is not idempotent in
        // general, but applying none changes nothing.
        prop_assert_eq!(apply_fixes(&text, &[]).0, text.clone());
    }

    #[test]
    fn utf8_and_utf16_round_trip(text in text(), bom in any::<bool>(), kind in 0usize..3) {
        let text = text.replace('\u{FEFF}', "");
        let mut bytes = Vec::new();
        match kind {
            0 => {
                if bom { bytes.extend_from_slice(b"\xEF\xBB\xBF"); }
                bytes.extend_from_slice(text.as_bytes());
            }
            _ => {
                let little = kind == 1;
                let units = std::iter::once(0xFEFF).chain(text.encode_utf16());
                for unit in units {
                    bytes.extend(if little { unit.to_le_bytes() } else { unit.to_be_bytes() });
                }
            }
        }
        let Loaded::Text(file) = SourceFile::from_bytes("p.txt".into(), &bytes).unwrap() else {
            return Err(TestCaseError::fail("read as binary"));
        };
        prop_assert_eq!(&file.text, &text);
        prop_assert!(file.lossless);
        let expected = match kind { 0 => Encoding::Utf8, 1 => Encoding::Utf16Le, _ => Encoding::Utf16Be };
        prop_assert_eq!(file.encoding, expected);
        prop_assert_eq!(file.encode(&file.text).unwrap(), bytes);
    }

    #[test]
    fn any_bytes_decode_and_lossless_ones_encode_back(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        if let Loaded::Text(file) = SourceFile::from_bytes("p.txt".into(), &bytes).unwrap() {
            match file.encode(&file.text) {
                Ok(back) => prop_assert_eq!(back, bytes),
                Err(_) => prop_assert!(!file.lossless),
            }
        }
    }

    /// The one-pass test the name rules use agrees with the
    /// Damerau-Levenshtein distance, on words of a small alphabet (so that
    /// near pairs are common) with a letter outside ASCII.
    #[test]
    fn one_edit_is_a_damerau_levenshtein_distance_of_one(
        a in "[abcé]{0,7}",
        b in "[abcé]{0,7}",
    ) {
        prop_assert_eq!(
            mtlint::kb::spelling::within_one_edit(&a, &b),
            strsim::damerau_levenshtein(&a, &b) <= 1
        );
    }
}
