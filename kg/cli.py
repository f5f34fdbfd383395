"""The ``kg`` command line: small commands that compose, in the style of sqlite-utils.

Each command lives in the module that does its job; this file only wires them together.
"""
from __future__ import annotations

import click

from kg import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """Build, query and explore a knowledge graph of Vietnamese government news."""


def _register() -> None:
    from kg.commands import register

    register(cli)


_register()
