#!/usr/bin/env python3
"""Crash test of `dilmanc memory import` (issue 12).

Imports the 1M-unit bench TMX into a fresh memory, kills the import with
SIGKILL at a random moment (seeded), and checks what is left:

  1. `sqlite3 M "PRAGMA integrity_check"` says ok (the files the dead process
     left, before Dilmanc touches them again);
  2. all or nothing: the unit, variant and header counts are all 0 or all
     equal to those of a complete import;
  3. `dilmanc memory stats` opens the memory (a valid empty memory is
     acceptable after a kill before the commit) and counts the same units;
  4. lookups of exact queries from the query file give the stored unit at 100
     with its Russian target when the memory is full, and no match when it is
     empty (after a kill while the index is built or written, the index must be
     rebuilt or valid, never wrong);
  5. no leftover file: once Dilmanc has touched the memory again (stats, then
     lookups, which rebuild and store the index), the folder holds the memory
     and its index only: no `*.partial`, no `-wal`, `-shm` or `-journal`.

Kills are aimed at phases: a share uniform over the whole import, and shares
triggered by what the import shows: the progress bar reaching 100% (file
read, the last units stored and committed), the `indexing en` line (the write
transaction has returned; the index is being built), the `*.partial` index
file appearing (the index is being written), the final `.index` file appearing
(after the rename). The phase a kill landed in is what was observed at the
moment of the kill. Progress lines are shown only on a terminal, so the import
runs with its stderr on a pseudo-terminal.

Standard library only. See README.md beside this file.
"""

import argparse
import hashlib
import json
import os
import random
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time

PHASES = ["parse-store", "commit", "index-build", "index-write", "after", "finished"]
MODES = [  # (mode, probability)
    ("uniform", 0.40),
    ("commit", 0.15),
    ("index-build", 0.10),
    ("index-write", 0.30),
    ("after", 0.05),
]
MEMORY_NAME = "m.sqlite"
LANGUAGE = "en"
EMPTY_REFUSAL = re.compile(r"no unit in .* has language 'en'")


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def log(message):
    print(time.strftime("%H:%M:%S"), message, flush=True)


# MARK: - Running an import and watching it


class ImportRun:
    """One `memory import`, stderr on a pseudo-terminal, its folder polled."""

    def __init__(self, binary, tmx, folder):
        self.folder = folder
        self.memory = os.path.join(folder, MEMORY_NAME)
        self.marks = {}  # name -> seconds since start
        self.tail = ""
        self.partial_names = set()
        master, slave = os.openpty()
        self.master = master
        self.stdout_path = os.path.join(os.path.dirname(folder), "import.out")
        self.stdout = open(self.stdout_path, "wb")
        self.start = time.monotonic()
        self.process = subprocess.Popen(
            [binary, "memory", "import", "--memory", self.memory, "--format", "json", tmx],
            stdin=subprocess.DEVNULL, stdout=self.stdout, stderr=slave,
            cwd=os.path.dirname(folder), start_new_session=True)
        os.close(slave)
        self.exit_code = None

    def elapsed(self):
        return time.monotonic() - self.start

    def mark(self, name):
        if name not in self.marks:
            self.marks[name] = round(self.elapsed(), 3)

    def read_terminal(self, timeout):
        if self.master is None:
            time.sleep(timeout)
            return
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return
        try:
            data = os.read(self.master, 65536)
        except OSError:  # EIO: the process is gone
            data = b""
        if not data:
            os.close(self.master)
            self.master = None
            return
        self.tail = (self.tail + data.decode("utf-8", "replace"))[-4096:]
        if "100%" in self.tail:
            self.mark("read_done")
        if "indexing" in self.tail:
            self.mark("indexing")

    def look(self):
        """Polls the folder; returns its names."""
        try:
            names = os.listdir(self.folder)
        except FileNotFoundError:
            names = []
        if MEMORY_NAME in names:
            self.mark("memory_created")
        partials = [n for n in names if ".partial" in n]
        if partials:
            self.mark("partial")
            self.partial_names.update(partials)
        elif "partial" in self.marks:
            self.mark("partial_gone")
        if f"{MEMORY_NAME}.{LANGUAGE}.index" in names:
            self.mark("index_file")
        return names

    def poll(self):
        self.read_terminal(0.01)
        names = self.look()
        if self.exit_code is None and self.process.poll() is not None:
            self.exit_code = self.process.returncode
            self.mark("exit")
        return names

    def phase(self, names):
        """The phase the import is in, from what it showed so far."""
        if self.exit_code is not None:
            return "finished"
        if f"{MEMORY_NAME}.{LANGUAGE}.index" in names:
            return "after"
        if any(".partial" in n for n in names):
            return "index-write"
        if "indexing" in self.marks:
            return "index-build"
        if "read_done" in self.marks:
            return "commit"
        return "parse-store"

    def sizes(self):
        out = {}
        for suffix in ["", "-wal", "-shm"]:
            try:
                out[MEMORY_NAME + suffix] = os.path.getsize(self.memory + suffix)
            except OSError:
                pass
        return out

    def kill(self):
        """SIGKILL now; returns (phase, names, sizes) seen just before."""
        self.read_terminal(0)
        names = self.look()
        if self.exit_code is None and self.process.poll() is not None:
            self.exit_code = self.process.returncode
            self.mark("exit")
        phase = self.phase(names)
        sizes = self.sizes()
        at = round(self.elapsed(), 3)
        if self.exit_code is None:
            os.kill(self.process.pid, signal.SIGKILL)
        self.finish()
        return phase, sorted(names), sizes, at

    def finish(self):
        self.process.wait()
        if self.exit_code is None:
            self.exit_code = self.process.returncode
            self.mark("exit")
        while self.master is not None:
            self.read_terminal(0.05)
        self.stdout.close()


# MARK: - Checks


def run(command, timeout=900):
    result = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
    return result.returncode, result.stdout.decode("utf-8", "replace"), result.stderr.decode("utf-8", "replace")


def sqlite_counts(sqlite, memory):
    """integrity_check, then the counts; the counts are None without a schema."""
    code, out, err = run([sqlite, memory, "PRAGMA integrity_check;"])
    integrity = (out.strip() if code == 0 else f"exit {code}: {err.strip()}")
    code, out, err = run([sqlite, memory,
                          "SELECT (SELECT count(*) FROM unit), (SELECT count(*) FROM variant), (SELECT count(*) FROM header);"])
    if code != 0:
        code2, tables, _ = run([sqlite, memory, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name;"])
        return integrity, None, f"no counts (exit {code}: {err.strip()}); tables: {tables.split() if code2 == 0 else '?'}"
    units, variants, headers = (int(x) for x in out.strip().split("|"))
    return integrity, {"unit": units, "variant": variants, "header": headers}, None


def lookup(binary, memory, query):
    code, out, err = run([binary, "lookup", "--memory", memory, "--from", "en", "--to", "ru", "--format", "json", query])
    if code != 0:
        return code, None, err.strip()
    return code, json.loads(out), err.strip()


def file_identity(path):
    try:
        status = os.stat(path)
        return [status.st_ino, status.st_size, status.st_mtime_ns]
    except OSError:
        return None


def check(binary, sqlite, folder, full, queries, result):
    """The checks after a kill (or a complete import); appends to result['failures']."""
    memory = os.path.join(folder, MEMORY_NAME)
    index_path = f"{memory}.{LANGUAGE}.index"
    failures = result["failures"]
    result["files_after_kill"] = sorted(os.listdir(folder))
    result["index_before"] = file_identity(index_path)

    if not os.path.exists(memory):
        # Killed before the memory file was created: nothing imported. Nothing
        # may be left then, and stats must say there is no memory.
        result["state"] = "no memory file"
        if result["files_after_kill"]:
            failures.append(f"no memory file, but left: {result['files_after_kill']}")
        code, out, err = run([binary, "memory", "stats", "--memory", memory])
        result["stats"] = f"exit {code}: {err.strip() or out.strip()}"
        if code != 2:
            failures.append(f"memory stats on the missing memory: exit {code}")
        left = sorted(os.listdir(folder))
        if left:
            failures.append(f"left after stats: {left}")
        result["files_after_touch"] = left
        return

    # 1. Integrity and 2. all or nothing, on the files the dead process left.
    integrity, counts, problem = sqlite_counts(sqlite, memory)
    result["integrity"] = integrity
    result["counts"] = counts
    if integrity != "ok":
        failures.append(f"integrity_check: {integrity!r}")
    if counts is None:
        result["state"] = "no schema"
        result["schema_problem"] = problem
        counts = {"unit": 0, "variant": 0, "header": 0}
    elif counts == full:
        result["state"] = "full"
    elif counts == {"unit": 0, "variant": 0, "header": 0}:
        result["state"] = "empty"
    else:
        result["state"] = "PARTIAL"
        failures.append(f"not all or nothing: {counts}, a complete import has {full}")

    # 3. Dilmanc opens it.
    code, out, err = run([binary, "memory", "stats", "--memory", memory, "--format", "json"])
    if code != 0:
        failures.append(f"memory stats: exit {code}: {err.strip()}")
        result["stats"] = f"exit {code}: {err.strip()}"
    else:
        units = json.loads(out).get("units")
        result["stats"] = {"units": units}
        if units != counts["unit"]:
            failures.append(f"memory stats says {units} units, sqlite3 counted {counts['unit']}")
    result["files_after_stats"] = sorted(os.listdir(folder))

    # 4. Lookups.
    result["lookups"] = []
    for query in queries:
        started = time.monotonic()
        code, answer, err = lookup(binary, memory, query["query"])
        seconds = round(time.monotonic() - started, 2)
        entry = {"qid": query["qid"], "exit": code, "seconds": seconds}
        if code == 2 and result["state"] != "full" and EMPTY_REFUSAL.search(err):
            # An empty memory holds no English unit, and lookup says so (exit
            # 2, "no unit in M has language 'en'; they hold "): no match is
            # offered, which is what an empty memory must give.
            entry["refused"] = err
            result["lookups"].append(entry)
            continue
        if code != 0:
            failures.append(f"lookup {query['qid']}: exit {code}: {err}")
            result["lookups"].append(entry)
            continue
        matches = answer.get("matches", [])
        entry["best"] = matches[0]["score"] if matches else None
        if result["state"] == "full":
            hits = [m for m in matches if m.get("score") == 100 and m.get("source") == query["query"]]
            if not hits:
                failures.append(f"lookup {query['qid']}: no 100% match of the stored unit; got {[(m.get('score'), m.get('source')) for m in matches]}")
            elif not any(m.get("targets", {}).get("ru") == query["ru"] for m in hits):
                failures.append(f"lookup {query['qid']}: 100% match with the wrong target: {[m.get('targets') for m in hits]}, expected {query['ru']!r}")
        elif matches:
            failures.append(f"lookup {query['qid']} in an empty memory: {len(matches)} matches, best {matches[0].get('score')}")
        result["lookups"].append(entry)

    result["index_after"] = file_identity(index_path)
    if result["index_before"] is None:
        result["index"] = "written by the lookups" if result["index_after"] else "none stored"
    elif result["index_before"] == result["index_after"]:
        result["index"] = "kept (valid)"
    else:
        result["index"] = "rebuilt"
    if result["state"] == "full" and result["index_after"] is None:
        failures.append("full memory, but no stored index after the lookups")

    # 5. Leftovers, once Dilmanc has touched the memory.
    left = sorted(os.listdir(folder))
    result["files_after_touch"] = left
    allowed = {MEMORY_NAME, f"{MEMORY_NAME}.{LANGUAGE}.index"}
    extra = [n for n in left if n not in allowed]
    if extra:
        failures.append(f"leftover files: {extra}")


# MARK: - Iterations


def load_queries(queries_path, tsv_path):
    """Every exact query, with the Russian target of its unit from the TSV."""
    exact = []
    with open(queries_path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 5 and parts[1] == "exact":
                exact.append({"qid": parts[0], "base": int(parts[2]), "query": parts[4]})
    wanted = {q["base"]: q for q in exact}
    with open(tsv_path, encoding="utf-8") as f:
        for index, line in enumerate(f):
            if index in wanted:
                source, target = line.rstrip("\n").split("\t")[:2]
                if source != wanted[index]["query"]:
                    sys.exit(f"{tsv_path}:{index + 1}: the source is not query {wanted[index]['qid']}'s text")
                wanted[index]["ru"] = target
    return [q for q in exact if "ru" in q]


def fresh_folder(workdir):
    parent = tempfile.mkdtemp(prefix="dilmanc-crash-", dir=workdir)
    folder = os.path.join(parent, "memory")
    os.mkdir(folder)
    return parent, folder


def plan(rng, calibration):
    """What to wait for, and how long after it to kill."""
    marks = calibration["marks"]
    mode = rng.choices([m for m, _ in MODES], weights=[p for _, p in MODES])[0]
    if mode == "uniform":
        return mode, "start", rng.uniform(0, marks["exit"])
    if mode == "commit":
        return mode, "read_done", rng.uniform(0, max(0.05, marks["indexing"] - marks["read_done"]))
    if mode == "index-build":
        return mode, "indexing", rng.uniform(0, max(0.05, marks["partial"] - marks["indexing"]))
    if mode == "index-write":
        # The partial file's life, as seen by polling every 10 ms.
        return mode, "partial", rng.uniform(0, max(0.05, marks.get("partial_gone", marks["index_file"]) - marks["partial"]))
    return mode, "index_file", 0.0


def iteration(args, iteration_seed, calibration, exact_queries):
    rng = random.Random(iteration_seed)
    mode, trigger, delay = plan(rng, calibration)
    queries = rng.sample(exact_queries, args.lookups)
    parent, folder = fresh_folder(args.workdir)
    result = {"seed": iteration_seed, "mode": mode, "trigger": trigger, "delay": round(delay, 3), "failures": []}
    try:
        importer = ImportRun(args.binary, args.tmx, folder)
        kill_at = None
        while True:
            names = importer.poll()
            if importer.exit_code is not None:
                break
            if kill_at is None and (trigger == "start" or trigger in importer.marks):
                base = 0.0 if trigger == "start" else importer.marks[trigger]
                kill_at = base + delay
            if kill_at is not None and importer.elapsed() >= kill_at:
                break
            if importer.elapsed() > args.timeout:
                result["failures"].append(f"import still running after {args.timeout} s")
                break
        phase, names, sizes, at = importer.kill()
        result.update({"phase": phase, "killed_at": at, "files_at_kill": names, "sizes_at_kill": sizes,
                       "marks": importer.marks, "exit": importer.exit_code,
                       "partials_seen": sorted(importer.partial_names)})
        if phase == "finished" and importer.exit_code != 0:
            result["failures"].append(f"the import exited {importer.exit_code} before the kill")
        check(args.binary, args.sqlite, folder, calibration["counts"], queries, result)
    except Exception as error:  # a bug of this script, or a hung tool: report it as such
        result["failures"].append(f"test error: {type(error).__name__}: {error}")
    finally:
        if result["failures"] and args.keep_failed:
            result["kept"] = parent
        else:
            shutil.rmtree(parent, ignore_errors=True)
    return result


def calibrate(args, exact_queries):
    """One complete import: the phases' times, the counts of a full memory,
    and a control that the checks pass on it."""
    parent, folder = fresh_folder(args.workdir)
    try:
        importer = ImportRun(args.binary, args.tmx, folder)
        while importer.exit_code is None:
            importer.poll()
        importer.finish()
        with open(importer.stdout_path, encoding="utf-8") as f:
            report = json.load(f) if importer.exit_code == 0 else None
        if importer.exit_code != 0:
            sys.exit(f"calibration import exited {importer.exit_code}")
        missing = [m for m in ["read_done", "indexing", "partial", "index_file", "exit"] if m not in importer.marks]
        if missing:
            sys.exit(f"calibration: never saw {missing}; marks {importer.marks}")
        _, counts, problem = sqlite_counts(args.sqlite, importer.memory)
        if counts is None or counts["unit"] != report["added"]:
            sys.exit(f"calibration: counts {counts} {problem or ''}, report {report}")
        calibration = {"marks": importer.marks, "counts": counts, "report": report,
                       "partials_seen": sorted(importer.partial_names)}
        control = {"seed": "calibration", "mode": "none", "phase": "finished", "failures": []}
        check(args.binary, args.sqlite, folder, counts, random.Random(args.seed).sample(exact_queries, args.lookups), control)
        calibration["control"] = control
        return calibration
    finally:
        shutil.rmtree(parent, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description="Kill `dilmanc memory import` with SIGKILL at random points and check the memory (issue 12).")
    parser.add_argument("binary", nargs="?", default=".build/release/dilmanc", help="the dilmanc binary (default: .build/release/dilmanc)")
    parser.add_argument("--tmx", default="/work/bench/data/tm_1000000.tmx", help="the TMX to import")
    parser.add_argument("--queries", default="/work/bench/data/queries_1000000.tsv", help="the bench queries (qid, kind, base_index, n_edits, query)")
    parser.add_argument("--tsv", default=None, help="the units as TSV (source, target), for the expected targets (default: tm_N.tsv beside the TMX)")
    parser.add_argument("--iterations", type=int, default=100)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--replay", type=int, default=None, metavar="ITERATION_SEED", help="run the one iteration with this seed (as the log prints it)")
    parser.add_argument("--lookups", type=int, default=5, help="exact queries looked up per iteration")
    parser.add_argument("--workdir", default="/tmp", help="where each iteration's fresh folder is made (and deleted)")
    parser.add_argument("--log", default="crash-test.jsonl", help="one JSON line per iteration")
    parser.add_argument("--calibration", default=None, help="reuse a calibration saved by an earlier run (JSON) instead of a complete import first")
    parser.add_argument("--sqlite", default=shutil.which("sqlite3") or "sqlite3", help="the sqlite3 command-line tool")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds an import may run before the test gives up on it")
    parser.add_argument("--stop-after", type=float, default=None, metavar="SECONDS", help="start no iteration after this many seconds of wall time (the summary then says how many ran)")
    parser.add_argument("--keep-failed", action="store_true", help="keep the folder of a failed iteration (up to ~1.5 GB each)")
    args = parser.parse_args()

    args.binary = os.path.abspath(args.binary)
    args.tmx = os.path.abspath(args.tmx)
    if args.tsv is None:
        args.tsv = re.sub(r"\.tmx$", ".tsv", args.tmx)
    for path in [args.binary, args.tmx, args.queries, args.tsv]:
        if not os.path.exists(path):
            sys.exit(f"{path}: no such file")
    if shutil.which(args.sqlite) is None and not os.path.exists(args.sqlite):
        sys.exit("sqlite3 is missing (apt-get install sqlite3)")

    exact_queries = load_queries(args.queries, args.tsv)
    wall = time.monotonic()
    logfile = open(args.log, "a", encoding="utf-8")
    command = " ".join([sys.argv[0]] + sys.argv[1:])
    binary_sha256 = sha256(args.binary)
    log(f"command: {command}")
    log(f"binary: {args.binary}, sha256 {binary_sha256}")
    logfile.write(json.dumps({"command": command, "binary": args.binary, "sha256": binary_sha256}) + "\n")

    if args.calibration and os.path.exists(args.calibration):
        with open(args.calibration, encoding="utf-8") as f:
            calibration = json.load(f)
        if calibration.get("sha256") not in (None, binary_sha256):
            sys.exit(f"{args.calibration} was made with another binary (sha256 {calibration['sha256']})")
        log(f"calibration from {args.calibration}: {calibration['marks']}")
    else:
        log("calibration: one complete import")
        calibration = calibrate(args, exact_queries)
        calibration["sha256"] = binary_sha256
        logfile.write(json.dumps({"calibration": calibration}, ensure_ascii=False) + "\n")
        logfile.flush()
        log(f"calibration: marks {calibration['marks']}, counts {calibration['counts']}, control failures {calibration['control']['failures']}")
        if args.calibration:
            with open(args.calibration, "w", encoding="utf-8") as f:
                json.dump(calibration, f, ensure_ascii=False, indent=1)

    seeds = [args.replay] if args.replay is not None else [args.seed * 100000 + i for i in range(args.iterations)]
    phases = {p: 0 for p in PHASES}
    states = {}
    failed = []
    for number, iteration_seed in enumerate(seeds, 1):
        if args.stop_after is not None and time.monotonic() - wall > args.stop_after:
            log(f"--stop-after {args.stop_after:g} s reached: {number - 1} of {len(seeds)} iterations ran")
            seeds = seeds[:number - 1]
            break
        result = iteration(args, iteration_seed, calibration, exact_queries)
        result["iteration"] = number
        # A binary replaced during the run (a rebuild, another user of the
        # same path) makes the iteration's result meaningless: stop.
        if sha256(args.binary) != binary_sha256:
            result["failures"].append(f"{args.binary} changed during the iteration (sha256 {sha256(args.binary)})")
            logfile.write(json.dumps(result, ensure_ascii=False) + "\n")
            log(f"{args.binary} was replaced during iteration {number}: stopping; use a private copy")
            seeds = seeds[:number]
            failed.append(result)
            break
        logfile.write(json.dumps(result, ensure_ascii=False) + "\n")
        logfile.flush()
        phase = result.get("phase", "?")
        phases[phase] = phases.get(phase, 0) + 1
        key = f"{phase}/{result.get('state', '?')}"
        states[key] = states.get(key, 0) + 1
        status = "ok" if not result["failures"] else "FAILED: " + "; ".join(result["failures"])
        log(f"{number}/{len(seeds)} seed {iteration_seed} mode {result['mode']} killed at {result.get('killed_at')} s "
            f"in {phase}: {result.get('state')}, index {result.get('index')}, {status}")
        if result["failures"]:
            failed.append(result)

    summary = {"summary": {"iterations": len(seeds), "phases": phases, "phase/state": states,
                           "failed": len(failed), "failed_seeds": [r["seed"] for r in failed],
                           "wall_seconds": round(time.monotonic() - wall), "command": command}}
    logfile.write(json.dumps(summary, ensure_ascii=False) + "\n")
    logfile.close()
    log(json.dumps(summary["summary"]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
