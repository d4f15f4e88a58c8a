//! The seeded random numbers of the demo data: [`SplitMix64`] streams, one per kind of record.
//!
//! The same seed gives the same data on every platform and in every version. Each kind
//! of record draws from its own stream, so a change to how ideas are made leaves the users
//! and organisations of a seed as they were.

use chrono::{Duration, NaiveDateTime};
use sonla_core::rand::SplitMix64;

/// A seeded generator.
pub struct Rng(SplitMix64);

impl Rng {
    /// The stream `name` of `seed`.
    #[must_use]
    pub fn new(seed: u64, name: &str) -> Self {
        // FNV-1a of the name, so streams of one seed differ.
        let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        let mut rng = SplitMix64::new(seed ^ hash);
        rng.next_u64();
        Self(rng)
    }

    /// The next 64 random bits.
    pub const fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        self.0.below(n)
    }

    /// A number in `low..=high`.
    pub fn between(&mut self, low: i64, high: i64) -> i64 {
        let span = u64::try_from(high.saturating_sub(low)).unwrap_or(0);
        let offset = if span == u64::MAX {
            self.next_u64()
        } else {
            self.next_u64() % (span + 1)
        };
        low.saturating_add_unsigned(offset)
    }

    /// A number in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        let high = u32::try_from(self.next_u64() >> 32).unwrap_or(0);
        f64::from(high) / 4_294_967_296.0
    }

    /// True with probability `percent` / 100.
    pub fn percent(&mut self, percent: u32) -> bool {
        self.below(100) < usize::try_from(percent).unwrap_or(100)
    }

    /// One of `items` (which must not be empty).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let i = self.below(items.len());
        &items[i]
    }

    /// An index drawn with the given weights.
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|w| u64::from(*w)).sum();
        if total == 0 {
            return 0;
        }
        let mut ticket = self.next_u64() % total;
        for (i, w) in weights.iter().enumerate() {
            let w = u64::from(*w);
            if ticket < w {
                return i;
            }
            ticket -= w;
        }
        weights.len().saturating_sub(1)
    }

    /// Fisher–Yates.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }

    /// A time between `from` and `to` (both included), to the microsecond.
    pub fn time_between(&mut self, from: NaiveDateTime, to: NaiveDateTime) -> NaiveDateTime {
        let span = (to - from).num_microseconds().unwrap_or(0).max(0);
        from + Duration::microseconds(self.between(0, span))
    }

    /// A UUID v7 for a record created at `at`: its time is `at`, its random bits come from
    /// this stream, so ids sort by creation time like the application's own.
    pub fn uuid_v7<I: From<uuid::Uuid>>(&mut self, at: NaiveDateTime) -> I {
        let millis = u64::try_from(at.and_utc().timestamp_millis()).unwrap_or(0);
        let mut random = [0_u8; 10];
        random[..8].copy_from_slice(&self.next_u64().to_le_bytes());
        random[8..].copy_from_slice(&self.next_u64().to_le_bytes()[..2]);
        uuid::Builder::from_unix_timestamp_millis(millis, &random)
            .into_uuid()
            .into()
    }
}

#[cfg(test)]
mod tests {
    use super::Rng;

    #[test]
    fn streams_repeat_for_a_seed_and_differ_by_name() {
        let a: Vec<u64> = (0..5).map(|_| Rng::new(7, "ideas").next_u64()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        assert_ne!(
            Rng::new(7, "ideas").next_u64(),
            Rng::new(7, "users").next_u64()
        );
        assert_ne!(
            Rng::new(7, "ideas").next_u64(),
            Rng::new(8, "ideas").next_u64()
        );
    }

    #[test]
    fn draws_stay_in_range() {
        let mut rng = Rng::new(1, "t");
        for _ in 0..1000 {
            assert!(rng.below(7) < 7);
            assert!((3..=9).contains(&rng.between(3, 9)));
            let u = rng.unit();
            assert!((0.0..1.0).contains(&u));
            assert!(rng.weighted(&[0, 5, 0]) == 1);
        }
    }

    #[test]
    fn ids_are_v7_with_the_given_time() {
        let at = chrono::DateTime::from_timestamp(1_790_000_000, 123_000_000)
            .unwrap()
            .naive_utc();
        let parsed: uuid::Uuid = Rng::new(1, "t").uuid_v7(at);
        assert_eq!(parsed.get_version_num(), 7);
        let (secs, nanos) = parsed.get_timestamp().unwrap().to_unix();
        assert_eq!((secs, nanos / 1_000_000), (1_790_000_000, 123));
    }
}
