//! Configuration from the environment, read once at start-up; a bad value stops the server
//! with a message naming the variable.

use std::env;

/// Where the SQLite database lives when `DATABASE_URL` is not set.
pub const DEFAULT_DATABASE_URL: &str = "sqlite:data/notikumi.db";

/// Where uploaded images go when `NOTIKUMI_MEDIA_DIR` is not set.
pub const DEFAULT_MEDIA_DIR: &str = "data/media";
/// Where the files of earlier builds are kept when `NOTIKUMI_BUILDS_DIR` is not set.
pub const DEFAULT_BUILDS_DIR: &str = "data/builds";

/// The base of absolute links when `NOTIKUMI_PUBLIC_URL` is not set: the local server.
pub const DEFAULT_PUBLIC_URL: &str = "http://127.0.0.1:3000";

/// Memory for pages served from memory when `NOTIKUMI_PAGE_CACHE_MB` is not set.
pub const DEFAULT_PAGE_CACHE_MB: u64 = 64;
/// Requests at a time when `NOTIKUMI_MAX_REQUESTS` is not set.
pub const DEFAULT_MAX_REQUESTS: usize = 256;
/// Seconds a request may take when `NOTIKUMI_REQUEST_TIMEOUT_SECS` is not set (long enough for
/// a 10 MB photo over a slow line).
pub const DEFAULT_REQUEST_TIMEOUT_SECONDS: u64 = 60;
/// Seconds a client has to send a request's headers when `NOTIKUMI_HEADER_TIMEOUT_SECS` is not
/// set (a browser sends them at once).
pub const DEFAULT_HEADER_TIMEOUT_SECONDS: u64 = 10;

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
    /// How long a connection may take to send a request's headers (`listener`).
    pub header_timeout: std::time::Duration,
    /// How much the server takes on at once.
    pub serving: Serving,
}

/// How much the server takes on at once: memory for pages, requests at a time, time per request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Serving {
    /// Memory for reader pages served from memory (`page_cache`); 0 renders every request.
    pub page_cache_megabytes: u64,
    /// Requests rendered or answered at once (pages from memory do not count); one more is
    /// answered 503 with `Retry-After` at once instead of waiting in a queue without end.
    pub max_requests: usize,
    /// The longest a request may take, reading its body included; then it is answered 408
    /// while its body was still arriving, else 503 (see `time_limit`).
    pub request_timeout: std::time::Duration,
    /// Reverse proxies whose `X-Forwarded-For` names the client (`client_address`).
    pub trusted_proxies: crate::client_address::TrustedProxies,
    /// Who may read `/metrics` (by the socket's peer).
    pub metrics_allow: crate::client_address::Networks,
    /// Where the files of earlier builds are kept, for pages rendered before an upgrade
    /// (`static_files::keep_builds`); none: only this build's are served.
    pub builds_dir: Option<std::path::PathBuf>,
}

impl Default for Serving {
    fn default() -> Self {
        Self {
            page_cache_megabytes: DEFAULT_PAGE_CACHE_MB,
            max_requests: DEFAULT_MAX_REQUESTS,
            request_timeout: std::time::Duration::from_secs(DEFAULT_REQUEST_TIMEOUT_SECONDS),
            trusted_proxies: crate::client_address::TrustedProxies::default(),
            metrics_allow: crate::client_address::Networks::loopback(),
            builds_dir: None,
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConfigError {
    #[error("{name} must be 0 or 1 (or true/false), not {value:?}")]
    NotABoolean { name: &'static str, value: String },
    #[error(
        "NOTIKUMI_PUBLIC_URL must be the site's address, http(s)://host[:port] without a path, \
         not {0:?}"
    )]
    NotAUrl(String),
    #[error("NOTIKUMI_TRUSTED_PROXIES and NOTIKUMI_METRICS_ALLOW list IP addresses or networks; {0:?} is neither")]
    NotAnAddress(String),
    #[error("{name} must be a whole number, not {value:?}")]
    NotANumber { name: &'static str, value: String },
    #[error("{name} must be at most {max}, not {value}")]
    TooLarge {
        name: &'static str,
        value: u64,
        max: u64,
    },
}

/// The longest time limit a setting may name (a day): a longer one is no limit, and one
/// near `u64::MAX` seconds would overflow the clock.
const MAX_SECONDS: u64 = 24 * 60 * 60;

/// The most memory `NOTIKUMI_PAGE_CACHE_MB` may name (1 TiB).
const MAX_PAGE_CACHE_MB: u64 = 1 << 20;

/// `url` as the site's address, if it is an http(s) address of a host alone (pages, feeds and
/// the sitemap put the site's paths right after it): in its normal form, scheme and host in
/// lower case (an international name in its ASCII form), without a default port or a
/// trailing slash, so that every comparison with it (https, the browser's `Origin`) holds.
fn site_address(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    let host = parsed.host_str().filter(|host| !host.is_empty())?;
    let alone = matches!(parsed.scheme(), "http" | "https")
        && parsed.path() == "/"
        && parsed.query().is_none()
        && parsed.fragment().is_none()
        && parsed.username().is_empty()
        && parsed.password().is_none();
    alone.then(|| match parsed.port() {
        Some(port) => format!("{}://{host}:{port}", parsed.scheme()),
        None => format!("{}://{host}", parsed.scheme()),
    })
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
        let Some(public_url) = site_address(&public_url) else {
            return Err(ConfigError::NotAUrl(public_url));
        };
        let media_dir = lookup("NOTIKUMI_MEDIA_DIR")
            .filter(|dir| !dir.trim().is_empty())
            .unwrap_or_else(|| DEFAULT_MEDIA_DIR.to_string())
            .into();
        let number = |name: &'static str, default: u64, max: u64| match lookup(name) {
            None => Ok(default),
            Some(value) => match value.trim().parse::<u64>() {
                Err(_) => Err(ConfigError::NotANumber { name, value }),
                Ok(value) if value > max => Err(ConfigError::TooLarge { name, value, max }),
                Ok(value) => Ok(value),
            },
        };
        let header_timeout = std::time::Duration::from_secs(
            number(
                "NOTIKUMI_HEADER_TIMEOUT_SECS",
                DEFAULT_HEADER_TIMEOUT_SECONDS,
                MAX_SECONDS,
            )?
            .max(1),
        );
        let serving = Serving {
            page_cache_megabytes: number(
                "NOTIKUMI_PAGE_CACHE_MB",
                DEFAULT_PAGE_CACHE_MB,
                MAX_PAGE_CACHE_MB,
            )?,
            max_requests: usize::try_from(number(
                "NOTIKUMI_MAX_REQUESTS",
                DEFAULT_MAX_REQUESTS as u64,
                u64::from(u32::MAX),
            )?)
            .unwrap_or(usize::MAX)
            .max(1),
            request_timeout: std::time::Duration::from_secs(
                number(
                    "NOTIKUMI_REQUEST_TIMEOUT_SECS",
                    DEFAULT_REQUEST_TIMEOUT_SECONDS,
                    MAX_SECONDS,
                )?
                .max(1),
            ),
            trusted_proxies: crate::client_address::TrustedProxies::parse(
                &lookup("NOTIKUMI_TRUSTED_PROXIES").unwrap_or_default(),
            )
            .map_err(ConfigError::NotAnAddress)?,
            metrics_allow: match lookup("NOTIKUMI_METRICS_ALLOW") {
                None => crate::client_address::Networks::loopback(),
                Some(list) => crate::client_address::Networks::parse(&list)
                    .map_err(ConfigError::NotAnAddress)?,
            },
            builds_dir: Some(
                lookup("NOTIKUMI_BUILDS_DIR")
                    .filter(|dir| !dir.trim().is_empty())
                    .unwrap_or_else(|| DEFAULT_BUILDS_DIR.to_string())
                    .into(),
            ),
        };
        Ok(Self {
            database_url,
            demo_content,
            public_url,
            media_dir,
            header_timeout,
            serving,
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
                header_timeout: std::time::Duration::from_secs(DEFAULT_HEADER_TIMEOUT_SECONDS),
                serving: Serving {
                    builds_dir: Some(DEFAULT_BUILDS_DIR.into()),
                    ..Serving::default()
                },
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
        for wrong in [
            "notikumi.lv",
            "https://",
            "https://exa mple.lv",
            "http://x.lv/portals",
            "https://x.lv?lang=en",
            "ftp://x.lv",
        ] {
            assert_eq!(
                config(&[("NOTIKUMI_PUBLIC_URL", wrong)]),
                Err(ConfigError::NotAUrl(wrong.trim_end_matches('/').into())),
                "{wrong}"
            );
        }
        for (given, kept) in [
            ("http://127.0.0.1:3000/", "http://127.0.0.1:3000"),
            (
                "HTTPS://Notikumi.Example.LV:443",
                "https://notikumi.example.lv",
            ),
            (
                "https://cilvēktirdzniecība.lv",
                "https://xn--cilvktirdzniecba-sbc65b.lv",
            ),
        ] {
            let read = config(&[("NOTIKUMI_PUBLIC_URL", given)]);
            assert_eq!(read.expect(given).public_url, kept);
        }
    }

    #[test]
    fn limits_too_large_to_mean_anything_are_refused() {
        assert_eq!(
            config(&[("NOTIKUMI_HEADER_TIMEOUT_SECS", "18446744073709551615")]),
            Err(ConfigError::TooLarge {
                name: "NOTIKUMI_HEADER_TIMEOUT_SECS",
                value: u64::MAX,
                max: MAX_SECONDS
            })
        );
        assert!(config(&[("NOTIKUMI_PAGE_CACHE_MB", "17592186044416")]).is_err());
        assert!(config(&[("NOTIKUMI_REQUEST_TIMEOUT_SECS", "86400")]).is_ok());
    }

    #[test]
    fn limits_are_whole_numbers() {
        let read = config(&[("NOTIKUMI_PAGE_CACHE_MB", " 0 ")]).expect("valid config");
        assert_eq!(read.serving.page_cache_megabytes, 0);
        let read = config(&[
            ("NOTIKUMI_MAX_REQUESTS", "0"),
            ("NOTIKUMI_REQUEST_TIMEOUT_SECS", "5"),
            ("NOTIKUMI_HEADER_TIMEOUT_SECS", "0"),
        ])
        .expect("valid config");
        assert_eq!(
            read.header_timeout,
            std::time::Duration::from_secs(1),
            "at least a second"
        );
        assert_eq!(
            read.serving.max_requests, 1,
            "at least one request at a time"
        );
        assert_eq!(
            read.serving.request_timeout,
            std::time::Duration::from_secs(5)
        );
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
