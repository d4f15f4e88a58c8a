from enum import StrEnum


class Method(StrEnum):
    MEAN = "mean"
    MEDIAN = "median"
    TRIMMED_MEAN = "trimmed_mean"
    ZSCORE = "zscore"

    def __str__(self) -> str:
        return str(self.value)
