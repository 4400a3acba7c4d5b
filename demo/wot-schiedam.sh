#!/usr/bin/env bash
# Demo: het klachtenjaar 2023 van de Wijkondersteuningsteams (WOT) Schiedam.
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
# Het jaar 2023 naspelen: 'vandaag' is begin 2024.
export KWALITEIT_VANDAAG=2024-01-15
kw() { kwaliteit --door "kwaliteitsfunctionaris WOT" "$@"; }

stap() { printf '\n== %s\n' "$*"; }

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
