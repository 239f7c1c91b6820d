"""Voila configuration of the app page (`make app`, tests/browser/servers.py).

Loaded because both start Voila with ``--Voila.config_file_paths=<repo>/tools/jupyter``
(Voila reads ``voila.py`` from those folders). The tunable options (kernel pool, culling,
IOPub wait) are on the command line in the Makefile's VOILA_ARGS, where `make -n app`
shows them; this file holds what cannot be said on a command line: two classes.

1. The ``_xsrf`` cookie. Closing a tab should end its kernel. Voila's page sends
``POST /voila/api/shutdown/<kernel>`` (a beacon on ``beforeunload``) with the ``_xsrf``
value it reads from the page's cookie. A token-protected Voila 0.5.13 never sets that
cookie, so the request is refused (403 "'_xsrf' argument missing") and every closed or
reloaded tab keeps its kernel (70-110 MB) until the server stops. The identity provider
below sets the cookie on the page request, after the user is known; XSRF checks stay on
(a POST without the matching ``_xsrf`` is still refused). Unlike a ``prelaunch_hook``, it
works with preheated kernels (``--preheat_kernel=True``), which cannot be combined with a
hook.

2. Idle culling with a kernel pool. A preheated kernel waits in Voila's pool, idle, and
Voila keeps the culler away from it while it is there. Its idle clock, though, runs from
the moment it finished the notebook, and a page needs a few seconds after its request to
connect to the kernel (its scripts load first: 2-4 s on this machine, longer on a slow
laptop or a busy server). Until then the kernel has no connection and looks idle, so a
kernel that waited in the pool longer than ``cull_idle_timeout`` was culled before its
page connected (measured: the page never draws, "Kernel never reached an 'alive'
state"). The kernel manager below gives a kernel that has never had a connection
:data:`CONNECT_GRACE_S` from the culler's first look at it; once its page has
connected, Jupyter's own rule applies (no connection and idle for ``cull_idle_timeout``).
So a closed or crashed page's kernel goes at most ``cull_idle_timeout + 2 *
cull_interval`` after the page does, and a page that never connects leaves its kernel for
at most ``CONNECT_GRACE_S + cull_interval``.

3. No second copy of plotly.js. plotly's Python package installs its own JupyterLab
extension (``jupyterlab-plotly``, for plotly's FigureWidget and figure outputs); Voila
loads every installed extension on every page, and that one brings a 4.8 MB script that
the page then downloads and parses (about half a second of the page's start, measured)
although biomech's figures draw with their own copy (biomech/app/assets.py) and no
page of the project shows a plotly output. The page-config hook below (a public Voila
option) leaves it out of the pages this configuration serves. (Fetching biomech's copy
early, as a module preload in the page's head, was tried and measured: the page's own
scripts then loaded later and the figures drew no sooner.)
"""

import time

from jupyter_core.utils import ensure_async
from jupyter_server.auth.identity import PasswordIdentityProvider
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

#: Seconds a kernel taken from the pool has to get its first connection before the culler
#: may take it (see 2. above): a page on a slow laptop, with forty others starting, takes
#: well under this to connect; one that never connects leaves its kernel for this long.
CONNECT_GRACE_S = 60.0

#: JupyterLab extensions the pages never need (see 3. above).
UNUSED_EXTENSIONS = ("jupyterlab-plotly",)


def drop_unused_extensions(page_config, **_context):
    """Voila's ``page_config_hook``: the page's configuration without
    :data:`UNUSED_EXTENSIONS` in its list of extensions to load."""
    page_config["federated_extensions"] = [
        extension
        for extension in page_config.get("federated_extensions", [])
        if extension.get("name") not in UNUSED_EXTENSIONS
    ]
    return page_config


class XsrfCookieIdentityProvider(PasswordIdentityProvider):
    """Voila's default identity provider (token login), plus the ``_xsrf`` cookie on pages."""

    async def get_user(self, handler):
        user = await ensure_async(super().get_user(handler))
        request = handler.request
        if user is not None and request.method == "GET" and request.headers.get("Upgrade", "").lower() != "websocket":
            # tornado's xsrf_token asks for current_user; jupyter_server fails (500) when
            # it is read before the server has stored the user, so store it first.
            handler.current_user = user
            # Reading the property sets the "_xsrf" cookie when the request has none.
            handler.xsrf_token  # noqa: B018
        return user


class ConnectGraceKernelManager(AsyncMappingKernelManager):
    """Jupyter's kernel manager, whose culler waits for a kernel's first connection (see 2. above).

    Voila's pool wraps this class (its ``cull_kernel_if_idle`` returns early for kernels
    still in the pool and calls this one for the others).
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._first_seen_s: dict[str, float] = {}  # kernel id -> monotonic time the culler first met it
        self._connected: set[str] = set()  # kernels that have had a page connected

    async def cull_kernel_if_idle(self, kernel_id):
        if kernel_id not in self:
            return None
        if self.kernel_model(kernel_id)["connections"]:
            self._connected.add(kernel_id)
        if kernel_id not in self._connected:
            first_seen_s = self._first_seen_s.setdefault(kernel_id, time.monotonic())
            if time.monotonic() - first_seen_s < CONNECT_GRACE_S:
                return None
        return await super().cull_kernel_if_idle(kernel_id)

    def remove_kernel(self, kernel_id):
        self._first_seen_s.pop(kernel_id, None)
        self._connected.discard(kernel_id)
        return super().remove_kernel(kernel_id)


c = get_config()  # noqa: F821 (provided by traitlets when it loads this file)
c.Voila.identity_provider_class = XsrfCookieIdentityProvider
c.VoilaConfiguration.multi_kernel_manager_class = ConnectGraceKernelManager
c.VoilaConfiguration.page_config_hook = drop_unused_extensions
