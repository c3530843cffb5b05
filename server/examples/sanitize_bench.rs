//! How long cleaning a body takes (`SafeHtml::sanitize`: the allow-list, then the body's
//! shape), for bodies of the sizes editors send, up to the 200 kB a body may have.
//! `bench/sanitize.sh` runs it in a release build; `BENCHMARKS.md` has the figures.

use std::time::{Duration, Instant};

use app::sanitize::SafeHtml;

/// A body of about `bytes` made of what editors write: paragraphs with links and emphasis,
/// headings, lists (one left by the browser inside a paragraph), quotes and figures.
fn body(bytes: usize) -> String {
    let block = "<h2>Palīdzība cietušajiem</h2>\
        <p>Biedrība sniedz <strong>bezmaksas</strong> konsultācijas un \
        <a href=\"https://example.lv/palidziba\">palīdzību</a> cilvēku tirdzniecības \
        upuriem visā Latvijā, sadarbojoties ar pašvaldībām un policiju.</p>\
        <p>Zvaniet:<br><ul><li>uzticības tālrunis</li><li>e-pasts</li></ul>vai rakstiet.</p>\
        <blockquote>Neviens nav vainīgs tajā, ka kļuvis par upuri.</blockquote>\
        <figure><img src=\"/media/a-960.jpg\" alt=\"Seminārs\" width=\"960\" height=\"640\">\
        <figcaption>Seminārs Rīgā</figcaption></figure>";
    block.repeat(bytes / block.len() + 1)
}

/// The median of `runs` timings of `work`.
fn median(runs: usize, mut work: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn main() {
    println!("| body | cleaned | median time |");
    println!("| ---: | ---: | ---: |");
    // The last two: bodies of nothing but lists in lists, which the HTML parser takes in a
    // time growing with the square of their depth (the larger one timed three times).
    let nested = |depth: usize| {
        format!(
            "{}x{}",
            "<ul><li>".repeat(depth),
            "</li></ul>".repeat(depth)
        )
    };
    let bodies = [
        body(2 * 1024),
        body(20 * 1024),
        body(200 * 1024),
        nested(2_000),
        nested(20_000),
    ];
    for raw in bodies {
        let clean = SafeHtml::sanitize(&raw);
        let runs = if raw.len() > 100_000 && raw.starts_with("<ul>") {
            3
        } else {
            21
        };
        let time = median(runs, || {
            std::hint::black_box(SafeHtml::sanitize(std::hint::black_box(&raw)));
        });
        println!(
            "| {} B | {} B | {:.2} ms |",
            raw.len(),
            clean.as_str().len(),
            time.as_secs_f64() * 1000.0
        );
    }
}
