from enum import StrEnum


class CompetitionStatus(StrEnum):
    DRAFT = "draft"
    FINALISED = "finalised"
    JUDGING = "judging"
    OPEN = "open"
    PUBLISHED = "published"

    def __str__(self) -> str:
        return str(self.value)
