//! Notikumi's application crate: the router and pages shared by the server (feature `ssr`)
//! and the browser (feature `hydrate`), the wire types and server functions, and the
//! server-only storage seam.

// The editors' views are deep statically typed trees; hydrating them asynchronously (as the
// split-off editor chunk does) needs more than the default 128 levels to lay them out.
#![recursion_limit = "512"]

pub mod app;
pub mod articles;
pub mod auth;
pub mod calendar;
pub mod components;
pub mod editing;
pub mod error;
pub mod home;
pub mod i18n;
pub mod locale;
pub mod paths;
pub mod search;

#[cfg(feature = "ssr")]
pub mod cpu;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod feeds;
#[cfg(feature = "ssr")]
pub mod sanitize;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod storage;
#[cfg(test)]
mod test_dates;
#[cfg(feature = "ssr")]
pub mod timezone;

pub use app::{shell, App};
pub use error::AppError;
