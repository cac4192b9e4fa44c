//! Figures and templates to pages: tera setup, themes, page contexts,
//! formatting and the CSV file each table carries in its download link.
//!
//! Rendering never computes a figure: it reads [`ClientFigures`] and the
//! model, formats numbers for the client's language, asks [`crate::charts`]
//! for the SVG and fills templates. Templates are built into the binary and
//! autoescaped; a file of the same name in the portfolio's `templates/`
//! replaces one (docs/themes.md lists what each receives). A theme is a
//! stylesheet: the built-in `default` and `paper`, or `themes/<name>/style.css`
//! in the portfolio, written into each client folder as `style.css` with the
//! client's brand colour as its accent. A monthly report's PDF is made here
//! too, from the same page, by [`crate::pdf`].

pub mod format;
pub mod i18n;
pub mod notes;
pub mod pages;
pub mod table;

use std::path::Path;
use std::sync::OnceLock;

use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use serde::Serialize;
use tera::Tera;

use crate::analytics::ClientFigures;
use crate::diagnostics::kind::RunProblem;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::{Client, Language, Looks, Month, Portfolio};
use crate::resolve::templates;
pub use crate::resolve::templates::TemplateError;
use pages::{Ctx, Site};

/// A file of a client's site: path relative to the client folder, contents.
pub type Page = (String, Vec<u8>);

/// The template engine with built-in templates and the portfolio's
/// overrides, and the theme's stylesheet.
pub struct Renderer {
    tera: Tera,
    css: String,
    /// For the place of a template that fails while rendering.
    looks: Looks,
    /// The PDFs' typesetter, set up by the first report that has one.
    typesetter: OnceLock<Result<crate::pdf::Typesetter, String>>,
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
struct Written {
    /// The files so far.
    pages: Vec<Page>,
    /// The pages' absolute addresses so far.
    urls: Vec<String>,
    /// The PDFs being typeset meanwhile, with their months.
    pdfs: Vec<PdfOf>,
}

/// A month's PDF being typeset.
type PdfOf = (
    Month,
    std::result::Result<crate::pdf::Pending, crate::pdf::Failure>,
);

impl Written {
    fn add(&mut self, (page, url): Rendered) {
        self.pages.push(page);
        self.urls.extend(url);
    }
}

/// A logo: its name in the client folder and its contents.
type Logo<'a> = (&'a str, &'a [u8]);

/// Start the PDF of month `m`'s report `page`, with the client's logo.
fn month_pdf(
    typesetter: &std::result::Result<crate::pdf::Typesetter, String>,
    (ctx, logo): (&Ctx, Option<Logo>),
    m: Month,
    page: &pages::month::MonthPage,
) -> std::result::Result<crate::pdf::Pending, crate::pdf::Failure> {
    let report = crate::pdf::Report {
        notes: month_notes(ctx, m, page),
        logo,
        ..crate::pdf::Report::of(ctx, m, page)
    };
    match typesetter {
        Ok(t) => Ok(t.start(&report)),
        Err(e) => Err(e.clone().into()),
    }
}

/// Month `m`'s notes as its page shows them: heading and Markdown.
fn month_notes<'a>(
    ctx: &'a Ctx,
    m: Month,
    page: &pages::month::MonthPage,
) -> Vec<(&'a str, &'a str)> {
    let t = ctx.t();
    let client = ctx.client.month_notes.get(&m).map(|n| (t.note, n.as_str()));
    let internal = ctx.client.internal_notes.months.get(&m);
    let internal = internal
        .filter(|_| page.internal_note.is_some())
        .map(|n| (t.internal_note, n.as_str()));
    client.into_iter().chain(internal).collect()
}

/// The PDF of month `m` once typeset; a report the typesetter cannot make
/// fails the build as a diagnostic, as a template would.
fn finish_pdf(
    ctx: &Ctx,
    m: Month,
    pending: std::result::Result<crate::pdf::Pending, crate::pdf::Failure>,
) -> Result<Page> {
    let made = pending.and_then(crate::pdf::Pending::wait);
    let path = format!("reports/{m}/{}", pages::month::PDF_FILE);
    let folder = Path::new("clients").join(ctx.client.id.as_str());
    made.map(|pdf| (path.clone(), pdf)).map_err(|failure| {
        let (problem, file) = match failure {
            crate::pdf::Failure::Logo(problem) => {
                let logo = ctx.logo.clone().unwrap_or_default();
                let file = folder.join(&logo);
                let problem = RunProblem::PdfLogo {
                    report: path,
                    logo,
                    problem,
                };
                (problem, file)
            }
            crate::pdf::Failure::Typeset(problems) => (
                RunProblem::PdfFailed {
                    report: path,
                    problems,
                },
                folder,
            ),
        };
        TemplateError(Diagnostic::error(problem).in_file(&file)).into()
    })
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
            typesetter: OnceLock::new(),
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
        context.insert("t", i18n::table(lang));
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
    /// read, the logo among them, which its PDFs carry).
    pub fn client(
        &self,
        portfolio: &Portfolio,
        client: &Client,
        figures: &ClientFigures,
        assets: &[Page],
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
            pdfs: Vec::new(),
        };
        let page = pages::overview::build(&ctx);
        let site = ctx.site(0, ctx.t().overview.to_string(), "overview");
        out.add(self.page(&frame, ("", "overview.html"), site, &page)?);
        self.months(&ctx, (&frame, logo), &mut out)?;
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
            pdfs,
            ..
        } = out;
        for (m, pending) in pdfs {
            pages.push(finish_pdf(&ctx, m, pending)?);
        }
        if !urls.is_empty() {
            pages.push(("sitemap.xml".into(), sitemap(&urls)));
        }
        Ok(pages)
    }

    /// The monthly reports, each with its PDF when roster.yaml's `pdf`
    /// makes one.
    fn months(
        &self,
        ctx: &Ctx,
        (frame, logo): (&Frame, Option<Logo>),
        out: &mut Written,
    ) -> Result<()> {
        let done: Vec<(Rendered, Option<PdfOf>)> = (ctx.months.par_iter().enumerate())
            .map(|(i, m)| {
                let page = pages::month::build(ctx, i);
                let title = format!("{} · {}", ctx.t().report_title, page.month);
                let site = ctx.site(2, title, "reports");
                let dir = format!("reports/{m}/");
                let pdf = page.pdf.is_some().then(|| {
                    let typesetter = self.typesetter.get_or_init(crate::pdf::Typesetter::new);
                    (*m, month_pdf(typesetter, (ctx, logo), *m, &page))
                });
                Ok((self.page(frame, (&dir, "month.html"), site, &page)?, pdf))
            })
            .collect::<Result<_>>()?;
        for (rendered, pdf) in done {
            out.add(rendered);
            out.pdfs.extend(pdf);
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
