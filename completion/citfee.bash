# bash completion for citfee: commands, options, output formats, periods and files.
# Installed as bash-completion/completions/citfee; asks the citfee being
# completed for its commands and options.

# The semesters worth offering: those of last year and of this one.
# CITFEE_TODAY (YYYY-MM-DD) fixes today, as it does for citfee.
_citfee_year() {
  if [[ -n ${CITFEE_TODAY:-} ]]; then
    printf '%s\n' "${CITFEE_TODAY%%-*}"
  else
    printf '%(%Y)T\n' -1
  fi
}

# What citfee's own --help says: its commands, a command's options, and the
# values an option accepts ("{csv,tsv}"), so a new command or option needs no
# change here. $1 is the citfee being completed.
_citfee_commands() {
  "$1" --help 2>/dev/null | awk '/^Subcommands:/ { on = 1; next } on && /^$/ { exit } on { print $1 }'
}

_citfee_options() {
  "$1" "$2" --help 2>/dev/null |
    awk '/^Options:/ { on = 1; next } on && /^$/ { exit } on && /^  -/ { print $1 }' | tr ',' ' '
}

_citfee_choices() {
  "$1" "$2" --help 2>/dev/null | awk -v option="$3" '
    /^  -/ {
      n = split($1, names, ",")
      for (i = 1; i <= n; i++) {
        if (names[i] == option && match($0, /\{[^}]*\}/)) {
          choices = substr($0, RSTART + 1, RLENGTH - 2)
          gsub(",", " ", choices)
          print choices
        }
      }
    }'
}

# Fills COMPREPLY with the words of $1 that start with $2.
_citfee_words() {
  mapfile -t COMPREPLY < <(compgen -W "$1" -- "$2")
}

# Fills COMPREPLY with directories and the files matching the glob $1 (all
# files without it) that start with $2.
_citfee_files() {
  compopt -o filenames 2>/dev/null
  if [[ -z $1 ]]; then
    mapfile -t COMPREPLY < <(compgen -f -- "$2")
  else
    mapfile -t COMPREPLY < <(compgen -d -- "$2"; compgen -f -X "!$1" -- "$2")
  fi
}

_citfee() {
  local cur=${COMP_WORDS[COMP_CWORD]}
  local prev=${COMP_WORDS[COMP_CWORD - 1]}
  # --period=2026-H1: bash splits the word at '='.
  if [[ $cur == = ]]; then
    cur=""
  elif [[ $prev == = ]]; then
    prev=${COMP_WORDS[COMP_CWORD - 2]}
  fi
  COMPREPLY=()

  local citfee=${COMP_WORDS[0]}
  local commands command="" i
  commands=" $(_citfee_commands "$citfee" | xargs) "
  for ((i = 1; i < COMP_CWORD; i++)); do
    if [[ $commands == *" ${COMP_WORDS[i]} "* ]]; then
      command=${COMP_WORDS[i]}
      break
    fi
  done

  if [[ -n $command ]]; then
    local year
    case $prev in
      --period | --up-to)
        year=$(_citfee_year)
        _citfee_words "$((year - 1))-H1 $((year - 1))-H2 $year-H1 $year-H2" "$cur"
        return
        ;;
      --year)
        year=$(_citfee_year)
        _citfee_words "$((year - 1)) $year $((year + 1))" "$cur"
        return
        ;;
      --entities | --usage | --events | --populations)
        _citfee_files '*.[cC][sS][vV]' "$cur"
        return
        ;;
      --tariff | --issuer | --compare-tariff)
        _citfee_files '*.[tT][oO][mM][lL]' "$cur"
        return
        ;;
      --statements)
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -d -- "$cur")
        return
        ;;
      -o | --output)
        _citfee_files "" "$cur"
        return
        ;;
    esac
    local choices
    choices=$(_citfee_choices "$citfee" "$command" "$prev")
    if [[ -n $choices ]]; then
      _citfee_words "$choices" "$cur"
    elif [[ -z $cur || $cur == -* ]]; then
      _citfee_words "$(_citfee_options "$citfee" "$command")" "$cur"
    fi
    return
  fi

  if [[ $cur == -* ]]; then
    _citfee_words "--help --version" "$cur"
  else
    _citfee_words "$commands" "$cur"
  fi
}

complete -F _citfee citfee
