//! The search engines of both backends, fed and queried through `sonla_db::search`.

use diesel::RunQueryDsl;
use diesel::sql_types::Text;
use sonla_db::Backend;
use sonla_db::DbConnection;
use sonla_db::search::{self, Document, Query, Scope, Span};
use sonla_db::sql::{Bind, Sql};
use sonla_test_support::TestDb;

#[derive(diesel::QueryableByName)]
struct Found {
    #[diesel(sql_type = Text)]
    record_id: String,
}

/// The ids of documents of kind `t` matching `q` in `scope`, newest first.
fn found(conn: &mut DbConnection, q: &str, scope: Scope) -> anyhow::Result<Vec<String>> {
    found_in(conn, q, scope, Span::default())
}

/// The ids of documents of kind `t` in `span` matching `q` in `scope`, newest first.
fn found_in(
    conn: &mut DbConnection,
    q: &str,
    scope: Scope,
    span: Span,
) -> anyhow::Result<Vec<String>> {
    let query = Query::parse(q).ok_or_else(|| anyhow::anyhow!("no words in {q}"))?;
    let mut sql = Sql::new(conn.backend());
    let m = search::matching(&mut sql, &["t"], &query, scope, span);
    let limit = sql.bind(Bind::BigInt(1_000));
    sql.push(&format!(
        "SELECT {} AS record_id FROM {} WHERE {} ORDER BY {} DESC LIMIT {limit}",
        m.record_id, m.from, m.condition, m.doc,
    ));
    let rows: Vec<Found> = sql.query().load(conn)?;
    Ok(rows.into_iter().map(|r| r.record_id).collect())
}

/// A fixed Vietnamese corpus: tones, đ/Đ, upper case, words shared across fields, operator
/// words, a hyphen and a decimal point. Indexed in this order, so newest first is reverse.
const CORPUS: [(&str, &str, &[&str]); 7] = [
    (
        "1",
        "Khởi nghiệp nông sản Mộc Châu",
        &["Sấy lạnh mận hậu, đặc sản Sơn La"],
    ),
    (
        "2",
        "Du lịch Tà Xùa",
        &["Homestay và nông sản sạch cho khách"],
    ),
    ("3", "ĐẶC SẢN ĐIỆN BIÊN", &["đường phèn, đậu"]),
    (
        "4",
        "Cà phê Arabica Thuận Châu",
        &["Nông nghiệp công nghệ cao 4.0"],
    ),
    ("5", "Nong trai", &["san xuat"]),
    ("6", "Chè Shan tuyết", &["AND OR NOT NEAR thử nghiệm"]),
    ("7", "Mật ong bạc hà", &["ong-mat, (mật) \"ong\""]),
];

/// Queries and the records they find anywhere, newest first.
const ANYWHERE: [(&str, &[&str]); 17] = [
    ("nong san", &["5", "2", "1"]),
    ("nông s", &["5", "2", "1"]),
    ("NÔNG SẢN", &["5", "2", "1"]),
    ("no", &["6", "5", "4", "2", "1"]),
    ("dac san", &["3", "1"]),
    ("Đặc Sản", &["3", "1"]),
    ("DIEN BIEN", &["3"]),
    ("duong", &["3"]),
    ("4 0", &["4"]),
    ("moc chau", &["1"]),
    ("chau", &["4", "1"]),
    ("cha", &["4", "1"]),
    ("ch", &["6", "4", "2", "1"]),
    ("ong", &["7"]),
    ("nghiep", &["4", "1"]),
    ("nghie", &["6", "4", "1"]),
    ("khong co", &[]),
];

/// Hostile queries: the engines see only their words, so each finds what its words find.
const HOSTILE: [(&str, &str); 14] = [
    ("\"nong\" OR san*", "nong or san"),
    ("not near", "not near"),
    ("NEAR(nong san)", "near nong san"),
    ("nong AND san", "nong and san"),
    ("-nong san", "nong san"),
    ("title:nong", "title nong"),
    ("^nong", "nong"),
    ("nong:* & !san", "nong san"),
    ("nong | san", "nong san"),
    ("nong <-> san", "nong san"),
    ("'nong' \\ san", "nong san"),
    ("{title} : ong", "title ong"),
    ("ong-mat", "ong mat"),
    ("(mật)", "mat"),
];

fn index_corpus(conn: &mut DbConnection) -> anyhow::Result<()> {
    for (id, title, body) in CORPUS {
        search::index(conn, &Document::new("t", id, title, body))?;
    }
    Ok(())
}

#[test]
fn both_engines_find_the_same_records_of_a_vietnamese_corpus() -> anyhow::Result<()> {
    // Arrange
    let (_db, mut conn) = TestDb::migrated()?;
    index_corpus(&mut conn)?;

    // Act and assert
    for (q, want) in ANYWHERE {
        assert_eq!(found(&mut conn, q, Scope::Anywhere)?, want, "q={q}");
    }
    Ok(())
}

#[test]
fn relevance_tiers_split_title_matches_from_the_rest() -> anyhow::Result<()> {
    let (_db, mut conn) = TestDb::migrated()?;
    index_corpus(&mut conn)?;

    assert_eq!(found(&mut conn, "nong san", Scope::Title)?, ["1"]);
    assert_eq!(found(&mut conn, "nong san", Scope::Elsewhere)?, ["5", "2"]);
    assert_eq!(found(&mut conn, "chau", Scope::Title)?, ["4", "1"]);
    assert!(found(&mut conn, "chau", Scope::Elsewhere)?.is_empty());
    // A word in the title and another elsewhere: the second tier.
    assert_eq!(found(&mut conn, "moc say", Scope::Elsewhere)?, ["1"]);
    Ok(())
}

#[test]
fn a_span_reads_below_a_document_and_a_window_only_the_newest() -> anyhow::Result<()> {
    let (_db, mut conn) = TestDb::migrated()?;
    index_corpus(&mut conn)?;
    let number = |conn: &mut DbConnection, id: &str| -> anyhow::Result<i64> {
        let mut sql = Sql::new(conn.backend());
        let id = sql.text(id);
        sql.push(&format!(
            "SELECT CAST(doc AS BIGINT) AS doc FROM search_documents WHERE record_id = {id}"
        ));
        Ok(sql.query().get_result::<Doc>(conn)?.doc)
    };
    let below_2 = Some(number(&mut conn, "2")?);

    for scope in [Scope::Anywhere, Scope::Title] {
        let span = Span {
            before: below_2,
            window: None,
        };
        assert_eq!(
            found_in(&mut conn, "nong san", scope, span)?,
            ["1"],
            "{scope:?}"
        );
    }
    if conn.backend() == Backend::Postgres {
        // The window is the newest three documents (7, 6, 5), then those below 2 (1 alone).
        let window = |before| Span {
            before,
            window: Some(3),
        };
        assert_eq!(
            found_in(&mut conn, "nong san", Scope::Anywhere, window(None))?,
            ["5"]
        );
        assert!(found_in(&mut conn, "nong san", Scope::Title, window(None))?.is_empty());
        assert_eq!(
            found_in(&mut conn, "n", Scope::Anywhere, window(below_2))?,
            ["1"]
        );
    }
    Ok(())
}

#[derive(diesel::QueryableByName)]
struct Doc {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    doc: i64,
}

#[test]
fn query_syntax_is_only_text() -> anyhow::Result<()> {
    let (_db, mut conn) = TestDb::migrated()?;
    index_corpus(&mut conn)?;

    for (hostile, words) in HOSTILE {
        assert_eq!(
            found(&mut conn, hostile, Scope::Anywhere)?,
            found(&mut conn, words, Scope::Anywhere)?,
            "q={hostile}"
        );
        assert_eq!(
            found(&mut conn, hostile, Scope::Elsewhere)?,
            found(&mut conn, words, Scope::Elsewhere)?,
            "q={hostile}"
        );
    }
    assert_eq!(found(&mut conn, "not near", Scope::Anywhere)?, ["6"]);
    assert!(found(&mut conn, "\"nong\" OR san*", Scope::Anywhere)?.is_empty());
    for nothing in ["\"", "*", "()", "-", ":", "^", "' \\ &|!<->", "  "] {
        assert!(Query::parse(nothing).is_none(), "q={nothing}");
    }
    Ok(())
}

#[test]
fn a_record_indexed_again_keeps_its_place_and_a_removed_one_is_gone() -> anyhow::Result<()> {
    let (_db, mut conn) = TestDb::migrated()?;
    index_corpus(&mut conn)?;

    search::index(
        &mut conn,
        &Document::new("t", "2", "Du lịch Sìn Hồ", &["Homestay trên núi"]),
    )?;
    search::remove(&mut conn, "t", "5")?;

    assert!(found(&mut conn, "ta xua", Scope::Anywhere)?.is_empty());
    assert_eq!(found(&mut conn, "sin ho", Scope::Anywhere)?, ["2"]);
    assert_eq!(found(&mut conn, "nong san", Scope::Anywhere)?, ["1"]);
    // Still between 1 and 3 in newest-first order.
    assert_eq!(found(&mut conn, "d", Scope::Anywhere)?, ["3", "2", "1"]);
    assert_eq!(search::document_count(&mut conn)?, 6);
    Ok(())
}

#[test]
fn a_bulk_load_finds_what_one_by_one_finds() -> anyhow::Result<()> {
    let (_db, mut one) = TestDb::migrated()?;
    index_corpus(&mut one)?;
    let (_db2, mut bulk) = TestDb::migrated()?;
    let documents: Vec<Document> = CORPUS
        .iter()
        .map(|(id, title, body)| Document::new("t", id, title, body))
        .collect();

    assert_eq!(search::index_many(&mut bulk, &documents)?, 7);

    for (q, want) in ANYWHERE {
        assert_eq!(found(&mut bulk, q, Scope::Anywhere)?, want, "q={q}");
        assert_eq!(
            found(&mut bulk, q, Scope::Title)?,
            found(&mut one, q, Scope::Title)?,
            "q={q}"
        );
    }
    // A document indexed after a bulk load is numbered after it.
    search::index(&mut bulk, &Document::new("t", "8", "Nông sản mới", &[]))?;
    assert_eq!(found(&mut bulk, "nong san", Scope::Title)?, ["8", "1"]);
    Ok(())
}
