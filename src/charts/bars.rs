//! Horizontal bars, one per named row: ROI per market (overview).
//!
//! Bars grow from zero, right for a gain and left for a loss, each with its
//! value written at its end; a row whose value is undefined has no bar and
//! says so. A dashed line marks a reference (the target ROI).

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{
    Drawn, Frame, LABEL, Plot, Role, WIDTH, draw_svg, label, nice_ceil, segment, text_width, x_mesh,
};

/// One row.
#[derive(Debug, Clone)]
pub(crate) struct Bar {
    /// The row's name.
    pub label: String,
    /// The value; `None` draws no bar.
    pub value: Option<f64>,
    /// The value as the page writes it (`n/a` when undefined).
    pub text: String,
}

/// A bar chart.
pub(crate) struct BarChart<'a> {
    /// Title, description, accent.
    pub frame: Frame<'a>,
    /// Rows, top to bottom.
    pub bars: Vec<Bar>,
    /// A reference value with its name, drawn dashed.
    pub reference: Option<(f64, String)>,
    /// How axis values read.
    pub x_format: &'a dyn Fn(f64) -> String,
    /// Colour of gains and of losses.
    pub roles: (Role, Role),
}

const ROW: u32 = 36;

/// The widest a row's name may be before it takes a second line: the plot
/// keeps the rest of the canvas.
const NAME: u32 = WIDTH * 2 / 5;

/// Draw the chart.
pub(crate) fn render(c: &BarChart) -> String {
    let names: Vec<Vec<String>> = c.bars.iter().map(|b| wrap(&b.label, NAME)).collect();
    let most = names.iter().map(Vec::len).max().unwrap_or(1) as u32;
    let row = ROW + (most - 1) * line_step() as u32;
    let height = row * c.bars.len().max(1) as u32 + 70;
    draw_svg(&c.frame, height, |root| draw(root, c, &names))
}

/// From one line of a name to the next: a label's height with a fifth to
/// spare, as [`text_width`] leaves for a larger font on a phone.
fn line_step() -> i32 {
    (LABEL * 1.2).ceil() as i32
}

/// `text` in lines no wider than `max` where it has spaces or hyphens to
/// break at (a single longer word keeps its line).
fn wrap(text: &str, max: u32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_inclusive([' ', '-']) {
        let longer = format!("{line}{word}");
        if !line.is_empty() && text_width(longer.trim_end()) > max {
            lines.push(line.trim_end().to_string());
            line = word.to_string();
        } else {
            line = longer;
        }
    }
    lines.push(line.trim_end().to_string());
    lines
}

fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    c: &BarChart,
    names: &[Vec<String>],
) -> Drawn<DB> {
    let left = widest(names.iter().flatten().map(String::as_str), 40) + 14;
    let (x0, x1) = x_range(c, left);
    let n = c.bars.len().max(1) as f64;
    let mut plot = ChartBuilder::on(root)
        .margin_top(if c.reference.is_some() { 24 } else { 8 })
        .margin_right(16)
        .margin_left(6)
        .x_label_area_size(26)
        .y_label_area_size(left)
        .build_cartesian_2d(x0..x1, 0.0..n)?;
    // As many ticks as fit their labels side by side.
    let tick = [x0, x1]
        .map(|v| text_width(&(c.x_format)(v)))
        .into_iter()
        .max()
        .unwrap_or(30);
    let room = WIDTH.saturating_sub(left + 22);
    let ticks = (room / (tick + 12)).clamp(2, 5) as usize;
    x_mesh(&mut plot, ticks, c.x_format)?;
    segment(&mut plot, (0.0, 0.0), (0.0, n), Role::Axis.sentinel())?;
    for (i, (b, name)) in c.bars.iter().zip(names).enumerate() {
        draw_row(root, &mut plot, c.roles, (b, name), n - i as f64, x0)?;
    }
    if let Some((v, name)) = &c.reference {
        let style = Role::MutedDash.sentinel().stroke_width(2);
        segment(&mut plot, (*v, 0.0), (*v, n), style)?;
        let (rx, ry) = plot.backend_coord(&(*v, n));
        let pos = (HPos::Center, VPos::Bottom);
        label(root, name, (rx, ry - 2), Role::Muted, pos)?;
    }
    Ok(())
}

/// The widest of `texts` in canvas pixels, `none` when there are none.
fn widest<'a>(texts: impl Iterator<Item = &'a str>, none: u32) -> u32 {
    texts.map(text_width).max().unwrap_or(none)
}

/// The x axis: from zero (or the lowest loss) to the highest gain, both
/// rounded, widened by the room the value labels take beyond the bars'
/// ends in a plot `left` pixels narrower than the canvas.
fn x_range(c: &BarChart, left: u32) -> (f64, f64) {
    let values: Vec<f64> = c
        .bars
        .iter()
        .filter_map(|b| b.value)
        .chain(c.reference.as_ref().map(|r| r.0))
        .collect();
    let hi = values.iter().copied().fold(0.0, f64::max);
    let lo = values.iter().copied().fold(0.0, f64::min);
    let value_w = widest(c.bars.iter().map(|b| b.text.as_str()), 30) + 10;
    let plot = f64::from(WIDTH.saturating_sub(left + 24).max(120));
    let (mut x0, mut x1) = (-nice_ceil(-lo), nice_ceil(hi));
    if x1 - x0 <= 0.0 {
        x1 = 1.0;
    }
    let pad = (x1 - x0) * f64::from(value_w) / (plot - f64::from(value_w)).max(60.0);
    x1 += pad;
    if lo < 0.0 {
        x0 -= pad;
    }
    (x0, x1)
}

/// One row whose band's top is at `top`: its name left of the axis at
/// `x0`, its bar, and its value written past the bar's end.
fn draw_row<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    plot: &mut Plot<DB>,
    roles: (Role, Role),
    (b, name): (&Bar, &[String]),
    top: f64,
    x0: f64,
) -> Drawn<DB> {
    let mid = top - 0.5;
    let (lx, ly) = plot.backend_coord(&(x0, mid));
    let pos = (HPos::Right, VPos::Center);
    let step = line_step();
    let first = ly - step * (name.len() as i32 - 1) / 2;
    for (k, line) in name.iter().enumerate() {
        label(
            root,
            line,
            (lx - 10, first + step * k as i32),
            Role::Ink,
            pos,
        )?;
    }
    let end = b.value.unwrap_or(0.0);
    if let Some(v) = b.value {
        let role = if v < 0.0 { roles.1 } else { roles.0 };
        plot.draw_series(std::iter::once(Rectangle::new(
            [(0.0, top - 0.22), (v, top - 0.78)],
            role.sentinel().filled(),
        )))?;
    }
    let (ex, ey) = plot.backend_coord(&(end, mid));
    let (dx, h) = if end < 0.0 {
        (-6, HPos::Right)
    } else {
        (6, HPos::Left)
    };
    label(root, &b.text, (ex + dx, ey), Role::Ink, (h, VPos::Center))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_gains_losses_and_undefined_rows() {
        let fmt = |v: f64| format!("{:.0}%", v * 100.0);
        let bar = |label: &str, value: Option<f64>| Bar {
            label: label.into(),
            value,
            text: value.map_or("n/a".into(), fmt),
        };
        let svg = render(&BarChart {
            frame: Frame {
                id: "roi",
                title: "ROI per market",
                desc: "d",
                accent: "#8a4b2a",
            },
            bars: vec![
                bar("Russia", Some(1.2)),
                bar("United States", Some(-0.3)),
                bar("Kazakhstan", None),
            ],
            reference: Some((0.5, "target 50%".into())),
            x_format: &fmt,
            roles: (Role::S3, Role::S4),
        });
        assert_eq!(svg.matches("cf-s3").count(), 1);
        assert_eq!(svg.matches("cf-s4").count(), 1);
        assert!(svg.contains(">n/a</text>"));
        assert!(svg.contains(">United States</text>"));
        assert!(svg.contains("stroke-dasharray"));
    }

    #[test]
    fn a_long_name_takes_more_lines_and_a_short_one_keeps_one() {
        assert_eq!(wrap("Russia", NAME), ["Russia"]);
        let long = wrap("Республика Преображенская-Воскресенская", NAME);
        assert_eq!(long, ["Республика", "Преображенская-", "Воскресенская"]);
        assert!(long.iter().all(|l| text_width(l) <= NAME));
    }
}
