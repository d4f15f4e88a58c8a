from enum import StrEnum


class EntryStatus(StrEnum):
    ACTIVE = "active"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
