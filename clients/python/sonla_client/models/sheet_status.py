from enum import StrEnum


class SheetStatus(StrEnum):
    DRAFT = "draft"
    NONE = "none"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)
