//! The data files under `rules/`, embedded in the binary by `build.rs`:
//! rule files, lexicons, word lists, the knowledge base (as TOML and as
//! the postcard image build.rs made of it), the scraper-line signals and
//! their gates,
//! and each rule's documentation and fixture for `mtlint rules --explain`.

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
