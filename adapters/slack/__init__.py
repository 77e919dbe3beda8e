"""Slack: slash commands, interactive nudges, App Home and DM'd drafts, over Socket Mode or HTTP.

Modules: config (settings and Web API clients), app (Bolt wiring), render (Reply → Block Kit), modals,
home, actors (who is asking), dedupe (Events API retries), notifier (nudge DMs), oauth (installs),
service (the runtime's view). `coach slack` is adapters/entrypoints/slack_cli.py.
"""
