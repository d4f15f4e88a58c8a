//! `src/schema.rs` agrees with the migrated database of the test backend (SQLite, or
//! PostgreSQL when `TEST_DATABASE_URL` is set): the same tables and columns, each of the type
//! its diesel type stands for, nullable exactly when the schema says `Nullable<…>`. A
//! migration that adds, drops, retypes or relaxes a column without the schema following (or
//! the reverse) fails here on the backend where it differs, with every disagreement in one
//! message.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::Context;
use diesel::sql_types::{Integer, Text};
use diesel::{QueryableByName, RunQueryDsl};
use sonla_db::{Backend, DbConnection};
use sonla_test_support::TestDb;

/// The schema as the app compiles it, read as text.
const SCHEMA: &str = include_str!("../src/schema.rs");

/// What a column is: its type (diesel's name in the schema, the database's in the database)
/// and whether it takes `NULL`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Shape {
    ty: String,
    nullable: bool,
}

/// Columns by `(table, column)`.
type Columns = BTreeMap<(String, String), Shape>;

/// The tables and columns of the `diesel::table!` blocks of a schema's text.
///
/// A block opens with `name (primary key) {` and lists `column -> Type,` lines; a
/// `#[sql_name = "…"]` line names the next column as the database does.
fn declared(schema: &str) -> (BTreeSet<String>, Columns) {
    let (mut tables, mut columns) = (BTreeSet::new(), Columns::new());
    let mut table: Option<String> = None;
    let mut sql_name: Option<String> = None;
    for line in schema.lines().map(str::trim) {
        if let Some((name, _)) = line.split_once(" (").filter(|_| line.ends_with('{')) {
            tables.insert(name.to_owned());
            table = Some(name.to_owned());
        } else if line == "}" {
            table = None;
        } else if let Some(name) = line
            .strip_prefix("#[sql_name = \"")
            .and_then(|rest| rest.strip_suffix("\"]"))
        {
            sql_name = Some(name.to_owned());
        } else if let (Some(table), Some((column, ty))) = (&table, line.split_once(" -> ")) {
            let ty = ty.trim_end_matches(',');
            let (ty, nullable) = ty
                .strip_prefix("Nullable<")
                .and_then(|t| t.strip_suffix('>'))
                .map_or((ty, false), |inner| (inner, true));
            let column = sql_name.take().unwrap_or_else(|| column.to_owned());
            columns.insert(
                (table.clone(), column),
                Shape {
                    ty: ty.to_owned(),
                    nullable,
                },
            );
        }
    }
    (tables, columns)
}

#[derive(QueryableByName)]
struct DbColumn {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Text)]
    data_type: String,
    #[diesel(sql_type = Integer)]
    nullable: i32,
}

/// Whether a table belongs to the search engines, which `sonla_db::search` reads and writes
/// in raw SQL because diesel has no type for their columns (`tsvector`, FTS5's tables and
/// their shadow tables); `search.rs` in `tests/api` covers them on both backends.
fn is_search_engine_table(name: &str) -> bool {
    name == "search_documents"
        || name.starts_with("search_fts")
        || name.starts_with("search_titles")
}

/// The columns of the migrated database, diesel's own migrations table and the search
/// engines' tables aside.
fn actual(conn: &mut DbConnection) -> anyhow::Result<Columns> {
    let query = match conn.backend() {
        // `type` is the type as the migration declared it.
        Backend::Sqlite => {
            "SELECT m.name AS table_name, c.name AS column_name, c.type AS data_type, \
             CASE WHEN c.\"notnull\" = 1 THEN 0 ELSE 1 END AS nullable \
             FROM sqlite_master m JOIN pragma_table_info(m.name) c \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' \
             AND m.name <> '__diesel_schema_migrations'"
        }
        Backend::Postgres => {
            "SELECT table_name::text AS table_name, column_name::text AS column_name, \
             data_type::text AS data_type, \
             CASE WHEN is_nullable = 'YES' THEN 1 ELSE 0 END AS nullable \
             FROM information_schema.columns \
             WHERE table_schema = 'public' AND table_name <> '__diesel_schema_migrations'"
        }
    };
    let rows: Vec<DbColumn> = diesel::sql_query(query)
        .load(conn)
        .context("reading the database's columns")?;
    Ok(rows
        .into_iter()
        .filter(|c| !is_search_engine_table(&c.table_name))
        .map(|c| {
            (
                (c.table_name, c.column_name),
                Shape {
                    ty: c.data_type,
                    nullable: c.nullable == 1,
                },
            )
        })
        .collect())
}

/// The database types a diesel type may be stored as on a backend, as the database names
/// them (SQLite: the declared type; PostgreSQL: `information_schema`'s `data_type`). These are
/// the types diesel reads as that SQL type; any other is drift, an unknown diesel type too.
fn stored_as(backend: Backend, diesel_type: &str) -> &'static [&'static str] {
    match (backend, diesel_type) {
        (Backend::Sqlite, "Text") => &["TEXT"],
        (Backend::Sqlite, "Integer") => &["INTEGER"],
        (Backend::Sqlite, "BigInt") => &["BIGINT"],
        (Backend::Sqlite, "Bool") => &["BOOLEAN"],
        (Backend::Sqlite, "Double") => &["DOUBLE PRECISION", "DOUBLE", "REAL"],
        (Backend::Sqlite, "Timestamp") => &["TIMESTAMP"],
        (Backend::Sqlite, "Binary") => &["BLOB"],
        (Backend::Postgres, "Text") => &["text", "character varying"],
        (Backend::Postgres, "Integer") => &["integer"],
        (Backend::Postgres, "BigInt") => &["bigint"],
        (Backend::Postgres, "Bool") => &["boolean"],
        (Backend::Postgres, "Double") => &["double precision"],
        (Backend::Postgres, "Timestamp") => &["timestamp without time zone"],
        (Backend::Postgres, "Binary") => &["bytea"],
        _ => &[],
    }
}

/// Every disagreement between the schema's tables and columns and the database's, one line
/// each: a table on one side only is one line, not one per column.
fn drift(
    backend: Backend,
    schema: &(BTreeSet<String>, Columns),
    database: &Columns,
) -> Vec<String> {
    let (schema_tables, schema) = schema;
    let database_tables: BTreeSet<String> = database.keys().map(|(t, _)| t.clone()).collect();
    let mut out = Vec::new();
    for table in schema_tables.difference(&database_tables) {
        out.push(format!("table {table}: in schema.rs, not in the database"));
    }
    for table in database_tables.difference(schema_tables) {
        out.push(format!("table {table}: in the database, not in schema.rs"));
    }
    for ((table, column), want) in schema {
        if !database_tables.contains(table) {
            continue;
        }
        let Some(have) = database.get(&(table.clone(), column.clone())) else {
            out.push(format!(
                "{table}.{column}: in schema.rs, not in the database"
            ));
            continue;
        };
        let types = stored_as(backend, &want.ty);
        if !types.iter().any(|t| t.eq_ignore_ascii_case(&have.ty)) {
            out.push(format!(
                "{table}.{column}: schema.rs says {}, the database has {}",
                want.ty, have.ty
            ));
        }
        if want.nullable != have.nullable {
            let says = |nullable: bool| if nullable { "nullable" } else { "NOT NULL" };
            out.push(format!(
                "{table}.{column}: schema.rs says {}, the database has it {}",
                says(want.nullable),
                says(have.nullable)
            ));
        }
    }
    for (table, column) in database.keys() {
        if schema_tables.contains(table) && !schema.contains_key(&(table.clone(), column.clone())) {
            out.push(format!(
                "{table}.{column}: in the database, not in schema.rs"
            ));
        }
    }
    out
}

#[test]
fn the_schema_matches_the_migrated_database() -> anyhow::Result<()> {
    // Arrange
    let (db, mut conn) = TestDb::migrated()?;
    let schema = declared(SCHEMA);
    assert_eq!(
        schema.0.len(),
        SCHEMA.matches("diesel::table! {").count(),
        "every table! block is read"
    );
    assert!(schema.1.len() > 100, "the schema's columns are read");

    // Act
    let found = drift(db.backend(), &schema, &actual(&mut conn)?);

    // Assert
    assert!(
        found.is_empty(),
        "crates/db/src/schema.rs and the migrations disagree on {}:\n{}",
        db.backend().name(),
        found.join("\n")
    );
    Ok(())
}

#[test]
fn a_drifted_schema_is_reported_column_by_column() -> anyhow::Result<()> {
    // Arrange: one nullability flipped, one column renamed, one type changed, one table
    // renamed.
    let (db, mut conn) = TestDb::migrated()?;
    let altered = SCHEMA
        .replacen(
            "        full_name -> Text,",
            "        full_name -> Nullable<Text>,",
            1,
        )
        .replacen("        locale -> Text,", "        language -> Text,", 1)
        .replacen("        weight -> Double,", "        weight -> Integer,", 1)
        .replacen("    login_failures (id) {", "    login_attempts (id) {", 1);
    for (from, to) in [
        ("full_name -> Text", "full_name -> Nullable<Text>"),
        ("locale -> Text", "language -> Text"),
        ("weight -> Double", "weight -> Integer"),
        ("login_failures (id)", "login_attempts (id)"),
    ] {
        assert_eq!(
            altered.matches(to).count(),
            SCHEMA.matches(to).count() + 1,
            "the alteration {from} => {to} applies"
        );
    }

    // Act
    let found = drift(db.backend(), &declared(&altered), &actual(&mut conn)?);

    // Assert
    let reported = |needle: &str| found.iter().any(|line| line.contains(needle));
    for needle in [
        "users.full_name: schema.rs says nullable, the database has it NOT NULL",
        "users.language: in schema.rs, not in the database",
        "users.locale: in the database, not in schema.rs",
        "criteria.weight: schema.rs says Integer, the database has ",
        "table login_attempts: in schema.rs, not in the database",
        "table login_failures: in the database, not in schema.rs",
    ] {
        assert!(reported(needle), "{needle} is missing from {found:#?}");
    }
    assert_eq!(found.len(), 6, "nothing else is reported: {found:#?}");
    Ok(())
}
