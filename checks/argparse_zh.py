"""argparse's own words (``usage:``, ``error: unrecognized arguments``, ``show this help message``) in Chinese.

argparse looks each of its messages up through the module-level names ``_`` and ``ngettext`` (gettext's) at the
moment it uses them. A gettext catalog would be chosen by the environment's locale, not by ``--lang``, and would
change gettext for the whole process; so while the command line is built and parsed, ``chinese()`` puts a lookup
in this table there instead, and puts gettext's back afterwards. A message missing here (a newer Python's) stays
English: never wrong, only untranslated.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_MESSAGES = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",  # before Python 3.10
    "show this help message and exit": "显示本帮助并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项 %(value)r（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多需要一个值",
    "expected at least one argument": "至少需要一个值",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 有歧义，可能是：%(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "忽略了多余的值 %r",
    "one of the arguments %s is required": "须给出参数 %s 之一",
    "unexpected option string: %s": "意外的选项：%s",
    "can't open '%(filename)s': %(error)s": "无法打开「%(filename)s」：%(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "未知的命令 %(parser_name)r（可选：%(choices)s）",
}
_PLURALS = {"expected %s argument": "需要 %s 个值", "expected %s arguments": "需要 %s 个值"}


def _gettext(message: str) -> str:
    return _MESSAGES.get(message, message)


def _ngettext(singular: str, plural: str, count: int) -> str:
    chosen = singular if count == 1 else plural
    return _PLURALS.get(chosen, chosen)


@contextmanager
def chinese(enabled: bool = True) -> Iterator[None]:
    """argparse speaks Chinese inside this block (when ``enabled``)."""
    if not enabled:
        yield
        return
    names: dict[str, Callable[..., str]] = {"_": _gettext, "ngettext": _ngettext}
    saved = {name: getattr(argparse, name) for name in names}
    for name, replacement in names.items():
        setattr(argparse, name, replacement)
    try:
        yield
    finally:
        for name, original in saved.items():
            setattr(argparse, name, original)
