//! The audit log: who did what to which record and when, with before and after where it
//! matters.
//!
//! Every domain writes its events through [`record`], inside the transaction of the change
//! itself, so a change and its trail commit or roll back together.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use sonla_core::id::new_id;
use sonla_core::{Actor, Page, PageRequest, Principal};
use sonla_db::schema::audit_log;
use sonla_db::{CommonError, DbConnection, DbPool};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

/// Where a request came from, for the trail.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequestMeta {
    /// The client's address.
    pub client_ip: Option<String>,
    /// The request id echoed in `x-request-id`.
    pub request_id: Option<String>,
}

/// Who acted.
#[derive(Debug, Clone, Copy)]
pub enum Who<'a> {
    /// A logged-in person.
    User(&'a Actor),
    /// A machine client.
    ApiKey(&'a str),
    /// Someone not (yet) authenticated, such as a failed login.
    Anonymous,
    /// The server itself or an operator's command.
    System,
}

impl<'a> From<&'a Principal> for Who<'a> {
    fn from(principal: &'a Principal) -> Self {
        match principal {
            Principal::User(actor) => Self::User(actor),
            Principal::ApiKey { key_id, .. } => Self::ApiKey(key_id.as_str()),
        }
    }
}

sonla_core::string_enum! {
    /// Who acted, in an audit entry.
    pub enum ActorKind {
        /// A signed-in person.
        User => "user",
        /// A machine client's API key.
        ApiKey => "api_key",
        /// A caller without credentials (a failed login, a registration).
        Anonymous => "anonymous",
        /// The server itself.
        System => "system",
    }
}

impl Who<'_> {
    fn parts(self) -> (Option<String>, &'static str) {
        match self {
            Self::User(actor) => (
                Some(actor.user_id.as_str().to_owned()),
                ActorKind::User.as_str(),
            ),
            Self::ApiKey(id) => (Some(id.to_owned()), ActorKind::ApiKey.as_str()),
            Self::Anonymous => (None, ActorKind::Anonymous.as_str()),
            Self::System => (None, ActorKind::System.as_str()),
        }
    }
}

/// One thing that happened.
#[derive(Debug, Clone)]
pub struct Event<'a> {
    /// What happened, as `<domain>.<verb>`: `auth.login`, `user.role_granted`, …
    pub action: &'a str,
    /// The kind of record it happened to: `user`, `organization`, `api_key`, …
    pub record_type: &'a str,
    /// The record's id, when there is one.
    pub record_id: Option<&'a str>,
    /// The record before the change.
    pub before: Option<serde_json::Value>,
    /// The record after the change.
    pub after: Option<serde_json::Value>,
}

impl<'a> Event<'a> {
    /// An event without before and after; the record's id is any id type or text.
    #[must_use]
    pub fn new<R: AsRef<str> + ?Sized>(
        action: &'a str,
        record_type: &'a str,
        record_id: Option<&'a R>,
    ) -> Self {
        Self {
            action,
            record_type,
            record_id: record_id.map(AsRef::as_ref),
            before: None,
            after: None,
        }
    }

    /// Adds the record's state before the change.
    #[must_use]
    pub fn before(mut self, value: impl Serialize) -> Self {
        self.before = serde_json::to_value(value).ok();
        self
    }

    /// Adds the record's state after the change.
    #[must_use]
    pub fn after(mut self, value: impl Serialize) -> Self {
        self.after = serde_json::to_value(value).ok();
        self
    }
}

/// An audit row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = audit_log)]
pub struct AuditRow {
    /// UUID v7.
    pub id: String,
    /// When (UTC).
    pub occurred_at: NaiveDateTime,
    /// The user or API key that acted.
    pub actor_id: Option<String>,
    /// `user`, `api_key`, `anonymous` or `system`.
    pub actor_kind: String,
    /// What happened.
    pub action: String,
    /// The kind of record.
    pub record_type: String,
    /// The record.
    pub record_id: Option<String>,
    /// JSON before.
    pub before_json: Option<String>,
    /// JSON after.
    pub after_json: Option<String>,
    /// Client address.
    pub client_ip: Option<String>,
    /// Request id.
    pub request_id: Option<String>,
}

/// Writes one event; call it inside the transaction of the change.
pub fn record(
    conn: &mut DbConnection,
    who: Who<'_>,
    meta: &RequestMeta,
    event: Event<'_>,
) -> QueryResult<()> {
    let (actor_id, actor_kind) = who.parts();
    let row = AuditRow {
        id: new_id(),
        occurred_at: sonla_db::now(),
        actor_id,
        actor_kind: actor_kind.to_owned(),
        action: event.action.to_owned(),
        record_type: event.record_type.to_owned(),
        record_id: event.record_id.map(str::to_owned),
        before_json: event.before.map(|v| v.to_string()),
        after_json: event.after.map(|v| v.to_string()),
        client_ip: meta.client_ip.clone(),
        request_id: meta.request_id.clone(),
    };
    diesel::insert_into(audit_log::table)
        .values(&row)
        .execute(conn)?;
    Ok(())
}

/// Filters of the audit list.
#[derive(Debug, Clone, Default, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListAuditQuery {
    /// Page size, 1 to 100 (default 20).
    #[validate(range(min = 1, max = 100))]
    #[param(minimum = 1, maximum = 100, default = 20)]
    pub limit: Option<u32>,
    /// `next_cursor` of the previous page.
    #[validate(length(max = 512))]
    #[param(max_length = 512)]
    pub cursor: Option<String>,
    /// Only events of this user or API key.
    #[validate(length(max = 36))]
    #[param(max_length = 36)]
    pub actor_id: Option<String>,
    /// Only this action, such as `auth.login_failed`.
    #[validate(length(max = 64))]
    #[param(max_length = 64)]
    pub action: Option<String>,
    /// Only records of this type, such as `user`.
    #[validate(length(max = 64))]
    #[param(max_length = 64)]
    pub record_type: Option<String>,
    /// Only this record.
    #[validate(length(max = 36))]
    #[param(max_length = 36)]
    pub record_id: Option<String>,
    /// Only events at or after this time (RFC 3339).
    pub from: Option<DateTime<Utc>>,
    /// Only events before this time (RFC 3339).
    pub to: Option<DateTime<Utc>>,
}

/// An audit entry.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AuditEntryResponse {
    /// Id (UUID v7).
    #[schema(format = Uuid, max_length = 36)]
    pub id: String,
    /// When it happened (UTC).
    pub occurred_at: DateTime<Utc>,
    /// The user or API key that acted.
    #[schema(format = Uuid, max_length = 36)]
    pub actor_id: Option<String>,
    /// Who acted.
    pub actor_kind: ActorKind,
    /// What happened.
    #[schema(max_length = 64)]
    pub action: String,
    /// The kind of record.
    #[schema(max_length = 64)]
    pub record_type: String,
    /// The record.
    #[schema(format = Uuid, max_length = 36)]
    pub record_id: Option<String>,
    /// The record before the change.
    pub before: Option<serde_json::Value>,
    /// The record after the change.
    pub after: Option<serde_json::Value>,
    /// The client's address.
    #[schema(max_length = 64)]
    pub client_ip: Option<String>,
    /// The request id.
    #[schema(max_length = 64)]
    pub request_id: Option<String>,
}

impl From<AuditRow> for AuditEntryResponse {
    fn from(row: AuditRow) -> Self {
        let parse = |json: Option<String>| json.and_then(|j| serde_json::from_str(&j).ok());
        Self {
            id: row.id,
            occurred_at: row.occurred_at.and_utc(),
            actor_id: row.actor_id,
            actor_kind: ActorKind::parse(&row.actor_kind).unwrap_or(ActorKind::System),
            action: row.action,
            record_type: row.record_type,
            record_id: row.record_id,
            before: parse(row.before_json),
            after: parse(row.after_json),
            client_ip: row.client_ip,
            request_id: row.request_id,
        }
    }
}

/// Lists events, newest first; admins only.
#[tracing::instrument(skip_all)]
pub async fn list_events(
    pool: &DbPool,
    actor: Actor,
    query: ListAuditQuery,
) -> Result<Page<AuditRow>, CommonError> {
    if !actor.is_admin() {
        return Err(CommonError::forbidden(
            "Chỉ quản trị viên được xem nhật ký",
            "Only administrators read the audit log",
        ));
    }
    let request =
        PageRequest::<(NaiveDateTime, String)>::decode(query.limit, query.cursor.as_deref())?;
    pool.run(move |conn| {
        use audit_log::dsl as a;
        let mut q = a::audit_log.select(AuditRow::as_select()).into_boxed();
        if let Some(actor_id) = &query.actor_id {
            q = q.filter(a::actor_id.eq(actor_id.clone()));
        }
        if let Some(action) = &query.action {
            q = q.filter(a::action.eq(action.clone()));
        }
        if let Some(record_type) = &query.record_type {
            q = q.filter(a::record_type.eq(record_type.clone()));
        }
        if let Some(record_id) = &query.record_id {
            q = q.filter(a::record_id.eq(record_id.clone()));
        }
        if let Some(from) = query.from {
            q = q.filter(a::occurred_at.ge(from.naive_utc()));
        }
        if let Some(to) = query.to {
            q = q.filter(a::occurred_at.lt(to.naive_utc()));
        }
        if let Some((t, id)) = &request.after {
            q = q.filter(
                a::occurred_at
                    .lt(*t)
                    .or(a::occurred_at.eq(*t).and(a::id.lt(id.clone()))),
            );
        }
        let rows = q
            .order((a::occurred_at.desc(), a::id.desc()))
            .limit(request.fetch_limit())
            .load(conn)?;
        Ok(request.page(rows, |row| (row.occurred_at, row.id.clone())))
    })
    .await
}
