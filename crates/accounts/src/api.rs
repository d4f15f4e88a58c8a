//! Request and response types of the accounts API.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sonla_core::serde_ext::double_option;
use sonla_core::validation::not_blank;
use sonla_core::{Lang, Role};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::model::{ApiKey, User};

/// A new account.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegisterRequest {
    /// Email; trimmed, lower-cased and unique.
    #[validate(length(min = 3, max = 254))]
    #[schema(min_length = 3, max_length = 254, format = Email, example = "an.nguyen@utb.edu.vn")]
    pub email: String,
    /// At least 10 characters and not a common password.
    #[validate(length(min = 10, max = 128))]
    #[schema(min_length = 10, max_length = 128, format = Password)]
    pub password: String,
    /// Full name.
    #[validate(length(min = 1, max = 200), custom(function = not_blank))]
    #[schema(
        pattern = r"\S",
        min_length = 1,
        max_length = 200,
        example = "Nguyễn Văn An"
    )]
    pub full_name: String,
    /// Telephone: 8 to 15 digits, optional leading `+`.
    #[validate(length(max = 20), custom(function = sonla_core::validation::phone))]
    #[schema(pattern = r"^\+?(?:[ .-]*[0-9]){8,15}[ .-]*$", max_length = 20)]
    pub phone: Option<String>,
    /// Preferred language of messages (default `vi`).
    pub locale: Option<Lang>,
}

/// Email and password.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    /// The account's email.
    #[validate(length(min = 1, max = 254))]
    #[schema(min_length = 1, max_length = 254, format = Email)]
    pub email: String,
    /// The password.
    #[validate(length(min = 1, max = 128))]
    #[schema(min_length = 1, max_length = 128, format = Password)]
    pub password: String,
}

/// A refresh token.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    /// The refresh token from login or the previous refresh. (Any string up to the length of
    /// an access token is checked, so a token of the wrong kind gets 401, not 422.)
    #[validate(length(min = 1, max = 4096))]
    #[schema(min_length = 1, max_length = 4096)]
    pub refresh_token: String,
}

/// Tokens of a login session.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TokenResponse {
    /// A JWT for `Authorization: Bearer …`.
    #[schema(max_length = 4096)]
    pub access_token: String,
    /// Always `Bearer`.
    #[schema(max_length = 16, example = "Bearer")]
    pub token_type: String,
    /// Seconds until the access token expires.
    #[schema(format = Int64, example = 900)]
    pub expires_in: i64,
    /// Exchange it at `/api/v1/auth/refresh` for new tokens; it works once.
    #[schema(max_length = 200)]
    pub refresh_token: String,
    /// Seconds until the refresh token expires.
    #[schema(format = Int64, example = 2_592_000)]
    pub refresh_expires_in: i64,
}

/// An account.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UserResponse {
    /// Id (UUID v7).
    #[schema(format = Uuid, max_length = 36)]
    pub id: String,
    /// Email.
    #[schema(max_length = 254, format = Email)]
    pub email: String,
    /// Full name.
    #[schema(max_length = 200)]
    pub full_name: String,
    /// Telephone.
    #[schema(max_length = 20)]
    pub phone: Option<String>,
    /// Preferred language.
    pub locale: Lang,
    /// Global roles.
    #[schema(max_items = 6)]
    pub roles: Vec<Role>,
    /// When the account was created (UTC).
    pub created_at: DateTime<Utc>,
    /// When it last changed (UTC).
    pub updated_at: DateTime<Utc>,
}

impl UserResponse {
    /// A response from a row and its roles.
    #[must_use]
    pub fn new(user: User, roles: Vec<Role>) -> Self {
        Self {
            locale: Lang::parse(&user.locale),
            id: user.id.into(),
            email: user.email,
            full_name: user.full_name,
            phone: user.phone,
            roles,
            created_at: user.created_at.and_utc(),
            updated_at: user.updated_at.and_utc(),
        }
    }
}

/// Changes to one's own profile: absent fields stay, `null` clears the phone.
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateMeRequest {
    /// New full name.
    #[validate(length(min = 1, max = 200), custom(function = not_blank))]
    #[schema(pattern = r"\S", min_length = 1, max_length = 200)]
    pub full_name: Option<String>,
    /// New telephone, or `null` to clear it.
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(max = 20), custom(function = sonla_core::validation::phone))]
    #[schema(pattern = r"^\+?(?:[ .-]*[0-9]){8,15}[ .-]*$", max_length = 20)]
    pub phone: Option<Option<String>>,
    /// New preferred language.
    pub locale: Option<Lang>,
}

/// A password change.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangePasswordRequest {
    /// The password now.
    #[validate(length(min = 1, max = 128))]
    #[schema(min_length = 1, max_length = 128, format = Password)]
    pub current_password: String,
    /// The new password: at least 10 characters and not a common one.
    #[validate(length(min = 10, max = 128))]
    #[schema(min_length = 10, max_length = 128, format = Password)]
    pub new_password: String,
}

/// A role to grant.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GrantRoleRequest {
    /// The role.
    pub role: Role,
}

/// Filters of the user list.
#[derive(Debug, Clone, Default, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListUsersQuery {
    /// Page size, 1 to 100 (default 20).
    #[validate(range(min = 1, max = 100))]
    #[param(minimum = 1, maximum = 100, default = 20)]
    pub limit: Option<u32>,
    /// `next_cursor` of the previous page.
    #[validate(length(max = 512))]
    #[param(max_length = 512)]
    pub cursor: Option<String>,
    /// Words of the name or email; diacritics and case are ignored. Every word must match a
    /// whole word; the last one may also be the start of a longer one. Quotes, `*`, brackets
    /// and operators are plain text. A `q` with no word (letters or digits) in it, or longer
    /// than 200 characters, is refused with 422.
    #[validate(length(max = 200), custom(function = sonla_core::validation::search_words))]
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// Only holders of this role.
    #[param(inline)]
    pub role: Option<Role>,
}

/// The scopes an API key can hold.
pub const SCOPES: [&str; 3] = ["read", "techmarket:write", "webhooks:manage"];

/// A scope of an API key, one of [`SCOPES`] (OpenAPI only).
#[derive(Serialize, ToSchema)]
pub enum Scope {
    /// Read what anonymous clients read.
    #[serde(rename = "read")]
    Read,
    /// Publish to the technology market.
    #[serde(rename = "techmarket:write")]
    TechmarketWrite,
    /// Manage webhooks.
    #[serde(rename = "webhooks:manage")]
    WebhooksManage,
}

/// A new API key.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateApiKeyRequest {
    /// What the key is for, such as "Cổng thông tin thị trường công nghệ quốc gia".
    #[validate(length(min = 1, max = 100), custom(function = not_blank))]
    #[schema(pattern = r"\S", min_length = 1, max_length = 100)]
    pub name: String,
    /// Scopes: `read`, `techmarket:write`, `webhooks:manage`.
    #[validate(length(min = 1, max = 10))]
    #[schema(min_items = 1, max_items = 10, value_type = Vec<Scope>, example = json!(["read", "techmarket:write"]))]
    pub scopes: Vec<String>,
    /// When the key stops working (UTC); never when absent.
    pub expires_at: Option<DateTime<Utc>>,
}

/// An API key (its secret appears only once, in the response that creates it).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApiKeyResponse {
    /// Id (UUID v7).
    #[schema(format = Uuid, max_length = 36)]
    pub id: String,
    /// What the key is for.
    #[schema(max_length = 100)]
    pub name: String,
    /// The public start of the key, to recognise it.
    #[schema(max_length = 32)]
    pub prefix: String,
    /// Scopes.
    #[schema(max_items = 3, value_type = Vec<Scope>)]
    pub scopes: Vec<String>,
    /// The whole key: shown only when created. Send it as `Authorization: Bearer …` or `X-API-Key`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 100)]
    pub key: Option<String>,
    /// The admin who created it.
    #[schema(max_length = 36)]
    pub created_by: Option<String>,
    /// Creation time (UTC).
    pub created_at: DateTime<Utc>,
    /// Expiry (UTC).
    pub expires_at: Option<DateTime<Utc>>,
    /// Last use, to the minute (UTC).
    pub last_used_at: Option<DateTime<Utc>>,
    /// Revocation time (UTC).
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<ApiKey> for ApiKeyResponse {
    fn from(key: ApiKey) -> Self {
        Self {
            scopes: key.scope_list(),
            id: key.id.into(),
            name: key.name,
            prefix: key.prefix,
            key: None,
            created_by: key.created_by.map(Into::into),
            created_at: key.created_at.and_utc(),
            expires_at: key.expires_at.map(|t| t.and_utc()),
            last_used_at: key.last_used_at.map(|t| t.and_utc()),
            revoked_at: key.revoked_at.map(|t| t.and_utc()),
        }
    }
}

/// Every API key, revoked ones included (OpenAPI only; see
/// [`crate::api_keys::MAX_API_KEYS`]).
#[derive(ToSchema)]
#[schema(max_items = 1_000)]
pub struct ApiKeyList(pub Vec<ApiKeyResponse>);

#[cfg(test)]
mod tests {
    #[test]
    fn the_documented_scopes_are_the_accepted_ones() {
        let documented = [
            super::Scope::Read,
            super::Scope::TechmarketWrite,
            super::Scope::WebhooksManage,
        ]
        .map(|s| {
            serde_json::to_value(s)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
        });
        assert_eq!(
            documented.map(Option::unwrap_or_default),
            super::SCOPES.map(str::to_owned)
        );
    }
}
