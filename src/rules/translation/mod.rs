//! Machine-translation artifacts other than names: stray capitals mid-
//! sentence (and, as data, calques in `rules/translation/`).

pub mod doubled_synonym;
pub mod name_order;
pub mod scrambled_date;
pub mod stray_capital;
pub mod untranslated;
