"""Tests of generator/protect/."""
