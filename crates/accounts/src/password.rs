//! Password rules and Argon2id hashing.

use std::sync::{LazyLock, Mutex, OnceLock, PoisonError};

use argon2::password_hash::{Output, ParamsString, PasswordHash, Salt, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
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
fn params() -> Result<Params, password_hash::Error> {
    Ok(Params::new(19 * 1024, 2, 1, None)?)
}

/// At most one computation per core (and at least two) runs at once; see [`run`].
fn slots() -> usize {
    std::thread::available_parallelism()
        .map_or(2, std::num::NonZero::get)
        .max(2)
}

/// Argon2's work memory (19 MiB a computation), kept for the next computation instead of
/// being freed: with glibc's malloc, blocks this size freed on tokio's blocking threads stay
/// in per-thread arenas, and a server that had answered a few thousand logins held 1.6–3.2 GiB
/// (BENCHMARKS.md). At most [`slots`] blocks are kept, each wiped after use.
static MEMORY: Mutex<Vec<Vec<Block>>> = Mutex::new(Vec::new());

/// The Argon2 output of `password` with `salt` and `argon2`'s parameters, `len` bytes long,
/// computed in kept memory. (What `PasswordHasher::hash_password` does, without allocating
/// the memory each time.)
fn output(
    argon2: &Argon2<'_>,
    params: &Params,
    password: &[u8],
    salt: Salt<'_>,
    len: usize,
) -> Result<Output, password_hash::Error> {
    let mut salt_bytes = [0_u8; Salt::MAX_LENGTH];
    let salt = salt.decode_b64(&mut salt_bytes)?;
    let kept = MEMORY.lock().unwrap_or_else(PoisonError::into_inner).pop();
    let mut blocks = kept.unwrap_or_default();
    if blocks.len() < params.block_count() {
        blocks.resize(params.block_count(), Block::default());
    }
    let result = Output::init_with(len, |out| {
        Ok(argon2.hash_password_into_with_memory(password, salt, out, &mut blocks)?)
    });
    // Only memory of the configured size is kept (a stored hash that asks for more does not
    // grow what is kept for good), and it is wiped first: it holds state derived from the
    // password.
    if self::params().is_ok_and(|p| p.block_count() == blocks.len()) {
        blocks.fill(Block::default());
        let mut memory = MEMORY.lock().unwrap_or_else(PoisonError::into_inner);
        if memory.len() < slots() {
            memory.push(blocks);
        }
    }
    result
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
    static SLOTS: LazyLock<tokio::sync::Semaphore> =
        LazyLock::new(|| tokio::sync::Semaphore::new(slots()));
    let _slot = SLOTS
        .acquire()
        .await
        .map_err(|e| AccountError::Hash(e.to_string()))?;
    sonla_db::blocking(f).await
}

/// Hashes a password into a PHC string with a fresh random salt.
pub fn hash(password: &str) -> Result<String, AccountError> {
    let phc = || -> Result<String, password_hash::Error> {
        let salt = SaltString::generate(&mut OsRng);
        let params = params()?;
        let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
        let len = params.output_len().unwrap_or(Params::DEFAULT_OUTPUT_LEN);
        let hash = output(&argon2, &params, password.as_bytes(), salt.as_salt(), len)?;
        let phc = PasswordHash {
            algorithm: Algorithm::Argon2id.ident(),
            version: Some(Version::V0x13.into()),
            params: ParamsString::try_from(&params)?,
            salt: Some(salt.as_salt()),
            hash: Some(hash),
        };
        Ok(phc.to_string())
    };
    phc().map_err(|e| AccountError::Hash(e.to_string()))
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
    // What `PasswordVerifier::verify_password` does, in kept memory: recompute with the
    // stored algorithm, version, parameters and salt, and compare in constant time.
    let matches = || -> Result<bool, password_hash::Error> {
        let parsed = PasswordHash::new(stored)?;
        let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else {
            return Ok(false);
        };
        let algorithm = Algorithm::try_from(parsed.algorithm)?;
        let version = parsed.version.map(Version::try_from).transpose()?;
        let params = Params::try_from(&parsed)?;
        let argon2 = Argon2::new(algorithm, version.unwrap_or_default(), params.clone());
        let computed = output(&argon2, &params, password.as_bytes(), salt, expected.len())?;
        Ok(computed == expected)
    };
    matches().unwrap_or(false) && real
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

    /// Hashes stored before memory was kept (made by the crate's `PasswordHasher`, possibly
    /// with other parameters) still verify, and ours verify with the crate's verifier.
    #[test]
    fn hashes_agree_with_the_argon2_crate_both_ways() {
        use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
        use argon2::{Algorithm, Argon2, Params, Version};

        let salt = SaltString::generate(&mut password_hash::rand_core::OsRng);
        for params in [
            Params::new(19 * 1024, 2, 1, None).unwrap(),
            Params::new(8 * 1024, 1, 2, Some(24)).unwrap(),
        ] {
            let crate_phc = Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
                .hash_password("mật khẩu cũ đủ dài".as_bytes(), &salt)
                .unwrap()
                .to_string();
            assert!(
                verify("mật khẩu cũ đủ dài", Some(&crate_phc)),
                "{crate_phc}"
            );
            assert!(!verify("mật khẩu cũ đủ dàI", Some(&crate_phc)));
        }
        let ours = hash("mật khẩu mới đủ dài").unwrap();
        let parsed = PasswordHash::new(&ours).unwrap();
        assert!(
            Argon2::default()
                .verify_password("mật khẩu mới đủ dài".as_bytes(), &parsed)
                .is_ok()
        );
        assert!(
            Argon2::default()
                .verify_password("mật khẩu mới đủ dàI".as_bytes(), &parsed)
                .is_err()
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
