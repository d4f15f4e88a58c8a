from enum import StrEnum


class MyIdeasSort(StrEnum):
    NEWEST = "newest"
    PRIORITY = "priority"
    RELEVANCE = "relevance"
    TITLE = "title"
    UPDATED = "updated"

    def __str__(self) -> str:
        return str(self.value)
