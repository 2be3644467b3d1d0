#!/bin/sh
# Greets whoever is named in the first argument.
echo "${GREETING:-Hello}, ${1:-world}!"
