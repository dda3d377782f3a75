//! What a field's type looks like, read from its syntax alone.
//!
//! A macro cannot resolve types, so this is only used to catch obvious mistakes early
//! (`length` on a `u32`, `range(0..=300)` on a `u8`) and to find `Option`. Anything it
//! does not recognise is [`Shape::Other`], and the runtime's trait bounds decide.

/// The shape of a field type.
#[derive(Clone)]
pub enum Shape {
    /// A primitive integer.
    Int(IntType),
    /// `f32` or `f64`.
    Float {
        /// 32 or 64.
        bits: u8,
    },
    /// `bool` or `char`: no rule but `custom` fits them.
    Scalar(&'static str),
    /// A string type; `static_str` is set for `&'static str` / `&str`.
    Text { static_str: bool },
    /// A collection, with its element type when known.
    Collection(Option<Box<syn::Type>>),
    /// `Option<T>`.
    Option(Box<syn::Type>),
    /// Anything else: a user type, an alias, a generic parameter.
    Other,
}

/// A primitive integer type and its bounds.
#[derive(Clone, Copy)]
pub struct IntType {
    /// Its name, such as `u8`.
    pub name: &'static str,
    /// Its smallest value.
    pub min: i128,
    /// Its largest value (`u128::MAX` does not fit `i128`, hence the separate field).
    pub max: u128,
}

const INTS: [IntType; 12] = [
    IntType {
        name: "u8",
        min: 0,
        max: u8::MAX as u128,
    },
    IntType {
        name: "u16",
        min: 0,
        max: u16::MAX as u128,
    },
    IntType {
        name: "u32",
        min: 0,
        max: u32::MAX as u128,
    },
    IntType {
        name: "u64",
        min: 0,
        max: u64::MAX as u128,
    },
    IntType {
        name: "u128",
        min: 0,
        max: u128::MAX,
    },
    // `usize`/`isize` are checked as 64-bit: the widest target Rust supports.
    IntType {
        name: "usize",
        min: 0,
        max: u64::MAX as u128,
    },
    IntType {
        name: "i8",
        min: i8::MIN as i128,
        max: i8::MAX as u128,
    },
    IntType {
        name: "i16",
        min: i16::MIN as i128,
        max: i16::MAX as u128,
    },
    IntType {
        name: "i32",
        min: i32::MIN as i128,
        max: i32::MAX as u128,
    },
    IntType {
        name: "i64",
        min: i64::MIN as i128,
        max: i64::MAX as u128,
    },
    IntType {
        name: "i128",
        min: i128::MIN,
        max: i128::MAX as u128,
    },
    IntType {
        name: "isize",
        min: i64::MIN as i128,
        max: i64::MAX as u128,
    },
];

const STRINGS: [&str; 1] = ["String"];
const COLLECTIONS: [&str; 6] = [
    "Vec", "VecDeque", "HashSet", "BTreeSet", "HashMap", "BTreeMap",
];

impl Shape {
    /// Reads the shape of `ty`.
    pub fn of(ty: &syn::Type) -> Shape {
        match ty {
            syn::Type::Group(group) => Shape::of(&group.elem),
            syn::Type::Paren(paren) => Shape::of(&paren.elem),
            syn::Type::Reference(reference) => match Shape::of(&reference.elem) {
                Shape::Text { .. } if is_ident(&reference.elem, "str") => {
                    Shape::Text { static_str: true }
                }
                shape => shape,
            },
            syn::Type::Array(array) => Shape::Collection(Some(array.elem.clone())),
            syn::Type::Slice(slice) => Shape::Collection(Some(slice.elem.clone())),
            syn::Type::Path(path) if path.qself.is_none() => Shape::of_path(&path.path),
            _ => Shape::Other,
        }
    }

    fn of_path(path: &syn::Path) -> Shape {
        let Some(last) = path.segments.last() else {
            return Shape::Other;
        };
        let name = last.ident.to_string();
        let args = match &last.arguments {
            syn::PathArguments::AngleBracketed(args) => args
                .args
                .iter()
                .filter_map(|arg| match arg {
                    syn::GenericArgument::Type(ty) => Some(ty),
                    _ => None,
                })
                .collect::<Vec<_>>(),
            _ => Vec::new(),
        };
        if path.segments.len() == 1 && args.is_empty() {
            if let Some(int) = INTS.iter().find(|int| int.name == name) {
                return Shape::Int(*int);
            }
            match name.as_str() {
                "f32" => return Shape::Float { bits: 32 },
                "f64" => return Shape::Float { bits: 64 },
                "bool" => return Shape::Scalar("bool"),
                "char" => return Shape::Scalar("char"),
                "str" => return Shape::Text { static_str: false },
                _ => {}
            }
        }
        match (name.as_str(), args.as_slice()) {
            ("Option", [inner]) => Shape::Option(Box::new((*inner).clone())),
            (name, []) if STRINGS.contains(&name) => Shape::Text { static_str: false },
            ("Cow" | "Box" | "Rc" | "Arc", [inner]) if is_ident(inner, "str") => {
                Shape::Text { static_str: false }
            }
            ("Box", [syn::Type::Slice(slice)]) => Shape::Collection(Some(slice.elem.clone())),
            ("HashMap" | "BTreeMap", _) => Shape::Collection(None),
            (name, [element, ..]) if COLLECTIONS.contains(&name) => {
                Shape::Collection(Some(Box::new((*element).clone())))
            }
            _ => Shape::Other,
        }
    }

    /// How to name this shape in a message: "a number", "a string", ….
    pub fn describe(&self) -> &'static str {
        match self {
            Shape::Int(_) => "an integer",
            Shape::Float { .. } => "a float",
            Shape::Scalar("bool") => "a `bool`",
            Shape::Scalar(_) => "a `char`",
            Shape::Text { .. } => "a string",
            Shape::Collection(_) => "a collection",
            Shape::Option(_) => "an `Option`",
            Shape::Other => "a type palisade cannot see into",
        }
    }
}

fn is_ident(ty: &syn::Type, name: &str) -> bool {
    match ty {
        syn::Type::Path(path) => path.qself.is_none() && path.path.is_ident(name),
        syn::Type::Group(group) => is_ident(&group.elem, name),
        _ => false,
    }
}
