# The extraction engine compiled with mypyc (quotes/extraction/compiled.py) in a stage of its
# own, which alone needs a C compiler and mypy; the image runs it, or the Python source if the
# sources change without a rebuild (the engine checks their digests on import).
FROM python:3.11-slim AS engine
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt requirements-dev.txt ./
RUN pip install --no-cache-dir -r requirements.txt setuptools \
    "$(grep -E '^mypy==' requirements-dev.txt)"
COPY quotes quotes
COPY lexicon lexicon
RUN python -m quotes.extraction compile

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
COPY --from=engine /app/build/engine build/engine
RUN useradd --create-home whosaid && chown -R whosaid /app
USER whosaid
EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--preload", "--bind", "0.0.0.0:8000", "--workers", "4"]
