//! A strict parser of RFC 5424 messages, written for the tests from the RFC's ABNF
//! (§6): the header, every SD-ELEMENT with its SD-PARAMs unescaped, and the MSG.

use std::collections::BTreeMap;

/// One parsed message.
#[derive(Debug)]
pub struct Message {
    /// PRI: facility × 8 + severity.
    pub pri: u16,
    /// TIMESTAMP.
    pub timestamp: String,
    /// HOSTNAME.
    pub hostname: String,
    /// APP-NAME.
    pub app_name: String,
    /// PROCID.
    pub procid: String,
    /// MSGID.
    pub msgid: String,
    /// Each SD-ELEMENT: its SD-ID and its parameters, unescaped.
    pub elements: Vec<(String, BTreeMap<String, String>)>,
    /// MSG.
    pub msg: String,
}

/// Parses `text`, or says what is wrong with it.
pub fn parse(text: &str) -> Result<Message, String> {
    let rest = text.strip_prefix('<').ok_or("no `<`")?;
    let close = rest.find('>').ok_or("no `>`")?;
    let pri: u16 = rest[..close].parse().map_err(|_| "PRI is not a number")?;
    if close > 3 || pri > 191 {
        return Err(format!("PRI {pri} out of range"));
    }
    let rest = rest[close + 1..]
        .strip_prefix("1 ")
        .ok_or("VERSION is not 1")?;
    let (timestamp, rest) = field(rest, 64)?;
    let (hostname, rest) = field(rest, 255)?;
    let (app_name, rest) = field(rest, 48)?;
    let (procid, rest) = field(rest, 128)?;
    let (msgid, mut rest) = field(rest, 32)?;
    let mut elements = Vec::new();
    if let Some(after) = rest.strip_prefix('-') {
        rest = after;
    } else {
        while let Some(after) = rest.strip_prefix('[') {
            let (element, after) = sd_element(after)?;
            elements.push(element);
            rest = after;
        }
        if elements.is_empty() {
            return Err("no STRUCTURED-DATA".into());
        }
    }
    let msg = match rest.strip_prefix(' ') {
        Some(msg) => msg.to_owned(),
        None if rest.is_empty() => String::new(),
        None => return Err(format!("junk after STRUCTURED-DATA: {rest:.20}")),
    };
    Ok(Message {
        pri,
        timestamp,
        hostname,
        app_name,
        procid,
        msgid,
        elements,
        msg,
    })
}

/// A header field: 1 to `max` printable US-ASCII characters, then a space.
fn field(text: &str, max: usize) -> Result<(String, &str), String> {
    let end = text.find(' ').ok_or("header ends early")?;
    let value = &text[..end];
    if value.is_empty() || value.len() > max || !value.bytes().all(|b| (33..=126).contains(&b)) {
        return Err(format!("bad header field {value:?}"));
    }
    Ok((value.to_owned(), &text[end + 1..]))
}

/// An SD-NAME: 1 to 32 printable US-ASCII characters but `=`, space, `]` and `"`.
fn sd_name(text: &str) -> Result<(String, &str), String> {
    let end = text
        .find(|c: char| !c.is_ascii_graphic() || matches!(c, '=' | ']' | '"'))
        .unwrap_or(text.len());
    let name = &text[..end];
    if name.is_empty() || name.len() > 32 {
        return Err(format!("bad SD-NAME at {text:.20}"));
    }
    Ok((name.to_owned(), &text[end..]))
}

type Element = (String, BTreeMap<String, String>);

/// `SD-ID *(SP SD-PARAM) "]"`, after the `[`.
fn sd_element(text: &str) -> Result<(Element, &str), String> {
    let (id, mut rest) = sd_name(text)?;
    let mut params = BTreeMap::new();
    loop {
        if let Some(after) = rest.strip_prefix(']') {
            return Ok(((id, params), after));
        }
        rest = rest.strip_prefix(' ').ok_or("expected a space or `]`")?;
        let (name, after) = sd_name(rest)?;
        rest = after.strip_prefix("=\"").ok_or("expected `=\"`")?;
        let mut value = String::new();
        let mut chars = rest.char_indices();
        let end = loop {
            match chars.next() {
                None => return Err("unterminated PARAM-VALUE".into()),
                Some((at, '"')) => break at,
                Some((_, '\\')) => match chars.next() {
                    Some((_, c @ ('"' | '\\' | ']'))) => value.push(c),
                    // §6.3.3: a backslash before anything else is itself.
                    Some((_, c)) => {
                        value.push('\\');
                        value.push(c);
                    }
                    None => return Err("unterminated escape".into()),
                },
                Some((_, ']')) => return Err("unescaped `]` in a PARAM-VALUE".into()),
                Some((_, c)) => value.push(c),
            }
        };
        if params.insert(name.clone(), value).is_some() {
            return Err(format!("SD-PARAM {name} twice"));
        }
        rest = &rest[end + 1..];
    }
}
