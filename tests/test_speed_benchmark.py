"""benchmarks/speed.py's RSS sampler (--rss-trace): tags, the peak's moment, the samples file."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from benchmark_scripts import load_benchmark


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
def test_rss_sampler_tags_samples_with_stage_rule_and_step(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    speed = load_benchmark("speed")
    clock = speed.StageClock()
    sampler = speed.RssSampler(clock, interval=0.01)
    held: list[bytearray] = []

    def big_step() -> None:
        held.append(bytearray(64 * 1024 * 1024))  # zero-filled by the kernel: touch it to make it resident
        held[-1][::4096] = b"\1" * len(held[-1][::4096])
        time.sleep(0.1)

    tagged = sampler._tagged("big_step", big_step)
    with sampler:
        clock.stage("analyzing")
        clock.rule = "X001"
        time.sleep(0.05)
        tagged()
        clock.rule = ""
        time.sleep(0.05)
    assert clock.step == ""  # the tag is undone when the step returns
    tags = {tag for _t, _rss, _anon, tag in sampler.samples}
    assert {"analyzing/X001", "analyzing/X001/big_step", "analyzing"} <= tags
    out = tmp_path / "rss.tsv"
    sampler.report(out)
    printed = capsys.readouterr().out
    assert "peak" in printed and "analyzing/X001/big_step" in printed
    rows = [line.split("\t") for line in out.read_text().splitlines()]
    assert len(rows) == len(sampler.samples) and all(len(row) == 4 for row in rows)
    peak = max(sampler.samples, key=lambda sample: sample[1])
    assert peak[3] in {"analyzing/X001/big_step", "analyzing/X001", "analyzing"}
    assert peak[1] >= min(s[1] for s in sampler.samples) + 50  # the 64 MB showed up


def test_rss_sampler_trace_patches_and_restores_the_traced_steps() -> None:
    import importlib

    speed = load_benchmark("speed")
    originals = {(m, n): getattr(importlib.import_module(m), n) for m, n in speed.TRACED_STEPS}
    sampler = speed.RssSampler(speed.StageClock(), interval=0.01)
    sampler.trace()
    with sampler:
        for (module, name), original in originals.items():
            assert getattr(importlib.import_module(module), name) is not original
    for (module, name), original in originals.items():
        assert getattr(importlib.import_module(module), name) is original
