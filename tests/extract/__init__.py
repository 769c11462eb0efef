"""Tests of generator/extract/."""
