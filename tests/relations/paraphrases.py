"""A varied set of sentences per facet kind, written for these tests (no outlet's text).

Each case is ``(text, published, expect)``: ``expect`` is a list of
``(a, b, facet, value, when)``, where ``when`` is the claim's expected
``valid_from`` (``"pub"``: the publication date) — or ``(a, b, facet, None, None)``
for a case that must change no state of that facet (a demand, a hypothetical, a
subject that is not a state). Styles vary on purpose: wire copy, op-ed, government
press release; active and passive; verbs and nominalisations; background clauses
about an earlier year.
"""

from __future__ import annotations

Expect = tuple[str, str, str, str | None, str | None]
Case = tuple[str, str, list[Expect]]

FULL: list[Case] = [
    (
        "Saudi Arabia and Iran announced the reopening of their embassies on Monday.",
        "2023-04-10",
        [("IRN", "SAU", "diplomatic_ties", "full", "pub")],
    ),
    (
        "The restoration of full diplomatic relations between Egypt and Qatar was announced in "
        "Cairo on Wednesday.",
        "2021-01-20",
        [("EGY", "QAT", "diplomatic_ties", "full", "pub")],
    ),
    (
        "Bahrain appointed its first ambassador to Israel on Tuesday, a foreign ministry "
        "statement said.",
        "2021-03-30",
        [("BHR", "ISR", "diplomatic_ties", "full", "pub")],
    ),
    (
        "Israel has named a new ambassador to Turkey, the first since 2018.",
        "2022-09-20",
        [("ISR", "TUR", "diplomatic_ties", "full", "pub")],
    ),
    (
        "Morocco and Israel upgraded their ties to ambassador level on Thursday.",
        "2022-05-12",
        [("ISR", "MAR", "diplomatic_ties", "full", "pub")],
    ),
    (
        "Turkey and Israel have decided to upgrade relations to the level of ambassadors.",
        "2022-08-17",
        [("ISR", "TUR", "diplomatic_ties", "full", "pub")],
    ),
    (
        "Cairo and Ankara agreed to exchange ambassadors, ending a decade-long rift.",
        "2023-07-04",
        [("EGY", "TUR", "diplomatic_ties", "full", "pub")],
    ),
    (
        "The Ministry of Foreign Affairs of the Kingdom of Bahrain announces the resumption of "
        "diplomatic relations with the State of Qatar.",
        "2023-04-12",
        [("BHR", "QAT", "diplomatic_ties", "full", "pub")],
    ),
    (
        "Diplomatic relations between Jordan and Qatar were fully restored in 2019.",
        "2023-01-05",
        [("JOR", "QAT", "diplomatic_ties", "full", "2019")],
    ),
    (
        "Chad inaugurated its embassy in Israel on Thursday.",
        "2023-02-02",
        [("ISR", "TCD", "diplomatic_ties", "full", "pub")],
    ),
    (
        "Syria's new ambassador presented his credentials in Riyadh on Sunday.",
        "2023-12-17",
        [("SAU", "SYR", "diplomatic_ties", "full", "pub")],
    ),
    (
        "Ties between Qatar and the United Arab Emirates were re-established in June 2023.",
        "2023-09-01",
        [("ARE", "QAT", "diplomatic_ties", "full", "2023-06")],
    ),
    (
        "Full diplomatic ties were restored between Turkey and Israel in August 2022.",
        "2022-10-01",
        [("ISR", "TUR", "diplomatic_ties", "full", "2022-08")],
    ),
    (
        "Kosovo and Israel established diplomatic relations in a ceremony held by video link.",
        "2021-02-01",
        [("ISR", "XKX", "diplomatic_ties", "full", "pub")],
    ),
    (
        "Egypt's ambassador returned to Doha on Sunday after a four-year absence.",
        "2021-06-20",
        [("EGY", "QAT", "diplomatic_ties", "full", "pub")],
    ),
    (
        "Turkey and the United Arab Emirates have normalised relations after years of rivalry.",
        "2022-02-15",
        [("ARE", "TUR", "diplomatic_ties", "full", "pub")],
    ),
    (
        "Serbia will open its embassy in Jerusalem, Israel's foreign minister said, describing "
        "the two countries as enjoying full diplomatic relations.",
        "2021-03-01",
        [("ISR", "SRB", "diplomatic_ties", "full", "pub")],
    ),
    (
        "The decision of Riyadh and Damascus to resume diplomatic relations ends a rift that "
        "lasted more than a decade.",
        "2023-05-10",
        [("SAU", "SYR", "diplomatic_ties", "full", "pub")],
    ),
    (
        "In a statement, the foreign ministry welcomed the normalisation of ties between Saudi "
        "Arabia and Iran.",
        "2023-03-12",
        [("IRN", "SAU", "diplomatic_ties", "full", "pub")],
    ),
    (
        "Iran and the United Arab Emirates have returned their ambassadors, a sign of warming "
        "ties.",
        "2022-09-05",
        [("ARE", "IRN", "diplomatic_ties", "full", "pub")],
    ),
    (
        "The Emirati ambassador to Tehran resumed his duties on Sunday.",
        "2022-09-04",
        [("ARE", "IRN", "diplomatic_ties", "full", "pub")],
    ),
    (
        "Egypt and Turkey raised their diplomatic relations to ambassadorial level.",
        "2023-07-05",
        [("EGY", "TUR", "diplomatic_ties", "full", "pub")],
    ),
    (
        "Tunisia reopened its embassy in Damascus, which had been closed since 2012.",
        "2023-10-03",
        [("SYR", "TUN", "diplomatic_ties", "full", "pub")],
    ),
    (
        "Israel and Bahrain agreed to establish full diplomatic relations in a joint declaration "
        "signed on Friday.",
        "2020-09-12",
        [("BHR", "ISR", "normalization", "agreed", "2020-09-11")],
    ),
    (
        "The Emirati ambassador will resume his duties in Tehran in the coming days, the "
        "foreign ministry said.",
        "2022-08-21",
        [("ARE", "IRN", "diplomatic_ties", "full", "pub")],
    ),
    (
        "Abu Dhabi decided to raise the level of its diplomatic representation in Tehran to "
        "ambassador.",
        "2022-08-21",
        [("ARE", "IRN", "diplomatic_ties", "full", "pub")],
    ),
    (
        "Kosovo and Israel signed a joint declaration establishing diplomatic ties on Monday.",
        "2021-02-01",
        [("ISR", "XKX", "diplomatic_ties", "full", "pub")],
    ),
    (
        "Turkey and Israel normalised ties in 2016 after a six-year rift.",
        "2022-03-09",
        [("ISR", "TUR", "diplomatic_ties", "full", "2016")],
    ),
    (
        "The UAE's decision to return its ambassador to Tehran was welcomed in the region.",
        "2022-08-22",
        [("ARE", "IRN", "diplomatic_ties", "full", "pub")],
    ),
    (
        "Saudi Arabia, the UAE, Bahrain and Egypt agreed to restore ties with Qatar.",
        "2021-01-06",
        [
            ("ARE", "QAT", "diplomatic_ties", "full", "pub"),
            ("EGY", "QAT", "diplomatic_ties", "full", "pub"),
        ],
    ),
    (
        "Egypt has appointed an ambassador to Qatar for the first time since 2017.",
        "2021-06-20",
        [("EGY", "QAT", "diplomatic_ties", "full", "pub")],
    ),
    (
        "Turkey and Saudi Arabia have mended ties after years of tension.",
        "2022-04-28",
        [("SAU", "TUR", "diplomatic_ties", "full", "pub")],
    ),
    (
        "Israeli and Turkish officials met in Ankara. The two have agreed to exchange "
        "ambassadors again.",
        "2022-08-17",
        [("ISR", "TUR", "diplomatic_ties", "full", "pub")],
    ),
    (
        "The visit ends a years-long rift between Ankara and Riyadh.",
        "2022-04-28",
        [("SAU", "TUR", "diplomatic_ties", "full", "pub")],
    ),
]

DOWNGRADED: list[Case] = [
    (
        "Bahrain withdrew its ambassador from Lebanon over the minister's remarks.",
        "2021-10-30",
        [("BHR", "LBN", "diplomatic_ties", "downgraded", "pub")],
    ),
    (
        "Turkey ordered the expulsion of Israel's ambassador on Tuesday.",
        "2018-05-15",
        [("ISR", "TUR", "diplomatic_ties", "downgraded", "pub")],
    ),
    (
        "Ankara has downgraded relations with Tel Aviv to the level of second secretary.",
        "2011-09-02",
        [("ISR", "TUR", "diplomatic_ties", "downgraded", "pub")],
    ),
    (
        "Jordan's ambassador to Israel was recalled to Amman in protest on Wednesday.",
        "2023-11-01",
        [("ISR", "JOR", "diplomatic_ties", "downgraded", "pub")],
    ),
    (
        "The United Arab Emirates has recalled its envoy from Tehran.",
        "2016-01-04",
        [("ARE", "IRN", "diplomatic_ties", "downgraded", "pub")],
    ),
    (
        "Chad announced the recall of its chargé d'affaires from Israel for consultations.",
        "2023-11-04",
        [("ISR", "TCD", "diplomatic_ties", "downgraded", "pub")],
    ),
    (
        "Bolivia reduced its ties with Israel to the level of chargé d'affaires.",
        "2009-01-10",
        [("BOL", "ISR", "diplomatic_ties", "downgraded", "pub")],
    ),
    (
        "Turkey and Israel expelled each other's ambassadors in 2018.",
        "2022-03-09",
        [("ISR", "TUR", "diplomatic_ties", "downgraded", "2018")],
    ),
    (
        "Kuwait downgraded its ties with Venezuela in 2014 after a row over a seized cargo.",
        "2019-03-02",
        [("KWT", "VEN", "diplomatic_ties", "downgraded", "2014")],
    ),
    (
        "Saudi Arabia pulled its diplomats out of Syria in 2012.",
        "2023-05-09",
        [("SAU", "SYR", "diplomatic_ties", "downgraded", "2012")],
    ),
    (
        "Since 2016, relations between the UAE and Iran have been at the level of chargé "
        "d'affaires.",
        "2021-06-01",
        [("ARE", "IRN", "diplomatic_ties", "downgraded", "2016")],
    ),
    (
        "Tehran and Abu Dhabi have kept diplomatic relations at a lower level since 2016.",
        "2021-06-01",
        [("ARE", "IRN", "diplomatic_ties", "downgraded", "2016")],
    ),
    (
        "Saudi Arabia will resume the work of its mission in Syria. The kingdom closed its "
        "embassy in Damascus in 2012 and recalled its ambassador.",
        "2023-05-09",
        [("SAU", "SYR", "diplomatic_ties", "downgraded", "2012")],
    ),
    (
        "Relations between Israel and Turkey have yet to be fully restored.",
        "2022-03-09",
        [("ISR", "TUR", "diplomatic_ties", "downgraded", "pub")],
    ),
]

SEVERED: list[Case] = [
    (
        "Algeria broke off diplomatic relations with Morocco on Tuesday.",
        "2021-08-24",
        [("DZA", "MAR", "diplomatic_ties", "severed", "pub")],
    ),
    (
        "Ties between Riyadh and Doha remain severed.",
        "2019-06-05",
        [("QAT", "SAU", "diplomatic_ties", "severed", "pub")],
    ),
    (
        "Morocco's rupture of relations with Iran in 2018 followed accusations of arms deliveries.",
        "2022-03-01",
        [("IRN", "MAR", "diplomatic_ties", "severed", "2018")],
    ),
    (
        "Saudi Arabia announced the severing of diplomatic relations with Iran on Sunday.",
        "2016-01-03",
        [("IRN", "SAU", "diplomatic_ties", "severed", "pub")],
    ),
    (
        "Diplomatic ties between Egypt and Qatar have been cut since 2017.",
        "2019-06-01",
        [("EGY", "QAT", "diplomatic_ties", "severed", "2017")],
    ),
    (
        "Iran, which had cut ties with Saudi Arabia in 2016, welcomed the talks.",
        "2021-05-01",
        [("IRN", "SAU", "diplomatic_ties", "severed", "2016")],
    ),
    (
        "Bolivia ended diplomatic relations with Israel over the war in Gaza.",
        "2023-11-01",
        [("BOL", "ISR", "diplomatic_ties", "severed", "pub")],
    ),
    (
        "Relations between Morocco and Algeria have been broken off since August 2021.",
        "2023-01-10",
        [("DZA", "MAR", "diplomatic_ties", "severed", "2021-08")],
    ),
    (
        "The Gulf state reduced its representation in 2016 after protesters attacked Saudi "
        "missions in Iran. Riyadh cut its ties with Tehran at the time.",
        "2022-08-21",
        [("IRN", "SAU", "diplomatic_ties", "severed", "2016")],
    ),
    (
        "Qatar, unlike its neighbours, has not restored ties with Damascus.",
        "2023-05-09",
        [("QAT", "SYR", "diplomatic_ties", "severed", "pub")],
    ),
]

NONE_INFORMAL: list[Case] = [
    (
        "Israel and Saudi Arabia do not have formal diplomatic relations.",
        "2022-07-15",
        [("ISR", "SAU", "diplomatic_ties", "none", "pub")],
    ),
    (
        "Oman, which has no diplomatic relations with Israel, hosted the talks.",
        "2018-10-27",
        [("ISR", "OMN", "diplomatic_ties", "none", "pub")],
    ),
    (
        "Indonesia does not recognise Israel.",
        "2022-03-01",
        [("IDN", "ISR", "diplomatic_ties", "none", "pub")],
    ),
]

AIRSPACE: list[Case] = [
    (
        "Saudi Arabia closed its airspace to Qatari carriers in June 2017.",
        "2021-01-05",
        [("QAT", "SAU", "airspace", "closed", "2017-06")],
    ),
    (
        "Qatari aircraft have been barred from Emirati airspace since 2017.",
        "2019-02-01",
        [("ARE", "QAT", "airspace", "closed", "2017")],
    ),
    (
        "The United Arab Emirates lifted the air blockade on Qatar on Monday.",
        "2021-01-11",
        [("ARE", "QAT", "airspace", "open", "pub")],
    ),
    (
        "Bahrain reopened its airspace to Qatari flights on Monday.",
        "2021-01-11",
        [("BHR", "QAT", "airspace", "open", "pub")],
    ),
    (
        "Flights between Saudi Arabia and Qatar resumed on Monday for the first time since 2017.",
        "2021-01-11",
        [("QAT", "SAU", "airspace", "open", "pub")],
    ),
    (
        "Egypt announced the resumption of direct flights with Qatar.",
        "2021-01-18",
        [("EGY", "QAT", "airspace", "open", "pub")],
    ),
    (
        "Saudi airspace remains closed to Israeli airlines.",
        "2019-11-01",
        [("ISR", "SAU", "airspace", "closed", "pub")],
    ),
    (
        "Oman opened its skies to Israeli airlines on Thursday.",
        "2023-02-23",
        [("ISR", "OMN", "airspace", "open", "pub")],
    ),
    (
        "Egypt banned Qatari planes from its airspace in June 2017.",
        "2020-01-01",
        [("EGY", "QAT", "airspace", "closed", "2017-06")],
    ),
    (
        "The airspace of Bahrain was closed to aircraft registered in Qatar.",
        "2017-06-06",
        [("BHR", "QAT", "airspace", "closed", "pub")],
    ),
    (
        "Saudi Arabia now allows Israeli carriers to overfly its territory, officials said on "
        "Friday.",
        "2022-07-15",
        [("ISR", "SAU", "airspace", "open", "pub")],
    ),
    (
        "The closure of Emirati airspace to Qatari airlines forced longer routes.",
        "2017-07-01",
        [("ARE", "QAT", "airspace", "closed", "pub")],
    ),
    (
        "Saudi Arabia agreed to reopen its land border and airspace to Qatar.",
        "2021-01-05",
        [("QAT", "SAU", "airspace", "open", "pub")],
    ),
    (
        "Saudi Arabia and Qatar ended their rift. The kingdom reopened its land, sea and air "
        "borders with Qatar on Monday evening.",
        "2021-01-05",
        [("QAT", "SAU", "airspace", "open", "2021-01-04")],
    ),
    (
        "Bahrain closed its land, sea and air borders to Qatar in 2017.",
        "2020-01-01",
        [("BHR", "QAT", "airspace", "closed", "2017")],
    ),
    (
        "The United Arab Emirates and Bahrain lifted their land, sea and air blockade of Qatar "
        "on Tuesday.",
        "2021-01-05",
        [("ARE", "QAT", "airspace", "open", "pub"), ("BHR", "QAT", "airspace", "open", "pub")],
    ),
    (
        "Saudi Arabia and Qatar agreed to restore air links, the ministry said.",
        "2021-01-06",
        [("QAT", "SAU", "airspace", "open", "pub")],
    ),
    (
        "The agreement to reopen Saudi airspace to Qatari flights took effect on Monday.",
        "2021-01-06",
        [("QAT", "SAU", "airspace", "open", "2021-01-04")],
    ),
    (
        "Saudi Arabia will reopen its airspace and land border to Qatar from Monday evening, "
        "Kuwait's foreign minister said.",
        "2021-01-04",
        [("QAT", "SAU", "airspace", "open", "pub")],
    ),
    (
        "Saudi Arabia, the UAE, Bahrain and Egypt accused Doha of backing militants. The "
        "quartet cut diplomatic and transport ties with Qatar in June 2017.",
        "2021-01-05",
        [
            ("ARE", "QAT", "airspace", "closed", "2017-06"),
            ("EGY", "QAT", "diplomatic_ties", "severed", "2017-06"),
        ],
    ),
    (
        "Qatar Airways flights crossed Saudi airspace on Monday for the first time since 2017.",
        "2021-01-11",
        [("QAT", "SAU", "airspace", "open", "pub")],
    ),
    (
        "Saudi Arabia allowed El Al to overfly its territory on the way to Abu Dhabi.",
        "2020-09-01",
        [("ISR", "SAU", "airspace", "open", "pub")],
    ),
]

TRADE: list[Case] = [
    (
        "Qatar and Saudi Arabia resumed trade across their land border last week.",
        "2021-01-20",
        [("QAT", "SAU", "trade", "open", "pub")],
    ),
    (
        "Turkey halted all exports to Israel on Thursday.",
        "2024-05-02",
        [("ISR", "TUR", "trade", "suspended", "pub")],
    ),
    (
        "Trade between Egypt and Qatar has resumed.",
        "2021-02-01",
        [("EGY", "QAT", "trade", "open", "pub")],
    ),
    (
        "The resumption of trade between Turkey and Israel was announced on Monday.",
        "2024-06-03",
        [("ISR", "TUR", "trade", "open", "pub")],
    ),
    (
        "Bahrain lifted its boycott of Israeli goods.",
        "2020-09-16",
        [("BHR", "ISR", "trade", "open", "pub")],
    ),
    (
        "Saudi Arabia imposed a trade embargo on Qatar in 2017.",
        "2020-06-01",
        [("QAT", "SAU", "trade", "severed", "2017")],
    ),
    (
        "Ankara suspended trade with Israel, the trade ministry said.",
        "2024-05-02",
        [("ISR", "TUR", "trade", "suspended", "pub")],
    ),
    (
        "Commercial ties between Qatar and the United Arab Emirates were cut in 2017.",
        "2020-01-01",
        [("ARE", "QAT", "trade", "severed", "2017")],
    ),
    (
        "The United Arab Emirates ended its economic boycott of Israel on Saturday.",
        "2020-08-29",
        [("ARE", "ISR", "trade", "open", "pub")],
    ),
    (
        "The informal Saudi boycott of Turkish goods was lifted this spring.",
        "2022-04-28",
        [("SAU", "TUR", "trade", "open", "pub")],
    ),
    (
        "Bilateral trade between Turkey and Israel reached $8 billion in 2021.",
        "2022-03-09",
        [("ISR", "TUR", "trade", "open", "2021")],
    ),
    (
        "Turkey is Israel's fifth-largest trading partner.",
        "2022-03-09",
        [("ISR", "TUR", "trade", "open", "pub")],
    ),
    (
        "Diplomats from Riyadh and Doha marked the end of the blockade with a dinner. "
        "Saudi Arabia announced the lifting of its embargo on Qatar on Tuesday.",
        "2021-01-06",
        [("QAT", "SAU", "trade", "open", "pub")],
    ),
    (
        "The summit ended a three-and-a-half-year blockade of Qatar by Saudi Arabia.",
        "2021-01-06",
        [("QAT", "SAU", "trade", "open", "pub")],
    ),
    (
        "Turkey and Israel normalised relations in 2016. Trade between them has kept growing, "
        "reaching $8 billion in 2021.",
        "2022-03-09",
        [("ISR", "TUR", "trade", "open", "pub")],
    ),
]

SECURITY: list[Case] = [
    (
        "The United States and Britain carried out joint strikes on Houthi targets.",
        "2024-01-12",
        [("GBR", "USA", "security_cooperation", "active", "pub")],
    ),
    (
        "Israel and Morocco signed a defence cooperation agreement in Rabat.",
        "2021-11-24",
        [("ISR", "MAR", "security_cooperation", "active", "pub")],
    ),
    (
        "Egypt and Saudi Arabia held joint naval drills in the Red Sea.",
        "2022-01-10",
        [("EGY", "SAU", "security_cooperation", "active", "pub")],
    ),
    (
        "Israel and Bahrain agreed to deepen security cooperation.",
        "2022-02-03",
        [("BHR", "ISR", "security_cooperation", "active", "pub")],
    ),
    (
        "Turkey suspended military cooperation with Israel.",
        "2011-09-06",
        [("ISR", "TUR", "security_cooperation", "ended", "pub")],
    ),
    (
        "Israel, with the help of the United States and Britain, intercepted nearly all of the "
        "drones.",
        "2024-04-14",
        [
            ("ISR", "USA", "security_cooperation", "active", "pub"),
            ("GBR", "ISR", "security_cooperation", "active", "pub"),
        ],
    ),
    (
        "American and British warplanes helped Israel shoot down the missiles.",
        "2024-04-14",
        [("ISR", "USA", "security_cooperation", "active", "pub")],
    ),
    (
        "American and British jets shot down dozens of drones fired at Israel overnight.",
        "2024-04-14",
        [
            ("ISR", "USA", "security_cooperation", "active", "pub"),
            ("GBR", "ISR", "security_cooperation", "active", "pub"),
        ],
    ),
]

ACCORDS: list[Case] = [
    (
        "Morocco agreed to normalise ties with Israel, the White House said.",
        "2020-12-10",
        [("ISR", "MAR", "normalization", "agreed", "pub")],
    ),
    (
        "Jordan and Israel signed a peace treaty in 1994.",
        "2020-01-01",
        [("ISR", "JOR", "peace_treaty", "signed", "1994")],
    ),
]

NOT_A_CHANGE: list[Case] = [
    (
        "Protesters demanded that Jordan expel the Israeli ambassador.",
        "2023-10-20",
        [("ISR", "JOR", "diplomatic_ties", None, None)],
    ),
    (
        "If Saudi Arabia normalises relations with Israel, others may follow.",
        "2023-09-20",
        [("ISR", "SAU", "diplomatic_ties", None, None)],
    ),
    (
        "Qatar hosts the firm's head office. The company halted its trade with Israel last year.",
        "2023-06-01",
        [("ISR", "QAT", "trade", None, None)],
    ),
    (
        "Lawmakers urged Bahrain to close its airspace to Israeli flights.",
        "2023-11-05",
        [("BHR", "ISR", "airspace", None, None)],
    ),
    (
        "Analysts say Riyadh could reopen its embassy in Damascus within months.",
        "2023-03-01",
        [("SAU", "SYR", "diplomatic_ties", None, None)],
    ),
    (
        "Qatar has not cut its ties with Israel, the minister insisted.",
        "2009-01-10",
        [("ISR", "QAT", "diplomatic_ties", None, None)],
    ),
    (
        "Jordan took steps toward the restoration of diplomatic relations with Qatar.",
        "2019-05-01",
        [("JOR", "QAT", "diplomatic_ties", None, None)],
    ),
    (
        "Lawmakers demanded the expulsion of Israel's ambassador from Jordan.",
        "2023-10-20",
        [("ISR", "JOR", "diplomatic_ties", None, None)],
    ),
    (
        "Egypt's ambassador to Qatar returned to Cairo for consultations.",
        "2017-06-01",
        [("EGY", "QAT", "diplomatic_ties", None, None)],
    ),
    (
        "Talks on the resumption of flights between Egypt and Qatar continued on Sunday.",
        "2021-01-10",
        [("EGY", "QAT", "airspace", None, None)],
    ),
    (
        "Leaders met in Riyadh seeking to end the rift between Saudi Arabia and Qatar.",
        "2020-12-01",
        [("QAT", "SAU", "diplomatic_ties", None, None)],
    ),
    (
        "Bahrain will restore its ties with Qatar in the coming months.",
        "2021-01-06",
        [("BHR", "QAT", "diplomatic_ties", None, None)],
    ),
    (
        "Saudi Arabia will reopen its embassy in Damascus if the talks succeed, a diplomat said.",
        "2023-03-01",
        [("SAU", "SYR", "diplomatic_ties", None, None)],
    ),
    (
        "Israeli jets flew over Syrian airspace to strike targets near Damascus.",
        "2023-01-02",
        [("ISR", "SYR", "airspace", None, None)],
    ),
]


# --- round two (issue 12): written before the fixes ---------------------------------------
#: Recognition is a SUPPORT event (SPEC §3) and sets no facet by itself: SPEC §4 makes
#: ties full only when relations are established, so "recognised and established" is full.
RECOGNITION: list[Case] = [
    (
        "Israel formally recognised Kosovo as an independent state on Monday.",
        "2020-09-07",
        [("ISR", "XKX", "diplomatic_ties", None, None)],
    ),
    (
        "Kosovo and Israel established diplomatic relations on Monday, months after Israel "
        "recognised its independence.",
        "2021-02-01",
        [("ISR", "XKX", "diplomatic_ties", "full", "pub")],
    ),
    (
        "Morocco welcomed the decision of the United States to recognise its claim over the "
        "territory.",
        "2020-12-11",
        [("MAR", "USA", "diplomatic_ties", None, None)],
    ),
]
#: A closed embassy withdraws the mission but cuts no ties: like recalled ambassadors,
#: ``downgraded`` (SPEC §4); a temporary closure for safety is no change.
EMBASSY_CLOSED: list[Case] = [
    (
        "Bahrain closed its embassy in Beirut on Tuesday over the minister's remarks.",
        "2021-10-26",
        [("BHR", "LBN", "diplomatic_ties", "downgraded", "pub")],
    ),
    (
        "Turkey shut down its embassy in Cairo in 2013 after the coup, the paper recalled.",
        "2020-02-01",
        [("EGY", "TUR", "diplomatic_ties", "downgraded", "2013")],
    ),
    (
        "The United Arab Emirates closed its embassy in Damascus in 2012.",
        "2018-12-27",
        [("ARE", "SYR", "diplomatic_ties", "downgraded", "2012")],
    ),
    (
        "Bahrain closed its embassy in Tehran and cut its ties with Iran on Monday.",
        "2016-01-05",
        [("BHR", "IRN", "diplomatic_ties", "severed", "2016-01-04")],
    ),
    (
        "Jordan temporarily closed its embassy in Khartoum because of the fighting.",
        "2023-04-25",
        [("JOR", "SDN", "diplomatic_ties", None, None)],
    ),
]
#: An envoy's title or a standing embassy is weak evidence of full ties (a state,
#: observed then), never a change of its own.
ENVOY_STATE: list[Case] = [
    (
        "The United States ambassador to Israel told reporters on Monday that the talks "
        "would continue.",
        "2022-06-13",
        [("ISR", "USA", "diplomatic_ties", "full", "pub")],
    ),
    (
        "Egypt's embassy in Tel Aviv issued a statement on Sunday condemning the raid.",
        "2022-08-07",
        [("EGY", "ISR", "diplomatic_ties", "full", "pub")],
    ),
    (
        "Qatar’s ambassador to Jordan met the foreign minister in Amman on Thursday.",
        "2022-03-03",
        [("JOR", "QAT", "diplomatic_ties", "full", "pub")],
    ),
    (
        "A former Iranian ambassador to Saudi Arabia said the talks were promising.",
        "2021-04-20",
        [("IRN", "SAU", "diplomatic_ties", None, None)],
    ),
    (
        "Lawmakers called for the closure of Israel's embassy in Amman.",
        "2023-10-20",
        [("ISR", "JOR", "diplomatic_ties", None, None)],
    ),
]
#: A group without a number stands for the states of the text before.
GROUPS: list[Case] = [
    (
        "Saudi Arabia, the United Arab Emirates, Bahrain and Egypt cut their ties with Qatar "
        "in June 2017. The boycotting states restored diplomatic relations with Qatar in "
        "January 2021.",
        "2021-02-01",
        [("ARE", "QAT", "diplomatic_ties", "full", "2021-01"),
         ("BHR", "QAT", "diplomatic_ties", "full", "2021-01"),
         ("EGY", "QAT", "diplomatic_ties", "full", "2021-01"),
         ("QAT", "SAU", "diplomatic_ties", "full", "2021-01")],
    ),
    (
        "Riyadh, Abu Dhabi and Manama broke off relations with Doha in 2017. Two years "
        "later the blockading countries still kept their airspace closed to Qatar.",
        "2019-06-05",
        [("ARE", "QAT", "airspace", "closed", "pub"),
         ("BHR", "QAT", "airspace", "closed", "pub"),
         ("QAT", "SAU", "airspace", "closed", "pub")],
    ),
    (
        "Saudi Arabia, Bahrain and the UAE severed ties with Qatar in 2017. Riyadh and its "
        "Gulf allies reopened their airspace to Qatari planes on Monday.",
        "2021-01-11",
        [("ARE", "QAT", "airspace", "open", "pub"),
         ("BHR", "QAT", "airspace", "open", "pub"),
         ("QAT", "SAU", "airspace", "open", "pub")],
    ),
    (
        "Saudi Arabia and Bahrain cut ties with Iran in 2016. The protesters and their allies "
        "later reopened the airspace to Iranian pilgrims.",
        "2016-03-01",
        [("BHR", "IRN", "airspace", None, None), ("IRN", "SAU", "airspace", None, None)],
    ),
]
#: Relative dates read by the one date grammar (diplograph.dates).
RELATIVE_DATES: list[Case] = [
    (
        "Turkey and Egypt restored full diplomatic relations, a decade after they downgraded "
        "ties.",
        "2023-07-04",
        [("EGY", "TUR", "diplomatic_ties", "full", "pub")],
    ),
    (
        "Tunisia cut its ties with Syria more than a decade ago.",
        "2023-04-12",
        [("SYR", "TUN", "diplomatic_ties", "severed", "2013")],
    ),
    (
        "Qatar severed its trade ties with Israel two decades ago.",
        "2020-09-01",
        [("ISR", "QAT", "trade", "severed", "2000")],
    ),
]

#: A visit by a head of state or minister is a CONSULT (SPEC §3) and, by SPEC §4, no facet
#: value: only established or restored ties, embassies or ambassadors make ties full.
VISITS: list[Case] = [
    (
        "The Israeli president visited Bahrain on Sunday, the first such trip.",
        "2022-12-04",
        [("BHR", "ISR", "diplomatic_ties", None, None)],
    ),
    (
        "Syria's president flew to the United Arab Emirates for talks with its leaders.",
        "2022-03-19",
        [("ARE", "SYR", "diplomatic_ties", None, None)],
    ),
]

CASES: dict[str, list[Case]] = {
    "full": FULL, "downgraded": DOWNGRADED, "severed": SEVERED, "none": NONE_INFORMAL,
    "airspace": AIRSPACE, "trade": TRADE, "security": SECURITY, "accords": ACCORDS,
    "not_a_change": NOT_A_CHANGE, "recognition": RECOGNITION, "embassy_closed": EMBASSY_CLOSED,
    "envoy_state": ENVOY_STATE, "groups": GROUPS, "relative_dates": RELATIVE_DATES,
    "visits": VISITS,
}  # fmt: skip
