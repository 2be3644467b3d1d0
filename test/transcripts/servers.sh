# The bundled servers: nginx behind a published port, redis keeping its data in a volume.
exec 2>&1
docker run -d --name web -p 8080:80 nginx >/dev/null 2>&1
sleep 1
curl -s localhost:8080 | grep title
curl -sI localhost:8080/missing | head -1
docker logs web 2>&1 | grep -c 'GET /'
docker run -d --name cache -v redisdata:/data redis >/dev/null 2>&1
sleep 1
docker exec cache redis-cli set greeting hello
docker stop cache >/dev/null
docker rm cache >/dev/null
docker run -d --name cache2 -v redisdata:/data redis >/dev/null
sleep 1
docker exec cache2 redis-cli get greeting
docker run --rm hello-world 2>/dev/null | head -2
