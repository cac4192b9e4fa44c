//! The templates: the built-in ones with the portfolio's overrides, checked
//! and compiled, every problem a diagnostic at `templates/<name>`.
//!
//! tera itself recurses without end on a template that extends itself, or
//! on a loop of includes, and the process dies of a stack overflow; so the
//! `extends`, `include` and `import` tags are read here first and a loop is
//! reported before tera sees the templates. Syntax errors carry tera's line
//! and column. A variable a template names but the page does not have only
//! shows while rendering: [`render_error`] makes that a diagnostic for
//! whoever renders (`check` renders every page in memory for this reason).

use std::collections::BTreeMap;
use std::path::PathBuf;

use tera::Tera;

use crate::diagnostics::kind::PortfolioProblem;
use crate::diagnostics::line_col;
use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::model::Looks;

use super::template_calls;

/// Where a template comes from: its file in the portfolio, when it is an
/// override.
fn file_of(name: &str) -> PathBuf {
    PathBuf::from("templates").join(name)
}

/// The built-in templates with the overrides of `looks` over them:
/// name -> (source, whether it is the portfolio's).
fn sources(looks: &Looks) -> BTreeMap<String, (String, bool)> {
    let mut all: BTreeMap<String, (String, bool)> = crate::builtin::BUILT_IN
        .iter()
        .map(|(n, s)| ((*n).to_string(), ((*s).to_string(), false)))
        .collect();
    for (name, text) in &looks.templates {
        all.insert(name.clone(), (text.clone(), true));
    }
    all
}

/// The templates a template names in `extends`, `include` and `import`
/// tags, with the byte offset of each tag.
fn references(text: &str) -> Vec<(String, usize)> {
    let mut found = Vec::new();
    let mut rest = 0;
    while let Some(open) = text[rest..].find("{%").map(|i| rest + i) {
        let Some(close) = text[open..].find("%}").map(|i| open + i) else {
            break;
        };
        let tag = text[open + 2..close].trim_start_matches('-').trim_start();
        let keyword = tag.split_whitespace().next().unwrap_or_default();
        if matches!(keyword, "extends" | "include" | "import") {
            for (i, part) in tag.split(['"', '\'']).enumerate() {
                if i % 2 == 1 {
                    found.push((part.to_string(), open));
                }
            }
        }
        rest = close + 2;
    }
    found
}

/// Report every loop of templates extending, including or importing each
/// other. Each loop is reported once, at the first override in it.
fn find_loops(all: &BTreeMap<String, (String, bool)>, diags: &mut Diagnostics) -> bool {
    let edges: BTreeMap<&str, Vec<(String, usize)>> = all
        .iter()
        .map(|(n, (text, _))| (n.as_str(), references(text)))
        .collect();
    let mut reported: Vec<Vec<String>> = Vec::new();
    for start in all.keys().filter(|n| all[*n].1) {
        let Some(path) = loop_from(start, &edges) else {
            continue;
        };
        let mut members = path.clone();
        members.sort();
        if reported.contains(&members) {
            continue;
        }
        reported.push(members);
        let (text, _) = &all[start];
        let at = edges[start.as_str()]
            .iter()
            .find(|(to, _)| *to == path[1 % path.len()])
            .map_or(0, |e| e.1);
        let (line, column) = line_col(text, at);
        let mut chain = path.clone();
        chain.push(start.clone());
        diags.push(
            Diagnostic::error(PortfolioProblem::TemplateLoop { chain }).at(Location::at(
                file_of(start),
                line,
                column,
            )),
        );
    }
    !reported.is_empty()
}

/// The templates on a loop back to `start`, starting with it, if any.
fn loop_from(start: &str, edges: &BTreeMap<&str, Vec<(String, usize)>>) -> Option<Vec<String>> {
    // Depth-first, each template visited once: the templates are few.
    let mut stack = vec![(start.to_string(), vec![start.to_string()])];
    let mut seen = std::collections::BTreeSet::new();
    while let Some((at, path)) = stack.pop() {
        for (to, _) in edges.get(at.as_str()).into_iter().flatten() {
            if to == start {
                return Some(path);
            }
            if seen.insert(to.clone()) {
                let mut next = path.clone();
                next.push(to.clone());
                stack.push((to.clone(), next));
            }
        }
    }
    None
}

/// tera's syntax error as (message, line, column).
fn syntax_error(e: &tera::Error) -> (String, Option<(usize, usize)>) {
    let inner = std::error::Error::source(e).map_or_else(|| e.to_string(), ToString::to_string);
    let place = inner.lines().find_map(|l| {
        let (line, col) = l.trim().strip_prefix("--> ")?.split_once(':')?;
        Some((line.parse().ok()?, col.trim().parse().ok()?))
    });
    let what = inner
        .lines()
        .rev()
        .find_map(|l| l.trim().strip_prefix("= "))
        .unwrap_or(inner.lines().next().unwrap_or_default())
        .to_string();
    (what, place)
}

/// Whether every template parses; each one that does not is reported.
fn parse_each(all: &BTreeMap<String, (String, bool)>, diags: &mut Diagnostics) -> bool {
    let mut ok = true;
    for (name, (text, _)) in all {
        let parsed = tera::Template::new(name, None, text);
        if let Ok(template) = &parsed {
            for function in template_calls::refused(template) {
                ok = false;
                let (line, column) = line_col(
                    text,
                    template_calls::call_offset(text, &function).unwrap_or(0),
                );
                diags.push(
                    Diagnostic::error(PortfolioProblem::TemplateFunction {
                        template: name.clone(),
                        function,
                    })
                    .at(Location::at(file_of(name), line, column)),
                );
            }
        }
        if let Err(e) = parsed {
            ok = false;
            let (what, place) = syntax_error(&e);
            let at = match place {
                Some((line, column)) => Location::at(file_of(name), line, column),
                None => Location::file(file_of(name)),
            };
            diags.push(Diagnostic::error(PortfolioProblem::TemplateSyntax { detail: what }).at(at));
        }
    }
    ok
}

/// The full text of an error and its causes, one line.
fn chain_text(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        text.push_str(": ");
        text.push_str(&c.to_string());
        cause = c.source();
    }
    text
}

/// Compile the templates of `looks`; `None` when they have problems, each
/// reported into `diags`.
pub(crate) fn compile(looks: &Looks, diags: &mut Diagnostics) -> Option<Tera> {
    let all = sources(looks);
    if !parse_each(&all, diags) || find_loops(&all, diags) {
        return None;
    }
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.set_escape_fn(crate::html::escape);
    template_calls::disarm(&mut tera);
    let raw = all.iter().map(|(n, (s, _))| (n.as_str(), s.as_str()));
    if let Err(e) = tera.add_raw_templates(raw) {
        let first = looks
            .templates
            .first()
            .map_or_else(|| file_of("base.html"), |(n, _)| file_of(n));
        diags.push(
            Diagnostic::error(PortfolioProblem::TemplatesDoNotFit {
                detail: chain_text(&e),
            })
            .in_file(&first),
        );
        return None;
    }
    Some(tera)
}

/// The diagnostic for a failure while rendering the page of template
/// `name`: at the template tera names, the override when there is one.
pub(crate) fn render_error(looks: &Looks, name: &str, e: &tera::Error) -> Diagnostic {
    let text = chain_text(e);
    // tera says "... while rendering 'x.html'" for the template that failed,
    // which may be a parent of the page's.
    let failed = text
        .rsplit_once("while rendering '")
        .and_then(|(_, t)| t.split_once('\''))
        .map_or(name, |(n, _)| n);
    let detail = text.rsplit(": ").next().unwrap_or(&text).to_string();
    let template = failed.to_string();
    let mut d = Diagnostic::error(match variable(&detail) {
        Some(var) => PortfolioProblem::TemplateUnknownVariable {
            template,
            variable: var.to_string(),
        },
        None => PortfolioProblem::TemplateFailed {
            template,
            detail: detail.clone(),
        },
    });
    let override_text = looks.templates.iter().find(|(n, _)| n == failed);
    if let Some((_, src)) = override_text {
        d = d.at(variable_place(src, &detail).map_or_else(
            || Location::file(file_of(failed)),
            |(l, c)| Location::at(file_of(failed), l, c),
        ));
    }
    d
}

/// Where the variable named in tera's "Variable `x` not found" first
/// appears in `src`.
fn variable_place(src: &str, detail: &str) -> Option<(usize, usize)> {
    let at = src.find(variable(detail)?)?;
    Some(line_col(src, at))
}

/// The variable of tera's "Variable `x` not found in context".
fn variable(detail: &str) -> Option<&str> {
    let rest = detail.strip_prefix("Variable `")?;
    rest.split_once('`').map(|(var, _)| var)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Kind;

    fn looks(templates: &[(&str, &str)]) -> Looks {
        Looks {
            css: String::new(),
            templates: templates
                .iter()
                .map(|(n, s)| ((*n).to_string(), (*s).to_string()))
                .collect(),
        }
    }

    fn shown(d: &Diagnostics) -> Vec<String> {
        d.sorted()
            .iter()
            .map(|d| format!("{} @ {}", d.message(), d.location.as_ref().unwrap()))
            .collect()
    }

    #[test]
    fn the_built_in_templates_compile() {
        let mut d = Diagnostics::new();
        assert!(compile(&Looks::default(), &mut d).is_some());
        assert!(!d.has_errors());
    }

    #[test]
    fn finds_loops_of_extends_and_includes() {
        let mut d = Diagnostics::new();
        let l = looks(&[("base.html", "\n{% extends \"base.html\" %}")]);
        assert!(compile(&l, &mut d).is_none());
        let found: Vec<_> = d.iter().collect();
        assert_eq!(found.len(), 1, "{:?}", shown(&d));
        assert!(
            matches!(
                &found[0].kind,
                Kind::Portfolio(PortfolioProblem::TemplateLoop { chain })
                    if chain == &["base.html", "base.html"]
            ),
            "{:?}",
            found[0].kind
        );
        assert_eq!(
            found[0].location,
            Some(Location::at("templates/base.html", 2, 1))
        );
        let mut d = Diagnostics::new();
        let l = looks(&[
            ("macros.html", "{%- include 'month.html' -%}"),
            (
                "month.html",
                "{% extends \"base.html\" %}{% include [\"macros.html\"] %}",
            ),
        ]);
        assert!(compile(&l, &mut d).is_none());
        assert_eq!(d.error_count(), 1, "{:?}", shown(&d));
    }

    #[test]
    fn a_missing_variable_is_named_at_the_override() {
        let l = looks(&[("month.html", "a\n{{ nowhere }}")]);
        let mut tera = Tera::default();
        tera.add_raw_template("month.html", "a\n{{ nowhere }}")
            .unwrap();
        let e = tera
            .render("month.html", &tera::Context::new())
            .unwrap_err();
        let d = render_error(&l, "month.html", &e);
        assert!(
            matches!(
                &d.kind,
                Kind::Portfolio(PortfolioProblem::TemplateUnknownVariable { template, variable })
                    if template == "month.html" && variable == "nowhere"
            ),
            "{:?}",
            d.kind
        );
        assert_eq!(d.location, Some(Location::at("templates/month.html", 2, 4)));
    }

    #[test]
    fn syntax_errors_have_a_line_and_column() {
        let mut d = Diagnostics::new();
        let l = looks(&[("index.html", "ok\n{{ site.title }\n")]);
        assert!(compile(&l, &mut d).is_none());
        let got = shown(&d);
        assert_eq!(got.len(), 1);
        assert!(got[0].ends_with("@ templates/index.html:2:15"), "{got:?}");
    }
}
