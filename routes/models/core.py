"""Routes and their ordered steps, the triggers that move a case, situations, phases and the quickscan."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from directory.models import Faq, Meeting, Role
from regions.models import Sector, SluggedContent
from regions.sources import SOURCE_CHOICES, SourceMixin


class Phase(SluggedContent):
    """One of the five phases of the Kenniskaart: own and shared tasks of school and youth care."""

    order = models.PositiveSmallIntegerField(_("volgorde"))
    name = models.CharField(_("naam"), max_length=100)
    description = models.TextField(_("beschrijving"), blank=True)
    education_tasks = models.TextField(_("taken onderwijs"), blank=True)
    youth_care_tasks = models.TextField(_("taken jeugdhulp"), blank=True)
    shared_tasks = models.TextField(_("gedeelde taken"), blank=True)

    class Meta(SluggedContent.Meta):
        ordering = ["order"]
        verbose_name = _("fase")
        verbose_name_plural = _("fasen")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("routes:compare") + f"#fase-{self.slug}"


class RouteKind(models.TextChoices):
    LADDER = "ladder", _("Niveaus (piramide of ladder)")
    FLOW = "flow", _("Stappen met vertakkingen")


class Route(SluggedContent):
    """An escalation route: the HGW pyramid, PM0-PM5, the OZA route, a routekaart."""

    name = models.CharField(_("naam"), max_length=150)
    kind = models.CharField(_("soort"), max_length=10, choices=RouteKind.choices, default=RouteKind.LADDER)
    sectors = models.ManyToManyField(Sector, verbose_name=_("sectoren"), blank=True, related_name="routes")
    summary = models.TextField(_("samenvatting"), blank=True)

    class Meta(SluggedContent.Meta):
        ordering = ["region", "name"]
        verbose_name = _("route")
        verbose_name_plural = _("routes")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("routes:route", kwargs={"region": self.region.slug, "slug": self.slug})


class StepQuerySet(models.QuerySet):
    def published(self) -> StepQuerySet:
        """Steps are published with their route: what the pages may show."""
        return self.filter(route__in=Route.objects.published())


class Step(SourceMixin, models.Model):
    """One step or level of a route, in order."""

    region_path = "route__region"

    route = models.ForeignKey(Route, verbose_name=_("route"), on_delete=models.CASCADE, related_name="steps")
    slug = models.SlugField(_("slug"), max_length=80)
    order = models.PositiveSmallIntegerField(_("volgorde"))
    code = models.CharField(_("code"), max_length=40, blank=True, help_text=_("Zoals het handboek de stap noemt: PM2, Niveau 3."))
    title = models.CharField(_("titel"), max_length=200)
    branch = models.CharField(
        _("zijtak"), max_length=80, blank=True, help_text=_("Leeg voor de hoofdlijn, bijvoorbeeld 'stagnatie'.")
    )
    phase = models.ForeignKey(
        Phase, verbose_name=_("fase"), null=True, blank=True, on_delete=models.PROTECT, related_name="steps"
    )
    description = models.TextField(_("wat gebeurt er"), blank=True)
    regie_role = models.ForeignKey(
        Role, verbose_name=_("regiehouder"), null=True, blank=True, on_delete=models.PROTECT, related_name="regie_steps"
    )
    regie_text = models.CharField(_("regie (tekst)"), max_length=300, blank=True)
    roles = models.ManyToManyField(Role, verbose_name=_("betrokken rollen"), blank=True, related_name="steps")
    meetings = models.ManyToManyField(Meeting, verbose_name=_("overleggen"), blank=True, related_name="steps")
    parents = models.TextField(_("ouders en leerling"), blank=True, help_text=_("Wat wordt ouders en leerling gevraagd?"))
    deadlines = models.TextField(_("termijnen"), blank=True)
    requires = models.TextField(
        _("wat moet er eerst zijn"),
        blank=True,
        help_text=_("Voorwaarden voor deze stap, bijvoorbeeld een OPP voor een TLV-aanvraag, of toestemming van ouders."),
    )
    source_document = models.CharField(_("bron"), max_length=40, choices=SOURCE_CHOICES, default="redactie")
    source_section = models.CharField(_("bronhoofdstuk"), max_length=300, blank=True)
    history = HistoricalRecords()
    objects = StepQuerySet.as_manager()

    class Meta:
        ordering = ["route", "order"]
        verbose_name = _("stap")
        verbose_name_plural = _("stappen")
        constraints = [
            models.UniqueConstraint(fields=["route", "order"], name="routes_step_unique_order"),
            models.UniqueConstraint(fields=["route", "slug"], name="routes_step_unique_slug"),
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.title}" if self.code else self.title

    def get_absolute_url(self) -> str:
        return self.route.get_absolute_url() + f"#stap-{self.slug}"

    @property
    def region(self):
        return self.route.region

    def clean(self) -> None:
        if self.regie_role_id and self.route_id and not self.route.region.accepts(self.regie_role.region):
            raise ValidationError({"regie_role": _("Kies een rol uit de regio van de route.")}, code="role_other_region")


class TransitionKind(models.TextChoices):
    ESCALATE = "escalate", _("Opschalen")
    DEESCALATE = "deescalate", _("Afschalen")
    BRANCH = "branch", _("Zijtak")


class StepTransition(models.Model):
    """A link from one step to another of the same route."""

    region_path = "from_step__route__region"

    from_step = models.ForeignKey(Step, verbose_name=_("van stap"), on_delete=models.CASCADE, related_name="next_links")
    to_step = models.ForeignKey(Step, verbose_name=_("naar stap"), on_delete=models.CASCADE, related_name="previous_links")
    kind = models.CharField(_("soort"), max_length=12, choices=TransitionKind.choices, default=TransitionKind.ESCALATE)
    label = models.CharField(_("wanneer"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["from_step", "to_step__order"]
        verbose_name = _("overgang")
        verbose_name_plural = _("overgangen")
        constraints = [models.UniqueConstraint(fields=["from_step", "to_step"], name="routes_transition_unique")]

    def __str__(self) -> str:
        return f"{self.from_step} → {self.to_step}"

    def get_absolute_url(self) -> str:
        return self.from_step.get_absolute_url()

    def clean(self) -> None:
        if self.from_step_id and self.to_step_id:
            if self.from_step_id == self.to_step_id:
                raise ValidationError(_("Een stap kan niet naar zichzelf leiden."), code="self_transition")
            if self.from_step.route_id != self.to_step.route_id:
                raise ValidationError(_("Beide stappen moeten bij dezelfde route horen."), code="transition_other_route")


class TriggerMatch(models.TextChoices):
    ANY = "any", _("Eén van de regels")
    ALL = "all", _("Alle regels")


class Trigger(SluggedContent):
    """A signal that moves a case, stored as numbers so it can be computed."""

    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("beschrijving"), blank=True)
    route = models.ForeignKey(
        Route, verbose_name=_("route"), null=True, blank=True, on_delete=models.PROTECT, related_name="triggers"
    )
    step = models.ForeignKey(
        Step, verbose_name=_("stap"), null=True, blank=True, on_delete=models.PROTECT, related_name="triggers"
    )
    contact_role = models.ForeignKey(
        Role, verbose_name=_("wie neem je contact op"), null=True, blank=True, on_delete=models.PROTECT, related_name="triggers"
    )
    level = models.SmallIntegerField(_("niveau"), null=True, blank=True, help_text=_("Hoger is ernstiger."))
    match = models.CharField(_("combinatie"), max_length=3, choices=TriggerMatch.choices, default=TriggerMatch.ANY)
    target_share = models.CharField(_("streefaandeel"), max_length=120, blank=True)
    situations = models.ManyToManyField(
        "Situation",
        verbose_name=_("situaties"),
        blank=True,
        related_name="triggers",
        help_text=_("Op deze situatiepagina's staat een verwijzing naar de verzuimcheck."),
    )

    class Meta(SluggedContent.Meta):
        ordering = ["region", "level", "name"]
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        if self.route_id:
            return self.route.get_absolute_url() + f"#signaal-{self.slug}"
        # Without a route a trigger is shown where it is computed: the attendance check lists every rule.
        return reverse("routes:attendance_check", kwargs={"region": self.region.slug}) + f"#afspraak-{self.slug}"

    def fires(self, values: dict[str, Decimal | int | float | None]) -> bool:
        """Whether this trigger fires for the measured values; rules on unknown metrics never fire.

        Uses prefetched `rules`.
        """
        results = [rule.holds(values.get(rule.metric)) for rule in self.rules.all()]
        if not results:
            return False
        return all(results) if self.match == TriggerMatch.ALL else any(results)

    def clean(self) -> None:
        super().clean()
        if self.step_id and self.route_id and self.step.route_id != self.route_id:
            raise ValidationError({"step": _("Deze stap hoort niet bij de gekozen route.")}, code="step_other_route")


class Metric(models.TextChoices):
    SICK_REPORTS_12W = "sick_reports_12w", _("ziekmeldingen in de laatste 12 weken")
    CONSECUTIVE_SICK_DAYS = "consecutive_sick_days", _("aaneengesloten ziektedagen")
    UNEXCUSED_HOURS_4W = "unexcused_hours_4w", _("uren ongeoorloofd verzuim in 4 weken")
    ATTENDANCE_PCT = "attendance_pct", _("aanwezigheid in procenten")
    ABSENT_WEEKS = "absent_weeks", _("weken zonder school")


class Operator(models.TextChoices):
    GTE = "gte", "≥"
    GT = "gt", ">"
    LTE = "lte", "≤"
    LT = "lt", "<"


def written_number(value: Decimal) -> str:
    """A number as people write it: 80, 16, 87,5 (Dutch decimal comma), never 8E+1 or 80.00."""
    return format(value.normalize(), "f").replace(".", ",")


class TriggerRule(models.Model):
    """One numeric condition of a trigger, e.g. sick reports in 12 weeks ≥ 4."""

    region_path = "trigger__region"

    trigger = models.ForeignKey(Trigger, verbose_name=_("signaal"), on_delete=models.CASCADE, related_name="rules")
    metric = models.CharField(_("meting"), max_length=30, choices=Metric.choices)
    op = models.CharField(_("vergelijking"), max_length=3, choices=Operator.choices)
    value = models.DecimalField(_("grens"), max_digits=7, decimal_places=2)
    history = HistoricalRecords()

    class Meta:
        ordering = ["trigger", "pk"]
        verbose_name = _("regel")
        verbose_name_plural = _("regels")

    def __str__(self) -> str:
        return f"{self.get_metric_display()} {self.get_op_display()} {written_number(self.value)}"

    def get_absolute_url(self) -> str:
        return self.trigger.get_absolute_url()

    def holds(self, measured: Decimal | int | float | None) -> bool:
        if measured is None:
            return False
        measured = Decimal(str(measured))
        return {
            Operator.GTE: measured >= self.value,
            Operator.GT: measured > self.value,
            Operator.LTE: measured <= self.value,
            Operator.LT: measured < self.value,
        }[self.op]


class Situation(SluggedContent):
    """A common worry ("zorgelijk ziekteverzuim", "thuiszitten") and who to contact first."""

    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("beschrijving"), blank=True)
    keywords = models.TextField(
        _("zoekwoorden"),
        blank=True,
        help_text=_('Woorden die mensen gebruiken als ze dit zoeken, gescheiden door komma\'s: "gepest", "spijbelen".'),
    )
    sectors = models.ManyToManyField(Sector, verbose_name=_("sectoren"), blank=True, related_name="situations")
    route = models.ForeignKey(
        Route, verbose_name=_("route"), null=True, blank=True, on_delete=models.PROTECT, related_name="situations"
    )
    step = models.ForeignKey(
        Step, verbose_name=_("stap"), null=True, blank=True, on_delete=models.PROTECT, related_name="situations"
    )
    first_roles = models.ManyToManyField(
        Role, verbose_name=_("eerst contact met"), through="SituationContact", blank=True, related_name="situations"
    )
    # On the situation, not the question: routes sits above directory, and a situation may point at its own
    # region's questions or national ones, as any content may.
    faqs = models.ManyToManyField(Faq, verbose_name=_("veelgestelde vragen"), blank=True, related_name="situations")

    class Meta(SluggedContent.Meta):
        ordering = ["region", "title"]
        verbose_name = _("situatie")
        verbose_name_plural = _("situaties")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("routes:situation", kwargs={"region": self.region.slug, "slug": self.slug})


class SituationContact(models.Model):
    """The roles to contact for a situation, in the order to contact them."""

    region_path = "situation__region"

    situation = models.ForeignKey(Situation, verbose_name=_("situatie"), on_delete=models.CASCADE, related_name="contacts")
    role = models.ForeignKey(Role, verbose_name=_("rol"), on_delete=models.PROTECT, related_name="+")
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["situation", "order"]
        verbose_name = _("eerste contact")
        verbose_name_plural = _("eerste contacten")
        constraints = [models.UniqueConstraint(fields=["situation", "role"], name="routes_situation_contact_unique")]

    def __str__(self) -> str:
        return f"{self.situation}: {self.role}"

    def get_absolute_url(self) -> str:
        return self.situation.get_absolute_url()


class QuickscanTheme(SluggedContent):
    """A theme of the Kenniskaart quickscan on how well school and youth care work together."""

    order = models.PositiveSmallIntegerField(_("volgorde"))
    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("beschrijving"), blank=True)

    class Meta(SluggedContent.Meta):
        ordering = ["order"]
        verbose_name = _("quickscanthema")
        verbose_name_plural = _("quickscanthema's")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("routes:quickscan") + f"#thema-{self.slug}"


class QuickscanItem(models.Model):
    """One statement of a quickscan theme, rated "Is goed / Neutraal / Kan beter"."""

    region_path = "theme__region"

    theme = models.ForeignKey(QuickscanTheme, verbose_name=_("thema"), on_delete=models.CASCADE, related_name="items")
    order = models.PositiveSmallIntegerField(_("volgorde"))
    text = models.TextField(_("stelling"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["theme", "order"]
        verbose_name = _("quickscanstelling")
        verbose_name_plural = _("quickscanstellingen")

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        return self.theme.get_absolute_url()
