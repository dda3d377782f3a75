//! The hidden module a `#[validated]` type is defined in. Its fields are private to
//! that module, which holds nothing but the type and its generated impls, so no code
//! the user wrote — not even in the defining module — can build or change a value
//! without the checks. The type is re-exported under its own name and visibility.
//! (nutype takes the same approach.)

use proc_macro2::{Delimiter, Group, Ident, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::{format_ident, quote};

/// `mod __palisade_Name { use super::*; <inner> }` and `<vis> use __palisade_Name::{Name, ..};`.
///
/// `inner` is written as if it stood where the user's struct does, with `pub(self)`
/// for the struct's own (inherited) visibility; paths and visibilities in it are moved
/// one module down here, so `self::x`, `super::x` and `pub(super)` keep their meaning.
pub fn wrap(
    vis: &syn::Visibility,
    ident: &Ident,
    reexports: &[Ident],
    inner: TokenStream,
) -> TokenStream {
    let module = format_ident!("__palisade_{}", ident, span = Span::call_site());
    let inner = deepen(inner);
    quote! {
        #[doc(hidden)]
        #[allow(non_snake_case)]
        mod #module {
            #[allow(unused_imports, clippy::wildcard_imports)]
            use super::*;
            #inner
        }
        #[allow(unused_imports)]
        #vis use #module::{#(#reexports),*};
    }
}

/// The visibility to write in `inner` for an item that must be seen as `vis` from the
/// user's module: the same, with inherited visibility spelled `pub(self)` (spanned on
/// `at`, so messages point at the item) so that [`deepen`] can move it down.
pub fn inner_vis(vis: &syn::Visibility, at: Span) -> syn::Visibility {
    match vis {
        syn::Visibility::Inherited => syn::parse_quote_spanned!(at=> pub(self)),
        other => other.clone(),
    }
}

/// Rewrites tokens written for the user's module so they mean the same one module
/// further down: `self::x` → `super::x`, `super::x` → `super::super::x`,
/// `pub(self)` → `pub(super)`, `pub(super)` → `pub(in super::super)`.
pub fn deepen(tokens: TokenStream) -> TokenStream {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = Vec::with_capacity(tokens.len());
    let mut index = 0;
    while let Some(token) = tokens.get(index) {
        index += 1;
        match token {
            TokenTree::Ident(ident) if ident == "pub" => {
                out.push(token.clone());
                if let Some(TokenTree::Group(group)) = tokens.get(index) {
                    if group.delimiter() == Delimiter::Parenthesis {
                        out.push(TokenTree::Group(restricted(group)));
                        index += 1;
                    }
                }
            }
            TokenTree::Ident(ident)
                if (ident == "self" || ident == "super")
                    && starts_path(&tokens, index - 1)
                    && colons_at(&tokens, index) =>
            {
                let span = ident.span();
                out.push(TokenTree::Ident(Ident::new("super", span)));
                if ident == "super" {
                    out.extend(colons(span));
                    out.push(TokenTree::Ident(Ident::new("super", span)));
                }
            }
            TokenTree::Group(group) => {
                let mut deeper = Group::new(group.delimiter(), deepen(group.stream()));
                deeper.set_span(group.span());
                out.push(TokenTree::Group(deeper));
            }
            other => out.push(other.clone()),
        }
    }
    out.into_iter().collect()
}

/// The parentheses of `pub(...)`, moved one module down.
fn restricted(group: &Group) -> Group {
    let inside: Vec<TokenTree> = group.stream().into_iter().collect();
    // `pub(in self)` and `pub(in super)` mean `pub(self)` and `pub(super)`.
    let module = match inside.as_slice() {
        [TokenTree::Ident(only)] => Some(only),
        [TokenTree::Ident(keyword), TokenTree::Ident(only)] if keyword == "in" => Some(only),
        _ => None,
    };
    let stream = match module {
        Some(only) if only == "self" => TokenTree::Ident(Ident::new("super", only.span())).into(),
        Some(only) if only == "super" => {
            let span = only.span();
            let mut path = vec![
                TokenTree::Ident(Ident::new("in", span)),
                TokenTree::Ident(Ident::new("super", span)),
            ];
            path.extend(colons(span));
            path.push(TokenTree::Ident(Ident::new("super", span)));
            path.into_iter().collect()
        }
        _ => deepen(group.stream()),
    };
    let mut out = Group::new(group.delimiter(), stream);
    out.set_span(group.span());
    out
}

/// Whether the token at `at` begins a path (it does not follow `::`).
fn starts_path(tokens: &[TokenTree], at: usize) -> bool {
    !matches!(
        at.checked_sub(1).and_then(|before| tokens.get(before)),
        Some(TokenTree::Punct(punct)) if punct.as_char() == ':'
    )
}

/// Whether `::` starts at `at`.
fn colons_at(tokens: &[TokenTree], at: usize) -> bool {
    matches!(
        (tokens.get(at), tokens.get(at + 1)),
        (Some(TokenTree::Punct(first)), Some(TokenTree::Punct(second)))
            if first.as_char() == ':' && first.spacing() == Spacing::Joint && second.as_char() ==
                ':'
    )
}

fn colons(span: Span) -> [TokenTree; 2] {
    let mut first = Punct::new(':', Spacing::Joint);
    first.set_span(span);
    let mut second = Punct::new(':', Spacing::Alone);
    second.set_span(span);
    [TokenTree::Punct(first), TokenTree::Punct(second)]
}

#[cfg(test)]
mod tests {
    use super::deepen;
    use quote::quote;

    #[test]
    fn paths_and_visibilities_move_one_module_down() {
        let moved = deepen(quote! {
            pub(self) struct A(super::B, self::C, crate::D, ::e::F, x::super_y);
            pub(super) fn f() {}
            pub(in super::m) fn g(&self) -> Self { self.h(); <Self as super::T>::X }
            pub(crate) fn k() {}
            pub(in super) fn l() {}
            pub(in self) fn m() {}
        });
        let expected = quote! {
            pub(super) struct A(super::super::B, super::C, crate::D, ::e::F, x::super_y);
            pub(in super::super) fn f() {}
            pub(in super::super::m) fn g(&self) -> Self { self.h(); <Self as super::super::T>::X }
            pub(crate) fn k() {}
            pub(in super::super) fn l() {}
            pub(super) fn m() {}
        };
        assert_eq!(moved.to_string(), expected.to_string());
    }
}
