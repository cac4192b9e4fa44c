//! A trend line small enough to sit in a headline figure: the figure's
//! last months as one line, its latest point marked, with a title and a
//! description for a screen reader. Plain SVG (no script, no font), coloured
//! by the stylesheet.

use std::fmt::Write;

/// Canvas width and height.
const W: f64 = 96.0;
const H: f64 = 28.0;
/// Room kept around the line for its stroke and the last point's mark.
const PAD: f64 = 3.0;

/// The trend line of `values` (oldest first; `None` leaves a gap), with
/// its element `id`, `title` and `desc`; empty when fewer than two values
/// are known.
pub(crate) fn spark(id: &str, values: &[Option<f64>], title: &str, desc: &str) -> String {
    let known: Vec<(usize, f64)> = (values.iter().enumerate())
        .filter_map(|(i, v)| v.filter(|v| v.is_finite()).map(|v| (i, v)))
        .collect();
    if known.len() < 2 {
        return String::new();
    }
    let lo = known.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let hi = known.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    let span = if hi > lo { hi - lo } else { 1.0 };
    let last = (values.len() - 1).max(1) as f64;
    let at = |(i, v): (usize, f64)| {
        let x = PAD + (W - 2.0 * PAD) * i as f64 / last;
        // A flat line runs through the middle.
        let y = match hi > lo {
            true => H - PAD - (H - 2.0 * PAD) * (v - lo) / span,
            false => H / 2.0,
        };
        (x, y)
    };
    let esc = crate::html::escape;
    let mut svg = format!(
        "<svg class=\"spark\" width=\"{W}\" height=\"{H}\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\"><title id=\"{id}-t\">{}</title><desc id=\"{id}-d\">{}</desc>",
        esc(title),
        esc(desc)
    );
    // One polyline per run of known values: an unknown month is a gap.
    let mut run: Vec<(f64, f64)> = Vec::new();
    let mut prev: Option<usize> = None;
    let flush = |run: &mut Vec<(f64, f64)>, svg: &mut String| {
        if run.len() > 1 {
            let points: Vec<String> = run.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
            let _ = write!(
                svg,
                "<polyline class=\"spark-line\" fill=\"none\" points=\"{}\"/>",
                points.join(" ")
            );
        }
        run.clear();
    };
    for &(i, v) in &known {
        if prev.is_some_and(|p| p + 1 != i) {
            flush(&mut run, &mut svg);
        }
        run.push(at((i, v)));
        prev = Some(i);
    }
    flush(&mut run, &mut svg);
    if let Some(&p) = known.last() {
        let (x, y) = at(p);
        let _ = write!(
            svg,
            "<circle class=\"spark-dot\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"2.5\"/>"
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_a_line_from_oldest_to_latest_with_the_latest_marked() {
        let s = spark(
            "roi",
            &[Some(0.1), Some(0.3), Some(0.2)],
            "ROI",
            "from 10% to 20%",
        );
        assert!(s.starts_with("<svg class=\"spark\""));
        assert!(
            s.contains("<title id=\"roi-t\">ROI</title><desc id=\"roi-d\">from 10% to 20%</desc>")
        );
        // The lowest value at the bottom, the highest at the top.
        assert!(s.contains("points=\"3.0,25.0 48.0,3.0 93.0,14.0\""), "{s}");
        assert!(s.contains("<circle class=\"spark-dot\" cx=\"93.0\" cy=\"14.0\""));
    }

    #[test]
    fn an_unknown_month_is_a_gap_and_fewer_than_two_values_draw_nothing() {
        let s = spark(
            "c",
            &[Some(1.0), Some(2.0), None, Some(3.0), Some(4.0)],
            "t",
            "d",
        );
        assert_eq!(s.matches("<polyline").count(), 2);
        assert_eq!(spark("c", &[None, Some(1.0)], "t", "d"), "");
        // A flat line runs through the middle.
        assert!(spark("c", &[Some(5.0), Some(5.0)], "t", "d").contains("3.0,14.0 93.0,14.0"));
        // Titles are escaped.
        assert!(spark("c", &[Some(1.0), Some(2.0)], "a<b", "d").contains("a&lt;b"));
    }
}
