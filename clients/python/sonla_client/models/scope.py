from enum import StrEnum


class Scope(StrEnum):
    READ = "read"
    TECHMARKETWRITE = "techmarket:write"
    WEBHOOKSMANAGE = "webhooks:manage"

    def __str__(self) -> str:
        return str(self.value)
