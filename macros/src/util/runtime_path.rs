//! The path generated code uses to reach the runtime: `::palisade` unless the user
//! wrote `crate = "..."`.

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};

/// Where the runtime lives, as generated code spells it.
#[derive(Clone)]
pub struct RuntimePath {
    root: TokenStream,
    aliased: bool,
}

impl RuntimePath {
    /// `::palisade` or the user's `crate = "path"`.
    pub fn new(user: Option<&syn::Path>) -> Self {
        let root = match user {
            Some(path) => path.to_token_stream(),
            None => quote!(::palisade),
        };
        Self {
            root,
            aliased: false,
        }
    }

    /// The same runtime, named `__palisade` by generated code that starts its
    /// `const _: () = { ... };` block with [`RuntimePath::import`]. Expansions that
    /// name the runtime hundreds of times are that much shorter, for rustc to read and
    /// for people to review in `cargo expand`.
    pub fn aliased(self) -> Self {
        Self {
            aliased: true,
            ..self
        }
    }

    /// `use <runtime>::__private as __palisade;`, for the top of a `const _` block.
    pub fn import(&self) -> TokenStream {
        let root = &self.root;
        quote!(use #root::__private as __palisade;)
    }

    /// `<runtime>::__private` (or its alias), the module generated code names
    /// everything through.
    pub fn private(&self) -> TokenStream {
        if self.aliased {
            quote!(__palisade)
        } else {
            let root = &self.root;
            quote!(#root::__private)
        }
    }

    /// The full path as a string, for `#[serde(crate = "...")]`.
    pub fn private_string(&self) -> String {
        let root = &self.root;
        quote!(#root::__private).to_string().replace(' ', "")
    }
}
