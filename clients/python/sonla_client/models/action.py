from enum import StrEnum


class Action(StrEnum):
    ARCHIVE = "archive"
    INCUBATE = "incubate"
    REJECT = "reject"
    REVIEW = "review"
    SELECT = "select"
    SUBMIT = "submit"
    WITHDRAW = "withdraw"

    def __str__(self) -> str:
        return str(self.value)
