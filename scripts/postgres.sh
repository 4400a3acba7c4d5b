#!/usr/bin/env bash
# Throwaway PostgreSQL server for the test suite (loopback only, fsync off).
#
#   scripts/postgres.sh start   -> (re)creates a fresh cluster, starts it and
#                                  prints exactly one line on stdout: the
#                                  SQLAlchemy URL. Everything else goes to stderr.
#   scripts/postgres.sh stop    -> stops it; no error when it is not running.
#   scripts/postgres.sh status  -> exit 0 when running, 1 otherwise.
#
# Environment:
#   KWALITEIT_PG_MAP   working directory (default /tmp/kwaliteit-pg)
#   KWALITEIT_PG_POORT TCP port on 127.0.0.1 (default 54329)
#
# Exit codes: 0 ok, 1 error, 2 usage, 3 no PostgreSQL server binaries found.
set -euo pipefail

MARKER_NAAM=".kwaliteit-pg"
PG_GEBRUIKER="postgres"

fout() {
    printf 'postgres.sh: %s\n' "$*" >&2
}

info() {
    printf 'postgres.sh: %s\n' "$*" >&2
}

gebruik() {
    cat >&2 <<'EOF'
Gebruik: scripts/postgres.sh start|stop|status

  start   maakt een verse PostgreSQL-testserver (alleen 127.0.0.1) en drukt de
          database-URL af op stdout
  stop    stopt de testserver (geen fout als hij niet draait)
  status  exitcode 0 als de testserver draait, anders 1

Omgevingsvariabelen: KWALITEIT_PG_MAP (standaard /tmp/kwaliteit-pg),
KWALITEIT_PG_POORT (standaard 54329).
EOF
}

# --- settings --------------------------------------------------------------

MAP_INVOER="${KWALITEIT_PG_MAP:-/tmp/kwaliteit-pg}"
POORT="${KWALITEIT_PG_POORT:-54329}"

if [[ -z "$MAP_INVOER" ]]; then
    fout "KWALITEIT_PG_MAP is leeg."
    exit 1
fi
if ! [[ "$POORT" =~ ^[0-9]+$ ]] || ((POORT < 1 || POORT > 65535)); then
    fout "ongeldige poort in KWALITEIT_PG_POORT: '$POORT' (verwacht 1-65535)."
    exit 1
fi

# Absolute path, so that relative values (e.g. KWALITEIT_PG_MAP=.pg) keep
# working after the cd below.
MAP="$(realpath -m -- "$MAP_INVOER")"
if [[ "$MAP" == "/" ]]; then
    fout "KWALITEIT_PG_MAP mag niet '/' zijn."
    exit 1
fi
if [[ "$MAP" == *"'"* || "$MAP" == *'"'* ]]; then
    # The path ends up inside the pg_ctl -o string, which a shell parses.
    fout "KWALITEIT_PG_MAP mag geen aanhalingstekens bevatten: $MAP"
    exit 1
fi
DATA="$MAP/data"
LOG="$MAP/postgres.log"
MARKER="$MAP/$MARKER_NAAM"

# The server runs as another user when we are root; it must be able to
# stat its working directory, so don't leave it in e.g. /root.
cd /

ALS_ROOT=0
if [[ "$(id -u)" -eq 0 ]]; then
    ALS_ROOT=1
fi

# --- helpers ---------------------------------------------------------------

# Directory holding initdb/pg_ctl/postgres, or empty.
zoek_bindir() {
    local kandidaat
    if command -v pg_config >/dev/null 2>&1; then
        kandidaat="$(pg_config --bindir 2>/dev/null || true)"
        # On Debian, pg_config may come from libpq-dev without a server.
        if [[ -n "$kandidaat" && -x "$kandidaat/initdb" && -x "$kandidaat/pg_ctl" ]]; then
            printf '%s\n' "$kandidaat"
            return 0
        fi
    fi
    local dir
    # Newest major version first (sort -V handles 9.6 < 10 < 15).
    while IFS= read -r dir; do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
            printf '%s\n' "$dir"
            return 0
        fi
    done < <(compgen -G '/usr/lib/postgresql/*/bin' | sort -V -r || true)
    return 0
}

# Run a command as the server user (root is not allowed to run initdb,
# pg_ctl or postgres); as ourselves when we are not root.
als_pg() {
    if ((ALS_ROOT)); then
        if command -v runuser >/dev/null 2>&1; then
            runuser -u "$PG_GEBRUIKER" -- "$@"
        else
            local cmd
            cmd="$(printf '%q ' "$@")"
            su "$PG_GEBRUIKER" -s /bin/sh -c "$cmd"
        fi
    else
        "$@"
    fi
}

zorg_voor_pg_gebruiker() {
    ((ALS_ROOT)) || return 0
    if ! id -u "$PG_GEBRUIKER" >/dev/null 2>&1; then
        info "systeemgebruiker '$PG_GEBRUIKER' bestaat niet; wordt aangemaakt."
        useradd --system --user-group --no-create-home \
            --home-dir /var/lib/postgresql --shell /bin/sh "$PG_GEBRUIKER" >&2
    fi
}

# Is there a (possibly stale) cluster of ours in $DATA?
heeft_cluster() {
    [[ -f "$DATA/PG_VERSION" ]]
}

draait() {
    heeft_cluster || return 1
    [[ -f "$DATA/postmaster.pid" ]] || return 1
    # A killed postmaster can linger as a zombie, which pg_ctl counts as alive.
    local pid toestand=""
    pid="$(head -n 1 -- "$DATA/postmaster.pid" 2>/dev/null || true)"
    if [[ "$pid" =~ ^[0-9]+$ && -r "/proc/$pid/stat" ]]; then
        toestand="$(sed -E 's/^.*\) ([A-Za-z]).*$/\1/' "/proc/$pid/stat" 2>/dev/null || true)"
        if [[ "$toestand" == "Z" ]]; then
            return 1
        fi
    fi
    als_pg "$BINDIR/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

stop_server() {
    if draait; then
        info "testserver in $DATA wordt gestopt."
        if ! als_pg "$BINDIR/pg_ctl" -D "$DATA" -m fast -w stop >&2; then
            fout "kon de testserver in $DATA niet stoppen."
            return 1
        fi
    fi
    return 0
}

# The socket path is limited to 107 bytes; fall back to a short one.
kies_socketmap() {
    local sock="$MAP/sock"
    if ((${#sock} + ${#POORT} + 12 > 100)); then
        sock="/tmp/kwaliteit-pg-sock-$POORT"
    fi
    printf '%s\n' "$sock"
}

# --- commands --------------------------------------------------------------

BINDIR="$(zoek_bindir)"

cmd_stop() {
    if [[ -z "$BINDIR" ]]; then
        # Without binaries nothing of ours can be running.
        info "PostgreSQL niet gevonden; er draait dus geen testserver."
        return 0
    fi
    if ! heeft_cluster; then
        info "geen testserver in $MAP; niets te stoppen."
        return 0
    fi
    if ((ALS_ROOT)) && ! id -u "$PG_GEBRUIKER" >/dev/null 2>&1; then
        info "systeemgebruiker '$PG_GEBRUIKER' bestaat niet; er draait dus geen testserver."
        return 0
    fi
    if ! draait; then
        info "testserver in $MAP draait niet."
        return 0
    fi
    stop_server
    info "testserver gestopt."
}

cmd_status() {
    if [[ -n "$BINDIR" ]] && heeft_cluster && draait; then
        info "testserver draait (data: $DATA, poort $POORT)."
        return 0
    fi
    info "testserver draait niet."
    return 1
}

cmd_start() {
    if [[ -z "$BINDIR" ]]; then
        fout "PostgreSQL-serverprogramma's (initdb, pg_ctl) niet gevonden:" \
            "niet via 'pg_config --bindir' en niet in /usr/lib/postgresql/*/bin." \
            "Installeer het Debian-pakket postgresql."
        exit 3
    fi
    info "PostgreSQL-programma's: $BINDIR"
    zorg_voor_pg_gebruiker

    # Never rm -rf a directory this script did not create.
    if [[ -e "$MAP" && ! -d "$MAP" ]]; then
        fout "$MAP bestaat maar is geen map."
        exit 1
    fi
    if [[ -d "$MAP" && ! -f "$MARKER" ]] && [[ -n "$(ls -A -- "$MAP")" ]]; then
        fout "$MAP is niet leeg en is niet door dit script gemaakt; kies een andere" \
            "KWALITEIT_PG_MAP of ruim de map zelf op."
        exit 1
    fi

    # Idempotent: stop and throw away a previous server of ours.
    if [[ -d "$MAP" ]] && heeft_cluster; then
        stop_server || exit 1
    fi

    local sock
    sock="$(kies_socketmap)"

    # Something else (another cluster, a stale server) on our port?
    if [[ -x "$BINDIR/pg_isready" ]] &&
        "$BINDIR/pg_isready" -q -h 127.0.0.1 -p "$POORT" -t 2 >/dev/null 2>&1; then
        fout "poort $POORT op 127.0.0.1 is al in gebruik door een andere PostgreSQL-server;" \
            "stop die of kies een andere KWALITEIT_PG_POORT."
        exit 1
    fi

    rm -rf -- "$DATA" "$LOG" "$MAP/initdb.log"
    if [[ "$sock" != "$MAP/sock" ]]; then
        rm -rf -- "$sock"
    fi
    rm -rf -- "$MAP/sock"
    mkdir -p -- "$MAP" "$sock"
    : >"$MARKER"
    chmod 700 -- "$sock"
    if ((ALS_ROOT)); then
        chown -R "$PG_GEBRUIKER" -- "$MAP" "$sock"
        # The server user must be able to reach $MAP through its parents.
        if ! als_pg test -x "$MAP"; then
            fout "gebruiker '$PG_GEBRUIKER' kan $MAP niet bereiken (rechten van een bovenliggende map);" \
                "kies een andere KWALITEIT_PG_MAP, bijvoorbeeld onder /tmp."
            exit 1
        fi
    fi

    info "nieuw cluster in $DATA wordt aangemaakt."
    # initdb is chatty; keep its output in a file and show it on failure.
    if ! als_pg "$BINDIR/initdb" -D "$DATA" -A trust -U postgres \
        --encoding=UTF8 --locale=C --no-sync >"$MAP/initdb.log" 2>&1; then
        fout "initdb is mislukt; uitvoer:"
        cat -- "$MAP/initdb.log" >&2 || true
        exit 1
    fi

    info "testserver wordt gestart op 127.0.0.1:$POORT (log: $LOG)."
    local opties
    opties="-h 127.0.0.1 -p $POORT -k '$sock' -F -c fsync=off -c full_page_writes=off -c max_connections=200"
    if ! als_pg "$BINDIR/pg_ctl" -D "$DATA" -w -l "$LOG" start -o "$opties" >&2; then
        fout "starten van de testserver is mislukt; laatste regels van $LOG:"
        tail -n 30 -- "$LOG" >&2 2>/dev/null || true
        exit 1
    fi

    printf 'postgresql+psycopg://postgres@127.0.0.1:%s/postgres\n' "$POORT"
}

if (($# != 1)); then
    gebruik
    exit 2
fi

case "$1" in
start) cmd_start ;;
stop) cmd_stop ;;
status) cmd_status ;;
-h | --help | help)
    gebruik
    exit 0
    ;;
*)
    gebruik
    exit 2
    ;;
esac
