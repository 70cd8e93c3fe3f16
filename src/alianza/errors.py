"""The one exception family that the CLI and the web turn into clean messages."""


class AlianzaError(Exception):
    """A user-facing error: the message names the value, what was expected, and where."""


class DataError(AlianzaError):
    """A knowledge or lexicon file is malformed."""


class StoreError(AlianzaError):
    """The store could not be opened or written."""


class LanguageError(AlianzaError):
    """A text in a language alianza has no pipeline for: it can be stored, not coded."""
