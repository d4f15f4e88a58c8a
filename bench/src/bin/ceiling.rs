//! The framework ceiling of the load benchmark: a minimal actix-web server that answers every
//! request under `/{scenario}/…` with a fixed JSON body, the size of the real server's answer
//! in that scenario.
//!
//! ```sh
//! target/release/ceiling --port 18090 --bodies target/bench/work/bodies --workers 2
//! ```
//!
//! `--bodies` is a folder of `<scenario>.json` files (`load` writes them from the real
//! answers). No middleware, no database, no serialisation: what is left is actix-web's HTTP
//! handling on the same number of workers as the server, so a scenario's requests per second
//! over this one's tell how much of the machine the application itself takes.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use actix_web::http::header::ContentType;
use actix_web::web::{self, Bytes, Data};
use actix_web::{App, HttpRequest, HttpResponse, HttpServer};
use anyhow::Context;
use clap::Parser;

/// The options.
#[derive(Debug, Parser)]
struct Args {
    /// Port on 127.0.0.1.
    #[arg(long)]
    port: u16,
    /// Folder of `<scenario>.json` bodies.
    #[arg(long)]
    bodies: PathBuf,
    /// HTTP worker threads (the server's default is one per core).
    #[arg(long, default_value_t = std::thread::available_parallelism().map_or(2, std::num::NonZero::get))]
    workers: usize,
}

type Bodies = Arc<HashMap<String, Bytes>>;

/// The body of the scenario named by the first segment of the path; the request's own body is
/// read (and dropped) like the real server reads it.
async fn answer(req: HttpRequest, _body: Bytes, bodies: Data<Bodies>) -> HttpResponse {
    let scenario = req
        .path()
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or_default();
    match bodies.get(scenario) {
        Some(body) => HttpResponse::Ok()
            .content_type(ContentType::json())
            .body(body.clone()),
        None => HttpResponse::NotFound().finish(),
    }
}

#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let mut bodies = HashMap::new();
    for entry in std::fs::read_dir(&args.bodies)
        .with_context(|| format!("cannot read {}", args.bodies.display()))?
    {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "json")
            && let Some(name) = path.file_stem().and_then(|s| s.to_str())
        {
            bodies.insert(name.to_owned(), Bytes::from(std::fs::read(&path)?));
        }
    }
    let bodies: Data<Bodies> = Data::new(Arc::new(bodies));
    HttpServer::new(move || {
        App::new()
            .app_data(bodies.clone())
            .app_data(web::PayloadConfig::new(1024 * 1024))
            .default_service(web::to(answer))
    })
    .workers(args.workers)
    .bind(("127.0.0.1", args.port))?
    .run()
    .await?;
    Ok(())
}
