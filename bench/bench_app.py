"""The app's figures: first paint, moving between articles, CPU per key and memory, at corpus scale.

- ``startup_first_paint_s``, ``startup_ratio_vs_textual_hello``, ``open_ratio_10k_vs_11``: each program
  is started as a child process in a pseudo-terminal (160x45), and the clock stops when the child has
  written its first screen: newsmark's when the open article's text is on it, a bare Textual app's
  (one Static line) when its line is. Median of ``STARTS`` starts each, all in this run.
- ``switch_ratio_10k_vs_11``: ``]`` / ``[`` and ``d`` pressed with Pilot in a 10,000-article project
  and in an 11-article one (both made by ``newsmark import`` of ``bench/corpus.py``'s corpus), wall
  time from the key to the screen updated, without the model (its reading of an article does not
  depend on the project's size); the worse of the two ratios of medians.
- ``keystroke_cpu_median_ms``, ``keystroke_cpu_p99_ms``, ``keystroke_ratio_100k_vs_20_lines``: process
  CPU time around each key press (cursor moves and labelling) with Pilot, the model loaded, on a
  100,000-character article and on a 20-line one.
- ``rss_annotating_mb``: resident memory of ``newsmark open`` in a pseudo-terminal once the model has
  read the open article; what a bare Textual app, the model alone and the place index alone hold is
  printed beside it.

``NEWSMARK_BENCH_ARTICLES`` sets the large project's size (default 10,000) while developing.
"""

from __future__ import annotations

import asyncio
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import corpus_jsonl  # noqa: E402
from bench.figures import figure, note  # noqa: E402

LARGE = int(os.environ.get("NEWSMARK_BENCH_ARTICLES", "10000"))
SMALL = 11
STARTS = 5
SIZE = (160, 45)
NEWSMARK = [sys.executable, "-m", "tui"]
HELLO = """
from textual.app import App
from textual.widgets import Static

class Hello(App):
    def compose(self):
        yield Static("hello, first paint")

Hello().run()
"""
HELLO_MARK = b"hello, first paint"
ARTICLE_MARK = b"Bench copy "  # in the body of every article of the corpus
SAMPLES = sorted((ROOT / "sample_articles").glob("[0-9]*.txt"))
MOVES = ["l", "l", "j", "w", "w", "b", "k", "h", "j", "w"] * 6
LABELS = ["w", "3", "w", "4", "u", "ctrl+r", "w", "1", "x", "w"] * 4


# -- a child in a pseudo-terminal ---------------------------------------------------------------

class Terminal:
    """A program run in a pseudo-terminal of ``SIZE``, read until its output holds a marker."""

    def __init__(self, argv: list[str], env: dict[str, str] | None = None) -> None:
        self.started = time.perf_counter()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child
            os.chdir(ROOT)
            os.execvpe(argv[0], argv, {**(os.environ if env is None else env), "TERM": "xterm-256color"})
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
        self.output = b""

    def wait_for(self, marker: bytes, timeout: float = 120.0) -> float:
        """Seconds from the start until ``marker`` was written (it may span two reads)."""
        while time.perf_counter() - self.started < timeout:
            ready, _, _ = select.select([self.fd], [], [], 0.5)
            if not ready:
                continue
            try:
                chunk = os.read(self.fd, 1 << 16)
            except OSError:
                break
            if not chunk:
                break
            self.output += chunk
            if marker in self.output[-(len(chunk) + len(marker)):]:
                return time.perf_counter() - self.started
        raise RuntimeError(f"{marker!r} never shown; last output: {self.output[-300:]!r}")

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError("no VmRSS")

    def quit(self, keys: bytes = b"q") -> None:
        """Send the quit key (no key: SIGTERM); stop the child if it has not gone within a few seconds."""
        if keys:
            os.write(self.fd, keys)
        else:
            os.kill(self.pid, signal.SIGTERM)
        deadline = time.perf_counter() + 15
        while time.perf_counter() < deadline:
            try:
                select.select([self.fd], [], [], 0.2)
                os.read(self.fd, 1 << 16)
            except OSError:
                pass
            done, _ = os.waitpid(self.pid, os.WNOHANG)
            if done:
                break
        else:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.fd)


def first_paint(argv: list[str], marker: bytes, env: dict[str, str]) -> float:
    """Seconds from the start of ``argv`` to its first screen; then it is stopped (it changed nothing:
    newsmark stores an article's status and the last one opened before its first paint)."""
    terminal = Terminal(argv, env)
    try:
        return terminal.wait_for(marker)
    finally:
        terminal.quit(b"")


# -- projects -----------------------------------------------------------------------------------

def make_project(folder: Path, n: int) -> Path:
    """A project of the corpus's first ``n`` articles, made by ``newsmark import``."""
    db = folder / f"p{n}" / "newsmark.json"
    started = time.perf_counter()
    subprocess.run([*NEWSMARK, "import", "--db", str(db), str(corpus_jsonl(n))], check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    note(bench="app.project", articles=n, import_seconds=round(time.perf_counter() - started, 2))
    return db


# -- figures ------------------------------------------------------------------------------------

def startup(dbs: dict[int, Path], folder: Path) -> None:
    hello = folder / "hello.py"
    hello.write_text(HELLO)
    # As an installed program starts: modules compiled once and kept (here in a folder of this run,
    # whatever PYTHONDONTWRITEBYTECODE says), so the first start of each is not counted.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    programs = {"hello": ([sys.executable, str(hello)], HELLO_MARK)}
    for name, n in (("small", SMALL), ("large", LARGE)):
        programs[name] = ([*NEWSMARK, "open", "--db", str(dbs[n])], ARTICLE_MARK)
    times: dict[str, list[float]] = {name: [] for name in programs}
    for start in range(STARTS + 1):  # interleaved, so that a busy moment of the machine hits all three
        for name, (argv, marker) in programs.items():
            seconds = first_paint(argv, marker, env)
            if start:
                times[name].append(seconds)
    median = {name: statistics.median(values) for name, values in times.items()}
    note(bench="app.startup", **{f"{k}_s": [round(v, 3) for v in vs] for k, vs in times.items()})
    how = ("child process in a 160x45 pseudo-terminal, start to first screen with the article's text, "
           f"bytecode cached; median of {STARTS}")
    figure("startup_first_paint_s", round(median["small"], 3), 0.6, articles=SMALL, how=how)
    figure("startup_ratio_vs_textual_hello", round(median["small"] / median["hello"], 2), 2,
           newsmark_s=round(median["small"], 3), textual_hello_s=round(median["hello"], 3))
    figure("open_ratio_10k_vs_11", round(median["large"] / median["small"], 2), 1.5,
           large_s=round(median["large"], 3), small_s=round(median["small"], 3), large_articles=LARGE)


async def switch_times(db: Path) -> dict[str, list[float]]:
    from tui.app.app import NewsmarkApp
    from tui.core.project_codebook import checked_codebook
    from tui.core.store import Store

    store = Store(db)
    codebook, _ = checked_codebook(store, None, False)
    app = NewsmarkApp(store, codebook, "bench", load_model=False)
    times: dict[str, list[float]] = {"step": [], "done": []}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_article(app.article_list.import_order[0])
        await pilot.pause()
        for _ in range(2):  # ] x5, d x5 (article 0 to 10), then [ x10 back to the first
            for kind, key, presses in (("step", "right_square_bracket", 5), ("done", "d", 5),
                                       ("step", "left_square_bracket", 10)):
                for _ in range(presses):
                    started = time.perf_counter()
                    await pilot.press(key)
                    await pilot.pause()
                    times[kind].append(time.perf_counter() - started)
    store.close()
    return times


def switching(dbs: dict[int, Path]) -> None:
    medians = {}
    for n in (SMALL, LARGE):
        times = asyncio.run(switch_times(dbs[n]))
        medians[n] = {kind: statistics.median(values) for kind, values in times.items()}
        note(bench="app.switch", articles=n, **{f"{k}_median_ms": round(v * 1e3, 2) for k, v in medians[n].items()})
    ratios = {kind: medians[LARGE][kind] / medians[SMALL][kind] for kind in ("step", "done")}
    figure("switch_ratio_10k_vs_11", round(max(ratios.values()), 2), 1.5,
           next_ratio=round(ratios["step"], 2), done_ratio=round(ratios["done"], 2),
           **{f"{kind}_ms_{n}": round(medians[n][kind] * 1e3, 2) for n in (SMALL, LARGE) for kind in ("step", "done")})


def long_text(chars: int) -> str:
    parts, size = [], 0
    while size < chars:
        for path in SAMPLES:
            body = path.read_text().split("\n", 2)[-1]
            parts.append(body)
            size += len(body) + 2
    return "Long article\n\n" + "\n\n".join(parts)[:chars]


def short_text() -> str:
    """About 6,000 characters in 20 distinct lines: short, but taller than the article pane, so that
    the keys scroll it as they scroll the long one."""
    lines = SAMPLES[1].read_text().split("\n")[2:]
    return "Short article\n\n" + "\n".join(lines[:20] * 3)


async def key_times(db: Path, pipeline) -> list[float]:
    from tui.app.app import NewsmarkApp
    from tui.core.codebook import load_codebook
    from tui.core.store import Store

    store = Store(db)
    app = NewsmarkApp(store, load_codebook(), "bench", pipeline=pipeline)
    times = []
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.view.move_to(len(app.session.article.text) // 2)  # the middle: where a long one costs most
        await pilot.pause()
        for key in MOVES + LABELS:
            started = time.process_time()
            await pilot.press(key)
            times.append(time.process_time() - started)
    store.close()
    return times


def keystrokes(folder: Path) -> None:
    from tui.core.importer import article_from_text
    from tui.core.nlp import load_pipeline
    from tui.core.store import Store

    pipeline = load_pipeline()
    times = {}
    for name, text in (("long", long_text(100_000)), ("short", short_text())):
        db = folder / f"keys_{name}" / "project.json"
        with Store(db) as store:
            store.add_article(article_from_text(text, source=f"{name}.txt"))
        times[name] = sorted(asyncio.run(key_times(db, pipeline)))
        note(bench="app.keys", article=name, chars=len(text), keys=len(times[name]),
             median_ms=round(statistics.median(times[name]) * 1e3, 2))
    long = times["long"]
    p99 = long[max(int(len(long) * 0.99) - 1, 0)]
    figure("keystroke_cpu_median_ms", round(statistics.median(long) * 1e3, 2), 16, article_chars=100_000,
           keys=len(long))
    figure("keystroke_cpu_p99_ms", round(p99 * 1e3, 2), 50, article_chars=100_000)
    figure("keystroke_ratio_100k_vs_20_lines",
           round(statistics.median(long) / statistics.median(times["short"]), 2), 1.3,
           short_median_ms=round(statistics.median(times["short"]) * 1e3, 2))


def child_rss_mb(code: str) -> float:
    """Peak resident memory of a Python child running ``code`` (its own high-water mark: a forked
    child's ``ru_maxrss`` would count this process's memory)."""
    probe = code + ("\nfrom pathlib import Path\nprint(next(l.split()[1] for l in "
                    "Path('/proc/self/status').read_text().splitlines() if l.startswith('VmHWM:')))")
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True, cwd=ROOT)
    return int(out.stdout.split()[-1]) / 1024


def memory(db: Path) -> None:
    terminal = Terminal([*NEWSMARK, "open", "--db", str(db)])
    try:
        terminal.wait_for(b"suggested by")  # the model has read the open article
        time.sleep(0.5)
        rss = terminal.rss_mb()
    finally:
        terminal.quit()
    parts = {
        "python_textual_mb": child_rss_mb("import textual.app, textual.widgets"),
        "python_spacy_model_mb": child_rss_mb("from tui.core.nlp import load_pipeline; load_pipeline()"),
        "python_place_index_mb": child_rss_mb("from tui.core import gazetteer; gazetteer.warm_up(); "
                                              "gazetteer.lookup('Aleppo')"),
    }
    figure("rss_annotating_mb", round(rss, 1), 250, articles=SMALL, **{k: round(v, 1) for k, v in parts.items()})


def main() -> None:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="newsmark-bench-app-") as tmp:
        folder = Path(tmp)
        dbs = {n: make_project(folder, n) for n in (SMALL, LARGE)}
        for name, measure in (("startup", lambda: startup(dbs, folder)), ("switching", lambda: switching(dbs)),
                              ("keystrokes", lambda: keystrokes(folder)), ("memory", lambda: memory(dbs[SMALL]))):
            begun = time.perf_counter()
            measure()
            note(bench="app.part", part=name, seconds=round(time.perf_counter() - begun, 1))
    note(bench="app", seconds=round(time.perf_counter() - started, 1))


if __name__ == "__main__":
    main()
