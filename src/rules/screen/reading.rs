//! How a screen reads its patterns (as written, loosely or narrowly), and
//! a pattern's prepared form: its syntax tree, read so, as bytes that
//! build it again without parsing. build.rs, which includes this file,
//! prepares the built-in patterns.
//!
//! Parsing is most of what a screen costs to build: a case-insensitive
//! letter, or a class such as `\w`, is folded and built from Unicode's
//! tables, and the loose and narrow readings then throw most of it away.
//! Written back as a pattern, the tree still parses slowly (a class of
//! many ranges is many escapes to read). The prepared form is the tree
//! itself, node by node in prefix order, with each class as the ranges it
//! ends up with; [`prepare`] keeps only a form that builds the same tree.

use regex_syntax::hir::{
    Capture, Class, ClassBytes, ClassBytesRange, ClassUnicode, ClassUnicodeRange, Hir, HirKind,
    Literal, Look, Repetition,
};
use regex_syntax::ParserBuilder;

/// How a screen reads its patterns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// As written.
    Exact,
    /// Widened: a match of the pattern is a match of the screen.
    Loose,
    /// Its classes cut down to the characters of [`NARROW`]: on a text of
    /// only those, the same matches.
    Narrow,
}

/// The characters a narrow screen is exact for: Latin script (to Latin
/// Extended-B), Cyrillic, general punctuation (curly quotes, dashes, the
/// ellipsis) and currency signs.
pub const NARROW: [(char, char); 4] = [
    ('\0', '\u{24F}'),
    ('\u{400}', '\u{4FF}'),
    ('\u{2000}', '\u{206F}'),
    ('\u{20A0}', '\u{20CF}'),
];

/// The key of a way of reading in the table of prepared patterns.
pub fn key(crlf: bool, reading: Reading) -> u8 {
    let reading = match reading {
        Reading::Exact => 0,
        Reading::Loose => 1,
        Reading::Narrow => 2,
    };
    reading * 2 + u8::from(crlf)
}

/// Whether CRLF mode, and which reading, a key of [`key`] stands for.
#[cfg_attr(
    not(test),
    allow(
        dead_code,
        reason = "build.rs prepares the built-in patterns; the library builds them"
    )
)]
pub fn from_key(key: u8) -> (bool, Reading) {
    let reading = match key / 2 {
        0 => Reading::Exact,
        1 => Reading::Loose,
        _ => Reading::Narrow,
    };
    (key % 2 == 1, reading)
}

/// The syntax tree of `pattern` read as `reading`, in CRLF mode or not, as
/// `regex::RegexBuilder` parses it; `None` when it does not parse.
pub fn read(pattern: &str, crlf: bool, reading: Reading) -> Option<Hir> {
    let hir = ParserBuilder::new()
        .crlf(crlf)
        .build()
        .parse(pattern)
        .ok()?;
    Some(match reading {
        Reading::Exact => hir,
        Reading::Loose | Reading::Narrow => rewrite(hir, reading),
    })
}

/// `pattern` read as `reading`, prepared: bytes that [`build`] turns into
/// the same tree. `None` when the pattern does not parse, or the bytes
/// would not build the same tree.
#[cfg_attr(
    not(test),
    allow(
        dead_code,
        reason = "build.rs prepares the built-in patterns; the library builds them"
    )
)]
pub fn prepare(pattern: &str, crlf: bool, reading: Reading) -> Option<Vec<u8>> {
    let hir = read(pattern, crlf, reading)?;
    let mut out = Vec::new();
    write(&hir, &mut out);
    (build(&out)? == hir).then_some(out)
}

/// The tree of a prepared pattern; `None` for bytes [`prepare`] did not
/// write.
pub fn build(prepared: &[u8]) -> Option<Hir> {
    let mut bytes = prepared;
    let hir = node(&mut bytes)?;
    bytes.is_empty().then_some(hir)
}

// The tags of a prepared node, each followed by its fields: numbers in
// LEB128, a string as its length and bytes, a node's subnodes after it.
const EMPTY: u8 = 0;
const LITERAL: u8 = 1;
const UNICODE_CLASS: u8 = 2;
const BYTE_CLASS: u8 = 3;
const LOOK: u8 = 4;
const REPETITION: u8 = 5;
const CAPTURE: u8 = 6;
const CONCAT: u8 = 7;
const ALTERNATION: u8 = 8;

#[cfg_attr(
    not(test),
    allow(
        dead_code,
        reason = "build.rs prepares the built-in patterns; the library builds them"
    )
)]
fn write(hir: &Hir, out: &mut Vec<u8>) {
    match hir.kind() {
        HirKind::Empty => out.push(EMPTY),
        HirKind::Literal(Literal(bytes)) => {
            out.push(LITERAL);
            write_bytes(bytes, out);
        }
        HirKind::Class(Class::Unicode(class)) => {
            out.push(UNICODE_CLASS);
            write_number(class.ranges().len(), out);
            for range in class.ranges() {
                write_number(range.start() as usize, out);
                write_number(range.end() as usize - range.start() as usize, out);
            }
        }
        HirKind::Class(Class::Bytes(class)) => {
            out.push(BYTE_CLASS);
            write_number(class.ranges().len(), out);
            for range in class.ranges() {
                out.extend([range.start(), range.end()]);
            }
        }
        HirKind::Look(look) => {
            out.push(LOOK);
            write_number(look.as_repr() as usize, out);
        }
        HirKind::Repetition(repetition) => {
            out.push(REPETITION);
            write_number(repetition.min as usize, out);
            write_number(repetition.max.map_or(0, |max| max as usize + 1), out);
            out.push(u8::from(repetition.greedy));
            write(&repetition.sub, out);
        }
        HirKind::Capture(capture) => {
            out.push(CAPTURE);
            write_number(capture.index as usize, out);
            match &capture.name {
                Some(name) => {
                    out.push(1);
                    write_bytes(name.as_bytes(), out);
                }
                None => out.push(0),
            }
            write(&capture.sub, out);
        }
        HirKind::Concat(subs) | HirKind::Alternation(subs) => {
            let tag = if matches!(hir.kind(), HirKind::Concat(_)) {
                CONCAT
            } else {
                ALTERNATION
            };
            out.push(tag);
            write_number(subs.len(), out);
            subs.iter().for_each(|sub| write(sub, out));
        }
    }
}

#[cfg_attr(
    not(test),
    allow(
        dead_code,
        reason = "build.rs prepares the built-in patterns; the library builds them"
    )
)]
fn write_number(mut n: usize, out: &mut Vec<u8>) {
    while n >= 0x80 {
        out.push((n & 0x7F) as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

#[cfg_attr(
    not(test),
    allow(
        dead_code,
        reason = "build.rs prepares the built-in patterns; the library builds them"
    )
)]
fn write_bytes(bytes: &[u8], out: &mut Vec<u8>) {
    write_number(bytes.len(), out);
    out.extend_from_slice(bytes);
}

fn node(bytes: &mut &[u8]) -> Option<Hir> {
    Some(match byte(bytes)? {
        EMPTY => Hir::empty(),
        LITERAL => Hir::literal(take(bytes)?),
        UNICODE_CLASS => {
            let ranges = (0..number(bytes)?)
                .map(|_| {
                    let start = number(bytes)?;
                    let end = start.checked_add(number(bytes)?)?;
                    let char_at = |n: usize| char::from_u32(u32::try_from(n).ok()?);
                    Some(ClassUnicodeRange::new(char_at(start)?, char_at(end)?))
                })
                .collect::<Option<Vec<_>>>()?;
            Hir::class(Class::Unicode(ClassUnicode::new(ranges)))
        }
        BYTE_CLASS => {
            let ranges = (0..number(bytes)?)
                .map(|_| Some(ClassBytesRange::new(byte(bytes)?, byte(bytes)?)))
                .collect::<Option<Vec<_>>>()?;
            Hir::class(Class::Bytes(ClassBytes::new(ranges)))
        }
        LOOK => Hir::look(Look::from_repr(u32::try_from(number(bytes)?).ok()?)?),
        REPETITION => {
            let min = u32::try_from(number(bytes)?).ok()?;
            let max = match number(bytes)? {
                0 => None,
                n => Some(u32::try_from(n - 1).ok()?),
            };
            let greedy = byte(bytes)? == 1;
            Hir::repetition(Repetition {
                min,
                max,
                greedy,
                sub: Box::new(node(bytes)?),
            })
        }
        CAPTURE => {
            let index = u32::try_from(number(bytes)?).ok()?;
            let name = match byte(bytes)? {
                0 => None,
                _ => Some(Box::from(std::str::from_utf8(&take(bytes)?).ok()?)),
            };
            Hir::capture(Capture {
                index,
                name,
                sub: Box::new(node(bytes)?),
            })
        }
        tag @ (CONCAT | ALTERNATION) => {
            let subs = (0..number(bytes)?)
                .map(|_| node(bytes))
                .collect::<Option<Vec<_>>>()?;
            if tag == CONCAT {
                Hir::concat(subs)
            } else {
                Hir::alternation(subs)
            }
        }
        _ => return None,
    })
}

fn byte(bytes: &mut &[u8]) -> Option<u8> {
    let (&first, rest) = bytes.split_first()?;
    *bytes = rest;
    Some(first)
}

fn number(bytes: &mut &[u8]) -> Option<usize> {
    let mut n = 0usize;
    for shift in (0..64).step_by(7) {
        let b = byte(bytes)?;
        n |= usize::from(b & 0x7F).checked_shl(shift)?;
        if b < 0x80 {
            return Some(n);
        }
    }
    None
}

fn take(bytes: &mut &[u8]) -> Option<Vec<u8>> {
    let len = number(bytes)?;
    if len > bytes.len() {
        return None;
    }
    let (taken, rest) = bytes.split_at(len);
    *bytes = rest;
    Some(taken.to_vec())
}

/// A pattern read loosely or narrowly, with an automaton that is cheaper
/// to build. Most of a pattern's automaton is Unicode: a class such as
/// `\p{L}` or a case-insensitive letter is hundreds of UTF-8 byte
/// sequences, and a bounded repetition such as `[^()\n]{3,300}` is as many
/// copies of its class as its bound.
///
/// Loosely, each change only widens what the pattern matches:
/// - a class with letters beyond ASCII keeps its ASCII ones and takes in
///   every other character (`\p{Lu}` becomes `[A-Z]` or any non-ASCII
///   character);
/// - a repetition keeps its minimum and loses its maximum (`{3,300}`
///   becomes `{3,}`);
/// - a Unicode word boundary, which a lazy DFA cannot search past a
///   non-ASCII character, is dropped.
///
/// Narrowly, a class keeps only the characters of [`NARROW`]: a match in a
/// text of only those characters matched each class with one of them.
///
/// Groups are dropped, as in every screen.
fn rewrite(hir: Hir, reading: Reading) -> Hir {
    let again = |sub: Hir| rewrite(sub, reading);
    let loose = reading == Reading::Loose;
    match hir.into_kind() {
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(literal) => Hir::literal(literal.0),
        HirKind::Class(Class::Unicode(class)) => Hir::class(Class::Unicode(match reading {
            Reading::Loose => loosen_class(class),
            Reading::Narrow => narrow_class(class),
            Reading::Exact => class,
        })),
        HirKind::Class(class) => Hir::class(class),
        HirKind::Look(
            Look::WordUnicode
            | Look::WordUnicodeNegate
            | Look::WordStartUnicode
            | Look::WordEndUnicode
            | Look::WordStartHalfUnicode
            | Look::WordEndHalfUnicode,
        ) if loose => Hir::empty(),
        HirKind::Look(look) => Hir::look(look),
        HirKind::Repetition(Repetition {
            min,
            max,
            greedy,
            sub,
        }) => Hir::repetition(Repetition {
            min,
            max: if loose {
                max.filter(|&max| max == min)
            } else {
                max
            },
            greedy,
            sub: Box::new(again(*sub)),
        }),
        HirKind::Capture(capture) => again(*capture.sub),
        HirKind::Concat(subs) => Hir::concat(subs.into_iter().map(again).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.into_iter().map(again).collect()),
    }
}

/// `class` with only the characters of [`NARROW`].
fn narrow_class(mut class: ClassUnicode) -> ClassUnicode {
    if !class.is_ascii() {
        class.intersect(&ClassUnicode::new(
            NARROW
                .iter()
                .map(|&(from, to)| ClassUnicodeRange::new(from, to)),
        ));
    }
    class
}

/// `class` with its characters beyond ASCII widened to all of them.
fn loosen_class(mut class: ClassUnicode) -> ClassUnicode {
    if class.is_ascii() {
        return class;
    }
    class.intersect(&ClassUnicode::new([ClassUnicodeRange::new('\0', '\x7F')]));
    class.union(&ClassUnicode::new([ClassUnicodeRange::new(
        '\u{80}',
        char::MAX,
    )]));
    class
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Every kind of node, prepared, builds the tree it was read into: in
    /// each reading, both syntaxes.
    #[test]
    fn a_prepared_pattern_builds_its_tree() {
        for pattern in [
            "",
            "a",
            r"(?i)straße|ёж",
            r"(?m)^\w{2,5}$",
            r"(?P<name>ab)+?c*(d)",
            r"(?-u:[\x00-\x7F])(?-u:\b)x",
            r"[^()\n]{3,300}\)|\p{Lu}\p{Ll}+",
            r"a.b\z|\Ac",
            r"\bword\b|\B",
        ] {
            for crlf in [false, true] {
                for reading in [Reading::Exact, Reading::Loose, Reading::Narrow] {
                    let prepared = prepare(pattern, crlf, reading).expect(pattern);
                    assert!(!prepared.is_empty(), "{pattern}");
                    assert_eq!(from_key(key(crlf, reading)), (crlf, reading));
                }
            }
        }
    }

    #[test]
    fn a_pattern_that_does_not_parse_is_not_prepared() {
        assert_eq!(prepare("(", false, Reading::Loose), None);
    }

    static PREPARED: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();

    proptest! {
        /// Bytes that are no prepared tree (cut short, or any at all) build
        /// nothing, and never panic.
        #[test]
        fn other_bytes_build_nothing_or_a_tree(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            let _ = build(&bytes);
            let prepared = PREPARED.get_or_init(|| {
                prepare(r"(?i)read (?:also|more):\s*\S{3,30}", false, Reading::Narrow).unwrap()
            });
            let cut = bytes.len() % prepared.len();
            prop_assert_eq!(build(&prepared[..cut]), None);
        }
    }
}
