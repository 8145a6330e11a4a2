"""The Briefbot engine: briefs → cited passages → vectors → search. Never imports discord."""
