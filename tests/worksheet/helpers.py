"""Reading the worksheet's outputs back, and filling its form as a browser would."""

import io
import re

from bs4 import BeautifulSoup
from docx import Document
from pypdf import PdfReader

NATIONAL = "/vejledninger/indsatsplan/udfyld/"
REGIONAL = "/regioner/midtjylland/indsatsplan/udfyld/"
SAME_SITE = {"HTTP_ORIGIN": "http://testserver"}


def pdf_text(content):
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def docx_text(content):
    document = Document(io.BytesIO(content))
    texts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts += [cell.text for cell in row.cells]
    return "\n".join(texts)


def squashed(text):
    """Text without whitespace: a PDF's lines break where the page does."""
    return re.sub(r"\s+", "", text)


def form_data(html):
    """What a browser posts from the page's worksheet form, buttons left out."""
    form = BeautifulSoup(html, "html.parser").select_one("form[data-worksheet]")
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        if field.name == "input" and field.get("type") in ("checkbox", "submit", "button"):
            continue
        if field.name == "textarea":
            value = field.get_text()
            value = value[1:] if value.startswith("\n") else value
        elif field.name == "select":
            chosen = field.select_one("option[selected]")
            value = chosen.get("value", "") if chosen else ""
        else:
            value = field.get("value", "")
        data[field["name"]] = value
    return data


def fields(html):
    """name -> label text of every field of the worksheet form."""
    soup = BeautifulSoup(html, "html.parser")
    labels = {label["for"]: label.get_text(" ", strip=True) for label in soup.select("label[for]")}
    form = soup.select_one("form[data-worksheet]")
    return {
        field["name"]: labels.get(field.get("id"), "")
        for field in form.select("textarea[name], input[name]:not([type=hidden]), select[name]")
    }
