from enum import StrEnum


class Stage(StrEnum):
    EARLY_REVENUE = "early_revenue"
    GROWTH = "growth"
    IDEA = "idea"
    MVP = "mvp"
    PROTOTYPE = "prototype"

    def __str__(self) -> str:
        return str(self.value)
