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
    /// Refresh tokens, hashed; a family is one login session, rotated on every refresh.
    refresh_tokens (id) {
        id -> Text,
        family_id -> Text,
        user_id -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    /// Who belongs to an organisation, with an organisation role (owner, manager, member).
    organization_members (organization_id, user_id) {
        organization_id -> Text,
        user_id -> Text,
        role -> Text,
        added_at -> Timestamp,
    }
}

diesel::table! {
    /// Keys of machine clients, hashed; `prefix` finds a key without revealing it.
    api_keys (id) {
        id -> Text,
        name -> Text,
        prefix -> Text,
        secret_hash -> Text,
        scopes -> Text,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
        expires_at -> Nullable<Timestamp>,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    /// Failed logins, counted per account and per client address to throttle guessing.
    login_failures (id) {
        id -> Text,
        scope_key -> Text,
        failed_at -> Timestamp,
    }
}

diesel::table! {
    /// Who did what to which record and when.
    audit_log (id) {
        id -> Text,
        occurred_at -> Timestamp,
        actor_id -> Nullable<Text>,
        actor_kind -> Text,
        action -> Text,
        record_type -> Text,
        record_id -> Nullable<Text>,
        before_json -> Nullable<Text>,
        after_json -> Nullable<Text>,
        client_ip -> Nullable<Text>,
        request_id -> Nullable<Text>,
    }
}

diesel::table! {
    /// Startup ideas and projects.
    ideas (id) {
        id -> Text,
        title -> Text,
        title_key -> Text,
        summary -> Text,
        description -> Nullable<Text>,
        sector -> Text,
        stage -> Text,
        status -> Text,
        visibility -> Text,
        ever_public -> Bool,
        ever_members -> Bool,
        locality -> Nullable<Text>,
        locality_key -> Nullable<Text>,
        former_district -> Nullable<Text>,
        organization_id -> Nullable<Text>,
        tags -> Text,
        ip_kind -> Text,
        ip_numbers -> Text,
        website_url -> Nullable<Text>,
        video_url -> Nullable<Text>,
        pitch_deck_url -> Nullable<Text>,
        funding_need_vnd -> Nullable<BigInt>,
        funding_note -> Nullable<Text>,
        priority -> Nullable<Integer>,
        shortlisted -> Bool,
        officer_note -> Nullable<Text>,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        deleted_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    /// The team of an idea: lead, members and advisors.
    idea_members (idea_id, user_id) {
        idea_id -> Text,
        user_id -> Text,
        role -> Text,
        added_at -> Timestamp,
    }
}

diesel::table! {
    /// Every workflow transition of an idea.
    idea_history (id) {
        id -> Text,
        idea_id -> Text,
        action -> Text,
        from_status -> Text,
        to_status -> Text,
        note -> Nullable<Text>,
        actor_id -> Nullable<Text>,
        occurred_at -> Timestamp,
    }
}

diesel::table! {
    /// Idea competitions.
    competitions (id) {
        id -> Text,
        title -> Text,
        description -> Nullable<Text>,
        audience -> Text,
        tracks -> Text,
        organizer_id -> Nullable<Text>,
        submission_opens_at -> Nullable<Timestamp>,
        submission_closes_at -> Nullable<Timestamp>,
        status -> Text,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// Judging rounds of a competition, in order.
    rounds (id) {
        id -> Text,
        competition_id -> Text,
        position -> Integer,
        name -> Text,
        method -> Text,
        judges_per_entry -> Integer,
        pass_mark -> Nullable<Double>,
        blind -> Bool,
        advance_count -> Nullable<Integer>,
        status -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// What a round scores.
    criteria (id) {
        id -> Text,
        round_id -> Text,
        name -> Text,
        description -> Nullable<Text>,
        weight -> Double,
        max_score -> Double,
        position -> Integer,
    }
}

diesel::table! {
    /// Ideas entered in a competition.
    entries (id) {
        id -> Text,
        competition_id -> Text,
        idea_id -> Text,
        track -> Nullable<Text>,
        status -> Text,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// Which entries a round judges.
    round_entries (round_id, entry_id) {
        round_id -> Text,
        entry_id -> Text,
    }
}

diesel::table! {
    /// Judges of a competition.
    competition_judges (competition_id, user_id) {
        competition_id -> Text,
        user_id -> Text,
        added_at -> Timestamp,
    }
}

diesel::table! {
    /// Declared conflicts of interest.
    conflicts (id) {
        id -> Text,
        competition_id -> Text,
        judge_id -> Text,
        entry_id -> Text,
        kind -> Text,
        note -> Nullable<Text>,
        declared_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// A judge's task: one entry in one round.
    assignments (id) {
        id -> Text,
        round_id -> Text,
        entry_id -> Text,
        judge_id -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// A judge's score sheet for an assignment.
    score_sheets (assignment_id) {
        assignment_id -> Text,
        round_id -> Text,
        status -> Text,
        comment -> Nullable<Text>,
        version -> Integer,
        updated_at -> Timestamp,
        submitted_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    /// The values of a score sheet.
    sheet_scores (assignment_id, criterion_id) {
        assignment_id -> Text,
        criterion_id -> Text,
        value -> Double,
    }
}

diesel::table! {
    /// The frozen leaderboards of a published competition.
    published_results (competition_id) {
        competition_id -> Text,
        snapshot -> Text,
        published_at -> Timestamp,
    }
}

diesel::table! {
    /// Awards of a published competition.
    awards (id) {
        id -> Text,
        competition_id -> Text,
        round_id -> Nullable<Text>,
        title -> Text,
        rank_from -> Nullable<Integer>,
        rank_to -> Nullable<Integer>,
        entry_id -> Nullable<Text>,
        prize_vnd -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// Responses remembered per `Idempotency-Key` and caller (24 hours).
    idempotency_keys (caller, idempotency_key) {
        caller -> Text,
        idempotency_key -> Text,
        request_hash -> Text,
        status -> Nullable<Integer>,
        content_type -> Nullable<Text>,
        location -> Nullable<Text>,
        body -> Nullable<Binary>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(rounds -> competitions (competition_id));
diesel::joinable!(criteria -> rounds (round_id));
diesel::joinable!(entries -> competitions (competition_id));
diesel::joinable!(entries -> ideas (idea_id));
diesel::joinable!(assignments -> entries (entry_id));
diesel::joinable!(assignments -> rounds (round_id));
diesel::joinable!(score_sheets -> assignments (assignment_id));
diesel::joinable!(round_entries -> entries (entry_id));
diesel::joinable!(user_roles -> users (user_id));
diesel::joinable!(idea_members -> ideas (idea_id));
diesel::joinable!(idea_members -> users (user_id));
diesel::joinable!(idea_history -> ideas (idea_id));
diesel::joinable!(ideas -> organizations (organization_id));
diesel::joinable!(refresh_tokens -> users (user_id));
diesel::joinable!(organization_members -> users (user_id));
diesel::joinable!(organization_members -> organizations (organization_id));
diesel::joinable!(organizations -> users (created_by));

diesel::allow_tables_to_appear_in_same_query!(
    users,
    user_roles,
    organizations,
    refresh_tokens,
    organization_members,
    api_keys,
    login_failures,
    audit_log,
    ideas,
    idea_members,
    idea_history,
    competitions,
    rounds,
    criteria,
    entries,
    round_entries,
    competition_judges,
    conflicts,
    assignments,
    score_sheets,
    sheet_scores,
    published_results,
    idempotency_keys,
    awards,
);
