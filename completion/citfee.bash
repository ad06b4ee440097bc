# bash completion for citfee: commands, options, output formats, periods and files.
# Installed as bash-completion/completions/citfee; needs nothing but bash itself.

# The semesters worth offering: those of last year and of this one.
# CITFEE_TODAY (YYYY-MM-DD) fixes today, as it does for citfee.
_citfee_year() {
  if [[ -n ${CITFEE_TODAY:-} ]]; then
    printf '%s\n' "${CITFEE_TODAY%%-*}"
  else
    printf '%(%Y)T\n' -1
  fi
}

_citfee_options() {
  case $1 in
    annual)
      echo "--year --entities --populations --method --tariff -O --output-format -o --output --decimal-comma --lang \
--statements --all --draft --iban --issuer --date -h --help"
      ;;
    semester)
      echo "--period --entities --usage --events --populations --by --tariff -O --output-format -o --output --decimal-comma --lang \
--statements --all --draft --iban --issuer --date -h --help"
      ;;
    explain)
      echo "--year --period --entities --usage --events --populations --tariff --method -h --help"
      ;;
    check)
      echo "--entities --usage --events --populations --tariff --year -h --help"
      ;;
    ledger)
      echo "--entities --events --usage --populations --up-to --tariff -O --output-format -o --output --decimal-comma --lang \
-h --help"
      ;;
    tariff)
      echo "--year --tariff -o --output -h --help"
      ;;
  esac
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

  local command="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      annual | semester | explain | check | ledger | tariff)
        command=${COMP_WORDS[i]}
        break
        ;;
    esac
  done

  if [[ -n $command ]]; then
    local year
    case $prev in
      -O | --output-format)
        _citfee_words "table csv tsv json xlsx" "$cur"
        return
        ;;
      --method)
        _citfee_words "flat marginal" "$cur"
        return
        ;;
      --by)
        _citfee_words "line entity" "$cur"
        return
        ;;
      --lang)
        _citfee_words "en it" "$cur"
        return
        ;;
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
      --tariff | --issuer)
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
    if [[ -z $cur || $cur == -* ]]; then
      _citfee_words "$(_citfee_options "$command")" "$cur"
    fi
    return
  fi

  if [[ $cur == -* ]]; then
    _citfee_words "--help --version" "$cur"
  else
    _citfee_words "annual semester explain check ledger tariff" "$cur"
  fi
}

complete -F _citfee citfee
