"""Drives `mtlint lsp` with pygls's language client, as an editor would.

The client offers to watch files, as Neovim and Helix do: the server must
register watchers for configs and sidecars, and findings must follow the
changes the client reports, without a restart.

Run by tests/lsp_client.rs: python3 lsp_client.py MTLINT_BINARY WORKDIR.
Exits 0 when every step behaved; an AssertionError names the step that did
not. Edits the server returns are applied with pygls's own text document,
which counts positions in UTF-16 as editors do.
"""

import asyncio
import fnmatch
import json
import sys
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.workspace import TextDocument

ARTICLE = (
    "Secretary of State Blinken and Russian President Lavrov face off at UN\n"
    "\n"
    "😀 The summit met at the United Nations.A theme ran through it.\n"
    "The the delegates left before the vote.\n"
)

TIMEOUT = 30


async def main(binary: str, workdir: Path) -> None:
    client = LanguageClient("mtlint-test-client", "1")
    published: asyncio.Queue = asyncio.Queue()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        published.put_nowait(params)

    async def next_diagnostics() -> types.PublishDiagnosticsParams:
        return await asyncio.wait_for(published.get(), TIMEOUT)

    watched: list = []

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def on_register(params: types.RegistrationParams) -> None:
        for registration in params.registrations:
            if registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES:
                options = registration.register_options
                watchers = options["watchers"] if isinstance(options, dict) else options.watchers
                for watcher in watchers:
                    glob = watcher["globPattern"] if isinstance(watcher, dict) else watcher.glob_pattern
                    watched.append(glob)

    def file_changed(path: Path, kind: types.FileChangeType) -> None:
        """Reports a change as the editor's file watcher does: only for the
        files that match a watcher the server registered."""
        if not any(fnmatch.fnmatch(path.as_posix(), glob) for glob in watched):
            return
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams([types.FileEvent(uri=path.as_uri(), type=kind)])
        )

    await client.start_io(binary, "lsp", cwd=str(workdir))
    result = await client.initialize_async(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(
                workspace=types.WorkspaceClientCapabilities(
                    did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
                        dynamic_registration=True
                    )
                )
            ),
            root_uri=workdir.as_uri(),
            process_id=None,
        )
    )
    assert result.server_info.name == "mtlint", result.server_info
    assert result.capabilities.position_encoding == "utf-16", result.capabilities
    client.initialized(types.InitializedParams())

    path = workdir / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    uri = path.as_uri()
    document = TextDocument(uri, ARTICLE, version=1)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=ARTICLE)
        )
    )
    diagnostics = (await next_diagnostics()).diagnostics
    codes = sorted(d.code for d in diagnostics)
    # mtlint.toml in the work directory sets the article's date.
    assert "title.wrong-office" in codes, codes
    assert "typography.missing-space" in codes, codes
    assert "typography.doubled-word" in codes, codes

    glued = next(d for d in diagnostics if d.code == "typography.missing-space")
    # The emoji counts two UTF-16 units.
    assert glued.range.start == types.Position(2, len("😀 The summit met at the United ") + 1), glued.range

    # One finding's quick fix, applied by the client, then sent back as an
    # incremental change.
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri),
            range=glued.range,
            context=types.CodeActionContext(diagnostics=[glued]),
        )
    )
    quickfix = next(a for a in actions if a.kind == types.CodeActionKind.QuickFix)
    assert quickfix.is_preferred, quickfix
    for edit in quickfix.edit.changes[uri]:
        change = types.TextDocumentContentChangePartial(range=edit.range, text=edit.new_text)
        document.apply_change(change)
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=2), [change]
            )
        )
    assert "Nations. A theme" in document.source, document.source
    after = await next_diagnostics()
    assert after.version == 2, after
    codes = sorted(d.code for d in after.diagnostics)
    assert "typography.missing-space" not in codes, codes

    # Hover over the wrong title shows the rule's explanation.
    title = next(d for d in after.diagnostics if d.code == "title.wrong-office")
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), title.range.start)
    )
    assert "title.wrong-office" in hover.contents.value, hover
    assert "Flagged:" in hover.contents.value, hover

    # Fix all: every safe fix in one edit; the unsafe title fix stays.
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri),
            range=types.Range(types.Position(0, 0), types.Position(0, 0)),
            context=types.CodeActionContext(
                diagnostics=[], only=[types.CodeActionKind.SourceFixAll]
            ),
        )
    )
    assert len(actions) == 1 and actions[0].kind == "source.fixAll.mtlint", actions
    for edit in actions[0].edit.changes[uri]:
        change = types.TextDocumentContentChangePartial(range=edit.range, text=edit.new_text)
        document.apply_change(change)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=3),
            [types.TextDocumentContentChangeWholeDocument(text=document.source)],
        )
    )
    assert "The the" not in document.source, document.source
    after = await next_diagnostics()
    codes = sorted(d.code for d in after.diagnostics)
    assert codes == ["title.wrong-office"], codes

    # The config changes on disk; the editor never opens it.
    assert sorted(watched) == ["**/*.mtlint-ignore.toml", "**/mtlint.toml"], watched
    config = workdir / "mtlint.toml"
    dated = config.read_text(encoding="utf-8")
    config.write_text(dated + 'ignore = ["title"]\n', encoding="utf-8")
    file_changed(config, types.FileChangeType.Changed)
    codes = sorted(d.code for d in (await next_diagnostics()).diagnostics)
    assert codes == [], codes
    config.write_text(dated, encoding="utf-8")
    file_changed(config, types.FileChangeType.Changed)
    title = next(d for d in (await next_diagnostics()).diagnostics)
    assert title.code == "title.wrong-office", title

    # A sidecar created beside the article accepts the finding.
    line = document.lines[title.range.start.line]
    flagged = line[title.range.start.character : title.range.end.character]
    sidecar = workdir / "article.txt.mtlint-ignore.toml"
    sidecar.write_text(
        f'[[ignore]]\nrule = "title.wrong-office"\ntext = "{flagged}"\n', encoding="utf-8"
    )
    file_changed(sidecar, types.FileChangeType.Created)
    codes = sorted(d.code for d in (await next_diagnostics()).diagnostics)
    assert codes == [], codes

    # Closing clears the document's diagnostics.
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri))
    )
    closed = await next_diagnostics()
    assert len(closed.diagnostics) == 0, closed

    await client.shutdown_async(None)
    client.exit(None)
    await asyncio.wait_for(client._server.wait(), TIMEOUT)
    assert client._server.returncode == 0, client._server.returncode
    print(json.dumps({"ok": True, "text": document.source}))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], Path(sys.argv[2])))
