#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""The Debian packages of every QML module the console loads at run time, derived from its QML.

Qt's qmlimportscanner reads ui/ for its imports; the QML files of each module it finds are
scanned in turn (QtQuick.Dialogs loads QtQuick.Dialogs.quickimpl, whose file dialog needs
Qt.labs.folderlistmodel), until nothing new turns up. Each module is mapped to the package that
owns its qmldir (dpkg -S) or, when it is not installed, to the package Debian names after it
(qml6-module-<uri>, or the nearest parent module's package that exists).

    qml-runtime-deps.py            print the packages, one a line
    qml-runtime-deps.py --check F  fail when F (the list the setup script installs) is missing
                                   one of them, or a module the UI loads is not installed

A module missing at run time is a crash the dispatcher finds (the Share file… dialog did).
"""
import json
import os
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "../.."))
QT_QML = "/usr/lib/x86_64-linux-gnu/qt6/qml"
SCANNER = "/usr/lib/qt6/libexec/qmlimportscanner"
# Styles for other platforms: Qt Quick Controls names them as optional imports, and they are
# never loaded on Linux (there is no Debian package of them either).
OTHER_PLATFORMS = {"QtQuick.Controls.Windows", "QtQuick.Controls.macOS", "QtQuick.Controls.iOS"}
# Our own modules are compiled into the executable.
OWN = ("Floorline.",)


def query(var, fallback):
    try:
        out = subprocess.run(["/usr/lib/qt6/bin/qtpaths6", "--query", var], capture_output=True,
                             text=True, check=True).stdout.strip()
        return out or fallback
    except (OSError, subprocess.CalledProcessError):
        return fallback


def scan(directory, qml_path, scanner):
    out = subprocess.run([scanner, "-rootPath", directory, "-importPath", qml_path],
                         capture_output=True, text=True, check=True).stdout
    return [m for m in json.loads(out) if m.get("type") == "module"]


def modules(qml_path, scanner):
    """name -> installed directory (None when not installed), following modules' own QML."""
    found = {}
    pending = [os.path.join(ROOT, "ui")]
    scanned = set()
    while pending:
        directory = pending.pop()
        if directory in scanned:
            continue
        scanned.add(directory)
        for m in scan(directory, qml_path, scanner):
            name = m["name"]
            if name.startswith(OWN) or name in OTHER_PLATFORMS or name in found:
                continue
            path = m.get("path")
            found[name] = path if path and os.path.isdir(path) else None
            if found[name]:
                pending.append(found[name])
    return found


def owner(path):
    qmldir = os.path.join(path, "qmldir")
    out = subprocess.run(["dpkg", "-S", qmldir], capture_output=True, text=True)
    if out.returncode != 0:
        return None
    return out.stdout.split(":")[0].strip()


def has_candidate(package):
    out = subprocess.run(["apt-cache", "policy", package], capture_output=True, text=True).stdout
    return "Candidate:" in out and "Candidate: (none)" not in out


def named_package(name):
    parts = name.split(".")
    while parts:
        package = "qml6-module-" + "-".join(parts).lower()
        if has_candidate(package):
            return package
        parts.pop()
    return None


def main():
    qml_path = query("QT_INSTALL_QML", QT_QML)
    scanner = os.path.join(query("QT_HOST_LIBEXECS", os.path.dirname(SCANNER)),
                           "qmlimportscanner")
    found = modules(qml_path, scanner)
    packages = {}
    missing = []
    for name, path in sorted(found.items()):
        package = owner(path) if path else None
        if not path:
            missing.append(name)
        package = package or named_package(name)
        if not package:
            print("no Debian package found for QML module %s" % name, file=sys.stderr)
            return 1
        packages.setdefault(package, []).append(name)
    if "--check" not in sys.argv:
        for package in sorted(packages):
            print(package)
        return 0
    listed_file = sys.argv[sys.argv.index("--check") + 1]
    with open(listed_file) as f:
        listed = {l.split("#")[0].strip() for l in f} - {""}
    ok = True
    for package in sorted(set(packages) - listed):
        print("%s: %s is needed at run time (for %s) but not listed"
              % (listed_file, package, ", ".join(packages[package])), file=sys.stderr)
        ok = False
    for name in missing:
        print("QML module %s is not installed (package %s)"
              % (name, [p for p, n in packages.items() if name in n][0]), file=sys.stderr)
        ok = False
    print("%d QML modules in %d packages%s" % (len(found), len(packages),
                                               "" if ok else ": NOT all installed and listed"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
