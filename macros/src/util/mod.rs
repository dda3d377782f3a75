//! Helpers shared by every macro: the runtime path, type shapes, error plumbing.

pub mod attr;
pub mod expand;
pub mod options;
pub mod runtime_path;
pub mod shape;
mod source_text;

pub use source_text::{source_text, type_text};

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
