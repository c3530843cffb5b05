# Notikumi: `make run` serves the site, `make test` runs every test. Both install what is
# missing first (scripts/install-tools.sh), pinned and idempotent.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

# Property tests (proptest) run from one fixed seed in `make test`, so a run is repeatable and
# CI does not turn red on a case nobody has seen; unset it to explore new cases. Failures
# found are kept in app/proptest-regressions/ and always tried first.
export PROPTEST_RNG_SEED ?= 20261202

# One target directory outside the checkout, so fresh clones (and CI) reuse earlier builds.
export CARGO_TARGET_DIR ?= $(HOME)/.cache/notikumi/target
NOTIKUMI_TOOLS_DIR ?= $(HOME)/.cache/notikumi/tools
export NOTIKUMI_TOOLS_DIR
# CI builds from fresh clones in new folders: incremental caches would pile up a new copy per
# clone (tens of GB), and do not speed up a one-off build anyway.
ifdef CI
export CARGO_INCREMENTAL := 0
endif
# wasm-opt from npm's binaryen goes before any older one on the system.
export PATH := $(NOTIKUMI_TOOLS_DIR)/binaryen/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: run test soak tools-run tools-test lint unit e2e release-build sizes

# Every release build makes both WebAssembly builds, the readers' and the editors' (two
# projects in Cargo.toml; `cargo leptos serve` takes one project, and `end-to-end` tests after
# each project's build, before the editors' exists, so the targets below build, then run the
# binary themselves). `--split` cuts the editors' code into
# chunks loaded when used; `--precompress` writes a brotli (quality 11) and a gzip copy of
# every static file, which the server sends as they are.

run: release-build
	@echo "Serving http://127.0.0.1:3000 (SQLite in data/)."
	@echo "To edit, create the first admin in another terminal (it asks for a password):"
	@echo "  $(CARGO_TARGET_DIR)/release/notikumi user add you@example.lv --role admin"
	@echo "then sign in at http://127.0.0.1:3000/login"
	"$(CARGO_TARGET_DIR)/release/notikumi" serve

test: tools-test lint unit e2e

tools-run:
	@scripts/install-tools.sh run

tools-test:
	@scripts/install-tools.sh test

lint:
	cargo fmt --all -- --check
	cargo clippy --locked --all-targets -- -D warnings
	cargo clippy --locked -p frontend --target wasm32-unknown-unknown -- -D warnings
	cargo clippy --locked -p frontend --features editors --target wasm32-unknown-unknown -- -D warnings
	deploy/check.sh

# Unit tests and the storage contract suite, on SQLite and on a throwaway PostgreSQL.
# The router tests render pages in one process on many tokio runtimes (one per test); Leptos
# keeps some executor state process-wide, and rendering on several runtimes at once can hang.
# They run one at a time; the server itself has one runtime.
# The server's crash test kills the real binary mid-save, on SQLite and on PostgreSQL; the
# whole router suite (pages, editing, racing, hostile input, caching) runs once more on
# PostgreSQL.
unit:
	scripts/with-postgres.sh cargo test --locked -p app --features ssr
	RUST_TEST_THREADS=1 scripts/with-postgres.sh cargo test --locked -p server
	NOTIKUMI_TEST_BACKEND=postgres RUST_TEST_THREADS=1 scripts/with-postgres.sh \
	  cargo test --locked -p server --test site

# Browser tests in Chromium against the release build, on a fresh SQLite database with
# the demo content. Playwright starts the server (`webServer` in end2end/playwright.config.ts);
# the tests add load-test events through NOTIKUMI_BIN.
e2e: release-build
	e2e_dir=$$(mktemp -d); trap 'rm -rf "$$e2e_dir"' EXIT; \
	cd end2end && DATABASE_URL="sqlite:$$e2e_dir/notikumi.db" NOTIKUMI_DEMO=1 \
	NOTIKUMI_BIN="$(CARGO_TARGET_DIR)/release/notikumi" npx playwright test

release-build: tools-run
	cargo leptos build --release --split --precompress

# The long run, outside `make test`: readers and an editor's saves against a release server
# for SOAK_SECONDS (default 300); zero errors, every save there, memory that stops growing.
soak: release-build
	bench/soak.sh

# Release sizes of the .wasm and .js, raw and compressed (figures in README.md).
sizes: release-build
	bench/sizes.sh
