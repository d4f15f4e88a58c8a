//! Multi-row `INSERT`s, which the multi-backend connection does not offer.
//!
//! [`insert_batches!`](crate::insert_batches) writes a slice of `Insertable` rows in as few
//! statements as the backends allow, each batch through its backend's own connection. Batches
//! stay under SQLite's 32,766 bound parameters (PostgreSQL allows 65,535). SQLite runs a batch
//! whose rows leave a column to its `DEFAULT` (a `None` field) as one statement per row, still
//! inside the caller's transaction.

/// Bound parameters per statement, under SQLite's limit.
pub const PARAMETERS: usize = 32_000;

/// Inserts `rows` (a slice of `Insertable` values of `columns` columns each) into `table` in
/// batches; evaluates to the `QueryResult<usize>` of the rows written.
///
/// ```ignore
/// sonla_db::insert_batches!(conn, sheet_scores::table, &values, 3)?;
/// ```
#[macro_export]
macro_rules! insert_batches {
    ($conn:expr, $table:expr, $rows:expr, $columns:expr) => {{
        let conn: &mut $crate::DbConnection = $conn;
        let per_batch = ($crate::batch::PARAMETERS / $columns).max(1);
        let mut written: usize = 0;
        let mut result: ::diesel::QueryResult<usize> = Ok(0);
        for chunk in $rows.chunks(per_batch) {
            let batch = match &mut *conn {
                $crate::DbConnection::Pg(c) => {
                    ::diesel::RunQueryDsl::execute(::diesel::insert_into($table).values(chunk), c)
                }
                $crate::DbConnection::Sqlite(c) => {
                    ::diesel::RunQueryDsl::execute(::diesel::insert_into($table).values(chunk), c)
                }
            };
            match batch {
                Ok(n) => written += n,
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
        result.map(|_| written)
    }};
}
