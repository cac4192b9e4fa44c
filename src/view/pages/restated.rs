//! What changed in a month already sent, in words (docs/history.md): the
//! notice a restated month's report opens with, its "Restated" section
//! (each restated figure as sent, now, the change and why), the overview's
//! list of restated months, and the figure a warning of `check` names.
//! A month that matches its archive, or has none, gets none of these.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use super::{Ctx, Link};
use crate::analytics::restated::{
    Because, Figure, RestatedMonth, Restatement, SettingMoved, Sort, Value, minor,
};
use crate::model::{Currency, Language, Month};
use crate::view::format;
use crate::view::i18n::{self, Texts};
use crate::view::table::{Cell, Download, Table};

#[cfg(test)]
mod tests;

/// A value as a report shows it: money to its minor unit, counts whole,
/// ROI and engagement rate as percentages, ROAS with a times sign; "n/a"
/// when undefined.
pub(crate) fn value(v: &Value, fig: Figure, currency: Currency, lang: Language) -> String {
    match (v, fig) {
        (Value::Money(Some(d)), _) => format::money_minor(*d, currency, lang),
        (Value::Count(n), _) => format::integer(i128::from(*n), lang),
        (Value::Ratio(Some(r)), Figure::Roas) => format::times(*r, lang),
        (Value::Ratio(Some(r)), _) => format::percent(*r, lang),
        (Value::Money(None) | Value::Ratio(None), _) => format::undefined(lang).to_string(),
    }
}

/// "revenue $31,717.24 -> $32,717.24": a restated figure in English, for
/// the warning of `check`.
pub(crate) fn in_words(r: &Restatement, currency: Currency) -> String {
    let lang = Language::En;
    let whose = match &r.partnership {
        Some(id) => format!("{id}'s "),
        None => String::new(),
    };
    format!(
        "{whose}{} {} -> {}",
        r.figure.name().replace('_', " "),
        value(&r.sent, r.figure, currency, lang),
        value(&r.now, r.figure, currency, lang)
    )
    .replace('\u{a0}', " ")
}

/// A restated month as its report shows it: `page.restated`.
#[derive(Debug, Serialize)]
pub struct RestatedView {
    /// The line the report opens with: "Restated since this report was
    /// archived as of 31 October 2026: revenue $1 → $2 and 3 more."
    pub notice: String,
    /// What the section is, under its heading.
    pub lead: String,
    /// The month's own restated figures: figure, as sent, now, change,
    /// why, in a report's order.
    pub month: Table,
    /// The partnerships' restated figures (creator, figure, as sent, now,
    /// change, why), when there are any.
    pub partnerships: Option<Table>,
}

/// How a restated month is put in words: the page's language and
/// currency, and the creators' names by partnership id.
pub(crate) struct Words<'a> {
    /// The page's language.
    pub lang: Language,
    /// The client's currency.
    pub currency: Currency,
    /// A partnership's creator as the page names them, when the
    /// partnership exists now.
    pub names: &'a dyn Fn(&str) -> Option<String>,
}

impl Words<'_> {
    fn t(&self) -> &'static Texts {
        &i18n::catalogue(self.lang).texts
    }

    fn say(&self) -> &'static dyn i18n::Sentences {
        i18n::catalogue(self.lang).say
    }

    /// A partnership by its creator's name, else by its id.
    fn name(&self, id: &str) -> String {
        (self.names)(id).unwrap_or_else(|| id.to_string())
    }

    fn value(&self, v: &Value, fig: Figure) -> String {
        value(v, fig, self.currency, self.lang)
    }

    /// A figure's name as a table heads it.
    pub(crate) fn label(&self, fig: Figure) -> &'static str {
        let t = self.t();
        match fig {
            Figure::Cost => t.cost,
            Figure::Revenue => t.revenue,
            Figure::Roi => t.roi,
            Figure::Roas => t.roas,
            Figure::Conversions => t.conversions,
            Figure::Cpa => t.cpa,
            Figure::Reach => t.reach,
            Figure::Engagements => t.engagements,
            Figure::EngagementRate => t.engagement_rate,
            Figure::CostPerThousandReached => t.cpm_reach,
            Figure::SponsoredPosts => t.sponsored_posts,
            Figure::OrganicPosts => t.organic_posts,
        }
    }

    /// How many decimals a restated ratio is shown with: the pages' own
    /// (one for a percentage, two for ROAS), or, where those would show
    /// the same value on both sides, those a restatement compares at (4
    /// decimals of the ratio: two of a percentage).
    fn decimals(&self, r: &Restatement) -> u32 {
        let (base, fine) = match r.figure {
            Figure::Roas => (2, 4),
            _ => (1, 2),
        };
        match (r.sent, r.now) {
            (Value::Ratio(Some(a)), Value::Ratio(Some(b)))
                if ratio_at(a, r.figure, base) == ratio_at(b, r.figure, base) =>
            {
                fine
            }
            _ => base,
        }
    }

    /// A value of `r`'s figure as the section shows it: as [`value`], a
    /// ratio to `dp` decimals.
    fn shown(&self, v: &Value, fig: Figure, dp: u32) -> String {
        let Value::Ratio(Some(x)) = v else {
            return self.value(v, fig);
        };
        let n = format::number(ratio_at(*x, fig, dp), dp, self.lang);
        match fig {
            Figure::Roas => format!("{n}×"),
            _ => format!("{n}{}", i18n::catalogue(self.lang).numbers.percent),
        }
    }

    /// "revenue $31,717.24 → $32,282.24", or with the creator's name
    /// before it for a partnership's figure.
    pub(crate) fn figure(&self, r: &Restatement) -> String {
        let whose = r.partnership.as_deref().map(|id| self.name(id));
        let dp = self.decimals(r);
        self.say().restated_figure(
            &mid_sentence(self.label(r.figure)),
            whose.as_deref(),
            &self.shown(&r.sent, r.figure, dp),
            &self.shown(&r.now, r.figure, dp),
        )
    }

    /// The line a restated month's report opens with, or `None` when
    /// nothing in it is restated.
    pub(crate) fn notice(&self, m: &RestatedMonth) -> Option<String> {
        let first = m.first()?;
        let as_of = i18n::catalogue(self.lang).date(m.as_of);
        let more = m.items.len().saturating_sub(1);
        Some(
            self.say()
                .restated_notice(&as_of, &self.figure(first), more),
        )
    }

    /// The change from as sent to now, between the values as shown: money
    /// at the minor unit with its sign, counts with theirs, ROI and
    /// engagement rate in percentage points, ROAS with its sign; "n/a"
    /// when either side is undefined.
    pub(crate) fn change(&self, r: &Restatement) -> String {
        let (fig, dp) = (r.figure, self.decimals(r));
        match (r.sent, r.now) {
            (Value::Money(Some(a)), Value::Money(Some(b))) => {
                self.signed_money(minor(b, self.currency) - minor(a, self.currency))
            }
            (Value::Count(a), Value::Count(b)) => {
                format::signed_integer(i128::from(b) - i128::from(a), self.lang)
            }
            (Value::Ratio(Some(a)), Value::Ratio(Some(b))) => {
                self.signed_ratio(ratio_at(b, fig, dp) - ratio_at(a, fig, dp), fig, dp)
            }
            _ => format::undefined(self.lang).to_string(),
        }
    }

    fn signed_money(&self, d: Decimal) -> String {
        let text = format::money_minor(d, self.currency, self.lang);
        match minor(d, self.currency) > Decimal::ZERO {
            true => format!("+{text}"),
            false => text,
        }
    }

    /// A change of a ratio, already as shown (ROAS, or a percentage's
    /// hundredths), to `dp` decimals: "+0.04", "+3.9 points".
    fn signed_ratio(&self, d: Decimal, fig: Figure, dp: u32) -> String {
        let d = d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
        let n = format::number(d, dp, self.lang);
        let n = match d > Decimal::ZERO {
            true => format!("+{n}"),
            false => n,
        };
        match fig {
            Figure::Roas => n,
            _ => format!("{n}\u{a0}{}", self.t().points_unit),
        }
    }

    /// Why a figure moved, in plain words, reasons apart by semicolons: the
    /// partnerships that moved it (with their amounts for a sum), those
    /// new in the month, gone from it or renamed, the FX rates and
    /// settings that changed, and what none of these explains.
    pub(crate) fn why(&self, r: &Restatement) -> String {
        let (b, t) = (&r.because, &i18n::catalogue(self.lang).restated);
        let own = r.partnership.as_deref();
        let mut parts = Vec::new();
        if own.is_some_and(|id| b.partnerships.iter().any(|m| m.id == id)) {
            parts.push(t.own.to_string());
        }
        let others: Vec<_> = (b.partnerships.iter())
            .filter(|m| Some(m.id.as_str()) != own)
            .collect();
        match r.figure.sort() {
            Sort::Money | Sort::Count => parts.extend(others.iter().map(|m| {
                let (sent, now) = (self.value(&m.sent, r.figure), self.value(&m.now, r.figure));
                format!("{}: {sent} → {now}", self.name(&m.id))
            })),
            Sort::MoneyRatio | Sort::Ratio if !others.is_empty() => {
                let names: Vec<String> = others.iter().map(|m| self.name(&m.id)).collect();
                parts.push(self.say().inputs_moved(&names.join(", ")));
            }
            _ => {}
        }
        let listed = |label: &str, ids: &[String]| {
            let names: Vec<String> = ids.iter().map(|id| self.name(id)).collect();
            (!ids.is_empty()).then(|| format!("{label}: {}", names.join(", ")))
        };
        parts.extend(listed(t.appeared, &b.appeared));
        parts.extend(listed(t.disappeared, &b.disappeared));
        parts.extend(b.renamed.iter().map(|n| {
            format!(
                "{}: {} → {}",
                t.renamed,
                self.name(&n.from),
                self.name(&n.to)
            )
        }));
        parts.extend(b.fx.iter().map(|x| {
            let (sent, now) = (self.rate(&x.sent), self.rate(&x.now));
            self.say().rate_moved(&x.from, &x.to, &sent, &now)
        }));
        parts.extend(b.settings.iter().map(|s| self.setting(s)));
        parts.extend(self.unexplained(b, r.figure));
        match parts.is_empty() {
            true => "—".to_string(),
            false => parts.join("; "),
        }
    }

    /// An FX rate as written, to as many decimals as it has.
    fn rate(&self, v: &Value) -> String {
        match v {
            Value::Money(Some(d)) => format::number(*d, d.normalize().scale().min(12), self.lang),
            _ => format::undefined(self.lang).to_string(),
        }
    }

    /// "currency: USD → EUR", a setting's values in the page's words.
    fn setting(&self, s: &SettingMoved) -> String {
        let (t, restated) = (self.t(), &i18n::catalogue(self.lang).restated);
        let denominator = |v: &str| match v {
            "reach" => mid_sentence(t.reach),
            "impressions" => mid_sentence(t.impressions),
            "followers" => mid_sentence(t.followers),
            other => other.to_string(),
        };
        let (label, sent, now) = match s.setting {
            "currency" => (restated.currency, s.sent.clone(), s.now.clone()),
            "engagement_denominator" => (
                restated.denominator,
                denominator(&s.sent),
                denominator(&s.now),
            ),
            _ => (restated.version, s.sent.clone(), s.now.clone()),
        };
        format!("{label}: {sent} → {now}")
    }

    /// "unexplained: +$10.00" when the reasons leave part of the change;
    /// the word alone when a ratio moved for no reason found and one of
    /// its sides is undefined.
    fn unexplained(&self, b: &Because, fig: Figure) -> Option<String> {
        // A ratio's whole change, to the finer of its decimals.
        let word = i18n::catalogue(self.lang).restated.unexplained;
        let left = match b.unexplained {
            Value::Money(Some(d)) if !minor(d, self.currency).is_zero() => self.signed_money(d),
            Value::Count(n) if n != 0 => format::signed_integer(i128::from(n), self.lang),
            Value::Ratio(Some(r)) if (r * 10_000.0).round() != 0.0 => {
                self.signed_ratio(ratio_at(r, fig, 2), fig, 2)
            }
            Value::Money(None) | Value::Ratio(None) => return Some(word.to_string()),
            _ => return None,
        };
        Some(format!("{word}: {left}"))
    }

    /// A value for a spreadsheet in the page's language: money at its
    /// minor unit, counts whole, percentages to two decimals, ROAS to
    /// four; empty when undefined.
    fn sheet(&self, v: &Value, fig: Figure) -> Option<String> {
        let plain = match (v, fig) {
            (Value::Money(Some(d)), _) => minor(*d, self.currency).to_string(),
            (Value::Count(n), _) => n.to_string(),
            (Value::Ratio(Some(r)), Figure::Roas) => format!("{r:.4}"),
            (Value::Ratio(Some(r)), _) => format!("{:.2}%", r * 100.0),
            _ => return None,
        };
        Some(i18n::catalogue(self.lang).sheet_number(&plain))
    }

    /// The change as a value: `now` less `sent`.
    fn difference(r: &Restatement) -> Value {
        match (r.sent, r.now) {
            (Value::Money(Some(a)), Value::Money(Some(b))) => Value::Money(Some(b - a)),
            (Value::Count(a), Value::Count(b)) => Value::Count(b.saturating_sub(a)),
            (Value::Ratio(Some(a)), Value::Ratio(Some(b))) => Value::Ratio(Some(b - a)),
            _ => Value::Ratio(None),
        }
    }

    /// The table of `items`, each a row, headed by `whose` (the creator)
    /// when they are partnerships' figures.
    fn table(&self, id: &str, caption: &str, items: &[&Restatement], whose: bool) -> Table {
        let (t, r) = (self.t(), &i18n::catalogue(self.lang).restated);
        let download = Download {
            label: t.download_csv,
            lang: self.lang,
        };
        let mut table = Table::new(id, caption, download);
        if whose {
            table = table.col(t.creator);
        }
        let mut table = (table.col(t.figure).num(r.as_sent).num(r.now))
            .num(t.change)
            .col(r.why);
        for item in items {
            let (fig, dp) = (item.figure, self.decimals(item));
            let mut row = Vec::new();
            if let Some(id) = item.partnership.as_deref().filter(|_| whose) {
                row.push(Cell::text(self.name(id)));
            }
            row.extend([
                Cell::text(self.label(fig)),
                Cell::number(self.shown(&item.sent, fig, dp), self.sheet(&item.sent, fig)),
                Cell::number(self.shown(&item.now, fig, dp), self.sheet(&item.now, fig)),
                Cell::number(self.change(item), self.sheet(&Words::difference(item), fig)),
                Cell::text(self.why(item)),
            ]);
            table.row(row);
        }
        table
    }

    /// The month's report's view of `m`: its notice and its tables.
    pub(crate) fn view(&self, m: &RestatedMonth) -> Option<RestatedView> {
        let say = self.say();
        let row = m.row();
        let mut theirs: Vec<&Restatement> = (m.items.iter())
            .filter(|r| r.partnership.is_some())
            .collect();
        theirs.sort_by(|a, b| (&a.partnership, a.figure).cmp(&(&b.partnership, b.figure)));
        let title = i18n::catalogue(self.lang).restated.title;
        let by_partnership = say.restated_by_partnership(theirs.len());
        Some(RestatedView {
            notice: self.notice(m)?,
            lead: say.restated_lead(&i18n::catalogue(self.lang).date(m.as_of)),
            month: self.table("restated-month", title, &row, false),
            partnerships: (!theirs.is_empty())
                .then(|| self.table("restated-partnerships", &by_partnership, &theirs, true)),
        })
    }
}

/// A ratio as a page shows it, ROAS as it is and a percentage in
/// hundredths, at `dp` decimals, halves away from zero.
fn ratio_at(r: f64, fig: Figure, dp: u32) -> Decimal {
    let scaled = match fig {
        Figure::Roas => r,
        _ => r * 100.0,
    };
    let d = Decimal::from_f64_retain(scaled).unwrap_or_default();
    d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// A figure's name mid-sentence: "Revenue" as "revenue", "Выручка" as
/// "выручка"; a name that begins with an abbreviation ("ROI", "CPA")
/// keeps it.
pub(crate) fn mid_sentence(label: &str) -> String {
    let mut chars = label.chars();
    let (Some(first), second) = (chars.next(), chars.next()) else {
        return label.to_string();
    };
    match second.is_some_and(char::is_uppercase) {
        true => label.to_string(),
        false => first.to_lowercase().chain(label.chars().skip(1)).collect(),
    }
}

/// The words of `ctx`'s client: its language, currency and creators.
fn with_words<T>(ctx: &Ctx, f: impl FnOnce(&Words) -> T) -> T {
    let client = ctx.client;
    let lang = ctx.lang();
    let names = |id: &str| {
        (client.partnerships.iter().chain(&client.signed))
            .find(|p| p.id.as_str() == id)
            .map(|p| p.creator.name_in(lang).to_string())
    };
    f(&Words {
        lang,
        currency: client.currency,
        names: &names,
    })
}

/// Month `m`'s restatement, when its data no longer matches its archive.
pub(crate) fn of_month<'a>(ctx: &'a Ctx, m: Month) -> Option<&'a RestatedMonth> {
    ctx.f.restated.iter().find(|r| r.month == m)
}

/// Month `m`'s report's view of its restatement, or `None` when the month
/// matches its archive or has none.
pub(crate) fn view(ctx: &Ctx, m: Month) -> Option<RestatedView> {
    let restated = of_month(ctx, m)?;
    with_words(ctx, |w| w.view(restated))
}

/// The restated months that have a report, each linked to its Restated
/// section from a page at `root`, with its first restated figure.
pub(crate) fn months(ctx: &Ctx, root: &str) -> Vec<Link> {
    with_words(ctx, |w| {
        (ctx.f.restated.iter())
            .filter(|r| ctx.months.contains(&r.month))
            .filter_map(|r| {
                Some(Link {
                    label: i18n::catalogue(w.lang).month(r.month),
                    href: format!("{root}reports/{}/index.html#restated", r.month),
                    note: w.figure(r.first()?),
                })
            })
            .collect()
    })
}
