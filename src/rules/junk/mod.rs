//! Scraper junk: what a scraper carried in from the page around the
//! article.

pub mod foreign_paragraph;
pub mod scraper_line;
pub mod site_suffix;
