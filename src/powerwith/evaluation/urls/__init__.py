from django.urls import path

from powerwith.evaluation.urls import readiness as urls_readiness
from powerwith.evaluation.views import development as views_development
from powerwith.evaluation.views import mine as views_mine
from powerwith.evaluation.views import reviews as views_reviews
from powerwith.evaluation.views import staff as views_staff

app_name = "evaluation"

OPPORTUNITY = "opportunities/<int:evaluation_opportunity_id>"

urlpatterns = [
    # The person's own pages.
    path("my-feedback/", views_mine.my_feedback, name="my_feedback"),
    path(
        "my-feedback/<int:feedback_offer_id>/", views_mine.my_feedback_form, name="my_feedback_form"
    ),
    path(
        "my-feedback/<int:feedback_offer_id>/easy-read/",
        views_mine.my_feedback_easy_read,
        name="my_feedback_easy_read",
    ),
    path("you-said-we-did/", views_mine.my_impact, name="my_impact"),
    # Staff, recording what a person told them another way.
    # offers/<id>/record-feedback/ (record_feedback) is served by workflows.
    # Staff, for one opportunity.
    path(f"{OPPORTUNITY}/feedback/", views_staff.opportunity_feedback, name="opportunity_feedback"),
    path(
        f"{OPPORTUNITY}/feedback/ask/",
        views_staff.opportunity_feedback_ask,
        name="opportunity_feedback_ask",
    ),
    path(
        f"{OPPORTUNITY}/reflection/",
        views_staff.opportunity_reflection,
        name="opportunity_reflection",
    ),
    path(f"{OPPORTUNITY}/impact/", views_staff.opportunity_impact, name="opportunity_impact"),
    path(
        f"{OPPORTUNITY}/impact/<int:impact_id>/share/",
        views_staff.impact_share,
        name="impact_share",
    ),
    path("impact/standards/", views_staff.impact_standards, name="impact_standards"),
    # Development plans.
    path("my-development/", views_development.my_plan, name="my_development"),
    path(
        "my-development/<int:my_dev_action_id>/",
        views_development.my_action,
        name="my_development_action",
    ),
    path(
        "people/<int:dev_person_id>/development/",
        views_development.person_plan,
        name="person_development",
    ),
    path(
        "people/<int:dev_person_id>/development/<int:dev_action_id>/",
        views_development.person_action,
        name="person_development_action",
    ),
    # Reviews due.
    path("reviews/", views_reviews.reviews_due, name="reviews"),
    path("my-reviews/", views_reviews.my_reviews, name="my_reviews"),
    *urls_readiness.urlpatterns,
]
