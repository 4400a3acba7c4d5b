#!/usr/bin/env bash
# Demo: het klachtenjaar 2023 van de Wijkondersteuningsteams (WOT) Schiedam, en hun
# bewijs voor het Kwaliteitslabel Sterk Sociaal Werk (werkversie) en Awb titel 9.1.
#
# Bron: Jaarrapportage WOT 2023: "In 2023 zijn 5 klachten over het WOT ingediend
# door inwoners. Hiervan zijn er 3 doorgestuurd naar een andere organisatie voor
# afhandeling, 1 klacht is ingetrokken en 1 klacht is niet ontvankelijk verklaard."
# De details per klacht (data, wijken, bestemmingen) zijn verzonnen voor de demo;
# de klagers zijn fictief.
#
# Alles draait op een nieuwe SQLite-database in demo-uitvoer/ (de standaard
# database van de gebruiker blijft onaangeroerd).
set -euo pipefail
cd "$(dirname -- "${BASH_SOURCE[0]}")/.."

uit=demo-uitvoer
mkdir -p "$uit"
rm -f "$uit"/wot-schiedam.db "$uit"/wot-schiedam.db-wal "$uit"/wot-schiedam.db-shm
export KWALITEIT_DATABASE_URL="$uit/wot-schiedam.db"
# Het jaar 2023 naspelen: 'vandaag' is begin 2024. KWALITEIT_VANDAAG geldt alleen in
# test- of demomodus; elke opdracht meldt dan op stderr welke datum hij als vandaag neemt.
export KWALITEIT_MODUS=demo
export KWALITEIT_VANDAAG=2024-01-15
kw() { kwaliteit --door "kwaliteitsfunctionaris WOT" "$@"; }

stap() { printf '\n== %s\n' "$*"; }

stap "Organisatieprofiel van het WOT Schiedam (wijken, teams, partners, categorieën, klachtenregeling)"
kw organisatie importeer demo/organisatie-wot-schiedam.yaml
kw organisatie toon

stap "Klachten 2023 importeren uit demo/klachten-2023.csv (Excel-CSV)"
kw klacht importeer demo/klachten-2023.csv

stap "Procedure: bevestigen, doorsturen, intrekken, niet-ontvankelijk verklaren"
kw klacht bevestig K-2023-0001 --datum 07-02-2023
kw klacht sluit K-2023-0001 --uitkomst doorgestuurd --naar Mevis --naar-soort zorgaanbieder \
    --klager-geinformeerd 09-02-2023 --datum 09-02-2023
kw klacht bevestig K-2023-0002 --datum 18-04-2023
kw klacht sluit K-2023-0002 --uitkomst doorgestuurd --naar Stroomopwaarts --naar-soort bestuursorgaan \
    --klager-geinformeerd 20-04-2023 --datum 20-04-2023
kw klacht wijs-toe K-2023-0003 --behandelaar "teamleider WOT Groenoord"
kw klacht sluit K-2023-0003 --uitkomst ingetrokken --wijze "telefonisch, na een gesprek met de teamleider" \
    --datum 26-06-2023
kw klacht bevestig K-2023-0004 --datum 05-09-2023
kw klacht sluit K-2023-0004 --uitkomst doorgestuurd --naar ROGplus --naar-soort bestuursorgaan \
    --klager-geinformeerd 08-09-2023 --datum 08-09-2023
kw klacht sluit K-2023-0005 --uitkomst niet-ontvankelijk \
    --reden "Awb 9:4: geen naam, adres en dagtekening van de indiener" --datum 20-11-2023

stap "Het register"
kw klacht lijst --jaar 2023

stap "Auditspoor"
kw audit controleer

stap "Jaaroverzicht 2023 (Awb 9:12a)"
kw klacht overzicht --jaar 2023

stap "Normenkaders laden (meegeleverd)"
kw normen importeer awb-h9
kw normen importeer wmo2015-h3
kw normen importeer sterk-sociaal-werk
kw normen lijst

stap "Bewijs uit de bronnen van het WOT registreren"
# Samenvattingen in demo/bewijs/; in de praktijk het document zelf (PDF, Excel, ...).
b_jaar=$(kw bewijs registreer --titel "Jaarrapportage WOT 2023" --soort document \
    --ingangsdatum 31-12-2023 --geldig-tot 30-06-2025 --eigenaar "kwaliteitsfunctionaris WOT" \
    --beschrijving "Resultaten 2023: 732 trajecten volledig afgerond, doorlooptijd en wachttijd, klachten" \
    --bestand demo/bewijs/jaarrapportage-wot-2023.md)
b_enq=$(kw bewijs registreer --titel "Onderzoek gebruik en bekendheid WOT 2023 (1539 respondenten)" \
    --soort enquête --ingangsdatum 30-11-2023 --geldig-tot 31-12-2025 \
    --eigenaar "Kenniscentrum gemeente Schiedam" --bestand demo/bewijs/inwonersonderzoek-2023.md)
b_kto=$(kw bewijs registreer --titel "Cliëntervaringsonderzoek WOT 2015 (7,5; medewerkers 7,9)" \
    --soort enquête --ingangsdatum 31-12-2015 --geldig-tot 31-12-2017 \
    --bestand demo/bewijs/clientonderzoek-2015.md)
b_skj=$(kw bewijs registreer --titel "Skj-registratie jeugdprofessionals" --soort registratie \
    --ingangsdatum 01-01-2024 --geldig-tot 31-12-2024 --eigenaar "Mevis" \
    --bestand demo/bewijs/skj-registratie.md)
b_wb=$(kw bewijs registreer --titel "Werkbegeleiding door gedragswetenschappers CO-team" \
    --soort registratie --ingangsdatum 01-01-2023 --geldig-tot 31-12-2024 \
    --eigenaar "CO-team" --bestand demo/bewijs/werkbegeleiding-co-team.md)
b_reg=$(kw bewijs registreer --titel "Klachtenregister WOT (kwaliteit)" --soort registratie \
    --ingangsdatum 01-01-2023 --eigenaar "kwaliteitsfunctionaris WOT" \
    --beschrijving "Het register zelf: kwaliteit klacht lijst en overzicht")
echo "Geregistreerd: $b_jaar $b_enq $b_kto $b_skj $b_wb $b_reg"

stap "Bewijs koppelen aan normen"
ssw() { kw bewijs koppel "$1" --kader sterk-sociaal-werk --norm "$2" --toelichting "$3"; }
ssw "$b_jaar" 2.2 "Resultaten per afsluitreden en doorlooptijd worden jaarlijks verantwoord"
ssw "$b_jaar" 3.1 "De jaarrapportage beschrijft ontwikkelingen en verbeteracties (PDCA)"
ssw "$b_enq" 2.3 "Inwonersonderzoek 2023 met 1539 ingevulde formulieren"
ssw "$b_enq" 2.6 "Het onderzoek leidde tot aanbevelingen waar het WOT mee aan de slag gaat"
ssw "$b_kto" 2.3 "Cliëntervaringsonderzoek 2015 met scores per thema"
ssw "$b_skj" 1.2 "Jeugdprofessionals staan geregistreerd in het Kwaliteitsregister Jeugd"
ssw "$b_wb" 1.3 "Werkbegeleiding en casuïstiekbespreking door gedragswetenschappers"
ssw "$b_reg" 3.3 "Elke klacht wordt geregistreerd en volgens Awb h9 afgehandeld"
kw bewijs koppel "$b_reg" --kader awb-h9 --norm 9:12a \
    --toelichting "Het register levert het jaaroverzicht (kwaliteit klacht overzicht)"
kw bewijs koppel "$b_jaar" --kader awb-h9 --norm 9:12a \
    --toelichting "Het jaaroverzicht klachten is gepubliceerd in de jaarrapportage"

stap "Zelfevaluatie, bevinding en verbeteractie"
kw beoordeel --kader sterk-sociaal-werk --norm 2.3 --oordeel voldoet-deels --ronde 2024 \
    --toelichting "Inwonersonderzoek 2023; cliëntervaring sinds 2015 niet meer gemeten"
kw beoordeel --kader sterk-sociaal-werk --norm 1.3 --oordeel voldoet --ronde 2024 \
    --toelichting "Werkbegeleiding door het CO-team voor alle wijkteams"
kw beoordeel --kader awb-h9 --norm 9:6 --oordeel voldoet --ronde 2024 \
    --toelichting "Elke schriftelijke klacht met een adres kreeg een ontvangstbevestiging; K-2023-0005 was anoniem"
bv=$(kw bevinding registreer --soort verbeterpunt --kader sterk-sociaal-werk --norm 2.3 --ronde 2024 \
    --omschrijving "Cliëntervaring wordt niet periodiek gemeten; het laatste onderzoek is van 2015")
kw actie registreer --omschrijving "Feedbacktool bij afsluiting van trajecten invoeren" \
    --eigenaar "teamleider WOT" --deadline 01-07-2024 --kader sterk-sociaal-werk --norm 2.3 \
    --bevinding "$bv" --klacht K-2023-0003

stap "Dekking: Kwaliteitslabel Sterk Sociaal Werk (werkversie)"
kw dekking --kader sterk-sociaal-werk --ronde 2024

stap "Dekking: Awb titel 9.1 (met het klachtenregister als levend bewijs)"
kw dekking --kader awb-h9 --ronde 2024

stap "Toetsing: de Gherkin-scenario's van features/dekking tegen het register (Awb titel 9.1)"
# Exitcode 1 betekent: niet elke norm is gedekt. Dat is hier de uitkomst, geen fout.
kw toets --kader awb-h9 || [ $? -eq 1 ]

stap "Toetsing: het Kwaliteitslabel Sterk Sociaal Werk (werkversie)"
kw toets --kader sterk-sociaal-werk || [ $? -eq 1 ]

stap "Auditspoor na alle wijzigingen"
kw audit controleer

stap "Certificeringsdossier voor de auditor: PDF/A en HTML, met manifest"
kw dossier --kader sterk-sociaal-werk --periode 2023 --peildatum 15-01-2024 --ronde 2024 \
    --uit "$uit/dossier"
kw dossier controleer "$uit/dossier"
printf '\nHet dossier: %s en %s\n' "$uit/dossier/dossier.pdf" "$uit/dossier/html/index.html"
