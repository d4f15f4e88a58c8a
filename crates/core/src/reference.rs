//! The plan's reference lists that several domains share: sectors and stages (an idea's, an
//! entry's in judging, later a fund application's). `GET /api/v1/reference/sectors` names them.

use crate::string_enum;

string_enum! {
    /// The plan's sectors (`GET /api/v1/reference/sectors` names them).
    pub enum Sector {
        /// Du lịch.
        Tourism => "tourism",
        /// Nông nghiệp.
        Agriculture => "agriculture",
        /// Lâm nghiệp.
        Forestry => "forestry",
        /// Chế biến thực phẩm.
        FoodProcessing => "food_processing",
        /// Thủ công mỹ nghệ.
        Handicrafts => "handicrafts",
        /// Công nghệ.
        Technology => "technology",
        /// Giáo dục.
        Education => "education",
        /// Y tế.
        Health => "health",
        /// Môi trường.
        Environment => "environment",
        /// Năng lượng.
        Energy => "energy",
        /// Dịch vụ.
        Services => "services",
        /// Khác.
        Other => "other",
    }
}

impl Sector {
    /// The sector's name in Vietnamese and English.
    #[must_use]
    pub const fn names(self) -> (&'static str, &'static str) {
        match self {
            Self::Tourism => ("Du lịch", "Tourism"),
            Self::Agriculture => ("Nông nghiệp", "Agriculture"),
            Self::Forestry => ("Lâm nghiệp", "Forestry"),
            Self::FoodProcessing => ("Chế biến thực phẩm", "Food processing"),
            Self::Handicrafts => ("Thủ công mỹ nghệ", "Handicrafts"),
            Self::Technology => ("Công nghệ", "Technology"),
            Self::Education => ("Giáo dục", "Education"),
            Self::Health => ("Y tế", "Health"),
            Self::Environment => ("Môi trường", "Environment"),
            Self::Energy => ("Năng lượng", "Energy"),
            Self::Services => ("Dịch vụ", "Services"),
            Self::Other => ("Khác", "Other"),
        }
    }
}

string_enum! {
    /// How far the project has come.
    pub enum Stage {
        /// Ý tưởng.
        Idea => "idea",
        /// Nguyên mẫu.
        Prototype => "prototype",
        /// Sản phẩm khả dụng tối thiểu.
        Mvp => "mvp",
        /// Có doanh thu ban đầu.
        EarlyRevenue => "early_revenue",
        /// Tăng trưởng.
        Growth => "growth",
    }
}
