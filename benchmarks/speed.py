"""Throughput and memory of a whole audit on synthetic corpora, against the bare model.

    python benchmarks/speed.py                 # N = 100, 1,000, 5,000 articles
    python benchmarks/speed.py --sizes 100 1000
    python benchmarks/speed.py --quick         # N = 100 only
    python benchmarks/speed.py --quick --embedding-backend onnx   # torch (default), onnx, onnx-int8
    python benchmarks/speed.py --model-free --sizes 5000   # whole audit, model replaced by hashing
    python benchmarks/speed.py --cold-only --sizes 5000    # the cold audit alone, real model: its memory
    python benchmarks/speed.py --model-free --sizes 1000 --tracemalloc   # and what holds the memory
    python benchmarks/speed.py --cold-only --sizes 1000 --rss-trace DIR  # where in time RSS peaks, and in what

Each corpus is built from the fixture articles' sentences, shuffled and perturbed (numbers,
weekdays and months changed, words dropped or swapped), so nearly every sentence is new text
that the embedding cache has not seen. For each size:

- cold audit: a fresh embedding cache; wall time, sentences/second, per stage and per rule,
  peak resident memory after each stage;
- bare encode: `model.encode` of the same unique sentences (batch 64), the physical limit;
  ratio = audit throughput / encode throughput (target >= 0.9: everything but the model nearly free);
- warm audit: the same corpus again in a NEW PROCESS on the same caches (embeddings and the
  per-document work cache), so no in-process memo helps it (target >= 20x faster than cold); its
  time is that of `audit()` in that process, the interpreter's start-up is printed beside it.

The last line is machine-readable. Not a timed test: run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("AUDITOR_RAISE", "1")  # a check's bug ends the run here, not a faster audit

from auditor import audit
from auditor.checks.registry import REGISTRY, load_rules
from auditor.config import Config
from auditor.corpus import read_corpus
from auditor.embed import Encoder
from auditor.embed.backends import BACKEND_NAMES, EmbeddingBackend
from auditor.embed.encoder import DEFAULT_MODEL, default_cache_dir, default_model_path
from auditor.embed.onnx_export import onnx_file_path
from auditor.text import segment_document, segment_documents
from auditor.workcache import CACHE_FILE, WorkCache

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "afghanistan-2021"
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
OUTLETS = [f"Outlet {i}" for i in range(40)]


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB. VmHWM when Linux has it: ru_maxrss survives
    exec, so a child started by a big parent would report the parent's peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def fixture_sentences() -> list[str]:
    sentences: list[str] = []
    for doc in read_corpus([FIXTURES]).documents:
        sentences.extend(s.text for s in segment_document(doc).sentences if len(s.text.split()) >= 4)
    return sentences


def perturb(sentence: str, rng: random.Random) -> str:
    text = re.sub(r"\d+", lambda m: str(max(1, int(m.group().replace(",", "") or 1) + rng.randint(-9, 9))), sentence)
    text = re.sub("|".join(WEEKDAYS), lambda _m: rng.choice(WEEKDAYS), text)
    text = re.sub("|".join(MONTHS), lambda _m: rng.choice(MONTHS), text)
    words = text.split(" ")
    for _ in range(rng.randint(0, 2)):
        if len(words) > 6:
            i = rng.randrange(1, len(words) - 2)
            if rng.random() < 0.5:
                del words[i]
            else:
                words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words)


def build_corpus(directory: Path, articles: int, seed: int = 0) -> int:
    """Write `articles` synthetic articles; returns the number of body sentences written."""
    rng = random.Random(seed)
    pool = fixture_sentences()
    written = 0
    for n in range(articles):
        body = [perturb(s, rng) for s in rng.sample(pool, rng.randint(24, 36))]
        paragraphs = [" ".join(body[i : i + 2]) for i in range(0, len(body), 2)]
        published = f"2021-{rng.randint(6, 8):02d}-{rng.randint(1, 28):02d}"
        title = perturb(rng.choice(pool), rng).rstrip(".")
        text = f"---\noutlet: {rng.choice(OUTLETS)}\npublished: {published}\n---\n{title}\n\n" + "\n\n".join(paragraphs)
        (directory / f"{n:05d}.md").write_text(text + "\n", encoding="utf-8")
        written += len(body)
    return written


class StageClock:
    """Times the pipeline's stages (from its progress callback), each rule, and the encoder."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.last = self.started
        self.current = "start"
        self.stages: dict[str, float] = defaultdict(float)
        self.memory: dict[str, float] = {}
        self.rules: dict[str, float] = defaultdict(float)
        self.rule_memory: dict[str, float] = {}  # peak RSS after each rule: which one raised it
        self.encode_seconds = 0.0
        self.rule = ""  # the rule running now, if any (for RssSampler's tags)
        self.step = ""  # the traced function running now, if any (RssSampler.trace)

    @property
    def tag(self) -> str:
        """Where the audit is now: stage, rule and traced step, e.g. "analyzing/C001/_kmeans"."""
        return "/".join(part for part in (self.current, self.rule, self.step) if part)

    def stage(self, name: str) -> None:
        now = time.perf_counter()
        self.stages[self.current] += now - self.last
        self.memory[self.current] = peak_rss_mb()
        self.current, self.last = name, now

    def finish(self) -> float:
        self.stage("done")
        return time.perf_counter() - self.started

    def wrap_rules(self) -> Callable[[], None]:
        load_rules()
        originals = dict(REGISTRY)
        for rule_id, rule in originals.items():
            REGISTRY[rule_id] = replace(rule, check=self._timed_check(rule_id, rule.check))

        def restore() -> None:
            REGISTRY.update(originals)

        return restore

    def _timed_check(self, rule_id: str, check: Callable[..., Any]) -> Callable[..., Any]:
        # wraps: the timer stands for the rule's own check (its module, name and documentation),
        # so the work cache keeps its flags as it keeps the rule's; a kept rule does not run.
        @functools.wraps(check)
        def timed(ctx: Any) -> list[Any]:
            start = time.perf_counter()
            self.rule = rule_id
            try:
                return list(check(ctx))
            finally:
                self.rule = ""
                self.rules[rule_id] += time.perf_counter() - start
                self.rule_memory[rule_id] = peak_rss_mb()

        return timed

    def wrap_encoder(self, encoder: Encoder) -> None:
        """Time `encode` and `preload` (the audit's first pass over the corpus)."""
        original, original_preload = encoder.encode, encoder.preload

        def timed(texts: Any, progress: Any = None) -> Any:
            start = time.perf_counter()
            try:
                return original(texts, progress)
            finally:
                self.encode_seconds += time.perf_counter() - start

        def timed_preload(texts: Any) -> None:
            start = time.perf_counter()
            try:
                original_preload(texts)
            finally:
                self.encode_seconds += time.perf_counter() - start

        encoder.encode = timed  # type: ignore[method-assign]
        encoder.preload = timed_preload  # type: ignore[method-assign]


def current_rss_mb() -> tuple[float, float]:
    """Resident memory of this process now, in MB: (VmRSS, RssAnon), (0, 0) where /proc is missing.
    The rest of VmRSS is mapped files (libraries, the model's weights if mapped) and shared memory."""
    rss = anon = 0.0
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1]) / 1024
                elif line.startswith("RssAnon:"):
                    anon = int(line.split()[1]) / 1024
                    break
    except OSError:
        pass
    return rss, anon


# What --rss-trace tags besides stages and rules: (module, function), each patched while sampling.
TRACED_STEPS = [
    ("auditor.align.pairs", "sentence_table"),
    ("auditor.align.pairs", "_score_pairs"),
    ("auditor.align.pairs", "cross_group_neighbours"),
    ("auditor.embed.index", "_kmeans"),
    ("auditor.align", "build_clusters"),
    ("auditor.align.counterparts", "with_counterparts"),
    ("auditor.checks.scores", "document_garble_scores"),
    ("auditor.embed.encoder", "release_freed_memory"),
    ("auditor.pipeline", "release_freed_memory"),
]


class RssSampler:
    """A thread reading VmRSS every `interval` seconds, each sample tagged with `clock.tag` (stage,
    rule, traced step): where in time the peak happens and how big each step's transient is.

    `trace()` also tags the functions of TRACED_STEPS and the encoder's own calls ("encode")."""

    def __init__(self, clock: StageClock, interval: float = 0.1) -> None:
        import threading

        self.clock, self.interval = clock, interval
        self.samples: list[tuple[float, float, float, str]] = []  # (seconds since start, RSS, anon MB, tag)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._undo: list[Callable[[], None]] = []

    def _run(self) -> None:
        start = time.perf_counter()
        while not self._stop.is_set():
            self.samples.append((time.perf_counter() - start, *current_rss_mb(), self.clock.tag))
            self._stop.wait(self.interval)

    def trace(self, encoder: Any = None) -> None:
        import importlib

        for module_name, name in TRACED_STEPS:
            module = importlib.import_module(module_name)
            original = getattr(module, name)
            setattr(module, name, self._tagged(name, original))
            self._undo.append(functools.partial(setattr, module, name, original))
        if encoder is not None:
            for name in ("encode", "preload"):
                original = getattr(encoder, name)
                setattr(encoder, name, self._tagged(name, original))
                self._undo.append(functools.partial(setattr, encoder, name, original))

    def _tagged(self, step: str, function: Callable[..., Any]) -> Callable[..., Any]:
        clock = self.clock

        @functools.wraps(function)
        def tagged(*args: Any, **kwargs: Any) -> Any:
            outer, clock.step = clock.step, step if not clock.step else f"{clock.step}>{step}"
            try:
                return function(*args, **kwargs)
            finally:
                clock.step = outer

        return tagged

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()
        for undo in reversed(self._undo):
            undo()

    def report(self, path: Path | None = None, lines: int = 20) -> None:
        """The peak's moment and tag; per tag (in order of first appearance): RSS on entry, its max,
        on exit; the tags whose max rose most above their entry. `path`: every sample as TSV."""
        if not self.samples:
            return
        if path is not None:
            path.write_text("".join(f"{t:.2f}\t{rss:.1f}\t{anon:.1f}\t{tag}\n" for t, rss, anon, tag in self.samples))
        t_peak, rss_peak, anon_peak, tag_peak = max(self.samples, key=lambda sample: sample[1])
        print(
            f"  RSS sampled {len(self.samples)} times; peak {rss_peak:.0f} MB ({anon_peak:.0f} anonymous) "
            f"at {t_peak:.1f}s in {tag_peak}"
        )
        spans: dict[str, list[float]] = {}  # tag -> [entry RSS, max RSS, exit RSS, seconds]
        previous = self.samples[0][1]
        last_t = 0.0
        for t, rss, _anon, tag in self.samples:
            span = spans.setdefault(tag, [previous, rss, rss, 0.0])
            span[1], span[2], span[3] = max(span[1], rss), rss, span[3] + (t - last_t)
            previous, last_t = rss, t
        shown = sorted(spans.items(), key=lambda kv: -kv[1][1])[:lines]
        print("  tags by max RSS (entry -> max -> exit, seconds sampled):")
        for tag, (entry, top, exit_, seconds) in shown:
            print(f"    {top:7.0f} MB  {entry:7.0f} -> {top:7.0f} -> {exit_:7.0f}  {seconds:7.1f}s  {tag}")


def run_audit(corpus: Path, cache: Path, rss_trace: Path | None = None) -> tuple[float, StageClock, Encoder, Any]:
    """One audit, timed; `rss_trace`: sample RSS meanwhile (RssSampler), print where it peaked and
    write the samples there."""
    encoder = Encoder(cache_dir=cache, progress=False)
    clock = StageClock()
    clock.wrap_encoder(encoder)
    restore = clock.wrap_rules()
    sampler = RssSampler(clock) if rss_trace is not None else None
    try:
        if sampler is not None:
            sampler.trace(encoder)
            with sampler:
                report = audit([corpus], Config(cache_dir=str(cache)), encoder=encoder, progress=clock.stage)
        else:
            report = audit([corpus], Config(cache_dir=str(cache)), encoder=encoder, progress=clock.stage)
    finally:
        restore()
    seconds = clock.finish()
    if sampler is not None:
        sampler.report(rss_trace)
    return seconds, clock, encoder, report


def bare_encode(texts: list[str], cache: Path) -> float:
    """The reference: the model's own one-call encode of `texts`, batches of 64. With torch that is
    sentence-transformers' `encode` (one batch at a time on every core), not the audit's encoder,
    which runs batches side by side (`auditor.embed.parallel`)."""
    model = Encoder(cache_dir=cache, use_cache=False).model
    library = getattr(model, "sentence_transformer", None)
    start = time.perf_counter()
    if library is not None:
        library.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
    else:
        model.encode(texts, batch_size=64)
    return time.perf_counter() - start


QUICK_ENCODE_SAMPLE = 500  # a random quarter of the 100-article corpus's unique texts (see PERFORMANCE.md)


def audited_sentences(corpus: Path, cache: Path) -> list[str]:
    """Every sentence of the corpus as the audit just split it (read back from its work cache,
    so the corpus is not segmented a second time: ~2 minutes at 5,000 articles)."""
    work = WorkCache(cache / CACHE_FILE)
    documents = segment_documents(read_corpus([corpus], cache=work).documents, work)
    return [s.text for d in documents for s in d.sentences]


def place_onnx_file(backend: EmbeddingBackend, cache: Path) -> None:
    """Put the ONNX file the backend runs into this run's fresh cache. It is the model, not
    cached work: it is exported once into the user's cache directory (in a child process, so the
    torch the export needs never counts in this process's memory) and copied from there."""
    shared = Path(os.environ.get("AUDITOR_CACHE_DIR") or default_cache_dir())
    export = [sys.executable, "-c", "from auditor.cli import main; main()", "model", "export"]
    subprocess.run(
        [*export, "--quantization", backend.quantization],
        check=True,
        env={**os.environ, "AUDITOR_CACHE_DIR": str(shared), "PYTHONPATH": str(ROOT)},
    )
    model_dir = Path(default_model_path())
    made = onnx_file_path(model_dir, DEFAULT_MODEL, backend.quantization, shared)
    target = onnx_file_path(model_dir, DEFAULT_MODEL, backend.quantization, cache)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(made, target)


def measure(
    articles: int,
    workdir: Path,
    encode_sample: int | None = None,
    cold_only: bool = False,
    rss_trace: Path | None = None,
) -> dict[str, Any]:
    corpus = workdir / f"corpus-{articles}"
    cache = workdir / f"cache-{articles}"
    corpus.mkdir()
    build_corpus(corpus, articles)
    backend_in_use = Encoder(use_cache=False).backend
    print(f"\n== {articles} articles, backend {backend_in_use.name}", flush=True)

    # Load the model outside every timing.
    if not backend_in_use.is_reference:
        place_onnx_file(backend_in_use, cache)
    Encoder(cache_dir=cache, use_cache=False).model  # noqa: B018
    trace_file = rss_trace / f"rss-{backend_in_use.name}-{articles}.tsv" if rss_trace else None
    cold, clock, encoder, report = run_audit(corpus, cache, trace_file)
    print(
        f"cold audit   {cold:8.1f}s  "
        f"({encoder.encoded_count} encoded, {clock.encode_seconds:.1f}s in the encoder)  peak {peak_rss_mb():.0f} MB"
    )
    for stage, seconds in clock.stages.items():
        if stage != "start" or seconds > 0.05:
            print(f"  stage {stage:12} {seconds:8.1f}s  peak RSS after {clock.memory.get(stage, 0):7.0f} MB")
    for rule_id, seconds in sorted(clock.rules.items(), key=lambda kv: -kv[1])[:8]:
        print(f"  rule  {rule_id:12} {seconds:8.1f}s (includes any embedding it triggered first)")
    print(f"  {len(report.clusters)} clusters, {len(report.findings)} findings")
    texts = audited_sentences(corpus, cache)
    sentences, unique = len(texts), sorted(set(texts))
    outside = 1000 * (cold - clock.encode_seconds) / articles
    print(f"  {sentences} sentences, {len(unique)} unique texts; {outside:.0f} ms per article outside the encoder")
    if cold_only:
        return {"backend": backend_in_use.name, "articles": articles, "cold_s": cold, "peak_mb": peak_rss_mb()}

    # The bare model's time for every unique text, or (--quick) for a random sample of them scaled
    # up by characters: the model's work grows with text length, so a sample whose texts happen to
    # be longer or shorter than the corpus's does not bias the estimate (a random 500 of the
    # 100-article corpus's texts differ from its mean length by 1.5% on average). Batches of a sample
    # pack lengths a little less tightly, so its estimate is, if anything, slower.
    measured = (
        unique if not encode_sample or encode_sample >= len(unique) else random.Random(0).sample(unique, encode_sample)
    )
    sample_seconds = bare_encode(measured, cache)
    encode_seconds = sample_seconds * sum(map(len, unique)) / sum(map(len, measured))
    ratio = (sentences / cold) / (sentences / encode_seconds)
    sampled = f" (timed on a random {len(measured)} of them)" if len(measured) < len(unique) else ""
    print(
        f"bare encode  {encode_seconds:8.1f}s  {len(unique) / encode_seconds:7.1f} texts/s{sampled}  ratio {ratio:.2f}"
        f"  (audit {sentences / cold:.1f} sentences/s)"
    )

    warm_data, process_seconds = warm_in_new_process(corpus, cache)
    warm = warm_data["seconds"]
    print(
        f"warm audit   {warm:8.1f}s  {sentences / warm:7.1f} sentences/s  ({warm_data['encoded']} encoded)  "
        f"speed-up {cold / warm:.1f}x  (new process: {process_seconds:.1f}s with start-up and imports; "
        f"peak {warm_data['peak_mb']:.0f} MB)"
    )
    for stage, seconds in warm_data["stages"].items():
        if stage != "start" or seconds > 0.05:
            print(f"  warm stage {stage:12} {seconds:8.1f}s")
    for rule_id, seconds in sorted(warm_data["rules"].items(), key=lambda kv: -kv[1])[:5]:
        print(f"  warm rule  {rule_id:12} {seconds:8.1f}s")
    return {
        "backend": backend_in_use.name,
        "articles": articles,
        "sentences": sentences,
        "cold_s": cold,
        "warm_s": warm,
        "encode_s": encode_seconds,
        "ratio": ratio,
        "speedup": cold / warm,
        "ms_per_article_cold": 1000 * cold / articles,
        "peak_mb": peak_rss_mb(),
    }


def warm_in_new_process(corpus: Path, cache: Path) -> tuple[dict[str, Any], float]:
    """Audit `corpus` again in a fresh interpreter on the same caches: (its timings, wall time)."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, __file__, "--warm-run", str(corpus), str(cache)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
    )
    return json.loads(done.stdout.strip().splitlines()[-1]), time.perf_counter() - start


def warm_run(corpus: Path, cache: Path) -> None:
    """--warm-run: one audit on existing caches; prints its timings as a JSON line."""
    seconds, clock, encoder, _ = run_audit(corpus, cache)
    print(
        json.dumps(
            {
                "seconds": seconds,
                "encoded": encoder.encoded_count,
                "stages": dict(clock.stages),
                "rules": dict(clock.rules),
                "peak_mb": peak_rss_mb(),
            }
        )
    )


class HashingModel:
    """Stand-in for the embedding model: a fixed pseudo-random unit vector per text.

    Texts that begin with the same words (perturbed copies of one fixture sentence) get
    nearby vectors, as a real model would give them; this times the alignment machinery
    (candidates, scoring, clustering), not its accuracy. Seeds come from blake2b, not Python's
    salted `hash()`, so every run gives the same vectors, pairs and clusters.
    """

    dimension = 384

    @staticmethod
    def _seed(text: str) -> int:
        return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")

    def encode(self, texts: Sequence[str], batch_size: int, side_by_side: bool = True) -> np.ndarray:
        rows = np.empty((len(texts), self.dimension), dtype=np.float32)
        for n, text in enumerate(texts):
            base = np.random.default_rng(self._seed(" ".join(text.split()[:4])))
            own = np.random.default_rng(self._seed(text))
            v = base.normal(size=self.dimension) + 0.5 * own.normal(size=self.dimension)
            rows[n] = v / np.linalg.norm(v)
        return rows


class ModelFreeEncoder(Encoder):
    """The real `Encoder` (memory, SQLite cache, batching) with only the model replaced by
    `HashingModel`, so a model-free run holds what a real audit holds, vectors included."""

    def __init__(self, cache_dir: Path, use_cache: bool = True) -> None:
        super().__init__(cache_dir=cache_dir, use_cache=use_cache, progress=False)
        self.model_id = "hashing-stand-in"  # never mixed with a real model's vectors in a cache
        self._stand_in = HashingModel()

    @property
    def model(self) -> HashingModel:
        return self._stand_in


def top_allocations(lines: int = 25) -> None:
    """What tracemalloc sees alive now, by line (--tracemalloc)."""
    import tracemalloc

    current, peak = tracemalloc.get_traced_memory()
    print(f"  tracemalloc: {current / 1e6:.1f} MB alive, {peak / 1e6:.1f} MB peak so far; largest by line:")
    for stat in tracemalloc.take_snapshot().statistics("lineno")[:lines]:
        frame = stat.traceback[0]
        print(f"    {stat.size / 1e6:7.1f} MB {stat.count:9d} blocks  {frame.filename}:{frame.lineno}")


def measure_model_free(
    articles: int, workdir: Path, trace: bool = False, rss_trace: Path | None = None
) -> dict[str, float]:
    """The whole audit with the model replaced by hashing: peak memory and the cost per article
    of everything but the encoder, at sizes the real model would take most of an hour to encode.
    `trace`: tracemalloc's largest allocations when the rules are done (2-3x slower)."""
    corpus = workdir / f"model-free-{articles}"
    corpus.mkdir()
    build_corpus(corpus, articles)
    clock = StageClock()
    restore = clock.wrap_rules()
    progress: Callable[[str], None] = clock.stage
    if trace:
        import tracemalloc

        def traced_stage(stage: str) -> None:
            if stage == "aligning":
                top_allocations()
            clock.stage(stage)

        progress = traced_stage
        tracemalloc.start()
    sampler = RssSampler(clock) if rss_trace is not None else None
    try:
        config = Config(cache_dir=str(workdir / f"model-free-cache-{articles}"))
        encoder = ModelFreeEncoder(Path(config.cache_dir or workdir))
        clock.wrap_encoder(encoder)
        if sampler is not None:
            sampler.trace(encoder)
            with sampler:
                report = audit([corpus], config, encoder=encoder, progress=progress)
        else:
            report = audit([corpus], config, encoder=encoder, progress=progress)
    finally:
        restore()
    seconds = clock.finish()
    if sampler is not None and rss_trace is not None:
        sampler.report(rss_trace / f"rss-model-free-{articles}.tsv")
    print(
        f"\n== {articles} articles, model replaced by hashing: {seconds:.1f}s, {1000 * seconds / articles:.1f} ms/article"
    )
    for stage, stage_seconds in clock.stages.items():
        if stage != "start" or stage_seconds > 0.05:
            print(f"  stage {stage:12} {stage_seconds:8.1f}s  peak RSS after {clock.memory.get(stage, 0):7.0f} MB")
    before = clock.memory.get("reading", 0.0)
    for rule_id, peak in sorted(clock.rule_memory.items(), key=lambda kv: kv[1]):
        if peak > before + 5:  # the rules (in the order they ran) that raised the peak
            print(f"  rule  {rule_id:12} {clock.rules[rule_id]:8.1f}s  peak RSS after {peak:7.0f} MB")
            before = peak
    print(
        f"  {encoder.encoded_count} texts hashed ({clock.encode_seconds:.1f}s in the encoder); "
        f"{len(report.clusters)} clusters, {len(report.findings)} findings; peak {peak_rss_mb():.0f} MB",
        flush=True,
    )
    return {"articles": articles, "ms_per_article": 1000 * seconds / articles, "peak_mb": peak_rss_mb()}


def measure_alignment(articles: int, workdir: Path) -> dict[str, float]:
    """Alignment stage alone (segmented corpus, model replaced by hashing): its cost per article."""
    from auditor.align import aligned_pairs, build_clusters, sentence_table
    from auditor.checks.registry import CheckContext

    corpus = workdir / f"align-{articles}"
    corpus.mkdir()
    build_corpus(corpus, articles)
    documents = [segment_document(d) for d in read_corpus([corpus]).documents]
    ctx = CheckContext(
        documents, Config(), _encoder=ModelFreeEncoder(workdir / f"align-cache-{articles}", use_cache=False)
    )
    start = time.perf_counter()
    table = sentence_table(ctx)
    after_table = time.perf_counter()
    pairs = aligned_pairs(ctx)
    after_pairs = time.perf_counter()
    clusters = build_clusters(ctx)
    done = time.perf_counter()
    sentences = len(table.sentences)
    print(
        f"align-only {articles:6} articles {sentences:7} sentences: profiles+vectors {after_table - start:6.1f}s "
        f"pairs {after_pairs - after_table:6.1f}s clusters {done - after_pairs:6.1f}s "
        f"= {1000 * (done - start) / articles:6.1f} ms/article; {len(pairs)} pairs, {len(clusters)} clusters; "
        f"peak {peak_rss_mb():.0f} MB",
        flush=True,
    )
    return {"articles": articles, "seconds": done - start, "ms_per_article": 1000 * (done - start) / articles}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument(
        "--quick", action="store_true", help="the smallest size only; the bare encode timed on a sample"
    )
    parser.add_argument(
        "--encode-sample",
        type=int,
        default=None,
        help="time the bare encode on this many random unique texts (default: all; 500 with --quick)",
    )
    parser.add_argument(
        "--align-only", action="store_true", help="time the alignment stage alone, the model replaced by hashing"
    )
    parser.add_argument(
        "--embedding-backend",
        choices=BACKEND_NAMES,
        default=os.environ.get("AUDITOR_EMBEDDING_BACKEND", "torch"),
        help="the embedding model's runtime (default: AUDITOR_EMBEDDING_BACKEND, else torch)",
    )
    parser.add_argument(
        "--cold-only",
        action="store_true",
        help="the cold audit only, with the real model (no bare encode, no warm run): memory at 5,000 articles",
    )
    parser.add_argument(
        "--model-free",
        action="store_true",
        help="the whole audit with the model replaced by hashing: memory and cost outside the encoder",
    )
    parser.add_argument(
        "--tracemalloc", action="store_true", help="with --model-free: the largest allocations alive after the rules"
    )
    parser.add_argument(
        "--rss-trace",
        type=Path,
        metavar="DIR",
        help="sample RSS every 0.1 s during the cold audit, tagged by stage, rule and step: print where it "
        "peaked and each step's transient, and write the samples to DIR/rss-<backend>-<N>.tsv",
    )
    parser.add_argument("--warm-run", nargs=2, metavar=("CORPUS", "CACHE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    # Every Encoder made here, and the warm audit's new process, reads the backend from the environment.
    os.environ["AUDITOR_EMBEDDING_BACKEND"] = args.embedding_backend
    if args.warm_run:
        warm_run(Path(args.warm_run[0]), Path(args.warm_run[1]))
        return
    sizes = [min(args.sizes)] if args.quick else args.sizes
    workdir = Path(tempfile.mkdtemp(prefix="auditor-speed-"))
    if args.model_free:
        try:
            runs = [measure_model_free(n, workdir, args.tracemalloc, args.rss_trace) for n in sizes]
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
        print(
            " ".join(
                f"ms_per_article_{r['articles']:.0f}={r['ms_per_article']:.1f} peak_mb_{r['articles']:.0f}={r['peak_mb']:.0f}"
                for r in runs
            )
        )
        return
    if args.align_only:
        try:
            timings = [measure_alignment(n, workdir) for n in sizes]
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
        print(" ".join(f"ms_per_article_{t['articles']:.0f}={t['ms_per_article']:.1f}" for t in timings))
        return
    try:
        sample = args.encode_sample or (QUICK_ENCODE_SAMPLE if args.quick else None)
        results = [measure(n, workdir, sample, args.cold_only, args.rss_trace) for n in sizes]
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print()
    if args.cold_only:
        print(
            " ".join(
                f"cold_s_{r['articles']}={r['cold_s']:.1f} peak_mb_{r['articles']}={r['peak_mb']:.0f}" for r in results
            )
        )
        return
    for r in results:
        print(
            f"backend={r['backend']} articles={r['articles']} sentences={r['sentences']} cold_s={r['cold_s']:.1f} warm_s={r['warm_s']:.1f} "
            f"ratio={r['ratio']:.2f} speedup={r['speedup']:.1f} ms_per_article={r['ms_per_article_cold']:.0f} "
            f"peak_mb={r['peak_mb']:.0f}"
        )


if __name__ == "__main__":
    main()
