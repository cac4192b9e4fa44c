//! Figures to SVG: the charts of the report pages, drawn with plotters.
//!
//! A chart takes numbers and labels already chosen by the page (the view
//! decides what to plot and in which language) and returns an SVG string to
//! inline in the page; nothing here reads a file or the clock, so the same
//! input gives byte-identical SVG. Every chart carries a `<title>` and a
//! `<desc>`; the page puts its data in a table beside it.
//!
//! Colours are roles, not values: plotters draws each role in a sentinel
//! colour, and [`finish`] swaps the sentinel for the role's light-theme colour
//! and a `cs-<role>` (stroke) or `cf-<role>` (fill) class, so a theme's
//! stylesheet can recolour charts for dark mode. The palette is Okabe and
//! Ito's, which stays distinct under the common colour-vision deficiencies;
//! the client's brand colour is the `accent` role.
//!
//! Text is measured with DejaVu Sans, embedded in the binary (no fontconfig
//! or freetype at build or run time); the SVG names the reader's system
//! sans-serif fonts, so no font file ships with the site.
//!
//! The steps the charts share (a straight segment, a label, the mesh of a
//! chart without a y axis) live here, so the charts draw the same marks the
//! same way.

pub(crate) mod bars;
pub(crate) mod columns;
pub mod line;
pub(crate) mod place;
pub(crate) mod spark;
pub(crate) mod spread;

use std::fmt::Write as _;
use std::sync::Once;

use plotters::style::{FontStyle, RGBColor, register_font};

/// DejaVu Sans 2.37 (Bitstream Vera licence: assets/fonts/LICENSE-DejaVu.txt).
static FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// The font family the SVG names; plotters measures it with [`FONT`].
pub(crate) const FAMILY: &str = "system-ui, sans-serif";

/// Width of every chart's canvas: half the page on a desktop, the whole
/// screen on a phone (where the stylesheet may enlarge the labels a little:
/// label areas leave room for that).
pub(crate) const WIDTH: u32 = 440;

/// How many labels a y axis asks plotters for.
pub(crate) const Y_LABELS: usize = 5;

/// The label size, in plotters' units (the SVG's font-size x 1.24).
pub(crate) const LABEL: f64 = 14.0 * 1.24;

fn ready() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let parsed = register_font(FAMILY, FontStyle::Normal, FONT).is_ok();
        assert!(parsed, "the embedded font parses");
    });
}

/// What a mark of a chart stands for; a theme colours it by its class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Labels.
    Ink,
    /// Tick labels and secondary text.
    Muted,
    /// Grid lines.
    Grid,
    /// Axis lines.
    Axis,
    /// First series (blue): retainers, revenue per post.
    S1,
    /// Second series (orange): one-offs.
    S2,
    /// Third series (bluish green): revenue, gains.
    S3,
    /// Fourth series (vermillion): cost, losses.
    S4,
    /// The client's brand colour: the portfolio, the trend line.
    Accent,
    /// The brand colour, dashed.
    AccentDash,
    /// Secondary text colour, dashed: targets.
    MutedDash,
    /// The second series, dashed: a reference level.
    S2Dash,
    /// A light band behind the marks: the highlighted month, a quartile box.
    Band,
}

const ROLES: [Role; 13] = [
    Role::Ink,
    Role::Muted,
    Role::Grid,
    Role::Axis,
    Role::S1,
    Role::S2,
    Role::S3,
    Role::S4,
    Role::Accent,
    Role::AccentDash,
    Role::MutedDash,
    Role::S2Dash,
    Role::Band,
];

impl Role {
    /// The colour plotters draws the role in, swapped out by [`finish`].
    pub fn sentinel(self) -> RGBColor {
        let i = ROLES.iter().position(|r| *r == self).unwrap_or(0);
        RGBColor(1, 2, 3 + i as u8)
    }

    /// The class suffix.
    pub fn name(self) -> &'static str {
        match self {
            Role::Ink => "ink",
            Role::Muted => "muted",
            Role::Grid => "grid",
            Role::Axis => "axis",
            Role::S1 => "s1",
            Role::S2 | Role::S2Dash => "s2",
            Role::S3 => "s3",
            Role::S4 => "s4",
            Role::Accent | Role::AccentDash => "accent",
            Role::MutedDash => "muted",
            Role::Band => "band",
        }
    }

    /// The light-theme colour of the role called `name` (a legend's
    /// `s1`, `accent`...), for a reader with no stylesheet: the PDF.
    pub fn colour_of(name: &str, accent: &str) -> Option<String> {
        ROLES
            .iter()
            .find(|r| r.name() == name)
            .map(|r| r.colour(accent))
    }

    /// The light-theme colour, used where no stylesheet applies.
    fn colour(self, accent: &str) -> String {
        match self {
            Role::Ink => "#1F2328",
            Role::Muted | Role::MutedDash => "#5F6670",
            Role::Grid => "#E3E6EA",
            Role::Axis => "#9AA1AA",
            Role::S1 => "#0072B2",
            Role::S2 | Role::S2Dash => "#E69F00",
            Role::S3 => "#009E73",
            Role::S4 => "#D55E00",
            Role::Accent | Role::AccentDash => return accent.to_string(),
            Role::Band => "#EEF1F4",
        }
        .to_string()
    }

    fn dash(self) -> Option<&'static str> {
        match self {
            Role::AccentDash | Role::S2Dash => Some("7 5"),
            Role::MutedDash => Some("4 4"),
            _ => None,
        }
    }

    fn from_hex(hex: &str) -> Option<Role> {
        let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
        let (r, g, b) = (byte(1)?, byte(3)?, byte(5)?);
        if (r, g) != (1, 2) {
            return None;
        }
        ROLES.get(usize::from(b.checked_sub(3)?)).copied()
    }
}

/// Who a chart is and what it says, for its `<title>` and `<desc>`.
#[derive(Debug, Clone)]
pub struct Frame<'a> {
    /// Unique on the page: the SVG's title and desc ids derive from it.
    pub id: &'a str,
    /// Short title.
    pub title: &'a str,
    /// One or two sentences saying what the chart shows and its main point.
    pub desc: &'a str,
    /// The brand colour (`#rrggbb`).
    pub accent: &'a str,
}

/// Turn plotters' SVG into the page's: roles to classes and colours, the
/// title and description first, accessible attributes on the root, and
/// shorter numbers.
pub(crate) fn finish(raw: &str, frame: &Frame) -> String {
    let mut out = String::with_capacity(raw.len() + 512);
    let mut rest = raw;
    let mut first = true;
    while let Some(start) = rest.find('<') {
        out.push_str(rest[..start].trim());
        let Some(len) = rest[start..].find('>') else {
            break;
        };
        let tag = &rest[start..start + len + 1];
        rest = &rest[start + len + 1..];
        if first && tag.starts_with("<svg") {
            first = false;
            let id = crate::html::escape(frame.id);
            let _ = write!(
                out,
                "{} class=\"chart-svg\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">\
                 <title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
                tag.trim_end_matches('>'),
                crate::html::escape(frame.title),
                crate::html::escape(frame.desc)
            );
            continue;
        }
        out.push_str(&retag(tag, frame.accent));
        if tag.starts_with("</") || tag.ends_with("/>") {
            out.push('\n');
        }
    }
    out
}

/// One tag with its sentinel colours resolved.
fn retag(tag: &str, accent: &str) -> String {
    let mut t = if tag.contains(" opacity=\"1\"") {
        tag.replace(" opacity=\"1\"", "")
    } else {
        tag.to_string()
    };
    let mut classes = Vec::new();
    let mut dash = None;
    for (attr, key, prefix) in [("fill", " fill=\"#", "cf"), ("stroke", " stroke=\"#", "cs")] {
        let Some(at) = t.find(key) else { continue };
        let from = at + key.len() - 1;
        let hex = t[from..].get(..7).unwrap_or_default().to_string();
        if let Some(role) = Role::from_hex(&hex) {
            t.replace_range(from..from + 7, &role.colour(accent));
            classes.push(format!("{prefix}-{}", role.name()));
            if attr == "stroke" {
                dash = dash.or(role.dash());
            }
        }
    }
    if let Some(at) = t.find(" font-size=\"") {
        let from = at + " font-size=\"".len();
        let len = t[from..].find('"').unwrap_or(0);
        if let Ok(size) = t[from..from + len].parse::<f64>() {
            t.replace_range(
                from..from + len,
                &format!("{}", (size * 10.0).round() / 10.0),
            );
        }
    }
    if classes.is_empty() && dash.is_none() {
        return t;
    }
    let close = if t.ends_with("/>") { 2 } else { 1 };
    let at = t.len() - close;
    let mut extra = String::new();
    if !classes.is_empty() {
        let _ = write!(extra, " class=\"{}\"", classes.join(" "));
    }
    if let Some(d) = dash {
        let _ = write!(extra, " stroke-dasharray=\"{d}\"");
    }
    t.insert_str(at, &extra);
    t
}

/// Draw onto an SVG canvas `WIDTH` x `height` with `draw`, then give the
/// result its title, description and theme classes ([`finish`]): the
/// lines, bars and spread charts all render through this.
pub(crate) fn draw_svg<E>(
    frame: &Frame,
    height: u32,
    draw: impl FnOnce(
        &plotters::drawing::DrawingArea<plotters::prelude::SVGBackend, plotters::coord::Shift>,
    ) -> Result<(), E>,
) -> String {
    use plotters::prelude::*;
    ready();
    let mut raw = String::new();
    {
        let root = SVGBackend::with_string(&mut raw, (WIDTH, height)).into_drawing_area();
        // A drawing error leaves a partial chart; the page still has its table.
        let _ = draw(&root);
        let _ = root.present();
    }
    finish(&raw, frame)
}

/// A chart with nothing to plot yet: its frame and `message` in the middle,
/// so that it reads as empty on purpose, not broken.
pub(crate) fn empty(frame: &Frame, message: &str, height: u32) -> String {
    use plotters::prelude::*;
    use plotters::style::text_anchor::{HPos, Pos, VPos};
    ready();
    let mut raw = String::new();
    {
        let root = SVGBackend::with_string(&mut raw, (WIDTH, height)).into_drawing_area();
        let (w, h) = (WIDTH as i32, height as i32);
        let _ = root.draw(&Rectangle::new(
            [(1, 1), (w - 2, h - 2)],
            Role::Grid.sentinel().stroke_width(1),
        ));
        let _ = root.draw(&Text::new(
            message.to_string(),
            (w / 2, h / 2),
            label_font(Role::Muted).pos(Pos::new(HPos::Center, VPos::Center)),
        ));
        let _ = root.present();
    }
    finish(&raw, frame)
}

/// The font of labels in a role's colour.
pub(crate) fn label_font(role: Role) -> plotters::style::TextStyle<'static> {
    use plotters::style::IntoFont;
    (FAMILY, LABEL).into_font().color(&role.sentinel())
}

/// The plot of every chart: numbers on both axes.
pub(crate) type Plot<'a, DB> = plotters::chart::ChartContext<
    'a,
    DB,
    plotters::coord::cartesian::Cartesian2d<
        plotters::coord::types::RangedCoordf64,
        plotters::coord::types::RangedCoordf64,
    >,
>;

/// What a drawing step returns: the first error stops the chart, which
/// [`draw_svg`] then ships as far as it got.
pub(crate) type Drawn<DB> = Result<
    (),
    plotters::drawing::DrawingAreaErrorKind<<DB as plotters::prelude::DrawingBackend>::ErrorType>,
>;

/// A straight line from `from` to `to`, in plot coordinates: an axis at
/// zero, a target, a whisker.
pub(crate) fn segment<DB: plotters::prelude::DrawingBackend>(
    plot: &mut Plot<DB>,
    from: (f64, f64),
    to: (f64, f64),
    style: impl Into<plotters::style::ShapeStyle>,
) -> Drawn<DB> {
    let path = plotters::element::PathElement::new(vec![from, to], style);
    plot.draw_series(std::iter::once(path)).map(|_| ())
}

/// A label in a role's colour, anchored by `pos` at `at` in canvas pixels.
pub(crate) fn label<DB: plotters::prelude::DrawingBackend>(
    root: &plotters::drawing::DrawingArea<DB, plotters::coord::Shift>,
    text: &str,
    at: (i32, i32),
    role: Role,
    pos: (
        plotters::style::text_anchor::HPos,
        plotters::style::text_anchor::VPos,
    ),
) -> Drawn<DB> {
    use plotters::style::text_anchor::Pos;
    let style = label_font(role).pos(Pos::new(pos.0, pos.1));
    root.draw(&plotters::element::Text::new(text.to_string(), at, style))
}

/// The grid and numbered x axis of a chart that has no y axis (bars,
/// spread): `ticks` labels written by `format`.
pub(crate) fn x_mesh<DB: plotters::prelude::DrawingBackend>(
    plot: &mut Plot<DB>,
    ticks: usize,
    format: &dyn Fn(f64) -> String,
) -> Drawn<DB> {
    let x_fmt = |v: &f64| format(*v);
    plot.configure_mesh()
        .disable_y_mesh()
        .disable_y_axis()
        .max_light_lines(0)
        .bold_line_style(Role::Grid.sentinel())
        .axis_style(Role::Axis.sentinel())
        .label_style(label_font(Role::Muted))
        .x_labels(ticks)
        .x_label_formatter(&x_fmt)
        .draw()
}

/// Round `max` up to 1, 2, 2.5 or 5 times a power of ten, for an axis end.
pub(crate) fn nice_ceil(max: f64) -> f64 {
    if max <= 0.0 || !max.is_finite() {
        return 0.0;
    }
    let p = 10f64.powf(max.log10().floor());
    for m in [1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0] {
        if m * p >= max * (1.0 - 1e-9) {
            return m * p;
        }
    }
    10.0 * p
}

/// How wide the widest label of a y axis from `bottom` to `top` is, in
/// canvas pixels: of the ticks plotters puts on it (asked for `labels` of
/// them), its ends and its middle. "500 тыс. ₽" between 0 and "2 млн ₽" is
/// wider than either end.
pub(crate) fn widest_label(
    (bottom, top): (f64, f64),
    labels: usize,
    fmt: &dyn Fn(f64) -> String,
) -> u32 {
    use plotters::coord::ranged1d::Ranged;
    use plotters::coord::types::RangedCoordf64;
    let ticks = RangedCoordf64::from(bottom..top).key_points(labels);
    (ticks.into_iter().chain([bottom, top, (bottom + top) / 2.0]))
        .map(|v| text_width(&fmt(v)))
        .max()
        .unwrap_or(40)
}

/// How wide a label is, in canvas pixels, with a fifth to spare for a
/// reader's wider font or a stylesheet's larger size.
pub(crate) fn text_width(text: &str) -> u32 {
    use plotters::style::IntoFont;
    ready();
    let w = (FAMILY, LABEL)
        .into_font()
        .box_size(text)
        .map(|(w, _)| w)
        .unwrap_or((text.chars().count() as u32) * 8);
    w + w / 5
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swaps_sentinels_for_classes_and_colours() {
        let s = Role::S1.sentinel();
        let hex = format!("#{:02X}{:02X}{:02X}", s.0, s.1, s.2);
        let raw = format!(
            "<svg width=\"10\" height=\"10\">\n<line opacity=\"1\" stroke=\"{hex}\" x1=\"0\"/>\n<text font-size=\"12.096774\" fill=\"#123456\">\na &lt; b\n</text>\n</svg>\n"
        );
        let frame = Frame {
            id: "c",
            title: "T <1>",
            desc: "D",
            accent: "#8a4b2a",
        };
        let out = finish(&raw, &frame);
        assert!(
            out.starts_with("<svg width=\"10\" height=\"10\" class=\"chart-svg\" role=\"img\"")
        );
        assert!(
            out.contains("<title id=\"c-title\">T &lt;1&gt;</title><desc id=\"c-desc\">D</desc>")
        );
        assert!(out.contains("<line stroke=\"#0072B2\" x1=\"0\" class=\"cs-s1\"/>"));
        assert!(out.contains("<text font-size=\"12.1\" fill=\"#123456\">a &lt; b</text>"));
    }

    #[test]
    fn dashed_roles_get_a_dash_array() {
        let s = Role::AccentDash.sentinel();
        let raw = format!(
            "<svg><polyline stroke=\"#{:02X}{:02X}{:02X}\" points=\"0,0 1,1\"/></svg>",
            s.0, s.1, s.2
        );
        let frame = Frame {
            id: "c",
            title: "",
            desc: "",
            accent: "#8a4b2a",
        };
        assert!(finish(&raw, &frame).contains(
            "<polyline stroke=\"#8a4b2a\" points=\"0,0 1,1\" class=\"cs-accent\" stroke-dasharray=\"7 5\"/>"
        ));
    }

    #[test]
    fn an_empty_chart_says_so() {
        let frame = Frame {
            id: "e",
            title: "T",
            desc: "Nothing yet.",
            accent: "#8a4b2a",
        };
        let svg = empty(&frame, "No data yet", 200);
        assert!(svg.contains(">No data yet</text>") && svg.contains("<desc id=\"e-desc\">"));
    }

    #[test]
    fn rounds_axis_ends_up() {
        assert_eq!(nice_ceil(0.067), 0.08);
        assert_eq!(nice_ceil(1.41), 1.5);
        assert_eq!(nice_ceil(0.0), 0.0);
        assert_eq!(nice_ceil(97095.9), 100000.0);
    }
}
