//! Types of every shape a C header must get right: every integer width and extreme
//! discriminant, padding at every depth, keywords as field names, packed and aligned
//! structs, generic instantiations, same-named types from two modules, callbacks of
//! up to six parameters, views, pointers of every kind, `Checked` values, a struct
//! that points to itself.
#![allow(dead_code)]

use std::ffi::{c_char, c_void};
use std::marker::PhantomData;
use std::mem::{ManuallyDrop, MaybeUninit};
use std::num::{NonZeroU32, NonZeroU64};
use std::ptr::NonNull;

use palisade::ffi::{Checked, FfiSlice, FfiStr};
use palisade::{ffi_safe, validated};

#[ffi_safe]
#[repr(C)]
pub struct Bytes {
    pub a: u8,
    pub b: u8,
}

#[ffi_safe]
#[repr(C)]
pub struct Ints {
    pub a: u8,
    pub b: u16,
    pub c: u32,
    pub d: u64,
    pub e: i8,
    pub f: i16,
    pub g: i32,
    pub h: i64,
}

#[ffi_safe]
#[repr(C)]
pub struct Sizes {
    pub a: usize,
    pub b: isize,
    pub c: u8,
}

#[ffi_safe]
#[repr(C)]
pub struct Floats {
    pub a: f32,
    pub b: f64,
    pub c: f32,
}

#[ffi_safe]
#[repr(C)]
pub struct Padded {
    pub tag: u8,
    pub value: u64,
    pub flag: Checked<bool>,
}

/// `u8`, 3 bytes of padding, `u32`.
#[ffi_safe]
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Inner {
    pub a: u8,
    pub b: u32,
}

#[ffi_safe]
#[repr(C)]
pub struct Outer {
    pub inner: Inner,
    pub x: u32,
}

#[ffi_safe]
#[repr(C)]
pub struct ArrayOfStructs {
    pub items: [Inner; 3],
    pub n: u16,
}

#[ffi_safe]
#[repr(C)]
pub struct Matrix {
    pub m: [[u16; 3]; 2],
    pub k: u8,
}

/// Field names that are C keywords or names C headers define.
#[ffi_safe]
#[repr(C)]
pub struct Keywords {
    pub int: u32,
    pub default: u32,
    pub register: u8,
    pub bool: u8,
    pub char: i8,
    pub signed: i16,
    pub unsigned: u16,
    pub static_assert: u32,
}

#[ffi_safe]
#[repr(C, packed)]
pub struct Packed {
    pub a: u8,
    pub b: u32,
    pub c: u16,
}

#[ffi_safe]
#[repr(C, packed(2))]
pub struct Packed2 {
    pub a: u8,
    pub b: u64,
}

#[ffi_safe]
#[repr(C, align(16))]
pub struct Aligned16 {
    pub a: u8,
    pub b: u32,
}

#[ffi_safe]
#[repr(align(64), C)]
pub struct Aligned64 {
    pub a: u64,
}

#[ffi_safe]
#[repr(u8)]
#[derive(Clone, Copy)]
pub enum E8 {
    Zero = 0,
    Max = 255,
}

#[ffi_safe]
#[repr(i16)]
#[derive(Clone, Copy)]
pub enum E16 {
    Min = -32768,
    Max = 32767,
}

#[ffi_safe]
#[repr(u32)]
#[derive(Clone, Copy)]
pub enum E32 {
    Zero = 0,
    Max = 4_294_967_295,
}

#[ffi_safe]
#[repr(i64)]
#[derive(Clone, Copy)]
pub enum EI64 {
    Min = i64::MIN,
    MinusOne = -1,
    Max = i64::MAX,
}

#[ffi_safe]
#[repr(u64)]
#[derive(Clone, Copy)]
pub enum EU64 {
    Zero = 0,
    Big = 9_223_372_036_854_775_808,
    Max = u64::MAX,
}

#[ffi_safe]
#[repr(isize)]
#[derive(Clone, Copy)]
pub enum EIsize {
    Negative = -1,
    Positive = 1,
}

#[ffi_safe]
#[repr(C)]
pub struct Enums {
    pub e8: Checked<E8>,
    pub e16: Checked<E16>,
    pub e32: Checked<E32>,
    pub ei64: Checked<EI64>,
    pub eu64: Checked<EU64>,
    pub eisize: Checked<EIsize>,
}

#[ffi_safe]
#[repr(C)]
pub struct Pair<T> {
    pub left: T,
    pub right: T,
}

#[ffi_safe]
#[repr(C)]
pub struct Buf<const N: usize> {
    pub len: u8,
    pub data: [u32; N],
}

#[ffi_safe]
#[repr(C)]
pub struct Generics {
    pub small: Pair<u8>,
    pub big: Pair<u64>,
    pub inner: Pair<Inner>,
    pub four: Buf<4>,
    pub sixteen: Buf<16>,
}

#[ffi_safe]
#[repr(C)]
pub struct Callbacks {
    pub none: Option<extern "C" fn()>,
    pub five: Option<extern "C" fn(u8, u16, u32, u64, i8) -> i32>,
    pub six: Option<unsafe extern "C" fn(u8, u16, u32, u64, i8, i16) -> u64>,
    pub checked: Option<extern "C" fn(*const Inner) -> Checked<bool>>,
}

#[ffi_safe]
#[repr(C)]
pub struct Views<'a> {
    pub text: FfiStr<'a>,
    pub items: FfiSlice<'a, Inner>,
    pub words: FfiSlice<'a, u32>,
}

/// A Rust type C cannot name: pointers to it are `void *`.
pub struct Opaque {
    pub name: String,
}

#[ffi_safe]
#[repr(C)]
pub struct Pointers {
    pub name: *const c_char,
    pub buffer: *mut u8,
    pub nested: *const *mut u16,
    pub array: *const [u8; 4],
    pub opaque: *mut Opaque,
    pub raw: *mut c_void,
    pub maybe: Option<&'static Inner>,
    pub non_null: Option<NonNull<u64>>,
    pub boxed: Option<Box<u32>>,
}

#[ffi_safe]
#[repr(transparent)]
pub struct Celsius(pub f64);

#[ffi_safe]
#[repr(transparent)]
pub struct Wrapped(pub Inner);

#[ffi_safe]
#[repr(C)]
pub struct NonZeros {
    pub maybe: Option<NonZeroU32>,
    pub checked: Checked<NonZeroU64>,
}

pub mod a {
    use palisade::ffi_safe;

    /// A `Config` whose Rust name another module's `Config` also has.
    #[ffi_safe(c_name = "AdcConfig")]
    #[repr(C)]
    pub struct Config {
        pub gain: f32,
        pub offset: i32,
    }
}

pub mod b {
    use palisade::ffi_safe;

    #[ffi_safe]
    #[repr(C)]
    pub struct Config {
        pub rate_hz: u32,
        pub channels: u8,
    }
}

#[ffi_safe]
#[repr(C)]
pub struct Device {
    pub adc: a::Config,
    pub link: b::Config,
}

#[ffi_safe]
#[repr(C)]
pub struct Chars {
    pub text: [c_char; 8],
    pub initial: c_char,
}

#[ffi_safe]
#[repr(C)]
pub struct Phantom {
    pub a: u32,
    pub marker: PhantomData<u8>,
}

#[ffi_safe]
#[repr(C)]
pub struct Wrappers {
    pub a: MaybeUninit<u32>,
    pub b: ManuallyDrop<u16>,
}

#[validated]
#[ffi_safe]
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Reading {
    #[validate(range(-400..=1250))]
    temp_dc: i16,
    #[validate(range(0..=1000))]
    humidity_pm: u16,
}

#[ffi_safe]
#[repr(C)]
pub struct Submission {
    pub reading: Checked<Reading>,
    pub sequence: u32,
}

/// A struct that points to itself: the header declares `typedef struct Node Node;`
/// before any definition.
#[ffi_safe]
#[repr(C)]
pub struct Node {
    pub value: u32,
    pub next: *const Node,
}

/// A typed handle: `T` only behind a pointer and in `PhantomData`, so it needs no C
/// name, and every instantiation is one C type.
#[ffi_safe]
#[repr(C)]
pub struct Handle<T> {
    pub ptr: *mut T,
    pub generation: u32,
    pub marker: PhantomData<T>,
}

#[ffi_safe]
#[repr(C)]
pub struct Handles {
    pub engine: Handle<Opaque>,
    pub other: Handle<String>,
}

/// Everything above, in one header.
pub struct All;

#[allow(clippy::needless_lifetimes)]
impl All {
    /// The header.
    #[must_use]
    pub fn header(file: &str) -> palisade::ffi::CHeader {
        palisade::ffi::CHeader::new(file)
            .with::<Bytes>()
            .with::<Ints>()
            .with::<Sizes>()
            .with::<Floats>()
            .with::<Padded>()
            .with::<Outer>()
            .with::<ArrayOfStructs>()
            .with::<Matrix>()
            .with::<Keywords>()
            .with::<Packed>()
            .with::<Packed2>()
            .with::<Aligned16>()
            .with::<Aligned64>()
            .with::<Enums>()
            .with::<Generics>()
            .with::<Callbacks>()
            .with::<Views<'static>>()
            .with::<Pointers>()
            .with::<Celsius>()
            .with::<Wrapped>()
            .with::<NonZeros>()
            .with::<Device>()
            .with::<Chars>()
            .with::<Phantom>()
            .with::<Wrappers>()
            .with::<Submission>()
            .with::<Node>()
            .with::<Handles>()
    }
}
