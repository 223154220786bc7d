"""The API's shared base: every Whosaid endpoint derives from `GuardedAPIView`.

- guards.py: input guards (NUL characters, lone surrogates, huge or deeply nested bodies,
  over-long query values) answered with a 4xx naming the field, never a 500; the JSON parser
  settings name (kept free of view imports so settings can name it without a cycle);
- views.py: `GuardedAPIView` (guards, unknown query parameters refused, bad tokens throttled),
  ids past a bigint answered 404, JSON 404s under /api/;
- pagination.py: opaque keyset cursors (config.keyset) and bounded offset windows;
- schema.py: the error bodies every endpoint documents.

The apps' endpoints (sources.api, quotes.api, quotes.statements_api, jobs.api) import from
here; nothing here imports an app.
"""
