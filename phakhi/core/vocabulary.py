"""Reading a word from a closed vocabulary, in English or Thai, with a helpful refusal."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from phakhi.core.thai import word_key


class VocabularyError(ValueError):
    pass


@dataclass(frozen=True)
class Vocabulary:
    """``words`` maps each canonical value to the other words people write for it."""

    what: Any  # a lazily translated name, read when a message is made
    words: Mapping[str, tuple[str, ...]]

    def __post_init__(self) -> None:
        lookup: dict[str, str] = {}
        for value, synonyms in self.words.items():
            for word in (value, *synonyms):
                lookup[word_key(word)] = value
        object.__setattr__(self, "_lookup", lookup)

    def parse(self, text: object) -> str:
        value = self._lookup.get(word_key(str(text)))  # type: ignore[attr-defined]
        if value is None:
            raise VocabularyError(
                _("“%(value)s” is not a %(what)s; use one of: %(accepted)s.")
                % {"value": text, "what": self.what, "accepted": self.accepted()}
            )
        return value

    def accepted(self) -> str:
        return "; ".join(
            f"{value} ({', '.join(synonyms[:3])})" if synonyms else value
            for value, synonyms in self.words.items()
        )
