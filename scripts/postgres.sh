#!/usr/bin/env bash
# Throwaway PostgreSQL server for the test suite (loopback only, fsync off).
#
#   scripts/postgres.sh start        -> creates a fresh cluster in a directory of
#                                       its own, starts it on a free port and prints
#                                       exactly two lines on stdout: the SQLAlchemy
#                                       URL and the working directory. Everything
#                                       else goes to stderr.
#   scripts/postgres.sh stop MAP     -> stops the server of that working directory
#                                       and removes the directory; no error when it
#                                       is not running.
#   scripts/postgres.sh status [MAP] -> exit 0 when it runs, 1 otherwise; without
#                                       MAP: every server of this script.
#
# Every `start` gets its own directory (mktemp -d under $TMPDIR, default /tmp)
# and its own port (the kernel's choice for port 0 on 127.0.0.1; if another
# process takes it before the server binds it, the next one is tried), so test
# runs on one machine never share or stop each other's server. `start` also
# removes what runs that were killed left behind (see ruim_restanten_op).
#
# Environment:
#   KWALITEIT_PG_MAP      a fixed working directory instead of a fresh one; `start`
#                         reuses it (and throws away the cluster in it), `stop`
#                         and `status` use it when no MAP is given
#   KWALITEIT_PG_POORT    a fixed TCP port on 127.0.0.1 instead of a free one
#   KWALITEIT_PG_EIGENAAR the PID of the process the server belongs to (the
#                         Makefile passes its shell); once that process is gone,
#                         the next `start` stops the server and removes its
#                         directory. Without it only directories in which no
#                         server runs are cleaned up.
#
# Exit codes: 0 ok, 1 error, 2 usage, 3 no PostgreSQL server binaries found.
set -euo pipefail

MARKER_NAAM=".kwaliteit-pg"
PG_GEBRUIKER="postgres"
# Fresh directories are $BASIS/kwaliteit-pg.XXXXXX.
BASIS="$(realpath -m -- "${TMPDIR:-/tmp}")"
VOORVOEGSEL="kwaliteit-pg."
# How often `start` tries another free port when the chosen one was taken.
POGINGEN=5
# A directory without a running server and without a live owner is only
# removed by another run's `start` when it is older than this (minutes), so a
# `start` that is still setting up is never disturbed.
RESTANT_MINUTEN=10

fout() {
    printf 'postgres.sh: %s\n' "$*" >&2
}

info() {
    printf 'postgres.sh: %s\n' "$*" >&2
}

gebruik() {
    cat >&2 <<'EOF'
Gebruik: scripts/postgres.sh start | stop MAP | status [MAP]

  start        maakt een verse PostgreSQL-testserver (alleen 127.0.0.1) in een
               eigen map op een vrije poort en drukt twee regels af op stdout:
               de database-URL en de map
  stop MAP     stopt de testserver van die map en ruimt de map op (geen fout als
               hij niet draait)
  status [MAP] exitcode 0 als de testserver van die map draait, anders 1;
               zonder MAP: alle testservers van dit script

Omgevingsvariabelen: KWALITEIT_PG_MAP (een vaste map in plaats van een nieuwe;
ook de map voor stop en status), KWALITEIT_PG_POORT (een vaste poort in plaats
van een vrije), KWALITEIT_PG_EIGENAAR (het proces waar de server bij hoort:
is dat proces weg, dan ruimt een volgende start de server op).
EOF
}

# --- settings --------------------------------------------------------------

POORT_VAST="${KWALITEIT_PG_POORT:-}"
if [[ -n "$POORT_VAST" ]] &&
    { ! [[ "$POORT_VAST" =~ ^[0-9]+$ ]] || ((POORT_VAST < 1 || POORT_VAST > 65535)); }; then
    fout "ongeldige poort in KWALITEIT_PG_POORT: '$POORT_VAST' (verwacht 1-65535)."
    exit 1
fi

ALS_ROOT=0
if [[ "$(id -u)" -eq 0 ]]; then
    ALS_ROOT=1
fi

# Set by zet_map.
MAP=""
DATA=""
LOG=""
MARKER=""

# Absolute path, so that relative values (e.g. KWALITEIT_PG_MAP=.pg) keep
# working after the cd below.
zet_map() {
    MAP="$(realpath -m -- "$1")"
    if [[ "$MAP" == "/" ]]; then
        fout "de map van de testserver mag niet '/' zijn."
        exit 1
    fi
    if [[ "$MAP" == *"'"* || "$MAP" == *'"'* ]]; then
        # The path ends up inside the pg_ctl -o string, which a shell parses.
        fout "de map van de testserver mag geen aanhalingstekens bevatten: $MAP"
        exit 1
    fi
    DATA="$MAP/data"
    LOG="$MAP/postgres.log"
    MARKER="$MAP/$MARKER_NAAM"
}

# The map of `stop` and `status`: the argument, else KWALITEIT_PG_MAP.
if (($# == 2)) && [[ "$1" == stop || "$1" == status ]]; then
    zet_map "$2"
elif (($# == 1)) && [[ -n "${KWALITEIT_PG_MAP:-}" ]]; then
    zet_map "$KWALITEIT_PG_MAP"
fi

# The server runs as another user when we are root; it must be able to
# stat its working directory, so don't leave it in e.g. /root.
cd /

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

# The marker file holds key=value lines (poort, sock, eigenaar).
marker_waarde() {
    [[ -f "$MARKER" ]] || return 0
    sed -n "s/^$1=//p" -- "$MARKER" | tail -n 1
}

# "PID:STARTTIME" of a process (the start time guards against a reused PID),
# or empty without /proc.
proces_id() {
    local stat
    stat="$(cat -- "/proc/$1/stat" 2>/dev/null)" || return 0
    # Field 22 (starttime), counted after the ")" that ends the command name.
    printf '%s:%s\n' "$1" "$(awk '{print $20}' <<<"${stat##*) }")"
}

# Is the owner recorded in the marker still alive? 0 yes, 1 gone, 2 unknown.
eigenaar_leeft() {
    local eigenaar pid
    eigenaar="$(marker_waarde eigenaar)"
    [[ -n "$eigenaar" ]] || return 2
    pid="${eigenaar%%:*}"
    [[ "$(proces_id "$pid")" == "$eigenaar" ]] && return 0
    return 1
}

# Is there a (possibly stale) cluster of ours in $DATA?
heeft_cluster() {
    [[ -f "$DATA/PG_VERSION" ]]
}

draait() {
    [[ -n "$BINDIR" ]] || return 1
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
    if ((ALS_ROOT)) && ! id -u "$PG_GEBRUIKER" >/dev/null 2>&1; then
        return 1
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

# The socket directory outside $MAP (see kies_socketmap), if any.
verwijder_socketmap() {
    local sock
    sock="$(marker_waarde sock)"
    if [[ -n "$sock" && "$sock" != "$MAP/"* && "$sock" == /tmp/kwaliteit-pg-sock.* ]]; then
        rm -rf -- "$sock"
    fi
}

# Remove $MAP (only when this script made it: the marker) and a socket
# directory outside it.
verwijder_map() {
    [[ -f "$MARKER" ]] || return 0
    verwijder_socketmap
    rm -rf -- "$MAP"
}

# After a failed start: nothing left running, and nothing left behind but a
# fixed KWALITEIT_PG_MAP (with its logs). $1: 1 for a directory of our own.
ruim_mislukte_start_op() {
    stop_server || true
    if (($1)); then
        verwijder_map || true
    else
        verwijder_socketmap || true
    fi
}

# Directories that killed runs left behind: their owner is gone (then the
# server, if it still runs, is stopped), or nobody owns them, no server runs
# there and they are older than RESTANT_MINUTEN. Only directories of the form
# $BASIS/kwaliteit-pg.XXXXXX with our marker and belonging to us; never a
# KWALITEIT_PG_MAP.
ruim_restanten_op() {
    local kandidaat leeft
    local eigen_map="$MAP"
    while IFS= read -r kandidaat; do
        [[ -d "$kandidaat" && -f "$kandidaat/$MARKER_NAAM" ]] || continue
        # Another user's directory is theirs to clean (as root: the server
        # user owns it).
        ((ALS_ROOT)) || [[ -O "$kandidaat" ]] || continue
        zet_map "$kandidaat"
        leeft=0
        eigenaar_leeft || leeft=$?
        if ((leeft == 0)); then
            continue
        fi
        if ((leeft == 2)); then
            # No (known) owner: only a directory without a server, and not a
            # fresh one.
            draait && continue
            [[ -n "$(find "$MARKER" -maxdepth 0 -mmin +"$RESTANT_MINUTEN" 2>/dev/null)" ]] ||
                continue
        fi
        info "restant van een afgebroken run wordt opgeruimd: $MAP"
        stop_server || continue
        verwijder_map || true
    done < <(compgen -G "$BASIS/$VOORVOEGSEL*" || true)
    if [[ -n "$eigen_map" ]]; then
        zet_map "$eigen_map"
    else
        MAP="" DATA="" LOG="" MARKER=""
    fi
}

# The kernel's choice of a free port on 127.0.0.1.
vrije_poort() {
    local p
    if command -v python3 >/dev/null 2>&1 &&
        p="$(python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()' 2>/dev/null)" && [[ "$p" =~ ^[0-9]+$ ]]; then
        printf '%s\n' "$p"
        return 0
    fi
    # Without python3: a random port above the usual ephemeral range that
    # nothing answers on.
    local i
    for ((i = 0; i < 20; i++)); do
        p=$((61000 + RANDOM % 4500))
        if ! (: <"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
            printf '%s\n' "$p"
            return 0
        fi
    done
    fout "geen vrije poort gevonden op 127.0.0.1."
    return 1
}

# Is another PostgreSQL answering on this port?
poort_bezet_door_postgres() {
    [[ -x "$BINDIR/pg_isready" ]] &&
        "$BINDIR/pg_isready" -q -h 127.0.0.1 -p "$1" -t 2 >/dev/null 2>&1
}

# The socket path is limited to 107 bytes; fall back to a short directory.
kies_socketmap() {
    local sock="$MAP/sock"
    if ((${#sock} + 30 > 100)); then
        sock="$(mktemp -d /tmp/kwaliteit-pg-sock.XXXXXX)"
    else
        mkdir -p -- "$sock"
    fi
    chmod 700 -- "$sock"
    printf '%s\n' "$sock"
}

# --- commands --------------------------------------------------------------

BINDIR="$(zoek_bindir)"

vereis_map() {
    if [[ -z "$MAP" ]]; then
        fout "welke testserver? Geef de map die 'start' afdrukte: scripts/postgres.sh $1 MAP" \
            "(of zet KWALITEIT_PG_MAP)."
        exit 2
    fi
}

cmd_stop() {
    vereis_map stop
    if [[ ! -d "$MAP" ]]; then
        info "geen testserver in $MAP; niets te stoppen."
        return 0
    fi
    if [[ ! -f "$MARKER" ]]; then
        info "$MAP is niet door dit script gemaakt; niets gestopt of verwijderd."
        return 0
    fi
    if [[ -z "$BINDIR" ]]; then
        # Without binaries nothing of ours can be running.
        info "PostgreSQL niet gevonden; er draait dus geen testserver."
    elif draait; then
        stop_server || exit 1
        info "testserver gestopt."
    elif heeft_cluster; then
        info "testserver in $MAP draait niet (meer); laatste regels van $LOG:"
        tail -n 20 -- "$LOG" >&2 2>/dev/null || true
    fi
    verwijder_map
    info "$MAP opgeruimd."
}

cmd_status() {
    if [[ -n "$MAP" ]]; then
        if draait; then
            info "testserver draait (data: $DATA, poort $(marker_waarde poort))."
            return 0
        fi
        info "testserver in $MAP draait niet."
        return 1
    fi
    local kandidaat gevonden=1
    while IFS= read -r kandidaat; do
        [[ -f "$kandidaat/$MARKER_NAAM" ]] || continue
        zet_map "$kandidaat"
        if draait; then
            info "testserver draait (data: $DATA, poort $(marker_waarde poort))."
            gevonden=0
        fi
    done < <(compgen -G "$BASIS/$VOORVOEGSEL*" || true)
    if ((gevonden)); then
        info "er draait geen testserver."
    fi
    return "$gevonden"
}

# One attempt to start the server on $1. 0 started, 4 the port was taken,
# 1 another failure.
start_op_poort() {
    local poort="$1" sock="$2" opties
    if poort_bezet_door_postgres "$poort"; then
        return 4
    fi
    info "testserver wordt gestart op 127.0.0.1:$poort (log: $LOG)."
    rm -f -- "$LOG"
    opties="-h 127.0.0.1 -p $poort -k '$sock' -F -c fsync=off -c full_page_writes=off -c max_connections=200"
    if als_pg "$BINDIR/pg_ctl" -D "$DATA" -w -l "$LOG" start -o "$opties" >&2; then
        return 0
    fi
    if grep -qE 'could not bind|could not create any TCP/IP sockets|Address already in use' \
        -- "$LOG" 2>/dev/null; then
        return 4
    fi
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
    ruim_restanten_op

    local eigen_map=0
    if [[ -n "$MAP" ]]; then
        # A fixed directory (KWALITEIT_PG_MAP). Never rm -rf a directory this
        # script did not create.
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
        verwijder_map
        mkdir -p -- "$MAP"
    else
        mkdir -p -- "$BASIS"
        zet_map "$(mktemp -d "$BASIS/${VOORVOEGSEL}XXXXXX")"
        eigen_map=1
    fi

    # No default owner: the caller's PID ($PPID) is often a subshell that is
    # gone at once (a pipeline, `sh -c`), which would make the server look
    # abandoned.
    local eigenaar="${KWALITEIT_PG_EIGENAAR:-}"
    if [[ -n "$eigenaar" ]] && ! [[ "$eigenaar" =~ ^[0-9]+$ ]]; then
        fout "ongeldig proces in KWALITEIT_PG_EIGENAAR: '$eigenaar' (verwacht een PID)."
        exit 1
    fi
    printf 'eigenaar=%s\n' "$([[ -z "$eigenaar" ]] || proces_id "$eigenaar")" >"$MARKER"

    # The log has been shown by then.
    trap 'if (($? != 0)); then ruim_mislukte_start_op '"$eigen_map"'; fi' EXIT

    local sock
    sock="$(kies_socketmap)"
    printf 'sock=%s\n' "$sock" >>"$MARKER"
    if ((ALS_ROOT)); then
        chown -R "$PG_GEBRUIKER" -- "$MAP" "$sock"
        # The server user must be able to reach $MAP through its parents.
        if ! als_pg test -x "$MAP"; then
            fout "gebruiker '$PG_GEBRUIKER' kan $MAP niet bereiken (rechten van een bovenliggende map);" \
                "kies een andere KWALITEIT_PG_MAP of TMPDIR, bijvoorbeeld onder /tmp."
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

    local poort poging rc
    for ((poging = 1; ; poging++)); do
        if [[ -n "$POORT_VAST" ]]; then
            poort="$POORT_VAST"
        else
            poort="$(vrije_poort)" || exit 1
        fi
        rc=0
        start_op_poort "$poort" "$sock" || rc=$?
        if ((rc == 0)); then
            break
        fi
        if ((rc == 4)) && [[ -n "$POORT_VAST" ]]; then
            fout "poort $poort op 127.0.0.1 is al in gebruik; stop wat daar draait of kies een" \
                "andere KWALITEIT_PG_POORT (of laat hem leeg voor een vrije poort)."
            tail -n 5 -- "$LOG" >&2 2>/dev/null || true
            exit 1
        fi
        if ((rc == 4 && poging < POGINGEN)); then
            info "poort $poort is intussen bezet; een andere poort wordt geprobeerd."
            continue
        fi
        fout "starten van de testserver is mislukt; laatste regels van $LOG:"
        tail -n 30 -- "$LOG" >&2 2>/dev/null || true
        exit 1
    done
    printf 'poort=%s\n' "$poort" >>"$MARKER"
    trap - EXIT

    printf 'postgresql+psycopg://postgres@127.0.0.1:%s/postgres\n' "$poort"
    printf '%s\n' "$MAP"
}

case "$#:${1:-}" in
1:start) cmd_start ;;
1:stop | 2:stop) cmd_stop ;;
1:status | 2:status) cmd_status ;;
1:-h | 1:--help | 1:help)
    gebruik
    exit 0
    ;;
*)
    gebruik
    exit 2
    ;;
esac
