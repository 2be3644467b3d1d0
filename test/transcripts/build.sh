# docker build: BuildKit's steps, CACHED on a rebuild, a changed file, history of the new layers;
# a failing RUN; a multi-stage build; the classic builder with DOCKER_BUILDKIT=0.
exec 2>&1
mkdir -p app && cd app
printf 'FROM alpine\nRUN echo built > /built.txt\nCOPY hello.txt /app/\nWORKDIR /app\nCMD ["cat", "/app/hello.txt"]\n' > Dockerfile
echo "hello from the image" > hello.txt
docker build -t app:1 .
echo "exit=$?"
docker run --rm app:1
docker build -t app:1 . 2>&1 | grep -c CACHED
echo "changed" > hello.txt
docker build -t app:1 . 2>&1 | grep -E '^#[0-9]+ (\[|CACHED|DONE)'
docker history app:1
docker images
printf 'FROM alpine\nRUN echo "about to fail" && exit 3\n' > Dockerfile.bad
docker build -f Dockerfile.bad -t bad .
echo "exit=$?"
docker images --format '{{.Repository}}:{{.Tag}}'
printf 'FROM alpine AS build\nRUN echo compiled > /out\nFROM alpine AS unused\nRUN exit 1\nFROM scratch\nCOPY --from=build /out /out\n' > Dockerfile.multi
docker build -f Dockerfile.multi -t multi . 2>&1 | grep -E '^#[0-9]+ \['
docker history multi
DOCKER_BUILDKIT=0 docker build -t classic .
echo "exit=$?"
printf 'FROM alpine as base\nMAINTAINER someone\nCMD echo hi\n' > Dockerfile.lint
docker build -q -f Dockerfile.lint -t linted .
docker build --check -f Dockerfile.lint .
echo "exit=$?"
