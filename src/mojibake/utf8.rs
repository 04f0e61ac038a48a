//! UTF-8 read as a single-byte code page, once or more: the characters of
//! a line mapped back to bytes, the valid UTF-8 sequences among them, and
//! the judgement of each run of them, with its repair.

use super::script::{plausible, script};
use super::{Chain, CodePage, Finding};

/// One character of a line and the byte it maps to in a code page.
#[derive(Clone, Copy)]
struct Cell {
    offset: usize,
    c: char,
    byte: Option<u8>,
}

/// A valid UTF-8 sequence made of cells `first..end`.
#[derive(Clone, Debug)]
struct Atom {
    first: usize,
    end: usize,
    decoded: char,
    /// A translator's space inside the sequence was dropped.
    spaced: bool,
    /// A byte was guessed: a no-break space that became a space, or a
    /// byte the decoder dropped.
    guessed: bool,
    /// Some character of the atom is not a letter (`©`, `°`, `€`, a C1
    /// control): a pairing that real words do not make.
    odd: bool,
}

fn is_continuation(b: Option<u8>) -> bool {
    matches!(b, Some(0x80..=0xBF))
}

/// Characters a translation engine sets apart with spaces as if they were
/// punctuation.
fn is_spaceable(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace() && !c.is_ascii()
}

fn atoms(cells: &[Cell], page: CodePage) -> Vec<Atom> {
    // A no-break space (0xA0) often reaches us as a plain space: `Â ` is a
    // damaged no-break space and `Ã ` a damaged `à`. Only these two leads of
    // the Latin code pages are taken that way; a Cyrillic capital before a
    // space (`В `) is a real word.
    let latin = matches!(page, CodePage::Windows1252 | CodePage::Windows1250);
    let mut out = Vec::new();
    let mut i = 0;
    while i < cells.len() {
        let Some(lead @ 0xC2..=0xF4) = cells[i].byte else {
            i += 1;
            continue;
        };
        let need = match lead {
            0xC2..=0xDF => 1,
            0xE0..=0xEF => 2,
            _ => 3,
        };
        let mut bytes = [lead, 0, 0, 0];
        let mut j = i + 1;
        let mut spaced = false;
        let mut ok = true;
        if latin
            && matches!(lead, 0xC2 | 0xC3)
            && cells.get(j).is_some_and(|c| c.c == ' ')
            && !cells.get(j + 1).is_some_and(|c| is_continuation(c.byte))
            && (lead == 0xC2 || a_grave_fits(cells, i))
        {
            out.push(Atom {
                first: i,
                end: j + 1,
                decoded: if lead == 0xC2 { '\u{a0}' } else { 'à' },
                spaced: false,
                guessed: true,
                odd: true,
            });
            i = j + 1;
            continue;
        }
        // `â€` at the end of a quotation: the closing quote `”` is E2 80 9D,
        // and 0x9D is undefined in Windows-1252, so many decoders drop it.
        if page == CodePage::Windows1252
            && lead == 0xE2
            && cells.get(j).is_some_and(|c| c.c == '€')
            && !cells.get(j + 1).is_some_and(|c| is_continuation(c.byte))
        {
            out.push(Atom {
                first: i,
                end: j + 1,
                decoded: '”',
                spaced: false,
                guessed: true,
                odd: true,
            });
            i = j + 1;
            continue;
        }
        for slot in bytes.iter_mut().skip(1).take(need) {
            // A space the engine set beside a mark, before or after it:
            // `Р ° `, `в „ ў`.
            if cells.get(j).is_some_and(|c| c.c == ' ')
                && cells.get(j + 1).is_some_and(|c| is_continuation(c.byte))
                && (is_spaceable(cells[j + 1].c) || is_spaceable(cells[j - 1].c))
            {
                spaced = true;
                j += 1;
            }
            match cells.get(j) {
                Some(cell) if is_continuation(cell.byte) => {
                    *slot = cell.byte.unwrap_or(0);
                    j += 1;
                }
                _ => {
                    ok = false;
                    break;
                }
            }
        }
        let decoded = ok
            .then(|| std::str::from_utf8(&bytes[..=need]).ok())
            .flatten()
            .and_then(|s| s.chars().next());
        match decoded {
            Some(decoded) => {
                let odd = cells[i..j]
                    .iter()
                    .any(|c| c.c != ' ' && (!c.c.is_alphabetic() || is_rare_letter(c.c)));
                out.push(Atom {
                    first: i,
                    end: j,
                    decoded,
                    spaced,
                    guessed: false,
                    odd,
                });
                i = j;
            }
            None => i += 1,
        }
    }
    out
}

/// Whether `Ã ` at cell `i` reads as a damaged `à`: at the end of a word in
/// lower case (`voilÃ le`), or standing alone before a word in lower case
/// (`Ã perturber`). Between capitals (`C O N C L U S Ã O`) it is a letter.
fn a_grave_fits(cells: &[Cell], i: usize) -> bool {
    let before = i.checked_sub(1).map(|k| cells[k].c);
    let after = cells.get(i + 2).map(|c| c.c);
    match before {
        Some(c) if c.is_alphabetic() => c.is_lowercase(),
        _ => after.is_some_and(char::is_lowercase),
    }
}

/// What real text puts right after a letter at the end of a word: a
/// no-break space, an ellipsis, a closing quote or apostrophe, a dash, a
/// trade mark. UTF-8 sequences whose continuation bytes read as these
/// (`Ä` + no-break space, `Å™`, `ë…”`) are weak evidence.
fn is_trailing_mark(c: char) -> bool {
    matches!(c, '\u{a0}' | '…' | '’' | '”' | '»' | '–' | '—' | '™' | '®')
}

/// Whether an atom is what real text makes as easily as mojibake does: a
/// letter in the case of the word it ends (or a capital starting a word),
/// then marks that follow words (`SELKÄ` + no-break space, `AHÅ™`,
/// `Brontë…”`, `Ã’s`). A capital after a lower-case letter or a digit
/// (`10Â` + no-break space), a guessed byte, or marks glued to a word
/// that real text would have spaced is not weak.
fn is_weak(cells: &[Cell], atom: &Atom) -> bool {
    let lead = cells[atom.first].c;
    let marks: Vec<char> = cells[atom.first + 1..atom.end]
        .iter()
        .map(|c| c.c)
        .filter(|&c| c != ' ')
        .collect();
    if atom.guessed || !lead.is_alphabetic() || !marks.iter().all(|&c| is_trailing_mark(c)) {
        return false;
    }
    // What follows the marks: a letter right after a closing mark
    // (`HÃ”TEL`, `CÃ™IS`) is glued where real text has a space; after a
    // no-break space or a dash it must keep the lead's case (`SELKÄ` and
    // no-break space, then `EDELLÄ`), unlike `GÃ` and no-break space, then
    // `idhlig`, or `Ã–sterreich`. An apostrophe may take letters (`Ã’s`).
    if let Some(next) = cells
        .get(atom.end)
        .map(|c| c.c)
        .filter(|c| c.is_alphabetic())
    {
        let glued_ok = match marks.last() {
            Some('’') => true,
            Some('\u{a0}' | '–' | '—') => next.is_uppercase() == lead.is_uppercase(),
            _ => false,
        };
        if !glued_ok {
            return false;
        }
    }
    match atom.first.checked_sub(1).map(|k| cells[k].c) {
        Some(before) if before.is_alphabetic() => before.is_uppercase() == lead.is_uppercase(),
        // A lone capital before a no-break space is the damaged one (`Â`).
        _ => !marks.contains(&'\u{a0}'),
    }
}

/// Letters that a code page has but real words hardly use, so that a
/// capital followed by one is as telling as one followed by a symbol.
fn is_rare_letter(c: char) -> bool {
    matches!(
        c,
        'ƒ' | 'ª' | 'º' | 'µ' | 'Œ' | 'œ' | 'Ÿ' | 'Ž' | 'ž' | 'Š' | 'š' | 'ˆ' | '˜'
    )
}

/// Candidate runs of UTF-8 read as each code page; the best explanation of
/// each stretch wins.
///
/// `relaxed`: judge every run without asking for evidence of its own (for
/// the second round of a double encoding, whose first round had it).
pub(super) fn find_utf8_in_line(line: &str, relaxed: bool) -> Vec<Finding> {
    let mut candidates: Vec<(Finding, usize)> = Vec::new();
    for page in CodePage::ALL {
        // Most lines cannot hold a sequence in this code page: no lead
        // byte followed (perhaps after one space) by a continuation byte.
        if !has_sequence_start(line, page) {
            continue;
        }
        let cells: Vec<Cell> = line
            .char_indices()
            .map(|(offset, c)| Cell {
                offset,
                c,
                byte: page.byte_of(c),
            })
            .collect();
        // Most lines have nothing that could start a sequence.
        if !cells.iter().any(|c| matches!(c.byte, Some(0xC2..=0xF4))) {
            continue;
        }
        let atoms = atoms(&cells, page);
        let runs = runs(&cells, &atoms);
        // A run that is damaged beyond doubt makes the weaker ones of the
        // same code page on the line believable: `AntĂłnio` beside
        // `ÄŚaputovĂˇ`.
        let mut confirmed = false;
        let mut weak = Vec::new();
        for run in runs {
            match judge(line, &cells, &atoms[run.clone()], page, relaxed) {
                Some(finding) => {
                    confirmed = true;
                    let weight = atoms[run].iter().map(|a| a.end - a.first).sum();
                    candidates.push((finding, weight));
                }
                None => weak.push(run),
            }
        }
        if confirmed {
            for run in weak {
                if let Some(finding) = judge(line, &cells, &atoms[run.clone()], page, true) {
                    let weight = atoms[run].iter().map(|a| a.end - a.first).sum();
                    candidates.push((finding, weight));
                }
            }
        }
    }
    // Longest explanation first; ties go to the preferred code page (the
    // candidates were pushed in that order and the sort is stable).
    candidates.sort_by_key(|c| std::cmp::Reverse(c.1));
    let mut chosen: Vec<Finding> = Vec::new();
    for (finding, _) in candidates {
        if !chosen
            .iter()
            .any(|c| c.start < finding.end && finding.start < c.end)
        {
            chosen.push(finding);
        }
    }
    chosen.sort_by_key(|f| f.start);
    chosen
}

/// Whether some character of `line` maps to a lead byte in `page` and the
/// next character (or the one after a space) to a continuation byte. Cheap:
/// no allocation.
fn has_sequence_start(line: &str, page: CodePage) -> bool {
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii() || !matches!(page.byte_of(c), Some(0xC2..=0xF4)) {
            continue;
        }
        let mut rest = chars.clone();
        let next = match rest.next() {
            Some(' ') => rest.next(),
            other => other,
        };
        if next.is_some_and(|n| is_continuation(page.byte_of(n))) {
            return true;
        }
        // `Â ` and `Ã ` (a no-break space turned into a space) start one too.
        if matches!(page, CodePage::Windows1252 | CodePage::Windows1250) && matches!(c, 'Â' | 'Ã')
        {
            return true;
        }
        // `â€` whose last byte was dropped.
        if c == 'â' && chars.peek() == Some(&'€') {
            return true;
        }
    }
    false
}

/// Groups atoms into runs: atoms joined directly, by ASCII that is not a
/// space (`donâ€™t`), or by one space (`РєР°РЅР°Р» РІ`).
fn runs(cells: &[Cell], atoms: &[Atom]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=atoms.len() {
        let joined = i < atoms.len() && {
            let gap = &cells[atoms[i - 1].end..atoms[i].first];
            let spaces = gap.iter().filter(|c| c.c == ' ').count();
            let all_ascii = gap.iter().all(|c| c.c.is_ascii() && c.c != '\t');
            all_ascii && (spaces == 0 || (spaces == 1 && gap.len() == 1))
        };
        if !joined {
            if start < i {
                out.push(start..i);
            }
            start = i;
        }
    }
    out
}

/// Decides whether a run of atoms is mojibake, and builds its repair.
/// `relaxed`: another run of the line in the same code page is damaged
/// beyond doubt, so a run needs no evidence of its own.
fn judge(
    line: &str,
    cells: &[Cell],
    atoms: &[Atom],
    page: CodePage,
    relaxed: bool,
) -> Option<Finding> {
    let first = atoms.first()?.first;
    let last = atoms.last()?.end;
    // Widen to whole words: a damaged word is damaged throughout, so every
    // other character of the word must be ASCII or punctuation. A real
    // word with one accidental sequence (`Сіверськ` has `Сі`) fails here.
    let mut lo = first;
    while lo > 0 && !cells[lo - 1].c.is_whitespace() {
        lo -= 1;
    }
    let mut hi = last;
    while hi < cells.len() && !cells[hi].c.is_whitespace() {
        hi += 1;
    }
    let in_atom = |i: usize| atoms.iter().any(|a| (a.first..a.end).contains(&i));
    for i in (lo..first).chain(last..hi) {
        let c = cells[i].c;
        if !c.is_ascii() && c.is_alphanumeric() && !in_atom(i) {
            return None;
        }
    }
    for pair in atoms.windows(2) {
        for cell in &cells[pair[0].end..pair[1].first] {
            if !cell.c.is_ascii() {
                return None;
            }
        }
    }
    // The evidence that the text as written is wrong, from the atoms that
    // real text does not make as easily.
    let strong: Vec<&Atom> = atoms.iter().filter(|a| !is_weak(cells, a)).collect();
    if !relaxed && strong.is_empty() {
        return None;
    }
    let odd = strong.iter().filter(|a| a.odd).count();
    let signature = strong
        .iter()
        .any(|a| matches!(cells[a.first].c, 'Ã' | 'Â' | 'â' | 'Ð' | 'Ñ'));
    // One two-byte sequence that starts with a symbol is a pair of symbols (`∆°`,
    // `√π`, `×£`, `¬´`) unless it sits inside a word (`caf√©`), or stands
    // for a symbol next to a number (`¬£12` for `£12`).
    let glued = |pred: fn(char) -> bool| {
        (first > 0 && pred(cells[first - 1].c)) || cells.get(last).is_some_and(|c| pred(c.c))
    };
    let symbol_by_number = !atoms[0].decoded.is_alphabetic() && glued(|c| c.is_ascii_digit());
    if !relaxed
        && atoms.len() == 1
        && atoms[0].end - atoms[0].first == 2
        && !cells[first].c.is_alphabetic()
        && !glued(char::is_alphabetic)
        && !symbol_by_number
    {
        return None;
    }
    // `SlovenskГЎ`: a word that mixes scripts as written.
    let mixed = cells[lo..hi].split(|c| c.c.is_whitespace()).any(|word| {
        let mut scripts = word.iter().filter_map(|c| script(c.c));
        scripts
            .next()
            .is_some_and(|first| scripts.any(|s| s != first))
    });
    if !relaxed && odd == 0 && strong.len() < 2 && !signature && !mixed {
        return None;
    }
    // One sequence with a space inside is how real text sets a quote after
    // a one-letter word (`В « Ведомостях »`); the engine's spacing shows in
    // runs of them.
    let glued = (first > 0 && cells[first - 1].c.is_alphanumeric())
        || cells.get(last).is_some_and(|c| c.c.is_alphanumeric());
    if !relaxed && atoms.len() == 1 && atoms[0].spaced && !signature && !glued {
        return None;
    }

    // Build the repair of the atoms' span, taking out translator spaces.
    let mut repaired = String::new();
    let mut exact = true;
    let mut i = first;
    let mut k = 0;
    let mut last = last;
    while i < last {
        if k < atoms.len() && atoms[k].first == i {
            let atom = &atoms[k];
            repaired.push(atom.decoded);
            i = atom.end;
            k += 1;
            exact &= !atom.guessed;
            // `à` is a word of its own (`à la`, `voilà le`): when its
            // no-break space became a space and merged with the word space
            // after it, one space stood for both; give the word space back.
            // Not before a lone letter: `Ã s` is Portuguese `às`, `hÃ i`
            // Vietnamese `hài`.
            let next_word = cells[i..]
                .iter()
                .take_while(|c| c.c.is_alphanumeric() || !c.c.is_ascii())
                .count();
            if atom.guessed && atom.decoded == 'à' && next_word >= 2 {
                repaired.push(' ');
            }
            if atom.spaced {
                exact = false;
                let next_is_space = cells.get(i).is_some_and(|c| c.c == ' ');
                // The engine spaces a mark on both sides, so whether a word
                // space followed it is lost; inside a damaged word (`Р ° РЅ`)
                // there was none, and that is the common case.
                let word_follows = cells
                    .get(i + 1)
                    .is_some_and(|c| c.c.is_alphanumeric() || !c.c.is_ascii());
                if next_is_space && word_follows {
                    // Both spaces were the engine's.
                    i += 1;
                    last = last.max(i);
                } else if !next_is_space && k < atoms.len() && atoms[k].first == i {
                    // `Р »РІ`: the engine moved the word space in front
                    // of the mark; put it back after it.
                    repaired.push(' ');
                }
            }
        } else {
            repaired.push(cells[i].c);
            i += 1;
        }
    }
    let start = cells[first].offset;
    let end = cells.get(last).map_or(line.len(), |c| c.offset);
    let mut chain = vec![page];
    // Double encoding: the repair is itself mojibake of the same kind.
    for _ in 0..2 {
        let again = find_utf8_in_line(&repaired, true);
        match again.as_slice() {
            [only] if only.start == 0 && only.end == repaired.len() => {
                let Chain::Utf8As(pages) = &only.chain else {
                    break;
                };
                chain.extend(pages.iter().copied());
                exact &= only.exact;
                repaired = only.repaired.clone();
            }
            _ => break,
        }
    }
    if !plausible(&repaired) {
        return None;
    }
    Some(Finding {
        start,
        end,
        repaired,
        chain: Chain::Utf8As(chain),
        exact,
    })
}
