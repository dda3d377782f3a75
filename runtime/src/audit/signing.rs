//! The Ed25519 keys that sign a chained log's checkpoints, their files, and what a
//! checkpoint signature covers.
//!
//! Key files are PEM: the secret key as PKCS#8 (`-----BEGIN PRIVATE KEY-----`, RFC 8410),
//! the public key as SubjectPublicKeyInfo (`-----BEGIN PUBLIC KEY-----`), so OpenSSL
//! reads and writes them too (`openssl genpkey -algorithm ed25519`, `openssl pkey -pubout`).
//! A key is named in the log by its [`key_id`](VerifyingKey::key_id): the first 16 bytes of
//! the SHA-256 of its 32 public-key bytes, in hex.

// The runtime is `no_std`; chained logs need the standard library.
use std::prelude::rust_2021::*;
use std::{format, vec};

use std::path::Path;

use ed25519_dalek::pkcs8::{DecodePrivateKey as _, DecodePublicKey as _};
use ed25519_dalek::pkcs8::{EncodePrivateKey as _, EncodePublicKey as _};
use ed25519_dalek::Signer as _;
use sha2::{Digest as _, Sha256};

/// The environment variable [`SigningKey::from_env`] is usually given.
pub const KEY_ENV_VAR: &str = "PALISADE_AUDIT_KEY";

/// What the domain-separation prefix of every checkpoint signature says: a signature
/// made for anything else (another program, another version of this format) never
/// verifies as a checkpoint.
const CHECKPOINT_DOMAIN: &[u8] = b"palisade-audit checkpoint v1\0";

/// A key could not be read, parsed or made.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    /// The key file could not be read.
    #[error("cannot read the key file {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The environment variable is not set (or not Unicode).
    #[error("the environment variable {0} holds no key")]
    MissingEnv(String),
    /// The text is not a PEM Ed25519 key of the expected kind.
    #[error("not an Ed25519 {expected} in PEM form: {detail}")]
    Format {
        /// `secret key (PKCS#8)` or `public key (SPKI)`.
        expected: &'static str,
        /// The parser's message.
        detail: String,
    },
    /// The operating system's random source failed.
    #[error("the OS random source failed: {0}")]
    Random(String),
}

/// The secret Ed25519 key that signs checkpoints. Its `Debug` never shows the key.
///
/// (Not run as a doc test: Ed25519 under Miri takes minutes; `cli/tests/` runs the same.)
/// ```no_run
/// use palisade::audit::SigningKey;
///
/// let key = SigningKey::generate()?;
/// let again = SigningKey::from_pem(&key.to_pem())?;
/// assert_eq!(key.verifying_key().key_id(), again.verifying_key().key_id());
/// # Ok::<(), palisade::audit::KeyError>(())
/// ```
#[derive(Clone)]
pub struct SigningKey(ed25519_dalek::SigningKey);

impl core::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("SigningKey")
            .field("key_id", &self.verifying_key().key_id())
            .finish_non_exhaustive()
    }
}

impl SigningKey {
    /// A new random key, from the operating system's random source.
    ///
    /// # Errors
    /// [`KeyError::Random`] when the OS gives no randomness.
    pub fn generate() -> Result<Self, KeyError> {
        let mut seed = [0_u8; 32];
        fill_random(&mut seed)?;
        let key = ed25519_dalek::SigningKey::from_bytes(&seed);
        seed.fill(0);
        Ok(Self(key))
    }

    /// The key in a PKCS#8 PEM file (what `palisade-audit keygen --out FILE` writes).
    ///
    /// # Errors
    /// [`KeyError::Io`] or [`KeyError::Format`].
    pub fn from_file(path: impl AsRef<Path>) -> Result<Self, KeyError> {
        Self::from_pem(&read_key_file(path.as_ref())?)
    }

    /// The key held, as PKCS#8 PEM text, by the environment variable `var` (usually
    /// [`KEY_ENV_VAR`], `PALISADE_AUDIT_KEY`), for deployments that pass secrets that way.
    ///
    /// # Errors
    /// [`KeyError::MissingEnv`] or [`KeyError::Format`].
    pub fn from_env(var: &str) -> Result<Self, KeyError> {
        let text = std::env::var(var).map_err(|_| KeyError::MissingEnv(var.into()))?;
        Self::from_pem(&text)
    }

    /// The key in PKCS#8 PEM text.
    ///
    /// # Errors
    /// [`KeyError::Format`].
    pub fn from_pem(text: &str) -> Result<Self, KeyError> {
        ed25519_dalek::SigningKey::from_pkcs8_pem(text.trim())
            .map(Self)
            .map_err(|error| KeyError::Format {
                expected: "secret key (PKCS#8)",
                detail: format!("{error}"),
            })
    }

    /// The key as PKCS#8 PEM text (a secret: write it to a file only you can read).
    #[must_use]
    pub fn to_pem(&self) -> String {
        // PKCS#8 v1 (the secret only), as OpenSSL writes it; 3.0 does not read v2,
        // which adds the public key.
        let bytes = ed25519_dalek::pkcs8::KeypairBytes {
            secret_key: self.0.to_bytes(),
            public_key: None,
        };
        bytes
            .to_pkcs8_pem(ed25519_dalek::pkcs8::spki::der::pem::LineEnding::LF)
            .map(|pem| pem.as_str().to_owned())
            // Encoding a valid 32-byte key into a fixed-size document cannot fail.
            .unwrap_or_default()
    }

    /// The public half, which verifies what this key signs.
    #[must_use]
    pub fn verifying_key(&self) -> VerifyingKey {
        VerifyingKey(self.0.verifying_key())
    }

    /// Signs `checkpoint`'s [`message`](Checkpoint::message).
    #[must_use]
    pub fn sign_checkpoint(&self, checkpoint: &Checkpoint<'_>) -> [u8; 64] {
        self.0.sign(&checkpoint.message()).to_bytes()
    }
}

/// The public Ed25519 key that verifies checkpoints.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct VerifyingKey(ed25519_dalek::VerifyingKey);

impl core::fmt::Debug for VerifyingKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_tuple("VerifyingKey").field(&self.key_id()).finish()
    }
}

impl VerifyingKey {
    /// The key in an SPKI PEM file (what `keygen` writes as `KEY.pub`).
    ///
    /// # Errors
    /// [`KeyError::Io`] or [`KeyError::Format`].
    pub fn from_file(path: impl AsRef<Path>) -> Result<Self, KeyError> {
        Self::from_pem(&read_key_file(path.as_ref())?)
    }

    /// The key in SPKI PEM text.
    ///
    /// # Errors
    /// [`KeyError::Format`].
    pub fn from_pem(text: &str) -> Result<Self, KeyError> {
        ed25519_dalek::VerifyingKey::from_public_key_pem(text.trim())
            .map(Self)
            .map_err(|error| KeyError::Format {
                expected: "public key (SPKI)",
                detail: format!("{error}"),
            })
    }

    /// The key from its 32 bytes, as a chain's first line carries them (in hex).
    ///
    /// # Errors
    /// [`KeyError::Format`] when the bytes are not a point of the curve.
    pub fn from_bytes(bytes: &[u8; 32]) -> Result<Self, KeyError> {
        ed25519_dalek::VerifyingKey::from_bytes(bytes)
            .map(Self)
            .map_err(|error| KeyError::Format {
                expected: "public key (32 bytes)",
                detail: format!("{error}"),
            })
    }

    /// The key's 32 bytes.
    #[must_use]
    pub fn to_bytes(&self) -> [u8; 32] {
        self.0.to_bytes()
    }

    /// The key as SPKI PEM text.
    #[must_use]
    pub fn to_pem(&self) -> String {
        self.0
            .to_public_key_pem(ed25519_dalek::pkcs8::spki::der::pem::LineEnding::LF)
            // Encoding a valid key into a fixed-size document cannot fail.
            .unwrap_or_default()
    }

    /// The name of the key in a log: the first 16 bytes of SHA-256 over its 32 bytes, in
    /// lowercase hex (32 characters).
    #[must_use]
    pub fn key_id(&self) -> String {
        let digest = Sha256::digest(self.0.as_bytes());
        let mut id = String::with_capacity(32);
        super::chain::push_hex(&mut id, &digest[..16]);
        id
    }

    /// Whether `signature` is this key's signature of `checkpoint`. Strict Ed25519
    /// verification: no malleable signatures, no weak keys.
    #[must_use]
    pub fn verifies_checkpoint(&self, checkpoint: &Checkpoint<'_>, signature: &[u8; 64]) -> bool {
        let signature = ed25519_dalek::Signature::from_bytes(signature);
        self.0
            .verify_strict(&checkpoint.message(), &signature)
            .is_ok()
    }
}

/// Why a checkpoint was written; signed with it, so it cannot be changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckpointEnd {
    /// Every N events or T seconds; more lines follow.
    Periodic,
    /// The last line of a file that was rotated; the chain goes on in the next file.
    Rotation,
    /// Written at a clean shutdown: the chain ends here (or goes on after a restart).
    Final,
}

impl CheckpointEnd {
    /// The name written in the line's `end` field.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Periodic => "periodic",
            Self::Rotation => "rotation",
            Self::Final => "final",
        }
    }

    /// The value named `name`, if any.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "periodic" => Some(Self::Periodic),
            "rotation" => Some(Self::Rotation),
            "final" => Some(Self::Final),
            _ => None,
        }
    }

    fn tag(self) -> u8 {
        match self {
            Self::Periodic => 0,
            Self::Rotation => 1,
            Self::Final => 2,
        }
    }
}

/// What a checkpoint line states, and so what its signature covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checkpoint<'a> {
    /// The checkpoint line's own `seq`.
    pub seq: u64,
    /// The SHA-256 of the line before it (its `prev`), which commits to every line
    /// of the chain before the checkpoint.
    pub prev: [u8; 32],
    /// Why it was written.
    pub end: CheckpointEnd,
    /// Its `time` field, as written.
    pub time: &'a str,
}

impl Checkpoint<'_> {
    /// The bytes signed: `"palisade-audit checkpoint v1\0"`, then `seq` as 8 bytes
    /// big-endian, the 32 bytes of `prev`, one byte for `end` (0 periodic, 1 rotation,
    /// 2 final), and the bytes of `time`. Every part before `time` has a fixed size, so
    /// two different checkpoints never share a message.
    #[must_use]
    pub fn message(&self) -> Vec<u8> {
        let mut message = vec![];
        message.extend_from_slice(CHECKPOINT_DOMAIN);
        message.extend_from_slice(&self.seq.to_be_bytes());
        message.extend_from_slice(&self.prev);
        message.push(self.end.tag());
        message.extend_from_slice(self.time.as_bytes());
        message
    }
}

fn read_key_file(path: &Path) -> Result<String, KeyError> {
    std::fs::read_to_string(path).map_err(|source| KeyError::Io {
        path: path.display().to_string(),
        source,
    })
}

/// Fills `bytes` from the OS random source.
pub(crate) fn fill_random(bytes: &mut [u8]) -> Result<(), KeyError> {
    getrandom::fill(bytes).map_err(|error| KeyError::Random(format!("{error}")))
}
