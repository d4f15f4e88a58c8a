from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    INVESTOR = "investor"
    JUDGE = "judge"
    MEMBER = "member"
    MENTOR = "mentor"
    OFFICER = "officer"

    def __str__(self) -> str:
        return str(self.value)
