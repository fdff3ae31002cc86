from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "powerwith.accounts"
    verbose_name = "Accounts and organisations"
