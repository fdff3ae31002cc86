"""The charter's words for a piece of co-working. Code spellings are part of the API."""

from django.db import models


class GoalType(models.TextChoices):
    EXPLORATORY = "exploratory", "Exploratory"
    EXPLANATORY = "explanatory", "Explanatory"
    EMANCIPATORY = "emancipatory", "Emancipatory"


class Commitment(models.TextChoices):
    STANDALONE_COMMISSION = "standalone_commission", "Standalone commission"
    SPECIFIED_PROJECT = "specified_project", "Involvement in a specified project"
    ENDURING_ROLE = "enduring_role", "Defined and enduring role"


class CoWorkingLevel(models.TextChoices):
    CONSULTATION = "consultation", "Consultation"
    PARTICIPATION = "participation", "Participation"
    CO_PRODUCTION = "co_production", "Co-production"


LEVEL_DESCRIPTIONS = {
    CoWorkingLevel.CONSULTATION: (
        "People with lived experience are asked for their views on a topic: polls, "
        "surveys, interviews or focus groups."
    ),
    CoWorkingLevel.PARTICIPATION: (
        "People with lived experience are actively involved in shaping an outcome: "
        "influencing decisions, helping define, implement or measure it."
    ),
    CoWorkingLevel.CO_PRODUCTION: (
        "People with lived experience make independent choices and take decisions that "
        "directly influence the project and its outcomes."
    ),
}


class Focus(models.TextChoices):
    CONSULTATION = "consultation_on_issue", "Consultation on a particular issue"
    PERSONAL_NARRATIVE = "sharing_personal_narrative", "Sharing a personal narrative"
    DESIGNING_TRAINING = "designing_training", "Designing training sessions or courses"
    DELIVERING_TRAINING = "delivering_training", "Delivering training sessions or courses"
    SERVICE_DESIGN = "service_design", "Service design or planning"
    PEER_SUPPORT = "peer_support", "Peer support work"
    TRAINING_EVALUATION = "training_evaluation", "Training evaluation"
    SERVICE_EVALUATION = "service_evaluation", "Service evaluation"
    POLICY_EVALUATION = "policy_evaluation", "Policy evaluation"


class LocationMode(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    PHONE = "phone", "By phone"
    VIDEO = "video", "By video call"


class RewardBasis(models.TextChoices):
    HOURLY = "hourly", "Paid by the hour"
    DAILY = "daily", "Paid by the day"
    PER_SESSION = "per_session", "Paid per session"
    SALARIED = "salaried", "Salaried"
    VOLUNTARY = "voluntary", "Voluntary, by the person's own choice"
