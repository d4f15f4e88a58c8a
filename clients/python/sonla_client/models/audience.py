from enum import StrEnum


class Audience(StrEnum):
    EVERYONE = "everyone"
    STUDENTS = "students"
    YOUTH = "youth"

    def __str__(self) -> str:
        return str(self.value)
