"""`make lint`'s tenancy check (scripts/check_tenancy.py) finds the modules that answer
requests by what they hold, whatever they are called, and refuses a model's rows reached
there without the app's queries."""

from __future__ import annotations

import pytest

from scripts import check_tenancy

A_PAGE = """
def thing(request, thing_id):
    return render(request, "thing.html", {{"thing": {reach}}})
"""

AN_ENDPOINT = """
@router.get("/things/{{thing_id}}")
def thing(caller, thing_id):
    return {reach}
"""

A_SERVICE = """
def archive(thing_id, *, by):
    {reach}.update(archived=True)
"""


@pytest.mark.parametrize(
    ("reach", "refused"),
    [
        ("Thing.objects.get(pk=thing_id)", "Thing.objects"),
        ("Thing._default_manager.get(pk=thing_id)", "_default_manager"),
        ("get_object_or_404(Thing, pk=thing_id)", "get_object_or_404"),
        ("shortcuts.get_object_or_404(Thing, pk=thing_id)", "get_object_or_404"),
    ],
)
@pytest.mark.parametrize(
    ("module", "line"), [pytest.param(A_PAGE, 3, id="page"), pytest.param(AN_ENDPOINT, 4, id="api")]
)
def test_a_module_answering_requests_may_not_reach_rows_itself(module, line, reach, refused):
    assert check_tenancy.problems_in(module.format(reach=reach)) == [(line, refused)]


def test_importing_get_object_or_404_is_refused_there_too():
    source = "from django.shortcuts import get_object_or_404\n" + A_PAGE.format(reach="None")
    assert check_tenancy.problems_in(source) == [(1, "import of get_object_or_404")]


def test_reading_through_queries_passes():
    assert check_tenancy.problems_in(A_PAGE.format(reach="queries.get_thing_for(m, 1)")) == []


def test_a_module_answering_no_requests_is_left_to_its_own_rules():
    assert check_tenancy.problems_in(A_SERVICE.format(reach="Thing.objects.filter(pk=1)")) == []


def test_the_product_passes():
    assert check_tenancy.main() == 0
