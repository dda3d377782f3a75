//! `keygen`: a new Ed25519 key pair as PEM files, the secret one readable by its
//! owner only.

use std::fs::OpenOptions;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use palisade::audit::SigningKey;

/// Writes a new secret key to `out` (PKCS#8 PEM, mode 0600 on Unix) and its public
/// key to `out.pub` (SPKI PEM); refuses to overwrite either unless `force`. Returns
/// the key's id and the public key's path.
///
/// # Errors
/// The OS random source failed, a file exists (without `force`), or writing failed.
pub fn keygen(out: &Path, force: bool) -> std::io::Result<(String, PathBuf)> {
    let key = SigningKey::generate().map_err(std::io::Error::other)?;
    let public = public_path(out);
    write_new(out, key.to_pem().as_bytes(), force, true)?;
    write_new(
        &public,
        key.verifying_key().to_pem().as_bytes(),
        force,
        false,
    )?;
    Ok((key.verifying_key().key_id(), public))
}

/// `KEY.pub` for `KEY`.
#[must_use]
pub fn public_path(secret: &Path) -> PathBuf {
    let mut name = secret.as_os_str().to_owned();
    name.push(".pub");
    PathBuf::from(name)
}

fn write_new(path: &Path, bytes: &[u8], force: bool, secret: bool) -> std::io::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true);
    if force {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    #[cfg(unix)]
    if secret {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = secret;
    let mut file = options.open(path).map_err(|error| {
        std::io::Error::new(error.kind(), format!("{}: {error}", path.display()))
    })?;
    file.write_all(bytes)?;
    file.sync_all()
}
