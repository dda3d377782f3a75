//! Emits `#[ffi_safe]`: the item, its `FfiSafe` impl (through the runtime's macro, so
//! no `unsafe` is written here), const layout assertions, enum conversions, C
//! descriptions, and the panic guard of an `extern "C" fn`.

use crate::util::runtime_path::Private;
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned, ToTokens as _};
use syn::spanned::Spanned;

use super::check::{Direction, Enum, Fallback, Function, Kind, Model, Struct};

/// What stands in for the expansion next to the errors: the whole expansion when
/// nothing in it repeats them, else the item and stubs of its impls.
pub fn fallback(fallback: &Fallback) -> TokenStream {
    match fallback {
        Fallback::Whole(model) => expand(model),
        Fallback::Stubs(model) => stubs(model),
    }
}

/// The item and unbounded stand-ins for the impls its uses need (`FfiSafe`, `FromC`
/// or `CheckedRepr`, `CType`, a function's prototype), with no layout assertion and
/// no bound on its fields: those are where the reported mistake would show again.
fn stubs(model: &Model) -> TokenStream {
    let private = model.runtime.private();
    let (tokens, ident, generics, c_name, impls) = match &model.kind {
        Kind::Struct(item) => {
            let ident = &item.item.ident;
            let generics = &item.item.generics;
            let (_, ty_generics, where_clause) = generics.split_for_impl();
            let params = generics.params.iter();
            let predicates =
                where_clause.map(|clause| clause.predicates.iter().collect::<Vec<_>>());
            let predicates = predicates.unwrap_or_default();
            let kind = if item.has_checks {
                quote!(checked)
            } else {
                quote!(from_c)
            };
            let impls = quote! {
                #private::ffi_stubs!(#kind [#(#params),*] #ident #ty_generics, [#(#predicates,)*]);
            };
            (
                item.item.to_token_stream(),
                ident,
                generics,
                &item.c_name,
                impls,
            )
        }
        Kind::Enum(item) => {
            let ident = &item.item.ident;
            let repr = &item.repr;
            let name = ident.to_string();
            let impls = quote!(#private::ffi_stubs!(enum #ident, #repr, #name););
            (
                item.item.to_token_stream(),
                ident,
                &item.item.generics,
                &item.c_name,
                impls,
            )
        }
        Kind::Fn(function) => {
            let item = &function.item;
            let prototype = prototype(&private, function);
            return quote! {
                #item
                #prototype
            };
        }
    };
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    quote! {
        #tokens
        const _: () = {
            #impls

            #[automatically_derived]
            impl #impl_generics #private::ffi::CType for #ident #ty_generics #where_clause {
                fn c_type() -> #private::ffi::CTypeRef {
                    #private::ffi::CTypeRef::named(#c_name)
                }
            }
        };
    }
}

/// The whole output of `#[ffi_safe]`.
pub fn expand(model: &Model) -> TokenStream {
    let private = model.runtime.private();
    match &model.kind {
        Kind::Struct(item) => expand_struct(&private, item),
        Kind::Enum(item) => expand_enum(&private, item),
        Kind::Fn(item) => expand_fn(&private, item),
    }
}

/// `const _: () = { let _: fn() = must_come_from_c::<T>; ... };` (or
/// `must_be_ffi_safe` for what Rust writes) for concrete types, each spanned on its
/// type so the error lands there.
fn field_checks<'a>(
    private: &Private,
    direction: Direction,
    types: impl Iterator<Item = &'a syn::Type>,
) -> TokenStream {
    let (function, bound) = match direction {
        Direction::FromC => (quote!(must_come_from_c), quote!(#private::ffi::FromC)),
        Direction::ToC => (quote!(must_be_ffi_safe), quote!(#private::ffi::FfiSafe)),
    };
    let mut seen = Vec::new();
    let uses = types
        .filter(|ty| {
            // One check per distinct type is enough.
            let text = quote!(#ty).to_string();
            let new = !seen.contains(&text);
            seen.push(text);
            new
        })
        .map(|ty| {
            quote_spanned! {ty.span()=>
                let _: fn() = #function::<#ty>;
            }
        })
        .collect::<Vec<_>>();
    if uses.is_empty() {
        return TokenStream::new();
    }
    quote! {
        const _: () = {
            fn #function<T: #bound>() {}
            #(#uses)*
        };
    }
}

/// `tokens` with every span set to `span`.
fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut token| {
            if let proc_macro2::TokenTree::Group(group) = &token {
                let mut inner =
                    proc_macro2::Group::new(group.delimiter(), respan(group.stream(), span));
                inner.set_span(span);
                token = proc_macro2::TokenTree::Group(inner);
            } else {
                token.set_span(span);
            }
            token
        })
        .collect()
}

/// A const item that panics with a message built at compile time when `failed`.
fn assertion(
    private: &Private,
    span: Span,
    failed: &TokenStream,
    message: &TokenStream,
) -> TokenStream {
    quote_spanned! {span=>
        const _: () = {
            if #failed {
                let message = #private::ffi::Message::new() #message;
                #private::panic!("{}", message.as_str());
            }
        };
    }
}

fn expand_struct(private: &Private, model: &Struct) -> TokenStream {
    let item = &model.item;
    let ident = &item.ident;
    let name = ident.to_string();
    let (_, ty_generics, where_clause) = item.generics.split_for_impl();
    let generic = item.generics.type_params().next().is_some()
        || item.generics.const_params().next().is_some();

    let predicates = where_clause
        .map(|clause| {
            clause
                .predicates
                .iter()
                .map(|p| quote!(#p,))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    // Every concrete field must come from C: the bound, spanned on the field's type,
    // is the one place a wrong field is reported. A field that mentions a type
    // parameter needs a C layout for the struct to have one, and is required to be
    // `FromC` for the struct to be (`generic_bounds`).
    // (Both impls carry the same concrete bounds, so rustc reports a wrong field once.)
    let mut bounds = predicates.clone();
    let mut generic_bounds = predicates;
    let mut seen = Vec::new();
    for field in &model.fields {
        let ty = &field.ty;
        let text = quote!(#ty).to_string();
        if seen.contains(&text) {
            continue;
        }
        seen.push(text);
        if crate::util::mentions_type_param(ty, &item.generics) {
            bounds.push(quote!(#ty: #private::ffi::FfiSafe,));
            generic_bounds.push(quote!(#ty: #private::ffi::FromC,));
        } else {
            // Every token on the field's type, so rustc points there.
            let bound = respan(quote!(#ty: #private::ffi::FromC,), ty.span());
            bounds.push(bound.clone());
            generic_bounds.push(bound);
        }
    }
    let impl_params = item.generics.params.iter().collect::<Vec<_>>();
    let field_types = model
        .fields
        .iter()
        .map(|field| &field.ty)
        .collect::<Vec<_>>();
    // Padding between and after the fields, plus the padding inside each field.
    let padding = quote! {
        #private::size_of::<Self>()
            - (0 #(+ #private::size_of::<#field_types>())*)
            #(+ <#field_types as #private::ffi::FfiSafe>::PADDING)*
    };
    let impl_safe = quote! {
        #private::impl_ffi_safe!([#(#impl_params),*] #ident #ty_generics, [#(#bounds)*], #padding);
    };
    let impl_from_c = if model.has_checks {
        quote! {
            #private::impl_checked_struct!([#(#impl_params),*] #ident #ty_generics,
                [#(#generic_bounds)*], #name);
        }
    } else {
        // A struct whose `Validate` impl `#[ffi_safe]` could not see (its
        // `#[validated]` ran first) is refused here, with the fix.
        let probe = if generic {
            TokenStream::new()
        } else {
            let lifetimes = item.generics.lifetimes().map(|_| quote!('static));
            let ident = quote!(#ident<#(#lifetimes),*>);
            quote_spanned! {item.ident.span()=>
                const _: () = {
                    fn runs_no_checks() {
                        // One of the two answers the probe; the other stays unused.
                        #[allow(unused_imports)]
                        use #private::ffi::{Plain as _, Validated as _};
                        fn must_run_no_checks<T: #private::ffi::NoChecksIn<#ident>>(_: T) {}
                        must_run_no_checks((&&#private::ffi::Probe::<#ident>::NEW).checks());
                    }
                    let _: fn() = runs_no_checks;
                };
            }
        };
        quote! {
            #private::impl_from_c!([#(#impl_params),*] #ident #ty_generics, [#(#generic_bounds)*]);
            #probe
        }
    };

    let mut assertions = Vec::new();
    let is_text = format!("`{name}` is ");
    let aligned_text = format!("`{name}` is aligned to ");
    let has_text = format!("`{name}` has ");
    if let Some(size) = &model.size {
        let failed = quote!(#private::size_of::<#ident>() != #size);
        let message = quote! {
            .text(#is_text)
            .number(#private::size_of::<#ident>())
            .text(" bytes, but `#[ffi_safe(size = ")
            .number(#size)
            .text(")]` expects ")
            .number(#size)
        };
        assertions.push(assertion(private, size.span(), &failed, &message));
    }
    if let Some(align) = &model.align {
        let failed = quote!(#private::align_of::<#ident>() != #align);
        let message = quote! {
            .text(#aligned_text)
            .number(#private::align_of::<#ident>())
            .text(" bytes, but `#[ffi_safe(align = ")
            .number(#align)
            .text(")]` expects ")
            .number(#align)
        };
        assertions.push(assertion(private, align.span(), &failed, &message));
    }
    for field in &model.fields {
        let Some(offset) = &field.offset else {
            continue;
        };
        let member = &field.member;
        let at_text = format!("`{name}.{}` is at offset ", field.c_name);
        let actual = quote!(#private::offset_of!(#ident, #member));
        let failed = quote!(#actual != #offset);
        let message = quote! {
            .text(#at_text)
            .number(#actual)
            .text(", but `#[ffi(offset = ")
            .number(#offset)
            .text(")]` expects ")
            .number(#offset)
        };
        assertions.push(assertion(private, offset.span(), &failed, &message));
    }
    if model.no_padding {
        let span = Span::call_site();
        for field in &model.fields {
            let ty = &field.ty;
            let inner = quote!(<#ty as #private::ffi::FfiSafe>::PADDING);
            let failed = quote!(#inner != 0);
            let inside_text = format!(
                " bytes of padding inside `{}` (a `{}`); `no_padding` counts padding at every \
                 depth: reorder or pad the fields of that type",
                field.c_name,
                crate::util::type_text(ty)
            );
            let message = quote! {
                .text(#has_text)
                .number(#inner)
                .text(#inside_text)
            };
            assertions.push(assertion(private, ty.span(), &failed, &message));
        }
        let mut previous: Option<&super::check::Field> = None;
        for field in &model.fields {
            let member = &field.member;
            let start = quote!(#private::offset_of!(#ident, #member));
            // The first field of a `repr(C)` struct is always at offset 0.
            let Some(previous_field) = previous.replace(field) else {
                continue;
            };
            let previous_member = &previous_field.member;
            let previous_ty = &previous_field.ty;
            let end_of_previous = quote!(#private::offset_of!(#ident, #previous_member) +
                #private::size_of::<#previous_ty>());
            let where_text = format!("between `{}` and `{}`", previous_field.c_name, field.c_name);
            let padding_text = format!(
                " bytes of padding {where_text}; reorder the fields or add explicit padding fields"
            );
            let failed = quote!(#start != #end_of_previous);
            let message = quote! {
                .text(#has_text)
                .number(#start - (#end_of_previous))
                .text(#padding_text)
            };
            assertions.push(assertion(private, span, &failed, &message));
        }
        if let Some(last) = previous {
            let member = &last.member;
            let ty = &last.ty;
            let end = quote!(#private::offset_of!(#ident, #member) + #private::size_of::<#ty>());
            let failed = quote!(#private::size_of::<#ident>() != #end);
            let padding_text = format!(
                " bytes of padding at the end, after `{}`; reorder the fields or add an explicit \
                    padding field",
                last.c_name
            );
            let message = quote! {
                .text(#has_text)
                .number(#private::size_of::<#ident>() - (#end))
                .text(#padding_text)
            };
            assertions.push(assertion(private, span, &failed, &message));
        }
    }

    let c_type = struct_c_type(private, model);
    quote! {
        #item
        const _: () = {
            #impl_safe
            #impl_from_c
            #(#assertions)*
            #c_type
        };
    }
}

/// The `CType` impl: a typedef'd struct with its fields, or for a transparent
/// wrapper an alias of its non-zero-sized field.
fn struct_c_type(private: &Private, model: &Struct) -> TokenStream {
    let item = &model.item;
    let ident = &item.ident;
    let ident_text = ident.to_string();
    let name = &model.c_name;
    let (impl_generics, ty_generics, where_clause) = item.generics.split_for_impl();
    let define_fields = model
        .fields
        .iter()
        .map(|field| define_calls(private, &field.ty));
    let definition = if model.transparent {
        let inner = model
            .fields
            .iter()
            .find(|field| !is_phantom(&field.ty))
            .or_else(|| model.fields.first())
            .map(|field| describe(private, &field.ty));
        quote! {
            header.define_alias(
                name,
                &#inner,
                #private::size_of::<Self>(),
                #private::align_of::<Self>(),
            );
        }
    } else {
        let fields = model.fields.iter().map(|field| {
            let c_name = &field.c_name;
            let member = &field.member;
            let ty = &field.ty;
            let described = describe(private, ty);
            quote! {
                #private::ffi::CField::new(
                    #c_name,
                    #described,
                    #private::offset_of!(Self, #member),
                    #private::size_of::<#ty>(),
                    #private::align_of::<#ty>(),
                )
            }
        });
        quote! {
            header.define_struct(
                name,
                #private::size_of::<Self>(),
                #private::align_of::<Self>(),
                #private::vec![#(#fields),*],
            );
        }
    };
    // Each instantiation of a generic struct is its own C type, named after the
    // arguments that shape its layout, so those must have C names too. A parameter
    // seen only in `PhantomData` or behind a raw pointer (a typed handle) does not
    // change the layout: it needs no C name (the pointer is `void *`), and every
    // instantiation shares one definition.
    let layout_fields = model
        .fields
        .iter()
        .filter(|field| !is_phantom(&field.ty) && !matches!(field.ty, syn::Type::Ptr(_)))
        .collect::<Vec<_>>();
    let type_params = item
        .generics
        .type_params()
        .map(|param| &param.ident)
        .filter(|param| layout_fields.iter().any(|field| mentions(&field.ty, param)))
        .collect::<Vec<_>>();
    let const_params = item
        .generics
        .const_params()
        .map(|param| &param.ident)
        .collect::<Vec<_>>();
    let mut predicates = where_clause
        .map(|clause| {
            clause
                .predicates
                .iter()
                .map(|p| quote!(#p,))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    for param in &type_params {
        predicates.push(quote!(#param: #private::ffi::CType,));
    }
    let c_type = if type_params.is_empty() && const_params.is_empty() {
        quote!(#private::ffi::CTypeRef::named(#name))
    } else {
        quote! {
            #private::ffi::CTypeRef::instance(
                #name,
                &[#(<#type_params as #private::ffi::CType>::c_type()),*],
                &[#(#const_params as i128),*],
            )
        }
    };
    quote! {
        #[automatically_derived]
        impl #impl_generics #private::ffi::CType for #ident #ty_generics where #(#predicates)* {
            fn c_type() -> #private::ffi::CTypeRef {
                #c_type
            }

            fn define(header: &mut #private::ffi::CHeader) {
                #[allow(unused_imports)]
                use #private::ffi::{Described as _, Fallback as _};
                let c_type = <Self as #private::ffi::CType>::c_type();
                let name = c_type.name().unwrap_or(#name);
                // The struct's path, not its `type_name`: instantiations that differ
                // only in a phantom parameter are one C type.
                let rust_path = #private::concat!(#private::module_path!(), "::", #ident_text);
                if !header.claim(name, rust_path) {
                    return;
                }
                #(#define_fields)*
                #definition
            }
        }
    }
}

/// Whether `ty` mentions the type parameter `param`.
fn mentions(ty: &syn::Type, param: &syn::Ident) -> bool {
    fn walk(tokens: TokenStream, param: &syn::Ident) -> bool {
        tokens.into_iter().any(|token| match token {
            proc_macro2::TokenTree::Ident(ident) => ident == *param,
            proc_macro2::TokenTree::Group(group) => walk(group.stream(), param),
            _ => false,
        })
    }
    walk(quote!(#ty), param)
}

/// Whether `ty` is written `c_char` (C's `char`, whatever its sign on the target).
fn is_c_char(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(path) if path.qself.is_none()
        && path.path.segments.last().is_some_and(|last| last.ident == "c_char"))
}

/// An expression for `ty`'s C type: through its `CType` impl where it has one,
/// `char` for `c_char`, `void` for the target of a pointer C cannot name, and
/// opaque bytes of the right size and alignment for anything else.
pub fn describe(private: &Private, ty: &syn::Type) -> TokenStream {
    match ty {
        syn::Type::Group(group) => describe(private, &group.elem),
        syn::Type::Paren(paren) => describe(private, &paren.elem),
        _ if is_c_char(ty) => quote!(#private::ffi::CTypeRef::named("char")),
        syn::Type::Ptr(pointer) => {
            let mutable = matches!(pointer.mutability, syn::PointerMutability::Mut(_));
            let to = match &*pointer.elem {
                elem @ (syn::Type::Ptr(_) | syn::Type::Array(_)) => describe(private, elem),
                elem if is_c_char(elem) => describe(private, elem),
                elem => quote!((&&#private::ffi::Probe::<#elem>::NEW).describe_pointee()),
            };
            quote!(#private::ffi::CTypeRef::pointer(#to, #mutable))
        }
        syn::Type::Array(array) => {
            let of = describe(private, &array.elem);
            let len = &array.len;
            quote!(#private::ffi::CTypeRef::array(#of, #len))
        }
        _ => quote!((&&#private::ffi::Probe::<#ty>::NEW).describe()),
    }
}

/// Statements adding the definitions `ty` needs to `header`.
pub fn define_calls(private: &Private, ty: &syn::Type) -> TokenStream {
    match ty {
        syn::Type::Group(group) => define_calls(private, &group.elem),
        syn::Type::Paren(paren) => define_calls(private, &paren.elem),
        _ if is_c_char(ty) => TokenStream::new(),
        syn::Type::Ptr(pointer) => define_calls(private, &pointer.elem),
        syn::Type::Array(array) => define_calls(private, &array.elem),
        _ => quote!((&&#private::ffi::Probe::<#ty>::NEW).define_in(header);),
    }
}

fn is_phantom(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(path) if path.path.segments.last().is_some_and(|last| last.ident
        == "PhantomData"))
}

fn expand_enum(private: &Private, model: &Enum) -> TokenStream {
    let item = &model.item;
    let ident = &item.ident;
    let name = ident.to_string();
    let repr = &model.repr;
    let c_name = &model.c_name;
    let variants = item
        .variants
        .iter()
        .map(|variant| &variant.ident)
        .collect::<Vec<_>>();
    let consts = (0..variants.len())
        .map(|index| format_ident!("__PALISADE_{}", index))
        .collect::<Vec<_>>();
    let variant_names = variants.iter().map(ToString::to_string).collect::<Vec<_>>();
    let doc = format!("The C integer of this `{name}` (its discriminant as `{repr}`).");
    quote! {
        #item
        const _: () = {
            #private::impl_ffi_safe!([] #ident, [], 0);
            #private::impl_checked_enum!(#ident, #repr, #name);

            #[automatically_derived]
            impl #private::TryFrom<#repr> for #ident {
                type Error = #private::ffi::InvalidDiscriminant<#repr>;

                fn try_from(value: #repr) -> #private::Result<Self, Self::Error> {
                    #(const #consts: #repr = #ident::#variants as #repr;)*
                    match value {
                        #(#consts => #private::Ok(Self::#variants),)*
                        _ => #private::Err(#private::ffi::InvalidDiscriminant { type_name: #name,
                            value }),
                    }
                }
            }

            #[automatically_derived]
            impl #ident {
                #[doc = #doc]
                #[must_use]
                pub const fn to_raw(self) -> #repr {
                    self as #repr
                }
            }

            #[automatically_derived]
            impl #private::ffi::CType for #ident {
                fn c_type() -> #private::ffi::CTypeRef {
                    #private::ffi::CTypeRef::named(#c_name)
                }

                fn define(header: &mut #private::ffi::CHeader) {
                    if !header.claim(#c_name, #private::type_name::<Self>()) {
                        return;
                    }
                    header.define_enum(
                        #c_name,
                        &<#repr as #private::ffi::CType>::c_type(),
                        #private::size_of::<Self>(),
                        #private::align_of::<Self>(),
                        &[#((#variant_names, #private::ffi::Discriminant::widen(Self::#variants as
                            #repr))),*],
                    );
                }
            }
        };
    }
}

fn expand_fn(private: &Private, model: &Function) -> TokenStream {
    let mut item = model.item.clone();
    let mut checks = field_checks(private, Direction::FromC, model.params.iter());
    checks.extend(field_checks(private, Direction::ToC, model.result.iter()));
    let block = &item.block;
    let body = match &model.on_panic {
        Some(on_panic) => {
            // Given the return type where it is written, a wrong value is rustc's
            // "expected `i32`, found `&str`" on the value, not two mismatched arms.
            let value = match &item.sig.output {
                syn::ReturnType::Type(_, ty) => quote_spanned! {on_panic.span()=>
                    {
                        let __palisade_on_panic: #ty = #on_panic;
                        __palisade_on_panic
                    }
                },
                syn::ReturnType::Default => quote!(#on_panic),
            };
            quote! {
                match #private::catch_unwind(#private::AssertUnwindSafe(move || #block)) {
                    #private::Ok(value) => value,
                    #private::Err(_) => #value,
                }
            }
        }
        None => quote!(#block),
    };
    item.block = syn::parse_quote!({
        #checks
        #body
    });
    let prototype = prototype(private, model);
    quote! {
        #item
        #prototype
    }
}

/// A type named like the function (types and functions live in different
/// namespaces), so that `CHeader::function::<name>()` can ask for its prototype; it
/// implements `CFunction` only when C can link to the function.
fn prototype(private: &Private, model: &Function) -> TokenStream {
    if !model.describable {
        return TokenStream::new();
    }
    let item = &model.item;
    let vis = &item.vis;
    let ident = &item.sig.ident;
    let doc = format!("The C prototype of [`{ident}()`], for `CHeader::function::<{ident}>()`.");
    let marker = quote! {
        #[doc = #doc]
        #[doc(hidden)]
        #[allow(non_camel_case_types, dead_code)]
        #vis struct #ident {}
    };
    let Some(link_name) = &model.link_name else {
        return marker;
    };
    let mut params = Vec::new();
    let mut defines = Vec::new();
    for (index, input) in item.sig.inputs.iter().enumerate() {
        let syn::FnArg::Typed(typed) = input else {
            continue;
        };
        let name = match &*typed.pat {
            syn::Pat::Ident(pat) => pat.ident.to_string().trim_start_matches("r#").to_owned(),
            _ => format!("arg{index}"),
        };
        let described = describe(private, &typed.ty);
        params.push(quote!((#name, #described)));
        defines.push(define_calls(private, &typed.ty));
    }
    let returns = match &item.sig.output {
        syn::ReturnType::Type(_, ty) if !matches!(&**ty, syn::Type::Never(_)) && !is_unit(ty) => {
            defines.push(define_calls(private, ty));
            let described = describe(private, ty);
            quote!(#private::Some(#described))
        }
        _ => quote!(#private::None),
    };
    quote! {
        #marker

        #[automatically_derived]
        impl #private::ffi::CFunction for #ident {
            fn prototype() -> #private::ffi::CPrototype {
                #[allow(unused_imports)]
                use #private::ffi::{Described as _, Fallback as _};
                fn define(header: &mut #private::ffi::CHeader) {
                    #[allow(unused_imports)]
                    use #private::ffi::{Described as _, Fallback as _};
                    let _ = &header;
                    #(#defines)*
                }
                #private::ffi::CPrototype {
                    link_name: #link_name,
                    returns: #returns,
                    params: #private::vec![#(#params),*],
                    define,
                }
            }
        }
    }
}

fn is_unit(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Tuple(tuple) if tuple.elems.is_empty())
}
