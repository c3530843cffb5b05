//! Bodies stored under an older allow-list, stored cleaned by this one.
//!
//! Raising [`SANITIZER_VERSION`] leaves every body stored before to be cleaned again each time
//! its row is read ([`super::for_render`]), on the thread that reads it: reader pages once
//! per page and change, but feeds, lists and editors' fetches every time. The server stores
//! them cleaned once, in the background after it starts: a batch at a time, one body at a
//! time in the CPU pool (so editors' saves wait at most for one body), never over a save made
//! since the batch was read (`Store::store_cleaned`).

use super::{SafeHtml, SANITIZER_VERSION};
use crate::{error::AppError, storage::Store};

/// Bodies read, cleaned and stored together.
const BATCH: i64 = 50;

/// Stores every body cleaned under an older sanitizer version cleaned by this one; answers
/// how many. Several instances may run it at once: each stores the same cleaning.
pub async fn clean_stored_bodies(store: &dyn Store) -> Result<u64, AppError> {
    let mut stored = 0;
    let mut nothing_stored_before = false;
    loop {
        let stale = store.stale_bodies(SANITIZER_VERSION, BATCH).await?;
        if stale.is_empty() {
            return Ok(stored);
        }
        let mut cleaned = Vec::with_capacity(stale.len());
        for body in stale {
            let clean = SafeHtml::sanitize_off_thread(body.body_html.clone()).await?;
            cleaned.push((body, clean));
        }
        let written = store.store_cleaned(&cleaned, SANITIZER_VERSION).await?;
        // None stored: each was saved anew meanwhile (and so is clean), and the next batch
        // holds others. Twice running, something keeps them from being stored: the pass
        // stops rather than go round (they are still cleaned when read).
        if written == 0 && nothing_stored_before {
            return Ok(stored);
        }
        nothing_stored_before = written == 0;
        stored += written;
    }
}
