"""Text rules every layer shares, with no Django: words, slugs, 字数, body blocks.

Django-free (tests/test_layers.py checks it), so the parser, the benchmarks
and every app can use it.
"""
