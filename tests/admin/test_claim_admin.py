"""Claims in reported speech in admin: the same pages, forms and actions as quotes, their own
review queue and their own colour."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from quotes.admin import CLAIM_MARK_STYLES, MARK_STYLES
from quotes.models import Quote, QuoteStatus
from tests.admin.forms import quote_form_data
from tests.admin.test_quote_admin import changelist_queries
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    OutletFactory,
    QuoteFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:quotes_quote_changelist"
BODY = "Kim said the deal was “dead on arrival” and would fail.\n\nThe weather was fine."
CLAIM = "the deal was “dead on arrival” and would fail"


def change_url(quote):
    return reverse("admin:quotes_quote_change", args=[quote.pk])


def listed(response):
    assert response.status_code == 200
    return [quote.pk for quote in response.context["cl"].result_list]


def claim_with_fragment(**claim_fields):
    article = ArticleFactory(body=BODY)
    start = BODY.index("dead on arrival")
    fragment = QuoteFactory(
        article=article,
        start=start,
        end=start + len("dead on arrival"),
        kind="partial",
        mention_start=None,
        mention_end=None,
    )
    start = BODY.index(CLAIM)
    claim = ClaimFactory(
        article=article,
        start=start,
        end=start + len(CLAIM),
        mention="Kim",
        mention_start=0,
        mention_end=3,
        first_sentence=0,
        last_sentence=0,
        **claim_fields,
    )
    return claim, fragment


def test_claims_review_queue_lists_machine_claims_lowest_confidence_first(staff_client):
    outlet = OutletFactory()
    sure = ClaimFactory(confidence=0.9, article__outlet=outlet)
    unsure = ClaimFactory(confidence=0.3, article__outlet=outlet)
    ClaimFactory(confidence=0.1, status=QuoteStatus.VERIFIED, article__outlet=outlet)
    QuoteFactory(confidence=0.2, article__outlet=outlet)
    redirect = staff_client.get(reverse("admin:quotes_quote_review_claims"))
    assert redirect["Location"].endswith("?review=queue&family=claim")
    params = {"review": "queue", "family": "claim", "outlet__id__exact": outlet.pk}
    assert listed(staff_client.get(reverse(CHANGELIST), params)) == [unsure.pk, sure.pk]
    quotes_only = {"family": "quote", "outlet__id__exact": outlet.pk}
    assert len(listed(staff_client.get(reverse(CHANGELIST), quotes_only))) == 1
    page = staff_client.get(reverse(CHANGELIST)).content.decode()
    assert "Claims to review" in page


def test_bulk_verify_and_reject_claims_with_history(staff_client, staff):
    claims = ClaimFactory.create_batch(3)
    url = reverse(CHANGELIST)
    ids = [claims[0].pk, claims[1].pk]
    response = staff_client.post(url, {"action": "verify_selected", "_selected_action": ids})
    assert response.status_code == 302
    assert "2 claims marked verified." in [str(m) for m in get_messages(response.wsgi_request)]
    staff_client.post(url, {"action": "reject_selected", "_selected_action": [claims[2].pk]})
    mine = Quote.objects.filter(pk__in=[claim.pk for claim in claims])
    assert dict(mine.values_list("pk", "status")) == {
        ids[0]: "verified",
        ids[1]: "verified",
        claims[2].pk: "rejected",
    }
    last = claims[0].history.first()
    assert (last.history_user, last.status) == (staff, "verified")
    history = staff_client.get(reverse("admin:quotes_quote_history", args=[claims[0].pk]))
    assert history.status_code == 200
    assert staff.username in history.content.decode()


def test_article_page_marks_claims_in_their_own_colour_around_their_quotes(staff_client):
    claim, fragment = claim_with_fragment()
    page = staff_client.get(reverse("admin:sources_article_change", args=[claim.article_id]))
    html = page.content.decode()
    claim_style = CLAIM_MARK_STYLES[QuoteStatus.EXTRACTED]
    quote_style = MARK_STYLES[QuoteStatus.EXTRACTED]
    assert claim_style != quote_style
    # The claim's mark holds the quote's mark: both visible, nested, text intact.
    assert (
        f'<mark style="{claim_style}" title="claim: {claim.speaker.name} (extracted)">'
        f"the deal was “"
        f'<mark style="{quote_style}" title="{fragment.speaker.name} (extracted)">'
        "dead on arrival</mark>” and would fail</mark>"
    ) in html
    assert "indirect" in html  # the inline lists the claim with its kind


def test_claim_page_edits_span_and_speaker_and_links_its_quotes(staff_client, staff):
    claim, fragment = claim_with_fragment()
    page = staff_client.get(change_url(claim)).content.decode()
    assert reverse("admin:quotes_quote_change", args=[fragment.pk]) in page
    right = SpeakerFactory()
    end = BODY.index(" and would fail")
    data = quote_form_data(claim, speaker=right.pk, end=end)
    assert staff_client.post(change_url(claim), data).status_code == 302
    claim.refresh_from_db()
    assert claim.text == "the deal was “dead on arrival”"
    assert (claim.speaker, claim.status, claim.kind) == (right, QuoteStatus.CORRECTED, "indirect")
    assert claim.history.first().history_user == staff


def test_a_claim_may_share_a_quotes_span_but_not_another_claims(staff_client):
    claim, fragment = claim_with_fragment()
    to_quote_span = quote_form_data(claim, start=fragment.start, end=fragment.end)
    assert staff_client.post(change_url(claim), to_quote_span).status_code == 302
    other = ClaimFactory(
        article=claim.article, start=0, end=3, mention_start=None, mention_end=None
    )
    same = quote_form_data(other, start=fragment.start, end=fragment.end)
    response = staff_client.post(change_url(other), same)
    assert response.status_code == 200
    assert "Another claim of this article has exactly this span." in response.content.decode()
    other.refresh_from_db()
    assert (other.start, other.end) == (0, 3)


def test_a_curator_adds_a_missed_claim_as_curated(staff_client):
    article = ArticleFactory(body=BODY)
    start = BODY.index(CLAIM)
    data = {
        "article": article.pk,
        "speaker": "",
        "start": start,
        "end": start + len(CLAIM),
        "kind": "indirect",
        "cue": "said",
    }
    assert staff_client.post(reverse("admin:quotes_quote_add"), data).status_code == 302
    claim = Quote.objects.get(article=article)
    assert (claim.text, claim.kind, claim.status) == (CLAIM, "indirect", QuoteStatus.CORRECTED)


def test_claims_review_queue_runs_the_same_queries_for_5_or_50_rows(
    staff_client, django_assert_max_num_queries
):
    params = {"review": "queue", "family": "claim"}
    ClaimFactory.create_batch(5)
    few = changelist_queries(staff_client, django_assert_max_num_queries, params)
    ClaimFactory.create_batch(45)
    many = changelist_queries(staff_client, django_assert_max_num_queries, params)
    assert few == many
