from enum import StrEnum


class OrganizationKind(StrEnum):
    AGENCY = "agency"
    ASSOCIATION = "association"
    BUSINESS = "business"
    CLUB = "club"
    COLLEGE = "college"
    COOPERATIVE = "cooperative"
    FUND = "fund"
    INCUBATOR = "incubator"
    OTHER = "other"
    SCHOOL = "school"
    UNIVERSITY = "university"

    def __str__(self) -> str:
        return str(self.value)
