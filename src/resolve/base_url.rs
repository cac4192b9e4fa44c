//! What `base_url` in roster.yaml may be: the address the site is published
//! under, written as is into sitemaps and canonical links, so only an http
//! or https address with a host and nothing that would need escaping.

/// Whether `url` is an http or https address with a host, without spaces,
/// control characters or characters a URL cannot hold as written.
pub fn is_web_address(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    let host = rest.and_then(|r| r.split(['/', '?', '#']).next());
    host.is_some_and(|h| !h.is_empty())
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "\"<>\\^`{|}".contains(c))
}

#[cfg(test)]
mod tests {
    use super::is_web_address;

    #[test]
    fn only_http_and_https_addresses_with_a_host() {
        assert!(is_web_address("https://reports.example.com/"));
        assert!(is_web_address("HTTP://example.com"));
        for bad in [
            "javascript:alert(1)",
            "https://",
            "https:///x",
            "https://a b.example/",
            "ftp://example.com/",
            "//example.com/",
            "https://example.com/\"><script>",
        ] {
            assert!(!is_web_address(bad), "{bad}");
        }
    }
}
