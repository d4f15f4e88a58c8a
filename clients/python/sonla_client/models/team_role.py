from enum import StrEnum


class TeamRole(StrEnum):
    ADVISOR = "advisor"
    LEAD = "lead"
    MEMBER = "member"

    def __str__(self) -> str:
        return str(self.value)
