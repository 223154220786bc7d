from contextlib import suppress

from django.contrib import admin
from django.contrib.admin.exceptions import NotRegistered
from rest_framework.authtoken.models import TokenProxy

# DRF's plaintext tokens are gone (moved to knox, hashed, by a migration): no page to make new ones.
with suppress(NotRegistered):
    admin.site.unregister(TokenProxy)
