"""HTTP routes only; the work happens in app.ingest and app.query."""
