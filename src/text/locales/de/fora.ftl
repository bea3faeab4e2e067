# Die Wörter von fora auf Deutsch. Jede Nachricht hat in jeder Sprache dieselbe Id und
# dieselben Argumente ($name); ein Test prüft das. Namen von Befundarten (room-overlap),
# Schlüssel der Wochendatei (rules.min_gap) und JSON-Schlüssel bleiben in jeder Sprache englisch.

## Zahlen und Daten. Die Datumsmuster sind strftime-Muster von chrono.

hours = { $hours } Std.
date-heading = %A, %-d. %B %Y
date-long = %-d. %B %Y
date-numeric = %d.%m.%Y
date-weekday-numeric = %a %d.%m.%Y
date-weekday-short = %a %d.%m.
week-dates = { $start } bis { $end }

## Was Teilnehmende neben einem Forum lesen.

word-join = Teilnehmen
word-format = Format
word-speakers = Mitwirkende
cancelled-title = Abgesagt: { $title }

## Stellen in einer Wochendatei.

place-week = Woche
place-room = Raum „{ $id }“
place-forum = Forum „{ $id }“
place-room-number = Raum Nr. { $number }
place-forum-number = Forum Nr. { $number }

## Befunde von `fora check`.

severity-error = Fehler
severity-warning = Warnung
finding-room-overlap = „{ $a }“ ({ $a_time }) und „{ $b }“ ({ $b_time }) überschneiden sich im Raum „{ $room }“
finding-room-overlap-one-room = „{ $a }“ ({ $a_time }) und „{ $b }“ ({ $b_time }) überschneiden sich im einzigen Raum der Woche
finding-speaker-overlap = „{ $speaker }“ wirkt gleichzeitig bei „{ $a }“ ({ $a_time }) und bei „{ $b }“ ({ $b_time }) mit
finding-parallel-overlap = „{ $a }“ ({ $a_time }) und „{ $b }“ ({ $b_time }) laufen parallel, aber rules.parallel ist false
finding-outside-week = „{ $forum }“ ({ $time }) liegt außerhalb der Woche ({ $start } bis { $end })
finding-duplicate-forum-id = die Fora Nr. { $first } und Nr. { $second } haben beide die Kennung „{ $id }“
finding-duplicate-room-id = { $rooms } Räume haben die Kennung „{ $id }“
finding-room-without-rooms = „{ $forum }“ nennt den Raum „{ $room }“, aber in der Woche sind keine Räume angelegt
finding-no-room = „{ $forum }“ nennt keinen Raum, aber in der Woche sind Räume angelegt ({ $rooms })
finding-undeclared-room = „{ $forum }“ nennt den Raum „{ $room }“, der nicht angelegt ist
finding-undeclared-room-closest = „{ $forum }“ nennt den Raum „{ $room }“, der nicht angelegt ist; meinten Sie „{ $closest }“?
finding-nonexistent-time = „{ $forum }“ beginnt am { $start }, aber diese Uhrzeit gibt es in { $zone } nicht: bei der Zeitumstellung werden die Uhren vorgestellt und diese Stunde fällt aus; es wird um { $shown } gezeigt (verschieben Sie es auf eine Uhrzeit, die es gibt)
finding-expect-fora = in der Woche { $actual ->
    [one] findet 1 Forum
   *[other] finden { $actual } Fora
} statt, aber expect.fora ist { $expected }
finding-expect-hours = das Programm umfasst { $hours }, aber expect.hours ist { $expected }
finding-outside-day = „{ $forum }“ ({ $time }) { $side ->
    [early] beginnt vor
    [late] endet nach
   *[both] beginnt vor und endet nach
} dem Tagesfenster { $window }
finding-short-gap = nur { $minutes } Min. zwischen „{ $a }“ (Ende { $a_end }) und „{ $b }“ (Beginn { $b_start }) im Raum „{ $room }“; rules.min_gap ist { $gap }
finding-short-gap-one-room = nur { $minutes } Min. zwischen „{ $a }“ (Ende { $a_end }) und „{ $b }“ (Beginn { $b_start }); rules.min_gap ist { $gap }
finding-day-over-limit = am { $date } gibt es { $hours } Programm, mehr als rules.max_hours_per_day ({ $limit }) erlaubt
finding-ambiguous-time = „{ $forum }“ beginnt am { $start }, in der Stunde, die es in { $zone } bei der Zeitumstellung zweimal gibt; es gilt die frühere der beiden ({ $abbreviation }, UTC{ $offset }; verschieben Sie es aus dieser Stunde, um sicherzugehen)
finding-unscheduled = „{ $forum }“ hat noch keinen Beginn
finding-unknown-field = { $place }: unbekannter Schlüssel „{ $key }“; er bleibt erhalten, wird aber nicht verwendet (beginnen Sie eigene Schlüssel mit „x-“)
finding-unknown-field-closest = { $place }: unbekannter Schlüssel „{ $key }“ (ähnlichster bekannter Schlüssel: „{ $closest }“); er bleibt erhalten, wird aber nicht verwendet (beginnen Sie eigene Schlüssel mit „x-“)
finding-missing-id = die Woche hat keine Kennung ("id"), daher werden die UIDs ihrer Kalendereinträge aus ihrem Namen und ersten Tag gebildet, und nach einer Umbenennung würde jedes Forum als neuer Termin veröffentlicht; fügen Sie "id": "{ $id }" hinzu, damit die bisher veröffentlichten UIDs erhalten bleiben

## Der Zeitplan (`fora timetable`).

column-date = Datum
column-time = Zeit
column-start = Beginn
column-end = Ende
column-minutes = Minuten
column-title = Titel
column-room = Raum
column-errors = Fehler
timetable-no-fora = Keine Fora an diesem Tag.
timetable-legend = { $mark } = Teil eines Konflikts; Einzelheiten zeigt `fora check`.
timetable-unscheduled = Noch nicht eingeplant
timetable-total = { $fora ->
    [one] 1 Forum
   *[other] { $fora } Fora
} · { $hours }

## Was sich für Teilnehmende geändert hat (`fora diff`).

diff-column-change = Änderung
diff-column-forum = Forum
diff-column-old = Vorher
diff-column-new = Nachher
diff-the-week = (die Woche)
diff-week-identity = Kennung (alle Termine neu)
diff-week-name = Neuer Name
diff-week-description = Beschreibung
diff-week-language = Sprache
diff-week-zone = Zeitzone
diff-added = Neu
diff-removed = Entfernt
diff-cancelled = Abgesagt
diff-restored = Wieder im Programm
diff-status = Status
diff-moved = Verschoben
diff-retitled = Neuer Titel
diff-room = Raum
diff-link = Link
diff-description = Beschreibung
diff-unscheduled = noch nicht eingeplant
status-confirmed = bestätigt
status-tentative = vorläufig
status-cancelled = abgesagt
diff-summary = { $changes ->
    [0] Keine Änderungen für Teilnehmende.
    [one] 1 Änderung für Teilnehmende ({ $fora ->
        [0] die Woche
        [one] 1 Forum
       *[other] { $fora } Fora
    }).
   *[other] { $changes } Änderungen für Teilnehmende ({ $fora ->
        [0] die Woche
        [one] 1 Forum
       *[other] { $fora } Fora
    }).
}

## Freie Zeitfenster (`fora free`).

free-heading = Freie Zeitfenster für ein Forum von { $duration }
free-none = Kein freies Zeitfenster für ein Forum von { $duration }: jeder Beginn verletzt eine Regel oder trifft auf ein anderes Forum.
free-column-day = Tag
free-column-free = Frei
free-column-between = Beginn zwischen
free-between = { $earliest } und { $latest }
free-count = { $slots ->
    [one] 1 freies Zeitfenster
   *[other] { $slots } freie Zeitfenster
}
free-rules = Regeln: { $rules }
free-window = Tagesfenster { $window }
free-window-default = Tagesfenster { $window } (Voreinstellung)
free-gap = mindestens { $gap } Abstand im selben Raum
free-no-parallel = keine parallelen Fora
free-limit = höchstens { $hours } am Tag

## Fehler: eine Datei oder ein Wert ließ sich nicht lesen oder verstehen (Exit-Code 2).

error-label = Fehler
warning-label = Warnung
error-read = { $file }: lässt sich nicht lesen: { $why }
error-write = { $file }: lässt sich nicht schreiben: { $why }
error-no-previous = --previous { $file }: Datei oder Ordner nicht gefunden; bei der ersten Veröffentlichung lassen Sie --previous weg
error-changed = { $file }: die Datei wurde geändert, während diese Bearbeitung lief; nichts geschrieben, führen Sie den Befehl noch einmal aus
error-read-only = { $file }: die Datei ist schreibgeschützt; nichts geschrieben (heben Sie den Schreibschutz zuerst auf, mit chmod u+w)
error-exists = { $file }: die Datei gibt es schon; --force ersetzt sie
error-source-date-epoch = SOURCE_DATE_EPOCH={ $value }: keine Anzahl von Sekunden seit 1970
io-not-found = Datei oder Ordner nicht gefunden
io-permission-denied = keine Berechtigung
io-is-a-directory = das ist ein Ordner
io-not-a-directory = ein Teil des Pfads ist kein Ordner
io-storage-full = der Datenträger ist voll
io-exists = ist schon vorhanden
value-day-outside-week = { $day }: kein Tag der Woche { $week } ({ $start } bis { $end })
value-no-rooms = { $room }: in der Woche { $week } sind keine Räume angelegt; legen Sie einen mit `fora room add` an
value-unknown-room = { $room }: kein Raum hat diese Kennung; die Räume sind { $rooms }
value-unknown-room-closest = { $room }: kein Raum hat diese Kennung; meinten Sie „{ $closest }“?
value-unknown-forum = { $id }: die Woche { $week } hat kein Forum mit dieser Kennung
value-unknown-forum-closest = { $id }: die Woche { $week } hat kein Forum mit dieser Kennung; meinten Sie { $closest }?
value-shared-id = { $id }: { $fora } Fora haben diese Kennung; geben Sie zuerst einem von ihnen in der Datei eine andere Kennung
value-bad-id = { $id }: eine Kennung darf nur Buchstaben ohne Umlaute (A–Z, a–z), Ziffern, „-“ und „_“ enthalten
value-forum-id-taken = { $id }: ein Forum der Woche hat diese Kennung schon
value-room-id-taken = { $id }: die Woche hat schon einen Raum mit dieser Kennung
value-not-assignment = „{ $text }“ hat nicht die Form FIELD=VALUE (Feld=Wert); die Felder sind { $fields }
value-unknown-field = { $field }=: die Felder sind { $fields }; den Beginn ändert `fora move`
value-unknown-field-closest = { $field }=: meinten Sie „{ $closest }“? Die Felder sind { $fields }; den Beginn ändert `fora move`
value-empty-title = ein Forum braucht einen Titel
value-status = { $text }: keiner der Werte bestätigt, vorläufig, abgesagt (oder confirmed, tentative, cancelled)
value-no-start = „{ $id }“ hat noch keinen Beginn; geben Sie ihm einen mit --to
value-date-time = „{ $text }“ ist kein Datum mit Uhrzeit; schreiben Sie es in der Form 2020-06-23T10:00
value-date = „{ $text }“ ist kein Datum; schreiben Sie es in der Form 2020-06-23
value-language = „{ $text }“: fora kennt de und en
duration-unreadable = „{ $text }“ ist keine Dauer; schreiben Sie sie etwa als "90m", "1h30m", "1,5h", "PT1H30M" oder als Zahl von Minuten
duration-not-whole = „{ $text }“ ist keine ganze Zahl von Minuten
duration-too-short = „{ $text }“ ist zu kurz: eine Dauer muss länger als 0 Minuten sein
duration-too-long = „{ $text }“ ist zu lang: eine Dauer darf höchstens 24 Stunden betragen
input-empty = die Datei ist leer
input-not-utf8 = die Datei ist kein UTF-8-Text
input-type = { $path }: erwartet wird { $expected }, gefunden: { $found }
input-duplicate-key = { $path }: der Schlüssel „{ $key }“ kommt zweimal vor
input-duplicate-key-week = der Schlüssel „{ $key }“ kommt zweimal vor
input-not-object = in der Datei steht { $found }, eine Wochendatei besteht aber aus einem einzigen JSON-Objekt
problem-missing = der Schlüssel „{ $key }“ fehlt
problem-empty = „{ $key }“ ist leer
problem-id = eine Kennung darf nur Buchstaben ohne Umlaute (A–Z, a–z), Ziffern, „-“ und „_“ enthalten
problem-week-id = id „{ $id }“: die Kennung einer Woche darf nur Buchstaben ohne Umlaute (A–Z, a–z), Ziffern, „-“, „_“, „.“ und „@“ enthalten
problem-no-fora = der Schlüssel „fora“ fehlt; geben Sie ihm eine Liste der Fora, notfalls eine leere: []
problem-time-zone = timezone „{ $text }“ ist keine IANA-Zeitzone; verwenden Sie einen IANA-Namen wie "Europe/Berlin"
problem-time-zone-closest = timezone „{ $text }“ ist keine IANA-Zeitzone; meinten Sie „{ $closest }“?
problem-date = { $key } „{ $text }“ ist kein Datum; schreiben Sie es in der Form "2020-06-23"
problem-end-before-start = end { $end } liegt vor start { $start }
problem-too-many-days = { $start } bis { $end } umfasst { $days } Tage; eine Wochendatei darf höchstens { $most } Tage umfassen
problem-language = language „{ $text }“ wird nicht unterstützt; verwenden Sie "de" oder "en"
problem-updated = updated „{ $text }“ ist kein Zeitpunkt; schreiben Sie ihn in der Form "2020-06-20T12:00:00Z"
problem-no-duration = hat keine Dauer; fügen Sie eine hinzu, etwa "duration": "90m"
problem-start = start „{ $text }“ ist kein Datum mit Uhrzeit; schreiben Sie es in der Form "2020-06-23T10:00"
problem-status = status „{ $text }“ ist keiner der Werte "confirmed", "tentative", "cancelled"
problem-attendee = Teilnehmende*r „{ $text }“ ist keine pseudonyme Nummer (etwa 1042 oder T-0042): eine Wochendatei enthält nie Namen oder E-Mail-Adressen von Teilnehmenden
problem-email = contact.email „{ $text }“ ist keine E-Mail-Adresse
problem-day-time = { $key } „{ $text }“ ist keine Uhrzeit; schreiben Sie sie in der Form "09:00"
problem-empty-window = day_start { $start } liegt nicht vor day_end { $end }
problem-max-hours = max_hours_per_day { $hours } muss größer als 0 und höchstens 24 sein
problem-negative-hours = hours { $hours } darf nicht negativ sein
type-object = ein Objekt
type-array = eine Liste
type-texts = eine Liste von Texten
type-text = ein Text in Anführungszeichen
type-count = eine ganze Zahl
type-number = eine Zahl (mit Punkt statt Komma, etwa 6.5)
type-boolean = true oder false
type-duration = eine Dauer wie "90m" oder eine Zahl von Minuten
type-null = der Wert null
syntax-end-of-file = die Datei endet zu früh: eine Klammer oder ein Anführungszeichen ist nicht geschlossen
syntax-colon = nach einem Schlüssel fehlt ":"
syntax-comma-or-bracket = erwartet wird "," oder "]"
syntax-comma-or-brace = erwartet wird "," oder "{"}"}"
syntax-value = erwartet wird ein Wert (ein Text in Anführungszeichen, eine Zahl, true, false, null, eine Liste oder ein Objekt)
syntax-key = erwartet wird ein Schlüssel in geraden doppelten Anführungszeichen ("…")
syntax-escape = eine Escape-Folge mit Backslash, die es in JSON nicht gibt
syntax-number = eine Zahl, die JSON nicht lesen kann
syntax-control-character = ein Tabulator oder Zeilenumbruch in einem Text; schreiben Sie ihn als \t oder \n
syntax-trailing-comma = ein Komma vor einer schließenden Klammer
syntax-trailing-characters = weiterer Text nach der schließenden geschweiften Klammer der Woche
syntax-other = { $message }
calendar-not-utf8 = kein UTF-8-Text
calendar-not-calendar = keine iCalendar-Datei: sie beginnt nicht mit BEGIN:VCALENDAR
calendar-unclosed = dieses VEVENT hat kein END:VEVENT
calendar-not-content-line = „{ $line }“ in diesem VEVENT ist keine Inhaltszeile (NAME:Wert)
calendar-no-uid = dieses VEVENT hat keine UID
calendar-sequence = der Termin „{ $uid }“ hat SEQUENCE „{ $text }“, und das ist keine ganze Zahl

## Die Übersicht von `fora check`.

check-dates = { $start } bis { $end } ({ $zone })
check-summary = { $fora ->
    [one] 1 Forum
   *[other] { $fora } Fora
}{ $cancelled ->
    [0] {""}
   *[other] , davon { $cancelled } abgesagt
}, { $scheduled } eingeplant, { $days ->
    [one] 1 Tag
   *[other] { $days } Tage
}, { $hours } Programm ({ $covered } belegte Zeit)
check-people = { $registrations ->
    [one] 1 Anmeldung
   *[other] { $registrations } Anmeldungen
}, { $participants ->
    [one] 1 teilnehmende Person
   *[other] { $participants } Teilnehmende
}
check-registrations = { $registrations ->
    [one] 1 Anmeldung
   *[other] { $registrations } Anmeldungen
}
check-participants = { $participants ->
    [one] 1 teilnehmende Person
   *[other] { $participants } Teilnehmende
}
count-fora = { $fora ->
    [one] 1 Forum
   *[other] { $fora } Fora
}
check-no-findings = keine Auffälligkeiten
check-more = … und { $more } weitere dieser Art (--max-findings N zeigt mehr)
check-totals = { $errors ->
    [one] 1 Fehler
   *[other] { $errors } Fehler
}, { $warnings ->
    [one] 1 Warnung
   *[other] { $warnings } Warnungen
}

## Was Befehle über ihr Ergebnis sagen.

note-errors = die Woche hat { $errors ->
    [one] 1 Fehler
   *[other] { $errors } Fehler
}; Einzelheiten zeigt `fora check { $file }`
note-no-updated = die Woche hat keinen Eintrag "updated"; tragen Sie dort den jetzigen Zeitpunkt ein, damit geänderte Termine mitführen, wann sie geändert wurden
said-published = { $new } neu, { $changed } geändert (SEQUENCE erhöht), { $gone } nicht mehr in der Woche (als abgesagt veröffentlicht), { $unchanged } unverändert
said-created = { $file } angelegt: { $name }, { $start } bis { $end } ({ $zone }), Kennung „{ $id }“
said-unchanged = nichts zu ändern: in { $file } steht es schon so
said-dry-run = Probelauf, nichts geschrieben; ohne --dry-run hieße es: { $what }
said-more-findings = { $more ->
    [one] … und 1 weiterer neuer Fehler bei anderen Fora
   *[other] … und { $more } weitere neue Fehler bei anderen Fora
}
said-refused-label = Abgelehnt
said-refused = die Änderung würde { $findings ->
    [one] 1 neuen Fehler
   *[other] { $findings } neue Fehler
} verursachen; nichts geschrieben (mit --force wird sie trotzdem geschrieben)
said-added = „{ $id }“ ({ $title }) hinzugefügt: { $scheduled ->
    [yes] { $start }
   *[no] noch nicht eingeplant
}, { $duration }{ $in_room ->
    [yes] , Raum { $room }
   *[no] {""}
}
said-moved = „{ $id }“ verschoben { $what }
said-moved-time = von { $from } auf { $to }
said-moved-time-first = auf { $to }
said-moved-room = aus Raum { $from } in Raum { $to }
said-moved-room-first = in Raum { $to }
said-set = „{ $id }“ geändert: { $what }
said-set-field = { $field } „{ $value }“
said-removed-field = { $field } entfernt
said-cancelled = „{ $id }“ abgesagt; Kalender, die ab jetzt exportiert werden, führen es als abgesagt
said-removed = „{ $id }“ ({ $title }) entfernt; `fora ics --previous` veröffentlicht es als abgesagt
said-room-added = Raum „{ $id }“ ({ $name }) hinzugefügt

## Was an einer Befehlszeile nicht stimmt.

usage-hint = Weitere Informationen: `fora --help` (oder `fora help BEFEHL`).
usage-invalid-value = { $flag } { $value }: kein zulässiger Wert für diese Option
usage-possible-values = { $flag } { $value }: keiner der Werte { $values }
usage-unknown-argument = die Angabe „{ $argument }“ ist hier unbekannt
usage-unknown-command = „{ $command }“ ist kein Befehl von fora
usage-unknown-argument-closest = die Angabe „{ $argument }“ ist hier unbekannt; meinten Sie „{ $closest }“?
usage-unknown-command-closest = „{ $command }“ ist kein Befehl von fora; meinten Sie „{ $closest }“?
usage-missing = nötig, aber nicht angegeben: { $arguments }
usage-missing-command = ein Befehl fehlt; möglich sind: check, timetable, list, show, ics, diff, new, add, move, set, cancel, rm, room, week, rules, expect, registrations, free, completions oder man
usage-conflict = { $argument } lässt sich nicht zusammen mit { $other } verwenden

## list and show (h1)

column-id = Kennung
mark-error = ✗
mark-tentative = ?
legend-tentative = { $mark } = vorläufig: geplant, aber noch nicht sicher.
list-none = Kein Forum passt.
list-unscheduled = noch nicht eingeplant
show-when-label = Wann
show-when = { $range } ({ $minutes } Min.)
show-when-unscheduled = noch nicht eingeplant ({ $minutes } Min.)
show-room = { $name } (Kennung { $id })
show-room-capacity = { $name } (Kennung { $id }, { $capacity } Plätze)
show-room-undeclared = { $id } (nicht angelegt)
show-description = Beschreibung
show-registrations = Anmeldungen
show-capacity = Plätze
show-attendees = Angemeldete
show-attendees-count = { $attendees } mit Nummer erfasst
show-unknown-keys = Unbekannte Schlüssel
suggest-forum = „{ $id }“ ({ $title })
suggest-either = { $first } oder { $last }
value-unknown-speaker = { $speaker }: kein Forum der Woche hat Mitwirkende dieses Namens; meinten Sie „{ $closest }“?
value-unknown-speaker-none = { $speaker }: kein Forum der Woche nennt Mitwirkende
value-unknown-format = { $format }: kein Forum der Woche hat dieses Format; meinten Sie „{ $closest }“?
value-unknown-format-none = { $format }: kein Forum der Woche nennt ein Format

## workbench edits (h2)

value-decimal = { $text }: keine Zahl; schreiben Sie sie wie 6,5 oder 6.5
value-count = { $text }: keine ganze Zahl; schreiben Sie sie wie 120 oder 1.200
value-boolean = { $text }: weder ja noch nein; schreiben Sie ja, nein, yes, no, true oder false
value-day-time = { $text }: keine Uhrzeit; schreiben Sie sie wie 09:00
value-time-zone = { $text }: keine IANA-Zeitzone; verwenden Sie einen Namen wie Europe/Berlin
value-time-zone-closest = { $text }: keine IANA-Zeitzone; meinten Sie „{ $closest }“?
value-week-id = { $id }: die Kennung einer Woche darf nur ASCII-Buchstaben, Ziffern, „-“, „_“, „.“ und „@“ enthalten
value-required = { $field }: ohne diese Angabe geht es nicht; geben Sie einen Wert an
value-email = { $text }: keine E-Mail-Adresse
value-link-no-scheme = { $url }: kein Link, den Kalender anklickbar machen; meinten Sie https://{ $url }?
value-link-scheme = { $url }: Kalender machen nur Links mit https:// und http:// anklickbar
value-link-malformed = { $url }: kein Link; schreiben Sie ihn wie https://example.org/teilnehmen
value-room-in-use = Raum „{ $room }“ ist der Raum { $count ->
    [one] eines Forums: { $fora }; verlegen Sie es
   *[other] von { $count } Fora: { $fora }; verlegen Sie sie
} zuerst (`fora move DATEI ID --room RAUM`) oder entfernen Sie den Raum mit --reassign RAUM
value-reassign-itself = { $room }: das ist der Raum, der entfernt wird; --reassign nennt den Raum, in den seine Fora wechseln
value-unknown-setting = { $field }=: die Felder sind { $fields }
value-unknown-setting-closest = { $field }=: meinten Sie „{ $closest }“? Die Felder sind { $fields }
said-week-set = Woche geändert: { $what }
said-uids-change = Hinweis: alle Kalender-UIDs ändern sich (aus …{ $from } wird …{ $to }); veröffentlichen Sie mit `fora ics --previous`, damit Kalender die alten Termine entfernen, statt jedes Forum doppelt zu zeigen
said-rules-set = Regeln geändert: { $what }
said-expect-set = Erwartete Zahlen geändert: { $what }
said-room-set = Raum „{ $id }“ geändert: { $what }
said-room-removed = Raum „{ $id }“ ({ $name }) entfernt
said-room-removed-moved = Raum „{ $id }“ ({ $name }) entfernt; { $fora ->
    [one] 1 Forum
   *[other] { $fora } Fora
} in Raum { $to } verlegt: { $ids }
said-more-errors = { $more ->
    [one] … und 1 weiterer neuer Fehler
   *[other] … und { $more } weitere neue Fehler
}
said-more-warnings = { $more ->
    [one] … und 1 weitere neue Warnung
   *[other] … und { $more } weitere neue Warnungen
}
room-column-id = Kennung
room-column-name = Bezeichnung
room-column-capacity = Plätze
room-column-link = Link zum Teilnehmen
room-column-fora = Fora im Raum
room-none = die Woche { $week } hat keine Räume; legen Sie einen mit `fora room add` an
room-total = { $rooms ->
    [one] 1 Raum
   *[other] { $rooms } Räume
}

## capacity, registrations and links (h3)

finding-over-capacity-room = „{ $forum }“ hat { $registrations ->
    [one] 1 Anmeldung
   *[other] { $registrations } Anmeldungen
}, mehr als der Raum „{ $room }“ fasst ({ $capacity })
finding-over-capacity = „{ $forum }“ hat { $registrations ->
    [one] 1 Anmeldung
   *[other] { $registrations } Anmeldungen
}, mehr als seine Kapazität ({ $capacity })
finding-near-capacity-room = „{ $forum }“ hat { $registrations ->
    [one] 1 Anmeldung
   *[other] { $registrations } Anmeldungen
}, { $percent } % dessen, was der Raum „{ $room }“ fasst ({ $capacity })
finding-near-capacity = „{ $forum }“ hat { $registrations ->
    [one] 1 Anmeldung
   *[other] { $registrations } Anmeldungen
}, { $percent } % seiner Kapazität ({ $capacity })
finding-bad-link-no-scheme = { $place }: der Zugangslink „{ $url }“ beginnt nicht mit https:// (es fehlt das Schema), Kalender zeigen ihn daher als bloßen Text; schreiben Sie „{ $suggestion }“
finding-bad-link-scheme = { $place }: der Zugangslink „{ $url }“ ist kein Weblink ({ $scheme }:); verwenden Sie einen https://-Link
finding-bad-link-malformed = { $place }: der Zugangslink „{ $url }“ ist keine URL; schreiben Sie ihn etwa so: https://example.org/zugang
finding-attendee-overlap = „{ $a }“ ({ $a_time }) und „{ $b }“ ({ $b_time }) überschneiden sich, und { $attendees ->
    [one] 1 Person ist
   *[other] { $attendees } Personen sind
} für beide angemeldet
check-forum-registrations = { $registrations ->
    [one] 1 Anmeldung zu einem Forum
   *[other] { $registrations } Anmeldungen zu Fora
}
count-registrations = { $registrations ->
    [one] 1 Anmeldung
   *[other] { $registrations } Anmeldungen
}
export-empty = die Datei hat keine Kopfzeile
export-no-column = keine Spaltenüberschrift sieht aus wie { $column ->
    [forum] das Forum (forum, veranstaltung, session, title, titel …); nennen Sie sie mit --forum-column ÜBERSCHRIFT
   *[attendee] die Nummer der angemeldeten Person (teilnehmer, teilnehmer-nr, teilnehmende, nummer, attendee …); nennen Sie sie mit --attendee-column ÜBERSCHRIFT
}; die Überschriften sind { $headers }
export-unknown-column = { $column ->
    [forum] --forum-column
   *[attendee] --attendee-column
} { $name }: keine Spalte hat diese Überschrift; die Überschriften sind { $headers }
export-unknown-column-closest = { $column ->
    [forum] --forum-column
   *[attendee] --attendee-column
} { $name }: keine Spalte hat diese Überschrift; meinten Sie „{ $closest }“?
export-same-column = die Spalte „{ $header }“ kann nicht zugleich das Forum und die Person sein; nennen Sie beide mit --forum-column und --attendee-column
export-empty-value = { $column ->
    [forum] kein Forum
   *[attendee] keine Person
} in dieser Zeile: die Spalte „{ $header }“ ist leer
export-unknown-forum = „{ $value }“: kein Forum der Woche hat diese Kennung oder diesen Titel
export-unknown-forum-closest = „{ $value }“: kein Forum der Woche hat diese Kennung oder diesen Titel; meinten Sie „{ $closest }“ ({ $title })?
export-ambiguous-forum = „{ $value }“: { $fora } Fora haben diese Kennung oder diesen Titel; schreiben Sie stattdessen die Kennung des Forums in die Datei
export-not-pseudonym = die Spalte „{ $header }“ enthält einen Namen oder eine E-Mail-Adresse: Anmeldungen werden nur mit pseudonymen Nummern übernommen (etwa 1042 oder T-0042), und eine Wochendatei enthält nie Namen; exportieren Sie die Nummern der Personen oder nennen Sie deren Spalte mit --attendee-column
export-unreadable = die Datei lässt sich nicht als CSV lesen: { $why }
said-registrations = { $export }: { $registrations ->
    [one] 1 Anmeldung
   *[other] { $registrations } Anmeldungen
}{ $repeated ->
    [0] {""}
    [one] {" "}(1 doppelte Zeile einmal gezählt)
   *[other] {" "}({ $repeated } doppelte Zeilen einmal gezählt)
} zu { $fora ->
    [one] 1 Forum
   *[other] { $fora } Fora
}: { $changed } geändert, { $unchanged } unverändert; { $untouched ->
    [one] 1 Forum der Woche, das nicht in der Datei steht, bleibt
   *[other] { $untouched } Fora der Woche, die nicht in der Datei stehen, bleiben
} unverändert
said-registrations-forum = {"  "}„{ $id }“: { $before } → { $after }
said-registrations-none = keine

## spreadsheets and calendars (h4)

column-status = Status
column-link = Link
column-description = Beschreibung
calendar-selection = { $week } – Auswahl
diff-week-contact = Kontakt
value-needs-file = schreibt eine Arbeitsmappe, keinen Text: geben Sie mit -o DATEI (oder --output DATEI) eine Datei an

## free and diff (main)

diff-longer = Verlängert
diff-shorter = Verkürzt
finding-legacy-zone = Zeitzone „{ $zone }“ ist eine Abkürzung, die die Zeitzonendatenbank nur für alte Dateien führt; besser „{ $canonical }“, die Zone eines Ortes, die jeder Kalender kennt
free-heading-speakers = Freie Zeitfenster für ein Forum von { $duration } mit { $speakers }
free-none-speakers = Kein freies Zeitfenster für ein Forum von { $duration } mit { $speakers }: jeder Beginn verletzt eine Regel, trifft auf ein anderes Forum oder auf eine belegte sprechende Person.
free-unknown-speaker = kein Forum hat bisher „{ $name }“ als sprechende Person, also ist jedes Zeitfenster für sie frei; gemeint ist vielleicht „{ $closest }“?

## import (main)
said-imported = { $fora ->
        [one] 1 Forum
       *[other] { $fora } Fora
    } aus { $format } in { $rooms ->
        [one] 1 Raum
       *[other] { $rooms } Räumen
    }, { $start } bis { $end } ({ $zone }) → { $file }; `fora check` liest es
word-standard-output = Standardausgabe
said-dropped = Nicht übernommen (die Wochendatei hat keinen Platz dafür): { $what }
dropped-subtitle = { $count ->
        [one] 1 Untertitel
       *[other] { $count } Untertitel
    }
dropped-link = { $count ->
        [one] 1 Link
       *[other] { $count } Links
    }
dropped-attachment = { $count ->
        [one] 1 Anhang
       *[other] { $count } Anhänge
    }
dropped-recording = { $count ->
        [one] 1 Aufzeichnungsvermerk oder Lizenz
       *[other] { $count } Aufzeichnungsvermerke und Lizenzen
    }
dropped-track = { $count ->
        [one] 1 Track
       *[other] { $count } Tracks
    } (neben einem Typ)
dropped-abstract = { $count ->
        [one] 1 Kurzfassung
       *[other] { $count } Kurzfassungen
    } (neben einer Beschreibung)
warning-import-offsets = Warnung: { $count ->
        [one] 1 Veranstaltung hat
       *[other] { $count } Veranstaltungen haben
    } einen Versatz, den { $zone } zu dem Zeitpunkt nicht hat ({ $offsets }); ihre Zeitpunkte bleiben, ihre Uhrzeiten sind die von { $zone }
warning-import-skipped = Warnung: ausgelassen: { $row }
import-unrecognised = kein Format, das fora liest; --from nennt es (frab-xml, frab-json, schedule2, pretalx, csv, xlsx, ods)
import-is-week = ist schon eine Wochendatei: fora liest sie, wie sie ist (fora check, fora timetable …); nichts zu importieren
import-syntax = nicht als { $format } lesbar: { $message }
import-no-zone = nennt keine Zeitzone; --timezone gibt sie an (z. B. --timezone Europe/Berlin)
import-no-zone-offsets = nennt keine Zeitzone, und seine Zeiten haben die Versätze { $offsets }; --timezone gibt die Zone an (z. B. --timezone Europe/Berlin)
import-zone = time_zone_name „{ $zone }“ ist keine IANA-Zeitzone; --timezone gibt eine an (z. B. --timezone { $closest })
import-no-dates = hat keine Veranstaltung mit Beginn und keine Tage: daraus lässt sich keine Woche machen
import-week = die daraus gemachte Woche lädt nicht (bitte melden): { $error }
row-error = Zeile { $row }, Spalte „{ $column }“: { $problem }
row-empty = leer, und ein Forum braucht es
row-date = „{ $value }“ ist kein Datum (23.06.2020, 2020-06-23, 23.6.20)
row-time = „{ $value }“ ist keine Uhrzeit (10:00)
row-duration = „{ $value }“ ist keine Dauer (90, 1:30, 1,5 h, 90 min)
row-end-before-start = „{ $value }“ liegt vor dem Beginn
## frab export (h1)

frab-room-none = Programm
frab-unscheduled = { $format }: { $count ->
    [one] 1 ungeplantes Forum
   *[other] { $count } ungeplante Fora
} nicht exportiert (ein Eintrag braucht einen Beginn): { $ids }
frab-cancelled = { $format }: { $count ->
    [one] 1 abgesagtes Forum
   *[other] { $count } abgesagte Fora
} ausgelassen (das Format kennt keine abgesagten Einträge): { $ids }
frab-bad-links = { $format }: Teilnahme-Link { $count ->
    [one] eines Forums
   *[other] von { $count } Fora
} ausgelassen, er ist keine Adresse mit https:// oder http://: { $ids }
frab-fields = { $format }: nicht übertragbar: { $fields }
frab-zone = { $format }: time_zone_name ausgelassen: das Schema nimmt keine Zeitzone namens „{ $zone }“; Apps lesen die Zeiten an ihren Versätzen
error-frab-duplicates = { $file }: { $format } braucht Kennungen, die keine zwei Fora oder Räume teilen (seine Leser unterscheiden Einträge an ihnen): { $count ->
    [one] beheben Sie den duplicate-id-Befund oben
   *[other] beheben Sie die { $count } duplicate-id-Befunde oben
}; nichts wurde geschrieben
value-base-url-needed = { $format } braucht sie: sein Schema verlangt zu jedem Eintrag die url, die Seite des Forums unter der Basisadresse; geben Sie sie wie --base-url https://example.org/woche an
value-base-url-no-scheme = „{ $url }“: keine vollständige Adresse; meinten Sie https://{ $url }?
value-base-url-scheme = „{ $url }“: die Basisadresse muss mit https:// oder http:// beginnen
value-base-url-malformed = „{ $url }“: keine Adresse; schreiben Sie sie wie https://example.org/woche

## spreadsheets import (h3)
import-sheet-empty = hat keine Zeilen: eine Tabelle braucht eine Kopfzeile (Titel, Datum, Beginn, Dauer …) und eine Zeile je Forum
import-columns = hat in den ersten Zeilen keine Kopfzeile mit { $missing }; ihre Spaltenköpfe: { $headers }
sheet-column-title = einer Spalte für den Titel (Titel, Title, Thema, Veranstaltung)
sheet-column-start = einer Spalte für den Beginn (Beginn, Start, Uhrzeit, Von, oder Datum mit Datum und Uhrzeit)
row-error-sheet = Blatt „{ $sheet }“, Zeile { $row }, Spalte „{ $column }“: { $problem }
row-no-date = „{ $value }“ ist eine Uhrzeit ohne Datum, und keine Datumsspalte nennt eines
row-no-year = „{ $value }“ nennt kein Jahr, und die übrigen Daten der Tabelle liegen nicht alle in einem Jahr; schreiben Sie es als 23.06.2020
row-no-end = „{ $value }“ nennt kein Ende, und es gibt keine Spalte für die Dauer (Dauer, Duration) oder das Ende (Ende, End)
row-status = „{ $value }“ ist kein Status (bestätigt, vorläufig, abgesagt, confirmed, tentative, cancelled)
sheet-header = „{ $header }“
sheet-and = und

## schedules import (h2)
warning-import-no-duration = Warnung: { $count ->
        [one] 1 Veranstaltung hat
       *[other] { $count } Veranstaltungen haben
    } keine Dauer (oder eine von 0 Minuten); in der Wochendatei { $count ->
        [one] dauert sie
       *[other] dauern sie
    } 1 Minute
warning-import-second-pass = Warnung: { $count ->
        [one] 1 Veranstaltung beginnt
       *[other] { $count } Veranstaltungen beginnen
    } im zweiten Durchlauf einer Stunde, die bei der Zeitumstellung doppelt vorkommt; eine Uhrzeit der Wochendatei meint dort den ersten, also { $count ->
        [one] beginnt sie
       *[other] beginnen sie
    } eine Stunde früher: prüfen Sie { $count ->
        [one] sie
       *[other] sie
    } mit `fora check`
warning-import-long-duration = Warnung: { $count ->
        [one] 1 Veranstaltung dauert
       *[other] { $count } Veranstaltungen dauern
    } länger als einen Tag; { $count ->
        [one] sie wird
       *[other] sie werden
    } auf 24 Stunden gekürzt, die längste Dauer eines Forums
import-span = seine Daten reichen vom { $start } bis { $end }, weiter als eine Wochendatei reicht (höchstens { $most } Tage, in den Jahren 1 bis 9999)

## programme site (main)
site-zone = { $abbreviation ->
    [CEST] MESZ
    [CET] MEZ
   *[other] { $abbreviation }
}
site-skip = Zum Inhalt springen
site-nav = Hauptnavigation
site-programme = Programm
site-rooms = Räume
site-changes = Änderungen
site-language-name = Deutsch
site-root-link = Programm auf Deutsch
site-page-title = { $title } – { $week }
site-duration = Dauer
site-minutes = { $minutes } Min.
site-tentative-note = Dieses Forum ist vorläufig: geplant, aber noch nicht sicher.
site-cancelled-note = Dieses Forum ist abgesagt.
site-star = Merken
site-selection = Meine Auswahl
site-zone-week = Alle Zeiten in { $zone } ({ $name }).
site-zone-viewer = Alle Zeiten in Ihrer Zeitzone:
site-zone-switch = Zeiten in meiner Zeitzone zeigen
site-only-selection = Nur meine Auswahl zeigen
site-download-selection = Auswahl als Kalender (.ics)
site-share-selection = Link zu dieser Auswahl
site-selection-help = Merken Sie sich Fora für Ihr eigenes Programm. Es bleibt in diesem Browser, und der Link dazu nimmt es auf ein anderes Gerät mit.
site-now = Läuft jetzt
site-next = Als Nächstes
site-calendar = Kalender
site-download-week = Ganze Woche als Kalender (.ics)
site-download-day = Diesen Tag als Kalender (.ics)
site-download-room = Diesen Raum als Kalender (.ics)
site-download-forum = Für Ihren Kalender herunterladen (.ics)
site-subscribe = Abonnieren (webcal)
site-subscribe-help = Abonnierte Kalender übernehmen jede Änderung. Adresse zum Abonnieren:
site-copy-address = Adresse kopieren
site-copied = Kopiert.
site-add-to = Hinzufügen zu
site-google = Google Kalender
site-outlook-com = Outlook.com
site-outlook-365 = Outlook (Microsoft 365)
site-back = Zurück zum Programm
site-capacity = Plätze: { $capacity }
site-join-room = Den Raum betreten
site-no-room = Ohne Raum
site-changes-intro = Was sich für Teilnehmende seit der zuvor veröffentlichten Fassung geändert hat.
site-made-with = Erstellt mit fora.
site-said = Site in { $folder } geschrieben: { $pages } Seiten und { $calendars } Kalender auf Deutsch und Englisch.
site-not-a-site = { $folder } ist nicht leer und enthält keine Site von fora ({ $file } fehlt); wählen Sie einen leeren Ordner
site-no-previous = { $folder } enthält keine Site von fora zum Vergleichen ({ $file } fehlt)

## planning (main)

place-person = Person „{ $name }“ (unter „people“)
place-group = Gruppe „{ $name }“ (unter „groups“)
problem-interval = { $key } „{ $text }“ ist keine Zeitspanne; schreiben Sie einen Tag wie „2020-06-23“, Stunden eines Tages wie „2020-06-23T09:00/12:00“ oder „2020-06-23T09:00/2020-06-24T12:00“
problem-preference = prefer „{ $text }“ ist kein Tag („2020-06-24“), kein „vormittags“ oder „nachmittags“ und keine Stunden („10:00/12:00“)
problem-unknown-forum = { $key }: kein Forum hat die Kennung „{ $id }“
problem-unknown-forum-closest = { $key }: kein Forum hat die Kennung „{ $id }“; meinten Sie „{ $closest }“?

plan-no-room = { $registrations } Anmeldungen, aber kein Raum, den es haben darf, hat mehr als { $largest } Plätze
plan-no-start = { $limit }, und darin bleibt auf dem Raster von { $grid } Minuten kein Beginn für seine { $duration }
plan-blocked = { $limit }, und { $blocked }
plan-limit-day = es darf nur im Tagesfenster { $window } laufen
plan-limit-window = sein Zeitfenster erlaubt nur { $times }
plan-limit-speaker = { $speaker } ist nur { $times } verfügbar
plan-blocked-rooms-full = dann sind alle Räume belegt
plan-blocked-rooms-unavailable = dann sind die Räume nicht verfügbar
plan-blocked-speaker = dann spricht { $speaker } in „{ $other }“
plan-blocked-group = dann läuft „{ $other }“ für dasselbe Publikum ({ $group })
plan-blocked-order = dann kann es seine Reihenfolge mit „{ $other }“ nicht einhalten
plan-blocked-single-track = dann läuft ein anderes Forum, und die Woche hat nur einen Strang

plan-refused = der Plan fügte { $findings ->
    [one] einen Fehlerbefund
   *[other] { $findings } Fehlerbefunde
  } hinzu, ein Fehler von fora; nichts geschrieben. Bitte melden Sie ihn mit der Wochendatei.
plan-summary = { $placed ->
    [one] 1 Forum platziert
   *[other] { $placed } Fora platziert
  }, { $moved } verschoben, { $unplaced } nicht platziert.
plan-moved-from = (vorher: { $start })
plan-not-placed = Nicht platziert:
plan-objective = Ziel: { $clashes ->
    [one] 1 Anmeldung
   *[other] { $clashes } Anmeldungen
  } für zwei Fora zugleich · { $warnings ->
    [one] 1 Warnung
   *[other] { $warnings } Warnungen
  } · { $empty } leere Plätze · { $missed } von { $preferences } Wünschen nicht erfüllt · { $late } nach Beginn der Tagesfenster
plan-stopped = Nach dem Zeitlimit von { $seconds } s angehalten, mit dem besten bis dahin gefundenen Plan.
plan-written = Geschrieben nach { $file }.
plan-dry-run = Probelauf: nichts geschrieben.
plan-not-written = Nichts geschrieben: -o DATEI schreibt eine Kopie, --write die Wochendatei selbst.

value-time-limit = „{ $text }“ ist keine Zeitdauer; schreiben Sie sie wie 10s, 2m oder 500ms

plan-forum = „{ $title }“ ({ $id })

## planning checks (h6)

finding-unavailable-speaker = „{ $speaker }“ ist { $available } verfügbar, „{ $forum }“ liegt { $time }
finding-unavailable-room = Raum „{ $room }“ ist { $available } verfügbar, „{ $forum }“ liegt dort { $time }
finding-outside-window = „{ $forum }“ liegt { $time }, außerhalb seines Zeitfensters { $window }
finding-outside-empty-window = „{ $forum }“ liegt { $time }, aber sein Zeitfenster ist leer
finding-out-of-order = „{ $then }“ ({ $then_time }) soll erst beginnen, wenn „{ $first }“ ({ $first_time }) zu Ende ist
finding-group-overlap = „{ $a }“ ({ $a_time }) und „{ $b }“ ({ $b_time }) überschneiden sich, sind aber beide für die Gruppe „{ $group }“
times-only = nur { $times }
times-never = zu keiner Zeit

show-window = Zeitfenster
show-after = Nach
show-before = Vor
show-prefer = Gewünscht
show-prefer-morning = vormittags
show-prefer-afternoon = nachmittags
show-prefer-hours = { $from }–{ $to }
show-fixed = Fest
show-fixed-yes = ja: fora plan verschiebt es nicht
show-groups = Gruppen
show-available = Verfügbar
show-available-speaker = { $speaker }: { $times }
show-available-room = Raum { $room }: { $times }

value-interval = { $text }: keine Zeitspanne; schreiben Sie einen Tag wie 2020-06-23, Stunden eines Tages wie 2020-06-23T09:00/12:00 oder 2020-06-23T09:00/2020-06-24T12:00, mehrere durch Kommas getrennt
value-preference = { $text }: kein Tag (2020-06-24), kein vormittags oder nachmittags und keine Stunden (10:00/12:00)

## end
