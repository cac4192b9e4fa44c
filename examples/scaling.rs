//! Draw the scaling benchmark's results (`benches/scaling.sh`) with roster's
//! own line charts: the cost of a build per 100,000 input rows at 1x, 2x,
//! 4x and 8x the rows. Flat lines are a cost that grows linearly.
//!
//!   cargo run --release --example scaling -- RESULTS.csv OUT_DIR
//!
//! RESULTS.csv has a header and one line per size:
//! `scale,clients,rows,wall_s,cpu_s,peak_mb`. Writes `scaling-time.svg` and
//! `scaling-memory.svg` into OUT_DIR.

use std::path::PathBuf;

use roster::internals::charts::line::{LineChart, Marker, Series, render};
use roster::internals::charts::{Frame, Role};

struct Size {
    scale: u32,
    clients: u32,
    rows: f64,
    wall: f64,
    cpu: f64,
    peak: f64,
}

fn read(path: &PathBuf) -> Vec<Size> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("error: {}: {e}", path.display());
        std::process::exit(2)
    });
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<f64> = l
                .split(',')
                .map(|v| v.trim().parse().unwrap_or(f64::NAN))
                .collect();
            Size {
                scale: f[0] as u32,
                clients: f[1] as u32,
                rows: f[2],
                wall: f[3],
                cpu: f[4],
                peak: f[5],
            }
        })
        .collect()
}

/// The least-squares line through (rows, peak MB): its intercept, the
/// memory a build needs whatever its rows.
fn intercept(sizes: &[Size]) -> f64 {
    let n = sizes.len() as f64;
    let (sx, sy) = sizes
        .iter()
        .fold((0.0, 0.0), |(a, b), s| (a + s.rows, b + s.peak));
    let (mx, my) = (sx / n, sy / n);
    let (num, den) = sizes.iter().fold((0.0, 0.0), |(a, b), s| {
        (a + (s.rows - mx) * (s.peak - my), b + (s.rows - mx).powi(2))
    });
    my - num / den * mx
}

fn chart(
    id: &str,
    title: &str,
    desc: &str,
    series: Vec<Series>,
    sizes: &[Size],
    unit: &str,
) -> String {
    let x_name = format!(
        "rows, against {} clients' {:.0}k",
        sizes[0].clients,
        sizes[0].rows / 1000.0
    );
    let labels = sizes
        .iter()
        .enumerate()
        .map(|(i, s)| (i as i64 + 1, format!("{}x", s.scale)))
        .collect();
    let unit = unit.to_string();
    let format = move |v: f64| format!("{v:.2} {unit}");
    render(&LineChart {
        frame: Frame {
            id,
            title,
            desc,
            accent: "#1f5f8b",
        },
        height: 300,
        series,
        x_name: &x_name,
        x_labels: labels,
        y_format: &format,
        highlight: None,
    })
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [results, out] = &args[..] else {
        eprintln!("usage: scaling RESULTS.csv OUT_DIR");
        std::process::exit(2)
    };
    let sizes = read(&PathBuf::from(results));
    if sizes.len() < 2 {
        eprintln!("error: {results}: fewer than two sizes");
        std::process::exit(2)
    }
    let per = |f: &dyn Fn(&Size) -> f64| -> Vec<(f64, Option<f64>)> {
        sizes
            .iter()
            .enumerate()
            .map(|(i, s)| (i as f64 + 1.0, Some(f(s) / s.rows * 100_000.0)))
            .collect()
    };
    let base = intercept(&sizes);
    let time = chart(
        "scaling-time",
        "Build time per 100,000 rows",
        "Wall and CPU seconds of a whole build per 100,000 input rows, site on tmpfs, at 1x, 2x, 4x and 8x the rows: flat lines are a cost that grows in proportion to the rows.",
        vec![
            Series::new(Role::S1, Marker::Circle, per(&|s| s.wall)),
            Series::new(Role::S2, Marker::Square, per(&|s| s.cpu)),
        ],
        &sizes,
        "s",
    );
    let desc = format!(
        "Peak memory of a whole build less the {base:.0} MB every build needs (the least-squares line's intercept), per 100,000 input rows, at 1x, 2x, 4x and 8x the rows."
    );
    let memory = chart(
        "scaling-memory",
        "Memory per 100,000 rows",
        &desc,
        vec![Series::new(
            Role::S3,
            Marker::Circle,
            per(&|s| s.peak - base),
        )],
        &sizes,
        "MB",
    );
    let out = PathBuf::from(out);
    for (name, svg) in [("scaling-time.svg", time), ("scaling-memory.svg", memory)] {
        let path = out.join(name);
        if let Err(e) = std::fs::write(&path, svg) {
            eprintln!("error: {}: {e}", path.display());
            std::process::exit(2)
        }
        println!("wrote {}", path.display());
    }
    println!("fixed memory (intercept): {base:.0} MB");
}
