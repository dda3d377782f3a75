//! The `url` rule against the URL Standard's own test data (web-platform-tests'
//! `urltestdata.json`, as shipped in the `url` crate's package, read from where cargo
//! unpacked it): every input the Standard says fails to parse is refused, every input
//! that is already in its serialized form is accepted, and every input the parser
//! only accepts by repairing whitespace or control characters is refused.

use std::path::PathBuf;
use std::process::Command;

use palisade::Validate;

#[derive(Validate)]
struct Link {
    #[validate(url)]
    href: String,
}

fn accepted(text: &str) -> bool {
    Link { href: text.into() }.validate().is_ok()
}

/// `urltestdata.json` next to the `url` package this build uses.
fn standard_data() -> serde_json::Value {
    let metadata = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--all-features"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(metadata.status.success(), "cargo metadata failed");
    let metadata: serde_json::Value = serde_json::from_slice(&metadata.stdout).unwrap();
    let manifest = metadata["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|package| package["name"] == "url")
        .and_then(|package| package["manifest_path"].as_str())
        .expect("the url package is a dependency");
    let path = PathBuf::from(manifest)
        .parent()
        .unwrap()
        .join("tests/urltestdata.json");
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// Whether every `%` starts a `%XX` escape: a lone one is a validation error the
/// serializer leaves as it is.
fn percent_signs_encode(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().all(|(at, byte)| {
        *byte != b'%'
            || bytes
                .get(at + 1..at + 3)
                .is_some_and(|pair| pair.iter().all(u8::is_ascii_hexdigit))
    })
}

/// The Standard's "URL code points", plus the delimiters a serialized URL has: `#`
/// before the fragment, `%` of an escape, `[` `]` around an IPv6 host. Anything else
/// is a validation error the serializer may leave in place.
fn url_code_point_or_delimiter(c: char) -> bool {
    let noncharacter = ('\u{FDD0}'..='\u{FDEF}').contains(&c) || (u32::from(c) & 0xFFFE) == 0xFFFE;
    c.is_ascii_alphanumeric()
        || "!$&'()*+,-./:;=?@_~#%[]".contains(c)
        || (!c.is_ascii() && !noncharacter)
}

/// A `file:` URL with a host whose path starts with a Windows drive letter (`C:`).
fn drive_letter_after_host(case: &serde_json::Value) -> bool {
    let path = case["pathname"].as_str().unwrap_or("").as_bytes();
    case["protocol"] == "file:"
        && case["hostname"] != ""
        && path.len() >= 3
        && path[1].is_ascii_alphabetic()
        && path[2] == b':'
}

#[test]
fn the_url_rule_follows_the_url_standards_data() {
    let data = standard_data();
    let (mut failures, mut canonical, mut repaired) = (0, 0, 0);
    for case in data.as_array().unwrap() {
        // Strings are section comments; only absolute inputs (no base) are for us.
        let Some(input) = case["input"].as_str() else {
            continue;
        };
        if !case["base"].is_null() {
            continue;
        }
        if case["failure"] == true {
            assert!(!accepted(input), "the Standard fails {input:?}");
            failures += 1;
        } else if case["href"].as_str() == Some(input)
            && case["username"] == ""
            && case["password"] == ""
            && percent_signs_encode(input)
            && input.chars().all(url_code_point_or_delimiter)
        {
            // The one validation error a serialized URL can keep besides those above:
            // "file-invalid-Windows-drive-letter-host" (a file URL with a host whose
            // path starts with a drive letter), which the parser reports.
            assert_eq!(
                accepted(input),
                !drive_letter_after_host(case),
                "{input:?} is already serialized"
            );
            canonical += 1;
        } else if input.chars().any(|c| c.is_ascii_control() || c == ' ') {
            assert!(!accepted(input), "{input:?} needs repair");
            repaired += 1;
        }
    }
    eprintln!(
        "URL Standard data: {failures} failing inputs refused, {canonical} serialized \
         inputs accepted, {repaired} inputs needing repair refused"
    );
    // The data set is large; make sure this test read it rather than nothing.
    assert!(
        failures > 100 && canonical > 100 && repaired > 10,
        "{failures} {canonical} {repaired}"
    );
}

#[test]
fn what_the_parser_would_repair_fails_the_rule() {
    for text in [
        "https://cloud.example.com/ingest\r\nX-Injected: 1",
        "https://cloud.exa\tmple.com/",
        "https://example.com/\0",
        " https://example.com/",
        "https://us er@example.com/",
        "https://user:secret@example.com/",
        "https:\\\\example.com\\path",
        "https://example.com/a b",
        "https://example.com/%zz",
        "https:example.com",
    ] {
        assert!(!accepted(text), "{text:?}");
    }
    for text in [
        "https://example.com/",
        "https://example.com/a%20b?q=1#top",
        "mailto:a@example.com",
        "http://[::1]:8080/",
        "file:///etc/hosts",
    ] {
        assert!(accepted(text), "{text:?}");
    }
}
