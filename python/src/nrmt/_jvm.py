"""The JVM inside Python: found, started once, and Java's exceptions turned into Python's."""

from __future__ import annotations

import ctypes
import functools
import glob
import os
import sys
import warnings
from pathlib import Path

import jpype

from ._errors import InputError, NrmtError

_JAR_GLOB = "nrmt-*.jar"
_api = None
_openblas_ready = False


def _from_home(home: Path) -> list[str] | None:
    """The jar and its libraries in a repository (target/) or a folder holding both."""
    for folder in (home / "target", home):
        jars = sorted(p for p in glob.glob(str(folder / _JAR_GLOB)) if not p.endswith(("-sources.jar", "-javadoc.jar")))
        lib = folder / "lib"
        if jars and lib.is_dir():
            return [jars[-1], str(lib / "*")]
    return None


def classpath() -> list[str]:
    """Where nrmt's classes are, in this order: NRMT_CLASSPATH (os.pathsep-separated), NRMT_HOME
    (a repository with target/, or a folder with the jar and lib/), the jars inside this package,
    the repository this package is checked out in (python/src/nrmt → ../../..)."""
    explicit = os.environ.get("NRMT_CLASSPATH")
    if explicit:
        return explicit.split(os.pathsep)
    tried = []
    home = os.environ.get("NRMT_HOME")
    candidates = [Path(home)] if home else []
    candidates += [Path(__file__).resolve().parent / "jars", Path(__file__).resolve().parents[3]]
    for c in candidates:
        found = _from_home(c)
        if found:
            return found
        tried.append(str(c))
    raise NrmtError(
        "cannot find nrmt's jar: build it in the repository with `mvn -B -DskipTests package` (target/nrmt-*.jar "
        "and target/lib/), then set NRMT_HOME to the repository, got none in " + ", ".join(tried)
    )


def _support_jar() -> list[str]:
    """JPype's own org.jpype.jar: beside the jpype package in a wheel, in /usr/share/java on
    Debian (whose python3-jpype 1.4.1 does not put it on the class path itself)."""
    here = Path(jpype.__file__).resolve().parent
    for p in (here.parent / "org.jpype.jar", here / "org.jpype.jar", Path("/usr/share/java/org.jpype.jar")):
        if p.is_file():
            return [str(p)]
    return []


def start(classpath_entries: list[str] | None = None, jvm_args: tuple[str, ...] = ()) -> None:
    """Starts the JVM on nrmt's jar (done by the first nrmt call when not called explicitly).
    OpenBLAS runs one thread per call unless OPENBLAS_NUM_THREADS says otherwise, as in the CLI."""
    global _api
    if _api is not None:
        return
    if jpype.isJVMStarted():
        # another library started the JVM: nrmt's classes must already be on its class path
        pass
    else:
        cp = (classpath_entries if classpath_entries is not None else classpath()) + _support_jar()
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
        cache = os.environ.get("NRMT_CACHE_DIR")  # where the natives unpack, as for the CLI
        extra = [f"-Dorg.bytedeco.javacpp.cachedir={cache}"] if cache and cache.strip() else []
        jpype.startJVM(
            "-Xss8m",
            "-Djava.awt.headless=true",
            *extra,
            *jvm_args,
            classpath=cp,
            convertStrings=False,
        )
    try:
        _api = jpype.JPackage("org").nrmt.api
        _api.Nrmt.version()
    except (AttributeError, TypeError) as e:
        _api = None
        raise NrmtError("nrmt's classes are not on the JVM's class path, got " + str(jpype.getClassPath())) from None


def prepare_openblas() -> None:
    """Puts nrmt's own OpenBLAS into the process's global symbol scope before the native backend
    first runs (Linux). Without it, a process whose numpy already loaded the system's
    libopenblas.so.0 (Debian's, built without LAPACKE) would bind nrmt's JNI library to that one by
    its soname and die at the first eigenvalue call with "undefined symbol: LAPACKE_dsyevd". Global
    symbols are looked up first, so the JNI library then calls nrmt's OpenBLAS, as in the CLI, and
    the eigenvalues are the CLI's bit for bit. numpy keeps the BLAS it bound at import."""
    global _openblas_ready
    if _openblas_ready or not sys.platform.startswith("linux"):
        return
    _openblas_ready = True
    try:
        loader = jpype.JClass("org.bytedeco.javacpp.Loader")
        base = "/org/bytedeco/openblas/" + str(loader.getPlatform()) + "/"
        path = None
        for name in ("libquadmath.so.0", "libgcc_s.so.1", "libgfortran.so.5", "libopenblas.so.0"):
            # the Class overload: the String one finds its caller on a Java stack JPype does not have
            f = loader.cacheResource(loader.class_, base + name)  # unpacked side by side, as Loader.load does
            if f is not None and name == "libopenblas.so.0":
                path = str(f.getAbsolutePath())
        if path is not None:
            ctypes.CDLL(path, mode=ctypes.RTLD_GLOBAL)
    except (OSError, jpype.JException) as e:
        foreign = _foreign_openblas()
        if foreign:
            _openblas_ready = False
            raise NrmtError(
                f"nrmt's OpenBLAS could not be loaded ahead of the one already in this process ({foreign}), "
                f"and beside it the native backend would crash: use backend='java', got {e}"
            ) from None
        warnings.warn(f"nrmt: could not load its OpenBLAS ahead of the JVM ({e})", RuntimeWarning)


def _foreign_openblas() -> str | None:
    """A libopenblas mapped into this process that is not nrmt's (JavaCPP's cache), if any."""
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                path = line.split()[-1]
                if "libopenblas" in os.path.basename(path) and ".javacpp" not in path and "bytedeco" not in path:
                    return path
    except OSError:
        return None
    return None


def api():
    """The package org.nrmt.api, the JVM started."""
    if _api is None:
        start()
    return _api


def java_call(fn):
    """Runs fn; a Java IllegalArgumentException becomes InputError with its one-line message,
    any other Java exception an NrmtError naming its class: never a Java stack trace."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except jpype.JException as e:
            message = str(e.getMessage()) if e.getMessage() is not None else e.getClass().getSimpleName()
            if isinstance(e, jpype.JClass("java.lang.IllegalArgumentException")):
                raise InputError(message) from None
            raise NrmtError(f"internal error ({e.getClass().getName()}): {message}") from None

    return wrapper
