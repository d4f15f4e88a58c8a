//! The scoring engine of DESIGN.md §6, as pure functions.
//!
//! - Judge total of an entry: `T = 100 · Σ w_c · (s_c / max_c) / Σ w_c` (0–100).
//! - `mean`, `median`, `trimmed_mean` (drop one highest and one lowest `T` with five or more
//!   judges), `zscore` (each `T` standardised by its judge's mean and population standard
//!   deviation over the round; 0 with fewer than two sheets or no spread).
//! - Ranking: score descending; ties broken by the higher mean `T`, then the higher mean raw
//!   value on the heaviest criterion (the first by position among equals); still tied entries
//!   share a rank (1, 2, 2, 4).
//!
//! Numbers are left unrounded.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sonla_core::string_enum;

string_enum! {
    /// How a round turns judge totals into an entry's score.
    pub enum Method {
        /// The mean of the judges' totals.
        Mean => "mean",
        /// The median of the judges' totals.
        Median => "median",
        /// With five or more judges, the mean without the highest and the lowest total.
        TrimmedMean => "trimmed_mean",
        /// The mean of totals standardised per judge over the round.
        Zscore => "zscore",
    }
}

/// A criterion of a round.
#[derive(Debug, Clone, PartialEq)]
pub struct Criterion {
    /// Id.
    pub id: String,
    /// Weight (> 0).
    pub weight: f64,
    /// Highest value (> 0).
    pub max_score: f64,
    /// Order within the round.
    pub position: i32,
}

/// One submitted score sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The entry scored.
    pub entry_id: String,
    /// The judge.
    pub judge_id: String,
    /// The value of each criterion, in the order of the criteria given with the sheets
    /// (`values[i]` scores `criteria[i]`); a missing value counts as 0.
    pub values: Vec<f64>,
}

/// Per-criterion mean of an entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CriterionMean {
    /// The criterion.
    #[schema(format = Uuid, max_length = 36)]
    pub criterion_id: String,
    /// Mean raw value over the entry's submitted sheets.
    pub mean: f64,
}

/// A leaderboard row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Row {
    /// Rank; tied rows share it (1, 2, 2, 4).
    pub rank: u32,
    /// The entry.
    #[schema(format = Uuid, max_length = 36)]
    pub entry_id: String,
    /// The score by the method.
    pub score: f64,
    /// The mean judge total `T`.
    pub mean: f64,
    /// How many submitted sheets.
    pub judge_count: u32,
    /// Population standard deviation of the entry's `T`.
    pub spread: f64,
    /// Whether `spread` exceeds the flag threshold: the judges disagree.
    pub flagged: bool,
    /// Mean raw value per criterion, in criterion order.
    #[schema(max_items = 50)]
    pub criteria: Vec<CriterionMean>,
}

/// A judge's statistics over their `T` in the round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct JudgeStats {
    /// The judge.
    #[schema(format = Uuid, max_length = 36)]
    pub judge_id: String,
    /// Submitted sheets.
    pub count: u32,
    /// Mean total.
    pub mean: f64,
    /// Population standard deviation of their totals.
    pub sd: f64,
}

/// A round's leaderboard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Leaderboard {
    /// The method used.
    pub method: Method,
    /// Rows in rank order (one per entry).
    #[schema(max_items = 10_000)]
    pub rows: Vec<Row>,
    /// Judges, by id.
    #[schema(max_items = 1_000)]
    pub judges: Vec<JudgeStats>,
}

/// The judge total `T` of one sheet (0–100): `values[i]` scores `criteria[i]`, and missing
/// values count as 0.
#[must_use]
pub fn judge_total(criteria: &[Criterion], values: &[f64]) -> f64 {
    weighted_total(criteria, &by_position(criteria), values)
}

/// The indexes of `criteria` in their position order.
fn by_position(criteria: &[Criterion]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..criteria.len()).collect();
    order.sort_by_key(|&i| criteria[i].position);
    order
}

/// The heaviest criterion, the first in `order` among equals.
fn heaviest<'a>(criteria: &'a [Criterion], order: &[usize]) -> Option<&'a Criterion> {
    order
        .iter()
        .map(|&i| &criteria[i])
        .fold(None, |best, c| match best {
            Some(b) if b.weight >= c.weight => Some(b),
            _ => Some(c),
        })
}

/// [`judge_total`], summed in `order` (position order, so every board sums alike).
fn weighted_total(criteria: &[Criterion], order: &[usize], values: &[f64]) -> f64 {
    let weights: f64 = order.iter().map(|&i| criteria[i].weight).sum();
    if weights <= 0.0 {
        return 0.0;
    }
    let weighted: f64 = order
        .iter()
        .map(|&i| {
            let c = &criteria[i];
            c.weight * (values.get(i).copied().unwrap_or(0.0) / c.max_score)
        })
        .sum();
    100.0 * weighted / weights
}

/// Arithmetic mean; 0 for no values.
#[must_use]
pub fn mean(values: &[f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.iter().sum::<f64>() / len_f64(values.len())
}

/// Population standard deviation; 0 for no values.
#[must_use]
pub fn population_sd(values: &[f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    let m = mean(values);
    (values.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / len_f64(values.len())).sqrt()
}

/// Median; 0 for no values.
#[must_use]
pub fn median(values: &[f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    if sorted.len() % 2 == 1 {
        sorted[mid]
    } else {
        f64::midpoint(sorted[mid - 1], sorted[mid])
    }
}

/// With five or more values, the mean without one highest and one lowest; else the mean.
#[must_use]
pub fn trimmed_mean(values: &[f64]) -> f64 {
    if values.len() < 5 {
        return mean(values);
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    mean(&sorted[1..sorted.len() - 1])
}

#[expect(
    clippy::cast_precision_loss,
    reason = "counts of sheets are far below 2^52"
)]
fn len_f64(n: usize) -> f64 {
    n as f64
}

fn count_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Computes a round's leaderboard from its submitted sheets.
///
/// `flag_spread` marks rows whose spread exceeds it. Entries without a submitted sheet are
/// not listed.
#[must_use]
pub fn leaderboard(
    method: Method,
    criteria: &[Criterion],
    sheets: &[Sheet],
    flag_spread: f64,
) -> Leaderboard {
    let order = by_position(criteria);

    // Totals per entry (with judge) and per judge, in a stable order.
    let mut by_entry: BTreeMap<&str, Vec<(&str, f64, &Sheet)>> = BTreeMap::new();
    let mut by_judge: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    for sheet in sheets {
        let total = weighted_total(criteria, &order, &sheet.values);
        by_entry
            .entry(&sheet.entry_id)
            .or_default()
            .push((&sheet.judge_id, total, sheet));
        by_judge.entry(&sheet.judge_id).or_default().push(total);
    }
    let judge_norms: BTreeMap<&str, (f64, f64, usize)> = by_judge
        .iter()
        .map(|(judge, totals)| (*judge, (mean(totals), population_sd(totals), totals.len())))
        .collect();
    let heaviest = heaviest(criteria, &order);

    let mut rows: Vec<(Row, f64)> = by_entry
        .iter()
        .map(|(entry_id, judged)| {
            let totals: Vec<f64> = judged.iter().map(|(_, t, _)| *t).collect();
            let score = match method {
                Method::Mean => mean(&totals),
                Method::Median => median(&totals),
                Method::TrimmedMean => trimmed_mean(&totals),
                Method::Zscore => {
                    let z: Vec<f64> = judged
                        .iter()
                        .map(|(judge, t, _)| match judge_norms.get(judge) {
                            Some((m, sd, n)) if *n >= 2 && *sd > 0.0 => (t - m) / sd,
                            _ => 0.0,
                        })
                        .collect();
                    mean(&z)
                }
            };
            let criteria_means: Vec<CriterionMean> = order
                .iter()
                .map(|&i| {
                    let values: Vec<f64> = judged
                        .iter()
                        .map(|(_, _, s)| s.values.get(i).copied().unwrap_or(0.0))
                        .collect();
                    CriterionMean {
                        criterion_id: criteria[i].id.clone(),
                        mean: mean(&values),
                    }
                })
                .collect();
            let heaviest_mean = heaviest
                .and_then(|h| criteria_means.iter().find(|m| m.criterion_id == h.id))
                .map_or(0.0, |m| m.mean);
            let spread = population_sd(&totals);
            let row = Row {
                rank: 0,
                entry_id: (*entry_id).to_owned(),
                score,
                mean: mean(&totals),
                judge_count: count_u32(totals.len()),
                spread,
                flagged: spread > flag_spread,
                criteria: criteria_means,
            };
            (row, heaviest_mean)
        })
        .collect();

    let compare = |a: &(Row, f64), b: &(Row, f64)| -> Ordering {
        b.0.score
            .total_cmp(&a.0.score)
            .then(b.0.mean.total_cmp(&a.0.mean))
            .then(b.1.total_cmp(&a.1))
    };
    rows.sort_by(|a, b| compare(a, b).then_with(|| a.0.entry_id.cmp(&b.0.entry_id)));
    for i in 0..rows.len() {
        let rank = if i > 0 && compare(&rows[i - 1], &rows[i]) == Ordering::Equal {
            rows[i - 1].0.rank
        } else {
            count_u32(i + 1)
        };
        rows[i].0.rank = rank;
    }

    let judges = judge_norms
        .into_iter()
        .map(|(judge, (m, sd, n))| JudgeStats {
            judge_id: judge.to_owned(),
            count: count_u32(n),
            mean: m,
            sd,
        })
        .collect();
    Leaderboard {
        method,
        rows: rows.into_iter().map(|(row, _)| row).collect(),
        judges,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use sonla_core::rand::SplitMix64;

    use super::{
        Criterion, Method, Sheet, judge_total, leaderboard, mean, median, population_sd,
        trimmed_mean,
    };

    fn criteria() -> Vec<Criterion> {
        vec![
            Criterion {
                id: "c1".into(),
                weight: 2.0,
                max_score: 10.0,
                position: 1,
            },
            Criterion {
                id: "c2".into(),
                weight: 1.0,
                max_score: 5.0,
                position: 2,
            },
        ]
    }

    fn sheet(entry: &str, judge: &str, c1: f64, c2: f64) -> Sheet {
        Sheet {
            entry_id: entry.into(),
            judge_id: judge.into(),
            values: vec![c1, c2],
        }
    }

    #[expect(clippy::cast_precision_loss, reason = "small test numbers")]
    fn f(n: usize) -> f64 {
        n as f64
    }

    fn random_sheets(g: &mut SplitMix64, entries: usize, judges: usize) -> Vec<Sheet> {
        let mut sheets = Vec::new();
        for e in 0..entries {
            for j in 0..judges {
                if g.below(4) > 0 {
                    sheets.push(sheet(
                        &format!("e{e}"),
                        &format!("j{j}"),
                        f(g.below(11)),
                        f(g.below(6)),
                    ));
                }
            }
        }
        sheets
    }

    #[test]
    fn values_follow_the_order_of_the_criteria_given() {
        // The same sheets with the criteria and every sheet's values listed the other way round
        // give the same board: values pair with the slice, sums run in position order. (The
        // weights differ per point, so a value paired with the wrong criterion shows.)
        let mut given = criteria();
        given[0].weight = 3.0;
        let reversed: Vec<Criterion> = given.iter().rev().cloned().collect();
        let sheets = vec![
            sheet("e1", "j1", 10.0, 0.0),
            sheet("e1", "j2", 4.0, 5.0),
            sheet("e2", "j1", 7.0, 2.0),
            sheet("e2", "j2", 3.0, 1.0),
        ];
        let flipped: Vec<Sheet> = sheets
            .iter()
            .map(|s| Sheet {
                values: s.values.iter().rev().copied().collect(),
                ..s.clone()
            })
            .collect();
        for method in Method::ALL {
            let board = leaderboard(*method, &given, &sheets, 15.0);
            assert_eq!(board, leaderboard(*method, &reversed, &flipped, 15.0));
            assert_eq!(board.rows[0].criteria[0].criterion_id, "c1");
        }
        assert!((judge_total(&given, &[10.0, 0.0]) - 75.0).abs() < 1e-12);
        assert!((judge_total(&reversed, &[0.0, 10.0]) - 75.0).abs() < 1e-12);
        assert!((judge_total(&reversed, &[10.0, 0.0]) - 50.0).abs() < 1e-12);
    }

    #[test]
    fn judge_total_is_a_weighted_percentage() {
        let values = [10.0, 0.0];
        assert!((judge_total(&criteria(), &values) - 200.0 / 3.0).abs() < 1e-12);
        let full = [10.0, 5.0];
        assert!((judge_total(&criteria(), &full) - 100.0).abs() < 1e-12);
    }

    #[test]
    #[expect(
        clippy::float_cmp,
        reason = "these values are exact in binary floating point"
    )]
    fn aggregates_handle_small_and_empty_inputs() {
        assert_eq!(mean(&[]), 0.0);
        assert_eq!(median(&[]), 0.0);
        assert_eq!(trimmed_mean(&[]), 0.0);
        assert_eq!(population_sd(&[]), 0.0);
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0]), 2.5);
        assert_eq!(trimmed_mean(&[0.0, 10.0, 10.0, 10.0, 100.0]), 10.0);
        assert_eq!(
            population_sd(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]),
            2.0
        );
    }

    #[test]
    fn ties_share_a_rank_and_the_next_rank_skips() {
        let sheets = vec![
            sheet("a", "j1", 10.0, 5.0),
            sheet("b", "j1", 5.0, 5.0),
            sheet("c", "j1", 5.0, 5.0),
            sheet("d", "j1", 0.0, 0.0),
        ];
        let board = leaderboard(Method::Mean, &criteria(), &sheets, 15.0);
        let ranks: Vec<(String, u32)> = board
            .rows
            .iter()
            .map(|r| (r.entry_id.clone(), r.rank))
            .collect();
        assert_eq!(
            ranks,
            vec![
                ("a".into(), 1),
                ("b".into(), 2),
                ("c".into(), 2),
                ("d".into(), 4)
            ]
        );
    }

    #[test]
    fn ties_break_on_mean_then_on_the_heaviest_criterion() {
        // Equal medians, different means.
        let sheets = vec![
            sheet("a", "j1", 5.0, 0.0),
            sheet("a", "j2", 5.0, 0.0),
            sheet("a", "j3", 10.0, 5.0),
            sheet("b", "j1", 5.0, 0.0),
            sheet("b", "j2", 5.0, 0.0),
            sheet("b", "j3", 5.0, 5.0),
        ];
        let board = leaderboard(Method::Median, &criteria(), &sheets, 100.0);
        assert_eq!(board.rows[0].entry_id, "a");
        assert_eq!((board.rows[0].rank, board.rows[1].rank), (1, 2));
        // Equal totals, different heaviest criterion: c1 weighs 2, c2 weighs 1.
        let heavy = vec![
            Criterion {
                id: "c1".into(),
                weight: 1.0,
                max_score: 10.0,
                position: 1,
            },
            Criterion {
                id: "c2".into(),
                weight: 1.0,
                max_score: 10.0,
                position: 2,
            },
        ];
        let sheets = vec![sheet("x", "j1", 4.0, 6.0), sheet("y", "j1", 6.0, 4.0)];
        let board = leaderboard(Method::Mean, &heavy, &sheets, 100.0);
        assert_eq!(
            board.rows[0].entry_id, "y",
            "equal weights: the first by position decides"
        );
        assert_eq!((board.rows[0].rank, board.rows[1].rank), (1, 2));
    }

    #[test]
    fn rows_report_spread_counts_criteria_and_flags() {
        let sheets = vec![sheet("a", "j1", 10.0, 5.0), sheet("a", "j2", 0.0, 0.0)];
        let board = leaderboard(Method::Mean, &criteria(), &sheets, 15.0);
        let row = &board.rows[0];
        assert_eq!(row.judge_count, 2);
        assert!((row.mean - 50.0).abs() < 1e-12);
        assert!((row.spread - 50.0).abs() < 1e-12);
        assert!(row.flagged);
        assert_eq!(row.criteria[0].criterion_id, "c1");
        assert!((row.criteria[0].mean - 5.0).abs() < 1e-12);
        assert_eq!(board.judges.len(), 2);
        assert_eq!(board.judges[0].count, 1);
    }

    #[test]
    fn no_panic_on_empty_single_or_identical_input() {
        for method in Method::ALL {
            assert!(leaderboard(*method, &criteria(), &[], 15.0).rows.is_empty());
            assert!(
                leaderboard(*method, &[], &[sheet("a", "j", 1.0, 1.0)], 15.0)
                    .rows
                    .len()
                    == 1
            );
            let same = vec![
                sheet("a", "j1", 5.0, 5.0),
                sheet("b", "j1", 5.0, 5.0),
                sheet("a", "j2", 5.0, 5.0),
            ];
            let board = leaderboard(*method, &criteria(), &same, 15.0);
            assert!(
                board
                    .rows
                    .iter()
                    .all(|r| r.rank == 1 && r.score.is_finite())
            );
        }
    }

    #[test]
    fn property_zscore_scores_ignore_a_positive_scale_of_one_judge() {
        let mut g = SplitMix64::new(7);
        for case in 0..300 {
            let sheets = random_sheets(&mut g, 6, 4);
            // Scaling all of a judge's values scales every T of theirs by the same factor.
            let factor = 0.5 + f(g.below(100)) / 50.0;
            let scaled: Vec<Sheet> = sheets
                .iter()
                .map(|s| {
                    let mut t = s.clone();
                    if t.judge_id == "j0" {
                        t.values.iter_mut().for_each(|v| *v *= factor);
                    }
                    t
                })
                .collect();
            let a = leaderboard(Method::Zscore, &criteria(), &sheets, 15.0);
            let b = leaderboard(Method::Zscore, &criteria(), &scaled, 15.0);
            let scores = |board: &super::Leaderboard| -> BTreeMap<String, (f64, u32)> {
                board
                    .rows
                    .iter()
                    .map(|r| (r.entry_id.clone(), (r.score, r.rank)))
                    .collect()
            };
            let (a, b) = (scores(&a), scores(&b));
            for (entry, (score, _)) in &a {
                assert!((score - b[entry].0).abs() < 1e-9, "case {case}: {entry}");
            }
        }
    }

    #[test]
    fn property_zscore_scores_ignore_a_constant_added_by_one_judge() {
        let mut g = SplitMix64::new(11);
        let wide = vec![Criterion {
            id: "c1".into(),
            weight: 1.0,
            max_score: 1000.0,
            position: 1,
        }];
        for case in 0..300 {
            let mut sheets = Vec::new();
            for e in 0..5 {
                for j in 0..3 {
                    sheets.push(Sheet {
                        entry_id: format!("e{e}"),
                        judge_id: format!("j{j}"),
                        values: vec![f(g.below(500))],
                    });
                }
            }
            let shift = f(g.below(400));
            let shifted: Vec<Sheet> = sheets
                .iter()
                .map(|s| {
                    let mut t = s.clone();
                    if t.judge_id == "j1" {
                        t.values[0] += shift;
                    }
                    t
                })
                .collect();
            let a = leaderboard(Method::Zscore, &wide, &sheets, 15.0);
            let b = leaderboard(Method::Zscore, &wide, &shifted, 15.0);
            for (x, y) in a.rows.iter().zip(b.rows.iter()) {
                assert_eq!(x.entry_id, y.entry_id, "case {case}");
                assert_eq!(x.rank, y.rank, "case {case}");
                assert!((x.score - y.score).abs() < 1e-9, "case {case}");
            }
        }
    }

    #[test]
    fn property_median_and_trimmed_mean_reduce_to_mean_for_few_judges() {
        let mut g = SplitMix64::new(3);
        for _ in 0..500 {
            let n = 1 + g.below(4);
            let values: Vec<f64> = (0..n).map(|_| f(g.below(10_000)) / 100.0).collect();
            assert!(
                (trimmed_mean(&values) - mean(&values)).abs() < 1e-9,
                "{values:?}"
            );
            if n <= 2 {
                assert!((median(&values) - mean(&values)).abs() < 1e-9, "{values:?}");
            }
        }
    }

    #[test]
    fn property_ranks_are_dense_from_one_and_sorted() {
        let mut g = SplitMix64::new(5);
        for _ in 0..200 {
            let sheets = random_sheets(&mut g, 8, 5);
            for method in Method::ALL {
                let board = leaderboard(*method, &criteria(), &sheets, 15.0);
                for (i, row) in board.rows.iter().enumerate() {
                    assert!(row.rank >= 1 && row.rank as usize <= i + 1);
                    if i > 0 {
                        assert!(board.rows[i - 1].score >= row.score);
                    }
                }
            }
        }
    }
}
