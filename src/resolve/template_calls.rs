//! The functions a template may call: only those that read nothing outside
//! the page they render.
//!
//! tera registers `get_env` in every instance, and a template override
//! calling it would publish the building machine's environment (on a pull
//! request, its secrets) in a page or an annotation. So every function call
//! in every template is checked here against [`ALLOWED`], and each other one
//! is a diagnostic at its line; the instance also gets a `get_env` that
//! refuses, should a call ever reach it.

use std::collections::BTreeSet;

use tera::ast::{Expr, ExprVal, Node};

/// The functions templates may call: `range` (numbers) and `throw` (an
/// error of the template's own). tera's `now` and `get_random` are not
/// compiled in (they would make builds differ).
pub(super) const ALLOWED: [&str; 2] = ["range", "throw"];

/// Replace tera's `get_env` by one that refuses, in `tera`.
pub(super) fn disarm(tera: &mut tera::Tera) {
    tera.register_function(
        "get_env",
        |_: &std::collections::HashMap<String, tera::Value>| -> tera::Result<tera::Value> {
            Err(tera::Error::msg(
                "templates cannot read the environment of the machine that builds",
            ))
        },
    );
}

/// The functions `template` calls that are not [`ALLOWED`], by name.
pub(super) fn refused(template: &tera::Template) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    nodes(&template.ast, &mut names);
    for m in template.macros.values() {
        nodes(&m.body, &mut names);
    }
    names.retain(|n| !ALLOWED.contains(&n.as_str()));
    names
}

/// Where `name` is first called in `text`: the byte offset of `name(`
/// (spaces allowed before the parenthesis), standing as a word.
pub(super) fn call_offset(text: &str, name: &str) -> Option<usize> {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(name).map(|(i, _)| i).find(|&i| {
        let before = text[..i].chars().next_back();
        let after = text[i + name.len()..].trim_start();
        !before.is_some_and(|c| word(c) || c == '.' || c == ':') && after.starts_with('(')
    })
}

fn nodes(list: &[Node], names: &mut BTreeSet<String>) {
    for node in list {
        match node {
            Node::VariableBlock(_, e) => expr(e, names),
            Node::MacroDefinition(_, m, _) => {
                m.args.values().flatten().for_each(|e| expr(e, names));
                nodes(&m.body, names);
            }
            Node::Set(_, s) => expr(&s.value, names),
            Node::FilterSection(_, f, _) => {
                f.filter.args.values().for_each(|e| expr(e, names));
                nodes(&f.body, names);
            }
            Node::Block(_, b, _) => nodes(&b.body, names),
            Node::Forloop(_, f, _) => {
                expr(&f.container, names);
                nodes(&f.body, names);
                nodes(f.empty_body.as_deref().unwrap_or_default(), names);
            }
            Node::If(i, _) => {
                for (_, cond, body) in &i.conditions {
                    expr(cond, names);
                    nodes(body, names);
                }
                if let Some((_, body)) = &i.otherwise {
                    nodes(body, names);
                }
            }
            _ => {}
        }
    }
}

fn expr(e: &Expr, names: &mut BTreeSet<String>) {
    for f in &e.filters {
        f.args.values().for_each(|a| expr(a, names));
    }
    match &e.val {
        ExprVal::FunctionCall(f) => {
            names.insert(f.name.clone());
            f.args.values().for_each(|a| expr(a, names));
        }
        ExprVal::Math(m) => {
            expr(&m.lhs, names);
            expr(&m.rhs, names);
        }
        ExprVal::Logic(l) => {
            expr(&l.lhs, names);
            expr(&l.rhs, names);
        }
        ExprVal::In(i) => {
            expr(&i.lhs, names);
            expr(&i.rhs, names);
        }
        ExprVal::Test(t) => t.args.iter().for_each(|a| expr(a, names)),
        ExprVal::MacroCall(m) => m.args.values().for_each(|a| expr(a, names)),
        ExprVal::Array(items) => items.iter().for_each(|a| expr(a, names)),
        ExprVal::StringConcat(s) => {
            for v in &s.values {
                expr(&Expr::new(v.clone()), names);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn calls(src: &str) -> Vec<String> {
        refused(&tera::Template::new("t.html", None, src).unwrap())
            .into_iter()
            .collect()
    }

    #[test]
    fn finds_calls_wherever_they_hide() {
        assert_eq!(calls("{{ get_env(name='HOME') }}"), ["get_env"]);
        assert_eq!(
            calls(
                "{% if x %}{% for i in range(end=2) %}{{ a | default(value=get_env(name='A')) }}{% endfor %}{% endif %}"
            ),
            ["get_env"]
        );
        assert_eq!(
            calls("{% macro m(a=1) %}{% set x = [1, now()] %}{% endmacro m %}"),
            ["now"]
        );
        assert_eq!(
            calls("{{ 1 + get_random(start=1, end=2) }}"),
            ["get_random"]
        );
        assert!(calls("{{ range(end=3) | length }}{{ throw(message='no') }}").is_empty());
    }

    #[test]
    fn a_call_is_found_as_a_word() {
        let text = "{{ my_get_env(a=1) }}\n{{ x.get_env }}\n{{ get_env (name='A') }}";
        let at = call_offset(text, "get_env").unwrap();
        assert_eq!(&text[at..at + 9], "get_env (");
        assert_eq!(call_offset("{{ get_envy() }}", "get_env"), None);
    }
}
