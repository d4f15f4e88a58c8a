//! Password rules and Argon2id hashing.

use std::sync::{LazyLock, OnceLock};

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use password_hash::rand_core::OsRng;
use sonla_core::Localized;

use crate::AccountError;

/// The shortest password accepted, in characters.
pub const MIN_CHARS: usize = 10;
/// The longest password accepted, in characters (hashing time grows with length).
pub const MAX_CHARS: usize = 128;

/// The list of common passwords shipped with the project (`data/common-passwords.txt`).
const COMMON: &str = include_str!("../data/common-passwords.txt");

/// Argon2id with OWASP's recommended minimum: 19 MiB of memory, 2 passes, 1 lane.
fn hasher() -> Result<Argon2<'static>, AccountError> {
    let params =
        Params::new(19 * 1024, 2, 1, None).map_err(|e| AccountError::Hash(e.to_string()))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// Whether the password is on the shipped list (case-insensitively).
#[must_use]
pub fn is_common(password: &str) -> bool {
    let lower = password.trim().to_lowercase();
    COMMON
        .lines()
        .any(|line| !line.starts_with('#') && line == lower)
}

/// Checks the password rules for the request field `field`.
pub fn check_rules(field: &'static str, password: &str) -> Result<(), AccountError> {
    let chars = password.chars().count();
    let rejected = |code, vi: String, en: String| AccountError::WeakPassword {
        field,
        code,
        message: Localized::new(vi, en),
    };
    if chars < MIN_CHARS {
        return Err(rejected(
            "length",
            format!("Mật khẩu phải có ít nhất {MIN_CHARS} ký tự"),
            format!("The password must have at least {MIN_CHARS} characters"),
        ));
    }
    if chars > MAX_CHARS {
        return Err(rejected(
            "length",
            format!("Mật khẩu tối đa {MAX_CHARS} ký tự"),
            format!("The password must have at most {MAX_CHARS} characters"),
        ));
    }
    if is_common(password) {
        return Err(rejected(
            "common_password",
            "Mật khẩu này quá phổ biến, dễ bị đoán".to_owned(),
            "This password is too common and easy to guess".to_owned(),
        ));
    }
    Ok(())
}

/// Runs `f`, which hashes or verifies passwords, on a blocking thread once a slot is free.
///
/// Each Argon2id computation takes 19 MiB; without a bound, a burst of logins (or an attacker)
/// grows the server's memory with every request in flight. At most one computation per core
/// (and at least two) runs at once; the others wait their turn.
pub async fn run<T, F>(f: F) -> Result<T, AccountError>
where
    F: FnOnce() -> Result<T, AccountError> + Send + 'static,
    T: Send + 'static,
{
    static SLOTS: LazyLock<tokio::sync::Semaphore> = LazyLock::new(|| {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        tokio::sync::Semaphore::new(cores.max(2))
    });
    let _slot = SLOTS
        .acquire()
        .await
        .map_err(|e| AccountError::Hash(e.to_string()))?;
    sonla_db::blocking(f).await
}

/// Hashes a password into a PHC string with a fresh random salt.
pub fn hash(password: &str) -> Result<String, AccountError> {
    let salt = SaltString::generate(&mut OsRng);
    hasher()?
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AccountError::Hash(e.to_string()))
}

/// Whether `password` matches a stored PHC string.
///
/// With no stored hash (an unknown email) a dummy hash is checked instead, so a login takes
/// the same time whether or not the account exists.
#[must_use]
pub fn verify(password: &str, phc: Option<&str>) -> bool {
    static DUMMY: OnceLock<String> = OnceLock::new();
    let dummy = DUMMY.get_or_init(|| hash("dummy password for timing").unwrap_or_default());
    let (stored, real) = match phc {
        Some(phc) => (phc, true),
        None => (dummy.as_str(), false),
    };
    let Ok(parsed) = PasswordHash::new(stored) else {
        return false;
    };
    let ok = hasher().is_ok_and(|h| h.verify_password(password.as_bytes(), &parsed).is_ok());
    ok && real
}

#[cfg(test)]
mod tests {
    use super::{check_rules, hash, is_common, verify};

    #[test]
    fn hashes_verify_and_are_argon2id() {
        let phc = hash("mật khẩu đủ dài").unwrap();
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify("mật khẩu đủ dài", Some(&phc)));
        assert!(!verify("mat khau du dai", Some(&phc)));
        assert_ne!(
            phc,
            hash("mật khẩu đủ dài").unwrap(),
            "every hash has its own salt"
        );
    }

    #[test]
    fn no_stored_hash_never_verifies() {
        assert!(!verify("dummy password for timing", None));
    }

    #[test]
    fn short_overlong_and_common_passwords_are_rejected() {
        assert!(check_rules("password", "ngắn quá").is_err());
        assert!(check_rules("password", &"a".repeat(129)).is_err());
        assert!(check_rules("password", "Password123").is_err());
        assert!(check_rules("password", "MatKhau123").is_err());
        assert!(is_common("QWERTYUIOP"));
        assert!(check_rules("password", "đủ mười ký tự").is_ok());
    }
}
