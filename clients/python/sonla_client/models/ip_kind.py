from enum import StrEnum


class IpKind(StrEnum):
    COPYRIGHT = "copyright"
    NONE = "none"
    PATENT = "patent"
    PENDING = "pending"
    TRADEMARK = "trademark"
    UTILITY_SOLUTION = "utility_solution"

    def __str__(self) -> str:
        return str(self.value)
