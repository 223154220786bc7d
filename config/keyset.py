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


def keyset_after(
    model: type[Model], ordering: list[str], values: list[Any] | None
) -> list[tuple[Q, bool]]:
    """The rows after `values` in `ordering` (all ascending or all descending, NULLs of the
    first column last either way, as newest_first and oldest_first order them); `values`
    None: every row, from the first.

    Returned as (condition, dated) blocks to read one after the other (`keyset_rows`): the
    dated rows after the cursor (`dated`: the non-NULL rows of a nullable first column), then
    the undated block. Each is one range scan of an index on the ordering columns; their OR
    would make PostgreSQL walk the index from its start on every page.
    """
    if not ordering:  # an unordered (e.g. empty) queryset: one block
        return [(Q(), False)]
    descending = ordering[0].startswith("-")
    fields = [cast("Field[Any, Any]", model._meta.get_field(n.lstrip("-"))) for n in ordering]
    first, rest = fields[0], fields[1:]
    undated = Q(**{f"{first.name}__isnull": True})
    if values is None:  # newest first, the order is one index's; oldest first, see _block
        ascending_dates = first.null and not descending
        return [(~undated, True), (undated, False)] if ascending_dates else [(Q(), False)]
    if values[0] is None:  # inside the NULL block: finish it by the other columns
        return [(undated & _row_after(model, rest, values[1:], descending), False)]
    after = _row_after(model, fields, values, descending)
    return [(after, True), (undated, False)] if first.null else [(after, False)]


def keyset_rows(
    queryset: QuerySet[Any], ordering: list[str], values: list[Any] | None, limit: int
) -> list[Any]:
    """Up to `limit` rows of `queryset` after `values` in `ordering` (see keyset_after)."""
    rows: list[Any] = []
    for condition, dated in keyset_after(queryset.model, ordering, values):
        rows += list(_block(queryset, ordering, condition, dated)[: limit - len(rows)])
        if len(rows) >= limit:
            break
    return rows


def ordered_slice(queryset: QuerySet[Any], offset: int, limit: int) -> list[Any]:
    """Rows `offset` to `offset + limit` of `queryset` (pages numbered by offset): block by
    block like keyset_rows when it is ordered by model fields, else a plain slice."""
    ordering = ordering_names(queryset.query.order_by)
    annotated = any(name.lstrip("-") in queryset.query.annotations for name in ordering)
    if not ordering or annotated:
        return list(queryset[offset : offset + limit])
    rows: list[Any] = []
    for condition, dated in keyset_after(queryset.model, ordering, None):
        block = _block(queryset, ordering, condition, dated)
        rows += list(block[offset : offset + limit - len(rows)])
        if len(rows) >= limit:
            break
        # The next block starts `offset` rows in, less the rows of this one (none were read:
        # it holds at most `offset`; some were: the page goes on from the next block's start).
        offset = offset - block[:offset].count() if not rows else 0
    return rows


def _block(
    queryset: QuerySet[Any], ordering: list[str], condition: Q, dated: bool
) -> QuerySet[Any]:
    """One block of keyset_after, ordered so an index serves it.

    Oldest first, a dated block is ordered `ASC NULLS FIRST`: the same rows in the same order
    (it holds no NULL), but what a backward scan of a `(column, published_at DESC NULLS LAST)`
    index gives. `ASC NULLS LAST` matches no filter's index, so PostgreSQL would walk the
    whole oldest-first index and filter it (200 ms at 1,000,000 rows for a speaker quoted
    only lately) or sort every match.
    """
    block = queryset.filter(condition)
    if not dated or ordering[0].startswith("-"):
        return block
    first, *rest = ordering
    return block.order_by(F(first).asc(nulls_first=True), *(F(name).asc() for name in rest))


def _row_after(
    model: type[Model], fields: list[Field[Any, Any]], values: list[Any], desc: bool
) -> Q:
    table = model._meta.db_table
    columns = ", ".join(f'"{table}"."{field.column}"' for field in fields)
    marks = ", ".join(["%s"] * len(values))
    sql = f"({columns}) {'<' if desc else '>'} ({marks})"
    return Q(RawSQL(sql, values, output_field=BooleanField()))
