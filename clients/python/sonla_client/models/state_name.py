from enum import StrEnum


class StateName(StrEnum):
    ARCHIVED = "archived"
    DRAFT = "draft"
    FINALISED = "finalised"
    INCUBATED = "incubated"
    JUDGING = "judging"
    OPEN = "open"
    PUBLISHED = "published"
    REJECTED = "rejected"
    SELECTED = "selected"
    SUBMITTED = "submitted"
    UNDER_REVIEW = "under_review"

    def __str__(self) -> str:
        return str(self.value)
