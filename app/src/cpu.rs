//! CPU-heavy work (Argon2 checks, sanitising long texts, reading them as text and their word
//! diffs, image decoding and resizing) runs here: on tokio's blocking threads, never on the threads that answer
//! requests, and in each lane at most one job fewer than the machine has cores at a time (at
//! least one). Password checks have a lane of their own: anyone may try to sign in, and a
//! flood of attempts must not hold up an editor's save behind it. Readers' work that the page
//! cache cannot keep (a search's snippets, read from the found bodies) has one too, for the
//! same reason the other way round. So up to three times that many jobs run at once (on 2
//! cores, one of each); a burst of any still waits its turn, and the request threads, which
//! answer readers' pages mostly from memory, are never among them.

use std::sync::OnceLock;

use tokio::sync::Semaphore;

use crate::error::AppError;

/// Which queue a job waits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lane {
    /// Argon2: signing in.
    Passwords,
    /// Editors' work: sanitising, bodies read as text, diffs, images.
    Editing,
    /// Readers' work: reading a search's hits as text.
    Reading,
}

fn permits(lane: Lane) -> &'static Semaphore {
    static PASSWORDS: OnceLock<Semaphore> = OnceLock::new();
    static EDITING: OnceLock<Semaphore> = OnceLock::new();
    static READING: OnceLock<Semaphore> = OnceLock::new();
    let permits = match lane {
        Lane::Passwords => &PASSWORDS,
        Lane::Editing => &EDITING,
        Lane::Reading => &READING,
    };
    permits.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        Semaphore::new(cores.saturating_sub(1).max(1))
    })
}

/// Runs an editor's `job` (sanitising, a diff, an image) off the request threads once a
/// permit of its lane is free, and answers its result. A job that panics is logged and
/// answered as `AppError::Internal`.
pub async fn run<T, F>(job: F) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    run_in(Lane::Editing, job).await
}

/// Runs a password check (or hash) as [`run`] does, in the passwords' own lane.
pub async fn run_password<T, F>(job: F) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    run_in(Lane::Passwords, job).await
}

/// Runs a reader's `job` as [`run`] does, in the readers' own lane.
pub async fn run_for_reader<T, F>(job: F) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    run_in(Lane::Reading, job).await
}

async fn run_in<T, F>(lane: Lane, job: F) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let _permit = permits(lane)
        .acquire()
        .await
        .map_err(|_| AppError::Internal)?;
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

    /// Holds every permit of `busy` with jobs that have not finished, more queued behind,
    /// and answers whether `probe`, a job of another lane answering 42, ran meanwhile.
    async fn ran_while_busy(
        busy: Lane,
        probe: impl std::future::Future<Output = Result<i32, AppError>>,
    ) -> bool {
        let lane = permits(busy).available_permits();
        let (started, running) = std::sync::mpsc::channel::<()>();
        let (release, held) = std::sync::mpsc::channel::<()>();
        let held = std::sync::Arc::new(std::sync::Mutex::new(held));
        let jobs: Vec<_> = (0..lane + 3)
            .map(|_| {
                let (started, held) = (started.clone(), held.clone());
                tokio::spawn(run_in(busy, move || {
                    let _ = started.send(());
                    let _ = held.lock().map(|held| held.recv());
                }))
            })
            .collect();
        for _ in 0..lane {
            running.recv().expect("a job started");
        }
        let ran = tokio::time::timeout(std::time::Duration::from_secs(10), probe).await;
        drop(release);
        for job in jobs {
            job.await.expect("joined").expect("ran");
        }
        matches!(ran, Ok(Ok(42)))
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn an_editors_job_does_not_wait_behind_password_checks() {
        assert!(ran_while_busy(Lane::Passwords, run(|| 42)).await);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_readers_search_does_not_wait_behind_editors_jobs() {
        assert!(ran_while_busy(Lane::Editing, run_for_reader(|| 42)).await);
    }
}
