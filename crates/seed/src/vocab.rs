//! The Vietnamese words the demo data is made of: people's names as they are given in Sơn La
//! (Kinh, Thái, H'Mông and Mường families), communes and wards with their former districts,
//! organisations of the province, and idea titles by sector with the products, villages and
//! places they speak of.
//!
//! Names of real bodies (the university, the department, the youth union, …) make the demo
//! recognisable; every address, telephone number, email and website is made up, and emails
//! and websites use the reserved `.example` domain.

use sonla_ideas::api::Sector;

/// An ethnic group's naming: family names, middle names by sex, given names by sex.
pub struct Naming {
    /// Family names (họ).
    pub families: &'static [&'static str],
    /// Middle names of men.
    pub male_middle: &'static [&'static str],
    /// Middle names of women.
    pub female_middle: &'static [&'static str],
    /// Given names of men.
    pub male_given: &'static [&'static str],
    /// Given names of women.
    pub female_given: &'static [&'static str],
}

/// Naming by ethnic group, with each group's share of the founders (per cent).
pub const NAMINGS: &[(u32, Naming)] = &[
    // Thái, the largest group of the province.
    (
        48,
        Naming {
            families: &[
                "Lò", "Cầm", "Quàng", "Tòng", "Lường", "Vì", "Cà", "Điêu", "Hoàng", "Lù", "Bạc",
                "Lê",
            ],
            male_middle: &["Văn"],
            female_middle: &["Thị"],
            male_given: &[
                "Chiến", "Hùng", "Khánh", "Tuấn", "Pánh", "Xuân", "Thắng", "Hưởng", "Duẩn", "Ngọc",
                "Sơn", "Thanh",
            ],
            female_given: &[
                "Hoa", "Xiêng", "Un", "Ín", "Phương", "Thoa", "Hương", "Ngọc", "Xuân", "Bích",
                "Hạnh", "Duyên",
            ],
        },
    ),
    // Kinh.
    (
        32,
        Naming {
            families: &[
                "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Hà",
                "Đinh",
            ],
            male_middle: &["Văn", "Đức", "Minh", "Quang", "Hữu", "Thành"],
            female_middle: &["Thị", "Thu", "Ngọc", "Thanh", "Phương", "Hải"],
            male_given: &[
                "An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khoa", "Long", "Minh", "Nam",
                "Phong", "Quân", "Sơn", "Tuấn", "Việt", "Đạt",
            ],
            female_given: &[
                "Anh", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Ngọc", "Nhung",
                "Phương", "Thảo", "Trang", "Vân", "Yến", "Huyền",
            ],
        },
    ),
    // H'Mông.
    (
        15,
        Naming {
            families: &[
                "Giàng", "Sùng", "Mùa", "Thào", "Vàng", "Hờ", "Lầu", "Lý", "Tráng",
            ],
            male_middle: &["A", "Seo"],
            female_middle: &["Thị"],
            male_given: &[
                "Páo", "Chứ", "Dơ", "Lử", "Sử", "Tủa", "Vừ", "Chồng", "Nhìa", "Khua",
            ],
            female_given: &["Mỷ", "Dợ", "Say", "Xúa", "Chi", "Dia", "Máy", "Pà", "Dua"],
        },
    ),
    // Mường.
    (
        5,
        Naming {
            families: &["Đinh", "Bùi", "Hà", "Xa", "Quách"],
            male_middle: &["Văn", "Công"],
            female_middle: &["Thị"],
            male_given: &["Khiêm", "Lực", "Thái", "Tiến", "Hòa"],
            female_given: &["Thắm", "Nhàn", "Mến", "Thêu", "Lụa"],
        },
    ),
];

/// A commune or ward (after the July 2025 merger) with the district it belonged to.
pub struct Locality {
    /// Commune or ward: "Phường Tô Hiệu", "Xã Chiềng Hặc".
    pub name: &'static str,
    /// The former district: "Thành phố Sơn La", "Huyện Yên Châu".
    pub district: &'static str,
    /// A short place name for titles: "Tô Hiệu", "Yên Châu".
    pub place: &'static str,
}

const fn loc(name: &'static str, district: &'static str, place: &'static str) -> Locality {
    Locality {
        name,
        district,
        place,
    }
}

/// Communes and wards of Sơn La.
pub const LOCALITIES: &[Locality] = &[
    loc("Phường Tô Hiệu", "Thành phố Sơn La", "Sơn La"),
    loc("Phường Chiềng Lề", "Thành phố Sơn La", "Sơn La"),
    loc("Phường Chiềng Sinh", "Thành phố Sơn La", "Chiềng Sinh"),
    loc("Phường Chiềng An", "Thành phố Sơn La", "Chiềng An"),
    loc("Phường Chiềng Cơi", "Thành phố Sơn La", "Chiềng Cơi"),
    loc("Xã Chiềng Ngần", "Thành phố Sơn La", "Chiềng Ngần"),
    loc("Xã Hua La", "Thành phố Sơn La", "Hua La"),
    loc("Phường Mộc Châu", "Huyện Mộc Châu", "Mộc Châu"),
    loc("Phường Mộc Sơn", "Huyện Mộc Châu", "Mộc Châu"),
    loc("Phường Thảo Nguyên", "Huyện Mộc Châu", "Mộc Châu"),
    loc("Phường Vân Sơn", "Huyện Mộc Châu", "Mộc Châu"),
    loc("Xã Đông Sang", "Huyện Mộc Châu", "Đông Sang"),
    loc("Xã Tân Lập", "Huyện Mộc Châu", "Tân Lập"),
    loc("Xã Lóng Sập", "Huyện Mộc Châu", "Lóng Sập"),
    loc("Xã Vân Hồ", "Huyện Vân Hồ", "Vân Hồ"),
    loc("Xã Xuân Nha", "Huyện Vân Hồ", "Xuân Nha"),
    loc("Xã Tô Múa", "Huyện Vân Hồ", "Tô Múa"),
    loc("Xã Chiềng Yên", "Huyện Vân Hồ", "Vân Hồ"),
    loc("Xã Thuận Châu", "Huyện Thuận Châu", "Thuận Châu"),
    loc("Xã Phỏng Lái", "Huyện Thuận Châu", "Phỏng Lái"),
    loc("Xã Chiềng Pha", "Huyện Thuận Châu", "Thuận Châu"),
    loc("Xã Mường É", "Huyện Thuận Châu", "Mường É"),
    loc("Xã Co Mạ", "Huyện Thuận Châu", "Co Mạ"),
    loc("Xã Long Hẹ", "Huyện Thuận Châu", "Long Hẹ"),
    loc("Xã Mai Sơn", "Huyện Mai Sơn", "Mai Sơn"),
    loc("Xã Chiềng Mai", "Huyện Mai Sơn", "Chiềng Mai"),
    loc("Xã Cò Nòi", "Huyện Mai Sơn", "Cò Nòi"),
    loc("Xã Mường Chanh", "Huyện Mai Sơn", "Mường Chanh"),
    loc("Xã Chiềng Sung", "Huyện Mai Sơn", "Mai Sơn"),
    loc("Xã Phiêng Pằn", "Huyện Mai Sơn", "Phiêng Pằn"),
    loc("Xã Yên Châu", "Huyện Yên Châu", "Yên Châu"),
    loc("Xã Chiềng Hặc", "Huyện Yên Châu", "Chiềng Hặc"),
    loc("Xã Lóng Phiêng", "Huyện Yên Châu", "Lóng Phiêng"),
    loc("Xã Phiêng Khoài", "Huyện Yên Châu", "Phiêng Khoài"),
    loc("Xã Sông Mã", "Huyện Sông Mã", "Sông Mã"),
    loc("Xã Chiềng Khương", "Huyện Sông Mã", "Chiềng Khương"),
    loc("Xã Mường Hung", "Huyện Sông Mã", "Sông Mã"),
    loc("Xã Bó Sinh", "Huyện Sông Mã", "Bó Sinh"),
    loc("Xã Phù Yên", "Huyện Phù Yên", "Phù Yên"),
    loc("Xã Gia Phù", "Huyện Phù Yên", "Gia Phù"),
    loc("Xã Tường Hạ", "Huyện Phù Yên", "Phù Yên"),
    loc("Xã Kim Bon", "Huyện Phù Yên", "Kim Bon"),
    loc("Xã Bắc Yên", "Huyện Bắc Yên", "Bắc Yên"),
    loc("Xã Tà Xùa", "Huyện Bắc Yên", "Tà Xùa"),
    loc("Xã Xím Vàng", "Huyện Bắc Yên", "Xím Vàng"),
    loc("Xã Phiêng Côn", "Huyện Bắc Yên", "Bắc Yên"),
    loc("Xã Quỳnh Nhai", "Huyện Quỳnh Nhai", "Quỳnh Nhai"),
    loc("Xã Mường Giôn", "Huyện Quỳnh Nhai", "Mường Giôn"),
    loc("Xã Mường Sại", "Huyện Quỳnh Nhai", "Quỳnh Nhai"),
    loc("Xã Mường La", "Huyện Mường La", "Mường La"),
    loc("Xã Mường Bú", "Huyện Mường La", "Mường Bú"),
    loc("Xã Ngọc Chiến", "Huyện Mường La", "Ngọc Chiến"),
    loc("Xã Chiềng Lao", "Huyện Mường La", "Mường La"),
    loc("Xã Sốp Cộp", "Huyện Sốp Cộp", "Sốp Cộp"),
    loc("Xã Mường Lạn", "Huyện Sốp Cộp", "Sốp Cộp"),
    loc("Xã Mường Lèo", "Huyện Sốp Cộp", "Mường Lèo"),
];

/// Villages (bản) known for community tourism and crafts.
pub const VILLAGES: &[&str] = &[
    "bản Áng",
    "bản Hua Tát",
    "bản Mòng",
    "bản Phụ Mẫu",
    "bản Tà Số",
    "bản Nà Ka",
    "bản Hụm",
    "bản Dọi",
    "bản Pa Phách",
    "bản Bó",
    "bản Lướt",
    "bản Co Sa",
];

/// Ethnic groups as idea titles name them.
pub const PEOPLES: &[&str] = &[
    "người Thái",
    "người Mông",
    "người Dao",
    "người Mường",
    "người Khơ Mú",
];

/// Reservoirs of the Đà river dams.
pub const RESERVOIRS: &[&str] = &[
    "lòng hồ thủy điện Sơn La",
    "lòng hồ thủy điện Hòa Bình",
    "lòng hồ Quỳnh Nhai",
];

/// An idea template: a title with `{x}` (an item), `{p}` (a place), `{b}` (a village),
/// `{e}` (a people) or `{r}` (a reservoir), and the items `{x}` takes.
pub struct Template {
    /// The title pattern.
    pub title: &'static str,
    /// What `{x}` may be.
    pub items: &'static [&'static str],
}

const fn t(title: &'static str, items: &'static [&'static str]) -> Template {
    Template { title, items }
}

const FRUIT: &[&str] = &[
    "mận hậu",
    "xoài",
    "nhãn",
    "bơ",
    "dâu tây",
    "chanh leo",
    "na",
    "sơn tra",
];
const COFFEE_TEA: &[&str] = &["cà phê Arabica", "chè Shan tuyết", "chè búp", "mắc ca"];
const HERBS: &[&str] = &[
    "tam thất",
    "đương quy",
    "giảo cổ lam",
    "sa nhân",
    "cà gai leo",
    "atiso",
];

/// A sector's templates, its goals and what its ideas are about.
pub struct SectorWords {
    /// The sector.
    pub sector: Sector,
    /// Title templates.
    pub templates: &'static [Template],
    /// "…nhằm {goal}": what ideas of the sector set out to do.
    pub goals: &'static [&'static str],
    /// Who buys or benefits.
    pub customers: &'static [&'static str],
    /// The problem a description opens with.
    pub problems: &'static [&'static str],
    /// Tags typical of the sector.
    pub tags: &'static [&'static str],
    /// Share of the ideas (per cent, roughly).
    pub share: u32,
}

/// Words of every sector the ideas crate accepts (`GET /api/v1/reference/sectors`).
pub const SECTORS: &[SectorWords] = &[
    SectorWords {
        sector: Sector::Agriculture,
        templates: &[
            t(
                "Trồng {x} theo tiêu chuẩn VietGAP tại {p}",
                &[
                    "cà phê Arabica",
                    "chanh leo",
                    "bơ sáp",
                    "mận hậu",
                    "xoài tròn",
                    "nhãn muộn",
                    "na dai",
                    "rau cải mèo",
                ],
            ),
            t(
                "Vườn {x} hữu cơ {p}",
                &["rau", "dâu tây", "cam", "bưởi da xanh", "nho", "chè"],
            ),
            t(
                "Nhà màng trồng {x} công nghệ cao {p}",
                &[
                    "dưa lưới",
                    "cà chua bi",
                    "rau thủy canh",
                    "hoa lan",
                    "dâu tây",
                ],
            ),
            t(
                "Chăn nuôi {x} theo chuỗi khép kín {p}",
                &["bò sữa", "lợn đen bản địa", "gà đồi", "dê núi", "bò thịt"],
            ),
            t(
                "Nuôi cá {x} lồng bè {r}",
                &["tầm", "lăng", "rô phi", "chiên", "trắm"],
            ),
            t(
                "Sản xuất giống {x} sạch bệnh {p}",
                &["khoai tây", "sắn", "mía tím", "cà phê", "bơ ghép"],
            ),
            t("Liên kết tiêu thụ {x} cho nông dân {p}", FRUIT),
            t(
                "Nuôi ong lấy mật {x} {p}",
                &["hoa ban", "hoa nhãn", "hoa cà phê", "rừng"],
            ),
        ],
        goals: &[
            "nâng giá trị nông sản",
            "giảm chi phí đầu vào cho nông dân",
            "tạo vùng nguyên liệu ổn định",
            "đưa sản phẩm đạt chuẩn OCOP",
        ],
        customers: &[
            "siêu thị và bếp ăn ở Hà Nội",
            "thương lái và hợp tác xã",
            "khách du lịch",
            "các chuỗi cửa hàng nông sản sạch",
        ],
        problems: &[
            "Nông dân trong vùng vẫn bán sản phẩm thô, giá bấp bênh theo mùa vụ.",
            "Sản xuất còn nhỏ lẻ, thiếu liên kết và khó truy xuất nguồn gốc.",
            "Dịch bệnh và thời tiết cực đoan khiến năng suất giảm mạnh trong hai năm qua.",
        ],
        tags: &["nông nghiệp", "VietGAP", "hữu cơ", "chuỗi giá trị", "OCOP"],
        share: 18,
    },
    SectorWords {
        sector: Sector::FoodProcessing,
        templates: &[
            t("Chế biến {x} {p}", COFFEE_TEA),
            t("Sấy lạnh {x} {p}", FRUIT),
            t("Mứt {x} {p}", &["mận", "sơn tra", "gừng", "bí đỏ", "xoài"]),
            t(
                "Trà túi lọc {x} {p}",
                &[
                    "hoa ban",
                    "sơn tra",
                    "lá vối",
                    "giảo cổ lam",
                    "chè Shan tuyết",
                ],
            ),
            t(
                "Sữa chua {x} Mộc Châu",
                &["nếp cẩm", "dâu tây", "chanh leo", "mận"],
            ),
            t("Thịt trâu gác bếp {p} đóng gói hút chân không", &[]),
            t(
                "Nước ép {x} đóng chai {p}",
                &["chanh leo", "mận", "nhãn", "táo mèo"],
            ),
            t("Tinh bột dong riềng và miến {p}", &[]),
        ],
        goals: &[
            "kéo dài thời gian bảo quản nông sản",
            "tạo sản phẩm quà tặng đặc trưng của Sơn La",
            "giảm thất thoát sau thu hoạch",
            "đạt chứng nhận OCOP 4 sao",
        ],
        customers: &[
            "khách du lịch Mộc Châu",
            "cửa hàng đặc sản ở Hà Nội",
            "sàn thương mại điện tử",
            "doanh nghiệp xuất khẩu",
        ],
        problems: &[
            "Vào chính vụ, nông sản dồn ra chợ cùng lúc nên giá giảm sâu.",
            "Phần lớn sản phẩm chế biến thủ công, mẫu mã chưa hấp dẫn.",
            "Cơ sở chế biến trong vùng thiếu thiết bị sấy và đóng gói hiện đại.",
        ],
        tags: &["chế biến", "đặc sản", "OCOP", "sau thu hoạch", "quà tặng"],
        share: 14,
    },
    SectorWords {
        sector: Sector::Tourism,
        templates: &[
            t("Du lịch cộng đồng {b}", &[]),
            t("Homestay nhà sàn {e} {b}", &[]),
            t(
                "Tour trải nghiệm hái {x} {p}",
                &["mận", "dâu tây", "chè", "cà phê", "bơ"],
            ),
            t(
                "Trekking săn mây {x}",
                &["đỉnh Tà Xùa", "đỉnh Pha Luông", "Tà Số", "Phiêng Khoài"],
            ),
            t("Trải nghiệm ẩm thực {e} tại {p}", &[]),
            t(
                "Xe đạp khám phá {x}",
                &[
                    "cao nguyên Mộc Châu",
                    "lòng hồ Quỳnh Nhai",
                    "thung lũng Mường La",
                ],
            ),
            t("Nghỉ dưỡng suối khoáng nóng {p}", &[]),
            t(
                "Lễ hội {x} cho du khách",
                &["Xòe Thái", "Hết Chá", "Gầu Tào", "hoa ban"],
            ),
        ],
        goals: &[
            "giữ chân du khách ở lại lâu hơn",
            "tạo sinh kế cho bà con trong bản",
            "quảng bá văn hóa các dân tộc Sơn La",
            "phát triển du lịch xanh",
        ],
        customers: &[
            "khách du lịch từ Hà Nội",
            "khách quốc tế đi tuyến Tây Bắc",
            "các trường học tổ chức dã ngoại",
            "nhóm bạn trẻ thích trải nghiệm",
        ],
        problems: &[
            "Khách đến Sơn La chủ yếu đi qua trong ngày, chi tiêu còn thấp.",
            "Sản phẩm du lịch trong vùng trùng lặp, thiếu trải nghiệm riêng.",
            "Bà con có nhà sàn đẹp nhưng chưa biết đón khách chuyên nghiệp.",
        ],
        tags: &[
            "du lịch",
            "du lịch cộng đồng",
            "văn hóa",
            "homestay",
            "trải nghiệm",
        ],
        share: 12,
    },
    SectorWords {
        sector: Sector::Technology,
        templates: &[
            t("Sàn thương mại điện tử nông sản {p}", &[]),
            t(
                "Ứng dụng truy xuất nguồn gốc {x} {p}",
                &["cà phê", "mận hậu", "chè", "rau an toàn", "thịt bò"],
            ),
            t(
                "Hệ thống tưới thông minh IoT cho vườn {x}",
                &["cà phê", "bơ", "mắc ca", "chanh leo", "rau"],
            ),
            t(
                "Ứng dụng nhận diện sâu bệnh {x} bằng trí tuệ nhân tạo",
                &["cà phê", "ngô", "lúa nương", "xoài"],
            ),
            t("Bản đồ số du lịch {p}", &[]),
            t(
                "Phần mềm quản lý hợp tác xã {x}",
                &["nông nghiệp", "dịch vụ", "chăn nuôi"],
            ),
            t("Trạm quan trắc thời tiết cho nông dân {p}", &[]),
            t("Chuyển đổi số cho chợ phiên {p}", &[]),
        ],
        goals: &[
            "đưa nông sản Sơn La lên môi trường số",
            "giúp nông dân ra quyết định dựa trên dữ liệu",
            "minh bạch nguồn gốc sản phẩm",
            "giảm giấy tờ cho hợp tác xã",
        ],
        customers: &[
            "hợp tác xã và hộ sản xuất",
            "người tiêu dùng thành phố",
            "cơ quan quản lý nông nghiệp",
            "doanh nghiệp thu mua",
        ],
        problems: &[
            "Thông tin thị trường đến với nông dân chậm và thiếu chính xác.",
            "Hợp tác xã vẫn ghi chép sổ sách bằng tay, khó báo cáo.",
            "Người mua không kiểm chứng được nguồn gốc sản phẩm.",
        ],
        tags: &[
            "chuyển đổi số",
            "công nghệ",
            "IoT",
            "trí tuệ nhân tạo",
            "thương mại điện tử",
        ],
        share: 12,
    },
    SectorWords {
        sector: Sector::Handicrafts,
        templates: &[
            t("Thổ cẩm {e} {p}", &[]),
            t("Túi xách thổ cẩm {e} phong cách hiện đại", &[]),
            t("Đan lát mây tre {p}", &[]),
            t("Trang sức bạc {e} {p}", &[]),
            t("Khăn piêu {p}", &[]),
            t("Nhuộm chàm tự nhiên {b}", &[]),
            t(
                "Quà lưu niệm từ {x}",
                &["gỗ rừng trồng", "tre", "thổ cẩm", "vỏ cà phê"],
            ),
        ],
        goals: &[
            "giữ nghề truyền thống của các dân tộc",
            "tạo việc làm cho phụ nữ trong bản",
            "đưa sản phẩm thủ công đến khách quốc tế",
        ],
        customers: &[
            "khách du lịch",
            "cửa hàng quà tặng ở Hà Nội",
            "khách hàng qua mạng xã hội",
            "doanh nghiệp đặt quà tặng",
        ],
        problems: &[
            "Nghề dệt đang mai một vì thu nhập thấp và thiếu đầu ra.",
            "Sản phẩm thủ công đẹp nhưng mẫu mã chưa hợp thị hiếu thành phố.",
            "Người làm nghề chưa biết bán hàng trực tuyến.",
        ],
        tags: &[
            "thủ công mỹ nghệ",
            "thổ cẩm",
            "làng nghề",
            "phụ nữ khởi nghiệp",
            "văn hóa",
        ],
        share: 7,
    },
    SectorWords {
        sector: Sector::Forestry,
        templates: &[
            t("Trồng {x} dưới tán rừng {p}", HERBS),
            t(
                "Vườn ươm cây giống {x} {p}",
                &["sơn tra", "mắc ca", "tre Bát Độ", "lát hoa", "keo lai"],
            ),
            t("Tre luồng ép khối {p}", &[]),
            t("Giám sát cháy rừng bằng camera thông minh {p}", &[]),
            t("Khoán bảo vệ rừng kết hợp trồng {x} {p}", HERBS),
        ],
        goals: &[
            "tăng thu nhập cho người giữ rừng",
            "phục hồi rừng đầu nguồn",
            "phát triển kinh tế dưới tán rừng",
        ],
        customers: &[
            "công ty dược liệu",
            "ban quản lý rừng phòng hộ",
            "hợp tác xã lâm nghiệp",
            "xưởng chế biến gỗ",
        ],
        problems: &[
            "Người dân giữ rừng nhưng thu nhập từ rừng còn thấp.",
            "Cây giống trôi nổi, chất lượng không đồng đều.",
            "Mùa khô nguy cơ cháy rừng cao mà lực lượng canh gác mỏng.",
        ],
        tags: &[
            "lâm nghiệp",
            "dược liệu",
            "kinh tế dưới tán rừng",
            "bảo vệ rừng",
        ],
        share: 6,
    },
    SectorWords {
        sector: Sector::Education,
        templates: &[
            t("Lớp kỹ năng số cho học sinh {p}", &[]),
            t("Thư viện lưu động cho {b}", &[]),
            t(
                "Ứng dụng học song ngữ {x} cho trẻ mầm non",
                &["Thái – Việt", "Mông – Việt"],
            ),
            t("Trung tâm STEM cộng đồng {p}", &[]),
            t(
                "Đào tạo nghề {x} cho thanh niên {p}",
                &[
                    "chế biến nông sản",
                    "hướng dẫn viên du lịch",
                    "sửa chữa máy nông nghiệp",
                    "bán hàng trực tuyến",
                ],
            ),
        ],
        goals: &[
            "thu hẹp khoảng cách số cho học sinh vùng cao",
            "giúp thanh niên có nghề ổn định",
            "giữ gìn tiếng nói của các dân tộc",
        ],
        customers: &[
            "học sinh và phụ huynh",
            "trường học trong huyện",
            "thanh niên nông thôn",
            "Đoàn Thanh niên các xã",
        ],
        problems: &[
            "Học sinh vùng cao ít có cơ hội tiếp cận máy tính và internet.",
            "Nhiều thanh niên rời bản đi làm xa vì không có nghề.",
            "Trẻ em dân tộc thiểu số gặp khó khi mới vào lớp một.",
        ],
        tags: &[
            "giáo dục",
            "kỹ năng số",
            "STEM",
            "đào tạo nghề",
            "thanh niên dân tộc thiểu số",
        ],
        share: 6,
    },
    SectorWords {
        sector: Sector::Health,
        templates: &[
            t("Vùng trồng dược liệu {x} {p}", HERBS),
            t("Thuốc tắm {e} {p}", &[]),
            t("Ứng dụng đặt lịch khám cho trạm y tế {p}", &[]),
            t("Tư vấn dinh dưỡng trẻ em vùng cao {p}", &[]),
            t(
                "Cao {x} {p}",
                &["sơn tra", "giảo cổ lam", "atiso", "cà gai leo"],
            ),
        ],
        goals: &[
            "chăm sóc sức khỏe người dân vùng cao",
            "phát triển sản phẩm từ dược liệu bản địa",
            "giảm thời gian chờ khám",
        ],
        customers: &[
            "trạm y tế xã",
            "nhà thuốc và phòng khám",
            "các gia đình có trẻ nhỏ",
            "khách du lịch",
        ],
        problems: &[
            "Người dân vùng cao phải đi xa để khám bệnh.",
            "Bài thuốc dân gian quý nhưng chưa được chuẩn hóa.",
            "Tỷ lệ trẻ suy dinh dưỡng ở vùng cao còn cao.",
        ],
        tags: &["y tế", "dược liệu", "chăm sóc sức khỏe", "dinh dưỡng"],
        share: 5,
    },
    SectorWords {
        sector: Sector::Environment,
        templates: &[
            t("Thu gom rác thải nhựa {p}", &[]),
            t(
                "Phân bón hữu cơ từ {x} {p}",
                &["vỏ cà phê", "phân bò sữa", "bã dong riềng", "lõi ngô"],
            ),
            t(
                "Than sinh học từ {x}",
                &["lõi ngô", "vỏ mắc ca", "thân sắn"],
            ),
            t("Thu gom bao bì thuốc bảo vệ thực vật {p}", &[]),
            t("Làm sạch {r}", &[]),
        ],
        goals: &[
            "giảm ô nhiễm ở nông thôn",
            "tận dụng phụ phẩm nông nghiệp",
            "bảo vệ nguồn nước",
        ],
        customers: &[
            "hộ trồng cà phê và cây ăn quả",
            "ủy ban nhân dân các xã",
            "hợp tác xã nông nghiệp",
        ],
        problems: &[
            "Phụ phẩm nông nghiệp bị đốt bỏ, gây khói bụi.",
            "Rác thải nhựa theo suối đổ về lòng hồ.",
            "Đất bạc màu vì dùng phân hóa học lâu năm.",
        ],
        tags: &[
            "môi trường",
            "kinh tế tuần hoàn",
            "kinh tế xanh",
            "phân hữu cơ",
        ],
        share: 6,
    },
    SectorWords {
        sector: Sector::Energy,
        templates: &[
            t(
                "Điện mặt trời áp mái cho {x} {p}",
                &["hợp tác xã", "trường học", "trạm y tế", "homestay"],
            ),
            t("Máy sấy nông sản năng lượng mặt trời {p}", &[]),
            t("Hầm biogas từ chất thải {x} {p}", &["bò sữa", "lợn"]),
            t("Đèn năng lượng mặt trời cho {b}", &[]),
            t("Bếp đun tiết kiệm củi cho {b}", &[]),
        ],
        goals: &[
            "giảm chi phí điện cho cơ sở sản xuất",
            "dùng năng lượng sạch ở vùng cao",
            "giảm chặt phá rừng lấy củi",
        ],
        customers: &[
            "hộ gia đình vùng cao",
            "hợp tác xã chế biến",
            "trường học bán trú",
        ],
        problems: &[
            "Chi phí điện chiếm phần lớn giá thành sấy nông sản.",
            "Nhiều bản vùng cao còn thiếu điện ổn định.",
            "Đun củi tốn sức và ảnh hưởng sức khỏe phụ nữ, trẻ em.",
        ],
        tags: &[
            "năng lượng",
            "năng lượng tái tạo",
            "điện mặt trời",
            "kinh tế xanh",
        ],
        share: 5,
    },
    SectorWords {
        sector: Sector::Services,
        templates: &[
            t("Dịch vụ logistics lạnh cho nông sản {p}", &[]),
            t("Dịch vụ cho thuê máy nông nghiệp {p}", &[]),
            t("Dịch vụ kế toán cho hợp tác xã {p}", &[]),
            t("Xe điện du lịch {p}", &[]),
            t("Giao hàng chặng cuối vùng cao {p}", &[]),
            t(
                "Livestream bán {x} {p}",
                &["mận", "xoài", "cà phê", "chè", "nhãn"],
            ),
            t("Thiết kế bao bì sản phẩm OCOP {p}", &[]),
        ],
        goals: &[
            "giảm chi phí vận chuyển nông sản",
            "hỗ trợ hợp tác xã làm ăn chuyên nghiệp",
            "mở rộng kênh bán hàng",
        ],
        customers: &[
            "hợp tác xã và doanh nghiệp nhỏ",
            "nông dân",
            "khách du lịch",
            "người bán hàng trực tuyến",
        ],
        problems: &[
            "Vận chuyển nông sản tươi về xuôi tốn kém và hao hụt.",
            "Hợp tác xã thiếu người làm kế toán và thủ tục.",
            "Người bán nhỏ lẻ khó tiếp cận khách ở thành phố.",
        ],
        tags: &["dịch vụ", "logistics", "thương mại điện tử", "hợp tác xã"],
        share: 6,
    },
    SectorWords {
        sector: Sector::Other,
        templates: &[
            t("Không gian sáng tạo cho thanh niên {p}", &[]),
            t("Câu lạc bộ khởi nghiệp nữ {p}", &[]),
            t("Quán cà phê sách {p}", &[]),
            t(
                "Mô hình {x} {p}",
                &[
                    "chợ phiên trực tuyến",
                    "cửa hàng nông sản sạch",
                    "bếp ăn cộng đồng",
                ],
            ),
        ],
        goals: &[
            "kết nối người trẻ khởi nghiệp",
            "tạo sân chơi lành mạnh cho thanh niên",
            "lan tỏa tinh thần khởi nghiệp",
        ],
        customers: &[
            "thanh niên và sinh viên",
            "phụ nữ nông thôn",
            "người dân trong phường",
        ],
        problems: &[
            "Người trẻ có ý tưởng nhưng thiếu nơi gặp gỡ, học hỏi.",
            "Phụ nữ vùng cao ít cơ hội tiếp cận vốn và kiến thức kinh doanh.",
        ],
        tags: &["khởi nghiệp", "cộng đồng", "thanh niên"],
        share: 3,
    },
];

/// Tags that cut across sectors.
pub const COMMON_TAGS: &[&str] = &[
    "khởi nghiệp sinh viên",
    "đổi mới sáng tạo",
    "thanh niên dân tộc thiểu số",
    "phụ nữ khởi nghiệp",
    "sản phẩm OCOP",
    "kinh tế xanh",
    "chuyển đổi số",
    "Sơn La",
];

/// Sentences about how the team will go about it.
pub const SOLUTIONS: &[&str] = &[
    "Nhóm đề xuất mô hình liên kết với các hộ trong vùng, bao tiêu sản phẩm theo giá sàn.",
    "Giải pháp dùng quy trình đã thử nghiệm thành công ở quy mô nhỏ và sẽ nhân rộng.",
    "Sản phẩm được thiết kế đơn giản để bà con dễ dùng, có hướng dẫn bằng tiếng dân tộc.",
    "Nhóm kết hợp kênh bán hàng trực tuyến với các điểm bán tại chỗ cho khách du lịch.",
    "Dự án tận dụng nguyên liệu sẵn có tại địa phương nên chi phí đầu vào thấp.",
];

/// Sentences about the market.
pub const MARKETS: &[&str] = &[
    "Thị trường mục tiêu ban đầu là Sơn La và Hà Nội, sau đó mở rộng ra các tỉnh Tây Bắc.",
    "Nhu cầu về sản phẩm sạch, có nguồn gốc rõ ràng đang tăng nhanh ở các thành phố lớn.",
    "Khảo sát của nhóm với hơn một trăm khách hàng cho thấy sẵn sàng chi trả cao hơn cho sản phẩm địa phương.",
    "Mỗi năm Sơn La đón hàng triệu lượt khách, là thị trường tại chỗ rất lớn.",
];

/// Sentences about the team, with `{n}` people.
pub const TEAMS: &[&str] = &[
    "Nhóm gồm {n} thành viên là sinh viên và cựu sinh viên, có người am hiểu kỹ thuật và người làm kinh doanh.",
    "Đội ngũ {n} người đều là con em địa phương, hiểu phong tục và được bà con tin tưởng.",
    "Nhóm {n} người, trong đó trưởng nhóm đã có ba năm kinh nghiệm làm hợp tác xã.",
];

/// Sentences about the plan and what support is wanted.
pub const PLANS: &[&str] = &[
    "Trong mười hai tháng tới, nhóm cần hỗ trợ về vốn ban đầu và kết nối thị trường.",
    "Nhóm mong được vào vườn ươm để hoàn thiện sản phẩm và đăng ký nhãn hiệu.",
    "Giai đoạn đầu nhóm sẽ làm thí điểm với năm hộ, đánh giá rồi mở rộng.",
    "Nhóm cần chuyên gia hướng dẫn về tiêu chuẩn chất lượng và bao bì.",
];

/// Notes on funding needs, seen by the team and officers only.
pub const FUNDING_NOTES: &[&str] = &[
    "Đã có 30% vốn đối ứng từ các thành viên.",
    "Dự kiến vay vốn ưu đãi của Ngân hàng Chính sách xã hội.",
    "Cần hỗ trợ mua thiết bị sấy và máy đóng gói.",
    "Một doanh nghiệp ở Hà Nội đã ngỏ ý góp vốn nếu có kết quả thí điểm.",
];

/// Officers' notes on ideas they prioritise.
pub const OFFICER_NOTES: &[&str] = &[
    "Đề xuất đưa vào vườn ươm năm tới.",
    "Cần bổ sung phương án tài chính chi tiết.",
    "Phù hợp chương trình OCOP của tỉnh, ưu tiên hỗ trợ.",
    "Mời nhóm tham dự ngày hội khởi nghiệp của tỉnh.",
];

/// Reasons given when an idea is rejected.
pub const REJECTION_NOTES: &[&str] = &[
    "Ý tưởng chưa khác biệt so với các mô hình đã có trong vùng.",
    "Phương án tài chính chưa khả thi, nhóm có thể nộp lại khi bổ sung.",
    "Sản phẩm chưa có thị trường rõ ràng.",
];

/// Judges' comments on sheets.
pub const COMMENTS: &[&str] = &[
    "Ý tưởng có tính thực tiễn cao, cần làm rõ kênh phân phối.",
    "Nhóm hiểu rõ vấn đề của địa phương; phương án tài chính còn sơ sài.",
    "Sản phẩm tốt nhưng cần tính đến cạnh tranh từ các tỉnh lân cận.",
    "Đề nghị nhóm thử nghiệm với khách hàng thật trước khi mở rộng.",
    "Tác động xã hội rõ, nên bổ sung chỉ tiêu đo lường.",
    "Trình bày mạch lạc, đội ngũ có năng lực.",
];

/// An organisation of the province with a fixed name.
pub struct KnownOrganization {
    /// Name.
    pub name: &'static str,
    /// `OrganizationKind` name.
    pub kind: &'static str,
    /// Short description.
    pub description: &'static str,
    /// Commune or ward.
    pub locality: &'static str,
}

const fn org(
    name: &'static str,
    kind: &'static str,
    description: &'static str,
    locality: &'static str,
) -> KnownOrganization {
    KnownOrganization {
        name,
        kind,
        description,
        locality,
    }
}

/// The organisations every scale has (the first ten at scale 1), most central first.
pub const KNOWN_ORGANIZATIONS: &[KnownOrganization] = &[
    org(
        "Sở Khoa học và Công nghệ tỉnh Sơn La",
        "agency",
        "Cơ quan đầu mối của tỉnh về hệ sinh thái khởi nghiệp đổi mới sáng tạo.",
        "Phường Tô Hiệu",
    ),
    org(
        "Trường Đại học Tây Bắc",
        "university",
        "Trường đại học công lập của vùng Tây Bắc, đào tạo sư phạm, nông lâm, kinh tế và công nghệ.",
        "Phường Chiềng Sinh",
    ),
    org(
        "Câu lạc bộ Khởi nghiệp Trường Đại học Tây Bắc",
        "club",
        "Nơi sinh viên gặp gỡ, ươm ý tưởng và chuẩn bị dự thi khởi nghiệp.",
        "Phường Chiềng Sinh",
    ),
    org(
        "Trường Cao đẳng Sơn La",
        "college",
        "Trường cao đẳng đa ngành của tỉnh, đào tạo nghề và sư phạm.",
        "Phường Chiềng Cơi",
    ),
    org(
        "Tỉnh Đoàn Sơn La",
        "agency",
        "Tổ chức các phong trào thanh niên khởi nghiệp và cuộc thi ý tưởng hằng năm.",
        "Phường Tô Hiệu",
    ),
    org(
        "Vườn ươm Khởi nghiệp Đổi mới sáng tạo Sơn La",
        "incubator",
        "Hỗ trợ nhóm khởi nghiệp về không gian làm việc, cố vấn và kết nối vốn.",
        "Phường Chiềng Lề",
    ),
    org(
        "Hợp tác xã Nông nghiệp Tà Xùa",
        "cooperative",
        "Trồng và chế biến chè Shan tuyết cổ thụ trên núi Tà Xùa.",
        "Xã Tà Xùa",
    ),
    org(
        "Hợp tác xã Mận hậu Nà Ka",
        "cooperative",
        "Liên kết các hộ trồng mận hậu theo tiêu chuẩn VietGAP.",
        "Phường Mộc Sơn",
    ),
    org(
        "Hội Doanh nhân trẻ tỉnh Sơn La",
        "association",
        "Kết nối doanh nhân trẻ, cố vấn và đầu tư cho dự án khởi nghiệp.",
        "Phường Tô Hiệu",
    ),
    org(
        "Quỹ Phát triển khoa học và công nghệ tỉnh Sơn La",
        "fund",
        "Tài trợ và cho vay ưu đãi các dự án khoa học, công nghệ và khởi nghiệp.",
        "Phường Tô Hiệu",
    ),
    org(
        "Trường Cao đẳng Nông Lâm Sơn La",
        "college",
        "Đào tạo nghề nông, lâm nghiệp và chế biến nông sản.",
        "Xã Mai Sơn",
    ),
    org(
        "Trường THPT Chuyên Sơn La",
        "school",
        "Trường chuyên của tỉnh, có câu lạc bộ nghiên cứu khoa học kỹ thuật.",
        "Phường Chiềng Lề",
    ),
    org(
        "Hội Liên hiệp Phụ nữ tỉnh Sơn La",
        "association",
        "Hỗ trợ phụ nữ khởi nghiệp và phát triển kinh tế gia đình.",
        "Phường Tô Hiệu",
    ),
    org(
        "Liên minh Hợp tác xã tỉnh Sơn La",
        "association",
        "Đại diện và hỗ trợ các hợp tác xã trong tỉnh.",
        "Phường Tô Hiệu",
    ),
    org(
        "Sở Nông nghiệp và Môi trường tỉnh Sơn La",
        "agency",
        "Quản lý nhà nước về nông nghiệp, lâm nghiệp và môi trường.",
        "Phường Chiềng Lề",
    ),
    org(
        "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ Sơn La",
        "agency",
        "Chuyển giao công nghệ, giống cây trồng và phân tích chất lượng.",
        "Phường Chiềng Sinh",
    ),
    org(
        "Câu lạc bộ Khởi nghiệp Trường Cao đẳng Sơn La",
        "club",
        "Câu lạc bộ của học sinh, sinh viên yêu thích kinh doanh.",
        "Phường Chiềng Cơi",
    ),
    org(
        "Hợp tác xã Cà phê Chiềng Ban",
        "cooperative",
        "Sản xuất và sơ chế cà phê Arabica theo hướng hữu cơ.",
        "Xã Chiềng Mai",
    ),
    org(
        "Hợp tác xã Dịch vụ Du lịch bản Áng",
        "cooperative",
        "Đón khách du lịch cộng đồng tại nhà sàn người Thái.",
        "Xã Đông Sang",
    ),
    org(
        "Hợp tác xã Thổ cẩm Mường Chanh",
        "cooperative",
        "Giữ nghề dệt thổ cẩm của người Thái Mường Chanh.",
        "Xã Mường Chanh",
    ),
];

/// What generated cooperatives make or do.
pub const COOPERATIVE_LINES: &[&str] = &[
    "Nông nghiệp",
    "Chè",
    "Cà phê",
    "Mận hậu",
    "Xoài",
    "Nhãn",
    "Rau an toàn",
    "Bò sữa",
    "Cá lồng",
    "Dược liệu",
    "Mắc ca",
    "Sơn tra",
    "Dịch vụ du lịch",
    "Thổ cẩm",
    "Mây tre đan",
    "Chăn nuôi",
    "Dâu tây",
    "Chanh leo",
    "Bơ",
    "Nấm",
];

/// Words of generated business names.
pub const BUSINESS_WORDS: &[&str] = &[
    "Tây Bắc",
    "Sơn La Xanh",
    "Thảo Nguyên",
    "Hoa Ban",
    "Đà Giang",
    "Mường Thanh",
    "Ban Mai",
    "Nông Sản Việt",
    "Cao Nguyên",
    "Bản Mường",
    "Suối Mơ",
    "Mây Trắng",
    "Đất Lành",
    "Sao Mai",
    "Hồ Xanh",
    "Ngọc Sơn",
];

/// Kinds of generated businesses.
pub const BUSINESS_FORMS: &[&str] = &["Công ty TNHH", "Công ty Cổ phần", "Doanh nghiệp tư nhân"];

/// What generated businesses do.
pub const BUSINESS_LINES: &[&str] = &[
    "Nông sản",
    "Thực phẩm",
    "Du lịch",
    "Công nghệ",
    "Thương mại và Dịch vụ",
    "Chế biến Nông sản",
    "Giải pháp Số",
    "Môi trường",
];

/// The criteria of the large round: name, description, weight, highest value.
pub const CRITERIA: &[(&str, &str, f64, f64)] = &[
    (
        "Tính mới và sáng tạo",
        "Ý tưởng khác biệt so với những gì đã có.",
        2.0,
        10.0,
    ),
    (
        "Tính khả thi",
        "Nguồn lực, công nghệ và kế hoạch đủ để làm được.",
        2.0,
        10.0,
    ),
    (
        "Thị trường và khách hàng",
        "Khách hàng rõ ràng, nhu cầu có thật.",
        1.5,
        10.0,
    ),
    (
        "Mô hình kinh doanh",
        "Cách tạo ra doanh thu và lợi nhuận bền vững.",
        1.5,
        10.0,
    ),
    (
        "Năng lực đội ngũ",
        "Kinh nghiệm và sự cam kết của nhóm.",
        1.0,
        10.0,
    ),
    (
        "Tác động xã hội và môi trường",
        "Lợi ích cho cộng đồng và môi trường của Sơn La.",
        1.0,
        10.0,
    ),
    (
        "Khả năng mở rộng",
        "Có thể nhân rộng ra vùng khác hoặc quy mô lớn hơn.",
        1.0,
        10.0,
    ),
    (
        "Trình bày hồ sơ",
        "Hồ sơ đầy đủ, mạch lạc, thuyết phục.",
        0.5,
        5.0,
    ),
];
