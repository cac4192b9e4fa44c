//! The fixed strings of a catalogue, the words that take no parameter: one
//! `&'static str` per key, so a catalogue without a key does not compile.
//! [`Texts`] are the pages' and the PDF's, read by templates as `t.<key>`;
//! [`SummaryTexts`] and [`LiftTexts`] are the monthly summary's and the
//! paired lift's, read as `t.summary.<key>` and `t.how_sure.<key>`;
//! [`CompoundingTexts`] those of the figures by partnership month, read as
//! `t.compounding.<key>`; [`RestatedTexts`] those of a month restated
//! since its report was sent, read as `t.restated.<key>`.

use serde::Serialize;

/// Declares a struct of fixed strings, one `&'static str` per key, and its
/// list of entries (for the tests that read every string).
macro_rules! fixed_strings {
    ($(#[$doc:meta])* $name:ident { $($key:ident,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Serialize)]
        #[allow(missing_docs)] // The keys are named for what they say.
        pub struct $name {
            $(pub $key: &'static str,)*
        }

        impl $name {
            /// Every (key, string), in declaration order.
            #[cfg(test)]
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($key), self.$key)),*]
            }
        }
    };
}

fixed_strings! {
    /// The fixed strings of the pages and the PDF, by key.
    Texts {
        // Navigation and frame.
        skip,
        overview,
        reports,
        partnerships,
        markets,
        commitments,
        clients,
        figures_as_of,
        data_json,
        download_csv,
        chart_data,
        models_all,
        no_data,
        how_we_count,
        na_means,
        note,
        internal_note,
        internal_mark,
        rows_rounded,
        months_rounded,
        open_report,
        see_all,
        answer,
        decisions_due,
        no_decisions,
        every_figure_to_date,
        // Figures.
        cost,
        revenue,
        roi,
        roas,
        cpa,
        cpa_long,
        cpm_reach,
        engagement_rate,
        repeat_rate,
        sponsored_posts,
        organic_posts,
        conversions,
        reach,
        engagements,
        clicks,
        impressions,
        contracted_posts,
        fulfilment,
        trend,
        trend_short,
        per_post,
        target,
        target_roi,
        target_cpa,
        partnerships_n,
        // Overview.
        key_figures,
        portfolio_to_date,
        headline_title,
        headline_lead,
        post_number,
        post_no,
        lift,
        n_posts,
        retainers,
        one_offs,
        one_offs_short,
        one_off_level,
        roi_by_market,
        creator_roi,
        creator_roi_lead,
        best,
        worst,
        portfolio,
        median,
        creator_roi_median,
        q1,
        q3,
        quartiles,
        min,
        max,
        n_partnerships,
        models_title,
        models_lead,
        er_day1,
        er_day7,
        days_to_90,
        decay_title,
        day,
        window_title,
        share,
        roster,
        creator,
        market,
        model,
        phase,
        month,
        recommendation,
        latest_month,
        vs_previous,
        all_reports,
        all_partnerships,
        all_markets,
        // Monthly report.
        report_title,
        previous_month,
        next_month,
        this_month,
        change,
        figure,
        month_figures,
        month_posts,
        no_posts,
        trend_title,
        first_month,
        pdf,
        pdf_title,
        page,
        page_of,
        up,
        down,
        unchanged,
        // Posts.
        date,
        kind,
        sponsored,
        organic,
        ramp_up,
        ramp_up_post,
        link,
        post,
        // Partnership page.
        platform,
        handle,
        followers,
        contract,
        fee,
        per_month,
        in_total,
        term,
        open_ended,
        deliverables,
        posts_per_month,
        individual,
        umbrella,
        timeline,
        now,
        ended_on,
        from,
        to,
        months,
        ramp_up_until,
        one_off_note,
        engagement_per_post,
        trend_line,
        posts,
        costs_by_month,
        extra_costs,
        extra,
        total,
        label,
        amount,
        converted,
        no_extra_costs,
        why,
        rule,
        rules_lead,
        figures_decided,
        current_month,
        end,
        met,
        not_met,
        no_target,
        no_phase,
        promo_codes,
        payback,
        not_yet,
        until,
        committed,
        monthly_fee,
        // Commitments page.
        money_ahead,
        annual_investment,
        annual_investment_lead,
        trailing_12m,
        annual_run_rate,
        monthly_run_rate,
        open_ended_monthly,
        nothing_committed,
        in_run_rate,
        cost_ahead_title,
        cost_ahead_lead,
        spent,
        committed_pale,
        to_date,
        top_posts,
        top_by_revenue,
        top_by_rate,
        no_top_posts,
        open_post,
        creators_month,
        continuing,
        continuing_faint,
        report_date,
        budgets,
        budgets_lead,
        no_budgets,
        period,
        projected,
        going_on,
        remaining,
        elapsed,
        pacing,
        budget_line,
        renewals,
        renewals_lead,
        no_renewals,
        days_left,
        committed_by_partnership,
        committed_lead,
        no_commitments,
        renewals_due,
        no_renewals_due,
        open_commitments,
        paid_back_costed,
        median_payback_month,
        // Market page.
        market_figures,
        market_curve,
        no_partnerships,
        // Site index.
        report_sites,
        // Numbers and the definitions' terms.
        undefined,
        points_unit,
        thousands_short,
        millions_short,
        totals,
        // Models and platforms.
        model_retainer,
        model_one_off,
        platform_vk,
        platform_other,
        // Phases: names, and what each is for.
        phase_build,
        phase_optimize,
        phase_scale,
        phase_continuation,
        phase_ended,
        phase_about_build,
        phase_about_optimize,
        phase_about_scale,
        phase_about_continuation,
        phase_about_ended,
        // Recommendations, and the six rules of docs/metrics.md in order.
        recommendation_ended,
        recommendation_too_early,
        recommendation_in_progress,
        recommendation_extend,
        recommendation_move_on,
        recommendation_review,
        rule_ended,
        rule_too_early,
        rule_in_progress,
        rule_extend,
        rule_move_on,
        rule_review,
    }
}

fixed_strings! {
    /// The fixed strings of a monthly report's summary and its table of the
    /// month per creator.
    SummaryTexts {
        title,
        creators,
        posts,
        no_creators,
    }
}

fixed_strings! {
    /// The fixed strings of "how sure": the paired lift, its interval, too
    /// few partnerships to tell, and the small-sample mark.
    LiftTexts {
        title,
        lead,
        axis,
        model,
        plain,
        paired,
        pairs,
        interval,
        band,
        too_few,
        small_term,
        def_paired,
        def_small,
    }
}

fixed_strings! {
    /// The fixed strings of the figures by partnership month and the
    /// verdict on compounding.
    CompoundingTexts {
        title,
        lead,
        roi_title,
        cumulative_title,
        month_axis,
        month,
        one_offs_whole,
        few,
        in_progress,
        own_title,
        own,
        n,
        n_in_progress,
        cumulative,
        def_tenure,
        def_verdict,
    }
}

fixed_strings! {
    /// The fixed strings of a month restated since its report was sent
    /// (docs/history.md): its section, the words of why a figure moved,
    /// and the overview's list.
    RestatedTexts {
        title,
        link,
        as_sent,
        now,
        why,
        appeared,
        disappeared,
        renamed,
        unexplained,
        currency,
        denominator,
        version,
        own,
        overview,
        term,
    }
}
