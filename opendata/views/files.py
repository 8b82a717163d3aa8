"""The open data of progress as files: JSON, CSV per table, and the schema. No login needed."""

import hashlib
import json

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from opendata import schema
from opendata.document import csv_text_of, json_text
from opendata.freshness import chosen_edition, freshness, not_modified, stamp
from opendata.progress import build

JSON = "application/json; charset=utf-8"


def schema_url(request) -> str:
    return request.build_absolute_uri(reverse("opendata:schema-json", kwargs={"version": schema.VERSION}))


@login_not_required
@require_safe
def progress_json(request):
    edition = chosen_edition(request)
    fresh = freshness(edition)
    etag = fresh.etag("json")
    answer = not_modified(request, etag, fresh)
    if answer is not None:
        return answer
    response = HttpResponse(json_text(build(edition), schema_url(request)), content_type=JSON)
    response["Access-Control-Allow-Origin"] = "*"
    return stamp(response, etag, fresh)


@login_not_required
@require_safe
def progress_csv(request, table: str):
    tables = {name: key for key, name in schema.CSV_TABLES.items()}
    if table not in tables:
        raise Http404("Tabel tidak dikenal.")
    edition = chosen_edition(request)
    fresh = freshness(edition)
    etag = fresh.etag("csv", table)
    answer = not_modified(request, etag, fresh)
    if answer is not None:
        return answer
    response = HttpResponse(
        csv_text_of(build(edition), tables[table]), content_type="text/csv; charset=utf-8"
    )
    name = f"data-terbuka-{slugify(edition.short_label.replace('/', '-'))}-{table}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Access-Control-Allow-Origin"] = "*"
    return stamp(response, etag, fresh)


@login_not_required
@require_safe
def schema_json(request, version: int):
    if version != schema.VERSION:
        raise Http404("Versi skema tidak dikenal.")
    text = json.dumps(schema.describe(), ensure_ascii=False, indent=1) + "\n"
    etag = f'"{hashlib.sha256(text.encode()).hexdigest()[:24]}"'
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(text, content_type=JSON)
    response["ETag"] = etag
    response["Access-Control-Allow-Origin"] = "*"
    return response
