//! Each rule at and around its edges, through `#[derive(Validate)]`.

use std::collections::HashMap;

use palisade::{ParamValue, Validate, ValidationError, ValidationErrors};

/// The codes of the errors, with their paths, in order.
fn failures(errors: &ValidationErrors) -> Vec<(String, String)> {
    errors
        .iter()
        .map(|error| (error.path.to_string(), error.code.to_string()))
        .collect()
}

fn check<T: Validate>(value: &T) -> Vec<(String, String)> {
    value
        .validate()
        .map_or_else(|errors| failures(&errors), |()| Vec::new())
}

fn fails(path: &str, code: &str) -> Vec<(String, String)> {
    vec![(path.to_owned(), code.to_owned())]
}

#[derive(Validate)]
struct Inclusive(#[validate(range(1..=10))] i32);

#[derive(Validate)]
struct Exclusive(#[validate(range(1..10))] i32);

#[derive(Validate)]
struct From(#[validate(range(-5..))] i64);

#[derive(Validate)]
struct UpTo(#[validate(range(..=5))] u64);

#[derive(Validate)]
struct Below(#[validate(range(..5))] u8);

#[test]
fn range_bounds_are_inclusive_or_exclusive_as_written() {
    assert_eq!(check(&Inclusive(0)), fails("", "range"));
    assert!(check(&Inclusive(1)).is_empty());
    assert!(check(&Inclusive(10)).is_empty());
    assert_eq!(check(&Inclusive(11)), fails("", "range"));
    assert!(check(&Exclusive(9)).is_empty());
    assert_eq!(check(&Exclusive(10)), fails("", "range"));
    assert_eq!(check(&From(-6)), fails("", "range"));
    assert!(check(&From(-5)).is_empty());
    assert!(check(&From(i64::MAX)).is_empty());
    assert!(check(&UpTo(5)).is_empty());
    assert!(check(&UpTo(0)).is_empty());
    assert_eq!(check(&UpTo(u64::MAX)), fails("", "range"));
    assert!(check(&Below(4)).is_empty());
    assert_eq!(check(&Below(5)), fails("", "range"));
}

#[derive(Validate)]
struct Extremes {
    #[validate(range(-170141183460469231731687303715884105728..=-1))]
    negative: i128,
    #[validate(range(18446744073709551615..))]
    top: u64,
    #[validate(range(..=340282366920938463463374607431768211455))]
    any: u128,
}

#[test]
fn range_handles_integer_extremes() {
    let valid = Extremes {
        negative: i128::MIN,
        top: u64::MAX,
        any: u128::MAX,
    };
    assert!(check(&valid).is_empty());
    let invalid = Extremes {
        negative: 0,
        top: u64::MAX - 1,
        any: 0,
    };
    assert_eq!(
        check(&invalid),
        vec![
            ("negative".into(), "range".into()),
            ("top".into(), "range".into())
        ]
    );
    let error = invalid.validate().unwrap_err();
    assert_eq!(
        error.as_slice()[0].param("min"),
        Some(&ParamValue::Int(i128::MIN))
    );
    assert_eq!(error.as_slice()[0].param("max"), Some(&ParamValue::Int(-1)));
    assert_eq!(
        error.as_slice()[1].param("value"),
        Some(&ParamValue::UInt(u128::from(u64::MAX - 1)))
    );
}

#[derive(Validate)]
struct Ratio {
    #[validate(range(0..=1))]
    bounded: f64,
    #[validate(range(0.0..))]
    from: f32,
    #[validate(range(..1.5))]
    below: f64,
    #[validate(finite)]
    finite: f64,
}

#[test]
fn nan_fails_every_range_and_infinities_fail_finite() {
    let nan = Ratio {
        bounded: f64::NAN,
        from: f32::NAN,
        below: f64::NAN,
        finite: f64::NAN,
    };
    assert_eq!(
        check(&nan),
        vec![
            ("bounded".into(), "range".into()),
            ("from".into(), "range".into()),
            ("below".into(), "range".into()),
            ("finite".into(), "finite".into()),
        ]
    );
    let infinite = Ratio {
        bounded: f64::INFINITY,
        from: f32::INFINITY,
        below: f64::NEG_INFINITY,
        finite: f64::INFINITY,
    };
    assert_eq!(
        check(&infinite),
        vec![
            ("bounded".into(), "range".into()),
            ("finite".into(), "finite".into())
        ]
    );
    let edges = Ratio {
        bounded: 1.0,
        from: 0.0,
        below: 1.499_999,
        finite: f64::MAX,
    };
    assert!(check(&edges).is_empty());
    let negative_zero = Ratio {
        bounded: -0.0,
        from: -0.0,
        below: 1.5,
        finite: f64::MIN_POSITIVE,
    };
    assert_eq!(check(&negative_zero), fails("below", "range"));
}

#[derive(Validate)]
struct Lengths {
    #[validate(length(2..=4))]
    bytes: String,
    #[validate(chars(2..=4))]
    chars: String,
    #[validate(non_empty)]
    items: Vec<u8>,
    #[validate(length(..=1))]
    map: HashMap<String, u8>,
    #[validate(length(1..3))]
    array: &'static [u8],
}

#[test]
fn length_counts_bytes_and_chars_counts_chars() {
    let ascii = Lengths {
        bytes: "ab".into(),
        chars: "abcd".into(),
        items: vec![1],
        map: HashMap::new(),
        array: &[1, 2],
    };
    assert!(check(&ascii).is_empty());
    // "é" is 2 bytes, 1 char; "日本" is 6 bytes, 2 chars; "👍🏽" is 2 chars.
    let multibyte = Lengths {
        bytes: "日本".into(),
        chars: "日本".into(),
        items: vec![1],
        map: HashMap::new(),
        array: &[1],
    };
    assert_eq!(check(&multibyte), fails("bytes", "length"));
    let emoji = Lengths {
        bytes: "éé".into(),
        chars: "👍🏽".into(),
        items: vec![1],
        map: HashMap::new(),
        array: &[1],
    };
    assert!(check(&emoji).is_empty());
    let empty = Lengths {
        bytes: String::new(),
        chars: String::new(),
        items: Vec::new(),
        map: [("a".to_owned(), 1), ("b".to_owned(), 2)]
            .into_iter()
            .collect(),
        array: &[1, 2, 3],
    };
    assert_eq!(
        check(&empty),
        vec![
            ("bytes".into(), "length".into()),
            ("chars".into(), "chars".into()),
            ("items".into(), "non_empty".into()),
            ("map".into(), "length".into()),
            ("array".into(), "length".into()),
        ]
    );
    let errors = empty.validate().unwrap_err();
    assert_eq!(
        errors.as_slice()[0].param("actual"),
        Some(&ParamValue::UInt(0))
    );
    assert_eq!(
        errors.as_slice()[0].param("min"),
        Some(&ParamValue::UInt(2))
    );
    assert_eq!(
        errors.as_slice()[4].param("exclusive_max"),
        Some(&ParamValue::UInt(3))
    );
}

#[derive(Validate)]
struct Texts {
    #[validate(pattern = "[a-z]+|[0-9]+")]
    pattern: String,
    #[validate(email)]
    email: String,
    #[validate(url)]
    url: String,
    #[validate(ascii)]
    ascii: String,
    #[validate(alphanumeric)]
    alphanumeric: String,
    #[validate(prefix = "ab", suffix = "yz", contains = "mn")]
    affixes: String,
}

fn texts(values: [&str; 6]) -> Texts {
    let [pattern, email, url, ascii, alphanumeric, affixes] = values.map(str::to_owned);
    Texts {
        pattern,
        email,
        url,
        ascii,
        alphanumeric,
        affixes,
    }
}

#[test]
fn string_rules_accept_and_reject() {
    assert!(check(&texts([
        "abc",
        "a@b.co",
        "https://example.com/x?y",
        "plain ascii!",
        "Zoë42",
        "abmnyz"
    ]))
    .is_empty());
    assert!(check(&texts([
        "123",
        "x+y@sub.example",
        "mailto:a@b",
        "",
        "",
        "abmnyz"
    ]))
    .is_empty());
    let codes = check(&texts([
        "abc123",
        "a@@b",
        "example.com",
        "café",
        "a b",
        "abyz",
    ]))
    .into_iter()
    .map(|(_, code)| code)
    .collect::<Vec<_>>();
    assert_eq!(
        codes,
        [
            "pattern",
            "email",
            "url",
            "ascii",
            "alphanumeric",
            "contains"
        ]
    );
    // The pattern must match the whole string, alternation included.
    assert_eq!(
        check(&texts(["abc\n", "a@b", "http://x", "", "", "abmnyz"])),
        fails("pattern", "pattern")
    );
    assert_eq!(
        check(&texts(["1a", "a@b", "http://x", "", "", "abmnyz"])),
        fails("pattern", "pattern")
    );
    let affixes = check(&texts(["a", "a@b", "http://x", "", "", "mn"]));
    assert_eq!(
        affixes,
        vec![
            ("affixes".into(), "prefix".into()),
            ("affixes".into(), "suffix".into())
        ]
    );
}

#[test]
fn empty_strings_pass_length_free_rules_but_not_email_or_url() {
    let codes = check(&texts(["", "", "", "", "", ""]))
        .into_iter()
        .map(|(_, code)| code)
        .collect::<Vec<_>>();
    assert_eq!(
        codes,
        ["pattern", "email", "url", "prefix", "suffix", "contains"]
    );
}

fn no_admin(value: &str) -> Result<(), ValidationError> {
    if value == "admin" {
        // The fields are public: a custom rule can also build its error as a literal.
        Err(ValidationError {
            path: palisade::FieldPath::root(),
            code: "reserved".into(),
            message: "is reserved".into(),
            params: [("name".into(), ParamValue::from("admin"))]
                .into_iter()
                .collect(),
        })
    } else {
        Ok(())
    }
}

#[derive(Validate)]
struct Account {
    #[validate(custom = no_admin)]
    name: String,
    #[validate(required, chars(1..=3))]
    nick: Option<String>,
    #[validate(range(1..=5))]
    level: Option<u8>,
    #[validate(range(1..=5), message = "pick a level from 1 to 5", code = "level")]
    custom_message: u8,
}

#[test]
fn custom_required_optional_and_overrides() {
    let account = Account {
        name: "admin".into(),
        nick: None,
        level: None,
        custom_message: 9,
    };
    let errors = account.validate().unwrap_err();
    assert_eq!(
        failures(&errors),
        vec![
            ("name".into(), "reserved".into()),
            ("nick".into(), "required".into()),
            ("custom_message".into(), "level".into()),
        ]
    );
    assert_eq!(
        errors.as_slice()[0].param("name"),
        Some(&ParamValue::Str("admin".into()))
    );
    assert_eq!(
        errors.to_string(),
        "name: is reserved\nnick: is required\ncustom_message: pick a level from 1 to 5"
    );
    // Rules on an `Option` apply to the value inside when there is one.
    let account = Account {
        name: "bob".into(),
        nick: Some("toolong".into()),
        level: Some(0),
        custom_message: 1,
    };
    assert_eq!(
        check(&account),
        vec![
            ("nick".into(), "chars".into()),
            ("level".into(), "range".into())
        ]
    );
}

#[derive(Validate)]
struct Tls {
    #[validate(range(1..=65535))]
    port: u32,
    #[validate(non_empty)]
    cert: String,
}

#[derive(Validate)]
struct Server {
    #[validate(nested)]
    tls: Tls,
    #[validate(each(range(1..=3)))]
    weights: Vec<u8>,
}

#[derive(Validate)]
#[invariant(self.servers.len() != 2, message = "two servers cannot form a quorum")]
struct Cluster {
    #[validate(each(nested))]
    servers: Vec<Server>,
    #[validate(nested)]
    backup: Option<Server>,
    #[validate(each(each(range(0..=1))))]
    matrix: Vec<Vec<u8>>,
}

fn server(port: u32, weights: Vec<u8>) -> Server {
    Server {
        tls: Tls {
            port,
            cert: "pem".into(),
        },
        weights,
    }
}

#[test]
fn nested_and_each_paths_are_complete() {
    let cluster = Cluster {
        servers: vec![
            server(443, vec![1]),
            server(443, vec![1, 2]),
            server(0, vec![3, 9]),
        ],
        backup: Some(Server {
            tls: Tls {
                port: 8443,
                cert: String::new(),
            },
            weights: vec![],
        }),
        matrix: vec![vec![0, 1], vec![1, 2]],
    };
    let errors = cluster.validate().unwrap_err();
    assert_eq!(
        failures(&errors),
        vec![
            ("servers[2].tls.port".into(), "range".into()),
            ("servers[2].weights[1]".into(), "range".into()),
            ("backup.tls.cert".into(), "non_empty".into()),
            ("matrix[1][1]".into(), "range".into()),
        ]
    );
}

#[test]
fn invariants_run_only_once_every_field_rule_passed() {
    let two = Cluster {
        servers: vec![server(1, vec![]), server(0, vec![])],
        backup: None,
        matrix: vec![],
    };
    assert_eq!(check(&two), fails("servers[1].tls.port", "range"));
    let two = Cluster {
        servers: vec![server(1, vec![]), server(2, vec![])],
        backup: None,
        matrix: vec![],
    };
    let errors = two.validate().unwrap_err();
    assert_eq!(failures(&errors), fails("", "invariant"));
    assert_eq!(errors.to_string(), "two servers cannot form a quorum");
}

#[derive(Validate)]
#[invariant(self.start <= self.end)]
struct Span {
    start: u8,
    end: u8,
}

#[derive(Validate)]
struct Timeline {
    #[validate(each(nested))]
    spans: Vec<Span>,
}

#[test]
fn nested_invariants_carry_their_path_and_a_default_message() {
    let timeline = Timeline {
        spans: vec![Span { start: 1, end: 2 }, Span { start: 3, end: 1 }],
    };
    let errors = timeline.validate().unwrap_err();
    assert_eq!(failures(&errors), fails("spans[1]", "invariant"));
    assert_eq!(
        errors.to_string(),
        "spans[1]: invariant `self.start <= self.end` does not hold"
    );
}

#[derive(Debug, Validate)]
enum Shape {
    Circle {
        #[validate(range(0.0..))]
        radius: f64,
    },
    Rect(#[validate(range(1..))] u32, #[validate(range(1..))] u32),
    Label(#[validate(non_empty)] String),
    Empty,
}

#[test]
fn enums_check_the_fields_of_the_current_variant() {
    assert_eq!(
        check(&Shape::Circle { radius: -1.0 }),
        fails("radius", "range")
    );
    assert_eq!(check(&Shape::Rect(0, 1)), fails("0", "range"));
    assert_eq!(check(&Shape::Rect(1, 0)), fails("1", "range"));
    assert_eq!(check(&Shape::Label(String::new())), fails("", "non_empty"));
    assert!(check(&Shape::Empty).is_empty());
}

#[derive(Debug, Validate)]
struct Everything {
    #[validate(range(1..=10))]
    a: u8,
    #[validate(email)]
    b: String,
    #[validate(each(range(1..=2)))]
    c: Vec<u8>,
}

#[test]
fn every_error_is_reported_not_only_the_first_and_the_value_comes_back() {
    let value = Everything {
        a: 0,
        b: "x".into(),
        c: vec![0, 1, 3],
    };
    let invalid = value.into_valid().unwrap_err();
    assert_eq!(
        failures(invalid.errors()),
        vec![
            ("a".into(), "range".into()),
            ("b".into(), "email".into()),
            ("c[0]".into(), "range".into()),
            ("c[2]".into(), "range".into()),
        ]
    );
    let (value, errors) = invalid.into_parts();
    assert_eq!(value.c, vec![0, 1, 3]);
    assert_eq!(errors.len(), 4);
    let valid = Everything {
        a: 1,
        b: "a@b".into(),
        c: vec![],
    }
    .into_valid()
    .unwrap();
    assert_eq!(valid.a, 1);
    assert_eq!(valid.into_inner().b, "a@b");
}

#[test]
fn messages_name_the_bounds() {
    #[derive(Validate)]
    struct Messages {
        #[validate(range(1..=10))]
        between: i32,
        #[validate(range(1..))]
        at_least: i32,
        #[validate(range(..10))]
        less_than: i32,
        #[validate(range(..=10))]
        at_most: i32,
        #[validate(range(1..10))]
        mixed: i32,
        #[validate(chars(2..))]
        chars: String,
        #[validate(length(..=1))]
        length: Vec<u8>,
    }
    let errors = Messages {
        between: 0,
        at_least: 0,
        less_than: 10,
        at_most: 11,
        mixed: 10,
        chars: String::new(),
        length: vec![1, 2],
    }
    .validate()
    .unwrap_err();
    let messages = errors
        .iter()
        .map(|error| error.message.to_string())
        .collect::<Vec<_>>();
    assert_eq!(
        messages,
        [
            "must be between 1 and 10",
            "must be at least 1",
            "must be less than 10",
            "must be at most 10",
            "must be at least 1 and less than 10",
            "must be at least 2 characters long",
            "length must be at most 1",
        ]
    );
}

#[derive(Validate)]
struct Verbose {
    #[validate(pattern = "(?x) [a-z]+ # letters")]
    ends_in_comment: String,
    #[validate(pattern = "(?x) [a-z]+ # letters\n [0-9]*")]
    comment_inside: String,
    #[validate(pattern = "a#b")]
    hash_without_verbose: String,
}

#[test]
fn a_verbose_pattern_ending_in_a_comment_still_matches_the_whole_text() {
    let verbose = |a: &str, b: &str, c: &str| Verbose {
        ends_in_comment: a.into(),
        comment_inside: b.into(),
        hash_without_verbose: c.into(),
    };
    assert!(check(&verbose("letters", "abc123", "a#b")).is_empty());
    let codes = check(&verbose("letters1", "abc12x", "ab"));
    assert_eq!(
        codes,
        vec![
            ("ends_in_comment".into(), "pattern".into()),
            ("comment_inside".into(), "pattern".into()),
            ("hash_without_verbose".into(), "pattern".into()),
        ]
    );
    // Anchored at both ends, still: a newline after the text is not a match.
    assert_eq!(
        check(&verbose("letters\n", "abc", "a#b")),
        vec![("ends_in_comment".into(), "pattern".into())]
    );
}

#[derive(Validate)]
struct Addresses {
    #[validate(ip)]
    any: String,
    #[validate(ipv4)]
    v4: &'static str,
    #[validate(ipv6)]
    v6: String,
    #[validate(each(ip))]
    many: Vec<String>,
}

#[test]
fn ip_rules_follow_the_standard_librarys_parsers() {
    let addresses = |any: &str, v4: &'static str, v6: &str, many: &[&str]| Addresses {
        any: any.into(),
        v4,
        v6: v6.into(),
        many: many.iter().map(|text| (*text).to_owned()).collect(),
    };
    assert!(check(&addresses(
        "2001:db8::1",
        "192.0.2.1",
        "::ffff:192.0.2.1",
        &["10.0.0.1", "::1"]
    ))
    .is_empty());
    assert_eq!(
        check(&addresses(
            "192.0.2",
            "2001:db8::1",
            "192.0.2.1",
            &["::1", "256.0.0.1"]
        )),
        vec![
            ("any".into(), "ip".into()),
            ("v4".into(), "ipv4".into()),
            ("v6".into(), "ipv6".into()),
            ("many[1]".into(), "ip".into()),
        ]
    );
    // No leading zeros, no spaces, no zone ids: what std refuses, the rule refuses.
    for text in ["010.0.0.1", " 10.0.0.1", "fe80::1%eth0", ""] {
        assert_eq!(
            check(&addresses(text, "1.1.1.1", "::", &[])).len(),
            1,
            "{text:?}"
        );
    }
}
