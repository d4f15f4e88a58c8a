//! Accounts of the demo: staff, judges and founders with Vietnamese names, and their roles.

use chrono::{Duration, NaiveDateTime};
use sonla_accounts::model::{NewUserRole, User};
use sonla_core::UserId;
use sonla_db::DbConnection;
use sonla_db::search::{self, Document};

use super::rng::Rng;
use super::text::ascii;
use super::vocab::NAMINGS;
use super::{EMAIL_DOMAIN, Sizes};

/// Index of the administrator in [`People::staff`].
pub const ADMIN: usize = 0;
/// Index of the first officer.
pub const OFFICER: usize = 1;
/// Index of the second officer.
pub const OFFICER2: usize = 2;

/// The staff accounts: email name, full name, role besides `member`.
pub const STAFF: &[(&str, &str, &str)] = &[
    ("demo-admin", "Nguyễn Minh Quân", "admin"),
    ("demo-officer", "Lò Thị Hạnh", "officer"),
    ("demo-officer2", "Trần Đức Thành", "officer"),
    ("demo-mentor", "Cầm Văn Thắng", "mentor"),
    ("demo-investor", "Phạm Thu Hà", "investor"),
];

/// The founder every demo knows by email.
pub const DEMO_FOUNDER: (&str, &str) = ("demo-founder", "Quàng Văn Chiến");

/// Every account, with its roles.
pub struct People {
    /// Admin, officers, mentor, investor (see [`STAFF`]).
    pub staff: Vec<User>,
    /// Judges.
    pub judges: Vec<User>,
    /// Founders; the first is the demo founder.
    pub founders: Vec<User>,
    /// `(user, role, granted)` for every role, `member` included.
    pub roles: Vec<(UserId, &'static str, NaiveDateTime)>,
}

impl People {
    /// Every user.
    pub fn all(&self) -> impl Iterator<Item = &User> {
        self.staff.iter().chain(&self.judges).chain(&self.founders)
    }
}

/// A Vietnamese full name and the ASCII pieces of an email for it.
fn person_name(rng: &mut Rng) -> (String, String, String) {
    let shares: Vec<u32> = NAMINGS.iter().map(|(share, _)| *share).collect();
    let naming = &NAMINGS[rng.weighted(&shares)].1;
    let (middle, given) = if rng.percent(50) {
        (naming.female_middle, naming.female_given)
    } else {
        (naming.male_middle, naming.male_given)
    };
    let family = *rng.pick(naming.families);
    let given = *rng.pick(given);
    let full = format!("{family} {} {given}", rng.pick(middle));
    (full, ascii(given), ascii(family))
}

/// A Vietnamese mobile number.
fn mobile(rng: &mut Rng) -> String {
    format!(
        "09{:02} {:03} {:03}",
        rng.below(100),
        rng.below(1000),
        rng.below(1000)
    )
}

fn user(
    rng: &mut Rng,
    email: String,
    full_name: String,
    hash: &str,
    created_at: NaiveDateTime,
) -> User {
    User {
        id: rng.uuid_v7(created_at),
        email,
        password_hash: hash.to_owned(),
        full_name,
        phone: rng.percent(40).then(|| mobile(rng)),
        locale: "vi".to_owned(),
        created_at,
        updated_at: created_at,
    }
}

/// Makes every account; all share `hash`.
pub fn people(seed: u64, sizes: &Sizes, hash: &str, anchor: NaiveDateTime) -> People {
    let mut rng = Rng::new(seed, "users");
    let mut roles = Vec::new();
    let staff: Vec<User> = STAFF
        .iter()
        .zip(0_i64..)
        .map(|((email, name, role), i)| {
            let at = anchor - Duration::days(1100) + Duration::hours(i);
            let mut u = user(
                &mut rng,
                format!("{email}@{EMAIL_DOMAIN}"),
                (*name).to_owned(),
                hash,
                at,
            );
            if *role == "investor" {
                u.locale = "en".to_owned();
            }
            roles.push((u.id.clone(), *role, at));
            u
        })
        .collect();
    let judges: Vec<User> = (0..sizes.judges)
        .map(|i| {
            let at = rng.time_between(anchor - Duration::days(1000), anchor - Duration::days(960));
            let (name, _, _) = person_name(&mut rng);
            let u = user(
                &mut rng,
                format!("demo-judge{}@{EMAIL_DOMAIN}", i + 1),
                name,
                hash,
                at,
            );
            roles.push((u.id.clone(), "judge", at));
            u
        })
        .collect();
    let founders: Vec<User> = (0..sizes.founders)
        .map(|i| {
            let at = rng.time_between(anchor - Duration::days(950), anchor - Duration::days(760));
            let (name, given, family) = person_name(&mut rng);
            if i == 0 {
                let (email, name) = DEMO_FOUNDER;
                return user(
                    &mut rng,
                    format!("{email}@{EMAIL_DOMAIN}"),
                    name.to_owned(),
                    hash,
                    at,
                );
            }
            user(
                &mut rng,
                format!("{given}.{family}.{i}@{EMAIL_DOMAIN}"),
                name,
                hash,
                at,
            )
        })
        .collect();
    for u in staff.iter().chain(&judges).chain(&founders) {
        roles.push((u.id.clone(), "member", u.created_at));
    }
    People {
        staff,
        judges,
        founders,
        roles,
    }
}

/// Writes the accounts with their roles and search words, through the accounts repository.
pub fn write(conn: &mut DbConnection, people: &People) -> diesel::QueryResult<()> {
    let rows: Vec<User> = people.all().cloned().collect();
    sonla_accounts::repo::insert_users(conn, &rows)?;
    let roles: Vec<NewUserRole<'_>> = people
        .roles
        .iter()
        .map(|(user_id, role, granted_at)| NewUserRole {
            user_id,
            role,
            granted_at: *granted_at,
        })
        .collect();
    sonla_accounts::repo::insert_roles(conn, &roles)?;
    // Documents are numbered in the order the records were created.
    let mut users: Vec<&User> = people.all().collect();
    users.sort_by_key(|u| (u.created_at, u.id.clone()));
    let documents: Vec<Document> = users.iter().map(|u| u.search_document()).collect();
    search::index_many(conn, &documents)?;
    Ok(())
}
