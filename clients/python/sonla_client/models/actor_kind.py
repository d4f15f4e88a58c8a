from enum import StrEnum


class ActorKind(StrEnum):
    ANONYMOUS = "anonymous"
    API_KEY = "api_key"
    SYSTEM = "system"
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)
