"""Conformance of generated code to the wire contract (``docs/wire.md``).

:mod:`~errdex.conformance.vectors` reads and writes the JSON Lines test-vector
format, :mod:`~errdex.conformance.make` turns a catalog into vectors with the
Python runtime (the reference implementation), :mod:`~errdex.conformance.toolchain`
generates, builds and runs one language's driver over vectors, and
:mod:`~errdex.conformance.compare` judges its answers.
"""
