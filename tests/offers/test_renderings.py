"""Each rendering of a sent offer states every element the offer must state, in the form
its readers need: the web page, the large print PDF, easy read, plain text, a calendar."""

from __future__ import annotations

import io
import itertools
import re
from typing import Any

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from powerwith.offers.content import OK_TO_SAY_NO
from powerwith.offers.renderings import FORMATS, UnknownFormat, render
from powerwith.offers.renderings.calendar import NoSessions
from tests.offers.factories import (
    ADDRESS,
    COMPLETE_TERMS,
    FIRST_SESSION,
    SECOND_SESSION,
    offer_to,
    prefers,
    sent_content,
)
from tests.offers.reading import blocks_of, flat

pytestmark = pytest.mark.django_db

# Every element the send gate requires, as the standard renderings word it.
REQUIRED = {
    "what is asked": "Share what helped you and design the course activities with us.",
    "where": ADDRESS,
    "when (winter)": FIRST_SESSION,
    "when (summer time)": SECOND_SESSION,
    "reward": "£25.00 an hour",
    "the whole fee": "£137.50 for 5 hours and 30 minutes",
    "when paid": "within 14 days of the work",
    "how paid": "by bank transfer",
    "expenses": "Care or childcare while you work",
    "travel in advance": "pay for your travel in advance",
    "benefits advice": "Citizens Advice",
    "outputs": "shared inside the organisation",
    "consent": "to take part in the work",
    "withdrawing consent": "You can withdraw your consent",
    "contact person": "Jo Bloggs",
    "contact e-mail": "jo@riverside.example",
    "backup contact": "Kim Lee",
    "support": COMPLETE_TERMS["support"],
    "wellbeing checks": "checks how you are",
    "power to stop": "You can stop, take time out",
    "adjustments": COMPLETE_TERMS["adjustments"],
    "message": COMPLETE_TERMS["message"],
    "OK to say no": OK_TO_SAY_NO,
}


@pytest.fixture
def content(riverside_coordinator, expert_at_riverside) -> dict[str, Any]:
    prefers(expert_at_riverside, "large_print")
    return sent_content(offer_to(riverside_coordinator, expert_at_riverside))


def missing_from(text: str) -> list[str]:
    text = flat(text)
    return [name for name, phrase in REQUIRED.items() if flat(phrase) not in text]


def pdf_text(reader: PdfReader) -> str:
    text = "\n".join(page.extract_text() for page in reader.pages)
    return re.sub(r"Page \d+ of \d+", " ", text)


def font_sizes(reader: PdfReader) -> set[float]:
    """The size every piece of text is drawn at, in points: the Tf size scaled by the
    text and graphics matrices, as a reader's eye meets it."""
    sizes: set[float] = set()

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text.strip():
            text_scale = (tm[2] ** 2 + tm[3] ** 2) ** 0.5
            page_scale = (cm[2] ** 2 + cm[3] ** 2) ** 0.5
            sizes.add(round(size * text_scale * page_scale, 2))

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return sizes


def test_it_renders_every_format_with_its_own_type_and_file_name(content):
    types = {fmt: render(content, fmt) for fmt in FORMATS}
    assert {fmt: r.content_type for fmt, r in types.items()} == {
        "html": "text/html; charset=utf-8",
        "large-print-pdf": "application/pdf",
        "easy-read": "text/html; charset=utf-8",
        "text": "text/plain; charset=utf-8",
        "ics": "text/calendar; charset=utf-8",
        "braille": "text/plain; charset=utf-8",
        "audio": "audio/mpeg",
        "paper-pack": "application/pdf",
    }
    assert types["large-print-pdf"].filename == "offer-co-design-restraint-reduction-training.pdf"
    assert types["easy-read"].filename.endswith("-easy-read.html")


def test_an_unknown_format_is_refused_naming_the_formats(content):
    with pytest.raises(UnknownFormat) as refused:
        render(content, "docx")
    assert refused.value.status_code == 422
    assert "html, large-print-pdf, easy-read, text, ics" in refused.value.message


def test_the_web_page_states_every_required_element(content):
    html = render(content, "html").data.decode()
    assert missing_from(" ".join(blocks_of(html))) == []
    assert '<html lang="en-GB">' in html
    assert "<table" not in html


def test_the_web_page_has_its_headings_in_order(content):
    html = render(content, "html").data.decode()
    levels = [int(level) for level in re.findall(r"<h([1-6])[\s>]", html)]
    assert levels[0] == 1
    assert levels.count(1) == 1
    assert all(later - earlier <= 1 for earlier, later in itertools.pairwise(levels))


def test_the_web_page_allows_only_its_own_stylesheet(content):
    rendered = render(content, "html")
    policy = rendered.content_security_policy
    assert policy.startswith("default-src 'none'; style-src 'sha256-")
    assert "script-src" not in policy


def test_coordinator_text_is_escaped_in_the_web_page(content):
    content["message"] = '<script>alert("hi")</script>'
    html = render(content, "html").data.decode()
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


class TestTheLargePrintPdf:
    @pytest.fixture
    def reader(self, content) -> PdfReader:
        return PdfReader(io.BytesIO(render(content, "large-print-pdf").data))

    def test_it_opens_and_its_text_states_every_required_element(self, reader):
        assert len(reader.pages) >= 2
        assert missing_from(pdf_text(reader)) == []

    def test_no_text_in_it_is_smaller_than_16_point_and_the_body_is_18(self, reader):
        sizes = font_sizes(reader)
        assert min(sizes) >= 16
        assert 18 in sizes

    def test_it_is_a_tagged_pdf_with_title_language_and_author(self, reader):
        catalog = reader.trailer["/Root"]
        assert catalog["/MarkInfo"]["/Marked"].value is True
        assert "/StructTreeRoot" in catalog
        assert catalog["/Lang"] == "en-GB"
        assert catalog["/ViewerPreferences"]["/DisplayDocTitle"].value is True
        assert reader.metadata is not None
        assert reader.metadata.title == (
            "Offer of work: Co-design restraint reduction training – Riverside Care Partnership"
        )
        assert reader.metadata.author == "Riverside Care Partnership"

    def test_it_claims_pdf_ua_and_uses_a_sans_serif_font_it_embeds(self, reader):
        metadata = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
        assert "pdfuaid:part" in metadata
        fonts = {
            font.get_object()["/BaseFont"]
            for page in reader.pages
            for font in page["/Resources"]["/Font"].values()
        }
        assert fonts
        assert all("DejaVu-Sans" in name for name in fonts)

    def test_it_is_a4(self, reader):
        box = reader.pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_the_plain_text_states_every_required_element(content):
    assert missing_from(render(content, "text").data.decode()) == []


def test_the_plain_text_has_no_layout_characters_and_no_long_lines(content):
    text = render(content, "text").data.decode()
    assert all(len(line) <= 80 for line in text.splitlines())
    assert not re.search(r"[\u2500-\u259f|\t•★✓]", text)


def test_the_plain_text_gives_headings_and_lists_as_plain_lines(content):
    lines = render(content, "text").data.decode().splitlines()
    assert "What you are asked to do" in lines
    assert "The key facts" in lines
    assert f"- {FIRST_SESSION} (3 hours)" in lines
    assert "- Where: In person at Riverside House, 1 Mill Lane, Leeds" in lines


def test_the_plain_text_drops_decorations_from_what_a_coordinator_wrote(content):
    content["message"] = "• Bring a friend if you like\n━━━━━━━━\n★ Lunch is provided ✓"
    lines = render(content, "text").data.decode().splitlines()
    assert "- Bring a friend if you like" in lines
    assert "Lunch is provided" in lines


def test_the_plain_text_wraps_long_words_too(content):
    content["message"] = "x" * 200
    text = render(content, "text").data.decode()
    assert all(len(line) <= 80 for line in text.splitlines())


class TestTheCalendar:
    def test_it_has_one_event_for_each_session(self, content):
        calendar = Calendar.from_ical(render(content, "ics").data)
        events = calendar.walk("VEVENT")
        assert len(events) == 2
        assert [event.decoded("dtstart").isoformat() for event in events] == [
            "2030-01-15T10:00:00+00:00",
            "2030-06-18T09:30:00+00:00",
        ]
        assert [event.decoded("dtend").isoformat() for event in events] == [
            "2030-01-15T13:00:00+00:00",
            "2030-06-18T12:00:00+00:00",
        ]

    def test_each_event_says_what_where_who_and_that_it_is_ok_to_say_no(self, content):
        [event, _] = Calendar.from_ical(render(content, "ics").data).walk("VEVENT")
        assert str(event["summary"]) == "Co-design restraint reduction training"
        assert str(event["location"]) == ADDRESS
        description = str(event["description"])
        assert "Jo Bloggs" in description
        assert "jo@riverside.example" in description
        assert "It's OK to say no" in description

    def test_the_event_ids_are_unique_and_stay_the_same_each_time(self, content):
        def uids() -> list[str]:
            calendar = Calendar.from_ical(render(content, "ics").data)
            return [str(event["uid"]) for event in calendar.walk("VEVENT")]

        assert len(set(uids())) == 2
        assert uids() == uids()

    def test_a_remote_session_gives_the_joining_details_as_its_location(self, content):
        content["location"] = {"mode": "video", "address": "", "details": "Teams link by email"}
        [event, _] = Calendar.from_ical(render(content, "ics").data).walk("VEVENT")
        assert str(event["location"]) == "By video call: Teams link by email"

    def test_an_offer_without_dated_sessions_has_no_calendar(self, content):
        content["sessions"] = []
        with pytest.raises(NoSessions) as refused:
            render(content, "ics")
        assert refused.value.status_code == 422
        assert "This offer has no dated sessions" in refused.value.message
