//! Use cases of accounts: registration, login sessions, profile, password and roles.

use std::collections::HashMap;
use std::time::Duration;

use chrono::NaiveDateTime;
use serde_json::json;
use sonla_audit::{Event, RequestMeta, Who};
use sonla_authz::{require_admin, require_staff};
use sonla_core::id::new_id;
use sonla_core::serde_ext::{clean, clean_name};
use sonla_core::{Actor, Page, PageRequest, Role, UserId};
use sonla_db::search::Query;
use sonla_db::{DbConnection, DbError, DbPool, precondition};

use crate::api::{
    ChangePasswordRequest, ListUsersQuery, LoginRequest, RegisterRequest, UpdateMeRequest,
    UserResponse,
};
use crate::model::{NewUserRole, RefreshToken, User, UserChanges};
use crate::throttle::{self, AttemptKeys, Charge, LoginLimits};
use crate::{AccountError, password, repo, secret};

/// How sessions behave.
#[derive(Debug, Clone, Copy)]
pub struct SessionPolicy {
    /// How long a refresh token lives.
    pub refresh_ttl: Duration,
    /// Failed-login limits.
    pub limits: LoginLimits,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        Self {
            refresh_ttl: Duration::from_hours(30 * 24),
            limits: LoginLimits::default(),
        }
    }
}

/// A logged-in session: the API layer adds the access token.
#[derive(Debug, Clone)]
pub struct Session {
    /// The user.
    pub user: User,
    /// The user's roles now.
    pub roles: Vec<Role>,
    /// The refresh-token family.
    pub session_id: String,
    /// The new refresh token (shown once).
    pub refresh_token: String,
    /// Its lifetime in seconds.
    pub refresh_expires_in: i64,
}

/// Trims and lower-cases an email, and checks its shape.
pub fn normalise_email(raw: &str) -> Result<String, AccountError> {
    let email = raw.trim().to_lowercase();
    // ASCII only: a Cyrillic "а" in "аdmin@…" would otherwise pass for another person's address.
    if email.len() > 254 || !email.is_ascii() || sonla_core::validation::email(&email).is_err() {
        return Err(AccountError::InvalidEmail);
    }
    Ok(email)
}

fn roles_of(conn: &mut DbConnection, user_id: &UserId) -> Result<Vec<Role>, AccountError> {
    Ok(repo::roles_of(conn, user_id)?
        .iter()
        .filter_map(|r| Role::parse(r))
        .collect())
}

fn user_with_roles(
    conn: &mut DbConnection,
    user_id: &UserId,
) -> Result<(User, Vec<Role>), AccountError> {
    let user = repo::find_by_id(conn, user_id)?.ok_or(AccountError::UserNotFound)?;
    let roles = roles_of(conn, user_id)?;
    Ok((user, roles))
}

fn new_user(
    email: String,
    password_hash: String,
    full_name: &str,
    phone: Option<String>,
    locale: &str,
) -> User {
    let now = sonla_db::now();
    User {
        id: UserId::generate(),
        email,
        password_hash,
        full_name: clean_name(full_name),
        phone,
        locale: locale.to_owned(),
        created_at: now,
        updated_at: now,
    }
}

fn insert_user(conn: &mut DbConnection, user: &User, roles: &[&str]) -> Result<(), AccountError> {
    if repo::find_by_email(conn, &user.email)?.is_some() {
        return Err(AccountError::EmailTaken);
    }
    repo::insert(conn, user, roles).map_err(|e| match DbError::from(e) {
        DbError::UniqueViolation(_) => AccountError::EmailTaken,
        other => other.into(),
    })
}

/// Creates an account with the `member` role.
#[tracing::instrument(skip_all)]
pub async fn register(
    pool: &DbPool,
    meta: RequestMeta,
    request: RegisterRequest,
) -> Result<(User, Vec<Role>), AccountError> {
    let email = normalise_email(&request.email)?;
    password::check_rules("password", &request.password)?;
    let secret = request.password;
    // Hashing is slow on purpose: run it on the blocking pool, without holding a connection.
    let hash = password::run(move || password::hash(&secret)).await?;
    let locale = request.locale.unwrap_or_default().tag();
    let user = new_user(
        email,
        hash,
        &request.full_name,
        clean(request.phone),
        locale,
    );
    let meta = meta.clone();
    pool.write(move |conn| {
        insert_user(conn, &user, &[Role::Member.as_str()])?;
        let event = Event::new("user.registered", "user", Some(&user.id))
            .after(json!({"email": user.email}));
        sonla_audit::record(conn, Who::Anonymous, &meta, event)?;
        Ok((user, vec![Role::Member]))
    })
    .await
}

/// Creates an administrator account (roles `admin` and `member`), for `api create-admin`.
#[tracing::instrument(skip_all)]
pub async fn create_admin(
    pool: &DbPool,
    email: &str,
    password: &str,
    full_name: &str,
) -> Result<(User, Vec<Role>), AccountError> {
    let email = normalise_email(email)?;
    password::check_rules("password", password)?;
    let secret = password.to_owned();
    let hash = password::run(move || password::hash(&secret)).await?;
    let name = if full_name.trim().is_empty() {
        "Administrator"
    } else {
        full_name
    };
    let user = new_user(email, hash, name, None, "vi");
    pool.write(move |conn| {
        insert_user(conn, &user, &[Role::Admin.as_str(), Role::Member.as_str()])?;
        let event = Event::new("user.admin_created", "user", Some(&user.id))
            .after(json!({"email": user.email, "roles": ["admin", "member"]}));
        sonla_audit::record(conn, Who::System, &RequestMeta::default(), event)?;
        Ok((user, vec![Role::Admin, Role::Member]))
    })
    .await
}

fn start_session(
    conn: &mut DbConnection,
    user: User,
    family_id: String,
    policy: &SessionPolicy,
    now: NaiveDateTime,
) -> Result<Session, AccountError> {
    let refresh_token = secret::generate("rt_");
    let ttl = chrono::Duration::from_std(policy.refresh_ttl)
        .unwrap_or_else(|_| chrono::Duration::days(30));
    repo::insert_refresh_token(
        conn,
        &RefreshToken {
            id: new_id(),
            family_id: family_id.clone(),
            user_id: user.id.clone(),
            token_hash: secret::hash(&refresh_token),
            created_at: now,
            expires_at: now + ttl,
            used_at: None,
            revoked_at: None,
        },
    )?;
    let roles = roles_of(conn, &user.id)?;
    Ok(Session {
        user,
        roles,
        session_id: family_id,
        refresh_token,
        refresh_expires_in: ttl.num_seconds(),
    })
}

/// Logs in with email and password.
///
/// The answer never says whether the email or the password was wrong, and takes the same time
/// either way. Failures count towards the per-account and per-address limits.
#[tracing::instrument(skip_all)]
pub async fn login(
    pool: &DbPool,
    policy: &SessionPolicy,
    meta: RequestMeta,
    request: LoginRequest,
) -> Result<Session, AccountError> {
    let email = request.email.trim().to_lowercase();
    let keys = AttemptKeys::new(&email, meta.client_ip.as_deref());
    let limits = policy.limits;
    let (charge_keys, charge_email) = (keys.clone(), email.clone());
    let (charged, user) = pool
        .run(move |conn| {
            conn.write_transaction(|conn| {
                let charged = match throttle::charge(conn, &limits, &charge_keys, sonla_db::now())?
                {
                    Charge::Allowed(ids) => ids,
                    Charge::Refused(retry_after) => return Ok(Err(retry_after)),
                };
                Ok::<_, AccountError>(Ok((charged, repo::find_by_email(conn, &charge_email)?)))
            })
        })
        .await?
        .map_err(|retry_after| AccountError::TooManyAttempts { retry_after })?;

    let stored = user.as_ref().map(|u| u.password_hash.clone());
    let secret = request.password;
    let valid =
        password::run(move || Ok::<_, AccountError>(password::verify(&secret, stored.as_deref())))
            .await?;

    let (policy, meta) = (*policy, meta.clone());
    let outcome = pool
        .run(move |conn| {
            conn.write_transaction(|conn| match user {
                Some(user) if valid => {
                    throttle::forgive(conn, &keys, &charged)?;
                    let who = Actor {
                        user_id: user.id.clone(),
                        roles: Vec::new(),
                        session_id: None,
                    };
                    let event = login_event("auth.login", Some(&user.id), &email);
                    sonla_audit::record(conn, Who::User(&who), &meta, event)?;
                    Ok(Some(start_session(
                        conn,
                        user,
                        new_id(),
                        &policy,
                        sonla_db::now(),
                    )?))
                }
                user => {
                    // The failure stays counted; the trail keeps the attempted email.
                    let id = user.as_ref().map(|u| &u.id);
                    sonla_audit::record(
                        conn,
                        Who::Anonymous,
                        &meta,
                        login_event("auth.login_failed", id, &email),
                    )?;
                    Ok::<_, AccountError>(None)
                }
            })
        })
        .await?;
    outcome.ok_or(AccountError::InvalidCredentials)
}

fn login_event<'a>(action: &'a str, user_id: Option<&'a UserId>, email: &str) -> Event<'a> {
    Event::new(action, "user", user_id).after(json!({"email": email}))
}

enum Exchange {
    Renewed(Box<Session>),
    Reused,
    Invalid,
}

/// Exchanges a refresh token for a new one (and new access token).
///
/// Each refresh token works once. Presenting a spent one means it was stolen or replayed:
/// the whole session is revoked.
#[tracing::instrument(skip_all)]
pub async fn refresh(
    pool: &DbPool,
    policy: &SessionPolicy,
    meta: RequestMeta,
    refresh_token: &str,
) -> Result<Session, AccountError> {
    let token_hash = secret::hash(refresh_token.trim());
    let (policy, meta) = (*policy, meta.clone());
    let exchange = pool
        .run(move |conn| {
            conn.write_transaction(|conn| {
                let now = sonla_db::now();
                let Some(token) = repo::find_refresh_token(conn, &token_hash)? else {
                    return Ok(Exchange::Invalid);
                };
                if token.revoked_at.is_some() || token.expires_at <= now {
                    return Ok(Exchange::Invalid);
                }
                if !repo::claim_refresh_token(conn, &token.id, now)? {
                    repo::revoke_family(conn, &token.family_id, now)?;
                    let event =
                        Event::new("auth.refresh_reused", "session", Some(&token.family_id))
                            .after(json!({"user_id": token.user_id}));
                    sonla_audit::record(conn, Who::Anonymous, &meta, event)?;
                    return Ok(Exchange::Reused);
                }
                let user =
                    repo::find_by_id(conn, &token.user_id)?.ok_or(AccountError::InvalidToken)?;
                let session = start_session(conn, user, token.family_id, &policy, now)?;
                Ok::<_, AccountError>(Exchange::Renewed(Box::new(session)))
            })
        })
        .await?;
    match exchange {
        Exchange::Renewed(session) => Ok(*session),
        // The revocation above is committed before this error is returned.
        Exchange::Reused | Exchange::Invalid => Err(AccountError::InvalidToken),
    }
}

/// Ends the session of a refresh token. Unknown tokens are ignored, so this never tells
/// whether a token existed.
#[tracing::instrument(skip_all)]
pub async fn logout(
    pool: &DbPool,
    meta: RequestMeta,
    refresh_token: &str,
) -> Result<(), AccountError> {
    let token_hash = secret::hash(refresh_token.trim());
    let meta = meta.clone();
    pool.write(move |conn| {
        if let Some(token) = repo::find_refresh_token(conn, &token_hash)?
            && repo::revoke_family(conn, &token.family_id, sonla_db::now())? > 0
        {
            let event = Event::new("auth.logout", "session", Some(&token.family_id))
                .after(json!({"user_id": token.user_id}));
            sonla_audit::record(conn, Who::Anonymous, &meta, event)?;
        }
        Ok(())
    })
    .await
}

/// The caller's own account.
#[tracing::instrument(skip_all)]
pub async fn get_me(pool: &DbPool, actor: Actor) -> Result<(User, Vec<Role>), AccountError> {
    let id = actor.user_id.clone();
    pool.run(move |conn| user_with_roles(conn, &id)).await
}

/// Changes the caller's profile.
#[tracing::instrument(skip_all)]
pub async fn update_me(
    pool: &DbPool,
    actor: Actor,
    request: UpdateMeRequest,
    if_match: Option<String>,
) -> Result<(User, Vec<Role>), AccountError> {
    let id = actor.user_id.clone();
    let changes = UserChanges {
        full_name: request.full_name.as_deref().map(clean_name),
        phone: request.phone.map(clean),
        locale: request.locale.map(|l| l.tag().to_owned()),
        password_hash: None,
        updated_at: Some(sonla_db::now()),
    };
    pool.write(move |conn| {
        // On PostgreSQL no other change of the profile slips between check and write.
        conn.lock(&format!("user:{id}"))?;
        let (current, roles) = user_with_roles(conn, &id)?;
        precondition(sonla_core::if_match_holds(
            if_match.as_deref(),
            &UserResponse::new(current, roles),
        ))?;
        let user = repo::update(conn, &id, &changes)?;
        Ok((user, roles_of(conn, &id)?))
    })
    .await
}

/// Changes the caller's password and ends every other session of theirs.
#[tracing::instrument(skip_all)]
pub async fn change_password(
    pool: &DbPool,
    actor: Actor,
    meta: RequestMeta,
    request: ChangePasswordRequest,
) -> Result<(), AccountError> {
    password::check_rules("new_password", &request.new_password)?;
    let id = actor.user_id.clone();
    let user = pool
        .run(move |conn| repo::find_by_id(conn, &id)?.ok_or(AccountError::UserNotFound))
        .await?;
    let (current, new) = (request.current_password, request.new_password);
    let stored = user.password_hash;
    let hash = password::run(move || {
        if !password::verify(&current, Some(&stored)) {
            return Err(AccountError::WrongCurrentPassword);
        }
        password::hash(&new)
    })
    .await?;
    pool.write(move |conn| {
        let now = sonla_db::now();
        let changes = UserChanges {
            password_hash: Some(hash),
            updated_at: Some(now),
            ..UserChanges::default()
        };
        repo::update(conn, &actor.user_id, &changes)?;
        let revoked =
            repo::revoke_user_sessions(conn, &actor.user_id, actor.session_id.as_deref(), now)?;
        let event = Event::new("user.password_changed", "user", Some(&actor.user_id))
            .after(json!({"sessions_revoked": revoked}));
        sonla_audit::record(conn, Who::User(&actor), &meta, event)?;
        Ok(())
    })
    .await
}

/// Lists users, newest first; officers and admins.
#[tracing::instrument(skip_all)]
pub async fn list_users(
    pool: &DbPool,
    actor: Actor,
    query: ListUsersQuery,
) -> Result<Page<(User, Vec<Role>)>, AccountError> {
    require_staff(&actor)?;
    let request = PageRequest::<UserId>::decode(query.limit, query.cursor.as_deref())?;
    let search = query.q.as_deref().and_then(Query::parse);
    let role = query.role.map(Role::as_str);
    pool.run(move |conn| {
        let rows = repo::list(
            conn,
            search.as_ref(),
            role,
            request.after.as_ref(),
            request.fetch_limit(),
        )?;
        let page = request.page(rows, |u| u.id.clone());
        let ids: Vec<UserId> = page.items.iter().map(|u| u.id.clone()).collect();
        let mut roles = roles_by_user(conn, &ids)?;
        Ok(page.map(|user| {
            let held = roles.remove(&user.id).unwrap_or_default();
            (user, held)
        }))
    })
    .await
}

fn roles_by_user(
    conn: &mut DbConnection,
    ids: &[UserId],
) -> Result<HashMap<UserId, Vec<Role>>, AccountError> {
    let rows = repo::roles_of_users(conn, ids)?;
    let mut map: HashMap<UserId, Vec<Role>> = HashMap::new();
    for (user_id, role) in rows {
        if let Some(role) = Role::parse(&role) {
            map.entry(user_id).or_default().push(role);
        }
    }
    Ok(map)
}

/// One user; officers, admins and the user themself.
#[tracing::instrument(skip_all, fields(user_id = %id))]
pub async fn get_user(
    pool: &DbPool,
    actor: Actor,
    id: UserId,
) -> Result<(User, Vec<Role>), AccountError> {
    if !actor.is(&id) {
        require_staff(&actor)?;
    }
    pool.run(move |conn| user_with_roles(conn, &id)).await
}

/// Grants a global role; admins only. Granting a held role changes nothing.
#[tracing::instrument(skip_all, fields(user_id = %id))]
pub async fn grant_role(
    pool: &DbPool,
    actor: Actor,
    meta: RequestMeta,
    id: UserId,
    role: Role,
) -> Result<(User, Vec<Role>), AccountError> {
    require_admin(&actor)?;
    pool.write(move |conn| {
        let (user, before) = user_with_roles(conn, &id)?;
        if before.contains(&role) {
            return Ok((user, before));
        }
        repo::insert_role(
            conn,
            &NewUserRole {
                user_id: &id,
                role: role.as_str(),
                granted_at: sonla_db::now(),
            },
        )?;
        let after = roles_of(conn, &id)?;
        let event = Event::new("user.role_granted", "user", Some(&id))
            .before(json!({"roles": before}))
            .after(json!({"roles": after}));
        sonla_audit::record(conn, Who::User(&actor), &meta, event)?;
        Ok((user, after))
    })
    .await
}

/// Revokes a global role; admins only. `member` stays, and so does the last admin.
#[tracing::instrument(skip_all, fields(user_id = %id))]
pub async fn revoke_role(
    pool: &DbPool,
    actor: Actor,
    meta: RequestMeta,
    id: UserId,
    role: Role,
    if_match: Option<String>,
) -> Result<(), AccountError> {
    require_admin(&actor)?;
    if role == Role::Member {
        return Err(AccountError::MemberRoleKept);
    }
    pool.write(move |conn| {
        // Concurrent conditional revocations of one user's roles run one after the other.
        conn.lock(&format!("user-roles:{id}"))?;
        let (_, before) = user_with_roles(conn, &id)?;
        // A held role has no representation of its own: only `If-Match: *` ("it is held")
        // can hold, and not once it is gone (RFC 9110 §13.1.1).
        precondition(sonla_core::if_match_exists(
            if_match.as_deref(),
            before.contains(&role),
        ))?;
        if !before.contains(&role) {
            return Ok(());
        }
        conn.lock("role:admin")?;
        if role == Role::Admin && repo::count_with_role(conn, Role::Admin.as_str())? <= 1 {
            return Err(AccountError::LastAdmin);
        }
        repo::delete_role(conn, &id, role.as_str())?;
        let after = roles_of(conn, &id)?;
        let event = Event::new("user.role_revoked", "user", Some(&id))
            .before(json!({"roles": before}))
            .after(json!({"roles": after}));
        sonla_audit::record(conn, Who::User(&actor), &meta, event)?;
        Ok(())
    })
    .await
}
