//! Reading palisade's attribute options (`key`, `key = value`, `key(...)`) on top of
//! syn's nested-meta parser, and gathering errors so one build reports them all.
//!
//! Every mistake becomes a spanned error that says what to write: an unknown key
//! names the closest known one (or lists them), a repeated key says to keep one, a
//! value of the wrong kind shows the right form.

use std::fmt::Display;

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::parse::Parser;
use syn::spanned::Spanned as _;

use super::options::Keyword;

/// An error message waiting for the code it points at.
pub struct Message(String);

/// Starts an error with `message`; finish it with [`Message::at`] or [`Message::at_span`].
pub fn error(message: impl Display) -> Message {
    Message(message.to_string())
}

impl Message {
    /// The error, pointing at `node` (its first token, as rustc shows attribute spans).
    pub fn at(self, node: &impl ToTokens) -> syn::Error {
        syn::Error::new(node.span(), self.0)
    }

    /// The error, pointing at `span`.
    pub fn at_span(self, span: Span) -> syn::Error {
        syn::Error::new(span, self.0)
    }
}

/// Errors gathered while checking an input; empty when it is fine.
#[derive(Default)]
pub struct Errors(Option<syn::Error>);

impl Errors {
    /// No errors yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `error` after the ones already gathered.
    pub fn push(&mut self, error: syn::Error) {
        match &mut self.0 {
            Some(all) => all.combine(error),
            None => self.0 = Some(error),
        }
    }

    /// The value of `result`, or `None` after keeping its error.
    pub fn handle<T>(&mut self, result: syn::Result<T>) -> Option<T> {
        result.map_err(|error| self.push(error)).ok()
    }

    /// `Ok` when nothing was gathered, else every error together.
    pub fn finish(self) -> syn::Result<()> {
        self.0.map_or(Ok(()), Err)
    }

    /// `value` when nothing was gathered, else every error together.
    pub fn finish_with<T>(self, value: T) -> syn::Result<T> {
        self.finish().map(|()| value)
    }
}

/// A key written alone (`email`, `skip_all`): where it was written, if it was.
#[derive(Default, Clone, Copy)]
pub struct Flag(Option<Span>);

impl Flag {
    /// A flag set by something other than its key, at `span`.
    pub fn implied_at(span: Span) -> Self {
        Self(Some(span))
    }

    /// Whether the key was written.
    pub fn is_present(self) -> bool {
        self.0.is_some()
    }

    /// Where the key was written (the call site when it was not).
    pub fn span(self) -> Span {
        self.0.unwrap_or_else(Span::call_site)
    }
}

/// A value and the span of the key it was written with (`range` in `range(1..=9)`).
pub struct Spanned<T> {
    value: T,
    span: Span,
}

impl<T> Spanned<T> {
    /// Where the key was written.
    pub fn span(&self) -> Span {
        self.span
    }

    /// The value.
    pub fn into_inner(self) -> T {
        self.value
    }
}

impl<T> std::ops::Deref for Spanned<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.value
    }
}

/// The keys one attribute accepts (the enum `K`), and those already read in it.
pub struct Keys<'a, K> {
    attribute: &'a str,
    noun: &'a str,
    repeat_hint: &'a str,
    seen: Vec<K>,
}

impl<'a, K: Keyword> Keys<'a, K> {
    /// `attribute` as users write it (`#[audit_log(...)]`) and what its keys are called
    /// in messages (`option`, `rule`); the keys it accepts are `K`'s.
    pub fn new(attribute: &'a str, noun: &'a str) -> Self {
        Self {
            attribute,
            noun,
            repeat_hint: "",
            seen: Vec::new(),
        }
    }

    /// Extra advice after "keep one" when a key is written twice.
    pub fn repeat_hint(mut self, hint: &'a str) -> Self {
        self.repeat_hint = hint;
        self
    }

    /// Reads the inside of the attribute's parentheses item by item, handing each
    /// known key to `read`. Unknown and repeated keys are reported and skipped;
    /// reading stops at the first item that is malformed.
    pub fn parse(
        &mut self,
        tokens: TokenStream,
        errors: &mut Errors,
        mut read: impl FnMut(K, &ParseNestedMeta) -> syn::Result<()>,
    ) {
        let parser = syn::meta::parser(|meta| {
            let name = key_name(&meta.path);
            let Some(key) = K::from_keyword(&name) else {
                errors.push(self.unknown(&name, &meta.path));
                return skip_value(&meta);
            };
            if self.seen.contains(&key) {
                errors.push(
                    error(format!(
                        "`{name}` is written twice in this `{}`: keep one{}",
                        self.attribute, self.repeat_hint
                    ))
                    .at(&meta.path),
                );
                return skip_value(&meta);
            }
            self.seen.push(key);
            read(key, &meta)
        });
        if let Err(error) = parser.parse2(tokens) {
            errors.push(error);
        }
    }

    /// Reads one attribute (`#[builder(...)]`); a bare `#[builder]` has no keys, and
    /// `#[builder = ...]` is an error.
    pub fn parse_attribute(
        &mut self,
        attr: &syn::Attribute,
        errors: &mut Errors,
        read: impl FnMut(K, &ParseNestedMeta) -> syn::Result<()>,
    ) {
        match &attr.meta {
            syn::Meta::Path(_) => {}
            syn::Meta::List(list) => self.parse(list.tokens.clone(), errors, read),
            syn::Meta::NameValue(pair) => errors.push(
                error(format!(
                    "write `{}` with its {}s in parentheses",
                    self.attribute, self.noun
                ))
                .at(&pair.eq_token),
            ),
        }
    }

    fn unknown(&self, name: &str, path: &syn::Path) -> syn::Error {
        let message = match closest(name, K::all().map(Keyword::keyword)) {
            Some(known) => format!(
                "unknown {} `{name}` in `{}`: did you mean `{known}`?",
                self.noun, self.attribute
            ),
            None => format!(
                "unknown {} `{name}` in `{}`: expected one of {}",
                self.noun,
                self.attribute,
                K::all()
                    .map(|known| format!("`{}`", known.keyword()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        error(message).at(path)
    }
}

/// The one of `known` that `name` most likely misspells, for a "did you mean".
pub fn closest<'a>(name: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|known| (strsim::jaro_winkler(name, known), known))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, known)| known)
}

/// A key as users wrote it: `range`, `crate`, `a::b`.
pub fn key_name(path: &syn::Path) -> String {
    match path.get_ident() {
        Some(ident) => ident.to_string(),
        None => crate::util::source_text(path),
    }
}

/// Consumes whatever follows a key that is being skipped, so reading can go on.
fn skip_value(meta: &ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(syn::Token![=]) {
        meta.value()?.parse::<syn::Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        meta.input.parse::<proc_macro2::Group>()?;
    }
    Ok(())
}

/// `key` alone.
pub fn flag(name: &str, meta: &ParseNestedMeta) -> syn::Result<Flag> {
    if meta.input.peek(syn::Token![=]) || meta.input.peek(syn::token::Paren) {
        return Err(meta.error(format!("`{name}` takes no value: write `{name}` alone")));
    }
    Ok(Flag(Some(meta.path.span())))
}

/// `key = "text"`.
pub fn string(name: &str, meta: &ParseNestedMeta) -> syn::Result<syn::LitStr> {
    let wrong = || format!("`{name}` takes a string: write `{name} = \"...\"`");
    if !meta.input.peek(syn::Token![=]) {
        return Err(meta.error(wrong()));
    }
    match meta.value()?.parse::<syn::Expr>()? {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(text),
            ..
        }) => Ok(text),
        other => Err(error(wrong()).at(&other)),
    }
}

/// `key = EXPR`.
pub fn expr(name: &str, meta: &ParseNestedMeta) -> syn::Result<syn::Expr> {
    if !meta.input.peek(syn::Token![=]) {
        return Err(meta.error(format!("`{name}` needs a value: write `{name} = ...`")));
    }
    meta.value()?.parse()
}

/// `key = "path"` (or `key = path`), as in `crate = "::my_palisade"`.
pub fn path(name: &str, meta: &ParseNestedMeta) -> syn::Result<syn::Path> {
    let wrong =
        || format!("`{name}` takes a path in a string: write `{name} = \"::path::to::palisade\"`");
    if !meta.input.peek(syn::Token![=]) {
        return Err(meta.error(wrong()));
    }
    match meta.value()?.parse::<syn::Expr>()? {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(text),
            ..
        }) => text.parse().map_err(|_| error(wrong()).at(&text)),
        syn::Expr::Path(path) if path.qself.is_none() => Ok(path.path),
        other => Err(error(wrong()).at(&other)),
    }
}

/// `key(a, b)`: names, as in `skip(password)`.
pub fn names(name: &str, meta: &ParseNestedMeta) -> syn::Result<Vec<syn::Path>> {
    if !meta.input.peek(syn::token::Paren) {
        return Err(meta.error(format!(
            "`{name}` takes names in parentheses: write `{name}(a, b)`"
        )));
    }
    let mut out = Vec::new();
    meta.parse_nested_meta(|item| {
        if !item.input.is_empty() && !item.input.peek(syn::Token![,]) {
            return Err(item.error(format!("`{name}` takes names only: write `{name}(a, b)`")));
        }
        out.push(item.path);
        Ok(())
    })?;
    Ok(out)
}

/// `key(a = EXPR, b = EXPR)`: named expressions, as in `fields(tenant = t.id)`.
pub fn assignments(
    name: &str,
    meta: &ParseNestedMeta,
) -> syn::Result<Vec<(syn::Ident, syn::Expr)>> {
    let wrong =
        || format!("`{name}` takes named values in parentheses: write `{name}(tenant = EXPR)`");
    if !meta.input.peek(syn::token::Paren) {
        return Err(meta.error(wrong()));
    }
    let mut out = Vec::new();
    meta.parse_nested_meta(|item| {
        let Some(ident) = item.path.get_ident().cloned() else {
            return Err(error(wrong()).at(&item.path));
        };
        if !item.input.peek(syn::Token![=]) {
            return Err(item.error(wrong()));
        }
        out.push((ident, item.value()?.parse()?));
        Ok(())
    })?;
    Ok(out)
}

/// `key(...)`: the tokens inside the parentheses, or `None` when `key` has none.
pub fn group(meta: &ParseNestedMeta) -> syn::Result<Option<TokenStream>> {
    if !meta.input.peek(syn::token::Paren) {
        return Ok(None);
    }
    Ok(Some(meta.input.parse::<proc_macro2::Group>()?.stream()))
}

/// `value`, with the span of the key it was written with.
pub fn spanned<T>(meta: &ParseNestedMeta, value: T) -> Spanned<T> {
    Spanned {
        value,
        span: meta.path.span(),
    }
}
