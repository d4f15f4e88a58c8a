//! `crates/db/src/schema.rs` agrees with the migrated database of the test backend: the same
//! tables and columns, each of the type its diesel type stands for, nullable exactly when the
//! schema says `Nullable<…>`. A migration that adds, drops, retypes or relaxes a column
//! without the schema following (or the reverse) fails here on the backend where it differs.

use std::collections::BTreeMap;

use diesel::sql_types::{Integer, Text};
use diesel::{QueryableByName, RunQueryDsl};
use sonla_db::{Backend, DbConnection, migrations};
use sonla_test_support::TestDb;

/// What a column is: its type (diesel's name in the schema, the database's in the database)
/// and whether it takes `NULL`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Shape {
    ty: String,
    nullable: bool,
}

type Columns = BTreeMap<(String, String), Shape>;

/// The columns `diesel::table!` blocks declare, read from the schema's text.
fn declared(schema: &str) -> Columns {
    let mut columns = Columns::new();
    let mut table: Option<String> = None;
    for line in schema.lines().map(str::trim) {
        if let Some((name, _)) = line.split_once(" (").filter(|_| line.ends_with('{')) {
            table = Some(name.to_owned());
        } else if line == "}" {
            table = None;
        } else if let (Some(table), Some((column, ty))) = (&table, line.split_once(" -> ")) {
            let ty = ty.trim_end_matches(',');
            let (ty, nullable) = ty
                .strip_prefix("Nullable<")
                .and_then(|t| t.strip_suffix('>'))
                .map_or((ty, false), |inner| (inner, true));
            columns.insert(
                (table.clone(), column.to_owned()),
                Shape {
                    ty: ty.to_owned(),
                    nullable,
                },
            );
        }
    }
    columns
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

/// The columns of the migrated database (diesel's own migrations table aside).
fn actual(conn: &mut DbConnection) -> Columns {
    let query = match conn.backend() {
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
    let rows: Vec<DbColumn> = diesel::sql_query(query).load(conn).unwrap();
    rows.into_iter()
        .map(|c| {
            (
                (c.table_name, c.column_name),
                Shape {
                    ty: c.data_type,
                    nullable: c.nullable == 1,
                },
            )
        })
        .collect()
}

/// The database types a diesel type may be stored as on a backend, as the database names them.
fn stored_as(backend: Backend, diesel_type: &str) -> &'static [&'static str] {
    match (backend, diesel_type) {
        (Backend::Sqlite, "Text") => &["TEXT"],
        (Backend::Sqlite, "Integer") => &["INTEGER"],
        (Backend::Sqlite, "BigInt") => &["BIGINT"],
        (Backend::Sqlite, "Bool") => &["BOOLEAN"],
        (Backend::Sqlite, "Double") => &["DOUBLE", "DOUBLE PRECISION", "REAL"],
        (Backend::Sqlite, "Timestamp") => &["TIMESTAMP"],
        (Backend::Sqlite, "Binary") => &["BLOB"],
        (Backend::Postgres, "Text") => &["text"],
        (Backend::Postgres, "Integer") => &["integer"],
        (Backend::Postgres, "BigInt") => &["bigint"],
        (Backend::Postgres, "Bool") => &["boolean"],
        (Backend::Postgres, "Double") => &["double precision"],
        (Backend::Postgres, "Timestamp") => &["timestamp without time zone"],
        (Backend::Postgres, "Binary") => &["bytea"],
        _ => &[],
    }
}

/// Every disagreement between the schema's columns and the database's, one line each.
fn drift(backend: Backend, schema: &Columns, database: &Columns) -> Vec<String> {
    let mut out = Vec::new();
    for ((table, column), want) in schema {
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
        if !schema.contains_key(&(table.clone(), column.clone())) {
            out.push(format!(
                "{table}.{column}: in the database, not in schema.rs"
            ));
        }
    }
    out
}

const SCHEMA: &str = include_str!("../../crates/db/src/schema.rs");

fn migrated() -> (TestDb, DbConnection) {
    let db = TestDb::create().unwrap();
    let mut conn = sonla_db::DbUrl::parse(&db.url).unwrap().connect().unwrap();
    migrations::run_pending(&mut conn).unwrap();
    (db, conn)
}

#[test]
fn the_schema_matches_the_migrated_database() {
    let (db, mut conn) = migrated();
    let schema = declared(SCHEMA);
    assert!(schema.len() > 100, "the schema's columns are read");
    let found = drift(db.backend(), &schema, &actual(&mut conn));
    assert!(
        found.is_empty(),
        "crates/db/src/schema.rs and the migrations disagree on {}:\n{}",
        db.backend().name(),
        found.join("\n")
    );
}

#[test]
fn a_drifted_schema_is_reported_column_by_column() {
    let (db, mut conn) = migrated();
    let altered = SCHEMA
        .replacen(
            "        full_name -> Text,",
            "        full_name -> Nullable<Text>,",
            1,
        )
        .replacen("        locale -> Text,", "        language -> Text,", 1)
        .replacen("        weight -> Double,", "        weight -> Integer,", 1);
    assert_ne!(altered, SCHEMA, "the alterations apply");
    let found = drift(db.backend(), &declared(&altered), &actual(&mut conn));
    let reported = |needle: &str| found.iter().any(|line| line.contains(needle));
    assert!(
        reported("users.full_name: schema.rs says nullable, the database has it NOT NULL"),
        "{found:#?}"
    );
    assert!(
        reported("users.language: in schema.rs, not in the database"),
        "{found:#?}"
    );
    assert!(
        reported("users.locale: in the database, not in schema.rs"),
        "{found:#?}"
    );
    assert!(
        reported("criteria.weight: schema.rs says Integer"),
        "{found:#?}"
    );
    assert_eq!(found.len(), 4, "{found:#?}");
}
