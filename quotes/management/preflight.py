"""Checks that the writing commands run before they touch the database."""

from django.core.management.base import CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor


def require_migrated_database() -> None:
    """Refuse, with the fix in the message, to write to a database that is not migrated yet.

    Without this, a fresh checkout's first `ingest` ends in a traceback about a missing table.
    """
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if pending:
        raise CommandError(
            f"the database has {len(pending)} migration(s) not applied yet: run "
            "`python manage.py migrate` first (`make run` does it for you)"
        )
