#!/bin/sh
# The Engagementkongress NRW 2015 (schedules/engagementkongress-2015.json), built from
# nothing with fora's editing commands, as README.md shows. Every command checks its
# change before writing it; `set -e` stops at the first one that is refused.
#
#   sh examples/engagementkongress-2015.sh kongress.json
#
# FORA names the program to run (default: fora on the PATH).
set -eu
fora=${FORA:-fora}
week=${1:-engagementkongress-2015.json}

$fora new "$week" --name "Engagementkongress NRW 2015" --start 2015-11-06 \
    --timezone Europe/Berlin --language de --day-start 09:30 --day-end 17:30
$fora rules set "$week" parallel=ja

$fora room add "$week" --id saal --name "Großer Saal" --capacity 300
for room in a b c; do
    upper=$(echo "$room" | tr a-z A-Z)
    $fora room add "$week" --id "raum-$room" --name "Raum $upper" --capacity 40
done

$fora add "$week" --title "Begrüßung" --format Eröffnung --start "2015-11-06 10:00" \
    --duration 15m --room saal --speaker "Landesregierung NRW"
$fora add "$week" --id impuls-engagementatlas \
    --title "Impuls: Der Generali Engagementatlas 2015 – die Auswertung für NRW" \
    --format Impulsvortrag --start "2015-11-06 10:15" --duration 45m --room saal \
    --speaker "Generali Zukunftsfonds"
$fora add "$week" --id podium --title "Podiumsdiskussion: Engagementförderung vor Ort" \
    --format Podium --start "2015-11-06 11:00" --duration 1h --room saal \
    --speaker "Landesregierung NRW" --speaker "Generali Zukunftsfonds" \
    --speaker "Kommunale Spitzenverbände" --speaker "Moderation"
# A quarter of an hour for the change of stage after the talk.
$fora move "$week" podium --by 15m

# The learning carousel: nine municipalities, three rounds in three rooms.
carousel() { # START ROOM CITY
    $fora add "$week" --title "Lernkarussell: $3" --format Lernkarussell \
        --start "2015-11-06 $1" --duration 30m --room "$2" --speaker "Stadt $3"
}
carousel 13:15 raum-a Bonn
carousel 13:15 raum-b Essen
carousel 13:15 raum-c Hagen
carousel 13:55 raum-a Hemer
carousel 13:55 raum-b Kamp-Lintfort
carousel 13:55 raum-c Lünen
carousel 14:35 raum-a Rheine
carousel 14:35 raum-b Velbert
carousel 14:35 raum-c Witten

$fora add "$week" --id workshop-engagierte-gewinnen --title "Workshop: Engagierte gewinnen" \
    --format Workshop --start "2015-11-06 15:30" --duration 75m --room raum-a
$fora add "$week" --id workshop-anerkennungskultur \
    --title "Workshop: Anerkennungskultur in der Kommune" \
    --format Workshop --start "2015-11-06 15:30" --duration 75m --room raum-b
$fora add "$week" --id workshop-kooperation \
    --title "Workshop: Kommune, Vereine und Unternehmen im Verbund" \
    --format Workshop --start "2015-11-06 15:30" --duration 75m --room raum-c
$fora add "$week" --id abschluss --title "Ergebnisse und Ausblick" --format Abschluss \
    --start "2015-11-06 17:00" --duration 30m --room saal \
    --speaker "Landesregierung NRW" --speaker "Moderation"

$fora check "$week"
