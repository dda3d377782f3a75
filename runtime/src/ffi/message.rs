//! A message built in a `const` context, for the layout assertions `#[ffi_safe]`
//! emits: `panic!` in `const` only formats a `&str`, and the message must say the
//! actual size or offset.

/// A message assembled in a `const` context, so a failed layout assertion can say
/// the actual size or offset: `panic!` in `const` only formats a `&str`.
#[derive(Debug, Clone, Copy)]
pub struct Message {
    bytes: [u8; 512],
    len: usize,
}

impl Message {
    /// An empty message.
    #[must_use]
    pub const fn new() -> Self {
        Self {
            bytes: [0; 512],
            len: 0,
        }
    }

    /// Appends `text` (dropped whole if it does not fit, so the message stays UTF-8).
    #[must_use]
    pub const fn text(mut self, text: &str) -> Self {
        let bytes = text.as_bytes();
        if self.len + bytes.len() > self.bytes.len() {
            return self;
        }
        let mut index = 0;
        while index < bytes.len() {
            self.bytes[self.len] = bytes[index];
            self.len += 1;
            index += 1;
        }
        self
    }

    /// Appends `number` in decimal.
    #[must_use]
    pub const fn number(self, number: usize) -> Self {
        let mut digits = [0u8; 20];
        let mut start = digits.len();
        let mut rest = number;
        loop {
            start -= 1;
            // `rest % 10` is below 10, so the cast cannot truncate.
            #[allow(clippy::cast_possible_truncation)]
            let digit = (rest % 10) as u8;
            digits[start] = b'0' + digit;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        let (_, used) = digits.split_at(start);
        match core::str::from_utf8(used) {
            Ok(text) => self.text(text),
            Err(_) => self,
        }
    }

    /// The message.
    #[must_use]
    pub const fn as_str(&self) -> &str {
        let (used, _) = self.bytes.split_at(self.len);
        match core::str::from_utf8(used) {
            Ok(text) => text,
            Err(_) => "layout assertion failed",
        }
    }
}

impl Default for Message {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::Message;

    #[test]
    fn messages_are_built_in_const() {
        const TEXT: Message = Message::new()
            .text("size ")
            .number(0)
            .text(", ")
            .number(usize::MAX);
        assert_eq!(TEXT.as_str(), "size 0, 18446744073709551615");
        let long = "x".repeat(600);
        assert_eq!(
            Message::new().text("a").text(&long).text("b").as_str(),
            "ab"
        );
    }
}
