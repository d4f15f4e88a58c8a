//! A search page is read through each database's full-text index, in the order the engine
//! returns matches, so it stops at the page instead of sorting every match.

use diesel::sql_types::Text;
use diesel::{QueryResult, RunQueryDsl};
use sonla_db::search::{Query, Scope, Span, WINDOW};
use sonla_db::{Backend, DbConnection};
use sonla_ideas::access::Viewer;
use sonla_ideas::repo::{ListSpec, Order, search_read};
use sonla_test_support::TestDb;

#[derive(diesel::QueryableByName)]
struct PgPlan {
    #[diesel(sql_type = Text, column_name = "QUERY PLAN")]
    line: String,
}

#[derive(diesel::QueryableByName)]
struct SqlitePlan {
    #[diesel(sql_type = Text)]
    detail: String,
}

fn spec(viewer: Viewer) -> ListSpec {
    ListSpec {
        query: Query::parse("khoi nghiep"),
        sector: Some("agriculture"),
        ..ListSpec::new(viewer, Order::Relevance)
    }
}

fn plan(conn: &mut DbConnection, query: &Query, scope: Scope, span: Span) -> QueryResult<String> {
    let spec = spec(Viewer::Anonymous);
    let sql = search_read(conn.backend(), &spec, query, scope, span, 21);
    let lines: Vec<String> = match conn.backend() {
        Backend::Sqlite => {
            let rows: Vec<SqlitePlan> = sql.explain().load(conn)?;
            rows.into_iter().map(|r| r.detail).collect()
        }
        Backend::Postgres => {
            let rows: Vec<PgPlan> = sql.explain().load(conn)?;
            rows.into_iter().map(|r| r.line).collect()
        }
    };
    Ok(lines.join("\n"))
}

#[test]
fn a_search_page_is_read_through_the_full_text_index() {
    let (_db, mut conn) = TestDb::migrated().unwrap();
    if conn.backend() == Backend::Postgres {
        // With sequential scans priced out, only a usable index can avoid one.
        diesel::sql_query("SET enable_seqscan = off")
            .execute(&mut conn)
            .unwrap();
    }

    let query = spec(Viewer::Anonymous).query.unwrap();
    for scope in [Scope::Title, Scope::Elsewhere, Scope::Anywhere] {
        for (before, window) in [None, Some(1_000)].into_iter().flat_map(|before| {
            [None, Some(WINDOW)]
                .into_iter()
                .map(move |window| (before, window))
        }) {
            let span = Span { before, window };
            let plan = plan(&mut conn, &query, scope, span).unwrap();
            match conn.backend() {
                Backend::Sqlite => {
                    // FTS5 drives the join and hands rows over in rowid order: no sorter.
                    let first = plan.lines().next().unwrap_or_default();
                    assert!(first.contains("SCAN f VIRTUAL TABLE"), "{scope:?}:\n{plan}");
                    assert!(!plan.contains("TEMP B-TREE"), "a sort, {scope:?}:\n{plan}");
                    assert!(
                        !plan.contains("SCAN i"),
                        "a scan of ideas, {scope:?}:\n{plan}"
                    );
                }
                Backend::Postgres if window.is_some() => {
                    // The window is the newest documents of the kind, by their order index
                    // (on a large table backwards; on this empty one the planner may sort).
                    assert!(
                        plan.contains("search_documents_order_idx") && !plan.contains("words_idx"),
                        "the window is not read by its order, {scope:?}:\n{plan}"
                    );
                    assert!(!plan.contains("Seq Scan"), "a full scan, {span:?}:\n{plan}");
                }
                Backend::Postgres => {
                    assert!(
                        !plan.contains("Seq Scan"),
                        "a full scan, {scope:?}:\n{plan}"
                    );
                    let index = if scope == Scope::Title {
                        "search_documents_title_words_idx"
                    } else {
                        "search_documents_words_idx"
                    };
                    assert!(
                        plan.contains(index) || plan.contains("search_documents_order_idx"),
                        "the search index is not used, {scope:?}:\n{plan}"
                    );
                }
            }
        }
    }
}
