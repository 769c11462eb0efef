"""Tests of generator/ingest/."""
