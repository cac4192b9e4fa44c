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
//! is handed each monthly report's view as it is made ([`MonthFiles`]), so
//! that both work at once without either knowing the other.

use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use serde::Serialize;
use tera::Tera;

use crate::analytics::ClientFigures;
use crate::diagnostics::Diagnostics;
use crate::model::{Client, Language, Looks, Month, Portfolio};
use crate::resolve::templates;
pub use crate::resolve::templates::TemplateError;
use crate::view::i18n;
use crate::view::pages::{self, Ctx, Site};
pub use crate::view::{Logo, MonthFiles};

/// A file of a client's site: path relative to the client folder, contents.
pub type Page = (String, Vec<u8>);

/// The template engine with built-in templates and the portfolio's
/// overrides, and the theme's stylesheet.
pub struct Renderer {
    tera: Tera,
    css: String,
    /// For the place of a template that fails while rendering.
    looks: Looks,
}

/// What each page of one client is rendered with.
struct Frame {
    /// The client's language.
    lang: Language,
    /// The client folder's absolute address, if any.
    base: Option<String>,
}

/// A page rendered, with its absolute address when there is one.
type Rendered = (Page, Option<String>);

/// The files of one client's site as they are made, with the addresses of
/// its pages for the sitemap when roster.yaml sets `base_url`.
struct Written<P> {
    /// The files so far.
    pages: Vec<Page>,
    /// The pages' absolute addresses so far.
    urls: Vec<String>,
    /// The monthly reports' other files being made meanwhile (the PDFs),
    /// with their months.
    pending: Vec<Begun<P>>,
}

/// A monthly report's other file, begun, with its month.
type Begun<P> = (Month, P);

impl<P> Written<P> {
    fn add(&mut self, (page, url): Rendered) {
        self.pages.push(page);
        self.urls.extend(url);
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
    /// them, and take the theme's stylesheet. `check` has reported any
    /// problem of the templates; one left is an error here.
    pub fn new(looks: &Looks) -> Result<Renderer> {
        let mut diags = Diagnostics::new();
        let Some(renderer) = Renderer::compile(looks, &mut diags) else {
            let first = diags.sorted().first().map(|d| d.to_string());
            bail!(
                "{}",
                first.unwrap_or_else(|| "the templates do not compile".into())
            );
        };
        Ok(renderer)
    }

    /// [`Renderer::new`] with every problem of the templates a diagnostic:
    /// a build compiles them once, reports what is wrong with them and
    /// renders every page with the one result.
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
    ) -> Result<Vec<u8>> {
        let mut context = tera::Context::new();
        context.insert("site", site);
        context.insert("t", i18n::catalogue(lang));
        context.insert("page", page);
        match self.tera.render(name, &context) {
            Ok(html) => Ok(html.into_bytes()),
            Err(e) => Err(TemplateError(templates::render_error(&self.looks, name, &e)).into()),
        }
    }

    /// A page in `dir` ("" or "reports/2026-10/") from `template`; its
    /// tables carry their CSV files in their links.
    fn page(
        &self,
        frame: &Frame,
        (dir, template): (&str, &str),
        mut site: Site,
        page: &impl Serialize,
    ) -> Result<Rendered> {
        site.canonical = frame.base.as_ref().map(|b| format!("{b}{dir}"));
        let url = site.canonical.clone();
        let html = self.render(template, &site, frame.lang, page)?;
        Ok(((format!("{dir}index.html"), html), url))
    }

    /// The stylesheet of a site with `accent` as its brand colour.
    fn stylesheet(&self, accent: &str) -> Vec<u8> {
        format!(
            "{}\n/* The client's brand colour. */\n:root {{ --accent: {accent}; }}\n",
            self.css.trim_end()
        )
        .into_bytes()
    }

    /// Every file of one client's site but its `assets` (its files as
    /// read, the logo among them, which its PDFs carry), with the files
    /// `months` makes of the monthly reports.
    pub fn client<M: MonthFiles>(
        &self,
        (portfolio, client, figures): (&Portfolio, &Client, &ClientFigures),
        assets: &[Page],
        months: &M,
    ) -> Result<Vec<Page>> {
        let ctx = Ctx::new(portfolio, client, figures);
        let logo = ctx
            .logo
            .as_ref()
            .and_then(|name| assets.iter().find(|(p, _)| p == name))
            .map(|(p, bytes)| (p.as_str(), bytes.as_slice()));
        let lang = client.language;
        let mut pages = Vec::new();
        let json = serde_json::to_string_pretty(figures).context("serialising data.json")?;
        pages.push(("data.json".to_string(), format!("{json}\n").into_bytes()));
        pages.push(("style.css".to_string(), self.stylesheet(&ctx.accent)));

        let base = portfolio
            .settings
            .base_url
            .as_deref()
            .map(|b| format!("{}{}/", pages::site_index::base(b), client.id));
        let frame = Frame { lang, base };
        let mut out = Written {
            pages,
            urls: Vec::new(),
            pending: Vec::new(),
        };
        let page = pages::overview::build(&ctx);
        let site = ctx.site(0, ctx.t().overview.to_string(), "overview");
        out.add(self.page(&frame, ("", "overview.html"), site, &page)?);
        self.months(&ctx, (&frame, logo), (months, &mut out))?;
        let page = pages::commitments::build(&ctx);
        let site = ctx.site(1, ctx.t().commitments.to_string(), "commitments");
        out.add(self.page(&frame, ("commitments/", "commitments.html"), site, &page)?);
        // A client's pages are rendered in parallel too: `serve` rebuilds one
        // client at a time.
        let partnerships: Vec<Rendered> = (client.partnerships.par_iter().enumerate())
            .map(|(i, p)| {
                let page = pages::partnership::build(&ctx, i);
                let site = ctx.site(2, page.creator.clone(), "partnerships");
                let dir = format!("partnerships/{}/", p.id);
                self.page(&frame, (&dir, "partnership.html"), site, &page)
            })
            .collect::<Result<_>>()?;
        partnerships.into_iter().for_each(|r| out.add(r));
        for (i, m) in client.markets.iter().enumerate() {
            let page = pages::market::build(&ctx, i);
            let site = ctx.site(2, page.name.clone(), "markets");
            let dir = format!("markets/{}/", m.id);
            out.add(self.page(&frame, (&dir, "market.html"), site, &page)?);
        }
        let Written {
            mut pages,
            urls,
            pending,
        } = out;
        for (m, pending) in pending {
            pages.push(months.finish(&ctx, m, pending)?);
        }
        if !urls.is_empty() {
            pages.push(("sitemap.xml".into(), sitemap(&urls)));
        }
        Ok(pages)
    }

    /// The monthly reports, each handed to `months` as its view is made.
    fn months<M: MonthFiles>(
        &self,
        ctx: &Ctx,
        (frame, logo): (&Frame, Option<Logo>),
        (months, out): (&M, &mut Written<M::Pending>),
    ) -> Result<()> {
        let done: Vec<(Rendered, Option<Begun<M::Pending>>)> = (ctx.months.par_iter().enumerate())
            .map(|(i, m)| {
                let page = pages::month::build(ctx, i);
                let title = format!("{} · {}", ctx.t().report_title, page.month);
                let site = ctx.site(2, title, "reports");
                let dir = format!("reports/{m}/");
                let other = months.start(ctx, logo, *m, &page).map(|p| (*m, p));
                Ok((self.page(frame, (&dir, "month.html"), site, &page)?, other))
            })
            .collect::<Result<_>>()?;
        for (rendered, other) in done {
            out.add(rendered);
            out.pending.extend(other);
        }
        Ok(())
    }

    /// `<output>/index.html` and its stylesheet: the list of client sites.
    pub fn index(
        &self,
        portfolio: &Portfolio,
        clients: &[(&Client, &ClientFigures)],
    ) -> Result<Vec<Page>> {
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
