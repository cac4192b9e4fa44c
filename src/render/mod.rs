//! Figures and templates to pages: tera setup, page contexts and formatting.
//!
//! Rendering never computes a figure: it reads [`ClientFigures`] and the
//! model, formats numbers for the client's language and fills templates.
//! Templates are built into the binary; a file of the same name in the
//! portfolio's `templates/` replaces one.

pub mod format;

use std::path::Path;

use anyhow::{Context, Result};
use serde::Serialize;
use tera::Tera;

use crate::analytics::ClientFigures;
use crate::model::{Client, Language, Portfolio};

/// The templates built into the binary: (name, source).
const BUILT_IN: &[(&str, &str)] = &[(
    "overview.html",
    include_str!("../../templates/overview.html"),
)];

/// A file of a client's site: path relative to the client folder, contents.
pub type Page = (String, Vec<u8>);

/// The template engine with built-in templates and the portfolio's overrides.
pub struct Renderer {
    tera: Tera,
}

impl Renderer {
    /// Load the built-in templates, then the portfolio's `templates/` over them.
    pub fn new(root: &Path) -> Result<Renderer> {
        let mut tera = Tera::default();
        let mut sources: Vec<(String, String)> = BUILT_IN
            .iter()
            .map(|(n, s)| ((*n).to_string(), (*s).to_string()))
            .collect();
        for (name, src) in sources.iter_mut() {
            let custom = root.join("templates").join(name.as_str());
            if custom.is_file() {
                *src = std::fs::read_to_string(&custom)
                    .with_context(|| format!("reading {}", custom.display()))?;
            }
        }
        tera.add_raw_templates(sources)
            .context("compiling the templates")?;
        tera.autoescape_on(vec![".html", ".xml"]);
        Ok(Renderer { tera })
    }

    /// Every file of one client's site.
    pub fn client(
        &self,
        portfolio: &Portfolio,
        client: &Client,
        figures: &ClientFigures,
    ) -> Result<Vec<Page>> {
        let mut pages = Vec::new();
        let json = serde_json::to_string_pretty(figures).context("serialising data.json")?;
        pages.push(("data.json".to_string(), format!("{json}\n").into_bytes()));
        let ctx = Overview::new(portfolio, client, figures);
        let context = tera::Context::from_serialize(&ctx).context("building the page context")?;
        let html = self
            .tera
            .render("overview.html", &context)
            .context("rendering overview.html")?;
        pages.push(("index.html".to_string(), html.into_bytes()));
        Ok(pages)
    }
}

/// A labelled figure, formatted.
#[derive(Debug, Serialize)]
struct Stat {
    label: &'static str,
    value: String,
}

#[derive(Debug, Serialize)]
struct Overview {
    lang: &'static str,
    title: String,
    client: String,
    as_of: String,
    stats: Vec<Stat>,
}

impl Overview {
    fn new(portfolio: &Portfolio, client: &Client, f: &ClientFigures) -> Overview {
        let lang = client.language;
        let p = &f.portfolio.figures;
        let money = |d| format::money(d, &client.currency, lang);
        let opt_money = |d: Option<rust_decimal::Decimal>| {
            d.map_or_else(|| format::undefined(lang).to_string(), money)
        };
        let pct = |r: Option<f64>| {
            r.map_or_else(
                || format::undefined(lang).to_string(),
                |x| format::percent(x, lang),
            )
        };
        let ru = lang == Language::Ru;
        let l = |en: &'static str, r: &'static str| if ru { r } else { en };
        Overview {
            lang: lang.code(),
            title: portfolio.settings.title.clone(),
            client: client.name.clone(),
            as_of: f.as_of.clone(),
            stats: vec![
                Stat {
                    label: l("Cost", "Затраты"),
                    value: money(p.cost),
                },
                Stat {
                    label: l("Revenue", "Выручка"),
                    value: money(p.revenue),
                },
                Stat {
                    label: "ROI",
                    value: pct(p.roi),
                },
                Stat {
                    label: "ROAS",
                    value: p.roas.map_or_else(
                        || format::undefined(lang).to_string(),
                        |x| format!("{x:.2}"),
                    ),
                },
                Stat {
                    label: "CPA",
                    value: opt_money(p.cpa),
                },
                Stat {
                    label: l("Cost per 1,000 reached", "Стоимость 1000 охвата"),
                    value: opt_money(p.cost_per_thousand_reached),
                },
                Stat {
                    label: l("Engagement rate", "Вовлечённость"),
                    value: pct(p.engagement_rate),
                },
                Stat {
                    label: l("Repeat purchase rate", "Повторные покупки"),
                    value: pct(f.portfolio.repeat_purchase_rate),
                },
                Stat {
                    label: l("Sponsored posts", "Спонсорские публикации"),
                    value: f.portfolio.sponsored_posts.to_string(),
                },
                Stat {
                    label: l("Organic mentions", "Органические упоминания"),
                    value: f.portfolio.organic_posts.to_string(),
                },
            ],
        }
    }
}
