from django.contrib import admin

from areas.models import (
    AreaPlacement,
    ChangeArea,
    ExpectedResult,
    Indicator,
    IndicatorTarget,
    PokjaMembership,
    Scale,
    ScaleLevel,
)


class ScaleLevelInline(admin.TabularInline):
    model = ScaleLevel
    extra = 0


@admin.register(Scale)
class ScaleAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "bands_include"]
    search_fields = ["name", "code", "levels__label"]
    inlines = [ScaleLevelInline]


@admin.register(ScaleLevel)
class ScaleLevelAdmin(admin.ModelAdmin):
    list_display = ["scale", "label", "code", "rank", "order", "min_score", "max_score"]
    list_filter = ["scale"]
    search_fields = ["label", "code"]


class AreaPlacementInline(admin.TabularInline):
    model = AreaPlacement
    extra = 0


class ExpectedResultInline(admin.TabularInline):
    model = ExpectedResult
    extra = 0


class PokjaMembershipInline(admin.TabularInline):
    model = PokjaMembership
    extra = 0
    autocomplete_fields = ["agency"]


@admin.register(ChangeArea)
class ChangeAreaAdmin(admin.ModelAdmin):
    list_display = ["order", "name", "edition"]
    list_display_links = ["name"]
    list_filter = ["edition"]
    search_fields = ["name", "placements__name_as_written"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AreaPlacementInline, ExpectedResultInline, PokjaMembershipInline]


@admin.register(AreaPlacement)
class AreaPlacementAdmin(admin.ModelAdmin):
    list_display = ["area", "section", "position", "name_as_written"]
    list_filter = ["section", "area__edition"]
    search_fields = ["name_as_written", "area__name"]


@admin.register(ExpectedResult)
class ExpectedResultAdmin(admin.ModelAdmin):
    list_display = ["area", "section", "order", "text"]
    list_filter = ["section", "area"]
    search_fields = ["text"]


@admin.register(PokjaMembership)
class PokjaMembershipAdmin(admin.ModelAdmin):
    list_display = ["area", "agency", "order"]
    list_filter = ["area", "agency"]
    search_fields = ["agency__name", "area__name"]
    autocomplete_fields = ["agency"]


class IndicatorTargetInline(admin.TabularInline):
    model = IndicatorTarget
    extra = 0
    raw_id_fields = ["level"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "area", "unit", "target_kind", "scale", "direction", "aggregation"]
    list_filter = ["area__edition", "area", "target_kind", "direction", "aggregation", "scale"]
    search_fields = ["name", "unit"]
    inlines = [IndicatorTargetInline]


@admin.register(IndicatorTarget)
class IndicatorTargetAdmin(admin.ModelAdmin):
    list_display = ["indicator", "year", "as_written", "number", "level", "comparator"]
    list_filter = ["year", "indicator__area"]
    search_fields = ["indicator__name", "as_written"]
    list_select_related = ["indicator", "level"]
