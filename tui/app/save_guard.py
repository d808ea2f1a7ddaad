"""How the app behaves when the disk refuses a save (full, read-only): say it, keep the edit pending,
never crash and never pretend it was saved. A mixin of ``NewsmarkApp``."""

from __future__ import annotations

from rich.text import Text

from ..core.storage import SaveError


class SaveGuard:
    """Every key's action, palette command and list click goes through here."""

    def _problem(self, line: str) -> None:
        self.notify(line, title="newsmark", severity="warning", markup=False)

    async def run_action(self, action, default_namespace=None, namespaces=None) -> bool:
        """Every key's action: a disk that refuses a save is said, never a crash, never hidden."""
        try:
            handled = await super().run_action(action, default_namespace, namespaces)
        except SaveError as exc:
            self._cannot_save(exc)
            return True
        if self.session is not None and not self.session.unsaved:
            self._quit_refused = False  # everything is saved again
        return handled

    def _guarded(self, action):
        """``action`` for a caller other than a key (the palette, a list click): the same handling."""
        def run(*args):
            try:
                return action(*args)
            except SaveError as exc:
                self._cannot_save(exc)
        return run

    def _cannot_save(self, exc: SaveError) -> None:
        self.bell()
        if self.session is None or self.session.unsaved <= 1:  # one notification, not one per key
            self.notify(str(exc), title="Cannot save", severity="error", markup=False)
        self._set_message(f"CANNOT SAVE ({exc.reason or exc}): kept on screen, saved with the next key")

    async def action_quit(self) -> None:
        try:
            self._close_session()
        except SaveError as exc:
            if not self._quit_refused:  # say what would be lost; a second q quits anyway
                self._quit_refused = True
                self._cannot_save(exc)
                self._set_message(f"CANNOT SAVE {self.session.unsaved} edit(s): free some space and press "
                                  f"q again to retry (if it fails again, they are lost)")
                return
            self.exit(message=Text(f"newsmark: {exc}; {self.session.unsaved} edit(s) were not saved"))
            self.session = None
            return
        self.exit()

    def on_unmount(self) -> None:
        try:
            self._close_session()
        except SaveError:
            pass  # the quit said so already
