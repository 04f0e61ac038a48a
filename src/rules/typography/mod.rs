//! Spacing and punctuation: what a scraper or a translation engine does to
//! the characters between the words.

pub mod doubled_word;
pub mod glued_words;
pub mod misplaced_quote;
pub mod missing_space;
pub mod multiple_spaces;
pub mod trailing_whitespace;
