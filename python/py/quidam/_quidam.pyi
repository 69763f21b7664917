"""Type stubs of quidam's compiled module."""

from decimal import Decimal
from os import PathLike
from typing import Any, List, Optional, Tuple, Union

class QuidamError(Exception): ...
class FileError(QuidamError, OSError): ...
class ModelError(QuidamError, ValueError): ...
class SettingError(QuidamError, ValueError): ...

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
    minor_unit: bool
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

class ArrowArray:
    def __arrow_c_array__(self, requested_schema: Optional[Any] = None) -> Tuple[Any, Any]: ...

class Pipeline:
    def __init__(
        self,
        linking: bool = True,
        fuzzy_linking: bool = True,
        knowledge_base: Optional[Union[str, PathLike[str]]] = None,
        nil_threshold: Optional[float] = None,
        backend: str = "embedded",
        transformer_model: Optional[Union[str, PathLike[str]]] = None,
    ) -> None: ...
    def annotate(self, text: str) -> Document: ...
    def annotate_batch(self, texts: List[str], n_threads: Optional[int] = None) -> List[Document]: ...
    def annotate_arrow(self, texts: Any, n_threads: Optional[int] = None) -> ArrowArray: ...
    @staticmethod
    def empty_arrow() -> ArrowArray: ...
