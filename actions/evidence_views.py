"""Evidence files on updates: upload, download, delete. (Being written.)"""

from django.http import HttpRequest, HttpResponse


def upload(request: HttpRequest, pk: int) -> HttpResponse:
    raise NotImplementedError


def download(request: HttpRequest, pk: int) -> HttpResponse:
    raise NotImplementedError


def delete(request: HttpRequest, pk: int) -> HttpResponse:
    raise NotImplementedError
