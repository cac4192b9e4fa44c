//! Page contexts: what each template receives, built from the figures and
//! the model of one client.
//!
//! [`Ctx`] is made once per client: it groups the client's posts by
//! partnership and by month in one pass, so that no page scans every post.
//! Each page module turns it into a serialisable context, whose tables
//! carry their CSV files in their links. docs/themes.md lists the
//! variables each template receives.

pub(crate) mod answer;
pub(crate) mod budgets;
pub(crate) mod charts;
pub(crate) mod commitments;
pub(crate) mod compared;
pub(crate) mod compounding;
pub(crate) mod cost_ahead;
pub(crate) mod daily;
pub(crate) mod how;
pub(crate) mod lift;
pub(crate) mod market;
pub(crate) mod models;
pub mod month;
pub(crate) mod month_creators;
pub(crate) mod month_lead;
pub(crate) mod overview;
pub(crate) mod partnership;
pub(crate) mod restated;
mod roster;
pub(crate) mod sample;
pub(crate) mod site_index;
pub(crate) mod summary;
pub(crate) mod timeline;

pub(crate) use roster::roster_table;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::format;
use super::i18n;
use super::table::{Cell, Download, Table};
use crate::analytics::{ClientFigures, Figures, PartnershipFigures};
use crate::model::{
    Client, Colour, Contract, ContractKind, Currency, Language, Month, PartnershipId, Portfolio,
};

/// One client's site as the pages see it.
pub struct Ctx<'a> {
    /// The whole portfolio (site title, settings).
    pub portfolio: &'a Portfolio,
    /// The client.
    pub client: &'a Client,
    /// Its figures.
    pub f: &'a ClientFigures,
    /// Number and date formats.
    pub fmt: Fmt,
    /// The brand colour, or the theme's accent.
    pub accent: String,
    /// The logo, relative to the client folder, when it is one of its assets.
    pub logo: Option<String>,
    /// Posts to date of each partnership, in publication order.
    pub by_partnership: Vec<Vec<usize>>,
    /// Posts to date by month, in publication order.
    pub by_month: BTreeMap<Month, Vec<usize>>,
    /// Months of `f.months`.
    pub months: Vec<Month>,
}

/// The accent when the client names no brand colour.
pub(crate) const DEFAULT_ACCENT: &str = "#2f5d8a";

/// The client's brand colour, or the default accent.
pub(crate) fn accent_of(client: &Client) -> String {
    client
        .brand
        .color
        .as_ref()
        .map_or_else(|| DEFAULT_ACCENT.to_string(), Colour::to_string)
}

/// The client's logo relative to its folder, when it is one of its assets
/// (only those are copied into the site).
pub(crate) fn logo_of(client: &Client) -> Option<String> {
    let logo = client.brand.logo.as_ref()?;
    client
        .assets
        .iter()
        .any(|a| a == logo)
        .then(|| logo.to_string_lossy().replace('\\', "/"))
}

impl<'a> Ctx<'a> {
    /// Group the client's posts once.
    pub fn new(portfolio: &'a Portfolio, client: &'a Client, f: &'a ClientFigures) -> Ctx<'a> {
        let mut by_partnership = vec![Vec::new(); client.partnerships.len()];
        let mut by_month: BTreeMap<Month, Vec<usize>> = BTreeMap::new();
        let mut order: Vec<usize> = (0..client.posts.len())
            .filter(|&j| f.posts.get(j).is_some_and(|p| p.to_date))
            .collect();
        order.sort_by(|&a, &b| {
            let (pa, pb) = (&client.posts[a], &client.posts[b]);
            pa.instant.cmp(&pb.instant).then_with(|| pa.id.cmp(&pb.id))
        });
        for j in order {
            let post = &client.posts[j];
            by_partnership[post.partnership.index()].push(j);
            by_month.entry(Month::of(post.date)).or_default().push(j);
        }
        Ctx {
            portfolio,
            client,
            f,
            fmt: Fmt {
                lang: client.language,
                currency: client.currency,
            },
            accent: accent_of(client),
            logo: logo_of(client),
            by_partnership,
            by_month,
            months: f.months.iter().map(|m| m.month).collect(),
        }
    }

    /// The client's language.
    pub fn lang(&self) -> Language {
        self.client.language
    }

    /// The catalogue of the client's language.
    pub fn words(&self) -> &'static i18n::Catalogue {
        i18n::catalogue(self.client.language)
    }

    /// The fixed strings of the client's language.
    pub fn t(&self) -> &'static i18n::Texts {
        &self.words().texts
    }

    /// A table's "Download CSV" link, in the client's language.
    pub fn download(&self) -> Download {
        Download {
            label: self.t().download_csv,
            lang: self.lang(),
        }
    }

    /// The report date.
    pub fn as_of(&self) -> NaiveDate {
        self.portfolio.as_of
    }

    /// The figures of a partnership by index (figures are in model order).
    pub fn partnership(&self, i: usize) -> &'a PartnershipFigures {
        &self.f.partnerships[i]
    }

    /// The creator of partnership `id` as the page's language names them
    /// (`creator.name_<lang>`), else `written`, the name as written.
    pub fn creator_name(&self, id: &PartnershipId, written: &str) -> String {
        let c = self.client;
        (c.partnerships.iter().chain(&c.signed))
            .find(|p| p.id == *id)
            .map_or(written, |p| p.creator.name_in(self.lang()))
            .to_string()
    }

    /// The index of a partnership id.
    pub fn partnership_index(&self, id: &PartnershipId) -> Option<usize> {
        self.client.partnerships.iter().position(|p| p.id == *id)
    }

    /// The market name of a partnership.
    pub fn market_name(&self, i: usize) -> &'a str {
        &self.client.markets[self.client.partnerships[i].market].name
    }

    /// The frame every page shares.
    pub fn site(&self, depth: usize, title: String, current: &'static str) -> Site {
        let root = "../".repeat(depth);
        let t = self.t();
        let nav = [
            ("overview", t.overview, "index.html".to_string()),
            (
                "reports",
                t.reports,
                self.months.last().map_or("index.html#reports".into(), |m| {
                    format!("reports/{m}/index.html")
                }),
            ),
            (
                "commitments",
                t.commitments,
                "commitments/index.html".to_string(),
            ),
            (
                "partnerships",
                t.partnerships,
                "index.html#roster".to_string(),
            ),
            ("markets", t.markets, "index.html#markets".to_string()),
        ]
        .into_iter()
        .map(|(key, label, href)| Nav {
            label,
            href: format!("{root}{href}"),
            current: key == current,
        })
        .collect();
        let internal = internal_mark(self.portfolio, self.lang());
        // A printed page of an internal build says so in its header too.
        let head = match internal {
            Some(mark) => format!("{mark} · {} · {title}", self.client.name),
            None => format!("{} · {title}", self.client.name),
        };
        Site {
            running_head: crate::html::css_string(&head),
            lang: self.lang().code(),
            title: self.portfolio.settings.title_in(self.lang()).to_string(),
            client: self.client.name.clone(),
            page_title: title,
            root: root.clone(),
            logo: self.logo.as_ref().map(|l| format!("{root}{l}")),
            as_of: i18n::catalogue(self.lang()).date(self.as_of()),
            nav,
            canonical: None,
            internal,
        }
    }
}

/// The mark of every page of an internal build, in `lang`.
pub(crate) fn internal_mark(portfolio: &Portfolio, lang: Language) -> Option<&'static str> {
    portfolio
        .internal
        .then(|| i18n::catalogue(lang).texts.internal_mark)
}

/// The frame of a page: the `site` variable of every template.
#[derive(Debug, Serialize)]
pub struct Site {
    /// `en` or `ru`.
    pub lang: &'static str,
    /// The portfolio's title (roster.yaml).
    pub title: String,
    /// The client's name.
    pub client: String,
    /// This page's title.
    pub page_title: String,
    /// The client and the page's title as a CSS string: the header of every
    /// printed page.
    pub running_head: String,
    /// The way back to the client folder: "" or "../../".
    pub root: String,
    /// The logo, relative to the page.
    pub logo: Option<String>,
    /// The report date, written out.
    pub as_of: String,
    /// The main navigation.
    pub nav: Vec<Nav>,
    /// The page's absolute address, only when roster.yaml sets `base_url`.
    pub canonical: Option<String>,
    /// The mark of an internal build ("Internal"), on every page of one.
    pub internal: Option<&'static str>,
}

/// A navigation link.
#[derive(Debug, Serialize)]
pub struct Nav {
    /// Text.
    pub label: &'static str,
    /// Relative link.
    pub href: String,
    /// Whether this page is under it.
    pub current: bool,
}

/// A link with its text.
#[derive(Debug, Serialize, Clone)]
pub struct Link {
    /// Text.
    pub label: String,
    /// Relative link.
    pub href: String,
    /// A second line (a figure, a date).
    pub note: String,
}

/// A headline figure on a card.
#[derive(Debug, Serialize, Clone)]
pub struct Card {
    /// What it is.
    pub label: String,
    /// The figure.
    pub value: String,
    /// A line under it: a target, a change.
    pub note: String,
    /// `good`, `bad` or empty: colours the note (never the only cue).
    pub tone: &'static str,
}

impl Card {
    /// A card without a note.
    pub fn new(label: impl Into<String>, value: String) -> Card {
        Card {
            label: label.into(),
            value,
            note: String::new(),
            tone: "",
        }
    }

    /// The same card with a note.
    pub fn note(mut self, note: String, tone: &'static str) -> Card {
        self.note = note;
        self.tone = tone;
        self
    }
}

/// A term and how it is counted, for "How we count".
#[derive(Debug, Serialize, Clone)]
pub struct Def {
    /// The figure.
    pub term: String,
    /// How it is computed, in plain words.
    pub text: String,
}

/// A chart with everything the page shows around it.
#[derive(Debug, Serialize)]
pub struct ChartView {
    /// Element id.
    pub id: String,
    /// Heading.
    pub title: String,
    /// The SVG, inline.
    pub svg: String,
    /// Legend entries.
    pub legend: Vec<Legend>,
    /// The chart's data.
    pub table: Table,
}

impl ChartView {
    /// A chart with its legend and data table.
    pub fn new(id: &str, title: &str, svg: String, legend: Vec<Legend>, table: Table) -> ChartView {
        ChartView {
            id: id.to_string(),
            title: title.to_string(),
            svg,
            legend,
            table,
        }
    }
}

/// A legend entry.
#[derive(Debug, Serialize, Clone)]
pub struct Legend {
    /// Series name.
    pub label: String,
    /// Colour role (`s1`, `accent`...).
    pub role: &'static str,
    /// `circle`, `triangle`, `square`, `ring`, `line` or `dash`.
    pub shape: &'static str,
}

/// Numbers for one client's language and currency.
#[derive(Debug, Clone, Copy)]
pub struct Fmt {
    /// Language.
    pub lang: Language,
    /// Reporting currency.
    pub currency: Currency,
}

impl Fmt {
    /// "n/a" or "н/д".
    pub fn na(&self) -> String {
        format::undefined(self.lang).to_string()
    }

    /// Money.
    pub fn money(&self, d: Decimal) -> String {
        format::money(d, self.currency, self.lang)
    }

    /// Money in whole units, as the headline figures show it.
    pub fn money_whole(&self, d: Decimal) -> String {
        format::money_whole(d, self.currency, self.lang)
    }

    /// Money or n/a.
    pub fn money_o(&self, d: Option<Decimal>) -> String {
        d.map_or_else(|| self.na(), |d| self.money(d))
    }

    /// A rate as a percentage or n/a.
    pub fn pct(&self, r: Option<f64>) -> String {
        r.map_or_else(|| self.na(), |r| format::percent(r, self.lang))
    }

    /// A ratio with a times sign or n/a.
    pub fn times(&self, r: Option<f64>) -> String {
        r.map_or_else(|| self.na(), |r| format::times(r, self.lang))
    }

    /// A whole number.
    pub fn int(&self, n: u64) -> String {
        format::integer(i128::from(n), self.lang)
    }

    /// A slope of engagement rate per post, in percentage points.
    pub fn trend(&self, slope: Option<f64>) -> String {
        slope.map_or_else(
            || self.na(),
            |s| {
                format!(
                    "{} {}",
                    format::points(s, self.lang),
                    i18n::catalogue(self.lang).texts.per_post
                )
            },
        )
    }

    /// A decimal for a spreadsheet in this language.
    fn sheet(&self, text: String) -> String {
        i18n::catalogue(self.lang).sheet_number(&text)
    }

    /// A money cell.
    pub fn c_money(&self, d: Option<Decimal>) -> Cell {
        let cell = Cell::number(
            self.money_o(d),
            // Rounded as the page shows it (halves away from zero), so the
            // page and the spreadsheet agree to the cent.
            d.map(|d| self.sheet(format!("{:.2}", format::cents(d)))),
        );
        Cell { amount: d, ..cell }
    }

    /// A rate cell.
    pub fn c_pct(&self, r: Option<f64>) -> Cell {
        Cell::number(
            self.pct(r),
            r.map(|r| self.sheet(format!("{:.2}%", r * 100.0))),
        )
    }

    /// A ratio cell (ROAS).
    pub fn c_times(&self, r: Option<f64>) -> Cell {
        Cell::number(self.times(r), r.map(|r| self.sheet(format!("{r:.4}"))))
    }

    /// A count cell.
    pub fn c_int(&self, n: u64) -> Cell {
        Cell::number(self.int(n), Some(n.to_string()))
    }

    /// A count cell that may be unknown.
    pub fn c_int_o(&self, n: Option<u64>) -> Cell {
        n.map_or_else(|| Cell::number(self.na(), None), |n| self.c_int(n))
    }

    /// A trend cell, with an arrow for its direction.
    pub fn c_trend(&self, slope: Option<f64>) -> Cell {
        let (arrow, class) = match slope {
            Some(s) if s > 0.0 => ("▲ ", "up"),
            Some(s) if s < 0.0 => ("▼ ", "down"),
            _ => ("", ""),
        };
        let text = slope.map_or_else(|| self.na(), |s| format::points(s, self.lang));
        Cell::number(
            format!("{arrow}{text}"),
            slope.map(|s| self.sheet(format!("{:.3}%", s * 100.0))),
        )
        .class(class)
    }
}

/// The cards of a group's headline figures, in docs/metrics.md's order.
pub(crate) fn figure_cards(
    ctx: &Ctx,
    f: &Figures,
    repeat: Option<f64>,
    posts: (u64, u64),
) -> Vec<Card> {
    let x = &ctx.fmt;
    let targets = &ctx.client.targets;
    let mut roi = Card::new(ctx.t().roi, x.pct(f.roi));
    if let Some(t) = targets.roi {
        let t = rust_decimal::prelude::ToPrimitive::to_f64(&t).unwrap_or_default();
        let tone = match f.roi {
            Some(r) if r >= t => "good",
            Some(_) => "bad",
            None => "",
        };
        roi = roi.note(format!("{} {}", ctx.t().target, x.pct(Some(t))), tone);
    }
    let mut cpa = Card::new(ctx.t().cpa, x.money_o(f.cpa));
    if let Some(t) = targets.cpa {
        let tone = match f.cpa {
            Some(c) if c <= t => "good",
            Some(_) => "bad",
            None => "",
        };
        cpa = cpa.note(format!("{} {}", ctx.t().target, x.money(t)), tone);
    }
    vec![
        Card::new(ctx.t().cost, x.money(f.cost)),
        Card::new(ctx.t().revenue, x.money(f.revenue)),
        roi,
        Card::new(ctx.t().roas, x.times(f.roas)),
        cpa,
        Card::new(ctx.t().cpm_reach, x.money_o(f.cost_per_thousand_reached)),
        Card::new(ctx.t().engagement_rate, x.pct(f.engagement_rate)),
        Card::new(ctx.t().repeat_rate, x.pct(repeat)),
        Card::new(ctx.t().conversions, x.int(f.conversions)),
        Card::new(ctx.t().reach, x.int(f.reach)).note(
            i18n::catalogue(ctx.lang())
                .say
                .engagements(&x.int(f.engagements)),
            "",
        ),
        Card::new(ctx.t().sponsored_posts, x.int(posts.0)),
        Card::new(ctx.t().organic_posts, x.int(posts.1)),
    ]
}

/// A contract as the pages write it: "umbrella · UA-2026-01", the kind or
/// the reference alone when only one is given, empty when neither is.
pub(crate) fn contract_text(ctx: &Ctx, c: &Contract) -> String {
    let kind = c.kind.map(|k| match k {
        ContractKind::Individual => ctx.t().individual.to_string(),
        ContractKind::Umbrella => ctx.t().umbrella.to_string(),
    });
    [kind, c.reference.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::table::Value;

    #[test]
    fn a_half_cent_rounds_the_same_way_on_the_page_and_in_the_csv() {
        let fmt = Fmt {
            lang: Language::En,
            currency: Currency::parse("USD").unwrap(),
        };
        let half = Decimal::new(125, 3);
        let cell = fmt.c_money(Some(half));
        assert_eq!(cell.text, "$0.13");
        assert_eq!(cell.value, Value::Number("0.13".into()));
        let cell = fmt.c_money(Some(-half));
        assert_eq!(cell.value, Value::Number("-0.13".into()));
    }
}
