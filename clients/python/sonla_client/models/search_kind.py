from enum import StrEnum


class SearchKind(StrEnum):
    IDEA = "idea"
    ORGANIZATION = "organization"

    def __str__(self) -> str:
        return str(self.value)
