//! Checks the raw derive input into the model that emission works from.

use super::parse::{RawData, RawField, RawInput, Style};
use crate::rules::check as rules;
use crate::rules::model::{Invariant, Rule, ValueRules};
use crate::util::attr::{error, Errors};
use crate::util::expand::Failed;
use crate::util::runtime_path::RuntimePath;

/// A checked `#[derive(Validate)]` (or the validation part of `#[validated]`).
pub struct Model<B = Body> {
    /// The type's name.
    pub ident: syn::Ident,
    /// Its generics, as written.
    pub generics: syn::Generics,
    /// Where generated code finds the runtime.
    pub runtime: RuntimePath,
    /// Its fields or variants (`Body`), or only fields where nothing else can be
    /// (`Vec<Field>`, for `#[validated]`).
    pub body: B,
    /// Its invariants.
    pub invariants: Vec<Invariant>,
    /// `#[validate(context = Ctx)]`: the impl is `ValidateWith<Ctx>`, not `Validate`.
    pub context: Option<syn::Type>,
}

/// The fields of a struct, or the variants of an enum.
pub enum Body {
    /// A struct's fields.
    Struct(Vec<Field>),
    /// An enum's variants.
    Enum(Vec<Variant>),
}

/// A model's body, borrowed: what `impl Validate` is emitted from.
pub enum BodyRef<'a> {
    /// A struct's fields.
    Struct(&'a [Field]),
    /// An enum's variants.
    Enum(&'a [Variant]),
}

/// What a model's body can be.
pub trait AsBody {
    /// The body, borrowed.
    fn as_body(&self) -> BodyRef<'_>;
}

impl AsBody for Body {
    fn as_body(&self) -> BodyRef<'_> {
        match self {
            Body::Struct(fields) => BodyRef::Struct(fields),
            Body::Enum(variants) => BodyRef::Enum(variants),
        }
    }
}

impl AsBody for Vec<Field> {
    fn as_body(&self) -> BodyRef<'_> {
        BodyRef::Struct(self)
    }
}

/// One checked field.
#[derive(Clone)]
pub struct Field {
    /// How to reach it: a name or a position.
    pub member: syn::Member,
    /// Its name in messages and paths (`port`, `0`).
    pub name: String,
    /// Whether it adds a step to error paths: not for the one field of a newtype,
    /// which stands for the whole value (`port`, not `port.0`).
    pub in_path: bool,
    /// Its type.
    pub ty: syn::Type,
    /// Its rules.
    pub rules: ValueRules,
}

/// One checked enum variant.
pub struct Variant {
    /// Its name.
    pub ident: syn::Ident,
    /// Named, tuple or unit.
    pub style: Style,
    /// All its fields, checked or not.
    pub fields: Vec<Field>,
}

/// What a failed check still knows, to emit a stub impl next to the errors.
pub struct Stub {
    /// The type's name.
    pub ident: syn::Ident,
    /// Its generics.
    pub generics: syn::Generics,
    /// Where generated code finds the runtime.
    pub runtime: RuntimePath,
    /// Its context type, if it has one.
    pub context: Option<syn::Type>,
}

/// Checks every field's rules and the invariants, reporting all errors together.
pub fn check(raw: RawInput) -> Result<Model, Box<Failed<Stub>>> {
    let mut errors = raw.errors;
    let runtime = RuntimePath::new(raw.krate.as_ref()).aliased();
    let invariants = rules::invariants(raw.invariants);
    let body = match raw.data {
        RawData::Struct(fields) => Body::Struct(check_fields(fields, &mut errors)),
        RawData::Enum(variants) => Body::Enum(
            variants
                .into_iter()
                .map(|variant| {
                    for span in variant.misplaced {
                        errors.push(
                            error(
                                "rules go on the variant's fields, and invariants on the enum \
                                 itself: move this attribute",
                            )
                            .at_span(span),
                        );
                    }
                    Variant {
                        ident: variant.ident,
                        style: variant.style,
                        fields: check_fields(variant.fields, &mut errors),
                    }
                })
                .collect(),
        ),
    };
    let model = Model {
        ident: raw.ident,
        generics: raw.generics,
        runtime,
        body,
        invariants,
        context: raw.context,
    };
    match errors.finish() {
        Ok(()) => Ok(model),
        Err(error) => Err(Failed::new(
            error,
            Stub {
                ident: model.ident,
                generics: model.generics,
                runtime: model.runtime,
                context: model.context,
            },
        )),
    }
}

/// Checks the fields of a struct or a variant.
pub fn check_fields(fields: Vec<RawField>, errors: &mut Errors) -> Vec<Field> {
    let newtype = fields.len() == 1 && fields[0].ident.is_none();
    fields
        .into_iter()
        .enumerate()
        .map(|(index, field)| {
            for span in field.misplaced_invariants {
                errors.push(
                    error(
                        "`#[invariant(...)]` goes on the type, not on a field: move it above the \
                         struct or enum",
                    )
                    .at_span(span),
                );
            }
            let member = match field.ident {
                Some(ident) => syn::Member::Named(ident),
                None => syn::Member::Unnamed(syn::Index::from(index)),
            };
            let name = crate::util::member_name(&member);
            let rules = rules::field_rules(&name, &field.ty, field.rules, errors);
            Field {
                member,
                name,
                in_path: !newtype,
                ty: field.ty,
                rules,
            }
        })
        .collect()
}

impl<B: AsBody> Model<B> {
    /// Field types that need a `Validate` bound because a `nested` rule checks them and
    /// they mention a type parameter.
    pub fn nested_bounds(&self) -> Vec<&syn::Type> {
        let fields: Vec<&Field> = match self.body.as_body() {
            BodyRef::Struct(fields) => fields.iter().collect(),
            BodyRef::Enum(variants) => variants
                .iter()
                .flat_map(|variant| &variant.fields)
                .collect(),
        };
        fields
            .into_iter()
            .filter(|field| {
                !field.rules.optional
                    && field
                        .rules
                        .applied
                        .iter()
                        .any(|check| matches!(check.rule, Rule::Nested))
                    && crate::util::mentions_type_param(&field.ty, &self.generics)
            })
            .map(|field| &field.ty)
            .collect()
    }
}
