"""The coordinators' register of experts by experience."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
