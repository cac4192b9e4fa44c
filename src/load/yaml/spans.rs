//! Where things are in a YAML text: the line and column of each node.
//!
//! serde_yaml keeps no positions for values, so when a file has a problem
//! the text is parsed once more with saphyr-parser, whose events carry
//! spans, into a tree of positions that a path into the document is looked
//! up in. Nesting is bounded, so that a hostile file cannot exhaust the
//! stack of the thread reading it.

use saphyr_parser::{Event, Parser};

use super::Seg;

/// The deepest nesting followed; serde_yaml reads no deeper either.
const MAX_DEPTH: usize = 128;

/// Which part of a node a problem points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Target {
    /// The key that leads to the node (an unknown key).
    Key,
    /// The node itself (a bad value).
    Value,
    /// The mapping a required key is missing from: the key that leads to it,
    /// or the mapping itself at the top level.
    Mapping,
}

/// A YAML document reduced to its shape and the positions of its nodes.
pub(super) enum SpanTree {
    Scalar(String, (usize, usize)),
    Seq((usize, usize), Vec<SpanTree>),
    Map((usize, usize), Vec<(SpanTree, SpanTree)>),
}

impl SpanTree {
    pub(super) fn parse(src: &str) -> Option<SpanTree> {
        // The first error ends the events: the text was accepted by
        // serde_yaml, so a parser that disagrees is not followed further.
        let mut events = Parser::new_from_str(src)
            .map_while(Result::ok)
            .skip_while(|(e, _)| matches!(e, Event::StreamStart | Event::DocumentStart(_)));
        Self::node(&mut events, 0)
    }

    fn node<'i>(
        events: &mut impl Iterator<Item = (Event<'i>, saphyr_parser::Span)>,
        depth: usize,
    ) -> Option<SpanTree> {
        if depth > MAX_DEPTH {
            return None;
        }
        let (event, span) = events.next()?;
        let pos = (span.start.line(), span.start.col() + 1);
        match event {
            Event::Scalar(text, ..) => Some(SpanTree::Scalar(text.into_owned(), pos)),
            Event::Alias(_) => Some(SpanTree::Scalar(String::new(), pos)),
            Event::SequenceStart(..) => {
                let mut items = Vec::new();
                loop {
                    match Self::node(events, depth + 1)? {
                        SpanTree::Scalar(s, p) if s.is_empty() && p == (0, 0) => break,
                        item => items.push(item),
                    }
                }
                Some(SpanTree::Seq(pos, items))
            }
            Event::MappingStart(..) => {
                let mut entries = Vec::new();
                loop {
                    let key = Self::node(events, depth + 1)?;
                    if matches!(&key, SpanTree::Scalar(s, p) if s.is_empty() && *p == (0, 0)) {
                        break;
                    }
                    let value = Self::node(events, depth + 1)?;
                    entries.push((key, value));
                }
                Some(SpanTree::Map(pos, entries))
            }
            // The end of a collection: a sentinel the loops above stop at.
            Event::SequenceEnd | Event::MappingEnd => Some(SpanTree::Scalar(String::new(), (0, 0))),
            _ => None,
        }
    }

    /// The first key given twice in one mapping, in document order: the
    /// key, where its second occurrence is, and the line of its first.
    pub(super) fn duplicate(&self) -> Option<(String, (usize, usize), usize)> {
        match self {
            SpanTree::Scalar(..) => None,
            SpanTree::Seq(_, items) => items.iter().find_map(SpanTree::duplicate),
            SpanTree::Map(_, entries) => {
                let mut seen: std::collections::HashMap<&str, usize> = Default::default();
                for (key, value) in entries {
                    if let SpanTree::Scalar(k, pos) = key {
                        if let Some(first) = seen.get(k.as_str()) {
                            return Some((k.clone(), *pos, *first));
                        }
                        seen.insert(k, pos.0);
                    }
                    if let Some(d) = value.duplicate() {
                        return Some(d);
                    }
                }
                None
            }
        }
    }

    fn pos(&self) -> (usize, usize) {
        match self {
            SpanTree::Scalar(_, p) | SpanTree::Seq(p, _) | SpanTree::Map(p, _) => *p,
        }
    }

    pub(super) fn locate(&self, path: &[Seg], target: Target) -> Option<(usize, usize)> {
        let Some((first, rest)) = path.split_first() else {
            return Some(self.pos());
        };
        match (self, first) {
            (SpanTree::Map(_, entries), Seg::Key(k)) => {
                let (key, value) = entries
                    .iter()
                    .find(|(key, _)| matches!(key, SpanTree::Scalar(s, _) if s == k))?;
                if rest.is_empty() && target != Target::Value {
                    Some(key.pos())
                } else {
                    value.locate(rest, target).or(Some(value.pos()))
                }
            }
            (SpanTree::Seq(_, items), Seg::Index(i)) => {
                let item = items.get(*i)?;
                item.locate(rest, target).or(Some(item.pos()))
            }
            _ => Some(self.pos()),
        }
    }
}

/// The line and column of the first alias (`*name`) in a YAML text.
pub(super) fn first_alias(src: &str) -> Option<(usize, usize)> {
    Parser::new_from_str(src)
        .map_while(Result::ok)
        .find(|(e, _)| matches!(e, Event::Alias(_)))
        .map(|(_, span)| (span.start.line(), span.start.col() + 1))
}
