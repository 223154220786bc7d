"""Template filters of the fact-checkers' pages."""

from django import template
from django.utils.safestring import SafeString

from quotes.models import Quote
from sources.models import Article
from web import presenters

register = template.Library()


@register.filter
def local_day(article: Article) -> str:
    """The day of publication in the outlet's time zone (`16 March 2021`)."""
    return presenters.published_day(article)


@register.filter
def highlight(quote: Quote) -> SafeString:
    """The quote's search headline with matches in <mark> (escaped), else its text, shortened."""
    return presenters.highlighted(
        getattr(quote, "headline", None), presenters.excerpt(quote.text, 400)
    )
