//! CPU-heavy work (Argon2 checks, word diffs of long texts, image decoding and resizing)
//! runs here: on tokio's blocking threads, never on the threads that answer requests, and at
//! most one job fewer than the machine has cores at a time (at least one). A burst of
//! sign-ins or uploads then waits its turn while readers' pages are still answered.

use std::sync::OnceLock;

use tokio::sync::Semaphore;

use crate::error::AppError;

fn permits() -> &'static Semaphore {
    static PERMITS: OnceLock<Semaphore> = OnceLock::new();
    PERMITS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        Semaphore::new(cores.saturating_sub(1).max(1))
    })
}

/// Runs `job` off the request threads once a permit is free, and answers its result. A job
/// that panics is logged and answered as `AppError::Internal`.
pub async fn run<T, F>(job: F) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let _permit = permits().acquire().await.map_err(|_| AppError::Internal)?;
    tokio::task::spawn_blocking(job).await.map_err(|error| {
        tracing::error!(%error, "a CPU job failed");
        AppError::Internal
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn jobs_run_off_the_request_threads_and_a_panic_is_an_error() {
        let request_thread = std::thread::current().id();
        let job_thread = run(|| std::thread::current().id()).await.expect("runs");
        assert_ne!(job_thread, request_thread);
        let panicked = run(|| -> u8 { panic!("a broken job") }).await;
        assert_eq!(panicked, Err(AppError::Internal));
    }
}
