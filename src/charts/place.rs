//! Where a chart's labels go: the first of a few spots, in the chart's order
//! of preference, that stays on the canvas and clear of every mark and label
//! already there. A label with no such spot is left out rather than drawn
//! over text or through a line; its figure is in the table beside the chart.
//!
//! Grid lines are not marks here: labels carry a halo in the page's
//! background colour (the stylesheet's `.chart-svg text`), so a grid line
//! passes under a label without touching its letters.

use plotters::style::text_anchor::{HPos, VPos};

use super::{LABEL, text_width};

/// A box in canvas pixels, `x0 <= x1`, `y0 <= y1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Zone {
    /// Left.
    pub x0: i32,
    /// Top.
    pub y0: i32,
    /// Right.
    pub x1: i32,
    /// Bottom.
    pub y1: i32,
}

impl Zone {
    /// The box from two corners in any order.
    pub(crate) fn new(a: (i32, i32), b: (i32, i32)) -> Zone {
        Zone {
            x0: a.0.min(b.0),
            y0: a.1.min(b.1),
            x1: a.0.max(b.0),
            y1: a.1.max(b.1),
        }
    }

    /// A vertical line at `x` from `y0` to `y1`, as wide as a thick stroke.
    pub(crate) fn vline(x: i32, y0: i32, y1: i32) -> Zone {
        Zone::new((x - 2, y0), (x + 2, y1))
    }

    /// A dot of radius `r` at `at`.
    pub(crate) fn dot(at: (i32, i32), r: i32) -> Zone {
        Zone::new((at.0 - r, at.1 - r), (at.0 + r, at.1 + r))
    }

    /// Whether the two boxes share any area.
    pub(crate) fn meets(&self, o: &Zone) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    fn inside(&self, o: &Zone) -> bool {
        self.x0 >= o.x0 && self.x1 <= o.x1 && self.y0 >= o.y0 && self.y1 <= o.y1
    }
}

/// A label's spot: where plotters anchors it and the box its text fills.
#[derive(Clone, Copy)]
pub(crate) struct Spot {
    /// The anchor point.
    pub at: (i32, i32),
    /// How the text sits on the anchor.
    pub pos: (HPos, VPos),
    /// The box the text fills, with room to spare for a wider font.
    pub rect: Zone,
}

impl Spot {
    /// `text` anchored at `at` by `pos`.
    pub(crate) fn new(text: &str, at: (i32, i32), pos: (HPos, VPos)) -> Spot {
        let w = text_width(text) as i32;
        let h = LABEL.ceil() as i32;
        let x0 = match pos.0 {
            HPos::Left => at.0,
            HPos::Center => at.0 - w / 2,
            HPos::Right => at.0 - w,
        };
        let y0 = match pos.1 {
            VPos::Top => at.1,
            VPos::Center => at.1 - h / 2,
            VPos::Bottom => at.1 - h,
        };
        Spot {
            at,
            pos,
            rect: Zone::new((x0, y0), (x0 + w, y0 + h)),
        }
    }
}

/// The canvas and what is drawn on it so far.
#[derive(Debug, Clone)]
pub(crate) struct Spots {
    canvas: Zone,
    taken: Vec<Zone>,
}

impl Spots {
    /// An empty canvas `width` x `height`.
    pub(crate) fn new(width: u32, height: u32) -> Spots {
        Spots {
            canvas: Zone::new((0, 0), (width as i32, height as i32)),
            taken: Vec::new(),
        }
    }

    /// Mark `r` as drawn on.
    pub(crate) fn block(&mut self, r: Zone) {
        self.taken.push(r);
    }

    /// The first of `spots` that is on the canvas and clear of everything
    /// drawn, now taken; `None` when every one is blocked.
    pub(crate) fn take(&mut self, spots: impl IntoIterator<Item = Spot>) -> Option<Spot> {
        let free = spots.into_iter().find(|s| {
            s.rect.inside(&self.canvas) && !self.taken.iter().any(|t| t.meets(&s.rect))
        })?;
        self.taken.push(free.rect);
        Some(free)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_takes_the_first_clear_spot_and_blocks_it() {
        let mut spots = Spots::new(200, 100);
        spots.block(Zone::vline(110, 0, 100));
        let right = Spot::new("Target", (100, 50), (HPos::Left, VPos::Center));
        let left = Spot::new("Target", (100, 50), (HPos::Right, VPos::Center));
        let got = spots.take([right, left]).expect("the left spot is clear");
        assert_eq!(got.rect, left.rect);
        // The same spot again is taken now; off the canvas is never free.
        assert!(spots.take([left]).is_none());
        let off = Spot::new("Target", (195, 50), (HPos::Left, VPos::Center));
        assert!(spots.take([off]).is_none());
    }

    #[test]
    fn boxes_that_only_touch_do_not_meet() {
        let a = Zone::new((0, 0), (10, 10));
        assert!(!a.meets(&Zone::new((10, 0), (20, 10))));
        assert!(a.meets(&Zone::new((9, 9), (20, 20))));
    }
}
