"""Starting an audit: the template, then the subject (a child's plan, or a setting for a
quality visit) and the audit team with their agencies."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QWidget,
)

from auditdesk.domain.reference import (
    Agency,
    PlanStage,
    PrimaryNeed,
    SettingPhase,
    SettingType,
    TemplateKind,
)
from auditdesk.services.audits import ChildPlanSubject, SettingVisitSubject, TeamMemberInput
from auditdesk.services.context import Actor
from auditdesk.services.records import SettingRecord, TemplateSummary
from auditdesk.ui.accessibility import named
from auditdesk.ui.choices import required
from auditdesk.ui.dialogs import (
    FormDialog,
    date_edit,
    need_combo,
    picked_date,
    year_group_combo,
)


class NewAuditDialog(FormDialog):
    def __init__(
        self,
        templates: list[TemplateSummary],
        settings: list[SettingRecord],
        localities: list[str],
        *,
        actor: Actor,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "New audit",
            "Choose what to audit. Children are recorded by their pseudonymous reference only.",
            "&Start audit",
            parent,
        )
        self.actor = actor
        self.template = named(QComboBox(), "Template", "The checklist to audit against")
        for template in templates:
            self.template.addItem(f"{template.title} ({template.kind.label})", template)
        self.add_row("&Template:", self.template)
        self.audit_date = date_edit("Audit date", "The day the audit was carried out", today)
        self.audit_date.setMaximumDate(QDate(today.year, today.month, today.day))
        self.add_row("Audit &date:", self.audit_date)

        self.subject = QStackedWidget()
        self.plan_form = self._plan_form(settings, localities)
        self.setting_form = self._setting_form(settings, localities)
        self.subject.addWidget(self.plan_form)
        self.subject.addWidget(self.setting_form)
        self.form.addRow(self.subject)

        team = QGroupBox("Audit team")
        self.form_team = team
        self.lead = QLabel(f"Lead: {actor.name} ({actor.agency.label})")
        named(self.lead, "Lead auditor", f"You lead this audit: {actor.name}")
        self.co_name = named(
            QLineEdit(), "Co-auditor name", "Another auditor on this audit (optional)"
        )
        self.co_agency = named(QComboBox(), "Co-auditor agency", "The co-auditor's agency")
        for agency in Agency:
            self.co_agency.addItem(agency.label, agency)
        self.co_agency.setCurrentIndex(self.co_agency.findData(Agency.HEALTH))
        team_form = QFormLayout(team)
        team_form.addRow(self.lead)
        for text, widget in (
            ("Co-auditor &name:", self.co_name),
            ("Co-auditor a&gency:", self.co_agency),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            team_form.addRow(label, widget)
        self.form.addRow(team)
        self.template.currentIndexChanged.connect(self._template_changed)
        self._template_changed()
        self.resize(560, 560)

    # -- the subject -------------------------------------------------------------------------
    def _plan_form(self, settings: list[SettingRecord], localities: list[str]) -> QGroupBox:
        box = QGroupBox("The child's plan")
        form = QFormLayout(box)
        self.reference = named(
            QLineEdit(),
            "Child reference",
            "The child's local pseudonymous reference, e.g. CE-10423; never a name",
        )
        self.reference.setPlaceholderText("e.g. CE-10423")
        self.year = year_group_combo()
        self.need = need_combo()
        self.stage = named(QComboBox(), "Plan stage", "Which stage of the plan is audited")
        for stage in PlanStage:
            self.stage.addItem(stage.label, stage)
        self.plan_setting = self._setting_combo(
            settings, "Named setting", "The school or setting in section I (optional)"
        )
        self.locality = named(QComboBox(), "Locality", "Where the child lives")
        self.locality.setEditable(True)
        self.locality.addItems(localities or ["Unknown"])
        for text, widget in (
            ("Child &reference:", self.reference),
            ("&Year group:", self.year),
            ("Primary &need:", self.need),
            ("Plan &stage:", self.stage),
            ("Named s&etting:", self.plan_setting),
            ("&Locality:", self.locality),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        return box

    def _setting_form(self, settings: list[SettingRecord], localities: list[str]) -> QGroupBox:
        box = QGroupBox("The setting visited")
        form = QFormLayout(box)
        self.visit_setting = self._setting_combo(
            settings, "Setting", "The school, college or setting visited"
        )
        self.visit_setting.setItemText(0, "A new setting (enter below)")
        self.new_name = named(
            QLineEdit(), "New setting name", "The name of a setting not yet listed"
        )
        self.new_urn = named(
            QLineEdit(),
            "New setting URN",
            "Its unique reference number (6 or 7 digits), if it has one",
        )
        self.new_type = named(
            QComboBox(), "New setting type", "Mainstream, special, further education…"
        )
        for kind in SettingType:
            self.new_type.addItem(kind.label, kind)
        self.new_phase = named(QComboBox(), "New setting phase", "Primary, secondary, all-through…")
        for phase in SettingPhase:
            self.new_phase.addItem(phase.label, phase)
        self.new_locality = named(QComboBox(), "New setting locality", "Where the setting is")
        self.new_locality.setEditable(True)
        self.new_locality.addItems(localities or ["Unknown"])
        if settings:
            self.visit_setting.setCurrentIndex(1)
        for text, widget in (
            ("&Setting:", self.visit_setting),
            ("New setting &name:", self.new_name),
            ("&URN:", self.new_urn),
            ("T&ype:", self.new_type),
            ("P&hase:", self.new_phase),
            ("&Locality:", self.new_locality),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.visit_setting.currentIndexChanged.connect(self._setting_changed)
        self._setting_changed()
        return box

    def _setting_combo(
        self, settings: list[SettingRecord], name: str, description: str
    ) -> QComboBox:
        combo = named(QComboBox(), name, description)
        combo.addItem("None", None)
        for setting in settings:
            combo.addItem(f"{setting.name} ({setting.urn or 'no URN'})", setting.uuid)
        return combo

    def _setting_changed(self) -> None:
        new = self.visit_setting.currentData() is None
        for widget in (
            self.new_name,
            self.new_urn,
            self.new_type,
            self.new_phase,
            self.new_locality,
        ):
            widget.setEnabled(new)

    def _template_changed(self) -> None:
        template = self.chosen_template
        visit = template is not None and template.kind is TemplateKind.SETTING_VISIT
        self.subject.setCurrentWidget(self.setting_form if visit else self.plan_form)
        if template is not None and template.kind is TemplateKind.ANNUAL_REVIEW_AUDIT:
            self.stage.setCurrentIndex(self.stage.findData(PlanStage.ANNUAL_REVIEW))

    # -- results ----------------------------------------------------------------------------
    @property
    def chosen_template(self) -> TemplateSummary | None:
        value = self.template.currentData()
        return value if isinstance(value, TemplateSummary) else None

    @property
    def is_visit(self) -> bool:
        return self.subject.currentWidget() is self.setting_form

    @property
    def needs_new_setting(self) -> bool:
        return self.is_visit and self.visit_setting.currentData() is None

    def plan_subject(self) -> ChildPlanSubject:
        return ChildPlanSubject(
            child_reference=self.reference.text(),
            year_group=self.year.currentData(),
            primary_need=required(self.need, PrimaryNeed),
            plan_stage=required(self.stage, PlanStage),
            locality=self.locality.currentText().strip(),
            setting_uuid=self.plan_setting.currentData(),
        )

    def visit_subject(self, setting_uuid: str) -> SettingVisitSubject:
        return SettingVisitSubject(setting_uuid)

    def team(self) -> list[TeamMemberInput]:
        members = [TeamMemberInput(self.actor.name, self.actor.agency, self.actor.role)]
        if self.co_name.text().strip():
            members.append(
                TeamMemberInput(self.co_name.text().strip(), required(self.co_agency, Agency))
            )
        return members

    @property
    def audit_day(self) -> date:
        return picked_date(self.audit_date)

    def check(self) -> str | None:
        if self.chosen_template is None:
            return "Choose a template."
        if self.is_visit:
            if self.needs_new_setting and not self.new_name.text().strip():
                return "Choose the setting visited, or enter a new setting's name."
            return None
        if not self.reference.text().strip():
            return "Enter the child's pseudonymous reference."
        if not self.locality.currentText().strip():
            return "Enter the child's locality."
        return None
