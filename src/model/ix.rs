//! Positions in a client's lists: which partnership a post belongs to,
//! which post a daily row is of, which market a partnership is in. Each is
//! its own type, so a post's position cannot index the partnerships; a
//! client's list is indexed by its own kind with `[]`.

use std::ops::Index;

use super::{Market, Partnership, Post};

macro_rules! ix {
    ($(#[$doc:meta])* $name:ident, $item:ty) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(usize);

        impl $name {
            /// The position `i` of the list.
            pub fn new(i: usize) -> $name {
                $name(i)
            }

            /// The position, for lists kept beside the client's (one entry
            /// per item, in the same order).
            pub fn index(self) -> usize {
                self.0
            }
        }

        impl Index<$name> for [$item] {
            type Output = $item;

            fn index(&self, ix: $name) -> &$item {
                &self[ix.0]
            }
        }

        impl Index<$name> for Vec<$item> {
            type Output = $item;

            fn index(&self, ix: $name) -> &$item {
                &self[ix.0]
            }
        }
    };
}

ix!(
    /// A position in [`super::Client::partnerships`].
    PartnershipIx,
    Partnership
);
ix!(
    /// A position in [`super::Client::posts`].
    PostIx,
    Post
);
ix!(
    /// A position in [`super::Client::markets`].
    MarketIx,
    Market
);
