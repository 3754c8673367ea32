"""errdex's version: one constant every layer may import (the package metadata reads it too)."""

__version__ = "0.1.0"
