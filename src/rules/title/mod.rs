//! Titles: a known person given an office they did not hold at the
//! article's date.

pub mod inconsistent;
pub mod wrong_office;
