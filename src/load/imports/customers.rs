//! Customers as opaque ids: an e-mail address or a name is replaced, as
//! it is read, by the first 16 hex digits of SHA-256 of `customer_salt`
//! followed by the value trimmed and lower-cased (imports.md), so that the
//! same person is the same customer across files and runs, and nothing
//! personal is kept past its row.

use sha2::{Digest, Sha256};

/// What a customer value written in a metrics file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// An opaque id, kept as written.
    Opaque,
    /// An e-mail address.
    Email,
    /// A person's name.
    Name,
}

/// What `value` (trimmed) is: an e-mail has an `@` with text before it
/// and a dot after it (any `@`, so that junk around an address is still
/// taken for one); a name has a space between words with a
/// letter in each. Anything else (a hash, `C-0042`) is an opaque id.
pub fn written(value: &str) -> Written {
    // Most ids are one word without an `@`: read on every order.
    if !value.contains(|c: char| c == '@' || c.is_whitespace()) {
        return Written::Opaque;
    }
    if value
        .match_indices('@')
        .any(|(at, _)| at > 0 && value[at + 1..].contains('.'))
    {
        return Written::Email;
    }
    let mut words = 0;
    for word in value.split_whitespace() {
        if !word.chars().any(char::is_alphabetic) {
            return Written::Opaque;
        }
        words += 1;
    }
    if words >= 2 {
        Written::Name
    } else {
        Written::Opaque
    }
}

/// The header words of columns that may hold personal data: a file with
/// one is never quoted in a diagnostic.
const PERSONAL_COLUMNS: [&str; 9] = [
    "customer", "email", "e-mail", "name", "client", "buyer", "phone", "address", "billing",
];

/// Whether a metrics file's text may hold personal data: an e-mail
/// address anywhere, or a column whose name says it (`customer`,
/// `Billing Name`, `Email`...). Diagnostics give such a file's lines by
/// number and never quote them.
pub fn may_hold_personal(text: &str) -> bool {
    let header = text.lines().next().unwrap_or("").to_lowercase();
    let personal_column = header
        .split([',', ';', '\t'])
        .map(|h| h.trim().trim_matches('"'))
        .any(|h| {
            PERSONAL_COLUMNS
                .iter()
                .any(|p| h.split([' ', '_']).any(|w| w == *p))
        });
    personal_column || has_email(text)
}

/// Whether some word of `text` is an e-mail address.
pub fn has_email(text: &str) -> bool {
    text.contains('@')
        && text
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '"' | '<' | '>' | '\t'))
            .any(|w| written(w) == Written::Email)
}

/// `value` with each e-mail address in it replaced, for a message that
/// quotes a user's value.
pub fn redacted(value: &str) -> std::borrow::Cow<'_, str> {
    if !has_email(value) {
        return std::borrow::Cow::Borrowed(value);
    }
    let words: Vec<String> = value
        .split(' ')
        .map(|w| {
            if has_email(w) {
                "<e-mail address>".to_string()
            } else {
                w.to_string()
            }
        })
        .collect();
    std::borrow::Cow::Owned(words.join(" "))
}

/// The customer id of a personal value.
pub fn hash(salt: &str, value: &str) -> String {
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
    fn tells_e_mails_and_names_from_ids() {
        assert_eq!(written("anna@example.com"), Written::Email);
        assert_eq!(written("Anna Petrova"), Written::Name);
        assert_eq!(written("Анна Петрова"), Written::Name);
        for id in ["52d985fab96f5124", "C-0042", "@handle", "a@b", "42 17"] {
            assert_eq!(written(id), Written::Opaque, "{id}");
        }
    }

    #[test]
    fn finds_files_that_may_hold_personal_data() {
        assert!(may_hold_personal(
            "order_id,date,customer\n1,2026-01-01,x\n"
        ));
        assert!(may_hold_personal("Name,Email,Total\n#1,a@b.co,1\n"));
        assert!(may_hold_personal("id,note\n1,\"write to a@b.co\"\n"));
        assert!(!may_hold_personal(
            "post_id,partnership,published\n1,anna,2026-01-01\n"
        ));
        assert_eq!(redacted("from a@b.co today"), "from <e-mail address> today");
        assert_eq!(redacted("@handle"), "@handle");
    }

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
