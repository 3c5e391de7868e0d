#!/bin/bash
# Drives the bash completion for peephole-cli the way bash does (COMP_WORDS /
# COMP_CWORD) and checks what a user pressing Tab would be offered.
#   check-completion.sh SOURCE_DIR
set -u
src=$1
# Use bash-completion's helpers when they are installed, as in a real shell.
if [ -f /usr/share/bash-completion/bash_completion ]; then
    # shellcheck source=/dev/null
    source /usr/share/bash-completion/bash_completion
fi
# shellcheck source=/dev/null
source "$src/packaging/completion/peephole-cli" || { echo "FAIL: cannot source the completion" >&2; exit 1; }
complete -p peephole-cli >/dev/null || { echo "FAIL: no completion registered for peephole-cli" >&2; exit 1; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch" || exit 1
touch body.json bodies.txt other.har

failures=0
# expect "WORDS..." -- EXPECTED...   (the last word is the one being completed)
expect() {
    local words=() expected=()
    while [ "$1" != "--" ]; do words+=("$1"); shift; done
    shift
    expected=("$@")
    COMP_WORDS=("${words[@]}")
    COMP_CWORD=$((${#words[@]} - 1))
    COMP_LINE="${words[*]}"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    _peephole_cli peephole-cli "${words[-1]}" "${words[-2]}"
    local got want
    got=$(printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ')
    want=$(printf '%s\n' "${expected[@]}" | sort | tr '\n' ' ')
    if [ "$got" != "$want" ]; then
        echo "FAIL: '${words[*]}<TAB>' offered [$got], expected [$want]" >&2
        failures=$((failures + 1))
    fi
}

expect peephole-cli "" -- send run convert credentials oauth
expect peephole-cli co -- convert
expect peephole-cli cr -- credentials
expect peephole-cli send --pro -- --proxy --proxy-user
expect peephole-cli send --auth "" -- any basic digest bearer
expect peephole-cli send -X P -- POST PUT PATCH
expect peephole-cli send --data-file bod -- body.json bodies.txt
expect peephole-cli send --har o -- other.har
expect peephole-cli run api --report "" -- junit json
expect peephole-cli run api --report junit b -- body.json bodies.txt
expect peephole-cli run api --b -- --bail
expect peephole-cli convert --from "" -- curl har postman http
expect peephole-cli convert --from har --to p -- postman
expect peephole-cli convert --from har --to curl o -- other.har
expect peephole-cli credentials "" -- list forget
expect peephole-cli oauth "" -- token show list forget decode
expect peephole-cli oauth token --gr -- --grant
expect peephole-cli oauth token --grant "" -- code client_credentials device refresh
expect peephole-cli oauth token --client-auth b -- basic body
expect peephole-cli send --oa -- --oauth

if [ "$failures" -ne 0 ]; then
    echo "$failures completion check(s) failed" >&2
    exit 1
fi
echo "bash completion offers the expected words"
