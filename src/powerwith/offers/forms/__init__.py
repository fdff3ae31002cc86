"""Forms for offers of work. They parse; the rules live in offers/services.py."""

from __future__ import annotations

from typing import Any

from django import forms

from powerwith.core.forms import AUTOCOMPLETE
from powerwith.offers.checks import PAYMENT_METHODS, QUESTION_LENGTH, TEXT_TERMS
from powerwith.people.choices import PaymentPreference
from powerwith.people.forms.acting import OnBehalfForm

PAYMENT_LABELS = dict(PaymentPreference.choices)


def _text(label: str, help_text: str, max_length: int) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": f"Keep it to {max_length} characters or fewer."},
    )


class MakeOfferForm(forms.Form):
    """Who the offer is for: the people matched to the opportunity first, then everyone
    else active on the register, in one list that a type-to-find box enhances."""

    person_id = forms.TypedChoiceField(
        label="Who is the offer for?",
        coerce=int,
        help_text="Active people on your register. People matched to this opportunity "
        "come first. Type a name to find someone.",
        error_messages={
            "required": "Choose who the offer is for.",
            "invalid_choice": "Choose someone who is active on your register.",
        },
        widget=forms.Select(attrs=AUTOCOMPLETE),
    )

    def __init__(
        self,
        *args: Any,
        people: list[tuple[int, str]],
        matched: list[tuple[int, str]] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["person_id"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [("", "Choose a person"), *picker_groups(people, matched or [])]


def picker_groups(
    people: list[tuple[int, str]], matched: list[tuple[int, str]]
) -> list[tuple[Any, Any]]:
    """The people matched first, each named as matched (the mark is read out and shown
    in the type-to-find box too), then everyone else; one plain list when no one is
    matched."""
    if not matched:
        return list(people)
    first = {pk for pk, _ in matched}
    rest = [(pk, name) for pk, name in people if pk not in first]
    return [
        ("Matched to this opportunity", [(pk, f"{name} (matched)") for pk, name in matched]),
        ("Everyone else active on your register", rest),
    ]


class TermsForm(forms.Form):
    """What is written for this person on top of the opportunity's own terms."""

    message = _text(
        "A message to the person",
        "Say why you are asking them. Plain words: no promises you cannot keep.",
        TEXT_TERMS["message"],
    )
    adjustments = _text(
        "Reasonable adjustments agreed",
        "What you will do so the person can take part, or write that none are needed.",
        TEXT_TERMS["adjustments"],
    )
    support = _text(
        "Support arrangements",
        "For example: a debrief after each session, a quiet room, a named person to talk to.",
        TEXT_TERMS["support"],
    )
    payment_method = forms.ChoiceField(
        label="How the payment is made",
        required=False,
        help_text="Leave it as the person's own choice unless you have agreed another way.",
        choices=[
            ("", "The person's own choice"),
            *((m, PAYMENT_LABELS[m]) for m in PAYMENT_METHODS),
        ],
    )
    benefits_signpost = _text(
        "Where to get benefits advice",
        "Shown only to people who asked for benefits advice. Leave it empty to use our "
        "standard signpost to free, independent advice.",
        TEXT_TERMS["benefits_signpost"],
    )


LIVE_CHECKED = ("message", "adjustments", "support", "benefits_signpost")


def with_live_clarity(form: TermsForm, url: str) -> TermsForm:
    """Each text box posts to the clarity checker as it is typed in (htmx), which answers
    its findings into ``#clarity-findings``; without JavaScript nothing changes."""
    for name in LIVE_CHECKED:
        form.fields[name].widget.attrs.update(
            {
                "hx-post": f"{url}?field={name}",
                "hx-trigger": "input changed delay:700ms",
                "hx-target": "#clarity-findings",
                "hx-swap": "outerHTML",
            }
        )
    return form


class SendForm(forms.Form):
    acknowledge_warnings = forms.BooleanField(
        label="I have read the clarity warnings, and the offer is clear as it is",
        required=False,
    )


class QuestionForm(forms.Form):
    text = forms.CharField(
        label="Your question",
        help_text="Ask anything about this offer. Asking does not mean you have said yes.",
        max_length=QUESTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": "Write your question.",
            "max_length": f"Keep it to {QUESTION_LENGTH} characters or fewer.",
        },
    )


class AnswerForm(forms.Form):
    text = forms.CharField(
        label="Your answer",
        max_length=QUESTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": "Write your answer.",
            "max_length": f"Keep it to {QUESTION_LENGTH} characters or fewer.",
        },
    )


class AcceptForm(forms.Form):
    """The version the person read, so a newer one is never accepted unread."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class SupporterAnswerForm(AcceptForm):
    """A supporter answering for the person through their own login: only once the
    person has agreed the answer with them."""

    agreed = forms.BooleanField(
        label="They agreed this answer with me",
        help_text="Only answer for them when they have told you what to say.",
        error_messages={"required": "Tick to say that they agreed this answer with you"},
    )


class LeaveOnBehalfForm(forms.Form):
    """Staff recording that the person told them they are leaving the work."""

    method = forms.ChoiceField(
        label="How did the person tell you?",
        choices=[
            ("verbal", "They told me (in person or on the phone)"),
            ("written", "In writing (a letter, a message or a form)"),
            ("supporter", "Through their supporter"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how the person told you they are leaving."},
    )


class RecordAnswerForm(OnBehalfForm):
    """Staff recording the person's answer to their offer, given another way."""

    answer = forms.ChoiceField(
        label="What did they say?",
        choices=[("accept", "They accept the offer"), ("decline", "They do not want it")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what the person said."},
    )
    field_order = ["answer", "method", "told_note"]


class RecordingForm(forms.Form):
    """Staff's own recording of the offer, played instead of the synthesiser's."""

    audio = forms.FileField(
        label="Your recording of the offer",
        help_text="An MP3 or Ogg file, smaller than 20 MB. Read the offer as it was sent.",
        error_messages={"required": "Choose a recording to upload.", "empty": "The file is empty."},
    )
