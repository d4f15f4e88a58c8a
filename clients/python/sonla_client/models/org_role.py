from enum import StrEnum


class OrgRole(StrEnum):
    MANAGER = "manager"
    MEMBER = "member"
    OWNER = "owner"

    def __str__(self) -> str:
        return str(self.value)
