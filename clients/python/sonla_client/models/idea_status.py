from enum import StrEnum


class IdeaStatus(StrEnum):
    ARCHIVED = "archived"
    DRAFT = "draft"
    INCUBATED = "incubated"
    REJECTED = "rejected"
    SELECTED = "selected"
    SUBMITTED = "submitted"
    UNDER_REVIEW = "under_review"

    def __str__(self) -> str:
        return str(self.value)
