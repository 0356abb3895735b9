"""Before the pool forks, the parent loads what every stage needs, so workers inherit it."""

from __future__ import annotations

import json
import subprocess
import sys

_RUN = """
import json
import py3langid.langid
from diplograph.ingest.boilerplate import default_lexicon
from diplograph.ingest.lines import line_model
from diplograph.pipeline import warm_up
warm_up()
print(json.dumps({"language model": py3langid.langid.IDENTIFIER is not None,
                  "line model": line_model.cache_info().currsize,
                  "cue lexicon": default_lexicon.cache_info().currsize}))
"""


def test_warm_up_loads_the_stages_data_not_only_spacy():
    out = subprocess.run([sys.executable, "-c", _RUN], capture_output=True, text=True,
                         check=True, timeout=120)  # fmt: skip
    loaded = json.loads(out.stdout.strip().splitlines()[-1])
    assert loaded == {"language model": True, "line model": 1, "cue lexicon": 1}
