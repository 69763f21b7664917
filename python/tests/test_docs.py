"""The examples in the package's docstrings run and give what they show."""

import doctest

import pytest

import quidam
import quidam.spacy


@pytest.mark.parametrize("module", [quidam, quidam.spacy])
def test_docstring_examples(module):
    globs = {"quidam": quidam, "pipeline": quidam.Pipeline()}
    result = doctest.testmod(module, extraglobs=globs, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
