"""Every kind of bad input ends with a French message, its line, a clean exit status and no traceback.

One table, one row per kind: the YAML (loaded by ``referentiel check``), the command line,
and the open-data export (``referentiel import``). Each row states the exit status, the
words of the message and, where there is one, the line it must name.
"""

from __future__ import annotations

import errno
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sitebuild import DATA

from referentiel.cli import main

SEED = DATA.read_text(encoding="utf-8")
EXPORT = Path(__file__).parent / "fixtures" / "rncp" / "export_fiches_RNCP_V4_1_extrait.xml"
EXPORT_TEXT = EXPORT.read_text(encoding="utf-8")
FICHE = "RNCP37674"


def seed(old: str, new: str) -> str:
    """The seed with the first ``old`` replaced by ``new``."""
    assert old in SEED, old
    return SEED.replace(old, new, 1)


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


@dataclass(frozen=True)
class YamlCase:
    content: str | bytes
    words: str  # in the message
    line: int | None = None  # the line the message names
    item: str | None = None  # the item it names


def _alias_bomb(levels: int) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for level in range(1, levels):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines) + "\n"


SEED_ID_B1 = line_of(SEED, "  - id: B1")
NIVEAU = line_of(SEED, "  niveau: 7")
DATE = line_of(SEED, "    date_decision: null")
TITLE = line_of(SEED, "  intitule: Manager des stratégies")

YAML_CASES: dict[str, YamlCase] = {
    # Impossible values, and types guessed by YAML 1.1
    "date impossible": YamlCase(seed("date_decision: null", "date_decision: 2024-02-30"), "pas une date réelle", DATE),
    "mois 13": YamlCase(seed("date_decision: null", "date_decision: 2024-13-01"), "pas une date réelle", DATE),
    "date mal formée": YamlCase(seed("date_decision: null", "date_decision: 2024-2-3"), "forme invalide", DATE),
    "date en chiffres arabes": YamlCase(seed("date_decision: null", 'date_decision: "٢٠٢٤-01-01"'), "forme invalide", DATE),
    "étiquette !!int": YamlCase(seed("  niveau: 7", "  niveau: !!int abc"), "étiquette YAML non autorisée", NIVEAU),
    "nombre de 5000 chiffres": YamlCase(seed("  niveau: 7", "  niveau: " + "9" * 5000), "nombre de plus de 30 chiffres", NIVEAU),
    "nombre infini": YamlCase(seed("  niveau: 7", "  niveau: 1e999"), "nombre hors limites", NIVEAU),
    "nan": YamlCase(seed("  niveau: 7", "  niveau: .nan"), "doit être un nombre entier", NIVEAU),
    "niveau décimal": YamlCase(seed("  niveau: 7", "  niveau: 7.5"), "doit être un nombre entier", NIVEAU),
    "niveau hexadécimal": YamlCase(seed("  niveau: 7", "  niveau: 0x7"), "doit être un nombre entier", NIVEAU),
    "niveau entre guillemets": YamlCase(seed("  niveau: 7", '  niveau: "7"'), "doit être un nombre entier", NIVEAU),
    "booléen yes de YAML 1.1": YamlCase(seed("  niveau: 7", "  niveau: 7\n  active: yes"), "doit être un booléen", NIVEAU + 1),
    "texte pris pour un nombre": YamlCase(seed("  intitule: Manager des stratégies communication marketing", "  intitule: 1.10"), "doit être un texte", TITLE),
    # Explicit tags, anchors and aliases
    "objet Python": YamlCase(seed("  niveau: 7", "  niveau: !!python/object/apply:os.system ['true']"), "étiquette YAML non autorisée", NIVEAU),
    "étiquette locale": YamlCase(seed("  niveau: 7", "  niveau: !perso 7"), "étiquette YAML non autorisée", NIVEAU),
    "binaire": YamlCase(seed("  niveau: 7", "  niveau: !!binary aGVsbG8="), "étiquette YAML non autorisée", NIVEAU),
    "alias sur lui-même": YamlCase("a: &a [*a]\n", "alias YAML (*) refusé", 1),
    "bombe d'alias à 9 niveaux": YamlCase(_alias_bomb(9), "ancre YAML (&a0) refusée", 1),
    "clé de fusion": YamlCase(seed("  niveau: 7", "  <<: {niveau: 7}"), "clé inconnue « << »", NIVEAU),
    "ancre seule": YamlCase(seed("  niveau: 7", "  niveau: &n 7"), "ancre YAML (&n) refusée", NIVEAU),
    # Limits of size, depth and count
    "500 crochets imbriqués": YamlCase("a: " + "[" * 500 + "]" * 500 + "\n", "imbrication trop profonde", 1),
    "40 niveaux de clés": YamlCase("".join("  " * i + f"k{i}:\n" for i in range(40)), "imbrication trop profonde", 33),
    "250 000 éléments": YamlCase("a: [" + ",".join(["1"] * 250_000) + "]\n", "trop d'éléments", 1),
    "fichier de 3 Mo": YamlCase("a: " + "x" * (3 * 1024 * 1024) + "\n", "fichier trop volumineux"),
    "5000 clés inconnues": YamlCase(seed("  niveau: 7", "  niveau: 7\n" + "".join(f"  k{i}: 1\n" for i in range(5000))), "et 4990 autres", NIVEAU + 1),
    # Syntax, with the line where the construct opened
    "crochet jamais fermé": YamlCase(seed("  codes_nsf: []", "  codes_nsf: [a, b"), "crochet « [ » jamais fermé", line_of(SEED, "  codes_nsf: []")),
    "guillemet jamais fermé": YamlCase(seed("  niveau: 7", '  etat: "ouvert'), "guillemet", NIVEAU),
    "échappement inconnu": YamlCase(seed("  niveau: 7", '  niveau: 7\n  etat: "a\\qb"'), "séquence d'échappement inconnue", NIVEAU + 1),
    "deux documents": YamlCase(SEED + "---\na: 1\n", "un seul document YAML", len(SEED.splitlines()) + 1),
    "clé liste": YamlCase(seed("  niveau: 7", "  ? [a, b]\n  : c"), "une clé doit être un texte simple", NIVEAU),
    "clé en double": YamlCase(seed("  niveau: 7", "  niveau: 7\n  niveau: 6"), "clé « niveau » en double", NIVEAU + 1),
    "racine texte": YamlCase("bonjour\n", "doit être un ensemble de clés", 1),
    "racine liste": YamlCase("- a\n- b\n", "doit être un ensemble de clés", 1),
    "fichier vide": YamlCase("", "le fichier est vide"),
    "commentaire seul": YamlCase("# rien\n", "le fichier est vide"),
    # Control characters, encodings
    "séquence de terminal échappée": YamlCase(seed("  niveau: 7", '  niveau: 7\n  etat: "\\e]0;titre\\a\\e[2J"'), "caractère de contrôle interdit (U+001B)", NIVEAU + 1),
    "caractère NUL brut": YamlCase(seed("  niveau: 7", "  niveau: 7\n  etat: a\x00b"), "caractère de contrôle interdit (U+0000)", NIVEAU + 1),
    "NEL brut": YamlCase(seed("  niveau: 7", "  niveau: 7\n  etat: a\x85b"), "caractère de contrôle interdit (U+0085)", NIVEAU + 1),
    "séparateur de ligne Unicode": YamlCase(seed("  niveau: 7", "  niveau: 7\n  etat: a\u2028b"), "U+2028", NIVEAU + 1),
    "DEL échappé": YamlCase(seed("  niveau: 7", '  niveau: 7\n  etat: "a\\x7fb"'), "U+007F", NIVEAU + 1),
    "octet latin-1": YamlCase(seed("  niveau: 7", "  niveau: 7\n  etat: caf\xe9").encode("utf-8").replace("caf\xe9".encode(), b"caf\xe9"), "pas en UTF-8", NIVEAU + 1),
    "UTF-16": YamlCase(SEED.encode("utf-16"), "UTF-16", 1),
    "tabulation": YamlCase(seed("  niveau: 7", "\tniveau: 7"), "tabulation interdite", NIVEAU),
    # Identifiers: path characters, trailing line break, lookalikes
    "identifiant avec saut de ligne final": YamlCase(seed("  - id: B1\n", '  - id: "B1\\n"\n'), "identifiant", SEED_ID_B1, "bloc"),
    "identifiant avec ../": YamlCase(seed("  - id: B1\n", "  - id: B1/../../x\n"), "identifiant « B1/../../x » invalide", SEED_ID_B1),
    "identifiant en chiffres arabes": YamlCase(seed("  - id: B1\n", "  - id: B١\n"), "invalide", SEED_ID_B1),
    "identifiant avec espace": YamlCase(seed("  - id: B1\n", '  - id: "B 1"\n'), "invalide", SEED_ID_B1),
    "identifiant vide": YamlCase(seed("  - id: B1\n", '  - id: ""\n'), "invalide", SEED_ID_B1),
}  # fmt: skip


def _run(capsys: pytest.CaptureFixture[str], args: list[str]) -> tuple[int, str]:
    status = main(args)
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def _assert_clean(output: str) -> None:
    assert "Traceback" not in output and "Erreur interne" not in output, output
    assert "\x1b" not in output and "\x07" not in output, "raw control character printed"


@pytest.mark.parametrize("kind", YAML_CASES)
def test_bad_yaml_is_refused_in_french_with_its_line(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``referentiel check`` refuses each kind of bad YAML: exit 1, the file, the line, the reason."""
    case = YAML_CASES[kind]
    path = tmp_path / "referentiel.yaml"
    content = case.content
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    status, output = _run(capsys, ["check", str(path)])
    _assert_clean(output)
    assert status == 1, output
    assert case.words in output, output
    if case.line is not None:
        assert f"{path}, ligne {case.line}" in output, output
    else:
        assert str(path) in output, output
    if case.item:
        assert case.item in output, output


def test_timestamp_like_title_is_kept_as_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A title that looks like a YAML 1.1 timestamp stays the text the editor wrote."""
    from referentiel import parse_referentiel

    text = seed(
        "  intitule: Manager des stratégies communication marketing", "  intitule: 2001-12-14 21:59:43.10 -5"
    )
    assert parse_referentiel(text).certification.titre.startswith("2001-12-14 21:59:43.10 -5")
    norway = seed("  etablissement: SCIENCES-U LILLE - EFFICOM", "  etablissement: NO")
    assert parse_referentiel(norway).certification.etablissement == "NO"


def test_accepted_odd_files_load(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A UTF-8 BOM and Windows line endings are accepted: they are ordinary editors' output."""
    for name, data in {
        "bom.yaml": b"\xef\xbb\xbf" + SEED.encode("utf-8"),
        "crlf.yaml": SEED.replace("\n", "\r\n").encode("utf-8"),
    }.items():
        path = tmp_path / name
        path.write_bytes(data)
        status, output = _run(capsys, ["check", str(path)])
        _assert_clean(output)
        assert status == 0, output


def test_bidirectional_controls_are_escaped_in_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A right-to-left override in a text is shown as an escape on the terminal, in text and JSON."""
    path = tmp_path / "r.yaml"
    path.write_text(seed("  - id: B1\n", "  - id: B1\u202e\n"), encoding="utf-8")
    for args in (["check", str(path)], ["check", "--json", str(path)]):
        status, output = _run(capsys, args)
        assert status == 1 and "\u202e" not in output, output
        assert "\\u202e" in output


def test_file_system_cases(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing file, a folder, a dangling link and a named pipe: each a French message, exit 1, no hang."""
    folder = tmp_path / "dossier.yaml"
    folder.mkdir()
    dangling = tmp_path / "lien.yaml"
    dangling.symlink_to(tmp_path / "absent-cible.yaml")
    pipe = tmp_path / "tube.yaml"
    os.mkfifo(pipe)
    cases = {
        tmp_path / "absent.yaml": "fichier introuvable",
        folder: "c'est un dossier",
        dangling: "fichier introuvable",
        pipe: "fichier spécial",
    }
    for path, words in cases.items():
        status, output = _run(capsys, ["check", str(path)])
        _assert_clean(output)
        assert status == 1 and words in output, output


def test_escape_sequences_in_a_file_name_are_not_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file name holding a terminal escape is shown escaped."""
    path = tmp_path / "x\x1b]0;pwned\x07.yaml"
    status, output = _run(capsys, ["check", str(path)])
    _assert_clean(output)
    assert status == 1 and "\\x1b]0;pwned\\x07" in output


# The command line: each mistake is named in French, exit 2, before anything is read.
COMMAND_LINE_CASES = {
    "aucune commande": ([], "arguments obligatoires manquants"),
    "commande inconnue": (["verifier"], "choix invalide"),
    "option inconnue": (["check", "--jsn"], "arguments inconnus"),
    "date d'export en mots": (["check", "--date-export", "hier"], "« hier » n'est pas une date"),
    "date d'export impossible": (["check", "--date-export", "2026-02-30"], "n'est pas une date"),
    "numéro de fiche avec ../": (
        ["import", str(EXPORT), "--fiche", "../../etc"],
        "n'est pas un numéro de fiche",
    ),
    "numéro de fiche vide": (["import", str(EXPORT), "--fiche", ""], "n'est pas un numéro de fiche"),
    "import sans fiche": (["import", str(EXPORT)], "l'un des arguments --fiche --toutes est obligatoire"),
    "valeur manquante": (["import", str(EXPORT), "--fiche"], "une valeur attendue"),
}


@pytest.mark.parametrize("kind", COMMAND_LINE_CASES)
def test_command_line_mistakes_are_told_in_french(kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    """argparse's English is never shown: French reason, usage line, exit 2."""
    args, words = COMMAND_LINE_CASES[kind]
    with pytest.raises(SystemExit) as stopped:
        main(args)
    output = capsys.readouterr().err
    _assert_clean(output)
    assert stopped.value.code == 2
    assert words in output and "utilisation : referentiel" in output, output
    assert "error" not in output and "usage" not in output


def test_help_is_french(capsys: pytest.CaptureFixture[str]) -> None:
    """``--help`` speaks French too."""
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    output = capsys.readouterr().out
    assert "affiche cette aide" in output and "options" in output and "show this help" not in output


# Bad exports: exit 2, a French message, nothing written.
def _export_with(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def _fiche_block(number: str) -> str:
    start = EXPORT_TEXT.index(f"<NUMERO_FICHE>{number}</NUMERO_FICHE>")
    begin = EXPORT_TEXT.rindex("<FICHE>", 0, start)
    end = EXPORT_TEXT.index("</FICHE>", start) + len("</FICHE>")
    return EXPORT_TEXT[begin:end]


def _zip(tmp_path: Path, members: dict[str, bytes]) -> Path:
    path = tmp_path / "export_2026-08-16.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<FICHES>\n<VERSION_FLUX>4.1</VERSION_FLUX>\n'

EXPORT_CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "pas du XML": (lambda t: _export_with(t, "e.xml", "bonjour"), "ce n'est pas un fichier XML"),
    "tronqué": (lambda t: _export_with(t, "e.xml", EXPORT_TEXT[: len(EXPORT_TEXT) // 2]), "fichier tronqué"),
    "encodage inconnu": (
        lambda t: _export_with(t, "e.xml", EXPORT_TEXT.replace('encoding="UTF-8"', 'encoding="TF-8"', 1)),
        "encodage déclaré inconnu",
    ),
    "version 4.0": (
        lambda t: _export_with(t, "e.xml", EXPORT_TEXT.replace(">4.1<", ">4.0<", 1)),
        "version de flux 4.0",
    ),
    "fiche en double": (
        lambda t: _export_with(t, "e.xml", HEAD + _fiche_block(FICHE) * 2 + "</FICHES>"),
        "figure deux fois",
    ),
    "texte de 9 Mo": (
        lambda t: _export_with(t, "e.xml", HEAD + "<FICHE><X>" + "a" * (9 * 1024 * 1024) + "</X></FICHE></FICHES>"),
        "élément de plus de 8 Mo",
    ),
    "60 000 éléments vides": (
        lambda t: _export_with(t, "e.xml", HEAD + "<FICHE>" + "<X/>" * 60_000 + "</FICHE></FICHES>"),
        "plus de 50000 éléments",
    ),
    "entités en expansion": (
        lambda t: _export_with(
            t,
            "e.xml",
            '<?xml version="1.0"?>\n<!DOCTYPE FICHES [<!ENTITY a "aaaaaaaaaa">'
            + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
            + "]>\n<FICHES><VERSION_FLUX>4.1</VERSION_FLUX><FICHE><X>&i;</X></FICHE></FICHES>",
        ),
        "expansion excessive",
    ),
    "bombe zip": (
        lambda t: _zip(t, {"e.xml": (HEAD + "<FICHE><X>" + " " * (40 * 1024 * 1024) + "</X></FICHE></FICHES>").encode()}),
        "archive suspecte",
    ),
    "zip à deux XML": (lambda t: _zip(t, {"a.xml": b"<a/>", "b.xml": b"<b/>"}), "un seul fichier XML (2 trouvés)"),
    "zip tronqué": (
        lambda t: _export_with(t, "e.zip", _zip(t, {"e.xml": EXPORT.read_bytes()}).read_bytes()[:5000]),
        "archive zip tronquée",
    ),
    "fiche absente": (lambda t: _export_with(t, "e.xml", HEAD + "</FICHES>"), "introuvable(s) dans l'export"),
    "export introuvable": (lambda t: t / "absent.xml", "fichier introuvable"),
}  # fmt: skip


@pytest.mark.parametrize("kind", EXPORT_CASES)
def test_bad_export_is_refused_and_nothing_written(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``referentiel import`` refuses each kind of bad export with exit 2 and writes nothing."""
    make, words = EXPORT_CASES[kind]
    export = make(tmp_path)
    output = tmp_path / "sortie"
    status, printed = _run(capsys, ["import", str(export), "--fiche", FICHE, "--sortie", str(output)])
    _assert_clean(printed)
    assert status == 2, printed
    assert words in printed, printed
    assert not output.exists()


def test_literal_angle_brackets_keep_every_word(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """« charge &lt; 10 kg et que la hauteur &gt; 2 m » keeps its six middle words."""
    sentence = "Vérifier que la charge &lt; 10 kg et que la hauteur &gt; 2 m avant le levage"
    text = EXPORT_TEXT.replace(
        "<LISTE_COMPETENCES>Installer et configurer",
        f"<LISTE_COMPETENCES>{sentence}  Installer et configurer",
        1,
    )
    export = _export_with(tmp_path, "export_2026-08-16.xml", text)
    status, printed = _run(capsys, ["import", str(export), "--fiche", FICHE, "--sortie", str(tmp_path / "o")])
    assert status == 0, printed
    written = (tmp_path / "o" / FICHE / "referentiel.yaml").read_text(encoding="utf-8")
    assert "Vérifier que la charge < 10 kg et que la hauteur > 2 m avant le levage" in written


def _import(capsys: pytest.CaptureFixture[str], output: Path, *extra: str) -> tuple[int, str]:
    return _run(capsys, ["import", str(EXPORT), "--fiche", FICHE, "--sortie", str(output), *extra])


def test_existing_file_is_kept_unless_replace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An existing referentiel.yaml is never overwritten without ``--remplacer``."""
    target = tmp_path / FICHE / "referentiel.yaml"
    target.parent.mkdir()
    target.write_text("# travail en cours\n", encoding="utf-8")
    status, printed = _import(capsys, tmp_path)
    _assert_clean(printed)
    assert status == 1 and "existe déjà" in printed and "--remplacer" in printed
    assert target.read_text(encoding="utf-8") == "# travail en cours\n"
    status, printed = _import(capsys, tmp_path, "--remplacer")
    assert status == 0, printed
    assert "RNCP37674" in target.read_text(encoding="utf-8")


def test_written_files_have_ordinary_modes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Imported files get the mode of any new file (umask applied), not 0600, and no temp file stays."""
    old = os.umask(0o022)
    try:
        status, printed = _import(capsys, tmp_path / "o")
    finally:
        os.umask(old)
    assert status == 0, printed
    target = tmp_path / "o" / FICHE / "referentiel.yaml"
    assert target.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in target.parent.iterdir()] == ["referentiel.yaml"]


def test_output_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--sortie`` naming a file: a French message, exit 1, the file untouched."""
    output = tmp_path / "fichier"
    output.write_text("x", encoding="utf-8")
    status, printed = _import(capsys, output)
    _assert_clean(printed)
    assert status == 1 and "pas un dossier" in printed, printed
    assert output.read_text(encoding="utf-8") == "x"


@pytest.mark.parametrize(
    ("fault", "words"),
    [(errno.ENOSPC, "disque plein"), (errno.EROFS, "lecture seule"), (errno.EACCES, "droits insuffisants")],
)
def test_write_faults_leave_nothing(
    fault: int,
    words: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A full disk, a read-only or forbidden folder while writing: French message, exit 1, no file left.

    The fault is injected when the second fiche's file is written (tests run as root here,
    where permissions cannot make a folder read-only), so the first must be undone too.
    """
    import referentiel.files as files

    real_fsync = os.fsync
    calls = {"n": 0}

    def failing_fsync(descriptor: int) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(fault, os.strerror(fault))
        real_fsync(descriptor)

    monkeypatch.setattr(files.os, "fsync", failing_fsync)
    output = tmp_path / "o"
    status, printed = _run(
        capsys, ["import", str(EXPORT), "--fiche", FICHE, "--fiche", "RNCP34762", "--sortie", str(output)]
    )
    _assert_clean(printed)
    assert status == 1 and words in printed and "aucun fichier n'a été écrit" in printed, printed
    assert not output.exists() or not any(output.rglob("*"))


def test_interruption_undoes_everything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C while the second fiche is moved into place: exit 130, the first fiche is undone too."""
    import referentiel.files as files

    real_replace = os.replace
    calls = {"n": 0}

    def interrupted_replace(source: str | Path, target: str | Path) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        real_replace(source, target)

    monkeypatch.setattr(files.os, "replace", interrupted_replace)
    output = tmp_path / "o"
    status, printed = _run(
        capsys, ["import", str(EXPORT), "--fiche", FICHE, "--fiche", "RNCP34762", "--sortie", str(output)]
    )
    assert status == 130 and "Interrompu" in printed, printed
    assert not output.exists() or not any(output.rglob("*"))


def test_all_or_nothing_when_one_fiche_is_missing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two fiches asked, one absent: nothing is written."""
    status, printed = _run(
        capsys,
        ["import", str(EXPORT), "--fiche", FICHE, "--fiche", "RNCP99999", "--sortie", str(tmp_path / "o")],
    )
    assert status == 2 and "RNCP99999" in printed
    assert not (tmp_path / "o").exists()


def test_what_the_import_interprets_is_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """U+0092 (a Windows-1252 apostrophe decoded as Latin-1 upstream) becomes « ’ », and an impossible
    date stays empty: both said in a note d'édition of the certification, shown on the fiche page."""
    from referentiel import load_referentiel
    from referentiel.site.pages.fiche import render_fiche
    from referentiel.site.urls import FICHE as FICHE_PAGE
    from referentiel.site.urls import Links

    block = _fiche_block(FICHE)
    changed = block.replace("<LISTE_COMPETENCES>Installer", "<LISTE_COMPETENCES>L\u0092Installer", 1)
    changed = changed.replace(
        "<DATE_FIN_ENREGISTREMENT>01/09/2028<", "<DATE_FIN_ENREGISTREMENT>31/02/2028<", 1
    )
    export = _export_with(tmp_path, "export_2026-08-16.xml", EXPORT_TEXT.replace(block, changed, 1))
    status, printed = _run(capsys, ["import", str(export), "--fiche", FICHE, "--sortie", str(tmp_path / "o")])
    assert status == 0, printed
    path = tmp_path / "o" / FICHE / "referentiel.yaml"
    assert "L’Installer" in path.read_text(encoding="utf-8")
    referentiel = load_referentiel(path)
    notes = " ".join(referentiel.certification.notes_edition)
    assert "« 31/02/2028 » comme date de fin d'enregistrement" in notes
    assert "U+0092 → « ’ »" in notes
    assert referentiel.certification.enregistrement.date_echeance is None
    page = render_fiche(Links(referentiel, FICHE_PAGE, True))
    assert "Note d'édition" in page and "31/02/2028" in page


# Through ``mkdocs build``: the same French report, with its line, and no traceback.
BUILD_CASES = [
    "date impossible",
    "alias sur lui-même",
    "500 crochets imbriqués",
    "identifiant avec saut de ligne final",
    "séquence de terminal échappée",
]


@pytest.mark.parametrize("kind", BUILD_CASES)
def test_build_refuses_cleanly(kind: str, tmp_path: Path) -> None:
    """``mkdocs build`` stops on bad YAML with the French report naming the line, and no traceback."""
    from sitebuild import build_variant

    case = YAML_CASES[kind]
    assert isinstance(case.content, str)
    result = build_variant(tmp_path, case.content)
    assert result.returncode != 0
    assert "Traceback" not in result.output and "\x1b" not in result.output, result.output
    assert case.words in result.output, result.output
    assert f"referentiel.yaml, ligne {case.line}" in result.output, result.output


def test_same_size_edit_with_the_time_kept_is_seen(tmp_path: Path) -> None:
    """The loader's cache follows the content: an edit of the same size, mtime restored, is read anew."""
    from referentiel import load_referentiel

    path = tmp_path / "referentiel.yaml"
    path.write_text(SEED, encoding="utf-8")
    stat = path.stat()
    assert load_referentiel(path).certification.niveau == 7
    path.write_text(SEED.replace("  niveau: 7", "  niveau: 6", 1), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    assert load_referentiel(path).certification.niveau == 6


def test_worst_inputs_are_decided_within_bounds(tmp_path: Path) -> None:
    """Each of the costliest inputs of at most 1 MB is refused or accepted within 5 s and 300 MB."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from hostile_inputs import measure, worst_inputs

    for name, text in worst_inputs().items():
        assert len(text.encode("utf-8")) <= 1024 * 1024, name
        elapsed, rss, _ = measure(text)
        assert elapsed < 5 and rss < 300, (name, elapsed, rss)
