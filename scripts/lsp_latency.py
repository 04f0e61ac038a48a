"""How long an editor waits on `mtlint lsp` with a large document.

Opens a document of the given size (the seed articles end to end), sends
N edits in a row as fast as a client can (a word typed at the top each
time), asks for a hover right after the last one, and prints:

- how long the hover took to be answered;
- how long after the last edit the diagnostics of the last version came;
- how many times the server published for the N edits.

Then types N more words at KEYS per second and prints the same lag after
the last one. With --warm, it opens one seed article instead (an ordinary
article, in a server already started) and prints the median time from an
edit to its findings over N edits, each awaited. Needs pygls (pip install
pygls==2.1.1).

    python3 scripts/lsp_latency.py [--mb 5] [--edits 20] [--keys 4] [--bin target/release/mtlint]
    python3 scripts/lsp_latency.py --warm [--edits 20]
"""

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parent.parent


def seeds() -> list[str]:
    paths = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def document(size: int) -> str:
    block = "\n\n".join(seeds()) + "\n\n"
    return block * (size // len(block) + 1)


async def main(args: argparse.Namespace) -> None:
    client = LanguageClient("mtlint-latency", "1")
    published: asyncio.Queue = asyncio.Queue()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        published.put_nowait((time.perf_counter(), params.version))

    work = Path(tempfile.mkdtemp())
    await client.start_io(str(Path(args.bin).resolve()), "lsp", cwd=str(work))
    await client.initialize_async(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(), root_uri=work.as_uri(), process_id=None
        )
    )
    client.initialized(types.InitializedParams())
    text = max(seeds(), key=len) if args.warm else document(int(args.mb * 1e6))
    uri = (work / "large.txt").as_uri()
    opened = time.perf_counter()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "plaintext", 1, text))
    )
    at, _ = await published.get()
    print(f"document: {len(text) / 1e6:.3f} MB, first diagnostics after {at - opened:.3f} s")

    version = 1

    def type_word() -> None:
        nonlocal version
        version += 1
        start = types.Position(0, 0)
        change = types.TextDocumentContentChangePartial(types.Range(start, start), "word ")
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=version), [change]
            )
        )

    async def lag_after_last_edit(last: float) -> tuple[float, int]:
        publishes = 0
        while True:
            at, got = await asyncio.wait_for(published.get(), 120)
            publishes += 1
            if got == version:
                return at - last, publishes

    if args.warm:
        waits = []
        for _ in range(args.edits):
            type_word()
            sent = time.perf_counter()
            lag, _ = await lag_after_last_edit(sent)
            waits.append(lag * 1000)
        print(f"{args.edits} edits, each awaited: findings after {statistics.median(waits):.1f} ms "
              f"(median; fastest {min(waits):.1f} ms, slowest {max(waits):.1f} ms)")
        await client.shutdown_async(None)
        client.exit(None)
        return

    for _ in range(args.edits):
        type_word()
    last = time.perf_counter()
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(0, 0))
    )
    hover_took = time.perf_counter() - last
    lag, publishes = await lag_after_last_edit(last)
    print(f"{args.edits} edits in a row: hover answered in {hover_took:.3f} s "
          f"({'nothing yet' if hover is None else 'with findings'}); diagnostics current "
          f"{lag:.2f} s after the last edit; {publishes} publishes")

    for _ in range(args.edits):
        type_word()
        await asyncio.sleep(1 / args.keys)
    last = time.perf_counter() - 1 / args.keys
    lag, publishes = await lag_after_last_edit(last)
    print(f"{args.edits} edits at {args.keys} keys/s: diagnostics current {lag:.2f} s "
          f"after the last edit; {publishes} publishes")

    await client.shutdown_async(None)
    client.exit(None)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--keys", type=float, default=4)
    parser.add_argument("--warm", action="store_true", help="one ordinary article")
    parser.add_argument("--bin", default=str(ROOT / "target" / "release" / "mtlint"))
    asyncio.run(main(parser.parse_args()))
