"""Typed engine errors whose message can be shown to a user as it is."""

# How messages about an unusable index end: what the user can do about it.
REBUILD_ADVICE = ": run 'briefbot index --rebuild'"


class BriefbotError(Exception):
    """Base of every error the engine raises on purpose; str(error) is user-facing."""


class IndexMissingError(BriefbotError):
    """No published index yet."""


class IndexMismatchError(BriefbotError):
    """The index on disk was built for another model, dimension or format."""


class IndexFormatError(IndexMismatchError):
    """The index was written by another version of Briefbot."""


class IndexCorruptError(BriefbotError):
    """A file of the published generation is missing, truncated or inconsistent."""


class ReindexBusyError(BriefbotError):
    """Another reindex holds the lock."""


class CorpusMissingError(BriefbotError):
    """The corpus folder to index does not exist."""


class EmptyIndexError(BriefbotError):
    """The index holds no brief: there is nothing to ask yet."""


class FilterError(BriefbotError):
    """The filters of a question admit no brief: an id no brief has, or no brief dated in range."""


class QuestionError(BriefbotError):
    """The question cannot be answered as asked (empty, too long)."""
