"""What the admin change forms post."""


def quote_form_data(quote, **changes):
    """The quote change form as the curator received it, with `changes` typed in."""
    data = {
        "speaker": quote.speaker_id or "",
        "status": quote.status,
        "start": quote.start,
        "end": quote.end,
        "kind": quote.kind,
        "cue": quote.cue,
        "version": quote.version,
    }
    return {**data, **changes}
