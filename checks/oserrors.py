"""What the operating system said, in the user's language: ``No such file or directory`` is not a message for a
Chinese staffer, and ``strerror`` is English (or the system locale's) whatever ``--lang`` asks for."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from checks.findings import Message

_REASONS = {
    errno.ENOENT: ("文件或文件夹不存在", "no such file or folder"),
    errno.EACCES: ("没有访问权限", "permission denied"),
    errno.EPERM: ("操作不被允许", "operation not permitted"),
    errno.EISDIR: ("这是一个文件夹，不是文件", "it is a folder, not a file"),
    errno.ENOTDIR: ("路径中有一段不是文件夹", "a part of the path is not a folder"),
    errno.EEXIST: ("已存在", "already exists"),
    errno.ENOSPC: ("磁盘空间不足", "no space left on the device"),
    errno.EROFS: ("文件系统是只读的", "the file system is read-only"),
    errno.ENAMETOOLONG: ("文件名过长", "the file name is too long"),
    errno.ELOOP: ("符号链接形成了循环", "too many levels of symbolic links"),
    errno.EMFILE: ("打开的文件过多", "too many open files"),
    errno.EBUSY: ("文件正被占用", "the file is busy"),
    errno.EIO: ("读写出错（磁盘或网络故障）", "input/output error (a disk or network fault)"),
}


class NotAFile(OSError):
    """A path that is a pipe (FIFO), a device or a socket: reading it could wait forever or never end."""


def open_regular(path: Path) -> int:
    """A file descriptor of ``path`` opened for reading, if it is a regular file (else ``NotAFile``). Opened
    without blocking and checked after opening, so that a FIFO named like a report never stalls the run and a
    file swapped for one between a check and the read is still caught."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
        raise NotAFile(errno.EINVAL, "not a regular file")
    if hasattr(os, "set_blocking"):
        os.set_blocking(descriptor, True)
    return descriptor


def is_regular(path: Path) -> bool:
    """Whether ``path`` (its symbolic links followed) is a regular file; False when it cannot be looked at."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):  # ValueError: a NUL in the name
        return False


def reason(error: OSError) -> Message:
    """Why an operation on a file failed, without the path (the caller names it)."""
    if isinstance(error, NotAFile):
        return Message("不是普通文件（管道、设备或套接字）", "not a regular file (a pipe, a device or a socket)")
    known = _REASONS.get(error.errno) if error.errno is not None else None
    if known is not None:
        return Message(*known)
    detail = error.strerror or type(error).__name__
    return Message(f"系统错误（{detail}）", f"system error ({detail})")
