"""Who may do what: every role rule of the product, declared once.

``CAPABILITIES`` maps each thing a member may do to the roles that may do it. Read a row
as a sentence: "a coordinator or an admin may manage offers". Services, queries, pages
and API endpoints all ask ``can(membership, Capability.MANAGE_OFFERS)`` instead of
naming roles, so changing a row changes the rule everywhere at once, and
``tests/test_permissions.py`` proves each row through a real page and API request as
each of the five roles.

A row says what a role may do across its own organisation; tenancy (never another
organisation's data) is the queries' business, as ever. Rules that depend on more than
the role stay beside the code that needs them, combined with a row:

- *the person themself*: a member who does not work as staff is an expert by
  experience, and reaches only their own records (``not can(m, WORK_AS_STAFF)`` and the
  record is theirs);
- *the contact person appointed to the work*: a role that may care for people but not
  oversee all the work (a contact person) reaches only the work they are appointed to,
  and may do there what the row for the whole organisation allows
  (``can(m, ARRANGE_ADJUSTMENTS) or (can(m, CARE_FOR_PEOPLE) and appointed)``);
- *the readers a person chose* for their Wellness Action Plan, the owner of an output,
  the assignee of a task: checked where they are, never by role alone.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol

from django.core.exceptions import PermissionDenied

from powerwith.core.roles import Role


class Capability(StrEnum):
    # Being a member.
    MAKE_CHANGES = "make_changes"
    WORK_AS_STAFF = "work_as_staff"
    SEE_MEMBERS = "see_members"
    MANAGE_MEMBERS = "manage_members"
    READ_AUDIT_LOG = "read_audit_log"
    CHANGE_SETTINGS = "change_settings"
    CLOSE_ANYONES_TASKS = "close_anyones_tasks"
    # People: the register, development, erasure.
    READ_REGISTER = "read_register"
    KEEP_DEVELOPMENT_PLANS = "keep_development_plans"
    ERASE_PEOPLE = "erase_people"
    # Opportunities, matching and rates.
    READ_OPPORTUNITIES = "read_opportunities"
    MANAGE_OPPORTUNITIES = "manage_opportunities"
    SEE_MATCHES = "see_matches"
    # Safe to work: the checks a kind of work requires, recorded per person.
    RECORD_CHECKS = "record_checks"
    READ_RATES = "read_rates"
    SET_RATES = "set_rates"
    # Offers and what is written to people.
    MANAGE_OFFERS = "manage_offers"
    ANSWER_QUESTIONS = "answer_questions"
    CHECK_CLARITY = "check_clarity"
    # The people at work.
    OVERSEE_ALL_WORK = "oversee_all_work"
    CARE_FOR_PEOPLE = "care_for_people"
    MANAGE_SESSIONS = "manage_sessions"
    ARRANGE_ADJUSTMENTS = "arrange_adjustments"
    RECORD_CONSENT_FOR_PERSON = "record_consent_for_person"
    VERIFY_LEDGER = "verify_ledger"
    MANAGE_OUTPUTS = "manage_outputs"
    LOOK_AFTER_OUTPUTS = "look_after_outputs"
    MANAGE_CLAIMS = "manage_claims"
    # Evaluation, evidence and reports.
    READ_EVALUATION = "read_evaluation"
    WRITE_EVALUATION = "write_evaluation"
    READ_READINESS = "read_readiness"
    ASSESS_READINESS = "assess_readiness"
    READ_TRAINING_EVIDENCE = "read_training_evidence"
    RECORD_TRAINING_EVIDENCE = "record_training_evidence"
    READ_OUTCOMES = "read_outcomes"
    RECORD_OUTCOMES = "record_outcomes"
    READ_SCORECARDS = "read_scorecards"
    SEE_NAMES = "see_names"


CAPABILITIES: dict[Capability, frozenset[Role]] = {
    # Any write through the pages: an auditor's access is read-only.
    Capability.MAKE_CHANGES: frozenset({Role.EXPERT, Role.COORDINATOR, Role.CONTACT, Role.ADMIN}),
    # Staff: a second factor, the action-needed list. Everyone else is the person themself.
    Capability.WORK_AS_STAFF: frozenset({Role.COORDINATOR, Role.CONTACT, Role.ADMIN, Role.AUDITOR}),
    Capability.SEE_MEMBERS: frozenset({Role.COORDINATOR, Role.CONTACT, Role.ADMIN, Role.AUDITOR}),
    # Invite, change roles, reset a member's second factor.
    Capability.MANAGE_MEMBERS: frozenset({Role.ADMIN}),
    Capability.READ_AUDIT_LOG: frozenset({Role.ADMIN}),
    # Fairness weight, how the work runs, benefits advice, how long information is kept.
    Capability.CHANGE_SETTINGS: frozenset({Role.ADMIN}),
    # Anyone closes their own tasks; an admin sees and closes anyone's.
    Capability.CLOSE_ANYONES_TASKS: frozenset({Role.ADMIN}),
    # Read, add to and change the register (a person with an account changes their own).
    Capability.READ_REGISTER: frozenset({Role.COORDINATOR, Role.ADMIN}),
    Capability.KEEP_DEVELOPMENT_PLANS: frozenset({Role.COORDINATOR, Role.ADMIN}),
    # On the person's request, made another way than through their own account.
    Capability.ERASE_PEOPLE: frozenset({Role.ADMIN}),
    Capability.READ_OPPORTUNITIES: frozenset({Role.COORDINATOR, Role.ADMIN, Role.AUDITOR}),
    Capability.MANAGE_OPPORTUNITIES: frozenset({Role.COORDINATOR, Role.ADMIN}),
    # Matches name people and their experience: the register's readers only.
    Capability.SEE_MATCHES: frozenset({Role.COORDINATOR, Role.ADMIN}),
    # DBS checks, training and inductions: recorded by the people who arrange the work.
    Capability.RECORD_CHECKS: frozenset({Role.COORDINATOR, Role.ADMIN}),
    Capability.READ_RATES: frozenset({Role.COORDINATOR, Role.ADMIN}),
    Capability.SET_RATES: frozenset({Role.ADMIN}),
    # Make, change, send and withdraw offers of work.
    Capability.MANAGE_OFFERS: frozenset({Role.COORDINATOR, Role.ADMIN}),
    # A contact person answers only for the work they are appointed to.
    Capability.ANSWER_QUESTIONS: frozenset({Role.COORDINATOR, Role.CONTACT, Role.ADMIN}),
    # The people who write to experts by experience.
    Capability.CHECK_CLARITY: frozenset({Role.COORDINATOR, Role.CONTACT, Role.ADMIN}),
    # All the organisation's work with people, by name: offers, sessions, bookings,
    # adjustments, wellbeing checks, stops, consent receipts, reviews due. Not auditors:
    # they read anonymised reports.
    Capability.OVERSEE_ALL_WORK: frozenset({Role.COORDINATOR, Role.ADMIN}),
    # Look after people at work and act for them (a wellbeing check, a stop): be named
    # an opportunity's contact person, be chosen to read a Wellness Action Plan. Without
    # OVERSEE_ALL_WORK, only for the work they are appointed to.
    Capability.CARE_FOR_PEOPLE: frozenset({Role.COORDINATOR, Role.CONTACT, Role.ADMIN}),
    # Add, change and cancel sessions, book people and record attendance.
    Capability.MANAGE_SESSIONS: frozenset({Role.COORDINATOR, Role.ADMIN}),
    # Ask for an adjustment on a person's behalf, and confirm it is in place; the
    # appointed contact person may too, for their work.
    Capability.ARRANGE_ADJUSTMENTS: frozenset({Role.COORDINATOR, Role.ADMIN}),
    # Record what a person decided and told staff another way: a consent decision, their
    # answer to an offer, a wellbeing check, a claim… (a contact person, for the people
    # they are appointed to; never for someone with a login who has not allowed it:
    # powerwith.workflows.on_behalf).
    Capability.RECORD_CONSENT_FOR_PERSON: frozenset({Role.COORDINATOR, Role.CONTACT, Role.ADMIN}),
    Capability.VERIFY_LEDGER: frozenset({Role.ADMIN, Role.AUDITOR}),
    # Add outputs and read them all.
    Capability.MANAGE_OUTPUTS: frozenset({Role.COORDINATOR, Role.ADMIN}),
    # Be responsible for an output (a contact person sees theirs and their work's).
    Capability.LOOK_AFTER_OUTPUTS: frozenset({Role.COORDINATOR, Role.CONTACT, Role.ADMIN}),
    # Approve, reject and pay claims; read and export them.
    Capability.MANAGE_CLAIMS: frozenset({Role.COORDINATOR, Role.ADMIN}),
    Capability.READ_EVALUATION: frozenset({Role.COORDINATOR, Role.ADMIN, Role.AUDITOR}),
    Capability.WRITE_EVALUATION: frozenset({Role.COORDINATOR, Role.ADMIN}),
    Capability.READ_READINESS: frozenset({Role.COORDINATOR, Role.ADMIN, Role.AUDITOR}),
    Capability.ASSESS_READINESS: frozenset({Role.COORDINATOR, Role.ADMIN}),
    Capability.READ_TRAINING_EVIDENCE: frozenset({Role.COORDINATOR, Role.ADMIN, Role.AUDITOR}),
    Capability.RECORD_TRAINING_EVIDENCE: frozenset({Role.COORDINATOR, Role.ADMIN}),
    Capability.READ_OUTCOMES: frozenset({Role.COORDINATOR, Role.ADMIN, Role.AUDITOR}),
    Capability.RECORD_OUTCOMES: frozenset({Role.COORDINATOR, Role.ADMIN}),
    # Scorecards and the dashboard.
    Capability.READ_SCORECARDS: frozenset({Role.COORDINATOR, Role.ADMIN, Role.AUDITOR}),
    # Experts by experience by name, in the list of members and in reports (where the
    # person agreed to be named): an auditor reads all of it anonymised.
    Capability.SEE_NAMES: frozenset({Role.COORDINATOR, Role.CONTACT, Role.ADMIN}),
}


class HasRole(Protocol):
    @property
    def role(self) -> str: ...


def can(holder: HasRole | str, capability: Capability) -> bool:
    """May a member (or anyone holding this role) do this?"""
    role = holder if isinstance(holder, str) else holder.role
    return role in CAPABILITIES[capability]


def require(holder: HasRole | str, capability: Capability, message: str) -> None:
    """Refuse with 403 and the caller's message unless ``can`` says yes."""
    if not can(holder, capability):
        raise PermissionDenied(message)


def roles_with(capability: Capability) -> frozenset[Role]:
    """The roles that may do this, to find such members in the database."""
    return CAPABILITIES[capability]
