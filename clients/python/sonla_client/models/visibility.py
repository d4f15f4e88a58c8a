from enum import StrEnum


class Visibility(StrEnum):
    MEMBERS = "members"
    PRIVATE = "private"
    PUBLIC = "public"

    def __str__(self) -> str:
        return str(self.value)
