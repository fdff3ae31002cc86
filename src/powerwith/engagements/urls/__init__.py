"""Sessions and bookings (urls.sessions) and wellbeing, stopping and the contact person's
lists (urls.wellbeing), under one namespace."""

from powerwith.engagements.urls import sessions as urls_sessions
from powerwith.engagements.urls import wellbeing as urls_wellbeing

app_name = "engagements"

urlpatterns = [*urls_sessions.urlpatterns, *urls_wellbeing.urlpatterns]
