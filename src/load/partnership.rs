//! A partnership file read into typed input, one section of the file per
//! function: the creator, the market (checked against the client's), the
//! model and term, the fee, the deliverables, the contract and the extra
//! costs. Each reports its own problems at the value's place.

use rust_decimal::Decimal;
use serde_yaml::{Mapping, Value};

use super::files::{RawAmount, RawExtraCost, RawPartnership, Source, currency};
use super::yaml::{self, YamlDoc, join, join_index};
use crate::diagnostics::kind::YamlProblem;
use crate::diagnostics::{Diagnostics, did_you_mean};
use crate::model::{
    Contract, ContractKind, Creator, Language, Market, MarketIx, Model, PartnershipId, Platform,
};

/// The keys of a partnership file.
const KEYS: [&str; 10] = [
    "creator",
    "market",
    "model",
    "start",
    "end",
    "fee",
    "deliverables",
    "contract",
    "extra_costs",
    "promo_codes",
];

/// A promo code of a partnership file, with its place.
pub(crate) type PromoCode = (String, crate::diagnostics::Location);

/// Read a partnership file of a client with these markets. With none
/// (client.yaml could not be read, which was reported), `market` cannot be
/// resolved: the file is checked, but nothing comes back without a
/// diagnostic of its own. A file with a problem gives the promo codes it
/// could read, so that its orders are still known as a partnership's and
/// no warning follows from the error.
pub fn partnership(
    id: &str,
    src: Source,
    markets: &[Market],
    diags: &mut Diagnostics,
) -> Result<RawPartnership, Vec<PromoCode>> {
    let value = yaml::parse(&src.file, &src.text, diags).ok_or_else(Vec::new)?;
    let mut doc = YamlDoc::new(&src.file, &src.text);
    let Some(m) = doc.mapping(&value, &[], &KEYS).cloned() else {
        doc.finish(diags);
        return Err(Vec::new());
    };
    let creator = creator(&mut doc, &m);
    let market = market(&mut doc, &m, markets);
    let model = doc
        .choice(&m, &[], "model", true, &["retainer", "one_off"])
        .map(|s| match s {
            "retainer" => Model::Retainer,
            _ => Model::OneOff,
        });
    let (start, end) = term(&mut doc, &m);
    let fee = fee(&mut doc, &m);
    let posts_per_month = deliverables(&mut doc, &m);
    let contract = contract(&mut doc, &m);
    let extra_costs = extra_costs(&mut doc, &m);
    let promo_codes = promo_codes(&mut doc, &m, &src);
    let ok = !doc.has_errors();
    doc.finish(diags);
    let (Some(creator), Some(market), Some(model), Some(start), Some(fee), true) =
        (creator, market, model, start, fee, ok)
    else {
        return Err(promo_codes);
    };
    Ok(RawPartnership {
        id: PartnershipId::new(id),
        source: src,
        creator,
        market,
        model,
        start,
        end,
        fee,
        posts_per_month,
        contract,
        extra_costs,
        promo_codes,
    })
}

/// `promo_codes`: a list of codes (or one), each with its place.
fn promo_codes(doc: &mut YamlDoc, m: &Mapping, src: &Source) -> Vec<PromoCode> {
    let path = join(&[], "promo_codes");
    let items = match doc.field(m, &[], "promo_codes", false).cloned() {
        None => return Vec::new(),
        Some(Value::Sequence(items)) => items,
        Some(one) => vec![one],
    };
    let mut codes = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let ipath = join_index(&path, i);
        let code = match item {
            Value::String(s) => s.trim().to_string(),
            Value::Number(n) => n.to_string(),
            _ => String::new(),
        };
        if code.is_empty() {
            doc.error(&ipath, crate::diagnostics::kind::BudgetProblem::NotACode);
            continue;
        }
        codes.push((code, src.locate(&ipath)));
    }
    codes
}

fn creator(doc: &mut YamlDoc, m: &Mapping) -> Option<Creator> {
    let cpath = join(&[], "creator");
    let c = doc.field(m, &[], "creator", true).cloned()?;
    let localized: Vec<String> = (Language::ALL.iter())
        .map(|l| format!("name_{}", l.code()))
        .collect();
    let mut known = vec!["name", "handle", "platform", "followers"];
    known.extend(localized.iter().map(String::as_str));
    let cm = doc.mapping(&c, &cpath, &known)?.clone();
    let name = doc.string(&cm, &cpath, "name", true);
    let names = (Language::ALL.iter().zip(&localized))
        .filter_map(|(l, key)| Some((*l, doc.string(&cm, &cpath, key, false)?)))
        .collect();
    let handle = doc.string(&cm, &cpath, "handle", false);
    let platform = doc
        .choice(&cm, &cpath, "platform", true, &Platform::NAMES)
        .and_then(Platform::parse);
    let followers = doc.uint(&cm, &cpath, "followers", false);
    Some(Creator {
        name: name?,
        names,
        handle,
        platform: platform?,
        followers,
    })
}

/// The index of the partnership's market among the client's.
fn market(doc: &mut YamlDoc, m: &Mapping, markets: &[Market]) -> Option<MarketIx> {
    let mk = doc.string(m, &[], "market", true)?;
    let found = markets.iter().position(|x| x.id == mk);
    if found.is_none() && !markets.is_empty() {
        let ids: Vec<String> = markets.iter().map(|x| x.id.to_string()).collect();
        let problem = YamlProblem::UnknownMarket {
            suggestion: did_you_mean(&mk, ids.iter().map(String::as_str)).map(str::to_string),
            market: mk,
            markets: ids,
        };
        doc.error(&join(&[], "market"), problem);
    }
    found.map(MarketIx::new)
}

/// `start` and `end`, with an end before the start refused.
fn term(doc: &mut YamlDoc, m: &Mapping) -> (Option<chrono::NaiveDate>, Option<chrono::NaiveDate>) {
    let start = doc.date(m, &[], "start", true);
    let end = doc.date(m, &[], "end", false);
    if let (Some(s), Some(e)) = (start, end)
        && e < s
    {
        let problem = YamlProblem::EndBeforeStart { start: s, end: e };
        doc.error(&join(&[], "end"), problem);
    }
    (start, end)
}

fn fee(doc: &mut YamlDoc, m: &Mapping) -> Option<RawAmount> {
    let fpath = join(&[], "fee");
    let f = doc.field(m, &[], "fee", true).cloned()?;
    let fm = doc.mapping(&f, &fpath, &["amount", "currency"])?.clone();
    let amount = doc.decimal(&fm, &fpath, "amount", true);
    let currency = currency(doc, &fm, &fpath, "currency", false);
    let value = amount?;
    if value.is_sign_negative() && !value.is_zero() {
        let problem = YamlProblem::NegativeFee { fee: value };
        doc.error(&join(&fpath, "amount"), problem);
    }
    Some(RawAmount { value, currency })
}

/// `deliverables.sponsored_posts_per_month`.
fn deliverables(doc: &mut YamlDoc, m: &Mapping) -> Option<Decimal> {
    let d = doc.field(m, &[], "deliverables", false).cloned()?;
    let dpath = join(&[], "deliverables");
    let dm = doc
        .mapping(&d, &dpath, &["sponsored_posts_per_month"])
        .cloned()?;
    let posts_per_month = doc.decimal(&dm, &dpath, "sponsored_posts_per_month", false);
    if posts_per_month.is_some_and(|p| p.is_sign_negative() && !p.is_zero()) {
        let path = join(&dpath, "sponsored_posts_per_month");
        doc.error(&path, YamlProblem::NegativePostsPerMonth);
    }
    posts_per_month
}

fn contract(doc: &mut YamlDoc, m: &Mapping) -> Contract {
    let mut contract = Contract::default();
    let kpath = join(&[], "contract");
    let Some(c) = doc.field(m, &[], "contract", false).cloned() else {
        return contract;
    };
    if let Some(cm) = doc.mapping(&c, &kpath, &["type", "ref"]).cloned() {
        contract.kind = doc
            .choice(&cm, &kpath, "type", false, &ContractKind::NAMES)
            .and_then(ContractKind::parse);
        contract.reference = doc.string(&cm, &kpath, "ref", false);
    }
    contract
}

fn extra_costs(doc: &mut YamlDoc, m: &Mapping) -> Vec<RawExtraCost> {
    let epath = join(&[], "extra_costs");
    let items = match doc.field(m, &[], "extra_costs", false).cloned() {
        Some(Value::Sequence(items)) => items,
        Some(_) => {
            doc.error(&epath, YamlProblem::ExtraCostsNotAList);
            return Vec::new();
        }
        None => return Vec::new(),
    };
    let mut extra_costs = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let ipath = join_index(&epath, i);
        let Some(im) = doc
            .mapping(item, &ipath, &["date", "amount", "currency", "label"])
            .cloned()
        else {
            continue;
        };
        let date = doc.date(&im, &ipath, "date", true);
        let amount = doc.decimal(&im, &ipath, "amount", true);
        let cur = currency(doc, &im, &ipath, "currency", false);
        let label = doc.string(&im, &ipath, "label", false);
        if amount.is_some_and(|a| a.is_sign_negative() && !a.is_zero()) {
            doc.error(&join(&ipath, "amount"), YamlProblem::NegativeExtraCost);
        }
        if let (Some(date), Some(value)) = (date, amount) {
            extra_costs.push(RawExtraCost {
                date,
                amount: RawAmount {
                    value,
                    currency: cur,
                },
                label,
            });
        }
    }
    extra_costs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MarketId;

    #[test]
    fn reports_an_unknown_market_at_its_value() {
        let src = Source {
            file: "clients/c/partnerships/p.yaml".into(),
            text: "creator:\n  name: A\n  platform: vk\nmarket: usa\nmodel: one_off\nstart: 2026-01-01\nfee:\n  amount: 5\n".into(),
        };
        let markets = vec![
            Market {
                id: MarketId::new("ru"),
                name: "Russia".into(),
            },
            Market {
                id: MarketId::new("us"),
                name: "US".into(),
            },
        ];
        let mut d = Diagnostics::new();
        assert!(partnership("p", src, &markets, &mut d).is_err());
        let e = d.sorted()[0].to_string();
        assert!(
            e.contains("unknown market \"usa\" (markets of this client: ru, us)"),
            "{e}"
        );
        assert!(e.contains("p.yaml:4:9"), "{e}");
    }
}
