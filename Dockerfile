# Multi-stage build of the `api` binary. SQLite, libpq and OpenSSL are compiled into it,
# so the runtime image needs only CA certificates (for TLS to PostgreSQL).

FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked -p api \
    && cp target/release/api /usr/local/bin/api

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --create-home api \
    && mkdir -p /app/data \
    && chown api /app/data
COPY --from=build /usr/local/bin/api /usr/local/bin/api
WORKDIR /app
USER api
ENV APP_ENV=production \
    BIND_ADDRESS=0.0.0.0:8080 \
    RUST_LOG_FORMAT=json
EXPOSE 8080
ENTRYPOINT ["api"]
CMD ["serve"]
