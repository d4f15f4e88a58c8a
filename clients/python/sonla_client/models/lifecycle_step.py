from enum import StrEnum


class LifecycleStep(StrEnum):
    FINALISE = "finalise"
    OPEN = "open"
    PUBLISH = "publish"
    START_JUDGING = "start-judging"

    def __str__(self) -> str:
        return str(self.value)
