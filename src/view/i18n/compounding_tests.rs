//! The words of the compounding figures, in both languages: each verdict,
//! the counts' forms, and the ratios to one-offs.

use super::{OwnMonth, Ratio, Verdict, catalogue};
use crate::analytics::compounding::Engagement;
use crate::model::Language;

fn decided(engagement: Engagement, lift: &'static str, n: usize) -> Verdict<'static> {
    Verdict::Decided {
        engagement,
        k: 4,
        lift,
        interval: ("+14%", "+52%"),
        n,
    }
}

#[test]
fn each_verdict_has_its_own_sentence_in_english() {
    let say = catalogue(Language::En).say;
    assert_eq!(
        say.verdict(decided(Engagement::Rising, "+39%", 12)),
        "Retainers are compounding: by post 4 the same creators engage 39% more than at their first post (95% sure: +14% to +52%; 12 partnerships)."
    );
    let falling = Verdict::Decided {
        engagement: Engagement::Falling,
        k: 3,
        lift: "−12%",
        interval: ("−20%", "−4%"),
        n: 1,
    };
    assert_eq!(
        say.verdict(falling),
        "Retainers are not compounding: by post 3 the same creators engage 12% less than at their first post (95% sure: −20% to −4%; 1 partnership)."
    );
    let unclear = say.verdict(decided(Engagement::Unclear, "+8%", 9));
    assert!(
        unclear.starts_with("It is not yet clear whether retainers compound"),
        "{unclear}"
    );
    assert!(unclear.contains("8% more") && unclear.contains("includes no change"));
    assert_eq!(
        say.verdict(Verdict::TooEarly { pairs: 3 }),
        "Too early to tell whether retainers compound: 3 of the 5 partnerships needed have reached post 3."
    );
    assert!(
        say.verdict(Verdict::TooEarly { pairs: 1 })
            .contains("1 of the 5 partnerships needed has reached")
    );
    assert!(
        say.verdict(Verdict::TooEarly { pairs: 5 })
            .contains("no engagement to compare with")
    );
}

#[test]
fn each_verdict_has_its_own_sentence_in_russian_with_its_counts_agreeing() {
    let say = catalogue(Language::Ru).say;
    let rising = say.verdict(decided(Engagement::Rising, "+39 %", 21));
    assert!(
        rising.starts_with("Ретейнеры накапливают эффект: к публикации 4"),
        "{rising}"
    );
    assert!(
        rising.contains("на 39 % выше") && rising.ends_with("21 партнёрство)."),
        "{rising}"
    );
    assert!(
        say.verdict(decided(Engagement::Falling, "−5 %", 3))
            .ends_with("3 партнёрства).")
    );
    let unclear = say.verdict(decided(Engagement::Unclear, "−2 %", 7));
    assert!(
        unclear.starts_with("Пока неясно") && unclear.contains("на 2 % ниже"),
        "{unclear}"
    );
    assert!(unclear.contains("(7 партнёрств)"));
    assert!(
        say.verdict(Verdict::TooEarly { pairs: 4 })
            .ends_with("лишь у 4 из 5 нужных партнёрств.")
    );
}

#[test]
fn retainers_customers_are_set_beside_one_offs() {
    let en = catalogue(Language::En).say;
    assert_eq!(
        en.against_one_offs(Some(Ratio::Less("34%")), Some(Ratio::Times("3.5"))),
        "Retainers' customers cost 34% less than one-offs' and come back 3.5 times as often."
    );
    assert_eq!(
        en.against_one_offs(None, Some(Ratio::More("40%"))),
        "Retainers' customers come back 40% more often than one-offs'."
    );
    assert_eq!(
        en.against_one_offs(Some(Ratio::Same), None),
        "Retainers' customers cost the same as one-offs'."
    );
    let ru = catalogue(Language::Ru).say;
    assert_eq!(
        ru.against_one_offs(Some(Ratio::More("12 %")), Some(Ratio::Times("3"))),
        "Клиенты ретейнеров обходятся на 12 % дороже и возвращаются в 3 раза чаще, чем клиенты разовых интеграций."
    );
    assert!(
        ru.against_one_offs(None, Some(Ratio::Times("5")))
            .contains("в 5 раз чаще")
    );
    assert!(
        ru.against_one_offs(None, Some(Ratio::Times("3,1")))
            .contains("в 3,1 раза чаще")
    );
}

#[test]
fn a_partnership_month_is_set_beside_its_models() {
    let en = catalogue(Language::En).say;
    let month = |in_progress, model_roi| OwnMonth {
        k: 4,
        roi: "120%",
        in_progress,
        one_off: false,
        model_roi,
    };
    assert_eq!(
        en.own_month(&month(false, Some("95%"))),
        "Month 4: ROI 120%; the retainers' month 4: 95%."
    );
    assert_eq!(
        en.own_month(&month(true, None)),
        "Month 4 (in progress): ROI 120% so far; no retainer has finished month 4 yet."
    );
    let one_off = OwnMonth {
        k: 1,
        one_off: true,
        ..month(false, Some("35%"))
    };
    assert_eq!(
        en.own_month(&one_off),
        "Its whole life counts as month 1: ROI 120%; one-offs' ROI: 35%."
    );
    let ru = catalogue(Language::Ru).say;
    assert_eq!(
        ru.own_month(&month(false, Some("95 %"))),
        "Месяц 4: ROI 120%; у ретейнеров в месяце 4: 95 %."
    );
}
