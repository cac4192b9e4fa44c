//! The creator-level view: every partnership's ROI as a dot over the box of
//! its quartiles, beside the portfolio-level ROI (overview, market pages).
//!
//! The box runs from the first to the third quartile with the median across
//! it and whiskers to the extremes; the portfolio's ROI is a line in the
//! brand colour and the target a dashed one, so the reader sees at once how
//! far the sum-first figure sits from the typical partnership.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{Drawn, Frame, Plot, Role, draw_svg, label, nice_ceil, segment, x_mesh};

/// The quartiles of the distribution.
#[derive(Debug, Clone, Copy)]
pub struct Quartiles {
    /// Lowest.
    pub min: f64,
    /// First quartile.
    pub q1: f64,
    /// Median.
    pub median: f64,
    /// Third quartile.
    pub q3: f64,
    /// Highest.
    pub max: f64,
}

/// A spread chart.
pub struct SpreadChart<'a> {
    /// Title, description, accent.
    pub frame: Frame<'a>,
    /// Each partnership's ROI with the name written beside it ("" for none).
    pub points: Vec<(f64, String)>,
    /// The box; `None` when no ROI is defined.
    pub quartiles: Option<Quartiles>,
    /// The portfolio-level value and its label.
    pub whole: Option<(f64, String)>,
    /// The target and its label.
    pub target: Option<(f64, String)>,
    /// How axis values read.
    pub x_format: &'a dyn Fn(f64) -> String,
}

const HEIGHT: u32 = 220;

/// Draw the chart.
pub fn render(c: &SpreadChart) -> String {
    draw_svg(&c.frame, HEIGHT, |root| draw(root, c))
}

fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    c: &SpreadChart,
) -> Drawn<DB> {
    let Some((x0, x1)) = x_range(c) else {
        return Ok(());
    };
    let mut plot = ChartBuilder::on(root)
        .margin_top(26)
        .margin_right(22)
        .margin_left(22)
        .x_label_area_size(26)
        .build_cartesian_2d(x0..x1, 0.0..1.0)?;
    x_mesh(&mut plot, 6, c.x_format)?;
    if x0 < 0.0 {
        segment(&mut plot, (0.0, 0.0), (0.0, 1.0), Role::Axis.sentinel())?;
    }
    if let Some(q) = c.quartiles {
        draw_box(&mut plot, q)?;
    }
    let mid = (x0 + x1) / 2.0;
    if let Some((v, name)) = &c.target {
        let style = Role::MutedDash.sentinel().stroke_width(2);
        segment(&mut plot, (*v, 0.0), (*v, 1.0), style)?;
        let (x, y) = plot.backend_coord(&(*v, 0.0));
        let (towards, h) = side(*v, mid);
        label(
            root,
            name,
            (x + 4 * towards, y - 4),
            Role::Muted,
            (h, VPos::Bottom),
        )?;
    }
    if let Some((v, name)) = &c.whole {
        let style = Role::Accent.sentinel().stroke_width(3);
        segment(&mut plot, (*v, 0.0), (*v, 1.0), style)?;
        let (x, y) = plot.backend_coord(&(*v, 1.0));
        label(
            root,
            name,
            (x, y - 6),
            Role::Accent,
            (side(*v, mid).1, VPos::Bottom),
        )?;
    }
    draw_dots(root, &mut plot, &c.points, mid)
}

/// Which way a label at `v` reads, with the sign of a nudge that way:
/// towards the middle `mid`, so it stays on the canvas.
fn side(v: f64, mid: f64) -> (i32, HPos) {
    if v > mid {
        (-1, HPos::Right)
    } else {
        (1, HPos::Left)
    }
}

/// Each partnership's dot, and its name when it has one.
fn draw_dots<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    plot: &mut Plot<DB>,
    points: &[(f64, String)],
    mid: f64,
) -> Drawn<DB> {
    // Dots in three lanes so that close values stay apart.
    for (i, (v, name)) in points.iter().enumerate() {
        let lane = [0.5, 0.62, 0.38][i % 3];
        let dot = Circle::new((*v, lane), 5, Role::S1.sentinel().filled());
        plot.draw_series(std::iter::once(dot))?;
        if !name.is_empty() {
            let at = plot.backend_coord(&(*v, 0.78));
            label(root, name, at, Role::Ink, (side(*v, mid).1, VPos::Bottom))?;
        }
    }
    Ok(())
}

/// The x axis: every value on it, zero included, with a little room.
fn x_range(c: &SpreadChart) -> Option<(f64, f64)> {
    let all: Vec<f64> = c
        .points
        .iter()
        .map(|p| p.0)
        .chain(c.whole.as_ref().map(|w| w.0))
        .chain(c.target.as_ref().map(|t| t.0))
        .collect();
    if all.is_empty() {
        return None;
    }
    let hi = all.iter().copied().fold(0.0, f64::max);
    let lo = all.iter().copied().fold(0.0, f64::min);
    Some((-nice_ceil(-lo * 1.05), nice_ceil(hi * 1.05).max(0.1)))
}

/// Whiskers to the extremes, the box from q1 to q3, the median across it.
fn draw_box<DB: DrawingBackend>(plot: &mut Plot<DB>, q: Quartiles) -> Drawn<DB> {
    let line = Role::Muted.sentinel().stroke_width(2);
    plot.draw_series([
        PathElement::new(vec![(q.min, 0.5), (q.q1, 0.5)], line),
        PathElement::new(vec![(q.q3, 0.5), (q.max, 0.5)], line),
        PathElement::new(vec![(q.min, 0.42), (q.min, 0.58)], line),
        PathElement::new(vec![(q.max, 0.42), (q.max, 0.58)], line),
    ])?;
    let corners = [(q.q1, 0.32), (q.q3, 0.68)];
    let band = Rectangle::new(corners, Role::Band.sentinel().filled());
    plot.draw_series(std::iter::once(band))?;
    let edge = Rectangle::new(corners, Role::Muted.sentinel().stroke_width(1));
    plot.draw_series(std::iter::once(edge))?;
    let median = Role::Ink.sentinel().stroke_width(3);
    segment(plot, (q.median, 0.32), (q.median, 0.68), median)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_dots_box_and_both_lines() {
        let fmt = |v: f64| format!("{:.0}%", v * 100.0);
        let svg = render(&SpreadChart {
            frame: Frame {
                id: "spread",
                title: "ROI by partnership",
                desc: "d",
                accent: "#8a4b2a",
            },
            points: vec![
                (-0.06, "Alina".into()),
                (0.4, String::new()),
                (1.41, "Jess".into()),
            ],
            quartiles: Some(Quartiles {
                min: -0.06,
                q1: 0.17,
                median: 0.4,
                q3: 0.9,
                max: 1.41,
            }),
            whole: Some((0.88, "Portfolio 88%".into())),
            target: Some((0.5, "Target 50%".into())),
            x_format: &fmt,
        });
        assert_eq!(svg.matches("<circle").count(), 3);
        assert!(svg.contains(">Portfolio 88%</text>"));
        assert!(svg.contains("cs-accent"));
        assert!(svg.contains(">Jess</text>"));
    }
}
