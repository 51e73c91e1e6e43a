"""Ingestion pipeline: parse → chunk → extract → resolve → diff → write."""
