"""Real-browser tests: pytest + Playwright driving the system's Chromium.

A package (not a bare folder) so that the helper modules here are imported as
``browser.<module>`` (or ``tests.browser.<module>``) and cannot clash with helper
modules of the same name elsewhere in the test suite.
"""
