//! Unit tests of the YAML reader: places, messages and values.

use super::*;
use crate::diagnostics::Kind;

/// The place and kind of each problem `f` finds in `src`, in order.
fn read(src: &str, f: impl FnOnce(&mut YamlDoc, &Mapping)) -> Vec<(String, Kind)> {
    let mut diags = Diagnostics::new();
    let file = Path::new("p.yaml");
    let v = parse(file, src, &mut diags).expect("valid yaml");
    let mut doc = YamlDoc::new(file, src);
    let m = doc
        .mapping(&v, &[], &["creator", "fee", "market", "start"])
        .cloned();
    f(&mut doc, &m.expect("a mapping"));
    doc.finish(&mut diags);
    diags
        .sorted()
        .iter()
        .map(|d| (d.location.as_ref().unwrap().to_string(), d.kind.clone()))
        .collect()
}

fn at(place: &str, problem: YamlProblem) -> (String, Kind) {
    (place.to_string(), problem.into())
}

#[test]
fn locates_bad_values_and_unknown_keys() {
    let src =
        "creator:\n  name: A\n  platform: instagramm\nfee:\n  amount: \"3k\"\nstrat: 2026-01-01\n";
    let out = read(src, |doc, m| {
        let c = doc
            .field(m, &[], "creator", true)
            .unwrap()
            .as_mapping()
            .unwrap()
            .clone();
        let p = join(&[], "creator");
        doc.choice(&c, &p, "platform", true, &["instagram", "tiktok"]);
        let f = doc
            .field(m, &[], "fee", true)
            .unwrap()
            .as_mapping()
            .unwrap()
            .clone();
        doc.decimal(&f, &join(&[], "fee"), "amount", true);
        doc.date(m, &[], "start", true);
    });
    // `strat` is taken for the missing `start`: one error, no warning.
    assert_eq!(
        out,
        [
            at(
                "p.yaml:3:13",
                YamlProblem::NotAChoice {
                    key: "platform".into(),
                    found: "the text \"instagramm\"".into(),
                    suggestion: Some("instagram".into()),
                    choices: vec!["instagram".into(), "tiktok".into()],
                }
            ),
            at(
                "p.yaml:5:11",
                YamlProblem::NotANumber {
                    key: "amount".into(),
                    found: "the text \"3k\"".into(),
                }
            ),
            at(
                "p.yaml:6:1",
                YamlProblem::MisspeltField {
                    key: "start".into(),
                    place: None,
                    written: "strat".into(),
                }
            ),
        ]
    );
}

#[test]
fn names_the_mapping_a_field_is_missing_from() {
    let src = "# a partnership\ncreator:\n  name: A\nfee:\n  currency: USD\nmarkt: ru\n";
    let mut diags = Diagnostics::new();
    let file = Path::new("p.yaml");
    let v = parse(file, src, &mut diags).unwrap();
    let mut doc = YamlDoc::new(file, src);
    let m = doc
        .mapping(&v, &[], &["creator", "fee", "start"])
        .unwrap()
        .clone();
    let f = doc
        .field(&m, &[], "fee", true)
        .unwrap()
        .as_mapping()
        .unwrap()
        .clone();
    doc.mapping(
        &Value::Mapping(f.clone()),
        &join(&[], "fee"),
        &["amount", "currency"],
    );
    doc.decimal(&f, &join(&[], "fee"), "amount", true);
    doc.date(&m, &[], "start", true);
    doc.finish(&mut diags);
    let got: Vec<String> = diags
        .sorted()
        .iter()
        .map(|d| {
            format!(
                "{}|{}|{}",
                d.location.as_ref().unwrap(),
                d.message(),
                d.help().unwrap_or_default()
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            "p.yaml:2:1|missing required field `start`|add `start:` to the top-level mapping, which starts on line 2",
            "p.yaml:4:1|missing required field `amount` in `fee`|add `amount:` to `fee`, on line 4",
            "p.yaml:6:1|unknown key `markt` is ignored|known keys here: creator, fee, start",
        ]
    );
}

#[test]
fn refuses_implausible_numbers_and_dates() {
    let out = read("fee: 1e30\nstart: 0999-01-01\n", |doc, m| {
        assert_eq!(doc.decimal(m, &[], "fee", true), None);
        assert_eq!(doc.date(m, &[], "start", true), None);
    });
    assert_eq!(
        out,
        [
            at(
                "p.yaml:1:6",
                YamlProblem::AmountTooLarge {
                    key: "fee".into(),
                    value: "1e30".into(),
                    limit: crate::load::max_amount(),
                }
            ),
            at(
                "p.yaml:2:8",
                YamlProblem::NotADate {
                    key: "start".into(),
                    found: "the text \"0999-01-01\"".into(),
                    years: crate::load::YEARS,
                }
            ),
        ]
    );
}

#[test]
fn an_empty_file_is_one_error() {
    let mut diags = Diagnostics::new();
    let v = parse(Path::new("e.yaml"), "", &mut diags).unwrap();
    let mut doc = YamlDoc::new(Path::new("e.yaml"), "");
    assert!(doc.mapping(&v, &[], &["a"]).is_none());
    doc.finish(&mut diags);
    let d = diags.sorted()[0].to_string();
    assert!(
        d.starts_with("error: the file is empty\n  --> e.yaml"),
        "{d}"
    );
}

#[test]
fn reads_money_exactly() {
    let out = read("fee: 12.50\n", |doc, m| {
        assert_eq!(
            doc.decimal(m, &[], "fee", true),
            Some(Decimal::new(1250, 2))
        );
    });
    assert!(out.is_empty());
}

#[test]
fn reports_syntax_errors_with_a_line() {
    let mut diags = Diagnostics::new();
    assert!(parse(Path::new("x.yaml"), "a: [1, 2\nb: c\n", &mut diags).is_none());
    let d = diags.sorted()[0].clone();
    assert!(
        matches!(d.kind, Kind::Yaml(YamlProblem::Syntax { .. })),
        "{:?}",
        d.kind
    );
    assert!(d.location.unwrap().line.is_some());
}
