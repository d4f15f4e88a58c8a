//! Search is served by an index on both backends, not by scanning the table.

use diesel::RunQueryDsl;
use diesel::sql_types::Text;
use sonla_db::DbConnection;
use sonla_test_support::TestDb;

/// The range scan each search word becomes (see `sonla_db::search` and the ideas repo).
const WORD_QUERY: &str = "SELECT record_id, MAX(weight) AS w FROM search_tokens \
                          WHERE kind = 'idea' AND token >= 'khoi' AND token < 'khoj' GROUP BY record_id";

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

#[test]
fn a_search_word_is_a_range_scan_of_the_token_index() {
    let db = TestDb::create().unwrap();
    let mut conn = sonla_db::DbUrl::parse(&db.url).unwrap().connect().unwrap();
    sonla_db::migrations::run_pending(&mut conn).unwrap();

    let plan = match &mut conn {
        DbConnection::Sqlite(c) => {
            let rows: Vec<SqlitePlan> =
                diesel::sql_query(format!("EXPLAIN QUERY PLAN {WORD_QUERY}"))
                    .load(c)
                    .unwrap();
            rows.into_iter()
                .map(|r| r.detail)
                .collect::<Vec<_>>()
                .join("\n")
        }
        DbConnection::Pg(c) => {
            // With sequential scans priced out, only a usable index can avoid one.
            diesel::sql_query("SET enable_seqscan = off")
                .execute(c)
                .unwrap();
            let rows: Vec<PgPlan> = diesel::sql_query(format!("EXPLAIN {WORD_QUERY}"))
                .load(c)
                .unwrap();
            rows.into_iter()
                .map(|r| r.line)
                .collect::<Vec<_>>()
                .join("\n")
        }
    };

    assert!(
        !plan.contains("SCAN search_tokens") && !plan.contains("Seq Scan"),
        "full scan:\n{plan}"
    );
    assert!(
        plan.contains("search_tokens_pkey") || plan.contains("PRIMARY KEY"),
        "no key range scan:\n{plan}"
    );
}
