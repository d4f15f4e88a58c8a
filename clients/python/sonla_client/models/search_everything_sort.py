from enum import StrEnum


class SearchEverythingSort(StrEnum):
    NEWEST = "newest"
    RELEVANCE = "relevance"

    def __str__(self) -> str:
        return str(self.value)
