"""gpu-image-matrix's package helpers: what is installed (Python distributions, Debian packages,
the OS release) and how versions compare, for Python 3.7+ with nothing but the standard library.

One copy serves every script that runs inside an image: the smoke check (check.py) imports it,
mounted beside it in the container; the Dockerfile template inlines it ahead of its pin and
inventory scripts (src/template/*.py) in their RUN steps.
"""
import glob
import os
import re
import sys

try:
    import importlib.metadata as _metadata
except ImportError:  # Python 3.7
    _metadata = None


def release(version):
    """The first three release numbers of a version: "2.4.1+cu124" -> (2, 4, 1), "1.13" -> (1, 13, 0)."""
    m = re.match(r"(\d+)\.(\d+)(?:\.(\d+))?", version or "")
    return tuple(int(x or 0) for x in m.groups()) if m else None


def full_release(version):
    """Every release number of a version, trailing zeros dropped: "1.4.0.post1" -> (1, 4), "2" -> (2,)."""
    m = re.match(r"(\d+(?:\.\d+)*)", version or "")
    parts = [int(x) for x in m.group(1).split(".")] if m else []
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def normalise(name):
    """A distribution name as PEP 503 compares it: "Foo_Bar.baz" -> "foo-bar-baz"."""
    return re.sub(r"[-_.]+", "-", name).lower()


def every():
    """(name, version) of every distribution the interpreter can import, as the metadata spells the name."""
    if _metadata is not None:
        return [((d.metadata["Name"] or "").strip(), d.version) for d in _metadata.distributions()]
    return _scan_sys_path()


def installed(name):
    """The installed version of a Python distribution, or None."""
    if _metadata is not None:
        try:
            return _metadata.version(name)
        except _metadata.PackageNotFoundError:
            return None
    want = normalise(name)
    for found, version in _scan_sys_path():
        if normalise(found) == want:
            return version
    return None


def _scan_sys_path():
    """Without importlib.metadata (Python 3.7): the dist-info and egg-info metadata on sys.path.
    pkg_resources would do this, but it comes with setuptools, which a uv venv does not have."""
    found = []
    for entry in sys.path:
        where = entry or "."
        metas = glob.glob(os.path.join(where, "*.dist-info", "METADATA")) + glob.glob(os.path.join(where, "*.egg-info", "PKG-INFO"))
        metas += [p for p in glob.glob(os.path.join(where, "*.egg-info")) if os.path.isfile(p)]
        for meta in sorted(metas):
            fields = {}
            with open(meta, encoding="utf-8", errors="replace") as f:
                for line in f:
                    if not line.strip():
                        break
                    key, _, value = line.partition(":")
                    fields.setdefault(key.strip(), value.strip())
            if fields.get("Name") and fields.get("Version"):
                found.append((fields["Name"], fields["Version"]))
    return found


def satisfies(version, specifiers):
    """Whether a version meets pip specifiers ("==1.2", ">=1,<2", "~=1.4", "==1.*"), compared by
    release numbers (pre-release and local parts are not ordered, only matched by ==)."""
    have = release(version)
    for spec in filter(None, (s.strip() for s in specifiers.split(","))):
        m = re.match(r"(===|==|!=|~=|>=|<=|>|<)\s*(\S+)$", spec)
        if not m or have is None:
            return False
        op, want = m.groups()
        if op == "===":
            ok = version == want
        elif want.endswith(".*"):
            prefix = [int(x) for x in want[:-2].split(".") if x.isdigit()]
            ok = list(full_release(version)[:len(prefix)]) == prefix
            ok = ok if op == "==" else not ok
        elif op in ("==", "!="):
            # Without a local label, "==" ignores the candidate's ("2.4.1+cu124" == "2.4.1"); plain
            # releases compare by number ("1.0" == "1.0.0"), pre- and post-releases only as text.
            public = version if "+" in want else version.split("+")[0]
            plain = not re.search(r"[a-z]", public + want)
            same = public == want or (plain and full_release(public) == full_release(want))
            ok = same if op == "==" else not same
        elif op == "~=":
            w = full_release(want)
            ok = full_release(version) >= w and full_release(version)[:len(w) - 1] == w[:len(w) - 1]
        else:
            a, b = full_release(version), full_release(want)
            ok = {">=": a >= b, "<=": a <= b, ">": a > b, "<": a < b}[op]
        if not ok:
            return False
    return True


DPKG_STATUS = "/var/lib/dpkg/status"
OS_RELEASE = "/etc/os-release"


def dpkg_packages(status=DPKG_STATUS):
    """The Debian packages installed, as dpkg's status file lists them: [{"name", "version", "arch"}];
    none when there is no such file (not a Debian-based image)."""
    try:
        with open(status, encoding="utf-8", errors="replace") as f:
            blocks = f.read().split("\n\n")
    except OSError:
        return []
    found = []
    for block in blocks:
        fields = dict(l.split(": ", 1) for l in block.splitlines() if ": " in l and not l.startswith(" "))
        if fields.get("Status", "").endswith(" installed") and "Package" in fields:
            found.append({"name": fields["Package"], "version": fields.get("Version"), "arch": fields.get("Architecture")})
    return found


def os_release(path=OS_RELEASE):
    """/etc/os-release as a dict ("ID": "ubuntu", "VERSION_ID": "22.04"); empty when it is missing."""
    found = {}
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                if "=" in line:
                    key, value = line.rstrip("\n").split("=", 1)
                    found[key] = value.strip('"')
    except OSError:
        pass
    return found
