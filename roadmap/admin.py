from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from roadmap.models import (
    Agency,
    AgencySpelling,
    DocumentTable,
    LegalBasis,
    Risk,
    RiskSolution,
    RoadmapEdition,
    Team,
    TeamMember,
    UserProfile,
)


class LegalBasisInline(admin.TabularInline):
    model = LegalBasis
    extra = 0


@admin.register(RoadmapEdition)
class RoadmapEditionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "title", "enacted_on", "start_year", "end_year"]
    search_fields = ["title", "regulation_number"]
    list_filter = ["regulation_year"]
    inlines = [LegalBasisInline]


@admin.register(LegalBasis)
class LegalBasisAdmin(admin.ModelAdmin):
    list_display = ["edition", "kind", "label", "text"]
    list_filter = ["edition", "kind"]
    search_fields = ["text"]


class AgencySpellingInline(admin.TabularInline):
    model = AgencySpelling
    extra = 0


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "code", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "code", "spellings__spelling"]
    prepopulated_fields = {"code": ["short_name"]}
    inlines = [AgencySpellingInline]


@admin.register(AgencySpelling)
class AgencySpellingAdmin(admin.ModelAdmin):
    list_display = ["spelling", "agency"]
    list_filter = ["agency__kind"]
    search_fields = ["spelling", "agency__name"]
    autocomplete_fields = ["agency"]


class TeamMemberInline(admin.TabularInline):
    model = TeamMember
    extra = 0
    autocomplete_fields = ["agency"]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "edition", "source_table"]
    list_filter = ["edition", "kind"]
    search_fields = ["name"]
    inlines = [TeamMemberInline]


@admin.register(TeamMember)
class TeamMemberAdmin(admin.ModelAdmin):
    list_display = ["team", "order", "position", "office", "agency"]
    list_filter = ["team__edition", "team"]
    search_fields = ["position", "office", "agency__name"]
    autocomplete_fields = ["agency"]


class RiskSolutionInline(admin.TabularInline):
    model = RiskSolution
    extra = 0


@admin.register(Risk)
class RiskAdmin(admin.ModelAdmin):
    list_display = ["number", "obstacle", "edition"]
    list_filter = ["edition"]
    search_fields = ["obstacle", "solutions__text"]
    inlines = [RiskSolutionInline]


@admin.register(RiskSolution)
class RiskSolutionAdmin(admin.ModelAdmin):
    list_display = ["risk", "order", "text"]
    list_filter = ["risk__edition"]
    search_fields = ["text"]


@admin.register(DocumentTable)
class DocumentTableAdmin(admin.ModelAdmin):
    list_display = ["section", "title", "edition", "order"]
    list_filter = ["edition"]
    search_fields = ["title", "section"]


class UserProfileInline(admin.StackedInline):
    model = UserProfile
    can_delete = False
    autocomplete_fields = ["agency"]


class UserWithProfileAdmin(UserAdmin):
    inlines = [*UserAdmin.inlines, UserProfileInline]
    list_display = [*UserAdmin.list_display, "profile"]
    list_filter = [*UserAdmin.list_filter, "profile__role", "profile__agency"]
    list_select_related = ["profile__agency"]


admin.site.unregister(get_user_model())
admin.site.register(get_user_model(), UserWithProfileAdmin)


@admin.register(UserProfile)
class UserProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "agency", "must_change_password"]
    list_filter = ["role", "agency", "must_change_password"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "agency__name"]
    list_select_related = ["user", "agency"]
    autocomplete_fields = ["agency"]
