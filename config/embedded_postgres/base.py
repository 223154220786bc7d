"""Django backend: the stock PostgreSQL one, pointed at the embedded server's socket."""

from typing import Any

from django.conf import settings
from django.db.backends.postgresql import base

from config.embedded_postgres.server import ensure_server


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self) -> dict[str, Any]:
        params = super().get_connection_params()
        socket_dir = ensure_server(
            pgdata=settings.EMBEDDED_PGDATA, database=self.settings_dict["NAME"]
        )
        params["host"] = socket_dir
        params.pop("port", None)
        return params
