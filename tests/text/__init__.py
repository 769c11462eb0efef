"""Tests of generator/text/."""
