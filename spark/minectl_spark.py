#!/usr/bin/env python3
"""Runs the `minectl themes` job on Apache Spark, with `minectl` doing all the work inside each Spark task.

Two passes over the same list of parts (docs/spark.md):
  1. every part runs `minectl partial vocabulary`; the driver merges the partials (`minectl partial
     merge-vocabulary`) and fits the model (`minectl fit`);
  2. every part runs `minectl assign` with the model and vocabulary shipped to the executors; the driver merges
     the assign partials into the report (`minectl partial merge-report`) and, with --assignments, concatenates
     the per-part assignment files in part order.

Parts: local inputs (plain paths, file:// URLs) are split into byte ranges of about total/--partitions bytes
(splittable files only, see is_splittable); remote inputs (hdfs://, s3a://, gs://, ...) are read with
sc.textFile and each Spark partition's lines are piped into minectl's standard input. Part indexes run
0, 1, 2, ... over all parts of all inputs in input order.

    python spark/minectl_spark.py corpus.jsonl --master 'local[2]' --partitions 7 --k 20 --seed 0 \\
        --format json --out report.json
    spark-submit spark/minectl_spark.py --minectl .build/release/minectl hdfs:///corpus/ --format json --out r.json
"""
import argparse
import math
import json
import os
import resource
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import uuid

PROG = "minectl-spark"
# Only JSONL can be split into byte ranges (minectl refuses the others): a `lines` document's id is its line number,
# which a part cannot know, and the other formats have records spanning lines. So a local input is split when its
# extension is .jsonl or .ndjson (or --input-format jsonl) and it is not gzip (magic bytes); every other file is
# one whole-file part.
SPLITTABLE_EXTENSIONS = {".jsonl", ".ndjson"}
REMOTE_SCHEMES_NOTE = "any URL scheme other than file:// (hdfs, s3, s3a, gs, abfs, wasbs, ...)"
ERROR_BEGIN, ERROR_END = "<<<minectl-task-error>>>", "<<<end-minectl-task-error>>>"
STDERR_FORWARD_LIMIT = 4000
INSTALL_HINT = (
    "minectl could not start on a Spark executor. The binary needs the ICU runtime (Debian 12: apt-get install "
    "libicu72; other distributions: their libicu runtime package) plus the zlib, OpenSSL libcrypto and SQLite "
    "runtime libraries (zlib1g, libssl3, libsqlite3-0) on every executor host, and should be built with "
    "`swift build -c release --static-swift-stdlib` so the Swift runtime is inside it; check with "
    "`ldd .build/release/minectl` that nothing is 'not found'.")


class DriverError(Exception):
    """A failure the driver reports as one message (and exit status) instead of a traceback."""

    def __init__(self, message, status=1):
        super().__init__(message)
        self.status = status


# ---------------------------------------------------------------------------------------------------- parts


class Part:
    """One unit of work: a byte range of a local file, or one Spark partition of a remote (textFile) input."""

    __slots__ = ("index", "path", "offset", "length", "remote_partition", "quota")

    def __init__(self, index, path, offset=None, length=None, remote_partition=None):
        self.index, self.path, self.offset, self.length = index, path, offset, length
        self.remote_partition = remote_partition
        self.quota = None  # at most this many fit-sample candidates (pass 1), or None

    def describe(self):
        if self.offset is None:
            return "%s (Spark partition %d)" % (self.path, self.remote_partition)
        return "%s bytes [%d, %d)" % (self.path, self.offset, self.offset + self.length)

    def __repr__(self):
        return "Part(%d, %r, %r, %r, %r)" % (self.index, self.path, self.offset, self.length, self.remote_partition)

    def __eq__(self, other):
        return isinstance(other, Part) and all(getattr(self, s) == getattr(other, s) for s in self.__slots__)


def is_remote(arg):
    """True for a URL with a scheme other than file:// (those are read through Spark's textFile)."""
    scheme, sep, _ = arg.partition("://")
    return bool(sep) and scheme.lower() != "file" and scheme.isalnum()


def local_path(arg):
    if arg.lower().startswith("file://"):
        return arg[len("file://"):]
    return arg


def expand_local(arg):
    """The files of one local input: itself, or a directory's files recursively in sorted order, hidden files and
    directories (name starting with '.') skipped."""
    path = local_path(arg)
    if os.path.isdir(path):
        files = []
        for root, dirs, names in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            files.extend(os.path.join(root, n) for n in sorted(names) if not n.startswith("."))
        # os.walk visits a directory's files before its subdirectories; sort the full paths so the order is the
        # one minectl uses (sorted, recursive) whatever the walk order.
        return sorted(files, key=lambda p: os.path.relpath(p, path).split(os.sep))
    if not os.path.exists(path):
        raise DriverError("%s: no such file or directory" % arg, 66)
    return [path]


def is_gzip(path):
    with open(path, "rb") as f:
        return f.read(2) == b"\x1f\x8b"


def is_splittable(path, input_format=None):
    """Whether a local file may be split into byte ranges: JSONL (by extension, or --input-format jsonl) and not
    gzip (magic bytes)."""
    if input_format is not None and input_format != "jsonl":
        return False
    if input_format is None and os.path.splitext(path)[1].lower() not in SPLITTABLE_EXTENSIONS:
        return False
    return not is_gzip(path)


def byte_ranges(size, target):
    """Contiguous ranges covering [0, size): about size/target of them (at least one, none empty unless the file
    is), their lengths differing by at most one byte."""
    count = max(1, int(round(size / float(target)))) if target > 0 else 1
    count = min(count, max(1, size))
    bounds = [size * i // count for i in range(count + 1)]
    return [(bounds[i], bounds[i + 1] - bounds[i]) for i in range(count)]


def plan_parts(inputs, partitions, input_format=None, remote_partitions=None, remote=is_remote):
    """The part list both passes use, with indexes 0..n-1 in input order and offset order within a file.

    Local inputs are expanded (directories recursively) and each splittable file is cut into byte ranges of about
    (bytes of all splittable local files) / partitions, at least one per file; other files are one range.
    remote(arg) says which inputs go through textFile; remote_partitions(arg, base) is the number of Spark partitions
    of such an input whose first part gets index base; each partition becomes one part."""
    files = {arg: expand_local(arg) for arg in inputs if not remote(arg)}
    sized = {}
    for paths in files.values():
        for path in paths:
            sized[path] = (os.path.getsize(path), is_splittable(path, input_format))
    splittable_bytes = sum(size for size, split in sized.values() if split)
    target = splittable_bytes / float(max(1, partitions))
    parts = []
    for arg in inputs:
        if remote(arg):
            for p in range(remote_partitions(arg, len(parts))):
                parts.append(Part(len(parts), arg, remote_partition=p))
            continue
        for path in files[arg]:
            size, split = sized[path]
            for offset, length in (byte_ranges(size, target) if split else [(0, size)]):
                parts.append(Part(len(parts), path, offset, length))
    return parts


# ---------------------------------------------------------------------------------------------------- tasks
# Everything below runs on the executors; it must not touch the SparkContext.


def _minectl_env():
    """The explicit environment minectl runs with on an executor: the essentials of the worker's environment, not
    Spark's and PySpark's variables."""
    env = {}
    for name in ("PATH", "HOME", "TMPDIR", "LD_LIBRARY_PATH", "TZ", "LANG", "LC_ALL", "NO_COLOR"):
        if name in os.environ:
            env[name] = os.environ[name]
    env.setdefault("PATH", "/usr/local/bin:/usr/bin:/bin")
    env.setdefault("LANG", "C.UTF-8")
    return env


def _resolve_shipped(name):
    """The executor-local path of a file shipped with sc.addFile."""
    from pyspark import SparkFiles
    return SparkFiles.get(name)


def _executable(binary_name):
    path = _resolve_shipped(binary_name)
    mode = os.stat(path).st_mode
    if not mode & stat.S_IXUSR:
        try:
            os.chmod(path, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        except OSError:
            pass
    return path


def _task_error(text):
    return RuntimeError(ERROR_BEGIN + text + ERROR_END)


def _run_minectl(argv, what, stdin_bytes=None):
    """Runs minectl; returns (stdout_text, stderr_text, stats). Raises with minectl's stderr on failure."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    try:
        done = subprocess.run(argv, input=stdin_bytes, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=_minectl_env(), check=False)
    except OSError as e:
        raise _task_error("%s: cannot run %s: %s" % (what, argv[0], e))
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    stderr = done.stderr.decode("utf-8", "replace")
    if done.returncode != 0:
        reason = ("killed by signal %d" % -done.returncode) if done.returncode < 0 else "exit %d" % done.returncode
        raise _task_error("minectl failed on %s (%s):\n%s" % (what, reason, stderr.strip() or "(no message)"))
    stats = {"wall": wall, "user": after.ru_utime - before.ru_utime, "sys": after.ru_stime - before.ru_stime,
             "maxrss_kib": after.ru_maxrss}
    return done.stdout.decode("utf-8"), stderr, stats


def _option_args(options, shipped):
    """Analysis options for an executor: shipped files (--stopwords, --lexicon) resolved to their local copies."""
    out = []
    for arg in options:
        out.append(_resolve_shipped(shipped[arg]) if arg in shipped else arg)
    return out


def version_task(binary_name):
    """The start-up check: `minectl --version` on an executor."""
    import socket
    try:
        path = _executable(binary_name)
    except Exception as e:  # noqa: BLE001 - reported to the driver as text
        raise _task_error("cannot find the shipped binary %s: %s" % (binary_name, e))
    out, _, _ = _run_minectl([path, "--version"], "the start-up check (%s --version)" % binary_name)
    return socket.gethostname(), out.strip()


def local_part_task(parts, binary_name, command, options, shipped, model_files, outputs):
    """mapPartitions over byte-range parts: yields (part_index, partial_text, {output flag: bytes}, stats, stderr)."""
    path = _executable(binary_name)
    for part in parts:
        where = ["--input", part.path, "--offset", str(part.offset), "--length", str(part.length)]
        quota = part.quota
        if command == "vocabulary" and quota and not model_files:  # not on a rerun: that one sends everything
            where += ["--sample-quota", str(quota)]
        yield _run_part(path, command, part.index, where, options, shipped, model_files, outputs,
                        part.describe(), None)


def remote_part_task(base, source, binary_name, command, options, shipped, model_files, outputs, only=None):
    """mapPartitionsWithIndex over textFile partitions: pipes the partition's lines into minectl's stdin."""
    def run(index, lines):
        data = "".join(line + "\n" for line in lines).encode("utf-8")
        path = _executable(binary_name)
        if only is not None and base + index not in only:
            return
        # --offset is the piece's position in its source: 0 marks the piece that starts the file.
        yield _run_part(path, command, base + index, ["--source", source, "--offset", str(index)], options, shipped,
                        model_files, outputs, "%s (Spark partition %d)" % (source, index), data)
    return run


def _run_part(path, command, index, where, options, shipped, model_files, outputs, what, stdin_bytes):
    """Runs minectl on one part; `outputs` lists the extra files asked of `assign` (--assignments-out,
    --rows-out), returned as {flag: bytes}."""
    argv = [path]
    files = {}
    if command == "vocabulary":
        argv += ["partial", "vocabulary", "--part-index", str(index)] + where + _option_args(options, shipped)
        if model_files:  # a rerun after merge-vocabulary found ids repeated across parts
            argv += ["--vocabulary", _resolve_shipped(model_files[0])]
    else:
        model, vocabulary = (_resolve_shipped(n) for n in model_files)
        argv += ["assign", "--model", model, "--vocabulary", vocabulary, "--part-index", str(index)] + where
        if "--strict" in options:
            argv.append("--strict")
        for flag in outputs or ():
            fd, files[flag] = tempfile.mkstemp(prefix="minectl-%s-%d-" % (flag.strip("-"), index), suffix=".jsonl")
            os.close(fd)
            argv += [flag, files[flag]]
    written = {}
    try:
        partial, stderr, stats = _run_minectl(argv, "part %d, %s" % (index, what), stdin_bytes)
        for flag, name in files.items():
            with open(name, "rb") as f:
                written[flag] = f.read()
    finally:
        for name in files.values():
            if os.path.exists(name):
                os.unlink(name)
    if not partial.strip():
        raise _task_error("minectl printed no partial for part %d, %s" % (index, what))
    return index, partial, written, stats, stderr[-STDERR_FORWARD_LIMIT:]


# ---------------------------------------------------------------------------------------------------- driver


def log(message):
    sys.stderr.write("%s: %s\n" % (PROG, message))
    sys.stderr.flush()


def task_error_text(exc):
    """minectl's message out of a failed Spark job (the task exception travels inside the Java exception)."""
    text = str(exc)
    begin = text.find(ERROR_BEGIN)
    if begin < 0:
        return None
    end = text.find(ERROR_END, begin)
    return text[begin + len(ERROR_BEGIN):end if end >= 0 else None]


def default_minectl():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    built = os.path.join(repo, ".build", "release", "minectl")
    if os.path.isfile(built) and os.access(built, os.X_OK):
        return built
    return shutil.which("minectl")


def run_driver_minectl(minectl, argv, what, capture=False):
    started = time.monotonic()
    try:
        done = subprocess.run([minectl] + argv, stdout=subprocess.PIPE if capture else None,
                              stderr=subprocess.PIPE, check=False)
    except OSError as e:
        raise DriverError("cannot run %s for %s: %s" % (minectl, what, e))
    stderr = done.stderr.decode("utf-8", "replace")
    if done.returncode != 0:
        raise DriverError("minectl failed on the driver (%s, exit %d):\n%s" % (what, done.returncode, stderr.strip()),
                          done.returncode if done.returncode > 0 else 1)
    if stderr.strip():
        sys.stderr.write(stderr)
    return (done.stdout.decode("utf-8") if capture else None), time.monotonic() - started


def build_parser():
    p = argparse.ArgumentParser(prog="minectl_spark.py", description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="files, directories (recursive, sorted, hidden files skipped), file:// or remote URLs")
    g = p.add_argument_group("themes (as minectl themes)")
    g.add_argument("--k", default="auto", help="number of themes or auto (default auto)")
    g.add_argument("--min-k")
    g.add_argument("--max-k")
    g.add_argument("--k-criterion")
    g.add_argument("--seed", default="0")
    g.add_argument("--restarts")
    g.add_argument("--format", default="table", choices=["table", "json", "csv", "markdown", "html"])
    g.add_argument("--out", help="report file (default: standard output)")
    g.add_argument("--top")
    g.add_argument("--db", metavar="FILE", help="record the run in this SQLite run history (as minectl themes --db)")
    g.add_argument("--run-label", help="with --db, the run's label (re-running a label replaces that run)")
    g.add_argument("--trend-runs", type=int, default=7, help="with --db, how many runs the trend column compares")
    g.add_argument("--assignments", metavar="FILE",
                   help="write every transcript's theme as JSONL (the parts' files concatenated in part order)")
    a = p.add_argument_group("analysis options (passed to minectl partial vocabulary)")
    a.add_argument("--role", choices=["customer"], help="partitioned runs analyse the customer's turns")
    a.add_argument("--fit-sample")
    a.add_argument("--since")
    a.add_argument("--until")
    a.add_argument("--channel", action="append", default=[])
    a.add_argument("--stopwords", metavar="FILE", help="shipped to the executors with sc.addFile")
    a.add_argument("--lexicon", metavar="FILE", help="shipped to the executors with sc.addFile")
    a.add_argument("--no-redact", action="store_true")
    a.add_argument("--keep-private-notes", action="store_true")
    a.add_argument("--input-format")
    a.add_argument("--strict", action="store_true")
    s = p.add_argument_group("Spark")
    s.add_argument("--partitions", type=int,
                   help="target number of byte-range parts over all splittable local inputs "
                        "(default: Spark's default parallelism)")
    s.add_argument("--master", help="Spark master (default local[*]; ignored when spark-submit set one)")
    s.add_argument("--minectl", help="the minectl binary to ship (default: .build/release/minectl of this "
                                     "repository, else minectl on PATH)")
    s.add_argument("--work-dir", help="where partials, vocabulary and model go (default: a temporary directory, "
                                      "removed unless --keep-work)")
    s.add_argument("--keep-work", action="store_true")
    s.add_argument("--no-input-hash", action="store_true",
                   help="do not hash split local inputs on the driver for the report's fingerprints (sha256 null): "
                        "hashing reads every byte again, about 1.5 s per GB")
    s.add_argument("--force-stdin", action="store_true", help=argparse.SUPPRESS)  # local inputs via textFile
    return p


def analysis_options(args):
    """The analysis options as minectl arguments, and {argument: shipped basename} for the files among them."""
    opts, files = [], {}
    for name in ("role", "fit_sample", "since", "until"):
        value = getattr(args, name)
        if value is not None:
            opts += ["--" + name.replace("_", "-"), value]
    for channel in args.channel:
        opts += ["--channel", channel]
    for name in ("stopwords", "lexicon"):
        value = getattr(args, name)
        if value is not None:
            path = os.path.abspath(local_path(value))
            if not os.path.isfile(path):
                raise DriverError("--%s %s: no such file" % (name, value), 66)
            opts += ["--" + name, path]
            files[path] = os.path.basename(path)
    for name in ("no_redact", "keep_private_notes", "strict"):
        if getattr(args, name):
            opts.append("--" + name.replace("_", "-"))
    if args.input_format is not None:
        opts += ["--input-format", args.input_format]
    return opts, files


def create_context(args):
    if "PYSPARK_GATEWAY_PORT" not in os.environ and (args.master or "local").startswith("local"):
        # Plain `python minectl_spark.py` with a local master: the JVM starts below; keep it on the loopback
        # interface (no "hostname resolves to a loopback address" warning, nothing listening outside).
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark import SparkConf, SparkContext
    if SparkContext._active_spark_context is not None:
        return SparkContext._active_spark_context, False
    conf = SparkConf().setAppName("minectl themes")
    if conf.contains("spark.master"):
        if args.master and args.master != conf.get("spark.master"):
            log("--master %s ignored: spark-submit set the master to %s" % (args.master, conf.get("spark.master")))
    else:
        conf.setMaster(args.master or "local[*]")
    master = conf.get("spark.master")
    if master.startswith("local"):
        for key, value in (("spark.driver.host", "127.0.0.1"), ("spark.driver.bindAddress", "127.0.0.1"),
                           ("spark.ui.enabled", "false")):
            if not conf.contains(key):
                conf.set(key, value)
        # Executors on this machine run the driver's interpreter (Spark's default is `python3` on PATH).
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    if not conf.contains("spark.ui.showConsoleProgress"):
        conf.set("spark.ui.showConsoleProgress", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("WARN")
    if master.startswith("local"):
        # In local mode the executor logs each failed task's whole Java and Python stack to this console; the
        # driver prints minectl's message itself, so keep those loggers to the one-line "aborting job" error.
        try:
            log4j = sc._jvm.org.apache.logging.log4j
            configurator = log4j.core.config.Configurator
            configurator.setLevel("org.apache.spark.executor.Executor", log4j.Level.FATAL)
            configurator.setLevel("org.apache.spark.scheduler.TaskSetManager", log4j.Level.ERROR)
        except Exception:  # noqa: BLE001 - only cosmetics
            pass
    return sc, True


def run_job(args, sc):
    """Both passes and the driver-side merges on an existing SparkContext. Returns a dict of figures."""
    figures = {}
    t_start = time.monotonic()
    minectl = args.minectl or default_minectl()
    if not minectl:
        raise DriverError("no minectl binary: build it (swift build -c release --static-swift-stdlib) or pass "
                          "--minectl PATH", 66)
    minectl = os.path.abspath(local_path(minectl))
    if not os.path.isfile(minectl):
        raise DriverError("--minectl %s: no such file" % minectl, 66)
    binary_name = os.path.basename(minectl)
    options, option_files = analysis_options(args)

    # The driver runs the merges itself, so the binary must work here too.
    try:
        version, _ = run_driver_minectl(minectl, ["--version"], "the start-up check", capture=True)
    except DriverError as e:
        raise DriverError("%s\n%s" % (e, INSTALL_HINT), e.status)

    work = args.work_dir or tempfile.mkdtemp(prefix="minectl-spark-")
    os.makedirs(work, exist_ok=True)
    figures["work_dir"] = work
    try:
        # Small files are shipped under a per-run name: Spark refuses a second file of the same name in one
        # context (the tests run several jobs in one).
        run_id = uuid.uuid4().hex[:8]
        shipping = os.path.join(work, "shipped")
        os.makedirs(shipping, exist_ok=True)

        def ship(path, name):
            copy = os.path.join(shipping, "%s-%s" % (run_id, name))
            shutil.copyfile(path, copy)
            sc.addFile(copy)
            return os.path.basename(copy)

        added = sc.__dict__.setdefault("_minectl_spark_added", set())  # Spark warns about adding a path twice
        if __name__ != "__main__" and os.path.abspath(__file__) not in added:
            sc.addPyFile(os.path.abspath(__file__))  # the task functions, when imported as a module
            added.add(os.path.abspath(__file__))
        if minectl not in added:
            sc.addFile(minectl)
            added.add(minectl)
        shipped = {path: ship(path, name) for path, name in option_files.items()}

        # Start-up check on the executors.
        t = time.monotonic()
        n = max(1, sc.defaultParallelism)
        try:
            hosts = sc.parallelize(range(n), n).map(lambda _: version_task(binary_name)).distinct().collect()
        except Exception as e:  # noqa: BLE001 - Py4J/Spark wrap the task's exception
            message = task_error_text(e) or str(e).splitlines()[0]
            raise DriverError("the start-up check failed: %s\n%s" % (message.strip(), INSTALL_HINT), 69)
        figures["check_s"] = time.monotonic() - t
        log("%s on the driver; executors: %s (check %.2f s)" % (
            version.strip(), ", ".join(sorted("%s: %s" % h for h in hosts)), figures["check_s"]))

        # The part list, shared by both passes.
        partitions = args.partitions or sc.defaultParallelism
        inputs = list(args.inputs)
        if args.force_stdin:  # local inputs through textFile and stdin, as remote ones go (for the tests)
            inputs = [a if is_remote(a) or a.startswith("file://") else "file://" + os.path.abspath(a)
                      for a in inputs]
            remote = lambda a: True  # noqa: E731
        else:
            remote = is_remote
        text_rdds = []  # (input, index of its first part, RDD of its lines)

        def open_text(arg, base):
            rdd = sc.textFile(arg, minPartitions=max(1, partitions // len(inputs)))
            text_rdds.append((arg, base, rdd))
            return rdd.getNumPartitions()

        parts = plan_parts(inputs, partitions, args.input_format, open_text, remote)
        if not parts:
            raise DriverError("no input files", 66)
        local_parts = [p for p in parts if p.offset is not None]
        # Each byte-range part sends about twice its share of the fit sample (merge-vocabulary asks a
        # part again in the rare case that was too few), so partials stay small however many parts.
        limit = 20000 if args.fit_sample is None else int(args.fit_sample)
        total_bytes = sum(p.length for p in local_parts)
        if limit > 0 and total_bytes > 0 and len(local_parts) > 1:
            for p in local_parts:
                p.quota = min(limit, int(math.ceil(2.0 * limit * p.length / total_bytes)) + 100)
        log("%d parts: %d byte ranges over %d local files, %d partitions of %d remote inputs" % (
            len(parts), len(local_parts), len({p.path for p in local_parts}), len(parts) - len(local_parts),
            len(text_rdds)))
        figures["parts"] = len(parts)

        def pass_rdd(command, model_files=None, outputs=(), only=None):
            rdds = []
            chosen = [p for p in local_parts if only is None or p.index in only]
            if chosen:
                rdds.append(sc.parallelize(chosen, len(chosen)).mapPartitions(
                    lambda it: local_part_task(it, binary_name, command, options, shipped, model_files,
                                               outputs)))
            for arg, base, rdd in text_rdds:
                rdds.append(rdd.mapPartitionsWithIndex(remote_part_task(
                    base, arg, binary_name, command, options, shipped, model_files, outputs, only)))
            return rdds[0] if len(rdds) == 1 else sc.union(rdds)

        def run_pass(name, rdd, expected=None):
            t = time.monotonic()
            try:
                results = rdd.collect()
            except Exception as e:  # noqa: BLE001
                message = task_error_text(e)
                if message is None:
                    raise
                raise DriverError("the %s pass failed: %s" % (name, message.strip()), 65)
            elapsed = time.monotonic() - t
            results.sort(key=lambda r: r[0])
            expected = [p.index for p in parts] if expected is None else expected
            if [r[0] for r in results] != expected:
                raise DriverError("the %s pass returned parts %s, expected %s" % (
                    name, [r[0] for r in results], expected))
            user = sum(r[3]["user"] for r in results)
            system = sum(r[3]["sys"] for r in results)
            wall = sum(r[3]["wall"] for r in results)
            for r in results:
                if r[4].strip():
                    sys.stderr.write("[part %d] %s" % (r[0], r[4] if r[4].endswith("\n") else r[4] + "\n"))
            log("pass %s: %d parts in %.2f s; minectl %.2f s wall, %.2f s user + %.2f s sys CPU over all parts" % (
                name, len(results), elapsed, wall, user, system))
            figures["%s_s" % name] = elapsed
            figures["%s_cpu_s" % name] = user + system
            figures["%s_task_wall_s" % name] = wall
            return results

        def write_partials(directory, results):
            os.makedirs(directory, exist_ok=True)
            paths = []
            for r in results:
                path = os.path.join(directory, "part-%05d.json" % r[0])
                with open(path, "w", encoding="utf-8") as f:
                    f.write(r[1])
                paths.append(path)
            return paths

        # Pass 1: vocabulary partials, merged and fitted on the driver.
        vocab_partials = write_partials(os.path.join(work, "vocabulary-partials"),
                                        run_pass("vocabulary", pass_rdd("vocabulary")))
        vocabulary = os.path.join(work, "vocabulary.json")
        _, elapsed = run_driver_minectl(minectl, ["partial", "merge-vocabulary"] + vocab_partials
                                        + ["--out", vocabulary], "merge-vocabulary")
        log("merge-vocabulary %.2f s" % elapsed)
        with open(vocabulary, encoding="utf-8") as f:
            rerun = json.load(f).get("rerunParts", [])
        if rerun:
            # Ids read by more than one part: the later parts are counted again, rejecting the copies as one run
            # over the whole input would, and merged again (exact; rare).
            first = ship(vocabulary, "vocabulary-first.json")
            redone = run_pass("vocabulary-rerun", pass_rdd("vocabulary", (first,), only=set(rerun)), expected=rerun)
            write_partials(os.path.join(work, "vocabulary-partials"), redone)
            _, elapsed = run_driver_minectl(minectl, ["partial", "merge-vocabulary"] + vocab_partials
                                            + ["--out", vocabulary], "merge-vocabulary")
            log("parts %s read ids that earlier parts have: counted again, merge-vocabulary %.2f s" % (rerun, elapsed))
        model = os.path.join(work, "model.json")
        fit = ["fit", "--vocabulary", vocabulary, "--k", str(args.k), "--seed", str(args.seed)]
        if args.restarts is not None:
            fit += ["--restarts", str(args.restarts)]
        if args.min_k is not None:
            fit += ["--min-k", str(args.min_k)]
        if args.max_k is not None:
            fit += ["--max-k", str(args.max_k)]
        if args.k_criterion is not None:
            fit += ["--k-criterion", args.k_criterion]
        _, elapsed = run_driver_minectl(minectl, fit + ["--out", model], "fit")
        log("fit %.2f s" % elapsed)
        figures["fit_s"] = elapsed

        # Pass 2: assign with the model and vocabulary shipped to the executors.
        shipped_model = (ship(model, "model.json"), ship(vocabulary, "vocabulary.json"))
        outputs = (("--assignments-out",) if args.assignments is not None else ()) + (("--rows-out",) if args.db else ())
        assigned = run_pass("assign", pass_rdd("assign", shipped_model, outputs))
        assign_partials = write_partials(os.path.join(work, "assign-partials"), assigned)
        if args.assignments is not None:
            directory = os.path.join(work, "assignments")
            os.makedirs(directory, exist_ok=True)
            for r in assigned:
                with open(os.path.join(directory, "part-%05d.jsonl" % r[0]), "wb") as f:
                    f.write(r[2].get("--assignments-out", b""))
            target = os.path.abspath(args.assignments)
            fd, tmp = tempfile.mkstemp(dir=os.path.dirname(target), prefix=".tmp-assignments-")
            with os.fdopen(fd, "wb") as f:
                for r in assigned:
                    f.write(r[2].get("--assignments-out", b""))
            os.replace(tmp, target)
        rows = []
        if args.db:
            directory = os.path.join(work, "rows")
            os.makedirs(directory, exist_ok=True)
            for r in assigned:
                rows.append(os.path.join(directory, "part-%05d.jsonl" % r[0]))
                with open(rows[-1], "wb") as f:
                    f.write(r[2].get("--rows-out", b""))
        report = ["partial", "merge-report", "--model", model] + assign_partials + ["--format", args.format]
        if args.out is not None:
            report += ["--out", args.out]
        if args.top is not None:
            report += ["--top", str(args.top)]
        if args.no_input_hash:
            report.append("--no-input-hash")
        if args.db:
            report += ["--db", os.path.abspath(args.db), "--trend-runs", str(args.trend_runs)]
            report += [a for path in rows for a in ("--rows", path)]
            if args.run_label is not None:
                report += ["--run-label", args.run_label]
        sys.stdout.flush()
        _, elapsed = run_driver_minectl(minectl, report, "merge-report")
        log("merge-report %.2f s; total %.2f s" % (elapsed, time.monotonic() - t_start))
        figures["total_s"] = time.monotonic() - t_start
        return figures
    finally:
        if not args.keep_work and not args.work_dir:
            shutil.rmtree(work, ignore_errors=True)
        elif args.keep_work or args.work_dir:
            log("work directory kept: %s" % work)


def main(argv=None):
    args = build_parser().parse_args(argv)
    if args.partitions is not None and args.partitions < 1:
        build_parser().error("--partitions must be at least 1")
    started = time.monotonic()
    sc, owned = None, False
    try:
        try:
            import pyspark  # noqa: F401
        except ImportError:
            raise DriverError("pyspark is not installed: run spark/setup-venv.sh and use spark/.venv/bin/python", 69)
        sc, owned = create_context(args)
        log("Spark %s, master %s, default parallelism %d (started in %.1f s)" % (
            sc.version, sc.master, sc.defaultParallelism, time.monotonic() - started))
        run_job(args, sc)
        return 0
    except DriverError as e:
        log("error: %s" % e)
        return e.status
    finally:
        if sc is not None and owned:
            sc.stop()


if __name__ == "__main__":
    sys.exit(main())
