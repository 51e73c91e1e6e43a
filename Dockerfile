FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
WORKDIR /srv
COPY pyproject.toml README.md ./
COPY app ./app
COPY cypher ./cypher
COPY seed ./seed
# editable, so the package finds cypher/ beside it
RUN pip install --no-cache-dir -e .
EXPOSE 8000
CMD ["sh", "-c", "smartmeet migrate && smartmeet ingest seed/*.json && smartmeet serve --host 0.0.0.0"]
