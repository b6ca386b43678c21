#!/bin/sh
# Makes the signed-request test vectors with openssl, an implementation independent of the verifier's JCA
# code, exactly as the Canvas Developer Guide describes a signed request: the envelope (one line of JSON,
# <name>.json) Base64-encoded, HMAC-SHA256 over that Base64 text with the consumer secret, the MAC
# Base64-encoded, joined by '.'. The outputs (<name>.signed) are committed; rerun only after changing an
# envelope:  sh make-vectors.sh
# wrong-secret.json is signed with another secret than the one SignedRequestVerifierTest configures.
set -eu
cd "$(dirname "$0")"
for f in *.json; do
  secret='8123456789012345678'
  [ "$f" = wrong-secret.json ] && secret='another-secret'
  enc=$(tr -d '\n' < "$f" | openssl base64 -A)
  mac=$(printf '%s' "$enc" | openssl dgst -sha256 -hmac "$secret" -binary | openssl base64 -A)
  printf '%s.%s\n' "$mac" "$enc" > "${f%.json}.signed"
done
