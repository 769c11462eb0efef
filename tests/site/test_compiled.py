"""Compiled theme templates are kept between environments, and an edited template is never served stale."""

import jinja2

from generator.site.compiled import CompiledTemplates


def _env(folder, cache):
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), bytecode_cache=cache, autoescape=True)


def test_a_new_environment_reuses_the_compiled_template(tmp_path, monkeypatch):
    (tmp_path / "page.html").write_text("Hello {{ name }}")
    cache = CompiledTemplates()
    assert _env(tmp_path, cache).get_template("page.html").render(name="Kabul") == "Hello Kabul"
    compiled = []
    monkeypatch.setattr(jinja2.Environment, "_compile", lambda self, *a: compiled.append(a) or None)
    assert _env(tmp_path, cache).get_template("page.html").render(name="Herat") == "Hello Herat"
    assert compiled == []


def test_an_edited_template_is_compiled_again(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("Hello {{ name }}")
    cache = CompiledTemplates()
    _env(tmp_path, cache).get_template("page.html").render(name="x")
    page.write_text("Goodbye {{ name }}")
    assert _env(tmp_path, cache).get_template("page.html").render(name="Kabul") == "Goodbye Kabul"
