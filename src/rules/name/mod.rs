//! Names of people, places and organisations: known wrong forms, forms
//! without their diacritics, and digits a translation plugin ate.

pub mod digit_placeholder;
pub mod house_spelling;
pub mod inconsistent;
pub mod known_forms;
pub mod near_miss;
