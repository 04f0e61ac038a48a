//! UTF-8 read as a single-byte code page, once or more: the characters of
//! a line mapped back to bytes, the valid UTF-8 sequences among them, and
//! the judgement of each run of them, with its repair.

use super::atoms::{atoms, is_continuation, joins_a_grave, Atom, Cell};
use super::script::{plausible, script};
use super::{Chain, CodePage, Finding};
use crate::text::is_alphabetic;

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
    if atom.weak {
        return true;
    }
    if atom.guessed || !is_alphabetic(lead) || !marks.iter().all(|&c| is_trailing_mark(c)) {
        return false;
    }
    // No word ends in `Ã` or `Â` before a trade mark (`OÃ™` is `OÙ`), as
    // a product name may in `Å`.
    if matches!(lead, 'Ã' | 'Â') && marks.iter().any(|&c| matches!(c, '™' | '®')) {
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
        .filter(|c| is_alphabetic(*c))
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
        Some(before) if is_alphabetic(before) => before.is_uppercase() == lead.is_uppercase(),
        // A lone capital before a no-break space is the damaged one (`Â`).
        _ => !marks.contains(&'\u{a0}'),
    }
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
        // A line that also holds a character this code page reads as a
        // lone continuation byte (`–` is 0x96) was decoded right there: its
        // text is UTF-8 read correctly, and one sequence elsewhere
        // (`Bremer – DrÃ¥ber`) is as likely a real spelling. Such a line
        // needs two sequences that real text does not make.
        if !relaxed && holds_correct_utf8(&cells, &atoms) {
            let strong = atoms.iter().filter(|a| !is_weak(&cells, a)).count();
            if strong < 2 {
                continue;
            }
        }
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
    // Longest explanation first; on a tie, the code page that explains
    // more of the line (a line is damaged one way: `MĂĄm` is ISO-8859-2
    // beside `tĹ\u{99}etĂ­ho`, which only ISO-8859-2 explains), then the
    // preferred code page (the candidates were pushed in that order and the
    // sort is stable).
    let line_weight = |page: &Chain| -> usize {
        candidates
            .iter()
            .filter(|(f, _)| f.chain.first_page() == page.first_page())
            .map(|c| c.1)
            .sum()
    };
    let totals: Vec<usize> = candidates
        .iter()
        .map(|(f, _)| line_weight(&f.chain))
        .collect();
    let mut ranked: Vec<(Finding, usize, usize)> = candidates
        .into_iter()
        .zip(totals)
        .map(|((f, w), t)| (f, w, t))
        .collect();
    ranked.sort_by_key(|c| (std::cmp::Reverse(c.1), std::cmp::Reverse(c.2)));
    let candidates: Vec<(Finding, usize)> = ranked.into_iter().map(|(f, w, _)| (f, w)).collect();
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

/// Whether a character outside every sequence maps to a continuation byte
/// (0x80 to 0xBF) that no lead byte precedes: something UTF-8 cannot have
/// produced when misread, so the line was read right in part. A no-break
/// space (0xA0) does not count: real text has it everywhere; nor does a C1
/// control, which is damage of its own.
fn holds_correct_utf8(cells: &[Cell], atoms: &[Atom]) -> bool {
    let mut k = 0;
    cells.iter().enumerate().any(|(i, cell)| {
        while k < atoms.len() && atoms[k].end <= i {
            k += 1;
        }
        let inside = atoms.get(k).is_some_and(|a| a.first <= i);
        let lone = i == 0 || !matches!(cells[i - 1].byte, Some(0xC0..=0xFF));
        let real = !matches!(cell.c, '\u{80}'..='\u{a0}');
        !inside && lone && real && matches!(cell.byte, Some(0x80..=0xBF))
    })
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
        // `�` for a continuation byte the decoder lost.
        if next.is_some_and(|n| n == '\u{fffd}' || is_continuation(page.byte_of(n))) {
            return true;
        }
        // A lead before a space (a no-break space turned into a space:
        // `Â `, `Ã `, `Å `) starts one too.
        if matches!(page.byte_of(c), Some(0xC2..=0xDF)) && chars.peek() == Some(&' ') {
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
    let symbol_by_number = !is_alphabetic(atoms[0].decoded) && glued(|c| c.is_ascii_digit());
    if !relaxed
        && atoms.len() == 1
        && atoms[0].end - atoms[0].first == 2
        && !is_alphabetic(cells[first].c)
        && !glued(is_alphabetic)
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
            let next_word: String = cells[i..]
                .iter()
                .map(|c| c.c)
                .take_while(|c| !c.is_whitespace())
                .collect();
            if atom.guessed && atom.decoded == 'à' && !joins_a_grave(&next_word) {
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
    // A repair that starts with a combining mark puts it on the character
    // before the span: judge the two together.
    let starts_with_mark = repaired.starts_with(|c: char| matches!(c as u32, 0x300..=0x36F));
    let base = first
        .checked_sub(1)
        .map(|k| cells[k].c)
        .filter(|_| starts_with_mark);
    let judged: String = base.into_iter().chain(repaired.chars()).collect();
    if !plausible(&judged) {
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
