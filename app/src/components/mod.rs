//! Widgets shared by every page: the site frame, error pages, category labels.

mod category;
mod error_page;
mod frame;
mod status;

pub use category::CategoryLabel;
pub use error_page::{ErrorPage, NotFound};
pub use frame::{SiteFooter, SiteHeader};
pub use status::set_status;
