//! Writing documents: one record's words, in the transaction that writes the record.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use sonla_core::text;

use crate::sql::{Bind, Sql};
use crate::{Backend, DbConnection};

/// The words of one record, as the engines store them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The kind (`idea`, `organization`, `user`).
    pub kind: &'static str,
    /// The record's id.
    pub record_id: String,
    /// The distinct folded words of the title.
    pub title: Vec<String>,
    /// The distinct folded words of the other fields that are not in the title.
    pub body: Vec<String>,
}

impl Document {
    /// The document of a record from its title and its other searchable texts.
    #[must_use]
    pub fn new(kind: &'static str, record_id: &str, title: &str, body: &[&str]) -> Self {
        let title = text::tokens(title);
        let body = text::tokens(&body.join(" "))
            .into_iter()
            .filter(|word| !title.contains(word))
            .collect();
        Self {
            kind,
            record_id: record_id.to_owned(),
            title,
            body,
        }
    }

    fn is_empty(&self) -> bool {
        self.title.is_empty() && self.body.is_empty()
    }

    /// The `tsvector` literals of all the words (title words weighted `A`) and of the title
    /// alone: every word quoted, at its position. Words are letters and digits only, so
    /// nothing needs escaping.
    fn tsvectors(&self) -> (String, String) {
        let lexeme =
            |i: usize, w: &str, weight: &str| format!("'{w}':{}{weight}", (i + 1).min(16_383));
        let words = self
            .title
            .iter()
            .map(|w| (w, "A"))
            .chain(self.body.iter().map(|w| (w, "")))
            .enumerate()
            .map(|(i, (w, weight))| lexeme(i, w, weight))
            .collect::<Vec<_>>()
            .join(" ");
        let title = self
            .title
            .iter()
            .enumerate()
            .map(|(i, w)| lexeme(i, w, ""))
            .collect::<Vec<_>>()
            .join(" ");
        (words, title)
    }
}

#[derive(QueryableByName)]
struct Doc {
    #[diesel(sql_type = BigInt)]
    doc: i64,
}

/// Indexes a record, replacing its words if it has a document already (it keeps its number,
/// so its place in newest-first order). A record with no word at all has no document.
pub fn index(conn: &mut DbConnection, document: &Document) -> QueryResult<()> {
    if document.is_empty() {
        return remove(conn, document.kind, &document.record_id);
    }
    match conn.backend() {
        Backend::Sqlite => {
            let Doc { doc } = diesel::sql_query(
                "INSERT INTO search_documents (kind, record_id) VALUES ($1, $2) \
                 ON CONFLICT (kind, record_id) DO UPDATE SET kind = excluded.kind \
                 RETURNING doc",
            )
            .bind::<Text, _>(document.kind)
            .bind::<Text, _>(&document.record_id)
            .get_result(conn)?;
            diesel::sql_query(
                "INSERT OR REPLACE INTO search_fts (rowid, title, body) VALUES ($1, $2, $3)",
            )
            .bind::<BigInt, _>(doc)
            .bind::<Text, _>(document.title.join(" "))
            .bind::<Text, _>(document.body.join(" "))
            .execute(conn)?;
            diesel::sql_query(
                "INSERT OR REPLACE INTO search_titles (rowid, title) VALUES ($1, $2)",
            )
            .bind::<BigInt, _>(doc)
            .bind::<Text, _>(document.title.join(" "))
            .execute(conn)?;
        }
        Backend::Postgres => {
            let (words, title) = document.tsvectors();
            diesel::sql_query(
                "INSERT INTO search_documents (kind, record_id, words, title_words) \
                 VALUES ($1, $2, CAST($3 AS tsvector), CAST($4 AS tsvector)) \
                 ON CONFLICT (kind, record_id) DO UPDATE \
                 SET words = excluded.words, title_words = excluded.title_words",
            )
            .bind::<Text, _>(document.kind)
            .bind::<Text, _>(&document.record_id)
            .bind::<Text, _>(words)
            .bind::<Text, _>(title)
            .execute(conn)?;
        }
    }
    Ok(())
}

/// Removes a record's document, if any.
pub fn remove(conn: &mut DbConnection, kind: &'static str, record_id: &str) -> QueryResult<()> {
    if conn.backend() == Backend::Sqlite {
        for table in ["search_fts", "search_titles"] {
            diesel::sql_query(format!(
                "DELETE FROM {table} WHERE rowid IN \
                 (SELECT doc FROM search_documents WHERE kind = $1 AND record_id = $2)"
            ))
            .bind::<Text, _>(kind)
            .bind::<Text, _>(record_id)
            .execute(conn)?;
        }
    }
    diesel::sql_query("DELETE FROM search_documents WHERE kind = $1 AND record_id = $2")
        .bind::<Text, _>(kind)
        .bind::<Text, _>(record_id)
        .execute(conn)?;
    Ok(())
}

/// Rows per statement of a bulk load: SQLite allows 32,766 binds, and PostgreSQL 65,535.
const BULK_ROWS: usize = 2_000;

/// Indexes records that have no document yet (a bulk load, in one write transaction), in
/// the order given, which should be the order the records were created; returns how many
/// documents it wrote.
pub fn index_many(conn: &mut DbConnection, documents: &[Document]) -> QueryResult<usize> {
    let documents: Vec<&Document> = documents.iter().filter(|d| !d.is_empty()).collect();
    if documents.is_empty() {
        return Ok(0);
    }
    let Doc { doc: last } = diesel::sql_query(
        "SELECT CAST(COALESCE(MAX(doc), 0) AS BIGINT) AS doc FROM search_documents",
    )
    .get_result(conn)?;
    let backend = conn.backend();
    for (chunk_no, chunk) in documents.chunks(BULK_ROWS).enumerate() {
        let first = last + 1 + i64::try_from(chunk_no * BULK_ROWS).unwrap_or(i64::MAX);
        let mut rows = Sql::new(backend);
        let mut words = Sql::new(backend);
        let mut titles = Sql::new(backend);
        let (mut row_values, mut word_values, mut title_values) =
            (Vec::new(), Vec::new(), Vec::new());
        for (n, document) in (first..).zip(chunk) {
            let doc = rows.bind(Bind::BigInt(n));
            let kind = rows.text(document.kind);
            let record = rows.text(document.record_id.clone());
            match backend {
                Backend::Sqlite => {
                    row_values.push(format!("({doc}, {kind}, {record})"));
                    let doc = words.bind(Bind::BigInt(n));
                    let title = words.text(document.title.join(" "));
                    let body = words.text(document.body.join(" "));
                    word_values.push(format!("({doc}, {title}, {body})"));
                    let doc = titles.bind(Bind::BigInt(n));
                    let title = titles.text(document.title.join(" "));
                    title_values.push(format!("({doc}, {title})"));
                }
                Backend::Postgres => {
                    let (all, title) = document.tsvectors();
                    let (all, title) = (rows.text(all), rows.text(title));
                    row_values.push(format!(
                        "({doc}, {kind}, {record}, CAST({all} AS tsvector), CAST({title} AS tsvector))"
                    ));
                }
            }
        }
        match backend {
            Backend::Sqlite => {
                rows.push(&format!(
                    "INSERT INTO search_documents (doc, kind, record_id) VALUES {}",
                    row_values.join(", ")
                ));
                rows.query().execute(conn)?;
                words.push(&format!(
                    "INSERT INTO search_fts (rowid, title, body) VALUES {}",
                    word_values.join(", ")
                ));
                words.query().execute(conn)?;
                titles.push(&format!(
                    "INSERT INTO search_titles (rowid, title) VALUES {}",
                    title_values.join(", ")
                ));
                titles.query().execute(conn)?;
            }
            Backend::Postgres => {
                rows.push(&format!(
                    "INSERT INTO search_documents (doc, kind, record_id, words, title_words) \
                     VALUES {}",
                    row_values.join(", ")
                ));
                rows.query().execute(conn)?;
            }
        }
    }
    if backend == Backend::Postgres {
        // The numbers were given, so the sequence must learn the highest.
        diesel::sql_query(
            "SELECT setval(pg_get_serial_sequence('search_documents', 'doc'), \
             (SELECT MAX(doc) FROM search_documents))",
        )
        .execute(conn)?;
    }
    Ok(documents.len())
}

/// How many documents the index holds.
pub fn document_count(conn: &mut DbConnection) -> QueryResult<i64> {
    let Doc { doc } =
        diesel::sql_query("SELECT CAST(COUNT(*) AS BIGINT) AS doc FROM search_documents")
            .get_result(conn)?;
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::Document;

    #[test]
    fn a_document_keeps_each_word_once_title_first() {
        let d = Document::new("idea", "x", "Cà phê Sơn La", &["cà phê sạch", "Đặc sản"]);
        assert_eq!(d.title, ["ca", "phe", "son", "la"]);
        assert_eq!(d.body, ["sach", "dac", "san"]);
        assert_eq!(
            d.tsvectors(),
            (
                "'ca':1A 'phe':2A 'son':3A 'la':4A 'sach':5 'dac':6 'san':7".to_owned(),
                "'ca':1 'phe':2 'son':3 'la':4".to_owned()
            )
        );
    }
}
