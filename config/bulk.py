"""COPY many rows into a table: the bulk path of ingestion.

For the tens of small rows each article brings (sentences, quotes), COPY costs a fraction of
a multi-row INSERT through the ORM, both in Python and in the server. Triggers and constraints
apply to copied rows exactly as to inserted ones.
"""

from collections.abc import Iterable, Sequence

from django.db import connection
from django.db.models import Model


def copy_rows(model: type[Model], fields: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    quote = connection.ops.quote_name
    concrete = {field.name: str(field.column) for field in model._meta.concrete_fields}
    columns = ", ".join(quote(concrete[name]) for name in fields)
    statement = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"
    # The raw psycopg cursor's errors are wrapped as Django's (IntegrityError...), as the ORM's
    # are, so callers' `except IntegrityError` sees a row the database refused.
    with (
        connection.wrap_database_errors,
        connection.cursor() as cursor,
        cursor.cursor.copy(statement) as copy,
    ):
        for row in rows:
            copy.write_row(row)
