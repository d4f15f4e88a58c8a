from enum import StrEnum


class ListOrganizationsSort(StrEnum):
    NAME = "name"
    NEWEST = "newest"

    def __str__(self) -> str:
        return str(self.value)
