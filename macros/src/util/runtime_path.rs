//! The path generated code uses to reach the runtime: `::palisade` unless the user
//! wrote `crate = "..."`.

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};

/// Where the runtime lives, as generated code spells it.
#[derive(Clone)]
pub struct RuntimePath(TokenStream);

impl RuntimePath {
    /// `::palisade` or the user's `crate = "path"`.
    pub fn new(user: Option<&syn::Path>) -> Self {
        match user {
            Some(path) => Self(path.to_token_stream()),
            None => Self(quote!(::palisade)),
        }
    }

    /// `<runtime>::__private`, the module generated code names everything through.
    pub fn private(&self) -> TokenStream {
        let root = &self.0;
        quote!(#root::__private)
    }

    /// The path as a string, for `#[serde(crate = "...")]`.
    pub fn private_string(&self) -> String {
        self.private().to_string().replace(' ', "")
    }
}
