//! Organisations of the demo: the province's known organisations, then cooperatives,
//! businesses, clubs and associations, with their members.

use std::collections::HashSet;

use chrono::{Duration, NaiveDateTime};
use sonla_accounts::model::User;
use sonla_core::UserId;
use sonla_core::text::fold;
use sonla_db::DbConnection;
use sonla_db::search::{self, Document};
use sonla_organizations::model::{NewMember, Organization};

use super::accounts::{ADMIN, OFFICER, OFFICER2, People};
use super::rng::Rng;
use super::text::slug;
use super::vocab::{
    BUSINESS_FORMS, BUSINESS_LINES, BUSINESS_WORDS, COOPERATIVE_LINES, KNOWN_ORGANIZATIONS,
    LOCALITIES, VILLAGES,
};
use super::{EMAIL_DOMAIN, Sizes};

/// Organisations of the known list that the demo founder and the judges belong to.
pub const UNIVERSITY: usize = 1;
/// The university's startup club, owned by the demo founder.
pub const CLUB: usize = 2;
const COLLEGE: usize = 3;
const YOUNG_ENTREPRENEURS: usize = 8;

/// An organisation membership.
pub struct Membership {
    /// Index in [`Organizations::rows`].
    pub organization: usize,
    /// The member.
    pub user_id: UserId,
    /// `owner`, `manager` or `member`.
    pub role: &'static str,
    /// When they joined.
    pub added_at: NaiveDateTime,
}

/// The organisations and who belongs to them.
pub struct Organizations {
    /// Rows.
    pub rows: Vec<Organization>,
    /// Memberships, owners included.
    pub members: Vec<Membership>,
    /// The one organisation (if any) of each founder.
    pub founder_org: Vec<Option<usize>>,
}

/// A made-up website on the reserved domain.
fn website(name: &str) -> String {
    format!("https://{}.{EMAIL_DOMAIN}", slug(name))
}

/// A generated organisation's name, kind and description.
fn generated(rng: &mut Rng) -> (String, &'static str, String, usize) {
    let locality = rng.below(LOCALITIES.len());
    let place = LOCALITIES[locality].place;
    match rng.weighted(&[50, 35, 10, 5]) {
        0 => {
            let line = *rng.pick(COOPERATIVE_LINES);
            (
                format!("Hợp tác xã {line} {place}"),
                "cooperative",
                format!("Hợp tác xã của các hộ {} ở {place}.", line.to_lowercase()),
                locality,
            )
        }
        1 => {
            let line = *rng.pick(BUSINESS_LINES);
            (
                format!(
                    "{} {line} {}",
                    rng.pick(BUSINESS_FORMS),
                    rng.pick(BUSINESS_WORDS)
                ),
                "business",
                format!("Doanh nghiệp nhỏ về {} tại {place}.", line.to_lowercase()),
                locality,
            )
        }
        2 => (
            format!("Câu lạc bộ Khởi nghiệp Trường THPT {place}"),
            "club",
            "Câu lạc bộ của học sinh yêu thích khởi nghiệp.".to_owned(),
            locality,
        ),
        _ => (
            format!("Chi hội Doanh nhân trẻ {place}"),
            "association",
            "Kết nối doanh nhân trẻ trong vùng.".to_owned(),
            locality,
        ),
    }
}

fn landline(rng: &mut Rng) -> String {
    format!("0212 3{:02} {:03}", rng.below(100), rng.below(1000))
}

/// Makes the organisations: the known ones, then cooperatives, businesses, clubs and
/// associations up to the size of the scale, each with an owner and members.
#[expect(
    clippy::too_many_lines,
    reason = "one pass over the organisations, clearer in one piece"
)]
pub fn organizations(
    seed: u64,
    sizes: &Sizes,
    people: &People,
    anchor: NaiveDateTime,
) -> Organizations {
    let mut rng = Rng::new(seed, "organizations");
    let mut rows: Vec<Organization> = Vec::with_capacity(sizes.organizations);
    let mut members: Vec<Membership> = Vec::new();
    let mut founder_org: Vec<Option<usize>> = vec![None; people.founders.len()];
    let mut taken: HashSet<String> = HashSet::new();
    // Founders who own an organisation, picked in a seeded order (the demo founder first).
    let mut owners: Vec<usize> = (1..people.founders.len()).collect();
    rng.shuffle(&mut owners);
    let mut owners = owners.into_iter();
    for i in 0..sizes.organizations {
        let (name, kind, description, locality) = if let Some(known) = KNOWN_ORGANIZATIONS.get(i) {
            (
                known.name.to_owned(),
                known.kind,
                known.description.to_owned(),
                LOCALITIES
                    .iter()
                    .position(|l| l.name == known.locality)
                    .unwrap_or(0),
            )
        } else {
            let mut draw = generated(&mut rng);
            let mut tries = 0;
            while taken.contains(&fold(&draw.0)) && tries < 20 {
                draw = generated(&mut rng);
                tries += 1;
            }
            let base = draw.0.clone();
            let mut n = 2;
            while taken.contains(&fold(&draw.0)) {
                draw.0 = format!("{base} số {n}");
                n += 1;
            }
            draw
        };
        taken.insert(fold(&name));
        // Clubs and cooperatives belong to founders; the rest were registered by staff.
        let owner_founder = match (i, kind) {
            (CLUB, _) => Some(0),
            (_, "club" | "cooperative" | "business") => owners.next(),
            _ => None,
        };
        let (creator, created_at) = if let Some(f) = owner_founder {
            let founder = &people.founders[f];
            let at = founder.created_at + Duration::days(rng.between(1, 60));
            (founder.id.clone(), at)
        } else {
            // The department is the officer's; the admin and the second officer
            // registered the others in turn.
            let creator = match i {
                0 => OFFICER,
                _ if i % 2 == 1 => OFFICER2,
                _ => ADMIN,
            };
            let at = anchor - Duration::days(1080) + Duration::hours(rng.between(0, 1900));
            (people.staff[creator].id.clone(), at)
        };
        if let Some(f) = owner_founder {
            founder_org[f] = Some(i);
        }
        let locality_row = &LOCALITIES[locality];
        // Wards have residential groups (tổ), communes have villages (bản).
        let address = if locality_row.name.starts_with("Phường") {
            format!(
                "Tổ {}, {}, tỉnh Sơn La",
                rng.between(1, 12),
                locality_row.name
            )
        } else {
            let village = rng.pick(VILLAGES).replacen("bản", "Bản", 1);
            format!("{village}, {}, tỉnh Sơn La", locality_row.name)
        };
        let row = Organization {
            id: rng.uuid_v7(created_at),
            name_key: fold(&name),
            website: rng.percent(40).then(|| website(&name)),
            contact_email: rng
                .percent(60)
                .then(|| format!("lienhe{}@{EMAIL_DOMAIN}", i + 1)),
            contact_phone: rng.percent(70).then(|| landline(&mut rng)),
            name,
            kind: kind.to_owned(),
            short_description: Some(description),
            address: Some(address),
            locality: Some(locality_row.name.to_owned()),
            created_by: Some(creator.clone()),
            created_at,
            updated_at: created_at,
        };
        members.push(Membership {
            organization: i,
            user_id: creator,
            role: "owner",
            added_at: created_at,
        });
        rows.push(row);
    }
    // Officer 2 works at the department; judges teach or do business somewhere.
    let mut join = |organization: usize, user: &User, role| {
        let Some(org) = rows.get(organization) else {
            return;
        };
        if members
            .iter()
            .any(|m| m.organization == organization && m.user_id == user.id)
        {
            return;
        }
        members.push(Membership {
            organization,
            user_id: user.id.clone(),
            role,
            added_at: org.created_at.max(user.created_at) + Duration::days(2),
        });
    };
    join(0, &people.staff[OFFICER2], "manager");
    for (judge, organization) in
        people
            .judges
            .iter()
            .zip([UNIVERSITY, COLLEGE, YOUNG_ENTREPRENEURS])
    {
        join(organization, judge, "member");
    }
    // Founders without an organisation of their own join one (not agencies or funds).
    let joinable: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, o)| !matches!(o.kind.as_str(), "agency" | "fund"))
        .map(|(i, _)| i)
        .collect();
    for (f, founder) in people.founders.iter().enumerate() {
        if founder_org[f].is_some() || joinable.is_empty() || !rng.percent(60) {
            continue;
        }
        let organization = *rng.pick(&joinable);
        let org = &rows[organization];
        let role = if rng.percent(10) { "manager" } else { "member" };
        let added_at = org.created_at.max(founder.created_at) + Duration::days(rng.between(1, 60));
        members.push(Membership {
            organization,
            user_id: founder.id.clone(),
            role,
            added_at,
        });
        founder_org[f] = Some(organization);
    }
    Organizations {
        rows,
        members,
        founder_org,
    }
}

/// Writes the organisations with their members and search words, through the organisations
/// repository.
pub fn write(conn: &mut DbConnection, organizations: &Organizations) -> diesel::QueryResult<()> {
    sonla_organizations::repo::insert_many(conn, &organizations.rows)?;
    let members: Vec<NewMember<'_>> = organizations
        .members
        .iter()
        .map(|m| NewMember {
            organization_id: &organizations.rows[m.organization].id,
            user_id: &m.user_id,
            role: m.role,
            added_at: m.added_at,
        })
        .collect();
    sonla_organizations::repo::insert_members(conn, &members)?;
    // Documents are numbered in the order the records were created.
    let mut rows: Vec<&Organization> = organizations.rows.iter().collect();
    rows.sort_by_key(|o| (o.created_at, o.id.clone()));
    let documents: Vec<Document> = rows.iter().map(|o| o.search_document()).collect();
    search::index_many(conn, &documents)?;
    Ok(())
}
