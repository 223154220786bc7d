from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "access"
    verbose_name = "Access: who may write, and how often anyone may ask"

    def ready(self) -> None:
        from access import schema  # noqa: F401  (registers the token scheme)
