//! Micro-benchmarks of the pipeline's stages: loading, the model, the
//! analytics, one chart, rendering every client's pages, and one monthly
//! report's PDF.
//!
//! ```text
//! cargo bench --bench pipeline
//! ROSTER_BENCH_PORTFOLIO=/tmp/p cargo bench --bench pipeline   # another portfolio
//! ```
//!
//! The portfolio is the project's generator's `--seed 42 --clients 5
//! --partnerships 20 --months 6` (about 1,700 posts), written once into
//! `target/bench-portfolio/` by running the generator example through cargo,
//! so a fresh clone needs nothing but `cargo bench`. The whole-process
//! figures (wall time, peak memory at three sizes) come from
//! `benches/build-sizes.sh`; docs/performance.md records both.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use roster::internals::analytics;
use roster::internals::charts::Role;
use roster::internals::charts::line::{self, LineChart, Marker, Series};
use roster::internals::diagnostics::Diagnostics;
use roster::internals::load;
use roster::internals::pdf::{Report, Typesetter};
use roster::internals::pipeline::{self, Computed};
use roster::internals::progress::Progress;
use roster::internals::render::Renderer;
use roster::internals::resolve::{self, Overrides};
use roster::internals::view::pages::{Ctx, month};

/// The generator's arguments for the benchmark portfolio.
const SIZE: [&str; 8] = [
    "--seed",
    "42",
    "--clients",
    "5",
    "--partnerships",
    "20",
    "--months",
    "6",
];

/// The portfolio to measure: `ROSTER_BENCH_PORTFOLIO`, or the generated one.
fn portfolio() -> PathBuf {
    if let Some(dir) = std::env::var_os("ROSTER_BENCH_PORTFOLIO") {
        return dir.into();
    }
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = manifest.join("target/bench-portfolio/s42-c5-p20-m6");
    if dir.join("roster.yaml").is_file() {
        return dir;
    }
    // Generate beside it and rename, so an interrupted run leaves no half.
    let partial = dir.with_extension("partial");
    let _ = std::fs::remove_dir_all(&partial);
    let status = Command::new(env!("CARGO"))
        .args(["run", "--release", "--quiet", "--example", "generate"])
        .arg("--manifest-path")
        .arg(manifest.join("Cargo.toml"))
        .arg("--")
        .args(SIZE)
        .arg("--out")
        .arg(&partial)
        .status()
        .expect("cargo runs the generator");
    assert!(status.success(), "the generator failed");
    std::fs::rename(&partial, &dir).expect("the generated portfolio is moved into place");
    dir
}

fn stages(c: &mut Criterion) {
    let root = portfolio();
    let mut diags = Diagnostics::new();
    let raw = load::portfolio(&root, None, &mut diags);
    let overrides = Overrides::default();
    let model = resolve::portfolio(&raw, &overrides, &mut diags).expect("the portfolio builds");
    assert!(!diags.has_errors(), "the benchmark portfolio has errors");

    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("load", |b| {
        b.iter(|| load::portfolio(black_box(&root), None, &mut Diagnostics::new()))
    });
    group.bench_function("model", |b| {
        b.iter(|| resolve::portfolio(black_box(&raw), &overrides, &mut Diagnostics::new()))
    });
    group.bench_function("analytics", |b| {
        b.iter(|| {
            model
                .clients
                .iter()
                .map(|client| analytics::client(client, &model.settings, model.as_of))
                .collect::<Vec<_>>()
        })
    });
    let figures = model
        .clients
        .iter()
        .map(|client| analytics::client(client, &model.settings, model.as_of))
        .collect();
    let computed = Computed {
        portfolio: model,
        figures,
    };
    // Compiled once, as a build compiles the templates once for every page.
    let renderer = Renderer::compile(&raw.looks, &mut diags).expect("the templates compile");
    let pdf = roster::internals::pdf::Reports::new();
    let renderers = pipeline::Renderers {
        html: &renderer,
        pdf: &pdf,
    };
    group.bench_function("render", |b| {
        b.iter(|| {
            pipeline::render_clients(
                black_box(&computed),
                renderers,
                None,
                &Progress::hidden(),
                &mut Diagnostics::new(),
                pipeline::in_memory,
            )
        })
    });
    group.finish();
}

fn chart(c: &mut Criterion) {
    let percent = |y: f64| format!("{:.1}%", y * 100.0);
    let months: Vec<(i64, String)> = (1..=12).map(|m| (m, format!("2026-{m:02}"))).collect();
    let series = |role, marker, scale: f64| {
        let points = (1..=12)
            .map(|m| (m as f64, Some(scale * (1.0 + (m as f64 / 3.0).sin() / 4.0))))
            .collect();
        Series::new(role, marker, points)
    };
    c.bench_function("chart/line, 2 series of 12 months", |b| {
        b.iter(|| {
            line::render(&LineChart {
                frame: roster::internals::charts::Frame {
                    id: "bench",
                    title: "Engagement rate by month",
                    desc: "Retainers against one-offs, month by month.",
                    accent: "#8a4b2a",
                },
                height: 260,
                series: vec![
                    series(Role::S1, Marker::Circle, 0.04),
                    series(Role::S2, Marker::Triangle, 0.03),
                ],
                x_name: "Month",
                x_labels: months.clone(),
                y_format: &percent,
                highlight: Some(12.0),
            })
        })
    });
}

/// One monthly report's PDF, from its page's figures to the file's bytes:
/// the typesetter set up once, as a build sets it up once, and its memo
/// cache emptied first, since a build's reports are all different.
fn pdf(c: &mut Criterion) {
    let root = portfolio();
    let computed = pipeline::compute(&root, &Overrides::default(), &mut Diagnostics::new())
        .expect("the portfolio builds");
    let portfolio = &computed.portfolio;
    let (client, figures) = (&portfolio.clients[0], &computed.figures[0]);
    let ctx = Ctx::new(portfolio, client, figures);
    let i = ctx.months.len() - 1;
    let page = month::build(&ctx, i);
    let report = Report::of(&ctx, ctx.months[i], &page);
    let typesetter = Typesetter::new().expect("the typesetter starts");
    c.bench_function("pdf/the latest monthly report", |b| {
        b.iter(|| {
            comemo::evict(0);
            typesetter.month_report(black_box(&report))
        })
    });
}

criterion_group!(benches, stages, chart, pdf);
criterion_main!(benches);
