"""Type stubs of quidam's compiled module."""

from decimal import Decimal
from os import PathLike
from typing import List, Optional, Union

class QuidamError(Exception): ...

class Mention:
    label: str
    start: int
    end: int
    text: str
    score: Optional[float]
    entity: Optional[int]
    kb_id: Optional[str]
    kb_score: Optional[float]
    value: Optional[Decimal]
    currency: Optional[str]
    approximate: bool
    domain: Optional[str]

class Entity:
    id: int
    label: str
    name: str
    mentions: List[int]
    kb_id: Optional[str]
    kb_score: Optional[float]

class Document:
    @property
    def text(self) -> str: ...
    @property
    def mentions(self) -> List[Mention]: ...
    @property
    def entities(self) -> List[Entity]: ...
    def to_json(self) -> str: ...
    def __len__(self) -> int: ...

class Pipeline:
    def __init__(
        self,
        linking: bool = True,
        fuzzy_linking: bool = True,
        knowledge_base: Optional[Union[str, PathLike[str]]] = None,
        nil_threshold: Optional[float] = None,
    ) -> None: ...
    def annotate(self, text: str) -> Document: ...
    def annotate_batch(self, texts: List[str]) -> List[Document]: ...
