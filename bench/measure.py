#!/usr/bin/env python3
"""Times GET requests to a running Notikumi server: sequential, after warm-up requests.

Usage: measure.py URL [REQUESTS]. Prints one line: requests, median, p95 and min in
milliseconds, and the response size in bytes. Fails on any non-200 answer.
"""
import statistics
import sys
import time
import urllib.request


def fetch(url: str) -> int:
    with urllib.request.urlopen(url, timeout=60) as response:
        if response.status != 200:
            raise SystemExit(f"{url}: HTTP {response.status}")
        return len(response.read())


def main() -> None:
    url = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    for _ in range(3):
        size = fetch(url)
    timings = []
    for _ in range(count):
        start = time.perf_counter()
        size = fetch(url)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(round(0.95 * len(timings))) - 1)]
    print(
        f"{count} requests  median {statistics.median(timings):7.1f} ms  "
        f"p95 {p95:7.1f} ms  min {timings[0]:7.1f} ms  {size} bytes"
    )


if __name__ == "__main__":
    main()
