from enum import StrEnum


class Sector(StrEnum):
    AGRICULTURE = "agriculture"
    EDUCATION = "education"
    ENERGY = "energy"
    ENVIRONMENT = "environment"
    FOOD_PROCESSING = "food_processing"
    FORESTRY = "forestry"
    HANDICRAFTS = "handicrafts"
    HEALTH = "health"
    OTHER = "other"
    SERVICES = "services"
    TECHNOLOGY = "technology"
    TOURISM = "tourism"

    def __str__(self) -> str:
        return str(self.value)
