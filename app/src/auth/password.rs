//! Password hashing with Argon2id (the `argon2` crate's defaults: 19 MiB, 2 passes), stored as
//! PHC strings so the parameters can be raised later without breaking old hashes.

use std::sync::OnceLock;

use argon2::{
    password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
    Argon2,
};

/// Shortest password accepted for a new account or a change.
pub const MIN_LENGTH: usize = 12;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PasswordError {
    #[error("the password must have at least {MIN_LENGTH} characters")]
    TooShort,
    #[error("the password could not be hashed: {0}")]
    Hashing(String),
}

/// An Argon2id PHC string for a new password.
pub fn hash_password(password: &str) -> Result<String, PasswordError> {
    if password.chars().count() < MIN_LENGTH {
        return Err(PasswordError::TooShort);
    }
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|error| PasswordError::Hashing(error.to_string()))
}

/// Whether `password` matches `stored`; a malformed stored hash never matches.
pub fn verify_password(password: &str, stored: &str) -> bool {
    match PasswordHash::new(stored) {
        Ok(hash) => Argon2::default()
            .verify_password(password.as_bytes(), &hash)
            .is_ok(),
        Err(error) => {
            tracing::error!(%error, "a stored password hash is malformed");
            false
        }
    }
}

/// Spends the time a real check would, so an unknown address cannot be told from a wrong
/// password by how long the answer takes.
pub fn verify_nothing(password: &str) {
    static DUMMY: OnceLock<Option<String>> = OnceLock::new();
    if let Some(hash) = DUMMY.get_or_init(|| hash_password("no account has this password").ok()) {
        let _ = verify_password(password, hash);
    }
}

/// Whether `password` matches the `stored` hash (with none, it spends the same time and does
/// not). Argon2 takes tens of milliseconds of CPU by design, so the check runs in `cpu`, off
/// the threads that answer requests.
pub async fn check_password(password: String, stored: Option<String>) -> bool {
    crate::cpu::run_password(move || match stored {
        Some(stored) => verify_password(&password, &stored),
        None => {
            verify_nothing(&password);
            false
        }
    })
    .await
    .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_salted_and_verify() {
        let first = hash_password("garš un drošs teikums").expect("hash");
        let second = hash_password("garš un drošs teikums").expect("hash");
        assert!(first.starts_with("$argon2id$"));
        assert_ne!(first, second, "each hash has its own salt");
        assert!(verify_password("garš un drošs teikums", &first));
        assert!(!verify_password("garš un drošs teikumS", &first));
        assert!(!verify_password("anything", "not a hash"));
    }

    #[tokio::test]
    async fn checks_off_the_request_threads_agree_with_the_direct_check() {
        let stored = hash_password("garš un drošs teikums").expect("hash");
        assert!(check_password("garš un drošs teikums".into(), Some(stored.clone())).await);
        assert!(!check_password("cits teikums".into(), Some(stored)).await);
        assert!(!check_password("garš un drošs teikums".into(), None).await);
    }

    #[test]
    fn short_passwords_are_refused() {
        assert_eq!(hash_password("īss"), Err(PasswordError::TooShort));
    }
}
