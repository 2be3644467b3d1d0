#!/bin/sh
# deploy.sh [VERSION]: build this directory as site:VERSION and make it the live server.
# VERSION is the commit id unless given, as a CI service runs it after every commit.
set -e
VERSION="${1:-$(git rev-parse --short HEAD)}"
if [ -z "$1" ] && [ -n "$(git status --porcelain -uno)" ]; then echo "uncommitted changes: commit them first (git commit -am ...)" >&2; exit 1; fi

# 1. build
docker build -t "site:$VERSION" .

# 2. replace the live container
docker rm -f prod 2>/dev/null || true
docker run -d --name prod -p 8080:80 "site:$VERSION"

# 3. check that it answers
for i in 1 2 3 4 5; do
  if curl -s localhost:8080 > /dev/null; then
    echo "site:$VERSION is live on port 8080"
    exit 0
  fi
  sleep 1
done
echo "site:$VERSION does not answer" >&2
exit 1
