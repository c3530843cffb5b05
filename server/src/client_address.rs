//! Who the client is, behind a reverse proxy: the socket's peer, unless that peer is one of
//! the proxies named in `NOTIKUMI_TRUSTED_PROXIES`; then the nearest address in
//! `X-Forwarded-For` that is not itself a trusted proxy. A client talking to the server
//! directly cannot pass itself off as someone else (its `X-Forwarded-For` is ignored), so
//! sign-in throttling per address holds.

use std::{net::IpAddr, net::SocketAddr, sync::Arc};

use app::auth::session::ClientAddress;
use axum::{
    extract::{ConnectInfo, Request, State},
    middleware::Next,
    response::Response,
};
use ipnet::IpNet;

/// A list of addresses and networks: the proxies whose `X-Forwarded-For` is believed, the
/// addresses `/metrics` answers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Networks(Vec<IpNet>);

/// The proxies whose `X-Forwarded-For` is believed.
pub type TrustedProxies = Networks;

impl Networks {
    /// 127.0.0.0/8 and ::1.
    pub fn loopback() -> Self {
        Self::parse("127.0.0.0/8, ::1").expect("loopback networks parse")
    }

    /// A comma-separated list of addresses and networks (`10.0.0.5, 192.168.0.0/24, ::1`).
    pub fn parse(list: &str) -> Result<Self, String> {
        list.split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(|item| {
                item.parse::<IpNet>()
                    .or_else(|_| item.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| item.to_string())
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Self)
    }

    /// Whether `address` is on the list. An IPv4 peer that a dual-stack listener reports as
    /// IPv4-mapped IPv6 (`::ffff:10.0.0.5`) is its IPv4 address.
    pub fn contains(&self, address: IpAddr) -> bool {
        let address = address.to_canonical();
        self.0.iter().any(|network| network.contains(&address))
    }

    /// The client behind `peer`: walking `X-Forwarded-For` from the right (the entry the
    /// nearest proxy added), the first address that is not a trusted proxy.
    pub fn client_of(&self, peer: IpAddr, forwarded_for: &[&str]) -> IpAddr {
        if !self.contains(peer) {
            return peer;
        }
        let mut client = peer;
        for entry in forwarded_for
            .iter()
            .flat_map(|value| value.split(','))
            .map(str::trim)
            .rev()
        {
            let Ok(address) = entry.parse::<IpAddr>() else {
                // Garbage from further out: keep the last address a trusted proxy vouched for.
                break;
            };
            client = address;
            if !self.contains(address) {
                break;
            }
        }
        client
    }
}

/// The middleware: puts the client's address in the request for the handlers.
pub async fn find_client(
    State(proxies): State<Arc<TrustedProxies>>,
    mut request: Request,
    next: Next,
) -> Response {
    if let Some(ConnectInfo(peer)) = request.extensions().get::<ConnectInfo<SocketAddr>>() {
        let forwarded: Vec<&str> = request
            .headers()
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|value| value.to_str().ok())
            .collect();
        let client = proxies.client_of(peer.ip(), &forwarded);
        request.extensions_mut().insert(ClientAddress(client));
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("an address")
    }

    #[test]
    fn only_a_trusted_proxy_is_believed() {
        let proxies = TrustedProxies::parse("10.0.0.5, 192.168.0.0/24").expect("valid");
        assert_eq!(
            proxies.client_of(ip("10.0.0.5"), &["203.0.113.9"]),
            ip("203.0.113.9")
        );
        assert_eq!(
            proxies.client_of(ip("198.51.100.1"), &["203.0.113.9"]),
            ip("198.51.100.1"),
            "a direct client cannot claim another address"
        );
        // A client's own made-up entry comes first; the proxies' entries are to its right.
        assert_eq!(
            proxies.client_of(ip("10.0.0.5"), &["1.2.3.4, 203.0.113.9, 192.168.0.7"]),
            ip("203.0.113.9")
        );
        assert_eq!(
            proxies.client_of(ip("10.0.0.5"), &["nonsense, 203.0.113.9"]),
            ip("203.0.113.9")
        );
        assert_eq!(proxies.client_of(ip("10.0.0.5"), &[]), ip("10.0.0.5"));
    }

    #[test]
    fn a_proxy_seen_through_a_dual_stack_listener_is_still_trusted() {
        let proxies = TrustedProxies::parse("10.0.0.5").expect("valid");
        assert_eq!(
            proxies.client_of(ip("::ffff:10.0.0.5"), &["203.0.113.9"]),
            ip("203.0.113.9")
        );
    }

    #[test]
    fn a_bad_entry_in_the_list_is_named() {
        assert_eq!(
            TrustedProxies::parse("10.0.0.1, proxy.lan"),
            Err("proxy.lan".into())
        );
        assert_eq!(TrustedProxies::parse(""), Ok(TrustedProxies::default()));
    }
}
