//! The report site: snapshots of each page type on the sample portfolio, links
//! and images that resolve, byte-identical rebuilds, notes and names that
//! arrive inert, CSV files beside every table, both languages, and the
//! portfolio's own templates and themes.

use std::path::{Path, PathBuf};

use crate::common::{Fixture, downloads, tree};

fn built_sample() -> Fixture {
    let fx = Fixture::sample();
    let run = fx.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    fx
}

fn read(fx: &Fixture, rel: &str) -> String {
    std::fs::read_to_string(fx.out().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// A page for a snapshot: each inline chart keeps its title and description
/// but not its drawing (the chart tests and the rebuild test cover those),
/// and each table's CSV link is decoded, so that a change to a table reads
/// as the rows that changed (`every_table_carries_its_csv...` checks the
/// links themselves).
fn readable(html: &str) -> String {
    decoded_csv(&without_drawings(html))
}

/// `html` with the base64 of each CSV link written out as its text.
fn decoded_csv(html: &str) -> String {
    use base64::Engine as _;
    const LINK: &str = "data:text/csv;charset=utf-8;base64,";
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find(LINK) {
        out.push_str(&rest[..start]);
        let data = &rest[start + LINK.len()..];
        let end = data.find('"').unwrap_or(data.len());
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(&data[..end])
            .unwrap_or_else(|e| panic!("a CSV link that is no base64: {e}"));
        let text = String::from_utf8(bytes).expect("a CSV link in UTF-8");
        out.push_str("csv:\n");
        out.push_str(text.trim_start_matches('\u{feff}'));
        rest = &data[end..];
    }
    out.push_str(rest);
    out
}

fn without_drawings(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<svg") {
        out.push_str(&rest[..start]);
        let end = rest[start..]
            .find("</svg>")
            .map_or(rest.len(), |e| start + e + 6);
        let svg = &rest[start..end];
        let keep = |tag: &str| {
            let open = svg.find(&format!("<{tag} "))?;
            let close = svg.find(&format!("</{tag}>"))?;
            Some(svg[open..close + tag.len() + 3].to_string())
        };
        out.push_str(&format!(
            "<svg>{}{}<!-- {} marks --></svg>",
            keep("title").unwrap_or_default(),
            keep("desc").unwrap_or_default(),
            svg.matches("/>").count()
        ));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Attribute values of `name` in every tag of `html`.
fn attributes(html: &str, name: &str) -> Vec<String> {
    let key = format!(" {name}=\"");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(&key) {
        let from = at + key.len();
        let len = rest[from..].find('"').unwrap_or(0);
        out.push(rest[from..from + len].replace("&amp;", "&"));
        rest = &rest[from + len..];
    }
    out
}

/// The ids of a page.
fn ids(html: &str) -> Vec<String> {
    attributes(html, "id")
}

/// Every HTML page under `dir`.
fn pages(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    v.sort();
    v
}

#[test]
fn page_snapshots() {
    let fx = built_sample();
    for (name, rel) in [
        ("overview_en", "kestrel-coffee/index.html"),
        ("overview_ru", "polyn/index.html"),
        ("month_en", "kestrel-coffee/reports/2026-10/index.html"),
        ("month_ru", "polyn/reports/2026-08/index.html"),
        (
            "partnership_en",
            "kestrel-coffee/partnerships/tyler-brooks/index.html",
        ),
        (
            "partnership_ru",
            "polyn/partnerships/vera-sokolova/index.html",
        ),
        (
            "partnership_one_off",
            "kestrel-coffee/partnerships/sam-whitaker/index.html",
        ),
        ("market_en", "kestrel-coffee/markets/us/index.html"),
        ("market_ru", "polyn/markets/kz/index.html"),
        ("commitments_en", "kestrel-coffee/commitments/index.html"),
        ("commitments_ru", "polyn/commitments/index.html"),
        ("site_index", "index.html"),
    ] {
        insta::assert_snapshot!(format!("page_{name}"), readable(&read(&fx, rel)));
    }
    insta::assert_snapshot!("csv_roster_en", fx.csv("kestrel-coffee/roster.csv"));
    insta::assert_snapshot!("csv_month_ru", fx.csv("polyn/reports/2026-10/month.csv"));
}

#[test]
fn every_page_type_exists_for_both_clients_in_their_language() {
    let fx = built_sample();
    for (client, lang, foreign) in [
        ("kestrel-coffee", "en", "Затраты"),
        ("polyn", "ru", "Engagement by post number"),
    ] {
        let dir = fx.out().join(client);
        let data = fx.data(client);
        let mut expected = vec![
            "index.html".to_string(),
            "commitments/index.html".to_string(),
        ];
        for m in data["months"].as_array().unwrap() {
            expected.push(format!(
                "reports/{}/index.html",
                m["month"].as_str().unwrap()
            ));
        }
        for p in data["partnerships"].as_array().unwrap() {
            expected.push(format!(
                "partnerships/{}/index.html",
                p["id"].as_str().unwrap()
            ));
        }
        for m in data["markets"].as_array().unwrap() {
            expected.push(format!("markets/{}/index.html", m["id"].as_str().unwrap()));
        }
        assert!(expected.len() > 10, "{client}: {expected:?}");
        for rel in &expected {
            let html = std::fs::read_to_string(dir.join(rel))
                .unwrap_or_else(|e| panic!("{client}/{rel}: {e}"));
            assert!(
                html.contains(&format!("<html lang=\"{lang}\">")),
                "{client}/{rel}"
            );
            assert!(!html.contains(foreign), "{client}/{rel} has {foreign:?}");
            assert!(
                html.contains("id=\"how\""),
                "{client}/{rel} has no How we count"
            );
        }
        assert!(dir.join("style.css").is_file() && dir.join("assets/logo.svg").is_file());
    }
    let ru = read(&fx, "polyn/index.html");
    for word in [
        "Октябрь 2026",
        "Вовлечённость по номеру публикации",
        "Как мы считаем",
        "₽",
    ] {
        assert!(ru.contains(word), "{word}");
    }
    assert!(read(&fx, "polyn/partnerships/maxim-fedorov/index.html").contains("н/д"));
    assert!(read(&fx, "index.html").contains("href=\"polyn/index.html\""));
}

#[test]
fn the_commitments_page_is_in_every_nav_and_its_tables_are_beside_it() {
    let fx = built_sample();
    for (client, label) in [
        ("kestrel-coffee", "Commitments"),
        ("polyn", "Обязательства"),
    ] {
        let dir = fx.out().join(client);
        for page in pages(&dir) {
            let html = std::fs::read_to_string(&page).unwrap();
            let depth = page.strip_prefix(&dir).unwrap().components().count() - 1;
            let href = format!("{}commitments/index.html", "../".repeat(depth));
            let nav = html.split("<nav class=\"nav\"").nth(1).unwrap_or_default();
            let nav = nav.split("</nav>").next().unwrap_or_default();
            assert!(
                nav.contains(&format!("<a href=\"{href}\"")) && nav.contains(label),
                "{} has no {label} in its nav",
                page.display()
            );
        }
        let rel = format!("{client}/commitments/index.html");
        let html = read(&fx, &rel);
        assert!(html.contains("<a href=\"../commitments/index.html\" aria-current=\"page\">"));
        let csvs = downloads(&html);
        for want in ["cost-by-month.csv", "markets-ahead.csv"] {
            assert!(csvs.iter().any(|(c, _)| c == want), "{rel}: {want}");
        }
        for (c, bytes) in &csvs {
            let text = String::from_utf8_lossy(bytes);
            assert!(text.lines().count() > 1, "{client}/commitments: {c}");
        }
        // The overview leads there too.
        assert!(
            read(&fx, &format!("{client}/index.html"))
                .contains("<a class=\"button\" href=\"commitments/index.html\">")
        );
    }
}

#[test]
fn every_internal_link_and_image_resolves_inside_its_client_folder() {
    let fx = built_sample();
    let out = fx.out().canonicalize().unwrap();
    let mut checked = 0;
    let mut problems = Vec::new();
    for page in pages(&out) {
        let html = std::fs::read_to_string(&page).unwrap();
        let rel_page = page.strip_prefix(&out).unwrap().display().to_string();
        // A client page may only reach its own folder; the index, the output.
        let fence = match rel_page.split_once('/') {
            Some((client, _)) => out.join(client),
            None => out.clone(),
        };
        let page_ids = ids(&html);
        for (kind, url) in attributes(&html, "href")
            .into_iter()
            .map(|u| ("href", u))
            .chain(attributes(&html, "src").into_iter().map(|u| ("src", u)))
        {
            // output.md: every link of a client's folder is relative, but
            // to outside pages (a creator's post), opened as external links.
            let outside = kind == "href"
                && (url.starts_with("https://") || url.starts_with("http://"))
                && html.contains(&format!("href=\"{url}\" rel=\"noopener noreferrer\""));
            // A table's CSV file, carried in its download link.
            let download = kind == "href"
                && url.starts_with("data:text/csv;")
                && html.contains(&format!("href=\"{url}\" download=\""));
            if outside || download {
                continue;
            }
            assert!(!url.contains(':'), "{rel_page}: {kind}={url}");
            let (path, fragment) = url.split_once('#').unwrap_or((&url, ""));
            checked += 1;
            let target = if path.is_empty() {
                page.clone()
            } else {
                page.parent().unwrap().join(path)
            };
            let Ok(target) = target.canonicalize() else {
                problems.push(format!("{rel_page}: {kind}={url} does not exist"));
                continue;
            };
            if !target.starts_with(&fence) {
                problems.push(format!("{rel_page}: {kind}={url} leaves its folder"));
            }
            if !fragment.is_empty() {
                let target_ids = if target == page {
                    page_ids.clone()
                } else {
                    ids(&std::fs::read_to_string(&target).unwrap_or_default())
                };
                if !target_ids.iter().any(|i| i == fragment) {
                    problems.push(format!("{rel_page}: {kind}={url} has no #{fragment}"));
                }
            }
        }
    }
    assert!(checked > 500, "only {checked} links checked");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_table_carries_its_csv_and_the_site_has_no_csv_files() {
    let fx = built_sample();
    let out = fx.out();
    for page in pages(&out.join("kestrel-coffee"))
        .into_iter()
        .chain(pages(&out.join("polyn")))
    {
        let html = std::fs::read_to_string(&page).unwrap();
        let tables = html.matches("<table>").count();
        let csvs = downloads(&html);
        // Notes may hold tables of their own, outside the figures.
        let note_tables = html
            .split("<div class=\"prose\">")
            .skip(1)
            .map(|s| {
                s.split("</section>")
                    .next()
                    .unwrap_or_default()
                    .matches("<table>")
                    .count()
            })
            .sum::<usize>();
        assert_eq!(tables - note_tables, csvs.len(), "{}", page.display());
        let mut names: Vec<&str> = csvs.iter().map(|(n, _)| n.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(
            names.len(),
            csvs.len(),
            "{}: two CSVs of one name",
            page.display()
        );
        for (name, bytes) in &csvs {
            assert!(name.ends_with(".csv"), "{}: {name}", page.display());
            let text = std::str::from_utf8(bytes).unwrap();
            assert!(text.starts_with('\u{feff}'), "{}: {name}", page.display());
            assert!(text.lines().count() >= 1, "{}: {name}", page.display());
        }
    }
    let written: Vec<PathBuf> = walkdir::WalkDir::new(&out)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .collect();
    assert!(written.is_empty(), "CSV files on disk: {written:?}");
}

#[test]
fn the_same_input_built_twice_gives_identical_trees() {
    let fx = built_sample();
    let first = tree(&fx.out());
    let again = fx.dir.path().join("again");
    let run = fx.roster(&["build", ".", "--output", again.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let second = tree(&again);
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (rel, bytes) in &first {
        assert!(bytes == &second[rel], "{rel} differs between builds");
    }
    // The pages carry the CSV files, so those are compared too.
    let html: Vec<_> = first.iter().filter(|(k, _)| k.ends_with(".html")).collect();
    let csvs: usize = html
        .iter()
        .map(|(_, b)| downloads(&String::from_utf8_lossy(b)).len())
        .sum();
    assert!(
        html.len() > 30 && csvs > 60,
        "{} pages, {csvs} CSV files",
        html.len()
    );
}

#[test]
fn pages_need_no_script_and_no_network() {
    let fx = built_sample();
    for (rel, bytes) in tree(&fx.out()) {
        let text = String::from_utf8_lossy(&bytes);
        if rel.ends_with(".html") {
            assert!(!text.contains("<script"), "{rel}");
            for src in attributes(&text, "src") {
                assert!(
                    !src.contains("//") && !src.contains(':'),
                    "{rel} loads {src}"
                );
            }
            assert!(
                !text.contains("<link rel=\"stylesheet\" href=\"http"),
                "{rel}"
            );
        }
        if rel.ends_with(".css") {
            assert!(!text.contains("@import") && !text.contains("url("), "{rel}");
        }
    }
}

/// Tags of `html` (not escaped text) with an event-handler attribute or a
/// script URL.
fn live_tags(html: &str) -> Vec<String> {
    let mut bad = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        let end = rest[at..].find('>').map_or(rest.len(), |e| at + e + 1);
        let tag = &rest[at..end];
        let lower = tag.to_ascii_lowercase();
        let name: String = lower[1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let handler = lower
            .split(|c: char| c.is_whitespace() || c == '/' || c == '"' || c == '\'')
            .any(|w| w.starts_with("on") && w.contains('='));
        let script_url = lower.contains("javascript:")
            || lower.contains("vbscript:")
            || lower.contains("data:text/html");
        if handler
            || script_url
            || [
                "script", "iframe", "object", "embed", "form", "meta", "base", "style", "math",
            ]
            .contains(&name.as_str())
                && !tag.starts_with("<meta charset")
                && !tag.starts_with("<meta name=")
        {
            bad.push(tag.to_string());
        }
        rest = &rest[end..];
    }
    bad
}

#[test]
fn a_note_full_of_xss_vectors_arrives_inert() {
    let fx = Fixture::sample();
    let vectors = r#"# Hostile note <script>alert(1)</script>

<script>alert('x')</script>
<img src=x onerror="alert(1)"> <img src="https://tracker.example/p.gif">
<svg onload=alert(1)><circle r=5 /></svg>
<iframe src="javascript:alert(1)"></iframe>
<a href="javascript:alert(1)">click</a> <a href="JaVaScRiPt:alert(1)">caps</a>
<a href="jav&#x09;ascript:alert(1)">entity</a> <a href=" javascript:alert(1)">space</a>
<div style="background:url(javascript:alert(1))" onclick="alert(1)" onmouseover=alert(1)>div</div>
<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button></form>
<meta http-equiv="refresh" content="0;url=javascript:alert(1)">
<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">
<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>
<base href="javascript:alert(1)//">
<details open ontoggle=alert(1)>x</details>
<input autofocus onfocus=alert(1)>

[md link](javascript:alert(1)) ![md image](javascript:alert(1)) [ok](https://example.com)

| a | <b onmouseover=alert(1)>b</b> |
|---|---|
| 1 | 2 |

Footnote[^x<script>].

[^x<script>]: <img src=x onerror=alert(1)>
"#;
    // The checker itself catches what it must.
    assert_eq!(
        live_tags("<p>a</p><img src=x onerror=alert(1)><a href=\"JAVASCRIPT:x\">").len(),
        2
    );
    assert!(live_tags("<p>&lt;script&gt; onclick=</p>").is_empty());
    fx.write("clients/kestrel-coffee/notes/2026-10.md", vectors);
    fx.write("clients/kestrel-coffee/notes/tyler-brooks.md", vectors);
    // Names and handles from input are text, never markup.
    let yaml = std::fs::read_to_string(
        fx.root
            .join("clients/kestrel-coffee/partnerships/sam-whitaker.yaml"),
    )
    .unwrap();
    let yaml = yaml
        .lines()
        .map(|l| {
            if l.trim_start().starts_with("name:") {
                "  name: \"Sam <img src=x onerror=alert(1)> </title><script>alert(2)</script>\""
                    .to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    fx.write(
        "clients/kestrel-coffee/partnerships/sam-whitaker.yaml",
        &yaml,
    );
    let run = fx.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    for rel in [
        "kestrel-coffee/reports/2026-10/index.html",
        "kestrel-coffee/partnerships/tyler-brooks/index.html",
        "kestrel-coffee/partnerships/sam-whitaker/index.html",
        "kestrel-coffee/index.html",
    ] {
        let html = read(&fx, rel);
        // The head's one style element is the template's running header of
        // printed pages; the body, where notes go, has none.
        let (head, body) = html.split_once("</head>").expect("a head");
        let bad = live_tags(body);
        assert!(bad.is_empty(), "{rel}: {bad:#?}");
        let styles: Vec<&str> = head
            .match_indices("<style")
            .map(|(i, _)| &head[i..])
            .collect();
        assert!(styles.len() <= 1, "{rel}: {styles:#?}");
        for style in styles {
            let rule = style.split("</style>").next().unwrap_or_default();
            assert!(
                rule.starts_with("<style media=\"print\">@page { @top-left { content: \"")
                    && rule.ends_with("\"; } }"),
                "{rel}: {rule}"
            );
        }
        let without_style = head
            .split("<style")
            .map(|part| part.split_once("</style>").map_or(part, |(_, after)| after))
            .collect::<String>();
        let bad = live_tags(&without_style);
        assert!(bad.is_empty(), "{rel}: {bad:#?}");
        assert!(!html.contains("tracker.example"), "{rel}");
    }
    let report = read(&fx, "kestrel-coffee/reports/2026-10/index.html");
    assert!(report.contains("Hostile note"), "the note's text is kept");
    // A link to another site stays, opened as an external link (output.md).
    assert!(report.contains("<a href=\"https://example.com\" rel=\"noopener noreferrer\">ok</a>"));
    assert!(
        report.contains("<a href=\"#fn-x-script-\""),
        "footnotes still link"
    );
    let overview = read(&fx, "kestrel-coffee/index.html");
    assert!(overview.contains("Sam &lt;img src=x onerror=alert(1)&gt;"));
}

#[test]
fn the_portfolio_replaces_templates_and_adds_themes() {
    let fx = Fixture::sample();
    fx.write(
        "templates/market.html",
        "<!doctype html><html lang=\"{{ site.lang }}\"><title>{{ page.name }}</title><p class=\"custom\">{{ page.name }} {{ page.cards | length }}</p><p id=\"how\"></p></html>",
    );
    fx.write(
        "themes/midnight/style.css",
        "body { background: #000; } /* midnight */\n",
    );
    let settings = std::fs::read_to_string(fx.root.join("roster.yaml")).unwrap();
    fx.write(
        "roster.yaml",
        &settings.replace("theme: default", "theme: midnight"),
    );
    let run = fx.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        read(&fx, "kestrel-coffee/markets/us/index.html")
            .contains("<p class=\"custom\">United States 12</p>")
    );
    let css = read(&fx, "kestrel-coffee/style.css");
    assert!(css.starts_with("body { background: #000; } /* midnight */"));
    assert!(
        css.contains("--accent: #8a4b2a"),
        "the brand colour follows the theme"
    );
    // The built-in paper theme, and an unknown one refused by name.
    fx.write(
        "roster.yaml",
        &settings.replace("theme: default", "theme: paper"),
    );
    assert_eq!(fx.build().code, 0);
    assert!(read(&fx, "polyn/style.css").contains("roster: the paper theme"));
    fx.write(
        "roster.yaml",
        &settings.replace("theme: default", "theme: nope"),
    );
    let run = fx.build();
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("error: unknown theme \"nope\"\n  --> roster.yaml:8:8"),
        "{}",
        run.stderr
    );
}

#[test]
fn every_chart_has_a_title_a_description_and_a_data_table() {
    let fx = built_sample();
    let mut charts = 0;
    for page in pages(&fx.out()) {
        let html = std::fs::read_to_string(&page).unwrap();
        for figure in html.split("<figure class=\"chart").skip(1) {
            let figure = figure.split("</figure>").next().unwrap();
            assert!(figure.contains("<title id="), "{}", page.display());
            let desc = figure.split("<desc id=").nth(1).unwrap_or_default();
            assert!(
                desc.split('>').nth(1).is_some_and(|d| d.len() > 20),
                "{}",
                page.display()
            );
            assert!(figure.contains("<table>"), "{}", page.display());
            charts += 1;
        }
    }
    assert!(charts > 40, "{charts}");
}

#[test]
fn a_build_of_one_client_keeps_the_index_of_all() {
    let fx = built_sample();
    let index = read(&fx, "index.html");
    let out = fx.out();
    let run = fx.roster(&[
        "build",
        ".",
        "--output",
        out.to_str().unwrap(),
        "--client",
        "polyn",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(read(&fx, "index.html"), index);
    assert!(read(&fx, "index.html").contains("kestrel-coffee/index.html"));
    assert!(out.join("style.css").is_file() && out.join("kestrel-coffee/index.html").is_file());
}
