"""The tests: one folder per stage of generator/, and the whole site at the top."""
