//! Queries of the competitions tables, and of no others: what competitions need of ideas,
//! users and organisations they read through `sonla_db::lookup` and `sonla_authz`.

use std::collections::BTreeSet;

use chrono::NaiveDateTime;
use diesel::connection::DefaultLoadingMode;
use diesel::pg::PgRowByRowLoadingMode;
use diesel::prelude::*;
use sonla_core::{AssignmentId, CompetitionId, CriterionId, EntryId, IdeaId, RoundId, UserId};
use sonla_db::schema::{
    assignments, awards, competition_judges, competitions, conflicts, criteria, entries,
    published_results, round_entries, rounds, score_sheets, sheet_scores,
};
use sonla_db::{DbConnection, insert_batches};

use crate::model::{
    Assignment, AwardRow, Competition, ConflictRow, CriterionRow, Entry, Round, SheetRow,
};

/// One competition.
pub fn find_competition(
    conn: &mut DbConnection,
    id: &CompetitionId,
) -> QueryResult<Option<Competition>> {
    competitions::table
        .find(id)
        .select(Competition::as_select())
        .first(conn)
        .optional()
}

/// Stores a new competition.
pub fn insert_competition(conn: &mut DbConnection, row: &Competition) -> QueryResult<()> {
    insert_competitions(conn, std::slice::from_ref(row))
}

/// Stores new competitions in as few statements as the backends allow (demo data).
pub fn insert_competitions(conn: &mut DbConnection, rows: &[Competition]) -> QueryResult<()> {
    insert_batches!(conn, competitions::table, rows, 12).map(|_| ())
}

/// Writes a changed competition.
pub fn save_competition(conn: &mut DbConnection, row: &Competition) -> QueryResult<()> {
    diesel::update(competitions::table.find(&row.id))
        .set(row)
        .execute(conn)
        .map(|_| ())
}

/// A page (plus one) of competitions, newest first; drafts only for staff.
pub fn list_competitions(
    conn: &mut DbConnection,
    with_drafts: bool,
    after: Option<&(NaiveDateTime, CompetitionId)>,
    limit: i64,
) -> QueryResult<Vec<Competition>> {
    use competitions::dsl as c;
    let mut query = c::competitions
        .select(Competition::as_select())
        .into_boxed();
    if !with_drafts {
        query = query.filter(c::status.ne("draft"));
    }
    if let Some((t, id)) = after {
        query = query.filter(
            c::created_at
                .lt(*t)
                .or(c::created_at.eq(*t).and(c::id.lt(id.clone()))),
        );
    }
    query
        .order((c::created_at.desc(), c::id.desc()))
        .limit(limit)
        .load(conn)
}

/// One round.
pub fn find_round(conn: &mut DbConnection, id: &RoundId) -> QueryResult<Option<Round>> {
    rounds::table
        .find(id)
        .select(Round::as_select())
        .first(conn)
        .optional()
}

/// These rounds, in no particular order.
pub fn rounds_by_ids(conn: &mut DbConnection, ids: &[RoundId]) -> QueryResult<Vec<Round>> {
    rounds::table
        .filter(rounds::id.eq_any(ids))
        .select(Round::as_select())
        .load(conn)
}

/// The rounds of a competition, in order.
pub fn rounds_of(
    conn: &mut DbConnection,
    competition_id: &CompetitionId,
) -> QueryResult<Vec<Round>> {
    rounds::table
        .filter(rounds::competition_id.eq(competition_id))
        .select(Round::as_select())
        .order(rounds::position.asc())
        .load(conn)
}

/// Stores a round with its criteria.
pub fn insert_round(
    conn: &mut DbConnection,
    round: &Round,
    criteria_rows: &[CriterionRow],
) -> QueryResult<()> {
    insert_rounds(conn, std::slice::from_ref(round))?;
    insert_criteria(conn, criteria_rows)
}

/// Stores rounds (their criteria apart, [`insert_criteria`]).
pub fn insert_rounds(conn: &mut DbConnection, rows: &[Round]) -> QueryResult<()> {
    insert_batches!(conn, rounds::table, rows, 11).map(|_| ())
}

/// Stores criteria of rounds.
pub fn insert_criteria(conn: &mut DbConnection, rows: &[CriterionRow]) -> QueryResult<()> {
    insert_batches!(conn, criteria::table, rows, 7).map(|_| ())
}

/// Sets a round's status.
pub fn set_round_status(conn: &mut DbConnection, id: &RoundId, status: &str) -> QueryResult<()> {
    diesel::update(rounds::table.find(id))
        .set(rounds::status.eq(status))
        .execute(conn)
        .map(|_| ())
}

/// A round's criteria, in order.
pub fn criteria_of(conn: &mut DbConnection, round_id: &RoundId) -> QueryResult<Vec<CriterionRow>> {
    criteria::table
        .filter(criteria::round_id.eq(round_id))
        .select(CriterionRow::as_select())
        .order((criteria::position.asc(), criteria::id.asc()))
        .load(conn)
}

/// The criteria of these rounds, each round's in order.
pub fn criteria_of_rounds(
    conn: &mut DbConnection,
    round_ids: &[RoundId],
) -> QueryResult<Vec<CriterionRow>> {
    criteria::table
        .filter(criteria::round_id.eq_any(round_ids))
        .select(CriterionRow::as_select())
        .order((
            criteria::round_id.asc(),
            criteria::position.asc(),
            criteria::id.asc(),
        ))
        .load(conn)
}

/// Replaces a round's criteria.
pub fn replace_criteria(
    conn: &mut DbConnection,
    round_id: &RoundId,
    rows: &[CriterionRow],
) -> QueryResult<()> {
    diesel::delete(criteria::table.filter(criteria::round_id.eq(round_id))).execute(conn)?;
    insert_criteria(conn, rows)
}

/// Whether any sheet of the round is submitted (criteria are then frozen).
pub fn any_submitted(conn: &mut DbConnection, round_id: &RoundId) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        score_sheets::table
            .filter(score_sheets::round_id.eq(round_id))
            .filter(score_sheets::status.eq("submitted")),
    ))
    .get_result(conn)
}

/// One entry.
pub fn find_entry(conn: &mut DbConnection, id: &EntryId) -> QueryResult<Option<Entry>> {
    entries::table
        .find(id)
        .select(Entry::as_select())
        .first(conn)
        .optional()
}

/// The entry of an idea in a competition.
pub fn find_entry_of_idea(
    conn: &mut DbConnection,
    competition_id: &CompetitionId,
    idea_id: &IdeaId,
) -> QueryResult<Option<Entry>> {
    entries::table
        .filter(entries::competition_id.eq(competition_id))
        .filter(entries::idea_id.eq(idea_id))
        .select(Entry::as_select())
        .first(conn)
        .optional()
}

/// Stores an entry.
pub fn insert_entry(conn: &mut DbConnection, entry: &Entry) -> QueryResult<()> {
    insert_entries(conn, std::slice::from_ref(entry))
}

/// Stores entries.
pub fn insert_entries(conn: &mut DbConnection, rows: &[Entry]) -> QueryResult<()> {
    insert_batches!(conn, entries::table, rows, 7).map(|_| ())
}

/// Sets an entry's status.
pub fn set_entry_status(conn: &mut DbConnection, id: &EntryId, status: &str) -> QueryResult<()> {
    diesel::update(entries::table.find(id))
        .set(entries::status.eq(status))
        .execute(conn)
        .map(|_| ())
}

/// A competition's entries in the order they came; only those of these ideas when given.
pub fn list_entries(
    conn: &mut DbConnection,
    competition_id: &CompetitionId,
    of_ideas: Option<&[IdeaId]>,
) -> QueryResult<Vec<Entry>> {
    let mut query = entries::table
        .filter(entries::competition_id.eq(competition_id))
        .select(Entry::as_select())
        .order((entries::created_at.asc(), entries::id.asc()))
        .into_boxed();
    if let Some(ideas) = of_ideas {
        query = query.filter(entries::idea_id.eq_any(ideas.to_vec()));
    }
    query.load(conn)
}

/// These entries, in no particular order.
pub fn entries_by_ids(conn: &mut DbConnection, ids: &[EntryId]) -> QueryResult<Vec<Entry>> {
    entries::table
        .filter(entries::id.eq_any(ids))
        .select(Entry::as_select())
        .load(conn)
}

/// `(entry, idea)` of every entry of a competition.
pub fn entry_ideas(
    conn: &mut DbConnection,
    competition_id: &CompetitionId,
) -> QueryResult<Vec<(EntryId, IdeaId)>> {
    entries::table
        .filter(entries::competition_id.eq(competition_id))
        .select((entries::id, entries::idea_id))
        .order(entries::id.asc())
        .load(conn)
}

/// Active entries of a competition.
pub fn active_entry_ids(
    conn: &mut DbConnection,
    competition_id: &CompetitionId,
) -> QueryResult<Vec<EntryId>> {
    entries::table
        .filter(entries::competition_id.eq(competition_id))
        .filter(entries::status.eq("active"))
        .select(entries::id)
        .order(entries::id.asc())
        .load(conn)
}

/// Puts entries into a round (ignoring those already in it).
pub fn add_round_entries(
    conn: &mut DbConnection,
    round_id: &RoundId,
    entry_ids: &[EntryId],
) -> QueryResult<()> {
    let present: BTreeSet<EntryId> = round_entry_ids(conn, round_id)?.into_iter().collect();
    let pairs: Vec<(RoundId, EntryId)> = entry_ids
        .iter()
        .filter(|e| !present.contains(*e))
        .map(|entry_id| (round_id.clone(), entry_id.clone()))
        .collect();
    insert_round_entries(conn, &pairs)
}

/// Puts `(round, entry)` pairs into rounds (none already there).
pub fn insert_round_entries(
    conn: &mut DbConnection,
    pairs: &[(RoundId, EntryId)],
) -> QueryResult<()> {
    let rows: Vec<_> = pairs
        .iter()
        .map(|(round_id, entry_id)| {
            (
                round_entries::round_id.eq(round_id),
                round_entries::entry_id.eq(entry_id),
            )
        })
        .collect();
    insert_batches!(conn, round_entries::table, &rows, 2).map(|_| ())
}

/// The entries of a round.
pub fn round_entry_ids(conn: &mut DbConnection, round_id: &RoundId) -> QueryResult<Vec<EntryId>> {
    round_entries::table
        .filter(round_entries::round_id.eq(round_id))
        .select(round_entries::entry_id)
        .order(round_entries::entry_id.asc())
        .load(conn)
}

/// Adds a judge.
pub fn insert_judge(
    conn: &mut DbConnection,
    competition_id: &CompetitionId,
    user_id: &UserId,
    now: NaiveDateTime,
) -> QueryResult<()> {
    insert_judges(conn, &[(competition_id.clone(), user_id.clone(), now)])
}

/// Adds `(competition, judge, added at)` judges (none already there).
pub fn insert_judges(
    conn: &mut DbConnection,
    judges: &[(CompetitionId, UserId, NaiveDateTime)],
) -> QueryResult<()> {
    let rows: Vec<_> = judges
        .iter()
        .map(|(competition_id, user_id, added_at)| {
            (
                competition_judges::competition_id.eq(competition_id),
                competition_judges::user_id.eq(user_id),
                competition_judges::added_at.eq(*added_at),
            )
        })
        .collect();
    insert_batches!(conn, competition_judges::table, &rows, 3).map(|_| ())
}

/// The judges, `(user, added at)`, in the order they were added.
pub fn judges(
    conn: &mut DbConnection,
    competition_id: &CompetitionId,
) -> QueryResult<Vec<(UserId, NaiveDateTime)>> {
    competition_judges::table
        .filter(competition_judges::competition_id.eq(competition_id))
        .select((competition_judges::user_id, competition_judges::added_at))
        .order((
            competition_judges::added_at.asc(),
            competition_judges::user_id.asc(),
        ))
        .load(conn)
}

/// Whether the user judges the competition.
pub fn is_judge(
    conn: &mut DbConnection,
    competition_id: &CompetitionId,
    user_id: &UserId,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        competition_judges::table.find((competition_id, user_id)),
    ))
    .get_result(conn)
}

/// Stores a declared conflict.
pub fn insert_conflict(conn: &mut DbConnection, row: &ConflictRow) -> QueryResult<()> {
    insert_conflicts(conn, std::slice::from_ref(row))
}

/// Stores declared conflicts.
pub fn insert_conflicts(conn: &mut DbConnection, rows: &[ConflictRow]) -> QueryResult<()> {
    insert_batches!(conn, conflicts::table, rows, 8).map(|_| ())
}

/// Declared conflicts of a competition.
pub fn declared_conflicts(
    conn: &mut DbConnection,
    competition_id: &CompetitionId,
) -> QueryResult<Vec<ConflictRow>> {
    conflicts::table
        .filter(conflicts::competition_id.eq(competition_id))
        .select(ConflictRow::as_select())
        .order(conflicts::created_at.asc())
        .load(conn)
}

/// One assignment.
pub fn find_assignment(
    conn: &mut DbConnection,
    id: &AssignmentId,
) -> QueryResult<Option<Assignment>> {
    assignments::table
        .find(id)
        .select(Assignment::as_select())
        .first(conn)
        .optional()
}

/// Stores assignments.
pub fn insert_assignments(conn: &mut DbConnection, rows: &[Assignment]) -> QueryResult<()> {
    insert_batches!(conn, assignments::table, rows, 5).map(|_| ())
}

/// An assignment with its round and competition, in one query.
pub fn assignment_in_context(
    conn: &mut DbConnection,
    id: &AssignmentId,
) -> QueryResult<Option<(Assignment, Round, Competition)>> {
    assignments::table
        .inner_join(rounds::table.inner_join(competitions::table))
        .filter(assignments::id.eq(id))
        .select((
            Assignment::as_select(),
            Round::as_select(),
            Competition::as_select(),
        ))
        .first(conn)
        .optional()
}

/// Removes an assignment (and its sheet).
pub fn delete_assignment(conn: &mut DbConnection, id: &AssignmentId) -> QueryResult<()> {
    diesel::delete(sheet_scores::table.filter(sheet_scores::assignment_id.eq(id))).execute(conn)?;
    diesel::delete(score_sheets::table.find(id)).execute(conn)?;
    diesel::delete(assignments::table.find(id))
        .execute(conn)
        .map(|_| ())
}

/// A round's assignments with their sheet status.
pub fn round_assignments(
    conn: &mut DbConnection,
    round_id: &RoundId,
) -> QueryResult<Vec<(Assignment, Option<String>)>> {
    assignments::table
        .left_join(score_sheets::table)
        .filter(assignments::round_id.eq(round_id))
        .select((Assignment::as_select(), score_sheets::status.nullable()))
        .order((assignments::entry_id.asc(), assignments::judge_id.asc()))
        .load(conn)
}

/// A judge's assignments with their sheets.
pub fn judge_assignments(
    conn: &mut DbConnection,
    judge_id: &UserId,
    after: Option<&AssignmentId>,
    limit: i64,
) -> QueryResult<Vec<(Assignment, Option<SheetRow>)>> {
    let mut query = assignments::table
        .left_join(score_sheets::table)
        .filter(assignments::judge_id.eq(judge_id))
        .select((Assignment::as_select(), Option::<SheetRow>::as_select()))
        .order(assignments::id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(after) = after {
        query = query.filter(assignments::id.gt(after.clone()));
    }
    query.load(conn)
}

/// One sheet.
pub fn find_sheet(
    conn: &mut DbConnection,
    assignment_id: &AssignmentId,
) -> QueryResult<Option<SheetRow>> {
    score_sheets::table
        .find(assignment_id)
        .select(SheetRow::as_select())
        .first(conn)
        .optional()
}

/// Writes a sheet (new or changed).
pub fn save_sheet(conn: &mut DbConnection, row: &SheetRow, exists: bool) -> QueryResult<()> {
    if exists {
        diesel::update(score_sheets::table.find(&row.assignment_id))
            .set(row)
            .execute(conn)
            .map(|_| ())
    } else {
        insert_sheets(conn, std::slice::from_ref(row))
    }
}

/// Stores new sheets (their values apart, [`insert_values`]).
pub fn insert_sheets(conn: &mut DbConnection, rows: &[SheetRow]) -> QueryResult<()> {
    insert_batches!(conn, score_sheets::table, rows, 7).map(|_| ())
}

/// A sheet's values.
pub fn sheet_values(
    conn: &mut DbConnection,
    assignment_id: &AssignmentId,
) -> QueryResult<Vec<(CriterionId, f64)>> {
    sheet_scores::table
        .filter(sheet_scores::assignment_id.eq(assignment_id))
        .select((sheet_scores::criterion_id, sheet_scores::value))
        .order(sheet_scores::criterion_id.asc())
        .load(conn)
}

/// Replaces a sheet's values: one statement removes the old ones, one writes the new.
pub fn replace_values(
    conn: &mut DbConnection,
    assignment_id: &AssignmentId,
    values: &[(CriterionId, f64)],
) -> QueryResult<()> {
    diesel::delete(sheet_scores::table.filter(sheet_scores::assignment_id.eq(assignment_id)))
        .execute(conn)?;
    let values: Vec<_> = values
        .iter()
        .map(|(criterion_id, value)| (assignment_id, criterion_id, *value))
        .collect();
    insert_values(conn, &values)
}

/// Stores `(sheet, criterion, value)` values of sheets (none already there), in one
/// statement per batch.
pub fn insert_values(
    conn: &mut DbConnection,
    values: &[(&AssignmentId, &CriterionId, f64)],
) -> QueryResult<()> {
    let rows: Vec<_> = values
        .iter()
        .map(|(assignment_id, criterion_id, value)| {
            (
                sheet_scores::assignment_id.eq(*assignment_id),
                sheet_scores::criterion_id.eq(*criterion_id),
                sheet_scores::value.eq(*value),
            )
        })
        .collect();
    insert_batches!(conn, sheet_scores::table, &rows, 3).map(|_| ())
}

/// Every value of the round's submitted sheets, `(entry, judge, criterion, value)`, handed to
/// `each` as the rows are read, so the 200,000 values of a large round are never held at once
/// (as a `Vec` of tuples they took 42 MiB; BENCHMARKS.md). SQLite steps row by row; PostgreSQL
/// is asked for row-by-row mode too, as libpq otherwise receives the whole result before the
/// first row (36 MiB for that round). The values of one sheet come one after another in
/// practice (the join reads a sheet's scores together), which callers may use but not rely on.
pub fn each_submitted_value(
    conn: &mut DbConnection,
    round_id: &RoundId,
    mut each: impl FnMut(String, String, String, f64),
) -> QueryResult<()> {
    type Value = (String, String, String, f64);
    let query = score_sheets::table
        .inner_join(assignments::table)
        .inner_join(
            sheet_scores::table.on(sheet_scores::assignment_id.eq(score_sheets::assignment_id)),
        )
        .filter(score_sheets::round_id.eq(round_id))
        .filter(score_sheets::status.eq("submitted"))
        .select((
            assignments::entry_id,
            assignments::judge_id,
            sheet_scores::criterion_id,
            sheet_scores::value,
        ));
    let mut take = |row: QueryResult<Value>| -> QueryResult<()> {
        let (entry, judge, criterion, value) = row?;
        each(entry, judge, criterion, value);
        Ok(())
    };
    match conn {
        DbConnection::Pg(c) => query
            .load_iter::<Value, PgRowByRowLoadingMode>(c)?
            .try_for_each(&mut take),
        DbConnection::Sqlite(c) => query
            .load_iter::<Value, DefaultLoadingMode>(c)?
            .try_for_each(&mut take),
    }
}

/// Submitted comments of an entry in a round: `(judge, comment)`.
pub fn comments(
    conn: &mut DbConnection,
    round_id: &RoundId,
    entry_id: &EntryId,
) -> QueryResult<Vec<(String, Option<String>)>> {
    score_sheets::table
        .inner_join(assignments::table)
        .filter(score_sheets::round_id.eq(round_id))
        .filter(assignments::entry_id.eq(entry_id))
        .filter(score_sheets::status.eq("submitted"))
        .select((assignments::judge_id, score_sheets::comment))
        .order(assignments::judge_id.asc())
        .load(conn)
}

/// How many assignments of the competition lack a submitted sheet.
pub fn unsubmitted_count(
    conn: &mut DbConnection,
    competition_id: &CompetitionId,
) -> QueryResult<i64> {
    assignments::table
        .inner_join(rounds::table)
        .left_join(score_sheets::table)
        .filter(rounds::competition_id.eq(competition_id))
        .filter(
            score_sheets::status
                .is_null()
                .or(score_sheets::status.ne("submitted")),
        )
        .count()
        .get_result(conn)
}

/// Stores the published snapshot.
pub fn insert_results(
    conn: &mut DbConnection,
    competition_id: &CompetitionId,
    snapshot: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(published_results::table)
        .values((
            published_results::competition_id.eq(competition_id),
            published_results::snapshot.eq(snapshot),
            published_results::published_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

/// The published snapshot.
pub fn find_results(
    conn: &mut DbConnection,
    competition_id: &CompetitionId,
) -> QueryResult<Option<String>> {
    published_results::table
        .find(competition_id)
        .select(published_results::snapshot)
        .first(conn)
        .optional()
}

/// Stores an award.
pub fn insert_award(conn: &mut DbConnection, row: &AwardRow) -> QueryResult<()> {
    insert_awards(conn, std::slice::from_ref(row))
}

/// Stores awards.
pub fn insert_awards(conn: &mut DbConnection, rows: &[AwardRow]) -> QueryResult<()> {
    insert_batches!(conn, awards::table, rows, 9).map(|_| ())
}

/// A competition's awards.
pub fn awards_of(
    conn: &mut DbConnection,
    competition_id: &CompetitionId,
) -> QueryResult<Vec<AwardRow>> {
    awards::table
        .filter(awards::competition_id.eq(competition_id))
        .select(AwardRow::as_select())
        .order(awards::created_at.asc())
        .load(conn)
}

/// How many rounds a competition has.
pub fn count_rounds(conn: &mut DbConnection, competition_id: &CompetitionId) -> QueryResult<i64> {
    rounds::table
        .filter(rounds::competition_id.eq(competition_id))
        .count()
        .get_result(conn)
}

/// How many entries a competition has (withdrawn ones included: they keep their place in
/// the history).
pub fn count_entries(conn: &mut DbConnection, competition_id: &CompetitionId) -> QueryResult<i64> {
    entries::table
        .filter(entries::competition_id.eq(competition_id))
        .count()
        .get_result(conn)
}

/// How many judges a competition has.
pub fn count_judges(conn: &mut DbConnection, competition_id: &CompetitionId) -> QueryResult<i64> {
    competition_judges::table
        .filter(competition_judges::competition_id.eq(competition_id))
        .count()
        .get_result(conn)
}

/// How many conflicts are declared in a competition.
pub fn count_conflicts(
    conn: &mut DbConnection,
    competition_id: &CompetitionId,
) -> QueryResult<i64> {
    conflicts::table
        .filter(conflicts::competition_id.eq(competition_id))
        .count()
        .get_result(conn)
}

/// How many awards a competition has.
pub fn count_awards(conn: &mut DbConnection, competition_id: &CompetitionId) -> QueryResult<i64> {
    awards::table
        .filter(awards::competition_id.eq(competition_id))
        .count()
        .get_result(conn)
}

/// How many judges an entry has in a round.
pub fn count_entry_judges(
    conn: &mut DbConnection,
    round_id: &RoundId,
    entry_id: &EntryId,
) -> QueryResult<i64> {
    assignments::table
        .filter(assignments::round_id.eq(round_id))
        .filter(assignments::entry_id.eq(entry_id))
        .count()
        .get_result(conn)
}
