//! The matcher of titles on the office index's matches: each shape's
//! parts, tried in the order the regex it replaced tried them.

use super::{Shape, Span, Title, ADJECTIVE, COUNTRY, OFFICE, PARTICLES};

/// What follows a name and its comma when a title does: the office, and
/// the adjective or the country before it.
#[derive(Clone, Copy)]
pub(super) struct Tail {
    pub(super) office: Span,
    pub(super) adjective: Option<Span>,
    pub(super) country: Option<Span>,
}

/// A phrase of the automaton found in the text.
#[derive(Clone, Copy)]
pub(super) struct Hit {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: u8,
}

/// The matcher of one text: the text and the phrases found in it.
pub(super) struct Matcher<'t> {
    pub(super) text: &'t str,
    pub(super) hits: Vec<Hit>,
}

/// A character a name can start with: a capital of the Latin script, with
/// the diacritics of European languages and Vietnamese (Latin-1, Latin
/// Extended-A/B and Additional), as the knowledge base's names are
/// written.
fn starts_name(c: char) -> bool {
    matches!(c, 'A'..='Z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{DE}' | '\u{100}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}')
}

/// A character inside a name's word: a letter of those ranges, an
/// apostrophe, a full stop or a hyphen.
pub(super) fn in_name(c: char) -> bool {
    matches!(c, 'A'..='Z' | 'a'..='z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' | '’' | '\'' | '.' | '-')
}

/// The spaces between the words of a name: a name stays on its line.
pub(super) fn inline_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{A0}')
}

pub(super) fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl Matcher<'_> {
    /// The ends of the phrases of `kind` that start at `at`, longest first.
    fn phrases(&self, at: usize, kind: u8) -> impl Iterator<Item = usize> + '_ {
        let first = self.hits.partition_point(|h| h.start < at);
        self.hits[first..]
            .iter()
            .take_while(move |h| h.start == at)
            .filter(move |h| h.kind & kind != 0)
            .map(|h| h.end)
    }

    /// An ASCII word boundary: the adjectives and offices are ASCII.
    fn boundary(&self, at: usize) -> bool {
        let bytes = self.text.as_bytes();
        let before = at > 0 && is_word_byte(bytes[at - 1]);
        let after = at < bytes.len() && is_word_byte(bytes[at]);
        before != after
    }

    fn next_char(&self, at: usize) -> Option<char> {
        self.text.get(at..).and_then(|rest| rest.chars().next())
    }

    /// The end of a run of one or more characters that `class` takes,
    /// from `at`.
    fn run(&self, at: usize, class: fn(char) -> bool) -> Option<usize> {
        let rest = self.text.get(at..)?;
        let len = rest.find(|c: char| !class(c)).unwrap_or(rest.len());
        (len > 0).then_some(at + len)
    }

    /// White space (one character or more) from `at`: where it ends.
    fn spaces(&self, at: usize) -> Option<usize> {
        self.run(at, char::is_whitespace)
    }

    /// "the " or "The " (and more white space) from `at`: where it ends.
    fn the(&self, at: usize) -> Option<usize> {
        let rest = self.text.get(at..)?;
        if !self.boundary(at) || !(rest.starts_with("the") || rest.starts_with("The")) {
            return None;
        }
        self.spaces(at + 3)
    }

    /// "'s " or "’s " from `at`: where the white space after it ends.
    fn possessive(&self, at: usize) -> Option<usize> {
        let rest = self.text.get(at..)?;
        let len = ["'s", "’s"].iter().find(|p| rest.starts_with(*p))?.len();
        self.spaces(at + len)
    }

    pub(super) fn name_start(&self, at: usize) -> bool {
        self.next_char(at).is_some_and(starts_name)
    }

    /// The end of the name's word that `at` is in.
    pub(super) fn word_end(&self, at: usize) -> usize {
        self.run(at, in_name).unwrap_or(at)
    }

    /// A particle and the spaces after it, from `at`: where they end.
    fn particle(&self, at: usize) -> Option<usize> {
        let rest = self.text.get(at..)?;
        PARTICLES
            .iter()
            .filter(|p| rest.starts_with(*p))
            .find_map(|p| self.run(at + p.len(), inline_space))
    }

    /// The end of a name of one to three words from `at` (which starts
    /// one), with up to two particles before each word after the first:
    /// as many words as there are.
    fn name(&self, at: usize) -> usize {
        let mut end = self.word_end(at);
        for _ in 0..2 {
            let Some(next) = self.run(end, inline_space) else {
                break;
            };
            let one = self.particle(next);
            let two = one.and_then(|p| self.particle(p));
            // As many particles as leave a word after them.
            match [two, one, Some(next)]
                .into_iter()
                .flatten()
                .find(|&p| self.name_start(p))
            {
                Some(word) => end = self.word_end(word),
                None => break,
            }
        }
        end
    }

    /// An office at `office`, then white space and a name (after a comma
    /// first for `Shape::Apposed`): a title of `shape` from `start`.
    fn office_then_name(
        &self,
        shape: Shape,
        start: usize,
        office: usize,
        adjective: Option<Span>,
        country: Option<Span>,
    ) -> Option<Title> {
        self.phrases(office, OFFICE).find_map(|office_end| {
            let mut after = office_end;
            if shape == Shape::Apposed {
                if !self.text[office_end..].starts_with(',') {
                    return None;
                }
                after += 1;
            }
            let name_at = self.spaces(after)?;
            if !self.name_start(name_at) {
                return None;
            }
            let name_end = self.name(name_at);
            Some(Title {
                shape,
                whole: Span::new(start, name_end),
                office: Span::new(office, office_end),
                name: Span::new(name_at, name_end),
                adjective,
                country,
            })
        })
    }

    /// Who an office belongs to, from `at`, in the order the regex tried
    /// them: each place an office may start, with the adjective or the
    /// country before it. "Russia's ", then "the Russian ", "the
    /// country's " (with `country_word`) and "the ".
    fn owners(
        &self,
        at: usize,
        country_word: bool,
    ) -> impl Iterator<Item = (usize, Option<Span>, Option<Span>)> + '_ {
        let bounded = self.boundary(at);
        let owned = self
            .phrases(at, COUNTRY)
            .filter(move |_| bounded)
            .filter_map(move |end| Some((self.possessive(end)?, None, Some(Span::new(at, end)))));
        let after_the = self.the(at);
        let adjectives = after_the.into_iter().flat_map(move |after_the| {
            self.phrases(after_the, ADJECTIVE).filter_map(move |end| {
                Some((self.spaces(end)?, Some(Span::new(after_the, end)), None))
            })
        });
        let country = after_the
            .filter(|&after_the| country_word && self.text[after_the..].starts_with("country"))
            .and_then(|after_the| self.possessive(after_the + "country".len()))
            .map(|office| (office, None, None));
        let bare = after_the.map(|office| (office, None, None));
        owned.chain(adjectives).chain(country).chain(bare)
    }

    /// "Russia's president, Lavrov", "the Russian president, Lavrov",
    /// "the country's president, Lavrov", "the president, Lavrov".
    pub(super) fn apposed(&self, at: usize) -> Option<Title> {
        self.owners(at, true)
            .find_map(|(office, adjective, country)| {
                self.office_then_name(Shape::Apposed, at, office, adjective, country)
            })
    }

    /// An office at `at` between two word boundaries: where it ends.
    fn bounded_office(&self, at: usize) -> Option<usize> {
        if !self.boundary(at) {
            return None;
        }
        self.phrases(at, OFFICE).find(|&end| self.boundary(end))
    }

    /// ", Russia's president", ", the Russian president": the title after
    /// the comma at `comma`, when one follows it.
    pub(super) fn tail(&self, comma: usize) -> Option<Tail> {
        let owner = self.spaces(comma + 1)?;
        self.owners(owner, false)
            .find_map(|(office, adjective, country)| {
                let office_end = self.bounded_office(office)?;
                Some(Tail {
                    office: Span::new(office, office_end),
                    adjective,
                    country,
                })
            })
    }

    /// "Lavrov, Russia's president", "Lavrov, the Russian president": a
    /// name from `at` that ends at `comma`, which `tail` follows.
    pub(super) fn name_first(&self, at: usize, comma: usize, tail: Tail) -> Option<Title> {
        if !self.name_start(at) || self.name(at) != comma {
            return None;
        }
        Some(Title {
            shape: Shape::NameFirst,
            whole: Span::new(at, tail.office.end),
            office: tail.office,
            name: Span::new(at, comma),
            adjective: tail.adjective,
            country: tail.country,
        })
    }

    /// "Russian President Lavrov", "President Lavrov".
    pub(super) fn title_first(&self, at: usize) -> Option<Title> {
        if !self.boundary(at) {
            return None;
        }
        let title = |office: usize, adjective: Option<Span>| {
            self.office_then_name(Shape::TitleFirst, at, office, adjective, None)
        };
        self.phrases(at, ADJECTIVE)
            .find_map(|end| {
                let office = self.spaces(end).filter(|&o| self.boundary(o))?;
                title(office, Some(Span::new(at, end)))
            })
            .or_else(|| title(at, None))
    }
}
