#!/bin/sh
# Remakes the TLS fixtures of test-sync-tls: a test CA, an unrelated CA, and a certificate for
# 127.0.0.1 signed by the first, valid from 2000 to 2100 so that no machine clock matters.
# Needs openssl only to remake them; the tests read the committed files.
set -eu
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat >"$work/ca.conf" <<CONF
[ca]
default_ca = test
[test]
dir = $work
database = $work/index.txt
new_certs_dir = $work
serial = $work/serial
default_md = sha256
policy = any
unique_subject = no
[any]
commonName = supplied
[req]
distinguished_name = dn
[dn]
[v3_ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[v3_server]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1,DNS:localhost
authorityKeyIdentifier = keyid
CONF

sign() {  # sign NAME SUBJECT EXTENSIONS [CA-NAME]
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "$2" \
    -config "$work/ca.conf" -keyout "$work/$1-key.pem" -out "$work/$1.csr" 2>/dev/null
  : >"$work/index.txt"
  openssl rand -hex 16 >"$work/serial"
  if [ $# -eq 3 ]; then
    set -- "$1" "$2" "$3" -selfsign -keyfile "$work/$1-key.pem"
  else
    set -- "$1" "$2" "$3" -cert "$4.pem" -keyfile "$work/$4-key.pem"
  fi
  name=$1 ext=$3
  shift 3
  openssl ca -batch -notext -config "$work/ca.conf" -startdate 20000101000000Z \
    -enddate 21000101000000Z -extensions "$ext" -in "$work/$name.csr" -out "$name.pem" "$@" \
    2>/dev/null
}

sign ca "/CN=Gestiona Test CA" v3_ca
sign other-ca "/CN=Gestiona Other Test CA" v3_ca
sign server "/CN=127.0.0.1" v3_server ca
cp "$work/server-key.pem" server-key.pem
