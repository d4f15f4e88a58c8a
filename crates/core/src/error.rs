//! Stable error codes, their HTTP status and their titles in both languages.
//!
//! This is the one table of every error the API can return. Domain crates name a code
//! through [`DomainError::code`]; the API layer turns it into `application/problem+json`.

use std::fmt;

use serde::Serialize;

use crate::Lang;

/// A message in both languages the API speaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Localized {
    /// Vietnamese.
    pub vi: String,
    /// English.
    pub en: String,
}

impl Localized {
    /// A message from its two translations.
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            vi: vi.into(),
            en: en.into(),
        }
    }

    /// The detail of a 409 `limit_reached`: "at most `max` `what`".
    #[must_use]
    pub fn at_most(max: i64, vi_what: &str, en_what: &str) -> Self {
        Self::new(
            format!("Tối đa {max} {vi_what}"),
            format!("At most {max} {en_what}"),
        )
    }

    /// The message in `lang`.
    #[must_use]
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

/// An error of a domain crate, mapped to one stable [`ErrorCode`].
pub trait DomainError: std::error::Error {
    /// The stable code, which fixes the HTTP status and title.
    fn code(&self) -> ErrorCode;

    /// A message for this occurrence, when it says more than the code's title.
    fn detail(&self) -> Option<Localized> {
        None
    }

    /// Seconds before a retry can succeed, for a 429 or 503.
    fn retry_after(&self) -> Option<u64> {
        None
    }

    /// For a refused state change: the states the record can move to now.
    fn allowed_next_states(&self) -> Option<Vec<String>> {
        None
    }

    /// The invalid fields, for a 422.
    fn field_errors(&self) -> Vec<crate::validation::FieldError> {
        Vec::new()
    }
}

impl DomainError for validator::ValidationErrors {
    fn code(&self) -> ErrorCode {
        ErrorCode::ValidationFailed
    }

    fn field_errors(&self) -> Vec<crate::validation::FieldError> {
        crate::validation::field_errors(self)
    }
}

macro_rules! error_codes {
    ($($variant:ident => ($status:literal, $code:literal, $vi:literal, $en:literal);)*) => {
        /// Every error the API returns, with its status and title.
        ///
        /// The `snake_case` string (`as_str`) is the `code` member of a problem document and
        /// never changes once published.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ErrorCode {
            $(
                #[doc = $en]
                $variant,
            )*
        }

        impl ErrorCode {
            /// All codes, in table order.
            pub const ALL: &'static [Self] = &[$(Self::$variant,)*];

            /// The HTTP status code.
            #[must_use]
            pub const fn status(self) -> u16 {
                match self { $(Self::$variant => $status,)* }
            }

            /// The variant's name in Rust, for tooling and tests.
            #[must_use]
            pub const fn variant_name(self) -> &'static str {
                match self { $(Self::$variant => stringify!($variant),)* }
            }

            /// The stable machine-readable code.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $code,)* }
            }

            /// The short human-readable title in `lang`.
            #[must_use]
            pub const fn title(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(
                        (Self::$variant, Lang::Vi) => $vi,
                        (Self::$variant, Lang::En) => $en,
                    )*
                }
            }
        }
    };
}

error_codes! {
    BadRequest => (400, "bad_request", "Yêu cầu không hợp lệ", "Bad request");
    MalformedJson => (400, "malformed_json", "Nội dung JSON không đúng cú pháp", "Malformed JSON body");
    InvalidQueryParameter => (400, "invalid_query_parameter", "Tham số truy vấn không hợp lệ", "Invalid query parameter");
    InvalidPathParameter => (400, "invalid_path_parameter", "Tham số đường dẫn không hợp lệ", "Invalid path parameter");
    InvalidIdempotencyKey => (400, "invalid_idempotency_key", "Idempotency-Key không hợp lệ", "Invalid Idempotency-Key");
    InvalidCursor => (400, "invalid_cursor", "Con trỏ phân trang không hợp lệ", "Invalid pagination cursor");
    Unauthenticated => (401, "unauthenticated", "Cần đăng nhập", "Authentication required");
    InvalidCredentials => (401, "invalid_credentials", "Email hoặc mật khẩu không đúng", "Wrong email or password");
    InvalidToken => (401, "invalid_token", "Mã xác thực không hợp lệ hoặc đã hết hạn", "Invalid or expired token");
    Forbidden => (403, "forbidden", "Không có quyền thực hiện", "Not allowed");
    NotFound => (404, "not_found", "Không tìm thấy", "Not found");
    IdeaNotFound => (404, "idea_not_found", "Không tìm thấy ý tưởng", "Idea not found");
    TeamMemberNotFound => (404, "team_member_not_found", "Người này không thuộc nhóm của ý tưởng", "Not a member of this idea's team");
    CompetitionNotFound => (404, "competition_not_found", "Không tìm thấy cuộc thi", "Competition not found");
    RoundNotFound => (404, "round_not_found", "Không tìm thấy vòng thi", "Round not found");
    EntryNotFound => (404, "entry_not_found", "Không tìm thấy bài dự thi", "Entry not found");
    AssignmentNotFound => (404, "assignment_not_found", "Không tìm thấy phân công chấm", "Assignment not found");
    OrganizationNotFound => (404, "organization_not_found", "Không tìm thấy tổ chức", "Organisation not found");
    UserNotFound => (404, "user_not_found", "Không tìm thấy người dùng", "User not found");
    MemberNotFound => (404, "member_not_found", "Người này không phải thành viên của tổ chức", "Not a member of this organisation");
    ApiKeyNotFound => (404, "api_key_not_found", "Không tìm thấy khóa API", "API key not found");
    ProblemTypeNotFound => (404, "problem_type_not_found", "Không có loại lỗi này", "No such problem type");
    MethodNotAllowed => (405, "method_not_allowed", "Phương thức không được hỗ trợ", "Method not allowed");
    NotAcceptable => (406, "not_acceptable", "Không có định dạng phản hồi phù hợp", "Not acceptable");
    Conflict => (409, "conflict", "Xung đột với dữ liệu hiện có", "Conflict with existing data");
    OrganizationNameTaken => (409, "organization_name_taken", "Tên tổ chức đã tồn tại", "Organisation name already taken");
    AlreadyMember => (409, "already_member", "Người này đã là thành viên", "Already a member");
    InvalidTransition => (409, "invalid_transition", "Không thể chuyển sang trạng thái này", "This status change is not allowed now");
    LastLead => (409, "last_lead", "Nhóm phải còn ít nhất một trưởng nhóm", "A team must keep a lead");
    NotReady => (409, "not_ready", "Chưa đủ điều kiện cho bước này", "A precondition of this step is not met");
    RoundClosed => (409, "round_closed", "Vòng thi đã đóng, phiếu chấm đã khóa", "The round is closed and its sheets are locked");
    SheetLocked => (409, "sheet_locked", "Phiếu chấm đã nộp, không sửa được", "The score sheet is submitted and read-only");
    ConflictOfInterest => (409, "conflict_of_interest", "Giám khảo có xung đột lợi ích với bài này", "The judge has a conflict of interest with this entry");
    IdempotencyInProgress => (409, "idempotency_in_progress", "Yêu cầu cùng Idempotency-Key đang được xử lý", "A request with this Idempotency-Key is still in progress");
    AlreadyEntered => (409, "already_entered", "Ý tưởng đã dự thi cuộc thi này", "The idea is already entered in this competition");
    LastOwner => (409, "last_owner", "Tổ chức phải còn ít nhất một chủ sở hữu", "An organisation must keep an owner");
    LastAdmin => (409, "last_admin", "Hệ thống phải còn ít nhất một quản trị viên", "The platform must keep an administrator");
    EmailTaken => (409, "email_taken", "Email đã được sử dụng", "Email already in use");
    LimitReached => (409, "limit_reached", "Đã đạt số lượng tối đa", "A limit on the number of records is reached");
    PreconditionFailed => (412, "precondition_failed", "Bản ghi đã thay đổi (If-Match không khớp); hãy tải lại", "The record changed (If-Match does not match); reload it");
    VersionMismatch => (412, "version_mismatch", "Phiếu đã bị sửa ở nơi khác; hãy tải lại", "The sheet changed elsewhere; reload it");
    PayloadTooLarge => (413, "payload_too_large", "Nội dung yêu cầu quá lớn", "Request body too large");
    HeadersTooLarge => (431, "headers_too_large", "Phần đầu yêu cầu quá lớn", "Request headers too large");
    UnsupportedMediaType => (415, "unsupported_media_type", "Kiểu nội dung không được hỗ trợ", "Unsupported media type");
    ValidationFailed => (422, "validation_failed", "Dữ liệu không hợp lệ", "Validation failed");
    IdempotencyKeyReused => (422, "idempotency_key_reused", "Idempotency-Key đã dùng cho một yêu cầu khác", "This Idempotency-Key was used for a different request");
    InvalidReference => (422, "invalid_reference", "Tham chiếu tới bản ghi không tồn tại", "Reference to a missing record");
    VersionRequired => (428, "version_required", "Cần gửi phiên bản (If-Match) khi sửa", "Send the version (If-Match) to change it");
    ResultsNotPublished => (403, "results_not_published", "Kết quả chưa được công bố", "Results are not published yet");
    RateLimited => (429, "rate_limited", "Quá nhiều yêu cầu", "Too many requests");
    TooManyLoginAttempts => (429, "too_many_login_attempts", "Đăng nhập sai quá nhiều lần; hãy thử lại sau", "Too many failed logins; try again later");
    Internal => (500, "internal_error", "Lỗi máy chủ", "Internal server error");
    ServiceUnavailable => (503, "service_unavailable", "Dịch vụ tạm thời không khả dụng", "Service temporarily unavailable");
}

impl ErrorCode {
    /// Finds a code by its stable string.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.as_str() == code)
    }

    /// The generic code for an HTTP status, used for errors raised outside our handlers.
    #[must_use]
    pub const fn for_status(status: u16) -> Self {
        match status {
            401 => Self::Unauthenticated,
            403 => Self::Forbidden,
            404 => Self::NotFound,
            405 => Self::MethodNotAllowed,
            406 => Self::NotAcceptable,
            409 => Self::Conflict,
            413 => Self::PayloadTooLarge,
            415 => Self::UnsupportedMediaType,
            422 => Self::ValidationFailed,
            429 => Self::RateLimited,
            503 => Self::ServiceUnavailable,
            400..=499 => Self::BadRequest,
            _ => Self::Internal,
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::ErrorCode;
    use crate::Lang;

    #[test]
    fn codes_are_unique_snake_case_with_error_statuses() {
        let mut seen = HashSet::new();
        for code in ErrorCode::ALL {
            assert!(seen.insert(code.as_str()), "duplicate code {code}");
            assert!(
                code.as_str()
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_')
            );
            assert!((400..600).contains(&code.status()));
            assert!(!code.title(Lang::Vi).is_empty() && !code.title(Lang::En).is_empty());
            assert_eq!(ErrorCode::from_code(code.as_str()), Some(*code));
        }
    }

    #[test]
    fn generic_codes_keep_their_status() {
        for status in [
            400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 429, 500, 503,
        ] {
            assert_eq!(ErrorCode::for_status(status).status(), status);
        }
    }
}
