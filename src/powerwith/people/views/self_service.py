"""An expert's own profile pages."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
