//! The words of "how sure" in each language: the paired lift,
//! its interval, too few partnerships to tell, and the small-sample mark.
//! Kept apart from the page's other fixed strings, which are long enough.

use crate::model::Language;

/// The fixed strings of the paired lift, in one language.
#[derive(Debug)]
#[allow(missing_docs)] // Named for what they say.
pub struct LiftTexts {
    pub title: &'static str,
    pub lead: &'static str,
    pub axis: &'static str,
    pub model: &'static str,
    pub plain: &'static str,
    pub paired: &'static str,
    pub pairs: &'static str,
    pub interval: &'static str,
    pub band: &'static str,
    pub too_few: &'static str,
    pub small_term: &'static str,
    pub def_paired: &'static str,
    pub def_small: &'static str,
}

const EN: LiftTexts = LiftTexts {
    title: "How sure: the lift by post number",
    lead: "The plain lift compares all first posts with all k-th posts; the paired lift compares each partnership with its own first post, so it is not lifted by which creators were kept.",
    axis: "Lift over post 1",
    model: "Model",
    plain: "Lift (all posts)",
    paired: "Paired lift",
    pairs: "Pairs",
    interval: "95% interval",
    band: "95% interval",
    too_few: "too few to tell",
    small_term: "Small sample",
    def_paired: "For each post number k, the partnerships whose first post and k-th post both have an engagement rate: their mean rate at post k / their mean rate at post 1 − 1. The 95% interval comes from 1,000 resamples of those partnerships, with repeats (a fixed random sequence, so the same data gives the same interval); it is given from 5 partnerships on. An interval that crosses 0% cannot tell a gain from chance.",
    def_small: "A figure averaged over fewer than 5 posts or partnerships is marked “small sample” with its n: one post more can move it a long way.",
};

const RU: LiftTexts = LiftTexts {
    title: "Насколько это надёжно: прирост по номеру публикации",
    lead: "Простой прирост сравнивает все первые публикации со всеми k-ми; парный сравнивает каждое партнёрство с его же первой публикацией, поэтому на него не влияет, каких авторов оставили.",
    axis: "Прирост к публикации 1",
    model: "Модель",
    plain: "Прирост (все публикации)",
    paired: "Парный прирост",
    pairs: "Пар",
    interval: "95% интервал",
    band: "95% интервал",
    too_few: "слишком мало, чтобы судить",
    small_term: "Мало данных",
    def_paired: "Для каждого номера публикации k берутся партнёрства, у которых известна вовлечённость и первой, и k-й публикации: их средняя вовлечённость на публикации k / средняя на публикации 1 − 1. 95% интервал получается из 1000 повторных выборок этих партнёрств с возвращением (последовательность случайных чисел фиксирована, поэтому одни и те же данные дают один и тот же интервал); он приводится начиная с 5 партнёрств. Интервал, захватывающий 0%, не отличает прирост от случайности.",
    def_small: "Показатель, усреднённый менее чем по 5 публикациям или партнёрствам, помечен «мало данных» с указанием n: одна новая публикация может сильно его сдвинуть.",
};

/// The paired lift's fixed strings in `lang`.
pub fn texts(lang: Language) -> &'static LiftTexts {
    match lang {
        Language::En => &EN,
        Language::Ru => &RU,
    }
}

/// The paired lift at post `k` in words, with its interval and n.
pub fn sentence(lang: Language, k: u32, lift: &str, (low, high): (&str, &str), n: usize) -> String {
    match lang {
        Language::En => {
            let (more, lift) = more_or_less(lift, "more", "less");
            format!(
                "Post {k} engages {lift} {more} than the same creators' first post; 95% interval {low} to {high}; {n} partnerships."
            )
        }
        Language::Ru => {
            let (more, lift) = more_or_less(lift, "больше", "меньше");
            format!(
                "Публикация {k} вовлекает на {lift} {more}, чем первая публикация тех же авторов; 95% интервал от {low} до {high}; партнёрств: {n}."
            )
        }
    }
}

/// A signed percentage as a size and a direction: "+35%" is "35%" more.
fn more_or_less<'a>(lift: &'a str, more: &'a str, less: &'a str) -> (&'a str, &'a str) {
    match lift.strip_prefix(['-', '−']) {
        Some(size) => (less, size),
        None => (more, lift.strip_prefix('+').unwrap_or(lift)),
    }
}

/// Too few partnerships reached post `k` for an interval.
pub fn too_few(lang: Language, k: u32, n: usize) -> String {
    match lang {
        Language::En => format!(
            "Too few partnerships reached post {k} to tell how sure its lift is ({n} of the 5 needed)."
        ),
        Language::Ru => format!(
            "Слишком мало партнёрств дошло до публикации {k}, чтобы судить о надёжности прироста ({n} из 5 нужных)."
        ),
    }
}

/// The mark of a figure averaged over fewer than 5: "small sample, n = 3".
pub fn small(lang: Language, n: usize) -> String {
    match lang {
        Language::En => format!("small sample, n = {n}"),
        Language::Ru => format!("мало данных, n = {n}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_the_lift_in_plain_words() {
        assert_eq!(
            sentence(Language::En, 3, "+34.8%", ("+13.9%", "+52.4%"), 5),
            "Post 3 engages 34.8% more than the same creators' first post; 95% interval +13.9% to +52.4%; 5 partnerships."
        );
        assert!(sentence(Language::En, 2, "−4.0%", ("−9%", "+1%"), 6).contains("4.0% less"));
        assert!(
            sentence(Language::Ru, 3, "+34,8%", ("+13,9%", "+52,4%"), 5)
                .starts_with("Публикация 3 вовлекает на 34,8% больше")
        );
        assert_eq!(small(Language::En, 3), "small sample, n = 3");
        assert!(too_few(Language::En, 4, 4).contains("(4 of the 5 needed)"));
    }
}
