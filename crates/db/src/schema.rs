//! The schema of both backends, kept by hand with portable column types only.
//!
//! Ids are UUID v7 strings, times are UTC `Timestamp`s set from Rust, and text that is sorted
//! or range-scanned (`*_key`, `token`) is compared byte-wise on both backends.

diesel::table! {
    /// People with an account.
    users (id) {
        id -> Text,
        email -> Text,
        password_hash -> Text,
        full_name -> Text,
        phone -> Nullable<Text>,
        locale -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// Global roles held by users; every user has `member`.
    user_roles (user_id, role) {
        user_id -> Text,
        role -> Text,
        granted_at -> Timestamp,
    }
}

diesel::table! {
    /// Universities, clubs, businesses, cooperatives, incubators, funds, agencies, …
    organizations (id) {
        id -> Text,
        name -> Text,
        name_key -> Text,
        kind -> Text,
        short_description -> Nullable<Text>,
        website -> Nullable<Text>,
        contact_email -> Nullable<Text>,
        contact_phone -> Nullable<Text>,
        address -> Nullable<Text>,
        locality -> Nullable<Text>,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// The search index shared by every domain: one row per folded word of a record.
    search_tokens (kind, token, record_id) {
        kind -> Text,
        token -> Text,
        record_id -> Text,
    }
}

diesel::joinable!(user_roles -> users (user_id));
diesel::joinable!(organizations -> users (created_by));

diesel::allow_tables_to_appear_in_same_query!(users, user_roles, organizations, search_tokens);
