"""Date orders with undated rows last, shared by models (Meta.ordering, indexes) and reads.

An article without a date (and its quotes, which copy the date) is neither new nor old, so
newest-first and oldest-first lists both end with the undated rows instead of opening with
them, which is where PostgreSQL's default (NULLs sort as the largest value) puts them in a
descending order.
"""

from django.db.models import F, OrderBy

# `published_at DESC NULLS LAST`, for Meta.ordering and the indexes (plain OrderBy: migrations
# serialise it).
NEWEST_DATE = F("published_at").desc(nulls_last=True)


class UndatedLast(OrderBy):
    """A date order with NULLs (undated articles, their quotes) last in both directions.

    Django's OrderBy swaps NULLS LAST for NULLS FIRST when admin reverses a column's order;
    an undated row is not older or newer than the others, so it stays at the end.
    """

    def __init__(self, name: str, *, descending: bool) -> None:
        super().__init__(F(name), descending=descending, nulls_last=True)

    def reverse_ordering(self) -> "UndatedLast":
        self.descending = not self.descending
        return self


def newest_first() -> tuple[OrderBy, OrderBy]:
    """`published_at DESC NULLS LAST, id DESC`: served by the `*_newest_idx` indexes."""
    return UndatedLast("published_at", descending=True), F("id").desc()


def oldest_first() -> tuple[OrderBy, OrderBy]:
    """`published_at ASC NULLS LAST, id ASC`: served by the `*_published_idx` indexes."""
    return UndatedLast("published_at", descending=False), F("id").asc()
