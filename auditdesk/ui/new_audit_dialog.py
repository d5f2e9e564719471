"""Starting an audit: the template, then the subject (a child's plan, or a setting for a
quality visit) and the audit team with their agencies.

Nothing is chosen for the person: every drop-down starts on "Choose…", because a default
year group or need that nobody changed would read later as an answer somebody gave."""

from __future__ import annotations

from datetime import date

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
from auditdesk.services.kernel import Actor, SettingRecord, TemplateSummary
from auditdesk.ui.accessibility import named
from auditdesk.ui.choices import required
from auditdesk.ui.date_field import qdate
from auditdesk.ui.dialogs import FieldProblem, FormDialog
from auditdesk.ui.form_fields import (
    choice_combo,
    date_edit,
    need_combo,
    picked_date,
    reference_problem,
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
        self.template = choice_combo(
            "Template",
            "The checklist to audit against",
            [(_template_text(t), t) for t in templates],
        )
        self.add_row("&Template:", self.template)
        self.audit_date = date_edit("Audit date", "The day the audit was carried out", today)
        self.audit_date.setMaximumDate(qdate(today))
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
        self.co_agency = choice_combo(
            "Co-auditor agency",
            "The co-auditor's agency (needed only with a co-auditor)",
            [(a.label, a) for a in Agency],
        )
        team_form = QFormLayout(team)
        team_form.addRow(self.lead)
        self.add_row("Co-auditor na&me:", self.co_name, team_form)
        self.add_row("Co-auditor a&gency:", self.co_agency, team_form)
        self.form.addRow(team)
        self._stage_from_template = False  # the stage shown was filled in by the template
        self.stage.activated.connect(self._stage_chosen)
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
        self.stage = choice_combo(
            "Plan stage", "Which stage of the plan is audited", [(s.label, s) for s in PlanStage]
        )
        self.plan_setting = self._setting_combo(
            settings, "Named setting", "The school or setting in section I (optional)"
        )
        self.locality = named(QComboBox(), "Locality", "Where the child lives")
        _locality_choices(self.locality, localities)
        for text, widget in (
            ("Child &reference:", self.reference),
            ("&Year group:", self.year),
            ("Primary &need:", self.need),
            ("Pl&an stage:", self.stage),
            ("Named s&etting:", self.plan_setting),
            ("&Locality:", self.locality),
        ):
            self.add_row(text, widget, form)
        return box

    def _setting_form(self, settings: list[SettingRecord], localities: list[str]) -> QGroupBox:
        box = QGroupBox("The setting visited")
        form = QFormLayout(box)
        self.visit_setting = self._setting_combo(
            settings, "Setting", "The school, college or setting visited"
        )
        self.visit_setting.setItemText(0, CHOOSE_SETTING)
        self.visit_setting.insertItem(1, NEW_SETTING, NEW_SETTING)
        self.new_name = named(
            QLineEdit(), "New setting name", "The name of a setting not yet listed"
        )
        self.new_urn = named(
            QLineEdit(),
            "New setting URN",
            "Its unique reference number (6 or 7 digits), if it has one",
        )
        self.new_type = choice_combo(
            "New setting type",
            "Mainstream, special, further education…",
            [(k.label, k) for k in SettingType],
        )
        self.new_phase = choice_combo(
            "New setting phase",
            "Primary, secondary, all-through…",
            [(p.label, p) for p in SettingPhase],
        )
        self.new_locality = named(QComboBox(), "New setting locality", "Where the setting is")
        _locality_choices(self.new_locality, localities)
        for text, widget in (
            ("Setting &visited:", self.visit_setting),
            ("New setting &name:", self.new_name),
            ("&URN:", self.new_urn),
            ("T&ype:", self.new_type),
            ("P&hase:", self.new_phase),
            ("Setting loca&lity:", self.new_locality),
        ):
            self.add_row(text, widget, form)
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
        new = self.visit_setting.currentData() == NEW_SETTING
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
        # The annual review audit is only ever of an annual review: choosing it answers the
        # stage (unless the person already chose one themselves). Choosing another template
        # takes that answer back, so it never stays behind as an answer nobody gave.
        annual = template is not None and template.kind is TemplateKind.ANNUAL_REVIEW_AUDIT
        if annual and self.stage.currentData() is None:
            self.stage.setCurrentIndex(self.stage.findData(PlanStage.ANNUAL_REVIEW))
            self._stage_from_template = True
        elif not annual and self._stage_from_template:
            self.stage.setCurrentIndex(0)
            self._stage_from_template = False

    def _stage_chosen(self, _index: int) -> None:
        self._stage_from_template = False  # the person's own answer now: theirs to keep

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
        return self.is_visit and self.visit_setting.currentData() == NEW_SETTING

    @property
    def chosen_setting_uuid(self) -> str | None:
        value = self.visit_setting.currentData()
        return None if value in (None, NEW_SETTING) else str(value)

    def plan_subject(self) -> ChildPlanSubject:
        return ChildPlanSubject(
            child_reference=self.reference.text(),
            year_group=int(self.year.currentData()),
            primary_need=required(self.need, PrimaryNeed),
            plan_stage=required(self.stage, PlanStage),
            locality=self.locality.currentText().strip(),
            setting_uuid=self.plan_setting.currentData(),
        )

    def visit_subject(self, setting_uuid: str) -> SettingVisitSubject:
        return SettingVisitSubject(setting_uuid)

    def team(self) -> list[TeamMemberInput]:
        members = [TeamMemberInput(self.actor.name, self.actor.agency, self.actor.role)]
        if self.co_name.text().strip() and self.co_agency.currentData() is not None:
            members.append(
                TeamMemberInput(self.co_name.text().strip(), required(self.co_agency, Agency))
            )
        return members

    @property
    def audit_day(self) -> date:
        return picked_date(self.audit_date)

    def problems(self) -> list[FieldProblem]:
        if self.chosen_template is None:
            return [FieldProblem(self.template, "Choose the template to audit against.")]
        found = []
        if self.is_visit:
            if self.visit_setting.currentData() is None:
                found.append(
                    FieldProblem(
                        self.visit_setting, "Choose the setting visited, or “A new setting”."
                    )
                )
            elif self.needs_new_setting:
                found += self._new_setting_problems()
        else:
            reference = reference_problem(self.reference.text())
            if reference:
                found.append(FieldProblem(self.reference, reference))
            for combo, message in (
                (self.year, "Choose the child's year group."),
                (self.need, "Choose the child's primary need."),
                (self.stage, "Choose the stage of the plan audited."),
            ):
                if combo.currentData() is None:
                    found.append(FieldProblem(combo, message))
            if not self.locality.currentText().strip():
                found.append(FieldProblem(self.locality, "Enter the child's locality."))
        if self.co_name.text().strip() and self.co_agency.currentData() is None:
            found.append(FieldProblem(self.co_agency, "Choose the co-auditor's agency."))
        return found

    def _new_setting_problems(self) -> list[FieldProblem]:
        found = []
        if not self.new_name.text().strip():
            found.append(FieldProblem(self.new_name, "Enter the new setting's name."))
        urn = self.new_urn.text().strip()
        if urn and not (urn.isdigit() and len(urn) in (6, 7)):
            found.append(
                FieldProblem(self.new_urn, "A URN is 6 or 7 digits; leave it blank if none.")
            )
        for combo, message in (
            (self.new_type, "Choose the type of setting."),
            (self.new_phase, "Choose the setting's phase."),
        ):
            if combo.currentData() is None:
                found.append(FieldProblem(combo, message))
        if not self.new_locality.currentText().strip():
            found.append(FieldProblem(self.new_locality, "Enter the setting's locality."))
        return found


CHOOSE_SETTING = "Choose the setting…"
NEW_SETTING = "A new setting (enter it below)"


def _template_text(template: TemplateSummary) -> str:
    """The title, with its kind only when the title does not already say it."""
    if template.kind.label.lower() in template.title.lower():
        return template.title
    return f"{template.title} ({template.kind.label})"


def _locality_choices(combo: QComboBox, localities: list[str]) -> None:
    """Known localities to pick from, or a new one to type; none chosen to begin with."""
    combo.setEditable(True)
    combo.addItems(localities)
    combo.setCurrentIndex(-1)
    line = combo.lineEdit()
    if line is not None:
        line.setPlaceholderText("Choose or type the locality")
