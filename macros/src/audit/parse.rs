//! The raw input of `#[audit_log]`: its options and the function.

use darling::util::{Flag, PathList};
use darling::FromMeta;
use proc_macro2::TokenStream;
use quote::ToTokens;

/// The options of `#[audit_log(...)]`.
#[derive(Debug, Default, FromMeta)]
pub struct RawArgs {
    /// `operation = "name"`: the event's operation (default: the function's name).
    pub operation: Option<darling::util::PreservedStrExpr>,
    /// `skip(a, b)`: parameters left out of `args`.
    pub skip: Option<PathList>,
    /// `skip_all`: no `args` at all.
    pub skip_all: Flag,
    /// `redact(a)`: parameters logged as `"[REDACTED]"`.
    pub redact: Option<PathList>,
    /// `resources(a, b)`: parameters whose values go to `resources_affected`.
    pub resources: Option<PathList>,
    /// `args(a, b)`: log only these parameters (an allow-list).
    pub args: Option<PathList>,
    /// `start`: also emit an event before the body runs.
    pub start: Flag,
    /// `result`: the return type is a `Result` (outcomes are read from any `Result`,
    /// aliases included; this documents it and checks it).
    pub result: Flag,
    /// `crate = "path"`: where to find palisade when it is re-exported or renamed.
    #[darling(rename = "crate")]
    pub krate: Option<syn::Path>,
}

/// `#[audit_log]` before checking.
pub struct RawAudit {
    /// Its options, or the error reading them.
    pub args: darling::Result<RawArgs>,
    /// The function (free, method, `async`).
    pub item: syn::ItemFn,
}

/// Reads the options and the function; anything else is refused and handed back.
pub fn parse(
    args: TokenStream,
    item: TokenStream,
) -> Result<RawAudit, (darling::Error, TokenStream)> {
    let parsed: syn::Item = match syn::parse2(item.clone()) {
        Ok(item) => item,
        Err(error) => return Err((error.into(), item)),
    };
    let syn::Item::Fn(item) = parsed else {
        return Err((
            darling::Error::custom("`#[audit_log]` applies to functions and methods with a body")
                .with_span(&parsed),
            parsed.into_token_stream(),
        ));
    };
    let args = darling::ast::NestedMeta::parse_meta_list(args)
        .map_err(darling::Error::from)
        .and_then(|items| RawArgs::from_list(&items));
    Ok(RawAudit { args, item })
}
