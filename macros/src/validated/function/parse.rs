//! The raw input of `#[validated]` on a function: its options and, per parameter,
//! the `#[validate(...)]` attributes as written.

use proc_macro2::{Span, TokenStream};
use syn::spanned::Spanned as _;

use crate::rules::parse::{parse_rule_set, RawRuleSet, VALIDATE};
use crate::util::attr::{self, Errors, Keys};
use crate::util::options::{options, Keyword as _};

options! {
    /// The options of `#[validated(...)]` on a function.
    pub enum FnOption {
        Crate = "crate",
    }
}

/// The function before checking.
pub struct RawFunction {
    /// The function, with palisade's attributes taken off its parameters.
    pub item: syn::ItemFn,
    /// `crate = "path"`: where to find palisade when it is re-exported or renamed.
    pub krate: Option<syn::Path>,
    /// The parameters that carry rules, in order.
    pub params: Vec<RawParam>,
    /// A parameter with rules whose pattern is not a plain name: where, and the
    /// pattern as written.
    pub unnamed: Vec<(Span, String)>,
    /// `#[validate(...)]` on `self`.
    pub on_receiver: Option<Span>,
    /// The mistakes found while reading; checking adds its own.
    pub errors: Errors,
}

/// One parameter with rules.
pub struct RawParam {
    /// Its name.
    pub ident: syn::Ident,
    /// Its type.
    pub ty: syn::Type,
    /// Its `#[validate(...)]`s.
    pub rules: Vec<RawRuleSet>,
}

/// Reads the options and takes each parameter's `#[validate(...)]` off it.
pub fn parse(args: TokenStream, mut item: syn::ItemFn) -> RawFunction {
    let mut errors = Errors::new();
    let mut krate = None;
    Keys::<FnOption>::new("#[validated(...)] on a function", "option").parse(
        args,
        &mut errors,
        |option, meta| {
            match option {
                FnOption::Crate => krate = Some(attr::path(option.keyword(), meta)?),
            }
            Ok(())
        },
    );
    let mut params = Vec::new();
    let mut unnamed = Vec::new();
    let mut on_receiver = None;
    for input in &mut item.sig.inputs {
        let (attrs, typed) = match input {
            syn::FnArg::Receiver(receiver) => (&mut receiver.attrs, None),
            syn::FnArg::Typed(typed) => (&mut typed.attrs, Some((&typed.pat, &typed.ty))),
        };
        let (ours, theirs): (Vec<_>, Vec<_>) = std::mem::take(attrs)
            .into_iter()
            .partition(|attr| attr.path().is_ident(VALIDATE));
        *attrs = theirs;
        if ours.is_empty() {
            continue;
        }
        let Some((pat, ty)) = typed else {
            on_receiver = Some(ours[0].span());
            continue;
        };
        let rules = ours
            .iter()
            .filter_map(|attr| errors.handle(parse_rule_set(attr)))
            .collect();
        match &**pat {
            syn::Pat::Ident(binding) if binding.subpat.is_none() => params.push(RawParam {
                ident: binding.ident.clone(),
                ty: (**ty).clone(),
                rules,
            }),
            other => unnamed.push((other.span(), crate::util::source_text(other))),
        }
    }
    RawFunction {
        item,
        krate,
        params,
        unnamed,
        on_receiver,
        errors,
    }
}
