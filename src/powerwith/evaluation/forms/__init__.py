"""Forms for feedback, team reflection and the impact log. Feedback questions can be
skipped: people answer what they want to."""

from __future__ import annotations

from typing import Any

from django import forms

from powerwith.evaluation.models import LivedUp, Question, Rating, Standard
from powerwith.evaluation.services.feedback import COMMENTS_LENGTH
from powerwith.people.forms.acting import OnBehalfForm

EASY_READ_QUESTIONS = {
    Question.RESPECTED: "Did we treat you with respect?",
    Question.SAFE: "Did you feel safe?",
    Question.VALUED: "Did you feel we valued you?",
    Question.LISTENED_TO: "Did we listen to you?",
    Question.INFLUENCE: "Could you change what we decided?",
    Question.PAY: "Was the pay fair? Did it come on time?",
    Question.COMMUNICATION: "Was it easy to understand what we told you?",
    Question.WORK_AGAIN: "Would you work with us again?",
}
EASY_READ_ANSWERS = [
    (1, "No, not at all"),
    (2, "Not really"),
    (3, "Not sure"),
    (4, "Yes, mostly"),
    (5, "Yes, very much"),
]


def _rating(label: str, choices: list[tuple[int, str]]) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=choices,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose one of the answers, or leave it blank"},
    )


class FeedbackForm(forms.Form):
    comments = forms.CharField(
        label="Anything else you would like to tell us (optional)",
        required=False,
        max_length=COMMENTS_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": f"Comments must be {COMMENTS_LENGTH} characters or fewer"},
    )
    anonymous = forms.BooleanField(
        label="Do not show my name with my answers",
        help_text="Staff will see what you said but not who said it. We cannot link it "
        "back to you later.",
        required=False,
    )

    def __init__(self, *args: Any, easy_read: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        ratings = {
            code: _rating(
                EASY_READ_QUESTIONS[Question(code)] if easy_read else label,
                EASY_READ_ANSWERS if easy_read else list(Rating.choices),
            )
            for code, label in Question.choices
        }
        if easy_read:
            self.fields["comments"].label = "Is there anything else you want to tell us?"
            self.fields["anonymous"].label = "Do not put my name on my answers"
            self.fields["anonymous"].help_text = "Staff will not know these answers are from you."
        self.fields = {**ratings, **self.fields}

    def answers(self) -> dict[str, int | None]:
        return {code: self.cleaned_data.get(code) for code in Question.values}


class RecordFeedbackForm(FeedbackForm, OnBehalfForm):
    """The person's feedback, told to staff another way and recorded by them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["comments"].label = "Anything else they would like to tell us (optional)"
        self.fields["anonymous"].label = "They do not want their name shown with their answers"
        self.fields[
            "anonymous"
        ].help_text = (
            "Their answers are kept without their name, as if they had answered themselves."
        )


class SupporterFeedbackForm(FeedbackForm):
    """The person's feedback, given by their supporter through their own login once the
    person has agreed the answers with them: the same questions as the person's own."""

    agreed = forms.BooleanField(
        label="They agreed these answers with me",
        help_text="Only answer for them when they have told you what to say.",
        error_messages={"required": "Tick to say that they agreed this with you"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["comments"].label = "Anything else they would like to tell us (optional)"
        self.fields["anonymous"].label = "They do not want their name shown with their answers"
        self.fields[
            "anonymous"
        ].help_text = (
            "Their answers are kept without their name, as if they had answered themselves."
        )
        self.fields["agreed"] = self.fields.pop("agreed")


class ReflectionForm(forms.Form):
    went_well = forms.CharField(
        label="What went well?",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter what went well"},
    )
    to_change = forms.CharField(
        label="What would we change next time?",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter what we would change"},
    )
    lived_up = forms.ChoiceField(
        label="Did we live up to the P.O.W.E.R. principles?",
        help_text="The right people, clear outcomes, inclusive work and support, "
        "evaluation, and review.",
        choices=LivedUp.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether we lived up to the principles"},
    )
    principles_note = forms.CharField(
        label="Where did we fall short, or do well? (optional)",
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ImpactForm(forms.Form):
    you_said = forms.CharField(
        label="You said",
        help_text="What experts by experience told us or showed us.",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what experts by experience said"},
    )
    we_did = forms.CharField(
        label="We did",
        help_text="What changed because of it.",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what we did"},
    )
    contributors = forms.TypedMultipleChoiceField(
        label="Who contributed?",
        coerce=int,
        choices=[],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    standards = forms.MultipleChoiceField(
        label="Which UK Standards for Public Involvement does this show?",
        choices=Standard.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    share = forms.BooleanField(
        label="Share this with the contributors now",
        help_text='They will see it on their "You said, we did" page.',
        required=False,
    )

    def __init__(self, *args: Any, people: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["contributors"].choices = people  # type: ignore[attr-defined]
