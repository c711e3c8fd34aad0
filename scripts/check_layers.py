#!/usr/bin/env python3
"""Checks the layout rules of docs/architecture.md on the sources; run by ctest (layers).

  1. A file includes only headers of its own library or of a library it declares in
     CMakeLists.txt (directly or through another): nothing points up or sideways unseen.
  2. The declared libraries form no cycle.
  3. A feature's domain/ includes only the platform's core and other domains: no I/O.
  4. No feature web/ or services/ file holds SQL, no web/ file includes a store, and no
     .cpp file is over 400 lines, except the debts listed in scripts/layers_debt.txt;
     a debt paid off must leave the list, so the list only shrinks.
Prints what it found and exits 1 on any breach.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "src")
MAX_LINES = 400
SQL = re.compile(r'"[^"\n]*\b(SELECT|INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM)\b')


REMEDY = {
    "sql": "move the queries to the feature's store/",
    "web-includes-store": "go through a service",
    "long-file": "split it by job",
}


def library_of(path):
    """The CMake library a source or header under src/ belongs to."""
    parts = path.split("/")
    if parts[0] == "platform":
        if parts[1] in ("http", "modules") or "web" in parts[2:-1]:
            return "ateliers_platform_web"
        return "ateliers_platform"
    if parts[0] == "features":
        if len(parts) == 3:  # module.cpp / module.hpp
            return "ateliers_%s_web" % parts[1]
        return "ateliers_%s_%s" % (parts[1], parts[2])
    if parts[0] == "cli":
        return "ateliers"
    return "?"


def declared_dependencies():
    text = open(os.path.join(ROOT, "CMakeLists.txt")).read()
    text = re.sub(r"#[^\n]*", "", text)
    deps = {}
    for m in re.finditer(r"ateliers_feature_layer\(([^)]*)\)", text):
        words = m.group(1).split()
        if words[0] in ("feature", "${feature}"):
            continue  # the function's own definition
        deps["ateliers_%s_%s" % (words[0], words[1])] = set(words[2:])
    for m in re.finditer(r"ateliers_library\((\w+)([^)]*)\)", text):
        body = m.group(2)
        if "DEPENDS" in body:
            deps.setdefault(m.group(1), set()).update(
                w for w in body.split("DEPENDS", 1)[1].split() if w.startswith("ateliers_"))
        else:
            deps.setdefault(m.group(1), set())
    for m in re.finditer(r"target_link_libraries\((\w+)\s+(?:PUBLIC|PRIVATE|INTERFACE)([^)]*)\)", text):
        deps.setdefault(m.group(1), set()).update(w for w in m.group(2).split() if w.startswith("ateliers_"))
    return deps


def closure(deps, lib, seen=None):
    seen = set() if seen is None else seen
    for d in deps.get(lib, ()):
        if d not in seen:
            seen.add(d)
            closure(deps, d, seen)
    return seen


def find_cycle(deps):
    state = {}

    def visit(n, stack):
        state[n] = 1
        for d in deps.get(n, ()):
            if state.get(d) == 1:
                return stack + [n, d]
            if d not in state:
                found = visit(d, stack + [n])
                if found:
                    return found
        state[n] = 2
        return None

    for n in sorted(deps):
        if n not in state:
            found = visit(n, [])
            if found:
                return found
    return None


def sources():
    for d, _, files in os.walk(SRC):
        for f in sorted(files):
            if f.endswith((".cpp", ".hpp")):
                yield os.path.relpath(os.path.join(d, f), SRC)


def main():
    deps = declared_dependencies()
    breaches = []
    cycle = find_cycle(deps)
    if cycle:
        breaches.append("cycle between libraries: " + " -> ".join(cycle))
    debts = set()
    debt_file = os.path.join(ROOT, "scripts", "layers_debt.txt")
    for line in open(debt_file):
        line = line.split("#", 1)[0].strip()
        if line:
            debts.add(tuple(line.split(None, 1)))
    found_debts = set()
    for path in sources():
        text = open(os.path.join(SRC, path)).read()
        lib = library_of(path)
        allowed = closure(deps, lib) | {lib}
        for inc in re.findall(r'#include "([^"]+)"', text):
            target = library_of(inc)
            if target not in allowed:
                breaches.append("%s (%s) includes %s (%s), not among its declared dependencies" % (path, lib, inc, target))
            if "/domain/" in path and not (inc.startswith("platform/core/") or "/domain/" in inc
                                           or inc in ("platform/auth/account_rules.hpp",
                                                      "platform/referential/size_class.hpp",
                                                      "platform/referential/territory_types.hpp")):
                breaches.append("%s is domain code but includes %s" % (path, inc))
            if "/web/" in path and path.startswith("features/") and "/store/" in inc:
                found_debts.add(("web-includes-store", path))
        if path.startswith("features/") and ("/services/" in path or "/web/" in path) and SQL.search(text):
            found_debts.add(("sql", path))
        if path.endswith(".cpp") and text.count("\n") > MAX_LINES:
            found_debts.add(("long-file", path))
    for debt in sorted(found_debts - debts):
        breaches.append("new debt: %s %s (%s)" % (debt + (REMEDY[debt[0]],)))
    for debt in sorted(debts - found_debts):
        breaches.append("paid-off debt still listed in scripts/layers_debt.txt: %s %s (remove the line)" % debt)
    counts = {}
    for kind, _ in found_debts:
        counts[kind] = counts.get(kind, 0) + 1
    print("libraries: %d; known debts: %s" % (len(deps), ", ".join("%s %d" % kv for kv in sorted(counts.items()))))
    for b in breaches:
        print("BREACH " + b)
    return 1 if breaches else 0


if __name__ == "__main__":
    sys.exit(main())
