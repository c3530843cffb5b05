//! Configuration from the environment, read once at start-up; a bad value stops the server
//! with a message naming the variable.

use std::env;

/// Where the SQLite database lives when `DATABASE_URL` is not set.
pub const DEFAULT_DATABASE_URL: &str = "sqlite:data/notikumi.db";

/// Where uploaded images go when `NOTIKUMI_MEDIA_DIR` is not set.
pub const DEFAULT_MEDIA_DIR: &str = "data/media";

/// The base of absolute links when `NOTIKUMI_PUBLIC_URL` is not set: the local server.
pub const DEFAULT_PUBLIC_URL: &str = "http://127.0.0.1:3000";

/// Memory for pages served from memory when `NOTIKUMI_PAGE_CACHE_MB` is not set.
pub const DEFAULT_PAGE_CACHE_MB: u64 = 64;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// `sqlite:…` or `postgres://…`.
    pub database_url: String,
    /// Load demo content into an empty database.
    pub demo_content: bool,
    /// Base URL for absolute links, without a trailing slash.
    pub public_url: String,
    /// Folder of uploaded images.
    pub media_dir: std::path::PathBuf,
    /// Memory for reader pages served from memory (`page_cache`); 0 renders every request.
    pub page_cache_megabytes: u64,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConfigError {
    #[error("{name} must be 0 or 1 (or true/false), not {value:?}")]
    NotABoolean { name: &'static str, value: String },
    #[error("NOTIKUMI_PUBLIC_URL must start with http:// or https://, not {0:?}")]
    NotAUrl(String),
    #[error("{name} must be a whole number, not {value:?}")]
    NotANumber { name: &'static str, value: String },
}

impl Config {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| env::var(name).ok())
    }

    /// Reads the configuration through `lookup`, so tests need not touch the process environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let database_url = lookup("DATABASE_URL")
            .filter(|url| !url.trim().is_empty())
            .unwrap_or_else(|| DEFAULT_DATABASE_URL.to_string());
        let demo_content = match lookup("NOTIKUMI_DEMO") {
            None => true,
            Some(value) => parse_bool("NOTIKUMI_DEMO", &value)?,
        };
        let public_url = lookup("NOTIKUMI_PUBLIC_URL")
            .filter(|url| !url.trim().is_empty())
            .unwrap_or_else(|| DEFAULT_PUBLIC_URL.to_string());
        let public_url = public_url.trim().trim_end_matches('/').to_string();
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            return Err(ConfigError::NotAUrl(public_url));
        }
        let media_dir = lookup("NOTIKUMI_MEDIA_DIR")
            .filter(|dir| !dir.trim().is_empty())
            .unwrap_or_else(|| DEFAULT_MEDIA_DIR.to_string())
            .into();
        let page_cache_megabytes = match lookup("NOTIKUMI_PAGE_CACHE_MB") {
            None => DEFAULT_PAGE_CACHE_MB,
            Some(value) => value.trim().parse().map_err(|_| ConfigError::NotANumber {
                name: "NOTIKUMI_PAGE_CACHE_MB",
                value,
            })?,
        };
        Ok(Self {
            database_url,
            demo_content,
            public_url,
            media_dir,
            page_cache_megabytes,
        })
    }
}

fn parse_bool(name: &'static str, value: &str) -> Result<bool, ConfigError> {
    match value.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" | "" => Ok(false),
        _ => Err(ConfigError::NotABoolean {
            name,
            value: value.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        Config::from_lookup(|name| {
            vars.iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.to_string())
        })
    }

    #[test]
    fn defaults_to_embedded_sqlite_with_demo_content() {
        assert_eq!(
            config(&[]),
            Ok(Config {
                database_url: DEFAULT_DATABASE_URL.into(),
                demo_content: true,
                public_url: DEFAULT_PUBLIC_URL.into(),
                media_dir: DEFAULT_MEDIA_DIR.into(),
                page_cache_megabytes: DEFAULT_PAGE_CACHE_MB,
            })
        );
        assert_eq!(
            config(&[("NOTIKUMI_MEDIA_DIR", "/var/lib/notikumi/media")])
                .expect("valid config")
                .media_dir,
            std::path::PathBuf::from("/var/lib/notikumi/media")
        );
    }

    #[test]
    fn reads_database_url_and_demo_switch() {
        let read = config(&[("DATABASE_URL", "postgres://db/n"), ("NOTIKUMI_DEMO", "0")])
            .expect("valid config");
        assert_eq!(read.database_url, "postgres://db/n");
        assert!(!read.demo_content);
    }

    #[test]
    fn public_url_loses_its_trailing_slash_and_must_be_http() {
        let read = config(&[("NOTIKUMI_PUBLIC_URL", "https://notikumi.example.lv/")])
            .expect("valid config");
        assert_eq!(read.public_url, "https://notikumi.example.lv");
        assert_eq!(
            config(&[("NOTIKUMI_PUBLIC_URL", "notikumi.lv")]),
            Err(ConfigError::NotAUrl("notikumi.lv".into()))
        );
    }

    #[test]
    fn the_page_cache_size_is_a_number_of_megabytes() {
        let read = config(&[("NOTIKUMI_PAGE_CACHE_MB", " 0 ")]).expect("valid config");
        assert_eq!(read.page_cache_megabytes, 0);
        assert_eq!(
            config(&[("NOTIKUMI_PAGE_CACHE_MB", "64MB")]),
            Err(ConfigError::NotANumber {
                name: "NOTIKUMI_PAGE_CACHE_MB",
                value: "64MB".into()
            })
        );
    }

    #[test]
    fn rejects_a_demo_switch_that_is_not_a_boolean() {
        assert_eq!(
            config(&[("NOTIKUMI_DEMO", "maybe")]),
            Err(ConfigError::NotABoolean {
                name: "NOTIKUMI_DEMO",
                value: "maybe".into()
            })
        );
    }
}
