//! `GET /api/v1/search`: ideas and organisations in one list, each shown only to the callers
//! its own list shows it to, ranked, paged, and kept current as records change; and the
//! search index survives the upgrade that built it.

use std::collections::BTreeSet;

use serde_json::{Value, json};
use sonla_core::Role;
use sonla_db::search::Query;
use sonla_db::{COUNT_CAP, Counted, migrations};
use sonla_ideas::access::Viewer;
use sonla_ideas::repo::{self, ListSpec, Order};
use sonla_test_support::{TestApp, TestUser, assert_problem, id_of};

use crate::ideas_lists::{get, set, titles};

const SEARCH: &str = "/api/v1/search";
const IDEAS: &str = "/api/v1/ideas";

/// `(kind, title)` of every hit of a page, in order.
fn hits(page: &Value) -> Vec<(String, String)> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["kind"].as_str().unwrap().to_owned(),
                h["title"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn each_record_appears_only_to_those_its_list_shows_it_to() {
    let app = TestApp::spawn().await;
    let (lead, teammate, stranger) = (
        app.user(&[]).await,
        app.user(&[]).await,
        app.user(&[]).await,
    );
    let officer = app.user(&[Role::Officer]).await;
    app.idea(&lead, "Mận công khai", json!({"visibility": "public"}))
        .await;
    app.idea(&lead, "Mận thành viên", json!({"visibility": "members"}))
        .await;
    let private = id_of(
        &app.idea(&lead, "Mận riêng tư", json!({"visibility": "private"}))
            .await,
    );
    let added = app
        .post_as(
            &lead,
            &format!("{IDEAS}/{private}/members"),
            &json!({"user_id": teammate.id}),
        )
        .await;
    assert_eq!(added.status().as_u16(), 201);
    app.organization(&lead)
        .name("Hợp tác xã Mận Chiềng Hặc")
        .build()
        .await;

    let everyone = set(&[
        "Mận công khai",
        "Mận thành viên",
        "Mận riêng tư",
        "Hợp tác xã Mận Chiềng Hặc",
    ]);
    for (who, expected) in [
        (None, set(&["Mận công khai", "Hợp tác xã Mận Chiềng Hặc"])),
        (
            Some(&stranger),
            set(&[
                "Mận công khai",
                "Mận thành viên",
                "Hợp tác xã Mận Chiềng Hặc",
            ]),
        ),
        (Some(&teammate), everyone.clone()),
        (Some(&officer), everyone.clone()),
    ] {
        let page = get(&app, who, &format!("{SEARCH}?q=man")).await;
        assert_eq!(titles(&page), expected, "{:?}", who.map(|u| &u.id));
    }

    // `kind` narrows the search to one kind.
    let ideas = get(&app, Some(&officer), &format!("{SEARCH}?q=man&kind=idea")).await;
    assert_eq!(
        titles(&ideas),
        set(&["Mận công khai", "Mận thành viên", "Mận riêng tư"])
    );
    let orgs = get(&app, None, &format!("{SEARCH}?q=man&kind=organization")).await;
    assert_eq!(
        hits(&orgs),
        vec![(
            "organization".to_owned(),
            "Hợp tác xã Mận Chiềng Hặc".to_owned()
        )]
    );
    let org_link = orgs["items"][0]["link"].as_str().unwrap();
    let org_id = orgs["items"][0]["id"].as_str().unwrap();
    assert_eq!(org_link, format!("/api/v1/organizations/{org_id}"));
    assert_eq!(app.get(org_link).await.status().as_u16(), 200);
}

#[tokio::test]
async fn a_hit_links_to_its_record_with_an_excerpt_around_the_word() {
    let app = TestApp::spawn().await;
    let lead = app.user(&[]).await;
    let summary = format!(
        "{} Sấy lạnh giữ nguyên hương vị cho khách du lịch. {}",
        "Chè Shan tuyết trồng trên núi cao. ".repeat(6),
        "Đóng gói tại hợp tác xã. ".repeat(6)
    );
    let idea = id_of(
        &app.idea(
            &lead,
            "Chè Tà Xùa",
            json!({"summary": summary, "visibility": "public"}),
        )
        .await,
    );

    let page = get(&app, None, &format!("{SEARCH}?q=say%20lanh")).await;
    let hit = &page["items"][0];
    assert_eq!(hit["kind"], "idea");
    assert_eq!(hit["id"], idea.as_str());
    assert_eq!(hit["title"], "Chè Tà Xùa");
    assert_eq!(hit["link"], format!("{IDEAS}/{idea}"));
    let excerpt = hit["excerpt"].as_str().unwrap();
    assert!(excerpt.contains("Sấy lạnh"), "{excerpt}");
    assert!(
        excerpt.starts_with('…') && excerpt.ends_with('…'),
        "cut on both sides: {excerpt}"
    );
    assert!(excerpt.chars().count() <= 170, "{excerpt}");
    let linked = app.get(hit["link"].as_str().unwrap()).await;
    assert_eq!(linked.status().as_u16(), 200);
}

#[tokio::test]
async fn title_matches_rank_first_unless_newest_is_asked_for() {
    let app = TestApp::spawn().await;
    let lead = app.user(&[]).await;
    // Oldest first: a title match, a summary match, a title match, a summary match.
    for (title, summary) in [
        ("Cà phê Sơn La rang mộc", "Bán tại chợ phiên"),
        ("Du lịch bản Áng", "Kèm cà phê của bản"),
        ("Cà phê Nà Ớt", "Trồng dưới tán rừng"),
        ("Gạo nếp Tú Lệ", "Xen canh với cà phê"),
    ] {
        app.idea(&lead, title, json!({"summary": summary})).await;
    }

    let relevance = get(&app, None, &format!("{SEARCH}?q=ca%20phe")).await;
    let ranked: Vec<String> = hits(&relevance).into_iter().map(|(_, t)| t).collect();
    assert_eq!(
        ranked,
        [
            "Cà phê Nà Ớt",
            "Cà phê Sơn La rang mộc",
            "Gạo nếp Tú Lệ",
            "Du lịch bản Áng"
        ]
    );
    let newest = get(&app, None, &format!("{SEARCH}?q=ca%20phe&sort=newest")).await;
    let ordered: Vec<String> = hits(&newest).into_iter().map(|(_, t)| t).collect();
    assert_eq!(
        ordered,
        [
            "Gạo nếp Tú Lệ",
            "Cà phê Nà Ớt",
            "Du lịch bản Áng",
            "Cà phê Sơn La rang mộc"
        ]
    );
}

#[tokio::test]
async fn kinds_share_one_order_and_one_cursor() {
    let app = TestApp::spawn().await;
    let lead = app.user(&[]).await;
    app.idea(&lead, "Tằm tơ Mai Sơn", json!({})).await;
    app.organization(&lead)
        .name("Hợp tác xã Tằm tơ")
        .build()
        .await;
    app.idea(&lead, "Dệt lụa", json!({"summary": "Từ tằm tơ của bản"}))
        .await;
    let owned = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, t)| ((*k).to_owned(), (*t).to_owned()))
            .collect()
    };
    let relevance = owned(&[
        ("organization", "Hợp tác xã Tằm tơ"),
        ("idea", "Tằm tơ Mai Sơn"),
        ("idea", "Dệt lụa"),
    ]);
    let newest = owned(&[
        ("idea", "Dệt lụa"),
        ("organization", "Hợp tác xã Tằm tơ"),
        ("idea", "Tằm tơ Mai Sơn"),
    ]);
    for (sort, expected) in [("relevance", relevance), ("newest", newest)] {
        let whole = get(&app, None, &format!("{SEARCH}?q=tam%20to&sort={sort}")).await;
        assert_eq!(hits(&whole), expected, "{sort}");
        let mut paged = Vec::new();
        let mut path = format!("{SEARCH}?q=tam%20to&sort={sort}&limit=1");
        loop {
            let page = get(&app, None, &path).await;
            paged.extend(hits(&page));
            let Some(next) = page["next_cursor"].as_str() else {
                break;
            };
            path = format!("{SEARCH}?q=tam%20to&sort={sort}&limit=1&cursor={next}");
        }
        assert_eq!(paged, expected, "{sort}, a page at a time");
    }
}

#[tokio::test]
async fn pages_follow_the_cursor_without_repeats_and_a_cursor_keeps_its_order() {
    let app = TestApp::spawn().await;
    let lead = app.user(&[]).await;
    // Four with the word in the title, three with it only in the summary: both tiers.
    for n in 0..7 {
        let (title, summary) = if n % 2 == 0 {
            (format!("Lúa nếp {n}"), "Tóm tắt")
        } else {
            (format!("Nương {n}"), "Giống lúa nương")
        };
        app.idea(&lead, &title, json!({"summary": summary})).await;
    }

    for sort in ["relevance", "newest"] {
        let mut seen = Vec::new();
        let mut cursor: Option<String> = None;
        let mut sizes = Vec::new();
        loop {
            let mut path = format!("{SEARCH}?q=lua&limit=3&sort={sort}");
            if let Some(c) = &cursor {
                path = format!("{path}&cursor={c}");
            }
            let page = get(&app, None, &path).await;
            sizes.push(page["items"].as_array().unwrap().len());
            seen.extend(hits(&page).into_iter().map(|(_, t)| t));
            match page["next_cursor"].as_str() {
                Some(next) => cursor = Some(next.to_owned()),
                None => break,
            }
        }
        assert_eq!(sizes, [3, 3, 1], "{sort}");
        let distinct: BTreeSet<&String> = seen.iter().collect();
        assert_eq!(distinct.len(), 7, "{sort}: {seen:?}");
    }

    let first = get(&app, None, &format!("{SEARCH}?q=lua&limit=3")).await;
    let cursor = first["next_cursor"].as_str().unwrap();
    assert_problem(
        app.get(&format!(
            "{SEARCH}?q=lua&limit=3&sort=newest&cursor={cursor}"
        ))
        .await,
        400,
        "invalid_cursor",
    )
    .await;
    assert_problem(
        app.get(&format!("{SEARCH}?q=lua&cursor=not-a-cursor"))
            .await,
        400,
        "invalid_cursor",
    )
    .await;
}

#[tokio::test]
async fn bad_searches_are_refused_with_the_reason() {
    let app = TestApp::spawn().await;
    let long = "a".repeat(201);
    for (path, status, code) in [
        (format!("{SEARCH}?q=%2A%2A%2A"), 422, "validation_failed"),
        (format!("{SEARCH}?q={long}"), 422, "validation_failed"),
        (format!("{SEARCH}?q=man&limit=0"), 422, "validation_failed"),
        (
            format!("{SEARCH}?q=man&kind=flying"),
            400,
            "invalid_query_parameter",
        ),
        (
            format!("{SEARCH}?q=man&sort=oldest"),
            400,
            "invalid_query_parameter",
        ),
        (SEARCH.to_owned(), 400, "invalid_query_parameter"),
    ] {
        let problem = assert_problem(app.get(&path).await, status, code).await;
        if code == "validation_failed" {
            assert!(
                problem["errors"].as_array().is_some_and(|e| !e.is_empty()),
                "{path}: {problem}"
            );
        }
    }
    // Operators of the engines are plain words, never errors.
    for q in [
        "%22man", "man%20OR", "NEAR(man", "-man", "man%3A", "%5Eman*",
    ] {
        get(&app, None, &format!("{SEARCH}?q={q}")).await;
    }
}

#[tokio::test]
async fn the_index_follows_every_change_of_a_record() {
    let app = TestApp::spawn().await;
    let lead = app.user(&[]).await;
    let stranger = app.user(&[]).await;
    let kept = id_of(&app.idea(&lead, "Bơ sáp Mai Sơn", json!({})).await);
    let dropped = id_of(&app.idea(&lead, "Bơ 034 Yên Châu", json!({})).await);
    let find = |q: &'static str| {
        let app = &app;
        let stranger = &stranger;
        async move { titles(&get(app, Some(stranger), &format!("{SEARCH}?q={q}")).await) }
    };
    assert_eq!(
        find("bo").await,
        set(&["Bơ sáp Mai Sơn", "Bơ 034 Yên Châu"])
    );

    let retitled = app
        .patch_as(
            &lead,
            &format!("{IDEAS}/{kept}"),
            &json!({"title": "Xoài tròn Yên Châu"}),
        )
        .await;
    assert_eq!(retitled.status().as_u16(), 200);
    assert_eq!(find("bo").await, set(&["Bơ 034 Yên Châu"]));
    assert_eq!(find("xoai").await, set(&["Xoài tròn Yên Châu"]));

    let hidden = app
        .patch_as(
            &lead,
            &format!("{IDEAS}/{kept}"),
            &json!({"visibility": "private"}),
        )
        .await;
    assert_eq!(hidden.status().as_u16(), 200);
    assert!(find("xoai").await.is_empty(), "private now");
    let own = get(&app, Some(&lead), &format!("{SEARCH}?q=xoai")).await;
    assert_eq!(titles(&own), set(&["Xoài tròn Yên Châu"]));

    let deleted = app.delete_as(&lead, &format!("{IDEAS}/{dropped}")).await;
    assert_eq!(deleted.status().as_u16(), 204);
    assert!(find("bo").await.is_empty(), "deleted");
    let own = get(&app, Some(&lead), &format!("{SEARCH}?q=yen%20chau")).await;
    assert_eq!(titles(&own), set(&["Xoài tròn Yên Châu"]));
}

/// A count reads no further than its cap plus one row, and the endpoint says when it stopped.
#[tokio::test]
async fn a_count_stops_at_its_cap_and_says_so() {
    let app = TestApp::spawn().await;
    let lead = app.user(&[]).await;
    for n in 0..4 {
        app.idea(&lead, &format!("Sắn dây {n}"), json!({})).await;
    }
    app.idea(&lead, "Sắn dây riêng", json!({"visibility": "private"}))
        .await;
    let count = get(&app, None, &format!("{IDEAS}/count?q=san%20day")).await;
    assert_eq!(count, json!({"count": 4, "capped": false}));

    let counts = app
        .db
        .run(|conn| {
            let spec = |q: Option<&str>| ListSpec {
                query: q.and_then(Query::parse),
                ..ListSpec::new(Viewer::Anonymous, Order::Relevance)
            };
            Ok::<_, sonla_db::DbError>([
                repo::count(conn, &spec(Some("san day")), 2)?,
                repo::count(conn, &spec(Some("san day")), 10)?,
                repo::count(conn, &spec(None), 2)?,
                repo::count(conn, &spec(None), 10)?,
            ])
        })
        .await
        .unwrap();
    assert_eq!(counts, [3, 4, 3, 4]);
    assert_eq!(
        Counted::of(COUNT_CAP + 1),
        Counted {
            count: COUNT_CAP,
            capped: true
        }
    );
    assert_eq!(
        Counted::of(COUNT_CAP),
        Counted {
            count: COUNT_CAP,
            capped: false
        }
    );
}

/// The migrations that built the engines' indexes from the old token table, and the title
/// indexes from the engines', give the same answers as before they ran: content written on
/// the old schema is found the same way after the upgrade, on either backend.
#[tokio::test]
async fn the_upgrades_of_the_search_engines_keep_every_answer() {
    const ENGINES: &str = "2026-12-07-000007_search_engines";
    const TITLES: &str = "2026-12-08-000008_search_titles";
    let app = TestApp::spawn().await;
    let (lead, officer) = (app.user(&[]).await, app.user(&[Role::Officer]).await);
    for (title, summary, visibility) in [
        ("Mận hậu Mộc Châu", "Sấy dẻo, bán quanh năm", "public"),
        ("Chè Tà Xùa", "Trồng xen mận và đào", "public"),
        (
            "Du lịch cộng đồng bản Áng",
            "Homestay và mận chín",
            "members",
        ),
        ("Cà phê Nà Ớt", "Rang xay tại bản", "private"),
    ] {
        app.idea(
            &lead,
            title,
            json!({"summary": summary, "visibility": visibility}),
        )
        .await;
    }
    app.organization(&lead)
        .name("Hợp tác xã Mận Chiềng Hặc")
        .build()
        .await;
    let queries = [
        format!("{SEARCH}?q=man"),
        format!("{SEARCH}?q=man&sort=newest"),
        format!("{SEARCH}?q=ban"),
        format!("{SEARCH}?q=moc%20ch"),
        format!("{IDEAS}?q=man"),
        format!("{IDEAS}?q=che%20ta"),
        format!("{IDEAS}/count?q=man"),
        "/api/v1/organizations?q=chieng".to_owned(),
    ];
    let before = answers(&app, &officer, &queries).await;
    assert!(
        before
            .iter()
            .all(|a| a != &json!([]) && a != &json!({"count": 0})),
        "every query finds something: {before:?}"
    );

    for migration in [TITLES, ENGINES] {
        let tokens: Option<i64> = app
            .db
            .run(move |conn| -> Result<Option<i64>, sonla_db::DbError> {
                let unavailable =
                    |e: migrations::MigrationError| sonla_db::DbError::Unavailable(e.to_string());
                let reverted = migrations::revert_through(conn, migration).map_err(unavailable)?;
                assert_eq!(reverted.last().map(String::as_str), Some(migration));
                let count = (migration == ENGINES)
                    .then(|| {
                        diesel::RunQueryDsl::get_result::<TokenCount>(
                            diesel::sql_query("SELECT COUNT(*) AS n FROM search_tokens"),
                            conn,
                        )
                    })
                    .transpose()?;
                migrations::run_pending(conn).map_err(unavailable)?;
                Ok(count.map(|c| c.n))
            })
            .await
            .unwrap();
        if migration == ENGINES {
            assert!(
                tokens > Some(0),
                "the old schema held the content as tokens"
            );
        }

        assert_eq!(
            answers(&app, &officer, &queries).await,
            before,
            "{migration}"
        );
    }
}

/// What each of `queries` answers `who`: the titles (or names) of a page in order, or a count.
async fn answers(app: &TestApp, who: &TestUser, queries: &[String]) -> Vec<Value> {
    let mut all = Vec::new();
    for q in queries {
        let page = get(app, Some(who), q).await;
        all.push(match page["items"].as_array() {
            Some(items) => items
                .iter()
                .map(|i| i.get("title").or_else(|| i.get("name")).cloned())
                .collect(),
            None => page,
        });
    }
    all
}

#[derive(diesel::QueryableByName)]
struct TokenCount {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}
