"""Tests of generator/clean/."""
