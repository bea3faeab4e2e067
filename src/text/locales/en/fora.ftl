# fora's words in English. Each message has the same id and the same arguments ($name) in
# every language; a test checks that. Kind names (room-overlap), keys of the week file
# (rules.min_gap) and JSON keys stay English in every language.

## Numbers and dates. The date patterns are chrono's strftime patterns.

hours = { $hours } h
date-heading = %A, %-d %B %Y
date-long = %-d %B %Y
date-numeric = %Y-%m-%d
date-weekday-numeric = %a %Y-%m-%d
date-weekday-short = %a %-d %b
week-dates = { $start } – { $end }

## What attendees read beside a forum.

word-join = Join
word-format = Format
word-speakers = Speakers
cancelled-title = Cancelled: { $title }

## Places in a week file.

place-week = week
place-room = room "{ $id }"
place-forum = forum "{ $id }"
place-room-number = room #{ $number }
place-forum-number = forum #{ $number }

## Findings of `fora check`.

severity-error = error
severity-warning = warning
finding-room-overlap = "{ $a }" ({ $a_time }) and "{ $b }" ({ $b_time }) overlap in room "{ $room }"
finding-room-overlap-one-room = "{ $a }" ({ $a_time }) and "{ $b }" ({ $b_time }) overlap in the week's one room
finding-speaker-overlap = "{ $speaker }" speaks in both "{ $a }" ({ $a_time }) and "{ $b }" ({ $b_time })
finding-parallel-overlap = "{ $a }" ({ $a_time }) and "{ $b }" ({ $b_time }) run in parallel, but rules.parallel is false
finding-outside-week = "{ $forum }" ({ $time }) lies outside the week, { $start } to { $end }
finding-duplicate-forum-id = fora #{ $first } and #{ $second } both have the id "{ $id }"
finding-duplicate-room-id = { $rooms } rooms have the id "{ $id }"
finding-room-without-rooms = "{ $forum }" names room "{ $room }", but the week declares no rooms
finding-no-room = "{ $forum }" names no room, but the week declares rooms ({ $rooms })
finding-undeclared-room = "{ $forum }" names room "{ $room }", which is not declared
finding-undeclared-room-closest = "{ $forum }" names room "{ $room }", which is not declared; did you mean "{ $closest }"?
finding-nonexistent-time = "{ $forum }" starts at { $start }, which does not exist in { $zone }: the clocks skip that hour; it is shown at { $shown } (move it to a time that exists)
finding-expect-fora = the week has { $actual ->
    [one] 1 forum
   *[other] { $actual } fora
} taking place, but expect.fora is { $expected }
finding-expect-hours = the programme has { $hours }, but expect.hours is { $expected }
finding-outside-day = "{ $forum }" ({ $time }) { $side ->
    [early] starts before
    [late] ends after
   *[both] starts before and ends after
} the day's window { $window }
finding-short-gap = only { $minutes } min between "{ $a }" (ends { $a_end }) and "{ $b }" (starts { $b_start }) in room "{ $room }"; rules.min_gap is { $gap }
finding-short-gap-one-room = only { $minutes } min between "{ $a }" (ends { $a_end }) and "{ $b }" (starts { $b_start }); rules.min_gap is { $gap }
finding-day-over-limit = { $date } has { $hours } of programme, more than rules.max_hours_per_day ({ $limit })
finding-ambiguous-time = "{ $forum }" starts at { $start }, which happens twice in { $zone }; the earlier ({ $abbreviation }, UTC{ $offset }) is used (move it out of that hour to be sure)
finding-unscheduled = "{ $forum }" has no start yet
finding-unknown-field = { $place }: unknown key "{ $key }"; kept but not used (prefix your own keys with "x-")
finding-unknown-field-closest = { $place }: unknown key "{ $key }" (closest known key: "{ $closest }"); kept but not used (prefix your own keys with "x-")
finding-missing-id = the week has no "id", so its calendar UIDs are made from its name and first day, and renaming it would publish every forum anew; add "id": "{ $id }" to keep the UIDs published so far

## The timetable (`fora timetable`).

column-date = Date
column-time = Time
column-start = Start
column-end = End
column-minutes = Minutes
column-title = Title
column-room = Room
column-errors = Errors
timetable-no-fora = No fora on this day.
timetable-legend = { $mark } = part of a conflict; `fora check` shows the details.
timetable-unscheduled = Not scheduled yet
timetable-total = { $fora ->
    [one] 1 forum
   *[other] { $fora } fora
} · { $hours }

## What changed for attendees (`fora diff`).

diff-column-change = Change
diff-column-forum = Forum
diff-column-old = Was
diff-column-new = Now
diff-the-week = (the week)
diff-week-identity = Week id (every event anew)
diff-week-name = Name
diff-week-description = Description
diff-week-language = Language
diff-week-zone = Time zone
diff-added = Added
diff-removed = Removed
diff-cancelled = Cancelled
diff-restored = Restored
diff-status = Status
diff-moved = Moved
diff-retitled = Retitled
diff-room = Room
diff-link = Link
diff-description = Description
diff-unscheduled = not scheduled yet
status-confirmed = confirmed
status-tentative = tentative
status-cancelled = cancelled
diff-summary = { $changes ->
    [0] No changes for attendees.
    [one] 1 change for attendees ({ $fora ->
        [0] the week
        [one] 1 forum
       *[other] { $fora } fora
    }).
   *[other] { $changes } changes for attendees ({ $fora ->
        [0] the week
        [one] 1 forum
       *[other] { $fora } fora
    }).
}

## Free slots (`fora free`).

free-heading = Free slots for a forum of { $duration }
free-none = No free slot for a forum of { $duration }: every start breaks a rule or meets another forum.
free-column-day = Day
free-column-free = Free
free-column-between = Start between
free-between = { $earliest } and { $latest }
free-count = { $slots ->
    [one] 1 free slot
   *[other] { $slots } free slots
}
free-rules = Rules: { $rules }
free-window = day window { $window }
free-window-default = day window { $window } (default)
free-gap = at least { $gap } between fora in a room
free-no-parallel = no parallel fora
free-limit = at most { $hours } a day

## Errors: a file or a value could not be read or understood (exit code 2).

error-label = error
warning-label = warning
error-read = { $file }: cannot read: { $why }
error-write = { $file }: cannot write: { $why }
error-no-previous = --previous { $file }: no such file or folder; for the first publication, leave --previous out
error-changed = { $file }: changed on disk while this edit was made; nothing was written, run the command again
error-read-only = { $file }: the file is read-only; nothing was written (make it writable first, with chmod u+w)
error-exists = { $file }: the file exists; --force replaces it
error-source-date-epoch = SOURCE_DATE_EPOCH={ $value }: not a number of seconds since 1970
io-not-found = no such file or folder
io-permission-denied = permission denied
io-is-a-directory = it is a folder
io-not-a-directory = a part of the path is not a folder
io-storage-full = the disk is full
io-exists = it exists already
value-day-outside-week = { $day }: not a day of the week { $week } ({ $start } to { $end })
value-no-rooms = { $room }: the week { $week } declares no rooms; add one with `fora room add`
value-unknown-room = { $room }: no room has this id; the rooms are { $rooms }
value-unknown-room-closest = { $room }: no room has this id; did you mean "{ $closest }"?
value-unknown-forum = { $id }: the week { $week } has no forum with this id
value-unknown-forum-closest = { $id }: the week { $week } has no forum with this id; did you mean { $closest }?
value-shared-id = { $id }: { $fora } fora have this id; give one of them another id in the file first
value-bad-id = { $id }: an id may hold only ASCII letters, digits, "-" and "_"
value-forum-id-taken = { $id }: a forum of the week has this id already
value-room-id-taken = { $id }: the week has a room with this id already
value-not-assignment = "{ $text }" is not FIELD=VALUE; the fields are { $fields }
value-unknown-field = { $field }=: the fields are { $fields }; `fora move` changes the start
value-unknown-field-closest = { $field }=: did you mean "{ $closest }"? The fields are { $fields }; `fora move` changes the start
value-empty-title = a forum needs a title
value-status = { $text }: not one of confirmed, tentative, cancelled (or bestätigt, vorläufig, abgesagt)
value-no-start = "{ $id }" has no start yet; give it one with --to
value-date-time = "{ $text }" is not a local date-time; write it like 2020-06-23T10:00
value-date = "{ $text }" is not a date; write it like 2020-06-23
value-language = "{ $text }": fora speaks de and en
duration-unreadable = "{ $text }" is not a duration; write it like "90m", "1h30m", "1.5h", "PT1H30M" or a number of minutes
duration-not-whole = "{ $text }" is not a whole number of minutes
duration-too-short = "{ $text }" is too short: a duration must be more than 0 minutes
duration-too-long = "{ $text }" is too long: a duration may be at most 24 hours
input-empty = the file is empty
input-not-utf8 = the file is not UTF-8 text
input-type = { $path }: expected { $expected }, found { $found }
input-duplicate-key = { $path }: the key "{ $key }" is given twice
input-duplicate-key-week = the key "{ $key }" is given twice
input-not-object = the file holds { $found }, but a week file holds one JSON object
problem-missing = the key "{ $key }" is missing
problem-empty = "{ $key }" is empty
problem-id = an id may hold only ASCII letters, digits, "-" and "_"
problem-week-id = id "{ $id }": a week's id may hold only ASCII letters, digits, "-", "_", "." and "@"
problem-no-fora = the key "fora" is missing; give it a list of fora, even an empty one []
problem-time-zone = timezone "{ $text }" is not an IANA time zone; use an IANA name like "Europe/Berlin"
problem-time-zone-closest = timezone "{ $text }" is not an IANA time zone; did you mean "{ $closest }"?
problem-date = { $key } "{ $text }" is not a date; write it like "2020-06-23"
problem-end-before-start = end { $end } is before start { $start }
problem-too-many-days = { $start } to { $end } spans { $days } days; a week file may span at most { $most }
problem-language = language "{ $text }" is not supported; use "de" or "en"
problem-updated = updated "{ $text }" is not a date-time; write it like "2020-06-20T12:00:00Z"
problem-no-duration = has no "duration"; add one like "90m"
problem-start = start "{ $text }" is not a local date-time; write it like "2020-06-23T10:00"
problem-status = status "{ $text }" is not one of "confirmed", "tentative", "cancelled"
problem-attendee = attendee "{ $text }" is not a pseudonymous number (such as 1042 or T-0042): a week file never holds names or e-mail addresses of attendees
problem-email = contact.email "{ $text }" is not an e-mail address
problem-day-time = { $key } "{ $text }" is not a time of day; write it like "09:00"
problem-empty-window = day_start { $start } is not before day_end { $end }
problem-max-hours = max_hours_per_day { $hours } must be more than 0 and at most 24
problem-negative-hours = hours { $hours } must not be negative
type-object = an object
type-array = a list
type-texts = a list of texts
type-text = a text in quotes
type-count = a whole number
type-number = a number (with a decimal point, not a comma)
type-boolean = true or false
type-duration = a duration like "90m" or a number of minutes
type-null = null
syntax-end-of-file = the file ends too early: a bracket, brace or quote is not closed
syntax-colon = expected ":" after a key
syntax-comma-or-bracket = expected "," or "]"
syntax-comma-or-brace = expected "," or "{"}"}"
syntax-value = expected a value (a text in quotes, a number, true, false, null, a list or an object)
syntax-key = expected a key in double quotes
syntax-escape = a backslash escape JSON does not have
syntax-number = a number JSON cannot read
syntax-control-character = a tab or line break inside a text; write it as \t or \n
syntax-trailing-comma = a comma before a closing bracket or brace
syntax-trailing-characters = more text after the week's closing brace
syntax-other = { $message }
calendar-not-utf8 = not UTF-8 text
calendar-not-calendar = not an iCalendar file: it does not begin with BEGIN:VCALENDAR
calendar-unclosed = this VEVENT has no END:VEVENT
calendar-not-content-line = "{ $line }" in this VEVENT is not a content line (NAME:value)
calendar-no-uid = this VEVENT has no UID
calendar-sequence = the event "{ $uid }" has SEQUENCE "{ $text }", which is not a whole number

## The summary of `fora check`.

check-dates = { $start } to { $end } ({ $zone })
check-summary = { $fora ->
    [one] 1 forum
   *[other] { $fora } fora
}{ $cancelled ->
    [0] {""}
   *[other] , { $cancelled } cancelled
}, { $scheduled } scheduled, { $days ->
    [one] 1 day
   *[other] { $days } days
}, { $hours } of programme ({ $covered } covered)
check-people = { $registrations ->
    [one] 1 registration
   *[other] { $registrations } registrations
}, { $participants ->
    [one] 1 participant
   *[other] { $participants } participants
}
check-registrations = { $registrations ->
    [one] 1 registration
   *[other] { $registrations } registrations
}
check-participants = { $participants ->
    [one] 1 participant
   *[other] { $participants } participants
}
count-fora = { $fora ->
    [one] 1 forum
   *[other] { $fora } fora
}
check-no-findings = no findings
check-more = … and { $more } more of this kind (--max-findings N shows more)
check-totals = { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}

## What commands say they did.

note-errors = the week has { $errors ->
    [one] 1 error finding
   *[other] { $errors } error findings
}; `fora check { $file }` lists them
note-no-updated = the week has no "updated"; set it to now, so that changed events carry when they changed
said-published = { $new } new, { $changed } changed (SEQUENCE raised), { $gone } gone from the week (published cancelled), { $unchanged } unchanged
said-created = created { $file }: { $name }, { $start } to { $end } ({ $zone }), id "{ $id }"
said-unchanged = nothing to change: { $file } already says so
said-dry-run = dry run, nothing written; without --dry-run: { $what }
said-more-findings = { $more ->
    [one] … and 1 more new error finding of other fora
   *[other] … and { $more } more new error findings of other fora
}
said-refused-label = refused
said-refused = the change would add { $findings ->
    [one] 1 error finding
   *[other] { $findings } error findings
}; nothing written (--force writes it anyway)
said-added = added "{ $id }" ({ $title }): { $scheduled ->
    [yes] { $start }
   *[no] not scheduled yet
}, { $duration }{ $in_room ->
    [yes] , room { $room }
   *[no] {""}
}
said-moved = moved "{ $id }" { $what }
said-moved-time = from { $from } to { $to }
said-moved-time-first = to { $to }
said-moved-room = from room { $from } to { $to }
said-moved-room-first = to room { $to }
said-set = set "{ $id }": { $what }
said-set-field = { $field } "{ $value }"
said-removed-field = { $field } removed
said-cancelled = cancelled "{ $id }"; calendars exported from now on mark it cancelled
said-removed = removed "{ $id }" ({ $title }); `fora ics --previous` publishes it as cancelled
said-room-added = added room "{ $id }" ({ $name })

## What is wrong with a command line.

usage-hint = For more information, try `fora --help` (or `fora help COMMAND`).
usage-invalid-value = { $flag } { $value }: not a value this option takes
usage-possible-values = { $flag } { $value }: not one of { $values }
usage-unknown-argument = the argument '{ $argument }' is unknown here
usage-unknown-command = '{ $command }' is not a command of fora
usage-unknown-argument-closest = the argument '{ $argument }' is unknown here; did you mean '{ $closest }'?
usage-unknown-command-closest = '{ $command }' is not a command of fora; did you mean '{ $closest }'?
usage-missing = these are required: { $arguments }
usage-missing-command = a command is required: check, timetable, list, show, ics, diff, new, add, move, set, cancel, rm, room, week, rules, expect, registrations, free, completions or man
usage-conflict = { $argument } cannot be used with { $other }

## list and show (h1)

column-id = Id
mark-error = ✗
mark-tentative = ?
legend-tentative = { $mark } = tentative: planned, not certain yet.
list-none = No forum matches.
list-unscheduled = not scheduled yet
show-when-label = When
show-when = { $range } ({ $minutes } min)
show-when-unscheduled = not scheduled yet ({ $minutes } min)
show-room = { $name } (id { $id })
show-room-capacity = { $name } (id { $id }, { $capacity } places)
show-room-undeclared = { $id } (not declared)
show-description = Description
show-registrations = Registrations
show-capacity = Capacity
show-attendees = Attendees
show-attendees-count = { $attendees } listed by number
show-unknown-keys = Unknown keys
suggest-forum = "{ $id }" ({ $title })
suggest-either = { $first } or { $last }
value-unknown-speaker = { $speaker }: no forum of the week has a speaker of this name; did you mean "{ $closest }"?
value-unknown-speaker-none = { $speaker }: no forum of the week names a speaker
value-unknown-format = { $format }: no forum of the week has this format; did you mean "{ $closest }"?
value-unknown-format-none = { $format }: no forum of the week gives a format

## workbench edits (h2)

value-decimal = { $text }: not a number; write it like 6,5 or 6.5
value-count = { $text }: not a whole number; write it like 120 or 1.200
value-boolean = { $text }: not yes or no; write true, false, yes, no, ja or nein
value-day-time = { $text }: not a time of day; write it like 09:00
value-time-zone = { $text }: not an IANA time zone; use a name like Europe/Berlin
value-time-zone-closest = { $text }: not an IANA time zone; did you mean "{ $closest }"?
value-week-id = { $id }: a week's id may hold only ASCII letters, digits, "-", "_", "." and "@"
value-required = { $field }: the week cannot do without it; give it a value
value-email = { $text }: not an e-mail address
value-link-no-scheme = { $url }: not a link calendars make clickable; did you mean https://{ $url }?
value-link-scheme = { $url }: calendars make only https:// and http:// links clickable
value-link-malformed = { $url }: not a link; write it like https://example.org/join
value-room-in-use = room "{ $room }" is the room of { $count ->
    [one] 1 forum: { $fora }; move it
   *[other] { $count } fora: { $fora }; move them
} first (`fora move FILE ID --room ROOM`), or remove the room with --reassign ROOM
value-reassign-itself = { $room }: that is the room removed; --reassign names the room its fora move to
value-unknown-setting = { $field }=: the fields are { $fields }
value-unknown-setting-closest = { $field }=: did you mean "{ $closest }"? The fields are { $fields }
said-week-set = set the week: { $what }
said-uids-change = note: every calendar UID changes (…{ $from } becomes …{ $to }); publish with `fora ics --previous`, so that calendars drop the old events instead of showing each forum twice
said-rules-set = set the rules: { $what }
said-expect-set = set the expected figures: { $what }
said-room-set = set room "{ $id }": { $what }
said-room-removed = removed room "{ $id }" ({ $name })
said-room-removed-moved = removed room "{ $id }" ({ $name }); { $fora ->
    [one] 1 forum
   *[other] { $fora } fora
} moved to room { $to }: { $ids }
said-more-errors = { $more ->
    [one] … and 1 more new error finding
   *[other] … and { $more } more new error findings
}
said-more-warnings = { $more ->
    [one] … and 1 more new warning
   *[other] … and { $more } more new warnings
}
room-column-id = Id
room-column-name = Name
room-column-capacity = Capacity
room-column-link = Join link
room-column-fora = Fora
room-none = the week { $week } declares no rooms; add one with `fora room add`
room-total = { $rooms ->
    [one] 1 room
   *[other] { $rooms } rooms
}

## capacity, registrations and links (h3)

finding-over-capacity-room = "{ $forum }" has { $registrations ->
    [one] 1 registration
   *[other] { $registrations } registrations
}, more than room "{ $room }" holds ({ $capacity })
finding-over-capacity = "{ $forum }" has { $registrations ->
    [one] 1 registration
   *[other] { $registrations } registrations
}, more than its capacity ({ $capacity })
finding-near-capacity-room = "{ $forum }" has { $registrations ->
    [one] 1 registration
   *[other] { $registrations } registrations
}, { $percent } % of what room "{ $room }" holds ({ $capacity })
finding-near-capacity = "{ $forum }" has { $registrations ->
    [one] 1 registration
   *[other] { $registrations } registrations
}, { $percent } % of its capacity ({ $capacity })
finding-bad-link-no-scheme = { $place }: the join link "{ $url }" has no scheme (it does not start with https://), so calendars show it as plain text; write "{ $suggestion }"
finding-bad-link-scheme = { $place }: the join link "{ $url }" is not a web link ({ $scheme }:); use an https:// link
finding-bad-link-malformed = { $place }: the join link "{ $url }" is not a URL; write it like https://example.org/join
finding-attendee-overlap = "{ $a }" ({ $a_time }) and "{ $b }" ({ $b_time }) overlap, and { $attendees ->
    [one] 1 attendee is
   *[other] { $attendees } attendees are
} registered for both
check-forum-registrations = { $registrations ->
    [one] 1 registration for a forum
   *[other] { $registrations } registrations for fora
}
count-registrations = { $registrations ->
    [one] 1 registration
   *[other] { $registrations } registrations
}
export-empty = the file has no header row
export-no-column = no column header looks like { $column ->
    [forum] the forum (forum, veranstaltung, session, title, titel …); name it with --forum-column HEADER
   *[attendee] the attendee's number (attendee, teilnehmer, teilnehmer-nr, nummer, number …); name it with --attendee-column HEADER
}; the headers are { $headers }
export-unknown-column = { $column ->
    [forum] --forum-column
   *[attendee] --attendee-column
} { $name }: no column has this header; the headers are { $headers }
export-unknown-column-closest = { $column ->
    [forum] --forum-column
   *[attendee] --attendee-column
} { $name }: no column has this header; did you mean "{ $closest }"?
export-same-column = the column "{ $header }" cannot be both the forum and the attendee; name them with --forum-column and --attendee-column
export-empty-value = { $column ->
    [forum] no forum
   *[attendee] no attendee
} in this row: the column "{ $header }" is empty
export-unknown-forum = "{ $value }": no forum of the week has this id or title
export-unknown-forum-closest = "{ $value }": no forum of the week has this id or title; did you mean "{ $closest }" ({ $title })?
export-ambiguous-forum = "{ $value }": { $fora } fora have this id or title; write the forum's id in the file instead
export-not-pseudonym = the column "{ $header }" holds a name or an e-mail address: registrations take pseudonymous numbers only (such as 1042 or T-0042), and a week file never holds names; export the attendees' numbers, or name their column with --attendee-column
export-unreadable = the file does not read as CSV: { $why }
said-registrations = { $export }: { $registrations ->
    [one] 1 registration
   *[other] { $registrations } registrations
}{ $repeated ->
    [0] {""}
    [one] {" "}(1 repeated row counted once)
   *[other] {" "}({ $repeated } repeated rows counted once)
} for { $fora ->
    [one] 1 forum
   *[other] { $fora } fora
}: { $changed } changed, { $unchanged } unchanged; { $untouched ->
    [one] 1 forum
   *[other] { $untouched } fora
} of the week not in the file left as { $untouched ->
    [one] it was
   *[other] they were
}
said-registrations-forum = {"  "}"{ $id }": { $before } → { $after }
said-registrations-none = none

## spreadsheets and calendars (h4)

column-status = Status
column-link = Link
column-description = Description
calendar-selection = { $week } – selection
diff-week-contact = Contact
value-needs-file = writes a workbook, which is not text: give it a file with -o FILE (or --output FILE)

## free and diff (main)

diff-longer = Longer
diff-shorter = Shorter
finding-legacy-zone = timezone "{ $zone }" is an abbreviation the time zone database keeps for old files; write "{ $canonical }", the zone of a place, which every calendar knows
free-heading-speakers = Free slots for a forum of { $duration } with { $speakers }
free-none-speakers = No free slot for a forum of { $duration } with { $speakers }: every start breaks a rule, meets another forum or finds a speaker busy.
free-unknown-speaker = no forum has the speaker "{ $name }" yet, so every slot is free for them; did you mean "{ $closest }"?

## import (main)
said-imported = { $fora ->
        [one] 1 forum
       *[other] { $fora } fora
    } from { $format } in { $rooms ->
        [one] 1 room
       *[other] { $rooms } rooms
    }, { $start } to { $end } ({ $zone }) → { $file }; `fora check` reads it
word-standard-output = standard output
said-dropped = Not carried over (the week file has no place for them): { $what }
dropped-subtitle = { $count ->
        [one] 1 subtitle
       *[other] { $count } subtitles
    }
dropped-link = { $count ->
        [one] 1 link
       *[other] { $count } links
    }
dropped-attachment = { $count ->
        [one] 1 attachment
       *[other] { $count } attachments
    }
dropped-recording = { $count ->
        [one] 1 recording flag or licence
       *[other] { $count } recording flags and licences
    }
dropped-track = { $count ->
        [one] 1 track
       *[other] { $count } tracks
    } (beside a type)
dropped-abstract = { $count ->
        [one] 1 abstract
       *[other] { $count } abstracts
    } (beside a description)
warning-import-offsets = warning: { $count ->
        [one] 1 event carries
       *[other] { $count } events carry
    } an offset that is not { $zone }'s at that moment ({ $offsets }); their instants are kept, their clock times are { $zone }'s
warning-import-skipped = warning: left out: { $row }
import-unrecognised = not a format fora reads; --from names it (frab-xml, frab-json, schedule2, pretalx, csv, xlsx, ods)
import-is-week = is a week file already: fora reads it as it is (fora check, fora timetable …); nothing to import
import-syntax = not readable as { $format }: { $message }
import-no-zone = names no time zone; --timezone gives it (e.g. --timezone Europe/Berlin)
import-no-zone-offsets = names no time zone, and its times carry the offsets { $offsets }; --timezone gives the zone (e.g. --timezone Europe/Berlin)
import-zone = time_zone_name “{ $zone }” is no IANA time zone; --timezone gives one (e.g. --timezone { $closest })
import-no-dates = has no event with a start and no days: there is no week to make of it
import-week = the week made of it does not load (please report this): { $error }
row-error = row { $row }, column “{ $column }”: { $problem }
row-empty = empty, and a forum needs it
row-date = “{ $value }” is no date (23.06.2020, 2020-06-23, 23.6.20)
row-time = “{ $value }” is no time of day (10:00)
row-duration = “{ $value }” is no duration (90, 1:30, 1.5 h, 90 min)
row-end-before-start = “{ $value }” is before the start
## frab export (h1)

frab-room-none = Programme
frab-unscheduled = { $format }: { $count ->
    [one] 1 unscheduled forum
   *[other] { $count } unscheduled fora
} not exported (an event needs a start): { $ids }
frab-cancelled = { $format }: { $count ->
    [one] 1 cancelled forum
   *[other] { $count } cancelled fora
} left out (the format has no word for a cancelled event): { $ids }
frab-bad-links = { $format }: the join link of { $count ->
    [one] 1 forum
   *[other] { $count } fora
} left out, it is no https:// or http:// address: { $ids }
frab-fields = { $format }: the format cannot carry: { $fields }
frab-zone = { $format }: time_zone_name left out: the schema takes no zone named "{ $zone }"; apps read the times by their offsets
error-frab-duplicates = { $file }: { $format } needs ids no two fora or rooms share (its readers tell events apart by them): { $count ->
    [one] fix the duplicate-id finding above
   *[other] fix the { $count } duplicate-id findings above
}; nothing was written
value-base-url-needed = { $format } needs it: its schema requires every event's url, the forum's page under the base URL; give it like --base-url https://example.org/week
value-base-url-no-scheme = "{ $url }": not an absolute address; did you mean https://{ $url }?
value-base-url-scheme = "{ $url }": the base URL must be an https:// or http:// address
value-base-url-malformed = "{ $url }": not an address; write it like https://example.org/week

## spreadsheets import (h3)
import-sheet-empty = has no rows: a spreadsheet needs a header row (Titel, Datum, Beginn, Dauer …) and a row a forum
import-columns = has no header row with { $missing } in its first rows; its headers: { $headers }
sheet-column-title = a title column (Titel, Title, Thema, Veranstaltung)
sheet-column-start = a start column (Beginn, Start, Uhrzeit, Von, or Datum with date and time)
row-error-sheet = sheet “{ $sheet }”, row { $row }, column “{ $column }”: { $problem }
row-no-date = “{ $value }” is a time without a date, and no date column gives one
row-no-year = “{ $value }” names no year, and the sheet's other dates are not all in one year; write it as 23.06.2020
row-no-end = “{ $value }” gives no end, and there is no column for the duration (Dauer, Duration) or the end (Ende, End)
row-status = “{ $value }” is no status (bestätigt, vorläufig, abgesagt, confirmed, tentative, cancelled)
sheet-header = “{ $header }”
sheet-and = and

## schedules import (h2)
warning-import-no-duration = warning: { $count ->
        [one] 1 event has
       *[other] { $count } events have
    } no duration (or one of 0 minutes); { $count ->
        [one] it runs
       *[other] they run
    } 1 minute in the week file
warning-import-second-pass = warning: { $count ->
        [one] 1 event starts
       *[other] { $count } events start
    } in the second pass of an hour the clocks repeat; a week file's clock time there is the first pass, so { $count ->
        [one] it starts
       *[other] they start
    } an hour early: check { $count ->
        [one] it
       *[other] them
    } with `fora check`
warning-import-long-duration = warning: { $count ->
        [one] 1 event runs
       *[other] { $count } events run
    } longer than a day; { $count ->
        [one] it is
       *[other] they are
    } cut to 24 hours, the longest a forum runs
import-span = its dates run from { $start } to { $end }, further than a week file reaches (at most { $most } days, in the years 1 to 9999)

## programme site (main)
site-zone = { $abbreviation }
site-skip = Skip to content
site-nav = Main navigation
site-programme = Programme
site-rooms = Rooms
site-changes = Changes
site-language-name = English
site-root-link = Programme in English
site-page-title = { $title } – { $week }
site-duration = Duration
site-minutes = { $minutes } min
site-tentative-note = This forum is tentative: planned, not certain yet.
site-cancelled-note = This forum was cancelled.
site-star = Star
site-selection = My selection
site-zone-week = All times in { $zone } ({ $name }).
site-zone-viewer = All times in your time zone:
site-zone-switch = Show times in my time zone
site-only-selection = Show only my selection
site-download-selection = Selection as a calendar (.ics)
site-share-selection = Link to this selection
site-selection-help = Star fora to make your own programme. It stays in this browser, and the link to it takes it to another device.
site-now = On now
site-next = Next
site-calendar = Calendar
site-download-week = Whole week as a calendar (.ics)
site-download-day = This day as a calendar (.ics)
site-download-room = This room as a calendar (.ics)
site-download-forum = Download for your calendar (.ics)
site-subscribe = Subscribe (webcal)
site-subscribe-help = Subscribed calendars pick up every change. Address to subscribe to:
site-copy-address = Copy address
site-copied = Copied.
site-add-to = Add to
site-google = Google Calendar
site-outlook-com = Outlook.com
site-outlook-365 = Outlook (Microsoft 365)
site-back = Back to the programme
site-capacity = Seats: { $capacity }
site-join-room = Join the room
site-no-room = No room
site-changes-intro = What changed for attendees since the version published before.
site-made-with = Made with fora.
site-said = Site written to { $folder }: { $pages } pages and { $calendars } calendars in German and English.
site-not-a-site = { $folder } is not empty and holds no site of fora ({ $file } is missing); choose an empty folder
site-no-previous = { $folder } holds no site of fora to compare with ({ $file } is missing)

## planning (main)

place-person = person "{ $name }" (under "people")
place-group = group "{ $name }" (under "groups")
problem-interval = { $key } "{ $text }" is not a stretch of time; write a day like "2020-06-23", hours of a day like "2020-06-23T09:00/12:00" or "2020-06-23T09:00/2020-06-24T12:00"
problem-preference = prefer "{ $text }" is not a day ("2020-06-24"), "morning", "afternoon" or hours ("10:00/12:00")
problem-unknown-forum = { $key }: no forum has the id "{ $id }"
problem-unknown-forum-closest = { $key }: no forum has the id "{ $id }"; did you mean "{ $closest }"?

plan-no-room = { $registrations } registered, but no room it may have seats more than { $largest }
plan-no-start = { $limit }, which leaves no start for its { $duration } on the grid of { $grid } minutes
plan-blocked = { $limit }, and { $blocked }
plan-limit-day = it may run only within the day window { $window }
plan-limit-window = its window allows only { $times }
plan-limit-speaker = { $speaker } is available only { $times }
plan-blocked-rooms-full = all rooms are full then
plan-blocked-rooms-unavailable = the rooms are not available then
plan-blocked-speaker = { $speaker } speaks in "{ $other }" then
plan-blocked-group = "{ $other }", for the same audience ({ $group }), runs then
plan-blocked-order = it cannot keep its order with "{ $other }" then
plan-blocked-single-track = another forum runs then, and the week has a single track

plan-refused = the plan would add { $findings ->
    [one] an error finding
   *[other] { $findings } error findings
  }, which is a fault of fora; nothing was written. Please report it with the week file.
plan-summary = { $placed ->
    [one] 1 forum placed
   *[other] { $placed } fora placed
  }, { $moved } moved, { $unplaced } not placed.
plan-moved-from = (before: { $start })
plan-not-placed = Not placed:
plan-objective = Objective: { $clashes ->
    [one] 1 attendee registration
   *[other] { $clashes } attendee registrations
  } for two fora at once · { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
  } · { $empty } empty seats · { $missed } of { $preferences } preferences missed · { $late } after the day windows' start
plan-stopped = Stopped after the time limit of { $seconds } s with the best plan found so far.
plan-written = Written to { $file }.
plan-dry-run = Dry run: nothing written.
plan-not-written = Nothing written: give -o FILE for a copy or --write for the week file itself.

value-time-limit = "{ $text }" is not a length of time; write it like 10s, 2m or 500ms

plan-forum = "{ $title }" ({ $id })

## planning checks (h6)

finding-unavailable-speaker = "{ $speaker }" is available { $available }, but "{ $forum }" runs { $time }
finding-unavailable-room = room "{ $room }" may be used { $available }, but "{ $forum }" runs { $time } in it
finding-outside-window = "{ $forum }" runs { $time }, outside its window { $window }
finding-outside-empty-window = "{ $forum }" runs { $time }, but its window is empty
finding-out-of-order = "{ $then }" ({ $then_time }) is to start only once "{ $first }" ({ $first_time }) has ended
finding-group-overlap = "{ $a }" ({ $a_time }) and "{ $b }" ({ $b_time }) overlap, but both are for group "{ $group }"
times-only = only { $times }
times-never = at no time

show-window = Window
show-after = After
show-before = Before
show-prefer = Preferred
show-prefer-morning = in the morning
show-prefer-afternoon = in the afternoon
show-prefer-hours = { $from }–{ $to }
show-fixed = Fixed
show-fixed-yes = yes: fora plan does not move it
show-groups = Groups
show-available = Available
show-available-speaker = { $speaker }: { $times }
show-available-room = room { $room }: { $times }

value-interval = { $text }: not a stretch of time; write a day like 2020-06-23, hours of a day like 2020-06-23T09:00/12:00 or 2020-06-23T09:00/2020-06-24T12:00, several separated by commas
value-preference = { $text }: not a day (2020-06-24), morning, afternoon or hours (10:00/12:00)

## end
