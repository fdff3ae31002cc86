"""Sessions and bookings (urls_sessions) and wellbeing, stopping and the contact
person's lists (urls_wellbeing), under one namespace."""

from powerwith.engagements import urls_sessions, urls_wellbeing

app_name = "engagements"

urlpatterns = [*urls_sessions.urlpatterns, *urls_wellbeing.urlpatterns]
