"""Driver programs, one per language, that run vectors through generated code.

Each driver is copied next to the generated code, reads a vectors file on
standard input and answers each case on standard output (``docs/wire.md`` §2).
"""
