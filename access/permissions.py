"""Who may write: Django's model permissions, granted to people through the newsroom group."""

from typing import Any

from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

NEWSROOM_GROUP = "newsroom"
INGEST_PERMISSION = "sources.add_article"
REPLACE_PERMISSION = "sources.change_article"


class CanIngestArticles(BasePermission):
    """Reads are open; storing an article needs `sources.add_article` (the newsroom group).

    Replacing the text of a stored article needs `sources.change_article` as well, which the
    view checks once it knows the article exists.
    """

    message = (
        f"Storing articles needs the {INGEST_PERMISSION} permission: ask an administrator to "
        f"add your account to the {NEWSROOM_GROUP!r} group."
    )

    def has_permission(self, request: Request, view: Any) -> bool:
        if request.method in SAFE_METHODS:
            return True
        user = request.user
        return bool(user and user.is_authenticated and user.has_perm(INGEST_PERMISSION))


def may_replace_articles(request: Request) -> bool:
    return bool(request.user and request.user.has_perm(REPLACE_PERMISSION))
