//! One archived month against the same month now: each figure of the
//! month's row and of each partnership present on both sides, and the
//! reasons for each that differs.

use rust_decimal::Decimal;

use super::{
    Because, Figure, Moved, RateMoved, Renamed, Restatement, SettingMoved, Sides, Sort, Value,
    minor,
};
use crate::analytics::record::{self, MonthRecord};
use crate::analytics::totals::Figures;
use crate::model::archive::{ArchiveFile, ArchivedSums};
use crate::model::{Client, Settings};

/// What moved in the month as a whole: partnerships on one side only, and
/// the rates and settings.
struct Context<'a> {
    sides: Sides<'a>,
    appeared: Vec<&'a str>,
    disappeared: Vec<&'a str>,
    renamed: Vec<(&'a str, &'a str)>,
    fx: Vec<RateMoved>,
    currency: Option<SettingMoved>,
    denominator: Option<SettingMoved>,
    roster: Option<SettingMoved>,
}

/// Every restated figure of `record`'s month against `now`: the month's
/// row first, then each partnership's by id, each by figure name.
pub(crate) fn compare(
    c: &Client,
    settings: &Settings,
    record: &ArchiveFile,
    now: &MonthRecord,
) -> Vec<Restatement> {
    let cx = context(c, settings, record, now);
    let mut out = Vec::new();
    let sent_row = &record.month_row;
    let row_now = Figures::of_sums(&now.row);
    let mut row: Vec<Restatement> = Figure::ALL
        .iter()
        .filter_map(|&fig| {
            let sent = sent_of_row(fig, sent_row);
            let then = fig.of(&now.row, &row_now);
            sent.differs(&then, c.currency).then(|| Restatement {
                month: now.month,
                partnership: None,
                figure: fig,
                sent,
                now: then,
                because: row_because(fig, &cx, (&sent, &then), c),
            })
        })
        .collect();
    row.sort_by_key(|r| r.figure.name());
    out.extend(row);
    for (id, sent_sums) in &cx.sides.sent {
        let Some(now_sums) = cx.sides.now.get(id) else {
            continue;
        };
        let (f_sent, f_now) = (Figures::of_sums(sent_sums), Figures::of_sums(now_sums));
        let mut own: Vec<Restatement> = Figure::ALL
            .iter()
            .filter_map(|&fig| {
                let (sent, then) = (fig.of(sent_sums, &f_sent), fig.of(now_sums, &f_now));
                sent.differs(&then, c.currency).then(|| Restatement {
                    month: now.month,
                    partnership: Some(id.to_string()),
                    figure: fig,
                    sent,
                    now: then,
                    because: own_because(fig, id, &cx, (&sent, &then)),
                })
            })
            .collect();
        own.sort_by_key(|r| r.figure.name());
        out.extend(own);
    }
    out
}

/// A figure of the month's row as the archive wrote it.
fn sent_of_row(fig: Figure, row: &crate::model::archive::ArchivedRow) -> Value {
    match fig {
        Figure::Roi => Value::Ratio(row.roi),
        Figure::Roas => Value::Ratio(row.roas),
        Figure::Cpa => Value::Money(row.cpa),
        Figure::EngagementRate => Value::Ratio(row.engagement_rate),
        Figure::CostPerThousandReached => Value::Money(row.cost_per_thousand_reached),
        other => other.of(&row.sums(), &Figures::of_sums(&row.sums())),
    }
}

/// The partnerships on one side only, renames matched, and the rates and
/// settings that moved.
fn context<'a>(
    c: &'a Client,
    settings: &Settings,
    record: &'a ArchiveFile,
    now: &MonthRecord,
) -> Context<'a> {
    let sides = Sides::of(c, record, now);
    let mut appeared: Vec<&str> = (sides.now.keys())
        .filter(|id| !sides.sent.contains_key(*id))
        .copied()
        .collect();
    let mut disappeared = Vec::new();
    let mut renamed = Vec::new();
    for (id, sums) in sides
        .sent
        .iter()
        .filter(|(id, _)| !sides.now.contains_key(*id))
    {
        match appeared.iter().position(|a| sides.now[a] == *sums) {
            Some(i) => renamed.push((*id, appeared.remove(i))),
            None => disappeared.push(*id),
        }
    }
    let sent_settings = &record.settings;
    let now_settings = record::settings_of(c, settings);
    let moved = |setting, sent: &str, now: &str| {
        (sent != now).then(|| SettingMoved {
            setting,
            sent: sent.to_string(),
            now: now.to_string(),
        })
    };
    let ours = env!("CARGO_PKG_VERSION");
    Context {
        fx: rates_moved(c, record, now),
        currency: moved("currency", &sent_settings.currency, &now_settings.currency),
        denominator: moved(
            "engagement_denominator",
            &sent_settings.engagement_denominator,
            &now_settings.engagement_denominator,
        ),
        roster: moved("roster", &record.roster, ours),
        sides,
        appeared,
        disappeared,
        renamed,
    }
}

/// The month's rates that differ from the archive's, by currency.
fn rates_moved(c: &Client, record: &ArchiveFile, now: &MonthRecord) -> Vec<RateMoved> {
    let mut from: std::collections::BTreeMap<String, (Option<Decimal>, Option<Decimal>)> =
        Default::default();
    for r in &record.fx {
        from.entry(r.from.clone()).or_default().0 = Some(r.rate);
    }
    for (currency, rate) in &now.fx {
        from.entry(currency.to_string()).or_default().1 = Some(*rate);
    }
    (from.into_iter())
        .filter(|(_, (sent, now))| sent != now)
        .map(|(code, (sent, now))| RateMoved {
            from: code,
            to: c.currency.to_string(),
            sent: Value::Money(sent),
            now: Value::Money(now),
        })
        .collect()
}

/// Why a figure of the month's row moved.
fn row_because(fig: Figure, cx: &Context, (sent, now): (&Value, &Value), c: &Client) -> Because {
    let mut b = Because::default();
    let additive = matches!(fig.sort(), Sort::Money | Sort::Count);
    let value = |s: &ArchivedSums| fig.of(s, &Figures::of_sums(s));
    for (id, s) in &cx.sides.sent {
        let Some(n) = cx.sides.now.get(id) else {
            continue;
        };
        if additive && value(s) != value(n) {
            let (sent, now) = (value(s), value(n));
            b.partnerships.push(Moved {
                id: id.to_string(),
                sent,
                now,
            });
        } else if !additive && fig.inputs_differ(s, n) {
            let none = blank(fig);
            b.partnerships.push(Moved {
                id: id.to_string(),
                sent: none,
                now: none,
            });
        }
    }
    let counts = |ids: &[&str], side: &std::collections::BTreeMap<&str, ArchivedSums>| {
        (ids.iter())
            .filter(|id| !fig.no_inputs(&side[**id]))
            .map(|id| id.to_string())
            .collect::<Vec<_>>()
    };
    b.appeared = counts(&cx.appeared, &cx.sides.now);
    b.disappeared = counts(&cx.disappeared, &cx.sides.sent);
    b.renamed = (cx.renamed.iter())
        .map(|(from, to)| Renamed {
            from: from.to_string(),
            to: to.to_string(),
        })
        .collect();
    reasons_of_month(fig, cx, &mut b);
    b.unexplained = match additive {
        true => remainder(fig, cx, (sent, now), &b, c),
        false => ratio_left(fig, (sent, now), &b),
    };
    b
}

/// A ratio's value with no amount.
fn blank(fig: Figure) -> Value {
    match fig.sort() {
        Sort::Ratio => Value::Ratio(None),
        _ => Value::Money(None),
    }
}

/// The rates and settings that move `fig`, and the roster version when
/// nothing else is found.
fn reasons_of_month(fig: Figure, cx: &Context, b: &mut Because) {
    if fig.of_money() {
        b.fx = cx.fx.clone();
        b.settings.extend(cx.currency.clone());
    }
    if fig == Figure::EngagementRate {
        b.settings.extend(cx.denominator.clone());
    }
    if !b.found(|_| true) {
        b.settings.extend(cx.roster.clone());
    }
}

/// What the partnerships listed leave of a sum's change: at the minor
/// unit for money, exactly for counts.
fn remainder(
    fig: Figure,
    cx: &Context,
    (sent, now): (&Value, &Value),
    b: &Because,
    c: &Client,
) -> Value {
    let value = |s: &ArchivedSums| fig.of(s, &Figures::of_sums(s));
    let mut parts: Vec<(Value, Value)> = (b.partnerships.iter()).map(|m| (m.sent, m.now)).collect();
    let zero = match fig.sort() {
        Sort::Count => Value::Count(0),
        _ => Value::Money(Some(Decimal::ZERO)),
    };
    parts.extend(
        b.appeared
            .iter()
            .map(|id| (zero, value(&cx.sides.now[id.as_str()]))),
    );
    parts.extend(
        b.disappeared
            .iter()
            .map(|id| (value(&cx.sides.sent[id.as_str()]), zero)),
    );
    for r in &b.renamed {
        let (from, to) = (
            &cx.sides.sent[r.from.as_str()],
            &cx.sides.now[r.to.as_str()],
        );
        parts.push((value(from), value(to)));
    }
    match (sent, now) {
        (Value::Count(s), Value::Count(n)) => {
            let moved: i64 = (parts.iter())
                .map(|p| match p {
                    (Value::Count(a), Value::Count(b)) => b - a,
                    _ => 0,
                })
                .sum();
            Value::Count(n - s - moved)
        }
        (Value::Money(s), Value::Money(n)) => {
            let moved: Decimal = (parts.iter())
                .map(|p| match p {
                    (Value::Money(a), Value::Money(b)) => {
                        b.unwrap_or_default() - a.unwrap_or_default()
                    }
                    _ => Decimal::ZERO,
                })
                .sum();
            let left = n.unwrap_or_default() - s.unwrap_or_default() - moved;
            Value::Money(Some(minor(left, c.currency)))
        }
        _ => zero,
    }
}

/// A ratio's unexplained part: 0 when a reason is found, else its whole
/// change (`null` when either side is undefined).
fn ratio_left(fig: Figure, (sent, now): (&Value, &Value), b: &Because) -> Value {
    let found = b.found(|s| s.setting != "roster");
    match (fig.sort(), sent, now, found) {
        (Sort::Ratio, _, _, true) => Value::Ratio(Some(0.0)),
        (_, _, _, true) => Value::Money(Some(Decimal::ZERO)),
        (_, Value::Ratio(Some(s)), Value::Ratio(Some(n)), false) => Value::Ratio(Some(n - s)),
        (_, Value::Money(Some(s)), Value::Money(Some(n)), false) => Value::Money(Some(*n - *s)),
        _ => blank(fig),
    }
}

/// Why a partnership's own figure moved: the partnership itself (with its
/// amounts for a sum), and the rates and settings that move the figure.
fn own_because(fig: Figure, id: &str, cx: &Context, (sent, now): (&Value, &Value)) -> Because {
    let mut b = Because::default();
    let additive = matches!(fig.sort(), Sort::Money | Sort::Count);
    let (s, n) = match additive {
        true => (*sent, *now),
        false => (blank(fig), blank(fig)),
    };
    b.partnerships.push(Moved {
        id: id.to_string(),
        sent: s,
        now: n,
    });
    reasons_of_month(fig, cx, &mut b);
    b.unexplained = match fig.sort() {
        Sort::Count => Value::Count(0),
        Sort::Ratio => Value::Ratio(Some(0.0)),
        _ => Value::Money(Some(Decimal::ZERO)),
    };
    b
}

impl Because {
    /// Whether any reason is listed: a partnership, a rate, or a setting
    /// that `counts`.
    fn found(&self, counts: impl Fn(&SettingMoved) -> bool) -> bool {
        !(self.partnerships.is_empty()
            && self.appeared.is_empty()
            && self.disappeared.is_empty()
            && self.fx.is_empty()
            && !self.settings.iter().any(counts))
    }
}
