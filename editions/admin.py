from django.contrib import admin

from editions.models import Amendment, AmendmentChange


class AmendmentChangeInline(admin.TabularInline):
    model = AmendmentChange
    extra = 0
    readonly_fields = ["kind", "indicator", "activity", "row", "field", "year", "before", "after", "made_at"]
    can_delete = False


@admin.register(Amendment)
class AmendmentAdmin(admin.ModelAdmin):
    list_display = [
        "edition",
        "sequence",
        "basis",
        "document_number",
        "document_date",
        "effective_year",
        "closed_at",
    ]
    list_filter = ["edition", "basis"]
    inlines = [AmendmentChangeInline]
