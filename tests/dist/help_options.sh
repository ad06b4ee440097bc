# Helpers for the tests of the man page and the completion: what citfee's own
# --help says it accepts. Sourced; $citfee is the binary. awk reads the whole
# help rather than exit at the end of a section: an early exit could kill
# citfee with SIGPIPE while it still writes, which pipefail makes a failure.

# The commands, from `citfee --help`.
help_commands() {
  "$citfee" --help | awk '/^Subcommands:/ { on = 1; next } on && /^$/ { on = 0 } on { print $1 }'
}

# The options of a command, short and long, one a line, from `citfee COMMAND --help`.
help_options() {
  "$citfee" "$1" --help |
    awk '/^Options:/ { on = 1; next } on && /^$/ { on = 0 } on && /^  -/ { print $1 }' |
    tr ',' '\n'
}

# The values an option of a command accepts, when --help lists them: -O gives
# "table csv tsv json xlsx".
help_choices() {
  "$citfee" "$1" --help | awk -v option="$2" '
    /^  -/ {
      split($1, names, ",")
      for (i in names) {
        if (names[i] == option && match($0, /\{[^}]*\}/)) {
          choices = substr($0, RSTART + 1, RLENGTH - 2)
          gsub(",", " ", choices)
          print choices
        }
      }
    }'
}
