"""Metrics for Prometheus and structured JSON logs carrying a request id."""
