//! The platform a creator publishes on: a closed set, so that a page names
//! each one the same way and a typo in a partnership file is caught.

use std::fmt;

/// A creator's platform (docs/input-format.md, `creator.platform`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Platform {
    /// Instagram.
    Instagram,
    /// TikTok.
    Tiktok,
    /// YouTube.
    Youtube,
    /// Telegram.
    Telegram,
    /// VK.
    Vk,
    /// Twitch.
    Twitch,
    /// Any other.
    Other,
}

impl Platform {
    /// Every platform, in the order docs/input-format.md lists them.
    pub const ALL: [Platform; 7] = [
        Platform::Instagram,
        Platform::Tiktok,
        Platform::Youtube,
        Platform::Telegram,
        Platform::Vk,
        Platform::Twitch,
        Platform::Other,
    ];

    /// The names partnership files use, in the order of [`Platform::ALL`].
    pub const NAMES: [&'static str; 7] = [
        "instagram",
        "tiktok",
        "youtube",
        "telegram",
        "vk",
        "twitch",
        "other",
    ];

    /// The name used in files and data.json.
    pub fn as_str(self) -> &'static str {
        Platform::NAMES[self as usize]
    }

    /// The platform a file names, exactly as written.
    pub fn parse(name: &str) -> Option<Platform> {
        Platform::ALL.into_iter().find(|p| p.as_str() == name)
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Platform {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_platforms_match() {
        for p in Platform::ALL {
            assert_eq!(Platform::parse(p.as_str()), Some(p));
        }
        assert_eq!(Platform::parse("Instagram"), None);
    }
}
