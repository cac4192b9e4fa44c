//! The ids a portfolio names things by: a client's folder, a partnership's
//! file stem, a market of client.yaml. Each is its own type so that one
//! cannot be passed where another is meant; load checks the spelling
//! (`[a-z0-9][a-z0-9_-]*`) before it makes one.
//!
//! An id is never a name Windows keeps for a device ([`windows_reserved`]):
//! ids become the site's folder and file names.
//!
//! Post and order ids are free text chosen by the exports, never checked,
//! and stay `String`s.

use std::borrow::Borrow;
use std::fmt;

/// Whether `name` is one Windows keeps for a device (`con`, `prn`, `aux`,
/// `nul`, `com0`-`com9`, `lpt0`-`lpt9`, in any case): no folder or file there
/// can be named so, with any extension.
pub(crate) fn windows_reserved(name: &str) -> bool {
    let stem = name
        .split('.')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    match stem.as_bytes() {
        b"con" | b"prn" | b"aux" | b"nul" => true,
        [b'c', b'o', b'm', d] | [b'l', b'p', b't', d] => d.is_ascii_digit(),
        _ => false,
    }
}

/// The help for an id that is a name Windows keeps ([`windows_reserved`]).
pub(crate) fn reserved_help(name: &str) -> String {
    format!(
        "\"{name}\" is a name Windows keeps for a device (con, prn, aux, nul, com0-com9, lpt0-lpt9), and ids become folder and file names of the site; choose another, such as {name}-1"
    )
}

macro_rules! id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(String);

        impl $name {
            /// The id, once its spelling has been checked.
            pub fn new(id: impl Into<String>) -> $name {
                $name(id.into())
            }

            /// The id as written.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        // So that maps keyed by the id are looked up with what a row names.
        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<std::path::Path> for $name {
            fn as_ref(&self) -> &std::path::Path {
                self.0.as_ref()
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                &self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }
    };
}

id!(
    /// A client: its folder name under `clients/`.
    ClientId
);
id!(
    /// A partnership: its file's stem under `partnerships/`.
    PartnershipId
);
id!(
    /// A market: an `id` of client.yaml's `markets`.
    MarketId
);
