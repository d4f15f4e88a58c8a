//! Random secrets (refresh tokens, API keys) and their stored hashes.
//!
//! These secrets carry 256 bits of randomness, so a single SHA-256 is the right hash: a slow
//! password hash would add nothing but latency. Comparisons are constant-time.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use sha2::{Digest, Sha256};
use sonla_core::hex;
use subtle::ConstantTimeEq;

/// A new secret: `prefix` followed by 32 random bytes in URL-safe base64.
#[must_use]
pub fn generate(prefix: &str) -> String {
    let mut bytes = [0_u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    format!("{prefix}{}", URL_SAFE_NO_PAD.encode(bytes))
}

/// `n` random bytes as lower-case hex.
#[must_use]
pub fn random_hex(n: usize) -> String {
    let mut bytes = vec![0_u8; n];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex(&bytes)
}

/// The stored form of a secret: SHA-256 in lower-case hex.
#[must_use]
pub fn hash(secret: &str) -> String {
    hex(&Sha256::digest(secret.as_bytes()))
}

/// Whether `secret` hashes to `stored`, in constant time.
#[must_use]
pub fn matches(secret: &str, stored: &str) -> bool {
    hash(secret).as_bytes().ct_eq(stored.as_bytes()).into()
}

#[cfg(test)]
mod tests {
    use super::{generate, hash, matches, random_hex};

    #[test]
    fn secrets_are_random_prefixed_and_verifiable() {
        let a = generate("rt_");
        let b = generate("rt_");
        assert!(a.starts_with("rt_") && a.len() == 3 + 43);
        assert_ne!(a, b);
        assert!(matches(&a, &hash(&a)));
        assert!(!matches(&b, &hash(&a)));
        assert_eq!(random_hex(6).len(), 12);
    }
}
