# docker build: steps, the cache on a rebuild, history of the new layers.
exec 2>&1
mkdir -p app && cd app
printf 'FROM alpine\nRUN echo built > /built.txt\nCOPY hello.txt /app/\nWORKDIR /app\nCMD ["cat", "/app/hello.txt"]\n' > Dockerfile
echo "hello from the image" > hello.txt
docker build -t app:1 .
echo "exit=$?"
docker run --rm app:1
docker build -t app:1 . 2>&1 | grep -c 'Using cache'
docker history app:1
docker images
