//! Tokens back into the text a person would have written, for messages: spans cannot
//! give the source of several tokens on stable Rust, so the spacing is rebuilt from
//! the tokens themselves.

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
