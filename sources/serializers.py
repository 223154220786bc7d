"""Outlets, articles and sentences as the API shows them (read-only)."""

from rest_framework import serializers

from sources.models import Article, Outlet


class OutletSerializer(serializers.ModelSerializer):
    class Meta:
        model = Outlet
        fields = ["id", "name", "domains"]
        read_only_fields = fields


class OutletRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Outlet
        fields = ["id", "name"]
        read_only_fields = fields


class ArticleSummarySerializer(serializers.ModelSerializer):
    outlet = OutletRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Article
        fields = ["id", "title", "url", "published_at", "published_precision", "outlet", "authors"]
        read_only_fields = fields


class SentenceSerializer(serializers.Serializer):
    index = serializers.IntegerField(read_only=True)
    start = serializers.IntegerField(read_only=True, help_text="Offset into the article body.")
    end = serializers.IntegerField(read_only=True)
    text = serializers.CharField(read_only=True)
