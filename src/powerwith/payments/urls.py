from django.urls import path

from powerwith.payments.views import batches as views_batches
from powerwith.payments.views import mileage as views_mileage
from powerwith.payments.views import mine as views_mine
from powerwith.payments.views import routes as views_routes
from powerwith.payments.views import staff as views_staff
from powerwith.payments.views import statement as views_statement
from powerwith.payments.views import time as views_time

app_name = "payments"

urlpatterns = [
    # The person's own claims and payment choices.
    path("my-claims/", views_mine.my_claims, name="my_claims"),
    path("my-claims/time/", views_time.my_time_claim, name="my_time_claim"),
    path("my-claims/time-to-claim/", views_time.my_time_to_claim, name="my_time_to_claim"),
    path("my-claims/expenses/", views_mine.my_expense_claim, name="my_expense_claim"),
    path("my-claims/mileage/", views_mileage.my_mileage_claim, name="my_mileage_claim"),
    path("my-claims/statement/", views_statement.my_statement, name="my_statement"),
    path(
        "my-claims/statement/<int:tax_year>/",
        views_statement.my_statement,
        name="my_statement_year",
    ),
    path(
        "my-claims/statement/<int:tax_year>.pdf",
        views_statement.my_statement_pdf,
        name="my_statement_pdf",
    ),
    path("my-claims/how-i-am-paid/", views_routes.my_pay_route, name="my_pay_route"),
    path(
        "my-claims/remittance/<int:batch_id>.pdf",
        views_batches.my_remittance_pdf,
        name="my_remittance_pdf",
    ),
    path("my-claims/travel/", views_mine.my_travel_advance, name="my_travel_advance"),
    path("my-claims/<int:claim_id>/", views_mine.my_claim, name="my_claim"),
    path(
        "my-claims/<int:claim_id>/withdraw/",
        views_mine.my_claim_withdraw,
        name="my_claim_withdraw",
    ),
    path(
        "my-claims/payment-choice/<int:accepted_offer_id>/",
        views_mine.payment_choice,
        name="payment_choice",
    ),
    # Coordinators and admins.
    path("claims/", views_staff.claim_list, name="claims"),
    # offers/<id>/record-claim/ (record_time_claim) is served by workflows.
    path(
        "claims/people/<int:person_id>/employment-status/",
        views_routes.employment_status,
        name="employment_status",
    ),
    path("claims/batches/", views_batches.batch_list, name="batches"),
    path("claims/batches/prepare/", views_batches.batch_prepare, name="batch_prepare"),
    path("claims/batches/<int:batch_id>/", views_batches.batch_detail, name="batch"),
    path(
        "claims/batches/<int:batch_id>/set-aside/",
        views_batches.batch_set_aside,
        name="batch_set_aside",
    ),
    path(
        "claims/batches/<int:batch_id>/payroll.csv",
        views_batches.batch_payroll_csv,
        name="batch_payroll_csv",
    ),
    path(
        "claims/batches/<int:batch_id>/supplier.csv",
        views_batches.batch_supplier_csv,
        name="batch_supplier_csv",
    ),
    path(
        "claims/batches/<int:batch_id>/remittance/<int:person_id>.pdf",
        views_batches.remittance_pdf,
        name="remittance_pdf",
    ),
    path("claims/mileage-rates/", views_mileage.mileage_rates, name="mileage_rates"),
    path("claims/export.csv", views_staff.claims_csv, name="claims_csv"),
    path("claims/<int:claim_id>/", views_staff.claim_detail, name="claim"),
    path("claims/<int:claim_id>/approve/", views_staff.claim_approve, name="claim_approve"),
    path("claims/<int:claim_id>/reject/", views_staff.claim_reject, name="claim_reject"),
    path("claims/<int:claim_id>/pay/", views_staff.claim_pay, name="claim_pay"),
    path(
        "claims/payment-choice/<int:fee_offer_id>/",
        views_staff.staff_payment_choice,
        name="staff_payment_choice",
    ),
    # The person's and staff's alike, each checked.
    path("claims/<int:claim_id>/receipt/", views_staff.receipt, name="receipt"),
]
