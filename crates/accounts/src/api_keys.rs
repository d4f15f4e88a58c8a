//! API keys for machine clients (the national technology-market portal, partner apps).
//!
//! A key reads `slk_<prefix>_<secret>`. The prefix finds the row; only the SHA-256 of the
//! whole key is stored, so the key is shown once, when created.

use serde_json::json;
use sonla_audit::{Event, RequestMeta, Who};
use sonla_authz::require_admin;
use sonla_core::{Actor, ApiKeyId, Localized, Principal};
use sonla_db::{DbPool, precondition};

use crate::api::{ApiKeyResponse, CreateApiKeyRequest, SCOPES};
use crate::model::ApiKey;
use crate::{AccountError, repo, secret};

/// What every key starts with.
pub const KEY_PREFIX: &str = "slk_";

/// How stale `last_used_at` may get before a use writes it again.
const TOUCH_AFTER_SECS: i64 = 60;

fn check_scopes(scopes: &[String]) -> Result<(), AccountError> {
    match scopes.iter().position(|s| !SCOPES.contains(&s.as_str())) {
        None => Ok(()),
        Some(index) => Err(AccountError::WeakPassword {
            field: "scopes",
            code: "invalid_choice",
            message: Localized::new(
                format!(
                    "Phạm vi thứ {} không hợp lệ; chọn trong: {}",
                    index + 1,
                    SCOPES.join(", ")
                ),
                format!(
                    "Scope number {} is unknown; choose from: {}",
                    index + 1,
                    SCOPES.join(", ")
                ),
            ),
        }),
    }
}

/// Keys that may exist, revoked ones included (they stay listed): checked under a lock when
/// a key is created, and the `maxItems` of the key list.
pub const MAX_API_KEYS: i64 = 1_000;

/// Creates a key; returns the row and the whole key, which is never shown again.
#[tracing::instrument(skip_all)]
pub async fn create_api_key(
    pool: &DbPool,
    actor: Actor,
    meta: RequestMeta,
    request: CreateApiKeyRequest,
) -> Result<(ApiKey, String), AccountError> {
    require_admin(&actor)?;
    check_scopes(&request.scopes)?;
    let mut scopes = request.scopes;
    scopes.sort();
    scopes.dedup();
    let prefix = secret::random_hex(6);
    let key = format!("{KEY_PREFIX}{prefix}_{}", secret::generate(""));
    let row = ApiKey {
        id: ApiKeyId::generate(),
        name: request.name.trim().to_owned(),
        prefix,
        secret_hash: secret::hash(&key),
        scopes: scopes.join(" "),
        created_by: Some(actor.user_id.clone()),
        created_at: sonla_db::now(),
        expires_at: request.expires_at.map(|t| t.naive_utc()),
        last_used_at: None,
        revoked_at: None,
    };
    pool.write(move |conn| {
        sonla_db::lookup::ensure_room::<AccountError>(
            conn,
            "api-keys",
            MAX_API_KEYS,
            (
                "khóa API (kể cả khóa đã thu hồi)",
                "API keys, revoked ones included",
            ),
            repo::count_api_keys,
        )?;
        repo::insert_api_key(conn, &row)?;
        let event = Event::new("api_key.created", "api_key", Some(&row.id))
            .after(json!({"name": row.name, "scopes": row.scope_list(), "prefix": row.prefix}));
        sonla_audit::record(conn, Who::User(&actor), &meta, event)?;
        Ok((row, key))
    })
    .await
}

/// Every key, newest first; admins only.
#[tracing::instrument(skip_all)]
pub async fn list_api_keys(pool: &DbPool, actor: Actor) -> Result<Vec<ApiKey>, AccountError> {
    require_admin(&actor)?;
    pool.run(|conn| Ok(repo::list_api_keys(conn)?)).await
}

/// One key; admins only.
#[tracing::instrument(skip_all, fields(api_key_id = %id))]
pub async fn get_api_key(
    pool: &DbPool,
    actor: Actor,
    id: ApiKeyId,
) -> Result<ApiKey, AccountError> {
    require_admin(&actor)?;
    pool.run(move |conn| repo::find_api_key(conn, &id)?.ok_or(AccountError::ApiKeyNotFound))
        .await
}

/// Revokes a key; admins only. Revoking a revoked key changes nothing.
///
/// `If-Match` names the key as `GET /api-keys/{id}` returns it (its `last_used_at` included).
#[tracing::instrument(skip_all, fields(api_key_id = %id))]
pub async fn revoke_api_key(
    pool: &DbPool,
    actor: Actor,
    meta: RequestMeta,
    id: ApiKeyId,
    if_match: Option<String>,
) -> Result<(), AccountError> {
    require_admin(&actor)?;
    pool.write(move |conn| {
        // On PostgreSQL no other revocation slips between check and write.
        conn.lock(&format!("api-key:{id}"))?;
        let key = repo::find_api_key(conn, &id)?.ok_or(AccountError::ApiKeyNotFound)?;
        precondition(sonla_core::if_match_holds(
            if_match.as_deref(),
            &ApiKeyResponse::from(key.clone()),
        ))?;
        if key.revoked_at.is_none() {
            repo::revoke_api_key(conn, &id, sonla_db::now())?;
            let event = Event::new("api_key.revoked", "api_key", Some(&id))
                .before(json!({"revoked": false}))
                .after(json!({"revoked": true}));
            sonla_audit::record(conn, Who::User(&actor), &meta, event)?;
        }
        Ok(())
    })
    .await
}

/// Checks a presented key; a valid one becomes the caller.
#[tracing::instrument(skip_all)]
pub async fn authenticate(pool: &DbPool, presented: &str) -> Result<Principal, AccountError> {
    let presented = presented.trim().to_owned();
    let Some(prefix) = presented
        .strip_prefix(KEY_PREFIX)
        .and_then(|rest| rest.split('_').next())
        .map(str::to_owned)
    else {
        return Err(AccountError::InvalidToken);
    };
    pool.run(move |conn| {
        let key = repo::find_api_key_by_prefix(conn, &prefix)?.ok_or(AccountError::InvalidToken)?;
        let now = sonla_db::now();
        let live = key.revoked_at.is_none() && key.expires_at.is_none_or(|t| t > now);
        if !live || !secret::matches(&presented, &key.secret_hash) {
            return Err(AccountError::InvalidToken);
        }
        if key
            .last_used_at
            .is_none_or(|t| (now - t).num_seconds() >= TOUCH_AFTER_SECS)
        {
            // In a write transaction like every write, so that on SQLite it queues with the
            // others instead of racing them for the lock.
            conn.write_transaction(|conn| repo::touch_api_key(conn, &key.id, now))?;
        }
        Ok(Principal::ApiKey {
            scopes: key.scope_list(),
            key_id: key.id,
        })
    })
    .await
}
