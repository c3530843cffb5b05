//! How failed sign-ins slow further attempts. A few mistakes cost nothing; after that each
//! failure doubles the wait before the next attempt, up to a quarter of an hour. Counted in
//! the database (so every server instance sees the same count) per address and per account
//! from that address: someone guessing an editor's password from one place slows down there,
//! while the editor, signing in from anywhere else, is never kept out by it.
//!
//! An address is allowed more failures than one account from it: a ministry's editors often
//! share one public address, and one of them mistyping a password must not keep the others
//! out. A sign-in that succeeds clears its own account's count and takes its own attempt off
//! the address's; the rest of that stays, or whoever holds one account could clear it
//! between guesses at the others.

use chrono::{DateTime, Duration, Utc};

/// Failures one account may make from one address before any wait.
pub const FREE_FAILURES: i64 = 5;
/// Failures one address may make, over every account, before any wait.
pub const FREE_FAILURES_PER_ADDRESS: i64 = 20;
/// The wait after the first failure beyond the free ones.
pub const FIRST_WAIT_SECONDS: i64 = 30;
/// The longest wait.
pub const MAX_WAIT_SECONDS: i64 = 15 * 60;
/// After this long without a failure the count starts again.
pub const FORGET_AFTER_SECONDS: i64 = 60 * 60;

/// A counter a sign-in attempt is counted under: its key in the database and the failures it
/// allows before any wait.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counter {
    pub key: String,
    pub free_failures: i64,
}

impl Counter {
    /// How long to wait after `failures` failures under this counter, the last one at
    /// `last`; `None` when an attempt may be made at `now`.
    pub fn wait_before_next(
        &self,
        failures: i64,
        last: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Option<Duration> {
        wait_before_next(self.free_failures, failures, last, now)
    }
}

/// The counters an attempt to sign in is counted under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counters {
    /// The account, from the attempt's address.
    pub account: Counter,
    /// The address, over every account.
    pub address: Counter,
}

impl Counters {
    /// Both, the account's first: the order of `keys` and of what counting them answers.
    pub fn each(&self) -> [&Counter; 2] {
        [&self.account, &self.address]
    }

    /// Their keys, in the order of `each`.
    pub fn keys(&self) -> [String; 2] {
        self.each().map(|counter| counter.key.clone())
    }
}

/// The counters an attempt to sign in as `email` from `address` is counted under.
pub fn counters(email: &str, address: &str) -> Counters {
    Counters {
        account: Counter {
            key: pair_key(email, address),
            free_failures: FREE_FAILURES,
        },
        address: Counter {
            key: address_key(address),
            free_failures: FREE_FAILURES_PER_ADDRESS,
        },
    }
}

/// How long to wait after `failures` failures, the last one at `last`, where `free` cost
/// nothing; `None` when an attempt may be made at `now`.
fn wait_before_next(
    free: i64,
    failures: i64,
    last: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Option<Duration> {
    if failures < free || now - last >= Duration::seconds(FORGET_AFTER_SECONDS) {
        return None;
    }
    let doublings = u32::try_from(failures - free).unwrap_or(u32::MAX).min(10);
    let wait = Duration::seconds((FIRST_WAIT_SECONDS << doublings).min(MAX_WAIT_SECONDS));
    let ready_at = last + wait;
    (ready_at > now).then(|| ready_at - now)
}

/// Addresses longer than this (RFC 5321's limit) belong to no account, so they never
/// become a counter key.
pub const MAX_EMAIL_LENGTH: usize = 254;

/// The counter key of an account (an address as `account_key` normalises it) signing in
/// from a client address.
pub fn pair_key(email: &str, address: &str) -> String {
    format!("{}{}", account_prefix(email), network(address))
}

/// What every key of an account starts with, whatever the address (a space cannot occur in
/// an e-mail address).
pub fn account_prefix(email: &str) -> String {
    format!("pair:{} ", email.trim().to_lowercase())
}

/// The counter key of a client address.
pub fn address_key(address: &str) -> String {
    format!("address:{}", network(address))
}

/// Where a client signs in from, as the counters count it: an IPv4 address as it is (an
/// IPv4-mapped IPv6 one too), an IPv6 address by its /64 network, which one subscriber gets
/// whole: counted per address, its owner could try from a new address each time.
fn network(address: &str) -> String {
    use std::net::{IpAddr, Ipv6Addr};
    match address.parse::<IpAddr>() {
        Ok(IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let bits = u128::from(v6) & !(u128::MAX >> 64);
                format!("{}/64", Ipv6Addr::from(bits))
            }
        },
        Ok(IpAddr::V4(v4)) => v4.to_string(),
        Err(_) => address.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + seconds, 0).expect("valid")
    }

    #[test]
    fn an_ipv6_network_counts_as_one_address() {
        let counted = address_key("2001:db8:1:2:aaaa::1");
        assert_eq!(counted, "address:2001:db8:1:2::/64");
        assert_eq!(address_key("2001:db8:1:2:bbbb:cccc:dddd:2"), counted);
        assert_ne!(address_key("2001:db8:1:3::1"), counted);
        assert_eq!(
            pair_key("Anna@example.lv", "2001:db8:1:2::9"),
            pair_key("anna@example.lv", "2001:db8:1:2::7")
        );
        assert_eq!(address_key("::ffff:10.0.0.1"), address_key("10.0.0.1"));
        assert_eq!(address_key("10.0.0.1"), "address:10.0.0.1");
        assert_ne!(address_key("10.0.0.1"), address_key("10.0.0.2"));
    }

    #[test]
    fn a_few_mistakes_cost_nothing() {
        assert_eq!(wait_before_next(FREE_FAILURES, 4, at(0), at(0)), None);
    }

    #[test]
    fn then_each_failure_doubles_the_wait_up_to_a_quarter_hour() {
        assert_eq!(
            wait_before_next(FREE_FAILURES, 5, at(0), at(0)),
            Some(Duration::seconds(30))
        );
        assert_eq!(
            wait_before_next(FREE_FAILURES, 7, at(0), at(0)),
            Some(Duration::seconds(120))
        );
        assert_eq!(
            wait_before_next(FREE_FAILURES, 7, at(0), at(20)),
            Some(Duration::seconds(100))
        );
        assert_eq!(wait_before_next(FREE_FAILURES, 7, at(0), at(120)), None);
        assert_eq!(
            wait_before_next(FREE_FAILURES, 40, at(0), at(0)),
            Some(Duration::seconds(MAX_WAIT_SECONDS))
        );
    }

    #[test]
    fn an_address_allows_more_failures_than_one_account_from_it() {
        let Counters { account, address } = counters("anna@example.lv", "192.0.2.7");
        assert_eq!(account.key, pair_key("anna@example.lv", "192.0.2.7"));
        assert_eq!(address.key, address_key("192.0.2.7"));
        assert!(account
            .wait_before_next(FREE_FAILURES, at(0), at(0))
            .is_some());
        assert_eq!(address.wait_before_next(FREE_FAILURES, at(0), at(0)), None);
        assert_eq!(
            address.wait_before_next(FREE_FAILURES_PER_ADDRESS, at(0), at(0)),
            Some(Duration::seconds(FIRST_WAIT_SECONDS))
        );
    }

    #[test]
    fn an_hour_without_failures_forgets_them() {
        assert_eq!(
            wait_before_next(FREE_FAILURES, 40, at(0), at(FORGET_AFTER_SECONDS)),
            None
        );
    }

    #[test]
    fn keys_ignore_the_case_of_addresses() {
        assert_eq!(
            pair_key(" Anna@Example.LV ", "192.0.2.7"),
            "pair:anna@example.lv 192.0.2.7"
        );
        assert!(pair_key("anna@example.lv", "192.0.2.7")
            .starts_with(&account_prefix("ANNA@example.lv")));
        assert!(!pair_key("anna@example.lv.x", "1").starts_with(&account_prefix("anna@example.lv")));
    }
}
