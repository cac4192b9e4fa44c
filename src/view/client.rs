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
/// commitments, the partnerships and the markets. The pages both renderers
/// read are made at once; a partnership's or a market's, which only the
/// HTML renderer reads, when it asks for it ([`ClientView::partnership`],
/// [`ClientView::market`]), so that each is dropped as soon as its page is
/// written and a client's views never all sit in memory at once.
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
        let frame = |dir: String, site: Site| frame(base.as_deref(), dir, site);
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
        ClientView {
            base,
            overview,
            months,
            commitments,
            ctx,
        }
    }

    /// The page of the client's partnership `i`, in its order.
    pub fn partnership(&self, i: usize) -> PageView<PartnershipPage> {
        let page = pages::partnership::build(&self.ctx, i);
        let site = self.ctx.site(2, page.creator.clone(), "partnerships");
        let id = &self.ctx.client.partnerships[i].id;
        framed(
            frame(self.base.as_deref(), format!("partnerships/{id}/"), site),
            page,
        )
    }

    /// The page of the client's market `i`, in its order.
    pub fn market(&self, i: usize) -> PageView<MarketPage> {
        let page = pages::market::build(&self.ctx, i);
        let site = self.ctx.site(2, page.name.clone(), "markets");
        let id = &self.ctx.client.markets[i].id;
        framed(
            frame(self.base.as_deref(), format!("markets/{id}/"), site),
            page,
        )
    }
}

/// A page's folder and frame, with its address below the client folder's
/// `base` when there is one.
fn frame(base: Option<&str>, dir: String, mut site: Site) -> (String, Site) {
    site.canonical = base.map(|b| format!("{b}{dir}"));
    (dir, site)
}

/// `page` as the view of the page in folder `dir` framed by `site`.
fn framed<P>((dir, site): (String, Site), page: P) -> PageView<P> {
    PageView { dir, site, page }
}
