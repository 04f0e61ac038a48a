//! The UTF-8 sequences among the bytes a line maps back to in one code
//! page ("atoms"), including the damaged kinds: a translator's space inside
//! a sequence, a no-break space read as a space, a byte lost or written as
//! `?` or `�`, and CESU-8's surrogate pairs.

use super::CodePage;
use crate::text::is_alphabetic;

/// One character of a line and the byte it maps to in a code page.
#[derive(Clone, Copy)]
pub(super) struct Cell {
    pub(super) offset: usize,
    pub(super) c: char,
    pub(super) byte: Option<u8>,
}

/// A valid UTF-8 sequence made of cells `first..end`.
#[derive(Clone, Debug)]
pub(super) struct Atom {
    pub(super) first: usize,
    pub(super) end: usize,
    pub(super) decoded: char,
    /// A translator's space inside the sequence was dropped.
    pub(super) spaced: bool,
    /// A byte was guessed: a no-break space that became a space, or a
    /// byte the decoder dropped.
    pub(super) guessed: bool,
    /// Some character of the atom is not a letter (`©`, `°`, `€`, a C1
    /// control): a pairing that real words do not make.
    pub(super) odd: bool,
    /// Believed only beside damage beyond doubt (see [`space_atom`]).
    pub(super) weak: bool,
}

pub(super) fn is_continuation(b: Option<u8>) -> bool {
    matches!(b, Some(0x80..=0xBF))
}

/// Characters a translation engine sets apart with spaces as if they were
/// punctuation.
fn is_spaceable(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace() && !c.is_ascii()
}

pub(super) fn atoms(cells: &[Cell], page: CodePage) -> Vec<Atom> {
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
        if cells.get(j).is_some_and(|c| c.c == ' ')
            && !cells.get(j + 1).is_some_and(|c| is_continuation(c.byte))
        {
            if let Some(atom) = space_atom(cells, i, page) {
                out.push(atom);
                i = j + 1;
                continue;
            }
        }
        // `â€` at the end of a quotation: the closing quote `”` is E2 80 9D,
        // and 0x9D is undefined in Windows-1252, so many decoders drop it,
        // or write `?` or `�` for it; the second kind keeps its mark of
        // loss (`â€�` is `�`), as ftfy does.
        if page == CodePage::Windows1252
            && lead == 0xE2
            && cells.get(j).is_some_and(|c| c.c == '€')
            && !cells.get(j + 1).is_some_and(|c| is_continuation(c.byte))
        {
            let lossy = cells
                .get(j + 1)
                .is_some_and(|c| matches!(c.c, '\u{fffd}' | '?'));
            out.push(Atom {
                first: i,
                end: j + 1 + usize::from(lossy),
                decoded: if lossy { '\u{fffd}' } else { '”' },
                spaced: false,
                guessed: true,
                odd: true,
                weak: false,
            });
            i = j + 1 + usize::from(lossy);
            continue;
        }
        let mut spaced = false;
        let mut ok = true;
        let mut lossy = false;
        let mut space_byte = false;
        for (k, slot) in bytes.iter_mut().enumerate().skip(1).take(need) {
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
                // A byte the decoder could not read became `�`: the
                // character is lost, and `�` stands for it (`SlovenÄ�ina`).
                Some(cell) if cell.c == '\u{fffd}' => {
                    lossy = true;
                    j += 1;
                    break;
                }
                // The last byte of a three-byte sequence was 0xA0, a
                // no-break space that became a space (`à¸ ` for `ภ`);
                // believed only beside proven damage.
                Some(cell)
                    if cell.c == ' '
                        && k == 2
                        && need == 2
                        && is_latin(page)
                        && cells.get(j + 1).is_some_and(|c| !c.c.is_whitespace()) =>
                {
                    *slot = 0xA0;
                    space_byte = true;
                    j += 1;
                }
                _ => {
                    ok = false;
                    break;
                }
            }
        }
        let decoded = if lossy {
            Some('\u{fffd}')
        } else if ok && lead == 0xED && (0xA0..=0xAF).contains(&bytes[1]) {
            cesu_pair(cells, j, bytes).map(|(c, end)| {
                j = end;
                c
            })
        } else {
            ok.then(|| std::str::from_utf8(&bytes[..=need]).ok())
                .flatten()
                .and_then(|s| s.chars().next())
        };
        match decoded {
            // Only a letter is believed through a space.
            Some(decoded) if space_byte && !decoded.is_alphanumeric() => i += 1,
            Some(decoded) => {
                let odd = cells[i..j]
                    .iter()
                    .any(|c| c.c != ' ' && (!is_alphabetic(c.c) || is_rare_letter(c.c)));
                out.push(Atom {
                    first: i,
                    end: j,
                    decoded,
                    spaced,
                    guessed: lossy || space_byte,
                    odd,
                    weak: space_byte,
                });
                i = j;
            }
            None => i += 1,
        }
    }
    out
}

/// A character outside the Basic Multilingual Plane written in CESU-8:
/// its two UTF-16 surrogates each encoded as three bytes (`í\u{a0}½í¸\u{8d}`
/// for `😍`). `high` holds the first three bytes; cells from `at` must
/// hold the low surrogate's. Returns the character and the end cell.
fn cesu_pair(cells: &[Cell], at: usize, high: [u8; 4]) -> Option<(char, usize)> {
    let low = [
        cells.get(at)?.byte?,
        cells.get(at + 1)?.byte?,
        cells.get(at + 2)?.byte?,
    ];
    if low[0] != 0xED || !(0xB0..=0xBF).contains(&low[1]) || !is_continuation(Some(low[2])) {
        return None;
    }
    let unit = |b: [u8; 3]| {
        (u32::from(b[0] & 0x0F) << 12) | (u32::from(b[1] & 0x3F) << 6) | u32::from(b[2] & 0x3F)
    };
    let hi = unit([high[0], high[1], high[2]]);
    let lo = unit(low);
    let code = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
    char::from_u32(code).map(|c| (c, at + 3))
}

/// A lead byte whose continuation, 0xA0, became a space: a no-break space
/// read as a space (`Â ` for a no-break space, `Ã ` for `à`). In the Latin
/// code pages these two are strong evidence. Weaker ones count only on a
/// line with damage beyond doubt: Windows-1251's `Г ` for `à`
/// (`Г l’ouest`), and a Latin capital whose second byte was 0xA0
/// (`Å veices` for `Šveices`), taken as one word with what follows.
fn is_latin(page: CodePage) -> bool {
    matches!(
        page,
        CodePage::Windows1252 | CodePage::Windows1250 | CodePage::Iso8859_2 | CodePage::Windows1257
    )
}

fn space_atom(cells: &[Cell], i: usize, page: CodePage) -> Option<Atom> {
    let latin = is_latin(page);
    let lead = cells[i].byte?;
    let atom = |decoded: char, end: usize, weak: bool| Atom {
        first: i,
        end,
        decoded,
        spaced: false,
        guessed: true,
        odd: true,
        weak,
    };
    // `Â` and `Ã` are those bytes only in Windows-1252 and -1250; elsewhere
    // 0xC2 and 0xC3 are letters that end real words (Latvian `TĀ`).
    let strong = matches!(page, CodePage::Windows1252 | CodePage::Windows1250);
    match lead {
        0xC2 if latin => Some(atom('\u{a0}', i + 2, !strong)),
        0xC3 if (latin || page == CodePage::Windows1251) && a_grave_fits(cells, i) => {
            Some(atom('à', i + 2, !strong))
        }
        0xC4..=0xDF if latin && cells[i].c.is_uppercase() => {
            let next = cells.get(i + 2)?.c;
            let before_ok = i == 0 || !cells[i - 1].c.is_alphanumeric();
            let decoded = std::str::from_utf8(&[lead, 0xA0]).ok()?.chars().next()?;
            (before_ok && is_alphabetic(next) && decoded.is_alphanumeric())
                .then(|| atom(decoded, i + 2, true))
        }
        _ => None,
    }
}

/// Whether `Ã ` at cell `i` reads as a damaged `à`: at the end of a word in
/// lower case (`voilÃ le`), or standing alone before a word in lower case
/// (`Ã perturber`). Between capitals (`C O N C L U S Ã O`) it is a letter.
fn a_grave_fits(cells: &[Cell], i: usize) -> bool {
    let before = i.checked_sub(1).map(|k| cells[k].c);
    let after = cells.get(i + 2).map(|c| c.c);
    match before {
        Some(c) if is_alphabetic(c) => c.is_lowercase(),
        _ => after.is_some_and(char::is_lowercase),
    }
}

/// Whether `à` and the word after it were one word, so the space between
/// them was the no-break space's and no word space was lost: a lone letter
/// (Vietnamese `hài`), or the Portuguese contractions of `a` (`às`,
/// `àquele`, `àquilo`), as ftfy also keeps them.
pub(super) fn joins_a_grave(next: &str) -> bool {
    // Letters of the whole token: `l’utilisation` is no lone letter.
    let letters = next.chars().filter(|c| is_alphabetic(*c)).count();
    let word: String = next.chars().take_while(|c| is_alphabetic(*c)).collect();
    letters <= 1
        || matches!(
            word.as_str(),
            "quele" | "quela" | "queles" | "quelas" | "quilo" | "quilos"
        )
}

/// Letters that a code page has but real words hardly use, so that a
/// capital followed by one is as telling as one followed by a symbol.
fn is_rare_letter(c: char) -> bool {
    matches!(
        c,
        'ƒ' | 'ª' | 'º' | 'µ' | 'Œ' | 'œ' | 'Ÿ' | 'Ž' | 'ž' | 'Š' | 'š' | 'ˆ' | '˜'
    )
}
