"""Compare: each relocation figure names the path it belongs to (issue 13)."""

from __future__ import annotations

from tests.app.conftest import open_app, shown


def test_relocation_help_one_figure_per_path_each_named() -> None:
    at = open_app(
        {"balance": "250000", "sale_price": "200000", "path": "short_sale"},
        page="pages/compare.py",
    )
    assert not at.exception
    lines = [shown(m.value) for m in at.markdown if "to help you move" in shown(m.value)]
    assert len(lines) == 2
    assert "up to $3,000.00 to help you move after a short sale." in lines[0]
    assert "up to $7,500.00 to help you move after a deed in lieu of foreclosure." in lines[1]
    assert not any("this sale" in line for line in lines)
