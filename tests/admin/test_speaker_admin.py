import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils.html import strip_tags

from quotes.models import Quote, Speaker, SpeakerKind
from tests.factories import (
    AnonymousSpeakerFactory,
    ArticleFactory,
    ClaimFactory,
    QuoteFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:quotes_speaker_changelist"


def merge(client, speakers, *, target=None):
    data = {"action": "merge_speakers", "_selected_action": [s.pk for s in speakers]}
    if target is not None:
        data |= {"confirm": "yes", "target": target.pk}
    return client.post(reverse(CHANGELIST), data)


def quotes_for(speaker, count):
    return [QuoteFactory(speaker=speaker) for _ in range(count)]


def test_merge_asks_which_speaker_to_keep_most_quoted_first(staff_client):
    baek, duplicate = SpeakerFactory(name="Baek Ha-jun"), SpeakerFactory(name="Baek")
    quotes_for(duplicate, 2)
    response = merge(staff_client, [baek, duplicate])
    assert response.status_code == 200
    page = response.content.decode()
    assert f'value="{duplicate.pk}" id="target-{duplicate.pk}" checked' in page
    assert Speaker.objects.filter(pk__in=[baek.pk, duplicate.pk]).count() == 2


def test_merge_moves_every_quote_and_keeps_every_alias(staff_client, staff):
    baek = SpeakerFactory(name="Baek Ha-jun", aliases=["President Baek"])
    short = SpeakerFactory(name="Baek", aliases=["Mr. Baek"], description="president")
    typo = SpeakerFactory(name="Paik Ha-jun")
    quotes = quotes_for(baek, 2) + quotes_for(short, 3) + quotes_for(typo, 1)
    response = merge(staff_client, [baek, short, typo], target=baek)
    assert response.status_code == 302
    baek.refresh_from_db()
    assert Quote.objects.filter(speaker=baek).count() == len(quotes)
    assert set(baek.aliases) == {"President Baek", "Baek", "Mr. Baek", "Paik Ha-jun"}
    assert {"baek", "paik-ha-jun", baek.key} <= set(baek.search_keys)
    assert baek.description == "president"  # filled in from the duplicate
    assert not Speaker.objects.filter(pk__in=[short.pk, typo.pk]).exists()
    merged_record = baek.history.first()
    assert merged_record.history_user == staff
    assert "merged" in merged_record.history_change_reason
    assert Speaker.history.filter(id=short.pk, history_type="-").exists()
    moved = Quote.objects.filter(pk__in=[q.pk for q in quotes[2:]])
    assert set(moved.values_list("version", flat=True)) == {2}  # open forms on them go stale


def merge_table(page: str) -> list[list[str]]:
    """The confirmation page's rows, as the curator reads them: the text of each cell."""
    body = page.split("<tbody>")[1].split("</tbody>")[0]
    rows = re.findall(r"<tr>(.*?)</tr>", body, re.S)
    return [
        [strip_tags(cell).strip() for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
        for row in rows
    ]


def test_merge_confirmation_counts_quotes_and_claims_apart(staff_client):
    baek, duplicate = SpeakerFactory(name="Baek Ha-jun"), SpeakerFactory(name="Baek")
    quotes_for(baek, 1)
    quotes_for(duplicate, 1)
    ClaimFactory.create_batch(2, speaker=duplicate)
    page = merge(staff_client, [baek, duplicate]).content.decode()
    assert "<th>Quotes</th><th>Claims</th>" in page
    rows = {row[1]: row[-2:] for row in merge_table(page)}
    assert rows == {"Baek": ["1", "2"], "Baek Ha-jun": ["1", "0"]}
    assert f'value="{duplicate.pk}" id="target-{duplicate.pk}" checked' in page  # 3 statements


@pytest.mark.parametrize(
    ("quotes", "claims", "said"),
    [
        (2, 1, "2 quotes and 1 claim moved"),
        (1, 2, "1 quote and 2 claims moved"),
        (1, 0, "1 quote and 0 claims moved"),
    ],
)
def test_merge_says_how_many_quotes_and_how_many_claims_moved(staff_client, quotes, claims, said):
    baek, duplicate = SpeakerFactory(name="Baek Ha-jun"), SpeakerFactory(name="Baek")
    quotes_for(duplicate, quotes)
    ClaimFactory.create_batch(claims, speaker=duplicate)
    response = merge(staff_client, [baek, duplicate], target=baek)
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    assert shown == [f"Merged Baek into Baek Ha-jun: {said}, every name kept as an alias."]
    assert Quote.objects.filter(speaker=baek).count() == quotes + claims


def test_merged_name_is_found_by_search(staff_client):
    kim, duplicate = SpeakerFactory(name="Sung Kim"), SpeakerFactory(name="Sung Y. Kim Jr")
    merge(staff_client, [kim, duplicate], target=kim)
    response = staff_client.get(reverse(CHANGELIST), {"q": "sung y kim jr"})
    assert [s.pk for s in response.context["cl"].result_list] == [kim.pk]


def test_anonymous_sources_merge_only_within_their_article(staff_client):
    article = ArticleFactory()
    first, second = AnonymousSpeakerFactory.create_batch(2, article=article)
    elsewhere = AnonymousSpeakerFactory()
    named = SpeakerFactory()
    for speakers in ([first, elsewhere], [first, named]):
        response = merge(staff_client, speakers, target=speakers[0])
        assert response.status_code == 302
        assert Speaker.objects.filter(pk__in=[s.pk for s in speakers]).count() == 2
    merge(staff_client, [first, second], target=first)
    assert not Speaker.objects.filter(pk=second.pk).exists()


def test_speaker_list_shows_quote_counts_and_anonymous_articles(staff_client):
    speaker = SpeakerFactory(name="Harry J. Kazianis")
    quotes_for(speaker, 3)
    anonymous = AnonymousSpeakerFactory(name="a Cheong Wa Dae official")
    response = staff_client.get(reverse(CHANGELIST), {"q": "Kazianis"})
    row = next(s for s in response.context["cl"].result_list if s.pk == speaker.pk)
    assert row.quote_count == 3
    response = staff_client.get(
        reverse(CHANGELIST), {"q": "Cheong Wa Dae", "kind__exact": "anonymous"}
    )
    assert str(anonymous.article) in response.content.decode()


def test_editing_aliases_updates_search_keys_and_history(staff_client, staff):
    speaker = SpeakerFactory(name="Wi Seong-rak")
    data = {
        "name": "Wi Sung-lac",
        "kind": SpeakerKind.PERSON,
        "description": "former envoy",
        "affiliation": "",
        "aliases": "Wi\r\n\r\nWi Seong Rak",
        "article": "",
        "version": 1,
    }
    response = staff_client.post(reverse("admin:quotes_speaker_change", args=[speaker.pk]), data)
    assert response.status_code == 302
    speaker.refresh_from_db()
    assert speaker.aliases == ["Wi", "Wi Seong Rak", "Wi Seong-rak"]  # the old name is kept
    assert {"wi", "wi-sung-lac", "wi-seong-rak"} <= set(speaker.search_keys)
    assert speaker.history.first().history_user == staff


def test_an_anonymous_source_needs_its_article(staff_client):
    speaker = SpeakerFactory()
    data = {"name": speaker.name, "kind": "anonymous", "aliases": "", "article": ""}
    response = staff_client.post(reverse("admin:quotes_speaker_change", args=[speaker.pk]), data)
    assert response.status_code == 200
    assert "An anonymous source belongs to the article" in response.content.decode()


def speaker_list_queries(staff_client, django_assert_max_num_queries):
    with django_assert_max_num_queries(12) as captured:
        response = staff_client.get(reverse(CHANGELIST), {"q": "Kim Min"})
    assert response.status_code == 200
    return len(captured)


def test_speaker_list_runs_the_same_queries_for_5_or_50_rows(
    staff_client, django_assert_max_num_queries
):
    for speaker in SpeakerFactory.create_batch(4) + AnonymousSpeakerFactory.create_batch(1):
        quotes_for(speaker, 1)
    few = speaker_list_queries(staff_client, django_assert_max_num_queries)
    AnonymousSpeakerFactory.create_batch(20, name="Kim Min official")
    SpeakerFactory.create_batch(25)
    many = speaker_list_queries(staff_client, django_assert_max_num_queries)
    assert few == many


def test_speaker_autocomplete_finds_names_and_aliases(staff_client):
    wi = SpeakerFactory(
        name="Wi Seong-rak",
        aliases=["Ambassador Wi"],
        search_keys=["wi-seong-rak", "ambassador-wi"],
    )
    url = reverse("admin:autocomplete")
    params = {"app_label": "quotes", "model_name": "quote", "field_name": "speaker"}
    for term in ["Seong", "wi seong rak", "ambassador wi"]:
        results = staff_client.get(url, params | {"term": term}).json()["results"]
        assert {"id": str(wi.pk), "text": "Wi Seong-rak"} in results, term


def test_a_moved_quote_history_still_renders_after_its_old_speaker_is_merged_away(staff_client):
    keeper, duplicate = SpeakerFactory(), SpeakerFactory()
    quote = QuoteFactory(speaker=duplicate)
    merge(staff_client, [keeper, duplicate], target=keeper)
    response = staff_client.get(reverse("admin:quotes_quote_history", args=[quote.pk]))
    assert response.status_code == 200
    assert "speaker merged into" in response.content.decode()


def test_an_anonymous_source_made_a_person_gets_a_name_key(staff_client):
    anonymous = AnonymousSpeakerFactory(name="the analyst")
    data = {"name": "the analyst", "kind": "person", "aliases": "", "article": "", "version": 1}
    url = reverse("admin:quotes_speaker_change", args=[anonymous.pk])
    assert staff_client.post(url, data).status_code == 302
    anonymous.refresh_from_db()
    assert (anonymous.key, anonymous.article) == ("the-analyst", None)


def speaker_form_data(speaker, **changes):
    data = {
        "name": speaker.name,
        "kind": speaker.kind,
        "description": speaker.description,
        "affiliation": speaker.affiliation,
        "aliases": "\r\n".join(speaker.aliases),
        "article": speaker.article_id or "",
        "version": speaker.version,
    }
    return {**data, **changes}


def test_second_speaker_save_from_the_same_version_is_refused(staff_client):
    speaker = SpeakerFactory(name="Wi Seong-rak")
    url = reverse("admin:quotes_speaker_change", args=[speaker.pk])
    opened = speaker_form_data(speaker)  # two curators opened version 1
    assert staff_client.post(url, {**opened, "description": "former envoy"}).status_code == 302
    response = staff_client.post(url, {**opened, "description": "nuclear negotiator"})
    assert response.status_code == 200
    assert "This speaker was changed by" in response.content.decode()
    speaker.refresh_from_db()
    assert (speaker.description, speaker.version) == ("former envoy", 2)


def test_an_alias_learned_by_ingestion_makes_an_open_speaker_form_stale(staff_client):
    from quotes.services import article_ingest

    article_ingest(text="One\n\n“Pressure will not work,” said Wi Seong-rak, a former envoy.")
    speaker = Speaker.objects.get(key="wi-seong-rak")
    opened = speaker_form_data(speaker, description="edited")
    article_ingest(text="Two\n\n“Talks come first,” said Wi Seong Rak, a former envoy.")
    url = reverse("admin:quotes_speaker_change", args=[speaker.pk])
    response = staff_client.post(url, opened)
    assert response.status_code == 200
    speaker.refresh_from_db()
    assert "Wi Seong Rak" in speaker.aliases  # the learned alias is not overwritten


def test_speaker_list_and_page_count_quotes_and_claims_apart(staff_client):
    speaker = SpeakerFactory(name="Harry J. Kazianis")
    quotes_for(speaker, 2)
    ClaimFactory(speaker=speaker)
    response = staff_client.get(reverse(CHANGELIST), {"q": "Kazianis"})
    row = next(s for s in response.context["cl"].result_list if s.pk == speaker.pk)
    assert (row.quote_count, row.claim_count) == (2, 1)
    page = response.content.decode()
    assert ">Claims</a>" in page  # the column's header
    assert f"speaker__id__exact={speaker.pk}&amp;family=claim" in page
    claims = staff_client.get(
        f"{reverse('admin:quotes_quote_changelist')}",
        {"speaker__id__exact": speaker.pk, "family": "claim"},
    )
    assert len(claims.context["cl"].result_list) == 1
    detail = staff_client.get(reverse("admin:quotes_speaker_change", args=[speaker.pk]))
    assert "2 quotes</a>, <a" in detail.content.decode()
    assert "1 claim</a>" in detail.content.decode()
