//! What a monthly report opens with, on its page and its PDF's first page
//! (the report's design, docs/themes.md "The monthly report"): the month's
//! four headline figures (spend, revenue, ROI, CPA) each against the month
//! before and its target; on the report date's own month, the budget's
//! status and the decisions due, as the overview lists them; and, further
//! down, the month's top posts with their thumbnails.

use std::cmp::Ordering;

use serde::Serialize;

use super::answer::{self, Budget};
use super::commitments::Due;
use super::{Card, Ctx, Link};
use crate::model::{Month, Post, PostKind};
use crate::view::i18n;

/// How many posts each ranking of top posts lists.
const TOP: usize = 3;

/// The opening of a monthly report.
#[derive(Debug, Serialize)]
pub struct Lead {
    /// Spend, revenue, ROI and CPA, each with its change and its target.
    pub figures: Vec<Card>,
    /// The budget covering the report date, on its month's report.
    pub budget: Option<Budget>,
    /// The decisions due, on the report date's month's report.
    pub decisions: Vec<Due>,
    /// "2 more", linking to every partnership on the overview.
    pub more: Option<Link>,
    /// Whether this is the report date's month (decisions are listed).
    pub latest: bool,
}

/// The lead of month `i`, from its `cards` (the page's figures with their
/// change), linked from a page at `root`.
pub(crate) fn lead(ctx: &Ctx, i: usize, cards: &[Card], root: &str) -> Lead {
    let t = ctx.t();
    // The month's ROI and CPA against the targets, as every page's cards
    // set them: "Target 50.0%", coloured by which side the figure is on.
    let targeted = super::figure_cards(ctx, &ctx.f.months[i].figures, None, (0, 0));
    let figures = [t.cost, t.revenue, t.roi, t.cpa]
        .iter()
        .filter_map(|label| {
            let mut card = cards.iter().find(|c| c.label == *label)?.clone();
            let target = (targeted.iter()).find(|c| c.label == *label && !c.note.is_empty());
            if let Some(target) = target.filter(|_| [t.roi, t.cpa].contains(label)) {
                card.note = match card.note.is_empty() {
                    true => target.note.clone(),
                    false => format!("{} · {}", card.note, target.note.to_lowercase()),
                };
                // The target decides the colour where one is set.
                card.tone = target.tone;
            }
            Some(card)
        })
        .collect();
    let latest = i + 1 == ctx.months.len();
    let (decisions, more) = match latest {
        true => answer::decisions(ctx, root),
        false => (Vec::new(), None),
    };
    Lead {
        figures,
        budget: latest.then(|| answer::budget(ctx)).flatten(),
        decisions,
        more,
        latest,
    }
}

/// The month's top posts.
#[derive(Debug, Serialize, Default)]
pub struct TopPosts {
    /// Three by revenue.
    pub by_revenue: Vec<TopPost>,
    /// Three by engagement rate.
    pub by_rate: Vec<TopPost>,
}

impl TopPosts {
    /// Whether neither ranking has a post.
    pub fn is_empty(&self) -> bool {
        self.by_revenue.is_empty() && self.by_rate.is_empty()
    }
}

/// A post among the month's best.
#[derive(Debug, Serialize, Clone)]
pub struct TopPost {
    /// The creator's name.
    pub creator: String,
    /// The partnership page.
    pub href: String,
    /// The post on its platform, when it has an address.
    pub url: Option<String>,
    /// "12 Oct · Instagram · sponsored".
    pub note: String,
    /// The figure it is ranked by, formatted.
    pub figure: String,
    /// Its thumbnail, relative to the page, when the portfolio has one.
    pub thumb: Option<String>,
    /// Its thumbnail, relative to the client's folder (for the PDF).
    pub thumb_file: Option<String>,
}

/// The top posts of month `m`: three by revenue and three by engagement
/// rate, sponsored and organic alike, posts whose figure is unknown left
/// out of that ranking, ties by post id.
pub(crate) fn top_posts(ctx: &Ctx, m: Month, root: &str) -> TopPosts {
    let posts: &[usize] = ctx.by_month.get(&m).map_or(&[], |v| v.as_slice());
    let x = &ctx.fmt;
    let by_revenue = ranked(ctx, posts, |j| {
        let r = ctx.f.posts[j].revenue?;
        Some((rust_decimal::prelude::ToPrimitive::to_f64(&r)?, x.money(r)))
    });
    let by_rate = ranked(ctx, posts, |j| {
        let r = ctx.f.posts[j].rate?;
        Some((r, x.pct(Some(r))))
    });
    TopPosts {
        by_revenue: by_revenue
            .into_iter()
            .map(|(j, f)| top_post(ctx, j, f, root))
            .collect(),
        by_rate: by_rate
            .into_iter()
            .map(|(j, f)| top_post(ctx, j, f, root))
            .collect(),
    }
}

/// The first three of `posts` by `value`, highest first, ties by post id.
fn ranked(
    ctx: &Ctx,
    posts: &[usize],
    value: impl Fn(usize) -> Option<(f64, String)>,
) -> Vec<(usize, String)> {
    let mut valued: Vec<(usize, f64, String)> = (posts.iter())
        .filter_map(|&j| value(j).map(|(v, s)| (j, v, s)))
        .filter(|(_, v, _)| v.is_finite())
        .collect();
    let id = |j: usize| ctx.client.posts[j].id.as_str();
    valued.sort_by(|a, b| {
        (b.1.partial_cmp(&a.1).unwrap_or(Ordering::Equal)).then_with(|| id(a.0).cmp(id(b.0)))
    });
    valued.truncate(TOP);
    valued.into_iter().map(|(j, _, s)| (j, s)).collect()
}

fn top_post(ctx: &Ctx, j: usize, figure: String, root: &str) -> TopPost {
    let lang = ctx.lang();
    let post: &Post = &ctx.client.posts[j];
    let p = ctx.partnership(post.partnership.index());
    let words = i18n::catalogue(lang);
    let kind = match post.kind {
        PostKind::Sponsored => ctx.t().sponsored,
        PostKind::Organic => ctx.t().organic,
    };
    let note = format!(
        "{} · {} · {}",
        words.date_short(post.date),
        words.platform(p.platform),
        kind.to_lowercase()
    );
    let thumb_file = thumbnail(ctx, &post.id);
    TopPost {
        creator: ctx.creator_name(&p.id, &p.creator),
        href: format!("{root}partnerships/{}/index.html", p.id),
        url: post.url.clone(),
        note,
        figure,
        thumb: thumb_file.as_ref().map(|f| format!("{root}{f}")),
        thumb_file,
    }
}

/// A post's thumbnail in the portfolio: `assets/posts/<post_id>.jpg` or
/// `.png`, for an id of letters, digits, `_` and `-` only, compared case
/// for case.
fn thumbnail(ctx: &Ctx, id: &str) -> Option<String> {
    let plain = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if !plain {
        return None;
    }
    ["jpg", "png"].iter().find_map(|ext| {
        let want = format!("assets/posts/{id}.{ext}");
        (ctx.client.assets.iter())
            .any(|a| a.to_str() == Some(want.as_str()))
            .then_some(want)
    })
}
