//! What a build publishes reads nothing of the machine, runs nothing and
//! loads nothing: templates that call for the environment, formulas heading
//! a CSV column, assets that run in a browser, themes that load from the
//! network and post addresses that are not web addresses.

use std::fs;

use std::process::Command;

use crate::bad_input::{Edit, POSTS, ROSTER, base, check};
use crate::common::{Fixture, all_text, downloads};

const LOGO: &str = "clients/lumen/assets/logo.svg";

/// Every file of the built site as text, joined.
fn site_text(fx: &Fixture) -> String {
    all_text(&fx.out())
}

/// Every CSV download of every page of the built site: (page, name, text).
fn all_downloads(fx: &Fixture) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(fx.out()).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.file_name() == "index.html" {
            let html = fs::read_to_string(entry.path()).unwrap();
            for (name, bytes) in downloads(&html) {
                let page = entry.path().display().to_string();
                out.push((page, name, String::from_utf8(bytes).unwrap()));
            }
        }
    }
    out
}

#[test]
fn a_template_reading_the_environment_is_refused_at_its_call() {
    let fx = base();
    fx.write(
        "templates/base.html",
        &include_str!("../templates/base.html").replacen(
            "<body",
            "{{ get_env(name=\"ROSTER_TEST_SECRET\") }}\n<body",
            1,
        ),
    );
    let line = fs::read_to_string(fx.path("templates/base.html"))
        .unwrap()
        .lines()
        .position(|l| l.contains("get_env"))
        .unwrap()
        + 1;
    check(
        &fx,
        1,
        &[(
            "error: template base.html calls `get_env()`, which templates may not call",
            &format!("templates/base.html:{line}:4"),
            "templates may call only range() and throw(): a page shows what the portfolio holds, never the machine that builds it (docs/themes.md)",
        )],
    );
    let run = Command::new(env!("CARGO_BIN_EXE_roster"))
        .args(["build", ".", "--output", fx.out().to_str().unwrap()])
        .current_dir(&fx.root)
        .env("NO_COLOR", "1")
        .env("ROSTER_TEST_SECRET", "hunter2-token")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("hunter2-token"), "{stderr}");
    assert!(!fx.out().exists() || !site_text(&fx).contains("hunter2-token"));
}

#[test]
fn a_market_named_as_a_formula_heads_no_column_raw() {
    let fx = Fixture::sample();
    fx.replace(
        "clients/kestrel-coffee/client.yaml",
        "name: United States",
        "name: \"=HYPERLINK(\\\"https://x.example\\\",\\\"US\\\")\"",
    );
    let run = fx.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut headed = 0;
    for (page, name, text) in all_downloads(&fx) {
        for (i, line) in text.lines().enumerate() {
            for field in line.split(',') {
                let field = field.trim_start_matches(['\u{feff}', '"']);
                assert!(
                    !field.starts_with("=HYPERLINK"),
                    "{page}: {name}, line {}: {line}",
                    i + 1
                );
                headed += usize::from(i == 0 && field.starts_with("'=HYPERLINK"));
            }
        }
    }
    assert!(headed > 0, "no CSV file is headed by the market");
}

#[test]
fn assets_that_run_are_refused_by_name_and_place() {
    let fx = base();
    fx.write(
        "clients/lumen/assets/promo.html",
        "<script>alert(1)</script>",
    );
    fx.write("clients/lumen/assets/js/app.JS", "alert(1)");
    fx.write(
        "clients/lumen/assets/badge.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <circle r=\"4\"\n    onload=\"fetch('/x')\"/>\n</svg>\n",
    );
    fx.write(
        "clients/lumen/assets/mark.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"jav&#x61;script:alert(1)\"><text>x</text></a></svg>\n",
    );
    let runs = "assets are published on the site's own address, where a script would run with the reports' rights";
    check(
        &fx,
        1,
        &[
            (
                "error: this SVG holds an event handler `onload`, which runs in the reader's browser when the file is opened",
                "clients/lumen/assets/badge.svg:3:5",
                &format!("remove it, or export the drawing again as a plain SVG or a PNG; {runs}"),
            ),
            (
                "error: a .js file runs in the reader's browser when opened, so it is not published",
                "clients/lumen/assets/js/app.JS",
                &format!(
                    "assets/ may hold images, fonts, PDFs and other files that only show; {runs}; move it out of assets/"
                ),
            ),
            (
                "error: this SVG holds a `javascript:` address, which runs in the reader's browser when the file is opened",
                "clients/lumen/assets/mark.svg:1:50",
                &format!("remove it, or export the drawing again as a plain SVG or a PNG; {runs}"),
            ),
            (
                "error: a .html file runs in the reader's browser when opened, so it is not published",
                "clients/lumen/assets/promo.html",
                &format!(
                    "assets/ may hold images, fonts, PDFs and other files that only show; {runs}; move it out of assets/"
                ),
            ),
        ],
    );
}

#[test]
fn a_plain_svg_logo_is_published_and_shown_as_an_image() {
    let fx = base();
    let run = fx.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let logo = fs::read(fx.out().join("lumen/assets/logo.svg")).unwrap();
    assert_eq!(logo, fs::read(fx.path(LOGO)).unwrap());
    let page = fs::read_to_string(fx.out().join("lumen/index.html")).unwrap();
    assert!(page.contains("<img") && page.contains("assets/logo.svg"));
}

#[test]
fn a_theme_that_loads_from_the_network_is_refused_at_its_line() {
    let fx = base();
    fx.append(ROSTER, "theme: house\n");
    fx.write(
        "themes/house/style.css",
        "/* @import url(https://commented.example/out.css); */\n@import url(\"https://fonts.example/css?family=Inter\");\nbody { background: url(data:image/png;base64,AAAA); }\nh1 { background-image: url( '//cdn.example/h.png' ); }\n",
    );
    let help = "pages load nothing from the network: copy the file into the stylesheet as a `data:` address, or use the fonts and images the reader's system has";
    check(
        &fx,
        1,
        &[
            (
                "error: the stylesheet loads from the network: `@import`",
                "themes/house/style.css:2:1",
                help,
            ),
            (
                "error: the stylesheet loads from the network: `url( '//cdn.example/h.png' )`",
                "themes/house/style.css:4:24",
                help,
            ),
        ],
    );
}

#[test]
fn a_post_address_that_is_not_a_web_address_is_a_warning_at_its_cell() {
    let fx = base();
    fx.replace(POSTS, "320.50,USD,\n", "320.50,USD,javascript:alert(1)\n");
    check(
        &fx,
        0,
        &[(
            "warning: `url` must be an http or https address, found \"javascript:alert(1)\"; the post is shown without its link",
            "clients/lumen/metrics/posts.csv:2:70",
            "write the post's address as it shows in the browser, starting with https://",
        )],
    );
    let run = fx.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!site_text(&fx).contains("javascript:"));
}
