"""gpu-image-matrix template, last step: check that no step after the pin replaced the framework,
then write the inventory (what the entry asked for and what the image holds; no time in it, so
that rebuilds are the same).

The template inlines this in a RUN step, after gim_packages.py, and calls main() with the
parameters the renderer computes:

    header            the inventory's fixed part: schema, tool, template, entry, baseImage, requested
    optional          distributions a base image may lack: those not installed are listed under "absent"
    constraints_path  the pins written by pin.py
    inventory_path    where the inventory goes (/etc/gpu-image-matrix/inventory.json)
    dpkg_status       optional: dpkg's status file (default /var/lib/dpkg/status)
    os_release        optional: the os-release file (default /etc/os-release)

Run standalone (gim_packages.py beside it): python3 inventory.py '{"header": {...}, ...}'
"""
import json
import platform
import sys

from gim_packages import DPKG_STATUS, OS_RELEASE, dpkg_packages, every, installed, os_release


def main(params):
    with open(params["constraints_path"]) as f:
        pins = [l.strip() for l in f if l.strip()]
    changed = []
    for pin in pins:
        if "==" not in pin:
            continue  # a range such as numpy<2, which the later installs were held to
        name, version = pin.split("==", 1)
        now = installed(name)
        if now != version:
            changed.append("%s is now %s, it was %s" % (name, now, version))
    if changed:
        sys.exit("gpu-image-matrix: " + "; ".join(changed)
                 + ": a step after the pin replaced it (pip-packages and requirements are constrained, so most likely post-install)")
    packages = {}
    for name, version in every():
        if name and name.lower() not in packages:
            packages[name.lower()] = {"name": name, "version": version}
    system = dpkg_packages(params.get("dpkg_status", DPKG_STATUS))
    osr = os_release(params.get("os_release", OS_RELEASE))
    inventory = dict(params["header"])
    inventory["constraints"] = pins
    inventory["absent"] = sorted(n for n in params.get("optional") or [] if installed(n) is None)
    inventory["os"] = {"id": osr.get("ID"), "versionId": osr.get("VERSION_ID")}
    inventory["python"] = {"executable": sys.executable, "version": platform.python_version()}
    inventory["pythonPackages"] = sorted(packages.values(), key=lambda p: p["name"].lower())
    inventory["systemPackages"] = sorted(system, key=lambda p: (p["name"], p["arch"] or ""))
    with open(params["inventory_path"], "w") as f:
        json.dump(inventory, f, indent=1, sort_keys=True)
        f.write("\n")
    print("gpu-image-matrix: inventory: %d Python and %d system packages" % (len(packages), len(system)))


if __name__ == "__main__":
    main(json.loads(sys.argv[1]))
