"""Training Standard 1.5 evidence: for each training course, who with lived experience
was involved (as they consented), in which sessions, on what terms, what changed because
of them, and the two statements of the Standard, met or not."""

from powerwith.reports.training.queries import (
    course_for,
    courses_for,
    evidence_for,
)
from powerwith.reports.training.records import TRAINING_FOCUS, is_training_course
from powerwith.reports.training.report import EvidenceReport, Statement

__all__ = [
    "TRAINING_FOCUS",
    "EvidenceReport",
    "Statement",
    "course_for",
    "courses_for",
    "evidence_for",
    "is_training_course",
]
