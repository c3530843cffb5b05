//! Building URLs from text.

/// Percent-encodes a query parameter value (everything but RFC 3986's unreserved characters).
pub fn encode_component(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::encode_component;

    #[test]
    fn encodes_spaces_symbols_and_latvian_letters() {
        assert_eq!(
            encode_component("cilvēku & co/x"),
            "cilv%C4%93ku%20%26%20co%2Fx"
        );
        assert_eq!(encode_component("a-b_c.d~e"), "a-b_c.d~e");
    }
}
