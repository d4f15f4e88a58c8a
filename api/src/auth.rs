//! Access tokens and the extractors that tell who is calling.
//!
//! Access tokens are short-lived JWTs (RFC 7519) handled as RFC 8725 advises: the server
//! accepts only its configured algorithm, requires a known `kid`, an explicit `typ` of
//! `at+jwt` (RFC 9068), and checks `iss`, `aud`, `exp`, `nbf` and `iat` with at most 60 s of
//! leeway. Several verification keys can be held at once, so keys rotate without logging
//! anyone out. Refresh tokens and API keys are opaque strings and never parse as JWTs.
//!
//! Handlers state who may call them with one extractor: [`AuthUser`] (a person),
//! [`OptionalAuthUser`] (a person or anonymous) or [`Caller`] (a person or an API key).

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::web::Data;
use actix_web::{FromRequest, HttpMessage, HttpRequest};
use anyhow::{Context, bail};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use sonla_accounts::api_keys::{self, KEY_PREFIX};
use sonla_audit::RequestMeta;
use sonla_core::{Actor, ErrorCode, Localized, Principal, Role};
use tracing_actix_web::RequestId;

use crate::AppState;
use crate::problem::ApiError;
use crate::settings::{JwtAlgorithm, Settings};

/// The `typ` header of access tokens (RFC 9068).
const ACCESS_TOKEN_TYPE: &str = "at+jwt";

/// The claims of an access token.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    /// Issuer.
    pub iss: String,
    /// Audience.
    pub aud: String,
    /// The user's id.
    pub sub: String,
    /// Expiry (seconds since the epoch).
    pub exp: u64,
    /// Issue time.
    pub iat: u64,
    /// Not valid before.
    pub nbf: u64,
    /// Token id.
    pub jti: String,
    /// Global roles when issued.
    pub roles: Vec<Role>,
    /// The login session (refresh-token family).
    pub sid: String,
}

/// Signing and verification keys, fixed at start-up.
pub struct JwtKeys {
    algorithm: Algorithm,
    kid: String,
    encoding: EncodingKey,
    decoding: HashMap<String, DecodingKey>,
    issuer: String,
    audience: String,
    ttl: Duration,
    leeway: Duration,
}

fn fingerprint(material: &[u8]) -> String {
    sonla_core::hex(&Sha256::digest(material)[..4])
}

fn read_pem(path: Option<&std::path::Path>, name: &str) -> anyhow::Result<Vec<u8>> {
    let path =
        path.with_context(|| format!("{name} is required with JWT_ALGORITHM=EdDSA or RS256"))?;
    std::fs::read(path).with_context(|| format!("cannot read {name} {}", path.display()))
}

impl JwtKeys {
    /// Loads the keys the settings name; fails with a message naming the variable at fault.
    pub fn from_settings(settings: &Settings) -> anyhow::Result<Self> {
        let auth = &settings.auth;
        let (algorithm, encoding, decoding, material) = match auth.jwt_algorithm {
            JwtAlgorithm::Hs256 => {
                let secret = settings.resolve_jwt_secret()?;
                let bytes = secret.expose_secret().as_bytes().to_vec();
                (
                    Algorithm::HS256,
                    EncodingKey::from_secret(&bytes),
                    DecodingKey::from_secret(&bytes),
                    bytes,
                )
            }
            JwtAlgorithm::EdDsa | JwtAlgorithm::Rs256 => {
                let private =
                    read_pem(auth.jwt_private_key_file.as_deref(), "JWT_PRIVATE_KEY_FILE")?;
                let public = read_pem(auth.jwt_public_key_file.as_deref(), "JWT_PUBLIC_KEY_FILE")?;
                let (algorithm, encoding, decoding) =
                    asymmetric(auth.jwt_algorithm, &private, &public)?;
                (algorithm, encoding, decoding, public)
            }
        };
        let kid = auth
            .jwt_key_id
            .clone()
            .unwrap_or_else(|| format!("k-{}", fingerprint(&material)));
        let mut keys = HashMap::from([(kid.clone(), decoding)]);
        for (old_kid, value) in &auth.jwt_previous_keys {
            let key = match auth.jwt_algorithm {
                JwtAlgorithm::Hs256 => {
                    if value.len() < crate::settings::MIN_JWT_SECRET_BYTES {
                        bail!(
                            "JWT_PREVIOUS_KEYS: the secret of `{old_kid}` is shorter than 32 bytes"
                        );
                    }
                    DecodingKey::from_secret(value.as_bytes())
                }
                JwtAlgorithm::EdDsa => {
                    DecodingKey::from_ed_pem(&read_pem(Some(value.as_ref()), "JWT_PREVIOUS_KEYS")?)?
                }
                JwtAlgorithm::Rs256 => DecodingKey::from_rsa_pem(&read_pem(
                    Some(value.as_ref()),
                    "JWT_PREVIOUS_KEYS",
                )?)?,
            };
            keys.insert(old_kid.clone(), key);
        }
        Ok(Self {
            algorithm,
            kid,
            encoding,
            decoding: keys,
            issuer: auth.jwt_issuer.clone(),
            audience: auth.jwt_audience.clone(),
            ttl: auth.access_token_ttl,
            leeway: auth.jwt_leeway,
        })
    }

    /// The `kid` of new tokens.
    #[must_use]
    pub fn kid(&self) -> &str {
        &self.kid
    }

    /// Issues an access token; returns it and its lifetime in seconds.
    pub fn issue(
        &self,
        user_id: &str,
        roles: &[Role],
        session_id: &str,
    ) -> Result<(String, i64), ApiError> {
        let now = jsonwebtoken::get_current_timestamp();
        let claims = Claims {
            iss: self.issuer.clone(),
            aud: self.audience.clone(),
            sub: user_id.to_owned(),
            exp: now + self.ttl.as_secs(),
            iat: now,
            nbf: now,
            jti: uuid::Uuid::new_v4().to_string(),
            roles: roles.to_vec(),
            sid: session_id.to_owned(),
        };
        let mut header = Header::new(self.algorithm);
        header.kid = Some(self.kid.clone());
        header.typ = Some(ACCESS_TOKEN_TYPE.to_owned());
        let token = jsonwebtoken::encode(&header, &claims, &self.encoding)
            .map_err(|e| ApiError::new(ErrorCode::Internal).with_cause(e))?;
        Ok((token, i64::try_from(self.ttl.as_secs()).unwrap_or(i64::MAX)))
    }

    /// Verifies an access token and returns the person it names.
    pub fn verify(&self, token: &str) -> Result<Actor, ApiError> {
        let invalid =
            |why: &str| invalid_token().with_cause(format!("access token rejected: {why}"));
        let header = jsonwebtoken::decode_header(token).map_err(|e| invalid(&e.to_string()))?;
        if header.alg != self.algorithm {
            return Err(invalid("algorithm not accepted"));
        }
        if header.typ.as_deref() != Some(ACCESS_TOKEN_TYPE) {
            return Err(invalid("not an access token"));
        }
        let key = header
            .kid
            .as_deref()
            .and_then(|kid| self.decoding.get(kid))
            .ok_or_else(|| invalid("unknown kid"))?;
        let mut validation = Validation::new(self.algorithm);
        validation.leeway = self.leeway.as_secs();
        validation.validate_nbf = true;
        validation.set_issuer(&[&self.issuer]);
        validation.set_audience(&[&self.audience]);
        validation.set_required_spec_claims(&["exp", "nbf", "iat", "iss", "aud", "sub"]);
        let claims = jsonwebtoken::decode::<Claims>(token, key, &validation)
            .map_err(|e| invalid(&e.to_string()))?
            .claims;
        if claims.iat > jsonwebtoken::get_current_timestamp() + self.leeway.as_secs() {
            return Err(invalid("issued in the future"));
        }
        let user_id = sonla_core::UserId::parse(&claims.sub).ok_or_else(|| invalid("subject"))?;
        Ok(Actor {
            user_id,
            roles: claims.roles,
            session_id: Some(claims.sid),
        })
    }
}

fn asymmetric(
    algorithm: JwtAlgorithm,
    private: &[u8],
    public: &[u8],
) -> anyhow::Result<(Algorithm, EncodingKey, DecodingKey)> {
    Ok(match algorithm {
        JwtAlgorithm::EdDsa => (
            Algorithm::EdDSA,
            EncodingKey::from_ed_pem(private)
                .context("JWT_PRIVATE_KEY_FILE is not an Ed25519 PEM key")?,
            DecodingKey::from_ed_pem(public)
                .context("JWT_PUBLIC_KEY_FILE is not an Ed25519 PEM key")?,
        ),
        _ => (
            Algorithm::RS256,
            EncodingKey::from_rsa_pem(private)
                .context("JWT_PRIVATE_KEY_FILE is not an RSA PEM key")?,
            DecodingKey::from_rsa_pem(public)
                .context("JWT_PUBLIC_KEY_FILE is not an RSA PEM key")?,
        ),
    })
}

fn invalid_token() -> ApiError {
    ApiError::new(ErrorCode::InvalidToken)
}

fn unauthenticated() -> ApiError {
    ApiError::new(ErrorCode::Unauthenticated).with_detail(Localized::new(
        "Hãy gửi mã truy cập trong tiêu đề Authorization: Bearer …",
        "Send an access token in the Authorization: Bearer … header",
    ))
}

/// The credential a request presents, if any.
enum Credential {
    Jwt(String),
    ApiKey(String),
}

fn credential(req: &HttpRequest) -> Result<Option<Credential>, ApiError> {
    if let Some(key) = req.headers().get("x-api-key") {
        let key = key.to_str().map_err(|_| invalid_token())?.trim().to_owned();
        return Ok(Some(Credential::ApiKey(key)));
    }
    let Some(value) = req.headers().get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let value = value.to_str().map_err(|_| invalid_token())?;
    let (scheme, token) = value.trim().split_once(' ').ok_or_else(invalid_token)?;
    if !scheme.eq_ignore_ascii_case("bearer") {
        return Err(invalid_token().with_cause("authorization scheme is not Bearer"));
    }
    let token = token.trim().to_owned();
    if token.starts_with(KEY_PREFIX) {
        return Ok(Some(Credential::ApiKey(token)));
    }
    // Refresh tokens (`rt_…`) and anything else that is not a JWT fail verification here.
    Ok(Some(Credential::Jwt(token)))
}

fn state(req: &HttpRequest) -> Result<Data<AppState>, ApiError> {
    req.app_data::<Data<AppState>>()
        .cloned()
        .ok_or_else(|| ApiError::new(ErrorCode::Internal).with_cause("AppState is not registered"))
}

fn person(req: &HttpRequest) -> Result<Option<Actor>, ApiError> {
    match credential(req)? {
        None => Ok(None),
        Some(Credential::Jwt(token)) => state(req)?.jwt.verify(&token).map(Some),
        Some(Credential::ApiKey(_)) => Err(ApiError::new(ErrorCode::Forbidden).with_detail(
            Localized::new(
                "Khóa API không được dùng thay cho người dùng ở đây",
                "An API key cannot act as a person here",
            ),
        )),
    }
}

/// Who a request's credential names, to keep state per caller (idempotency keys): `user:<id>`
/// or `api_key:<id>`; `None` without a credential; an error for an invalid one.
pub async fn principal_key(req: &HttpRequest) -> Result<Option<String>, ApiError> {
    let Some(found) = credential(req)? else {
        return Ok(None);
    };
    let state = state(req)?;
    Ok(Some(match found {
        Credential::Jwt(token) => format!("user:{}", state.jwt.verify(&token)?.user_id),
        Credential::ApiKey(key) => match api_keys::authenticate(&state.db, &key).await? {
            Principal::User(actor) => format!("user:{}", actor.user_id),
            Principal::ApiKey { key_id, .. } => format!("api_key:{key_id}"),
        },
    }))
}

/// A logged-in person; 401 without a valid access token, 403 for an API key.
#[derive(Debug, Clone)]
pub struct AuthUser(pub Actor);

impl FromRequest for AuthUser {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(
            person(req).and_then(|actor| actor.map(Self).ok_or_else(unauthenticated)),
        )
    }
}

/// A logged-in person or nobody; a present but invalid credential is still a 401.
///
/// A valid API key reads like an anonymous caller (public records only): machine clients such
/// as club websites show what everyone may see.
#[derive(Debug, Clone)]
pub struct OptionalAuthUser(pub Option<Actor>);

impl FromRequest for OptionalAuthUser {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let found = credential(req).and_then(|c| Ok((c, state(req)?)));
        Box::pin(async move {
            match found? {
                (None, _) => Ok(Self(None)),
                (Some(Credential::Jwt(token)), state) => Ok(Self(Some(state.jwt.verify(&token)?))),
                (Some(Credential::ApiKey(key)), state) => {
                    api_keys::authenticate(&state.db, &key).await?;
                    Ok(Self(None))
                }
            }
        })
    }
}

/// A person or a machine client with an API key; 401 without valid credentials.
#[derive(Debug, Clone)]
pub struct Caller(pub Principal);

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let found = credential(req).and_then(|c| Ok((c, state(req)?)));
        Box::pin(async move {
            match found? {
                (None, _) => Err(unauthenticated()),
                (Some(Credential::Jwt(token)), state) => {
                    Ok(Self(Principal::User(state.jwt.verify(&token)?)))
                }
                (Some(Credential::ApiKey(key)), state) => {
                    Ok(Self(api_keys::authenticate(&state.db, &key).await?))
                }
            }
        })
    }
}

/// Where the request came from, for audit entries and per-address limits.
#[derive(Debug, Clone)]
pub struct Meta(pub RequestMeta);

impl FromRequest for Meta {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let trust_forwarded = state(req).is_ok_and(|s| s.trust_forwarded_for);
        let info = req.connection_info();
        let client_ip = if trust_forwarded {
            info.realip_remote_addr()
        } else {
            info.peer_addr()
        };
        // A peer address may carry a port; the limit is per host.
        let client_ip = client_ip.map(|addr| {
            addr.parse::<std::net::SocketAddr>()
                .map_or_else(|_| addr.to_owned(), |s| s.ip().to_string())
        });
        let request_id = req.extensions().get::<RequestId>().map(ToString::to_string);
        std::future::ready(Ok(Self(RequestMeta {
            client_ip,
            request_id,
        })))
    }
}
