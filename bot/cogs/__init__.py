"""Cogs are glue: parse a command, call the engine off the event loop, hand results to render."""
