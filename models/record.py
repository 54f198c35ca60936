"""`@record`, how every model is declared: a frozen dataclass with slots that pickles fast.

Papers cross processes and reach disk as pickles (a Dask worker's result, Prefect's cache, the run's
paper store), some 1,500 records per paper. Python 3.11 pickles a frozen dataclass with slots through
`dataclasses._dataclass_getstate` and `_setstate`, which call `dataclasses.fields()` once per record:
on 200 papers that was half of the time spent pickling and unpickling them. A record names its fields
once, when its class is made. The state is the same sequence of values, in field order, so pickles
from either way load in the other.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform

Record = TypeVar("Record", bound=type)


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: Record) -> Record:
    made = dataclass(frozen=True, slots=True)(cls)
    names = tuple(each.name for each in fields(made))
    made.__getstate__ = _values_getter(names)
    made.__setstate__ = _values_setter(names)
    return made


def _values_getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    values = attrgetter(*names)
    if len(names) == 1:
        return lambda self: (values(self),)
    return lambda self: values(self)  # a function, so that it binds as a method


def _values_setter(names: tuple[str, ...]) -> Callable[[Any, Sequence[Any]], None]:
    def set_values(self: Any, state: Sequence[Any]) -> None:
        # not zip(strict=True), which costs a third of the time: stored records are keyed by
        # PIPELINE_VERSION, so a pickle never meets another version of its class
        for name, value in zip(names, state):
            object.__setattr__(self, name, value)

    return set_values
