//! Helpers shared by every macro: the runtime path, type shapes, error plumbing.

pub mod attr;
pub mod expand;
pub mod runtime_path;
pub mod shape;

use proc_macro2::TokenStream;

/// Turns accumulated errors into `compile_error!`s, emitted together with `fallback`
/// (the user's item, or a stub impl) so one mistake does not cascade into others.
pub fn with_errors(errors: &syn::Error, fallback: TokenStream) -> TokenStream {
    let errors = errors.to_compile_error();
    quote::quote! {
        #errors
        #fallback
    }
}

/// Tokens as a person would write them, for messages: `self.min <= self.max`,
/// `-1..=10`, `rules::even`. (Spans cannot give the source of several tokens on
/// stable Rust, so the spacing is rebuilt from the tokens.)
pub fn source_text(tokens: &impl quote::ToTokens) -> String {
    let mut out = String::new();
    write_tokens(&mut out, tokens.to_token_stream(), false);
    out
}

/// A type as a person would write it: `Vec<u8>`, `*const c_char`, `fn(u32) -> u32`.
pub fn type_text(ty: &syn::Type) -> String {
    let mut out = String::new();
    write_tokens(&mut out, quote::ToTokens::to_token_stream(ty), true);
    out
}

fn write_tokens(out: &mut String, tokens: proc_macro2::TokenStream, types: bool) {
    use proc_macro2::{Delimiter, Spacing, TokenTree};
    // Whether the previous token ends an operand (an ident, a literal, a group), so
    // that a following `-` or `&` is binary rather than unary.
    let mut after_operand = false;
    // Whether the last token was a lifetime (`'a`), which a type follows after a space.
    let mut after_lifetime = false;
    let mut operator = String::new();
    for token in tokens {
        let lifetime_start = operator == "'";
        if !matches!(token, TokenTree::Punct(_)) && !operator.is_empty() {
            // A joint punct before a non-punct, as the `'` of a lifetime.
            out.push_str(&operator);
            operator.clear();
            after_operand = false;
        }
        let follows_lifetime = std::mem::replace(&mut after_lifetime, lifetime_start);
        match token {
            TokenTree::Punct(punct) => {
                operator.push(punct.as_char());
                if punct.spacing() == Spacing::Joint {
                    continue;
                }
                let spaced = match operator.as_str() {
                    "." | "::" | ".." | "..=" | "?" | "'" => false,
                    "<" | ">" | "&" | "*" | "!" if types => false,
                    "->" if types => true,
                    "," | ";" => {
                        out.push_str(&operator);
                        out.push(' ');
                        operator.clear();
                        after_operand = false;
                        continue;
                    }
                    _ => after_operand,
                };
                if spaced {
                    out.push(' ');
                    out.push_str(&operator);
                    out.push(' ');
                } else {
                    out.push_str(&operator);
                }
                after_operand = operator == "?";
                operator.clear();
            }
            TokenTree::Group(group) => {
                let (open, close) = match group.delimiter() {
                    Delimiter::Parenthesis => ("(", ")"),
                    Delimiter::Bracket => ("[", "]"),
                    Delimiter::Brace => ("{ ", " }"),
                    Delimiter::None => ("", ""),
                };
                if follows_lifetime {
                    out.push(' ');
                }
                out.push_str(open);
                write_tokens(out, group.stream(), types);
                out.push_str(close);
                after_operand = true;
            }
            TokenTree::Ident(ident) => {
                if after_operand {
                    out.push(' ');
                }
                out.push_str(&ident.to_string());
                after_operand = true;
            }
            TokenTree::Literal(literal) => {
                if after_operand {
                    out.push(' ');
                }
                out.push_str(&literal.to_string());
                after_operand = true;
            }
        }
    }
    out.push_str(&operator);
}

/// The string form of a field name (`r#type` → `type`) or a tuple position (`0`).
pub fn member_name(member: &syn::Member) -> String {
    match member {
        syn::Member::Named(ident) => {
            let name = ident.to_string();
            name.strip_prefix("r#")
                .map_or_else(|| name.clone(), str::to_owned)
        }
        syn::Member::Unnamed(index) => index.index.to_string(),
    }
}

/// Whether `ty` names one of `generics`' type parameters anywhere inside it.
pub fn mentions_type_param(ty: &syn::Type, generics: &syn::Generics) -> bool {
    fn walk(tokens: proc_macro2::TokenStream, params: &[String]) -> bool {
        tokens.into_iter().any(|token| match token {
            proc_macro2::TokenTree::Ident(ident) => params.contains(&ident.to_string()),
            proc_macro2::TokenTree::Group(group) => walk(group.stream(), params),
            _ => false,
        })
    }
    let params = generics
        .type_params()
        .map(|param| param.ident.to_string())
        .collect::<Vec<_>>();
    !params.is_empty() && walk(quote::ToTokens::to_token_stream(ty), &params)
}
