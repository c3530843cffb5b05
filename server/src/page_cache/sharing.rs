use std::sync::atomic::AtomicUsize;

use tokio::sync::Notify;

use super::*;

fn front_page() -> PageKey {
    PageKey {
        generation: 7,
        day: NaiveDate::from_ymd_opt(2026, 12, 3).expect("a day"),
        encoding: Encoding::Brotli,
        target: "/".into(),
    }
}

/// What one request found (by its name), and whether its answer sets a cookie.
type Answered = (&'static str, bool);

/// `requests` requests for the front page at once, on this one thread; the first render
/// waits until the test lets it go, when every request is under way. Answers with what
/// each request found, and how many renders ran.
async fn at_once(requests: usize, answer: fn(usize) -> Response) -> (Vec<Answered>, usize) {
    let kept = Kept::new(1);
    let renders = Arc::new(AtomicUsize::new(0));
    let release = Arc::new(Notify::new());
    let tasks: Vec<_> = (0..requests)
        .map(|_| {
            let (kept, renders, release) = (kept.clone(), renders.clone(), release.clone());
            tokio::spawn(async move {
                let render = || async move {
                    let nth = renders.fetch_add(1, Ordering::SeqCst);
                    if nth == 0 {
                        release.notified().await;
                    }
                    answer(nth)
                };
                let (how, response) = match kept.get_or_render(front_page(), render).await {
                    Found::Kept(page) => ("kept", page.answer(None, false)),
                    Found::Shared(page) => ("shared", page.answer(None, false)),
                    Found::Rendered(page) => ("rendered", page.answer(None, false)),
                    Found::NotKept(Unkept::TooLarge(page)) => {
                        ("too large", page.answer(None, false))
                    }
                    Found::NotKept(Unkept::Answer(response)) => ("not kept", response),
                };
                assert_eq!(response.status(), StatusCode::OK);
                (how, response.headers().contains_key(header::SET_COOKIE))
            })
        })
        .collect();
    // A #[tokio::test] runs its tasks on this thread: each runs until it waits, so after
    // a few turns one request is rendering and the others are waiting for it.
    for _ in 0..20 {
        tokio::task::yield_now().await;
    }
    release.notify_one();
    let mut found = Vec::new();
    for task in tasks {
        found.push(task.await.expect("the request"));
    }
    (found, renders.load(Ordering::SeqCst))
}

fn page(_: usize) -> Response {
    Response::new(Body::from("<!DOCTYPE html><title>Sākums</title>"))
}

#[tokio::test]
async fn requests_missing_the_same_page_at_once_share_one_render() {
    let (found, renders) = at_once(8, page).await;
    assert_eq!(renders, 1, "{found:?}");
    assert_eq!(found[0], ("rendered", false));
    assert!(
        found[1..].iter().all(|one| *one == ("shared", false)),
        "{found:?}"
    );
}

#[tokio::test]
async fn an_answer_that_cannot_be_kept_is_never_handed_to_another_request() {
    // The first render signs somebody in (a cookie): each request that waited for it
    // renders its own at once (and keeps it), and none gets the cookie.
    fn signs_in_first(nth: usize) -> Response {
        let mut response = page(nth);
        if nth == 0 {
            response
                .headers_mut()
                .insert(header::SET_COOKIE, HeaderValue::from_static("sesija=x"));
        }
        response
    }
    let (found, renders) = at_once(4, signs_in_first).await;
    assert_eq!(renders, 4, "{found:?}");
    assert_eq!(found[0], ("not kept", true));
    assert!(
        found[1..].iter().all(|one| *one == ("rendered", false)),
        "{found:?}"
    );
    let kept = Kept::new(1);
    assert!(matches!(
        kept.get_or_render(front_page(), || async { signs_in_first(0) }).await,
        Found::NotKept(Unkept::Answer(response)) if response.headers()[header::CACHE_CONTROL] == PRIVATE
    ));
    assert!(kept.is_empty(), "the mark for those waiting is gone");
}

#[tokio::test]
async fn a_page_kept_longer_than_its_time_to_live_is_rendered_again() {
    let kept = Kept::new(1);
    let Found::Rendered(first) = kept.get_or_render(front_page(), || async { page(0) }).await
    else {
        panic!("nothing was kept yet");
    };
    assert!(matches!(
        kept.get_or_render(front_page(), || async { page(1) }).await,
        Found::Kept(_)
    ));
    let mut aged = Page::new(first.headers.clone(), first.body.clone());
    aged.rendered = Instant::now()
        .checked_sub(TIME_TO_LIVE)
        .expect("the machine has run for a minute");
    let aged = Arc::new(aged);
    kept.keep(front_page(), Arc::clone(&aged));
    assert!(kept.get(&front_page()).is_none(), "too old to serve");
    assert!(matches!(
        kept.get_or_render(front_page(), || async { page(2) }).await,
        Found::Rendered(_)
    ));
    // A request that missed just before the page aged finds it aged too.
    kept.keep(front_page(), aged);
    assert!(matches!(
        kept.render_once(front_page(), || async { page(3) }).await,
        Found::Rendered(_)
    ));
}

#[tokio::test]
async fn a_page_heavier_than_the_cache_keeps_is_answered_and_not_kept() {
    let kept = Kept::new(1);
    let heavy = || async { Response::new(Body::from(vec![b'x'; 1024 * 1024])) };
    assert!(matches!(
        kept.get_or_render(front_page(), heavy).await,
        Found::NotKept(Unkept::TooLarge(_))
    ));
    assert!(kept.get(&front_page()).is_none());
}

#[tokio::test]
async fn a_render_overtaken_by_a_write_is_answered_and_not_kept() {
    let kept = Kept::new(1);
    let writer = kept.clone();
    let render = || async move {
        // A write lands while the page renders from what it read before.
        writer.invalidate_all();
        page(0)
    };
    assert!(matches!(
        kept.get_or_render(front_page(), render).await,
        Found::Rendered(_)
    ));
    assert!(kept.is_empty(), "a page from before the write is not kept");
}
