//! Stacked columns over named steps: cost by month on the commitments page,
//! to date and committed after, stacked by market.
//!
//! Each column is a stack of segments from zero up, each in its role's
//! colour; a [`Fill::Pale`] segment is drawn pale with a solid outline, so
//! that what is only committed reads apart from what is spent without
//! colour alone, and a [`Fill::Faint`] one fainter still (what is expected
//! to go on, not committed). A dashed divider with a label marks a boundary between two
//! columns (the report date).

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{
    Drawn, Frame, Plot, Role, WIDTH, Y_LABELS, draw_svg, label, label_font, nice_ceil, segment,
    text_width, widest_label,
};

/// One segment of a column.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Segment {
    /// Its colour.
    pub role: Role,
    /// Its height, 0 or more.
    pub value: f64,
    /// How it is filled.
    pub fill: Fill,
}

/// How a segment is filled.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Fill {
    /// Its colour: spent.
    Solid,
    /// Pale with an outline: committed.
    Pale,
    /// Fainter with an outline: going on, not committed.
    Faint,
}

/// One column: its label and its segments, bottom to top.
#[derive(Debug, Clone)]
pub(crate) struct Column {
    /// The label under it.
    pub label: String,
    /// Segments, bottom first.
    pub segments: Vec<Segment>,
}

/// A stacked column chart.
pub(crate) struct ColumnChart<'a> {
    /// Title, description, accent.
    pub frame: Frame<'a>,
    /// Canvas height.
    pub height: u32,
    /// The columns, left to right.
    pub columns: Vec<Column>,
    /// A dashed line after column `.0` (an index), labelled `.1` above.
    pub divider: Option<(usize, String)>,
    /// How y values read.
    pub y_format: &'a dyn Fn(f64) -> String,
}

/// How pale a pale segment is.
const PALE: f64 = 0.35;

/// How faint a faint segment is.
const FAINT: f64 = 0.1;

/// Half a column's width, in steps.
const HALF: f64 = 0.36;

/// Draw the chart.
pub(crate) fn render(c: &ColumnChart) -> String {
    draw_svg(&c.frame, c.height, |root| draw(root, c))
}

fn total(c: &Column) -> f64 {
    c.segments.iter().map(|s| s.value.max(0.0)).sum()
}

fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    c: &ColumnChart,
) -> Drawn<DB> {
    let n = c.columns.len().max(1);
    let top = nice_ceil(c.columns.iter().map(total).fold(0.0, f64::max) * 1.06);
    let top = if top <= 0.0 { 1.0 } else { top };
    let y_width = widest_label((0.0, top), Y_LABELS, c.y_format);
    let mut plot = ChartBuilder::on(root)
        .margin_top(if c.divider.is_some() { 26 } else { 12 })
        .margin_right(16)
        .margin_left(6)
        .margin_bottom(4)
        .x_label_area_size(26)
        .y_label_area_size(y_width + 12)
        .build_cartesian_2d(-0.5..(n as f64 - 0.5), 0.0..top)?;
    mesh(&mut plot, c, y_width)?;
    for (i, col) in c.columns.iter().enumerate() {
        draw_column(&mut plot, i as f64, col)?;
    }
    if let Some((after, text)) = &c.divider {
        let x = *after as f64 + 0.5;
        let style = Role::MutedDash.sentinel().stroke_width(2);
        segment(&mut plot, (x, 0.0), (x, top), style)?;
        let (px, py) = plot.backend_coord(&(x, top));
        // Near the right edge the label would leave the canvas: end it at the line.
        let room = WIDTH as i32 - px - 16;
        let (dx, pos) = if room > text_width(text) as i32 {
            (4, HPos::Left)
        } else {
            (-4, HPos::Right)
        };
        label(
            root,
            text,
            (px + dx, py - 4),
            Role::Muted,
            (pos, VPos::Bottom),
        )?;
    }
    Ok(())
}

/// The grid, the money axis and as many column labels as fit.
fn mesh<DB: DrawingBackend>(plot: &mut Plot<DB>, c: &ColumnChart, y_width: u32) -> Drawn<DB> {
    let labels: Vec<&str> = c.columns.iter().map(|col| col.label.as_str()).collect();
    let widest = labels.iter().map(|l| text_width(l)).max().unwrap_or(24) + 10;
    let fit = ((WIDTH - y_width - 40) / widest.max(1)).max(2) as usize;
    // Every `step`-th column is labelled, so labels never overlap.
    let step = labels.len().div_ceil(fit).max(1);
    let x_fmt = |v: &f64| {
        let k = v.round();
        if (v - k).abs() > 1e-6 || k < 0.0 {
            return String::new();
        }
        let k = k as usize;
        if k.is_multiple_of(step) {
            labels.get(k).map(|l| l.to_string()).unwrap_or_default()
        } else {
            String::new()
        }
    };
    let y_fmt = |v: &f64| (c.y_format)(*v);
    plot.configure_mesh()
        .disable_x_mesh()
        .max_light_lines(0)
        .bold_line_style(Role::Grid.sentinel())
        .axis_style(Role::Axis.sentinel())
        .label_style(label_font(Role::Muted))
        .x_labels(labels.len().max(2))
        .y_labels(Y_LABELS)
        .x_label_formatter(&x_fmt)
        .y_label_formatter(&y_fmt)
        .draw()
}

/// One column's stack at `x`.
fn draw_column<DB: DrawingBackend>(plot: &mut Plot<DB>, x: f64, col: &Column) -> Drawn<DB> {
    let mut base = 0.0;
    for s in col.segments.iter().filter(|s| s.value > 0.0) {
        let corners = [(x - HALF, base), (x + HALF, base + s.value)];
        let colour = s.role.sentinel();
        if let Fill::Pale | Fill::Faint = s.fill {
            let alpha = if s.fill == Fill::Pale { PALE } else { FAINT };
            plot.draw_series(std::iter::once(Rectangle::new(
                corners,
                colour.mix(alpha).filled(),
            )))?;
            plot.draw_series(std::iter::once(Rectangle::new(
                corners,
                colour.stroke_width(1),
            )))?;
        } else {
            plot.draw_series(std::iter::once(Rectangle::new(corners, colour.filled())))?;
        }
        base += s.value;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(columns: Vec<Column>) -> String {
        let fmt = |v: f64| format!("${v:.0}");
        render(&ColumnChart {
            frame: Frame {
                id: "cost-ahead",
                title: "Cost by month",
                desc: "Spent and committed",
                accent: "#8a4b2a",
            },
            height: 280,
            columns,
            divider: Some((1, "31 Oct".into())),
            y_format: &fmt,
        })
    }

    fn seg(role: Role, value: f64, fill: Fill) -> Segment {
        Segment { role, value, fill }
    }

    /// Spent in September and October, committed in November.
    fn three() -> Vec<Column> {
        let col = |label: &str, segments| Column {
            label: label.into(),
            segments,
        };
        vec![
            col(
                "Sep",
                vec![
                    seg(Role::S1, 100.0, Fill::Solid),
                    seg(Role::S2, 50.0, Fill::Solid),
                ],
            ),
            col(
                "Oct",
                vec![
                    seg(Role::S1, 80.0, Fill::Solid),
                    seg(Role::S2, 0.0, Fill::Solid),
                ],
            ),
            col(
                "Nov",
                vec![
                    seg(Role::S1, 60.0, Fill::Pale),
                    seg(Role::S2, 40.0, Fill::Pale),
                    seg(Role::S1, 30.0, Fill::Faint),
                ],
            ),
        ]
    }

    #[test]
    fn stacks_spent_and_committed_segments_with_a_divider() {
        let svg = chart(three());
        assert_eq!(svg, chart(three()));
        // Two solid S1 columns, one pale S1 and one faint S1 each with its
        // outline; a zero draws nothing.
        assert_eq!(svg.matches("class=\"cf-s1\"").count(), 4);
        assert_eq!(svg.matches("class=\"cs-s1\"").count(), 2);
        assert_eq!(svg.matches("opacity=\"0.35\"").count(), 2);
        assert_eq!(svg.matches("opacity=\"0.1\"").count(), 1);
        assert!(svg.contains(">31 Oct</text>") && svg.contains("stroke-dasharray"));
        assert!(svg.contains(">Nov</text>"));
    }

    #[test]
    fn labels_only_as_many_columns_as_fit() {
        let columns = (0..30)
            .map(|i| Column {
                label: format!("M{i:02}"),
                segments: vec![seg(Role::S1, 1.0, Fill::Solid)],
            })
            .collect();
        let svg = chart(columns);
        let shown = (0..30)
            .filter(|i| svg.contains(&format!(">M{i:02}</text>")))
            .count();
        assert!(shown > 2 && shown < 30, "{shown}");
        assert!(svg.contains(">M00</text>"));
    }
}
