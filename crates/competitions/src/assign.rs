//! Automatic assignment of judges to entries, as a pure function.
//!
//! Every entry gets `per_entry` judges when enough unconflicted judges exist; judges' loads
//! stay balanced (the greedy choice of the least-loaded eligible judge keeps the most and the
//! least loaded within one of each other wherever conflicts allow); the same seed gives the
//! same result. Entries with the fewest eligible judges are served first, so conflicts leave
//! as few entries short as possible.

use std::collections::{BTreeMap, BTreeSet};

use sonla_core::rand::SplitMix64;

/// What to assign.
#[derive(Debug, Clone, Default)]
pub struct Input {
    /// Entry ids.
    pub entries: Vec<String>,
    /// Judge ids.
    pub judges: Vec<String>,
    /// Judges wanted per entry.
    pub per_entry: usize,
    /// `(judge, entry)` pairs that must never be assigned.
    pub conflicts: BTreeSet<(String, String)>,
    /// `(entry, judge)` assignments already made, kept and counted.
    pub existing: Vec<(String, String)>,
    /// The seed of the tie-breaking order.
    pub seed: u64,
}

/// An entry left with fewer judges than wanted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Short {
    /// The entry.
    pub entry_id: String,
    /// Judges it has.
    pub assigned: usize,
    /// Judges wanted.
    pub needed: usize,
}

/// The new assignments and the entries left short.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// New `(entry, judge)` pairs.
    pub added: Vec<(String, String)>,
    /// Entries still short of judges.
    pub short: Vec<Short>,
}

/// Assigns judges; see the module documentation.
#[must_use]
pub fn auto_assign(input: &Input) -> Output {
    let mut rng = SplitMix64::new(input.seed);
    let mut entries: Vec<String> = input
        .entries
        .iter()
        .cloned()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut judges: Vec<String> = input
        .judges
        .iter()
        .cloned()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    rng.shuffle(&mut entries);
    rng.shuffle(&mut judges);
    let tiebreak: BTreeMap<&str, usize> = judges
        .iter()
        .enumerate()
        .map(|(i, j)| (j.as_str(), i))
        .collect();

    let mut load: BTreeMap<&str, usize> = judges.iter().map(|j| (j.as_str(), 0)).collect();
    let mut current: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (entry, judge) in &input.existing {
        current
            .entry(entry.as_str())
            .or_default()
            .insert(judge.as_str());
        if let Some(l) = load.get_mut(judge.as_str()) {
            *l += 1;
        }
    }
    let eligible = |entry: &str, judge: &str| {
        !input
            .conflicts
            .contains(&(judge.to_owned(), entry.to_owned()))
    };
    // Most constrained first; the shuffle breaks ties.
    let mut order: Vec<(usize, usize, &str)> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            (
                judges.iter().filter(|j| eligible(e, j)).count(),
                i,
                e.as_str(),
            )
        })
        .collect();
    order.sort_unstable();

    let mut added = Vec::new();
    let mut short = Vec::new();
    for (_, _, entry) in order {
        let have = current.entry(entry).or_default();
        let need = input.per_entry.saturating_sub(have.len());
        let mut candidates: Vec<&str> = judges
            .iter()
            .map(String::as_str)
            .filter(|j| !have.contains(j) && eligible(entry, j))
            .collect();
        candidates.sort_by_key(|j| {
            (
                load.get(j).copied().unwrap_or(0),
                tiebreak.get(j).copied().unwrap_or(0),
            )
        });
        for judge in candidates.into_iter().take(need) {
            have.insert(judge);
            if let Some(l) = load.get_mut(judge) {
                *l += 1;
            }
            added.push((entry.to_owned(), judge.to_owned()));
        }
        if have.len() < input.per_entry {
            short.push(Short {
                entry_id: entry.to_owned(),
                assigned: have.len(),
                needed: input.per_entry,
            });
        }
    }
    short.sort_by(|a, b| a.entry_id.cmp(&b.entry_id));
    Output { added, short }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::{Input, auto_assign};

    fn ids(prefix: &str, n: usize) -> Vec<String> {
        (0..n).map(|i| format!("{prefix}{i:03}")).collect()
    }

    fn loads(input: &Input, added: &[(String, String)]) -> BTreeMap<String, usize> {
        let mut loads: BTreeMap<String, usize> =
            input.judges.iter().map(|j| (j.clone(), 0)).collect();
        for (_, judge) in input.existing.iter().chain(added) {
            *loads.get_mut(judge).unwrap() += 1;
        }
        loads
    }

    #[test]
    fn balanced_full_and_reproducible_without_conflicts() {
        for (entries, judges, per) in [(10, 4, 3), (37, 7, 5), (5, 5, 5), (100, 9, 2)] {
            let input = Input {
                entries: ids("e", entries),
                judges: ids("j", judges),
                per_entry: per,
                seed: 42,
                ..Input::default()
            };
            let out = auto_assign(&input);
            assert!(out.short.is_empty());
            assert_eq!(out.added.len(), entries * per);
            let l = loads(&input, &out.added);
            let (max, min) = (l.values().max().unwrap(), l.values().min().unwrap());
            assert!(max - min <= 1, "{l:?}");
            assert_eq!(out, auto_assign(&input), "same seed, same result");
            let pairs: BTreeSet<_> = out.added.iter().collect();
            assert_eq!(pairs.len(), out.added.len(), "no judge twice on an entry");
        }
    }

    #[test]
    fn conflicts_are_never_assigned_and_shortness_is_reported() {
        let mut input = Input {
            entries: ids("e", 6),
            judges: ids("j", 3),
            per_entry: 2,
            seed: 9,
            ..Input::default()
        };
        // e000 conflicts with two of three judges; e001 with all.
        for j in ["j000", "j001"] {
            input.conflicts.insert((j.into(), "e000".into()));
        }
        for j in ["j000", "j001", "j002"] {
            input.conflicts.insert((j.into(), "e001".into()));
        }
        let out = auto_assign(&input);
        for (entry, judge) in &out.added {
            assert!(!input.conflicts.contains(&(judge.clone(), entry.clone())));
        }
        assert_eq!(out.short.len(), 2);
        assert_eq!(
            (out.short[0].entry_id.as_str(), out.short[0].assigned),
            ("e000", 1)
        );
        assert_eq!(
            (out.short[1].entry_id.as_str(), out.short[1].assigned),
            ("e001", 0)
        );
    }

    #[test]
    fn existing_assignments_are_kept_and_counted() {
        let input = Input {
            entries: ids("e", 4),
            judges: ids("j", 2),
            per_entry: 1,
            existing: vec![("e000".into(), "j000".into())],
            seed: 1,
            ..Input::default()
        };
        let out = auto_assign(&input);
        assert_eq!(out.added.len(), 3);
        assert!(!out.added.iter().any(|(e, _)| e == "e000"));
        let l = loads(&input, &out.added);
        assert_eq!(l.values().copied().collect::<Vec<_>>(), vec![2, 2]);
    }

    #[test]
    fn different_seeds_give_different_but_valid_results() {
        let base = Input {
            entries: ids("e", 30),
            judges: ids("j", 6),
            per_entry: 3,
            ..Input::default()
        };
        let a = auto_assign(&Input {
            seed: 1,
            ..base.clone()
        });
        let b = auto_assign(&Input {
            seed: 2,
            ..base.clone()
        });
        assert_ne!(a.added, b.added);
        assert_eq!(a.added.len(), b.added.len());
    }

    #[test]
    fn nothing_to_assign_is_fine() {
        assert!(auto_assign(&Input::default()).added.is_empty());
        let no_judges = Input {
            entries: ids("e", 2),
            per_entry: 2,
            ..Input::default()
        };
        assert_eq!(auto_assign(&no_judges).short.len(), 2);
    }
}
