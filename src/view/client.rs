//! One client's whole site as views, made once and rendered by both
//! renderers: the HTML renderer fills a template with each page, the PDF
//! renderer typesets each monthly report that has a PDF. The pipeline makes
//! this and hands it to both, so neither renderer makes a view or knows the
//! other.

use rayon::prelude::*;

use crate::analytics::ClientFigures;
use crate::model::{Client, Month, Portfolio};

use super::pages::commitments::CommitmentsPage;
use super::pages::market::MarketPage;
use super::pages::month::MonthPage;
use super::pages::overview::Overview;
use super::pages::partnership::PartnershipPage;
use super::pages::{self, Ctx, Site};

/// One page as a view: the folder it is written to ("" or
/// "reports/2026-10/"), its frame (title, navigation, address) and what it
/// shows.
pub struct PageView<P> {
    /// The page's folder below the client's, ending in `/` unless empty.
    pub dir: String,
    /// What every page carries: titles, navigation, its address.
    pub site: Site,
    /// The page's own contents.
    pub page: P,
}

/// Every page of one client's site, in the order they are listed (and
/// listed in the sitemap): the overview, the monthly reports, the
/// commitments, the partnerships and the markets.
pub struct ClientView<'a> {
    /// The client, its figures and how its numbers are written.
    pub ctx: Ctx<'a>,
    /// The client folder's absolute address, when roster.yaml sets
    /// `base_url`.
    pub base: Option<String>,
    /// The overview, the client folder's `index.html`.
    pub overview: PageView<Overview>,
    /// Each monthly report, with its month.
    pub months: Vec<(Month, PageView<MonthPage>)>,
    /// Budgets and what is committed ahead.
    pub commitments: PageView<CommitmentsPage>,
    /// One page a partnership, in the client's order.
    pub partnerships: Vec<PageView<PartnershipPage>>,
    /// One page a market, in the client's order.
    pub markets: Vec<PageView<MarketPage>>,
}

impl<'a> ClientView<'a> {
    /// The views of every page of `client`'s site, the longer lists made in
    /// parallel (`serve` rebuilds one client at a time).
    pub fn new(
        portfolio: &'a Portfolio,
        client: &'a Client,
        figures: &'a ClientFigures,
    ) -> ClientView<'a> {
        let ctx = Ctx::new(portfolio, client, figures);
        let base = portfolio
            .settings
            .base_url
            .as_deref()
            .map(|b| format!("{}{}/", pages::site_index::base(b), client.id));
        let frame = |dir: String, mut site: Site| {
            site.canonical = base.as_ref().map(|b| format!("{b}{dir}"));
            (dir, site)
        };
        let overview = framed(
            frame(
                String::new(),
                ctx.site(0, ctx.t().overview.into(), "overview"),
            ),
            pages::overview::build(&ctx),
        );
        let months = (ctx.months.par_iter().enumerate())
            .map(|(i, m)| {
                let page = pages::month::build(&ctx, i);
                let title = format!("{} · {}", ctx.t().report_title, page.month);
                let site = ctx.site(2, title, "reports");
                (*m, framed(frame(format!("reports/{m}/"), site), page))
            })
            .collect();
        let site = ctx.site(1, ctx.t().commitments.into(), "commitments");
        let commitments = framed(
            frame("commitments/".into(), site),
            pages::commitments::build(&ctx),
        );
        let partnerships = (client.partnerships.par_iter().enumerate())
            .map(|(i, p)| {
                let page = pages::partnership::build(&ctx, i);
                let site = ctx.site(2, page.creator.clone(), "partnerships");
                framed(frame(format!("partnerships/{}/", p.id), site), page)
            })
            .collect();
        let markets = (client.markets.iter().enumerate())
            .map(|(i, m)| {
                let page = pages::market::build(&ctx, i);
                let site = ctx.site(2, page.name.clone(), "markets");
                framed(frame(format!("markets/{}/", m.id), site), page)
            })
            .collect();
        ClientView {
            base,
            overview,
            months,
            commitments,
            partnerships,
            markets,
            ctx,
        }
    }
}

/// `page` as the view of the page in folder `dir` framed by `site`.
fn framed<P>((dir, site): (String, Site), page: P) -> PageView<P> {
    PageView { dir, site, page }
}
