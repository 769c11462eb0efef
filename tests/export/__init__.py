"""Tests of generator/export/."""
