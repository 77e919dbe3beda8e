"""The entry points: one module per `coach` subcommand, `<name>_cli.py` with `main(argv) -> int`, and
cli.py, the `coach` console script that finds them. They sit above the wiring: an entry point reads the
settings (adapters/startup.py), asks the composition root (adapters/bootstrap.py) for a runtime, and
starts it; the root builds the platforms' services. Arrows run one way — entry points → wiring →
platforms — and nothing below imports this package (pyproject.toml's import contracts check it).

Importing this package loads nothing: `coach review` must start fast.
"""
