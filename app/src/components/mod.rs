//! Widgets shared by every page: the site frame, error pages, category labels.

mod browser;
mod category;
mod error_page;
mod frame;
mod page_meta;
mod paging;
mod status;
mod url;

pub use browser::{
    announce_after_reload, announce_on_arrival, announced_before_reload, forget_kept, go_to,
    keep_for_page, kept_for_this_page, reload_at, reload_page, replace_address, show_title,
};
pub use category::{category_name, CategoryLabel, TextLanguage};
pub use error_page::{ErrorPage, NotFound};
pub use frame::{sign_in_here, SiteFooter, SiteHeader};
pub use page_meta::{absolute_url, provide_site_url, PageMeta};
pub use paging::{page_path, paged_title, requested_page, NumberedPager, Pager, Paging};
#[cfg(feature = "ssr")]
pub use status::{from_a_plain_form, set_no_store, set_retry_after};
pub use status::{redirect_to, set_status};
pub use url::encode_component;
