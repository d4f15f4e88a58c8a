//! Writers of one process take turns on SQLite instead of racing its busy handler.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use diesel::RunQueryDsl;
use diesel::sql_types::Text;
use sonla_db::{DbError, DbPool, DbUrl, PoolOptions};

async fn write(pool: &DbPool, who: &'static str) -> Result<(), DbError> {
    pool.run(move |conn| {
        conn.write_transaction(|conn| {
            diesel::sql_query("INSERT INTO writes (who) VALUES ($1)")
                .bind::<Text, _>(who)
                .execute(conn)?;
            // Hold the write lock a little, as a real transaction with several statements does.
            std::thread::sleep(Duration::from_millis(20));
            Ok::<_, DbError>(())
        })
    })
    .await
}

/// Six writers commit back to back for up to 15 s; four more arrive meanwhile. With SQLite's
/// busy handler alone, whoever commits retries at once and the sleepers keep finding the lock
/// taken until their 10 s run out ("database is locked"); in the fair queue everyone gets a
/// turn in order of arrival.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writers_arriving_during_a_stream_of_writes_all_get_their_turn() {
    let dir = tempfile::tempdir().unwrap();
    let pool = pool(&dir, 10).await;

    let stop = Arc::new(AtomicBool::new(false));
    let streams: Vec<_> = (0..6)
        .map(|_| {
            let (pool, stop) = (pool.clone(), Arc::clone(&stop));
            tokio::spawn(async move {
                let started = Instant::now();
                let mut commits = 0_u32;
                while !stop.load(Ordering::Relaxed) && started.elapsed() < Duration::from_secs(15) {
                    write(&pool, "stream").await?;
                    commits += 1;
                }
                Ok::<_, DbError>(commits)
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(300)).await;

    let late = futures::future::join_all((0..4).map(|_| write(&pool, "late"))).await;
    stop.store(true, Ordering::Relaxed);
    for stream in streams {
        let commits = stream.await.unwrap().unwrap();
        assert!(commits > 0, "every stream committed");
    }
    for result in late {
        result.unwrap();
    }
    let late_rows = pool
        .run(|conn| {
            #[derive(diesel::QueryableByName)]
            struct Count {
                #[diesel(sql_type = diesel::sql_types::BigInt)]
                n: i64,
            }
            diesel::sql_query("SELECT COUNT(*) AS n FROM writes WHERE who = 'late'")
                .get_result::<Count>(conn)
                .map(|c| c.n)
                .map_err(DbError::from)
        })
        .await
        .unwrap();
    assert_eq!(late_rows, 4);
}

/// A pool of `max_size` connections on a new database with the table `writes`.
#[expect(clippy::unwrap_used, reason = "test set-up")]
async fn pool(dir: &tempfile::TempDir, max_size: u32) -> DbPool {
    let url = DbUrl::parse(&format!("sqlite://{}/writes.db", dir.path().display())).unwrap();
    let options = PoolOptions {
        max_size,
        connection_timeout: Duration::from_secs(30),
    };
    let pool = DbPool::connect(&url, &options).unwrap();
    pool.run(|conn| {
        diesel::sql_query("CREATE TABLE writes (who TEXT NOT NULL)")
            .execute(conn)
            .map_err(DbError::from)
    })
    .await
    .unwrap();
    pool
}

/// A closure that panics inside a write transaction does not hand its connection back with
/// the transaction (and SQLite's write lock) still open.
#[tokio::test]
async fn a_panic_mid_transaction_does_not_leave_the_database_locked() {
    let dir = tempfile::tempdir().unwrap();
    let pool = pool(&dir, 1).await;
    let crashed = pool
        .run(|conn| {
            conn.write_transaction(|conn| {
                diesel::sql_query("INSERT INTO writes (who) VALUES ('crashed')").execute(conn)?;
                panic!("a bug mid-transaction");
                #[expect(unreachable_code, reason = "the closure's type")]
                Ok::<_, DbError>(())
            })
        })
        .await;
    assert!(
        matches!(crashed, Err(DbError::TaskFailed(_))),
        "{crashed:?}"
    );
    write(&pool, "after").await.unwrap();
    let rows: Vec<(String,)> = pool
        .run(|conn| {
            #[derive(diesel::QueryableByName)]
            struct Who {
                #[diesel(sql_type = Text)]
                who: String,
            }
            diesel::sql_query("SELECT who FROM writes")
                .load::<Who>(conn)
                .map(|rows| rows.into_iter().map(|r| (r.who,)).collect())
                .map_err(DbError::from)
        })
        .await
        .unwrap();
    assert_eq!(
        rows,
        vec![("after".to_owned(),)],
        "the crashed write was rolled back"
    );
}

/// A write transaction inside another is refused at once, not after waiting for the turn its
/// caller holds.
#[tokio::test]
async fn a_nested_write_transaction_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let pool = pool(&dir, 1).await;
    let nested = pool
        .run(|conn| conn.write_transaction(|conn| conn.write_transaction(|_| Ok::<_, DbError>(()))))
        .await;
    assert!(
        matches!(
            nested,
            Err(DbError::Query(diesel::result::Error::AlreadyInTransaction))
        ),
        "without the check it waits 10 s for its own caller's turn, then 503: {nested:?}"
    );
}
