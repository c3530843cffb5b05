//! The whole site through its router (`oneshot`, no socket), on a temporary SQLite database
//! with the demo content: pages, feeds and the event API. One test binary, so the server is
//! linked once.

// Leptos's statically typed views nest deeply; laying out the page types needs more than
// the default 128 levels.
#![recursion_limit = "256"]

mod accounts;
mod caching;
mod common;
mod editing;
mod feeds;
mod headers;
mod hostile;
mod languages;
mod limits;
mod metrics;
mod pages;
mod racing;
mod read;
#[path = "../shared/saves.rs"]
mod saves;
mod transfer;
