"""CLI commands, one module each. ``register`` adds every one to the ``kg`` group."""
from __future__ import annotations

import importlib

import click

# module name -> names of the click commands it defines
COMMANDS: dict[str, tuple[str, ...]] = {
    "build": ("build", "remove", "validate", "gazetteer"),
    "query": ("query", "serve", "push"),
    "explore": ("viz", "stats", "export"),
    "audit": ("audit",),
    "roles": ("roles",),
}


def register(group: click.Group) -> None:
    for module, names in COMMANDS.items():
        mod = importlib.import_module(f"kg.commands.{module}")
        for name in names:
            group.add_command(getattr(mod, name))
