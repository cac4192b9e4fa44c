//! Customers as opaque ids: an e-mail address or a name is replaced, as
//! it is read, by the first 16 hex digits of SHA-256 of `customer_salt`
//! followed by the value trimmed and lower-cased (docs/your-data.md), so that the
//! same person is the same customer across files and runs, and nothing
//! personal is kept past its row. What is personal is told by
//! [`crate::personal`].

use sha2::{Digest, Sha256};

pub(crate) use crate::personal::{Written, has_email, personal_header, written};

/// The customer id of a personal value.
pub(crate) fn hash(salt: &str, value: &str) -> String {
    let digest = Sha256::new()
        .chain_update(salt.as_bytes())
        .chain_update(value.trim().to_lowercase().as_bytes())
        .finalize();
    let mut id = String::with_capacity(16);
    for byte in digest.iter().take(8) {
        id.push_str(&format!("{byte:02x}"));
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_as_imports_md_says() {
        assert_eq!(
            hash("salt", "  Anna@Example.com "),
            hash("salt", "anna@example.com")
        );
        assert_eq!(hash("", "anna@example.com").len(), 16);
        assert_eq!(hash("", "abc"), "ba7816bf8f01cfea");
        assert_eq!(hash("a", "bc"), "ba7816bf8f01cfea");
    }
}
