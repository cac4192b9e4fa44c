//! What the build reads besides YAML and CSV, and what leaves through the
//! pages: templates that loop or do not compile, inputs that are
//! links to outside the portfolio, note links that leave the client's
//! folder, base_url and themes. Each is found by `check` as by `build`, at
//! its file and line, and a build that finds it writes nothing.

use std::fs;

use crate::bad_input::{Edit, base, check, tree};
use crate::common::Fixture;

const NOTE: &str = "clients/lumen/notes/2026-02.md";

/// `build` fails with the same diagnostics as `check`, and writes nothing.
fn build_refuses(fx: &Fixture, first_line: &str) {
    let run = fx.build();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.starts_with(first_line), "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(!fx.out().exists(), "a failed build wrote {:?}", fx.out());
}

#[test]
fn a_template_that_extends_itself_is_a_diagnostic_not_a_stack_overflow() {
    let fx = base();
    fx.write("templates/base.html", "{% extends \"base.html\" %}\n");
    check(
        &fx,
        1,
        &[(
            "error: templates extend or include each other in a loop: base.html -> base.html",
            "templates/base.html:1:1",
            "a template may extend or include only templates that do not lead back to it; the built-in pages extend base.html, so base.html extends none",
        )],
    );
    build_refuses(
        &fx,
        "error: templates extend or include each other in a loop",
    );
}

#[test]
fn a_loop_of_includes_through_a_built_in_template_is_found() {
    let fx = base();
    // The built-in overview extends base.html, which now includes it back.
    fx.write(
        "templates/base.html",
        "<html>\n{% include \"overview.html\" %}\n</html>\n",
    );
    check(
        &fx,
        1,
        &[(
            "error: templates extend or include each other in a loop: base.html -> overview.html -> base.html",
            "templates/base.html:2:1",
            "a template may extend or include only templates that do not lead back to it; the built-in pages extend base.html, so base.html extends none",
        )],
    );
}

#[test]
fn a_template_syntax_error_is_reported_at_its_line() {
    let fx = base();
    fx.write("templates/index.html", "<h1>\n{{ site.title }\n</h1>\n");
    check(
        &fx,
        1,
        &[(
            "error: template syntax error: expected `or`, `and`, `not`, `<=`, `>=`, `<`, `>`, `==`, `!=`, `+`, `-`, `*`, `/`, `%`, a filter, or a variable end (`}}`)",
            "templates/index.html:2:15",
            "see the template syntax in docs/themes.md",
        )],
    );
}

#[test]
fn a_template_naming_an_unknown_variable_is_found_by_check() {
    let fx = base();
    let market = include_str!("../../templates/market.html").replacen(
        "{% block content %}",
        "{% block content %}\n{{ page.nope }}",
        1,
    );
    fx.write("templates/market.html", &market);
    let line = market.lines().position(|l| l == "{{ page.nope }}").unwrap() + 1;
    check(
        &fx,
        1,
        &[(
            "error: template market.html uses `page.nope`, which its page does not have",
            &format!("templates/market.html:{line}:4"),
            "docs/themes.md lists the variables each template receives",
        )],
    );
    build_refuses(&fx, "error: template market.html uses `page.nope`");
}

#[test]
fn every_template_that_fails_on_its_pages_is_reported_in_one_run() {
    let fx = base();
    let broken = |name: &str, text: &str, var: &str| {
        let text = text.replacen(
            "{% block content %}",
            &format!("{{% block content %}}\n{{{{ page.{var} }}}}"),
            1,
        );
        fx.write(&format!("templates/{name}"), &text);
        let line = text.lines().position(|l| l.contains(var)).unwrap() + 1;
        (
            format!("error: template {name} uses `page.{var}`, which its page does not have"),
            format!("templates/{name}:{line}:4"),
        )
    };
    let market = broken(
        "market.html",
        include_str!("../../templates/market.html"),
        "nope",
    );
    // Every partnership page fails the same way: said once.
    let partnership = broken(
        "partnership.html",
        include_str!("../../templates/partnership.html"),
        "missing",
    );
    let help = "docs/themes.md lists the variables each template receives";
    check(
        &fx,
        1,
        &[
            (&market.0, &market.1, help),
            (&partnership.0, &partnership.1, help),
        ],
    );
    let run = fx.build();
    assert_eq!(run.code, 1, "{}", run.stderr);
    for (message, _) in [&market, &partnership] {
        assert_eq!(
            run.stderr.matches(message.as_str()).count(),
            1,
            "{}",
            run.stderr
        );
    }
    assert!(!fx.out().exists(), "a failed build wrote {:?}", fx.out());
}

#[test]
fn an_unknown_theme_is_found_by_check_at_its_line() {
    let fx = base();
    fx.append("roster.yaml", "theme: papr\n");
    check(
        &fx,
        1,
        &[(
            "error: unknown theme \"papr\"",
            "roster.yaml:7:8",
            "did you mean \"paper\"? the themes are default, paper; add one as themes/papr/style.css",
        )],
    );
}

#[test]
fn a_base_url_that_is_not_http_is_an_error_at_its_line() {
    for bad in [
        "javascript:alert(1)",
        "https://reports example.com/",
        "ftp://x.example/",
    ] {
        let fx = base();
        fx.append("roster.yaml", &format!("base_url: \"{bad}\"\n"));
        check(
            &fx,
            1,
            &[(
                &format!("error: base_url \"{bad}\" is not an http or https address"),
                "roster.yaml:7:11",
                "write the address the site is published under, such as base_url: \"https://reports.example.com/\"",
            )],
        );
    }
}

#[test]
fn note_links_that_leave_the_client_folder_are_dropped_with_a_warning() {
    let fx = base();
    fx.append(
        NOTE,
        "\n[polyn](../../../polyn/index.html) [p](/etc/passwd) [m](mailto:a@b.example)\n[ok](https://example.com/brief) [home](../../index.html)\n",
    );
    let leaves = "link only to pages and files of this client, relative to the page the note is on, such as ../../index.html";
    check(
        &fx,
        0,
        &[
            (
                "warning: link \"../../../polyn/index.html\" leaves the client's folder; it is dropped, its text stays",
                "clients/lumen/notes/2026-02.md:5:1",
                leaves,
            ),
            (
                "warning: link \"/etc/passwd\" leaves the client's folder; it is dropped, its text stays",
                "clients/lumen/notes/2026-02.md:5:36",
                leaves,
            ),
            (
                // No message quotes an e-mail address; the quoted line
                // still shows it.
                "warning: link \"<e-mail address>\" is neither http nor https; it is dropped, its text stays",
                "clients/lumen/notes/2026-02.md:5:53",
                "write links to other sites as https://...",
            ),
        ],
    );
    let run = fx.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = fs::read_to_string(fx.out().join("lumen/reports/2026-02/index.html")).unwrap();
    for gone in ["polyn/index.html", "/etc/passwd", "mailto:"] {
        assert!(!page.contains(gone), "{gone} kept");
    }
    assert!(
        page.contains("<a href=\"https://example.com/brief\" rel=\"noopener noreferrer\">ok</a>")
    );
    assert!(page.contains("<a href=\"../../index.html\""));
}

#[cfg(unix)]
mod links {
    use std::os::unix::fs::symlink;

    use super::*;

    const SECRET: &str = "root:x:0:0:SECRET-FROM-OUTSIDE";

    /// A file outside the portfolio, and a link to it at `rel`.
    fn link_outside(fx: &Fixture, rel: &str) {
        let outside = fx.dir.path().join("outside.txt");
        fs::write(&outside, SECRET).unwrap();
        let at = fx.root.join(rel);
        fs::create_dir_all(at.parent().unwrap()).unwrap();
        if at.exists() {
            fs::remove_file(&at).unwrap();
        }
        symlink(&outside, at).unwrap();
    }

    fn outside(rel: &str) -> (String, String, String) {
        (
            format!(
                "error: {rel} is a link to a file outside the portfolio; roster reads only files inside it"
            ),
            rel.to_string(),
            "copy the file into the portfolio in place of the link".to_string(),
        )
    }

    fn check_outside(fx: &Fixture, rels: &[&str]) {
        let want: Vec<_> = rels.iter().map(|r| outside(r)).collect();
        let want: Vec<(&str, &str, &str)> = want
            .iter()
            .map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str()))
            .collect();
        let run = check(fx, 1, &want);
        assert!(!run.stderr.contains("SECRET"), "{}", run.stderr);
    }

    #[test]
    fn a_note_linked_to_a_file_outside_the_portfolio_is_never_published() {
        let fx = base();
        link_outside(&fx, NOTE);
        check_outside(&fx, &[NOTE]);
        build_refuses(&fx, &outside(NOTE).0);
    }

    #[test]
    fn a_partnership_linked_from_elsewhere_is_not_read() {
        let fx = base();
        let rel = "clients/lumen/partnerships/anna-petrova.yaml";
        let elsewhere = fx.dir.path().join("anna.yaml");
        fs::copy(fx.root.join(rel), &elsewhere).unwrap();
        fs::remove_file(fx.root.join(rel)).unwrap();
        symlink(&elsewhere, fx.root.join(rel)).unwrap();
        check_outside(&fx, &[rel]);
    }

    #[test]
    fn every_other_kind_of_input_linked_outside_is_refused() {
        let fx = base();
        let rels = [
            "clients/lumen/assets/logo.svg",
            "clients/lumen/metrics/orders.csv",
            "templates/base.html",
            "themes/mine/style.css",
        ];
        for rel in rels {
            link_outside(&fx, rel);
        }
        fx.append("roster.yaml", "theme: mine\n");
        let mut want = rels.to_vec();
        want.sort();
        check_outside(&fx, &want);
        build_refuses(&fx, "error: ");
    }

    #[test]
    fn a_link_to_a_file_inside_the_portfolio_is_read() {
        let fx = base();
        let shared = fx.root.join("shared/february.md");
        fs::create_dir_all(shared.parent().unwrap()).unwrap();
        fs::write(&shared, "Linked *inside*.\n").unwrap();
        fs::remove_file(fx.root.join(NOTE)).unwrap();
        symlink(&shared, fx.root.join(NOTE)).unwrap();
        check(&fx, 0, &[]);
        assert_eq!(fx.build().code, 0);
        let page = fs::read_to_string(fx.out().join("lumen/reports/2026-02/index.html")).unwrap();
        assert!(page.contains("Linked <em>inside</em>."));
        assert!(!tree(&fx.out()).is_empty());
    }
}
