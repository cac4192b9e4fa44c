//! Publishing: absolute addresses only with `base_url`, and then a sitemap
//! and canonical links; a site that works under any sub-path.

use crate::common::Fixture;

fn pages(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "html" || e == "xml"))
        .collect()
}

#[test]
fn with_base_url_each_client_gets_a_sitemap_and_canonical_links() {
    // The worked example sets base_url: "https://reports.example.com/".
    let fx = Fixture::new("worked");
    assert_eq!(fx.build().code, 0);
    let sitemap = std::fs::read_to_string(fx.out().join("rowan-kids/sitemap.xml")).unwrap();
    assert!(
        sitemap.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset"),
        "{sitemap}"
    );
    assert!(
        sitemap.contains("<loc>https://reports.example.com/rowan-kids/</loc>"),
        "{sitemap}"
    );
    assert!(
        sitemap
            .contains("<loc>https://reports.example.com/rowan-kids/partnerships/zoe-parker/</loc>")
    );
    assert!(sitemap.contains("<loc>https://reports.example.com/rowan-kids/reports/2026-10/</loc>"));
    let pages_in_folder = pages(&fx.out().join("rowan-kids"))
        .iter()
        .filter(|p| p.extension().unwrap() == "html")
        .count();
    assert_eq!(sitemap.matches("<loc>").count(), pages_in_folder);
    let month =
        std::fs::read_to_string(fx.out().join("rowan-kids/reports/2026-10/index.html")).unwrap();
    assert!(
        month.contains("<link rel=\"canonical\" href=\"https://reports.example.com/rowan-kids/reports/2026-10/\">"),
        "no canonical link"
    );
    let index = std::fs::read_to_string(fx.out().join("index.html")).unwrap();
    assert!(index.contains("<link rel=\"canonical\" href=\"https://reports.example.com/\">"));
}

#[test]
fn without_base_url_nothing_absolute_is_written() {
    let fx = Fixture::new("worked");
    let roster = fx.root.join("roster.yaml");
    let text = std::fs::read_to_string(&roster)
        .unwrap()
        .replace("base_url: \"https://reports.example.com/\"\n", "");
    std::fs::write(&roster, text).unwrap();
    assert_eq!(fx.build().code, 0);
    assert!(!fx.out().join("rowan-kids/sitemap.xml").exists());
    for page in pages(&fx.out()) {
        let html = std::fs::read_to_string(&page).unwrap();
        for attr in ["href=\"", "src=\""] {
            for value in html.split(attr).skip(1) {
                let url = value.split('"').next().unwrap_or_default();
                // output.md: the only absolute links are external http(s)
                // links of notes, opened as such.
                let external = attr == "href=\""
                    && url.starts_with("https://")
                    && value[url.len()..].starts_with("\" rel=\"noopener noreferrer\"");
                assert!(
                    external || (!url.contains("://") && !url.starts_with('/')),
                    "{}: {attr}{url}",
                    page.display()
                );
            }
        }
    }
}
