//! The path generated code uses to reach the runtime: `::palisade` unless the user
//! wrote `crate = "..."`.

use proc_macro2::{Ident, Span, TokenStream};
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
    pub fn private(&self) -> Private {
        if self.aliased {
            Private::Alias(Ident::new("__palisade", Span::call_site()))
        } else {
            let root = &self.root;
            Private::Path(quote!(#root::__private))
        }
    }

    /// The full path as a string, for `#[serde(crate = "...")]`.
    pub fn private_string(&self) -> String {
        let root = &self.root;
        quote!(#root::__private).to_string().replace(' ', "")
    }
}

/// How generated code names `__private`: the alias is a single identifier, which
/// `quote!` appends as one token instead of splicing in a stream.
pub enum Private {
    /// `__palisade`, after [`RuntimePath::import`].
    Alias(Ident),
    /// `::palisade::__private` or the user's path.
    Path(TokenStream),
}

impl ToTokens for Private {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        match self {
            Private::Alias(ident) => ident.to_tokens(tokens),
            Private::Path(path) => path.to_tokens(tokens),
        }
    }
}
