"""Expand the curated demonym table (masculine singular per language) into every gender and number.

Run once after editing DEMONYMS below; it writes src/alianza/data/actors/demonyms/<lang>.tsv, which
the knowledge base loads as data. Kept in the repo so the expansion rules are reviewable.
"""

from __future__ import annotations

from pathlib import Path

# ISO3: (es masc. sg., en adjective, en plural noun, fr masc. sg.)
DEMONYMS: dict[str, tuple[str, str, str, str]] = {
    "AFG": ("afgano", "Afghan", "Afghans", "afghan"),
    "ALB": ("albanés", "Albanian", "Albanians", "albanais"),
    "DZA": ("argelino", "Algerian", "Algerians", "algérien"),
    "AGO": ("angoleño", "Angolan", "Angolans", "angolais"),
    "ARG": ("argentino", "Argentine", "Argentines", "argentin"),
    "ARM": ("armenio", "Armenian", "Armenians", "arménien"),
    "AUS": ("australiano", "Australian", "Australians", "australien"),
    "AUT": ("austriaco", "Austrian", "Austrians", "autrichien"),
    "AZE": ("azerbaiyano", "Azerbaijani", "Azerbaijanis", "azerbaïdjanais"),
    "BGD": ("bangladesí", "Bangladeshi", "Bangladeshis", "bangladais"),
    "BLR": ("bielorruso", "Belarusian", "Belarusians", "biélorusse"),
    "BEL": ("belga", "Belgian", "Belgians", "belge"),
    "BOL": ("boliviano", "Bolivian", "Bolivians", "bolivien"),
    "BIH": ("bosnio", "Bosnian", "Bosnians", "bosnien"),
    "BRA": ("brasileño", "Brazilian", "Brazilians", "brésilien"),
    "BGR": ("búlgaro", "Bulgarian", "Bulgarians", "bulgare"),
    "BFA": ("burkinés", "Burkinabe", "Burkinabes", "burkinabé"),
    "KHM": ("camboyano", "Cambodian", "Cambodians", "cambodgien"),
    "CMR": ("camerunés", "Cameroonian", "Cameroonians", "camerounais"),
    "CAN": ("canadiense", "Canadian", "Canadians", "canadien"),
    "TCD": ("chadiano", "Chadian", "Chadians", "tchadien"),
    "CHL": ("chileno", "Chilean", "Chileans", "chilien"),
    "CHN": ("chino", "Chinese", "Chinese", "chinois"),
    "COL": ("colombiano", "Colombian", "Colombians", "colombien"),
    "COD": ("congoleño", "Congolese", "Congolese", "congolais"),
    "CRI": ("costarricense", "Costa Rican", "Costa Ricans", "costaricien"),
    "HRV": ("croata", "Croatian", "Croats", "croate"),
    "CUB": ("cubano", "Cuban", "Cubans", "cubain"),
    "CYP": ("chipriota", "Cypriot", "Cypriots", "chypriote"),
    "CZE": ("checo", "Czech", "Czechs", "tchèque"),
    "DNK": ("danés", "Danish", "Danes", "danois"),
    "DOM": ("dominicano", "Dominican", "Dominicans", "dominicain"),
    "ECU": ("ecuatoriano", "Ecuadorian", "Ecuadorians", "équatorien"),
    "EGY": ("egipcio", "Egyptian", "Egyptians", "égyptien"),
    "SLV": ("salvadoreño", "Salvadoran", "Salvadorans", "salvadorien"),
    "ERI": ("eritreo", "Eritrean", "Eritreans", "érythréen"),
    "EST": ("estonio", "Estonian", "Estonians", "estonien"),
    "ETH": ("etíope", "Ethiopian", "Ethiopians", "éthiopien"),
    "FIN": ("finlandés", "Finnish", "Finns", "finlandais"),
    "FRA": ("francés", "French", "Frenchmen", "français"),
    "GEO": ("georgiano", "Georgian", "Georgians", "géorgien"),
    "DEU": ("alemán", "German", "Germans", "allemand"),
    "GHA": ("ghanés", "Ghanaian", "Ghanaians", "ghanéen"),
    "GRC": ("griego", "Greek", "Greeks", "grec"),
    "GTM": ("guatemalteco", "Guatemalan", "Guatemalans", "guatémaltèque"),
    "HTI": ("haitiano", "Haitian", "Haitians", "haïtien"),
    "HND": ("hondureño", "Honduran", "Hondurans", "hondurien"),
    "HUN": ("húngaro", "Hungarian", "Hungarians", "hongrois"),
    "IND": ("indio", "Indian", "Indians", "indien"),
    "IDN": ("indonesio", "Indonesian", "Indonesians", "indonésien"),
    "IRN": ("iraní", "Iranian", "Iranians", "iranien"),
    "IRQ": ("iraquí", "Iraqi", "Iraqis", "irakien"),
    "IRL": ("irlandés", "Irish", "Irishmen", "irlandais"),
    "ISR": ("israelí", "Israeli", "Israelis", "israélien"),
    "ITA": ("italiano", "Italian", "Italians", "italien"),
    "JPN": ("japonés", "Japanese", "Japanese", "japonais"),
    "JOR": ("jordano", "Jordanian", "Jordanians", "jordanien"),
    "KAZ": ("kazajo", "Kazakh", "Kazakhs", "kazakh"),
    "KEN": ("keniano", "Kenyan", "Kenyans", "kényan"),
    "XKX": ("kosovar", "Kosovar", "Kosovars", "kosovar"),
    "KWT": ("kuwaití", "Kuwaiti", "Kuwaitis", "koweïtien"),
    "LVA": ("letón", "Latvian", "Latvians", "letton"),
    "LBN": ("libanés", "Lebanese", "Lebanese", "libanais"),
    "LBR": ("liberiano", "Liberian", "Liberians", "libérien"),
    "LBY": ("libio", "Libyan", "Libyans", "libyen"),
    "LTU": ("lituano", "Lithuanian", "Lithuanians", "lituanien"),
    "MYS": ("malasio", "Malaysian", "Malaysians", "malaisien"),
    "MLI": ("maliense", "Malian", "Malians", "malien"),
    "MEX": ("mexicano", "Mexican", "Mexicans", "mexicain"),
    "MDA": ("moldavo", "Moldovan", "Moldovans", "moldave"),
    "MNG": ("mongol", "Mongolian", "Mongolians", "mongol"),
    "MNE": ("montenegrino", "Montenegrin", "Montenegrins", "monténégrin"),
    "MAR": ("marroquí", "Moroccan", "Moroccans", "marocain"),
    "MOZ": ("mozambiqueño", "Mozambican", "Mozambicans", "mozambicain"),
    "MMR": ("birmano", "Burmese", "Burmese", "birman"),
    "NPL": ("nepalí", "Nepali", "Nepalis", "népalais"),
    "NLD": ("neerlandés", "Dutch", "Dutchmen", "néerlandais"),
    "NZL": ("neozelandés", "New Zealand", "New Zealanders", "néo-zélandais"),
    "NIC": ("nicaragüense", "Nicaraguan", "Nicaraguans", "nicaraguayen"),
    "NER": ("nigerino", "Nigerien", "Nigeriens", "nigérien"),
    "NGA": ("nigeriano", "Nigerian", "Nigerians", "nigérian"),
    "PRK": ("norcoreano", "North Korean", "North Koreans", "nord-coréen"),
    "MKD": ("macedonio", "Macedonian", "Macedonians", "macédonien"),
    "NOR": ("noruego", "Norwegian", "Norwegians", "norvégien"),
    "OMN": ("omaní", "Omani", "Omanis", "omanais"),
    "PAK": ("pakistaní", "Pakistani", "Pakistanis", "pakistanais"),
    "PSE": ("palestino", "Palestinian", "Palestinians", "palestinien"),
    "PAN": ("panameño", "Panamanian", "Panamanians", "panaméen"),
    "PRY": ("paraguayo", "Paraguayan", "Paraguayans", "paraguayen"),
    "PER": ("peruano", "Peruvian", "Peruvians", "péruvien"),
    "PHL": ("filipino", "Filipino", "Filipinos", "philippin"),
    "POL": ("polaco", "Polish", "Poles", "polonais"),
    "PRT": ("portugués", "Portuguese", "Portuguese", "portugais"),
    "QAT": ("catarí", "Qatari", "Qataris", "qatari"),
    "ROU": ("rumano", "Romanian", "Romanians", "roumain"),
    "RUS": ("ruso", "Russian", "Russians", "russe"),
    "RWA": ("ruandés", "Rwandan", "Rwandans", "rwandais"),
    "SAU": ("saudí", "Saudi", "Saudis", "saoudien"),
    "SEN": ("senegalés", "Senegalese", "Senegalese", "sénégalais"),
    "SRB": ("serbio", "Serbian", "Serbs", "serbe"),
    "SVK": ("eslovaco", "Slovak", "Slovaks", "slovaque"),
    "SVN": ("esloveno", "Slovenian", "Slovenians", "slovène"),
    "SOM": ("somalí", "Somali", "Somalis", "somalien"),
    "ZAF": ("sudafricano", "South African", "South Africans", "sud-africain"),
    "KOR": ("surcoreano", "South Korean", "South Koreans", "sud-coréen"),
    "SSD": ("sursudanés", "South Sudanese", "South Sudanese", "sud-soudanais"),
    "ESP": ("español", "Spanish", "Spaniards", "espagnol"),
    "LKA": ("esrilanqués", "Sri Lankan", "Sri Lankans", "sri-lankais"),
    "SDN": ("sudanés", "Sudanese", "Sudanese", "soudanais"),
    "SWE": ("sueco", "Swedish", "Swedes", "suédois"),
    "CHE": ("suizo", "Swiss", "Swiss", "suisse"),
    "SYR": ("sirio", "Syrian", "Syrians", "syrien"),
    "TWN": ("taiwanés", "Taiwanese", "Taiwanese", "taïwanais"),
    "TJK": ("tayiko", "Tajik", "Tajiks", "tadjik"),
    "THA": ("tailandés", "Thai", "Thais", "thaïlandais"),
    "TUN": ("tunecino", "Tunisian", "Tunisians", "tunisien"),
    "TUR": ("turco", "Turkish", "Turks", "turc"),
    "UGA": ("ugandés", "Ugandan", "Ugandans", "ougandais"),
    "UKR": ("ucraniano", "Ukrainian", "Ukrainians", "ukrainien"),
    "ARE": ("emiratí", "Emirati", "Emiratis", "émirati"),
    "GBR": ("británico", "British", "Britons", "britannique"),
    "USA": ("estadounidense", "American", "Americans", "américain"),
    "URY": ("uruguayo", "Uruguayan", "Uruguayans", "uruguayen"),
    "UZB": ("uzbeko", "Uzbek", "Uzbeks", "ouzbek"),
    "VEN": ("venezolano", "Venezuelan", "Venezuelans", "vénézuélien"),
    "VNM": ("vietnamita", "Vietnamese", "Vietnamese", "vietnamien"),
    "YEM": ("yemení", "Yemeni", "Yemenis", "yéménite"),
    "ZMB": ("zambiano", "Zambian", "Zambians", "zambien"),
    "ZWE": ("zimbabuense", "Zimbabwean", "Zimbabweans", "zimbabwéen"),
    "CIV": ("marfileño", "Ivorian", "Ivorians", "ivoirien"),
    "BHR": ("bareiní", "Bahraini", "Bahrainis", "bahreïni"),
    "ISL": ("islandés", "Icelandic", "Icelanders", "islandais"),
    "SGP": ("singapurense", "Singaporean", "Singaporeans", "singapourien"),
    # the rest of the UN members and a few territories (session 2)
    "AND": ("andorrano", "Andorran", "Andorrans", "andorran"),
    "ATG": ("antiguano", "Antiguan", "Antiguans", "antiguais"),
    "BHS": ("bahameño", "Bahamian", "Bahamians", "bahaméen"),
    "BRB": ("barbadense", "Barbadian", "Barbadians", "barbadien"),
    "BLZ": ("beliceño", "Belizean", "Belizeans", "bélizien"),
    "BEN": ("beninés", "Beninese", "Beninese", "béninois"),
    "BTN": ("butanés", "Bhutanese", "Bhutanese", "bhoutanais"),
    "BWA": ("botsuano", "Botswanan", "Batswana", "botswanais"),
    "BRN": ("bruneano", "Bruneian", "Bruneians", "brunéien"),
    "BDI": ("burundés", "Burundian", "Burundians", "burundais"),
    "CPV": ("caboverdiano", "Cape Verdean", "Cape Verdeans", "cap-verdien"),
    "CAF": ("centroafricano", "Central African", "Central Africans", "centrafricain"),
    "COM": ("comorense", "Comorian", "Comorians", "comorien"),
    # COG and DMA are left out: "Congolese" and "Dominican" name COD and DOM far more often
    "DJI": ("yibutiano", "Djiboutian", "Djiboutians", "djiboutien"),
    "GNQ": ("ecuatoguineano", "Equatoguinean", "Equatoguineans", "équato-guinéen"),
    "SWZ": ("suazi", "Swazi", "Swazis", "swazi"),
    "FJI": ("fiyiano", "Fijian", "Fijians", "fidjien"),
    "GAB": ("gabonés", "Gabonese", "Gabonese", "gabonais"),
    "GMB": ("gambiano", "Gambian", "Gambians", "gambien"),
    "GRD": ("granadino", "Grenadian", "Grenadians", "grenadien"),
    "GIN": ("guineano", "Guinean", "Guineans", "guinéen"),
    "GNB": ("guineano-bisauense", "Bissau-Guinean", "Bissau-Guineans", "bissau-guinéen"),
    "GUY": ("guyanés", "Guyanese", "Guyanese", "guyanien"),
    "JAM": ("jamaicano", "Jamaican", "Jamaicans", "jamaïcain"),
    "KIR": ("kiribatiano", "I-Kiribati", "I-Kiribati", "kiribatien"),
    "KGZ": ("kirguís", "Kyrgyz", "Kyrgyz", "kirghiz"),
    "LAO": ("laosiano", "Laotian", "Laotians", "laotien"),
    "LSO": ("lesotense", "Basotho", "Basotho", "lesothan"),
    "LIE": ("liechtensteiniano", "Liechtensteiner", "Liechtensteiners", "liechtensteinois"),
    "LUX": ("luxemburgués", "Luxembourgish", "Luxembourgers", "luxembourgeois"),
    "MDG": ("malgache", "Malagasy", "Malagasy", "malgache"),
    "MWI": ("malauí", "Malawian", "Malawians", "malawite"),
    "MDV": ("maldivo", "Maldivian", "Maldivians", "maldivien"),
    "MLT": ("maltés", "Maltese", "Maltese", "maltais"),
    "MHL": ("marshalés", "Marshallese", "Marshallese", "marshallais"),
    "MRT": ("mauritano", "Mauritanian", "Mauritanians", "mauritanien"),
    "MUS": ("mauriciano", "Mauritian", "Mauritians", "mauricien"),
    "FSM": ("micronesio", "Micronesian", "Micronesians", "micronésien"),
    "MCO": ("monegasco", "Monegasque", "Monegasques", "monégasque"),
    "NAM": ("namibio", "Namibian", "Namibians", "namibien"),
    "NRU": ("nauruano", "Nauruan", "Nauruans", "nauruan"),
    "PLW": ("palauano", "Palauan", "Palauans", "palaosien"),
    "PNG": ("papú", "Papua New Guinean", "Papua New Guineans", "papouan-néo-guinéen"),
    "KNA": ("sancristobaleño", "Kittitian", "Kittitians", "kittitien"),
    "LCA": ("santalucense", "Saint Lucian", "Saint Lucians", "saint-lucien"),
    "VCT": ("sanvicentino", "Vincentian", "Vincentians", "vincentais"),
    "WSM": ("samoano", "Samoan", "Samoans", "samoan"),
    "SMR": ("sanmarinense", "Sammarinese", "Sammarinese", "saint-marinais"),
    "STP": ("santotomense", "Santomean", "Santomeans", "santoméen"),
    "SYC": ("seychellense", "Seychellois", "Seychellois", "seychellois"),
    "SLE": ("sierraleonés", "Sierra Leonean", "Sierra Leoneans", "sierra-léonais"),
    "SLB": ("salomonense", "Solomon Islander", "Solomon Islanders", "salomonais"),
    "SUR": ("surinamés", "Surinamese", "Surinamese", "surinamais"),
    "TZA": ("tanzano", "Tanzanian", "Tanzanians", "tanzanien"),
    "TLS": ("timorense", "Timorese", "Timorese", "timorais"),
    "TGO": ("togolés", "Togolese", "Togolese", "togolais"),
    "TON": ("tongano", "Tongan", "Tongans", "tongien"),
    "TTO": ("trinitense", "Trinidadian", "Trinidadians", "trinidadien"),
    "TKM": ("turkmeno", "Turkmen", "Turkmens", "turkmène"),
    "TUV": ("tuvaluano", "Tuvaluan", "Tuvaluans", "tuvaluan"),
    "VUT": ("vanuatuense", "Ni-Vanuatu", "Ni-Vanuatu", "vanuatais"),
    "HKG": ("hongkonés", "Hongkonger", "Hongkongers", "hongkongais"),
}
# Extra forms that the rules cannot derive.
EXTRA = {
    "es": {
        "USA": ["norteamericano", "norteamericana", "norteamericanos", "norteamericanas", "yanqui", "yanquis"],
        "GBR": ["inglés", "inglesa", "ingleses", "inglesas"],
        "NLD": ["holandés", "holandesa", "holandeses", "holandesas"],
        "RUS": ["soviético", "soviética", "soviéticos", "soviéticas"],
        "DEU": ["germano", "germana"],
        "BIH": ["bosniaco", "bosniaca", "bosniacos", "bosniacas"],
    },
    "en": {
        "GBR": ["UK", "English", "Briton", "Brit", "Brits"],
        "USA": ["U.S.", "US"],
        "NLD": ["Netherlands"],
        "RUS": ["Soviet", "Soviets"],
        "SRB": ["Serb"],
        "CRO": [],
        "HRV": ["Croat"],
        "POL": ["Pole"],
        "TUR": ["Turk"],
        "DNK": ["Dane"],
        "SWE": ["Swede"],
        "FIN": ["Finn"],
        "ESP": ["Spaniard"],
        "CHN": ["Sino"],
        "ISR": ["Israeli's"],
    },
    "fr": {
        "USA": ["états-unien", "états-unienne", "états-uniens", "états-uniennes"],
        "GBR": ["anglais", "anglaise", "anglaises"],
        # the provinces and regions French reporting names its people by (issue 20)
        "CAN": ["québécois", "québécoise", "québécoises", "montréalais", "montréalaise", "montréalaises"],
        "BEL": ["wallon", "wallonne", "wallons", "wallonnes", "flamand", "flamande", "flamands", "flamandes"],
    },
}


def es_forms(m: str) -> list[str]:
    def plain(s: str) -> str:
        return s.replace("á", "a").replace("é", "e").replace("í", "i").replace("ó", "o").replace("ú", "u")

    if m.endswith("o"):
        return [m, m[:-1] + "a", m + "s", m[:-1] + "as"]
    if m.endswith(("és", "án", "ín", "ón")):
        base = plain(m)
        return [m, base + "a", base + "es", base + "as"]
    if m.endswith("í"):
        return [m, m + "es", m + "s"]
    if m.endswith(("e", "a")):
        return [m, m + "s"]
    return [m, m + "a", m + "es", m + "as"]


def fr_forms(m: str) -> list[str]:
    if m.endswith("e"):
        return [m, m + "s"]
    if m.endswith(("ais", "ois", "s")):
        return [m, m + "e", m + "es"]
    if m.endswith("en"):
        return [m, m + "ne", m + "s", m + "nes"]
    if m.endswith("ec"):
        return [m, m + "que", m + "s", m + "ques"]
    return [m, m + "e", m + "s", m + "es"]


def main() -> None:
    out = Path(__file__).resolve().parents[1] / "src/alianza/data/actors/demonyms"
    out.mkdir(parents=True, exist_ok=True)
    tables: dict[str, list[str]] = {"es": [], "en": [], "fr": []}
    for code, (es, en_adj, en_pl, fr) in sorted(DEMONYMS.items()):
        tables["es"].append("\t".join([code, *es_forms(es), *EXTRA["es"].get(code, [])]))
        en = dict.fromkeys([en_adj, en_pl, *EXTRA["en"].get(code, [])])
        tables["en"].append("\t".join([code, *en]))
        tables["fr"].append("\t".join([code, *fr_forms(fr), *EXTRA["fr"].get(code, [])]))
    for lang, rows in tables.items():
        head = f"# Demonyms and nationality adjectives ({lang}): ISO alpha-3, then every form. Built by scripts/build_demonyms.py.\n"
        (out / f"{lang}.tsv").write_text(head + "\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
