//! `<output>/index.html` with `index: true`: the list of client sites, by
//! name only. Every client of a deployment can reach this page (one level
//! up from its own folder), so it shows no client's figures.

use serde::Serialize;

use super::{Site, accent_of, logo_of};
use crate::analytics::ClientFigures;
use crate::model::{Client, Portfolio};
use crate::view::i18n;

/// One client on the index.
#[derive(Debug, Serialize)]
pub(crate) struct ClientEntry {
    /// Display name.
    pub name: String,
    /// Its overview, relative to the index.
    pub href: String,
    /// Its logo, relative to the index.
    pub logo: Option<String>,
    /// Its brand colour.
    pub accent: String,
}

/// The index's `page` variable.
#[derive(Debug, Serialize)]
pub(crate) struct IndexPage {
    /// The clients, as roster.yaml's order of ids.
    pub clients: Vec<ClientEntry>,
}

/// The frame and page of the index, in roster.yaml's language.
pub(crate) fn build(
    portfolio: &Portfolio,
    clients: &[(&Client, &ClientFigures)],
) -> (Site, IndexPage) {
    let settings = &portfolio.settings;
    let lang = settings.language;
    let t = &i18n::catalogue(lang).texts;
    let clients = clients
        .iter()
        .map(|(c, _)| ClientEntry {
            name: c.name.clone(),
            href: format!("{}/index.html", c.id),
            logo: logo_of(c).map(|l| format!("{}/{l}", c.id)),
            accent: accent_of(c),
        })
        .collect();
    let site = Site {
        lang: lang.code(),
        title: settings.title.clone(),
        client: String::new(),
        page_title: t.report_sites.to_string(),
        running_head: String::new(),
        root: String::new(),
        logo: None,
        as_of: i18n::catalogue(lang).date(portfolio.as_of),
        nav: Vec::new(),
        canonical: settings.base_url.as_deref().map(base),
        internal: super::internal_mark(portfolio, lang),
    };
    (site, IndexPage { clients })
}

/// `base_url` with exactly one trailing slash.
pub(crate) fn base(url: &str) -> String {
    format!("{}/", url.trim_end_matches('/'))
}
