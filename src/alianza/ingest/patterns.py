"""Boilerplate patterns: the chrome that news sites wrap around a story, in es, en and fr.

Kept as one table of regular expressions so that a new site layout is a new line, not new code.
"""

from __future__ import annotations

import re

# Whole units (lines/paragraphs) that are site chrome wherever they stand.
CHROME = re.compile(
    r"""^(?:
      (?:ver|leer|lee|read|see|voir|lire)\s+(?:todo|todas|más|mas|también|tambien|more|also|all|aussi|plus)\b.*
    | (?:lo\s+último|lo\s+ultimo|últimas\s+noticias|ultimas\s+noticias|más\s+noticias|mas\s+noticias|noticias\s+relacionadas
       |te\s+puede\s+interesar|también\s+te\s+puede|related(?:\s+(?:coverage|stories|articles))?|more\s+from|most\s+read
       |trending|latest\s+news|à\s+lire\s+aussi|sur\s+le\s+même\s+sujet|les\s+plus\s+lus)\b.*
    | (?:compartir|comparte|share(?:\s+this)?|partager|tweet|facebook|whatsapp|linkedin|telegram|email|e-mail|imprimir|print)
       (?:\s*[|/·•,]\s*\w+)*\s*:?
    | (?:publicidad|advertisement|advertising|anuncio|publicité|sponsored|patrocinado)\b.{0,40}
    | (?:suscríbete|suscribete|subscribe|sign\s+up|newsletter|boletín|boletin|abonnez-vous|inscrivez-vous)\b.*
    | (?:©|\(c\)|copyright|todos\s+los\s+derechos|all\s+rights\s+reserved|tous\s+droits)\b.*
    | (?:etiquetas|tags|temas|topics|mots-clés|mots-cles)\s*:.*
    | (?:foto|fotografía|fotografia|imagen|photo|image|picture|crédito|credito|credit|video|vídeo)\s*:.*
    | (?:cookies?|aceptar\s+cookies|accept\s+cookies|politique\s+de\s+confidentialité)\b.{0,120}
    | (?:inicio|home|accueil|portada)\s*[|>/»·].*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

# A unit made of menu items: "Mundo | Política | Economía".
MENU = re.compile(r"^(?:[^|•·»>]{1,30}[|•·»>]){2,}[^|•·»>]{0,30}$")

# Bylines: "Por Ana Gómez", "By Jane Doe | Reuters", "Par Marie Dupont".
BYLINE = re.compile(r"^(?:por|by|par|de|texto|redacción|redaccion)\s*:?\s+(?P<name>[^|,·•(]+?)\s*(?:[|,·•(].*)?$", re.I)

# Words that may sit inside a person's name without a capital.
NAME_PARTICLES = frozenset(
    [
        "de",
        "del",
        "la",
        "las",
        "los",
        "y",
        "e",
        "da",
        "das",
        "do",
        "dos",
        "van",
        "von",
        "der",
        "den",
        "le",
        "du",
        "di",
        "al",
        "el",
        "bin",
        "ibn",
    ]
)

TERMINAL = re.compile(r"""[.!?…]["'»”’)\]]*$""")

# Agency or place datelines that open a story: "MOSCÚ (EFE) —", "KYIV, Aug 12 (Reuters) -".
STORY_DATELINE = re.compile(
    r"^[A-ZÁÉÍÓÚÑÜ][A-ZÁÉÍÓÚÑÜ .'-]{2,40}(?:,[^()]{0,30})?\s*\((?:[A-Za-z .]{2,20})\)\s*[-—–:]\s*"
)
