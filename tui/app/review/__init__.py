"""The adjudication screen of ``newsmark review``."""

from .app import ReviewApp

__all__ = ["ReviewApp"]
