"""A paper pack, for a person who works on paper: one PDF to print and post, holding the
offer in the format they read best (large print, easy read or standard), a consent form
with a box to tick for each consent the work asks for, and a reply slip. When it comes
back, staff enter the reply slip as the person's answer, by letter
(powerwith.workflows.on_behalf), and the consent form on the consent pages.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from weasyprint import HTML

from powerwith.offers.formats import RenderFormat, preferred_format
from powerwith.offers.renderings import easy_read, large_print
from powerwith.offers.renderings.base import Rendered, filename, stylesheet
from powerwith.offers.renderings.easy_phrases import CONSENTS
from powerwith.offers.renderings.words import Content


def _offer_html(content: Content) -> str:
    """Easy read for those who read it; otherwise the large-print document (on paper the
    standard offer's pictures cannot carry the text alternatives a tagged PDF needs, and
    large type costs nobody anything)."""
    if preferred_format(content["person"]["formats"]) == RenderFormat.EASY_READ:
        return easy_read.render(content).data.decode("utf-8")
    return large_print.document(content)


def forms_html(content: Content) -> str:
    """The consent form and the reply slip, in large type whatever the offer's format."""
    contact = content["contact"]
    return render_to_string(
        "offers/render/paper_forms.html",
        {
            "content": content,
            "title": content["opportunity"]["title"],
            "organisation": content["organisation"],
            "scopes": [
                (scope, CONSENTS.get(scope, scope.replace("_", " ")))
                for scope in content["consent_needed"]
            ],
            "contact_name": contact["name"] if contact else "your contact person",
            "css": stylesheet("offer-paper-forms.css"),
        },
    )


def render(content: Content) -> Rendered:
    offer = HTML(string=_offer_html(content), url_fetcher=large_print.FETCHER).render()
    forms = HTML(string=forms_html(content), url_fetcher=large_print.FETCHER).render()
    pack = offer.copy([*offer.pages, *forms.pages]).write_pdf(pdf_variant="pdf/ua-1")
    assert pack is not None  # write_pdf answers the bytes when it has no target
    return Rendered(
        data=pack, content_type="application/pdf", filename=filename(content, "-paper-pack.pdf")
    )
