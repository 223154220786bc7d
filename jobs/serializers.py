"""The job resource of the API."""

from rest_framework import serializers
from rest_framework.reverse import reverse

from jobs.models import JobKind
from jobs.selectors import JobStatus


class ArticleResultSerializer(serializers.Serializer):
    source = serializers.CharField(  # type: ignore[assignment]  # a field, not Field.source
        help_text="The article's position in the request (0-based) for POST "
        "/api/articles/batch/; file and line for `manage.py ingest`."
    )
    result = serializers.ChoiceField(
        choices=["new", "duplicate", "updated", "failed", "skipped"],
        help_text="new: stored; duplicate: already stored, nothing changed; updated: a known "
        "URL with a new text, or a URL or date learned; failed: not stored (see reason).",
    )
    article = serializers.IntegerField(allow_null=True, help_text="The stored article's id.")
    quotes = serializers.IntegerField(required=False, help_text="Quotes stored for it.")
    reason = serializers.CharField(required=False, help_text="Why it failed.")


class JobCountsSerializer(serializers.Serializer):
    new = serializers.IntegerField()
    duplicate = serializers.IntegerField()
    updated = serializers.IntegerField()
    failed = serializers.IntegerField()


class JobSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="job.id")
    url = serializers.SerializerMethodField()
    kind = serializers.ChoiceField(choices=JobKind.values, source="job.kind")
    state = serializers.ChoiceField(
        choices=["queued", "running", "done"],
        help_text="queued: no batch done yet; running; done: every article has its result.",
    )
    total = serializers.IntegerField(source="job.total", help_text="Articles in the job.")
    done = serializers.IntegerField(help_text="Articles with a result so far.")
    counts = JobCountsSerializer()
    created_at = serializers.DateTimeField(source="job.created_at")
    finished_at = serializers.DateTimeField(allow_null=True)
    results = ArticleResultSerializer(many=True, help_text="In input order (the first 1,000).")
    results_truncated = serializers.BooleanField()

    def get_url(self, status: JobStatus) -> str:
        return reverse("job-detail", args=[status.job.id], request=self.context.get("request"))
