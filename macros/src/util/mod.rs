//! Helpers shared by every macro: the runtime path, type shapes, error plumbing.

pub mod runtime_path;
pub mod shape;

use proc_macro2::TokenStream;

/// Turns accumulated errors into `compile_error!`s, emitted together with `fallback`
/// (the user's item, or a stub impl) so one mistake does not cascade into others.
pub fn with_errors(errors: darling::Error, fallback: TokenStream) -> TokenStream {
    let errors = errors.write_errors();
    quote::quote! {
        #errors
        #fallback
    }
}

/// The text of a token as the user wrote it, for messages; falls back to the token
/// printout when the source is not available (outside a real compilation).
pub fn source_text(tokens: &impl quote::ToTokens) -> String {
    use syn::spanned::Spanned;
    tokens
        .span()
        .source_text()
        .unwrap_or_else(|| tokens.to_token_stream().to_string())
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
