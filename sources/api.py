"""The outlet endpoints (the shared API base lives in config.api)."""

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from config.api.pagination import KeysetPagination
from config.api.schema import responses
from config.api.views import GuardedAPIView
from sources.models import Outlet
from sources.selectors import outlet_get, outlet_list
from sources.serializers import OutletSerializer


class OutletListView(GuardedAPIView):
    serializer_class = OutletSerializer
    pagination_class = KeysetPagination
    queryset = Outlet.objects.none()

    @extend_schema(summary="List outlets", responses=responses(OutletSerializer(many=True)))
    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(outlet_list())
        return self.get_paginated_response(OutletSerializer(page, many=True).data)


class OutletDetailView(GuardedAPIView):
    serializer_class = OutletSerializer
    queryset = Outlet.objects.none()

    @extend_schema(summary="An outlet", responses=responses(OutletSerializer))
    def get(self, request: Request, pk: int) -> Response:
        return Response(OutletSerializer(outlet_get(outlet_id=pk)).data)
