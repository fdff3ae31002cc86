from django.urls import path

from powerwith.inbox import views

app_name = "inbox"

urlpatterns = [
    path("action-needed/", views.action_needed, name="action_needed"),
    path("action-needed/<int:action_id>/done/", views.action_done, name="action_done"),
]
