"""Tests of generator/site/."""
