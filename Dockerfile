# Offer Coach in a container: the Slack app or the Discord bot (see deploy/compose.yaml).
# Slim and non-root; the SQLite file lives on the /data volume; Docker's health check calls /healthz.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --system --uid 10001 --home-dir /srv/offer-coach --create-home offer-coach \
    && mkdir /data && chown offer-coach:offer-coach /data

WORKDIR /srv/offer-coach
COPY --chown=offer-coach:offer-coach pyproject.toml README.md ./
COPY --chown=offer-coach:offer-coach bot ./bot
COPY --chown=offer-coach:offer-coach adapters ./adapters
COPY --chown=offer-coach:offer-coach playbooks ./playbooks

USER offer-coach
# The install the README gives under "Run it as a service".
RUN python3 -m venv .venv && .venv/bin/pip install '.[all]'

ENV PATH="/srv/offer-coach/.venv/bin:${PATH}" \
    OFFER_COACH_DB=/data/offer-coach.db \
    OFFER_COACH_HEALTH_PORT=8080 \
    OFFER_COACH_LOG_FORMAT=json
VOLUME ["/data"]
# 3000: Slack's HTTP mode (events, commands, clicks); 8080: /healthz, /readyz, /metrics in every mode.
EXPOSE 3000 8080

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python3", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ['OFFER_COACH_HEALTH_PORT'] + '/healthz', timeout=4)"]

# SIGTERM (docker stop) lets the turns in flight finish, for up to 10 s, then exits 0.
STOPSIGNAL SIGTERM
ENTRYPOINT ["offer-coach"]
CMD ["run", "slack", "--port", "3000"]
