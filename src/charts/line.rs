//! Lines over a numbered axis: engagement by post number (overview, market
//! pages), engagement decay and the conversion window (overview), one
//! partnership's engagement per post with its trend line, and the monthly
//! cost and revenue trend (monthly reports).

use plotters::prelude::*;

use super::{
    Drawn, Frame, Plot, Role, WIDTH, Y_LABELS, draw_svg, label_font, nice_ceil, segment,
    text_width, widest_label,
};

/// How a series marks its points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// No marks: a line only.
    None,
    /// Filled circles.
    Circle,
    /// Filled triangles.
    Triangle,
    /// Filled squares.
    Square,
    /// Hollow circles: points to read with care (ramp-up posts).
    Ring,
}

/// One series: its points, undefined ones breaking the line.
#[derive(Debug, Clone)]
pub struct Series {
    /// Colour role.
    pub role: Role,
    /// How points are marked.
    pub marker: Marker,
    /// Whether the points are joined.
    pub line: bool,
    /// (x, y); `None` leaves a gap.
    pub points: Vec<(f64, Option<f64>)>,
    /// Points drawn with [`Marker::Ring`] whatever `marker` says.
    pub rings: Vec<f64>,
}

impl Series {
    /// A line with markers.
    pub fn new(role: Role, marker: Marker, points: Vec<(f64, Option<f64>)>) -> Series {
        Series {
            role,
            marker,
            line: true,
            points,
            rings: Vec::new(),
        }
    }
}

/// A line chart.
pub struct LineChart<'a> {
    /// Title, description, accent.
    pub frame: Frame<'a>,
    /// Canvas height.
    pub height: u32,
    /// The series, drawn in order.
    pub series: Vec<Series>,
    /// The x axis' name, under it.
    pub x_name: &'a str,
    /// Labels of integer x values; others are numbered.
    pub x_labels: Vec<(i64, String)>,
    /// How y values read.
    pub y_format: &'a dyn Fn(f64) -> String,
    /// The x value to set a band behind (the report's month).
    pub highlight: Option<f64>,
}

fn bounds(series: &[Series]) -> Option<(f64, f64, f64, f64)> {
    let mut it = series
        .iter()
        .flat_map(|s| s.points.iter())
        .filter_map(|(x, y)| y.map(|y| (*x, y)));
    let (x0, y0) = it.next()?;
    Some(it.fold((x0, x0, y0, y0), |(a, b, c, d), (x, y)| {
        (a.min(x), b.max(x), c.min(y), d.max(y))
    }))
}

fn draw_marker<DB: DrawingBackend>(
    plot: &mut Plot<DB>,
    marker: Marker,
    role: Role,
    at: (f64, f64),
) -> Drawn<DB> {
    let c = role.sentinel();
    match marker {
        Marker::None => Ok(()),
        Marker::Circle => plot
            .draw_series(std::iter::once(Circle::new(at, 4, c.filled())))
            .map(|_| ()),
        Marker::Ring => plot
            .draw_series(std::iter::once(Circle::new(at, 4, c.stroke_width(2))))
            .map(|_| ()),
        Marker::Triangle => plot
            .draw_series(std::iter::once(TriangleMarker::new(at, 6, c.filled())))
            .map(|_| ()),
        Marker::Square => {
            let e = EmptyElement::at(at) + Rectangle::new([(-4, -4), (4, 4)], c.filled());
            plot.draw_series(std::iter::once(e)).map(|_| ())
        }
    }
}

/// Draw the chart; an empty one says so.
pub fn render(c: &LineChart) -> String {
    draw_svg(&c.frame, c.height, |root| draw(root, c))
}

fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    c: &LineChart,
) -> Drawn<DB> {
    let Some((x0, x1, y0, y1)) = bounds(&c.series) else {
        return Ok(());
    };
    let (x0, x1) = (
        x0.min(c.highlight.unwrap_or(x0)),
        x1.max(c.highlight.unwrap_or(x1)),
    );
    let top = nice_ceil(y1.max(0.0) * 1.06);
    let bottom = if y0 < 0.0 { -nice_ceil(-y0) } else { 0.0 };
    let top = if top <= bottom { bottom + 1.0 } else { top };
    let y_width = widest_label((bottom, top), Y_LABELS, c.y_format);
    let mut plot = ChartBuilder::on(root)
        .margin_top(12)
        .margin_right(16)
        .margin_left(6)
        .margin_bottom(4)
        .x_label_area_size(if c.x_name.is_empty() { 26 } else { 50 })
        .y_label_area_size(y_width + 12)
        .build_cartesian_2d((x0 - 0.5)..(x1 + 0.5), bottom..top)?;
    if let Some(h) = c.highlight {
        plot.draw_series(std::iter::once(Rectangle::new(
            [(h - 0.5, bottom), (h + 0.5, top)],
            Role::Band.sentinel().filled(),
        )))?;
    }
    let span = (x1 - x0).round() as usize + 1;
    mesh(&mut plot, c, span, y_width)?;
    if bottom < 0.0 {
        segment(
            &mut plot,
            (x0 - 0.5, 0.0),
            (x1 + 0.5, 0.0),
            Role::Axis.sentinel(),
        )?;
    }
    for s in &c.series {
        draw_one(&mut plot, s)?;
    }
    Ok(())
}

/// The label of x value `v`: its entry in `labels`, or its number when the
/// chart names none; nothing between integers.
fn x_label(labels: &[(i64, String)], v: f64) -> String {
    if (v - v.round()).abs() > 1e-6 {
        return String::new();
    }
    let k = v.round() as i64;
    labels
        .iter()
        .find(|(x, _)| *x == k)
        .map(|(_, l)| l.clone())
        .unwrap_or_else(|| {
            if labels.is_empty() {
                k.to_string()
            } else {
                String::new()
            }
        })
}

/// The grid and both axes, with as many x labels as fit beside a y axis
/// `y_width` wide, out of the `span` integers on the axis.
fn mesh<DB: DrawingBackend>(
    plot: &mut Plot<DB>,
    c: &LineChart,
    span: usize,
    y_width: u32,
) -> Drawn<DB> {
    let labels = &c.x_labels;
    let x_fmt = |v: &f64| x_label(labels, *v);
    let y_fmt = |v: &f64| (c.y_format)(*v);
    let widest = labels
        .iter()
        .map(|(_, l)| text_width(l))
        .max()
        .unwrap_or(24)
        + 10;
    let fit = ((WIDTH - y_width - 40) / widest.max(1)).max(2) as usize;
    plot.configure_mesh()
        .disable_x_mesh()
        .max_light_lines(0)
        .bold_line_style(Role::Grid.sentinel())
        .axis_style(Role::Axis.sentinel())
        .label_style(label_font(Role::Muted))
        .axis_desc_style(label_font(Role::Muted))
        .x_labels(span.min(fit).max(2))
        .y_labels(Y_LABELS)
        .x_label_formatter(&x_fmt)
        .y_label_formatter(&y_fmt)
        .x_desc(c.x_name)
        .draw()
}

/// One series: its runs of defined points joined, then every defined point
/// marked.
fn draw_one<DB: DrawingBackend>(plot: &mut Plot<DB>, s: &Series) -> Drawn<DB> {
    let style = s.role.sentinel().stroke_width(2);
    if s.line {
        for run in s.points.split(|p| p.1.is_none()) {
            let pts: Vec<(f64, f64)> = run.iter().filter_map(|(x, y)| y.map(|y| (*x, y))).collect();
            if pts.len() > 1 {
                plot.draw_series(LineSeries::new(pts, style))?;
            }
        }
    }
    for (x, y) in &s.points {
        if let Some(y) = y {
            let ring = s.rings.iter().any(|r| (r - x).abs() < 1e-9);
            let m = if ring { Marker::Ring } else { s.marker };
            draw_marker(plot, m, s.role, (*x, *y))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(points: Vec<(f64, Option<f64>)>) -> String {
        let fmt = |v: f64| format!("{:.0}%", v * 100.0);
        render(&LineChart {
            frame: Frame {
                id: "t",
                title: "Engagement",
                desc: "By post number",
                accent: "#8a4b2a",
            },
            height: 280,
            series: vec![Series::new(Role::S1, Marker::Circle, points)],
            x_name: "Post number",
            x_labels: Vec::new(),
            y_format: &fmt,
            highlight: Some(2.0),
        })
    }

    #[test]
    fn draws_the_same_svg_twice_with_its_title() {
        let pts = vec![
            (1.0, Some(0.04)),
            (2.0, None),
            (3.0, Some(0.05)),
            (4.0, Some(0.06)),
        ];
        let a = chart(pts.clone());
        assert_eq!(a, chart(pts));
        assert!(a.contains("<title id=\"t-title\">Engagement</title>"));
        // One polyline: the gap at 2 leaves 1 alone and joins 3 and 4.
        assert_eq!(a.matches("class=\"cs-s1\"").count(), 1);
        assert_eq!(a.matches("<circle").count(), 3);
        assert!(a.contains("cf-band"));
    }

    #[test]
    fn an_empty_chart_is_still_a_labelled_svg() {
        let a = chart(vec![(1.0, None)]);
        assert!(a.contains("<desc id=\"t-desc\">By post number</desc>"));
        assert!(!a.contains("<circle"));
    }
}
