//! The HTML renderer: each page's view ([`crate::view`]) through tera, with
//! the theme's stylesheet, into a client's files.
//!
//! Rendering never computes a figure or words one: it takes the views and
//! fills templates. Templates are built into the binary and autoescaped; a
//! file of the same name in the portfolio's `templates/` replaces one
//! (docs/themes.md lists what each receives). A theme is a stylesheet: the
//! built-in `default` and `paper`, or `themes/<name>/style.css` in the
//! portfolio, written into each client folder as `style.css` with the
//! client's brand colour as its accent. The other renderer, the monthly PDF,
//! is a peer: the pipeline hands both the same views ([`ClientView`]), and
//! neither knows the other. A template that fails on a page is a
//! diagnostic; every page is still tried, so one run shows every failure.

use anyhow::Result;
use rayon::prelude::*;
use serde::Serialize;
use tera::Tera;

use crate::analytics::ClientFigures;
use crate::diagnostics::kind::RunProblem;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::{Client, Language, Looks, Portfolio};
use crate::resolve::templates;
use crate::view::i18n;
use crate::view::pages::{self, Site};
use crate::view::{ClientView, PageView};

/// A file of a client's site: path relative to the client folder, contents.
pub(crate) type Page = (String, Vec<u8>);

/// The template engine with built-in templates and the portfolio's
/// overrides, and the theme's stylesheet.
pub struct Renderer {
    tera: Tera,
    css: String,
    /// For the place of a template that fails while rendering.
    looks: Looks,
}

/// The files of one client's site as they are made, with the addresses of
/// its pages for the sitemap when roster.yaml sets `base_url`, and what
/// failed (the pipeline says a failure many pages share once).
#[derive(Default)]
struct Written {
    /// The files so far.
    pages: Vec<Page>,
    /// The pages' absolute addresses so far.
    urls: Vec<String>,
    /// The pages that could not be rendered, a diagnostic each.
    problems: Vec<Diagnostic>,
}

impl Written {
    /// The page of `view`.
    fn put<P>(&mut self, view: &PageView<P>, rendered: Result<Vec<u8>, Box<Diagnostic>>) {
        self.add(&view.dir, view.site.canonical.clone(), rendered);
    }

    /// The page of folder `dir`, at address `url` when it has one.
    fn add(&mut self, dir: &str, url: Option<String>, rendered: Result<Vec<u8>, Box<Diagnostic>>) {
        match rendered {
            Ok(html) => {
                self.pages.push((format!("{dir}index.html"), html));
                self.urls.extend(url);
            }
            Err(d) => self.problems.push(*d),
        }
    }
}

/// A sitemap of absolute page addresses, in the order the pages were made.
fn sitemap(urls: &[String]) -> Vec<u8> {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for u in urls {
        out.push_str("  <url><loc>");
        out.push_str(&crate::html::escape(u));
        out.push_str("</loc></url>\n");
    }
    out.push_str("</urlset>\n");
    out.into_bytes()
}

impl Renderer {
    /// Compile the built-in templates with the portfolio's overrides over
    /// them, and take the theme's stylesheet; every problem of the
    /// templates a diagnostic. A build compiles them once, reports what is
    /// wrong with them and renders every page with the one result.
    pub fn compile(looks: &Looks, diags: &mut Diagnostics) -> Option<Renderer> {
        let tera = templates::compile(looks, diags)?;
        Some(Renderer {
            tera,
            css: looks.css.clone(),
            looks: looks.clone(),
        })
    }

    fn render(
        &self,
        name: &str,
        site: &Site,
        lang: Language,
        page: &impl Serialize,
    ) -> Result<Vec<u8>, Box<Diagnostic>> {
        let mut context = tera::Context::new();
        context.insert("site", site);
        context.insert("t", i18n::catalogue(lang));
        context.insert("page", page);
        match self.tera.render(name, &context) {
            Ok(html) => Ok(html.into_bytes()),
            Err(e) => Err(Box::new(templates::render_error(&self.looks, name, &e))),
        }
    }

    /// A page's `index.html` in its folder, from `template`.
    fn page<P: Serialize>(
        &self,
        lang: Language,
        template: &str,
        view: &PageView<P>,
    ) -> Result<Vec<u8>, Box<Diagnostic>> {
        self.render(template, &view.site, lang, &view.page)
    }

    /// The stylesheet of a site with `accent` as its brand colour.
    fn stylesheet(&self, accent: &str) -> Vec<u8> {
        format!(
            "{}\n/* The client's brand colour. */\n:root {{ --accent: {accent}; }}\n",
            self.css.trim_end()
        )
        .into_bytes()
    }

    /// Every file of one client's site made from its views, but its assets
    /// and its PDFs: data.json, the stylesheet, each page and the sitemap;
    /// and a diagnostic for each failure, every page tried.
    pub fn client(&self, view: &ClientView) -> (Vec<Page>, Vec<Diagnostic>) {
        let ctx = &view.ctx;
        let lang = ctx.client.language;
        let mut out = Written::default();
        match serde_json::to_string_pretty(ctx.f) {
            Ok(json) => (out.pages).push(("data.json".into(), format!("{json}\n").into_bytes())),
            Err(e) => out
                .problems
                .push(Diagnostic::error(RunProblem::RenderFailed {
                    cause: format!("data.json could not be written: {e}"),
                })),
        }
        out.pages
            .push(("style.css".into(), self.stylesheet(&ctx.accent)));
        out.put(
            &view.overview,
            self.page(lang, "overview.html", &view.overview),
        );
        // A client's pages are rendered in parallel too: `serve` rebuilds one
        // client at a time.
        let months: Vec<_> = (view.months.par_iter())
            .map(|(_, v)| self.page(lang, "month.html", v))
            .collect();
        for ((_, v), html) in view.months.iter().zip(months) {
            out.put(v, html);
        }
        let commitments = &view.commitments;
        out.put(
            commitments,
            self.page(lang, "commitments.html", commitments),
        );
        // Each partnership's view is made, rendered and dropped in turn.
        let client = ctx.client;
        let partnerships: Vec<_> = (0..client.partnerships.len())
            .into_par_iter()
            .map(|i| {
                let v = view.partnership(i);
                let html = self.page(lang, "partnership.html", &v);
                (v.dir, v.site.canonical, html)
            })
            .collect();
        let markets = (0..client.markets.len()).map(|i| {
            let v = view.market(i);
            let html = self.page(lang, "market.html", &v);
            (v.dir, v.site.canonical, html)
        });
        for (dir, url, html) in partnerships.into_iter().chain(markets) {
            out.add(&dir, url, html);
        }
        if !out.urls.is_empty() {
            out.pages.push(("sitemap.xml".into(), sitemap(&out.urls)));
        }
        (out.pages, out.problems)
    }

    /// `<output>/index.html` and its stylesheet: the list of client sites.
    pub fn index(
        &self,
        portfolio: &Portfolio,
        clients: &[(&Client, &ClientFigures)],
    ) -> Result<Vec<Page>, Box<Diagnostic>> {
        let (site, page) = pages::site_index::build(portfolio, clients);
        let lang = portfolio.settings.language;
        Ok(vec![
            (
                "index.html".into(),
                self.render("index.html", &site, lang, &page)?,
            ),
            ("style.css".into(), self.stylesheet(pages::DEFAULT_ACCENT)),
        ])
    }
}
