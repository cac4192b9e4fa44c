//! The templates and themes built into the binary. The portfolio's
//! `templates/` and `themes/` are read by [`crate::load`] over these;
//! [`crate::resolve::templates`] compiles the result.

/// The templates built into the binary: (name, source).
pub(crate) const BUILT_IN: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("macros.html", include_str!("../templates/macros.html")),
    ("overview.html", include_str!("../templates/overview.html")),
    ("month.html", include_str!("../templates/month.html")),
    (
        "partnership.html",
        include_str!("../templates/partnership.html"),
    ),
    ("market.html", include_str!("../templates/market.html")),
    (
        "commitments.html",
        include_str!("../templates/commitments.html"),
    ),
    ("index.html", include_str!("../templates/index.html")),
];

/// What the built-in themes share: palette, layout, phone and print.
const THEME_BASE: &str = include_str!("../themes/base.css");

/// The themes built into the binary: (name, what it adds to the base), in
/// the order of [`BUILT_IN_THEMES`].
const THEMES: &[(&str, &str)] = &[
    ("default", include_str!("../themes/default/style.css")),
    ("paper", include_str!("../themes/paper/style.css")),
];

/// The names of the built-in themes.
pub(crate) const BUILT_IN_THEMES: &[&str] = &["default", "paper"];

/// The stylesheet of a built-in theme: the shared base followed by the
/// theme's own rules.
pub(crate) fn built_in_theme(name: &str) -> Option<String> {
    THEMES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, css)| format!("{THEME_BASE}\n{css}"))
}

/// The names of the built-in templates, which a file of templates/ may
/// replace.
pub(crate) fn template_names() -> impl Iterator<Item = &'static str> {
    BUILT_IN.iter().map(|(n, _)| *n)
}
