"""The main window's tabs: the audit list, which the window opens on, then actions,
moderation, conflicts and the dashboard, each built the first time it is shown (or asked
for). Between them those four load moderation, bundles and the reports, which the first
page of audits does not need (docs/performance.md), and each reads its list only when
shown anyway; so each view's module is imported when its tab is built."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QWidget

from auditdesk.ui.accessibility import named
from auditdesk.ui.lazy_tabs import LazyTabs
from auditdesk.ui.main_menus import TAB_NAMES

if TYPE_CHECKING:
    from auditdesk.services.kernel import TemplateSummary
    from auditdesk.ui.actions_view import ActionsView
    from auditdesk.ui.dashboard.dashboard_view import DashboardView
    from auditdesk.ui.exchange.conflicts_view import ConflictsView
    from auditdesk.ui.main_window import MainWindow
    from auditdesk.ui.moderation.moderation_view import ModerationView

# In TAB_NAMES' order (Alt+1 to Alt+5).
AUDITS, ACTIONS, MODERATION, CONFLICTS, DASHBOARD = range(len(TAB_NAMES))


class MainTabs(LazyTabs):
    def __init__(self, main: MainWindow) -> None:
        super().__init__()
        self._main = main
        named(self, "Views", "Audits, actions and moderation")
        # No mnemonics on the tabs: Alt+1 to Alt+5 choose them (View menu), which leaves
        # Alt+letter to the controls on each tab.
        self.addTab(main.audit_list, TAB_NAMES[AUDITS])
        self.add_later(self._build_actions, TAB_NAMES[ACTIONS])
        self.add_later(self._build_moderation, TAB_NAMES[MODERATION])
        self.add_later(self._build_conflicts, TAB_NAMES[CONFLICTS])
        self.add_later(self._build_dashboard, TAB_NAMES[DASHBOARD])
        named(
            self.tabBar(),
            "View tabs",
            "Switches between audits, actions, moderation, conflicts and the dashboard "
            "(Alt+1 to Alt+5)",
        )

    # -- each tab's view, built on first use ----------------------------------------------
    @property
    def actions_view(self) -> ActionsView:
        return cast("ActionsView", self.page(ACTIONS))

    @property
    def moderation_view(self) -> ModerationView:
        return cast("ModerationView", self.page(MODERATION))

    @property
    def conflicts(self) -> ConflictsView:
        return cast("ConflictsView", self.page(CONFLICTS))

    @property
    def dashboard(self) -> DashboardView:
        return cast("DashboardView", self.page(DASHBOARD))

    def refresh_shown(self) -> None:
        """Reload the list of the tab shown (the audit list is the window's to reload)."""
        current = self.currentIndex()  # shown, so built: nothing is built here
        if current == ACTIONS:
            self.actions_view.reload()
        elif current == MODERATION:
            self.moderation_view.reload()
        elif current == DASHBOARD:
            self.dashboard.refresh()
        elif current == CONFLICTS:
            self.conflicts.reload()

    def list_shown(self) -> QWidget:
        """Where the keyboard goes in the tab shown: its list (the dashboard has none)."""
        current = self.currentIndex()  # shown, so built: nothing is built here
        lists: dict[int, Callable[[], QWidget]] = {
            AUDITS: lambda: self._main.audit_list.table,
            ACTIONS: lambda: self.actions_view.table,
            MODERATION: lambda: self.moderation_view.table,
            CONFLICTS: lambda: self.conflicts.list,
        }
        return lists[current]() if current in lists else self.currentWidget()

    def offer_templates(self, templates: list[TemplateSummary]) -> None:
        """The templates for the moderation tab to offer, if it is built (it is built with
        the window's templates otherwise)."""
        moderation = self.built(MODERATION)
        if moderation is not None:
            cast("ModerationView", moderation).set_templates(templates)

    def _conflicts_counted(self, open_conflicts: int) -> None:
        name = TAB_NAMES[CONFLICTS]
        self.setTabText(CONFLICTS, f"{name} ({open_conflicts:,})" if open_conflicts else name)

    # -- building -------------------------------------------------------------------------
    def _build_actions(self) -> QWidget:
        from auditdesk.ui.actions_view import ActionsView  # noqa: PLC0415

        main = self._main
        view = ActionsView(main.session, main.tasks, main.message.show_info)
        view.open_audit.connect(main.open_audit)
        return view

    def _build_moderation(self) -> QWidget:
        from auditdesk.ui.moderation.moderation_view import ModerationView  # noqa: PLC0415

        main = self._main
        view = ModerationView(
            main.session, main.tasks, main.dialogs, main.templates, main.message.show_info,
            show_problem=main.message.show_problem, view_actions=main.view_actions,
        )  # fmt: skip
        view.changed.connect(main.audit_model.reload)
        return view

    def _build_conflicts(self) -> QWidget:
        from auditdesk.ui.exchange.conflicts_view import ConflictsView  # noqa: PLC0415

        main = self._main
        view = ConflictsView(main.session, main.tasks, main.message.show_info)
        view.changed.connect(self._conflicts_counted)
        return view

    def _build_dashboard(self) -> QWidget:
        from auditdesk.ui.dashboard.dashboard_view import DashboardView  # noqa: PLC0415

        main = self._main
        view = DashboardView(main.session, main.tasks, main.message.show_problem)
        view.follow(main.audit_list.current_filter)  # the filters as they are now
        main.audit_list.filter_changed.connect(view.follow)
        return view
