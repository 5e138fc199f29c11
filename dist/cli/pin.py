"""gpu-image-matrix template, after the framework is in place: check its versions (and Python's)
against the matrix entry, and pin them for every later install.

The template inlines this in a RUN step, after gim_packages.py, and calls main() with the
parameters the renderer computes:

    expected          {distribution: version the entry says, or null: pinned at whatever is there}
    optional          distributions a base image may lack (torchvision, torchaudio): absent, they are
                      left out of the pins (inventory.py records them) instead of failing the build
    requirements      what the release needs besides itself, as pip requirements ("numpy<2"):
                      checked against what is installed, and kept as lines of the constraints file
    python            the entry's Python, "3.11"
    hint              what to do when the image holds something else
    constraints_path  where the pins go (/etc/gpu-image-matrix/constraints.txt)

Run standalone (gim_packages.py beside it): python3 pin.py '{"expected": {...}, ...}'
"""
import json
import os
import re
import sys
import sysconfig

from gim_packages import installed, release, satisfies


def main(params):
    problems, pins = [], []
    python = params["python"]
    # "3.13t" is the free-threaded build of 3.13 (CPython built with Py_GIL_DISABLED)
    free = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    have = "%d.%d%s" % (sys.version_info[0], sys.version_info[1], "t" if free else "")
    if have != python:
        problems.append("Python is %s, the entry says %s" % (have, python))
    optional = set(params.get("optional") or [])
    absent = []
    for name, want in params["expected"].items():
        have = installed(name)
        if have is None and name in optional:
            absent.append(name)
        elif want is None:
            if have:
                pins.append("%s==%s" % (name, have))
        elif have is None:
            problems.append("%s is not installed, the entry says %s" % (name, want))
        elif release(have) != release(want):
            problems.append("%s is %s, the entry says %s" % (name, have, want))
        else:
            pins.append("%s==%s" % (name, have))
    for requirement in params.get("requirements") or []:
        name, spec = re.match(r"([A-Za-z0-9._-]+)(.*)$", requirement).groups()
        have = installed(name)
        if have is not None and not satisfies(have, spec):
            problems.append("%s is %s, but this release needs %s%s (it was built against an older one)" % (name, have, name, spec))
        pins.append(requirement)
    if problems:
        sys.exit("gpu-image-matrix: " + "; ".join(problems) + ": " + params["hint"])
    constraints = params["constraints_path"]
    os.makedirs(os.path.dirname(constraints), exist_ok=True)
    with open(constraints, "w") as f:
        f.write("".join(p + "\n" for p in pins))
    print("gpu-image-matrix: pinned " + ", ".join(pins) + ("; not in the image: " + ", ".join(absent) if absent else ""))


if __name__ == "__main__":
    main(json.loads(sys.argv[1]))
