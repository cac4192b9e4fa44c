//! What `base_url` in roster.yaml may be: the address the site is published
//! under, written as is into sitemaps and canonical links, so only an http
//! or https address with a host and nothing that would need escaping, and
//! never one that carries a user name or password (`user:pass@host`): those
//! would be published on every page.

/// Whether `url` is an http or https address with a host, without spaces,
/// control characters or characters a URL cannot hold as written.
pub(super) fn is_web_address(url: &str) -> bool {
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

/// Whether `url` carries credentials: an `@` in its authority, the part
/// between `scheme://` and the first `/`, `?` or `#` (`https://user:pass@host/`,
/// `https://token@host/`).
pub(super) fn has_credentials(url: &str) -> bool {
    url.split_once("://")
        .and_then(|(_, rest)| rest.split(['/', '?', '#']).next())
        .is_some_and(|authority| authority.contains('@'))
}

#[cfg(test)]
mod tests {
    use super::{has_credentials, is_web_address};

    #[test]
    fn credentials_are_an_at_sign_before_the_path() {
        for with in [
            "https://user:pass@reports.example.com/",
            "https://token@reports.example.com",
            "http://a:b@host:8080/x?y#z",
        ] {
            assert!(has_credentials(with), "{with}");
        }
        for without in [
            "https://reports.example.com/",
            "https://reports.example.com/team@agency/",
            "https://reports.example.com/?to=a@b",
            "https://reports.example.com/#a@b",
        ] {
            assert!(!has_credentials(without), "{without}");
        }
    }

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
