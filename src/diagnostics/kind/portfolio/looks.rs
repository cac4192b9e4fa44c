//! The words of the problems with how a client's site looks: its logo and
//! the templates. Apart from the other problems of the portfolio only to
//! keep each file short; the top-level `fmt` and `help` send these here.

use std::fmt;

use super::PortfolioProblem;

/// The fix for a template that fails while rendering.
const TEMPLATE_VARIABLES: &str = "docs/themes.md lists the variables each template receives";

/// The fix for a logo outside the client folder or not in it.
const LOGO_HELP: &str =
    "put the file under the client's assets/ and give its path relative to the client folder";

/// The logo's problems, then the templates': each message beside its help.
impl PortfolioProblem {
    /// The message of a problem with the logo.
    pub(super) fn logo_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use PortfolioProblem as P;
        match self {
            P::LogoTooLarge {
                logo,
                width,
                height,
                ..
            } => write!(
                f,
                "logo \"{}\" is {width} x {height} pixels, too large to decode",
                logo.display()
            ),
            P::LogoOutside { logo } => {
                write!(
                    f,
                    "logo \"{}\" is outside the client folder",
                    logo.display()
                )
            }
            P::LogoNotInAssets { logo } => {
                write!(f, "logo \"{}\" is not under assets/", logo.display())
            }
            P::LogoNotFound { logo } => {
                write!(
                    f,
                    "logo \"{}\" not found in the client folder",
                    logo.display()
                )
            }
            _ => unreachable!("logo_message is called for the logo's problems only"),
        }
    }

    /// The help of a problem with the logo.
    pub(super) fn logo_help(&self) -> Option<String> {
        use PortfolioProblem as P;
        Some(match self {
            P::LogoTooLarge { limit, .. } => format!(
                "scale it down to at most {limit} pixels, such as 1024 x 1024 (a logo is printed a few centimetres wide), or use an SVG"
            ),
            P::LogoOutside { .. } => format!("{LOGO_HELP}, such as assets/logo.svg"),
            P::LogoNotFound { .. } => LOGO_HELP.into(),
            P::LogoNotInAssets { logo } => format!(
                "only the client's assets/ is published with its site: move the file there and write `logo: assets/{}`",
                logo.file_name().unwrap_or_default().to_string_lossy()
            ),
            _ => unreachable!("logo_help is called for the logo's problems only"),
        })
    }

    /// The message of a problem with the templates.
    pub(super) fn template_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use PortfolioProblem as P;
        match self {
            P::TemplateLoop { chain } => write!(
                f,
                "templates extend or include each other in a loop: {}",
                chain.join(" -> ")
            ),
            P::TemplateSyntax { detail } => write!(f, "template syntax error: {detail}"),
            P::TemplatesDoNotFit { detail } => {
                write!(f, "the templates do not fit together: {detail}")
            }
            P::TemplateUnknownVariable { template, variable } => write!(
                f,
                "template {template} uses `{variable}`, which its page does not have"
            ),
            P::TemplateFailed { template, detail } => {
                write!(f, "template {template} failed: {detail}")
            }
            P::TemplateFunction { template, function } => write!(
                f,
                "template {template} calls `{function}()`, which templates may not call"
            ),
            _ => unreachable!("template_message is called for the templates' problems only"),
        }
    }

    /// The help of a problem with the templates.
    pub(super) fn template_help(&self) -> Option<String> {
        use PortfolioProblem as P;
        Some(match self {
            P::TemplateLoop { .. } => "a template may extend or include only templates that do not lead back to it; the built-in pages extend base.html, so base.html extends none".into(),
            P::TemplateSyntax { .. } => "see the template syntax in docs/themes.md".into(),
            P::TemplatesDoNotFit { .. } => "each template may extend, include or import only the built-in templates and the files of templates/".into(),
            P::TemplateUnknownVariable { .. } | P::TemplateFailed { .. } => {
                TEMPLATE_VARIABLES.into()
            }
            P::TemplateFunction { .. } => "templates may call only range() and throw(): a page shows what the portfolio holds, never the machine that builds it (docs/themes.md)".into(),
            _ => unreachable!("template_help is called for the templates' problems only"),
        })
    }
}
