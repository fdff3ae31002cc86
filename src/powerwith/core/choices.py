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


class Outcome(models.TextChoices):
    """What the work produces: the charter's tangible products, then the less tangible
    (but nevertheless measurable) outputs."""

    BLOG = "blog", "A blog"
    JOURNAL_ARTICLE = "journal_article", "A journal article"
    REPORT = "report", "A report"
    POLICY = "policy", "A policy document"
    TRAINING_RESOURCE = "training_resource", "Training resources"
    VIDEO = "video", "A video"
    PODCAST = "podcast", "A podcast"
    PEER_SUPPORT_WORKER = "peer_support_worker", "A peer support worker"
    ADVOCACY_SERVICE = "advocacy_service", "An advocacy service"
    CRISIS_BEFRIENDER = "crisis_befriender", "A crisis befriender"
    TRAINER = "trainer", "A new trainer"
    PANEL_MEMBER = "panel_member", "A panel member"
    CRITICAL_REVIEW = "critical_review", "A critical review of a report"


TANGIBLE_OUTCOMES = (
    Outcome.BLOG,
    Outcome.JOURNAL_ARTICLE,
    Outcome.REPORT,
    Outcome.POLICY,
    Outcome.TRAINING_RESOURCE,
    Outcome.VIDEO,
    Outcome.PODCAST,
)
LESS_TANGIBLE_OUTCOMES = tuple(o for o in Outcome if o not in TANGIBLE_OUTCOMES)

# The keys of an opportunity's ``expenses`` and ``output_use``; spelled as the API spells
# them. "Travel paid in advance" is a promise about travel, so it needs travel covered.
EXPENSES: dict[str, str] = {
    "travel": "Travel",
    "travel_in_advance": "Travel paid in advance",
    "subsistence": "Food and drink while working (subsistence)",
    "care": "Care or childcare",
    "support_worker": "A support worker",
    "equipment": "Equipment",
}
OUTPUT_USES: dict[str, str] = {
    "share_internally": "Shared inside the organisation",
    "publish": "Published",
    "distribute": "Distributed to others",
    "monetise": "Used to make money (monetised)",
}

# The ground rules every opportunity starts with: the charter's power to stop.
POWER_TO_STOP = "You can stop, take time out or ask for support at any time."

# What each reward basis pays for, in the words a rate or an amount is read with.
PER_BASIS: dict[str, str] = {
    RewardBasis.HOURLY: "an hour",
    RewardBasis.DAILY: "a day",
    RewardBasis.PER_SESSION: "a session",
    RewardBasis.SALARIED: "a year",
}
