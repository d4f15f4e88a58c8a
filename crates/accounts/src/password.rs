//! Password rules and Argon2id hashing.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use password_hash::rand_core::OsRng;
use sonla_core::Localized;

use crate::AccountError;

/// The shortest password accepted, in characters.
pub const MIN_CHARS: usize = 10;
/// The longest password accepted, in characters (hashing time grows with length).
pub const MAX_CHARS: usize = 128;

/// Argon2id with OWASP's recommended minimum: 19 MiB of memory, 2 passes, 1 lane.
fn hasher() -> Result<Argon2<'static>, AccountError> {
    let params =
        Params::new(19 * 1024, 2, 1, None).map_err(|e| AccountError::Hash(e.to_string()))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// Checks the password rules.
pub fn check_rules(password: &str) -> Result<(), AccountError> {
    let chars = password.chars().count();
    if chars < MIN_CHARS {
        return Err(AccountError::WeakPassword(Localized::new(
            format!("Mật khẩu phải có ít nhất {MIN_CHARS} ký tự"),
            format!("The password must have at least {MIN_CHARS} characters"),
        )));
    }
    if chars > MAX_CHARS {
        return Err(AccountError::WeakPassword(Localized::new(
            format!("Mật khẩu tối đa {MAX_CHARS} ký tự"),
            format!("The password must have at most {MAX_CHARS} characters"),
        )));
    }
    Ok(())
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
#[must_use]
pub fn verify(password: &str, phc: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(phc) else {
        return false;
    };
    hasher().is_ok_and(|h| h.verify_password(password.as_bytes(), &parsed).is_ok())
}

#[cfg(test)]
mod tests {
    use super::{check_rules, hash, verify};

    #[test]
    fn hashes_verify_and_are_argon2id() {
        let phc = hash("mật khẩu đủ dài").unwrap();
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify("mật khẩu đủ dài", &phc));
        assert!(!verify("mat khau du dai", &phc));
        assert_ne!(
            phc,
            hash("mật khẩu đủ dài").unwrap(),
            "every hash has its own salt"
        );
    }

    #[test]
    fn short_and_overlong_passwords_are_rejected() {
        assert!(check_rules("ngắn quá").is_err());
        assert!(check_rules(&"a".repeat(129)).is_err());
        assert!(check_rules("đủ mười ký tự").is_ok());
    }
}
