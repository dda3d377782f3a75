//! The parameter names `#[audit_log]` redacts by default, decided when the function
//! compiles. The lists mirror the runtime's `SENSITIVE_NAME_PARTS` and
//! `SENSITIVE_NAME_WORDS`; a test below holds them equal.

/// Parts matched anywhere in a name (`SENSITIVE_NAME_PARTS`).
const PARTS: [&str; 11] = [
    "passw",
    "secret",
    "token",
    "key",
    "pin",
    "crypt",
    "salt",
    "otp",
    "ssn",
    "credential",
    "auth",
];

/// Words matched on a name split into words (`SENSITIVE_NAME_WORDS`).
const WORDS: [&str; 48] = [
    "pw",
    "pwd",
    "pass",
    "passphrase",
    "passcode",
    "psk",
    "bearer",
    "cookie",
    "cookies",
    "session",
    "session id",
    "sid",
    "jwt",
    "mnemonic",
    "seed",
    "seed phrase",
    "cvv",
    "cvc",
    "cvv2",
    "card number",
    "pan",
    "iban",
    "account number",
    "routing number",
    "signature",
    "sig",
    "hmac",
    "cert pem",
    "pem",
    "private",
    "priv",
    "access code",
    "recovery code",
    "nonce",
    "cipher",
    "signing",
    "passwort",
    "kennwort",
    "contrasena",
    "contraseña",
    "mot de passe",
    "mdp",
    "senha",
    "parola",
    "wachtwoord",
    "haslo",
    "hasło",
    "geheim",
];

/// Splits an identifier into lower-case words (as the runtime's `words`).
fn words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let chars = name.chars().collect::<Vec<_>>();
    for (at, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            continue;
        }
        let previous = at.checked_sub(1).map(|before| chars[before]);
        let next = chars.get(at + 1).copied();
        let boundary = c.is_uppercase()
            && previous.is_some_and(|p| {
                p.is_lowercase() || (p.is_uppercase() && next.is_some_and(char::is_lowercase))
            });
        if boundary && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        current.extend(c.to_lowercase());
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// Whether a parameter called `name` is redacted without being asked.
pub fn is_sensitive(name: &str) -> bool {
    let lower = name.to_lowercase();
    if PARTS.iter().any(|part| lower.contains(part)) {
        return true;
    }
    let words = words(name);
    WORDS.iter().any(|entry| {
        let parts = entry.split(' ').collect::<Vec<_>>();
        let joined = parts.concat();
        words.contains(&joined)
            || words
                .windows(parts.len())
                .any(|window| window.iter().zip(&parts).all(|(word, part)| word == part))
    })
}

#[cfg(test)]
mod tests {
    /// The quoted entries of `const NAME: [&str; N] = [...]` in `source`.
    fn entries(source: &str, name: &str) -> Vec<String> {
        let start = source.find(&format!("const {name}")).expect("the list");
        let body = &source[start..];
        let body = &body[body.find("= [").expect("its entries")..body.find("];").expect("its end")];
        body.lines()
            .filter_map(|line| line.trim().strip_prefix('"'))
            .filter_map(|line| line.strip_suffix("\","))
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn the_lists_are_the_runtimes() {
        let runtime = include_str!("../../../runtime/src/audit/secret.rs");
        assert_eq!(entries(runtime, "SENSITIVE_NAME_PARTS"), super::PARTS);
        assert_eq!(entries(runtime, "SENSITIVE_NAME_WORDS"), super::WORDS);
    }
}
