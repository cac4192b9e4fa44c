//! The creator-level view: every partnership's ROI as a dot over the box of
//! its quartiles, beside the portfolio-level ROI (overview, market pages).
//!
//! The box runs from the first to the third quartile with the median across
//! it and whiskers to the extremes; the portfolio's ROI is a line in the
//! brand colour and the target a dashed one, so the reader sees at once how
//! far the sum-first figure sits from the typical partnership.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::place::{Spot, Spots, Zone};
use super::{
    Drawn, Frame, Plot, Role, WIDTH, draw_svg, label, nice_ceil, segment, text_width, x_mesh,
};

/// The quartiles of the distribution.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Quartiles {
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
pub(crate) struct SpreadChart<'a> {
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

const HEIGHT: u32 = 240;

/// Draw the chart.
pub(crate) fn render(c: &SpreadChart) -> String {
    draw_svg(&c.frame, HEIGHT, |root| draw(root, c))
}

fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    c: &SpreadChart,
) -> Drawn<DB> {
    let Some((x0, x1)) = x_range(c) else {
        return Ok(());
    };
    // The end labels sit centred on the axis' ends: room for half of each.
    let half = |v: f64| (text_width(&(c.x_format)(v)) / 2 + 4).max(22);
    let mut plot = ChartBuilder::on(root)
        .margin_top(46)
        .margin_right(half(x1))
        .margin_left(half(x0))
        .x_label_area_size(26)
        .build_cartesian_2d(x0..x1, 0.0..1.0)?;
    x_mesh(&mut plot, 6, c.x_format)?;
    let mut spots = Spots::new(WIDTH, HEIGHT);
    let (top, bottom) = (px(&plot, x0, 1.0).1, px(&plot, x0, 0.0).1);
    spots.block(Zone::new((0, bottom), (WIDTH as i32, HEIGHT as i32)));
    if x0 < 0.0 {
        segment(&mut plot, (0.0, 0.0), (0.0, 1.0), Role::Axis.sentinel())?;
        spots.block(Zone::vline(px(&plot, 0.0, 0.0).0, top, bottom));
    }
    if let Some(q) = c.quartiles {
        draw_box(&mut plot, q)?;
        spots.block(Zone::new(px(&plot, q.q1, 0.68), px(&plot, q.q3, 0.32)));
        spots.block(Zone::new(px(&plot, q.min, 0.58), px(&plot, q.max, 0.42)));
    }
    let lines = [(&c.target, Role::MutedDash, 2), (&c.whole, Role::Accent, 3)];
    for (line, role, width) in lines {
        if let Some((v, _)) = line {
            segment(
                &mut plot,
                (*v, 0.0),
                (*v, 1.0),
                role.sentinel().stroke_width(width),
            )?;
            spots.block(Zone::vline(px(&plot, *v, 0.0).0, top, bottom));
        }
    }
    let dots = draw_dots(&mut plot, &c.points, &mut spots)?;
    if let Some((v, name)) = &c.whole {
        let x = px(&plot, *v, 0.0).0;
        let at = (x, top - 6);
        let spot = spots.take(across(name, at, VPos::Bottom));
        put(root, name, spot, Role::Accent)?;
    }
    if let Some((v, name)) = &c.target {
        let x = px(&plot, *v, 0.0).0;
        let spot = spots.take(beside_line(name, x, top, bottom));
        put(root, name, spot, Role::Muted)?;
    }
    let mid = (x0 + x1) / 2.0;
    for ((v, name), at) in c.points.iter().zip(dots) {
        if !name.is_empty() {
            let spot = spots.take(beside_dot(name, at, *v > mid, (top, bottom)));
            put(root, name, spot, Role::Ink)?;
        }
    }
    Ok(())
}

/// A point of the plot in canvas pixels.
fn px<DB: DrawingBackend>(plot: &Plot<DB>, x: f64, y: f64) -> (i32, i32) {
    plot.backend_coord(&(x, y))
}

/// Draw `text` at its spot, or nothing when no spot was free.
fn put<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    text: &str,
    spot: Option<Spot>,
    role: Role,
) -> Drawn<DB> {
    match spot {
        Some(s) => label(root, text, s.at, role, s.pos),
        None => Ok(()),
    }
}

/// Spots on a horizontal line through `at`: centred on it, then reading
/// right of it, then left.
fn across(text: &str, at: (i32, i32), v: VPos) -> [Spot; 3] {
    [
        Spot::new(text, at, (HPos::Center, v)),
        Spot::new(text, (at.0 - 4, at.1), (HPos::Left, v)),
        Spot::new(text, (at.0 + 4, at.1), (HPos::Right, v)),
    ]
}

/// Spots beside a vertical line at `x`: at its foot on either side, then
/// at its head, then above the plot.
fn beside_line(text: &str, x: i32, top: i32, bottom: i32) -> Vec<Spot> {
    let mut spots = Vec::new();
    for (y, v) in [(bottom - 4, VPos::Bottom), (top + 4, VPos::Top)] {
        spots.push(Spot::new(text, (x + 5, y), (HPos::Left, v)));
        spots.push(Spot::new(text, (x - 5, y), (HPos::Right, v)));
    }
    spots.extend(across(text, (x, top - 6), VPos::Bottom));
    spots
}

/// Spots for a dot's name: beside it on the outer side, then the inner
/// one, then above the box over the dot, then below it, then in the two
/// rows above the plot.
fn beside_dot(text: &str, at: (i32, i32), right: bool, (top, bottom): (i32, i32)) -> Vec<Spot> {
    let outer = if right {
        (9, HPos::Left)
    } else {
        (-9, HPos::Right)
    };
    let inner = if right {
        (-9, HPos::Right)
    } else {
        (9, HPos::Left)
    };
    let mut spots = vec![
        Spot::new(text, (at.0 + outer.0, at.1), (outer.1, VPos::Center)),
        Spot::new(text, (at.0 + inner.0, at.1), (inner.1, VPos::Center)),
    ];
    spots.extend(across(text, (at.0, top + 2), VPos::Top));
    spots.extend(across(text, (at.0, bottom - 2), VPos::Bottom));
    spots.extend(across(text, (at.0, top - 6), VPos::Bottom));
    spots.extend(across(text, (at.0, top - 26), VPos::Bottom));
    spots
}

/// Each partnership's dot, in three lanes so that close values stay
/// apart: where each one is, blocked for labels.
fn draw_dots<DB: DrawingBackend>(
    plot: &mut Plot<DB>,
    points: &[(f64, String)],
    spots: &mut Spots,
) -> Result<Vec<(i32, i32)>, plotters::drawing::DrawingAreaErrorKind<DB::ErrorType>> {
    let mut centres = Vec::with_capacity(points.len());
    for (i, (v, _)) in points.iter().enumerate() {
        let lane = [0.5, 0.62, 0.38][i % 3];
        let dot = Circle::new((*v, lane), 5, Role::S1.sentinel().filled());
        plot.draw_series(std::iter::once(dot))?;
        let at = px(plot, *v, lane);
        spots.block(Zone::dot(at, 6));
        centres.push(at);
    }
    Ok(centres)
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
