//! The one way every macro runs: parse → check → emit. A failed phase yields
//! [`Failed`]: every mistake found, and what to emit in place of the expansion — the
//! user's item and stand-ins for all the macro would have generated — so a mistake
//! adds no errors at the places that use what the macro generates (one mistake, one
//! error).

use proc_macro2::TokenStream;

/// A phase that found mistakes.
pub struct Failed<F> {
    /// Every mistake found, combined.
    pub errors: syn::Error,
    /// What stands in for the expansion, for the macro's fallback emitter to render.
    pub fallback: F,
}

impl<F> Failed<F> {
    /// `errors`, with `fallback` to emit next to them.
    pub fn new(errors: syn::Error, fallback: F) -> Box<Self> {
        Box::new(Self { errors, fallback })
    }
}

/// Runs the phases of one macro. `parsed` failed only when the item could not be read
/// as the macro needs it, with the tokens to emit as they are (the item itself for an
/// attribute, nothing for a derive); `check` fails with a model that `fallback`
/// renders as stand-ins.
pub fn expand<Raw, Model, Fallback>(
    parsed: Result<Raw, Box<Failed<TokenStream>>>,
    check: impl FnOnce(Raw) -> Result<Model, Box<Failed<Fallback>>>,
    emit: impl FnOnce(&Model) -> TokenStream,
    fallback: impl FnOnce(&Fallback) -> TokenStream,
) -> TokenStream {
    let raw = match parsed {
        Ok(raw) => raw,
        Err(failed) => return with_errors(&failed.errors, failed.fallback),
    };
    match check(raw) {
        Ok(model) => emit(&model),
        Err(failed) => with_errors(&failed.errors, fallback(&failed.fallback)),
    }
}

/// Turns accumulated errors into `compile_error!`s, emitted together with `fallback`
/// (the user's item, or a stub impl) so one mistake does not cascade into others.
fn with_errors(errors: &syn::Error, fallback: TokenStream) -> TokenStream {
    let errors = errors.to_compile_error();
    quote::quote! {
        #errors
        #fallback
    }
}
