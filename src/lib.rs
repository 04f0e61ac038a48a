//! mtlint: a linter for articles that went through web scraping and machine
//! translation.
//!
//! The layers, each looking only down: [`text`] (byte ranges, line index) →
//! [`source`] (bytes to text and back) → [`document`] (the parsed article)
//! → [`rule`] and [`rules`] (what is checked) → [`lint`] (running and
//! fixing) → [`output`] (every format) → [`workspace`] (which settings
//! lint which file) → [`cli`] and [`lsp`].

pub mod allow;
pub mod analysis;
pub mod automaton;
pub mod batch;
pub mod cli;
pub mod config;
pub mod date;
pub mod diagnostic;
pub mod document;
pub mod embedded;
pub mod explain;
pub mod fix;
pub mod kb;
pub mod knowledge;
pub mod lexicon;
pub mod lint;
pub mod lsp;
pub mod memo;
pub mod mojibake;
pub mod output;
pub mod recurring;
pub mod rule;
pub mod rules;
pub mod source;
pub mod suppress;
pub mod text;
pub mod toml_error;
pub mod walk;
pub mod window;
mod word_table;
pub mod workspace;
