"""API tokens, stored hashed (django-rest-knox) with an expiry: `Authorization: Token <key>`."""

from typing import Any

from knox.auth import TokenAuthentication as KnoxTokenAuthentication
from rest_framework.authentication import get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request


class TokenAuthentication(KnoxTokenAuthentication):
    """Knox's token check, with a message that says what to fix when a client sends `Bearer`
    (the usual OAuth habit): otherwise the header is ignored and the answer only says that no
    credentials were given."""

    def authenticate(self, request: Request) -> Any:
        keyword = get_authorization_header(request).split(b" ", 1)[0]
        if keyword.lower() == b"bearer":
            raise AuthenticationFailed(
                "Send the token as `Authorization: Token <key>`, not `Bearer <key>`."
            )
        return super().authenticate(request)
