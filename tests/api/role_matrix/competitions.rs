//! Role-matrix rows of competitions: rounds, entries, judges, conflicts, assignments,
//! score sheets, results and awards.

use serde_json::json;
use sonla_test_support::{TestApp, id_of};

use super::{Cast, Row, row};

/// This domain's rows.
pub(super) fn rows() -> Vec<Row> {
    vec![
        // Competitions: `{comp}` is judging; "org member" leads its entry `{entry}`; the cast's
        // judge holds `{assignment}` in round `{round}`.
        row(
            "GET",
            "/api/v1/competitions",
            "/api/v1/competitions",
            None,
            [200; 5],
        ),
        row(
            "POST",
            "/api/v1/competitions",
            "/api/v1/competitions",
            Some(json!({"title": "Cuộc thi", "audience": "everyone"})),
            [401, 403, 403, 201, 201],
        ),
        row(
            "GET",
            "/api/v1/competitions/{competition_id}",
            "/api/v1/competitions/{comp}",
            None,
            [200; 5],
        ),
        row(
            "POST",
            "/api/v1/competitions/{competition_id}/{step}",
            "/api/v1/competitions/{comp}/finalise",
            None,
            [401, 403, 403, 409, 409],
        ),
        row(
            "POST",
            "/api/v1/competitions/{competition_id}/rounds",
            "/api/v1/competitions/{comp}/rounds",
            Some(
                json!({"name": "Vòng 2", "method": "zscore", "judges_per_entry": 1, "criteria": [{"name": "A", "weight": 1, "max_score": 10}]}),
            ),
            [401, 403, 403, 201, 201],
        ),
        row(
            "GET",
            "/api/v1/competitions/{competition_id}/rounds",
            "/api/v1/competitions/{comp}/rounds",
            None,
            [200; 5],
        ),
        row(
            "POST",
            "/api/v1/competitions/{competition_id}/entries",
            "/api/v1/competitions/{comp}/entries",
            Some(json!({"idea_id": "{user}"})),
            [401, 409, 409, 409, 409],
        ),
        row(
            "GET",
            "/api/v1/competitions/{competition_id}/entries",
            "/api/v1/competitions/{comp}/entries",
            None,
            [401, 200, 200, 200, 200],
        ),
        row(
            "POST",
            "/api/v1/competitions/{competition_id}/judges",
            "/api/v1/competitions/{comp}/judges",
            Some(json!({"user_id": "{judge}"})),
            [401, 403, 403, 201, 201],
        ),
        row(
            "GET",
            "/api/v1/competitions/{competition_id}/judges",
            "/api/v1/competitions/{comp}/judges",
            None,
            [401, 403, 403, 200, 200],
        ),
        row(
            "POST",
            "/api/v1/competitions/{competition_id}/conflicts",
            "/api/v1/competitions/{comp}/conflicts",
            Some(json!({"judge_id": "{judge}", "entry_id": "{entry}", "kind": "other"})),
            [401, 403, 403, 201, 201],
        ),
        row(
            "GET",
            "/api/v1/competitions/{competition_id}/conflicts",
            "/api/v1/competitions/{comp}/conflicts",
            None,
            [401, 403, 403, 200, 200],
        ),
        row(
            "GET",
            "/api/v1/competitions/{competition_id}/results",
            "/api/v1/competitions/{comp}/results",
            None,
            [403; 5],
        ),
        row(
            "POST",
            "/api/v1/competitions/{competition_id}/awards",
            "/api/v1/competitions/{comp}/awards",
            Some(json!({"title": "Giải Nhất", "rank_from": 1, "prize_vnd": 1000})),
            [401, 403, 403, 409, 409],
        ),
        row(
            "GET",
            "/api/v1/competitions/{competition_id}/awards",
            "/api/v1/competitions/{comp}/awards",
            None,
            [403; 5],
        ),
        row(
            "PUT",
            "/api/v1/rounds/{round_id}/criteria",
            "/api/v1/rounds/{round}/criteria",
            Some(json!({"criteria": [{"name": "B", "weight": 2, "max_score": 5}]})),
            [401, 403, 403, 200, 200],
        ),
        row(
            "POST",
            "/api/v1/rounds/{round_id}/close",
            "/api/v1/rounds/{round}/close",
            None,
            [401, 403, 403, 200, 200],
        ),
        row(
            "POST",
            "/api/v1/rounds/{round_id}/auto-assign",
            "/api/v1/rounds/{round}/auto-assign",
            Some(json!({"seed": 1})),
            [401, 403, 403, 200, 200],
        ),
        row(
            "GET",
            "/api/v1/rounds/{round_id}/assignments",
            "/api/v1/rounds/{round}/assignments",
            None,
            [401, 403, 403, 200, 200],
        ),
        row(
            "POST",
            "/api/v1/rounds/{round_id}/assignments",
            "/api/v1/rounds/{round}/assignments",
            Some(json!({"entry_id": "{entry}", "judge_id": "{judge}"})),
            [401, 403, 403, 201, 201],
        ),
        row(
            "GET",
            "/api/v1/rounds/{round_id}/leaderboard",
            "/api/v1/rounds/{round}/leaderboard",
            None,
            [403, 403, 403, 200, 200],
        ),
        row(
            "POST",
            "/api/v1/rounds/{round_id}/advance",
            "/api/v1/rounds/{round}/advance",
            None,
            [401, 403, 403, 409, 409],
        ),
        row(
            "POST",
            "/api/v1/entries/{entry_id}/withdraw",
            "/api/v1/entries/{entry}/withdraw",
            None,
            [401, 409, 404, 409, 409],
        ),
        row(
            "GET",
            "/api/v1/entries/{entry_id}/feedback",
            "/api/v1/entries/{entry}/feedback",
            None,
            [401, 403, 404, 403, 403],
        ),
        row(
            "DELETE",
            "/api/v1/assignments/{assignment_id}",
            "/api/v1/assignments/{assignment}",
            None,
            [401, 403, 403, 204, 204],
        ),
        row(
            "GET",
            "/api/v1/assignments/{assignment_id}/sheet",
            "/api/v1/assignments/{assignment}/sheet",
            None,
            [401, 404, 404, 200, 200],
        ),
        row(
            "PUT",
            "/api/v1/assignments/{assignment_id}/sheet",
            "/api/v1/assignments/{assignment}/sheet",
            Some(json!({"scores": [{"criterion_id": "{criterion}", "value": 1}]})),
            [401, 404, 404, 403, 403],
        ),
        row(
            "POST",
            "/api/v1/assignments/{assignment_id}/sheet/submit",
            "/api/v1/assignments/{assignment}/sheet/submit",
            None,
            [401, 404, 404, 403, 403],
        ),
        row(
            "POST",
            "/api/v1/assignments/{assignment_id}/sheet/reopen",
            "/api/v1/assignments/{assignment}/sheet/reopen",
            Some(json!({"reason": "Sai"})),
            [401, 403, 403, 409, 409],
        ),
        row(
            "GET",
            "/api/v1/me/assignments",
            "/api/v1/me/assignments",
            None,
            [401, 200, 200, 200, 200],
        ),
    ]
}

/// A fresh judging competition for `{comp}`, `{round}` (one criterion, `{criterion}`),
/// `{entry}` (led by "org member") and `{assignment}` (held by the cast's judge, `{judge}`).
pub(super) async fn fixtures(
    app: &TestApp,
    cast: &Cast,
    text: &str,
) -> Vec<(&'static str, String)> {
    let mut out = vec![("{judge}", cast.judge.id.clone())];
    let placeholders = [
        "{comp}",
        "{round}",
        "{entry}",
        "{assignment}",
        "{criterion}",
    ];
    if !placeholders.iter().any(|p| text.contains(p)) {
        return out;
    }
    let round = json!({"name": "Vòng 1", "method": "mean", "judges_per_entry": 1, "criteria": [{"name": "A", "weight": 1, "max_score": 10}]});
    let judging = app
        .judging(&cast.admin)
        .title("Ma trận")
        .round(round)
        .leads(&[cast.member()])
        .judges(&[&cast.judge])
        .auto_assign(1)
        .build()
        .await;
    out.extend([
        ("{comp}", judging.competition),
        ("{round}", judging.round),
        ("{entry}", judging.entries[0].clone()),
        ("{assignment}", id_of(&judging.assignments[0])),
        ("{criterion}", judging.criteria[0].id.clone()),
    ]);
    out
}
