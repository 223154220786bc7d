"""Keyset (seek) paging over any model: the rows after a cursor's values, one index range
scan however deep, with NULLs of the first ordering column (undated rows) last either way.

Used by the API's cursor pagination (config.api.pagination) and by exports that read a long
list in batches (quotes.selectors).
"""

from __future__ import annotations

from typing import Any, cast

from django.db.models import BooleanField, F, Field, Model, OrderBy, Q, QuerySet
from django.db.models.expressions import RawSQL

MAX_DB_ID = 2**63 - 1  # bigint: a larger id is simply not there (and must not reach SQL)


def ordering_names(order_by: Any) -> list[str]:
    """An ordering as `-published_at`-style names (what keyset paging reads), from field
    names or from F(...) expressions with a direction."""
    names = []
    for part in order_by:
        if isinstance(part, OrderBy) and isinstance(part.expression, F):
            name: str = part.expression.name  # type: ignore[attr-defined]
            names.append(("-" if part.descending else "") + name)
        else:
            names.append(str(part))
    return names


def keyset_after(model: type[Model], ordering: list[str], values: list[Any]) -> list[Q]:
    """The rows after `values` in `ordering` (all ascending or all descending, NULLs of the
    first column last either way, as newest_first and oldest_first order them).

    Returned as conditions to read one after the other (`keyset_rows`): the dated rows after
    the cursor, then the undated block. Each is one range scan of an index on the ordering
    columns; their OR would make PostgreSQL walk the index from its start on every page.
    """
    descending = ordering[0].startswith("-")
    fields = [cast("Field[Any, Any]", model._meta.get_field(n.lstrip("-"))) for n in ordering]
    first, rest = fields[0], fields[1:]
    undated = Q(**{f"{first.name}__isnull": True})
    if values[0] is None:  # inside the NULL block: finish it by the other columns
        return [undated & _row_after(model, rest, values[1:], descending)]
    after = _row_after(model, fields, values, descending)
    return [after, undated] if first.null else [after]


def keyset_rows(
    queryset: QuerySet[Any], ordering: list[str], values: list[Any], limit: int
) -> list[Any]:
    """Up to `limit` rows of `queryset` after `values` in `ordering` (see keyset_after)."""
    rows: list[Any] = []
    for condition in keyset_after(queryset.model, ordering, values):
        rows += list(queryset.filter(condition)[: limit - len(rows)])
        if len(rows) >= limit:
            break
    return rows


def _row_after(
    model: type[Model], fields: list[Field[Any, Any]], values: list[Any], desc: bool
) -> Q:
    table = model._meta.db_table
    columns = ", ".join(f'"{table}"."{field.column}"' for field in fields)
    marks = ", ".join(["%s"] * len(values))
    sql = f"({columns}) {'<' if desc else '>'} ({marks})"
    return Q(RawSQL(sql, values, output_field=BooleanField()))
