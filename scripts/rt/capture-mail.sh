#!/bin/sh
# RT's $SendmailPath in throwaway instances: each message RT sends lands in a file of mail/ next
# to this script instead of leaving the machine.
dir="$(dirname "$0")/mail"
mkdir -p "$dir"
umask 077
cat > "$dir/$(date +%s%N)-$$.eml"
