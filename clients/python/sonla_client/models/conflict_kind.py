from enum import StrEnum


class ConflictKind(StrEnum):
    ADVISOR = "advisor"
    BUSINESS_RELATION = "business_relation"
    FAMILY = "family"
    OTHER = "other"
    SAME_ORGANISATION = "same_organisation"
    TEAM_MEMBER = "team_member"

    def __str__(self) -> str:
        return str(self.value)
