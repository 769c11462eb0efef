"""Tests of generator/assemble/."""
