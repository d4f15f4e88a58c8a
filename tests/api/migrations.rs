//! Migrations run up, down and up again on the test backend.

use diesel::{QueryDsl, RunQueryDsl};
use sonla_db::migrations;
use sonla_db::schema::organizations;
use sonla_test_support::TestDb;

fn count_organizations(conn: &mut sonla_db::DbConnection) -> diesel::QueryResult<i64> {
    organizations::table.count().get_result(conn)
}

#[test]
fn all_up_all_down_all_up_again() {
    let db = TestDb::create().unwrap();
    let url = sonla_db::DbUrl::parse(&db.url).unwrap();
    let mut conn = url.connect().unwrap();
    let expected = migrations::names(db.backend()).unwrap();

    let applied = migrations::run_pending(&mut conn).unwrap();
    assert_eq!(applied, expected);
    assert_eq!(count_organizations(&mut conn).unwrap(), 0);
    assert!(migrations::pending(&mut conn).unwrap().is_empty());

    let reverted = migrations::revert_all(&mut conn).unwrap();
    assert_eq!(reverted, expected.iter().rev().cloned().collect::<Vec<_>>());
    assert!(
        count_organizations(&mut conn).is_err(),
        "the tables are gone"
    );

    let again = migrations::run_pending(&mut conn).unwrap();
    assert_eq!(again, expected);
    assert_eq!(count_organizations(&mut conn).unwrap(), 0);
}

#[test]
fn migration_folders_hold_the_same_changes_with_up_and_down() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations");
    let list = |backend: &str| -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(root.join(backend))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with('.'))
            .collect();
        names.sort();
        for name in &names {
            for file in ["up.sql", "down.sql"] {
                assert!(
                    root.join(backend).join(name).join(file).is_file(),
                    "{backend}/{name}/{file} is missing"
                );
            }
        }
        names
    };
    assert_eq!(list("sqlite"), list("postgres"));
}
