//! A monthly report (`reports/YYYY-MM/index.html`), in the order its
//! reader needs it (docs/themes.md, "The monthly report"): the month in
//! brief with its four headline figures, the budget and the decisions due
//! ([`super::month_lead`]), the month per creator; then the compounding
//! charts as they stand, the month's top posts, the cost and revenue trend
//! up to it, its note, the month against the month before and its posts;
//! and the latest month in brief for the overview. A month restated since
//! its report was sent opens with a notice and has a section that says
//! what changed ([`super::restated`]).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::compared::{compared_with, so_far};
use super::{
    Card, ChartView, Ctx, Def, Link, charts, how, month_creators, month_lead, restated, summary,
};
use crate::analytics::{MonthFigures, change};
use crate::model::{Language, Month, PostKind};
use crate::view::table::{Cell, Table};
use crate::view::{format, i18n, notes};

/// A monthly report's `page` variable.
#[derive(Debug, Serialize)]
pub struct MonthPage {
    /// "October 2026".
    pub month: String,
    /// Its PDF beside it (`report.pdf`), when roster.yaml's `pdf` makes one.
    pub pdf: Option<String>,
    /// The month before, when there is a report for it.
    pub prev: Option<Link>,
    /// The month after, when there is a report for it.
    pub next: Option<Link>,
    /// Headline figures with their change.
    pub cards: Vec<Card>,
    /// Whether there is a month before to compare with.
    pub compared: bool,
    /// The summary's heading.
    pub summary_title: &'static str,
    /// The month in brief, sentence by sentence.
    pub summary: Vec<String>,
    /// The four headline figures, the budget and the decisions due.
    pub lead: month_lead::Lead,
    /// What changed since the report was sent, when the month no longer
    /// matches its archive: the notice it opens with and its section.
    pub restated: Option<restated::RestatedView>,
    /// What the creators did, under the month per creator.
    pub creators_note: Vec<String>,
    /// The compounding charts as they stand, on the report date's month.
    pub compounding: Option<super::compounding::CompoundingView>,
    /// The month's top posts.
    pub top: month_lead::TopPosts,
    /// Every figure, this month against the one before.
    pub comparison: Table,
    /// Each partnership active in the month.
    pub creators: Table,
    /// What the page says instead of an empty table of creators.
    pub no_creators: &'static str,
    /// The month's posts.
    pub posts: Table,
    /// The month's note, as safe HTML.
    pub note: Option<String>,
    /// The agency's own note of the month, in an internal build only.
    pub internal_note: Option<String>,
    /// Cost and revenue by month up to this one.
    pub trend: ChartView,
    /// How we count.
    pub how: Vec<Def>,
}

/// The latest month on the overview.
#[derive(Debug, Serialize)]
pub struct Brief {
    /// "October 2026".
    pub month: String,
    /// "Latest month: October 2026", the month in lower case where the
    /// language writes it so mid-sentence.
    pub heading: String,
    /// Its report.
    pub href: String,
    /// Its PDF, when roster.yaml's `pdf` makes one.
    pub pdf: Option<String>,
    /// Headline figures with their change.
    pub cards: Vec<Card>,
}

/// Which way is good for a figure.
#[derive(Clone, Copy, PartialEq)]
enum Better {
    Up,
    Down,
    Neither,
}

/// A change as text with its direction's arrow and class.
fn change_cell(
    text: Option<String>,
    sign: Option<i8>,
    better: Better,
    na: &str,
) -> (String, String) {
    let Some(text) = text else {
        return (na.to_string(), String::new());
    };
    let (arrow, dir) = match sign {
        Some(1) => ("▲", "up"),
        Some(-1) => ("▼", "down"),
        _ => ("▬", "flat"),
    };
    // Good or bad only where a direction is good or bad for the client:
    // cost, reach and post counts are neutral.
    let tone = match (sign, better) {
        (Some(1), Better::Up) | (Some(-1), Better::Down) => " good",
        (Some(-1), Better::Up) | (Some(1), Better::Down) => " bad",
        (Some(_), Better::Neither) => " neutral",
        _ => "",
    };
    (format!("{arrow} {text}"), format!("change {dir}{tone}"))
}

fn sign_of(v: f64) -> i8 {
    if v > 1e-12 {
        1
    } else if v < -1e-12 {
        -1
    } else {
        0
    }
}

/// One figure of a month: label, value now, value before, change.
struct Line {
    label: &'static str,
    now: Cell,
    before: Cell,
    change: (String, String),
    csv_change: Option<String>,
}

fn lines(ctx: &Ctx, now: &MonthFigures, before: Option<&MonthFigures>) -> Vec<Line> {
    let t = ctx.t();
    let (a, b) = (&now.figures, before.map(|m| &m.figures));
    vec![
        money_line(
            ctx,
            t.cost,
            Some(a.cost),
            b.map(|b| Some(b.cost)),
            Better::Neither,
        ),
        money_line(
            ctx,
            t.revenue,
            Some(a.revenue),
            b.map(|b| Some(b.revenue)),
            Better::Up,
        ),
        rate_line(ctx, t.roi, a.roi, b.map(|b| b.roi), Better::Up),
        times_line(ctx, t.roas, a.roas, b.map(|b| b.roas), Better::Up),
        count_line(
            ctx,
            t.conversions,
            a.conversions,
            b.map(|b| b.conversions),
            Better::Up,
        ),
        money_line(ctx, t.cpa, a.cpa, b.map(|b| b.cpa), Better::Down),
        count_line(ctx, t.reach, a.reach, b.map(|b| b.reach), Better::Neither),
        count_line(
            ctx,
            t.engagements,
            a.engagements,
            b.map(|b| b.engagements),
            Better::Up,
        ),
        rate_line(
            ctx,
            t.engagement_rate,
            a.engagement_rate,
            b.map(|b| b.engagement_rate),
            Better::Up,
        ),
        money_line(
            ctx,
            t.cpm_reach,
            a.cost_per_thousand_reached,
            b.map(|b| b.cost_per_thousand_reached),
            Better::Down,
        ),
        count_line(
            ctx,
            t.sponsored_posts,
            now.sponsored_posts,
            before.map(|m| m.sponsored_posts),
            Better::Neither,
        ),
        count_line(
            ctx,
            t.organic_posts,
            now.organic_posts,
            before.map(|m| m.organic_posts),
            Better::Neither,
        ),
    ]
}

/// A money figure: its change in money and, when defined, relative to the
/// month before. `before` is `None` when there is no month before, and
/// `Some(None)` when the figure was undefined in it.
fn money_line(
    ctx: &Ctx,
    label: &'static str,
    now: Option<Decimal>,
    before: Option<Option<Decimal>>,
    better: Better,
) -> Line {
    let (x, lang) = (&ctx.fmt, ctx.lang());
    let d = before.and_then(|p| change::money(now, p));
    let rel = before.and_then(|p| change::relative(now, p));
    let text = d.map(|d| {
        let mut s = format::signed_money(d, x.currency, lang);
        if let Some(r) = rel {
            s.push_str(&format!(" ({})", format::signed_percent(r, lang)));
        }
        s
    });
    // The sign is that of the change as shown, to the cent.
    let sign = d.map(|d| sign_of(d.round_dp(2).try_into().unwrap_or(0.0)));
    Line {
        label,
        now: x.c_money(now),
        before: x.c_money(before.flatten()),
        change: change_cell(text, sign, better, &x.na()),
        csv_change: d.map(|d| x.sheet(format!("{:.2}", d.round_dp(2)))),
    }
}

/// A rate: its change in percentage points.
fn rate_line(
    ctx: &Ctx,
    label: &'static str,
    now: Option<f64>,
    before: Option<Option<f64>>,
    better: Better,
) -> Line {
    let (x, lang) = (&ctx.fmt, ctx.lang());
    let d = before.and_then(|p| change::ratio(now, p));
    Line {
        label,
        now: x.c_pct(now),
        before: x.c_pct(before.flatten()),
        change: change_cell(
            d.map(|d| format::points(d, lang)),
            d.map(|d| sign_of((d * 1000.0).round())),
            better,
            &x.na(),
        ),
        csv_change: d.map(|d| x.sheet(format!("{:.2}%", d * 100.0))),
    }
}

/// A ratio (ROAS): its change with a times sign.
fn times_line(
    ctx: &Ctx,
    label: &'static str,
    now: Option<f64>,
    before: Option<Option<f64>>,
    better: Better,
) -> Line {
    let (x, lang) = (&ctx.fmt, ctx.lang());
    let d = before.and_then(|p| change::ratio(now, p));
    Line {
        label,
        now: x.c_times(now),
        before: x.c_times(before.flatten()),
        change: change_cell(
            d.map(|d| format::signed_times(d, lang)),
            d.map(|d| sign_of((d * 100.0).round())),
            better,
            &x.na(),
        ),
        csv_change: d.map(|d| x.sheet(format!("{d:.4}"))),
    }
}

/// A count: its change as a signed whole number.
fn count_line(
    ctx: &Ctx,
    label: &'static str,
    now: u64,
    before: Option<u64>,
    better: Better,
) -> Line {
    let (x, lang) = (&ctx.fmt, ctx.lang());
    let d = before.map(|p| change::count(now, p));
    Line {
        label,
        now: x.c_int(now),
        before: x.c_int_o(before),
        change: change_cell(
            d.map(|d| format::signed_integer(d, lang)),
            d.map(|d| d.signum() as i8),
            better,
            &x.na(),
        ),
        csv_change: d.map(|d| d.to_string()),
    }
}

/// The cards of a month: the headline figures with their change as notes,
/// against the month before, or its same days (`to`) while the month is not
/// over.
fn cards(ctx: &Ctx, lines: &[Line], to: Option<NaiveDate>) -> Vec<Card> {
    let versus = match to {
        Some(to) => ctx.words().say.versus_days(to),
        None => ctx.t().vs_previous.to_string(),
    };
    let keep = [
        ctx.t().cost,
        ctx.t().revenue,
        ctx.t().roi,
        ctx.t().conversions,
        ctx.t().cpa,
        ctx.t().engagement_rate,
        ctx.t().sponsored_posts,
        ctx.t().organic_posts,
    ];
    lines
        .iter()
        .filter(|l| keep.contains(&l.label))
        .map(|l| {
            let tone = if l.change.1.contains("good") {
                "good"
            } else if l.change.1.contains("bad") {
                "bad"
            } else if l.change.1.contains("neutral") {
                "neutral"
            } else {
                ""
            };
            Card::new(l.label, l.now.text.clone()).note(format!("{} {versus}", l.change.0), tone)
        })
        .collect()
}

/// The name of a monthly report's PDF, beside its page.
pub const PDF_FILE: &str = "report.pdf";

/// Whether month `i` (an index of `ctx.months`) has a PDF.
pub fn has_pdf(ctx: &Ctx, i: usize) -> bool {
    ctx.portfolio.settings.pdf.covers(i, ctx.months.len())
}

/// The latest month in brief.
pub fn brief(ctx: &Ctx, i: usize, root: &str) -> Brief {
    let m = ctx.months[i];
    let lines = lines(ctx, &ctx.f.months[i], compared_with(ctx, i));
    Brief {
        month: i18n::catalogue(ctx.lang()).month(m),
        heading: ctx.words().say.latest_month(m),
        href: format!("{root}reports/{m}/index.html"),
        pdf: has_pdf(ctx, i).then(|| format!("{root}reports/{m}/{PDF_FILE}")),
        cards: cards(ctx, &lines, so_far(ctx, i).map(|s| s.before_through)),
    }
}

/// Build the report of month `i` (an index of `ctx.months`).
pub fn build(ctx: &Ctx, i: usize) -> MonthPage {
    let lang = ctx.lang();
    let m = ctx.months[i];
    let root = "../../";
    let before = compared_with(ctx, i);
    let lines = lines(ctx, &ctx.f.months[i], before);
    // A month not over is headed by its days, as the month before is.
    let so_far = so_far(ctx, i);
    let heading = so_far.map_or_else(
        || i18n::catalogue(lang).month(m),
        |s| ctx.words().say.days_to(s.through),
    );
    let mut comparison = Table::new("month", ctx.t().month_figures, ctx.download())
        .col(ctx.t().figure)
        .num(&heading);
    if let Some(b) = before {
        let heading = so_far.map_or_else(
            || i18n::catalogue(lang).month(b.month),
            |s| ctx.words().say.days_to(s.before_through),
        );
        comparison = comparison.num(&heading).num(ctx.t().change);
    }
    for l in &lines {
        let mut row = vec![Cell::text(l.label), l.now.clone()];
        if before.is_some() {
            row.push(l.before.clone());
            row.push(
                Cell::number(l.change.0.clone(), l.csv_change.clone()).class(l.change.1.clone()),
            );
        }
        comparison.row(row);
    }

    let posts = posts_table(ctx, m);
    let link = |k: usize| Link {
        label: i18n::catalogue(lang).month(ctx.months[k]),
        href: format!("{root}reports/{}/index.html", ctx.months[k]),
        note: String::new(),
    };
    let trend = charts::month_trend(ctx, "trend", i, root);
    let cards = cards(ctx, &lines, so_far.map(|s| s.before_through));
    let latest = i + 1 == ctx.months.len();
    MonthPage {
        month: i18n::catalogue(lang).month(m),
        pdf: has_pdf(ctx, i).then(|| PDF_FILE.to_string()),
        prev: i.checked_sub(1).map(link),
        next: (i + 1 < ctx.months.len()).then(|| link(i + 1)),
        lead: month_lead::lead(ctx, i, &cards, root),
        restated: restated::view(ctx, m),
        cards,
        compared: before.is_some(),
        summary_title: i18n::catalogue(lang).summary.title,
        summary: summary::lead(ctx, i),
        creators_note: summary::about_creators(ctx, i),
        compounding: latest.then(|| super::compounding::view(ctx)).flatten(),
        top: month_lead::top_posts(ctx, m, root),
        comparison,
        creators: month_creators::table(ctx, i, root),
        no_creators: i18n::catalogue(lang).summary.no_creators,
        posts,
        note: ctx.client.month_notes.get(&m).map(|n| notes::to_html(n)),
        internal_note: ctx
            .client
            .internal_notes
            .months
            .get(&m)
            .map(|n| notes::to_html(n)),
        trend,
        how: how::month(ctx, i),
    }
}

/// The posts published in month `m`, in publication order.
fn posts_table(ctx: &Ctx, m: Month) -> Table {
    let lang = ctx.lang();
    let x = &ctx.fmt;
    let root = "../../";
    let mut posts = Table::new("posts", ctx.t().month_posts, ctx.download())
        .col(ctx.t().date)
        .col(ctx.t().creator)
        .col(ctx.t().platform)
        .col(ctx.t().kind)
        .num(ctx.t().post_number)
        .num(ctx.t().reach)
        .num(ctx.t().engagements)
        .num(ctx.t().engagement_rate)
        .num(ctx.t().clicks)
        .num(ctx.t().conversions)
        .num(ctx.t().revenue)
        .csv_col(ctx.t().link);
    for &j in ctx.by_month.get(&m).map_or(&[][..], |v| v.as_slice()) {
        let post = &ctx.client.posts[j];
        let fact = &ctx.f.posts[j];
        let p = ctx.partnership(post.partnership.index());
        let class = match post.kind {
            PostKind::Sponsored => "",
            PostKind::Organic => "organic",
        };
        posts.row_with(
            vec![
                post_date(lang, post.date, post.url.as_deref()),
                Cell::text(ctx.creator_name(&p.id, &p.creator))
                    .link(format!("{root}partnerships/{}/index.html", p.id)),
                Cell::text(i18n::catalogue(lang).platform(p.platform)),
                post_kind(ctx, post.kind, fact.ramp_up),
                post_number(fact.number),
                x.c_int_o(post.counts.reach),
                x.c_int_o(post.counts.engagements),
                x.c_pct(fact.rate),
                x.c_int_o(post.counts.clicks),
                x.c_int_o(post.counts.conversions),
                x.c_money(fact.revenue),
                post_link(post.url.as_deref()),
            ],
            class,
        );
    }

    posts
}

/// A post's kind, marked when it fell in ramp-up.
pub fn post_kind(ctx: &Ctx, kind: PostKind, ramp_up: bool) -> Cell {
    let cell = Cell::text(match kind {
        PostKind::Sponsored => ctx.t().sponsored,
        PostKind::Organic => ctx.t().organic,
    });
    if ramp_up {
        cell.mark(ctx.t().ramp_up)
    } else {
        cell
    }
}

/// A post's number among its partnership's sponsored posts; organic posts
/// have none.
pub fn post_number(number: Option<u32>) -> Cell {
    number.map_or_else(
        || Cell::number("—".into(), None),
        |k| Cell::number(k.to_string(), Some(k.to_string())),
    )
}

/// A post's date, linked to the post on its platform when it has an http(s)
/// address (an external link, docs/deployment.md): the page needs no column of
/// addresses, which would set the table's width.
pub fn post_date(lang: Language, date: NaiveDate, url: Option<&str>) -> Cell {
    let cell = Cell::text(i18n::catalogue(lang).date_short(date));
    match url {
        Some(u) => cell.link(u).class("external"),
        None => cell,
    }
}

/// A post's address for the CSV file (the page links it from the date);
/// load keeps only http(s) addresses.
pub fn post_link(url: Option<&str>) -> Cell {
    Cell::text(url.unwrap_or_default())
}
