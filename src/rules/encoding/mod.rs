//! Text decoded with the wrong code page, and characters that should not
//! be in an article at all: replacement characters, HTML entities, control
//! and invisible characters.

pub mod control_character;
pub mod html_entity;
pub mod invisible_character;
pub mod legacy_input;
pub mod mixed_script;
pub mod mojibake;
pub mod replacement_character;
