//! `sqlx::migrate!` embeds `migrations/` when the crate compiles; without this, a migration
//! added with no change to the Rust sources would be missing from an incremental build.

fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
