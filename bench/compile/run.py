#!/usr/bin/env python3
"""Compile-time benchmark: the same generated workload through palisade and its peers.

For each library it writes a crate with N structs of 8 fields that use the library's
derive and one function per struct that uses it (builds one / validates one), then
times clean builds (its own target directory deleted, dependencies included) and
rebuilds after touching `src/lib.rs`, in rounds that visit every library in turn,
and reports the medians, side by side.

    python3 bench/compile/run.py                                # both workloads
    python3 bench/compile/run.py --workload builder --no-clean  # rebuilds only
    python3 bench/compile/run.py --workload validation --callgrind  # + instruction counts
    PALISADE_REV=<commit> python3 bench/compile/run.py ...          # an earlier palisade

`--callgrind` also counts, with valgrind's callgrind, the instructions rustc executes
for one rebuild of each library's workload crate: unlike time, that count does not
move from run to run on a shared machine.

Results go to stdout as tables; nothing is written inside the repository.
"""

import argparse
import re
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]


def committed_palisade():
    """palisade as its users get it: a git dependency on this repository's HEAD.

    Cargo compiles path dependencies like workspace members (incremental, every lint)
    and registry or git dependencies without incremental compilation and with lints
    capped, as the peers from crates.io are. A path dependency would charge palisade
    alone for both, so the benchmark builds the committed HEAD through git instead.
    """
    rev = os.environ.get("PALISADE_REV", "HEAD")
    head = subprocess.run(
        ["git", "rev-parse", rev], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    if dirty:
        print("note: uncommitted changes are not measured; palisade is built at HEAD", file=sys.stderr)
    return f'git = "file://{ROOT}", rev = "{head}"'


PALISADE = committed_palisade()

FIELDS = [
    ("id", "u64"),
    ("name", "String"),
    ("count", "u32"),
    ("ratio", "f64"),
    ("email", "String"),
    ("tags", "Vec<String>"),
    ("note", "Option<String>"),
    ("enabled", "bool"),
]

BUILD = (
    "pub fn make{i}() -> Item{i} {{ Item{i}::builder().id(1).name(String::new()).count(1)"
    ".ratio(0.5).email(String::new()).enabled(true).build() }}\n\n"
)

BUILDER_PEERS = {
    "palisade": (
        f"palisade = {{ {PALISADE} }}",
        "#[derive(Debug, palisade::Builder)]",
        {"tags": "#[builder(default)]"},
        BUILD,
    ),
    "bon": ('bon = "3.10"', "#[derive(Debug, bon::Builder)]", {"tags": "#[builder(default)]"}, BUILD),
    "typed-builder": (
        'typed-builder = "0.23"',
        "#[derive(Debug, typed_builder::TypedBuilder)]",
        {"tags": "#[builder(default)]", "note": "#[builder(default)]"},
        BUILD,
    ),
}

VALIDATION_PEERS = {
    "palisade": (
        f"palisade = {{ {PALISADE} }}",
        "#[derive(Debug, palisade::Validate)]",
        {
            "id": "#[validate(range(1..=1000000))]",
            "name": "#[validate(length(1..=64))]",
            "count": "#[validate(range(..=100))]",
            "ratio": "#[validate(range(0.0..=1.0))]",
            "email": "#[validate(email)]",
            "tags": "#[validate(length(..=10))]",
            "note": "#[validate(length(1..=200))]",
        },
        "pub fn check{i}(item: &Item{i}) -> bool {{ palisade::Validate::validate(item).is_ok() }}\n\n",
    ),
    "palisade, regex + url features": (
        f'palisade = {{ {PALISADE}, features = ["regex", "url"] }}',
        "#[derive(Debug, palisade::Validate)]",
        {
            "id": "#[validate(range(1..=1000000))]",
            "name": "#[validate(length(1..=64))]",
            "count": "#[validate(range(..=100))]",
            "ratio": "#[validate(range(0.0..=1.0))]",
            "email": "#[validate(email)]",
            "tags": "#[validate(length(..=10))]",
            "note": "#[validate(length(1..=200))]",
        },
        "pub fn check{i}(item: &Item{i}) -> bool {{ palisade::Validate::validate(item).is_ok() }}\n\n",
    ),
    "validator": (
        'validator = { version = "0.21", features = ["derive"] }',
        "#[derive(Debug, validator::Validate)]",
        {
            "id": "#[validate(range(min = 1, max = 1000000))]",
            "name": "#[validate(length(min = 1, max = 64))]",
            "count": "#[validate(range(max = 100))]",
            "ratio": "#[validate(range(min = 0.0, max = 1.0))]",
            "email": "#[validate(email)]",
            "tags": "#[validate(length(max = 10))]",
            "note": "#[validate(length(min = 1, max = 200))]",
        },
        "pub fn check{i}(item: &Item{i}) -> bool {{ validator::Validate::validate(item).is_ok() }}\n\n",
    ),
    "garde": (
        'garde = { version = "0.23", features = ["derive", "email"] }',
        "#[derive(Debug, garde::Validate)]",
        {
            "id": "#[garde(range(min = 1, max = 1000000))]",
            "name": "#[garde(length(min = 1, max = 64))]",
            "count": "#[garde(range(max = 100))]",
            "ratio": "#[garde(range(min = 0.0, max = 1.0))]",
            "email": "#[garde(email)]",
            "tags": "#[garde(length(max = 10))]",
            "note": "#[garde(length(min = 1, max = 200))]",
            "enabled": "#[garde(skip)]",
        },
        "pub fn check{i}(item: &Item{i}) -> bool {{ garde::Validate::validate(item).is_ok() }}\n\n",
    ),
}


def source(derive, attrs, usage, structs):
    out = ["#![allow(dead_code)]\n"]
    for index in range(structs):
        out.append(f"{derive}\npub struct Item{index} {{\n")
        for name, ty in FIELDS:
            if name in attrs:
                out.append(f"    {attrs[name]}\n")
            out.append(f"    pub {name}: {ty},\n")
        out.append("}\n\n")
        out.append(usage.format(i=index))
    return "".join(out)


def write_crate(directory, name, dependency, derive, attrs, usage, structs):
    crate = directory / name
    (crate / "src").mkdir(parents=True)
    (crate / "Cargo.toml").write_text(
        f'[package]\nname = "ct-{name}"\nversion = "0.0.0"\nedition = "2021"\n\n'
        f"[workspace]\n\n[dependencies]\n{dependency}\n"
    )
    (crate / "src" / "lib.rs").write_text(source(derive, attrs, usage, structs))
    return crate


# A rustc wrapper that runs rustc under callgrind for the workload crate only, when
# PALISADE_CALLGRIND_OUT names the file to write; otherwise it just runs rustc. It is
# set for every build of the run, so switching it on changes no fingerprint.
WRAPPER = """#!/bin/sh
rustc="$1"; shift
case " $* " in
  *" --crate-name ct_"*)
    if [ -n "$PALISADE_CALLGRIND_OUT" ]; then
      exec valgrind --tool=callgrind --callgrind-out-file="$PALISADE_CALLGRIND_OUT" \
        --quiet "$rustc" "$@"
    fi;;
esac
exec "$rustc" "$@"
"""


def cargo_build(crate, extra_env=None):
    start = time.perf_counter()
    subprocess.run(
        ["cargo", "build", "--quiet"],
        cwd=crate,
        check=True,
        env={
            **os.environ,
            "CARGO_TARGET_DIR": str(crate / "target"),
            "RUSTC_WRAPPER": str(crate.parent / "wrapper.sh"),
            **(extra_env or {}),
        },
    )
    return time.perf_counter() - start


def instructions(crate):
    """rustc's instruction count for one rebuild of `crate`, from callgrind."""
    out = crate.parent / f"{crate.name}.callgrind"
    (crate / "src" / "lib.rs").touch()
    cargo_build(crate, {"PALISADE_CALLGRIND_OUT": str(out)})
    for line in out.read_text().splitlines():
        if line.startswith(("summary:", "totals:")):
            return int(line.split()[1])
    raise RuntimeError(f"no instruction total in {out}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workload", choices=["builder", "validation", "all"], default="all")
    parser.add_argument("--structs", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3, help="clean builds per library")
    parser.add_argument(
        "--rebuild-runs",
        type=int,
        default=11,
        help="rebuilds per library (cheap, and noisier than clean builds, so more of them)",
    )
    parser.add_argument("--no-clean", dest="clean", action="store_false", help="skip the clean builds (slow)")
    parser.add_argument("--only", action="append", help="measure only this library (repeatable)")
    parser.add_argument(
        "--callgrind", action="store_true", help="also count rustc's instructions for one rebuild"
    )
    args = parser.parse_args()
    if args.callgrind and shutil.which("valgrind") is None:
        sys.exit("--callgrind needs valgrind (apt-get install -y valgrind)")
    workloads = ["validation", "builder"] if args.workload == "all" else [args.workload]
    for workload in workloads:
        peers = BUILDER_PEERS if workload == "builder" else VALIDATION_PEERS
        if args.only:
            peers = {name: peer for name, peer in peers.items() if name in args.only}
        measure(workload, peers, args)


def measure(workload, peers, args):
    directory = pathlib.Path(tempfile.mkdtemp(prefix="palisade-compile-"))
    wrapper = directory / "wrapper.sh"
    wrapper.write_text(WRAPPER)
    wrapper.chmod(0o755)
    try:
        crates = {
            name: write_crate(directory, re.sub(r'[^A-Za-z0-9_]+', '-', name), dependency, derive, attrs, usage, args.structs)
            for name, (dependency, derive, attrs, usage) in peers.items()
        }
        # Every timing round visits every library in turn, so that a machine that
        # speeds up or slows down during the run (shared cores do) weighs on all of
        # them alike, rather than on whichever was measured at the time.
        cleans = {name: [] for name in crates}
        rebuilds = {name: [] for name in crates}
        for name, crate in crates.items():
            print(f"{workload}: building {name} ...", file=sys.stderr)
            # Sources are fetched (and a git checkout made) before anything is timed.
            subprocess.run(["cargo", "fetch", "--quiet"], cwd=crate, check=True)
            cleans[name].append(cargo_build(crate))
        if args.clean:
            for round_ in range(args.runs - 1):
                print(f"{workload}: clean builds, round {round_ + 2} of {args.runs} ...", file=sys.stderr)
                for name, crate in crates.items():
                    shutil.rmtree(crate / "target")
                    cleans[name].append(cargo_build(crate))
        print(f"{workload}: rebuilds ...", file=sys.stderr)
        for _ in range(args.rebuild_runs):
            for name, crate in crates.items():
                (crate / "src" / "lib.rs").touch()
                rebuilds[name].append(cargo_build(crate))
        counts = {}
        if args.callgrind:
            for name, crate in crates.items():
                print(f"{workload}: counting instructions of {name} ...", file=sys.stderr)
                counts[name] = instructions(crate)
        results = {
            name: (
                statistics.median(cleans[name]) if args.clean else None,
                statistics.median(rebuilds[name]),
            )
            for name in crates
        }
        print(
            f"\n{workload}: {args.structs} structs x 8 fields, median of {args.runs} clean builds"
            f" and {args.rebuild_runs} rebuilds (debug profile)\n"
        )
        counted = " rebuild instructions (callgrind) |" if counts else ""
        print(f"| library | clean build | rebuild after touch |{counted}")
        print("|---|---:|---:|" + ("---:|" if counts else ""))
        for name, (clean, rebuild) in results.items():
            clean_text = f"{clean:.2f} s" if clean is not None else "not measured"
            count = f" {counts[name] / 1e6:.0f} M |" if counts else ""
            print(f"| {name} | {clean_text} | {rebuild:.2f} s |{count}")
        sys.stdout.flush()
    finally:
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
