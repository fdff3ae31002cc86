"""The readiness self-assessment: the charter's Key Barriers, Key Enablers and Grow
Factors ("Looking forwards: your project and its future"), in its own words, defined
once here for the form, the results page, the API and the demo.

Codes are stable (the API and stored answers use them); the text is the charter's.
"""

from __future__ import annotations

from dataclasses import dataclass

BARRIER = "barrier"
ENABLER = "enabler"
GROW_FACTOR = "grow_factor"

GROUP_TITLES = {
    BARRIER: "Key Barriers",
    ENABLER: "Key Enablers",
    GROW_FACTOR: "Grow Factors",
}
GROUP_INTRODUCTIONS = {
    BARRIER: "The Key Barriers to exploring co-working and/or co-production can include:",
    ENABLER: "Key Enablers or Facilitators that helped projects get off the ground included:",
    GROW_FACTOR: "Those things that can serve as Grow Factors can include:",
}

# How each kind of factor is rated, from the most in need of work to the least.
BIG_BARRIER = "big_barrier"
SOME_BARRIER = "some_barrier"
NOT_A_BARRIER = "not_a_barrier"
IN_PLACE = "in_place"
PARTLY_IN_PLACE = "partly"
NOT_YET = "not_yet"

RATINGS: dict[str, list[tuple[str, str]]] = {
    BARRIER: [
        (BIG_BARRIER, "A big barrier here"),
        (SOME_BARRIER, "Something of a barrier"),
        (NOT_A_BARRIER, "Not a barrier for us"),
    ],
    ENABLER: [
        (IN_PLACE, "In place"),
        (PARTLY_IN_PLACE, "Partly in place"),
        (NOT_YET, "Not yet"),
    ],
}
RATINGS[GROW_FACTOR] = RATINGS[ENABLER]
RATING_LABELS: dict[str, str] = {code: label for pairs in RATINGS.values() for code, label in pairs}
# What to work on first: big barriers, and enablers or grow factors not yet in place.
FIRST = frozenset({BIG_BARRIER, NOT_YET})


@dataclass(frozen=True)
class Factor:
    code: str
    group: str
    text: str

    @property
    def ratings(self) -> list[tuple[str, str]]:
        return RATINGS[self.group]


FACTORS: tuple[Factor, ...] = (
    Factor(
        "barrier.uncertainty",
        BARRIER,
        "Uncertainty about what it actually is, what it means and how to implement it",
    ),
    Factor(
        "barrier.time_and_cost",
        BARRIER,
        "Practical constraints, such as concerns over time and cost implications",
    ),
    Factor(
        "barrier.welfare_and_benefits",
        BARRIER,
        "Genuine concerns around the people's welfare, as well the potential complications "
        "relating to any benefits/support received by the expert by experience",
    ),
    Factor(
        "barrier.resistance_to_change",
        BARRIER,
        "Resistance to change more generally to restraint reduction within the organisation, "
        "which may find a focus on co-working, often evidenced in resistant cliques and "
        "cultural inertia.",
    ),
    Factor(
        "barrier.counter_demands",
        BARRIER,
        "Counter demands within the organisation relating to core service provision",
    ),
    Factor(
        "enabler.fertile_ground",
        ENABLER,
        "The presence of intellectually and operationally 'fertile ground' - an existing "
        "culture of involvement and respect for the views of people with lived experience",
    ),
    Factor(
        "enabler.leaders",
        ENABLER,
        "Inspirational leaders and managers that were prepared to 'give it a try'",
    ),
    Factor(
        "enabler.ethic_of_care",
        ENABLER,
        "Staff disposed to an ethic of care or relationally which allows them to build strong "
        "and mutually beneficial working partnerships",
    ),
    Factor(
        "enabler.commissioners_on_board",
        ENABLER,
        "Having commissioners and other strategic colleagues on board.",
    ),
    Factor(
        "grow.structures",
        GROW_FACTOR,
        "Having structures and processes in place to sustain ongoing work, such as training "
        "and support",
    ),
    Factor(
        "grow.extra_support",
        GROW_FACTOR,
        "The recognition that people with lived experience might need extra support or "
        "reasonable adjustments at times, and putting systems in place to ensure that happens",
    ),
    Factor(
        "grow.feedback_loop",
        GROW_FACTOR,
        "A constructive feedback loop, including responding to challenges and concerns",
    ),
    Factor("grow.honesty", GROW_FACTOR, "A culture of honesty and transparency"),
    Factor(
        "grow.benefits_shown",
        GROW_FACTOR,
        "Being able to demonstrate the benefits of co-production",
    ),
    Factor(
        "grow.conflict",
        GROW_FACTOR,
        "A recognition that conflict is part of the process, and should be seen as a part of "
        "the process of change",
    ),
)
FACTORS_BY_CODE: dict[str, Factor] = {f.code: f for f in FACTORS}
GROUPS: tuple[str, ...] = (BARRIER, ENABLER, GROW_FACTOR)
FACTOR_CHOICES: list[tuple[str, str]] = [(f.code, f.text) for f in FACTORS]


def factors_in(group: str) -> list[Factor]:
    return [f for f in FACTORS if f.group == group]


def is_valid_rating(factor_code: str, rating: str) -> bool:
    factor = FACTORS_BY_CODE.get(factor_code)
    return factor is not None and rating in dict(factor.ratings)
