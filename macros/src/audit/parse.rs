//! The raw input of `#[audit_log]`: its options and the function.

use proc_macro2::TokenStream;
use quote::ToTokens;

use crate::util::attr::{self, error, Errors, Flag, Keys};
use crate::util::expand::Failed;
use crate::util::options::{options, Keyword as _};

options! {
    /// The options of `#[audit_log(...)]`, each a field of [`RawArgs`].
    pub enum AuditOption {
        Operation = "operation",
        Skip = "skip",
        SkipAll = "skip_all",
        Redact = "redact",
        Resources = "resources",
        Args = "args",
        Debug = "debug",
        Start = "start",
        Result = "result",
        Fields = "fields",
        Crate = "crate",
    }
}

/// The options of `#[audit_log(...)]`.
#[derive(Default)]
pub struct RawArgs {
    /// `operation = "name"`: the event's operation (default: the function's name).
    pub operation: Option<syn::Expr>,
    /// `skip(a, b)`: parameters left out of `args`.
    pub skip: Option<Vec<syn::Path>>,
    /// `skip_all`: no `args` at all.
    pub skip_all: Flag,
    /// `redact(a)`: parameters logged as `"[REDACTED]"`.
    pub redact: Option<Vec<syn::Path>>,
    /// `resources(a, b)`: parameters whose values go to `resources_affected`.
    pub resources: Option<Vec<syn::Path>>,
    /// `debug(a)`: log these parameters as their `Debug` text (an opt-in: types
    /// palisade cannot see into are otherwise not dumped).
    pub debug: Option<Vec<syn::Path>>,
    /// `args(a, b)`: log only these parameters (an allow-list).
    pub args: Option<Vec<syn::Path>>,
    /// `start`: also emit an event before the body runs.
    pub start: Flag,
    /// `result`: the return type is a `Result` (outcomes are read from any `Result`,
    /// aliases included; this documents it and checks it).
    pub result: Flag,
    /// `fields(name = EXPR, ..)`: values for the event's `metadata` object.
    pub fields: Option<Vec<(syn::Ident, syn::Expr)>>,
    /// `crate = "path"`: where to find palisade when it is re-exported or renamed.
    pub krate: Option<syn::Path>,
}

/// `#[audit_log]` before checking.
pub struct RawAudit {
    /// Its options, or the error reading them.
    pub args: syn::Result<RawArgs>,
    /// The function (free, method, `async`).
    pub item: syn::ItemFn,
}

/// Reads the options and the function; anything else is refused and handed back.
pub fn parse(args: TokenStream, item: TokenStream) -> Result<RawAudit, Box<Failed<TokenStream>>> {
    let parsed: syn::Item = match syn::parse2(item.clone()) {
        Ok(item) => item,
        Err(failure) => return Err(Failed::new(failure, item)),
    };
    let syn::Item::Fn(item) = parsed else {
        return Err(Failed::new(
            error("`#[audit_log]` applies to functions and methods with a body").at(&parsed),
            parsed.into_token_stream(),
        ));
    };
    let mut errors = Errors::new();
    let mut parsed = RawArgs::default();
    Keys::<AuditOption>::new("#[audit_log(...)]", "option").parse(
        args,
        &mut errors,
        |option, meta| {
            let name = option.keyword();
            match option {
                AuditOption::Operation => parsed.operation = Some(attr::expr(name, meta)?),
                AuditOption::Skip => parsed.skip = Some(attr::names(name, meta)?),
                AuditOption::SkipAll => parsed.skip_all = attr::flag(name, meta)?,
                AuditOption::Redact => parsed.redact = Some(attr::names(name, meta)?),
                AuditOption::Resources => parsed.resources = Some(attr::names(name, meta)?),
                AuditOption::Args => parsed.args = Some(attr::names(name, meta)?),
                AuditOption::Debug => parsed.debug = Some(attr::names(name, meta)?),
                AuditOption::Start => parsed.start = attr::flag(name, meta)?,
                AuditOption::Result => parsed.result = attr::flag(name, meta)?,
                AuditOption::Fields => parsed.fields = Some(attr::assignments(name, meta)?),
                AuditOption::Crate => parsed.krate = Some(attr::path(name, meta)?),
            }
            Ok(())
        },
    );
    let args = errors.finish_with(parsed);
    Ok(RawAudit { args, item })
}
